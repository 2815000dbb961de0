/* test_compare.c - the compare module on a hand-made fixture (tests/data/compare/stats.csv) whose
 * per-90 values and percentiles are worked out by hand in the comments below. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fixture.h"
#include "harness.h"
#include "scoutlab/compare.h"

#define FIX SL_TEST_DATA "/compare/"
#define TOL 1e-12

static size_t find(const sl_compare *c, const char *q) {
  size_t i = (size_t)-1;
  sl_error err;
  int st = sl_compare_find(c, q, &i, &err);
  INT_EQ(st, SL_OK, "find '%s': %s", q, err.message);
  return i;
}

static void test_midrank(void) {
  /* mid-rank: 100 * (worse + 0.5 * equal) / n */
  const double pool[] = {1, 2, 3, 4, NAN};
  SL_CHECK_REL(sl_percentile_midrank(pool, 5, 3, 0), 100.0 * 2.5 / 4, TOL, "3 in {1,2,3,4}");
  SL_CHECK_REL(sl_percentile_midrank(pool, 5, 3, 1), 100.0 * 1.5 / 4, TOL, "3 lower-is-better");
  SL_CHECK_REL(sl_percentile_midrank(pool, 5, 2.5, 0), 50.0, TOL, "2.5 not in pool");
  SL_CHECK_REL(sl_percentile_midrank(pool, 5, 9, 0), 100.0, TOL, "above all");
  SL_CHECK_REL(sl_percentile_midrank(pool, 5, 0, 0), 0.0, TOL, "below all");
  OK(isnan(sl_percentile_midrank(pool, 0, 1, 0)), "empty pool gives NAN");
  OK(isnan(sl_percentile_midrank(pool, 5, NAN, 0)), "missing value gives NAN");
}

static void test_profiles(const sl_profiles *p) {
  INT_EQ(p->n, 5, "profiles in fixture");
  const sl_profile *cb = sl_profiles_find(p, "cb");
  OK(cb && cb->peers == SL_GROUP_CENTRE_BACK, "cb names the centre-back profile");
  INT_EQ(cb->nstats, 5, "centre-back stats");
  STR_EQ(cb->stats[3].denominator, "Won + Lost_stats_misc", "rate parts kept as written");
  INT_EQ(cb->stats[2].better, SL_BETTER_LOWER, "errors: lower is better");
  SL_CHECK_REL(cb->stats[4].weight, 2.0, TOL, "weight column");
  /* Bad rows are refused with their line. */
  const char *bad = "role,stat,columns,kind,better,group\ncb,X,Clr,per100,higher,d\n";
  sl_profiles *q = NULL;
  sl_error err;
  INT_EQ(sl_profiles_parse("bad.csv", bad, strlen(bad), &q, &err), SL_EPARSE, "unknown kind refused");
  INT_EQ(err.line, 2, "line of the bad kind");
  OK(strstr(err.message, "per100") != NULL, "message names the kind: %s", err.message);
  sl_profiles_free(q);
}

/* Rows: 13 data rows; the one without a name and the one without minutes are skipped; the two
 * Émile Faure rows (same normalised name, born 2000) become one player. */
