#!/bin/bash
# bench.sh - end-to-end OLS on a 1,000,000 x 30 CSV: scoutlab vs pandas+statsmodels vs R, same run.
# Each tool loads the file, fits y on x1..x30 with an intercept and prints the summary.
# Wall time and peak resident memory come from /usr/bin/time -v; scoutlab and statsmodels run
# BENCH_RUNS times, interleaved (so a change in the machine's load hits both), and the medians
# are reported; R runs once (~90 s). Before every run the script waits for a quiet machine
# (quiet.sh: 1-minute load average < BENCH_MAX_LOAD, polled every 30 s for up to 20 min) and
# prints the load averages it saw. Run on demand (not a CTest test):
#   tests/bench/bench.sh [path/to/scoutlab] [ROWS] [COLS]
# Environment: BENCH_DIR (default /tmp/scoutlab-bench) holds the generated CSV and the outputs;
# BENCH_RUNS (default 3); BENCH_SKIP_R=1 leaves R out; BENCH_MAX_LOAD (0.8), BENCH_WAIT_MAX (1200).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
. "$here/quiet.sh"
scoutlab=${1:-$here/../../build/analytics/scoutlab}
rows=${2:-1000000}
cols=${3:-30}
runs=${BENCH_RUNS:-3}
dir=${BENCH_DIR:-/tmp/scoutlab-bench}
mkdir -p "$dir"
csv="$dir/wide_${rows}x${cols}.csv"
[ -x "$scoutlab" ] || { echo "no scoutlab binary at $scoutlab (build first)" >&2; exit 2; }
if [ ! -s "$csv" ]; then
  cc -O2 -o "$dir/gen_wide" "$here/gen_wide.c"
  "$dir/gen_wide" "$rows" "$cols" > "$csv.tmp" && mv "$csv.tmp" "$csv"
fi
# The load-only program needs the library next to the binary (a CMake build tree).
lib=$(dirname "$scoutlab")/libscoutlab.a
split=
if [ -f "$lib" ]; then
  split="$dir/load_split"
  cc -std=c11 -O2 -I"$here/../../include" "$here/load_split.c" "$lib" \
    $(pkg-config --libs libutf8proc gsl lapacke openblas) -lcsv -lm -lpthread -o "$split"
fi
# libcsv's own scan of the same file (csv_scan.c): the floor under the loader.
scan="$dir/csv_scan"
cc -std=c11 -O2 "$here/csv_scan.c" -lcsv -o "$scan"
xs=$(seq -s, -f 'x%g' 1 "$cols")
echo "file: $csv ($(du -h "$csv" | cut -f1), $rows rows x $cols predictors); $runs runs each, $(nproc) CPUs"
# Warm the page cache so the first tool is not charged for the disk.
cat "$csv" > /dev/null
results="$dir/results.txt"
QUIET_LOG="$dir/loads.txt"
: > "$results"
: > "$QUIET_LOG"

run() { # name command...   appends "name wall_s rss_kib load" to $results
  local name=$1; shift
  wait_quiet
  # Wall time from the clock around the run (ns; /usr/bin/time rounds to 10 ms), memory from time -v.
  local t0 t1 wall rss
  t0=$(date +%s%N)
  /usr/bin/time -v "$@" > "$dir/$name.out" 2> "$dir/$name.time" || { echo "$name failed:" >&2; tail -5 "$dir/$name.time" >&2; exit 1; }
  t1=$(date +%s%N)
  wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
  rss=$(grep 'Maximum resident set size' "$dir/$name.time" | awk '{print $NF}')
  echo "$name $wall $rss $QUIET_LOAD" >> "$results"
  printf '  %-12s %7.2f s %7.0f MiB   (load average %s)\n' "$name" "$wall" "$(echo "$rss / 1024" | bc -l)" "$QUIET_LOAD"
}

statsmodels_py="
import sys, pandas as pd, statsmodels.api as sm
d = pd.read_csv(sys.argv[1])
x = sm.add_constant(d[[c for c in d.columns if c != 'y']])
print(sm.OLS(d['y'], x).fit().summary())"

