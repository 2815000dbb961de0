/* design.c - design matrices expanded on demand, row block by row block (see design.h).
 *
 * A design holds variables (a column's values, a transform of them - log, x^k, R's orthogonal
 * poly() - or a factor's labels) and terms, each the product of one or more variables, as R's
 * terms object does. Columns of a term are the products of its variables' columns, the first
 * variable varying fastest; a factor in a term is coded by treatment contrasts (levels after
 * the first) or by indicators of every level, decided at prepare by R's rule (TermCode in R's
 * src/library/stats/src/model.c): contrasts when the term without that factor is the empty term
 * or an earlier term, indicators otherwise; without an intercept, the first factor of the first
 * term holding one gets indicators (model.matrix's no-intercept rule). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "design_private.h"
#include "runtime_internal.h"

char *sl_design_strdup(const char *s) {
  size_t len = strlen(s);
  char *c = malloc(len + 1);
  if (c) memcpy(c, s, len + 1);
  return c;
}

sl_design *sl_design_new(size_t n, int intercept) {
  sl_design *d = calloc(1, sizeof *d);
  if (!d) return NULL;
  d->n = n;
  d->intercept = intercept ? 1 : 0;
  d->yvar = d->wvar = SL_DESIGN_NONE;
  return d;
}

static void variable_release(variable *v, size_t n) {
  free(v->label);
  free(v->source_name);
  free(v->own);
  free(v->reference);
  if (v->own_labels)
    for (size_t i = 0; i < n; i++) free(v->own_labels[i]);
  free(v->own_labels);
  if (v->own_levels)
    for (size_t l = 0; l < v->nlevels; l++) free(v->levels[l]);
  free(v->levels);
  free(v->code);
  free(v->alpha);
  free(v->norm2);
}

void sl_design_free(sl_design *d) {
  if (!d) return;
  for (size_t k = 0; k < d->nvars; k++) variable_release(&d->vars[k], d->n);
  free(d->vars);
  for (size_t t = 0; t < d->nterms; t++) free(d->terms[t].name);
  free(d->terms);
  for (size_t j = 0; d->colnames && j < d->ncols; j++) free(d->colnames[j]);
  free(d->colnames);
  free(d->used);
  free(d->skips);
  free(d->formula);
  free(d);
}

static int check_open(sl_design *d, const char *name, sl_error *err) {
  if (!d || !name || !name[0])
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "design: missing design or name");
  if (d->prepared)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "design: terms added after prepare");
  return SL_OK;
}

int sl_design_push_variable(sl_design *d, var_kind kind, const char *label, size_t *index,
                            sl_error *err) {
  int st = check_open(d, label, err);
  if (st) return st;
  if (d->nvars == d->varcap) {
    size_t cap = d->varcap ? 2 * d->varcap : 8;
    variable *nv = realloc(d->vars, cap * sizeof *nv);
    if (!nv) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
    d->vars = nv, d->varcap = cap;
  }
  variable *v = &d->vars[d->nvars];
  memset(v, 0, sizeof *v);
  v->kind = kind;
  v->power = 1;
  if (!(v->label = sl_design_strdup(label))) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  *index = d->nvars++;
  return SL_OK;
}

int sl_design_push_term(sl_design *d, const size_t *vars, size_t nv, size_t *index, sl_error *err) {
  if (nv == 0 || nv > SL_DESIGN_MAX_ORDER)
    return sl_error_set(err, SL_ELIMIT, NULL, 0, 0,
                        "design: a term multiplies 1 to %d variables, not %zu", SL_DESIGN_MAX_ORDER, nv);
  if (d->nterms == d->termcap) {
    size_t cap = d->termcap ? 2 * d->termcap : 8;
    term *nt = realloc(d->terms, cap * sizeof *nt);
    if (!nt) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
    d->terms = nt, d->termcap = cap;
  }
  term *m = &d->terms[d->nterms];
  memset(m, 0, sizeof *m);
  m->nv = nv;
  memcpy(m->v, vars, nv * sizeof *vars);
  /* The label joins the variables in variable order, as R's term labels. */
  char name[SL_DESIGN_LABEL_MAX] = "";
  for (size_t k = 0; k < nv; k++) {
    size_t len = strlen(name);
    snprintf(name + len, sizeof name - len, "%s%s", k ? ":" : "", d->vars[vars[k]].label);
  }
  if (!(m->name = sl_design_strdup(name))) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  if (index) *index = d->nterms;
  d->nterms++;
  return SL_OK;
}

