# scoutlab check on the real files in ../shared/data: the facts from its README.
. "$SL_TESTS/cli/lib.sh"
need_shared fbref-big5-2024-25/players_data-2024_2025.csv
big5="$SL_SHARED_DATA/fbref-big5-2024-25/players_data-2024_2025.csv"

out=$("$SCOUTLAB" check "$big5" --row "Leonardo Balerdi")
expect_eq "$?" 0 "check big5 exit status"
expect_contains "$out" "2825 rows, 267 columns" "big5 size"
expect_contains "$out" "rows read 2825, used 2825, skipped 0" "big5 accounting"
row=$(printf '%s\n' "$out" | sed -n '/^row at/,$p')
expect_eq "$(printf '%s\n' "$row" | awk '$1=="Min"{print $2}')" "2183" "Balerdi minutes"
expect_eq "$(printf '%s\n' "$row" | awk '$1=="Tkl"{print $2}')" "50" "Balerdi tackles"
expect_eq "$(printf '%s\n' "$row" | awk '$1=="Int"{print $2}')" "32" "Balerdi interceptions"
expect_num_eq "$(printf '%s\n' "$row" | awk '$1=="Won%"{print $2}')" "66.1" "Balerdi aerial win %"
expect_eq "$(printf '%s\n' "$out" | awk '$2=="Min"{print $3, $4}')" "number minutes" "Min typed and given its role"

# Accent- and case-insensitive lookup.
out=$("$SCOUTLAB" check "$big5" --row "balerdi")
expect_contains "$out" "Leonardo Balerdi" "lower-case surname finds the player"

# Transfermarkt values: EUR money, names without the embedded newline, in every file.
need_shared tm-values-2023/france.csv
for f in "$SL_SHARED_DATA"/tm-values-2023/[a-z]*.csv; do
  out=$("$SCOUTLAB" check "$f")
  expect_eq "$?" 0 "check $f"
  expect_eq "$(printf '%s\n' "$out" | awk '$2=="value"{print $3, $4, $7}')" "money market_value EUR" "$f value column is EUR money"
  expect_contains "$out" "skipped 0" "$f nothing skipped"
done
out=$("$SCOUTLAB" check "$SL_SHARED_DATA/tm-values-2023/france.csv" --row "Leonardo Balerdi")
expect_contains "$out" "  Player                       Leonardo Balerdi
  value                        €10,000,000" "Balerdi's value, name without newline"

# The ;-separated CRLF FBref export.
out=$("$SCOUTLAB" check "$SL_SHARED_DATA/tm-values-2023/2022-2023 Football Player Stats.csv")
expect_contains "$out" "2686 rows, 124 columns (delimiter ';', decimal point, UTF-8)" "vivo vinco file"

# JSON reconciles read = used + skipped.
json=$("$SCOUTLAB" check --format json "$big5")
expect_contains "$json" '"rows_read": 2825, "rows_used": 2825, "rows_skipped": 0' "json accounting"
finish
