#!/bin/sh
# One `make` on a fresh machine must build: the libraries' pkg-config data is
# hidden (an empty PKG_CONFIG_LIBDIR) and a stand-in installer reveals it when
# make calls it, as apt-get would. Before the fix make read pkg-config when it
# parsed the Makefile, before the installer ran, and stopped at glib.h.
. "$PWD/tests/cli/setup.sh"

if ! command -v pkg-config >/dev/null 2>&1 || ! pkg-config --exists glib-2.0; then
  echo "ok 1 # SKIP pkg-config data for the libraries is not installed"
  echo "1..1"
  exit 0
fi

# A fresh clone of what is tracked (with the working tree's edits).
mkdir "$T/src"
git ls-files -z | xargs -0 tar cf - | tar xf - -C "$T/src"

# Every .pc file of the system, linked in only when the installer runs.
mkdir "$T/pc"
pc_path=$(pkg-config --variable pc_path pkg-config)
cat >"$T/install-deps.sh" <<EOF
#!/bin/sh
for d in \$(echo "$pc_path" | tr ':' ' '); do
  [ -d "\$d" ] || continue
  for f in "\$d"/*.pc; do [ -e "\$f" ] && ln -sf "\$f" "$T/pc/"; done
done
echo called >"$T/installer-called"
EOF
chmod +x "$T/install-deps.sh"

check "the libraries are hidden before make runs" \
  sh -c "! PKG_CONFIG_LIBDIR='$T/pc' pkg-config --exists glib-2.0"
expect_exit 0 "one make builds vabench after installing" \
  env PKG_CONFIG_LIBDIR="$T/pc" make -C "$T/src" -j2 \
  INSTALL_DEPS="$T/install-deps.sh" build/vabench
check "the stand-in installer was called" test -f "$T/installer-called"
check "the binary answers --help" "$T/src/build/vabench" --help
done_testing
