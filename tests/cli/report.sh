# scoutlab report on the bundled demo data: the files, the sections, and numbers that must be
# the same numbers the single commands print (value, squad, percentiles).
. "$SL_TESTS/cli/lib.sh"
D="$SL_DATASETS"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
common=(--stats "$D/players.csv" --season 2024 --values "$D/values.csv" --contracts "$D/contracts.csv")

"$SCOUTLAB" fit --transfers "$D/transfers.csv" --holdout-from 2022 -o "$tmp/m.slm" > /dev/null 2>&1
expect_eq "$?" 0 "fit the demo model"

out=$("$SCOUTLAB" report --quiet --player "tobias quirandel" --bid 25m "${common[@]}" --model "$tmp/m.slm" -o "$tmp/r" 2>&1)
expect_eq "$?" 0 "report exit status"
expect_contains "$out" "wrote $tmp/r/report.html" "html written"
expect_contains "$out" "wrote $tmp/r/report.md" "markdown written"
md=$(cat "$tmp/r/report.md")
for section in "## Verdict" "## Why" "## The player" "## His squad" "### What would replace him cost" "## Method and data"; do
  expect_contains "$md" "$section" "section $section"
done
expect_contains "$md" "# Tobías Quirandel: is €25m a realistic fee?" "title with the bid"
# The similar table's caption names the pool similar searched (the demo has no Big-5 league: all).
expect_contains "$md" "z-scored role stats over all leagues \\(Aurelian Premier League" "similar caption: its pool"
# The method describes the model that valued him: its terms, deals, recency and interval.
fitted=$("$SCOUTLAB" fit --transfers "$D/transfers.csv" --holdout-from 2022 -o "$tmp/m2.slm" 2>/dev/null | sed -n 's/^fee model: log(fee) on //p')
method=$(printf '%s\n' "$md" | sed -n '/^## Method and data/,/^## Data/p' | sed 's/\\//g')
expect_contains "$method" "log transfer fee on $fitted, fitted on 2738 past permanent transfers" "method: the model's terms and deals"
expect_contains "$method" "the expected fee is the mean of the predictive distribution" "method: the mean as value computes it"
expect_contains "$method" "one pool for every player" "method: the percentiles' shared pool"
ls "$tmp/r" | grep -q partial && fail "a temporary file was left behind"
# The data section: a saved model's deals, not "rows read" it does not store.
expect_contains "$md" "the 2738 deals the saved model was fitted on" "data: the saved model's deals"

# Charts are drawn from any working directory (the templates found as chart finds them), and
# a chart that cannot be drawn is said on standard error, not only in the report's caveats.
if command -v gnuplot >/dev/null; then
  (cd "$tmp" && "$SCOUTLAB" report --quiet --player "Tobías Quirandel" "${common[@]}" --model "$tmp/m.slm" -o elsewhere >/dev/null 2>&1)
  expect_eq "$(ls "$tmp/elsewhere/charts" 2>/dev/null | grep -c '\.png$')" 5 "report run outside the source tree: its 5 charts"
  out=$(cd "$tmp" && SCOUTLAB_PLOTDIR="$tmp/none" "$SCOUTLAB" report --player "Tobías Quirandel" "${common[@]}" \
    --model "$tmp/m.slm" -o nocharts 2>&1)
  expect_contains "$out" "scoutlab report: warning: charts left out: " "charts that cannot be drawn: said"
fi

# The fee: scoutlab value with the same attributes gives the same median and probability.
val=$("$SCOUTLAB" value --model "$tmp/m.slm" --player "Tobías Quirandel" --age 26 --position CB \
  --league "Valmorian Ligue" --club "Olympique Sabreval" --season 2024 --market-value 18m --contract-until 2027-06-30 \
  --minutes-share 0.87712418300653594 --bid 25m 2>&1)
