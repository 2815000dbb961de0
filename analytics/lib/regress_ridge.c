/* regress_ridge.c - ridge regression on standardised predictors from one SVD per training set.
 *
 * The rows are folded into R_aug, the triangular factor of [sqrt(w) 1 | sqrt(w) X | sqrt(w) y]
 * with the intercept first. Below the intercept row, R_aug is the factor of the (weighted)
 * centred columns, so with C its predictor block, D = diag(sd) and zc its y column:
 *   Z = centred X D^-1 has factor C D^-1 = U S V'   (one k x k SVD, dgesdd),
 *   c(lambda) = V diag(s/(s²+lambda)) U' zc,        (MASS::lm.ridge's estimator)
 *   RSS(lambda) = sum_i (lambda d_i/(s_i²+lambda))² + zc_k², d = U' zc,
 *   df(lambda)  = sum_i s_i²/(s_i²+lambda),  GCV = RSS/(n - df)².
 * k-fold CV keeps one factor T_f per fold: the training factor is the QR of the other folds'
 * factors stacked, and the held-out error of any coefficient vector b is exactly
 * ||T_f (-b, 1)||², so no second pass over the rows is needed.
 */
#include <float.h>
#include <lapacke.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "regress_private.h"

/* Folds beyond this are leave-almost-one-out on tiny data; the per-fold factors would dominate. */
#define RIDGE_MAX_FOLDS 1000

