/* test_regress.c - regress and design behaviour with expected values worked out by hand:
 * exact recovery across many row blocks, zero weights, integer weights as copies of rows on a
 * wide design (leverage and predict cross-checked), ridge in closed form, reproducible CV
 * folds, save/load round trips and refusals (every truncation of a model file), bad input,
 * and the design's skip report. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "scoutlab/design.h"
#include "scoutlab/regress.h"

/* More rows than three blocks, and not a multiple of the block size. */
#define BIG_N (3 * SL_REGRESS_BLOCK_ROWS + 123)

/* y = 2 - 3 x1 + 0.5 x2 exactly (small integers, so every product is exact): the fit must give
 * these coefficients to rounding, RSS ~ 0 and R² = 1, whatever the block boundaries. */
static void test_exact_recovery(void) {
  size_t n = BIG_N, p = 3;
  double *x = malloc(n * p * sizeof *x), *y = malloc(n * sizeof *y);
  for (size_t i = 0; i < n; i++) {
    double x1 = (double)(i % 97), x2 = (double)((i * 31) % 101);
    x[i] = 1, x[i + n] = x1, x[i + 2 * n] = x2;
    y[i] = 2 - 3 * x1 + 0.5 * x2;
  }
  sl_ols_fit *f = NULL;
  sl_error err;
  INT_EQ(sl_ols_fit_matrix(x, n, y, NULL, n, p, NULL, 1, NULL, &f, &err), SL_OK, "fit");
  if (f) {
    SL_CHECK_REL(f->coef[0], 2.0, 1e-12, "b0");
    SL_CHECK_REL(f->coef[1], -3.0, 1e-12, "b1");
    SL_CHECK_REL(f->coef[2], 0.5, 1e-12, "b2");
    OK(f->sigma < 1e-9, "sigma %g ~ 0", f->sigma);
    SL_CHECK_REL(f->r_squared, 1.0, 1e-14, "R2");
    INT_EQ(f->n, n, "rows");
    STR_EQ(f->names[1], "x2", "default names x1..xp");
  }
  sl_ols_fit_free(f);
  free(x);
  free(y);
}

/* Integer weights on a wide design over several blocks: row i with weight k fits as k copies of
 * the row (R's lm: same coefficients and weighted RSS). The leverage of a weighted row is
 * h_i = w_i x_i'(X'WX)^-1 x_i, so sl_ols_predict's standard error at a training row must be
 * sigma sqrt(h_i / w_i), and the h_i sum to the rank: the block reader's scaling, the
 * influence pass and the predict loop checked against each other (issue 19 reordered all
 * three loops for the cache). */
#define WIDE_P 40
static double wide_x(size_t i, size_t j) {
  return j == 0 ? 1.0 : (double)((i * (2 * j + 1) + j * j) % (11 + 2 * j)) - (double)j;
}

