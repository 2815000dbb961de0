# The kept script is the whole truth (issue 18): for every chart type, as PNG and SVG, plain
# `gnuplot chart.gp` run from another directory rewrites exactly the file scoutlab made (byte for
# byte: neither terminal writes a date). Fixtures: tests/data (compare, squad), the demo
# transfers; the trend uses ../shared/data/fbref-big5-yearly when present.
. "$SL_TESTS/cli/lib.sh"
command -v gnuplot >/dev/null 2>&1 || { echo "skipped: gnuplot not found" >&2; exit 77; }
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/made" "$work/elsewhere"
cd "$work/made" || exit 1
cmp_fx=(--stats "$SL_TEST_DATA/compare/stats.csv" --profiles "$SL_TEST_DATA/compare/profiles.csv" --no-overrides --pool league)
sq_fx=(--stats "$SL_TEST_DATA/squad/stats.csv" --profiles "$SL_TEST_DATA/squad/profiles.csv" --no-overrides)
"$SCOUTLAB" fit --transfers "$SL_DATASETS/transfers.csv" --holdout-from 2022 --folds 1 -o demo.slm >/dev/null 2>&1 ||
  fail "demo model fit"
fee_fx=(--model demo.slm --holdout-from 2022 --player "Lewis Yarley" --data "$SL_DATASETS/values.csv")

charts=(
  "radar|${cmp_fx[*]@Q} 'anna stone' 'carl dane'"
  "percentiles|${cmp_fx[*]@Q} 'carl dane'"
  "pizza|${cmp_fx[*]@Q} 'carl dane'"
  "bars|${cmp_fx[*]@Q} 'anna stone' 'carl dane'"
  "scatter|${cmp_fx[*]@Q} --x 'Tackles won' --y PrgR --highlight 'Anna Stone,Carl Dane'"
  "squad|${sq_fx[*]@Q} 'alpha fc'"
  "importance|${sq_fx[*]@Q} 'alpha fc'"
  "fees|${fee_fx[*]@Q} --bid 12m"
  "age-curve|${fee_fx[*]@Q}"
)
if [ -d "$SL_SHARED_DATA/fbref-big5-yearly" ] && [ -d "$SL_SHARED_DATA/transfers-tm" ]; then
  charts+=("trend|--yearly '$SL_SHARED_DATA/fbref-big5-yearly' --positions '$SL_SHARED_DATA/transfers-tm' --player 'Leonardo Balerdi' --from 2020 --to 2024")
fi
checked=0
for entry in "${charts[@]}"; do
  type=${entry%%|*}
  args=${entry#*|}
  for ext in png svg; do
    out="$type.$ext"
    eval "\"\$SCOUTLAB\" chart $type $args -o $out --script $type-$ext.gp" >/dev/null 2>err.txt ||
      { fail "$type $ext: scoutlab chart failed: $(tail -2 err.txt)"; continue; }
    cp "$out" "ref-$out"
    (cd "$work/elsewhere" && gnuplot "$work/made/$type-$ext.gp" 2>err.txt) || fail "$type $ext: plain gnuplot failed"
    cmp -s "$out" "ref-$out" || fail "$type $ext: plain gnuplot from another directory made a different file"
    [ -e "$work/elsewhere/$out" ] && fail "$type $ext: the script wrote into the directory it ran from"
    checked=$((checked + 1))
  done
done
# The trend's stats follow the player's group (a midfielder's progression and chance creation, not
# a centre-back's clearances), and the subtitle names the peers.
if [ -f trend-png.gp ]; then
  expect_contains "$(cat trend-png.gp)" "Big-5 centre-backs with 900+ minutes" "Balerdi's trend: centre-back peers"
  expect_contains "$(cat trend-png.gp)" "'Clearances per 90'" "Balerdi's trend: a centre-back's stats"
  "$SCOUTLAB" chart trend --yearly "$SL_SHARED_DATA/fbref-big5-yearly" --player "Martin Ødegaard" --from 2017 \
    --to 2024 -o ode.png --script ode.gp >/dev/null 2>&1 || fail "Ødegaard's trend"
  script=$(cat ode.gp 2>/dev/null)
  expect_contains "$script" "Big-5 midfielders with 900+ minutes" "Ødegaard's trend: midfielder peers"
  expect_contains "$script" "'Key passes per 90'" "Ødegaard's trend: a midfielder's stats"
  case "$script" in *"Clearances per 90"*) fail "Ødegaard's trend shows a centre-back's clearances" ;; esac
  # A number goes where the line is not: Balerdi's tackles won, a valley in 21/22 (season 3 of
  # his axis, 19/20 to 24/25): below its point; the peak of 23/24 (season 5): above it.
  "$SCOUTLAB" chart trend --yearly "$SL_SHARED_DATA/fbref-big5-yearly" --player "Leonardo Balerdi" -o bal.png \
    --script bal.gp >/dev/null 2>&1 || fail "Balerdi's trend"
  awk '/^\$trend << EOD/ {on = 1; next} on && NF == 0 {exit} on && $1 == 3 {v = ($4 < $2)} on && $1 == 5 {p = ($4 > $2)}
       END {exit !(v && p)}' bal.gp || fail "trend: a valley's number below it, a peak's above it"
  # Eight seasons (De Bruyne: every one of them in the Premier League) in a narrow panel.
  "$SCOUTLAB" chart trend --yearly "$SL_SHARED_DATA/fbref-big5-yearly" --player "Kevin De Bruyne" -o kdb.png \
    --script kdb.gp >/dev/null 2>&1 || fail "De Bruyne's trend"
  expect_contains "$(cat kdb.gp 2>/dev/null)" "season_label[8] = '24/25'" "eight seasons in a narrow panel: two-digit labels"
  expect_contains "$(cat kdb.gp 2>/dev/null)" "season_label[7] = ''" "eight seasons in a narrow panel: every other label"
  # His seasons only: Lamine Yamal's trend starts at his first Big-5 season, 2022/23, not 2017/18.
  "$SCOUTLAB" chart trend --yearly "$SL_SHARED_DATA/fbref-big5-yearly" --player "Lamine Yamal" -o lam.png \
    --script lam.gp >/dev/null 2>&1 || fail "Lamine Yamal's trend"
  expect_contains "$(cat lam.gp 2>/dev/null)" "title_text = 'Lamine Yamal, 2022/23 to 2024/25'" "trend: his seasons in the title"
  expect_contains "$(cat lam.gp 2>/dev/null)" "n_seasons = 3" "trend: his seasons on the axis"
  # Under the pool's minutes in every season: nothing to draw, said, no blank chart written.
  out=$("$SCOUTLAB" chart trend --yearly "$SL_SHARED_DATA/fbref-big5-yearly" --player "Francesco Camarda" -o cam.png 2>&1)
  expect_eq "$?" 1 "trend of a player never ranked: refused"
  expect_contains "$out" "Francesco Camarda has fewer than 900 minutes in every season of 2023/24-2024/25: no percentile to draw" \
    "trend of a player never ranked: said"
  [ -e cam.png ] && fail "a blank trend chart was written"
fi
expect_eq "$checked" "$((2 * ${#charts[@]}))" "every chart type checked, PNG and SVG"
[ "$checked" -ge 18 ] || fail "only $checked renders checked"
finish
