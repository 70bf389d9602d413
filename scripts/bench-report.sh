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
scripts/gen-bench-data.sh manifest "$dir" 34 "34 tỉnh × 1000 câu × 5 biến thể" "$set_file" 5000

# Wall seconds, and CPU seconds (user + system) after a slash: on a shared
# machine the wall time also counts the neighbours' load.
seconds() { # COMMAND... → "wall/cpu"
  /usr/bin/time -f '%e %U %S' -o "$data/time-report-step.txt" "$@" >/dev/null 2>&1
  awk '{printf "%.2f/%.2f", $1, $2 + $3}' "$data/time-report-step.txt"
}
median3() { # COMMAND... → "median (a / b / c), CPU c s"
  a=$(seconds "$@") b=$(seconds "$@") c=$(seconds "$@")
  m=$(printf '%s\n%s\n%s\n' "$a" "$b" "$c" | sort -t/ -k1,1n | sed -n 2p)
  echo "${m%/*} (${a%/*} / ${b%/*} / ${c%/*}; CPU ${m#*/})"
}
within() { awk -v m="$1" -v t="$2" 'BEGIN {print (m <= t) ? "yes" : "NO"}'; }

[ -x /usr/bin/time ] || { echo "bench-report: /usr/bin/time is missing (apt-get install time)" >&2; exit 3; }
load_start=$(cut -d' ' -f1-3 /proc/loadavg)
score=$(seconds "$bin" score --quiet "$dir")
score="${score%/*} (CPU ${score#*/})"
answers=$(wc -l <"$dir/log.jsonl")
hm=$(median3 "$bin" report "$dir" --format html,md)
all=$(median3 "$bin" report "$dir" --format html,md,csv,json,junit)
scores_mb=$(du -m "$dir/scores.jsonl" | cut -f1)

echo
echo "## Reports at contest size ($answers answers: 34 provinces × 1,000 items × 5 variants, scores.jsonl $scores_mb MB)"
echo
echo "Machine: $(nproc) cores; load average at the start $load_start, now $(cut -d' ' -f1-3 /proc/loadavg)."
echo
echo "| measure | wall seconds (median of 3; runs; CPU of the median) | target | within |"
echo "|---|---:|---:|---|"
echo "| vabench score (judge + bootstrap, 1,000 resamples), beside | $score | — | — |"
echo "| vabench report --format html,md (what run writes) | $hm | 1 | $(within "${hm%% *}" 1) |"
echo "| vabench report, all formats (html,md,csv,json,junit) | $all | 2 | $(within "${all%% *}" 2) |"
