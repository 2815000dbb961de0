/* fees_fit.c - fitting the log-fee regression on a set of deals: OLS by the regress module
 * (optionally ridge for the point predictions), Duan's smearing factor, and the split-conformal
 * calibration that decides which interval is honest.
 *
 * Calibration: a seeded share of the training deals is held out, the same design is fitted on
 * the rest, and the held-out log residuals (signed, sorted) are kept. The t-interval's coverage
 * on them is measured; when it is more than SL_FEES_COVERAGE_TOL from the level, the model
 * reports the conformal interval (Lei et al. 2018, split conformal, with signed residuals so
 * that a skewed residual distribution gives an asymmetric interval). The coefficients reported
 * are refitted on all training deals. */
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fees_internal.h"
#include "runtime_internal.h"

/** Fewest calibration deals for a conformal interval: with fewer, the 10% tail quantiles of
 *  an 80% interval rest on one or two residuals. */
#define SL_FEES_MIN_CALIBRATION 20
/** (1 - 0.8)/2 is 0.09999999999999998 in doubles: without slack, floor(20 x 0.1) gives 1, not 2. */
#define INDEX_SLACK 1e-9
/** Mixed into the seed so the calibration split differs from the k-fold assignment ("calib"). */
#define CALIBRATION_STREAM 0x63616c6962ULL

double sl_fees_smearing(const double *residuals, size_t n) {
  double s = 0;
  for (size_t i = 0; i < n; i++) s += exp(residuals[i]);
  return n ? s / (double)n : NAN;
}

void sl_fees_conformal_offsets(const double *sorted, size_t n, double level, double *low,
                               double *high) {
  if (!n) {
    *low = *high = NAN;
    return;
  }
  double a = (1 - level) / 2;
  long lo = (long)floor((double)(n + 1) * a + INDEX_SLACK);
  long hi = (long)ceil((double)(n + 1) * (1 - a) - INDEX_SLACK);
  if (lo < 1) lo = 1;
  if (hi > (long)n) hi = (long)n;
  *low = sorted[lo - 1], *high = sorted[hi - 1];
}

static int dbl_cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/* ---- regression on a column-major matrix --------------------------------------------------- */

/* Ridge on the non-constant columns (a dummy can be constant in a subset; ridge standardises
 * and refuses constant predictors). Coefficients of dropped columns are 0. */
typedef struct sub_src {
  const double *X, *y;
  size_t n;
  const size_t *cols;
  size_t pc;
} sub_src;

static int sub_fill(const void *ctx, size_t first, size_t count, double *x, size_t ldx, double *y,
                    double *w, sl_error *err) {
  const sub_src *s = ctx;
  (void)w, (void)err;
  for (size_t j = 0; j < s->pc; j++)
    for (size_t i = 0; i < count; i++) x[j * ldx + i] = s->X[s->cols[j] * s->n + first + i];
  for (size_t i = 0; i < count; i++) y[i] = s->y[first + i];
  return SL_OK;
}

static int ridge_coef(const double *X, const double *y, size_t n, size_t p,
                      const char *const *names, double *coef, double *lambda, sl_error *err) {
  size_t *cols = malloc(p * sizeof *cols), pc = 0;
  const char **nm = malloc(p * sizeof *nm);
  if (!cols || !nm) {
    free(cols), free(nm);
    return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  }
  for (size_t j = 0; j < p; j++) {
    int constant = 1;
    for (size_t i = 1; i < n && constant; i++) constant = X[j * n + i] == X[j * n];
    if (j == 0 || !constant) cols[pc] = j, nm[pc++] = names[j];
  }
  sub_src src = {X, y, n, cols, pc};
  sl_rows rows = {n, pc, nm, 1, 0, sub_fill, &src, 1};
  sl_ridge_options ro = {0};
  ro.method = SL_RIDGE_GCV;
  sl_ridge_fit *rf = NULL;
  int st = sl_ridge_fit_rows(&rows, &ro, &rf, err);
  if (!st) {
    for (size_t j = 0; j < p; j++) coef[j] = 0;
    for (size_t k = 0; k < pc; k++) coef[cols[k]] = rf->coef[k];
    *lambda = rf->lambda;
  }
  sl_ridge_fit_free(rf);
  free(cols), free(nm);
  return st;
}

/* OLS (and ridge when asked) on rows X (n x p column-major). coef gets the predicting
 * coefficients (aliased columns 0). */
static int regress(const sl_fees_model *m, const double *X, const double *y, size_t n, int ridge,
                   sl_ols_fit **ols, double *coef, double *lambda, sl_error *err) {
  int st = sl_ols_fit_matrix(X, n, y, NULL, n, m->p, (const char *const *)m->names, 1, NULL, ols, err);
  if (st) return st;
  for (size_t j = 0; j < m->p; j++) coef[j] = (*ols)->aliased[j] ? 0 : (*ols)->coef[j];
  if (ridge) st = ridge_coef(X, y, n, m->p, (const char *const *)m->names, coef, lambda, err);
  return st;
}

