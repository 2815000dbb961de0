/* fees.h - the hedonic transfer-fee model: which past transfers to learn from, the log-fee
 * regression, honest intervals, and the answers for one player (fair fee, P(fee >= bid),
 * reasons, comparables, what-if). docs/fee-model.md explains every choice.
 *
 * Model: log(fee) = b0 + age + age² + position group + buying league + selling league
 *                  + season + log(market value) + contract months left + minutes share + e,
 *                  and with performance from a stats history (scoutlab/perf.h) the season
 *                  before's starts share, npxG+xAG per 90, progressive actions per 90 and his
 *                  club's points per match.
 * These are the default terms; sl_fees_options.terms declares another list ("age,age^2,position,
 * spline(log_mv,4),log_mv:age", sl_fees_terms_parse), with restricted cubic splines and
 * interactions. A term whose column is absent from the data is dropped with a note (never an
 * error).
 * Median fee = exp(prediction); expected fee = median x Duan's smearing factor mean(exp(e_i)).
 * Intervals: Student-t prediction intervals from the regression, or split-conformal quantiles
 * of held-out log residuals when the t-interval's held-out coverage is off (model->interval).
 *
 * Ownership: sl_fees_deals and sl_fees_model are created by the functions here; the caller owns
 * them and frees them with sl_fees_deals_free() / sl_fees_model_free(). Everything a model or a
 * valuation points to (terms, levels, deals, notes) is borrowed from the model and valid until
 * it is freed. Tables handed in are borrowed. Nothing here prints.
 *
 *   sl_fees_model *m = NULL; sl_fees_report *rep = NULL; sl_fees_valuation v; sl_error err;
 *   if (sl_fees_fit_files(paths, n, NULL, &m, &rep, &err) == SL_OK &&
 *       sl_fees_value(m, &player, 0.8, 25e6, &v, &err) == SL_OK) printf("%.0f\n", v.fair_fee);
 */
#ifndef SCOUTLAB_FEES_H
#define SCOUTLAB_FEES_H

#include <stddef.h>
#include <stdint.h>

#include "scoutlab/error.h"
#include "scoutlab/regress.h"
#include "scoutlab/table.h"

#include "scoutlab/export.h"
SL_BEGIN_DECLS /* C linkage, exported; thread safety: see scoutlab/export.h */

/** Newest model file version, written by sl_fees_save() for a model with a last-fee term (each
 *  deal line ends with his last fee and its season; the variables are ones a version-5 reader
 *  refuses). Version 5 for a model with a buying-club term
 *  (the layout of version 4; the term's variable is one a version-4 reader refuses, so an older
 *  scoutlab says "version 5" rather than misreading it). Version 4 for a model with declared
 *  terms of the new kinds (splines, interactions, a variable in another form than the default's:
 *  knots and interaction partners on each term line); version 3 for a model with performance
 *  terms (their variables and the deals' performance values); any other model is written as
 *  SL_FEES_FORMAT_VERSION_MIN, byte for byte as before. sl_fees_load() reads all four and
 *  refuses any other version. */
#define SL_FEES_FORMAT_VERSION 6
/** The version that added the buying club. */
#define SL_FEES_FORMAT_VERSION_CLUB 5
/** The version of a model with declared terms (knots and partners on each term line). */
#define SL_FEES_FORMAT_VERSION_DECLARED 4
/** The version of a model with performance terms and only the default forms of terms. */
#define SL_FEES_FORMAT_VERSION_PERFORMANCE 3
/** Oldest model file version sl_fees_load() reads (recency weights, season levels, bands). */
#define SL_FEES_FORMAT_VERSION_MIN 2
/** Default interval level everywhere (issue 5: "default 0.8 everywhere"). */
#define SL_FEES_DEFAULT_LEVEL 0.8
/** Default folds of the k-fold accuracy (5 keeps 80% of the deals in every training set). */
#define SL_FEES_DEFAULT_FOLDS 5
/** The out-of-time check every command shows by default (workspace fits, the fee chart, the
 *  report): the last three training seasons held out (enough deals for a stable figure while
 *  training stays close to the present), and one seed for folds and the calibration split. */
#define SL_FEES_DEFAULT_HOLDOUT_SEASONS 3
#define SL_FEES_DEFAULT_SEED 1
/** Share of the training deals (the latest seasons) the inner split holds out to choose the
 *  recency setting; the intervals are calibrated on at least the latest 40% (fees_fit.c,
 *  SL_FEES_CALIBRATION_WINDOW), or on a random share this size without seasons. */
#define SL_FEES_DEFAULT_CALIBRATION 0.25
/** Largest number of model terms (the default list has twelve with performance terms; a
 *  declared list adds splines and interactions). */
#define SL_FEES_MAX_TERMS 24
/** Numeric columns of the transfers file a declared term list may name (column(NAME)): a
 *  club's own measures (height, a scouting grade...); eight is room for any list a person writes. */
#define SL_FEES_MAX_COLUMN_TERMS 8
/** Longest such column name, bytes including the NUL. */
#define SL_FEES_COLUMN_NAME_MAX 64
/** Notes one valuation can carry: one per term (unknown, or extrapolated beyond the training
 *  range) and as many again for what the caller assumed about the player's record. */
#define SL_FEES_MAX_NOTES (2 * SL_FEES_MAX_TERMS)
/** Length of a note or a term's value description, bytes including the NUL. */
#define SL_FEES_NOTE_MAX 200

/* ---- position groups ---------------------------------------------------------------------- */

/** The six position groups of the model (docs/fee-model.md lists the mapping). */
typedef enum sl_fees_group {
  SL_FEES_GK = 0, /* goalkeeper */
  SL_FEES_CB,     /* centre-back, sweeper */
  SL_FEES_FB,     /* full-backs and wing-backs */
  SL_FEES_CM,     /* defensive and central midfield ("DM/CM", the reference group) */
  SL_FEES_AMW,    /* attacking midfield, wingers, wide midfielders ("AM/W") */
  SL_FEES_CF,     /* centre-forward, second striker */
  SL_FEES_GROUP_COUNT
} sl_fees_group;

/** The group of a position as Transfermarkt or scoutlab writes it ("CB", "Centre-Back",
 *  "Left Winger", "AM/W"...), case-insensitive. Returns the group, -1 when the text names only
 *  a line of the team ("defence", "Defensa", "DF", "MF"...) and -2 when it is unknown. */
int sl_fees_position_group(const char *position);

/** The groups a line of the team may be, as a bit set (1u << group): defence ("defence",
 *  "Defensa", "DF") CB and FB; midfield DM/CM and AM/W; attack AM/W and CF; a list of lines
 *  (FBref's "DF,MF") their union. 0 when the text is no line (a group, or unknown). A player
 *  known only by a line is valued as the mixture of those groups, weighted by the model's
 *  training deals (sl_fees_value). */
unsigned sl_fees_position_line(const char *position);

/** Label of a group ("GK", "CB", "FB", "DM/CM", "AM/W", "CF"); "" for an invalid group. */
const char *sl_fees_group_name(int group);

