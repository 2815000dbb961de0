#!/bin/bash
# one_answer.sh - issue 14, "one player, one answer": the same player from the same inputs gets
# the same fair fee, interval and probability from value, predict, report and chart fees, and
# P(fair fee >= the printed median) is 50%. Then the rules every command shares: the season
# rule (stats season from a column or the file name, valued for the next window, a contradicting
# --season refused), the identity rule ("Name (Club)", ambiguity exit 2 with the candidates) and
# checked names (a misspelt league or pool exits 2 with "did you mean"). Demo data always; the
# real files of ../shared/data when present.
. "$(dirname "$0")/lib.sh"
D="$SL_DATASETS"
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
cd "$W" || exit 1

json() { # key < json: the first number of "key"
  sed -n "s/.*\"$1\": \([-0-9.e+]*\).*/\1/p" | head -1
}
md_money() { # column of the first "| €" row of the report's fee table, as a plain number
  awk -F'|' -v c="$1" '/^\| €/ {gsub(/[ €,]/, "", $c); print $c; exit}' "$2"
}

# ---- the demo data: four commands, one answer -------------------------------------------------
"$SCOUTLAB" fit --transfers "$D/transfers.csv" -o demo.slm >/dev/null 2>&1
expect_eq "$?" 0 "fit on the demo transfers"
data=(--data "$D/players.csv" --data "$D/values.csv" --data "$D/contracts.csv")
v=$("$SCOUTLAB" value --model demo.slm --player "Tobías Quirandel" "${data[@]}" --bid 25m --format json)
expect_eq "$?" 0 "value from the demo files"
fair=$(printf '%s' "$v" | json fair_fee); low=$(printf '%s' "$v" | json fee_low)
high=$(printf '%s' "$v" | json fee_high); p=$(printf '%s' "$v" | json p_at_least_bid)
expect_contains "$v" '"seasons": "stats 2024/25 (its season column); valued for a transfer in summer 2025 (2025/26)"' \
  "value states both seasons"

"$SCOUTLAB" report --quiet --no-charts --player "Tobías Quirandel" --bid 25m --stats "$D/players.csv" \
  --values "$D/values.csv" --contracts "$D/contracts.csv" --model demo.slm -o r >/dev/null
expect_eq "$?" 0 "report from the same files"
# The report prints whole euros: the same numbers to the euro.
expect_num_eq "$(md_money 2 r/report.md)" "$(awk -v f="$fair" 'BEGIN{printf "%.0f", f}')" "report median = value" --abs 0.5
expect_num_eq "$(md_money 4 r/report.md)" "$(awk -v f="$low" 'BEGIN{printf "%.0f", f}')" "report low = value" --abs 0.5
expect_num_eq "$(md_money 5 r/report.md)" "$(awk -v f="$high" 'BEGIN{printf "%.0f", f}')" "report high = value" --abs 0.5
rp=$(awk -F'|' '/^\| €/ {gsub(/[ %]/, "", $6); print $6; exit}' r/report.md)
expect_num_eq "$rp" "$(awk -v f="$p" 'BEGIN{printf "%.1f", 100 * f}')" "report P(fee >= bid) = value" --abs 0.05
expect_contains "$(cat r/report.md)" "stats 2024/25 · valued for summer 2025" "report states both seasons"
# A stated buyer: report --buyer-club values him as value --buyer-club does, and its headline
# says whose fee it is.
vb=$("$SCOUTLAB" value --model demo.slm --player "Tobías Quirandel" "${data[@]}" --bid 25m --buyer-club Bramcaster \
  --format json)
expect_eq "$?" 0 "value with a buying club"
"$SCOUTLAB" report --quiet --no-charts --player "Tobías Quirandel" --bid 25m --stats "$D/players.csv" \
  --values "$D/values.csv" --contracts "$D/contracts.csv" --model demo.slm --buyer-club Bramcaster -o rb >/dev/null
