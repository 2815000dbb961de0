#!/bin/bash
# fees_terms.sh - `scoutlab fit --terms` on the demo data (issue 15, declared terms): a wrong list
# is a usage error naming the column, with did-you-mean; a declared list fits, prints and saves
# its spline and interactions (format 4), and value, predict and fit's JSON read them back.
. "$(dirname "$0")/lib.sh"
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
cd "$W" || exit 1
T="$SL_DATASETS/transfers.csv"
py() { /usr/bin/python3 -c "$@"; }

out=$("$SCOUTLAB" fit --transfers "$T" -o x.slm --terms "age,age^2,log_vm" 2>&1); rc=$?
expect_eq "$rc" 2 "a misspelt variable is a usage error"
expect_contains "$out" "--terms \"age,age^2,log_vm\": term list, column 11: unknown variable 'log_vm' (did you mean 'log_mv'?)" \
  "the column and did-you-mean"
expect_contains "$out" "(see scoutlab fit --help)" "usage hint"
out=$("$SCOUTLAB" fit --transfers "$T" -o x.slm --terms "age,spline(log_mv,12)" 2>&1); rc=$?
expect_eq "$rc" 2 "too many knots"
expect_contains "$out" "column 19: 12 knots: expected 3 to 7" "the knot count's column"
out=$("$SCOUTLAB" fit --transfers "$T" -o x.slm --terms "position:buyer_league" 2>&1); rc=$?
expect_eq "$rc" 2 "factor:factor"
expect_contains "$out" "two factors cannot interact" "factor:factor message"
[ -e x.slm ] && fail "no model written after a usage error"

terms="age,age^2,position,buyer_league,seller_league,season,log_mv,spline(log_mv,4),log_mv:age,log_mv:buyer_league,contract,minutes"
"$SCOUTLAB" fit --transfers "$T" --until 2022 --holdout-from 2021 --folds 1 --terms "$terms" -o d.slm >fit.txt 2>fit.err
expect_eq "$?" 0 "declared fit"
fit=$(cat fit.txt)
expect_contains "$fit" "terms fitted:   age,age^2,position,buyer_league,seller_league,season,spline(log_mv,4),log_mv:age,log_mv:buyer_league,contract,minutes" \
  "log_mv and its spline are one term"
expect_contains "$fit" "log market value''" "the spline's second cubic part"
expect_contains "$fit" "log market value:buying league Castellan Primera" "numeric:factor column named as R"
expect_contains "$fit" "knots of log market value (spline):" "knots printed"
expect_eq "$(head -1 d.slm)" "scoutlab-fee-model 4" "a declared model is format 4"

