/* compare_choose.c - a profile made from the stats a user names ("TklW, Int, Aerial win %,
 * PrgP:raw"): any number column of the stats table, per 90 or as it is, named as in the file, by
 * a profile's stat label, or by a column role ("minutes"), with "did you mean" for a name that
 * is none of these. */
#include "compare_impl.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "scoutlab/names.h"

/* Stats one list may name: more would not fit a table or a radar. */
#define SL_STATS_LIST_MAX 40
/* Names offered after "did you mean". */
#define SL_STATS_SUGGESTIONS 3

typedef struct item {
  char name[128];
  int force_kind; /* -1 automatic, else an sl_stat_kind */
  int lower;      /* ":low": lower is better */
} item;

/* "PrgP:raw:low" -> name and modifiers. 0, or SL_EUNKNOWN for an unknown modifier. */
static int parse_item(const char *text, size_t len, item *it, sl_error *err) {
  char buf[192];
  if (len >= sizeof buf) len = sizeof buf - 1;
  memcpy(buf, text, len);
  buf[len] = '\0';
  it->force_kind = -1, it->lower = 0;
  char *mod = strchr(buf, ':');
  if (mod) *mod++ = '\0';
  while (mod) {
    char *next = strchr(mod, ':');
    if (next) *next++ = '\0';
    while (*mod == ' ') mod++;
    for (char *e = mod + strlen(mod); e > mod && e[-1] == ' ';) *--e = '\0';
    if (strcasecmp(mod, "per90") == 0 || strcmp(mod, "90") == 0) it->force_kind = SL_STAT_PER90;
    else if (strcasecmp(mod, "raw") == 0 || strcasecmp(mod, "as-is") == 0) it->force_kind = SL_STAT_RAW;
    else if (strcasecmp(mod, "total") == 0) it->force_kind = SL_STAT_TOTAL;
    else if (strcasecmp(mod, "low") == 0 || strcasecmp(mod, "lower") == 0) it->lower = 1;
    else {
      sl_error_set(err, SL_EUNKNOWN, NULL, 0, 0, "stat \"%s\": unknown modifier \":%s\" (expected :per90, :raw, :total or :low)",
                   buf, mod);
      return sl_error_field(err, "stats", SL_EUNKNOWN);
    }
    mod = next;
  }
  char *b = buf;
  while (*b == ' ') b++;
  for (char *e = b + strlen(b); e > b && e[-1] == ' ';) *--e = '\0';
  snprintf(it->name, sizeof it->name, "%s", b);
  return SL_OK;
}

static const sl_column *number_column(const sl_table *t, const char *name, int nocase) {
  for (size_t j = 0; j < t->ncols; j++) {
    const sl_column *col = &t->cols[j];
    if (col->type != SL_TYPE_NUMBER) continue;
    if (nocase ? strcasecmp(col->name, name) == 0 : strcmp(col->name, name) == 0) return col;
  }
  return NULL;
}

static const sl_column *role_column(const sl_table *t, const char *name) {
  for (int r = SL_ROLE_NONE + 1; r < SL_ROLE_COUNT; r++)
    if (strcasecmp(sl_role_name((sl_role)r), name) == 0) {
      const sl_column *col = sl_table_role(t, (sl_role)r);
      return col && col->type == SL_TYPE_NUMBER ? col : NULL;
    }
  return NULL;
}

static const sl_profile_stat *profile_stat(const sl_profiles *p, const char *label) {
  for (size_t i = 0; p && i < p->n; i++)
    for (size_t s = 0; s < p->items[i].nstats; s++)
      if (strcasecmp(p->items[i].stats[s].label, label) == 0) return &p->items[i].stats[s];
  return NULL;
}

static char *dup_or_null(const char *s) { return s ? strdup(s) : NULL; }

/* A copy of a profile's stat (its rate parts and aliases with it). SL_OK or SL_ENOMEM. */
static int copy_stat(const sl_profile_stat *from, sl_profile_stat *to) {
  *to = *from;
  to->label = strdup(from->label);
  to->stat_group = strdup(from->stat_group);
  to->numerator = dup_or_null(from->numerator);
  to->denominator = dup_or_null(from->denominator);
  to->columns = calloc(from->ncolumns ? from->ncolumns : 1, sizeof *to->columns);
  int ok = to->label && to->stat_group && to->columns && (!from->numerator || to->numerator) &&
           (!from->denominator || to->denominator);
  for (size_t k = 0; ok && k < from->ncolumns; k++) ok = (to->columns[k] = strdup(from->columns[k])) != NULL;
  return ok ? SL_OK : SL_ENOMEM;
}

