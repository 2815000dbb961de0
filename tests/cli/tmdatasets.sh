# transfermarkt-datasets exports (issue 20): fit on transfers.csv with ages and positions joined
# from players.csv by player_id, predict over its rows, and value / predict players.csv with
# player_valuations.csv joined by player_id (the latest valuation at or before the window opens).
# The samples (tests/data/tmdatasets, written by generate.py there) are synthetic with the real
# column layout; every expected number below follows from generate.py's rules, worked out in the
# comments.
. "$SL_TESTS/cli/lib.sh"
D="$SL_TEST_DATA/tmdatasets"
T="$D/transfers.csv" P="$D/players.csv" V="$D/player_valuations.csv"
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1
num() { # key < json: the first number of "key"
  sed -n "s/.*\"$1\": \([-0-9.e+]*\).*/\1/p" | head -1
}
str() { # key < json: the first string of "key"
  sed -n "s/.*\"$1\": \"\([^\"]*\)\".*/\1/p" | head -1
}
col() { # file column who: the cell of column `column` in the row whose first cell is `who`... or
  # whose player_name is `who` (transfers)
  awk -F, -v want="$2" -v who="$3" 'NR==1 {for (i = 1; i <= NF; i++) {if ($i == want) c = i; if ($i == "player_name" || $i == "player") n = i}}
    NR>1 && $n == who {print $c; exit}' "$1"
}

# ---- fit ----
# Without the players file the transfers have no age: refused, saying how to join it.
out=$("$SCOUTLAB" fit --transfers "$T" -o none.slm 2>&1)
expect_eq "$?" 1 "fit without --players: bad data"
expect_contains "$out" "transfers.csv: no age column (expected age, or a date of birth); its player_id can take them from a players file (give --players)" \
  "fit without --players: the message says how"

# 52 rows (generate.py): fee 0 on k % 9 == 4 (k = 4 13 22 31 40 49: 6 free), no fee on
# k % 13 == 7 (7 20 33 46: 4), player_ids 399001/399002 not in players.csv (k = 11 38: no age),
# Dario Trente's position "Missing" (k = 26 43), no market value on k % 17 == 3 (3 37; 20 has no
# fee first): 52 - 6 - 4 - 2 - 2 - 2 = 36 deals.
"$SCOUTLAB" fit --transfers "$T" --players "$P" -o tmd.slm --format json >fit.json 2>fit.err
expect_eq "$?" 0 "fit --players: exit status"
j=$(cat fit.json)
expect_eq "$(num rows_read <fit.json)" 52 "fit: rows read"
expect_eq "$(num deals <fit.json)" 36 "fit: deals used"
expect_contains "$j" '"not_used": {"fee_unknown": 4, "free_transfer": 6, "age": 2, "position": 2, "market_value": 2}' \
  "fit: deals not used, by reason"
expect_contains "$j" "\"players\": {\"file\": \"$P\", \"rows\": 52, \"joined\": 50, \"not_found\": 2, \"ambiguous\": 0, \"no_player_id\": 0" \
  "fit: 50 of 52 rows joined on player_id, the 2 unknown ids counted"
expect_contains "$j" '"columns_added": "date_of_birth, position, sub_position, country_of_citizenship, age"' "fit: the columns joined"
# Fees were generated proportional to the market value (times an age factor and noise of at most
# exp(+-0.3)), so the log market value coefficient is near 1.
b=$(printf '%s\n' "$j" | sed -n 's/.*"name": "log market value", "estimate": \([-0-9.e+]*\).*/\1/p')
awk -v b="$b" 'BEGIN { exit !(b > 0.9 && b < 1.1) }' || fail "log market value coefficient $b is not within 0.9-1.1"
expect_contains "$(cat fit.err)" "'age' derived from date_of_birth at each row's transfer_date" "fit: the age is said to be derived"
out=$("$SCOUTLAB" fit --transfers "$T" --players "$P" -o tmd2.slm)
expect_contains "$out" "players: 50 of 52 transfer rows joined to $P on player_id" "fit table: the join"
expect_contains "$out" "not joined: player_id not in the players file 2, on several of its rows 0, no player_id 0" "fit table: not joined"
expect_contains "$out" "deals: 52 rows read, 36 used" "fit table: deals used"

