/* regress_predict.c - what follows from a fit's coefficients and its factor F, (X'WX)^-1 = F F':
 * covariance, leverage/Cook's distance (a second pass over the rows) and prediction intervals.
 * Leverage and standard errors are squared norms ||F' x||², never x'(X'X)^-1 x with an explicit
 * inverse, so they cannot come out negative. */
#include <cblas.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>

#include "regress_private.h"
#include "runtime_internal.h"

void sl_ols_vcov(const sl_ols_fit *fit, double *cov) {
  size_t p = fit->p, r = fit->rank;
  double s2 = fit->sigma * fit->sigma;
  for (size_t i = 0; i < p; i++)
    for (size_t j = 0; j < p; j++) {
      if (fit->aliased[i] || fit->aliased[j]) {
        cov[i * p + j] = NAN;
        continue;
      }
      double d = 0;
      for (size_t l = 0; l < r; l++) d += fit->cov_factor[i * r + l] * fit->cov_factor[j * r + l];
      cov[i * p + j] = s2 * d;
    }
}

/* Coefficients with aliased ones as 0, which is what they contribute to fitted values. */
static double *coef_zeroed(const sl_ols_fit *f) {
  double *b = malloc(f->p * sizeof *b);
  if (!b) return NULL;
  for (size_t j = 0; j < f->p; j++) b[j] = f->aliased[j] ? 0.0 : f->coef[j];
  return b;
}

/* Fitted, residuals, leverage and Cook's distance for one block read by `b` (weighted rows). */
static void influence_block(sl_ols_fit *f, const sl_block_reader *b, size_t first, size_t count,
                            const double *beta, double *g) {
  size_t p = f->p, r = f->rank, ld = b->ld;
  /* G = (sqrt(w) X) F: row i of G has squared norm h_i. */
  cblas_dgemm(CblasColMajor, CblasNoTrans, CblasTrans, (int)count, (int)r, (int)p, 1.0, b->blk,
              (int)ld, f->cov_factor, (int)r, 0.0, g, (int)ld);
  double s2 = f->sigma * f->sigma;
  /* The sums h_i and x_i'b, column by column into f's arrays (a row's entries lie ld doubles
   * apart, so walking a row misses the cache at every step); each sum keeps its order. */
  double *hat = f->hat + first, *xb = f->fitted + first;
  for (size_t i = 0; i < count; i++) hat[i] = 0, xb[i] = 0;
  for (size_t l = 0; l < r; l++)
    for (size_t i = 0; i < count; i++) hat[i] += g[i + l * ld] * g[i + l * ld];
  for (size_t j = 0; j < p; j++)
    for (size_t i = 0; i < count; i++) xb[i] += b->blk[i + j * ld] * beta[j];
  for (size_t i = 0; i < count; i++) {
    double fit = 0, h = hat[i], w = b->w[i];
    if (w > 0) {
      /* The block holds sqrt(w) x_i: divide back for the unweighted fitted value. */
      fit = xb[i] / sqrt(w);
    } else {
      /* A zero-weight row was zeroed; its fitted value needs the raw x, which the reader no
       * longer has, so read it again through the source below. */
      fit = NAN;
    }
    size_t row = first + i;
    double e = b->yraw[i] - fit;
    f->fitted[row] = fit;
    f->residuals[row] = e;
    f->hat[row] = h;
    /* R: cooks.distance = (res / (sd (1 - h)))² h / rank with res the weighted residual. */
    double we = e * sqrt(w), om = 1 - h;
    f->cooks[row] = w > 0 ? (we * we) / (s2 * om * om) * h / (double)r : 0.0;
  }
}