expect_eq "$?" 0 "report with a buying club"
fair_b=$(printf '%s' "$vb" | json fair_fee)
expect_num_eq "$(md_money 2 rb/report.md)" "$(awk -v f="$fair_b" 'BEGIN{printf "%.0f", f}')" \
  "report --buyer-club median = value --buyer-club" --abs 0.5
awk -v a="$fair_b" -v b="$fair" 'BEGIN { exit !(a != b) }' || fail "the buying club moves the fee ($fair_b, $fair)"
expect_contains "$(cat rb/report.md)" "Fair fee, buying club Bramcaster United:" "the headline names the buyer"

"$SCOUTLAB" chart fees --model demo.slm --player "Tobías Quirandel" "${data[@]}" --bid 25m -o fees.svg \
  --script fees.gp >/dev/null 2>&1
if [ -s fees.gp ]; then
  # The script holds the estimate to five significant digits (what the label prints).
  expect_num_eq "$(awk -F' = ' '$1=="estimate_eur"{print $2}' fees.gp)" "$fair" "chart fees marks value's fair fee" --rel 5e-5
else
  fail "chart fees wrote no script"
fi

# The out-of-time check: the workspace's fit, the fee chart and the report hold out the same last
# three seasons with the same seed (one default, fees.h).
"$SCOUTLAB" chart fees --model demo.slm -o fit.svg --script fit.gp >/dev/null 2>&1
expect_contains "$(cat fit.gp)" "Held-out transfers 2022-24" "chart fees holds out the last three seasons, as fit"

# predict on a row holding the attributes value used gives the same numbers. The row is a player
# at his club, so its season is the season of his data (value's "season" is the window valued,
# the one after it): the same season rule in both commands.
printf '%s\n' "$v" | awk '
  function val(line) { sub(/^  "[a-z_]*": "?/, "", line); sub(/"?,$/, "", line); return line }
  /^  "player":/ {name = val($0)}
  /^  "club":/ {club = val($0)}
  /^  "league":/ {league = val($0)}
  /^  "season":/ {season = val($0) - 1}
  /^  "age":/ {age = val($0)}
  /^  "market_value":/ {mv = val($0)}
  /^  "contract_months":/ {cm = val($0)}
  /^  "minutes_share":/ {ms = val($0)}
  END {print "name,club,league,age,short_pos,season,market_value,contract_months_left,minutes_share";
       printf "%s,%s,%s,%s,CB,%s,%s,%s,%s\n", name, club, league, age, season, mv, cm, ms}' >row.csv
"$SCOUTLAB" predict --model demo.slm row.csv --bid 25m >pred.csv 2>/dev/null
expect_eq "$?" 0 "predict on the row"
col() { awk -F, -v want="$1" 'NR==1 {for (i = 1; i <= NF; i++) if ($i == want) c = i} NR==2 {print $c}' pred.csv; }
# predict writes money as whole euros.
expect_num_eq "$(col fair_fee)" "$fair" "predict fair fee = value" --abs 0.5
expect_eq "$(col window)" 2025 "predict states the window valued (2025)"
expect_num_eq "$(col fee_low)" "$low" "predict low = value" --abs 0.5
expect_num_eq "$(col fee_high)" "$high" "predict high = value" --abs 0.5
expect_num_eq "$(col p_at_least_bid)" "$p" "predict P(fee >= bid) = value" --rel 1e-12

# A similar player's fair fee: the same in scoutlab similar --model, in the report's replacement
# table and in scoutlab value (one fee record: his club entry's minutes share and contract).
sim=$("$SCOUTLAB" similar --stats "$D/players.csv" --values "$D/values.csv" --contracts "$D/contracts.csv" \
  --model demo.slm "Tobías Quirandel" -k 1 --format csv 2>/dev/null | sed -n 2p)
