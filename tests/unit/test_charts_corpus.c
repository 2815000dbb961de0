/* test_charts_corpus.c - the committed corpus of fuzz_charts (tests/fuzz/corpus/charts) replayed
 * in the normal suite: every direct-chart input is decoded as the fuzzer decodes it
 * (tests/fuzz/charts_input.h), its script must keep the rules of tests/fuzz/gp_check.h, and,
 * when gnuplot is installed, each script the writer accepts must run under the real gnuplot
 * (output to /dev/null: the scripts read sl_output when it is defined). gnuplot also prints
 * the quoted forms of texts with leading quotes (the fuzzer's finding: '''a' is two strings to
 * gnuplot 5.4, a syntax error), which must read back as the texts themselves. The CSV inputs
 * of the corpus (first byte 0xF0) need the compare index and are left to the fuzzer.
 * Without gnuplot the rule checks still run and the gnuplot part is reported as skipped. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz/charts_input.h"
#include "fuzz/gp_check.h"
#include "harness.h"
#include "scoutlab/plot.h"
#include "test_plot_util.h"

/* Largest corpus file read: the fuzzer's inputs are a few kilobytes. */
#define MAX_INPUT (1 << 20)

static int have_gnuplot(void) { return system("gnuplot --version >/dev/null 2>&1") == 0; }

/* Runs gnuplot on script (a file) with the chart going to /dev/null; returns its exit status. */
static int run_gnuplot(const char *script) {
  char cmd[1200];
  snprintf(cmd, sizeof cmd, "gnuplot -e \"sl_output='/dev/null'\" '%s' >/dev/null 2>&1", script);
  return system(cmd);
}

static int write_file(const char *path, const char *data, size_t len) {
  FILE *f = fopen(path, "wb");
  if (!f) return -1;
  size_t put = fwrite(data, 1, len, f);
  return fclose(f) != 0 || put != len ? -1 : 0;
}

static void replay(const char *dir, const char *name, const char *scratch, int gnuplot, size_t *scripts) {
  char path[1024];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "rb");
  OK(f != NULL, "%s: readable", name);
  if (!f) return;
  uint8_t *buf = malloc(MAX_INPUT);
  size_t n = buf ? fread(buf, 1, MAX_INPUT, f) : 0;
  fclose(f);
  if (!buf || (n && buf[0] >= 0xF0)) { /* a CSV input: the fuzzer's own */
    free(buf);
    return;
  }
  sl_charts_kind kind;
  char *script;
  size_t len;
  sl_error err;
  int st = ci_script(buf, n, SL_PLOTS, &kind, &script, &len, &err);
  free(buf);
  if (st) return; /* refused input: the writer said why, nothing to check */
  char msg[160];
  const char *why = gp_check_script(script, len, msg, sizeof msg);
  OK(why == NULL, "%s (%s chart): %s", name, sl_charts_kind_name(kind), why ? why : "");
  (*scripts)++;
  if (gnuplot && !strncmp(name, "seed-", 5)) {
    char gp[1100];
    snprintf(gp, sizeof gp, "%s/%s.gp", scratch, name);
    OK(write_file(gp, script, len) == 0, "%s: script written", name);
    INT_EQ(run_gnuplot(gp), 0, "%s (%s chart): gnuplot runs the script", name, sl_charts_kind_name(kind));
  }
  free(script);
}

/* Texts with leading quotes, quoted plain (as every chart string is) and printed by gnuplot. */
static void test_leading_quotes(const char *scratch) {
  static const char *const texts[] = {"'a", "''a", "'''", "''", "'", "a''b", "a'''b", "a''", "O'Brien"};
  for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
    char *q = sl_plot_quote(texts[i], 0);
    char script[256], gp[600], out[600], cmd[1400];
    snprintf(script, sizeof script, "set print '-'\nprint '[' . %s . ']'\n", q ? q : "''");
    snprintf(gp, sizeof gp, "%s/quote-%zu.gp", scratch, i);
    snprintf(out, sizeof out, "%s/quote-%zu.out", scratch, i);
    OK(write_file(gp, script, strlen(script)) == 0, "quote %zu: script written", i);
    snprintf(cmd, sizeof cmd, "gnuplot '%s' >'%s' 2>&1", gp, out);
    INT_EQ(system(cmd), 0, "gnuplot reads %s (the quoted form of %s)", q ? q : "(null)", texts[i]);
    char got[256] = "", want[64];
    FILE *f = fopen(out, "r");
    if (f) {
      if (!fgets(got, sizeof got, f)) got[0] = '\0';
      fclose(f);
    }
    got[strcspn(got, "\n")] = '\0';
    snprintf(want, sizeof want, "[%s]", texts[i]);
    STR_EQ(got, want, "gnuplot prints the quoted form of %s", texts[i]);
    free(q);
  }
}

int main(void) {
  const char *dir = SL_TESTS_DIR "/fuzz/corpus/charts";
  DIR *d = opendir(dir);
  OK(d != NULL, "corpus %s present", dir);
  if (!d) return SL_TEST_DONE();
  const char *scratch = scratch_dir();
  OK(scratch != NULL, "scratch directory");
  int gnuplot = scratch && have_gnuplot();
  size_t scripts = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL)
    if (!strncmp(e->d_name, "seed-", 5) || !strncmp(e->d_name, "finding-", 8))
      replay(dir, e->d_name, scratch, gnuplot, &scripts);
  closedir(d);
  OK(scripts >= SL_CHARTS_KIND_COUNT, "one script or more per chart type (%zu written)", scripts);
  if (gnuplot) test_leading_quotes(scratch);
  else fprintf(stderr, "skipped: gnuplot is not installed; the corpus scripts were checked without it\n");
  if (scratch) remove_dir(scratch);
  return SL_TEST_DONE();
}
