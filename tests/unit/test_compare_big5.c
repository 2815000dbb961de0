/* test_compare_big5.c - compare on the real FBref Big-5 2024/25 file (skipped when absent):
 * per-90 values of three Ligue 1 centre-backs against hand calculations from their totals,
 * percentiles against Ligue 1 centre-backs with >= 900 minutes (independent pandas computation,
 * tests/data/compare/big5_expected.py), and similar players for Balerdi being centre-backs. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixture.h"
#include "harness.h"
#include "scoutlab/compare.h"

#define BIG5 SL_SHARED_DATA "/fbref-big5-2024-25/players_data-2024_2025.csv"
#define TRANSFERS SL_SHARED_DATA "/transfers-tm"
#define NSTATS 15

static size_t find(const sl_compare *c, const char *q) {
  size_t i = 0;
  sl_error err;
  int st = sl_compare_find(c, q, &i, &err);
  INT_EQ(st, SL_OK, "find %s: %s", q, err.message);
  return i;
}

/* Totals from the file (README facts for Balerdi; same columns for the others), per 90 = total /
 * (Min / 90). Balerdi: 2,183 min (90s column 24.3; we use 2183/90 = 24.256), TklW 35, Int 32,
 * Tkl+Int 82, Clr 70, aerials 39 won / 20 lost, 2,288 of 2,439 passes, 103 progressive passes. */
typedef struct totals {
  const char *name;
  double min, tklw, interceptions, tkl_int, clr, won, lost, cmp, att, prgp;
} totals;

static const totals hand[] = {
    {"Leonardo Balerdi", 2183, 35, 32, 82, 70, 39, 20, 2288, 2439, 103},
    {"Willian Pacho", 2042, 32, 40, 95, 87, 28, 26, 1788, 1887, 50},
    {"Marquinhos", 1652, 19, 10, 40, 62, 31, 17, 1660, 1751, 138},
};

/* big5_expected.py output: values then percentiles, profile order of datasets/profiles.csv. */
static const double golden_pct[3][NSTATS] = {
    {87.5, 64.1666666667, 77.5, 20.8333333333, 10.8333333333, 17.5, 99.1666666667, 40.8333333333, 70.8333333333, 99.1666666667, 94.1666666667, 74.1666666667, 95.8333333333, 99.1666666667, 47.5},
    {84.1666666667, 94.1666666667, 99.1666666667, 69.1666666667, 20.8333333333, 69.1666666667, 72.5, 27.5, 12.5, 92.5, 97.5, 17.5, 92.5, 82.5, 10.8333333333},
    {59.1666666667, 0.833333333333, 12.5, 57.5, 15.8333333333, 89.1666666667, 90.8333333333, 49.1666666667, 64.1666666667, 97.5, 99.1666666667, 99.1666666667, 99.1666666667, 95.8333333333, 94.1666666667},
};

static void test_compare(const sl_compare *c, const sl_profiles *pr) {
  const sl_profile *cb = sl_profiles_find(pr, "centre-back");
  OK(cb && cb->nstats == NSTATS, "centre-back profile has %d stats", NSTATS);
  if (!cb || cb->nstats != NSTATS) return;
  sl_pool pool;
  sl_pool_default(&pool);
  for (int k = 0; k < 3; k++) {
    const totals *h = &hand[k];
    size_t i = find(c, h->name);
    const sl_player *p = sl_compare_player(c, i);
    INT_EQ(p->group, SL_GROUP_CENTRE_BACK, "%s is a centre-back", h->name);
    STR_EQ(p->league, "Ligue 1", "%s league", h->name);
    sl_stat_value v[NSTATS];
    sl_pool_info info;
    sl_error err;
    INT_EQ(sl_compare_percentiles(c, i, cb, &pool, v, &info, &err), SL_OK, "%s percentiles", h->name);
    INT_EQ(info.size, 60, "Ligue 1 centre-backs with >= 900 minutes (big5_expected.py)");
    OK(info.player_in_pool, "%s in the pool", h->name);
    double n90 = h->min / 90.0;
    SL_CHECK_REL(v[0].value, h->tklw / n90, 1e-12, "%s tackles won per 90", h->name);
    SL_CHECK_REL(v[1].value, h->interceptions / n90, 1e-12, "%s interceptions per 90", h->name);
    SL_CHECK_REL(v[2].value, h->tkl_int / n90, 1e-12, "%s tackles + interceptions per 90", h->name);
    SL_CHECK_REL(v[4].value, h->clr / n90, 1e-12, "%s clearances per 90", h->name);
    SL_CHECK_REL(v[7].value, h->won / n90, 1e-12, "%s aerials won per 90", h->name);
    SL_CHECK_REL(v[8].value, 100 * h->won / (h->won + h->lost), 1e-12, "%s aerial win %%", h->name);
    SL_CHECK_REL(v[9].value, h->cmp / n90, 1e-12, "%s passes completed per 90", h->name);
    SL_CHECK_REL(v[10].value, 100 * h->cmp / h->att, 1e-12, "%s pass completion %%", h->name);
    SL_CHECK_REL(v[11].value, h->prgp / n90, 1e-12, "%s progressive passes per 90", h->name);
    for (int s = 0; s < NSTATS; s++)
      SL_CHECK_REL(v[s].percentile, golden_pct[k][s], 1e-9, "%s percentile of %s", h->name, cb->stats[s].label);
  }
  /* The README's figures, rounded as FBref prints them. */
  size_t b = find(c, "balerdi");
  double v[NSTATS];
  sl_error err;
  sl_compare_values(c, b, cb, v, &err);
  SL_CHECK_REL(v[2], 82 / (2183 / 90.0), 1e-12, "Balerdi Tkl+Int per 90 (3.38)");
  SL_CHECK_REL(round(v[8] * 10) / 10, 66.1, 1e-12, "Balerdi Won%% as FBref prints it");
}