static void test_index(const sl_compare *c) {
  const sl_compare_report *r = sl_compare_summary(c);
  INT_EQ(r->rows_read, 13, "rows read");
  INT_EQ(r->rows_used, 11, "rows used");
  INT_EQ(r->rows_skipped, 2, "rows skipped");
  INT_EQ(r->rows_read, r->rows_used + r->rows_skipped + r->rows_skipped_load, "read = used + skipped");
  STR_EQ(r->skipped[0].reason, "no player name", "first skip reason");
  INT_EQ(r->skipped[0].line, 9, "line of the nameless row");
  OK(r->rows_skipped > 1 && strstr(r->skipped[1].reason, "no minutes"), "second skip: no minutes");
  INT_EQ(r->players, 10, "players");
  INT_EQ(r->players_multi_club, 1, "combined players");

  size_t ei = find(c, "emile faure");
  INT_EQ(sl_compare_player_of_row(c, 4), (long)ei, "row 4 (Club D) folded into Emile");
  INT_EQ(sl_compare_player_of_row(c, 5), (long)ei, "row 5 (Club E) too");
  INT_EQ(sl_compare_player_of_row(c, 7), -1, "nameless row skipped");
  const sl_player *e = sl_compare_player(c, ei);
  STR_EQ(e->clubs, "Club D, Club E", "clubs listed");
  STR_EQ(e->league, "Beta League", "main league = most minutes (1200 of 1800), prefix dropped");
  STR_EQ(e->leagues, "Alpha League, Beta League", "leagues listed");
  SL_CHECK_REL(e->minutes, 1800, TOL, "minutes summed");
  SL_CHECK_REL(e->nineties, 20, TOL, "nineties = 1800/90, not 6.7 + 13.3");
  /* Anna: (5 crosses + 10 PrgR) / 20 = 0.75 < 2 -> centre-back; Bruno: (30 + 40) / 10 = 7 -> full-back */
  const sl_player *a = sl_compare_player(c, find(c, "Anna Stone"));
  INT_EQ(a->group, SL_GROUP_CENTRE_BACK, "Anna inferred centre-back");
  INT_EQ(a->group_source, SL_POSSRC_INFERRED, "labelled inferred");
  const sl_player *b = sl_compare_player(c, find(c, "costa"));
  INT_EQ(b->group, SL_GROUP_FULL_BACK, "Bruno inferred full-back");
  INT_EQ(sl_compare_player(c, find(c, "Gus Hale"))->group, SL_GROUP_MIDFIELDER, "MF from FBref");
  INT_EQ(sl_compare_player(c, find(c, "Ivan Jov"))->group_source, SL_POSSRC_FBREF, "GK from FBref");
}

static void test_find(const sl_compare *c) {
  size_t i;
  sl_error err;
  INT_EQ(sl_compare_find(c, "martin", &i, &err), SL_EAMBIG, "two Leo Martins are ambiguous");
  OK(strstr(err.message, "Leo Martin (Club C, born 1995)") && strstr(err.message, "be more precise"),
     "ambiguity lists them: %s", err.message);
  i = find(c, "Leo Martin (1995)");
  STR_EQ(sl_compare_player(c, i)->clubs, "Club C", "birth year qualifier");
  i = find(c, "leo martin (club f)");
  SL_CHECK_REL(sl_compare_player(c, i)->born, 2001, TOL, "club qualifier");
  INT_EQ(sl_compare_find(c, "Carl Dain", &i, &err), SL_ENOTFOUND, "unknown player");
  /* which further names sl_name_suggest offers is the names module's business; the closest first */
  OK(strncmp(err.message, "no player 'Carl Dain'; did you mean: Carl Dane", 46) == 0,
     "did-you-mean message: %s", err.message);
}

/* Alpha League centre-backs with >= 900 minutes: Anna (1800 min), Carl (2700), Leo Martin 1995
 * (1000). Dario has 450 minutes; Émile's main league is Beta. Per-90 uses minutes / 90:
 *   Anna  TklW 40/20 = 2.0   Clr 100/20 = 5.0  Err 2/20 = 0.1      Won% 60/100 = 60   Cmp% 1000/1100
 *   Carl  TklW 45/30 = 1.5   Clr 150/30 = 5.0  Err 1/30 = 0.0333   Won% 90/120 = 75   Cmp% 1500/1600
 *   Leo   TklW 25/11.1 = 2.25 Clr 55/11.1 = 4.95 Err 3/11.1 = 0.27 Won% 30/60 = 50    Cmp% 600/700
 * Anna: TklW one below (Carl), herself equal -> (1 + 0.5)/3 = 50; Clr Leo below, Carl and Anna
 * equal -> (1 + 1)/3 = 66.67; Err (lower better) Leo worse -> 50; Won% 50; Cmp% 50.
 * Carl: TklW 0.5/3 = 16.67; Clr 66.67; Err two worse -> 2.5/3 = 83.33; Won% 83.33; Cmp% 83.33. */
