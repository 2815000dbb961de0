/* plot_radar.c - the radar writer. The radar is drawn as plain x-y polygons (not gnuplot's
 * spiderplot, whose SVG output in 5.4.4 leaves later outlines outside their fill="none"
 * group, so browsers fill them black): scoutlab computes the rings, spokes, each player's
 * polygon, the rim marks for values beyond an axis, and where each axis name and the legend
 * go, so that no two texts overlap and all stay on the canvas (recorded in the layout). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "plot_internal.h"
#include "textutil.h"
#include "runtime_internal.h"

#define PI 3.14159265358979323846
/* Design sizes (points): axis names, their ranges, legend entries. */
#define AXIS_PT 9.5
#define RANGE_PT 8.0
#define LEGEND_PT 10.5
/* The drawing region below the title block and above the credits, as canvas fractions. */
#define REGION_TOP 0.80
#define REGION_BOTTOM 0.085
/* Gap between the rim and an axis name, in axis-name ems; and between legend rows. */
#define LABEL_GAP_EM 0.6
#define LEGEND_ROW_EM 1.6
#define LEGEND_SWATCH_EM 1.4
/* An axis name may take at most this share of the canvas width before it is shortened. */
#define AXIS_MAX_WIDTH 0.24
/* A legend name too (an 80-character name would leave the radar a dot). */
#define LEGEND_MAX_WIDTH 0.26 /* "Caio Henrique Oliveira Silva" whole at 1200 px */
/* Rings at a quarter, half and three quarters of each axis's range, and the rim. */
#define N_RINGS 4
/* The legend's note on the rim marks (two short lines, so it fits beside any radar). */
#define RIM_NOTE_1 "\xe2\x96\xb2 rim, \xe2\x96\xbc centre: beyond the"
#define RIM_NOTE_2 "axis range (5th-95th pct)"
/* Pushing a colliding axis name outward, in steps of a fifth of its line height. */
#define PUSH_STEP 0.2
#define PUSH_MAX 12

typedef struct axis_text {
  char *name, *name2; /* the name, on two lines when it is too long for one (name2 "" else) */
  char *range;
  double x, y;     /* anchor, canvas px */
  int align;       /* -1 left, 0 centre, 1 right */
  double w, h;     /* block size */
  double x0, y0;   /* block bottom-left */
} axis_text;

/* Three significant digits, whole numbers from 1000 up (1580, not 1.58e+03). */
static void number_text(double v, char *buf, size_t size) {
  if (!isfinite(v)) snprintf(buf, size, "-");
  else if (fabs(v) >= 1000) sl_snprintf_c(buf, size, "%.0f", v);
  else sl_snprintf_c(buf, size, "%.3g", v);
}

/* "st", "nd", "rd" or "th" for a rounded percentile (1st, 22nd, 13th). */
static const char *ordinal(double p) { return sl_ordinal_suffix(lround(p)); }

static double axis_angle(size_t a, size_t n) { return 2 * PI * (double)a / (double)n; }

/* Normalised radius of value v on axis a (0 centre, 1 rim); *beyond set when v lies outside. */
static double radius_of(double v, double lo, double hi, int *beyond) {
  double r = (v - lo) / (hi - lo);
  *beyond = 0;
  if (!isfinite(r)) return NAN;
  if (r > 1) *beyond = 1, r = 1;
  if (r < 0) *beyond = -1, r = 0;
  return r;
}

static void place_block(axis_text *t, double cx, double cy, double dist, double theta) {
  double sx = sin(theta), cy_ = cos(theta);
  t->x = cx + dist * sx, t->y = cy + dist * cy_;
  t->align = sx > 0.15 ? -1 : sx < -0.15 ? 1 : 0;
  t->x0 = t->align < 0 ? t->x : t->align > 0 ? t->x - t->w : t->x - t->w / 2;
  /* Names above the centre sit with their bottom on the anchor, those below hang from it. */
  t->y0 = cy_ > 0.15 ? t->y : cy_ < -0.15 ? t->y - t->h : t->y - t->h / 2;
}

static int blocks_overlap(const axis_text *a, const axis_text *b) {
  return a->x0 < b->x0 + b->w && b->x0 < a->x0 + a->w && a->y0 < b->y0 + b->h && b->y0 < a->y0 + a->h;
}

/* How the names are set, tried in this order until the ring fits (lay_out_blocks): a long name on
 * two lines (a journalist's chart must not need "Goals against per 90 (fewer is…" finished by
 * hand); two lines only above and below the ring; on one line with more room across (when
 * two-line blocks stack too high: sixteen stats); on one line cut to the room, the last resort. */
typedef enum { NAMES_TWO_LINES, NAMES_MIXED, NAMES_WIDE, NAMES_CUT, NAME_FORMS } name_form;
/* NAMES_MIXED: two lines above and below the ring, where names sit side by side and a narrow
 * block clears its neighbours; one line across at the sides, where blocks stack and a line more
 * costs height. A block is "above or below" within this sine of the vertical. */
