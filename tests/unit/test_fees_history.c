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

/* The deals of a transfers text as a model without market value selects them (NULL on failure). */
static sl_fees_deals *deals_of(const char *text, const char *path) {
  sl_table *t = load_text(text, path);
  if (!t) return NULL;
  sl_fees_options o = {0};
  o.no_market_value = 1;
  sl_fees_deals *d = NULL;
  sl_error err;
  INT_EQ(sl_fees_deals_from_table(t, &o, &d, &err), SL_OK, "deals: %s", err.message);
  sl_table_free(t);
  return d;
}

static void check_deals(const char *path) {
  sl_fees_deals *d = deals_of(csv, path);
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
}

/* Without a season column there is no "before": no history, the terms absent. */
static void check_no_seasons(const char *path) {
  sl_fees_deals *d = deals_of("name,age,short_pos,fee\nAna Costa,20,CB,5000000\nAna Costa,22,CB,10000000\n", path);
  if (d) {
    OK(!d->has_last_fee, "no seasons: no history");
    OK(isnan(d->deal[1].player.last_fee), "the last fee unknown, not 0");
  }
  sl_fees_deals_free(d);
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
  SL_CHECK_REL(sl_fees_history_last(h, NULL, 24, 2019, &season), 0, 0, "no name: nothing to find him by, none");
  OK(isnan(sl_fees_history_last(h, "Ana Costa", 24, 0, &season)), "no season: unknown");
  sl_fees_history_free(h);
}

/* A model of those deals: version 6, its deals' last fees back from the file, every truncation
 * of it an error, and a player valued without a stated last fee finds his in the deals. */
/* Forty players in three seasons each, and Ana Costa's deals: enough to fit the terms. */
static char *many_deals(void) {
  static const char *const pos[] = {"CB", "CM", "CF", "FB"};
  size_t cap = 1 << 16, n = 0;
  char *text = malloc(cap);
  if (!text) return NULL;
  n += (size_t)snprintf(text + n, cap - n, "%s", csv);
  for (int i = 0; i < 40; i++)
    for (int y = 0; y < 3; y++)
      n += (size_t)snprintf(text + n, cap - n, "Player %d,%d,%s,%d,%d,False\n", i, 20 + i % 10 + y, pos[i % 4],
                            (1 + i % 7) * (1 + y) * 1000000 + 100000 * (i % 3), 2015 + y);
  return text;
}

static void check_model(const char *path) {
  char *text = many_deals();
  sl_table *t = text ? load_text(text, path) : NULL;
  free(text);
  if (!t) return;
  sl_fees_options o = {0};
  o.no_market_value = 1, o.folds = 1;
  sl_fees_deals *d = NULL;
  sl_fees_model *m = NULL;
  sl_error err;
  if (sl_fees_deals_from_table(t, &o, &d, &err) == SL_OK) INT_EQ(sl_fees_fit(d, &o, &m, NULL, &err), SL_OK, "fit: %s", err.message);
  else sl_fees_deals_free(d);
  sl_table_free(t);
  if (!m) return;
  OK(sl_fees_model_uses(m, SL_FEES_VAR_LAST_FEE) && sl_fees_model_uses(m, SL_FEES_VAR_NO_LAST_FEE), "both terms");
  char model[] = "/tmp/sl_fees_history_model_XXXXXX";
  int fd = mkstemp(model);
  if (fd >= 0) close(fd);
  INT_EQ(sl_fees_save(m, model, &err), SL_OK, "save: %s", err.message);
  static char buf[1 << 20];
  FILE *f = fopen(model, "rb");
  size_t len = f ? fread(buf, 1, sizeof buf, f) : 0;
  if (f) fclose(f);
  OK(len > 20 && strncmp(buf, "scoutlab-fee-model 6\n", 21) == 0, "version 6");
  sl_fees_model *back = NULL;
  INT_EQ(sl_fees_load_buffer("m.slm", buf, len, &back, &err), SL_OK, "load: %s", err.message);
  for (size_t i = 0; back && i < back->deals->n; i++)
    SL_CHECK_REL(back->deals->deal[i].player.last_fee, m->deals->deal[i].player.last_fee, 0, "deal %zu read back", i);
  sl_fees_player p;
  sl_fees_player_init(&p);
  p.name = "Ana Costa", p.age = 25, p.season = 2020, p.group = SL_FEES_CB;
  sl_fees_valuation v;
  if (back && sl_fees_value(back, &p, 0, NAN, &v, &err) == SL_OK) {
    int seen = 0;
    for (size_t k = 0; k < v.ncontrib; k++) {
      if (strcmp(v.contrib[k].term, "last fee") != 0) continue;
      seen = 1;
      STR_EQ(v.contrib[k].value, "EUR 20.00m in 2019", "hers, from the deals");
    }
    OK(seen, "one last-fee line");
  } else OK(0, "value: %s", err.message);
  sl_fees_model_free(back), back = NULL;
  size_t ok_prefixes = 0;
  for (size_t cut = 0; cut < len; cut++) {
    ok_prefixes += sl_fees_load_buffer("cut.slm", buf, cut, &back, &err) == SL_OK;
    sl_fees_model_free(back), back = NULL;
  }
  INT_EQ(ok_prefixes, 0, "no truncated version-6 file loads");
  /* A model without its deals writes the deals line of its version, and loads again. */
  sl_fees_deals_free(m->deals), m->deals = NULL;
  INT_EQ(sl_fees_save(m, model, &err), SL_OK, "save without deals: %s", err.message);
  INT_EQ(sl_fees_load(model, &back, &err), SL_OK, "a version-6 model without deals loads: %s", err.message);
  sl_fees_model_free(back), back = NULL;
  remove(model);
  sl_fees_model_free(m);
}

int main(void) {
  char path[] = "/tmp/sl_fees_history_XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return EXIT_FAILURE;
  close(fd);
  check_deals(path);
  check_no_seasons(path);
  check_lookup();
  check_model(path);
  remove(path);
  return SL_TEST_DONE();
}
