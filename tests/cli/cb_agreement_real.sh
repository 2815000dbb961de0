# The back-three score against Transfermarkt (issue 17): on the 2018/19-2020/21 Big-5 defenders
# of fbref-big5-yearly labelled with transfers-tm sub-positions, tests/data/compare/cb_logit_fit.py
# refits the score and measures the agreement before (the crosses + PrgR rule) and after (the
# score, leave-one-season-out). Checks both figures as docs/compare.md states them, and that the
# coefficients the fit gives are the ones compiled into compare_positions.c (SL_CB_LOGIT_*), so
# the constants cannot drift from the data they were fitted on. Skips without the data or python3.
. "$SL_TESTS/cli/lib.sh"
need_shared fbref-big5-yearly
need_shared transfers-tm
[ -x /usr/bin/python3 ] || { echo "skipped: /usr/bin/python3 is absent (apt-get install python3)" >&2; exit 77; }
out=$(LC_ALL=C /usr/bin/python3 "$SL_TESTS/data/compare/cb_logit_fit.py" "$SL_SHARED_DATA" 2>&1)
expect_eq "$?" 0 "cb_logit_fit.py exit status ($out)"
expect_contains "$out" "1223 defenders (669 CB, 554 FB per transfers-tm)" "defenders labelled"
expect_contains "$out" "crosses + PrgR < 2.0 rule: 95.6% agree" "agreement before"
expect_contains "$out" "96.6% leave-one-season-out" "agreement after"
# The fitted coefficients, in the C order: intercept, crosses, PrgR, box touches, aerials, clearances.
fitted=$(printf '%s\n' "$out" | sed -n 's/^coefficients ([^)]*): //p' | tr -d ' ' | tr ',' '\n')
src="$SL_TESTS/../analytics/lib/compare_positions.c"
compiled=$(for k in INTERCEPT CROSSES PRGR DEF_PEN AERIALS CLEARANCES; do
  sed -n "s/^#define SL_CB_LOGIT_$k (\{0,1\}\(-\{0,1\}[0-9.]*\)\(.*\)/\1/p" "$src"
done)
expect_eq "$(printf '%s\n' "$compiled" | wc -l)" 6 "six SL_CB_LOGIT_* constants in compare_positions.c"
expect_eq "$fitted" "$compiled" "compiled coefficients = fitted ones (4 decimals)"
finish
