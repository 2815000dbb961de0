/* csv_scan.c - libcsv's own scan speed on a file, for bench.sh: the floor under the table
 * loader. It feeds the file to csv_parse() in 1 MiB chunks with the loader's options
 * (CSV_APPEND_NULL | CSV_EMPTY_IS_NULL, comma) and callbacks that only count fields and rows,
 * so the time is libcsv's tokenizer plus read(), nothing of the loader (no copies, no number
 * parsing, one thread).
 *   csv_scan FILE      prints: scan_ms <ms> rows <n> fields <k> */
#define _POSIX_C_SOURCE 200809L
#include <csv.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

/* Read size: large enough that read() costs nothing next to the tokenizer. */
#define SCAN_CHUNK ((size_t)1 << 20)

typedef struct counts {
  size_t fields, rows;
} counts;

static void on_field(void *s, size_t len, void *data) {
  (void)s, (void)len;
  ((counts *)data)->fields++;
}

static void on_row(int c, void *data) {
  (void)c;
  ((counts *)data)->rows++;
}

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

int main(int argc, char **argv) {
  if (argc < 2) return fprintf(stderr, "usage: csv_scan FILE\n"), 2;
  FILE *f = fopen(argv[1], "rb");
  char *buf = malloc(SCAN_CHUNK);
  struct csv_parser p;
  if (!f || !buf || csv_init(&p, CSV_APPEND_NULL | CSV_EMPTY_IS_NULL) != 0)
    return fprintf(stderr, "csv_scan: cannot open %s\n", argv[1]), 1;
  counts c = {0, 0};
  double t0 = now_ms();
  size_t n;
  while ((n = fread(buf, 1, SCAN_CHUNK, f)) > 0)
    if (csv_parse(&p, buf, n, on_field, on_row, &c) != n)
      return fprintf(stderr, "csv_scan: %s\n", csv_strerror(csv_error(&p))), 1;
  csv_fini(&p, on_field, on_row, &c);
  double ms = now_ms() - t0;
  printf("scan_ms %.1f rows %zu fields %zu\n", ms, c.rows, c.fields);
  csv_free(&p);
  free(buf);
  fclose(f);
  return 0;
}
