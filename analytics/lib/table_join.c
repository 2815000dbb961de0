/* table_join.c - the tables of one season joined by player, club and birth year, and seasons
 * stacked with a season column; see the join section of include/scoutlab/table.h.
 *
 * Method: every row's key is "name US club US born" (US = 0x1F, which a normalised name never
 * holds). The base's keys go into an open-addressing hash whose slots chain the base rows of one
 * key in file order; the joined table's keys go into a second one, which also numbers each row's
 * occurrence of its key. A joined row whose key is on n base rows and m joined rows pairs with
 * the base row of the same occurrence when n == m, else it is ambiguous. One pass per table,
 * linear in the rows. */
#include <dirent.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "scoutlab/names.h"
#include "scoutlab/season.h"
#include "scoutlab/table.h"
#include "table_internal.h"

/* Separates the parts of a key: a control character no normalised name or club holds. */
#define SL_KEY_SEP '\x1f'
/* Longest path we build (root/table/year.csv); PATH_MAX on Linux. */
#define SL_JOIN_PATH_MAX 4096
/* Room for one cell printed as text when comparing columns (numbers print in under 32 bytes). */
#define SL_CELL_TEXT 64

typedef struct {
  const sl_column *player, *club, *born, *birth_date;
} key_cols;

typedef struct {
  char **key;     /* per row, NULL when the row has no player name */
  long *next;     /* next row with the same key, -1 at the end */
  long *occ;      /* 0-based occurrence of the row's key up to it */
  long *count;    /* for the first row of a key: rows with it */
  long *slot;     /* hash slots: first row of a key, -1 empty */
  long *tail;     /* for the first row of a key: its last row so far */
  size_t cap, nrows;
} key_index;

static void find_key_cols(const sl_table *t, key_cols *k) {
  k->player = sl_table_role(t, SL_ROLE_PLAYER);
  k->club = sl_table_role(t, SL_ROLE_CLUB);
  k->born = sl_table_role(t, SL_ROLE_BORN);
  k->birth_date = sl_table_role(t, SL_ROLE_BIRTH_DATE);
}

static int is_key_col(const key_cols *k, const sl_column *c) {
  return c == k->player || c == k->club || c == k->born || c == k->birth_date;
}

/* Birth year of a row: the born column, else the year of a birth date; 0 when unknown. */
static int birth_year(const sl_table *t, const key_cols *k, size_t r) {
  double v;
  if (k->born && sl_table_number(t, k->born, r, &v) == 1 && v > 0 && v < 1e4) return (int)v;
  if (k->birth_date && k->birth_date->type == SL_TYPE_DATE && sl_table_number(t, k->birth_date, r, &v) == 1) {
    int y, m, d;
    sl_date_to_ymd(v, &y, &m, &d);
    return y;
  }
  return 0;
}

static uint64_t key_hash(const char *s) {
  uint64_t h = 1469598103934665603ULL; /* FNV-1a 64-bit offset basis and prime */
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ULL;
  return h;
}

/* The key of row r into *key (NULL without a player name). SL_ENOMEM on no memory. */
static int row_key(const sl_table *t, const key_cols *k, int use_club, int use_born, size_t r, char **key) {
  char buf[SL_CELL_TEXT];
  *key = NULL;
  const char *name = sl_table_text(t, k->player, r, buf, sizeof buf);
  if (!name) return SL_OK;
  char *n = sl_name_normalise(name), *c = NULL;
  const char *club = use_club ? sl_table_text(t, k->club, r, buf, sizeof buf) : NULL;
  if (club) c = sl_name_normalise(club);
  char year[16] = "";
  if (use_born) snprintf(year, sizeof year, "%d", birth_year(t, k, r));
  size_t len = (n ? strlen(n) : 0) + (c ? strlen(c) : 0) + strlen(year) + 3;
  char *out = n ? malloc(len) : NULL;
  if (out) snprintf(out, len, "%s%c%s%c%s", n, SL_KEY_SEP, c ? c : "", SL_KEY_SEP, year);
  free(n);
  free(c);
  if (!out) return SL_ENOMEM;
  *key = out;
  return SL_OK;
}

