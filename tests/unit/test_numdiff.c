/* test_numdiff.c - the golden comparison the suite relies on (tests/tools/numdiff.h): a table of
 * {golden, output, options, expected verdict, words the report must contain}. The numbers are
 * the ones issue 16 saw under OPENBLAS_CORETYPE=SkylakeX against the Haswell goldens. */
#include <locale.h>

#include "harness.h"
#include "numdiff.h"

typedef struct text_case {
  const char *name, *golden, *output;
  double rel, abs;
  int exact_space, json;
  int verdict;        /* 0 equal, 1 differs, 2 not JSON */
  const char *report; /* a phrase of the report ("" when equal) */
} text_case;

static const text_case cases[] = {
    {"identical", "a 1.5 b\n", "a 1.5 b\n", 1e-12, 0, 0, 0, 0, ""},
    {"kernel digits (SkylakeX)", "fee_low,1939331.909396434\n", "fee_low,1939331.9093964375\n", 1e-12, 0, 0, 0, 0, ""},
    {"kernel digits, p value", "0.03262374771226579,\n", "0.032623747712265921,\n", 1e-12, 0, 0, 0, 0, ""},
    {"real change", "x 0.22922182694989285\n", "x 0.2292218269499\n", 1e-14, 0, 0, 0, 1, "line 1, token 3"},
    {"1e-9 for R", "t 2.0000000001\n", "t 2.0000000002\n", 1e-9, 0, 0, 0, 0, ""},
    {"beyond 1e-12", "t 2.0000000001\n", "t 2.0000000002\n", 1e-12, 0, 0, 0, 1, "relative difference"},
    {"word differs", "verdict: realistic\n", "verdict: unrealistic\n", 1e-12, 0, 0, 0, 1, "expected \"realistic\""},
    {"line two", "a\nb 1\n", "a\nb 2\n", 1e-12, 0, 0, 0, 1, "line 2, token 3"},
    {"missing last line", "a\nb\n", "a\n", 1e-12, 0, 0, 0, 1, "got end of file"},
    {"extra output", "a\n", "a\nb\n", 1e-12, 0, 0, 0, 1, "expected end of file"},
    {"padding follows the digits", "  1.5  x\n", "    1.50000000000001 x\n", 1e-12, 0, 0, 0, 0, ""},
    {"padding exact when asked", "  1.5 x\n", "   1.5 x\n", 1e-12, 0, 1, 0, 1, "blanks"},
    {"blank is not nothing", "a b\n", "ab\n", 1e-12, 0, 0, 0, 1, "got \"ab\""},
    {"exponent forms", "1.2e+07 -3E-5\n", "12000000 -0.00003\n", 1e-12, 0, 0, 0, 0, ""},
    {"signs", "-0.5\n", "0.5\n", 1e-12, 0, 0, 0, 1, "expected \"-0.5\""},
    {"zero with abs", "r 0\n", "r 1.3e-17\n", 1e-12, 1e-15, 0, 0, 0, ""},
    {"zero without abs", "r 0\n", "r 1.3e-17\n", 1e-12, 0, 0, 0, 1, "relative difference"},
    {"nan is a word", "nan\n", "nan\n", 1e-12, 0, 0, 0, 0, ""},
    {"nan against a number", "n/a\n", "nan\n", 1e-12, 0, 0, 0, 1, "expected \"n/a\""},
    {"thousands and money", "€7,322,393 (80% range)\n", "€7,322,393 (80% range)\n", 1e-12, 0, 0, 0, 0, ""},
    {"money changed", "€7,322,393\n", "€7,322,394\n", 1e-12, 0, 0, 0, 1, "expected \"393\""},
    {"a season is two numbers", "2024-25\n", "2024-26\n", 1e-12, 0, 0, 0, 1, "token"},
    /* JSON by value */
    {"json digits", "{\"fee_high\": 8250263.8782340102}", "{\"fee_high\": 8250263.8782339953}", 1e-12, 0, 0, 1, 0, ""},
    {"json key order", "{\"a\": 1, \"b\": [true, null]}", "{\"b\":[true,null],\"a\":1.0}", 1e-12, 0, 0, 1, 0, ""},
    {"json path", "{\"c\": [{\"eur\": 1}]}", "{\"c\": [{\"eur\": 2}]}", 1e-12, 0, 0, 1, 1, "$.c[0].eur"},
    {"json missing key", "{\"a\": 1, \"b\": 2}", "{\"a\": 1}", 1e-12, 0, 0, 1, 1, "$.b: missing"},
    {"json extra key", "{\"a\": 1}", "{\"a\": 1, \"z\": 0}", 1e-12, 0, 0, 1, 1, "\"z\" in the output"},
    {"json escapes", "[\"M\\u00fcller \\\"x\\\"\"]", "[\"Müller \\\"x\\\"\"]", 1e-12, 0, 0, 1, 0, ""},
    {"json string differs", "[\"a\"]", "[\"b\"]", 1e-12, 0, 0, 1, 1, "strings differ"},
    {"json types", "[null]", "[0]", 1e-12, 0, 0, 1, 1, "different types"},
    {"json length", "[1, 2]", "[1]", 1e-12, 0, 0, 1, 1, "expected 2 elements"},
    {"json lines", "{\"a\":1}\n{\"a\":2}\n", "{\"a\":1}\n{\"a\":2.0000000000000004}\n", 1e-12, 0, 0, 1, 0, ""},
    {"json broken output", "[1]", "[1,", 1e-12, 0, 0, 1, 2, "the output is not JSON at line 1, column 4"},
};

static void test_cases(void) {
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    const text_case *c = &cases[i];
    numdiff_opts o = {c->rel, c->abs, c->exact_space};
    char why[1024] = "";
    int st = c->json ? numdiff_json(c->golden, strlen(c->golden), c->output, strlen(c->output), &o, why, sizeof why)
                     : numdiff_text(c->golden, strlen(c->golden), c->output, strlen(c->output), &o, why, sizeof why);
    INT_EQ(st, c->verdict, "%s: verdict (%s)", c->name, why);
    OK(strstr(why, c->report) != NULL, "%s: report names \"%s\": %s", c->name, c->report, why);
  }
}

/* The comparison reads numbers in the C spelling even when the process runs under a locale with
 * a decimal comma (the unit tests may call setlocale; the tool never does). */
static void test_locale(void) {
  if (!setlocale(LC_NUMERIC, "de_DE.UTF-8")) {
    fprintf(stderr, "note: de_DE.UTF-8 not generated: decimal-comma check skipped\n");
    return;
  }
  numdiff_opts o = NUMDIFF_DEFAULTS;
  char why[512] = "";
  INT_EQ(numdiff_text("0.5\n", 4, "0.50000000000000001\n", 20, &o, why, sizeof why), 0, "0.5 under de_DE: %s", why);
  INT_EQ(numdiff_text("0.5\n", 4, "0.6\n", 4, &o, why, sizeof why), 1, "0.5 is not 0.6 under de_DE");
  setlocale(LC_NUMERIC, "C");
}

int main(void) {
  test_cases();
  test_locale();
  return SL_TEST_DONE();
}
