#!/bin/bash
# conventions.sh - issue 20's "one CLI convention", the same in every command: --opt=value,
# `--` before arguments that start with '-', --version, `scoutlab help CMD`, "did you mean" for
# commands and options, `-` for standard input, --quiet/--verbose with one meaning; and every
# option a command's parser reads is
# one its help lists (the convention layer refuses the others, so a help that forgets an
# option would break it: this test is the guard).
. "$(dirname "$0")/lib.sh"
D="$SL_DATASETS"
CLI="$SL_TESTS/../analytics/cli"
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
cd "$W" || exit 1

# Every long option a parser compares against is accepted by the convention layer.
for c in check report fit value predict ols compare percentiles similar squad chart; do
  case $c in
  percentiles | similar) files="cmd_$c.c cmd_compare.c" ;;
  chart) files="cmd_chart.c chart_cli.c cmd_compare.c" ;;
  *) files="cmd_$c.c" ;;
  esac
  for o in $(cd "$CLI" && grep -oh '"--[a-z0-9-]*"' $files | tr -d '"' | sort -u); do
    [ "$c:$o" = "percentiles:--chart" ] || [ "$c:$o" = "similar:--chart" ] && continue # compare's own
    out=$("$SCOUTLAB" "$c" "$o" </dev/null 2>&1 | head -5)
    case "$out" in *"unknown option $o;"* | *"unknown option $o "*) fail "$c refuses its own option $o" ;; esac
  done
done

# Did you mean: a command, an option.
out=$("$SCOUTLAB" compar 2>&1); st=$?
expect_eq "$st" 2 "unknown command exits 2"
expect_eq "$out" "scoutlab: unknown command 'compar'; did you mean compare? (see scoutlab --help)" "compar -> compare"
out=$("$SCOUTLAB" compare --min-minute 900 --stats "$D/players.csv" a b 2>&1); st=$?
expect_eq "$st" 2 "unknown option exits 2"
expect_eq "$out" "scoutlab compare: unknown option --min-minute; did you mean --min-minutes? (see scoutlab compare --help)" \
  "--min-minute -> --min-minutes"
out=$("$SCOUTLAB" value --modle m.slm 2>&1)
expect_contains "$out" "unknown option --modle; did you mean --model?" "--modle -> --model"
# ... and no guess when nothing is close: --data is not a typo of report's --rate, nor --bogus of --folds.
out=$("$SCOUTLAB" report --data x.csv 2>&1)
expect_eq "$out" "scoutlab report: unknown option --data (see scoutlab report --help)" "--data in report: no far-fetched guess"
out=$("$SCOUTLAB" predict --bogus 2>&1)
expect_eq "$out" "scoutlab predict: unknown option --bogus (see scoutlab predict --help)" "--bogus: no guess"

# --opt=value is --opt value, in every command.
a=$("$SCOUTLAB" percentiles --stats "$D/players.csv" --season 2024 "Tobías Quirandel" --format csv 2>/dev/null)
b=$("$SCOUTLAB" percentiles --stats="$D/players.csv" --season=2024 "Tobías Quirandel" --format=csv 2>/dev/null)
expect_eq "$b" "$a" "--opt=value gives the same output"
[ -n "$a" ] || fail "percentiles printed nothing"

# Tidy (long) CSV: one line per player and stat, the same numbers as the wide CSV.
t=$("$SCOUTLAB" compare --stats "$D/players.csv" --season 2024 "Tobías Quirandel" "Tiago Nogares" --format tidy 2>/dev/null)
expect_eq "$(printf '%s\n' "$t" | head -1)" "player,club,league,season,stat,group,kind,better,value,percentile,peers,attempts,few" "tidy header"
wide=$("$SCOUTLAB" compare --stats "$D/players.csv" --season 2024 "Tobías Quirandel" "Tiago Nogares" --format csv 2>/dev/null)
nstats=$(($(printf '%s\n' "$wide" | wc -l) - 1))
expect_eq "$(($(printf '%s\n' "$t" | wc -l) - 1))" "$((2 * nstats))" "tidy: one line per player and stat"
tv=$(printf '%s\n' "$t" | awk -F, '$1 == "Tiago Nogares" && $5 == "Interceptions" {print $9, $10}')
wv=$(printf '%s\n' "$wide" | awk -F, '$1 == "Interceptions" {print $8, $9}')
expect_num_eq "$tv" "$wv" "tidy and wide agree (Nogares' interceptions)" --rel 1e-9
expect_contains "$t" ",2024,Tackles won," "tidy names the season"