static void test_weighted_wide_blocks(void) {
  size_t n = BIG_N, p = WIDE_P, reps = 0;
  double *x = malloc(n * p * sizeof *x), *y = malloc(n * sizeof *y), *w = malloc(n * sizeof *w);
  uint64_t state = 19;
  for (size_t i = 0; i < n; i++) {
    double lin = 0;
    for (size_t j = 0; j < p; j++) x[i + j * n] = wide_x(i, j), lin += x[i + j * n] * (double)(j % 5) * 0.25;
    y[i] = lin + (double)(sl_splitmix64(&state) >> 11) / 9007199254740992.0;
    w[i] = (double)(i % 4); /* 0, 1, 2, 3: a quarter of the rows weigh nothing */
    reps += (size_t)w[i];
  }
  double *xr = malloc(reps * p * sizeof *xr), *yr = malloc(reps * sizeof *yr);
  for (size_t i = 0, r = 0; i < n; i++)
    for (int k = 0; k < (int)w[i]; k++, r++) {
      for (size_t j = 0; j < p; j++) xr[r + j * reps] = x[i + j * n];
      yr[r] = y[i];
    }
  sl_ols_options opt = {.influence = 1};
  sl_ols_fit *a = NULL, *b = NULL;
  sl_error err;
  INT_EQ(sl_ols_fit_matrix(x, n, y, w, n, p, NULL, 1, &opt, &a, &err), SL_OK, "weighted: %s", err.message);
  INT_EQ(sl_ols_fit_matrix(xr, reps, yr, NULL, reps, p, NULL, 1, NULL, &b, &err), SL_OK, "copies");
  if (a && b) {
    INT_EQ(a->rank, p, "full rank");
    INT_EQ(a->n, n - (n + 3) / 4, "rows of weight 0 are not counted");
    for (size_t j = 0; j < p; j++) SL_CHECK_REL(a->coef[j], b->coef[j], 1e-9, "coef %zu", j);
    SL_CHECK_REL(a->rss, b->rss, 1e-9, "weighted RSS = RSS of the copies");
    double hsum = 0, xrow[WIDE_P];
    int predict_ok = 1;
    for (size_t i = 0; i < n; i++) {
      hsum += a->hat[i];
      double fit = 0;
      for (size_t j = 0; j < p; j++) xrow[j] = x[i + j * n], fit += xrow[j] * a->coef[j];
      if (fabs(a->fitted[i] - fit) > 1e-9 * (1 + fabs(fit))) predict_ok = 0;
      if (w[i] == 0 || i % 97) continue; /* every 97th weighted row through predict */
      sl_ols_interval iv;
      INT_EQ(sl_ols_predict(a, xrow, 1, 0.95, &iv, &err), SL_OK, "predict row %zu", i);
      SL_CHECK_REL(iv.fit, fit, 1e-9, "predict fit row %zu", i);
      SL_CHECK_REL(iv.se_fit, a->sigma * sqrt(a->hat[i] / w[i]), 1e-9, "se_fit row %zu = sigma sqrt(h/w)", i);
    }
    OK(predict_ok, "fitted values are x_i'b");
    SL_CHECK_REL(hsum, (double)p, 1e-9, "leverages sum to the rank");
  }
  sl_ols_fit_free(a);
  sl_ols_fit_free(b);
  free(x), free(y), free(w), free(xr), free(yr);
}

/* Zero weights drop rows from n and df as R's lm does: the fit equals the fit without them. */
static void test_zero_weights(void) {
  double x[12], y[6] = {1, 3, 2, 5, 4, 100}, w[6] = {1, 1, 1, 1, 1, 0};
  for (int i = 0; i < 6; i++) x[i] = 1, x[i + 6] = i;
  sl_ols_fit *a = NULL, *b = NULL;
  sl_ols_options opt = {.influence = 1};
  sl_error err;
  INT_EQ(sl_ols_fit_matrix(x, 6, y, w, 6, 2, NULL, 1, &opt, &a, &err), SL_OK, "weighted");
  double x5[10];
  for (int i = 0; i < 5; i++) x5[i] = 1, x5[i + 5] = i;
  INT_EQ(sl_ols_fit_matrix(x5, 5, y, NULL, 5, 2, NULL, 1, NULL, &b, &err), SL_OK, "dropped");
  if (a && b) {
    INT_EQ(a->n, 5, "n counts positive weights");
    INT_EQ(a->df_residual, 3, "df");
    SL_CHECK_REL(a->coef[1], b->coef[1], 1e-14, "slope");
    SL_CHECK_REL(a->sigma, b->sigma, 1e-14, "sigma");
    /* Hand: x = 0..4, y = 1 3 2 5 4: Sxy = 8, Sxx = 10, slope 0.8, intercept 3 - 1.6 = 1.4;
     * fitted at x = 5 is 5.4. */
    SL_CHECK_REL(a->coef[1], 0.8, 1e-14, "slope by hand");
    SL_CHECK_REL(a->fitted[5], 5.4, 1e-14, "zero-weight row still gets a fitted value");
    SL_CHECK_REL(a->hat[5], 0.0, 0, "zero-weight row has no leverage");
  }
  sl_ols_fit_free(a);
  sl_ols_fit_free(b);
}

static int xy_fill(const void *ctx, size_t first, size_t count, double *x, size_t ldx, double *y,
                   double *w, sl_error *err) {
  const double *d = ctx; /* rows of (x1, x2, y) */
  (void)w, (void)err;
  for (size_t k = 0; k < count; k++) {
    const double *r = d + 3 * (first + k);
    x[k] = 1, x[k + ldx] = r[0], x[k + 2 * ldx] = r[1], y[k] = r[2];
  }
  return SL_OK;
}

