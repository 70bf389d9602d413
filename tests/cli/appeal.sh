# Appeals (issue 15): two provinces behind one assistant tie; a
# reviewer's decision on one of province b's answers, recorded with
# `vabench appeal` and applied by `vabench score`, puts b first. The
# report shows the ranking before and after and the decision with its
# reviewer and reason; the log is not touched; `verify` catches an edited
# appeals.jsonl; bad decisions are refused with exit 2, and a second
# writer with exit 3.
. tests/cli/setup.sh

mock_start "$VB" "$T" one fuzzy
url="http://127.0.0.1:$MOCK_PORT/v1/chat/completions"
write_manifest "$T/a.json" a "Trợ lý A" "Tỉnh A" "$url"
write_manifest "$T/b.json" b "Trợ lý B" "Tỉnh B" "$url"
head -n 1 testsets/practice/practice.jsonl >"$T/set.jsonl"
grep '"kind": "procedure"' testsets/practice/practice.jsonl | head -n 40 >>"$T/set.jsonl"
cat >"$T/c.ini" <<INI
[contest]
name = Thử phúc khảo
seed = 11
testsets = set.jsonl
submissions = a.json;b.json

[politeness]
rate_per_sec = 0
concurrency = 8
INI
run="$T/run"
expect_exit 0 "a contest of two provinces behind one assistant" \
  "$VB" run --quiet --contest "$T/c.ini" --out "$run"
rank() { jq -r --arg id "$1" '.submissions[] | select(.id == $id) | .rank' "$2"; }
check "before appeals, a ranks first (a tie, ordered by id)" \
  test "$(rank a "$run/results.json")" = 1
log_sum=$(sha256sum <"$run/log.jsonl")

# One of b's clean answers the judge found wrong.
item=$(grep '"submission":"b"' "$run/scores.jsonl" | grep '"variant":"clean"' |
  grep '"correct":false' | grep '"error_class":null' | head -n 1 |
  sed 's/.*"item":"\([^"]*\)".*/\1/')
check "b has a wrong answer to appeal ($item)" test -n "$item"

reviewer="Lê Thị Thu Hà, Cục Kiểm soát thủ tục hành chính"
reason="Câu trả lời nêu đúng thời hạn và lệ phí theo Nghị định; bộ chấm đọc nhầm đoạn ví dụ."
expect_exit 0 "an appeal is recorded" "$VB" appeal "$run" --submission b \
  --item "$item" --verdict correct --reviewer "$reviewer" --reason "$reason"
check "it says what it recorded and how to apply it" \
  grep -q "appeal 1 recorded: b, practice/$item (clean): judged wrong, decided correct" "$T/stdout"
check "appeals.jsonl holds one chained decision" \
  test "$(grep -c '"seq":1,"prev":"0000' "$run/appeals.jsonl")" -eq 1
check "appeals.head names it" grep -q '^1 [0-9a-f]\{64\}$' "$run/appeals.head"

expect_exit 0 "score applies it" "$VB" score "$run"
check "after the appeal, b ranks first" test "$(rank b "$run/results.json")" = 1
check "results.json keeps the ranking before: b was second" \
  test "$(jq -r '.appeals.before.submissions[] | select(.id == "b") | .rank' "$run/results.json")" = 2
check "the decision is listed as applied" \
  test "$(jq -r '.appeals.decisions[0].status' "$run/results.json")" = applied
check "the score record carries the decision and the judge's verdict" \
  sh -c "grep '\"submission\":\"b\"' '$run/scores.jsonl' | grep '\"item\":\"$item\"' |
    grep '\"variant\":\"clean\"' | grep -q '\"correct\":true,\"judged_correct\":false,\"appeal\":1'"
check "the log is not touched" test "$(sha256sum <"$run/log.jsonl")" = "$log_sum"
check "score prints the ranking before and after" \
  grep -q "Phúc khảo: xếp hạng trước và sau" "$T/stdout"

expect_exit 0 "the reports are written" "$VB" report "$run" --format html,md
for f in report.md report.html; do
  check "$f shows the section before and after" \
    grep -q "Phúc khảo: xếp hạng trước và sau" "$run/$f"
  check "$f shows b moving up" grep -q "lên 1 hạng" "$run/$f"
  check "$f names the reviewer" grep -q "Lê Thị Thu Hà" "$run/$f"
  check "$f gives the reason" grep -q "đọc nhầm đoạn ví dụ" "$run/$f"
done
expect_exit 0 "an English report" "$VB" report "$run" --format html,md --lang en
for f in report.en.md report.en.html; do
  check "$f says it in English" \
    grep -q "Appeals: the ranking before and after" "$run/$f"
  check "$f shows b moving up" grep -q "up 1" "$run/$f"
  check "$f names the reviewer and quotes the reason" \
    sh -c "grep -q 'Lê Thị Thu Hà' '$run/$f' && grep -q 'đọc nhầm đoạn ví dụ' '$run/$f'"
  check "$f gives the decision in English" grep -q "applied" "$run/$f"