/** A player's position as the model values it, for output: his group ("CB"), the groups of his
 *  line ("CB/FB": a line, valued as their mixture), or "" when unknown. Writes into buf. */
const char *sl_fees_position_text(int group, unsigned line_groups, char *buf, size_t size);

/* ---- row selection ------------------------------------------------------------------------ */

/** Why a transfer row was not used. Every row read is used or counted under one reason, the
 *  first that applies in this order. */
typedef enum sl_fees_reason {
  SL_FEES_USED = 0,          /* kept */
  SL_FEES_SKIP_SEASON,       /* season missing or outside --since/--until */
  SL_FEES_SKIP_LOAN,         /* is_loan true, or a fee written as a loan ("loan transfer",
                                "Loan fee:£1.80m", "End of loanJun 30, 2021": ewenme/transfers) */
  SL_FEES_SKIP_FEE_UNKNOWN,  /* fee empty (undisclosed) */
  SL_FEES_SKIP_FREE,         /* fee 0, or written as a free transfer ("free transfer", "ablösefrei") */
  SL_FEES_SKIP_MOVEMENT,     /* movement neither in nor out */
  SL_FEES_SKIP_DUPLICATE,    /* out row of a move that the buyer also lists as in */
  SL_FEES_SKIP_AGE,          /* age missing */
  SL_FEES_SKIP_POSITION,     /* position missing or only a line ("defence") */
  SL_FEES_SKIP_MARKET_VALUE, /* market value missing while the model uses it */
  SL_FEES_SKIP_IMPOSSIBLE,   /* a value that cannot be true: a fee that is not an amount or negative
                                (checked before "free"), or on a paid transfer (checked before the
                                movement) a market value not an amount or negative, age outside
                                SL_FEES_MIN_AGE..SL_FEES_MAX_AGE, minutes share outside 0..1,
                                negative contract months; the skipped-rows report names it */
  SL_FEES_SKIP_MALFORMED,    /* dropped before selection by the loader (wrong number of fields,
                                every field empty) or a season filter: t->nskipped on entry */
  SL_FEES_SKIP_RELISTED,     /* the same move (player, season, both clubs, fee within rounding)
                                listed again by the same side (Transfermarkt lists some in two
                                windows); checked after the movement */
  SL_FEES_SKIP_REPEATED_ROW, /* equal in every cell to an earlier row (the same file twice, or
                                overlapping exports); checked after the early reasons */
  SL_FEES_SKIP_CURRENCY,     /* a fee (checked before "impossible") or, while the model uses it,
                                a market value (checked before "market value missing") in another
                                currency than euros ("£6.30m"): amounts are euros, no rate guessed */
  SL_FEES_REASON_COUNT
} sl_fees_reason;

/** Ages a transfer row can hold: professional contracts start at 15 (a year of margin below),
 *  and no outfield player or keeper has moved for a fee past 50. */
#define SL_FEES_MIN_AGE 14.0
#define SL_FEES_MAX_AGE 50.0

/** Largest market value a row or a player can hold, EUR: ten times the highest ever listed
 *  (about EUR 200m); beyond it a value is a typo or a unit error, refused, never extrapolated. */
#define SL_FEES_MAX_MARKET_VALUE 2e9
/** Smallest market value a row or a player can hold, EUR: Transfermarkt lists none below
 *  EUR 10,000, so an amount under EUR 1,000 is another unit (15 meant as 15m) or a typo. Fees
 *  have no such floor: token fees of EUR 50-500 are real. */
#define SL_FEES_MIN_MARKET_VALUE 1000.0
/** Most contract months left a row or a player can hold: ten years. FIFA caps contracts at five
 *  years where national law allows no longer (RSTP art. 18.2); the longest known ran 8.5. */
#define SL_FEES_MAX_CONTRACT_MONTHS 120.0
/** A valuation input farther outside the training deals' range than this share of the range's
 *  width (on the model's scale: log for the market value) is flagged as extrapolation. */
#define SL_FEES_RANGE_MARGIN 0.1
/** Seasons outside the training seasons that are not flagged: valuing the transfer window after
 *  the last training season is what a model is for. */
#define SL_FEES_SEASON_MARGIN 1
/** A machine key for a reason ("used", "loan", "fee_unknown", "free_transfer"...), stable
 *  across versions for JSON; sl_fees_reason_text gives the sentence. "" for an invalid one. */
const char *sl_fees_reason_key(sl_fees_reason reason);

/** Plain-words text of a reason ("loan", "listed twice (out side of an in move)"). */
const char *sl_fees_reason_text(sl_fees_reason reason);

/** Attributes of a player at a transfer (a past deal or one to value). Unknown numbers are
 *  NAN, unknown texts NULL, unknown group -2, unknown season 0. */
typedef struct sl_fees_player {
  const char *name;         /* player name */
  const char *club;         /* his club (the seller) */
  const char *buyer_club;   /* the buying club, NULL when not known (a valuation) */
  double age;               /* years at the transfer */
  int group;                /* sl_fees_group, or -2 unknown */
  const char *league;       /* the selling club's league (a model level or a country) */
  const char *buyer_league; /* the buying club's league, NULL = a typical buyer */
  int season;               /* first year of the season, e.g. 2025 for 2025/26 */
  double market_value;      /* EUR, not millions */
  int market_value_season;  /* the season that market value is of (a values file's), when known
                               and not the transfer's own; 0 = current (a deal's, a stated one)
                               or unknown */
  double contract_months;   /* months left on the contract with the seller */
  double minutes_share;     /* share of the team's league minutes, 0..1 */
  unsigned line_groups;     /* group -1 (only a line of the team is known): the groups that line
                               may be, bit (1u << group) each (sl_fees_position_line); 0 none */
  /* Performance in the season before (scoutlab/perf.h, sl_perf_apply); minutes_share above is
   * that season's when it comes from the stats. */
  double starts_share;      /* league starts / his club's league matches, 0..1 */
  double npxg_xag_per90;    /* non-penalty xG + expected assists per 90 */
  double progressive_per90; /* progressive passes + progressive carries per 90 */
  double team_points;       /* his club's league points per match, 0..3 */
  int stats_season;         /* first year of the stats season these come from; 0 = none */
  /* His latest paid transfer in a season before this one (the last_fee term): EUR, 0 when the
   * history has none (never sold for a fee, or only outside it), NAN not looked up; and its
   * season (0 none). From the transfers read, else the model's deals. */
  double last_fee;
  int last_fee_season;
  /* Values of a model's column terms (a declared column(NAME) of the transfers file), in the
   * order of the model's column_names; NAN unknown. */
  double column[SL_FEES_MAX_COLUMN_TERMS];
} sl_fees_player;

/** One past transfer as the model learned from it. Strings are owned by the deal list. */
typedef struct sl_fees_deal {
  sl_fees_player player; /* attributes; league / buyer_league are the model's level labels */
  double fee;            /* EUR */
  const char *buyer;     /* buying club */
  uint32_t file;         /* index into sl_fees_deals.files */
  long line;             /* source line */
  int from_out_row;      /* 1: known only from the seller's out row (buyer outside coverage) */
} sl_fees_deal;

