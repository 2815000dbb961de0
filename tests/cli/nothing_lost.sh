# Issue 16 "Nothing lost": outputs never replace an input (exit 2, both paths named), are written
# whole through a temporary file with the umask's permissions, leave no scratch files; stray
# quotes never swallow rows; standard input and pipes load (read once, so a second pass works).
. "$SL_TESTS/cli/lib.sh"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
cp "$SL_TEST_DATA/fees/tiny.csv" t.csv
cp t.csv keep.csv

out=$("$SCOUTLAB" fit --transfers t.csv -o t.csv --folds 1 2>&1); st=$?
expect_eq "$st" 2 "fit -o INPUT: usage exit status"
expect_contains "$out" "the output t.csv is the same file as the input t.csv" "fit message names both paths"
cmp -s t.csv keep.csv || fail "fit -o INPUT changed the input"
ln -s t.csv alias.csv
out=$("$SCOUTLAB" fit --transfers "$tmp" -o alias.csv --folds 1 2>&1); st=$?
expect_eq "$st" 2 "fit -o SYMLINK-TO-INPUT inside a walked folder: exit 2"
cmp -s t.csv keep.csv || fail "the input behind the symlink changed"

printf 'y,x\n1,2\n2,3\n3,5\n4,4\n5,7\n' > o.csv
cp o.csv o_keep.csv
ln -s o.csv o_link.csv
out=$("$SCOUTLAB" ols o.csv --y y --x x --save o_link.csv 2>&1); st=$?
expect_eq "$st" 2 "ols --save SYMLINK-TO-INPUT: exit 2"
expect_contains "$out" "the output o_link.csv is the same file as the input o.csv" "ols message"
cmp -s o.csv o_keep.csv || fail "ols --save changed its input"

# A new model gets the umask's permissions (a shell redirect's), and nothing else is left.
rm -f alias.csv
(umask 027 && "$SCOUTLAB" fit --transfers t.csv -o m.slm --folds 1 > /dev/null); st=$?
expect_eq "$st" 0 "fit -o m.slm"
expect_eq "$(stat -c %a m.slm)" "640" "umask 027 honoured"
expect_eq "$(ls -a | grep -c -e '\.tmp' -e 'partial')" "0" "no scratch or partial file left"
(umask 022 && "$SCOUTLAB" ols o.csv --y y --x x --save o.ols > /dev/null)
expect_eq "$(stat -c %a o.ols)" "644" "umask 022: rw-r--r--"

# Files of the user's are never replaced, whatever the output: a model only over a model, a
# chart script only over a script of ours, a report only over a report; a stats file is an
# input of fit too; an output *.csv inside an input folder would be read as an input.
D="$SL_DATASETS"
echo "my notes" > notes.txt
out=$("$SCOUTLAB" fit --transfers t.csv -o notes.txt --folds 1 2>&1); st=$?
expect_eq "$st" 2 "fit -o a file of the user's: exit 2"
expect_contains "$out" "notes.txt: exists and was not written by scoutlab: it is left as it is" "fit -o a user's file: said"
expect_eq "$(cat notes.txt)" "my notes" "fit -o a user's file: kept"
out=$("$SCOUTLAB" ols o.csv --y y --x x --save notes.txt 2>&1); st=$?
expect_eq "$st" 2 "ols --save a file of the user's: exit 2"
expect_eq "$(cat notes.txt)" "my notes" "ols --save a user's file: kept"
"$SCOUTLAB" fit --transfers "$D/transfers.csv" -o again.slm --folds 1 >/dev/null 2>&1
"$SCOUTLAB" fit --transfers "$D/transfers.csv" -o again.slm --folds 1 >/dev/null 2>&1
expect_eq "$?" 0 "fit -o an earlier model: replaced"
cp "$D/players.csv" stats.csv && cp stats.csv stats_keep.csv
out=$("$SCOUTLAB" fit --transfers "$D/transfers.csv" --stats stats.csv -o stats.csv --folds 1 2>&1); st=$?
expect_eq "$st" 2 "fit -o its --stats file: exit 2"
expect_contains "$out" "the output stats.csv is the same file as the input stats.csv" "fit -o --stats: said"
cmp -s stats.csv stats_keep.csv || fail "fit -o --stats changed the stats"
mkdir -p tdir && cp "$D/transfers.csv" tdir/
out=$("$SCOUTLAB" chart fees --transfers tdir -o f.png --script tdir/new.csv 2>&1); st=$?
expect_eq "$st" 2 "chart --script *.csv in an input folder: exit 2"
expect_contains "$out" "the output tdir/new.csv is inside the input folder tdir, whose *.csv files are read" "script in an input folder: said"
[ -e tdir/new.csv ] && fail "chart --script wrote into the input folder"
out=$("$SCOUTLAB" chart fees --transfers tdir -o f.png --script notes.txt 2>&1); st=$?
expect_eq "$st" 2 "chart --script a user's file: exit 2"
expect_eq "$(cat notes.txt)" "my notes" "chart --script a user's file: kept"
# report: a symlink onto an input, a report.html of the user's, then one of ours replaced.
common=(--player "Tobías Quirandel" --stats "$D/players.csv" --values "$D/values.csv" --contracts contracts.csv
  --model again.slm --season 2024 --no-charts)
