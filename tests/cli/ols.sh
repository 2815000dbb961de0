# `scoutlab ols` end to end: R-like table (exact text), JSON and CSV numbers against the R golden
# values (tests/golden/regress_golden.txt), aliasing, ridge, --save, the rows report, and every
# bad-input message with its exit status.
. "$SL_TESTS/cli/lib.sh"
golden="$SL_TESTS/golden/regress_golden.txt"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1

# The golden script's small data set, formula for formula (c is a constant column).
awk 'BEGIN { print "y,x1,x2,x3,w,c,g"; split("a b c", gl, " ")
  for (i = 1; i <= 40; i++) { x1 = i; x2 = (i * i) % 17; e = ((i * 7919) % 23 - 11) / 10
    printf "%.17g,%d,%d,%d,%d,7,%s\n", 3 + 0.5 * x1 - 0.25 * x2 + e, x1, x2, 2 * x1 + 3, 1 + (i % 4), gl[i % 3 + 1] } }' > small.csv

# JSON values of one key ("estimate", "std_error", ...) in order, one per line.
json_values() { grep -o "\"$1\": [^,}]*" | sed 's/.*: //'; }
# Compares numbers (one per line) with a golden key to a relative tolerance (JSON null is R's NA).
expect_golden_key() { # numbers key tol what
  local want; want=$(grep "^$2 " "$golden" | cut -d' ' -f2- | tr ' ' '\n' | grep -v '^$')
  expect_num_eq "$(printf '%s\n' "$1" | sed 's/^null$/NA/')" "$want" "$4 ($2)" --rel "$3"
}

# 1. The summary reads like R's summary.lm (the text exactly, its rounded numbers to 1e-12).
got=$("$SCOUTLAB" ols small.csv --y y --x x1,x2 --weights w 2>&1)
expect_num_eq "$got" "$(cat <<'EOF'
Call:
scoutlab ols: y ~ x1 + x2  (file small.csv, weights w)

40 rows read, 40 used, 0 skipped

Coefficients:
            Estimate Std. Error t value Pr(>|t|)    
(Intercept)   3.0951   0.269098  11.502 8.86e-14 ***
x1            0.4996   0.009447  52.884  < 2e-16 ***
x2           -0.2581   0.019612 -13.160 1.58e-15 ***
---
Signif. codes:  0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 ' ' 1

Residual standard error: 1.089 on 37 degrees of freedom
Multiple R-squared:  0.9877,	Adjusted R-squared:  0.9871 
F-statistic: 1491 on 2 and 37 DF,  p-value: < 2.2e-16
EOF
)" "weighted table"

# 2. JSON: every number as R gives it (17 significant digits printed).
json=$("$SCOUTLAB" ols small.csv --y y --x x1,x2 --weights w --format json 2>/dev/null)
expect_golden_key "$(printf '%s' "$json" | json_values estimate)" weighted.coef 1e-10 "JSON estimates"
expect_golden_key "$(printf '%s' "$json" | json_values std_error)" weighted.se 1e-10 "JSON standard errors"
expect_golden_key "$(printf '%s' "$json" | json_values residual_sd)" weighted.sigma 1e-10 "JSON residual SD"
expect_golden_key "$(printf '%s' "$json" | json_values adj_r_squared)" weighted.adjr2 1e-10 "JSON adjusted R2"
expect_contains "$json" '{"schema": {"tool": "scoutlab ols", "version": 1, "money": "EUR"}, "n": 40, "df": 37, "coefficients": [{"name": "(Intercept)", "estimate": ' "JSON layout"
expect_contains "$json" '"aliased": []}' "JSON aliased list"

# 3. No intercept: R² uncentred, as R.
json=$("$SCOUTLAB" ols small.csv --y y --x x1,x2 --no-intercept --format json 2>/dev/null)
expect_golden_key "$(printf '%s' "$json" | json_values r_squared)" noint.r2 1e-10 "uncentred R2"
expect_golden_key "$(printf '%s' "$json" | json_values f_statistic)
2
38
$(printf '%s' "$json" | json_values f_p)" noint.f 1e-8 "no-intercept F against the empty model"

