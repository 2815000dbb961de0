/* regress_text.c - the line-oriented text both saved model formats share ("scoutlab-ols" and
 * "scoutlab-ridge", docs/model-format.md): numbers written with %.17g so a load returns the very
 * same doubles (NA for NAN, Inf/-Inf), and a reader that checks every token, so damaged files
 * end in SL_EPARSE with a line number, never in a crash. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "regress_private.h"
#include "runtime_internal.h"

/* A saved model is a few hundred KiB at SL_REGRESS_MAX_COLUMNS; anything far larger is not one. */
#define MODEL_MAX_BYTES ((size_t)256 << 20)
/* First read of a model file; it doubles from there. */
#define MODEL_READ_START ((size_t)1 << 16)

void sl_model_put_number(FILE *f, double v) {
  if (isnan(v)) fputs("NA", f);
  else if (isinf(v)) fputs(v > 0 ? "Inf" : "-Inf", f);
  else sl_fprintf_c(f, "%.17g", v);
}

void sl_model_put_field(FILE *f, const char *key, double v) {
  fprintf(f, "%s ", key);
  sl_model_put_number(f, v);
  fputc('\n', f);
}

int sl_model_create(sl_output **o, FILE **out, const char *path, char *const *names, size_t p, const char *magic,
                    int version, const char *what, sl_error *err) {
  *out = NULL;
  *o = NULL;
  if (!path) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "save: missing argument");
  for (size_t j = 0; j < p; j++)
    if (strpbrk(names[j], "\r\n") || names[j][0] == '\0')
      return sl_error_set(err, SL_EINVAL, path, 0, 0,
                          "save: column %zu has an empty name or one with a line break", j + 1);
  /* A model of the same kind is replaced, nothing else; a crash mid-write keeps the previous one. */
  int st = sl_output_check_ours(path, magic, err);
  if (!st) st = sl_output_open(path, o, out, err);
  if (st) return st;
  fprintf(*out, "%s %d\n# scoutlab %s; format described in docs/model-format.md\n", magic, version, what);
  return SL_OK;
}

int sl_model_finish(sl_output *o, FILE *f, const char *path, sl_error *err) {
  fputs("end\n", f);
  if (sl_output_commit(o, err) != SL_OK) return sl_error_set(err, SL_EIO, path, 0, 0, "error writing the model file");
  return SL_OK;
}

int sl_model_reader_open(sl_model_reader *r, const char *name, const char *data, size_t len,
                         sl_error *err) {
  memset(r, 0, sizeof *r);
  r->name = name ? name : "(model)";
  r->err = err;
  if (!data && len) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "load: missing argument");
  if (len > MODEL_MAX_BYTES) return sl_error_set(err, SL_ELIMIT, name, 0, 0, "model file too large");
  if (len && memchr(data, '\0', len))
    return sl_error_set(err, SL_EPARSE, name, 0, 0, "not a scoutlab model file (binary data)");
  if (!(r->buf = malloc(len + 1))) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  if (len) memcpy(r->buf, data, len);
  r->buf[len] = '\0';
  r->pos = r->buf, r->end = r->buf + len;
  return SL_OK;
}

char *sl_model_next_line(sl_model_reader *r) {
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

int sl_model_damaged(sl_model_reader *r, const char *what) {
  return sl_error_set(r->err, SL_EPARSE, r->name, r->line, 0, "damaged model file: %s", what);
}

int sl_model_parse_number(char **cursor, double *out) {
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
    *out = sl_strtod_c(tmp, &endp);
    if (*endp != '\0' || errno == ERANGE || !isfinite(*out)) return 0;
  }
  *cursor = e;
  return 1;
}

int sl_model_parse_count(char **cursor, size_t max, size_t *out) {
  double v;
  if (!sl_model_parse_number(cursor, &v) || !(v >= 0 && v <= (double)max) || v != floor(v)) return 0;
  *out = (size_t)v;
  return 1;
}

int sl_model_keyed(sl_model_reader *r, const char *key, double *out) {
  char *s = sl_model_next_line(r);
  size_t kl = strlen(key);
  if (!s) return sl_model_damaged(r, "file ends early");
  char msg[96];
  if (strncmp(s, key, kl) != 0 || s[kl] != ' ') {
    snprintf(msg, sizeof msg, "expected '%s' here", key);
    return sl_model_damaged(r, msg);
  }
  s += kl;
  if (!sl_model_parse_number(&s, out) || *s != '\0') {
    snprintf(msg, sizeof msg, "'%s' needs one number", key);
    return sl_model_damaged(r, msg);
  }
  return SL_OK;
}