uint64_t sl_splitmix64(uint64_t *state) {
  uint64_t z = (*state += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

/* Uniform integer in [0, bound) without modulo bias (rejection of the short last interval). */
static uint64_t uniform_below(uint64_t *state, uint64_t bound) {
  uint64_t threshold = (0 - bound) % bound;
  for (;;) {
    uint64_t x = sl_splitmix64(state);
    if (x >= threshold) return x % bound;
  }
}

/* The standardised SVD of one training set. */
typedef struct ridge_svd {
  size_t p, k;       /* columns (with intercept), predictors k = p - 1 */
  double n;          /* rows with positive weight */
  double *center;    /* p, center[0] = 0 */
  double *scale;     /* p, scale[0] = 1 */
  double ybar;
  double *s, *vt, *d; /* k singular values, k x k V', U' zc */
  double resid0;     /* zc_k²: the part of y no predictor reaches */
  double *mem;
} ridge_svd;

static void ridge_svd_release(ridge_svd *rs) { free(rs->mem), rs->mem = NULL; }

static int ridge_prepare(const double *raug, size_t p, double n, const char *const *names,
                         ridge_svd *rs, sl_error *err) {
  size_t m = p + 1, k = p - 1;
  memset(rs, 0, sizeof *rs);
  rs->p = p, rs->k = k, rs->n = n;
  rs->mem = malloc((2 * p + 2 * k + 3 * k * k + 1) * sizeof(double));
  if (!rs->mem) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  double *d = rs->mem;
  rs->center = d, d += p;
  rs->scale = d, d += p;
  rs->s = d, d += k;
  rs->d = d, d += k;
  rs->vt = d, d += k * k;
  double *a = d, *u = d + k * k;
  double r00 = raug[0], wsum = r00 * r00;
  rs->center[0] = 0, rs->scale[0] = 1;
  rs->ybar = raug[p * m] / r00;
  for (size_t j = 1; j < p; j++) {
    double css = 0;
    for (size_t i = 1; i <= j; i++) css += raug[i + j * m] * raug[i + j * m];
    rs->center[j] = raug[j * m] / r00;
    rs->scale[j] = sqrt(css / wsum);
    if (!(rs->scale[j] > 0))
      return sl_error_set(err, SL_EDATA, NULL, 0, 0,
                          "ridge: predictor %s is constant on the rows used", names[j]);
  }
  for (size_t j = 0; j < k; j++)
    for (size_t i = 0; i < k; i++)
      a[i + j * k] = i <= j ? raug[(i + 1) + (j + 1) * m] / rs->scale[j + 1] : 0.0;
  lapack_int info = LAPACKE_dgesdd(LAPACK_COL_MAJOR, 'A', (lapack_int)k, (lapack_int)k, a,
                                   (lapack_int)k, rs->s, u, (lapack_int)k, rs->vt, (lapack_int)k);
  if (info != 0)
    return sl_error_set(err, info < 0 ? SL_EINVAL : SL_ESING, NULL, 0, 0,
                        "ridge: SVD failed (dgesdd info %d)", (int)info);
  const double *zc = raug + p * m + 1;
  for (size_t i = 0; i < k; i++) {
    double t = 0;
    for (size_t l = 0; l < k; l++) t += u[l + i * k] * zc[l];
    rs->d[i] = t;
  }
  rs->resid0 = zc[k] * zc[k];
  return SL_OK;
}

/* Shrinkage s/(s²+lambda); a zero singular value contributes nothing (pseudo-inverse). */
static double shrink(double s, double lambda) { return s > 0 ? s / (s * s + lambda) : 0.0; }

/* Coefficients on the original scale, coef[0] the intercept. */
static void ridge_coef(const ridge_svd *rs, double lambda, double *coef) {
  size_t k = rs->k;
  double icpt = rs->ybar;
  for (size_t j = 0; j < k; j++) {
    double c = 0;
    for (size_t i = 0; i < k; i++) c += rs->vt[i + j * k] * shrink(rs->s[i], lambda) * rs->d[i];
    coef[j + 1] = c / rs->scale[j + 1];
    icpt -= coef[j + 1] * rs->center[j + 1];
  }
  coef[0] = icpt;
}

static void ridge_rss_df(const ridge_svd *rs, double lambda, double *rss, double *df) {
  double r = rs->resid0, f = 0;
  for (size_t i = 0; i < rs->k; i++) {
    double s2 = rs->s[i] * rs->s[i];
    double part = s2 + lambda > 0 ? lambda / (s2 + lambda) : 0.0;
    r += part * part * rs->d[i] * rs->d[i];
    f += s2 + lambda > 0 ? s2 / (s2 + lambda) : 0.0;
  }
  *rss = r, *df = f;
}

void sl_ridge_fit_free(sl_ridge_fit *fit) {
  if (!fit) return;
  sl_regress_names_free(fit->names, fit->p);
  free(fit->coef);
  free(fit->center);
  free(fit->scale);
  free(fit->grid_lambda);
  free(fit->grid_score);
  free(fit);
}

static int check_options(const sl_rows *rows, const sl_ridge_options *o, sl_error *err) {
  int st = sl_rows_check(rows, err);
  if (st) return st;
  if (!rows->intercept || rows->p < 2)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0,
                        "ridge: needs an intercept (column 0) and at least one predictor");
  if (o->method == SL_RIDGE_FIXED && !(o->lambda >= 0 && isfinite(o->lambda)))
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "ridge: penalty %g must be >= 0", o->lambda);
  if (o->method == SL_RIDGE_CV && (o->folds < 2 || o->folds > RIDGE_MAX_FOLDS))
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "ridge: %u folds (expected 2 to %d)",
                        o->folds, RIDGE_MAX_FOLDS);
  if (o->method != SL_RIDGE_FIXED && o->method != SL_RIDGE_GCV && o->method != SL_RIDGE_CV)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "ridge: unknown method %d", (int)o->method);
  return SL_OK;
}

/* Fold of each row: a seeded Fisher-Yates shuffle of 0,1,..,k-1,0,1,.. so folds differ in size
 * by at most one and the same seed always gives the same folds. */
static unsigned short *make_folds(size_t n, unsigned k, uint64_t seed) {
  unsigned short *fold = malloc((n ? n : 1) * sizeof *fold);
  if (!fold) return NULL;
  for (size_t i = 0; i < n; i++) fold[i] = (unsigned short)(i % k);
  uint64_t state = seed;
  for (size_t i = n; i > 1; i--) {
    size_t j = (size_t)uniform_below(&state, i);
    unsigned short t = fold[i - 1];
    fold[i - 1] = fold[j], fold[j] = t;
  }
  return fold;
}

