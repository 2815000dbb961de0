# Every chart type from the real files in ../shared/data (skipped when absent): Balerdi among
# Ligue 1 centre-backs, Marseille's squad, the transfers-tm fee model. Checks the numbers the
# charts carry against the facts in ../shared/data/README.md and the commands' own output, and
# that each PNG comes out at the requested size (skipped without gnuplot).
. "$SL_TESTS/cli/lib.sh"
need_shared fbref-big5-2024-25/players_data-2024_2025.csv
need_shared transfers-tm
need_shared tm-values-2023/france.csv
cd "$(mktemp -d)" || exit 1
trap 'rm -rf "$PWD"' EXIT
big5="$SL_SHARED_DATA/fbref-big5-2024-25/players_data-2024_2025.csv"
have_gnuplot=1
command -v "${SCOUTLAB_GNUPLOT:-gnuplot}" >/dev/null 2>&1 || { have_gnuplot=0; echo "note: gnuplot not found: PNG checks skipped" >&2; }
want=0
[ "$have_gnuplot" = 1 ] || want=4
png_size() {
  [ "$(od -An -tx1 -N8 "$1" 2>/dev/null | tr -d ' \n')" = "89504e470d0a1a0a" ] || { echo "not a PNG"; return; }
  od -An -tu1 -j16 -N8 "$1" | awk '{printf "%dx%d\n", $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}'
}
chart() { # what file.png args... (1200x675, the README size)
  local what=$1 png=$2
  shift 2
  "$SCOUTLAB" chart "$@" -o "$png" --script "${png%.png}.gp" --size 1200x675 >/dev/null 2>err.txt
  expect_eq "$?" "$want" "$what: exit status"
  [ "$have_gnuplot" = 1 ] && expect_eq "$(png_size "$png")" 1200x675 "$what: PNG size"
  [ -s "${png%.png}.gp" ] || fail "$what: script not written"
}
# The pool size percentiles reports for Balerdi (extra arguments: pool options).
pool_size() {
  "$SCOUTLAB" percentiles --stats "$big5" "Leonardo Balerdi" "$@" --format json 2>/dev/null |
    grep -o '"size":[0-9]*' | head -1 | cut -d: -f2
}
block() { awk -v b="\$$2 << EOD" '$0==b{f=1;next} /^EOD$/{f=0} f' "$1"; }

# Radar: Balerdi, 2,183 minutes, 103 progressive passes -> 103 / (2183/90) = 4.2464 per 90.
chart radar radar.png radar --stats "$big5" "Leonardo Balerdi" "Lucas Beraldo" "Willian Pacho" \
  --axes "Tackles won,Interceptions,Clearances,Aerial win %,Pass completion %,Progressive passes"
expect_contains "$(cat radar.gp)" "axis_label[6] = 'Progressive passes per 90'" "radar axes as asked"
expect_num_eq "$(block radar.gp radar | awk -F'\t' '$1==1{print $7}')" "4.24645" "radar: Balerdi's progressive passes per 90"
# Aerial win % = 39 / (39 + 20) = 66.1%.
expect_num_eq "$(block radar.gp radar | awk -F'\t' '$1==1{printf "%.1f", $5}')" "66.1" "radar: Balerdi's aerial win %"
# The subtitle names the pool the axes were drawn from, as percentiles names it (323 Big-5
# centre-backs by default, 60 in Ligue 1 with --pool league; percentiles --format json says the same).
big5_text="Big 5 (Bundesliga, La Liga, Ligue 1, Premier League, Serie A) centre-backs, 900+ min"
expect_contains "$(cat radar.gp)" "Against $big5_text (n=$(pool_size))" "radar: the shared Big-5 pool"
chart radar radar-league.png radar --stats "$big5" "Leonardo Balerdi" "Lucas Beraldo" "Willian Pacho" --pool league
expect_contains "$(cat radar-league.gp)" "Against Ligue 1 centre-backs, 900+ min (n=$(pool_size --pool league))" \
  "radar: the league pool"
expect_contains "$(cat radar.gp)" "2024/25" "radar: season from the file name, written as the tables write it"

# Percentiles: the same numbers as scoutlab percentiles.
chart percentiles pct.png percentiles --stats "$big5" "Leonardo Balerdi"
pct=$("$SCOUTLAB" percentiles --stats "$big5" "Leonardo Balerdi" --format csv | awk -F, 'NR==2{printf "%.4g", $6}')
expect_num_eq "$(block pct.gp bars | awk -F'\t' 'NR==1{printf "%.4g", $3}')" "$pct" "percentiles: first stat's percentile as the command's"

chart scatter scatter.png scatter --stats "$big5" --x "Progressive passes" --y Interceptions \
  --highlight "Leonardo Balerdi,Lucas Beraldo"
expect_eq "$(block scatter.gp pool | awk -F'\t' '$4>0' | wc -l | tr -d ' ')" 2 "scatter: two highlighted"