#define MIXED_SIDE_SINE 0.5
/* A ring smaller than this share of the region's half-height reads as a dot beside its names:
 * the next form is tried. */
#define MIN_RING_SHARE 0.4

/* Sets t's name in `form`, its range line, width and height. */
static int axis_block(axis_text *t, const char *name, const char *range, double room, name_form form, double scale) {
  if (form == NAMES_TWO_LINES) {
    if (sl_plot_text_wrap_balanced(name, room, AXIS_PT, 0, scale, &t->name, &t->name2)) return SL_ENOMEM;
  } else {
    t->name = sl_plot_text_shorten(name, room, AXIS_PT, 0, scale);
    t->name2 = strdup("");
    if (!t->name || !t->name2) return SL_ENOMEM;
  }
  if (!(t->range = strdup(range))) return SL_ENOMEM;
  double em = AXIS_PT * SL_PLOT_PX_PER_PT * scale, rem = RANGE_PT * SL_PLOT_PX_PER_PT * scale;
  t->w = fmax(fmax(sl_plot_text_width(t->name, AXIS_PT, 0, scale), sl_plot_text_width(t->name2, AXIS_PT, 0, scale)),
              sl_plot_text_width(t->range, RANGE_PT, 0, scale));
  t->h = SL_PLOT_LINE_EM * ((*t->name2 ? 2 : 1) * em + rem);
  return SL_OK;
}

/* Canvas y of the block's name lines (line 0 or 1) and of its range line. */
static double name_line_y(const axis_text *t, int line, double scale) {
  return t->y0 + t->h - (0.5 + line) * SL_PLOT_LINE_EM * AXIS_PT * SL_PLOT_PX_PER_PT * scale;
}
static double range_line_y(const axis_text *t, double scale) {
  return t->y0 + 0.5 * SL_PLOT_LINE_EM * RANGE_PT * SL_PLOT_PX_PER_PT * scale;
}

/* Places n label blocks around a ring of radius g->R (angle of block k: (k + offset) / n of a
 * turn, clockwise from the top), each pushed out along its spoke until it clears the others;
 * then shrinks the ring until every block lies inside [left, right] x [bottom, top]. */
struct radar_geom;
/* The region the ring and its names must stay in (canvas px), and the gap from rim to name. */
typedef struct ring_region {
  double left, right, bottom, top, gap;
} ring_region;
static double fit_ring(struct radar_geom *g, size_t n, double offset, const ring_region *r, double block_h);
static int lay_out_blocks(struct radar_geom *g, size_t n, const char *const *names, char *const *ranges, double room,
                          double offset, const ring_region *r);

typedef struct radar_geom {
  double w, h, scale, cx, cy, R;
  double legend_x, legend_y; /* top-left of the legend, canvas px */
  axis_text *axis;
  char **legend;             /* the players' names as the legend shows them (shortened to fit) */
  size_t nlegend;
} radar_geom;

/* The legend's names, each shortened to LEGEND_MAX_WIDTH; their widest, swatch included. */
static int legend_names(const sl_plot_radar *c, radar_geom *g, double *width) {
  double widest = 0;
  if (!(g->legend = calloc(c->n_players ? c->n_players : 1, sizeof *g->legend))) return SL_ENOMEM;
  g->nlegend = c->n_players;
  for (size_t p = 0; p < c->n_players; p++) {
    if (!(g->legend[p] = sl_plot_text_shorten_name(c->players[p], LEGEND_MAX_WIDTH * g->w, LEGEND_PT, 0, g->scale)))
      return SL_ENOMEM;
    widest = fmax(widest, sl_plot_text_width(g->legend[p], LEGEND_PT, 0, g->scale));
  }
  *width = widest + LEGEND_SWATCH_EM * LEGEND_PT * SL_PLOT_PX_PER_PT * g->scale;
  return SL_OK;
}

/* Radius and centre: the biggest circle that leaves room for the names on every side. */
static int radar_lay_out(const sl_plot_radar *c, radar_geom *g) {
  sl_plot_canvas(&c->common, &g->w, &g->h);
  g->scale = sl_plot_scale(&c->common);
  double em = AXIS_PT * SL_PLOT_PX_PER_PT * g->scale;
  char **ranges = calloc(c->n_axes, sizeof *ranges);
  int st = ranges ? SL_OK : SL_ENOMEM;
  for (size_t a = 0; !st && a < c->n_axes; a++) {
    char lo[32], hi[32], range[96];
    if (c->axis_low_text && c->axis_high_text && c->axis_low_text[a] && c->axis_high_text[a])
      snprintf(lo, sizeof lo, "%s", c->axis_low_text[a]), snprintf(hi, sizeof hi, "%s", c->axis_high_text[a]);
    else number_text(c->axis_low[a], lo, sizeof lo), number_text(c->axis_high[a], hi, sizeof hi);
    snprintf(range, sizeof range, "%s \xe2\x80\x93 %s", lo, hi);
    if (!(ranges[a] = strdup(range))) st = SL_ENOMEM;
  }
  double names = 0;
  if (!st) st = legend_names(c, g, &names);
  double lw = fmax(names, fmax(sl_plot_text_width(RIM_NOTE_1, RANGE_PT, 0, g->scale), sl_plot_text_width(RIM_NOTE_2, RANGE_PT, 0, g->scale))), margin = SL_PLOT_TEXT_LEFT * g->w;
  ring_region r = {margin, g->w - margin - lw - 2 * em, REGION_BOTTOM * g->h, REGION_TOP * g->h, LABEL_GAP_EM * em};
  if (!st) st = lay_out_blocks(g, c->n_axes, c->axes, ranges, AXIS_MAX_WIDTH * g->w, 0, &r);
  g->legend_x = r.right + 2 * em, g->legend_y = g->cy + 0.5 * (double)c->n_players * LEGEND_ROW_EM * LEGEND_PT * SL_PLOT_PX_PER_PT * g->scale;
  for (size_t a = 0; ranges && a < c->n_axes; a++) free(ranges[a]);
  free(ranges);
  return st;
}