/* Similar players for Balerdi: every one a centre-back by our groups and a defender by FBref;
 * and, as an independent check of the inference rule, none that transfers-tm (when present)
 * labels a full-back, midfielder or forward. */
static void test_similar(const sl_table *stats, const sl_compare *c, const sl_profiles *pr) {
  size_t b = find(c, "Leonardo Balerdi");
  sl_similar_options so;
  sl_similar_default(&so);
  sl_similar_hit hits[SL_COMPARE_DEFAULT_K];
  size_t n = 0;
  sl_similar_info info;
  sl_error err;
  INT_EQ(sl_compare_similar(c, b, sl_compare_default_profile(c, pr, b), &so, hits, &n, &info, &err), SL_OK,
         "similar");
  INT_EQ(n, SL_COMPARE_DEFAULT_K, "ten similar players");
  for (size_t h = 0; h < n; h++) {
    const sl_player *p = sl_compare_player(c, hits[h].player);
    fprintf(stderr, "  %2zu %-28s %-18s %-16s %.3f\n", h + 1, p->name, p->clubs, p->league, hits[h].distance);
    INT_EQ(p->group, SL_GROUP_CENTRE_BACK, "%s is a centre-back", p->name);
    OK(strstr(p->fbref_pos, "DF") != NULL, "%s is a DF for FBref (%s)", p->name, p->fbref_pos);
    OK(h == 0 || hits[h].distance >= hits[h - 1].distance, "nearest first");
  }
  if (access(TRANSFERS, R_OK) != 0) return;
  static const char *const cols[] = {"name", "age", "season", "position", "short_pos", NULL};
  sl_load_options opt = {.only_columns = cols};
  sl_table *pos = sl_test_load(TRANSFERS, &opt);
  sl_compare_options co = {.positions = pos};
  sl_compare *tm = NULL;
  INT_EQ(sl_compare_new(stats, &co, &tm, &err), SL_OK, "index with transfers-tm");
  /* Same stats table, same order of players: index h names the same player in both. */
  const sl_compare_report *r = sl_compare_summary(tm);
  fprintf(stderr, "transfers-tm: %zu players placed, %zu not found, %zu other birth year, %zu conflicts\n",
          r->by_source[SL_POSSRC_FILE], r->positions_unmatched, r->positions_born_mismatch, r->positions_conflict);
  for (size_t h = 0; h < n; h++) {
    const sl_player *p = sl_compare_player(tm, hits[h].player);
    STR_EQ(p->name, sl_compare_player(c, hits[h].player)->name, "same player in both indexes");
    if (p->group_source == SL_POSSRC_FILE)
      OK(p->group == SL_GROUP_CENTRE_BACK, "%s: transfers-tm says %s", p->name, p->sub_position);
  }
  sl_compare_free(tm);
  sl_table_free(pos);
}

/* Back-three centre-backs (the four): centre-backs by default, from the stats alone, and
 * with transfers-tm, whose rows for Pavard and Kalulu (RB, 2019-2020) are five seasons older than
 * the stats and give way to them. Full-backs stay full-backs. */
