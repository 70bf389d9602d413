#!/bin/sh
# Exit 0 when clang can build a libFuzzer target here (the fuzz targets
# and their smoke need it), 1 otherwise. Quiet.
command -v clang >/dev/null 2>&1 || exit 1
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT INT TERM
printf '%s\n' '#include <stddef.h>' '#include <stdint.h>' \
  'int LLVMFuzzerTestOneInput (const uint8_t *d, size_t n);' \
  'int LLVMFuzzerTestOneInput (const uint8_t *d, size_t n) { return 0; }' \
  >"$dir/t.c"
clang -fsanitize=fuzzer,address,undefined,float-cast-overflow "$dir/t.c" \
  -o "$dir/t" >/dev/null 2>&1
