# The run directory is evidence (issue 19): a resume never deletes a
# valid record and never mixes two contests, verify catches forged and
# removed records with or without log.head (after a crash too), one writer
# at a time, a run directory cannot choose endpoints or token variables,
# a partial run says so (results, report, gate), and a kill during scoring
# or report writing leaves whole files and a directory that scores again.
. tests/cli/setup.sh

mock_start "$VB" "$T" m slow --delay-ms 30
write_manifest "$T/a.json" a "A" "Tỉnh A" "http://127.0.0.1:$MOCK_PORT/v1/chat/completions"
write_manifest "$T/b.json" b "B" "Tỉnh B" "http://127.0.0.1:$MOCK_PORT/webhooks/rest/webhook" rasa-rest
head -n 80 testsets/practice/practice.jsonl >"$T/set.jsonl"
contest() { # contest FILE SEED KINDS
  cat >"$1" <<INI
[contest]
name = Bằng chứng
seed = $2
testsets = $T/set.jsonl
submissions = $T/a.json;$T/b.json
resamples = 100
[nearmiss]
kinds = $3
per_item = 1
[politeness]
concurrency = 2
rate_per_sec = 0
timeout_ms = 10000
INI
}
contest "$T/contest.ini" 5 no_diacritics
lines() { if [ -f "$1/log.jsonl" ]; then wc -l <"$1/log.jsonl"; else echo 0; fi; }
# "sub item variant turn" of every final attempt
finals() { sed -nE 's/^\{"submission":"([^"]*)","testset":"[^"]*","item":"([^"]*)","variant":"([^"]*)",.*"turn":([0-9]+),"attempt":[0-9]+,"final":true.*/\1 \2 \3 \4/p' "$1/log.jsonl" | sort; }
# appends to DIR/log.jsonl a copy of its last record with seq and prev
# recomputed: a forgery the chain inside the file cannot tell
forge_tail() {
  _last=$(tail -n 1 "$1/log.jsonl")
  _n=$(lines "$1")
  _prev=$(printf '%s' "$_last" | sha256sum | cut -d' ' -f1)
  printf '%s\n' "$_last" | sed -E "s/\"answer\":\"/\"answer\":\"Lệ phí 0 đồng. /; s/,\"seq\":[0-9]+,\"prev\":\"[0-9a-f]+\"\}$/,\"seq\":$((_n + 1)),\"prev\":\"$_prev\"}/" >>"$1/log.jsonl"
}
# starts a run in the background and kills it (-9) once DIR has N lines
kill_at() { # DIR N
  "$VB" run -q --workers 2 --contest "$T/contest.ini" --out "$1" >/dev/null 2>&1 &
  _pid=$!
  _i=0
  while [ "$(lines "$1")" -lt "$2" ] && [ $_i -lt 600 ]; do sleep 0.02; _i=$((_i + 1)); done
  kill -9 "$_pid" 2>/dev/null || true
  wait "$_pid" 2>/dev/null || true
}

"$VB" run -q --workers 1 --contest "$T/contest.ini" --out "$T/ref" >/dev/null 2>"$T/ref.err"
total=$(lines "$T/ref")
check "reference run logged attempts" test "$total" -gt 100
expect_exit 0 "a finished run verifies" "$VB" verify "$T/ref"
check "every anchor is named" grep -q 'anchored by log.head ([0-9]*), manifest.json ([0-9]*), results.json ([0-9]*)' "$T/stdout"
check "results.json records the run as complete" grep -q '"complete":	true,' "$T/ref/results.json"
check "results.json carries the log's digest" grep -q "\"records\":	$total," "$T/ref/results.json"

# ---- verify: forged, removed, moved records, with and without log.head
for head in kept deleted; do
  for op in append edit delete-last delete-first move; do
    d="$T/v-$head-$op"
    cp -r "$T/ref" "$d"
    [ $head = deleted ] && rm "$d/log.head"
    case $op in
      append) forge_tail "$d" ;;
      edit) sed -i "$((total / 2))s/\"http_status\":200/\"http_status\":201/" "$d/log.jsonl" ;;
      delete-last) sed -i '$d' "$d/log.jsonl" ;;
      delete-first) sed -i '1d' "$d/log.jsonl" ;;
      move) sed -i -n '1{h;d};2{p;x;p;d};p' "$d/log.jsonl" ;;
    esac
    expect_exit 1 "verify catches a record $op with log.head $head" "$VB" verify "$d"
  done
