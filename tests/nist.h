/* nist.h - a small reader for NIST StRD linear least squares files (tests only).
 *
 * Format (https://www.itl.nist.gov/div898/strd/lls/lls.shtml): a free-text header that says
 * "Data (lines a to b)", "<k> Predictor Variable", certified "B<i> estimate sd" lines,
 * "Standard Deviation <s>" (residual SD), "R-Squared <r2>" and an ANOVA table whose
 * "Regression df SS MS F" line gives the F statistic; then whitespace-separated rows "y x...".
 * A model with one predictor and more parameters than 1 + intercept is the polynomial
 * B0 + B1 x + ... + Bd x^d (Pontius, Filip, Wampler*); a file without B0 has no intercept.
 * The caller owns the arrays and frees them with sl_nist_free(). */
#ifndef SCOUTLAB_TEST_NIST_H
#define SCOUTLAB_TEST_NIST_H

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SL_NIST_MAX_PARAMS 16
#define SL_NIST_LINE_MAX 512

typedef struct sl_nist {
  size_t n;        /* observations */
  size_t npred;    /* predictor variables in the data block */
  size_t nparam;   /* certified parameters (B0..Bk, or B1..Bk without intercept) */
  int intercept;   /* B0 present */
  double *y;       /* n responses */
  double *x;       /* n x npred, row-major */
  double cert_b[SL_NIST_MAX_PARAMS], cert_sd[SL_NIST_MAX_PARAMS];
  double cert_sigma, cert_r2, cert_f;
} sl_nist;

static void sl_nist_free(sl_nist *d) {
  free(d->y);
  free(d->x);
  d->y = d->x = NULL;
}

/* Certified lines look like "        B3       -2.02022980381683         0.488399681651699". */
static int sl_nist_header_line(sl_nist *d, const char *s, long *first, long *last) {
  int a, b, k;
  double e, sd;
  const char *t = s + strspn(s, " \t");
  const char *lines = strstr(s, "(lines");
  if (strstr(s, "Data") && lines && sscanf(lines, "(lines %d to %d)", &a, &b) == 2) {
    *first = a, *last = b;
  } else if (strstr(s, "Predictor Variable") && sscanf(s, " %d", &k) == 1) {
    d->npred = (size_t)k;
  } else if (t[0] == 'B' && sscanf(t, "B%d %lf %lf", &k, &e, &sd) == 3) {
    if (k < 0 || k >= SL_NIST_MAX_PARAMS) return -1;
    if (k == 0) d->intercept = 1;
    d->cert_b[k] = e, d->cert_sd[k] = sd;
    d->nparam++;
  } else if (sscanf(s, " Standard Deviation %lf", &e) == 1) {
    d->cert_sigma = e;
  } else if (sscanf(s, " R-Squared %lf", &e) == 1) {
    d->cert_r2 = e;
  } else if (sscanf(s, " Regression %d %lf %lf %lf", &k, &e, &sd, &d->cert_f) == 4) {
    /* F statistic read into cert_f */
  }
  return 0;
}

static int sl_nist_read_c(const char *path, sl_nist *d, char *msg, size_t msgsize) {
  memset(d, 0, sizeof *d);
  FILE *f = fopen(path, "r");
  if (!f) return snprintf(msg, msgsize, "%s: cannot open", path), -1;
  char line[SL_NIST_LINE_MAX];
  long lineno = 0, first = 0, last = 0;
  size_t cap = 0;
  int bad = 0;
  while (!bad && fgets(line, sizeof line, f)) {
    lineno++;
    if (first == 0 || lineno < first) {
      if (sl_nist_header_line(d, line, &first, &last)) bad = 1;
      continue;
    }
    if (lineno > last) break;
    if (d->n == cap) {
      cap = cap ? 2 * cap : 64;
      d->y = realloc(d->y, cap * sizeof *d->y);
      d->x = realloc(d->x, cap * (d->npred ? d->npred : 1) * sizeof *d->x);
      if (!d->y || !d->x) bad = 1;
    }
    char *p = line, *e;
    if (!bad) d->y[d->n] = strtod(p, &e), bad = e == p;
    for (size_t j = 0; !bad && j < d->npred; j++) {
      p = e;
      d->x[d->n * d->npred + j] = strtod(p, &e);
      bad = e == p;
    }
    if (!bad) d->n++;
  }
  fclose(f);
  if (bad || d->n == 0 || d->npred == 0 || d->nparam == 0) {
    snprintf(msg, msgsize, "%s: not an StRD linear least squares file (line %ld)", path, lineno);
    sl_nist_free(d);
    return -1;
  }
  return 0;
}

