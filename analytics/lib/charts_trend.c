/* charts_trend.c - one player's stats across seasons (charts.h): each season of a stacked
 * multi-season table is indexed on its own, so per-90 values and percentiles are those of that
 * season's peers, exactly as `scoutlab percentiles` computes them for one season. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "scoutlab/charts.h"
#include "scoutlab/season.h"

#define OOM(err) sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory")

static int cmp_int(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}

/* The distinct seasons in [first, last] (0 = no bound), sorted, at most SL_PLOT_TREND_MAX_SEASONS
 * of the latest. */
static size_t seasons_in(const sl_table *t, int first, int last, int *out) {
  const sl_column *s = sl_table_role(t, SL_ROLE_SEASON);
  int seen[64];
  size_t n = 0;
  /* A season column of text is no season column, as for sl_table_season_subset; a number no
   * season can be (1e300) is not a season, and no int can hold it. */
  for (size_t r = 0; s && s->num && r < t->nrows; r++) {
    double v = s->num[r];
    if (!(v >= SL_SEASON_MIN && v <= SL_SEASON_MAX) || (first && v < first) || (last && v > last)) continue;
    int y = (int)v, dup = 0;
    for (size_t k = 0; k < n && !dup; k++) dup = seen[k] == y;
    if (!dup && n < sizeof seen / sizeof seen[0]) seen[n++] = y;
  }
  qsort(seen, n, sizeof seen[0], cmp_int);
  size_t skip = n > SL_PLOT_TREND_MAX_SEASONS ? n - SL_PLOT_TREND_MAX_SEASONS : 0;
  for (size_t k = skip; k < n; k++) out[k - skip] = seen[k];
  return n - skip;
}

/* The player's values and percentiles in one season's rows; NaN when he is not there. */
static int one_season(const sl_table *t, int season, const char *player, const sl_profile *pr, const sl_pool *pool,
                      const sl_compare_options *copt, sl_stat_value *v, int *found, const char **name,
                      sl_group *group, sl_charts_store *st, sl_error *err) {
  sl_table *sub = NULL;
  int chosen = 0, e = sl_table_season_subset(t, season, &sub, &chosen, err);
  if (e) return e;
  sl_compare *c = NULL;
  e = sl_compare_new(sub ? sub : t, copt, &c, err);
  size_t i = 0;
  *found = 0;
  if (!e && sl_compare_find(c, player, &i, NULL) == SL_OK) {
    sl_pool_info info;
    e = sl_compare_percentiles(c, i, pr, pool, v, &info, err);
    *found = !e;
    if (!e && !*name) *name = sl_charts_printf(st, "%s", sl_compare_player(c, i)->name);
    if (!e) *group = sl_compare_player(c, i)->group; /* seasons come in order: his latest's stays */
  }
  sl_compare_free(c);
  sl_table_free(sub);
  return e;
}

/* Does season k hold any of his values (he played in it)? */
static int has_value(const double *val, size_t ns, size_t n, size_t k) {
  for (size_t s = 0; s < ns; s++)
    if (isfinite(val[s * n + k])) return 1;
  return 0;
}

