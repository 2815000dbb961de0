/* test_regress_range.c - least squares on data whose squares leave the range of a double.
 *
 * Values near 1e200 square to 1e400 (Inf) and values near 1e-200 to 1e-400 (0), although the
 * values, the coefficients and sigma are all representable. The expected results follow from
 * the unscaled problem by the algebra of least squares, not from another run of the same code:
 * fitting y sy on x sx gives b_j sy / sx_j (the intercept b_0 sy), standard errors likewise,
 * sigma sy, fitted values and residuals sy, and the same t, p, R², F, leverage and Cook's
 * distance. Decimal factors (1e200) are not powers of two, so the scaled data are rounded
 * copies: agreement is checked to 1e-12 relative. Also: the overflow of the first factor
 * (values near 1e300), the double-double and refinement paths, a design with a power column
 * (its rounding remainders), ridge, estimates beyond the range of a double, a constant response
 * and sl_ols_check_summary(). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "scoutlab/design.h"
#include "scoutlab/regress.h"

#define N 40
/* More rows than the double-double solve takes (rows x (p+1)^2 > SL_REGRESS_DD_MAX_WORK), so an
 * ill-conditioned fit is improved by the long-double refinement instead. */
#define N_LARGE 70000
#define TOL 1e-12

/* Deterministic rows: x1 = i, x2 nearly collinear with x1 when `collinear` (condition ~1e4,
 * which sends the fit to the improvement paths), y = 3 + 0.5 x1 - 0.25 x2 + noise. */
static void make_data(size_t n, int collinear, double *x, double *y, double *w) {
  for (size_t i = 0; i < n; i++) {
    double x1 = (double)(i + 1), e = (double)((i * 7919) % 23) / 10 - 1.1;
    double x2 = collinear ? x1 + (double)((i * 31) % 7) * 1e-3 : (double)((i * i) % 17);
    x[i] = 1, x[i + n] = x1, x[i + 2 * n] = x2;
    y[i] = 3 + 0.5 * x1 - 0.25 * x2 + e;
    if (w) w[i] = 1 + (double)(i % 4);
  }
}

/* The fit of (x sx, y sy) against the fit of (x, y): every number as the algebra says. */
static void check_scaled(const sl_ols_fit *b, const sl_ols_fit *s, double sx, double sy,
                         const char *what) {
  for (size_t j = 0; j < b->p; j++) {
    double k = j == 0 ? sy : sy / sx;
    SL_CHECK_REL(s->coef[j], b->coef[j] * k, TOL, "%s: coef[%zu]", what, j);
    SL_CHECK_REL(s->std_error[j], b->std_error[j] * k, TOL, "%s: se[%zu]", what, j);
    SL_CHECK_REL(s->t_value[j], b->t_value[j], TOL, "%s: t[%zu]", what, j);
    SL_CHECK_REL(s->p_value[j], b->p_value[j], 1e-9, "%s: p[%zu]", what, j);
  }
  SL_CHECK_REL(s->sigma, b->sigma * sy, TOL, "%s: sigma", what);
  SL_CHECK_REL(s->r_squared, b->r_squared, TOL, "%s: R2", what);
  SL_CHECK_REL(s->adj_r_squared, b->adj_r_squared, TOL, "%s: adjusted R2", what);
  SL_CHECK_REL(s->f_statistic, b->f_statistic, 1e-10, "%s: F", what);
  INT_EQ(s->n, b->n, "%s: n", what);
  INT_EQ(s->rank, b->rank, "%s: rank", what);
  sl_error err;
  INT_EQ(sl_ols_check_summary(s, &err), SL_OK, "%s: a printable summary", what);
  for (size_t i = 0; s->fitted && i < s->n_rows; i += 7) {
    SL_CHECK_REL(s->fitted[i], b->fitted[i] * sy, TOL, "%s: fitted[%zu]", what, i);
    SL_CHECK_REL(s->residuals[i], b->residuals[i] * sy, 1e-9, "%s: residual[%zu]", what, i);
    SL_CHECK_REL(s->hat[i], b->hat[i], TOL, "%s: hat[%zu]", what, i);
    SL_CHECK_REL(s->cooks[i], b->cooks[i], 1e-9, "%s: Cook's distance[%zu]", what, i);
  }
}

