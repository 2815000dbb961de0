/* workspace.h - one scouting question's inputs, and every rule that decides what they mean.
 *
 * A workspace is built once over the files a user gives (season stats, market values,
 * contracts, positions, past transfers or a saved fee model, role profiles) and decides once,
 * for every command and every output that reads it:
 *   - which season the stats are (a season column, else a season written in the file name,
 *     else the caller's season; a caller's season that contradicts the files is an error);
 *   - which season a valuation is for (the transfer window after the stats season, 2024/25
 *     stats -> the 2025 window, unless the caller says otherwise);
 *   - which rows are the same player (normalised name + birth year, the club in "Name (Club)"
 *     in any source's spelling; several candidates are SL_EAMBIG, never a silent pick);
 *   - which fee model (loaded, or fitted with SL_WORKSPACE_SEED and the last
 *     SL_WORKSPACE_HOLDOUT_SEASONS seasons held out), and which one values a player: a
 *     no-market-value performance model, when given, for a player without a market value or
 *     with an old one (SL_WORKSPACE_MARKET_VALUE_OLD) and stats more recent than it;
 *   - a player's performance terms: those of his stats season (scoutlab/perf.h), when a model
 *     has performance terms;
 *   - which league and position names exist (unknown ones are SL_EUNKNOWN with "did you mean").
 * Commands, the report and the charts read the workspace; none re-decides any of this.
 *
 * Ownership: sl_workspace owns every table, index, squad and model it loads or builds and frees
 * them in sl_workspace_free(). Pointers from accessors are borrowed and valid until then. The
 * input struct's strings are borrowed during sl_workspace_new() only. Not thread-safe for
 * building; a built workspace may be read from several threads.
 *
 *   sl_workspace_inputs in; sl_workspace_inputs_init(&in);
 *   in.stats = (const char *[]){"players_data-2024_2025.csv"}; in.nstats = 1; in.model = "tm.slm";
 *   sl_workspace *ws; sl_workspace_player pl; sl_fees_player fp; sl_fees_valuation v;
 *   if (!sl_workspace_new(&in, &ws, &err) && !sl_workspace_find(ws, "Balerdi", &pl, &err))
 *     sl_workspace_value(ws, &pl, NULL, 25e6, &fp, &v, &err);
 */
#ifndef SCOUTLAB_WORKSPACE_H
#define SCOUTLAB_WORKSPACE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "scoutlab/compare.h"
#include "scoutlab/error.h"
#include "scoutlab/fees.h"
#include "scoutlab/perf.h"
#include "scoutlab/squad.h"
#include "scoutlab/table.h"

#include "scoutlab/export.h"
SL_BEGIN_DECLS /* C linkage, exported; thread safety: see above and scoutlab/export.h */

/* The fee model a workspace fits from transfers: fees.h's default seed and held-out seasons. */
#define SL_WORKSPACE_SEED SL_FEES_DEFAULT_SEED
#define SL_WORKSPACE_HOLDOUT_SEASONS SL_FEES_DEFAULT_HOLDOUT_SEASONS
/* Its accuracy is the time split's only (1 = no k-fold): random folds mix the seasons a model is
 * used across, and each fold repeats the fit (with its inner split): five more fits, for the
 * less honest figure. */
#define SL_WORKSPACE_FOLDS 1
/* A market value history is read on the day the valuation's transfer window opens, 1 July (the
 * summer window, which every valuation season names): the value a buyer sees then. */
#define SL_WORKSPACE_WINDOW_MONTH 7
#define SL_WORKSPACE_WINDOW_DAY 1
/* A market value of a season this many or more before the window valued is old (autumn 2023's,
 * season 2023/24, for summer 2025): a player with stats more recent than it is valued by the
 * performance model when one is given. Measured out of time (docs/fee-model.md): on the 166
 * deals of 2020 joined to stats whose player had a value two seasons old or more, the
 * market-value model given that value scored log-RMSE 1.242 (coverage 50%), the performance
 * model 0.845 (81%); on 251 of 2019, 1.517 and 1.022. */