/** sl_fees_options.classic_terms: the first version's list, or the default's on few deals. */
#define SL_FEES_TERMS_CLASSIC 1
#define SL_FEES_TERMS_FEW 2

/** Options of the selection and the fit; a zeroed struct (or NULL) gives the defaults. */
typedef struct sl_fees_options {
  int since, until;          /* seasons kept, inclusive; 0 = no bound */
  int holdout_from;          /* time split: train before it, test on it and later; 0 = none */
  int rolling_from;          /* rolling one-season-ahead evaluation of every season from it on
                                (each trained on the seasons before); 0 = none */
  int no_market_value;       /* 1: leave log(market value) out of the model */
  int ridge;                 /* 1: ridge (GCV penalty) for the point predictions */
  int interval;              /* 0 auto, 1 always t, 2 always conformal */
  int season_hold;           /* 1: hold the season term at the nearest training season;
                                0 (default): extrapolate the linear trend (measured better on
                                both time splits, docs/fee-model.md) */
  double level;              /* 0 = SL_FEES_DEFAULT_LEVEL */
  unsigned folds;            /* 0 = SL_FEES_DEFAULT_FOLDS; 1 = no k-fold */
  uint64_t seed;             /* folds and calibration split (0 is a valid seed) */
  double calibration_share;  /* inner split's share; 0 = SL_FEES_DEFAULT_CALIBRATION */
  int season_mode;           /* how the season enters: 0 = chosen by the inner time split
                                (SL_FEES_SEASON_AUTO), or one sl_fees_season_mode */
  double half_life;          /* training weight 0.5^((last season - season) / half_life):
                                0 = chosen by the inner time split, > 0 fixed (seasons),
                                SL_FEES_NO_WEIGHTS (< 0) = every deal weighs 1 */
  int performance;           /* 1: learn from the deals joined to stats (stats_season != 0, see
                                scoutlab/perf.h) with the performance terms; the time split
                                then also scores the model without them on the same deals */
  const char *terms;         /* the declared term list (sl_fees_terms_parse: "age,age^2,position,
                                spline(log_mv,4),log_mv:age"...), borrowed; NULL = the default
                                list (SL_FEES_DEFAULT_TERMS, every term its data allow; the
                                classic one on fewer than SL_FEES_MIN_RICH_DEALS deals) */
  int classic_terms;         /* with terms = NULL, SL_FEES_TERMS_CLASSIC: the classic list
                                (SL_FEES_CLASSIC_TERMS) whatever the number of deals;
                                SL_FEES_TERMS_FEW: the few-deals list (set by the fit itself) */
  const char *rates;         /* euros per unit of the other currencies the fees and market values
                                are written in, "GBP=1.16,USD=0.92", borrowed; NULL = none: such
                                amounts are not read (SL_FEES_SKIP_CURRENCY). At most
                                SL_FEES_MAX_RATES currencies. */
} sl_fees_options;

/** Currencies sl_fees_options.rates can convert (a file of fees is in one or two). */
#define SL_FEES_MAX_RATES 8

/** How the season enters the model. */
typedef enum sl_fees_season_mode {
  SL_FEES_SEASON_AUTO = 0,  /* the inner time split chooses among the three below */
  SL_FEES_SEASON_TREND = 1, /* linear trend (constant fee inflation), extrapolated or held */
  SL_FEES_SEASON_LEVEL = 2, /* one level per season; a later season takes the last one's level */
  SL_FEES_SEASON_NONE = 3   /* no season term (recency only through the weights) */
} sl_fees_season_mode;

/** sl_fees_options.half_life: no recency weights. */
#define SL_FEES_NO_WEIGHTS (-1.0)
/** Half-lives (seasons) the inner time split tries, besides no weights: the peers found
 *  1-4 seasons best; longer ones are close to unweighted on 18 seasons. */
#define SL_FEES_HALF_LIVES {1.0, 2.0, 3.0, 4.0}
#define SL_FEES_NHALF_LIVES 4
/** Market-value bands with their own interval width (conformal per band): under EUR 1m,
 *  1-5m, 5m and more (issue 15: one width covered 64% under 1m and 85% over 5m). */
#define SL_FEES_BAND_1 1e6
#define SL_FEES_BAND_2 5e6
#define SL_FEES_MAX_BANDS 3

/** The deals selected from transfer rows, with the count of every reason. */
typedef struct sl_fees_deals {
  size_t n;                 /* deals kept */
  sl_fees_deal *deal;       /* n deals */
  size_t rows_read;         /* rows looked at, including those the loader skipped (MALFORMED) */
  size_t count[SL_FEES_REASON_COUNT]; /* count[SL_FEES_USED] == n; the counts sum to rows_read */
  size_t out_rows_kept;     /* kept deals that came from an out row (buyer outside coverage) */
  int has_market_value, has_contract, has_minutes, has_leagues, has_season; /* columns seen */
  int has_performance;      /* joined to a stats history (sl_perf_join) */
  int has_last_fee;         /* each deal's player.last_fee was looked up in the transfers read */
  char *column_names[SL_FEES_MAX_COLUMN_TERMS]; /* the declared column terms' columns, owned:
                               deal.player.column[k] is the value of column_names[k] */
  size_t ncolumns;
  unsigned has_columns;     /* bit k: the table had column_names[k] */
  char **files;             /* source files, nfiles */
  size_t nfiles;
  char **notes;             /* what was assumed about the columns, nnotes */
  size_t nnotes;
  void *pool_;              /* private: string storage */
} sl_fees_deals;

/** Selects the deals of a transfer table (Transfermarkt columns: name, age, position/short_pos,
 *  market_value, club, league, dealing_club, dealing_country, fee, movement, season, is_loan;
 *  optional contract_months_left / contract_until, minutes_share). Each dropped row is also
 *  recorded in t's skipped report (sl_table_add_skip) when t is not NULL-const. Returns SL_OK
 *  and a new list the caller frees with sl_fees_deals_free(); SL_ENOTFOUND (naming the column)
 *  when fee, age or position is absent. */
int sl_fees_deals_from_table(sl_table *t, const sl_fees_options *opt, sl_fees_deals **out,
                             sl_error *err);

/** A last fee as written: "none" (0: never sold for a fee) or an amount in euros above 0 ("11m",
 *  "EUR 11,000,000") into *eur. SL_OK, or SL_EINVAL for anything else. */
int sl_fees_last_fee_parse(const char *text, double *eur);

/** Frees a deal list; NULL does nothing. */
void sl_fees_deals_free(sl_fees_deals *d);

/* ---- the one row reader ---------------------------------------------------------------------- */

/** A table read the way the fee model reads it: each row's player attributes (buying and
 *  selling league from the row's side and the other side's listing, the season in any common
 *  form, league column aliases) and the reason fit would give it. Built once per table (the
 *  listings are matched and repeated rows found in one pass); fit, the held-out evaluations,
 *  predict and value all read rows through it, so the same row is the same deal everywhere.
 *  Borrows the table (and the model, only while it is built). */
