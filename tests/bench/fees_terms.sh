#!/bin/bash
# fees_terms.sh - the fee model's default terms against declared lists (issue 15, "richer,
# declared terms"), side by side in one run on ../shared/data/transfers-tm: for each list one
# `scoutlab fit --until 2020 --holdout-from 2017 --rolling 2013 --folds 1 --format json`, and a
# Markdown table of the time split (train <= 2016, test 2017-2020, the buyers' in rows and all
# deals) and the rolling one-season-ahead evaluation 2013-2020 (mean over seasons, on every deal
# with a market value and on the buyers' in rows among them).
# The recency settings are chosen by the inner split for every list, as fit does by default.
# Run on demand (not a CTest test): tests/bench/fees_terms.sh [path/to/scoutlab] [transfers dir]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
scoutlab=${1:-$here/../../build/analytics/scoutlab}
data=${2:-$here/../../../shared/data/transfers-tm}
dir=${BENCH_DIR:-/tmp/scoutlab-fees-terms}
mkdir -p "$dir"
[ -x "$scoutlab" ] || { echo "no scoutlab binary at $scoutlab (build first)" >&2; exit 2; }
[ -d "$data" ] || { echo "no transfers folder at $data" >&2; exit 2; }
base="age,age^2,position,buyer_league,seller_league,season"
lists=(
  "default|"
  "classic|classic"
  "spline|$base,spline(log_mv,4)"
  "spline + log_mv:age|$base,spline(log_mv,4),log_mv:age"
  "spline + log_mv:age + log_mv:buyer_league|$base,spline(log_mv,4),log_mv:age,log_mv:buyer_league"
  "linear + log_mv:age|$base,log_mv,log_mv:age"
  "linear + log_mv:age + buyer_club|$base,log_mv,log_mv:age,buyer_club"
  "spline + log_mv:age + buyer_club|$base,spline(log_mv,4),log_mv:age,buyer_club"
)
i=0
for entry in "${lists[@]}"; do
  name=${entry%%|*} terms=${entry#*|}
  args=(fit --transfers "$data" --until 2020 --holdout-from 2017 --rolling 2013 --folds 1 --format json -o "$dir/m$i.slm")
  [ -n "$terms" ] && args+=(--terms "$terms")
  echo "+ scoutlab ${args[*]}" >&2
  "$scoutlab" "${args[@]}" > "$dir/m$i.json" 2> "$dir/m$i.err"
  printf '%s\t%s\n' "$name" "$dir/m$i.json" >> "$dir/runs.$$"
  i=$((i + 1))
done
/usr/bin/python3 - "$dir/runs.$$" <<'EOF'
import json, sys
print("| terms | in rows: log-RMSE | coverage | width | all deals: log-RMSE | rolling 2013-2020: mean log-RMSE | on the in rows | mean coverage | mean width | columns | time split's choice |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
for line in open(sys.argv[1]):
    name, path = line.rstrip("\n").split("\t")
    d = json.load(open(path))
    a, t, roll = d["accuracy"]["time_model_in_rows"], d["accuracy"]["time_model"], d["rolling"]
    mean = lambda k: sum(r[k] for r in roll) / len(roll)
    choice = lambda c: f"{c['season_mode']}, h={c['half_life'] if c['half_life'] is not None else 'none'}"
    print(f"| {name} | {a['log_rmse']:.3f} | {100 * a['coverage']:.1f}% | {a['mean_width']:.3f} | {t['log_rmse']:.3f} "
          f"| {mean('log_rmse'):.3f} | {d['rolling_mean']['in_log_rmse']:.3f} | {100 * mean('coverage'):.1f}% | {mean('mean_width'):.3f} | {len(d['coefficients'])} "
          f"| {choice(d['time_split_choice'])} |")
EOF
rm -f "$dir/runs.$$"