#define SL_WORKSPACE_MARKET_VALUE_OLD 2
/* Notes a workspace keeps (seasons chosen, files classified, names matched). */
#define SL_WORKSPACE_MAX_NOTES 16

/** Where the stats season came from. */
typedef enum sl_season_source {
  SL_SEASON_SOURCE_NONE = 0,  /* unknown: no column, no file name, not given */
  SL_SEASON_SOURCE_COLUMN,    /* the stats' season column */
  SL_SEASON_SOURCE_FILE_NAME, /* a season written in the file name */
  SL_SEASON_SOURCE_CALLER     /* the caller's season (the files say none) */
} sl_season_source;

/** What the workspace decided about seasons; every output states it. */
typedef struct sl_workspace_seasons {
  int stats;                  /* first year of the stats season (2024 = 2024/25); 0 unknown; with
                                 a range of seasons, the latest of them */
  int stats_range_first;      /* the earliest season kept (== stats unless a range was asked for) */
  sl_season_source source;    /* where it came from */
  int stats_first, stats_last;/* seasons present in the stats files before one was chosen */
  int valuation;              /* the transfer season valued (2025 = summer 2025, 2025/26); 0 unknown */
  int valuation_given;        /* 1: the caller chose it; 0: the window after the stats season,
                                 or the model's last training season when the stats season is unknown */
  char stats_text[180];       /* the stats part alone: "stats 2024/25 (the file name)" */
  char text[180];             /* "stats 2024/25 (file name players_data-2024_2025.csv); valued for
                                 a transfer in summer 2025 (2025/26)" */
} sl_workspace_seasons;

/** The inputs; zero (sl_workspace_inputs_init) means "not given". Arrays are of paths;
 *  directories are walked as sl_table_load_many does. */
typedef struct sl_workspace_inputs {
  const char *const *stats;     size_t nstats;     /* season totals (FBref-style) */
  const char *const *values;    size_t nvalues;    /* market values (Transfermarkt-style), or a value
                                                      history by player_id and date (transfermarkt-
                                                      datasets player_valuations.csv), told apart by
                                                      its columns and joined onto the players file
                                                      by player_id: each one's latest valuation at or
                                                      before his window opens (SL_WORKSPACE_WINDOW_*) */
  const char *const *contracts; size_t ncontracts; /* contract expiry dates */
  const char *const *positions; size_t npositions; /* Transfermarkt-style sub-positions */
  const char *const *transfers; size_t ntransfers; /* past transfers, to fit the fee model */
  const char *const *data;      size_t ndata;      /* files of any kind above but transfers: each
                                                      is classified by its columns (minutes ->
                                                      stats, player_id + date + market value and no
                                                      name -> a value history, else market value ->
                                                      values, else contract expiry -> contracts) */
  const char *model;            /* a saved fee model, instead of transfers; NULL = none */
  const char *performance_model;/* a saved no-market-value model with performance terms (scoutlab
                                   fit --stats --no-market-value): values the players without a
                                   market value; NULL = none */
  unsigned folds;               /* fitting from transfers: k-fold accuracy folds, 0 = the
                                   workspace's (SL_WORKSPACE_FOLDS: none), 1 = none */
  const char *profiles;         /* role profiles file; NULL = no profiles (no quality, no compare) */
  const char *overrides;        /* position overrides file; NULL = none */
  int season;                   /* the stats season as the caller states it (first year); 0 = from the files */
  int seasons_first, seasons_last; /* instead of one season: the stats seasons first..last (first
                                      years), one index entry per player and season (or pooled,
                                      below); a stats path in the fbref-big5-yearly layout (one
                                      folder per table) loads those seasons' tables joined */
  int pool_seasons;             /* with a range: each player's seasons pooled minute-weighted */
  int per_club;                 /* 1: one index entry per club row instead of one per player */
  int valuation_season;         /* the transfer season to value; 0 = the window after the stats season */
  double level;                 /* interval level; 0 = the saved model's own (SL_FEES_DEFAULT_LEVEL
                                   for a model fitted from transfers) */
  int squad;                    /* 1: build the squad (importance); needs stats. Built anyway
                                   with a fee model (model, transfers or performance_model): a
                                   player's minutes share and contract come from his entry */
  const sl_squad_options *squad_options; /* weights, pool and constants of the squad; NULL = the
                                            defaults (sl_squad_default). Its tables, profiles and
                                            season are the workspace's, whatever it holds */
  const sl_load_options *load;  /* loader limits; NULL = defaults */
} sl_workspace_inputs;