/* Does block a overlap any placed before it (and, the last, the first)? */
static int block_hits(const radar_geom *g, size_t a, size_t n) {
  for (size_t b = 0; b < a; b++)
    if (blocks_overlap(&g->axis[a], &g->axis[b])) return 1;
  return a + 1 == n && a > 0 && blocks_overlap(&g->axis[a], &g->axis[0]);
}

static int block_inside(const axis_text *t, const ring_region *r) {
  return t->x0 >= r->left && t->x0 + t->w <= r->right && t->y0 >= r->bottom && t->y0 + t->h <= r->top;
}

/* Moves a block by (dx, dy), keeping its alignment. */
static void shift_block(axis_text *t, double dx, double dy) { t->x += dx, t->x0 += dx, t->y += dy, t->y0 += dy; }

/* Places each block at its spoke; one that hits an earlier block moves outward, a step at a
 * time, three ways at once: along its spoke, straight across (away from the centre line) and
 * straight up or down (away from the middle). The first position that clears the others inside
 * the region wins; when none does within the steps, the one along the spoke (fit_ring then
 * shrinks the ring). Across and up/down keep a name beside its spoke where pushing along it
 * would run off the region's bottom ("Average distance of defensive actions" on a keeper's pizza). */
static void place_ring(radar_geom *g, size_t n, double offset, const ring_region *r, double block_h) {
  for (size_t a = 0; a < n; a++) {
    axis_text *t = &g->axis[a];
    double theta = 2 * PI * ((double)a + offset) / (double)n, dist = g->R + r->gap;
    place_block(t, g->cx, g->cy, dist, theta);
    if (!block_hits(g, a, n)) continue;
    axis_text home = *t;
    double sx = sin(theta) >= 0 ? 1 : -1, sy = cos(theta) >= 0 ? 1 : -1;
    int placed = 0;
    for (int k = 1; k <= 4 * PUSH_MAX && !placed; k++) {
      double step = k * PUSH_STEP * block_h;
      for (int way = 0; way < 3 && !placed; way++) {
        *t = home;
        if (way == 0) place_block(t, g->cx, g->cy, dist + step, theta);
        else shift_block(t, way == 1 ? sx * step : 0, way == 2 ? sy * step : 0);
        placed = !block_hits(g, a, n) && block_inside(t, r);
      }
    }
    if (!placed) { /* along the spoke until it clears, inside or not */
      *t = home;
      for (int k = 1; k <= 4 * PUSH_MAX && block_hits(g, a, n); k++)
        place_block(t, g->cx, g->cy, dist + k * PUSH_STEP * block_h, theta);
    }
  }
}

/* How far the farthest block leaves the region (<= 0: none does); the box of the ring and its
 * blocks into box[4] (left, right, bottom, top). */
static double overflow(const radar_geom *g, size_t n, const ring_region *r, double box[4]) {
  double over = 0;
  box[0] = g->cx - g->R, box[1] = g->cx + g->R, box[2] = g->cy - g->R, box[3] = g->cy + g->R;
  for (size_t a = 0; a < n; a++) {
    const axis_text *t = &g->axis[a];
    box[0] = fmin(box[0], t->x0), box[1] = fmax(box[1], t->x0 + t->w);
    box[2] = fmin(box[2], t->y0), box[3] = fmax(box[3], t->y0 + t->h);
    over = fmax(over, fmax(fmax(r->left - t->x0, t->x0 + t->w - r->right), fmax(r->bottom - t->y0, t->y0 + t->h - r->top)));
  }
  return over;
}

/* Returns how far the farthest block still leaves the region (<= 0: none does). Each round
 * centres the ring and its names in the region (wide names on one side no longer cost the ring
 * on both), then shrinks the ring by what still sticks out. The last round places the blocks at
 * the radius it keeps. */
