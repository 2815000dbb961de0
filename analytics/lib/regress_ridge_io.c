/* regress_ridge_io.c - saving and loading ridge fits in the "scoutlab-ridge 1" text format
 * (docs/model-format.md), and predicting from them. A fit is kept on the original scale
 * (coefficients, and the centre and scale each predictor was standardised with), so a
 * prediction is the plain linear combination; the penalty path and CV scores are not saved. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "regress_private.h"

#define RIDGE_MAGIC "scoutlab-ridge"
#define RIDGE_VERSION 1

int sl_ridge_save(const sl_ridge_fit *fit, const char *path, sl_error *err) {
  if (!fit) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "save: missing argument");
  FILE *f;
  sl_output *o;
  int st = sl_model_create(&o, &f, path, fit->names, fit->p, RIDGE_MAGIC, RIDGE_VERSION, "ridge model", err);
  if (st) return st;
  fprintf(f, "rows %zu\n", fit->n);
  sl_model_put_field(f, "lambda", fit->lambda);
  sl_model_put_field(f, "df", fit->df);
  sl_model_put_field(f, "rss", fit->rss);
  sl_model_put_field(f, "gcv", fit->gcv);
  fprintf(f, "columns %zu\n", fit->p);
  for (size_t j = 0; j < fit->p; j++) {
    fputs("column ", f);
    sl_model_put_number(f, fit->coef[j]), fputc(' ', f);
    sl_model_put_number(f, fit->center[j]), fputc(' ', f);
    sl_model_put_number(f, fit->scale[j]);
    fprintf(f, " %s\n", fit->names[j]);
  }
  return sl_model_finish(o, f, path, err);
}

/* "column COEF CENTER SCALE NAME"; column 0 is the intercept (centre 0, scale 1). */
static int read_column(sl_model_reader *r, sl_ridge_fit *f, size_t j) {
  char *s;
  int st = sl_model_line(r, "column", &s);
  if (st) return st;
  if (!sl_model_parse_number(&s, &f->coef[j]) || !sl_model_parse_number(&s, &f->center[j]) ||
      !sl_model_parse_number(&s, &f->scale[j]) || *s != ' ' || s[1] == '\0')
    return sl_model_damaged(r, "a column line needs: estimate centre scale name");
  if (!isfinite(f->coef[j]) || !isfinite(f->center[j]) || !(f->scale[j] > 0 && isfinite(f->scale[j])))
    return sl_model_damaged(r, "estimate and centre must be numbers, the scale positive");
  if (j == 0 && (f->center[0] != 0 || f->scale[0] != 1))
    return sl_model_damaged(r, "column 0 is the intercept: centre 0, scale 1");
  return sl_model_set_name(r, s + 1, &f->names[j]);
}

static int read_ridge(sl_model_reader *r, sl_ridge_fit *f) {
  size_t p = 0;
  int st = sl_model_read_header(r, RIDGE_MAGIC, RIDGE_VERSION);
  if (!st) st = sl_model_keyed_count(r, "rows", (size_t)1 << 52, &f->n);
  if (!st) st = sl_model_keyed(r, "lambda", &f->lambda);
  if (!st) st = sl_model_keyed(r, "df", &f->df);
  if (!st) st = sl_model_keyed(r, "rss", &f->rss);
  if (!st) st = sl_model_keyed(r, "gcv", &f->gcv);
  if (!st) st = sl_model_keyed_count(r, "columns", SL_REGRESS_MAX_COLUMNS, &p);
  if (st) return st;
  if (!(f->lambda >= 0 && isfinite(f->lambda))) return sl_model_damaged(r, "lambda must be a number >= 0");
  if (p < 2) return sl_model_damaged(r, "a ridge model has an intercept and at least one predictor");
  f->p = p;
  f->names = sl_regress_names_copy(NULL, p);
  f->coef = malloc(p * sizeof *f->coef);
  f->center = malloc(p * sizeof *f->center);
  f->scale = malloc(p * sizeof *f->scale);
  if (!f->names || !f->coef || !f->center || !f->scale)
    return sl_error_set(r->err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  for (size_t j = 0; j < p && !st; j++) st = read_column(r, f, j);
  return st ? st : sl_model_read_end(r);
}

int sl_ridge_load_buffer(const char *name, const char *data, size_t len, sl_ridge_fit **out,
                         sl_error *err) {
  if (out) *out = NULL;
  if (!out) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "load: missing argument");
  sl_model_reader r;
  int st = sl_model_reader_open(&r, name, data, len, err);
  if (st) return st;
  sl_ridge_fit *f = calloc(1, sizeof *f);
  st = f ? read_ridge(&r, f) : sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  free(r.buf);
  if (st) {
    sl_ridge_fit_free(f);
    return st;
  }
  *out = f;
  return SL_OK;
}

int sl_ridge_load(const char *path, sl_ridge_fit **out, sl_error *err) {
  if (out) *out = NULL;
  char *buf = NULL;
  size_t len = 0;
  int st = sl_model_read_file(path, &buf, &len, err);
  if (!st) st = sl_ridge_load_buffer(path, buf, len, out, err);
  free(buf);
  return st;
}

double sl_ridge_predict(const sl_ridge_fit *fit, const double *x0) {
  double v = fit->coef[0];
  for (size_t j = 1; j < fit->p; j++) v += fit->coef[j] * x0[j];
  return v;
}
