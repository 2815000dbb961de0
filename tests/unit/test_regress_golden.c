/* test_regress_golden.c - OLS/WLS/ridge, intervals and diagnostics against R 4.2's lm, summary.lm,
 * predict.lm, hatvalues, cooks.distance (numbers in tests/golden/regress_golden.txt, produced by
 * tests/golden/regress_golden.R). The small data set is rebuilt here from the same exact
 * formulas; the real-data part rebuilds the R script's rows from SL_SHARED_DATA/transfers-tm
 * and is skipped (with a message) when that data is absent. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "scoutlab/design.h"
#include "scoutlab/regress.h"
#include "scoutlab/table.h"

#define GOLDEN_PATH SL_TEST_DATA "/../golden/regress_golden.txt"
#define GOLDEN_MAX_KEYS 128
#define GOLDEN_MAX_VALUES 4096
/* Estimates and statistics agree with R to ~1e-13 here; 1e-9 leaves room for other BLAS. */
#define TOL 1e-9
/* p-values in the far tail (1e-35) come from different incomplete-beta codes in GSL and R. */
#define TOL_P 1e-7
#define SMALL_N 40

typedef struct golden {
  char key[64];
  size_t n;
  double v[GOLDEN_MAX_VALUES];
} golden;

static golden *g_keys;
static size_t g_count;

static int golden_load(void) {
  FILE *f = fopen(GOLDEN_PATH, "r");
  if (!f) return -1;
  g_keys = calloc(GOLDEN_MAX_KEYS, sizeof *g_keys);
  static char line[GOLDEN_MAX_VALUES * 26];
  while (g_keys && g_count < GOLDEN_MAX_KEYS && fgets(line, sizeof line, f)) {
    if (line[0] == '#') continue;
    golden *g = &g_keys[g_count];
    char *tok = strtok(line, " \n");
    if (!tok) continue;
    snprintf(g->key, sizeof g->key, "%s", tok);
    while ((tok = strtok(NULL, " \n")) && g->n < GOLDEN_MAX_VALUES)
      g->v[g->n++] = strcmp(tok, "NA") == 0 ? NAN : sl_test_strtod(tok, NULL);
    g_count++;
  }
  fclose(f);
  return g_keys ? 0 : -1;
}

static const golden *gold(const char *key) {
  for (size_t i = 0; i < g_count; i++)
    if (strcmp(g_keys[i].key, key) == 0) return &g_keys[i];
  return NULL;
}

/* Compares n values of `got` with the golden key (NAN must match NAN: aliased coefficients). */
static void check_vec(const char *key, const double *got, size_t n, double tol) {
  const golden *g = gold(key);
  OK(g != NULL, "golden key %s missing", key);
  if (!g) return;
  OK(g->n >= n && (g->n == n || strcmp(key + strlen(key) - 2, ".f") == 0),
     "%s: %zu golden values for %zu computed", key, g->n, n);
  for (size_t i = 0; i < n && i < g->n; i++) {
    if (isnan(g->v[i])) {
      OK(isnan(got[i]), "%s[%zu]: expected NA, got %.17g", key, i, got[i]);
      continue;
    }
    SL_CHECK_REL(got[i], g->v[i], tol, "%s[%zu]", key, i);
  }
}

static void check_summary(const char *key, const sl_ols_fit *f) {
  char k[80];
  double df = (double)f->df_residual;
  double fs[4] = {f->f_statistic, f->f_df1, f->f_df2, f->f_p};
  struct { const char *suffix; const double *v; size_t n; double tol; } items[] = {
      {"coef", f->coef, f->p, TOL},        {"se", f->std_error, f->p, TOL},
      {"t", f->t_value, f->p, TOL},        {"p", f->p_value, f->p, TOL_P},
      {"sigma", &f->sigma, 1, TOL},        {"df", &df, 1, 0},
      {"r2", &f->r_squared, 1, TOL},       {"adjr2", &f->adj_r_squared, 1, TOL},
      {"f", fs, 3, TOL},
  };
  for (size_t i = 0; i < sizeof items / sizeof items[0]; i++) {
    snprintf(k, sizeof k, "%s.%s", key, items[i].suffix);
    check_vec(k, items[i].v, items[i].n, items[i].tol);
  }
  snprintf(k, sizeof k, "%s.f", key); /* statistic, df1, df2, then its p value */
  const golden *g = gold(k);
  if (g && g->n == 4) SL_CHECK_REL(f->f_p, g->v[3], TOL_P, "%s p", k);
}

