/* test_regress_nist.c - OLS against the NIST StRD certified values (coefficients, their standard
 * deviations, residual SD, R² and the ANOVA F statistic) on all 11 linear problems, scored by
 * the log relative error (LRE, correct significant digits). Norris, Pontius, NoInt1 and Longley
 * are read from SL_SHARED_DATA/nist-strd (or the directory in SL_NIST_DIR) and reported as not
 * checked when absent; Filip and NoInt2 come with the tests (tests/data/nist); Wampler1-5 are
 * generated from their published polynomials (tests/nist.h).
 *
 * Polynomial problems are fitted twice: through the design module (y ~ x + I(x^2) + ..., the
 * powers formed by the design, in double-double for the extended-precision solve) and from a
 * matrix of x^k already rounded to doubles. The second is bounded by its data, not by the
 * solver: for Filip the exact rational least-squares solution of the rounded matrix agrees
 * with NIST to 7.6 digits only (x^10 rounded moves the answer), so it is held to 7. */
#include <stdio.h>
#include <stdlib.h>

#include "harness.h"
#include "nist.h"
#include "scoutlab/design.h"
#include "scoutlab/regress.h"

typedef enum nist_source { FROM_SHARED, FROM_TESTS, GENERATED } nist_source;

typedef struct nist_case {
  const char *file;   /* StRD file name (the problem's name for generated ones) */
  nist_source source; /* shared data dir, tests/data/nist, or sl_nist_wampler() */
  int wampler;        /* GENERATED: Wampler problem 1..5 */
  double min_lre;     /* digits required for every certified value (design path) */
  double min_matrix;  /* digits required from the rounded matrix of powers */
  int tol_zero;       /* 1: fitted with tol 0 (every column not exactly dependent kept) */
} nist_case;

/* The issue asks for 9 digits everywhere. Measured after the double-double solve (printed
 * table): 12.7 to 15 on every problem through the design; the bounds sit ~0.5 below the
 * measurement so a loss shows, and are met by valgrind's 64-bit long double too (the solve
 * uses no long double). Filip's x..x^10 is so close to collinear that R's lm at its default
 * tol declares x^10 aliased; the certified fit keeps all columns: tol 0. */
static const nist_case cases[] = {
    {"Norris.dat", FROM_SHARED, 0, 12, 12, 0},  {"Pontius.dat", FROM_SHARED, 0, 12, 12, 0},
    {"NoInt1.dat", FROM_SHARED, 0, 14, 14, 0},  {"NoInt2.dat", FROM_TESTS, 0, 14, 14, 0},
    {"Longley.dat", FROM_SHARED, 0, 13, 13, 0}, {"Filip.dat", FROM_TESTS, 0, 12, 7, 1},
    {"Wampler1", GENERATED, 1, 13, 13, 0},      {"Wampler2", GENERATED, 2, 13, 13, 0},
    {"Wampler3", GENERATED, 3, 13, 13, 0},      {"Wampler4", GENERATED, 4, 13, 13, 0},
    {"Wampler5", GENERATED, 5, 13, 13, 0},
};

static double min2(double a, double b) { return a < b ? a : b; }

static int is_poly(const sl_nist *d) { return d->npred == 1 && d->nparam - (size_t)d->intercept > 1; }

/* y ~ x + I(x^2) + ... through the design (powers formed there, remainders for the solve). */
static int fit_design(const sl_nist *d, const sl_ols_options *opt, sl_ols_fit **fit, sl_error *err) {
  sl_design *des = sl_design_new(d->n, d->intercept);
  int st = des ? sl_design_set_response(des, "y", d->y, err) : SL_ENOMEM;
  if (!st) st = sl_design_add_numeric(des, "x", d->x, NULL, err);
  for (int k = 2; !st && k <= (int)(d->nparam - (size_t)d->intercept); k++)
    st = sl_design_add_power(des, "x", d->x, k, NULL, err);
  if (!st) st = sl_design_prepare(des, err);
  sl_rows rows;
  if (!st) st = sl_design_rows(des, &rows, err);
  sl_ols_options o = *opt;
  o.fill_lo = sl_design_fill_lo;
  if (!st) st = sl_ols_fit_rows(&rows, &o, fit, err);
  sl_design_free(des);
  return st;
}

