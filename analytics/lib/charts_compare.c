/* chart_compare.c - radar, percentile bars and scatter from the compare index (charts.h). */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "scoutlab/charts.h"

#define OOM(err) sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory")

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* Quantile of sorted[0..n) at pct, linear between order statistics (R's default, type 7). */
static double quantile_sorted(const double *sorted, size_t n, double pct) {
  if (!n) return NAN;
  double h = (double)(n - 1) * pct / 100.0;
  size_t lo = (size_t)floor(h);
  size_t hi = lo + 1 < n ? lo + 1 : lo;
  return sorted[lo] + (h - (double)lo) * (sorted[hi] - sorted[lo]);
}

/* The pool's members and their values of `pr` (m x nstats, row-major, NAN when missing). */
static int pool_values(const sl_compare *c, const sl_profile *pr, sl_group g, const sl_pool *pool,
                       const char *ref_league, double **vals, size_t *m, sl_error *err) {
  size_t n = sl_compare_count(c), k = 0;
  double *v = malloc((n ? n : 1) * (pr->nstats ? pr->nstats : 1) * sizeof *v);
  if (!v) return OOM(err);
  for (size_t j = 0; j < n; j++) {
    if (!sl_compare_in_pool(c, j, g, pool, ref_league)) continue;
    int st = sl_compare_values(c, j, pr, v + k * pr->nstats, err);
    if (st) return free(v), st;
    k++;
  }
  *vals = v, *m = k;
  return SL_OK;
}

/* Low/high percentiles of column s of the pool matrix (NANs left out). */
static void column_range(const double *vals, size_t m, size_t nstats, size_t s, double *scratch, double *lo,
                         double *hi) {
  size_t k = 0;
  for (size_t r = 0; r < m; r++)
    if (!isnan(vals[r * nstats + s])) scratch[k++] = vals[r * nstats + s];
  qsort(scratch, k, sizeof *scratch, cmp_double);
  *lo = quantile_sorted(scratch, k, SL_CHARTS_RADAR_LOW_PCT);
  *hi = quantile_sorted(scratch, k, SL_CHARTS_RADAR_HIGH_PCT);
}

/* Value v of stat s as the tables write it (sl_stat_value_text), in the store; "-" when none. */
static const char *value_text(sl_charts_store *st, const sl_profile_stat *s, double v) {
  char buf[32];
  if (!isfinite(v)) return "-";
  return sl_charts_printf(st, "%s", sl_stat_value_text(s, v, buf, sizeof buf));
}

/* "Interceptions" -> "Interceptions per 90"; rates keep or gain their "%"; a season total says
 * so in `total` ("season" on a radar's short axis names, "season total" on a scatter's axes). */
static const char *stat_label_plain(sl_charts_store *st, const sl_profile_stat *s, const char *total) {
  switch (s->kind) {
  case SL_STAT_PER90: return sl_charts_printf(st, "%s per 90", s->label);
  case SL_STAT_RATE: return strchr(s->label, '%') ? s->label : sl_charts_printf(st, "%s (%%)", s->label);
  case SL_STAT_TOTAL: return sl_charts_printf(st, "%s (%s)", s->label, total);
  default: return s->label;
  }
}

/* label, and for a stat where fewer is better (its percentile inverted, so a long bar or an
 * outer point is good) a word saying so: "Errors leading to a shot: 12" alone reads as few. */
static const char *with_direction(sl_charts_store *st, const sl_profile_stat *s, const char *label) {
  return label && s->better == SL_BETTER_LOWER ? sl_charts_printf(st, "%s (fewer is better)", label) : label;
}

static const char *stat_label(sl_charts_store *st, const sl_profile_stat *s) {
  return with_direction(st, s, stat_label_plain(st, s, "season"));
}


/* "Ligue 1 centre-backs with 900+ minutes (n=52)" */
/* "Big 5 (...) centre-backs, 900+ min (n=323)": the pool as sl_compare_pool_text names it, so a
 * chart's subtitle says what compare and percentiles say of the same pool. */
static const char *pool_text(sl_charts_store *st, const sl_compare *c, const sl_pool *pool, sl_group g,
                             const char *ref_league, size_t m) {
  char where[sizeof ((sl_pool_info *)0)->leagues]; /* the text compare gives its pools */
  sl_compare_pool_text(c, pool, ref_league, where, sizeof where);
  return sl_charts_printf(st, "%s %ss, %.0f+ min (n=%zu)", where, sl_group_name(g), pool->min_minutes, m);
}

static const char *season_suffix(sl_charts_store *st, const char *season) {
  return season ? sl_charts_printf(st, ", %s", season) : "";
}

/* Is label `name` in the comma-separated list (case-insensitive, spaces around items ignored)? */
static int in_list(const char *list, const char *name) {
  size_t n = strlen(name);
  for (const char *p = list; *p;) {
    while (*p == ' ' || *p == ',') p++;
    const char *end = strchr(p, ',');
    size_t len = end ? (size_t)(end - p) : strlen(p);
    while (len && p[len - 1] == ' ') len--;
    if (len == n && strncasecmp(p, name, n) == 0) return 1;
    p = end ? end + 1 : p + strlen(p);
  }
  return 0;
}

/* Every item of `axes` must name a stat of the profile. */
static int check_axes(const sl_profile *pr, const char *axes, sl_error *err) {
  for (const char *p = axes; *p;) {
    while (*p == ' ' || *p == ',') p++;
    if (!*p) break;
    const char *end = strchr(p, ',');
    size_t len = end ? (size_t)(end - p) : strlen(p);
    while (len && p[len - 1] == ' ') len--;
    int found = 0;
    for (size_t s = 0; s < pr->nstats && !found; s++)
      found = strlen(pr->stats[s].label) == len && strncasecmp(pr->stats[s].label, p, len) == 0;
    if (!found) {
      char list[1024] = "";
      for (size_t s = 0, used = 0; s < pr->nstats && used < sizeof list; s++)
        used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", s ? ", " : "", pr->stats[s].label);
      return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "no stat '%.*s' in the %s profile; its stats: %s", (int)len, p,
                          pr->role, list);
    }
    p = end ? end + 1 : p + strlen(p);
  }
  return SL_OK;
}