static void test_back_three(const sl_table *stats, const sl_compare *c) {
  static const char *const cbs[] = {"Alessandro Bastoni", "Yann Aurel Bisseck", "Benjamin Pavard", "Pierre Kalulu",
                                    "Leonardo Balerdi", "William Saliba"};
  static const char *const fbs[] = {"Achraf Hakimi", "Federico Dimarco", "Jules Koundé", "Trent Alexander-Arnold"};
  for (size_t k = 0; k < sizeof cbs / sizeof cbs[0]; k++) {
    const sl_player *p = sl_compare_player(c, find(c, cbs[k]));
    INT_EQ(p->group, SL_GROUP_CENTRE_BACK, "%s is a centre-back by default (%s)", cbs[k], p->position_note);
  }
  for (size_t k = 0; k < sizeof fbs / sizeof fbs[0]; k++) {
    const sl_player *p = sl_compare_player(c, find(c, fbs[k]));
    INT_EQ(p->group, SL_GROUP_FULL_BACK, "%s is a full-back (%s)", fbs[k], p->position_note);
  }
  if (access(TRANSFERS, R_OK) != 0) return;
  static const char *const cols[] = {"name", "age", "season", "position", "short_pos", NULL};
  sl_load_options opt = {.only_columns = cols};
  sl_table *pos = sl_test_load(TRANSFERS, &opt);
  sl_compare_options co = {.positions = pos};
  sl_compare *tm = NULL;
  sl_error err;
  INT_EQ(sl_compare_new(stats, &co, &tm, &err), SL_OK, "index with transfers-tm");
  for (size_t k = 0; k < 4; k++) {
    const sl_player *p = sl_compare_player(tm, find(tm, cbs[k]));
    INT_EQ(p->group, SL_GROUP_CENTRE_BACK, "%s is a centre-back with transfers-tm (%s)", cbs[k], p->position_note);
  }
  const sl_player *pavard = sl_compare_player(tm, find(tm, "Benjamin Pavard"));
  INT_EQ(pavard->group_source, SL_POSSRC_INFERRED, "Pavard: the 2024/25 stats beat a 2019 RB row");
  OK(strstr(pavard->position_note, "positions file RB is from 2019") != NULL, "Pavard's note: %s", pavard->position_note);
  OK(sl_compare_summary(tm)->positions_stale >= 2, "stale rows counted");
  sl_compare_free(tm);
  sl_table_free(pos);
}

int main(void) {
  if (access(BIG5, R_OK) != 0) {
    fprintf(stderr, "skip: %s absent\n", BIG5);
    return SL_TEST_SKIP;
  }
  sl_table *stats = sl_test_load(BIG5, NULL);
  sl_table *ovr = sl_test_load(SL_DATASETS "/positions-override.csv", NULL);
  sl_profiles *pr = NULL;
  sl_error err;
  if (sl_profiles_load(SL_DATASETS "/profiles.csv", &pr, &err) != SL_OK) {
    fprintf(stderr, "profiles: %s\n", err.message);
    return EXIT_FAILURE;
  }
  sl_compare_options opt = {.overrides = ovr};
  sl_compare *c = NULL;
  INT_EQ(sl_compare_new(stats, &opt, &c, &err), SL_OK, "index: %s", err.message);
  const sl_compare_report *r = sl_compare_summary(c);
  INT_EQ(r->rows_read, 2825, "rows read");
  INT_EQ(r->rows_used, 2825, "every row used");
  /* pandas: 147 name+born groups of 2; one of them is two people, PSG's and Genoa's Vitinha (28
   * + 23 league matches: more than one player's season), kept apart. */
  INT_EQ(r->players_multi_club, 146, "players with two clubs");
  INT_EQ(r->players_same_name, 2, "the two Vitinhas kept apart");
  INT_EQ(r->players, 2825 - 146, "players");
  size_t v;
  INT_EQ(sl_compare_find(c, "Vitinha", &v, &err), SL_EAMBIG, "'Vitinha' asks which one");
  INT_EQ(sl_compare_find(c, "Vitinha (Paris S-G)", &v, &err), SL_OK, "PSG's Vitinha: %s", err.message);
  SL_CHECK_REL(sl_compare_player(c, v)->minutes, 1952, 0, "his minutes are PSG's alone");
  INT_EQ(sl_compare_find(c, "Kyle Walker", &v, &err), SL_OK, "Walker (City, then Milan) is one player");
  SL_CHECK_REL(sl_compare_player(c, v)->minutes, 970 + 659, 0, "his two clubs' minutes");
  test_compare(c, pr);
  test_similar(stats, c, pr);
  test_back_three(stats, c);
  sl_compare_free(c);
  sl_profiles_free(pr);
  sl_table_free(ovr);
  sl_table_free(stats);
  return SL_TEST_DONE();
}
