#!/bin/bash
# perf_real.sh - performance from a stats history through the CLI (issue 15; skips when
# ../shared/data is absent):
#  - `fit --stats fbref-big5-yearly --no-market-value` prints the join (924 of 2,693 deals of
#    2018-2020, 34.3%), saves a version-6 model (the last fee), and its time split scores the
#    model without the performance terms on the same 2020 deals, and the first version's design
#    (the issue's "today"), fitted on every deal before: the performance model well below both;
#  - `value --performance-model` values Balerdi without a market value (only his 2024/25 stats) by
#    the performance model and says so, and with his 2023 market value by the model with market
#    value, saying that too; his last fee (EUR 15.5m, 2018) from the model's deals, or as stated;
#  - a model without performance terms is written as version 5 (the default's buying club).
. "$(dirname "$0")/lib.sh"
need_shared transfers-tm/2020
need_shared fbref-big5-yearly/standard/2024.csv
need_shared fbref-big5-2024-25/players_data-2024_2025.csv
need_shared tm-values-2023/france.csv
S="$SL_SHARED_DATA"
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT

out=$("$SCOUTLAB" fit --transfers "$S/transfers-tm" --stats "$S/fbref-big5-yearly" --no-market-value \
  --holdout-from 2020 --folds 1 -o "$W/perf.slm")
expect_eq "$?" 0 "fit --stats"
expect_contains "$out" "performance: deals joined to the stats of the season before (stats 2017/18-2024/25): 924 of 2693 whose season before has stats (34.3%; 17872 deals in all)" "join line"
expect_contains "$out" "terms from the stats: minutes share, starts share, npxG+xAG per 90, progressive actions per 90, club points per match" "terms line"
expect_contains "$out" "saved $W/perf.slm: trained on the 924 deals joined to stats (of 17872)" "trained on the joined deals"
model=$(printf '%s\n' "$out" | grep '^  model  ' | awk '{print $3}')
plain=$(printf '%s\n' "$out" | grep 'fitted on every deal before' | awk '{print $(NF-6)}')
expect_num_eq "$model" "0.900" "performance model log-RMSE on 2020" --rel 0.02
expect_num_eq "$plain" "1.091" "no-market-value model without the performance terms, same deals" --rel 0.02
awk -v a="$model" -v b="$plain" 'BEGIN { exit !(a <= b - 0.15) }' || fail "performance model $model at least 0.15 below $plain"
first=$(printf '%s\n' "$out" | grep "first version's, every deal before" | awk '{print $(NF-6)}')
expect_num_eq "$first" "1.178" "the first version's model (the issue's today), same deals" --rel 0.02
awk -v a="$model" -v b="$first" 'BEGIN { exit !(a <= b - 0.2) }' || fail "performance model $model at least 0.2 below $first"
expect_eq "$(head -1 "$W/perf.slm")" "scoutlab-fee-model 6" "a performance model with the last fee is version 6"

"$SCOUTLAB" fit --transfers "$S/transfers-tm/2019" "$S/transfers-tm/2020" --folds 1 -o "$W/mv.slm" >/dev/null
expect_eq "$?" 0 "fit with market value"
expect_eq "$(head -1 "$W/mv.slm")" "scoutlab-fee-model 5" "a model without performance terms: version 5 (the buying club)"

# The fee chart of a performance model: refitted on the joined deals as fit's time split (the
# default holdout leaves the first season to learn from: 2018, test 2019-2020, 575 deals).
"$SCOUTLAB" chart fees --model "$W/perf.slm" -o "$W/perf.svg" --script "$W/perf.gp" >/dev/null
expect_eq "$?" 0 "chart fees of a performance model"
expect_contains "$(cat "$W/perf.gp")" "Held-out transfers 2019-20 joined to stats (n=575), model refitted on 2018" \
  "chart: the joined deals, the first season to learn from"
expect_contains "$(cat "$W/perf.gp")" "holds 77.0%" "chart: coverage as fit --holdout-from 2019 measures it"

