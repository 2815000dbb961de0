/* main.c - scoutlab-gen-demo: writes the bundled demo world (fictional) into a directory.
 *
 *   scoutlab-gen-demo [--seed N] [--out DIR]
 *
 * The committed datasets/ CSV files are this program's output for the default seed; the
 * demo-data CMake target regenerates them and tests/unit/test_demo_data.c checks they match. */
#include "gen.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define DEFAULT_SEED 20250601ULL /* the seed of the committed files */

static int usage(FILE *f, int status) {
  fprintf(f,
          "usage: scoutlab-gen-demo [--seed N] [--out DIR]\n"
          "Writes the fictional demo world (players.csv, contracts.csv, values.csv,\n"
          "transfers.csv, truth.csv) into DIR (default: current directory).\n"
          "The same seed gives byte-identical files. Default seed: %llu.\n",
          (unsigned long long)DEFAULT_SEED);
  return status;
}

int main(int argc, char **argv) {
  uint64_t seed = DEFAULT_SEED;
  const char *dir = ".";
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
    } else {
      fprintf(stderr, "scoutlab-gen-demo: unknown argument \"%s\"\n", argv[i]);
      return usage(stderr, 2);
    }
  }
  gen_world *w = gen_world_new(seed);
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
