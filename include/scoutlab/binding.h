/* binding.h - a flat API for language bindings (Python's ctypes, R's .Call, FFI): opaque
 * handles, numbers and strings only, so a binding never depends on a struct's layout. Errors
 * come back as a status (0 ok, an sl_status otherwise) and the message text in a caller buffer.
 * python/scoutlab/ is written over this header alone.
 *
 * Ownership: a handle made here (sl_table, sl_workspace, sl_binding_valuation, _squad,
 * _percentiles, _compare, _similar) is the caller's
 * and is freed with its own _free(). Strings returned are borrowed from the handle and valid
 * until it is freed (a valuation's term names are borrowed from its workspace's model: free the
 * valuation first); number getters return NAN for "unknown". Thread safety: see export.h.
 *
 *   sl_workspace *ws; sl_binding_valuation *v; char msg[1024];
 *   const char *data[] = {"values.csv"};
 *   if (!sl_binding_workspace_new(NULL, 0, data, 1, NULL, 0, "demo.slm", 0, &ws, msg, sizeof msg) &&
 *       !sl_binding_value(ws, "Quirandel", 25e6, &v, msg, sizeof msg))
 *     printf("%.0f\n", sl_binding_valuation_number(v, "fair_fee"));
 */
#ifndef SCOUTLAB_BINDING_H
#define SCOUTLAB_BINDING_H

#include <stddef.h>

#include "scoutlab/table.h"
#include "scoutlab/workspace.h"

#include "scoutlab/export.h"

SL_BEGIN_DECLS /* C linkage, exported; thread safety: see scoutlab/export.h */

/* ---- tables ---- */

/** Loads CSV files or directories (as sl_table_load_many) into *out with the default limits.
 *  The caller frees it with sl_table_free(). On failure writes "file:line:column: message". */
int sl_binding_table_load(const char *const *paths, size_t n, sl_table **out, char *msg, size_t msgsize);
size_t sl_binding_table_rows(const sl_table *t);
size_t sl_binding_table_columns(const sl_table *t);
/** Header text of column j; NULL when out of range. */
const char *sl_binding_column_name(const sl_table *t, size_t j);
/** "empty", "number", "money", "date" or "text" (sl_type_name); NULL when out of range. */
const char *sl_binding_column_type(const sl_table *t, size_t j);
/** The cell's number (money in EUR or the column's currency, dates as days since 1970-01-01);
 *  NAN when missing, text, or out of range. */
double sl_binding_cell_number(const sl_table *t, size_t j, size_t row);
/** The cell as text (numbers as %.15g, dates as YYYY-MM-DD) in buf; NULL when missing. */
const char *sl_binding_cell_text(const sl_table *t, size_t j, size_t row, char *buf, size_t size);

/** Rows the loader read (kept + skipped), and the skipped ones: their count, and each one's
 *  file (borrowed), 1-based line and reason (NULL out of range). Every row read is either a row
 *  of the table or one of these. */
size_t sl_binding_table_rows_read(const sl_table *t);
size_t sl_binding_table_skipped_count(const sl_table *t);
const char *sl_binding_table_skipped(const sl_table *t, size_t k, const char **file, long *line);

/* ---- workspace (the files of one question) and the fee model ---- */

/** A workspace over stats files, other data files (classified by their columns: values,
 *  contracts...), past transfers to fit the fee model from (as `scoutlab fit` does), or a saved
 *  model; the bundled role profiles and position overrides are used when found (datadir.h).
 *  season 0 = from the files. Any list may be empty. Free with sl_workspace_free(). */
int sl_binding_workspace_new(const char *const *stats, size_t nstats, const char *const *data, size_t ndata,
                             const char *const *transfers, size_t ntransfers, const char *model, int season,
                             sl_workspace **out, char *msg, size_t msgsize);
/** sl_binding_workspace_new with a performance model as well (a saved no-market-value model with
 *  performance terms, as `--performance-model`: it values the players without a market value);
 *  NULL = none. */
int sl_binding_workspace_open(const char *const *stats, size_t nstats, const char *const *data, size_t ndata,
                              const char *const *transfers, size_t ntransfers, const char *model,
                              const char *performance_model, int season, sl_workspace **out, char *msg,
                              size_t msgsize);
/** sl_binding_workspace_open with options as text keys and values (numbers in the C locale):
 *  "positions" a Transfermarkt-style sub-positions file or folder (repeatable), "overrides" the
 *  position overrides file ("" = none instead of the bundled one), "profiles" the role profiles
 *  file, "seasons" a range of stats seasons ("2022-2024", "2022/23-2024/25": one entry per player
 *  and season), "pool_seasons" "1" to pool them, "per_club" "1" for one entry per club row,
 *  "valuation_season" the transfer season to value ("2025/26"), "level" the interval level (0.8).
 *  An unknown key or a bad value is SL_EINVAL naming it. */