/* Reads path into d. Returns 0, or -1 with a message in msg. NIST writes '.' as decimal point:
 * read in the C locale whatever the test's host locale (the locale.* tests) is. */
static int sl_nist_read(const char *path, sl_nist *d, char *msg, size_t msgsize) {
  locale_t c = newlocale(LC_ALL_MASK, "C", (locale_t)0), old = c ? uselocale(c) : (locale_t)0;
  int st = sl_nist_read_c(path, d, msg, msgsize);
  if (c) uselocale(old), freelocale(c);
  return st;
}

/* Design matrix, column-major n x nparam: [1] then the predictors, or the powers x..x^d of a
 * single predictor. The caller frees it. */
static double *sl_nist_design(const sl_nist *d) {
  size_t n = d->n, p = d->nparam, c = 0;
  double *x = malloc(n * p * sizeof *x);
  if (!x) return NULL;
  if (d->intercept)
    for (size_t i = 0; i < n; i++) x[i + n * c] = 1.0;
  c += d->intercept ? 1 : 0;
  int poly = d->npred == 1 && p - (size_t)d->intercept > 1;
  for (size_t k = 0; c < p; k++, c++)
    for (size_t i = 0; i < n; i++)
      x[i + n * c] = poly ? pow(d->x[i], (double)(k + 1)) : d->x[i * d->npred + k];
  return x;
}

/* Wampler's five polynomial problems (R. H. Wampler, JASA 65, 1970, pp. 549-565), generated as
 * NIST publishes them: x = 0..20, W1: y = 1 + x + ... + x^5; W2: y = sum (x/10)^j (exact to the
 * 5 decimals NIST prints, so y is the double nearest that decimal); W3, W4, W5: W1 plus
 * 1, 100 and 10000 times the fixed disturbance e below. Certified values are NIST's headers. */
#define SL_WAMPLER_ROWS 21
static const double sl_wampler_e[SL_WAMPLER_ROWS] = {
    759, -2048, 2048, -2048, 2523, -2048, 2048, -2048, 1838, -2048, 2048,
    -2048, 1838, -2048, 2048, -2048, 2523, -2048, 2048, -2048, 759};
/* Standard deviations of B0..B5 for Wampler3; W4 and W5 are 100 and 10000 times these. */
static const double sl_wampler3_sd[6] = {2152.32624678170, 2363.55173469681, 779.343524331583,
                                         101.475507550350, 5.64566512170752, 0.112324854679312};

/* Fills d with Wampler problem k (1..5). Returns 0, or -1 when out of memory or k is bad. */
static int sl_nist_wampler(int k, sl_nist *d) {
  static const double sigma[6] = {0, 0, 0, 2360.14502379268, 236014.502379268, 23601450.2379268};
  static const double r2[6] = {0, 1, 1, 0.999995559025820, 0.957478440825662,
                               0.224668921574940E-02};
  static const double f[6] = {0, INFINITY, INFINITY, 675524.458240122, 67.5524458240122,
                              6.7552445824012241E-03};
  static const double noise[6] = {0, 0, 0, 1, 100, 10000};
  memset(d, 0, sizeof *d);
  if (k < 1 || k > 5) return -1;
  d->n = SL_WAMPLER_ROWS, d->npred = 1, d->nparam = 6, d->intercept = 1;
  d->y = malloc(d->n * sizeof *d->y);
  d->x = malloc(d->n * sizeof *d->x);
  if (!d->y || !d->x) return sl_nist_free(d), -1;
  for (size_t i = 0; i < d->n; i++) {
    long long xi = (long long)i, pw = 1, sum = 0, scaled = 0, ten = 100000;
    for (int j = 0; j <= 5; j++, pw *= xi, ten /= 10) sum += pw, scaled += pw * ten;
    d->x[i] = (double)xi;
    d->y[i] = k == 2 ? (double)scaled / 1e5 : (double)sum + noise[k] * sl_wampler_e[i];
  }
  for (int j = 0; j <= 5; j++) {
    d->cert_b[j] = k == 2 ? pow(10.0, -j) : 1.0;
    d->cert_sd[j] = noise[k] * sl_wampler3_sd[j];
  }
  d->cert_sigma = sigma[k], d->cert_r2 = r2[k], d->cert_f = f[k];
  return 0;
}

/* Log relative error (McCullough 1998): the number of correct significant digits of q against
 * certified c; -log10|q| when c = 0; capped at 15 (the digits NIST certifies). */
static double sl_lre(double q, double c) {
  double e = c != 0 ? fabs(q - c) / fabs(c) : fabs(q);
  if (isnan(q)) return 0;
  if (e == 0) return 15;
  double l = -log10(e);
  return l > 15 ? 15 : (l < 0 ? 0 : l);
}

#endif