static double fit_ring(radar_geom *g, size_t n, double offset, const ring_region *r, double block_h) {
  enum { ROUNDS = 12 }; /* each round shrinks by the overflow: a dozen settle any ring seen */
  double over = 0, box[4];
  for (int round = 0; round < ROUNDS; round++) {
    place_ring(g, n, offset, r, block_h);
    overflow(g, n, r, box);
    double dx = ((r->left + r->right) - (box[0] + box[1])) / 2, dy = ((r->bottom + r->top) - (box[2] + box[3])) / 2;
    if (fabs(dx) > 0.5 || fabs(dy) > 0.5) g->cx += dx, g->cy += dy, place_ring(g, n, offset, r, block_h);
    over = overflow(g, n, r, box);
    if (over <= 0 || g->R <= 2 * block_h || round == ROUNDS - 1) return over;
    g->R = fmax(2 * block_h, g->R - over - 1);
  }
  return over;
}

static void free_blocks(radar_geom *g, size_t n) {
  for (size_t a = 0; g->axis && a < n; a++) free(g->axis[a].name), free(g->axis[a].name2), free(g->axis[a].range);
  free(g->axis);
  g->axis = NULL;
}

/* The blocks in one form, the ring's first radius and centre, then fit_ring: its overflow. */
static double try_form(radar_geom *g, size_t n, const char *const *names, char *const *ranges, double room,
                       name_form form, double offset, const ring_region *r, int *st) {
  free_blocks(g, n);
  if (!(g->axis = calloc(n, sizeof *g->axis))) return *st = SL_ENOMEM, 0;
  double widest = 0, block_h = 0; /* the tallest block: one with a two-line name */
  /* One line across: as wide as leaves the ring MIN_RING_SHARE of the height. */
  double across = (r->right - r->left) / 2 - r->gap - MIN_RING_SHARE * (r->top - r->bottom) / 2;
  for (size_t a = 0; a < n; a++) {
    name_form f = form;
    if (form == NAMES_MIXED) f = fabs(sin(2 * PI * ((double)a + offset) / (double)n)) < MIXED_SIDE_SINE ? NAMES_TWO_LINES : NAMES_WIDE;
    if (axis_block(&g->axis[a], names[a], ranges[a], f == NAMES_WIDE ? fmax(room, across) : room, f, g->scale))
      return *st = SL_ENOMEM, 0;
    widest = fmax(widest, g->axis[a].w), block_h = fmax(block_h, g->axis[a].h);
  }
  double em = AXIS_PT * SL_PLOT_PX_PER_PT * g->scale;
  g->R = fmin((r->right - r->left) / 2 - widest - r->gap, (r->top - r->bottom) / 2 - block_h - r->gap);
  if (g->R < 2 * em) g->R = 2 * em; /* a tiny canvas: labels may then be shortened below */
  g->cx = (r->left + r->right) / 2, g->cy = (r->top + r->bottom) / 2;
  return fit_ring(g, n, offset, r, block_h);
}

static int lay_out_blocks(radar_geom *g, size_t n, const char *const *names, char *const *ranges, double room,
                          double offset, const ring_region *r) {
  int st = SL_OK, best = NAMES_CUT;
  double best_R = -1, enough = MIN_RING_SHARE * (r->top - r->bottom) / 2;
  for (int form = 0; form < NAME_FORMS && !st; form++) {
    double over = try_form(g, n, names, ranges, room, (name_form)form, offset, r, &st);
    if (st || (over <= 0 && g->R >= enough)) return st; /* the first form that fits well */
    if (over <= 0 && g->R > best_R) best = form, best_R = g->R;
  }
  if (!st && best != NAMES_CUT) try_form(g, n, names, ranges, room, (name_form)best, offset, r, &st);
  return st;
}

static void geom_free(radar_geom *g, size_t n) {
  free_blocks(g, n);
  for (size_t p = 0; g->legend && p < g->nlegend; p++) free(g->legend[p]);
  free(g->legend);
}

/* Records every block's name lines (as "axis") and its range line (as range_what). */
static int record_blocks(sl_plot_layout *l, const radar_geom *g, size_t n, const char *range_what) {
  int st = SL_OK;
  for (size_t a = 0; !st && a < n; a++) {
    const axis_text *t = &g->axis[a];
    st = sl_plot_layout_add_text(l, "axis", t->name, t->x, name_line_y(t, 0, g->scale), t->align, AXIS_PT, 0, g->scale);
    if (!st && *t->name2)
      st = sl_plot_layout_add_text(l, "axis", t->name2, t->x, name_line_y(t, 1, g->scale), t->align, AXIS_PT, 0,
                                   g->scale);
    if (!st)
      st = sl_plot_layout_add_text(l, range_what, t->range, t->x, range_line_y(t, g->scale), t->align, RANGE_PT, 0,
                                   g->scale);
  }
  return st;
}

/* Writes the blocks' texts and anchors as gnuplot arrays (screen fractions): axis_text and
 * axis_text2 (the name's second line, '' when none) with axis_y and axis2_y, range_text with
 * range_y, axis_x and axis_align. */
