/* regress_io.c - saving and loading OLS fits in the "scoutlab-ols 1" text format
 * (docs/model-format.md). Numbers use %.17g so that a load returns the very same doubles; NA
 * stands for NAN, Inf/-Inf for infinities. The loader checks every count and invariant before
 * it trusts a number, so truncated or garbage files end in SL_EPARSE, never in a crash. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>

#include "regress_private.h"

#define MODEL_MAGIC "scoutlab-ols"
#define MODEL_VERSION 1
/* A saved model is a few hundred KiB at SL_REGRESS_MAX_COLUMNS; anything far larger is not one. */
#define MODEL_MAX_BYTES ((size_t)256 << 20)

static void put_number(FILE *f, double v) {
  if (isnan(v)) fputs("NA", f);
  else if (isinf(v)) fputs(v > 0 ? "Inf" : "-Inf", f);
  else fprintf(f, "%.17g", v);
}

static void put_field(FILE *f, const char *key, double v) {
  fprintf(f, "%s ", key);
  put_number(f, v);
  fputc('\n', f);
}

int sl_ols_save(const sl_ols_fit *fit, const char *path, sl_error *err) {
  if (!fit || !path) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "save: missing argument");
  for (size_t j = 0; j < fit->p; j++)
    if (strpbrk(fit->names[j], "\r\n") || fit->names[j][0] == '\0')
      return sl_error_set(err, SL_EINVAL, path, 0, 0,
                          "save: column %zu has an empty name or one with a line break", j + 1);
  FILE *f = fopen(path, "w");
  if (!f) return sl_error_set(err, SL_EIO, path, 0, 0, "cannot write: %s", strerror(errno));
  fprintf(f, "%s %d\n# scoutlab linear model; format described in docs/model-format.md\n",
          MODEL_MAGIC, MODEL_VERSION);
  fprintf(f, "rows %zu\nrank %zu\ndf_residual %zu\nintercept %d\nweighted %d\n", fit->n,
          fit->rank, fit->df_residual, fit->intercept ? 1 : 0, fit->weighted ? 1 : 0);
  put_field(f, "tol", fit->tol);
  put_field(f, "sigma", fit->sigma);
  put_field(f, "rss", fit->rss);
  put_field(f, "tss", fit->tss);
  put_field(f, "r_squared", fit->r_squared);
  put_field(f, "adj_r_squared", fit->adj_r_squared);
  put_field(f, "f_statistic", fit->f_statistic);
  put_field(f, "f_df1", fit->f_df1);
  put_field(f, "f_df2", fit->f_df2);
  put_field(f, "f_p", fit->f_p);
  fprintf(f, "columns %zu\n", fit->p);
  for (size_t j = 0; j < fit->p; j++) {
    fprintf(f, "column %d ", fit->aliased[j] ? 1 : 0);
    put_number(f, fit->coef[j]), fputc(' ', f);
    put_number(f, fit->std_error[j]), fputc(' ', f);
    put_number(f, fit->vif[j]);
    fprintf(f, " %s\n", fit->names[j]);
  }
  for (size_t j = 0; j < fit->p; j++) {
    fputs("factor", f);
    for (size_t l = 0; l < fit->rank; l++) fputc(' ', f), put_number(f, fit->cov_factor[j * fit->rank + l]);
    fputc('\n', f);
  }
  fputs("end\n", f);
  int bad = ferror(f);
  if (fclose(f) != 0 || bad)
    return sl_error_set(err, SL_EIO, path, 0, 0, "error writing the model file");
  return SL_OK;
}

/* ---- loading ---------------------------------------------------------------------------- */

typedef struct reader {
  const char *name;
  char *buf, *pos, *end; /* private NUL-terminated copy */
  long line;
  sl_error *err;
} reader;

/* Next non-comment line, NUL-terminated in place, or NULL at the end. */
static char *next_line(reader *r) {
  while (r->pos < r->end) {
    char *s = r->pos, *nl = memchr(s, '\n', (size_t)(r->end - s));
    char *e = nl ? nl : r->end;
    r->pos = nl ? nl + 1 : r->end;
    *e = '\0';
    if (e > s && e[-1] == '\r') e[-1] = '\0';
    r->line++;
    if (s[0] != '#') return s;
  }
  return NULL;
}

static int damaged(reader *r, const char *what) {
  return sl_error_set(r->err, SL_EPARSE, r->name, r->line, 0,
                      "damaged model file: %s", what);
}

