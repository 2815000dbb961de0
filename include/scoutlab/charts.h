/* charts.h - chart data assembly and rendering: turns module results (compare, squad, the fee
 * model) into the plot module's chart structs (plot.h), and renders them with gnuplot safely.
 *
 * Each sl_charts_*_from_* builder fills one sl_plot_* struct: the data, axis labels with units,
 * a default title and a subtitle (season, pool, minimum minutes). The library never prints:
 * failures fill sl_error, and what a caller may want to tell the user (where a script was kept)
 * is returned in sl_charts_result.
 *
 * Memory: the arrays and strings a builder points to are allocated in an sl_charts_store, which
 * the caller owns and frees with sl_charts_store_free() after rendering (the sl_plot_* struct is
 * the caller's, usually on the stack, and is valid while the store lives). The module objects
 * handed in (sl_compare, sl_squad, sl_fees_model) are only read, and must outlive the store's
 * use. Strings in sl_charts_output are borrowed for the duration of the call. Credits are left
 * NULL by the builders: sl_charts_credits() makes "Data: FILE | Chart: scoutlab".
 *
 * Files: sl_charts_render() never overwrites or deletes a file it did not create: the script is
 * written where the caller asks (o->script), else to a new temporary file that it removes; an
 * output, script or input that name the same file (or a template) is refused with SL_EINVAL.
 *
 *   sl_charts_store *st = sl_charts_store_new(); sl_plot_radar r; sl_charts_result res;
 *   if (sl_charts_radar_from_compare(c, profile, &pool, idx, 2, NULL, NULL, st, &r, &err) == SL_OK)
 *     sl_charts_render(SL_CHARTS_RADAR, &r, &(sl_charts_output){.output = "r.png", .plotdir = "plots"}, &res, &err);
 *   sl_charts_store_free(st);
 */
#ifndef SCOUTLAB_CHARTS_H
#define SCOUTLAB_CHARTS_H

#include <stddef.h>
#include <stdint.h>

#include "scoutlab/compare.h"
#include "scoutlab/error.h"
#include "scoutlab/fees.h"
#include "scoutlab/plot.h"
#include "scoutlab/squad.h"

#include "scoutlab/export.h"

SL_BEGIN_DECLS /* C linkage, exported; thread safety: see scoutlab/export.h */

/* The radar's axes are taken from the pool's 5th and 95th percentiles: the middle 90% of the
 * peers fill the chart and one outlier cannot squash everyone else into the centre. */
#define SL_CHARTS_RADAR_LOW_PCT 5.0
#define SL_CHARTS_RADAR_HIGH_PCT 95.0
/* A radar with more spokes than this is unreadable at article size (spoke labels collide). */
#define SL_CHARTS_RADAR_MAX_AXES 8
/* Outfield peak years shaded on the squad chart: the squad module's age curve (docs/squad.md). */
#define SL_CHARTS_PEAK_AGE_LOW 24.0
#define SL_CHARTS_PEAK_AGE_HIGH 29.0
/* Squad chart: players under 5% of the team's minutes (under two full matches of 34) are a
 * crowd of colliding labels along the bottom; a min_share of 0 shows them. */
#define SL_CHARTS_SQUAD_MIN_SHARE 0.05
/* Importance chart: more bars than this no longer leave a readable line per name at 675 px. */
#define SL_CHARTS_IMPORTANCE_TOP 15
/* The fee chart's refit: the seed and held-out seasons of every command (fees.h), so that the
 * chart's coverage is the one fit and the report print. */
#define SL_CHARTS_FIT_SEED SL_FEES_DEFAULT_SEED
#define SL_CHARTS_HOLDOUT_SEASONS SL_FEES_DEFAULT_HOLDOUT_SEASONS
/* Age curve sweep: the ages at which transfers are common in the training data. */
#define SL_CHARTS_AGE_FROM 17.0
#define SL_CHARTS_AGE_TO 35.0
#define SL_CHARTS_AGE_STEP 0.5
/* The age curve's second line when none is asked for: two more years on his contract. */
#define SL_CHARTS_DEFAULT_CONTRACT_WHAT_IF "contract-months=+24"