# 4. Aliased column: NA like R, named in JSON.
got=$("$SCOUTLAB" ols small.csv --y y --x x1,x3,x2 2>&1)
expect_contains "$got" " (1 not defined because of singularities)" "aliased note"
expect_contains "$got" "x3                NA         NA      NA       NA" "aliased row"
json=$("$SCOUTLAB" ols small.csv --y y --x x1,x3,x2 --format json 2>/dev/null)
expect_contains "$json" '"aliased": ["x3"]}' "JSON aliased"
expect_contains "$json" '{"name": "x3", "estimate": null, "std_error": null, "t": null, "p": null}' "JSON NA as null"
expect_golden_key "$(printf '%s' "$json" | json_values estimate)" alias.coef 1e-10 "aliased estimates"

# 5. CSV with confidence limits; ridge; save.
csv=$("$SCOUTLAB" ols small.csv --y y --x x1,x2 --format csv 2>/dev/null)
expect_eq "$(printf '%s\n' "$csv" | head -1)" "name,estimate,std_error,t,p,conf_low,conf_high" "CSV header"
json=$("$SCOUTLAB" ols small.csv --y y --x x1,x2 --ridge 3 --format json 2>/dev/null)
expect_golden_key "$(printf '%s' "$json" | json_values estimate)
$(printf '%s' "$json" | json_values df)
$(printf '%s' "$json" | json_values rss)
$(printf '%s' "$json" | json_values gcv)" ridge.l3 1e-10 "ridge estimates, df, RSS, GCV"
a=$("$SCOUTLAB" ols small.csv --y y --x x1,x2 --ridge-cv 5 --seed 11 --format json 2>/dev/null)
b=$("$SCOUTLAB" ols small.csv --y y --x x1,x2 --ridge-cv 5 --seed 11 --format json 2>/dev/null)
expect_eq "$a" "$b" "ridge CV reproducible with a seed"
"$SCOUTLAB" ols small.csv --y y --x x1,x2 --save model.txt > /dev/null 2>&1
expect_eq "$(head -1 model.txt)" "scoutlab-ols 1" "saved model header"

# 5b. The saved model predicts new rows with R's predict.lm intervals (weighted fit, new-data
# weight 1); a row it cannot predict keeps its cells and says why; options of fee models refused.
"$SCOUTLAB" ols small.csv --y y --x x1,x2 --weights w --save wmodel.txt > /dev/null 2>&1
printf 'name,x2,x1\nA,3,0\nB,16,12.5\nC,0,50\nD,3,\nE,1,abc\n' > new.csv
pred=$("$SCOUTLAB" predict --model wmodel.txt new.csv --level 0.9 --verbose 2>pred.err)
expect_eq "$?" 0 "predict with an ols model: exit status"
expect_eq "$(printf '%s\n' "$pred" | head -1)" "name,x2,x1,fit,se_fit,conf_low,conf_high,pred_low,pred_high,reason" "predict header"
col() { printf '%s\n' "$pred" | awk -F, -v k="$1" 'NR > 1 && NR <= 4 { print $k }'; }
expect_golden_key "$(col 4)" weighted.pred.fit 1e-12 "predicted fit"
expect_golden_key "$(col 5)" weighted.pred.se 1e-12 "standard error of the fit"
expect_golden_key "$(col 6)" weighted.pred.clo 1e-12 "confidence interval, low"
expect_golden_key "$(col 7)" weighted.pred.chi 1e-12 "confidence interval, high"
expect_golden_key "$(col 8)" weighted.pred.plo 1e-12 "prediction interval, low"
expect_golden_key "$(col 9)" weighted.pred.phi 1e-12 "prediction interval, high"
expect_eq "$(printf '%s\n' "$pred" | sed -n 5,6p)" "D,3,,,,,,,,x1 is missing
E,1,abc,,,,,,,x1 'abc' is not a number" "rows that cannot be predicted say why"
expect_contains "$(cat pred.err)" "rows: read 5, valued 3, not valued 2 (reason column), skipped by the loader 0" "predict accounting"
printf 'name,x1\nA,1\n' > nox2.csv
out=$("$SCOUTLAB" predict --model wmodel.txt nox2.csv 2>&1); st=$?
expect_eq "$st" 1 "predict without a model column: exit status"
expect_contains "$out" "nox2.csv: the model uses column 'x2', and the file has no such column" "missing model column named"
# A ridge fit saves too; its predictions are the fitted values of R's ridge coefficients.
"$SCOUTLAB" ols small.csv --y y --x x1,x2 --ridge 3 --save rmodel.txt > /dev/null 2>&1
expect_eq "$(head -1 rmodel.txt)" "scoutlab-ridge 1" "saved ridge model header"
pred=$("$SCOUTLAB" predict --model rmodel.txt new.csv)
expect_eq "$(printf '%s\n' "$pred" | head -1)" "name,x2,x1,fit,reason" "ridge predict header"
want=$(grep '^ridge.l3 ' "$golden" | awk '{ b0 = $2; b1 = $3; b2 = $4
  printf "%.17g\n%.17g\n%.17g\n", b0 + 3 * b2, b0 + 12.5 * b1 + 16 * b2, b0 + 50 * b1 }')