/* One problem at the scales 1e200 and 1e-200 for x and y in every combination, and near the top
 * of the range (1e306, where even the first factor overflows unless the rows are scaled).
 * exact: the nearest powers of two instead, so the scaled data hold the same digits. An
 * ill-conditioned problem needs them: the decimal copies are rounded, and a condition of ~1e5
 * turns those roundings (1e-16) into ~1e-11 in the estimates - a different problem. */
static void scales(size_t n, int collinear, int weighted, int influence, int exact, const char *what) {
  size_t p = 3;
  double *x = malloc(n * p * sizeof *x), *y = malloc(n * sizeof *y), *w = malloc(n * sizeof *w);
  double *xs = malloc(n * p * sizeof *xs), *ys = malloc(n * sizeof *ys);
  make_data(n, collinear, x, y, w);
  const double *wt = weighted ? w : NULL;
  sl_ols_options opt = {.influence = influence};
  sl_ols_fit *base = NULL;
  sl_error err;
  INT_EQ(sl_ols_fit_matrix(x, n, y, wt, n, p, NULL, 1, &opt, &base, &err), SL_OK, "%s: base fit", what);
  /* 2^664 ~ 1.2e200, 2^997 ~ 1.3e300: exact copies of the data, for the ill-conditioned case. */
  const double factor[][2] = {{1e200, 1e200}, {1e-200, 1e-200}, {1e200, 1}, {1, 1e200},
                              {1e-200, 1}, {1, 1e-200}, {1e300, 1e300}, {1e-300, 1e-300},
                              {1e306, 1e306}};
  for (size_t k = 0; base && k < sizeof factor / sizeof factor[0]; k++) {
    double sx = factor[k][0], sy = factor[k][1];
    if (exact) sx = ldexp(1, ilogb(sx)), sy = ldexp(1, ilogb(sy));
    /* 1e306 is for the small problems (x up to 40); the large one's x would overflow. */
    if (!isfinite(x[2 * n - 1] * sx * 2)) continue;
    for (size_t i = 0; i < n; i++) {
      xs[i] = 1, xs[i + n] = x[i + n] * sx, xs[i + 2 * n] = x[i + 2 * n] * sx;
      ys[i] = y[i] * sy;
    }
    char label[128];
    snprintf(label, sizeof label, "%s, x %g, y %g", what, sx, sy);
    sl_ols_fit *s = NULL;
    INT_EQ(sl_ols_fit_matrix(xs, n, ys, wt, n, p, NULL, 1, &opt, &s, &err), SL_OK, "%s: fit (%s)", label,
           s ? "" : err.message);
    if (s) check_scaled(base, s, sx, sy, label);
    sl_ols_fit_free(s);
  }
  sl_ols_fit_free(base);
  free(x), free(y), free(w), free(xs), free(ys);
}

/* A design with I(x^2): the power column's rounding remainders reach the double-double solve
 * scaled as the column is. x near 1e100 makes x^2 near 1e200; y is near 1e-100. */
static void power_column(void) {
  double x[N], xs[N], y[N], ys[N];
  for (int i = 0; i < N; i++) {
    x[i] = 1 + i / 10.0, xs[i] = x[i] * 1e100;
    y[i] = 2 + 0.3 * x[i] - 0.7 * x[i] * x[i] + ((i * 13) % 11) / 20.0;
    ys[i] = y[i] * 1e-100;
  }
  sl_ols_fit *fits[2] = {NULL, NULL};
  for (int k = 0; k < 2; k++) {
    sl_design *d = sl_design_new(N, 1);
    sl_error err;
    sl_rows rows;
    int st = sl_design_set_response(d, "y", k ? ys : y, &err);
    if (!st) st = sl_design_add_numeric(d, "x", k ? xs : x, NULL, &err);
    if (!st) st = sl_design_add_power(d, "x", k ? xs : x, 2, NULL, &err);
    if (!st) st = sl_design_prepare(d, &err);
    if (!st) st = sl_design_rows(d, &rows, &err);
    sl_ols_options opt = {.fill_lo = sl_design_fill_lo};
    if (!st) st = sl_ols_fit_rows(&rows, &opt, &fits[k], &err);
    INT_EQ(st, SL_OK, "power design %d: %s", k, st ? err.message : "");
    sl_design_free(d);
  }
  if (fits[0] && fits[1]) {
    double k[3] = {1e-100, 1e-200, 1e-300}; /* y's scale over the column's */
    for (int j = 0; j < 3; j++) {
      SL_CHECK_REL(fits[1]->coef[j], fits[0]->coef[j] * k[j], TOL, "power design: coef[%d]", j);
      SL_CHECK_REL(fits[1]->std_error[j], fits[0]->std_error[j] * k[j], TOL, "power design: se[%d]", j);
    }
    SL_CHECK_REL(fits[1]->sigma, fits[0]->sigma * 1e-100, TOL, "power design: sigma");
    SL_CHECK_REL(fits[1]->r_squared, fits[0]->r_squared, TOL, "power design: R2");
  }
  sl_ols_fit_free(fits[0]);
  sl_ols_fit_free(fits[1]);
}

