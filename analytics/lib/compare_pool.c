/* compare_pool.c - peer pools: which players a percentile is taken against (own league, the
 * Big-5, every league, a named set, or one shared pool for a whole table), checked against the
 * leagues the data holds, with "did you mean" for a league that is not there. */
#include "compare_impl.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "scoutlab/names.h"

/* Suggestions after "did you mean": the closest only, as the leagues present follow it. */
#define SL_POOL_SUGGESTIONS 1

/* The Big-5 as FBref names them (country prefixes stripped): the peers of FBref's scouting
 * reports. Static data. */
static const char *const big5[] = {"Premier League", "La Liga", "Serie A", "Bundesliga", "Ligue 1"};
#define SL_BIG5_COUNT (sizeof big5 / sizeof big5[0])

void sl_pool_default(sl_pool *p) {
  if (!p) return;
  p->kind = SL_POOL_LEAGUE;
  p->leagues = NULL;
  p->min_minutes = SL_COMPARE_DEFAULT_MIN_MINUTES;
  p->season = 0;
}

void sl_pool_shared(sl_pool *p) {
  if (!p) return;
  sl_pool_default(p);
  p->kind = SL_POOL_SHARED;
}

int sl_pool_parse(const char *text, sl_pool *p, sl_error *err) {
  if (!text || !p || !*text)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0,
                        "pool is empty (expected league, big5, all, shared, or a list such as \"Ligue 1,Serie A\")");
  p->leagues = NULL;
  if (strcasecmp(text, "league") == 0) p->kind = SL_POOL_LEAGUE;
  else if (strcasecmp(text, "all") == 0) p->kind = SL_POOL_ALL;
  else if (strcasecmp(text, "shared") == 0) p->kind = SL_POOL_SHARED;
  else if (strcasecmp(text, "big5") == 0 || strcasecmp(text, "big-5") == 0 || strcasecmp(text, "big 5") == 0)
    p->kind = SL_POOL_BIG5;
  else p->kind = SL_POOL_LIST, p->leagues = text;
  return SL_OK;
}

static int is_big5(const char *league) {
  for (size_t k = 0; k < SL_BIG5_COUNT; k++)
    if (strcasecmp(league, big5[k]) == 0) return 1;
  return 0;
}

