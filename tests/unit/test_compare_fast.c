/* test_compare_fast.c - sl_compare_quality_all ranks each pool once (sorted values, binary
 * search: compare_stats.c); this checks it against the definition computed the slow way, on
 * randomized tables: for every player, every pool member found with sl_compare_in_pool, his
 * values from sl_compare_values, each percentile from sl_percentile_midrank, the weighted mean of
 * the non-neutral ones. The two must agree exactly (the same double, or both NAN), for every pool
 * kind, with and without a pool season and a minutes threshold, per club or per player, with
 * seasons pooled or not. Values are small integers with blanks, so ties and missing values are
 * everywhere; leagues differ only in case ("Alpha League" / "ALPHA LEAGUE", one own-league pool),
 * seasons include blanks (entries without a season). No timing here: tests/bench/squad_bench.sh. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "scoutlab/compare.h"

#define ROWS 420   /* rows per random table: pools of tens of players, every group present */
#define TABLES 4   /* random tables (seeds) */
#define BLANK_PER_MILLE 100 /* a tenth of the stat cells are missing */

static const char profiles_csv[] =
    "role,stat,columns,kind,better,group,numerator,denominator,weight\n"
    "centre-back,Tackles won,TklW,per90,higher,defending,,,1\n"
    "centre-back,Clearances,Clr,per90,higher,defending,,,1\n"
    "centre-back,Errors,Err,per90,lower,defending,,,1\n"
    "centre-back,Aerial win %,Won%,rate,higher,aerial,Won,Won + Lost_stats_misc,1\n"
    "centre-back,Pass completion %,Cmp%,rate,higher,passing,Cmp,Att,2\n"
    "centre-back,Crossing style,Crs,per90,neutral,style,,,1\n"
    "full-back,Crosses,Crs,per90,higher,creating,,,1\n"
    "full-back,Errors,Err,per90,lower,defending,,,0.5\n"
    "midfielder,Passes completed,Cmp,per90,higher,passing,,,1\n"
    "midfielder,Pass completion %,Cmp%,raw,higher,passing,,,1\n"
    "winger-forward,Shots,Sh,per90,higher,shooting,,,1\n"
    "goalkeeper,Clean sheets,CS,total,higher,shot stopping,,,1\n";

static uint64_t splitmix64(uint64_t *s) {
  uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}
static unsigned pick(uint64_t *s, unsigned n) { return (unsigned)(splitmix64(s) % n); }

/* A cell 0..max, or blank. */
static int cell(char *buf, size_t size, uint64_t *s, unsigned max) {
  if (pick(s, 1000) < BLANK_PER_MILLE) return snprintf(buf, size, ",");
  return snprintf(buf, size, ",%u", pick(s, max + 1));
}

/* A random stats CSV of ROWS rows; the caller frees it. */
static char *random_table(uint64_t seed, size_t *len) {
  static const char *const pos[] = {"DF", "DF", "MF", "FW", "GK", "DF,MF", ""};
  static const char *const league[] = {"xx Alpha League", "xx ALPHA LEAGUE", "yy Beta League", "fr Ligue 1",
                                       "eng Premier League"};
  static const char *const season[] = {"2022", "2023", "2023", ""};
  static const unsigned minutes[] = {90, 450, 899, 900, 900, 901, 1800, 2700, 3000};
  size_t cap = (size_t)ROWS * 160 + 256, off = 0;
  char *csv = malloc(cap);
  if (!csv) return NULL;
  uint64_t s = seed;
  off += (size_t)snprintf(csv, cap, "Player,Pos,Squad,Comp,Born,Min,TklW,Clr,Err,Won,Lost_stats_misc,Won%%,"
                                    "Cmp,Att,Cmp%%,Crs,PrgR,Sh,CS,season\n");
  for (size_t r = 0; r < ROWS; r++) {
    /* Names repeat (same birth year) so the per-player index combines rows of several clubs. */
    unsigned who = pick(&s, ROWS * 3 / 4), min = minutes[pick(&s, sizeof minutes / sizeof *minutes)];
    off += (size_t)snprintf(csv + off, cap - off, "Player %u,\"%s\",Club %u,%s,%u,%u", who,
                            pos[pick(&s, sizeof pos / sizeof *pos)], pick(&s, 12),
                            league[pick(&s, sizeof league / sizeof *league)], 1990 + who % 15, min);
    for (int k = 0; k < 5; k++) off += (size_t)cell(csv + off, cap - off, &s, 4); /* TklW..Lost */
    off += (size_t)cell(csv + off, cap - off, &s, 100);                           /* Won% */
    off += (size_t)cell(csv + off, cap - off, &s, 6);                             /* Cmp */
    off += (size_t)cell(csv + off, cap - off, &s, 8);                             /* Att */
    off += (size_t)cell(csv + off, cap - off, &s, 100);                           /* Cmp% */
    for (int k = 0; k < 4; k++) off += (size_t)cell(csv + off, cap - off, &s, 3); /* Crs..CS */
    off += (size_t)snprintf(csv + off, cap - off, ",%s\n", season[pick(&s, sizeof season / sizeof *season)]);
  }
  *len = off;
  return csv;
}

/* The definition, one player at a time. vals[g] holds every player's values for group g's
 * profile (count x nstats). */