int sl_model_keyed_count(sl_model_reader *r, const char *key, size_t max, size_t *out) {
  double v;
  int st = sl_model_keyed(r, key, &v);
  if (st) return st;
  if (!(v >= 0 && v <= (double)max) || v != floor(v)) return sl_model_damaged(r, "count out of range");
  *out = (size_t)v;
  return SL_OK;
}

int sl_model_line(sl_model_reader *r, const char *key, char **rest) {
  char *s = sl_model_next_line(r);
  size_t kl = strlen(key);
  if (!s) return sl_model_damaged(r, "file ends early");
  if (strncmp(s, key, kl) != 0 || s[kl] != ' ') {
    char msg[96];
    snprintf(msg, sizeof msg, "expected a '%s' line", key);
    return sl_model_damaged(r, msg);
  }
  *rest = s + kl + 1;
  return SL_OK;
}

int sl_model_set_name(sl_model_reader *r, const char *s, char **name) {
  size_t len = strlen(s);
  if (len > SL_REGRESS_NAME_MAX) return sl_model_damaged(r, "column name too long");
  free(*name);
  if (!(*name = malloc(len + 1))) return sl_error_set(r->err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  memcpy(*name, s, len + 1);
  return SL_OK;
}

int sl_model_read_end(sl_model_reader *r) {
  char *s = sl_model_next_line(r);
  if (!s || strcmp(s, "end") != 0) return sl_model_damaged(r, "missing 'end' line (truncated file?)");
  return SL_OK;
}

int sl_model_read_header(sl_model_reader *r, const char *magic, int version) {
  int got;
  return sl_model_read_header_range(r, magic, version, version, &got);
}

int sl_model_read_header_range(sl_model_reader *r, const char *magic, int lowest, int version,
                               int *got_version) {
  char *s = sl_model_next_line(r);
  size_t ml = strlen(magic);
  if (!s || strncmp(s, magic, ml) != 0 || s[ml] != ' ')
    return sl_error_set(r->err, SL_EPARSE, r->name, 1, 0,
                        "not a %s model file (expected first line '%s %d')", magic, magic, version);
  s += ml;
  size_t got;
  if (!sl_model_parse_count(&s, 1000000, &got) || *s != '\0') return sl_model_damaged(r, "bad version number");
  if (got < (size_t)lowest || got > (size_t)version) {
    if (lowest == version)
      return sl_error_set(r->err, SL_EVERSION, r->name, r->line, 0,
                          "model file has format version %zu; this scoutlab reads version %d "
                          "(refit the model or use a matching scoutlab)",
                          got, version);
    return sl_error_set(r->err, SL_EVERSION, r->name, r->line, 0,
                        "model file has format version %zu; this scoutlab reads versions %d to %d "
                        "(refit the model or use a matching scoutlab)",
                        got, lowest, version);
  }
  *got_version = (int)got;
  return SL_OK;
}

int sl_model_read_file(const char *path, char **out, size_t *len, sl_error *err) {
  *out = NULL, *len = 0;
  if (!path) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "load: missing path");
  FILE *f = fopen(path, "rb");
  if (!f) return sl_error_set(err, SL_EIO, path, 0, 0, "cannot read: %s", sl_strerror_c(errno));
  size_t cap = MODEL_READ_START, n = 0;
  char *buf = malloc(cap);
  int st = buf ? SL_OK : sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  while (!st) {
    if (n == cap) {
      char *nb = cap <= MODEL_MAX_BYTES ? realloc(buf, cap * 2) : NULL;
      if (!nb) {
        st = sl_error_set(err, cap > MODEL_MAX_BYTES ? SL_ELIMIT : SL_ENOMEM, path, 0, 0,
                          "model file too large");
        break;
      }
      buf = nb, cap *= 2;
    }
    size_t got = fread(buf + n, 1, cap - n, f);
    n += got;
    if (got == 0) {
      if (ferror(f)) st = sl_error_set(err, SL_EIO, path, 0, 0, "read error");
      break;
    }
  }
  fclose(f);
  if (st) free(buf);
  else *out = buf, *len = n;
  return st;
}
