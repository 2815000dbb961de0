/* plot_internal.h - pieces shared by plot.c (script header, quoting, datablocks),
 * plot_charts.c (one writer per chart) and plot_run.c (the gnuplot runner). Not installed. */
#ifndef SCOUTLAB_PLOT_INTERNAL_H
#define SCOUTLAB_PLOT_INTERNAL_H

#include <math.h>
#include <stdio.h>

#include "scoutlab/plot.h"

/* Largest magnitude a chart draws: far beyond any statistic, share or fee, and small enough
 * that ranges, padding and medians of such values stay finite (DBL_MAX is 1.8e308). A number
 * beyond it is written as NaN, which gnuplot skips as missing, and laid out as missing. */
#define SL_PLOT_MAX_VALUE 1e300

/* 1 when v is a number a chart can draw: finite, and within SL_PLOT_MAX_VALUE of zero. */
static inline int sl_plot_drawable(double v) { return isfinite(v) && fabs(v) <= SL_PLOT_MAX_VALUE; }

/* The templates are laid out on an 800x450 design canvas; larger canvases scale fonts and
 * lines by the same factor so a 1600x900 chart looks like a sharp 800x450 one. */
#define SL_PLOT_DESIGN_WIDTH 800.0
#define SL_PLOT_DESIGN_HEIGHT 450.0
/* The scale of the default PNG canvas (1200x675 against the design's 800x450): the one PNG
 * point sizes were chosen on. */
#define SL_PLOT_WEB_SCALE (SL_PLOT_DEFAULT_WIDTH / SL_PLOT_DESIGN_WIDTH)

/* Cairo and the header's font_size() draw 96/72 pixels per point at scale 1. */
#define SL_PLOT_PX_PER_PT (96.0 / 72.0)
/* A line of text takes 1.1 em: cap height plus descenders and a little air (measured on
 * pngcairo: a 20 pt "Hg" is 24 px of ink, 0.9 em). */
#define SL_PLOT_LINE_EM 1.1
/* The house title block, in fractions of the canvas from its left and bottom edges, and the
 * design sizes (points on the 800x450 design canvas) of its fonts. */
#define SL_PLOT_TEXT_LEFT 0.035
#define SL_PLOT_TITLE_Y 0.935
#define SL_PLOT_SUBTITLE_Y 0.878
#define SL_PLOT_SUBTITLE2_Y 0.84
#define SL_PLOT_CREDITS_Y 0.035
#define SL_PLOT_TITLE_PT 17.0
#define SL_PLOT_TITLE_MIN_PT 13.0
#define SL_PLOT_SUBTITLE_PT 10.5
#define SL_PLOT_CREDITS_PT 8.0

/* Width of text in em (Liberation Sans, bold or regular), a slight over-estimate. */
double sl_plot_text_em(const char *text, int bold);
/* Width in canvas pixels of text at pt design points on a canvas of scale `scale`. */
double sl_plot_text_width(const char *text, double pt, int bold, double scale);
/* A new copy of text that fits max_width pixels: as it is, or cut with an ellipsis. NULL when
 * out of memory. */
char *sl_plot_text_shorten(const char *text, double max_width, double pt, int bold, double scale);
/* sl_plot_text_shorten for a player's name that ends in a parenthesis ("Gleison Bremer (540
 * min)"): the name is shortened and the parenthesis kept whole, when it fits alone. */
char *sl_plot_text_shorten_name(const char *text, double max_width, double pt, int bold, double scale);
/* Splits text into two lines that fit max_width (the second shortened when needed; "" when one
 * line is enough). Both new strings are the caller's. SL_OK or SL_ENOMEM. */
int sl_plot_text_wrap(const char *text, double max_width, double pt, int bold, double scale, char **line1,
                      char **line2);
/* The same for a label block: the two lines as even as the words allow (a narrower block, so
 * neighbours collide less), a parenthesis kept whole on the second line when it fits. */
