/* design_formula.c - R model formulas over a table (sl_design_from_formula), R's poly(), and the
 * saved form of a design that lets a model predict new rows (sl_design_spec /
 * sl_design_from_spec).
 *
 * Grammar (R's ?formula, the operators a linear model needs):
 *   formula := expr '~' sum          expr: a variable (the response)
 *   sum     := ['-'] prod (('+' | '-') prod)*
 *   prod    := inter ('*' inter)*    a*b = a + b + a:b
 *   inter   := atom (':' atom)*      a:b = the products of their terms
 *   atom    := '(' sum ')' | '0' | '1' | variable
 *   variable:= NAME | `any name` | log(NAME) | sqrt(NAME) | I(NAME^k) | poly(NAME, k) | C(NAME)
 * '- 1' and '+ 0' drop the intercept; '- term' drops a term. Terms are then ordered by the
 * number of variables they multiply, formula order kept within each order (terms.formula). */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "design_private.h"
#include "runtime_internal.h"

/* poly() degrees accepted: R allows up to unique points - 1; beyond 20 is never a model. */
#define FORMULA_MAX_DEGREE 20
/* Longest formula accepted (bytes): a line a person writes. */
#define FORMULA_MAX_LENGTH 8192

/* ---- R's poly() and the power remainders -------------------------------------------------- */

double sl_design_power_lo(double x, int p) {
  double hi = x, lo = 0;
  for (int k = 1; k < p; k++) {
    double h = hi * x;
    lo = fma(hi, x, -h) + lo * x;
    hi = h;
  }
  return lo;
}

/* Stieltjes' procedure: the monic polynomials orthogonal over the used rows' x satisfy
 * p_{j+1} = (x - alpha_j) p_j - (N_j / N_{j-1}) p_{j-1}, alpha_j = sum x p_j^2 / N_j,
 * N_j = sum p_j^2. These are R's poly() coefs (alpha, norm2 = 1, N_0, N_1, ...), which R's QR
 * computes the same polynomials from; its columns are p_j / sqrt(N_j), j = 1..degree. */
int sl_design_poly_fit(sl_design *d, variable *v, sl_error *err) {
  size_t n = d->nused, deg = (size_t)v->degree;
  double *prev = malloc((n ? n : 1) * sizeof *prev), *cur = malloc((n ? n : 1) * sizeof *cur);
  v->alpha = malloc(deg * sizeof *v->alpha);
  v->norm2 = malloc((deg + 2) * sizeof *v->norm2);
  if (!prev || !cur || !v->alpha || !v->norm2) {
    free(prev), free(cur);
    return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  }
  v->norm2[0] = 1;
  for (size_t k = 0; k < n; k++) prev[k] = 0, cur[k] = 1;
  int st = SL_OK;
  for (size_t j = 0; j <= deg && !st; j++) {
    double nj = 0, xs = 0;
    for (size_t k = 0; k < n; k++) {
      double x = v->num[d->used[k]];
      nj += cur[k] * cur[k];
      xs += x * cur[k] * cur[k];
    }
    v->norm2[j + 1] = nj;
    /* A vanishing p_j means x has at most j distinct values (R: "'degree' must be less than
     * number of unique points"). */
    if (!(nj > 0) || (j > 0 && nj <= 1e-24 * v->norm2[j])) {
      st = sl_error_set(err, SL_EDATA, NULL, 0, 0,
                        "%s: degree %d needs more than %zu distinct values of the variable",
                        v->label, v->degree, j);
      break;
    }
    if (j == deg) break;
    double a = v->alpha[j] = xs / nj, ratio = nj / v->norm2[j];
    for (size_t k = 0; k < n; k++) {
      double x = v->num[d->used[k]], next = (x - a) * cur[k] - (j ? ratio : 0) * prev[k];
      prev[k] = cur[k], cur[k] = next;
    }
  }
  free(prev), free(cur);
  return st;
}

double sl_design_poly_value(const variable *v, double x, size_t j) {
  double zm = 1, z = x - v->alpha[0];
  for (size_t i = 1; i <= j; i++) {
    double next = (x - v->alpha[i]) * z - (v->norm2[i + 1] / v->norm2[i]) * zm;
    zm = z, z = next;
  }
  return z / sqrt(v->norm2[j + 2]);
}