int sl_binding_workspace_open_options(const char *const *stats, size_t nstats, const char *const *data,
                                      size_t ndata, const char *const *transfers, size_t ntransfers,
                                      const char *model, const char *performance_model, int season,
                                      const char *const *keys, const char *const *values, size_t noptions,
                                      sl_workspace **out, char *msg, size_t msgsize);
/** Saves the workspace's fee model (fitted or loaded) as a scoutlab-fee-model file. */
int sl_binding_model_save(const sl_workspace *ws, const char *path, char *msg, size_t msgsize);
/** Coefficients of the fee model's regression: their count, and name/estimate of each
 *  (NULL/NAN out of range or without a model). */
size_t sl_binding_model_coef_count(const sl_workspace *ws);
const char *sl_binding_model_coef_name(const sl_workspace *ws, size_t j);
double sl_binding_model_coef(const sl_workspace *ws, size_t j);
/** Deals the model was fitted on (0 without a model). */
size_t sl_binding_model_deals(const sl_workspace *ws);
/** The workspace's notes about its inputs (seasons chosen, files classified, rows left out):
 *  their count and each one (borrowed; NULL out of range). */
size_t sl_binding_workspace_note_count(const sl_workspace *ws);
const char *sl_binding_workspace_note(const sl_workspace *ws, size_t i);

/** A season in any form scoutlab reads ("2024/25", "2024-25", "24/25", "2024"): *first_year,
 *  or SL_EPARSE with the forms expected in msg. */
int sl_binding_season_parse(const char *text, int *first_year, char *msg, size_t msgsize);

/* ---- a club's squad importance ---- */

typedef struct sl_binding_squad sl_binding_squad;

/** The club (as `scoutlab squad` finds it: "marseille") of the workspace's squad, its players
 *  most important first, as `scoutlab squad CLUB` ranks them. SL_ENOTFOUND/SL_EAMBIG for the
 *  club, SL_EDATA without stats. Free *out with sl_binding_squad_free() (before the workspace). */
int sl_binding_squad_new(const sl_workspace *ws, const char *club, sl_binding_squad **out, char *msg, size_t msgsize);
void sl_binding_squad_free(sl_binding_squad *q);
/** The club's name and league as the stats write them; its players. */
const char *sl_binding_squad_club(const sl_binding_squad *q);
const char *sl_binding_squad_league(const sl_binding_squad *q);
size_t sl_binding_squad_count(const sl_binding_squad *q);
/** The i-th most important player's name (NULL out of range), and a number of his: "importance"
 *  (0-100), "minutes", "minutes_share" (0-1), "age", or a component's score by its name
 *  (sl_squad_component_name: "availability", "quality"...); NAN when unknown or left out. */
const char *sl_binding_squad_player(const sl_binding_squad *q, size_t i);
double sl_binding_squad_number(const sl_binding_squad *q, size_t i, const char *what);

/* ---- a player's percentiles ---- */

typedef struct sl_binding_percentiles sl_binding_percentiles;

/** The player's per-90 values and percentiles on a role profile (`role` NULL: his group's, as
 *  `scoutlab percentiles` picks it) against the shared pool of the workspace's stats (the Big 5
 *  when the stats hold them, else every league; 900+ minutes), as `scoutlab percentiles` gives
 *  them. SL_ENOTFOUND/SL_EAMBIG for the name, SL_EUNKNOWN for a role that is no profile, SL_EDATA
 *  without stats or profiles. Free *out with sl_binding_percentiles_free(). */
int sl_binding_percentiles_new(const sl_workspace *ws, const char *player, const char *role,
                               sl_binding_percentiles **out, char *msg, size_t msgsize);
void sl_binding_percentiles_free(sl_binding_percentiles *p);
/** The profile's name, the peers' group, the pool's size, the player's name as written. */
const char *sl_binding_percentiles_role(const sl_binding_percentiles *p);
const char *sl_binding_percentiles_group(const sl_binding_percentiles *p);
size_t sl_binding_percentiles_pool(const sl_binding_percentiles *p);
const char *sl_binding_percentiles_player(const sl_binding_percentiles *p);
/** The stats: their count; each one's label (NULL out of range), value (per 90, a rate 0-100 or
 *  as given; NAN when he lacks it), percentile 0-100 (NAN when none), peers with a value, a
 *  rate's attempts (its denominator for him; NAN for other stats) and 1 when they are fewer
 *  than SL_RATE_FEW_ATTEMPTS (ranked, but noise). */
