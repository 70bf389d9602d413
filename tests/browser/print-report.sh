#!/bin/sh
# Prints the report of a 34-province run (tests/make-run34.sh) to PDF in
# headless Chromium, as a ministry official would, and reads the PDF's
# text back with pdftotext: the leaderboard's pages hold every column
# heading and all 34 submissions (nothing cut on the right), pages are
# A4, and the report of 34 stays a report (page count bounded). Saves a
# screenshot too (SCREENSHOT=FILE keeps it). Prints TAP; skips cleanly
# without chromium or pdftotext.
set -eu

CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
N=7
skip_all() { echo "1..$N"; for n in $(seq 1 $N); do echo "ok $n # SKIP $1"; done; exit 0; }
[ -x "$CHROMIUM" ] || skip_all "chromium not installed"
command -v pdftotext >/dev/null 2>&1 || skip_all "pdftotext (poppler-utils) not installed"
bin=${VABENCH_BIN:-build/vabench}
[ -x "$bin" ] || skip_all "vabench binary not built ($bin)"
tests/make-run34.sh "$tmp/r" "$bin" >/dev/null
html="$tmp/r/run/report.html"

chrome() {
  profile=$(mktemp -d "$tmp/profile.XXXXXX")
  timeout 180 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic \
    --no-first-run --disable-background-networking --disable-component-update \
    --disable-sync --user-data-dir="$profile" "$@" 2>>"$tmp/chromium.log"
}
n=0
check() {
  n=$((n + 1)); desc=$1; shift
  if "$@"; then echo "ok $n - $desc"; else echo "not ok $n - $desc"; fi
}
echo "1..$N"

chrome --no-pdf-header-footer --print-to-pdf="$tmp/report.pdf" "file://$html" >/dev/null || true
check "Chromium printed report.html to PDF" test -s "$tmp/report.pdf"
pdftotext "$tmp/report.pdf" "$tmp/all.txt" 2>/dev/null || true
# The leaderboard section: from its heading to the next section's.
awk '/^Bảng xếp hạng$/ {on = 1} /^Độ chính xác theo lĩnh vực$/ {on = 0} on' \
  "$tmp/all.txt" | tr '\n\f' '  ' | tr -s ' ' >"$tmp/board.txt"
missing=""
for col in "Hạng" "Bài dự thi" "Tỉnh/thành phố" \
  "Điểm tổng hợp (Khoảng tin cậy 95%)" "Độ chính xác" \
  "Độ chính xác câu gõ gần đúng" "Độ bền vững" \
  "Tỷ lệ trả lời trong ngưỡng SLA" "Độ sẵn sàng" "Nhóm ngang nhau"; do
  grep -qF "$col" "$tmp/board.txt" || missing="$missing [$col]"
done
check "every leaderboard column is in the PDF (missing:${missing:- none})" test -z "$missing"
subs=0
for id in $(seq -f 'tinh-%02g' 1 34); do
  grep -q "$id" "$tmp/board.txt" && subs=$((subs + 1))
done
check "all 34 submissions are in the PDF's leaderboard ($subs)" test "$subs" -eq 34
tie_cells=$(grep -o 'nhóm [0-9]*' "$tmp/board.txt" | wc -l)
check "the last column's cells are printed too ($tie_cells tie marks)" \
  test "$tie_cells" -ge 1
pages=$(pdfinfo "$tmp/report.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
check "a report of 34 submissions prints in at most 60 pages ($pages)" \
  test "${pages:-999}" -le 60
check "A4 pages" sh -c "pdfinfo '$tmp/report.pdf' | grep -q 'A4'"

png=${SCREENSHOT:-$tmp/report.png}
chrome --screenshot="$png" --window-size=1400,2400 "file://$html" >/dev/null || true
png_ok() { [ -s "$png" ] && [ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]; }
check "screenshot of the 34-province report saved as PNG ($png)" png_ok