/* Pass over the rows: one factor per fold (nfold = 1: all rows into acc[0]). */
static int ridge_accumulate(const sl_rows *rows, const unsigned short *fold, sl_tsqr *acc,
                            unsigned nfold, sl_error *err) {
  sl_block_reader b;
  if (sl_block_reader_init(&b, rows)) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  size_t m = rows->p + 1;
  double *scratch = nfold > 1 ? malloc(b.ld * m * sizeof *scratch) : NULL;
  int st = nfold > 1 && !scratch ? sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory") : SL_OK;
  for (size_t first = 0; first < rows->n && !st; first += b.ld) {
    size_t count = rows->n - first < b.ld ? rows->n - first : b.ld, positive;
    st = sl_block_read(&b, first, count, &positive, err);
    if (st) break;
    if (nfold == 1) {
      st = sl_tsqr_absorb(&acc[0], b.blk, b.ld, count, err);
      acc[0].rows += positive;
      continue;
    }
    for (unsigned f = 0; f < nfold && !st; f++) {
      size_t c = 0;
      for (size_t i = 0; i < count; i++) {
        if (fold[first + i] != f) continue;
        for (size_t j = 0; j < m; j++) scratch[c + j * b.ld] = b.blk[i + j * b.ld];
        acc[f].rows += b.w[i] > 0;
        c++;
      }
      st = sl_tsqr_absorb(&acc[f], scratch, b.ld, c, err);
    }
  }
  free(scratch);
  sl_block_reader_release(&b);
  return st;
}

/* Stacks the factors of folds other than `skip` (skip = nfold: all) into `into`. */
static int merge_folds(const sl_tsqr *acc, unsigned nfold, unsigned skip, sl_tsqr *into,
                       double *tmp, sl_error *err) {
  size_t m = into->m;
  memset(into->r, 0, m * m * sizeof *into->r);
  into->rows = 0;
  for (unsigned f = 0; f < nfold; f++) {
    if (f == skip) continue;
    memcpy(tmp, acc[f].r, m * m * sizeof *tmp);
    int st = sl_tsqr_absorb(into, tmp, m, m, err);
    if (st) return st;
    into->rows += acc[f].rows;
  }
  return SL_OK;
}

/* Held-out weighted squared error ||T (-b, 1)||² of coefficients b on a fold factor T. */
static double fold_sse(const sl_tsqr *t, const double *coef) {
  size_t m = t->m;
  double sse = 0;
  for (size_t i = 0; i < m; i++) {
    double v = t->r[i + (m - 1) * m];
    for (size_t j = i; j + 1 < m; j++) v -= t->r[i + j * m] * coef[j];
    sse += v * v;
  }
  return sse;
}

static void make_grid(sl_ridge_fit *f, const sl_ridge_options *o) {
  double lo = o->grid_min > 0 ? o->grid_min : SL_RIDGE_GRID_MIN;
  double hi = o->grid_max > lo ? o->grid_max : SL_RIDGE_GRID_MAX;
  size_t g = f->grid_size;
  for (size_t i = 0; i < g; i++) {
    double t = g > 1 ? (double)i / (double)(g - 1) : 0.0;
    f->grid_lambda[i] = (double)f->n * pow(10.0, log10(lo) + t * (log10(hi) - log10(lo)));
  }
}

/* Cross-validated mean squared error at every grid point. */
static int cv_scores(sl_ridge_fit *f, const sl_rows *rows, const sl_tsqr *acc, unsigned k,
                     sl_tsqr *train, double *tmp, double *coef, sl_error *err) {
  for (size_t g = 0; g < f->grid_size; g++) f->grid_score[g] = 0;
  for (unsigned h = 0; h < k; h++) {
    int st = merge_folds(acc, k, h, train, tmp, err);
    ridge_svd rs;
    if (!st) st = ridge_prepare(train->r, rows->p, (double)train->rows, (const char *const *)f->names, &rs, err);
    if (st) {
      if (st != SL_ENOMEM) ridge_svd_release(&rs);
      return st;
    }
    for (size_t g = 0; g < f->grid_size; g++) {
      ridge_coef(&rs, f->grid_lambda[g], coef);
      f->grid_score[g] += fold_sse(&acc[h], coef) / (double)f->n;
    }
    ridge_svd_release(&rs);
  }
  return SL_OK;
}