sname=$(printf '%s' "$sim" | cut -d, -f2 | tr -d '"')
sfee=$("$SCOUTLAB" value --model demo.slm --player "$sname" "${data[@]}" --format json | json fair_fee)
expect_contains "$(cat r/report.md)" "| $sname |" "the report's replacement table lists $sname"
rfee=$(awk -F'|' -v n=" $sname " '$2 == n {gsub(/[ €,]/, "", $7); print $7; exit}' r/report.md)
expect_num_eq "$rfee" "$(awk -v f="$sfee" 'BEGIN{printf "%.0f", f}')" "report fair fee of $sname = value" --abs 0.5
sjson=$("$SCOUTLAB" similar --stats "$D/players.csv" --values "$D/values.csv" --contracts "$D/contracts.csv" \
  --model demo.slm "Tobías Quirandel" -k 1 --format json 2>/dev/null)
expect_num_eq "$(printf '%s' "$sjson" | grep -o '"fair_fee_eur":[-0-9.e+]*' | head -1 | cut -d: -f2)" "$sfee" \
  "similar --model fair fee of $sname = value" --rel 1e-9

# The printed median is the 50% point of the distribution that gives P(fee >= bid).
half=$("$SCOUTLAB" value --model demo.slm --player "Tobías Quirandel" "${data[@]}" --bid "$fair" --format json |
  json p_at_least_bid)
expect_num_eq "$half" 0.5 "P(fair fee >= printed median) is 50%" --abs 1e-9

# A position known only as a line ("defence") is valued as the mixture of CB and FB weighted by
# the training deals: its median lies between theirs, it is the mixture's 50% point, and the
# note names the weights.
mix() { "$SCOUTLAB" value --model demo.slm --age 26 --market-value 18m --league "Valmorian Ligue" --window 2025 "$@"; }
cb=$(mix --position CB --format json | json fair_fee); fb=$(mix --position FB --format json | json fair_fee)
line=$(mix --position defence --format json)
lm=$(printf '%s' "$line" | json fair_fee)
awk -v m="$lm" -v a="$cb" -v b="$fb" 'BEGIN { lo = a < b ? a : b; hi = a < b ? b : a; exit !(m > lo && m < hi) }' ||
  fail "the defence mixture's median $lm lies between FB $fb and CB $cb"
expect_contains "$line" "position known only as a line: valued as a mixture of CB" "the mixture note"
expect_contains "$line" '"position_group": "CB/FB"' "the position says both groups"
lhalf=$(mix --position defence --bid "$lm" --format json | json p_at_least_bid)
expect_num_eq "$lhalf" 0.5 "P(fee >= the mixture's median) is 50%" --abs 1e-6

# The season rule: a --season that contradicts the file is refused, naming both.
out=$("$SCOUTLAB" value --model demo.slm --player "Tobías Quirandel" "${data[@]}" --season 2010 2>&1)
expect_eq "$?" 2 "contradicting --season is a usage error"
expect_contains "$out" "season 2010/11 was asked for, but the stats hold 2019/20 to 2024/25" "it names both"
out=$("$SCOUTLAB" value --model demo.slm --player "Tobías Quirandel" "${data[@]}" --season 2023 --format json)
expect_contains "$out" "valued for a transfer in summer 2024" "--season 2023: the window after it"
out=$("$SCOUTLAB" value --model demo.slm --player "Tobías Quirandel" "${data[@]}" --window 2026 --format json)
expect_contains "$out" '"season": 2026' "--window names the transfer window"

# ---- the real files ---------------------------------------------------------------------------
if [ ! -e "$SL_SHARED_DATA/transfers-tm" ] || [ ! -e "$SL_SHARED_DATA/tm-values-2023/france.csv" ]; then
  echo "skipped: the real-data part ($SL_SHARED_DATA is absent)" >&2
  finish