typedef struct sl_workspace sl_workspace;

/** A player of the workspace: an entry of the stats index, or (without stats) a row of the
 *  values/data table. */
typedef struct sl_workspace_player {
  long index;                    /* sl_compare index of the stats, -1 when found in values only */
  long row;                      /* row of the values table when index < 0, else -1 */
  const sl_player *stats;        /* the combined stats player, NULL when index < 0 */
  const sl_squad_entry *entry;   /* his club entry with the most minutes, NULL when no squad */
  const char *name;              /* as the files write it */
  const char *club;              /* his (current) club, NULL when unknown */
  int club_named;                /* 1: the query named his club ("Walker (Milan)"): entry and club
                                    are that club's, of the clubs of his season */
} sl_workspace_player;

/** What a caller states about a player, overriding the data (NAN / NULL = not stated). Names
 *  of positions and leagues are checked against what the model knows. */
typedef struct sl_workspace_attrs {
  double age, market_value, contract_months, minutes_share;
  double last_fee;        /* his latest paid fee, EUR; 0 = none (never sold for a fee); NAN = from
                             the model's deals */
  int last_fee_season;    /* its season (0 = not stated) */
  const char *name;       /* his name when no data row gives one (his last fee is found by it) */
  const char *position, *contract_until, *club, *league, *buyer_league;
  const char *buyer_club; /* the buying club: its premium when the model has a buying-club term,
                             and its league as the buying league when that is not stated */
} sl_workspace_attrs;

/** Sets every input to "not given". */
void sl_workspace_inputs_init(sl_workspace_inputs *in);

/** Every path in `in` (files and folders of every kind, the models, profiles and overrides):
 *  the first `cap` into out (borrowed from in's caller); returns how many there are. For an
 *  output check: no output replaces one (sl_output_check_paths). The data files come first,
 *  sl_workspace_inputs_data_count of them (the rest: models, profiles, overrides). */
size_t sl_workspace_inputs_data_count(const sl_workspace_inputs *in);
size_t sl_workspace_inputs_paths(const sl_workspace_inputs *in, const char **out, size_t cap);
/** Sets every attribute to "not stated". */
void sl_workspace_attrs_init(sl_workspace_attrs *a);

/** Loads and decides. Returns SL_OK and *out (the caller frees it with sl_workspace_free());
 *  on failure a status with err naming the file and what was expected: SL_EINVAL (field
 *  "season", or "seasons" for a range) when the caller's season contradicts the files, naming
 *  both; SL_EINVAL (field "seasons") for a yearly-layout folder without a season or range. */
int sl_workspace_new(const sl_workspace_inputs *in, sl_workspace **out, sl_error *err);
/** Frees the workspace; NULL does nothing. */
void sl_workspace_free(sl_workspace *ws);

/** The season decisions. Borrowed. */
const sl_workspace_seasons *sl_workspace_seasons_of(const sl_workspace *ws);
/** The stats table (one season), or NULL. Borrowed. */
const sl_table *sl_workspace_stats(const sl_workspace *ws);
/** The market values table (the stats season's, or its latest), or NULL. Borrowed. */
const sl_table *sl_workspace_values(const sl_workspace *ws);
const sl_table *sl_workspace_contracts(const sl_workspace *ws);
const sl_table *sl_workspace_positions(const sl_workspace *ws);
const sl_table *sl_workspace_overrides(const sl_workspace *ws);
/** The transfers the workspace fitted its model from, as a report only: their files, rows read
 *  and skipped rows with reasons (sl_skipped_row.unread: data lost), no rows (the model's deals
 *  hold them). NULL when the workspace fitted no model. */
