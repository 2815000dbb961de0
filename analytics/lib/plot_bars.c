/* plot_bars.c - the comparison bars and trend panels writers. scoutlab lays both out itself (plot
 * area from the measured stat names, legend, bar numbers sized to their bars, trend value
 * labels above or below their points) and records every text box in the layout. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "plot_internal.h"
#include "runtime_internal.h"

#define OOM(err) sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory")
/* Design sizes (points): stat names, legend entries, bar numbers at most. */
#define BARS_NAME_PT 9.5
#define BARS_LEGEND_PT 10.0
#define BARS_VALUE_PT 9.0
/* Bar numbers printed smaller than this (points as drawn: design size x the canvas's scale) are
 * left out, said in the caption: unreadable, not small. Three players on the web canvas print at
 * 8 pt; six at 4.5. */
#define BARS_VALUE_MIN_PT 6.0
/* The drawing region: legend row, then the bars down to the x axis (canvas fractions). */
#define BARS_LEGEND_Y 0.775
#define BARS_TOP 0.70
#define BARS_LEGEND_ROW_EM 1.5
#define BARS_BOTTOM 0.15
#define BARS_RIGHT 0.95
/* A stat's players take a row each, 0.7 of it the bar; stats are a row apart. */
#define BARS_BAR_SHARE 0.7
#define BARS_STAT_GAP 0.8
/* Digits are ~0.72 em tall: a bar number's em is at most the bar's height / 0.8. */
#define DIGIT_EM 0.8
/* Stat names take at most this share of the width before they are shortened; legend names this. */
#define BARS_NAME_MAX 0.32
#define BARS_LEGEND_MAX 0.25

static void value_text(double v, char *buf, size_t size) {
  if (!isfinite(v)) snprintf(buf, size, "-");
  else if (fabs(v) >= 1000) sl_snprintf_c(buf, size, "%.0f", v);
  else sl_snprintf_c(buf, size, "%.3g", v);
}

/* Bar i's number as drawn: the caller's text (sl_plot_bars.value_text), else value_text(). */
static void bar_value_text(const sl_plot_bars *c, size_t i, char *buf, size_t size) {
  if (c->value_text && c->value_text[i]) snprintf(buf, size, "%s", c->value_text[i]);
  else value_text(c->value[i], buf, size);
}

typedef struct bars_geom {
  double w, h, scale, left, right, top, bottom, value_pt, rows, gap_px;
  int values;        /* 1: the numbers at the bars' ends are drawn */
  char **name;
  char **legend;     /* the players' names as the legend shows them (shortened to fit) */
  double legend_x[SL_PLOT_BARS_MAX_PLAYERS];   /* each swatch's left edge, canvas px */
  double legend_row[SL_PLOT_BARS_MAX_PLAYERS]; /* 0 the first row, 1 the second */
} bars_geom;

/* The legend along a row under the subtitle, from the canvas's text margin, a second row when
 * the first is full (names of at most BARS_LEGEND_MAX of the width put three on a row, so six
 * players take two): each entry's place into g; returns the rows. */
static int place_legend(const sl_plot_bars *c, bars_geom *g) {
  double em = BARS_LEGEND_PT * SL_PLOT_PX_PER_PT * g->scale, x0 = SL_PLOT_TEXT_LEFT * g->w, x = x0;
  double right = (1 - SL_PLOT_TEXT_LEFT) * g->w;
  for (size_t p = 0; p < c->n_players; p++) {
    double item = 1.4 * em + sl_plot_text_width(g->legend[p], BARS_LEGEND_PT, 0, g->scale);
    if (x + item > right && x > x0) x = x0, g->legend_row[p] = 1;
    else g->legend_row[p] = p && g->legend_row[p - 1];
    g->legend_x[p] = x;
    x += item + 1.2 * em;
  }
  return c->n_players && g->legend_row[c->n_players - 1] ? 2 : 1;
}

