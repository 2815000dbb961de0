/* charts.c - the store behind charts.h, chart names, credits and seasons from file names, and
 * rendering: the script written where asked or to a temporary file, gnuplot run, clean-up. */
#define _XOPEN_SOURCE 700 /* fdopen, kill, O_EXCL */
#include "scoutlab/charts.h"
#include "scoutlab/names.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "runtime_internal.h"
#include "scoutlab/output.h"
#include "scoutlab/season.h"
#include "scoutlab/text.h"

#define OOM(err) sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory")
/* Attempts at a fresh temporary script name before giving up (names embed the pid). */
#define SCRIPT_TMP_TRIES 100

struct sl_charts_store {
  void **block;
  size_t n, cap;
};

static const char *const kind_names[SL_CHARTS_KIND_COUNT] = {
    "radar", "percentiles", "scatter", "fees", "age-curve", "squad", "importance", "pizza", "bars", "trend"};

const char *sl_charts_kind_name(sl_charts_kind k) {
  return k >= 0 && k < SL_CHARTS_KIND_COUNT ? kind_names[k] : "";
}

int sl_charts_kind_parse(const char *name) {
  for (int k = 0; name && k < SL_CHARTS_KIND_COUNT; k++)
    if (strcmp(name, kind_names[k]) == 0) return k;
  return -1;
}

/* ---- store ---------------------------------------------------------------------------------- */

sl_charts_store *sl_charts_store_new(void) { return calloc(1, sizeof(sl_charts_store)); }

void sl_charts_store_free(sl_charts_store *st) {
  if (!st) return;
  for (size_t i = 0; i < st->n; i++) free(st->block[i]);
  free(st->block), free(st);
}

