/* compare_bench.c - latency of compare queries over the full FBref Big-5 2024/25 file, after
 * load. Run on demand: bash tests/bench/compare_bench.sh [build-dir], which runs the pandas peer
 * (compare_peer.py) on the same queries and prints the ratios. Prints "load MS MS", "index MS MS"
 * and "query NAME MEDIAN_MS WORST_MS" lines: the median and the worst of REPEATS runs of a
 * three-player comparison (find + percentiles, centre-back profile, own-league pool: Balerdi,
 * Pacho, Marquinhos against Ligue 1 centre-backs with >= 900 minutes), a percentile report
 * against all leagues, a similarity query (k = 10) and the quality score of every player.
 *   compare_bench STATS.csv PROFILES.csv [DUMP]
 * DUMP (optional) gets the answers of the comparison and the similarity query, in the format
 * compare_peer.py writes, so that the script can check both tools agree. Runs with default
 * options (no positions or override file), so defenders are split by the inferred rule only.
 * With BENCH_YEARLY set to an fbref-big5-yearly folder, it also times the multi-season pool
 * (issue 17): seasons 2023/24-2024/25 of the ten tables joined, each player's two seasons pooled
 * minute-weighted, the same three-player comparison and similarity query on that index
 * ("query compare3_2seasons" and "query similar_2seasons"; scoutlab only, no peer). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "scoutlab/compare.h"
#include "scoutlab/workspace.h"

#define REPEATS 50 /* enough for a stable median on a quiet machine, short enough to wait for */
#define YEARLY_FIRST 2023 /* the two seasons a "last 365 days" scouting report pools */
#define YEARLY_LAST 2024

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static void report(const char *what, double *ms, size_t n) {
  qsort(ms, n, sizeof *ms, cmp_double);
  printf("query %s %.3f %.3f\n", what, ms[n / 2], ms[n - 1]);
}

/* Times REPEATS runs of the three-player comparison (find + percentiles of each) and reports
 * them as `what`; 0 ok. */
static int time_compare3(const sl_compare *c, const sl_profile *cb, const sl_pool *pool, const char *const *names,
                         const char *what) {
  sl_stat_value v[64];
  sl_error err;
  double ms[REPEATS];
  for (int r = 0; r < REPEATS; r++) {
    double a = now_ms();
    for (int k = 0; k < 3; k++) {
      size_t i;
      if (sl_compare_find(c, names[k], &i, &err) || sl_compare_percentiles(c, i, cb, pool, v, NULL, &err))
        return fprintf(stderr, "%s\n", err.message), 1;
    }
    ms[r] = now_ms() - a;
  }
  report(what, ms, REPEATS);
  return 0;
}

/* Times REPEATS similarity queries (k = 10) for `name`, reported as `what`; 0 ok. The last
 * query's hits are left in hits / *n. */
static int time_similar(const sl_compare *c, const sl_profile *cb, const char *name, const char *what,
                        sl_similar_hit *hits, size_t *n) {
  sl_similar_options so;
  sl_similar_default(&so);
  sl_error err;
  double ms[REPEATS];
  for (int r = 0; r < REPEATS; r++) {
    double a = now_ms();
    size_t i;
    if (sl_compare_find(c, name, &i, &err) || sl_compare_similar(c, i, cb, &so, hits, n, NULL, &err))
      return fprintf(stderr, "%s\n", err.message), 1;
    ms[r] = now_ms() - a;
  }
  report(what, ms, REPEATS);
  return 0;
}

/* compare3 and similar over the two pooled seasons of the yearly folder; 0 ok. */
static int bench_two_seasons(const char *yearly, const char *profiles_path) {
  /* Over two seasons a second Marquinhos (Nantes, born 2003) appears: the PSG one by his club. */
  static const char *const names[] = {"Leonardo Balerdi", "Willian Pacho", "Marquinhos (Paris S-G)"};
  sl_workspace_inputs in;
  sl_workspace_inputs_init(&in);
  in.stats = &yearly, in.nstats = 1, in.profiles = profiles_path;
  in.seasons_first = YEARLY_FIRST, in.seasons_last = YEARLY_LAST, in.pool_seasons = 1;
  sl_workspace *ws = NULL;
  sl_error err;
  double t0 = now_ms();
  if (sl_workspace_new(&in, &ws, &err)) return fprintf(stderr, "yearly: %s\n", err.message), 1;
  printf("load_2seasons %.3f %.3f\n", now_ms() - t0, now_ms() - t0);
  const sl_compare *c = sl_workspace_compare(ws);
  const sl_profile *cb = sl_profiles_find(sl_workspace_profiles(ws), "centre-back");
  sl_pool pool;
  sl_pool_default(&pool);
  sl_similar_hit hits[SL_COMPARE_DEFAULT_K];
  size_t n;
  int bad = time_compare3(c, cb, &pool, names, "compare3_2seasons") ||
            time_similar(c, cb, names[0], "similar_2seasons", hits, &n);
  sl_workspace_free(ws);
  return bad;
}