/* ---- the parser ------------------------------------------------------------------------- */

typedef struct term_list {
  term *t; /* only nv and v[] are used here */
  size_t n, cap;
} term_list;

typedef enum call_kind { CALL_NONE, CALL_LOG, CALL_SQRT, CALL_POWER, CALL_POLY, CALL_FACTOR } call_kind;

/* A variable as written: what it calls, on which column, with which integer argument. */
typedef struct parsed_var {
  call_kind call;
  char column[SL_REGRESS_NAME_MAX + 1];
  int k;
  char label[SL_DESIGN_LABEL_MAX];
} parsed_var;

typedef struct parser {
  const char *text, *s;
  sl_error *err;
  int intercept;
  parsed_var *vars;
  size_t nvars, cap;
} parser;

static void skip_space(parser *p) {
  while (*p->s == ' ' || *p->s == '\t') p->s++;
}

static int fail_at(parser *p, const char *what) {
  long col = (long)(p->s - p->text) + 1;
  return sl_error_set(p->err, SL_EPARSE, NULL, 0, col, "formula \"%s\", at character %ld: %s",
                      p->text, col, what);
}

static int name_char(int c) { return isalnum(c) || c == '.' || c == '_' || c >= 0x80; }

/* A NAME or `quoted name` into out. */
static int parse_name(parser *p, char *out, size_t size) {
  skip_space(p);
  size_t len = 0;
  const unsigned char *s = (const unsigned char *)p->s;
  if (*s == '`') {
    const char *end = strchr(p->s + 1, '`');
    if (!end) return fail_at(p, "a `quoted name` is not closed");
    len = (size_t)(end - p->s - 1);
    if (len == 0 || len >= size) return fail_at(p, "empty or overlong quoted name");
    memcpy(out, p->s + 1, len);
    p->s = end + 1;
  } else {
    if (!name_char(*s) || isdigit(*s)) return fail_at(p, "expected a column name");
    while (name_char(s[len])) len++;
    if (len >= size) return fail_at(p, "column name too long");
    memcpy(out, p->s, len);
    p->s += len;
  }
  out[len] = '\0';
  return SL_OK;
}

static int expect_char(parser *p, char c, const char *what) {
  skip_space(p);
  if (*p->s != c) return fail_at(p, what);
  p->s++;
  return SL_OK;
}

static int parse_int(parser *p, int lo, int hi, int *out, const char *what) {
  skip_space(p);
  char *end;
  long v = strtol(p->s, &end, 10);
  if (end == p->s || v < lo || v > hi) return fail_at(p, what);
  p->s = end;
  *out = (int)v;
  return SL_OK;
}

/* R writes a non-syntactic name in backquotes (`market value`) in labels. */
static void name_label(const char *name, char *out, size_t size) {
  int syntactic = name_char((unsigned char)name[0]) && !isdigit((unsigned char)name[0]) &&
                  !(name[0] == '.' && isdigit((unsigned char)name[1]));
  for (const char *c = name; syntactic && *c; c++) syntactic = name_char((unsigned char)*c);
  snprintf(out, size, syntactic ? "%s" : "`%s`", name);
}

/* The index of a variable by label, appended when new (first appearance order, as R). */
static int intern_var(parser *p, const parsed_var *v, size_t *index) {
  for (size_t k = 0; k < p->nvars; k++)
    if (strcmp(p->vars[k].label, v->label) == 0) return *index = k, SL_OK;
  if (p->nvars == p->cap) {
    size_t cap = p->cap ? 2 * p->cap : 8;
    parsed_var *nv = realloc(p->vars, cap * sizeof *nv);
    if (!nv) return sl_error_set(p->err, SL_ENOMEM, NULL, 0, 0, "out of memory");
    p->vars = nv, p->cap = cap;
  }
  p->vars[p->nvars] = *v;
  *index = p->nvars++;
  return SL_OK;
}

