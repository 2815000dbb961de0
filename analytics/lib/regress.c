/* regress.c - least squares by blocked Householder QR (TSQR) and R-compatible summaries.
 *
 * Pass 1 folds the rows of [sqrt(w) X | sqrt(w) y] into the upper-triangular factor R_aug
 * ((p+1)x(p+1)) with LAPACK dtpqrt, block by block (Demmel et al., "Communication-optimal
 * parallel and sequential QR", 2012: stacking the running R on each block and re-factoring
 * is plain Householder QR in another order, so it keeps its backward stability).
 * Then, with z = the last column of R_aug (Q'y):
 *   - columns are scaled by powers of two to norms in [0.5, 1) (exact, and makes the rank
 *     decision independent of units, as R's per-column test in dqrdc2);
 *   - aliased columns are found in order (R's lm semantics), the kept ones solved by dgeqp3;
 *   - RSS = sum of squares of the trailing part of Q2'z, TSS = sum z_i² (i >= 1 with intercept):
 *     sums of squares, no subtraction of nearly equal numbers.
 */
#include <lapacke.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>

#include "regress_private.h"
#include "runtime_internal.h"

/* dtpqrt's inner block: 32 columns of reflectors per BLAS-3 update is LAPACK's usual choice. */
#define TSQR_INNER_BLOCK 32

int sl_tsqr_init(sl_tsqr *q, size_t m) {
  memset(q, 0, sizeof *q);
  q->m = m;
  q->nb = m < TSQR_INNER_BLOCK ? m : TSQR_INNER_BLOCK;
  q->r = calloc(m * m, sizeof *q->r);
  q->t = calloc(q->nb * m, sizeof *q->t);
  q->work = calloc(q->nb * m, sizeof *q->work);
  if (!q->r || !q->t || !q->work) {
    sl_tsqr_release(q);
    return SL_ENOMEM;
  }
  return SL_OK;
}

void sl_tsqr_release(sl_tsqr *q) {
  free(q->r);
  free(q->t);
  free(q->work);
  q->r = q->t = q->work = NULL;
}

int sl_tsqr_absorb(sl_tsqr *q, double *b, size_t ldb, size_t count, sl_error *err) {
  if (count == 0) return SL_OK;
  lapack_int m = (lapack_int)q->m, nb = (lapack_int)q->nb;
  /* R starts as zeros: QR of [0; B] is QR of B, so the first block needs no special case. */
  lapack_int info = LAPACKE_dtpqrt_work(LAPACK_COL_MAJOR, (lapack_int)count, m, 0, nb, q->r, m,
                                        b, (lapack_int)ldb, q->t, nb, q->work);
  if (info != 0)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "dtpqrt rejected argument %d", (int)-info);
  return SL_OK;
}

int sl_rows_check(const sl_rows *rows, sl_error *err) {
  if (!rows || !rows->fill)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "regression: no row source given");
  if (rows->p == 0)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "regression: the model has no columns");
  if (rows->p > SL_REGRESS_MAX_COLUMNS)
    return sl_error_set(err, SL_ELIMIT, NULL, 0, 0,
                        "regression: %zu columns exceed the limit of %d", rows->p,
                        SL_REGRESS_MAX_COLUMNS);
  return SL_OK;
}

int sl_block_reader_init(sl_block_reader *b, const sl_rows *rows) {
  memset(b, 0, sizeof *b);
  b->rows = rows;
  b->ld = rows->n < SL_REGRESS_BLOCK_ROWS ? (rows->n ? rows->n : 1) : SL_REGRESS_BLOCK_ROWS;
  b->blk = malloc(b->ld * (rows->p + 1) * sizeof *b->blk);
  b->w = malloc(b->ld * sizeof *b->w);
  b->yraw = malloc(b->ld * sizeof *b->yraw);
  b->root_w = malloc(b->ld * sizeof *b->root_w);
  if (!b->blk || !b->w || !b->yraw || !b->root_w) {
    sl_block_reader_release(b);
    return SL_ENOMEM;
  }
  return SL_OK;
}

void sl_block_reader_release(sl_block_reader *b) {
  free(b->blk);
  free(b->w);
  free(b->yraw);
  free(b->root_w);
  b->blk = b->w = b->yraw = b->root_w = NULL;
}

static const char *column_name(const sl_rows *rows, size_t j, char *buf, size_t size) {
  if (rows->names && rows->names[j]) return rows->names[j];
  snprintf(buf, size, "x%zu", j + 1);
  return buf;
}

/* A value the source should never hand over (missing values are filtered before the fit). */
static int not_finite(const sl_rows *rows, size_t row, size_t j, double v, sl_error *err) {
  char buf[32];
  const char *what = j < rows->p ? column_name(rows, j, buf, sizeof buf) : "the response";
  return sl_error_set(err, SL_EDATA, NULL, 0, 0, "row %zu: %s is %g (expected a finite number)",
                      row + 1, what, v);
}

static int bad_weight(double w) { return !(w >= 0) || !isfinite(w); }

/* The first row of a freshly filled block holding a value no fit can take (count if none).
 * Column by column, for contiguous reads, but in the order a row-by-row reader would report:
 * the earliest row, and within it the response, the weight, then the columns of X. */
static size_t first_unusable(const sl_block_reader *b, size_t count) {
  size_t p = b->rows->p, bad_i = count;
  const double *y = b->blk + p * b->ld;
  for (size_t i = 0; i < bad_i; i++)
    if (!isfinite(y[i])) bad_i = i;
  for (size_t i = 0; b->rows->weighted && i < bad_i; i++)
    if (bad_weight(b->w[i])) bad_i = i;
  for (size_t j = 0; j < p; j++)
    for (size_t i = 0; i < bad_i; i++)
      if (!isfinite(b->blk[i + j * b->ld])) bad_i = i;
  return bad_i;
}

