/* model.c - the true fee model and market-value model of the demo world, and truth.csv.
 *
 * Fee (permanent transfers with a fee), natural log of EUR:
 *   log(fee) = intercept + age*a + age_sq*a^2 + group[g] + buy[lb] + sell[ls]
 *              + season_index*(season - 2019) + contract_months_left*m + minutes_share*s
 *              + log_market_value*log(market value) + N(0, sigma^2)
 *              [+ season_shock*(season >= shock_from)
 *               + mv_age*(log(market value) - 15)*(age - 25)
 *               + buyer_premium*(buying club = premium club)]   (gen_variant, off by default)
 * where every input is the value printed in transfers.csv (so an OLS of log(fee) on exactly
 * those columns is correctly specified and recovers these numbers). Baselines: MF for the
 * position group, "Other" (outside the five leagues) for both league terms.
 *
 * Market value (EUR), generated first and with its own noise, so fee and market value are
 * correlated but market value is not a perfect predictor of the fee:
 *   log(mv) = MV_BASE + MV_ABILITY*ability + MV_YOUTH*max(0, 23-age) - MV_DECLINE*max(0, age-30)
 *             + mv_league[l] + mv_group[g] + MV_INFLATION*(season - 2019) + hype + N(0, MV_SIGMA^2)
 * `ability` and `hype` are latent (never printed), so this model is documentation only. */
#include "gen.h"

#include <math.h>
#include <string.h>

const gen_fee_truth gen_fee_true = {
    .intercept = -2.20,
    .age = 0.416,
    .age_sq = -0.008, /* peak at 0.416 / 0.016 = 26.0 years */
    .group = {[G_GK] = -0.30, [G_DF] = -0.05, [G_MF] = 0.0, [G_FW] = 0.15},
    .buy = {0.40, 0.25, 0.20, 0.10, -0.05, 0.0},
    .sell = {0.20, 0.15, 0.10, 0.05, -0.10, 0.0},
    .season_index = 0.06,
    .contract_months_left = 0.015,
    .minutes_share = 0.30,
    .log_market_value = 0.75,
    .sigma = 0.40,
};

#define FEE_BASE_SEASON 2019   /* season_index = season - 2019 */
#define MV_BASE 14.6           /* log EUR of an average-ability 23-30-year-old MF outside */
#define MV_ABILITY 1.1         /* per unit of latent ability */
#define MV_YOUTH 0.10          /* per year under 23: potential is paid for */
#define MV_DECLINE 0.08        /* per year over 30: resale value falls */
#define MV_INFLATION 0.04      /* per season */
#define MV_SIGMA 0.20          /* valuation noise per valuation, on top of the player's hype */
static const double mv_league[GEN_N_LEAGUES + 1] = {0.35, 0.20, 0.15, 0.10, -0.10, -0.20};
static const double mv_group[GEN_N_GROUPS] = {[G_GK] = -0.35, [G_DF] = -0.10, [G_MF] = 0.0,
                                              [G_FW] = 0.15};

double gen_fee_log_mean(const gen_fee_inputs *in, const gen_variant *v) {
  const gen_fee_truth *t = &gen_fee_true;
  double a = in->age;
  double mean = t->intercept + t->age * a + t->age_sq * a * a + t->group[in->group] +
                t->buy[in->buy_league] + t->sell[in->sell_league] +
                t->season_index * (in->season - FEE_BASE_SEASON) +
                t->contract_months_left * in->contract_months_left + t->minutes_share * in->minutes_share +
                t->log_market_value * log(in->market_value);
  /* Only when on: an added 0.0 would keep the bits, but the default path stays literally the
   * one that wrote the committed files. */
  if (v && v->shock_from && in->season >= v->shock_from) mean += v->shock_log;
  if (v && v->mv_age != 0)
    mean += v->mv_age * (log(in->market_value) - GEN_MV_AGE_LOG_MV) * (a - GEN_MV_AGE_AGE);
  if (v && v->premium_club && in->buy_club && !strcmp(in->buy_club, v->premium_club)) mean += v->premium_log;
  return mean;
}

double gen_round_3sig(double eur) {
  if (!(eur > 0)) return 0;
  double step = 1;
  while (eur >= 1000 * step) step *= 10; /* three significant digits: step = 10^(digits-3) */
  return floor(eur / step + 0.5) * step;
}

double gen_fee_draw(gen_rng *r, const gen_fee_inputs *in, const gen_variant *v) {
  double log_fee = gen_fee_log_mean(in, v) + gen_fee_true.sigma * gen_rng_normal(r);
  return gen_round_3sig(exp(log_fee));
}

double gen_round_market_value(double eur) {
  double step = eur < 1e6 ? 25e3 : eur < 1e7 ? 1e5 : 5e5;
  double v = floor(eur / step + 0.5) * step;
  return v < 25e3 ? 25e3 : v;
}

double gen_market_value(gen_rng *r, double ability, int age, int league, gen_group g, int season,
                        double hype) {
  double young = age < 23 ? 23 - age : 0, old = age > 30 ? age - 30 : 0;
  double lv = MV_BASE + MV_ABILITY * ability + MV_YOUTH * young - MV_DECLINE * old +
              mv_league[league] + mv_group[g] + MV_INFLATION * (season - FEE_BASE_SEASON) + hype +
              MV_SIGMA * gen_rng_normal(r);
  return gen_round_market_value(exp(lv));
}