/* Titles fit on one line at 17 pt: full names when they all fit (a family name guessed from
 * the last word is wrong for many: "Caio Henrique Oliveira Silva" is not "Silva"), else surnames. */
#define TITLE_MAX_CHARS 60

/* "A vs B", "A vs B and C", "A vs B, C and D". */
static const char *players_title(sl_charts_store *st, const char *const *name, size_t n) {
  if (n == 2) return sl_charts_printf(st, "%s vs %s", name[0], name[1]);
  if (n == 3) return sl_charts_printf(st, "%s vs %s and %s", name[0], name[1], name[2]);
  char others[512] = "";
  for (size_t p = 1, used = 0; p < n && used < sizeof others; p++)
    used += (size_t)snprintf(others + used, sizeof others - used, "%s%s", p == 1 ? "" : p + 1 == n ? " and " : ", ",
                             name[p]);
  return sl_charts_printf(st, "%s vs %s", name[0], others);
}

static const char *radar_title(sl_charts_store *st, const sl_compare *c, const size_t *idx, size_t n) {
  const char *name[SL_PLOT_BARS_MAX_PLAYERS > SL_PLOT_RADAR_MAX_PLAYERS ? SL_PLOT_BARS_MAX_PLAYERS : SL_PLOT_RADAR_MAX_PLAYERS] = {0};
  for (size_t p = 0; p < n; p++) name[p] = sl_compare_player(c, idx[p])->name;
  const char *full = players_title(st, name, n);
  if (full && strlen(full) <= TITLE_MAX_CHARS) return full;
  for (size_t p = 0; p < n; p++) name[p] = sl_charts_family_name(st, name[p]);
  return players_title(st, name, n);
}

/* Picks the axes: the named ones, else up to the cap taken in turn from each stat group so that
 * defending, passing and carrying all show, kept in profile order; drops empty ranges. */
