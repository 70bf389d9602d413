#!/bin/sh
# The fuzz smoke inside `make test` (tests/run.sh): every target for
# FUZZ_SMOKE_SECONDS (default 20), as many at a time as there are cores.
# Skipped, never failed, when clang with libFuzzer is absent.
cd "$(dirname "$0")/../.." || exit 1
if ! tests/fuzz/have-libfuzzer.sh; then
  echo "1..1"
  echo "ok 1 - fuzz smoke # SKIP clang with libFuzzer not found"
  exit 0
fi
exec tests/fuzz/run.sh build-fuzz "${FUZZ_SMOKE_SECONDS:-20}"