done
d="$T/v-scores"
cp -r "$T/ref" "$d"
sed -i '1s/$/ /' "$d/scores.jsonl"
expect_exit 1 "verify catches an altered scores.jsonl" "$VB" verify "$d"
check "and names it" grep -q 'scores.jsonl was altered' "$T/stderr"

# ---- a run killed at about 15 %
kill_at "$T/k" $((total * 15 / 100))
before=$(lines "$T/k")
check "the run was killed part way ($before of $total lines)" test "$before" -lt "$total"
cp -r "$T/k" "$T/k-forged"
forge_tail "$T/k-forged"
expect_exit 1 "verify catches a record forged after a crash" "$VB" verify "$T/k-forged"
rm -f "$T/k-forged/log.head"
expect_exit 1 "… and without log.head" "$VB" verify "$T/k-forged"

# a partial run scores, but says so everywhere
cp -r "$T/k" "$T/k-scored"
expect_exit 0 "a killed run can be scored" "$VB" score --quiet "$T/k-scored"
check "results.json records it as incomplete" grep -q '"complete":	false,' "$T/k-scored/results.json"
check "and what the ranking stands on" grep -q '"ranked_on_units":' "$T/k-scored/results.json"
expect_exit 1 "gate fails a killed run" "$VB" gate "$T/k-scored" --require 'accuracy>=0'
check "gate says why" grep -q 'the run is incomplete' "$T/stdout"
expect_exit 0 "gate --allow-incomplete checks it anyway" \
  "$VB" gate "$T/k-scored" --require 'accuracy>=0' --allow-incomplete
expect_exit 0 "report of a killed run" "$VB" report "$T/k-scored" --format md
check "the report says it is incomplete before the ranking" \
  sh -c "sed -n '1,6p' '$T/k-scored/report.md' | grep -q 'CHƯA HOÀN TẤT'"

# mid-log corruption: resume refuses, names the line, touches nothing
cp -r "$T/k" "$T/k-flip"
sed -i '5s/"http_status":200/"http_status":201/' "$T/k-flip/log.jsonl"
cp "$T/k-flip/log.jsonl" "$T/flip.before"
expect_exit 2 "resume refuses a log altered in the middle" \
  "$VB" run -q --resume "$T/k-flip" --contest "$T/contest.ini"
check "the message names the record" grep -q 'record 5 (line 5) was altered' "$T/stderr"
check "the log is left byte for byte" cmp -s "$T/k-flip/log.jsonl" "$T/flip.before"
cp -r "$T/k" "$T/k-junk"
sed -i '3s/^{/X/' "$T/k-junk/log.jsonl"
cp "$T/k-junk/log.jsonl" "$T/junk.before"
expect_exit 2 "resume refuses a broken line that is not the last" \
  "$VB" run -q --resume "$T/k-junk" --contest "$T/contest.ini"
check "… naming it (once it was read as a torn tail)" grep -q 'record 3 (line 3)' "$T/stderr"
check "… and leaves every later record" cmp -s "$T/k-junk/log.jsonl" "$T/junk.before"
# a torn last line, as a crash leaves it, is the one thing dropped
cp -r "$T/k" "$T/k-torn"
printf '{"submission":"a","testset":"set","ite' >>"$T/k-torn/log.jsonl"
expect_exit 0 "resume drops a torn last line" \
  "$VB" run -q --resume "$T/k-torn" --contest "$T/contest.ini"
check "and says so" grep -q 'dropped a torn last line' "$T/stderr"