static void write_blocks(FILE *out, const radar_geom *g, size_t n) {
  fprintf(out, "array axis_text[%zu]\narray axis_text2[%zu]\narray range_text[%zu]\n", n, n, n);
  for (size_t a = 0; a < n; a++) {
    const axis_text *t = &g->axis[a];
    char name[48];
    snprintf(name, sizeof name, "axis_text[%zu]", a + 1);
    sl_plot_write_string(out, name, t->name);
    snprintf(name, sizeof name, "axis_text2[%zu]", a + 1);
    sl_plot_write_string(out, name, t->name2);
    snprintf(name, sizeof name, "range_text[%zu]", a + 1);
    sl_plot_write_string(out, name, t->range);
  }
  fprintf(out, "array axis_x[%zu]\narray axis_y[%zu]\narray axis2_y[%zu]\narray range_y[%zu]\narray axis_align[%zu]\n",
          n, n, n, n, n);
  for (size_t a = 0; a < n; a++) {
    const axis_text *t = &g->axis[a];
    fprintf(out, "axis_x[%zu] = ", a + 1), sl_plot_write_number(out, t->x / g->w);
    fprintf(out, "; axis_y[%zu] = ", a + 1), sl_plot_write_number(out, name_line_y(t, 0, g->scale) / g->h);
    fprintf(out, "; axis2_y[%zu] = ", a + 1), sl_plot_write_number(out, name_line_y(t, 1, g->scale) / g->h);
    fprintf(out, "; range_y[%zu] = ", a + 1), sl_plot_write_number(out, range_line_y(t, g->scale) / g->h);
    fprintf(out, "; axis_align[%zu] = %d\n", a + 1, t->align);
  }
}

static int record_layout(const sl_plot_radar *c, const radar_geom *g) {
  sl_plot_layout *l = c->common.layout;
  int st = record_blocks(l, g, c->n_axes, "axis range");
  double row = LEGEND_ROW_EM * LEGEND_PT * SL_PLOT_PX_PER_PT * g->scale;
  double text_x = g->legend_x + LEGEND_SWATCH_EM * LEGEND_PT * SL_PLOT_PX_PER_PT * g->scale;
  for (size_t p = 0; !st && p < c->n_players; p++)
    st = sl_plot_layout_add_text(l, "legend", g->legend[p], text_x, g->legend_y - ((double)p + 0.5) * row, -1,
                                 LEGEND_PT, 0, g->scale);
  double cy = g->legend_y - ((double)c->n_players + 0.7) * row;
  if (!st) st = sl_plot_layout_add_text(l, "legend", RIM_NOTE_1, g->legend_x, cy, -1, RANGE_PT, 0, g->scale);
  if (!st) st = sl_plot_layout_add_text(l, "legend", RIM_NOTE_2, g->legend_x, cy - 0.7 * row, -1, RANGE_PT, 0, g->scale);
  return st;
}

static void write_geometry(FILE *out, const sl_plot_radar *c, const radar_geom *g) {
  fprintf(out, "n_players = %zu\nn_axes = %zu\nn_rings = %d\n", c->n_players, c->n_axes, N_RINGS);
  sl_plot_write_string_array(out, "player_name", (const char *const *)g->legend, c->n_players);
  sl_plot_write_string_array(out, "axis_label", c->axes, c->n_axes);
  sl_plot_write_number_array(out, "axis_low", c->axis_low, c->n_axes);
  sl_plot_write_number_array(out, "axis_high", c->axis_high, c->n_axes);
  fputs("# where scoutlab drew things, in screen fractions: the radar's centre and radius (as a\n"
        "# share of the width and of the height), each axis name's anchor, alignment (-1 left,\n"
        "# 0 centre, 1 right) and range line, the legend's top-left corner\n", out);
  sl_plot_write_number_var(out, "radar_x", g->cx / g->w);
  sl_plot_write_number_var(out, "radar_y", g->cy / g->h);
  sl_plot_write_number_var(out, "radar_rx", g->R / g->w);
  sl_plot_write_number_var(out, "radar_ry", g->R / g->h);
  write_blocks(out, g, c->n_axes);
  sl_plot_write_number_var(out, "legend_x", g->legend_x / g->w);
  sl_plot_write_number_var(out, "legend_y", g->legend_y / g->h);
  sl_plot_write_number_var(out, "legend_row", LEGEND_ROW_EM * LEGEND_PT * SL_PLOT_PX_PER_PT * g->scale / g->h);
  sl_plot_write_string(out, "rim_note1", RIM_NOTE_1);
  sl_plot_write_string(out, "rim_note2", RIM_NOTE_2);
  sl_plot_write_number_var(out, "legend_swatch", LEGEND_SWATCH_EM * LEGEND_PT * SL_PLOT_PX_PER_PT * g->scale / g->w);
}

/* Rim marks of several players on one axis sit side by side along the rim (they hid each other
 * at the one rim point: a player's best stats looked like no one's), MARK_SPACING radar units
 * apart; centre marks go out along their spoke from MARK_CENTRE_R, as the centre is one point
 * for every axis. */
#define MARK_SPACING 0.075
#define MARK_CENTRE_R 0.06