int main(int argc, char **argv) {
  const char *stats_path = argc > 1 ? argv[1] : "../shared/data/fbref-big5-2024-25/players_data-2024_2025.csv";
  const char *profiles_path = argc > 2 ? argv[2] : "datasets/profiles.csv";
  sl_error err;
  sl_table *t = NULL;
  sl_profiles *pr = NULL;
  sl_compare *c = NULL;
  double t0 = now_ms();
  if (sl_table_load(stats_path, NULL, &t, &err) || sl_profiles_load(profiles_path, &pr, &err)) {
    fprintf(stderr, "load: %s\n", err.message);
    return 1;
  }
  double t1 = now_ms();
  if (sl_compare_new(t, NULL, &c, &err)) {
    fprintf(stderr, "index: %s\n", err.message);
    return 1;
  }
  double t2 = now_ms();
  printf("load %.3f %.3f\nindex %.3f %.3f\n", t1 - t0, t1 - t0, t2 - t1, t2 - t1);
  const char *names[] = {"Leonardo Balerdi", "Willian Pacho", "Marquinhos"};
  FILE *dump = argc > 3 ? fopen(argv[3], "w") : NULL;
  const sl_profile *cb = sl_profiles_find(pr, "centre-back");
  sl_pool pool;
  sl_pool_default(&pool);
  sl_stat_value v[64];
  double ms[REPEATS];
  if (time_compare3(c, cb, &pool, names, "compare3")) return 1;
  for (int k = 0; dump && k < 3; k++) { /* the answers, outside the timing */
    size_t i;
    sl_compare_find(c, names[k], &i, &err);
    sl_compare_percentiles(c, i, cb, &pool, v, NULL, &err);
    for (size_t s = 0; s < cb->nstats; s++)
      fprintf(dump, "pct\t%s\t%s\t%.12g\t%.12g\n", names[k], cb->stats[s].label, v[s].value, v[s].percentile);
  }
  for (int k = 0; dump && k < 3; k++) { /* pool sizes, outside the timing: the groups must agree too */
    size_t i;
    sl_pool_info info;
    sl_compare_find(c, names[k], &i, &err);
    sl_compare_percentiles(c, i, cb, &pool, v, &info, &err);
    fprintf(dump, "pool\t%s\t%zu\n", names[k], info.size);
  }
  pool.kind = SL_POOL_ALL;
  for (int r = 0; r < REPEATS; r++) {
    double a = now_ms();
    size_t i;
    sl_compare_find(c, names[0], &i, &err);
    sl_compare_percentiles(c, i, cb, &pool, v, NULL, &err);
    ms[r] = now_ms() - a;
  }
  report("pct_all", ms, REPEATS);
  sl_similar_hit hits[SL_COMPARE_DEFAULT_K];
  size_t n;
  if (time_similar(c, cb, names[0], "similar", hits, &n)) return 1;
  if (dump) {
    size_t i;
    sl_similar_info info;
    sl_similar_options so;
    sl_similar_default(&so);
    sl_compare_find(c, names[0], &i, &err);
    sl_compare_similar(c, i, cb, &so, hits, &n, &info, &err);
    fprintf(dump, "population\t%zu\tcandidates\t%zu\n", info.population, info.candidates);
  }
  for (size_t h = 0; dump && h < n; h++)
    fprintf(dump, "sim\t%s\t%.12g\n", sl_compare_player(c, hits[h].player)->name, hits[h].distance);
  if (dump) fclose(dump);
  double *q = malloc(sl_compare_count(c) * sizeof *q);
  sl_pool_default(&pool);
  for (int r = 0; r < REPEATS / 5; r++) {
    double a = now_ms();
    sl_compare_quality_all(c, pr, &pool, q, &err);
    ms[r] = now_ms() - a;
  }
  report("quality_all", ms, REPEATS / 5);
  free(q);
  const char *yearly = getenv("BENCH_YEARLY");
  if (yearly && *yearly && bench_two_seasons(yearly, profiles_path)) return 1;
  sl_compare_free(c);
  sl_profiles_free(pr);
  sl_table_free(t);
  return 0;
}
