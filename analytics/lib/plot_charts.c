/* plot_charts.c - one script writer per chart type: check the input, write the header, the
 * chart's variables, string arrays and numeric datablocks, then append the template.
 * Datablock lines always start with a number, so none can read as the EOD terminator
 * (gnuplot 5.4 ends a datablock at the first line that merely begins with it). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "plot_internal.h"
#include "runtime_internal.h"
#include "scoutlab/money.h"

static int missing(sl_error *err, const char *chart, const char *field) {
  return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "%s chart: %s missing", chart, field);
}

/* Writes one tab-separated datablock row: the 1-based row number, then the values. */
static void write_row(FILE *out, size_t row, const double *values, size_t n) {
  fprintf(out, "%zu", row);
  for (size_t i = 0; i < n; i++) {
    fputc('\t', out);
    sl_plot_write_number(out, values[i]);
  }
  fputc('\n', out);
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* Median of the finite values (mean of the two middle ones for an even count); NaN if none. */
static double median_of(const double *v, size_t n) {
  double *copy = malloc((n ? n : 1) * sizeof *copy);
  if (!copy) return NAN;
  size_t m = 0;
  for (size_t i = 0; i < n; i++)
    if (sl_plot_drawable(v[i])) copy[m++] = v[i];
  double med = NAN;
  if (m) {
    qsort(copy, m, sizeof *copy, cmp_double);
    med = m % 2 ? copy[m / 2] : 0.5 * (copy[m / 2 - 1] + copy[m / 2]);
  }
  free(copy);
  return med;
}

/* Counts the blocks of consecutive equal group names. */
static size_t count_groups(const char *const *groups, size_t n) {
  size_t g = 0;
  for (size_t i = 0; i < n; i++)
    if (i == 0 || strcmp(groups[i] ? groups[i] : "", groups[i - 1] ? groups[i - 1] : ""))
      g++;
  return g;
}

/* plots/percentiles.gp: plot area top and bottom (canvas fractions), bar height as a share of a
 * row, the bar numbers' largest size (points) and the height of a digit (em). */
#define PCT_TOP 0.78
#define PCT_BOTTOM 0.15
#define PCT_BAR_SHARE 0.68
#define PCT_VALUE_PT 10.0
#define PCT_DIGIT_EM 0.8

/* Vertical layout of the bars, in rows from the top: each group takes a heading row, then one
 * row per stat, then a half-row gap before the next group. */
#define SL_PLOT_GROUP_GAP 0.5

int sl_plot_percentiles_write(const sl_plot_percentiles *c, const char *template_dir,
                              FILE *out, sl_error *err) {
  static const char chart[] = "percentiles";
  if (!c || !out) return missing(err, chart, "chart or output stream");
  int st = sl_plot_check_common(&c->common, chart, err);
  if (st) return st;
  if (c->n_stats == 0 || !c->stats || !c->groups || !c->percentile || !c->value)
    return missing(err, chart, "stats, groups, percentiles or values");
  size_t n_groups = count_groups(c->groups, c->n_stats);
  const char **group_names = malloc(n_groups * sizeof *group_names);
  double *group_row = malloc(n_groups * sizeof *group_row);
  double *rows = malloc(c->n_stats * sizeof *rows);
  if (!group_names || !group_row || !rows) {
    free(group_names);
    free(group_row);
    free(rows);
    return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  }
  double y = 0;
  for (size_t i = 0, g = 0; i < c->n_stats; i++) {
    if (i == 0 || strcmp(c->groups[i] ? c->groups[i] : "", c->groups[i - 1] ? c->groups[i - 1] : "")) {
      if (i > 0) y += SL_PLOT_GROUP_GAP;
      group_names[g] = c->groups[i];
      group_row[g++] = y;
      y += 1;
    }
    rows[i] = y;
    y += 1;
  }
  double w, h, scale = sl_plot_scale(&c->common);
  sl_plot_canvas(&c->common, &w, &h);
  /* Bar numbers must fit inside their bar: digits are ~0.72 em tall, a bar is 0.68 of a row. */
  double bar_px = PCT_BAR_SHARE * (PCT_TOP - PCT_BOTTOM) * h / (y + 0.2);
  double value_pt = fmin(PCT_VALUE_PT, bar_px / (PCT_DIGIT_EM * SL_PLOT_PX_PER_PT * scale));
  int any_neutral = 0;
  for (size_t i = 0; c->neutral && i < c->n_stats; i++) any_neutral |= c->neutral[i] != 0;
  if (sl_plot_write_header(out, chart, &c->common) ||
      sl_plot_write_caption(out, &c->common,
                            any_neutral ? "Bar: percentile among the peers (red: 80th or better; grey: style, no better "
                                          "side); dotted: median"
                                        : "Bar: percentile among the peers (red: 80th or better); dotted: the median")) {
    free(group_names), free(group_row), free(rows);
    return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  }
  sl_plot_write_number_var(out, "value_pt", value_pt);
  sl_plot_write_string(out, "player_text", c->player);
  sl_plot_write_string(out, "xlabel_text", c->xlabel);
  fprintf(out, "n_stats = %zu\nn_groups = %zu\n", c->n_stats, n_groups);
  sl_plot_write_number_var(out, "row_count", y);
  sl_plot_write_string_array(out, "stat_label", c->stats, c->n_stats);
  fprintf(out, "has_value_label = %d\n", c->value_text != NULL);
  if (c->value_text) sl_plot_write_string_array(out, "value_label", c->value_text, c->n_stats);
  sl_plot_write_string_array(out, "group_label", group_names, n_groups);
  sl_plot_write_number_array(out, "group_row", group_row, n_groups);
  fputs("# stat number, row from the top, percentile (0-100), raw value, a style measure (1) or not\n$bars << EOD\n", out);
  for (size_t i = 0; i < c->n_stats; i++) {
    double row[4] = {rows[i], c->percentile[i], c->value[i], c->neutral && c->neutral[i] ? 1 : 0};
    write_row(out, i + 1, row, 4);
  }
  fputs("EOD\n", out);
  free(group_names);
  free(group_row);
  free(rows);
  return sl_plot_write_template(out, template_dir, chart, err);
}

/* Geometry of plots/scatter.gp: plot area as canvas fractions, name font (points), and the
 * padding of each axis range beyond the data (share of the data's range). */
#define SCATTER_LEFT 0.10
#define SCATTER_RIGHT 0.95
#define SCATTER_BOTTOM 0.16
#define SCATTER_TOP 0.78
#define SCATTER_LABEL_PT 10.0
#define SCATTER_PAD 0.06
#define SCATTER_PAD_TOP 0.10
/* Radii of pool and highlighted points in pixels per unit of scale (pt 7 at ps 1.5 and 2.0). */
#define SCATTER_POOL_RADIUS 2.4
#define SCATTER_NAMED_RADIUS 3.2
/* A name further than this many label heights from its point gets a leader line. */
#define SCATTER_LEADER_AFTER 0.75

static void finite_range(const double *v, size_t n, double *lo, double *hi) {
  *lo = INFINITY, *hi = -INFINITY;
  for (size_t i = 0; i < n; i++)
    if (sl_plot_drawable(v[i])) *lo = fmin(*lo, v[i]), *hi = fmax(*hi, v[i]);
  if (!isfinite(*lo)) *lo = 0, *hi = 1;
  if (*hi == *lo) *lo -= 1, *hi += 1;
}

typedef struct scatter_layout {
  double x_lo, x_hi, y_lo, y_hi;
  double *ax, *ay; /* label anchors, data units */
  int *right;
} scatter_layout;

/* Places the names of the highlighted players (the first highlighted on top and first served)
 * around their points, avoiding every point and each other; records them in the layout. */
static int scatter_lay_out(const sl_plot_scatter *c, scatter_layout *L) {
  double w, h, scale = sl_plot_scale(&c->common);
  sl_plot_canvas(&c->common, &w, &h);
  size_t n = c->n;
  double xl, xh, yl, yh;
  finite_range(c->x, n, &xl, &xh);
  finite_range(c->y, n, &yl, &yh);
  L->x_lo = xl - SCATTER_PAD * (xh - xl), L->x_hi = xh + SCATTER_PAD * (xh - xl);
  L->y_lo = yl - SCATTER_PAD * (yh - yl), L->y_hi = yh + SCATTER_PAD_TOP * (yh - yl);
  double aw = (SCATTER_RIGHT - SCATTER_LEFT) * w, ah = (SCATTER_TOP - SCATTER_BOTTOM) * h;
  double em = SCATTER_LABEL_PT * SL_PLOT_PX_PER_PT * scale;
  double *px = malloc(n * sizeof *px), *py = malloc(n * sizeof *py), *rad = malloc(n * sizeof *rad);
  double *wid = malloc(n * sizeof *wid), *pri = malloc(n * sizeof *pri);
  int *lab = malloc(n * sizeof *lab);
  L->ax = malloc(n * sizeof *L->ax), L->ay = malloc(n * sizeof *L->ay), L->right = malloc(n * sizeof *L->right);
  int st = SL_ENOMEM;
  if (px && py && rad && wid && pri && lab && L->ax && L->ay && L->right) {
    for (size_t i = 0; i < n; i++) {
      int hl = c->highlight && c->highlight[i] > 0 && sl_plot_drawable(c->x[i]) && sl_plot_drawable(c->y[i]);
      px[i] = sl_plot_drawable(c->x[i]) ? (c->x[i] - L->x_lo) / (L->x_hi - L->x_lo) * aw : -1e9;
      py[i] = sl_plot_drawable(c->y[i]) ? (c->y[i] - L->y_lo) / (L->y_hi - L->y_lo) * ah : -1e9;
      rad[i] = (hl ? SCATTER_NAMED_RADIUS : SCATTER_POOL_RADIUS) * scale;
      wid[i] = sl_plot_text_width(c->names[i], SCATTER_LABEL_PT, 1, scale);
      lab[i] = hl;
      pri[i] = hl ? 1000.0 - c->highlight[i] : 0; /* the first highlighted is placed first */
    }
    sl_plot_label_request r = {n, px, py, rad, wid, SL_PLOT_LINE_EM * em, pri, aw, ah, lab};
    st = sl_plot_place_labels(&r, L->ax, L->ay, L->right);
    for (size_t i = 0; !st && i < n; i++) {
      if (!lab[i]) continue;
      double cx = SCATTER_LEFT * w + L->ax[i], cy = SCATTER_BOTTOM * h + L->ay[i];
      st = sl_plot_layout_add_text(c->common.layout, "label", c->names[i], cx, cy, L->right[i] ? 1 : -1,
                                   SCATTER_LABEL_PT, 1, scale);
      L->ax[i] = L->x_lo + L->ax[i] / aw * (L->x_hi - L->x_lo);
      L->ay[i] = L->y_lo + L->ay[i] / ah * (L->y_hi - L->y_lo);
    }
  }
  free(px), free(py), free(rad), free(wid), free(pri), free(lab);
  return st;
}

static int is_named(const sl_plot_scatter *c, size_t i) {
  return c->highlight && c->highlight[i] > 0 && sl_plot_drawable(c->x[i]) && sl_plot_drawable(c->y[i]);
}

/* The named players in drawing order: the first highlighted last, so that it is on top. */
static int scatter_write_labels(FILE *out, const sl_plot_scatter *c, const scatter_layout *L) {
  size_t m = 0;
  for (size_t i = 0; i < c->n; i++) m += is_named(c, i);
  size_t *order = malloc((m ? m : 1) * sizeof *order);
  if (!order) return SL_ENOMEM;
  for (size_t i = 0, k = m; i < c->n; i++)
    if (is_named(c, i)) order[--k] = i;
  double w, h, scale = sl_plot_scale(&c->common);
  sl_plot_canvas(&c->common, &w, &h);
  double lh = SL_PLOT_LINE_EM * SCATTER_LABEL_PT * SL_PLOT_PX_PER_PT * scale;
  double yunit = (L->y_hi - L->y_lo) / ((SCATTER_TOP - SCATTER_BOTTOM) * h);
  fprintf(out, "n_named = %zu\narray named_id[%zu]\narray named_colour[%zu]\narray named_ax[%zu]\n"
               "array named_ay[%zu]\narray named_right[%zu]\n", m, m ? m : 1, m ? m : 1, m ? m : 1, m ? m : 1, m ? m : 1);
  for (size_t k = 0; k < m; k++) {
    size_t i = order[k];
    fprintf(out, "named_id[%zu] = %zu; named_colour[%zu] = %d; named_right[%zu] = %d\n", k + 1, i + 1, k + 1,
            (c->highlight[i] - 1) % SL_PLOT_PLAYER_COLOURS + 1, k + 1, L->right[i]);
    fprintf(out, "named_ax[%zu] = ", k + 1), sl_plot_write_number(out, L->ax[i]);
    fprintf(out, "; named_ay[%zu] = ", k + 1), sl_plot_write_number(out, L->ay[i]), fputc('\n', out);
  }
  fputs("# the named players in drawing order: number, point x, y, name anchor x, y (data units),\n"
        "# leader line needed (1: the name sits away from its point)\n$named << EOD\n", out);
  for (size_t k = 0; k < m; k++) {
    size_t i = order[k];
    double row[5] = {c->x[i], c->y[i], L->ax[i], L->ay[i], fabs(L->ay[i] - c->y[i]) / yunit > SCATTER_LEADER_AFTER * lh};
    write_row(out, k + 1, row, 5);
  }
  fputs("EOD\n", out);
  free(order);
  return ferror(out) ? SL_EIO : SL_OK;
}

/* A name label may take at most this share of the canvas width (an 80-character name ran off
 * the canvas); longer ones end in an ellipsis. */
#define NAME_LABEL_MAX_WIDTH 0.25

/* names[0..n) shortened to NAME_LABEL_MAX_WIDTH of c's canvas at pt (NULL entries stay NULL);
 * NULL when out of memory. Free with free_names(). */
static char **short_names(const sl_plot_common *c, const char *const *names, size_t n, double pt, int bold) {
  double w, h, scale = sl_plot_scale(c);
  sl_plot_canvas(c, &w, &h);
  char **out = calloc(n ? n : 1, sizeof *out);
  for (size_t i = 0; out && i < n; i++)
    if (names[i] && !(out[i] = sl_plot_text_shorten(names[i], NAME_LABEL_MAX_WIDTH * w, pt, bold, scale))) {
      for (size_t k = 0; k < i; k++) free(out[k]);
      free(out);
      return NULL;
    }
  return out;
}

static void free_names(char **names, size_t n) {
  for (size_t i = 0; names && i < n; i++) free(names[i]);
  free(names);
}

static int scatter_write(const sl_plot_scatter *c, const char *template_dir, FILE *out, sl_error *err);

int sl_plot_scatter_write(const sl_plot_scatter *c, const char *template_dir, FILE *out, sl_error *err) {
  if (!c || !out || !c->names) return scatter_write(c, template_dir, out, err);
  sl_plot_scatter shown = *c;
  char **names = short_names(&c->common, c->names, c->n, SCATTER_LABEL_PT, 1);
  if (!names) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  shown.names = (const char *const *)names;
  int st = scatter_write(&shown, template_dir, out, err);
  free_names(names, c->n);
  return st;
}

static int scatter_write(const sl_plot_scatter *c, const char *template_dir, FILE *out, sl_error *err) {
  static const char chart[] = "scatter";
  if (!c || !out) return missing(err, chart, "chart or output stream");
  int st = sl_plot_check_common(&c->common, chart, err);
  if (st) return st;
  if (c->n == 0 || !c->names || !c->x || !c->y) return missing(err, chart, "names, x or y");
  scatter_layout L = {0};
  st = sl_plot_write_header(out, chart, &c->common);
  if (!st) st = scatter_lay_out(c, &L);
  if (!st) st = sl_plot_write_caption(out, &c->common, "Grey: the pool; coloured and named: the players compared");
  if (!st) {
    sl_plot_write_string(out, "xlabel_text", c->xlabel);
    sl_plot_write_string(out, "ylabel_text", c->ylabel);
    sl_plot_write_number_var(out, "x_low", L.x_lo);
    sl_plot_write_number_var(out, "x_high", L.x_hi);
    sl_plot_write_number_var(out, "y_low", L.y_lo);
    sl_plot_write_number_var(out, "y_high", L.y_hi);
    sl_plot_write_number_var(out, "x_median", median_of(c->x, c->n));
    sl_plot_write_number_var(out, "y_median", median_of(c->y, c->n));
    fprintf(out, "n_points = %zu\n", c->n);
    sl_plot_write_string_array(out, "name", c->names, c->n);
    fputs("# player number, x, y, colour number when named (0: pool)\n$pool << EOD\n", out);
    for (size_t i = 0; i < c->n; i++) {
      double row[3] = {c->x[i], c->y[i], c->highlight && c->highlight[i] > 0 ? c->highlight[i] : 0};
      write_row(out, i + 1, row, 3);
    }
    fputs("EOD\n", out);
    st = scatter_write_labels(out, c, &L);
  }
  free(L.ax), free(L.ay), free(L.right);
  if (st == SL_ENOMEM) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  if (st) return sl_error_set(err, SL_EIO, NULL, 0, 0, "scatter chart: cannot write the script");
  return sl_plot_write_template(out, template_dir, chart, err);
}

/* Band rows must run left to right for filledcurves: order transfer indices by estimate. */
typedef struct band_key {
  double predicted;
  size_t index;
} band_key;

static int cmp_band(const void *a, const void *b) {
  const band_key *x = a, *y = b;
  if (x->predicted != y->predicted) return (x->predicted > y->predicted) - (x->predicted < y->predicted);
  return (x->index > y->index) - (x->index < y->index);
}

static int write_fee_band(FILE *out, const sl_plot_fee_fit *c, sl_error *err) {
  band_key *keys = malloc(c->n * sizeof *keys);
  if (!keys) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  size_t m = 0;
  for (size_t i = 0; c->low_eur && i < c->n; i++)
    if (sl_plot_drawable(c->predicted_eur[i]) && sl_plot_drawable(c->low_eur[i]) && sl_plot_drawable(c->high_eur[i]))
      keys[m++] = (band_key){c->predicted_eur[i], i};
  qsort(keys, m, sizeof *keys, cmp_band);
  fputs("# estimate, interval low, interval high (EUR), ordered by estimate\n$band << EOD\n", out);
  for (size_t k = 0; k < m; k++) {
    size_t i = keys[k].index;
    double row[3] = {c->predicted_eur[i], c->low_eur[i], c->high_eur[i]};
    write_row(out, k + 1, row, 3);
  }
  fputs("EOD\n", out);
  free(keys);
  return SL_OK;
}

/* Widens [*lo, *hi] to take v when v is a positive finite amount (log axes show nothing else). */
static void take_amount(double v, double *lo, double *hi) {
  if (!sl_plot_drawable(v) || v <= 0) return;
  if (!(v >= *lo)) *lo = v;
  if (!(v <= *hi)) *hi = v;
}

/* A fee more than this factor below the lowest interval bound is drawn on the bottom edge: real
 * exports list a few fees of EUR 100-1,000 (token or mistyped amounts) that would otherwise
 * spend four decades of the axis on a dozen points (transfers-tm: 11 of 2,635). */
#define SL_PLOT_FEE_FLOOR_FACTOR 10.0

/* Each axis its own range: estimates (x) are never as small as the smallest fees paid (y: a
 * real export has fees of a few thousand euros), and one shared range left a third of the
 * chart empty. The diagonal "fee = estimate" is drawn over whatever both show. With a band, y
 * starts at most SL_PLOT_FEE_FLOOR_FACTOR below its lowest bound; *below counts the fees under
 * y[0] (drawn on the edge, said in the caption). */
static void fee_axis_ranges(const sl_plot_fee_fit *c, double x[2], double y[2], size_t *below) {
  double band[2] = {NAN, NAN};
  x[0] = x[1] = y[0] = y[1] = NAN;
  for (size_t i = 0; i < c->n; i++) {
    take_amount(c->predicted_eur[i], &x[0], &x[1]);
    take_amount(c->actual_eur[i], &y[0], &y[1]);
    if (c->low_eur) take_amount(c->low_eur[i], &band[0], &band[1]);
    if (c->high_eur) take_amount(c->high_eur[i], &band[0], &band[1]);
  }
  if (c->player) {
    take_amount(c->estimate_eur, &x[0], &x[1]);
    take_amount(c->estimate_low_eur, &band[0], &band[1]);
    take_amount(c->estimate_high_eur, &band[0], &band[1]);
    take_amount(c->bid_eur, &band[0], &band[1]);
  }
  take_amount(band[0], &y[0], &y[1]), take_amount(band[1], &y[0], &y[1]);
  *below = 0;
  if (!(band[0] > 0) || !(y[0] < band[0] / SL_PLOT_FEE_FLOOR_FACTOR)) return;
  y[0] = band[0] / SL_PLOT_FEE_FLOOR_FACTOR;
  for (size_t i = 0; i < c->n; i++) *below += c->actual_eur[i] > 0 && c->actual_eur[i] < y[0];
}

/* The caption of the fee chart: the fees drawn on the bottom edge, when there are any. */
static const char *fee_caption(double floor_eur, size_t below, char *buf, size_t size) {
  char money[32];
  if (!below) return "";
  sl_money_short(floor_eur, money, sizeof money);
  sl_snprintf_c(buf, size, "\xe2\x96\xbc on the bottom edge: %zu fee%s under %s, off the scale", below,
                below == 1 ? "" : "s", money);
  return buf;
}

int sl_plot_fee_fit_write(const sl_plot_fee_fit *c, const char *template_dir, FILE *out,
                          sl_error *err) {
  static const char chart[] = "fees";
  if (!c || !out) return missing(err, chart, "chart or output stream");
  int st = sl_plot_check_common(&c->common, chart, err);
  if (st) return st;
  if (c->n == 0 || !c->predicted_eur || !c->actual_eur)
    return missing(err, chart, "predicted or actual fees");
  if (!c->low_eur != !c->high_eur)
    return missing(err, chart, "one side of the interval (give both low_eur and high_eur)");
  if (sl_plot_write_header(out, chart, &c->common)) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  sl_plot_write_string(out, "xlabel_text", c->xlabel);
  sl_plot_write_string(out, "ylabel_text", c->ylabel);
  double x[2], y[2];
  size_t below = 0;
  char caption[160];
  fee_axis_ranges(c, x, y, &below);
  sl_plot_write_number_var(out, "x_low_eur", x[0]);
  sl_plot_write_number_var(out, "x_high_eur", x[1]);
  sl_plot_write_number_var(out, "y_low_eur", y[0]);
  sl_plot_write_number_var(out, "y_high_eur", y[1]);
  if (sl_plot_write_caption(out, &c->common, fee_caption(y[0], below, caption, sizeof caption)))
    return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  fprintf(out, "has_band = %d\nhas_bid = %d\n", c->low_eur != NULL, c->player != NULL);
  sl_plot_write_string(out, "player_text", c->player);
  sl_plot_write_string(out, "bid_text", c->bid_label);
  sl_plot_write_number_var(out, "estimate_eur", c->player ? c->estimate_eur : NAN);
  sl_plot_write_number_var(out, "estimate_low_eur", c->player ? c->estimate_low_eur : NAN);
  sl_plot_write_number_var(out, "estimate_high_eur", c->player ? c->estimate_high_eur : NAN);
  sl_plot_write_number_var(out, "bid_eur", c->player ? c->bid_eur : NAN);
  fputs("# transfer number, model estimate, fee paid (EUR)\n$transfers << EOD\n", out);
  for (size_t i = 0; i < c->n; i++) {
    double row[2] = {c->predicted_eur[i], c->actual_eur[i]};
    write_row(out, i + 1, row, 2);
  }
  fputs("EOD\n", out);
  st = write_fee_band(out, c, err);
  if (st) return st;
  return sl_plot_write_template(out, template_dir, chart, err);
}

/* Past this share of the age axis his name goes to the left of him (it would run off the right). */
#define AGE_LABEL_LEFT_FROM 0.6

/* Where the player's name goes beside his point so that it does not lie on the estimate line:
 * above when the line falls over the next few years after his age, below when it rises; to the
 * right of him unless he is late on the axis. */
static void player_label_side(const sl_plot_age_curve *c, int *above, int *right) {
  size_t i = 0;
  while (i + 1 < c->n && c->age[i] < c->player_age) i++;
  size_t j = i + 1 < c->n ? i + 1 : i, k = i > 0 ? i - 1 : i;
  double slope = c->fee_eur[j] - c->fee_eur[k]; /* the line around him */
  double span = c->age[c->n - 1] - c->age[0];
  *right = !(span > 0 && (c->player_age - c->age[0]) / span > AGE_LABEL_LEFT_FROM);
  /* Left of him the line that matters is the part before his age: rising there means it lies
   * below the name's left side, so the name goes above; the same reasoning mirrored. */
  *above = *right ? slope <= 0 : slope >= 0;
}

int sl_plot_age_curve_write(const sl_plot_age_curve *c, const char *template_dir, FILE *out,
                            sl_error *err) {
  static const char chart[] = "age-curve";
  if (!c || !out) return missing(err, chart, "chart or output stream");
  int st = sl_plot_check_common(&c->common, chart, err);
  if (st) return st;
  if (c->n < 2 || !c->age || !c->fee_eur) return missing(err, chart, "at least two ages and fees");
  if (!c->low_eur != !c->high_eur)
    return missing(err, chart, "one side of the interval (give both low_eur and high_eur)");
  if (sl_plot_write_header(out, chart, &c->common)) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  sl_plot_write_string(out, "xlabel_text", c->xlabel);
  sl_plot_write_string(out, "ylabel_text", c->ylabel);
  sl_plot_write_string(out, "line_text", c->line_label);
  sl_plot_write_string(out, "whatif_text", c->whatif_label);
  sl_plot_write_string(out, "player_text", c->player);
  fprintf(out, "has_band = %d\nhas_whatif = %d\nhas_player = %d\n", c->low_eur != NULL,
          c->whatif_eur != NULL, c->player != NULL);
  sl_plot_write_number_var(out, "player_age", c->player ? c->player_age : NAN);
  sl_plot_write_number_var(out, "player_fee_eur", c->player ? c->player_fee_eur : NAN);
  int above, right;
  player_label_side(c, &above, &right);
  fprintf(out, "# his name goes where the estimate line is not: above it where it falls after his age,\n"
               "# below where it rises; to the left of him late in the axis\n"
               "player_label_above = %d\nplayer_label_right = %d\n", above, right);
  fputs("# point number, age (years), estimate, interval low, interval high, what-if "
        "estimate (EUR)\n$curve << EOD\n",
        out);
  for (size_t i = 0; i < c->n; i++) {
    double row[5] = {c->age[i], c->fee_eur[i], c->low_eur ? c->low_eur[i] : NAN,
                     c->high_eur ? c->high_eur[i] : NAN, c->whatif_eur ? c->whatif_eur[i] : NAN};
    write_row(out, i + 1, row, 5);
  }
  fputs("EOD\n", out);
  return sl_plot_write_template(out, template_dir, chart, err);
}

/* Geometry of plots/squad.gp that label placement relies on: its plot area as fractions of
 * the canvas (lmargin 0.10 to rmargin 0.86, bmargin 0.16 to tmargin 0.80), its label font
 * (8.5 pt) and the y range (0 to 105 % of minutes). */
#define SQUAD_AREA_LEFT 0.10
#define SQUAD_AREA_BOTTOM 0.16
#define SQUAD_AREA_WIDTH 0.76
#define SQUAD_AREA_HEIGHT 0.64
#define SQUAD_LABEL_PT 8.5
#define SQUAD_Y_TOP 1.05
/* Cairo draws 96/72 px per pt; an average Latin letter of Liberation Sans is ~0.5 em wide
 * and a line of text needs ~1.25 em. A pt 7 circle at pointsize 1 has a ~1.6 px radius
 * per unit of scale. */
#define PX_PER_PT (96.0 / 72.0)
#define CHAR_WIDTH_EM 0.5
#define LINE_HEIGHT_EM 1.25
#define POINT_RADIUS_PX 1.6
/* A highlighted player's name is placed before any other's: above the top importance. */
#define SQUAD_HIGHLIGHT_PRIORITY 1000.0
/* Point size from importance 0-100: small but visible at 0, three times wider at 100. */
#define SQUAD_PS_MIN 1.2
#define SQUAD_PS_RANGE 2.2
/* The age axis of a squad without a usable age: the ages of professional players. */
#define SQUAD_AGE_LOW 16.0
#define SQUAD_AGE_HIGH 38.0
/* Where a point gnuplot does not draw is put for the label placer: far outside the area. */
#define SQUAD_OFF_AREA -1e9

/* "Name (2027)": the text the template draws for player i. */
static void squad_label(const sl_plot_squad *c, size_t i, char *buf, size_t size) {
  const char *contract = c->contract ? c->contract[i] : NULL;
  if (contract && *contract) snprintf(buf, size, "%s (%s)", c->names[i], contract);
  else snprintf(buf, size, "%s", c->names[i] ? c->names[i] : "");
}

static int squad_highlighted(const sl_plot_squad *c, size_t i) { return c->highlight && c->highlight[i]; }

static double squad_point_size(double importance) {
  double v = isfinite(importance) ? fmax(0, fmin(100, importance)) : 0;
  return SQUAD_PS_MIN + SQUAD_PS_RANGE * v / 100;
}

/* Age axis: whole years with one year of room either side of the squad. */
static void squad_age_range(const sl_plot_squad *c, double *lo, double *hi) {
  double a = INFINITY, b = -INFINITY;
  for (size_t i = 0; i < c->n; i++)
    if (sl_plot_drawable(c->age[i])) {
      a = fmin(a, c->age[i]);
      b = fmax(b, c->age[i]);
    }
  if (c->peak_age_high > c->peak_age_low) {
    a = fmin(a, c->peak_age_low);
    b = fmax(b, c->peak_age_high);
  }
  *lo = isfinite(a) ? floor(a) - 1 : SQUAD_AGE_LOW;
  *hi = isfinite(b) ? ceil(b) + 1 : SQUAD_AGE_HIGH;
  /* Ages no axis can span (1e308: the year of room is lost in rounding) get the usual axis;
   * gnuplot leaves those points out. */
  if (!(*hi > *lo) || !isfinite(*hi - *lo)) *lo = SQUAD_AGE_LOW, *hi = SQUAD_AGE_HIGH;
}

typedef struct squad_layout {
  double age_lo, age_hi;
  double *ps, *label_age, *label_share;
  double *dot_age; /* where each dot is drawn: his age, moved aside from a dot it would hide */
  int *right;
} squad_layout;

/* Two dots closer than this share of their radii's sum are pushed apart sideways (Donnarumma's
 * dot hid Hakimi's: both 26, two thirds of the minutes), by at most SQUAD_DODGE_MAX years so that
 * the age still reads right. */
#define SQUAD_DODGE_SHARE 0.6
#define SQUAD_DODGE_MAX 0.35
#define SQUAD_DODGE_ROUNDS 8 /* a pair pushed apart may push into a third: a few rounds settle it */

/* Moves overlapping dots apart along the age axis (pixels in px, every move within
 * SQUAD_DODGE_MAX years of home); the larger dot keeps its place more. */
static void squad_dodge(double *px, const double *py, const double *radius, const int *drawn, size_t n,
                        double px_per_year) {
  double *home = malloc(n * sizeof *home);
  if (!home) return;
  memcpy(home, px, n * sizeof *home);
  double limit = SQUAD_DODGE_MAX * px_per_year;
  for (int round = 0; round < SQUAD_DODGE_ROUNDS; round++)
    for (size_t i = 0; i < n; i++)
      for (size_t j = i + 1; j < n; j++) {
        if (!drawn[i] || !drawn[j]) continue;
        double want = SQUAD_DODGE_SHARE * (radius[i] + radius[j]), dx = px[j] - px[i], dy = py[j] - py[i];
        if (dx * dx + dy * dy >= want * want) continue;
        double need = sqrt(want * want - dy * dy) - fabs(dx), side = dx >= 0 ? 1 : -1;
        double share_i = radius[j] / (radius[i] + radius[j]); /* the smaller dot moves more */
        px[i] = fmax(home[i] - limit, fmin(home[i] + limit, px[i] - side * need * share_i));
        px[j] = fmax(home[j] - limit, fmin(home[j] + limit, px[j] + side * need * (1 - share_i)));
      }
  free(home);
}

static void squad_layout_free(squad_layout *l) {
  free(l->dot_age);
  free(l->ps);
  free(l->label_age);
  free(l->label_share);
  free(l->right);
}

/* Point sizes and label anchors in data units (age, share 0-1). */
static int squad_lay_out(const sl_plot_squad *c, squad_layout *l) {
  double w, h, scale = sl_plot_scale(&c->common);
  sl_plot_canvas(&c->common, &w, &h);
  double em = SQUAD_LABEL_PT * scale * PX_PER_PT;
  size_t n = c->n;
  double *px = malloc(n * sizeof *px), *py = malloc(n * sizeof *py);
  double *radius = malloc(n * sizeof *radius), *width = malloc(n * sizeof *width);
  double *ax = malloc(n * sizeof *ax), *ay = malloc(n * sizeof *ay);
  int *drawn = malloc(n * sizeof *drawn);
  double *priority = malloc(n * sizeof *priority);
  l->ps = malloc(n * sizeof *l->ps);
  l->label_age = malloc(n * sizeof *l->label_age);
  l->label_share = malloc(n * sizeof *l->label_share);
  l->right = malloc(n * sizeof *l->right);
  l->dot_age = malloc(n * sizeof *l->dot_age);
  int st = SL_ENOMEM;
  if (px && py && radius && width && ax && ay && drawn && priority && l->ps && l->label_age && l->label_share &&
      l->right && l->dot_age) {
    squad_age_range(c, &l->age_lo, &l->age_hi);
    sl_plot_label_request r = {n, px, py, radius, width, LINE_HEIGHT_EM * em, priority,
                               SQUAD_AREA_WIDTH * w, SQUAD_AREA_HEIGHT * h, drawn};
    for (size_t i = 0; i < n; i++) {
      l->ps[i] = squad_point_size(c->importance[i]);
      priority[i] = (isfinite(c->importance[i]) ? c->importance[i] : 0) + (squad_highlighted(c, i) ? SQUAD_HIGHLIGHT_PRIORITY : 0);
      /* gnuplot skips a point without a finite age or share: it gets no name, and sits far
       * outside the area so that it repels no other name (as the scatter's missing points). */
      px[i] = (c->age[i] - l->age_lo) / (l->age_hi - l->age_lo) * r.area_width;
      py[i] = c->minutes_share[i] / SQUAD_Y_TOP * r.area_height;
      drawn[i] = isfinite(px[i]) && isfinite(py[i]);
      if (!drawn[i]) px[i] = py[i] = SQUAD_OFF_AREA;
      radius[i] = l->ps[i] * POINT_RADIUS_PX * scale;
      char label[512];
      squad_label(c, i, label, sizeof label);
      width[i] = sl_plot_text_width(label, SQUAD_LABEL_PT, squad_highlighted(c, i), scale);
    }
    squad_dodge(px, py, radius, drawn, n, r.area_width / (l->age_hi - l->age_lo));
    for (size_t i = 0; i < n; i++)
      l->dot_age[i] = drawn[i] ? l->age_lo + px[i] / r.area_width * (l->age_hi - l->age_lo) : c->age[i];
    st = sl_plot_place_labels(&r, ax, ay, l->right);
    for (size_t i = 0; !st && i < n; i++) {
      if (!drawn[i]) {
        l->label_age[i] = l->label_share[i] = NAN;
        continue;
      }
      l->label_age[i] = l->age_lo + ax[i] / r.area_width * (l->age_hi - l->age_lo);
      l->label_share[i] = ay[i] / r.area_height * SQUAD_Y_TOP;
      char label[512];
      squad_label(c, i, label, sizeof label);
      st = sl_plot_layout_add_text(c->common.layout, "label", label, SQUAD_AREA_LEFT * w + ax[i],
                                   SQUAD_AREA_BOTTOM * h + ay[i], l->right[i] ? 1 : -1, SQUAD_LABEL_PT,
                                   squad_highlighted(c, i), scale);
    }
  }
  free(priority);
  free(px);
  free(py);
  free(radius);
  free(width);
  free(ax);
  free(ay);
  free(drawn);
  return st;
}

static int squad_write(const sl_plot_squad *c, const char *template_dir, FILE *out, sl_error *err);

int sl_plot_squad_write(const sl_plot_squad *c, const char *template_dir, FILE *out, sl_error *err) {
  if (!c || !out || !c->names) return squad_write(c, template_dir, out, err);
  sl_plot_squad shown = *c;
  char **names = short_names(&c->common, c->names, c->n, SQUAD_LABEL_PT, 0);
  if (!names) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  shown.names = (const char *const *)names;
  int st = squad_write(&shown, template_dir, out, err);
  free_names(names, c->n);
  return st;
}

static int squad_write(const sl_plot_squad *c, const char *template_dir, FILE *out, sl_error *err) {
  static const char chart[] = "squad";
  if (!c || !out) return missing(err, chart, "chart or output stream");
  int st = sl_plot_check_common(&c->common, chart, err);
  if (st) return st;
  if (c->n == 0 || !c->names || !c->age || !c->minutes_share || !c->importance)
    return missing(err, chart, "names, ages, minutes shares or importance scores");
  squad_layout l = {0};
  if (squad_lay_out(c, &l)) {
    squad_layout_free(&l);
    return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  }
  int any_highlight = 0;
  for (size_t i = 0; i < c->n; i++) any_highlight |= squad_highlighted(c, i);
  if (sl_plot_write_header(out, chart, &c->common) ||
      sl_plot_write_caption(out, &c->common,
                            any_highlight ? "Size and colour: importance (0-100); ringed: highlighted; thin line: a name moved off its point"
                                          : "Size and colour: importance (0-100); thin line: a name moved off its point")) {
    squad_layout_free(&l);
    return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  }
  sl_plot_write_string(out, "xlabel_text", c->xlabel);
  sl_plot_write_string(out, "ylabel_text", c->ylabel);
  fprintf(out, "has_peak = %d\n", c->peak_age_high > c->peak_age_low);
  sl_plot_write_number_var(out, "peak_age_low", c->peak_age_low);
  sl_plot_write_number_var(out, "peak_age_high", c->peak_age_high);
  sl_plot_write_number_var(out, "age_low", l.age_lo);
  sl_plot_write_number_var(out, "age_high", l.age_hi);
  fprintf(out, "n_players = %zu\n", c->n);
  sl_plot_write_string_array(out, "name", c->names, c->n);
  sl_plot_write_string_array(out, "contract", c->contract, c->n);
  fputs("# player number, age (years; a dot that would hide another moved up to 0.35 aside),\n"
        "# minutes share (0-1), importance (0-100), point size,\n"
        "# label anchor age, label anchor share, label to the left of its anchor (1) or right (0)\n"
        "$squad << EOD\n",
        out);
  for (size_t i = 0; i < c->n; i++) {
    double row[7] = {l.dot_age[i], c->minutes_share[i], c->importance[i], l.ps[i],
                     l.label_age[i], l.label_share[i], l.right[i]};
    write_row(out, i + 1, row, 7);
  }
  fputs("EOD\n", out);
  fprintf(out, "array label_age[%zu]\narray label_share[%zu]\narray label_right[%zu]\narray highlighted[%zu]\n", c->n,
          c->n, c->n, c->n);
  for (size_t i = 0; i < c->n; i++) {
    fprintf(out, "label_age[%zu] = ", i + 1), sl_plot_write_number(out, l.label_age[i]);
    fprintf(out, "; label_share[%zu] = ", i + 1), sl_plot_write_number(out, l.label_share[i]);
    fprintf(out, "; label_right[%zu] = %d; highlighted[%zu] = %d\n", i + 1, l.right[i], i + 1, squad_highlighted(c, i));
  }
  squad_layout_free(&l);
  return sl_plot_write_template(out, template_dir, chart, err);
}

/* The importance chart's name column and bar area as importance.gp places them (screen
 * fractions): names end at the left margin, bars run from IMP_BARS_TOP down to IMP_BARS_BOTTOM. */
#define IMP_NAMES_LEFT 0.035
#define IMP_LMARGIN 0.22
/* The name column widens for long names up to this (bars keep 60% of the canvas): "Gianluigi
 * Donnarumma" whole, not "Gianluigi Donnaru…". */
#define IMP_LMARGIN_MAX 0.32
#define IMP_BARS_TOP 0.69
#define IMP_BARS_BOTTOM 0.16
/* Names at 10 pt while a row has room for a line of them, smaller for a long squad, never below
 * 5 pt (7.5 pt on the 1200x675 web canvas: a 32-player squad still fits it). */
#define IMP_NAME_PT 10.0
#define IMP_NAME_MIN_PT 5.0

/* The names' size for n rows, the name column's right edge *lmargin (screen fraction: as wide as
 * the widest name needs, IMP_LMARGIN to IMP_LMARGIN_MAX), and each name shortened to it only
 * beyond that. SL_EINVAL when the rows do not fit the canvas even at the smallest size. */
static int importance_names(const sl_plot_importance *c, double *pt, double *lmargin, char ***names, sl_error *err) {
  double w, h, scale = sl_plot_scale(&c->common);
  sl_plot_canvas(&c->common, &w, &h);
  double row_px = (IMP_BARS_TOP - IMP_BARS_BOTTOM) * h / (double)c->n_players;
  *pt = fmin(IMP_NAME_PT, row_px / (SL_PLOT_LINE_EM * SL_PLOT_PX_PER_PT * scale));
  *names = NULL;
  if (*pt < IMP_NAME_MIN_PT)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0,
                        "%zu players do not fit an importance chart of %.0fx%.0f px (at most %.0f at %.0f pt): draw "
                        "fewer players or a taller chart",
                        c->n_players, w, h,
                        floor((IMP_BARS_TOP - IMP_BARS_BOTTOM) * h /
                              (SL_PLOT_LINE_EM * IMP_NAME_MIN_PT * SL_PLOT_PX_PER_PT * scale)),
                        IMP_NAME_MIN_PT);
  double em = *pt * SL_PLOT_PX_PER_PT * scale, widest = 0; /* names end an em from the bars */
  for (size_t p = 0; p < c->n_players; p++)
    widest = fmax(widest, sl_plot_text_width(c->players[p], *pt, c->highlight && c->highlight[p], scale));
  /* a pixel more than the widest name needs: at the exact width rounding may cut it */
  *lmargin = fmin(IMP_LMARGIN_MAX, fmax(IMP_LMARGIN, IMP_NAMES_LEFT + (widest + em + 1) / w));
  double room = (*lmargin - IMP_NAMES_LEFT) * w - em;
  if (!(*names = calloc(c->n_players, sizeof **names))) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  for (size_t p = 0; p < c->n_players; p++)
    if (!((*names)[p] = sl_plot_text_shorten(c->players[p], room, *pt, c->highlight && c->highlight[p], scale)))
      return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  return SL_OK;
}