static int ridge_alloc(sl_ridge_fit **out, const sl_rows *rows, size_t grid) {
  sl_ridge_fit *f = calloc(1, sizeof *f);
  if (!f) return SL_ENOMEM;
  f->p = rows->p;
  f->names = sl_regress_names_copy(rows->names, rows->p);
  f->coef = malloc(rows->p * sizeof *f->coef);
  f->center = malloc(rows->p * sizeof *f->center);
  f->scale = malloc(rows->p * sizeof *f->scale);
  f->grid_size = grid;
  f->grid_lambda = malloc((grid ? grid : 1) * sizeof(double));
  f->grid_score = malloc((grid ? grid : 1) * sizeof(double));
  *out = f;
  if (!f->names || !f->coef || !f->center || !f->scale || !f->grid_lambda || !f->grid_score)
    return SL_ENOMEM;
  return SL_OK;
}

/* Chooses lambda (grid minimum of the criterion) and fills the final fit from all rows. */
static int ridge_finish(sl_ridge_fit *f, const sl_rows *rows, const sl_ridge_options *o,
                        const double *raug, sl_error *err) {
  ridge_svd rs;
  int st = ridge_prepare(raug, rows->p, (double)f->n, (const char *const *)f->names, &rs, err);
  if (st) {
    if (st != SL_ENOMEM) ridge_svd_release(&rs);
    return st;
  }
  double rss, df;
  if (o->method == SL_RIDGE_GCV)
    for (size_t g = 0; g < f->grid_size; g++) {
      ridge_rss_df(&rs, f->grid_lambda[g], &rss, &df);
      f->grid_score[g] = rss / ((f->n - df) * (f->n - df));
    }
  if (o->method == SL_RIDGE_FIXED) {
    f->lambda = o->lambda;
  } else {
    size_t best = 0;
    for (size_t g = 1; g < f->grid_size; g++)
      if (f->grid_score[g] < f->grid_score[best]) best = g;
    f->lambda = f->grid_lambda[best];
  }
  ridge_coef(&rs, f->lambda, f->coef);
  ridge_rss_df(&rs, f->lambda, &rss, &df);
  f->rss = rss, f->df = df;
  f->gcv = rss / ((f->n - df) * (f->n - df));
  memcpy(f->center, rs.center, rows->p * sizeof *f->center);
  memcpy(f->scale, rs.scale, rows->p * sizeof *f->scale);
  ridge_svd_release(&rs);
  return SL_OK;
}

/* Data whose squares leave the range of a double (|values| near 1e200 or 1e-200): every fold
 * factor's columns are scaled by the powers of two the whole data's norms call for (regress.c;
 * never the intercept's, whose factor entry is sqrt of the weight sum), so the fit below runs on
 * X D and y c. Standardising makes the ridge fit of X D that of X; y c scales coefficients by c,
 * and sums of squares (RSS, GCV, CV scores) by c². Returns 1 when something was scaled. */
static int ridge_scale(sl_tsqr *acc, unsigned k, int *e) {
  if (!sl_tsqr_scale_exponents(&acc[k], e)) return 0;
  e[0] = 0;
  for (unsigned i = 0; i <= k; i++) sl_tsqr_scale(&acc[i], e);
  return 1;
}

/* Back to the data's units; a residual sum of squares below the range of a double (responses
 * near 1e-160 or smaller) would read 0, so it is refused. */
static int ridge_unscale(sl_ridge_fit *f, const int *e, sl_error *err) {
  int ey = e[f->p];
  double rss = f->rss;
  for (size_t j = 0; j < f->p; j++) {
    f->coef[j] = ldexp(f->coef[j], e[j] - ey);
    f->center[j] = ldexp(f->center[j], -e[j]);
    f->scale[j] = ldexp(f->scale[j], -e[j]);
  }
  f->rss = ldexp(f->rss, -2 * ey);
  f->gcv = ldexp(f->gcv, -2 * ey);
  for (size_t g = 0; g < f->grid_size; g++) f->grid_score[g] = ldexp(f->grid_score[g], -2 * ey);
  if (rss > 0 && !(f->rss > DBL_MIN))
    return sl_error_set(err, SL_EDATA, NULL, 0, 0,
                        "ridge: the residual sum of squares is below the range of a double "
                        "(responses near 1e-154 or smaller: rescale the response)");
  return SL_OK;
}