# --version on every command; help CMD is CMD --help.
for c in check report fit value predict ols compare percentiles similar squad chart; do
  out=$("$SCOUTLAB" "$c" --version 2>&1); st=$?
  expect_eq "$st" 0 "$c --version exits 0"
  expect_contains "$out" "scoutlab $c " "$c --version names the command and version"
done
expect_eq "$("$SCOUTLAB" help similar)" "$("$SCOUTLAB" similar --help)" "help similar = similar --help"

# `--`: what follows is an argument even when it starts with '-' (a file here).
cp "$D/values.csv" ./-values.csv
out=$("$SCOUTLAB" check -- -values.csv 2>&1); st=$?
expect_eq "$st" 0 "check -- -values.csv reads the file"
expect_contains "$out" "rows read" "the file's report"

# --map names the columns of an export whose names no alias knows, in any command that loads.
printf 'Nombre,Equipo,Minutos,Pos,Edad,Comp\nA Uno,Club X,900,DF,25,Liga X\nB Dos,Club X,1800,DF,27,Liga X\n' >es.csv
out=$("$SCOUTLAB" compare --stats es.csv "A Uno" "B Dos" --map player=Nombre,club=Equipo,minutes=Minutos,age=Edad \
  --map=position=Pos,league=Comp --profile centre-back --stats-list minutes --format csv 2>&1); st=$?
expect_eq "$st" 0 "compare with --map"
expect_contains "$out" "B Dos" "the mapped player column is read"
expect_contains "$out" "1800" "the mapped minutes column is read"
out=$("$SCOUTLAB" compare --stats es.csv "A Uno" "B Dos" --map player=Nombre 2>&1)
expect_contains "$out" "es.csv:1: no minutes column (expected Min, minutes or 90s)" "without the minutes mapping: no minutes column"
# A name of punctuation only is found as written (it normalises to nothing).
printf 'name,club,minutes,position\n!!!,X FC,900,DF\nAnna Stone,X FC,800,DF\n' > punct.csv
out=$("$SCOUTLAB" percentiles --stats punct.csv '!!!' --pool all --stats-list minutes 2>&1)
expect_contains "$out" "!!! has no known position group" "a punctuation-only name: found"
# A misspelt profile: the closest named, and the profiles there are.
out=$("$SCOUTLAB" compare --stats "$SL_DATASETS/players.csv" --season 2024 "Tobías Quirandel" "Gonzalo Rossano" --profile centreback 2>&1)
expect_contains "$out" 'no profile "centreback" in the profiles file; did you mean centre-back? (profiles: centre-back, full-back, midfielder, winger-forward, goalkeeper)' \
  "--profile typo: the closest and the list"
# A mapping whose column the file does not have (a typo) is said, with the closest header.
out=$("$SCOUTLAB" check es.csv --map minutes=Minuto 2>&1)
expect_contains "$out" "the mapping minutes=Minuto names no column of this file; did you mean 'Minutos'?" "--map typo: said"

