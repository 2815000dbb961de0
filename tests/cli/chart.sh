# scoutlab chart and --chart on the hand-made fixtures (tests/data/compare, tests/data/squad) and
# the demo transfers (datasets/): the script's numbers (hand-calculated below), the PNG and its
# size, --script, the script kept when gnuplot is missing (exit 4), usage and name errors.
. "$SL_TESTS/cli/lib.sh"
cd "$(mktemp -d)" || exit 1
trap 'rm -rf "$PWD"' EXIT
cmp_fx=(--stats "$SL_TEST_DATA/compare/stats.csv" --profiles "$SL_TEST_DATA/compare/profiles.csv" --no-overrides --pool league)
sq_fx=(--stats "$SL_TEST_DATA/squad/stats.csv" --profiles "$SL_TEST_DATA/squad/profiles.csv" --no-overrides)

# gnuplot may be absent: rendering checks are then skipped (said so), the rest still runs.
have_gnuplot=1
if ! command -v "${SCOUTLAB_GNUPLOT:-gnuplot}" >/dev/null 2>&1; then
  have_gnuplot=0
  echo "note: gnuplot not found: PNG checks skipped" >&2
fi
png_size() { # file -> "WIDTHxHEIGHT" when it is a PNG (signature, then IHDR width/height)
  local sig
  sig=$(od -An -tx1 -N8 "$1" 2>/dev/null | tr -d ' \n')
  [ "$sig" = "89504e470d0a1a0a" ] || { echo "not a PNG"; return; }
  od -An -tu1 -j16 -N8 "$1" | awk '{printf "%dx%d\n", $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}'
}
expect_png() { # file WxH what
  if [ "$have_gnuplot" = 1 ]; then expect_eq "$(png_size "$1")" "$2" "$3: PNG of the requested size"; fi
}
run_chart() { # expected-status what args... ; output in $out, stderr in $err
  local want=$1 what=$2
  shift 2
  if [ "$have_gnuplot" = 0 ] && [ "$want" = 0 ]; then want=4; fi
  out=$("$SCOUTLAB" chart "$@" 2>err.txt); local st=$?
  err=$(cat err.txt)
  expect_eq "$st" "$want" "$what: exit status"
  [ "$st" = "$want" ] || printf '%s\n' "$err" | head -5 >&2
}
# The numbers of one datablock ($name << EOD ... EOD) of a script.
block() { awk -v b="\$$2 << EOD" '$0==b{f=1;next} /^EOD$/{f=0} f' "$1"; }

# ---- radar: axes from the pool's 5th-95th percentiles (R's type-7 quantile) ----------------
# Pool: Alpha League centre-backs with 900+ minutes = Anna Stone, Carl Dane, Leo Martin.
# Tackles won /90: 40/20 = 2, 45/30 = 1.5, 25/(1000/90) = 2.25 -> sorted 1.5 2 2.25;
#   5th: h = 2 x 0.05 = 0.1 -> 1.5 + 0.1 x 0.5 = 1.55; 95th: h = 1.9 -> 2 + 0.9 x 0.25 = 2.225.
# Errors /90 (lower is better, so the axis runs from the 95th at the centre to the 5th at the
#   rim): 2/20 = 0.1, 1/30 = 0.0333, 3/11.11 = 0.27 -> 5th 0.04, 95th 0.253.
run_chart 0 "radar" radar "${cmp_fx[@]}" anna carl -o radar.png --script radar.gp --size 800x450
[ "$have_gnuplot" = 1 ] && expect_contains "$out" "wrote radar.png (radar chart, 800x450); script: radar.gp" "radar note"
expect_png radar.png 800x450 "radar"
expect_contains "$(cat radar.gp)" "axis_low[1] = 1.55" "radar tackles 5th percentile"
expect_contains "$(cat radar.gp)" "axis_high[1] = 2.225" "radar tackles 95th percentile"
expect_contains "$(cat radar.gp)" "axis_low[3] = 0.253" "radar errors: 95th at the centre"
expect_contains "$(cat radar.gp)" "axis_high[3] = 0.04" "radar errors: 5th at the rim"
expect_num_eq "$(block radar.gp radar | head -1)" "$(printf '1\t2\t5\t0.1\t60\t90.9091')" "radar: Anna's raw values"
expect_contains "$(cat radar.gp)" "subtitle_text = 'Against Alpha League centre-backs, 900+ min (n=3)" "radar subtitle names the pool"
expect_contains "$(cat radar.gp)" "credits_text = 'Data: stats.csv | Chart: scoutlab'" "credits default to the file name"
run_chart 2 "radar with one player" radar "${cmp_fx[@]}" anna -o r1.png
run_chart 2 "radar with an unknown axis" radar "${cmp_fx[@]}" anna carl --axes "Tackles won,Speed" -o r2.png
expect_contains "$err" "no stat 'Speed' in the centre-back profile" "unknown axis named"