static int cmp_text(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int sl_compare_index_leagues_(sl_compare *c) {
  c->league_names = calloc(c->n ? c->n : 1, sizeof *c->league_names);
  if (!c->league_names) return SL_ENOMEM;
  for (size_t i = 0; i < c->n; i++) {
    const char *l = c->players[i].league;
    int seen = !*l;
    for (size_t k = 0; k < c->nleagues && !seen; k++) seen = strcmp(c->league_names[k], l) == 0;
    if (seen) continue;
    c->league_names[c->nleagues++] = c->players[i].league; /* borrowed from the player */
    c->has_big5 |= is_big5(l);
  }
  qsort(c->league_names, c->nleagues, sizeof *c->league_names, cmp_text);
  return SL_OK;
}

/* The kind a pool has on this index: SL_POOL_SHARED resolved to Big-5 or every league. */
static sl_pool_kind effective_kind(const sl_compare *c, const sl_pool *pool) {
  if (pool->kind != SL_POOL_SHARED) return pool->kind;
  return c->has_big5 ? SL_POOL_BIG5 : SL_POOL_ALL;
}

int sl_compare_in_pool(const sl_compare *c, size_t i, sl_group g, const sl_pool *pool,
                       const char *ref_league) {
  const sl_player *p = &c->players[i];
  if (p->group != g || !(p->minutes >= pool->min_minutes)) return 0;
  if (pool->season && p->season && p->season != pool->season) return 0;
  switch (effective_kind(c, pool)) {
  case SL_POOL_ALL: return 1;
  case SL_POOL_BIG5: return is_big5(p->league);
  case SL_POOL_LIST: return sl_compare_league_in_list(p->league, pool->leagues);
  default: return ref_league && strcasecmp(p->league, ref_league) == 0;
  }
}

/* Appends the index's leagues that `keep` accepts, ", "-joined, to buf at *off. */
static void list_leagues(const sl_compare *c, int only_big5, char *buf, size_t size, size_t *off) {
  for (size_t k = 0, shown = 0; k < c->nleagues; k++) {
    if (only_big5 && !is_big5(c->league_names[k])) continue;
    int w = snprintf(buf + *off, size - *off, "%s%s", shown++ ? ", " : "", c->league_names[k]);
    if (w > 0 && (size_t)w < size - *off) *off += (size_t)w;
  }
}

const char *sl_compare_pool_text(const sl_compare *c, const sl_pool *pool, const char *ref_league,
                                 char *buf, size_t size) {
  if (!buf || !size) return buf;
  buf[0] = '\0';
  if (!c || !pool) return buf;
  sl_pool_kind kind = effective_kind(c, pool);
  size_t off = 0;
  if (kind == SL_POOL_LIST) { /* "Serie A,Ligue 1" as typed reads "Serie A, Ligue 1" */
    for (const char *p = pool->leagues ? pool->leagues : ""; *p;) {
      while (*p == ' ' || *p == ',') p++;
      size_t len = strcspn(p, ",");
      while (len && p[len - 1] == ' ') len--;
      if (len) {
        int w = snprintf(buf + off, size - off, "%s%.*s", off ? ", " : "", (int)len, p);
        if (w < 0 || (size_t)w >= size - off) break;
        off += (size_t)w;
      }
      p += strcspn(p, ",");
    }
    return buf;
  }
  if (kind == SL_POOL_LEAGUE) {
    snprintf(buf, size, "%s", ref_league ? ref_league : "");
    return buf;
  }
  int w = snprintf(buf, size, "%s (", kind == SL_POOL_BIG5 ? "Big 5" : "all leagues");
  if (w > 0 && (size_t)w < size) off = (size_t)w;
  list_leagues(c, kind == SL_POOL_BIG5, buf, size, &off);
  if (off + 1 < size) buf[off] = ')', buf[off + 1] = '\0';
  return buf;
}

/* "did you mean: A, B" for `item` among the index's leagues, into buf ("" when none is close). */
static void suggest_league(const sl_compare *c, const char *item, char *buf, size_t size) {
  buf[0] = '\0';
  char *q = sl_name_normalise(item);
  char **norm = calloc(c->nleagues ? c->nleagues : 1, sizeof *norm);
  size_t idx[SL_POOL_SUGGESTIONS], got = 0, off = 0;
  int ok = q && norm;
  for (size_t k = 0; ok && k < c->nleagues; k++) ok = (norm[k] = sl_name_normalise(c->league_names[k])) != NULL;
  if (ok) got = sl_name_suggest(q, (const char *const *)norm, c->nleagues, idx, SL_POOL_SUGGESTIONS);
  for (size_t k = 0; k < got; k++) {
    int w = snprintf(buf + off, size - off, "%s\"%s\"", k ? ", " : "; did you mean ", c->league_names[idx[k]]);
    if (w > 0 && (size_t)w < size - off) off += (size_t)w;
  }
  for (size_t k = 0; norm && k < c->nleagues; k++) free(norm[k]);
  free(norm), free(q);
}

int sl_compare_leagues_check(const sl_compare *c, const char *list, sl_error *err) {
  if (!c) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "sl_compare_leagues_check: no index");
  for (const char *s = list; s && *s;) {
    const char *e = strchr(s, ',');
    size_t len = e ? (size_t)(e - s) : strlen(s);
    char item[160];
    if (len >= sizeof item) len = sizeof item - 1;
    memcpy(item, s, len);
    item[len] = '\0';
    char *b = item, *f = item + len;
    while (*b == ' ') b++;
    while (f > b && f[-1] == ' ') *--f = '\0';
    int found = !*b;
    for (size_t k = 0; k < c->nleagues && !found; k++) found = sl_compare_league_in_list(c->league_names[k], b);
    if (!found) {
      char hint[256], present[512];
      size_t off = 0;
      suggest_league(c, b, hint, sizeof hint);
      present[0] = '\0';
      list_leagues(c, 0, present, sizeof present, &off);
      sl_error_set(err, SL_EUNKNOWN, NULL, 0, 0, "no league \"%s\" in the stats%s (leagues present: %s)", b, hint,
                   present);
      return sl_error_field(err, "league", SL_EUNKNOWN);
    }
    s = e ? e + 1 : s + len;
  }
  return SL_OK;
}
