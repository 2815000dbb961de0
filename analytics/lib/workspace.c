/* workspace.c - see include/scoutlab/workspace.h. Loading and the season rule; the player
 * rules (identity, the fee record, names) are in workspace_player.c. */
#include "workspace_internal.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fees_internal.h"
#include "scoutlab/season.h"
#include "table_internal.h"

void sl_workspace_inputs_init(sl_workspace_inputs *in) {
  memset(in, 0, sizeof *in);
}

static void list_paths(const char *const *p, size_t n, const char **out, size_t cap, size_t *count) {
  for (size_t i = 0; p && i < n; i++)
    if (p[i]) {
      if (*count < cap) out[*count] = p[i];
      (*count)++;
    }
}

size_t sl_workspace_inputs_data_count(const sl_workspace_inputs *in) {
  return in->nstats + in->nvalues + in->ncontracts + in->npositions + in->ntransfers + in->ndata;
}

size_t sl_workspace_inputs_paths(const sl_workspace_inputs *in, const char **out, size_t cap) {
  size_t n = 0;
  list_paths(in->stats, in->nstats, out, cap, &n), list_paths(in->values, in->nvalues, out, cap, &n);
  list_paths(in->contracts, in->ncontracts, out, cap, &n), list_paths(in->positions, in->npositions, out, cap, &n);
  list_paths(in->transfers, in->ntransfers, out, cap, &n), list_paths(in->data, in->ndata, out, cap, &n);
  const char *single[] = {in->model, in->performance_model, in->profiles, in->overrides};
  list_paths(single, sizeof single / sizeof single[0], out, cap, &n);
  return n;
}

void sl_workspace_attrs_init(sl_workspace_attrs *a) {
  memset(a, 0, sizeof *a);
  a->age = a->market_value = a->contract_months = a->minutes_share = a->last_fee = NAN;
}

void sl_ws_note_(sl_workspace *ws, const char *fmt, ...) {
  if (ws->nnotes >= SL_WORKSPACE_MAX_NOTES) return;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(ws->notes[ws->nnotes++], SL_FEES_NOTE_MAX, fmt, ap);
  va_end(ap);
}

/* ---- loading ------------------------------------------------------------------------------ */

static int load_files(const char *const *paths, size_t n, const sl_load_options *opt, sl_table **out, sl_error *err) {
  if (!n) return SL_OK;
  return sl_table_load_many(paths, n, opt, out, err);
}

/* The kind of a data file, by its columns. */
typedef enum { DATA_STATS, DATA_VALUES, DATA_CONTRACTS, DATA_HISTORY, DATA_KINDS, DATA_UNKNOWN = DATA_KINDS } data_kind;

static data_kind classify(const sl_table *t) {
  if (sl_table_role(t, SL_ROLE_MINUTES) || sl_table_role(t, SL_ROLE_NINETIES)) return DATA_STATS;
  if (sl_table_is_value_history(t)) return DATA_HISTORY; /* player_valuations.csv: no names */
  if (sl_table_role(t, SL_ROLE_MARKET_VALUE)) return DATA_VALUES;
  if (sl_table_role(t, SL_ROLE_CONTRACT_UNTIL)) return DATA_CONTRACTS;
  if (sl_table_role(t, SL_ROLE_PLAYER)) return DATA_VALUES; /* names and attributes: age, position */
  return DATA_UNKNOWN;
}

/* Paths of each kind: the named ones plus the classified data files. When a data file is the
 * only file of its kind, the table classify_paths loaded is kept (`kept`), so no file is read
 * twice (a pipe could not be). */
typedef struct kind_paths {
  const char **p;
  size_t n;
  sl_table *kept;
} kind_paths;

static int add_paths(kind_paths *k, const char *const *paths, size_t n) {
  const char **grown = realloc(k->p, (k->n + n + 1) * sizeof *grown);
  if (!grown) return SL_ENOMEM;
  k->p = grown;
  for (size_t i = 0; i < n; i++) k->p[k->n++] = paths[i];
  return SL_OK;
}

/* Files one data file under its kind. `values` (the --values files): market values, or a value
 * history told apart by its columns; otherwise (--data) any kind. A file met in a walked folder
 * that is not what the folder is given as (a stats export among market values) is left out with
 * a note, rather than stacked with the others (its Age would hide theirs). */