/* The message for row i of the block, naming its first unusable value in that same order. */
static int unusable_error(const sl_block_reader *b, size_t first, size_t i, sl_error *err) {
  size_t p = b->rows->p;
  if (!isfinite(b->blk[i + p * b->ld])) return not_finite(b->rows, first + i, p, b->blk[i + p * b->ld], err);
  if (b->rows->weighted && bad_weight(b->w[i]))
    return sl_error_set(err, SL_EDATA, NULL, 0, 0, "row %zu: weight %g is not a finite number >= 0",
                        first + i + 1, b->w[i]);
  size_t j = 0;
  while (j < p && isfinite(b->blk[i + j * b->ld])) j++;
  return not_finite(b->rows, first + i, j, b->blk[i + j * b->ld], err);
}

int sl_block_read(sl_block_reader *b, size_t first, size_t count, size_t *positive,
                  sl_error *err) {
  const sl_rows *rows = b->rows;
  size_t p = rows->p, ld = b->ld;
  double *y = b->blk + p * ld;
  int st = rows->fill(rows->ctx, first, count, b->blk, ld, y, rows->weighted ? b->w : NULL, err);
  if (st) return st;
  memcpy(b->yraw, y, count * sizeof *y);
  size_t bad_i = first_unusable(b, count);
  if (bad_i < count) return unusable_error(b, first, bad_i, err);
  *positive = count;
  if (!rows->weighted) {
    for (size_t i = 0; i < count; i++) b->w[i] = 1.0;
    return SL_OK;
  }
  *positive = 0;
  for (size_t i = 0; i < count; i++) {
    if (b->w[i] > 0) (*positive)++;
    b->root_w[i] = sqrt(b->w[i]);
  }
  /* Column by column: walking a row jumps ld doubles (32 KiB) per column, so every step of a
   * row falls in the same cache set and misses; the products are the same either way. */
  for (size_t j = 0; j <= p; j++) {
    double *col = b->blk + j * ld;
    for (size_t i = 0; i < count; i++) col[i] *= b->root_w[i];
  }
  return SL_OK;
}

char **sl_regress_names_copy(const char *const *names, size_t p) {
  char **out = calloc(p ? p : 1, sizeof *out);
  if (!out) return NULL;
  for (size_t j = 0; j < p; j++) {
    char buf[32];
    const char *s = names && names[j] ? names[j] : buf;
    if (!(names && names[j])) snprintf(buf, sizeof buf, "x%zu", j + 1);
    size_t len = strnlen(s, SL_REGRESS_NAME_MAX);
    out[j] = malloc(len + 1);
    if (!out[j]) {
      sl_regress_names_free(out, p);
      return NULL;
    }
    memcpy(out[j], s, len);
    out[j][len] = '\0';
  }
  return out;
}

void sl_regress_names_free(char **names, size_t p) {
  if (!names) return;
  for (size_t j = 0; j < p; j++) free(names[j]);
  free(names);
}

double sl_regress_pow2_scale(double v) {
  int e;
  if (v == 0 || !isfinite(v)) return 1.0;
  (void)frexp(v, &e);
  return ldexp(1.0, -e);
}

void sl_ols_fit_free(sl_ols_fit *fit) {
  if (!fit) return;
  sl_regress_names_free(fit->names, fit->p);
  free(fit->aliased);
  free(fit->coef);
  free(fit->std_error);
  free(fit->t_value);
  free(fit->p_value);
  free(fit->vif);
  free(fit->cov_factor);
  free(fit->fitted);
  free(fit->residuals);
  free(fit->hat);
  free(fit->cooks);
  free(fit->design);
  free(fit);
}

/* Allocates a fit with every p-array set; rank and cov_factor are filled later. */
static sl_ols_fit *fit_new(const char *const *names, size_t p) {
  sl_ols_fit *f = calloc(1, sizeof *f);
  if (!f) return NULL;
  f->p = p;
  f->names = sl_regress_names_copy(names, p);
  f->aliased = calloc(p, sizeof *f->aliased);
  double **arrays[] = {&f->coef, &f->std_error, &f->t_value, &f->p_value, &f->vif};
  int ok = f->names && f->aliased;
  for (size_t k = 0; k < sizeof arrays / sizeof arrays[0]; k++) {
    *arrays[k] = malloc(p * sizeof(double));
    ok = ok && *arrays[k];
  }
  if (!ok) {
    sl_ols_fit_free(f);
    return NULL;
  }
  return f;
}

/* Marks aliased columns in column order (R's dqrdc2 rule): column j is aliased when its part
 * orthogonal to the kept earlier columns has norm <= tol * its own norm. Columns of a (ld rows,
 * first p rows used) are already scaled. Classical Gram-Schmidt applied twice keeps the basis
 * orthogonal to working precision ("twice is enough", Giraud et al. 2005). Returns the rank. */
static size_t find_aliased(const double *a, size_t ld, size_t p, double tol, int *aliased,
                           double *basis, double *v) {
  size_t k = 0;
  for (size_t j = 0; j < p; j++) {
    double norm0 = 0;
    for (size_t i = 0; i < p; i++) {
      v[i] = a[i + j * ld];
      norm0 += v[i] * v[i];
    }
    norm0 = sqrt(norm0);
    for (int pass = 0; pass < 2; pass++)
      for (size_t b = 0; b < k; b++) {
        const double *q = basis + b * p;
        double d = 0;
        for (size_t i = 0; i < p; i++) d += q[i] * v[i];
        for (size_t i = 0; i < p; i++) v[i] -= d * q[i];
      }
    double res = 0;
    for (size_t i = 0; i < p; i++) res += v[i] * v[i];
    res = sqrt(res);
    aliased[j] = !(norm0 > 0 && res > tol * norm0);
    if (aliased[j]) continue;
    for (size_t i = 0; i < p; i++) basis[k * p + i] = v[i] / res;
    k++;
  }
  return k;
}