/* Ridge with two predictors in closed form: on standardised z1, z2 with correlation rho
 * (Z'Z = n [1 rho; rho 1]) and Z'y = n [c1; c2],
 *   c = n/((n+l)² - (n rho)²) [ (n+l) c1 - n rho c2 ; (n+l) c2 - n rho c1 ]. */
static void test_ridge_closed_form(void) {
  enum { N = 8 };
  double d[3 * N] = {1, 2, 3.1, 2, 1, 3.9, 3, 5, 7.2, 4, 3, 8.1, 5, 8, 11.0, 6, 4, 10.2, 7, 9, 14.1, 8, 6, 13.8};
  const char *names[] = {"(Intercept)", "x1", "x2"};
  sl_rows rows = {N, 3, names, 1, 0, xy_fill, d, 0};
  double m[3] = {0}, s[2] = {0}, sxy[2] = {0}, s12 = 0;
  for (int i = 0; i < N; i++)
    for (int j = 0; j < 3; j++) m[j] += d[3 * i + j] / N;
  for (int i = 0; i < N; i++) {
    double a = d[3 * i] - m[0], b = d[3 * i + 1] - m[1], yy = d[3 * i + 2] - m[2];
    s[0] += a * a, s[1] += b * b, s12 += a * b, sxy[0] += a * yy, sxy[1] += b * yy;
  }
  double sd1 = sqrt(s[0] / N), sd2 = sqrt(s[1] / N), rho = s12 / N / (sd1 * sd2);
  double c1 = sxy[0] / N / sd1, c2 = sxy[1] / N / sd2, l = 2.5, n = N;
  double den = (n + l) * (n + l) - (n * rho) * (n * rho);
  double g1 = n * ((n + l) * c1 - n * rho * c2) / den, g2 = n * ((n + l) * c2 - n * rho * c1) / den;
  double b1 = g1 / sd1, b2 = g2 / sd2, b0 = m[2] - b1 * m[0] - b2 * m[1];
  sl_ridge_options o = {SL_RIDGE_FIXED, l, 0, 0, 0, 0, 0};
  sl_ridge_fit *r = NULL;
  sl_error err;
  INT_EQ(sl_ridge_fit_rows(&rows, &o, &r, &err), SL_OK, "ridge");
  if (r) {
    SL_CHECK_REL(r->coef[0], b0, 1e-12, "ridge intercept");
    SL_CHECK_REL(r->coef[1], b1, 1e-12, "ridge b1");
    SL_CHECK_REL(r->coef[2], b2, 1e-12, "ridge b2");
    SL_CHECK_REL(r->scale[1], sd1, 1e-14, "sd divisor n");
  }
  sl_ridge_fit_free(r);
  /* lambda = 0 is OLS. */
  sl_ols_fit *ols = NULL;
  o.lambda = 0;
  INT_EQ(sl_ridge_fit_rows(&rows, &o, &r, &err), SL_OK, "ridge 0");
  INT_EQ(sl_ols_fit_rows(&rows, NULL, &ols, &err), SL_OK, "ols");
  for (int j = 0; r && ols && j < 3; j++) SL_CHECK_REL(r->coef[j], ols->coef[j], 1e-11, "ridge(0) = OLS [%d]", j);
  sl_ridge_fit_free(r);
  sl_ols_fit_free(ols);
}

