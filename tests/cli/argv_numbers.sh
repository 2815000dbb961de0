# Option values no integer can hold (issue 16, fuzz_argv's findings): each command parses them
# without undefined behaviour - a usage error naming the option, or (when the value is a
# sensible "everything") on to the work, here stopped by a file that does not exist. In the
# sanitizer build (.ci/run) a cast of 1e300 to an integer aborts the command, so these cases
# failed there before the fix; the --seed case failed everywhere (1e30 was taken as a seed).
# The inputs are in tests/fuzz/corpus/argv/finding-*.
. "$SL_TESTS/cli/lib.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
missing="$tmp/absent/stats.csv"

case_run() { # name status needle -- command...
  local name=$1 want=$2 needle=$3; shift 4
  local out st
  out=$("$@" 2>&1); st=$?
  expect_eq "$st" "$want" "$name: exit status"
  expect_contains "$out" "$needle" "$name"
}
case_run "report --window 1e300" 2 '--window expects a year such as 2025, got "1e300"' -- \
  "$SCOUTLAB" report --player X --stats s.csv --transfers t.csv -o out --window 1e300
case_run "squad --top 1e300 (everyone)" 3 "cannot open" -- "$SCOUTLAB" squad X --stats "$missing" --top 1e300
case_run "chart importance --top 1e300 (everyone)" 3 "cannot open" -- \
  "$SCOUTLAB" chart importance X --stats "$missing" -o a.png --top 1e300
case_run "ols --seed 1e30" 2 "--seed expects a whole number below 2^64, not '1e30'" -- \
  "$SCOUTLAB" ols "$missing" --y a --x b --seed 1e30
case_run "ols --seed 2^64 - 2048 (the largest double below 2^64) is a seed" 3 "cannot open" -- \
  "$SCOUTLAB" ols "$missing" --y a --x b --seed 18446744073709549568
finish
