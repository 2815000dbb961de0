/* compare_profiles.c - role profiles read from a CSV file users can edit (format in
 * docs/compare.md): role,stat,columns,kind,better,group,numerator,denominator[,weight]. */
#include "compare_impl.h"
#include "runtime_internal.h"
#include "scoutlab/names.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const required[] = {"role", "stat", "columns", "kind", "better", "group"};

static char *cell(const sl_table *t, const char *col, size_t row) {
  const sl_column *c = sl_table_column(t, col);
  char buf[64];
  const char *s = c ? sl_table_text(t, c, row, buf, sizeof buf) : NULL;
  return s && *s ? strdup(s) : NULL;
}

/* Splits "TklW|TklW_stats_misc" into trimmed aliases. */
static int split_aliases(const char *text, sl_profile_stat *s) {
  if (!text) return SL_OK;
  size_t cap = 1;
  for (const char *p = text; *p; p++) cap += *p == '|';
  s->columns = calloc(cap, sizeof *s->columns);
  if (!s->columns) return SL_ENOMEM;
  const char *p = text;
  while (*p) {
    const char *e = strchr(p, '|');
    if (!e) e = p + strlen(p);
    const char *b = p, *f = e;
    while (b < f && isspace((unsigned char)*b)) b++;
    while (f > b && isspace((unsigned char)f[-1])) f--;
    if (f > b && !(s->columns[s->ncolumns++] = strndup(b, (size_t)(f - b)))) return SL_ENOMEM;
    p = *e ? e + 1 : e;
  }
  return SL_OK;
}

/* The profiles file's words for kinds and directions, in enum order: read and written alike. */
static const char *const kind_names[] = {"per90", "rate", "raw", "total"};
static const char *const better_names[] = {"higher", "lower", "neutral"};
#define NKINDS (sizeof kind_names / sizeof kind_names[0])
#define NBETTER (sizeof better_names / sizeof better_names[0])

static int parse_kind(const char *s, sl_stat_kind *k) {
  for (size_t i = 0; s && i < NKINDS; i++)
    if (strcasecmp(s, kind_names[i]) == 0) return *k = (sl_stat_kind)i, 1;
  return 0;
}

static int parse_better(const char *s, sl_better *b) {
  for (size_t i = 0; s && i < NBETTER; i++)
    if (strcasecmp(s, better_names[i]) == 0) return *b = (sl_better)i, 1;
  return 0;
}

const char *sl_stat_kind_name(sl_stat_kind k) { return (size_t)k < NKINDS ? kind_names[k] : "unknown"; }
const char *sl_better_name(sl_better b) { return (size_t)b < NBETTER ? better_names[b] : "unknown"; }

static void free_stat(sl_profile_stat *s) {
  free(s->label), free(s->stat_group), free(s->numerator), free(s->denominator);
  for (size_t i = 0; i < s->ncolumns; i++) free(s->columns[i]);
  free(s->columns);
}

void sl_profiles_free(sl_profiles *p) {
  if (!p) return;
  for (size_t i = 0; i < p->n; i++) {
    for (size_t j = 0; j < p->items[i].nstats; j++) free_stat(&p->items[i].stats[j]);
    free(p->items[i].stats);
    free(p->items[i].role);
  }
  free(p->items);
  free(p);
}

/* The profile for `role`, appended when new. */
static sl_profile *profile_for(sl_profiles *p, const char *role, size_t cap) {
  for (size_t i = 0; i < p->n; i++)
    if (strcasecmp(p->items[i].role, role) == 0) return &p->items[i];
  sl_profile *pr = &p->items[p->n];
  pr->role = strdup(role);
  pr->stats = calloc(cap, sizeof *pr->stats);
  if (!pr->role || !pr->stats) return NULL;
  pr->peers = sl_group_parse(role);
  p->n++;
  return pr;
}

/* One data row into a stat; returns a status with a message naming the line. */
static int read_stat(const sl_table *t, size_t r, sl_profile_stat *s, char **role, sl_error *err) {
  const char *file = t->nfiles ? t->files[0] : NULL;
  long line = t->row_line ? t->row_line[r] : 0;
  char *kind = cell(t, "kind", r), *better = cell(t, "better", r), *cols = cell(t, "columns", r);
  char *weight = cell(t, "weight", r);
  int st = SL_OK;
  *role = cell(t, "role", r);
  s->label = cell(t, "stat", r);
  s->stat_group = cell(t, "group", r);
  s->numerator = cell(t, "numerator", r);
  s->denominator = cell(t, "denominator", r);
  s->weight = 1.0;
  if (!*role || !s->label)
    st = sl_error_set(err, SL_EPARSE, file, line, 0, "profile row needs a role and a stat label");
  else if (!parse_kind(kind, &s->kind))
    st = sl_error_set(err, SL_EPARSE, file, line, 0, "kind \"%s\" is not one of per90, rate, raw, total",
                      kind ? kind : "");
  else if (!parse_better(better, &s->better))
    st = sl_error_set(err, SL_EPARSE, file, line, 0, "better \"%s\" is not one of higher, lower, neutral",
                      better ? better : "");
  else if (!s->numerator != !s->denominator)
    st = sl_error_set(err, SL_EPARSE, file, line, 0, "stat \"%s\": give both numerator and denominator, or neither",
                      s->label);
  else if (s->numerator && s->kind != SL_STAT_RATE)
    st = sl_error_set(err, SL_EPARSE, file, line, 0, "stat \"%s\": numerator/denominator only make sense for kind rate",
                      s->label);
  else if (!cols && !s->numerator)
    st = sl_error_set(err, SL_EPARSE, file, line, 0, "stat \"%s\": no columns to read it from", s->label);
  else if (weight && (!(s->weight = sl_strtod_c(weight, NULL)) || !(s->weight > 0)))
    st = sl_error_set(err, SL_EPARSE, file, line, 0, "weight \"%s\" is not a positive number", weight);
  if (!st && split_aliases(cols, s)) st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  if (!st && !s->stat_group && !(s->stat_group = strdup("")))
    st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  free(kind), free(better), free(cols), free(weight);
  return st;
}

