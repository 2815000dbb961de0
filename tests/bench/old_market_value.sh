#!/bin/sh
# old_market_value.sh - is a market value two seasons old still better than the performance
# model? The measurement behind SL_WORKSPACE_MARKET_VALUE_OLD (include/scoutlab/workspace.h,
# docs/fee-model.md "An old market value"), on the real data, run on demand:
#
#   tests/bench/old_market_value.sh build/analytics/scoutlab ../shared/data [TEST_SEASON [GAP]]
#
# For the deals of TEST_SEASON (default 2020) whose player is in the FBref stats of the season
# before (name and birth year, as scoutlab joins them) and has a market value in an earlier row of
# transfers-tm at least GAP seasons before (default 2), two copies of the transfers are written
# (to a temporary folder; every earlier season linked, not copied): the test season's rows with
# that old value in place of the current one, and with the current one. Then `fit --holdout-from`
# scores, on the same deals, the market-value model given the old value, given the current one,
# and the performance model (which reads no market value). MINUTES=0-900 (or 900-1e9) keeps the
# players of that many league minutes the season before. Needs python3-pandas.
set -eu
SCOUTLAB=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
DATA=$(cd "$2" && pwd)
TEST=${3:-2020}
GAP=${4:-2}
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
/usr/bin/python3 "$(dirname "$0")/old_market_value.py" "$DATA" "$W" "$TEST" "$GAP"
row() { sed -n '/^accuracy out of sample/,/^$/p' | sed -n 3p; }
printf '%-44s %s\n' "test $TEST, value >= $GAP seasons old" "deals  logRMSE   R2 log    MdAPE    +-25%    +-50%  coverage    width"
printf '%-30s' "market-value model, old value"
"$SCOUTLAB" fit --transfers "$W/old" --holdout-from "$TEST" --folds 1 -o "$W/a.slm" 2>&1 | row
printf '%-30s' "market-value model, current"
"$SCOUTLAB" fit --transfers "$W/current" --holdout-from "$TEST" --folds 1 -o "$W/b.slm" 2>&1 | row
printf '%-30s' "performance model"
"$SCOUTLAB" fit --transfers "$W/old" --stats "$DATA/fbref-big5-yearly" --no-market-value --holdout-from "$TEST" \
  --folds 1 -o "$W/c.slm" 2>&1 | row