cp "$D/contracts.csv" contracts.csv && cp contracts.csv contracts_keep.csv
mkdir -p r1 r2 r3 && ln -s ../contracts.csv r1/report.md && echo "<p>mine</p>" > r2/report.html
out=$("$SCOUTLAB" report "${common[@]}" -o r1 --format md 2>&1); st=$?
expect_eq "$st" 2 "report -o onto an input through a symlink: exit 2"
expect_contains "$out" "r1/report.md is the same file as the input contracts.csv" "report onto an input: said"
cmp -s contracts.csv contracts_keep.csv || fail "report replaced its contracts input"
out=$("$SCOUTLAB" report "${common[@]}" -o r2 2>&1); st=$?
expect_eq "$st" 2 "report -o over a report.html of the user's: exit 2"
expect_eq "$(cat r2/report.html)" "<p>mine</p>" "the user's report.html kept"
"$SCOUTLAB" report "${common[@]}" -o r3 >/dev/null 2>&1 && "$SCOUTLAB" report "${common[@]}" -o r3 >/dev/null 2>&1
expect_eq "$?" 0 "report -o over a report of ours: replaced"

# A chart name gnuplot cannot be given byte for byte is refused, nothing left behind.
mkdir -p latin && out=$("$SCOUTLAB" chart percentiles --stats "$D/players.csv" Quirandel --season 2024 -o "$(printf 'latin/caf\351.png')" 2>&1); st=$?
expect_eq "$st" 2 "a chart name that is not UTF-8: exit 2"
expect_contains "$out" 'latin/caf\xe9.png: a chart or script name must be UTF-8 text without control characters' "not UTF-8: said"
expect_eq "$(ls -A latin | wc -l)" 0 "not UTF-8: no file left"
out=$("$SCOUTLAB" chart percentiles --stats "$D/players.csv" Quirandel --season 2024 -o nodir/x.png 2>&1); st=$?
expect_eq "$st" 3 "a chart into a missing directory: exit 3"
expect_contains "$out" "nodir/x.png: no such directory to write it in (create it first)" "missing directory: said before gnuplot runs"

# A chart output that cannot be written is refused before anything is read or printed, in every
# command that draws one (before 2026-12-07 compare, squad and value printed their whole answer
# first, then failed).
early_refusal() { # what COMMAND...: a chart into nodir/ refused with exit 3 and nothing printed
  local what=$1 out st; shift
  out=$("$@" 2>/dev/null); st=$?
  expect_eq "$st" 3 "$what: a chart into a missing directory: exit 3"
  expect_eq "$out" "" "$what: nothing printed before the refusal"
}
early_refusal compare "$SCOUTLAB" compare --stats "$D/players.csv" --season 2024 Quirandel Sternal --chart nodir/x.png
early_refusal squad "$SCOUTLAB" squad --stats "$D/players.csv" --season 2024 --chart nodir/x.png "Ambermouth City"
early_refusal "chart radar" "$SCOUTLAB" chart radar --stats "$D/players.csv" --season 2024 Quirandel Sternal -o nodir/x.png
early_refusal "chart fees" "$SCOUTLAB" chart fees --transfers "$D/transfers.csv" -o nodir/x.png
early_refusal "chart trend" "$SCOUTLAB" chart trend --yearly "$D" --player Quirandel -o nodir/x.png
out=$("$SCOUTLAB" value --model again.slm --player "Tobías Quirandel" --data "$D/players.csv" --season 2024 \
  --chart "$D/players.csv" 2>&1); st=$?
expect_eq "$st" 2 "value --chart an input: exit 2"
expect_eq "$out" "scoutlab: $D/players.csv: chart file name must end in .png, .svg or .pdf" "value --chart an input: said first"
names=(Quirandel Sternal A B C D E)
out=$("$SCOUTLAB" compare --stats "$D/players.csv" "${names[@]}" --chart r.png 2>&1); st=$?
expect_eq "$st" 2 "compare --chart with seven players: exit 2"
expect_contains "$out" "--chart: a radar compares 2 to 6 players (got 7)" "seven players: the radar's rule, before the table"

# Standard input, /dev/stdin and process substitution, with a second pass (a late text cell).
{ printf 'player,minutes\n'; for i in 1 2 3 4 5; do echo "P$i,$i"; done; echo 'Q,lots'; } > late.csv
for how in dash devstdin; do
  if [ "$how" = dash ]; then got=$(cat late.csv | "$SCOUTLAB" check -); else got=$("$SCOUTLAB" check /dev/stdin < late.csv); fi
  expect_eq "$?" 0 "$how: exit status"
  expect_contains "$got" "rows read 6, used 6, skipped 0" "$how: every row"
  expect_contains "$got" "kept as text: 1 cells not numbers/dates, first at line 7: 'lots'" "$how: second pass"
done
got=$("$SCOUTLAB" check <(cat late.csv))
expect_contains "$got" "rows read 6, used 6, skipped 0" "process substitution"

