/* table.c - the column store: type inference per cell, text storage, accessors, skipped-rows
 * report; see include/scoutlab/table.h. The CSV reading is in table_load.c. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scoutlab/names.h"
#include "scoutlab/table.h"
#include "runtime_internal.h"
#include "table_internal.h"

/* Text cells live in 1 MiB blocks: one malloc per block instead of one per cell. */
#define SL_ARENA_BLOCK ((size_t)1 << 20)

typedef struct arena_block {
  struct arena_block *next;
  size_t used, size;
  char data[];
} arena_block;

typedef enum { KIND_NONE = 0, KIND_NUMBER, KIND_MONEY, KIND_DATE, KIND_TEXT } cell_kind;

struct sl_col_state {
  cell_kind kind;
  size_t numeric_cells; /* cells stored as numbers so far */
  size_t demoted_at;    /* rows stored as numbers before the column became text */
  int recovering;       /* needs the second pass */
};

static char *arena_alloc(sl_table *t, size_t n) {
  arena_block *b = t->arena_;
  if (!b || b->size - b->used < n) {
    size_t size = n > SL_ARENA_BLOCK ? n : SL_ARENA_BLOCK;
    arena_block *nb = malloc(sizeof *nb + size);
    if (!nb) return NULL;
    nb->size = size;
    nb->used = 0;
    /* A big cell gets its own block behind the current one, so the current keeps filling. */
    if (b && n > SL_ARENA_BLOCK) {
      nb->next = b->next;
      b->next = nb;
    } else {
      nb->next = b;
      t->arena_ = nb;
    }
    b = nb;
  }
  char *p = b->data + b->used;
  b->used += n;
  return p;
}

char *sl_table_internal_strdup(sl_table *t, const char *s) {
  size_t n = strlen(s) + 1;
  char *p = arena_alloc(t, n);
  if (p) memcpy(p, s, n);
  return p;
}

static char *heap_strdup(const char *s) {
  size_t n = strlen(s) + 1;
  char *p = malloc(n);
  if (p) memcpy(p, s, n);
  return p;
}

sl_table *sl_table_internal_new(const char *path, sl_error *err) {
  sl_table *t = calloc(1, sizeof *t);
  char **files = malloc(sizeof *files);
  char *p = heap_strdup(path ? path : "");
  if (!t || !files || !p) {
    free(t);
    free(files);
    free(p);
    sl_error_set(err, SL_ENOMEM, path, 0, 0, "out of memory");
    return NULL;
  }
  files[0] = p;
  t->files = files;
  t->nfiles = 1;
  t->delimiter = ',';
  snprintf(t->encoding, sizeof t->encoding, "UTF-8");
  return t;
}

static void index_free(sl_table *t);

static void free_columns(sl_table *t) {
  for (size_t i = 0; i < t->ncols; i++) {
    free(t->cols[i].name);
    free(t->cols[i].num);
    free(t->cols[i].text);
  }
  free(t->cols);
  t->cols = NULL;
  t->ncols = 0;
}

static void free_arena(sl_table *t) {
  for (arena_block *b = t->arena_, *n; b; b = n) {
    n = b->next;
    free(b);
  }
  t->arena_ = NULL;
}

static void free_report(sl_table *t) {
  for (size_t i = 0; i < t->nskipped; i++) free(t->skipped[i].reason);
  free(t->skipped);
  for (size_t i = 0; i < t->nwarnings; i++) free(t->warnings[i]);
  free(t->warnings);
  t->skipped = NULL;
  t->warnings = NULL;
  t->nskipped = t->nwarnings = 0;
}

/* The rows and columns loaded; the report (files, rows read, skips, warnings) stays. */
static void free_rows(sl_table *t) {
  index_free(t);
  free_columns(t);
  free_arena(t);
  free(t->row_line);
  free(t->row_file);
  t->row_line = NULL;
  t->row_file = NULL;
  t->nrows = 0;
}

/* Everything loaded from the files; the table keeps its file names. */
static void free_contents(sl_table *t) {
  free_rows(t);
  free_report(t);
  t->rows_read = t->rows_trailing_empty = 0;
}

void sl_table_internal_clear(sl_table *t, sl_col_state **state) {
  free_contents(t);
  free(*state);
  *state = NULL;
}

void sl_table_internal_keep_report(sl_table *t) {
  if (t) free_rows(t);
}

void sl_table_free(sl_table *t) {
  if (!t) return;
  free_contents(t);
  for (size_t i = 0; i < t->nfiles; i++) free(t->files[i]);
  free(t->files);
  free(t);
}

