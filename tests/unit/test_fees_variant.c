/* test_fees_variant.c - declared terms and recency recover the demo generator's departures from
 * its default truth (issue 15): a world generated with a season shock (log fees 0.4 lower from
 * 2023 on: the last training season and the held-out one) and an interaction of log market
 * value with age (coefficient -0.02), into a temporary directory (the bundled files stay as
 * they are). Fitted on the seasons before 2024 with --terms "...,log_mv,log_mv:age,..." and the
 * season as a level with recency weights (half-life 2); the same world's buying club
 * Bramcaster United pays 0.3 more log fee than any other (--buyer-premium):
 *   - the interaction's estimate is within 3 standard errors of truth.csv's log_mv_x_age;
 *   - the shock, read off the season levels as (level 2023 - level 2022) - season_index (the
 *     generator's trend per season), is within 3 standard errors of truth.csv's season_shock
 *     (the SE of a difference of coefficients from the fit's covariance factor; 2023 is the
 *     reference level, 0);
 *   - with buyer_club added to the declared terms, Bramcaster United's level minus the pooled
 *     level of the clubs with too few deals for one of their own ("other"; the buying league is
 *     a term, so the pool's mix of leagues is no confounder) is within 3 standard errors of
 *     truth.csv's buyer_premium;
 * and out of time, on the 2024 deals, the declared model has a lower log-RMSE than the classic
 * terms with recency chosen by the inner split and than the classic model (classic terms, a
 * linear trend, no weights), and a smaller mean error than the classic model, which carries the
 * trend of the seasons before the shock forward; the default model (its list has log_mv:age and
 * buyer_club, recency chosen) is better than the classic model too. (The declared model's own mean
 * error, about +0.09, is the demo world's inflation of 0.06 a season that a level carried forward
 * does not extrapolate.) Three standard errors: two comparisons, so a correct model fails by
 * chance with probability about 0.8%. Skips without the generator. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "scoutlab/fees.h"

#define MAX_SE 3.0
#define SHOCK "2023:-0.4"
#define MV_AGE "-0.02"
#define HOLDOUT 2024
#define PREMIUM_CLUB "Bramcaster United"
#define PREMIUM "0.3"
#define POOLED "other" /* the level of the buying clubs with too few deals for their own */
#define DECLARED "age,age^2,position,buyer_league,seller_league,season,log_mv,log_mv:age,contract,minutes"
#define HALF_LIFE 2.0

static double truth(const sl_table *t, const char *term) {
  const sl_column *model = sl_table_column(t, "model"), *name = sl_table_column(t, "term"),
                  *value = sl_table_column(t, "true_value");
  for (size_t r = 0; model && name && value && r < t->nrows; r++)
    if (strcmp(model->text[r], "fee") == 0 && strcmp(name->text[r], term) == 0) return value->num[r];
  return NAN;
}

/* The models: 0 the classic terms with recency chosen, 1 the classic model (trend, no weights),
 * 2 the declared one, 3 the default. */
enum { RECENCY_MODEL, CLASSIC_MODEL, DECLARED_MODEL, DEFAULT_MODEL, NMODELS };

static sl_fees_options options(int which) {
  sl_fees_options o = {0};
  o.folds = 1, o.until = HOLDOUT - 1, o.seed = SL_FEES_DEFAULT_SEED;
  o.classic_terms = which == RECENCY_MODEL || which == CLASSIC_MODEL;
  if (which == CLASSIC_MODEL) o.season_mode = SL_FEES_SEASON_TREND, o.half_life = SL_FEES_NO_WEIGHTS;
  if (which == DECLARED_MODEL) o.terms = DECLARED, o.season_mode = SL_FEES_SEASON_LEVEL, o.half_life = HALF_LIFE;
  return o;
}

/* SE of coefficient a minus coefficient b: sigma^2 (F_a - F_b)(F_a - F_b)', (X'WX)^-1 = F F'. */
static double se_difference(const sl_ols_fit *f, long a, long b) {
  double s = 0;
  for (size_t k = 0; k < f->rank; k++) {
    double d = f->cov_factor[(size_t)a * f->rank + k] - f->cov_factor[(size_t)b * f->rank + k];
    s += d * d;
  }
  return f->sigma * sqrt(s);
}

