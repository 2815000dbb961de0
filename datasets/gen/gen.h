/* gen.h - internals of scoutlab-gen-demo, the seeded generator of the bundled demo world
 * (the datasets/ CSV files). Everything here is fictional: players, clubs, leagues and countries.
 *
 * Determinism is the first requirement: the same seed gives byte-identical files on any
 * machine. So the generator uses its own PRNG (xoshiro256** seeded by splitmix64), never
 * libc's rand() or qsort() (qsort's order of equal keys is unspecified), and prints every
 * number through gen_fmt_fixed(), which rounds with integer arithmetic instead of printf's
 * "%.1f" so no libc rounding choice can reach the files. Floating-point contraction (FMA) is
 * switched off in CMake for the same reason.
 *
 * Memory: the world owns all players, rows and events; gen_world_free() releases them.
 *
 *   gen_world *w = gen_world_new(20250601);
 *   if (w && gen_world_run(w) == 0) gen_write_all(w, "datasets");
 *   gen_world_free(w);
 */
#ifndef SCOUTLAB_GEN_H
#define SCOUTLAB_GEN_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* ---------------------------------------------------------------- random numbers */

/** xoshiro256** state (Blackman & Vigna 2018) plus a cached second Box-Muller normal. */
typedef struct gen_rng {
  uint64_t s[4];
  int has_spare;
  double spare;
} gen_rng;

/** Seeds the four state words from splitmix64(seed), as the xoshiro authors recommend. */
void gen_rng_seed(gen_rng *r, uint64_t seed);
/** Next 64 random bits. */
uint64_t gen_rng_next(gen_rng *r);
/** Uniform on [0, 1) with 53 random bits. */
double gen_rng_uniform(gen_rng *r);
/** Uniform integer in [0, n); n > 0. */
int gen_rng_int(gen_rng *r, int n);
/** Uniform integer in [lo, hi]. */
int gen_rng_range(gen_rng *r, int lo, int hi);
/** Standard normal by Box-Muller. */
double gen_rng_normal(gen_rng *r);
/** Poisson(lambda): Knuth's product method below 30, rounded normal approximation above. */
int gen_rng_poisson(gen_rng *r, double lambda);
/** Binomial(n, p): Bernoulli sum below 40 trials, rounded normal approximation above. */
int gen_rng_binomial(gen_rng *r, int n, double p);
/** 1 with probability p. */
int gen_rng_chance(gen_rng *r, double p);

/* ---------------------------------------------------------------- formatting */

/** Writes x rounded half away from zero to `decimals` places (0..4) into buf, using integer
 *  arithmetic so the text never depends on the C library's printf rounding. */
const char *gen_fmt_fixed(char *buf, size_t size, double x, int decimals);

/** Writes one CSV field, quoting it when it holds a comma, quote or newline (RFC 4180). */
void gen_csv_field(FILE *f, const char *s);

/* ---------------------------------------------------------------- the world's fixed tables */

enum { GEN_N_POS = 10 };
/** Detailed positions, in Transfermarkt's words (see gen_pos_name). */
typedef enum gen_pos { P_GK, P_CB, P_RB, P_LB, P_DM, P_CM, P_AM, P_LW, P_RW, P_CF } gen_pos;
/** Position groups of the fee model. */
typedef enum gen_group { G_GK, G_DF, G_MF, G_FW, GEN_N_GROUPS } gen_group;

enum { GEN_N_LEAGUES = 5, GEN_OTHER_LEAGUE = GEN_N_LEAGUES }; /* 6th fee category: outside */
enum { GEN_N_COUNTRIES = 10 };

typedef struct gen_league {
  const char *name;
  int country;      /* index into gen_countries */
  int n_clubs;
  int matches;      /* league matches per club per season: 2 x (n_clubs - 1) */
  double level;     /* strength of its average club on the ability scale */
  double spread;    /* half the gap between its best and worst club */
} gen_league;

typedef struct gen_country {
  const char *name;
  const char *fbref_code; /* FBref-style "xa AUR": flag code + 3-letter code (fictional) */
  int culture;            /* which name lists its players' names come from */
} gen_country;

typedef struct gen_club_def {
  const char *name;
  int country;
  int league;       /* 0..4, or -1 for a club outside the five covered leagues */
  double strength;  /* ability scale; external clubs only (covered ones follow their rank) */
} gen_club_def;

extern const gen_league gen_leagues[GEN_N_LEAGUES];
extern const gen_country gen_countries[GEN_N_COUNTRIES];
extern const gen_club_def gen_club_defs[];
extern const int gen_n_club_defs;

/** Transfermarkt position text ("Centre-Back") and short code ("CB"). */
const char *gen_pos_name(gen_pos p);
const char *gen_pos_short(gen_pos p);
gen_group gen_pos_group(gen_pos p);
/** Fee-model group label: "GK", "DF", "MF", "FW". */
const char *gen_group_name(gen_group g);

