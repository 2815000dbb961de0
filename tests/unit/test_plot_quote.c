/* test_plot_quote.c - the quoting rule for untrusted text and the input checks of the chart
 * writers. Expected literals are written by hand from the rule in plot.h; the gnuplot
 * behaviour they rely on (single quotes: only '' is special, and not right after the opening
 * quote; enhanced text: \x prints x) is exercised for real in test_plot_inject. */
#include <stdlib.h>

#include "harness.h"
#include "scoutlab/plot.h"
#include "test_plot_samples.h"

typedef struct {
  const char *name, *input;
  int flags;
  const char *expected;
} quote_case;

static const quote_case cases[] = {
    {"plain", "Leonardo Balerdi", SL_PLOT_QUOTE_ENHANCED, "'Leonardo Balerdi'"},
    {"utf8 kept", "Müller Çalhanoğlu Ødegaard", SL_PLOT_QUOTE_ENHANCED,
     "'Müller Çalhanoğlu Ødegaard'"},
    {"NULL", NULL, SL_PLOT_QUOTE_ENHANCED, "''"},
    {"empty", "", 0, "''"},
    {"underscore", "Ibrahima_Konaté", SL_PLOT_QUOTE_ENHANCED, "'Ibrahima\\_Konaté'"},
    {"all specials", "\\_^{}@&~", SL_PLOT_QUOTE_ENHANCED, "'\\\\\\_\\^\\{\\}\\@\\&\\~'"},
    {"specials plain", "a_b@c", 0, "'a_b@c'"},
    {"quote inside, enhanced", "O'Brien", SL_PLOT_QUOTE_ENHANCED, "'O''Brien'"},
    {"quote inside, plain", "O'Brien", 0, "'O''Brien'"},
    {"leading quote, enhanced", "'x'", SL_PLOT_QUOTE_ENHANCED, "'\\047x'''"},
    {"leading quote then digits", "'70s", SL_PLOT_QUOTE_ENHANCED, "'\\04770s'"},
    {"leading quote, plain", "'x", 0, "\"'\" . 'x'"},
    /* issue 16 (fuzz_charts): gnuplot 5.4 ends a literal at a quote right after a doubled one */
    {"two leading quotes, plain", "''a", 0, "\"'\" . \"'\" . 'a'"},
    {"only quotes, plain", "''", 0, "\"'\" . \"'\" . ''"},
    {"run of quotes inside, plain", "a''b", 0, "'a''' . \"'\" . 'b'"},
    {"run of three inside, plain", "a'''b", 0, "'a''' . \"'\" . '' . \"'\" . 'b'"},
    {"run of quotes at the end, plain", "a''", 0, "'a''' . \"'\" . ''"},
    {"run of quotes inside, enhanced", "a''b", SL_PLOT_QUOTE_ENHANCED, "'a''\\047b'"},
    {"only quotes, enhanced", "'''", SL_PLOT_QUOTE_ENHANCED, "'\\047''\\047'"},
    {"backquote untouched", "`touch /tmp/x`", SL_PLOT_QUOTE_ENHANCED, "'`touch /tmp/x`'"},
    {"double quote untouched", "say \"hi\"", SL_PLOT_QUOTE_ENHANCED, "'say \"hi\"'"},
    {"newline", "EOD\n!touch x", SL_PLOT_QUOTE_ENHANCED, "'EOD !touch x'"},
    {"CR and tab", "a\rb\tc", 0, "'a b c'"},
    {"DEL", "a\x7f" "b", 0, "'a b'"},
    {"C1 control U+0085", "a\xC2\x85" "b", 0, "'a b'"},
    {"line separator U+2028", "a\xE2\x80\xA8" "b", 0, "'a b'"},
    {"invalid UTF-8 byte", "a\xFF" "b", 0, "'a?b'"},
    {"overlong slash", "\xC0\xAF", 0, "'?" "?'"},
    {"surrogate", "\xED\xA0\x80", 0, "'?" "?" "?'"},
    {"truncated sequence", "a\xC3", 0, "'a?'"},
    {"4-byte emoji kept", "\xF0\x9F\x98\x80", 0, "'\xF0\x9F\x98\x80'"},
};

