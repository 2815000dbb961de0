/* design.c - design matrices expanded on demand, row block by row block (see design.h).
 * Interaction columns are products of the columns of their two terms, which are themselves in
 * the model, so a row's interaction values are computed from entries already written. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scoutlab/design.h"
#include "scoutlab/names.h"
#include "runtime_internal.h"

/* Powers beyond this are numerically useless in a design (use poly()); 10 is NIST's Filip. */
#define DESIGN_MAX_POWER 10
/* Suggestions offered for a misspelt column. */
#define DESIGN_SUGGESTIONS 1

typedef struct term {
  sl_term_kind kind;
  char *name;                 /* variable name (categorical: prefix of the dummy names) */
  const double *num;          /* NUMERIC, POWER */
  const char *const *labels;  /* CATEGORICAL */
  char **own_labels;          /* labels made from numbers, owned (n of them) */
  char *reference;
  int power;
  size_t a, b;                /* INTERACTION components */
  char **levels;              /* CATEGORICAL after prepare: reference first; borrowed strings */
  size_t nlevels;
  int *code;                  /* CATEGORICAL: level index per row, -1 when missing */
  size_t first_col, ncols;
} term;

struct sl_design {
  size_t n;
  int intercept;
  const double *y, *w;
  char *yname, *wname;
  term *terms;
  size_t nterms, cap;
  int prepared;
  size_t *used, nused;
  char **colnames;
  size_t ncols;
  sl_design_skip *skips;
  sl_design_report report;
};

static char *dup_str(const char *s) {
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
  return d;
}

void sl_design_free(sl_design *d) {
  if (!d) return;
  for (size_t t = 0; t < d->nterms; t++) {
    term *m = &d->terms[t];
    free(m->name);
    free(m->reference);
    if (m->own_labels)
      for (size_t i = 0; i < d->n; i++) free(m->own_labels[i]);
    free(m->own_labels);
    free(m->levels);
    free(m->code);
  }
  free(d->terms);
  for (size_t j = 0; d->colnames && j < d->ncols; j++) free(d->colnames[j]);
  free(d->colnames);
  free(d->used);
  free(d->skips);
  free(d->yname);
  free(d->wname);
  free(d);
}

static int check_open(sl_design *d, const char *name, sl_error *err) {
  if (!d || !name || !name[0])
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "design: missing design or name");
  if (d->prepared)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "design: terms added after prepare");
  return SL_OK;
}

int sl_design_set_response(sl_design *d, const char *name, const double *y, sl_error *err) {
  int st = check_open(d, name, err);
  if (st) return st;
  if (!y) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "design: no response values");
  free(d->yname);
  if (!(d->yname = dup_str(name))) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  d->y = y;
  return SL_OK;
}

int sl_design_set_weights(sl_design *d, const char *name, const double *w, sl_error *err) {
  int st = check_open(d, name, err);
  if (st) return st;
  if (!w) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "design: no weight values");
  free(d->wname);
  if (!(d->wname = dup_str(name))) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  d->w = w;
  return SL_OK;
}

/* Appends a zeroed term with its name; returns it or NULL (err filled). */
static term *push_term(sl_design *d, const char *name, size_t *index, sl_error *err) {
  if (check_open(d, name, err)) return NULL;
  if (d->nterms == d->cap) {
    size_t cap = d->cap ? 2 * d->cap : 8;
    term *nt = realloc(d->terms, cap * sizeof *nt);
    if (!nt) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory"), NULL;
    d->terms = nt, d->cap = cap;
  }
  term *m = &d->terms[d->nterms];
  memset(m, 0, sizeof *m);
  if (!(m->name = dup_str(name))) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory"), NULL;
  if (index) *index = d->nterms;
  d->nterms++;
  return m;
}

int sl_design_add_numeric(sl_design *d, const char *name, const double *values, size_t *term_out,
                          sl_error *err) {
  if (!values) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "design: %s has no values", name ? name : "?");
  term *m = push_term(d, name, term_out, err);
  if (!m) return err ? err->code : SL_ENOMEM;
  m->kind = SL_TERM_NUMERIC, m->num = values;
  return SL_OK;
}

int sl_design_add_power(sl_design *d, const char *name, const double *values, int power,
                        size_t *term_out, sl_error *err) {
  if (!values || power < 2 || power > DESIGN_MAX_POWER)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "design: power %d of %s (expected 2 to %d)",
                        power, name ? name : "?", DESIGN_MAX_POWER);
  term *m = push_term(d, name, term_out, err);
  if (!m) return err ? err->code : SL_ENOMEM;
  m->kind = SL_TERM_POWER, m->num = values, m->power = power;
  return SL_OK;
}

