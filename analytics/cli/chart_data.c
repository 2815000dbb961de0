/* chart_data.c - the store behind chart_data.h, chart names, the chart options shared by the
 * commands, and rendering (script next to the chart, gnuplot, clean-up). */
#include "chart_data.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "scoutlab/datadir.h"
#include "scoutlab/parse.h"


struct sl_chart_store {
  void **block;
  size_t n, cap;
};

static const char *const kind_names[SL_CHART_KIND_COUNT] = {"radar",     "percentiles", "scatter", "fees",
                                                            "age-curve", "squad",       "importance"};

const char *sl_chart_kind_name(sl_chart_kind k) {
  return k >= 0 && k < SL_CHART_KIND_COUNT ? kind_names[k] : "";
}

int sl_chart_kind_parse(const char *name) {
  for (int k = 0; name && k < SL_CHART_KIND_COUNT; k++)
    if (strcmp(name, kind_names[k]) == 0) return k;
  return -1;
}

/* ---- store ---------------------------------------------------------------------------------- */

sl_chart_store *sl_chart_store_new(void) { return calloc(1, sizeof(sl_chart_store)); }

void sl_chart_store_free(sl_chart_store *st) {
  if (!st) return;
  for (size_t i = 0; i < st->n; i++) free(st->block[i]);
  free(st->block), free(st);
}

void *sl_chart_alloc(sl_chart_store *st, size_t n, size_t size) {
  if (!st) return NULL;
  if (st->n == st->cap) {
    size_t cap = st->cap ? 2 * st->cap : 16;
    void **b = realloc(st->block, cap * sizeof *b);
    if (!b) return NULL;
    st->block = b, st->cap = cap;
  }
  void *p = calloc(n ? n : 1, size ? size : 1);
  if (p) st->block[st->n++] = p;
  return p;
}

char *sl_chart_printf(sl_chart_store *st, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int len = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  char *s = len < 0 ? NULL : sl_chart_alloc(st, (size_t)len + 1, 1);
  if (!s) return NULL;
  va_start(ap, fmt);
  vsnprintf(s, (size_t)len + 1, fmt, ap);
  va_end(ap);
  return s;
}

static const char *base_name(const char *path, size_t *len) {
  size_t n = strlen(path);
  while (n > 1 && path[n - 1] == '/') n--; /* "transfers-tm/" names the directory */
  size_t start = n;
  while (start > 0 && path[start - 1] != '/') start--;
  *len = n - start;
  return path + start;
}

const char *sl_chart_credits(sl_chart_store *st, const char *const *files, size_t n) {
  size_t total = 32;
  for (size_t i = 0; i < n; i++) total += strlen(files[i]) + 2;
  char *s = sl_chart_alloc(st, total, 1);
  if (!s) return NULL;
  size_t used = (size_t)snprintf(s, total, "Data: ");
  for (size_t i = 0; i < n; i++) {
    size_t len;
    const char *b = base_name(files[i], &len);
    used += (size_t)snprintf(s + used, total - used, "%s%.*s", i ? ", " : "", (int)len, b);
  }
  snprintf(s + used, total - used, " | Chart: scoutlab");
  return s;
}

const char *sl_chart_season_from_name(sl_chart_store *st, const char *path) {
  size_t len;
  const char *b = base_name(path, &len);
  /* Two consecutive years written as YYYY?YYYY (FBref: "2024_2025", "2024-2025"). */
  for (size_t i = 0; i + 9 <= len; i++) {
    const char *s = b + i;
    int digits = 1;
    for (int k = 0; k < 9; k++) digits &= k == 4 ? !isalnum((unsigned char)s[k]) : isdigit((unsigned char)s[k]) != 0;
    if (!digits) continue;
    int y1 = atoi(s), y2 = atoi(s + 5);
    if (y2 == y1 + 1) return sl_chart_printf(st, "%d-%02d", y1, y2 % 100);
  }
  return NULL;
}

/* ---- options -------------------------------------------------------------------------------- */

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

