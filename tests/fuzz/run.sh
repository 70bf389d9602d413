#!/bin/sh
# Runs fuzz targets, FUZZ_JOBS (default: the number of cores) at a time,
# each for SECONDS, and prints one TAP line per target with its executions.
# Usage: tests/fuzz/run.sh BUILD_DIR SECONDS [TARGET...]   (from the root)
# Corpus: BUILD_DIR/corpus/TARGET grows across runs (new inputs go there;
# not with FUZZ_SEEDS_ONLY=1);
# seeds are made afresh from the repository (BUILD_DIR/fuzz/seeds) into
# BUILD_DIR/seeds/TARGET; tests/fuzz/seeds/TARGET holds the hand-written
# ones and every input that once crashed. A finding is saved as
# BUILD_DIR/artifacts/TARGET-crash-… (or leak-, timeout-, oom-).
# FUZZ_LOG_DIR=DIR keeps each target's libFuzzer output as DIR/TARGET.log.
set -u
build=$1 secs=$2
shift 2
if [ "${1:-}" = --one ]; then
  t=$2 out=$3
  bin=$build/fuzz/$t
  mkdir -p "$build/corpus/$t" "$build/artifacts"
  rm -rf "$build/seeds/$t"
  # the seed writer keeps what it read until it exits: no leak check
  if ! ASAN_OPTIONS=detect_leaks=0 "$build/fuzz/seeds" "$t" \
      "$build/seeds/$t" >"$out" 2>&1; then
    echo 1 >"$out.rc"
    exit 0
  fi
  # FUZZ_SEEDS_ONLY=1 (the smoke): the seeds alone, what it finds dropped
  # with them; otherwise the corpus first, so that it keeps what is new.
  if [ "${FUZZ_SEEDS_ONLY:-0}" = 1 ]; then
    dirs="$build/seeds/$t"
  else
    dirs="$build/corpus/$t $build/seeds/$t"
  fi
  [ -d "tests/fuzz/seeds/$t" ] && dirs="$dirs tests/fuzz/seeds/$t"
  # Scratch files on tmpfs when there is one: the run log target syncs.
  tmp=${TMPDIR:-/tmp}
  [ -d /dev/shm ] && [ -w /dev/shm ] && tmp=/dev/shm
  # shellcheck disable=SC2086 # dirs is a list of paths without blanks
  TMPDIR=$tmp VABENCH_ROOT=$PWD \
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=0 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 -artifact_prefix="$build/artifacts/$t-" \
    $dirs >"$out" 2>&1
  echo $? >"$out.rc"
  exit 0
fi

[ -x "$build/fuzz/seeds" ] || { echo "run.sh: no $build/fuzz: make FUZZ=1 fuzz-bins" >&2; exit 2; }
if [ $# -eq 0 ]; then
  set -- $(cd "$build/fuzz" && ls fuzz-* 2>/dev/null | grep -v '\.')
fi
jobs=${FUZZ_JOBS:-$(nproc 2>/dev/null || echo 2)}
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT INT TERM
echo "1..$#"
printf '%s\n' "$@" | xargs -P "$jobs" -I{} "$0" "$build" "$secs" --one {} "$logs/{}"
n=0 failed=0
for t in "$@"; do
  n=$((n + 1))
  log=$logs/$t
  rc=$(cat "$log.rc" 2>/dev/null || echo 1)
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  done_line=$(grep -a 'DONE ' "$log" | tail -n 1)
  corpus=$(echo "$done_line" | sed -n 's/.*corp: \([0-9]*\).*/\1/p')
  cov=$(echo "$done_line" | sed -n 's/.* cov: \([0-9]*\).*/\1/p')
  ft=$(echo "$done_line" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  [ -n "${FUZZ_LOG_DIR:-}" ] && mkdir -p "$FUZZ_LOG_DIR" && cp "$log" "$FUZZ_LOG_DIR/$t.log"
  if [ "$rc" -eq 0 ]; then
    echo "ok $n - $t: ${runs:-?} executions in $secs s (${rate:-?}/s), no crash (coverage ${cov:-?} edges, ${ft:-?} features, corpus ${corpus:-?})"
  else
    failed=$((failed + 1))
    echo "not ok $n - $t: exit $rc after ${runs:-?} executions"
    grep -aE 'ERROR|SUMMARY|runtime error|fuzz check failed|Test unit written' "$log" \
      | head -n 8 | sed 's/^/# /'
  fi
done
[ "$failed" -eq 0 ]
