/* plot_internal.h - pieces shared by plot.c (script header, quoting, datablocks),
 * plot_charts.c (one writer per chart) and plot_run.c (the gnuplot runner). Not installed. */
#ifndef SCOUTLAB_PLOT_INTERNAL_H
#define SCOUTLAB_PLOT_INTERNAL_H

#include <stdio.h>

#include "scoutlab/plot.h"

/* The templates are laid out on an 800x450 design canvas; larger canvases scale fonts and
 * lines by the same factor so a 1600x900 chart looks like a sharp 800x450 one. */
#define SL_PLOT_DESIGN_WIDTH 800.0
#define SL_PLOT_DESIGN_HEIGHT 450.0

/* Checks common settings (output set, size in range). `chart` names the chart in messages. */
int sl_plot_check_common(const sl_plot_common *c, const char *chart, sl_error *err);

/* Writes the header: comment, encoding, terminal for the format and size, output (default
 * file name from c->output, overridable by defining sl_output before the script runs),
 * title_text, subtitle_text and credits_text. */
void sl_plot_write_header(FILE *out, const char *chart, const sl_plot_common *c);

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
 * chart can show) or NaN, which gnuplot skips as missing. */
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
} sl_plot_label_request;

/* Chooses for each label an anchor (the label's left edge when right_aligned is 0, its right
 * edge otherwise, vertically centred) avoiding other labels and points where possible.
 * Returns SL_OK or SL_ENOMEM. */
int sl_plot_place_labels(const sl_plot_label_request *r, double *anchor_x, double *anchor_y,
                         int *right_aligned);

/* Gives every fill-less <path> of a gnuplot SVG file fill='none', in place (plot_svg.c says
 * why). A file it cannot read is left alone; SL_EIO when rewriting fails. */
int sl_plot_internal_svg_repair(const char *path, sl_error *err);

#endif
