#!/bin/sh
# The mock's accuracy on the practice set and on the held-out rewordings
# (testsets/kb/heldout.jsonl), judged by vabench's own scorer: one contest
# per question set against an `exact` and a `fuzzy` mock on loopback, clean
# questions only (no generated near-misses), as of the practice set's date.
# Prints a Markdown table; the gap between the two columns is what tuning
# the KB to the practice wording would hide (testsets/kb/README.md).
#
#   scripts/mock-accuracy.sh [VABENCH] [KB]      (default build/vabench and
#                                                 testsets/kb/procedures.jsonl)
# Leaves the runs in runs/mock-accuracy/ (report.html per set).
set -eu
bin=${1:-build/vabench}
kb=${2:-testsets/kb/procedures.jsonl}
root=$(pwd)
case $kb in /*) ;; *) kb=$root/$kb ;; esac
work=runs/mock-accuracy
rm -rf "$work"
mkdir -p "$work"
. scripts/mocks.sh
trap mocks_stop EXIT
trap 'exit 130' INT TERM

for p in exact fuzzy; do
  mock_start "$bin" "$work" "$p" "$p" --kb "$kb"
  write_manifest "$work/$p.json" "$p" "mock $p" "loopback" \
    "http://127.0.0.1:$MOCK_PORT/v1/chat/completions"
done

as_of=$(sed -n '1s/.*"as_of": *"\([0-9-]*\)".*/\1/p' \
  testsets/practice/practice.jsonl)
run_set() { # NAME FILES
  cat >"$work/$1.ini" <<INI
[contest]
name = mock accuracy: $1
seed = 20251122
as_of = $as_of
testsets = $2
submissions = exact.json;fuzzy.json
resamples = 200

[politeness]
concurrency = 16
rate_per_sec = 0
timeout_ms = 10000
INI
  "$bin" run --quiet --format md --contest "$work/$1.ini" \
    --out "$work/$1" >/dev/null
}
run_set practice "$(ls "$root"/testsets/practice/*.jsonl | tr '\n' ';')"
run_set heldout "$root/testsets/kb/heldout.jsonl"

python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
# clean records: (set, profile, item) -> (kind, correct)
rec = {}
for s in ("practice", "heldout"):
    for line in open(f"{work}/{s}/scores.jsonl", encoding="utf-8"):
        r = json.loads(line)
        if r["variant"] == "clean":
            rec[s, r["submission"], r["item"]] = (r["kind"], r["correct"])
held = sorted({i[len("held-"):] for s, _, i in rec if s == "heldout"})

def share(keys):
    n = len(keys)
    c = sum(rec[k][1] for k in keys)
    return (c / n if n else 0.0), f"{100 * c / n:.1f} % ({c}/{n})" if n else "–"

# Whole practice set; the practice items the held-out file rewords, in
# their practice wording; the same items reworded. The last two ask the
# same facts, so their difference is the wording alone.
print("| profile | practice set | reworded items, practice wording "
      "| same items, held-out wording | gap (points) |")
print("|---|---:|---:|---:|---:|")
for p in ("exact", "fuzzy"):
    whole = [k for k in rec if k[0] == "practice" and k[1] == p]
    a = share([("practice", p, i) for i in held])
    b = share([("heldout", p, "held-" + i) for i in held])
    print(f"| {p} | {share(whole)[1]} | {a[1]} | {b[1]} | "
          f"{100 * (a[0] - b[0]):.1f} |")

print()
print("| kind | profile | practice wording | held-out wording |")
print("|---|---|---:|---:|")
for k in sorted({v[0] for v in rec.values()}):
    ids = [i for i in held if rec[("practice", "exact", i)][0] == k]
    for p in ("exact", "fuzzy"):
        a = share([("practice", p, i) for i in ids])[1]
        b = share([("heldout", p, "held-" + i) for i in ids])[1]
        print(f"| {k} | {p} | {a} | {b} |")
PY
