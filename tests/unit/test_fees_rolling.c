/* test_fees_rolling.c - the rolling one-season-ahead evaluation (sl_fees_options.rolling_from)
 * on the demo transfers (datasets/transfers.csv, seasons 2016-2024), checked against what can be
 * counted and computed without the model:
 *   - one row per season from 2021 on, each trained on exactly the deals of the seasons before
 *     it and scored on exactly that season's deals with a market value (all of them, and the
 *     buyers' in rows among them);
 *   - the market-value baseline, on all and on the in rows, equal to the root mean square of
 *     log(fee / market value) computed here;
 *   - the last season's row equal to the time split at that season (same training deals, same
 *     test deals, so the same model and the same scores), in rows included;
 *   - the means the averages of the rows; the pooled scores every season's deals together
 *     (counts, coverage, width and squared errors add up from the rows, and from the bands).
 * Skips when datasets/transfers.csv is absent. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "harness.h"
#include "scoutlab/fees.h"

#define TRANSFERS SL_DATASETS "/transfers.csv"
#define FIRST 2021 /* four test seasons: enough for a mean, quick enough under the sanitizers */
#define LAST 2024  /* the demo data's last season */
#define SAME 1e-12 /* the same computation on the same deals: equal but for the order of sums */

/* Root mean square of log(fee / market value) over the deals of `season` with a market value,
 * in rows only when in_only; *n gets their count. */
static double baseline_rmse(const sl_fees_deals *d, int season, int in_only, size_t *n) {
  double sse = 0;
  *n = 0;
  for (size_t i = 0; i < d->n; i++) {
    const sl_fees_deal *x = &d->deal[i];
    if (x->player.season != season || !(x->player.market_value > 0) || (in_only && x->from_out_row)) continue;
    double e = log(x->fee) - log(x->player.market_value);
    sse += e * e, (*n)++;
  }
  return *n ? sqrt(sse / (double)*n) : NAN;
}

static size_t deals_before(const sl_fees_deals *d, int season) {
  size_t n = 0;
  for (size_t i = 0; i < d->n; i++) n += d->deal[i].player.season < season;
  return n;
}

/* Sums of count, coverage x count, width x count and squared error x count of a (one season, one
 * band, or the pool) added into acc[0..3]. */
static void add_up(const sl_fees_accuracy *a, double acc[4]) {
  acc[0] += (double)a->n, acc[1] += a->coverage * (double)a->n, acc[2] += a->mean_width * (double)a->n;
  acc[3] += a->log_rmse * a->log_rmse * (double)a->n;
}

static void check_sums(const double acc[4], const sl_fees_accuracy *p, const char *what) {
  INT_EQ((int)acc[0], (int)p->n, "%s: the pool holds every deal scored", what);
  SL_CHECK_REL(acc[1] / acc[0], p->coverage, SAME, "%s: pooled coverage", what);
  SL_CHECK_REL(acc[2] / acc[0], p->mean_width, SAME, "%s: pooled width", what);
  SL_CHECK_REL(sqrt(acc[3] / acc[0]), p->log_rmse, SAME, "%s: pooled log-RMSE", what);
}

/* The pool is every season's scored deals together, and its bands partition it. */
static void check_pooled(const sl_fees_report *r) {
  double seasons[4] = {0}, bands[4] = {0};
  for (size_t k = 0; k < r->nrolling; k++) add_up(&r->rolling[k].model, seasons);
  for (int b = 0; b < SL_FEES_MAX_BANDS; b++) {
    OK(r->rolling_band[b].n > 0, "rolling band %d has deals", b);
    add_up(&r->rolling_band[b], bands);
  }
  check_sums(seasons, &r->rolling_pooled, "seasons");
  check_sums(bands, &r->rolling_pooled, "bands");
  OK(r->rolling_pooled.coverage > 0.6 && r->rolling_pooled.coverage < 0.95, "pooled 80%% coverage %.3f is a coverage",
     r->rolling_pooled.coverage);
}