typedef struct sl_fees_rows sl_fees_rows;
struct sl_fees_model;

/** Builds the reader. opt gives the season range, market-value rule and exchange rates of the
 *  selection (NULL: defaults; SL_EINVAL for rates that are not "CODE=euros,..."). m (may be NULL) gives a league to rows that have a club but no league column, from
 *  the model's training deals (one index, built with the model). The caller frees *out with
 *  sl_fees_rows_free(). */
int sl_fees_rows_new(const sl_table *t, const sl_fees_options *opt, const struct sl_fees_model *m, sl_fees_rows **out,
                     sl_error *err);

/** Why row r's market value (when the reader's model uses it; what a valuation reads) or, with
 *  with_fee, its fee (what fit and a score read) cannot be read in euros, no rate being given
 *  for its currency: "market_value '£9.00m' is in GBP, not euros"; NULL when they can. */
const char *sl_fees_rows_currency(const sl_fees_rows *x, size_t r, int with_fee, char *why, size_t size);

/** Why row r's season cell is not a season ("season '1e400' is not a season (expected e.g.
 *  2022, 2022/23...)") into why; NULL when it is one or is missing. A row so damaged is not
 *  valued at some other season. */
const char *sl_fees_rows_bad_season(const sl_fees_rows *x, size_t r, char *why, size_t size);

/** 1 when the club column of the table's file `file` (an index into its files) is not read: in
 *  at least 5 moves both sides list, most of its rows name a club other than the one the other
 *  side's listing names (a misassigned column: transfermarkt-transfers' 2021 folder). Its rows
 *  are then read without their own club (the buying club of an in row, the selling club of an
 *  out row: unknown). *agree and *pairs (may be NULL) get the counts. */
int sl_fees_rows_clubs_unread(const sl_fees_rows *x, size_t file, size_t *agree, size_t *pairs);

/** The note that says so, naming the file and the counts, into buf; NULL when its clubs are read. */
const char *sl_fees_rows_clubs_note(const sl_fees_rows *x, size_t file, char *buf, size_t size);

/** The exchange rates of the options that no fee or market value of the table is in (a typing
 *  error, "GPB=1.16", or the wrong files), said in buf: "exchange rate for GPB given, but no fee
 *  or market value is in it (the other currencies of the files: GBP)"; NULL when every rate is
 *  read or none was given. */
const char *sl_fees_rows_rates_note(const sl_fees_rows *x, char *buf, size_t size);

/** Frees a reader; NULL does nothing. */
void sl_fees_rows_free(sl_fees_rows *rows);

/** The season rule of a reader (the same as the workspace's): a deal's season is its own
 *  transfer season; a player's row (a table without a fee or movement column) holds the
 *  season of his data (a season column, else the season in the file name, else data_season),
 *  and is valued for the transfer window after it (2024/25 data -> the 2025 window). window
 *  (0 = none) values every row for that transfer season instead. Rows with no season at all
 *  get 0 (the caller's default, e.g. the model's last season). */
void sl_fees_rows_seasons(sl_fees_rows *rows, int data_season, int window);

/** Row r's attributes; p->season is the transfer season valued (sl_fees_rows_seasons). Strings
 *  are borrowed from the table or the reader. */
void sl_fees_rows_player(const sl_fees_rows *rows, size_t r, sl_fees_player *p);

/** The reason fit gives row r (the order of sl_fees_reason), or SL_FEES_USED for a deal it
 *  learns from. */
sl_fees_reason sl_fees_rows_reason(const sl_fees_rows *rows, size_t r);

/** The fee of row r (EUR), NAN when missing. */
double sl_fees_rows_fee(const sl_fees_rows *rows, size_t r);

/* ---- the model ---------------------------------------------------------------------------- */

/** Kinds of terms. */
typedef enum sl_fees_term_kind {
  SL_FEES_TERM_LINEAR = 0,   /* one column */
  SL_FEES_TERM_QUADRATIC,    /* value and value² */
  SL_FEES_TERM_FACTOR,       /* dummies against the first level */
  SL_FEES_TERM_SPLINE,       /* restricted (natural) cubic spline: the value and nknots - 2 cubic
                                parts, linear beyond the boundary knots (Harrell 2015, 2.4.5) */
  SL_FEES_TERM_INTERACTION   /* var times partner: one product column for a numeric partner, the
                                value times each non-reference level's dummy for a factor one */
} sl_fees_term_kind;
#define SL_FEES_TERM_KIND_COUNT 5

/** Knots a spline may have: Harrell's quantile table covers 3 to 7 (more is never needed for
 *  a few thousand deals, and 3 is the fewest that bend). */
#define SL_FEES_MIN_KNOTS 3
#define SL_FEES_MAX_KNOTS 7

/** Variables a term can read. */
typedef enum sl_fees_var {
  SL_FEES_VAR_AGE = 0, SL_FEES_VAR_POSITION, SL_FEES_VAR_BUYER_LEAGUE, SL_FEES_VAR_SELLER_LEAGUE,
  SL_FEES_VAR_SEASON, SL_FEES_VAR_MARKET_VALUE, SL_FEES_VAR_CONTRACT, SL_FEES_VAR_MINUTES,
  /* performance terms (format version 3): the season before's, from a stats history */
  SL_FEES_VAR_STARTS,       /* starts share */
  SL_FEES_VAR_NPXG_XAG,     /* npxG + xAG per 90 */
  SL_FEES_VAR_PROGRESSIVE,  /* progressive passes + carries per 90 */
  SL_FEES_VAR_TEAM_POINTS,  /* his club's points per match */
  SL_FEES_VAR_BUYER_CLUB,   /* the buying club (format version 5): a factor of the clubs with
                               enough training deals, the rest pooled; what a club pays beyond
                               its league's level */
  SL_FEES_VAR_LAST_FEE,     /* log of his latest paid fee of an earlier season, 0 when none
                               (format version 6); always with SL_FEES_VAR_NO_LAST_FEE */
  SL_FEES_VAR_NO_LAST_FEE,  /* 1 when he has no paid fee before (then log last fee is 0) */
  SL_FEES_VAR_COUNT
} sl_fees_var;

/** Variable k of a model's column terms (a numeric column of the transfers file, named in the
 *  model's column_names[k]): the variables after SL_FEES_VAR_COUNT. */
#define SL_FEES_VAR_COLUMN(k) ((sl_fees_var)(SL_FEES_VAR_COUNT + (k)))
/** One past the last variable a term can read (the model's variables and the column terms). */
#define SL_FEES_VAR_MAX (SL_FEES_VAR_COUNT + SL_FEES_MAX_COLUMN_TERMS)

/** 1 for a variable only a stats history gives (starts share to club points per match; minutes
 *  share, which a transfers file may also give, is not one): a model file with one is version 3. */
int sl_fees_var_is_performance(sl_fees_var v);

/** Name of a variable as the model's terms write it ("age", "starts share"); "" when invalid. */
const char *sl_fees_var_name(sl_fees_var v);

