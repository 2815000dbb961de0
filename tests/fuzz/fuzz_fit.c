/* libFuzzer harness: model fitting on a fuzzed table (issue 16) - the fee model's deal
 * selection and dedupe, its fit and valuations (sl_fees_*), and least squares on the design of
 * an R formula over the same table, then prediction (sl_design_*, sl_ols_*, sl_ridge_*).
 *
 * Input: two option bytes, a formula line (up to the first newline), then the CSV. Byte 0:
 * bits 0-1 the season term (trend, level, none), bit 2 recency weights, bit 3 conformal
 * interval, bit 4 no market value, bit 5 ridge predictions, bit 6 skip the fee model, bit 7
 * skip the regression. Byte 1: bit 0 intercept-free formula spec round trip only, bit 1 ridge
 * regression too, bit 2 exchange rates for amounts in pounds and dollars (sl_fees_options.rates).
 *
 * Invariants. Selection: every row read is used or counted under one reason, the counts sum
 * to the rows read, each deal has a positive finite fee and a possible age; the same rows
 * given twice give the same deals (exact repeats are counted and dropped). Fit: smearing > 0,
 * sigma >= 0, finite coefficients where not aliased; every valuation of a row that succeeds
 * is finite with low <= median <= high and P(fee >= bid) in [0, 1]. Regression: the design's
 * rows read = used + skipped, the fit's n at most the rows used, fitted values, residuals
 * and leverages finite, predictions finite with conf and pred intervals around the fit; the
 * saved form of the design gives the same design row for every row. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scoutlab/design.h"
#include "scoutlab/fees.h"
#include "scoutlab/regress.h"
#include "scoutlab/table.h"

#include "fuzz_check.h"

/* Longest formula taken from the input. */
#define FORMULA_MAX 256
/* Rows valued / predicted: the same code runs for every row. */
#define ROWS_CHECKED 8
/* Most design columns predicted (the stack buffer). */
#define MAX_COLUMNS 64



static sl_table *load(const char *p, size_t n) {
  sl_load_options lo = {.max_field_bytes = 4096, .max_columns = 128, .parallel_min_bytes = SIZE_MAX};
  sl_table *t = NULL;
  sl_error err;
  return sl_table_load_buffer("transfers/2024.csv", p, n, &lo, &t, &err) == SL_OK ? t : NULL;
}

static void check_deals(const sl_fees_deals *d) {
  size_t sum = 0;
  for (int r = 0; r < SL_FEES_REASON_COUNT; r++) sum += d->count[r];
  CHECK(sum == d->rows_read, "reasons count %zu rows of %zu read", sum, d->rows_read);
  CHECK(d->count[SL_FEES_USED] == d->n, "%zu used, %zu deals", d->count[SL_FEES_USED], d->n);
  for (size_t i = 0; i < d->n; i++) {
    const sl_fees_deal *e = &d->deal[i];
    CHECK(isfinite(e->fee) && e->fee > 0, "deal %zu fee %g", i, e->fee);
    CHECK(e->player.age >= SL_FEES_MIN_AGE && e->player.age <= SL_FEES_MAX_AGE, "deal %zu age %g", i, e->player.age);
  }
}

/* The same rows twice: the header once, then the body, a newline, the body again. */
static void check_dedupe(const char *csv, size_t n, const sl_fees_options *opt, size_t deals, size_t rows) {
  const char *nl = memchr(csv, '\n', n);
  if (!nl || memchr(csv, '"', n)) return; /* a quoted field may hold the newline: no clean split */
  size_t head = (size_t)(nl - csv) + 1, body = n - head;
  char *twice = malloc(n + body + 1);
  if (!twice) return;
  memcpy(twice, csv, n);
  size_t len = n;
  if (csv[n - 1] != '\n') twice[len++] = '\n';
  memcpy(twice + len, csv + head, body);
  len += body;
  sl_table *t2 = load(twice, len);
  free(twice);
  sl_fees_deals *d2 = NULL;
  sl_error err;
  if (t2 && t2->rows_read == 2 * rows && sl_fees_deals_from_table(t2, opt, &d2, &err) == SL_OK) {
    check_deals(d2);
    CHECK(d2->n == deals, "the rows twice give %zu deals, once %zu", d2->n, deals);
  }
  sl_fees_deals_free(d2);
  sl_table_free(t2);
}

