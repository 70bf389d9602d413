# check-answer --set judges an item inside its whole question set, as
# `run` does: a refusal that also states a figure the set keys for the
# topic (another item's processing time) is a true general fact, not an
# invention; with only the topics line the figure is unknown.
. tests/cli/setup.sh

grep '"id": "cutru-065"' testsets/practice/practice.jsonl >"$T/item.json"
cat >"$T/answer.txt" <<'TXT'
Cháu không thể biết trước năm sau có bỏ đăng ký tạm trú hay không, cháu không dự đoán được.
Đăng ký tạm trú mất 03 ngày làm việc. Bác liên hệ Công an cấp xã nơi ở để được hướng dẫn.
TXT
head -n 1 testsets/practice/practice.jsonl | python3 -c '
import json, sys
print(json.dumps({"topics": json.load(sys.stdin)["testset"]["topics"]}, ensure_ascii=False))' >"$T/topics.jsonl"

judged() { # judged SET: prints "correct rule" of the answer's judgement
  "$VB" check-answer --item="@$T/item.json" --answer="@$T/answer.txt" \
    --set="$1" | python3 -c '
import json, sys
j = json.load(sys.stdin)
print(j["correct"], j["facts"][0].get("rule", "-"))'
}
check "inside the practice set, the set's own figure is a general fact" \
  test "$(judged testsets/practice/practice.jsonl)" = "True refusal.matched"
check "with the topics alone, the same figure is an invention" \
  test "$(judged "$T/topics.jsonl")" = "False refusal.invented"

printf '{"testset": {"name": "x"}}\n{"id": "a"}\n' >"$T/bad.jsonl"
expect_exit 2 "a broken question set is refused" "$VB" check-answer \
  --item="@$T/item.json" --answer=x --set="$T/bad.jsonl"
check "the error names the file and line" grep -q "bad.jsonl:2" "$T/stderr"
done_testing
