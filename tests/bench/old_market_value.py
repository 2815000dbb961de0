#!/usr/bin/python3
"""old_market_value.py DATA OUT TEST GAP - the transfers of old_market_value.sh: OUT/old and
OUT/current, each a transfers-tm layout (seasons before TEST linked), whose TEST season keeps the
rows of players found in FBref's standard table of TEST-1 (normalised name, birth year within one;
with MINUTES=lo-hi in the environment, only those whose minutes there are in [lo, hi)) with a
market value in an earlier row of a season <= TEST-GAP; OUT/old has that value (his latest such)
in place of the row's own."""
import glob, os, re, sys, unicodedata
import pandas as pd

data, out, test, gap = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])


def norm(s):
    s = unicodedata.normalize('NFKD', str(s))
    s = ''.join(c for c in s if not unicodedata.combining(c)).lower()
    return ' '.join(sorted(re.sub(r"[^a-z ]", " ", s).split()))


frames = []
for f in glob.glob(data + '/transfers-tm/*/*.csv'):
    d = pd.read_csv(f, dtype=str)
    d['_file'] = f
    frames.append(d)
t = pd.concat(frames, ignore_index=True)
t['s'] = pd.to_numeric(t.season, errors='coerce')
t['mv'] = pd.to_numeric(t.market_value, errors='coerce')
t['key'] = t.name.map(norm)
t['by'] = t.s - pd.to_numeric(t.age, errors='coerce')
old = {}
for k, b, s, m in t[(t.s <= test - gap) & (t.mv > 0)].sort_values('s')[['key', 'by', 's', 'mv']].itertuples(index=False):
    old[(k, b)] = (s, m)  # the latest wins


def old_value(k, b):
    hits = [old[(k, x)] for x in (b - 1, b, b + 1) if (k, x) in old]
    return max(hits)[1] if hits else None


st = pd.read_csv(f'{data}/fbref-big5-yearly/standard/{test - 1}.csv', dtype=str)
# MINUTES=lo-hi keeps the players whose minutes that season (all clubs) are in [lo, hi)
lo, hi = (float(x) for x in os.environ.get('MINUTES', '0-1e9').split('-'))
st['min'] = pd.to_numeric(st.Min.str.replace(',', ''), errors='coerce').fillna(0)
st['key'] = st.Player.map(norm)
st['born'] = pd.to_numeric(st.Born, errors='coerce')
mins = st.groupby(['key', 'born'])['min'].sum()
joined = set(k for k, m in mins.items() if lo <= m < hi)
kept = 0
for mode in ('old', 'current'):
    for f in sorted(set(t._file)):
        season = int(f.split('/')[-2])
        dst = f'{out}/{mode}/{season}'
        os.makedirs(dst, exist_ok=True)
        if season < test:
            os.symlink(f, f'{dst}/{os.path.basename(f)}')
            continue
        if season > test:
            continue
        d = pd.read_csv(f, dtype=str)
        keep = []
        for i, r in d.iterrows():
            try:
                k, b = norm(r['name']), int(r.season) - int(float(r.age))
            except (TypeError, ValueError):
                keep.append(False)
                continue
            v = old_value(k, b)
            ok = v is not None and any((k, x) in joined for x in (b - 1, b, b + 1))
            keep.append(ok)
            if ok and mode == 'old':
                d.at[i, 'market_value'] = repr(float(v))
        kept += sum(keep) if mode == 'old' else 0
        d[keep].to_csv(f'{dst}/{os.path.basename(f)}', index=False)
print(f'{test}: {kept} rows of players in the stats of {test - 1} with a value {gap}+ seasons old', file=sys.stderr)