/* The names' boxes, as the y tics place them (yrange [n + 0.6 : 0.4], right-aligned at the
 * left margin less gnuplot's tic offset of about one em). */
static int importance_record(const sl_plot_importance *c, const char *const *names, double pt, double lmargin) {
  sl_plot_layout *l = c->common.layout;
  if (!l) return SL_OK;
  double w, h, scale = sl_plot_scale(&c->common);
  sl_plot_canvas(&c->common, &w, &h);
  double top = IMP_BARS_TOP * h, bottom = IMP_BARS_BOTTOM * h, span = (double)c->n_players + 0.2;
  double x = lmargin * w - pt * SL_PLOT_PX_PER_PT * scale;
  int st = SL_OK;
  for (size_t p = 0; !st && p < c->n_players; p++) {
    double y = bottom + ((double)c->n_players + 0.6 - (double)(p + 1)) / span * (top - bottom);
    st = sl_plot_layout_add_text(l, "name", names[p], x, y, 1, pt, c->highlight && c->highlight[p], scale);
  }
  return st;
}

int sl_plot_importance_write(const sl_plot_importance *c, const char *template_dir, FILE *out,
                             sl_error *err) {
  static const char chart[] = "importance";
  if (!c || !out) return missing(err, chart, "chart or output stream");
  int st = sl_plot_check_common(&c->common, chart, err);
  if (st) return st;
  if (c->n_players == 0 || c->n_components == 0 || !c->players || !c->components || !c->values)
    return missing(err, chart, "players, components or values");
  if (sl_plot_write_header(out, chart, &c->common)) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  sl_plot_write_string(out, "xlabel_text", c->xlabel);
  fprintf(out, "n_players = %zu\nn_components = %zu\n", c->n_players, c->n_components);
  double name_pt = IMP_NAME_PT, lmargin = IMP_LMARGIN;
  char **names = NULL;
  if ((st = importance_names(c, &name_pt, &lmargin, &names, err))) {
    for (size_t p = 0; names && p < c->n_players; p++) free(names[p]);
    free(names);
    return st;
  }
  sl_plot_write_number_var(out, "name_pt", name_pt);
  sl_plot_write_number_var(out, "names_lmargin", lmargin);
  sl_plot_write_string_array(out, "player_name", (const char *const *)names, c->n_players);
  fprintf(out, "array highlighted[%zu]\n", c->n_players);
  for (size_t p = 0; p < c->n_players; p++)
    if (c->highlight && c->highlight[p]) fprintf(out, "highlighted[%zu] = 1\n", p + 1);
    else fprintf(out, "highlighted[%zu] = 0\n", p + 1);
  st = importance_record(c, (const char *const *)names, name_pt, lmargin);
  for (size_t p = 0; p < c->n_players; p++) free(names[p]);
  free(names);
  if (st) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  sl_plot_write_string_array(out, "component_label", c->components, c->n_components);
  fputs("# player number (top to bottom), then the points of each component\n"
        "$importance << EOD\n",
        out);
  for (size_t p = 0; p < c->n_players; p++)
    write_row(out, p + 1, c->values + p * c->n_components, c->n_components);
  fputs("EOD\n", out);
  return sl_plot_write_template(out, template_dir, chart, err);
}