/* A stat over one column: per 90 for counts (the index knows which columns are per 90 already),
 * a rate for a '%' column, as is for other ratios. */
static int column_stat(const sl_compare *c, const sl_column *col, const item *it, sl_profile_stat *s) {
  memset(s, 0, sizeof *s);
  size_t j = (size_t)(col - c->t->cols);
  sl_column_scale scale = c->scales ? c->scales[j] : SL_SCALE_TOTAL;
  s->kind = strchr(col->name, '%') ? SL_STAT_RATE : scale == SL_SCALE_RATIO ? SL_STAT_RAW : SL_STAT_PER90;
  /* a column that describes the sample is shown as it is: minutes and matches as totals over a
   * player's rows, age or birth year as given */
  if (scale == SL_SCALE_NONE)
    s->kind = col->role == SL_ROLE_MINUTES || col->role == SL_ROLE_MATCHES || col->role == SL_ROLE_STARTS ||
                      col->role == SL_ROLE_NINETIES ? SL_STAT_TOTAL : SL_STAT_RAW;
  if (it->force_kind >= 0) s->kind = (sl_stat_kind)it->force_kind;
  s->better = SL_BETTER_HIGHER;
  s->weight = 1.0;
  s->label = strdup(it->name);
  s->stat_group = strdup("");
  s->columns = calloc(1, sizeof *s->columns);
  if (!s->label || !s->stat_group || !s->columns || !(s->columns[0] = strdup(col->name))) return SL_ENOMEM;
  s->ncolumns = 1;
  return SL_OK;
}

/* "no stat 'Tklw' ...; did you mean: TklW, Tkl" among number headers and profile labels. */
static int unknown_stat(const sl_compare *c, const sl_profiles *p, const char *name, sl_error *err) {
  size_t n = c->t->ncols, m = 0;
  for (size_t i = 0; p && i < p->n; i++) n += p->items[i].nstats;
  const char **shown = calloc(n ? n : 1, sizeof *shown);
  char **norm = calloc(n ? n : 1, sizeof *norm);
  char *q = sl_name_normalise(name);
  size_t idx[SL_STATS_SUGGESTIONS], got = 0;
  int ok = shown && norm && q;
  for (size_t j = 0; ok && j < c->t->ncols; j++)
    if (c->t->cols[j].type == SL_TYPE_NUMBER) shown[m] = c->t->cols[j].name, ok = (norm[m++] = sl_name_normalise(c->t->cols[j].name)) != NULL;
  for (size_t i = 0; ok && p && i < p->n; i++)
    for (size_t s = 0; ok && s < p->items[i].nstats; s++)
      shown[m] = p->items[i].stats[s].label, ok = (norm[m++] = sl_name_normalise(p->items[i].stats[s].label)) != NULL;
  if (ok) got = sl_name_suggest(q, (const char *const *)norm, m, idx, SL_STATS_SUGGESTIONS);
  char hint[256] = "";
  size_t off = 0;
  for (size_t k = 0; k < got; k++) {
    int w = snprintf(hint + off, sizeof hint - off, "%s%s", k ? ", " : "; did you mean: ", shown[idx[k]]);
    if (w > 0 && (size_t)w < sizeof hint - off) off += (size_t)w;
  }
  for (size_t k = 0; norm && k < m; k++) free(norm[k]);
  free(norm), free(shown), free(q);
  sl_error_set(err, SL_EUNKNOWN, NULL, 0, 0,
               "no stat \"%s\" among the number columns of the stats or the profiles' stats%s", name, hint);
  return sl_error_field(err, "stats", SL_EUNKNOWN);
}

