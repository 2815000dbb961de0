/* test_fees_real.c - the fee model on real Transfermarkt transfers (../shared/data/transfers-tm):
 * seasons up to 2020, trained on seasons before 2017 and tested on 2017-2020, seed 1 (as
 * `scoutlab fit --transfers transfers-tm --until 2020 --holdout-from 2017`). The expected
 * numbers are what this code measured on 2026-11-24 (docs/fee-model.md); the tolerances allow
 * small changes in the regression's last digits but catch a changed selection or model. The
 * selection counts are exact. Then the Balerdi question (tm-values-2023/france.csv: 24,
 * Olympique Marseille, EUR 10.00m; valued as a 26-year-old centre-back in 2025 with a 25m bid;
 * the season trend is extrapolated from 2020 to 2025, the default).
 * Skips when the shared data is absent. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "scoutlab/fees.h"

#define TM SL_SHARED_DATA "/transfers-tm"
#define NEAR(got, want, tol, what) OK(fabs((got) - (want)) <= (tol), "%s: %.4f, expected %.4f +- %g", what, got, want, tol)

int main(void) {
  FILE *f = fopen(TM "/2016/premier-league.csv", "r");
  if (!f) {
    fprintf(stderr, "skip: %s absent\n", TM);
    return SL_TEST_SKIP;
  }
  fclose(f);
  const char *paths[] = {TM};
  sl_fees_options o = {0};
  /* No k-fold: every fit now runs the inner time split (16 candidate fits), and five folds of
   * that take minutes under the sanitizers; the time split is the evaluation that matters. */
  o.until = 2020, o.holdout_from = 2017, o.seed = 1, o.folds = 1;
  sl_fees_model *m = NULL;
  sl_fees_report *r = NULL;
  sl_error err;
  INT_EQ(sl_fees_fit_files(paths, 1, &o, &m, &r, &err), SL_OK, "fit: %s", err.message);
  if (!m || !r) return SL_TEST_DONE();
  const sl_fees_deals *d = m->deals;
  INT_EQ(d->rows_read, 134437, "rows read (DATA-DICTIONARY.md)");
  INT_EQ(d->count[SL_FEES_SKIP_LOAN], 41712, "loans");
  INT_EQ(d->count[SL_FEES_SKIP_FEE_UNKNOWN], 34629, "unknown fees (the dictionary's null count)");
  INT_EQ(d->count[SL_FEES_SKIP_FREE], 32533, "free transfers");
  INT_EQ(d->count[SL_FEES_SKIP_DUPLICATE], 7404, "out rows of moves listed by both clubs");
  /* Issue 15: 65 in and 69 out rows list the same move a second time (same player, season,
   * clubs and fee, another window), and one row is repeated cell for cell (Miguel Ángel
   * Sebastián Romero, Real Sociedad 2003); tests/bench/fees_peer.py counts the same. */
  INT_EQ(d->count[SL_FEES_SKIP_RELISTED], 134, "moves listed twice by the same club");
  INT_EQ(d->count[SL_FEES_SKIP_REPEATED_ROW], 1, "rows repeated cell for cell");
  INT_EQ(d->n, 12798, "deals used");
  INT_EQ(d->out_rows_kept, 2543, "sales to clubs outside the covered leagues");
  INT_EQ(r->time_test, 3611, "test deals 2017-2020");

  /* Issue 15 (the default list: a market-value spline, log_mv:age, the buying club; recency
   * chosen one season ahead on the inner split 2014-2016: season level, half-life 2; intervals
   * calibrated on those seasons per market-value band). Before: R2 0.676, MdAPE 43.6%, log-RMSE
   * 0.912 (0.906 on the in rows), coverage 79.1%; the classic list with recency: 0.840 in rows. */
  NEAR(r->time_model.r2_log, 0.713, 0.01, "time split R2 model");
  NEAR(r->time_model.mdape, 0.418, 0.01, "time split MdAPE model");
  NEAR(r->time_model.within25, 0.299, 0.01, "time split within 25% model");
  NEAR(r->time_model.within50, 0.583, 0.01, "time split within 50% model");
  NEAR(r->time_model.coverage, 0.797, 0.02, "time split 80% coverage");
  NEAR(r->time_model_in.log_rmse, 0.797, 0.01, "time split log-RMSE on the 2,874 in rows (issue: 0.906 before, target 0.83)");
  static const double band_coverage[SL_FEES_MAX_BANDS] = {0.794, 0.773, 0.830}; /* issue: 75-85% each */
  for (int b = 0; b < SL_FEES_MAX_BANDS; b++) {
    OK(fabs(r->time_band[b].coverage - band_coverage[b]) <= 0.02, "80%% coverage, market-value band %d: %.4f, expected %.3f +- 0.02",
       b, r->time_band[b].coverage, band_coverage[b]);
    OK(r->time_band[b].coverage >= 0.75 && r->time_band[b].coverage <= 0.85, "band %d: %.3f within 75-85%%", b,
       r->time_band[b].coverage);
  }
  INT_EQ(r->time_model_in.n, 2874, "in rows scored (the issue's count)");
  OK(r->time_model_in.log_rmse < r->time_baseline_in.log_rmse - 0.1, "log-RMSE %.3f well below fee = market value %.3f",
     r->time_model_in.log_rmse, r->time_baseline_in.log_rmse);
  NEAR(r->time_baseline.r2_log, 0.6115, 0.001, "time split R2 baseline");
  NEAR(r->time_baseline.mdape, 0.4545, 0.001, "time split MdAPE baseline");
  NEAR(r->time_baseline.within25, 0.3046, 0.001, "time split within 25% baseline");
  NEAR(r->time_baseline.within50, 0.5494, 0.001, "time split within 50% baseline");
  OK(r->time_model.r2_log > r->time_baseline.r2_log && r->time_model.mdape < r->time_baseline.mdape,
     "model beats fee = market value on R2 and MdAPE out of time");

  sl_fees_player p;
  sl_fees_player_init(&p);
  p.name = "Leonardo Balerdi", p.age = 26, p.group = SL_FEES_CB, p.league = "Ligue 1", p.season = 2025;
  p.market_value = 10e6;
  sl_fees_valuation v;
  INT_EQ(sl_fees_value(m, &p, 0.8, 25e6, &v, &err), SL_OK, "Balerdi: %s", err.message);
  /* 2025 takes 2020's market level (season level carried forward): EUR 6.4m, where the linear
   * trend extrapolated five seasons gave 7.8m. */
  NEAR(v.fair_fee / 1e6, 6.38, 0.3, "Balerdi fair fee (EUR m)");
  OK(v.fee_high < 25e6, "25m is above the 80%% range (high %.0f)", v.fee_high);
  NEAR(v.p_at_least_bid, 0.0044, 0.003, "Balerdi P(fee >= 25m)");
  /* Issue 15: the median is the 50% point of the distribution P and the interval come from
   * (it was 54.8% before: the median was exp(x'b), P the share of raw conformal residuals). */
  sl_fees_valuation at;
  INT_EQ(sl_fees_value(m, &p, 0.8, v.fair_fee, &at, &err), SL_OK, "Balerdi at his median");
  SL_CHECK_REL(at.p_at_least_bid, 0.5, 1e-9, "P(fee >= median) = 50%%");
  OK(v.fee_low < v.fair_fee && v.fair_fee < v.fee_high, "low < median < high");
  sl_fees_model_free(m);
  free(r);
  return SL_TEST_DONE();
}