int sl_table_internal_warn(sl_table *t, const char *fmt, ...) {
  char buf[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  char **w = realloc(t->warnings, (t->nwarnings + 1) * sizeof *w);
  if (!w) return SL_ENOMEM;
  t->warnings = w;
  if (!(w[t->nwarnings] = heap_strdup(buf))) return SL_ENOMEM;
  t->nwarnings++;
  return SL_OK;
}

int sl_table_add_skip(sl_table *t, uint32_t file, long line, const char *reason) {
  if (!t) return SL_EINVAL;
  sl_skipped_row *s = realloc(t->skipped, (t->nskipped + 1) * sizeof *s);
  if (!s) return SL_ENOMEM;
  t->skipped = s;
  if (!(s[t->nskipped].reason = heap_strdup(reason ? reason : ""))) return SL_ENOMEM;
  s[t->nskipped].file = file;
  s[t->nskipped].line = line;
  s[t->nskipped].unread = 0;
  t->nskipped++;
  return SL_OK;
}

int sl_table_internal_add_skipped(sl_table *t, uint32_t file, long line, const sl_skipped_row *s) {
  int st = sl_table_add_skip(t, file, line, s->reason);
  if (!st) t->skipped[t->nskipped - 1].unread = s->unread;
  return st;
}

/* ---- column-name index: a header of 20,000 columns must not cost 20,000^2 comparisons ---- */

typedef struct name_index {
  size_t cap;   /* slots, a power of two */
  size_t *slot; /* column index + 1; 0 = empty */
} name_index;

static uint64_t name_hash(const char *s) {
  uint64_t h = 1469598103934665603ULL; /* FNV-1a 64-bit offset basis and prime */
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ULL;
  return h;
}

static long index_find(const sl_table *t, const name_index *h, const char *name) {
  for (size_t i = name_hash(name) & (h->cap - 1);; i = (i + 1) & (h->cap - 1)) {
    if (!h->slot[i]) return -1;
    if (strcmp(t->cols[h->slot[i] - 1].name, name) == 0) return (long)h->slot[i] - 1;
  }
}

/* Adds column col (already in t->cols); keeps the table at most half full. */
static int index_add(sl_table *t, size_t col) {
  name_index *h = t->names_;
  if (!h && !(h = t->names_ = calloc(1, sizeof *h))) return SL_ENOMEM;
  if (2 * (col + 1) > h->cap) {
    size_t cap = h->cap ? h->cap * 2 : 64;
    while (2 * (col + 1) > cap) cap *= 2;
    size_t *slot = calloc(cap, sizeof *slot);
    if (!slot) return SL_ENOMEM;
    free(h->slot);
    h->slot = slot;
    h->cap = cap;
    for (size_t c = 0; c < col; c++) {
      size_t i = name_hash(t->cols[c].name) & (cap - 1);
      while (slot[i]) i = (i + 1) & (cap - 1);
      slot[i] = c + 1;
    }
  }
  size_t i = name_hash(t->cols[col].name) & (h->cap - 1);
  while (h->slot[i]) i = (i + 1) & (h->cap - 1);
  h->slot[i] = col + 1;
  return SL_OK;
}

static void index_free(sl_table *t) {
  name_index *h = t->names_;
  if (h) free(h->slot);
  free(h);
  t->names_ = NULL;
}

/* A column appended after the load: indexed when the table keeps an index; when the index cannot
 * grow it is dropped, and lookups search the columns in order (slower, as correct). */
static void index_appended(sl_table *t) {
  if (t->names_ && index_add(t, t->ncols - 1) != SL_OK) index_free(t);
}

int sl_table_internal_add_column(sl_table *t, const char *name, sl_col_state **state, sl_error *err) {
  char unique[300];
  snprintf(unique, sizeof unique, "%s", name);
  for (int k = 2; sl_table_column_index(t, unique) >= 0; k++)
    snprintf(unique, sizeof unique, "%s.%d", name, k);
  if (strcmp(unique, name) != 0 &&
      sl_table_internal_warn(t, "duplicate column name '%s' renamed to '%s'", name, unique) != SL_OK)
    return sl_error_set(err, SL_ENOMEM, t->files[0], 1, 0, "out of memory");
  sl_column *c = realloc(t->cols, (t->ncols + 1) * sizeof *c);
  sl_col_state *s = realloc(*state, (t->ncols + 1) * sizeof *s);
  if (c) t->cols = c;
  if (s) *state = s;
  if (!c || !s) return sl_error_set(err, SL_ENOMEM, t->files[0], 1, 0, "out of memory");
  memset(&c[t->ncols], 0, sizeof *c);
  memset(&s[t->ncols], 0, sizeof *s);
  if (!(c[t->ncols].name = heap_strdup(unique))) return sl_error_set(err, SL_ENOMEM, t->files[0], 1, 0, "out of memory");
  t->ncols++;
  if (index_add(t, t->ncols - 1) != SL_OK) return sl_error_set(err, SL_ENOMEM, t->files[0], 1, 0, "out of memory");
  return SL_OK;
}

/* Capacity is tracked as a power of two above nrows, so growth is implicit in nrows. */
static size_t row_capacity(size_t n) {
  size_t cap = 64;
  while (cap < n) cap *= 2;
  return cap;
}

static int grow_rows(sl_table *t, sl_col_state *state) {
  size_t need = t->nrows + 1;
  if (t->nrows != 0 && need <= row_capacity(t->nrows)) return SL_OK;
  size_t cap = row_capacity(need);
  long *rl = realloc(t->row_line, cap * sizeof *rl);
  if (rl) t->row_line = rl;
  uint32_t *rf = realloc(t->row_file, cap * sizeof *rf);
  if (rf) t->row_file = rf;
  if (!rl || !rf) return SL_ENOMEM;
  for (size_t i = 0; i < t->ncols; i++) {
    sl_column *c = &t->cols[i];
    if (state[i].kind != KIND_TEXT || state[i].recovering) {
      double *n = realloc(c->num, cap * sizeof *n);
      if (!n) return SL_ENOMEM;
      c->num = n;
    }
    if (c->text) {
      char **x = realloc(c->text, cap * sizeof *x);
      if (!x) return SL_ENOMEM;
      c->text = x;
    }
  }
  return SL_OK;
}

int sl_table_internal_begin_row(sl_table *t, sl_col_state *state, long line, sl_error *err) {
  if (grow_rows(t, state) != SL_OK)
    return sl_error_set(err, SL_ENOMEM, t->files[0], line, 0, "out of memory after %zu rows", t->nrows);
  t->row_line[t->nrows] = line;
  t->row_file[t->nrows] = 0;
  t->nrows++;
  return SL_OK;
}

/* Classifies a non-empty cell. */
static cell_kind classify(const char *s, sl_decimal dec, double *v, char currency[4]) {
  currency[0] = '\0';
  int fast = dec == SL_DECIMAL_POINT || !strchr(s, '.'); /* "2.183" in a decimal-comma file is 2183 */
  if ((fast && sl_parse_plain_decimal(s, strlen(s), v)) || sl_parse_number(s, dec, v)) return KIND_NUMBER;
  sl_money m;
  if (sl_parse_money(s, dec, &m)) {
    *v = m.amount;
    memcpy(currency, m.currency, 4);
    return KIND_MONEY;
  }
  if (sl_parse_date(s, v)) return KIND_DATE;
  return KIND_TEXT;
}

static int demote_to_text(sl_table *t, sl_col_state *st, sl_column *c, size_t row) {
  char **x = calloc(row_capacity(t->nrows), sizeof *x);
  if (!x) return SL_ENOMEM;
  c->text = x;
  if (st->numeric_cells > 0) {
    st->demoted_at = row;
    st->recovering = 1;
  } else {
    free(c->num); /* nothing to recover: the numbers array is no longer needed */
    c->num = NULL;
  }
  st->kind = KIND_TEXT;
  return SL_OK;
}

/* Combines the column's kind so far with a new cell's kind. */
static cell_kind merge_kind(sl_table *t, sl_column *c, cell_kind have, cell_kind cell,
                            const char *currency) {
  if (have == KIND_TEXT || cell == KIND_TEXT) return KIND_TEXT;
  if (have == KIND_NONE) have = cell;
  if ((have == KIND_DATE) != (cell == KIND_DATE)) return KIND_TEXT;
  if (cell == KIND_MONEY || have == KIND_MONEY) {
    if (currency[0] && c->currency[0] && strcmp(currency, c->currency) != 0) {
      sl_table_internal_warn(t, "column '%s' mixes currencies %s and %s: kept as text, each cell in its own currency",
                             c->name, c->currency, currency);
      return KIND_TEXT;
    }
    if (currency[0]) memcpy(c->currency, currency, 4);
    return KIND_MONEY;
  }
  return have;
}

int sl_table_internal_set_cell(sl_table *t, sl_col_state *state, size_t col, const char *text,
                               long line, long field, sl_error *err) {
  (void)field;
  sl_column *c = &t->cols[col];
  sl_col_state *st = &state[col];
  size_t row = t->nrows - 1;
  if (!text || sl_parse_is_missing(text)) {
    c->missing++;
    if (c->num) c->num[row] = NAN;
    if (c->text) c->text[row] = NULL;
    return SL_OK;
  }
  double v = NAN;
  char currency[4];
  cell_kind cell = classify(text, t->decimal, &v, currency);
  if (st->kind != KIND_TEXT) {
    cell_kind k = merge_kind(t, c, st->kind, cell, currency);
    if (k == KIND_TEXT && demote_to_text(t, st, c, row) != SL_OK)
      return sl_error_set(err, SL_ENOMEM, t->files[0], line, 0, "out of memory");
    st->kind = k;
  }
  if (st->kind != KIND_TEXT) {
    c->num[row] = v;
    st->numeric_cells++;
    return SL_OK;
  }
  if (cell != KIND_NUMBER) {
    c->not_numeric++;
    if (!c->first_text_line) c->first_text_line = line;
  }
  if (c->num) c->num[row] = cell == KIND_NUMBER ? v : NAN;
  if (!(c->text[row] = sl_table_internal_strdup(t, text)))
    return sl_error_set(err, SL_ENOMEM, t->files[0], line, 0, "out of memory");
  return SL_OK;
}

int sl_table_internal_numeric_kind(const sl_col_state *state, size_t col) {
  cell_kind k = state[col].kind;
  return k == KIND_NONE || k == KIND_NUMBER || k == KIND_MONEY;
}

int sl_table_internal_set_number(sl_table *t, sl_col_state *state, size_t col, double v, long line,
                                 sl_error *err) {
  sl_col_state *st = &state[col];
  sl_column *c = &t->cols[col];
  if (st->kind == KIND_NUMBER || st->kind == KIND_MONEY) {
    c->num[t->nrows - 1] = v;
    st->numeric_cells++;
    return SL_OK;
  }
  /* Rare: first cell of the column, or a number in a date/text column; take the general path. */
  char buf[40];
  sl_snprintf_c(buf, sizeof buf, "%.17g", v);
  return sl_table_internal_set_cell(t, state, col, buf, line, 0, err);
}

int sl_table_internal_needs_text(const sl_table *t, const sl_col_state *state) {
  for (size_t i = 0; i < t->ncols; i++)
    if (state[i].recovering) return 1;
  return 0;
}

void sl_table_internal_recover_text(sl_table *t, sl_col_state *state, size_t col, size_t row,
                                    const char *text) {
  sl_col_state *st = &state[col];
  sl_column *c = &t->cols[col];
  if (!st->recovering || row >= st->demoted_at || !text || sl_parse_is_missing(text)) return;
  c->text[row] = sl_table_internal_strdup(t, text);
}

int sl_table_internal_finish(sl_table *t, sl_col_state *state, sl_error *err) {
  static const sl_type types[] = {SL_TYPE_EMPTY, SL_TYPE_NUMBER, SL_TYPE_MONEY, SL_TYPE_DATE, SL_TYPE_TEXT};
  for (size_t i = 0; i < t->ncols; i++) {
    sl_column *c = &t->cols[i];
    c->type = types[state ? state[i].kind : KIND_NONE];
    if (c->type == SL_TYPE_TEXT) {
      /* Cells recovered in pass 2 that were numbers stay numbers-as-text; count nothing new. */
      free(c->num);
      c->num = NULL;
    } else if (!c->num) {
      c->num = malloc((t->nrows ? t->nrows : 1) * sizeof *c->num);
      if (!c->num) return sl_error_set(err, SL_ENOMEM, t->files[0], 0, 0, "out of memory");
      for (size_t r = 0; r < t->nrows; r++) c->num[r] = NAN;
    }
  }
  sl_table_internal_assign_roles(t, NULL);
  return SL_OK;
}

void sl_table_internal_assign_roles(sl_table *t, const sl_schema_map *map) {
  int role_taken[SL_ROLE_COUNT] = {0};
  for (size_t i = 0; i < t->ncols; i++) {
    sl_role r = sl_schema_map_role_of(map, t->cols[i].name);
    t->cols[i].role = r != SL_ROLE_NONE && !role_taken[r] ? r : SL_ROLE_NONE;
    if (t->cols[i].role) role_taken[r] = 1;
  }
  for (size_t i = 0; i < t->ncols; i++) {
    if (t->cols[i].role || sl_schema_map_role_of(map, t->cols[i].name)) continue;
    sl_role r = sl_schema_role_of(t->cols[i].name);
    if (r != SL_ROLE_NONE && !role_taken[r]) {
      t->cols[i].role = r;
      role_taken[r] = 1;
    }
  }
}

/* The joined type of a column seen as ta in one half and tb in the other, or -1 when joining
 * would need text the halves did not keep (numbers in one, text in the other). */
static int joined_type(const sl_column *a, const sl_column *b) {
  if (a->type == b->type) {
    if (a->type == SL_TYPE_MONEY && a->currency[0] && b->currency[0] && strcmp(a->currency, b->currency))
      return -1;
    return (int)a->type;
  }
  if (a->type == SL_TYPE_EMPTY) return (int)b->type;
  if (b->type == SL_TYPE_EMPTY) return (int)a->type;
  int na = a->type == SL_TYPE_NUMBER || a->type == SL_TYPE_MONEY;
  int nb = b->type == SL_TYPE_NUMBER || b->type == SL_TYPE_MONEY;
  return na && nb ? (int)SL_TYPE_MONEY : -1;
}

/* Grows one column of a to na+nb cells holding a's then b's values. */
static int append_column(sl_column *ca, sl_column *cb, sl_type type, size_t na, size_t nb) {
  size_t n = na + nb ? na + nb : 1;
  if (type == SL_TYPE_TEXT) {
    char **x = ca->text ? realloc(ca->text, n * sizeof *x) : calloc(n, sizeof *x);
    if (!x) return SL_ENOMEM;
    ca->text = x;
    for (size_t r = 0; r < nb; r++) x[na + r] = cb->text ? cb->text[r] : NULL;
    free(ca->num);
    ca->num = NULL;
  } else {
    double *v = realloc(ca->num, n * sizeof *v);
    if (!v) return SL_ENOMEM;
    ca->num = v;
    for (size_t r = 0; r < nb; r++) v[na + r] = cb->num ? cb->num[r] : NAN;
  }
  /* The second half's cells are copied: release them now, not when b is freed, so that the
   * peak stays near one table rather than one and a half. */
  free(cb->num), free(cb->text);
  cb->num = NULL, cb->text = NULL;
  if (!ca->currency[0]) memcpy(ca->currency, cb->currency, sizeof ca->currency);
  ca->type = type;
  ca->missing += cb->missing;
  ca->not_numeric += cb->not_numeric;
  return SL_OK;
}

int sl_table_internal_append(sl_table *a, sl_table *b, long line_offset) {
  if (a->ncols != b->ncols) return SL_EINVAL;
  for (size_t i = 0; i < a->ncols; i++)
    if (joined_type(&a->cols[i], &b->cols[i]) < 0) return SL_EINVAL;
  size_t na = a->nrows, nb = b->nrows, n = na + nb ? na + nb : 1;
  long *rl = realloc(a->row_line, n * sizeof *rl);
  if (rl) a->row_line = rl;
  uint32_t *rf = realloc(a->row_file, n * sizeof *rf);
  if (rf) a->row_file = rf;
  if (!rl || !rf) return SL_ENOMEM;
  for (size_t r = 0; r < nb; r++) {
    rl[na + r] = b->row_line[r] + line_offset;
    rf[na + r] = 0;
  }
  for (size_t i = 0; i < a->ncols; i++) {
    sl_column *ca = &a->cols[i], *cb = &b->cols[i];
    if (!ca->first_text_line && cb->first_text_line) ca->first_text_line = cb->first_text_line + line_offset;
    if (append_column(ca, cb, (sl_type)joined_type(ca, cb), na, nb) != SL_OK) return SL_ENOMEM;
  }
  a->nrows = na + nb;
  a->rows_read += b->rows_read;
  a->rows_trailing_empty += b->rows_trailing_empty;
  for (size_t k = 0; k < b->nskipped; k++)
    if (sl_table_internal_add_skipped(a, 0, b->skipped[k].line + line_offset, &b->skipped[k])) return SL_ENOMEM;
  for (size_t k = 0; k < b->nwarnings; k++) {
    int seen = 0;
    for (size_t j = 0; j < a->nwarnings; j++) seen |= strcmp(a->warnings[j], b->warnings[k]) == 0;
    if (!seen && sl_table_internal_warn(a, "%s", b->warnings[k])) return SL_ENOMEM;
  }
  /* b's text cells now belong to a: move its storage blocks over. */
  if (b->arena_) {
    arena_block *tail = b->arena_;
    while (tail->next) tail = tail->next;
    tail->next = a->arena_;
    a->arena_ = b->arena_;
    b->arena_ = NULL;
  }
  return SL_OK;
}

void sl_table_internal_state_free(sl_table *t, sl_col_state *state) {
  (void)t;
  free(state);
}

/* ---- accessors ---- */

long sl_table_column_index(const sl_table *t, const char *name) {
  if (!t || !name) return -1;
  if (t->names_) return index_find(t, t->names_, name);
  for (size_t i = 0; i < t->ncols; i++)
    if (strcmp(t->cols[i].name, name) == 0) return (long)i;
  return -1;
}

const sl_column *sl_table_column(const sl_table *t, const char *name) {
  long i = sl_table_column_index(t, name);
  return i < 0 ? NULL : &t->cols[i];
}

long sl_table_closest_column(const sl_table *t, const char *name) {
  const char **names = t && t->ncols ? malloc(t->ncols * sizeof *names) : NULL;
  size_t best, got = 0;
  for (size_t j = 0; names && j < t->ncols; j++) names[j] = t->cols[j].name;
  if (names) got = sl_name_suggest_raw(name, names, t->ncols, &best, 1);
  free(names);
  return got ? (long)best : -1;
}

const sl_column *sl_table_role(const sl_table *t, sl_role role) {
  if (!t) return NULL;
  for (size_t i = 0; i < t->ncols; i++)
    if (t->cols[i].role == role) return &t->cols[i];
  return NULL;
}

static int cell_missing(const sl_column *c, size_t row) {
  if (c->type == SL_TYPE_TEXT) return !c->text || !c->text[row];
  return !c->num || isnan(c->num[row]);
}

const sl_column *sl_table_role_at(const sl_table *t, sl_role role, size_t row) {
  const sl_column *first = NULL;
  for (size_t i = 0; t && row < t->nrows && i < t->ncols; i++) {
    if (t->cols[i].role != role) continue;
    if (!cell_missing(&t->cols[i], row)) return &t->cols[i];
    if (!first) first = &t->cols[i];
  }
  return first;
}

int sl_table_number(const sl_table *t, const sl_column *c, size_t row, double *v) {
  if (!t || !c || row >= t->nrows) return 0;
  if (c->type == SL_TYPE_TEXT) {
    const char *s = c->text[row];
    if (!s) return 0;
    if (sl_parse_number(s, t->decimal, v)) return 1;
    sl_money m;
    if (sl_parse_money(s, t->decimal, &m)) {
      *v = m.amount;
      return 1;
    }
    return -1;
  }
  if (!c->num || isnan(c->num[row])) return 0;
  *v = c->num[row];
  return 1;
}

int sl_table_euros(const sl_table *t, const sl_column *c, size_t row, double *eur, char currency[4]) {
  if (currency) currency[0] = '\0';
  double v;
  int got = sl_table_number(t, c, row, &v);
  if (got != 1) return got;
  char code[4] = "";
  sl_money m;
  if (c->type == SL_TYPE_MONEY) memcpy(code, c->currency, sizeof code);
  else if (c->type == SL_TYPE_TEXT && !sl_parse_number(c->text[row], t->decimal, &v) &&
           sl_parse_money(c->text[row], t->decimal, &m))
    memcpy(code, m.currency, sizeof code), v = m.amount;
  if (code[0] && strcmp(code, "EUR") != 0) {
    if (currency) memcpy(currency, code, sizeof code);
    return SL_TABLE_OTHER_CURRENCY;
  }
  *eur = v;
  return 1;
}

int sl_table_other_currency(const sl_column *c) {
  return c && c->type == SL_TYPE_MONEY && c->currency[0] && strcmp(c->currency, "EUR") != 0;
}

const char *sl_table_text(const sl_table *t, const sl_column *c, size_t row, char *buf, size_t size) {
  if (!t || !c || row >= t->nrows) return NULL;
  if (c->type == SL_TYPE_TEXT) return c->text[row];
  if (!c->num || isnan(c->num[row])) return NULL;
  if (c->type == SL_TYPE_DATE) return sl_date_format(c->num[row], buf, size);
  if (sl_table_other_currency(c)) /* "GBP 12000000": a bare number would read as euros */
    sl_snprintf_c(buf, size, "%s %.15g", c->currency, c->num[row]);
  else
    sl_snprintf_c(buf, size, "%.15g", c->num[row]);
  return buf;
}

const char *sl_type_name(sl_type type) {
  switch (type) {
  case SL_TYPE_NUMBER: return "number";
  case SL_TYPE_MONEY: return "money";
  case SL_TYPE_DATE: return "date";
  case SL_TYPE_TEXT: return "text";
  default: return "empty";
  }
}

const char *sl_table_row_place(const sl_table *t, size_t row, char *buf, size_t size) {
  if (!t || row >= t->nrows) {
    snprintf(buf, size, "?");
    return buf;
  }
  uint32_t f = t->row_file[row];
  snprintf(buf, size, "%s:%ld", f < t->nfiles ? t->files[f] : "?", t->row_line[row]);
  return buf;
}

/* ---- row subsets ---- */

static int copy_report(sl_table *dst, const sl_table *src) {
  for (size_t k = 0; k < src->nskipped; k++)
    if (sl_table_internal_add_skipped(dst, src->skipped[k].file, src->skipped[k].line, &src->skipped[k])) return SL_ENOMEM;
  for (size_t k = 0; k < src->nwarnings; k++)
    if (sl_table_internal_warn(dst, "%s", src->warnings[k])) return SL_ENOMEM;
  char **files = realloc(dst->files, (src->nfiles ? src->nfiles : 1) * sizeof *files);
  if (!files) return SL_ENOMEM;
  dst->files = files;
  for (size_t i = dst->nfiles; i < src->nfiles; i++) files[i] = NULL;
  for (size_t i = 0; i < src->nfiles; i++) {
    free(files[i]);
    if (!(files[i] = heap_strdup(src->files[i]))) return SL_ENOMEM;
  }
  dst->nfiles = src->nfiles;
  return SL_OK;
}

static int copy_kept_rows(sl_table *dst, const sl_table *src, const unsigned char *keep, size_t n) {
  dst->row_line = malloc((n ? n : 1) * sizeof *dst->row_line);
  dst->row_file = malloc((n ? n : 1) * sizeof *dst->row_file);
  dst->cols = calloc(src->ncols ? src->ncols : 1, sizeof *dst->cols);
  if (!dst->row_line || !dst->row_file || !dst->cols) return SL_ENOMEM;
  for (size_t r = 0, o = 0; r < src->nrows; r++)
    if (keep[r]) dst->row_line[o] = src->row_line[r], dst->row_file[o++] = src->row_file[r];
  for (size_t c = 0; c < src->ncols; c++) {
    const sl_column *sc = &src->cols[c];
    sl_column *dc = &dst->cols[c];
    *dc = *sc;
    dc->num = NULL;
    dc->text = NULL;
    dc->missing = 0;
    dc->name = NULL;
    dst->ncols = c + 1; /* from here sl_table_free releases this column even if a copy fails */
    if (!(dc->name = heap_strdup(sc->name))) return SL_ENOMEM;
    if (sc->text && !(dc->text = calloc(n ? n : 1, sizeof *dc->text))) return SL_ENOMEM;
    if (sc->num && !(dc->num = malloc((n ? n : 1) * sizeof *dc->num))) return SL_ENOMEM;
    for (size_t r = 0, o = 0; r < src->nrows; r++) {
      if (!keep[r]) continue;
      if (dc->num) dc->num[o] = sc->num[r];
      if (dc->text && sc->text[r] && !(dc->text[o] = sl_table_internal_strdup(dst, sc->text[r]))) return SL_ENOMEM;
      dc->missing += dc->text ? !sc->text[r] : isnan(sc->num[r]);
      o++;
    }
  }
  dst->nrows = n;
  return SL_OK;
}

int sl_table_filter(const sl_table *t, const unsigned char *keep, const char *reason, sl_table **out,
                    sl_error *err) {
  if (!t || !keep || !out) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "no table to filter");
  *out = NULL;
  sl_table *d = sl_table_internal_new(t->nfiles ? t->files[0] : "", err);
  if (!d) return SL_ENOMEM;
  size_t n = 0;
  for (size_t r = 0; r < t->nrows; r++) n += keep[r] != 0;
  int st = copy_report(d, t);
  if (st == SL_OK) st = copy_kept_rows(d, t, keep, n);
  for (size_t r = 0; st == SL_OK && r < t->nrows; r++)
    if (!keep[r]) st = sl_table_add_skip(d, t->row_file[r], t->row_line[r], reason ? reason : "filtered out");
  if (st != SL_OK) {
    sl_table_free(d);
    return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  }
  d->rows_read = t->rows_read;
  d->rows_trailing_empty = t->rows_trailing_empty;
  d->delimiter = t->delimiter;
  d->decimal = t->decimal;
  memcpy(d->encoding, t->encoding, sizeof d->encoding);
  *out = d;
  return SL_OK;
}