/* Same seed, same folds, same choice; GCV picks the grid minimum. */
static void test_ridge_cv(void) {
  enum { N = 200 };
  double *d = malloc(3 * N * sizeof *d);
  uint64_t state = 42;
  for (int i = 0; i < N; i++) {
    double u = (double)(sl_splitmix64(&state) >> 11) / 9007199254740992.0;
    double v = (double)(sl_splitmix64(&state) >> 11) / 9007199254740992.0;
    d[3 * i] = i % 10, d[3 * i + 1] = (i % 10) + u, d[3 * i + 2] = 1 + (i % 10) + v;
  }
  const char *names[] = {"(Intercept)", "a", "b"};
  sl_rows rows = {N, 3, names, 1, 0, xy_fill, d, 0};
  sl_ridge_options o = {SL_RIDGE_CV, 0, 5, 7, 0, 0, 0};
  sl_ridge_fit *r1 = NULL, *r2 = NULL, *g = NULL;
  sl_error err;
  INT_EQ(sl_ridge_fit_rows(&rows, &o, &r1, &err), SL_OK, "cv 1: %s", err.message);
  INT_EQ(sl_ridge_fit_rows(&rows, &o, &r2, &err), SL_OK, "cv 2");
  if (r1 && r2) {
    OK(r1->lambda == r2->lambda, "same seed, same lambda");
    for (size_t k = 0; k < r1->grid_size; k++)
      OK(r1->grid_score[k] == r2->grid_score[k], "same seed, same CV score at %zu", k);
    INT_EQ(r1->grid_size, SL_RIDGE_GRID_SIZE, "default grid");
    SL_CHECK_REL(r1->grid_lambda[0], N * SL_RIDGE_GRID_MIN, 1e-12, "grid start");
  }
  o.method = SL_RIDGE_GCV;
  INT_EQ(sl_ridge_fit_rows(&rows, &o, &g, &err), SL_OK, "gcv");
  if (g) {
    size_t best = 0;
    for (size_t k = 1; k < g->grid_size; k++)
      if (g->grid_score[k] < g->grid_score[best]) best = k;
    OK(g->lambda == g->grid_lambda[best], "GCV chooses the grid minimum");
    SL_CHECK_REL(g->gcv, g->grid_score[best], 1e-12, "reported GCV");
  }
  o.method = SL_RIDGE_CV, o.folds = 1;
  sl_ridge_fit *bad = NULL;
  INT_EQ(sl_ridge_fit_rows(&rows, &o, &bad, &err), SL_EINVAL, "1 fold refused");
  OK(bad == NULL, "no fit on error");
  sl_ridge_fit_free(r1);
  sl_ridge_fit_free(r2);
  sl_ridge_fit_free(g);
  free(d);
}

static sl_ols_fit *small_fit(void) {
  /* x3 = x1 + x2 is aliased; names contain a space and a colon, as real headers do. */
  double x[4 * 7], y[7] = {1.5, 2.25, 2.0, 4.75, 5.5, 5.0, 8.125};
  for (int i = 0; i < 7; i++)
    x[i] = 1, x[i + 7] = i, x[i + 14] = (i * i) % 5, x[i + 21] = i + (i * i) % 5;
  const char *names[] = {"(Intercept)", "market value", "a:b", "sum"};
  sl_ols_fit *f = NULL;
  sl_error err;
  sl_ols_fit_matrix(x, 7, y, NULL, 7, 4, names, 1, NULL, &f, &err);
  return f;
}