static void test_percentiles(const sl_compare *c, const sl_profiles *pr) {
  const sl_profile *cb = sl_profiles_find(pr, "centre-back");
  sl_pool pool;
  sl_pool_default(&pool);
  sl_stat_value v[5];
  sl_pool_info info;
  sl_error err;
  size_t anna = find(c, "Anna Stone"), carl = find(c, "Carl Dane");
  INT_EQ(sl_compare_percentiles(c, anna, cb, &pool, v, &info, &err), SL_OK, "Anna percentiles");
  INT_EQ(info.size, 3, "Alpha centre-back pool");
  OK(info.player_in_pool, "Anna in pool");
  STR_EQ(info.leagues, "Alpha League", "pool leagues");
  const double anna_v[] = {2.0, 5.0, 0.1, 60.0, 100.0 * 1000 / 1100};
  const double anna_p[] = {50, 200.0 / 3, 50, 50, 50};
  for (int s = 0; s < 5; s++) {
    SL_CHECK_REL(v[s].value, anna_v[s], TOL, "Anna value %d", s);
    SL_CHECK_REL(v[s].percentile, anna_p[s], TOL, "Anna percentile %d", s);
    INT_EQ(v[s].peers, 3, "peers %d", s);
  }
  sl_compare_percentiles(c, carl, cb, &pool, v, NULL, &err);
  const double carl_p[] = {50.0 / 3, 200.0 / 3, 250.0 / 3, 250.0 / 3, 250.0 / 3};
  for (int s = 0; s < 5; s++) SL_CHECK_REL(v[s].percentile, carl_p[s], TOL, "Carl percentile %d", s);
  /* Quality: weighted mean of Anna's percentiles, Cmp% weight 2: (50 + 66.67 + 50 + 50 + 2*50)/6. */
  double q;
  INT_EQ(sl_compare_quality(c, pr, anna, &pool, &q, &err), SL_OK, "quality");
  SL_CHECK_REL(q, (50 + 200.0 / 3 + 50 + 50 + 100) / 6, TOL, "Anna quality");
  double *all = malloc(sl_compare_count(c) * sizeof *all);
  INT_EQ(sl_compare_quality_all(c, pr, &pool, all, &err), SL_OK, "quality_all");
  SL_CHECK_REL(all[anna], q, TOL, "quality_all agrees with quality");
  /* Issue 16 (fuzz_compare): below the pool's 900 minutes Dario's percentiles are withheld, but
   * his quality is the squad's number, which quality_all gave and quality did not (NaN). His
   * TklW 4.0, Clr 8.0, Err 0 and Won% 80 per 90 top all three pool members (100 each); his
   * Cmp% 90.9 is at 50 or 66.7, so the quality is (400 + 2 x 50..66.7) / 6 = 83.3..88.9. */
  size_t dario = find(c, "Dario Ek");
  INT_EQ(sl_compare_percentiles(c, dario, cb, &pool, v, &info, &err), SL_OK, "Dario percentiles");
  OK(info.small_sample && isnan(v[0].percentile), "Dario's percentiles withheld (450 minutes)");
  INT_EQ(sl_compare_quality(c, pr, dario, &pool, &q, &err), SL_OK, "Dario quality");
  OK(q >= 500.0 / 6 - TOL && q <= 1600.0 / 18 + TOL, "Dario quality %g in 83.3..88.9", q);
  SL_CHECK_REL(all[dario], q, TOL, "quality_all agrees with quality below the minimum minutes");
  free(all);
}

/* Émile: rows combined. 1800 min -> 20 nineties; TklW 42/20 = 2.1; Won% = (20+10)/(25+40) = 46.15
 * (not 52.5, the mean of 80 and 25); Cmp% = 1000/1130. His Beta pool is {Émile, Kai}; Kai: TklW
 * 26/14.44 = 1.8, Clr 3.6, Err 0, Won% 66.7, Cmp% 90 -> Émile 75, 75, 25, 25, 25.
 * Pool "Beta League" for Anna (outside it): Clr 5.0 equals Émile's, beats Kai -> (1 + 0.5)/2 = 75. */
