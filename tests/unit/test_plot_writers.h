/* test_plot_writers.h - each chart's script writer behind one signature (the chart struct as
 * const void *), so the plot tests can loop over chart types. Uses the templates in SL_PLOTS. */
#ifndef SCOUTLAB_TEST_PLOT_WRITERS_H
#define SCOUTLAB_TEST_PLOT_WRITERS_H

#include <stdio.h>

#include "scoutlab/plot.h"

#define WRITER(T)                                                                           \
  static inline int w_##T(const void *c, FILE *f, sl_error *e) {                            \
    return sl_plot_##T##_write(c, SL_PLOTS, f, e);                                          \
  }
WRITER(radar)
WRITER(percentiles)
WRITER(scatter)
WRITER(fee_fit)
WRITER(age_curve)
WRITER(squad)
WRITER(importance)
#undef WRITER

#endif