/* Workspace of the small solve, all from one allocation. */
typedef struct solve_ws {
  double *scale, *a, *basis, *v, *ak, *tau, *c, *rinv;
  lapack_int *jpvt;
  size_t *kept;
} solve_ws;

static void *solve_ws_new(solve_ws *s, size_t p) {
  size_t m = p + 1;
  size_t doubles = p + m * p + p * p + p + m * p + p + m + p * p;
  char *mem = malloc(doubles * sizeof(double) + p * (sizeof(lapack_int) + sizeof(size_t)) + 16);
  if (!mem) return NULL;
  double *d = (double *)(void *)mem;
  s->scale = d, d += p;
  s->a = d, d += m * p;
  s->basis = d, d += p * p;
  s->v = d, d += p;
  s->ak = d, d += m * p;
  s->tau = d, d += p;
  s->c = d, d += m;
  s->rinv = d, d += p * p;
  s->kept = (size_t *)(void *)d;
  s->jpvt = (lapack_int *)(void *)(s->kept + p);
  return mem;
}

/* Sums of squares, t tests, R², F and VIF once coef/cov_factor/rss are known. */
static void ols_statistics(sl_ols_fit *f, const double *raug, double ess) {
  size_t p = f->p, m = p + 1, r = f->rank;
  const double *z = raug + p * m;
  double tss = 0;
  for (size_t i = f->intercept ? 1 : 0; i <= p; i++) tss += z[i] * z[i];
  /* With the explained part known separately, TSS = ESS + RSS and R² = ESS/TSS avoid 1 - RSS/TSS
   * cancelling when R² is small (Wampler5, R² = 0.0022: 13.5 -> 15 digits). */
  if (!isnan(ess)) tss = ess + f->rss;
  else ess = tss - f->rss;
  f->tss = tss;
  double df = (double)f->df_residual;
  f->sigma = f->df_residual ? sqrt(f->rss / df) : NAN;
  for (size_t j = 0; j < p; j++) {
    if (f->aliased[j]) {
      f->std_error[j] = f->t_value[j] = f->p_value[j] = f->vif[j] = NAN;
      continue;
    }
    double ss = 0;
    for (size_t l = 0; l < r; l++) ss += f->cov_factor[j * r + l] * f->cov_factor[j * r + l];
    f->std_error[j] = f->sigma * sqrt(ss);
    f->t_value[j] = f->coef[j] / f->std_error[j];
    f->p_value[j] = isfinite(f->t_value[j]) ? 2 * gsl_cdf_tdist_Q(fabs(f->t_value[j]), df) : NAN;
    /* VIF_j = 1/(1-R_j²) = [(X'WX)^-1]_jj * (centred SS of column j); the centred SS is the
     * column of R_aug below the intercept row. */
    double css = 0;
    for (size_t i = 1; i <= j; i++) css += raug[i + j * m] * raug[i + j * m];
    f->vif[j] = f->intercept && j > 0 ? ss * css : NAN;
  }
  size_t df_int = f->intercept ? 1 : 0;
  f->r_squared = tss > 0 ? ess / tss : NAN;
  f->adj_r_squared = f->df_residual ? 1 - (1 - f->r_squared) * ((double)(f->n - df_int) / df) : NAN;
  f->f_df1 = (double)(r - (r >= df_int ? df_int : 0));
  f->f_df2 = df;
  if (f->f_df1 > 0 && f->df_residual > 0) {
    f->f_statistic = (ess / f->f_df1) / (f->rss / df);
    f->f_p = isfinite(f->f_statistic) ? gsl_cdf_fdist_Q(f->f_statistic, f->f_df1, df) : 0.0;
  } else {
    f->f_statistic = f->f_p = NAN;
  }
}

/* Solves the kept columns of the scaled R_aug by pivoted QR and fills coef and cov_factor. */
static int ols_solve_kept(sl_ols_fit *f, const double *raug, solve_ws *s, sl_error *err) {
  size_t p = f->p, m = p + 1, r = f->rank;
  for (size_t k = 0, j = 0; j < p; j++)
    if (!f->aliased[j]) s->kept[k++] = j;
  for (size_t k = 0; k < r; k++) {
    size_t j = s->kept[k];
    for (size_t i = 0; i < m; i++) s->ak[i + k * m] = s->a[i + j * m];
    s->jpvt[k] = 0;
  }
  lapack_int info = LAPACKE_dgeqp3(LAPACK_COL_MAJOR, (lapack_int)m, (lapack_int)r, s->ak,
                                   (lapack_int)m, s->jpvt, s->tau);
  if (info == 0) {
    memcpy(s->c, raug + p * m, m * sizeof *s->c);
    info = LAPACKE_dormqr(LAPACK_COL_MAJOR, 'L', 'T', (lapack_int)m, 1, (lapack_int)r, s->ak,
                          (lapack_int)m, s->tau, s->c, (lapack_int)m);
  }
  if (info == 0) {
    for (size_t l = 0; l < r; l++)
      for (size_t i = 0; i < r; i++) s->rinv[i + l * r] = i <= l ? s->ak[i + l * m] : 0.0;
    info = LAPACKE_dtrtrs(LAPACK_COL_MAJOR, 'U', 'N', 'N', (lapack_int)r, 1, s->ak,
                          (lapack_int)m, s->c, (lapack_int)m);
  }
  if (info == 0)
    info = LAPACKE_dtrtri(LAPACK_COL_MAJOR, 'U', 'N', (lapack_int)r, s->rinv, (lapack_int)r);
  if (info > 0)
    return sl_error_set(err, SL_ESING, NULL, 0, 0, "regression: triangular factor is singular");
  if (info < 0)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "LAPACK rejected argument %d", (int)-info);
  /* The residual part of Q2'z was overwritten by dtrtrs only in its first r entries. */
  double rss = 0;
  for (size_t i = r; i < m; i++) rss += s->c[i] * s->c[i];
  f->rss = rss;
  for (size_t j = 0; j < p; j++) f->coef[j] = NAN;
  for (size_t k = 0; k < r; k++) {
    size_t j = s->kept[s->jpvt[k] - 1];
    f->coef[j] = s->scale[j] * s->c[k];
    for (size_t l = 0; l < r; l++) f->cov_factor[j * r + l] = s->scale[j] * s->rinv[k + l * r];
  }
  return SL_OK;
}