int sl_design_add_categorical(sl_design *d, const char *name, const char *const *labels,
                              const char *reference, size_t *term_out, sl_error *err) {
  if (!labels) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "design: %s has no labels", name ? name : "?");
  term *m = push_term(d, name, term_out, err);
  if (!m) return err ? err->code : SL_ENOMEM;
  m->kind = SL_TERM_CATEGORICAL, m->labels = labels;
  if (reference && !(m->reference = dup_str(reference)))
    return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  return SL_OK;
}

int sl_design_add_interaction(sl_design *d, size_t a, size_t b, size_t *term_out, sl_error *err) {
  if (!d || a >= d->nterms || b >= d->nterms || a == b)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0,
                        "design: an interaction needs two different earlier terms");
  char name[2 * SL_REGRESS_NAME_MAX + 2];
  snprintf(name, sizeof name, "%s:%s", d->terms[a].name, d->terms[b].name);
  term *m = push_term(d, name, term_out, err);
  if (!m) return err ? err->code : SL_ENOMEM;
  m->kind = SL_TERM_INTERACTION, m->a = a, m->b = b;
  return SL_OK;
}

/* "no column 'Age' (did you mean 'age'?)" */
static int column_not_found(const sl_table *t, const char *name, sl_error *err) {
  char hint[SL_REGRESS_NAME_MAX + 32] = "";
  char **norm = calloc(t->ncols ? t->ncols : 1, sizeof *norm);
  char *q = sl_name_normalise(name);
  size_t best, found = 0, ok = norm && q;
  for (size_t j = 0; ok && j < t->ncols; j++) ok = (norm[j] = sl_name_normalise(t->cols[j].name)) != NULL;
  if (ok) found = sl_name_suggest(q, (const char *const *)norm, t->ncols, &best, DESIGN_SUGGESTIONS);
  if (found) snprintf(hint, sizeof hint, " (did you mean '%s'?)", t->cols[best].name);
  for (size_t j = 0; norm && j < t->ncols; j++) free(norm[j]);
  free(norm);
  free(q);
  return sl_error_set(err, SL_ENOTFOUND, t->nfiles ? t->files[0] : NULL, 0, 0,
                      "no column '%s'%s", name, hint);
}

