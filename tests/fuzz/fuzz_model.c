/* libFuzzer harness: arbitrary bytes as a saved model, through every loader (the fee model,
 * "scoutlab-fee-model 2", which embeds the regression's "scoutlab-ols 1"; the regression on its
 * own; and "scoutlab-ridge 1"). Invariants: a refused load leaves *out NULL with an error
 * message; a model that loads can value a player / predict a row without touching memory it
 * does not own, and can be true (issue 16): finite coefficients where not aliased, smearing
 * > 0, sigma >= 0, a level in (0, 1), finite sorted calibration residuals in consistent bands,
 * training ranges with low <= high; every valuation that succeeds is finite with low <= median
 * <= high, every prediction finite with its intervals around it. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "scoutlab/fees.h"
#include "scoutlab/regress.h"

#include "fuzz_check.h"

/* Larger models only repeat the same parsing paths; 64 columns bound the predict buffer. */
#define FUZZ_MAX_PREDICT_COLUMNS 64



/* What every loaded regression must be: finite estimates where not aliased, sigma >= 0. */
static void check_ols(const sl_ols_fit *f) {
  CHECK(!(f->sigma < 0) && !isinf(f->sigma), "sigma %g", f->sigma);
  for (size_t j = 0; j < f->p; j++) {
    if (f->aliased[j]) continue;
    CHECK(isfinite(f->coef[j]), "coefficient %zu: %g", j, f->coef[j]);
    CHECK(!(f->std_error[j] < 0) && !isinf(f->std_error[j]), "standard error %zu: %g", j, f->std_error[j]);
  }
}

static void check_fee_model(const sl_fees_model *m) {
  CHECK(isfinite(m->smearing) && m->smearing > 0, "smearing %g", m->smearing);
  CHECK(m->level > 0 && m->level < 1, "level %g", m->level);
  check_ols(m->ols);
  CHECK(isfinite(m->ols->sigma), "fee model sigma %g", m->ols->sigma);
  for (size_t j = 0; j < m->p; j++) CHECK(m->ols->aliased[j] || isfinite(m->coef[j]), "coefficient %zu: %g", j, m->coef[j]);
  CHECK(m->nbands >= 1 && m->nbands <= SL_FEES_MAX_BANDS && m->band_first[0] == 0 && m->band_first[m->nbands] == m->ncal,
        "%zu bands over %zu residuals", m->nbands, m->ncal);
  for (size_t b = 0; b < m->nbands; b++) {
    CHECK(m->band_first[b] <= m->band_first[b + 1], "band %zu starts after the next", b);
    for (size_t k = m->band_first[b]; k < m->band_first[b + 1]; k++)
      CHECK(isfinite(m->calibration[k]) && (k == m->band_first[b] || m->calibration[k - 1] <= m->calibration[k]),
            "calibration residual %zu: %g", k, m->calibration[k]);
  }
  for (size_t t = 0; t < m->nterms; t++)
    CHECK(!(m->range_low[t] > m->range_high[t]), "term %zu range %g..%g", t, m->range_low[t], m->range_high[t]);
}

static void check_valuation(const sl_fees_valuation *v, double bid) {
  CHECK(isfinite(v->fair_fee) && isfinite(v->fee_low) && isfinite(v->fee_high) && isfinite(v->fee_mean),
        "median %g, interval %g..%g, mean %g", v->fair_fee, v->fee_low, v->fee_high, v->fee_mean);
  CHECK(v->fee_low >= 0 && le(v->fee_low, v->fair_fee) && le(v->fair_fee, v->fee_high), "%g <= %g <= %g",
        v->fee_low, v->fair_fee, v->fee_high);
  CHECK(isnan(bid) || (v->p_at_least_bid >= 0 && v->p_at_least_bid <= 1), "P(fee >= bid) %g", v->p_at_least_bid);
}

static void use_fee_model(const sl_fees_model *m) {
  sl_fees_player p;
  sl_fees_player_init(&p);
  p.age = 25;
  p.group = SL_FEES_CB;
  p.market_value = 10e6;
  p.season = 2024;
  sl_fees_valuation v;
  sl_error err;
  check_fee_model(m);
  /* A centre-back with a market value, then a player known only by his line, at two levels. */
  if (sl_fees_value(m, &p, 0, 25e6, &v, &err) == SL_OK) check_valuation(&v, 25e6);
  sl_fees_player line = p;
  line.group = -1;
  line.line_groups = 1u << SL_FEES_CB | 1u << SL_FEES_FB;
  line.market_value = NAN;
  line.age = 31;
  if (sl_fees_value(m, &line, 0.5, NAN, &v, &err) == SL_OK) check_valuation(&v, NAN);
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
  check_ols(fit);
  if (sl_ols_predict(fit, x0, 1, 0.8, &iv, &err) != SL_OK) return;
  CHECK(isfinite(iv.fit), "prediction %g", iv.fit);
  if (isnan(iv.conf_low)) return; /* no residual degrees of freedom */
  CHECK(le(iv.conf_low, iv.fit) && le(iv.fit, iv.conf_high) && le(iv.pred_low, iv.conf_low) && le(iv.conf_high, iv.pred_high),
        "intervals %g..%g and %g..%g around %g", iv.conf_low, iv.conf_high, iv.pred_low, iv.pred_high, iv.fit);
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
    CHECK(isfinite(ridge->lambda) && ridge->lambda >= 0, "ridge lambda %g", ridge->lambda);
    for (size_t j = 0; j < ridge->p; j++) CHECK(isfinite(ridge->coef[j]), "ridge coefficient %zu: %g", j, ridge->coef[j]);
    CHECK(isfinite(sl_ridge_predict(ridge, x0)), "ridge prediction");
  }
  sl_ridge_fit_free(ridge);
  return 0;
}
