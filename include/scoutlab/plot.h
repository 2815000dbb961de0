/* plot.h - charts for articles and scouting reports: a self-contained gnuplot script writer
 * and a gnuplot runner.
 *
 * The module is handed plain data (names, values, labels) in one input struct per chart type
 * and writes a script that re-renders with plain `gnuplot file.gp`: a header of settings, the
 * data as inline datablocks and single-quoted string arrays, then the body of the chart's
 * template read from <template_dir>/<chart>.gp (the look: fonts, colours, layout).
 * sl_plot_run() then runs gnuplot on the script with a timeout and renames the finished chart
 * into place, so no half-written chart is ever left behind; the script is never deleted.
 *
 * Memory: every pointer in an input struct is borrowed from the caller for the duration of the
 * call; nothing is kept. sl_plot_quote() returns a new string the caller frees with free().
 *
 * Untrusted text (player names, stat and club labels, titles) only ever reaches the script
 * inside a single-quoted gnuplot string with ' doubled (no backquote, macro or escape
 * processing happens there); control characters become spaces, invalid UTF-8 becomes '?', and
 * enhanced-text specials (\ _ ^ { } @ & ~) are backslash-escaped so they print as written.
 * Datablocks hold numbers only, so no line can read as the EOD terminator.
 *
 *   sl_plot_radar r = {.common = {.title = "Balerdi against two peers", .output = "r.png"}, ...};
 *   FILE *f = fopen("r.gp", "w"); int st = sl_plot_radar_write(&r, "plots", f, &err); fclose(f);
 *   if (!st) st = sl_plot_run("r.gp", "r.png", NULL, &err);
 */
#ifndef SCOUTLAB_PLOT_H
#define SCOUTLAB_PLOT_H

#include <stddef.h>
#include <stdio.h>

#include "scoutlab/error.h"

#include "scoutlab/export.h"
SL_BEGIN_DECLS /* C linkage, exported; thread safety: see scoutlab/export.h */

/* The default canvas for the web: 16:9, 1200 px wide (sharp in a 600 px column on a 2x screen). */
#define SL_PLOT_DEFAULT_WIDTH 1200
#define SL_PLOT_DEFAULT_HEIGHT 675
/* The default print size (PDF, SVG): the text width of an A4 page with 2.5 cm margins, 16 cm,
 * at 16:9, in CSS pixels (96 per inch): 16 cm = 605 px, 9 cm = 340 px. */
#define SL_PLOT_PRINT_WIDTH 605
#define SL_PLOT_PRINT_HEIGHT 340
/* CSS pixels per inch: the unit of the canvas for every format. */
#define SL_PLOT_CSS_DPI 96.0
/* Smallest and largest canvas accepted, in pixels: below 240 (6.3 cm) text cannot fit, above
 * 10000 the PNG is tens of megabytes. */
#define SL_PLOT_MIN_SIDE 240
#define SL_PLOT_MAX_SIDE 10000
/* Output resolutions accepted for a PNG sized in inches or cm. */
#define SL_PLOT_MIN_DPI 50
#define SL_PLOT_MAX_DPI 1200
/* Radar charts compare 2 to 6 players: more polygons are unreadable. */
#define SL_PLOT_RADAR_MIN_PLAYERS 2
#define SL_PLOT_RADAR_MAX_PLAYERS 6
/* One colour per player, in the order the players are given, in every chart of a run: the
 * subject first (scoutlab's red), then five that stay apart for colour-blind readers. */
#define SL_PLOT_PLAYER_COLOURS 6
/* A radar needs at least 3 axes to enclose an area. */
#define SL_PLOT_RADAR_MIN_AXES 3
/* Default gnuplot time limit: a chart of a few thousand points renders in well under 2 s. */
#define SL_PLOT_DEFAULT_TIMEOUT_S 60.0

typedef enum sl_plot_format {
  SL_PLOT_PNG = 0, /* pngcairo, pixels */
  SL_PLOT_SVG,     /* svg, CSS pixels as SVG user units */
  SL_PLOT_PDF      /* pdfcairo, 96 CSS pixels per inch (605x340 -> 16 x 9 cm) */
} sl_plot_format;

/** One piece of text a chart writer placed, in canvas pixels with the origin at the bottom-left
 *  corner (gnuplot's screen coordinates times the canvas size). */
typedef struct sl_plot_box {
  char what[32]; /* "title", "subtitle", "label", "legend", "axis", "value", ... */
  char *text;    /* the text itself (owned by the layout) */
  double x0, y0, x1, y1;
} sl_plot_box;

/** Every text box a writer computed, for tests and for callers that check a chart's fit.
 *  The caller owns it (usually on the stack, zeroed) and frees it with sl_plot_layout_clear(). */
