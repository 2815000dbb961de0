/* test_squad.c - every squad component on the hand-made fixture tests/data/squad/ (stats.csv,
 * profiles.csv with one stat per group, contracts.csv, values.csv), with the hand calculation
 * written next to each expected value; plus the edge cases: zero minutes, one player in a
 * position, missing on-off columns, unknown club, a player with two clubs.
 *
 * Fixture facts used throughout: Alpha FC and Beta FC played 20 matches (Min% says so:
 * 1800 / (0.9 x 100) = 20), team minutes 1800; "real minutes" = 15% x 1800 = 270. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "harness.h"
#include "scoutlab/squad.h"

#define FIX SL_TEST_DATA "/squad/"
#define TOL 1e-9

/* The entry of a player at a club ("Moved Player (Alpha FC)"). */
static const sl_squad_entry *entry(const sl_squad *s, const char *query) {
  size_t i = 0;
  sl_error err;
  int st = sl_squad_find_player(s, query, &i, &err);
  INT_EQ(st, SL_OK, "find '%s': %s", query, err.message);
  return st ? NULL : sl_squad_entry_at(s, i);
}

/* Shrunk impact sub-score: 50 + 50 clamp(x / 0.22, -1, 1). */
static double impact_score(double shrunk) {
  double r = shrunk / 0.22;
  return 50 + 50 * (r < -1 ? -1 : r > 1 ? 1 : r);
}

typedef struct fixture {
  sl_table *stats, *contracts, *values;
  sl_profiles *profiles;
} fixture;

static sl_squad *build(fixture *f, const char *stats, int with_contracts, int with_values) {
  sl_error err;
  f->stats = sl_test_load(stats, NULL);
  f->contracts = with_contracts ? sl_test_load(FIX "contracts.csv", NULL) : NULL;
  f->values = with_values ? sl_test_load(FIX "values.csv", NULL) : NULL;
  if (sl_profiles_load(FIX "profiles.csv", &f->profiles, &err)) {
    fprintf(stderr, "profiles: %s\n", err.message);
    exit(EXIT_FAILURE);
  }
  sl_squad_options o;
  sl_squad_default(&o);
  o.profiles = f->profiles;
  o.contracts = f->contracts;
  o.values = f->values;
  o.season = 2024;
  sl_squad *s = NULL;
  int st = sl_squad_new(f->stats, &o, &s, &err);
  INT_EQ(st, SL_OK, "sl_squad_new: %s", err.message);
  return s;
}

static void release(fixture *f, sl_squad *s) {
  sl_squad_free(s);
  sl_profiles_free(f->profiles);
  sl_table_free(f->stats), sl_table_free(f->contracts), sl_table_free(f->values);
}

static void test_clubs(const sl_squad *s) {
  const sl_squad_report *r = sl_squad_summary(s);
  INT_EQ(r->rows_read, 10, "rows read");
  INT_EQ(r->rows_used, 10, "rows used: one entry per row, Moved Player twice");
  INT_EQ(sl_squad_count(s), 10, "entries");
  INT_EQ(r->clubs, 2, "clubs");
  size_t k;
  sl_error err;
  INT_EQ(sl_squad_find_club(s, "alpha fc", &k, &err), SL_OK, "club case-insensitive");
  const sl_squad_club *a = sl_squad_club_at(s, k);
  STR_EQ(a->name, "Alpha FC", "club name");
  STR_EQ(a->league, "Test League", "league without the xx prefix");
  INT_EQ(a->n, 6, "Alpha entries");
  SL_CHECK_REL(a->team_matches, 20, TOL, "team matches from Min%%");
  INT_EQ(a->team_matches_source, SL_TEAM_MATCHES_MIN_SHARE, "source Min%%");
  /* Per-club rule: Moved Player counts 540 minutes here, not his 1440 for the season.
   * 1800 + 1440 + 360 + 990 + 0 + 540 = 5130. */
  SL_CHECK_REL(a->minutes_total, 5130, TOL, "Alpha minutes: only this club's rows");
  SL_CHECK_REL(a->players_on_pitch, 5130.0 / 1800, TOL, "minutes accounting");
  INT_EQ(sl_squad_find_club(s, "Alpah FC", &k, &err), SL_ENOTFOUND, "unknown club");
  OK(strstr(err.message, "no club 'Alpah FC'") && strstr(err.message, "did you mean: Alpha FC"),
     "did-you-mean: %s", err.message);
}

