/* table_attach.c - attributes and value histories joined onto a table by a source's own player
 * key (the player_id role); see the attach section of include/scoutlab/table.h.
 *
 * Method: the other table's keys (cell text of player_id; for a history, with the valuation's
 * date) are sorted once, and each row of t finds its key by binary search: O((n + m) log m). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scoutlab/table.h"
#include "table_internal.h"

/* Room for a key cell printed as text: ids are at most 20 digits. */
#define SL_KEY_TEXT 64

typedef struct key_row {
  const char *key; /* borrowed from the table, or from keys' own storage */
  double date;     /* histories: the valuation's day; NAN otherwise */
  size_t row;
} key_row;

typedef struct key_list {
  key_row *k;
  char *text; /* SL_KEY_TEXT bytes per row, for keys printed from numbers */
  size_t n;
} key_list;

static int key_cmp(const void *a, const void *b) {
  const key_row *x = a, *y = b;
  int c = strcmp(x->key, y->key);
  if (c) return c;
  if (x->date != y->date) return isnan(x->date) ? -1 : isnan(y->date) ? 1 : x->date < y->date ? -1 : 1;
  return x->row < y->row ? -1 : x->row > y->row;
}

/* Row r's key as text into buf (SL_KEY_TEXT bytes), NULL when missing. */
static const char *key_of(const sl_table *t, const sl_column *id, size_t r, char *buf) {
  const char *s = sl_table_text(t, id, r, buf, SL_KEY_TEXT);
  return s && *s ? s : NULL;
}

static void keys_free(key_list *l) {
  free(l->k), free(l->text);
  l->k = NULL, l->text = NULL;
}

/* The sorted keys of t's rows that have one (and, with `date`, a date). */
static int keys_build(const sl_table *t, const sl_column *id, const sl_column *date, key_list *l) {
  size_t n = t->nrows ? t->nrows : 1;
  l->n = 0;
  l->k = malloc(n * sizeof *l->k);
  l->text = malloc(n * SL_KEY_TEXT);
  if (!l->k || !l->text) {
    keys_free(l);
    return SL_ENOMEM;
  }
  for (size_t r = 0; r < t->nrows; r++) {
    char *buf = l->text + r * SL_KEY_TEXT;
    const char *key = key_of(t, id, r, buf);
    double day = date ? date->num[r] : NAN;
    if (!key || (date && isnan(day))) continue;
    l->k[l->n++] = (key_row){key, day, r};
  }
  qsort(l->k, l->n, sizeof *l->k, key_cmp);
  return SL_OK;
}

/* The first entry with `key`, and through *count how many share it; -1 when none. */
static long keys_find(const key_list *l, const char *key, size_t *count) {
  size_t lo = 0, hi = l->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (strcmp(l->k[mid].key, key) < 0) lo = mid + 1;
    else hi = mid;
  }
  size_t end = lo;
  while (end < l->n && strcmp(l->k[end].key, key) == 0) end++;
  *count = end - lo;
  return end > lo ? (long)lo : -1;
}

static void report_start(sl_attach_report *rep, const sl_table *t, const sl_table *other) {
  memset(rep, 0, sizeof *rep);
  rep->rows = t->nrows;
  rep->as_of_first = rep->as_of_last = NAN;
  snprintf(rep->file, sizeof rep->file, "%s", other->nfiles ? other->files[0] : "");
}

static void report_column(sl_attach_report *rep, const char *name) {
  size_t len = strlen(rep->columns);
  snprintf(rep->columns + len, sizeof rep->columns - len, "%s%s", len ? ", " : "", name);
}

static int need(const sl_table *t, sl_role role, const char *what, sl_error *err) {
  if (sl_table_role(t, role)) return SL_OK;
  return sl_error_field(err, sl_role_name(role),
                        sl_error_set(err, SL_EINVAL, t->nfiles ? t->files[0] : NULL, 0, 0, "no %s column (%s)", what,
                                     sl_schema_aliases(role)[0]));
}