/* Where player p's mark on axis a goes (x, y in radar units): its vertex when within range. */
static void mark_position(const sl_plot_radar *c, size_t p, size_t a, int beyond, double r, double *x, double *y) {
  size_t n = c->n_axes, same = 0, rank = 0;
  double t = axis_angle(a, n);
  for (size_t q = 0; beyond && q < c->n_players; q++) {
    int b;
    radius_of(c->values[q * n + a], c->axis_low[a], c->axis_high[a], &b);
    if (b != beyond) continue;
    if (q < p) rank++;
    same++;
  }
  if (beyond > 0) {
    double off = ((double)rank - 0.5 * (double)(same - 1)) * MARK_SPACING; /* along the tangent */
    *x = r * sin(t) + off * cos(t), *y = r * cos(t) - off * sin(t);
  } else if (beyond < 0) {
    double rr = MARK_CENTRE_R + (double)rank * MARK_SPACING;
    *x = rr * sin(t), *y = rr * cos(t);
  } else {
    *x = r * sin(t), *y = r * cos(t);
  }
}

/* Rings and spokes, then one closed polygon per player (x, y in radar units, rim = 1), then
 * the rim marks for values beyond their axis. */
static int write_shapes(FILE *out, const sl_plot_radar *c, size_t *n_beyond) {
  size_t n = c->n_axes;
  fputs("# rings (a quarter of each axis's range apart), blank-line separated: x, y\n$rings << EOD\n", out);
  for (int k = 1; k <= N_RINGS; k++) {
    for (size_t a = 0; a <= n; a++) {
      double t = axis_angle(a % n, n), r = (double)k / N_RINGS, xy[2] = {r * sin(t), r * cos(t)};
      fprintf(out, "%d", k);
      for (int i = 0; i < 2; i++) fputc('\t', out), sl_plot_write_number(out, xy[i]);
      fputc('\n', out);
    }
    fputc('\n', out);
  }
  fputs("EOD\n# one row per player: player number, then the raw value on each axis\n$radar << EOD\n", out);
  for (size_t p = 0; p < c->n_players; p++) {
    fprintf(out, "%zu", p + 1);
    for (size_t a = 0; a < n; a++) fputc('\t', out), sl_plot_write_number(out, c->values[p * n + a]);
    fputc('\n', out);
  }
  fputs("EOD\n# each player's polygon, one block per player (index p-1): player, x, y, beyond the rim\n"
        "# (1), inside the centre (-1) or neither (0), where its mark goes (x, y: beside the other\n"
        "# players' marks on that axis); a missing value is drawn at the centre\n$shape << EOD\n", out);
  *n_beyond = 0;
  for (size_t p = 0; p < c->n_players; p++) {
    for (size_t a = 0; a <= n; a++) {
      int beyond;
      double r = radius_of(c->values[p * n + a % n], c->axis_low[a % n], c->axis_high[a % n], &beyond);
      if (!isfinite(r)) r = 0;
      double t = axis_angle(a % n, n), xy[5] = {r * sin(t), r * cos(t), beyond, 0, 0};
      mark_position(c, p, a % n, beyond, r, &xy[3], &xy[4]);
      if (a < n && beyond) (*n_beyond)++;
      fprintf(out, "%zu", p + 1);
      for (int i = 0; i < 5; i++) fputc('\t', out), sl_plot_write_number(out, xy[i]);
      fputc('\n', out);
    }
    fputs("\n\n", out);
  }
  fputs("EOD\n", out);
  return ferror(out) ? SL_EIO : SL_OK;
}

int sl_plot_radar_write(const sl_plot_radar *c, const char *template_dir, FILE *out, sl_error *err) {
  static const char chart[] = "radar";
  if (!c || !out) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "radar chart: chart or output stream missing");
  int st = sl_plot_check_common(&c->common, chart, err);
  if (st) return st;
  if (c->n_players < SL_PLOT_RADAR_MIN_PLAYERS || c->n_players > SL_PLOT_RADAR_MAX_PLAYERS)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "radar chart: %zu players given, expected %d to %d",
                        c->n_players, SL_PLOT_RADAR_MIN_PLAYERS, SL_PLOT_RADAR_MAX_PLAYERS);
  if (c->n_axes < SL_PLOT_RADAR_MIN_AXES)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "radar chart: %zu axes given, expected at least %d", c->n_axes,
                        SL_PLOT_RADAR_MIN_AXES);
  if (!c->players || !c->axes || !c->values || !c->axis_low || !c->axis_high)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "radar chart: players, axes, values or axis range missing");
  for (size_t a = 0; a < c->n_axes; a++)
    if (!isfinite(c->axis_low[a]) || !isfinite(c->axis_high[a]) || c->axis_low[a] == c->axis_high[a])
      return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "radar chart: axis %zu (%s) has an empty or undefined range",
                          a + 1, c->axes[a] ? c->axes[a] : "?");
  radar_geom g = {0};
  size_t n_beyond = 0;
  st = radar_lay_out(c, &g);
  if (!st) st = sl_plot_write_header(out, chart, &c->common);
  if (!st) st = record_layout(c, &g);
  if (!st) write_geometry(out, c, &g);
  if (!st) st = write_shapes(out, c, &n_beyond);
  geom_free(&g, c->n_axes);
  if (st == SL_ENOMEM) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  if (st) return sl_error_set(err, SL_EIO, NULL, 0, 0, "radar chart: cannot write the script");
  fprintf(out, "n_beyond = %zu\n", n_beyond);
  return sl_plot_write_template(out, template_dir, chart, err);
}