# Releases that add the clubs' competitions (dbt's curated transfers) give the leagues: the
# roles seller_league / buyer_league, which fit reads as the two sides' leagues.
awk -F, 'BEGIN {OFS=","} NR==1 {print $0, "from_club_domestic_competition_id", "to_club_domestic_competition_id"; next}
  {print $0, "FR1", (NR % 2 ? "GB1" : "FR1")}' "$T" >with_leagues.csv
json=$("$SCOUTLAB" check --format json with_leagues.csv)
expect_contains "$json" '"name": "from_club_domestic_competition_id", "type": "text", "role": "seller_league"' "from_club_domestic_competition_id is the seller's league"
expect_contains "$json" '"name": "to_club_domestic_competition_id", "type": "text", "role": "buyer_league"' "to_club_domestic_competition_id is the buyer's league"
out=$("$SCOUTLAB" fit --transfers with_leagues.csv --players "$P" -o leagues.slm -q)
expect_contains "$out" "fee model: log(fee) on age, position, buying league, selling league, season, log market value" \
  "fit with leagues: the league terms"
# Every other row is bought from GB1: about 18 of the 36 deals, under the 25 a level of its own
# needs, so it is pooled as "other" against FR1.
expect_contains "$out" "buying league other" "fit with leagues: the buyers' leagues as levels"

# ---- predict over the transfer rows, read as fit reads them ----
"$SCOUTLAB" predict --model tmd.slm "$T" --players "$P" >rows.csv 2>rows.err
expect_eq "$?" 0 "predict rows --players: exit status"
# Adrien Vingtsept, born 1995-11-07, moved on 2024-01-02: 28 on the day (27 on 1 September 2023).
expect_eq "$(col rows.csv age "Adrien Vingtsept")" 28 "age at the transfer_date, from date_of_birth"
expect_eq "$(col rows.csv date_of_birth "Adrien Vingtsept")" 1995-11-07 "his date of birth joined"
expect_eq "$(col rows.csv sub_position "Adrien Vingtsept")" "Left Winger" "his sub-position joined"
expect_eq "$(col rows.csv transfer_season "Adrien Vingtsept")" 2023 "23/24 is 2023"
expect_eq "$(col rows.csv fit_would_use "Trialist 11")" "age missing" "an unknown player_id: no age"
expect_eq "$(awk -F, 'NR==1 {for (i = 1; i <= NF; i++) if ($i == "fit_would_use") c = i} NR>1 && $c == "yes"' rows.csv | wc -l)" 36 \
  "predict: the rows fit would use are fit's 36"
expect_contains "$(cat rows.err)" "players: 50 of 52 rows joined to $P on player_id" "predict: the join said"

# ---- value and predict players.csv with player_valuations.csv ----
# Alan Exemple (player 300001): valuations 1.0m x (1 + 0.1 k) every 1 June and 15 December
# 2019-2024, then 1 June 2025: 2.0m on 2024-06-01, 2.2m on 2025-06-01. His last_season is 2024,
# so he is valued for summer 2025: the valuation at or before 2025-07-01 is 2.2m of 2025-06-01.
# Born 1993-01-01: 31 on 1 September 2024.
"$SCOUTLAB" value --model tmd.slm --player "Alan Exemple" --data "$P" --values "$V" --format json >alan.json
expect_eq "$?" 0 "value with a value history: exit status"
expect_num_eq "$(num market_value <alan.json)" 2200000 "Alan: the market value on 2025-07-01"
expect_eq "$(str market_value_date <alan.json)" 2025-06-01 "Alan: the valuation's date"
expect_eq "$(num age <alan.json)" 31 "Alan: age from date_of_birth"
expect_contains "$(cat alan.json)" "market value €2,200,000 of 2025-06-01 from $V: his latest valuation at or before 2025-07-01" \
  "Alan: the note states the date"