int sl_design_set_response(sl_design *d, const char *name, const double *y, sl_error *err) {
  int st = check_open(d, name, err);
  if (st) return st;
  if (!y) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "design: no response values");
  size_t v = 0;
  if ((st = sl_design_push_variable(d, VAR_NUMERIC, name, &v, err))) return st;
  d->vars[v].num = y;
  d->yvar = v;
  return SL_OK;
}

int sl_design_set_weights(sl_design *d, const char *name, const double *w, sl_error *err) {
  int st = check_open(d, name, err);
  if (st) return st;
  if (!w) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "design: no weight values");
  size_t v = 0;
  if ((st = sl_design_push_variable(d, VAR_NUMERIC, name, &v, err))) return st;
  d->vars[v].num = w;
  d->wvar = v;
  return SL_OK;
}

/* One variable and the term made of it alone. */
static int add_single(sl_design *d, var_kind kind, const char *label, size_t *term_out,
                      variable **out, sl_error *err) {
  size_t v = 0;
  int st = sl_design_push_variable(d, kind, label, &v, err);
  if (!st) st = sl_design_push_term(d, &v, 1, term_out, err);
  *out = st ? NULL : &d->vars[v];
  return st;
}

int sl_design_add_numeric(sl_design *d, const char *name, const double *values, size_t *term_out,
                          sl_error *err) {
  if (!values) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "design: %s has no values", name ? name : "?");
  variable *v;
  int st = add_single(d, VAR_NUMERIC, name, term_out, &v, err);
  if (!st) v->num = values;
  return st;
}

/* R computes x^2 as x*x; higher integer powers by repeated multiplication here as well. */
static double int_power(double x, int p) {
  double r = x;
  for (int k = 1; k < p; k++) r *= x;
  return r;
}

int sl_design_power_values(variable *v, const double *values, int power, size_t n, sl_error *err) {
  v->own = malloc((n ? n : 1) * sizeof *v->own);
  if (!v->own) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  for (size_t i = 0; i < n; i++) v->own[i] = int_power(values[i], power);
  v->num = v->own, v->base = values, v->power = power;
  return SL_OK;
}

int sl_design_add_power(sl_design *d, const char *name, const double *values, int power,
                        size_t *term_out, sl_error *err) {
  if (!values || power < 2 || power > SL_DESIGN_MAX_POWER)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "design: power %d of %s (expected 2..%d)",
                        power, name ? name : "?", SL_DESIGN_MAX_POWER);
  char label[SL_DESIGN_LABEL_MAX];
  snprintf(label, sizeof label, "I(%s^%d)", name ? name : "", power);
  variable *v;
  int st = add_single(d, VAR_NUMERIC, label, term_out, &v, err);
  if (!st) st = sl_design_power_values(v, values, power, d->n, err);
  return st;
}

int sl_design_add_categorical(sl_design *d, const char *name, const char *const *labels,
                              const char *reference, size_t *term_out, sl_error *err) {
  if (!labels) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "design: %s has no labels", name ? name : "?");
  variable *v;
  int st = add_single(d, VAR_FACTOR, name, term_out, &v, err);
  if (st) return st;
  v->labels = labels;
  if (reference && !(v->reference = sl_design_strdup(reference)))
    return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  return SL_OK;
}

/* Merges two sorted variable lists (duplicates once); returns the count or 0 when too long. */
size_t sl_design_merge_vars(const size_t *a, size_t na, const size_t *b, size_t nb, size_t *out) {
  size_t i = 0, j = 0, k = 0;
  while (i < na || j < nb) {
    size_t next = j >= nb || (i < na && a[i] <= b[j]) ? a[i] : b[j];
    if (i < na && a[i] == next) i++;
    if (j < nb && b[j] == next) j++;
    if (k == SL_DESIGN_MAX_ORDER) return 0;
    out[k++] = next;
  }
  return k;
}

