/* regress_io.c - saving and loading OLS fits in the "scoutlab-ols 1" text format
 * (docs/model-format.md). Numbers use %.17g so that a load returns the very same doubles; NA
 * stands for NAN, Inf/-Inf for infinities. The loader checks every count and invariant before
 * it trusts a number, so truncated or garbage files end in SL_EPARSE, never in a crash. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>

#include "regress_private.h"
#include "runtime_internal.h"

#define MODEL_MAGIC "scoutlab-ols"
#define MODEL_VERSION 1
/* Version 2 = version 1 plus the design block (a formula model); written only when there is one,
 * so models of plain columns stay readable by older scoutlab builds. */
#define MODEL_VERSION_DESIGN 2
/* Lines of a design block at most (formula, levels, poly lines). */
#define MODEL_DESIGN_MAX_LINES ((size_t)1 << 20)

int sl_ols_save(const sl_ols_fit *fit, const char *path, sl_error *err) {
  if (!fit) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "save: missing argument");
  FILE *f;
  sl_output *o;
  int st = sl_model_create(&o, &f, path, fit->names, fit->p, MODEL_MAGIC,
                           fit->design ? MODEL_VERSION_DESIGN : MODEL_VERSION, "linear model", err);
  if (st) return st;
  fprintf(f, "rows %zu\nrank %zu\ndf_residual %zu\nintercept %d\nweighted %d\n", fit->n,
          fit->rank, fit->df_residual, fit->intercept ? 1 : 0, fit->weighted ? 1 : 0);
  sl_model_put_field(f, "tol", fit->tol);
  sl_model_put_field(f, "sigma", fit->sigma);
  sl_model_put_field(f, "rss", fit->rss);
  sl_model_put_field(f, "tss", fit->tss);
  sl_model_put_field(f, "r_squared", fit->r_squared);
  sl_model_put_field(f, "adj_r_squared", fit->adj_r_squared);
  sl_model_put_field(f, "f_statistic", fit->f_statistic);
  sl_model_put_field(f, "f_df1", fit->f_df1);
  sl_model_put_field(f, "f_df2", fit->f_df2);
  sl_model_put_field(f, "f_p", fit->f_p);
  fprintf(f, "columns %zu\n", fit->p);
  for (size_t j = 0; j < fit->p; j++) {
    fprintf(f, "column %d ", fit->aliased[j] ? 1 : 0);
    sl_model_put_number(f, fit->coef[j]), fputc(' ', f);
    sl_model_put_number(f, fit->std_error[j]), fputc(' ', f);
    sl_model_put_number(f, fit->vif[j]);
    fprintf(f, " %s\n", fit->names[j]);
  }
  for (size_t j = 0; j < fit->p; j++) {
    fputs("factor", f);
    for (size_t l = 0; l < fit->rank; l++) fputc(' ', f), sl_model_put_number(f, fit->cov_factor[j * fit->rank + l]);
    fputc('\n', f);
  }