/* The R script's small data set, formula for formula. */
typedef struct small_data {
  double y[SMALL_N], x1[SMALL_N], x2[SMALL_N], x3[SMALL_N], w[SMALL_N];
  const char *g[SMALL_N];
} small_data;

static void small_build(small_data *d) {
  static const char *levels[] = {"a", "b", "c"};
  for (int k = 0; k < SMALL_N; k++) {
    int i = k + 1;
    d->x1[k] = i;
    d->x2[k] = (i * i) % 17;
    d->x3[k] = 2.0 * d->x1[k] + 3;
    d->g[k] = levels[i % 3];
    d->w[k] = 1 + (i % 4);
    double e = ((i * 7919) % 23 - 11) / 10.0;
    d->y[k] = 3 + 0.5 * d->x1[k] - 0.25 * d->x2[k] + e;
  }
}

/* Fits y on the given numeric columns (+ optional categorical g) through the design module. */
static sl_ols_fit *fit_design(const small_data *s, int intercept, const double *const *num,
                              const char *const *names, size_t k, int with_g, int weighted,
                              int influence) {
  sl_error err;
  sl_design *d = sl_design_new(SMALL_N, intercept);
  int st = sl_design_set_response(d, "y", s->y, &err);
  for (size_t j = 0; j < k && !st; j++) st = sl_design_add_numeric(d, names[j], num[j], NULL, &err);
  if (!st && with_g) st = sl_design_add_categorical(d, "g", s->g, NULL, NULL, &err);
  if (!st && weighted) st = sl_design_set_weights(d, "w", s->w, &err);
  if (!st) st = sl_design_prepare(d, &err);
  sl_rows rows;
  sl_ols_fit *fit = NULL;
  sl_ols_options opt = {.influence = influence};
  if (!st) st = sl_design_rows(d, &rows, &err);
  if (!st) st = sl_ols_fit_rows(&rows, &opt, &fit, &err);
  INT_EQ(st, SL_OK, "fit: %s", err.message);
  sl_design_free(d);
  return fit;
}

static void test_small(const small_data *s) {
  const double *num[] = {s->x1, s->x2};
  const char *names[] = {"x1", "x2"};
  sl_ols_fit *f = fit_design(s, 1, num, names, 2, 1, 0, 1);
  if (!f) return;
  STR_EQ(f->names[3], "gb", "dummy named as R");
  check_summary("small", f);
  check_vec("small.hat", f->hat, SMALL_N, TOL);
  check_vec("small.cooks", f->cooks, SMALL_N, TOL);
  check_vec("small.vif", f->vif + 1, 4, TOL);
  double nd[3][5] = {{1, 0, 3, 0, 0}, {1, 12.5, 16, 0, 1}, {1, 50, 0, 1, 0}};
  sl_ols_interval iv[3];
  sl_error err;
  INT_EQ(sl_ols_predict(f, &nd[0][0], 3, 0.9, iv, &err), SL_OK, "predict");
  double fit[3], se[3], clo[3], chi[3], plo[3], phi[3];
  for (int i = 0; i < 3; i++)
    fit[i] = iv[i].fit, se[i] = iv[i].se_fit, clo[i] = iv[i].conf_low, chi[i] = iv[i].conf_high,
    plo[i] = iv[i].pred_low, phi[i] = iv[i].pred_high;
  check_vec("small.pred.fit", fit, 3, TOL);
  check_vec("small.pred.se", se, 3, TOL);
  check_vec("small.pred.clo", clo, 3, TOL);
  check_vec("small.pred.chi", chi, 3, TOL);
  check_vec("small.pred.plo", plo, 3, TOL);
  check_vec("small.pred.phi", phi, 3, TOL);
  sl_ols_fit_free(f);
}

