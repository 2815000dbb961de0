/* test_plot_golden.c - the script text of every chart type: text exactly, numbers to 1e-12.
 *
 * A script is the header and data written by the C code, a marker line, then the template
 * copied verbatim. The part before the marker is compared with tests/data/plot/<chart>.gp
 * (reviewed by hand when first written); the part after it with plots/<chart>.gp, so that
 * restyling a template does not touch the goldens. To regenerate after an intended change of
 * the writer: SL_UPDATE_GOLDEN=1 ./test_plot_golden, then review the diff. */
#include <stdlib.h>

#include "harness.h"
#include "numdiff.h"
#include "scoutlab/plot.h"
#include "test_plot_samples.h"
#include "test_plot_writers.h"

static char *slurp(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, len = 0;
  char *buf = malloc(cap + 1);
  size_t got;
  while (buf && (got = fread(buf + len, 1, cap - len, f)) > 0) {
    len += got;
    if (len == cap) {
      char *bigger = realloc(buf, 2 * cap + 1);
      if (!bigger) {
        free(buf);
        buf = NULL;
        break;
      }
      buf = bigger;
      cap *= 2;
    }
  }
  fclose(f);
  if (buf) buf[len] = '\0';
  return buf;
}

typedef int (*writer)(const void *chart, FILE *out, sl_error *err);

static void check_script(const char *chart, writer write, const void *input) {
  char *text = NULL;
  size_t len = 0;
  FILE *mem = open_memstream(&text, &len);
  sl_error err;
  int st = write(input, mem, &err);
  fclose(mem);
  INT_EQ(st, SL_OK, "%s: write (%s)", chart, err.message);
  char marker[96];
  snprintf(marker, sizeof marker, "\n# ---- look: plots/%s.gp ----\n", chart);
  char *cut = text ? strstr(text, marker) : NULL;
  OK(cut != NULL, "%s: template marker present", chart);
  if (!cut) {
    free(text);
    return;
  }
  *cut = '\0';
  char golden_path[512], template_path[512];
  snprintf(golden_path, sizeof golden_path, "%s/plot/%s.gp", SL_TEST_DATA, chart);
  snprintf(template_path, sizeof template_path, "%s/%s.gp", SL_PLOTS, chart);
  if (getenv("SL_UPDATE_GOLDEN")) {
    FILE *g = fopen(golden_path, "wb");
    OK(g != NULL, "%s: cannot write %s", chart, golden_path);
    if (g) fprintf(g, "%s\n", text), fclose(g);
  }
  char *golden = slurp(golden_path);
  OK(golden != NULL, "%s: golden %s readable", chart, golden_path);
  if (golden) {
    size_t glen = strlen(golden);
    if (glen && golden[glen - 1] == '\n') golden[glen - 1] = '\0';
    /* Numbers to a relative 1e-12 (libm may differ in the last bits), text exactly. */
    numdiff_opts o = NUMDIFF_DEFAULTS;
    char why[1024] = "";
    OK(numdiff_text(golden, strlen(golden), text, strlen(text), &o, why, sizeof why) == 0,
       "%s: header and data differ from %s (diff the new script): %s", chart, golden_path, why);
  }
  char *tmpl = slurp(template_path);
  OK(tmpl && strcmp(cut + strlen(marker), tmpl) == 0, "%s: template copied verbatim", chart);
  free(golden);
  free(tmpl);
  free(text);
}

/* The terminal line for each format, written by hand from plot.c's rules: PDF pages at 96 px
 * per inch, line widths by the scale (1600/800 = 2), fonts set explicitly. */
static void check_terminal(sl_plot_format format, int w, int h, const char *expected, double dpi) {
  sl_plot_common common = {.output = "/x", .format = format, .width = w, .height = h, .dpi = dpi};
  sl_plot_scatter s = sample_scatter(common);
  char *text = NULL;
  size_t len = 0;
  FILE *mem = open_memstream(&text, &len);
  sl_plot_scatter_write(&s, SL_PLOTS, mem, NULL);
  fclose(mem);
  OK(text && strstr(text, expected), "terminal line %s in:\n%.600s", expected, text);
  free(text);
}

/* A subtitle too long for one line breaks after a clause ("; ", else ", ") when that leaves
 * a first line at least half full, else at the last space that fits; never "holds" / "77.0%". */