static int parse_variable(parser *p, size_t *index) {
  parsed_var v = {0};
  char name[SL_REGRESS_NAME_MAX + 1], col[SL_REGRESS_NAME_MAX + 3];
  int quoted = (skip_space(p), *p->s == '`');
  int st = parse_name(p, name, sizeof name);
  if (st) return st;
  skip_space(p);
  if (quoted || *p->s != '(') {
    snprintf(v.column, sizeof v.column, "%s", name);
    name_label(name, v.label, sizeof v.label);
    return intern_var(p, &v, index);
  }
  p->s++;
  static const struct { const char *name; call_kind kind; } calls[] = {
      {"log", CALL_LOG}, {"sqrt", CALL_SQRT}, {"I", CALL_POWER}, {"poly", CALL_POLY}, {"C", CALL_FACTOR}};
  for (size_t k = 0; k < sizeof calls / sizeof calls[0]; k++)
    if (strcmp(name, calls[k].name) == 0) v.call = calls[k].kind;
  if (v.call == CALL_NONE) return fail_at(p, "unknown function (expected log, sqrt, I, poly or C)");
  if ((st = parse_name(p, v.column, sizeof v.column))) return st;
  name_label(v.column, col, sizeof col);
  if (v.call == CALL_POWER) {
    if ((st = expect_char(p, '^', "I() takes a power: I(x^k)"))) return st;
    if ((st = parse_int(p, 2, SL_DESIGN_MAX_POWER, &v.k, "the power in I(x^k) must be 2 to 10"))) return st;
    snprintf(v.label, sizeof v.label, "I(%s^%d)", col, v.k);
  } else if (v.call == CALL_POLY) {
    if ((st = expect_char(p, ',', "poly() takes a degree: poly(x, k)"))) return st;
    if ((st = parse_int(p, 1, FORMULA_MAX_DEGREE, &v.k, "the degree of poly(x, k) must be 1 to 20"))) return st;
    snprintf(v.label, sizeof v.label, "poly(%s, %d)", col, v.k);
  } else {
    snprintf(v.label, sizeof v.label, "%s(%s)", name, col);
  }
  if ((st = expect_char(p, ')', "expected ')'"))) return st;
  return intern_var(p, &v, index);
}

static int list_add(parser *p, term_list *l, const size_t *vars, size_t nv) {
  static const size_t none[1] = {0};
  if (!vars) vars = none; /* the empty term: memcmp/memcpy never see NULL */
  for (size_t k = 0; k < l->n; k++)
    if (l->t[k].nv == nv && memcmp(l->t[k].v, vars, nv * sizeof *vars) == 0) return SL_OK;
  if (l->n == l->cap) {
    size_t cap = l->cap ? 2 * l->cap : 8;
    term *nt = realloc(l->t, cap * sizeof *nt);
    if (!nt) return sl_error_set(p->err, SL_ENOMEM, NULL, 0, 0, "out of memory");
    l->t = nt, l->cap = cap;
  }
  l->t[l->n].nv = nv;
  memcpy(l->t[l->n].v, vars, nv * sizeof *vars);
  l->n++;
  return SL_OK;
}

static int list_union(parser *p, term_list *a, const term_list *b) {
  int st = SL_OK;
  for (size_t k = 0; k < b->n && !st; k++) st = list_add(p, a, b->t[k].v, b->t[k].nv);
  return st;
}

/* a:b, every pair of their terms multiplied (the empty term is the identity). */
static int list_product(parser *p, term_list *a, const term_list *b) {
  term_list out = {0};
  int st = SL_OK;
  for (size_t i = 0; i < a->n && !st; i++)
    for (size_t j = 0; j < b->n && !st; j++) {
      size_t vars[SL_DESIGN_MAX_ORDER];
      size_t nv = sl_design_merge_vars(a->t[i].v, a->t[i].nv, b->t[j].v, b->t[j].nv, vars);
      if (nv == 0 && a->t[i].nv + b->t[j].nv > 0) st = fail_at(p, "an interaction of more than 8 variables");
      else st = list_add(p, &out, vars, nv);
    }
  free(a->t);
  *a = out;
  return st;
}

static void list_remove(term_list *a, const term_list *b, int *intercept) {
  for (size_t j = 0; j < b->n; j++) {
    if (b->t[j].nv == 0) *intercept = 0;
    for (size_t k = 0; k < a->n; k++)
      if (a->t[k].nv == b->t[j].nv && memcmp(a->t[k].v, b->t[j].v, b->t[j].nv * sizeof(size_t)) == 0) {
        memmove(a->t + k, a->t + k + 1, (a->n - k - 1) * sizeof *a->t);
        a->n--;
        break;
      }
  }
}

