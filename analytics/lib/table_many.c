/* table_many.c - several CSV files (or directories of them) stacked into one table by column
 * name; see sl_table_load_many in include/scoutlab/table.h. */
#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "scoutlab/table.h"
#include "runtime_internal.h"
#include "table_internal.h"

/* A directory tree deeper than this is not a data folder (and guards against symlink loops). */
#define SL_MAX_DIR_DEPTH 8

typedef struct path_list {
  char **paths;
  size_t n, cap;
  struct path_list *notes_; /* special files met in walked folders (only the top list has one) */
} path_list;

static int push_path(path_list *l, const char *p) {
  if (l->n == l->cap) {
    size_t cap = l->cap ? l->cap * 2 : 16;
    char **q = realloc(l->paths, cap * sizeof *q);
    if (!q) return SL_ENOMEM;
    l->paths = q;
    l->cap = cap;
  }
  size_t len = strlen(p) + 1;
  if (!(l->paths[l->n] = malloc(len))) return SL_ENOMEM;
  memcpy(l->paths[l->n++], p, len);
  return SL_OK;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int has_csv_suffix(const char *name) {
  size_t n = strlen(name);
  return n > 4 && strcmp(name + n - 4, ".csv") == 0;
}

/* Adds path, or every *.csv below it when it is a directory, in sorted order. */
static int expand(const char *path, int depth, path_list *out, sl_error *err) {
  struct stat sb;
  if (stat(path, &sb) != 0 || !S_ISDIR(sb.st_mode)) return push_path(out, path);
  (void)sb;
  if (depth > SL_MAX_DIR_DEPTH) return sl_error_set(err, SL_ELIMIT, path, 0, 0, "directories nested too deep");
  DIR *d = opendir(path);
  if (!d) return sl_error_set(err, SL_EIO, path, 0, 0, "cannot open directory");
  path_list here = {.notes_ = out->notes_};
  int st = SL_OK;
  for (struct dirent *e; st == SL_OK && (e = readdir(d));) {
    if (e->d_name[0] == '.') continue;
    char full[4096];
    snprintf(full, sizeof full, "%s/%s", path, e->d_name);
    struct stat es;
    if (stat(full, &es) != 0) continue;
    if (!S_ISDIR(es.st_mode) && !S_ISREG(es.st_mode)) {
      /* A FIFO or device in a data folder would block the walk or never end: never opened. */
      if (has_csv_suffix(e->d_name) && out->notes_) st = push_path(out->notes_, full);
      continue;
    }
    if (S_ISDIR(es.st_mode) || has_csv_suffix(e->d_name)) st = push_path(&here, full);
  }
  closedir(d);
  if (here.n) qsort(here.paths, here.n, sizeof *here.paths, cmp_str);
  for (size_t i = 0; i < here.n; i++) {
    if (st == SL_OK) st = expand(here.paths[i], depth + 1, out, err);
    free(here.paths[i]);
  }
  free(here.paths);
  if (st == SL_ENOMEM) sl_error_set(err, SL_ENOMEM, path, 0, 0, "out of memory");
  return st;
}

/* The merged type of a column across tables: the shared numeric kind, else text. Plain numbers
 * and euros merge to money; plain numbers and another currency to text, as two currencies do
 * (a file's plain fees are not pounds because another file's are). */
static sl_type merged_type(sl_table *const *parts, size_t n, const char *name, char currency[4]) {
  sl_type t = SL_TYPE_EMPTY;
  int plain = 0;
  currency[0] = '\0';
  for (size_t i = 0; i < n; i++) {
    const sl_column *c = sl_table_column(parts[i], name);
    if (!c || c->type == SL_TYPE_EMPTY) continue;
    sl_type ct = c->type;
    if (t == SL_TYPE_EMPTY) t = ct;
    else if ((t == SL_TYPE_NUMBER && ct == SL_TYPE_MONEY) || (t == SL_TYPE_MONEY && ct == SL_TYPE_NUMBER)) t = SL_TYPE_MONEY;
    else if (t != ct) t = SL_TYPE_TEXT;
    if (ct == SL_TYPE_MONEY && c->currency[0]) {
      if (currency[0] && strcmp(currency, c->currency) != 0) t = SL_TYPE_TEXT;
      memcpy(currency, c->currency, 4);
    }
    plain |= ct == SL_TYPE_NUMBER;
  }
  if (t == SL_TYPE_MONEY && plain && currency[0] && strcmp(currency, "EUR") != 0) t = SL_TYPE_TEXT;
  return t;
}

static int copy_column(sl_table *dst, sl_column *out, sl_table *const *parts, size_t n) {
  size_t row = 0;
  char buf[64];
  for (size_t i = 0; i < n; i++) {
    const sl_column *c = sl_table_column(parts[i], out->name);
    for (size_t r = 0; r < parts[i]->nrows; r++, row++) {
      if (out->type == SL_TYPE_TEXT) {
        /* Money in pounds comes as "GBP 12000000": the amount keeps its currency. */
        const char *s = c ? sl_table_text(parts[i], c, r, buf, sizeof buf) : NULL;
        out->text[row] = s ? sl_table_internal_strdup(dst, s) : NULL;
        if (s && !out->text[row]) return SL_ENOMEM;
      } else {
        out->num[row] = c && c->num ? c->num[r] : NAN;
      }
    }
    if (c) {
      out->missing += c->missing;
      out->not_numeric += c->not_numeric;
      if (!out->first_text_line) out->first_text_line = c->first_text_line;
    } else {
      out->missing += parts[i]->nrows;
    }
  }
  return SL_OK;
}

static int add_columns(sl_table *t, sl_table *const *parts, size_t n) {
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < parts[i]->ncols; j++) {
      const char *name = parts[i]->cols[j].name;
      if (sl_table_column_index(t, name) >= 0) continue;
      sl_column *c = realloc(t->cols, (t->ncols + 1) * sizeof *c);
      if (!c) return SL_ENOMEM;
      t->cols = c;
      sl_column *col = &c[t->ncols];
      memset(col, 0, sizeof *col);
      size_t len = strlen(name) + 1;
      if (!(col->name = malloc(len))) return SL_ENOMEM;
      memcpy(col->name, name, len);
      t->ncols++;
      col->type = merged_type(parts, n, name, col->currency);
      col->role = parts[i]->cols[j].role;
      size_t rows = t->nrows ? t->nrows : 1;
      if (col->type == SL_TYPE_TEXT) col->text = calloc(rows, sizeof *col->text);
      else col->num = malloc(rows * sizeof *col->num);
      if (!col->text && !col->num) return SL_ENOMEM;
      if (copy_column(t, col, parts, n) != SL_OK) return SL_ENOMEM;
    }
  return SL_OK;
}

