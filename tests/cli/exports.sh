# The exports people have (issue 20): tiny samples with the real headers of worldfootballR,
# soccerdata (flattened and as pandas writes a MultiIndex), FBref's site export, transfermarkt-
# datasets and a German Excel file, through `scoutlab check --format json`: every row used,
# the roles found, seasons read as first years, ages derived, money and thousands read.
. "$SL_TESTS/cli/lib.sh"
D="$SL_TEST_DATA/exports"
role_of() { # json column -> role
  printf '%s\n' "$1" | tr '{' '\n' | awk -v c="\"name\": \"$2\"" 'index($0, c) { sub(/.*"role": "/, ""); sub(/".*/, ""); print; exit }'
}
row_value() { # file player column -> the cell as check --row prints it
  "$SCOUTLAB" check "$1" --row "$2" | awk -v c="$3" '$1 == c { $1 = ""; sub(/^ /, ""); print; exit }'
}
check_roles() { # file rows col=role...
  f="$D/$1"; rows=$2; shift 2
  json=$("$SCOUTLAB" check --format json "$f"); st=$?
  expect_eq "$st" 0 "$(basename "$f"): exit status"
  expect_contains "$json" "\"rows_read\": $rows, \"rows_used\": $rows, \"rows_skipped\": 0" "$(basename "$f"): every row used"
  for pair in "$@"; do
    expect_eq "$(role_of "$json" "${pair%%=*}")" "${pair#*=}" "$(basename "$f"): ${pair%%=*} is ${pair#*=}"
  done
}

check_roles worldfootballr_big5_standard.csv 3 Player=player Squad=club Comp=league Season_End_Year=season \
  Min_Playing=minutes MP_Playing=matches Starts_Playing=starts Mins_Per_90_Playing=nineties Born=born
expect_eq "$(row_value "$D/worldfootballr_big5_standard.csv" "Bruno Modele" Season_End_Year)" "2024" \
  "Season_End_Year 2025 is the 2024/25 season"

check_roles soccerdata_standard_flat.csv 2 player=player team=club "Playing Time_Min=minutes" \
  "Playing Time_MP=matches" "Playing Time_90s=nineties" season=season age=age
expect_eq "$(row_value "$D/soccerdata_standard_flat.csv" "Alan Exemple" season)" "2024" "soccerdata 2425 is 2024"
expect_eq "$(row_value "$D/soccerdata_standard_flat.csv" "Alan Exemple" age)" "25" "age 25-201 is 25"

check_roles soccerdata_standard_multiindex.csv 2 player=player team=club league=league Min=minutes nation=nation
json=$("$SCOUTLAB" check --format json "$D/soccerdata_standard_multiindex.csv")
expect_contains "$json" '"name": "Per 90 Minutes_Gls"' "MultiIndex: a repeated name gets its group"
expect_contains "$json" "the header spans 3 rows (a grouped export)" "MultiIndex: said"

check_roles fbref_site_standard.csv 2 Player=player Squad=club Comp=league Min=minutes Age=age Born=born
expect_eq "$(row_value "$D/fbref_site_standard.csv" "Alan Exemple" Min)" "2520" "FBref site: 2,520 minutes"
json=$("$SCOUTLAB" check --format json "$D/fbref_site_standard.csv")
expect_contains "$json" '"name": "Gls", "type": "number"' "FBref site: the first Gls keeps its name"
expect_contains "$json" '"name": "Per 90 Minutes_Gls"' "FBref site: the per-90 Gls gets its group"

check_roles tm_players.csv 2 name=player current_club_name=club date_of_birth=birth_date last_season=season \
  sub_position=sub_position market_value_in_eur=market_value contract_expiration_date=contract_until age=age
json=$("$SCOUTLAB" check --format json "$D/tm_players.csv")
expect_contains "$json" '"name": "date_of_birth", "type": "date"' "1999-01-26 00:00:00 is a date"
expect_eq "$(row_value "$D/tm_players.csv" "Alan Exemple" age)" "25" "age on 1 September 2024 of a player born 1999-01-26"
expect_eq "$(row_value "$D/tm_players.csv" "Bruno Modele" age)" "21" "born 2002-10-05: 21 on 1 September 2024"

check_roles tm_transfers.csv 3 player_name=player transfer_season=season transfer_fee=fee market_value_in_eur=market_value
expect_eq "$(row_value "$D/tm_transfers.csv" "Bruno Modele" transfer_season)" "2022" "22/23 is 2022"
check_roles tm_player_valuations.csv 3 market_value_in_eur=market_value

check_roles german_excel.csv 3 Spieler=player Verein=club Min=minutes Marktwert=market_value
expect_eq "$(row_value "$D/german_excel.csv" "Alan Exemple" Min)" "2183" "2.183 minutes in a decimal-comma file"
expect_eq "$(row_value "$D/german_excel.csv" "Alan Exemple" Marktwert)" "€10,000,000" "10,00 Mio. €"
expect_eq "$(row_value "$D/german_excel.csv" "Carl Dritter" Marktwert)" "€500,000" "500 Tsd. €"
finish