/* Text labels for a numeric column used as categorical ("%.15g" of each value). */
static char **labels_from_numbers(const double *v, size_t n) {
  char **out = calloc(n ? n : 1, sizeof *out);
  for (size_t i = 0; out && i < n; i++) {
    if (isnan(v[i])) continue;
    char buf[40];
    sl_snprintf_c(buf, sizeof buf, "%.15g", v[i]);
    if (!(out[i] = dup_str(buf))) {
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
  if (!c) return column_not_found(t, name, err);
  if (c->type == SL_TYPE_EMPTY)
    return sl_error_set(err, SL_EDATA, NULL, 0, 0, "column '%s' has no values", name);
  if (c->type == SL_TYPE_TEXT)
    return sl_design_add_categorical(d, name, (const char *const *)c->text, NULL, term_out, err);
  if (!categorical) return sl_design_add_numeric(d, name, c->num, term_out, err);
  char **labels = labels_from_numbers(c->num, d->n);
  if (!labels) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  int st = sl_design_add_categorical(d, name, (const char *const *)labels, NULL, term_out, err);
  if (st) {
    for (size_t i = 0; i < d->n; i++) free(labels[i]);
    free(labels);
    return st;
  }
  d->terms[d->nterms - 1].own_labels = labels;
  return SL_OK;
}

/* ---- prepare ---------------------------------------------------------------------------- */

/* Variable v: 0 the response, 1..nterms the terms, nterms+1 the weights. */
static const char *variable_name(const sl_design *d, size_t v) {
  if (v == 0) return d->yname;
  if (v == d->nterms + 1) return d->wname;
  return d->terms[v - 1].name;
}

/* The column behind variable v (numbers or labels; both NULL for interactions and no weights). */
static void variable_column(const sl_design *d, size_t v, const double **x,
                            const char *const **labels) {
  *x = NULL;
  *labels = NULL;
  if (v == 0) *x = d->y;
  else if (v == d->nterms + 1) *x = d->w;
  else if (d->terms[v - 1].kind == SL_TERM_CATEGORICAL) *labels = d->terms[v - 1].labels;
  else if (d->terms[v - 1].kind != SL_TERM_INTERACTION) *x = d->terms[v - 1].num;
}

/* Records v as the first missing variable of each row not yet marked. Column by column because
 * the table stores columns contiguously: a row-by-row scan strides across all of them. */
static void mark_missing(const sl_design *d, size_t v, uint32_t *first, uint32_t none) {
  const double *x;
  const char *const *labels;
  variable_column(d, v, &x, &labels);
  for (size_t i = 0; x && i < d->n; i++)
    if (first[i] == none && isnan(x[i])) first[i] = (uint32_t)v;
  for (size_t i = 0; labels && i < d->n; i++)
    if (first[i] == none && !labels[i]) first[i] = (uint32_t)v;
}

/* A used value that no fit can take: infinite, or a negative weight. Reports the first such
 * row, and within it the response, then the weight, then the terms in order. */
static int check_used_values(const sl_design *d, const uint32_t *first, uint32_t none,
                             sl_error *err) {
  size_t bad_row = d->n, bad_v = 0, nterms = d->nterms;
  for (size_t k = 0; k < nterms + 2; k++) {
    size_t v = k == 0 ? 0 : k == 1 ? nterms + 1 : k - 1;
    const double *x;
    const char *const *labels;
    variable_column(d, v, &x, &labels);
    int is_weight = v == nterms + 1;
    for (size_t i = 0; x && i < bad_row; i++)
      if (first[i] == none && (is_weight ? !(x[i] >= 0 && isfinite(x[i])) : isinf(x[i]))) {
        bad_row = i;
        bad_v = v;
      }
  }
  if (bad_row == d->n) return SL_OK;
  if (bad_v == nterms + 1)
    return sl_error_set(err, SL_EDATA, NULL, 0, 0, "row %zu: weight %s is %g (expected >= 0)",
                        bad_row + 1, d->wname, d->w[bad_row]);
  const double *x = bad_v == 0 ? d->y : d->terms[bad_v - 1].num;
  return sl_error_set(err, SL_EDATA, NULL, 0, 0, "row %zu: %s is %g", bad_row + 1,
                      variable_name(d, bad_v), x[bad_row]);
}

static int find_used_rows(sl_design *d, sl_error *err) {
  size_t nvar = d->nterms + 2;
  uint32_t none = (uint32_t)nvar;
  size_t *count = calloc(nvar, sizeof *count);
  uint32_t *first = malloc((d->n ? d->n : 1) * sizeof *first);
  d->used = malloc((d->n ? d->n : 1) * sizeof *d->used);
  d->skips = calloc(nvar, sizeof *d->skips);
  if (!count || !first || !d->used || !d->skips) {
    free(count);
    free(first);
    return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  }
  for (size_t i = 0; i < d->n; i++) first[i] = none;
  for (size_t v = 0; v < nvar; v++) mark_missing(d, v, first, none);
  int st = check_used_values(d, first, none, err);
  for (size_t i = 0; i < d->n && !st; i++) {
    if (first[i] < none) count[first[i]]++;
    else d->used[d->nused++] = i;
  }
  size_t k = 0;
  for (size_t v = 0; v < nvar; v++)
    if (count[v]) d->skips[k++] = (sl_design_skip){variable_name(d, v), count[v]};
  d->report = (sl_design_report){d->n, d->nused, d->n - d->nused, d->skips, k};
  free(count);
  free(first);
  return st;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Levels of a categorical term over the used rows, sorted, reference first, and row codes. */
static int make_levels(sl_design *d, term *m, sl_error *err) {
  const char **all = malloc((d->nused ? d->nused : 1) * sizeof *all);
  m->code = malloc((d->n ? d->n : 1) * sizeof *m->code);
  if (!all || !m->code) return free(all), sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  for (size_t k = 0; k < d->nused; k++) all[k] = m->labels[d->used[k]];
  qsort(all, d->nused, sizeof *all, cmp_str);
  size_t nl = 0;
  for (size_t k = 0; k < d->nused; k++)
    if (nl == 0 || strcmp(all[k], all[nl - 1]) != 0) all[nl++] = all[k];
  size_t ref = 0;
  if (m->reference) {
    while (ref < nl && strcmp(all[ref], m->reference) != 0) ref++;
    if (ref == nl) {
      free(all);
      return sl_error_set(err, SL_ENOTFOUND, NULL, 0, 0,
                          "reference level '%s' of %s does not occur in the rows used",
                          m->reference, m->name);
    }
  }
  if (nl < 2) {
    free(all);
    return sl_error_set(err, SL_EDATA, NULL, 0, 0,
                        "%s has %zu level(s) in the rows used; a categorical predictor needs 2",
                        m->name, nl);
  }
  const char *r = all[ref];
  memmove(all + 1, all, ref * sizeof *all);
  all[0] = r;
  m->levels = (char **)all, m->nlevels = nl;
  for (size_t i = 0; i < d->n; i++) {
    const char *s = m->labels[i];
    m->code[i] = -1;
    if (!s) continue;
    if (strcmp(s, r) == 0) m->code[i] = 0;
    else {
      const char **hit = bsearch(&s, all + 1, nl - 1, sizeof *all, cmp_str);
      if (hit) m->code[i] = (int)(hit - all);
    }
  }
  /* Levels other than the reference are sorted, so bsearch above was valid only if moving the
   * reference kept them sorted: it did (one element taken out of a sorted array). */
  return SL_OK;
}

static int add_colname(sl_design *d, const char *a, const char *sep, const char *b) {
  char buf[3 * SL_REGRESS_NAME_MAX];
  snprintf(buf, sizeof buf, "%s%s%s", a, sep, b);
  if (!(d->colnames[d->ncols] = dup_str(buf))) return SL_ENOMEM;
  d->ncols++;
  return SL_OK;
}

static int make_columns(sl_design *d, sl_error *err) {
  size_t total = d->intercept;
  for (size_t t = 0; t < d->nterms; t++) {
    term *m = &d->terms[t];
    m->first_col = total;
    if (m->kind == SL_TERM_CATEGORICAL) m->ncols = m->nlevels - 1;
    else if (m->kind == SL_TERM_INTERACTION) m->ncols = d->terms[m->a].ncols * d->terms[m->b].ncols;
    else m->ncols = 1;
    total += m->ncols;
  }
  if (total > SL_REGRESS_MAX_COLUMNS)
    return sl_error_set(err, SL_ELIMIT, NULL, 0, 0, "design: %zu columns exceed the limit of %d",
                        total, SL_REGRESS_MAX_COLUMNS);
  d->colnames = calloc(total ? total : 1, sizeof *d->colnames);
  int st = d->colnames ? SL_OK : SL_ENOMEM;
  if (!st && d->intercept) st = add_colname(d, "(Intercept)", "", "");
  for (size_t t = 0; t < d->nterms && !st; t++) {
    term *m = &d->terms[t];
    char pw[SL_REGRESS_NAME_MAX + 16];
    if (m->kind == SL_TERM_NUMERIC) st = add_colname(d, m->name, "", "");
    if (m->kind == SL_TERM_POWER) snprintf(pw, sizeof pw, "I(%s^%d)", m->name, m->power), st = add_colname(d, pw, "", "");
    for (size_t l = 1; m->kind == SL_TERM_CATEGORICAL && l < m->nlevels && !st; l++)
      st = add_colname(d, m->name, "", m->levels[l]);
    if (m->kind != SL_TERM_INTERACTION) continue;
    const term *a = &d->terms[m->a], *b = &d->terms[m->b];
    for (size_t jb = 0; jb < b->ncols && !st; jb++)
      for (size_t ja = 0; ja < a->ncols && !st; ja++)
        st = add_colname(d, d->colnames[a->first_col + ja], ":", d->colnames[b->first_col + jb]);
  }
  if (st) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  return SL_OK;
}

int sl_design_prepare(sl_design *d, sl_error *err) {
  if (!d) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "design: missing design");
  if (d->prepared) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "design: prepared twice");
  if (!d->y) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "design: no response set");
  d->prepared = 1;
  int st = find_used_rows(d, err);
  for (size_t t = 0; t < d->nterms && !st; t++)
    if (d->terms[t].kind == SL_TERM_CATEGORICAL) st = make_levels(d, &d->terms[t], err);
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
  if (!d || t >= d->nterms || d->terms[t].kind != SL_TERM_CATEGORICAL) return NULL;
  if (nlevels) *nlevels = d->terms[t].nlevels;
  return (const char *const *)d->terms[t].levels;
}

