/* test_fees_history.c - each deal's last fee (the last_fee term, fees_history.c) by the rules of
 * docs/fee-model.md: the player's latest paid fee of a strictly earlier season, the larger of
 * that season's; one person by normalised name and birth year (season - age, within one year);
 * free transfers and loans are no fee; none is 0, and a table without seasons has no history.
 * The model's deals carry the values to the file and back, and a valuation without one finds
 * it in the model's deals. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fees_internal.h"
#include "harness.h"
#include "scoutlab/fees.h"

static const char csv[] =
    "name,age,short_pos,fee,season,is_loan\n"
    "Ana Costa,20,CB,5000000,2015,False\n"        /* 1: her first: none before */
    "Ana Costa,22,CB,10000000,2017,False\n"       /* 2: 5m of 2015 */
    "Ána Cósta,24,CB,20000000,2019,False\n"       /* 3: accents aside the same: 10m of 2017 */
    "Ana Costa,30,CB,1000000,2019,False\n"        /* 4: born 1989, another Ana: none */
    "Bo Li,25,CF,0,2016,False\n"                  /* free transfer: no deal, no fee */
    "Bo Li,26,CF,3000000,2017,False\n"            /* 5: none (a free move is no fee) */
    "Bo Li,27,CF,9000000,2018,True\n"             /* a loan: no deal */
    "Bo Li,28,CF,4000000,2019,False\n"            /* 6: 3m of 2017 (the loan is no fee) */
    "Cy Dee,20,FB,2000000,2016,False\n"           /* 7: none */
    "Cy Dee,22,FB,2500000,2017,False\n"           /* 8: born 1995 against 1996: one year apart, 2m */
    "Di Eo,23,CM,1000000,2018,False\n"            /* 9: none */
    "Di Eo,23,CM,2000000,2018,False\n"            /* 10: the same season: none */
    "Di Eo,24,CM,1500000,2019,False\n";           /* 11: the larger of 2018's: 2m */

static const struct {
  double fee;
  int season;
} want[] = {{0, 0}, {5e6, 2015}, {10e6, 2017}, {0, 0}, {0, 0}, {3e6, 2017},
            {0, 0}, {2e6, 2016}, {0, 0},      {0, 0}, {2e6, 2018}};

static sl_table *load_text(const char *text, const char *path) {
  FILE *f = fopen(path, "w");
  if (!f) return NULL;
  fputs(text, f);
  fclose(f);
  sl_table *t = NULL;
  sl_error err;
  INT_EQ(sl_table_load(path, NULL, &t, &err), SL_OK, "load: %s", err.message);
  return t;
}

static void check_deals(const char *path) {
  sl_table *t = load_text(csv, path);
  if (!t) return;
  sl_fees_options o = {0};
  o.no_market_value = 1;
  sl_fees_deals *d = NULL;
  sl_error err;
  INT_EQ(sl_fees_deals_from_table(t, &o, &d, &err), SL_OK, "deals: %s", err.message);
  if (d) {
    INT_EQ(d->n, sizeof want / sizeof want[0], "deals (the free move and the loan left out)");
    OK(d->has_last_fee, "the deals' last fees were looked up");
    for (size_t i = 0; i < d->n && i < sizeof want / sizeof want[0]; i++) {
      SL_CHECK_REL(d->deal[i].player.last_fee, want[i].fee, 0, "deal %zu (%s, %d): last fee", i + 1,
                   d->deal[i].player.name, d->deal[i].player.season);
      INT_EQ(d->deal[i].player.last_fee_season, want[i].season, "deal %zu: its season", i + 1);
    }
  }
  sl_fees_deals_free(d);
  sl_table_free(t);
}

/* Without a season column there is no "before": no history, the terms absent. */
static void check_no_seasons(const char *path) {
  sl_table *t = load_text("name,age,short_pos,fee\nAna Costa,20,CB,5000000\nAna Costa,22,CB,10000000\n", path);
  if (!t) return;
  sl_fees_options o = {0};
  o.no_market_value = 1;
  sl_fees_deals *d = NULL;
  sl_error err;
  INT_EQ(sl_fees_deals_from_table(t, &o, &d, &err), SL_OK, "deals: %s", err.message);
  if (d) {
    OK(!d->has_last_fee, "no seasons: no history");
    OK(isnan(d->deal[1].player.last_fee), "the last fee unknown, not 0");
  }
  sl_fees_deals_free(d);
  sl_table_free(t);
}

/* The history module on its own: lookups before sealing, unknown inputs, and the latest season. */
static void check_lookup(void) {
  sl_fees_history *h = sl_fees_history_new();
  if (!h) return;
  INT_EQ(sl_fees_history_add(h, "Ana Costa", 20, 2015, 5e6), SL_OK, "add");
  INT_EQ(sl_fees_history_add(h, "Ana Costa", 22, 2017, 10e6), SL_OK, "add");
  INT_EQ(sl_fees_history_add(h, "Ana Costa", 22, 2017, 0), SL_OK, "a fee of 0 is not added");
  int season = -1;
  OK(isnan(sl_fees_history_last(h, "Ana Costa", 24, 2019, &season)), "not sealed: unknown");
  sl_fees_history_seal(h);
  SL_CHECK_REL(sl_fees_history_last(h, "ana  costa", 24, 2019, &season), 10e6, 0, "the latest earlier season");
  INT_EQ(season, 2017, "its season");
  SL_CHECK_REL(sl_fees_history_last(h, "Ana Costa", 22, 2017, &season), 5e6, 0, "never its own season");
  SL_CHECK_REL(sl_fees_history_last(h, "Ana Costa", 21, 2016, &season), 5e6, 0, "born a year apart: her");
  SL_CHECK_REL(sl_fees_history_last(h, "Nobody", 24, 2019, &season), 0, 0, "none: 0");
  INT_EQ(season, 0, "and no season");
  OK(isnan(sl_fees_history_last(h, "Ana Costa", NAN, 2019, &season)), "age unknown: unknown");
  OK(isnan(sl_fees_history_last(h, NULL, 24, 2019, &season)), "no name: unknown");
  OK(isnan(sl_fees_history_last(h, "Ana Costa", 24, 0, &season)), "no season: unknown");
  sl_fees_history_free(h);
}

int main(void) {
  char path[] = "/tmp/sl_fees_history_XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return EXIT_FAILURE;
  close(fd);
  check_deals(path);
  check_no_seasons(path);
  check_lookup();
  remove(path);
  return SL_TEST_DONE();
}
