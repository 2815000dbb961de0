/* regress_io.c - saving and loading OLS fits in the "scoutlab-ols 1" text format
 * (docs/model-format.md). Numbers use %.17g so that a load returns the very same doubles; NA
 * stands for NAN, Inf/-Inf for infinities. The loader checks every count and invariant before
 * it trusts a number, so truncated or garbage files end in SL_EPARSE, never in a crash. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>

#include "regress_private.h"
#include "runtime_internal.h"

#define MODEL_MAGIC "scoutlab-ols"
#define MODEL_VERSION 1
/* Version 2 = version 1 plus the design block (a formula model); written only when there is one,
 * so models of plain columns stay readable by older scoutlab builds. */
#define MODEL_VERSION_DESIGN 2
/* Lines of a design block at most (formula, levels, poly lines). */
#define MODEL_DESIGN_MAX_LINES ((size_t)1 << 20)

int sl_ols_save(const sl_ols_fit *fit, const char *path, sl_error *err) {
  if (!fit) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "save: missing argument");
  FILE *f;
  sl_output *o;
  int st = sl_model_create(&o, &f, path, fit->names, fit->p, MODEL_MAGIC,
                           fit->design ? MODEL_VERSION_DESIGN : MODEL_VERSION, "linear model", err);
  if (st) return st;
  fprintf(f, "rows %zu\nrank %zu\ndf_residual %zu\nintercept %d\nweighted %d\n", fit->n,
          fit->rank, fit->df_residual, fit->intercept ? 1 : 0, fit->weighted ? 1 : 0);
  sl_model_put_field(f, "tol", fit->tol);
  sl_model_put_field(f, "sigma", fit->sigma);
  sl_model_put_field(f, "rss", fit->rss);
  sl_model_put_field(f, "tss", fit->tss);
  sl_model_put_field(f, "r_squared", fit->r_squared);
  sl_model_put_field(f, "adj_r_squared", fit->adj_r_squared);
  sl_model_put_field(f, "f_statistic", fit->f_statistic);
  sl_model_put_field(f, "f_df1", fit->f_df1);
  sl_model_put_field(f, "f_df2", fit->f_df2);
  sl_model_put_field(f, "f_p", fit->f_p);
  fprintf(f, "columns %zu\n", fit->p);
  for (size_t j = 0; j < fit->p; j++) {
    fprintf(f, "column %d ", fit->aliased[j] ? 1 : 0);
    sl_model_put_number(f, fit->coef[j]), fputc(' ', f);
    sl_model_put_number(f, fit->std_error[j]), fputc(' ', f);
    sl_model_put_number(f, fit->vif[j]);
    fprintf(f, " %s\n", fit->names[j]);
  }
  for (size_t j = 0; j < fit->p; j++) {
    fputs("factor", f);
    for (size_t l = 0; l < fit->rank; l++) fputc(' ', f), sl_model_put_number(f, fit->cov_factor[j * fit->rank + l]);
    fputc('\n', f);
  }
  if (fit->design) {
    size_t lines = 0;
    for (const char *c = fit->design; *c; c++) lines += *c == '\n';
    fprintf(f, "design %zu\n%s", lines, fit->design);
  }
  return sl_model_finish(o, f, path, err);
}

/* ---- loading ---------------------------------------------------------------------------- */