got=$(printf '%s\n' "$pred" | awk -F, 'NR > 1 && NR <= 4 { print $4 }')
expect_num_eq "$got" "$want" "ridge predictions = R's ridge coefficients applied to the rows" --rel 1e-10
expect_eq "$(printf '%s\n' "$pred" | sed -n 5p)" "D,3,,,x1 is missing" "ridge: a row without x1 says why"
out=$("$SCOUTLAB" predict --model rmodel.txt new.csv --level 0.9 2>&1); st=$?
expect_eq "$st" 2 "--level with a ridge model: usage error"
out=$("$SCOUTLAB" predict --model wmodel.txt new.csv --bid 25m 2>&1); st=$?
expect_eq "$st" 2 "--bid with an ols model: usage error"
expect_contains "$out" "--bid, --season, --window and --rate are for fee models" "--bid refused for an ols model"

# 6. Rows with missing values are counted, never silently dropped.
awk -F, -v OFS=, 'NR == 4 { $2 = "" } NR == 9 { $1 = "NA" } { print }' small.csv > missing.csv
got=$("$SCOUTLAB" ols missing.csv --y y --x x1,x2 --format json 2>&1 >/dev/null)
expect_eq "$got" "40 rows read, 38 used, 2 skipped: missing value in y (1), missing value in x1 (1)" "rows report"

# 6b. --tol (R's lm(tol =)): NIST's Filip as columns x1..x10 (x^k rounded to doubles, as a CSV
# holds them). The default 1e-7 aliases x10, as R does; --tol 0 keeps all eleven parameters.
# From rounded columns the exact least-squares answer itself agrees with NIST to 7.6 digits
# only (tests/unit/test_regress_nist.c), so they are held to 1e-7 here.
filip="$SL_TEST_DATA/nist/Filip.dat"
awk 'NR == 1 { print "y,x,x1,x2,x3,x4,x5,x6,x7,x8,x9,x10" } NR >= 61 && NR <= 142 {
  printf "%s,%s", $1, $2; for (k = 1; k <= 10; k++) printf ",%.17g", $2 ^ k; printf "\n" }' "$filip" > filip.csv