# ---- percentiles: the compare module's numbers (tests/data/compare expectations) ----------
run_chart 0 "percentiles" percentiles "${cmp_fx[@]}" "carl dane" -o pct.png --script pct.gp --size 1200x675
expect_png pct.png 1200x675 "percentiles"
# Carl: tackles p16.7 (1.5), clearances p66.7 (5), errors p83.3 (0.0333), aerial % p83.3 (75).
expect_num_eq "$(block pct.gp bars | awk -F'\t' '{printf "%s %.1f %.4g|", $1, $3, $4}')" \
  "1 16.7 1.5|2 66.7 5|3 83.3 0.03333|4 83.3 75|5 83.3 93.75|" "percentiles: Carl's percentiles and values"
# The values beside the bars are written as the percentiles table writes them (one rule), and an
# inverted stat says so.
table=$("$SCOUTLAB" percentiles "${cmp_fx[@]}" "carl dane" 2>/dev/null | awk '/^  [A-Z]/ {for (i = 1; i < NF; i++) if ($(i + 1) == "p") {print $i; break}}' | tr '\n' '|')
labels=$(sed -n "s/^value_label\[\([0-9]*\)\] = '\(.*\)'$/\2/p" pct.gp | tr '\n' '|')
expect_eq "$labels" "$table" "percentiles chart: values as the table writes them"
expect_contains "$(cat pct.gp)" "Errors (fewer is better)" "percentiles chart: the inverted stat named as such"

# ---- scatter: a profile stat against a raw column (per 90) -----------------------------------
run_chart 0 "scatter" scatter "${cmp_fx[@]}" --x "Tackles won" --y PrgR --highlight "Anna Stone" -o sc.png --script sc.gp
expect_png sc.png 1200x675 "scatter"
# Anna: PrgR 10 in 20 nineties = 0.5 per 90; tackles 2 per 90.
expect_contains "$(block sc.gp pool)" "$(printf '\t2\t0.5\t1')" "scatter: Anna highlighted at (2, 0.5)"
expect_contains "$(cat sc.gp)" "ylabel_text = 'PrgR per 90'" "scatter: a column is taken per 90"
run_chart 1 "scatter with an unknown stat" scatter "${cmp_fx[@]}" --x "Tackles won" --y Speed --highlight anna -o sc2.png
expect_contains "$err" "no stat 'Speed'" "scatter: unknown stat named"

# ---- squad and importance (tests/data/squad: Alpha FC) ---------------------------------------
run_chart 0 "squad" squad "${sq_fx[@]}" "alpha fc" --contracts "$SL_TEST_DATA/squad/contracts.csv" --season 2024-25 \
  --min-share 0 -o squad.png --script squad.gp
expect_png squad.png 1200x675 "squad"
# Carl Back's contract runs to 30 June 2027: two years after the 2024-25 season ends.
expect_contains "$(cat squad.gp)" "contract[2] = '2027'" "squad: contract end label"
expect_contains "$(cat squad.gp)" "name[2] = 'Carl Back'" "squad: ranked order (Carl second)"
run_chart 0 "importance" importance "${sq_fx[@]}" "Alpha FC" --top 3 -o imp.png --script imp.gp
expect_png imp.png 1200x675 "importance"
expect_contains "$(cat imp.gp)" "n_players = 3" "importance: --top 3"
# Segments are weight x score, so each row adds up to the squad command's total (Carl: 69.7
# with contracts and values; without them his total is the squad command's own).
carl_total=$("$SCOUTLAB" squad "${sq_fx[@]}" "Alpha FC" --format csv | awk -F, '$2=="Carl Back"{print $8}')
expect_num_eq "$(block imp.gp importance | awk -F'\t' '$1==2{s=0; for(i=2;i<=NF;i++) s+=$i; printf "%.2f", s}')" "$carl_total" \
  "importance: Carl's segments add up to his total"