static int classify_file(sl_workspace *ws, const sl_workspace_inputs *in, const char *path, int values, int in_folder,
                         kind_paths kinds[DATA_KINDS], sl_error *err) {
  sl_table *t = NULL;
  int st = sl_table_load_many(&path, 1, in->load, &t, err);
  if (st) return st;
  data_kind k = classify(t);
  if (values) {
    int useful = k == DATA_HISTORY || sl_table_role(t, SL_ROLE_MARKET_VALUE);
    k = k == DATA_HISTORY ? DATA_HISTORY : DATA_VALUES;
    if (!useful && in_folder) k = DATA_UNKNOWN;
  }
  if (k == DATA_UNKNOWN && in_folder) {
    sl_ws_note_(ws, "%s left out: %s", path,
                values ? "no market value column (not market values)"
                       : "neither stats, market values nor contracts");
    sl_table_free(t);
    return SL_OK;
  }
  if (k != DATA_UNKNOWN && !kinds[k].n) {
    kinds[k].kept = t;
  } else {
    sl_table_free(t);
    if (k != DATA_UNKNOWN) sl_table_free(kinds[k].kept), kinds[k].kept = NULL; /* several: stacked by the loader */
  }
  if (k == DATA_UNKNOWN)
    return sl_error_set(err, SL_EDATA, path, 0, 0,
                        "neither stats (minutes), market values, contracts nor player attributes: no column "
                        "of a player name, minutes, market value or contract expiry");
  static const char *const kind_name[] = {"season stats", "market values", "contracts",
                                          "a market value history (by player_id and date)"};
  if (!values || k == DATA_HISTORY) sl_ws_note_(ws, "%s read as %s", path, kind_name[k]);
  if (add_paths(&kinds[k], &path, 1)) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  return SL_OK;
}

/* Each path filed under its kind; a folder file by file (its files kept in `store`, which the
 * caller frees once the kinds are loaded). */
static int classify_paths(sl_workspace *ws, const sl_workspace_inputs *in, const char *const *paths, size_t n,
                          int values, kind_paths kinds[DATA_KINDS], kind_paths *store, sl_error *err) {
  int st = SL_OK;
  for (size_t i = 0; !st && i < n; i++) {
    struct stat sb;
    if (stat(paths[i], &sb) != 0 || !S_ISDIR(sb.st_mode)) {
      st = classify_file(ws, in, paths[i], values, 0, kinds, err);
      continue;
    }
    char **files = NULL;
    size_t nf = 0;
    st = sl_table_files_of(paths[i], &files, &nf, err);
    if (!st && !nf) st = sl_error_set(err, SL_ENOTFOUND, paths[i], 0, 0, "no .csv files found");
    if (!st && add_paths(store, (const char *const *)files, nf)) { /* the store owns them from here */
      sl_table_paths_free(files, nf);
      return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
    }
    if (st) sl_table_paths_free(files, nf);
    else free(files);
    for (size_t f = 0; !st && f < nf; f++) st = classify_file(ws, in, store->p[store->n - nf + f], values, 1, kinds, err);
  }
  return st;
}

/* Stats in the yearly layout: the tables a comparison reads, of the seasons asked for, joined
 * per season (sl_table_load_yearly). */
static int load_yearly(sl_workspace *ws, const sl_workspace_inputs *in, sl_error *err) {
  static const char *const tables[] = {"standard", "defense", "passing", "possession", "misc", "gca", "shooting",
                                       "playing_time", "keepers", "keepers_adv"};
  int lo = in->seasons_first ? in->seasons_first : in->season, hi = in->seasons_first ? in->seasons_last : in->season;
  if (!lo)
    return sl_error_field(err, "seasons", sl_error_set(err, SL_EINVAL, in->stats[0], 0, 0,
                                                       "holds one folder per table (the fbref-big5-yearly "
                                                       "layout): name the season or seasons to load"));
  sl_join_report *rep = NULL;
  int st = sl_table_load_yearly(in->stats[0], tables, sizeof tables / sizeof tables[0], lo, hi, in->load, &ws->stats,
                                &rep, err);
  sl_join_report_free(rep);
  ws->ages_at_season_start = !st; /* FBref's season tables give the age on the season's first day */
  return st;
}

/* A yearly-layout folder given among the data files is the stats (its ten tables are one
 * season's stats, not ten files of their own: read alone they made every player two). Writes the
 * inputs to read into *out, the other data paths into rest (room for in->ndata). */