static void index_free(key_index *x) {
  for (size_t r = 0; x->key && r < x->nrows; r++) free(x->key[r]);
  free(x->key), free(x->next), free(x->occ), free(x->count), free(x->slot), free(x->tail);
  memset(x, 0, sizeof *x);
}

/* First row with key, or -1. */
static long index_find(const key_index *x, const char *key) {
  for (size_t i = key_hash(key) & (x->cap - 1);; i = (i + 1) & (x->cap - 1)) {
    if (x->slot[i] < 0) return -1;
    if (strcmp(x->key[x->slot[i]], key) == 0) return x->slot[i];
  }
}

static int index_build(const sl_table *t, const key_cols *k, int use_club, int use_born, key_index *x) {
  size_t n = t->nrows, alloc = n ? n : 1;
  x->nrows = n;
  x->cap = 16;
  while (x->cap < 2 * n) x->cap *= 2; /* at most half full: short probe runs */
  x->key = calloc(alloc, sizeof *x->key);
  x->next = malloc(alloc * sizeof *x->next);
  x->occ = malloc(alloc * sizeof *x->occ);
  x->count = calloc(alloc, sizeof *x->count);
  x->tail = malloc(alloc * sizeof *x->tail);
  x->slot = malloc(x->cap * sizeof *x->slot);
  if (!x->key || !x->next || !x->occ || !x->count || !x->tail || !x->slot) return SL_ENOMEM;
  for (size_t i = 0; i < x->cap; i++) x->slot[i] = -1;
  for (size_t r = 0; r < n; r++) {
    x->next[r] = -1;
    x->occ[r] = 0;
    if (row_key(t, k, use_club, use_born, r, &x->key[r]) != SL_OK) return SL_ENOMEM;
    if (!x->key[r]) continue;
    size_t i = key_hash(x->key[r]) & (x->cap - 1);
    while (x->slot[i] >= 0 && strcmp(x->key[x->slot[i]], x->key[r]) != 0) i = (i + 1) & (x->cap - 1);
    if (x->slot[i] < 0) {
      x->slot[i] = (long)r;
      x->count[r] = 1;
      x->tail[r] = (long)r;
      continue;
    }
    long first = x->slot[i];
    x->occ[r] = x->count[first]++;
    x->next[x->tail[first]] = (long)r;
    x->tail[first] = (long)r;
  }
  return SL_OK;
}

static char *dup_str(const char *s) {
  size_t n = strlen(s) + 1;
  char *p = malloc(n);
  if (p) memcpy(p, s, n);
  return p;
}

/* ---- report ---- */

void sl_join_report_free(sl_join_report *r) {
  if (!r) return;
  for (size_t i = 0; i < r->nparts; i++) free(r->parts[i].file), free(r->parts[i].label);
  free(r->parts);
  free(r);
}

static sl_join_part *report_add(sl_join_report *r, const char *file) {
  sl_join_part *p = realloc(r->parts, (r->nparts + 1) * sizeof *p);
  if (!p) return NULL;
  r->parts = p;
  sl_join_part *q = &p[r->nparts];
  memset(q, 0, sizeof *q);
  q->file = dup_str(file);
  q->label = NULL;
  if (!q->file) return NULL;
  r->nparts++;
  return q;
}

/* The table's name for renamed columns: the folder of a file named by its season
 * ("misc/2024.csv" -> "misc"), else the base name without ".csv". */
