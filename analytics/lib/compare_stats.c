/* compare_stats.c - a profile's stats for a player (per-90, rates from their parts, raw,
 * totals), the peer pool, mid-rank percentiles and the one-number quality score. */
#include "compare_impl.h"
#include "runtime_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- binding a profile to the table's columns ------------------------------------------------ */

static const sl_column *first_present(const sl_table *t, char *const *aliases, size_t n) {
  for (size_t i = 0; i < n; i++) {
    const sl_column *col = sl_table_column(t, aliases[i]);
    if (col) return col;
  }
  return NULL;
}

/* "Won + Lost_stats_misc|Lost" -> signed terms, each the first alias present. 0 when a term's
 * columns are all absent or there are too many terms. */
static int bind_expr(const sl_table *t, const char *expr, sl_term *terms, size_t *n) {
  *n = 0;
  int sign = 1;
  const char *p = expr;
  while (*p) {
    const char *plus = strstr(p, " + "), *minus = strstr(p, " - ");
    const char *e = plus && (!minus || plus < minus) ? plus : minus;
    size_t len = e ? (size_t)(e - p) : strlen(p);
    char text[256], *aliases[SL_MAX_TERMS * 2];
    if (*n == SL_MAX_TERMS || len >= sizeof text) return 0;
    memcpy(text, p, len);
    text[len] = '\0';
    size_t na = 0;
    for (char *s = text, *save = NULL, *a; (a = strtok_r(s, "|", &save)) && na < SL_MAX_TERMS * 2; s = NULL) {
      while (*a == ' ') a++;
      for (char *z = a + strlen(a); z > a && z[-1] == ' ';) *--z = '\0';
      aliases[na++] = a;
    }
    terms[*n].col = first_present(t, aliases, na);
    terms[*n].sign = sign;
    if (!terms[*n].col) return 0;
    (*n)++;
    if (!e) break;
    sign = e == plus ? 1 : -1;
    p = e + 3;
  }
  return *n > 0;
}

void sl_compare_bind_(const sl_compare *c, const sl_profile *pr, sl_bound *b) {
  for (size_t s = 0; s < pr->nstats; s++) {
    const sl_profile_stat *st = &pr->stats[s];
    sl_bound *x = &b[s];
    memset(x, 0, sizeof *x);
    x->stat = st;
    x->col = first_present(c->t, st->columns, st->ncolumns);
    if (st->numerator)
      x->parts = bind_expr(c->t, st->numerator, x->num, &x->nnum) &&
                 bind_expr(c->t, st->denominator, x->den, &x->nden);
  }
}

/* ---- values -------------------------------------------------------------------------------- */

static double expr_sum(const sl_compare *c, const sl_player *p, const sl_term *terms, size_t n) {
  double total = 0;
  for (size_t k = 0; k < n; k++) {
    double v = sl_compare_col_total_(c, p, terms[k].col);
    if (isnan(v)) return NAN;
    total += terms[k].sign * v;
  }
  return total;
}

/* Minutes-weighted mean of a per-row value (a rate or an average) over the player's rows. */
static double weighted_mean(const sl_compare *c, const sl_player *p, const sl_column *col) {
  if (p->nrows == 1) {
    double v;
    return sl_table_number(c->t, col, p->rows[0], &v) == 1 ? v : NAN;
  }
  double sum = 0, wsum = 0;
  const sl_column *mcol = c->c_min ? c->c_min : c->c_n90;
  for (size_t k = 0; k < p->nrows; k++) {
    double v, w;
    if (sl_table_number(c->t, col, p->rows[k], &v) != 1) continue;
    if (sl_table_number(c->t, mcol, p->rows[k], &w) != 1 || !(w > 0)) continue;
    sum += v * w, wsum += w;
  }
  return wsum > 0 ? sum / wsum : NAN;
}

/* A rate outside 0-100 (parts that contradict each other, a damaged cell) is not a rate:
 * missing, never ranked. sl_compare_report.percent_out_of_range tells the user. */