int sl_chart_option(int argc, char **argv, int *i, sl_chart_output *o, int allow_script, const char *cmd) {
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

/* ---- rendering ------------------------------------------------------------------------------ */

static int write_script(sl_chart_kind kind, const void *chart, const char *dir, FILE *f, sl_error *err) {
  switch (kind) {
  case SL_CHART_RADAR: return sl_plot_radar_write(chart, dir, f, err);
  case SL_CHART_PERCENTILES: return sl_plot_percentiles_write(chart, dir, f, err);
  case SL_CHART_SCATTER: return sl_plot_scatter_write(chart, dir, f, err);
  case SL_CHART_FEES: return sl_plot_fee_fit_write(chart, dir, f, err);
  case SL_CHART_AGE_CURVE: return sl_plot_age_curve_write(chart, dir, f, err);
  case SL_CHART_SQUAD: return sl_plot_squad_write(chart, dir, f, err);
  case SL_CHART_IMPORTANCE: return sl_plot_importance_write(chart, dir, f, err);
  default: return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "unknown chart type %d", (int)kind);
  }
}

/* "out/radar.png" -> "out/radar.gp" (the extension after the last dot of the base name). */
static char *default_script(const char *output) {
  const char *slash = strrchr(output, '/'), *dot = strrchr(output, '.');
  size_t stem = dot && (!slash || dot > slash + 1) ? (size_t)(dot - output) : strlen(output);
  char *s = malloc(stem + 4);
  if (s) memcpy(s, output, stem), memcpy(s + stem, ".gp", 4);
  return s;
}

static const char *env_or(const char *given, const char *name, const char *fallback) {
  if (given) return given;
  const char *v = getenv(name);
  return v && *v ? v : fallback;
}

int sl_chart_render(sl_chart_kind kind, void *chart, const sl_chart_output *o, char *kept, size_t kept_size,
                    sl_error *err) {
  if (kept && kept_size) kept[0] = '\0';
  if (!chart || !o || !o->output) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "no chart or output file given");
  /* Every sl_plot_* struct starts with its sl_plot_common. */
  sl_plot_common *common = chart;
  int st = sl_plot_format_from_path(o->output, &common->format, err);
  if (st) return st;
  common->output = o->output;
  common->width = o->width, common->height = o->height;
  if (o->title) common->title = o->title;
  if (o->subtitle) common->subtitle = o->subtitle;
  if (o->credits) common->credits = o->credits;
  char *own = o->script ? NULL : default_script(o->output);
  const char *script = o->script ? o->script : own;
  if (!script) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  FILE *f = fopen(script, "w");
  int opened = f != NULL, written = 0;
  if (!f) st = sl_error_set(err, SL_EIO, script, 0, 0, "cannot write the chart script: %s", strerror(errno));
  else {
    char plotdir[SL_DATA_PATH_MAX];
    st = write_script(kind, chart, o->plotdir ? o->plotdir : sl_cli_plot_dir(plotdir, sizeof plotdir), f, err);
    if (fclose(f) != 0 && !st) st = sl_error_set(err, SL_EIO, script, 0, 0, "cannot write the chart script: %s", strerror(errno));
    written = !st;
  }
  sl_plot_runner runner = {env_or(o->gnuplot, "SCOUTLAB_GNUPLOT", NULL), 0};
  if (!st) st = sl_plot_run(script, o->output, &runner, err);
  /* Keep the script when asked, or when gnuplot failed: it is what the user debugs. */
  int keep = written && (o->script || st);
  if (opened && !keep && !o->script) remove(script);
  if (keep && kept && kept_size) snprintf(kept, kept_size, "%s", script);
  free(own);
  return st;
}

int sl_chart_render_cli(sl_chart_kind kind, void *chart, const sl_chart_output *o, FILE *note) {
  sl_error err;
  char kept[4096];
  int st = sl_chart_render(kind, chart, o, kept, sizeof kept, &err);
  if (st) {
    int rc = sl_cli_fail(&err);
    if (kept[0]) fprintf(stderr, "scoutlab: the chart script was kept: %s (run gnuplot %s to retry)\n", kept, kept);
    return rc;
  }
  const sl_plot_common *c = chart;
  if (note)
    fprintf(note, "wrote %s (%s chart, %dx%d)%s%s\n", o->output, sl_chart_kind_name(kind),
            c->width ? c->width : SL_PLOT_DEFAULT_WIDTH, c->height ? c->height : SL_PLOT_DEFAULT_HEIGHT,
            kept[0] ? "; script: " : "", kept);
  return SL_EXIT_OK;
}