/* ---- the design of a set of deals ------------------------------------------------------------ */

static int build_matrix(const sl_fees_model *m, const sl_fees_deals *d, const size_t *idx,
                        size_t n, double *X, double *y, sl_error *err) {
  double *row = malloc(m->p * sizeof *row);
  if (!row) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  for (size_t i = 0; i < n; i++) {
    const sl_fees_deal *deal = &d->deal[idx[i]];
    int st = sl_fees_design_row(m, &deal->player, row, NULL, err);
    if (st) {
      free(row);
      return st;
    }
    for (size_t j = 0; j < m->p; j++) X[j * n + i] = row[j];
    y[i] = log(deal->fee);
  }
  free(row);
  return SL_OK;
}

static void column_stats(sl_fees_model *m, const double *X, size_t n) {
  for (size_t j = 0; j < m->p; j++) {
    double s = 0;
    for (size_t i = 0; i < n; i++) s += X[j * n + i];
    m->column_mean[j] = s / (double)n;
  }
  for (size_t t = 0; t < m->nterms; t++) {
    size_t j = m->terms[t].first;
    double ss = 0;
    m->feature_sd[t] = NAN;
    if (m->terms[t].kind == SL_FEES_TERM_FACTOR || !m->terms[t].count) continue;
    for (size_t i = 0; i < n; i++) ss += (X[j * n + i] - m->column_mean[j]) * (X[j * n + i] - m->column_mean[j]);
    m->feature_sd[t] = sqrt(ss / (double)n);
  }
}

/* Rows idx of X (n rows) copied into a new nk x p matrix. */
static double *take_rows(const double *X, size_t n, size_t p, const size_t *rows, size_t nk) {
  double *out = malloc((nk ? nk : 1) * p * sizeof *out);
  if (!out) return NULL;
  for (size_t j = 0; j < p; j++)
    for (size_t i = 0; i < nk; i++) out[j * nk + i] = X[j * n + rows[i]];
  return out;
}

/* Holds out a seeded share of rows, fits on the rest, keeps the held-out residuals sorted and
 * measures the t-interval's coverage on them. */
static int calibrate(sl_fees_model *m, const double *X, const double *y, size_t n,
                     const sl_fees_options *o, sl_error *err) {
  double share = o->calibration_share > 0 ? o->calibration_share : SL_FEES_DEFAULT_CALIBRATION;
  size_t *fit_rows = malloc(n * sizeof *fit_rows), *cal_rows = malloc(n * sizeof *cal_rows);
  size_t nf = 0, nc = 0;
  uint64_t state = o->seed ^ CALIBRATION_STREAM;
  if (!fit_rows || !cal_rows) {
    free(fit_rows), free(cal_rows);
    return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  }
  for (size_t i = 0; i < n; i++) {
    double u = (double)(sl_splitmix64(&state) >> 11) * 0x1.0p-53; /* uniform in [0,1) */
    if (u < share) cal_rows[nc++] = i;
    else fit_rows[nf++] = i;
  }
  int st = SL_OK;
  double *Xf = NULL, *yf = NULL, *coef = NULL, *x0 = NULL;
  sl_ols_fit *ols = NULL;
  m->ncal = 0;
  if (nc < SL_FEES_MIN_CALIBRATION || nf < m->p * SL_FEES_MIN_DEALS_PER_COLUMN) goto done;
  Xf = take_rows(X, n, m->p, fit_rows, nf), yf = malloc(nf * sizeof *yf);
  coef = malloc(m->p * sizeof *coef), x0 = malloc(m->p * sizeof *x0);
  m->calibration = malloc(nc * sizeof *m->calibration);
  if (!Xf || !yf || !coef || !x0 || !m->calibration) {
    st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
    goto done;
  }
  for (size_t i = 0; i < nf; i++) yf[i] = y[fit_rows[i]];
  double lambda = 0;
  if ((st = regress(m, Xf, yf, nf, m->ridge, &ols, coef, &lambda, err))) goto done;
  size_t inside = 0;
  for (size_t k = 0; k < nc; k++) {
    double pred = 0;
    for (size_t j = 0; j < m->p; j++) pred += (x0[j] = X[j * n + cal_rows[k]]) * coef[j];
    m->calibration[k] = y[cal_rows[k]] - pred;
    sl_ols_interval iv;
    if (sl_ols_predict(ols, x0, 1, m->level, &iv, NULL) == SL_OK)
      inside += y[cal_rows[k]] >= iv.pred_low && y[cal_rows[k]] <= iv.pred_high;
  }
  m->ncal = nc;
  qsort(m->calibration, nc, sizeof *m->calibration, dbl_cmp);
  m->t_coverage_calibration = (double)inside / (double)nc;
done:
  sl_ols_fit_free(ols);
  free(fit_rows), free(cal_rows), free(Xf), free(yf), free(coef), free(x0);
  return st;
}

