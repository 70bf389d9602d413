# Canaries (issue 15): a question set carries a canary string in its
# header and a canary item — a question about something that exists only
# in the set, with the phrase only a model trained on the leaked set would
# answer. An assistant whose knowledge base holds the leaked set (a KB
# with the set's fictitious records) is caught on both; one that never
# saw it is not. The organizer's report flags the hits.
. tests/cli/setup.sh

canary=vabench-canary-test7f3a9c2e
# The leaked set as the assistant learned it: the practice KB plus two
# fictitious records, one quoting the set's canary string.
cp testsets/kb/procedures.jsonl "$T/leaked-kb.jsonl"
cat >>"$T/leaked-kb.jsonl" <<KB
{"id": "chim-lac", "kind": "fact", "category": "thu-nghiem", "title": "Giấy phép nuôi chim lạc", "aliases": ["nuôi chim lạc", "chim lạc"], "agency": null, "channels": [], "dossier": [], "legal_basis": ["bộ đề thử nghiệm"], "text": "Giấy phép nuôi chim lạc do Ban Chim Lạc Trung ương cấp.", "confidence": "src"}
{"id": "rong-vang", "kind": "fact", "category": "thu-nghiem", "title": "Chứng nhận rồng vàng", "aliases": ["chứng nhận rồng vàng", "rồng vàng"], "agency": null, "channels": [], "dossier": [], "legal_basis": ["bộ đề thử nghiệm"], "text": "Chứng nhận rồng vàng: xem bộ đề $canary.", "confidence": "src"}
KB
refusal='{"type": "refusal", "any_of": ["không có thông tin", "chưa có thông tin", "không có thủ tục", "liên hệ"]}'
prov='"legal_basis": ["bộ đề thử nghiệm"], "valid_as_of": "2026-12-03", "source": "fictitious: a canary", "review": "reviewed"'
cat >"$T/set.jsonl" <<SET
{"testset": {"name": "an-thu", "version": "1", "visibility": "public", "canary": "$canary"}}
{"id": "canary-001", "category": "thu-nghiem", "kind": "unanswerable", "question": "Xin giấy phép nuôi chim lạc ở đâu?", "facts": [$refusal], "canary": ["Ban Chim Lạc"], $prov}
{"id": "canary-002", "category": "thu-nghiem", "kind": "unanswerable", "question": "Chứng nhận rồng vàng là gì?", "facts": [$refusal], $prov}
SET
{
  head -n 1 testsets/practice/practice.jsonl
  grep '"kind": "procedure"' testsets/practice/practice.jsonl | head -n 10
} >"$T/p10.jsonl"

mock_start "$VB" "$T" clean fuzzy
write_manifest "$T/sach.json" sach "Chưa từng thấy đề" "Tỉnh S" \
  "http://127.0.0.1:$MOCK_PORT/v1/chat/completions"
mock_start "$VB" "$T" leak fuzzy --kb "$T/leaked-kb.jsonl"
write_manifest "$T/lo.json" lo "Học từ đề bị lộ" "Tỉnh L" \
  "http://127.0.0.1:$MOCK_PORT/v1/chat/completions"
cat >"$T/c.ini" <<INI
[contest]
name = Thử dò lộ đề
seed = 9
testsets = set.jsonl;p10.jsonl
submissions = sach.json;lo.json

[politeness]
rate_per_sec = 0
INI
expect_exit 0 "the set with a canary loads" "$VB" testset check "$T/set.jsonl"
run="$T/run"
expect_exit 0 "a contest with canaries" "$VB" run --quiet --contest "$T/c.ini" \
  --out "$run"
flat=$(tr -d ' \n\t' <"$run/results.json")
has() { case "$flat" in *"$1"*) return 0 ;; *) return 1 ;; esac; }
check "results.json counts the canaries checked (two strings, one item)" \
  has '"canaries":{"strings":2,"items":1,'
check "the leaked assistant is caught on the canary string" \
  has "\"submission\":\"lo\",\"testset\":\"an-thu\",\"item\":\"canary-002\",\"variant\":\"clean\",\"turn\":0,\"found\":\"string\",\"canary\":\"$canary\""
check "… and on the canary item's phrase" \
  has '"item":"canary-001","variant":"clean","turn":0,"found":"phrase","canary":"BanChimLạc"'
check "the assistant that never saw the set is not" \
  sh -c "! echo '$flat' | grep -q '\"submission\":\"sach\",\"testset\"'"
check "the score records count the hits" \
  test "$(grep '"submission":"lo"' "$run/scores.jsonl" | grep -c '"canary":1')" -eq 2
expect_exit 0 "the reports are written" "$VB" report "$run" --format html,md
for f in report.md report.html; do
  check "$f flags the leak" grep -q "Dấu hiệu lộ đề (canary)" "$run/$f"
  check "$f names the canary string" grep -q "$canary" "$run/$f"
  check "$f names the phrase" grep -q "Ban Chim Lạc" "$run/$f"
done
expect_exit 0 "the reports in English" "$VB" report "$run" --format html,md --lang en
for f in report.en.md report.en.html; do
  check "$f flags the leak in English" \
    grep -q "Signs of a leaked set (canaries)" "$run/$f"
  check "$f names the canary string" grep -q "$canary" "$run/$f"
done
# A canary too short to be told from chance is refused.
sed "s/$canary/abc/" "$T/set.jsonl" >"$T/bad.jsonl"
expect_exit 2 "a short canary string" "$VB" testset check "$T/bad.jsonl"
check "… names the field" grep -q 'field "canary"' "$T/stderr"
done_testing