static char *table_label(const char *path) {
  const char *slash = strrchr(path, '/'), *base = slash ? slash + 1 : path;
  size_t n = strlen(base);
  if (n > 4 && strcmp(base + n - 4, ".csv") == 0) n -= 4;
  int year_only = n == 4;
  for (size_t i = 0; i < n && year_only; i++) year_only = base[i] >= '0' && base[i] <= '9';
  if (year_only && slash && slash > path) {
    const char *d = slash;
    while (d > path && d[-1] != '/') d--;
    n = (size_t)(slash - d);
    base = d;
  }
  char *out = malloc(n + 1);
  if (out) memcpy(out, base, n), out[n] = '\0';
  return out;
}

/* ---- columns ---- */

static int cells_equal(const sl_table *a, const sl_column *ca, size_t ra, const sl_table *b, const sl_column *cb, size_t rb) {
  char x[SL_CELL_TEXT], y[SL_CELL_TEXT];
  const char *s = sl_table_text(a, ca, ra, x, sizeof x), *t = sl_table_text(b, cb, rb, y, sizeof y);
  if (!s || !t) return !s && !t;
  return strcmp(s, t) == 0;
}

/* True when column sc of src equals column have of out on every joined row. */
static int same_values(const sl_table *out, const sl_column *have, const sl_table *src, const sl_column *sc,
                       const long *partner) {
  for (size_t r = 0; r < out->nrows; r++)
    if (partner[r] >= 0 && !cells_equal(out, have, r, src, sc, (size_t)partner[r])) return 0;
  return 1;
}

/* A name not yet in out: name, else name_label, else name_label.2, .3 ... */
static void unique_name(const sl_table *out, const char *name, const char *label, char *buf, size_t size) {
  snprintf(buf, size, "%s", name);
  if (sl_table_column_index(out, buf) < 0) return;
  snprintf(buf, size, "%s_%s", name, label);
  for (int k = 2; sl_table_column_index(out, buf) >= 0; k++) snprintf(buf, size, "%s_%s.%d", name, label, k);
}

static int add_columns(sl_table *out, const sl_table *src, const key_cols *k, const char *label,
                       const long *partner, sl_join_part *part) {
  char name[512];
  for (size_t i = 0; i < src->ncols; i++) {
    const sl_column *sc = &src->cols[i];
    if (is_key_col(k, sc)) continue;
    const sl_column *have = sl_table_column(out, sc->name);
    if (have && same_values(out, have, src, sc, partner)) {
      part->columns_shared++;
      continue;
    }
    unique_name(out, sc->name, label, name, sizeof name);
    if (sl_table_internal_copy_column(out, src, sc, name, SL_ROLE_NONE, partner) != SL_OK) return SL_ENOMEM;
    part->columns_added++;
    part->columns_renamed += have != NULL;
  }
  return SL_OK;
}

/* ---- rows ---- */

/* Appends src's files to out's; returns the index of src's first file in out, or -1. */
static long add_files(sl_table *out, const sl_table *src) {
  char **f = realloc(out->files, (out->nfiles + src->nfiles) * sizeof *f);
  if (!f) return -1;
  out->files = f;
  long first = (long)out->nfiles;
  for (size_t i = 0; i < src->nfiles; i++) {
    if (!(f[out->nfiles] = dup_str(src->files[i]))) return -1;
    out->nfiles++;
  }
  return first;
}

/* Pairs src's rows with base rows: partner[base row] = src row or -1; unjoined rows are reported. */
static int pair_rows(sl_table *out, const key_index *bx, const sl_table *src, const key_index *sx, long file0,
                     const char *key_text, long *partner, sl_join_part *part) {
  char why[SL_ERROR_MESSAGE_MAX];
  for (size_t r = 0; r < out->nrows; r++) partner[r] = -1;
  for (size_t r = 0; r < src->nrows; r++) {
    long b = sx->key[r] ? index_find(bx, sx->key[r]) : -1;
    long first_s = sx->key[r] ? index_find(sx, sx->key[r]) : -1;
    uint32_t file = (uint32_t)(file0 + (long)src->row_file[r]);
    if (b < 0) {
      snprintf(why, sizeof why, "not joined: no row of %s has this row's %s", out->files[0], key_text);
      part->unmatched++;
    } else if (bx->count[b] != sx->count[first_s]) {
      snprintf(why, sizeof why, "not joined: its %s is on %ld rows of %s and %ld rows here", key_text,
               bx->count[b], out->files[0], sx->count[first_s]);
      part->ambiguous++;
    } else {
      for (long k = 0; k < sx->occ[r]; k++) b = bx->next[b];
      partner[b] = (long)r;
      part->matched++;
      part->paired_in_order += bx->count[b] > 1 || sx->count[first_s] > 1;
      continue;
    }
    if (sl_table_add_skip(out, file, src->row_line[r], why) != SL_OK) return SL_ENOMEM;
    out->rows_read++;
  }
  for (size_t r = 0; r < out->nrows; r++) part->base_without += partner[r] < 0;
  return SL_OK;
}