static int bars_lay_out(const sl_plot_bars *c, bars_geom *g) {
  sl_plot_canvas(&c->common, &g->w, &g->h);
  g->scale = sl_plot_scale(&c->common);
  g->name = calloc(c->n_stats, sizeof *g->name);
  if (!g->name) return SL_ENOMEM;
  double widest = 0, widest_value = 0;
  for (size_t s = 0; s < c->n_stats; s++) {
    if (!(g->name[s] = sl_plot_text_shorten(c->stats[s], BARS_NAME_MAX * g->w, BARS_NAME_PT, 0, g->scale))) return SL_ENOMEM;
    widest = fmax(widest, sl_plot_text_width(g->name[s], BARS_NAME_PT, 0, g->scale));
  }
  if (!(g->legend = calloc(c->n_players, sizeof *g->legend))) return SL_ENOMEM;
  for (size_t p = 0; p < c->n_players; p++)
    if (!(g->legend[p] = sl_plot_text_shorten_name(c->players[p], BARS_LEGEND_MAX * g->w, BARS_LEGEND_PT, 0, g->scale)))
      return SL_ENOMEM;
  g->rows = (double)(c->n_stats * c->n_players) + BARS_STAT_GAP * (double)(c->n_stats - 1);
  /* A second legend row takes the top of the bars' region (it sat on the first bar). */
  double legend_em = BARS_LEGEND_PT * SL_PLOT_PX_PER_PT * g->scale;
  g->top = BARS_TOP * g->h - (place_legend(c, g) - 1) * BARS_LEGEND_ROW_EM * legend_em;
  g->bottom = BARS_BOTTOM * g->h;
  double bar_px = BARS_BAR_SHARE * (g->top - g->bottom) / g->rows;
  g->value_pt = fmin(BARS_VALUE_PT, bar_px / (DIGIT_EM * SL_PLOT_PX_PER_PT * g->scale));
  g->values = g->value_pt * g->scale >= BARS_VALUE_MIN_PT;
  for (size_t i = 0; g->values && i < c->n_players * c->n_stats; i++) {
    char t[32];
    bar_value_text(c, i, t, sizeof t);
    widest_value = fmax(widest_value, sl_plot_text_width(t, g->value_pt, 1, g->scale));
  }
  double em = BARS_NAME_PT * SL_PLOT_PX_PER_PT * g->scale;
  g->gap_px = 0.4 * em;
  g->left = SL_PLOT_TEXT_LEFT * g->w + widest + em;
  g->right = BARS_RIGHT * g->w - (g->values ? widest_value + 2 * g->gap_px : 0);
  return g->right > g->left ? SL_OK : SL_OK; /* a tiny canvas still draws; the layout test judges */
}

/* Row centre (from the top, in rows) of player p's bar on stat s. */
static double bar_row(const sl_plot_bars *c, size_t s, size_t p) {
  return (double)(s * c->n_players + p) + BARS_STAT_GAP * (double)s + 0.5;
}

static double row_y_px(const bars_geom *g, double row) { return g->top - row / g->rows * (g->top - g->bottom); }