static void test_save_load(void) {
  sl_ols_fit *f = small_fit(), *g = NULL;
  OK(f && f->rank == 3 && f->aliased[3], "small fit with 'sum' aliased");
  if (!f) return;
  const char *path = "test_regress_model.txt";
  sl_error err;
  INT_EQ(sl_ols_save(f, path, &err), SL_OK, "save");
  const char *names[] = {"(Intercept)", "market value", "a:b", "sum"};
  INT_EQ(sl_ols_load(path, names, 4, &g, &err), SL_OK, "load: %s", err.message);
  if (g) {
    for (size_t j = 0; j < 4; j++) {
      OK(memcmp(&f->coef[j], &g->coef[j], sizeof(double)) == 0, "coef %zu bit-identical", j);
      OK(memcmp(&f->p_value[j], &g->p_value[j], sizeof(double)) == 0, "p %zu identical", j);
      STR_EQ(g->names[j], names[j], "name %zu", j);
    }
    double x0[4] = {1, 2.5, 3, 0};
    sl_ols_interval a, b;
    sl_ols_predict(f, x0, 1, 0.95, &a, &err);
    sl_ols_predict(g, x0, 1, 0.95, &b, &err);
    OK(a.fit == b.fit && a.pred_high == b.pred_high, "same predictions after load");
  }
  sl_ols_fit_free(g);
  g = NULL;
  const char *other[] = {"(Intercept)", "market_value", "a:b", "sum"};
  INT_EQ(sl_ols_load(path, other, 4, &g, &err), SL_EVERSION, "other column names refused");
  OK(strstr(err.message, "'market value'") && strstr(err.message, "'market_value'"),
     "message names both: %s", err.message);
  INT_EQ(sl_ols_load(path, other, 3, &g, &err), SL_EVERSION, "other column count refused");
  /* Every truncation and a few corruptions must fail cleanly (ASan/UBSan watch for crashes). */
  FILE *fp = fopen(path, "rb");
  static char buf[1 << 16];
  size_t len = fp ? fread(buf, 1, sizeof buf, fp) : 0;
  if (fp) fclose(fp);
  int clean = 1;
  for (size_t cut = 0; cut + 1 < len; cut++) {
    int st = sl_ols_load_buffer("cut", buf, cut, NULL, 0, &g, &err);
    if (st == SL_OK || g) clean = 0, sl_ols_fit_free(g), g = NULL;
  }
  OK(clean, "every truncated model file is refused");
  static char bad[1 << 16];
  memcpy(bad, buf, len);
  memcpy(bad, "scoutlab-ols 3", 14);
  INT_EQ(sl_ols_load_buffer("v3", bad, len, NULL, 0, &g, &err), SL_EVERSION, "version 3 refused");
  OK(strstr(err.message, "version 3") != NULL, "message names the version: %s", err.message);
  /* Version 2 is version 1 plus a design block: without it the file is damaged. */
  memcpy(bad, "scoutlab-ols 2", 14);
  INT_EQ(sl_ols_load_buffer("v2", bad, len, NULL, 0, &g, &err), SL_EPARSE, "version 2 without its design block");
  for (size_t i = 0; i < len; i += 7) {
    memcpy(bad, buf, len);
    bad[i] = (char)(bad[i] ^ 0x5a);
    if (sl_ols_load_buffer("flip", bad, len, NULL, 0, &g, &err) == SL_OK) sl_ols_fit_free(g);
    g = NULL;
  }
  INT_EQ(sl_ols_load_buffer("bin", "\0\1\2", 3, NULL, 0, &g, &err), SL_EPARSE, "binary refused");
  INT_EQ(sl_ols_load("/nonexistent/model.txt", NULL, 0, &g, &err), SL_EIO, "missing file");
  remove(path);
  sl_ols_fit_free(f);
}

static void test_bad_input(void) {
  double x[6] = {1, 1, 1, 0, 1, NAN}, y[3] = {1, 2, 3}, w[3] = {1, -1, 1};
  sl_ols_fit *f = NULL;
  sl_error err;
  INT_EQ(sl_ols_fit_matrix(x, 3, y, NULL, 3, 2, NULL, 1, NULL, &f, &err), SL_EDATA, "NaN refused");
  OK(strstr(err.message, "row 3") && strstr(err.message, "x2"), "message: %s", err.message);
  x[5] = 2;
  INT_EQ(sl_ols_fit_matrix(x, 3, y, w, 3, 2, NULL, 1, NULL, &f, &err), SL_EDATA, "negative weight");
  INT_EQ(sl_ols_fit_matrix(x, 3, y, NULL, 1, 2, NULL, 1, NULL, &f, &err), SL_EDATA, "1 row, 2 params");
  OK(strstr(err.message, "1 usable rows for 2 parameters") != NULL, "message: %s", err.message);
  OK(f == NULL, "no fit on error");
  sl_ols_interval iv;
  double one[2] = {1, 1};
  INT_EQ(sl_ols_fit_matrix(x, 3, y, NULL, 3, 2, NULL, 1, NULL, &f, &err), SL_OK, "fit");
  INT_EQ(sl_ols_predict(f, one, 1, 1.5, &iv, &err), SL_EINVAL, "level 1.5 refused");
  sl_ols_fit_free(f);
}

