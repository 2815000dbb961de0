/* test_plot_render.c - every chart type rendered by the real gnuplot in PNG, SVG and PDF:
 * the file exists, has the format's signature, a PNG has the requested size in its IHDR, the
 * script is kept, no temporary file is left next to the chart, and no SVG line path lacks
 * fill='none'. Skips (77) when gnuplot is not installed. */
#include "harness.h"
#include "scoutlab/plot.h"
#include "test_plot_samples.h"
#include "test_plot_util.h"

/* Writes the sample chart `kind` with the given common settings. */
typedef int (*sample_writer)(sl_plot_common c, FILE *out, sl_error *err);

#define SAMPLE_WRITER(T)                                                                    \
  static int write_##T(sl_plot_common c, FILE *out, sl_error *err) {                        \
    sl_plot_##T chart = sample_##T(c);                                                      \
    return sl_plot_##T##_write(&chart, SL_PLOTS, out, err);                                 \
  }
SAMPLE_WRITER(radar)
SAMPLE_WRITER(percentiles)
SAMPLE_WRITER(scatter)
SAMPLE_WRITER(fee_fit)
SAMPLE_WRITER(age_curve)
SAMPLE_WRITER(squad)
SAMPLE_WRITER(importance)

static const struct {
  const char *name;
  sample_writer write;
} charts[] = {{"radar", write_radar},       {"percentiles", write_percentiles},
              {"scatter", write_scatter},   {"fees", write_fee_fit},
              {"age-curve", write_age_curve}, {"squad", write_squad},
              {"importance", write_importance}};

static const char *const extensions[] = {"png", "svg", "pdf"};

/* Writes the script and renders it; returns the run status (err filled). */
static int render(const char *dir, size_t chart, sl_plot_format format, int w, int h,
                  char *out_path, size_t out_size, sl_error *err) {
  char script[512];
  snprintf(script, sizeof script, "%s/%s-%dx%d-%s.gp", dir, charts[chart].name, w, h,
           extensions[format]);
  snprintf(out_path, out_size, "%s/%s-%dx%d.%s", dir, charts[chart].name, w, h,
           extensions[format]);
  sl_plot_common c = {.output = out_path, .format = format, .width = w, .height = h};
  FILE *f = fopen(script, "w");
  int st = charts[chart].write(c, f, err);
  fclose(f);
  if (st) return st;
  st = sl_plot_run(script, out_path, NULL, err);
  OK(file_exists(script), "%s: script kept", script);
  return st;
}

/* <path> elements after </defs> with no fill attribute whose innermost enclosing group does
 * not say fill="none": SVG renders those filled black (gnuplot 5.4.4's spiderplot wrote such
 * outlines; the radar now draws plain polygons, and the chart must be right as gnuplot wrote it). */
static int unfilled_paths(const char *svg) {
  const char *p = strstr(svg, "</defs>");
  int n = 0, depth = 0, none[256] = {0};
  while (p && *p) {
    const char *g = strstr(p, "<g"), *ge = strstr(p, "</g>"), *path = strstr(p, "<path");
    const char *next = g;
    if (!next || (ge && ge < next)) next = ge;
    if (!next || (path && path < next)) next = path;
    if (!next) break;
    const char *end = strchr(next, '>');
    if (!end) break;
    if (next == ge) depth = depth > 0 ? depth - 1 : 0;
    else if (next == g && (next[2] == ' ' || next[2] == '>')) {
      const char *f = strstr(next, "fill=\"none\"");
      if (depth < 255) none[++depth] = f && f < end;
      if (end[-1] == '/') depth--;
    } else if (next == path) {
      const char *fill = strstr(next, " fill");
      n += (!fill || fill > end) && !none[depth];
    }
    p = end + 1;
  }
  return n;
}

static void check_output(const char *path, sl_plot_format format, int w, int h) {
  unsigned char head[64];
  long got = read_head(path, head, sizeof head);
  OK(got > 0, "%s exists and is not empty", path);
  if (format == SL_PLOT_PNG) {
    unsigned long pw = 0, ph = 0;
    INT_EQ(png_size(path, &pw, &ph), 0, "%s: PNG signature and IHDR", path);
    INT_EQ(pw, w ? w : SL_PLOT_DEFAULT_WIDTH, "%s: PNG width", path);
    INT_EQ(ph, h ? h : SL_PLOT_DEFAULT_HEIGHT, "%s: PNG height", path);
  } else if (format == SL_PLOT_SVG) {
    OK(!memcmp(head, "<?xml", 5), "%s: XML declaration", path);
    char *svg = read_all(path);
    char size_attr[64];
    snprintf(size_attr, sizeof size_attr, "width=\"%d\" height=\"%d\"",
             w ? w : SL_PLOT_PRINT_WIDTH, h ? h : SL_PLOT_PRINT_HEIGHT); /* SVG defaults to print size */
    OK(svg && strstr(svg, "<svg") && strstr(svg, size_attr), "%s: <svg %s>", path, size_attr);
    OK(svg && strstr(svg, "</svg>"), "%s: complete document", path);
    OK(svg && unfilled_paths(svg) == 0, "%s: %d <path> elements without a fill of their own ("
       "they would fill black)", path,
       svg ? unfilled_paths(svg) : -1);
    free(svg);
  } else {
    OK(!memcmp(head, "%PDF-", 5), "%s: PDF signature", path);
  }
}

int main(void) {
  const char *dir = scratch_dir();
  if (!dir) {
    fprintf(stderr, "cannot make a scratch directory\n");
    return EXIT_FAILURE;
  }
  sl_error err;
  char out[600];
  int st = render(dir, 0, SL_PLOT_PNG, 0, 0, out, sizeof out, &err);
  if (st == SL_ETOOL && strstr(err.message, "not found")) {
    fprintf(stderr, "skip: %s\n", err.message);
    remove_dir(dir);
    return SL_TEST_SKIP;
  }
  for (size_t c = 0; c < sizeof charts / sizeof charts[0]; c++)
    for (int format = SL_PLOT_PNG; format <= SL_PLOT_PDF; format++) {
      st = render(dir, c, (sl_plot_format)format, 0, 0, out, sizeof out, &err);
      INT_EQ(st, SL_OK, "%s as %s: %s", charts[c].name, extensions[format], err.message);
      check_output(out, (sl_plot_format)format, 0, 0);
    }
  /* A non-default size, portrait and small, for one chart of each kind of layout. */
  st = render(dir, 3, SL_PLOT_PNG, 640, 720, out, sizeof out, &err);
  INT_EQ(st, SL_OK, "fees 640x720: %s", err.message);
  check_output(out, SL_PLOT_PNG, 640, 720);
  st = render(dir, 5, SL_PLOT_PNG, 2400, 1350, out, sizeof out, &err);
  INT_EQ(st, SL_OK, "squad 2400x1350: %s", err.message);
  check_output(out, SL_PLOT_PNG, 2400, 1350);
  INT_EQ(count_entries(dir, ".tmp"), 0, "no temporary files left in %s", dir);

  /* The saved script is self-contained: plain `gnuplot file.gp` re-renders the chart. */
  char command[1400], png[600];
  snprintf(png, sizeof png, "%s/radar-0x0.png", dir);
  unlink(png);
  snprintf(command, sizeof command, "gnuplot '%s/radar-0x0-png.gp' 2>/dev/null", dir);
  INT_EQ(system(command), 0, "plain gnuplot on the saved script");
  check_output(png, SL_PLOT_PNG, 0, 0);
  remove_dir(dir);
  return SL_TEST_DONE();
}