# the contest must be the run's
cp "$T/k/manifest.json" "$T/manifest.before"
contest "$T/seed6.ini" 6 no_diacritics
expect_exit 2 "resume refuses a changed seed" "$VB" run -q --resume "$T/k" --contest "$T/seed6.ini"
check "and names the difference" grep -q 'seed: 5 in the run, 6 now' "$T/stderr"
contest "$T/kinds.ini" 5 "no_diacritics;telex"
expect_exit 2 "resume refuses changed near-miss kinds" "$VB" run -q --resume "$T/k" --contest "$T/kinds.ini"
check "and names the difference" grep -q 'nearmiss_kinds: \["no_diacritics"\] in the run, \["no_diacritics","telex"\] now' "$T/stderr"
check "manifest.json is left as it was" cmp -s "$T/k/manifest.json" "$T/manifest.before"
check "no record was added" test "$(lines "$T/k")" -eq "$before"

# a run directory does not choose endpoints or token variables
expect_exit 2 "resume without --contest is refused" "$VB" run -q --resume "$T/k"
check "the message says how" grep -q -- '--contest FILE' "$T/stderr"
cp -r "$T/k" "$T/k-evil"
cat >"$T/evil.json" <<JSON
{"id": "a", "endpoint": "http://127.0.0.1:9/steal", "adapter": "openai-chat",
 "auth": {"type": "bearer", "env": "VABENCH_EVIL_TOKEN"}}
JSON
sed "s|$T/a.json|$T/evil.json|" "$T/contest.ini" >"$T/evil.ini"
sed -i "s|\"file_abs\":[^,]*,|\"file_abs\":\t\"$T/evil.ini\",|" "$T/k-evil/manifest.json"
expect_exit 2 "a run directory naming another contest is not followed" \
  env VABENCH_EVIL_TOKEN=bi-mat "$VB" run -q --resume "$T/k-evil"
check "nothing was fired" test "$(lines "$T/k-evil")" -eq "$before"

# one writer: a second resume (or a score) waits for none, it stops
cp -r "$T/k" "$T/k-two"
"$VB" run -q --workers 1 --resume "$T/k-two" --contest "$T/contest.ini" >/dev/null 2>"$T/first.err" &
first=$!
i=0
while ! grep -q "^$first " "$T/k-two/lock" 2>/dev/null && [ $i -lt 300 ]; do sleep 0.02; i=$((i + 1)); done
expect_exit 3 "a second resume of the same run is refused" \
  "$VB" run -q --resume "$T/k-two" --contest "$T/contest.ini"
check "it names the first one's pid" grep -q "pid $first, run --resume" "$T/stderr"
expect_exit 3 "so is a score while it fires" "$VB" score --quiet "$T/k-two"
expect_exit 3 "verify says a writer is at work" "$VB" verify "$T/k-two"
set +e; wait "$first"; rc=$?; set -e
check "the first resume finishes (exit $rc)" test "$rc" -eq 0
finals "$T/k-two" >"$T/two.finals"
check "no request was fired twice" test -z "$(uniq -d "$T/two.finals")"
finals "$T/ref" >"$T/ref.finals"
check "nothing is missing" cmp -s "$T/ref.finals" "$T/two.finals"
expect_exit 0 "the resumed run verifies" "$VB" verify "$T/k-two"
check "and is complete" grep -q '"complete":	true,' "$T/k-two/results.json"
expect_exit 0 "and passes the gate" "$VB" gate "$T/k-two" --require 'accuracy>=0'

# ---- a contest's own inputs: token variables, credentials, limits
cat >"$T/gh.json" <<JSON
{"id": "gh", "endpoint": "http://127.0.0.1:9/v1", "adapter": "openai-chat",
 "auth": {"type": "bearer", "env": "GITHUB_TOKEN"}}
JSON
sed "s|$T/a.json;$T/b.json|$T/gh.json|" "$T/contest.ini" >"$T/gh.ini"
expect_exit 2 "a manifest naming a variable outside VABENCH_* is refused" \
  env GITHUB_TOKEN=ghp_bi_mat "$VB" run -q --contest "$T/gh.ini" --out "$T/gh"
