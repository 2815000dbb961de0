/* chart_data.h - turns module results (compare, squad, the fee model) into the plot module's
 * chart structs, and renders them: shared by `scoutlab chart`, the --chart option of compare,
 * squad and value, and the report module.
 *
 * Each sl_chart_*_from_* function fills one sl_plot_* struct: the data, axis labels with units,
 * a default title and a subtitle (season, pool, minimum minutes). The arrays and strings it
 * points to are allocated in an sl_chart_store, which the caller owns and frees with
 * sl_chart_store_free() after rendering; the module objects handed in (sl_compare, sl_squad,
 * sl_fees_model) are only read. Credits are left NULL: set common.credits (sl_chart_credits()
 * makes "Data: FILE | Chart: scoutlab" from file names).
 *
 *   sl_chart_store *st = sl_chart_store_new(); sl_plot_radar r;
 *   if (sl_chart_radar_from_compare(c, profile, &pool, idx, 2, NULL, st, &r, &err) == SL_OK)
 *     sl_chart_render(SL_CHART_RADAR, &r, &opts, NULL, 0, &err);   // opts.output = "radar.png"
 *   sl_chart_store_free(st);
 */
#ifndef SCOUTLAB_CHART_DATA_H
#define SCOUTLAB_CHART_DATA_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "scoutlab/compare.h"
#include "scoutlab/error.h"
#include "scoutlab/fees.h"
#include "scoutlab/plot.h"
#include "scoutlab/squad.h"

/* The radar's axes are taken from the pool's 5th and 95th percentiles: the middle 90% of the
 * peers fill the chart and one outlier cannot squash everyone else into the centre. */
#define SL_CHART_RADAR_LOW_PCT 5.0
#define SL_CHART_RADAR_HIGH_PCT 95.0
/* A radar with more spokes than this is unreadable at article size (spoke labels collide);
 * --axes picks others. */
#define SL_CHART_RADAR_MAX_AXES 8
/* Outfield peak years shaded on the squad chart: the squad module's age curve (docs/squad.md). */
#define SL_CHART_PEAK_AGE_LOW 24.0
#define SL_CHART_PEAK_AGE_HIGH 29.0
/* Squad chart: players under 5% of the team's minutes (under two full matches of 34) are a
 * crowd of colliding labels along the bottom; --min-share 0 shows them. */
#define SL_CHART_SQUAD_MIN_SHARE 0.05
/* Importance chart: more bars than this no longer leave a readable line per name at 675 px. */
#define SL_CHART_IMPORTANCE_TOP 15
/* `scoutlab fit`'s default --seed: the fee chart's refit then splits calibration deals as fit's
 * own time split did, so the chart's coverage is the one fit printed. */
#define SL_CHART_FIT_SEED 1
/* Age curve sweep: the ages at which transfers are common in the training data. */
#define SL_CHART_AGE_FROM 17.0
#define SL_CHART_AGE_TO 35.0
#define SL_CHART_AGE_STEP 0.5

/** Chart types, in the order of `scoutlab chart TYPE`. */
typedef enum sl_chart_kind {
  SL_CHART_RADAR = 0,
  SL_CHART_PERCENTILES,
  SL_CHART_SCATTER,
  SL_CHART_FEES,
  SL_CHART_AGE_CURVE,
  SL_CHART_SQUAD,
  SL_CHART_IMPORTANCE,
  SL_CHART_KIND_COUNT
} sl_chart_kind;

/** The chart type's name ("radar", "age-curve"); "" when out of range. Static storage. */
const char *sl_chart_kind_name(sl_chart_kind k);

/** Parses a chart type name; -1 when unknown. */
int sl_chart_kind_parse(const char *name);

/* ---- storage ------------------------------------------------------------------------------ */

typedef struct sl_chart_store sl_chart_store;

/** A new, empty store, or NULL when out of memory. Free it with sl_chart_store_free(). */
sl_chart_store *sl_chart_store_new(void);

/** Frees the store and everything allocated in it; NULL does nothing. */
void sl_chart_store_free(sl_chart_store *st);

/** Zeroed memory for n items of size bytes owned by the store, or NULL when out of memory. */
void *sl_chart_alloc(sl_chart_store *st, size_t n, size_t size);