static void test_design(void) {
  double y[6] = {1, 2, NAN, 4, 5, 6}, age[6] = {20, 21, 22, NAN, 24, 25};
  const char *pos[6] = {"DF", "MF", "FW", "MF", NULL, "DF"};
  sl_design *d = sl_design_new(6, 1);
  sl_error err;
  size_t ta, tp;
  sl_design_set_response(d, "fee", y, &err);
  sl_design_add_numeric(d, "age", age, &ta, &err);
  sl_design_add_power(d, "age", age, 2, NULL, &err);
  sl_design_add_categorical(d, "pos", pos, "MF", &tp, &err);
  sl_design_add_interaction(d, ta, tp, NULL, &err);
  INT_EQ(sl_design_prepare(d, &err), SL_OK, "prepare: %s", err.message);
  const sl_design_report *r = sl_design_report_get(d);
  INT_EQ(r->rows_used, 3, "rows used");
  INT_EQ(r->nskips, 3, "three variables had missing values");
  STR_EQ(r->skips[0].variable, "fee", "response first");
  STR_EQ(r->skips[1].variable, "age", "then age");
  STR_EQ(r->skips[2].variable, "pos", "then pos");
  /* Used rows: 0 (DF), 1 (MF), 5 (DF): levels MF (reference) and DF; FW does not occur. */
  size_t nl;
  const char *const *lv = sl_design_levels(d, tp, &nl);
  INT_EQ(nl, 2, "levels of the used rows only");
  STR_EQ(lv[0], "MF", "reference first");
  const char *const *names = sl_design_names(d);
  INT_EQ(sl_design_columns(d), 5, "columns");
  STR_EQ(names[2], "I(age^2)", "power named as R");
  STR_EQ(names[3], "posDF", "dummy");
  STR_EQ(names[4], "age:posDF", "interaction");
  sl_rows rows;
  sl_design_rows(d, &rows, &err);
  double x[3 * 5], yy[3];
  rows.fill(rows.ctx, 0, 3, x, 3, yy, NULL, &err);
  SL_CHECK_REL(x[2 + 2 * 3], 625, 0, "25^2");
  SL_CHECK_REL(x[2 + 4 * 3], 25, 0, "age x posDF for a DF row");
  SL_CHECK_REL(x[1 + 4 * 3], 0, 0, "age x posDF for the MF row");
  sl_design_free(d);
  d = sl_design_new(6, 1);
  sl_design_set_response(d, "fee", y, &err);
  sl_design_add_categorical(d, "pos", pos, "GK", NULL, &err);
  INT_EQ(sl_design_prepare(d, &err), SL_ENOTFOUND, "unknown reference");
  sl_design_free(d);
}

/* Values no fit can take are reported for the first such row among the rows otherwise used, and
 * within a row the response, then the weight, then the terms, whatever the column order. */
static void test_design_bad_values(void) {
  double y[5] = {1, NAN, 3, 4, INFINITY}, a[5] = {INFINITY, 1, 2, -INFINITY, 5},
         b[5] = {0, 0, 0, INFINITY, 0}, w[5] = {1, 1, 1, -1, 1};
  sl_error err;
  sl_design *d = sl_design_new(5, 1);
  sl_design_set_response(d, "fee", y, &err);
  sl_design_add_numeric(d, "a", a, NULL, &err);
  sl_design_add_numeric(d, "b", b, NULL, &err);
  INT_EQ(sl_design_prepare(d, &err), SL_EDATA, "infinite predictor");
  STR_EQ(err.message, "row 1: a is inf", "row 1 (row 2 is missing y, not checked)");
  sl_design_free(d);
  a[0] = 0;
  d = sl_design_new(5, 1);
  sl_design_set_response(d, "fee", y, &err);
  sl_design_add_numeric(d, "b", b, NULL, &err);
  sl_design_add_numeric(d, "a", a, NULL, &err);
  sl_design_set_weights(d, "minutes", w, &err);
  INT_EQ(sl_design_prepare(d, &err), SL_EDATA, "negative weight");
  STR_EQ(err.message, "row 4: weight minutes is -1 (expected >= 0)", "weight before the terms");
  sl_design_free(d);
  w[3] = 1;
  d = sl_design_new(5, 1);
  sl_design_set_response(d, "fee", y, &err);
  sl_design_add_numeric(d, "b", b, NULL, &err);
  sl_design_add_numeric(d, "a", a, NULL, &err);
  INT_EQ(sl_design_prepare(d, &err), SL_EDATA, "two bad terms in one row");
  STR_EQ(err.message, "row 4: b is inf", "the first term in model order");
  sl_design_free(d);
  b[3] = 0, a[3] = 0;
  d = sl_design_new(5, 1);
  sl_design_set_response(d, "fee", y, &err);
  sl_design_add_numeric(d, "a", a, NULL, &err);
  INT_EQ(sl_design_prepare(d, &err), SL_EDATA, "infinite response");
  STR_EQ(err.message, "row 5: fee is inf", "the response");
  sl_design_free(d);
}

