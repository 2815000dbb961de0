# scoutlab compare / percentiles / similar on the hand-made fixture (tests/data/compare/): the
# CSV output (numbers to a relative 1e-12, text exactly) (values and percentiles worked out in tests/unit/test_compare.c), messages and exit
# statuses for unknown, ambiguous and misused names.
. "$SL_TESTS/cli/lib.sh"
d="$SL_TEST_DATA/compare"
common=(--stats "$d/stats.csv" --profiles "$d/profiles.csv" --no-overrides --pool league)

got=$("$SCOUTLAB" compare "${common[@]}" anna carl "emile faure" --format csv); st=$?
expect_eq "$st" 0 "compare exit status"
exp='stat,group,kind,better,Anna Stone value,Anna Stone percentile,Anna Stone peers,Carl Dane value,Carl Dane percentile,Carl Dane peers,Émile Faure value,Émile Faure percentile,Émile Faure peers
Tackles won,defending,per90,higher,2,50,3,1.5,16.66666667,3,2.1,75,2
Clearances,defending,per90,higher,5,66.66666667,3,5,66.66666667,3,5,75,2
Errors,defending,per90,lower,0.1,50,3,0.03333333333,83.33333333,3,0.05,25,2
Aerial win %,aerial,rate,higher,60,50,3,75,83.33333333,3,46.15384615,25,2
Pass completion %,passing,rate,higher,90.90909091,50,3,93.75,83.33333333,3,88.49557522,25,2'
expect_num_eq "$got" "$exp" "compare csv"

got=$("$SCOUTLAB" compare "${common[@]}" anna carl); st=$?
expect_contains "$got" "Alpha League, n=3" "table shows the pool"
expect_contains "$got" "centre-back (inferred)" "table labels inferred positions"

got=$("$SCOUTLAB" compare "${common[@]}" anna "Carl Dain" 2>&1); st=$?
expect_eq "$st" 1 "unknown player exit status"
expect_contains "$got" "no player 'Carl Dain'; did you mean: Carl Dane" "did you mean"

got=$("$SCOUTLAB" compare "${common[@]}" anna martin 2>&1); st=$?
expect_eq "$st" 2 "ambiguous name exit status (SL_EAMBIG)"
expect_contains "$got" "'martin' matches 2 players: Leo Martin (Club C, born 1995); Leo Martin (Club F, born 2001)" "ambiguous list"

got=$("$SCOUTLAB" compare "${common[@]}" anna 2>&1); st=$?
expect_eq "$st" 2 "one name is a usage error"
got=$("$SCOUTLAB" compare anna carl 2>&1); st=$?
expect_eq "$st" 2 "missing --stats"
expect_contains "$got" "--stats FILE is required" "missing --stats message"
got=$("$SCOUTLAB" compare "${common[@]}" anna carl --pool "" 2>&1); st=$?
expect_eq "$st" 2 "empty pool"

# Every row read is used or skipped with a reason (JSON and --verbose).
got=$("$SCOUTLAB" percentiles "${common[@]}" "Leo Martin (1995)" --format json); st=$?
expect_eq "$st" 0 "percentiles json"
expect_contains "$got" '"skipped_rows":[{"line":9,"reason":"no player name"}' "json lists skipped rows"
got=$("$SCOUTLAB" percentiles "${common[@]}" anna --verbose 2>&1 >/dev/null)
expect_contains "$got" "skipped line 9: no player name" "verbose lists skipped rows"
expect_contains "$got" "position full-back for Bruno Costa (Club B): inferred: crosses+PrgR 7.00/90 >= 2.0" "verbose explains inference"

# Per-club rows on request.
got=$("$SCOUTLAB" percentiles "${common[@]}" "Emile Faure (Club E)" --per-club --format csv | grep '^Aerial')
# Club E row alone: Won% 10/40 = 25; Beta pool = that row (1200 min) and Kai (66.7) -> 0.5/2
expect_num_eq "$got" "Aerial win %,aerial,rate,higher,25,25,2" "per-club row"

# Similar: order from similar_expected.py; value filter needs --values.
got=$("$SCOUTLAB" similar "${common[@]}" --pool all anna -k 2 --format csv); st=$?
expect_eq "$st" 0 "similar exit"
expect_num_eq "$(printf '%s\n' "$got" | awk -F, '{print $1","$2","$NF}')" 'rank,player,distance
1,"Émile Faure",0.710509
2,"Carl Dane",1.063608' "similar csv"
got=$("$SCOUTLAB" similar "${common[@]}" --pool all anna --max-value 5m 2>&1); st=$?
expect_eq "$st" 2 "--max-value without --values"
got=$("$SCOUTLAB" similar "${common[@]}" --pool all anna --max-value 5m --max-age 29 --values "$d/values.csv" --format csv)
expect_eq "$(printf '%s\n' "$got" | tail -n +2 | cut -d, -f2)" '"Kai Lund"' "filters: only Kai"