/** A new unique "First Last" name for a player of `culture` into buf. `taken` tells whether a
 *  candidate is already used (returns 1 if so). */
void gen_make_name(gen_rng *r, int culture, char *buf, size_t size,
                   int (*taken)(void *ctx, const char *name), void *ctx);

/* ---------------------------------------------------------------- the true models */

/** True coefficients of the fee model (log EUR), written to truth.csv. */
typedef struct gen_fee_truth {
  double intercept;
  double age, age_sq;                      /* per year, per year^2: peak = -age / (2 age_sq) */
  double group[GEN_N_GROUPS];              /* MF is the baseline (0) */
  double buy[GEN_N_LEAGUES + 1];           /* buying club's league; Other is the baseline */
  double sell[GEN_N_LEAGUES + 1];          /* selling club's league; Other is the baseline */
  double season_index;                     /* per season after 2019 (inflation) */
  double contract_months_left;             /* per month of contract left with the seller */
  double minutes_share;                    /* previous season's share of team minutes, 0..1 */
  double log_market_value;                 /* elasticity of fee to market value */
  double sigma;                            /* SD of the Gaussian noise on log(fee) */
} gen_fee_truth;

extern const gen_fee_truth gen_fee_true;

/** Optional departures from that true fee model, every one off (zero) by default, so the
 *  committed files never change: a step in log(fee) from a season on (a market shock that no
 *  trend foresees: issue 15 measured fees running about 25% below market values in a later
 *  season) and an interaction of log market value with age. Written to truth.csv when on. */
typedef struct gen_variant {
  int shock_from;   /* first season of the shock; 0 = none */
  double shock_log; /* log-fee step in every season from shock_from on */
  double mv_age;    /* coefficient of (log market value - GEN_MV_AGE_LOG_MV)(age - GEN_MV_AGE_AGE); 0 = none */
  const char *premium_club; /* a buying club that pays premium_log more (log fee); NULL = none */
  double premium_log;
} gen_variant;

/** Centres of the interaction, so that the documented main effects keep their meaning at a
 *  25-year-old with a market value of exp(15) = EUR 3.27m; the product's coefficient is the
 *  same centred or not. */
#define GEN_MV_AGE_LOG_MV 15.0
#define GEN_MV_AGE_AGE 25.0

/** What the fee model sees of one transfer, exactly as printed in transfers.csv. */
typedef struct gen_fee_inputs {
  int age, season, contract_months_left;
  gen_group group;
  int buy_league, sell_league;             /* 0..4 or GEN_OTHER_LEAGUE */
  double minutes_share;                    /* as printed (3 decimals) */
  double market_value;                     /* EUR as printed (rounded) */
  const char *buy_club;                    /* the buying club's name (the variant's premium) */
} gen_fee_inputs;

/** The model's mean of log(fee) for these inputs (no noise), with the variant's departures
 *  (NULL = none). */
double gen_fee_log_mean(const gen_fee_inputs *in, const gen_variant *v);
/** A fee drawn from the model, rounded to three significant figures (EUR). */
double gen_fee_draw(gen_rng *r, const gen_fee_inputs *in, const gen_variant *v);
/** Rounds a market value to Transfermarkt's steps (25k below 1m, 100k below 10m, 500k above). */
double gen_round_market_value(double eur);
/** Rounds to three significant figures, as reported fees are. */
double gen_round_3sig(double eur);

/** SD of a player's persistent log offset of his market values ("hype"). */
#define GEN_HYPE_SD 0.20

/** A market value (EUR, rounded by gen_round_market_value) from the market-value model for a
 *  player of latent `ability` and `age` playing in fee-league category `league` (0..4 or
 *  GEN_OTHER_LEAGUE), position group g, in `season`, with his persistent offset `hype`. */
double gen_market_value(gen_rng *r, double ability, int age, int league, gen_group g, int season,
                        double hype);

/** Writes truth.csv: every coefficient of the fee model (with the variant's, when on; v may be
 *  NULL) and of the market-value model. */
int gen_write_truth(const char *path, uint64_t seed, const gen_variant *v);

/* ---------------------------------------------------------------- the simulated world */

typedef struct gen_world gen_world;

/** A new world for `seed`, or NULL when out of memory. */
gen_world *gen_world_new(uint64_t seed);
/** Sets the world's departures from the default fee model (before gen_world_run). */
void gen_world_set_variant(gen_world *w, const gen_variant *v);
/** Simulates seasons 2015-2024 (2015-2018 are burn-in; transfers are kept from 2016). 0 on success. */
int gen_world_run(gen_world *w);
/** Writes players.csv, contracts.csv, values.csv, transfers.csv and truth.csv into dir. */
int gen_write_all(const gen_world *w, const char *dir);
void gen_world_free(gen_world *w);

#endif