/* Everything that follows from R_aug (m = p+1 square, column-major) and the row count. */
static int ols_from_r(sl_ols_fit *f, const double *raug, sl_error *err) {
  size_t p = f->p, m = p + 1;
  solve_ws s;
  void *mem = solve_ws_new(&s, p);
  if (!mem) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  for (size_t j = 0; j < p; j++) {
    double norm = 0;
    for (size_t i = 0; i <= j; i++) norm = hypot(norm, raug[i + j * m]);
    s.scale[j] = sl_regress_pow2_scale(norm);
    for (size_t i = 0; i < m; i++) s.a[i + j * m] = raug[i + j * m] * s.scale[j];
  }
  f->rank = find_aliased(s.a, m, p, f->tol, f->aliased, s.basis, s.v);
  int st = SL_OK;
  if (f->rank == 0) {
    st = sl_error_set(err, SL_EDATA, NULL, 0, 0,
                      "regression: every column is zero on the rows used");
  } else {
    f->df_residual = f->n - f->rank;
    f->cov_factor = calloc(p * f->rank, sizeof *f->cov_factor);
    st = f->cov_factor ? ols_solve_kept(f, raug, &s, err)
                       : sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  }
  free(mem);
  if (st) return st;
  ols_statistics(f, raug, NAN);
  return SL_OK;
}

/* Notes whether the responses of the rows with weight > 0 differ (before q->rows counts them). */
static void track_response(sl_tsqr *q, const sl_block_reader *b, size_t count) {
  size_t seen = q->rows;
  for (size_t i = 0; i < count && !q->y_varies; i++) {
    if (!(b->w[i] > 0)) continue;
    if (seen++ == 0) q->y_first = b->yraw[i];
    else if (b->yraw[i] != q->y_first) q->y_varies = 1;
  }
}

/* Folds rows [from, to) into q. */
static int accumulate_range(const sl_rows *rows, size_t from, size_t to, sl_tsqr *q,
                            sl_error *err) {
  sl_block_reader b;
  if (sl_block_reader_init(&b, rows)) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  int st = SL_OK;
  for (size_t first = from; first < to && !st; first += b.ld) {
    size_t count = to - first < b.ld ? to - first : b.ld, positive = 0;
    st = sl_block_read(&b, first, count, &positive, err);
    if (!st) track_response(q, &b, count);
    if (!st) st = sl_tsqr_absorb(q, b.blk, b.ld, count, err);
    q->rows += positive;
  }
  sl_block_reader_release(&b);
  return st;
}

/* Below this many rows a second thread is not worth its start-up and extra block buffer: the
 * serial fold of 2^18 rows x 31 columns takes ~50 ms, a thread ~0.1 ms, but small fits (every
 * test and fee model) then stay bit-for-bit on the serial path. */
#define SL_REGRESS_PARALLEL_MIN_ROWS ((size_t)64 * SL_REGRESS_BLOCK_ROWS)

typedef struct fold_job {
  const sl_rows *rows;
  size_t from, to;
  sl_tsqr q;
  sl_error err;
  int st;
} fold_job;

static void *fold_job_run(void *arg) {
  fold_job *j = arg;
  j->st = accumulate_range(j->rows, j->from, j->to, &j->q, &j->err);
  return NULL;
}

/* Pass 1: fold every row into R_aug. A large concurrent source is folded as two halves on two
 * threads, whose factors are then stacked and re-factored once more (TSQR's tree, one level):
 * still Householder QR of all the rows, in another order. */
