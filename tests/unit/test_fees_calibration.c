/* test_fees_calibration.c - where the interval's calibration residuals come from, on the demo
 * transfers (datasets/transfers.csv, seasons 2016-2024).
 *
 * Two training seasons (2022-2023) are too few for the inner split to choose a setting (a trend
 * or a level needs two seasons before the late ones), but enough to calibrate by time: the
 * calibration residuals must be exactly those of the same setting fitted on 2022 alone and
 * applied to the 2023 deals, one season ahead (per market-value band when the model bands,
 * each centred on its median), not a random share of both seasons. The model fitted on 2022
 * alone has no earlier season: a random split. Nine seasons: the calibration starts at or
 * before the inner split's first season (the window is wider than the choice's). The classic
 * terms throughout, so one season's fit (under 1,000 deals) has the same terms as two seasons'.
 * Skips when datasets/transfers.csv is absent. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fees_internal.h"
#include "harness.h"
#include "scoutlab/fees.h"

#define TRANSFERS SL_DATASETS "/transfers.csv"
#define FIRST 2022
#define LAST 2023
#define RESIDUAL_TOL 1e-9 /* the same fit twice: the residuals agree to rounding */

static sl_fees_model *fit_range(const sl_table *t, int since, int until) {
  sl_fees_options o = {0};
  o.folds = 1, o.since = since, o.until = until, o.classic_terms = 1, o.seed = SL_FEES_DEFAULT_SEED;
  sl_table *copy = (sl_table *)t; /* the selection records its skips in the table */
  sl_fees_deals *d = NULL;
  sl_fees_model *m = NULL;
  sl_error err;
  INT_EQ(sl_fees_deals_from_table(copy, &o, &d, &err), SL_OK, "select %d-%d: %s", since, until, err.message);
  if (d) INT_EQ(sl_fees_fit(d, &o, &m, NULL, &err), SL_OK, "fit %d-%d: %s", since, until, err.message);
  return m;
}

static int dbl_cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* The residuals of `early` on the LAST-season deals of `m`, banded and centred as m stores them,
 * compared with m's calibration set. */
static void check_one_season_ahead(const sl_fees_model *m, const sl_fees_model *early) {
  const sl_fees_deals *d = m->deals;
  double *res = malloc((d->n ? d->n : 1) * sizeof *res), *x = malloc(early->p * sizeof *x);
  if (!res || !x) {
    free(res), free(x);
    OK(0, "out of memory");
    return;
  }
  size_t total = 0;
  for (size_t b = 0; b < m->nbands; b++) {
    size_t n = 0;
    for (size_t i = 0; i < d->n; i++) {
      const sl_fees_deal *deal = &d->deal[i];
      if (deal->player.season != LAST || !sl_fees_model_learned_from(m, deal)) continue;
      if (m->nbands > 1 && sl_fees_band_of(deal->player.market_value) != (int)b) continue;
      if (sl_fees_design_row(early, &deal->player, x, NULL, NULL) != SL_OK) continue;
      res[n++] = log(deal->fee) - sl_fees_linear(early, x);
    }
    qsort(res, n, sizeof *res, dbl_cmp);
    double med = sl_fees_residual_quantile(res, n, 0.5);
    size_t first = m->band_first[b], count = m->band_first[b + 1] - first;
    INT_EQ(count, n, "band %zu: %zu calibration residuals, %zu deals of %d", b, count, n, LAST);
    double worst = 0;
    for (size_t i = 0; i < n && i < count; i++) worst = fmax(worst, fabs(m->calibration[first + i] - (res[i] - med)));
    OK(worst < RESIDUAL_TOL, "band %zu: residuals of the %d fit on %d, largest difference %.3g", b, FIRST, LAST, worst);
    total += n;
  }
  INT_EQ(m->ncal, total, "calibration deals");
  OK(total > 100, "the %d deals calibrate (%zu)", LAST, total);
  free(res), free(x);
}

int main(void) {
  if (access(TRANSFERS, R_OK) != 0) {
    fprintf(stderr, "skip: %s is absent\n", TRANSFERS);
    return SL_TEST_SKIP;
  }
  const char *paths[] = {TRANSFERS};
  sl_table *t = NULL;
  sl_error err;
  INT_EQ(sl_table_load_many(paths, 1, NULL, &t, &err), SL_OK, "load: %s", err.message);
  if (!t) return SL_TEST_DONE();
  sl_fees_model *two = fit_range(t, FIRST, LAST), *one = fit_range(t, FIRST, FIRST), *all = fit_range(t, 0, LAST);
  if (two) {
    INT_EQ(two->inner_from, 0, "two seasons: no setting chosen");
    INT_EQ(two->calibration_from, LAST, "two seasons: calibrated on %d", LAST);
  }
  if (one) INT_EQ(one->calibration_from, 0, "one season: calibrated at random");
  if (one) OK(one->ncal > 0, "one season: a random calibration set (%zu)", one->ncal);
  if (two && one) check_one_season_ahead(two, one);
  if (all) {
    OK(all->inner_from > 0, "nine seasons: the inner split chooses (from %d)", all->inner_from);
    OK(all->calibration_from > 0 && all->calibration_from <= all->inner_from,
       "nine seasons: calibrated from %d, at or before the choice's %d", all->calibration_from, all->inner_from);
  }
  sl_fees_model_free(two), sl_fees_model_free(one), sl_fees_model_free(all);
  sl_table_free(t);
  return SL_TEST_DONE();
}
