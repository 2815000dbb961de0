# hostile_names.sh - a player name that tries to act on the terminal and on Markdown (issue 16):
# ESC ] 0 ; title BEL (sets the window title), a CR (returns to the line start), a line break
# inside the quoted field, an image "![x](http://e)" and "| fake | row |". Tables, notes and
# messages show it escaped (\x1b, \x07, \r, \n), Markdown outputs escape its markup; the exact
# lines are asserted for compare, percentiles, similar, squad and the report, and no output
# holds a raw ESC, BEL or CR.
. "$SL_TESTS/cli/lib.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1

# The name as a quoted CSV field; replaces the name `from` at the start of the rows of a file.
with_evil_name() { # from file
  awk -v from="$1" 'BEGIN { evil = "\"Evil \033]0;pwned\007One \r| fake | row |\n![x](http://e) End\"" }
    index($0, from ",") == 1 { $0 = evil substr($0, length(from) + 1) } { print }' "$2"
}
# Fails when the text holds a raw ESC, BEL or CR.
expect_no_controls() { # text what
  if printf '%s' "$1" | LC_ALL=C grep -q "$(printf '[\033\007\r]')"; then fail "$2: a raw control character"; fi
}
shown='Evil \x1b]0;pwned\x07One \r| fake | row |\n![x](http://e) End'
md='Evil \x1b\]0;pwned\x07One  \| fake \| row \| \!\[x\]\(http://e\) End'

d="$SL_TEST_DATA/compare"
with_evil_name "Anna Stone" "$d/stats.csv" > stats.csv
c=(--stats stats.csv --profiles "$d/profiles.csv" --no-overrides --pool league)

out=$("$SCOUTLAB" compare "${c[@]}" evil carl 2>&1); st=$?
expect_eq "$st" 0 "compare: exit status"
expect_no_controls "$out" "compare"
expect_eq "$(printf '%s\n' "$out" | grep '^player')" \
  "player                  $shown   Carl Dane                                                       " "compare: the player row"
out=$("$SCOUTLAB" compare "${c[@]}" evil carl --format md 2>&1)
expect_no_controls "$out" "compare md"
expect_eq "$(printf '%s\n' "$out" | head -1)" "| centre-back | $md | Carl Dane |" "compare md: the header row"

out=$("$SCOUTLAB" percentiles "${c[@]}" evil 2>&1)
expect_no_controls "$out" "percentiles"
expect_eq "$(printf '%s\n' "$out" | grep '^player')" "player                  $shown   " "percentiles: the player row"

out=$("$SCOUTLAB" similar "${c[@]}" --pool all carl -k 1 2>&1)
expect_no_controls "$out" "similar"
expect_eq "$(printf '%s\n' "$out" | tail -1)" \
  " 1  $shown Club A                Alpha League      25  centre-back (inferred)      1800           n/a     1.064" \
  "similar: the hit row (a long name still ends its column)"
out=$("$SCOUTLAB" similar "${c[@]}" --pool all evil -k 1 2>/dev/null)
expect_eq "$(printf '%s\n' "$out" | head -1)" "stats season unknown" "similar: the seasons line first"
expect_eq "$(printf '%s\n' "$out" | sed -n 2p)" \
  "players like $shown (centre-back, Club A, Alpha League): RMS (Euclidean) distance of z-scores over 5 centre-back stats" \
  "similar: the heading"
out=$("$SCOUTLAB" similar "${c[@]}" --pool all carl -k 1 --format md 2>&1)
expect_eq "$(printf '%s\n' "$out" | tail -1)" "| 1 | $md | Club A | Alpha League | 25 | centre-back | 1800 |  | 1.0636 |" \
  "similar md: the hit row"

# A message quoting the name is escaped as the tables are.
out=$("$SCOUTLAB" compare "${c[@]}" "evil one" "evil onf" 2>&1)
expect_no_controls "$out" "compare: did-you-mean message"