/** The machine name of a variable in a term list ("age", "log_mv", "buyer_league"); "" when
 *  invalid. docs/fee-model.md lists them. */
const char *sl_fees_var_key(sl_fees_var v);

/** 1 for a variable that is a factor (position, buying and selling league, buying club); the
 *  season is neither (its form is the season mode's). */
int sl_fees_var_is_factor(sl_fees_var v);

/** One model term and its columns in the design (column 0 is the intercept). */
typedef struct sl_fees_term {
  sl_fees_var var;      /* the variable; for an interaction the numeric one */
  sl_fees_term_kind kind;
  const char *name;     /* "age", "position", "log market value:age"... owned by the model or
                           static */
  size_t first, count;  /* design columns */
  char **levels;        /* factor levels, the reference first (a factor, or an interaction's
                           factor partner); owned by the model */
  size_t nlevels;
  int partner;          /* INTERACTION: the other variable (an sl_fees_var), else -1 */
  size_t nknots;        /* SPLINE: knots, SL_FEES_MIN_KNOTS..SL_FEES_MAX_KNOTS, else 0 */
  double knots[SL_FEES_MAX_KNOTS]; /* on the model's scale (log EUR for market value), at
                                      Harrell's quantiles of the training deals, increasing */
  char *label_;         /* private: storage of a composed name */
} sl_fees_term;

/* ---- declared terms --------------------------------------------------------------------------- */

/** The default term list (sl_fees_options.terms = NULL): every variable the data allow; the
 *  season's form is the season mode's. Market value enters as a spline with its age interaction,
 *  and the buying club as a factor: out of time on the real transfers they cut log-RMSE from
 *  0.840 to 0.797 (train to 2016, test 2017-2020), from 0.870 to 0.845 (train to 2012, test
 *  2013-2016) and from 0.834 to 0.791 (rolling one season ahead, 2013-2020; docs/fee-model.md). */
#define SL_FEES_DEFAULT_TERMS                                                                        \
  "age,age^2,position,buyer_league,seller_league,season,spline(log_mv,4),log_mv:age,buyer_club,"    \
  "contract,minutes,starts,npxg_xag,progressive,team_points"

/** The classic term list: the first version's terms, every one linear (saved as a version-2
 *  model file). The default list falls back to it on fewer than SL_FEES_MIN_RICH_DEALS deals. */
#define SL_FEES_CLASSIC_TERMS                                                                        \
  "age,age^2,position,buyer_league,seller_league,season,log_mv,contract,minutes,starts,npxg_xag,"   \
  "progressive,team_points"

/** What the default list (and the classic list the fit falls back to on few deals) adds for a
 *  model without market value: his last paid fee. Out of time on transfers-tm with the stats it
 *  cut the performance model's log-RMSE from 1.034 to 0.971 (train 2018, test 2019-2020) and
 *  from 0.944 to 0.900 (train to 2019, test 2020); with market value it adds nothing (0.797 to
 *  0.796, train to 2016, test 2017-2020; docs/fee-model.md). */
#define SL_FEES_NO_MARKET_VALUE_TERMS "last_fee,no_last_fee"

/** Fewest deals for the default list's spline, interaction and club levels: below, the classic
 *  list. A club's own file of a few dozen deals cannot carry a spline's columns on top of the
 *  classic ones (3 deals per column at least), and a buying club needs SL_FEES_MIN_LEVEL_DEALS
 *  deals of its own for a level: under a thousand deals few clubs have that many. */
#define SL_FEES_MIN_RICH_DEALS 1000

/** One declared term before the data are seen. */
typedef struct sl_fees_term_spec {
  sl_fees_var var;        /* the variable (the numeric one of an interaction) */
  sl_fees_term_kind kind; /* LINEAR for the season: its form is the season mode's */
  int partner;            /* INTERACTION: the other variable, else -1 */
  size_t nknots;          /* SPLINE: number of knots, else 0 */
} sl_fees_term_spec;

/** A declared term list. */
typedef struct sl_fees_term_list {
  size_t n;
  sl_fees_term_spec term[SL_FEES_MAX_TERMS];
  char columns[SL_FEES_MAX_COLUMN_TERMS][SL_FEES_COLUMN_NAME_MAX]; /* the column(NAME) terms'
                              names: variable SL_FEES_VAR_COLUMN(k) is columns[k] */
  size_t ncolumns;
} sl_fees_term_list;

/** Parses a term list: comma-separated terms, each NAME (a variable's machine name,
 *  sl_fees_var_key), NAME^2 (with NAME: one quadratic term), spline(NAME,K) (a restricted cubic
 *  spline with K knots; NAME listed as well is the same term), or NAME:NAME (an interaction of a
 *  numeric variable with a numeric one or a factor). column(NAME) is a numeric column of the
 *  transfers file by its name (trimmed; no ',', ':', '(' or ')' in it) wherever a numeric
 *  variable may stand: a club's own measure, read for each deal and, by value and predict, from
 *  the player's data. Spaces between tokens are allowed. On
 *  failure returns SL_EPARSE with err->column the 1-based character column, a message naming it
 *  and saying what was expected (with "did you mean" for a variable name); *out is then empty. */
int sl_fees_terms_parse(const char *text, sl_fees_term_list *out, sl_error *err);

/** Room for any term list's text: 24 terms of at most 40 bytes. */
#define SL_FEES_TERMS_TEXT_MAX 1024

/** Writes the list in the form sl_fees_terms_parse() reads ("age,age^2,spline(log_mv,4)...")
 *  into buf (truncated to size). Returns the length the full text needs, as snprintf. */
size_t sl_fees_terms_text(const sl_fees_term_list *list, char *buf, size_t size);

/** The model's terms as a term list (sl_fees_terms_text gives it as text). */
void sl_fees_model_terms(const struct sl_fees_model *m, sl_fees_term_list *out);

/** The term list that refits m the way it was fitted, written into buf: m's own terms
 *  (sl_fees_terms_text) when one of them has a declared form (a spline, an interaction, a variable
 *  in another form than the default's); NULL when m has the default list's forms only (refit with
 *  sl_fees_options.terms = NULL, the season's form again the season mode's). */
const char *sl_fees_model_terms_spec(const struct sl_fees_model *m, char *buf, size_t size);

/** The name of variable v in the model's words: sl_fees_var_name(), or a column term's column
 *  name; "" when invalid. Borrowed from the model or static. */
const char *sl_fees_model_var_name(const struct sl_fees_model *m, int v);

/** The machine name of variable v ("log_mv", "column(height)") into buf; returns buf. */
const char *sl_fees_model_var_key(const struct sl_fees_model *m, int v, char *buf, size_t size);

/** 1 when the model reads variable v in any term (alone or in an interaction). */
int sl_fees_model_uses(const struct sl_fees_model *m, sl_fees_var v);

/** 1 when the model has a performance term (sl_fees_var_is_performance: only a stats history
 *  gives one), i.e. it learned from the deals joined to stats (sl_fees_options.performance). */
int sl_fees_model_has_performance(const struct sl_fees_model *m);