static void test_availability(const sl_squad *s) {
  /* Carl Back: 1440/1800 = 0.8, 16/20 starts = 0.8, 90 min per start = 1, 16/20 completed = 0.8
   * -> 100 (0.4 x 0.8 + 0.3 x 0.8 + 0.15 x 1 + 0.15 x 0.8) = 83. */
  const sl_squad_entry *c = entry(s, "Carl Back");
  SL_CHECK_REL(c->minutes_share, 0.8, TOL, "Carl minutes share");
  SL_CHECK_REL(c->score[SL_SQUAD_AVAILABILITY], 83.0, TOL, "Carl availability");
  /* Finn Striker: 990/1800 = 0.55, 11/20 = 0.55, 80/90, 0 completed
   * -> 100 (0.4 x 0.55 + 0.3 x 0.55 + 0.15 x 80/90 + 0) = 51.8333... */
  const sl_squad_entry *f = entry(s, "Finn Striker");
  SL_CHECK_REL(f->score[SL_SQUAD_AVAILABILITY], 100 * (0.4 * 0.55 + 0.3 * 0.55 + 0.15 * 80.0 / 90), TOL,
               "Finn availability");
  /* Zero minutes: a real 0 (not missing); minutes per start is undefined and left out. */
  const sl_squad_entry *z = entry(s, "Zero Minutes");
  SL_CHECK_REL(z->score[SL_SQUAD_AVAILABILITY], 0.0, TOL, "zero minutes: availability 0");
  OK(strstr(z->note[SL_SQUAD_AVAILABILITY], "no starts") != NULL, "zero minutes note: %s", z->note[SL_SQUAD_AVAILABILITY]);
}

static void test_impact(const sl_squad *s) {
  /* Carl Back: off = 1800 - 1440 = 360, effective minutes 1440 x 360 / 1800 = 288.
   * Goals: FBref On-Off 1.00 x 288 / (288 + 30000). xG on-off derived: team xG difference
   * T = sum(xG+/-) x 1800 / sum(minutes) over Alpha rows with minutes
   *   = (6 + 8 + 1 + 4 + 2) x 1800 / 5130 = 7.3684...;
   * on 90 x 8 / 1440 = 0.5, off 90 x (T - 8) / 360 -> on-off = 0.5 - 90 (T - 8) / 360. */
  const sl_squad_entry *c = entry(s, "Carl Back");
  double meff = 1440.0 * 360 / 1800, team = 21.0 * 1800 / 5130;
  double goals = 1.0 * meff / (meff + 30000), xg = (0.5 - 90 * (team - 8) / 360) * meff / (meff + 12000);
  SL_CHECK_REL(c->effective_minutes, 288, TOL, "effective minutes");
  SL_CHECK_REL(c->on_off_shrunk, goals, TOL, "shrunk goal on-off");
  SL_CHECK_REL(c->xg_on_off, 0.5 - 90 * (team - 8) / 360, TOL, "derived xG on-off");
  SL_CHECK_REL(c->score[SL_SQUAD_IMPACT], 0.4 * impact_score(goals) + 0.6 * impact_score(xg), TOL, "Carl impact");
  /* Gary Keeper played all 1800 minutes: no off-pitch half, impact left out, not zero. */
  const sl_squad_entry *g = entry(s, "Gary Keeper");
  OK(isnan(g->score[SL_SQUAD_IMPACT]), "every minute: impact left out");
  OK(strstr(g->note[SL_SQUAD_IMPACT], "every minute") != NULL, "note says why: %s", g->note[SL_SQUAD_IMPACT]);
  SL_CHECK_REL(g->weight[SL_SQUAD_IMPACT], 0.0, TOL, "no weight for a left-out component");
  OK(isnan(entry(s, "Zero Minutes")->score[SL_SQUAD_IMPACT]), "zero minutes: impact left out");
}

