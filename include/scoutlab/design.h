/* design.h - model design matrices as R's model.matrix builds them: intercept, numeric columns,
 * categorical predictors as dummies against a reference level, powers (I(age^2)), R's
 * orthogonal poly(), logs and interactions (a:b), with the response and optional weights, built
 * term by term or from an R formula (sl_design_from_formula). The matrix is never stored:
 * sl_design_rows() hands the regression a row source that expands terms block by block.
 *
 * Rows with a missing response, predictor or weight (NAN, or NULL text) are not used and are
 * counted per variable in the report, so "read = used + skipped" always reconciles.
 * Ownership: the design borrows the value arrays (and a table's columns) given to it; they must
 * outlive it. Everything else (names, levels, row lists) is owned and freed by
 * sl_design_free(). Column names and the report are borrowed from the design.
 *
 *   sl_design *d = sl_design_new(n, 1);
 *   sl_design_set_response(d, "log_fee", y, &err); sl_design_add_numeric(d, "age", age, &err);
 *   sl_design_add_power(d, "age", age, 2, &err); sl_design_prepare(d, &err); sl_design_rows(d, &rows);
 */
#ifndef SCOUTLAB_DESIGN_H
#define SCOUTLAB_DESIGN_H

#include <stddef.h>

#include "scoutlab/error.h"
#include "scoutlab/regress.h"
#include "scoutlab/table.h"

#include "scoutlab/export.h"
SL_BEGIN_DECLS /* C linkage, exported; thread safety: see scoutlab/export.h */

typedef struct sl_design sl_design;

/** Kinds of model terms. */
typedef enum sl_term_kind {
  SL_TERM_NUMERIC = 0, /* one column: the values */
  SL_TERM_POWER,       /* one column: values^power, named I(name^power) */
  SL_TERM_CATEGORICAL, /* levels-1 dummy columns named name+level, reference level left out */
  SL_TERM_INTERACTION  /* products of the columns of two earlier terms, named a:b */
} sl_term_kind;

/** Rows of one variable that were not used because its value was missing. */
typedef struct sl_design_skip {
  const char *variable; /* borrowed from the design */
  size_t rows;          /* rows skipped because this variable (the first missing one) */
  const char *reason;   /* "missing value", or why a transform has no value ("a value <= 0"
                           for log(fee)); borrowed, static */
} sl_design_skip;

/** How the rows were used (after sl_design_prepare()). */
typedef struct sl_design_report {
  size_t rows_read;        /* n given to sl_design_new() */
  size_t rows_used;
  size_t rows_skipped;     /* rows_read - rows_used */
  const sl_design_skip *skips; /* one per variable with skipped rows, in model order */
  size_t nskips;
} sl_design_report;

/** A new empty design over n rows; intercept 1 adds the "(Intercept)" column first.
 *  Returns NULL when out of memory. Free with sl_design_free(). */
sl_design *sl_design_new(size_t n, int intercept);

/** Frees a design; NULL does nothing. */
void sl_design_free(sl_design *d);

/** Sets the response (n values, NAN = missing). Borrowed. */
int sl_design_set_response(sl_design *d, const char *name, const double *y, sl_error *err);

/** Sets weights (n values >= 0, NAN = missing). Borrowed. */
int sl_design_set_weights(sl_design *d, const char *name, const double *w, sl_error *err);

/** Adds a numeric term (n values, NAN = missing; infinities are refused at prepare). Sets *term
 *  (may be NULL) to its index for interactions. */
int sl_design_add_numeric(sl_design *d, const char *name, const double *values, size_t *term,
                          sl_error *err);

/** Adds values^power (power 2..10) as one column "I(name^power)". */
int sl_design_add_power(sl_design *d, const char *name, const double *values, int power,
                        size_t *term, sl_error *err);

/** Adds a categorical term from n labels (NULL = missing). Levels are the distinct labels of
 *  the rows used, sorted bytewise; reference NULL takes the first (R's default), otherwise it
 *  must be one of the labels (SL_ENOTFOUND at prepare). */
int sl_design_add_categorical(sl_design *d, const char *name, const char *const *labels,
                              const char *reference, size_t *term, sl_error *err);

/** Adds the interaction of two earlier terms (their columns multiplied pairwise, the first
 *  term's columns varying fastest, as R). */
int sl_design_add_interaction(sl_design *d, size_t term_a, size_t term_b, size_t *term,
                              sl_error *err);

