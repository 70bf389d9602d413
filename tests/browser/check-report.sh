#!/bin/sh
# Renders a report.html in headless Chromium: a screenshot proves the page
# lays out; a DOM dump proves that a hostile answer (<script>, <img onerror>)
# did not run — the document title is unchanged — and shows as text.
#
#   tests/browser/check-report.sh [REPORT.html]
#
# Without an argument, builds the report from tests/browser/fixture with
# $VABENCH_BIN (default build/vabench). Prints TAP. Needs no network: the
# page is self-contained and Chromium's background services are off.
set -eu

CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

echo "1..4"
if [ ! -x "$CHROMIUM" ]; then
  for n in 1 2 3 4; do echo "ok $n # SKIP chromium not installed"; done
  exit 0
fi

html=${1:-}
if [ -z "$html" ]; then
  bin=${VABENCH_BIN:-build/vabench}
  if [ ! -x "$bin" ]; then
    for n in 1 2 3 4; do echo "ok $n # SKIP vabench binary not built ($bin)"; done
    exit 0
  fi
  cp "$here/fixture/results.json" "$here/fixture/scores.jsonl" "$tmp/"
  "$bin" report "$tmp" --format html >/dev/null
  html="$tmp/report.html"
fi
case $html in /*) ;; *) html="$(pwd)/$html" ;; esac

chrome() {
  # A fresh profile per run; every background service that could reach the
  # network is off.
  profile=$(mktemp -d "$tmp/profile.XXXXXX")
  timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic \
    --no-first-run --disable-background-networking --disable-component-update \
    --disable-sync --user-data-dir="$profile" "$@" 2>"$tmp/chromium.log"
}

n=0
check() { # check DESCRIPTION COMMAND...
  n=$((n + 1))
  desc=$1
  shift
  if "$@"; then echo "ok $n - $desc"; else echo "not ok $n - $desc"; fi
}

png="${SCREENSHOT:-$tmp/report.png}"
chrome --screenshot="$png" --window-size=1280,2400 "file://$html" >/dev/null || true
png_ok() { [ -s "$png" ] && [ "$(head -c 8 "$png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ]; }
check "screenshot of the report saved as PNG ($png)" png_ok

chrome --dump-dom "file://$html" >"$tmp/dom.html" || true
title=$(sed -n 's:.*<head>.*<title>\([^<]*\)</title>.*:\1:p;s:^<title>\([^<]*\)</title>.*:\1:p' "$tmp/dom.html" | head -n 1)
[ -n "$title" ] || title=$(grep -o '<title>[^<]*</title>' "$tmp/dom.html" | head -n 1 | sed 's:</*title>::g')
title_ok() { [ -n "$title" ] && ! printf '%s' "$title" | grep -q pwned; }
check "document title unchanged by the hostile answer ($title)" title_ok

script_text() { grep -q "&lt;script&gt;document.title='pwned'&lt;/script&gt;" "$tmp/dom.html"; }
check "<script> in an answer appears as text" script_text

img_text() {
  grep -q '&lt;img src=x onerror="document.title=' "$tmp/dom.html" &&
    ! grep -q '<img' "$tmp/dom.html" && ! grep -q '<script' "$tmp/dom.html"
}
check "<img onerror> in an answer appears as text, no element made" img_text
