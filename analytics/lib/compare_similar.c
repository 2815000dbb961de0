/* compare_similar.c - nearest players in a role's z-scored stat space.
 *
 * z = (x - mean) / sd per stat over the population (players of the group with enough minutes,
 * every league in the file), so that a stat measured in hundreds (passes) does not drown one in
 * tenths (errors). Euclidean (default): sqrt(sum w (za - zb)^2 / sum w) over the stats both
 * players have, an RMS z-distance, so 1.0 means "one standard deviation apart on average"; it
 * sees level as well as style (a 90th-percentile centre-back is not like a 40th-percentile one
 * with the same shape). Cosine: 1 - cos(za, zb), style only. */
#include "compare_impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Fewer than this many population values make a standard deviation meaningless. */
#define SL_SIMILAR_MIN_POPULATION 3

void sl_similar_default(sl_similar_options *o) {
  if (!o) return;
  memset(o, 0, sizeof *o);
  o->k = SL_COMPARE_DEFAULT_K;
  o->max_age = NAN;
  o->max_value = NAN;
  o->min_minutes = SL_COMPARE_DEFAULT_MIN_MINUTES;
  o->metric = SL_SIMILAR_EUCLIDEAN;
  o->max_fee = NAN;
}

/* Mean and sd (n - 1) of column s over m rows; sd 0 when unusable. */
static void column_moments(const double *v, size_t m, size_t ns, size_t s, double *mean, double *sd) {
  double sum = 0, sq = 0;
  size_t n = 0;
  for (size_t r = 0; r < m; r++)
    if (!isnan(v[r * ns + s])) sum += v[r * ns + s], n++;
  *mean = n ? sum / (double)n : NAN;
  for (size_t r = 0; r < m; r++)
    if (!isnan(v[r * ns + s])) sq += (v[r * ns + s] - *mean) * (v[r * ns + s] - *mean);
  *sd = n >= SL_SIMILAR_MIN_POPULATION ? sqrt(sq / (double)(n - 1)) : 0;
}

static double distance(const double *za, const double *zb, const sl_bound *b, size_t ns,
                       sl_similar_metric metric, size_t *shared) {
  double d2 = 0, w = 0, dot = 0, na = 0, nb = 0;
  *shared = 0;
  for (size_t s = 0; s < ns; s++) {
    if (isnan(za[s]) || isnan(zb[s])) continue;
    double ws = b[s].stat->weight, diff = za[s] - zb[s];
    d2 += ws * diff * diff, w += ws;
    dot += ws * za[s] * zb[s], na += ws * za[s] * za[s], nb += ws * zb[s] * zb[s];
    (*shared)++;
  }
  if (!*shared) return NAN;
  if (metric == SL_SIMILAR_COSINE) return na > 0 && nb > 0 ? 1.0 - dot / sqrt(na * nb) : NAN;
  return sqrt(d2 / w);
}

/* Whether candidate j passes the filters; counts the reason when not. */
static int passes(const sl_compare *c, size_t j, size_t target, const sl_similar_options *o,
                  sl_similar_info *info) {
  const sl_player *p = &c->players[j], *t = &c->players[target];
  if (j == target) return 0;
  /* per-club rows of the target himself */
  if (strcmp(p->name_norm, t->name_norm) == 0 && ((isnan(p->born) && isnan(t->born)) || p->born == t->born)) return 0;
  if (o->leagues && !sl_compare_league_in_list(p->league, o->leagues)) return info->excluded_league++, 0;
  if (!isnan(o->max_age) && !(p->age <= o->max_age)) return info->excluded_age++, 0;
  if (!isnan(o->max_value) && isnan(p->market_value)) return info->excluded_no_value++, 0;
  if (!isnan(o->max_value) && p->market_value > o->max_value) return info->excluded_value++, 0;
  if (o->min_age > 0 && !(p->age >= o->min_age)) return info->excluded_age++, 0;
  if (o->candidate_min_minutes > 0 && !(p->minutes >= o->candidate_min_minutes))
    return info->excluded_minutes++, 0;
  if (o->fair_fee && !isnan(o->max_fee) && isnan(o->fair_fee[j])) return info->excluded_no_fee++, 0;
  if (o->fair_fee && !isnan(o->max_fee) && o->fair_fee[j] > o->max_fee) return info->excluded_fee++, 0;
  return 1;
}