/* A large concurrent source is folded on two threads: the same fit as the serial fold to
 * rounding, the same row counts, and an unusable value in the second half still reported by
 * its own row. */
static void test_parallel_fold(void) {
  enum { N = 300000 }; /* above the two-thread threshold (64 blocks of 4096 rows) */
  double *d = malloc(3 * N * sizeof *d);
  uint64_t state = 11;
  for (int i = 0; i < N; i++) {
    double u = (double)(sl_splitmix64(&state) >> 11) / 9007199254740992.0;
    double v = (double)(sl_splitmix64(&state) >> 11) / 9007199254740992.0;
    d[3 * i] = 100 + i % 97, d[3 * i + 1] = u * 1e4, d[3 * i + 2] = 3 + 0.5 * d[3 * i] - 2e-3 * d[3 * i + 1] + v;
  }
  const char *names[] = {"(Intercept)", "a", "b"};
  sl_rows par = {N, 3, names, 1, 0, xy_fill, d, 1};
  sl_ols_options serial = {.serial = 1};
  sl_ols_fit *fp = NULL, *fs = NULL;
  sl_error err;
  INT_EQ(sl_ols_fit_rows(&par, NULL, &fp, &err), SL_OK, "two threads: %s", err.message);
  INT_EQ(sl_ols_fit_rows(&par, &serial, &fs, &err), SL_OK, "one thread");
  if (fp && fs) {
    INT_EQ(fp->n, N, "every row counted once");
    for (int j = 0; j < 3; j++) {
      SL_CHECK_REL(fp->coef[j], fs->coef[j], 1e-12, "coef %d", j);
      SL_CHECK_REL(fp->std_error[j], fs->std_error[j], 1e-12, "se %d", j);
    }
    SL_CHECK_REL(fp->sigma, fs->sigma, 1e-12, "sigma");
    SL_CHECK_REL(fp->r_squared, fs->r_squared, 1e-12, "R2");
    SL_CHECK_REL(fp->coef[1], 0.5, 1e-3, "slope a recovered");
  }
  sl_ols_fit_free(fp);
  sl_ols_fit_free(fs);
  d[3 * (N - 10) + 1] = INFINITY;
  d[3 * (N - 5)] = NAN;
  INT_EQ(sl_ols_fit_rows(&par, NULL, &fp, &err), SL_EDATA, "bad value in the second half");
  STR_EQ(err.message, "row 299991: b is inf (expected a finite number)", "its row and column");
  d[3 * 7] = NAN;
  INT_EQ(sl_ols_fit_rows(&par, NULL, &fp, &err), SL_EDATA, "bad values in both halves");
  STR_EQ(err.message, "row 8: a is nan (expected a finite number)", "the first half's, as serial");
  free(d);
}

/* A caller's matrix with several unusable values: the earliest row is named, and within it the
 * response, then the weight, then the columns of X, as a row-by-row reader would. */
static void test_block_error_order(void) {
  double x[6] = {1, 1, 1, 1, 2, INFINITY}, y[3] = {1, 2, 3}, w[3] = {1, -1, 1};
  const char *names[] = {"(Intercept)", "x2"};
  sl_ols_fit *f = NULL;
  sl_error err;
  INT_EQ(sl_ols_fit_matrix(x, 3, y, w, 3, 2, names, 1, NULL, &f, &err), SL_EDATA, "bad weight");
  STR_EQ(err.message, "row 2: weight -1 is not a finite number >= 0", "earlier row wins over a later Inf");
  x[3] = NAN, y[0] = INFINITY;
  INT_EQ(sl_ols_fit_matrix(x, 3, y, NULL, 3, 2, names, 1, NULL, &f, &err), SL_EDATA, "bad row 1");
  STR_EQ(err.message, "row 1: the response is inf (expected a finite number)", "response before X");
  y[0] = 1;
  INT_EQ(sl_ols_fit_matrix(x, 3, y, w, 3, 2, names, 1, NULL, &f, &err), SL_EDATA, "bad x in row 1");
  STR_EQ(err.message, "row 1: x2 is nan (expected a finite number)", "X when y and w are fine");
  sl_ols_fit_free(f);
}

