#!/bin/bash
# On-demand latency benchmark of the compare module over the full Big-5 file (not a CTest test).
#   bash tests/bench/compare_bench.sh [build-dir]     (default build-dir: build)
# Builds tests/bench/compare_bench.c against the build's libscoutlab.a with -O2.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${1:-$root/build}
big5="$root/../shared/data/fbref-big5-2024-25/players_data-2024_2025.csv"
[ -f "$big5" ] || { echo "skipped: $big5 is absent"; exit 77; }
[ -f "$build/analytics/libscoutlab.a" ] || { echo "build scoutlab first: cmake --build $build"; exit 2; }
exe=$(mktemp); trap 'rm -f "$exe"' EXIT
cc -std=c11 -O2 -I"$root/include" "$root/tests/bench/compare_bench.c" "$build/analytics/libscoutlab.a" \
  $(pkg-config --libs libutf8proc gsl lapacke openblas) -lcsv -lm -o "$exe"
cd "$root" && "$exe" "$big5" "$root/datasets/profiles.csv"