# The same record given by flags is valued the same.
"$SCOUTLAB" value --model tmd.slm --player "Alan Exemple" --age 31 --position CB --market-value 2.2m --window 2025 \
  --format json >flags.json
expect_num_eq "$(num fair_fee <alan.json)" "$(num fair_fee <flags.json)" "Alan: joined = the same attributes as flags" --rel 1e-12
# For summer 2024 the valuation at or before 2024-07-01: 2.0m of 2024-06-01.
"$SCOUTLAB" value --model tmd.slm --player "Alan Exemple" --data "$P" --values "$V" --window 2024 --format json >alan24.json
expect_num_eq "$(num market_value <alan24.json)" 2000000 "Alan 2024: the valuation of 2024-06-01"
expect_eq "$(str market_value_date <alan24.json)" 2024-06-01 "Alan 2024: its date"
out=$("$SCOUTLAB" value --model tmd.slm --player "Alan Exemple" --data "$P" --values "$V" --window 2024)
expect_contains "$out" "market value €2,000,000 of 2024-06-01" "value table: the date in the notes"
# Bruno Modele has no valuation: the players file's own 18m (base 18m), no date.
"$SCOUTLAB" value --model tmd.slm --player "Bruno Modele" --data "$P" --values "$V" --format json >bruno.json
expect_num_eq "$(num market_value <bruno.json)" 18000000 "Bruno: his own market value"
expect_contains "$(cat bruno.json)" '"market_value_date": null' "Bruno: no valuation date"
expect_contains "$(cat bruno.json)" "no valuation of his player_id in $V: his market value is the players file's own" "Bruno: said"
# Carl Dritter's valuations start on 2025-06-01: none at or before 2024-07-01.
out=$("$SCOUTLAB" value --model tmd.slm --player "Carl Dritter" --data "$P" --values "$V" --window 2024 2>&1)
expect_eq "$?" 1 "Carl 2024: no market value is bad data"
expect_contains "$out" "has no market value, and the model uses one" "Carl 2024: the message"
# A value history alone cannot be joined to anyone.
out=$("$SCOUTLAB" value --model tmd.slm --player "Alan Exemple" --values "$V" 2>&1)
expect_eq "$?" 2 "a history without players: refused"
expect_contains "$out" "player_valuations.csv: is a market value history keyed by player_id: give the players it belongs to as well" \
  "a history without players: the message"

"$SCOUTLAB" predict --model tmd.slm --data "$P" --values "$V" >players.csv 2>players.err
expect_eq "$?" 0 "predict --data --values: exit status"
expect_num_eq "$(col players.csv market_value "Alan Exemple")" 2200000 "predict: Alan's market value on the date"
expect_eq "$(col players.csv market_value_date "Alan Exemple")" 2025-06-01 "predict: its date"
expect_num_eq "$(col players.csv fair_fee "Alan Exemple")" "$(num fair_fee <alan.json)" "predict and value agree on Alan" --abs 0.5
expect_eq "$(col players.csv market_value_date "Bruno Modele")" "" "predict: Bruno has no valuation date"
# 30 players: all but Bruno have a valuation at or before 2025-07-01 (Carl's first is 2025-06-01):
# 29 joined, Bruno keeps his own, none valued only later.
expect_contains "$(cat players.err)" "$V read as a market value history (by player_id and date)" "predict: the history named"
expect_contains "$(cat players.err)" "market value history by player_id: the latest valuation at or before 2025-07-01; 29 of 30 players joined, 1 keep their own value, 0 have none (valued only later)" \
  "predict: the join is stated"
"$SCOUTLAB" predict --model tmd.slm --data "$P" --values "$V" --window 2024 >/dev/null 2>players24.err
expect_contains "$(cat players24.err)" "at or before 2024-07-01; 28 of 30 players joined, 1 keep their own value, 1 have none (valued only later)" \
  "predict --window 2024: Carl has none yet"
finish
