#!/bin/sh
# headers.sh CC CXX SRC_INCLUDE BUILD_INCLUDE - every public header compiles alone as C11 and as
# C++ (when a C++ compiler exists) without warnings, and the umbrella scoutlab.h includes them all.
set -eu
cc=$1 cxx=$2 inc=$3 gen=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
bad=0
for h in "$inc"/scoutlab/*.h "$gen"/scoutlab/*.h; do
  name=$(basename "$h")
  grep -q "scoutlab/$name" "$inc/scoutlab/scoutlab.h" || [ "$name" = scoutlab.h ] ||
    { echo "scoutlab.h does not include scoutlab/$name: add it"; bad=1; }
  # Twice: the include guard must hold. The int keeps the unit non-empty for export.h.
  printf '#include "scoutlab/%s"\n#include "scoutlab/%s"\nint sl_header_test;\n' "$name" "$name" >"$tmp/t.c"
  "$cc" -std=c11 -Wall -Wextra -Wpedantic -Werror -fsyntax-only -I"$inc" -I"$gen" "$tmp/t.c" ||
    { echo "FAIL: scoutlab/$name alone as C11"; bad=1; }
  if [ -n "$cxx" ]; then
    cp "$tmp/t.c" "$tmp/t.cpp"
    "$cxx" -std=c++11 -Wall -Wextra -Werror -fsyntax-only -I"$inc" -I"$gen" "$tmp/t.cpp" ||
      { echo "FAIL: scoutlab/$name alone as C++11"; bad=1; }
  fi
done
[ -n "$cxx" ] || echo "note: no C++ compiler, C++ part skipped"
exit $bad
