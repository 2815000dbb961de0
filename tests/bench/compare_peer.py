# compare_peer.py - the pandas peer of compare_bench.c: the same queries over the FBref Big-5 file,
# written as a pandas user would, timed the same way (load, index, then the median and the worst
# of REPEATS runs of each query). Run by compare_bench.sh; alone:
#   /usr/bin/python3 tests/bench/compare_peer.py STATS.csv datasets/profiles.csv [DUMP]
# Prints "load MS MS", "index MS MS" and "query NAME MEDIAN_MS WORST_MS" lines; DUMP (optional)
# gets the query results in compare_bench.c's format so that the script can check both tools
# gave the same answers.
#
# Definitions follow docs/compare.md, as tests/data/compare/big5_expected.py does: rows combined
# per normalised name + birth year (rows without a name or minutes, over 5000 minutes or
# repeating name/born/club/league are dropped first), main league and FBref Pos from the row with
# the most minutes, a DF is a centre-back when scoutlab's back-three score (a logistic model of
# P(full-back) on crosses, progressive passes received, touches in the defensive box, aerials won
# and clearances per 90: compare_positions.c) is below 0.5 (the C side runs without positions or
# override files, so it uses the same rule), per-90 = total /
# (Min / 90), rates from their parts (outside 0-100: missing), mid-rank percentiles, z-scores with
# the n - 1 standard deviation, RMS Euclidean distance over the stats both players have.
#
# Work split, as idiomatic pandas would do it: "index" sums every numeric column per player once
# (a groupby); a query then divides those sums for the pool and ranks with numpy. scoutlab's
# index only groups the rows; its queries sum each player's rows themselves.
import csv
import re
import sys
import time
import unicodedata

import numpy as np
import pandas as pd

REPEATS = 50  # as compare_bench.c
MIN_MINUTES = 900.0  # SL_COMPARE_DEFAULT_MIN_MINUTES
MAX_ROW_MINUTES = 5000.0  # SL_COMPARE_MAX_ROW_MINUTES
# SL_CB_LOGIT_*: the back-three score's intercept and coefficients per stat per 90.
CB_RULE = 2.0  # SL_CB_RULE_THRESHOLD: the crosses + PrgR rule where a score stat is missing
CB_LOGIT = {"intercept": 0.0488, "Crs": 1.0126, "PrgR": 0.8673, "Def Pen": -0.6963, "Won": -0.9938, "Clr": 0.6048}
K = 10  # SL_COMPARE_DEFAULT_K
NAMES = ["Leonardo Balerdi", "Willian Pacho", "Marquinhos"]


def norm(s):
    s = unicodedata.normalize("NFKD", str(s))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


def build_index(df):
    d = df[df.Player.notna() & (df.Min.notna() | df["90s"].notna())]
    d = d[~(d.Min > MAX_ROW_MINUTES)].copy()
    d["name_norm"] = d.Player.map(norm)
    d["key"] = d.name_norm + "|" + d.Born.astype(str)
    d = d.drop_duplicates(["key", "Squad", "Comp"])
    num = d.select_dtypes("number").columns
    sums = d.groupby("key", sort=False)[list(num)].sum(min_count=1)
    main = d.sort_values("Min", ascending=False, kind="stable").groupby("key", sort=False).first()
    p = sums.join(main[["Player", "name_norm", "Comp", "Pos"]])
    p["league"] = p.Comp.str.replace(r"^[a-z]{2,3} (?=[A-Z0-9])", "", regex=True)
    p["n90"] = np.where(p.Min.notna(), p.Min / 90, p["90s"])
    first = p.Pos.fillna("").str[:2]
    z = CB_LOGIT["intercept"] + sum(CB_LOGIT[c] * p[c] / p.n90 for c in CB_LOGIT if c != "intercept")
    p_full_back = 1 / (1 + np.exp(-z))
    crs_prgr = (p.Crs + p.PrgR) / p.n90
    p_full_back = p_full_back.where(p_full_back.notna(), (crs_prgr >= CB_RULE).astype(float).where(crs_prgr.notna()))
    group = pd.Series("unknown", index=p.index)
    group[first == "GK"] = "goalkeeper"
    group[first == "MF"] = "midfielder"
    group[first == "FW"] = "winger-forward"
    group[(first == "DF") & (p_full_back < 0.5)] = "centre-back"
    group[(first == "DF") & (p_full_back >= 0.5)] = "full-back"
    p["group"] = group
    return p.reset_index()


def first_present(columns, aliases):
    return next((a.strip() for a in aliases.split("|") if a.strip() in columns), None)


def bind_expr(columns, expr):
    terms, sign = [], 1
    for tok in re.split(r" ([+-]) ", expr):
        if tok in "+-":
            sign = 1 if tok == "+" else -1
            continue
        col = first_present(columns, tok)
        if col is None:
            return None
        terms.append((sign, col))
    return terms


def load_profile(path, role, columns):
    stats = []
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            if r["role"] != role:
                continue
            s = {"stat": r["stat"], "kind": r["kind"], "lower": r["better"] == "lower",
                 "weight": float(r["weight"] or 1), "col": first_present(columns, r["columns"])}
            if r["numerator"]:
                num, den = bind_expr(columns, r["numerator"]), bind_expr(columns, r["denominator"])
                s["parts"] = (num, den) if num and den else None
            stats.append(s)
    return stats