# Untrusted names in similar's CSV and Markdown: quotes doubled, a formula made text, a pipe or
# an HTML tag unable to break the Markdown table.
inj=$(mktemp -d)
sed 's/^Carl Dane,/"=HYPERLINK(""http:\/\/x"",""C|<b>D<\/b>"")",/' "$d/stats.csv" > "$inj/stats.csv"
got=$("$SCOUTLAB" similar --stats "$inj/stats.csv" --profiles "$d/profiles.csv" --no-overrides anna -k 2 --format csv)
expect_contains "$got" $'\n2,"\'=HYPERLINK(""http://x"",""C|<b>D</b>"")","Club C",' "similar csv: quoted, formula neutralised"
got=$("$SCOUTLAB" similar --stats "$inj/stats.csv" --profiles "$d/profiles.csv" --no-overrides anna -k 2 --format md)
expect_contains "$got" '| 2 | =HYPERLINK\("http://x","C\|\<b\>D\</b\>"\) | Club C |' "similar md: pipe escaped, no raw HTML"
rm -rf "$inj"
# One pool for every player by default (a non-Big-5 file: every league present), stated once;
# a player below the minimum minutes keeps his values and gets a small-sample mark, no percentile.
nopool=(--stats "$d/stats.csv" --profiles "$d/profiles.csv" --no-overrides)
got=$("$SCOUTLAB" compare "${nopool[@]}" anna carl dario); st=$?
expect_eq "$st" 0 "default pool exit status"
expect_contains "$got" "centre-backs with >= 900 minutes in all leagues (Alpha League, Beta League)" "default pool stated"
expect_eq "$(printf '%s\n' "$got" | grep -c 'all leagues, n=5')" 1 "one pool for every player"
expect_contains "$got" "small sample: Dario Ek has 450 minutes (< 900)" "small sample named"
expect_contains "$got" "4.00  (ss)" "small sample: value, no percentile"
got=$("$SCOUTLAB" compare "${nopool[@]}" anna dario --format csv | grep '^Tackles won')
expect_num_eq "$got" "Tackles won,defending,per90,higher,2,50,5,4,,5" "csv: no percentile below the minimum"
got=$("$SCOUTLAB" compare "${nopool[@]}" anna dario --min-minutes 400)
expect_contains "$got" "4.00  p 92*" "lowered threshold: ranked, flagged"
got=$("$SCOUTLAB" compare "${nopool[@]}" anna carl --pool "Alpha Leage" 2>&1); st=$?
expect_eq "$st" 2 "unknown pool league is a usage error"
expect_contains "$got" 'no league "Alpha Leage" in the stats; did you mean "Alpha League"' "pool did you mean"
# A list of leagues as typed, without spaces, is stated as a list.
got=$("$SCOUTLAB" percentiles "${nopool[@]}" anna --pool "Beta League,Alpha League" 2>&1)
expect_contains "$got" "minutes in Beta League, Alpha League" "a pool list stated with spaces"
got=$("$SCOUTLAB" similar "${nopool[@]}" anna --leagues "Beta Leag" 2>&1); st=$?
expect_eq "$st" 2 "unknown --leagues league"
expect_contains "$got" 'did you mean "Beta League"' "--leagues did you mean"
got=$("$SCOUTLAB" similar "${nopool[@]}" anna --pool "Beta League" --format json); st=$?
expect_eq "$st" 0 "similar --pool"
expect_contains "$got" '"population":2' "similar --pool sets the z-score population"
# --stats-list: columns as in the file (per 90), a profile label (its rate parts), ':total', ':low',
# a role. Anna's TklW 40 / 20 nineties = 2.0 against {1.5, 1.8, 2.0, 2.1, 2.25} -> (2 + 0.5)/5 = 50.
got=$("$SCOUTLAB" compare "${nopool[@]}" anna carl --stats-list "TklW,Aerial win %,Clr:total,Err:low,minutes" --format csv); st=$?
expect_eq "$st" 0 "stats-list exit status"
expect_eq "$got" 'stat,group,kind,better,Anna Stone value,Anna Stone percentile,Anna Stone peers,Carl Dane value,Carl Dane percentile,Carl Dane peers
TklW,,per90,higher,2,50,5,1.5,10,5
Aerial win %,aerial,rate,higher,60,50,5,75,90,5
Clr,,total,higher,100,60,5,150,90,5
Err,,per90,lower,0.1,30,5,0.03333333333,70,5
minutes,,total,higher,1800,60,5,2700,90,5' "stats-list csv"
got=$("$SCOUTLAB" percentiles "${nopool[@]}" anna --stats-list "TklW,Clrr" 2>&1); st=$?
expect_eq "$st" 2 "unknown stat is a usage error"
expect_contains "$got" 'no stat "Clrr" among the number columns of the stats or the profiles'"'"' stats; did you mean: Clr' "stat did you mean"
got=$("$SCOUTLAB" similar "${nopool[@]}" anna --stats-list "TklW,Clr:bogus" 2>&1); st=$?
expect_eq "$st" 2 "unknown modifier"
got=$("$SCOUTLAB" similar "${nopool[@]}" anna --stats-list "TklW,Clr" --format json); st=$?
expect_eq "$st" 0 "similar with a stats list"
expect_contains "$got" '"profile":"chosen"' "similar uses the chosen stats"
# Markdown gives the age as the table does.
got=$("$SCOUTLAB" compare --stats "$SL_DATASETS/players.csv" --season 2024 "Tobías Quirandel" "Tomás Escillo" --format md 2>/dev/null)
expect_contains "$got" "| age | 26 | 27 |" "compare md: the age row"
finish