int sl_design_add_interaction(sl_design *d, size_t a, size_t b, size_t *term_out, sl_error *err) {
  if (!d || a >= d->nterms || b >= d->nterms || a == b)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0,
                        "design: an interaction needs two different earlier terms");
  size_t vars[SL_DESIGN_MAX_ORDER];
  size_t nv = sl_design_merge_vars(d->terms[a].v, d->terms[a].nv, d->terms[b].v, d->terms[b].nv, vars);
  return sl_design_push_term(d, vars, nv, term_out, err);
}

/* "no column 'Age' (did you mean 'age'?)" */
int sl_design_column_not_found(const sl_table *t, const char *name, sl_error *err) {
  char hint[SL_REGRESS_NAME_MAX + 32] = "";
  long best = sl_table_closest_column(t, name);
  if (best >= 0) snprintf(hint, sizeof hint, " (did you mean '%s'?)", t->cols[best].name);
  return sl_error_set(err, SL_ENOTFOUND, t->nfiles ? t->files[0] : NULL, 0, 0,
                      "no column '%s'%s", name, hint);
}

/* Text labels for a numeric column used as categorical ("%.15g" of each value, as R's
 * as.character of a double). */
char **sl_design_labels_from_numbers(const double *v, size_t n) {
  char **out = calloc(n ? n : 1, sizeof *out);
  for (size_t i = 0; out && i < n; i++) {
    if (isnan(v[i])) continue;
    char buf[40];
    sl_snprintf_c(buf, sizeof buf, "%.15g", v[i]);
    if (!(out[i] = sl_design_strdup(buf))) {
      for (size_t k = 0; k < i; k++) free(out[k]);
      free(out);
      return NULL;
    }
  }
  return out;
}

int sl_design_add_table_column(sl_design *d, const sl_table *t, const char *name,
                               int categorical, size_t *term_out, sl_error *err) {
  if (!d || !t || !name) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "design: missing argument");
  if (t->nrows != d->n)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "design: table has %zu rows, design %zu",
                        t->nrows, d->n);
  const sl_column *c = sl_table_column(t, name);
  if (!c) return sl_design_column_not_found(t, name, err);
  if (c->type == SL_TYPE_EMPTY)
    return sl_error_set(err, SL_EDATA, NULL, 0, 0, "column '%s' has no values", name);
  if (c->type == SL_TYPE_TEXT)
    return sl_design_add_categorical(d, name, (const char *const *)c->text, NULL, term_out, err);
  if (!categorical) return sl_design_add_numeric(d, name, c->num, term_out, err);
  char **labels = sl_design_labels_from_numbers(c->num, d->n);
  if (!labels) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  int st = sl_design_add_categorical(d, name, (const char *const *)labels, NULL, term_out, err);
  if (st) {
    for (size_t i = 0; i < d->n; i++) free(labels[i]);
    free(labels);
    return st;
  }
  d->vars[d->nvars - 1].own_labels = labels;
  d->vars[d->nvars - 1].numeric_levels = 1;
  return SL_OK;
}

/* ---- prepare ---------------------------------------------------------------------------- */

/* Whether variable v takes part in the model (a term, the response or the weights). */
static int variable_used(const sl_design *d, size_t v) {
  if (v == d->yvar || v == d->wvar) return 1;
  for (size_t t = 0; t < d->nterms; t++)
    for (size_t k = 0; k < d->terms[t].nv; k++)
      if (d->terms[t].v[k] == v) return 1;
  return 0;
}

/* Why row i of variable v cannot be used: 0 usable, 1 missing, 2 transform undefined. */
int sl_design_value_state(const variable *v, size_t i) {
  if (v->kind == VAR_FACTOR) return v->labels[i] ? 0 : 1;
  if (v->source && isnan(v->source[i])) return 1;
  if (!v->source && isnan(v->num[i])) return 1;
  if (v->source && !isfinite(v->num[i])) return 2;
  return 0;
}

/* Order of checks for each row: the response, the weights, then the variables in order. */
static size_t check_order(const sl_design *d, size_t k) {
  size_t head = (d->yvar != SL_DESIGN_NONE) + (d->wvar != SL_DESIGN_NONE);
  if (k == 0 && d->yvar != SL_DESIGN_NONE) return d->yvar;
  if (k < head) return d->wvar;
  size_t v = 0, seen = 0;
  for (; v < d->nvars; v++) {
    if (v == d->yvar || v == d->wvar) continue;
    if (seen++ == k - head) break;
  }
  return v;
}

