/* regress_dd.c - the extended-precision solve of small ill-conditioned least-squares problems.
 *
 * Double-double arithmetic (a value is hi + lo with |lo| <= ulp(hi)/2, ~106 bits; Dekker 1971,
 * Hida, Li & Bailey "QD" 2001): two_sum and two_prod (by fma) are exact, so sums and products
 * lose only ~2^-104 relative. Householder QR of the kept columns of [sqrt(w) X | sqrt(w) y] in
 * this arithmetic has a backward error ~1e-32, so even Filip (condition ~1e8 after column
 * scaling, so ~1e-8 from double QR) is solved to the precision of its doubles. The rows are
 * read once more from the source, with the rounding remainders of their values when the
 * caller gives them (powers of x formed in double-double by the design).
 * Plain double arithmetic only (fma is exact in software too), so it gives the same digits
 * under valgrind, which emulates long double as double. Compile without FP contraction
 * (ISO C mode, as CMake's C_EXTENSIONS OFF sets): a contracted two_sum is not exact. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "regress_private.h"

typedef struct dd {
  double hi, lo;
} dd;

static dd dd_quick(double a, double b) {
  double s = a + b;
  return (dd){s, b - (s - a)};
}

static dd two_sum(double a, double b) {
  double s = a + b, v = s - a;
  return (dd){s, (a - (s - v)) + (b - v)};
}

static dd dd_add(dd a, dd b) {
  dd s = two_sum(a.hi, b.hi), t = two_sum(a.lo, b.lo);
  s.lo += t.hi;
  s = dd_quick(s.hi, s.lo);
  s.lo += t.lo;
  return dd_quick(s.hi, s.lo);
}

static dd dd_neg(dd a) { return (dd){-a.hi, -a.lo}; }
static dd dd_sub(dd a, dd b) { return dd_add(a, dd_neg(b)); }

static dd dd_mul(dd a, dd b) {
  double p = a.hi * b.hi;
  double e = fma(a.hi, b.hi, -p) + (a.hi * b.lo + a.lo * b.hi);
  return dd_quick(p, e);
}

static dd dd_div(dd a, dd b) {
  double q1 = a.hi / b.hi;
  dd r = dd_sub(a, dd_mul((dd){q1, 0}, b));
  double q2 = r.hi / b.hi;
  r = dd_sub(r, dd_mul((dd){q2, 0}, b));
  double q3 = r.hi / b.hi;
  return dd_add(dd_quick(q1, q2), (dd){q3, 0});
}

/* One Newton step from the double square root doubles its digits. */
static dd dd_sqrt(dd a) {
  if (!(a.hi > 0)) return (dd){0, 0};
  double x = 1.0 / sqrt(a.hi), ax = a.hi * x;
  dd ax2 = dd_mul((dd){ax, 0}, (dd){ax, 0});
  return dd_add((dd){ax, 0}, (dd){dd_sub(a, ax2).hi * x * 0.5, 0});
}

/* Reads the used rows' kept columns and y into a (column-major, ld = rows with w > 0, r + 1
 * columns), weighted by sqrt(w) in double-double. */
static int read_rows(const sl_ols_fit *f, const sl_rows *rows, const sl_ols_options *opt,
                     const size_t *kept, dd *a, size_t ld, sl_error *err) {
  size_t p = rows->p, r = f->rank, blk = SL_REGRESS_BLOCK_ROWS, used = 0;
  double *x = malloc(blk * (p + 1) * sizeof *x), *xlo = calloc(blk * p, sizeof *xlo);
  double *w = malloc(blk * sizeof *w);
  int st = x && xlo && w ? SL_OK : sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  for (size_t first = 0; !st && first < rows->n; first += blk) {
    size_t count = rows->n - first < blk ? rows->n - first : blk;
    st = rows->fill(rows->ctx, first, count, x, blk, x + p * blk, rows->weighted ? w : NULL, err);
    if (!st && opt && opt->fill_lo) st = opt->fill_lo(rows->ctx, first, count, x, blk, xlo, err);
    for (size_t i = 0; !st && i < count; i++) {
      double wi = rows->weighted ? w[i] : 1.0;
      if (!(wi > 0)) continue;
      if (used == ld) break; /* the source changed between passes: keep within bounds */
      dd s = rows->weighted ? dd_sqrt((dd){wi, 0}) : (dd){1, 0};
      for (size_t k = 0; k < r; k++) {
        size_t j = kept[k];
        a[used + k * ld] = dd_mul(two_sum(x[i + j * blk], xlo[i + j * blk]), s);
      }
      a[used + r * ld] = dd_mul((dd){x[i + p * blk], 0}, s);
      used++;
    }
  }
  free(x), free(xlo), free(w);
  if (!st && used != ld)
    st = sl_error_set(err, SL_EDATA, NULL, 0, 0,
                      "regression: the row source gave %zu rows with weight > 0, then %zu", ld, used);
  return st;
}