static int accumulate(const sl_rows *rows, const sl_ols_options *opt, sl_tsqr *q, sl_error *err) {
  /* Two folding threads need two OpenBLAS buffers; under a memory limit that leaves room for
   * one only, the serial fold gives the same answer to rounding instead of hanging. */
  if (!rows->concurrent || (opt && opt->serial) || rows->n < SL_REGRESS_PARALLEL_MIN_ROWS ||
      sl_blas_room(2, NULL) != SL_OK)
    return accumulate_range(rows, 0, rows->n, q, err);
  size_t half = rows->n / 2 / SL_REGRESS_BLOCK_ROWS * SL_REGRESS_BLOCK_ROWS;
  fold_job j = {.rows = rows, .from = half, .to = rows->n};
  pthread_t tid;
  if (sl_tsqr_init(&j.q, q->m) || pthread_create(&tid, NULL, fold_job_run, &j) != 0) {
    sl_tsqr_release(&j.q);
    return accumulate_range(rows, 0, rows->n, q, err);
  }
  int st = accumulate_range(rows, 0, half, q, err);
  pthread_join(tid, NULL);
  /* Out of memory for the second block buffer (a very wide design): fold the rest here. */
  if (!st && j.st == SL_ENOMEM) {
    sl_tsqr_release(&j.q);
    return accumulate_range(rows, half, rows->n, q, err);
  }
  /* The first half's rows come first, so its error is the one a serial fold would report. */
  if (!st && j.st) {
    st = j.st;
    if (err) *err = j.err;
  }
  if (!st) {
    lapack_int m = (lapack_int)q->m, nb = (lapack_int)q->nb;
    /* l = m: the second factor is upper triangular, so dtpqrt skips its zeros. */
    lapack_int info = LAPACKE_dtpqrt_work(LAPACK_COL_MAJOR, m, m, m, nb, q->r, m, j.q.r, m,
                                          q->t, nb, q->work);
    if (info != 0) st = sl_error_set(err, SL_EINVAL, NULL, 0, 0, "dtpqrt rejected argument %d", (int)-info);
    if (q->rows && j.q.rows) q->y_varies |= j.q.y_varies || j.q.y_first != q->y_first;
    else if (j.q.rows) q->y_first = j.q.y_first, q->y_varies = j.q.y_varies;
    q->rows += j.q.rows;
  }
  sl_tsqr_release(&j.q);
  return st;
}

int sl_ols_influence(sl_ols_fit *f, const sl_rows *rows, sl_error *err); /* regress_predict.c */

/* One step of iterative refinement by corrected semi-normal equations (Bjorck 1987): with the
 * residual r = y - Xb and g = X'Wr accumulated in long double, the correction is
 * d = (X'WX)^-1 g = F F' g. It recovers digits lost to the conditioning of X (NIST Wampler,
 * Filip) at the cost of one more pass over the rows; X'X itself is never formed. The RSS at the
 * refined b follows without another pass: ||r - Xd||² = ||r||² - 2 d'g + d'X'WXd = ||r||² - d'g. */
static int refine(sl_ols_fit *f, const sl_rows *rows, sl_error *err) {
  size_t p = f->p, r = f->rank;
  sl_block_reader b;
  long double *g = calloc(p, sizeof *g), *res = malloc(SL_REGRESS_BLOCK_ROWS * sizeof *res);
  double *beta = malloc(p * sizeof *beta), *u = malloc((r ? r : 1) * sizeof *u);
  int st = g && res && beta && u && !sl_block_reader_init(&b, rows)
               ? SL_OK : sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  if (st) {
    free(g), free(res), free(beta), free(u);
    return st;
  }
  long double rr = 0, dg = 0;
  for (size_t j = 0; j < p; j++) beta[j] = f->aliased[j] ? 0.0 : f->coef[j];
  for (size_t first = 0; first < rows->n && !st; first += b.ld) {
    size_t count = rows->n - first < b.ld ? rows->n - first : b.ld, positive;
    st = sl_block_read(&b, first, count, &positive, err);
    if (st) break;
    /* Column by column, so every loop reads contiguous memory. */
    for (size_t i = 0; i < count; i++) res[i] = b.blk[i + p * b.ld];
    for (size_t j = 0; j < p; j++) {
      const double *x = b.blk + j * b.ld;
      long double bj = beta[j];
      for (size_t i = 0; i < count; i++) res[i] -= x[i] * bj;
    }
    for (size_t i = 0; i < count; i++) rr += res[i] * res[i];
    for (size_t j = 0; j < p; j++) {
      const double *x = b.blk + j * b.ld;
      long double t = 0;
      for (size_t i = 0; i < count; i++) t += x[i] * res[i];
      g[j] += t;
    }
  }
  sl_block_reader_release(&b);
  for (size_t l = 0; !st && l < r; l++) {
    long double t = 0;
    for (size_t j = 0; j < p; j++) t += (long double)f->cov_factor[j * r + l] * g[j];
    u[l] = (double)t;
  }
  for (size_t j = 0; !st && j < p; j++) {
    if (f->aliased[j]) continue;
    long double d = 0;
    for (size_t l = 0; l < r; l++) d += (long double)f->cov_factor[j * r + l] * u[l];
    f->coef[j] = (double)((long double)f->coef[j] + d);
    dg += d * g[j];
  }
  if (!st && rr - dg >= 0) f->rss = (double)(rr - dg);
  free(g), free(res), free(beta), free(u);
  return st;
}

/* Below this bound on the condition number of X with unit columns, the QR solution is already
 * as accurate as refinement would make it: both error terms of a least-squares solve, k eps and
 * k^2 eps ||r|| / (||X|| ||b||), stay under 2e-12 relative (Golub & Van Loan 5.3.8). */
#define SL_REFINE_KAPPA 100.0

/* An upper bound on the condition of X after scaling its columns to unit length:
 * sigma_max <= sqrt(rank) for unit columns and 1/sigma_min^2 <= trace((D X'WX D)^-1)
 * = sum_j ||x_j||^2 ||F_j||^2, with F F' = (X'WX)^-1 and ||x_j|| the norm of column j of the
 * triangular factor (the same as X's, since Q is orthogonal). */
static double condition_bound(const sl_ols_fit *f, const double *raug) {
  size_t p = f->p, m = p + 1, r = f->rank;
  long double trace = 0;
  for (size_t j = 0; j < p; j++) {
    if (f->aliased[j]) continue;
    long double col = 0, fj = 0;
    for (size_t i = 0; i <= j; i++) col += (long double)raug[i + j * m] * raug[i + j * m];
    for (size_t l = 0; l < r; l++) fj += (long double)f->cov_factor[j * r + l] * f->cov_factor[j * r + l];
    trace += col * fj;
  }
  return sqrt((double)(r * trace));
}

