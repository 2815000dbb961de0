/* fees_internal.h - pieces shared by the fees*.c files (not installed). */
#ifndef SCOUTLAB_FEES_INTERNAL_H
#define SCOUTLAB_FEES_INTERNAL_H

#include <stddef.h>

#include "scoutlab/fees.h"

/** A level with fewer training deals than this is pooled into "other": a dummy estimated from
 *  a handful of fees is noise, and a country seen twice would get its own wild effect. */
#define SL_FEES_MIN_LEVEL_DEALS 25
/** At most this many buying clubs get a level of their own (the most frequent; the rest are
 *  pooled): clubs passing SL_FEES_MIN_LEVEL_DEALS grow with the data (153 on the 12,798 deals of
 *  transfers-tm), and a dense QR costs n x p^2: the cap keeps the default design within about
 *  350 columns on any amount of data. */
#define SL_FEES_MAX_CLUB_LEVELS 250
/** Label of the pooled level and of a missing league. */
#define SL_FEES_LEVEL_OTHER "other"
#define SL_FEES_LEVEL_UNKNOWN "unknown"
/** Prefix of a league known only by its country (a club outside the covered leagues). */
#define SL_FEES_OUTSIDE_PREFIX "outside: "
/** Interval choice: the t-interval is kept when its held-out coverage is within this of the
 *  level (about two binomial standard errors for the ~1,000 calibration deals of real data). */
#define SL_FEES_COVERAGE_TOL 0.03
/** Fewest deals a fit accepts per design column: fewer and the estimates are mostly noise. */
#define SL_FEES_MIN_DEALS_PER_COLUMN 3

/** The columns the fee model reads from a table (NULL when absent). */
typedef struct sl_fees_cols {
  const sl_column *name, *club, *league, *dealing_club, *dealing_country, *fee, *age, *short_pos,
      *position, *mv, *movement, *season, *is_loan, *contract_months, *contract_until, *minutes,
      *buying_league, *selling_league;
} sl_fees_cols;

/** Finds the columns by role and alias. */
void sl_fees_find_columns(const sl_table *t, sl_fees_cols *c);

/** The columns a reader found; borrowed. */
const sl_fees_cols *sl_fees_rows_columns(const sl_fees_rows *rows);

/** 1 when row r is the seller's (out) listing. */
int sl_fees_rows_from_out_row(const sl_fees_rows *rows, size_t r);

/** The first value of row r that cannot be true, written into why; NULL when none. */
const char *sl_fees_rows_impossible(const sl_fees_rows *rows, size_t r, char *why, size_t size);

/* ---- a player's past fees (fees_history.c) ---- */

/** Paid deals by player: name (normalised), birth year (season - age), season and fee. */
typedef struct sl_fees_history sl_fees_history;
/** A new empty history (NULL when out of memory); free with sl_fees_history_free(). */
sl_fees_history *sl_fees_history_new(void);
void sl_fees_history_free(sl_fees_history *h);
/** Adds one paid deal; a deal without a name, age, season or positive fee is not added (SL_OK).
 *  SL_ENOMEM only. Call sl_fees_history_seal() before looking anything up. */
int sl_fees_history_add(sl_fees_history *h, const char *name, double age, int season, double fee);
/** Adds every deal of d (a model's training deals). SL_ENOMEM only. */
int sl_fees_history_add_deals(sl_fees_history *h, const sl_fees_deals *d);
void sl_fees_history_seal(sl_fees_history *h);
/** The latest season of a paid deal it holds (0 when empty): a later fee is not in it. */
int sl_fees_history_last_season(const sl_fees_history *h);
/** The player's latest paid fee in a season before `season` (the larger of that season's), EUR,
 *  and its season in *fee_season; 0 (season 0) when the history has none, or he has no name; NAN
 *  when age or season is unknown, or the history is not sealed. */
double sl_fees_history_last(const sl_fees_history *h, const char *name, double age, int season, int *fee_season);
/** m->history_ from m->deals, for a model with a last-fee term whose deals carry last fees
 *  (none otherwise). SL_ENOMEM only. */
int sl_fees_model_history_build(sl_fees_model *m);
/** p's last fee from the model's deals when p does not say it (NAN) and the model reads it. */
void sl_fees_resolve_last_fee(const sl_fees_model *m, sl_fees_player *p);

