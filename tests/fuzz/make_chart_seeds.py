#!/usr/bin/env python3
"""Writes the seed corpus of fuzz_charts (tests/fuzz/corpus/charts/seed-*): one sane chart of
each type in the byte layout charts_input.h reads, and the CSV inputs (first byte 0xF0) from
the test data. Run from the repository root: python3 tests/fuzz/make_chart_seeds.py"""
import os
import struct

OUT = "tests/fuzz/corpus/charts"


def num(v):
    """A number as ci_number reads it: selector (exponent e + 4, e in -4..9), big-endian int16."""
    if v != v:
        return b"\xff"
    for e in range(-4, 10):
        k = v / 10.0 ** e
        if abs(k) <= 32767 and abs(k - round(k)) < 1e-9:
            return bytes([e + 4]) + struct.pack(">h", int(round(k)))
    raise ValueError(v)


def text(s):
    """A string: header (length << 2, both markers) and its bytes (at most 47 here)."""
    b = s.encode()
    assert len(b) < 48
    return bytes([len(b) << 2]) + b


def nums(vs):
    return b"".join(num(v) for v in vs)


def texts(ss):
    return b"".join(text(s) for s in ss)


def common(fmt=0, width=None, title="Leonardo Balerdi against his peers", sub="Ligue 1, 2024-25, 900+ min",
           credits="Data: FBref | Chart: scoutlab"):
    size = struct.pack(">H", width) if width else b""  # read when fmt has bit 0x10
    return bytes([fmt]) + size + text(title) + text(sub) + text(credits)


players = ["Leonardo Balerdi", "O'Brien", "Ibrahima Konaté", "Çalhanoğlu"]
stats = ["Tackles won per 90", "Aerial win %", "Pass completion %", "Clearances per 90", "Errors per 90"]
seeds = {}
seeds["radar"] = bytes([0]) + common() + bytes([2, 5]) + texts(players[:2]) + texts(stats) + \
    nums([1.2, 61.5, 88.1, 4.5, 0.1, 0.8, 55.0, 91.2, 3.2, 0.3]) + nums([0.5, 40, 75, 1, 0]) + nums([2.5, 75, 95, 7, 0.5])
groups = text("defending") + bytes([1]) + text("aerial") + bytes([0]) + text("passing") + bytes([0]) + \
    text("defending") + bytes([1])
seeds["percentiles"] = bytes([1]) + common(fmt=1) + bytes([5]) + text(players[0]) + \
    text("Percentile among Ligue 1 centre-backs (%)") + texts(stats) + groups + \
    nums([81, 66.5, 90, 45, 12]) + nums([1.2, 61.5, 88.1, 4.5, 0.1])
names = ["Leonardo Balerdi", "Nayef Aguerd", "'70s Müller", "Pau López", "Dante", "Marquinhos"]
seeds["scatter"] = bytes([2]) + common() + bytes([len(names)]) + text("Tackles won per 90") + \
    text("Aerial win %") + texts(names) + nums([1.2, 0.9, 1.5, 2.0, 0.7, 1.1]) + \
    nums([61.5, 55, 70, 48, 66, 59]) + bytes([1, 0, 1, 0, 0, 0])
seeds["fees"] = bytes([3]) + common(fmt=0x14, width=800) + bytes([3, 4]) + \
    nums([5e6, 12e6, 30e6, 2e6]) + nums([6e6, 10e6, 45e6, 1e6]) + nums([2e6, 5e6, 12e6, 1e6]) + \
    nums([12e6, 28e6, 70e6, 5e6]) + text(players[0]) + nums([18e6, 8e6, 40e6, 25e6]) + \
    text("€25m asked") + text("Model estimate (EUR)") + text("Fee paid (EUR)")
ages = [17 + 2 * i for i in range(10)]
fee = [2e6, 5e6, 9e6, 14e6, 18e6, 17e6, 13e6, 8e6, 4e6, 2e6]
seeds["age-curve"] = bytes([4]) + common() + bytes([7, 10]) + nums(ages) + nums(fee) + \
    nums([v / 2 for v in fee]) + nums([v * 2 for v in fee]) + nums([v * 1.3 for v in fee]) + \
    text("Contract to 2026 (current)") + text("If extended to 2029") + text(players[0]) + nums([25, 18e6]) + \
    text("Age (years)") + text("Fee (EUR)")
squad = ["Gary Keeper", "Carl Back", "Dan Reserve", "Finn Striker", "Moved Player"]
seeds["squad"] = bytes([5]) + common() + bytes([3, 5]) + texts(squad) + nums([33, 27, 19, 31, 24]) + \
    nums([1.0, 0.8, 0.2, 0.55, 0.3]) + nums([90, 75, 20, 60, 35]) + texts(["2026", "2027", "", "2025", "2028"]) + \
    nums([24, 29]) + text("Age (years)") + text("Share of the team's league minutes (%)")
comps = ["availability", "quality", "replaceability"]
seeds["importance"] = bytes([6]) + common() + bytes([4, 3]) + texts(squad[:4]) + texts(comps) + \
    nums([30, 20, 15, 25, 18, 10, 5, 8, 3, 20, 12, 9]) + text("Importance score (points)")
seeds["pizza"] = bytes([7]) + common() + bytes([5]) + text(players[0]) + text("") + texts(stats) + groups + \
    nums([81, 66.5, 90, 45, 12]) + nums([1.2, 61.5, 88.1, 4.5, 0.1])
seeds["bars"] = bytes([8]) + common() + bytes([3, 3]) + texts(players[:3]) + texts(stats[:3]) + \
    nums([81, 66, 90, 50, 40, 30, 10, 95, 60]) + nums([1.2, 61.5, 88.1, 1.0, 58, 85, 0.5, 70, 86]) + \
    text("Percentile among Big-5 centre-backs")
seeds["trend"] = bytes([9]) + common() + text(players[0]) + bytes([4, 2]) + \
    texts(["2021-22", "2022-23", "2023-24", "2024-25"]) + texts(stats[:2]) + \
    nums([40, 55, float("nan"), 81, 30, 45, 60, 66]) + nums([0.8, 1.0, float("nan"), 1.2, 50, 55, 58, 61.5])

os.makedirs(OUT, exist_ok=True)
for name, data in seeds.items():
    with open(os.path.join(OUT, "seed-" + name), "wb") as f:
        f.write(data)

# CSV inputs: flags 0x10 adds the squad charts, 0x08 lowers the pool's minimum to 0.
for name, path, flags in [("compare", "tests/data/compare/stats.csv", 0x18),
                          ("squad", "tests/data/squad/stats.csv", 0x18)]:
    with open(path, "rb") as f, open(os.path.join(OUT, "seed-table-" + name), "wb") as o:
        o.write(bytes([0xF0, flags]) + f.read())
# Two seasons of the compare test data, for the trend.
with open("tests/data/compare/stats.csv") as f:
    lines = f.read().splitlines()
rows = [lines[0] + ",season"] + [l + ",2023" for l in lines[1:]] + [l + ",2024" for l in lines[1:]]
with open(os.path.join(OUT, "seed-table-seasons"), "wb") as o:
    o.write(bytes([0xF0, 0x08]) + ("\n".join(rows) + "\n").encode())
