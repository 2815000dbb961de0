# Every table of ../shared/data/fbref-big5-yearly through `scoutlab check`: rows used = data
# lines in the file, nothing skipped; trailing delimiters loaded with one note; misspelt headers
# given their role with --map (issue 20).
. "$SL_TESTS/cli/lib.sh"
need_shared fbref-big5-yearly/SOURCE.txt
dir="$SL_SHARED_DATA/fbref-big5-yearly"
SL_TMP_CHART=$(mktemp -u)
checked=0
for f in "$dir"/*/*.csv; do
  table=$(basename "$(dirname "$f")")
  map=""
  case "$table" in
    passing) map="--map player=Plyaer" ;; # sic in the export
    gca) map="--map league=Leauge" ;;     # sic
  esac
  # shellcheck disable=SC2086 # $map is empty or two words
  out=$("$SCOUTLAB" check $map "$f" 2>&1); st=$?
  expect_eq "$st" 0 "$table/$(basename "$f") exit status"
  # No field of these files holds a line break, so data rows = lines - 1.
  rows=$(($(wc -l < "$f") - 1))
  expect_contains "$out" "rows read $rows, used $rows, skipped 0" "$table/$(basename "$f") rows used = rows in the file"
  roles=$(printf '%s\n' "$out" | awk 'NF >= 4 && $1 ~ /^[0-9]+$/ {print $4}' | tr '\n' ' ')
  for role in player club league born; do
    case " $roles" in *" $role "*) ;; *) fail "$table/$(basename "$f"): no $role column (roles: $roles)" ;; esac
  done
  case "$table" in
    passing | playing_time | possession | keepers)
      # 2017's passing names the last column (Matches); every other year ends rows with a comma.
      if [ "$table/$(basename "$f")" != passing/2017.csv ]; then
        expect_contains "$out" "$rows rows end with empty fields beyond the header's columns (a trailing delimiter)" \
          "$table/$(basename "$f") one note for the trailing delimiter"
      fi ;;
  esac
  checked=$((checked + 1))
done
expect_eq "$checked" 80 "files checked (10 tables x 8 seasons)"

# Balerdi's minutes as SOURCE.txt says, from playing_time (Mins) and standard (Min).
out=$("$SCOUTLAB" check "$dir/playing_time/2020.csv" --row "Leonardo Balerdi")
expect_eq "$(printf '%s\n' "$out" | awk '$1=="Mins"{print $2}')" "1634" "Balerdi 2020/21 minutes in playing_time"
out=$("$SCOUTLAB" check "$dir/standard/2024.csv" --row "Leonardo Balerdi")
expect_eq "$(printf '%s\n' "$out" | awk '$1=="Min"{print $2}')" "2273" "Balerdi 2024/25 minutes in standard"

# The export's misspelt headers are the schema's own spellings (no --map needed: the yearly
# joins read the passing and gca tables); a bad mapping is a usage error.
out=$("$SCOUTLAB" check "$dir/passing/2024.csv")
expect_eq "$(printf '%s\n' "$out" | awk '$2=="Plyaer"{print $3, $4}')" "text player" "Plyaer is the player column without --map"
out=$("$SCOUTLAB" check "$dir/gca/2024.csv")
expect_eq "$(printf '%s\n' "$out" | awk '$2=="Leauge"{print $3, $4}')" "text league" "Leauge is the league column without --map"
out=$("$SCOUTLAB" percentiles --stats "$dir" --seasons 2024 --positions "$SL_SHARED_DATA/transfers-tm" "Leonardo Balerdi" 2>/dev/null)
expect_contains "$out" "Pass completion %                     93.8%" "--seasons reads the passing table (2,288 of 2,439)"
# Every stat of the goalkeeper and full-back profiles from the yearly tables (the keepers,
# keepers_adv and playing_time tables are read; the profiles know the yearly spellings):
# Maignan's twelve and Raum's nineteen have values, none "n/a".
out=$("$SCOUTLAB" percentiles --stats "$dir" --season 2024 "Mike Maignan" -q)
expect_eq "$(printf '%s\n' "$out" | grep -c ' n=0 ')" 0 "Maignan: every goalkeeper stat read from the yearly tables"
expect_contains "$out" "Save %                                         71.3%" "Save% from keepers (Saves / ShotsOnTargetAgainst)"
expect_contains "$out" "Launched pass completion %                     38.6%" "launches from keepers_adv"
expect_contains "$out" "Launch % (style)" "a style measure says so (no better side)"
expect_contains "$out" "(style) = no better side (a style measure): ranked, left out of the mean percentile" "and the legend"
"$SCOUTLAB" chart percentiles --stats "$dir" --season 2024 "Mike Maignan" -o "$SL_TMP_CHART.svg" --script "$SL_TMP_CHART.gp" -q 2>/dev/null
expect_contains "$(cat "$SL_TMP_CHART.gp")" "grey: style, no better side" "the chart's caption names the grey bars"
out=$("$SCOUTLAB" percentiles --stats "$dir" --season 2024 "David Raum" -q)
expect_eq "$(printf '%s\n' "$out" | grep -c ' n=0 ')" 0 "Raum: every full-back stat read from the yearly tables"
expect_contains "$out" "Crosses                            9.49" "crosses from misc (179 / 18.8 90s)"
# The squad's impact and completed matches from playing_time, as from the one-season export.
out=$("$SCOUTLAB" squad --stats "$dir" --season 2024 --player "Leonardo Balerdi" -q)
expect_contains "$out" "24 completed (70.6%)" "completed matches from CompleteMatches"
expect_contains "$out" "goal on-off +0.76" "goal on-off from gOnOffPlusMinus90"
expect_contains "$out" "xG on-off +1.38" "xG on-off from XgOnOffPlusMinus90"
# One answer from either source: the yearly tables give his age at the season's start (25), the
# one-season export at its date (26); for summer 2025 both value him at 26, the same fee.
need_shared tm-values-2023/france.csv
need_shared transfers-tm/2020
W=$(mktemp -d)
"$SCOUTLAB" fit --transfers "$SL_SHARED_DATA/transfers-tm/2019" "$SL_SHARED_DATA/transfers-tm/2020" --folds 1 -o "$W/m.slm" -q
a=$("$SCOUTLAB" value --model "$W/m.slm" --player "Leonardo Balerdi" --data "$dir" --season 2024 --values "$SL_SHARED_DATA/tm-values-2023/france.csv" --format json 2>/dev/null)
b=$("$SCOUTLAB" value --model "$W/m.slm" --player "Leonardo Balerdi" --data "$SL_SHARED_DATA/fbref-big5-2024-25/players_data-2024_2025.csv" --values "$SL_SHARED_DATA/tm-values-2023/france.csv" --format json 2>/dev/null)
fee() { printf '%s\n' "$1" | grep '"fair_fee"' | head -1 | sed 's/.*"fair_fee": \([^,]*\),.*/\1/'; }
expect_contains "$a" "age 26 at the window: the yearly tables give his age at the start of the season (25)" "the age note"
expect_num_eq "$(fee "$a")" "$(fee "$b")" "the same fee from the yearly tables and the one-season export" --rel 1e-9
rm -rf "$W"
out=$("$SCOUTLAB" check --map plyer=Plyaer "$dir/passing/2024.csv" 2>&1); st=$?
expect_eq "$st" 2 "unknown role: usage exit status"
expect_contains "$out" "unknown role 'plyer'" "unknown role message"
rm -f "$SL_TMP_CHART.svg" "$SL_TMP_CHART.gp"
finish
