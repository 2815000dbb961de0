#!/bin/bash
# fees_cli.sh - scoutlab fit / value / predict on the hand-made fixtures in tests/data/fees/:
# golden outputs compared as numbers with a relative tolerance of 1e-12 (tests/tools/numdiff.h;
# the numbers are the hand calculation in tests/unit/test_fees.c) and the error
# messages a user sees. Regenerate a golden only after checking the new output by hand.
. "$(dirname "$0")/lib.sh"
D="$SL_TEST_DATA/fees"
G="$D/golden"
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
cd "$W" || exit 1

golden() { # name command...
  local name=$1; shift
  "$@" >"$W/$name.out" 2>"$W/$name.err"
  local rc=$?
  expect_eq "$rc" 0 "$name: exit status"
  sed -e "s#$D/##g" "$W/$name.out" >"$W/$name.txt"
  expect_golden "$G/$name" "$W/$name.txt" "$name differs from golden $G/$name"
}

golden fit_tiny.txt "$SCOUTLAB" fit --transfers "$D/tiny.csv" -o tiny.slm --folds 1
golden value_tiny.txt "$SCOUTLAB" value --model tiny.slm --player "player 250" --data "$D/tiny.csv" \
  --bid 6m --what-if age=+5 --comparables 2
golden value_tiny.json "$SCOUTLAB" value --model tiny.slm --age 25 --position DM --bid 6,000,000 --format json \
  --comparables 1
golden predict_tiny.csv "$SCOUTLAB" predict --model tiny.slm "$D/predict.csv" --bid "€6m"

# Errors: what the user sees and the exit status.
out=$("$SCOUTLAB" value --player x 2>&1); rc=$?
expect_eq "$rc" 2 "value without --model is a usage error"
expect_contains "$out" "no model (give --model MODEL.slm from scoutlab fit)" "usage message"
out=$("$SCOUTLAB" value --model tiny.slm --player "Plaier 25" --data "$D/tiny.csv" 2>&1); rc=$?
expect_eq "$rc" 1 "unknown player exit"
expect_contains "$out" "no player 'Plaier 25'; did you mean: Player 250" "did-you-mean"
out=$("$SCOUTLAB" value --model tiny.slm --player "player" --data "$D/tiny.csv" 2>&1); rc=$?
expect_eq "$rc" 2 "ambiguous player exit (the same status in every command)"
expect_contains "$out" "'player' matches 12 players: Player 200 (club unknown, age 20); " "ambiguity listed with age"
expect_contains "$out" "name one as \"Name (Club)\"" "ambiguity says how to choose"
# A line only is valued as the mixture of its groups; the tiny model saw no defender, so it says so.
out=$("$SCOUTLAB" value --model tiny.slm --age 25 --position defence 2>&1); rc=$?
expect_eq "$rc" 1 "line-only position without the line's groups in the model"
expect_contains "$out" "position known only as a line (CB/FB), and the model saw no transfer of those groups (give --position)" \
  "position message"
out=$("$SCOUTLAB" value --model tiny.slm --position CM 2>&1); rc=$?
expect_eq "$rc" 1 "no age"
expect_contains "$out" "age unknown: the model needs it (give --age)" "age message"
head -c 300 tiny.slm >cut.slm
out=$("$SCOUTLAB" value --model cut.slm --age 25 --position CM 2>&1); rc=$?
expect_eq "$rc" 1 "truncated model"
expect_contains "$out" "damaged or truncated fee model" "truncated message"
sed '1s/ 2$/ 9/' tiny.slm >v9.slm
out=$("$SCOUTLAB" value --model v9.slm --age 25 --position CM 2>&1); rc=$?
expect_eq "$rc" 1 "other version"
expect_contains "$out" "fee model format version 9; this scoutlab reads versions 2-6 (written by a later scoutlab; refit with scoutlab fit)" "version message"
out=$("$SCOUTLAB" fit --transfers "$D/tiny.csv" 2>&1); rc=$?
expect_eq "$rc" 2 "fit without -o"
expect_contains "$out" "no output model (give -o MODEL.slm)" "fit usage message"
# Where the interval's calibration comes from (test_fees_calibration checks the residuals).
out=$("$SCOUTLAB" fit --transfers "$SL_DATASETS/transfers.csv" --since 2022 --until 2023 --folds 1 -o two.slm 2>&1)
expect_contains "$out" "deals of 2023, predicted from the seasons before it" "two seasons: calibrated by time"
out=$("$SCOUTLAB" fit --transfers "$SL_DATASETS/transfers.csv" --since 2023 --until 2023 --folds 1 -o one.slm 2>&1)
expect_contains "$out" "deals held out at random (too few seasons to calibrate by time)" "one season: at random"
out=$("$SCOUTLAB" fit --transfers "$SL_DATASETS/transfers.csv" --until 2023 --folds 1 --format json -o all.slm 2>&1)
expect_contains "$out" '"calibration_from": 2020' "eight seasons: calibrated from 2020, before the choice's 2022 (JSON)"
out=$("$SCOUTLAB" fit --transfers "$D/tiny.csv" --holdout-from 2030 -o x.slm 2>&1); rc=$?
expect_eq "$rc" 1 "empty test set"
expect_contains "$out" "a time split at season 2030 leaves" "holdout message"
# Inputs outside the data (issue 16): impossible ones refused with exit 1, possible ones beyond the
# training range valued and flagged (table line, note, JSON key, predict column), never n/a.
"$SCOUTLAB" fit --transfers "$SL_DATASETS/transfers.csv" --until 2019 --folds 1 -o demo.slm >/dev/null 2>&1
out=$("$SCOUTLAB" value --model demo.slm --age 25 --position CB --season 2018 --market-value 1e30 2>&1); rc=$?
expect_eq "$rc" 1 "market value 1e30: exit status"
expect_eq "$out" "scoutlab: market value 1e+30 is not a footballer's (expected at most 2000000000 EUR, ten times the highest ever listed)" \
  "market value 1e30: message"