/* Householder QR of a (m x c, column-major, m >= c - 1) in place: R in the upper triangle, the
 * last column becomes Q'y. Returns 0, or -1 when a kept column is zero to working precision. */
static int householder(dd *a, size_t m, size_t c) {
  for (size_t k = 0; k + 1 < c && k < m; k++) {
    dd *v = a + k * m + k;
    size_t len = m - k;
    dd norm2 = {0, 0};
    for (size_t i = 0; i < len; i++) norm2 = dd_add(norm2, dd_mul(v[i], v[i]));
    dd norm = dd_sqrt(norm2);
    if (norm.hi == 0) return -1;
    dd beta = v[0].hi > 0 ? dd_neg(norm) : norm;
    /* v = x - beta e1; H = I - v v' / (beta (beta - x1)) since v'v = 2 beta (beta - x1). */
    v[0] = dd_sub(v[0], beta);
    dd denom = dd_mul(beta, dd_neg(v[0]));
    for (size_t j = k + 1; j < c; j++) {
      dd *col = a + j * m + k, s = {0, 0};
      for (size_t i = 0; i < len; i++) s = dd_add(s, dd_mul(v[i], col[i]));
      dd t = dd_div(s, denom);
      for (size_t i = 0; i < len; i++) col[i] = dd_sub(col[i], dd_mul(t, v[i]));
    }
    v[0] = beta;
  }
  return 0;
}

/* Coefficients, the factor F = R^-1 (so (X'WX)^-1 = F F') and the RSS from the factored a. */
static void solve_from_r(sl_ols_fit *f, const dd *a, size_t m, const size_t *kept, dd *rinv,
                         double *ess) {
  size_t r = f->rank;
  const dd *z = a + r * m;
  dd rss = {0, 0}, explained = {0, 0};
  for (size_t i = r; i < m; i++) rss = dd_add(rss, dd_mul(z[i], z[i]));
  /* Column 0, the intercept when there is one, is never aliased: the rows of Q'y after it are
   * the explained part. */
  for (size_t i = f->intercept ? 1 : 0; i < r; i++) explained = dd_add(explained, dd_mul(z[i], z[i]));
  f->rss = rss.hi;
  *ess = explained.hi;
  for (size_t l = 0; l < r; l++) {
    rinv[l + l * r] = dd_div((dd){1, 0}, a[l + l * m]);
    for (size_t i = l; i-- > 0;) {
      dd s = {0, 0};
      for (size_t j = i + 1; j <= l; j++) s = dd_add(s, dd_mul(a[i + j * m], rinv[j + l * r]));
      rinv[i + l * r] = dd_neg(dd_div(s, a[i + i * m]));
    }
    for (size_t i = l + 1; i < r; i++) rinv[i + l * r] = (dd){0, 0};
  }
  for (size_t j = 0; j < f->p; j++) f->coef[j] = NAN;
  for (size_t k = 0; k < r; k++) {
    dd c = {0, 0};
    for (size_t l = k; l < r; l++) c = dd_add(c, dd_mul(rinv[k + l * r], z[l]));
    f->coef[kept[k]] = c.hi;
    for (size_t l = 0; l < r; l++) f->cov_factor[kept[k] * r + l] = rinv[k + l * r].hi;
  }
}

int sl_ols_solve_dd(sl_ols_fit *f, const sl_rows *rows, const sl_ols_options *opt, double *ess,
                    sl_error *err) {
  size_t r = f->rank, m = f->n, c = r + 1;
  size_t *kept = malloc((r ? r : 1) * sizeof *kept);
  dd *a = malloc((m ? m : 1) * c * sizeof *a), *rinv = malloc((r ? r * r : 1) * sizeof *rinv);
  int st = kept && a && rinv ? SL_OK : sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  for (size_t k = 0, j = 0; !st && j < f->p; j++)
    if (!f->aliased[j]) kept[k++] = j;
  if (!st) st = read_rows(f, rows, opt, kept, a, m, err);
  if (!st && householder(a, m, c))
    st = sl_error_set(err, SL_ESING, NULL, 0, 0, "regression: triangular factor is singular");
  if (!st) solve_from_r(f, a, m, kept, rinv, ess);
  free(kept), free(a), free(rinv);
  return st;
}