# --quiet (-q) and --verbose (-v): one meaning in every command, listed in every help. --quiet:
# nothing on stderr but errors; --verbose: the accounting (rows read, used, skipped, with each
# skipped row). Both at once is a usage error.
for c in check report fit value predict ols compare percentiles similar squad chart; do
  h=$("$SCOUTLAB" help "$c")
  expect_contains "$h" "  -q, --quiet       only errors on stderr: no notes, warnings or progress" "$c --help lists --quiet"
  expect_contains "$h" "  -v, --verbose     the accounting on stderr: rows read, used and skipped, each skipped row" \
    "$c --help lists --verbose"
  out=$("$SCOUTLAB" "$c" -q --verbose 2>&1); st=$?
  expect_eq "$st" 2 "$c -q --verbose: a usage error"
  expect_eq "${out%%$'\n'*}" "scoutlab $c: --quiet and --verbose ask for opposite things: give one (see scoutlab $c --help)" \
    "$c -q --verbose: the message"
done
"$SCOUTLAB" fit --transfers "$D/transfers.csv" --folds 1 -o m.slm >/dev/null 2>&1 || fail "fit the demo model"
S24=(--stats "$D/players.csv" --season 2024)
# Each command as a user runs it: what stderr holds plain, with -q and with -v (first line).
qv() { # name expected-plain-stderr-lines expected-verbose-first-line command...
  local name=$1 plain=$2 verbose=$3
  shift 3
  "$@" >/dev/null 2>plain.err; st=$?
  expect_eq "$st" 0 "$name: exit status"
  expect_eq "$(wc -l <plain.err)" "$plain" "$name: lines on stderr without -q or -v"
  "$@" -q >/dev/null 2>quiet.err
  expect_eq "$(cat quiet.err)" "" "$name -q: nothing on stderr"
  "$@" --verbose >/dev/null 2>verbose.err
  expect_eq "$(grep -m1 '^rows' verbose.err)" "$verbose" "$name -v: the accounting"
}
# The demo stats hold six seasons (14,531 rows); --season 2024 keeps 2,421 and skips the others.
acc="rows (stats $D/players.csv): read 14531, used 2421, skipped 12110"
cmp_acc="rows: read 14531, used 2421, skipped 12110 (by the loader 12110)"
qv predict-players 5 "$acc" "$SCOUTLAB" predict --model m.slm --stats "$D/players.csv" --values "$D/values.csv"
qv predict-rows 0 "rows: read 15738, valued 15738, not valued 0 (reason column), skipped by the loader 0" \
  "$SCOUTLAB" predict --model m.slm "$D/values.csv"
qv value 0 "$acc" "$SCOUTLAB" value --model m.slm --player "Tobías Quirandel" --data "$D/players.csv" \
  --data "$D/values.csv" --season 2024
qv fit 0 "rows: read 10530, used 2738, not used 7792" "$SCOUTLAB" fit --transfers "$D/transfers.csv" --folds 1 -o m2.slm
qv compare 0 "$cmp_acc" "$SCOUTLAB" compare "${S24[@]}" "Tobías Quirandel" "Tiago Nogares"
qv percentiles 0 "$cmp_acc" "$SCOUTLAB" percentiles "${S24[@]}" "Tobías Quirandel"
qv similar 0 "$cmp_acc" "$SCOUTLAB" similar "${S24[@]}" "Tobías Quirandel"
qv squad 1 "rows: read 14531, used 2421, skipped 12110" "$SCOUTLAB" squad "${S24[@]}" --values "$D/values.csv" sabreval
qv report 0 "$acc" "$SCOUTLAB" report --player "Tobías Quirandel" "${S24[@]}" --values "$D/values.csv" --model m.slm -o rep
# ols prints its row count on stderr beside JSON; --verbose lists the skipped rows.
qv ols 1 "" "$SCOUTLAB" ols "$D/transfers.csv" --y fee --x age --format json
# check writes its whole report on standard output: the same with -q and -v, nothing on stderr.
expect_eq "$("$SCOUTLAB" check "$D/values.csv" -q)" "$("$SCOUTLAB" check "$D/values.csv" -v)" "check: one report"
if command -v "${SCOUTLAB_GNUPLOT:-gnuplot}" >/dev/null 2>&1; then
  qv chart 0 "$acc" "$SCOUTLAB" chart squad "${S24[@]}" sabreval -o c.svg --script c.gp
else
  echo "note: gnuplot not found: chart -q/-v not run" >&2