/* Estimates that a double cannot hold, a constant response, and summaries that are not finite. */
static void refusals(void) {
  double x[2 * N], y[N];
  for (int i = 0; i < N; i++) x[i] = 1, x[i + N] = (1 + i % 9) * 1e-200, y[i] = (2 + i % 5) * 1e200;
  sl_ols_fit *f = NULL;
  sl_error err;
  const char *names[] = {"(Intercept)", "x"};
  INT_EQ(sl_ols_fit_matrix(x, N, y, NULL, N, 2, names, 1, NULL, &f, &err), SL_EDATA, "slope 1e400");
  STR_EQ(err.message, "regression: the estimate for x is -inf, outside the range of a double (the "
                      "response and this column differ in scale by a factor near 1e308 or more: "
                      "rescale one of them)", "slope 1e400: message");
  OK(f == NULL, "no fit");
  for (int i = 0; i < N; i++) x[i + N] = i, y[i] = 2;
  INT_EQ(sl_ols_fit_matrix(x, N, y, NULL, N, 2, names, 1, NULL, &f, &err), SL_EDATA, "constant response");
  STR_EQ(err.message, "regression: the response is constant (2 on every row used): there is no "
                      "variation to explain", "constant response: message");
  /* Without an intercept a constant response is a slope through the origin; 0 is not. */
  INT_EQ(sl_ols_fit_matrix(x + N, N, y, NULL, N, 1, names + 1, 0, NULL, &f, &err), SL_OK, "y = 2 through 0");
  sl_ols_fit_free(f), f = NULL;
  for (int i = 0; i < N; i++) y[i] = 0;
  INT_EQ(sl_ols_fit_matrix(x + N, N, y, NULL, N, 1, names + 1, 0, NULL, &f, &err), SL_EDATA, "y = 0 through 0");
  /* A zero-weight row with another response does not make the response vary. */
  double w[N];
  for (int i = 0; i < N; i++) y[i] = 2, w[i] = i == 5 ? 0 : 1;
  y[5] = 9;
  INT_EQ(sl_ols_fit_matrix(x, N, y, w, N, 2, names, 1, NULL, &f, &err), SL_EDATA, "constant where weighted");
  /* As many rows as coefficients: a fit, but no summary. */
  double x2[4] = {1, 1, 0, 1}, y2[2] = {1, 3};
  INT_EQ(sl_ols_fit_matrix(x2, 2, y2, NULL, 2, 2, names, 1, NULL, &f, &err), SL_OK, "2 rows, 2 coefficients");
  if (f) {
    INT_EQ(sl_ols_check_summary(f, &err), SL_EDATA, "no residual df");
    STR_EQ(err.message, "regression: 2 rows for 2 estimated coefficients leave no residual degrees "
                        "of freedom: the residual standard error, standard errors and tests are "
                        "undefined (need more rows than coefficients)", "no residual df: message");
  }
  sl_ols_fit_free(f);
}

/* Rows of make_data() with x scaled by sx and y by sy. */
typedef struct scaled_data {
  const double *x, *y;
  size_t n;
  double sx, sy;
} scaled_data;

static int scaled_data_fill(const void *ctx, size_t first, size_t count, double *x, size_t ldx,
                            double *y, double *w, sl_error *err) {
  const scaled_data *d = ctx;
  (void)w, (void)err;
  for (size_t k = 0; k < count; k++) {
    size_t i = first + k;
    x[k] = 1, x[k + ldx] = d->x[i + d->n] * d->sx, x[k + 2 * ldx] = d->x[i + 2 * d->n] * d->sx;
    y[k] = d->y[i] * d->sy;
  }
  return SL_OK;
}

/* Ridge standardises the predictors, so x sx changes only its coefficients (by 1/sx); y sy
 * scales the coefficients by sy and RSS, GCV and CV scores by sy², so the same penalty wins.
 * A residual sum of squares that a double cannot hold is refused, never printed as inf or 0. */