static int copy_report(sl_table *out, const sl_table *src, long file0) {
  for (size_t k = 0; k < src->nskipped; k++) {
    if (sl_table_internal_add_skipped(out, (uint32_t)(file0 + (long)src->skipped[k].file), src->skipped[k].line,
                                      &src->skipped[k]) != SL_OK)
      return SL_ENOMEM;
    out->rows_read++;
  }
  for (size_t k = 0; k < src->nwarnings; k++)
    if (sl_table_internal_warn(out, "%s: %s", src->files[0], src->warnings[k]) != SL_OK) return SL_ENOMEM;
  out->rows_trailing_empty += src->rows_trailing_empty;
  return SL_OK;
}

/* Joins one table onto out (a copy of the base, with bx its index). */
static int join_one(sl_table *out, const key_index *bx, const key_cols *bk, int use_club, int use_born,
                    const sl_table *src, sl_join_part *part, sl_error *err) {
  key_cols sk;
  find_key_cols(src, &sk);
  part->rows = src->nrows;
  part->label = table_label(src->files[0]);
  key_index sx = {0};
  long *partner = malloc((out->nrows ? out->nrows : 1) * sizeof *partner);
  long file0 = add_files(out, src);
  int st = part->label && partner && file0 >= 0 ? index_build(src, &sk, use_club, use_born, &sx) : SL_ENOMEM;
  const char *key_text = use_club && use_born ? "player, club and birth year"
                         : use_club           ? "player and club"
                         : use_born           ? "player and birth year"
                                              : "player";
  if (st == SL_OK) st = pair_rows(out, bx, src, &sx, file0, key_text, partner, part);
  if (st == SL_OK) st = add_columns(out, src, &sk, part->label, partner, part);
  if (st == SL_OK) st = copy_report(out, src, file0);
  (void)bk;
  index_free(&sx);
  free(partner);
  return st == SL_OK ? SL_OK : sl_error_set(err, SL_ENOMEM, src->files[0], 0, 0, "out of memory while joining");
}

/* The base's columns keep their roles (a mapping for another file's header must not take a role
 * from the base); roles the base lacks go to the joined columns, the map first, then aliases. */
static void assign_joined_roles(sl_table *t, size_t nbase, const sl_schema_map *map) {
  int taken[SL_ROLE_COUNT] = {0};
  for (size_t i = 0; i < nbase && i < t->ncols; i++) taken[t->cols[i].role] = 1;
  for (int pass = 0; pass < 2; pass++)
    for (size_t i = nbase; i < t->ncols; i++) {
      sl_role r = pass == 0 ? sl_schema_map_role_of(map, t->cols[i].name) : sl_schema_role_of(t->cols[i].name);
      if (t->cols[i].role || r == SL_ROLE_NONE || taken[r]) continue;
      t->cols[i].role = r;
      taken[r] = 1;
    }
}

static int need_player(const sl_table *t, sl_error *err) {
  if (sl_table_role(t, SL_ROLE_PLAYER)) return SL_OK;
  return sl_error_set(err, SL_ENOTFOUND, t->nfiles ? t->files[0] : "", 1, 0,
                      "no player-name column to join on (expected a header such as Player or name, or a "
                      "column mapping player=COLUMN)");
}