fi
# Errors are shown whatever -q says.
out=$("$SCOUTLAB" predict --model missing.slm "$D/values.csv" -q 2>&1); st=$?
expect_eq "$st" 3 "predict -q with a missing model: an I/O error"
expect_contains "$out" "scoutlab: missing.slm: cannot open" "predict -q: the error is shown"
out=$("$SCOUTLAB" value --model m.slm --player "Nobody Atall" --data "$D/players.csv" -q 2>&1)
expect_contains "$out" "no player 'Nobody Atall'" "value -q: the error is shown"

# --format: every choice a help lists; CSV and JSON of one command hold the same numbers, as
# records of the same columns (docs/json.md). values.csv has no quoted cells: awk -F, splits it.
jsum() { grep -o "\"$1\": [-0-9.e+]*" "$2" | awk '{s += $2; n++} END {printf "%d %.17g\n", n, s}'; }
csum() { awk -F, -v want="$1" 'NR==1 {for (i = 1; i <= NF; i++) if ($i == want) c = i; next}
  {n++; s += $c} END {printf "%d %.17g\n", n, s}' "$2"; }
"$SCOUTLAB" predict --model m.slm "$D/values.csv" --bid 5m >p.csv 2>/dev/null
"$SCOUTLAB" predict --model m.slm "$D/values.csv" --bid 5m --format json >p.json 2>/dev/null
expect_eq "$(head -1 p.json)" '{"schema": {"tool": "scoutlab predict", "version": 1, "money": "EUR"}, "rows": [' "predict json: schema first"
expect_eq "$(grep -c '^  {' p.json)" "$(($(wc -l <p.csv) - 1))" "predict json: one record per CSV line"
for k in fair_fee fee_low p_at_least_bid; do
  expect_num_eq "$(jsum $k p.json)" "$(csum $k p.csv)" "predict: $k the same in CSV and JSON" --rel 1e-12
done
"$SCOUTLAB" predict --model m.slm --stats "$D/players.csv" --values "$D/values.csv" --format json >pb.json 2>/dev/null
"$SCOUTLAB" predict --model m.slm --stats "$D/players.csv" --values "$D/values.csv" >pb.csv 2>/dev/null
expect_num_eq "$(jsum fee_high pb.json)" "$(awk -F, 'NR==1 {for (i = 1; i <= NF; i++) if ($i == "fee_high") c = i; next}
  {n++; s += $c} END {printf "%d %.17g\n", n, s}' <(sed 's/"[^"]*"//g' pb.csv))" "predict players: fee_high the same in CSV and JSON" --rel 1e-12
"$SCOUTLAB" ols "$D/transfers.csv" --y fee --x age,market_value --save lm.txt >/dev/null 2>&1
"$SCOUTLAB" predict --model lm.txt "$D/transfers.csv" --format json >pl.json 2>/dev/null
"$SCOUTLAB" predict --model lm.txt "$D/transfers.csv" >pl.csv 2>/dev/null
expect_num_eq "$(jsum pred_high pl.json)" "$(csum pred_high pl.csv)" "predict ols: pred_high the same in CSV and JSON" --rel 1e-12
# A transfers file has its own window column: predict's is window.1, in CSV and JSON alike.
"$SCOUTLAB" predict --model m.slm "$D/transfers.csv" --format json 2>/dev/null | head -2 >pt.json
expect_contains "$(head -1 pl.csv)" "market_value,dealing_club" "predict ols keeps the input columns"
expect_contains "$(cat pt.json)" '"window": "summer"' "the input's window"
expect_contains "$(cat pt.json)" '"window.1": ' "predict's window, renamed as pandas would"
expect_contains "$("$SCOUTLAB" predict --model m.slm "$D/transfers.csv" 2>/dev/null | head -1)" ",window,league," "CSV: the input's window"
# value and fit: CSV beside JSON.
vq=(--model m.slm --player "Tobías Quirandel" --data "$D/players.csv" --data "$D/values.csv" --season 2024 --bid 5m)
"$SCOUTLAB" value "${vq[@]}" --what-if age=+1 --format csv >v.csv 2>/dev/null
"$SCOUTLAB" value "${vq[@]}" --what-if age=+1 --format json >v.json 2>/dev/null
expect_eq "$(head -1 v.csv)" "player,change,club,league,age,position,market_value,contract_months,minutes_share,fair_fee,fee_mean,fee_low,fee_high,p_at_least_bid,window,extrapolated,market_value_date,valued_by" \
  "value csv: predict's player columns, the change and the model of each line"
