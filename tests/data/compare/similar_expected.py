# Produces the expected similarity distances asserted in tests/unit/test_compare.c (fixture
# stats.csv, profile profiles.csv "centre-back", population = centre-backs with >= 900 minutes
# in all leagues). Run: /usr/bin/python3 similar_expected.py
import math

# per-90 / rate values by hand from stats.csv (Émile Faure's two rows combined)
rows = {
    # name: (minutes, TklW, Clr, Err, Won, Lost, Cmp, Att)
    "Anna Stone": (1800, 40, 100, 2, 60, 40, 1000, 1100),
    "Carl Dane": (2700, 45, 150, 1, 90, 30, 1500, 1600),
    "Emile Faure": (1800, 42, 100, 1, 30, 35, 1000, 1130),
    "Kai Lund": (1300, 26, 52, 0, 40, 20, 900, 1000),
    "Leo Martin": (1000, 25, 55, 3, 30, 30, 600, 700),
}
weights = [1, 1, 1, 1, 2]
lower = [False, False, True, False, False]
vec = {}
for n, (m, tk, cl, er, won, lost, cmp_, att) in rows.items():
    n90 = m / 90
    vec[n] = [tk / n90, cl / n90, er / n90, 100 * won / (won + lost), 100 * cmp_ / att]
names = list(vec)
z = {n: [] for n in names}
for s in range(5):
    xs = [vec[n][s] for n in names]
    mean = sum(xs) / len(xs)
    sd = math.sqrt(sum((x - mean) ** 2 for x in xs) / (len(xs) - 1))
    for n in names:
        v = (vec[n][s] - mean) / sd
        z[n].append(-v if lower[s] else v)
t = "Anna Stone"
for n in names:
    if n == t:
        continue
    d2 = sum(w * (a - b) ** 2 for w, a, b in zip(weights, z[t], z[n])) / sum(weights)
    dot = sum(w * a * b for w, a, b in zip(weights, z[t], z[n]))
    na = sum(w * a * a for w, a in zip(weights, z[t]))
    nb = sum(w * b * b for w, b in zip(weights, z[n]))
    print(f"{n:12s} euclid {math.sqrt(d2):.15f} cosine {1 - dot / math.sqrt(na * nb):.15f}")
