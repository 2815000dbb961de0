/* compare_stats.c - a profile's stats for a player (per-90, rates from their parts, raw,
 * totals), the peer pool, mid-rank percentiles and the one-number quality score. */
#include "compare_impl.h"

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

int sl_compare_percentiles(const sl_compare *c, size_t i, const sl_profile *profile,
                           const sl_pool *pool, sl_stat_value *out, sl_pool_info *info,
                           sl_error *err) {
  if (!c || !profile || !pool || !out || i >= c->n)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "sl_compare_percentiles: bad argument");
  const sl_player *p = &c->players[i];
  sl_pool own_season = *pool; /* a multi-season index ranks a player against his season's peers */
  if (!own_season.season) own_season.season = p->season;
  pool = &own_season;
  sl_group g = profile->peers != SL_GROUP_UNKNOWN ? profile->peers : p->group;
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
  /* Below the pool's minimum a per-90 over a few matches is noise: values yes, ranks no. */
  int small = !(p->minutes >= pool->min_minutes);
  for (size_t s = 0; !st && small && s < ns; s++) out[s].percentile = NAN;
  if (!st && info) {
    info->group = g;
    info->size = m;
    info->player_in_pool = sl_compare_in_pool(c, i, g, pool, p->league);
    info->small_sample = small;
    info->below_default = !small && p->minutes < SL_COMPARE_DEFAULT_MIN_MINUTES;
    sl_compare_pool_text(c, pool, p->league, info->leagues, sizeof info->leagues);
  }
  free(vals), free(idx), free(own), free(column), free(b);
  return st ? sl_error_set(err, st, NULL, 0, 0, "out of memory ranking %s", p->name) : SL_OK;
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
  int st = v && b ? sl_compare_percentiles(c, i, pr, pool, v, NULL, err)
                  : sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  if (!st) {
    sl_compare_bind_(c, pr, b);
    *quality = weighted_quality(v, b, pr->nstats);
  }
  free(v), free(b);
  return st;
}

/* All players of group g: one matrix over every candidate pool member of any league, then each
 * player ranked against the members of his own pool. */
static int quality_group(const sl_compare *c, const sl_profile *pr, sl_group g, const sl_pool *pool,
                         double *out) {
  size_t ns = pr->nstats, m = 0, *idx = NULL;
  sl_pool wide = *pool;
  wide.kind = SL_POOL_ALL; /* every league; each player's own pool is filtered below */
  double *vals = NULL, *own = malloc((ns ? ns : 1) * sizeof *own), *sub = NULL;
  sl_bound *b = calloc(ns ? ns : 1, sizeof *b);
  sl_stat_value *v = calloc(ns ? ns : 1, sizeof *v);
  int st = own && b && v ? SL_OK : SL_ENOMEM;
  if (!st) {
    sl_compare_bind_(c, pr, b);
    st = sl_compare_pool_matrix_(c, b, ns, g, &wide, NULL, &vals, &idx, &m);
  }
  double *column = NULL;
  if (!st && (!(sub = malloc((m ? m : 1) * (ns ? ns : 1) * sizeof *sub)) || !(column = malloc((m ? m : 1) * sizeof *column))))
    st = SL_ENOMEM;
  for (size_t i = 0; !st && i < c->n; i++) {
    const sl_player *p = &c->players[i];
    if (p->group != g) continue;
    size_t k = 0;
    sl_pool own_season = *pool;
    if (!own_season.season) own_season.season = p->season;
    for (size_t r = 0; r < m; r++)
      if (sl_compare_in_pool(c, idx[r], g, &own_season, p->league))
        memcpy(sub + k++ * ns, vals + r * ns, ns * sizeof *sub);
    for (size_t s = 0; s < ns; s++) own[s] = sl_compare_value_(c, p, &b[s]);
    rank_player(sub, k, b, ns, own, v, column);
    out[i] = weighted_quality(v, b, ns);
  }
  free(vals), free(idx), free(own), free(sub), free(column), free(b), free(v);
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