/* Small enough for the double-double QR (rows x (p+1)^2 multiply-adds). */
static int small_problem(const sl_ols_fit *f) {
  size_t c = f->rank + 1;
  return f->n <= SL_REGRESS_DD_MAX_WORK / (c * c);
}

/* A small problem is solved in double-double once its columns are not orthogonal (bound 2):
 * even mild conditioning costs the double QR 1-2 of the 15 digits NIST certifies (Norris, bound
 * 3.2: 12.8 -> 14.1 digits; Pontius, 19.6: 12.5 -> 13.5), and the solve costs microseconds. */
#define SL_DD_KAPPA 2.0

/* How the QR solution is improved: 0 not at all, 1 long-double refinement, 2 double-double. */
static int improvement(const sl_ols_fit *f, const double *raug, const sl_ols_options *opt) {
  if (opt && opt->no_refine) return 0;
  double kappa = condition_bound(f, raug);
  if (small_problem(f)) return kappa <= SL_DD_KAPPA ? 0 : 2; /* NAN improves too */
  return kappa <= SL_REFINE_KAPPA ? 0 : 1;
}

/* ---- scaling: data whose squares leave the range of a double --------------------------------
 * Sums of squares of values near 1e200 overflow (and of values near 1e-200 underflow to zero)
 * although the values, the coefficients and sigma are representable. So a column of [X | y]
 * whose norm (read off the first factor: Q is orthogonal) lies outside [2^-k, 2^k] is scaled by
 * a power of two to norm [0.5, 1) before anything squares it, and the results are scaled back:
 * with X D and y c fitted, b = D b' / c, se = D se' / c, F = D F', sigma = sigma' / c, rss and tss
 * by 1/c²; t, p, R², F and VIF are scale-free. Powers of two make both directions exact.
 * Columns in range are left alone, so ordinary data take the very same path bit for bit. */

/* 2^128 ~ 3e38: squares of such norms (2^256) and their double-double error terms (2^-362 at the
 * small end) stay far inside the range of a double, for sums over any number of rows. */
#define SL_REGRESS_SCALE_FREE_EXP 128

/* Exponent e with |v| 2^e in [0.5, 1); 0 for 0 or a non-finite v. */
static int pow2_exponent(double v) {
  int e;
  if (v == 0 || !isfinite(v)) return 0;
  (void)frexp(v, &e);
  return -e;
}

/* A source handing out the rows of `rows` with column j scaled by 2^e[j] (y by 2^e[p]). */
typedef struct scaled_source {
  const sl_rows *rows;
  int (*fill_lo)(const void *ctx, size_t first, size_t count, const double *x, size_t ldx,
                 double *xlo, sl_error *err); /* the caller's (sl_ols_options), or NULL */
  const int *e; /* p + 1 exponents */
} scaled_source;

/* Scales the p columns of x (leading dimension ldx, count rows) by 2^e[j]. */
static void scale_columns(const int *e, size_t p, size_t count, double *x, size_t ldx) {
  for (size_t j = 0; j < p; j++)
    for (size_t i = 0; e[j] && i < count; i++) x[i + j * ldx] = ldexp(x[i + j * ldx], e[j]);
}

static int scaled_fill(const void *ctx, size_t first, size_t count, double *x, size_t ldx,
                       double *y, double *w, sl_error *err) {
  const scaled_source *s = ctx;
  int st = s->rows->fill(s->rows->ctx, first, count, x, ldx, y, w, err);
  if (st) return st;
  scale_columns(s->e, s->rows->p, count, x, ldx);
  scale_columns(s->e + s->rows->p, 1, count, y, count);
  return SL_OK;
}

/* The rounding remainders of the scaled values are the scaled remainders; fill_lo is handed
 * the unscaled x it was written for. */
static int scaled_fill_lo(const void *ctx, size_t first, size_t count, const double *x,
                          size_t ldx, double *xlo, sl_error *err) {
  const scaled_source *s = ctx;
  size_t p = s->rows->p;
  double *raw = malloc((ldx ? ldx : 1) * p * sizeof *raw);
  if (!raw) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  for (size_t j = 0; j < p; j++)
    for (size_t i = 0; i < count; i++) raw[i + j * ldx] = ldexp(x[i + j * ldx], -s->e[j]);
  int st = s->fill_lo(s->rows->ctx, first, count, raw, ldx, xlo, err);
  free(raw);
  if (!st) scale_columns(s->e, p, count, xlo, ldx);
  return st;
}

/* Exponents of the largest |value| of each column of [X | y] over every row (pass 1 has
 * checked that they are finite). */
static int prescale_exponents(const sl_rows *rows, int *e, sl_error *err) {
  size_t p = rows->p;
  sl_block_reader b;
  double *top = calloc(p + 1, sizeof *top);
  if (!top || sl_block_reader_init(&b, rows)) {
    free(top);
    return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  }
  int st = SL_OK;
  for (size_t first = 0; first < rows->n && !st; first += b.ld) {
    size_t count = rows->n - first < b.ld ? rows->n - first : b.ld;
    st = rows->fill(rows->ctx, first, count, b.blk, b.ld, b.blk + p * b.ld, rows->weighted ? b.w : NULL, err);
    for (size_t j = 0; !st && j <= p; j++)
      for (size_t i = 0; i < count; i++) top[j] = fmax(top[j], fabs(b.blk[i + j * b.ld]));
  }
  for (size_t j = 0; j <= p; j++) e[j] = pow2_exponent(top[j]);
  sl_block_reader_release(&b);
  free(top);
  return st;
}

