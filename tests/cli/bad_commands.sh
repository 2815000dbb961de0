# The bad-input corpus of issue 10 through the commands that read each kind of file (check has
# its own golden run in bad_inputs.sh). Each case: the exit status and the message a user sees.
# docs/limits.md maps every item of the issue to its case here.
. "$SL_TESTS/cli/lib.sh"
B="$SL_TEST_DATA/bad"
P="$SL_TEST_DATA/compare/profiles.csv"
tmp=$(mktemp -d); trap 'chmod -R u+rw "$tmp"; rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1

# case NAME STATUS NEEDLE... -- COMMAND...: stdout+stderr of the command must contain every needle.
case_run() {
  local name=$1 want=$2; shift 2
  local needles=()
  while [ "$1" != "--" ]; do needles+=("$1"); shift; done
  shift
  local out st
  out=$("$@" 2>&1); st=$?
  expect_eq "$st" "$want" "$name: exit status"
  for n in "${needles[@]}"; do expect_contains "$out" "$n" "$name"; done
}
stats() { "$SCOUTLAB" compare --profiles "$P" --no-overrides --stats "$@"; }
squad() { "$SCOUTLAB" squad --profiles "$P" --no-overrides --stats "$@"; }

# ---- files a loader refuses, through commands other than check ----
case_run "empty file (compare)" 1 "empty.csv:1: the file is empty: expected a header row" -- stats "$B/empty.csv" a b
case_run "empty file (fit)" 1 "empty.csv:1: the file is empty" -- "$SCOUTLAB" fit --transfers "$B/empty.csv" -o m.slm
case_run "empty file (ols)" 1 "empty.csv:1: the file is empty" -- "$SCOUTLAB" ols "$B/empty.csv" --y a --x b
case_run "header only (compare)" 1 "header_only.csv:2: no data rows (0 read, 0 skipped): nothing to compare" -- \
  stats "$B/header_only.csv" a b
case_run "header only (ols)" 1 "response column 'minutes' has no values" -- \
  "$SCOUTLAB" ols "$B/header_only.csv" --y minutes --x minutes
case_run "unterminated quote (fit)" 1 \
  "unterminated_quote.csv:3: a quoted field opened here is never closed (unterminated quote)" -- \
  "$SCOUTLAB" fit --transfers "$B/unterminated_quote.csv" -o m.slm
case_run "NUL bytes (compare)" 1 "nul_bytes.csv:2: NUL byte in the file: this looks like a binary file, not CSV" -- \
  stats "$B/nul_bytes.csv" a b
case_run "invalid UTF-8 (check)" 1 "invalid_utf8.csv:3:2: byte 0x81 is neither UTF-8 nor Windows-1252 text" -- \
  "$SCOUTLAB" check "$B/invalid_utf8.csv"
case_run "invalid UTF-8 in a UTF-8 file (squad)" 1 "mixed_encoding.csv:3:2: invalid UTF-8 byte 0xFC" -- \
  squad "$B/mixed_encoding.csv" X

# ---- ragged rows and duplicate columns are loaded, and accounted for ----
case_run "ragged rows (compare JSON accounting)" 0 '"read":5,"used":2,"skipped":3,"skipped_by_loader":3' \
  '"reason":"expected 3 fields, found 2"' -- stats "$B/ragged.csv" A D --profile centre-back --format json
# (Two rows for two coefficients leave no residual degrees of freedom: refused after the accounting.)
case_run "ragged rows (ols)" 1 "5 rows read, 2 used, 3 skipped: malformed, skipped by the loader (3)" \
  "leave no residual degrees of freedom" -- "$SCOUTLAB" ols "$B/ragged.csv" --y minutes --x minutes --format json
case_run "duplicate column names (compare; A named twice: exit 2)" 2 "scoutlab compare: warning: duplicate column name 'minutes' renamed to 'minutes.2'" -- \
  stats "$B/duplicate_columns.csv" A A