static int build(const sl_table *t, sl_profiles *p, sl_error *err) {
  const char *file = t->nfiles ? t->files[0] : NULL;
  for (size_t i = 0; i < sizeof required / sizeof required[0]; i++)
    if (!sl_table_column(t, required[i]))
      return sl_error_set(err, SL_EPARSE, file, 1, 0,
                          "profiles file has no \"%s\" column (expected role,stat,columns,kind,better,group,"
                          "numerator,denominator[,weight])", required[i]);
  p->items = calloc(t->nrows ? t->nrows : 1, sizeof *p->items);
  if (!p->items) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  for (size_t r = 0; r < t->nrows; r++) {
    sl_profile_stat s = {0};
    char *role = NULL;
    int st = read_stat(t, r, &s, &role, err);
    sl_profile *pr = st ? NULL : profile_for(p, role, t->nrows);
    free(role);
    if (!st && !pr) st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
    if (st) {
      free_stat(&s);
      return st;
    }
    pr->stats[pr->nstats++] = s;
  }
  if (t->nskipped)
    return sl_error_set(err, SL_EPARSE, file, t->skipped[0].line, 0, "profiles file: %s",
                        t->skipped[0].reason);
  return SL_OK;
}

static int from_table(sl_table *t, sl_profiles **out, sl_error *err) {
  sl_profiles *p = calloc(1, sizeof *p);
  int st = p ? build(t, p, err) : sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  sl_table_free(t);
  if (st) {
    sl_profiles_free(p);
    return st;
  }
  *out = p;
  return SL_OK;
}

int sl_profiles_parse(const char *name, const char *data, size_t len, sl_profiles **out, sl_error *err) {
  if (!out || !data) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "sl_profiles_parse: NULL argument");
  *out = NULL;
  /* '|' and ';' appear inside cells: never let the delimiter be guessed. */
  sl_load_options opt = {.delimiter = ','};
  sl_table *t = NULL;
  int st = sl_table_load_buffer(name ? name : "profiles", data, len, &opt, &t, err);
  return st ? st : from_table(t, out, err);
}

int sl_profiles_load(const char *path, sl_profiles **out, sl_error *err) {
  if (!out || !path) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "sl_profiles_load: NULL argument");
  *out = NULL;
  sl_load_options opt = {.delimiter = ','};
  sl_table *t = NULL;
  int st = sl_table_load(path, &opt, &t, err);
  return st ? st : from_table(t, out, err);
}

const sl_profile *sl_profiles_find(const sl_profiles *p, const char *role) {
  if (!p || !role) return NULL;
  for (size_t i = 0; i < p->n; i++)
    if (strcasecmp(p->items[i].role, role) == 0) return &p->items[i];
  sl_group g = sl_group_parse(role);
  return g == SL_GROUP_UNKNOWN ? NULL : sl_profiles_for_group(p, g);
}

const char *sl_profiles_not_found(const sl_profiles *p, const char *role, char *buf, size_t size) {
  size_t n = p ? p->n : 0, hit = 0, got = 0, len;
  const char **roles = n ? malloc(n * sizeof *roles) : NULL;
  for (size_t i = 0; roles && i < n; i++) roles[i] = p->items[i].role;
  if (roles) got = sl_name_suggest_raw(role, roles, n, &hit, 1);
  free(roles);
  len = (size_t)snprintf(buf, size, "no profile \"%s\" in the profiles file%s%s%s", role ? role : "",
                         got ? "; did you mean " : "", got ? p->items[hit].role : "", got ? "?" : "");
  for (size_t i = 0; i < n && len < size; i++) /* the roles there are */
    len += (size_t)snprintf(buf + len, size - len, "%s%s", i ? ", " : " (profiles: ", p->items[i].role);
  if (n && len < size) snprintf(buf + len, size - len, ")");
  return buf;
}

const sl_profile *sl_profiles_for_group(const sl_profiles *p, sl_group g) {
  if (!p || g == SL_GROUP_UNKNOWN) return NULL;
  for (size_t i = 0; i < p->n; i++)
    if (p->items[i].peers == g) return &p->items[i];
  return NULL;
}