/* Parses one number token (NA, Inf, -Inf or a strtod number using the whole token). */
static int parse_number(char **cursor, double *out) {
  char *s = *cursor;
  while (*s == ' ') s++;
  char *e = s;
  while (*e && *e != ' ') e++;
  if (e == s) return 0;
  size_t len = (size_t)(e - s);
  if (len == 2 && strncmp(s, "NA", 2) == 0) *out = NAN;
  else if (len == 3 && strncmp(s, "Inf", 3) == 0) *out = INFINITY;
  else if (len == 4 && strncmp(s, "-Inf", 4) == 0) *out = -INFINITY;
  else {
    char tmp[64], *endp;
    if (len >= sizeof tmp) return 0;
    memcpy(tmp, s, len), tmp[len] = '\0';
    errno = 0;
    *out = strtod(tmp, &endp);
    if (*endp != '\0' || errno == ERANGE || !isfinite(*out)) return 0;
  }
  *cursor = e;
  return 1;
}

static int parse_count(char **cursor, size_t max, size_t *out) {
  double v;
  if (!parse_number(cursor, &v) || !(v >= 0 && v <= (double)max) || v != floor(v)) return 0;
  *out = (size_t)v;
  return 1;
}

/* "key value" line with the key expected at this point of the file. */
static int keyed(reader *r, const char *key, double *out) {
  char *s = next_line(r);
  size_t kl = strlen(key);
  if (!s) return damaged(r, "file ends early");
  if (strncmp(s, key, kl) != 0 || s[kl] != ' ') {
    char msg[96];
    snprintf(msg, sizeof msg, "expected '%s' here", key);
    return damaged(r, msg);
  }
  s += kl;
  if (!parse_number(&s, out) || *s != '\0') {
    char msg[96];
    snprintf(msg, sizeof msg, "'%s' needs one number", key);
    return damaged(r, msg);
  }
  return SL_OK;
}

static int keyed_count(reader *r, const char *key, size_t max, size_t *out) {
  double v;
  int st = keyed(r, key, &v);
  if (st) return st;
  if (!(v >= 0 && v <= (double)max) || v != floor(v)) return damaged(r, "count out of range");
  *out = (size_t)v;
  return SL_OK;
}

static int read_header(reader *r) {
  char *s = next_line(r);
  size_t ml = strlen(MODEL_MAGIC);
  if (!s || strncmp(s, MODEL_MAGIC, ml) != 0 || s[ml] != ' ')
    return sl_error_set(r->err, SL_EPARSE, r->name, 1, 0,
                        "not a scoutlab model file (expected first line '%s %d')", MODEL_MAGIC,
                        MODEL_VERSION);
  s += ml;
  size_t version;
  if (!parse_count(&s, 1000000, &version) || *s != '\0') return damaged(r, "bad version number");
  if (version != MODEL_VERSION)
    return sl_error_set(r->err, SL_EVERSION, r->name, r->line, 0,
                        "model file has format version %zu; this scoutlab reads version %d "
                        "(refit the model or use a matching scoutlab)",
                        version, MODEL_VERSION);
  return SL_OK;
}

/* Header counts and statistics, in file order. */
static int read_scalars(reader *r, sl_ols_fit *f) {
  size_t flag = 0;
  int st = keyed_count(r, "rows", (size_t)1 << 52, &f->n);
  if (!st) st = keyed_count(r, "rank", SL_REGRESS_MAX_COLUMNS, &f->rank);
  if (!st) st = keyed_count(r, "df_residual", (size_t)1 << 52, &f->df_residual);
  if (!st) st = keyed_count(r, "intercept", 1, &flag), f->intercept = (int)flag;
  if (!st) st = keyed_count(r, "weighted", 1, &flag), f->weighted = (int)flag;
  struct { const char *key; double *v; } fields[] = {
      {"tol", &f->tol}, {"sigma", &f->sigma}, {"rss", &f->rss}, {"tss", &f->tss},
      {"r_squared", &f->r_squared}, {"adj_r_squared", &f->adj_r_squared},
      {"f_statistic", &f->f_statistic}, {"f_df1", &f->f_df1}, {"f_df2", &f->f_df2},
      {"f_p", &f->f_p}};
  for (size_t i = 0; !st && i < sizeof fields / sizeof fields[0]; i++)
    st = keyed(r, fields[i].key, fields[i].v);
  if (st) return st;
  if (f->df_residual + f->rank != f->n) return damaged(r, "rows != rank + df_residual");
  return SL_OK;
}