# ---- values that cannot be true: skipped with the reason, and said without --verbose ----
case_run "duplicate players (compare)" 0 "scoutlab compare: warning: 1 stats row skipped as impossible or duplicated" \
  "duplicate_players.csv:6: duplicate of line 2 (same player, birth year, club and league)" "25 / 1800" -- \
  stats "$B/duplicate_players.csv" "Ada Lind" "Cy Moss"
case_run "duplicate players (squad)" 0 "duplicate_players.csv:6: duplicate of line 2" -- \
  squad "$B/duplicate_players.csv" "Alpha FC"
case_run "negative minutes (compare)" 0 "negative_minutes.csv:6: Min -810 is negative (expected 0 to 5000 minutes)" -- \
  stats "$B/negative_minutes.csv" "Ada Lind" "Cy Moss"
case_run "negative minutes: asking for that player (compare)" 1 \
  "no player 'Ed Negative': the row of Ed Negative was skipped: Min -810 is negative" -- \
  stats "$B/negative_minutes.csv" "Ed Negative" "Ada Lind"
case_run "negative minutes (squad)" 0 "negative_minutes.csv:6: Min -810 is negative" -- \
  squad "$B/negative_minutes.csv" "Alpha FC"
case_run "minutes above the season's maximum (compare)" 0 \
  "minutes_above_season.csv:6: Min 99999 is more than one season holds (at most 5000 minutes in a row)" -- \
  stats "$B/minutes_above_season.csv" "Ada Lind" "Cy Moss"
case_run "minutes above the season's maximum (percentiles --verbose)" 0 \
  "rows: read 5, used 4, skipped 1 (by the loader 0)" "skipped line 6: Min 99999 is more than one season holds" -- \
  "$SCOUTLAB" percentiles --profiles "$P" --no-overrides --stats "$B/minutes_above_season.csv" "Ada Lind" --verbose
case_run "percentage above 100 (compare)" 0 \
  "1 cell of % columns outside 0-100 (first $B/percent_above_100.csv:6: Cmp% 185.7): treated as missing" -- \
  stats "$B/percent_above_100.csv" "Ada Lind" "Cy Moss"
case_run "1e400 and -nan minutes (compare)" 0 "numbers_overflow_stats.csv:6: Min '1e400' is not a number of minutes" \
  "numbers_overflow_stats.csv:7: Min '-nan' is not a number of minutes" -- \
  stats "$B/numbers_overflow_stats.csv" "Ada Lind" "Cy Moss"
case_run "1e400 in an ols column" 1 "bad_numbers.csv:2:2: response column 'fee' has the value \"1e400\", which is not a number" -- \
  "$SCOUTLAB" ols "$B/bad_numbers.csv" --y fee --x fee
case_run "1e400, -nan, negative fee, impossible ages (fit --verbose)" 0 \
  "not used: impossible value (negative, out of range or not a number)         5" \
  "transfers_impossible.csv:14: fee '1e400' is not a number (expected an amount such as 25m, EUR 25m or 25000000)" \
  "transfers_impossible.csv:15: fee '-nan' is not a number" "transfers_impossible.csv:16: fee -5000000 is negative" \
  "transfers_impossible.csv:17: age -3 is outside 14-50" "transfers_impossible.csv:18: age 200 is outside 14-50" -- \
  "$SCOUTLAB" fit --transfers "$B/transfers_impossible.csv" -o m.slm --folds 1 --verbose
case_run "fee of zero (fit --verbose)" 0 "not used: free transfer (fee 0)                                             1" \
  "fee_zero.csv:14: free transfer (fee 0)" -- \
  "$SCOUTLAB" fit --transfers "$B/fee_zero.csv" -o zero.slm --folds 1 --verbose
case_run "fee of zero (fit --format json)" 0 '"rows_read": 13' '"free_transfer": 1' -- \
  "$SCOUTLAB" fit --transfers "$B/fee_zero.csv" -o zero.slm --folds 1 --format json
case_run "a bid of zero (value)" 2 "--bid expects an amount in euros greater than 0, e.g. 25m, 25.5m, EUR 25m or 25000000, got '0'" -- \
  "$SCOUTLAB" value --model zero.slm --age 25 --position CM --bid 0