# Without a market value (stats only): the performance model, from his 2024/25 stats.
v=$("$SCOUTLAB" value --model "$W/mv.slm" --performance-model "$W/perf.slm" --player Balerdi \
  --data "$S/fbref-big5-2024-25/players_data-2024_2025.csv" --position CB --bid 25m --format json)
expect_eq "$?" 0 "value without a market value"
expect_contains "$v" "\"model\": \"$W/perf.slm\"" "valued by the performance model"
expect_contains "$v" "no market value for him; his 2024/25 stats stand in for it" "says why"
expect_contains "$v" "\"stats_season\": 2024" "his 2024/25 stats"
expect_contains "$v" "last fee €15.5m in 2018, the latest of his in the model's deals (to 2020" "his last fee, and where from"
expect_contains "$v" '"last_fee": 15500000' "the JSON's last fee"
expect_contains "$v" '"last_fee_season": 2018' "and its season"
v2=$("$SCOUTLAB" value --model "$W/mv.slm" --performance-model "$W/perf.slm" --player Balerdi \
  --data "$S/fbref-big5-2024-25/players_data-2024_2025.csv" --position CB --last-fee 11m --last-fee-season 2021)
expect_eq "$?" 0 "value with a stated last fee"
expect_contains "$v2" "last fee €11m in 2021, as stated" "the stated last fee"
expect_contains "$v2" "last fee                   EUR 11.00m in 2021" "the why table's one line for it"
# From the flags alone (no data row): his name finds his last fee, and the note says the same.
v3=$("$SCOUTLAB" value --model "$W/perf.slm" --player "Leonardo Balerdi" --age 26 --position CB --league "Ligue 1" --season 2024)
expect_contains "$v3" "last fee €15.5m in 2018, the latest of his in the model's deals" "the note, from the flags alone"
expect_contains "$v3" "last fee                   EUR 15.50m in 2018" "the why line agrees with it"
v3=$("$SCOUTLAB" value --model "$W/perf.slm" --player "Leonardo Balerdi" --age 26 --position CB --season 2024 --last-fee 11m)
expect_contains "$v3" "last fee                   EUR 11.00m    " "a stated fee without a season: no 'in 0'"
"$SCOUTLAB" value --model "$W/perf.slm" --player "Leonardo Balerdi" --age 26 --position CB --last-fee-season 2021 >/dev/null 2>&1
expect_eq "$?" 2 "--last-fee-season without --last-fee: a usage error"
# With his market value of autumn 2023 (the folder tm-values-2023: season 2023/24), two seasons
# before the summer-2025 window, and his 2024/25 stats more recent: the performance model values
# him (SL_WORKSPACE_MARKET_VALUE_OLD), it says why, and the market-value answer is the second.
v=$("$SCOUTLAB" value --model "$W/mv.slm" --performance-model "$W/perf.slm" --player Balerdi \
  --data "$S/fbref-big5-2024-25/players_data-2024_2025.csv" "$S/tm-values-2023/france.csv" --position CB --bid 25m)
expect_eq "$?" 0 "value with an old market value"
expect_contains "$v" "market value €10,000,000 (of 2023/24)" "the header names the value's season"
expect_contains "$v" "valued by the performance model ($W/perf.slm): his market value (€10m) is of 2023/24, 2 seasons before the summer 2025 window; his 2024/25 stats are newer" "the performance model, and why"
expect_contains "$v" "second answer          from his old market value ($W/mv.slm): fair fee" "the market-value answer second"
j=$("$SCOUTLAB" value --model "$W/mv.slm" --performance-model "$W/perf.slm" --player Balerdi \
  --data "$S/fbref-big5-2024-25/players_data-2024_2025.csv" "$S/tm-values-2023/france.csv" --position CB --bid 25m \
  --format json)
expect_contains "$j" "\"model\": \"$W/perf.slm\"" "JSON: the performance model"
expect_contains "$j" '"market_value_season": 2023' "JSON: the value's season"
expect_contains "$j" "\"second_answer\": {\"model\": \"$W/mv.slm\", \"by\": \"market_value\"" "JSON: the second answer's model"
# The same value stated is current: the market-value model, and the performance answer second.
v=$("$SCOUTLAB" value --model "$W/mv.slm" --performance-model "$W/perf.slm" --player Balerdi \
  --data "$S/fbref-big5-2024-25/players_data-2024_2025.csv" --market-value 10m --position CB --bid 25m)
