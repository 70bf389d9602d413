#!/bin/sh
# The firing part of `make bench` alone, repeated: nginx on loopback, the
# bare libcurl loops on every core (scripts/bench-curl.c) timed together
# before and after each vabench run, and vabench's rate timed from its log
# as bench.sh does. One line per run: the load, the bare loops' rates and
# their mean, vabench's rate and the ratio vabench / bare loops — the
# figure issue 17 asks to be ≥ 0.85. A shared machine moves a single run
# by a tenth either way: take several, and compare builds interleaved.
#   scripts/bench-fire.sh [BIN] [ITEMS] [RUNS]   (defaults build/vabench 200000 3)
#   BENCH_FIRE_ARGS: more `vabench run` options (e.g. --workers 3)
set -eu
bin=${1:-build/vabench}
items=${2:-200000}
runs=${3:-3}
root=$(pwd)
data=$root/bench-data
mkdir -p "$data"
. scripts/mocks.sh
[ -x "$root/build/bench-curl" ] || make -s build/bench-curl
[ -f "$data/set-$items.jsonl" ] || scripts/gen-bench-data.sh set "$items" "$data/set-$items.jsonl"
NGINX_PID=""
trap '[ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true' EXIT
trap 'exit 130' INT TERM
body='{"id":"x","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"Lệ phí là 15.000 đồng; thời hạn giải quyết 03 ngày làm việc tại Công an cấp xã."},"finish_reason":"stop"}]}'
ngx=$data/nginx-fire
mkdir -p "$ngx/logs"
port=""
for p in $(seq 18800 18899); do
  cat >"$ngx/nginx.conf" <<CONF
worker_processes 1;
daemon off;
pid $ngx/nginx.pid;
error_log $ngx/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$p;
    location / { default_type application/json; return 200 '$body'; }
  }
}
CONF
  nginx -p "$ngx" -c "$ngx/nginx.conf" 2>"$ngx/start.err" &
  NGINX_PID=$!
  sleep 0.3
  if kill -0 "$NGINX_PID" 2>/dev/null; then port=$p; break; fi
  NGINX_PID=""
done
[ -n "$port" ] || { echo "bench-fire: nginx would not start:" >&2; cat "$ngx/start.err" >&2; exit 3; }
url="http://127.0.0.1:$port/v1/chat/completions"
cores=$(nproc)
bare_all() {
  t0=$(date +%s.%N)
  loops=""
  for i in $(seq 1 "$cores"); do
    "$root/build/bench-curl" "$url" $((items / cores)) $((64 / cores)) >/dev/null &
    loops="$loops $!"
  done
  for p in $loops; do wait "$p"; done
  awk -v n=$((items / cores * cores)) -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.0f", n / (b - a)}'
}
write_manifest "$ngx/nginx.json" nginx "nginx canned answer" "loopback" "$url"
cat >"$ngx/nginx.ini" <<INI
[contest]
name = bench nginx
seed = 1
testsets = $data/set-$items.jsonl
submissions = nginx.json
resamples = 1000
[politeness]
concurrency = 64
global_concurrency = 64
rate_per_sec = 0
timeout_ms = 10000
INI
for r in $(seq 1 "$runs"); do
  before=$(bare_all)
  rm -rf "$ngx/run"
  # The run scores and reports too; only its firing window is timed.
  "$bin" run --quiet --format md --contest "$ngx/nginx.ini" --out "$ngx/run" \
    ${BENCH_FIRE_ARGS:-} >/dev/null 2>"$ngx/run.err" || { cat "$ngx/run.err" >&2; exit 3; }
  after=$(bare_all)
  fire_s=$(sed -nE '1p;$p' "$ngx/run/log.jsonl" |
    sed -E 's/.*"t_total_us":([0-9]+).*"started_at":"[0-9-]+T([0-9]+):([0-9]+):([0-9.]+)Z".*/\1 \2 \3 \4/' |
    awk 'NR == 1 {a = $2 * 3600 + $3 * 60 + $4} NR == 2 {b = $2 * 3600 + $3 * 60 + $4 + $1 / 1e6}
         END {d = b - a; if (d < 0) d += 86400; print (d > 0.001) ? d : 0.001}')
  vb=$(awk -v n="$items" -v s="$fire_s" 'BEGIN {printf "%.0f", n / s}')
  mean=$(( (before + after) / 2 ))
  echo "load $(cut -d' ' -f1 /proc/loadavg)  bare loops $before / $after, mean $mean req/s  vabench $vb req/s  ratio $(awk -v a="$vb" -v b="$mean" 'BEGIN {printf "%.3f", a / b}')"
done