for i in $(seq "$runs"); do
  echo "run $i of $runs"
  run scoutlab "$scoutlab" ols "$csv" --y y --x "$xs"
  run statsmodels /usr/bin/python3 -c "$statsmodels_py" "$csv"
  if [ -n "$split" ]; then
    # The load alone, as the CLI does it (two threads) and forced onto one.
    run load-2thr "$split" "$csv" 2
    awk '{print "load-2thr-ms", $2}' "$dir/load-2thr.out" >> "$dir/inproc.txt.$$"
    run load-1thr "$split" "$csv" 1
    awk '{print "load-1thr-ms", $2}' "$dir/load-1thr.out" >> "$dir/inproc.txt.$$"
  fi
  run csv-scan "$scan" "$csv"
  awk '{print "csv-scan-ms", $2}' "$dir/csv-scan.out" >> "$dir/inproc.txt.$$"
done
[ "${BENCH_SKIP_R:-0}" = 1 ] || { echo "R (once)"; run R Rscript -e "d <- read.csv(commandArgs(TRUE)[1]); print(summary(lm(y ~ ., data = d)))" "$csv"; }

med() { awk -v n="$1" -v f="$2" '$1 == n { print $f }' "$results" | median; }
echo
printf '%-12s %8s %10s %14s %14s\n' tool "wall s" "peak MiB" "wall/scoutlab" "mem/scoutlab"
w0=$(med scoutlab 2); m0=$(med scoutlab 3)
for name in scoutlab statsmodels R; do
  grep -q "^$name " "$results" || continue
  w=$(med "$name" 2); m=$(med "$name" 3)
  awk -v n="$name" -v w="$w" -v m="$m" -v w0="$w0" -v m0="$m0" \
    'BEGIN { printf "%-12s %8.2f %10.0f %14.2f %14.2f\n", n, w, m / 1024, w / w0, m / m0 }'
done
ws=$(med statsmodels 2); ms=$(med statsmodels 3)
awk -v w="$ws" -v m="$ms" -v w0="$w0" -v m0="$m0" \
  'BEGIN { printf "\nscoutlab vs statsmodels: %.1fx faster (target 10x, issue 19: %s), %.1fx less memory (target 4x: %s)\n",
           w / w0, (w / w0 >= 10 ? "met" : "not met"), m / m0, (m / m0 >= 4 ? "met" : "not met") }'
echo "medians of $runs runs$([ "${BENCH_SKIP_R:-0}" = 1 ] || echo " (R: one run)"); load averages seen before the runs: $(load_range) (wanted < $BENCH_MAX_LOAD)"
if [ -n "$split" ]; then
  l2=$(awk '$1 == "load-2thr-ms" { print $2 }' "$dir/inproc.txt.$$" | median)
  l1=$(awk '$1 == "load-1thr-ms" { print $2 }' "$dir/inproc.txt.$$" | median)
  awk -v l2="$l2" -v l1="$l1" -v w0="$w0" -v r2="$(med load-2thr 3)" -v r1="$(med load-1thr 3)" 'BEGIN {
    printf "scoutlab split: CSV load %.2f s (two threads; %.2f s on one, %.0f / %.0f MiB), rest (design, fit, summary, exit) %.2f s\n",
           l2 / 1000, l1 / 1000, r2 / 1024, r1 / 1024, w0 - l2 / 1000 }'
  sc=$(awk '$1 == "csv-scan-ms" { print $2 }' "$dir/inproc.txt.$$" | median)
  awk -v sc="$sc" -v l1="$l1" -v l2="$l2" 'BEGIN {
    printf "libcsv scan alone (csv_scan.c, one thread, count-only callbacks): %.2f s; the one-thread load is %.1fx it, the two-thread load %.1fx\n",
           sc / 1000, l1 / sc, l2 / sc }'
  rm -f "$dir/inproc.txt.$$"
fi
# The summaries should agree: show each one's first slope.
echo
grep -m1 '^x1 ' "$dir/scoutlab.out" | awk '{print "scoutlab    x1", $2, $3}'
grep -m1 '^x1 ' "$dir/statsmodels.out" | awk '{print "statsmodels x1", $2, $3}'
[ ! -s "$dir/R.out" ] || [ "${BENCH_SKIP_R:-0}" = 1 ] || grep -m1 '^x1 ' "$dir/R.out" | awk '{print "R           x1", $2, $3}'