fi
S="$SL_SHARED_DATA"
F="$S/fbref-big5-2024-25/players_data-2024_2025.csv"
# The model only: no k-fold, and the recency the inner split chooses on these deals fixed (the
# same model, without the search).
"$SCOUTLAB" fit --transfers "$S/transfers-tm" --folds 1 --season-mode level --half-life 2 -o M.slm >/dev/null 2>&1
expect_eq "$?" 0 "fit on transfers-tm"

# Two Marquinhos in the French values: never a silent pick.
out=$("$SCOUTLAB" value --model M.slm --player Marquinhos --data "$S/tm-values-2023/france.csv" 2>&1)
expect_eq "$?" 2 "ambiguous Marquinhos exits 2"
expect_contains "$out" "Marquinhos (Paris Saint-Germain, age 29, €65.0m); Marquinhos (FC Nantes, age 20, €10.0m)" \
  "both Marquinhos listed with club, age and value"
expect_contains "$out" '"Marquinhos (Paris Saint-Germain)"' "the Name (Club) form to use"
out=$("$SCOUTLAB" value --model M.slm --player "Marquinhos (Paris Saint-Germain)" --data "$S/tm-values-2023/france.csv" \
  --position CB --format json 2>&1)
expect_eq "$(printf '%s' "$out" | json market_value)" 65000000 "Marquinhos (Paris Saint-Germain) is valued at his €65m"
expect_eq "$(printf '%s' "$out" | json age)" 29 "... and is the 29-year-old"
out=$("$SCOUTLAB" value --model M.slm --player "Marquinhos (Paris S-G)" --data "$S/tm-values-2023/france.csv" \
  --position CB --format json 2>&1)
expect_eq "$(printf '%s' "$out" | json market_value)" 65000000 "FBref's short club name works too"