static void test_quality(const sl_squad *s) {
  /* Centre-back pool (Test League, >= 900 min): Carl 80/16 = 5.0 clearances per 90, Moved
   * Player at Beta 45/10 = 4.5, Bob Beta 60/20 = 3.0. Carl: (2 worse + 0.5 x 1 equal) / 3 =
   * 83.33; shrunk 50 + 33.33 x 1440 / (1440 + 450). Dan 10/4 = 2.5 is below all: 0, shrunk
   * 50 - 50 x 360 / 810. Moved Player at Alpha 30/6 = 5.0: 83.33, shrunk x 540/990. */
  const sl_squad_entry *c = entry(s, "Carl Back");
  SL_CHECK_REL(c->quality_raw, 250.0 / 3, TOL, "Carl raw quality");
  SL_CHECK_REL(c->score[SL_SQUAD_QUALITY], 50 + (250.0 / 3 - 50) * 1440 / 1890, TOL, "Carl quality");
  SL_CHECK_REL(entry(s, "Dan Reserve")->quality, 50 - 50.0 * 360 / 810, TOL, "Dan quality");
  SL_CHECK_REL(entry(s, "Moved Player (Alpha FC)")->quality, 50 + (250.0 / 3 - 50) * 540 / 990, TOL,
               "Moved Player's quality for Alpha: per-club minutes");
  /* Forwards: Finn 11 goals / 11 = 1.0 per 90 vs Beta Forward 0.5: 75, shrunk x 990/1440. */
  SL_CHECK_REL(entry(s, "Finn Striker")->quality, 50 + 25.0 * 990 / 1440, TOL, "Finn quality");
  OK(isnan(entry(s, "Zero Minutes")->score[SL_SQUAD_QUALITY]), "zero minutes: quality left out");
}

static void test_replaceability(const sl_squad *s) {
  /* Alpha centre-backs: Carl 1440, Moved 540, Dan 360 (all >= 270 real minutes); group minutes
   * 2340 -> round(2340/1800) = 1 slot. Carl: depth 2, cover 2 - 0 = 2 -> 100/3. Next man up: the
   * best of those behind him, Moved (quality qm) -> gap (100 + qc - qm) / 2. */
  double qc = 50 + (250.0 / 3 - 50) * 1440 / 1890, qm = 50 + (250.0 / 3 - 50) * 540 / 990;
  double qd = 50 - 50.0 * 360 / 810, qf = 50 + 25.0 * 990 / 1440;
  const sl_squad_entry *c = entry(s, "Carl Back");
  INT_EQ(c->depth, 2, "Carl depth");
  SL_CHECK_REL(c->group_slots, 1, TOL, "centre-back slots");
  SL_CHECK_REL(c->depth_score, 100.0 / 3, TOL, "Carl depth score");
  SL_CHECK_REL(c->next_quality, qm, TOL, "Carl's next man up is Moved Player");
  SL_CHECK_REL(c->score[SL_SQUAD_REPLACEABILITY], 0.5 * 100.0 / 3 + 0.5 * (100 + qc - qm) / 2, TOL, "Carl replaceability");
  /* Dan: nobody behind him -> replacement at the league median 50. */
  SL_CHECK_REL(entry(s, "Dan Reserve")->score[SL_SQUAD_REPLACEABILITY], 0.5 * 100.0 / 3 + 0.5 * (100 + qd - 50) / 2,
               TOL, "Dan replaceability");
  /* One player in a position: Finn is Alpha's only forward with minutes (Zero Minutes has 0 < 270):
   * depth 0, 1 slot, cover 0 -> 100; nobody behind him with a quality -> median 50. */
  const sl_squad_entry *f = entry(s, "Finn Striker");
  INT_EQ(f->depth, 0, "Finn alone in his group");
  SL_CHECK_REL(f->depth_score, 100, TOL, "alone: depth score 100");
  INT_EQ(f->next_man, -1, "no next man up");
  SL_CHECK_REL(f->score[SL_SQUAD_REPLACEABILITY], 0.5 * 100 + 0.5 * (100 + qf - 50) / 2, TOL, "Finn replaceability");
  /* Goalkeepers: depth left out (backups rarely play); gap to the median: (100 + 70 - 50) / 2. */
  const sl_squad_entry *g = entry(s, "Gary Keeper");
  SL_CHECK_REL(g->quality, 50 + 25.0 * 1800 / 2250, TOL, "Gary quality: 75 shrunk x 0.8");
  SL_CHECK_REL(g->score[SL_SQUAD_REPLACEABILITY], 60, TOL, "Gary replaceability = gap only");
  /* Zero Minutes: Finn is real cover (1 others, 1 slot -> cover 1 -> 50); no quality, no gap. */
  SL_CHECK_REL(entry(s, "Zero Minutes")->score[SL_SQUAD_REPLACEABILITY], 50, TOL, "zero minutes: depth only");
}

