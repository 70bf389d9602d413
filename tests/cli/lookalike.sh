# Look-alike backends (issue 15): two provinces that put one assistant
# behind two endpoints are flagged, with the share and examples; an
# assistant of another kind (profile exact: no tolerance for typing
# errors) is not flagged against either, nor one that is right only some
# of the time (profile coin). The reports name the pair.
. tests/cli/setup.sh

if ! command -v jq >/dev/null 2>&1; then
  echo "ok 1 # SKIP jq is not installed"
  echo "1..1"
  exit 0
fi

mock_start "$VB" "$T" one fuzzy
url="http://127.0.0.1:$MOCK_PORT/v1/chat/completions"
write_manifest "$T/a.json" a "Trợ lý A" "Tỉnh A" "$url"
write_manifest "$T/b.json" b "Trợ lý B" "Tỉnh B" "$url"
mock_start "$VB" "$T" ex exact
write_manifest "$T/c.json" c "Trợ lý C" "Tỉnh C" \
  "http://127.0.0.1:$MOCK_PORT/v1/chat/completions"
mock_start "$VB" "$T" coin coin --right-rate 0.7 --seed 1
write_manifest "$T/d.json" d "Trợ lý D" "Tỉnh D" \
  "http://127.0.0.1:$MOCK_PORT/v1/chat/completions"
head -n 1 testsets/practice/practice.jsonl >"$T/set.jsonl"
grep '"kind": "procedure"' testsets/practice/practice.jsonl | head -n 40 >>"$T/set.jsonl"
cat >"$T/c.ini" <<INI
[contest]
name = Thử trùng hệ thống
seed = 5
testsets = set.jsonl
submissions = a.json;b.json;c.json;d.json

[nearmiss]
kinds = no_diacritics;telex

[politeness]
rate_per_sec = 0
concurrency = 8
INI
run="$T/run"
expect_exit 0 "a contest of four provinces, two behind one assistant" \
  "$VB" run --quiet --contest "$T/c.ini" --out "$run"
r="$run/results.json"
pairs=$(jq -r '.lookalikes.pairs[] | "\(.a)~\(.b)"' "$r" | tr '\n' ' ')
echo "# flagged: $pairs"
check "a and b are flagged as look-alikes" test "$pairs" = "a~b "
check "… near-identical on every question both answered" \
  test "$(jq -r '.lookalikes.pairs[0].share' "$r")" = 1
check "… with examples quoting both answers" \
  test "$(jq -r '.lookalikes.pairs[0].examples | length' "$r")" -eq 3
check "… the same answer twice" \
  test "$(jq -r '.lookalikes.pairs[0].examples[0] | .answer_a == .answer_b' "$r")" = true

expect_exit 0 "the reports are written" "$VB" report "$run" --format html,md
for f in report.md report.html; do
  check "$f has the look-alike section" \
    grep -q "Bài dự thi có câu trả lời gần như trùng nhau" "$run/$f"
  check "$f gives examples of a and b" grep -q "Ví dụ: a và b" "$run/$f"
done
expect_exit 0 "the reports in English" "$VB" report "$run" --format html,md --lang en
for f in report.en.md report.en.html; do
  check "$f has the look-alike section in English" \
    grep -q "Submissions whose answers are near-identical" "$run/$f"
  check "$f gives examples of a and b" grep -q "Examples: a and b" "$run/$f"
done
done_testing