static double percent_or_nan(double v) { return v >= 0 && v <= 100 ? v : NAN; }

double sl_compare_value_(const sl_compare *c, const sl_player *p, const sl_bound *b) {
  /* A rate is recomputed from its parts so that combined clubs give Won/(Won+Lost), not a mean
   * of two percentages; the file's own rate column is the fallback. */
  if (b->stat->kind == SL_STAT_RATE && b->parts) {
    double num = expr_sum(c, p, b->num, b->nnum), den = expr_sum(c, p, b->den, b->nden);
    return den > 0 ? percent_or_nan(100.0 * num / den) : NAN;
  }
  if (!b->col) return NAN;
  if (b->stat->kind == SL_STAT_RATE) return percent_or_nan(weighted_mean(c, p, b->col));
  switch (b->stat->kind) {
  case SL_STAT_PER90: return sl_compare_col_per90_(c, p, b->col);
  case SL_STAT_TOTAL: return sl_compare_col_total_(c, p, b->col);
  default: return weighted_mean(c, p, b->col);
  }
}

int sl_compare_values(const sl_compare *c, size_t i, const sl_profile *profile, double *out,
                      sl_error *err) {
  if (!c || !profile || !out || i >= c->n)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "sl_compare_values: bad argument");
  sl_bound *b = calloc(profile->nstats ? profile->nstats : 1, sizeof *b);
  if (!b) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  sl_compare_bind_(c, profile, b);
  for (size_t s = 0; s < profile->nstats; s++) out[s] = sl_compare_value_(c, &c->players[i], &b[s]);
  free(b);
  return SL_OK;
}

/* ---- percentiles ----------------------------------------------------------------------------- */

double sl_percentile_midrank(const double *pool, size_t n, double value, int lower_is_better) {
  if (isnan(value)) return NAN;
  size_t worse = 0, equal = 0, m = 0;
  for (size_t k = 0; k < n; k++) {
    if (isnan(pool[k])) continue;
    m++;
    if (pool[k] == value) equal++;
    else if (lower_is_better ? pool[k] > value : pool[k] < value) worse++;
  }
  return m ? 100.0 * ((double)worse + 0.5 * (double)equal) / (double)m : NAN;
}

const sl_profile *sl_compare_default_profile(const sl_compare *c, const sl_profiles *profiles,
                                             size_t i) {
  if (!c || i >= c->n) return NULL;
  return sl_profiles_for_group(profiles, c->players[i].group);
}

sl_group sl_compare_peer_group(const sl_compare *c, size_t i, const sl_profile *profile) {
  if (profile && profile->peers != SL_GROUP_UNKNOWN) return profile->peers;
  return c && i < c->n ? c->players[i].group : SL_GROUP_UNKNOWN;
}

double sl_compare_mean_percentile(const sl_profile *profile, const sl_stat_value *v) {
  if (!profile || !v) return NAN;
  double sum = 0, w = 0;
  for (size_t s = 0; s < profile->nstats; s++) {
    const sl_profile_stat *st = &profile->stats[s];
    if (st->better == SL_BETTER_NEUTRAL || isnan(v[s].percentile)) continue; /* a style marker, or unranked */
    sum += st->weight * v[s].percentile, w += st->weight;
  }
  return w > 0 ? sum / w : NAN;
}

/* Values of every pool member: an m x nstats matrix (row-major), members listed in idx. */
int sl_compare_pool_matrix_(const sl_compare *c, const sl_bound *b, size_t nstats, sl_group g,
                            const sl_pool *pool, const char *ref_league, double **vals,
                            size_t **idx, size_t *m) {
  *vals = NULL, *idx = NULL, *m = 0;
  size_t *members = malloc((c->n ? c->n : 1) * sizeof *members);
  if (!members) return SL_ENOMEM;
  for (size_t j = 0; j < c->n; j++)
    if (sl_compare_in_pool(c, j, g, pool, ref_league)) members[(*m)++] = j;
  double *v = malloc((*m ? *m : 1) * (nstats ? nstats : 1) * sizeof *v);
  if (!v) {
    free(members);
    return SL_ENOMEM;
  }
  for (size_t r = 0; r < *m; r++)
    for (size_t s = 0; s < nstats; s++) v[r * nstats + s] = sl_compare_value_(c, &c->players[members[r]], &b[s]);
  *vals = v, *idx = members;
  return SL_OK;
}