/** p's label for factor v (a league, the buying club) when the model values it at the pooled
 *  level 'other' although it names something (a league the training deals never name, or name
 *  too rarely for a level); NULL when it is a level, empty, unknown, outside the covered leagues
 *  (pooled by design) or v is no term. Borrowed from p. */
const char *sl_fees_pooled_label(const struct sl_fees_model *m, const sl_fees_player *p, sl_fees_var v);

/** 1 when m learned from its deal d: every deal, or for a model with performance terms the
 *  deals joined to stats (its other deals stay for the club -> league index). */
int sl_fees_model_learned_from(const struct sl_fees_model *m, const sl_fees_deal *d);

/** How many of its deals m learned from (sl_fees_model_learned_from): what "fitted on N deals"
 *  means. */
size_t sl_fees_model_learned_deals(const struct sl_fees_model *m);

/** "trend", "level", "none" (sl_fees_season_mode), "auto" for SL_FEES_SEASON_AUTO. */
const char *sl_fees_season_mode_name(int mode);

/** Harrell's restricted cubic spline basis at x for knots t[0..k) (Hmisc rcspline.eval,
 *  norm = 2): out[j] for j = 0..k-3, (x - t_j)+^3 - (x - t_{k-2})+^3 (t_{k-1} - t_j) /
 *  (t_{k-1} - t_{k-2}) + (x - t_{k-1})+^3 (t_{k-2} - t_j) / (t_{k-1} - t_{k-2}), divided by
 *  (t_{k-1} - t_0)^2. Zero below t_0 and linear beyond t_{k-1}. */
void sl_fees_spline_basis(double x, const double *t, size_t k, double *out);

/** Which interval a model reports. */
typedef enum sl_fees_interval {
  SL_FEES_INTERVAL_T = 1,        /* Student-t prediction interval of the regression */
  SL_FEES_INTERVAL_CONFORMAL = 2 /* split-conformal: quantiles of held-out log residuals */
} sl_fees_interval;

/** A fitted fee model. */
typedef struct sl_fees_model {
  size_t nterms;
  sl_fees_term terms[SL_FEES_MAX_TERMS];
  size_t p;                 /* design columns including the intercept */
  char **names;             /* p column names */
  sl_ols_fit *ols;          /* the regression (summary, t-intervals) */
  double *coef;             /* p coefficients used to predict (OLS, or ridge with ridge = 1) */
  int ridge;                /* 1: coef are ridge estimates */
  double ridge_lambda;      /* penalty used */
  double *column_mean;      /* p: the typical training deal (column means) */
  double smearing;          /* Duan: mean of exp(training residuals) */
  sl_fees_interval interval;/* the interval reported */
  double level;             /* the level the interval choice was checked at */
  double t_coverage_calibration; /* held-out coverage of the t-interval at `level` */
  double *calibration;      /* ncal held-out log residuals (signed), sorted within each band */
  size_t ncal;
  size_t nbands;            /* 1 (pooled) or SL_FEES_MAX_BANDS (by market value) */
  size_t band_first[SL_FEES_MAX_BANDS + 1]; /* band b holds calibration[band_first[b] ..
                                               band_first[b+1]) */
  int season_mode;          /* sl_fees_season_mode used (never AUTO) */
  double half_life;         /* recency half-life used, seasons; 0 = no weights */
  int inner_from;           /* first season of the inner time split (0: a random split) */
  int calibration_from;     /* first season of the calibration residuals, each predicted from
                               the seasons before it (0: a random split; not saved) */
  double inner_score;       /* log-RMSE of the chosen settings on the inner split */
  size_t inner_n;           /* deals scored there */
  double inner_grid[3][SL_FEES_NHALF_LIVES + 1]; /* log-RMSE by mode (trend, level, none) and
                                                    half-life (none, then SL_FEES_HALF_LIVES);
                                                    NAN = not tried */
  int season_min, season_max; /* training seasons */
  int season_trend;         /* 1: the trend is extrapolated beyond the training seasons;
                               0: held at the nearest one (sl_fees_options.season_hold) */
  double feature_sd[SL_FEES_MAX_TERMS]; /* SD of each numeric term in training (comparables) */
  double range_low[SL_FEES_MAX_TERMS];  /* smallest and largest value of each numeric term's */
  double range_high[SL_FEES_MAX_TERMS]; /* input in the training deals, in the player's units
                                           (years, EUR, months, share, season); NAN for factors
                                           and for a model without its deals */
  sl_fees_deals *deals;     /* the training deals (comparables, club -> league) */
  void *club_index_;        /* private: club -> league, built once with the deals */
  char *column_names[SL_FEES_MAX_COLUMN_TERMS]; /* columns of its column terms (the deals'
                               indexing), owned; value and predict read them from the data */
  size_t ncolumns;
  void *buyer_keys_;        /* private: the buying-club levels' club keys, built with the terms */
  void *history_;           /* private: each player's paid fees in the deals (a last-fee term) */
} sl_fees_model;

/** Accuracy of out-of-sample predictions. */
typedef struct sl_fees_accuracy {
  size_t n;               /* predictions scored */
  double r2_log;          /* 1 - SSE/SST of log fee around the scored deals' mean */
  double mdape;           /* median |fair_fee/fee - 1| */
  double within25, within50; /* share with |fair_fee/fee - 1| <= 0.25, 0.5 */
  double coverage;        /* share of fees inside the interval (NAN for the baseline) */
  double log_rmse;        /* sqrt(mean((log fee - log median)²)) */
  double mean_width;      /* mean of log(high) - log(low) (NAN for the baseline) */
} sl_fees_accuracy;

/** Scores n predictions on the log scale: y log fees, pred log medians, low/high log interval
 *  bounds (both NULL for a baseline without interval). SL_ENOMEM only. */
int sl_fees_score(const double *y, const double *pred, const double *low, const double *high, size_t n,
                  sl_fees_accuracy *a);

/** What a fit measured. */
/** Most test seasons a rolling evaluation reports (a century of seasons is plenty). */
#define SL_FEES_MAX_ROLLING 100

/** One season of the rolling one-season-ahead evaluation. */
typedef struct sl_fees_season_accuracy {
  int season;                 /* the test season; trained on every season before it */
  size_t train;               /* training deals */
  sl_fees_accuracy model;     /* on the test deals with a market value (all of them for a model
                                 without market value) */
  sl_fees_accuracy baseline;  /* fee = market value, same deals */
  sl_fees_accuracy ratio;     /* fee = market value x the last training season's median
                                 fee/value ratio, same deals */
  sl_fees_accuracy model_in, baseline_in; /* the model and fee = market value on the buyers' in
                                 rows with a market value only (the rows the time split's
                                 "in rows" scores; n = 0 for a model without market value) */
  int season_mode;            /* what the inner split chose for this season's model */
  double half_life;
} sl_fees_season_accuracy;

