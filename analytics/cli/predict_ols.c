/* predict_ols.c - `scoutlab predict` with a model saved by `scoutlab ols --save`: least squares
 * gives every row's fitted value with its confidence and prediction intervals (R's predict.lm),
 * ridge the fitted value alone. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli.h"
#include "predict.h"
#include "scoutlab/regress.h"

/* R's predict.lm default level for a least-squares model. */
#define OLS_DEFAULT_LEVEL 0.95
/* Room for a column name (names are capped at SL_REGRESS_NAME_MAX) and a short cell. */
#define OLS_REASON_MAX (SL_REGRESS_NAME_MAX + 96)

static const char no_residual_df[] =
    "no intervals: the model has as many parameters as rows (0 residual degrees of freedom)";

static void csv_number(double v) {
  if (isfinite(v)) printf("%.17g", v);
}

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
            t->nfiles ? t->files[0] : "", m->names[j]);
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

static int predict_rows(const sl_ols_fit *f, const model_columns *m, const sl_table *t,
                        const sl_column **cols, double *x0, double level, int verbose) {
  size_t valued = 0;
  sl_cli_predict_echo_header(t);
  printf("%sfit,se_fit,conf_low,conf_high,pred_low,pred_high,reason\n", t->ncols ? "," : "");
  for (size_t r = 0; r < t->nrows; r++) {
    char why[OLS_REASON_MAX];
    sl_ols_interval iv = {NAN, NAN, NAN, NAN, NAN, NAN};
    sl_error err;
    const char *reason = row_values(m, t, cols, r, x0, why, sizeof why);
    if (!reason && sl_ols_predict(f, x0, 1, level, &iv, &err) != SL_OK) reason = err.message;
    valued += reason == NULL;
    if (!reason && f->df_residual == 0) reason = no_residual_df; /* the fit, without intervals */
    sl_cli_predict_echo_row(t, r);
    double v[6] = {iv.fit, iv.se_fit, iv.conf_low, iv.conf_high, iv.pred_low, iv.pred_high};
    for (int k = 0; k < 6; k++) putchar(','), csv_number(reason && (reason != no_residual_df || k > 0) ? NAN : v[k]);
    putchar(',');
    sl_cli_csv_field(stdout, reason);
    putchar('\n');
  }
  sl_cli_predict_accounting(t, valued, verbose);
  return SL_EXIT_OK;
}

int sl_cli_predict_ols(const char *path, const sl_table *t, double level, int verbose) {
  sl_ols_fit *f = NULL;
  sl_error err;
  if (sl_ols_load(path, NULL, 0, &f, &err)) return sl_cli_fail(&err);
  model_columns m = {f->p, f->names, f->intercept, f->aliased};
  const sl_column **cols = calloc(f->p, sizeof *cols);
  double *x0 = calloc(f->p, sizeof *x0);
  int rc = cols && x0 ? map_columns(&m, t, cols) : SL_EXIT_DATA;
  if (!cols || !x0) fprintf(stderr, "scoutlab predict: out of memory\n");
  if (!rc) rc = predict_rows(f, &m, t, cols, x0, level > 0 ? level : OLS_DEFAULT_LEVEL, verbose);
  free(cols);
  free(x0);
  sl_ols_fit_free(f);
  return rc;
}

static void ridge_rows(const sl_ridge_fit *f, const model_columns *m, const sl_table *t,
                       const sl_column **cols, double *x0, int verbose) {
  size_t valued = 0;
  sl_cli_predict_echo_header(t);
  printf("%sfit,reason\n", t->ncols ? "," : "");
  for (size_t r = 0; r < t->nrows; r++) {
    char why[OLS_REASON_MAX];
    const char *reason = row_values(m, t, cols, r, x0, why, sizeof why);
    valued += reason == NULL;
    sl_cli_predict_echo_row(t, r);
    putchar(',');
    csv_number(reason ? NAN : sl_ridge_predict(f, x0));
    putchar(',');
    sl_cli_csv_field(stdout, reason);
    putchar('\n');
  }
  sl_cli_predict_accounting(t, valued, verbose);
}

int sl_cli_predict_ridge(const char *path, const sl_table *t, int verbose) {
  sl_ridge_fit *f = NULL;
  sl_error err;
  if (sl_ridge_load(path, &f, &err)) return sl_cli_fail(&err);
  model_columns m = {f->p, f->names, 1, NULL};
  const sl_column **cols = calloc(f->p, sizeof *cols);
  double *x0 = calloc(f->p, sizeof *x0);
  int rc = cols && x0 ? map_columns(&m, t, cols) : SL_EXIT_DATA;
  if (!cols || !x0) fprintf(stderr, "scoutlab predict: out of memory\n");
  if (!rc) ridge_rows(f, &m, t, cols, x0, verbose);
  free(cols);
  free(x0);
  sl_ridge_fit_free(f);
  return rc;
}
