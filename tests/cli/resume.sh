# Crash safety: kill -9 a run at several points, resume each, and compare
# with an uninterrupted run: the same judgements, and no (submission, item,
# variant, turn) missing or answered twice. SIGINT stops cleanly and says
# how to resume. The reference fires on one thread, the interrupted runs on
# three and their resumes on two: the outcome must not depend on it.
. tests/cli/setup.sh

mock_start "$VB" "$T" m slow --delay-ms 40
write_manifest "$T/a.json" a "A" "Tỉnh A" "http://127.0.0.1:$MOCK_PORT/v1/chat/completions"
write_manifest "$T/b.json" b "B" "Tỉnh B" "http://127.0.0.1:$MOCK_PORT/webhooks/rest/webhook" rasa-rest
cat >"$T/contest.ini" <<INI
[contest]
name = Thử khôi phục
seed = 5
testsets = $PWD/testsets/practice/practice.jsonl
submissions = a.json;b.json
resamples = 100
[nearmiss]
kinds = no_diacritics
per_item = 1
[politeness]
concurrency = 8
rate_per_sec = 0
timeout_ms = 10000
INI

# "sub item variant turn" of every final attempt
finals() { sed -nE 's/^\{"submission":"([^"]*)","testset":"[^"]*","item":"([^"]*)","variant":"([^"]*)",.*"turn":([0-9]+),"attempt":[0-9]+,"final":true.*/\1 \2 \3 \4/p' "$1/log.jsonl" | sort; }
# "sub item variant score correct" of every score record
judgements() { sed -nE 's/^\{"submission":"([^"]*)","testset":"[^"]*","item":"([^"]*)",.*"variant":"([^"]*)","variant_kind":"[^"]*","score":([^,]*),"correct":(true|false).*/\1 \2 \3 \4 \5/p' "$1/scores.jsonl" | sort; }

"$VB" run -q --workers 1 --contest "$T/contest.ini" --out "$T/ref" >/dev/null 2>"$T/ref.err"
total=$(wc -l <"$T/ref/log.jsonl")
check "reference run logged attempts" test "$total" -gt 100
finals "$T/ref" >"$T/ref.finals"
judgements "$T/ref" >"$T/ref.judgements"
check "reference run has no duplicate final attempt" test -z "$(uniq -d "$T/ref.finals")"

for pct in 10 50 90; do
  run="$T/k$pct"
  want=$((total * pct / 100))
  "$VB" run -q --workers 3 --contest "$T/contest.ini" --out "$run" >/dev/null 2>&1 &
  pid=$!
  i=0
  while [ "$(cat "$run/log.jsonl" 2>/dev/null | wc -l)" -lt "$want" ] && [ $i -lt 600 ]; do
    sleep 0.05; i=$((i + 1))
  done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  before=$(wc -l <"$run/log.jsonl")
  expect_exit 0 "resume after kill -9 at ${pct}% ($before of $total lines)" \
    "$VB" run -q --workers 2 --resume "$run" --contest "$T/contest.ini"
  finals "$run" >"$run.finals"
  check "after kill at ${pct}%: no duplicate (submission, item, variant, turn)" \
    test -z "$(uniq -d "$run.finals")"
  check "after kill at ${pct}%: nothing missing" cmp -s "$T/ref.finals" "$run.finals"
  judgements "$run" >"$run.judgements"
  check "after kill at ${pct}%: the same judgements as the uninterrupted run" \
    cmp -s "$T/ref.judgements" "$run.judgements"
  expect_exit 0 "after kill at ${pct}%: the log's hash chain verifies" "$VB" verify "$run"
done

# SIGINT: in-flight records are finished and flushed; the message says how
# to resume; resuming completes the run.
run="$T/int"
"$VB" run -q --contest "$T/contest.ini" --out "$run" >/dev/null 2>"$T/int.err" &
pid=$!
i=0
while [ "$(cat "$run/log.jsonl" 2>/dev/null | wc -l)" -lt $((total / 3)) ] && [ $i -lt 600 ]; do
  sleep 0.05; i=$((i + 1))
done
kill -INT "$pid"
set +e; wait "$pid"; rc=$?; set -e
check "SIGINT exits 3 (run not finished)" test "$rc" -eq 3
check "SIGINT says how to resume" grep -q "vabench run --resume $run" "$T/int.err"
expect_exit 0 "resume after SIGINT" "$VB" run -q --resume "$run" --contest "$T/contest.ini"
finals "$run" >"$run.finals"
check "after SIGINT and resume: every attempt once" cmp -s "$T/ref.finals" "$run.finals"

# Tampering: alter one answer in the middle; verify names that record.
cp -r "$T/ref" "$T/tamper"
sed -i '5s/"http_status":200/"http_status":201/' "$T/tamper/log.jsonl"
expect_exit 1 "verify exits 1 on an altered log" "$VB" verify "$T/tamper"
check "verify names record 5" grep -q "record 5 " "$T/stderr"
expect_exit 2 "--workers out of range is refused" \
  "$VB" run -q --workers 99 --contest "$T/contest.ini" --out "$T/w99"
done_testing