static void choose_interval(sl_fees_model *m, const sl_fees_options *o) {
  if (!m->ncal) m->interval = SL_FEES_INTERVAL_T;
  else if (o->interval == 1) m->interval = SL_FEES_INTERVAL_T;
  else if (o->interval == 2 || m->ridge) m->interval = SL_FEES_INTERVAL_CONFORMAL;
  else m->interval = fabs(m->t_coverage_calibration - m->level) > SL_FEES_COVERAGE_TOL
                         ? SL_FEES_INTERVAL_CONFORMAL
                         : SL_FEES_INTERVAL_T;
}

static int fit_all(sl_fees_model *m, const double *X, const double *y, size_t n,
                   const sl_fees_options *o, sl_error *err) {
  m->coef = malloc(m->p * sizeof *m->coef);
  m->column_mean = malloc(m->p * sizeof *m->column_mean);
  double *res = malloc(n * sizeof *res);
  int st = !m->coef || !m->column_mean || !res ? sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory") : SL_OK;
  if (!st) st = regress(m, X, y, n, m->ridge, &m->ols, m->coef, &m->ridge_lambda, err);
  if (!st) {
    for (size_t i = 0; i < n; i++) {
      double pred = 0;
      for (size_t j = 0; j < m->p; j++) pred += X[j * n + i] * m->coef[j];
      res[i] = y[i] - pred;
    }
    m->smearing = sl_fees_smearing(res, n);
    column_stats(m, X, n);
    st = calibrate(m, X, y, n, o, err);
  }
  if (!st) choose_interval(m, o);
  free(res);
  return st;
}

int sl_fees_fit_subset(const sl_fees_deals *d, const size_t *idx, size_t n,
                       const sl_fees_options *opt, sl_fees_model **out, char *note,
                       size_t note_size, sl_error *err) {
  sl_fees_options defaults = {0};
  const sl_fees_options *o = opt ? opt : &defaults;
  *out = NULL;
  sl_gsl_quiet();
  sl_fees_model *m = sl_fees_model_alloc();
  if (!m) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  m->level = o->level > 0 ? o->level : SL_FEES_DEFAULT_LEVEL;
  m->ridge = o->ridge;
  int st = sl_fees_model_setup(m, d, idx, n, o, note, note_size);
  if (st) st = sl_error_set(err, st, NULL, 0, 0, "out of memory");
  if (!st && n < m->p * SL_FEES_MIN_DEALS_PER_COLUMN)
    st = sl_error_set(err, SL_EDATA, NULL, 0, 0,
                      "%zu deals for %zu model columns: at least %d deals per column are needed",
                      n, m->p, SL_FEES_MIN_DEALS_PER_COLUMN);
  double *X = NULL, *y = NULL;
  if (!st) {
    X = malloc(n * m->p * sizeof *X), y = malloc(n * sizeof *y);
    if (!X || !y) st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  }
  if (!st) st = build_matrix(m, d, idx, n, X, y, err);
  if (!st) st = fit_all(m, X, y, n, o, err);
  free(X), free(y);
  if (st) {
    sl_fees_model_free(m);
    return st;
  }
  *out = m;
  return SL_OK;
}

/* ---- intervals and probabilities --------------------------------------------------------- */

int sl_fees_interval_of(const sl_fees_model *m, const double *x, double level, double *pred,
                        double *low, double *high, double *se_pred, sl_error *err) {
  sl_gsl_quiet();
  *pred = sl_fees_linear(m, x);
  sl_ols_interval iv;
  int st = sl_ols_predict(m->ols, x, 1, level, &iv, err);
  if (st) return st;
  *se_pred = sqrt(iv.se_fit * iv.se_fit + m->ols->sigma * m->ols->sigma);
  if (m->interval == SL_FEES_INTERVAL_CONFORMAL) {
    double lo, hi;
    sl_fees_conformal_offsets(m->calibration, m->ncal, level, &lo, &hi);
    *low = *pred + lo, *high = *pred + hi;
  } else {
    *low = iv.pred_low, *high = iv.pred_high;
  }
  return SL_OK;
}

double sl_fees_prob_at_least(const sl_fees_model *m, double log_fee, double se_prediction,
                             double bid) {
  if (!(bid > 0) || !isfinite(log_fee)) return NAN;
  double gap = log(bid) - log_fee;
  if (m->interval == SL_FEES_INTERVAL_CONFORMAL && m->ncal) {
    size_t reach = 0;
    for (size_t i = 0; i < m->ncal; i++) reach += m->calibration[i] >= gap;
    return (double)reach / (double)m->ncal;
  }
  sl_gsl_quiet();
  if (!(se_prediction > 0) || !m->ols || !m->ols->df_residual) return NAN;
  return gsl_cdf_tdist_Q(gap / se_prediction, (double)m->ols->df_residual);
}
