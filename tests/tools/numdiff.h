/* numdiff.h - compare a golden text with an output as numbers, not as digits.
 *
 * A golden file written with %.17g differs in its last digits on the next machine's BLAS kernel
 * (OpenBLAS picks Haswell, SkylakeX, Sandybridge... at run time) or libm. These functions
 * compare two texts token by token: numeric tokens with a relative tolerance, everything else
 * exactly, so a golden stays a golden of the numbers and the words, not of the rounding.
 * JSON is parsed on both sides and compared by value (object key order is not significant).
 *
 * Used by the numdiff tool (tests/tools/numdiff_main.c, for the CLI scripts) and linked into
 * every unit test (tests/harness.h's TEXT_NUM_EQ). Nothing here allocates memory that outlives
 * a call; the caller owns every buffer it passes.
 *
 *   numdiff_opts o = NUMDIFF_DEFAULTS;
 *   char why[512];
 *   if (numdiff_text(golden, golden_len, got, got_len, &o, why, sizeof why)) puts(why);
 */
#ifndef SCOUTLAB_TESTS_NUMDIFF_H
#define SCOUTLAB_TESTS_NUMDIFF_H

#include <stddef.h>

/* Relative tolerance for numbers scoutlab computed itself: kernel differences are <= 2e-15
 * (issue 16), so 1e-12 leaves three orders of margin and still catches any real change. */
#define NUMDIFF_REL_DEFAULT 1e-12
/* Where an R golden is the reference: R's own BLAS and summation order differ more. */
#define NUMDIFF_REL_R 1e-9

typedef struct numdiff_opts {
  double rel;        /* |a-b| <= rel * max(|a|,|b|) passes */
  double abs;        /* |a-b| <= abs passes too (for values that are zero in exact arithmetic) */
  int exact_space;   /* 0: any run of blanks matches any run (column padding follows the digits) */
} numdiff_opts;

#define NUMDIFF_DEFAULTS {NUMDIFF_REL_DEFAULT, 0.0, 0}

/* Text: tokens are numbers ([+-]digits[.digits][e[+-]digits], also .5), words (runs of other
 * non-blank bytes; "nan" and "inf" are words, compared exactly), blank runs and newlines.
 * Returns 0 when equal, 1 at the first difference, with "line L, token T: ..." in why. */
int numdiff_text(const char *expected, size_t expected_len, const char *got, size_t got_len,
                 const numdiff_opts *opts, char *why, size_t why_size);

/* JSON: one or more JSON values on each side (a JSON Lines file works), compared by value:
 * numbers with the tolerance, strings after unescaping, objects as key sets. Returns 0 when
 * equal, 1 at the first difference (with its path, e.g. $.contributions[0].eur), 2 when a side
 * is not JSON (why names the side, line and column). */
int numdiff_json(const char *expected, size_t expected_len, const char *got, size_t got_len,
                 const numdiff_opts *opts, char *why, size_t why_size);

/* Two numbers under the options (equal text, both NaN, or within tolerance). */
int numdiff_close(double expected, double got, const numdiff_opts *opts);

#endif
