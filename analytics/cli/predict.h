/* predict.h - pieces `scoutlab predict` shares between its kinds of model: fee models
 * (scoutlab fit, cmd_predict.c) and least-squares or ridge models (scoutlab ols --save,
 * predict_ols.c).
 * Both write CSV or JSON records to stdout (sl_cli_records): every input column, then the model's
 * columns. Nothing is owned. */
#ifndef SCOUTLAB_CLI_PREDICT_H
#define SCOUTLAB_CLI_PREDICT_H

#include <stddef.h>

#include "cli.h"
#include "scoutlab/table.h"

struct sl_fees_valuation;
/* The extrapolated column: the inputs v values beyond the training range ("age 45 (training 17
 * to 36); ..."), or NULL when none. Written into buf. */
const char *sl_cli_predict_extrapolated(const struct sl_fees_valuation *v, char *buf, size_t size);
/* The row accounting on stderr: counts with --verbose (and the loader's skipped rows),
 * otherwise only a warning when the loader skipped rows. */
void sl_cli_predict_accounting(const sl_table *t, size_t valued, int verbose);

/* Predicts every row of t with the model at path: least squares ("scoutlab-ols") with its
 * intervals at confidence level `level` (0: 0.95), or ridge ("scoutlab-ridge") with the fitted
 * value only. Returns a process exit status. */
int sl_cli_predict_linear(const char *path, int ridge, const sl_table *t, double level, int verbose, sl_format fmt);

/* predict over the players of a workspace (predict_batch.c): the files a department has, joined
 * as scoutlab value joins them. */
typedef struct sl_cli_predict_batch_args {
  const char *model, *performance_model; /* performance_model: for players without a market value */
  const char *const *data, *const *stats, *const *values, *const *contracts;
  size_t ndata, nstats, nvalues, ncontracts;
  const char *leagues, *position; /* filters, NULL = all */
  int season, window;
  double level, bid;
  sl_format format; /* SL_FMT_CSV or SL_FMT_JSON */
} sl_cli_predict_batch_args;

/* Values every player and writes one CSV line each; returns a process exit status. */
int sl_cli_predict_batch(const sl_cli_predict_batch_args *a);

#endif