/* A name for a column copied into t: its own, else NAME_players, NAME_players.2 ... */
static void free_name(const sl_table *t, const char *name, char *buf, size_t size) {
  snprintf(buf, size, "%s", name);
  for (int k = 1; sl_table_column_index(t, buf) >= 0; k++) {
    if (k == 1) snprintf(buf, size, "%s_players", name);
    else snprintf(buf, size, "%s_players.%d", name, k);
  }
}

/* ---- players --------------------------------------------------------------------------------- */

/* Which row of players each row of t joins (-1 none), counted into rep. */
static int player_partners(const sl_table *t, const sl_table *players, long *partner, sl_attach_report *rep) {
  key_list l;
  if (keys_build(players, sl_table_role(players, SL_ROLE_PLAYER_ID), NULL, &l)) return SL_ENOMEM;
  const sl_column *id = sl_table_role(t, SL_ROLE_PLAYER_ID);
  char buf[SL_KEY_TEXT];
  for (size_t r = 0; r < t->nrows; r++) {
    const char *key = key_of(t, id, r, buf);
    size_t count = 0;
    long at = key ? keys_find(&l, key, &count) : -1;
    partner[r] = count == 1 ? (long)l.k[at].row : -1;
    rep->no_key += !key;
    rep->not_found += key && !count;
    rep->ambiguous += count > 1;
    rep->matched += count == 1;
  }
  keys_free(&l);
  return SL_OK;
}

int sl_table_attach_players(sl_table *t, const sl_table *players, sl_attach_report *rep, sl_error *err) {
  sl_attach_report own;
  if (!rep) rep = &own;
  if (!t || !players) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "sl_table_attach_players: NULL table");
  report_start(rep, t, players);
  int st = need(t, SL_ROLE_PLAYER_ID, "player_id", err);
  if (!st) st = need(players, SL_ROLE_PLAYER_ID, "player_id", err);
  if (st) return st;
  long *partner = malloc((t->nrows ? t->nrows : 1) * sizeof *partner);
  if (!partner || player_partners(t, players, partner, rep)) {
    free(partner);
    return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  }
  /* The attributes that do not change from deal to deal (a position nearly so). */
  static const sl_role roles[] = {SL_ROLE_BIRTH_DATE, SL_ROLE_BORN,   SL_ROLE_POSITION,
                                  SL_ROLE_SUB_POSITION, SL_ROLE_NATION, SL_ROLE_PLAYER};
  for (size_t k = 0; !st && k < sizeof roles / sizeof roles[0]; k++) {
    const sl_column *sc = sl_table_role(players, roles[k]);
    if (!sc || sl_table_role(t, roles[k])) continue;
    char name[256];
    free_name(t, sc->name, name, sizeof name);
    st = sl_table_internal_copy_column(t, players, sc, name, roles[k], partner);
    if (!st) report_column(rep, name);
  }
  free(partner);
  int had_age = sl_table_role(t, SL_ROLE_AGE) != NULL;
  if (!st) st = sl_table_internal_derive_age(t);
  if (!st && !had_age && sl_table_role(t, SL_ROLE_AGE)) report_column(rep, sl_table_role(t, SL_ROLE_AGE)->name);
  if (st) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  return SL_OK;
}

/* ---- value histories ------------------------------------------------------------------------- */

int sl_table_is_value_history(const sl_table *t) {
  const sl_column *date = t ? sl_table_role(t, SL_ROLE_DATE) : NULL;
  return date && date->type == SL_TYPE_DATE && sl_table_role(t, SL_ROLE_PLAYER_ID) &&
         sl_table_role(t, SL_ROLE_MARKET_VALUE) && !sl_table_role(t, SL_ROLE_PLAYER);
}