const sl_table *sl_workspace_transfers(const sl_workspace *ws);
/** The stats index (players combined over clubs), or NULL without stats. Borrowed. */
const sl_compare *sl_workspace_compare(const sl_workspace *ws);
/** The squad (per-club importance), or NULL unless inputs.squad. Borrowed. */
const sl_squad *sl_workspace_squad(const sl_workspace *ws);
/** The role profiles, or NULL. Borrowed. */
const sl_profiles *sl_workspace_profiles(const sl_workspace *ws);
/** The fee model, or NULL when none was given. Borrowed. */
const sl_fees_model *sl_workspace_model(const sl_workspace *ws);
/** The performance model (inputs.performance_model), or NULL. Borrowed. */
const sl_fees_model *sl_workspace_performance_model(const sl_workspace *ws);
/** The performance-terms index over the stats, or NULL (built when a model has performance
 *  terms and there are stats). Borrowed. */
const sl_perf_index *sl_workspace_perf(const sl_workspace *ws);

/** The other answer, so that a report can show both: for a player the market-value model values,
 *  the no-market-value performance model on his stats alone (his market value set aside); for one
 *  the performance model values because his market value is old, the market-value model on that
 *  old value. *model (may be NULL) gets the model that gave it. SL_ENOTFOUND when there is no
 *  second answer (no performance model, or no market value at all). */
int sl_workspace_value_second(const sl_workspace *ws, const sl_workspace_player *pl, const sl_workspace_attrs *given,
                              double bid, sl_fees_valuation *out, const sl_fees_model **model, sl_error *err);

/** 1 when the player's league is among `list` (comma-separated, sl_compare_league_in_list): his
 *  selling league as the stats write it ("Bundesliga") or as the model spells it in his fee
 *  record fp ("1 Bundesliga"), so that a list of either spelling selects him. */
int sl_workspace_in_leagues(const sl_workspace *ws, const sl_workspace_player *pl, const sl_fees_player *fp,
                            const char *list);

/** How many seasons old his market value is at the window valued (fp->season minus
 *  fp->market_value_season) when that is SL_WORKSPACE_MARKET_VALUE_OLD or more; 0 when it is
 *  current, unknown, stated or absent. */
int sl_workspace_market_value_old(const sl_fees_player *fp);

/** The model that values a fee record, and why, in one sentence into why (may be NULL): the
 *  workspace's model, unless it uses a market value the record lacks (or has only an old one,
 *  sl_workspace_market_value_old, with stats more recent than it) and a performance model was
 *  given, which then values him. *path (may be NULL) gets the chosen model's file, NULL for
 *  a fitted one. NULL when the workspace has no model. Borrowed. */
const sl_fees_model *sl_workspace_model_for(const sl_workspace *ws, const sl_fees_player *fp, const char **path,
                                            char *why, size_t size);
/** What fitting the model measured, or NULL when it was loaded. Borrowed. */
const sl_fees_report *sl_workspace_fit_report(const sl_workspace *ws);
/** The interval level every valuation of the workspace uses. */
double sl_workspace_level(const sl_workspace *ws);
/** The join of a value history onto the values (NULL when none was given). Borrowed. */
const sl_attach_report *sl_workspace_history(const sl_workspace *ws);
/** The date (days since 1970-01-01) of the valuation a history gave the player's market value,
 *  NAN when none (no history, none for him, or a stats player). */
double sl_workspace_market_value_date(const sl_workspace *ws, const sl_workspace_player *pl);
/** Notes about the inputs (seasons chosen, files classified), `n` of them. Borrowed. */
const char *sl_workspace_note(const sl_workspace *ws, size_t i);
size_t sl_workspace_note_count(const sl_workspace *ws);

/** Finds a player as typed: "Balerdi", "Leonardo Balerdi", "Marquinhos (Paris Saint-Germain)"
 *  or "Marquinhos (1994)" (the club in any source's spelling, or the birth year). SL_ENOTFOUND
 *  with "did you mean"; SL_EAMBIG (field "player") listing every candidate with club, age and
 *  market value and the "Name (Club)" form to use. */