median=$(printf '%s\n' "$md" | awk -F'|' '/^\| €/ {gsub(/ /, "", $2); print $2; exit}')
expect_contains "$val" "$median" "report median $median equals scoutlab value"
p=$(printf '%s\n' "$md" | awk -F'|' '/^\| €/ {gsub(/ /, "", $6); print $6; exit}')
expect_contains "$val" "$p" "P(fair fee >= bid) $p equals scoutlab value"

# Importance: the same total and ranks as scoutlab squad.
sq=$("$SCOUTLAB" squad "${common[@]}" --player "Tobías Quirandel" 2>&1)
total=$(printf '%s\n' "$sq" | sed -n 's/^importance \([0-9.]*\) \/ 100.*/\1/p')
expect_contains "$md" "**Importance $total / 100**" "importance $total equals scoutlab squad"
expect_contains "$md" "Rank 2 of 23 at Olympique Sabreval" "rank in squad"

# Percentiles: the interceptions row equals scoutlab percentiles, each with its default pool
# (one rule: the shared pool of the whole table).
pc=$("$SCOUTLAB" percentiles --stats "$D/players.csv" --season 2024 --values "$D/values.csv" "Tobías Quirandel" \
  --format csv 2>/dev/null | grep '^Interceptions,')
v=$(printf '%s' "$pc" | cut -d, -f5); pct=$(printf '%s' "$pc" | cut -d, -f6)
row=$(printf '%s\n' "$md" | grep '^| Interceptions |')
expect_contains "$row" "$(printf '%.2f' "$v")" "interceptions per 90 as scoutlab percentiles ($v)"
expect_contains "$row" "$(printf '%.0f' "$pct")" "interceptions percentile as scoutlab percentiles ($pct)"

# The club report.
out=$("$SCOUTLAB" report --quiet --club sabreval "${common[@]}" --model "$tmp/m.slm" -o "$tmp/c" --format md 2>&1)
expect_eq "$?" 0 "club report"
expect_contains "$(cat "$tmp/c/report.md")" "| 2 | Tobías Quirandel | centre-back | 26 |" "club table row"
[ -e "$tmp/c/report.html" ] && fail "--format md wrote html"

# Errors: unknown player (did you mean), missing options, an output path that is a file.
out=$("$SCOUTLAB" report --quiet --player "Quirandell" "${common[@]}" --model "$tmp/m.slm" -o "$tmp/x" 2>&1); st=$?
expect_eq "$st" 1 "unknown player exit status"
expect_contains "$out" "did you mean" "did you mean"
out=$("$SCOUTLAB" report --player X --stats "$D/players.csv" -o "$tmp/x" 2>&1); st=$?
expect_eq "$st" 2 "no model: usage"
expect_contains "$out" "give --transfers FILE (to fit the fee model) or --model M.slm" "no model message"
# A player under the pool's minutes (Vasco Tavares, 756): the players found like him and the radar
# beside them say that his per-90 figures rest on few minutes.
out=$("$SCOUTLAB" report --quiet --player "Vasco Tavares" "${common[@]}" --model "$tmp/m.slm" -o "$tmp/few" --format md 2>&1)
expect_eq "$?" 0 "report on a player with few minutes"
few=$(sed 's/\\//g' "$tmp/few/report.md")
expect_contains "$few" "at least 900 minutes). His per-90 figures rest on 756 minutes, under the pool's 900: the likeness is rough." \
  "few minutes: the similar players' caption says so"
expect_contains "$few" "raw values on the axes. His per-90 figures rest on 756 minutes" "few minutes: the radar's caption too"
expect_not_contains "$md" "the likeness is rough" "a regular's report has no such caveat"
touch "$tmp/file"
out=$("$SCOUTLAB" report --quiet --player X "${common[@]}" --model "$tmp/m.slm" -o "$tmp/file" 2>&1); st=$?
expect_eq "$st" 3 "output is a file: I/O status"
expect_contains "$out" "exists and is not a directory" "output is a file message"
finish
