/* chart_data.h - the CLI's side of charts: the chart options shared by the commands, rendering
 * with a "wrote ..." note, and the --chart glue of compare, squad and value. The chart data
 * builders and rendering live in the library (include/scoutlab/charts.h); the old sl_chart_*
 * names below map onto them so callers can switch at their own pace. */
#ifndef SCOUTLAB_CHART_DATA_H
#define SCOUTLAB_CHART_DATA_H

#include <stddef.h>
#include <stdio.h>

#include "scoutlab/charts.h"

/* ---- the former names, now library calls (use the sl_charts_ names in new code) ------------- */
#define sl_chart_kind sl_charts_kind
#define SL_CHART_RADAR SL_CHARTS_RADAR
#define SL_CHART_PERCENTILES SL_CHARTS_PERCENTILES
#define SL_CHART_SCATTER SL_CHARTS_SCATTER
#define SL_CHART_FEES SL_CHARTS_FEES
#define SL_CHART_AGE_CURVE SL_CHARTS_AGE_CURVE
#define SL_CHART_SQUAD SL_CHARTS_SQUAD
#define SL_CHART_IMPORTANCE SL_CHARTS_IMPORTANCE
#define SL_CHART_KIND_COUNT SL_CHARTS_KIND_COUNT
#define SL_CHART_SQUAD_MIN_SHARE SL_CHARTS_SQUAD_MIN_SHARE
#define SL_CHART_IMPORTANCE_TOP SL_CHARTS_IMPORTANCE_TOP
#define SL_CHART_FIT_SEED SL_CHARTS_FIT_SEED
#define sl_chart_store sl_charts_store
#define sl_chart_store_new sl_charts_store_new
#define sl_chart_store_free sl_charts_store_free
#define sl_chart_alloc sl_charts_alloc
#define sl_chart_printf sl_charts_printf
#define sl_chart_credits sl_charts_credits
#define sl_chart_season_from_name sl_charts_season_from_name
#define sl_chart_kind_name sl_charts_kind_name
#define sl_chart_kind_parse sl_charts_kind_parse
#define sl_chart_radar_from_compare sl_charts_radar_from_compare
#define sl_chart_percentiles_from_compare sl_charts_percentiles_from_compare
#define sl_chart_scatter_from_compare sl_charts_scatter_from_compare
#define sl_chart_fee_fit_from_model sl_charts_fee_fit_from_model
#define sl_chart_age_curve_from_model sl_charts_age_curve_from_model
#define sl_chart_squad_from_squad sl_charts_squad_from_squad
#define sl_chart_importance_from_squad sl_charts_importance_from_squad
#define sl_chart_output sl_charts_output

/** Library rendering with the CLI's defaults: templates from $SCOUTLAB_PLOTDIR or the built-in
 *  plots/, gnuplot from $SCOUTLAB_GNUPLOT. kept (may be NULL) gets the kept script, else "". */
int sl_chart_render(sl_charts_kind kind, void *chart, const sl_charts_output *o, char *kept, size_t kept_size,
                    sl_error *err);

/** Renders, prints "wrote FILE (script: ...)" to `note` (may be NULL), and on failure the error
 *  and where the script was kept to stderr. Returns an exit status. */
int sl_chart_render_cli(sl_charts_kind kind, void *chart, const sl_charts_output *o, FILE *note);

/** Parses one chart option at argv[*i] for command cmd: --size WxH, --title T, --subtitle T,
 *  --credits T, and --script FILE.gp when allow_script. Returns -1 when taken (advancing *i
 *  past its value), 0 when not a chart option, or an exit status after a usage error. */
int sl_chart_option(int argc, char **argv, int *i, sl_charts_output *o, int allow_script, const char *cmd);

/* ---- CLI glue: `scoutlab chart` and the --chart option of compare, value and squad ---------- */

struct sl_cmp_args;
struct sl_cmp_ctx;

/** Radar (idx[0..n), 2-6 players, SL_PLOT_RADAR_MIN/MAX_PLAYERS) or percentile bars (idx[0]) from a loaded compare context,
 *  with the profile and pool of its options; season NULL = read from the stats file name.
 *  Prints "wrote ..." to note (may be NULL). Returns an exit status. */
int sl_chart_compare_draw(sl_charts_kind kind, const struct sl_cmp_args *a, const struct sl_cmp_ctx *ctx,
                          const size_t *idx, size_t n, const char *axes, const char *season,
                          const sl_charts_output *o, FILE *note);

/** Every file a command reads: its chart and script must never replace one. */
#define SL_CHART_MAX_INPUTS 256
typedef struct sl_chart_inputs {
  const char *path[SL_CHART_MAX_INPUTS];
  size_t n;
} sl_chart_inputs;

/** Appends the non-NULL paths[0..n) to l (past SL_CHART_MAX_INPUTS, the rest are left out). */
void sl_chart_inputs_add(sl_chart_inputs *l, const char *const *paths, size_t n);

/** The chart's output checked before anything is loaded: sl_charts_check_paths with the CLI's
 *  templates (o->plotdir unset: as rendering finds them). 0, or the exit status after the
 *  message. */
int sl_chart_check_cli(sl_charts_kind kind, const sl_charts_output *o);

/** sl_chart_check_cli against the files of a's options as well. */
int sl_chart_compare_check(sl_charts_kind kind, const struct sl_cmp_args *a, const sl_charts_output *o);

/** Fee fit (kind SL_CHARTS_FEES; holdout_from 0 = the model's last four seasons) or age curve
 *  for player p (may be NULL for the fee fit). Credits name the model's training files, else
 *  sources. Returns an exit status. */
int sl_chart_value_draw(sl_charts_kind kind, const sl_fees_model *m, const sl_fees_player *p, double level,
                        double bid, int holdout_from, const char *what_if, const char *const *sources,
                        size_t nsources, const sl_charts_output *o, FILE *note);

/** Squad profile or importance breakdown of club k (season 0 = read from the first source's
 *  name; top 0 = all), the entries highlight[0..nh) of the club marked. Returns an exit status. */
int sl_chart_squad_draw(sl_charts_kind kind, const sl_squad *s, size_t club, int season, double min_share,
                        size_t top, const size_t *highlight, size_t nh, const char *const *sources, size_t nsources,
                        const sl_charts_output *o, FILE *note);

#endif
