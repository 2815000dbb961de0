# Fits and checks the back-three score of analytics/lib/compare_positions.c (SL_CB_LOGIT_*):
# a logistic model of P(full-back) for FBref "DF" defenders with >= 900 minutes, on crosses,
# progressive passes received, touches in the defensive penalty area, aerials won and clearances
# per 90. Data: the 2018/19-2020/21 seasons of ../shared/data/fbref-big5-yearly (standard, misc,
# defense and possession tables joined by player, club and birth year), labelled with the
# transfers-tm sub-position (CB / LB, RB, LWB, RWB) of the nearest season, joined by normalised
# name and birth year (season - age, within 1.5 years). Prints the agreement of the old crosses +
# PrgR rule and of the score (in-sample and leave-one-season-out) with Transfermarkt.
# Run: /usr/bin/python3 tests/data/compare/cb_logit_fit.py [shared-data-dir]   (standard library only)
import csv, glob, math, sys, unicodedata

root = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"
Y = f"{root}/fbref-big5-yearly"
SEASONS = (2018, 2019, 2020)
FEATURES = ["Crosses", "PrgR", "DefPenTouches", "AerialsWon", "Clearences"]

def norm(s):
    s = unicodedata.normalize("NFKD", s)
    return " ".join("".join(c for c in s if not unicodedata.combining(c)).lower().replace("-", " ").split())

def num(x):
    try: return float((x or "").strip().replace(",", ""))
    except ValueError: return None

def rows(table, year):
    r = list(csv.reader(open(f"{Y}/{table}/{year}.csv", encoding="utf-8")))
    head = [c.strip() for c in r[0]]
    return [{head[i]: x[i] for i in range(min(len(head), len(x)))} for x in r[1:]]

def key(d):
    return (norm(d.get("Player") or d.get("Name") or d.get("Plyaer")), d.get("Squad") or d.get("Club") or d.get("Team"),
            (d.get("Born") or d.get("YearBorn") or "").strip())

players = []
for year in SEASONS:
    base = {key(d): {"season": year, "name": d["Player"], "pos": d["Pos"], "min": num(d["Min"]), "born": num(d["Born"]),
                     "PrgR": num(d["PrgR"])} for d in rows("standard", year)}
    for table, cols in (("misc", ["Crosses", "AerialsWon"]), ("defense", ["Clearences"]), ("possession", ["DefPenTouches"])):
        for d in rows(table, year):
            if key(d) in base:
                for c in cols: base[key(d)][c] = num(d.get(c))
    players += base.values()

tm = {}
for f in glob.glob(f"{root}/transfers-tm/20*/*.csv"):
    for d in csv.DictReader(open(f, encoding="utf-8")):
        if num(d["age"]) is not None and int(d["season"]) >= 2016:
            tm.setdefault(norm(d["name"]), []).append((int(d["season"]), int(d["season"]) - num(d["age"]), d["short_pos"]))
GROUP = {"CB": 0, "LB": 1, "RB": 1, "LWB": 1, "RWB": 1}
data = []
for p in players:
    if not p["pos"].startswith("DF") or not p["min"] or p["min"] < 900 or p["born"] is None: continue
    c = [e for e in tm.get(norm(p["name"]), []) if abs(e[1] - p["born"]) <= 1.5 and e[0] <= p["season"] + 1]
    if not c: continue
    c.sort(key=lambda e: (abs(e[0] - p["season"]), -e[0]))
    if c[0][2] not in GROUP: continue
    x = [(p.get(f) or 0) / (p["min"] / 90) for f in FEATURES]
    data.append((p["season"], x, GROUP[c[0][2]]))

def fit(d):
    w = [0.0] * (len(FEATURES) + 1)
    for _ in range(4000):  # batch gradient descent on the mean log-loss
        g = [0.0] * len(w)
        for _, x, y in d:
            z = max(-30, min(30, w[0] + sum(wj * xj for wj, xj in zip(w[1:], x))))
            e = 1 / (1 + math.exp(-z)) - y
            g[0] += e
            for j, xj in enumerate(x): g[j + 1] += e * xj
        w = [wk - 0.05 * gk / len(d) for wk, gk in zip(w, g)]
    return w

def agree(w, d):
    return sum(((w[0] + sum(wj * xj for wj, xj in zip(w[1:], x))) > 0) == (y == 1) for _, x, y in d)

old = sum(((x[0] + x[1]) >= 2.0) == (y == 1) for _, x, y in data)
print(f"{len(data)} defenders ({sum(1 - y for *_, y in data)} CB, {sum(y for *_, y in data)} FB per transfers-tm)")
print(f"crosses + PrgR < 2.0 rule: {100 * old / len(data):.1f}% agree")
loso = sum(agree(fit([r for r in data if r[0] != s]), [r for r in data if r[0] == s]) for s in SEASONS)
w = fit(data)
print(f"score: {100 * agree(w, data) / len(data):.1f}% in sample, {100 * loso / len(data):.1f}% leave-one-season-out")
print("coefficients (intercept, " + ", ".join(FEATURES) + "): " + ", ".join(f"{x:.4f}" for x in w))