static void test_quote_cases(void) {
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char *q = sl_plot_quote(cases[i].input, cases[i].flags);
    STR_EQ(q, cases[i].expected, "quote case %zu (%s)", i, cases[i].name);
    free(q);
  }
}

static void test_format_from_path(void) {
  sl_plot_format f;
  sl_error err;
  INT_EQ(sl_plot_format_from_path("a/b.PNG", &f, &err), SL_OK, "png upper case");
  INT_EQ(f, SL_PLOT_PNG, "png");
  INT_EQ(sl_plot_format_from_path("x.svg", &f, &err), SL_OK, "svg");
  INT_EQ(f, SL_PLOT_SVG, "svg");
  INT_EQ(sl_plot_format_from_path("x.pdf", &f, &err), SL_OK, "pdf");
  INT_EQ(f, SL_PLOT_PDF, "pdf");
  INT_EQ(sl_plot_format_from_path("x.jpg", &f, &err), SL_EINVAL, "jpg refused");
  OK(strstr(err.message, ".png, .svg or .pdf") != NULL, "message names formats: %s", err.message);
  INT_EQ(sl_plot_format_from_path("png", &f, &err), SL_EINVAL, "no extension");
}

/* Writes to /dev/null: only the status and message matter here. */
static int write_radar(const sl_plot_radar *r, sl_error *err) {
  FILE *f = fopen("/dev/null", "w");
  int st = sl_plot_radar_write(r, SL_PLOTS, f, err);
  fclose(f);
  return st;
}

static void test_input_checks(void) {
  sl_plot_common common = {.output = "chart.png"};
  sl_error err;
  sl_plot_radar r = sample_radar(common);
  INT_EQ(write_radar(&r, &err), SL_OK, "sample radar is valid");

  r.n_players = 1;
  INT_EQ(write_radar(&r, &err), SL_EINVAL, "one player");
  OK(strstr(err.message, "expected 2 to 6") != NULL, "message: %s", err.message);
  r = sample_radar(common);
  r.n_players = 7;
  INT_EQ(write_radar(&r, &err), SL_EINVAL, "seven players");
  r = sample_radar(common);
  r.n_axes = 2;
  INT_EQ(write_radar(&r, &err), SL_EINVAL, "two axes");
  double low[6] = {0.55, 0.48, 3.4, 1.2, 78, 0.5};
  r = sample_radar(common);
  r.axis_low = low;
  INT_EQ(write_radar(&r, &err), SL_EINVAL, "empty axis range");
  OK(strstr(err.message, "Aerials won /90") != NULL, "message names the axis: %s", err.message);

  r = sample_radar(common);
  r.common.output = NULL;
  INT_EQ(write_radar(&r, &err), SL_EINVAL, "no output");
  r.common.output = "a\nb.png";
  INT_EQ(write_radar(&r, &err), SL_EINVAL, "newline in output name");
  r = sample_radar(common);
  r.common.width = 100;
  INT_EQ(write_radar(&r, &err), SL_EINVAL, "too narrow");
  OK(strstr(err.message, "240..10000") != NULL, "message gives the limits: %s", err.message);

  FILE *f = fopen("/dev/null", "w");
  r = sample_radar(common);
  INT_EQ(sl_plot_radar_write(&r, "/nonexistent/plots", f, &err), SL_EIO, "missing template");
  OK(strstr(err.message, "/nonexistent/plots") != NULL, "message names the directory: %s",
     err.message);
  fclose(f);
}

int main(void) {
  test_quote_cases();
  test_format_from_path();
  test_input_checks();
  return SL_TEST_DONE();
}