size_t sl_binding_percentiles_count(const sl_binding_percentiles *p);
const char *sl_binding_percentiles_stat(const sl_binding_percentiles *p, size_t i);
double sl_binding_percentiles_value(const sl_binding_percentiles *p, size_t i);
double sl_binding_percentiles_percentile(const sl_binding_percentiles *p, size_t i);
size_t sl_binding_percentiles_peers(const sl_binding_percentiles *p, size_t i);
double sl_binding_percentiles_attempts(const sl_binding_percentiles *p, size_t i);
int sl_binding_percentiles_few(const sl_binding_percentiles *p, size_t i);

/* ---- players side by side, and similar players ---- */

/* Options of sl_binding_compare_new and sl_binding_similar_new: `noptions` keys and text values,
 * as the commands' options (numbers in the C locale, amounts as money, "15m"):
 *   role        a profile ("centre-back", "cb"; default: the first player's group's), --profile
 *   stats_list  the stats to use instead of a profile ("TklW, Int, Cmp%"), --stats-list
 *   pool        shared (default), big5, all, league, or leagues ("Ligue 1,Serie A"), --pool
 *   min_minutes pool members' minutes (default 900), --min-minutes
 * and for similar also k (1-SL_COMPARE_MAX_K, default 10), max_age, min_age, max_value (needs
 * market values in the data), max_fee (needs a fee model), leagues, metric (euclidean, cosine),
 * candidate_minutes. SL_EINVAL for another key or a value not of its kind; SL_EUNKNOWN (with
 * "did you mean") for a role that is no profile, a stat that is none, or a league the stats lack;
 * SL_ENOTFOUND/SL_EAMBIG for a name, as `scoutlab compare`/`similar` find it; SL_EDATA without
 * stats or profiles. */

typedef struct sl_binding_compare sl_binding_compare;

/** The players named (nplayers >= 1, in that order) side by side, as `scoutlab compare` gives
 *  them: per stat of one profile (the first player's group's unless role/stats_list) the value
 *  and the percentile against the pool. Free *out with sl_binding_compare_free() (before the
 *  workspace). */
int sl_binding_compare_new(const sl_workspace *ws, const char *const *players, size_t nplayers,
                           const char *const *keys, const char *const *values, size_t noptions,
                           sl_binding_compare **out, char *msg, size_t msgsize);
void sl_binding_compare_free(sl_binding_compare *b);
/** The profile's role ("centre-back", "chosen" for a stats list), the players, the stats. */
const char *sl_binding_compare_role(const sl_binding_compare *b);
size_t sl_binding_compare_player_count(const sl_binding_compare *b);
size_t sl_binding_compare_stat_count(const sl_binding_compare *b);
/** Stat s's "stat" (label), "group", "kind" (per90, rate, raw, total) or "better" (higher,
 *  lower, neutral); NULL out of range. */
const char *sl_binding_compare_stat(const sl_binding_compare *b, size_t s, const char *what);
/** Player i's text as `compare --format json` writes it: "name", "club", "clubs", "league",
 *  "leagues", "seasons", "group", "position_source", "sub_position", "fbref_position",
 *  "position_note", "pool_group", "pool_leagues"; NULL out of range. */
const char *sl_binding_compare_text(const sl_binding_compare *b, size_t i, const char *what);
/** Player i's number: "age", "born", "minutes", "nineties", "market_value" (EUR), "rows",
 *  "mean_percentile", "pool_size", and 0/1 "player_in_pool", "small_sample",
 *  "below_default_minutes"; NAN when unknown. */
double sl_binding_compare_number(const sl_binding_compare *b, size_t i, const char *what);
/** Player i's value of stat s (per 90, a rate 0-100 or as given), percentile 0-100 (NAN when
 *  none), peers with a value, a rate's attempts (NAN for other stats) and few (1: fewer than
 *  SL_RATE_FEW_ATTEMPTS). */
double sl_binding_compare_value(const sl_binding_compare *b, size_t i, size_t s);
double sl_binding_compare_percentile(const sl_binding_compare *b, size_t i, size_t s);
size_t sl_binding_compare_peers(const sl_binding_compare *b, size_t i, size_t s);
double sl_binding_compare_attempts(const sl_binding_compare *b, size_t i, size_t s);
int sl_binding_compare_few(const sl_binding_compare *b, size_t i, size_t s);

typedef struct sl_binding_similar sl_binding_similar;

/** The players most like `player`, nearest first, as `scoutlab similar` ranks them; with a fee
 *  model in the workspace each one's fair fee, as `similar --model` values them. Free *out
 *  with sl_binding_similar_free() (before the workspace). */