static int parse_sum(parser *p, term_list *out);

static int parse_atom(parser *p, term_list *out) {
  skip_space(p);
  memset(out, 0, sizeof *out);
  if (*p->s == '(') {
    p->s++;
    int st = parse_sum(p, out);
    return st ? st : expect_char(p, ')', "expected ')'");
  }
  if (*p->s == '0' || *p->s == '1') {
    int one = *p->s == '1';
    p->s++;
    if (name_char((unsigned char)*p->s)) return fail_at(p, "a number in a formula is 0 or 1");
    if (!one) {
      p->intercept = 0;
      return SL_OK;
    }
    return list_add(p, out, NULL, 0); /* the empty term: the intercept */
  }
  size_t v = 0;
  int st = parse_variable(p, &v);
  return st ? st : list_add(p, out, &v, 1);
}

static int parse_inter(parser *p, term_list *out) {
  int st = parse_atom(p, out);
  while (!st && (skip_space(p), *p->s == ':')) {
    p->s++;
    term_list b;
    st = parse_atom(p, &b);
    if (!st) st = list_product(p, out, &b);
    free(b.t);
  }
  return st;
}

static int parse_prod(parser *p, term_list *out) {
  int st = parse_inter(p, out);
  while (!st && (skip_space(p), *p->s == '*')) {
    p->s++;
    term_list b, ab = {0};
    st = parse_inter(p, &b);
    if (!st) st = list_union(p, &ab, out);
    if (!st) st = list_product(p, &ab, &b);
    if (!st) st = list_union(p, out, &b);
    if (!st) st = list_union(p, out, &ab);
    free(b.t), free(ab.t);
  }
  if (!st && (skip_space(p), *p->s == '^')) st = fail_at(p, "'^' is a power only inside I(): write I(x^2)");
  return st;
}

static int parse_sum(parser *p, term_list *out) {
  memset(out, 0, sizeof *out);
  int st = SL_OK, sign = 1;
  skip_space(p);
  if (*p->s == '-') sign = -1, p->s++;
  else if (*p->s == '+') p->s++;
  for (;;) {
    term_list b;
    if ((st = parse_prod(p, &b))) return free(b.t), st;
    if (sign > 0) {
      for (size_t k = 0; k < b.n; k++)
        if (b.t[k].nv == 0) p->intercept = 1;
      st = list_union(p, out, &b);
    } else {
      list_remove(out, &b, &p->intercept);
    }
    free(b.t);
    if (st) return st;
    skip_space(p);
    if (*p->s == '+') sign = 1;
    else if (*p->s == '-') sign = -1;
    else return SL_OK;
    p->s++;
  }
}

/* Stable order by the number of variables (R's terms.formula, keep.order = FALSE). */
static void order_terms(term_list *l) {
  for (size_t i = 1; i < l->n; i++)
    for (size_t j = i; j > 0 && l->t[j - 1].nv > l->t[j].nv; j--) {
      term tmp = l->t[j];
      l->t[j] = l->t[j - 1];
      l->t[j - 1] = tmp;
    }
}

/* ---- building the variables from a table ------------------------------------------------ */

/* Which kind a saved model gave each variable: factors are those with levels. */
typedef struct spec_kinds {
  const int *factor; /* per variable: 1 factor, 0 numeric; NULL: from the column types */
} spec_kinds;

/* Numbers of a column, parsing text cells (a column typed text in new data); NULL on no memory. */
static double *numbers_of(const sl_table *t, const sl_column *c) {
  double *v = malloc((t->nrows ? t->nrows : 1) * sizeof *v);
  for (size_t i = 0; v && i < t->nrows; i++)
    if (sl_table_number(t, c, i, &v[i]) != 1) v[i] = NAN;
  return v;
}