typedef struct sl_plot_layout {
  sl_plot_box *box;
  size_t n, cap;
  double width, height; /* the canvas, pixels */
} sl_plot_layout;

/** Frees the boxes and zeroes the layout; NULL does nothing. */
void sl_plot_layout_clear(sl_plot_layout *layout);

/** Settings shared by every chart. Strings may be NULL (left out), except output. */
typedef struct sl_plot_common {
  const char *title;    /* headline: shrunk, then shortened with an ellipsis, to fit one line */
  const char *subtitle; /* season, pool, minimum minutes: wrapped to two lines, then shortened */
  const char *credits;  /* data source line, e.g. "Data: FBref, Transfermarkt | scoutlab" */
  const char *output;   /* the chart file the saved script writes, e.g. "radar.png"; a relative
                           path is resolved against the working directory and written absolute */
  sl_plot_format format;
  int width, height; /* canvas in CSS pixels (96 per inch); 0 means SL_PLOT_DEFAULT_WIDTH x
                        HEIGHT for PNG, SL_PLOT_PRINT_WIDTH x HEIGHT for PDF and SVG */
  double dpi;        /* PNG only: output pixels per inch (the PNG is width * dpi / 96 pixels
                        wide, text keeps its size in inches); 0 = 96, one pixel per CSS pixel */
  sl_plot_layout *layout; /* when not NULL, filled with every text box the writer placed */
} sl_plot_common;

/** Radar (gnuplot 5.4 spiderplot): SL_PLOT_RADAR_MIN_PLAYERS-SL_PLOT_RADAR_MAX_PLAYERS (2-6) players over n_axes stats of a role profile.
 *  Each axis runs from axis_low (centre) to axis_high (rim), normally the peer pool's 5th and
 *  95th percentiles; tics show raw values, and values beyond the range are drawn at the edge. */
typedef struct sl_plot_radar {
  sl_plot_common common;
  size_t n_players;
  const char *const *players; /* n_players names */
  size_t n_axes;
  const char *const *axes;  /* n_axes labels with units, e.g. "Tackles won /90" */
  const double *values;     /* n_players x n_axes raw values, row-major: [p * n_axes + a] */
  const double *axis_low;   /* n_axes: value at the centre */
  const double *axis_high;  /* n_axes: value at the rim (must differ from axis_low) */
  const char *const *axis_low_text;  /* n_axes: the ranges as printed under the axis names ("0.47",
                                        "41.7%"); NULL: three significant figures */
  const char *const *axis_high_text; /* (both last, so older initialisers still fit) */
} sl_plot_radar;

/** Percentile bars: one player's profile, one bar per stat, grouped by stat group (top to
 *  bottom in the given order; consecutive stats with the same group form one block). */
typedef struct sl_plot_percentiles {
  sl_plot_common common;
  const char *player;
  size_t n_stats;
  const char *const *stats;  /* n_stats labels, e.g. "Aerials won" */
  const char *const *groups; /* n_stats group names, e.g. "Defending" */
  const double *percentile;  /* n_stats, 0..100 within the peer pool */
  const double *value;       /* n_stats raw values printed beside the bars (per 90 etc.) */
  const char *xlabel;        /* e.g. "Percentile among Ligue 1 centre-backs (%)" */
  const char *const *value_text; /* n_stats: the values as printed ("1.44", "66.1%"); NULL: three
                                    significant figures (last, so older initialisers still fit) */
  const int *neutral;        /* n_stats flags: 1 = a style measure with no better direction (Launch
                                %): its bar grey, never "strong"; NULL = none */
} sl_plot_percentiles;

/** Labelled scatter of two stats over a pool; highlighted players are coloured and named,
 *  dashed lines mark the pool medians (computed here, NaN values left out). */
typedef struct sl_plot_scatter {
  sl_plot_common common;
  size_t n;
  const char *const *names; /* n */
  const double *x, *y;      /* n; NaN points are not drawn */
  const int *highlight;     /* n flags (non-zero = colour and name it), or NULL for none */
  const char *xlabel, *ylabel;
} sl_plot_scatter;

/** Fee model fit: predicted against actual fee (log axes) for held-out transfers, the
 *  diagonal, the prediction-interval band, and an optional marked bid against one player's
 *  estimate and interval. Amounts in EUR (not millions); non-positive amounts are not drawn. */
typedef struct sl_plot_fee_fit {
  sl_plot_common common;
  size_t n;
  const double *predicted_eur; /* n model estimates */
  const double *actual_eur;    /* n fees paid */
  const double *low_eur;       /* n lower interval bounds (band), or NULL for no band */
  const double *high_eur;      /* n upper interval bounds, or NULL */
  const char *player;          /* player whose bid is marked, or NULL for no mark */
  double estimate_eur, estimate_low_eur, estimate_high_eur; /* the player's estimate */
  double bid_eur;              /* the asked fee */
  const char *bid_label;       /* e.g. "€25m asked" */
  const char *xlabel, *ylabel;
} sl_plot_fee_fit;