filip_cert() { awk 'NR >= 31 && NR <= 41 { print $2 }' "$filip"; }
filip_sd() { awk 'NR >= 31 && NR <= 41 { print $3 }' "$filip"; }
fx=x1,x2,x3,x4,x5,x6,x7,x8,x9,x10
json=$("$SCOUTLAB" ols filip.csv --y y --x "$fx" --format json 2>/dev/null)
expect_contains "$json" '"aliased": ["x10"]}' "Filip at the default tol: x10 aliased, as R"
json=$("$SCOUTLAB" ols filip.csv --y y --x "$fx" --tol 0 --format json 2>/dev/null)
expect_contains "$json" '"aliased": []}' "Filip with --tol 0: every column kept"
expect_num_eq "$(printf '%s' "$json" | json_values estimate)" "$(filip_cert)" "Filip --tol 0 estimates (7 digits from rounded columns)" --rel 1e-7
expect_num_eq "$(printf '%s' "$json" | json_values std_error)" "$(filip_sd)" "Filip --tol 0 standard errors" --rel 1e-7
json=$("$SCOUTLAB" ols filip.csv --y y --x "$fx" --tol 1e-12 --format json 2>/dev/null)
expect_contains "$json" '"aliased": []}' "Filip with --tol 1e-12: every column kept"

# 6c. --formula: R's lm(y ~ x1 + x2 + g) on the same data (g a text column, so a factor), and
# Filip as R users write it: the powers formed by scoutlab reach NIST's certified values to 12
# digits (the extended-precision solve sees them unrounded).
json=$("$SCOUTLAB" ols small.csv --formula "y ~ x1 + x2 + g" --format json 2>/dev/null)
expect_golden_key "$(printf '%s' "$json" | json_values estimate)" small.coef 1e-10 "formula estimates"
expect_golden_key "$(printf '%s' "$json" | json_values std_error)" small.se 1e-10 "formula standard errors"
expect_contains "$json" '{"name": "gb", "estimate": ' "factor column named as R (gb)"
got=$("$SCOUTLAB" ols small.csv --formula "y ~ x1*g - 1" --format csv 2>/dev/null | cut -d, -f1 | paste -sd' ')
expect_eq "$got" "name x1 ga gb gc x1:gb x1:gc" "no intercept: the first factor gets every level, as R"
got=$("$SCOUTLAB" ols small.csv --formula "y ~ poly(x1, 2) + C(w) + I(x2^2):g" --reference w=3 --format json 2>/dev/null |
  grep -o '"name": "[^"]*"' | sed 's/"name": "//; s/"$//' | paste -sd' ')
expect_eq "$got" "(Intercept) poly(x1, 2)1 poly(x1, 2)2 C(w)1 C(w)2 C(w)4 I(x2^2):ga I(x2^2):gb I(x2^2):gc" "poly, C() with a reference, power by factor"
fterms="x"; for k in 2 3 4 5 6 7 8 9 10; do fterms="$fterms + I(x^$k)"; done
json=$("$SCOUTLAB" ols filip.csv --formula "y ~ $fterms" --tol 0 --format json 2>/dev/null)
expect_num_eq "$(printf '%s' "$json" | json_values estimate)" "$(filip_cert)" "Filip by formula: estimates to 12 digits" --rel 1e-12
expect_num_eq "$(printf '%s' "$json" | json_values std_error)" "$(filip_sd)" "Filip by formula: standard errors to 12 digits" --rel 1e-12
expect_num_eq "$(printf '%s' "$json" | json_values residual_sd)
$(printf '%s' "$json" | json_values r_squared)" "0.334801051324544E-02
0.996727416185620" "Filip by formula: residual SD and R²" --rel 1e-12
# A formula model saves its design and predicts through it.
"$SCOUTLAB" ols small.csv --formula "log(y) ~ poly(x1, 2) + g" --save fmodel.txt > /dev/null 2>&1
printf 'x1,g\n3,b\n4,z\n,a\n' > fnew.csv
pred=$("$SCOUTLAB" predict --model fmodel.txt fnew.csv 2>/dev/null)
expect_eq "$(printf '%s\n' "$pred" | sed -n '3,4p' | awk -F, '{ print $NF }')" "g 'z' is not a level of the model
x1 is missing" "formula predict: reasons for rows it cannot value"
expect_eq "$(printf '%s\n' "$pred" | sed -n 2p | cut -d, -f1-2)" "3,b" "formula predict keeps the input cells"

