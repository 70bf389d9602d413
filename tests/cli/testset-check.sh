# vabench testset check: exit 2 with file:line and the field on every bad
# input; exit 0 with counts on the shipped practice set.
. tests/cli/setup.sh

item='"category": "cu-tru", "kind": "procedure", "question": "Đăng ký tạm trú mất bao lâu?", "facts": [{"type": "duration", "value": 3, "unit": "working_day"}], "legal_basis": ["Luật Cư trú 2020"], "valid_as_of": "2025-07-01", "source": "DOMAIN.md", "review": "reviewed"'
good="{\"id\": \"a\", $item}"

bad() { # bad NAME LINE FIELD-OR-TEXT CONTENT
  printf '%b' "$4" >"$T/$1.jsonl"
  expect_exit 2 "check $1 exits 2" "$VB" testset check "$T/$1.jsonl"
  if grep -q "$T/$1.jsonl:$2:.*$3" "$T/stderr"; then ok "$1 names line $2 and '$3'"
  else not_ok "$1 names line $2 and '$3'"; sed 's/^/# /' "$T/stderr"; fi
}

bad invalid-json 2 "invalid JSON" "$good\n{\"id\": \"b\",\n"
bad wrong-type 1 'field "id": expected a string' '{"id": 7, "category": "x", "kind": "legal"}\n'
bad missing-field 1 'field "category": missing' '{"id": "a", "kind": "legal"}\n'
bad unknown-fact-type 1 'field "facts\[0\].type"' '{"id": "a", "category": "x", "kind": "legal", "question": "Phí?", "facts": [{"type": "fee"}], "legal_basis": ["x"], "valid_as_of": "2025-07-01", "source": "s", "review": "reviewed"}\n'
bad duplicate-id 2 'duplicate id "a"' "$good\n$good\n"
bad invalid-utf8 2 "invalid UTF-8" "$good\n{\"id\": \"\377\"}\n"
bad empty 1 "no record" ""
bad header-not-first 2 'field "testset"' "$good\n{\"testset\": {\"name\": \"x\"}}\n"

expect_exit 0 "the shipped practice set passes" "$VB" testset check testsets/practice/*.jsonl
check "check prints counts per kind" grep -q "by kind:.*multiple_choice" "$T/stdout"
check "check prints counts per category" grep -q "by category:.*cu-tru" "$T/stdout"
expect_exit 0 "every shipped item holds on the set's date" "$VB" testset check --as-of 2026-12-03 testsets/practice/*.jsonl
expect_exit 2 "the history does not hold today" "$VB" testset check --as-of 2026-12-03 testsets/practice/history/*.jsonl
check "an expired item is named with its window" grep -q 'item "anninhmang-001" is not valid on 2026-12-03 (valid ..2026-06-30)' "$T/stderr"
expect_exit 2 "--require-reviewed refuses unreviewed items" "$VB" testset check --require-reviewed testsets/practice/*.jsonl
check "--require-reviewed names file:line" grep -q 'jsonl:[0-9]*: field "review"' "$T/stderr"
expect_exit 2 "no file is a usage error" "$VB" testset check

# Dated keys: the 2018 law until 30/6/2026, the 2025 law from 1/7/2026.
prov='"legal_basis": ["Luật An ninh mạng"], "valid_as_of": "2026-12-03", "source": "S-anm-2025", "review": "reviewed"'
q='"category": "an-ninh-mang", "kind": "legal", "question": "Luật An ninh mạng hiện hành số mấy?", "facts": []'
cat >"$T/dated.jsonl" <<JSONL
{"testset": {"name": "dated", "as_of": "2026-12-03"}}
{"id": "anm-cu", $q, "valid_until": "2026-06-30", $prov}
{"id": "anm-moi", $q, "valid_from": "2026-07-01", $prov}
{"id": "luon", $q, $prov}
JSONL
expect_exit 2 "--as-of after a key expired exits 2" "$VB" testset check --as-of 2026-12-03 "$T/dated.jsonl"
check "--as-of names file:line, id and window of the expired item" \
  grep -q "dated.jsonl:2: item \"anm-cu\" is not valid on 2026-12-03 (valid ..2026-06-30)" "$T/stderr"
check "--as-of lists only the expired item" test "$(grep -c 'is not valid on' "$T/stderr")" -eq 1
check "--as-of says how many" grep -q "1 of 3 items are not valid on 2026-12-03" "$T/stderr"
expect_exit 2 "--as-of before a key starts exits 2" "$VB" testset check --as-of 2026-06-30 "$T/dated.jsonl"
check "the not-yet-valid item is named with its window" \
  grep -q "dated.jsonl:3: item \"anm-moi\" is not valid on 2026-06-30 (valid 2026-07-01..)" "$T/stderr"
grep -v anm-cu "$T/dated.jsonl" >"$T/current.jsonl"
expect_exit 0 "--as-of passes when every item holds that day" "$VB" testset check --as-of 2026-12-03 "$T/current.jsonl"
check "and says so" grep -q "every one on 2026-12-03" "$T/stdout"
expect_exit 2 "a malformed --as-of is a usage error" "$VB" testset check --as-of 3/12/2026 "$T/current.jsonl"
check "the bad --as-of value is named" grep -q -- '--as-of: "3/12/2026"' "$T/stderr"
bad bad-window 2 'field "valid_until": "2026-06-30" is before valid_from "2026-07-01"' \
  "$good\n{\"id\": \"b\", $q, \"valid_from\": \"2026-07-01\", \"valid_until\": \"2026-06-30\", $prov}\n"
bad bad-valid-from 1 'field "valid_from": "2026-7-1" is not a date' \
  "{\"id\": \"b\", $q, \"valid_from\": \"2026-7-1\", $prov}\n"

# A contest's as_of: run fires only the items valid that day and says how
# many it skipped.
mock_start "$VB" "$T" m exact
write_manifest "$T/a.json" a "A" "Tỉnh A" "http://127.0.0.1:$MOCK_PORT/v1/chat/completions"
cat >"$T/dated.ini" <<INI
[contest]
name = Thử theo ngày
seed = 3
as_of = 2026-12-03
testsets = dated.jsonl
submissions = a.json
resamples = 100
[politeness]
rate_per_sec = 0
INI
expect_exit 0 "run with as_of" "$VB" run -q --contest "$T/dated.ini" --out "$T/run-dated"
check "run's plan says how many items as_of skipped" \
  grep -q "plan: 2 items.*as_of 2026-12-03: 1 item(s) not valid that day skipped" "$T/stderr"
check "the expired item is not fired" test "$(grep -c '"item":"anm-cu"' "$T/run-dated/log.jsonl")" -eq 0
check "the current items are fired" grep -q '"item":"anm-moi"' "$T/run-dated/log.jsonl"
check "the manifest records as_of" grep -q '"as_of":[[:space:]]*"2026-12-03"' "$T/run-dated/manifest.json"
sed -i 's/^as_of = .*/as_of = 2026-13-01/' "$T/dated.ini"
expect_exit 2 "a malformed contest as_of is refused" "$VB" run -q --contest "$T/dated.ini" --out "$T/run-bad"
check "the message names file:line, [contest] and as_of" grep -q 'dated.ini:4: \[contest\] as_of: "2026-13-01"' "$T/stderr"
done_testing