int sl_table_join(const sl_table *const *tables, size_t n, const sl_schema_map *map, sl_table **out,
                  sl_join_report **report, sl_error *err) {
  if (!tables || n == 0 || !out) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "no tables to join");
  *out = NULL;
  if (report) *report = NULL;
  for (size_t i = 0; i < n; i++) {
    if (!tables[i]) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "no table to join");
    int st = need_player(tables[i], err);
    if (st) return st;
  }
  const sl_table *base = tables[0];
  unsigned char *keep = malloc(base->nrows ? base->nrows : 1);
  sl_join_report *rep = calloc(1, sizeof *rep);
  sl_table *t = NULL;
  int st = keep && rep ? SL_OK : sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  if (st == SL_OK) memset(keep, 1, base->nrows ? base->nrows : 1);
  if (st == SL_OK) st = sl_table_filter(base, keep, "", &t, err); /* a deep copy of the base */
  free(keep);
  sl_join_part *bp = st == SL_OK ? report_add(rep, base->files[0]) : NULL;
  if (st == SL_OK && !bp) st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  if (bp) {
    bp->rows = bp->matched = base->nrows;
    bp->columns_added = base->ncols;
    bp->label = table_label(base->files[0]);
    rep->seasons = 1;
  }
  key_cols bk;
  key_index bx = {0};
  for (size_t i = 1; st == SL_OK && i < n; i++) {
    key_cols sk;
    find_key_cols(t, &bk); /* t's columns move as columns are added: find them each time */
    find_key_cols(tables[i], &sk);
    int use_club = bk.club && sk.club, use_born = (bk.born || bk.birth_date) && (sk.born || sk.birth_date);
    /* The base's index depends on the key parts both tables have: rebuild it when they change. */
    index_free(&bx);
    if (index_build(t, &bk, use_club, use_born, &bx) != SL_OK) {
      st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory while joining");
      break;
    }
    snprintf(rep->key, sizeof rep->key, "player%s%s", use_club ? " + club" : "", use_born ? " + born" : "");
    sl_join_part *p = report_add(rep, tables[i]->files[0]);
    if (!p) st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
    else st = join_one(t, &bx, &bk, use_club, use_born, tables[i], p, err);
  }
  index_free(&bx);
  if (st == SL_OK) assign_joined_roles(t, base->ncols, map);
  if (st != SL_OK) {
    sl_table_free(t);
    sl_join_report_free(rep);
    return st;
  }
  *out = t;
  if (report) *report = rep;
  else sl_join_report_free(rep);
  return SL_OK;
}

/* ---- loading ---- */

/* A number column "season" (role season) holding the first year on every row. */
static int add_season_column(sl_table *t, int season, sl_error *err) {
  char name[32];
  unique_name(t, "season", "added", name, sizeof name);
  sl_column *cols = realloc(t->cols, (t->ncols + 1) * sizeof *cols);
  if (!cols) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  t->cols = cols;
  sl_column *c = &cols[t->ncols];
  memset(c, 0, sizeof *c);
  c->type = SL_TYPE_NUMBER;
  c->role = SL_ROLE_SEASON;
  c->name = dup_str(name);
  c->num = malloc((t->nrows ? t->nrows : 1) * sizeof *c->num);
  t->ncols++;
  if (!c->name || !c->num) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  for (size_t r = 0; r < t->nrows; r++) c->num[r] = season;
  return SL_OK;
}

static void free_tables(sl_table **parts, size_t n) {
  for (size_t i = 0; parts && i < n; i++) sl_table_free(parts[i]);
  free(parts);
}