# Squad: Marseille, ranked as scoutlab squad ranks it.
chart squad squad.png squad --stats "$big5" marseille
first=$("$SCOUTLAB" squad --stats "$big5" marseille --format csv | awk -F, 'NR==2{gsub(/"/,"",$2); print $2}')
expect_contains "$(cat squad.gp)" "name[1] = '$first'" "squad: most important first"
chart importance importance.png importance --stats "$big5" marseille
expect_contains "$(cat importance.gp)" "n_players = 15" "importance: top 15 by default"

# Fee model: fitted here; the chart's held-out set is fit's time split from 2017. The time split
# is refitted by the chart as fit refits it (its inner split chooses season level, half-life 2 on
# the seasons to 2016); the full model's recency is fixed to the same choice, without the search.
fit_out=$("$SCOUTLAB" fit --transfers "$SL_SHARED_DATA/transfers-tm" --holdout-from 2017 --folds 1 \
  --season-mode level --half-life 2 -o tm.slm)
n_test=$(printf '%s\n' "$fit_out" | sed -n 's/.*test on \([0-9]*\) from 2017.*/\1/p')
# the time split's "model" row: deals, log-RMSE, R2, MdAPE, +-25%, +-50%, coverage, width
coverage=$(printf '%s\n' "$fit_out" | awk '/^time split/{f=1} f && $1=="model" {print $(NF-1); exit}')
[ -n "$coverage" ] || fail "fit printed the time split's coverage"
player=(--player Balerdi --data "$SL_SHARED_DATA/tm-values-2023/france.csv" --age 26 --position CB --window 2025)
chart fees fees.png fees --model tm.slm --holdout-from 2017 "${player[@]}" --bid 25m
expect_eq "$(block fees.gp transfers | wc -l | tr -d ' ')" "$n_test" "fees: the held-out deals of fit's time split"
expect_contains "$(cat fees.gp)" "holds $coverage" "fees: coverage as fit measured it"
expect_contains "$(cat fees.gp)" "credits_text = 'Data: transfers-tm (" "fees: credits name the transfer data"
# Token fees far under every interval (EUR 100-1,000) sit on the bottom edge, counted in the
# caption: as many as the drawn fees under the y range's floor.
ylow=$(awk -F' = ' '$1=="y_low_eur"{print $2}' fees.gp)
n_low=$(block fees.gp transfers | awk -v f="$ylow" '$3 > 0 && $3 < f+0 {n++} END {print n+0}')
awk -v n="$n_low" 'BEGIN { exit !(n >= 1 && n <= 30) }' || fail "fees: a few token fees under the floor ($n_low)"
expect_contains "$(cat fees.gp)" "on the bottom edge: $n_low fees under" "fees: the caption counts them"
# His estimate is the whole model's, and its season lies beyond the training seasons: said.
expect_contains "$(cat fees.gp)" "Balerdi''s estimate: the model of 2003-20, season 2025 beyond it" "fees: the estimate's model and its extrapolation"
chart age-curve age.png age-curve --model tm.slm "${player[@]}" --what-if market-value=20m
expect_contains "$(cat age.gp)" "player_age = 26" "age curve: Balerdi marked at 26"
# Named with the window he is valued for, not "now", and on the side away from the estimate
# line, which falls after 26: above it, to his right.
expect_contains "$(cat age.gp)" "player_text = 'Leonardo Balerdi, summer 2025: €" "age curve: the window valued"
expect_contains "$(cat age.gp)" "player_label_above = 1" "age curve: his name above the falling line"
expect_contains "$(cat age.gp)" "player_label_right = 1" "age curve: to his right"
# A goalkeeper's style measures (no better side) are grey slices marked "(style)", not ratings;
# a player under the pool's minutes is "not ranked", said in the subtitle.
chart "pizza: a goalkeeper" don.png pizza --stats "$big5" Donnarumma
expect_contains "$(cat don.gp)" "25.2 · 4th pct (style)" "pizza: goal-kick length marked as style"
expect_contains "$(cat don.gp)" "13.9% · 3rd pct (style)" "pizza: Launch % (a raw column) written as a percentage"
expect_eq "$(awk '/^\$pizza << EOD/ {on = 1; next} /^EOD/ {on = 0} on && $5 == 1' don.gp | wc -l)" 3 "pizza: three style slices"
chart "pizza: few minutes" cam.png pizza --stats "$big5" Camarda
expect_contains "$(cat cam.gp)" "his 161 minutes are under the pool''s 900: values shown, not ranked" "pizza: few minutes said"
expect_contains "$(cat cam.gp)" "0.22 · not ranked" "pizza: a value without a percentile"
# The percentile chart says it whole: its second subtitle line is not cut (the value clause,
# which the value column's header repeats, gives way to the small-sample one).
chart "percentiles: few minutes" campct.png percentiles --stats "$big5" Camarda
expect_contains "$(grep '^subtitle2_text' campct.gp)" "values shown, not ranked'" "percentiles: few minutes said, not cut"
# A bar is red when its percentile as printed is 80 or more: Donnarumma's goals against, 79.7,
# reads "80" and is red, as the caption promises (it was blue, judged on 79.7).
chart "percentiles: a keeper" donpct.png percentiles --stats "$big5" Donnarumma
expect_contains "$(cat donpct.gp)" "	79.7" "percentiles: a percentile of 79.7 on the chart"
if [ "$have_gnuplot" = 1 ]; then
  rule=$(grep -E '^(strong|rgb_int|bar_colour)' "$SL_PLOTS/percentiles.gp" | paste -sd';' -)
  got=$("${SCOUTLAB_GNUPLOT:-gnuplot}" -e "neutral_bar='#000001'; highlight='#000002'; base_bar='#000003'; $rule; print bar_colour(79.7, 0), bar_colour(79.4, 0), bar_colour(95, 1)" 2>&1)
  expect_eq "$got" "2 3 1" "percentiles: 79.7 takes the highlight, 79.4 does not, a style measure is grey"
