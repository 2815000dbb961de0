/* test_fees_range.c - valuations outside the training deals (issue 16): values that cannot be
 * true are refused with a message (market value 1e30, contract months 1e9, infinities), values
 * beyond the training range by more than the margin are valued and flagged as extrapolation
 * (season 2200, age 45), and a valuation is never a non-finite amount.
 *
 * The training deals are written by the test, so their ranges are known by construction:
 * ages 20-30, market values EUR 1m-50m, contract months 6-48, minutes share 0.1-0.9, seasons
 * 2018-2020. The margins (fees.h): 10% of the range's width (log scale for money), 1 season. */
#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "scoutlab/fees.h"

#define DEALS 90

static char path[64], model_path[64];

/* Deterministic deals spanning exactly the ranges above; fees follow a log-linear rule with a
 * small deterministic noise so the fit has residuals. */
static int write_deals(void) {
  strcpy(path, "/tmp/sl_fees_range_XXXXXX");
  int fd = mkstemp(path);
  if (fd < 0) return -1;
  FILE *f = fdopen(fd, "w");
  if (!f) return -1;
  /* The file is CSV with decimal points whatever locale the test runs under (locale.* copy). */
  locale_t c = newlocale(LC_ALL_MASK, "C", (locale_t)0), old = c ? uselocale(c) : (locale_t)0;
  const char *pos[] = {"CB", "CM", "CF"};
  fprintf(f, "name,age,short_pos,market_value,contract_months_left,minutes_share,season,fee\n");
  for (int i = 0; i < DEALS; i++) {
    double age = 20 + (i * 7) % 11;                  /* 20..30 */
    double mv = 1e6 * pow(50.0, ((i * 13) % 31) / 30.0); /* 1m..50m */
    double months = 6 + (i * 5) % 43;                /* 6..48 */
    double minutes = 0.1 + 0.1 * ((i * 4) % 9);      /* 0.1..0.9 */
    int season = 2018 + i % 3;                       /* 2018..2020 */
    double noise = ((i * 37) % 17 - 8) / 40.0;
    double fee = mv * exp(0.01 * (months - 24) - 0.02 * (age - 25) + 0.05 * (season - 2019) + noise);
    fprintf(f, "Player %d,%g,%s,%.17g,%g,%.17g,%d,%.17g\n", i, age, pos[i % 3], mv, months, minutes, season, fee);
  }
  if (c) uselocale(old), freelocale(c);
  return fclose(f);
}

static sl_fees_player player(void) {
  sl_fees_player p;
  sl_fees_player_init(&p);
  p.age = 25, p.group = SL_FEES_CB, p.market_value = 10e6, p.contract_months = 24, p.minutes_share = 0.5;
  p.season = 2020;
  return p;
}

static long term_of(const sl_fees_model *m, sl_fees_var var) {
  for (size_t t = 0; t < m->nterms; t++)
    if (m->terms[t].var == var) return (long)t;
  return -1;
}

static void check_ranges(const sl_fees_model *m, const char *what) {
  const struct { sl_fees_var var; double lo, hi; } want[] = {
      {SL_FEES_VAR_AGE, 20, 30}, {SL_FEES_VAR_MARKET_VALUE, 1e6, 50e6}, {SL_FEES_VAR_CONTRACT, 6, 48},
      {SL_FEES_VAR_MINUTES, 0.1, 0.9}, {SL_FEES_VAR_SEASON, 2018, 2020}};
  for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
    long t = term_of(m, want[k].var);
    OK(t >= 0, "%s: term %d present", what, (int)want[k].var);
    if (t < 0) continue;
    SL_CHECK_REL(m->range_low[t], want[k].lo, 1e-12, "%s: %s training low", what, m->terms[t].name);
    SL_CHECK_REL(m->range_high[t], want[k].hi, 1e-12, "%s: %s training high", what, m->terms[t].name);
  }
}