void *sl_charts_alloc(sl_charts_store *st, size_t n, size_t size) {
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

char *sl_charts_printf(sl_charts_store *st, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  /* Titles and labels read the same whatever the host's locale. */
  int len = sl_vsnprintf_c(NULL, 0, fmt, ap);
  va_end(ap);
  char *s = len < 0 ? NULL : sl_charts_alloc(st, (size_t)len + 1, 1);
  if (!s) return NULL;
  va_start(ap, fmt);
  sl_vsnprintf_c(s, (size_t)len + 1, fmt, ap);
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

const char *sl_charts_credits(sl_charts_store *st, const char *const *files, size_t n) {
  size_t total = 32;
  for (size_t i = 0; i < n; i++) total += strlen(files[i]) + 2;
  char *s = sl_charts_alloc(st, total, 1);
  if (!s) return NULL;
  size_t used = (size_t)snprintf(s, total, "Data: ");
  for (size_t i = 0, shown = 0; i < n; i++) {
    size_t len, len2;
    const char *b = base_name(files[i], &len);
    int seen = 0; /* one folder read as positions and as transfers is one source */
    for (size_t j = 0; j < i && !seen; j++) {
      const char *b2 = base_name(files[j], &len2);
      seen = len2 == len && memcmp(b, b2, len) == 0;
    }
    if (!seen) used += (size_t)snprintf(s + used, total - used, "%s%.*s", shown++ ? ", " : "", (int)len, b);
  }
  snprintf(s + used, total - used, " | Chart: scoutlab");
  return s;
}

/* Credits name the transfer files the model learned from ("transfers-tm (290 files)"), not the
 * .slm file, which is only ours. */
const char *sl_charts_model_credits(sl_charts_store *st, const sl_fees_model *m, const char *const *sources,
                                    size_t n) {
  const sl_fees_deals *d = m ? m->deals : NULL;
  if (!d || !d->nfiles) return sl_charts_credits(st, sources, n);
  size_t common = strlen(d->files[0]);
  for (size_t i = 1; i < d->nfiles; i++) {
    size_t k = 0;
    while (k < common && d->files[i][k] == d->files[0][k]) k++;
    common = k;
  }
  while (common > 0 && d->files[0][common - 1] != '/') common--; /* back to a whole directory */
  if (d->nfiles == 1 || common == 0)
    return sl_charts_credits(st, (const char *const *)d->files, d->nfiles < 4 ? d->nfiles : 3);
  char *dir = sl_charts_printf(st, "%.*s", (int)common, d->files[0]);
  const char *credit = dir ? sl_charts_credits(st, (const char *const *)&dir, 1) : NULL;
  return credit ? sl_charts_printf(st, "%.*s (%zu files)%s", (int)(strstr(credit, " | ") - credit), credit,
                                   d->nfiles, strstr(credit, " | "))
                : NULL;
}

const char *sl_charts_season_from_name(sl_charts_store *st, const char *path) {
  int first;
  char text[SL_SEASON_TEXT_MAX]; /* written as every table and the report write it: "2024/25" */
  return sl_season_from_path(path, &first) ? sl_charts_printf(st, "%s", sl_season_text(first, text, sizeof text)) : NULL;
}

/* ---- paths ---------------------------------------------------------------------------------- */

static char *template_path(sl_charts_kind kind, const char *plotdir) {
  const char *dir = plotdir ? plotdir : "plots", *name = sl_charts_kind_name(kind);
  size_t len = strlen(dir) + strlen(name) + 5;
  char *p = malloc(len);
  if (p) snprintf(p, len, "%s/%s.gp", dir, name);
  return p;
}

/* The first words of every chart script scoutlab writes (plot.c): a --script file that has them
 * may be replaced, any other is the user's. */
#define SCRIPT_SIGNATURE "# scoutlab "

static int refuse(sl_error *err, const char *what, const char *path, const char *other, const char *other_path) {
  return sl_error_set(err, SL_EINVAL, path, 0, 0, "the %s is the same file as the %s (%s): it would be overwritten",
                      what, other, other_path);
}

/* 1 when path is text gnuplot writes to byte for byte: UTF-8 without control characters (the
 * script quotes other bytes as '?', and gnuplot would write, and leave, a file of another name). */
static int plain_path(const char *path) {
  char esc[8];
  int control;
  for (size_t n = strlen(path), used; n; path += used, n -= used) {
    used = sl_text_char_at(path, n, esc, &control);
    if (control || *path == '\n' || *path == '\t') return 0;
  }
  return 1;
}

/* 1 when the directory a file would be written in exists (gnuplot would fail after the work). */
static int dir_exists(const char *path) {
  const char *slash = strrchr(path, '/');
  if (!slash) return 1;
  char dir[PATH_MAX];
  snprintf(dir, sizeof dir, "%.*s", slash == path ? 1 : (int)(slash - path), path);
  struct stat sb;
  return stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode);
}

int sl_charts_check_paths(sl_charts_kind kind, const sl_charts_output *o, sl_error *err) {
  if (!o || !o->output) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "no output file given");
  sl_plot_format format;
  int bad = sl_plot_format_from_path(o->output, &format, err);
  if (bad) return bad;
  if (!plain_path(o->output) || (o->script && !plain_path(o->script)))
    return sl_error_set(err, SL_EINVAL, plain_path(o->output) ? o->script : o->output, 0, 0,
                        "a chart or script name must be UTF-8 text without control characters (gnuplot "
                        "would write another name)");
  if (!dir_exists(o->output) || (o->script && !dir_exists(o->script)))
    return sl_error_set(err, SL_EIO, dir_exists(o->output) ? o->script : o->output, 0, 0,
                        "no such directory to write it in (create it first)");
  char *tpl = template_path(kind, o->plotdir);
  if (!tpl) return OOM(err);
  const char *out = o->output, *script = o->script;
  int st = SL_OK;
  if (script && sl_output_same_file(out, script)) st = refuse(err, "script", script, "chart file", out);
  if (!st && sl_output_same_file(out, tpl)) st = refuse(err, "chart file", out, "chart template", tpl);
  if (!st && script && sl_output_same_file(script, tpl)) st = refuse(err, "script", script, "chart template", tpl);
  for (size_t i = 0; !st && i < o->ninputs; i++) {
    const char *in = o->inputs ? o->inputs[i] : NULL;
    if (!in) continue;
    if (sl_output_same_file(out, in)) st = refuse(err, "chart file", out, "input", in);
    else if (script && sl_output_same_file(script, in)) st = refuse(err, "script", script, "input", in);
  }
  /* ... and the files of an input folder (a script named *.csv inside it would be read next time). */
  const char *outs[2] = {out, script};
  if (!st && o->inputs) st = sl_output_check_paths(outs, script ? 2 : 1, o->inputs, o->ninputs, err);
  free(tpl);
  return st;
}

/* ---- rendering ------------------------------------------------------------------------------ */

static int write_script(sl_charts_kind kind, const void *chart, const char *dir, FILE *f, sl_error *err) {
  switch (kind) {
  case SL_CHARTS_RADAR: return sl_plot_radar_write(chart, dir, f, err);
  case SL_CHARTS_PERCENTILES: return sl_plot_percentiles_write(chart, dir, f, err);
  case SL_CHARTS_SCATTER: return sl_plot_scatter_write(chart, dir, f, err);
  case SL_CHARTS_FEES: return sl_plot_fee_fit_write(chart, dir, f, err);
  case SL_CHARTS_AGE_CURVE: return sl_plot_age_curve_write(chart, dir, f, err);
  case SL_CHARTS_SQUAD: return sl_plot_squad_write(chart, dir, f, err);
  case SL_CHARTS_IMPORTANCE: return sl_plot_importance_write(chart, dir, f, err);
  case SL_CHARTS_PIZZA: return sl_plot_pizza_write(chart, dir, f, err);
  case SL_CHARTS_BARS: return sl_plot_bars_write(chart, dir, f, err);
  case SL_CHARTS_TREND: return sl_plot_trend_write(chart, dir, f, err);
  default: return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "unknown chart type %d", (int)kind);
  }
}

