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
expect_exit 2 "--require-reviewed refuses unreviewed items" "$VB" testset check --require-reviewed testsets/practice/*.jsonl
check "--require-reviewed names file:line" grep -q 'jsonl:[0-9]*: field "review"' "$T/stderr"
expect_exit 2 "no file is a usage error" "$VB" testset check
done_testing