/* The history row each row of t takes (-1 none): the latest of its key at or before as_of. */
static int value_partners(const sl_table *t, const sl_table *h, const double *as_of_rows, long *partner,
                          unsigned char *has, sl_attach_report *rep) {
  key_list l;
  if (keys_build(h, sl_table_role(h, SL_ROLE_PLAYER_ID), sl_table_role(h, SL_ROLE_DATE), &l)) return SL_ENOMEM;
  const sl_column *id = sl_table_role(t, SL_ROLE_PLAYER_ID);
  char buf[SL_KEY_TEXT];
  for (size_t r = 0; r < t->nrows; r++) {
    const char *key = key_of(t, id, r, buf);
    size_t count = 0;
    long at = key ? keys_find(&l, key, &count) : -1;
    double as_of = as_of_rows ? as_of_rows[r] : NAN;
    if (!isnan(as_of) && !(as_of >= rep->as_of_first)) rep->as_of_first = as_of;
    if (!isnan(as_of) && !(as_of <= rep->as_of_last)) rep->as_of_last = as_of;
    partner[r] = -1;
    for (size_t i = 0; i < count; i++) /* dates ascend within a key: the last one not after as_of */
      if (isnan(as_of) || l.k[at + (long)i].date <= as_of) partner[r] = (long)l.k[at + (long)i].row;
    has[r] = count > 0;
    rep->no_key += !key;
    rep->not_found += key && !count;
    rep->none_before += count && partner[r] < 0;
    rep->matched += partner[r] >= 0;
  }
  keys_free(&l);
  return SL_OK;
}

/* market_value_on_date: the history's value; t's own where the player has no history. */
static int add_value_column(sl_table *t, const sl_table *h, const long *partner, const unsigned char *has,
                            sl_attach_report *rep) {
  sl_column *own = (sl_column *)sl_table_role(t, SL_ROLE_MARKET_VALUE);
  size_t iown = own ? (size_t)(own - t->cols) : 0;
  int own_numeric = own && own->num;
  char name[256];
  free_name(t, "market_value_on_date", name, sizeof name);
  const sl_column *hv = sl_table_role(h, SL_ROLE_MARKET_VALUE);
  if (sl_table_internal_copy_column(t, h, hv, name, SL_ROLE_MARKET_VALUE, partner)) return SL_ENOMEM;
  sl_column *c = &t->cols[t->ncols - 1];
  report_column(rep, name);
  if (!c->num) return SL_OK; /* a history of text values: its cells, as they are */
  if (own) t->cols[iown].role = SL_ROLE_NONE; /* the value on the date is the one read */
  for (size_t r = 0; own_numeric && r < t->nrows; r++)
    if (partner[r] < 0 && !has[r] && !isnan(t->cols[iown].num[r])) {
      c->num[r] = t->cols[iown].num[r], c->missing--;
      rep->kept_own++;
    }
  return SL_OK;
}

int sl_table_attach_values(sl_table *t, const sl_table *history, const double *as_of, sl_attach_report *rep,
                           sl_error *err) {
  sl_attach_report own;
  if (!rep) rep = &own;
  if (!t || !history) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "sl_table_attach_values: NULL table");
  report_start(rep, t, history);
  int st = need(t, SL_ROLE_PLAYER_ID, "player_id", err);
  if (!st) st = need(history, SL_ROLE_PLAYER_ID, "player_id", err);
  if (!st) st = need(history, SL_ROLE_DATE, "valuation date", err);
  if (!st) st = need(history, SL_ROLE_MARKET_VALUE, "market value", err);
  if (!st && sl_table_role(history, SL_ROLE_DATE)->type != SL_TYPE_DATE)
    st = sl_error_field(err, "date", sl_error_set(err, SL_EINVAL, history->nfiles ? history->files[0] : NULL, 0, 0,
                                                  "column '%s' does not hold dates (expected e.g. 2024-06-01)",
                                                  sl_table_role(history, SL_ROLE_DATE)->name));
  if (st) return st;
  size_t n = t->nrows ? t->nrows : 1;
  long *partner = malloc(n * sizeof *partner);
  unsigned char *has = malloc(n);
  st = !partner || !has ? SL_ENOMEM : value_partners(t, history, as_of, partner, has, rep);
  if (!st) st = add_value_column(t, history, partner, has, rep);
  char name[256];
  if (!st) free_name(t, "market_value_date", name, sizeof name);
  if (!st) st = sl_table_internal_copy_column(t, history, sl_table_role(history, SL_ROLE_DATE), name, SL_ROLE_NONE,
                                              partner);
  if (!st) report_column(rep, name);
  free(partner), free(has);
  return st ? sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory") : SL_OK;
}