int sl_charts_trend_from_table(const sl_table *t, const char *player, const sl_profile *pr, const sl_pool *pool,
                               const sl_compare_options *copt, int first, int last, sl_charts_store *st,
                               sl_plot_trend *out, sl_error *err) {
  memset(out, 0, sizeof *out);
  if (!t || !player || !pr || !pool || !pr->nstats)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "trend: no table, player, profile or pool");
  int years[SL_PLOT_TREND_MAX_SEASONS];
  size_t ns = pr->nstats < SL_PLOT_TREND_MAX_STATS ? pr->nstats : SL_PLOT_TREND_MAX_STATS;
  size_t n = seasons_in(t, first, last, years);
  if (n < 2)
    return sl_error_set(err, SL_EDATA, NULL, 0, 0, "a trend needs two seasons or more; the table holds %zu in %d-%d", n,
                        first, last);
  const char **labels = sl_charts_alloc(st, n, sizeof *labels), **stats = sl_charts_alloc(st, ns, sizeof *stats);
  double *pct = sl_charts_alloc(st, ns * n, sizeof *pct), *val = sl_charts_alloc(st, ns * n, sizeof *val);
  const char **texts = sl_charts_alloc(st, ns * n, sizeof *texts);
  sl_stat_value *v = sl_charts_alloc(st, pr->nstats, sizeof *v);
  if (!labels || !stats || !pct || !val || !v || !texts) return OOM(err);
  const char *name = NULL;
  sl_group own = SL_GROUP_UNKNOWN;
  size_t seasons_found = 0;
  for (size_t k = 0; k < n; k++) {
    char text[SL_SEASON_TEXT_MAX];
    labels[k] = sl_charts_printf(st, "%s", sl_season_text(years[k], text, sizeof text));
    int found = 0, e = one_season(t, years[k], player, pr, pool, copt, v, &found, &name, &own, st, err);
    if (e) return e;
    seasons_found += found;
    for (size_t s = 0; s < ns; s++) {
      pct[s * n + k] = found ? v[s].percentile : NAN;
      val[s * n + k] = found ? v[s].value : NAN;
      char t[32]; /* as the percentiles table and the other charts write the stat */
      texts[s * n + k] = found ? sl_charts_printf(st, "%s", sl_stat_value_text(&pr->stats[s], v[s].value, t, sizeof t)) : "";
      if (!texts[s * n + k]) return OOM(err);
    }
  }
  if (!seasons_found) return sl_error_set(err, SL_ENOTFOUND, NULL, 0, 0, "no player '%s' in any season %d-%d", player,
                                          years[0], years[n - 1]);
  /* His seasons only: the axis and the title start at his first season and end at his last (a
   * player from 2021/22 on is not "2017/18 to 2024/25"). */
  size_t lo = 0, hi = n;
  while (lo < n && !has_value(val, ns, n, lo)) lo++;
  while (hi > lo + 1 && !has_value(val, ns, n, hi - 1)) hi--;
  if (lo == n) /* found, but not one of the stats drawn has a value in any season */
    return sl_error_set(err, SL_EDATA, NULL, 0, 0, "%s has no value of the stats drawn in any season %d-%d", name,
                        years[0], years[n - 1]);
  size_t ranked = 0;
  for (size_t k = lo; k < hi; k++)
    for (size_t s = 0; s < ns; s++) ranked += isfinite(pct[s * n + k]);
  if (!ranked) {
    char a[SL_SEASON_TEXT_MAX], b[SL_SEASON_TEXT_MAX];
    return sl_error_set(err, SL_EDATA, NULL, 0, 0, "%s has fewer than %.0f minutes in every season of %s-%s: no "
                        "percentile to draw (a lower minimum of minutes for the pool would rank him)", name,
                        pool->min_minutes, sl_season_text(years[lo], a, sizeof a), sl_season_text(years[hi - 1], b, sizeof b));
  }
  if (lo > 0 || hi < n) {
    size_t m = hi - lo;
    for (size_t s = 0; s < ns; s++)
      for (size_t k = 0; k < m; k++) /* row s moves from s*n+lo to s*m: never onto a cell not yet read */
        pct[s * m + k] = pct[s * n + lo + k], val[s * m + k] = val[s * n + lo + k], texts[s * m + k] = texts[s * n + lo + k];
    memmove(labels, labels + lo, m * sizeof *labels), memmove(years, years + lo, m * sizeof *years);
    n = m;
  }
  if (n < 2) {
    char a[SL_SEASON_TEXT_MAX];
    return sl_error_set(err, SL_EDATA, NULL, 0, 0, "%s has one season in the table (%s): a trend needs two", name,
                        sl_season_text(years[0], a, sizeof a));
  }
  for (size_t s = 0; s < ns; s++) {
    const sl_profile_stat *p = &pr->stats[s];
    stats[s] = p->kind == SL_STAT_PER90 ? sl_charts_printf(st, "%s per 90", p->label) : p->label;
    if (!stats[s]) return OOM(err);
  }
  char a[SL_SEASON_TEXT_MAX], b[SL_SEASON_TEXT_MAX];
  out->player = name, out->n_seasons = n, out->seasons = labels, out->n_stats = ns, out->stats = stats;
  out->percentile = pct, out->value = val, out->value_text = texts;
  out->common.title = sl_charts_printf(st, "%s, %s to %s", name, sl_season_text(years[0], a, sizeof a),
                                       sl_season_text(years[n - 1], b, sizeof b));
  sl_group g = pr->peers != SL_GROUP_UNKNOWN ? pr->peers : own;
  out->common.subtitle = sl_charts_printf(st, "Percentile among each season's %s %ss with %.0f+ minutes; "
                                              "a gap: a season below that",
                                          pool->kind == SL_POOL_LEAGUE ? "league" : "Big-5",
                                          g != SL_GROUP_UNKNOWN ? sl_group_name(g) : "player", pool->min_minutes);
  return out->common.title && out->common.subtitle ? SL_OK : OOM(err);
}