static void test_contract_age(const sl_squad *s) {
  /* Carl: 27 -> peak window 24-29 -> 100; contract to 2027-06-30, season 2024/25 ends 2025-06-30:
   * 730 days / 365.25 years -> 100 x that / 5; component = mean of the two. */
  const sl_squad_entry *c = entry(s, "Carl Back");
  SL_CHECK_REL(c->years_left, 730 / 365.25, TOL, "Carl years left");
  SL_CHECK_REL(c->score[SL_SQUAD_CONTRACT_AGE], 0.5 * 100 * (730 / 365.25) / 5 + 0.5 * 100, TOL, "Carl contract_age");
  /* Finn: contract ended 2024-06-30 (before the season end): 0 years, not negative. Age 31:
   * 100 x (36 - 31) / (36 - 29). */
  const sl_squad_entry *f = entry(s, "Finn Striker");
  SL_CHECK_REL(f->years_left, 0, TOL, "expired contract: 0 years");
  SL_CHECK_REL(f->score[SL_SQUAD_CONTRACT_AGE], 0.5 * 0 + 0.5 * 100 * 5.0 / 7, TOL, "Finn contract_age");
  /* Dan (19) is not in the file: age only, 100 x (19 - 17) / (24 - 17). */
  const sl_squad_entry *d = entry(s, "Dan Reserve");
  SL_CHECK_REL(d->score[SL_SQUAD_CONTRACT_AGE], 100 * 2.0 / 7, TOL, "Dan age only");
  STR_EQ(d->note[SL_SQUAD_CONTRACT_AGE], "not in the contracts file", "Dan note");
  /* Goalkeeper Gary (33): the curve shifted by 2 -> 31 -> 100 x 5/7. */
  SL_CHECK_REL(entry(s, "Gary Keeper")->age_score, 100 * 5.0 / 7, TOL, "goalkeeper age curve");
  /* Moved Player's contract is with Beta: not his contract with Alpha. */
  STR_EQ(entry(s, "Moved Player (Alpha FC)")->note[SL_SQUAD_CONTRACT_AGE], "contracts file lists him at another club",
         "contract with another club");
  OK(isnan(entry(s, "Moved Player (Alpha FC)")->years_left), "no Alpha contract");
  SL_CHECK_REL(entry(s, "Moved Player (Beta FC)")->years_left, 3.0 * 365 / 365.25 + 1 / 365.25, TOL,
               "year-only expiry 2028 = 2028-06-30: 1096 days after 2025-06-30");
  SL_CHECK_REL(entry(s, "Zero Minutes")->age_score, 0, TOL, "17: start of the curve");
}