/* Rows of every part in order; a part may hold several files already (a joined season), so
 * file indices are offset by the files of the parts before it. */
static int stack_rows(sl_table *t, sl_table *const *parts, size_t n) {
  size_t rows = 0, nfiles = 0;
  for (size_t i = 0; i < n; i++) rows += parts[i]->nrows, nfiles += parts[i]->nfiles;
  t->nrows = rows;
  t->row_line = malloc((rows ? rows : 1) * sizeof *t->row_line);
  t->row_file = malloc((rows ? rows : 1) * sizeof *t->row_file);
  char **files = realloc(t->files, (nfiles ? nfiles : 1) * sizeof *files);
  if (files) t->files = files;
  if (!t->row_line || !t->row_file || !files) return SL_ENOMEM;
  for (size_t i = t->nfiles; i < nfiles; i++) t->files[i] = NULL;
  size_t off = 0;
  for (size_t i = 0, row = 0; i < n; off += parts[i]->nfiles, i++) {
    for (size_t f = 0; f < parts[i]->nfiles; f++) {
      if (off + f < t->nfiles) free(t->files[off + f]);
      size_t len = strlen(parts[i]->files[f]) + 1;
      t->files[off + f] = malloc(len);
      if (off + f >= t->nfiles) t->nfiles = off + f + 1;
      if (!t->files[off + f]) return SL_ENOMEM;
      memcpy(t->files[off + f], parts[i]->files[f], len);
    }
    for (size_t r = 0; r < parts[i]->nrows; r++, row++) {
      t->row_line[row] = parts[i]->row_line[r];
      t->row_file[row] = (uint32_t)(off + parts[i]->row_file[r]);
    }
    t->rows_read += parts[i]->rows_read;
    t->rows_trailing_empty += parts[i]->rows_trailing_empty;
    for (size_t k = 0; k < parts[i]->nskipped; k++)
      if (sl_table_internal_add_skipped(t, (uint32_t)(off + parts[i]->skipped[k].file), parts[i]->skipped[k].line,
                                        &parts[i]->skipped[k]))
        return SL_ENOMEM;
    for (size_t k = 0; k < parts[i]->nwarnings; k++)
      if (sl_table_internal_warn(t, "%s: %s", parts[i]->files[0], parts[i]->warnings[k])) return SL_ENOMEM;
  }
  return SL_OK;
}

