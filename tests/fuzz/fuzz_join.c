/* libFuzzer harness: two fuzzed CSV tables (the input split at its first 0x01 byte) joined by
 * sl_table_join, with a column mapping read from the first line of the input. Invariants: one
 * result row per base row; read = used + skipped; each joined table's rows are matched,
 * unmatched or ambiguous; the map parser never crashes on any spec. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "scoutlab/table.h"

/* Bytes of the input's first line taken as a --map spec. */
#define SPEC_MAX 256

static sl_table *load(const char *name, const char *p, size_t n, const sl_load_options *opt) {
  sl_table *t = NULL;
  sl_error err;
  return sl_table_load_buffer(name, p, n, opt, &t, &err) == SL_OK ? t : NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *p = (const char *)data;
  const char *nl = memchr(p, '\n', size < SPEC_MAX ? size : SPEC_MAX);
  char spec[SPEC_MAX + 1];
  size_t sn = nl ? (size_t)(nl - p) : 0;
  memcpy(spec, p, sn);
  spec[sn] = '\0';
  sl_error err;
  sl_schema_map *m = sl_schema_map_new();
  if (m && memchr(spec, '\0', sn) == NULL) sl_schema_map_add_spec(m, spec, &err);
  const char *split = memchr(p, 1, size);
  size_t na = split ? (size_t)(split - p) : size;
  sl_load_options opt = {.max_field_bytes = 4096, .max_columns = 256, .map = m};
  sl_table *a = load("standard/2024.csv", p, na, &opt);
  sl_table *b = split ? load("misc/2024.csv", split + 1, size - na - 1, &opt) : NULL;
  if (a && b) {
    const sl_table *parts[] = {a, b};
    sl_table *t = NULL;
    sl_join_report *rep = NULL;
    if (sl_table_join(parts, 2, m, &t, &rep, &err) == SL_OK) {
      if (t->nrows != a->nrows) abort();
      if (t->rows_read != t->nrows + t->nskipped) abort();
      const sl_join_part *q = &rep->parts[1];
      if (q->matched + q->unmatched + q->ambiguous != b->nrows) abort();
      if (q->base_without > t->nrows || q->matched > t->nrows) abort();
      char buf[64];
      for (size_t c = 0; c < t->ncols; c++)
        for (size_t r = 0; r < t->nrows; r++) sl_table_text(t, &t->cols[c], r, buf, sizeof buf);
    }
    sl_table_free(t);
    sl_join_report_free(rep);
  }
  sl_table_free(a);
  sl_table_free(b);
  sl_schema_map_free(m);
  return 0;
}