static int numeric_needed(const sl_table *t, const sl_column *c, const char *label, sl_error *err) {
  long line = 0;
  const char *cell = "";
  for (size_t r = 0; r < t->nrows && !line; r++)
    if (c->text[r] && sl_table_number(t, c, r, &(double){0}) < 0) line = t->row_line[r], cell = c->text[r];
  return sl_error_set(err, SL_EDATA, t->nfiles ? t->files[0] : NULL, line, 0,
                      "%s needs numbers, but column '%s' is text (\"%s\"); a text column is a "
                      "factor only on its own or in C()", label, c->name, cell);
}

static int factor_labels(sl_design *d, variable *v, const sl_column *c, sl_error *err) {
  v->kind = VAR_FACTOR;
  if (c->type == SL_TYPE_TEXT) {
    v->labels = (const char *const *)c->text;
    return SL_OK;
  }
  v->own_labels = sl_design_labels_from_numbers(c->num, d->n);
  v->labels = (const char *const *)v->own_labels;
  v->numeric_levels = 1;
  return v->own_labels ? SL_OK : sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
}

static int build_variable(sl_design *d, const sl_table *t, const parsed_var *pv, int want_factor,
                          int response, sl_error *err) {
  size_t index = 0;
  int st = sl_design_push_variable(d, VAR_NUMERIC, pv->label, &index, err);
  if (st) return st;
  variable *v = &d->vars[index];
  const sl_column *c = sl_table_column(t, pv->column);
  if (!c) return sl_design_column_not_found(t, pv->column, err);
  if (c->type == SL_TYPE_EMPTY)
    return sl_error_set(err, SL_EDATA, t->nfiles ? t->files[0] : NULL, 0, 0, "column '%s' has no values", pv->column);
  int factor = want_factor >= 0 ? want_factor : pv->call == CALL_FACTOR || (pv->call == CALL_NONE && c->type == SL_TYPE_TEXT);
  if (factor && response) return sl_error_set(err, SL_EDATA, NULL, 0, 0, "the response %s must be numeric (column '%s' is text)", pv->label, pv->column);
  if (factor) return factor_labels(d, v, c, err);
  const double *x = c->num;
  if (c->type == SL_TYPE_TEXT) {
    if (!d->predict) return numeric_needed(t, c, pv->label, err);
    if (!(v->own = numbers_of(t, c))) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
    x = v->own;
  }
  v->num = x;
  if (pv->call != CALL_NONE && !(v->source_name = sl_design_strdup(pv->column)))
    return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  if (pv->call == CALL_POWER) {
    double *parsed = v->own;
    v->own = NULL;
    st = sl_design_power_values(v, x, pv->k, d->n, err);
    free(parsed);
    if (!st && parsed) v->base = NULL, v->power = 1; /* remainders only of exact inputs */
    return st;
  }
  if (pv->call == CALL_POLY) {
    v->kind = VAR_POLY, v->degree = pv->k;
    return SL_OK;
  }
  if (pv->call != CALL_LOG && pv->call != CALL_SQRT) return SL_OK;
  double *out = malloc((d->n ? d->n : 1) * sizeof *out);
  if (!out) {
    free(out);
    return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  }
  /* R gives -Inf/NaN here and lm stops; such rows are counted as skipped instead. */
  for (size_t i = 0; i < d->n; i++) out[i] = pv->call == CALL_LOG ? (x[i] > 0 ? log(x[i]) : NAN) : (x[i] >= 0 ? sqrt(x[i]) : NAN);
  free(v->own);
  v->own = out, v->num = out, v->source = x;
  v->undefined_why = pv->call == CALL_LOG ? "a value <= 0" : "a value < 0";
  return SL_OK;
}

/* "position=CB": the reference level of the factor whose label (or column) is position. */
static int apply_reference(sl_design *d, const char *spec, sl_error *err) {
  const char *eq = strchr(spec, '=');
  if (!eq || eq == spec || !eq[1])
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "reference '%s': expected VARIABLE=LEVEL", spec);
  size_t len = (size_t)(eq - spec);
  for (size_t k = 0; k < d->nvars; k++) {
    variable *v = &d->vars[k];
    if (v->kind != VAR_FACTOR) continue;
    const char *l = v->label;
    int hit = strlen(l) == len && strncmp(l, spec, len) == 0;
    hit = hit || (strncmp(l, "C(", 2) == 0 && strlen(l) == len + 3 && strncmp(l + 2, spec, len) == 0);
    if (!hit) continue;
    free(v->reference);
    return (v->reference = sl_design_strdup(eq + 1)) ? SL_OK : sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  }
  return sl_error_set(err, SL_ENOTFOUND, NULL, 0, 0, "reference '%s': the formula has no factor '%.*s'",
                      spec, (int)len, spec);
}

