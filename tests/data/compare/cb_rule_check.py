# Agreement of the centre-back rule ((Crs + PrgR) per 90 < 2.0, analytics/lib/compare_positions.c)
# with transfers-tm's last known sub-position, for Big-5 2024/25 defenders (FBref Pos containing DF)
# with >= 900 minutes. Run: /usr/bin/python3 tests/data/compare/cb_rule_check.py [shared-data-dir]
import glob, os, re, sys, unicodedata
import pandas as pd

root = sys.argv[1] if len(sys.argv) > 1 else "../shared/data"

def norm(s):
    s = unicodedata.normalize("NFKD", str(s))
    return re.sub(r"[^a-z0-9]+", " ", "".join(c for c in s if not unicodedata.combining(c)).lower()).strip()

df = pd.read_csv(f"{root}/fbref-big5-2024-25/players_data-2024_2025.csv")
files = [f for f in glob.glob(f"{root}/transfers-tm/*/*.csv") if os.path.getsize(f) > 200]
tm = pd.concat([pd.read_csv(f) for f in files]).sort_values("season")
tm["key"], tm["born"] = tm.name.map(norm), tm.season - tm.age
last = {}
for r in tm.itertuples():
    last.setdefault(r.key, []).append((r.born, r.short_pos))

def sub(r):
    c = [x for x in last.get(norm(r.Player), []) if pd.isna(r.Born) or pd.isna(x[0]) or abs(x[0] - r.Born) <= 1]
    return c[-1][1] if c else None

d = df[df.Pos.str.contains("DF") & (df.Min >= 900)].copy()
d["sub"] = d.apply(sub, axis=1)
k = d[d["sub"].isin(["CB", "SW", "LB", "RB"])]
rule_cb = (k.Crs + k.PrgR) / (k.Min / 90) < 2.0
tm_cb = k["sub"].isin(["CB", "SW"])
print(f"{len(k)} defenders with a transfers-tm sub-position; rule agrees {100 * (rule_cb == tm_cb).mean():.1f}%")
print(k[rule_cb != tm_cb][["Player", "Squad", "sub"]].to_string(index=False))