vj=$(sed -n 's/^  "fair_fee": \([^,]*\), "fee_mean": [^,]*, "fee_low": \([^,]*\), "fee_high": \([^,]*\), "p_at_least_bid": \([^,]*\),.*/\1 \2 \3 \4/p' v.json)
expect_num_eq "$(awk -F, 'NR==2 {print $10, $12, $13}' v.csv)" "${vj% *}" \
  "value: the valuation the same in CSV (whole euros, as predict's) and JSON" --abs 0.5
expect_num_eq "$(awk -F, 'NR==2 {print $14}' v.csv)" "${vj##* }" "value: P(fee >= bid) the same" --rel 1e-12
expect_eq "$(awk -F, 'NR==3 {print $2}' v.csv)" "age=+1" "value csv: the what-if line"
expect_num_eq "$(awk -F, 'NR==3 {print $10}' v.csv)" \
  "$(grep -o '"change": "age=+1", "fair_fee": [-0-9.e+]*' v.json | awk '{print $NF}')" "value: the what-if the same" --abs 0.5
"$SCOUTLAB" fit --transfers "$D/transfers.csv" --folds 1 -o m3.slm --format csv >f.csv 2>f.err
"$SCOUTLAB" fit --transfers "$D/transfers.csv" --folds 1 -o m4.slm --format json >f.json 2>/dev/null
expect_eq "$(head -1 f.csv)" "name,estimate,std_error,t,p" "fit csv: the coefficient columns"
expect_eq "$(($(wc -l <f.csv) - 1))" "$(grep -c '{"name": [^}]*"estimate": ' f.json)" "fit csv: one line per coefficient"
expect_num_eq "$(awk -F, '$1 == "log market value" {print $2, $3, $5}' f.csv)" \
  "$(sed -n 's/.*"name": "log market value", "estimate": \([^,]*\), "std_error": \([^,]*\), "t": [^,]*, "p": \([^}]*\)}.*/\1 \2 \3/p' f.json)" \
  "fit: the coefficient the same in CSV and JSON" --rel 1e-12
expect_contains "$(cat f.err)" "scoutlab fit: deals: 10530 rows read, 2738 used" "fit csv: the deal counts on stderr"
# A format a command does not list is a usage error; every choice is in its help.
refused() { # what command...: a usage error
  local what=$1
  shift
  "$SCOUTLAB" "$@" >/dev/null 2>&1
  expect_eq "$?" 2 "refused: $what"
}
refused "predict --format table" predict --model m.slm "$D/values.csv" --format table
refused "value --format tidy" value --model m.slm --player X --format tidy
refused "fit --format md" fit --transfers "$D/transfers.csv" -o m5.slm --format md
refused "similar --format tidy" similar --stats "$D/players.csv" X --format tidy
expect_contains "$("$SCOUTLAB" help predict)" "[--format csv|json]" "predict --help: its formats"
expect_contains "$("$SCOUTLAB" help value)" "[--format table|json|csv]" "value --help: its formats"
expect_contains "$("$SCOUTLAB" help fit)" "[--format table|json|csv]" "fit --help: its formats"

# `-` is standard input (read once into memory: the loader's second pass works).
out=$(cat "$D/values.csv" | "$SCOUTLAB" check - 2>&1); st=$?
expect_eq "$st" 0 "cat F | scoutlab check -"
expect_contains "$out" "$(wc -l <"$D/values.csv" | awk '{print $1 - 1}')" "every row of standard input counted"
finish
