#!/bin/sh
# Installs the Debian packages vabench needs when they are missing.
# One script for `make`, `make test`, `make demo` and .ci/run, so a fresh
# Debian 12 machine needs nothing but git and make to start.
set -eu
quiet=0
[ "${1:-}" = "--quiet" ] && quiet=1

# libxml2-utils: xmllint, which the tests use to validate junit.xml
# libssl-dev: libcrypto's SHA-256 for the run log's chain (util/sha256.h)
PKGS="libcurl4-openssl-dev libssl-dev libcjson-dev libglib2.0-dev pkg-config gnuplot-nox libmicrohttpd-dev libxml2-utils gcc make"
missing=""
if ! command -v pkg-config >/dev/null 2>&1; then
  missing="pkg-config"
else
  for pc in libcurl libcjson glib-2.0 gio-2.0 libmicrohttpd libcrypto; do
    pkg-config --exists "$pc" || missing="$missing $pc"
  done
fi
command -v gnuplot >/dev/null 2>&1 || missing="$missing gnuplot"
command -v xmllint >/dev/null 2>&1 || missing="$missing xmllint"
command -v cc >/dev/null 2>&1 || missing="$missing cc"

if [ -z "$missing" ]; then
  [ $quiet = 1 ] || echo "install-deps: everything is present"
  exit 0
fi

echo "install-deps: missing:$missing; installing Debian packages: $PKGS" >&2
if [ "$(id -u)" = 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO="sudo -n"
else
  cat >&2 <<MSG
install-deps: cannot install packages: not root and no password-less sudo.
Ask an administrator to run:
  apt-get install -y $PKGS
then run make again.
MSG
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-deps: apt-get not found; install the equivalents of: $PKGS" >&2
  exit 1
fi
$SUDO apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $PKGS >&2