static int bars_record(const sl_plot_bars *c, const bars_geom *g) {
  sl_plot_layout *l = c->common.layout;
  int st = SL_OK;
  for (size_t s = 0; !st && s < c->n_stats; s++) {
    double mid = 0.5 * (bar_row(c, s, 0) + bar_row(c, s, c->n_players - 1));
    st = sl_plot_layout_add_text(l, "axis", g->name[s], g->left - g->gap_px * 2, row_y_px(g, mid), 1, BARS_NAME_PT, 0,
                                 g->scale);
    for (size_t p = 0; !st && g->values && p < c->n_players; p++) {
      char t[32];
      double pct = c->percentile[p * c->n_stats + s];
      bar_value_text(c, p * c->n_stats + s, t, sizeof t);
      double x = g->left + (isfinite(pct) ? fmax(0, fmin(100, pct)) : 0) / 100 * (g->right - g->left) + g->gap_px;
      st = sl_plot_layout_add_text(l, "value", t, x, row_y_px(g, bar_row(c, s, p)), -1, g->value_pt, 1, g->scale);
    }
  }
  double em = BARS_LEGEND_PT * SL_PLOT_PX_PER_PT * g->scale; /* the legend, as place_legend put it */
  for (size_t p = 0; !st && p < c->n_players; p++) {
    double y = BARS_LEGEND_Y * g->h - g->legend_row[p] * BARS_LEGEND_ROW_EM * em;
    st = sl_plot_layout_add_text(l, "legend", g->legend[p], g->legend_x[p] + 1.4 * em, y, -1, BARS_LEGEND_PT, 0,
                                 g->scale);
  }
  return st;
}

int sl_plot_bars_write(const sl_plot_bars *c, const char *template_dir, FILE *out, sl_error *err) {
  static const char chart[] = "bars";
  if (!c || !out) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "bars chart: chart or output stream missing");
  int st = sl_plot_check_common(&c->common, chart, err);
  if (st) return st;
  if (c->n_players < 2 || c->n_players > SL_PLOT_BARS_MAX_PLAYERS || c->n_stats == 0 ||
      c->n_stats > SL_PLOT_BARS_MAX_STATS || !c->players || !c->stats || !c->percentile || !c->value)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "bars chart: 2 to %d players and 1 to %d stats with values",
                        SL_PLOT_BARS_MAX_PLAYERS, SL_PLOT_BARS_MAX_STATS);
  bars_geom g = {0};
  double legend_x[SL_PLOT_BARS_MAX_PLAYERS], legend_y[SL_PLOT_BARS_MAX_PLAYERS];
  st = bars_lay_out(c, &g);
  if (!st) st = sl_plot_write_header(out, chart, &c->common);
  if (!st)
    st = sl_plot_write_caption(out, &c->common,
                               g.values ? "Bar: percentile among the peers; number: the value"
                                        : "Bar: percentile among the peers; the values left out (too many bars to print them)");
  if (!st) st = bars_record(c, &g);
  if (!st) {
    fprintf(out, "n_players = %zu\nn_stats = %zu\n", c->n_players, c->n_stats);
    sl_plot_write_string_array(out, "player_name", (const char *const *)g.legend, c->n_players);
    sl_plot_write_string_array(out, "stat_label", (const char *const *)g.name, c->n_stats);
    fprintf(out, "has_value_label = %d\n", c->value_text != NULL);
    if (c->value_text) sl_plot_write_string_array(out, "value_label", c->value_text, c->n_players * c->n_stats);
    sl_plot_write_string(out, "xlabel_text", c->xlabel);
    fputs("# where scoutlab drew things (screen fractions; bars in rows from the top)\n", out);
    sl_plot_write_number_var(out, "area_left", g.left / g.w);
    sl_plot_write_number_var(out, "area_right", g.right / g.w);
    sl_plot_write_number_var(out, "area_top", g.top / g.h);
    sl_plot_write_number_var(out, "area_bottom", g.bottom / g.h);
    sl_plot_write_number_var(out, "row_count", g.rows);
    sl_plot_write_number_var(out, "half_bar", BARS_BAR_SHARE / 2);
    sl_plot_write_number_var(out, "value_pt", g.value_pt);
    fprintf(out, "has_values = %d\n", g.values);
    sl_plot_write_number_var(out, "value_gap", g.gap_px / (g.right - g.left) * 100);
    sl_plot_write_number_var(out, "name_x", (g.left - 2 * g.gap_px) / g.w);
    sl_plot_write_number_var(out, "legend_y", BARS_LEGEND_Y);
    sl_plot_write_number_var(out, "legend_em", BARS_LEGEND_PT * SL_PLOT_PX_PER_PT * g.scale / g.w);
    for (size_t p = 0; p < c->n_players; p++) {
      legend_x[p] = g.legend_x[p] / g.w;
      legend_y[p] = BARS_LEGEND_Y - g.legend_row[p] * BARS_LEGEND_ROW_EM * BARS_LEGEND_PT * SL_PLOT_PX_PER_PT * g.scale / g.h;
    }
    sl_plot_write_number_array(out, "legend_x", legend_x, c->n_players);
    sl_plot_write_number_array(out, "legend_yp", legend_y, c->n_players);
    /* The x axis runs past 100 to the canvas edge, so that the numbers at the bar ends are drawn. */
    sl_plot_write_number_var(out, "area_full", BARS_RIGHT);
    sl_plot_write_number_var(out, "x_max", 100 * (BARS_RIGHT * g.w - g.left) / (g.right - g.left));
    double *mid = malloc(c->n_stats * sizeof *mid);
    if (!mid) st = SL_ENOMEM;
    for (size_t s = 0; mid && s < c->n_stats; s++)
      mid[s] = row_y_px(&g, 0.5 * (bar_row(c, s, 0) + bar_row(c, s, c->n_players - 1))) / g.h;
    if (mid) sl_plot_write_number_array(out, "name_y", mid, c->n_stats);
    free(mid);
    fputs("# stat, player, row (from the top), percentile (0-100), value\n$bars << EOD\n", out);
    for (size_t s = 0; s < c->n_stats; s++)
      for (size_t p = 0; p < c->n_players; p++) {
        fprintf(out, "%zu\t%zu\t", s + 1, p + 1);
        sl_plot_write_number(out, bar_row(c, s, p)), fputc('\t', out);
        sl_plot_write_number(out, c->percentile[p * c->n_stats + s]), fputc('\t', out);
        sl_plot_write_number(out, c->value[p * c->n_stats + s]), fputc('\n', out);
      }
    fputs("EOD\n", out);
  }
  for (size_t s = 0; g.name && s < c->n_stats; s++) free(g.name[s]);
  for (size_t p = 0; g.legend && p < c->n_players; p++) free(g.legend[p]);
  free(g.name), free(g.legend);
  if (st) return OOM(err);
  return sl_plot_write_template(out, template_dir, chart, err);
}

