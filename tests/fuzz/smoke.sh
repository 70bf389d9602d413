#!/bin/sh
# The fuzz smoke inside `make test` (tests/run.sh): every target for
# FUZZ_SMOKE_SECONDS (default 20; 0 skips it), as many at a time as there
# are cores (FUZZ_JOBS): fourteen targets take about 2.5 minutes on two
# cores. Skipped, never failed, when clang with libFuzzer is absent.
cd "$(dirname "$0")/../.." || exit 1
if ! tests/fuzz/have-libfuzzer.sh; then
  echo "1..1"
  echo "ok 1 - fuzz smoke # SKIP clang with libFuzzer not found"
  exit 0
fi
secs=${FUZZ_SMOKE_SECONDS:-20}
if [ "$secs" = 0 ]; then # libFuzzer reads 0 as "no limit"
  echo "1..1"
  echo "ok 1 - fuzz smoke # SKIP FUZZ_SMOKE_SECONDS=0"
  exit 0
fi
exec tests/fuzz/run.sh build-fuzz "$secs"