static const sl_workspace_inputs *yearly_data_as_stats(const sl_workspace_inputs *in, sl_workspace_inputs *out,
                                                      const char **rest) {
  size_t at = in->ndata;
  for (size_t i = 0; !in->nstats && i < in->ndata && at == in->ndata; i++)
    if (sl_table_yearly_root(in->data[i])) at = i;
  if (at == in->ndata) return in;
  *out = *in;
  size_t n = 0;
  for (size_t i = 0; i < in->ndata; i++)
    if (i != at) rest[n++] = in->data[i];
  out->stats = &in->data[at], out->nstats = 1;
  out->data = rest, out->ndata = n;
  return out;
}

static int load_tables(sl_workspace *ws, const sl_workspace_inputs *given, sl_error *err) {
  kind_paths kinds[DATA_KINDS] = {{0}};
  sl_workspace_inputs moved;
  const char **rest = malloc((given->ndata ? given->ndata : 1) * sizeof *rest);
  if (!rest) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  const sl_workspace_inputs *in = yearly_data_as_stats(given, &moved, rest);
  int yearly = in->nstats == 1 && sl_table_yearly_root(in->stats[0]);
  int st = SL_OK;
  if ((!yearly && add_paths(&kinds[DATA_STATS], in->stats, in->nstats)) ||
      add_paths(&kinds[DATA_CONTRACTS], in->contracts, in->ncontracts))
    st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  kind_paths store = {0}; /* the files of walked folders, owned here until loaded */
  if (!st) st = classify_paths(ws, in, in->values, in->nvalues, 1, kinds, &store, err);
  if (!st) st = classify_paths(ws, in, in->data, in->ndata, 0, kinds, &store, err);
  if (!st && yearly && kinds[DATA_STATS].n)
    st = sl_error_set(err, SL_EINVAL, kinds[DATA_STATS].p[0], 0, 0,
                      "season stats besides the yearly-layout folder %s: give the stats one way", in->stats[0]);
  if (!st && yearly) st = load_yearly(ws, in, err);
  sl_table **dest[DATA_KINDS] = {&ws->stats, &ws->values, &ws->contracts, &ws->history};
  for (int k = 0; k < DATA_KINDS; k++) {
    if (!st && kinds[k].kept) *dest[k] = kinds[k].kept, kinds[k].kept = NULL;
    else if (!st && kinds[k].n) st = load_files(kinds[k].p, kinds[k].n, in->load, dest[k], err);
    sl_table_free(kinds[k].kept);
    free(kinds[k].p);
  }
  for (size_t i = 0; i < store.n; i++) free((char *)store.p[i]);
  free(store.p);
  free(rest);
  return st;
}

/* Positions files are wide: only the columns the position join reads are kept. */
static int load_positions(sl_workspace *ws, const sl_workspace_inputs *in, sl_error *err) {
  static const char *const cols[] = {"name", "Player", "player", "age", "Age", "season", "Season", "born",
                                     "Born", "birth_year", "position", "short_pos", "sub_position", NULL};
  sl_load_options o = {0};
  if (in->load) o = *in->load;
  o.only_columns = cols;
  int st = load_files(in->positions, in->npositions, &o, &ws->positions, err);
  if (!st && in->overrides) st = load_files(&in->overrides, 1, in->load, &ws->overrides, err);
  if (!st && in->profiles) st = sl_profiles_load(in->profiles, &ws->profiles, err);
  return st;
}

/* Market values of the stats' season when the values hold it, else their latest season: a
 * value from another season must not be joined as if it were current. */
static int values_for_season(sl_workspace *ws, sl_error *err) {
  sl_table *sub = NULL;
  int chosen = 0;
  /* Without stats there is no season to match: every row stays, and a player's latest row is
   * his (workspace_player.c). */
  if (!ws->values || !ws->stats) return SL_OK;
  if (sl_table_season_subset(ws->values, ws->seasons.stats, &sub, &chosen, err) != SL_OK &&
      sl_table_season_subset(ws->values, 0, &sub, &chosen, err) != SL_OK)
    return err ? err->code : SL_EDATA;
  if (sub) {
    char a[SL_SEASON_TEXT_MAX];
    sl_ws_note_(ws, "market values of %s used", sl_season_text(chosen, a, sizeof a));
    sl_table_free(ws->values);
    ws->values = sub;
  }
  return SL_OK;
}

/* ---- indexes and the model ---------------------------------------------------------------- */