out=$("$SCOUTLAB" value --model demo.slm --age 25 --position CB --season 2018 --market-value 10m --contract-months 1e9 2>&1); rc=$?
expect_eq "$rc" 1 "contract months 1e9: exit status"
expect_eq "$out" "scoutlab: contract months 1e+09 is not a contract's (expected at most 120: ten years)" "contract months 1e9: message"
out=$("$SCOUTLAB" value --model demo.slm --age 25 --position CB --season 2200 --market-value 10m 2>&1); rc=$?
expect_eq "$rc" 0 "season 2200: valued"
expect_contains "$out" "extrapolated           beyond the training deals in season (see notes)" "season 2200: flagged under the range"
expect_contains "$out" "  - extrapolation: season 2201 is more than 1 season outside the training seasons 2016-2019: the last season's market level is used" \
  "season 2200: the note says what the model does"
case "$out" in *n/a*) fail "season 2200: n/a in the valuation" ;; esac
out=$("$SCOUTLAB" value --model demo.slm --age 25 --position CB --season 2200 --market-value 10m --format json 2>&1)
expect_contains "$out" '"extrapolated": [{"term": "season", "input": "season", "value": 2201, "training_low": 2016, "training_high": 2019}]' \
  "season 2200: JSON key"
out=$("$SCOUTLAB" value --model demo.slm --age 25 --position CB --season 2018 --market-value 10m --format json 2>&1)
expect_contains "$out" '"extrapolated": [],' "inside the training range: an empty JSON list"
printf 'name,age,short_pos,market_value,contract_months_left,season\nA,25,CB,1e30,24,2018\nB,25,CB,10000000,1000000000,2018\nC,25,CB,10000000,24,2200\nD,45,CB,10000000,24,2018\nE,25,CB,10000000,24,2018\n' >outside.csv
out=$("$SCOUTLAB" predict --model demo.slm outside.csv 2>&1); rc=$?
expect_eq "$rc" 0 "predict outside the data: exit status"
expect_eq "$(printf '%s\n' "$out" | cut -d, -f1,13- | sed -n '2,6p')" "A,\"market value 1e+30 is not a footballer's (expected at most 2000000000 EUR, ten times the highest ever listed)\",no fee column,
B,contract months 1e+09 is not a contract's (expected at most 120: ten years),no fee column,
C,,no fee column,season 2201 (training 2016 to 2019)
D,,no fee column,age 45 (training 17 to 36)
E,,no fee column," "predict: refusals in reason, extrapolations in their column"