/* ---- the row source --------------------------------------------------------------------- */

/* R computes x^2 as x*x; higher integer powers by repeated multiplication here as well. */
static double int_power(double x, int p) {
  double r = x;
  for (int k = 1; k < p; k++) r *= x;
  return r;
}

/* Fills term m for rows [first, first+count) of the used rows, column by column (contiguous
 * writes). Interaction terms read their components' columns, filled earlier in term order. */
static void fill_term(const sl_design *d, const term *m, size_t first, size_t count, double *x,
                      size_t ldx) {
  const size_t *rows = d->used + first;
  double *col = x + m->first_col * ldx;
  if (m->kind == SL_TERM_NUMERIC)
    for (size_t k = 0; k < count; k++) col[k] = m->num[rows[k]];
  else if (m->kind == SL_TERM_POWER)
    for (size_t k = 0; k < count; k++) col[k] = int_power(m->num[rows[k]], m->power);
  else if (m->kind == SL_TERM_CATEGORICAL)
    for (size_t l = 1; l < m->nlevels; l++)
      for (size_t k = 0; k < count; k++) col[k + (l - 1) * ldx] = m->code[rows[k]] == (int)l;
  else {
    const term *a = &d->terms[m->a], *b = &d->terms[m->b];
    size_t c = 0;
    for (size_t jb = 0; jb < b->ncols; jb++)
      for (size_t ja = 0; ja < a->ncols; ja++, c++) {
        const double *ca = x + (a->first_col + ja) * ldx, *cb = x + (b->first_col + jb) * ldx;
        for (size_t k = 0; k < count; k++) col[k + c * ldx] = ca[k] * cb[k];
      }
  }
}

