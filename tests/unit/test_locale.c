/* test_locale.c - the library inside a host program that called setlocale(LC_ALL, "de_DE.UTF-8")
 * (decimal comma). Regression for: sl_ols_save wrote "tol 9,9999999999999995e-08", which
 * sl_ols_load then refused ("damaged model file"); long number cells were read by strtod in the
 * host's locale and became text. Also: a fit keeps a GSL error handler the host installed.
 * Skips when the locale is not installed (apt-get install locales; locale-gen de_DE.UTF-8). */
#include <gsl/gsl_errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "scoutlab/parse.h"
#include "scoutlab/regress.h"
#include "scoutlab/table.h"

#define HOST_LOCALE "de_DE.UTF-8"

static void host_handler(const char *reason, const char *file, int line, int gsl_errno) {
  (void)reason, (void)file, (void)line, (void)gsl_errno;
}

/* y = 1 + 2x + 1e-7 x² - small, odd coefficients whose %.17g text has a decimal point. */
static sl_ols_fit *fit_small(sl_error *err) {
  enum { N = 7, P = 3 };
  double x[N * P], y[N];
  for (int i = 0; i < N; i++) {
    double t = i + 0.25;
    x[i] = 1, x[i + N] = t, x[i + 2 * N] = t * t;
    y[i] = 1.1 + 2.3 * t + 1e-7 * t * t + (i % 2 ? 0.01 : -0.01);
  }
  sl_ols_fit *f = NULL;
  if (sl_ols_fit_matrix(x, N, y, NULL, N, P, NULL, 1, NULL, &f, err) != SL_OK) return NULL;
  return f;
}

static void test_model_round_trip(void) {
  sl_error err;
  sl_ols_fit *f = fit_small(&err), *g = NULL;
  OK(f != NULL, "fit: %s", err.message);
  if (!f) return;
  char path[] = "/tmp/sl_locale_model_XXXXXX";
  int fd = mkstemp(path);
  OK(fd >= 0, "temporary file");
  if (fd >= 0) close(fd);
  INT_EQ(sl_ols_save(f, path, &err), SL_OK, "save: %s", err.message);
  FILE *in = fopen(path, "r");
  char line[256];
  int commas = 0;
  while (in && fgets(line, sizeof line, in))
    if (strchr(line, ',')) commas++;
  if (in) fclose(in);
  INT_EQ(commas, 0, "no decimal comma in the model file");
  const char *names[] = {"x1", "x2", "x3"};
  INT_EQ(sl_ols_load(path, names, 3, &g, &err), SL_OK, "load: %s", err.message);
  for (size_t j = 0; g && j < 3; j++) SL_CHECK_REL(g->coef[j], f->coef[j], 1e-15, "coef[%zu] after load", j);
  sl_ols_fit_free(g);
  sl_ols_fit_free(f);
  remove(path);
}

static void test_number_cells(void) {
  double v = 0;
  /* 17 significant digits: past the fast path, so strtod reads it. */
  OK(sl_parse_number("0.12345678901234567", SL_DECIMAL_POINT, &v), "long decimal is a number");
  SL_CHECK_REL(v, 0.12345678901234567, 1e-16, "value");
  OK(sl_parse_number("8.57E+01", SL_DECIMAL_POINT, &v), "exponent form is a number");
  SL_CHECK_REL(v, 85.7, 1e-15, "value");
  char path[] = "/tmp/sl_locale_csv_XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return;
  FILE *f = fdopen(fd, "w");
  fputs("player,share\nA,0.12345678901234567\nB,1.5e-3\n", f);
  fclose(f);
  sl_table *t = NULL;
  sl_error err;
  INT_EQ(sl_table_load(path, NULL, &t, &err), SL_OK, "load: %s", err.message);
  const sl_column *c = t ? sl_table_column(t, "share") : NULL;
  OK(c && c->type == SL_TYPE_NUMBER, "share column is numeric");
  if (c && c->num) SL_CHECK_REL(c->num[1], 1.5e-3, 1e-15, "1.5e-3");
  sl_table_free(t);
  remove(path);
}

static void test_gsl_handler_kept(void) {
  gsl_set_error_handler(host_handler);
  sl_error err;
  sl_ols_fit *f = fit_small(&err);
  sl_ols_fit_free(f);
  OK(gsl_set_error_handler(NULL) == host_handler, "the host's GSL error handler survives a fit");
}

int main(void) {
  if (!setlocale(LC_ALL, HOST_LOCALE) || strcmp(localeconv()->decimal_point, ",") != 0) {
    fprintf(stderr, "skip: locale %s is not installed\n", HOST_LOCALE);
    return SL_TEST_SKIP;
  }
  char probe[32];
  snprintf(probe, sizeof probe, "%.1f", 1.5);
  STR_EQ(probe, "1,5", "the host's own printf uses the decimal comma (the test is meaningful)");
  test_model_round_trip();
  test_number_cells();
  test_gsl_handler_kept();
  return SL_TEST_DONE();
}