/* A ridge fit saved and loaded gives back the same doubles and predictions; damaged files,
 * another format and another version are refused with their reasons. */
static void test_ridge_save_load(void) {
  enum { N = 8 };
  double d[3 * N] = {1, 2, 3.1, 2, 1, 3.9, 3, 5, 7.2, 4, 3, 8.1, 5, 8, 11.0, 6, 4, 10.2, 7, 9, 14.1, 8, 6, 13.8};
  const char *names[] = {"(Intercept)", "x1", "x2"};
  sl_rows rows = {N, 3, names, 1, 0, xy_fill, d, 0};
  sl_ridge_options o = {SL_RIDGE_FIXED, 2.5, 0, 0, 0, 0, 0};
  sl_ridge_fit *r = NULL, *g = NULL;
  sl_error err;
  const char *path = "test_regress_ridge.txt";
  INT_EQ(sl_ridge_fit_rows(&rows, &o, &r, &err), SL_OK, "ridge");
  if (!r) return;
  INT_EQ(sl_ridge_save(r, path, &err), SL_OK, "save");
  INT_EQ(sl_ridge_load(path, &g, &err), SL_OK, "load: %s", err.message);
  if (g) {
    OK(g->p == 3 && g->n == N && g->lambda == r->lambda && g->df == r->df && g->grid_size == 0, "scalars");
    for (size_t j = 0; j < 3; j++) {
      OK(g->coef[j] == r->coef[j] && g->center[j] == r->center[j] && g->scale[j] == r->scale[j],
         "column %zu bit-identical", j);
      STR_EQ(g->names[j], names[j], "name %zu", j);
    }
    double x0[3] = {1, 4.5, 2};
    SL_CHECK_REL(sl_ridge_predict(g, x0), r->coef[0] + 4.5 * r->coef[1] + 2 * r->coef[2], 0, "prediction");
  }
  sl_ridge_fit_free(g);
  g = NULL;
  FILE *fp = fopen(path, "rb");
  static char buf[4096];
  size_t len = fp ? fread(buf, 1, sizeof buf, fp) : 0;
  if (fp) fclose(fp);
  int clean = 1;
  for (size_t cut = 0; cut + 1 < len; cut++) {
    int st = sl_ridge_load_buffer("cut", buf, cut, &g, &err);
    if (st == SL_OK || g) clean = 0, sl_ridge_fit_free(g), g = NULL;
  }
  OK(clean, "every truncated ridge file is refused");
  static const char v2[] = "scoutlab-ridge 2\n";
  INT_EQ(sl_ridge_load_buffer("v2", v2, sizeof v2 - 1, &g, &err), SL_EVERSION, "version 2 refused");
  static const char ols[] = "scoutlab-ols 1\n";
  INT_EQ(sl_ridge_load_buffer("ols", ols, sizeof ols - 1, &g, &err), SL_EPARSE, "an OLS file is not a ridge file");
  STR_EQ(err.message, "not a scoutlab-ridge model file (expected first line 'scoutlab-ridge 1')", "says what it expected");
  char *zero = strstr(buf, "\ncolumn ");
  zero = zero ? strstr(zero + 1, "\ncolumn ") : NULL; /* x1's line: coef centre scale name */
  if (zero) {
    char bad[4096];
    size_t at = (size_t)(zero - buf);
    snprintf(bad, sizeof bad, "%.*s\ncolumn 1 2 0 x1\n%s", (int)at, buf, strchr(zero + 1, '\n') + 1);
    INT_EQ(sl_ridge_load_buffer("zero", bad, strlen(bad), &g, &err), SL_EPARSE, "scale 0 refused");
    OK(strstr(err.message, "the scale positive") != NULL, "says why: %s", err.message);
  }
  sl_ridge_fit_free(r);
  remove(path);
}

int main(void) {
  test_ridge_save_load();
  test_block_error_order();
  test_parallel_fold();
  test_design_bad_values();
  test_exact_recovery();
  test_zero_weights();
  test_weighted_wide_blocks();
  test_ridge_closed_form();
  test_ridge_cv();
  test_save_load();
  test_bad_input();
  test_design();
  return SL_TEST_DONE();
}
