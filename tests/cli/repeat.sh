# Repeated questions (issue 15): `repeat = 3` fires every question three
# times in fresh sessions, a round apart; results.json shows pass^3,
# pass@3 and the share of items whose verdict flips. Against a mock that
# answers right with probability 0.7 (profile coin), over 200 items it
# answers right every time, pass^3 is near 0.7³ = 0.343 and the flip
# share near 1 − 0.7³ − 0.3³ = 0.63; an assistant that is always right
# has pass^3 = 1 and never flips; `repeat_rank = pass_k` ranks by pass^3.
. tests/cli/setup.sh

if ! command -v jq >/dev/null 2>&1; then
  echo "ok 1 # SKIP jq is not installed"
  echo "1..1"
  exit 0
fi

mock_start "$VB" "$T" fz fuzzy
write_manifest "$T/fuzzy.json" fuzzy "Luôn như nhau" "Tỉnh F" \
  "http://127.0.0.1:$MOCK_PORT/v1/chat/completions"
mock_start "$VB" "$T" coin coin --right-rate 0.7 --seed 7
write_manifest "$T/coin.json" coin "Lúc đúng lúc sai" "Tỉnh C" \
  "http://127.0.0.1:$MOCK_PORT/v1/chat/completions"

# 200 single questions the fuzzy assistant answers right: the practice
# set's procedure, legal and multiple-choice items, each also asked in two
# other words (distinct texts), kept when fuzzy is judged right.
P=testsets/practice/practice.jsonl
tail -n +2 "$P" | jq -c 'select((.kind == "procedure" or .kind == "legal"
    or .kind == "multiple_choice") and .turns == null) | del(.variants)' \
  >"$T/one.jsonl"
{
  head -n 1 "$P"
  cat "$T/one.jsonl"
  jq -c '.id += "-b" | .question = "Xin hỏi: " + .question' "$T/one.jsonl"
  jq -c '.id += "-c" | .question = "Cho tôi hỏi, " + .question' "$T/one.jsonl"
} >"$T/cand.jsonl"
contest() { # FILE SET SUBMISSIONS [extra [contest] lines]
  _f=$1 _s=$2 _m=$3; shift 3
  {
    printf '[contest]\nname = Hỏi lặp lại\nseed = 3\ntestsets = %s\n' "$_s"
    printf 'submissions = %s\n' "$_m"
    for _l in "$@"; do printf '%s\n' "$_l"; done
    printf '\n[politeness]\nrate_per_sec = 0\nconcurrency = 8\n'
  } >"$_f"
}
contest "$T/pick.ini" cand.jsonl fuzzy.json
expect_exit 0 "a first pass picks the questions" \
  "$VB" run --quiet --contest "$T/pick.ini" --out "$T/pick"
grep '"correct":true' "$T/pick/scores.jsonl" |
  sed 's/.*"item":"\([^"]*\)".*/\1/' | head -n 200 >"$T/ids"
{
  head -n 1 "$P"
  tail -n +2 "$T/cand.jsonl" | jq -c --rawfile ids "$T/ids" \
    '($ids | split("\n")) as $k | select(.id as $i | $k | index($i))'
} >"$T/set.jsonl"
check "200 questions picked" test "$(tail -n +2 "$T/set.jsonl" | wc -l)" -eq 200

contest "$T/c.ini" set.jsonl "coin.json;fuzzy.json" "repeat = 3"
expect_exit 0 "a contest that asks each question three times" \
  "$VB" run --contest "$T/c.ini" --out "$T/run"
check "the plan line says so" grep -q "each asked 3 times" "$T/stderr"
r="$T/run/results.json"
sub() { jq -r --arg id "$1" ".submissions[] | select(.id == \$id) | $2" "$r"; }
check "600 clean records per submission" test "$(sub coin .items)" -eq 600
check "every question in three sessions" \
  test "$(jq -r 'select(.submission == "coin" and .final) | .session' \
          "$T/run/log.jsonl" | sort -u | wc -l)" -eq 600
check "the rounds are named clean, clean@2, clean@3" \
  test "$(jq -r 'select(.submission == "coin") | .variant' \
          "$T/run/scores.jsonl" | sort -u | tr '\n' ' ')" = "clean clean@2 clean@3 "
# A question's rounds are a whole round apart: never back to back.
first_gap=$(jq -r 'select(.submission == "coin") | .item' "$T/run/log.jsonl" |
  awk '{ if ($0 in seen) { print NR - seen[$0]; exit } seen[$0] = NR }')
check "a question's second round comes a round later (gap $first_gap)" \
  test "$first_gap" -ge 150
in_range() { awk -v x="$1" -v lo="$2" -v hi="$3" 'BEGIN { exit !(x >= lo && x <= hi) }'; }
pk=$(sub coin .repeat.pass_k) fs=$(sub coin .repeat.flip_share)
pa=$(sub coin .repeat.pass_at_k) acc=$(sub coin .accuracy)
echo "# coin p = 0.7 over $(sub coin .repeat.items) items: accuracy $acc, pass^3 $pk, pass@3 $pa, flip share $fs"
check "accuracy near 0.7 ($acc)" in_range "$acc" 0.6 0.8
check "pass^3 near 0.343 ($pk)" in_range "$pk" 0.25 0.44
check "flip share near 0.63 ($fs)" in_range "$fs" 0.53 0.73
check "pass@3 near 0.973 ($pa)" in_range "$pa" 0.92 1
check "the assistant that is always right: pass^3 = 1" \
  test "$(sub fuzzy .repeat.pass_k)" = 1
check "… and never flips" test "$(sub fuzzy .repeat.flip_share)" = 0
check "the ranking is by every round's answer" \
  test "$(sub coin .repeat.ranked_by)" = mean

expect_exit 0 "the reports are written" "$VB" report "$T/run" --format html,md
check "report.md shows pass^k" grep -q "Đúng cả 3 lần (pass^3)" "$T/run/report.md"
check "report.html shows the flip share" grep -q "Tỷ lệ câu lúc đúng lúc sai" "$T/run/report.html"

# Ranking by pass^3: accuracy is then the share right every time.
cp "$T/c.ini" "$T/k.ini"
sed -i 's/^repeat = 3$/repeat = 3\nrepeat_rank = pass_k/' "$T/k.ini"
expect_exit 0 "a contest ranked by pass^3" "$VB" run --quiet --contest "$T/k.ini" \
  --out "$T/k"
r="$T/k/results.json"
check "accuracy is pass^3 ($(sub coin .accuracy))" \
  test "$(sub coin .accuracy)" = "$(sub coin .repeat.pass_k)"
check "one record per item is counted" test "$(sub coin .items)" -eq 200

# Bad values name the key.
contest "$T/bad.ini" set.jsonl coin.json "repeat = 0"
expect_exit 2 "repeat = 0" "$VB" run --quiet --contest "$T/bad.ini" --out "$T/bad"
check "… names the key" grep -q 'bad.ini:[0-9]*: \[contest\] repeat' "$T/stderr"
contest "$T/bad2.ini" set.jsonl coin.json "repeat_rank = pass_k"
expect_exit 2 "pass_k without repeat" "$VB" run --quiet --contest "$T/bad2.ini" \
  --out "$T/bad2"
done_testing