# Amounts in pounds (ewenme/transfers writes 2021/22 so): never read as euros. Without a rate the
# row whose market value is in pounds is not valued and says why; a fee in pounds only keeps the
# row out of the score; --rate converts both.
GBP=$(printf '\xc2\xa3') EUR=$(printf '\xe2\x82\xac')
printf 'club_name,player_name,age,position,club_involved_name,fee,transfer_movement,transfer_period,market_value,league_name,season\n' >pounds.csv
printf 'Club A,F,25,Centre-Back,Club B,\xc2\xa38.00m,in,Summer,\xe2\x82\xac10.00m,League,2018/2019\n' >>pounds.csv
printf 'Club A,G,25,Centre-Back,Club B,loan transfer,in,Summer,\xc2\xa35.00m,League,2018/2019\n' >>pounds.csv
printf 'Club A,H,25,Centre-Back,Club B,\xe2\x82\xac8.00m,in,Summer,\xe2\x82\xac10.00m,League,2018/2019\n' >>pounds.csv
"$SCOUTLAB" predict --model demo.slm pounds.csv >pounds.out 2>pounds.err; rc=$?
expect_eq "$rc" 0 "predict in pounds: exit status"
expect_contains "$(cat pounds.err)" "note: 2 rows hold amounts in another currency than euros, not read (first: fee '${GBP}8.00m' is in GBP, not euros); give the euros one unit is worth, e.g. --rate GBP=1.16" "predict in pounds: the note"
expect_eq "$(cut -d, -f2,18- pounds.out | sed -n '2,4p')" "F,,amount in another currency than euros (no exchange rate is guessed),
G,\"market_value '${GBP}5.00m' is in GBP, not euros\",loan,
H,,yes," "predict in pounds: F valued (only its fee is in pounds), G not (its value is), H in euros"
expect_eq "$(cut -d, -f12 pounds.out | sed -n 2p)" "$(cut -d, -f12 pounds.out | sed -n 4p)" "predict in pounds: F and H, the same player, the same fair fee"
"$SCOUTLAB" predict --model demo.slm pounds.csv --rate GBP=1.25 --score >rated.out 2>rated.err
expect_eq "$(cut -d, -f2,19 rated.out | sed -n '2,4p' | tr '\n' ' ')" "F,yes G,loan H,yes " "--rate GBP=1.25: F's fee read"
sed -n '1p;3p' pounds.csv | sed "s/${GBP}5.00m/${EUR}6.25m/" >euros.csv
"$SCOUTLAB" predict --model demo.slm euros.csv >euros.out 2>/dev/null
expect_num_eq "$(cut -d, -f12 rated.out | sed -n 3p)" "$(cut -d, -f12 euros.out | sed -n 2p)" "--rate: G's GBP 5.00m valued as EUR 6.25m"
expect_contains "$(cat rated.err)" "accuracy on the 2 rows fit would learn from" "--rate: F and H scored"
# Market values in pounds joined to stats by name: not read as euros either.
awk -F, -v OFS=, -v gbp="$GBP" 'NR > 1 && $5 != "" { $5 = gbp $5 } { print }' "$SL_DATASETS/values.csv" >gbpvalues.csv
out=$("$SCOUTLAB" value --model demo.slm --player "Tobías Quirandel" --data "$SL_DATASETS/players.csv" --data gbpvalues.csv 2>&1); rc=$?
expect_eq "$rc" 1 "value with market values in pounds: exit status"
expect_contains "$out" "values of the values files are in another currency than euros, not read" "value with market values in pounds: why"
out=$("$SCOUTLAB" predict --model demo.slm pounds.csv --rate GBP=1.2 --rate USD=0.9 2>&1); rc=$?
expect_eq "$rc" 2 "--rate twice: exit status"
expect_contains "$out" "--rate once, with every currency" "--rate twice: the message"
out=$("$SCOUTLAB" predict --model demo.slm pounds.csv --rate pounds 2>&1); rc=$?
expect_eq "$rc" 2 "--rate pounds: exit status"
expect_contains "$out" "exchange rate 'pounds': expected a currency code other than EUR, given once, and the euros one unit is worth, 0.0001 to 10000 with a decimal point, e.g. GBP=1.16" "--rate pounds: the message"
out=$("$SCOUTLAB" predict --model demo.slm pounds.csv --rate GBP=1,16 2>&1); rc=$?
expect_eq "$rc" 2 "--rate with a decimal comma: exit status"
expect_contains "$out" "exchange rate 'GBP=1,16': a rate takes a decimal point, not a comma (commas separate currencies), e.g. GBP=1.16" \
  "--rate with a decimal comma: the message names the whole rate"
out=$("$SCOUTLAB" predict --model demo.slm pounds.csv --rate "GBP=1.16, USD=0,92" 2>&1); rc=$?
expect_contains "$out" "exchange rate 'USD=0,92': a rate takes a decimal point" "--rate: a decimal comma in the second rate"
out=$("$SCOUTLAB" predict --model demo.slm pounds.csv --rate " " 2>&1); rc=$?
expect_eq "$rc" 2 "--rate ' ': exit status"
expect_contains "$out" "exchange rates: none given; expected CODE=rate for each currency, e.g. GBP=1.16,USD=0.92" "--rate ' ': the message"
# A rate no amount is in (a typing error: GPB) is said, with the currencies the files have.
out=$("$SCOUTLAB" predict --model demo.slm pounds.csv --rate GPB=1.16,GBP=1.2 2>&1 >/dev/null); rc=$?
expect_eq "$rc" 0 "--rate GPB: still valued"
expect_contains "$out" "warning: exchange rate for GPB given, but no fee or market value is in it (the other currencies of the files: GBP)" \
  "--rate GPB: the rate no amount is in"