/** Chart types, in the order of `scoutlab chart TYPE`. */
typedef enum sl_charts_kind {
  SL_CHARTS_RADAR = 0,
  SL_CHARTS_PERCENTILES,
  SL_CHARTS_SCATTER,
  SL_CHARTS_FEES,
  SL_CHARTS_AGE_CURVE,
  SL_CHARTS_SQUAD,
  SL_CHARTS_IMPORTANCE,
  SL_CHARTS_PIZZA,
  SL_CHARTS_BARS,
  SL_CHARTS_TREND,
  SL_CHARTS_KIND_COUNT
} sl_charts_kind;

/** The chart type's name ("radar", "age-curve"); "" when out of range. Static storage. */
const char *sl_charts_kind_name(sl_charts_kind k);

/** Parses a chart type name; -1 when unknown. */
int sl_charts_kind_parse(const char *name);

/* ---- storage ------------------------------------------------------------------------------ */

typedef struct sl_charts_store sl_charts_store;

/** A new, empty store, or NULL when out of memory. Free it with sl_charts_store_free(). */
sl_charts_store *sl_charts_store_new(void);

/** Frees the store and everything allocated in it; NULL does nothing. */
void sl_charts_store_free(sl_charts_store *st);

/** Zeroed memory for n items of size bytes owned by the store, or NULL when out of memory. */
void *sl_charts_alloc(sl_charts_store *st, size_t n, size_t size);

