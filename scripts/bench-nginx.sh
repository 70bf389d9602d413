# Sourced by scripts/bench.sh and scripts/bench-fire.sh: the nginx target
# the firing is measured against, the bare libcurl loops beside it, the
# contest that fires at it, and the firing window read from a run's log.
# Needs $root (the checkout) and $data (bench-data/).

# The canned answer nginx returns to every request.
nginx_body='{"id":"x","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"Lệ phí là 15.000 đồng; thời hạn giải quyết 03 ngày làm việc tại Công an cấp xã."},"finish_reason":"stop"}]}'

# nginx_start DIR FIRST_PORT: one nginx worker on the first free port of
# FIRST_PORT..+99; sets port and NGINX_PID, exits 3 when none starts.
nginx_start() {
  ngx=$1
  mkdir -p "$ngx/logs"
  port=""
  for p in $(seq "$2" $(($2 + 99))); do
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
    location / { default_type application/json; return 200 '$nginx_body'; }
  }
}
CONF
    nginx -p "$ngx" -c "$ngx/nginx.conf" 2>"$ngx/start.err" &
    NGINX_PID=$!
    sleep 0.3
    if kill -0 "$NGINX_PID" 2>/dev/null; then port=$p; return 0; fi
    NGINX_PID=""
  done
  echo "bench: nginx would not start:" >&2
  cat "$ngx/start.err" >&2
  exit 3
}

# bare_all URL ITEMS: one bare libcurl loop per core, the items and the 64
# connections shared out, timed as a group; prints requests/s.
bare_all() {
  cores=$(nproc)
  t0=$(date +%s.%N)
  loops=""
  for i in $(seq 1 "$cores"); do
    "$root/build/bench-curl" "$1" $(($2 / cores)) $((64 / cores)) >/dev/null &
    loops="$loops $!"
  done
  for p in $loops; do wait "$p"; done # not nginx, also a child
  awk -v n=$(($2 / cores * cores)) -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.0f", n / (b - a)}'
}

# nginx_contest DIR URL SET: DIR/nginx.json and DIR/nginx.ini, a contest of
# one submission at URL over question set SET, 64 connections.
nginx_contest() {
  write_manifest "$1/nginx.json" nginx "nginx canned answer" "loopback" "$2"
  cat >"$1/nginx.ini" <<INI
[contest]
name = bench nginx
seed = 1
testsets = $3
submissions = nginx.json
resamples = 1000
[politeness]
concurrency = 64
global_concurrency = 64
rate_per_sec = 0
timeout_ms = 10000
INI
}

# firing_seconds LOG: first send to last send plus its duration (loading
# the set, scoring and reports are not firing).
firing_seconds() {
  sed -nE '1p;$p' "$1" |
    sed -E 's/.*"t_total_us":([0-9]+).*"started_at":"[0-9-]+T([0-9]+):([0-9]+):([0-9.]+)Z".*/\1 \2 \3 \4/' |
    awk 'NR == 1 {a = $2 * 3600 + $3 * 60 + $4} NR == 2 {b = $2 * 3600 + $3 * 60 + $4 + $1 / 1e6}
         END {d = b - a; if (d < 0) d += 86400; print (d > 0.001) ? d : 0.001}'
}