/* Header counts and statistics, in file order. */
static int read_scalars(sl_model_reader *r, sl_ols_fit *f) {
  size_t flag = 0;
  int st = sl_model_keyed_count(r, "rows", (size_t)1 << 52, &f->n);
  if (!st) st = sl_model_keyed_count(r, "rank", SL_REGRESS_MAX_COLUMNS, &f->rank);
  if (!st) st = sl_model_keyed_count(r, "df_residual", (size_t)1 << 52, &f->df_residual);
  if (!st) st = sl_model_keyed_count(r, "intercept", 1, &flag), f->intercept = (int)flag;
  if (!st) st = sl_model_keyed_count(r, "weighted", 1, &flag), f->weighted = (int)flag;
  struct { const char *key; double *v; } fields[] = {
      {"tol", &f->tol}, {"sigma", &f->sigma}, {"rss", &f->rss}, {"tss", &f->tss},
      {"r_squared", &f->r_squared}, {"adj_r_squared", &f->adj_r_squared},
      {"f_statistic", &f->f_statistic}, {"f_df1", &f->f_df1}, {"f_df2", &f->f_df2},
      {"f_p", &f->f_p}};
  for (size_t i = 0; !st && i < sizeof fields / sizeof fields[0]; i++)
    st = sl_model_keyed(r, fields[i].key, fields[i].v);
  if (st) return st;
  if (f->df_residual + f->rank != f->n) return sl_model_damaged(r, "rows != rank + df_residual");
  /* NAN is what a fit without residual degrees of freedom stores; a negative or infinite scale
   * is no fit's (an edited or damaged file) */
  if (f->sigma < 0 || isinf(f->sigma)) return sl_model_damaged(r, "sigma is negative or infinite");
  if (f->rss < 0 || isinf(f->rss)) return sl_model_damaged(r, "rss is negative or infinite");
  return SL_OK;
}

static int read_column(sl_model_reader *r, sl_ols_fit *f, size_t j) {
  char *s;
  int st = sl_model_line(r, "column", &s);
  if (st) return st;
  size_t flag;
  if (!sl_model_parse_count(&s, 1, &flag) || !sl_model_parse_number(&s, &f->coef[j]) ||
      !sl_model_parse_number(&s, &f->std_error[j]) || !sl_model_parse_number(&s, &f->vif[j]) || *s != ' ' ||
      s[1] == '\0')
    return sl_model_damaged(r, "a column line needs: aliased estimate std_error vif name");
  f->aliased[j] = (int)flag;
  if ((st = sl_model_set_name(r, s + 1, &f->names[j])) != SL_OK) return st;
  if (flag != (size_t)isnan(f->coef[j])) return sl_model_damaged(r, "aliased flag disagrees with estimate");
  if (!flag && !isfinite(f->coef[j])) return sl_model_damaged(r, "an estimate is infinite");
  if (!flag && (f->std_error[j] < 0 || isinf(f->std_error[j])))
    return sl_model_damaged(r, "a standard error is negative or infinite");
  return SL_OK;
}

static int read_factor(sl_model_reader *r, sl_ols_fit *f, size_t j) {
  char *s = sl_model_next_line(r);
  if (!s) return sl_model_damaged(r, "file ends early");
  if (strncmp(s, "factor", 6) != 0) return sl_model_damaged(r, "expected a 'factor' line");
  s += 6;
  for (size_t l = 0; l < f->rank; l++) {
    double *v = &f->cov_factor[j * f->rank + l];
    if (!sl_model_parse_number(&s, v) || !isfinite(*v)) return sl_model_damaged(r, "factor row has too few numbers");
    if (f->aliased[j] && *v != 0) return sl_model_damaged(r, "aliased column with a non-zero factor row");
  }
  if (*s != '\0') return sl_model_damaged(r, "factor row has too many numbers");
  return SL_OK;
}

static int check_names(sl_model_reader *r, const sl_ols_fit *f, const char *const *expect, size_t p) {
  if (!expect) return SL_OK;
  if (p != f->p)
    return sl_error_set(r->err, SL_EVERSION, r->name, 0, 0,
                        "model has %zu columns, the data gives %zu (the model was fitted on "
                        "other columns)", f->p, p);
  for (size_t j = 0; j < p; j++)
    if (!expect[j] || strcmp(expect[j], f->names[j]) != 0)
      return sl_error_set(r->err, SL_EVERSION, r->name, 0, 0,
                          "model column %zu is '%s' but the data gives '%s'", j + 1,
                          f->names[j], expect[j] ? expect[j] : "(none)");
  return SL_OK;
}

/* t values and p values are not stored: recomputed with the same formulas as the fit. */
static void restore_tests(sl_ols_fit *f) {
  for (size_t j = 0; j < f->p; j++) {
    f->t_value[j] = f->aliased[j] ? NAN : f->coef[j] / f->std_error[j];
    f->p_value[j] = isfinite(f->t_value[j])
                        ? 2 * gsl_cdf_tdist_Q(fabs(f->t_value[j]), (double)f->df_residual)
                        : NAN;
  }
}

