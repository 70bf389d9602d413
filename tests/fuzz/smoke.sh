#!/bin/sh
# The fuzz smoke inside `make test` (tests/run.sh): every target over its
# seeds (made from the repository, plus tests/fuzz/seeds/TARGET: every
# input that once crashed), then fuzzing on for its share of
# FUZZ_SMOKE_SECONDS (default 20 in all, 0 skips it), as many at a time as
# there are cores (FUZZ_JOBS). The corpus that `make fuzz` grows is left
# out, so the smoke takes the same time on every machine. Skipped, never
# failed, when clang with libFuzzer is absent.
cd "$(dirname "$0")/../.." || exit 1
if ! tests/fuzz/have-libfuzzer.sh; then
  echo "1..1"
  echo "ok 1 - fuzz smoke # SKIP clang with libFuzzer not found"
  exit 0
fi
total=${FUZZ_SMOKE_SECONDS:-20}
case $total in ''|*[!0-9]*) echo "smoke.sh: FUZZ_SMOKE_SECONDS=$total" >&2; exit 2;; esac
if [ "$total" -eq 0 ]; then # libFuzzer reads 0 as "no limit"
  echo "1..1"
  echo "ok 1 - fuzz smoke # SKIP FUZZ_SMOKE_SECONDS=0"
  exit 0
fi
n=$(ls tests/fuzz/fuzz-*.c | wc -l)
jobs=${FUZZ_JOBS:-$(nproc 2>/dev/null || echo 2)}
each=$(( total * jobs / n ))
[ "$each" -ge 1 ] || each=1
FUZZ_JOBS=$jobs FUZZ_SEEDS_ONLY=1 exec tests/fuzz/run.sh build-fuzz "$each"
