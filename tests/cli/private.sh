# Private province reports (issue 15): after a contest on a hidden set,
# `vabench report DIR --submission hue --private` writes the report hue
# receives — its own answers to the hidden questions with their
# judgements, its rank and figures, the decisions on its appeals — and
# nothing of hanoi, and neither the question nor the key of an item that
# never reached hue's assistant (its request could not connect).
. tests/cli/setup.sh

if ! command -v jq >/dev/null 2>&1; then
  echo "ok 1 # SKIP jq is not installed"
  echo "1..1"
  exit 0
fi

mock_start "$VB" "$T" fz fuzzy
write_manifest "$T/hue.json" hue "Trợ lý Thừa Thiên Huế" "Huế" \
  "http://127.0.0.1:$MOCK_PORT/v1/chat/completions"
mock_start "$VB" "$T" ex exact
write_manifest "$T/hanoi.json" hanoi "Trợ lý Thủ đô" "Hà Nội" \
  "http://127.0.0.1:$MOCK_PORT/v1/chat/completions"
# The hidden set: ten procedure items of the practice set under another
# name, with their ids prefixed. Every item's key gets one more fact no
# assistant states, an agency whose name is a marker unique to the item
# ("Tổ thẩm định kín mục N", fictitious): a missed fact's expected value
# is shown in the explanation of an answer, so the marker of an item hue
# was asked appears in its report and the marker of one it was never
# sent must not.
{
  head -n 1 testsets/practice/practice.jsonl |
    jq -c '.testset.name = "vong-kin" | .testset.visibility = "hidden" |
           del(.testset.canary)'
  grep '"kind": "procedure"' testsets/practice/practice.jsonl | head -n 10 |
    sed 's/"id": "/"id": "an-/' |
    jq -c '.facts += [{"type": "agency",
                       "any_of": ["Tổ thẩm định kín mục " + .id]}]'
} >"$T/hidden.jsonl"
cat >"$T/c.ini" <<INI
[contest]
name = Vòng thi kín
seed = 21
testsets = hidden.jsonl
submissions = hue.json;hanoi.json

[politeness]
rate_per_sec = 0
INI
run="$T/run"
expect_exit 0 "a contest on a hidden set" "$VB" run --quiet --contest "$T/c.ini" --out "$run"

# One of hue's questions never reached its assistant: its request could
# not connect (the log is rewritten here, as a run against a dead
# endpoint would have written it).
unseen=an-$(grep '"kind": "procedure"' testsets/practice/practice.jsonl | sed -n 4p |
  sed 's/.*"id": "\([^"]*\)".*/\1/')
unseen_q=$(jq -r --arg it "$unseen" 'select(.id == $it) | .question' "$T/hidden.jsonl")
jq -c --arg it "$unseen" 'if .submission == "hue" and .item == $it
  then .answer = null | .error_class = "connect" | .error = "refused" |
       .http_status = 0 else . end' "$run/log.jsonl" >"$T/log" &&
  mv "$T/log" "$run/log.jsonl"
expect_exit 0 "score the run" "$VB" score --quiet "$run"
seen_item=$(jq -r 'select(.submission == "hue" and .error_class == null) | .item' \
  "$run/scores.jsonl" | head -n 1)
seen_q=$(jq -r --arg it "$seen_item" 'select(.id == $it) | .question' "$T/hidden.jsonl")
expect_exit 0 "an appeal on one of hue's hidden answers" "$VB" appeal "$run" \
  --submission hue --item "$seen_item" --verdict correct \
  --reviewer "Đỗ Minh Châu" --reason "Lý do riêng: tỉnh nêu đúng cơ quan thực hiện."
expect_exit 0 "score applies it" "$VB" score --quiet "$run"