/* Percentiles of one player from a pool matrix; column s of vals is stat s. */
static void rank_player(const double *vals, size_t m, const sl_bound *b, size_t nstats,
                        const double *own, sl_stat_value *out, double *column) {
  for (size_t s = 0; s < nstats; s++) {
    size_t have = 0;
    for (size_t r = 0; r < m; r++) {
      column[r] = vals[r * nstats + s];
      have += !isnan(column[r]);
    }
    out[s].value = own[s];
    out[s].peers = have;
    out[s].percentile = sl_percentile_midrank(column, m, own[s], b[s].stat->better == SL_BETTER_LOWER);
  }
}

/* sl_compare_percentiles, with the small-sample rule applied (withhold) or not: quality ranks
 * every player, since the squad shrinks a short sample toward the median instead. */
static int rank_in_pool(const sl_compare *c, size_t i, const sl_profile *profile, const sl_pool *pool,
                        sl_stat_value *out, sl_pool_info *info, int withhold, sl_error *err) {
  const sl_player *p = &c->players[i];
  sl_pool own_season = *pool; /* a multi-season index ranks a player against his season's peers */
  if (!own_season.season) own_season.season = p->season;
  pool = &own_season;
  sl_group g = sl_compare_peer_group(c, i, profile);
  if (g == SL_GROUP_UNKNOWN)
    return sl_error_field(err, "profile",
                          sl_error_set(err, SL_EDATA, NULL, 0, 0,
                                       "%s has no known position group (%s): name a profile, e.g. centre-back",
                                       p->name, p->position_note[0] ? p->position_note : "no Pos"));
  size_t ns = profile->nstats, m = 0, *idx = NULL;
  double *vals = NULL, *own = malloc((ns ? ns : 1) * sizeof *own), *column = NULL;
  sl_bound *b = calloc(ns ? ns : 1, sizeof *b);
  int st = own && b ? SL_OK : SL_ENOMEM;
  if (!st) {
    sl_compare_bind_(c, profile, b);
    for (size_t s = 0; s < ns; s++) own[s] = sl_compare_value_(c, p, &b[s]);
    st = sl_compare_pool_matrix_(c, b, ns, g, pool, p->league, &vals, &idx, &m);
  }
  if (!st && !(column = malloc((m ? m : 1) * sizeof *column))) st = SL_ENOMEM;
  if (!st) rank_player(vals, m, b, ns, own, out, column);
  for (size_t s = 0; !st && s < ns; s++) {
    int rate = b[s].stat->kind == SL_STAT_RATE && b[s].parts;
    out[s].attempts = rate ? expr_sum(c, p, b[s].den, b[s].nden) : NAN;
    out[s].few = rate && !isnan(own[s]) && out[s].attempts < SL_RATE_FEW_ATTEMPTS;
  }
  /* Below the pool's minimum a per-90 over a few matches is noise: values yes, ranks no. */
  int small = !(p->minutes >= pool->min_minutes);
  for (size_t s = 0; !st && small && withhold && s < ns; s++) out[s].percentile = NAN;
  if (!st && info) {
    info->group = g;
    info->size = m;
    info->player_in_pool = sl_compare_in_pool(c, i, g, pool, p->league);
    info->other_group = p->group != g;
    info->small_sample = small;
    info->below_default = !small && p->minutes < SL_COMPARE_DEFAULT_MIN_MINUTES;
    sl_compare_pool_text(c, pool, p->league, info->leagues, sizeof info->leagues);
  }
  free(vals), free(idx), free(own), free(column), free(b);
  return st ? sl_error_set(err, st, NULL, 0, 0, "out of memory ranking %s", p->name) : SL_OK;
}