int sl_workspace_find(const sl_workspace *ws, const char *query, sl_workspace_player *out, sl_error *err);

/** Player `index` of the stats index (sl_workspace_compare) as sl_workspace_find gives him.
 *  SL_EINVAL when there is no such player. */
int sl_workspace_player_at(const sl_workspace *ws, size_t index, sl_workspace_player *out, sl_error *err);

/** The players a batch valuation goes through: the stats index's players, or, without stats,
 *  every row of the values table (a player's row per season stays a row of its own). */
size_t sl_workspace_player_count(const sl_workspace *ws);
/** Player i (0 <= i < sl_workspace_player_count) as sl_workspace_find gives him. SL_EINVAL
 *  when there is no such player. */
int sl_workspace_player_nth(const sl_workspace *ws, size_t i, sl_workspace_player *out, sl_error *err);

/** The squad entry of stats-index player `index`: his club with the most minutes (the club a
 *  fee is paid to), or NULL without a squad. Borrowed. */
const sl_squad_entry *sl_workspace_entry(const sl_workspace *ws, size_t index);

/** The fee-model record of a player: from his stats (age, group, league, minutes share and
 *  contract from his squad entry), his market value, then what the caller states (may be NULL);
 *  the season is the workspace's valuation season. `pl` may be NULL for a player known only
 *  by attributes. Notes (up to max_notes) say where each attribute came from. SL_EUNKNOWN
 *  (field "position", "league" or "buyer_league") for a name that is not known. */
int sl_workspace_fee_player(const sl_workspace *ws, const sl_workspace_player *pl, const sl_workspace_attrs *given,
                            sl_fees_player *fp, char notes[][SL_FEES_NOTE_MAX], size_t *nnotes, size_t max_notes,
                            sl_error *err);

/** Values a player: sl_workspace_fee_player then sl_fees_value at the workspace's level with
 *  the model sl_workspace_model_for chooses (a note says which and why when there is a choice),
 *  the record's notes added to the valuation's (up to SL_FEES_MAX_NOTES). bid NAN = none.
 *  SL_EINVAL without a model. fp may be NULL. */
int sl_workspace_value(const sl_workspace *ws, const sl_workspace_player *pl, const sl_workspace_attrs *given,
                       double bid, sl_fees_player *fp, sl_fees_valuation *out, sl_error *err);

/** Most comparables and what-ifs one answer holds. */
#define SL_WORKSPACE_MAX_COMPARABLES 50
#define SL_WORKSPACE_MAX_WHAT_IF 16

/** Everything `scoutlab value` answers about one player, for every caller (the command's
 *  table, CSV and JSON, the bindings): the record valued, the model that valued him and why,
 *  the valuation (its notes: the valuation's own, then why that model, then where each
 *  attribute came from: the order sl_workspace_value gives them), the training deals nearest
 *  him and each what-if's valuation. Strings are borrowed from the workspace and the caller's
 *  what-ifs: the answer lives no longer than both. */
typedef struct sl_workspace_answer {
  sl_fees_player player;
  const sl_fees_model *model;          /* borrowed from the workspace */
  const char *model_path;              /* the model's file, NULL for a fitted one */
  char model_choice[SL_FEES_NOTE_MAX]; /* why that model, "" when there was no choice */
  const char *seasons;                 /* the stats seasons the workspace read and the window valued,
                                          as text (the row's own window for a values row valued for
                                          the season after its own) */
  char seasons_own[SL_FEES_NOTE_MAX];  /* that text when it is the row's: seasons points here */
  double market_value_date;            /* the day his market value is of (days since 1970), NAN none */
  sl_fees_valuation valuation;
  char verdict[SL_FEES_VERDICT_MAX];   /* with a bid, sl_fees_verdict's words; "" without */
  /* The other model's answer (sl_workspace_value_second), when there is one: the performance
   * model's on his stats alone, or the market-value model's on his old market value. */
  int has_second;
  const sl_fees_model *second_model;   /* borrowed from the workspace */
  const char *second_model_path;       /* its file, NULL for a fitted one */
  sl_fees_valuation second;
  sl_fees_comparable comparables[SL_WORKSPACE_MAX_COMPARABLES];
  size_t ncomparables;
  const char *what_if_change[SL_WORKSPACE_MAX_WHAT_IF]; /* "age=+1", as the caller gave them */
  sl_fees_player what_if_player[SL_WORKSPACE_MAX_WHAT_IF];
  sl_fees_valuation what_if[SL_WORKSPACE_MAX_WHAT_IF];
  /* The model that valued each what-if: the answer's, or the other one when the change hands him
   * to it (a market value stated for an old one); borrowed, with its file (NULL when fitted). */
  const sl_fees_model *what_if_model[SL_WORKSPACE_MAX_WHAT_IF];
  const char *what_if_model_path[SL_WORKSPACE_MAX_WHAT_IF];
  size_t nwhat_if;
} sl_workspace_answer;

