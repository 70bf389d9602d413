#!/bin/sh
# A 34-province run (tests/make-run34.sh): every plot and every table of
# report.html holds all 34 submissions; the Vietnamese report shows no
# code and no English reason; --lang en writes report.en.html beside it;
# the CSV starts with a byte order mark; junit.xml agrees with the gate.
. "$PWD/tests/cli/setup.sh"

if [ ! -x "$VB" ]; then
  echo "1..1"
  echo "ok 1 # SKIP vabench binary not built ($VB)"
  exit 0
fi
tests/make-run34.sh "$T/r" "$VB" >/dev/null
run="$T/r/run"
html="$run/report.html"
ids=$(seq -f 'tinh-%02g' 1 34)

# Submissions named in a plot's axis labels ("1–34  tinh-07").
in_svg() { # FILE → how many of the 34 it labels
  n=0
  for id in $ids; do
    grep -q ">[0-9–]*  $id</text>" "$1" && n=$((n + 1))
  done
  echo "$n"
}
if command -v gnuplot >/dev/null 2>&1; then
  for plot in forest nearmiss categories latency; do
    check "plots/$plot.svg labels all 34 submissions" \
      test "$(in_svg "$run/plots/$plot.svg")" -eq 34
  done
  check "report.html inlines the four plots" \
    test "$(grep -c '<figure id="plot-' "$html")" -eq 4
fi

# Rows per table: each section's table lists every submission.
rows_in() { # SECTION-ID → rows naming a submission in its first table
  sed -n "/<section id=\"$1\"/,/<\/table>/p" "$html" |
    grep -o '<tr><td[^>]*>\(<b>\)\?tinh-[0-9]*\|<tr><td class="n">[0-9–]*</td><td><b>tinh-[0-9]*' | wc -l
}
for section in leaderboard categories nearmiss latency errors; do
  check "the $section table has 34 rows" test "$(rows_in "$section")" -eq 34
done
check "34 per-submission details" test "$(grep -c '<h3>tinh-' "$html")" -eq 34

# What a reader sees: no code, no English reason.
sed -e 's/<style>.*<\/style>//' -e 's/<[^>]*>/ /g' -e 's/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&amp;/\&/g' \
  "$html" >"$T/visible.txt"
codes="timeout http_5xx bad_json not_fired no_diacritics telex vni
  abbreviation keyboard_typo nfd clean money duration agency citation
  matched missing contradiction other_value set_aside procedure
  unanswerable cu-tru ho-tich can-cuoc chung-thuc kinh-doanh vien-thong
  buu-chinh tan-so bao-chi-xuat-ban ly-lich-tu-phap accuracy nearmiss"
found=""
for c in $codes; do
  grep -qE "(^|[^[:alnum:]_-])$c([^[:alnum:]_-]|$)" "$T/visible.txt" && found="$found $c"
done
check "no raw code in the Vietnamese report (found:${found:- none})" test -z "$found"
for en in "where the key says" "states no" "for another channel" \
  "must not say" "not the" "no answer" "statistically"; do
  check "no English reason \"$en\"" sh -c "! grep -q '$en' '$T/visible.txt'"
done
check "reasons in Vietnamese" grep -q 'trong khi đáp án là' "$T/visible.txt"
check "categories by name" grep -q 'Lý lịch tư pháp' "$T/visible.txt"

expect_exit 0 "report --lang en" "$VB" report "$run" --format html,md --lang en
check "--lang en writes report.en.html" test -s "$run/report.en.html"
check "report.html stays Vietnamese" grep -q 'lang="vi"' "$html"
check "report.en.html is English" grep -q 'Leaderboard' "$run/report.en.html"

check "items.csv starts with a UTF-8 byte order mark" \
  sh -c "head -c 3 '$run/items.csv' | od -An -tx1 | grep -q 'ef bb bf'"
worst=$(grep -c '<tr\( class="screen"\)\?><td>b-[0-9]*<br>' "$html")
why=$(grep -o '<ul class="why"><li class="contradiction">' "$html" | wc -l)
check "every worst answer shown is explained ($why of $worst)" \
  test "$worst" -gt 0 -a "$why" -eq "$worst"

expect_exit 0 "report with gate thresholds" \
  "$VB" report "$run" --format md,junit --require 'accuracy>=50%' --require 'p95_ms<=3000'
check "one JUnit case per threshold and submission" \
  test "$(grep -c '<testcase ' "$run/junit.xml")" -eq 68
check "report.md gives the gate's verdict" grep -q '^\*\*ĐẠT\|^\*\*KHÔNG ĐẠT' "$run/report.md"
done_testing