/* A season cell as a first year; 0 when it cannot be one (1e86 would overflow the int cast:
 * undefined behaviour, found while fuzzing the season parsers). */
#define SL_SEASON_FIRST 1800.0
#define SL_SEASON_LAST 2200.0
static int season_year(double v) { return v >= SL_SEASON_FIRST && v <= SL_SEASON_LAST ? (int)v : 0; }

int sl_table_season_subset(const sl_table *t, int season, sl_table **out, int *chosen, sl_error *err) {
  *out = NULL;
  *chosen = 0;
  const sl_column *c = sl_table_role(t, SL_ROLE_SEASON);
  if (!c || !c->num) {
    *chosen = season; /* a single-season file without the column: the caller says which season it is */
    return SL_OK;
  }
  int lo = 0, hi = 0;
  for (size_t r = 0; r < t->nrows; r++) {
    int s = season_year(c->num[r]);
    if (!s) continue;
    if (!lo || s < lo) lo = s;
    if (s > hi) hi = s;
  }
  int want = season ? season : hi;
  if (!season && lo == hi) {
    *chosen = hi;
    return SL_OK; /* one season only: nothing to filter */
  }
  unsigned char *keep = malloc(t->nrows ? t->nrows : 1);
  if (!keep) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  size_t n = 0;
  for (size_t r = 0; r < t->nrows; r++) n += keep[r] = season_year(c->num[r]) == want;
  if (n == 0) {
    free(keep);
    return sl_error_set(err, SL_ENOTFOUND, t->files[0], 0, 0, "no rows of season %d (the file has %d to %d)", want, lo, hi);
  }
  char reason[64];
  snprintf(reason, sizeof reason, "another season than %d", want);
  int st = sl_table_filter(t, keep, reason, out, err);
  free(keep);
  if (st == SL_OK) *chosen = want;
  return st;
}