static void check_model(const sl_fees_model *m, const sl_table *t, const sl_fees_options *opt) {
  CHECK(isfinite(m->smearing) && m->smearing > 0, "smearing %g", m->smearing);
  CHECK(isfinite(m->ols->sigma) && m->ols->sigma >= 0, "sigma %g", m->ols->sigma);
  for (size_t j = 0; j < m->p; j++)
    CHECK(m->ols->aliased[j] || isfinite(m->coef[j]), "coefficient %zu (%s) %g", j, m->names[j], m->coef[j]);
  sl_fees_rows *rows = NULL;
  sl_error err;
  if (sl_fees_rows_new(t, opt, m, &rows, &err) != SL_OK) return;
  for (size_t r = 0; r < t->nrows && r < ROWS_CHECKED; r++) {
    sl_fees_player p;
    sl_fees_rows_player(rows, r, &p);
    sl_fees_valuation v;
    double bid = r % 2 ? 25e6 : NAN;
    if (sl_fees_value(m, &p, r % 3 ? 0 : 0.5, bid, &v, &err) == SL_OK) {
      CHECK(isfinite(v.fair_fee) && isfinite(v.fee_low) && isfinite(v.fee_high) && isfinite(v.fee_mean),
            "row %zu: median %g, interval %g-%g, mean %g", r, v.fair_fee, v.fee_low, v.fee_high, v.fee_mean);
      CHECK(le(v.fee_low, v.fair_fee) && le(v.fair_fee, v.fee_high), "row %zu: %g <= %g <= %g", r, v.fee_low,
            v.fair_fee, v.fee_high);
      CHECK(isnan(bid) || (v.p_at_least_bid >= 0 && v.p_at_least_bid <= 1), "row %zu: P(fee >= bid) %g", r,
            v.p_at_least_bid);
      char text[SL_FEES_VERDICT_MAX];
      sl_fees_verdict(&v, text, sizeof text);
    } else {
      CHECK(err.message[0] != '\0', "row %zu: a refused valuation says why", r);
    }
    sl_fees_comparable near[3];
    size_t k = sl_fees_comparables(m, &p, 3, near);
    for (size_t i = 0; i < k; i++) CHECK(!isnan(near[i].distance), "comparable %zu distance", i);
  }
  sl_fees_rows_free(rows);
}

static void fees(sl_table *t, const char *csv, size_t n, unsigned f0, unsigned f1) {
  sl_fees_options opt = {.folds = 1,
                         .season_mode = 1 + (int)(f0 & 3) % 3,
                         .half_life = f0 & 4 ? 2.0 : SL_FEES_NO_WEIGHTS,
                         .interval = f0 & 8 ? 2 : 1,
                         .no_market_value = (int)(f0 >> 4 & 1),
                         .ridge = (int)(f0 >> 5 & 1),
                         .rates = f1 & 4 ? "GBP=1.17, usd=0.92" : NULL};
  sl_fees_deals *d = NULL;
  sl_error err;
  size_t rows = t->rows_read;
  if (sl_fees_deals_from_table(t, &opt, &d, &err) != SL_OK) return;
  check_deals(d);
  check_dedupe(csv, n, &opt, d->n, rows);
  sl_fees_model *m = NULL;
  if (sl_fees_fit(d, &opt, &m, NULL, &err) == SL_OK) check_model(m, t, &opt); /* the fit owns d */
  else CHECK(m == NULL && err.message[0] != '\0', "a refused fit leaves no model and says why");
  sl_fees_model_free(m);
}

static void check_prediction(const sl_ols_fit *fit, const double *x, size_t row) {
  sl_ols_interval iv;
  sl_error err;
  if (sl_ols_predict(fit, x, 1, 0.9, &iv, &err) != SL_OK) return;
  CHECK(isfinite(iv.fit), "row %zu: prediction %g", row, iv.fit);
  if (isnan(iv.conf_low)) return; /* no residual degrees of freedom: no interval */
  CHECK(le(iv.conf_low, iv.fit) && le(iv.fit, iv.conf_high), "row %zu: conf %g <= %g <= %g", row, iv.conf_low, iv.fit,
        iv.conf_high);
  CHECK(le(iv.pred_low, iv.conf_low) && le(iv.conf_high, iv.pred_high), "row %zu: pred %g..%g around conf %g..%g", row,
        iv.pred_low, iv.pred_high, iv.conf_low, iv.conf_high);
}

