#!/bin/sh
# make bench: vabench's speed as ratios against references measured in the
# same run with public tools (nginx + wrk, /usr/bin/time). Data is generated
# into bench-data/ (ignored by git). Loopback only; every loop is bounded.
#   BENCH_ITEMS   items fired at nginx (default 200000)
#   BENCH_INFLIGHT requests held in flight against the 2 s mock (default 10000)
set -eu
bin=${1:-build/vabench}
items=${BENCH_ITEMS:-200000}
inflight=${BENCH_INFLIGHT:-10000}
root=$(pwd)
data=$root/bench-data
mkdir -p "$data"
. scripts/mocks.sh
. scripts/bench-nginx.sh
NGINX_PID=""
cleanup() {
  mocks_stop
  [ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

need() { command -v "$1" >/dev/null 2>&1 || {
  echo "bench: $1 is missing; installing $2" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null; }; }
need wrk wrk
need nginx nginx-light
[ -x /usr/bin/time ] || need time time

# The open-file limit must cover every connection in flight plus the log.
want=$((inflight * 2 + 1024))
if [ "$(ulimit -n)" != unlimited ] && [ "$(ulimit -n)" -lt "$want" ]; then
  ulimit -n "$want" 2>/dev/null || ulimit -n "$(ulimit -Hn)"
  echo "bench: raised the open-file limit to $(ulimit -n) for $inflight connections"
fi

# 10,000 connections opened at once overflow the default accept queue
# (4096): dropped SYNs are retried after a second and the connect time
# would swamp the 2 s being measured. Raise it when we may.
if [ "$(cat /proc/sys/net/core/somaxconn 2>/dev/null || echo 0)" -lt 16384 ] \
   && [ "$(id -u)" = 0 ]; then
  sysctl -qw net.core.somaxconn=16384 net.ipv4.tcp_max_syn_backlog=16384 2>/dev/null &&
    echo "bench: raised net.core.somaxconn to 16384 for $inflight simultaneous connects"
fi

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
peak_rss_mb() { awk '/Maximum resident set size/ {printf "%.0f", $6 / 1024}' "$1"; }
elapsed_s() { awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s}' "$1"; }

# ---------------------------------------------------------------- nginx --
nginx_start "$data/nginx" 18700

wrk_rps=$(wrk -t1 -c64 -d10s -s /dev/stdin "http://127.0.0.1:$port/v1/chat/completions" <<'LUA' | awk '/Requests\/sec/ {print $2}'
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"messages":[{"role":"user","content":"Đăng ký tạm trú mất bao lâu?"}]}'
LUA
)

# The library's own floor on this machine: a bare libcurl loop, one thread.
curl_rps=$("$root/build/bench-curl" "http://127.0.0.1:$port/v1/chat/completions" "$items" 64 | cut -d' ' -f1)
# …and its ceiling on every core: one loop per core, the items and the 64
# connections shared out, timed as a group (what libcurl allows here,
# whatever a harness does around it).
cores=$(nproc)
url="http://127.0.0.1:$port/v1/chat/completions"
# Measured before and after vabench, the mean counted: on a shared machine
# the load can change between two measures taken one after the other.
curl_all_before=$(bare_all "$url" "$items")

[ -f "$data/set-$items.jsonl" ] || scripts/gen-bench-data.sh set "$items" "$data/set-$items.jsonl"
nginx_contest "$data" "$url" "$data/set-$items.jsonl"
rm -rf "$data/run-nginx"
/usr/bin/time -v "$bin" run --quiet --format md --contest "$data/nginx.ini" \
  --out "$data/run-nginx" >/dev/null 2>"$data/time-run.txt"
run_s=$(elapsed_s "$data/time-run.txt")
run_rss=$(peak_rss_mb "$data/time-run.txt")
curl_all_after=$(bare_all "$url" "$items")
curl_all_rps=$(( (curl_all_before + curl_all_after) / 2 ))
/usr/bin/time -v "$bin" score --quiet "$data/run-nginx" 2>"$data/time-score.txt"
score_s=$(elapsed_s "$data/time-score.txt")
# The firing window, from the log itself: first send to last send plus its
# duration (loading the set, scoring and reports are not firing).
fire_s=$(firing_seconds "$data/run-nginx/log.jsonl")

# --------------------------------------------------------------- scoring --
# A generated contest-shaped log of 200,000 answers: 40 provinces × 1,000
# items × 5 variants, answers of four shapes (right, Markdown table, wrong
# amount and agency, refusal). This is what a ministry scores; the nginx
# run log above (200,000 distinct items, one submission, one canned
# answer) is scored too, as the case where loading the keys dominates.
contest_manifest() { # DIR SUBS NAME (1,000 items × 5 variants planned)
  subs=$(awk -v n="$2" 'BEGIN {for (s = 1; s <= n; s++) printf "%s{\"id\": \"tinh-%02d\", \"name\": \"Tỉnh %02d\"}", (s > 1 ? "," : ""), s, s}')
  cat >"$1/manifest.json" <<JSON
{"vabench_version": "bench", "run_id": "$(basename "$1")", "started_at": "2026-01-01T00:00:00Z",
 "finished_at": "2026-01-01T01:00:00Z", "plan": {"units": 5000},
 "contest": {"name": "$3", "seed": 1,
  "weights": {"accuracy": 0.5, "nearmiss": 0.2, "latency": 0.2, "availability": 0.1},
  "sla_ms": 3000, "resamples": 1000, "nearmiss_kinds": ["no_diacritics", "telex", "vni", "abbreviation"],
  "per_item": 1, "testsets": [{"name": "set-1000", "path": "$data/set-1000.jsonl",
  "abs_path": "$data/set-1000.jsonl", "sha256": "-", "visibility": "public", "items": 1000}],
  "submissions": [$subs]}}
JSON
}
[ -f "$data/set-1000.jsonl" ] || scripts/gen-bench-data.sh set 1000 "$data/set-1000.jsonl"
gen=$data/score-40
[ -f "$gen/log.jsonl" ] || scripts/gen-bench-data.sh log 40 1000 5 set-1000 "$gen"
contest_manifest "$gen" 40 "40 tỉnh × 1000 câu × 5 biến thể"
gen_n=$(wc -l <"$gen/log.jsonl")
# Three runs, the median counted: on a shared VM one run can be a fifth
# off either way. All three are printed.
gen_runs=""
for i in 1 2 3; do
  /usr/bin/time -v "$bin" score --quiet "$gen" 2>"$data/time-score-gen.txt"
  gen_runs="$gen_runs $(elapsed_s "$data/time-score-gen.txt")"
done
gen_s=$(echo $gen_runs | tr ' ' '\n' | sort -n | sed -n 2p)
# The same log without the judgement memo (scoring/judge_memo.c): every
# answer judged, as against an assistant that never repeats itself.
/usr/bin/time -v env VABENCH_SCORE_MEMO=0 "$bin" score --quiet "$gen" 2>"$data/time-score-nomemo.txt"
nomemo_s=$(elapsed_s "$data/time-score-nomemo.txt")
distinct=$(grep -o '"answer":"[^"]*"' "$gen/log.jsonl" | sort -u | wc -l)

vb_rps=$(awk -v n="$items" -v s="$fire_s" 'BEGIN {printf "%.0f", n / s}')
score_rate=$(awk -v n="$gen_n" -v s="$gen_s" 'BEGIN {printf "%.0f", n / s}')
nginx_rate=$(awk -v n="$items" -v s="$score_s" 'BEGIN {printf "%.0f", n / s}')
parse_s=$( { /usr/bin/time -f %e "$root/build/bench-parse" "$gen/log.jsonl" >/dev/null; } 2>&1 | tail -1)

echo
echo "Machine: $(nproc) cores; load average at the start $load_start, now $(cut -d' ' -f1-3 /proc/loadavg)."
echo
echo "## Firing against nginx (loopback, 64 connections, $items questions)"
echo
echo "| measure | value |"
echo "|---|---:|"
echo "| wrk -t1 -c64 requests/s | $wrk_rps |"
echo "| bare libcurl loop requests/s (one thread, no log; scripts/bench-curl.c) | $curl_rps |"
echo "| bare libcurl loops, one per core ($cores), timed together: before / after vabench, mean | $curl_all_before / $curl_all_after, $curl_all_rps |"
echo "| ratio bare libcurl loops / wrk: the library's ceiling here | $(awk -v a="$curl_all_rps" -v b="$wrk_rps" 'BEGIN {printf "%.2f", a / b}') |"
echo "| vabench run requests/s (firing and logging, timed from the log; $cores cores, default threads) | $vb_rps |"
echo "| ratio vabench / wrk (target ≥ 0.5) | $(awk -v a="$vb_rps" -v b="$wrk_rps" 'BEGIN {printf "%.2f", a / b}') |"
echo "| ratio vabench / bare libcurl loop (one thread) | $(awk -v a="$vb_rps" -v b="$curl_rps" 'BEGIN {printf "%.2f", a / b}') |"
echo "| **ratio vabench / bare libcurl loops, every core, same run (target ≥ 0.85)** | $(awk -v a="$vb_rps" -v b="$curl_all_rps" 'BEGIN {printf "%.2f", a / b}') |"
echo "| vabench run peak RSS | ${run_rss} MB |"
echo "| vabench run wall time, fire + score + report | ${run_s} s |"
echo
echo "## Scoring (vabench score, default threads: load, judge, scores.jsonl, metrics, results.json)"
echo
echo "| measure | value |"
echo "|---|---:|"
echo "| generated contest log: 40 provinces × 1000 items × 5 variants | $gen_n answers, ${gen_s} s (median of$gen_runs s) |"
echo "| answers scored per second | $score_rate |"
echo "| the same without the judgement memo (every answer judged; $distinct distinct answer texts in the log) | ${nomemo_s} s, $(awk -v n="$gen_n" -v s="$nomemo_s" 'BEGIN {printf "%.0f", n / s}') answers/s |"
echo "| ratio scoring rate / firing rate (target ≥ 2) | $(awk -v a="$score_rate" -v b="$vb_rps" 'BEGIN {printf "%.2f", a / b}') |"
echo "| cJSON parse of the same log | ${parse_s} s |"
echo "| ratio scoring time / parse time | $(awk -v a="$gen_s" -v b="$parse_s" 'BEGIN {printf "%.1f", a / (b > 0 ? b : 0.01)}') |"
echo "| the nginx run log ($items distinct items, one submission): answers per second | $nginx_rate |"
echo "| its ratio to the firing rate | $(awk -v a="$nginx_rate" -v b="$vb_rps" 'BEGIN {printf "%.2f", a / b}') |"
echo "| vabench score peak RSS, generated log / nginx log | $(peak_rss_mb "$data/time-score-gen.txt") MB / $(peak_rss_mb "$data/time-score.txt") MB |"

# ---------------------------------------------------------------- report --
# 34 provinces × 1,000 items × 5 variants: scoring beside html+md (target
# ≤ 1 s) and all formats (≤ 2 s), medians of three (scripts/bench-report.sh,
# which also runs alone).
scripts/bench-report.sh "$bin" "$data"

# ------------------------------------------------------- 10,000 in flight --
# The exact profile with a 2 s delay. 10,000 requests arrive in about half
# a second, and the mock, on the same two cores, reads them a little
# behind (its timer used to be woken for every delayed answer, which put
# 30–110 ms of queue before its clock started). The fuzzy profile's retrieval on
# these generated questions queues requests before the mock's own clock
# starts, which vabench rightly measures but the mock's X-Mock-Time-Us
# cannot show (about 100 ms more at p50 on two cores, November 2026).
#
# Three runs, each beside a bare libcurl loop against a fresh mock: one
# run can be thrown off by the neighbours of a shared machine, and the
# bare loop measured right after shows what the machine allowed then. The
# bare loop holds 10,000 in flight too (scripts/bench-curl.c: before it
# used libcurl's pools as vabench does, its starts took 2.5 s, so it never
# had 10,000 in flight and its p50 was not a comparison).
[ -f "$data/set-$inflight.jsonl" ] || scripts/gen-bench-data.sh set "$inflight" "$data/set-$inflight.jsonl"
median_of() { # FIELD FILE → p50 in ms
  grep -o "\"$1\":[0-9]*" "$2" | cut -d: -f2 | sort -n |
    awk '{v[NR] = $1} END {if (NR) printf "%.1f", v[int((NR + 1) / 2)] / 1000}'
}
inflight_rows=""
worst_ok=1
for run in 1 2 3; do
  mock_start "$bin" "$data" slow2s exact --delay-ms 2000
  write_manifest "$data/slow.json" slow "mock 2 s" "loopback" \
    "http://127.0.0.1:$MOCK_PORT/v1/chat/completions"
  cat >"$data/slow.ini" <<INI
[contest]
name = bench in flight
seed = 1
testsets = $data/set-$inflight.jsonl
submissions = slow.json
resamples = 100
[politeness]
concurrency = $inflight
global_concurrency = $inflight
rate_per_sec = 0
timeout_ms = 60000
connect_timeout_ms = 30000
retries = 0
INI
  load=$(cut -d' ' -f1 /proc/loadavg)
  rm -rf "$data/run-slow"
  # One firing thread: the mock answering 10,000 connections on this same
  # machine needs a core of its own; with both cores taken by vabench it
  # falls behind reading the requests and its queue shows up as latency.
  /usr/bin/time -v "$bin" run --quiet --workers 1 --format md --contest "$data/slow.ini" \
    --out "$data/run-slow" >/dev/null 2>"$data/time-slow.txt" || true
  # The same against the bare libcurl loop: what the library alone needs.
  bare_slow=$("$root/build/bench-curl" "http://127.0.0.1:$MOCK_PORT/v1/chat/completions" "$inflight" "$inflight")
  mocks_stop
  log=$data/run-slow/log.jsonl
  ok=$(grep -c '"error_class":null' "$log" || true)
  p50=$(median_of t_total_us "$log")
  conn50=$(median_of t_connect_us "$log")
  srv50=$(median_of t_server_us "$log")
  spread50=$(sed -nE 's/.*"t_total_us":([0-9]+).*"t_server_us":([0-9]+).*/\1 \2/p' "$log" |
    awk '{print $1 - $2}' | sort -n | awk '{v[NR] = $1} END {if (NR) printf "%.1f", v[int((NR + 1) / 2)] / 1000}')
  bare50=$(echo "$bare_slow" | cut -d' ' -f2)
  bare_starts=$(echo "$bare_slow" | cut -d' ' -f4)
  # How long vabench took to start them all: the first and last
  # started_at of the log (HH:MM:SS.ffffff; a run across midnight is not
  # expected here).
  starts=$(sed -nE 's/.*"started_at":"[0-9-]+T([0-9]+):([0-9]+):([0-9.]+)Z".*/\1 \2 \3/p' "$log" |
    awk '{t = $1 * 3600 + $2 * 60 + $3; if (NR == 1 || t < lo) lo = t; if (NR == 1 || t > hi) hi = t}
         END {if (NR) printf "%.0f", (hi - lo) * 1000}')
  err=$(awk -v p="$p50" 'BEGIN {printf "%+.2f", (p - 2000) / 20}')
  bare_err=$(awk -v p="$bare50" 'BEGIN {printf "%+.2f", (p - 2000) / 20}')
  gap=$(awk -v a="$err" -v b="$bare_err" 'BEGIN {printf "%+.2f", a - b}')
  verdict=$(awk -v e="$err" -v g="$gap" 'BEGIN {print (e <= 5 && e >= -5 && g <= 2 && g >= -2) ? "yes" : "NO"}')
  [ "$verdict" = yes ] || worst_ok=0
  inflight_rows="$inflight_rows
| $run | $load | $ok of $inflight | $p50 ms ($err%) | $bare50 ms ($bare_err%) | $gap | $verdict | $starts ms / $bare_starts ms | $conn50 ms | $srv50 ms | $spread50 ms | $(peak_rss_mb "$data/time-slow.txt") MB / $(echo "$bare_slow" | cut -d' ' -f3) MB | $(elapsed_s "$data/time-slow.txt") s |"
done
echo
echo "## $inflight requests in flight at once (mock answering after 2,000 ms), three runs"
echo
echo "Target each run: vabench p50 within ±5% of 2,000 ms and within 2 points of the bare libcurl loop measured right after it. Both hold 10,000 in flight at once: each starts them all well before the first answer is due (the starts column), and the mock reads a burst that arrives faster than it can, on cores it shares with the caller, so both p50s are above 2,000 ms. Where the rest goes: connect is in the total; the mock's own time (X-Mock-Time-Us) is what it spent from reading the request to queuing the answer; the spread (measured − mock's own, per request) is what the network, the mock's queue before it reads and the caller added."
echo
echo "| run | load (1 min) | answered | vabench p50 (error) | bare libcurl p50 (error) | gap, points | within target | all started after, vabench / bare | p50 connect | mock's own p50 | spread p50 | peak RSS vabench / bare (target ≤ 300 MB) | vabench wall time |"
echo "|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|"
echo "$inflight_rows" | sed '/^$/d'
echo
echo "All three within target: $( [ $worst_ok = 1 ] && echo yes || echo NO )"

# ------------------------------------------------------------------ judge --
# How often the judge agrees with careful human graders: thirty-six
# corpora, each written apart from the judge. realistic3, holdout,
# realistic4 to realistic35 were measured once unseen (90.0 %, 88.3 %,
# 87.5 %, 91.2 %, 93.0 %, 91.4 %, 78.1 %, 76.2 %, 85.8 %, 83.1 %, 80.0 %,
# 85.6 %, 79.4 %, 81.2 %, 78.1 %, 85.6 %, 82.5 %, 73.1 %, 75.6 %, 79.4 %,
# 83.1 %, 84.4 %, 81.2 %, 82.5 %, 85.6 %, 87.5 %, 88.1 %, 89.4 %, 86.2 %,
# 83.1 %, 88.8 %, 90.0 %, 85.0 %, 89.4 %,
# README) before
# the judge was fixed on them;
# the golden judgements must all agree.
echo
echo "## The judge against human graders"
echo
echo "| corpus | agreement |"
echo "|---|---|"
for d in tests/golden/realistic tests/golden/realistic2 tests/golden/realistic3 tests/golden/holdout tests/golden/realistic4 tests/golden/realistic5 tests/golden/realistic6 tests/golden/realistic7 tests/golden/realistic8 tests/golden/realistic9 tests/golden/realistic10 tests/golden/realistic11 tests/golden/realistic12 tests/golden/realistic13 tests/golden/realistic14 tests/golden/realistic15 tests/golden/realistic16 tests/golden/realistic17 tests/golden/realistic18 tests/golden/realistic19 tests/golden/realistic20 tests/golden/realistic21 tests/golden/realistic22 tests/golden/realistic23 tests/golden/realistic24 tests/golden/realistic25 tests/golden/realistic26 tests/golden/realistic27 tests/golden/realistic28 tests/golden/realistic29 tests/golden/realistic30 tests/golden/realistic31 tests/golden/realistic32 tests/golden/realistic33 tests/golden/realistic34 tests/golden/realistic35 tests/golden/keys; do
  [ -d "$d" ] || continue
  line=$("$root/build/tests/test-corpus" --summary "$d" | tail -n 1)
  echo "| \`$d\` | ${line#*: } |"
done
golden=$("$root/build/tests/test-golden" | grep -c '^ok .*/golden/[0-9]' || true)
golden_bad=$("$root/build/tests/test-golden" | grep -c '^not ok' || true)
echo "| \`tests/golden/judge.jsonl\` | $golden cases agree, $golden_bad disagree |"