/* Values that cannot be true: refused, naming the value and the bound. */
static void refusals(const sl_fees_model *m) {
  const struct { double mv, months, age; const char *message; } cases[] = {
      {1e30, 24, 25, "market value 1e+30 is not a footballer's (expected at most 2000000000 EUR, ten times the "
                     "highest ever listed)"},
      {10e6, 1e9, 25, "contract months 1e+09 is not a contract's (expected at most 120: ten years)"},
      {INFINITY, 24, 25, "market value inf is not a finite number"},
      {10e6, 24, INFINITY, "age inf is not a finite number"},
      {10e6, -1, 25, "contract months -1 is negative (expected months left, 0 or more)"}};
  for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
    sl_fees_player p = player();
    p.market_value = cases[k].mv, p.contract_months = cases[k].months, p.age = cases[k].age;
    sl_fees_valuation v;
    sl_error err;
    INT_EQ(sl_fees_value(m, &p, 0, NAN, &v, &err), SL_EDATA, "refusal %zu", k);
    STR_EQ(err.message, cases[k].message, "refusal %zu: message", k);
  }
}

/* Possible values beyond the training range: valued, listed and noted; inside the margins: not. */
static void extrapolations(const sl_fees_model *m) {
  const struct {
    const char *what;
    double age, mv, months;
    int season;
    const char *input; /* NULL: not flagged */
    const char *note;
  } cases[] = {
      {"inside every range", 25, 10e6, 24, 2020, NULL, NULL},
      {"age 31: inside the margin (30 + 10% of 10)", 31, 10e6, 24, 2020, NULL, NULL},
      {"age 32", 32, 10e6, 24, 2020, "age",
       "extrapolation: age 32 is outside the training range 20 to 30 (by more than 10% of it): the model is "
       "extended beyond the deals it learned from"},
      {"age 45", 45, 10e6, 24, 2020, "age",
       "extrapolation: age 45 is outside the training range 20 to 30 (by more than 10% of it): the model is "
       "extended beyond the deals it learned from"},
      /* log range ln 50 = 3.91, margin 0.391: up to 50m x 1.48 = 74m is inside */
      {"market value 70m: inside the margin", 25, 70e6, 24, 2020, NULL, NULL},
      {"market value 2bn, the largest possible", 25, 2e9, 24, 2020, "market value",
       "extrapolation: market value \u20ac2000m is outside the training range \u20ac1m to \u20ac50m (by more than "
       "10% of it): the model is extended beyond the deals it learned from"},
      {"contract months 100", 25, 10e6, 100, 2020, "contract months",
       "extrapolation: contract months 100 is outside the training range 6 to 48 (by more than 10% of it): the "
       "model is extended beyond the deals it learned from"},
      {"season 2021: the next window", 25, 10e6, 24, 2021, NULL, NULL},
      {"season 2200", 25, 10e6, 24, 2200, "season", NULL},
  };
  for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
    sl_fees_player p = player();
    p.age = cases[k].age, p.market_value = cases[k].mv, p.contract_months = cases[k].months;
    p.season = cases[k].season;
    sl_fees_valuation v;
    sl_error err;
    INT_EQ(sl_fees_value(m, &p, 0, NAN, &v, &err), SL_OK, "%s: valued", cases[k].what);
    OK(isfinite(v.fair_fee) && isfinite(v.fee_low) && isfinite(v.fee_high) && isfinite(v.fee_mean),
       "%s: finite amounts", cases[k].what);
    INT_EQ(v.nextrapolated, cases[k].input ? 1 : 0, "%s: extrapolated inputs", cases[k].what);
    if (!cases[k].input || !v.nextrapolated) continue;
    STR_EQ(v.extrapolated[0].input, cases[k].input, "%s: input", cases[k].what);
    SL_CHECK_REL(v.extrapolated[0].value, cases[k].input[0] == 's' ? cases[k].season : cases[k].input[0] == 'a'
                                              ? cases[k].age : cases[k].input[0] == 'm' ? cases[k].mv : cases[k].months,
                 0, "%s: value", cases[k].what);
    int noted = 0;
    for (size_t i = 0; i < v.nnotes; i++) noted += strncmp(v.notes[i], "extrapolation: ", 15) == 0;
    INT_EQ(noted, 1, "%s: one extrapolation note", cases[k].what);
    if (cases[k].note) STR_EQ(v.notes[0], cases[k].note, "%s: note", cases[k].what);
  }
  /* The season's note says what the model does there (its season mode decides). */
  sl_fees_player p = player();
  p.season = 2200;
  sl_fees_valuation v;
  sl_error err;
  if (sl_fees_value(m, &p, 0, NAN, &v, &err) == SL_OK && v.nnotes) {
    const char *what = m->terms[term_of(m, SL_FEES_VAR_SEASON)].kind == SL_FEES_TERM_FACTOR
                           ? "the last season's market level is used"
                       : m->season_trend ? "the fee inflation trend is extrapolated"
                                         : "the season term is held at 2020";
    char want[SL_FEES_NOTE_MAX];
    snprintf(want, sizeof want, "extrapolation: season 2200 is more than 1 season outside the training seasons "
             "2018-2020: %s", what);
    STR_EQ(v.notes[0], want, "season 2200: note");
  }
}