int sl_binding_similar_new(const sl_workspace *ws, const char *player, const char *const *keys,
                           const char *const *values, size_t noptions, sl_binding_similar **out, char *msg,
                           size_t msgsize);
void sl_binding_similar_free(sl_binding_similar *s);
/** The player asked about (as written), the profile's role, the metric ("euclidean", "cosine"). */
const char *sl_binding_similar_player(const sl_binding_similar *s);
const char *sl_binding_similar_role(const sl_binding_similar *s);
const char *sl_binding_similar_metric(const sl_binding_similar *s);
/** The search's counts: "population", "candidates", "excluded_age", "excluded_value",
 *  "excluded_no_value", "excluded_league", "excluded_minutes", "excluded_fee",
 *  "excluded_no_fee"; NAN for another key. */
double sl_binding_similar_info(const sl_binding_similar *s, const char *what);
/** The players found; the i-th nearest's text (the keys of sl_binding_compare_text but the
 *  pool's) and numbers: "distance", "shared_stats", "fair_fee" (EUR, NAN without a model or
 *  for one it cannot value), and "age", "born", "minutes", "nineties", "market_value", "rows". */
size_t sl_binding_similar_count(const sl_binding_similar *s);
const char *sl_binding_similar_text(const sl_binding_similar *s, size_t i, const char *what);
double sl_binding_similar_number(const sl_binding_similar *s, size_t i, const char *what);

/* ---- valuing a player ---- */

typedef struct sl_binding_valuation sl_binding_valuation;

/** Values the player named `player` (as `scoutlab value` finds him) at the workspace's level;
 *  bid in EUR, NAN for none; any other bid must be finite and above 0 (SL_EINVAL, as the CLI
 *  refuses --bid 0). Free *out with sl_binding_valuation_free(). */
int sl_binding_value(const sl_workspace *ws, const char *player, double bid, sl_binding_valuation **out, char *msg,
                     size_t msgsize);
/** sl_binding_value with what the caller states about him, as `scoutlab value`'s options do:
 *  nattrs keys and text values, keys age, market_value ("10m"), contract_months, minutes_share,
 *  position, contract_until, club, league, buyer_league, buyer_club; SL_EINVAL for another key or
 *  a value that is not of its kind, SL_EUNKNOWN (with "did you mean") for a league, position or
 *  club the model does not know. */
int sl_binding_value_with(const sl_workspace *ws, const char *player, double bid, const char *const *keys,
                          const char *const *values, size_t nattrs, sl_binding_valuation **out, char *msg,
                          size_t msgsize);
void sl_binding_valuation_free(sl_binding_valuation *v);
/** The whole answer as `scoutlab value --format json` prints it (the library's one writer,
 *  sl_workspace_answer_json: the player's record, the valuation, contributions, up to
 *  ncomparables nearest deals, each of the nwhat what-ifs such as "age=+1" or
 *  "market-value=15m", notes): *json gets a new string, freed with sl_binding_string_free().
 *  Attributes and errors as sl_binding_value_with; a what-if that cannot be applied is
 *  SL_EINVAL naming it. */
int sl_binding_value_json(const sl_workspace *ws, const char *player, double bid, const char *const *keys,
                          const char *const *values, size_t nattrs, size_t ncomparables, const char *const *what_if,
                          size_t nwhat, char **json, char *msg, size_t msgsize);
void sl_binding_string_free(char *s);
/** Number keys of a valuation, in a fixed order: i < sl_binding_valuation_key_count(). */
size_t sl_binding_valuation_key_count(void);
const char *sl_binding_valuation_key(size_t i);
/** The value of a number key (fair_fee, fee_mean, fee_low, fee_high, level, bid, p_at_least_bid,
 *  log_fee, se_prediction, typical_fee, age, market_value, season...); NAN when unknown. */
double sl_binding_valuation_number(const sl_binding_valuation *v, const char *key);
/** Text facts: "player", "club", "position_group", "league", "interval", "model" (the file of
 *  the model that valued him; NULL for a fitted one), "model_choice" (why that model, when a
 *  performance model was there to choose), "verdict" (with a bid, in words); NULL when unknown. */
const char *sl_binding_valuation_text(const sl_binding_valuation *v, const char *key);
/** The reasons: one per model term, its name, the player's value, effect in % and EUR. */
size_t sl_binding_valuation_term_count(const sl_binding_valuation *v);
const char *sl_binding_valuation_term(const sl_binding_valuation *v, size_t i, const char **value, double *percent,
                                      double *eur);
/** Notes (assumptions made for this player). */
size_t sl_binding_valuation_note_count(const sl_binding_valuation *v);
const char *sl_binding_valuation_note(const sl_binding_valuation *v, size_t i);

SL_END_DECLS

#endif
