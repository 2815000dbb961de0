/* design_private.h - the design's insides, shared by design.c (terms, coding, the row source)
 * and design_formula.c (R formulas, poly(), the saved form). Not a public header. */
#ifndef SCOUTLAB_DESIGN_PRIVATE_H
#define SCOUTLAB_DESIGN_PRIVATE_H

#include <stddef.h>

#include "scoutlab/design.h"

/* Variables multiplied in one term at most (a:b:c:... beyond 8 is never a sensible model). */
#define SL_DESIGN_MAX_ORDER 8
/* Powers beyond this are numerically useless in a design (use poly()); 10 is NIST's Filip. */
#define SL_DESIGN_MAX_POWER 10
/* Longest variable, term or column label built (bytes). */
#define SL_DESIGN_LABEL_MAX (4 * SL_REGRESS_NAME_MAX)
/* No variable (response or weights not set). */
#define SL_DESIGN_NONE ((size_t)-1)

typedef enum var_kind {
  VAR_NUMERIC = 0, /* one column: num (a table column, or own values of a transform) */
  VAR_POLY,        /* degree columns of R's orthogonal polynomials of num */
  VAR_FACTOR       /* labels coded against levels */
} var_kind;

typedef struct variable {
  var_kind kind;
  char *label;              /* as R deparses it: age, log(fee), I(age^2), poly(age, 2), C(season) */
  const double *num;        /* NUMERIC values / POLY argument, n of them */
  double *own;              /* owned values of a transform (num points here) */
  const double *source;     /* the column a transform (log) was computed from, or NULL */
  char *source_name;        /* its name, for "missing value in fee" */
  const char *undefined_why;/* why a present source value gives no value ("a value <= 0") */
  int power;                /* k for I(x^k) (remainders in double-double), else 1 */
  const double *base;       /* x of I(x^k) */
  int degree;               /* POLY */
  double *alpha, *norm2;    /* POLY: R's coefs (degree and degree + 2 values) */
  const char *const *labels;/* FACTOR: n labels, NULL = missing */
  char **own_labels;        /* labels made from numbers, owned */
  int numeric_levels;       /* 1: labels are numbers, levels sorted by value as R's factor() */
  char *reference;          /* FACTOR: wanted first level, or NULL */
  char **levels;            /* FACTOR after prepare (reference first); strings borrowed unless own_levels */
  int own_levels;           /* 1: the level strings are owned (read from a saved model) */
  size_t nlevels;
  int *code;                /* FACTOR: level index per row, -1 missing or unknown */
} variable;

typedef struct term {
  size_t nv;                       /* variables multiplied */
  size_t v[SL_DESIGN_MAX_ORDER];   /* their indices, ascending */
  int dummy[SL_DESIGN_MAX_ORDER];  /* 1: that factor coded by indicators of every level */
  char *name;                      /* label as R's term.labels */
  size_t first_col, ncols;
} term;

struct sl_design {
  size_t n;
  int intercept;
  int predict;              /* 1: built from a saved model for new rows (no response) */
  variable *vars;
  size_t nvars, varcap;
  size_t yvar, wvar;        /* SL_DESIGN_NONE when not set */
  term *terms;
  size_t nterms, termcap;
  int prepared;
  size_t *used, nused;
  char **colnames;
  size_t ncols;
  sl_design_skip *skips;
  sl_design_report report;
  char *formula;            /* the formula text when built from one */
};

char *sl_design_strdup(const char *s);
int sl_design_push_variable(sl_design *d, var_kind kind, const char *label, size_t *index,
                            sl_error *err);
int sl_design_push_term(sl_design *d, const size_t *vars, size_t nv, size_t *index, sl_error *err);
size_t sl_design_merge_vars(const size_t *a, size_t na, const size_t *b, size_t nb, size_t *out);
int sl_design_column_not_found(const sl_table *t, const char *name, sl_error *err);
char **sl_design_labels_from_numbers(const double *v, size_t n);
int sl_design_power_values(variable *v, const double *values, int power, size_t n, sl_error *err);
int sl_design_value_state(const variable *v, size_t i);
int sl_design_code_rows(sl_design *d, variable *v);
size_t sl_design_var_columns(const variable *v, int dummy);
/* The order of v's levels (bytewise, or by value for numbers): <0, 0, >0 as strcmp. */
int sl_design_level_cmp(const variable *v, const char *a, const char *b);
void sl_design_fill_rows(const sl_design *d, const size_t *rows, size_t count, double *x,
                         size_t ldx, double *xlo);

/* x^p formed in double-double: the remainder x^p - (double) x^p. */
double sl_design_power_lo(double x, int p);
/* R's poly(): alpha and norm2 from the used rows (design_formula.c). */
int sl_design_poly_fit(sl_design *d, variable *v, sl_error *err);
/* Column j (0-based) of the orthogonal polynomial basis at x, by R's three-term recurrence. */
double sl_design_poly_value(const variable *v, double x, size_t j);

#endif