int sl_table_load_season(const char *const *paths, size_t n, const sl_load_options *opt, sl_table **out,
                         sl_join_report **report, sl_error *err) {
  if (!paths || n == 0 || !out) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "no files given");
  *out = NULL;
  if (report) *report = NULL;
  sl_table **parts = calloc(n, sizeof *parts);
  if (!parts) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  int st = SL_OK;
  for (size_t i = 0; st == SL_OK && i < n; i++) st = sl_table_load(paths[i], opt, &parts[i], err);
  sl_join_report *rep = NULL;
  if (st == SL_OK) st = sl_table_join((const sl_table *const *)parts, n, opt ? opt->map : NULL, out, &rep, err);
  free_tables(parts, n);
  int season = 0;
  if (st == SL_OK && sl_season_from_path(paths[0], &season) && !sl_table_role(*out, SL_ROLE_SEASON))
    st = add_season_column(*out, season, err);
  for (size_t i = 0; st == SL_OK && i < rep->nparts; i++) rep->parts[i].season = season;
  if (st != SL_OK) {
    sl_table_free(*out);
    *out = NULL;
    sl_join_report_free(rep);
    return st;
  }
  if (report) *report = rep;
  else sl_join_report_free(rep);
  return SL_OK;
}

/* ---- the yearly layout: root/TABLE/YEAR.csv ---- */

typedef struct {
  char **names;
  size_t n;
} name_list;

static void names_free(name_list *l) {
  for (size_t i = 0; i < l->n; i++) free(l->names[i]);
  free(l->names);
  l->names = NULL;
  l->n = 0;
}

static int cmp_name(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

/* Entries of dir that are folders (want_dirs) or files YEAR.csv, sorted. */
static int list_dir(const char *dir, int want_dirs, name_list *out, sl_error *err) {
  DIR *d = opendir(dir);
  if (!d) return sl_error_set(err, SL_EIO, dir, 0, 0, "cannot open directory");
  int st = SL_OK;
  for (struct dirent *e; st == SL_OK && (e = readdir(d));) {
    if (e->d_name[0] == '.') continue;
    char full[SL_JOIN_PATH_MAX];
    snprintf(full, sizeof full, "%s/%s", dir, e->d_name);
    struct stat sb;
    if (stat(full, &sb) != 0) continue;
    int y;
    if (want_dirs ? !S_ISDIR(sb.st_mode)
                  : !S_ISREG(sb.st_mode) || strlen(e->d_name) != 8 || !sl_season_from_path(e->d_name, &y))
      continue;
    char **p = realloc(out->names, (out->n + 1) * sizeof *p);
    if (!p || !(p[out->n] = dup_str(e->d_name))) {
      if (p) out->names = p;
      st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
      break;
    }
    out->names = p;
    out->n++;
  }
  closedir(d);
  if (out->n) qsort(out->names, out->n, sizeof *out->names, cmp_name);
  return st;
}

/* The tables to join, base first: as given (base "standard" when listed), else every folder. */
static int pick_tables(const char *root, const char *const *tables, size_t ntables, name_list *out, sl_error *err) {
  if (tables && ntables) {
    out->names = calloc(ntables, sizeof *out->names);
    if (!out->names) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t i = 0; i < ntables; i++, out->n++)
      if (!(out->names[i] = dup_str(tables[i]))) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  } else {
    int st = list_dir(root, 1, out, err);
    if (st) return st;
    if (!out->n) return sl_error_set(err, SL_ENOTFOUND, root, 0, 0, "no table folders (expected e.g. standard/2024.csv)");
  }
  for (size_t i = 1; i < out->n; i++)
    if (strcmp(out->names[i], "standard") == 0) { /* the table with minutes and every player: the base */
      char *b = out->names[i];
      memmove(out->names + 1, out->names, i * sizeof *out->names);
      out->names[0] = b;
    }
  return SL_OK;
}

static int report_append(sl_join_report *all, sl_join_report *one) {
  sl_join_part *p = realloc(all->parts, (all->nparts + one->nparts) * sizeof *p);
  if (!p) return SL_ENOMEM;
  all->parts = p;
  memcpy(p + all->nparts, one->parts, one->nparts * sizeof *p);
  all->nparts += one->nparts;
  memcpy(all->key, one->key, sizeof all->key);
  all->seasons++;
  one->nparts = 0; /* the strings moved */
  return SL_OK;
}