static void test_alias_weights_noint(const small_data *s) {
  const double *num3[] = {s->x1, s->x3, s->x2};
  const char *names3[] = {"x1", "x3", "x2"};
  sl_ols_fit *f = fit_design(s, 1, num3, names3, 3, 0, 0, 0);
  if (f) {
    INT_EQ(f->rank, 3, "alias: rank");
    INT_EQ(f->aliased[2], 1, "alias: x3 (= 2 x1 + 3) is the aliased column, as in R");
    check_summary("alias", f);
  }
  sl_ols_fit_free(f);
  const double *num[] = {s->x1, s->x2};
  const char *names[] = {"x1", "x2"};
  f = fit_design(s, 1, num, names, 2, 0, 1, 1);
  if (f) {
    check_summary("weighted", f);
    check_vec("weighted.hat", f->hat, SMALL_N, TOL);
    check_vec("weighted.cooks", f->cooks, SMALL_N, TOL);
    check_vec("weighted.vif", f->vif + 1, 2, TOL);
  }
  sl_ols_fit_free(f);
  f = fit_design(s, 0, num, names, 2, 0, 0, 0);
  if (f) check_summary("noint", f); /* R² uncentred, F against the empty model */
  sl_ols_fit_free(f);
}

static int ridge_matrix_fill(const void *ctx, size_t first, size_t count, double *x, size_t ldx,
                      double *y, double *w, sl_error *err) {
  const small_data *s = ctx;
  (void)w, (void)err;
  for (size_t k = 0; k < count; k++) {
    x[k] = 1, x[k + ldx] = s->x1[first + k], x[k + 2 * ldx] = s->x2[first + k];
    y[k] = s->y[first + k];
  }
  return SL_OK;
}

static void test_ridge(const small_data *s) {
  const char *names[] = {"(Intercept)", "x1", "x2"};
  sl_error err;
  /* A hand-written source through the public sl_rows type (as a caller with its own storage). */
  sl_rows rows = {SMALL_N, 3, names, 1, 0, ridge_matrix_fill, s, 0};
  sl_ridge_options o = {SL_RIDGE_FIXED, 3.0, 0, 0, 0, 0, 0};
  sl_ridge_fit *r = NULL;
  INT_EQ(sl_ridge_fit_rows(&rows, &o, &r, &err), SL_OK, "ridge: %s", err.message);
  if (!r) return;
  double got[6] = {r->coef[0], r->coef[1], r->coef[2], r->df, r->rss, r->gcv};
  check_vec("ridge.l3", got, 6, TOL);
  sl_ridge_fit_free(r);
}

/* ---- real data ---------------------------------------------------------------------------- */

static int text_is(const sl_column *c, size_t i, const char *s) {
  return c && c->type == SL_TYPE_TEXT && c->text[i] && strcmp(c->text[i], s) == 0;
}