check "the message gives the pattern" grep -q 'VABENCH_\[A-Z0-9_\]+' "$T/stderr"
check "nothing was started" test ! -e "$T/gh/log.jsonl"
cat >"$T/cred.json" <<JSON
{"id": "cred", "endpoint": "https://tinh:mat-khau-42@127.0.0.1:9/v1", "adapter": "openai-chat"}
JSON
sed "s|$T/a.json;$T/b.json|$T/cred.json|" "$T/contest.ini" >"$T/cred.ini"
expect_exit 2 "an endpoint with credentials in its URL is refused" \
  "$VB" run -q --contest "$T/cred.ini" --out "$T/cred"
check "the password is in no message" sh -c "! grep -q mat-khau-42 '$T/stderr'"
check "and in no file" sh -c "! grep -rq mat-khau-42 '$T/cred' 2>/dev/null"
awk 'BEGIN { printf "[contest]\nname = "; for (i = 0; i < 70000; i++) printf "x"; printf "\n" }' >"$T/long.ini"
expect_exit 2 "a contest file with a line above 64 KiB is refused" \
  "$VB" run -q --contest "$T/long.ini" --out "$T/long"
check "the message names the line and the limit" \
  grep -q 'long.ini:2: a line of 70007 bytes, above the limit of 65536 bytes for a contest file' "$T/stderr"
sets=$(awk -v s="$T/set.jsonl" 'BEGIN { for (i = 0; i < 65; i++) printf "%s;", s }')
sed "s|^testsets = .*|testsets = $sets|" "$T/contest.ini" >"$T/sets.ini"
expect_exit 2 "a contest naming 65 question sets is refused" \
  "$VB" run -q --contest "$T/sets.ini" --out "$T/sets"
check "the message gives the limit" grep -q '65 question sets, above the limit of 64' "$T/stderr"
truncate -s 300M "$T/huge.jsonl"
expect_exit 2 "a question set above 256 MiB is refused before it is read" \
  "$VB" testset check "$T/huge.jsonl"
check "the message gives the size and the limit" \
  grep -q 'huge.jsonl: 314572800 bytes, above the limit of 268435456 bytes for a question set' "$T/stderr"
rm -f "$T/huge.jsonl"

# ---- kill -9 during scoring and during report writing
for delay in 0.05 0.2 0.5; do
  d="$T/s-$delay"
  cp -r "$T/ref" "$d"
  rm -f "$d/scores.jsonl" "$d/results.json"
  "$VB" score --quiet "$d" >/dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  check "killed score ($delay s): results.json is absent or whole" \
    sh -c "[ ! -e '$d/results.json' ] || cmp -s '$d/results.json' '$T/ref/results.json'"
  check "killed score ($delay s): scores.jsonl is absent or whole" \
    sh -c "[ ! -e '$d/scores.jsonl' ] || cmp -s '$d/scores.jsonl' '$T/ref/scores.jsonl'"
  expect_exit 0 "killed score ($delay s): scoring again works (no lock left)" "$VB" score --quiet "$d"
  check "killed score ($delay s): the same results as before" cmp -s "$d/results.json" "$T/ref/results.json"
  expect_exit 0 "killed score ($delay s): the run verifies" "$VB" verify "$d"
done
"$VB" report "$T/ref" --format html,md >/dev/null 2>&1
for delay in 0.05 0.3; do
  d="$T/r-$delay"
  cp -r "$T/ref" "$d"
  rm -f "$d/report.html" "$d/report.md"
  "$VB" report "$d" --format html,md >/dev/null 2>&1 &
  pid=$!
  sleep "$delay"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  check "killed report ($delay s): report.html is absent or whole" \
    sh -c "[ ! -e '$d/report.html' ] || cmp -s '$d/report.html' '$T/ref/report.html'"
  expect_exit 0 "killed report ($delay s): writing it again works" "$VB" report "$d" --format html,md
  check "killed report ($delay s): the same report" cmp -s "$d/report.html" "$T/ref/report.html"
  expect_exit 0 "killed report ($delay s): the run verifies" "$VB" verify "$d"
done
done_testing
