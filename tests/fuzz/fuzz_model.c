/* libFuzzer harness: arbitrary bytes as a saved model, through every loader (the fee model,
 * "scoutlab-fee-model 2", which embeds the regression's "scoutlab-ols 1"; the regression on its
 * own; and "scoutlab-ridge 1"). Invariants: a refused load leaves *out NULL with an error message; a model that
 * loads can value a player / predict a row without touching memory it does not own. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>

#include "scoutlab/fees.h"
#include "scoutlab/regress.h"

/* Larger models only repeat the same parsing paths; 64 columns bound the predict buffer. */
#define FUZZ_MAX_PREDICT_COLUMNS 64

static void use_fee_model(const sl_fees_model *m) {
  sl_fees_player p;
  sl_fees_player_init(&p);
  p.age = 25;
  p.group = SL_FEES_CB;
  p.market_value = 10e6;
  p.season = 2024;
  sl_fees_valuation v;
  sl_error err;
  sl_fees_value(m, &p, 0, 25e6, &v, &err);
  sl_fees_comparable near[3];
  sl_fees_comparables(m, &p, 3, near);
  sl_fees_club_league(m, "Marseille");
}

static void use_ols(const sl_ols_fit *fit) {
  if (fit->p == 0 || fit->p > FUZZ_MAX_PREDICT_COLUMNS) return;
  double x0[FUZZ_MAX_PREDICT_COLUMNS];
  for (size_t j = 0; j < fit->p; j++) x0[j] = 1.0;
  sl_ols_interval iv;
  sl_error err;
  sl_ols_predict(fit, x0, 1, 0.8, &iv, &err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  sl_error err;
  sl_fees_model *m = NULL;
  int st = sl_fees_load_buffer("fuzz.model", (const char *)data, size, &m, &err);
  if (st != SL_OK && (m != NULL || err.message[0] == '\0')) abort();
  if (st == SL_OK) use_fee_model(m);
  sl_fees_model_free(m);

  sl_ols_fit *fit = NULL;
  st = sl_ols_load_buffer("fuzz.ols", (const char *)data, size, NULL, 0, &fit, &err);
  if (st != SL_OK && (fit != NULL || err.message[0] == '\0')) abort();
  if (st == SL_OK) use_ols(fit);
  sl_ols_fit_free(fit);

  sl_ridge_fit *ridge = NULL;
  st = sl_ridge_load_buffer("fuzz.ridge", (const char *)data, size, &ridge, &err);
  if (st != SL_OK && (ridge != NULL || err.message[0] == '\0')) abort();
  if (st == SL_OK && ridge->p <= FUZZ_MAX_PREDICT_COLUMNS) {
    double x0[FUZZ_MAX_PREDICT_COLUMNS];
    for (size_t j = 0; j < ridge->p; j++) x0[j] = 1.0;
    sl_ridge_predict(ridge, x0);
  }
  sl_ridge_fit_free(ridge);
  return 0;
}