typedef struct sl_fees_report {
  sl_fees_accuracy time_model, time_baseline;   /* time split (n = 0 without holdout_from) */
  sl_fees_accuracy time_ratio;                  /* fee = market value x last training season's
                                                   median fee/value ratio */
  sl_fees_accuracy time_model_in, time_baseline_in, time_ratio_in; /* the same on the buyers'
                                                   in rows only (the 2,874 deals) */
  sl_fees_accuracy time_model_mv;               /* model on the baseline's deals (market value known) */
  sl_fees_accuracy time_band[SL_FEES_MAX_BANDS]; /* the same by market-value band: under
                                                   SL_FEES_BAND_1, to SL_FEES_BAND_2, above */
  sl_fees_accuracy kfold_model, kfold_baseline; /* k-fold (n = 0 with folds = 1) */
  sl_fees_accuracy kfold_model_mv;
  int time_interval, kfold_interval;            /* interval kind used in the evaluations */
  size_t time_train, time_test;                 /* deals in the time split */
  int holdout_from;
  unsigned folds;
  double level;
  char notes[SL_FEES_MAX_NOTES][SL_FEES_NOTE_MAX]; /* terms dropped and why */
  size_t nnotes;
  sl_fees_season_accuracy rolling[SL_FEES_MAX_ROLLING]; /* with rolling_from */
  size_t nrolling;
  double rolling_mean_log_rmse, rolling_mean_baseline, rolling_mean_ratio; /* averages over seasons */
  double rolling_mean_in, rolling_mean_baseline_in; /* the same on the in rows, over the seasons
                                                   that have any (NAN when none has) */
  sl_fees_accuracy rolling_pooled;              /* every rolling test deal of sl_fees_season_accuracy
                                                   .model pooled (coverage over all of them) */
  sl_fees_accuracy rolling_band[SL_FEES_MAX_BANDS]; /* the same by market-value band (n = 0 for a
                                                   model without market value) */
  int time_season_mode;                         /* the time split model's choice */
  double time_half_life, time_inner_score;
  int time_inner_from;
  /* With sl_fees_options.performance: the deals learned from and, on the time split's test
   * deals, the model without performance terms fitted on the same training deals, fitted on
   * every training deal (joined or not: the model without stats of before), and the first
   * version's model fitted on every training deal. */
  size_t performance_deals;                     /* deals joined to stats (the ones used) */
  sl_fees_accuracy time_plain_same;             /* no performance terms, same training deals */
  sl_fees_accuracy time_plain_all;              /* no performance terms, every deal before the split */
  size_t time_plain_all_train;                  /* its training deals */
  sl_fees_accuracy time_plain_v1;               /* the first version's model on every deal before
                                                   (the "today": its classic terms, a linear
                                                   season trend extrapolated, unweighted, t interval) */
} sl_fees_report;

/** Fits the model on deals (all of them; the accuracy evaluations refit on their own subsets).
 *  Takes ownership of deals (freed with the model, also on failure). Fills *report when not
 *  NULL (caller frees it with free()). Returns SL_EDATA when too few deals remain. */
int sl_fees_fit(sl_fees_deals *deals, const sl_fees_options *opt, sl_fees_model **out,
                sl_fees_report **report, sl_error *err);

/** Loads transfer files (directories are walked) and calls sl_fees_fit(). */
int sl_fees_fit_files(const char *const *paths, size_t npaths, const sl_fees_options *opt,
                      sl_fees_model **out, sl_fees_report **report, sl_error *err);

/** Frees a model; NULL does nothing. */
void sl_fees_model_free(sl_fees_model *m);

/** Saves the model ("scoutlab-fee-model 2", or 3 with performance terms: metadata, deals, then
 *  the regress format; docs/fee-model.md). */
int sl_fees_save(const sl_fees_model *m, const char *path, sl_error *err);

/** SL_OK when sl_fees_save() may write path: it does not exist, is empty or is a fee model;
 *  anything else is not replaced (sl_output_check_ours). To ask before a long fit. */
int sl_fees_save_check(const char *path, sl_error *err);

/** Loads a saved model (format SL_FEES_FORMAT_VERSION_MIN to SL_FEES_FORMAT_VERSION). SL_EVERSION
 *  for another version, a performance term in a version-2 file, or columns that do not match the
 *  terms, SL_EPARSE (with the line) for a damaged or truncated file, SL_EIO when unreadable. */
int sl_fees_load(const char *path, sl_fees_model **out, sl_error *err);

/** As sl_fees_load() from bytes in memory (name is used in messages). */
int sl_fees_load_buffer(const char *name, const char *data, size_t len, sl_fees_model **out,
                        sl_error *err);

/* ---- answers for one player --------------------------------------------------------------- */

/** One term's share of an estimate, relative to the typical training deal. */
typedef struct sl_fees_contribution {
  const char *term;           /* term name, borrowed from the model */
  char value[64];             /* the player's value of it ("26", "CB", "Ligue 1", "typical") */
  double log_effect;          /* sum_j (x_j - mean_j) b_j over the term's columns */
  double percent;             /* 100 (exp(log_effect) - 1) */
  double eur;                 /* typical median fee x (exp(log_effect) - 1) */
} sl_fees_contribution;

/** An input of a valuation outside the training deals' range by more than the margin
 *  (SL_FEES_RANGE_MARGIN of the range's width, SL_FEES_SEASON_MARGIN seasons): the model is
 *  extrapolated there, and the valuation says so. */
typedef struct sl_fees_extrapolation {
  const char *term;  /* term name ("age", "log market value", "season"...), borrowed from the model */
  const char *input; /* the input it reads ("age", "market value", "season"...), static; a
                        column term's column name, borrowed from the model */
  double value;      /* the player's value, in the units of sl_fees_player (EUR, not log) */
  double low, high;  /* the training range, same units */
} sl_fees_extrapolation;

/** A valuation. */
typedef struct sl_fees_valuation {
  double log_fee;             /* prediction on the log scale */
  double se_prediction;       /* sqrt(se_fit² + sigma²), the t-interval's scale */
  double df;                  /* residual degrees of freedom */
  double fair_fee;            /* median: exp(log_fee), EUR */
  double fee_mean;            /* expected: fair_fee x smearing, EUR */
  double fee_low, fee_high;   /* interval at `level`, EUR */
  double level;
  sl_fees_interval interval;  /* which interval */
  double bid;                 /* EUR, NAN when none */
  double p_at_least_bid;      /* P(fair fee >= bid), NAN without a bid */
  double typical_log_fee;     /* prediction for the typical training deal */
  double typical_fee;         /* exp(typical_log_fee) */
  sl_fees_contribution contrib[SL_FEES_MAX_TERMS];
  size_t ncontrib;            /* one per term; log effects sum to log_fee - typical_log_fee */
  char notes[SL_FEES_MAX_NOTES][SL_FEES_NOTE_MAX]; /* assumptions made for this player, and
                                                      one "extrapolation: ..." per entry below */
  size_t nnotes;
  sl_fees_extrapolation extrapolated[SL_FEES_MAX_TERMS]; /* inputs beyond the training range */
  size_t nextrapolated;
} sl_fees_valuation;

