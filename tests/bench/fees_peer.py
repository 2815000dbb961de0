#!/usr/bin/python3
"""fees_peer.py - an independent Python peer of scoutlab's fee model (issue 15), on the real
Transfermarkt transfers: its own row selection (pandas), its own fits (statsmodels WLS).

    /usr/bin/python3 tests/bench/fees_peer.py ../shared/data/transfers-tm [--train-until 2016]

Debian packages only: python3-pandas, python3-statsmodels. Prints the selection counts and the
out-of-time log-RMSE on the buyers' in rows of the test seasons (movement in, not a loan,
fee > 0, market value > 0) for: fee = market value; OLS with scoutlab's classic terms (age,
age^2, position group, buying league, selling league, linear season trend, log market value);
the same terms with season as a level (the last carried forward) and recency weights
0.5^((last - season) / h) for h = 1..4; and, as scoutlab's declared list
"age,age^2,position,buyer_league,seller_league,season,log_mv,log_mv:age,buyer_club", the season
as a level with h = 1..4, log market value x age and the buying club as a factor (clubs with
fewer than 25 training deals pooled). tests/bench/README.md has the side-by-side run.
"""
import glob
import math
import sys

import numpy as np
import pandas as pd
import statsmodels.api as sm

MIN_LEVEL = 25          # scoutlab's SL_FEES_MIN_LEVEL_DEALS
FEE_ROUNDING = 0.005    # scoutlab's FEE_ROUNDING: Transfermarkt's three significant digits

GROUPS = {"GK": "GK", "CB": "CB", "SW": "CB", "LB": "FB", "RB": "FB", "LWB": "FB", "RWB": "FB",
          "DM": "CM", "CM": "CM", "AM": "AMW", "LW": "AMW", "RW": "AMW", "LM": "AMW", "RM": "AMW",
          "CF": "CF", "SS": "CF", "ST": "CF"}


def load(root):
    files = sorted(glob.glob(f"{root}/*/*.csv"))
    df = pd.concat([pd.read_csv(f, dtype=str, keep_default_na=False) for f in files], ignore_index=True)
    return df


def select(df):
    counts = {"rows": len(df)}
    df = df.copy()
    df["fee_n"] = pd.to_numeric(df["fee"], errors="coerce")
    df["mv_n"] = pd.to_numeric(df["market_value"], errors="coerce")
    df["age_n"] = pd.to_numeric(df["age"], errors="coerce")
    df["season_n"] = pd.to_numeric(df["season"], errors="coerce")
    keep = (df["is_loan"] != "True") & (df["fee_n"] > 0) & df["movement"].isin(["in", "out"])
    d = df[keep].copy()
    # a row repeated cell for cell
    cols = [c for c in df.columns if not c.endswith("_n")]
    rep = d.duplicated(subset=cols, keep="first")
    counts["repeated"] = int(rep.sum())
    d = d[~rep]
    # the same move listed again by the same side (fee within rounding): sort and compare
    d = d.sort_values(["name", "season", "movement", "club", "dealing_club", "fee_n"], kind="stable")
    key = ["name", "season", "movement", "club", "dealing_club"]
    same = (d[key] == d[key].shift()).all(axis=1)
    close = (d["fee_n"] - d["fee_n"].shift()).abs() <= FEE_ROUNDING * np.maximum(d["fee_n"], d["fee_n"].shift())
    relisted = same & close
    counts["relisted"] = int(relisted.sum())
    d = d[~relisted].sort_index()
    # pair out rows with in rows (player, season, fee within rounding)
    ins = d[d["movement"] == "in"]
    by_key = {}
    for i, r in ins.iterrows():
        by_key.setdefault((r["name"], r["season"]), []).append(i)
    seller = {}
    dup = set()
    for i, r in d[d["movement"] == "out"].iterrows():
        cands = by_key.get((r["name"], r["season"]), [])
        match = [j for j in cands if abs(ins.at[j, "fee_n"] - r["fee_n"]) <= FEE_ROUNDING * max(ins.at[j, "fee_n"], r["fee_n"])]
        if match:
            exact = [j for j in match if ins.at[j, "fee_n"] == r["fee_n"]]
            j = (exact or match)[0]
            dup.add(i)
            seller.setdefault(j, r["league"])
    counts["duplicate"] = len(dup)
    d = d.drop(index=list(dup))
    outside = "outside: " + d["dealing_country"]
    is_in = d["movement"] == "in"
    d["buyer_league"] = np.where(is_in, d["league"], outside)
    d["seller_league"] = np.where(is_in, [seller.get(i, o) for i, o in zip(d.index, outside)], d["league"])
    d["buyer_club"] = np.where(is_in, d["club"], d["dealing_club"])
    d["group"] = d["short_pos"].str.upper().map(GROUPS)
    d = d[d["age_n"].notna() & d["group"].notna() & (d["mv_n"] > 0)]
    counts["deals"] = len(d)
    return d, counts