static void test_combined_and_pools(const sl_compare *c, const sl_profiles *pr) {
  const sl_profile *cb = sl_profiles_find(pr, "centre-back");
  sl_pool pool;
  sl_pool_default(&pool);
  sl_stat_value v[5];
  sl_pool_info info;
  sl_error err;
  size_t e = find(c, "Émile Faure");
  sl_compare_percentiles(c, e, cb, &pool, v, &info, &err);
  INT_EQ(info.size, 2, "Beta pool");
  SL_CHECK_REL(v[0].value, 2.1, TOL, "combined TklW per 90");
  SL_CHECK_REL(v[3].value, 100.0 * 30 / 65, TOL, "Won%% recomputed from parts");
  SL_CHECK_REL(v[4].value, 100.0 * 1000 / 1130, TOL, "Cmp%% recomputed from parts");
  const double ep[] = {75, 75, 25, 25, 25};
  for (int s = 0; s < 5; s++) SL_CHECK_REL(v[s].percentile, ep[s], TOL, "Emile percentile %d", s);
  INT_EQ(sl_pool_parse("yy Beta League", &pool, &err), SL_OK, "pool list");
  sl_compare_percentiles(c, find(c, "Anna Stone"), cb, &pool, v, &info, &err);
  OK(!info.player_in_pool, "Anna outside Beta pool");
  INT_EQ(v[1].peers, 2, "n excludes Anna");
  SL_CHECK_REL(v[1].percentile, 75, TOL, "Anna Clr vs Beta");
  sl_pool_parse("all", &pool, &err);
  sl_compare_percentiles(c, find(c, "Anna Stone"), cb, &pool, v, &info, &err);
  INT_EQ(info.size, 5, "all-league centre-backs >= 900 min");
  /* TklW 2.0 vs {1.5, 1.8, 2.1, 2.25} and herself -> (2 + 0.5)/5 */
  SL_CHECK_REL(v[0].percentile, 50, TOL, "Anna TklW all leagues");
  pool.min_minutes = 400;
  sl_compare_percentiles(c, find(c, "Anna Stone"), cb, &pool, v, &info, &err);
  INT_EQ(info.size, 6, "lower threshold lets Dario (450 min) in");
  /* Dario (450 minutes): ranked with a flag below the default threshold, not ranked above it. */
  size_t dario = find(c, "Dario Ek");
  sl_compare_percentiles(c, dario, cb, &pool, v, &info, &err);
  OK(!info.small_sample && info.below_default, "Dario ranked, flagged, at 400 minutes");
  OK(!isnan(v[0].percentile), "Dario has a percentile at 400 minutes");
  sl_pool_shared(&pool);
  sl_compare_percentiles(c, dario, cb, &pool, v, &info, &err);
  OK(info.small_sample && !info.below_default, "Dario is a small sample at 900 minutes");
  SL_CHECK_REL(v[0].value, 4.0, TOL, "Dario keeps his value: TklW 20 / 5 nineties");
  OK(isnan(v[0].percentile), "no percentile for a small sample");
  STR_EQ(info.leagues, "all leagues (Alpha League, Beta League)", "shared pool of a non-Big-5 file");
  INT_EQ(info.size, 5, "shared pool = every league, >= 900 minutes");
  INT_EQ(sl_pool_parse("big5", &pool, &err), SL_OK, "big5 parses");
  INT_EQ(pool.kind, SL_POOL_BIG5, "big5 kind");
  INT_EQ(sl_compare_leagues_check(c, "Beta League,alpha league", &err), SL_OK, "known leagues pass");
  INT_EQ(sl_compare_leagues_check(c, "Alpha Leage", &err), SL_EUNKNOWN, "misspelt league");
  OK(strstr(err.message, "did you mean \"Alpha League\"") != NULL, "league did you mean: %s", err.message);
}

static void test_per_club(const sl_table *stats, const sl_profiles *pr) {
  sl_compare_options opt = {.per_club = 1};
  sl_compare *c = NULL;
  sl_error err;
  INT_EQ(sl_compare_new(stats, &opt, &c, &err), SL_OK, "per-club index");
  INT_EQ(sl_compare_count(c), 11, "one entry per used row");
  size_t i;
  INT_EQ(sl_compare_find(c, "Emile Faure", &i, &err), SL_EAMBIG, "two club rows are ambiguous");
  i = find(c, "Emile Faure (Club E)");
  double v[5];
  sl_compare_values(c, i, sl_profiles_find(pr, "centre-back"), v, &err);
  SL_CHECK_REL(v[3], 25.0, TOL, "Club E row alone: Won%% 10/40");
  SL_CHECK_REL(v[0], 30 / (1200 / 90.0), TOL, "Club E TklW per 90");
  sl_compare_free(c);
}