/* Inserts (j, d) into hits sorted by distance, keeping at most k. */
static void insert_hit(sl_similar_hit *hits, size_t *n, size_t k, size_t j, double d, size_t shared) {
  if (*n == k && !(d < hits[k - 1].distance)) return;
  size_t pos = *n < k ? (*n)++ : k - 1;
  while (pos > 0 && hits[pos - 1].distance > d) {
    hits[pos] = hits[pos - 1];
    pos--;
  }
  hits[pos].player = j, hits[pos].distance = d, hits[pos].shared = shared;
}

/* z-scores the population matrix in place and the target's row `own`; stats lower-is-better are
 * negated so that "better" points the same way for every stat (it matters for cosine). */
static void standardise(double *vals, size_t m, double *own, const sl_bound *b, size_t ns) {
  for (size_t s = 0; s < ns; s++) {
    double mean, sd;
    column_moments(vals, m, ns, s, &mean, &sd);
    double sign = b[s].stat->better == SL_BETTER_LOWER ? -1.0 : 1.0;
    for (size_t r = 0; r < m; r++)
      vals[r * ns + s] = sd > 0 ? sign * (vals[r * ns + s] - mean) / sd : NAN;
    own[s] = sd > 0 ? sign * (own[s] - mean) / sd : NAN;
  }
}

int sl_compare_similar(const sl_compare *c, size_t i, const sl_profile *profile,
                       const sl_similar_options *opt, sl_similar_hit *hits, size_t *nhits,
                       sl_similar_info *info, sl_error *err) {
  sl_similar_options defaults;
  sl_similar_info scratch;
  if (!opt) sl_similar_default(&defaults), opt = &defaults;
  if (!info) info = &scratch;
  memset(info, 0, sizeof *info);
  if (!c || !profile || !hits || !nhits || i >= c->n)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "sl_compare_similar: bad argument");
  *nhits = 0;
  const sl_player *p = &c->players[i];
  sl_group g = sl_compare_peer_group(c, i, profile);
  if (g == SL_GROUP_UNKNOWN)
    return sl_error_set(err, SL_EDATA, NULL, 0, 0, "%s has no known position group: name a profile", p->name);
  size_t ns = profile->nstats, m = 0, *idx = NULL, k = opt->k ? opt->k : SL_COMPARE_DEFAULT_K;
  sl_pool population = {opt->pool ? opt->pool->kind : SL_POOL_ALL, opt->pool ? opt->pool->leagues : NULL,
                        opt->min_minutes, p->season};
  double *vals = NULL, *own = malloc((ns ? ns : 1) * sizeof *own);
  sl_bound *b = calloc(ns ? ns : 1, sizeof *b);
  int st = own && b ? SL_OK : SL_ENOMEM;
  if (!st) {
    sl_compare_bind_(c, profile, b);
    for (size_t s = 0; s < ns; s++) own[s] = sl_compare_value_(c, p, &b[s]);
    st = sl_compare_pool_matrix_(c, b, ns, g, &population, p->league, &vals, &idx, &m);
  }
  if (!st) {
    standardise(vals, m, own, b, ns);
    info->group = g, info->population = m;
    for (size_t r = 0; r < m; r++) {
      if (!passes(c, idx[r], i, opt, info)) continue;
      info->candidates++;
      size_t shared;
      double d = distance(own, vals + r * ns, b, ns, opt->metric, &shared);
      if (!isnan(d)) insert_hit(hits, nhits, k, idx[r], d, shared);
    }
  }
  free(vals), free(idx), free(own), free(b);
  return st ? sl_error_set(err, st, NULL, 0, 0, "out of memory finding players like %s", p->name) : SL_OK;
}