/* Parses formula into p (response = variable 0) and the ordered term list. */
static int parse_formula(parser *p, const char *formula, term_list *terms, sl_error *err) {
  memset(p, 0, sizeof *p);
  p->text = p->s = formula, p->err = err, p->intercept = 1;
  memset(terms, 0, sizeof *terms);
  if (strlen(formula) > FORMULA_MAX_LENGTH)
    return sl_error_set(err, SL_ELIMIT, NULL, 0, 0, "formula longer than %d bytes", FORMULA_MAX_LENGTH);
  size_t y;
  int st = parse_variable(p, &y);
  if (!st && p->vars[y].call != CALL_NONE && p->vars[y].call != CALL_LOG && p->vars[y].call != CALL_SQRT)
    st = fail_at(p, "the response is a column, log(column) or sqrt(column)");
  if (!st) st = expect_char(p, '~', "expected '~' after the response (y ~ x + ...)");
  if (!st) st = parse_sum(p, terms);
  if (!st && (skip_space(p), *p->s != '\0')) st = fail_at(p, "unexpected text (operators are + - * : and ~)");
  for (size_t k = 0; !st && k < terms->n; k++)
    for (size_t q = 0; q < terms->t[k].nv; q++)
      if (terms->t[k].v[q] == 0) st = sl_error_set(err, SL_EPARSE, NULL, 0, 0, "formula \"%s\": the response %s is also a predictor", formula, p->vars[0].label);
  if (!st && terms->n == 0 && !p->intercept) st = sl_error_set(err, SL_EPARSE, NULL, 0, 0, "formula \"%s\" has no terms", formula);
  /* Terms with the empty set (an explicit 1) are the intercept, not columns. */
  for (size_t k = 0; !st && k < terms->n; k++)
    if (terms->t[k].nv == 0) {
      memmove(terms->t + k, terms->t + k + 1, (terms->n - k - 1) * sizeof *terms->t);
      terms->n--, k--;
    }
  if (!st) order_terms(terms);
  return st;
}

/* The design of a parsed formula over t (the response skipped when predicting). */
static int build_design(const sl_table *t, parser *p, const term_list *terms, const int *factor_of,
                        int predict, sl_design **out, sl_error *err) {
  sl_design *d = sl_design_new(t->nrows, p->intercept);
  if (!d) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  d->predict = predict;
  *out = d;
  int st = SL_OK;
  /* Every parsed variable becomes design variable k (the response too, unused when predicting). */
  for (size_t k = 0; k < p->nvars && !st; k++) {
    if (predict && k == 0) {
      size_t index = 0;
      st = sl_design_push_variable(d, VAR_NUMERIC, p->vars[0].label, &index, err);
      continue;
    }
    st = build_variable(d, t, &p->vars[k], factor_of ? factor_of[k] : -1, k == 0, err);
  }
  if (!predict) d->yvar = 0;
  for (size_t k = 0; k < terms->n && !st; k++) st = sl_design_push_term(d, terms->t[k].v, terms->t[k].nv, NULL, err);
  return st;
}

int sl_design_from_formula(const sl_table *t, const char *formula, const sl_formula_options *opt,
                           sl_design **out, sl_error *err) {
  if (out) *out = NULL;
  if (!t || !formula || !out) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "formula: missing argument");
  parser p;
  term_list terms;
  sl_design *d = NULL;
  int st = parse_formula(&p, formula, &terms, err);
  if (!st) st = build_design(t, &p, &terms, NULL, 0, &d, err);
  if (!st && !(d->formula = sl_design_strdup(formula))) st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  if (!st && opt && opt->weights) {
    const sl_column *c = sl_table_column(t, opt->weights);
    if (!c) st = sl_design_column_not_found(t, opt->weights, err);
    else if (!c->num) st = sl_error_set(err, SL_EDATA, NULL, 0, 0, "weights column '%s' is not numeric", opt->weights);
    else st = sl_design_set_weights(d, opt->weights, c->num, err);
  }
  for (size_t k = 0; !st && opt && k < opt->nreferences; k++) st = apply_reference(d, opt->references[k], err);
  if (!st) st = sl_design_prepare(d, err);
  free(p.vars);
  free(terms.t);
  if (st) {
    sl_design_free(d);
    return st;
  }
  *out = d;
  return SL_OK;
}