/* Version 2: "design N" and N lines kept verbatim (the design module reads them). */
static int read_design(sl_model_reader *r, sl_ols_fit *f) {
  size_t n = 0, len = 0;
  int st = sl_model_keyed_count(r, "design", MODEL_DESIGN_MAX_LINES, &n);
  if (st) return st;
  char *out = malloc(1);
  if (!out) return sl_error_set(r->err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  out[0] = '\0';
  for (size_t k = 0; k < n; k++) {
    char *s = sl_model_next_line(r);
    if (!s) {
      free(out);
      return sl_model_damaged(r, "design block ends early");
    }
    size_t sl = strlen(s);
    char *grown = realloc(out, len + sl + 2);
    if (!grown) {
      free(out);
      return sl_error_set(r->err, SL_ENOMEM, NULL, 0, 0, "out of memory");
    }
    out = grown;
    memcpy(out + len, s, sl);
    len += sl;
    out[len++] = '\n';
    out[len] = '\0';
  }
  f->design = out;
  return SL_OK;
}

static int read_body(sl_model_reader *r, sl_ols_fit *f, int version) {
  size_t p = 0, kept = 0;
  int st = sl_model_keyed_count(r, "columns", SL_REGRESS_MAX_COLUMNS, &p);
  if (st) return st;
  if (p == 0 || f->rank > p) return sl_model_damaged(r, "rank exceeds the number of columns");
  f->p = p;
  f->names = sl_regress_names_copy(NULL, p);
  f->aliased = calloc(p, sizeof *f->aliased);
  double **arrays[] = {&f->coef, &f->std_error, &f->t_value, &f->p_value, &f->vif};
  int ok = f->names && f->aliased;
  for (size_t k = 0; k < 5; k++) ok = ok && (*arrays[k] = malloc(p * sizeof(double)));
  f->cov_factor = calloc(p * (f->rank ? f->rank : 1), sizeof(double));
  if (!ok || !f->cov_factor) return sl_error_set(r->err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  for (size_t j = 0; j < p && !st; j++) st = read_column(r, f, j);
  for (size_t j = 0; j < p && !st; j++) kept += !f->aliased[j];
  if (!st && kept != f->rank) return sl_model_damaged(r, "rank disagrees with the aliased columns");
  for (size_t j = 0; j < p && !st; j++) st = read_factor(r, f, j);
  if (!st && version == MODEL_VERSION_DESIGN) st = read_design(r, f);
  return st ? st : sl_model_read_end(r);
}

int sl_ols_load_buffer(const char *name, const char *data, size_t len,
                       const char *const *expect_names, size_t p, sl_ols_fit **out,
                       sl_error *err) {
  if (out) *out = NULL;
  if (!out) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "load: missing argument");
  sl_gsl_quiet();
  sl_model_reader r;
  int st = sl_model_reader_open(&r, name, data, len, err);
  if (st) return st;
  sl_ols_fit *f = calloc(1, sizeof *f);
  if (!f) {
    free(r.buf);
    return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  }
  int version = 0;
  st = sl_model_read_header_range(&r, MODEL_MAGIC, MODEL_VERSION, MODEL_VERSION_DESIGN, &version);
  if (!st) st = read_scalars(&r, f);
  if (!st) st = read_body(&r, f, version);
  if (!st) st = check_names(&r, f, expect_names, p);
  free(r.buf);
  if (st) {
    sl_ols_fit_free(f);
    return st;
  }
  restore_tests(f);
  *out = f;
  return SL_OK;
}

int sl_ols_load(const char *path, const char *const *expect_names, size_t p, sl_ols_fit **out,
                sl_error *err) {
  if (out) *out = NULL;
  char *buf = NULL;
  size_t len = 0;
  int st = sl_model_read_file(path, &buf, &len, err);
  if (!st) st = sl_ols_load_buffer(path, buf, len, expect_names, p, out, err);
  free(buf);
  return st;
}
