#!/bin/sh
# Runs every test binary (GTest, --tap), then every one again with
# G_SLICE=always-malloc so that leaks show, and every shell test under
# tests/cli (TAP too), then the fuzz smoke (tests/fuzz/smoke.sh), then
# prints one summary line: "N passed, N failed".
# Usage: tests/run.sh BUILD_DIR
set -u
build=${1:-build-san}
export VABENCH_BIN="$PWD/$build/vabench"
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export G_DEBUG=${G_DEBUG:-fatal-criticals}
logdir=$(mktemp -d)
trap 'rm -rf "$logdir"' EXIT INT TERM

passed=0 failed=0 skipped=0
run_one() { # name, command...
  name=$1; shift
  out="$logdir/$(echo "$name" | tr '/' '_').tap"
  "$@" >"$out" 2>"$out.err"
  rc=$?
  ok=$(grep -cE '^ok ' "$out")
  sk=$(grep -cE '^ok .*# ?SKIP' "$out")
  nok=$(grep -cE '^not ok ' "$out")
  if [ "$rc" -ne 0 ] && [ "$nok" -eq 0 ]; then
    nok=1 # crashed or exited non-zero without saying which test
    echo "not ok - $name exited with status $rc" >>"$out"
  fi
  passed=$((passed + ok - sk)); skipped=$((skipped + sk)); failed=$((failed + nok))
  if [ "$nok" -gt 0 ]; then
    echo "FAIL $name ($nok failed)"
    grep -E '^not ok ' "$out" | head -20 | sed 's/^/    /'
    tail -n 30 "$out.err" | sed 's/^/    | /'
  else
    printf 'ok   %-40s %3d passed%s\n' "$name" "$((ok - sk))" \
      "$( [ "$sk" -gt 0 ] && echo ", $sk skipped" )"
  fi
}

# A test program whose source is gone (a build directory kept across a
# removal) is not run: the count must be a clean clone's.
current () {
  [ -x "$1" ] && [ -f "tests/$(basename "$1").c" ]
}

for t in "$build"/tests/test-*; do
  current "$t" || continue
  run_one "$(basename "$t")" "$t" --tap
done
# Once more with GLib's slice allocator off: it keeps freed blocks in
# magazines, so a leaked GPtrArray or GString (or one freed twice) goes
# unseen by ASan otherwise. The integration programs run vabench, which
# inherits the setting.
for t in "$build"/tests/test-*; do
  current "$t" || continue
  run_one "$(basename "$t") [G_SLICE=always-malloc]" \
    env G_SLICE=always-malloc "$t" --tap
done
# The fuzz smoke last: every libFuzzer target over its seeds, 20 s in all
# (tests/fuzz/smoke.sh).
for t in tests/cli/*.sh tests/browser/*.sh tests/fuzz/smoke.sh; do
  case "$t" in */setup.sh) continue ;; esac # sourced by the others
  [ -f "$t" ] || continue
  run_one "$t" sh "$t"
done

echo
if [ "$skipped" -gt 0 ]; then
  echo "$passed passed, $failed failed, $skipped skipped"
else
  echo "$passed passed, $failed failed"
fi
[ "$failed" -eq 0 ]