static double slow_quality(const sl_compare *c, const sl_profiles *profiles, double *const *vals,
                           const sl_pool *pool, size_t i, size_t *members, double *column) {
  const sl_player *p = sl_compare_player(c, i);
  const sl_profile *pr = sl_profiles_for_group(profiles, p->group);
  if (!pr) return NAN;
  size_t n = sl_compare_count(c), ns = pr->nstats, m = 0;
  const double *v = vals[p->group];
  sl_pool own = *pool;
  if (!own.season) own.season = p->season;
  for (size_t j = 0; j < n; j++)
    if (sl_compare_in_pool(c, j, p->group, &own, p->league)) members[m++] = j;
  double sum = 0, wsum = 0;
  for (size_t s = 0; s < ns; s++) {
    for (size_t k = 0; k < m; k++) column[k] = v[members[k] * ns + s];
    double pct = sl_percentile_midrank(column, m, v[i * ns + s], pr->stats[s].better == SL_BETTER_LOWER);
    if (pr->stats[s].better == SL_BETTER_NEUTRAL || isnan(pct)) continue;
    sum += pr->stats[s].weight * pct;
    wsum += pr->stats[s].weight;
  }
  return wsum > 0 ? sum / wsum : NAN;
}

static size_t checked, scored;

static void check_index(const sl_compare *c, const sl_profiles *profiles, const char *what) {
  size_t n = sl_compare_count(c);
  double *vals[SL_GROUP_COUNT] = {0}, *fast = malloc((n ? n : 1) * sizeof *fast);
  double *column = malloc((n ? n : 1) * sizeof *column);
  size_t *members = malloc((n ? n : 1) * sizeof *members);
  OK(fast && column && members, "allocation");
  for (int g = 0; g < SL_GROUP_COUNT && fast && column && members; g++) {
    const sl_profile *pr = sl_profiles_for_group(profiles, (sl_group)g);
    if (!pr || !(vals[g] = malloc((n ? n : 1) * pr->nstats * sizeof *vals[g]))) continue;
    sl_error err;
    for (size_t j = 0; j < n; j++) INT_EQ(sl_compare_values(c, j, pr, vals[g] + j * pr->nstats, &err), SL_OK, "values");
  }
  static const sl_pool_kind kinds[] = {SL_POOL_LEAGUE, SL_POOL_ALL, SL_POOL_BIG5, SL_POOL_SHARED, SL_POOL_LIST};
  static const int seasons[] = {0, 2023};
  static const double mins[] = {0, SL_COMPARE_DEFAULT_MIN_MINUTES};
  for (size_t k = 0; fast && column && members && k < sizeof kinds / sizeof *kinds; k++)
    for (size_t y = 0; y < sizeof seasons / sizeof *seasons; y++)
      for (size_t mm = 0; mm < sizeof mins / sizeof *mins; mm++) {
        sl_pool pool;
        sl_pool_default(&pool);
        pool.kind = kinds[k];
        pool.leagues = kinds[k] == SL_POOL_LIST ? "alpha league,Ligue 1" : NULL;
        pool.season = seasons[y];
        pool.min_minutes = mins[mm];
        sl_error err;
        INT_EQ(sl_compare_quality_all(c, profiles, &pool, fast, &err), SL_OK, "%s: quality_all", what);
        size_t bad = 0;
        for (size_t i = 0; i < n; i++) {
          double slow = slow_quality(c, profiles, vals, &pool, i, members, column);
          int same = fast[i] == slow || (isnan(fast[i]) && isnan(slow));
          if (!same && bad++ < 3)
            OK(0, "%s, pool kind %d season %d min %g, player %zu (%s): fast %.17g, slow %.17g", what, (int)kinds[k],
               seasons[y], mins[mm], i, sl_compare_player(c, i)->name, fast[i], slow);
          checked++;
          scored += !isnan(slow);
        }
        OK(bad == 0, "%s, pool kind %d season %d min %g: %zu of %zu players differ", what, (int)kinds[k], seasons[y],
           mins[mm], bad, n);
      }
  for (int g = 0; g < SL_GROUP_COUNT; g++) free(vals[g]);
  free(fast), free(column), free(members);
}

int main(void) {
  sl_profiles *profiles = NULL;
  sl_error err;
  INT_EQ(sl_profiles_parse("profiles.csv", profiles_csv, strlen(profiles_csv), &profiles, &err), SL_OK,
         "profiles: %s", err.message);
  for (uint64_t seed = 1; profiles && seed <= TABLES; seed++) {
    size_t len = 0;
    char *csv = random_table(seed, &len), name[32];
    sl_table *t = NULL;
    snprintf(name, sizeof name, "random%u.csv", (unsigned)seed);
    INT_EQ(csv ? sl_table_load_buffer(name, csv, len, NULL, &t, &err) : SL_ENOMEM, SL_OK, "%s: %s", name, err.message);
    for (int per_club = 0; t && per_club <= 1; per_club++)
      for (int pooled = 0; pooled <= 1; pooled++) {
        sl_compare_options opt = {0};
        opt.per_club = per_club;
        opt.pool_seasons = pooled;
        sl_compare *c = NULL;
        char what[96];
        snprintf(what, sizeof what, "%s per_club=%d pool_seasons=%d", name, per_club, pooled);
        INT_EQ(sl_compare_new(t, &opt, &c, &err), SL_OK, "%s: %s", what, err.message);
        if (c) check_index(c, profiles, what);
        sl_compare_free(c);
      }
    sl_table_free(t);
    free(csv);
  }
  /* Not vacuous: most players are ranked, in every configuration above. */
  OK(checked > 0 && scored * 2 > checked, "%zu of %zu qualities are numbers", scored, checked);
  sl_profiles_free(profiles);
  return SL_TEST_DONE();
}