static void test_positions(const sl_table *stats) {
  sl_table *pos = sl_test_load(FIX "positions.csv", NULL), *ovr = sl_test_load(FIX "override.csv", NULL);
  sl_compare_options opt = {.positions = pos, .overrides = ovr};
  sl_compare *c = NULL;
  sl_error err;
  INT_EQ(sl_compare_new(stats, &opt, &c, &err), SL_OK, "index with positions: %s", err.message);
  const sl_compare_report *r = sl_compare_summary(c);
  const sl_player *b = sl_compare_player(c, find(c, "Bruno Costa"));
  INT_EQ(b->group, SL_GROUP_CENTRE_BACK, "Bruno: file CB (2020 - 24 = 1996) beats the rule");
  INT_EQ(b->group_source, SL_POSSRC_FILE, "source file");
  STR_EQ(b->sub_position, "CB", "sub-position code");
  STR_EQ(sl_compare_player(c, find(c, "Carl Dane"))->sub_position, "CB", "latest season wins");
  const sl_player *g = sl_compare_player(c, find(c, "Gus Hale"));
  INT_EQ(g->group, SL_GROUP_MIDFIELDER, "file CB vs FBref MF: FBref kept");
  const sl_player *k = sl_compare_player(c, find(c, "Kai Lund"));
  INT_EQ(k->group_source, SL_POSSRC_OVERRIDE, "override wins");
  INT_EQ(k->group, SL_GROUP_FULL_BACK, "override LB");
  INT_EQ(r->positions_conflict, 1, "Gus conflict");
  INT_EQ(r->positions_born_mismatch, 1, "Kai born 1997 in file vs 2002");
  INT_EQ(r->positions_unmatched, 6, "Anna, Dario, Emile, Ivan, both Leo Martins not in file");
  INT_EQ(r->overrides_unused, 1, "Nobody Here");
  INT_EQ(r->by_source[SL_POSSRC_FILE], 2, "Bruno and Carl from file");
  sl_compare_free(c);
  sl_table_free(pos);
  sl_table_free(ovr);
}

/* Distances from tests/data/compare/similar_expected.py (z-scores over the five centre-backs
 * with >= 900 minutes in all leagues, Cmp% weighted 2). */
static void test_similar(const sl_table *stats, const sl_profiles *pr) {
  sl_table *values = sl_test_load(FIX "values.csv", NULL);
  sl_compare_options opt = {.values = values};
  sl_compare *c = NULL;
  sl_error err;
  INT_EQ(sl_compare_new(stats, &opt, &c, &err), SL_OK, "index with values");
  INT_EQ(sl_compare_summary(c)->values_matched, 3, "values joined by name");
  SL_CHECK_REL(sl_compare_player(c, find(c, "Kai Lund"))->market_value, 700000, TOL, "value parsed");
  const sl_profile *cb = sl_profiles_find(pr, "centre-back");
  size_t anna = find(c, "Anna Stone");
  sl_similar_options so;
  sl_similar_default(&so);
  sl_similar_hit hits[10];
  size_t n;
  sl_similar_info info;
  INT_EQ(sl_compare_similar(c, anna, cb, &so, hits, &n, &info, &err), SL_OK, "similar");
  INT_EQ(info.population, 5, "population");
  INT_EQ(n, 4, "everyone but Anna");
  const char *order[] = {"emile faure", "carl dane", "kai lund", "leo martin"};
  const double dist[] = {0.710508512527624, 1.063608093640720, 1.075747337411629, 1.299230667426333};
  for (size_t h = 0; h < n && h < 4; h++) {
    STR_EQ(sl_compare_player(c, hits[h].player)->name_norm, order[h], "neighbour %zu", h);
    SL_CHECK_REL(hits[h].distance, dist[h], 1e-9, "distance %zu", h);
  }
  /* Fair-fee filter: Émile 9m, Carl 20m, Kai unknown, Leo 3m; at most 10m -> Émile, Leo; Carl
   * counted above the limit, Kai without a fee. Minutes filter: Leo (1000), Kai (1300) below 1500. */
  double *fee = malloc(sl_compare_count(c) * sizeof *fee);
  for (size_t j = 0; j < sl_compare_count(c); j++) fee[j] = NAN;
  fee[find(c, "Émile Faure")] = 9e6, fee[find(c, "Carl Dane")] = 20e6, fee[find(c, "Leo Martin (1995)")] = 3e6;
  so.fair_fee = fee, so.max_fee = 10e6;
  INT_EQ(sl_compare_similar(c, anna, cb, &so, hits, &n, &info, &err), SL_OK, "similar with a fee limit");
  INT_EQ(n, 2, "two under 10m");
  STR_EQ(sl_compare_player(c, hits[0].player)->name_norm, "emile faure", "nearest under the fee limit");
  INT_EQ(info.excluded_fee, 1, "Carl above the fee limit");
  INT_EQ(info.excluded_no_fee, 1, "Kai has no fair fee");
  so.candidate_min_minutes = 1500;
  sl_compare_similar(c, anna, cb, &so, hits, &n, &info, &err);
  INT_EQ(n, 1, "Leo (1000 minutes) below the candidates' minutes");
  INT_EQ(info.excluded_minutes, 2, "Leo and Kai (1300 minutes) counted, before the fee test");
  so.fair_fee = NULL, so.max_fee = NAN, so.candidate_min_minutes = 0;
  free(fee);
  so.metric = SL_SIMILAR_COSINE;
  sl_compare_similar(c, anna, cb, &so, hits, &n, &info, &err);
  SL_CHECK_REL(hits[0].distance, 0.586966610623412, 1e-9, "cosine nearest is Carl");
  sl_similar_default(&so);
  so.k = 2;
  so.max_age = 29;
  so.max_value = 5e6;
  sl_compare_similar(c, anna, cb, &so, hits, &n, &info, &err);
  INT_EQ(n, 1, "younger than 30 and worth <= 5m: only Kai (Carl is 30, Emile and Leo have no value)");
  INT_EQ(info.excluded_age, 1, "Carl too old");
  INT_EQ(info.excluded_no_value, 2, "Emile and Leo without value");
  sl_compare_free(c);
  sl_table_free(values);
}

