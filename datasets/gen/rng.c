/* rng.c - the generator's own random numbers and number formatting (see gen.h for why). */
#include "gen.h"

#include <math.h>
#include <string.h>

/* Knuth's product method needs exp(-lambda) > 0 with room to spare; above this the normal
 * approximation's error (skewness 1/sqrt(lambda) < 0.2) is below what a season total shows. */
#define POISSON_EXACT_LIMIT 30.0
/* Below this many trials a Bernoulli sum is cheap and exact. */
#define BINOMIAL_EXACT_LIMIT 40

static const double PI = 3.14159265358979323846;

static uint64_t splitmix64(uint64_t *x) {
  uint64_t z = (*x += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

void gen_rng_seed(gen_rng *r, uint64_t seed) {
  for (int i = 0; i < 4; i++) r->s[i] = splitmix64(&seed);
  r->has_spare = 0;
  r->spare = 0.0;
}

static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

uint64_t gen_rng_next(gen_rng *r) {
  uint64_t *s = r->s;
  uint64_t result = rotl(s[1] * 5, 7) * 9;
  uint64_t t = s[1] << 17;
  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl(s[3], 45);
  return result;
}

double gen_rng_uniform(gen_rng *r) { return (double)(gen_rng_next(r) >> 11) * 0x1.0p-53; }

int gen_rng_int(gen_rng *r, int n) {
  int k = (int)(gen_rng_uniform(r) * n);
  return k < n ? k : n - 1;
}

int gen_rng_range(gen_rng *r, int lo, int hi) { return lo + gen_rng_int(r, hi - lo + 1); }

int gen_rng_chance(gen_rng *r, double p) { return gen_rng_uniform(r) < p; }

double gen_rng_normal(gen_rng *r) {
  if (r->has_spare) {
    r->has_spare = 0;
    return r->spare;
  }
  double u1 = 1.0 - gen_rng_uniform(r); /* (0, 1]: log(0) impossible */
  double u2 = gen_rng_uniform(r);
  double radius = sqrt(-2.0 * log(u1));
  r->spare = radius * sin(2.0 * PI * u2);
  r->has_spare = 1;
  return radius * cos(2.0 * PI * u2);
}

int gen_rng_poisson(gen_rng *r, double lambda) {
  if (!(lambda > 0)) return 0;
  if (lambda > POISSON_EXACT_LIMIT) {
    double x = floor(lambda + sqrt(lambda) * gen_rng_normal(r) + 0.5);
    return x < 0 ? 0 : (int)x;
  }
  double limit = exp(-lambda), prod = gen_rng_uniform(r);
  int k = 0;
  while (prod > limit) {
    k++;
    prod *= gen_rng_uniform(r);
  }
  return k;
}

int gen_rng_binomial(gen_rng *r, int n, double p) {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (n < BINOMIAL_EXACT_LIMIT) {
    int k = 0;
    for (int i = 0; i < n; i++) k += gen_rng_chance(r, p);
    return k;
  }
  double x = floor(n * p + sqrt(n * p * (1 - p)) * gen_rng_normal(r) + 0.5);
  return x < 0 ? 0 : x > n ? n : (int)x;
}

const char *gen_fmt_fixed(char *buf, size_t size, double x, int decimals) {
  static const long long scale[] = {1, 10, 100, 1000, 10000};
  if (decimals < 0) decimals = 0;
  if (decimals > 4) decimals = 4;
  int negative = x < 0;
  /* floor(|x| * 10^d + 0.5): exact for the magnitudes we print (< 2^53 / 10^4). */
  long long units = (long long)floor(fabs(x) * (double)scale[decimals] + 0.5);
  if (units == 0) negative = 0; /* never print "-0.0" */
  long long whole = units / scale[decimals], frac = units % scale[decimals];
  if (decimals == 0)
    snprintf(buf, size, "%s%lld", negative ? "-" : "", whole);
  else
    snprintf(buf, size, "%s%lld.%0*lld", negative ? "-" : "", whole, decimals, frac);
  return buf;
}

void gen_csv_field(FILE *f, const char *s) {
  if (!strpbrk(s, ",\"\r\n")) {
    fputs(s, f);
    return;
  }
  fputc('"', f);
  for (; *s; s++) {
    if (*s == '"') fputc('"', f);
    fputc(*s, f);
  }
  fputc('"', f);
}