expect_exit 0 "hue's private report" "$VB" report "$run" --submission hue --private
p="$run/private/hue/report.html"
check "it is written to private/hue/" test -s "$p"
check "items.csv beside it" test -s "$run/private/hue/items.csv"
check "it shows hue's answer to a hidden question" grep -qF "$seen_q" "$p"
check "… with its judgement" grep -q "đúng\|sai" "$p"
check "… and the decision on its appeal, reason included" \
  grep -q "Lý do riêng: tỉnh nêu đúng cơ quan thực hiện." "$p"
check "it gives hue's rank among 2" grep -q "trên 2 bài dự thi" "$p"
absent() { # absent TEXT FILE...: the files exist and none holds TEXT
  _x=$1; shift
  for _f in "$@"; do test -s "$_f" || return 1; done
  ! grep -qF -- "$_x" "$@"
}
check "nothing of hanoi: not its id" absent hanoi "$p" "$run/private/hue/items.csv"
check "… nor its name" absent "Trợ lý Thủ đô" "$p"
total=$(grep -c '"submission":"hue"' "$run/scores.jsonl")
never=$(grep '"submission":"hue"' "$run/scores.jsonl" | grep -c "\"item\":\"$unseen\"")
check "items.csv: a row for each of hue's answers it received ($total − $never)" \
  test "$(grep -c '^hue,vong-kin,an-' "$run/private/hue/items.csv")" -eq $((total - never))
check "the question hue never received is not shown" absent "$unseen_q" "$p"
check "… nor its item" absent "$unseen" "$p" "$run/private/hue/items.csv"
check "… nor its key (its marker agency)" \
  absent "Tổ thẩm định kín mục $unseen" "$p" "$run/private/hue/items.csv"
check "… nor any other fact of its key not shared with an item hue saw" sh -c '
  for v in $(jq -r --arg it "$1" "select(.id == \$it) | .facts[] |
      (.any_of // [])[], (.doc // empty)" "$2" | tr " " "_"); do
    v=$(echo "$v" | tr "_" " ")
    # shared with an item hue was sent: shown there, rightly
    if grep -v "\"id\":\"$1\"" "$2" | grep -qF -- "$v"; then continue; fi
    if grep -qF -- "$v" "$3" "$4"; then echo "# shown: $v"; exit 1; fi
  done' sh "$unseen" "$T/hidden.jsonl" "$p" "$run/private/hue/items.csv"
check "the key of an item hue was sent is shown (its marker agency)" \
  grep -qF "Tổ thẩm định kín mục $seen_item" "$p"
check "… its $never forms are counted" grep -q "$never câu hỏi (tính cả các cách hỏi biến thể) không đến được" "$p"
expect_exit 0 "the public report" "$VB" report "$run" --format html,md
check "… still names no hidden item" \
  absent "$seen_item" "$run/report.html" "$run/report.md"
check "… nor the private reason" \
  absent "Lý do riêng" "$run/report.html" "$run/report.md"
expect_exit 0 "in English" "$VB" report "$run" --submission hue --private --lang en
pe="$run/private/hue/report.en.html"
check "report.en.html beside it" grep -q "Private report for hue" "$pe"
check "… its answers and judgements in English" \
  sh -c "grep -q 'Every answer and its judgement' '$pe' && grep -q '>right<\|>wrong<' '$pe'"
check "… the decision on its appeal in English, reason as written" \
  sh -c "grep -q 'Decisions on the province' '$pe' && grep -q 'Lý do riêng' '$pe'"
check "… and still nothing of hanoi nor of the unseen item" \
  absent hanoi "$pe" "$run/private/hue/items.en.csv"
check "… nor the unseen item's key" absent "Tổ thẩm định kín mục $unseen" "$pe"

expect_exit 2 "--private needs --submission" "$VB" report "$run" --private
expect_exit 2 "an unknown submission" "$VB" report "$run" --submission hcm --private
check "… is named" grep -q '"hcm": no such submission' "$T/stderr"
expect_exit 2 "an id that would leave the run" "$VB" report "$run" \
  --submission ../hue --private
done_testing