static void check_wrap(const char *subtitle, const char *line1, const char *line2) {
  sl_plot_common common = {.output = "/x", .format = SL_PLOT_PNG};
  sl_plot_fee_fit f = sample_fee_fit(common);
  f.common.subtitle = subtitle;
  char *text = NULL, want[512];
  size_t len = 0;
  FILE *mem = open_memstream(&text, &len);
  sl_error err;
  INT_EQ(sl_plot_fee_fit_write(&f, SL_PLOTS, mem, &err), SL_OK, "wrap: write");
  fclose(mem);
  snprintf(want, sizeof want, "subtitle_text = '%s'\nsubtitle2_text = '%s'\n", line1, line2);
  const char *got = text ? strstr(text, "subtitle_text = ") : NULL;
  OK(got && strncmp(got, want, strlen(want)) == 0, "wrap: expected\n%sgot\n%.300s", want, got ? got : "");
  free(text);
}

int main(void) {
  sl_plot_common common = {.output = "/charts/chart.png", .format = SL_PLOT_PNG}; /* absolute: the script names it as given */
  sl_plot_radar radar = sample_radar(common);
  sl_plot_percentiles pct = sample_percentiles(common);
  sl_plot_scatter scatter = sample_scatter(common);
  sl_plot_fee_fit fees = sample_fee_fit(common);
  sl_plot_age_curve age = sample_age_curve(common);
  sl_plot_squad squad = sample_squad(common);
  sl_plot_importance imp = sample_importance(common);
  check_script("radar", w_radar, &radar);
  check_script("percentiles", w_percentiles, &pct);
  check_script("scatter", w_scatter, &scatter);
  check_script("fees", w_fee_fit, &fees);
  check_script("age-curve", w_age_curve, &age);
  check_script("squad", w_squad, &squad);
  check_script("importance", w_importance, &imp);

  check_wrap("Held-out transfers 2019-20 joined to stats (n=575), model refitted on 2018; band: 80% conformal "
             "interval, holds 77.0%",
             "Held-out transfers 2019-20 joined to stats (n=575), model refitted on 2018;",
             "band: 80% conformal interval, holds 77.0%");
  /* The last ", " leaves too short a first line: the last space that fits. */
  check_wrap("Held-out transfers 2019-20, refitted on 2018, band: 80% conformal interval holding 77.0% of the deals "
             "it was never shown",
             "Held-out transfers 2019-20, refitted on 2018, band: 80% conformal interval holding 77.0% of the deals it "
             "was never",
             "shown");
  /* "Short; " is a stub: the clause break is the later ", ". */
  check_wrap("Short; then a clause too long to share the line with the stub before it, so the break is at "
             "the last space that fits and not after Short",
             "Short; then a clause too long to share the line with the stub before it,",
             "so the break is at the last space that fits and not after Short");
  check_terminal(SL_PLOT_PNG, 0, 0,
                 "set terminal pngcairo size 1200,675 noenhanced fontscale 1 linewidth 1.5 "
                 "background '#ffffff'\nsl_font_scale = 1.5\nsl_point_scale = 1\n", 0);
  /* 16 x 9 cm at 300 dpi: scale min(605/800, 340/450) = 0.75556 times 300/96; 340 x 3.125 = 1062.5 px, printed 1062.
   * Points follow the fonts from the 1200x675 canvas they were sized on: 2.36111 / 1.5 = 1.57407. */
  check_terminal(SL_PLOT_PNG, 605, 340,
                 "set terminal pngcairo size 1891,1062 noenhanced fontscale 1 linewidth 2.36111 "
                 "background '#ffffff'\nsl_font_scale = 2.36111\nsl_point_scale = 1.57407\n", 300);
  check_terminal(SL_PLOT_SVG, 800, 450,
                 "set terminal svg size 800,450 fixed noenhanced font 'Liberation Sans,Arial,Helvetica,sans-serif,13.3333' "
                 "fontscale 1 linewidth 1 background '#ffffff'\nsl_font_scale = 1.33333\nsl_point_scale = 0.35\n", 0);
  check_terminal(SL_PLOT_PDF, 1200, 900,
                 "set terminal pdfcairo size 12.5in,9.375in noenhanced fontscale 1 linewidth 1.5 "
                 "background '#ffffff'\nsl_font_scale = 1.14205\nsl_point_scale = 0.76\n", 0);
  check_terminal(SL_PLOT_PDF, 0, 0, "set terminal pdfcairo size 6.30208in,3.54167in noenhanced", 0);
  return SL_TEST_DONE();
}