# A FIFO in a walked folder is skipped with a note, never waited on.
mkdir walk && cp late.csv walk/a.csv && mkfifo walk/b.csv
got=$(timeout 20 "$SCOUTLAB" compare --stats walk P1 P2 2>&1); st=$?
[ "$st" -ne 124 ] || fail "blocked on a FIFO in a walked folder"
expect_contains "$got" "walk/b.csv is not a regular file (a FIFO, socket or device): skipped, never opened" "FIFO note"

# The stray quote of the issue: three rows used to vanish into one cell.
printf 'name,v\n"a"b,2\nc,3\nd,4\n"e",5\n' > stray.csv
got=$("$SCOUTLAB" check stray.csv)
expect_contains "$got" "rows read 4, used 3, skipped 1" "stray quote: rows accounted for"
expect_contains "$got" "skipped stray.csv:2: a quoted field is closed and text follows at byte column 4" "stray quote line"
# A row the loader cannot read (a truncated last line) is said by default, with its file, line and
# what was expected; the answer is given from the rest (-v lists every such row).
head -c -40 "$SL_DATASETS/players.csv" > cut.csv
lines=$(wc -l < "$SL_DATASETS/players.csv")
for cmd in "percentiles --stats cut.csv Quirandel" "squad --stats cut.csv --player Quirandel"; do
  # shellcheck disable=SC2086 # the words of one command
  set -- $cmd
  out=$("$SCOUTLAB" "$@" 2>&1 >/dev/null)
  expect_contains "$out" "warning: 1 row not read: cut.csv:$lines: expected" "$1: the unread row said by default"
done
"$SCOUTLAB" fit --transfers "$SL_DATASETS/transfers.csv" --folds 1 -o demo.slm >/dev/null 2>&1
out=$("$SCOUTLAB" value --model demo.slm --player Quirandel --data cut.csv 2>&1 >/dev/null)
expect_contains "$out" "scoutlab value: warning: 1 row not read: cut.csv:$lines: expected" "value: the unread row said"
out=$("$SCOUTLAB" percentiles --stats cut.csv Quirandel -q 2>&1 >/dev/null)
expect_eq "$out" "" "-q: nothing on stderr"
# A transfer row with an impossible cell (a negative fee, an age of -3) is data lost too: fit says
# it by default, and so does a report that fits its model from the transfers (whose rows no
# accounting lists), with a truncated transfers file as well; -v lists them all.
awk -F, 'BEGIN { OFS = "," } NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i }
  NR > 1 && $c["is_loan"] == "False" && $c["movement"] == "in" && $c["fee"] + 0 > 0 && n < 2 {
    if (n++ == 0) $c["fee"] = -5000000; else $c["age"] = -3; print NR > "bad_lines.txt" } { print }' \
  "$SL_DATASETS/transfers.csv" >bad_tr.csv
first=$(head -1 bad_lines.txt) second=$(tail -1 bad_lines.txt)
out=$("$SCOUTLAB" fit --transfers bad_tr.csv --folds 1 -o bad.slm 2>&1 >/dev/null)
expect_eq "$out" "scoutlab fit: warning: 2 rows not used (an impossible value): bad_tr.csv:$first: fee -5000000 is negative (expected an amount such as 25m, EUR 25m or 25000000) (and more: --verbose lists them)" \
  "fit: the impossible values said by default"
expect_contains "$("$SCOUTLAB" fit --transfers bad_tr.csv --folds 1 -o bad.slm 2>&1 >/dev/null -v)" \
  "not used bad_tr.csv:$second: age -3 is outside 14-50" "fit -v: each one listed"
rep() { "$SCOUTLAB" report --stats "$SL_DATASETS/players.csv" --season 2024 --values "$SL_DATASETS/values.csv" \
  --player Quirandel --transfers "$@"; }
out=$(rep bad_tr.csv -o rep1 2>&1 >/dev/null)
expect_eq "$out" "scoutlab report: warning: 2 rows of the transfers not used, their data lost: bad_tr.csv:$first: fee -5000000 is negative (expected an amount such as 25m, EUR 25m or 25000000) (and more: --verbose lists them)" \
  "report --transfers: the impossible values said by default"
expect_contains "$(rep bad_tr.csv -o rep2 -v 2>&1 >/dev/null)" "not used bad_tr.csv:$second: age -3 is outside 14-50" \
  "report -v: each one listed"
head -c 200000 "$SL_DATASETS/transfers.csv" >cut_tr.csv
cut_line=$(wc -l <cut_tr.csv); cut_line=$((cut_line + 1))
out=$(rep cut_tr.csv -o rep3 2>&1 >/dev/null); st=$?
expect_eq "$st" 0 "report on one season of transfers: answered"
expect_contains "$out" "scoutlab report: warning: 1 row of the transfers not used, their data lost: cut_tr.csv:$cut_line: expected 18 fields, found " \
  "report --transfers: the truncated row said"
expect_contains "$(cat rep3/report.md)" "the transfers' deals are all of one season: no out-of-time accuracy" \
  "one season of deals (the file's later rows are loans): no time split, said"
finish