/* ---- trend ---------------------------------------------------------------------------------- */

#define TREND_TOP 0.78
#define TREND_BOTTOM 0.09
#define TREND_TITLE_PT 9.5
#define TREND_VALUE_PT 8.0
#define TREND_VALUE_MIN_PT 6.0
#define TREND_TIC_PT 8.0
/* Space inside a panel for its title and its season labels, in their ems. */
#define TREND_TITLE_ROOM_EM 1.8
#define TREND_TICS_ROOM_EM 2.0
#define TREND_LEFT_ROOM_EM 3.2
/* The percentile axis runs a little beyond 0-100 so that value labels fit above and below. */
#define TREND_Y_LOW -22.0
#define TREND_Y_HIGH 122.0
/* A value label sits this many ems above its point (below when the point is above 70). */
#define TREND_LABEL_LIFT_EM 1.0
#define TREND_FLIP_ABOVE 70.0

typedef struct panel {
  double l, r, b, t; /* plot area of the panel, canvas px */
} panel;

static void trend_panels(const sl_plot_trend *c, double w, double h, double scale, panel *pn, size_t *cols) {
  size_t n = c->n_stats;
  *cols = n <= 3 ? n : n == 4 ? 2 : n <= 6 ? 3 : 4;
  size_t rows = (n + *cols - 1) / *cols;
  double x0 = SL_PLOT_TEXT_LEFT * w, x1 = (1 - SL_PLOT_TEXT_LEFT) * w, y1 = TREND_TOP * h, y0 = TREND_BOTTOM * h;
  double cw = (x1 - x0) / (double)*cols, ch = (y1 - y0) / (double)rows;
  double tem = TREND_TITLE_PT * SL_PLOT_PX_PER_PT * scale, tic = TREND_TIC_PT * SL_PLOT_PX_PER_PT * scale;
  for (size_t s = 0; s < n; s++) {
    size_t r = s / *cols, k = s % *cols;
    pn[s].l = x0 + (double)k * cw + TREND_LEFT_ROOM_EM * tic;
    pn[s].r = x0 + (double)(k + 1) * cw - 0.8 * tic;
    pn[s].t = y1 - (double)r * ch - TREND_TITLE_ROOM_EM * tem;
    pn[s].b = y1 - (double)(r + 1) * ch + TREND_TICS_ROOM_EM * tic;
  }
}

