/* test_regress_nist.c - OLS against the NIST StRD certified values (coefficients, their standard
 * deviations, residual SD, R² and the ANOVA F statistic), scored by the log relative error
 * (LRE, correct significant digits). Files are read from SL_SHARED_DATA/nist-strd (or the
 * directory in the SL_NIST_DIR environment variable); absent files are reported and skipped,
 * and the test skips when none is present. */
#include <stdio.h>
#include <stdlib.h>

#include "harness.h"
#include "nist.h"
#include "scoutlab/regress.h"

typedef struct nist_case {
  const char *file;
  double min_lre; /* digits required for every certified value */
  double tol;     /* aliasing tolerance (0 = R's default 1e-7) */
} nist_case;

/* The issue requires 9 digits on the four shared files; we assert 12 (measured: 13.5 to 15, see
 * the printed table) so that a loss of accuracy shows up. For the higher-difficulty polynomials
 * the bound is what double-precision QR plus one refinement step reaches here (measured with
 * the files from the StRD set: Filip 7.4, Wampler1 13.6, Wampler4 11.4, Wampler5 9.9;
 * Wampler2/3 were not available and get conservative bounds). Filip's x..x^10 is so close to
 * collinear that R's lm with its default tol declares it rank deficient, so it is fitted with
 * tol 1e-12. */
static const nist_case cases[] = {
    {"Norris.dat", 12, 0},   {"Pontius.dat", 12, 0},  {"NoInt1.dat", 12, 0},
    {"NoInt2.dat", 12, 0},   {"Longley.dat", 12, 0},  {"Filip.dat", 7, 1e-12},
    {"Wampler1.dat", 13, 0}, {"Wampler2.dat", 12, 0}, {"Wampler3.dat", 9, 0},
    {"Wampler4.dat", 10, 0}, {"Wampler5.dat", 9, 0},
};

static double min2(double a, double b) { return a < b ? a : b; }

/* Fits one file and returns the smallest LRE over all certified values (-1 when absent). */
static double check_file(const char *dir, const nist_case *c) {
  char path[1024], msg[1200];
  snprintf(path, sizeof path, "%s/%s", dir, c->file);
  FILE *probe = fopen(path, "r");
  if (!probe) return -1;
  fclose(probe);
  sl_nist d;
  if (sl_nist_read(path, &d, msg, sizeof msg)) {
    OK(0, "%s", msg);
    return 0;
  }
  double *x = sl_nist_design(&d);
  sl_ols_options opt = {c->tol, 0, 0, 0};
  sl_ols_fit *fit = NULL;
  sl_error err;
  int st = sl_ols_fit_matrix(x, d.n, d.y, NULL, d.n, d.nparam, NULL, d.intercept, &opt, &fit, &err);
  INT_EQ(st, SL_OK, "%s: fit (%s)", c->file, err.message);
  double worst = 15, lb = 15, lsd = 15;
  if (st == SL_OK) {
    INT_EQ(fit->rank, d.nparam, "%s: full rank", c->file);
    for (size_t j = 0; j < d.nparam; j++) {
      size_t k = j + (d.intercept ? 0 : 1); /* NoInt files certify B1 as the only parameter */
      lb = min2(lb, sl_lre(fit->coef[j], d.cert_b[k]));
      lsd = min2(lsd, sl_lre(fit->std_error[j], d.cert_sd[k]));
    }
    double ls = sl_lre(fit->sigma, d.cert_sigma), lr = sl_lre(fit->r_squared, d.cert_r2);
    /* Wampler1 is an exact fit: NIST certifies F = Infinity; ours must be infinite or at least
     * beyond 1e15 (RSS at rounding level). */
    double lf = isinf(d.cert_f) ? (fit->f_statistic > 1e15 ? 15 : 0)
                                : d.cert_f > 0 ? sl_lre(fit->f_statistic, d.cert_f) : 15;
    worst = min2(min2(lb, lsd), min2(min2(ls, lr), lf));
    fprintf(stderr, "%-13s LRE  coef %5.2f  sd %5.2f  sigma %5.2f  R2 %5.2f  F %5.2f\n", c->file,
            lb, lsd, ls, lr, lf);
    OK(worst >= c->min_lre, "%s: LRE %.2f below the required %.0f digits", c->file, worst,
       c->min_lre);
  }
  sl_ols_fit_free(fit);
  free(x);
  sl_nist_free(&d);
  return worst;
}

int main(void) {
  const char *dir = getenv("SL_NIST_DIR");
  if (!dir) dir = SL_SHARED_DATA "/nist-strd";
  int found = 0;
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    double l = check_file(dir, &cases[i]);
    if (l < 0) fprintf(stderr, "%-13s absent from %s: not checked\n", cases[i].file, dir);
    else found++;
  }
  if (!found) {
    fprintf(stderr, "skip: no NIST StRD files in %s\n", dir);
    return SL_TEST_SKIP;
  }
  return SL_TEST_DONE();
}