# 6d. Values whose squares overflow or underflow (issue 16): near 1e200 and 1e-200 the fit is the
# unscaled one scaled (columns are scaled by powers of two inside the fit), never inf or nan.
scaled_csv() { # x-suffix y-suffix: small.csv with x1, x2 and y written as "<value>e<suffix>"
  awk -F, -v OFS=, -v sx="$1" -v sy="$2" 'NR == 1 { print; next } { $1 = $1 "e" sy; $2 = $2 "e" sx; $3 = $3 "e" sx; print }' small.csv
}
base=$("$SCOUTLAB" ols small.csv --y y --x x1,x2 --format json 2>/dev/null)
for pair in "200 200" "-200 -200" "200 0" "0 200" "-200 0" "0 -200"; do
  set -- $pair
  scaled_csv "$1" "$2" > scaled.csv
  json=$("$SCOUTLAB" ols scaled.csv --y y --x x1,x2 --format json 2>/dev/null); st=$?
  expect_eq "$st" 0 "x e$1, y e$2: exit status"
  # intercept and sigma scale as y, slopes as y/x; t, R² and F do not change.
  want=$(printf '%s' "$base" | json_values estimate | awk -v sx="1e$1" -v sy="1e$2" 'NR == 1 { printf "%.17g\n", $1 * sy; next } { printf "%.17g\n", $1 * sy / sx }')
  expect_num_eq "$(printf '%s' "$json" | json_values estimate)" "$want" "x e$1, y e$2: estimates" --rel 1e-12
  want=$(printf '%s' "$base" | json_values std_error | awk -v sx="1e$1" -v sy="1e$2" 'NR == 1 { printf "%.17g\n", $1 * sy; next } { printf "%.17g\n", $1 * sy / sx }')
  expect_num_eq "$(printf '%s' "$json" | json_values std_error)" "$want" "x e$1, y e$2: standard errors" --rel 1e-12
  want=$(printf '%s' "$base" | json_values residual_sd | awk -v sy="1e$2" '{ printf "%.17g\n", $1 * sy }')
  expect_num_eq "$(printf '%s' "$json" | json_values residual_sd)" "$want" "x e$1, y e$2: residual SD" --rel 1e-12
  for key in t r_squared adj_r_squared f_statistic; do
    expect_num_eq "$(printf '%s' "$json" | json_values $key)" "$(printf '%s' "$base" | json_values $key)" "x e$1, y e$2: $key" --rel 1e-11
  done
  table=$("$SCOUTLAB" ols scaled.csv --y y --x x1,x2 2>&1)
  case "$table" in *inf* | *nan* | *NaN*) fail "x e$1, y e$2: the table shows inf or nan"; printf '%s\n' "$table" >&2 ;; esac
done
scaled_csv -200 200 > apart.csv
scaled_csv 0 200 > bigy.csv
check_error_ols() { # expected-status expected-message what args...
  local want_st=$1 want_msg=$2 what=$3; shift 3
  local out; out=$("$SCOUTLAB" ols "$@" 2>&1); local st=$?
  expect_eq "$st" "$want_st" "$what: exit status"
  expect_eq "$out" "$want_msg" "$what: message"
}
check_error_ols 1 "scoutlab: regression: the estimate for x1 is inf, outside the range of a double (the response and this column differ in scale by a factor near 1e308 or more: rescale one of them)" \
  "slopes of 1e400" apart.csv --y y --x x1,x2 --format table
check_error_ols 1 "scoutlab: ridge: the residual sum of squares is inf, outside the range of a double (responses beyond about 1e154: rescale the response)" \
  "ridge RSS of 1e400" bigy.csv --y y --x x1,x2 --ridge 1
awk -F, -v OFS=, 'NR > 1 { $1 = 2.5 } { print }' small.csv > consty.csv
check_error_ols 1 "scoutlab: consty.csv: response column 'y' is constant (2.5 on every row used): there is no variation to explain" \
  "constant response" consty.csv --y y --x x1,x2
check_error_ols 1 "scoutlab: regression: the response is constant (2.5 on every row used): there is no variation to explain" \
  "constant response in a formula" consty.csv --formula "y ~ x1 + sqrt(x2)"