int sl_compare_percentiles(const sl_compare *c, size_t i, const sl_profile *profile,
                           const sl_pool *pool, sl_stat_value *out, sl_pool_info *info,
                           sl_error *err) {
  if (!c || !profile || !pool || !out || i >= c->n)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "sl_compare_percentiles: bad argument");
  return rank_in_pool(c, i, profile, pool, out, info, 1, err);
}

/* ---- quality ------------------------------------------------------------------------------ */

static double weighted_quality(const sl_stat_value *v, const sl_bound *b, size_t ns) {
  double sum = 0, wsum = 0;
  for (size_t s = 0; s < ns; s++) {
    if (b[s].stat->better == SL_BETTER_NEUTRAL || isnan(v[s].percentile)) continue;
    sum += b[s].stat->weight * v[s].percentile;
    wsum += b[s].stat->weight;
  }
  return wsum > 0 ? sum / wsum : NAN;
}

int sl_compare_quality(const sl_compare *c, const sl_profiles *profiles, size_t i,
                       const sl_pool *pool, double *quality, sl_error *err) {
  if (!c || !pool || !quality || i >= c->n)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "sl_compare_quality: bad argument");
  *quality = NAN;
  const sl_profile *pr = sl_compare_default_profile(c, profiles, i);
  if (!pr) return SL_OK;
  sl_stat_value *v = calloc(pr->nstats ? pr->nstats : 1, sizeof *v);
  sl_bound *b = calloc(pr->nstats ? pr->nstats : 1, sizeof *b);
  int st = v && b ? rank_in_pool(c, i, pr, pool, v, NULL, 0, err)
                  : sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  if (!st) {
    sl_compare_bind_(c, pr, b);
    *quality = weighted_quality(v, b, pr->nstats);
  }
  free(v), free(b);
  return st;
}

/* ---- quality of every player: one sorted pool per (league, season), not one scan per player ---- */

/* A player or a pool member, placed by the pool it is ranked in (players) or belongs to
 * (members). Players and members sort the same way, so a player's pool is one or two contiguous
 * runs of the sorted members. */
typedef struct pool_place {
  const char *league; /* NULL when the pool kind does not depend on the player's league */
  int season;         /* a player's pool season / a member's own season; 0 = none */
  size_t at;          /* player index (players) or row of the value matrix (members) */
} pool_place;

/* League, then season; league only when !use_season. The league order is strcasecmp's, the one
 * sl_compare_in_pool matches an own-league pool with. */
static int place_cmp_key(const pool_place *x, const char *league, int use_season, int season) {
  int c = x->league && league ? strcasecmp(x->league, league) : 0;
  if (c || !use_season) return c;
  return (x->season > season) - (x->season < season);
}

static int cmp_place(const void *a, const void *b) {
  const pool_place *x = a, *y = b;
  int c = place_cmp_key(x, y->league, 1, y->season);
  return c ? c : (x->at > y->at) - (x->at < y->at);
}