static int factor_finite(const sl_tsqr *q) {
  for (size_t j = 0; j < q->m; j++)
    for (size_t i = 0; i <= j; i++)
      if (!isfinite(q->r[i + j * q->m])) return 0;
  return 1;
}

int sl_tsqr_scale_exponents(const sl_tsqr *q, int *e) {
  size_t m = q->m;
  for (size_t j = 0; j < m; j++) {
    double norm = 0;
    for (size_t i = 0; i <= j; i++) norm = hypot(norm, q->r[i + j * m]);
    int k = pow2_exponent(norm);
    e[j] = k > SL_REGRESS_SCALE_FREE_EXP || k < -SL_REGRESS_SCALE_FREE_EXP ? k : 0;
  }
  for (size_t j = 0; j < m; j++)
    if (e[j]) return 1;
  return 0;
}

void sl_tsqr_scale(sl_tsqr *q, const int *e) {
  size_t m = q->m;
  for (size_t j = 0; j < m; j++)
    for (size_t i = 0; e[j] && i <= j; i++) q->r[i + j * m] = ldexp(q->r[i + j * m], e[j]);
}

/* Adds the scaling the factor's columns need to e (the exponents its rows were read with) and
 * scales the factor. Returns 1 when some column of the data is to be read scaled. */
static int scale_factor(sl_tsqr *q, int *e) {
  int more[SL_REGRESS_MAX_COLUMNS + 1], any = 0;
  sl_tsqr_scale_exponents(q, more);
  sl_tsqr_scale(q, more);
  for (size_t j = 0; j < q->m; j++) {
    e[j] += more[j];
    any |= e[j] != 0;
  }
  return any;
}

/* Results of the fit of [X D | y c] (D = 2^e[j], c = 2^e[p]) for [X | y]. */
static void unscale_fit(sl_ols_fit *f, const int *e) {
  size_t p = f->p, r = f->rank;
  int ey = e[p];
  for (size_t j = 0; j < p; j++) {
    if (f->aliased[j]) continue;
    f->coef[j] = ldexp(f->coef[j], e[j] - ey);
    f->std_error[j] = ldexp(f->std_error[j], e[j] - ey);
    for (size_t l = 0; l < r; l++) f->cov_factor[j * r + l] = ldexp(f->cov_factor[j * r + l], e[j]);
  }
  f->sigma = ldexp(f->sigma, -ey);
  /* |y| beyond ~1e154 (below ~1e-154) makes these two Inf (0): not representable, and nothing
   * else is derived from them. */
  f->rss = ldexp(f->rss, -2 * ey);
  f->tss = ldexp(f->tss, -2 * ey);
  for (size_t i = 0; f->fitted && i < f->n_rows; i++) {
    f->fitted[i] = ldexp(f->fitted[i], -ey);
    f->residuals[i] = ldexp(f->residuals[i], -ey);
  }
}

/* A coefficient or factor that does not fit in a double after scaling back: the response and a
 * column differ in scale by more than the range of a double. */
static int check_representable(const sl_ols_fit *f, sl_error *err) {
  for (size_t j = 0; j < f->p; j++) {
    if (f->aliased[j]) continue;
    /* Without residual degrees of freedom sigma and the standard errors are NAN by definition. */
    int ok = isfinite(f->coef[j]) && (isfinite(f->std_error[j]) || f->df_residual == 0);
    for (size_t l = 0; ok && l < f->rank; l++) ok = isfinite(f->cov_factor[j * f->rank + l]);
    if (!ok)
      return sl_error_set(err, SL_EDATA, NULL, 0, 0,
                          "regression: the estimate for %s is %g, outside the range of a double "
                          "(the response and this column differ in scale by a factor near "
                          "1e308 or more: rescale one of them)", f->names[j], f->coef[j]);
  }
  return SL_OK;
}

/* A response with one value on every row used leaves nothing to explain: with an intercept its
 * total sum of squares is 0 (and without one, when that value is 0), so R² and F are 0/0. */
static int check_response(const sl_tsqr *q, const sl_rows *rows, sl_error *err) {
  if (q->y_varies || !q->rows || (!rows->intercept && q->y_first != 0)) return SL_OK;
  return sl_error_set(err, SL_EDATA, NULL, 0, 0,
                      "regression: the response is constant (%.15g on every row used): there is "
                      "no variation to explain", q->y_first);
}