# Misspelt names are errors with a suggestion, never a silent fallback.
out=$("$SCOUTLAB" value --model M.slm --age 26 --position CB --market-value 10m --buyer-league "Seria A" 2>&1)
expect_eq "$?" 2 "unknown buyer league exits 2"
expect_contains "$out" "did you mean Serie A?" "Seria A -> Serie A"
out=$("$SCOUTLAB" value --model M.slm --age 26 --position CBB --market-value 10m 2>&1)
expect_eq "$?" 2 "unknown position exits 2"
expect_contains "$out" "did you mean CB?" "CBB -> CB"
if [ -e "$F" ]; then
  out=$("$SCOUTLAB" compare --stats "$F" "Leonardo Balerdi" "William Saliba" --pool Ligue1 2>&1)
  expect_eq "$?" 2 "compare --pool Ligue1 exits 2"
  expect_contains "$out" "Ligue 1" "compare --pool Ligue1 suggests Ligue 1"

  # Balerdi: report without --season values him for summer 2025 and says so; value from the same
  # files gives the same fair fee.
  "$SCOUTLAB" report --quiet --no-charts --player "Leonardo Balerdi" --bid 25m --stats "$F" \
    --values "$S/tm-values-2023" --model M.slm -o b >/dev/null 2>b.err
  expect_eq "$?" 0 "report on Balerdi"
  expect_contains "$(cat b/report.md)" "stats 2024/25 · valued for summer 2025" "Balerdi valued for 2025/26"
  bv=$("$SCOUTLAB" value --model M.slm --player Balerdi --data "$F" --data "$S/tm-values-2023/france.csv" \
    --position CB --bid 25m --format json)
  expect_num_eq "$(md_money 2 b/report.md)" "$(printf '%s' "$bv" | json fair_fee | awk '{printf "%.0f", $1}')" \
    "Balerdi: report and value agree" --abs 0.5
  # A January mover with sub-positions from transfers-tm (AM/W): value takes --positions as the
  # report does, and both value him alike (before, value could not read them: a mixture, 9% more).
  "$SCOUTLAB" report --quiet --no-charts --player Kvaratskhelia --stats "$F" --values "$S/tm-values-2023" \
    --positions "$S/transfers-tm" --model M.slm -o k >/dev/null 2>k.err
  expect_eq "$?" 0 "report on Kvaratskhelia with positions"
  kv=$("$SCOUTLAB" value --model M.slm --player Kvaratskhelia --data "$F" --values "$S/tm-values-2023" \
    --positions "$S/transfers-tm" --format json 2>/dev/null)
  expect_contains "$kv" '"position_group": "AM/W"' "value --positions: his sub-position's group"
  expect_num_eq "$(md_money 2 k/report.md)" "$(printf '%s' "$kv" | json fair_fee | awk '{printf "%.0f", $1}')" \
    "Kvaratskhelia: report and value --positions agree" --abs 0.5
  # The batch: predict over the FBref file joined with the values folder values every Ligue 1
  # centre-back who has a market value, Balerdi at the same fee as value and the report.
  "$SCOUTLAB" predict --model M.slm --stats "$F" --values "$S/tm-values-2023" --leagues "Ligue 1" --position CB \
    --bid 25m >batch.csv 2>batch.err
  expect_eq "$?" 0 "predict over the stats and values"
  bcol() { awk -F, -v want="$1" -v who="$2" 'NR==1 {for (i = 1; i <= NF; i++) if ($i == want) c = i}
    NR>1 && $1 == who {print $c}' batch.csv; }
  expect_num_eq "$(bcol fair_fee "Leonardo Balerdi")" "$(printf '%s' "$bv" | json fair_fee)" \
    "Balerdi: predict's batch and value agree" --abs 0.5
  expect_num_eq "$(bcol p_at_least_bid "Leonardo Balerdi")" "$(printf '%s' "$bv" | json p_at_least_bid)" \
    "Balerdi: the same P(fee >= 25m)" --rel 1e-9
  with_value=$(awk -F, 'NR==1 {for (i = 1; i <= NF; i++) {if ($i == "market_value") m = i; if ($i == "fair_fee") f = i}}
    NR>1 && $m != "" {n++; if ($f != "") v++} END {print n + 0, v + 0}' batch.csv)
  expect_eq "${with_value% *}" "${with_value#* }" "every Ligue 1 centre-back with a value is valued ($with_value)"
  awk -v n="${with_value% *}" 'BEGIN { exit !(n >= 20) }' || fail "at least 20 Ligue 1 centre-backs with a value ($with_value)"
  expect_eq "$(awk -F, 'NR>1 && $3 != "Ligue 1" && $3 != ""' batch.csv | wc -l)" 0 "only Ligue 1"
  # --leagues names a league as the stats write it, whatever the model calls it ("Bundesliga",
  # the model's "1 Bundesliga"; "La Liga", its "Laliga"): both select their players (none did), and
  # so does the model's spelling, which the output prints.
  for L in Bundesliga "La Liga" "1 Bundesliga"; do
    n=$("$SCOUTLAB" predict --model M.slm --stats "$F" --values "$S/tm-values-2023" --leagues "$L" --position CB \
      2>/dev/null | awk 'NR>1' | wc -l)
    awk -v n="$n" 'BEGIN { exit !(n >= 50) }' || fail "--leagues \"$L\": its centre-backs ($n)"
  done

  # Issue 15: Balerdi answered twice. His market value is of autumn 2023 (the folder
  # tm-values-2023: 2023/24), two seasons before the summer-2025 window, and his 2024/25 stats are
  # more recent: the performance model gives the default answer, the same as value gives him with
  # it (and without a market value: the performance model does not read one), and the report's
  # second answer is the market-value model's on the old value, value's without a performance model.
  if [ -d "$S/fbref-big5-yearly/standard" ]; then
    "$SCOUTLAB" fit --transfers "$S/transfers-tm" --stats "$S/fbref-big5-yearly" --no-market-value --folds 1 \
      -o P.slm >/dev/null 2>&1
    expect_eq "$?" 0 "fit the performance model"
    "$SCOUTLAB" report --quiet --no-charts --player "Leonardo Balerdi" --bid 25m --stats "$F" \
      --values "$S/tm-values-2023" --model M.slm --performance-model P.slm -o b3 >/dev/null 2>&1
    expect_eq "$?" 0 "report with the performance model"
    r3=$(cat b3/report.md)
    expect_contains "$r3" "### A second answer, from his old market value" "the second answer's section"
    pv=$("$SCOUTLAB" value --model M.slm --performance-model P.slm --player Balerdi --position CB --bid 25m \
      --data "$F" --values "$S/tm-values-2023" --format json 2>/dev/null)
    expect_contains "$pv" '"model": "P.slm"' "value: the performance model for the old value"
    pv0=$("$SCOUTLAB" value --model M.slm --performance-model P.slm --player Balerdi --position CB --bid 25m \
      --data "$F" --format json 2>/dev/null)
    expect_num_eq "$(printf '%s' "$pv" | json fair_fee)" "$(printf '%s' "$pv0" | json fair_fee)" \
      "the performance answer does not read the old value" --rel 1e-12
    expect_num_eq "$(md_money 2 b3/report.md)" "$(printf '%s' "$pv" | json fair_fee | awk '{printf "%.0f", $1}')" \
      "the default answer is the performance model's, as value's" --abs 0.5
    want=$(printf '%s' "$bv" | json fair_fee | awk '{printf "%.1f", $1 / 1e6}')
    expect_contains "$r3" "fair fee €${want}m" "the second answer is the market-value model's (€${want}m)"
    wantp=$(printf '%s' "$bv" | json p_at_least_bid | awk '{printf "%.1f", 100 * $1}')
    expect_contains "$r3" "= ${wantp}%" "the same P(fee >= 25m) (${wantp}%)"
    # The what-ifs and comparables are the model's that valued him: the report's "one year older"
    # is value's --what-if age=+1 with both models, and its comparables the performance model's
    # deals (2018-2020), not the market-value model's.
    older=$("$SCOUTLAB" value --model M.slm --performance-model P.slm --player Balerdi --position CB --bid 25m \
      --data "$F" --values "$S/tm-values-2023" --what-if age=+1 2>/dev/null | sed -n 's/^  age=+1 *fair fee *\(€[0-9,]*\).*/\1/p')
    expect_contains "$r3" "| one year older | $older |" "the report's what-if is value's, by the performance model ($older)"
    seasons=$(sed -n '/^\*Comparable past transfers/,/^\*What if/p' b3/report.md | awk -F' [|] ' '/^\| [^-p]/ {print $2}' | sort -u | tr '\n' ' ')
    case "$seasons" in *2018/19*|*2019/20*|*2020/21*) ;; *) fail "comparables of the performance model's seasons ($seasons)" ;; esac
    case "$seasons" in *200*|*201[0-7]*) fail "no comparable outside the performance model's deals ($seasons)" ;; esac
    # predict's batch with the performance model: Balerdi valued by it, as value and the report.
    "$SCOUTLAB" predict --model M.slm --performance-model P.slm --stats "$F" --values "$S/tm-values-2023" \
      --leagues "Ligue 1" --position CB --bid 25m >batch.csv 2>batch.err
    expect_num_eq "$(bcol fair_fee "Leonardo Balerdi")" "$(printf '%s' "$pv" | json fair_fee)" \
      "Balerdi: predict's batch with the performance model and value agree" --abs 0.5
    expect_eq "$(bcol valued_by "Leonardo Balerdi")" "P.slm" "predict names the model that valued him"
    # Each replacement is valued as value values him alone, by whichever model that is (a
    # player without a market value by the performance model; it was the market-value model's
    # typical player before).
    rows=$(sed -n '/^### What would replace him cost/,/^## /p' b3/report.md | awk -F' [|] ' '/^\| [^-p]/ {sub(/^[|] /, "", $1); print $1 "|" $2 "|" $6}')
    expect_eq "$(printf '%s\n' "$rows" | grep -c .)" 5 "five replacements"
    while IFS='|' read -r name club fee; do
      fee=$(printf '%s' "$fee" | tr -d '€, ')
      got=$("$SCOUTLAB" value --model M.slm --performance-model P.slm --player "$name ($club)" --data "$F" \
        --values "$S/tm-values-2023" --format json 2>/dev/null | json fair_fee | awk '{printf "%.0f", $1}')
      expect_num_eq "$fee" "$got" "replacement $name: the report's fee is value's" --abs 0.5
    done <<EOF_ROWS
