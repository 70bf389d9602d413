# Shared setup for the shell tests (sourced): a temp dir removed on exit,
# the vabench binary, TAP helpers and the mock helpers.
set -eu
VB=${VABENCH_BIN:-$PWD/build-san/vabench}
T=$(mktemp -d)
. "$PWD/scripts/mocks.sh"
trap 'mocks_stop; rm -rf "$T"' EXIT
trap 'exit 130' INT TERM
TAP_N=0
ok() { TAP_N=$((TAP_N + 1)); echo "ok $TAP_N - $1"; }
not_ok() { TAP_N=$((TAP_N + 1)); echo "not ok $TAP_N - $1"; }
check() { # check DESCRIPTION COMMAND...
  _d=$1; shift
  if "$@"; then ok "$_d"; else not_ok "$_d"; fi
}
# expect_exit CODE DESCRIPTION COMMAND... (stderr saved in $T/stderr)
expect_exit() {
  _code=$1 _d=$2; shift 2
  set +e
  "$@" >"$T/stdout" 2>"$T/stderr"
  _rc=$?
  set -e
  if [ "$_rc" -eq "$_code" ]; then ok "$_d"; else
    not_ok "$_d (exit $_rc, want $_code)"; sed 's/^/# /' "$T/stderr"; fi
}
done_testing() { echo "1..$TAP_N"; }
