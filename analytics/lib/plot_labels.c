/* plot_labels.c - greedy placement of point labels so that names do not overlap.
 *
 * Method: labels are placed in order of priority (most important first); each tries a fixed
 * list of spots around its point (right, left, then stepped up and down on each side) and
 * takes the first spot that overlaps no placed label, no point and stays inside the plot
 * area, and lies nearer its own point than any other named one; if every spot collides it
 * takes the one with the least overlapping area (a spot nearer another named point counting
 * as half a label's overlap, MISLEADING_COST). This is the
 * usual "candidate positions" heuristic (Christensen, Marks & Shieber 1995, "An empirical
 * study of algorithms for point-feature label placement", the greedy baseline). */
#include <math.h>
#include <stdlib.h>

#include "plot_internal.h"

typedef struct box {
  double x0, y0, x1, y1;
} box;

static double overlap(box a, box b) {
  double w = (a.x1 < b.x1 ? a.x1 : b.x1) - (a.x0 > b.x0 ? a.x0 : b.x0);
  double h = (a.y1 < b.y1 ? a.y1 : b.y1) - (a.y0 > b.y0 ? a.y0 : b.y0);
  return w > 0 && h > 0 ? w * h : 0;
}

/* Area of b outside [0, w] x [0, h]. */
static double outside(box b, double w, double h) {
  box area = {0, 0, w, h};
  return (b.x1 - b.x0) * (b.y1 - b.y0) - overlap(b, area);
}

/* Candidate spots: side (+1 right of the point, -1 left) and vertical step in label heights. */
static const struct {
  int side;
  double step;
} spots[] = {{1, 0}, {-1, 0}, {1, 0.9}, {1, -0.9}, {-1, 0.9}, {-1, -0.9},
             {1, 1.8}, {1, -1.8}, {-1, 1.8}, {-1, -1.8}, {1, 2.7}, {1, -2.7}, {-1, 2.7},
             {-1, -2.7}, {1, 3.6}, {1, -3.6}, {-1, 3.6}, {-1, -3.6}};
#define N_SPOTS (sizeof spots / sizeof spots[0])

static box spot_box(const sl_plot_label_request *r, size_t i, size_t s, double *ax, double *ay) {
  double gap = r->radius[i] + 0.4 * r->height;
  /* Stepped spots sit a little closer sideways so they still read as belonging to the point. */
  double sideways = spots[s].step != 0 ? 0.6 * gap : gap;
  *ax = r->x[i] + spots[s].side * sideways;
  *ay = r->y[i] + spots[s].step * r->height;
  box b = {*ax, *ay - 0.5 * r->height, *ax + r->width[i], *ay + 0.5 * r->height};
  if (spots[s].side < 0) {
    b.x0 = *ax - r->width[i];
    b.x1 = *ax;
  }
  return b;
}

static int by_priority_desc(const void *a, const void *b, const double *priority) {
  size_t i = *(const size_t *)a, j = *(const size_t *)b;
  if (priority[i] != priority[j]) return priority[i] < priority[j] ? 1 : -1;
  return (i > j) - (i < j);
}

/* qsort has no context argument in C11: insertion sort is enough for a squad (n <= ~60). */
static void order_by_priority(size_t *order, size_t n, const double *priority) {
  for (size_t i = 0; i < n; i++) order[i] = i;
  for (size_t i = 1; i < n; i++)
    for (size_t j = i; j > 0 && by_priority_desc(&order[j - 1], &order[j], priority) > 0; j--) {
      size_t t = order[j];
      order[j] = order[j - 1];
      order[j - 1] = t;
    }
}

/* Distance from point k to box b (0 inside it). */
static double distance_to(box b, const sl_plot_label_request *r, size_t k) {
  double dx = fmax(fmax(b.x0 - r->x[k], r->x[k] - b.x1), 0), dy = fmax(fmax(b.y0 - r->y[k], r->y[k] - b.y1), 0);
  return sqrt(dx * dx + dy * dy);
}

/* What a spot nearer another named point than its own costs, in label areas: it reads as that
 * player's name (Kvaratskhelia's beside Greenwood's dot), worse than covering grey dots. */
#define MISLEADING_COST 0.5
/* Covering another name or leaving the plot makes a name unreadable: weighed above the rest. */
#define UNREADABLE_WEIGHT 4.0

static double misleading(box b, const sl_plot_label_request *r, size_t i) {
  double own = distance_to(b, r, i);
  for (size_t k = 0; k < r->n; k++)
    if (k != i && (!r->labelled || r->labelled[k]) && distance_to(b, r, k) < own)
      return MISLEADING_COST * (b.x1 - b.x0) * (b.y1 - b.y0);
  return 0;
}

static double spot_cost(box b, const sl_plot_label_request *r, size_t i, const box *placed, size_t n_placed) {
  double unreadable = outside(b, r->area_width, r->area_height);
  for (size_t k = 0; k < n_placed; k++) unreadable += overlap(b, placed[k]);
  double cost = UNREADABLE_WEIGHT * unreadable + misleading(b, r, i);
  for (size_t k = 0; k < r->n; k++) {
    box dot = {r->x[k] - r->radius[k], r->y[k] - r->radius[k], r->x[k] + r->radius[k],
               r->y[k] + r->radius[k]};
    cost += overlap(b, dot);
  }
  return cost;
}

int sl_plot_place_labels(const sl_plot_label_request *r, double *anchor_x, double *anchor_y,
                         int *right_aligned) {
  size_t *order = malloc((r->n ? r->n : 1) * sizeof *order);
  box *placed = malloc((r->n ? r->n : 1) * sizeof *placed);
  if (!order || !placed) {
    free(order);
    free(placed);
    return SL_ENOMEM;
  }
  order_by_priority(order, r->n, r->priority);
  size_t n_placed = 0;
  for (size_t k = 0; k < r->n; k++) {
    size_t i = order[k];
    if (r->labelled && !r->labelled[i]) {
      anchor_x[i] = r->x[i], anchor_y[i] = r->y[i], right_aligned[i] = 0;
      continue;
    }
    double best = -1, ax, ay;
    for (size_t s = 0; s < N_SPOTS; s++) {
      box b = spot_box(r, i, s, &ax, &ay);
      double cost = spot_cost(b, r, i, placed, n_placed);
      if (best < 0 || cost < best) {
        best = cost;
        anchor_x[i] = ax;
        anchor_y[i] = ay;
        right_aligned[i] = spots[s].side < 0;
        placed[n_placed] = b;
      }
      if (cost == 0) break;
    }
    n_placed++;
  }
  free(order);
  free(placed);
  return SL_OK;
}
