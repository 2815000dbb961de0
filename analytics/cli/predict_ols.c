/* predict_ols.c - `scoutlab predict` with a model saved by `scoutlab ols --save`: least squares
 * gives every row's fitted value with its confidence and prediction intervals (R's predict.lm),
 * ridge the fitted value alone. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "predict.h"
#include "scoutlab/design.h"
#include "scoutlab/regress.h"

/* R's predict.lm default level for a least-squares model. */
#define OLS_DEFAULT_LEVEL 0.95
/* Room for a column name (names are capped at SL_REGRESS_NAME_MAX) and a short cell. */
#define OLS_REASON_MAX (SL_REGRESS_NAME_MAX + 96)

static const char no_residual_df[] =
    "no intervals: the model has as many parameters as rows (0 residual degrees of freedom)";

/* The columns a saved model reads: p names; column 0 is the intercept when `intercept`; aliased
 * columns (least squares) are not read. */
typedef struct model_columns {
  size_t p;
  char *const *names;
  int intercept;
  const int *aliased; /* p flags, or NULL */
} model_columns;

/* The table column behind each model column (NULL for the intercept and aliased columns); a
 * used column the file lacks is reported once and stops the command. */
static int map_columns(const model_columns *m, const sl_table *t, const sl_column **cols) {
  for (size_t j = 0; j < m->p; j++) {
    cols[j] = NULL;
    if ((m->intercept && j == 0) || (m->aliased && m->aliased[j])) continue;
    if ((cols[j] = sl_table_column(t, m->names[j])) != NULL) continue;
    fprintf(stderr, "scoutlab predict: %s: the model uses column '%s', and the file has no such column\n",
            t->nfiles ? SL_CLI_SHOWN(t->files[0]) : "", SL_CLI_SHOWN(m->names[j]));
    return SL_EXIT_DATA;
  }
  return SL_EXIT_OK;
}

/* Row r's predictor values into x0; NULL, or why the row cannot be predicted (into why). */
static const char *row_values(const model_columns *m, const sl_table *t, const sl_column **cols,
                              size_t r, double *x0, char *why, size_t size) {
  for (size_t j = 0; j < m->p; j++) {
    x0[j] = cols[j] ? 0 : 1; /* the intercept; aliased columns are ignored by the prediction */
    if (!cols[j]) continue;
    char text[64];
    int got = sl_table_number(t, cols[j], r, &x0[j]);
    if (got == 1) continue;
    if (got == 0) snprintf(why, size, "%s is missing", m->names[j]);
    else snprintf(why, size, "%s '%s' is not a number", m->names[j],
                  sl_table_text(t, cols[j], r, text, sizeof text));
    return why;
  }
  return NULL;
}

/* Row values into v (fit, then for least squares se_fit and the four interval ends), or why
 * there are none. A saturated least-squares model gives the fit and says why nothing else. */
static const char *predict_values(const sl_ols_fit *ols, const sl_ridge_fit *rf, const double *x0,
                                  double level, double *v, sl_error *err) {
  if (rf) {
    v[0] = sl_ridge_predict(rf, x0);
    return NULL;
  }
  sl_ols_interval iv;
  if (sl_ols_predict(ols, x0, 1, level, &iv, err) != SL_OK) return err->message;
  v[0] = iv.fit;
  if (ols->df_residual == 0) return no_residual_df;
  v[1] = iv.se_fit, v[2] = iv.conf_low, v[3] = iv.conf_high, v[4] = iv.pred_low, v[5] = iv.pred_high;
  return NULL;
}

static void predict_rows(const sl_ols_fit *ols, const sl_ridge_fit *rf, const model_columns *m,
                         const sl_table *t, const sl_column **cols, const sl_design *des,
                         double *x0, double level, int verbose, sl_format fmt) {
  size_t valued = 0, nvalues = ols ? 6 : 1;
  static const char *const added[] = {"fit", "se_fit", "conf_low", "conf_high", "pred_low", "pred_high"};
  sl_cli_records w;
  sl_cli_records_begin(&w, stdout, fmt, "predict");
  sl_cli_records_table_columns(&w, t);
  for (size_t k = 0; k < nvalues; k++) sl_cli_records_column(&w, added[k]);
  sl_cli_records_column(&w, "reason");
  for (size_t r = 0; r < t->nrows; r++) {
    char why[OLS_REASON_MAX];
    double v[6] = {NAN, NAN, NAN, NAN, NAN, NAN};
    sl_error err;
    /* A formula model's rows come from its design (transforms, factor levels). */
    const char *reason = des ? (sl_design_row_x(des, r, x0, why, sizeof why) ? why : NULL)
                             : row_values(m, t, cols, r, x0, why, sizeof why);
    if (!reason) reason = predict_values(ols, rf, x0, level, v, &err);
    valued += !reason || reason == no_residual_df;
    sl_cli_records_table_row(&w, t, r);
    for (size_t k = 0; k < nvalues; k++) sl_cli_records_number(&w, v[k]);
    sl_cli_records_text(&w, reason);
    sl_cli_records_end_row(&w);
  }
  sl_cli_records_finish(&w);
  sl_cli_predict_accounting(t, valued, verbose);
}

/* The design of a formula model over the rows of t; its columns must be the model's. */
static int formula_design(const sl_ols_fit *ols, const sl_table *t, sl_design **des) {
  sl_error err;
  if (sl_design_from_spec(t, ols->design, des, &err)) return sl_cli_fail(&err);
  const char *const *names = sl_design_names(*des);
  size_t p = sl_design_columns(*des), j = 0;
  while (j < p && j < ols->p && strcmp(names[j], ols->names[j]) == 0) j++;
  if (j == p && p == ols->p) return SL_EXIT_OK;
  sl_error_set(&err, SL_EVERSION, t->nfiles ? t->files[0] : NULL, 0, 0,
               "the model's formula gives column '%s' here, the model has '%s'",
               j < p ? names[j] : "(none)", j < ols->p ? ols->names[j] : "(none)");
  return sl_cli_fail(&err);
}

/* Loads the least-squares or ridge model at path and predicts every row with it. */
int sl_cli_predict_linear(const char *path, int ridge, const sl_table *t, double level, int verbose, sl_format fmt) {
  sl_ols_fit *ols = NULL;
  sl_ridge_fit *rf = NULL;
  sl_error err;
  if (ridge ? sl_ridge_load(path, &rf, &err) : sl_ols_load(path, NULL, 0, &ols, &err)) return sl_cli_fail(&err);
  model_columns m = ridge ? (model_columns){rf->p, rf->names, 1, NULL}
                          : (model_columns){ols->p, ols->names, ols->intercept, ols->aliased};
  const sl_column **cols = calloc(m.p, sizeof *cols);
  double *x0 = calloc(m.p, sizeof *x0);
  sl_design *des = NULL;
  int rc = !cols || !x0 ? SL_EXIT_DATA : ols && ols->design ? formula_design(ols, t, &des) : map_columns(&m, t, cols);
  if (!cols || !x0) fprintf(stderr, "scoutlab predict: out of memory\n");
  if (!rc) predict_rows(ols, rf, &m, t, cols, des, x0, level > 0 ? level : OLS_DEFAULT_LEVEL, verbose, fmt);
  sl_design_free(des);
  free(cols);
  free(x0);
  sl_ols_fit_free(ols);
  sl_ridge_fit_free(rf);
  return rc;
}
