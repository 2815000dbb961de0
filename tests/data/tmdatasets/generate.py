#!/usr/bin/env python3
"""Writes the synthetic transfermarkt-datasets samples of this folder (see README.md).

The column layout is that of dcaribou/transfermarkt-datasets' players.csv, transfers.csv and
player_valuations.csv; the players, fees and values are invented by the rules below, so the
tests' expected counts follow from these rules. Run from this folder: python3 generate.py
"""
import csv
import datetime
import math

CLUBS = [(244, "Olympique Marseille", "FR1"), (1041, "Olympique Lyon", "FR1"), (583, "Paris Saint-Germain", "FR1"),
         (162, "AS Monaco", "FR1"), (1082, "LOSC Lille", "FR1"), (631, "Chelsea FC", "GB1"),
         (985, "Manchester United", "GB1"), (27, "Bayern Munich", "L1"), (131, "FC Barcelona", "ES1"),
         (46, "Inter Milan", "IT1")]
FIRST = ["Alan", "Bruno", "Carl", "Didier", "Emil", "Fabio", "Gaston", "Hugo", "Igor", "Jules", "Karim", "Luca",
         "Marco", "Nils", "Oscar", "Pablo", "Quentin", "Rafael", "Sami", "Tomas", "Ugo", "Victor", "Willem", "Xavier",
         "Yann", "Zeno", "Adrien", "Benoit", "Cyril", "Dario"]
LAST = ["Exemple", "Modele", "Dritter", "Quatre", "Cinq", "Sesto", "Septime", "Huitre", "Neuf", "Dix", "Onze",
        "Dodici", "Treize", "Vierzehn", "Quinze", "Dieciseis", "Dixsept", "Dixhuit", "Dixneuf", "Vingt", "Ventuno",
        "Zweiundzwanzig", "Vingttrois", "Veinticuatro", "Vingtcinq", "Ventisei", "Vingtsept", "Vingthuit",
        "Vingtneuf", "Trente"]
# (sub_position, position) as transfermarkt-datasets writes them; the last player's is unknown.
POSITIONS = [("Centre-Back", "Defender"), ("Left-Back", "Defender"), ("Right-Back", "Defender"),
             ("Defensive Midfield", "Midfield"), ("Central Midfield", "Midfield"),
             ("Attacking Midfield", "Midfield"), ("Left Winger", "Attack"), ("Right Winger", "Attack"),
             ("Centre-Forward", "Attack"), ("Goalkeeper", "Goalkeeper")]
NPLAYERS = 30
NTRANSFERS = 52
UNKNOWN_IDS = {11: 399001, 38: 399002}  # transfer rows of players players.csv does not hold


def player(i):
    pid = 300001 + i
    dob = datetime.date(1993 + (i * 7) % 12, 1 + (i * 5) % 12, 1 + (i * 11) % 28)
    sub, pos = POSITIONS[i % len(POSITIONS)] if i < NPLAYERS - 1 else ("", "Missing")
    club = CLUBS[i % len(CLUBS)]
    base = 1e6 * (1 + (i * 17) % 30)
    return dict(player_id=pid, name=f"{FIRST[i]} {LAST[i]}", first=FIRST[i], last=LAST[i], dob=dob, sub=sub, pos=pos,
                club=club, base=base)


def valuations(p, i):
    """(date, value) pairs: every 1 June and 15 December 2019-2024, then 1 June 2025. Player 300002
    has none; player 300003's start on 1 June 2025."""
    if p["player_id"] == 300002:
        return []
    dates = [datetime.date(y, m, d) for y in range(2019, 2025) for (m, d) in ((6, 1), (12, 15))]
    dates.append(datetime.date(2025, 6, 1))
    if p["player_id"] == 300003:
        dates = dates[-1:]
    return [(dt, round(p["base"] * (1 + 0.1 * k) / 1e5) * 1e5) for k, dt in enumerate(dates)]


def age_on(dob, day):
    return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))


def main():
    players = [player(i) for i in range(NPLAYERS)]
    with open("players.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["player_id", "first_name", "last_name", "name", "last_season", "current_club_id", "player_code",
                    "country_of_birth", "city_of_birth", "country_of_citizenship", "date_of_birth", "sub_position",
                    "position", "foot", "height_in_cm", "contract_expiration_date", "agent_name", "image_url", "url",
                    "current_club_domestic_competition_id", "current_club_name", "market_value_in_eur",
                    "highest_market_value_in_eur"])
        for i, p in enumerate(players):
            vals = valuations(p, i)
            own = vals[-1][1] if vals else p["base"]
            high = max(v for _, v in vals) if vals else own
            code = p["name"].lower().replace(" ", "-")
            w.writerow([p["player_id"], p["first"], p["last"], p["name"], 2024, p["club"][0], code, "France", "Lyon",
                        "France", p["dob"].isoformat() + " 00:00:00", p["sub"], p["pos"], "right", 180 + i % 15,
                        f"{2026 + i % 4}-06-30 00:00:00", "", f"https://img.example/{p['player_id']}.jpg",
                        f"https://www.transfermarkt.example/{code}/profil/spieler/{p['player_id']}", p["club"][2],
                        p["club"][1], f"{own:.0f}", f"{high:.0f}"])
    with open("player_valuations.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["player_id", "date", "market_value_in_eur", "current_club_id", "player_club_domestic_competition_id"])
        rows = [(dt, p["player_id"], v, p["club"]) for i, p in enumerate(players) for dt, v in valuations(p, i)]
        for dt, pid, v, club in sorted(rows):
            w.writerow([pid, dt.isoformat(), f"{v:.0f}", club[0], club[2]])
    with open("transfers.csv", "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["player_id", "transfer_date", "transfer_season", "from_club_id", "to_club_id", "from_club_name",
                    "to_club_name", "transfer_fee", "market_value_in_eur", "player_name"])
        for k in range(1, NTRANSFERS + 1):
            p = players[(26 * k + k // 2) % NPLAYERS]
            y = 2018 + (5 * k) % 6
            day = datetime.date(y, 7, 1 + k % 28) if k % 2 == 0 else datetime.date(y + 1, 1, 1 + k % 28)
            a, b = CLUBS[k % 10], CLUBS[(3 * k + 1) % 10]
            mv = (0.5 + (13 * k % 40) * 0.5) * 1e6
            fee = round(mv * math.exp(0.06 * (26 - age_on(p["dob"], day))) * math.exp(0.3 * math.sin(1.7 * k)) / 5e4) * 5e4
            fee_text = f"{fee:.1f}"
            if k % 9 == 4:
                fee_text = "0.0"  # a free transfer or a loan: the dataset writes both as 0
            if k % 13 == 7:
                fee_text = ""  # fee not disclosed
            mv_text = "" if k % 17 == 3 else f"{mv:.1f}"
            pid, name = (UNKNOWN_IDS[k], f"Trialist {k}") if k in UNKNOWN_IDS else (p["player_id"], p["name"])
            w.writerow([pid, day.isoformat(), f"{y % 100:02d}/{(y + 1) % 100:02d}", a[0], b[0], a[1], b[1], fee_text,
                        mv_text, name])


if __name__ == "__main__":
    main()