static int read_column(reader *r, sl_ols_fit *f, size_t j) {
  char *s = next_line(r);
  if (!s) return damaged(r, "file ends early");
  if (strncmp(s, "column ", 7) != 0) return damaged(r, "expected a 'column' line");
  s += 7;
  size_t flag;
  if (!parse_count(&s, 1, &flag) || !parse_number(&s, &f->coef[j]) ||
      !parse_number(&s, &f->std_error[j]) || !parse_number(&s, &f->vif[j]) || *s != ' ' ||
      s[1] == '\0')
    return damaged(r, "a column line needs: aliased estimate std_error vif name");
  f->aliased[j] = (int)flag;
  s++;
  size_t len = strlen(s);
  if (len > SL_REGRESS_NAME_MAX) return damaged(r, "column name too long");
  free(f->names[j]);
  f->names[j] = malloc(len + 1);
  if (!f->names[j]) return sl_error_set(r->err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  memcpy(f->names[j], s, len + 1);
  if (flag != (size_t)isnan(f->coef[j])) return damaged(r, "aliased flag disagrees with estimate");
  return SL_OK;
}

static int read_factor(reader *r, sl_ols_fit *f, size_t j) {
  char *s = next_line(r);
  if (!s) return damaged(r, "file ends early");
  if (strncmp(s, "factor", 6) != 0) return damaged(r, "expected a 'factor' line");
  s += 6;
  for (size_t l = 0; l < f->rank; l++) {
    double *v = &f->cov_factor[j * f->rank + l];
    if (!parse_number(&s, v) || !isfinite(*v)) return damaged(r, "factor row has too few numbers");
    if (f->aliased[j] && *v != 0) return damaged(r, "aliased column with a non-zero factor row");
  }
  if (*s != '\0') return damaged(r, "factor row has too many numbers");
  return SL_OK;
}

static int check_names(reader *r, const sl_ols_fit *f, const char *const *expect, size_t p) {
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

static int read_body(reader *r, sl_ols_fit *f) {
  size_t p = 0, kept = 0;
  int st = keyed_count(r, "columns", SL_REGRESS_MAX_COLUMNS, &p);
  if (st) return st;
  if (p == 0 || f->rank > p) return damaged(r, "rank exceeds the number of columns");
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
  if (!st && kept != f->rank) return damaged(r, "rank disagrees with the aliased columns");
  for (size_t j = 0; j < p && !st; j++) st = read_factor(r, f, j);
  if (st) return st;
  char *s = next_line(r);
  if (!s || strcmp(s, "end") != 0) return damaged(r, "missing 'end' line (truncated file?)");
  return SL_OK;
}

int sl_ols_load_buffer(const char *name, const char *data, size_t len,
                       const char *const *expect_names, size_t p, sl_ols_fit **out,
                       sl_error *err) {
  if (out) *out = NULL;
  if (!out || (!data && len)) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "load: missing argument");
  if (len > MODEL_MAX_BYTES) return sl_error_set(err, SL_ELIMIT, name, 0, 0, "model file too large");
  gsl_set_error_handler_off();
  if (memchr(data, '\0', len))
    return sl_error_set(err, SL_EPARSE, name, 0, 0, "not a scoutlab model file (binary data)");
  reader r = {name ? name : "(model)", malloc(len + 1), NULL, NULL, 0, err};
  sl_ols_fit *f = calloc(1, sizeof *f);
  if (!r.buf || !f) {
    free(r.buf), free(f);
    return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  }
  if (len) memcpy(r.buf, data, len);
  r.buf[len] = '\0';
  r.pos = r.buf, r.end = r.buf + len;
  int st = read_header(&r);
  if (!st) st = read_scalars(&r, f);
  if (!st) st = read_body(&r, f);
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
  if (!path) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "load: missing path");
  FILE *f = fopen(path, "rb");
  if (!f) return sl_error_set(err, SL_EIO, path, 0, 0, "cannot read: %s", strerror(errno));
  size_t cap = 1 << 16, len = 0;
  char *buf = malloc(cap);
  int st = buf ? SL_OK : sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  while (!st) {
    if (len == cap) {
      char *nb = cap <= MODEL_MAX_BYTES ? realloc(buf, cap * 2) : NULL;
      if (!nb) {
        st = sl_error_set(err, cap > MODEL_MAX_BYTES ? SL_ELIMIT : SL_ENOMEM, path, 0, 0,
                          "model file too large");
        break;
      }
      buf = nb, cap *= 2;
    }
    size_t got = fread(buf + len, 1, cap - len, f);
    len += got;
    if (got == 0) {
      if (ferror(f)) st = sl_error_set(err, SL_EIO, path, 0, 0, "read error");
      break;
    }
  }
  fclose(f);
  if (!st) st = sl_ols_load_buffer(path, buf, len, expect_names, p, out, err);
  free(buf);
  return st;
}
