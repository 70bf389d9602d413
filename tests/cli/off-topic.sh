# An assistant that answers another procedure when the question is typed
# approximately (mock profile confused): those answers are not correct,
# their judgement says "answers about …", and results.json counts them
# apart from wrong facts (issue 13). The clean questions still score.
. tests/cli/setup.sh

mock_start "$VB" "$T" conf confused
write_manifest "$T/conf.json" conf "Nhầm thủ tục" "Tỉnh N" "http://127.0.0.1:$MOCK_PORT/v1/chat/completions"
# Single-question procedure items of the practice set, with its header.
head -n 1 testsets/practice/practice.jsonl >"$T/set.jsonl"
grep '"kind": "procedure"' testsets/practice/practice.jsonl | head -n 40 >>"$T/set.jsonl"
cat >"$T/c.ini" <<INI
[contest]
name = Thử nhầm thủ tục
seed = 3
testsets = set.jsonl
submissions = conf.json

[nearmiss]
kinds = no_diacritics
INI
expect_exit 0 "a contest against the confused assistant" "$VB" run --quiet \
  --contest "$T/c.ini" --out "$T/run"
off=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["submissions"][0]["off_topic"])' "$T/run/results.json" 2>/dev/null \
  || sed -n 's/.*"off_topic": *\([0-9]*\).*/\1/p' "$T/run/results.json" | head -n 1)
check "results.json counts answers about another procedure ($off)" test "${off:-0}" -gt 0
check "their judgement says what they answer instead" \
  grep -q '"rule":"topic.off"' "$T/run/scores.jsonl"
check "no off-topic answer is counted correct" \
  sh -c "! grep '\"off_topic\":[1-9]' '$T/run/scores.jsonl' | grep -q '\"correct\":true'"
# The mock's own retrieval misses a few clean questions too (no KB record
# for them): the garbled ones must be flagged far more often.
share() { # share of records of variant kind $1 flagged off topic, in %
  _n=$(grep -c "\"variant_kind\":\"$1\"" "$T/run/scores.jsonl")
  _o=$(grep "\"variant_kind\":\"$1\"" "$T/run/scores.jsonl" | grep -c '"off_topic":[1-9]')
  echo $((100 * _o / (_n > 0 ? _n : 1)))
}
clean=$(share clean) garbled=$(share no_diacritics)
check "garbled questions are answered off topic far more often ($garbled% against $clean%)" \
  test "$garbled" -ge $((clean + 15))
done_testing