run_chart 1 "unknown club" squad "${sq_fx[@]}" "Alpah FC" -o bad.png
expect_contains "$err" "did you mean: Alpha FC" "squad: did-you-mean"
# --highlight: the player asked about is ringed and in bold; one below the top is added under it,
# his rank in the subtitle; without a club his own club is drawn; a player of another club is
# refused with his club named; squad --player --chart rings him.
run_chart 0 "squad, highlighted" squad "${sq_fx[@]}" --highlight "dan reserve" --min-share 0.5 -o sqh.png --script sqh.gp
expect_contains "$(cat sqh.gp)" "name[4] = 'Dan Reserve'" "squad: Dan (20% of minutes) drawn though under --min-share 0.5"
expect_contains "$(cat sqh.gp)" "highlighted[4] = 1" "squad: Dan ringed"
expect_contains "$(cat sqh.gp)" "highlighted[3] = 0" "squad: only Dan ringed"
expect_contains "$(cat sqh.gp)" "title_text = 'Alpha FC: who plays" "squad: his club without naming it"
run_chart 0 "importance, highlighted below the top" importance "${sq_fx[@]}" "Alpha FC" --top 2 --highlight "Dan Reserve" \
  -o imph.png --script imph.gp
expect_contains "$(cat imph.gp)" "n_players = 3" "importance: the top 2 and Dan"
expect_contains "$(cat imph.gp)" "player_name[3] = 'Dan Reserve'" "importance: Dan last"
expect_contains "$(cat imph.gp)" "highlighted[3] = 1" "importance: his row marked"
expect_contains "$(cat imph.gp)" "the 2 most important of 6 players and Dan Reserve (5th)" "importance: his rank"
run_chart 1 "highlight of another club" squad "${sq_fx[@]}" "Alpha FC" --highlight "Bob Beta" -o bad.png
expect_contains "$err" "Bob Beta plays for Beta FC, not Alpha FC" "squad: another club's player named"
expect_eq "$([ -e bad.png ] && echo exists || echo absent)" absent "no chart for a refused highlight"
"$SCOUTLAB" squad "${sq_fx[@]}" --player "Carl Back" --chart sqp.svg --format json >sqp.json 2>sqp.err
expect_eq "$?" 0 "squad --player --chart"
expect_contains "$(head -c 40 sqp.json)" '{"schema"' "squad --player --chart: the JSON on stdout untouched"
expect_contains "$(cat sqp.err)" "wrote sqp.svg (squad chart" "squad --player --chart: his club drawn"

# ---- fee model on the demo transfers ------------------------------------------------------
fit_out=$("$SCOUTLAB" fit --transfers "$SL_DATASETS/transfers.csv" --holdout-from 2022 --folds 1 -o demo.slm)
expect_eq "$?" 0 "demo model fitted"
# The chart refits on the seasons before 2022 exactly as fit's time split does: same deals, same
# coverage of the interval.
n_test=$(printf '%s\n' "$fit_out" | sed -n 's/.*test on \([0-9]*\) from 2022.*/\1/p')
coverage=$(printf '%s\n' "$fit_out" | awk '/time split/{f=1} f && $1=="model" && NF==7 {print $NF; exit}')
run_chart 0 "fees" fees --model demo.slm --holdout-from 2022 --player "Lewis Yarley" --data "$SL_DATASETS/values.csv" \
  --bid 12m -o fees.png --script fees.gp
expect_png fees.png 1200x675 "fees"
expect_eq "$(block fees.gp transfers | wc -l | tr -d ' ')" "$n_test" "fees: every held-out deal drawn"
expect_contains "$(cat fees.gp)" "holds $coverage" "fees: interval coverage as fit measured it"
expect_contains "$(cat fees.gp)" "bid_eur = 1.2e+07" "fees: the bid marked"
# The key lists only what is drawn: no player entry without a player, no asked fee without a bid.
run_chart 0 "fees, no player" fees --model demo.slm --holdout-from 2022 -o fees-none.svg
expect_contains "$(cat fees-none.svg)" "Held-out transfer" "fees without a player: the transfers in the key"
[[ "$(cat fees-none.svg)" != *"Player: estimate"* && "$(cat fees-none.svg)" != *"Asked fee"* ]] ||
  fail "fees without a player: no player or asked-fee entry in the key"
run_chart 0 "fees, no bid" fees --model demo.slm --holdout-from 2022 --player "Lewis Yarley" --data "$SL_DATASETS/values.csv" \
  -o fees-nobid.svg
