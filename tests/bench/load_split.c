/* load_split.c - the CSV-load share of `scoutlab ols` in bench.sh: loads FILE with the table
 * module as the CLI does and prints the time spent inside sl_table_load. THREADS 2 is the
 * default loader (files over SL_TABLE_DEFAULT_PARALLEL_BYTES are split over two threads);
 * THREADS 1 forbids the split, so one run of each shows what the split buys. Run under
 * /usr/bin/time -v, the peak memory is that of the load alone.
 *   load_split FILE [1|2]      prints: load_ms <ms> rows <n> cols <k> threads <1|2> */
#define _POSIX_C_SOURCE 200809L
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "scoutlab/table.h"

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

int main(int argc, char **argv) {
  if (argc < 2) return fprintf(stderr, "usage: load_split FILE [1|2]\n"), 2;
  int threads = argc > 2 ? atoi(argv[2]) : 2;
  sl_load_options opt = {0};
  if (threads == 1) opt.parallel_min_bytes = SIZE_MAX;
  sl_table *t = NULL;
  sl_error err;
  double t0 = now_ms();
  if (sl_table_load(argv[1], &opt, &t, &err) != SL_OK) return fprintf(stderr, "load: %s\n", err.message), 1;
  double ms = now_ms() - t0;
  printf("load_ms %.1f rows %zu cols %zu threads %d\n", ms, t->nrows, t->ncols, threads);
  sl_table_free(t);
  return 0;
}