head -3 small.csv > two.csv
check_error_ols 1 "scoutlab: regression: 2 rows for 2 estimated coefficients leave no residual degrees of freedom: the residual standard error, standard errors and tests are undefined (need more rows than coefficients)" \
  "no residual degrees of freedom" two.csv --y y --x x1

# 7. Bad input: message and exit status.
check_error() { # expected-status expected-message what args...
  local want_st=$1 want_msg=$2 what=$3; shift 3
  local out; out=$("$SCOUTLAB" ols "$@" 2>&1); local st=$?
  expect_eq "$st" "$want_st" "$what: exit status"
  expect_contains "$out" "$want_msg" "$what: message"
}
check_error 1 "scoutlab: small.csv: no column 'X1' (did you mean 'x1'?)" "missing column" small.csv --y y --x X1
awk -F, -v OFS=, 'NR == 5 { $2 = "abc" } { print }' small.csv > text.csv
check_error 1 "scoutlab: text.csv:5:2: predictor column 'x1' has the value \"abc\", which is not a number" "text value" text.csv --y y --x x1
awk -F, -v OFS=, 'NR == 7 { $1 = "NaN" } NR == 8 { $3 = "Inf" } { print }' small.csv > nan.csv
check_error 1 "nan.csv:7:1: response column 'y' has the value \"NaN\"" "NaN" nan.csv --y y --x x1
check_error 1 "nan.csv:8:3: predictor column 'x2' has the value \"Inf\"" "Inf" nan.csv --y x1 --x x2
head -3 small.csv > few.csv
check_error 1 "2 rows used but the model has 4 parameters: fewer rows than parameters" "too few rows" few.csv --y y --x x1,x2,x3
check_error 1 "column 'c' is constant (7 on every row used)" "constant column" small.csv --y y --x x1,c
check_error 2 "scoutlab ols: --y COL is required (or --formula) (see scoutlab ols --help)" "no --y" small.csv --x x1
check_error 2 "--x COL[,COL...] is required" "no --x" small.csv --y y
check_error 2 "choose one of --ridge, --ridge-cv and --ridge-gcv" "two penalties" small.csv --y y --x x1 --ridge 1 --ridge-cv 5
check_error 2 "--level expects a number between 0 and 1" "bad level" small.csv --y y --x x1 --level 95
check_error 2 "--tol expects a tolerance from 0 to below 1 (e.g. 1e-7), not '-1'" "bad tol" small.csv --y y --x x1 --tol -1
check_error 2 "--tol expects a tolerance from 0 to below 1" "tol 1" small.csv --y y --x x1 --tol 1
check_error 2 "formula \"y ~ x1 +\", at character 9: expected a column name" "formula syntax" small.csv --formula "y ~ x1 +"
check_error 2 "'^' is a power only inside I(): write I(x^2)" "formula power" small.csv --formula "y ~ x1^2"
check_error 2 "unknown function (expected log, sqrt, I, poly or C)" "formula function" small.csv --formula "y ~ exp(x1)"
check_error 1 "no column 'X1' (did you mean 'x1'?)" "formula column" small.csv --formula "y ~ X1"
check_error 1 "log(g) needs numbers, but column 'g' is text" "formula text column" small.csv --formula "y ~ log(g)"
check_error 1 "reference 'h=a': the formula has no factor 'h'" "formula reference" small.csv --formula "y ~ g" --reference h=a
check_error 1 "reference level 'z' of g does not occur in the rows used" "formula reference level" small.csv --formula "y ~ g" --reference g=z
check_error 2 "--formula replaces --y and --x" "formula and --x" small.csv --formula "y ~ g" --x x1
check_error 2 "unknown option --bogus (see scoutlab ols --help)" "unknown option" small.csv --y y --x x1 --bogus
check_error 2 "--format expects table, json or csv" "bad format" small.csv --y y --x x1 --format xml
check_error 3 "nofile.csv: cannot open" "missing file" nofile.csv --y y --x x1
finish