/** printf into a string owned by the store, or NULL when out of memory. */
char *sl_charts_printf(sl_charts_store *st, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/** The family name a chart's headline uses (sl_name_family: "Balerdi", "Kim" of "Kim Min-jae"),
 *  copied into the store; NULL when out of memory. */
const char *sl_charts_family_name(sl_charts_store *st, const char *name);

/** "Data: a.csv, b.csv | Chart: scoutlab" from the base names of files (directories keep their
 *  own name), owned by the store. */
const char *sl_charts_credits(sl_charts_store *st, const char *const *files, size_t n);

/** Credits for a fee model: the transfer files it learned from ("transfers-tm (290 files)"),
 *  else `sources`. Owned by the store. */
const char *sl_charts_model_credits(sl_charts_store *st, const sl_fees_model *m, const char *const *sources,
                                    size_t n);

/** The season written in a file name ("players_data-2024_2025.csv" -> "2024-25"), owned by
 *  the store, or NULL when there is none. */
const char *sl_charts_season_from_name(sl_charts_store *st, const char *path);

/* ---- builders ------------------------------------------------------------------------------ */

/** Radar of players idx[0..n) (2-6: SL_PLOT_RADAR_MIN/MAX_PLAYERS) on `profile` against `pool` (peers of the profile's group,
 *  or the first player's group; league pools use the first player's league). Axes are the
 *  profile's stats, or those named in `axes` (comma-separated labels, case-insensitive;
 *  NULL = all, at most SL_CHARTS_RADAR_MAX_AXES). Each axis runs from the pool's 5th to 95th
 *  percentile (reversed for lower-is-better stats); stats whose range is empty in the pool
 *  are left out. season may be NULL. SL_EINVAL for a bad count or an unknown axis name,
 *  SL_EDATA when fewer than 3 axes remain. */
int sl_charts_radar_from_compare(const sl_compare *c, const sl_profile *profile, const sl_pool *pool,
                                 const size_t *idx, size_t n, const char *axes, const char *season,
                                 sl_charts_store *st, sl_plot_radar *out, sl_error *err);

/** The radar's rule on how many players it draws (SL_PLOT_RADAR_MIN_PLAYERS to
 *  SL_PLOT_RADAR_MAX_PLAYERS): SL_OK, or SL_EINVAL saying so. For a caller that checks before it
 *  loads anything; sl_charts_radar_from_compare() applies the same rule. */
int sl_charts_radar_count_check(size_t n, sl_error *err);

/** Percentile bars of player i on `profile` against `pool` (sl_compare_percentiles). */
int sl_charts_percentiles_from_compare(const sl_compare *c, const sl_profile *profile, const sl_pool *pool,
                                       size_t i, const char *season, sl_charts_store *st,
                                       sl_plot_percentiles *out, sl_error *err);

/** Percentile pizza of player i: the percentile bars' data (sl_charts_percentiles_from_compare)
 *  drawn as slices, per-90 stats labelled "per 90". */
int sl_charts_pizza_from_compare(const sl_compare *c, const sl_profile *profile, const sl_pool *pool, size_t i,
                                 const char *season, sl_charts_store *st, sl_plot_pizza *out, sl_error *err);

/** Comparison bars of players idx[0..n) (2-6) on the radar's stats of `profile` (or those named
 *  in `axes`): each player's percentile against `pool` and his value. */
int sl_charts_bars_from_compare(const sl_compare *c, const sl_profile *profile, const sl_pool *pool,
                                const size_t *idx, size_t n, const char *axes, const char *season,
                                sl_charts_store *st, sl_plot_bars *out, sl_error *err);

/** Trend of one player across the seasons of a stacked multi-season table (a season column, as
 *  sl_table_load_yearly makes): for each season from `first` to `last` (first years; 0 = every
 *  season present), the table's rows of that season are indexed (sl_compare_new) and the
 *  player's value and percentile against `pool` computed for each stat of `profile` (at most
 *  SL_PLOT_TREND_MAX_STATS), each season indexed with `copt` (may be NULL; its positions table
 *  gives players the position group a season's columns cannot). `player` is found as sl_compare_find does; a season he is absent
 *  from, or below the pool's minutes, is NaN. SL_ENOTFOUND when he is in no season. */
int sl_charts_trend_from_table(const sl_table *seasons, const char *player, const sl_profile *profile,
                               const sl_pool *pool, const sl_compare_options *copt, int first, int last,
                               sl_charts_store *st, sl_plot_trend *out, sl_error *err);

/** A trend profile from "COLUMN=Label,COLUMN,..." (NULL or "": six defender and passer stats
 *  of the fbref-big5-yearly layout): per 90 unless the column ends in '%'. Strings and arrays
 *  live in the store. SL_EINVAL for more than SL_PLOT_TREND_MAX_STATS or none. */
int sl_charts_trend_profile(const char *spec, sl_charts_store *st, sl_profile *out, sl_error *err);

/** The trend stats of a position group, in sl_charts_trend_profile's form, for the
 *  fbref-big5-yearly layout: a centre-back's (and an unknown group's) defending and passing, a
 *  full-back's defending, progression and crossing, a midfielder's progression and chance
 *  creation, a winger-forward's shooting and chance creation, a goalkeeper's passing. Static. */
const char *sl_charts_trend_default_stats(sl_group g);

/** The player's position group in his latest season of the table within first..last (0: no
 *  bound), as the compare index reads it; SL_GROUP_UNKNOWN when he is in none. */
sl_group sl_charts_trend_player_group(const sl_table *seasons, const char *player, const sl_compare_options *copt,
                                      int first, int last);

/** Scatter of two stats over the pool of position group g (league pools: ref_league).
 *  Each of x_stat / y_stat is a label of `profile` (its definition: per 90, rate...) or else a
 *  stats-table column, taken per 90 (or as given when the name ends in '%'). Players
 *  highlight[0..nh) are coloured and named, and drawn even when outside the pool.
 *  SL_ENOTFOUND naming the stat when it is neither. */
int sl_charts_scatter_from_compare(const sl_compare *c, const sl_table *stats, const sl_profile *profile,
                                   sl_group g, const sl_pool *pool, const char *ref_league, const char *x_stat,
                                   const char *y_stat, const size_t *highlight, size_t nh, const char *season,
                                   sl_charts_store *st, sl_plot_scatter *out, sl_error *err);

/** Fee model fit on held-out transfers: the model's deals of seasons >= holdout_from (0 = the
 *  model's last SL_CHARTS_HOLDOUT_SEASONS) are held out, the model is refitted with the same
 *  terms and options on the earlier ones (`seed` for its calibration split: SL_CHARTS_FIT_SEED
 *  reproduces `scoutlab fit`'s time split), and each held-out deal is valued at `level` (0 =
 *  the model's). When player is not NULL, his estimate and interval come from the full model
 *  m, and a finite bid > 0 is marked. SL_EDATA when either side of the split is empty.
 *  (The refit repeats what fees_eval.c does for `fit --holdout-from`: the fees module has no
 *  public call that returns the held-out predictions themselves.) */
int sl_charts_fee_fit_from_model(const sl_fees_model *m, int holdout_from, double level, uint64_t seed,
                                 const sl_fees_player *player, double bid, sl_charts_store *st,
                                 sl_plot_fee_fit *out, sl_error *err);

/** The model's fee for `player` at each age from SL_CHARTS_AGE_FROM to SL_CHARTS_AGE_TO, with
 *  its interval at `level`, the player marked at his age; with what_if (an sl_fees_player_apply
 *  text such as "contract-until=2029") a second line under that change. */
int sl_charts_age_curve_from_model(const sl_fees_model *m, const sl_fees_player *player, double level,
                                   const char *what_if, sl_charts_store *st, sl_plot_age_curve *out,
                                   sl_error *err);

/** The age curve's default what-if for p: SL_CHARTS_DEFAULT_CONTRACT_WHAT_IF when his contract is
 *  known and the model has a contract term, else NULL. Static storage. */
const char *sl_charts_default_what_if(const sl_fees_model *m, const sl_fees_player *p);

/** Squad profile of club k: age against share of minutes, importance as colour and size,
 *  contract end ("2027") as labels when the squad was scored with contracts and `season` (the
 *  first year of the season, as sl_squad_options.season; 0 = none). Players below
 *  min_share of the team's minutes are left out (0 keeps everyone), except the highlighted:
 *  highlight[0..nh) are entries of the club (sl_squad_find_in_club), ringed and named in bold.
 *  SL_EINVAL for an entry of another club. */
int sl_charts_squad_from_squad(const sl_squad *s, size_t club, int season, double min_share,
                               const size_t *highlight, size_t nh, sl_charts_store *st,
                               sl_plot_squad *out, sl_error *err);

/** Importance breakdown of club k's `top` most important players (0 = SL_CHARTS_IMPORTANCE_TOP,
 *  SIZE_MAX = all): one segment per component present, worth weight x score points so that
 *  segments add up to the total. The highlighted entries (as for the squad chart) are shaded,
 *  and one ranked below the top is added under it, his rank in the subtitle. */
int sl_charts_importance_from_squad(const sl_squad *s, size_t club, size_t top, int season,
                                    const size_t *highlight, size_t nh, sl_charts_store *st,
                                    sl_plot_importance *out, sl_error *err);

/* ---- rendering ----------------------------------------------------------------------------- */

/** Where and how a chart is drawn. Strings may be NULL except output. */
typedef struct sl_charts_output {
  const char *output;   /* FILE.png|svg|pdf */
  const char *script;   /* keep the script here; NULL: a temporary file, removed after success */
  const char *title;    /* replaces the builder's title */
  const char *subtitle; /* replaces the builder's subtitle */
  const char *credits;  /* replaces the builder's credits */
  int width, height;    /* canvas in CSS pixels (96 per inch); 0 = 1200x675 for PNG, 16x9 cm
                           (SL_PLOT_PRINT_WIDTH x HEIGHT) for PDF and SVG */
  double dpi;           /* PNG: output pixels per inch (0 = 96: one pixel per canvas pixel) */
  const char *plotdir;  /* the templates' directory; NULL = "plots" in the working directory */
  const char *gnuplot;  /* gnuplot program; NULL = gnuplot on PATH */
  const char *const *inputs; /* files the chart was made from: never written (may be NULL) */
  size_t ninputs;
} sl_charts_output;

/* Longest path sl_charts_result holds (Linux PATH_MAX). */
#define SL_CHARTS_PATH_MAX 4096

/** What sl_charts_render tells its caller. */
typedef struct sl_charts_result {
  char script[SL_CHARTS_PATH_MAX]; /* the script kept (asked for, or kept because gnuplot
                                      failed), "" when none is left */
  int width, height;              /* the canvas drawn, pixels */
} sl_charts_result;

/** Refuses an output whose name does not end in .png, .svg or .pdf, a name that is not plain
 *  UTF-8, a directory that does not exist, and (SL_EINVAL, naming both) an output or script that
 *  is the same file as another of them, as one of o->inputs, or as the template of `kind` in
 *  o->plotdir. Files that do not exist yet are compared by their resolved directory and name.
 *  sl_charts_render() checks the same; a caller may check first, before its work. */
int sl_charts_check_paths(sl_charts_kind kind, const sl_charts_output *o, sl_error *err);

/** Writes the script for `chart` (a pointer to the sl_plot_* struct of `kind`, whose common
 *  settings are filled from o) and runs gnuplot. res (may be NULL) gets the kept script and the
 *  canvas. Returns SL_OK, SL_ETOOL (gnuplot missing or failing), SL_EIO, SL_EINVAL (bad size,
 *  extension, or paths that name the same file: sl_charts_check_paths). */
int sl_charts_render(sl_charts_kind kind, void *chart, const sl_charts_output *o, sl_charts_result *res,
                     sl_error *err);

SL_END_DECLS

#endif
