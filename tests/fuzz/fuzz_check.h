/* fuzz_check.h - the invariant check the harnesses share: CHECK(cond, fmt, ...) prints the
 * condition and a message and aborts (libFuzzer then saves the input), and le(a, b) compares a
 * bound with the estimate it brackets, allowing for rounding. Header-only, test code. */
#ifndef SCOUTLAB_FUZZ_CHECK_H
#define SCOUTLAB_FUZZ_CHECK_H
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* Slack for rounding when a bound is compared with the estimate it brackets. */
#define ORDER_TOL 1e-9

#define CHECK(cond, ...)                                                                                 \
  do {                                                                                                   \
    if (!(cond)) {                                                                                       \
      fprintf(stderr, "invariant failed: %s: ", #cond);                                                  \
      fprintf(stderr, __VA_ARGS__);                                                                      \
      fputc('\n', stderr);                                                                               \
      abort();                                                                                           \
    }                                                                                                    \
  } while (0)

static inline int le(double a, double b) { return a <= b + ORDER_TOL * fmax(fabs(a), fabs(b)); }
#endif
