# Provenance that holds (issue 15): `score` records the hashes of the sets
# it used and says when they differ from the firing's; `diff` and
# `gate --baseline` refuse (exit 2) to compare runs scored with different
# sets unless told --allow-different-sets, and then name the items that
# changed.
. tests/cli/setup.sh

{ head -1 testsets/practice/practice.jsonl
  sed -n '2,9p' testsets/practice/practice.jsonl; } >"$T/set.jsonl"
mock_start "$VB" "$T" m fuzzy
write_manifest "$T/a.json" a "A" "Tỉnh A" "http://127.0.0.1:$MOCK_PORT/v1/chat/completions"
cat >"$T/contest.ini" <<INI
[contest]
name = Nguồn gốc
seed = 5
testsets = set.jsonl
submissions = a.json
resamples = 100
[politeness]
rate_per_sec = 0
INI
expect_exit 0 "a run" "$VB" run -q --contest "$T/contest.ini" --out "$T/before"
check "results.json records a digest per item" grep -q '"item_sha256"' "$T/before/results.json"
check "no firing hash is repeated when nothing changed" sh -c "! grep -q sha256_fired '$T/before/results.json'"
cp -r "$T/before" "$T/after"

# The key of the third item is corrected after the firing.
item=$(sed -n 3p "$T/set.jsonl" | sed -E 's/^\{"id": *"([^"]*)".*/\1/')
sed -i '3s/"source": *"/"source": "đã sửa: /' "$T/set.jsonl"
expect_exit 0 "the run is re-scored with the corrected set" "$VB" score -q "$T/after"
check "score says the set changed since the firing" \
  grep -q 'question set "practice" changed since the run was fired' "$T/stderr"
check "score names the item that changed since the last scoring" \
  grep -q "1 item(s) changed: $item" "$T/stderr"
check "results.json records both hashes" grep -q '"sha256_fired"' "$T/after/results.json"

expect_exit 2 "diff refuses runs scored with different sets" "$VB" diff "$T/before" "$T/after"
check "diff names the set and the item" grep -q "question set \"practice\".*1 item(s) changed: $item" "$T/stderr"
check "diff says how to compare anyway" grep -q -- "--allow-different-sets" "$T/stderr"
expect_exit 0 "diff --allow-different-sets compares" \
  "$VB" diff --allow-different-sets "$T/before" "$T/after"
check "and lists the changed item first" grep -q "^question set \"practice\".*$item" "$T/stdout"
check "then the comparison" grep -q "^## a" "$T/stdout"

expect_exit 2 "gate --baseline refuses a baseline scored with other sets" \
  "$VB" gate "$T/after" --baseline "$T/before" --require 'accuracy>=0'
check "gate names the item" grep -q "1 item(s) changed: $item" "$T/stderr"
expect_exit 0 "gate --allow-different-sets compares" \
  "$VB" gate "$T/after" --baseline "$T/before" --require 'accuracy>=0' --allow-different-sets
check "and lists what changed" grep -q "baseline: different question sets" "$T/stdout"

# Both scored with the corrected set: comparable again.
expect_exit 0 "the first run re-scored with the corrected set" "$VB" score -q "$T/before"
expect_exit 0 "now diff compares them" "$VB" diff "$T/before" "$T/after"
check "without a word about sets" sh -c "! grep -q 'different question sets' '$T/stdout'"
done_testing
