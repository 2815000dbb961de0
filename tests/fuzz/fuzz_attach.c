/* libFuzzer harness: transfermarkt-datasets' player_id joins. The input's first byte picks the
 * attach (even: sl_table_attach_players, odd: sl_table_attach_values), the rest is split at its
 * first 0x01 byte into the table attached to (transfers) and the other table (players or a value
 * history); for values, each row's as-of day comes from the byte after the flag (0: every row
 * its latest; else a day spread over 1990-2030 by row). Invariants: the rows of t are neither
 * added nor lost; every row is counted exactly once (matched, no key, not found, ambiguous or
 * none before its date); kept_own only for unmatched rows; the as-of range ordered; the added
 * market value column finite or missing; every cell readable. */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "fuzz_check.h"
#include "scoutlab/table.h"

/* 1990-01-01 and the width of the as-of days spread over rows: 40 years in days. */
#define AS_OF_FIRST 7305.0
#define AS_OF_SPAN 14610.0

static sl_table *load(const char *name, const char *p, size_t n) {
  sl_load_options opt = {.max_field_bytes = 4096, .max_columns = 256};
  sl_table *t = NULL;
  sl_error err;
  return sl_table_load_buffer(name, p, n, &opt, &t, &err) == SL_OK ? t : NULL;
}

static void check_cells(const sl_table *t) {
  char buf[64];
  for (size_t c = 0; c < t->ncols; c++)
    for (size_t r = 0; r < t->nrows; r++) sl_table_text(t, &t->cols[c], r, buf, sizeof buf);
}

static void check_values(const sl_table *t, const sl_attach_report *rep) {
  CHECK(rep->matched + rep->no_key + rep->not_found + rep->none_before == rep->rows,
        "values: %zu matched + %zu no key + %zu not found + %zu none before != %zu rows", rep->matched,
        rep->no_key, rep->not_found, rep->none_before, rep->rows);
  CHECK(rep->kept_own <= rep->rows - rep->matched, "kept_own %zu of %zu unmatched", rep->kept_own,
        rep->rows - rep->matched);
  CHECK(isnan(rep->as_of_first) || rep->as_of_first <= rep->as_of_last, "as-of %g > %g", rep->as_of_first,
        rep->as_of_last);
  const sl_column *mv = sl_table_role(t, SL_ROLE_MARKET_VALUE);
  for (size_t r = 0; mv && mv->num && r < t->nrows; r++)
    CHECK(!isinf(mv->num[r]), "row %zu: market value %g", r, mv->num[r]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 2) return 0;
  int values = data[0] & 1;
  unsigned spread = data[1];
  const char *p = (const char *)data + 2;
  size_t n = size - 2;
  const char *split = memchr(p, 1, n);
  if (!split) return 0;
  sl_table *t = load("transfers.csv", p, (size_t)(split - p));
  sl_table *o = load(values ? "player_valuations.csv" : "players.csv", split + 1, n - (size_t)(split - p) - 1);
  if (t && o) {
    size_t rows = t->nrows;
    double *as_of = values && spread && rows ? malloc(rows * sizeof *as_of) : NULL;
    for (size_t r = 0; as_of && r < rows; r++) as_of[r] = AS_OF_FIRST + fmod((double)(r * spread), AS_OF_SPAN);
    sl_attach_report rep;
    sl_error err;
    int st = values ? sl_table_attach_values(t, o, as_of, &rep, &err) : sl_table_attach_players(t, o, &rep, &err);
    CHECK(t->nrows == rows, "attach changed the rows: %zu -> %zu", rows, t->nrows);
    if (st == SL_OK) {
      CHECK(rep.rows == rows, "report rows %zu of %zu", rep.rows, rows);
      if (values) check_values(t, &rep);
      else
        CHECK(rep.matched + rep.no_key + rep.not_found + rep.ambiguous == rows,
              "players: %zu matched + %zu no key + %zu not found + %zu ambiguous != %zu rows", rep.matched, rep.no_key,
              rep.not_found, rep.ambiguous, rows);
    } else {
      CHECK(err.message[0] != '\0', "refused without a message");
    }
    check_cells(t);
    free(as_of);
  }
  sl_table_free(t);
  sl_table_free(o);
  return 0;
}