/* The smallest LRE over every certified value of d, printed as one line. */
static double score(const char *what, const sl_nist *d, const sl_ols_fit *fit) {
  double lb = 15, lsd = 15;
  for (size_t j = 0; j < d->nparam; j++) {
    size_t k = j + (d->intercept ? 0 : 1); /* NoInt files certify B1 as the only parameter */
    lb = min2(lb, sl_lre(fit->coef[j], d->cert_b[k]));
    lsd = min2(lsd, sl_lre(fit->std_error[j], d->cert_sd[k]));
  }
  double ls = sl_lre(fit->sigma, d->cert_sigma), lr = sl_lre(fit->r_squared, d->cert_r2);
  /* Wampler1/2 are exact fits: NIST certifies F = Infinity; ours must be infinite or at least
   * beyond 1e15 (RSS at rounding level). */
  double lf = isinf(d->cert_f) ? (fit->f_statistic > 1e15 ? 15 : 0)
                               : d->cert_f > 0 ? sl_lre(fit->f_statistic, d->cert_f) : 15;
  fprintf(stderr, "%-22s LRE  coef %5.2f  sd %5.2f  sigma %5.2f  R2 %5.2f  F %5.2f\n", what, lb,
          lsd, ls, lr, lf);
  return min2(min2(lb, lsd), min2(min2(ls, lr), lf));
}

static void check_fit(const nist_case *c, const sl_nist *d, int design, double min_lre) {
  sl_ols_options opt = {0};
  opt.tol_set = c->tol_zero;
  sl_ols_fit *fit = NULL;
  sl_error err = {0};
  double *x = design ? NULL : sl_nist_design(d);
  int st = design ? fit_design(d, &opt, &fit, &err)
                  : sl_ols_fit_matrix(x, d->n, d->y, NULL, d->n, d->nparam, NULL, d->intercept,
                                      &opt, &fit, &err);
  INT_EQ(st, SL_OK, "%s: fit (%s)", c->file, err.message);
  if (st == SL_OK) {
    char what[64];
    snprintf(what, sizeof what, "%s%s", c->file, design ? " (design)" : "");
    INT_EQ(fit->rank, d->nparam, "%s: full rank", what);
    double worst = score(what, d, fit);
    OK(worst >= min_lre, "%s: LRE %.2f below the required %.0f digits", what, worst, min_lre);
  }
  sl_ols_fit_free(fit);
  free(x);
}

/* Fits one problem; returns 0 when it was checked, -1 when its file is absent. */
static int check_case(const char *dir, const nist_case *c) {
  char path[1024], msg[1200];
  sl_nist d;
  if (c->source == GENERATED) {
    if (sl_nist_wampler(c->wampler, &d)) {
      OK(0, "%s: out of memory", c->file);
      return 0;
    }
  } else {
    snprintf(path, sizeof path, "%s/%s", c->source == FROM_TESTS ? SL_TEST_DATA "/nist" : dir, c->file);
    FILE *probe = fopen(path, "r");
    if (!probe) return -1;
    fclose(probe);
    if (sl_nist_read(path, &d, msg, sizeof msg)) {
      OK(0, "%s", msg);
      return 0;
    }
  }
  check_fit(c, &d, 0, c->min_matrix);
  if (is_poly(&d)) check_fit(c, &d, 1, c->min_lre);
  sl_nist_free(&d);
  return 0;
}

/* Filip at R's default tol drops x^10, as lm does. */
static void filip_default_tol(void) {
  char path[1024], msg[1200];
  snprintf(path, sizeof path, "%s/nist/Filip.dat", SL_TEST_DATA);
  sl_nist d;
  if (sl_nist_read(path, &d, msg, sizeof msg)) {
    OK(0, "%s", msg);
    return;
  }
  sl_ols_fit *fit = NULL;
  sl_error err;
  int st = fit_design(&d, &(sl_ols_options){0}, &fit, &err);
  INT_EQ(st, SL_OK, "Filip default tol (%s)", err.message);
  if (!st) {
    INT_EQ(fit->rank, 10, "Filip at tol 1e-7: rank");
    INT_EQ(fit->aliased[10], 1, "Filip at tol 1e-7: x^10 aliased");
  }
  sl_ols_fit_free(fit);
  sl_nist_free(&d);
}

int main(void) {
  const char *dir = getenv("SL_NIST_DIR");
  if (!dir) dir = SL_SHARED_DATA "/nist-strd";
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    if (check_case(dir, &cases[i]) < 0)
      fprintf(stderr, "%-22s absent from %s: not checked\n", cases[i].file, dir);
  filip_default_tol();
  return SL_TEST_DONE();
}