done

expect_exit 0 "verify: log and appeals intact" "$VB" verify "$run"
check "verify counts the decision" grep -q "appeals.jsonl: 1 decision" "$T/stdout"

# Refusals: nothing is appended.
expect_exit 2 "an unknown item" "$VB" appeal "$run" --submission b \
  --item khong-co --verdict correct --reviewer "$reviewer" --reason x
check "… is named" grep -q 'the submission has no such item' "$T/stderr"
expect_exit 2 "a verdict that is neither" "$VB" appeal "$run" --submission b \
  --item "$item" --verdict "đúng" --reviewer "$reviewer" --reason x
expect_exit 2 "no reviewer" "$VB" appeal "$run" --submission b \
  --item "$item" --verdict wrong --reason x
expect_exit 2 "a blank reason" "$VB" appeal "$run" --submission b \
  --item "$item" --verdict wrong --reviewer "$reviewer" --reason "  "
check "nothing was appended by the refusals" \
  test "$(wc -l <"$run/appeals.jsonl")" -eq 1
flock "$run/lock" sleep 3 &
locker=$!
sleep 0.5
expect_exit 3 "a second writer is refused while the directory is locked" \
  "$VB" appeal "$run" --submission b --item "$item" --verdict wrong \
  --reviewer "$reviewer" --reason "Xét lại."
wait "$locker"

# An edited decision is caught, and score refuses to apply it.
cp -r "$run" "$T/edited"
sed -i 's/"verdict":"correct"/"verdict":"wrong"/' "$T/edited/appeals.jsonl"
expect_exit 1 "verify: an edited appeals.jsonl" "$VB" verify "$T/edited"
check "… names the line" grep -q 'appeals.jsonl:1 was altered' "$T/stderr"
expect_exit 2 "score refuses an altered appeals.jsonl" "$VB" score "$T/edited"
rm "$T/edited/appeals.head"
sed -i 's/"verdict":"wrong"/"verdict":"correct"/' "$T/edited/appeals.jsonl"
expect_exit 1 "verify: appeals.head removed" "$VB" verify "$T/edited"

# Every tampering of the evidence is caught by verify (exit 1), on a run
# with three decisions: a line of the log edited or removed, log.head
# removed, a decision edited, removed (first, middle, last), moved, its
# head removed, and both appeals files removed after score applied them.
for it in $(grep '"submission":"a"' "$run/scores.jsonl" |
    grep '"variant":"clean"' | grep '"correct":false' |
    grep '"error_class":null' | sed 's/.*"item":"\([^"]*\)".*/\1/' | head -n 2); do
  "$VB" appeal "$run" --submission a --item "$it" --verdict correct \
    --reviewer "Trần Văn Bình" --reason "Xét lại câu $it." >/dev/null
done
check "three decisions recorded" test "$(wc -l <"$run/appeals.jsonl")" -eq 3
expect_exit 0 "score applies them" "$VB" score --quiet "$run"
expect_exit 0 "verify: all intact" "$VB" verify "$run"
tamper() { # tamper DESCRIPTION SHELL-COMMAND (on $d) EXPECTED-MESSAGE
  d="$T/tamper"; rm -rf "$d"; cp -r "$run" "$d"
  (cd "$d" && sh -c "$2")
  expect_exit 1 "verify: $1" "$VB" verify "$d"
  check "… says so ($3)" grep -q "$3" "$T/stderr"
}
tamper "a log line edited" \
  'sed -i "5s/\"http_status\":200/\"http_status\":201/" log.jsonl' "record 5 "
tamper "a log line removed" 'sed -i "7d" log.jsonl' "record 6 "
tamper "the last log line removed" 'sed -i "\$d" log.jsonl' "were removed"
tamper "log.head removed" 'rm log.head' "log.head was removed"
tamper "a decision edited" \
  'sed -i "2s/Xét lại/Đã xét lại/" appeals.jsonl' "appeals.jsonl:2 was altered"
tamper "the first decision removed" 'sed -i 1d appeals.jsonl' \
  "appeals.jsonl:1 was altered"
tamper "a decision in the middle removed" 'sed -i 2d appeals.jsonl' \
  "appeals.jsonl:1 was altered"
tamper "the last decision removed" 'sed -i "\$d" appeals.jsonl' \
  "decisions were removed"
tamper "two decisions swapped" "sed -i -n '2{h;d};3{p;x;p;d};p' appeals.jsonl" \
  "appeals.jsonl:1 was altered"
tamper "appeals.head removed" 'rm appeals.head' "appeals.head was altered"
tamper "both appeals files removed after score applied them" \
  'rm appeals.head appeals.jsonl' "results.json applied 3 decision"
done_testing
