/* test_regress_formula.c - R formulas in the design module: the columns and names R's
 * model.matrix gives (worked out by hand below from R's rules), rows skipped by transforms,
 * poly() against its definition (orthonormal columns, orthogonal to the constant), the saved
 * form round trip, and damaged saved forms refused without a crash. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "scoutlab/design.h"
#include "scoutlab/regress.h"
#include "scoutlab/table.h"

static const char csv[] =
    "y,x,g,h,n\n"
    "1.5,1,a,u,10\n"
    "2.5,2,b,v,0\n"
    "3.1,3,c,u,30\n"
    "4.7,4,a,v,40\n"
    "5.2,5,b,u,50\n"
    "6.9,6,c,v,60\n"
    "7.1,7,a,u,70\n"
    "8.8,8,b,v,\n";

static sl_table *load(void) {
  sl_table *t = NULL;
  sl_error err;
  int st = sl_table_load_buffer("f.csv", csv, sizeof csv - 1, NULL, &t, &err);
  INT_EQ(st, SL_OK, "load (%s)", err.message);
  return t;
}

static void expect_names(const sl_table *t, const char *formula, const char *want) {
  sl_design *d = NULL;
  sl_error err;
  int st = sl_design_from_formula(t, formula, NULL, &d, &err);
  INT_EQ(st, SL_OK, "%s: %s", formula, err.message);
  char got[1024] = "";
  for (size_t j = 0; !st && j < sl_design_columns(d); j++) {
    size_t len = strlen(got);
    snprintf(got + len, sizeof got - len, "%s%s", j ? " " : "", sl_design_names(d)[j]);
  }
  if (!st) STR_EQ(got, want, "%s: columns", formula);
  sl_design_free(d);
}

/* Names, order and coding: the expected strings are colnames(model.matrix(formula, d)) printed
 * by R 4.2.2 for this data (LC_COLLATE=C), R's contrast rule included (a factor gets every
 * level where the term without it is absent, and the first factor does without intercept). */
static void test_names(const sl_table *t) {
  expect_names(t, "y ~ x + g", "(Intercept) x gb gc");
  expect_names(t, "y ~ g - 1", "ga gb gc");
  expect_names(t, "y ~ 0 + g + h", "ga gb gc hv");
  expect_names(t, "y ~ x*g", "(Intercept) x gb gc x:gb x:gc");
  expect_names(t, "y ~ x:g", "(Intercept) x:ga x:gb x:gc");
  expect_names(t, "y ~ g:h", "(Intercept) ga:hu gb:hu gc:hu ga:hv gb:hv gc:hv");
  expect_names(t, "y ~ g*h", "(Intercept) gb gc hv gb:hv gc:hv");
  expect_names(t, "y ~ h:x + g", "(Intercept) gb gc hu:x hv:x");
  expect_names(t, "y ~ x + g:h - 1", "x ga:hu gb:hu gc:hu ga:hv gb:hv gc:hv");
  expect_names(t, "y ~ g + x:g:h", "(Intercept) gb gc ga:x:hu gb:x:hu gc:x:hu ga:x:hv gb:x:hv gc:x:hv");
  expect_names(t, "y ~ log(n) + I(x^3)", "(Intercept) log(n) I(x^3)");
  expect_names(t, "log(y) ~ x + x:g - g + 1", "(Intercept) x x:gb x:gc");
}

/* Rows: n is missing on row 8 and 0 on row 2 (log undefined); each is counted with its reason. */
static void test_rows(const sl_table *t) {
  sl_design *d = NULL;
  sl_error err;
  INT_EQ(sl_design_from_formula(t, "y ~ log(n) + g", NULL, &d, &err), SL_OK, "log design: %s", err.message);
  const sl_design_report *r = sl_design_report_get(d);
  INT_EQ(r->rows_used, 6, "rows used");
  INT_EQ(r->nskips, 2, "two reasons");
  if (r->nskips == 2) {
    STR_EQ(r->skips[0].variable, "n", "missing n named by its column");
    STR_EQ(r->skips[0].reason, "missing value", "missing reason");
    STR_EQ(r->skips[1].variable, "log(n)", "undefined log named by the term");
    STR_EQ(r->skips[1].reason, "a value <= 0", "log reason");
    INT_EQ(r->skips[0].rows + r->skips[1].rows, 2, "read = used + skipped");
  }
  sl_design_free(d);
}