/* Records the first unusable variable of each row (column by column: the table stores columns
 * contiguously) as 2 v + 1 (missing) or 2 v + 2 (transform undefined). */
static void mark_unusable(const sl_design *d, uint32_t *first) {
  for (size_t k = 0; k < d->nvars; k++) {
    size_t v = check_order(d, k);
    if (!variable_used(d, v)) continue;
    const variable *var = &d->vars[v];
    uint32_t missing = (uint32_t)(2 * v + 1);
    if (var->kind != VAR_FACTOR && !var->source) { /* the common case, one test per cell */
      for (size_t i = 0; i < d->n; i++)
        if (!first[i] && isnan(var->num[i])) first[i] = missing;
      continue;
    }
    for (size_t i = 0; i < d->n; i++) {
      if (first[i]) continue;
      int s = sl_design_value_state(var, i);
      if (s) first[i] = (uint32_t)(2 * v + (size_t)s);
    }
  }
}

/* A used value that no fit can take: infinite (as given, not by a transform), or a negative
 * weight. Reports the first such row, and within it the response, the weight, the terms. */
static int check_used_values(const sl_design *d, const uint32_t *first, sl_error *err) {
  size_t bad_row = d->n, bad_v = 0;
  for (size_t k = 0; k < d->nvars; k++) {
    size_t v = check_order(d, k);
    const variable *var = &d->vars[v];
    if (var->kind == VAR_FACTOR || var->source || !variable_used(d, v)) continue;
    int is_weight = v == d->wvar;
    for (size_t i = 0; i < bad_row; i++)
      if (!first[i] && (is_weight ? !(var->num[i] >= 0 && isfinite(var->num[i])) : isinf(var->num[i]))) {
        bad_row = i;
        bad_v = v;
      }
  }
  if (bad_row == d->n) return SL_OK;
  const variable *var = &d->vars[bad_v];
  if (bad_v == d->wvar)
    return sl_error_set(err, SL_EDATA, NULL, 0, 0, "row %zu: weight %s is %g (expected >= 0)",
                        bad_row + 1, var->label, var->num[bad_row]);
  return sl_error_set(err, SL_EDATA, NULL, 0, 0, "row %zu: %s is %g", bad_row + 1, var->label,
                      var->num[bad_row]);
}