expect_eq "$?" 0 "value with a stated market value"
expect_contains "$v" "valued by the model $W/mv.slm: his market value is known" "the market-value model, and why"
expect_not_contains "$v" "(of 20" "a stated value has no season"
expect_contains "$v" "second answer          from his stats alone, his market value set aside ($W/perf.slm)" "the performance answer second"
# Without a performance model the old value values him, and a note says it is old.
v=$("$SCOUTLAB" value --model "$W/mv.slm" --player Balerdi --data "$S/fbref-big5-2024-25/players_data-2024_2025.csv" \
  "$S/tm-values-2023/france.csv" --position CB)
expect_contains "$v" "his market value (€10m) is of 2023/24, 2 seasons before the summer 2025 window: old (a performance model would value him from his stats)" "the old value, said"
# A model without performance terms given as the performance model is refused.
"$SCOUTLAB" value --model "$W/mv.slm" --performance-model "$W/mv.slm" --player Balerdi \
  --data "$S/fbref-big5-2024-25/players_data-2024_2025.csv" --position CB >/dev/null 2>"$W/err.txt"
expect_eq "$?" 2 "a performance model without performance terms"
expect_contains "$(cat "$W/err.txt")" "has no performance terms" "message"
# A player of two clubs in 2024/25 (Walker: Manchester City, then Milan): valued as a sale by the
# club of his most minutes, said, unless the query names the other: then Milan's league sells.
F="$S/fbref-big5-2024-25/players_data-2024_2025.csv"
v=$("$SCOUTLAB" value --model "$W/mv.slm" --player "Kyle Walker" --data "$F" --market-value 13m 2>&1)
expect_contains "$v" "Kyle Walker: FB, age 34, Manchester City, Premier League" "the club of his most minutes"
expect_contains "$v" "his clubs this season: Manchester City, Milan; valued as a sale by Manchester City (most minutes)" "said"
v=$("$SCOUTLAB" value --model "$W/mv.slm" --player "Kyle Walker (Milan)" --data "$F" --market-value 13m 2>&1)
expect_contains "$v" "Kyle Walker: FB, age 34, Milan, Serie A" "the club the query names"
expect_contains "$v" "selling league            Serie A" "its league sells"
expect_contains "$v" "a sale by Milan, as asked (his clubs of the season: Manchester City, Milan)" "said"
# chart fees takes --values as value does: the same player, the same estimate.
"$SCOUTLAB" chart fees --model "$W/mv.slm" --player Balerdi --data "$F" --values "$S/tm-values-2023/france.csv" --bid 25m \
  -o "$W/fv.svg" --script "$W/fv.gp" -q
expect_eq "$?" 0 "chart fees --values"
want=$("$SCOUTLAB" value --model "$W/mv.slm" --player Balerdi --data "$F" --values "$S/tm-values-2023/france.csv" --format json 2>/dev/null |
  grep '"fair_fee"' | head -1 | sed 's/.*"fair_fee": \([^,]*\),.*/\1/')
expect_num_eq "$(sed -n 's/^estimate_eur = //p' "$W/fv.gp")" "$want" "the chart's estimate is value's fair fee" --rel 1e-5
# similar --performance-model values the candidates without a market value as report does.
out=$("$SCOUTLAB" similar --stats "$F" "Leonardo Balerdi" --model "$W/mv.slm" --performance-model "$W/perf.slm" \
  --values "$S/tm-values-2023/france.csv" -k 5 -q --format json)
expect_eq "$?" 0 "similar --performance-model"
expect_eq "$(printf '%s\n' "$out" | grep -c '"fair_fee": null')" 0 "every candidate valued (by one model or the other)"
"$SCOUTLAB" similar --stats "$F" "Leonardo Balerdi" --performance-model "$W/perf.slm" >/dev/null 2>"$W/e.txt"
expect_eq "$?" 2 "--performance-model without --model"
expect_contains "$(cat "$W/e.txt")" "--performance-model needs --model FILE" "message"
finish
