#!/bin/sh
# python_compare.sh SCOUTLAB LIB PYTHONDIR DATASETS - the Python module's Workspace.compare() and
# .similar() give the players, their order and their numbers that `scoutlab compare` and
# `scoutlab similar` give as JSON for the same files and options (numbers compared with a
# relative tolerance, never as text), and the CLI's messages for an ambiguous or unknown name.
set -eu
bin=$1 lib=$2 pydir=$3 data=$4
py=/usr/bin/python3
[ -x "$py" ] || { echo "skip: /usr/bin/python3 not found (apt-get install python3)"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
q="Tobías Quirandel"
"$bin" fit --transfers "$data/transfers.csv" -o "$tmp/demo.slm" >/dev/null
# One command on the demo stats of 2024 (a function, not a variable of options: the data's path
# may hold a space).
on_stats() { # COMMAND ARGS...
  sub=$1
  shift
  "$bin" "$sub" --stats "$data/players.csv" --season 2024 "$@"
}
# Each case: a name, then the command's arguments; the JSON goes to $tmp/NAME.json. A command
# that fails shows its message and fails the test.
run() {
  name=$1
  shift
  on_stats "$@" --format json >"$tmp/$name.json" 2>"$tmp/$name.err" || {
    echo "FAIL: scoutlab $* failed:"; cat "$tmp/$name.err"; exit 1; }
}
run compare_default compare "$q" "Tomás Escillo" "João Lourares"
run compare_options compare "$q" "Theo Ashwood" --profile midfielder --pool all --min-minutes 600
run compare_list compare "$q" "Tomás Escillo" --stats-list "TklW, Int, Cmp%, Err:low" --pool "Valmorian Ligue"
run similar_default similar "$q"
run similar_options similar --values "$data/values.csv" "$q" -k 7 --max-age 30 --max-value 30m \
  --metric cosine --candidate-minutes 1200 --pool league
# The workspace's own options: seasons (each or pooled), one entry per club, a positions file and
# an overrides file (the override wins: Quirandel a defensive midfielder, not the file's right-back).
# The positions file is read for players whose stats row has no position of its own: a copy of
# the demo stats without its position column.
printf 'name,born,short_pos\nTobías Quirandel,1998,RB\n' >"$tmp/positions.csv"
"$py" -c 'import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8")))
out = csv.DictWriter(open(sys.argv[2], "w", newline="", encoding="utf-8"), [k for k in rows[0] if k != "position"],
                     extrasaction="ignore")
out.writeheader()
out.writerows(rows)' "$data/players.csv" "$tmp/nopos.csv"
printf 'player,born,sub_position,note\nTobías Quirandel,1998,DM,test\n' >"$tmp/overrides.csv"
"$bin" compare --stats "$data/players.csv" --seasons 2023-2024 "$q (2023/24)" "$q (2024/25)" --format json \
  >"$tmp/compare_seasons.json"
"$bin" compare --stats "$data/players.csv" --seasons 2023-2024 --pool-seasons "$q" "Theo Ashwood" --format json \
  >"$tmp/compare_pooled.json"
run compare_per_club compare --per-club "Gonzalo Zamuela (Ambermouth City)" "Gonzalo Zamuela (Bramcaster United)"
"$bin" compare --stats "$tmp/nopos.csv" --season 2024 --positions "$tmp/positions.csv" "$q" "Theo Ashwood" \
  --format json >"$tmp/compare_positions.json"
"$bin" compare --stats "$tmp/nopos.csv" --season 2024 --positions "$tmp/positions.csv" --overrides "$tmp/overrides.csv" \
  "$q" "Theo Ashwood" --format json >"$tmp/compare_overrides.json"
run similar_fees similar --values "$data/values.csv" --contracts "$data/contracts.csv" --model "$tmp/demo.slm" \
  "$q" -k 5 --max-fee 20m --leagues "Valmorian Ligue,Castellan Primera"
for who in Lourares "Quirandelx Nobody"; do
  if on_stats similar "$who" >/dev/null 2>"$tmp/err.txt"; then
    echo "FAIL: scoutlab similar accepted '$who'"
    exit 1
  fi
  cat "$tmp/err.txt" >>"$tmp/errors.txt"
done
cd "$tmp"
SCOUTLAB_LIBRARY=$lib PYTHONPATH=$pydir "$py" - "$tmp" "$data" <<'PY'
import json, math, sys
import scoutlab
tmp, data = sys.argv[1], sys.argv[2]
q = "Tobías Quirandel"
bad = 0


def fail(text):
    global bad
    print("FAIL " + text)
    bad = 1


def same(mine, theirs, where):
    """Python's value against the CLI's JSON: dicts by key (every key of the CLI's player and hit
    rows must be Python's too), lists in order, numbers within 1e-9 relative, the rest exactly."""
    if isinstance(theirs, dict):
        if not isinstance(mine, dict):
            return fail("%s: python %r, scoutlab an object" % (where, mine))
        for k in theirs:
            if k not in mine:
                fail("%s: python has no %r" % (where, k))
        for k in mine:
            if k not in theirs:
                fail("%s: scoutlab has no %r" % (where, k))
            else:
                same(mine[k], theirs[k], where + "." + k)
    elif isinstance(theirs, list):
        if not isinstance(mine, list) or len(mine) != len(theirs):
            return fail("%s: python %d items, scoutlab %d" % (where, len(mine) if isinstance(mine, list) else -1,
                                                                len(theirs)))
        for i, (m, t) in enumerate(zip(mine, theirs)):
            same(m, t, "%s[%d]" % (where, i))
    elif isinstance(theirs, bool) or theirs is None or isinstance(theirs, str):
        if mine != theirs or type(mine) is not type(theirs):
            fail("%s: python %r, scoutlab %r" % (where, mine, theirs))
    elif isinstance(mine, bool) or not isinstance(mine, (int, float)) or not math.isclose(mine, theirs, rel_tol=1e-9):
        fail("%s: python %r, scoutlab %r" % (where, mine, theirs))


def cli(name):
    return json.load(open("%s/%s.json" % (tmp, name)))


def check_compare(name, mine):
    theirs = cli(name)
    same(mine, {"profile": theirs["profile"], "players": theirs["players"]}, name)
    if not mine["players"] or not mine["players"][0]["stats"]:
        fail("%s: nothing compared" % name)


def check_similar(name, mine, k):
    theirs = cli(name)
    same(mine, {key: theirs[key] for key in mine}, name)
    if set(theirs) - set(mine) - {"schema", "command", "seasons", "rows", "positions"}:
        fail("%s: python lacks %r" % (name, set(theirs) - set(mine)))
    if len(mine["similar"]) != k:
        fail("%s: %d players, expected %d" % (name, len(mine["similar"]), k))


stats = [data + "/players.csv"]
with scoutlab.Workspace(stats=stats, season=2024) as ws:
    check_compare("compare_default", ws.compare(q, "Tomás Escillo", "João Lourares"))
    check_compare("compare_options", ws.compare([q, "Theo Ashwood"], role="midfielder", pool="all", min_minutes=600))
    check_compare("compare_list", ws.compare(q, "Tomás Escillo", stats_list="TklW, Int, Cmp%, Err:low",
                                             pool="Valmorian Ligue"))
    check_similar("similar_default", ws.similar(q), 10)
    # The CLI's messages, word for word, as EAMBIG and ENOTFOUND.
    errors = [line.split(": ", 1)[1].rstrip("\n") for line in open(tmp + "/errors.txt")]
    for who, code, want, hint in (("Lourares", scoutlab.EAMBIG, errors[0], "be more precise"),
                                  ("Quirandelx Nobody", scoutlab.ENOTFOUND, errors[1], "did you mean: " + q)):
        for call in (lambda: ws.similar(who), lambda: ws.compare(q, who)):
            try:
                call()
                fail("%r accepted" % who)
            except scoutlab.ScoutlabError as e:
                if e.code != code or str(e) != want or hint not in str(e):
                    fail("%r: %s %s (scoutlab: %s)" % (who, e.name, e, want))
    for call, code, want in ((lambda: ws.similar(q, n=0), scoutlab.EINVAL, "k expects a whole number from 1"),
                             (lambda: ws.similar(q, colour="red"), scoutlab.EINVAL, "unknown option 'colour'"),
                             (lambda: ws.similar(q, max_value="15m"), scoutlab.EINVAL, "max_value needs market values"),
                             (lambda: ws.similar(q, max_fee="15m"), scoutlab.EINVAL, "max_fee needs a fee model"),
                             (lambda: ws.similar(q, metric="manhattan"), scoutlab.EINVAL, "euclidean or cosine"),
                             (lambda: ws.similar(q, leagues="Valmorian Ligeu"), scoutlab.EUNKNOWN, "did you mean"),
                             (lambda: ws.compare(q, pool="Valmorian Ligeu"), scoutlab.EUNKNOWN, "did you mean"),
                             (lambda: ws.compare(q, role="centre-bak"), scoutlab.EUNKNOWN, "did you mean centre-back"),
                             (lambda: ws.compare(q, stats_list="TklWx"), scoutlab.EUNKNOWN, "did you mean"),
                             (lambda: ws.compare(), scoutlab.EINVAL, "name at least one player")):
        try:
            call()
            fail("accepted, expected %s" % want)
        except scoutlab.ScoutlabError as e:
            if e.code != code or want not in str(e):
                fail("expected %s '%s', got %s %s" % (scoutlab.ScoutlabError(code, "").name, want, e.name, e))
with scoutlab.Workspace(stats=stats, data=[data + "/values.csv"], season=2024) as ws:
    check_similar("similar_options", ws.similar(q, n=7, max_age=30, max_value="30m", metric="cosine",
                                                candidate_minutes=1200, pool="league"), 7)
with scoutlab.Workspace(stats=stats, data=[data + "/values.csv", data + "/contracts.csv"], model=tmp + "/demo.slm",
                        season=2024) as ws:
    found = ws.similar(q, n=5, max_fee=20e6, leagues="Valmorian Ligue,Castellan Primera")
    check_similar("similar_fees", found, 5)
    if any(not (row["fair_fee_eur"] <= 20e6) for row in found["similar"]):
        fail("similar_fees: a fair fee above the limit: %r" % [r["fair_fee_eur"] for r in found["similar"]])
# The workspace's options, as the commands' (seasons, pooled, per club, positions, overrides).
with scoutlab.Workspace(stats=stats, seasons="2023-2024") as ws:
    check_compare("compare_seasons", ws.compare(q + " (2023/24)", q + " (2024/25)"))
with scoutlab.Workspace(stats=stats, seasons="2023/24-2024/25", pool_seasons=True) as ws:
    check_compare("compare_pooled", ws.compare(q, "Theo Ashwood"))
with scoutlab.Workspace(stats=stats, season=2024, per_club=True) as ws:
    found = ws.compare("Gonzalo Zamuela (Ambermouth City)", "Gonzalo Zamuela (Bramcaster United)")
    check_compare("compare_per_club", found)
    if [p["clubs"] for p in found["players"]] != ["Ambermouth City", "Bramcaster United"]:
        fail("per_club: %r" % [p["clubs"] for p in found["players"]])
nopos = [tmp + "/nopos.csv"]
with scoutlab.Workspace(stats=nopos, season=2024, positions=tmp + "/positions.csv") as ws:
    found = ws.compare(q, "Theo Ashwood")
    check_compare("compare_positions", found)
    if found["players"][0]["position"]["group"] != "full-back":
        fail("positions: %r" % found["players"][0]["position"])
with scoutlab.Workspace(stats=nopos, season=2024, positions=[tmp + "/positions.csv"], overrides=tmp + "/overrides.csv") as ws:
    found = ws.compare(q, "Theo Ashwood")
    check_compare("compare_overrides", found)
    if found["players"][0]["position"]["group"] != "midfielder":
        fail("overrides: %r" % found["players"][0]["position"])
for options, want in ((dict(seasons="2024-2022"), "seasons: expected a season or a range such as 2020-2024"),
                      (dict(season=2024, pool_seasons=True), "pool_seasons needs seasons"),
                      (dict(season=2024, level=1.5), "level expects a probability between 0 and 1"),
                      (dict(season=2024, valuation_season="2025/27"), "valuation_season: ")):
    try:
        scoutlab.Workspace(stats=stats, **options).close()
        fail("%r accepted" % options)
    except scoutlab.ScoutlabError as e:
        if e.code != scoutlab.EINVAL or want not in str(e):
            fail("%r: %s %s, expected %s" % (options, e.name, e, want))
print("python: compare and similar match scoutlab's JSON (%d cases)" % 11)
sys.exit(bad)
PY