fx="$SL_TEST_DATA/squad"
with_evil_name "Carl Back" "$fx/stats.csv" > squad.csv
s=(--stats squad.csv --profiles "$fx/profiles.csv" --no-overrides)
out=$("$SCOUTLAB" squad "${s[@]}" "alpha fc" 2>&1)
expect_no_controls "$out" "squad"
expect_eq "$(printf '%s\n' "$out" | grep '^   2 ')" \
  "   2 $shown  centre-back     1440 0.800  71.3    83.0    53.0    75.4    43.5   100.0       -" "squad: the player row"
out=$("$SCOUTLAB" squad "${s[@]}" "alpha fc" --format md 2>&1)
expect_no_controls "$out" "squad md"
expect_contains "$out" "|    2 | $md | centre-back" "squad md: the player row"
out=$("$SCOUTLAB" squad "${s[@]}" --player "evil one" 2>&1)
expect_eq "$(printf '%s\n' "$out" | head -1)" "$shown - Alpha FC, Test League, centre-back (inferred), age 27" "squad --player: the heading"
out=$("$SCOUTLAB" squad "${s[@]}" --player "evil one" --format md 2>&1)
expect_eq "$(printf '%s\n' "$out" | head -1)" "## $md - Alpha FC, Test League, centre-back (inferred), age 27" "squad --player md: the heading"

# The report's Markdown: the title, his row in the squad table, and the terminal summary.
D="$SL_DATASETS"
for f in players values contracts; do with_evil_name "Tobías Quirandel" "$D/$f.csv" > "$f.csv"; done
"$SCOUTLAB" fit --transfers "$D/transfers.csv" --holdout-from 2022 -o m.slm > /dev/null 2>&1
out=$("$SCOUTLAB" report --quiet --player "evil one" --bid 25m --stats players.csv --season 2024 --values values.csv \
  --contracts contracts.csv --model m.slm -o r --format md 2>&1); st=$?
expect_eq "$st" 0 "report: exit status"
expect_no_controls "$out" "report summary"
expect_eq "$(printf '%s\n' "$out" | sed -n 3p)" \
  'Evil \x1b]0;pwned\x07One  | fake | row | ![x](http://e) End: is €25m a realistic fee?' "report summary: the title on one line"
expect_no_controls "$(cat r/report.md)" "report.md"
expect_eq "$(head -1 r/report.md)" "# $md: is €25m a realistic fee?" "report.md: the title"
expect_eq "$(grep -c '^| Evil' r/report.md)" 1 "report.md: one table row holds the name"
expect_contains "$(cat r/report.md)" "| $md | 26 |" "report.md: his row in the squad table"
expect_eq "$(grep -cE '^(\| fake|!\[x\])' r/report.md)" 0 "report.md: no line starts with the name's markup"
# ... its HTML: the controls shown as text, never raw (a viewer or a terminal `cat` obeys them);
# a bidirectional override is shown, not obeyed (it would reverse what follows).
"$SCOUTLAB" report --quiet --no-charts --player "evil one" --bid 25m --stats players.csv --season 2024 --values values.csv \
  --contracts contracts.csv --model m.slm -o rh --format html >/dev/null 2>&1
expect_no_controls "$(cat rh/report.html)" "report.html"
expect_contains "$(cat rh/report.html)" 'Evil \x1b]0;pwned\x07One \r| fake | row |<br>![x](http://e) End' "report.html: the name shown"
# CSV outputs (predict's default, squad --format csv...) go to terminals too: controls shown.
out=$("$SCOUTLAB" squad "${s[@]}" "alpha fc" --format csv 2>&1)
expect_no_controls "$out" "squad csv"
expect_contains "$out" 'Evil \x1b]0;pwned\x07One \r| fake | row |' "squad csv: the name shown"
printf 'name,club,minutes\n"A\342\200\256B",X FC,900\n' > bidi.csv
out=$("$SCOUTLAB" squad --stats bidi.csv "X FC" --format csv 2>&1)
expect_contains "$out" 'A\u202eB' "squad csv: a bidi override shown as \\u202e"
finish