static size_t radar_axes(const sl_profile *pr, const char *axes, const double *lo, const double *hi, size_t *pick) {
  size_t k = 0, n = pr->nstats;
  int *taken = calloc(n ? n : 1, sizeof *taken);
  if (!taken) return 0;
  for (size_t s = 0; s < n; s++) {
    int ok = isfinite(lo[s]) && isfinite(hi[s]) && lo[s] != hi[s];
    if (!ok) taken[s] = -1; /* never drawn */
    else if (axes) taken[s] = in_list(axes, pr->stats[s].label);
  }
  for (size_t round = 0; !axes && k < SL_CHARTS_RADAR_MAX_AXES && round < n; round++)
    for (size_t s = 0; s < n && k < SL_CHARTS_RADAR_MAX_AXES; s++) {
      size_t rank = 0; /* s is the rank-th usable stat of its group */
      for (size_t t = 0; t < s; t++) rank += taken[t] >= 0 && strcmp(pr->stats[t].stat_group, pr->stats[s].stat_group) == 0;
      if (taken[s] == 0 && rank == round) taken[s] = 1, k++;
    }
  k = 0;
  for (size_t s = 0; s < n; s++)
    if (taken[s] == 1) pick[k++] = s;
  free(taken);
  return k;
}

static const char *mark_few_minutes(const sl_compare *c, const size_t *idx, size_t n, const sl_pool *pool,
                                    int ranked, const char **players, sl_charts_store *st);

static int radar_fill(const sl_compare *c, const sl_profile *pr, const sl_pool *pool, const size_t *idx, size_t n,
                      const size_t *pick, size_t na, const double *lo, const double *hi, sl_charts_store *st,
                      sl_plot_radar *out, const char **few, sl_error *err) {
  const char **players = sl_charts_alloc(st, n, sizeof *players), **labels = sl_charts_alloc(st, na, sizeof *labels);
  double *values = sl_charts_alloc(st, n * na, sizeof *values), *own = sl_charts_alloc(st, pr->nstats, sizeof *own);
  double *low = sl_charts_alloc(st, na, sizeof *low), *high = sl_charts_alloc(st, na, sizeof *high);
  const char **low_text = sl_charts_alloc(st, na, sizeof *low_text), **high_text = sl_charts_alloc(st, na, sizeof *high_text);
  if (!players || !labels || !values || !own || !low || !high || !low_text || !high_text) return OOM(err);
  for (size_t a = 0; a < na; a++) {
    const sl_profile_stat *s = &pr->stats[pick[a]];
    int flip = s->better == SL_BETTER_LOWER; /* fewer errors sit at the rim, as better values do */
    labels[a] = stat_label(st, s);
    /* No better side (Launch %): further out is more, not better; the percentile chart greys it. */
    if (labels[a] && s->better == SL_BETTER_NEUTRAL) labels[a] = sl_charts_printf(st, "%s (style)", labels[a]);
    low[a] = flip ? hi[pick[a]] : lo[pick[a]], high[a] = flip ? lo[pick[a]] : hi[pick[a]];
    low_text[a] = value_text(st, s, low[a]), high_text[a] = value_text(st, s, high[a]); /* as the tables write them */
    if (!labels[a] || !low_text[a] || !high_text[a]) return OOM(err);
  }
  for (size_t p = 0; p < n; p++) {
    players[p] = sl_compare_player(c, idx[p])->name;
    int e = sl_compare_values(c, idx[p], pr, own, err);
    if (e) return e;
    for (size_t a = 0; a < na; a++) values[p * na + a] = own[pick[a]];
  }
  if (!(*few = mark_few_minutes(c, idx, n, pool, 1, players, st))) return OOM(err);
  out->n_players = n, out->players = players, out->n_axes = na, out->axes = labels;
  out->values = values, out->axis_low = low, out->axis_high = high;
  out->axis_low_text = low_text, out->axis_high_text = high_text;
  return SL_OK;
}

/* The legend's name of a player under the pool's minutes carries them ("Gleison Bremer (540
 * min)"): his radar shape rests on few minutes, and his bars (percentiles) are not drawn at all.
 * Returns the subtitle's clause that says so ("" when every player is in the pool), NULL when
 * out of memory. */
