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
. scripts/bench-nginx.sh
[ -x "$root/build/bench-curl" ] || make -s build/bench-curl
[ -f "$data/set-$items.jsonl" ] || scripts/gen-bench-data.sh set "$items" "$data/set-$items.jsonl"
NGINX_PID=""
trap '[ -n "$NGINX_PID" ] && kill "$NGINX_PID" 2>/dev/null || true' EXIT
trap 'exit 130' INT TERM
ngx=$data/nginx-fire
nginx_start "$ngx" 18800
url="http://127.0.0.1:$port/v1/chat/completions"
nginx_contest "$ngx" "$url" "$data/set-$items.jsonl"
for r in $(seq 1 "$runs"); do
  before=$(bare_all "$url" "$items")
  rm -rf "$ngx/run"
  # The run scores and reports too; only its firing window is timed.
  "$bin" run --quiet --format md --contest "$ngx/nginx.ini" --out "$ngx/run" \
    ${BENCH_FIRE_ARGS:-} >/dev/null 2>"$ngx/run.err" || { cat "$ngx/run.err" >&2; exit 3; }
  after=$(bare_all "$url" "$items")
  fire_s=$(firing_seconds "$ngx/run/log.jsonl")
  vb=$(awk -v n="$items" -v s="$fire_s" 'BEGIN {printf "%.0f", n / s}')
  mean=$(( (before + after) / 2 ))
  echo "load $(cut -d' ' -f1 /proc/loadavg)  bare loops $before / $after, mean $mean req/s  vabench $vb req/s  ratio $(awk -v a="$vb" -v b="$mean" 'BEGIN {printf "%.3f", a / b}')"
done