int sl_table_internal_stack(sl_table *const *parts, size_t n, sl_table **out, sl_error *err) {
  sl_table *t = sl_table_internal_new(parts[0]->files[0], err);
  if (!t) return SL_ENOMEM;
  t->delimiter = parts[0]->delimiter;
  t->decimal = parts[0]->decimal;
  memcpy(t->encoding, parts[0]->encoding, sizeof t->encoding);
  if (stack_rows(t, parts, n) != SL_OK || add_columns(t, parts, n) != SL_OK) {
    sl_table_free(t);
    return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory while stacking files");
  }
  *out = t;
  return SL_OK;
}

int sl_table_files_of(const char *path, char ***files, size_t *n, sl_error *err) {
  path_list specials = {0}, list = {.notes_ = &specials};
  int st = path ? expand(path, 0, &list, err) : sl_error_set(err, SL_EINVAL, NULL, 0, 0, "no path given");
  sl_table_paths_free(specials.paths, specials.n);
  if (st) {
    sl_table_paths_free(list.paths, list.n);
    list.paths = NULL, list.n = 0;
  }
  *files = list.paths, *n = list.n;
  return st;
}

void sl_table_paths_free(char **files, size_t n) {
  for (size_t i = 0; files && i < n; i++) free(files[i]);
  free(files);
}

int sl_table_load_many(const char *const *paths, size_t npaths, const sl_load_options *opt,
                       sl_table **out, sl_error *err) {
  if (!out || !paths || npaths == 0) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "no files given");
  *out = NULL;
  path_list specials = {0}, list = {.notes_ = &specials};
  int st = SL_OK;
  for (size_t i = 0; st == SL_OK && i < npaths; i++) st = expand(paths[i], 0, &list, err);
  if (st == SL_OK && list.n == 0) st = sl_error_set(err, SL_ENOTFOUND, paths[0], 0, 0, "no .csv files found");
  sl_table **parts = st == SL_OK ? calloc(list.n, sizeof *parts) : NULL;
  if (st == SL_OK && !parts) st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  for (size_t i = 0; st == SL_OK && i < list.n; i++) st = sl_table_load(list.paths[i], opt, &parts[i], err);
  if (st == SL_OK) {
    if (list.n == 1) {
      *out = parts[0];
      parts[0] = NULL;
    } else {
      st = sl_table_internal_stack(parts, list.n, out, err);
    }
  }
  for (size_t i = 0; st == SL_OK && i < specials.n; i++)
    if (sl_table_internal_warn(*out, "%s is not a regular file (a FIFO, socket or device): skipped, never opened",
                               specials.paths[i]) != SL_OK)
      st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  if (st != SL_OK && *out) {
    sl_table_free(*out);
    *out = NULL;
  }
  for (size_t i = 0; i < list.n; i++) {
    if (parts) sl_table_free(parts[i]);
    free(list.paths[i]);
  }
  for (size_t i = 0; i < specials.n; i++) free(specials.paths[i]);
  free(specials.paths);
  free(parts);
  free(list.paths);
  return st;
}