/* Joins the tables of one season year; appends the result to seasons and its report to rep. */
static int load_year(const char *root, const name_list *tl, int year, const sl_load_options *opt, sl_table **one,
                     sl_join_report *rep, sl_error *err) {
  char **paths = calloc(tl->n, sizeof *paths);
  if (!paths) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  size_t n = 0;
  int st = SL_OK;
  for (size_t i = 0; st == SL_OK && i < tl->n; i++) {
    char p[SL_JOIN_PATH_MAX];
    snprintf(p, sizeof p, "%s/%s/%d.csv", root, tl->names[i], year);
    struct stat sb;
    if (stat(p, &sb) != 0) {
      if (i == 0) st = sl_error_set(err, SL_ENOTFOUND, p, 0, 0, "no base table for season %d", year);
      continue; /* a table the season lacks joins nothing */
    }
    if (!(paths[n++] = dup_str(p))) st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  }
  sl_join_report *r = NULL;
  if (st == SL_OK) st = sl_table_load_season((const char *const *)paths, n, opt, one, &r, err);
  for (size_t i = 0; i < n; i++) free(paths[i]);
  free(paths);
  if (st == SL_OK && report_append(rep, r) != SL_OK) st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  sl_join_report_free(r);
  return st;
}

int sl_table_yearly_root(const char *path) {
  char buf[SL_JOIN_PATH_MAX];
  struct stat sb;
  int n = path ? snprintf(buf, sizeof buf, "%s/standard", path) : -1;
  return n > 0 && (size_t)n < sizeof buf && stat(path, &sb) == 0 && S_ISDIR(sb.st_mode) && stat(buf, &sb) == 0 &&
         S_ISDIR(sb.st_mode);
}

int sl_table_load_yearly(const char *root, const char *const *tables, size_t ntables, int first, int last,
                         const sl_load_options *opt, sl_table **out, sl_join_report **report, sl_error *err) {
  if (!root || !out) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "no folder given");
  *out = NULL;
  if (report) *report = NULL;
  name_list tl = {0}, years = {0};
  int st = pick_tables(root, tables, ntables, &tl, err);
  char dir[SL_JOIN_PATH_MAX];
  if (st == SL_OK) snprintf(dir, sizeof dir, "%s/%s", root, tl.names[0]);
  if (st == SL_OK && !first && !last) st = list_dir(dir, 0, &years, err);
  int *want = NULL;
  size_t nwant = 0;
  if (st == SL_OK) {
    size_t cap = first || last ? (size_t)(last >= first ? last - first + 1 : 0) : years.n;
    want = malloc((cap ? cap : 1) * sizeof *want);
    if (!want) st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t i = 0; want && i < cap; i++)
      if (first || last) want[nwant++] = first + (int)i;
      else if (sl_season_from_path(years.names[i], &want[nwant])) nwant++;
    if (st == SL_OK && !nwant) st = sl_error_set(err, SL_ENOTFOUND, dir, 0, 0, "no season files (expected YEAR.csv)");
  }
  sl_table **parts = st == SL_OK ? calloc(nwant, sizeof *parts) : NULL;
  sl_join_report *rep = calloc(1, sizeof *rep);
  if (st == SL_OK && (!parts || !rep)) st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  for (size_t i = 0; st == SL_OK && i < nwant; i++) st = load_year(root, &tl, want[i], opt, &parts[i], rep, err);
  if (st == SL_OK) st = sl_table_internal_stack(parts, nwant, out, err);
  free_tables(parts, nwant);
  free(want);
  names_free(&tl);
  names_free(&years);
  if (st != SL_OK) {
    sl_join_report_free(rep);
    return st;
  }
  if (report) *report = rep;
  else sl_join_report_free(rep);
  return SL_OK;
}