sl_column *sl_table_internal_add_number_column(sl_table *t, const char *name, sl_role role) {
  sl_column *cols = realloc(t->cols, (t->ncols + 1) * sizeof *cols);
  if (!cols) return NULL;
  t->cols = cols;
  sl_column *c = &cols[t->ncols];
  memset(c, 0, sizeof *c);
  c->type = SL_TYPE_NUMBER;
  c->role = role;
  c->name = heap_strdup(name);
  c->num = malloc((t->nrows ? t->nrows : 1) * sizeof *c->num);
  t->ncols++; /* sl_table_free releases it even when half made */
  if (!c->name || !c->num) return NULL;
  index_appended(t);
  for (size_t r = 0; r < t->nrows; r++) c->num[r] = NAN;
  c->missing = t->nrows;
  return c;
}

int sl_table_internal_copy_column(sl_table *t, const sl_table *src, const sl_column *sc, const char *name,
                                  sl_role role, const long *partner) {
  sl_column *cols = realloc(t->cols, (t->ncols + 1) * sizeof *cols);
  if (!cols) return SL_ENOMEM;
  t->cols = cols;
  sl_column *c = &cols[t->ncols];
  memset(c, 0, sizeof *c);
  c->name = heap_strdup(name);
  c->type = sc->type;
  c->role = role;
  memcpy(c->currency, sc->currency, sizeof c->currency);
  size_t n = t->nrows ? t->nrows : 1;
  if (sc->type == SL_TYPE_TEXT) c->text = calloc(n, sizeof *c->text);
  else c->num = malloc(n * sizeof *c->num);
  t->ncols++; /* from here sl_table_free releases it, even half-filled */
  if (!c->name || (!c->text && !c->num)) return SL_ENOMEM;
  index_appended(t);
  for (size_t r = 0; r < t->nrows; r++) {
    long p = partner[r];
    if (c->text) {
      const char *s = p >= 0 ? sc->text[p] : NULL;
      c->text[r] = s ? sl_table_internal_strdup(t, s) : NULL;
      if (s && !c->text[r]) return SL_ENOMEM;
      double v;
      if (!s) c->missing++;
      else if (!sl_parse_number(s, src->decimal, &v)) c->not_numeric++;
    } else {
      c->num[r] = p >= 0 && sc->num ? sc->num[p] : NAN;
      c->missing += isnan(c->num[r]);
    }
  }
  return SL_OK;
}
