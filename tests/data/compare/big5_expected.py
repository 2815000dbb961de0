# Independent reference for tests/unit/test_compare_big5.c: percentiles of three Ligue 1
# centre-backs against Ligue 1 centre-backs with >= 900 minutes, computed with pandas from
# ../shared/data/fbref-big5-2024-25 following docs/compare.md (rows combined per normalised
# name + birth year, main league = most minutes, DF split by the back-three logistic score of
# analytics/lib/compare_positions.c (P(full-back) < 0.5 is a centre-back), per-90 =
# total / (Min / 90), rates from their parts, mid-rank percentile). Prints C initialisers.
# Run: /usr/bin/python3 tests/data/compare/big5_expected.py [path to players_data-2024_2025.csv]
import sys, unicodedata, re
import pandas as pd

path = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/fbref-big5-2024-25/players_data-2024_2025.csv"
df = pd.read_csv(path)

def norm(s):
    s = unicodedata.normalize("NFKD", str(s))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", " ", s).strip()

df["key"] = df.Player.map(norm) + "|" + df.Born.astype(str)
sums = ["Min", "TklW", "Int", "Tkl+Int", "Blocks_stats_defense", "Clr", "Err", "Recov", "Won",
        "Lost_stats_misc", "Cmp", "Att", "PrgP", "PrgC", "TotDist", "PrgDist", "Crs", "PrgR", "Def Pen"]
main = df.sort_values("Min", ascending=False).groupby("key").first()
p = df.groupby("key")[sums].sum()
p["league"] = main.Comp.str.replace(r"^[a-z]{2,3} ", "", regex=True)
p["pos"] = main.Pos
p["name"] = main.Player
n90 = p.Min / 90
# SL_CB_LOGIT_* in compare_positions.c: crosses, PrgR, box touches, aerials won, clearances per 90
z = (0.0488 + 1.0126 * p.Crs / n90 + 0.8673 * p.PrgR / n90 - 0.6963 * p["Def Pen"] / n90
     - 0.9938 * p.Won / n90 + 0.6048 * p.Clr / n90)
p["cb"] = p.pos.str.startswith("DF") & (z < 0)
stats = {
    "TklW": p.TklW / n90, "Int": p.Int / n90, "Tkl+Int": p["Tkl+Int"] / n90,
    "Blocks": p.Blocks_stats_defense / n90, "Clr": p.Clr / n90, "Err": p.Err / n90,
    "Recov": p.Recov / n90, "Won": p.Won / n90, "Won%": 100 * p.Won / (p.Won + p.Lost_stats_misc),
    "Cmp": p.Cmp / n90, "Cmp%": 100 * p.Cmp / p.Att, "PrgP": p.PrgP / n90,
    "TotDist": p.TotDist / n90, "PrgDist": p.PrgDist / n90, "PrgC": p.PrgC / n90,
}
lower = {"Err"}
pool = p[p.cb & (p.league == "Ligue 1") & (p.Min >= 900)].index
print(f"/* pool: {len(pool)} Ligue 1 centre-backs with >= 900 minutes; "
      f"{int((p.cb & (p.Min >= 900)).sum())} in all leagues */")
for who in ["Leonardo Balerdi", "Willian Pacho", "Marquinhos"]:
    k = p.index[p.name == who][0]
    vals, pcts = [], []
    for s, col in stats.items():
        v = col[k]
        pv = col[pool].dropna()
        worse = (pv > v).sum() if s in lower else (pv < v).sum()
        eq = (pv == v).sum()
        vals.append(v)
        pcts.append(100 * (worse + 0.5 * eq) / len(pv))
    print(f"/* {who} */")
    print("{" + ", ".join(f"{x:.12g}" for x in vals) + "},")
    print("{" + ", ".join(f"{x:.12g}" for x in pcts) + "},")