static void regression(const sl_table *t, const char *formula, unsigned f1) {
  sl_design *d = NULL;
  sl_error err;
  if (sl_design_from_formula(t, formula, NULL, &d, &err) != SL_OK) return;
  const sl_design_report *rep = sl_design_report_get(d);
  CHECK(rep->rows_read == t->nrows, "design read %zu of %zu rows", rep->rows_read, t->nrows);
  CHECK(rep->rows_read == rep->rows_used + rep->rows_skipped, "design: read %zu, used %zu, skipped %zu",
        rep->rows_read, rep->rows_used, rep->rows_skipped);
  size_t p = sl_design_columns(d);
  sl_rows rows;
  sl_ols_fit *fit = NULL;
  sl_ols_options oo = {.influence = 1};
  if (p <= MAX_COLUMNS && sl_design_rows(d, &rows, &err) == SL_OK && sl_ols_fit_rows(&rows, &oo, &fit, &err) == SL_OK) {
    CHECK(fit->n <= rep->rows_used && fit->p == p, "fit of %zu rows x %zu columns, design %zu x %zu", fit->n, fit->p,
          rep->rows_used, p);
    CHECK(isnan(fit->sigma) || fit->sigma >= 0, "sigma %g", fit->sigma);
    for (size_t j = 0; j < p; j++) CHECK(fit->aliased[j] ? isnan(fit->coef[j]) : isfinite(fit->coef[j]), "coef %zu", j);
    for (size_t i = 0; fit->fitted && i < fit->n; i++)
      CHECK(isfinite(fit->fitted[i]) && isfinite(fit->residuals[i]) && !(fit->hat[i] > 1 + 1e-6),
            "row %zu: fitted %g, residual %g, hat %g", i, fit->fitted[i], fit->residuals[i], fit->hat[i]);
    if (sl_ols_check_summary(fit, &err) == SL_OK)
      CHECK(isfinite(fit->sigma) && isfinite(fit->r_squared), "a checked summary: sigma %g, R2 %g", fit->sigma,
            fit->r_squared);
    sl_ridge_fit *ridge = NULL;
    sl_ridge_options ro = {.method = SL_RIDGE_GCV, .grid_size = 12};
    if ((f1 & 2) && sl_ridge_fit_rows(&rows, &ro, &ridge, &err) != SL_OK) ridge = NULL;
    char *spec = NULL;
    sl_design *again = NULL;
    if (sl_design_spec(d, &spec, &err) == SL_OK && sl_design_from_spec(t, spec, &again, &err) != SL_OK) again = NULL;
    CHECK(!spec || again, "the saved form of a design loads back: %s", err.message);
    double x[MAX_COLUMNS], y[MAX_COLUMNS];
    char why[128];
    for (size_t r = 0; r < t->nrows && r < ROWS_CHECKED; r++) {
      int gap = sl_design_row_x(d, r, x, why, sizeof why);
      if (again) {
        int gap2 = sl_design_row_x(again, r, y, why, sizeof why);
        CHECK(gap == gap2 && (gap || !memcmp(x, y, p * sizeof *x)), "row %zu: the saved design gives another row", r);
      }
      if (gap) continue;
      check_prediction(fit, x, r);
      if (ridge) CHECK(isfinite(sl_ridge_predict(ridge, x)), "row %zu: ridge prediction", r);
    }
    sl_design_free(again);
    free(spec);
    sl_ridge_fit_free(ridge);
  }
  sl_ols_fit_free(fit);
  sl_design_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 2) return 0;
  unsigned f0 = data[0], f1 = data[1];
  const char *p = (const char *)data + 2;
  size_t n = size - 2;
  const char *nl = memchr(p, '\n', n < FORMULA_MAX ? n : FORMULA_MAX);
  if (!nl) return 0;
  char formula[FORMULA_MAX + 1];
  size_t fl = (size_t)(nl - p);
  memcpy(formula, p, fl);
  formula[fl] = '\0';
  const char *csv = nl + 1;
  size_t cn = n - fl - 1;
  if (memchr(formula, '\0', fl)) return 0;
  if (!(f0 & 64)) {
    sl_table *t = load(csv, cn);
    if (t) fees(t, csv, cn, f0, f1);
    sl_table_free(t);
  }
  if (!(f0 & 128)) {
    sl_table *t = load(csv, cn);
    if (t) regression(t, formula, f1);
    sl_table_free(t);
  }
  return 0;
}
