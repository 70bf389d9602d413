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
# Each measured share is a binomial proportion over n independent draws:
# it is taken as near its expected value q when within 3 standard errors,
# 3·sqrt(q(1−q)/n) — about 0.10 for pass^3 and the flip share over 200
# items. A correct mock falls outside with probability 0.003; a mock
# whose draws were shared between rounds (pass^3 = 0.7, flips 0) or a
# flip share computed over records rather than items is far outside.
near() { # near MEASURED EXPECTED N
  awk -v x="$1" -v q="$2" -v n="$3" 'BEGIN {
    tol = 3 * sqrt(q * (1 - q) / n); d = x - q; if (d < 0) d = -d
    exit !(d <= tol) }'
}
n=$(sub coin .repeat.items)
pk=$(sub coin .repeat.pass_k) fs=$(sub coin .repeat.flip_share)
pa=$(sub coin .repeat.pass_at_k) acc=$(sub coin .accuracy)
echo "# coin p = 0.7 over $n items: accuracy $acc, pass^3 $pk, pass@3 $pa, flip share $fs"
check "200 items asked three times each" test "$n" -eq 200
check "accuracy near 0.7 over 600 answers ($acc)" near "$acc" 0.7 600
check "pass^3 near 0.7³ = 0.343 ($pk)" near "$pk" 0.343 "$n"
check "flip share near 1 − 0.7³ − 0.3³ = 0.63 ($fs)" near "$fs" 0.63 "$n"
check "pass@3 near 1 − 0.3³ = 0.973 ($pa)" near "$pa" 0.973 "$n"
check "the assistant that is always right: pass^3 = 1" \
  test "$(sub fuzzy .repeat.pass_k)" = 1
check "… and never flips" test "$(sub fuzzy .repeat.flip_share)" = 0
check "the ranking is by every round's answer" \
  test "$(sub coin .repeat.ranked_by)" = mean

expect_exit 0 "the reports are written" "$VB" report "$T/run" --format html,md
check "report.md shows pass^k" grep -q "Đúng cả 3 lần (pass^3)" "$T/run/report.md"
check "report.html shows the flip share" grep -q "Tỷ lệ câu lúc đúng lúc sai" "$T/run/report.html"
expect_exit 0 "the reports in English" "$VB" report "$T/run" --format html,md --lang en
check "report.en.md shows pass^k" grep -q "Right all 3 times (pass^3)" "$T/run/report.en.md"
check "report.en.html shows the flip share" grep -q "Share of items that flip" "$T/run/report.en.html"

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
check "… says why" grep -q 'repeat_rank: pass_k needs repeat = 2 or more' "$T/stderr"
contest "$T/bad3.ini" set.jsonl coin.json "repeats = 3"
expect_exit 2 "a near miss of repeat" "$VB" run --quiet --contest "$T/bad3.ini" \
  --out "$T/bad3"
check "… strict config knows repeat" \
  grep -q 'bad3.ini:[0-9]*: \[contest\] repeats: unknown key (did you mean "repeat"?)' "$T/stderr"
done_testing