/** Age curve: the model's fee against age for one player profile with its interval band,
 *  the player marked at his age, and an optional contract what-if as a second line. */
typedef struct sl_plot_age_curve {
  sl_plot_common common;
  size_t n;
  const double *age;        /* n ages in years, increasing */
  const double *fee_eur;    /* n estimates, EUR */
  const double *low_eur;    /* n lower bounds, or NULL for no band */
  const double *high_eur;   /* n upper bounds, or NULL */
  const double *whatif_eur; /* n estimates under the what-if contract, or NULL */
  const char *line_label;   /* e.g. "Contract to 2026 (current)" */
  const char *whatif_label; /* e.g. "If extended to 2029" */
  const char *player;       /* marked player, or NULL */
  double player_age, player_fee_eur;
  const char *xlabel, *ylabel;
} sl_plot_age_curve;

/** Squad profile: age against minutes share for a club; the peak-age band shaded, points
 *  coloured and sized by importance, each labelled with the name and contract expiry. */
typedef struct sl_plot_squad {
  sl_plot_common common;
  size_t n;
  const char *const *names;     /* n */
  const double *age;            /* n, years */
  const double *minutes_share;  /* n, 0..1 of the club's league minutes */
  const double *importance;     /* n, 0..100 importance score */
  const char *const *contract;  /* n expiry labels ("2026"), NULL entries or NULL array: none */
  double peak_age_low, peak_age_high; /* shaded band, years; equal values: no band */
  const char *xlabel, *ylabel;
  const int *highlight;         /* n flags (non-zero: ringed, named in bold), or NULL for none */
} sl_plot_squad;

/** Importance breakdown: one stacked horizontal bar per player (top to bottom in the given
 *  order), one segment per importance component. */
typedef struct sl_plot_importance {
  sl_plot_common common;
  size_t n_players;
  const char *const *players;    /* n_players */
  size_t n_components;
  const char *const *components; /* n_components legend labels */
  const double *values;          /* n_players x n_components, row-major, >= 0 points */
  const char *xlabel;            /* e.g. "Importance score (points)" */
  const int *highlight;          /* n_players flags (non-zero: the row shaded, named in bold), or NULL */
} sl_plot_importance;

/** Percentile pizza (as mplsoccer draws it): one slice per stat, its length the percentile
 *  among the peers (0 centre, 100 rim), slices coloured by stat group; each stat named around
 *  the rim with its value (per 90 or rate) and percentile. Same data as sl_plot_percentiles. */
typedef sl_plot_percentiles sl_plot_pizza;

/** Comparison bars: 2-6 players side by side on each of n_stats stats; a bar's length is the
 *  player's percentile among his peers (a common 0-100 scale for stats of different units),
 *  its label the value itself (per 90 or rate). */
typedef struct sl_plot_bars {
  sl_plot_common common;
  size_t n_players;
  const char *const *players; /* n_players names, in colour order */
  size_t n_stats;
  const char *const *stats;   /* n_stats labels with units, e.g. "Tackles won per 90" */
  const double *percentile;   /* n_players x n_stats, row-major [p * n_stats + s], 0..100, NaN: none */
  const double *value;        /* n_players x n_stats values printed at the bar ends */
  const char *xlabel;         /* e.g. "Percentile among Big-5 centre-backs" */
  const char *const *value_text; /* the same layout: the values as printed; NULL: three
                                    significant figures (last, so older initialisers still fit) */
} sl_plot_bars;

/** Trend: one player's stats across seasons, one small panel per stat; each panel plots the
 *  percentile among the season's peers (0-100) and labels each point with the value (per 90 or
 *  rate). NaN marks a season he did not play enough. */
typedef struct sl_plot_trend {
  sl_plot_common common;
  const char *player;
  size_t n_seasons;
  const char *const *seasons; /* n_seasons labels, e.g. "2020-21", oldest first */
  size_t n_stats;
  const char *const *stats;   /* n_stats labels with units */
  const double *percentile;   /* n_stats x n_seasons, row-major [s * n_seasons + k] */
  const double *value;        /* n_stats x n_seasons */
  const char *const *value_text; /* n_stats x n_seasons, the values as printed (sl_stat_value_text:
                                    1.80, 66.1%); NULL = three significant figures */
} sl_plot_trend;

/* Most players on one bars chart and most stats on bars and trend charts (a panel each). */
#define SL_PLOT_BARS_MAX_PLAYERS 6
#define SL_PLOT_BARS_MAX_STATS 10
#define SL_PLOT_TREND_MAX_STATS 8
#define SL_PLOT_TREND_MAX_SEASONS 12