/* Opens a new temporary script ("$TMPDIR/scoutlab-chart-PID-N.gp") with O_EXCL, so that it can
 * never be a file someone else made. */
static FILE *open_temp_script(char *path, size_t size, sl_error *err) {
  const char *dir = getenv("TMPDIR");
  if (!dir || !*dir) dir = "/tmp";
  for (int n = 0; n < SCRIPT_TMP_TRIES; n++) {
    snprintf(path, size, "%s/scoutlab-chart-%ld-%d.gp", dir, (long)getpid(), n);
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0600);
    if (fd >= 0) {
      FILE *f = fdopen(fd, "w");
      if (!f) close(fd), unlink(path);
      return f;
    }
    if (errno != EEXIST) break;
  }
  sl_error_set(err, SL_EIO, path, 0, 0, "cannot create a temporary chart script: %s", sl_strerror_c(errno));
  return NULL;
}

/* Copies o's settings into the chart's common block. */
static int fill_common(sl_plot_common *common, const sl_charts_output *o, sl_error *err) {
  int st = sl_plot_format_from_path(o->output, &common->format, err);
  if (st) return st;
  common->output = o->output;
  common->width = o->width, common->height = o->height, common->dpi = o->dpi;
  if (o->title) common->title = o->title;
  if (o->subtitle) common->subtitle = o->subtitle;
  if (o->credits) common->credits = o->credits;
  return SL_OK;
}

int sl_charts_render(sl_charts_kind kind, void *chart, const sl_charts_output *o, sl_charts_result *res,
                     sl_error *err) {
  sl_charts_result local;
  if (!res) res = &local;
  memset(res, 0, sizeof *res);
  if (!chart || !o || !o->output) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "no chart or output file given");
  /* Every sl_plot_* struct starts with its sl_plot_common. */
  sl_plot_common *common = chart;
  int st = fill_common(common, o, err);
  if (!st) st = sl_charts_check_paths(kind, o, err);
  if (st) return st;
  int print = common->format != SL_PLOT_PNG;
  res->width = common->width ? common->width : print ? SL_PLOT_PRINT_WIDTH : SL_PLOT_DEFAULT_WIDTH;
  res->height = common->height ? common->height : print ? SL_PLOT_PRINT_HEIGHT : SL_PLOT_DEFAULT_HEIGHT;
  char tmp[SL_CHARTS_PATH_MAX];
  const char *script = o->script ? o->script : tmp;
  sl_output *kept = NULL; /* the script asked for: written whole, and only over a script of ours */
  FILE *f = NULL;
  if (o->script) {
    st = sl_output_check_ours(o->script, SCRIPT_SIGNATURE, err);
    if (!st) st = sl_output_open(o->script, &kept, &f, err);
    if (st) return st;
  } else if (!(f = open_temp_script(tmp, sizeof tmp, err))) {
    return err ? err->code : SL_EIO;
  }
  st = write_script(kind, chart, o->plotdir ? o->plotdir : "plots", f, err);
  if (kept) {
    if (st) sl_output_abort(kept);
    else st = sl_output_commit(kept, err);
  } else if (fclose(f) != 0 && !st) {
    st = sl_error_set(err, SL_EIO, script, 0, 0, "cannot write the chart script: %s", sl_strerror_c(errno));
  }
  int written = !st;
  sl_plot_runner runner = {o->gnuplot, 0};
  if (!st) st = sl_plot_run(script, o->output, &runner, err);
  /* Keep the script when asked, or when gnuplot failed: it is what the user debugs. A temporary
   * script that was not fully written is of no use to anyone. */
  if (!o->script && (!written || !st)) unlink(tmp);
  else if (written || o->script) snprintf(res->script, sizeof res->script, "%s", script);
  return st;
}

/* Room for a family name in a headline: any longer is cut (a title shortens long names anyway). */
#define SL_CHARTS_NAME_MAX 256

const char *sl_charts_family_name(sl_charts_store *st, const char *name) {
  char buf[SL_CHARTS_NAME_MAX];
  return sl_charts_printf(st, "%s", sl_name_family(name, buf, sizeof buf));
}
