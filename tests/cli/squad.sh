# scoutlab squad on the hand-made fixture (tests/data/squad): formats, left-out components said
# so, unknown club/league messages, weights, usage errors.
. "$SL_TESTS/cli/lib.sh"
fx="$SL_TEST_DATA/squad"
common=(--stats "$fx/stats.csv" --profiles "$fx/profiles.csv" --no-overrides)

out=$("$SCOUTLAB" squad "${common[@]}" "alpha fc")
expect_eq "$?" 0 "club table exit status"
expect_contains "$out" "Alpha FC (Test League): 6 players; 20 team matches (from Min%), team minutes 1800" "club header"
expect_contains "$out" "   2 Carl Back                centre-back     1440 0.800" "Carl second"
expect_contains "$out" "Gary Keeper: impact: played every minute: no off-pitch comparison (left out)" "left out said so"
expect_contains "$out" "left out: value_share left out: no values given" "file-level note"
# The fixture holds 6 of a club's players: their minutes are 2.85 teams' worth, not 11. Said in
# the output and on stderr, and as "partial" in JSON; a whole demo squad is not.
expect_contains "$out" "warning: only 2.9 players on the pitch on average (a whole squad adds up to 10 or more): rows of Alpha FC are missing from the stats, so its ranks and shares are of part of the squad" \
  "partial squad: said"
expect_contains "$("$SCOUTLAB" squad "${common[@]}" "alpha fc" 2>&1 >/dev/null)" \
  "scoutlab squad: warning: Alpha FC: only 2.9 players on the pitch on average" "partial squad: on stderr"
expect_contains "$("$SCOUTLAB" squad "${common[@]}" "alpha fc" --format json 2>/dev/null)" '"partial":true' "partial: json"
# Markdown: each line before the table ends in a hard break, or they render as one paragraph.
md=$("$SCOUTLAB" squad --stats "$SL_DATASETS/players.csv" --season 2024 "Olympique Sabreval" --format md 2>/dev/null)
expect_eq "$(printf '%s\n' "$md" | sed -n '1,3p' | grep -c '  $')" 3 "md: the header lines end in hard breaks"
whole=$("$SCOUTLAB" squad --stats "$SL_DATASETS/players.csv" --season 2024 "Olympique Sabreval" --format json 2>/dev/null)
expect_contains "$whole" '"partial":false' "a whole demo squad is not partial"

# CSV: one header + 6 rows; Carl's availability 83.00 (hand calculation in test_squad.c).
csv=$("$SCOUTLAB" squad "${common[@]}" "Alpha FC" --format csv)
expect_eq "$(printf '%s\n' "$csv" | wc -l)" 7 "csv rows"
expect_num_eq "$(printf '%s\n' "$csv" | awk -F, '$2=="Carl Back"{print $9}')" "83.00" "csv availability"

# Names are untrusted: in CSV output a name a spreadsheet would run as a formula is made text
# with a leading apostrophe (quoted as usual when it holds a comma or quote); numbers are not.
inj=$(mktemp -d)
cp "$fx/stats.csv" "$inj/"
sed -i 's/^Carl Back,/"=HYPERLINK(""http:\/\/x"",""y"")",/; s/^Gary Keeper,/@SUM(A1),/' "$inj/stats.csv"
csv=$("$SCOUTLAB" squad --stats "$inj/stats.csv" --profiles "$fx/profiles.csv" --no-overrides "Alpha FC" --format csv)
expect_contains "$csv" ",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"," "formula name neutralised and quoted"
expect_contains "$csv" ",'@SUM(A1)," "@ name neutralised"
expect_eq "$(printf '%s\n' "$csv" | grep -c "^[0-9]*,[=@]")" 0 "no cell starts a formula"
sed -i 's/^Dan Reserve,/Dan | <i>Reserve<\/i>,/' "$inj/stats.csv"
md=$("$SCOUTLAB" squad --stats "$inj/stats.csv" --profiles "$fx/profiles.csv" --no-overrides "Alpha FC" --format md)
expect_contains "$md" '| Dan \| \<i\>Reserve\</i\>' "md: a pipe in a name cannot split the row, no raw HTML"
rm -rf "$inj"

# JSON: accounting and a null for a left-out component.
json=$("$SCOUTLAB" squad "${common[@]}" "Alpha FC" --format json)
expect_contains "$json" '"rows":{"read":10,"used":10,"skipped":0' "json accounting"
expect_contains "$json" '"impact":{"score":null,"weight":0,"note":"played every minute: no off-pitch comparison"}' "json null component"
"$NUMDIFF" --json <(printf '%s' "$json") <(printf '%s' "$json") >&2 || fail "json does not parse"

# Without on-off columns: impact left out for everyone, said once.
out=$("$SCOUTLAB" squad --stats "$fx/stats_no_onoff.csv" --profiles "$fx/profiles.csv" --no-overrides "Alpha FC")
expect_contains "$out" "left out: impact left out: no on-off columns" "no on-off columns said"

# Player breakdown with contracts and values.
out=$("$SCOUTLAB" squad "${common[@]}" --player "carl back" --contracts "$fx/contracts.csv" --values "$fx/values.csv" --season 2024-25)
expect_contains "$out" "importance 69.7 / 100: rank 2 of 6 at Alpha FC; rank 2 of 5 centre-backs in Test League" "player ranks"
expect_contains "$out" "age 27 -> 100.0; 2.0 years left -> 40.0" "contract detail"

# Weights: impact off -> its weight 0 everywhere.
out=$("$SCOUTLAB" squad "${common[@]}" --player "Carl Back" --weights impact=0)
expect_contains "$out" "weights: availability 0.30, impact 0.00" "weights option"

# Unknown club and league: did-you-mean, exit 1.
err=$("$SCOUTLAB" squad "${common[@]}" "Alpah FC" 2>&1 >/dev/null)
expect_eq "$?" 1 "unknown club exit status"
expect_contains "$err" "no club 'Alpah FC'; did you mean: Alpha FC" "club did-you-mean"
err=$("$SCOUTLAB" squad "${common[@]}" --league "Tset League" 2>&1 >/dev/null)
expect_contains "$err" "no league 'Tset League'; did you mean: Test League" "league did-you-mean"
out=$("$SCOUTLAB" squad "${common[@]}" --league "xx test league" --top 3)
expect_contains "$out" "Test League: the 3 most important of 10 players" "league top"

# Usage errors: exit 2.
"$SCOUTLAB" squad "${common[@]}" 2>/dev/null; expect_eq "$?" 2 "no club, player or league"
"$SCOUTLAB" squad "${common[@]}" "Alpha FC" --weights speed=1 2>/dev/null; expect_eq "$?" 2 "bad weights"
"$SCOUTLAB" squad "${common[@]}" "Alpha FC" --season 2024-27 2>/dev/null; expect_eq "$?" 2 "bad season"
finish
