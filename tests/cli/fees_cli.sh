#!/bin/bash
# fees_cli.sh - scoutlab fit / value / predict on the hand-made fixtures in tests/data/fees/:
# golden outputs compared as numbers with a relative tolerance of 1e-12 (tests/tools/numdiff.h;
# the numbers are the hand calculation in tests/unit/test_fees.c) and the error
# messages a user sees. Regenerate a golden only after checking the new output by hand.
. "$(dirname "$0")/lib.sh"
D="$SL_TEST_DATA/fees"
G="$D/golden"
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
cd "$W" || exit 1

golden() { # name command...
  local name=$1; shift
  "$@" >"$W/$name.out" 2>"$W/$name.err"
  local rc=$?
  expect_eq "$rc" 0 "$name: exit status"
  sed -e "s#$D/##g" "$W/$name.out" >"$W/$name.txt"
  expect_golden "$G/$name" "$W/$name.txt" "$name differs from golden $G/$name"
}

golden fit_tiny.txt "$SCOUTLAB" fit --transfers "$D/tiny.csv" -o tiny.slm --folds 1
golden value_tiny.txt "$SCOUTLAB" value --model tiny.slm --player "player 250" --data "$D/tiny.csv" \
  --bid 6m --what-if age=+5 --comparables 2
golden value_tiny.json "$SCOUTLAB" value --model tiny.slm --age 25 --position DM --bid 6,000,000 --format json \
  --comparables 1
golden predict_tiny.csv "$SCOUTLAB" predict --model tiny.slm "$D/predict.csv" --bid "€6m"

# Errors: what the user sees and the exit status.
out=$("$SCOUTLAB" value --player x 2>&1); rc=$?
expect_eq "$rc" 2 "value without --model is a usage error"
expect_contains "$out" "no model (give --model MODEL.slm from scoutlab fit)" "usage message"
out=$("$SCOUTLAB" value --model tiny.slm --player "Plaier 25" --data "$D/tiny.csv" 2>&1); rc=$?
expect_eq "$rc" 1 "unknown player exit"
expect_contains "$out" "no player 'Plaier 25'; did you mean: Player 250" "did-you-mean"
out=$("$SCOUTLAB" value --model tiny.slm --player "player" --data "$D/tiny.csv" 2>&1); rc=$?
expect_eq "$rc" 2 "ambiguous player exit (the same status in every command)"
expect_contains "$out" "'player' matches 12 players: Player 200 (club unknown, age 20); " "ambiguity listed with age"
expect_contains "$out" "name one as \"Name (Club)\"" "ambiguity says how to choose"
# A line only is valued as the mixture of its groups; the tiny model saw no defender, so it says so.
out=$("$SCOUTLAB" value --model tiny.slm --age 25 --position defence 2>&1); rc=$?
expect_eq "$rc" 1 "line-only position without the line's groups in the model"
expect_contains "$out" "position known only as a line (CB/FB), and the model saw no transfer of those groups (give --position)" \
  "position message"
out=$("$SCOUTLAB" value --model tiny.slm --position CM 2>&1); rc=$?
expect_eq "$rc" 1 "no age"
expect_contains "$out" "age unknown: the model needs it (give --age)" "age message"
head -c 300 tiny.slm >cut.slm
out=$("$SCOUTLAB" value --model cut.slm --age 25 --position CM 2>&1); rc=$?
expect_eq "$rc" 1 "truncated model"
expect_contains "$out" "damaged or truncated fee model" "truncated message"
sed '1s/ 2$/ 9/' tiny.slm >v9.slm
out=$("$SCOUTLAB" value --model v9.slm --age 25 --position CM 2>&1); rc=$?
expect_eq "$rc" 1 "other version"
expect_contains "$out" "fee model format version 9; this scoutlab reads versions 2-3 (written by a later scoutlab; refit with scoutlab fit)" "version message"
out=$("$SCOUTLAB" fit --transfers "$D/tiny.csv" 2>&1); rc=$?
expect_eq "$rc" 2 "fit without -o"
expect_contains "$out" "no output model (give -o MODEL.slm)" "fit usage message"
out=$("$SCOUTLAB" fit --transfers "$D/tiny.csv" --holdout-from 2030 -o x.slm 2>&1); rc=$?
expect_eq "$rc" 1 "empty test set"
expect_contains "$out" "a time split at season 2030 leaves" "holdout message"
finish
