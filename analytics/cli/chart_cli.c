/* chart_cli.c - the chart options shared by the commands, and rendering with the CLI's
 * defaults and messages (chart_data.h). */
#include <stdlib.h>
#include <string.h>

#include "chart_data.h"
#include "cli.h"

#include "scoutlab/datadir.h"

static int parse_size(const char *s, int *w, int *h) {
  char *end;
  long a = strtol(s, &end, 10);
  if (end == s || (*end != 'x' && *end != 'X')) return -1;
  const char *t = end + 1;
  long b = strtol(t, &end, 10);
  if (end == t || *end) return -1;
  if (a < SL_PLOT_MIN_SIDE || a > SL_PLOT_MAX_SIDE || b < SL_PLOT_MIN_SIDE || b > SL_PLOT_MAX_SIDE) return -1;
  *w = (int)a, *h = (int)b;
  return 0;
}

int sl_chart_option(int argc, char **argv, int *i, sl_charts_output *o, int allow_script, const char *cmd) {
  const char *opt = argv[*i];
  const char **slot = strcmp(opt, "--title") == 0      ? &o->title
                      : strcmp(opt, "--subtitle") == 0 ? &o->subtitle
                      : strcmp(opt, "--credits") == 0  ? &o->credits
                      : allow_script && strcmp(opt, "--script") == 0 ? &o->script
                                                                     : NULL;
  int size = strcmp(opt, "--size") == 0;
  if (!slot && !size) return 0;
  if (*i + 1 >= argc) return sl_cli_usage_error(cmd, "%s needs a value", opt);
  const char *v = argv[++*i];
  if (slot) return *slot = v, -1;
  if (parse_size(v, &o->width, &o->height))
    return sl_cli_usage_error(cmd, "--size expects WIDTHxHEIGHT in pixels, each %d to %d (e.g. 1200x675), got \"%s\"",
                              SL_PLOT_MIN_SIDE, SL_PLOT_MAX_SIDE, v);
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

int sl_chart_render_cli(sl_charts_kind kind, void *chart, const sl_charts_output *o, FILE *note) {
  sl_error err;
  char kept[4096];
  int st = sl_chart_render(kind, chart, o, kept, sizeof kept, &err);
  if (st) {
    int rc = sl_cli_fail(&err); /* paths that would overwrite an input: SL_EINVAL, exit 2 */
    if (kept[0]) fprintf(stderr, "scoutlab: the chart script was kept: %s (run gnuplot %s to retry)\n", kept, kept);
    return rc;
  }
  const sl_plot_common *c = chart;
  if (note)
    fprintf(note, "wrote %s (%s chart, %dx%d)%s%s\n", o->output, sl_charts_kind_name(kind),
            c->width ? c->width : SL_PLOT_DEFAULT_WIDTH, c->height ? c->height : SL_PLOT_DEFAULT_HEIGHT,
            kept[0] ? "; script: " : "", kept);
  return SL_EXIT_OK;
}
