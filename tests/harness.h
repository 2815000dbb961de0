/* harness.h - the small test harness every unit test uses (after cmark's api_test/harness).
 * Checks print Got/Expected with the case name; the process exits non-zero if any failed. */
#ifndef SCOUTLAB_TEST_HARNESS_H
#define SCOUTLAB_TEST_HARNESS_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct { int run, failed; } sl_test_state;
static sl_test_state sl_test_g; /* per test executable; tests are single-threaded */

#define SL_FAIL_AT(...)                                                                   \
  do {                                                                                    \
    sl_test_g.failed++;                                                                   \
    fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);                                  \
    fprintf(stderr, __VA_ARGS__);                                                         \
    fputc('\n', stderr);                                                                  \
  } while (0)

#define OK(cond, ...)                                                                     \
  do {                                                                                    \
    sl_test_g.run++;                                                                      \
    if (!(cond)) SL_FAIL_AT(__VA_ARGS__);                                                 \
  } while (0)

#define INT_EQ(got, expected, ...)                                                        \
  do {                                                                                    \
    long long g_ = (long long)(got), e_ = (long long)(expected);                          \
    sl_test_g.run++;                                                                      \
    if (g_ != e_) {                                                                       \
      SL_FAIL_AT(__VA_ARGS__);                                                            \
      fprintf(stderr, "  Got:      %lld\n  Expected: %lld\n", g_, e_);                    \
    }                                                                                     \
  } while (0)

#define STR_EQ(got, expected, ...)                                                        \
  do {                                                                                    \
    const char *g_ = (got), *e_ = (expected);                                             \
    sl_test_g.run++;                                                                      \
    if (!g_ || !e_ || strcmp(g_, e_) != 0) {                                              \
      SL_FAIL_AT(__VA_ARGS__);                                                            \
      fprintf(stderr, "  Got:      \"%s\"\n  Expected: \"%s\"\n", g_ ? g_ : "(null)",     \
              e_ ? e_ : "(null)");                                                        \
    }                                                                                     \
  } while (0)

/* Relative check as GSL's gsl_test_rel: |got-expected| <= tol*|expected| (absolute when expected == 0). */
#define SL_CHECK_REL(got, expected, tol, ...)                                             \
  do {                                                                                    \
    double g_ = (got), e_ = (expected), t_ = (tol);                                       \
    double d_ = fabs(g_ - e_), s_ = e_ != 0 ? fabs(e_) : 1.0;                             \
    sl_test_g.run++;                                                                      \
    if (!(d_ <= t_ * s_) && !(isnan(g_) && isnan(e_))) {                                  \
      SL_FAIL_AT(__VA_ARGS__);                                                            \
      fprintf(stderr, "  %.17g observed vs %.17g expected (tol %g)\n", g_, e_, t_);       \
    }                                                                                     \
  } while (0)

#define SL_TEST_DONE()                                                                    \
  (fprintf(stderr, "%d checks, %d failed\n", sl_test_g.run, sl_test_g.failed),            \
   sl_test_g.failed ? EXIT_FAILURE : EXIT_SUCCESS)

/* Tests that need ../shared/data exit with this code; CTest reports them as skipped. */
#define SL_TEST_SKIP 77

/* SL_TEST_HOST_LOCALE=1 (the locale.* copies of the unit tests, tests/CMakeLists.txt): run as a
 * host program does that calls setlocale(LC_ALL, "") before using the library, under
 * LC_ALL=de_DE.UTF-8 (decimal comma). Skips when that locale is not installed. */
#include <locale.h>
/* strtod in the C locale, for a test's own reading of reference data under that host locale. */
static inline double sl_test_strtod(const char *s, char **end) {
  locale_t c = newlocale(LC_ALL_MASK, "C", (locale_t)0), old = c ? uselocale(c) : (locale_t)0;
  double v = strtod(s, end);
  if (c) uselocale(old), freelocale(c);
  return v;
}
#if defined(__GNUC__)
__attribute__((constructor)) static void sl_test_host_locale(void) {
  if (!getenv("SL_TEST_HOST_LOCALE")) return;
  if (!setlocale(LC_ALL, "") || strcmp(localeconv()->decimal_point, ",") != 0) {
    fprintf(stderr, "skip: locale %s is not installed or has no decimal comma (apt-get install locales; "
                    "generate it with locale-gen)\n", getenv("LC_ALL") ? getenv("LC_ALL") : "?");
    exit(SL_TEST_SKIP);
  }
}
#endif

#endif