case_run "a level as a percentage (value)" 2 "--level expects a probability between 0 and 1, e.g. 0.8 for an 80% interval, got '80'" -- \
  "$SCOUTLAB" value --model zero.slm --age 25 --position CM --level 80
case_run "a holdout season that is no season (fit)" 2 "--holdout-from expects a season, e.g. 2017, 2017/18 or 2017/2018, got '17x'" -- \
  "$SCOUTLAB" fit --transfers "$B/fee_zero.csv" -o never.slm --holdout-from 17x
case_run "seasons asked for that the data do not have (fit)" 1 "no deal to fit: of 10530 rows read, none is used (most, 10530: season outside the range, against the seasons asked for)" -- \
  "$SCOUTLAB" fit --transfers "$SL_DATASETS/transfers.csv" -o never.slm --since 2090
case_run "impossible age (value)" 1 "age 200 is not a footballer's age (expected 14-50)" -- \
  "$SCOUTLAB" value --model zero.slm --age 200 --position CM
case_run "31/02/2025 contract (squad)" 0 \
  "contracts file line 3: contract_until '31/02/2025' is not a date (expected e.g. 2027-06-30 or 2027)" -- \
  squad "$B/negative_minutes.csv" "Alpha FC" --contracts "$B/contracts_impossible_date.csv" --season 2024
case_run "31/02/2025 contract (value)" 2 "contract-until '31/02/2025' is not a year or a date" -- \
  "$SCOUTLAB" value --model zero.slm --age 25 --position CM --season 2024 --contract-until 31/02/2025

# ---- files that are not files, or cannot be read ----
mkdir dir.slm emptydir
case_run "a directory as model (value)" 3 "dir.slm: cannot read: Is a directory" -- \
  "$SCOUTLAB" value --model dir.slm --age 25 --position CM
case_run "a directory without CSV files (compare)" 1 "emptydir: no .csv files found" -- stats emptydir a b
# /proc/self/mem opens but cannot be read at offset 0, for root too (chmod 000 does not stop root).
if [ -r /proc/self/mem ]; then
  case_run "unreadable file (check)" 3 "/proc/self/mem:1: read error: Input/output error" -- "$SCOUTLAB" check /proc/self/mem
  case_run "unreadable model (value)" 3 "/proc/self/mem: cannot read: Input/output error" -- \
    "$SCOUTLAB" value --model /proc/self/mem --age 25 --position CM
fi
printf 'a\n1\n' > locked.csv; chmod 000 locked.csv
if [ "$(id -u)" -ne 0 ]; then
  case_run "unreadable file (fit)" 3 "locked.csv: cannot open: Permission denied" -- \
    "$SCOUTLAB" fit --transfers locked.csv -o m.slm
else
  echo "note: running as root, chmod 000 does not stop reads: the permission case is covered by /proc/self/mem only" >&2
fi

# ---- endless input: stops with a clear error instead of filling the memory ----
case_run "an endless model file (value)" 1 "/dev/zero: larger than 268435456 bytes: not a scoutlab fee model" -- \
  "$SCOUTLAB" value --model /dev/zero --age 25 --position CM
case_run "an endless stats file (compare)" 1 "/dev/zero:1: NUL byte in the file: this looks like a binary file, not CSV" -- \
  stats /dev/zero a b

# ---- model files: truncated, of another kind, for other columns ----
head -c 900 zero.slm > cut.slm
case_run "truncated model (value)" 1 "cut.slm:" "damaged or truncated fee model" -- \
  "$SCOUTLAB" value --model cut.slm --age 25 --position CM
printf 'y,x\n1,1\n2,2.5\n3,2.9\n4,4.2\n' > small.csv
"$SCOUTLAB" ols small.csv --y y --x x --save regression.txt > /dev/null
case_run "a regression model given as a fee model (value)" 1 \
  "regression.txt:1: not a scoutlab fee model (expected 'scoutlab-fee-model 2' to 'scoutlab-fee-model 6' on line 1)" -- \
  "$SCOUTLAB" value --model regression.txt --age 25 --position CM