/* ---- percentile pizza ---------------------------------------------------------------------- */

/* Points per slice edge: enough for a smooth arc at 4000 px. */
#define PIZZA_ARC_STEPS 24
#define PIZZA_GROUP_COLOURS 6
/* Slice colours by stat group (muted, apart from the player colours' red). */
static const char *const pizza_group_colour[PIZZA_GROUP_COLOURS] = {"#2f5d8a", "#c8863a", "#4f8f6a",
                                                                    "#8c6bb1", "#b05a6a", "#6f7f8f"};

static int same_group(const sl_plot_pizza *c, size_t a, size_t b) {
  const char *x = c->groups[a] ? c->groups[a] : "", *y = c->groups[b] ? c->groups[b] : "";
  return strcmp(x, y) == 0;
}

/* Group number (0-based, in order of first appearance) of each stat. */
static size_t pizza_groups(const sl_plot_pizza *c, size_t *group, size_t *first) {
  size_t ng = 0;
  for (size_t s = 0; s < c->n_stats; s++) {
    size_t g = ng;
    for (size_t k = 0; k < ng; k++)
      if (same_group(c, first[k], s)) g = k;
    if (g == ng) first[ng++] = s;
    group[s] = g;
  }
  return ng;
}

/* A slice's value line: "0.22 · 61st pct", "(style)" for a measure with no better side, "not
 * ranked" for a player under the pool's minutes. */
static void pizza_value_line(const sl_plot_pizza *c, size_t s, char *line, size_t size) {
  double v = c->value[s], p = c->percentile[s];
  char num[32];
  if (c->value_text && c->value_text[s]) snprintf(num, sizeof num, "%s", c->value_text[s]);
  else number_text(v, num, sizeof num);
  int style = c->neutral && c->neutral[s]; /* no better side: a percentile, not a rating */
  if (isfinite(v) && isfinite(p))
    sl_snprintf_c(line, size, "%s \xc2\xb7 %.0f%s pct%s", num, p, ordinal(p), style ? " (style)" : "");
  else if (isfinite(v)) sl_snprintf_c(line, size, "%s \xc2\xb7 not ranked", num); /* few minutes */
  else snprintf(line, size, "no value");
}

static int pizza_labels(const sl_plot_pizza *c, radar_geom *g, size_t ng, const size_t *first) {
  sl_plot_canvas(&c->common, &g->w, &g->h);
  g->scale = sl_plot_scale(&c->common);
  size_t n = c->n_stats;
  double em = AXIS_PT * SL_PLOT_PX_PER_PT * g->scale, legend = 0;
  for (size_t k = 0; k < ng; k++) legend = fmax(legend, sl_plot_text_width(c->groups[first[k]], LEGEND_PT, 0, g->scale));
  legend += LEGEND_SWATCH_EM * LEGEND_PT * SL_PLOT_PX_PER_PT * g->scale;
  double margin = SL_PLOT_TEXT_LEFT * g->w;
  ring_region r = {margin, g->w - margin - legend - 2 * em, REGION_BOTTOM * g->h, REGION_TOP * g->h, LABEL_GAP_EM * em};
  /* Names are limited to what leaves the pie a third of the region's height. */
  double name_room = fmin(AXIS_MAX_WIDTH * g->w, ((r.right - r.left) - (r.top - r.bottom) / 3) / 2 - r.gap);
  char **lines = calloc(n, sizeof *lines);
  int st = lines ? SL_OK : SL_ENOMEM;
  for (size_t s = 0; !st && s < n; s++) {
    char line[96];
    pizza_value_line(c, s, line, sizeof line);
    if (!(lines[s] = strdup(line))) st = SL_ENOMEM;
  }
  if (!st) st = lay_out_blocks(g, n, c->stats, lines, name_room, 0.5, &r);
  g->legend_x = r.right + 2 * em;
  g->legend_y = g->cy + 0.5 * (double)ng * LEGEND_ROW_EM * LEGEND_PT * SL_PLOT_PX_PER_PT * g->scale;
  for (size_t s = 0; lines && s < n; s++) free(lines[s]);
  free(lines);
  return st;
}

static int pizza_record(const sl_plot_pizza *c, const radar_geom *g, size_t ng, const size_t *first) {
  sl_plot_layout *l = c->common.layout;
  int st = record_blocks(l, g, c->n_stats, "value");
  double row = LEGEND_ROW_EM * LEGEND_PT * SL_PLOT_PX_PER_PT * g->scale;
  double text_x = g->legend_x + LEGEND_SWATCH_EM * LEGEND_PT * SL_PLOT_PX_PER_PT * g->scale;
  for (size_t k = 0; !st && k < ng; k++)
    st = sl_plot_layout_add_text(l, "legend", c->groups[first[k]], text_x, g->legend_y - ((double)k + 0.5) * row, -1,
                                 LEGEND_PT, 0, g->scale);
  return st;
}