/* [*lo, *hi): the members with that league (and season when use_season), by binary search. */
static void place_range(const pool_place *v, size_t n, const char *league, int use_season, int season,
                        size_t *lo, size_t *hi) {
  size_t a = 0, b = n;
  while (a < b) {
    size_t mid = a + (b - a) / 2;
    if (place_cmp_key(&v[mid], league, use_season, season) < 0) a = mid + 1;
    else b = mid;
  }
  *lo = a, b = n;
  while (a < b) {
    size_t mid = a + (b - a) / 2;
    if (place_cmp_key(&v[mid], league, use_season, season) <= 0) a = mid + 1;
    else b = mid;
  }
  *hi = a;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* How many of the sorted values v[0..n) are < x (or <= x with or_equal). */
static size_t count_below(const double *v, size_t n, double x, int or_equal) {
  size_t a = 0, b = n;
  while (a < b) {
    size_t mid = a + (b - a) / 2;
    if (v[mid] < x || (or_equal && v[mid] == x)) a = mid + 1;
    else b = mid;
  }
  return a;
}

/* sl_percentile_midrank of x against the sorted non-NAN values v[0..n): worse and equal counted
 * by two binary searches instead of a scan, then the same formula, so the same double. */
static double percentile_sorted(const double *v, size_t n, double x, int lower_is_better) {
  if (isnan(x) || !n) return NAN;
  size_t below = count_below(v, n, x, 0), upto = count_below(v, n, x, 1);
  size_t equal = upto - below, worse = lower_is_better ? n - upto : below;
  return 100.0 * ((double)worse + 0.5 * (double)equal) / (double)n;
}

/* Column s of the pool made of the member runs [lo[k], hi[k]): its non-NAN values sorted into
 * out; returns how many. */
static size_t sorted_column(const double *vals, size_t ns, size_t s, const pool_place *members,
                            const size_t *lo, const size_t *hi, size_t nruns, double *out) {
  size_t have = 0;
  for (size_t k = 0; k < nruns; k++)
    for (size_t r = lo[k]; r < hi[k]; r++) {
      double x = vals[members[r].at * ns + s];
      if (!isnan(x)) out[have++] = x;
    }
  qsort(out, have, sizeof *out, cmp_double);
  return have;
}

/* All players of group g. The old way ranked each player against a scan of every candidate
 * (O(players x pool)); the pool a player is ranked in depends only on his season (when the pool
 * names none) and, for an own-league pool, his league. So players are grouped by that key, each
 * key's pool is sorted once per stat, and each percentile is two binary searches: O(n log n).
 * The numbers are those of sl_percentile_midrank, bit for bit (test_compare_fast checks it
 * against the scan on randomized tables). */
static int quality_group(const sl_compare *c, const sl_profile *pr, sl_group g, const sl_pool *pool,
                         double *out) {
  size_t ns = pr->nstats, m = 0, *idx = NULL, np = 0, nm = 0;
  sl_pool wide = *pool;
  wide.kind = SL_POOL_ALL; /* every league; each key's pool is cut out of it below */
  /* Whether the player's own league picks his pool: sl_compare_in_pool's default case. */
  int by_league = pool->kind != SL_POOL_ALL && pool->kind != SL_POOL_BIG5 && pool->kind != SL_POOL_LIST &&
                  pool->kind != SL_POOL_SHARED;
  double *vals = NULL, *own = malloc((ns ? ns : 1) * sizeof *own), *sorted = NULL;
  size_t *have = calloc(ns ? ns : 1, sizeof *have);
  sl_bound *b = calloc(ns ? ns : 1, sizeof *b);
  sl_stat_value *v = calloc(ns ? ns : 1, sizeof *v);
  pool_place *players = malloc((c->n ? c->n : 1) * sizeof *players), *members = NULL;
  int st = own && have && b && v && players ? SL_OK : SL_ENOMEM;
  if (!st) {
    sl_compare_bind_(c, pr, b);
    st = sl_compare_pool_matrix_(c, b, ns, g, &wide, NULL, &vals, &idx, &m);
  }
  if (!st && (!(members = malloc((m ? m : 1) * sizeof *members)) ||
              !(sorted = malloc((m ? m : 1) * (ns ? ns : 1) * sizeof *sorted))))
    st = SL_ENOMEM;
  if (!st) {
    /* The league part of a league-independent pool (Big-5, a list) does not vary by player: it
     * is checked here once, with the season left to the runs below. */
    sl_pool any_season = *pool;
    any_season.season = 0;
    for (size_t r = 0; r < m; r++) {
      const sl_player *q = &c->players[idx[r]];
      if (!by_league && !sl_compare_in_pool(c, idx[r], g, &any_season, NULL)) continue;
      members[nm++] = (pool_place){by_league ? q->league : NULL, q->season, r};
    }
    for (size_t i = 0; i < c->n; i++) {
      const sl_player *p = &c->players[i];
      if (p->group != g) continue;
      players[np++] = (pool_place){by_league ? p->league : NULL, pool->season ? pool->season : p->season, i};
    }
    qsort(members, nm, sizeof *members, cmp_place);
    qsort(players, np, sizeof *players, cmp_place);
  }
  for (size_t a = 0, e; !st && a < np; a = e) {
    const pool_place *key = &players[a];
    for (e = a + 1; e < np && place_cmp_key(&players[e], key->league, 1, key->season) == 0;) e++;
    /* sl_compare_in_pool's season rule: a pool season takes members of that season and those
     * without one; no pool season takes every season. */
    size_t lo[2], hi[2], nruns = 1;
    if (!key->season) place_range(members, nm, key->league, 0, 0, &lo[0], &hi[0]);
    else {
      place_range(members, nm, key->league, 1, 0, &lo[0], &hi[0]);
      place_range(members, nm, key->league, 1, key->season, &lo[1], &hi[1]);
      nruns = 2;
    }
    for (size_t s = 0; s < ns; s++) have[s] = sorted_column(vals, ns, s, members, lo, hi, nruns, sorted + s * m);
    for (size_t k = a; k < e; k++) {
      const sl_player *p = &c->players[players[k].at];
      for (size_t s = 0; s < ns; s++) {
        own[s] = sl_compare_value_(c, p, &b[s]);
        v[s].value = own[s];
        v[s].peers = have[s];
        v[s].percentile = percentile_sorted(sorted + s * m, have[s], own[s], b[s].stat->better == SL_BETTER_LOWER);
      }
      out[players[k].at] = weighted_quality(v, b, ns);
    }
  }
  free(vals), free(idx), free(own), free(sorted), free(have), free(b), free(v), free(players), free(members);
  return st;
}

int sl_compare_quality_all(const sl_compare *c, const sl_profiles *profiles, const sl_pool *pool,
                           double *out, sl_error *err) {
  if (!c || !pool || !out) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "sl_compare_quality_all: bad argument");
  for (size_t i = 0; i < c->n; i++) out[i] = NAN;
  for (int g = SL_GROUP_GOALKEEPER; g < SL_GROUP_COUNT; g++) {
    const sl_profile *pr = sl_profiles_for_group(profiles, (sl_group)g);
    if (!pr) continue;
    int st = quality_group(c, pr, (sl_group)g, pool, out);
    if (st) return sl_error_set(err, st, NULL, 0, 0, "out of memory scoring players");
  }
  return SL_OK;
}