out=$("$SCOUTLAB" fit --transfers "$SL_DATASETS/transfers.csv" --until 2019 --folds 1 --rate USD=0.92,CHF=1.05 -o usd.slm 2>&1)
expect_contains "$out" "note: exchange rate for USD, CHF given, but no fee or market value is in them (every amount is in euros)" \
  "fit --rate on euros only: said"
# check shows how fit reads a transfers file: the same selection, reason by reason.
out=$("$SCOUTLAB" check pounds.csv | sed -n '/^as transfers/,/not used: amount/p')
expect_eq "$out" "as transfers (scoutlab fit): 3 rows read, 1 deals used
  not used: loan                                                                       1
  not used: amount in another currency than euros (no exchange rate is guessed)        1" "check: the fee model's reading (the counts in one column)"
expect_contains "$("$SCOUTLAB" check --format json pounds.csv)" '"as_transfers": {"rows_read": 3, "used": 1, "not_used": {"loan": 1, "currency": 1}, "notes": [' \
  "check: the fee model's reading in JSON"
expect_eq "$("$SCOUTLAB" check "$SL_DATASETS/players.csv" | grep -c '^as transfers')" 0 "check: no fee column, no reading as transfers"
# A buying club the training deals do not name: a typo of a club with its own level is refused
# with it (never valued silently as the pooled level); a club further from any is valued at the
# pooled level with a note naming the closest.
V=(--model demo.slm --player "Tobías Quirandel" --data "$SL_DATASETS/players.csv" --data "$SL_DATASETS/values.csv" --season 2024)
out=$("$SCOUTLAB" value "${V[@]}" --buyer-club "Bramcastr United" 2>&1); st=$?
expect_eq "$st" 2 "buyer club one letter off: refused"
expect_contains "$out" "buying club 'Bramcastr United' is not among the training deals' clubs; did you mean Bramcaster United?" \
  "buyer club typo: the candidate named"
out=$("$SCOUTLAB" value "${V[@]}" --buyer-club "Inter Miami" 2>&1); st=$?
expect_eq "$st" 0 "buyer club new to the data: valued"
expect_contains "$out" "Inter Miami is not among the training deals' clubs: the model values it with the pooled level 'other'" \
  "new buyer club: the pooled level said"
# A market value no footballer has (15 meant as 15m; 1e-300 in a file) is refused, never valued:
# value names the unit; fit counts such rows as impossible values; predict names the cell, as it
# names a season cell that is no season.
out=$("$SCOUTLAB" value --model demo.slm --age 25 --position CB --season 2018 --market-value 15 2>&1); rc=$?
expect_eq "$rc" 1 "value --market-value 15: refused"
expect_contains "$out" "market value 15 EUR is below any listed (expected at least 1000 EUR; for millions write 15m)" \
  "value --market-value 15: the unit named"
awk -F, -v OFS=, 'NR == 1 { for (i = 1; i <= NF; i++) { if ($i == "market_value") mv = i; if ($i == "season") se = i
    if ($i == "fee") fee = i; if ($i == "is_loan") loan = i } }
  NR > 1 && $fee + 0 > 0 && $loan == "False" && n++ < 5 { $mv = "1e-300" } NR == 41 { $se = "1e400" } { print }' \
  "$SL_DATASETS/transfers.csv" > tiny_mv.csv
out=$("$SCOUTLAB" fit -v --transfers tiny_mv.csv --until 2019 --folds 1 -o tiny.slm 2>&1)
expect_contains "$out" ": market_value 1e-300 is below 1000 (EUR: none is listed lower; another unit?)" \
  "fit: a market value below any listed is an impossible value"
out=$("$SCOUTLAB" predict --model demo.slm tiny_mv.csv 2>/dev/null | sed -n 41p)
expect_contains "$out" "season '1e400' is not a season (expected e.g. 2022, 2022/23, 2022/2023, 22/23)" \
  "predict: a season cell that is no season named, not valued at another season"
# A saved model's own level is the default of every command that reads it: fitted at 90%, value
# and report give 90% ranges without --level (value had, report had not), and --level still wins.
"$SCOUTLAB" fit --transfers "$D/tiny.csv" --level 0.9 --folds 1 -o tiny90.slm >/dev/null 2>&1
level_of() { "$SCOUTLAB" value --model tiny90.slm --age 25 --position DM --format json "$@" | sed -n 's/^  "level": \([^,]*\),$/\1/p'; }
expect_num_eq "$(level_of)" 0.9 "value: the model's 90%" --rel 1e-12
expect_num_eq "$(level_of --level 0.8)" 0.8 "value: --level wins over the model's" --rel 1e-12
finish