static void truth_row(FILE *f, const char *model, const char *term, double v, const char *what) {
  char num[32];
  fprintf(f, "%s,%s,%s,", model, term, gen_fmt_fixed(num, sizeof num, v, 4));
  gen_csv_field(f, what);
  fputc('\n', f);
}

static void write_fee_truth(FILE *f) {
  const gen_fee_truth *t = &gen_fee_true;
  char term[64], what[160];
  truth_row(f, "fee", "intercept", t->intercept, "log EUR; with every term below at zero");
  truth_row(f, "fee", "age", t->age, "per year of age at the transfer (column age)");
  truth_row(f, "fee", "age_sq", t->age_sq, "per year^2; peak at -age/(2*age_sq) = 26.0");
  for (int g = 0; g < GEN_N_GROUPS; g++) {
    snprintf(term, sizeof term, "group_%s", gen_group_name((gen_group)g));
    snprintf(what, sizeof what, "position group %s%s", gen_group_name((gen_group)g),
             g == G_MF ? " (baseline)" : " vs MF");
    truth_row(f, "fee", term, t->group[g], what);
  }
  for (int side = 0; side < 2; side++) {
    for (int l = 0; l <= GEN_N_LEAGUES; l++) {
      const char *name = l < GEN_N_LEAGUES ? gen_leagues[l].name : "Other";
      snprintf(term, sizeof term, "%s_%s", side ? "sell" : "buy", name);
      snprintf(what, sizeof what, "%s club in %s%s", side ? "selling" : "buying", name,
               l == GEN_N_LEAGUES ? " (outside the five leagues; baseline)" : " vs Other");
      truth_row(f, "fee", term, side ? t->sell[l] : t->buy[l], what);
    }
  }
  truth_row(f, "fee", "season_index", t->season_index, "per season after 2019 (season - 2019)");
  truth_row(f, "fee", "contract_months_left", t->contract_months_left,
            "per whole month left on the contract with the selling club");
  truth_row(f, "fee", "minutes_share", t->minutes_share,
            "per unit of previous-season share of team league minutes (0-1)");
  truth_row(f, "fee", "log_market_value", t->log_market_value,
            "per unit of natural log of market_value (EUR)");
  truth_row(f, "fee", "sigma", t->sigma, "SD of the Gaussian noise on log(fee)");
}

static void write_mv_truth(FILE *f) {
  truth_row(f, "market_value", "intercept", MV_BASE, "log EUR; latent ability 0, age 23-30, MF, Other");
  truth_row(f, "market_value", "ability", MV_ABILITY, "per unit of latent ability (not in the files)");
  truth_row(f, "market_value", "years_under_23", MV_YOUTH, "per year of age under 23");
  truth_row(f, "market_value", "years_over_30", -MV_DECLINE, "per year of age over 30");
  for (int l = 0; l <= GEN_N_LEAGUES; l++) {
    char term[64];
    snprintf(term, sizeof term, "league_%s", l < GEN_N_LEAGUES ? gen_leagues[l].name : "Other");
    truth_row(f, "market_value", term, mv_league[l], "league of the club he plays for");
  }
  for (int g = 0; g < GEN_N_GROUPS; g++) {
    char term[64];
    snprintf(term, sizeof term, "group_%s", gen_group_name((gen_group)g));
    truth_row(f, "market_value", term, mv_group[g], "position group");
  }
  truth_row(f, "market_value", "season_index", MV_INFLATION, "per season after 2019");
  truth_row(f, "market_value", "hype_sd", GEN_HYPE_SD, "SD of a player's persistent valuation offset");
  truth_row(f, "market_value", "sigma", MV_SIGMA, "SD of the noise of each valuation");
}

/* The variant's rows, only when on (the default truth.csv is unchanged). */
static void write_variant_truth(FILE *f, const gen_variant *v) {
  char what[160];
  if (v && v->shock_from) {
    snprintf(what, sizeof what, "log-fee step in every season from %d on (a market shock)", v->shock_from);
    truth_row(f, "fee", "season_shock", v->shock_log, what);
    truth_row(f, "fee", "season_shock_from", v->shock_from, "first season of the shock");
  }
  if (v && v->mv_age != 0) {
    snprintf(what, sizeof what, "per unit of (log market_value - %g) x (age - %g): the product's coefficient",
             GEN_MV_AGE_LOG_MV, GEN_MV_AGE_AGE);
    truth_row(f, "fee", "log_mv_x_age", v->mv_age, what);
  }
  if (v && v->premium_club) {
    snprintf(what, sizeof what, "log-fee premium paid by the buying club %s", v->premium_club);
    truth_row(f, "fee", "buyer_premium", v->premium_log, what);
  }
}

int gen_write_truth(const char *path, uint64_t seed, const gen_variant *v) {
  FILE *f = fopen(path, "wb");
  if (!f) return -1;
  fputs("model,term,true_value,description\n", f);
  write_fee_truth(f);
  write_variant_truth(f, v);
  write_mv_truth(f);
  fprintf(f, "meta,seed,%llu,seed of the generator run that wrote these files\n",
          (unsigned long long)seed);
  return fclose(f) == 0 ? 0 : -1;
}
