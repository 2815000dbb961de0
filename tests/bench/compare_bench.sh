#!/bin/bash
# On-demand latency benchmark of the compare module over the full Big-5 file (not a CTest test),
# side by side with a pandas peer doing the same queries (compare_peer.py), in the same run.
#   bash tests/bench/compare_bench.sh [build-dir]     (default build-dir: build; use a Release build)
# Builds tests/bench/compare_bench.c against the build's libscoutlab.a with -O2, then runs it and
# /usr/bin/python3 compare_peer.py BENCH_RUNS times each (default 3), interleaved, each after
# waiting for a quiet machine (quiet.sh). Prints the medians over the runs of load, index and each
# query's median latency, the worst single query seen, peak memory (/usr/bin/time -v) and the
# pandas / scoutlab ratios; then checks that both tools gave the same answers (values,
# percentiles, pool sizes, the ten similar players and their distances).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/quiet.sh"
root=$(cd "$here/../.." && pwd)
build=${1:-$root/build}
runs=${BENCH_RUNS:-3}
big5=$(realpath -m "$root/../shared/data/fbref-big5-2024-25/players_data-2024_2025.csv")
profiles="$root/datasets/profiles.csv"
[ -f "$big5" ] || { echo "skipped: $big5 is absent"; exit 77; }
# The multi-season pool (scoutlab only): the yearly folder beside the 2024/25 file, when present.
yearly=$(realpath -m "$root/../shared/data/fbref-big5-yearly")
[ -d "$yearly" ] && export BENCH_YEARLY="$yearly"
[ -f "$build/analytics/libscoutlab.a" ] || { echo "build scoutlab first: cmake --build $build"; exit 2; }
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
exe="$work/compare_bench"
cc -std=c11 -O2 -I"$root/include" "$here/compare_bench.c" "$build/analytics/libscoutlab.a" \
  $(pkg-config --libs libutf8proc gsl lapacke openblas) -lcsv -lm -lpthread -o "$exe"
QUIET_LOG="$work/loads"
: > "$QUIET_LOG"
echo "file: $big5 ($(du -h "$big5" | cut -f1)); $runs runs each, $(nproc) CPUs"
cat "$big5" "$profiles" > /dev/null # page cache warm for both

run() { # tool command...   appends "tool key median worst" lines to $work/all
  local tool=$1; shift
  wait_quiet
  (cd "$root" && /usr/bin/time -v "$@" "$work/$tool.dump") > "$work/$tool.out" 2> "$work/$tool.time" ||
    { echo "$tool failed:" >&2; tail -5 "$work/$tool.time" >&2; exit 1; }
  awk -v t="$tool" '$1 == "query" { print t, $2, $3, $4; next } { print t, $1, $2, $3 }' "$work/$tool.out" >> "$work/all"
  echo "$tool peak_kib $(awk '/Maximum resident set size/ { print $NF }' "$work/$tool.time") 0" >> "$work/all"
  printf '  %-9s %s   (load average %s)\n' "$tool" "$(awk '{ printf "%s %s  ", $1 == "query" ? $2 : $1, $(NF - 1) }' "$work/$tool.out")" "$QUIET_LOAD"
}

for i in $(seq "$runs"); do
  echo "run $i of $runs"
  run scoutlab "$exe" "$big5" "$profiles"
  run pandas /usr/bin/python3 "$here/compare_peer.py" "$big5" "$profiles"
done

med() { awk -v t="$1" -v k="$2" '$1 == t && $2 == k { print $3 }' "$work/all" | median; }
worst() { awk -v t="$1" -v k="$2" '$1 == t && $2 == k && $4 > w { w = $4 } END { print w + 0 }' "$work/all"; }
echo
printf '%-40s %12s %12s %10s\n' "median of $runs runs, ms" scoutlab pandas "pandas/scoutlab"
row() { # key label
  local a b
  a=$(med scoutlab "$1"); b=$(med pandas "$1")
  awk -v l="$2" -v a="$a" -v b="$b" 'BEGIN {
    if (b == "nan") printf "%-40s %12.3f %12s %10s\n", l, a, "-", "-";
    else printf "%-40s %12.3f %12.3f %10.1f\n", l, a, b, b / a }'
}
row load "load the CSV"
row index "index players (group rows, positions)"
row compare3 "compare 3 CBs (find + percentiles)"
row similar "similar to Balerdi, k = 10"
row pct_all "percentiles, all-league pool"
row quality_all "quality of every player"
if [ -n "${BENCH_YEARLY:-}" ]; then
  row load_2seasons "load + index 2023/24-2024/25 (10 tables)"
  row compare3_2seasons "compare 3 CBs, two seasons pooled"
  row similar_2seasons "similar to Balerdi, two seasons pooled"
fi
a=$(med scoutlab peak_kib); b=$(med pandas peak_kib)
awk -v a="$a" -v b="$b" 'BEGIN { printf "%-40s %12.0f %12.0f %10.1f\n", "peak memory, MiB", a / 1024, b / 1024, b / a }'
printf 'worst single query, ms: compare3 %s / %s, similar %s / %s (scoutlab / pandas)\n' \
  "$(worst scoutlab compare3)" "$(worst pandas compare3)" "$(worst scoutlab similar)" "$(worst pandas similar)"
echo "load averages seen before the runs: $(load_range) (wanted < $BENCH_MAX_LOAD)"

# Same answers? Values and percentiles to 1e-9 relative, names and pool sizes exactly.
/usr/bin/python3 - "$work/scoutlab.dump" "$work/pandas.dump" <<'EOF'
import math, sys
a = [l.rstrip("\n").split("\t") for l in open(sys.argv[1])]
b = [l.rstrip("\n").split("\t") for l in open(sys.argv[2])]
def same(x, y):
    try:
        u, v = float(x), float(y)
        return (math.isnan(u) and math.isnan(v)) or abs(u - v) <= 1e-9 * max(1.0, abs(u), abs(v))
    except ValueError:
        return x == y
bad = [(x, y) for x, y in zip(a, b) if len(x) != len(y) or not all(same(u, v) for u, v in zip(x, y))]
if len(a) != len(b) or bad:
    print(f"ANSWERS DIFFER ({len(a)} vs {len(b)} lines); first: {bad[:1]}")
    sys.exit(1)
print(f"answers agree: {sum(r[0] == 'pct' for r in a)} values + percentiles, pool sizes, "
      f"{sum(r[0] == 'sim' for r in a)} similar players and distances")
EOF
