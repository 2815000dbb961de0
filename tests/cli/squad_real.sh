# scoutlab squad on the real Big-5 2024/25 file: Marseille's accounting and Balerdi's ranks.
. "$SL_TESTS/cli/lib.sh"
need_shared fbref-big5-2024-25/players_data-2024_2025.csv
big5="$SL_SHARED_DATA/fbref-big5-2024-25/players_data-2024_2025.csv"

out=$("$SCOUTLAB" squad --stats "$big5" marseille --verbose 2>"${TMPDIR:-/tmp}/squad_real.$$")
expect_eq "$?" 0 "Marseille exit status"
expect_contains "$out" "Marseille (Ligue 1): 32 players; 33 team matches (from Min%), team minutes 2970" "header"
expect_contains "$out" "32406 player minutes = 10.911 x team minutes" "accounting"
expect_eq "$(printf '%s\n' "$out" | grep -c 'Leonardo Balerdi')" 1 "Balerdi once"
expect_contains "$(cat "${TMPDIR:-/tmp}/squad_real.$$")" "rows: read 2825, used 2825, skipped 0" "verbose accounting"
rm -f "${TMPDIR:-/tmp}/squad_real.$$"

# CSV: 32 Marseille rows, each player once.
csv=$("$SCOUTLAB" squad --stats "$big5" Marseille --format csv)
expect_eq "$(printf '%s\n' "$csv" | tail -n +2 | wc -l)" 32 "32 rows"
expect_eq "$(printf '%s\n' "$csv" | tail -n +2 | cut -d, -f2 | sort -u | wc -l)" 32 "each once"

out=$("$SCOUTLAB" squad --stats "$big5" --player "Leonardo Balerdi")
expect_contains "$out" "Leonardo Balerdi - Marseille, Ligue 1, centre-back" "Balerdi header"
expect_contains "$out" "minutes 2183 of 2970 (73.5%), starts 26 of 33 (78.8%), 84 min per start, 23 completed (69.7%)" "Balerdi availability inputs"
expect_contains "$out" "rank 3 of 32 at Marseille" "Balerdi rank in squad"

out=$("$SCOUTLAB" squad --stats "$big5" --league "Ligue 1" --top 20)
expect_contains "$out" "Ligue 1: the 20 most important of 551 players (per club)" "league top 20"
expect_eq "$(printf '%s\n' "$out" | grep -cE '^ +[0-9]+ ')" 20 "20 rows"
json=$("$SCOUTLAB" squad --stats "$big5" --league "fr Ligue 1" --top 5 --format json)
expect_contains "$json" '"league":"Ligue 1","entries":551' "league with FBref prefix"
err=$("$SCOUTLAB" squad --stats "$big5" "Marseile" 2>&1 >/dev/null)
expect_contains "$err" "did you mean: Marseille" "typo"
finish