static void test_value_and_total(const sl_squad *s) {
  /* Alpha's known values: 20 + 10 + 5 + 1 = 36m. Gary 5/36 of it; full score at 2/11. */
  const sl_squad_entry *g = entry(s, "Gary Keeper");
  SL_CHECK_REL(g->value_share, 5.0 / 36, TOL, "Gary value share");
  SL_CHECK_REL(g->score[SL_SQUAD_VALUE_SHARE], 100 * (5.0 / 36) / (2.0 / 11), TOL, "Gary value score");
  SL_CHECK_REL(entry(s, "Carl Back")->score[SL_SQUAD_VALUE_SHARE], 100, TOL, "20/36 saturates");
  OK(isnan(entry(s, "Moved Player (Alpha FC)")->score[SL_SQUAD_VALUE_SHARE]), "no value: left out, not zero");
  /* Total: weighted mean over the components present, default weights .30 .10 .25 .20 .10 .05. */
  const sl_squad_entry *c = entry(s, "Carl Back");
  double expect = 0;
  const double w[] = {0.30, 0.10, 0.25, 0.20, 0.10, 0.05};
  for (int k = 0; k < SL_SQUAD_COMPONENT_COUNT; k++) expect += w[k] * c->score[k];
  SL_CHECK_REL(c->total, expect, TOL, "Carl total, every component present");
  /* Gary: impact left out -> the other weights renormalised over 0.90. */
  double eg = 0;
  for (int k = 0; k < SL_SQUAD_COMPONENT_COUNT; k++)
    if (k != SL_SQUAD_IMPACT) eg += w[k] * g->score[k];
  SL_CHECK_REL(g->total, eg / 0.90, TOL, "Gary total renormalised");
  SL_CHECK_REL(g->weight[SL_SQUAD_AVAILABILITY], 0.30 / 0.90, TOL, "renormalised weight");
  /* Zero Minutes: availability 0 (0.30), replaceability 50 (0.20), contract_age 0 (0.10). */
  SL_CHECK_REL(entry(s, "Zero Minutes")->total, (0.20 * 50) / 0.60, TOL, "zero minutes total");
  INT_EQ(c->rank_in_club, 2, "Carl second at Alpha (behind Gary)");
  /* League centre-backs: Carl, Moved (Alpha), Dan, Moved (Beta), Bob. Bob Beta played every
   * minute (availability 100, age 29 -> 100) and Beta's two centre-back slots leave him no cover:
   * (0.30 x 100 + 0.25 x 23.33 + 0.20 x 68.33 + 0.10 x 100) / 0.85 = 70.0 > Carl's 69.7. */
  INT_EQ(c->league_group_size, 5, "centre-backs in the league");
  INT_EQ(c->rank_in_league_group, 2, "Carl second centre-back");
  const sl_squad_entry *b = entry(s, "Bob Beta");
  INT_EQ(b->rank_in_league_group, 1, "Bob first centre-back");
  SL_CHECK_REL(b->total, (30 + 0.25 * (50 - 100.0 / 3 * 0.8) + 0.20 * (100 + (100 + 50 - 100.0 / 3 * 0.8 - 50) / 2) / 2 + 10) / 0.85,
               TOL, "Bob total by hand");
}

static void test_league(const sl_squad *s) {
  size_t idx[16], n = 0;
  const char *league = NULL;
  sl_error err;
  INT_EQ(sl_squad_league_ranked(s, "xx test league", idx, 16, &n, &league, &err), SL_OK, "league with prefix");
  INT_EQ(n, 10, "league entries");
  STR_EQ(league, "Test League", "league name");
  for (size_t k = 1; k < n; k++)
    OK(sl_squad_entry_at(s, idx[k - 1])->total >= sl_squad_entry_at(s, idx[k])->total, "ranked at %zu", k);
  INT_EQ(sl_squad_league_ranked(s, "Tset League", idx, 16, &n, &league, &err), SL_ENOTFOUND, "unknown league");
  OK(strstr(err.message, "did you mean: Test League") != NULL, "league did-you-mean: %s", err.message);
}

static void test_no_on_off(void) {
  /* Same fixture without +/-, On-Off, xG+/-: impact left out for everyone, said so, totals
   * renormalised over the rest (never counted as zero). */
  fixture f;
  sl_squad *s = build(&f, FIX "stats_no_onoff.csv", 0, 0);
  if (!s) return;
  const sl_squad_report *r = sl_squad_summary(s);
  OK(!r->have_on_off && !r->have_xg_on_off, "no on-off columns seen");
  OK(strstr(r->notes[0], "impact left out") != NULL, "report says so: %s", r->notes[0]);
  const sl_squad_entry *c = entry(s, "Carl Back");
  OK(isnan(c->score[SL_SQUAD_IMPACT]), "impact left out");
  STR_EQ(c->note[SL_SQUAD_IMPACT], "no on-off columns in the stats file", "entry says why");
  /* Without contracts and values: availability .30, quality .25, replaceability .20,
   * contract_age (age only) .10 -> divided by 0.85. */
  double e = (0.30 * c->score[0] + 0.25 * c->score[2] + 0.20 * c->score[3] + 0.10 * c->score[4]) / 0.85;
  SL_CHECK_REL(c->total, e, TOL, "renormalised total");
  SL_CHECK_REL(c->score[SL_SQUAD_CONTRACT_AGE], 100, TOL, "age only (27)");
  release(&f, s);
}