/* ---- the saved form ----------------------------------------------------------------------- */

/* A growing text buffer. */
typedef struct text_buf {
  char *s;
  size_t len, cap;
  int failed;
} text_buf;

static void put(text_buf *b, const char *fmt, ...) {
  if (b->failed) return;
  va_list ap;
  va_start(ap, fmt);
  int need = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (need < 0) {
    b->failed = 1;
    return;
  }
  if (b->len + (size_t)need + 1 > b->cap) {
    size_t cap = (b->len + (size_t)need + 1) * 2;
    char *ns = realloc(b->s, cap);
    if (!ns) {
      b->failed = 1;
      return;
    }
    b->s = ns, b->cap = cap;
  }
  va_start(ap, fmt);
  vsnprintf(b->s + b->len, b->cap - b->len, fmt, ap);
  va_end(ap);
  b->len += (size_t)need;
}

int sl_design_spec(const sl_design *d, char **out, sl_error *err) {
  *out = NULL;
  if (!d || !d->prepared || !d->formula)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "design: only a prepared formula design has a saved form");
  text_buf b = {0};
  put(&b, "formula %s\n", d->formula);
  for (size_t k = 0; k < d->nvars; k++) {
    const variable *v = &d->vars[k];
    if (v->kind == VAR_FACTOR) {
      put(&b, "levels %zu %zu%s\n", k, v->nlevels, v->numeric_levels ? " numeric" : "");
      for (size_t l = 0; l < v->nlevels; l++) {
        if (strpbrk(v->levels[l], "\r\n")) {
          free(b.s);
          return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "level of %s holds a line break: cannot be saved", v->label);
        }
        put(&b, "level %s\n", v->levels[l]);
      }
    } else if (v->kind == VAR_POLY) {
      put(&b, "poly %zu %d", k, v->degree);
      char num[40];
      for (int j = 0; j < 2 * v->degree + 2; j++) {
        sl_snprintf_c(num, sizeof num, " %.17g", j < v->degree ? v->alpha[j] : v->norm2[j - v->degree]);
        put(&b, "%s", num);
      }
      put(&b, "\n");
    }
  }
  if (b.failed) {
    free(b.s);
    return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  }
  *out = b.s;
  return SL_OK;
}

/* Next line of a spec into line (without the newline); NULL at the end. */
static const char *next_line(const char **s, char *line, size_t size) {
  if (!**s) return NULL;
  const char *nl = strchr(*s, '\n');
  size_t len = nl ? (size_t)(nl - *s) : strlen(*s);
  if (len >= size) len = size - 1;
  memcpy(line, *s, len);
  line[len] = '\0';
  *s = nl ? nl + 1 : *s + strlen(*s);
  return line;
}

static int bad_spec(sl_error *err, const char *what) {
  return sl_error_set(err, SL_EPARSE, NULL, 0, 0, "damaged model design: %s", what);
}