/* The fbref-big5-yearly columns of each group's trend: column=label, per 90 unless the column
 * ends in '%' (then the rate as given). A centre-back's is a defender's and passer's (and the
 * default of an unknown group); a goalkeeper's the passing his table shares with the others. */
static const char default_trend_stats[] = "TklW=Tackles won,Interceptions=Interceptions,Clearences=Clearances,"
                                          "AerialsWon%=Aerial win %,ProgressivePasses=Progressive passes,"
                                          "TotCmp%=Pass completion %";
static const char *const group_trend_stats[SL_GROUP_COUNT] = {
    [SL_GROUP_GOALKEEPER] = "TotCmp%=Pass completion %,LongCmp%=Long pass completion %,"
                            "ProgressivePasses=Progressive passes,TotDist=Passing distance",
    [SL_GROUP_FULL_BACK] = "TklW=Tackles won,Interceptions=Interceptions,ProgressivePasses=Progressive passes,"
                           "ProgressiveCarries=Progressive carries,CrossesintoPenaltyArea=Crosses into the box,"
                           "xAG=xAG",
    [SL_GROUP_MIDFIELDER] = "ProgressivePasses=Progressive passes,KeyPasses=Key passes,xAG=xAG,"
                            "ProgressiveCarries=Progressive carries,Interceptions+Tkl=Tackles + interceptions,"
                            "TotCmp%=Pass completion %",
    [SL_GROUP_FORWARD] = "npxG=npxG,xAG=xAG,Shots=Shots,SCA=Shot-creating actions,TakeOnSucc=Successful take-ons,"
                         "ProgressiveCarries=Progressive carries",
};

const char *sl_charts_trend_default_stats(sl_group g) {
  return g > SL_GROUP_UNKNOWN && g < SL_GROUP_COUNT && group_trend_stats[g] ? group_trend_stats[g] : default_trend_stats;
}

sl_group sl_charts_trend_player_group(const sl_table *t, const char *player, const sl_compare_options *copt, int first,
                                      int last) {
  int years[SL_PLOT_TREND_MAX_SEASONS];
  size_t n = t && player ? seasons_in(t, first, last, years) : 0;
  sl_group g = SL_GROUP_UNKNOWN;
  for (size_t k = n; k-- > 0 && g == SL_GROUP_UNKNOWN;) { /* his latest season's position */
    sl_table *sub = NULL;
    sl_compare *c = NULL;
    sl_error err;
    int chosen = 0;
    size_t i = 0;
    if (sl_table_season_subset(t, years[k], &sub, &chosen, &err) == SL_OK &&
        sl_compare_new(sub ? sub : t, copt, &c, &err) == SL_OK && sl_compare_find(c, player, &i, NULL) == SL_OK)
      g = sl_compare_player(c, i)->group;
    sl_compare_free(c);
    sl_table_free(sub);
  }
  return g;
}

int sl_charts_trend_profile(const char *spec, sl_charts_store *st, sl_profile *out, sl_error *err) {
  memset(out, 0, sizeof *out);
  if (!spec || !*spec) spec = default_trend_stats;
  char *copy = sl_charts_printf(st, "%s", spec);
  sl_profile_stat *stats = sl_charts_alloc(st, SL_PLOT_TREND_MAX_STATS, sizeof *stats);
  if (!copy || !stats) return OOM(err);
  size_t n = 0;
  for (char *save = NULL, *item = strtok_r(copy, ",", &save); item; item = strtok_r(NULL, ",", &save)) {
    while (*item == ' ') item++;
    if (!*item) continue;
    if (n == SL_PLOT_TREND_MAX_STATS)
      return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "a trend shows at most %d stats", SL_PLOT_TREND_MAX_STATS);
    char *eq = strchr(item, '='), **col = sl_charts_alloc(st, 1, sizeof *col);
    if (!col) return OOM(err);
    if (eq) *eq = '\0';
    *col = item;
    sl_profile_stat *s = &stats[n++];
    s->label = eq && eq[1] ? eq + 1 : item;
    s->stat_group = (char *)"";
    s->columns = col, s->ncolumns = 1, s->weight = 1, s->better = SL_BETTER_HIGHER;
    s->kind = item[strlen(item) - 1] == '%' ? SL_STAT_RAW : SL_STAT_PER90;
  }
  if (!n) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "no stats named for the trend");
  out->role = (char *)"trend", out->peers = SL_GROUP_UNKNOWN, out->stats = stats, out->nstats = n;
  return SL_OK;
}