/** As sl_plot_radar_write, for the percentile pizza (template pizza.gp). */
int sl_plot_pizza_write(const sl_plot_pizza *chart, const char *template_dir, FILE *out, sl_error *err);

/** As sl_plot_radar_write, for comparison bars (template bars.gp). */
int sl_plot_bars_write(const sl_plot_bars *chart, const char *template_dir, FILE *out, sl_error *err);

/** As sl_plot_radar_write, for the trend panels (template trend.gp). */
int sl_plot_trend_write(const sl_plot_trend *chart, const char *template_dir, FILE *out, sl_error *err);

/** Writes the self-contained radar script to out, with the body of
 *  <template_dir>/radar.gp. Returns SL_OK, SL_EINVAL (bad counts, sizes or ranges, with the
 *  field named), or SL_EIO (template unreadable, write failed). */
int sl_plot_radar_write(const sl_plot_radar *chart, const char *template_dir, FILE *out,
                        sl_error *err);

/** As sl_plot_radar_write, for percentile bars (template percentiles.gp). */
int sl_plot_percentiles_write(const sl_plot_percentiles *chart, const char *template_dir,
                              FILE *out, sl_error *err);

/** As sl_plot_radar_write, for the labelled scatter (template scatter.gp). */
int sl_plot_scatter_write(const sl_plot_scatter *chart, const char *template_dir, FILE *out,
                          sl_error *err);

/** As sl_plot_radar_write, for the fee model fit (template fees.gp). */
int sl_plot_fee_fit_write(const sl_plot_fee_fit *chart, const char *template_dir, FILE *out,
                          sl_error *err);

/** As sl_plot_radar_write, for the age curve (template age-curve.gp). */
int sl_plot_age_curve_write(const sl_plot_age_curve *chart, const char *template_dir,
                            FILE *out, sl_error *err);

/** As sl_plot_radar_write, for the squad profile (template squad.gp). */
int sl_plot_squad_write(const sl_plot_squad *chart, const char *template_dir, FILE *out,
                        sl_error *err);

/** As sl_plot_radar_write, for the importance breakdown (template importance.gp). */
int sl_plot_importance_write(const sl_plot_importance *chart, const char *template_dir,
                             FILE *out, sl_error *err);

/** How to run gnuplot. A NULL sl_plot_runner means all defaults. */
typedef struct sl_plot_runner {
  const char *gnuplot; /* program path (the CLI passes SCOUTLAB_GNUPLOT), NULL: "gnuplot" on PATH */
  double timeout_s;    /* seconds before gnuplot is killed; 0 means SL_PLOT_DEFAULT_TIMEOUT_S */
} sl_plot_runner;

/** Runs gnuplot (fork/exec, no shell) on script_path, writing the chart to a temporary file
 *  next to output_path and renaming it to output_path only when gnuplot succeeded.
 *  Returns SL_OK; SL_ETOOL when gnuplot is missing, exits non-zero, is killed or times out
 *  (the message quotes gnuplot's stderr); SL_EIO when the output cannot be created or
 *  renamed; SL_EINVAL on bad arguments. The script is left in place either way, and the chart
 *  is exactly what gnuplot wrote: plain `gnuplot script` makes the same file. */
int sl_plot_run(const char *script_path, const char *output_path, const sl_plot_runner *runner,
                sl_error *err);

/** The colour of the i-th player of a chart ("#d1495b"), cycling after SL_PLOT_PLAYER_COLOURS.
 *  Static storage. */
const char *sl_plot_player_colour(size_t i);

/** Flags for sl_plot_quote. */
enum {
  SL_PLOT_QUOTE_ENHANCED = 1 /* also escape enhanced-text specials \ _ ^ { } @ & ~ */
};

/** Returns text as a gnuplot single-quoted string literal, quotes included: ' doubled,
 *  control characters as spaces, invalid UTF-8 bytes as '?', and with
 *  SL_PLOT_QUOTE_ENHANCED the enhanced-text specials backslash-escaped. gnuplot 5.4 ends a
 *  literal at a quote straight after the opening quote or after a doubled quote ('' is an
 *  empty string even in '''a'), so a quote there is written \047 (enhanced; printed as ') or
 *  joined as "'" (plain: "'" . 'x' for "'x", 'a''' . "'" . 'b' for "a''b"): the plain result
 *  is then a string expression rather than one literal. NULL text gives ''. Returns a new string the caller frees
 *  with free(), or NULL when out of memory. */
char *sl_plot_quote(const char *text, int flags);

/** Picks the format from the output file's extension (.png, .svg, .pdf, any case).
 *  Returns SL_OK and sets *format, or SL_EINVAL naming the expected extensions. */
int sl_plot_format_from_path(const char *path, sl_plot_format *format, sl_error *err);

SL_END_DECLS

#endif
