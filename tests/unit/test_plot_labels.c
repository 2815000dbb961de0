/* test_plot_labels.c - the label placer (plot_labels.c) on small hand-made scenes: a free label
 * goes to the right of its point; one whose right is taken by another name goes left; a label
 * is never put where it sits nearer another named point than its own when a spot that does not
 * exists (a scatter read Kvaratskhelia's name as Greenwood's, whose dot it sat beside); labels
 * never overlap each other when there is room. */
#include <math.h>

#include "harness.h"
#include "plot_internal.h"

#define H 10.0  /* label height */
#define W 60.0  /* label width */
#define R 3.0   /* point radius */

typedef struct {
  double x0, y0, x1, y1;
} rect;

static rect label_box(double ax, double ay, int right, double w) {
  rect b = {right ? ax - w : ax, ay - H / 2, right ? ax : ax + w, ay + H / 2};
  return b;
}

static double dist(rect b, double x, double y) {
  double dx = fmax(fmax(b.x0 - x, x - b.x1), 0), dy = fmax(fmax(b.y0 - y, y - b.y1), 0);
  return sqrt(dx * dx + dy * dy);
}

static int overlaps(rect a, rect b) { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1; }

int main(void) {
  /* 1. One point in an empty plot: its name to its right, on its height. */
  {
    double x[] = {100}, y[] = {100}, rad[] = {R}, w[] = {W}, pr[] = {1};
    sl_plot_label_request r = {1, x, y, rad, w, H, pr, 400, 300, NULL};
    double ax, ay;
    int right;
    INT_EQ(sl_plot_place_labels(&r, &ax, &ay, &right), SL_OK, "place one");
    OK(!right && ax > 100 && fabs(ay - 100) < 1e-9, "one point: name to the right (%g, %g, %d)", ax, ay, right);
  }
  /* 2. Two named points, B up and to the right of A, B's name placed first: A's right spot
   *    overlaps nothing but lies nearer B's dot than A's (it would read as B's name), so A's
   *    name goes elsewhere. */
  {
    double x[] = {100, 130}, y[] = {100, 110}, rad[] = {R, R}, w[] = {W, W}, pr[] = {1, 2};
    sl_plot_label_request r = {2, x, y, rad, w, H, pr, 400, 300, NULL};
    double ax[2], ay[2];
    int right[2];
    INT_EQ(sl_plot_place_labels(&r, ax, ay, right), SL_OK, "place two");
    rect a = label_box(ax[0], ay[0], right[0], W), b = label_box(ax[1], ay[1], right[1], W);
    OK(dist(a, 100, 100) <= dist(a, 130, 110), "A's name is nearer A than B (%g against %g)", dist(a, 100, 100),
       dist(a, 130, 110));
    OK(dist(b, 130, 110) <= dist(b, 100, 100), "B's name is nearer B than A");
    OK(!overlaps(a, b), "the two names do not overlap");
  }
  /* 3. A crowd of named points on a diagonal: every name nearer its own point than any other,
   *    and no two names overlap. */
  {
    enum { N = 6 };
    double x[N], y[N], rad[N], w[N], pr[N], ax[N], ay[N];
    int right[N];
    for (int i = 0; i < N; i++) x[i] = 60 + 40 * i, y[i] = 60 + 30 * i, rad[i] = R, w[i] = W, pr[i] = N - i;
    sl_plot_label_request r = {N, x, y, rad, w, H, pr, 400, 300, NULL};
    INT_EQ(sl_plot_place_labels(&r, ax, ay, right), SL_OK, "place six");
    for (int i = 0; i < N; i++) {
      rect b = label_box(ax[i], ay[i], right[i], W);
      for (int k = 0; k < N; k++) {
        if (k == i) continue;
        OK(dist(b, x[i], y[i]) <= dist(b, x[k], y[k]), "name %d nearer its point than point %d", i, k);
        OK(!overlaps(b, label_box(ax[k], ay[k], right[k], W)), "names %d and %d do not overlap", i, k);
      }
    }
  }
  return SL_TEST_DONE();
}