def pooled(train, test, col):
    n = train[col].value_counts()
    ok = set(n[n >= MIN_LEVEL].index)
    return (train[col].where(train[col].isin(ok), "other"), test[col].where(test[col].isin(ok), "other"))


def design(train, test, season, clubs=False):
    parts_tr, parts_te = [], []
    for col in ["group", "buyer_league", "seller_league"] + (["buyer_club"] if clubs else []):
        a, b = pooled(train, test, col)
        levels = sorted(set(a))
        parts_tr.append(pd.get_dummies(pd.Categorical(a, categories=levels), prefix=col, drop_first=True, dtype=float))
        parts_te.append(pd.get_dummies(pd.Categorical(b, categories=levels), prefix=col, drop_first=True, dtype=float))
    last = train["season_n"].max()
    num_tr = pd.DataFrame({"age": train["age_n"].values, "age2": train["age_n"].values ** 2,
                           "lmv": np.log(train["mv_n"].values)})
    num_te = pd.DataFrame({"age": test["age_n"].values, "age2": test["age_n"].values ** 2,
                           "lmv": np.log(test["mv_n"].values)})
    if clubs:  # log market value x age, as scoutlab's log_mv:age (raw product)
        num_tr["lmv_age"] = num_tr["lmv"] * num_tr["age"]
        num_te["lmv_age"] = num_te["lmv"] * num_te["age"]
    if season == "trend":
        num_tr["season"] = train["season_n"].values - last
        num_te["season"] = test["season_n"].values - last
    elif season == "level":  # the last training season's level carried forward
        levels = sorted(set(train["season_n"]))
        s_te = np.minimum(test["season_n"].values, last)
        parts_tr.append(pd.get_dummies(pd.Categorical(train["season_n"], categories=levels), prefix="s", drop_first=True, dtype=float))
        parts_te.append(pd.get_dummies(pd.Categorical(s_te, categories=levels), prefix="s", drop_first=True, dtype=float))
    X_tr = sm.add_constant(pd.concat([num_tr] + [p.reset_index(drop=True) for p in parts_tr], axis=1), has_constant="add")
    X_te = sm.add_constant(pd.concat([num_te] + [p.reset_index(drop=True) for p in parts_te], axis=1), has_constant="add")
    return X_tr, X_te[X_tr.columns]


def fit_predict(train, test, season, half_life, clubs=False):
    X_tr, X_te = design(train, test, season, clubs)
    y = np.log(train["fee_n"].values)
    last = train["season_n"].max()
    w = np.ones(len(train)) if not half_life else 0.5 ** ((last - train["season_n"].values) / half_life)
    fit = sm.WLS(y, X_tr, weights=w).fit()
    return fit.predict(X_te).values


def rmse(y, p):
    return math.sqrt(float(np.mean((y - p) ** 2)))


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "../shared/data/transfers-tm"
    until = int(sys.argv[sys.argv.index("--train-until") + 1]) if "--train-until" in sys.argv else 2016
    d, counts = select(load(root))
    d = d[d["season_n"] <= 2020]
    print("selection:", counts)
    train = d[d["season_n"] <= until]
    test = d[(d["season_n"] > until) & (d["movement"] == "in")]
    y = np.log(test["fee_n"].values)
    print(f"train <= {until}: {len(train)} deals; test {until + 1}-2020 in rows: {len(test)}")
    print(f"  fee = market value                 log-RMSE {rmse(y, np.log(test['mv_n'].values)):.3f}")
    print(f"  OLS, classic terms (season trend)  log-RMSE {rmse(y, fit_predict(train, test, 'trend', 0)):.3f}")
    for season in ["trend", "level", "none"]:
        for h in [1, 2, 3, 4]:
            print(f"  season {season:5s}, half-life {h}         log-RMSE {rmse(y, fit_predict(train, test, season, h)):.3f}")
    for h in [1, 2, 3, 4]:
        p = fit_predict(train, test, "level", h, clubs=True)
        print(f"  + log_mv:age + buying club, season level, half-life {h}  log-RMSE {rmse(y, p):.3f}")


if __name__ == "__main__":
    main()