static int build_indexes(sl_workspace *ws, const sl_workspace_inputs *in, sl_error *err) {
  if (!ws->stats) return SL_OK;
  sl_compare_options co = {.per_club = in->per_club, .positions = ws->positions, .overrides = ws->overrides,
                           .values = ws->values, .pool_seasons = in->pool_seasons};
  int st = sl_compare_new(ws->stats, &co, &ws->cmp, err);
  /* A fee model reads each player's minutes share and contract from his squad entry: with one,
   * the squad is built whether asked or not (else a contracts file given would go unread). */
  int fees = in->model || in->ntransfers || in->performance_model;
  if (st || !(in->squad || fees)) return st;
  sl_squad_options so;
  if (in->squad_options) so = *in->squad_options;
  else sl_squad_default(&so);
  so.profiles = ws->profiles;
  so.positions = ws->positions, so.overrides = ws->overrides, so.values = ws->values;
  so.contracts = ws->contracts;
  so.season = ws->seasons.stats;
  return sl_squad_new(ws->stats, &so, &ws->squad, err);
}

void sl_workspace_fee_options(double level, sl_fees_options *o) {
  memset(o, 0, sizeof *o);
  o->level = level > 0 ? level : SL_FEES_DEFAULT_LEVEL;
  o->seed = SL_WORKSPACE_SEED;
  o->folds = SL_WORKSPACE_FOLDS;
}

int sl_workspace_holdout(const sl_fees_deals *d, sl_fees_options *o) {
  int lo = 0, hi = 0;
  for (size_t i = 0; d && i < d->n; i++) {
    int s = d->deal[i].player.season;
    if (s > 0 && (!lo || s < lo)) lo = s;
    if (s > hi) hi = s;
  }
  o->holdout_from = hi > lo ? hi - SL_WORKSPACE_HOLDOUT_SEASONS + 1 : 0;
  if (hi > lo && o->holdout_from <= lo) o->holdout_from = lo + 1; /* one season at least to train on */
  return o->holdout_from != 0;
}

/* 1 when a column term of m names a numeric column of the stats. */
static int stats_columns(const sl_table *stats, const sl_fees_model *m) {
  for (size_t k = 0; stats && m && k < m->ncolumns; k++) {
    const sl_column *c = sl_table_column(stats, m->column_names[k]);
    if (c && c->num) return 1;
  }
  return 0;
}

/* The performance model and the performance terms of the stats' players. */
static int performance(sl_workspace *ws, const sl_workspace_inputs *in, sl_error *err) {
  int st = SL_OK;
  if (in->performance_model) {
    st = sl_fees_load(in->performance_model, &ws->perf_model, err);
    if (!st && !sl_fees_model_has_performance(ws->perf_model))
      st = sl_error_field(err, "performance_model",
                          sl_error_set(err, SL_EINVAL, in->performance_model, 0, 0,
                                       "has no performance terms: fit it with stats of the seasons before "
                                       "and without market value"));
    if (!st)
      sl_ws_note_(ws, "performance model loaded from %s (fitted on seasons %d-%d)", in->performance_model,
                  ws->perf_model->season_min, ws->perf_model->season_max);
  }
  /* the index also gives a model's declared columns that are stats columns (sl_perf_column) */
  int columns = stats_columns(ws->stats, ws->model) || stats_columns(ws->stats, ws->perf_model);
  if (st || !ws->cmp || (!sl_fees_model_has_performance(ws->model) && !ws->perf_model && !columns)) return st;
  ws->perf_own_index = in->per_club || in->pool_seasons; /* the terms need one entry per player and season */
  return sl_perf_index_new(ws->stats, ws->perf_own_index ? NULL : ws->cmp, ws->seasons.stats, &ws->perf, err);
}

static int fee_model(sl_workspace *ws, const sl_workspace_inputs *in, sl_error *err) {
  ws->model_path = in->model ? strdup(in->model) : NULL;
  ws->perf_model_path = in->performance_model ? strdup(in->performance_model) : NULL;
  if ((in->model && !ws->model_path) || (in->performance_model && !ws->perf_model_path))
    return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  if (in->model) {
    int st = sl_fees_load(in->model, &ws->model, err);
    if (!st)
      sl_ws_note_(ws, "fee model loaded from %s (fitted on seasons %d-%d)", in->model, ws->model->season_min,
                  ws->model->season_max);
    return st;
  }
  if (!in->ntransfers) return SL_OK;
  sl_table *t = NULL;
  int st = load_files(in->transfers, in->ntransfers, in->load, &t, err);
  if (st) return st;
  sl_fees_options fo;
  sl_workspace_fee_options(in->level, &fo);
  if (in->folds) fo.folds = in->folds; /* 0: the workspace's own (SL_WORKSPACE_FOLDS) */
  sl_fees_deals *deals = NULL;
  st = sl_fees_deals_from_table(t, &fo, &deals, err);
  sl_table_internal_keep_report(t); /* its skipped rows, for sl_workspace_transfers */
  ws->transfers = t;
  if (!st && !sl_workspace_holdout(deals, &fo) && deals->n)
    sl_ws_note_(ws, "the transfers' deals are all of one season: no out-of-time accuracy (it needs a season to "
                "train on and a later one to test)");
  if (!st) st = sl_fees_fit(deals, &fo, &ws->model, &ws->fit, err);
  return st;
}

