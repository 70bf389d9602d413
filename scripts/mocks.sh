# Shell helpers to run mock provinces on loopback (sourced by demo.sh, the
# CLI tests and bench.sh). Each mock binds port 0 and reports its port in a
# file, so nothing depends on a fixed port; mocks_stop kills them all.
MOCK_PIDS=""

# mock_start VABENCH DIR NAME PROFILE [extra mock args...] → sets MOCK_PORT
mock_start() {
  _bin=$1 _dir=$2 _name=$3 _profile=$4
  shift 4
  rm -f "$_dir/$_name.port"
  "$_bin" mock --profile "$_profile" --listen 127.0.0.1:0 \
    --port-file "$_dir/$_name.port" "$@" >"$_dir/$_name.log" 2>&1 &
  MOCK_PIDS="$MOCK_PIDS $!"
  _i=0
  while [ ! -s "$_dir/$_name.port" ]; do
    _i=$((_i + 1))
    if [ $_i -gt 100 ]; then
      echo "mock $_name ($_profile) did not start; its log:" >&2
      cat "$_dir/$_name.log" >&2
      return 1
    fi
    sleep 0.1
  done
  MOCK_PORT=$(cat "$_dir/$_name.port")
}

mocks_stop() {
  for _p in $MOCK_PIDS; do kill "$_p" 2>/dev/null || true; done
  for _p in $MOCK_PIDS; do wait "$_p" 2>/dev/null || true; done
  MOCK_PIDS=""
}

# write_manifest FILE ID NAME PROVINCE URL [ADAPTER] [extra JSON members]
write_manifest() {
  cat >"$1" <<JSON
{"id": "$2", "name": "$3", "province": "$4",
 "endpoint": "$5", "adapter": "${6:-openai-chat}", "model": "mock"${7:+, $7}}
JSON
}