static const char *mark_few_minutes(const sl_compare *c, const size_t *idx, size_t n, const sl_pool *pool,
                                    int ranked, const char **players, sl_charts_store *st) {
  size_t few = 0;
  const sl_player *one = NULL;
  for (size_t p = 0; p < n; p++) {
    const sl_player *pl = sl_compare_player(c, idx[p]);
    if (!(pl->minutes < pool->min_minutes)) continue;
    if (!(players[p] = sl_charts_printf(st, "%s (%.0f min)", pl->name, pl->minutes))) return NULL;
    few++, one = pl;
  }
  const char *what = ranked ? "drawn from few minutes" : "not ranked, no bars";
  if (!few) return "";
  if (few == 1)
    return sl_charts_printf(st, "; %s's %.0f minutes are under the pool's %.0f: %s", sl_charts_family_name(st, one->name),
                            one->minutes, pool->min_minutes, what);
  return sl_charts_printf(st, "; (N min): under the pool's %.0f, %s", pool->min_minutes, what);
}

int sl_charts_radar_count_check(size_t n, sl_error *err) {
  if (n >= SL_PLOT_RADAR_MIN_PLAYERS && n <= SL_PLOT_RADAR_MAX_PLAYERS) return SL_OK;
  return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "a radar compares %d to %d players (got %zu)",
                      SL_PLOT_RADAR_MIN_PLAYERS, SL_PLOT_RADAR_MAX_PLAYERS, n);
}

int sl_charts_radar_from_compare(const sl_compare *c, const sl_profile *pr, const sl_pool *pool, const size_t *idx,
                                size_t n, const char *axes, const char *season, sl_charts_store *st,
                                sl_plot_radar *out, sl_error *err) {
  memset(out, 0, sizeof *out);
  if (!c || !pr || !pool || !idx) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "no players to draw");
  int bad = sl_charts_radar_count_check(n, err);
  if (bad) return bad;
  if (axes && check_axes(pr, axes, err)) return err->code;
  const sl_player *first = sl_compare_player(c, idx[0]);
  sl_group g = pr->peers != SL_GROUP_UNKNOWN ? pr->peers : first->group;
  double *vals = NULL, *lo = sl_charts_alloc(st, pr->nstats, sizeof *lo), *hi = sl_charts_alloc(st, pr->nstats, sizeof *hi);
  size_t m = 0, *pick = sl_charts_alloc(st, pr->nstats, sizeof *pick);
  if (!lo || !hi || !pick) return OOM(err);
  int e = pool_values(c, pr, g, pool, first->league, &vals, &m, err);
  if (e) return e;
  double *scratch = malloc((m ? m : 1) * sizeof *scratch);
  if (!scratch) return free(vals), OOM(err);
  for (size_t s = 0; s < pr->nstats; s++) column_range(vals, m, pr->nstats, s, scratch, &lo[s], &hi[s]);
  free(scratch), free(vals);
  size_t na = radar_axes(pr, axes, lo, hi, pick);
  if (na < SL_PLOT_RADAR_MIN_AXES)
    return sl_error_set(err, SL_EDATA, NULL, 0, 0, "only %zu stats of the %s profile vary in the pool (%zu players): "
                        "a radar needs %d", na, pr->role, m, SL_PLOT_RADAR_MIN_AXES);
  const char *few = "";
  e = radar_fill(c, pr, pool, idx, n, pick, na, lo, hi, st, out, &few, err);
  if (e) return e;
  out->common.title = radar_title(st, c, idx, n);
  out->common.subtitle = sl_charts_printf(st, "Against %s%s; axes: the pool's 5th-95th percentile%s",
                                         pool_text(st, c, pool, g, first->league, m), season_suffix(st, season), few);
  return out->common.title && out->common.subtitle ? SL_OK : OOM(err);
}

/* ---- percentiles ----------------------------------------------------------------------------- */

static const char *capitalised(sl_charts_store *st, const char *s) {
  char *t = sl_charts_printf(st, "%s", s ? s : "");
  if (t && t[0]) t[0] = (char)toupper((unsigned char)t[0]);
  return t;
}