static int find_used_rows(sl_design *d, sl_error *err) {
  size_t nkeys = 2 * d->nvars + 3;
  size_t *count = calloc(nkeys, sizeof *count);
  uint32_t *first = calloc(d->n ? d->n : 1, sizeof *first);
  d->used = malloc((d->n ? d->n : 1) * sizeof *d->used);
  d->skips = calloc(nkeys, sizeof *d->skips);
  if (!count || !first || !d->used || !d->skips) {
    free(count);
    free(first);
    return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  }
  mark_unusable(d, first);
  int st = d->predict ? SL_OK : check_used_values(d, first, err);
  for (size_t i = 0; i < d->n && !st; i++) {
    if (first[i]) count[first[i]]++;
    else d->used[d->nused++] = i;
  }
  size_t k = 0;
  for (size_t v = 0; v < d->nvars; v++)
    for (int s = 1; s <= 2; s++) {
      size_t c = count[2 * v + (size_t)s];
      if (!c) continue;
      const variable *var = &d->vars[v];
      d->skips[k++] = (sl_design_skip){s == 1 && var->source_name ? var->source_name : var->label, c,
                                       s == 1 ? "missing value" : var->undefined_why};
    }
  d->report = (sl_design_report){d->n, d->nused, d->n - d->nused, d->skips, k};
  free(count);
  free(first);
  return st;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Labels made from numbers sort by value (R's factor() of a number: 9 before 10). */
static int cmp_num(const void *a, const void *b) {
  double x = sl_strtod_c(*(const char *const *)a, NULL), y = sl_strtod_c(*(const char *const *)b, NULL);
  return (x > y) - (x < y);
}

int sl_design_level_cmp(const variable *v, const char *a, const char *b) {
  return v->numeric_levels ? cmp_num(&a, &b) : cmp_str(&a, &b);
}

/* Codes of every row against levels (reference first, the rest sorted): -1 when missing or
 * not a level (prediction on new data). */
int sl_design_code_rows(sl_design *d, variable *v) {
  if (!v->code && !(v->code = malloc((d->n ? d->n : 1) * sizeof *v->code))) return SL_ENOMEM;
  const char *r = v->levels[0];
  for (size_t i = 0; i < d->n; i++) {
    const char *s = v->labels[i];
    v->code[i] = -1;
    if (!s) continue;
    if (strcmp(s, r) == 0) v->code[i] = 0;
    else {
      char **hit = bsearch(&s, v->levels + 1, v->nlevels - 1, sizeof *v->levels,
                           v->numeric_levels ? cmp_num : cmp_str);
      if (hit) v->code[i] = (int)(hit - v->levels);
    }
  }
  return SL_OK;
}

/* Levels of a factor over the used rows, sorted bytewise (R in the C locale), reference first. */
static int make_levels(sl_design *d, variable *v, sl_error *err) {
  if (v->levels) return sl_design_code_rows(d, v) ? sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory") : SL_OK;
  const char **all = malloc((d->nused ? d->nused : 1) * sizeof *all);
  if (!all) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  for (size_t k = 0; k < d->nused; k++) all[k] = v->labels[d->used[k]];
  qsort(all, d->nused, sizeof *all, v->numeric_levels ? cmp_num : cmp_str);
  size_t nl = 0;
  for (size_t k = 0; k < d->nused; k++)
    if (nl == 0 || strcmp(all[k], all[nl - 1]) != 0) all[nl++] = all[k];
  size_t ref = 0;
  if (v->reference) {
    while (ref < nl && strcmp(all[ref], v->reference) != 0) ref++;
    if (ref == nl) {
      free(all);
      return sl_error_set(err, SL_ENOTFOUND, NULL, 0, 0,
                          "reference level '%s' of %s does not occur in the rows used",
                          v->reference, v->label);
    }
  }
  if (nl < 2) {
    free(all);
    return sl_error_set(err, SL_EDATA, NULL, 0, 0,
                        "%s has %zu level(s) in the rows used; a categorical predictor needs 2",
                        v->label, nl);
  }
  /* Taking the reference out of a sorted array leaves the others sorted (for bsearch). */
  const char *r = all[ref];
  memmove(all + 1, all, ref * sizeof *all);
  all[0] = r;
  v->levels = (char **)all, v->nlevels = nl;
  return sl_design_code_rows(d, v) ? sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory") : SL_OK;
}

/* Whether some term before t has exactly the variables vars[0..nv). */
static int earlier_term(const sl_design *d, size_t t, const size_t *vars, size_t nv) {
  for (size_t s = 0; s < t; s++)
    if (d->terms[s].nv == nv && memcmp(d->terms[s].v, vars, nv * sizeof *vars) == 0) return 1;
  return 0;
}

/* R's coding rule (see the top of the file). */
static void decide_coding(sl_design *d) {
  for (size_t t = 0; t < d->nterms; t++) {
    term *m = &d->terms[t];
    for (size_t k = 0; k < m->nv; k++) {
      m->dummy[k] = 0;
      if (d->vars[m->v[k]].kind != VAR_FACTOR || m->nv == 1) continue;
      size_t rest[SL_DESIGN_MAX_ORDER], nr = 0;
      for (size_t q = 0; q < m->nv; q++)
        if (q != k) rest[nr++] = m->v[q];
      m->dummy[k] = !earlier_term(d, t, rest, nr);
    }
  }
  for (size_t t = 0; !d->intercept && t < d->nterms; t++) {
    term *m = &d->terms[t];
    size_t k = 0;
    while (k < m->nv && d->vars[m->v[k]].kind != VAR_FACTOR) k++;
    if (k == m->nv) continue;
    m->dummy[k] = 1;
    break;
  }
}

size_t sl_design_var_columns(const variable *v, int dummy) {
  if (v->kind == VAR_FACTOR) return dummy ? v->nlevels : v->nlevels - 1;
  if (v->kind == VAR_POLY) return (size_t)v->degree;
  return 1;
}

/* Name of column j of variable v in a term ("positionCB", "poly(age, 2)1", "age"). */
static void var_column_name(const variable *v, size_t j, int dummy, char *buf, size_t size) {
  if (v->kind == VAR_FACTOR) snprintf(buf, size, "%s%s", v->label, v->levels[j + (dummy ? 0 : 1)]);
  else if (v->kind == VAR_POLY) snprintf(buf, size, "%s%zu", v->label, j + 1);
  else snprintf(buf, size, "%s", v->label);
}

static int term_column_names(sl_design *d, const term *m) {
  for (size_t c = 0; c < m->ncols; c++) {
    /* Longer names are cut (the regression keeps SL_REGRESS_NAME_MAX bytes of each). */
    char buf[SL_DESIGN_LABEL_MAX + 2] = "", part[SL_DESIGN_LABEL_MAX];
    size_t rest = c;
    for (size_t k = 0; k < m->nv; k++) {
      const variable *v = &d->vars[m->v[k]];
      size_t nc = sl_design_var_columns(v, m->dummy[k]), len = strlen(buf);
      var_column_name(v, rest % nc, m->dummy[k], part, sizeof part);
      rest /= nc;
      snprintf(buf + len, sizeof buf - len, "%s%s", k ? ":" : "", part);
    }
    if (!(d->colnames[d->ncols] = sl_design_strdup(buf))) return SL_ENOMEM;
    d->ncols++;
  }
  return SL_OK;
}

static int make_columns(sl_design *d, sl_error *err) {
  size_t total = (size_t)d->intercept;
  for (size_t t = 0; t < d->nterms; t++) {
    term *m = &d->terms[t];
    m->first_col = total;
    m->ncols = 1;
    for (size_t k = 0; k < m->nv; k++) m->ncols *= sl_design_var_columns(&d->vars[m->v[k]], m->dummy[k]);
    total += m->ncols;
    if (total > SL_REGRESS_MAX_COLUMNS)
      return sl_error_set(err, SL_ELIMIT, NULL, 0, 0, "design: more than %d columns",
                          SL_REGRESS_MAX_COLUMNS);
  }
  d->colnames = calloc(total ? total : 1, sizeof *d->colnames);
  int st = d->colnames ? SL_OK : SL_ENOMEM;
  if (!st && d->intercept) st = (d->colnames[d->ncols++] = sl_design_strdup("(Intercept)")) ? SL_OK : SL_ENOMEM;
  for (size_t t = 0; t < d->nterms && !st; t++) st = term_column_names(d, &d->terms[t]);
  if (st) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  return SL_OK;
}

int sl_design_prepare(sl_design *d, sl_error *err) {
  if (!d) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "design: missing design");
  if (d->prepared) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "design: prepared twice");
  if (d->yvar == SL_DESIGN_NONE && !d->predict)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "design: no response set");
  d->prepared = 1;
  int st = find_used_rows(d, err);
  for (size_t v = 0; v < d->nvars && !st; v++)
    if (d->vars[v].kind == VAR_FACTOR && variable_used(d, v)) st = make_levels(d, &d->vars[v], err);
  for (size_t v = 0; v < d->nvars && !st; v++)
    if (d->vars[v].kind == VAR_POLY && !d->vars[v].alpha) st = sl_design_poly_fit(d, &d->vars[v], err);
  if (!st) decide_coding(d);
  if (!st) st = make_columns(d, err);
  return st;
}

