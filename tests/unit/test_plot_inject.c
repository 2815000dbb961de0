/* test_plot_inject.c - hostile names cannot run commands and print as written.
 *
 * Every text field of every chart type gets strings that would run a shell command if they
 * reached gnuplot unquoted or double-quoted (backquotes, system(), a newline followed by
 * gnuplot's "!" shell escape, a quote break-out), plus @macros, EOD, and enhanced-text
 * specials. Each chart is rendered to SVG by the real gnuplot; the test then asserts that no
 * marker file was created and that each string appears literally in the SVG text (control
 * characters as spaces, & and < XML-escaped as gnuplot's svg terminal writes them).
 * Skips (77) when gnuplot is not installed. */
#include "harness.h"
#include "scoutlab/plot.h"
#include "test_plot_util.h"
#include "test_plot_writers.h"

#define N_HOSTILE 11
/* Bytes of each hostile text that must appear literally (the dangerous part comes first; the
 * importance chart's name column holds about 18 characters before a name is shortened). */
#define PREFIX_BYTES 16
static char hostile[N_HOSTILE][256];
static const char *h[N_HOSTILE];

static void make_hostile(const char *dir) {
  const char *const patterns[N_HOSTILE] = {
      "`touch %s/pwned-backquote`",
      "$(touch %s/pwned-dollar)",
      "system(\"touch %s/pwned-system\")",
      "'; system('touch %s/pwned-squote'); '",
      "\"; system(\"touch %s/pwned-dquote\"); \"",
      "EOD\n!touch %s/pwned-newline",
      "x\r!touch %s/pwned-cr",
      "@macro `touch %s/pwned-macro` @x",
      "Ibrahima_Konaté O'Brien x^2 {y} a&b ~c \\d <e> %s",
      "'70s Müller Çalhanoğlu Ødegaard %s",
      "EOD"};
  for (int i = 0; i < N_HOSTILE; i++) {
    snprintf(hostile[i], sizeof hostile[i], patterns[i], dir);
    h[i] = hostile[i];
  }
}

/* The text as the svg terminal prints it: control characters as spaces, & and < escaped. */
static void svg_form(const char *text, char *out, size_t size) {
  size_t o = 0;
  for (const char *p = text; *p && o + 6 < size; p++) {
    if ((unsigned char)*p < 0x20) out[o++] = ' ';
    else if (*p == '&') o += (size_t)snprintf(out + o, size - o, "&amp;");
    else if (*p == '<') o += (size_t)snprintf(out + o, size - o, "&lt;");
    else out[o++] = *p;
  }
  out[o] = '\0';
}

static const char *const markers[] = {"pwned-backquote", "pwned-dollar", "pwned-system",
                                      "pwned-squote",    "pwned-dquote", "pwned-newline",
                                      "pwned-cr",        "pwned-macro"};

static void check_chart(const char *dir, const char *chart, const char *svg_path,
                        const char *const *texts, size_t n_texts) {
  for (size_t m = 0; m < sizeof markers / sizeof markers[0]; m++) {
    char path[600];
    snprintf(path, sizeof path, "%s/%s", dir, markers[m]);
    OK(!file_exists(path), "%s: %s was created: a name ran a command", chart, markers[m]);
  }
  char *svg = read_all(svg_path);
  OK(svg != NULL, "%s: %s rendered", chart, svg_path);
  for (size_t i = 0; svg && i < n_texts; i++) {
    char want[600];
    svg_form(texts[i], want, sizeof want);
    want[PREFIX_BYTES] = '\0'; /* long names may end in an ellipsis where space is short */
    /* A long axis name is drawn on two lines, broken at a space: each word printed literally. */
    char *save = NULL;
    for (char *word = strtok_r(want, " ", &save); word; word = strtok_r(NULL, " ", &save))
      OK(strstr(svg, word) != NULL, "%s: text %zu not printed literally: %s", chart, i, word);
  }
  free(svg);
}

/* Writes `chart`.gp in dir with write(), renders `chart`.svg, returns the status. */
typedef int (*chart_writer)(const void *chart, FILE *out, sl_error *err);

static int render(const char *dir, const char *name, const char *svg_path, chart_writer write,
                  const void *chart, sl_error *err) {
  char script[600];
  snprintf(script, sizeof script, "%s/%s.gp", dir, name);
  FILE *f = fopen(script, "w");
  int st = write(chart, f, err);
  fclose(f);
  if (!st) st = sl_plot_run(script, svg_path, NULL, err);
  return st;
}

static const double ramp[N_HOSTILE] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
static const double ramp2[N_HOSTILE] = {3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5};

/* Renders chart `name` and checks it; returns 0 to go on, SL_TEST_SKIP without gnuplot. */
static int run_case(const char *dir, const char *name, chart_writer write, const void *chart,
                    sl_plot_common *common, const char *const *texts, size_t n_texts) {
  static char svg_path[600];
  snprintf(svg_path, sizeof svg_path, "%s/%s.svg", dir, name);
  common->output = svg_path;
  sl_error err;
  int st = render(dir, name, svg_path, write, chart, &err);
  if (st == SL_ETOOL && strstr(err.message, "not found")) {
    fprintf(stderr, "skip: %s\n", err.message);
    return SL_TEST_SKIP;
  }
  INT_EQ(st, SL_OK, "%s: %s", name, err.message);
  check_chart(dir, name, svg_path, texts, n_texts);
  return 0;
}