/* Per-90 values from these sizes on are written with one decimal, then none (passes completed
 * 94.3, passing distance 1580 yards): the second decimal of such a figure is noise. */
#define SL_STAT_ONE_DECIMAL_FROM 10.0
#define SL_STAT_WHOLE_FROM 1000.0

/* A raw column that is a percentage (FBref's Launch%, a stat with no numerator to make it a
 * rate) reads as one: its label ends in '%'. */
static int label_is_percent(const sl_profile_stat *s) {
  size_t n = s->label ? strlen(s->label) : 0;
  return s->kind == SL_STAT_RAW && n && s->label[n - 1] == '%';
}

const char *sl_stat_value_text(const sl_profile_stat *s, double v, char *buf, size_t size) {
  if (!isfinite(v)) sl_snprintf_c(buf, size, "n/a"); /* never nan or inf where a table says n/a */
  else if (s->kind == SL_STAT_PER90) /* two decimals, fewer where they are noise: 94.3, 1580 */
    sl_snprintf_c(buf, size, fabs(v) >= SL_STAT_WHOLE_FROM ? "%.0f" : fabs(v) >= SL_STAT_ONE_DECIMAL_FROM ? "%.1f" : "%.2f", v);
  else if (s->kind == SL_STAT_RATE || label_is_percent(s)) sl_snprintf_c(buf, size, "%.1f%%", v);
  else if (s->kind == SL_STAT_TOTAL) sl_snprintf_c(buf, size, "%.0f", v);
  else sl_snprintf_c(buf, size, "%.1f", v);
  return buf;
}
