#!/bin/bash
# conventions.sh - issue 20's "one CLI convention", the same in every command: --opt=value,
# `--` before arguments that start with '-', --version, `scoutlab help CMD`, "did you mean" for
# commands and options, `-` for standard input; and every option a command's parser reads is
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

# --opt=value is --opt value, in every command.
a=$("$SCOUTLAB" percentiles --stats "$D/players.csv" --season 2024 "Tobías Quirandel" --format csv 2>/dev/null)
b=$("$SCOUTLAB" percentiles --stats="$D/players.csv" --season=2024 "Tobías Quirandel" --format=csv 2>/dev/null)
expect_eq "$b" "$a" "--opt=value gives the same output"
[ -n "$a" ] || fail "percentiles printed nothing"

# Tidy (long) CSV: one line per player and stat, the same numbers as the wide CSV.
t=$("$SCOUTLAB" compare --stats "$D/players.csv" --season 2024 "Tobías Quirandel" "Tiago Nogares" --format tidy 2>/dev/null)
expect_eq "$(printf '%s\n' "$t" | head -1)" "player,club,league,season,stat,group,kind,better,value,percentile,peers" "tidy header"
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

# `-` is standard input (read once into memory: the loader's second pass works).
out=$(cat "$D/values.csv" | "$SCOUTLAB" check - 2>&1); st=$?
expect_eq "$st" 0 "cat F | scoutlab check -"
expect_contains "$out" "$(wc -l <"$D/values.csv" | awk '{print $1 - 1}')" "every row of standard input counted"
finish
