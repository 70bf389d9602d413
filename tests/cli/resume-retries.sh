# Resume keeps what the interrupted run had decided (issue 15): a run is
# killed while retries are pending; the resumed run goes on with the next
# attempt number of each (never from 1 again) and with what was left of
# each submission's retry budget (never a fresh one).
. tests/cli/setup.sh

{ head -1 testsets/practice/practice.jsonl
  sed -n '2,61p' testsets/practice/practice.jsonl; } >"$T/set.jsonl"
# Half of the requests get a 503 or a reset (both retried), after 30 ms.
mock_start "$VB" "$T" m flaky --fail-rate 0.5 --delay-ms 30 --seed 3
write_manifest "$T/a.json" a "A" "Tỉnh A" "http://127.0.0.1:$MOCK_PORT/v1/chat/completions"
budget=25
cat >"$T/contest.ini" <<INI
[contest]
name = Thử lại sau khi dừng
seed = 5
testsets = set.jsonl
submissions = a.json
resamples = 100
[politeness]
concurrency = 4
rate_per_sec = 0
retries = 3
retry_budget = $budget
pause_after = 0
INI

# "sub item variant turn attempt final" of every attempt, in log order
attempts() { sed -nE 's/^\{"submission":"([^"]*)","testset":"[^"]*","item":"([^"]*)","variant":"([^"]*)",.*"turn":([0-9]+),"attempt":([0-9]+),"final":(true|false).*/\1 \2 \3 \4 \5 \6/p' "$1/log.jsonl"; }
# units whose last attempt so far was to be retried
pending() { attempts "$1" | awk '{k=$1" "$2" "$3" "$4; last[k]=$6} END {for (k in last) if (last[k]=="false") n++; print n+0}'; }

run="$T/run"
tries=0
while :; do
  tries=$((tries + 1))
  rm -rf "$run"
  "$VB" run -q --contest "$T/contest.ini" --out "$run" >/dev/null 2>&1 &
  pid=$!
  i=0
  while [ "$(cat "$run/log.jsonl" 2>/dev/null | grep -c '"final":false')" -lt 6 ] && [ $i -lt 400 ]; do
    sleep 0.05; i=$((i + 1))
  done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  p=$(pending "$run")
  [ "$p" -gt 0 ] || [ $tries -ge 5 ] && break
done
check "killed with retries pending ($p)" test "$p" -gt 0
attempts "$run" >"$T/before"
expect_exit 0 "the run resumes" "$VB" run -q --resume "$run" --contest "$T/contest.ini"
attempts "$run" >"$T/after"
# (but its last line, which the kill may have torn)
keep=$(($(wc -l <"$T/before") - 1))
same_head() { test "$(head -n "$keep" "$T/after")" = "$(head -n "$keep" "$T/before")"; }
check "the log before the kill is kept as it was" same_head
# Every turn's attempts are numbered 1, 2, … once each, in order: a
# pending retry went on with the next number.
check "attempt numbers go on where they stopped (none restarts at 1)" \
  sh -c "awk '{k=\$1\" \"\$2\" \"\$3\" \"\$4; n[k]++; if (\$5 != n[k]) bad++} END {exit bad > 0}' '$T/after'"
check "no turn has more than retries + 1 attempts" \
  sh -c "awk '{k=\$1\" \"\$2\" \"\$3\" \"\$4; if (\$5 > 4) bad++} END {exit bad > 0}' '$T/after'"
retried=$(awk '$6 == "false"' "$T/after" | wc -l)
check "the retry budget was not started over ($retried retries, budget $budget)" \
  test "$retried" -le "$budget"
check "and the budget was spent (the test means something)" \
  test "$retried" -eq "$budget"
check "every turn ends with a final attempt" \
  sh -c "awk '{k=\$1\" \"\$2\" \"\$3\" \"\$4; last[k]=\$6} END {for (k in last) if (last[k] != \"true\") bad++; exit bad > 0}' '$T/after'"
expect_exit 0 "the resumed log verifies" "$VB" verify "$run"
done_testing