/* A value history (player_valuations.csv) joined onto the values table by player_id: each
 * player's market value on the day his transfer window opens (SL_WORKSPACE_WINDOW_MONTH/DAY of
 * the window sl_workspace_fee_player values him for), the latest valuation at or before it. */
static int attach_history(sl_workspace *ws, sl_error *err) {
  if (!ws->history) return SL_OK;
  const char *file = ws->history->nfiles ? ws->history->files[0] : NULL;
  if (!ws->values || !sl_table_role(ws->values, SL_ROLE_PLAYER_ID))
    return sl_error_field(err, "values",
                          sl_error_set(err, SL_EINVAL, file, 0, 0,
                                       "is a market value history keyed by player_id: give the players it belongs "
                                       "to as well, a file with player_id and names (transfermarkt-datasets "
                                       "players.csv)"));
  sl_fees_rows *rows = NULL;
  size_t n = ws->values->nrows;
  double *as_of = malloc((n ? n : 1) * sizeof *as_of);
  int st = !as_of ? sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory")
                  : sl_fees_rows_new(ws->values, NULL, NULL, &rows, err);
  for (size_t r = 0; !st && r < n; r++) {
    sl_fees_player p;
    sl_fees_rows_player(rows, r, &p);
    int window = sl_ws_own_window(ws, p.season) ? p.season : ws->seasons.valuation;
    as_of[r] = window ? sl_date_from_ymd(window, SL_WORKSPACE_WINDOW_MONTH, SL_WORKSPACE_WINDOW_DAY) : NAN;
  }
  sl_fees_rows_free(rows);
  if (!st) st = sl_table_attach_values(ws->values, ws->history, as_of, &ws->history_report, err);
  free(as_of);
  if (st) return st;
  ws->history_date_col = (long)ws->values->ncols - 1; /* market_value_date, added last */
  const sl_attach_report *h = &ws->history_report;
  char first[16] = "", last[16] = "";
  sl_ws_day_text(h->as_of_first, first, sizeof first), sl_ws_day_text(h->as_of_last, last, sizeof last);
  /* The file is named by the note that classified it. */
  sl_ws_note_(ws, "market value history by player_id: the latest valuation at or before %s%s%s; %zu of %zu players "
              "joined, %zu keep their own value, %zu have none (valued only later)", first[0] ? first : "now",
              strcmp(first, last) ? " to " : "", strcmp(first, last) ? last : "", h->matched, h->rows, h->kept_own,
              h->none_before);
  sl_table_free(ws->history);
  ws->history = NULL;
  return SL_OK;
}

/* The readers of the values rows, one per model, after the history has added its columns. */
static int value_readers(sl_workspace *ws, sl_error *err) {
  if (!ws->values) return SL_OK;
  int st = sl_fees_row_reader_new(ws->model, ws->values, &ws->value_rows, err);
  if (!st && ws->perf_model) st = sl_fees_row_reader_new(ws->perf_model, ws->values, &ws->perf_value_rows, err);
  return st;
}