/* A transfer row that cannot be true is skipped by the selection, as a valuation refuses it. */
static void selection(void) {
  char bad[64];
  strcpy(bad, "/tmp/sl_fees_range_bad_XXXXXX");
  int fd = mkstemp(bad);
  FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
  if (!f) return;
  fprintf(f, "name,age,short_pos,market_value,contract_months_left,fee\nA,25,CB,1e30,12,5000000\n"
             "B,25,CB,5000000,1e9,5000000\nC,25,CB,5000000,12,5000000\n");
  fclose(f);
  sl_table *t = NULL;
  sl_fees_deals *d = NULL;
  sl_error err;
  const char *paths[] = {bad};
  INT_EQ(sl_table_load_many(paths, 1, NULL, &t, &err), SL_OK, "load");
  if (t) INT_EQ(sl_fees_deals_from_table(t, NULL, &d, &err), SL_OK, "select");
  if (d) {
    INT_EQ(d->n, 1, "one deal kept");
    INT_EQ(d->count[SL_FEES_SKIP_IMPOSSIBLE], 2, "two impossible rows");
  }
  int found[2] = {0, 0};
  for (size_t k = 0; t && k < t->nskipped; k++) {
    found[0] += strcmp(t->skipped[k].reason, "market_value 1e+30 is above 2000000000 (EUR, ten "
                                             "times the highest ever listed)") == 0;
    found[1] += strcmp(t->skipped[k].reason, "contract_months_left 1000000000 is above 120 (ten "
                                             "years)") == 0;
  }
  for (size_t k = 0; t && !(found[0] && found[1]) && k < t->nskipped; k++)
    fprintf(stderr, "  skipped: %s\n", t->skipped[k].reason);
  OK(found[0] && found[1], "the skipped rows say why");
  sl_fees_deals_free(d);
  sl_table_free(t);
  unlink(bad);
}

int main(void) {
  if (write_deals()) {
    fprintf(stderr, "cannot write the training deals\n");
    return EXIT_FAILURE;
  }
  sl_fees_options o = {.folds = 1};
  sl_fees_model *m = NULL, *loaded = NULL;
  sl_error err;
  const char *paths[] = {path};
  INT_EQ(sl_fees_fit_files(paths, 1, &o, &m, NULL, &err), SL_OK, "fit: %s", err.message);
  if (m) {
    check_ranges(m, "fitted");
    refusals(m);
    extrapolations(m);
    strcpy(model_path, "/tmp/sl_fees_range_model_XXXXXX");
    int fd = mkstemp(model_path);
    if (fd >= 0) close(fd);
    INT_EQ(sl_fees_save(m, model_path, &err), SL_OK, "save: %s", err.message);
    INT_EQ(sl_fees_load(model_path, &loaded, &err), SL_OK, "load: %s", err.message);
    if (loaded) check_ranges(loaded, "loaded"), extrapolations(loaded);
    unlink(model_path);
  }
  selection();
  sl_fees_model_free(m);
  sl_fees_model_free(loaded);
  unlink(path);
  return SL_TEST_DONE();
}