sed 's/^column 25 \(.*\) age$/column 25 \1 minutes/' zero.slm > spliced.slm
case_run "a model whose regression has other columns (value)" 1 \
  "the model's regression has other columns than its terms" -- \
  "$SCOUTLAB" value --model spliced.slm --age 25 --position CM
"$SCOUTLAB" fit --transfers "$SL_DATASETS/transfers.csv" --until 2019 --folds 1 -o demo.slm > /dev/null
case_run "a model for columns the file lacks (predict)" 1 \
  "the model uses log market value, and the file has no such column: it needs a market value column" -- \
  "$SCOUTLAB" predict --model demo.slm "$B/fee_zero.csv"

# ---- a 50 MB field and a million columns through commands other than check ----
{ printf 'Player,Min\nA,"'; head -c 52428800 /dev/zero | tr '\0' 'x'; printf '"\n'; } > bigfield.csv
case_run "50 MB field (compare)" 1 "bigfield.csv:2:2: a field longer than 16777216 bytes" -- stats bigfield.csv A A
awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "c%d,", i; print "last" }' > wide.csv
case_run "a million columns (ols)" 1 "wide.csv:1:20001: more than 20000 columns in the header" -- \
  "$SCOUTLAB" ols wide.csv --y c0 --x c1

# ---- the limits are overridable (docs/limits.md) ----
awk 'BEGIN { for (i = 0; i < 20005; i++) printf "c%d,", i; print "last"; for (i = 0; i < 20005; i++) printf "%d,", i; print "1" }' > wider.csv
case_run "20006 columns refused by default (check)" 1 "wider.csv:1:20001: more than 20000 columns in the header" -- \
  "$SCOUTLAB" check wider.csv
case_run "20006 columns with SCOUTLAB_MAX_COLUMNS=30000 (check)" 0 "wider.csv: 1 rows, 20006 columns" -- \
  env SCOUTLAB_MAX_COLUMNS=30000 "$SCOUTLAB" check wider.csv
# Memory grows with cells, not bytes: a file of more cells than the limit stops at the row that
# passes it (the default, 64 Mi cells, stopped 600 MB of "a,b" at 2.7 GB instead of 7).
printf 'a,b\n1,2\n3,4\n5,6\n7,8\n' > cells.csv
case_run "more cells than SCOUTLAB_MAX_CELLS (check)" 1 "cells.csv:5: more than 6 cells (rows x columns) in one file" -- \
  env SCOUTLAB_MAX_CELLS=6 "$SCOUTLAB" check cells.csv
case_run "as many cells as SCOUTLAB_MAX_CELLS (check)" 0 "cells.csv: 4 rows, 2 columns" -- \
  env SCOUTLAB_MAX_CELLS=8 "$SCOUTLAB" check cells.csv
case_run "20006 columns with check --max-columns 30000" 0 "wider.csv: 1 rows, 20006 columns" -- \
  "$SCOUTLAB" check wider.csv --max-columns 30000
case_run "a malformed limit is reported, the default kept" 1 "SCOUTLAB_MAX_COLUMNS='lots' is not a whole number above 0" \
  "more than 20000 columns" -- env SCOUTLAB_MAX_COLUMNS=lots "$SCOUTLAB" check wider.csv
case_run "SCOUTLAB_MAX_FIELD_BYTES lowers the field limit (compare)" 1 \
  "a field longer than 4 bytes (the limit, SCOUTLAB_MAX_FIELD_BYTES" -- \
  env SCOUTLAB_MAX_FIELD_BYTES=4 "$SCOUTLAB" compare --stats "$B/negative_minutes.csv" a b
case_run "SCOUTLAB_MAX_BYTES bounds the input (fit)" 1 "file larger than the 100-byte limit (raise it with SCOUTLAB_MAX_BYTES=N)" -- \
  env SCOUTLAB_MAX_BYTES=100 "$SCOUTLAB" fit --transfers "$SL_DATASETS/transfers.csv" -o m.slm
finish
