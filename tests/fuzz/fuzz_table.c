/* libFuzzer harness: arbitrary bytes through the CSV loader (delimiter and decimal detection,
 * type inference, money/date parsing, encodings). Invariant: read = used + skipped. */
#include <stdint.h>
#include <stdlib.h>

#include "scoutlab/table.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  /* Small limits so the fuzzer explores the limit paths too. */
  sl_load_options opt = {.max_field_bytes = 4096, .max_columns = 512};
  sl_table *t = NULL;
  sl_error err;
  if (sl_table_load_buffer("fuzz.csv", (const char *)data, size, &opt, &t, &err) == SL_OK) {
    if (t->rows_read != t->nrows + t->nskipped) abort();
    char buf[64];
    for (size_t c = 0; c < t->ncols; c++)
      for (size_t r = 0; r < t->nrows; r++) {
        double v;
        sl_table_number(t, &t->cols[c], r, &v);
        sl_table_text(t, &t->cols[c], r, buf, sizeof buf);
      }
  }
  sl_table_free(t);
  return 0;
}
