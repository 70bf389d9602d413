#!/bin/sh
# Report speed at contest size (issue 16): 34 provinces × 1,000 items ×
# 5 variants = 170,000 answers, generated (scripts/gen-bench-data.sh) and
# scored once, then `vabench report` timed three times per case, the
# median counted (a shared VM moves a single run by a fifth).
#   scripts/bench-report.sh [VABENCH [DATA_DIR]]
# Prints a Markdown table; exit 0 even when a target is missed (the table
# says so). `make bench` runs it; alone it takes under a minute.
set -eu
bin=${1:-build/vabench}
data=${2:-bench-data}
mkdir -p "$data"
data=$(cd "$data" && pwd)
set_file=$data/set-1000.jsonl
dir=$data/report-34
[ -f "$set_file" ] || scripts/gen-bench-data.sh set 1000 "$set_file"
[ -f "$dir/log.jsonl" ] || scripts/gen-bench-data.sh log 34 1000 5 set-1000 "$dir"
scripts/gen-bench-data.sh manifest "$dir" 34 "34 tỉnh × 1000 câu × 5 biến thể" "$set_file"

seconds() { # COMMAND... → wall seconds
  t0=$(date +%s.%N)
  "$@" >/dev/null 2>&1
  awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN {printf "%.2f", b - a}'
}
median3() { # COMMAND... → "median (a / b / c)"
  a=$(seconds "$@") b=$(seconds "$@") c=$(seconds "$@")
  m=$(printf '%s\n%s\n%s\n' "$a" "$b" "$c" | sort -n | sed -n 2p)
  echo "$m ($a / $b / $c)"
}
within() { awk -v m="$1" -v t="$2" 'BEGIN {print (m <= t) ? "yes" : "NO"}'; }

score=$(seconds "$bin" score --quiet "$dir")
answers=$(wc -l <"$dir/log.jsonl")
hm=$(median3 "$bin" report "$dir" --format html,md)
all=$(median3 "$bin" report "$dir" --format html,md,csv,json,junit)
scores_mb=$(du -m "$dir/scores.jsonl" | cut -f1)

echo
echo "## Reports at contest size ($answers answers: 34 provinces × 1,000 items × 5 variants, scores.jsonl $scores_mb MB)"
echo
echo "| measure | seconds (median of 3, runs) | target | within |"
echo "|---|---:|---:|---|"
echo "| vabench score (judge + bootstrap, 1,000 resamples), beside | $score | — | — |"
echo "| vabench report --format html,md (what run writes) | $hm | 1 | $(within "${hm%% *}" 1) |"
echo "| vabench report, all formats (html,md,csv,json,junit) | $all | 2 | $(within "${all%% *}" 2) |"