/* A stand-in for the fee model: ctx != NULL values only Dan (too little of the squad). */
static double value_from_model(void *ctx, const sl_player *p) {
  if (ctx) return strcmp(p->name, "Dan Reserve") == 0 ? 6e6 : NAN;
  return strcmp(p->name, "Carl Back") == 0 ? 4e6 : strcmp(p->name, "Gary Keeper") == 0 ? 6e6 : NAN;
}

static void test_options(void) {
  sl_squad_options o;
  sl_error err;
  sl_squad_default(&o);
  INT_EQ(sl_squad_weights_parse("quality=0.5,impact=0", &o, &err), SL_OK, "weights parse");
  SL_CHECK_REL(o.weights[SL_SQUAD_QUALITY], 0.5, TOL, "quality weight set");
  SL_CHECK_REL(o.weights[SL_SQUAD_AVAILABILITY], 0.30, TOL, "others kept");
  INT_EQ(sl_squad_weights_parse("speed=1", &o, &err), SL_EINVAL, "unknown component");
  OK(strstr(err.message, "speed") != NULL, "message names it: %s", err.message);
  INT_EQ(sl_squad_weights_parse("quality=-1", &o, &err), SL_EINVAL, "negative weight");
  INT_EQ(sl_squad_weights_parse("availability=0,impact=0,quality=0,replaceability=0,contract_age=0,value_share=0",
                                &o, &err), SL_EINVAL, "all zero");
  INT_EQ(sl_squad_season_parse("2024-25"), 2024, "2024-25");
  INT_EQ(sl_squad_season_parse("2024/2025"), 2024, "2024/2025");
  INT_EQ(sl_squad_season_parse("2024"), 2024, "2024");
  INT_EQ(sl_squad_season_parse("2024-27"), 0, "not a season");

  /* The value callback (how the report wires the fee model) replaces the values table. */
  fixture f = {0};
  f.stats = sl_test_load(FIX "stats.csv", NULL);
  sl_profiles_load(FIX "profiles.csv", &f.profiles, &err);
  sl_squad_default(&o);
  o.profiles = f.profiles;
  o.value_of = value_from_model;
  sl_squad *s = NULL;
  INT_EQ(sl_squad_new(f.stats, &o, &s, &err), SL_OK, "with a value callback");
  /* Carl 4m of 10m known at Alpha (Carl + Gary: 3240 of 5130 minutes, over half): 0.4. */
  SL_CHECK_REL(entry(s, "Carl Back")->value_share, 0.4, TOL, "callback value share");
  OK(isnan(entry(s, "Finn Striker")->score[SL_SQUAD_VALUE_SHARE]), "callback NAN: left out");
  sl_squad_free(s);
  /* Only Dan valued: 360 of 5130 minutes (7%) cannot stand for the squad's value. */
  int only_dan = 1;
  o.value_ctx = &only_dan;
  s = NULL;
  INT_EQ(sl_squad_new(f.stats, &o, &s, &err), SL_OK, "callback, one value");
  const sl_squad_entry *d = entry(s, "Dan Reserve");
  OK(isnan(d->score[SL_SQUAD_VALUE_SHARE]), "too few values: left out");
  OK(strstr(d->note[SL_SQUAD_VALUE_SHARE], "cover 7%") != NULL, "coverage note: %s", d->note[SL_SQUAD_VALUE_SHARE]);
  release(&f, s);
}

int main(void) {
  fixture f;
  sl_squad *s = build(&f, FIX "stats.csv", 1, 1);
  if (s) {
    test_clubs(s);
    test_availability(s);
    test_impact(s);
    test_quality(s);
    test_replaceability(s);
    test_contract_age(s);
    test_value_and_total(s);
    test_league(s);
  }
  release(&f, s);
  test_no_on_off();
  test_options();
  return SL_TEST_DONE();
}