size_t sl_design_columns(const sl_design *d) { return d ? d->ncols : 0; }

const char *const *sl_design_names(const sl_design *d) {
  return d ? (const char *const *)d->colnames : NULL;
}

const sl_design_report *sl_design_report_get(const sl_design *d) { return d ? &d->report : NULL; }

size_t sl_design_row_index(const sl_design *d, size_t k) { return d->used[k]; }

int sl_design_term_columns(const sl_design *d, size_t t, size_t *first, size_t *count) {
  if (!d || !d->prepared || t >= d->nterms) return SL_EINVAL;
  if (first) *first = d->terms[t].first_col;
  if (count) *count = d->terms[t].ncols;
  return SL_OK;
}

const char *const *sl_design_levels(const sl_design *d, size_t t, size_t *nlevels) {
  if (!d || t >= d->nterms || d->terms[t].nv != 1) return NULL;
  const variable *v = &d->vars[d->terms[t].v[0]];
  if (v->kind != VAR_FACTOR) return NULL;
  if (nlevels) *nlevels = v->nlevels;
  return (const char *const *)v->levels;
}

/* ---- the row source --------------------------------------------------------------------- */

/* Column j of variable v at original row i (its remainder into *lo when lo is not NULL). */
static double var_value(const variable *v, size_t j, int dummy, size_t i, double *lo) {
  if (lo) *lo = 0;
  if (v->kind == VAR_FACTOR) return v->code[i] == (int)j + (dummy ? 0 : 1);
  if (v->kind == VAR_POLY) return sl_design_poly_value(v, v->num[i], j);
  if (lo && v->power > 1) *lo = sl_design_power_lo(v->base[i], v->power);
  return v->num[i];
}