int sl_workspace_new(const sl_workspace_inputs *in, sl_workspace **out, sl_error *err) {
  if (!in || !out) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "sl_workspace_new: NULL argument");
  *out = NULL;
  if (in->season && (in->season < SL_SEASON_MIN || in->season > SL_SEASON_MAX))
    return sl_error_field(err, "season", sl_error_set(err, SL_EINVAL, NULL, 0, 0, "season %d is out of range (%d-%d)",
                                                      in->season, SL_SEASON_MIN, SL_SEASON_MAX));
  if (in->seasons_first && in->season)
    return sl_error_field(err, "seasons", sl_error_set(err, SL_EINVAL, NULL, 0, 0,
                                                       "one season and a range of seasons were both given"));
  if (in->seasons_first && (in->seasons_last < in->seasons_first || in->seasons_first < SL_SEASON_MIN ||
                            in->seasons_last > SL_SEASON_MAX))
    return sl_error_field(err, "seasons", sl_error_set(err, SL_EINVAL, NULL, 0, 0,
                                                       "the seasons %d-%d are not in order or out of range (%d-%d)",
                                                       in->seasons_first, in->seasons_last, SL_SEASON_MIN,
                                                       SL_SEASON_MAX));
  sl_workspace *ws = calloc(1, sizeof *ws);
  if (!ws) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  ws->level = in->level > 0 ? in->level : SL_FEES_DEFAULT_LEVEL;
  ws->history_date_col = -1;
  int lo = in->seasons_first ? in->seasons_first : in->season, hi = in->seasons_first ? in->seasons_last : in->season;
  int st = load_tables(ws, in, err);
  if (!st && ws->stats) st = sl_ws_decide_stats_season(ws, lo, hi, err);
  else if (!st && in->season) ws->seasons.stats = ws->seasons.stats_range_first = in->season,
                              ws->seasons.source = SL_SEASON_SOURCE_CALLER;
  if (!st) st = values_for_season(ws, err);
  if (!st) st = load_positions(ws, in, err);
  if (!st) st = build_indexes(ws, in, err);
  if (!st) st = fee_model(ws, in, err);
  /* No level asked: a saved model's own (fit --level 0.9 gives 90% ranges), as sl_fees_value
   * reads level 0; a fitted one was fitted at the default. */
  if (!st && !(in->level > 0) && ws->model) ws->level = ws->model->level;
  if (!st) st = performance(ws, in, err);
  if (!st) sl_ws_decide_valuation_season(ws, in->valuation_season);
  if (!st) st = attach_history(ws, err);
  if (!st) st = value_readers(ws, err);
  if (st) {
    sl_workspace_free(ws);
    return st;
  }
  *out = ws;
  return SL_OK;
}

void sl_workspace_free(sl_workspace *ws) {
  if (!ws) return;
  sl_squad_free(ws->squad);
  sl_compare_free(ws->cmp);
  sl_fees_model_free(ws->model);
  sl_fees_model_free(ws->perf_model);
  sl_perf_index_free(ws->perf);
  sl_fees_rows_free(ws->value_rows), sl_fees_rows_free(ws->perf_value_rows);
  free(ws->fit);
  sl_profiles_free(ws->profiles);
  sl_table_free(ws->stats), sl_table_free(ws->values), sl_table_free(ws->contracts);
  sl_table_free(ws->positions), sl_table_free(ws->overrides), sl_table_free(ws->history);
  sl_table_free(ws->transfers);
  free(ws->model_path), free(ws->perf_model_path);
  free(ws);
}

const sl_workspace_seasons *sl_workspace_seasons_of(const sl_workspace *ws) { return &ws->seasons; }
const sl_table *sl_workspace_stats(const sl_workspace *ws) { return ws->stats; }
const sl_table *sl_workspace_values(const sl_workspace *ws) { return ws->values; }
const sl_table *sl_workspace_contracts(const sl_workspace *ws) { return ws->contracts; }
const sl_table *sl_workspace_positions(const sl_workspace *ws) { return ws->positions; }
const sl_table *sl_workspace_transfers(const sl_workspace *ws) { return ws->transfers; }
const sl_table *sl_workspace_overrides(const sl_workspace *ws) { return ws->overrides; }
const sl_compare *sl_workspace_compare(const sl_workspace *ws) { return ws->cmp; }
const sl_squad *sl_workspace_squad(const sl_workspace *ws) { return ws->squad; }
const sl_profiles *sl_workspace_profiles(const sl_workspace *ws) { return ws->profiles; }
const sl_fees_model *sl_workspace_model(const sl_workspace *ws) { return ws->model; }
const sl_fees_model *sl_workspace_performance_model(const sl_workspace *ws) { return ws->perf_model; }
const sl_perf_index *sl_workspace_perf(const sl_workspace *ws) { return ws->perf; }
const sl_fees_report *sl_workspace_fit_report(const sl_workspace *ws) { return ws->fit; }
double sl_workspace_level(const sl_workspace *ws) { return ws->level; }
const char *sl_workspace_note(const sl_workspace *ws, size_t i) { return i < ws->nnotes ? ws->notes[i] : NULL; }
size_t sl_workspace_note_count(const sl_workspace *ws) { return ws->nnotes; }
const sl_attach_report *sl_workspace_history(const sl_workspace *ws) {
  return ws && ws->history_report.file[0] ? &ws->history_report : NULL;
}
