# vabench load finds the capacity of a mock whose latency grows with the
# requests in flight (20 ms + 2 ms each); open loop counts queueing; a
# streamed answer records its time to first token.
. tests/cli/setup.sh

mock_start "$VB" "$T" sat saturating
write_manifest "$T/sat.json" sat "Bão hòa" "Tỉnh B" "http://127.0.0.1:$MOCK_PORT/v1/chat/completions"
cat >"$T/load.ini" <<INI
[contest]
name = Thử tải
seed = 2
testsets = $PWD/testsets/practice/practice.jsonl
submissions = sat.json
INI
# 1 and 8 callers stay near 22 and 36 ms; 64 callers near 150 ms. The SLA
# sits between with room for a busy machine (8 callers took 90 ms on two
# cores shared with other builds).
expect_exit 0 "load ramps 1,8,64" "$VB" load --contest "$T/load.ini" \
  --submission sat --ramp 1,8,64 --step-seconds 1 --sla-p95-ms 120 --out "$T/load"
check "capacity is 8 callers" grep -Eq '"capacity":[[:space:]]*8,?$' "$T/load/load.json"
check "three steps recorded" test "$(grep -c '"concurrency"' "$T/load/load.json")" -eq 3
check "load prints the capacity" grep -q "Capacity of sat: 8 concurrent callers" "$T/stdout"
expect_exit 2 "a bad ramp is a usage error" "$VB" load --contest "$T/load.ini" \
  --submission sat --ramp 10,x
check "the bad ramp value is named" grep -q '"x"' "$T/stderr"
expect_exit 2 "--workers out of range is a usage error" "$VB" load \
  --contest "$T/load.ini" --submission sat --ramp 1 --workers -1
check "the bad --workers value is named" grep -q -- "--workers: -1" "$T/stderr"

# Open loop: 20 arrivals a second at an endpoint that serves one at a time
# in 100 ms — the queue shows in t_queue_us instead of vanishing.
mocks_stop
mock_start "$VB" "$T" slow slow --delay-ms 100
write_manifest "$T/slow.json" slow "Chậm" "Tỉnh C" "http://127.0.0.1:$MOCK_PORT/v1/chat/completions" \
  openai-chat '"stream": true'
head -n 13 testsets/practice/practice.jsonl | grep -v '"kind": "conversation"' >"$T/small.jsonl"
cat >"$T/open.ini" <<INI
[contest]
name = Vòng mở
seed = 2
testsets = small.jsonl
submissions = slow.json
resamples = 100
[politeness]
mode = open
rate_per_sec = 20
concurrency = 1
INI
expect_exit 0 "open-loop run" "$VB" run -q --contest "$T/open.ini" --out "$T/open"
queued=$(grep -o '"t_queue_us":[0-9]*' "$T/open/log.jsonl" | awk -F: '$2 > 50000' | wc -l)
all=$(grep -c '"t_queue_us"' "$T/open/log.jsonl")
check "every open-loop attempt carries t_queue_us" test "$all" -eq "$(wc -l <"$T/open/log.jsonl")"
check "requests queued behind the slow endpoint are measured ($queued of $all > 50 ms)" \
  test "$queued" -ge $((all / 2))
check "streamed answers record the time to first token" \
  grep -q '"t_first_token_us":[1-9]' "$T/open/log.jsonl"
check "the endpoint's own handling time is logged (t_server_us)" \
  grep -q '"t_server_us":[1-9]' "$T/open/log.jsonl"
sed -i 's/mode = open/mode = sideways/' "$T/open.ini"
expect_exit 2 "an unknown mode is refused" "$VB" run -q --contest "$T/open.ini" --out "$T/bad"
check "the message names file:line and key" grep -q 'open.ini:[0-9]*: \[politeness\] mode' "$T/stderr"
done_testing