/** Adds a table column by header name: NUMBER/MONEY/DATE columns as numeric, TEXT as
 *  categorical (categorical = 1 forces categorical for any type; numbers then use their text).
 *  SL_ENOTFOUND with a did-you-mean suggestion when there is no such column. */
int sl_design_add_table_column(sl_design *d, const sl_table *t, const char *name,
                               int categorical, size_t *term, sl_error *err);

/** Options of sl_design_from_formula(); NULL or zeroed gives no weights, R's reference levels. */
typedef struct sl_formula_options {
  const char *weights;              /* weights column, or NULL */
  const char *const *references;    /* "VARIABLE=LEVEL" items (VARIABLE as in the formula: position,
                                       or season for C(season)); borrowed */
  size_t nreferences;
} sl_formula_options;

/** Builds and prepares the design of an R model formula over the table's columns, e.g.
 *  "log(fee) ~ age + I(age^2) + position + league + log(market_value)":
 *  variables are columns (text columns become factors), log(x), sqrt(x), I(x^k) (k = 2..10),
 *  poly(x, k) (R's orthogonal polynomials over the rows used), C(x) (x as a factor); terms join
 *  with +, a:b multiplies, a*b = a + b + a:b, - term removes, - 1 or + 0 drops the intercept.
 *  Factors use R's treatment contrasts (first level in bytewise order, as R in the C locale, or
 *  the reference given) and R's rule for indicators in interactions and without intercept;
 *  columns are named as R prints them (positionCB, age:positionCF, poly(age, 2)1). Rows where a
 *  variable is missing or a transform undefined (log of a value <= 0) are counted as skipped.
 *  SL_EPARSE (with the character column) for a malformed formula, SL_ENOTFOUND for an unknown
 *  column (did-you-mean), SL_EDATA for a text column under a numeric transform. On success *out
 *  is a new prepared design (free with sl_design_free()); it borrows t. */
int sl_design_from_formula(const sl_table *t, const char *formula, const sl_formula_options *opt,
                           sl_design **out, sl_error *err);

/** The saved form of a formula design: its formula, every factor's levels and every poly()'s
 *  coefficients, as lines of text; *out is a new string the caller frees with free(). */
int sl_design_spec(const sl_design *d, char **out, sl_error *err);

/** A design over new rows of t from a saved form (no response needed): the same variables,
 *  levels, coefficients and columns as the fit. Free with sl_design_free(); it borrows t. */
int sl_design_from_spec(const sl_table *t, const char *spec, sl_design **out, sl_error *err);

/** Row `row` of such a design (any row of t) into x (sl_design_columns() values): 0, or 1 with
 *  the reason it has no values in why ("age is missing", "position 'XX' is not a level of the
 *  model", "log(market_value): a value <= 0 in market_value"). */
int sl_design_row_x(const sl_design *d, size_t row, double *x, char *why, size_t size);

/** Decides the rows used, the levels and the column names. Fails with SL_EDATA when a used
 *  value is infinite or a weight negative, SL_ENOTFOUND for an unknown reference level,
 *  SL_EINVAL without a response. Call once, after adding every term. */
int sl_design_prepare(sl_design *d, sl_error *err);

/** Number of columns of X (after prepare). */
size_t sl_design_columns(const sl_design *d);

/** Column names (after prepare), borrowed. */
const char *const *sl_design_names(const sl_design *d);

/** Row report (after prepare), borrowed. */
const sl_design_report *sl_design_report_get(const sl_design *d);

/** Original row index (0-based) of used row k. */
size_t sl_design_row_index(const sl_design *d, size_t k);

/** A row source over the used rows for sl_ols_fit_rows()/sl_ridge_fit_rows(); borrows d. */
int sl_design_rows(const sl_design *d, sl_rows *out, sl_error *err);

/** The rounding remainders of a design's columns (powers formed in double-double, products),
 *  for sl_ols_options.fill_lo with the source from sl_design_rows(): the extended-precision
 *  solve then sees I(x^k) as exact, not as rounded doubles. ctx is the design. */
int sl_design_fill_lo(const void *ctx, size_t first, size_t count, const double *x, size_t ldx,
                      double *xlo, sl_error *err);

/** Index of the first column of term t and its column count (after prepare). */
int sl_design_term_columns(const sl_design *d, size_t t, size_t *first, size_t *count);

/** Levels of a categorical term of one variable (after prepare): *nlevels of them, the
 *  reference first. Borrowed; NULL for other terms. */
const char *const *sl_design_levels(const sl_design *d, size_t t, size_t *nlevels);

SL_END_DECLS

#endif
