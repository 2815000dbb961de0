# scoutlab compare / percentiles / similar on the real FBref Big-5 2024/25 file (skipped when
# absent). Per-90 = total / (Min / 90), by hand: Balerdi 35 TklW / (2183/90) = 1.442968392,
# 39 / (39 + 20) aerials = 66.10169492 %, 2288 / 2439 passes = 93.80893809 %; percentiles against
# the 60 Ligue 1 centre-backs with >= 900 minutes agree with tests/data/compare/big5_expected.py.
. "$SL_TESTS/cli/lib.sh"
need_shared fbref-big5-2024-25/players_data-2024_2025.csv
B="$SL_SHARED_DATA/fbref-big5-2024-25/players_data-2024_2025.csv"

got=$("$SCOUTLAB" compare --stats "$B" "Leonardo Balerdi" "Willian Pacho" "Marquinhos" --profile centre-back --pool league --format csv); st=$?
expect_eq "$st" 0 "compare exit status"
expect_num_eq "$(printf '%s\n' "$got" | grep '^Tackles won,')" \
  "Tackles won,defending,per90,higher,1.442968392,87.5,60,1.410381978,84.16666667,60,1.035108959,59.16666667,60" "tackles won"
expect_num_eq "$(printf '%s\n' "$got" | grep '^Aerial win %,')" \
  "Aerial win %,aerial,rate,higher,66.10169492,70.83333333,60,51.85185185,12.5,60,64.58333333,64.16666667,60" "aerial win %"
expect_num_eq "$(printf '%s\n' "$got" | grep '^Pass completion %,')" \
  "Pass completion %,passing,rate,higher,93.80893809,94.16666667,60,94.75357711,97.5,60,94.80296973,99.16666667,60" "pass completion %"
expect_num_eq "$(printf '%s\n' "$got" | grep '^Progressive passes,')" \
  "Progressive passes,passing,per90,higher,4.24644984,74.16666667,60,2.203721841,17.5,60,7.518159806,99.16666667,60" "progressive passes"

got=$("$SCOUTLAB" compare --stats "$B" balerdi bremer --pool all)
expect_contains "$got" "Ligue 1" "table shows league"
expect_contains "$got" "all leagues, n=323" "all-league pool"

got=$("$SCOUTLAB" similar --stats "$B" "Leonardo Balerdi" --format json); st=$?
expect_eq "$st" 0 "similar exit status"
n_cb=$(printf '%s\n' "$got" | grep -o '"group":"centre-back"' | wc -l)
n_all=$(printf '%s\n' "$got" | grep -o '"group":"[a-z-]*"' | wc -l)
expect_eq "$n_cb" 10 "ten centre-backs"
expect_eq "$n_all" 10 "nothing but centre-backs"

if [ -d "$SL_SHARED_DATA/tm-values-2023" ]; then
  got=$("$SCOUTLAB" similar --stats "$B" "Leonardo Balerdi" --max-age 25 --max-value 15m \
        --values "$SL_SHARED_DATA/tm-values-2023" --format json)
  expect_contains "$got" '"similar":[{' "younger and cheaper list is not empty"
  too_old=$(printf '%s\n' "$got" | grep -o '"age":[0-9.]*,"minutes"' | tr -d ',"a-z' | awk -F: '$2 > 25' | wc -l)
  expect_eq "$too_old" 0 "no one older than 25"
