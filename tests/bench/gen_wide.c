/* gen_wide.c - writes the benchmark CSV: ROWS rows of y and x1..xK as plain decimals.
 * Reproducible (splitmix64, fixed seed); y = 1 + sum_j j/K x_j + noise, so every coefficient is
 * identifiable and the fit is well conditioned.
 *   cc -O2 -o gen_wide gen_wide.c && ./gen_wide 1000000 30 > wide.csv */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

static uint64_t splitmix64(uint64_t *s) {
  uint64_t z = (*s += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

/* Uniform in [0, 1) with 53 random bits. */
static double uniform(uint64_t *s) { return (double)(splitmix64(s) >> 11) * 0x1.0p-53; }

int main(int argc, char **argv) {
  long rows = argc > 1 ? atol(argv[1]) : 1000000, k = argc > 2 ? atol(argv[2]) : 30;
  if (rows <= 0 || k <= 0 || k > 1000) return fprintf(stderr, "usage: gen_wide ROWS COLS\n"), 2;
  uint64_t state = 20240601;
  double *x = malloc((size_t)k * sizeof *x);
  fputs("y", stdout);
  for (long j = 1; j <= k; j++) printf(",x%ld", j);
  putchar('\n');
  for (long i = 0; i < rows; i++) {
    double y = 1;
    for (long j = 0; j < k; j++) {
      /* Magnitudes from 0.01 to 10^4 across columns, like ages, minutes and values mixed. */
      x[j] = (uniform(&state) * 100.0 - 20.0) * (j % 4 == 0 ? 100.0 : j % 4 == 1 ? 1.0 : j % 4 == 2 ? 0.01 : 10.0);
      y += (double)(j + 1) / (double)k * x[j];
    }
    y += uniform(&state) * 10.0 - 5.0;
    printf("%.6f", y);
    for (long j = 0; j < k; j++) printf(",%.4f", x[j]);
    putchar('\n');
  }
  free(x);
  return ferror(stdout) ? 1 : 0;
}