/* The premium club's level minus the pooled clubs', against the truth. The club with most deals
 * is the factor's reference level (no column, 0): so, in this world, the premium club. */
static void check_premium(const sl_fees_model *m, const sl_table *tt) {
  long a = sl_ols_column(m->ols, "buying club " PREMIUM_CLUB), b = sl_ols_column(m->ols, "buying club " POOLED);
  double want = truth(tt, "buyer_premium");
  OK((a >= 0 || b >= 0) && isfinite(want), "a level of the premium club or the pool, and the truth");
  if ((a < 0 && b < 0) || !isfinite(want)) return;
  double est = (a >= 0 ? m->ols->coef[a] : 0) - (b >= 0 ? m->ols->coef[b] : 0);
  double se = a >= 0 && b >= 0 ? se_difference(m->ols, a, b) : m->ols->std_error[a >= 0 ? a : b];
  OK(isfinite(est) && fabs(est - want) <= MAX_SE * se, "buyer premium: estimate %.4f, truth %.4f, se %.4f (%.1f se)",
     est, want, se, fabs(est - want) / se);
  fprintf(stderr, "buyer premium: estimate %.4f (se %.4f), truth %.4f\n", est, se, want);
}

static void check_recovery(const sl_fees_model *m, const sl_table *tt) {
  long j = sl_ols_column(m->ols, "log market value:age");
  double want = truth(tt, "log_mv_x_age");
  OK(j >= 0 && isfinite(want), "interaction column and truth present");
  if (j >= 0) {
    double est = m->ols->coef[j], se = m->ols->std_error[j];
    OK(fabs(est - want) <= MAX_SE * se, "log_mv:age: estimate %.4f, truth %.4f, se %.4f (%.1f se)", est, want, se,
       fabs(est - want) / se);
    fprintf(stderr, "log_mv:age: estimate %.4f (se %.4f), truth %.4f\n", est, se, want);
  }
  int from = (int)truth(tt, "season_shock_from");
  char after[64], before[64];
  snprintf(after, sizeof after, "season %d", from), snprintf(before, sizeof before, "season %d", from - 1);
  long a = sl_ols_column(m->ols, after), b = sl_ols_column(m->ols, before); /* a: -1, the reference */
  OK(b >= 0, "season level %d present", from - 1);
  if (b < 0) return;
  double step = (a >= 0 ? m->ols->coef[a] : 0) - m->ols->coef[b] - truth(tt, "season_index");
  double se = a >= 0 ? se_difference(m->ols, a, b) : m->ols->std_error[b], shock = truth(tt, "season_shock");
  OK(fabs(step - shock) <= MAX_SE * se, "shock: estimate %.4f, truth %.4f, se %.4f (%.1f se)", step, shock, se,
     fabs(step - shock) / se);
  fprintf(stderr, "season shock: estimate %.4f (se %.4f), truth %.4f\n", step, se, shock);
}

/* Log-RMSE and mean error (log fee - log fair fee) of a model trained before HOLDOUT on the
 * HOLDOUT deals (the rows fit would learn from, as fit --holdout-from scores them). */
static void out_of_time(const sl_fees_model *m, const char *path, double *rmse, double *bias) {
  const char *paths[] = {path};
  sl_table *t = NULL;
  sl_fees_rows *rows = NULL;
  sl_error err;
  double sum = 0, ss = 0;
  size_t n = 0;
  *rmse = *bias = NAN;
  if (sl_table_load_many(paths, 1, NULL, &t, &err) || sl_fees_rows_new(t, NULL, m, &rows, &err)) {
    OK(0, "read %s: %s", path, err.message);
    sl_table_free(t);
    return;
  }
  for (size_t r = 0; r < t->nrows; r++) {
    sl_fees_player p;
    sl_fees_valuation v;
    sl_fees_rows_player(rows, r, &p);
    if (p.season != HOLDOUT || sl_fees_rows_reason(rows, r) != SL_FEES_USED) continue;
    if (sl_fees_value(m, &p, 0, NAN, &v, &err) != SL_OK) continue;
    double e = log(sl_fees_rows_fee(rows, r)) - log(v.fair_fee);
    sum += e, ss += e * e, n++;
  }
  sl_fees_rows_free(rows);
  sl_table_free(t);
  OK(n > 200, "%zu deals of %d valued", n, HOLDOUT);
  if (n) *rmse = sqrt(ss / (double)n), *bias = sum / (double)n;
}