/* poly(x, 2) on x = 1..8: R's coefs are alpha = (4.5, 4.5), norm2 = (1, 8, 42, 168) (printed by
 * R's attr(poly(1:8, 2), "coefs")); the columns are orthonormal and orthogonal to 1. */
static void test_poly(const sl_table *t) {
  sl_design *d = NULL;
  sl_error err;
  INT_EQ(sl_design_from_formula(t, "y ~ poly(x, 2)", NULL, &d, &err), SL_OK, "poly: %s", err.message);
  char *spec = NULL;
  INT_EQ(sl_design_spec(d, &spec, &err), SL_OK, "spec");
  STR_EQ(spec, "formula y ~ poly(x, 2)\npoly 1 2 4.5 4.5 1 8 42 168\n", "poly saved form");
  sl_rows rows;
  sl_design_rows(d, &rows, &err);
  double x[8 * 3], y[8];
  rows.fill(rows.ctx, 0, 8, x, 8, y, NULL, &err);
  double s1 = 0, s2 = 0, s11 = 0, s22 = 0, s12 = 0;
  for (int i = 0; i < 8; i++) {
    double a = x[8 + i], b = x[16 + i];
    s1 += a, s2 += b, s11 += a * a, s22 += b * b, s12 += a * b;
  }
  OK(fabs(s1) < 1e-14 && fabs(s2) < 1e-14 && fabs(s12) < 1e-14, "poly columns orthogonal to 1 and each other");
  SL_CHECK_REL(s11, 1, 1e-14, "poly column 1 has unit norm");
  SL_CHECK_REL(s22, 1, 1e-14, "poly column 2 has unit norm");
  /* The saved form rebuilds the same columns on the same rows (a new design, predict mode). */
  sl_design *p = NULL;
  INT_EQ(sl_design_from_spec(t, spec, &p, &err), SL_OK, "from spec: %s", err.message);
  double row[3];
  char why[128];
  for (size_t i = 0; p && i < 8; i++) {
    INT_EQ(sl_design_row_x(p, i, row, why, sizeof why), 0, "row %zu predicted", i);
    SL_CHECK_REL(row[2], x[16 + i], 1e-14, "poly column 2 at row %zu from the saved form", i);
  }
  /* Damaged saved forms fail with a message, never crash (ASan watches). */
  size_t len = strlen(spec);
  for (size_t cut = 0; cut < len; cut++) {
    char *bad = malloc(cut + 1);
    memcpy(bad, spec, cut);
    bad[cut] = '\0';
    sl_design *q = NULL;
    if (sl_design_from_spec(t, bad, &q, &err) == SL_OK) sl_design_free(q);
    free(bad);
  }
  sl_design_free(p);
  free(spec);
  sl_design_free(d);
}

/* Malformed formulas name the character where they go wrong. */
static void test_errors(const sl_table *t) {
  static const struct { const char *formula; long column; } cases[] = {
      {"y x", 3}, {"y ~", 4}, {"y ~ x +", 8}, {"y ~ (x + g", 11}, {"y ~ x^2", 6}, {"y ~ I(x^11)", 9},
      {"y ~ poly(x)", 11}, {"y ~ `x", 5}, {"y ~ x 2", 7}, {"y ~ 2", 5},
  };
  for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
    sl_design *d = NULL;
    sl_error err;
    INT_EQ(sl_design_from_formula(t, cases[k].formula, NULL, &d, &err), SL_EPARSE, "'%s' refused", cases[k].formula);
    INT_EQ(err.column, cases[k].column, "'%s': column (%s)", cases[k].formula, err.message);
    OK(d == NULL, "no design left behind");
  }
  sl_design *d = NULL;
  sl_error err;
  INT_EQ(sl_design_from_formula(t, "y ~ y + x", NULL, &d, &err), SL_EPARSE, "response as a predictor");
  INT_EQ(sl_design_from_formula(t, "g ~ x", NULL, &d, &err), SL_EDATA, "text response");
}

int main(void) {
  sl_table *t = load();
  if (t) test_names(t), test_rows(t), test_poly(t), test_errors(t);
  sl_table_free(t);
  return SL_TEST_DONE();
}
