#!/usr/bin/python3
"""Writes tests/fuzz/corpus/join (seeds for fuzz_join: a --map spec line, a base table, a 0x01
byte and a second table) and tests/fuzz/corpus/attach (seeds for fuzz_attach: a flag byte, a
spread byte, the transfers table, 0x01 and a players table or a value history), built from the
project's own test tables (fictional players; never from ../shared/data, which is not copied
into the project)."""
import csv, io, os

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "data")
OUT = os.path.join(HERE, "corpus", "join")
ATTACH = os.path.join(HERE, "corpus", "attach")


def read(path):
    with open(path, newline="", encoding="utf-8") as fh:
        return list(csv.reader(fh))


def text(rows, sep=","):
    buf = io.StringIO()
    csv.writer(buf, delimiter=sep, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def pick(rows, names, rename=None):
    """The columns `names` of rows, headers renamed by `rename`."""
    idx = [rows[0].index(n) for n in names]
    head = [(rename or {}).get(n, n) for n in names]
    return [head] + [[r[i] for i in idx] for r in rows[1:]]


def seed(name, spec, a, b):
    with open(os.path.join(OUT, name), "wb") as fh:
        fh.write(spec.encode() + b"\n" + a.encode() + b"\x01" + b.encode())


def main():
    os.makedirs(OUT, exist_ok=True)
    stats = read(os.path.join(DATA, "compare", "stats.csv"))
    keys = ["Player", "Squad", "Born"]
    base = pick(stats, keys + ["Pos", "Comp", "Min", "90s"])
    misc = pick(stats, keys + ["TklW", "Clr", "Won", "Lost_stats_misc"])
    seed("plain", "", text(base), text(misc))
    # the second table in another order, one player twice (ambiguous), one missing (unmatched)
    shuffled = [misc[0]] + misc[:0:-1]
    seed("reordered_dup", "", text(base), text(shuffled + [misc[2]]))
    seed("missing_rows", "", text(base), text(misc[:-3]))
    # a renamed key column mapped back with a spec, semicolons in the second table
    renamed = pick(stats, keys + ["Cmp", "Att", "Cmp%"], {"Player": "Plyaer"})
    seed("mapped", "player=Plyaer", text(base), text(renamed, ";"))
    # the site's two-line header and a flat soccerdata export as the second part
    site = open(os.path.join(DATA, "exports", "fbref_site_standard.csv"), encoding="utf-8").read()
    flat = open(os.path.join(DATA, "exports", "soccerdata_standard_flat.csv"), encoding="utf-8").read()
    seed("site_vs_flat", "", site, flat)
    # a bad spec and no second table
    seed("bad_spec", "player=,=Squad,minutes", text(base), "")


def attach_seeds():
    os.makedirs(ATTACH, exist_ok=True)
    ex = os.path.join(DATA, "exports")
    transfers = open(os.path.join(ex, "tm_transfers.csv"), encoding="utf-8").read()
    players = open(os.path.join(ex, "tm_players.csv"), encoding="utf-8").read()
    history = open(os.path.join(ex, "tm_player_valuations.csv"), encoding="utf-8").read()
    # flag byte: even = players, odd = values; spread byte: 0 = each row's latest valuation
    for name, flag, spread, other in [("players", 0, 0, players), ("values_latest", 1, 0, history),
                                      ("values_dated", 1, 97, history),
                                      ("players_twice", 0, 0, players + players.split("\n", 1)[1])]:
        with open(os.path.join(ATTACH, name), "wb") as fh:
            fh.write(bytes([flag, spread]) + transfers.encode() + b"\x01" + other.encode())


if __name__ == "__main__":
    main()
    attach_seeds()
