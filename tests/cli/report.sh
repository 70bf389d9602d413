#!/bin/sh
# vabench report / gate / diff from the command line: files written, exit
# codes 0/1/2 and what is printed. Uses the fixture of tests/browser.
. "$PWD/tests/cli/setup.sh"
FX="$PWD/tests/browser/fixture"

if [ ! -x "$VB" ]; then
  echo "1..1"
  echo "ok 1 # SKIP vabench binary not built ($VB)"
  exit 0
fi

run="$T/run"
mkdir -p "$run"
cp "$FX/results.json" "$FX/scores.jsonl" "$run/"

expect_exit 0 "report writes every format" "$VB" report "$run"
for f in report.html report.md results.csv items.csv results.json junit.xml; do
  check "report wrote $f" test -s "$run/$f"
done
check "report.html is Vietnamese by default" grep -q 'Bảng xếp hạng' "$run/report.html"
check "no hidden question in any format" \
  sh -c "! grep -l 'BÍ MẬT' '$run'/report.* '$run'/*.csv '$run'/junit.xml"
check "hostile answer escaped in HTML" \
  grep -q '&lt;script&gt;document.title=&#39;pwned&#39;' "$run/report.html"
if command -v xmllint >/dev/null 2>&1; then
  check "junit.xml is valid against tests/junit.xsd" \
    sh -c "xmllint --noout --schema tests/junit.xsd '$run/junit.xml' 2>/dev/null"
fi
expect_exit 0 "report --lang en" "$VB" report "$run" --format html,md --lang en
check "English in files of their own with --lang en" grep -q 'Leaderboard' "$run/report.en.md"
check "the Vietnamese report.md stays" grep -q 'Bảng xếp hạng' "$run/report.md"
expect_exit 2 "report --format pdf is a usage error" "$VB" report "$run" --format pdf
check "the message names the bad format" grep -q 'pdf' "$T/stderr"
expect_exit 2 "report --lang fr is a usage error" "$VB" report "$run" --lang fr
expect_exit 2 "report of a missing run directory" "$VB" report "$T/nope"

expect_exit 0 "gate passes" "$VB" gate "$run" --require 'accuracy>=0.5' --submission hanoi
expect_exit 1 "gate fails a threshold" "$VB" gate "$run" --require 'accuracy>=0.5' --require 'p95_ms<=3000'
check "the failed threshold is listed with its value" \
  grep -q 'FAIL hue: p95_ms <= 3000 (p95_ms = 4000)' "$T/stdout"
expect_exit 2 "gate with a malformed expression" "$VB" gate "$run" --require 'accuracy=>0.5'
check "the message names the expression" grep -q "accuracy=>0.5" "$T/stderr"
expect_exit 0 "gate takes a percentage" "$VB" gate "$run" --require 'accuracy>=50%' --submission hanoi
check "the check shows the percentage" grep -q 'ok   hanoi: accuracy >= 50% (accuracy = 66.67%)' "$T/stdout"
expect_exit 2 "a rate above 1 is an error" "$VB" gate "$run" --require 'accuracy>=80'
check "…with a hint" grep -q "write accuracy>=0.8 or accuracy>=80%" "$T/stderr"
expect_exit 2 "a decimal comma is an error" "$VB" gate "$run" --require 'accuracy>=0,8'
check "…with a hint" grep -q "decimal with a point" "$T/stderr"
expect_exit 1 "gate --junit writes the checks" \
  "$VB" gate "$run" --require 'accuracy>=0.5' --junit "$T/gate.xml"
check "one test case per threshold and submission" \
  test "$(grep -c '<testcase ' "$T/gate.xml")" -eq 2
check "the failing one is a failure" grep -q '<failure type="threshold" message="FAIL hue: accuracy &gt;= 0.5' "$T/gate.xml"
if command -v xmllint >/dev/null 2>&1; then
  check "gate's junit is valid against tests/junit.xsd" \
    sh -c "xmllint --noout --schema tests/junit.xsd '$T/gate.xml' 2>/dev/null"
fi
expect_exit 2 "report --require with a rate above 1" \
  "$VB" report "$run" --format md --require 'accuracy>=80'
expect_exit 0 "report --require writes the verdict" \
  "$VB" report "$run" --format md,junit --require 'accuracy>=50%'
check "report.md has the verdict" grep -q 'KHÔNG ĐẠT: 1/2' "$run/report.md"
check "junit.xml agrees with it" grep -q 'tests="2" failures="1"' "$run/junit.xml"
expect_exit 2 "gate with an unknown metric" "$VB" gate "$run" --require 'speed>=1'
expect_exit 2 "gate with an unknown submission" "$VB" gate "$run" --require 'accuracy>=0' --submission nowhere
expect_exit 0 "gate against itself as baseline" \
  "$VB" gate "$run" --baseline "$run" --max-drop accuracy=0.0
check "baseline comparison printed" grep -q 'McNemar exact p = 1' "$T/stdout"

# A run that did not answer everything (killed, then scored) must not pass
# the gate or read as final.
part="$T/partial"
mkdir -p "$part"
cp "$FX/scores.jsonl" "$part/"
sed 's/"coverage": {"complete": true/"coverage": {"complete": false/; s/"id": "hue", "answered_units": 4, "complete": true/"id": "hue", "answered_units": 1, "complete": false/' \
  "$FX/results.json" >"$part/results.json"
expect_exit 1 "gate fails an incomplete run" "$VB" gate "$part" --require 'accuracy>=0'
check "gate says the run is incomplete and who answered what" \
  grep -q 'the run is incomplete: hue answered 1 of 4 units; the ranking' "$T/stdout"
expect_exit 0 "gate --allow-incomplete checks the thresholds anyway" \
  "$VB" gate "$part" --require 'accuracy>=0' --allow-incomplete
expect_exit 1 "gate fails against an incomplete baseline" \
  "$VB" gate "$run" --baseline "$part" --max-drop accuracy=1
expect_exit 0 "report of an incomplete run" "$VB" report "$part" --format html,md
check "report.html says on top that the run is incomplete" \
  grep -q 'LƯỢT CHẠY CHƯA HOÀN TẤT' "$part/report.html"
check "report.md says it before the leaderboard" \
  sh -c "sed -n '1,6p' '$part/report.md' | grep -q 'LƯỢT CHẠY CHƯA HOÀN TẤT'"
check "a complete run has no such banner" sh -c "! grep -q 'CHƯA HOÀN TẤT' '$run/report.html'"
check "the methodology gives the log's digest" \
  grep -q 'log.jsonl: 9 bản ghi, SHA-256 của bản ghi cuối 5f2c3b1e' "$run/report.md"

other="$T/other"
mkdir -p "$other"
cp "$run/scores.jsonl" "$other/"
sed 's/"correct": true/"correct": false/' "$FX/scores.jsonl" >"$other/scores.jsonl"
cp "$FX/results.json" "$other/"
expect_exit 0 "diff of two runs of the same sets" "$VB" diff "$run" "$other"
check "diff lists the flipped item" grep -q 'practice/cutru-002/clean' "$T/stdout"
check "diff keeps hidden items out" sh -c "! grep -q sec-001 '$T/stdout'"
sed 's/"aa11"/"ffff"/' "$FX/results.json" >"$other/results.json"
expect_exit 2 "diff of runs with different question sets" "$VB" diff "$run" "$other"
check "the message names the set" grep -q '"practice"' "$T/stderr"
done_testing
