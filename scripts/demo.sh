#!/bin/sh
# make demo: five mock provinces on loopback, one per profile, a whole
# contest on the practice set, the ranked table, runs/demo/report.html.
#
# Latency SLA: 3 s, as a ministry would set it for chat assistants — a
# citizen waits for a chat answer as for a person typing it, and assistants
# that generate their answer with a language model take seconds; a 200 ms
# target would fail every real assistant and rank the mocks on noise. The
# slow province answers in 4 s, over the SLA. Its requests are 4 s timers
# in the mock, so it is called with more requests in flight (its manifest
# raises its own concurrency, as any manifest may) to keep the demo short;
# latency does not depend on it.
set -eu
sla_ms=3000
slow_ms=4000
slow_concurrency=384
bin=${1:-build/vabench}
root=$(pwd)
out=runs/demo
work=runs/demo-config
rm -rf "$work"; mkdir -p "$work"
. scripts/mocks.sh
cleanup() { mocks_stop; }
trap cleanup EXIT
trap 'exit 130' INT TERM

echo "demo: starting five mock provinces on 127.0.0.1 (ports chosen by the OS)"
for spec in exact:exact:"Tỉnh Chính Xác" fuzzy:fuzzy:"Tỉnh Linh Hoạt" \
            slow:slow:"Tỉnh Chậm" flaky:flaky:"Tỉnh Chập Chờn" \
            wrong-fees:wrong-fees:"Tỉnh Sai Phí"; do
  id=${spec%%:*}; rest=${spec#*:}; profile=${rest%%:*}; prov=${rest#*:}
  extra=""
  case $profile in
    slow)
      mock_start "$bin" "$work" "$id" "$profile" --delay-ms "$slow_ms"
      extra="\"concurrency\": $slow_concurrency" ;;
    *) mock_start "$bin" "$work" "$id" "$profile" ;;
  esac
  write_manifest "$work/$id.json" "$id" "Trợ lý ảo $prov" "$prov" \
    "http://127.0.0.1:$MOCK_PORT/v1/chat/completions" openai-chat "$extra"
  echo "  $id: profile $profile on port $MOCK_PORT"
done

sets=$(ls "$root"/testsets/practice/*.jsonl | tr '\n' ';')
cat >"$work/contest.ini" <<INI
[contest]
name = Cuộc thi thử trợ lý ảo (demo)
seed = 20251122
testsets = $sets
submissions = exact.json;fuzzy.json;slow.json;flaky.json;wrong-fees.json
resamples = 1000

[nearmiss]
kinds = no_diacritics;telex;vni;abbreviation;keyboard_typo;nfd
per_item = 1

[weights]
accuracy = 0.5
nearmiss = 0.2
latency = 0.2
availability = 0.1

[sla]
latency_ms = $sla_ms

[politeness]
concurrency = 24
rate_per_sec = 0
timeout_ms = 30000
retries = 2
global_concurrency = 512
INI
rm -rf "$out"
echo "demo: firing the practice set and its near-miss variants"
start=$(date +%s)
"$bin" run --contest "$work/contest.ini" --out "$out"
echo "demo: done in $(( $(date +%s) - start )) s — open $out/report.html"
