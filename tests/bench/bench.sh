#!/bin/bash
# bench.sh - end-to-end OLS on a 1,000,000 x 30 CSV: scoutlab vs pandas+statsmodels vs R, same run.
# Each tool loads the file, fits y on x1..x30 with an intercept and prints the summary.
# Wall time and peak resident memory come from /usr/bin/time -v. Run on demand (not a CTest test):
#   tests/bench/bench.sh [path/to/scoutlab] [ROWS] [COLS]
# Environment: BENCH_DIR (default /tmp/scoutlab-bench) holds the generated CSV and the outputs.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
scoutlab=${1:-$here/../../build/analytics/scoutlab}
rows=${2:-1000000}
cols=${3:-30}
dir=${BENCH_DIR:-/tmp/scoutlab-bench}
mkdir -p "$dir"
csv="$dir/wide_${rows}x${cols}.csv"
[ -x "$scoutlab" ] || { echo "no scoutlab binary at $scoutlab (build first)" >&2; exit 2; }
if [ ! -s "$csv" ]; then
  cc -O2 -o "$dir/gen_wide" "$here/gen_wide.c"
  "$dir/gen_wide" "$rows" "$cols" > "$csv.tmp" && mv "$csv.tmp" "$csv"
fi
xs=$(seq -s, -f 'x%g' 1 "$cols")
echo "file: $csv ($(du -h "$csv" | cut -f1), $rows rows x $cols predictors)"
# Warm the page cache so the first tool is not charged for the disk.
cat "$csv" > /dev/null

run() { # name command...
  local name=$1; shift
  /usr/bin/time -v "$@" > "$dir/$name.out" 2> "$dir/$name.time" || { echo "$name failed:" >&2; tail -5 "$dir/$name.time" >&2; exit 1; }
  local wall rss
  wall=$(grep 'Elapsed (wall clock)' "$dir/$name.time" | awk '{print $NF}' | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')
  rss=$(grep 'Maximum resident set size' "$dir/$name.time" | awk '{print $NF}')
  echo "$name $wall $rss"
}

results=$(
  run scoutlab "$scoutlab" ols "$csv" --y y --x "$xs"
  run statsmodels /usr/bin/python3 -c "
import sys, pandas as pd, statsmodels.api as sm
d = pd.read_csv(sys.argv[1])
x = sm.add_constant(d[[c for c in d.columns if c != 'y']])
print(sm.OLS(d['y'], x).fit().summary())" "$csv"
  run R Rscript -e "d <- read.csv(commandArgs(TRUE)[1]); print(summary(lm(y ~ ., data = d)))" "$csv"
)
printf '%s\n' "$results" | awk '
  { name[NR] = $1; wall[NR] = $2; rss[NR] = $3 / 1024 }
  END {
    printf "%-12s %10s %12s %14s %14s\n", "tool", "wall s", "peak MiB", "wall/scoutlab", "mem/scoutlab"
    for (i = 1; i <= NR; i++)
      printf "%-12s %10.2f %12.0f %14.2f %14.2f\n", name[i], wall[i], rss[i], wall[i] / wall[1], rss[i] / rss[1]
    printf "\nscoutlab vs statsmodels: %.1fx faster, %.1fx less memory (targets: 6x, 3x)\n", wall[2] / wall[1], rss[2] / rss[1]
  }'
# The three summaries should agree: show each one's first slope.
echo
grep -m1 '^x1 ' "$dir/scoutlab.out" | awk '{print "scoutlab    x1", $2, $3}'
grep -m1 '^x1 ' "$dir/statsmodels.out" | awk '{print "statsmodels x1", $2, $3}'
grep -m1 '^x1 ' "$dir/R.out" | awk '{print "R           x1", $2, $3}'