/* One named stat into s: a profile label, an exact header, a role, a header in any case. */
static int resolve(const sl_compare *c, const sl_profiles *p, const item *it, sl_profile_stat *s, sl_error *err) {
  const sl_column *col = number_column(c->t, it->name, 0);
  const sl_profile_stat *ps = col ? NULL : profile_stat(p, it->name);
  int st;
  if (ps) {
    st = copy_stat(ps, s);
    if (!st && it->force_kind >= 0 && !s->numerator) s->kind = (sl_stat_kind)it->force_kind;
  } else {
    if (!col) col = role_column(c->t, it->name);
    if (!col) col = number_column(c->t, it->name, 1);
    if (!col) return unknown_stat(c, p, it->name, err);
    st = column_stat(c, col, it, s);
  }
  if (!st && it->lower) s->better = SL_BETTER_LOWER;
  return st ? sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory reading the stats list") : SL_OK;
}

int sl_compare_stats_parse(const sl_compare *c, const sl_profiles *profiles, const char *list, sl_group peers,
                           sl_profiles **out, sl_error *err) {
  if (!out) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "sl_compare_stats_parse: out is NULL");
  *out = NULL;
  if (!c || !list || !*list)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "the stats list is empty (expected e.g. \"TklW, Int, Cmp%%\")");
  sl_profiles *p = calloc(1, sizeof *p);
  if (p) p->items = calloc(1, sizeof *p->items);
  if (p && p->items) p->items->stats = calloc(SL_STATS_LIST_MAX, sizeof *p->items->stats);
  if (p && p->items && p->items->stats) p->n = 1, p->items->role = strdup("chosen");
  if (!p || !p->items || !p->items->stats || !p->items->role) {
    sl_profiles_free(p);
    return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory reading the stats list");
  }
  sl_profile *pr = p->items;
  pr->peers = peers;
  int st = SL_OK;
  for (const char *s = list; *s && !st;) {
    const char *e = strchr(s, ',');
    size_t len = e ? (size_t)(e - s) : strlen(s);
    item it;
    st = parse_item(s, len, &it, err);
    if (!st && !*it.name) st = sl_error_set(err, SL_EINVAL, NULL, 0, 0, "the stats list has an empty name");
    if (!st && pr->nstats == SL_STATS_LIST_MAX)
      st = sl_error_set(err, SL_ELIMIT, NULL, 0, 0, "the stats list names more than %d stats", SL_STATS_LIST_MAX);
    if (!st) {
      st = resolve(c, profiles, &it, &pr->stats[pr->nstats], err);
      if (!st || st == SL_ENOMEM) pr->nstats++; /* a half-built stat is freed with the rest */
    }
    s = e ? e + 1 : s + len;
  }
  if (st) {
    sl_profiles_free(p);
    return st;
  }
  *out = p;
  return SL_OK;
}

/* The role's profile, or SL_EUNKNOWN with "did you mean" among the profiles' roles. */
static int named_profile(const sl_profiles *profiles, const char *role, const sl_profile **pr, sl_error *err) {
  *pr = sl_profiles_find(profiles, role);
  if (*pr) return SL_OK;
  char text[SL_ERROR_MESSAGE_MAX];
  sl_error_set(err, SL_EUNKNOWN, NULL, 0, 0, "%s", sl_profiles_not_found(profiles, role, text, sizeof text));
  return sl_error_field(err, "profile", SL_EUNKNOWN);
}

int sl_compare_profile_choose(const sl_compare *c, const sl_profiles *profiles, size_t first, const char *role,
                              const char *stats_list, const sl_profile **pr, sl_profiles **owned, sl_error *err) {
  if (!pr || !owned) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "sl_compare_profile_choose: NULL argument");
  *pr = NULL, *owned = NULL;
  if (!c || first >= c->n) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "sl_compare_profile_choose: no player %zu", first);
  const sl_player *p = &c->players[first];
  const sl_profile *named = NULL;
  int st = role ? named_profile(profiles, role, &named, err) : SL_OK;
  if (st) return st;
  if (stats_list) {
    /* The peers: the named role's group (a file without positions), else his. */
    sl_group g = named && named->peers != SL_GROUP_UNKNOWN ? named->peers : p->group;
    st = sl_compare_stats_parse(c, profiles, stats_list, g, owned, err);
    if (st) return sl_error_field(err, "stats", st);
    *pr = &(*owned)->items[0];
    return SL_OK;
  }
  *pr = named ? named : sl_compare_default_profile(c, profiles, first);
  if (*pr) return SL_OK;
  sl_error_set(err, SL_EDATA, NULL, 0, 0, "no profile for %s (position %s: %s)", p->name, sl_group_name(p->group),
               p->position_note);
  return sl_error_field(err, "profile", SL_EDATA);
}