int sl_charts_percentiles_from_compare(const sl_compare *c, const sl_profile *pr, const sl_pool *pool, size_t i,
                                      const char *season, sl_charts_store *st, sl_plot_percentiles *out,
                                      sl_error *err) {
  memset(out, 0, sizeof *out);
  size_t n = pr->nstats;
  sl_stat_value *v = sl_charts_alloc(st, n, sizeof *v);
  const char **stats = sl_charts_alloc(st, n, sizeof *stats), **groups = sl_charts_alloc(st, n, sizeof *groups);
  double *pct = sl_charts_alloc(st, n, sizeof *pct), *val = sl_charts_alloc(st, n, sizeof *val);
  const char **text = sl_charts_alloc(st, n, sizeof *text);
  int *neutral = sl_charts_alloc(st, n, sizeof *neutral);
  if (!v || !stats || !groups || !pct || !val || !text || !neutral) return OOM(err);
  sl_pool_info info;
  int e = sl_compare_percentiles(c, i, pr, pool, v, &info, err);
  if (e) return e;
  for (size_t s = 0; s < n; s++) {
    const sl_profile_stat *ps = &pr->stats[s];
    stats[s] = with_direction(st, ps, ps->label); /* the percentile is already inverted: a long bar is good */
    groups[s] = capitalised(st, ps->stat_group);
    pct[s] = v[s].percentile, val[s] = v[s].value;
    text[s] = value_text(st, ps, v[s].value); /* as the percentiles table writes it */
    if (v[s].few && text[s]) /* a rate of 1 in 2: the reader needs the count to weigh the bar */
      text[s] = sl_charts_printf(st, "%s (of %.0f)", text[s], v[s].attempts);
    neutral[s] = ps->better == SL_BETTER_NEUTRAL;
    if (!stats[s] || !groups[s] || !text[s]) return OOM(err);
  }
  const sl_player *p = sl_compare_player(c, i);
  out->player = p->name, out->n_stats = n, out->stats = stats, out->groups = groups;
  out->percentile = pct, out->value = val, out->value_text = text, out->neutral = neutral;
  const char *where = pool->kind == SL_POOL_LEAGUE ? p->league : info.leagues;
  out->xlabel = sl_charts_printf(st, "Percentile among %s %ss (%%)", where, sl_group_name(info.group));
  out->common.title = sl_charts_printf(st, "%s: %s profile", p->name, pr->role);
  /* His standing first: the pizza drops the part from "; value per 90" on. */
  const char *standing = info.small_sample ? sl_charts_printf(st, "; his %.0f minutes are under the pool's %.0f: values "
                                                                  "shown, not ranked", p->minutes, pool->min_minutes)
                         : info.player_in_pool ? "" : " (he is outside the pool)";
  /* The small-sample clause takes the place of "value per 90 ... beside each bar" (the value
   * column's header says it too): both made a second line longer than the canvas. */
  /* Every league he played in: a January mover's clubs are in two ("Napoli, Paris S-G, Serie A,
   * Ligue 1"), not in his main club's alone. */
  out->common.subtitle = sl_charts_printf(st, "%s, %s%s against %s%s%s", p->clubs, sl_compare_player_leagues(p),
                                         season_suffix(st, season),
                                         pool_text(st, c, pool, info.group, p->league, info.size), standing,
                                         info.small_sample ? "" : "; value per 90 (or rate) beside each bar");
  return out->xlabel && out->common.title && out->common.subtitle ? SL_OK : OOM(err);
}

/* ---- scatter ----------------------------------------------------------------------------------- */

/* A one-stat definition: the profile's stat of that label, else the column (per 90, or as given
 * for a name ending in '%'). */