static void run(const char *dir) {
  char transfers[4200], truth_path[4200];
  snprintf(transfers, sizeof transfers, "%s/transfers.csv", dir);
  snprintf(truth_path, sizeof truth_path, "%s/truth.csv", dir);
  const char *paths[] = {transfers}, *tpaths[] = {truth_path};
  sl_table *tt = NULL;
  sl_error err;
  INT_EQ(sl_table_load_many(tpaths, 1, NULL, &tt, &err), SL_OK, "truth.csv: %s", err.message);
  if (!tt) return;
  OK(isfinite(truth(tt, "season_shock")) && isfinite(truth(tt, "log_mv_x_age")), "truth.csv lists the variant");
  sl_fees_model *m[NMODELS] = {NULL};
  double rmse[NMODELS], bias[NMODELS];
  for (int k = 0; k < NMODELS; k++) {
    sl_fees_options o = options(k);
    INT_EQ(sl_fees_fit_files(paths, 1, &o, &m[k], NULL, &err), SL_OK, "fit %d (before %d): %s", k, HOLDOUT, err.message);
    rmse[k] = bias[k] = NAN;
    if (m[k]) out_of_time(m[k], transfers, &rmse[k], &bias[k]);
  }
  if (m[DECLARED_MODEL]) check_recovery(m[DECLARED_MODEL], tt);
  sl_fees_options o = options(DECLARED_MODEL);
  o.terms = DECLARED ",buyer_club";
  sl_fees_model *club = NULL;
  INT_EQ(sl_fees_fit_files(paths, 1, &o, &club, NULL, &err), SL_OK, "fit with buyer_club: %s", err.message);
  if (club) check_premium(club, tt);
  sl_fees_model_free(club);
  fprintf(stderr,
          "out of time (%d): log-RMSE declared %.4f, classic terms with recency %.4f, classic %.4f, default %.4f; "
          "mean error %+.4f, %+.4f, %+.4f, %+.4f\n",
          HOLDOUT, rmse[2], rmse[0], rmse[1], rmse[3], bias[2], bias[0], bias[1], bias[3]);
  OK(rmse[DECLARED_MODEL] < rmse[RECENCY_MODEL], "declared log-RMSE %.4f below the classic terms' with recency %.4f", rmse[2],
     rmse[0]);
  OK(rmse[DEFAULT_MODEL] < rmse[CLASSIC_MODEL], "default log-RMSE %.4f below the classic's %.4f", rmse[3], rmse[1]);
  OK(rmse[DECLARED_MODEL] < rmse[CLASSIC_MODEL], "declared log-RMSE %.4f below the classic's %.4f", rmse[2], rmse[1]);
  OK(fabs(bias[DECLARED_MODEL]) < fabs(bias[CLASSIC_MODEL]), "mean error declared %+.4f, classic %+.4f: the trend misses the shock",
     bias[2], bias[1]);
  for (int k = 0; k < NMODELS; k++) sl_fees_model_free(m[k]);
  sl_table_free(tt);
}

int main(void) {
#ifndef SL_GEN_DEMO
  fprintf(stderr, "skip: the demo generator is not built (SL_GEN_DEMO)\n");
  return SL_TEST_SKIP;
#else
  const char *tmp = getenv("TMPDIR");
  char dir[4096], cmd[8400];
  snprintf(dir, sizeof dir, "%s/sl_variant_XXXXXX", tmp && *tmp ? tmp : "/tmp");
  if (!mkdtemp(dir)) {
    fprintf(stderr, "skip: no temporary directory\n");
    return SL_TEST_SKIP;
  }
  snprintf(cmd, sizeof cmd, "'%s' --out '%s' --season-shock %s --mv-age %s --buyer-premium '%s:%s'", SL_GEN_DEMO, dir,
           SHOCK, MV_AGE, PREMIUM_CLUB, PREMIUM);
  INT_EQ(system(cmd), 0, "generator run: %s", cmd);
  run(dir);
  static const char *const files[] = {"players.csv", "contracts.csv", "values.csv", "transfers.csv", "truth.csv"};
  for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
    char path[4200];
    snprintf(path, sizeof path, "%s/%s", dir, files[i]);
    remove(path);
  }
  rmdir(dir);
  return SL_TEST_DONE();
#endif
}
