#!/bin/sh
# python_value.sh SCOUTLAB LIB PYTHONDIR DATASETS - the Python module (ctypes over libscoutlab.so)
# values the demo player exactly as `scoutlab value` does (same model file, same data), loads a
# table, fits a model and reports an unknown player as ScoutlabError with "did you mean".
set -eu
bin=$1 lib=$2 pydir=$3 data=$4
py=/usr/bin/python3
[ -x "$py" ] || { echo "skip: /usr/bin/python3 not found (apt-get install python3)"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" fit --transfers "$data/transfers.csv" -o "$tmp/demo.slm" >/dev/null
"$bin" value --model "$tmp/demo.slm" --player "Tobías Quirandel" --data "$data/values.csv" --bid 25m \
  --format json >"$tmp/cli.json"
"$bin" percentiles --stats "$data/players.csv" --season 2024 "Tobías Quirandel" --format json >"$tmp/pct.json" 2>/dev/null
"$bin" squad --stats "$data/players.csv" --season 2024 "Ambermouth City" --format json >"$tmp/squad.json" 2>/dev/null
"$bin" value --model "$tmp/demo.slm" --player "Tobías Quirandel" --data "$data/values.csv" --bid 25m \
  --market-value 30m --age 27 --position CB --format json >"$tmp/stated.json"
"$bin" value --model "$tmp/demo.slm" --player "Tobías Quirandel" --data "$data/values.csv" --bid 25m \
  --level 0.9 --window 2026 --format json >"$tmp/level.json"
"$bin" value --model "$tmp/demo.slm" --player "Tobías Quirandel" --data "$data/values.csv" --bid 25m \
  --what-if age=+1 --what-if market-value=15m --comparables 3 --format json >"$tmp/whatif.json"
cd "$tmp"
SCOUTLAB_LIBRARY=$lib PYTHONPATH=$pydir "$py" - "$tmp/cli.json" "$tmp/demo.slm" "$data" <<'PY'
import json, math, sys
import scoutlab
cli = json.load(open(sys.argv[1]))
model, data = sys.argv[2], sys.argv[3]
v = scoutlab.value("Tobías Quirandel", bid=25e6, model=model, data=[data + "/values.csv"])
bad = 0


def differences(mine, theirs, where="value"):
    """Where two JSON values differ: numbers within 1e-12 relative, everything else exactly."""
    if isinstance(mine, dict) and isinstance(theirs, dict):
        if sorted(mine) != sorted(theirs):
            return ["%s: keys %s against %s" % (where, sorted(set(mine) ^ set(theirs)), "scoutlab value")]
        return [d for k in mine for d in differences(mine[k], theirs[k], where + "." + k)]
    if isinstance(mine, list) and isinstance(theirs, list):
        if len(mine) != len(theirs):
            return ["%s: %d items, scoutlab value %d" % (where, len(mine), len(theirs))]
        return [d for i, (a, b) in enumerate(zip(mine, theirs)) for d in differences(a, b, "%s[%d]" % (where, i))]
    numbers = (int, float)
    if isinstance(mine, numbers) and isinstance(theirs, numbers) and not isinstance(mine, bool):
        return [] if math.isclose(mine, theirs, rel_tol=1e-12, abs_tol=1e-300) else ["%s: %r, scoutlab %r" % (where, mine, theirs)]
    return [] if mine == theirs else ["%s: %r, scoutlab %r" % (where, mine, theirs)]


# The whole document, key by key: the library writes both (one writer).
for d in differences(v, cli):
    print("FAIL " + d); bad = 1
if not cli["comparables"] or not cli["contributions"] or "verdict" not in cli:
    print("FAIL value's JSON lacks comparables, contributions or the verdict"); bad = 1
whatif = json.load(open(sys.argv[1].replace("cli.json", "whatif.json")))
w = scoutlab.value("Tobías Quirandel", bid=25e6, model=model, data=[data + "/values.csv"],
                   what_if=["age=+1", "market-value=15m"], comparables=3)
for d in differences(w, whatif):
    print("FAIL what-if: " + d); bad = 1
if len(w["what_if"]) != 2 or len(w["comparables"]) != 3 or w["what_if"][0]["change"] != "age=+1":
    print("FAIL what-ifs and comparables: %r, %d" % ([x["change"] for x in w["what_if"]], len(w["comparables"]))); bad = 1
try:
    scoutlab.value("Tobías Quirandel", model=model, data=[data + "/values.csv"], what_if="hair=red")
    print("FAIL a what-if of no attribute accepted"); bad = 1
except scoutlab.ScoutlabError as e:
    if "hair" not in str(e):
        print("FAIL what-if hair=red: %s" % e); bad = 1
t = scoutlab.load_table(data + "/contracts.csv")
if len(t["Player"]) != 2633 or not isinstance(t["annual_wage"][0], float):
    print("FAIL load_table: %d rows" % len(t["Player"])); bad = 1
with scoutlab.fit_fee_model([data + "/transfers.csv"]) as ws:
    names = [c["name"] for c in ws.coefficients()]
    if ws.deals() < 1000 or "age" not in names:
        print("FAIL fit: %d deals, %r" % (ws.deals(), names[:3])); bad = 1
try:
    scoutlab.value("Quirandelx Nobody", model=model, data=[data + "/values.csv"])
    print("FAIL unknown player accepted"); bad = 1
except scoutlab.ScoutlabError as e:
    if e.code != 6:
        print("FAIL unknown player: code %d: %s" % (e.code, e)); bad = 1
# Caller mistakes are ScoutlabError or TypeError, never a silent None nor a noisy __del__.
for bid in (-25e6, 0, float("inf")):
    try:
        scoutlab.value("Tobías Quirandel", bid=bid, model=model, data=[data + "/values.csv"])
        print("FAIL bid %r accepted" % bid); bad = 1
    except scoutlab.ScoutlabError as e:
        if e.code != scoutlab.EINVAL or e.name != "EINVAL" or "greater than 0" not in str(e):
            print("FAIL bid %r: %s %s" % (bid, e.name, e)); bad = 1
for season, first in (("2024/25", 2024), ("24/25", 2024), (2023, 2023), ("2022-2023", 2022)):
    if scoutlab.parse_season(season) != first:
        print("FAIL season %r" % season); bad = 1
if scoutlab.parse_season(2024.0) != 2024:
    print("FAIL season 2024.0"); bad = 1
for wrong in ("25/24", 24):
    try:
        scoutlab.parse_season(wrong)
        print("FAIL season %r accepted" % (wrong,)); bad = 1
    except scoutlab.ScoutlabError:
        pass
try:
    scoutlab.parse_season("25/24")
    print("FAIL season 25/24 accepted"); bad = 1
except scoutlab.ScoutlabError as e:
    if e.code != scoutlab.EPARSE:
        print("FAIL season 25/24: %s" % e.name); bad = 1
try:
    scoutlab.Workspace(data=[None])
    print("FAIL None as a path accepted"); bad = 1
except TypeError:
    pass
ws = scoutlab.Workspace(model=model, data=[data + "/values.csv"], season="2024/25")
if not math.isclose(ws.value("Tobías Quirandel")["fair_fee"], v["fair_fee"], rel_tol=1e-12):
    print("FAIL season 2024/25: another fee than the data's own season"); bad = 1
ws.close()
try:
    ws.value("Tobías Quirandel")
    print("FAIL a closed workspace valued"); bad = 1
except scoutlab.ScoutlabError as e:
    if "closed" not in str(e):
        print("FAIL closed workspace: %s" % e); bad = 1
# The model that valued him (its file, kept by the library: the caller's string is gone) and the
# verdict in words, as value prints it.
if v["model"] != model or not v["verdict"] or "25m is" not in v["verdict"]:
    print("FAIL model/verdict: %r %r" % (v["model"], v["verdict"])); bad = 1
# What the caller states, as value's options state it.
stated = json.load(open(sys.argv[1].replace("cli.json", "stated.json")))
w = scoutlab.value("Tobías Quirandel", bid=25e6, model=model, data=[data + "/values.csv"], market_value="30m", age=27,
                   position="CB")
for k in ("fair_fee", "fee_low", "fee_high", "p_at_least_bid", "market_value", "age"):
    if not math.isclose(w[k], stated[k], rel_tol=1e-12):
        print("FAIL stated %s: python %r, scoutlab value %r" % (k, w[k], stated[k])); bad = 1
# The workspace's level and valuation season, as value's --level and --window.
level = json.load(open(sys.argv[1].replace("cli.json", "level.json")))
with scoutlab.Workspace(data=[data + "/values.csv"], model=model, level=0.9, valuation_season="2026/27") as ws:
    w = ws.value("Tobías Quirandel", bid=25e6)
for k in ("fair_fee", "fee_low", "fee_high", "p_at_least_bid", "age"):
    if not math.isclose(w[k], level[k], rel_tol=1e-12):
        print("FAIL level/valuation season %s: python %r, scoutlab value %r" % (k, w[k], level[k])); bad = 1
if not math.isclose(w["level"], 0.9, rel_tol=1e-12) or not w["fee_low"] < cli["fee_low"] * 0.95:
    print("FAIL level 0.9: level %r, low %r against 0.8's %r" % (w["level"], w["fee_low"], cli["fee_low"])); bad = 1
for kwargs, want in (({"market_value": "lots"}, "market_value expects an amount in euros"),
                     ({"market_value": 0}, "greater than 0"), ({"market_value": -5e6}, "greater than 0"),
                     ({"hair": "red"}, "unknown attribute 'hair'"),
                     ({"league": "Valmorian Leage"}, "did you mean")):
    try:
        scoutlab.value("Tobías Quirandel", model=model, data=[data + "/values.csv"], **kwargs)
        print("FAIL %r accepted" % kwargs); bad = 1
    except scoutlab.ScoutlabError as e:
        if want not in str(e):
            print("FAIL %r: %s" % (kwargs, e)); bad = 1
# Percentiles as `scoutlab percentiles` gives them; rows skipped with their file, line, reason.
cli_pct = json.load(open(sys.argv[1].replace("cli.json", "pct.json")))["players"][0]
with scoutlab.Workspace(stats=[data + "/players.csv"], season=2024) as ws:
    pct = ws.percentiles("Tobías Quirandel")
    if pct["role"] != "centre-back" or pct["pool_size"] != cli_pct["pool"]["size"]:
        print("FAIL percentiles: %r, pool %d" % (pct["role"], pct["pool_size"])); bad = 1
    for mine, theirs in zip(pct["stats"], cli_pct["stats"]):
        if mine["stat"] != theirs["stat"] or not math.isclose(mine["value"], theirs["value"], rel_tol=1e-12, abs_tol=1e-12) \
                or not math.isclose(mine["percentile"], theirs["percentile"], rel_tol=1e-12) \
                or mine["few"] is not theirs["few"] or (mine["attempts"] is None) != (theirs["attempts"] is None) \
                or (mine["attempts"] is not None and not math.isclose(mine["attempts"], theirs["attempts"], rel_tol=1e-12)):
            print("FAIL percentile %r: python %r, scoutlab %r" % (theirs["stat"], mine, theirs)); bad = 1
    if not any(st["attempts"] is not None for st in pct["stats"]):
        print("FAIL percentiles: no rate with its attempts in %r" % [st["stat"] for st in pct["stats"]]); bad = 1
    if len(pct["stats"]) != len(cli_pct["stats"]):
        print("FAIL percentiles: %d stats, scoutlab %d" % (len(pct["stats"]), len(cli_pct["stats"]))); bad = 1
    try:
        ws.percentiles("Tobías Quirandel", role="centre-bak")
        print("FAIL an unknown role accepted"); bad = 1
    except scoutlab.ScoutlabError as e:
        if e.name != "EUNKNOWN" or "did you mean centre-back" not in str(e):
            print("FAIL unknown role: %s %s" % (e.name, e)); bad = 1
# Squad importance as `scoutlab squad CLUB` ranks it.
cli_sq = json.load(open(sys.argv[1].replace("cli.json", "squad.json")))
with scoutlab.Workspace(stats=[data + "/players.csv"], season=2024) as ws:
    sq = ws.squad("ambermouth")
    if sq["club"] != cli_sq["club"] or len(sq["players"]) != len(cli_sq["players"]):
        print("FAIL squad: %r with %d players, scoutlab %r with %d" % (sq["club"], len(sq["players"]), cli_sq["club"],
                                                                      len(cli_sq["players"]))); bad = 1
    for mine, theirs in zip(sq["players"], cli_sq["players"]):
        if mine["player"] != theirs["player"] or not math.isclose(mine["importance"], theirs["total"], rel_tol=1e-12):
            print("FAIL squad row: python %r %r, scoutlab %r %r" % (mine["player"], mine["importance"], theirs["player"],
                                                                   theirs["total"])); bad = 1
        for k, c in theirs["components"].items():
            got = mine["components"].get(k)
            if (c["score"] is None) != (got is None) or (got is not None and not math.isclose(got, c["score"], rel_tol=1e-12)):
                print("FAIL squad %s %s: python %r, scoutlab %r" % (mine["player"], k, got, c["score"])); bad = 1
    try:
        ws.squad("Ambermouth Citty FC Nowhere")
        print("FAIL an unknown club accepted"); bad = 1
    except scoutlab.ScoutlabError as e:
        if e.name not in ("ENOTFOUND", "EUNKNOWN"):
            print("FAIL unknown club: %s %s" % (e.name, e)); bad = 1
open("bad.csv", "w").write("name,age\nBob,26,extra\nAl,27\n")
t = scoutlab.load_table("bad.csv")
if t["name"] != ["Al"] or t.rows_read != 2 or len(t.skipped) != 1 or t.skipped[0]["line"] != 2 \
        or "expected 2 fields, found 3" not in t.skipped[0]["reason"] or not t.skipped[0]["file"].endswith("bad.csv"):
    print("FAIL skipped rows: %r, read %d, %r" % (dict(t), t.rows_read, t.skipped)); bad = 1
print("python: fair fee %.0f, matches scoutlab value" % v["fair_fee"])
sys.exit(bad)
PY