/* Zero-weight rows: fitted from the raw row (one more read of just that row). */
static int refill_zero_weight(sl_ols_fit *f, const sl_rows *rows, const double *beta,
                              double *xrow, sl_error *err) {
  for (size_t i = 0; i < f->n_rows; i++) {
    if (!isnan(f->fitted[i])) continue;
    double y, w;
    int st = rows->fill(rows->ctx, i, 1, xrow, 1, &y, &w, err);
    if (st) return st;
    double fit = 0;
    for (size_t j = 0; j < f->p; j++) fit += xrow[j] * beta[j];
    f->fitted[i] = fit;
    f->residuals[i] = y - fit;
  }
  return SL_OK;
}

int sl_ols_influence(sl_ols_fit *f, const sl_rows *rows, sl_error *err);

int sl_ols_influence(sl_ols_fit *f, const sl_rows *rows, sl_error *err) {
  size_t n = rows->n;
  f->n_rows = n;
  double **arrays[] = {&f->fitted, &f->residuals, &f->hat, &f->cooks};
  for (size_t k = 0; k < 4; k++)
    if (!(*arrays[k] = malloc((n ? n : 1) * sizeof(double))))
      return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  sl_block_reader b;
  if (sl_block_reader_init(&b, rows)) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  double *beta = coef_zeroed(f);
  double *g = malloc(b.ld * f->rank * sizeof *g);
  double *xrow = malloc(f->p * sizeof *xrow);
  int st = beta && g && xrow ? SL_OK : sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  for (size_t first = 0; first < n && !st; first += b.ld) {
    size_t count = n - first < b.ld ? n - first : b.ld, positive;
    st = sl_block_read(&b, first, count, &positive, err);
    if (!st) influence_block(f, &b, first, count, beta, g);
  }
  if (!st && rows->weighted) st = refill_zero_weight(f, rows, beta, xrow, err);
  sl_block_reader_release(&b);
  free(beta);
  free(g);
  free(xrow);
  return st;
}

int sl_ols_predict(const sl_ols_fit *fit, const double *x0, size_t m, double level,
                   sl_ols_interval *out, sl_error *err) {
  if (!fit || (!x0 && m) || (!out && m))
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "predict: missing argument");
  if (!(level > 0 && level < 1))
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0,
                        "predict: level %g is not in (0, 1) (e.g. 0.95)", level);
  sl_gsl_quiet();
  size_t p = fit->p, r = fit->rank;
  double df = (double)fit->df_residual;
  double tq = fit->df_residual ? gsl_cdf_tdist_Qinv((1 - level) / 2, df) : NAN;
  double s2 = fit->sigma * fit->sigma;
  double *u = malloc((r ? r : 1) * sizeof *u); /* u = F'x, F = cov_factor (p x r, row-major) */
  if (!u) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  for (size_t i = 0; i < m; i++) {
    const double *x = x0 + i * p;
    double yhat = 0;
    for (size_t j = 0; j < p; j++) {
      if (fit->aliased[j]) continue;
      if (!isfinite(x[j])) {
        free(u);
        return sl_error_set(err, SL_EDATA, NULL, 0, 0,
                            "predict: row %zu: %s is %g (expected a finite number)", i + 1,
                            fit->names[j], x[j]);
      }
      yhat += x[j] * fit->coef[j];
    }
    /* Row j of F at a time, so the reads are contiguous (a column of F strides r doubles);
     * each u[l] still sums over j in order. */
    for (size_t l = 0; l < r; l++) u[l] = 0;
    for (size_t j = 0; j < p; j++) {
      const double *fj = fit->cov_factor + j * r;
      double xj = fit->aliased[j] ? 0 : x[j];
      for (size_t l = 0; l < r; l++) u[l] += fj[l] * xj;
    }
    double q = 0;
    for (size_t l = 0; l < r; l++) q += u[l] * u[l];
    double se = fit->sigma * sqrt(q), sp = sqrt(se * se + s2);
    out[i] = (sl_ols_interval){yhat, se, yhat - tq * se, yhat + tq * se, yhat - tq * sp,
                               yhat + tq * sp};
  }
  free(u);
  return SL_OK;
}