/** Values a player as sl_workspace_value does, with up to ncomparables (at most
 *  SL_WORKSPACE_MAX_COMPARABLES) nearest training deals and each of the nwhat what-ifs
 *  (sl_fees_model_apply's forms; at most SL_WORKSPACE_MAX_WHAT_IF) valued by the same model.
 *  `pl` may be NULL for a player known only by attributes. The caller frees *out with
 *  sl_workspace_answer_free(). SL_EINVAL without a model or with too many what-ifs; a what-if
 *  that cannot be applied fails the whole answer, naming it. */
int sl_workspace_answer_new(const sl_workspace *ws, const sl_workspace_player *pl, const sl_workspace_attrs *given,
                            double bid, size_t ncomparables, const char *const *what_if, size_t nwhat,
                            sl_workspace_answer **out, sl_error *err);
void sl_workspace_answer_free(sl_workspace_answer *a);

/** The answer as `scoutlab value --format json` prints it (docs/json.md: schema "scoutlab
 *  value"; every key of the player, the valuation, contributions, comparables, what-ifs and
 *  notes): one writer for the command and the bindings. */
void sl_workspace_answer_json(FILE *out, const sl_workspace_answer *a);

/** Fair fees (the model's median, EUR) of the stats players of `group` with at least
 *  min_minutes, each valued as sl_workspace_value values him (his season, fee record and model);
 *  NAN for every other player and for one the model cannot value (no market value, no age). fee
 *  has sl_compare_count(sl_workspace_compare(ws)) entries; *valued (may be NULL) gets how many
 *  have a fee. For sl_similar_options.fair_fee, as `scoutlab similar --model` fills it. SL_EINVAL
 *  without a model. */
int sl_workspace_fair_fees(const sl_workspace *ws, sl_group group, double min_minutes, double *fee, size_t *valued,
                           sl_error *err);

/** The league a caller named, as the model knows it: *canonical gets the training data's
 *  spelling ("Serie A" for "serie a", "it Serie A"), *pooled 1 when the model pooled it into
 *  "other" (too few deals). SL_EUNKNOWN (field `field`) with "did you mean" for a name no
 *  training deal has. */
int sl_workspace_league(const sl_workspace *ws, const char *name, const char *field, const char **canonical,
                        int *pooled, sl_error *err);

/** The position group of a position name (sl_fees_position_group), SL_EUNKNOWN with "did you
 *  mean" for a name that is no position, and for a line only ("defence", "DF"); field
 *  "position". */
int sl_workspace_position(const char *name, int *group, sl_error *err);

/** Fee-fit options a workspace uses (seed, folds, level), so that every command fits the same
 *  model from the same files; then sl_workspace_holdout once the deals are selected. */
void sl_workspace_fee_options(double level, sl_fees_options *o);
/** The held-out seasons of a workspace's fit, from the deals (a file's later rows may all be
 *  loans, and count for nothing): their last SL_WORKSPACE_HOLDOUT_SEASONS, keeping one season at
 *  least to train on. Returns 1 with o->holdout_from set, 0 (holdout_from 0: no out-of-time
 *  accuracy) when the deals are of one season. */
int sl_workspace_holdout(const sl_fees_deals *d, sl_fees_options *o);

SL_END_DECLS

#endif
