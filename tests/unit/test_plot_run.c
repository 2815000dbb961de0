/* test_plot_run.c - the gnuplot runner's paths, driven by small fake "gnuplot" shell scripts
 * so that each outcome is certain: missing program, exit 1 with a message, killed at the time
 * limit, exit 0 without a chart, and success (the chart renamed into place). None needs the
 * real gnuplot. */
#include <sys/stat.h>
#include <time.h>

#include "harness.h"
#include "scoutlab/plot.h"
#include "test_plot_util.h"

static char dir_path[256];

/* Writes an executable shell script dir/name with the given body; returns its path. */
static const char *fake(const char *name, const char *body) {
  static char path[4][512];
  static int next;
  char *p = path[next++ % 4];
  snprintf(p, 512, "%s/%s", dir_path, name);
  FILE *f = fopen(p, "w");
  fprintf(f, "#!/bin/sh\n%s\n", body);
  fclose(f);
  chmod(p, 0755);
  return p;
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + t.tv_nsec / 1e9;
}

int main(void) {
  const char *dir = scratch_dir();
  if (!dir) return EXIT_FAILURE;
  snprintf(dir_path, sizeof dir_path, "%s", dir);
  char script[512], chart[512];
  snprintf(script, sizeof script, "%s/chart.gp", dir);
  snprintf(chart, sizeof chart, "%s/chart.png", dir);
  FILE *f = fopen(script, "w");
  fputs("# a script; the fakes below do not read it\n", f);
  fclose(f);
  sl_error err;

  /* 1. No such program: the message says how to install or point to gnuplot. */
  sl_plot_runner missing = {.gnuplot = "/nonexistent/bin/gnuplot"};
  INT_EQ(sl_plot_run(script, chart, &missing, &err), SL_ETOOL, "missing gnuplot");
  OK(strstr(err.message, "gnuplot not found") &&
         strstr(err.message, "apt-get install gnuplot-nox, or set SCOUTLAB_GNUPLOT"),
     "missing message: %s", err.message);
  OK(strstr(err.message, "/nonexistent/bin/gnuplot") != NULL, "names the path: %s", err.message);
  sl_plot_runner not_on_path = {.gnuplot = "no-such-gnuplot-scoutlab"};
  INT_EQ(sl_plot_run(script, chart, &not_on_path, &err), SL_ETOOL, "bare name not on PATH");

  /* 2. gnuplot fails: exit status and its stderr in the message, no chart, script kept. */
  sl_plot_runner failing = {.gnuplot = fake("fail.sh",
      "echo 'plot $data using 1:2' >&2\necho '\"chart.gp\" line 7: undefined variable: dat' >&2\n"
      "exit 1")};
  INT_EQ(sl_plot_run(script, chart, &failing, &err), SL_ETOOL, "failing gnuplot");
  OK(strstr(err.message, "exit status 1") != NULL, "exit status: %s", err.message);
  OK(strstr(err.message, "line 7: undefined variable: dat") != NULL, "stderr quoted: %s",
     err.message);
  STR_EQ(err.file, script, "error names the script");
  OK(!file_exists(chart), "no chart after a failure");
  OK(file_exists(script), "script kept after a failure");
  INT_EQ(count_entries(dir, ".tmp"), 0, "temporary file removed after a failure");

  /* 3. gnuplot hangs: killed at the limit (0.3 s here), well before its own 30 s. */
  sl_plot_runner hanging = {.gnuplot = fake("hang.sh", "echo started >&2\nsleep 30"),
                            .timeout_s = 0.3};
  double t0 = now();
  INT_EQ(sl_plot_run(script, chart, &hanging, &err), SL_ETOOL, "hanging gnuplot");
  double took = now() - t0;
  OK(took < 5.0, "killed in time (%.2f s)", took);
  OK(strstr(err.message, "time limit") != NULL, "timeout message: %s", err.message);
  OK(!file_exists(chart), "no chart after a timeout");

  /* 4. Exit 0 but nothing written: an error, not a silent empty chart. */
  sl_plot_runner silent = {.gnuplot = fake("silent.sh", "exit 0")};
  INT_EQ(sl_plot_run(script, chart, &silent, &err), SL_ETOOL, "no output written");
  OK(strstr(err.message, "wrote no chart") != NULL, "message: %s", err.message);
  OK(!file_exists(chart), "no empty chart left");

  /* 5. Success: the fake writes to the sl_output path given with -e ("sl_output = '...'"),
   *    and the runner renames it to the chart name. */
  sl_plot_runner writing = {.gnuplot = fake("write.sh",
      "out=$(printf '%s' \"$2\" | sed \"s/^sl_output = '\\(.*\\)'$/\\1/\")\n"
      "test \"$1\" = -e || exit 3\n"
      "printf 'chart' > \"$out\"")};
  INT_EQ(sl_plot_run(script, chart, &writing, &err), SL_OK, "writing fake: %s", err.message);
  char *content = read_all(chart);
  STR_EQ(content, "chart", "chart renamed into place");
  free(content);
  INT_EQ(count_entries(dir, ".tmp"), 0, "no temporary file left after success");

  /* 6. Argument checks. */
  INT_EQ(sl_plot_run(NULL, chart, NULL, &err), SL_EINVAL, "no script");
  INT_EQ(sl_plot_run(script, "a\nb.png", NULL, &err), SL_EINVAL, "newline in chart name");
  char absent[600];
  snprintf(absent, sizeof absent, "%s/absent.gp", dir);
  INT_EQ(sl_plot_run(absent, chart, &writing, &err), SL_EIO, "unreadable script");
  remove_dir(dir);
  return SL_TEST_DONE();
}