static void ridge(void) {
  double x[3 * N], y[N];
  make_data(N, 0, x, y, NULL);
  const char *names[] = {"(Intercept)", "x1", "x2"};
  const sl_ridge_options opts[] = {{SL_RIDGE_FIXED, 2.5, 0, 0, 0, 0, 0}, {SL_RIDGE_GCV, 0, 0, 0, 0, 0, 0},
                                   {SL_RIDGE_CV, 0, 5, 11, 0, 0, 0}};
  const double factor[][2] = {{1e200, 1}, {1e-200, 1}, {1e200, 1e100}, {1e-200, 1e-100}};
  sl_error err;
  for (size_t m = 0; m < sizeof opts / sizeof opts[0]; m++) {
    scaled_data d0 = {x, y, N, 1, 1};
    sl_rows rows0 = {N, 3, names, 1, 0, scaled_data_fill, &d0, 0};
    sl_ridge_fit *base = NULL;
    INT_EQ(sl_ridge_fit_rows(&rows0, &opts[m], &base, &err), SL_OK, "ridge %zu: base", m);
    for (size_t k = 0; base && k < sizeof factor / sizeof factor[0]; k++) {
      double sx = factor[k][0], sy = factor[k][1];
      scaled_data d = {x, y, N, sx, sy};
      sl_rows rows = {N, 3, names, 1, 0, scaled_data_fill, &d, 0};
      sl_ridge_fit *r = NULL;
      INT_EQ(sl_ridge_fit_rows(&rows, &opts[m], &r, &err), SL_OK, "ridge %zu, x %g, y %g: %s", m, sx, sy,
             r ? "" : err.message);
      if (!r) continue;
      SL_CHECK_REL(r->lambda, base->lambda, 0, "ridge %zu, x %g, y %g: the same penalty", m, sx, sy);
      SL_CHECK_REL(r->coef[0], base->coef[0] * sy, TOL, "ridge %zu, x %g, y %g: intercept", m, sx, sy);
      for (int j = 1; j < 3; j++) {
        SL_CHECK_REL(r->coef[j], base->coef[j] * sy / sx, TOL, "ridge %zu, x %g, y %g: coef[%d]", m, sx, sy, j);
        SL_CHECK_REL(r->center[j], base->center[j] * sx, TOL, "ridge %zu, x %g: center[%d]", m, sx, j);
        SL_CHECK_REL(r->scale[j], base->scale[j] * sx, TOL, "ridge %zu, x %g: scale[%d]", m, sx, j);
      }
      SL_CHECK_REL(r->rss, base->rss * sy * sy, TOL, "ridge %zu, x %g, y %g: RSS", m, sx, sy);
      SL_CHECK_REL(r->gcv, base->gcv * sy * sy, TOL, "ridge %zu, x %g, y %g: GCV", m, sx, sy);
      SL_CHECK_REL(r->df, base->df, TOL, "ridge %zu, x %g, y %g: df", m, sx, sy);
      sl_ridge_fit_free(r);
    }
    sl_ridge_fit_free(base);
  }
  const double out_of_range[] = {1e200, 1e-200};
  const char *expect[] = {"ridge: the residual sum of squares is inf, outside the range of a double "
                          "(responses beyond about 1e154: rescale the response)",
                          "ridge: the residual sum of squares is below the range of a double "
                          "(responses near 1e-154 or smaller: rescale the response)"};
  for (int k = 0; k < 2; k++) {
    scaled_data d = {x, y, N, 1, out_of_range[k]};
    sl_rows rows = {N, 3, names, 1, 0, scaled_data_fill, &d, 0};
    sl_ridge_fit *r = NULL;
    INT_EQ(sl_ridge_fit_rows(&rows, &opts[0], &r, &err), SL_EDATA, "ridge, y %g: refused", out_of_range[k]);
    STR_EQ(err.message, expect[k], "ridge, y %g: message", out_of_range[k]);
    OK(r == NULL, "ridge, y %g: no fit", out_of_range[k]);
  }
}

int main(void) {
  scales(N, 0, 0, 1, 0, "well-conditioned");
  scales(N, 0, 1, 1, 0, "well-conditioned, weighted");
  scales(N, 1, 0, 1, 1, "collinear, small (double-double solve)");
  scales(N, 1, 1, 1, 1, "collinear, weighted");
  scales(N_LARGE, 1, 0, 0, 1, "collinear, large (refinement)");
  power_column();
  refusals();
  ridge();
  return SL_TEST_DONE();
}