$rows
EOF_ROWS
    expect_contains "$r3" "by the performance model" "the replacement text says which were valued by the performance model"
  fi

  out=$("$SCOUTLAB" report --quiet --no-charts --player "Leonardo Balerdi" --stats "$F" --season 2019 \
    --values "$S/tm-values-2023" --model M.slm -o b2 2>&1)
  expect_eq "$?" 2 "report --season 2019 on the 2024/25 file is refused"
  expect_contains "$out" "season 2019/20 was asked for, but the stats are of 2024/25 (from the file name" \
    "the refusal names both seasons"
fi
# A values folder whose files name one thing two ways (a stats export's Age and Squad, the
# values' age and club): each row's age is its own file's, so a namesake 14 years older is not
# him (it was: the stacked table's first Age column was empty on the values' rows, and any age fit).
mkdir -p vdir
printf 'Player,Age,Born,Squad,Min\nTobías Quirandel,26,1998,Olympique Sabreval,2500\n' > vdir/a_stats.csv
printf 'Player,age,club,value\nTobías Quirandel,40,Other Club,€90.00m\nTobías Quirandell,26,Nowhere,€1.00m\n' > vdir/b_values.csv
out=$("$SCOUTLAB" value --model demo.slm --player "Tobías Quirandel" --data "$D/players.csv" --season 2024 --values vdir 2>&1)
expect_contains "$out" "has no market value, and the model uses one" "values folder: a namesake 14 years older is not him"
printf 'Player,age,club,value\nTobías Quirandel,27,Olympique Sabreval,€18.00m\n' > vdir/c_values.csv
out=$("$SCOUTLAB" value --model demo.slm --player "Tobías Quirandel" --data "$D/players.csv" --season 2024 --values vdir 2>&1)
expect_contains "$out" "market value €18,000,000" "values folder: his own row found by its own age"
out=$("$SCOUTLAB" value -v --model demo.slm --player "Tobías Quirandel" --data "$D/players.csv" --season 2024 --values vdir 2>&1)
expect_contains "$out" "note: vdir/a_stats.csv left out: no market value column (not market values)" \
  "values folder: a stats export in it left out, said"
# A goalkeeper of his name and age is not him (a centre-back): his value is unknown, not the keeper's.
mkdir -p gkdir && printf 'Player,age,club,position,value\nTobías Quirandel,26,Olympique Sabreval,Portero,€5.00m\n' > gkdir/v.csv
out=$("$SCOUTLAB" value --model demo.slm --player "Tobías Quirandel" --data "$D/players.csv" --season 2024 --values gkdir 2>&1)
expect_contains "$out" "has no market value, and the model uses one" "values: a goalkeeper namesake is not a centre-back's value"
# --data with a folder: each file is what its columns say (a folder of stats and values is not
# all stats because one file has minutes).
mkdir -p ddir && cp "$D/players.csv" "$D/values.csv" ddir/
out=$("$SCOUTLAB" value --model demo.slm --player "Tobías Quirandel" --data ddir --season 2024 2>&1)
expect_contains "$out" "market value €18,000,000" "--data FOLDER: its values file read as values"

finish
