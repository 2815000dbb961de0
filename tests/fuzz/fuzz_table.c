/* libFuzzer harness: arbitrary bytes through the CSV loader (delimiter and decimal detection,
 * grouped headers, stray quotes, trailing delimiters, type inference, money/date/season parsing,
 * derived ages, encodings). Invariants: read = used + skipped; the two-thread load (forced on
 * any size) and the load with every row through libcsv (csv_only, no direct split of plain
 * rows) give the same status, rows, skipped rows and cells as the default one-thread load. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "scoutlab/table.h"

static void same_or_abort(const sl_table *a, const sl_table *b) {
  if (a->nrows != b->nrows || a->ncols != b->ncols || a->nskipped != b->nskipped || a->rows_read != b->rows_read)
    abort();
  for (size_t k = 0; k < a->nskipped; k++)
    if (a->skipped[k].line != b->skipped[k].line || strcmp(a->skipped[k].reason, b->skipped[k].reason)) abort();
  for (size_t c = 0; c < a->ncols; c++) {
    const sl_column *x = &a->cols[c], *y = &b->cols[c];
    if (x->type != y->type || strcmp(x->name, y->name)) abort();
    for (size_t r = 0; r < a->nrows; r++) {
      if (a->row_line[r] != b->row_line[r]) abort();
      if (x->type == SL_TYPE_TEXT) {
        if (!x->text[r] != !y->text[r] || (x->text[r] && strcmp(x->text[r], y->text[r]))) abort();
      } else if (!(isnan(x->num[r]) && isnan(y->num[r])) && memcmp(&x->num[r], &y->num[r], sizeof(double))) {
        abort();
      }
    }
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  /* Small limits so the fuzzer explores the limit paths too. */
  sl_load_options opt = {.max_field_bytes = 4096, .max_columns = 512, .parallel_min_bytes = SIZE_MAX};
  sl_load_options par = opt;
  par.parallel_min_bytes = 1; /* split every input that can be split */
  sl_load_options libcsv = opt;
  libcsv.csv_only = 1;
  sl_table *t = NULL, *u = NULL, *w = NULL;
  sl_error err, err2, err3;
  int st = sl_table_load_buffer("fuzz.csv", (const char *)data, size, &opt, &t, &err);
  int st2 = sl_table_load_buffer("fuzz.csv", (const char *)data, size, &par, &u, &err2);
  int st3 = sl_table_load_buffer("fuzz.csv", (const char *)data, size, &libcsv, &w, &err3);
  if (st != st2 || st != st3) abort();
  if (st != SL_OK && (err.line != err3.line || strcmp(err.message, err3.message))) abort();
  if (st == SL_OK) {
    if (t->rows_read != t->nrows + t->nskipped) abort();
    same_or_abort(t, u);
    same_or_abort(t, w);
    char buf[64];
    for (size_t c = 0; c < t->ncols; c++)
      for (size_t r = 0; r < t->nrows; r++) {
        double v;
        sl_table_number(t, &t->cols[c], r, &v);
        sl_table_text(t, &t->cols[c], r, buf, sizeof buf);
      }
  }
  sl_table_free(t);
  sl_table_free(u);
  sl_table_free(w);
  return 0;
}