static void pizza_write_data(FILE *out, const sl_plot_pizza *c, const radar_geom *g, const size_t *group, size_t ng,
                             const size_t *first) {
  size_t n = c->n_stats;
  fprintf(out, "n_stats = %zu\nn_groups = %zu\n", n, ng);
  sl_plot_write_string(out, "player_text", c->player);
  sl_plot_write_string_array(out, "stat_label", c->stats, n);
  fprintf(out, "array group_label[%zu]\narray group_colour[%zu]\n", ng, ng);
  for (size_t k = 0; k < ng; k++) {
    char name[48];
    snprintf(name, sizeof name, "group_label[%zu]", k + 1);
    sl_plot_write_string(out, name, c->groups[first[k]]);
    fprintf(out, "group_colour[%zu] = '%s'\n", k + 1, pizza_group_colour[k % PIZZA_GROUP_COLOURS]);
  }
  fputs("# where scoutlab drew things (screen fractions): the pie's centre and radius, each stat's\n"
        "# name and value lines, the legend\n", out);
  sl_plot_write_number_var(out, "radar_x", g->cx / g->w);
  sl_plot_write_number_var(out, "radar_y", g->cy / g->h);
  sl_plot_write_number_var(out, "radar_rx", g->R / g->w);
  sl_plot_write_number_var(out, "radar_ry", g->R / g->h);
  write_blocks(out, g, n);
  sl_plot_write_number_var(out, "legend_x", g->legend_x / g->w);
  sl_plot_write_number_var(out, "legend_y", g->legend_y / g->h);
  sl_plot_write_number_var(out, "legend_row", LEGEND_ROW_EM * LEGEND_PT * SL_PLOT_PX_PER_PT * g->scale / g->h);
  sl_plot_write_number_var(out, "legend_swatch", LEGEND_SWATCH_EM * LEGEND_PT * SL_PLOT_PX_PER_PT * g->scale / g->w);
  fputs("# stat number, percentile (0-100), value (per 90 or rate), group number, style (1: no better side)\n"
        "$pizza << EOD\n", out);
  for (size_t s = 0; s < n; s++) {
    fprintf(out, "%zu\t", s + 1), sl_plot_write_number(out, c->percentile[s]);
    fputc('\t', out), sl_plot_write_number(out, c->value[s]);
    fprintf(out, "\t%zu\t%d\n", group[s] + 1, c->neutral && c->neutral[s] ? 1 : 0);
  }
  fputs("EOD\n# each slice as a polygon, one block per stat (index s-1): x, y in pie units (rim = 1);\n"
        "# then the same slices at full length (the 100th percentile), for the background\n$slices << EOD\n", out);
  for (int full = 0; full < 2; full++)
    for (size_t s = 0; s < n; s++) {
      double r = full ? 1 : isfinite(c->percentile[s]) ? fmax(0, fmin(100, c->percentile[s])) / 100 : 0;
      double a0 = 2 * PI * (double)s / (double)n, a1 = 2 * PI * ((double)s + 1) / (double)n;
      fputs("0\t0\n", out);
      for (int k = 0; k <= PIZZA_ARC_STEPS; k++) {
        double t = a0 + (a1 - a0) * k / PIZZA_ARC_STEPS;
        sl_plot_write_number(out, r * sin(t)), fputc('\t', out), sl_plot_write_number(out, r * cos(t)), fputc('\n', out);
      }
      fputs("0\t0\n\n\n", out);
    }
  fputs("EOD\n", out);
}

int sl_plot_pizza_write(const sl_plot_pizza *c, const char *template_dir, FILE *out, sl_error *err) {
  static const char chart[] = "pizza";
  if (!c || !out) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "pizza chart: chart or output stream missing");
  int st = sl_plot_check_common(&c->common, chart, err);
  if (st) return st;
  if (c->n_stats < SL_PLOT_RADAR_MIN_AXES || !c->stats || !c->groups || !c->percentile || !c->value)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "pizza chart: at least %d stats with groups, percentiles and values",
                        SL_PLOT_RADAR_MIN_AXES);
  size_t *group = malloc(2 * c->n_stats * sizeof *group), ng = 0;
  radar_geom g = {0};
  st = group ? SL_OK : SL_ENOMEM;
  if (!st) ng = pizza_groups(c, group, group + c->n_stats);
  if (!st) st = pizza_labels(c, &g, ng, group + c->n_stats);
  if (!st) st = sl_plot_write_header(out, chart, &c->common);
  if (!st) st = sl_plot_write_caption(out, &c->common, "Slice length: percentile among the peers (rim = 100th)");
  if (!st) st = pizza_record(c, &g, ng, group + c->n_stats);
  if (!st) pizza_write_data(out, c, &g, group, ng, group + c->n_stats);
  geom_free(&g, c->n_stats);
  free(group);
  if (st) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  return sl_plot_write_template(out, template_dir, chart, err);
}