/* Market values from a source that writes family names first: a name not found as written is
 * matched on its words in any order, an exact match wins, and a reordered name shared by two
 * players with different values is not guessed. */
static void test_values_word_order(const sl_table *stats) {
  static const char csv[] = "Player,value\nStone Anna,9m\nLund Kai,1m\nKai Lund,700k\n"
                            "Leo Martin,1m\nDane Carl,1m\nDane-Carl,3m\n";
  sl_table *values = NULL;
  sl_error err;
  INT_EQ(sl_table_load_buffer("values.csv", csv, sizeof csv - 1, NULL, &values, &err), SL_OK, "values");
  sl_compare_options opt = {.values = values};
  sl_compare *c = NULL;
  INT_EQ(sl_compare_new(stats, &opt, &c, &err), SL_OK, "index: %s", err.message);
  if (c) {
    INT_EQ(sl_compare_summary(c)->values_matched, 4, "Anna (reordered), Kai and both Leo Martins (as written)");
    SL_CHECK_REL(sl_compare_player(c, find(c, "Anna Stone"))->market_value, 9e6, 0, "Stone Anna");
    SL_CHECK_REL(sl_compare_player(c, find(c, "Kai Lund"))->market_value, 7e5, 0, "exact beats reordered");
    OK(isnan(sl_compare_player(c, find(c, "Carl Dane"))->market_value), "two Dane Carls, two values: none");
  }
  sl_compare_free(c);
  sl_table_free(values);
}

int main(void) {
  sl_table *stats = sl_test_load(FIX "stats.csv", NULL);
  test_values_word_order(stats);
  sl_profiles *pr = NULL;
  sl_error err;
  if (sl_profiles_load(FIX "profiles.csv", &pr, &err) != SL_OK) {
    fprintf(stderr, "profiles: %s\n", err.message);
    return EXIT_FAILURE;
  }
  sl_compare *c = NULL;
  INT_EQ(sl_compare_new(stats, NULL, &c, &err), SL_OK, "index: %s", err.message);
  test_midrank();
  test_profiles(pr);
  test_index(c);
  test_find(c);
  test_percentiles(c, pr);
  test_combined_and_pools(c, pr);
  test_per_club(stats, pr);
  test_positions(stats);
  test_similar(stats, pr);
  sl_compare_free(c);
  sl_profiles_free(pr);
  sl_table_free(stats);
  return SL_TEST_DONE();
}