static void check_rows(const sl_fees_model *m, const sl_fees_report *r) {
  const sl_fees_deals *d = m->deals;
  INT_EQ((int)r->nrolling, LAST - FIRST + 1, "one row per season %d-%d", FIRST, LAST);
  double sum = 0, sum_base = 0, sum_in = 0, sum_base_in = 0;
  for (size_t k = 0; k < r->nrolling; k++) {
    const sl_fees_season_accuracy *a = &r->rolling[k];
    INT_EQ(a->season, FIRST + (int)k, "row %zu's season", k);
    INT_EQ((int)a->train, (int)deals_before(d, a->season), "%d: trained on every deal before it", a->season);
    size_t n_all, n_in;
    double base = baseline_rmse(d, a->season, 0, &n_all), base_in = baseline_rmse(d, a->season, 1, &n_in);
    INT_EQ((int)a->model.n, (int)n_all, "%d: deals with a market value scored", a->season);
    INT_EQ((int)a->model_in.n, (int)n_in, "%d: in rows scored", a->season);
    OK(n_in > 0 && n_in < n_all, "%d: the demo season has in rows and out rows (%zu of %zu)", a->season, n_in, n_all);
    SL_CHECK_REL(a->baseline.log_rmse, base, SAME, "%d: fee = market value log-RMSE", a->season);
    SL_CHECK_REL(a->baseline_in.log_rmse, base_in, SAME, "%d: fee = market value on the in rows", a->season);
    /* the demo's market value is the truth plus noise the model's terms explain in part */
    OK(a->model.log_rmse < a->baseline.log_rmse && a->model_in.log_rmse < a->baseline_in.log_rmse,
       "%d: the model (%.3f, in rows %.3f) beats the market value (%.3f, %.3f)", a->season, a->model.log_rmse,
       a->model_in.log_rmse, a->baseline.log_rmse, a->baseline_in.log_rmse);
    sum += a->model.log_rmse, sum_base += a->baseline.log_rmse;
    sum_in += a->model_in.log_rmse, sum_base_in += a->baseline_in.log_rmse;
  }
  double n = (double)r->nrolling;
  check_pooled(r);
  SL_CHECK_REL(r->rolling_mean_log_rmse, sum / n, SAME, "mean log-RMSE");
  SL_CHECK_REL(r->rolling_mean_baseline, sum_base / n, SAME, "mean baseline");
  SL_CHECK_REL(r->rolling_mean_in, sum_in / n, SAME, "mean on the in rows");
  SL_CHECK_REL(r->rolling_mean_baseline_in, sum_base_in / n, SAME, "mean baseline on the in rows");
}

/* The last season predicted by the rolling evaluation and by the time split at that season. */
static void check_last_is_time_split(const sl_fees_report *r) {
  const sl_fees_season_accuracy *a = &r->rolling[r->nrolling - 1];
  INT_EQ((int)r->time_train, (int)a->train, "time split and rolling %d: training deals", LAST);
  INT_EQ((int)r->time_model_mv.n, (int)a->model.n, "time split and rolling %d: test deals", LAST);
  SL_CHECK_REL(a->model.log_rmse, r->time_model_mv.log_rmse, SAME, "rolling %d = time split log-RMSE", LAST);
  SL_CHECK_REL(a->model.coverage, r->time_model_mv.coverage, SAME, "rolling %d = time split coverage", LAST);
  SL_CHECK_REL(a->model.mean_width, r->time_model_mv.mean_width, SAME, "rolling %d = time split width", LAST);
  INT_EQ((int)r->time_model_in.n, (int)a->model_in.n, "time split and rolling %d: in rows", LAST);
  SL_CHECK_REL(a->model_in.log_rmse, r->time_model_in.log_rmse, SAME, "rolling %d = time split, in rows", LAST);
  SL_CHECK_REL(a->baseline_in.log_rmse, r->time_baseline_in.log_rmse, SAME, "baseline %d, in rows", LAST);
  SL_CHECK_REL(a->ratio.log_rmse, r->time_ratio.log_rmse, SAME, "value x last ratio %d", LAST);
  /* The bands partition the deals with a market value: counts, coverage and squared errors add up. */
  size_t nb = 0;
  double inside = 0, sse = 0, width = 0;
  for (int b = 0; b < SL_FEES_MAX_BANDS; b++) {
    const sl_fees_accuracy *x = &r->time_band[b];
    OK(x->n > 0, "band %d has deals", b);
    if (!x->n) continue;
    nb += x->n, inside += x->coverage * (double)x->n, width += x->mean_width * (double)x->n;
    sse += x->log_rmse * x->log_rmse * (double)x->n;
  }
  double m = (double)r->time_model_mv.n;
  INT_EQ((int)nb, (int)r->time_model_mv.n, "the bands hold every deal with a market value");
  SL_CHECK_REL(inside / m, r->time_model_mv.coverage, SAME, "band coverages add up to the coverage");
  SL_CHECK_REL(width / m, r->time_model_mv.mean_width, SAME, "band widths add up to the mean width");
  SL_CHECK_REL(sqrt(sse / m), r->time_model_mv.log_rmse, SAME, "band log-RMSEs add up to the log-RMSE");
}

static void fit(const sl_fees_options *o, sl_fees_model **m, sl_fees_report **r) {
  const char *paths[] = {TRANSFERS};
  sl_error err;
  INT_EQ(sl_fees_fit_files(paths, 1, o, m, r, &err), SL_OK, "fit: %s", err.message);
}

int main(void) {
  FILE *f = fopen(TRANSFERS, "r");
  if (!f) {
    fprintf(stderr, "skip: %s absent\n", TRANSFERS);
    return SL_TEST_SKIP;
  }
  fclose(f);
  sl_fees_options o = {0};
  o.rolling_from = FIRST, o.holdout_from = LAST, o.folds = 1, o.seed = 1;
  sl_fees_model *m = NULL;
  sl_fees_report *r = NULL;
  fit(&o, &m, &r);
  if (m && r) {
    check_rows(m, r);
    check_last_is_time_split(r);
  }
  sl_fees_model_free(m), free(r);
  return SL_TEST_DONE();
}