fi
# One Big-5 pool for the whole table by default; misspelt leagues are usage errors with a hint.
got=$("$SCOUTLAB" compare --stats "$B" "Leonardo Balerdi" "William Saliba" "Luiz Felipe" 2>/dev/null); st=$?
expect_eq "$st" 0 "default pool exit status"
expect_contains "$got" "in Big 5 (Bundesliga, La Liga, Ligue 1, Premier League, Serie A)" "Big-5 pool stated"
expect_eq "$(printf '%s\n' "$got" | grep -o 'Big 5, n=[0-9]*' | sort -u | wc -l)" 1 "one pool size for every player"
expect_contains "$got" "small sample: Luiz Felipe has 77 minutes (< 900)" "Luiz Felipe flagged"
lf=$(printf '%s\n' "$got" | grep '^  Tackles won' | grep -o '(ss)' | wc -l)
expect_eq "$lf" 1 "Luiz Felipe: value without percentile"
got=$("$SCOUTLAB" compare --stats "$B" balerdi saliba --pool Ligue1 2>&1); st=$?
expect_eq "$st" 2 "--pool Ligue1 exit status"
expect_contains "$got" 'did you mean "Ligue 1"' "--pool Ligue1 suggests Ligue 1"
got=$("$SCOUTLAB" similar --stats "$B" balerdi --leagues Ligue1 2>&1); st=$?
expect_eq "$st" 2 "similar --leagues Ligue1 exit status"
expect_contains "$got" 'did you mean "Ligue 1"' "similar --leagues Ligue1 suggests Ligue 1"
got=$("$SCOUTLAB" similar --stats "$B" balerdi --pool "Ligue 1" --format json 2>/dev/null)
expect_eq "$(printf '%s\n' "$got" | grep -o '"league":"[^"]*"' | sort -u)" '"league":"Ligue 1"' "similar --pool Ligue 1: Ligue 1 candidates only"
# Several seasons from fbref-big5-yearly: Balerdi season by season (minutes as SOURCE.txt says),
# two seasons pooled (per 90 = (50 + 39) tackles won / ((2271 + 2273) / 90) = 1.762764085), and
# two players of different seasons in one table. A yearly folder without --seasons is refused.
Y="$SL_SHARED_DATA/fbref-big5-yearly"
if [ -d "$Y/standard" ]; then
  got=$("$SCOUTLAB" percentiles --stats "$Y" --seasons 2020-2024 "Leonardo Balerdi" --stats-list "TklW,minutes" --format csv 2>/dev/null); st=$?
  expect_eq "$st" 0 "percentiles --seasons exit status"
  expect_contains "$got" "Leonardo Balerdi 2020/21 value" "season by season: 2020/21 column"
  expect_contains "$got" "Leonardo Balerdi 2024/25 value" "season by season: 2024/25 column"
  mins=$(printf '%s\n' "$got" | grep '^minutes,' | cut -d, -f5,17)
  expect_eq "$mins" "1634,2273" "minutes 2020/21 and 2024/25"
  got=$("$SCOUTLAB" percentiles --stats "$Y" --seasons 2023-2024 --pool-seasons balerdi --stats-list "TklW,minutes" --format csv 2>/dev/null)
  expect_contains "$got" "TklW,,per90,higher,1.762764085," "pooled: sum of totals over sum of minutes"
  expect_contains "$got" "minutes,,total,higher,4544," "pooled minutes"
  got=$("$SCOUTLAB" compare --stats "$Y" --seasons 2022-2024 "Leonardo Balerdi (2022/23)" "Willian Pacho (2024/25)" 2>/dev/null); st=$?
  expect_eq "$st" 0 "compare across seasons"
  expect_contains "$got" "Leonardo Balerdi 2022/23" "Balerdi's season named"
  expect_contains "$got" "Willian Pacho 2024/25" "Pacho's season named"
  got=$("$SCOUTLAB" percentiles --stats "$Y" balerdi 2>&1); st=$?
  expect_eq "$st" 2 "yearly folder without --seasons"
fi
# Shortlist: centre-backs like Balerdi, at most 26, fair fee under 15m from a fee model; what each
# filter removed is said; the current club of a two-club player is the one he played most for.
if [ -d "$SL_SHARED_DATA/transfers-tm" ] && [ -d "$SL_SHARED_DATA/tm-values-2023" ]; then
  tmp=$(mktemp -d)
  # the model only: no k-fold, the inner split's choice on these deals fixed (no search)
  "$SCOUTLAB" fit --transfers "$SL_SHARED_DATA/transfers-tm" --folds 1 --season-mode level --half-life 2 -o "$tmp/tm.slm" >/dev/null 2>&1
  got=$("$SCOUTLAB" similar --stats "$B" "Leonardo Balerdi" --model "$tmp/tm.slm" --values "$SL_SHARED_DATA/tm-values-2023" \
        --max-age 26 --max-fee 15m --format json 2>/dev/null); st=$?
  expect_eq "$st" 0 "similar --max-fee exit status"
  expect_contains "$got" '"similar":[{' "shortlist not empty"
  expect_eq "$(printf '%s\n' "$got" | grep -o '"group":"[a-z-]*"' | sort -u)" '"group":"centre-back"' "only centre-backs"
  fees_over=$(printf '%s\n' "$got" | grep -o '"no_fee":[0-9]*' | cut -d: -f2)
  expect_eq "$([ "${fees_over:-0}" -gt 0 ] && echo yes)" yes "players without a fair fee counted"
  txt=$("$SCOUTLAB" similar --stats "$B" "Leonardo Balerdi" --model "$tmp/tm.slm" --values "$SL_SHARED_DATA/tm-values-2023" \
        --max-age 26 --max-fee 15m 2>/dev/null)
  expect_contains "$txt" "fair fee above the limit" "fee filter reported"
  expect_contains "$txt" "no fair fee" "no-fee count reported"
  over=$(printf '%s\n' "$txt" | grep -E '^ ?[0-9]+  ' | grep -oE '€[0-9,]+$' | tr -d '€,' | awk '$1 >= 15000000' | wc -l)
  expect_eq "$over" 0 "every fair fee under 15m"
  rm -rf "$tmp"
fi
got=$("$SCOUTLAB" similar --stats "$B" "Leonardo Balerdi" -k 300 --format json 2>/dev/null)
expect_contains "$got" '"name":"Anthony Rouault","club":"Stuttgart","clubs":"Rennes, Stuttgart"' "current club: most minutes"
got=$("$SCOUTLAB" similar --stats "$B" balerdi --max-fee 15m 2>&1); st=$?
expect_eq "$st" 2 "--max-fee without --model"
# A rate from fewer than 5 attempts is marked: Maignan's penalty save %, one save in two.
got=$("$SCOUTLAB" percentiles --stats "$B" "Mike Maignan" -q)
expect_contains "$got" "Penalty save %                                 50.0%  p 86~" "the few attempts marked"
expect_contains "$got" "~ = a rate from fewer than 5 attempts" "and explained"
expect_contains "$(printf '%s\n' "$got" | grep 'Save %  ')" "p 76 " "Save % (100+ shots) unmarked"
# ... and said in JSON and tidy CSV: two penalties faced, too few; his save % of 100+ shots not.
got=$("$SCOUTLAB" percentiles --stats "$B" "Mike Maignan" -q --format json)
expect_contains "$got" '"stat":"Penalty save %","group":"shot stopping","kind":"rate","better":"higher","value":50,' "json: the penalty save %"
expect_contains "$got" '"peers":113,"attempts":2,"few":true}' "json: two attempts, few"
expect_num_eq "$(printf '%s\n' "$got" | sed 's/.*"stat":"Save %"[^}]*"attempts":\([0-9.e+]*\),"few":false}.*/\1/')" 128 \
  "json: Save % from 128 shots on target, not few" --rel 1e-12
got=$("$SCOUTLAB" percentiles --stats "$B" "Mike Maignan" -q --format tidy)
expect_contains "$got" ',Penalty save %,shot stopping,rate,higher,50,' "tidy: the penalty save %"
expect_contains "$(printf '%s\n' "$got" | grep ',Penalty save %,')" ',113,2,1' "tidy: two attempts, few"
# A player of another group is said to be one, not "outside" (van Dijk is in the Big 5).
got=$("$SCOUTLAB" compare --stats "$B" "Erling Haaland" "Virgil van Dijk" -q)
expect_contains "$got" "Big 5, n=342 (not a winger-forward: ranked among them)" "van Dijk among the forwards, said so"
# A January mover (Kvaratskhelia: Napoli 1,178 minutes, then Paris S-G 826) is one entry of his
# season: his two clubs named are one player, said, not printed twice; one entry per club apart.
got=$("$SCOUTLAB" compare --stats "$B" "Kvaratskhelia (Napoli)" "Kvaratskhelia (Paris S-G)" -q 2>&1); st=$?
expect_eq "$st" 2 "one player named twice: usage status"
expect_contains "$got" "'Kvaratskhelia (Napoli)' and 'Kvaratskhelia (Paris S-G)' are one player, Khvicha Kvaratskhelia, his season at Napoli, Paris S-G combined: compare his clubs apart with one entry per club row (--per-club)" \
  "one player named twice: said"
got=$("$SCOUTLAB" compare --stats "$B" --per-club "Kvaratskhelia (Napoli)" "Kvaratskhelia (Paris S-G)" -q --format csv)
expect_contains "$(printf '%s\n' "$got" | head -1)" "stat,group,kind,better,Khvicha Kvaratskhelia (Napoli) value," \
  "per club: the clubs tell the columns apart"
expect_contains "$got" "Shots,shooting,per90,higher,3.743633277," "per club: Napoli's shots per 90 (1,178 minutes)"
got=$("$SCOUTLAB" squad --stats "$B" --player Kvaratskhelia -q 2>&1); st=$?
expect_eq "$st" 2 "squad: a two-club player asks which club"
expect_contains "$got" "'Kvaratskhelia' is Khvicha Kvaratskhelia, who played for 2 clubs this season (Napoli, Paris S-G), one entry each" \
  "squad: one person at two clubs, not two players"
finish
