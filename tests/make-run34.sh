#!/bin/sh
# A finished 34-province run for the report tests: a generated set of
# ITEMS items (scripts/gen-bench-data.sh, categories named), a log of 34
# provinces × ITEMS × 3 variants, scored, reports written in Vietnamese.
#   tests/make-run34.sh DIR VABENCH [ITEMS]
set -eu
dir=$1 vb=$2 items=${3:-30}
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
scripts/gen-bench-data.sh set "$items" "$dir/set-$items.jsonl"
scripts/gen-bench-data.sh log 34 "$items" 3 "set-$items" "$dir/run"
scripts/gen-bench-data.sh manifest "$dir/run" 34 "34 tỉnh, thành phố" \
  "$dir/set-$items.jsonl" $((items * 3))
"$vb" score --quiet "$dir/run" >/dev/null
"$vb" report "$dir/run" >/dev/null