expect_contains "$(cat fees-nobid.svg)" "Player: estimate and interval" "fees without a bid: the player in the key"
[[ "$(cat fees-nobid.svg)" != *"Asked fee"* ]] || fail "fees without a bid: no asked-fee entry in the key"
# Each axis its own range: x from the estimates, y from the fees paid and the intervals.
awk -F' = ' '$1=="x_low_eur"{x=$2} $1=="y_low_eur"{y=$2} END{exit !(x > 0 && y > 0 && x >= y)}' fees.gp ||
  fail "fees: both axis ranges written, the estimates' no wider than the fees'"
# The player's estimate is value's fair fee (same model, same attributes).
fair=$("$SCOUTLAB" value --model demo.slm --player "Lewis Yarley" --data "$SL_DATASETS/values.csv" --format json |
  sed -n 's/.*"fair_fee": \([0-9.e+]*\),.*/\1/p' | head -1)
expect_num_eq "$(awk -F' = ' '$1=="estimate_eur"{printf "%.5g", $2}' fees.gp)" "$(awk -v f="$fair" 'BEGIN{printf "%.5g", f}')" \
  "fees: the player's estimate is value's fair fee"
run_chart 0 "age curve" age-curve --model demo.slm --player "Lewis Yarley" --data "$SL_DATASETS/values.csv" \
  --contract-until 2027 -o age.png --script age.gp
expect_png age.png 1200x675 "age curve"
expect_contains "$(cat age.gp)" "whatif_text = 'What if contract months +24'" "age curve: contract what-if by default"
expect_num_eq "$(awk -F' = ' '$1=="player_fee_eur"{printf "%.5g", $2}' age.gp)" \
  "$("$SCOUTLAB" value --model demo.slm --player "Lewis Yarley" --data "$SL_DATASETS/values.csv" --contract-until 2027 --format json |
    sed -n 's/.*"fair_fee": \([0-9.e+]*\),.*/\1/p' | head -1 | awk '{printf "%.5g", $1}')" "age curve: the marked fee is value's"
# A what-if the model cannot see (no contract term) would draw a second line on the first, with a
# legend entry that says nothing: refused, saying why.
"$SCOUTLAB" fit --transfers "$SL_DATASETS/transfers.csv" --folds 1 --terms "age,age^2,position,log_mv" -o nocontract.slm \
  >/dev/null 2>&1 || fail "a model without the contract term"
run_chart 2 "age curve: a what-if that changes nothing" age-curve --model nocontract.slm --player "Lewis Yarley" \
  --data "$SL_DATASETS/values.csv" --what-if contract-until=2029 -o same.png
expect_contains "$err" "the what-if 'contract-until=2029' changes no fee at any age: the fee model has no term it changes" \
  "age curve: the useless what-if said"
[ -e same.png ] && fail "age curve: a chart left behind for a refused what-if"
run_chart 1 "fees: unknown player" fees --model demo.slm --player "Lewis Yarly" --data "$SL_DATASETS/values.csv" -o bad.png
expect_contains "$err" "did you mean: Lewis Yarley" "fees: did-you-mean"
run_chart 1 "fees: holdout after the last season" fees --model demo.slm --holdout-from 2030 -o bad.png
expect_contains "$err" "holdout from 2030 leaves" "fees: empty held-out side explained"

# ---- the script: removed after success unless asked for, kept when gnuplot is missing -------
if [ "$have_gnuplot" = 1 ]; then
  run_chart 0 "no --script" percentiles "${cmp_fx[@]}" anna -o keep.png
  [ -e keep.gp ] && fail "the temporary script keep.gp was left behind"
fi
out=$(TMPDIR=$PWD/tmpdir SCOUTLAB_GNUPLOT=/nonexistent/gnuplot "$SCOUTLAB" chart percentiles "${cmp_fx[@]}" anna -o missing.png 2>err.txt); st=$?
expect_eq "$st" 3 "gnuplot missing, TMPDIR absent: exit 3 (no temporary script can be made)"
mkdir -p tmpdir
out=$(TMPDIR=$PWD/tmpdir SCOUTLAB_GNUPLOT=/nonexistent/gnuplot "$SCOUTLAB" chart percentiles "${cmp_fx[@]}" anna -o missing.png 2>err.txt); st=$?
expect_eq "$st" 4 "gnuplot missing: exit 4"
expect_contains "$(cat err.txt)" "gnuplot not found" "gnuplot missing: said so"
expect_contains "$(cat err.txt)" "the chart script was kept: $PWD/tmpdir/scoutlab-chart-" "gnuplot missing: temporary script kept and named"
ls tmpdir/scoutlab-chart-*.gp >/dev/null 2>&1 || fail "the temporary script was not kept"
[ -e missing.gp ] && fail "no script may be written next to the chart unless asked"
[ -e missing.png ] && fail "no chart may be left when gnuplot is missing"