static int stat_definition(const sl_profile *pr, const sl_table *stats, const char *name, sl_profile_stat *out,
                           char **column, sl_error *err) {
  for (size_t s = 0; pr && s < pr->nstats; s++)
    if (strcasecmp(pr->stats[s].label, name) == 0) return *out = pr->stats[s], SL_OK;
  if (!stats || !sl_table_column(stats, name)) {
    char list[1024] = "";
    for (size_t s = 0, used = 0; pr && s < pr->nstats && used < sizeof list; s++)
      used += (size_t)snprintf(list + used, sizeof list - used, "%s%s", s ? ", " : "", pr->stats[s].label);
    return sl_error_set(err, SL_ENOTFOUND, NULL, 0, 0,
                        "no stat '%s': neither a stat of the %s profile (%s) nor a column of the stats file", name,
                        pr ? pr->role : "chosen", list);
  }
  memset(out, 0, sizeof *out);
  *column = (char *)name;
  out->label = (char *)name, out->stat_group = (char *)"", out->columns = column, out->ncolumns = 1;
  size_t len = strlen(name);
  out->kind = len && name[len - 1] == '%' ? SL_STAT_RAW : SL_STAT_PER90;
  out->weight = 1;
  return SL_OK;
}

/* 1 + the player's place among the highlighted (his colour number), or 0. */
static int is_highlighted(const size_t *h, size_t nh, size_t j) {
  for (size_t k = 0; k < nh; k++)
    if (h[k] == j) return (int)k + 1;
  return 0;
}

int sl_charts_scatter_from_compare(const sl_compare *c, const sl_table *stats, const sl_profile *pr, sl_group g,
                                  const sl_pool *pool, const char *ref_league, const char *x_stat,
                                  const char *y_stat, const size_t *highlight, size_t nh, const char *season,
                                  sl_charts_store *st, sl_plot_scatter *out, sl_error *err) {
  memset(out, 0, sizeof *out);
  sl_profile_stat two[2];
  char *colx, *coly;
  if (stat_definition(pr, stats, x_stat, &two[0], &colx, err) || stat_definition(pr, stats, y_stat, &two[1], &coly, err))
    return err->code;
  sl_profile xy = {(char *)"scatter", g, two, 2};
  size_t n = sl_compare_count(c), k = 0, members = 0;
  const char **names = sl_charts_alloc(st, n, sizeof *names);
  double *x = sl_charts_alloc(st, n, sizeof *x), *y = sl_charts_alloc(st, n, sizeof *y);
  int *hl = sl_charts_alloc(st, n, sizeof *hl);
  if (!names || !x || !y || !hl) return OOM(err);
  for (size_t j = 0; j < n; j++) {
    int in = sl_compare_in_pool(c, j, g, pool, ref_league), h = is_highlighted(highlight, nh, j);
    if (!in && !h) continue;
    double v[2];
    int e = sl_compare_values(c, j, &xy, v, err);
    if (e) return e;
    names[k] = sl_compare_player(c, j)->name, x[k] = v[0], y[k] = v[1], hl[k] = h;
    members += in, k++;
  }
  out->n = k, out->names = names, out->x = x, out->y = y, out->highlight = hl;
  out->xlabel = stat_label_plain(st, &two[0], "season total"), out->ylabel = stat_label_plain(st, &two[1], "season total");
  out->common.title = sl_charts_printf(st, "%s against %s", two[1].label, two[0].label);
  out->common.subtitle = sl_charts_printf(st, "%s%s; dashed lines are the pool medians", pool_text(st, c, pool, g, ref_league, members),
                                         season_suffix(st, season));
  return out->xlabel && out->ylabel && out->common.title && out->common.subtitle ? SL_OK : OOM(err);
}

/* ---- pizza and bars ------------------------------------------------------------------------ */