/* Reads levels and poly coefficients of the spec into d's variables (formula already built). */
static int read_spec_body(sl_design *d, const char *s, sl_error *err) {
  char line[SL_DESIGN_LABEL_MAX + 64];
  while (next_line(&s, line, sizeof line)) {
    size_t k, n;
    int deg, used;
    if (sscanf(line, "levels %zu %zu", &k, &n) == 2) {
      if (k >= d->nvars || d->vars[k].kind != VAR_FACTOR || n < 2 || n > (size_t)1 << 24 || d->vars[k].levels)
        return bad_spec(err, "a levels line for a variable that is not a factor");
      variable *v = &d->vars[k];
      if (!(v->levels = calloc(n, sizeof *v->levels))) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
      v->own_levels = 1;
      v->numeric_levels = strstr(line, " numeric") != NULL;
      for (size_t l = 0; l < n; l++, v->nlevels++) {
        if (!next_line(&s, line, sizeof line) || strncmp(line, "level ", 6) != 0) return bad_spec(err, "fewer level lines than announced");
        if (!(v->levels[l] = sl_design_strdup(line + 6))) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
        if (l > 1 && sl_design_level_cmp(v, v->levels[l - 1], v->levels[l]) >= 0) return bad_spec(err, "levels out of order");
      }
    } else if (sscanf(line, "poly %zu %d%n", &k, &deg, &used) == 2) {
      variable *v = k < d->nvars ? &d->vars[k] : NULL;
      if (!v || v->kind != VAR_POLY || deg != v->degree || v->alpha) return bad_spec(err, "a poly line for another variable");
      v->alpha = malloc((size_t)deg * sizeof *v->alpha);
      v->norm2 = malloc(((size_t)deg + 2) * sizeof *v->norm2);
      if (!v->alpha || !v->norm2) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
      const char *c = line + used;
      for (int j = 0; j < 2 * deg + 2; j++) {
        char *e;
        double x = sl_strtod_c(c, &e);
        if (e == c || !isfinite(x)) return bad_spec(err, "poly line with too few numbers");
        if (j < deg) v->alpha[j] = x;
        else v->norm2[j - deg] = x;
        c = e;
      }
    } else {
      return bad_spec(err, "unknown line");
    }
  }
  for (size_t k = 0; k < d->nvars; k++)
    if ((d->vars[k].kind == VAR_FACTOR && !d->vars[k].levels && k > 0) || (d->vars[k].kind == VAR_POLY && !d->vars[k].alpha))
      return bad_spec(err, "a factor or poly() variable without its saved levels or coefficients");
  return SL_OK;
}

int sl_design_from_spec(const sl_table *t, const char *spec, sl_design **out, sl_error *err) {
  if (out) *out = NULL;
  if (!t || !spec || !out) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "design: missing argument");
  char formula[FORMULA_MAX_LENGTH + 16];
  const char *s = spec;
  if (!next_line(&s, formula, sizeof formula) || strncmp(formula, "formula ", 8) != 0)
    return bad_spec(err, "no formula line");
  parser p;
  term_list terms;
  sl_design *d = NULL;
  int st = parse_formula(&p, formula + 8, &terms, err);
  /* The variables with saved levels are the factors, whatever the new columns' types. */
  int *factor_of = st ? NULL : calloc(p.nvars ? p.nvars : 1, sizeof *factor_of);
  if (!st && !factor_of) st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  char line[SL_DESIGN_LABEL_MAX + 64];
  for (const char *c = s; !st && next_line(&c, line, sizeof line);) {
    size_t k, n;
    if (sscanf(line, "levels %zu %zu", &k, &n) == 2 && k < p.nvars) factor_of[k] = 1;
  }
  if (!st) st = build_design(t, &p, &terms, factor_of, 1, &d, err);
  if (!st && !(d->formula = sl_design_strdup(formula + 8))) st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  if (!st) st = read_spec_body(d, s, err);
  if (!st) st = sl_design_prepare(d, err);
  free(p.vars), free(terms.t), free(factor_of);
  if (st) {
    sl_design_free(d);
    return st;
  }
  *out = d;
  return SL_OK;
}

int sl_design_row_x(const sl_design *d, size_t row, double *x, char *why, size_t size) {
  for (size_t t = 0; t < d->nterms; t++)
    for (size_t q = 0; q < d->terms[t].nv; q++) {
      const variable *v = &d->vars[d->terms[t].v[q]];
      int s = sl_design_value_state(v, row);
      if (s == 1) return snprintf(why, size, "%s is missing", v->source_name ? v->source_name : v->label), 1;
      if (s == 2) return snprintf(why, size, "%s: %s in %s", v->label, v->undefined_why, v->source_name), 1;
      if (v->kind == VAR_FACTOR && v->code[row] < 0)
        return snprintf(why, size, "%s '%s' is not a level of the model", v->label, v->labels[row]), 1;
      if (v->kind != VAR_FACTOR && !isfinite(v->num[row]))
        return snprintf(why, size, "%s is not a finite number", v->label), 1;
    }
  sl_design_fill_rows(d, &row, 1, x, 1, NULL);
  return 0;
}