/** Values one player at interval level `level` (0 = model's level) and, when bid is finite
 *  and > 0, the probability that the fair fee is at least the bid. Unknown attributes that the
 *  model can average over (leagues, contract, minutes) take the training mean, with a note;
 *  SL_EDATA (saying which flag to give) when age, position, or a market value the model
 *  uses is unknown, and (naming the value) when one cannot be true: infinite, age outside
 *  SL_FEES_MIN_AGE..SL_FEES_MAX_AGE, market value negative, below SL_FEES_MIN_MARKET_VALUE or
 *  above SL_FEES_MAX_MARKET_VALUE,
 *  contract months negative or above SL_FEES_MAX_CONTRACT_MONTHS, minutes share outside 0-1.
 *  A possible value outside the training deals' range (beyond the margins) is valued, and
 *  listed in out->extrapolated with an "extrapolation: ..." note. A valuation that is not a
 *  finite amount is SL_EDATA, never a result. A player known only by a line (group -1 with
 *  line_groups) is valued as the mixture of the line's groups weighted by their shares of the
 *  training deals: the median, interval and P(fee >= bid) are those of the mixture
 *  distribution, the contributions those of the likeliest group, and a note names the weights. */
int sl_fees_value(const sl_fees_model *m, const sl_fees_player *p, double level, double bid,
                  sl_fees_valuation *out, sl_error *err);

/** P(fee >= bid) from the predictive distribution around log_fee (x'b): Student t with the
 *  model's df and scale se_prediction for the t-interval; for the conformal one, 1 - F(log(bid)
 *  - log_fee) with F the CDF of the calibration residuals, linear between the plotting points
 *  (i - 1/2)/n (so P(fee >= median) = 1/2 exactly). NAN without a bid, and for a model whose
 *  calibration is kept per market-value band (sl_fees_value() knows the band). */
double sl_fees_prob_at_least(const sl_fees_model *m, double log_fee, double se_prediction,
                             double bid);

/** The verdict on a bid, one for every command (value, report, charts). */
typedef enum sl_fees_verdict_kind {
  SL_FEES_VERDICT_NONE = 0,  /* no bid */
  SL_FEES_VERDICT_REALISTIC, /* at or below the median: the fair fee reaches it at least half the time */
  SL_FEES_VERDICT_PREMIUM,   /* above the median, inside the interval: realistic at a premium */
  SL_FEES_VERDICT_ABOVE      /* above the interval: not realistic on this evidence */
} sl_fees_verdict_kind;

/** Longest verdict text, bytes with the NUL. */
#define SL_FEES_VERDICT_MAX 512

/** The verdict on v's bid in words ("EUR 25m is above the model's 80% range (EUR 2.6m to
 *  EUR 18.8m): the probability that the fair fee reaches it is 5%, about 1 in 19 ...") into
 *  text (at most size bytes, SL_FEES_VERDICT_MAX is enough), and its kind. The numbers are v's:
 *  the median, interval and P(fee >= bid) of one predictive distribution. */
sl_fees_verdict_kind sl_fees_verdict(const sl_fees_valuation *v, char *text, size_t size);

/** Duan's smearing factor: the mean of exp(residuals). */
double sl_fees_smearing(const double *residuals, size_t n);

/** A past deal close to a player. */
typedef struct sl_fees_comparable {
  const sl_fees_deal *deal;   /* borrowed from the model */
  double distance;            /* in standardised units */
} sl_fees_comparable;

/** The k training deals nearest to p in the same position group: Euclidean distance over the
 *  numeric terms divided by their training SD, plus 1 for a different selling league and 1 for
 *  a different buying league when p's is known. Writes up to k into out; returns how many. */
size_t sl_fees_comparables(const sl_fees_model *m, const sl_fees_player *p, size_t k,
                           sl_fees_comparable *out);

/** Applies one what-if ("age=+1", "age=27", "contract-until=2027", "contract-months=12",
 *  "market-value=15m", "league=Serie A", "buyer-league=...", "season=2026", "minutes-share=0.8",
 *  "position=CB") to p. Absolute contract-until dates count months from 1 July of p->season.
 *  Texts point into `what`, which must outlive p. SL_EINVAL with the accepted forms. */
int sl_fees_player_apply(sl_fees_player *p, const char *what, sl_error *err);

/** As sl_fees_player_apply(), and "buyer-club=NAME", which needs the model: the club's level
 *  (sl_fees_club_level: "Chelsea" is "Chelsea FC"; a club with few training deals the pooled
 *  level) and its league in the training deals as the buying league. A club the training deals
 *  never name is SL_EINVAL. Texts point into `what` or the model. */
int sl_fees_model_apply(const sl_fees_model *m, sl_fees_player *p, const char *what, sl_error *err);

/** Months from 1 July of `season` to `until` (days since 1970-01-01), at least 0. */
double sl_fees_contract_months(int season, double until_days);

/** Fills p from row `row` of a players/values/transfers table, as sl_fees_rows_player() reads
 *  it (it builds a reader for the whole table: for many rows, build one with sl_fees_rows_new).
 *  Strings are borrowed from t. */
void sl_fees_player_from_row(const sl_table *t, size_t row, sl_fees_player *p);

/** As sl_fees_player_from_row(), and the values of m's column terms (p->column) from the row's
 *  columns of those names (m may be NULL: none). Builds a reader over the whole table. */
void sl_fees_model_player_from_row(const struct sl_fees_model *m, const sl_table *t, size_t row, sl_fees_player *p);

/** The reader sl_fees_model_player_from_row() builds, for reading many rows of one table: m's
 *  column terms (m may be NULL; borrowed only while it is built). Free with sl_fees_rows_free(). */
int sl_fees_row_reader_new(const struct sl_fees_model *m, const sl_table *t, sl_fees_rows **out, sl_error *err);

/** Row `row` of such a reader as sl_fees_model_player_from_row() reads it (p initialised first;
 *  a league outside the model's coverage or unknown left NULL). Strings are borrowed from the
 *  table. */
void sl_fees_row_player(const sl_fees_rows *rows, size_t row, sl_fees_player *p);

/** Resets p to all-unknown. */
void sl_fees_player_init(sl_fees_player *p);

/** The league of a club in the model's training deals (the latest season it appears), or
 *  NULL. Borrowed from the model. */
const char *sl_fees_club_league(const sl_fees_model *m, const char *club);

/** A buying club as the model's buying-club term names it: the level the club is (any spelling
 *  sl_name_club_find accepts: "Chelsea" is "Chelsea FC"), else the club as given, which the model
 *  values at its pooled level of the clubs with few training deals (*pooled = 1). NULL (and
 *  *pooled = 0) when the model has no buying-club term. Borrowed from the model or from club. */
const char *sl_fees_club_level(const sl_fees_model *m, const char *club, int *pooled);

/** The buying clubs with a level of their own whose names are a plausible misspelling of club
 *  (sl_name_suggest), closest first: up to want into out (borrowed from the model). 0 when none,
 *  or the model has no buying-club term. */
size_t sl_fees_club_suggest(const sl_fees_model *m, const char *club, const char **out, size_t want);

SL_END_DECLS

#endif