static void test_transfers(void) {
  char dirs[5][512];
  const char *paths[5];
  for (int k = 0; k < 5; k++) {
    snprintf(dirs[k], sizeof dirs[k], "%s/transfers-tm/%d", SL_SHARED_DATA, 2015 + k);
    paths[k] = dirs[k];
  }
  FILE *probe = fopen(SL_SHARED_DATA "/transfers-tm/2015/laliga.csv", "r");
  if (!probe) {
    fprintf(stderr, "skip (real data): %s/transfers-tm absent\n", SL_SHARED_DATA);
    return;
  }
  fclose(probe);
  sl_table *t = NULL;
  sl_error err;
  int st = sl_table_load_many(paths, 5, NULL, &t, &err);
  INT_EQ(st, SL_OK, "load transfers: %s", err.message);
  if (st) return;
  const sl_column *fee = sl_table_column(t, "fee"), *mv = sl_table_column(t, "market_value"),
                  *age = sl_table_column(t, "age"), *mov = sl_table_column(t, "movement"),
                  *loan = sl_table_column(t, "is_loan");
  OK(fee && mv && age && mov && loan && fee->num && mv->num && age->num, "transfer columns typed");
  size_t n = t->nrows;
  double *lf = malloc(n * sizeof *lf), *lmv = malloc(n * sizeof *lmv);
  /* R's subset(): movement == "in", is_loan == "False", fee > 0, market_value > 0, age known.
   * Rows outside it get a missing response so the design leaves them out. */
  for (size_t i = 0; i < n; i++) {
    int keep = text_is(mov, i, "in") && text_is(loan, i, "False") && fee->num[i] > 0 &&
               mv->num[i] > 0 && !isnan(age->num[i]);
    lf[i] = keep ? log(fee->num[i]) : NAN;
    lmv[i] = keep ? log(mv->num[i]) : NAN;
  }
  sl_design *d = sl_design_new(n, 1);
  size_t tage, tmv, twin;
  st = sl_design_set_response(d, "log_fee", lf, &err);
  if (!st) st = sl_design_add_numeric(d, "age", age->num, &tage, &err);
  if (!st) st = sl_design_add_power(d, "age", age->num, 2, NULL, &err);
  if (!st) st = sl_design_add_numeric(d, "log_mv", lmv, &tmv, &err);
  if (!st) st = sl_design_prepare(d, &err);
  sl_rows rows;
  sl_ols_fit *f = NULL;
  if (!st) st = sl_design_rows(d, &rows, &err);
  if (!st) st = sl_ols_fit_rows(&rows, NULL, &f, &err);
  INT_EQ(st, SL_OK, "tm1: %s", err.message);
  if (f) {
    double nn = (double)f->n;
    check_vec("tm.n", &nn, 1, 0);
    check_summary("tm1", f);
    check_vec("tm1.vif", f->vif + 1, 3, TOL);
  }
  sl_ols_fit_free(f);
  sl_design_free(d);
  /* tm2: + league + window + log_mv:window (dummies against "1 Bundesliga" and "summer"). */
  d = sl_design_new(n, 1);
  st = sl_design_set_response(d, "log_fee", lf, &err);
  if (!st) st = sl_design_add_numeric(d, "age", age->num, &tage, &err);
  if (!st) st = sl_design_add_power(d, "age", age->num, 2, NULL, &err);
  if (!st) st = sl_design_add_numeric(d, "log_mv", lmv, &tmv, &err);
  if (!st) st = sl_design_add_table_column(d, t, "league", 0, NULL, &err);
  if (!st) st = sl_design_add_table_column(d, t, "window", 0, &twin, &err);
  if (!st) st = sl_design_add_interaction(d, tmv, twin, NULL, &err);
  if (!st) st = sl_design_prepare(d, &err);
  if (!st) st = sl_design_rows(d, &rows, &err);
  f = NULL;
  if (!st) st = sl_ols_fit_rows(&rows, NULL, &f, &err);
  INT_EQ(st, SL_OK, "tm2: %s", err.message);
  if (f) {
    double np = (double)f->p;
    check_vec("tm2.ncoef", &np, 1, 0);
    STR_EQ(f->names[f->p - 1], "log_mv:windowwinter", "interaction named as R");
    check_summary("tm2", f);
  }
  sl_ols_fit_free(f);
  sl_design_free(d);
  free(lf);
  free(lmv);
  sl_table_free(t);
}

int main(void) {
  if (golden_load()) {
    fprintf(stderr, "cannot read %s\n", GOLDEN_PATH);
    return EXIT_FAILURE;
  }
  small_data s;
  small_build(&s);
  test_small(&s);
  test_alias_weights_noint(&s);
  test_ridge(&s);
  test_transfers();
  free(g_keys);
  return SL_TEST_DONE();
}