static int design_fill(const void *ctx, size_t first, size_t count, double *x, size_t ldx,
                       double *y, double *w, sl_error *err) {
  const sl_design *d = ctx;
  const size_t *rows = d->used + first;
  (void)err;
  if (d->intercept)
    for (size_t k = 0; k < count; k++) x[k] = 1.0;
  for (size_t t = 0; t < d->nterms; t++) fill_term(d, &d->terms[t], first, count, x, ldx);
  for (size_t k = 0; k < count; k++) y[k] = d->y[rows[k]];
  for (size_t k = 0; w && k < count; k++) w[k] = d->w[rows[k]];
  return SL_OK;
}

/* x^p in double-double (repeated exact products by fma): *lo is the remainder x^p - double. */
static double power_lo(double x, int p) {
  double hi = x, lo = 0;
  for (int k = 1; k < p; k++) {
    double h = hi * x;
    lo = fma(hi, x, -h) + lo * x;
    hi = h;
  }
  return lo;
}

/* Remainders of term m's columns: powers exactly, interactions from their components' values
 * and remainders (a b = ah bh + ah bl + al bh + ...), every other column is exact. */
static void fill_term_lo(const sl_design *d, const term *m, size_t first, size_t count,
                         const double *x, size_t ldx, double *xlo) {
  const size_t *rows = d->used + first;
  double *col = xlo + m->first_col * ldx;
  if (m->kind == SL_TERM_POWER)
    for (size_t k = 0; k < count; k++) col[k] = power_lo(m->num[rows[k]], m->power);
  else if (m->kind == SL_TERM_INTERACTION) {
    const term *a = &d->terms[m->a], *b = &d->terms[m->b];
    size_t c = 0;
    for (size_t jb = 0; jb < b->ncols; jb++)
      for (size_t ja = 0; ja < a->ncols; ja++, c++) {
        size_t ia = (a->first_col + ja) * ldx, ib = (b->first_col + jb) * ldx;
        for (size_t k = 0; k < count; k++) {
          double p = x[ia + k] * x[ib + k];
          col[k + c * ldx] = fma(x[ia + k], x[ib + k], -p) + x[ia + k] * xlo[ib + k] +
                             xlo[ia + k] * x[ib + k];
        }
      }
  } else
    for (size_t c = 0; c < m->ncols; c++) memset(col + c * ldx, 0, count * sizeof *col);
}

int sl_design_fill_lo(const void *ctx, size_t first, size_t count, const double *x, size_t ldx,
                      double *xlo, sl_error *err) {
  const sl_design *d = ctx;
  (void)err;
  if (d->intercept) memset(xlo, 0, count * sizeof *xlo);
  for (size_t t = 0; t < d->nterms; t++) fill_term_lo(d, &d->terms[t], first, count, x, ldx, xlo);
  return SL_OK;
}

int sl_design_rows(const sl_design *d, sl_rows *out, sl_error *err) {
  if (!d || !out || !d->prepared)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "design: prepare the design first");
  *out = (sl_rows){d->nused, d->ncols, (const char *const *)d->colnames, d->intercept,
                   d->w != NULL, design_fill, d, 1};
  return SL_OK;
}
