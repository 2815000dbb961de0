/* compare_bench.c - latency of compare queries over the full FBref Big-5 2024/25 file, after
 * load. Run on demand: bash tests/bench/compare_bench.sh [build-dir]. Prints the median and the
 * worst of REPEATS runs of: a three-player comparison (find + percentiles, centre-back profile,
 * own-league pool), a similarity query (k = 10), and the quality score of every player. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "scoutlab/compare.h"

#define REPEATS 50 /* enough for a stable median on a quiet machine, short enough to wait for */

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static void report(const char *what, double *ms) {
  qsort(ms, REPEATS, sizeof *ms, cmp_double);
  printf("%-44s median %8.3f ms   worst %8.3f ms\n", what, ms[REPEATS / 2], ms[REPEATS - 1]);
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
  printf("load %zu rows x %zu columns: %.1f ms; index %zu players: %.1f ms\n", t->nrows, t->ncols, t1 - t0,
         sl_compare_count(c), t2 - t1);
  const char *names[] = {"Leonardo Balerdi", "Gleison Bremer", "Willian Pacho"};
  const sl_profile *cb = sl_profiles_find(pr, "centre-back");
  sl_pool pool;
  sl_pool_default(&pool);
  sl_stat_value v[64];
  double ms[REPEATS];
  for (int r = 0; r < REPEATS; r++) {
    double a = now_ms();
    for (int k = 0; k < 3; k++) {
      size_t i;
      if (sl_compare_find(c, names[k], &i, &err) || sl_compare_percentiles(c, i, cb, &pool, v, NULL, &err)) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
      }
    }
    ms[r] = now_ms() - a;
  }
  report("compare 3 centre-backs (find + percentiles)", ms);
  pool.kind = SL_POOL_ALL;
  for (int r = 0; r < REPEATS; r++) {
    double a = now_ms();
    size_t i;
    sl_compare_find(c, names[0], &i, &err);
    sl_compare_percentiles(c, i, cb, &pool, v, NULL, &err);
    ms[r] = now_ms() - a;
  }
  report("percentiles, all-league pool", ms);
  sl_similar_options so;
  sl_similar_default(&so);
  sl_similar_hit hits[SL_COMPARE_DEFAULT_K];
  size_t n;
  for (int r = 0; r < REPEATS; r++) {
    double a = now_ms();
    size_t i;
    sl_compare_find(c, names[0], &i, &err);
    if (sl_compare_similar(c, i, cb, &so, hits, &n, NULL, &err)) {
      fprintf(stderr, "%s\n", err.message);
      return 1;
    }
    ms[r] = now_ms() - a;
  }
  report("similar to Balerdi, k = 10 (find + search)", ms);
  double *q = malloc(sl_compare_count(c) * sizeof *q);
  sl_pool_default(&pool);
  for (int r = 0; r < REPEATS / 5; r++) {
    double a = now_ms();
    sl_compare_quality_all(c, pr, &pool, q, &err);
    ms[r] = now_ms() - a;
  }
  qsort(ms, REPEATS / 5, sizeof *ms, cmp_double);
  printf("%-44s median %8.3f ms   worst %8.3f ms\n", "quality of every player (own-league pools)", ms[REPEATS / 10],
         ms[REPEATS / 5 - 1]);
  free(q);
  sl_compare_free(c);
  sl_profiles_free(pr);
  sl_table_free(t);
  return 0;
}