int sl_ols_fit_rows(const sl_rows *rows, const sl_ols_options *opt, sl_ols_fit **out,
                    sl_error *err) {
  if (out) *out = NULL;
  if (!out) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "regression: no output given");
  int st = sl_rows_check(rows, err);
  if (st) return st;
  sl_gsl_quiet();
  st = sl_blas_room(1, err);
  if (st) return st;
  double tol = opt && (opt->tol > 0 || opt->tol_set) ? opt->tol : SL_REGRESS_DEFAULT_TOL;
  if (tol >= 0 && tol < SL_REGRESS_EXACT_TOL) tol = SL_REGRESS_EXACT_TOL;
  if (!(tol >= 0 && tol < 1))
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "regression: tolerance %g must be in [0, 1)", tol);
  sl_tsqr q;
  if (sl_tsqr_init(&q, rows->p + 1)) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  sl_ols_fit *f = fit_new(rows->names, rows->p);
  int *e = calloc(rows->p + 1, sizeof *e); /* column scaling exponents, y's last */
  double ess = NAN; /* explained sum of squares, when the double-double solve gives it */
  st = f && e ? accumulate(rows, opt, &q, err) : sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  if (!st && q.rows < rows->p)
    st = sl_error_set(err, SL_EDATA, NULL, 0, 0,
                      "regression: %zu usable rows for %zu parameters (need at least as many rows "
                      "as parameters)", q.rows, rows->p);
  if (!st) st = check_response(&q, rows, err);
  /* Every later pass reads the rows through `src`: scaled when some column needs it. */
  sl_ols_options scaled_opt = opt ? *opt : (sl_ols_options){0};
  scaled_source ctx = {rows, scaled_opt.fill_lo, e};
  sl_rows scaled = *rows;
  scaled.fill = scaled_fill, scaled.ctx = &ctx;
  if (scaled_opt.fill_lo) scaled_opt.fill_lo = scaled_fill_lo;
  if (!st && !factor_finite(&q)) {
    /* Values near the top of the double range: dtpqrt's norms overflowed. Fold again from rows
     * scaled to |value| < 1. */
    st = prescale_exponents(rows, e, err);
    memset(q.r, 0, q.m * q.m * sizeof *q.r);
    q.rows = 0;
    if (!st) st = accumulate(&scaled, &scaled_opt, &q, err);
    if (!st && !factor_finite(&q))
      st = sl_error_set(err, SL_EDATA, NULL, 0, 0,
                        "regression: the weighted values are too large for a double even after "
                        "scaling (are the weights near 1e300?)");
  }
  const sl_rows *src = rows;
  const sl_ols_options *src_opt = opt;
  if (!st && scale_factor(&q, e)) src = &scaled, src_opt = &scaled_opt;
  if (!st) {
    f->n = q.rows;
    f->intercept = rows->intercept;
    f->weighted = rows->weighted;
    f->tol = tol;
    st = ols_from_r(f, q.r, err);
  }
  int how = st ? 0 : improvement(f, q.r, opt);
  if (how == 1) st = refine(f, src, err);
  if (how == 2) st = sl_ols_solve_dd(f, src, src_opt, &ess, err);
  if (!st && how) ols_statistics(f, q.r, ess);
  if (!st && opt && opt->influence) st = sl_ols_influence(f, src, err);
  if (!st && src != rows) unscale_fit(f, e);
  if (!st) st = check_representable(f, err);
  sl_tsqr_release(&q);
  free(e);
  if (st) {
    sl_ols_fit_free(f);
    return st;
  }
  *out = f;
  return SL_OK;
}

/* The plain-matrix source. */
typedef struct matrix_ctx {
  const double *x, *y, *w;
  size_t ldx, p;
} matrix_ctx;

static int matrix_fill(const void *ctx, size_t first, size_t count, double *x, size_t ldx,
                       double *y, double *w, sl_error *err) {
  const matrix_ctx *c = ctx;
  (void)err;
  for (size_t j = 0; j < c->p; j++)
    memcpy(x + j * ldx, c->x + j * c->ldx + first, count * sizeof *x);
  memcpy(y, c->y + first, count * sizeof *y);
  if (w) memcpy(w, c->w + first, count * sizeof *w);
  return SL_OK;
}

int sl_ols_fit_matrix(const double *x, size_t ldx, const double *y, const double *w, size_t n,
                      size_t p, const char *const *names, int intercept,
                      const sl_ols_options *opt, sl_ols_fit **out, sl_error *err) {
  if (out) *out = NULL;
  if (!x || !y || ldx < n)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "regression: missing matrix or bad ldx");
  matrix_ctx ctx = {x, y, w, ldx, p};
  sl_rows rows = {n, p, names, intercept, w != NULL, matrix_fill, &ctx, 1};
  return sl_ols_fit_rows(&rows, opt, out, err);
}

int sl_ols_check_summary(const sl_ols_fit *f, sl_error *err) {
  if (!f) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "regression: no fit given");
  if (f->df_residual == 0)
    return sl_error_set(err, SL_EDATA, NULL, 0, 0,
                        "regression: %zu rows for %zu estimated coefficients leave no residual "
                        "degrees of freedom: the residual standard error, standard errors and "
                        "tests are undefined (need more rows than coefficients)", f->n, f->rank);
  if (f->sigma == 0)
    return sl_error_set(err, SL_EDATA, NULL, 0, 0,
                        "regression: the fit is exact (every residual is 0): the standard errors "
                        "are 0 and the t and F tests undefined");
  struct { const char *what; double v; } stat[] = {
      {"residual standard error", f->sigma}, {"R-squared", f->r_squared},
      {"adjusted R-squared", f->adj_r_squared}, {"F statistic", f->f_df1 > 0 ? f->f_statistic : 0},
      {"p-value of the F test", f->f_df1 > 0 ? f->f_p : 0}};
  for (size_t k = 0; k < sizeof stat / sizeof stat[0]; k++)
    if (!isfinite(stat[k].v))
      return sl_error_set(err, SL_EDATA, NULL, 0, 0, "regression: the %s is %g, not a finite number",
                          stat[k].what, stat[k].v);
  for (size_t j = 0; j < f->p; j++) {
    if (f->aliased[j]) continue;
    double v[3] = {f->std_error[j], f->t_value[j], f->p_value[j]};
    const char *what[3] = {"standard error", "t value", "p-value"};
    for (int k = 0; k < 3; k++)
      if (!isfinite(v[k]))
        return sl_error_set(err, SL_EDATA, NULL, 0, 0,
                            "regression: the %s of %s is %g, not a finite number", what[k],
                            f->names[j], v[k]);
  }
  return SL_OK;
}

long sl_ols_column(const sl_ols_fit *fit, const char *name) {
  if (!fit || !name) return -1;
  for (size_t j = 0; j < fit->p; j++)
    if (strcmp(fit->names[j], name) == 0) return (long)j;
  return -1;
}
