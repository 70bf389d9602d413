#!/bin/sh
# vabench score from the command line: a re-score gives the same bytes,
# on one thread or many,
# a file it cannot write is exit 3, a missing run is exit 2, and a log
# line whose turn is no integer in range is refused (exit 2, naming the
# line and the field): never skipped, never cast to turn 0.
. "$PWD/tests/cli/setup.sh"

if [ ! -x "$VB" ]; then
  echo "1..1"
  echo "ok 1 # SKIP vabench binary not built ($VB)"
  exit 0
fi

run="$T/run"
scripts/gen-bench-data.sh set 3 "$T/set-3.jsonl"
scripts/gen-bench-data.sh log 2 3 2 set-3 "$run"
cat >"$run/manifest.json" <<JSON
{"vabench_version": "test", "run_id": "run", "started_at": "2026-01-01T00:00:00Z",
 "contest": {"name": "Chấm lại", "seed": 5,
  "weights": {"accuracy": 0.5, "nearmiss": 0.2, "latency": 0.2, "availability": 0.1},
  "sla_ms": 3000, "resamples": 100, "nearmiss_kinds": ["no_diacritics"], "per_item": 1,
  "testsets": [{"name": "set-3", "path": "$T/set-3.jsonl", "sha256": "-",
                "visibility": "public", "items": 3}],
  "submissions": [{"id": "tinh-01", "name": "Tỉnh 01"}, {"id": "tinh-02"}]}}
JSON

expect_exit 0 "score a run" "$VB" score --quiet "$run"
check "one score record per submission × item × variant" \
  test "$(wc -l <"$run/scores.jsonl")" -eq 12
cp "$run/results.json" "$T/results.first"
cp "$run/scores.jsonl" "$T/scores.first"
expect_exit 0 "score it again" "$VB" score --quiet "$run"
check "the re-score's results.json is byte for byte the same" \
  cmp -s "$run/results.json" "$T/results.first"

# Judging on many threads hands the records on in the same order.
expect_exit 0 "score on four threads" env VABENCH_SCORE_THREADS=4 "$VB" score --quiet "$run"
check "four threads write the same scores.jsonl as one" cmp -s "$run/scores.jsonl" "$T/scores.first"
check "and the same results.json" cmp -s "$run/results.json" "$T/results.first"
expect_exit 0 "score on one thread" env VABENCH_SCORE_THREADS=1 "$VB" score --quiet "$run"
# The judgement memo gives the bytes judging without it gives.
expect_exit 0 "score without the judgement memo" env VABENCH_SCORE_MEMO=0 "$VB" score --quiet "$run"
check "the memo changes no byte of scores.jsonl" cmp -s "$run/scores.jsonl" "$T/scores.first"
check "nor of results.json" cmp -s "$run/results.json" "$T/results.first"

# A directory where the temporary file goes: the scores cannot be written.
mkdir "$run/scores.jsonl.tmp"
expect_exit 3 "score exits 3 when it cannot write" "$VB" score --quiet "$run"
check "the message names the file" grep -q 'scores.jsonl.tmp' "$T/stderr"
check "the scores already there are left whole" cmp -s "$run/scores.jsonl" "$T/scores.first"
rmdir "$run/scores.jsonl.tmp"

expect_exit 2 "score of a missing run directory is bad input" \
  "$VB" score --quiet "$T/nowhere"
check "the message names the directory" grep -q "nowhere: no such run directory" "$T/stderr"

# A turn of 1e20 is no turn vabench writes: casting it would be undefined
# (it once read as turn 0 and replaced a real answer), skipping it would
# hide it. The line is named and nothing is rewritten.
sed -n 1p "$run/log.jsonl" | sed 's/"turn":0/"turn":1e20/; s/"item":"b-000001"/"item":"b-000002"/' \
  >>"$run/log.jsonl"
bad=$(wc -l <"$run/log.jsonl")
expect_exit 2 "score refuses a log with an out-of-range turn" "$VB" score --quiet "$run"
check "the message names the line and the field" \
  grep -q "log.jsonl:$bad: field \"turn\"" "$T/stderr"
check "the scores already there are left whole" cmp -s "$run/scores.jsonl" "$T/scores.first"
done_testing