int sl_charts_pizza_from_compare(const sl_compare *c, const sl_profile *pr, const sl_pool *pool, size_t i,
                                 const char *season, sl_charts_store *st, sl_plot_pizza *out, sl_error *err) {
  int e = sl_charts_percentiles_from_compare(c, pr, pool, i, season, st, out, err);
  if (e) return e;
  const char **stats = (const char **)out->stats; /* the store's own array, filled just above */
  for (size_t s = 0; s < out->n_stats; s++) {
    const sl_profile_stat *ps = &pr->stats[s];
    stats[s] = with_direction(st, ps, ps->kind == SL_STAT_PER90 ? sl_charts_printf(st, "%s per 90", ps->label) : ps->label);
    if (!stats[s]) return OOM(err);
  }
  const sl_player *p = sl_compare_player(c, i);
  out->common.title = sl_charts_printf(st, "%s: %s percentiles", p->name, pr->role);
  /* The bars' subtitle ends "...; value per 90 (or rate) beside each bar": say where it is here. */
  const char *sub = out->common.subtitle, *cut = sub ? strstr(sub, "; value per 90") : NULL;
  if (cut) out->common.subtitle = sl_charts_printf(st, "%.*s%s", (int)(cut - sub), sub, strchr(cut + 1, ';') ? strchr(cut + 1, ';') : "");
  return out->common.title && out->common.subtitle ? SL_OK : OOM(err);
}

int sl_charts_bars_from_compare(const sl_compare *c, const sl_profile *pr, const sl_pool *pool, const size_t *idx,
                                size_t n, const char *axes, const char *season, sl_charts_store *st,
                                sl_plot_bars *out, sl_error *err) {
  memset(out, 0, sizeof *out);
  if (!c || !pr || !pool || !idx || n < 2 || n > SL_PLOT_BARS_MAX_PLAYERS)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "a bars chart compares 2 to %d players (got %zu)",
                        SL_PLOT_BARS_MAX_PLAYERS, n);
  if (axes && check_axes(pr, axes, err)) return err->code;
  size_t ns = pr->nstats;
  double *lo = sl_charts_alloc(st, ns, sizeof *lo), *hi = sl_charts_alloc(st, ns, sizeof *hi);
  size_t *pick = sl_charts_alloc(st, ns, sizeof *pick);
  sl_stat_value *v = sl_charts_alloc(st, ns, sizeof *v);
  if (!lo || !hi || !pick || !v) return OOM(err);
  for (size_t s = 0; s < ns; s++) lo[s] = 0, hi[s] = 1; /* every stat is drawable on the 0-100 scale */
  size_t na = radar_axes(pr, axes, lo, hi, pick);
  const char **players = sl_charts_alloc(st, n, sizeof *players), **labels = sl_charts_alloc(st, na, sizeof *labels);
  double *pct = sl_charts_alloc(st, n * na, sizeof *pct), *val = sl_charts_alloc(st, n * na, sizeof *val);
  const char **text = sl_charts_alloc(st, n * na, sizeof *text);
  if (!players || !labels || !pct || !val || !text) return OOM(err);
  sl_pool_info info = {0};
  for (size_t p = 0; p < n; p++) {
    int e = sl_compare_percentiles(c, idx[p], pr, pool, v, &info, err);
    if (e) return e;
    players[p] = sl_compare_player(c, idx[p])->name;
    for (size_t a = 0; a < na; a++) {
      pct[p * na + a] = v[pick[a]].percentile, val[p * na + a] = v[pick[a]].value;
      if (!(text[p * na + a] = value_text(st, &pr->stats[pick[a]], v[pick[a]].value))) return OOM(err);
    }
  }
  for (size_t a = 0; a < na; a++)
    if (!(labels[a] = stat_label(st, &pr->stats[pick[a]]))) return OOM(err);
  const char *few = mark_few_minutes(c, idx, n, pool, 0, players, st);
  if (!few) return OOM(err);
  const sl_player *first = sl_compare_player(c, idx[0]);
  const char *where = pool->kind == SL_POOL_LEAGUE ? first->league : info.leagues;
  out->n_players = n, out->players = players, out->n_stats = na, out->stats = labels;
  out->percentile = pct, out->value = val, out->value_text = text;
  out->xlabel = sl_charts_printf(st, "Percentile among %s %ss", where, sl_group_name(info.group));
  out->common.title = radar_title(st, c, idx, n);
  /* what bars and numbers mean is the caption's (the writer leaves the numbers out when too thin) */
  out->common.subtitle = sl_charts_printf(st, "Against %s%s%s",
                                          pool_text(st, c, pool, info.group, first->league, info.size), season_suffix(st, season), few);
  return out->xlabel && out->common.title && out->common.subtitle ? SL_OK : OOM(err);
}