"$SCOUTLAB" fit --transfers "$T" --until 2022 --folds 1 --terms "$terms" --format json -o j.slm >fit.json
expect_eq "$?" 0 "declared fit, JSON"
got=$(py 'import json,sys; d=json.load(open(sys.argv[1])); t=[x for x in d["terms"] if x["kind"] == "spline"][0]
i=[x for x in d["terms"] if x["kind"] == "interaction"]
print(d["terms_spec"].count(":"), t["variable"], len(t["knots"]), t["columns"], i[0]["partner"], i[1]["partner"],
      all(a < b for a, b in zip(t["knots"], t["knots"][1:])))' fit.json)
expect_eq "$got" "2 log_mv 4 3 age buyer_league True" "JSON terms: spline knots and interaction partners"

val=$("$SCOUTLAB" value --model d.slm --age 24 --position CB --market-value 12m --league "Valmorian Ligue" \
  --buyer-league "Aurelian Premier League" --season 2022 2>&1)
expect_eq "$?" 0 "value with a declared model"
expect_contains "$val" "log market value:buying league" "the interaction in the reasons"
expect_contains "$val" "EUR 12.00m, Aurelian Premier League" "its value in words"
vj=$("$SCOUTLAB" value --model d.slm --age 24 --position CB --market-value 12m --league "Valmorian Ligue" --format json)
got=$(printf '%s' "$vj" | py 'import json,sys; v=json.load(sys.stdin); print(len([c for c in v["contributions"] if ":" in c["term"]]))')
expect_eq "$got" "2" "two interaction terms in value's JSON reasons"

head -300 "$T" >few.csv
"$SCOUTLAB" predict --model d.slm few.csv >p.csv 2>p.err
expect_eq "$?" 0 "predict with a declared model"
got=$(py 'import csv,sys; r=list(csv.DictReader(open(sys.argv[1]))); print(sum(1 for x in r if x["fair_fee"]) > 200)' p.csv)
expect_eq "$got" "True" "predict values the rows"
# A column of the transfers file as a term: "scout grade" (here a copy of contract_months_left).
awk -F, 'BEGIN{OFS=","} NR==1{print $0",scout grade"; next} {print $0","$17}' "$T" >graded.csv
"$SCOUTLAB" fit --transfers graded.csv --folds 1 --terms "age,age^2,position,season,log_mv,column(scout grade),column(scout grade):age" \
  --format json -o g.slm >g.json
expect_eq "$?" 0 "fit with a column term"
got=$(py 'import json,sys; d=json.load(open(sys.argv[1])); print(d["terms_spec"], "|", d["terms"][4]["variable"], "|", d["terms"][5]["name"])' g.json)
expect_eq "$got" "age,age^2,position,season,log_mv,column(scout grade),column(scout grade):age | column(scout grade) | scout grade:age" \
  "the column term in fit's JSON"
{ head -1 graded.csv; grep "Tobías Quirandel" graded.csv | tail -1; } >player.csv
val=$("$SCOUTLAB" value --model g.slm --player "Tobías Quirandel" --data player.csv 2>&1)
expect_eq "$?" 0 "value reads the column from the player's row"
expect_contains "$val" "scout grade:age    23 x 23" "the column's value in the reasons"
head -50 "$T" >nograde.csv
out=$("$SCOUTLAB" predict --model g.slm nograde.csv 2>&1 >/dev/null)
expect_contains "$out" "nograde.csv: no column 'scout grade' (a term of the model): every row takes its training average" \
  "predict says once that the column is absent"
out=$("$SCOUTLAB" fit --transfers "$T" --folds 1 --terms "age,position,column(scout grade)" -o x2.slm 2>&1)
expect_contains "$out" "note: scout grade: no such column in the transfers files: term dropped" "an absent column is dropped with a note"
# The performance model values a player without a market value with its own column terms, read
# from his row in its own order: here the market-value model has column(x1),column(x2) and the
# performance model column(x2) alone, so reading the first model's first column (x1 = -3) as x2
# gave another fee than the performance model alone (EUR 17.1m against 15.0m before the fix).
py 'import csv, sys
r = list(csv.reader(open(sys.argv[1])))
w = csv.writer(open("cols.csv", "w", newline=""), lineterminator="\n")
w.writerow(r[0] + ["x1", "x2"])
for i, row in enumerate(r[1:]):
    w.writerow(row + ["%.3f" % (((i * 37) % 101) / 50 - 1), "%.3f" % (((i * 53) % 97) / 48 - 1)])' "$T"
base="age,age^2,position,buyer_league,seller_league,season"
"$SCOUTLAB" fit --transfers cols.csv --folds 1 --terms "$base,log_mv,column(x1),column(x2)" -o a.slm >/dev/null 2>&1
expect_eq "$?" 0 "market-value model with two column terms"
"$SCOUTLAB" fit --transfers cols.csv --folds 1 --no-market-value --stats "$SL_DATASETS/players.csv" \
  --terms "$base,minutes,starts,progressive,column(x2)" -o b.slm >/dev/null 2>&1
expect_eq "$?" 0 "performance model with one column term"
printf 'name,club,position,age,market_value,season,league,x1,x2\nTest Player,CD Montecalvo,Centre-Back,25,,2023,Castellan Primera,-3,3\n' >nomv.csv
both=$("$SCOUTLAB" value --model a.slm --performance-model b.slm --data nomv.csv --player "Test Player" 2>&1)
expect_contains "$both" "valued by the no-market-value performance model" "the performance model values him"
alone=$("$SCOUTLAB" value --model b.slm --data nomv.csv --player "Test Player" 2>&1)
expect_eq "$(printf '%s\n' "$both" | grep '^fair fee')" "$(printf '%s\n' "$alone" | grep '^fair fee')" \
  "the same fee through both models as through the performance model alone"
expect_contains "$both" "x2                         3 " "x2 read from his row, not x1"
"$SCOUTLAB" predict --model a.slm --performance-model b.slm --data nomv.csv >nomv_pred.csv 2>/dev/null
expect_eq "$?" 0 "predict with a performance model"
got=$(py 'import csv, sys; r = next(csv.DictReader(open(sys.argv[1]))); print(r["fair_fee"], r["valued_by"])' nomv_pred.csv)
expect_eq "$got" "$(printf '%s\n' "$both" | sed -n 's/^fair fee (median) *€\([0-9,]*\).*/\1/p' | tr -d ,) b.slm" \
  "predict values him as value does, and says by which model"
# A declared column of the stats (issue 15): fit reads it from each deal's season before, value
# and predict --data from the player's stats season, and they give one fee.
"$SCOUTLAB" fit --transfers "$T" --folds 1 --no-market-value --stats "$SL_DATASETS/players.csv" \
  --terms "$base,minutes,starts,progressive,column(xG),column(Cmp%)" -o s.slm >s.txt 2>&1
expect_eq "$?" 0 "fit with stats columns as terms"
expect_contains "$(cat s.txt)" "declared columns read from the stats (the season before): xG, Cmp%" "fit says where they come from"
expect_contains "$(cat s.txt)" "  Cmp%     " "Cmp% has a coefficient"
who=$(py 'import csv, sys
rows = [r for r in csv.DictReader(open(sys.argv[1])) if r["season"] == "2024" and r["Cmp%"] and float(r["Min"]) > 900]
names = [r["Player"] for r in rows]
p = next(r for r in rows if names.count(r["Player"]) == 1)
print(p["Player"] + "|" + p["Cmp%"])' "$SL_DATASETS/players.csv")
name=${who%|*} cmp=${who#*|}
val=$("$SCOUTLAB" value --model s.slm --data "$SL_DATASETS/players.csv" --player "$name" 2>&1)
expect_eq "$?" 0 "value with a stats column"
expect_contains "$val" "Cmp% from his 2024/25 stats: $(printf '%s' "$cmp" | sed 's/\.0$//')" "value reads his cell of the season"
"$SCOUTLAB" predict --model s.slm --data "$SL_DATASETS/players.csv" >sp.csv 2>/dev/null
got=$(py 'import csv, sys; print(next(r["fair_fee"] for r in csv.DictReader(open(sys.argv[1])) if r["player"] == sys.argv[2]))' sp.csv "$name")
expect_eq "$got" "$(printf '%s\n' "$val" | sed -n 's/^fair fee (median) *€\([0-9,]*\).*/\1/p' | tr -d ,)" \
  "predict --data gives value's fee"
# The buying club as a factor (buyer_club): format 5; value --buyer-club takes the model's
# spelling ("Bramcaster" is Bramcaster United), its league as the buying league, and says when a
# club is pooled or unknown; predict --score on the held-out season reproduces fit's time split.
clubs="age,age^2,position,buyer_league,seller_league,season,log_mv,buyer_club,contract,minutes"
"$SCOUTLAB" fit --transfers "$T" --until 2023 --holdout-from 2023 --folds 1 --terms "$clubs" -o c.slm >c.txt 2>&1
expect_eq "$?" 0 "fit with buyer_club"
expect_eq "$(head -1 c.slm)" "scoutlab-fee-model 5" "a buying-club model is format 5"
expect_contains "$(cat c.txt)" "  buying club Ambermouth City " "a club's level has a coefficient"
"$SCOUTLAB" fit --transfers "$T" --until 2022 --folds 1 --terms "$clubs" -o c22.slm >/dev/null 2>&1
vclub() { "$SCOUTLAB" value --model c22.slm --age 24 --position CB --market-value 12m --league "Valmorian Ligue" \
  --season 2022 --buyer-club "$@" 2>&1; }
full=$(vclub "Bramcaster United") short=$(vclub "Bramcaster")
expect_contains "$full" "buying club        Bramcaster United" "the club's level in the reasons"
expect_contains "$full" "buying league Aurelian Premier League: Bramcaster United's league in the training deals" \
  "the buying league from the club"
expect_eq "$(printf '%s\n' "$short" | grep '^fair fee')" "$(printf '%s\n' "$full" | grep '^fair fee')" \
  "another spelling of the club: the same fee"
few=$(vclub "Larkhaven Rangers")
expect_contains "$few" "Larkhaven Rangers has too few training deals for a buying-club level of its own" "a pooled club said"
expect_contains "$few" "buying club        other" "a pooled club at the level 'other'"
new=$(vclub "Nowhere FC")
expect_contains "$new" "Nowhere FC is not among the training deals' clubs" "an unknown club said"
lg=$(vclub "Bramcaster United" --buyer-league "Valmorian Ligue")
expect_contains "$lg" "buying league      Valmorian Ligue" "a stated buying league is kept"
# --what-if buyer-club=NAME is the same rule: the row equals the valuation with --buyer-club, in
# the club's other spelling too; a club the training deals never name is refused, not pooled.
wi=$("$SCOUTLAB" value --model c22.slm --age 24 --position CB --market-value 12m --league "Valmorian Ligue" \
  --season 2022 --what-if buyer-club=Bramcaster 2>&1)
expect_eq "$?" 0 "what-if buyer-club"
wi_fee=$(printf '%s\n' "$wi" | sed -n 's/^  buyer-club=Bramcaster *fair fee *\([^ ]*\) .*/\1/p')
club_fee=$(printf '%s\n' "$full" | sed -n 's/^fair fee (median) *\([^ ]*\).*/\1/p')
[ -n "$club_fee" ] || fail "value --buyer-club printed its fair fee"
expect_eq "$wi_fee" "$club_fee" "what-if buyer-club=Bramcaster: the fee of --buyer-club 'Bramcaster United'"
bad=$("$SCOUTLAB" value --model c22.slm --age 24 --position CB --market-value 12m --season 2022 \
  --what-if "buyer-club=Nowhere FC" 2>&1)
expect_eq "$?" 2 "what-if with an unknown club refused"
expect_contains "$bad" "what-if 'buyer-club=Nowhere FC': Nowhere FC is not among the model's training clubs" \
  "the unknown club named"
plain=$("$SCOUTLAB" value --model d.slm --age 24 --position CB --market-value 12m --buyer-club "Bramcaster United" 2>&1)
expect_contains "$plain" "the model that values him has no buying-club term" "a model without the term says so"
awk -F, 'NR == 1 || $14 == 2023' "$T" >t23.csv # column 14: season
"$SCOUTLAB" predict --model c22.slm t23.csv --score >c23.csv 2>c23.txt
expect_eq "$?" 0 "predict --score with a buying-club model"
fit_row=$(grep -A1 '^time split' c.txt | tail -1 | tr -s ' ')
pred_row=$(grep '^  model ' c23.txt | tr -s ' ')
[ -n "$fit_row" ] || fail "fit printed its time split"
expect_eq "$pred_row" "$fit_row" "predict on the held-out season reproduces fit's time split (the row's buying club)"
# At most 250 buying clubs get a level (the design's width stays bounded as the data grow): 300
# clubs with 26-32 deals each, 43 clubs at each count; the clubs tied at the cap are pooled
# together, so the 215 clubs with 28 deals or more keep levels (214 columns besides the reference).
py 'import random
random.seed(7)
with open("manyclubs.csv", "w") as f:
    f.write("club,name,age,position,market_value,fee,movement,season,is_loan,league\n")
    k = 0
    for c in range(300):
        for i in range(26 + c % 7):
            k += 1
            mv = random.choice([5e5, 1e6, 2e6, 5e6, 1e7])
            f.write("Club %03d,Player %d,%d,CB,%.0f,%.0f,in,%d,False,League %d\n" % (c, k, random.randint(18, 33), mv,
                    mv * random.lognormvariate(0, 0.5), 2015 + i % 5, c % 4))'
"$SCOUTLAB" fit --transfers manyclubs.csv --folds 1 --terms "age,buyer_club" --format json -o mc.slm >mc.json 2>/dev/null
expect_eq "$?" 0 "fit with 300 frequent buying clubs"
got=$(py 'import json, sys; d = json.load(open(sys.argv[1])); print([t["columns"] for t in d["terms"] if t["variable"] == "buyer_club"][0])' mc.json)
expect_eq "$got" "214" "the buying clubs capped at 250 levels, ties at the cap pooled"
# A model without market value compares itself with the market value for reference, saying it
# does not use it; its interval is not "of the player's market-value band".
out=$("$SCOUTLAB" fit --transfers "$T" --no-market-value --holdout-from 2023 -o nomv.slm 2>/dev/null)
expect_contains "$out" "  fee = market value (not in model)        607 " "no market value: the baseline for reference"
case "$out" in *"market-value band (the interval"*) fail "no market value: a market-value band named" ;; esac

# An old market value (issue 15, SL_WORKSPACE_MARKET_VALUE_OLD): stats of 2024/25 value for summer
# 2025; a value of 2023/24 or before (its season column, else the folder's name when the file's
# says none) is two seasons old or more, and the performance model values him, saying why, with the
# market-value answer second; a value of 2024/25 is current: the market-value model, and the
# performance answer second. A stated value is current whatever the files say.
"$SCOUTLAB" fit --transfers "$T" --folds 1 -o m.slm >/dev/null 2>&1
"$SCOUTLAB" fit --transfers "$T" --folds 1 --no-market-value --stats "$SL_DATASETS/players.csv" -o p.slm >/dev/null 2>&1
expect_eq "$?" 0 "the demo's performance model"
pick() { awk -F, -v s="$1" 'NR==1 || ($1 == "Vegard Holmstad" && $NF == s)' "$SL_DATASETS/values.csv"; }
for s in 2022 2024; do mkdir -p "tm values $s"; pick "$s" | cut -d, -f1-5 >"tm values $s/values.csv"; done
pick 2023 >with_season.csv
hv() { "$SCOUTLAB" value --model m.slm --performance-model p.slm --player "Vegard Holmstad" \
  --data "$SL_DATASETS/players.csv" --season 2024 "$@" 2>&1; }
out=$(hv --values "tm values 2022/values.csv")
expect_contains "$out" "market value €67,000,000 (of 2022/23)" "the folder's season"
expect_contains "$out" "valued by the performance model (p.slm): his market value (€67m) is of 2022/23, 3 seasons before the summer 2025 window; his 2024/25 stats are newer" \
  "three seasons old: the performance model, and why"
expect_contains "$out" "second answer          from his old market value (m.slm): fair fee" "the old value's answer second"
perf_fee=$(printf '%s\n' "$out" | sed -n 's/^fair fee (median) *//p')
out=$(hv --values with_season.csv)
expect_contains "$out" "his market value (€132.5m) is of 2023/24, 2 seasons before the summer 2025 window" \
  "two seasons old (the season column): the performance model"
expect_eq "$(printf '%s\n' "$out" | sed -n 's/^fair fee (median) *//p')" "$perf_fee" "the performance answer reads no market value"
out=$(hv --values "tm values 2024/values.csv")
expect_contains "$out" "market value €141,500,000 (of 2024/25)" "a value of the stats season"
expect_contains "$out" "valued by the model m.slm: his market value is known" "one season before the window: current"
expect_contains "$out" "second answer          from his stats alone, his market value set aside (p.slm): fair fee $perf_fee" \
  "the performance answer second, the same fee"
out=$(hv --values "tm values 2022/values.csv" --market-value 67m --format json)
expect_contains "$out" '"model": "m.slm"' "a stated value is current"
expect_contains "$out" '"market_value_season": null' "and has no season"
expect_contains "$out" '"by": "performance"' "the performance answer second (JSON)"
# A what-if of his market value is a current value: the market-value model values it, as the same
# value stated does, and the line says so; a what-if league is checked as --league is.
stated=$(hv --values "tm values 2022/values.csv" --market-value 80m | sed -n 's/^fair fee (median) *//p')
out=$(hv --values "tm values 2022/values.csv" --what-if market-value=80m)
expect_contains "$out" "market-value=80m" "the what-if line"
expect_eq "$(printf '%s\n' "$out" | sed -n 's/^  market-value=80m *fair fee *\(€[0-9,]*\) .*/\1/p')" "$stated" \
  "what-if market-value=80m: the fee of --market-value 80m (the market-value model)"
expect_contains "$out" ", valued by m.slm" "the what-if names the model that valued it"
out=$(hv --values "tm values 2022/values.csv" --what-if "buyer-league=Castellan Primeraa")
expect_eq "$?" 2 "a misspelt what-if league is refused"
expect_contains "$out" "what-if 'buyer-league=Castellan Primeraa': league 'Castellan Primeraa' is not one of" "named, with the leagues"
# The second answer is what the other model alone gives, its own column terms read (xG here, a
# column term of the market-value model only): the market-value model without a performance model.
"$SCOUTLAB" fit --transfers "$T" --folds 1 --stats "$SL_DATASETS/players.csv" \
  --terms "age,age^2,position,buyer_league,seller_league,season,log_mv,column(xG)" -o mx.slm >/dev/null 2>&1
expect_eq "$?" 0 "a market-value model with a stats column"
second=$("$SCOUTLAB" value --model mx.slm --performance-model p.slm --player "Vegard Holmstad" --data "$SL_DATASETS/players.csv" \
  --season 2024 --values "tm values 2022/values.csv" 2>&1 | sed -n 's/^second answer .*fair fee \(€[0-9,]*\),.*/\1/p')
alone=$("$SCOUTLAB" value --model mx.slm --player "Vegard Holmstad" --data "$SL_DATASETS/players.csv" \
  --season 2024 --values "tm values 2022/values.csv" 2>&1 | sed -n 's/^fair fee (median) *//p')
[ -n "$second" ] || fail "a second answer"
expect_eq "$second" "$alone" "the second answer is the market-value model's alone, xG read from his stats"
# Two snapshots of one value: the latest season's, whatever the order of the files.
mkdir -p "snap 2021" "snap 2024"
cp "tm values 2022/values.csv" "snap 2021/values.csv"; cp "tm values 2022/values.csv" "snap 2024/values.csv"
for order in "snap 2021/values.csv|snap 2024/values.csv" "snap 2024/values.csv|snap 2021/values.csv"; do
  out=$(hv --values "${order%%|*}" --values "${order##*|}")
  expect_contains "$out" "market value €67,000,000 (of 2024/25)" "two snapshots: the latest season (${order%%|*} first)"
done
# His age at the window valued: a later window ages him (said); a window before his stats season
# is valued, and said. A what-if valued by the other model changes against that model's answer.
out=$(hv --values "tm values 2022/values.csv" --window 2026)
expect_contains "$out" "Vegard Holmstad: CB, age 29, " "a year later, a year older"
expect_contains "$out" "age 29 at the summer 2026 window: 28 in his 2024/25 data" "said"
out=$(hv --values "tm values 2022/values.csv" --window 2024)
expect_contains "$out" "his stats are of 2024/25, after the summer 2024 window valued: a buyer then could not have known them" \
  "a window before the stats, said"
out=$(hv --values "tm values 2022/values.csv" --what-if market-value=70m)
second=$(printf '%s\n' "$out" | sed -n 's/^second answer .*fair fee €\([0-9,]*\),.*/\1/p' | tr -d ,)
wif=$(printf '%s\n' "$out" | sed -n 's/^  market-value=70m *fair fee *€\([0-9,]*\) .*/\1/p' | tr -d ,)
pct=$(printf '%s\n' "$out" | sed -n 's/^  market-value=70m .*(\([-+0-9.]*\)%),.*/\1/p')
expect_num_eq "$pct" "$(awk -v a="$wif" -v b="$second" 'BEGIN {printf "%+.1f", 100 * (a / b - 1)}')" \
  "the what-if's change is against the market-value model's own answer" --abs 0.05
expect_contains "$out" "valued by m.slm (change against its second answer)" "and says so"
out=$("$SCOUTLAB" value --model m.slm --performance-model p.slm --player "Vegard Holmstad" \
  --data "$SL_DATASETS/players.csv" --season 2024 --values "tm values 2022/values.csv" --what-if market-value=70m \
  --format csv 2>/dev/null)
expect_eq "$(printf '%s\n' "$out" | awk -F, 'NR==1 {print $NF} NR>1 {print $NF}' | tr '\n' ' ')" "valued_by p.slm m.slm " \
  "value csv: the model of each line"
# A values file that says no season: taken as current, said, when a performance model could
# stand in for an old value.
pick 2022 | cut -d, -f1-5 >undated.csv
out=$(hv --values undated.csv)
expect_contains "$out" "the values files say no season for his market value (no season column, none in a file or folder name): taken as current" \
  "an undated value, said"
# A player of the values only (no stats): no second answer "from his stats alone", and his row's
# folder season sets his window.
printf 'name,club,position,age,market_value\nNobody Statless,Ambermouth City,Centre-Back,25,5000000\n' >"tm values 2022/nostats.csv"
out=$("$SCOUTLAB" value --model m.slm --performance-model p.slm --player "Nobody Statless" --data "tm values 2022/nostats.csv" 2>&1)
expect_contains "$out" "valued for summer 2023" "a values row's folder season: the window after it"
expect_contains "$out" "seasons: no stats; his values row is of 2022/23: valued for a transfer in summer 2023" "the seasons line agrees"
expect_not_contains "$out" "second answer" "no second answer from stats he does not have"
out=$("$SCOUTLAB" value --model m.slm --player "Vegard Holmstad" --data "$SL_DATASETS/players.csv" --season 2024 \
  --values "tm values 2022/values.csv" 2>&1)
expect_contains "$out" "is of 2022/23, 3 seasons before the summer 2025 window: old (a performance model would value him from his stats)" \
  "without a performance model: valued on the old value, said"
finish