static double trend_x_px(const panel *p, size_t k, size_t n) {
  return p->l + ((double)k + 0.5) / (double)n * (p->r - p->l);
}

static double trend_y_px(const panel *p, double pct) {
  return p->b + (pct - TREND_Y_LOW) / (TREND_Y_HIGH - TREND_Y_LOW) * (p->t - p->b);
}

/* The season labels as the panels have room for them: "2020/21", else "20/21", else every other
 * one (a slot narrower than its label overprinted the next: "2020/212021/22"). Labels are
 * copies into buf rows of TREND_LABEL_MAX bytes. */
#define TREND_LABEL_MAX 32
#define TREND_LABEL_GAP_EM 0.6 /* between two neighbouring labels */
static void trend_season_labels(const sl_plot_trend *c, const panel *p, double scale,
                                char (*buf)[TREND_LABEL_MAX]) {
  size_t n = c->n_seasons;
  double slot = (p->r - p->l) / (double)n, gap = TREND_LABEL_GAP_EM * TREND_TIC_PT * SL_PLOT_PX_PER_PT * scale, widest = 0;
  for (size_t k = 0; k < n; k++) widest = fmax(widest, sl_plot_text_width(c->seasons[k], TREND_TIC_PT, 0, scale));
  int two_digit = widest + gap > slot, every = 1;
  for (size_t k = 0; k < n; k++) {
    const char *t = c->seasons[k] ? c->seasons[k] : ""; /* a missing label is a blank one */
    snprintf(buf[k], TREND_LABEL_MAX, "%s", two_digit && strlen(t) == 7 && t[4] == '/' ? t + 2 : t);
  }
  if (two_digit) {
    widest = 0;
    for (size_t k = 0; k < n; k++) widest = fmax(widest, sl_plot_text_width(buf[k], TREND_TIC_PT, 0, scale));
    while (widest + gap > (double)every * slot && (size_t)every < n) every++;
  }
  for (size_t k = 0; k < n; k++)
    if ((n - 1 - k) % (size_t)every) buf[k][0] = '\0'; /* the latest season always labelled */
}
/* Whether point k's number goes below it: on the side the line does not take. A peak's number
 * above, a valley's below; where the line runs through (one neighbour higher, one lower), on the
 * side of the gentler segment (a steep one crosses a number centred over the point: "1.26" on
 * the line); a point alone, above unless near the top (TREND_FLIP_ABOVE). */
static int trend_label_below(const double *pct, size_t n, size_t k, double p) {
  double left = k > 0 ? pct[k - 1] : NAN, right = k + 1 < n ? pct[k + 1] : NAN;
  left = isfinite(left) ? fmax(0, fmin(100, left)) : NAN, right = isfinite(right) ? fmax(0, fmin(100, right)) : NAN;
  int up = left > p || right > p, down = left < p || right < p; /* NAN compares false */
  if (up != down) return up;
  if (!up) return p > TREND_FLIP_ABOVE;
  double rise = left > p ? left - p : right - p, fall = left < p ? p - left : p - right;
  return rise >= fall;
}


