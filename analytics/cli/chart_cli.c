/* chart_cli.c - the chart options shared by the commands, and rendering with the CLI's
 * defaults and messages (chart_data.h). */
#include <stdlib.h>
#include <string.h>

#include "chart_data.h"
#include "cli.h"

#include "scoutlab/datadir.h"

/* CSS pixels per cm and per inch: the canvas unit (plot.h). */
#define PX_PER_INCH SL_PLOT_CSS_DPI
#define PX_PER_CM (SL_PLOT_CSS_DPI / 2.54)

/* "1200x675" (pixels), "16x9cm", "6.3x3.5in": the canvas in CSS pixels. */
static int parse_size(const char *s, int *w, int *h) {
  char *end;
  double a = strtod(s, &end);
  if (end == s || (*end != 'x' && *end != 'X')) return -1;
  const char *t = end + 1;
  double b = strtod(t, &end);
  if (end == t) return -1;
  double unit = strcmp(end, "") == 0 || strcmp(end, "px") == 0 ? 1
                : strcmp(end, "cm") == 0                       ? PX_PER_CM
                : strcmp(end, "in") == 0                       ? PX_PER_INCH
                                                               : 0;
  if (unit == 0) return -1;
  a *= unit, b *= unit;
  if (!(a >= SL_PLOT_MIN_SIDE && a <= SL_PLOT_MAX_SIDE && b >= SL_PLOT_MIN_SIDE && b <= SL_PLOT_MAX_SIDE)) return -1;
  *w = (int)(a + 0.5), *h = (int)(b + 0.5);
  return 0;
}

int sl_chart_option(int argc, char **argv, int *i, sl_charts_output *o, int allow_script, const char *cmd) {
  const char *opt = argv[*i];
  const char **slot = strcmp(opt, "--title") == 0      ? &o->title
                      : strcmp(opt, "--subtitle") == 0 ? &o->subtitle
                      : strcmp(opt, "--credits") == 0  ? &o->credits
                      : allow_script && strcmp(opt, "--script") == 0 ? &o->script
                                                                     : NULL;
  int size = strcmp(opt, "--size") == 0, dpi = strcmp(opt, "--dpi") == 0;
  if (!slot && !size && !dpi) return 0;
  if (*i + 1 >= argc) return sl_cli_usage_error(cmd, "%s needs a value", opt);
  const char *v = argv[++*i];
  if (slot) return *slot = v, -1;
  if (dpi) {
    char *end;
    o->dpi = strtod(v, &end);
    if (end == v || *end || !(o->dpi >= SL_PLOT_MIN_DPI && o->dpi <= SL_PLOT_MAX_DPI))
      return sl_cli_usage_error(cmd, "--dpi expects %d to %d, got \"%s\"", SL_PLOT_MIN_DPI, SL_PLOT_MAX_DPI, v);
    return -1;
  }
  if (parse_size(v, &o->width, &o->height))
    return sl_cli_usage_error(cmd, "--size expects WxH in pixels (1200x675), cm (16x9cm) or inches (6.3x3.5in), "
                              "each side %d to %d pixels at 96 per inch, got \"%s\"", SL_PLOT_MIN_SIDE, SL_PLOT_MAX_SIDE, v);
  return -1;
}

static const char *env_or(const char *given, const char *name, const char *fallback) {
  if (given) return given;
  const char *v = getenv(name);
  return v && *v ? v : fallback;
}

int sl_chart_render(sl_charts_kind kind, void *chart, const sl_charts_output *given, char *kept, size_t kept_size,
                    sl_error *err) {
  if (kept && kept_size) kept[0] = '\0';
  if (!given) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "no chart output given");
  sl_charts_output o = *given;
  char plotdir[SL_DATA_PATH_MAX];
  if (!o.plotdir) o.plotdir = sl_cli_plot_dir(plotdir, sizeof plotdir);
  o.gnuplot = env_or(o.gnuplot, "SCOUTLAB_GNUPLOT", NULL);
  sl_charts_result res;
  int st = sl_charts_render(kind, chart, &o, &res, err);
  if (kept && kept_size) snprintf(kept, kept_size, "%s", res.script);
  return st;
}

void sl_chart_inputs_add(sl_chart_inputs *l, const char *const *paths, size_t n) {
  for (size_t i = 0; i < n && l->n < SL_CHART_MAX_INPUTS; i++)
    if (paths[i]) l->path[l->n++] = paths[i];
}

int sl_chart_check_cli(sl_charts_kind kind, const sl_charts_output *given) {
  sl_charts_output o = *given;
  char plotdir[SL_DATA_PATH_MAX];
  if (!o.plotdir) o.plotdir = sl_cli_plot_dir(plotdir, sizeof plotdir);
  sl_error err;
  return sl_charts_check_paths(kind, &o, &err) ? sl_cli_fail(&err) : 0;
}

int sl_chart_render_cli(sl_charts_kind kind, void *chart, const sl_charts_output *o, FILE *note) {
  sl_error err;
  char kept[4096];
  sl_charts_result res;
  sl_charts_output full = *o;
  char plotdir[SL_DATA_PATH_MAX];
  if (!full.plotdir) full.plotdir = sl_cli_plot_dir(plotdir, sizeof plotdir);
  full.gnuplot = env_or(full.gnuplot, "SCOUTLAB_GNUPLOT", NULL);
  int st = sl_charts_render(kind, chart, &full, &res, &err);
  snprintf(kept, sizeof kept, "%s", res.script);
  if (st) {
    int rc = sl_cli_fail(&err); /* paths that would overwrite an input: SL_EINVAL, exit 2 */
    if (kept[0]) fprintf(stderr, "scoutlab: the chart script was kept: %s (run gnuplot %s to retry)\n", kept, kept);
    return rc;
  }
  if (note && !sl_cli_quiet())
    fprintf(note, "wrote %s (%s chart, %dx%d%s)%s%s\n", o->output, sl_charts_kind_name(kind), res.width, res.height,
            o->dpi > 0 ? " at the given dpi" : "", kept[0] ? "; script: " : "", kept);
  return SL_EXIT_OK;
}