def needed(profile):
    cols = {"n90"}
    for s in profile:
        if s.get("parts"):
            cols.update(c for side in s["parts"] for _, c in side)
        elif s["col"]:
            cols.add(s["col"])
    return sorted(cols)


def values(p, rows, profile):
    """Profile values of the players at `rows` (per-90 from the summed totals); only the
    profile's columns are taken out of the wide frame."""
    q = p.loc[rows, needed(profile)]
    out = {}
    for s in profile:
        if s["kind"] == "rate" and s.get("parts"):
            num = sum(sign * q[c] for sign, c in s["parts"][0])
            den = sum(sign * q[c] for sign, c in s["parts"][1])
            v = (100 * num / den).where(den > 0)
            out[s["stat"]] = v.where((v >= 0) & (v <= 100))
        elif s["kind"] == "per90":
            out[s["stat"]] = (q[s["col"]] / q.n90).where(q.n90 > 0)
        else:  # total; the centre-back profile has no raw stats
            out[s["stat"]] = q[s["col"]]
    return pd.DataFrame(out, index=q.index)


def find(p, name):
    hit = p.index[p.name_norm.values == norm(name)]
    if len(hit) != 1:
        sys.exit(f"{name}: {len(hit)} players")
    return hit[0]


def percentiles(p, i, profile):
    pool = p.index[(p.group.values == "centre-back") & (p.league.values == p.league[i]) & (p.Min.values >= MIN_MINUTES)]
    own = values(p, [i], profile).iloc[0]
    pv = values(p, pool, profile)
    res = []
    for s in profile:
        col = pv[s["stat"]].to_numpy()
        col = col[~np.isnan(col)]
        v = own[s["stat"]]
        worse = (col > v).sum() if s["lower"] else (col < v).sum()
        res.append((s["stat"], v, 100 * (worse + 0.5 * (col == v).sum()) / len(col) if len(col) and v == v else np.nan))
    return res


def similar(p, i, profile):
    pop = p.index[(p.group.values == "centre-back") & (p.Min.values >= MIN_MINUTES)]
    vals = values(p, pop, profile)
    own = values(p, [i], profile).iloc[0]
    sd = vals.std(ddof=1)
    mean = vals.mean()
    sign = np.array([-1.0 if s["lower"] else 1.0 for s in profile])
    z = ((vals - mean) / sd).to_numpy() * sign
    zo = ((own - mean) / sd).to_numpy() * sign
    w = np.array([s["weight"] for s in profile])
    have = ~np.isnan(z) & ~np.isnan(zo)
    diff = np.where(have, z - zo, 0.0)
    d = np.sqrt((w * diff * diff).sum(axis=1) / (w * have).sum(axis=1))
    same = (p.name_norm[pop].values == p.name_norm[i]) & (p.Born[pop].values == p.Born[i])
    d[same] = np.nan
    order = np.argsort(np.where(np.isnan(d), np.inf, d), kind="stable")[:K]
    return [(p.Player[pop[j]], d[j]) for j in order]


def timed(fn, repeats):
    ms = []
    for _ in range(repeats):
        a = time.perf_counter()
        out = fn()
        ms.append((time.perf_counter() - a) * 1e3)
    ms.sort()
    return ms[len(ms) // 2], ms[-1], out


def main():
    stats_path = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/fbref-big5-2024-25/players_data-2024_2025.csv"
    profiles_path = sys.argv[2] if len(sys.argv) > 2 else "datasets/profiles.csv"
    t0 = time.perf_counter()
    df = pd.read_csv(stats_path)
    t1 = time.perf_counter()
    p = build_index(df)
    t2 = time.perf_counter()
    print(f"load {(t1 - t0) * 1e3:.3f} {(t1 - t0) * 1e3:.3f}")
    print(f"index {(t2 - t1) * 1e3:.3f} {(t2 - t1) * 1e3:.3f}")
    profile = load_profile(profiles_path, "centre-back", df.columns)
    med, worst, cmp3 = timed(lambda: [percentiles(p, find(p, n), profile) for n in NAMES], REPEATS)
    print(f"query compare3 {med:.3f} {worst:.3f}")
    med, worst, sim = timed(lambda: similar(p, find(p, NAMES[0]), profile), REPEATS)
    print(f"query similar {med:.3f} {worst:.3f}")
    if len(sys.argv) > 3:
        with open(sys.argv[3], "w") as f:
            for name, res in zip(NAMES, cmp3):
                for stat, v, pct in res:
                    f.write(f"pct\t{name}\t{stat}\t{v:.12g}\t{pct:.12g}\n")
            cb = p.group.values == "centre-back"
            for name in NAMES:  # pool sizes: the position groups must agree too
                i = find(p, name)
                f.write(f"pool\t{name}\t{(cb & (p.league.values == p.league[i]) & (p.Min.values >= MIN_MINUTES)).sum()}\n")
            pop = cb & (p.Min.values >= MIN_MINUTES)
            i = find(p, NAMES[0])
            self_rows = (p.name_norm.values == p.name_norm[i]) & (p.Born.values == p.Born[i])
            f.write(f"population\t{pop.sum()}\tcandidates\t{(pop & ~self_rows).sum()}\n")
            for name, d in sim:
                f.write(f"sim\t{name}\t{d:.12g}\n")


if __name__ == "__main__":
    main()