/** Frees a club index; NULL does nothing. */
void sl_fees_club_index_free_(void *index);

/** Sets m->range_low/range_high from m->deals (NAN without deals). */
void sl_fees_ranges_build(sl_fees_model *m);

/** Builds the model's club -> league index from m->deals (replacing any earlier one), with the
 *  buying-club columns' means over the training deals of each buying league. */
int sl_fees_club_index_build(sl_fees_model *m);

/** The buying-club columns (term t) of a player whose buying club is unknown but whose buying
 *  league is known: their mean over the training deals bought by that league's clubs (its
 *  average buyer, not the whole market's); c NULL only asks. 0 (c untouched) when the model has
 *  no such means or the player no known buying league. */
int sl_fees_league_buyer_means(const sl_fees_model *m, const sl_fees_term *t, const sl_fees_player *p, double *c);

/** Copies s into the deal list's string pool (NULL stays NULL). NULL when out of memory. */
const char *sl_fees_pool_strdup(sl_fees_deals *d, const char *s);

/** A new empty deal list; NULL when out of memory. */
sl_fees_deals *sl_fees_deals_new(void);

/** Appends a note to the deal list (copied). */
int sl_fees_deals_note(sl_fees_deals *d, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/** Adds a deal (its strings are copied into the pool). */
int sl_fees_deals_push(sl_fees_deals *d, const sl_fees_deal *deal);

/** Adds a file name; returns its index or (uint32_t)-1. */
uint32_t sl_fees_deals_add_file(sl_fees_deals *d, const char *path);

/** A model with empty terms; NULL when out of memory. */
sl_fees_model *sl_fees_model_alloc(void);

/** Decides terms, levels and column names of m from the deals idx[0..n); notes say what was
 *  dropped (appended to note). */
int sl_fees_model_setup(sl_fees_model *m, const sl_fees_deals *d, const size_t *idx, size_t n,
                        const sl_fees_options *o, char *note, size_t note_size);

/** Fits a model on deals idx[0..n) of d (the model borrows d; m->deals stays NULL). */
int sl_fees_fit_subset(const sl_fees_deals *d, const size_t *idx, size_t n,
                       const sl_fees_options *opt, sl_fees_model **out, char *note,
                       size_t note_size, sl_error *err);

/** One design row for p (x has m->p entries). Unknown values of averaged terms take the
 *  column means; known[t] (may be NULL) is set to 0 for those. Returns SL_EDATA with a
 *  message when age, position or a used market value is unknown. */
int sl_fees_design_row(const sl_fees_model *m, const sl_fees_player *p, double *x, int *known,
                       sl_error *err);

/** The value of a numeric variable for p (market value in EUR, not its log); NAN for a factor
 *  or an unknown value. */
double sl_fees_player_numeric(const sl_fees_player *p, sl_fees_var v);

/** x'coef over the design columns. */
double sl_fees_linear(const sl_fees_model *m, const double *x);

/** The predictive distribution of log fee for one design row: x'b plus the calibration
 *  residuals of the player's market-value band (conformal), or Student t around x'b. */
typedef struct sl_fees_dist {
  double center;      /* x'b */
  double se, df;      /* t scale sqrt(se_fit² + sigma²) and residual df */
  double smearing;    /* the model's, for the t mean */
  const double *z;    /* sorted residuals (conformal), NULL for t; borrowed from the model */
  size_t nz;
} sl_fees_dist;

int sl_fees_dist_of(const sl_fees_model *m, const double *x, double market_value, sl_fees_dist *dist,
                    sl_error *err);
/** sl_fees_value for a player known only by a line (group -1, line_groups set): the mixture of
 *  the line's groups (fees_mixture.c). */
int sl_fees_value_line(const sl_fees_model *m, const sl_fees_player *p, double level, double bid,
                       sl_fees_valuation *out, sl_error *err);
/** Log-scale quantile q of the distribution. */
double sl_fees_dist_quantile(const sl_fees_dist *d, double q);
/** P(log fee >= log_bid). */
double sl_fees_dist_upper(const sl_fees_dist *d, double log_bid);
/** The mean fee (EUR): exp(x'b) times the mean of exp(residual) (smearing for t). */
double sl_fees_dist_mean(const sl_fees_dist *d);
/** Quantile q of n sorted residuals z: linear interpolation between plotting points
 *  (i - 1/2)/n, the ends beyond them. */
double sl_fees_residual_quantile(const double *z, size_t n, double q);
/** The matching CDF at g: 0 below z[0], 1 from z[n-1]. */
double sl_fees_residual_cdf(const double *z, size_t n, double g);

/** The market-value band of a value (0: under SL_FEES_BAND_1, 1: under SL_FEES_BAND_2, 2:
 *  above), -1 for an unknown value: the bands of the intervals and of their coverage report. */
int sl_fees_band_of(double market_value);

/** Median, interval at `level` (log scale) and the t scale for a design row. */
int sl_fees_interval_of(const sl_fees_model *m, const double *x, double market_value, double level,
                        double *median, double *low, double *high, double *se_pred, sl_error *err);

/** The level of a season in a season factor: the latest level at or before it (a later season
 *  carries the last level forward), else the earliest; -1 for an unknown season (0). */
long sl_fees_season_level(const sl_fees_term *t, int season);

/** Level index of label in a factor term, or -1 (exact, then pooled/outside rules). */
long sl_fees_level_index(const sl_fees_term *t, const char *label);

/* p's buying club as m's level when the name is another spelling of one with the same words
 * (sl_name_club_find_same: a predict row's "Chelsea" is the level "Chelsea FC", as
 * `--buyer-club Chelsea` is; the looser match a user's typing gets would take "Inter Turku" for
 * "Inter"); left as given otherwise. For every valuation by a model (value, predict, the held-out evaluation),
 * never for training, whose labels are the rows' own. */
void sl_fees_resolve_buyer(const sl_fees_model *m, sl_fees_player *p);

/* m->buyer_keys_ for sl_fees_resolve_buyer, once the terms are set (a model without a buying-club
 * term gets none); and its release. SL_ENOMEM only. */
int sl_fees_buyer_keys_build(sl_fees_model *m);
void sl_fees_buyer_keys_free_(void *keys);
/* The label of factor variable v (buying or selling league, buying club, position group) of p,
 * as the factor's levels name it; NULL when not known (a valuation's buyer). */
const char *sl_fees_player_label(const sl_fees_player *p, sl_fees_var v);

/* ---- terms as data (fees_terms.c) ---------------------------------------------------------- */

/** 1 when a term of this variable, kind, partner (-1 none) and knot count can exist: the one
 *  rule the term-list parser and the model loader both apply. */
int sl_fees_term_shape_ok(int var, int kind, int partner, size_t nknots);

/** 1 when the term has the form the default list gives its variable (age quadratic, the factors,
 *  the season as trend or level, every other variable linear): a model of such terms only is
 *  written in format 2 or 3. */
int sl_fees_term_is_classic(const sl_fees_term *t);

/** The design columns a term of its kind, levels and knots has. */
size_t sl_fees_term_columns(const sl_fees_term *t);

/** The name of variable v: sl_fees_var_name(), or for a column term its column's name among
 *  columns[0..ncolumns) ("" when out of range). */
const char *sl_fees_var_label(int v, const char *const *columns, size_t ncolumns);

/** Sets t->name: the variable's name, or a composed one for a spline, an interaction or a column
 *  term (then owned by the term, t->label_); columns name the column terms. SL_ENOMEM. */
int sl_fees_term_label(sl_fees_term *t, const char *const *columns, size_t ncolumns);

/** The name of column k of term t into b. */
void sl_fees_column_name(const sl_fees_term *t, size_t k, const char *const *columns, size_t ncolumns, char *b,
                         size_t size);

/** The column terms a rows reader reads (their names, in its order) and, bit k of *found, which
 *  the table has. Returns how many. Borrowed from the reader. */
size_t sl_fees_rows_term_columns(const sl_fees_rows *rows, const char *const **names, unsigned *found);
/** 1 when the rows looked up each row's last fee (sl_fees_player.last_fee). */
int sl_fees_rows_has_history(const sl_fees_rows *rows);


/** Knots of a k-knot spline at Harrell's quantiles of x[0..n) (unsorted), increasing; tied
 *  quantiles are one knot, so *nknots may be below k. SL_ENOMEM. */
int sl_fees_spline_knots(const double *x, size_t n, size_t k, double *knots, size_t *nknots);

#endif