/* A result that does not fit in a double once scaled back is refused, never handed out. */
static int ridge_check_finite(const sl_ridge_fit *f, sl_error *err) {
  for (size_t j = 0; j < f->p; j++)
    if (!isfinite(f->coef[j]) || !isfinite(f->center[j]) || !isfinite(f->scale[j]))
      return sl_error_set(err, SL_EDATA, NULL, 0, 0,
                          "ridge: the estimate for %s is %g, outside the range of a double (the "
                          "response and this column differ in scale by a factor near 1e308 or "
                          "more: rescale one of them)", f->names[j], f->coef[j]);
  if (!isfinite(f->rss) || !isfinite(f->gcv) || !(f->rss > 0 || f->rss == 0))
    return sl_error_set(err, SL_EDATA, NULL, 0, 0,
                        "ridge: the residual sum of squares is %g, outside the range of a double "
                        "(responses beyond about 1e154: rescale the response)", f->rss);
  return SL_OK;
}

int sl_ridge_fit_rows(const sl_rows *rows, const sl_ridge_options *opt, sl_ridge_fit **out,
                      sl_error *err) {
  if (out) *out = NULL;
  sl_ridge_options o = {0};
  if (opt) o = *opt;
  if (!out) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "ridge: no output given");
  int st = check_options(rows, &o, err);
  if (st) return st;
  unsigned k = o.method == SL_RIDGE_CV ? o.folds : 1;
  if (k > rows->n)
    return sl_error_set(err, SL_EDATA, NULL, 0, 0, "ridge: %u folds for %zu rows", k, rows->n);
  size_t m = rows->p + 1, grid = o.method == SL_RIDGE_FIXED ? 0 : (o.grid_size ? o.grid_size : SL_RIDGE_GRID_SIZE);
  sl_ridge_fit *f = NULL;
  sl_tsqr *acc = calloc(k + 1, sizeof *acc);
  unsigned short *fold = k > 1 ? make_folds(rows->n, k, o.seed) : NULL;
  double *tmp = malloc(m * (m + 1) * sizeof *tmp);
  int *e = calloc(m, sizeof *e), scaled = 0; /* column scaling exponents, y's last */
  int ok = acc && tmp && e && (k == 1 || fold) && ridge_alloc(&f, rows, grid) == SL_OK;
  for (unsigned i = 0; ok && i <= k; i++) ok = sl_tsqr_init(&acc[i], m) == SL_OK;
  st = ok ? ridge_accumulate(rows, fold, acc, k, err)
          : sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  sl_tsqr *all = &acc[k];
  if (!st) st = merge_folds(acc, k, k, all, tmp, err);
  if (!st) {
    f->n = all->rows;
    if (f->n < rows->p + 1)
      st = sl_error_set(err, SL_EDATA, NULL, 0, 0,
                        "ridge: %zu usable rows for %zu parameters", f->n, rows->p);
  }
  if (!st) scaled = ridge_scale(acc, k, e);
  if (!st && grid) make_grid(f, &o);
  if (!st && k > 1) st = cv_scores(f, rows, acc, k, &acc[k], tmp, tmp + m * m, err);
  if (!st && k > 1) st = merge_folds(acc, k, k, all, tmp, err);
  if (!st) st = ridge_finish(f, rows, &o, all->r, err);
  if (!st && scaled) st = ridge_unscale(f, e, err);
  if (!st) st = ridge_check_finite(f, err);
  for (unsigned i = 0; acc && i <= k; i++) sl_tsqr_release(&acc[i]);
  free(acc);
  free(e);
  free(fold);
  free(tmp);
  if (st) {
    sl_ridge_fit_free(f);
    return st;
  }
  *out = f;
  return SL_OK;
}