int sl_plot_trend_write(const sl_plot_trend *c, const char *template_dir, FILE *out, sl_error *err) {
  static const char chart[] = "trend";
  if (!c || !out) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "trend chart: chart or output stream missing");
  int st = sl_plot_check_common(&c->common, chart, err);
  if (st) return st;
  if (c->n_stats == 0 || c->n_stats > SL_PLOT_TREND_MAX_STATS || c->n_seasons < 2 ||
      c->n_seasons > SL_PLOT_TREND_MAX_SEASONS || !c->stats || !c->seasons || !c->percentile || !c->value)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "trend chart: 1 to %d stats over 2 to %d seasons",
                        SL_PLOT_TREND_MAX_STATS, SL_PLOT_TREND_MAX_SEASONS);
  double w, h, scale = sl_plot_scale(&c->common);
  sl_plot_canvas(&c->common, &w, &h);
  panel pn[SL_PLOT_TREND_MAX_STATS];
  size_t cols, n = c->n_seasons;
  trend_panels(c, w, h, scale, pn, &cols);
  st = sl_plot_write_header(out, chart, &c->common);
  if (!st) st = sl_plot_write_caption(out, &c->common, "Line: percentile among the season's peers; number: the value");
  if (st) return OOM(err);
  fprintf(out, "n_stats = %zu\nn_seasons = %zu\n", c->n_stats, n);
  sl_plot_write_string(out, "player_text", c->player);
  char labels[SL_PLOT_TREND_MAX_SEASONS][TREND_LABEL_MAX];
  const char *label_ptr[SL_PLOT_TREND_MAX_SEASONS];
  trend_season_labels(c, &pn[0], scale, labels);
  for (size_t k = 0; k < n; k++) label_ptr[k] = labels[k];
  sl_plot_write_string_array(out, "season_label", label_ptr, n);
  double tic_y = pn[0].b - 0.9 * TREND_TIC_PT * SL_PLOT_PX_PER_PT * scale;
  for (size_t s = 0; !st && s < c->n_stats; s++)
    for (size_t k = 0; !st && k < n; k++)
      if (labels[k][0])
        st = sl_plot_layout_add_text(c->common.layout, "season", labels[k], trend_x_px(&pn[s], k, n),
                                     tic_y - (pn[0].b - pn[s].b), 0, TREND_TIC_PT, 0, scale);
  fprintf(out, "array stat_label[%zu]\n", c->n_stats);
  /* Value labels at 8 pt while a season's slot holds the widest, smaller down to 6 pt, and below
   * that every other label on the other side of its point (neighbours overprinted: "0.200.20"). */
  double slot = (pn[0].r - pn[0].l) / (double)n, widest = 0, gap = TREND_LABEL_GAP_EM * TREND_VALUE_PT * SL_PLOT_PX_PER_PT * scale;
  for (size_t s = 0; s < c->n_stats; s++)
    for (size_t k = 0; k < n; k++) {
      char t[32];
      if (!isfinite(c->value[s * n + k])) continue;
      if (c->value_text && c->value_text[s * n + k]) snprintf(t, sizeof t, "%s", c->value_text[s * n + k]);
      else value_text(c->value[s * n + k], t, sizeof t);
      widest = fmax(widest, sl_plot_text_width(t, 1.0, 0, scale));
    }
  double value_pt = widest > 0 ? fmax(TREND_VALUE_MIN_PT, fmin(TREND_VALUE_PT, (slot - gap) / widest)) : TREND_VALUE_PT;
  int stagger = widest * value_pt + gap > slot;
  sl_plot_write_number_var(out, "value_pt", value_pt);
  double lift = TREND_LABEL_LIFT_EM * value_pt * SL_PLOT_PX_PER_PT * scale;
  double *label_y = malloc((c->n_stats * n + 1) * sizeof *label_y);
  if (!label_y) return OOM(err);
  for (size_t s = 0; !st && s < c->n_stats; s++) {
    char name[48], *title = sl_plot_text_shorten(c->stats[s], pn[s].r - pn[s].l + 2 * TREND_TIC_PT, TREND_TITLE_PT, 1, scale);
    if (!title) return free(label_y), OOM(err);
    snprintf(name, sizeof name, "stat_label[%zu]", s + 1);
    sl_plot_write_string(out, name, title);
    double ty = pn[s].t + 0.9 * TREND_TITLE_PT * SL_PLOT_PX_PER_PT * scale;
    st = sl_plot_layout_add_text(c->common.layout, "panel title", title, pn[s].l, ty, -1, TREND_TITLE_PT, 1, scale);
    free(title);
    for (size_t k = 0; !st && k < n; k++) {
      double p = c->percentile[s * n + k], v = c->value[s * n + k];
      if (!isfinite(p) || !isfinite(v)) continue;
      char t[32];
      if (c->value_text && c->value_text[s * n + k]) snprintf(t, sizeof t, "%s", c->value_text[s * n + k]);
      else value_text(v, t, sizeof t);
      /* As the bars and the pizza: a percentile beyond 0-100 is placed at the end of the scale. */
      p = fmax(0, fmin(100, p));
      int below = trend_label_below(c->percentile + s * n, n, k, p);
      if (stagger && (n - 1 - k) % 2) below = !below;
      double y = trend_y_px(&pn[s], p) + (below ? -lift : lift);
      label_y[s * n + k] = TREND_Y_LOW + (y - pn[s].b) / (pn[s].t - pn[s].b) * (TREND_Y_HIGH - TREND_Y_LOW);
      st = sl_plot_layout_add_text(c->common.layout, "value", t, trend_x_px(&pn[s], k, n), y, 0, value_pt, 0, scale);
    }
  }
  if (st) return free(label_y), OOM(err);
  fputs("# each panel's plot area (screen fractions), placed by scoutlab\n", out);
  fprintf(out, "array panel_l[%zu]\narray panel_r[%zu]\narray panel_b[%zu]\narray panel_t[%zu]\n", c->n_stats,
          c->n_stats, c->n_stats, c->n_stats);
  for (size_t s = 0; s < c->n_stats; s++) {
    fprintf(out, "panel_l[%zu] = ", s + 1), sl_plot_write_number(out, pn[s].l / w);
    fprintf(out, "; panel_r[%zu] = ", s + 1), sl_plot_write_number(out, pn[s].r / w);
    fprintf(out, "; panel_b[%zu] = ", s + 1), sl_plot_write_number(out, pn[s].b / h);
    fprintf(out, "; panel_t[%zu] = ", s + 1), sl_plot_write_number(out, pn[s].t / h), fputc('\n', out);
  }
  sl_plot_write_number_var(out, "y_low", TREND_Y_LOW);
  sl_plot_write_number_var(out, "y_high", TREND_Y_HIGH);
  fprintf(out, "has_value_label = %d\n", c->value_text != NULL);
  if (c->value_text) sl_plot_write_string_array(out, "value_label", c->value_text, c->n_stats * n);
  fputs("# one block per stat (index s-1): season number, percentile (0-100), value, where its label\n"
        "# goes (percentile units: above the point, below it near the top, placed by scoutlab)\n$trend << EOD\n",
        out);
  for (size_t s = 0; s < c->n_stats; s++) {
    for (size_t k = 0; k < n; k++) {
      double p = c->percentile[s * n + k], v = c->value[s * n + k];
      fprintf(out, "%zu\t", k + 1), sl_plot_write_number(out, p);
      fputc('\t', out), sl_plot_write_number(out, v), fputc('\t', out);
      sl_plot_write_number(out, isfinite(p) && isfinite(v) ? label_y[s * n + k] : NAN), fputc('\n', out);
    }
    fputs("\n\n", out);
  }
  fputs("EOD\n", out);
  free(label_y);
  return sl_plot_write_template(out, template_dir, chart, err);
}