int sl_plot_text_wrap_balanced(const char *text, double max_width, double pt, int bold, double scale, char **line1,
                               char **line2);
/* Records a box in the layout (NULL layout: nothing). SL_OK or SL_ENOMEM. */
int sl_plot_layout_add(sl_plot_layout *l, const char *what, const char *text, double x0, double y0, double x1,
                       double y1);
/* Records text drawn at (x, y) in canvas pixels, vertically centred, left-aligned (align < 0),
 * centred (0) or right-aligned (> 0). */
int sl_plot_layout_add_text(sl_plot_layout *l, const char *what, const char *text, double x, double y, int align,
                            double pt, int bold, double scale);
/* The canvas scale of c: its size against the 800x450 design canvas. */
double sl_plot_scale(const sl_plot_common *c);
/* The canvas of c in pixels, defaults applied. */
void sl_plot_canvas(const sl_plot_common *c, double *w, double *h);

/* Checks common settings (output set, size in range). `chart` names the chart in messages. */
int sl_plot_check_common(const sl_plot_common *c, const char *chart, sl_error *err);

/* Writes the header: comment, encoding, terminal for the format and size, output (the absolute
 * path of c->output, overridable by defining sl_output before the script runs), the player
 * colours, fonts sl_regular(pt) / sl_bold(pt), and the fitted title_text (at title_pt),
 * subtitle_text, subtitle2_text and credits_text, recorded in c->layout. SL_OK or SL_ENOMEM. */
int sl_plot_write_header(FILE *out, const char *chart, const sl_plot_common *c);

/* Writes caption_text: the chart's key in words, right-aligned on the credits line (drawn by
 * the template at screen 0.965, 0.035, right, 8 pt) and shortened to the room the credits
 * leave; recorded in the layout. SL_OK or SL_ENOMEM. */
int sl_plot_write_caption(FILE *out, const sl_plot_common *c, const char *text);

/* Writes `name = '<text>'` with text enhanced-escaped. NULL text writes ''. */
void sl_plot_write_string(FILE *out, const char *name, const char *text);

/* Writes `array name[n]` and one `name[i] = '<text>'` line per element (1-based, gnuplot's
 * convention); NULL elements are written as ''. */
void sl_plot_write_string_array(FILE *out, const char *name, const char *const *items, size_t n);

/* Writes `array name[n]` and one `name[i] = <number>` line per element. */
void sl_plot_write_number_array(FILE *out, const char *name, const double *values, size_t n);

/* Writes `name = <number>`. */
void sl_plot_write_number_var(FILE *out, const char *name, double value);

/* Writes one number in the C locale's form with 6 significant digits (well beyond what a
 * chart can show), or NaN, which gnuplot skips as missing, for one it cannot draw
 * (sl_plot_drawable). */
void sl_plot_write_number(FILE *out, double value);

/* Copies <template_dir>/<chart>.gp after a marker comment, then checks the stream.
 * Returns SL_OK, or SL_EIO naming the template or the failed write. */
int sl_plot_write_template(FILE *out, const char *template_dir, const char *chart,
                           sl_error *err);

/* Points and label sizes for sl_plot_place_labels, all in pixels of the plot area with the
 * origin at its bottom-left corner. */
typedef struct sl_plot_label_request {
  size_t n;
  const double *x, *y;      /* n point centres */
  const double *radius;     /* n point radii */
  const double *width;      /* n label widths */
  double height;            /* one label height */
  const double *priority;   /* n; higher is placed first */
  double area_width, area_height;
  const int *labelled;      /* n flags: only these get a label (all points still repel labels);
                               NULL = every point */
} sl_plot_label_request;

/* Chooses for each label an anchor (the label's left edge when right_aligned is 0, its right
 * edge otherwise, vertically centred) avoiding other labels and points where possible.
 * Returns SL_OK or SL_ENOMEM. */
int sl_plot_place_labels(const sl_plot_label_request *r, double *anchor_x, double *anchor_y,
                         int *right_aligned);


#endif