/* Fills term m for rows[0..count) (original row indices), column by column (contiguous
 * writes); with xlo, the remainders of the products in double-double instead. */
static void fill_term(const sl_design *d, const term *m, const size_t *rows, size_t count,
                      double *x, size_t ldx, double *xlo) {
  double *col = (xlo ? xlo : x) + m->first_col * ldx;
  const variable *v0 = &d->vars[m->v[0]];
  if (m->nv == 1 && v0->kind == VAR_NUMERIC && !xlo) {
    for (size_t k = 0; k < count; k++) col[k] = v0->num[rows[k]];
    return;
  }
  for (size_t c = 0; c < m->ncols; c++, col += ldx)
    for (size_t k = 0; k < count; k++) {
      size_t rest = c;
      double hi = 1, lo = 0;
      for (size_t q = 0; q < m->nv; q++) {
        const variable *v = &d->vars[m->v[q]];
        size_t nc = sl_design_var_columns(v, m->dummy[q]);
        double vlo, vhi = var_value(v, rest % nc, m->dummy[q], rows[k], xlo ? &vlo : NULL);
        rest /= nc;
        if (!xlo) {
          hi *= vhi;
          continue;
        }
        double p = hi * vhi;
        lo = fma(hi, vhi, -p) + (hi * vlo + lo * vhi);
        hi = p;
      }
      col[k] = xlo ? lo : hi;
    }
}

void sl_design_fill_rows(const sl_design *d, const size_t *rows, size_t count, double *x,
                         size_t ldx, double *xlo) {
  double *first = xlo ? xlo : x;
  if (d->intercept)
    for (size_t k = 0; k < count; k++) first[k] = xlo ? 0.0 : 1.0;
  for (size_t t = 0; t < d->nterms; t++) fill_term(d, &d->terms[t], rows, count, x, ldx, xlo);
}

static int design_fill(const void *ctx, size_t first, size_t count, double *x, size_t ldx,
                       double *y, double *w, sl_error *err) {
  const sl_design *d = ctx;
  const size_t *rows = d->used + first;
  (void)err;
  sl_design_fill_rows(d, rows, count, x, ldx, NULL);
  const double *yv = d->vars[d->yvar].num;
  for (size_t k = 0; k < count; k++) y[k] = yv[rows[k]];
  const double *wv = d->wvar != SL_DESIGN_NONE ? d->vars[d->wvar].num : NULL;
  for (size_t k = 0; w && k < count; k++) w[k] = wv[rows[k]];
  return SL_OK;
}

int sl_design_fill_lo(const void *ctx, size_t first, size_t count, const double *x, size_t ldx,
                      double *xlo, sl_error *err) {
  const sl_design *d = ctx;
  (void)err, (void)x;
  sl_design_fill_rows(d, d->used + first, count, NULL, ldx, xlo);
  return SL_OK;
}

int sl_design_rows(const sl_design *d, sl_rows *out, sl_error *err) {
  if (!d || !out || !d->prepared || d->yvar == SL_DESIGN_NONE)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "design: prepare the design first");
  *out = (sl_rows){d->nused, d->ncols, (const char *const *)d->colnames, d->intercept,
                   d->wvar != SL_DESIGN_NONE, design_fill, d, 1};
  return SL_OK;
}
