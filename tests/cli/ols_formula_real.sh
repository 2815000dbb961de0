# `scoutlab ols DIR --formula ...` on the real transfers (../shared/data/transfers-tm) against R's
# lm with the same formulas (tests/golden/regress_golden.R, part 3): coefficient names exactly,
# every number of summary.lm to 1e-9, then `scoutlab predict --model` of the saved formula models
# against R's predict.lm on 2020/premier-league.csv. Skips when the shared data is absent.
. "$SL_TESTS/cli/lib.sh"
need_shared transfers-tm
[ -x /usr/bin/python3 ] || { echo "skipped: /usr/bin/python3 is absent (apt-get install python3)" >&2; exit 77; }
golden="$SL_TESTS/golden/regress_golden.txt"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
tm="$SL_SHARED_DATA/transfers-tm"

gold() { grep "^$1 " "$golden" | cut -d' ' -f2- | tr ' ' '\n' | grep -v '^$'; }
json_values() { grep -o "\"$1\": [^,}]*" | sed 's/.*: //'; }
# Counts numbers (one per line) that differ from the golden ones beyond a relative tolerance;
# NA in R must be null (JSON) or empty/NA (CSV) here.
bad_numbers() { # got want tol
  local got want
  got=$(printf '%s\n' "$1"); want=$(printf '%s\n' "$2")
  [ "$(printf '%s\n' "$got" | wc -l)" = "$(printf '%s\n' "$want" | wc -l)" ] || { echo count; return; }
  paste <(printf '%s\n' "$got") <(printf '%s\n' "$want") | awk -F'\t' -v tol="$3" '
    { if ($2 == "NA") { if ($1 != "null" && $1 != "NA" && $1 != "") n++; next }
      d = $1 - $2; if (d < 0) d = -d; s = $2 < 0 ? -$2 : $2; if (s == 0) s = 1
      if (!(d <= tol * s)) n++ } END { print n + 0 }'
}

check_model() { # key formula extra-args...
  local key=$1 formula=$2; shift 2
  local json
  json=$("$SCOUTLAB" ols "$tm" --formula "$formula" "$@" --format json 2>"$tmp/$key.err")
  expect_eq "$?" 0 "$key: exit status ($(head -3 "$tmp/$key.err"))"
  expect_eq "$(printf '%s' "$json" | grep -o '"name": "[^"]*"' | sed 's/"name": "//; s/"$//' | paste -sd'|')" \
    "$(grep "^$key.names " "$golden" | cut -d' ' -f2- | sed 's/ $//')" "$key: coefficient names as R prints them"
  expect_eq "$(bad_numbers "$(printf '%s' "$json" | json_values estimate)" "$(gold "$key.coef")" 1e-9)" 0 "$key: estimates"
  expect_eq "$(bad_numbers "$(printf '%s' "$json" | json_values std_error)" "$(gold "$key.se")" 1e-9)" 0 "$key: standard errors"
  expect_eq "$(bad_numbers "$(printf '%s' "$json" | json_values t)" "$(gold "$key.t")" 1e-9)" 0 "$key: t values"
  expect_eq "$(bad_numbers "$(printf '%s' "$json" | json_values residual_sd)
$(printf '%s' "$json" | json_values df)
$(printf '%s' "$json" | json_values r_squared)
$(printf '%s' "$json" | json_values adj_r_squared)" "$(gold "$key.sigma")
$(gold "$key.df")
$(gold "$key.r2")
$(gold "$key.adjr2")" 1e-9)" 0 "$key: residual SD, df, R², adjusted R²"
  expect_eq "$(bad_numbers "$(printf '%s' "$json" | json_values f_statistic)" "$(gold "$key.f" | head -1)" 1e-9)" 0 "$key: F statistic"
  # The saved model predicts new rows as R's predict.lm does.
  "$SCOUTLAB" ols "$tm" --formula "$formula" "$@" --save "$tmp/$key.slm" > /dev/null 2>&1
  expect_eq "$(head -1 "$tmp/$key.slm")" "scoutlab-ols 2" "$key: formula model saved with its design"
  "$SCOUTLAB" predict --model "$tmp/$key.slm" "$tm/2020/premier-league.csv" > "$tmp/$key.pred" 2>/dev/null
  expect_eq "$?" 0 "$key: predict exit status"
  local rows; rows=$(gold "$key.pred.rows" | paste -sd,)
  pick() { # column-name: that column at the golden rows (CSV parsed with quotes)
    /usr/bin/python3 -c 'import csv,sys
rows=list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
for i in sys.argv[3].split(","): print(rows[int(i)-1][sys.argv[2]] or "NA")' "$tmp/$key.pred" "$1" "$rows"; }
  expect_eq "$(bad_numbers "$(pick fit)" "$(gold "$key.pred.fit")" 1e-9)" 0 "$key: predicted fit"
  expect_eq "$(bad_numbers "$(pick se_fit)" "$(gold "$key.pred.se")" 1e-9)" 0 "$key: standard error of the fit"
  expect_eq "$(bad_numbers "$(pick pred_low)" "$(gold "$key.pred.plo")" 1e-9)" 0 "$key: prediction interval, low"
  expect_eq "$(bad_numbers "$(pick pred_high)" "$(gold "$key.pred.phi")" 1e-9)" 0 "$key: prediction interval, high"
}

check_model f1 "log(fee) ~ age + I(age^2) + short_pos + league + log(market_value)" --reference short_pos=CB
check_model f2 "log(fee) ~ poly(age, 3) + log(market_value) * window + C(season) + age:short_pos - 1" \
  --reference short_pos=CB

# Every row read is accounted for, the log of a zero fee included.
out=$("$SCOUTLAB" ols "$tm" --formula "log(fee) ~ age + log(market_value)" 2>&1 | sed -n 4p)
expect_contains "$out" "134437 rows read, " "rows read"
expect_contains "$out" "a value <= 0 in log(fee) (" "rows with a zero fee counted"
finish
