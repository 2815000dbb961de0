/* test_plot_marks.c - the radar's marks for values beyond an axis never sit on one another: three
 * players beyond the rim of one axis get three marks side by side along the rim, centred on the
 * rim point, MARK_SPACING (0.075 radar units) apart; two below the centre of another axis get
 * marks out along that axis's spoke; a value within range is marked at its vertex. Read from the
 * $shape block of the script the writer produces (columns: player, x, y, beyond, mark x, mark y). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "scoutlab/plot.h"

#define SPACING 0.075 /* plot_radar.c MARK_SPACING */
#define CENTRE_R 0.06 /* plot_radar.c MARK_CENTRE_R */
#define TOL 1e-6      /* the script's numbers carry 6 significant digits */
#define N_AXES 4
#define N_PLAYERS 3
#define CHECK_NEAR(got, want, ...) OK(fabs((got) - (want)) <= TOL, __VA_ARGS__)

/* Rows of $shape: [player][axis] = {x, y, beyond, mark x, mark y}. */
static int read_shape(const char *script, double rows[N_PLAYERS][N_AXES + 1][5]) {
  const char *p = strstr(script, "$shape << EOD\n");
  if (!p) return -1;
  p = strchr(p, '\n') + 1;
  for (int pl = 0; pl < N_PLAYERS; pl++)
    for (int a = 0; a <= N_AXES; a++) {
      while (*p == '\n') p++;
      char *end;
      if ((int)sl_test_strtod(p, &end) != pl + 1 || end == p) return -1;
      for (int k = 0; k < 5; k++) { /* C-locale numbers whatever the host's locale */
        const char *at = end;
        rows[pl][a][k] = sl_test_strtod(at, &end);
        if (end == at) return -1;
      }
      p = strchr(p, '\n') + 1;
    }
  return 0;
}

int main(void) {
  static const char *const players[N_PLAYERS] = {"A", "B", "C"}, *const axes[N_AXES] = {"w", "x", "y", "z"};
  /* Axis 0 (up): all three beyond the rim; axis 1 (right): A and C below the centre; axes 2-3 within. */
  static const double values[N_PLAYERS * N_AXES] = {20, -5, 5, 5, 30, 5, 6, 4, 25, -1, 7, 3};
  static const double lo[N_AXES] = {0, 0, 0, 0}, hi[N_AXES] = {10, 10, 10, 10};
  sl_plot_radar r = {.common = {.output = "/dev/null/r.svg", .format = SL_PLOT_SVG}, .n_players = N_PLAYERS,
                     .players = players, .n_axes = N_AXES, .axes = axes, .values = values, .axis_low = lo,
                     .axis_high = hi};
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  sl_error err;
  INT_EQ(f ? sl_plot_radar_write(&r, SL_PLOTS, f, &err) : -1, SL_OK, "radar written: %s", f ? err.message : "no stream");
  if (f) fclose(f);
  double rows[N_PLAYERS][N_AXES + 1][5];
  INT_EQ(buf ? read_shape(buf, rows) : -1, 0, "the $shape block has player, x, y, beyond, mark x, mark y");
  if (buf && !read_shape(buf, rows)) {
    /* Axis 0 points up (x = 0, y = 1): the rim marks run along x, at -s, 0, +s, in player order. */
    for (int p = 0; p < N_PLAYERS; p++) {
      OK(rows[p][0][2] == 1, "player %d beyond the rim of axis 0", p + 1);
      CHECK_NEAR(rows[p][0][3], (p - 1) * SPACING, "player %d's rim mark beside the others", p + 1);
      CHECK_NEAR(rows[p][0][4], 1.0, "player %d's rim mark on the rim", p + 1);
      CHECK_NEAR(rows[p][0][1], 1.0, "player %d's vertex at the rim point", p + 1);
    }
    /* Axis 1 points right: A and C below the centre, marked out along the spoke; B within range. */
    CHECK_NEAR(rows[0][1][3], CENTRE_R, "A's centre mark at the first step of the spoke");
    CHECK_NEAR(rows[2][1][3], CENTRE_R + SPACING, "C's centre mark one step further");
    CHECK_NEAR(rows[0][1][4], 0, "A's centre mark on the spoke");
    OK(rows[1][1][2] == 0, "B within range on axis 1");
    CHECK_NEAR(rows[1][1][3], rows[1][1][0], "B's mark is his vertex (x)");
    CHECK_NEAR(rows[1][1][4], rows[1][1][1], "B's mark is his vertex (y)");
  }
  free(buf);
  return SL_TEST_DONE();
}