/** printf into a string owned by the store, or NULL when out of memory. */
char *sl_chart_printf(sl_chart_store *st, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/** "Data: a.csv, b.csv | Chart: scoutlab" from the base names of files (directories keep their
 *  own name), owned by the store. */
const char *sl_chart_credits(sl_chart_store *st, const char *const *files, size_t n);

/** The season written in a file name ("players_data-2024_2025.csv" -> "2024-25"), owned by
 *  the store, or NULL when there is none. */
const char *sl_chart_season_from_name(sl_chart_store *st, const char *path);

/* ---- builders ------------------------------------------------------------------------------ */

/** Radar of players idx[0..n) (2-4) on `profile` against `pool` (peers of the profile's group,
 *  or the first player's group; league pools use the first player's league). Axes are the
 *  profile's stats, or those named in `axes` (comma-separated labels, case-insensitive;
 *  NULL = all, at most SL_CHART_RADAR_MAX_AXES). Each axis runs from the pool's 5th to 95th
 *  percentile (reversed for lower-is-better stats); stats whose range is empty in the pool
 *  are left out. season may be NULL. SL_EINVAL for a bad count or an unknown axis name,
 *  SL_EDATA when fewer than 3 axes remain. */
int sl_chart_radar_from_compare(const sl_compare *c, const sl_profile *profile, const sl_pool *pool,
                                const size_t *idx, size_t n, const char *axes, const char *season,
                                sl_chart_store *st, sl_plot_radar *out, sl_error *err);

/** Percentile bars of player i on `profile` against `pool` (sl_compare_percentiles). */
int sl_chart_percentiles_from_compare(const sl_compare *c, const sl_profile *profile,
                                      const sl_pool *pool, size_t i, const char *season,
                                      sl_chart_store *st, sl_plot_percentiles *out, sl_error *err);

/** Scatter of two stats over the pool of position group g (league pools: ref_league).
 *  Each of x_stat / y_stat is a label of `profile` (its definition: per 90, rate...) or else a
 *  stats-table column, taken per 90 (or as given when the name ends in '%'). Players
 *  highlight[0..nh) are coloured and named, and drawn even when outside the pool.
 *  SL_ENOTFOUND naming the stat when it is neither. */
int sl_chart_scatter_from_compare(const sl_compare *c, const sl_table *stats, const sl_profile *profile,
                                  sl_group g, const sl_pool *pool, const char *ref_league,
                                  const char *x_stat, const char *y_stat, const size_t *highlight,
                                  size_t nh, const char *season, sl_chart_store *st,
                                  sl_plot_scatter *out, sl_error *err);

/** Fee model fit on held-out transfers: the model's deals of seasons >= holdout_from are held
 *  out, the model is refitted with the same terms and options on the earlier ones (`seed` for
 *  its calibration split: SL_CHART_FIT_SEED reproduces `scoutlab fit`'s time split), and each
 *  held-out deal is valued at `level` (0 = the model's). When player is not NULL, his estimate
 *  and interval come from the full model m, and a finite bid > 0 is marked. SL_EDATA when
 *  either side of the split is empty. */
int sl_chart_fee_fit_from_model(const sl_fees_model *m, int holdout_from, double level, uint64_t seed,
                                const sl_fees_player *player, double bid, sl_chart_store *st,
                                sl_plot_fee_fit *out, sl_error *err);

/** The model's fee for `player` at each age from SL_CHART_AGE_FROM to SL_CHART_AGE_TO, with its
 *  interval at `level`, the player marked at his age; with what_if (an sl_fees_player_apply
 *  text such as "contract-until=2029") a second line under that change. */
int sl_chart_age_curve_from_model(const sl_fees_model *m, const sl_fees_player *player, double level,
                                  const char *what_if, sl_chart_store *st, sl_plot_age_curve *out,
                                  sl_error *err);

/** Squad profile of club k: age against share of minutes, importance as colour and size,
 *  contract end ("2027") as labels when the squad was scored with contracts and `season` (the
 *  first year of the season, as sl_squad_options.season; 0 = none). Players below
 *  min_share of the team's minutes are left out (0 keeps everyone). */
int sl_chart_squad_from_squad(const sl_squad *s, size_t club, int season, double min_share, sl_chart_store *st,
                              sl_plot_squad *out, sl_error *err);

/** Importance breakdown of club k's `top` most important players (0 = SL_CHART_IMPORTANCE_TOP,
 *  SIZE_MAX = all): one segment per
 *  component present, worth weight x score points so that segments add up to the total. */
int sl_chart_importance_from_squad(const sl_squad *s, size_t club, size_t top, int season, sl_chart_store *st,
                                   sl_plot_importance *out, sl_error *err);

/* ---- rendering ----------------------------------------------------------------------------- */

/** Where and how a chart is drawn. Strings may be NULL except output. */
typedef struct sl_chart_output {
  const char *output;   /* FILE.png|svg|pdf */
  const char *script;   /* keep the script here; NULL: OUTPUT.gp, removed after success */
  const char *title;    /* replaces the builder's title */
  const char *subtitle; /* replaces the builder's subtitle */
  const char *credits;  /* replaces the builder's credits */
  int width, height;    /* pixels; 0 = SL_PLOT_DEFAULT_WIDTH x HEIGHT */
  const char *plotdir;  /* templates; NULL = sl_data_plot_dir() ($SCOUTLAB_PLOTDIR, else plots/) */
  const char *gnuplot;  /* NULL = $SCOUTLAB_GNUPLOT, else gnuplot on PATH */
} sl_chart_output;

/** Writes the script for `chart` (a pointer to the sl_plot_* struct of `kind`, whose common
 *  settings are filled from o) and runs gnuplot. The script is kept when o->script is given or
 *  when gnuplot fails; kept (may be NULL) then gets its path, else "". Returns SL_OK, SL_ETOOL
 *  (gnuplot missing or failing), SL_EIO, SL_EINVAL (bad size or extension). */
int sl_chart_render(sl_chart_kind kind, void *chart, const sl_chart_output *o, char *kept, size_t kept_size,
                    sl_error *err);

/** CLI wrapper: renders, prints "wrote FILE (script: ...)" to `note` (may be NULL), and on
 *  failure the error and where the script was kept to stderr. Returns an exit status. */
int sl_chart_render_cli(sl_chart_kind kind, void *chart, const sl_chart_output *o, FILE *note);

/** Parses one chart option at argv[*i] for command cmd: --size WxH, --title T, --subtitle T,
 *  --credits T, and --script FILE.gp when allow_script. Returns -1 when taken (advancing *i
 *  past its value), 0 when not a chart option, or an exit status after a usage error. */
int sl_chart_option(int argc, char **argv, int *i, sl_chart_output *o, int allow_script, const char *cmd);

/* ---- CLI glue: `scoutlab chart` and the --chart option of compare, value and squad ---------- */

struct sl_cmp_args;
struct sl_cmp_ctx;

/** Radar (idx[0..n), 2-4 players) or percentile bars (idx[0]) from a loaded compare context,
 *  with the profile and pool of its options; season NULL = read from the stats file name.
 *  Prints "wrote ..." to note (may be NULL). Returns an exit status. */
int sl_chart_compare_draw(sl_chart_kind kind, const struct sl_cmp_args *a, const struct sl_cmp_ctx *ctx,
                          const size_t *idx, size_t n, const char *axes, const char *season,
                          const sl_chart_output *o, FILE *note);

/** Fee fit (kind SL_CHART_FEES; holdout_from 0 = the model's last four seasons) or age curve
 *  for player p (may be NULL for the fee fit). Credits name the model's training files, else
 *  sources. Returns an exit status. */
int sl_chart_value_draw(sl_chart_kind kind, const sl_fees_model *m, const sl_fees_player *p, double level, double bid,
                        int holdout_from, const char *what_if, const char *const *sources, size_t nsources,
                        const sl_chart_output *o, FILE *note);

/** Squad profile or importance breakdown of club k (season 0 = read from the first source's
 *  name; top 0 = all). Returns an exit status. */
int sl_chart_squad_draw(sl_chart_kind kind, const sl_squad *s, size_t club, int season, double min_share, size_t top,
                        const char *const *sources, size_t nsources, const sl_chart_output *o, FILE *note);

#endif