fi
# A player under the pool's minutes (Bremer, 540) is marked in the legend and the subtitle says
# what it means: a radar drawn from few minutes, bars not drawn at all.
chart "radar: few minutes" rbr.png radar --stats "$big5" "Leonardo Balerdi" Bremer
expect_contains "$(cat rbr.gp)" "player_name[2] = 'Gleison Bremer (540 min)'" "radar: few minutes in the legend"
expect_contains "$(cat rbr.gp)" "Bremer''s 540 minutes are under the pool''s 900: drawn from few minutes" "radar: said"
expect_contains "$(cat rbr.gp)" "player_name[1] = 'Leonardo Balerdi'" "radar: a regular keeps his name"
# Two dots that would hide one another are moved apart sideways, each within 0.35 years of his
# age: Hakimi (player 1) and Donnarumma (player 7), both 26 with two thirds of PSG's minutes.
chart "squad: coincident dots" sqpsg.png squad --stats "$big5" "Paris S-G"
awk '/^\$squad << EOD/ {on = 1; next} /^EOD/ {on = 0} on && ($1 == 1 || $1 == 7) {a[$1] = $2}
     END {d = a[1] - a[7]; if (d < 0) d = -d; exit !(d >= 0.1 && a[1] > 25.6 && a[1] < 26.4 && a[7] > 25.6 && a[7] < 26.4)}' sqpsg.gp ||
  fail "squad: Hakimi's and Donnarumma's dots not moved apart within their age"
expect_contains "$(cat sqpsg.gp)" "name[7] = 'Gianluigi Donnarumma'" "squad: Donnarumma is player 7"
# The importance chart's name column widens for the longest name: every name whole.
chart "importance: long names" imppsg.png importance --stats "$big5" "Paris S-G" --highlight Kvaratskhelia
expect_contains "$(cat imppsg.gp)" "player_name[16] = 'Khvicha Kvaratskhelia'" "importance: the highlighted name whole"
expect_contains "$(cat imppsg.gp)" "'Gianluigi Donnarumma'" "importance: a long name whole"
# A keeper's style measures are marked on the radar too: further out is more, not better.
chart "radar: keepers" gkr.png radar --stats "$big5" Maignan Donnarumma
expect_contains "$(cat gkr.gp)" "axis_label[8] = 'Launch % (style)'" "radar: a style measure marked"
chart "bars: few minutes" bbr.png bars --stats "$big5" "Leonardo Balerdi" Bremer
expect_contains "$(cat bbr.gp)" "Bremer''s 540 minutes are under the pool''s 900: not ranked, no bars" "bars: said"
# A January mover's leagues, both of them (Kvaratskhelia: Napoli then Paris S-G), on the chart and
# in the table.
chart "percentiles: a January mover" kva.png percentiles --stats "$big5" Kvaratskhelia
expect_contains "$(cat kva.gp)" "subtitle_text = 'Napoli, Paris S-G, Serie A, Ligue 1, 2024/25" "percentiles chart: both leagues"
expect_contains "$("$SCOUTLAB" percentiles --stats "$big5" Kvaratskhelia 2>/dev/null)" "Serie A, Ligue 1" "percentiles table: both leagues"
# A long stat name is on two lines, never cut with an ellipsis (a journalist's chart).
expect_contains "$(cat don.gp)" "axis_text[3] = 'Goals against per 90'" "pizza: a long name's first line"
expect_contains "$(cat don.gp)" "axis_text2[3] = '(fewer is better)'" "pizza: and its second"
expect_eq "$(grep -c '^axis_text.*…' don.gp)" 0 "pizza: no stat name cut"
finish
