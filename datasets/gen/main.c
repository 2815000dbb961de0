/* main.c - scoutlab-gen-demo: writes the bundled demo world (fictional) into a directory.
 *
 *   scoutlab-gen-demo [--seed N] [--out DIR] [--season-shock SEASON:STEP] [--mv-age COEF]
 *                     [--buyer-premium CLUB:STEP]
 *
 * The committed datasets/ CSV files are this program's output for the default seed; the
 * demo-data CMake target regenerates them and tests/unit/test_demo_data.c checks they match. */
#include "gen.h"
#include "gen_world.h" /* gen_club_index: a premium club must exist */

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_SEED 20250601ULL /* the seed of the committed files */

static int usage(FILE *f, int status) {
  fprintf(f,
          "usage: scoutlab-gen-demo [--seed N] [--out DIR] [--season-shock SEASON:STEP] [--mv-age COEF]\n"
          "                         [--buyer-premium CLUB:STEP]\n"
          "Writes the fictional demo world (players.csv, contracts.csv, values.csv,\n"
          "transfers.csv, truth.csv) into DIR (default: current directory).\n"
          "The same seed gives byte-identical files. Default seed: %llu.\n"
          "Optional departures from the default true fee model (off by default; truth.csv\n"
          "lists them when on):\n"
          "  --season-shock SEASON:STEP  add STEP to log(fee) in SEASON and later (e.g. 2022:-0.25)\n"
          "  --mv-age COEF               add COEF x (log market value - 15) x (age - 25) to log(fee)\n"
          "  --buyer-premium CLUB:STEP   add STEP to log(fee) when CLUB buys (e.g. \"Bramcaster United:0.3\")\n",
          (unsigned long long)DEFAULT_SEED);
  return status;
}

/* "2022:-0.25": a season and a log-fee step. */
static int parse_shock(const char *s, gen_variant *v) {
  char *end;
  long season = strtol(s, &end, 10);
  if (*end != ':' || season < 1900 || season > 2200) return -1;
  const char *step = end + 1;
  double x = strtod(step, &end);
  if (end == step || *end || !(x > -5 && x < 5)) return -1;
  v->shock_from = (int)season, v->shock_log = x;
  return 0;
}

/* "Bramcaster United:0.3": a club's name (up to the last colon) and a log-fee step. The name
 * points into argv, which outlives the world. */
static int parse_premium(char *s, gen_variant *v) {
  char *colon = strrchr(s, ':'), *end;
  if (!colon || colon == s) return -1;
  double x = strtod(colon + 1, &end);
  if (end == colon + 1 || *end || !(x > -5 && x < 5)) return -1;
  *colon = '\0';
  v->premium_club = s, v->premium_log = x;
  return 0;
}

static int parse_coef(const char *s, double *out) {
  char *end;
  double x = strtod(s, &end);
  if (end == s || *end || !(x > -1 && x < 1)) return -1;
  *out = x;
  return 0;
}

int main(int argc, char **argv) {
  uint64_t seed = DEFAULT_SEED;
  const char *dir = ".";
  gen_variant variant = {0};
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) return usage(stdout, 0);
    if (!strcmp(argv[i], "--seed") && i + 1 < argc) {
      char *end;
      errno = 0;
      unsigned long long v = strtoull(argv[++i], &end, 10);
      if (errno || *end || end == argv[i]) {
        fprintf(stderr, "scoutlab-gen-demo: --seed needs a whole number, not \"%s\"\n", argv[i]);
        return 2;
      }
      seed = v;
    } else if (!strcmp(argv[i], "--out") && i + 1 < argc) {
      dir = argv[++i];
    } else if (!strcmp(argv[i], "--season-shock") && i + 1 < argc) {
      if (parse_shock(argv[++i], &variant)) {
        fprintf(stderr, "scoutlab-gen-demo: --season-shock needs SEASON:STEP (e.g. 2022:-0.25), not \"%s\"\n", argv[i]);
        return 2;
      }
    } else if (!strcmp(argv[i], "--buyer-premium") && i + 1 < argc) {
      if (parse_premium(argv[++i], &variant)) {
        fprintf(stderr, "scoutlab-gen-demo: --buyer-premium needs CLUB:STEP (e.g. \"Bramcaster United:0.3\"), not \"%s\"\n", argv[i]);
        return 2;
      }
    } else if (!strcmp(argv[i], "--mv-age") && i + 1 < argc) {
      if (parse_coef(argv[++i], &variant.mv_age)) {
        fprintf(stderr, "scoutlab-gen-demo: --mv-age needs a coefficient between -1 and 1, not \"%s\"\n", argv[i]);
        return 2;
      }
    } else {
      fprintf(stderr, "scoutlab-gen-demo: unknown argument \"%s\"\n", argv[i]);
      return usage(stderr, 2);
    }
  }
  gen_world *w = gen_world_new(seed);
  if (w && variant.premium_club && gen_club_index(w, variant.premium_club) < 0) {
    fprintf(stderr, "scoutlab-gen-demo: --buyer-premium: no club \"%s\" in the demo world\n", variant.premium_club);
    gen_world_free(w);
    return 2;
  }
  if (w) gen_world_set_variant(w, &variant);
  if (!w || gen_world_run(w)) {
    fprintf(stderr, "scoutlab-gen-demo: out of memory\n");
    gen_world_free(w);
    return 1;
  }
  int st = gen_write_all(w, dir);
  gen_world_free(w);
  if (st) {
    fprintf(stderr, "scoutlab-gen-demo: cannot write the files into %s: %s\n", dir, strerror(errno));
    return 3;
  }
  return 0;
}