int main(void) {
  const char *dir = scratch_dir();
  if (!dir) return EXIT_FAILURE;
  make_hostile(dir);
  /* A large canvas, so that titles and labels are not shortened to fit (that is tested in
   * test_plot_layout); the check below still compares each text's first bytes only. */
  sl_plot_common common = {.title = h[0], .subtitle = h[5], .credits = h[3],
                           .format = SL_PLOT_SVG, .width = 3000, .height = 1688};
  int skip = 0;

  double values[4 * 6], low[6] = {0, 0, 0, 0, 0, 0}, high[6] = {12, 12, 12, 12, 12, 12};
  for (int i = 0; i < 24; i++) values[i] = ramp[i % N_HOSTILE];
  sl_plot_radar radar = {common, 4, h + 1, 6, h + 5, values, low, high, h, h + 1}; /* hostile range texts too */
  const char *radar_texts[] = {h[0], h[5], h[3], h[1], h[2], h[4], h[6], h[7], h[8], h[9], h[10]};
  skip = run_case(dir, "radar", w_radar, &radar, &radar.common, radar_texts, 11);
  if (skip) {
    remove_dir(dir);
    return skip;
  }

  int every_other_style[N_HOSTILE];
  for (int i = 0; i < N_HOSTILE; i++) every_other_style[i] = i % 2;
  sl_plot_percentiles pct = {common, h[8], N_HOSTILE, h, h, ramp, ramp2, h[9], h, every_other_style}; /* hostile value texts too */
  pct.common.title = h[2];
  const char *pct_texts[] = {h[0], h[1], h[2], h[3], h[4], h[5], h[6], h[7], h[8], h[9], h[10]};
  run_case(dir, "percentiles", w_percentiles, &pct, &pct.common, pct_texts, N_HOSTILE);

  int all[N_HOSTILE] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};
  sl_plot_scatter scatter = {common, N_HOSTILE, h, ramp, ramp2, all, h[7], h[8]};
  run_case(dir, "scatter", w_scatter, &scatter, &scatter.common, h, N_HOSTILE);

  double fee_pred[3] = {1e6, 5e6, 2e7}, fee_act[3] = {2e6, 4e6, 3e7};
  double fee_low[3] = {5e5, 2e6, 1e7}, fee_high[3] = {2e6, 1e7, 4e7};
  sl_plot_fee_fit fees = {common, 3, fee_pred, fee_act, fee_low, fee_high, h[7], 8e6, 4e6,
                          1.6e7, 2.5e7, h[8], h[9], h[10]};
  const char *fee_texts[] = {h[0], h[5], h[3], h[7], h[8], h[9], h[10]};
  run_case(dir, "fees", w_fee_fit, &fees, &fees.common, fee_texts, 7);

  double ages[3] = {22, 26, 30}, curve[3] = {1e7, 2e7, 1.2e7};
  sl_plot_age_curve age = {common, 3, ages, curve, NULL, NULL, curve, h[1], h[2], h[4],
                           25, 1.9e7, h[9], h[10]};
  const char *age_texts[] = {h[0], h[5], h[3], h[1], h[2], h[4], h[9], h[10]};
  run_case(dir, "age-curve", w_age_curve, &age, &age.common, age_texts, 8);

  double share[N_HOSTILE], years[N_HOSTILE];
  for (int i = 0; i < N_HOSTILE; i++) {
    share[i] = ramp2[i] / 10;
    years[i] = 18 + 1.5 * i;
  }
  int every_other[N_HOSTILE]; /* hostile names in the bold labels of the highlighted too */
  for (int i = 0; i < N_HOSTILE; i++) every_other[i] = i % 2;
  sl_plot_squad squad = {common, N_HOSTILE, h, years, share, ramp, h, 24, 29, h[1], h[2], every_other};
  run_case(dir, "squad", w_squad, &squad, &squad.common, h, N_HOSTILE);

  double parts[N_HOSTILE * 2];
  for (int i = 0; i < 2 * N_HOSTILE; i++) parts[i] = ramp2[i % N_HOSTILE];
  sl_plot_importance imp = {common, N_HOSTILE, h, 2, h + 8, parts, h[6], every_other};
  run_case(dir, "importance", w_importance, &imp, &imp.common, h, N_HOSTILE);

  /* The output name goes through plain (not enhanced) quoting, in the script and in the
   * runner's -e argument: a quote in it must neither break out nor break the render. */
  char quoted_out[600];
  snprintf(quoted_out, sizeof quoted_out, "%s/it's `touch pwned-output`.svg", dir);
  scatter.common.output = quoted_out;
  sl_error err;
  char script[600];
  snprintf(script, sizeof script, "%s/quoted-output.gp", dir);
  FILE *f = fopen(script, "w");
  int st = sl_plot_scatter_write(&scatter, SL_PLOTS, f, &err);
  fclose(f);
  if (!st) st = sl_plot_run(script, quoted_out, NULL, &err);
  INT_EQ(st, SL_OK, "output name with a quote: %s", err.message);
  OK(file_exists(quoted_out), "chart written to %s", quoted_out);
  OK(!file_exists("pwned-output"), "output name ran a command");

  /* Positive control: the same gnuplot does run a backquote inside double quotes, so the
   * marker checks above can see an injection when one happens. */
  char control[600];
  snprintf(script, sizeof script, "%s/control.gp", dir);
  snprintf(control, sizeof control, "%s/control-marker", dir);
  f = fopen(script, "w");
  fprintf(f, "x = \"`touch %s`\"\n", control);
  fclose(f);
  sl_plot_run(script, quoted_out, NULL, &err);
  OK(file_exists(control), "positive control: gnuplot ran the double-quoted backquote");
  remove_dir(dir);
  return SL_TEST_DONE();
}