# ---- files scoutlab did not create are never overwritten or deleted (issue 18) ----------------
printf '# my own edited script\n' >mine.gp
cp mine.gp mine.gp.orig
if [ "$have_gnuplot" = 1 ]; then
  run_chart 0 "chart -o mine.png beside a user's mine.gp" percentiles "${cmp_fx[@]}" anna -o mine.png
  cmp -s mine.gp mine.gp.orig || fail "a pre-existing mine.gp was changed or removed by chart -o mine.png"
fi
run_chart 2 "--script equal to the stats input" percentiles "${cmp_fx[@]}" anna -o x.png --script "$SL_TEST_DATA/compare/stats.csv"
expect_contains "$err" "the script is the same file as the input" "--script = input: said so"
run_chart 2 "--script equal to the template" percentiles "${cmp_fx[@]}" anna -o x.png --script "$SL_PLOTS/percentiles.gp"
expect_contains "$err" "the script is the same file as the chart template" "--script = template: said so"
run_chart 2 "--script equal to the template, by another path" percentiles "${cmp_fx[@]}" anna -o x.png --script "$SL_PLOTS/../plots/percentiles.gp"
run_chart 2 "--script equal to -o" percentiles "${cmp_fx[@]}" anna -o same.svg --script same.svg
run_chart 2 "fees: --script equal to the model" fees --model demo.slm -o f.png --script demo.slm
cmp -s "$SL_PLOTS/percentiles.gp" "$SL_TESTS/../plots/percentiles.gp" || fail "the template was touched"

# ---- issue 16: a name of 300 quotes and backslashes (the old label escaper recursed once per
# character and overflowed gnuplot's stack); the squad chart labels every player ---------------
long=$(printf "'\\\\%.0s" $(seq 1 150))
awk -v n="$long" -F, 'BEGIN{OFS=","} NR==3{$1="\"" n "\""} {print}' "$SL_TEST_DATA/squad/stats.csv" >quotes.csv
if [ "$have_gnuplot" = 1 ]; then
  run_chart 0 "squad with a 300-character name of quotes and backslashes" squad --stats quotes.csv \
    --profiles "$SL_TEST_DATA/squad/profiles.csv" --no-overrides "alpha fc" --min-share 0 -o quotes.svg --script quotes.gp
  expect_contains "$(cat quotes.svg)" "$(printf "'\\\\%.0s" $(seq 1 20))" "the long name is drawn literally"
fi

# ---- usage ---------------------------------------------------------------------------------
run_chart 2 "unknown chart type" pie "${cmp_fx[@]}" anna -o x.png
expect_contains "$err" "unknown chart type 'pie'" "unknown type named"
run_chart 2 "no -o" percentiles "${cmp_fx[@]}" anna
run_chart 2 "bad size" percentiles "${cmp_fx[@]}" anna -o x.png --size 10x10
run_chart 2 "bad extension" percentiles "${cmp_fx[@]}" anna -o x.jpg
run_chart 1 "unknown player" percentiles "${cmp_fx[@]}" "anna stonne" -o x.png
expect_contains "$err" "did you mean" "percentiles: did-you-mean"
"$SCOUTLAB" chart --help | grep -q "age-curve" || fail "chart --help lists the types"

# ---- --chart on compare, squad and value --------------------------------------------------
if [ "$have_gnuplot" = 1 ]; then
  "$SCOUTLAB" compare "${cmp_fx[@]}" anna carl --chart c.png >/dev/null 2>err.txt
  expect_eq "$?" 0 "compare --chart"
  expect_png c.png 1200x675 "compare --chart"
  "$SCOUTLAB" squad "${sq_fx[@]}" "alpha fc" --chart s.png >/dev/null 2>err.txt
  expect_eq "$?" 0 "squad --chart"
  expect_png s.png 1200x675 "squad --chart"
  "$SCOUTLAB" value --model demo.slm --player "Lewis Yarley" --data "$SL_DATASETS/values.csv" --bid 12m --chart v.png >/dev/null 2>err.txt
  expect_eq "$?" 0 "value --chart"
  expect_png v.png 1200x675 "value --chart"
fi
"$SCOUTLAB" squad "${sq_fx[@]}" --league "Test League" --chart s2.png >/dev/null 2>&1
expect_eq "$?" 2 "squad --league --chart: a league is no squad chart"
finish
