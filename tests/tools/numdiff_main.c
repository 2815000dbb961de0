/* numdiff - compare a golden file with an output: numbers with a relative tolerance, text exactly.
 *
 *   numdiff [--rel TOL] [--abs TOL] [--json] [--exact-space] GOLDEN OUTPUT
 *
 * GOLDEN and OUTPUT are files ("-" is standard input; pipes and process substitutions work: each
 * is read once). --json (implied when GOLDEN ends in .json) compares JSON by value. Exit 0 when
 * they agree, 1 at the first difference (printed with its line and token, or its JSON path),
 * 2 for a usage or read error. The comparison rules are in numdiff.h. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "numdiff.h"

static char *read_all(const char *path, size_t *len) {
  FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  for (size_t got; buf && (got = fread(buf + n, 1, cap - n, f)) > 0;) {
    n += got;
    if (n == cap) {
      char *bigger = realloc(buf, 2 * cap);
      if (!bigger) free(buf);
      buf = bigger;
      cap *= 2;
    }
  }
  int bad = ferror(f);
  if (f != stdin) fclose(f);
  if (bad) {
    free(buf);
    return NULL;
  }
  *len = n;
  return buf;
}

static int usage(const char *msg) {
  fprintf(stderr, "numdiff: %s\nusage: numdiff [--rel TOL] [--abs TOL] [--json] [--exact-space] GOLDEN OUTPUT\n", msg);
  return 2;
}

static int tolerance(const char *arg, double *out) {
  char *end = NULL;
  errno = 0;
  *out = arg ? strtod(arg, &end) : -1;
  return arg && end != arg && !*end && !errno && *out >= 0 ? 0 : -1;
}

int main(int argc, char **argv) {
  numdiff_opts o = NUMDIFF_DEFAULTS;
  int json = 0, i = 1;
  for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
    if (!strcmp(argv[i], "--rel") || !strcmp(argv[i], "--abs")) {
      double *t = argv[i][2] == 'r' ? &o.rel : &o.abs;
      if (tolerance(i + 1 < argc ? argv[i + 1] : NULL, t)) return usage("a tolerance is a number >= 0");
      i++;
    } else if (!strcmp(argv[i], "--json")) {
      json = 1;
    } else if (!strcmp(argv[i], "--exact-space")) {
      o.exact_space = 1;
    } else {
      return usage("unknown option");
    }
  }
  if (argc - i != 2) return usage("give the golden and the output");
  const char *golden = argv[i], *output = argv[i + 1];
  size_t n = strlen(golden);
  if (n > 5 && !strcmp(golden + n - 5, ".json")) json = 1;
  size_t elen = 0, glen = 0;
  char *e = read_all(golden, &elen), *g = e ? read_all(output, &glen) : NULL;
  if (!e || !g) {
    fprintf(stderr, "numdiff: cannot read %s: %s\n", e ? output : golden, strerror(errno));
    free(e);
    return 2;
  }
  char why[2048] = "";
  int st = json ? numdiff_json(e, elen, g, glen, &o, why, sizeof why)
                : numdiff_text(e, elen, g, glen, &o, why, sizeof why);
  if (st) printf("%s differs from %s: %s\n", output, golden, why);
  free(e);
  free(g);
  return st;
}
