/* binding.c - the flat API for language bindings; see include/scoutlab/binding.h. */
#include "scoutlab/binding.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scoutlab/datadir.h"
#include "scoutlab/fees.h"
#include "scoutlab/parse.h"
#include "scoutlab/season.h"

struct sl_binding_valuation {
  sl_fees_valuation v;
  sl_fees_player p;
  char player[SL_ERROR_MESSAGE_MAX]; /* copies: the valuation outlives nothing it borrows */
  char club[SL_ERROR_MESSAGE_MAX];
  char league[SL_ERROR_MESSAGE_MAX];
  char model[SL_ERROR_FILE_MAX];     /* the file of the model that valued him, "" for a fitted one */
  char model_choice[SL_FEES_NOTE_MAX]; /* why that model (a performance model for a player
                                          without a market value), "" when there was no choice */
  char verdict[SL_FEES_VERDICT_MAX]; /* with a bid: value's verdict in words, else "" */
};

static int fail(int st, const sl_error *err, char *msg, size_t size) {
  if (msg && size) sl_error_text(err, msg, size);
  return st ? st : SL_EINVAL;
}

int sl_binding_table_load(const char *const *paths, size_t n, sl_table **out, char *msg, size_t msgsize) {
  sl_error err;
  int st = sl_table_load_many(paths, n, NULL, out, &err);
  return st ? fail(st, &err, msg, msgsize) : SL_OK;
}

size_t sl_binding_table_rows(const sl_table *t) { return t ? t->nrows : 0; }
size_t sl_binding_table_columns(const sl_table *t) { return t ? t->ncols : 0; }

const char *sl_binding_column_name(const sl_table *t, size_t j) { return t && j < t->ncols ? t->cols[j].name : NULL; }

const char *sl_binding_column_type(const sl_table *t, size_t j) {
  return t && j < t->ncols ? sl_type_name(t->cols[j].type) : NULL;
}

double sl_binding_cell_number(const sl_table *t, size_t j, size_t row) {
  if (!t || j >= t->ncols || row >= t->nrows || !t->cols[j].num) return NAN;
  return t->cols[j].num[row];
}

const char *sl_binding_cell_text(const sl_table *t, size_t j, size_t row, char *buf, size_t size) {
  if (!t || j >= t->ncols) return NULL;
  return sl_table_text(t, &t->cols[j], row, buf, size);
}

size_t sl_binding_table_rows_read(const sl_table *t) { return t ? t->rows_read : 0; }
size_t sl_binding_table_skipped_count(const sl_table *t) { return t ? t->nskipped : 0; }

const char *sl_binding_table_skipped(const sl_table *t, size_t k, const char **file, long *line) {
  if (!t || k >= t->nskipped) return NULL;
  const sl_skipped_row *r = &t->skipped[k];
  if (file) *file = r->file < t->nfiles ? t->files[r->file] : NULL;
  if (line) *line = r->line;
  return r->reason;
}

size_t sl_binding_workspace_note_count(const sl_workspace *ws) { return ws ? sl_workspace_note_count(ws) : 0; }
const char *sl_binding_workspace_note(const sl_workspace *ws, size_t i) {
  return ws && i < sl_workspace_note_count(ws) ? sl_workspace_note(ws, i) : NULL;
}

int sl_binding_workspace_new(const char *const *stats, size_t nstats, const char *const *data, size_t ndata,
                             const char *const *transfers, size_t ntransfers, const char *model, int season,
                             sl_workspace **out, char *msg, size_t msgsize) {
  return sl_binding_workspace_open(stats, nstats, data, ndata, transfers, ntransfers, model, NULL, season, out, msg,
                                   msgsize);
}

int sl_binding_workspace_open(const char *const *stats, size_t nstats, const char *const *data, size_t ndata,
                              const char *const *transfers, size_t ntransfers, const char *model,
                              const char *performance_model, int season, sl_workspace **out, char *msg,
                              size_t msgsize) {
  return sl_binding_workspace_open_options(stats, nstats, data, ndata, transfers, ntransfers, model,
                                           performance_model, season, NULL, NULL, 0, out, msg, msgsize);
}

/* A 0/1 option ("0", "1", "true", "false"): SL_OK, or SL_EINVAL naming the key. */
static int option_flag(const char *key, const char *text, int *out, sl_error *err) {
  if (!strcmp(text, "1") || !strcmp(text, "true")) return *out = 1, SL_OK;
  if (!strcmp(text, "0") || !strcmp(text, "false")) return *out = 0, SL_OK;
  return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "%s expects true or false (1 or 0), got '%s'", key, text);
}

/* One season option (key "seasons": a range, "valuation_season": one season) into in. */
static int option_season(const char *key, const char *text, sl_workspace_inputs *in, sl_error *err) {
  sl_error e;
  int st = !strcmp(key, "seasons") ? sl_season_range_parse(text, &in->seasons_first, &in->seasons_last, &e)
                                   : sl_season_parse(text, &in->valuation_season, &e);
  return st ? sl_error_set(err, SL_EINVAL, NULL, 0, 0, "%s: %s", key, e.message) : SL_OK;
}

/* The workspace's options into in; the "positions" paths go to positions[] (n entries room). */
static int read_workspace_options(const char *const *keys, const char *const *values, size_t n,
                                  sl_workspace_inputs *in, const char **positions, sl_error *err) {
  if (n && (!keys || !values)) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "options without names or values");
  double level = 0;
  for (size_t i = 0; i < n; i++) {
    const char *k = keys[i], *v = values[i];
    int st = SL_OK;
    if (!k || !v) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "an option without a name or value");
    if (!strcmp(k, "positions")) positions[in->npositions++] = v;
    else if (!strcmp(k, "overrides")) in->overrides = *v ? v : NULL; /* "" = none, not the bundled file */
    else if (!strcmp(k, "profiles")) in->profiles = v;
    else if (!strcmp(k, "seasons") || !strcmp(k, "valuation_season")) st = option_season(k, v, in, err);
    else if (!strcmp(k, "pool_seasons")) st = option_flag(k, v, &in->pool_seasons, err);
    else if (!strcmp(k, "per_club")) st = option_flag(k, v, &in->per_club, err);
    else if (!strcmp(k, "level")) {
      if (!sl_parse_number(v, SL_DECIMAL_POINT, &level) || !(level > 0 && level < 1))
        st = sl_error_set(err, SL_EINVAL, NULL, 0, 0, "level expects a probability between 0 and 1, e.g. 0.8, got '%s'", v);
      in->level = level;
    } else
      st = sl_error_set(err, SL_EINVAL, NULL, 0, 0, "unknown option '%s' (expected positions, overrides, profiles, "
                        "seasons, pool_seasons, per_club, valuation_season or level)", k);
    if (st) return st;
  }
  if (in->pool_seasons && !in->seasons_first)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "pool_seasons needs seasons (a range such as 2022-2024)");
  return SL_OK;
}

int sl_binding_workspace_open_options(const char *const *stats, size_t nstats, const char *const *data,
                                      size_t ndata, const char *const *transfers, size_t ntransfers,
                                      const char *model, const char *performance_model, int season,
                                      const char *const *keys, const char *const *values, size_t noptions,
                                      sl_workspace **out, char *msg, size_t msgsize) {
  sl_workspace_inputs in;
  sl_workspace_inputs_init(&in);
  in.stats = stats, in.nstats = nstats;
  in.data = data, in.ndata = ndata;
  in.transfers = transfers, in.ntransfers = ntransfers;
  in.model = model, in.performance_model = performance_model;
  in.season = season;
  in.squad = nstats + ndata > 0; /* importance (sl_binding_squad_new); a fee model builds it anyway */
  /* Bundled files when installed, as the commands find them. */
  char profiles[SL_DATA_PATH_MAX], overrides[SL_DATA_PATH_MAX];
  sl_error err;
  if (sl_data_file("profiles.csv", profiles, sizeof profiles, &err) == SL_OK) in.profiles = profiles;
  if (sl_data_file("positions-override.csv", overrides, sizeof overrides, &err) == SL_OK) in.overrides = overrides;
  const char **positions = calloc(noptions ? noptions : 1, sizeof *positions);
  if (!positions) return fail(sl_error_set(&err, SL_ENOMEM, NULL, 0, 0, "out of memory"), &err, msg, msgsize);
  in.positions = positions;
  int st = read_workspace_options(keys, values, noptions, &in, positions, &err);
  if (!st) st = sl_workspace_new(&in, out, &err);
  free(positions); /* the workspace keeps its own copies of the paths it read */
  return st ? fail(st, &err, msg, msgsize) : SL_OK;
}

int sl_binding_model_save(const sl_workspace *ws, const char *path, char *msg, size_t msgsize) {
  sl_error err;
  const sl_fees_model *m = ws ? sl_workspace_model(ws) : NULL;
  if (!m) return fail(sl_error_set(&err, SL_EINVAL, NULL, 0, 0, "no fee model: give transfers or a model"), &err, msg,
                      msgsize);
  int st = sl_fees_save(m, path, &err);
  return st ? fail(st, &err, msg, msgsize) : SL_OK;
}

size_t sl_binding_model_coef_count(const sl_workspace *ws) {
  const sl_fees_model *m = ws ? sl_workspace_model(ws) : NULL;
  return m ? m->p : 0;
}

const char *sl_binding_model_coef_name(const sl_workspace *ws, size_t j) {
  const sl_fees_model *m = ws ? sl_workspace_model(ws) : NULL;
  return m && j < m->p ? m->names[j] : NULL;
}

double sl_binding_model_coef(const sl_workspace *ws, size_t j) {
  const sl_fees_model *m = ws ? sl_workspace_model(ws) : NULL;
  return m && j < m->p ? m->coef[j] : NAN;
}

size_t sl_binding_model_deals(const sl_workspace *ws) {
  const sl_fees_model *m = ws ? sl_workspace_model(ws) : NULL;
  return m && m->deals ? m->deals->n : 0;
}

static void copy_text(char *dst, size_t size, const char *src) { snprintf(dst, size, "%s", src ? src : ""); }

struct sl_binding_squad {
  const sl_squad *squad; /* borrowed from the workspace */
  size_t club;
};

int sl_binding_squad_new(const sl_workspace *ws, const char *club, sl_binding_squad **out, char *msg, size_t msgsize) {
  sl_error err;
  *out = NULL;
  const sl_squad *s = ws ? sl_workspace_squad(ws) : NULL;
  if (!s) return fail(sl_error_set(&err, SL_EDATA, NULL, 0, 0, "squad importance needs stats"), &err, msg, msgsize);
  size_t k = 0;
  int st = sl_squad_find_club(s, club, &k, &err);
  if (st) return fail(st, &err, msg, msgsize);
  sl_binding_squad *q = malloc(sizeof *q);
  if (!q) return fail(sl_error_set(&err, SL_ENOMEM, NULL, 0, 0, "out of memory"), &err, msg, msgsize);
  q->squad = s, q->club = k;
  *out = q;
  return SL_OK;
}

void sl_binding_squad_free(sl_binding_squad *q) { free(q); }

const char *sl_binding_squad_club(const sl_binding_squad *q) {
  return q ? sl_squad_club_at(q->squad, q->club)->name : NULL;
}
const char *sl_binding_squad_league(const sl_binding_squad *q) {
  return q ? sl_squad_club_at(q->squad, q->club)->league : NULL;
}
size_t sl_binding_squad_count(const sl_binding_squad *q) { return q ? sl_squad_club_at(q->squad, q->club)->n : 0; }

/* The i-th most important entry of the club, NULL out of range. */
static const sl_squad_entry *ranked_entry(const sl_binding_squad *q, size_t i) {
  const sl_squad_club *c = q ? sl_squad_club_at(q->squad, q->club) : NULL;
  return c && i < c->n ? sl_squad_entry_at(q->squad, c->ranked[i]) : NULL;
}

const char *sl_binding_squad_player(const sl_binding_squad *q, size_t i) {
  const sl_squad_entry *e = ranked_entry(q, i);
  return e ? sl_compare_player(sl_squad_index(q->squad), e->player)->name : NULL;
}

double sl_binding_squad_number(const sl_binding_squad *q, size_t i, const char *what) {
  const sl_squad_entry *e = ranked_entry(q, i);
  if (!e || !what) return NAN;
  if (!strcmp(what, "importance")) return e->total;
  if (!strcmp(what, "minutes")) return e->minutes;
  if (!strcmp(what, "minutes_share")) return e->minutes_share;
  if (!strcmp(what, "age")) return e->age;
  for (int k = 0; k < SL_SQUAD_COMPONENT_COUNT; k++)
    if (!strcmp(what, sl_squad_component_name((sl_squad_component)k))) return e->score[k];
  return NAN;
}

struct sl_binding_percentiles {
  const sl_profile *profile; /* borrowed from the workspace */
  sl_stat_value *v;
  sl_pool_info info;
  const char *player;        /* borrowed from the workspace's index */
};

int sl_binding_percentiles_new(const sl_workspace *ws, const char *player, const char *role,
                               sl_binding_percentiles **out, char *msg, size_t msgsize) {
  sl_error err;
  *out = NULL;
  const sl_compare *c = ws ? sl_workspace_compare(ws) : NULL;
  const sl_profiles *profiles = ws ? sl_workspace_profiles(ws) : NULL;
  if (!c || !profiles)
    return fail(sl_error_set(&err, SL_EDATA, NULL, 0, 0, "percentiles need stats and role profiles"), &err, msg, msgsize);
  sl_workspace_player pl;
  int st = sl_workspace_find(ws, player, &pl, &err);
  if (!st && pl.index < 0)
    st = sl_error_set(&err, SL_EDATA, NULL, 0, 0, "%s is in the values only: no stats to rank", pl.name);
  if (st) return fail(st, &err, msg, msgsize);
  const sl_profile *pr = NULL;
  sl_profiles *none = NULL; /* no stats list: the profile is borrowed from the workspace */
  st = sl_compare_profile_choose(c, profiles, (size_t)pl.index, role, NULL, &pr, &none, &err);
  if (st) return fail(st, &err, msg, msgsize);
  sl_binding_percentiles *p = calloc(1, sizeof *p);
  if (p) p->v = calloc(pr->nstats ? pr->nstats : 1, sizeof *p->v);
  if (!p || !p->v) {
    sl_binding_percentiles_free(p);
    return fail(sl_error_set(&err, SL_ENOMEM, NULL, 0, 0, "out of memory"), &err, msg, msgsize);
  }
  sl_pool pool;
  sl_pool_shared(&pool); /* the compare commands' default pool */
  st = sl_compare_percentiles(c, (size_t)pl.index, pr, &pool, p->v, &p->info, &err);
  if (st) {
    sl_binding_percentiles_free(p);
    return fail(st, &err, msg, msgsize);
  }
  p->profile = pr, p->player = pl.name;
  *out = p;
  return SL_OK;
}

void sl_binding_percentiles_free(sl_binding_percentiles *p) {
  if (p) free(p->v);
  free(p);
}

const char *sl_binding_percentiles_role(const sl_binding_percentiles *p) { return p ? p->profile->role : NULL; }
const char *sl_binding_percentiles_group(const sl_binding_percentiles *p) { return p ? sl_group_name(p->info.group) : NULL; }
size_t sl_binding_percentiles_pool(const sl_binding_percentiles *p) { return p ? p->info.size : 0; }
const char *sl_binding_percentiles_player(const sl_binding_percentiles *p) { return p ? p->player : NULL; }
size_t sl_binding_percentiles_count(const sl_binding_percentiles *p) { return p ? p->profile->nstats : 0; }

const char *sl_binding_percentiles_stat(const sl_binding_percentiles *p, size_t i) {
  return p && i < p->profile->nstats ? p->profile->stats[i].label : NULL;
}
double sl_binding_percentiles_value(const sl_binding_percentiles *p, size_t i) {
  return p && i < p->profile->nstats ? p->v[i].value : NAN;
}
double sl_binding_percentiles_percentile(const sl_binding_percentiles *p, size_t i) {
  return p && i < p->profile->nstats ? p->v[i].percentile : NAN;
}
size_t sl_binding_percentiles_peers(const sl_binding_percentiles *p, size_t i) {
  return p && i < p->profile->nstats ? p->v[i].peers : 0;
}
double sl_binding_percentiles_attempts(const sl_binding_percentiles *p, size_t i) {
  return p && i < p->profile->nstats ? p->v[i].attempts : NAN;
}
int sl_binding_percentiles_few(const sl_binding_percentiles *p, size_t i) {
  return p && i < p->profile->nstats ? p->v[i].few : 0;
}

/* Text attributes into a: numbers in the C locale, amounts as money ("10m"), names as given;
 * SL_EINVAL naming the key and what it expects. */
static int read_attrs(const char *const *keys, const char *const *values, size_t n, sl_workspace_attrs *a,
                      sl_error *err) {
  static const char *const text_keys[] = {"position", "contract_until", "club", "league", "buyer_league", "buyer_club"};
  sl_workspace_attrs_init(a);
  if (n && (!keys || !values)) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "attributes without names or values");
  const char **text[] = {&a->position, &a->contract_until, &a->club, &a->league, &a->buyer_league, &a->buyer_club};
  for (size_t i = 0; i < n; i++) {
    const char *k = keys[i], *v = values[i];
    if (!k || !v) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "an attribute without a name or value");
    size_t t = 0;
    while (t < sizeof text_keys / sizeof text_keys[0] && strcmp(k, text_keys[t]) != 0) t++;
    if (t < sizeof text_keys / sizeof text_keys[0]) {
      *text[t] = v;
      continue;
    }
    if (!strcmp(k, "last_fee")) { /* the library's rule: an amount, or none (never sold for a fee) */
      if (sl_fees_last_fee_parse(v, &a->last_fee))
        return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "last_fee expects an amount in euros greater than 0 (10m) or "
                                                        "none, got '%s'", v);
      continue;
    }
    if (!strcmp(k, "last_fee_season")) {
      if (sl_season_parse(v, &a->last_fee_season, NULL))
        return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "last_fee_season expects a season (2021, 2021/22), got '%s'", v);
      continue;
    }
    double *num = !strcmp(k, "age") ? &a->age : !strcmp(k, "contract_months") ? &a->contract_months
                  : !strcmp(k, "minutes_share") ? &a->minutes_share : !strcmp(k, "market_value") ? &a->market_value
                                                                                                 : NULL;
    if (!num)
      return sl_error_set(err, SL_EINVAL, NULL, 0, 0,
                          "unknown attribute '%s' (expected age, market_value, contract_months, minutes_share, "
                          "last_fee, last_fee_season, position, contract_until, club, league, buyer_league or "
                          "buyer_club)", k);
    int money = num == &a->market_value;
    int ok = money ? sl_parse_euros(v, SL_DECIMAL_POINT, num) && *num > 0 : sl_parse_number(v, SL_DECIMAL_POINT, num);
    if (!ok)
      return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "%s expects %s, got '%s'", k,
                          money ? "an amount in euros greater than 0 (10000000, 10m, 750k)" : "a number", v);
  }
  if (a->last_fee_season && isnan(a->last_fee))
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "last_fee_season without last_fee: give the fee too");
  return SL_OK;
}

int sl_binding_value(const sl_workspace *ws, const char *player, double bid, sl_binding_valuation **out, char *msg,
                     size_t msgsize) {
  return sl_binding_value_with(ws, player, bid, NULL, NULL, 0, out, msg, msgsize);
}

/* The library's answer for the named player: the bid checked as value checks it, the player
 * found, the attributes read. */
static int answer_for(const sl_workspace *ws, const char *player, double bid, const char *const *keys,
                      const char *const *values, size_t nattrs, size_t ncomparables, const char *const *what_if,
                      size_t nwhat, sl_workspace_answer **out, sl_error *err) {
  *out = NULL;
  if (!isnan(bid) && !(bid > 0 && isfinite(bid)))
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "a bid is an amount in euros greater than 0 (got %g)", bid);
  sl_workspace_player pl;
  int st = sl_workspace_find(ws, player, &pl, err);
  sl_workspace_attrs attrs;
  if (!st) st = read_attrs(keys, values, nattrs, &attrs, err);
  if (!st) st = sl_workspace_answer_new(ws, &pl, nattrs ? &attrs : NULL, bid, ncomparables, what_if, nwhat, out, err);
  return st;
}

int sl_binding_value_with(const sl_workspace *ws, const char *player, double bid, const char *const *keys,
                          const char *const *values, size_t nattrs, sl_binding_valuation **out, char *msg,
                          size_t msgsize) {
  sl_error err;
  *out = NULL;
  sl_workspace_answer *a = NULL;
  int st = answer_for(ws, player, bid, keys, values, nattrs, 0, NULL, 0, &a, &err);
  sl_binding_valuation *v = st ? NULL : calloc(1, sizeof *v);
  if (!st && !v) st = sl_error_set(&err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  if (st) {
    sl_workspace_answer_free(a);
    return fail(st, &err, msg, msgsize);
  }
  v->v = a->valuation, v->p = a->player;
  copy_text(v->player, sizeof v->player, a->player.name ? a->player.name : "");
  copy_text(v->club, sizeof v->club, a->player.club ? a->player.club : "");
  copy_text(v->league, sizeof v->league, a->player.league);
  copy_text(v->model, sizeof v->model, a->model_path ? a->model_path : "");
  copy_text(v->model_choice, sizeof v->model_choice, a->model_choice);
  copy_text(v->verdict, sizeof v->verdict, a->verdict);
  v->p.name = v->player, v->p.club = v->club, v->p.league = v->league[0] ? v->league : NULL;
  v->p.buyer_club = v->p.buyer_league = NULL;
  sl_workspace_answer_free(a);
  *out = v;
  return SL_OK;
}

int sl_binding_value_json(const sl_workspace *ws, const char *player, double bid, const char *const *keys,
                          const char *const *values, size_t nattrs, size_t ncomparables, const char *const *what_if,
                          size_t nwhat, char **json, char *msg, size_t msgsize) {
  sl_error err;
  *json = NULL;
  sl_workspace_answer *a = NULL;
  int st = answer_for(ws, player, bid, keys, values, nattrs, ncomparables, what_if, nwhat, &a, &err);
  size_t size = 0;
  FILE *f = st ? NULL : open_memstream(json, &size);
  if (!st && !f) st = sl_error_set(&err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  if (f) {
    sl_workspace_answer_json(f, a);
    int bad = ferror(f); /* a write that failed leaves the document cut short: never handed out */
    if (fclose(f) != 0 || bad || !*json) st = sl_error_set(&err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  }
  sl_workspace_answer_free(a);
  if (st) {
    free(*json), *json = NULL;
    return fail(st, &err, msg, msgsize);
  }
  return SL_OK;
}

void sl_binding_string_free(char *s) { free(s); }

void sl_binding_valuation_free(sl_binding_valuation *v) { free(v); }

int sl_binding_season_parse(const char *text, int *first_year, char *msg, size_t msgsize) {
  sl_error err;
  int st = sl_season_parse(text, first_year, &err);
  return st ? fail(st, &err, msg, msgsize) : SL_OK;
}

static const char *const valuation_keys[] = {"fair_fee", "fee_mean", "fee_low", "fee_high", "level", "bid",
                                             "p_at_least_bid", "log_fee", "se_prediction", "typical_fee", "age",
                                             "market_value", "contract_months", "minutes_share", "season"};
#define NKEYS (sizeof valuation_keys / sizeof valuation_keys[0])

size_t sl_binding_valuation_key_count(void) { return NKEYS; }
const char *sl_binding_valuation_key(size_t i) { return i < NKEYS ? valuation_keys[i] : NULL; }

double sl_binding_valuation_number(const sl_binding_valuation *b, const char *key) {
  if (!b || !key) return NAN;
  const sl_fees_valuation *v = &b->v;
  const sl_fees_player *p = &b->p;
  const double values[NKEYS] = {v->fair_fee,
                                v->fee_mean,
                                v->fee_low,
                                v->fee_high,
                                v->level,
                                v->bid,
                                v->p_at_least_bid,
                                v->log_fee,
                                v->se_prediction,
                                v->typical_fee,
                                p->age,
                                p->market_value,
                                p->contract_months,
                                p->minutes_share,
                                p->season > 0 ? (double)p->season : NAN};
  for (size_t i = 0; i < NKEYS; i++)
    if (strcmp(key, valuation_keys[i]) == 0) return values[i];
  return NAN;
}

const char *sl_binding_valuation_text(const sl_binding_valuation *b, const char *key) {
  if (!b || !key) return NULL;
  if (strcmp(key, "player") == 0) return b->player[0] ? b->player : NULL;
  if (strcmp(key, "club") == 0) return b->club[0] ? b->club : NULL;
  if (strcmp(key, "league") == 0) return b->league[0] ? b->league : NULL;
  if (strcmp(key, "position_group") == 0) return b->p.group >= 0 ? sl_fees_group_name(b->p.group) : NULL;
  if (strcmp(key, "interval") == 0) return b->v.interval == SL_FEES_INTERVAL_CONFORMAL ? "conformal" : "t"; /* as JSON */
  if (strcmp(key, "model") == 0) return b->model[0] ? b->model : NULL;
  if (strcmp(key, "model_choice") == 0) return b->model_choice[0] ? b->model_choice : NULL;
  if (strcmp(key, "verdict") == 0) return b->verdict[0] ? b->verdict : NULL;
  return NULL;
}

size_t sl_binding_valuation_term_count(const sl_binding_valuation *b) { return b ? b->v.ncontrib : 0; }

const char *sl_binding_valuation_term(const sl_binding_valuation *b, size_t i, const char **value, double *percent,
                                      double *eur) {
  if (!b || i >= b->v.ncontrib) return NULL;
  const sl_fees_contribution *c = &b->v.contrib[i];
  if (value) *value = c->value;
  if (percent) *percent = c->percent;
  if (eur) *eur = c->eur;
  return c->term;
}

size_t sl_binding_valuation_note_count(const sl_binding_valuation *b) { return b ? b->v.nnotes : 0; }

const char *sl_binding_valuation_note(const sl_binding_valuation *b, size_t i) {
  return b && i < b->v.nnotes ? b->v.notes[i] : NULL;
}

/* ---- compare and similar: options as text, read with the library's parsers ---- */

/* What a comparison or a similar search is asked, as the commands' options ask it. */
typedef struct compare_request {
  const char *role, *stats_list, *leagues;
  sl_pool pool;
  sl_similar_options similar;
} compare_request;

static int option_number(const char *key, const char *text, int money, double *out, sl_error *err) {
  int ok = money ? sl_parse_euros(text, SL_DECIMAL_POINT, out) : sl_parse_number(text, SL_DECIMAL_POINT, out);
  if (ok && *out >= 0) return SL_OK;
  return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "%s expects %s, got '%s'", key,
                      money ? "an amount in euros such as 15m or 700k" : "a non-negative number", text);
}

/* One of the similar search's own options: SL_OK taken, -1 not one of them, or a status. */
static int similar_option(const char *k, const char *v, compare_request *r, sl_error *err) {
  sl_similar_options *o = &r->similar;
  double x = 0;
  if (!strcmp(k, "leagues")) return r->leagues = v, SL_OK;
  if (!strcmp(k, "metric")) {
    if (strcmp(v, "euclidean") && strcmp(v, "cosine"))
      return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "metric expects euclidean or cosine, got '%s'", v);
    return o->metric = v[0] == 'c' ? SL_SIMILAR_COSINE : SL_SIMILAR_EUCLIDEAN, SL_OK;
  }
  if (!strcmp(k, "k")) {
    int st = option_number(k, v, 0, &x, err);
    if (!st && (x < 1 || x != floor(x) || x > SL_COMPARE_MAX_K))
      st = sl_error_set(err, SL_EINVAL, NULL, 0, 0, "k expects a whole number from 1 to %d, got '%s'", SL_COMPARE_MAX_K, v);
    return st ? st : (o->k = (size_t)x, SL_OK);
  }
  double *num = !strcmp(k, "max_age") ? &o->max_age : !strcmp(k, "min_age") ? &o->min_age
                : !strcmp(k, "candidate_minutes") ? &o->candidate_min_minutes : !strcmp(k, "max_value") ? &o->max_value
                : !strcmp(k, "max_fee") ? &o->max_fee : NULL;
  if (!num) return -1;
  return option_number(k, v, num == &o->max_value || num == &o->max_fee, num, err);
}

/* Text options into r: role, stats_list, pool, min_minutes, and with `similar` k, max_age,
 * min_age, max_value, max_fee, leagues, metric, candidate_minutes. SL_EINVAL naming the key. */
static int read_request(const char *const *keys, const char *const *values, size_t n, int similar,
                        compare_request *r, sl_error *err) {
  memset(r, 0, sizeof *r);
  sl_pool_shared(&r->pool); /* the compare commands' default pool */
  sl_similar_default(&r->similar);
  if (n && (!keys || !values)) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "options without names or values");
  for (size_t i = 0; i < n; i++) {
    const char *k = keys[i], *v = values[i];
    int st = -1;
    if (!k || !v) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "an option without a name or value");
    if (!strcmp(k, "role")) st = (r->role = v, SL_OK);
    else if (!strcmp(k, "stats_list")) st = (r->stats_list = v, SL_OK);
    else if (!strcmp(k, "pool")) st = sl_pool_parse(v, &r->pool, err);
    else if (!strcmp(k, "min_minutes")) st = option_number(k, v, 0, &r->pool.min_minutes, err);
    else if (similar) st = similar_option(k, v, r, err);
    if (st > 0) return st;
    if (st < 0)
      return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "unknown option '%s' (expected role, stats_list, pool, min_minutes%s)",
                          k, similar ? ", k, max_age, min_age, max_value, max_fee, leagues, metric or candidate_minutes" : "");
  }
  return SL_OK;
}

/* The stats index and profiles of ws, with the pool's and the leagues' names checked against the
 * stats as the commands check them (sl_compare_leagues_check). */
static int compare_inputs(const sl_workspace *ws, const compare_request *r, const sl_compare **c, sl_error *err) {
  *c = ws ? sl_workspace_compare(ws) : NULL;
  if (!*c || !sl_workspace_profiles(ws))
    return sl_error_set(err, SL_EDATA, NULL, 0, 0, "comparing players needs stats and role profiles");
  int st = r->pool.kind == SL_POOL_LIST ? sl_compare_leagues_check(*c, r->pool.leagues, err) : SL_OK;
  if (!st && r->leagues) st = sl_compare_leagues_check(*c, r->leagues, err);
  return st;
}

/* Player `name` of the stats: sl_workspace_find, as the commands find him. */
static int stats_player(const sl_workspace *ws, const char *name, size_t *index, sl_error *err) {
  sl_workspace_player pl;
  int st = sl_workspace_find(ws, name, &pl, err);
  if (!st && pl.index < 0)
    st = sl_error_set(err, SL_EDATA, NULL, 0, 0, "%s is in the values only: no stats to compare", pl.name);
  if (!st) *index = (size_t)pl.index;
  return st;
}

/* ---- players side by side ---- */

struct sl_binding_compare {
  const sl_compare *index; /* borrowed from the workspace */
  const sl_profile *profile; /* borrowed from the workspace, or from owned */
  sl_profiles *owned;      /* a stats_list's profile, NULL otherwise */
  size_t n;
  size_t *player;          /* index entries, in the order asked */
  sl_stat_value *v;        /* n x profile->nstats, row-major */
  sl_pool_info *info;
  double *mean;            /* mean percentile of each */
};

void sl_binding_compare_free(sl_binding_compare *b) {
  if (!b) return;
  free(b->player), free(b->v), free(b->info), free(b->mean);
  sl_profiles_free(b->owned);
  free(b);
}

static int compare_alloc(size_t n, size_t nstats, sl_binding_compare **out, sl_error *err) {
  sl_binding_compare *b = calloc(1, sizeof *b);
  if (b) {
    b->n = n;
    b->player = calloc(n ? n : 1, sizeof *b->player);
    b->v = calloc((n ? n : 1) * (nstats ? nstats : 1), sizeof *b->v);
    b->info = calloc(n ? n : 1, sizeof *b->info);
    b->mean = calloc(n ? n : 1, sizeof *b->mean);
  }
  if (!b || !b->player || !b->v || !b->info || !b->mean) {
    sl_binding_compare_free(b);
    return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  }
  *out = b;
  return SL_OK;
}

/* Every name found, then the profile for the first (as `scoutlab compare` finds and chooses). */
static int compare_build(const sl_workspace *ws, const char *const *players, size_t n, const compare_request *r,
                         sl_binding_compare **out, sl_error *err) {
  const sl_compare *c;
  int st = compare_inputs(ws, r, &c, err);
  if (!st && (!players || n == 0)) st = sl_error_set(err, SL_EINVAL, NULL, 0, 0, "name at least one player");
  size_t *idx = st ? NULL : calloc(n, sizeof *idx);
  if (!st && !idx) st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  for (size_t k = 0; !st && k < n; k++) st = stats_player(ws, players[k], &idx[k], err);
  if (!st) st = sl_compare_distinct(c, players, idx, n, err);
  const sl_profile *pr = NULL;
  sl_profiles *owned = NULL;
  if (!st) st = sl_compare_profile_choose(c, sl_workspace_profiles(ws), idx[0], r->role, r->stats_list, &pr, &owned, err);
  if (!st) st = compare_alloc(n, pr->nstats, out, err);
  if (st) {
    free(idx), sl_profiles_free(owned);
    return st;
  }
  sl_binding_compare *b = *out;
  b->index = c, b->profile = pr, b->owned = owned;
  memcpy(b->player, idx, n * sizeof *idx);
  free(idx);
  return SL_OK;
}

int sl_binding_compare_new(const sl_workspace *ws, const char *const *players, size_t nplayers,
                           const char *const *keys, const char *const *values, size_t noptions,
                           sl_binding_compare **out, char *msg, size_t msgsize) {
  sl_error err;
  *out = NULL;
  compare_request r;
  sl_binding_compare *b = NULL;
  int st = read_request(keys, values, noptions, 0, &r, &err);
  if (!st) st = compare_build(ws, players, nplayers, &r, &b, &err);
  size_t ns = b ? b->profile->nstats : 0;
  for (size_t k = 0; !st && k < nplayers; k++) {
    st = sl_compare_percentiles(b->index, b->player[k], b->profile, &r.pool, b->v + k * ns, &b->info[k], &err);
    if (!st) b->mean[k] = sl_compare_mean_percentile(b->profile, b->v + k * ns);
  }
  if (st) {
    sl_binding_compare_free(b);
    return fail(st, &err, msg, msgsize);
  }
  *out = b;
  return SL_OK;
}

const char *sl_binding_compare_role(const sl_binding_compare *b) { return b ? b->profile->role : NULL; }
size_t sl_binding_compare_player_count(const sl_binding_compare *b) { return b ? b->n : 0; }
size_t sl_binding_compare_stat_count(const sl_binding_compare *b) { return b ? b->profile->nstats : 0; }

const char *sl_binding_compare_stat(const sl_binding_compare *b, size_t s, const char *what) {
  if (!b || s >= b->profile->nstats || !what) return NULL;
  const sl_profile_stat *st = &b->profile->stats[s];
  if (!strcmp(what, "stat")) return st->label;
  if (!strcmp(what, "group")) return st->stat_group;
  if (!strcmp(what, "kind")) return sl_stat_kind_name(st->kind);
  if (!strcmp(what, "better")) return sl_better_name(st->better);
  return NULL;
}

/* A player's text fields, shared by compare and similar: as the commands' JSON names them. */
static const char *player_text(const sl_player *p, const char *what) {
  if (!strcmp(what, "name")) return p->name;
  if (!strcmp(what, "club")) return p->club;
  if (!strcmp(what, "clubs")) return p->clubs;
  if (!strcmp(what, "league")) return p->league;
  if (!strcmp(what, "leagues")) return p->leagues;
  if (!strcmp(what, "seasons")) return p->seasons;
  if (!strcmp(what, "group")) return sl_group_name(p->group);
  if (!strcmp(what, "position_source")) return sl_position_source_name(p->group_source);
  if (!strcmp(what, "sub_position")) return p->sub_position;
  if (!strcmp(what, "fbref_position")) return p->fbref_pos;
  if (!strcmp(what, "position_note")) return p->position_note;
  return NULL;
}

/* A player's numbers, shared by compare and similar. */
static double player_number(const sl_player *p, const char *what) {
  if (!strcmp(what, "age")) return p->age;
  if (!strcmp(what, "born")) return p->born;
  if (!strcmp(what, "minutes")) return p->minutes;
  if (!strcmp(what, "nineties")) return p->nineties;
  if (!strcmp(what, "market_value")) return p->market_value;
  if (!strcmp(what, "rows")) return (double)p->nrows;
  return NAN;
}

const char *sl_binding_compare_text(const sl_binding_compare *b, size_t i, const char *what) {
  if (!b || i >= b->n || !what) return NULL;
  if (!strcmp(what, "pool_group")) return sl_group_name(b->info[i].group);
  if (!strcmp(what, "pool_leagues")) return b->info[i].leagues;
  return player_text(sl_compare_player(b->index, b->player[i]), what);
}

double sl_binding_compare_number(const sl_binding_compare *b, size_t i, const char *what) {
  if (!b || i >= b->n || !what) return NAN;
  const sl_pool_info *in = &b->info[i];
  if (!strcmp(what, "mean_percentile")) return b->mean[i];
  if (!strcmp(what, "pool_size")) return (double)in->size;
  if (!strcmp(what, "player_in_pool")) return in->player_in_pool;
  if (!strcmp(what, "small_sample")) return in->small_sample;
  if (!strcmp(what, "below_default_minutes")) return in->below_default;
  return player_number(sl_compare_player(b->index, b->player[i]), what);
}

static const sl_stat_value *compare_cell(const sl_binding_compare *b, size_t i, size_t s) {
  return b && i < b->n && s < b->profile->nstats ? &b->v[i * b->profile->nstats + s] : NULL;
}
double sl_binding_compare_value(const sl_binding_compare *b, size_t i, size_t s) {
  const sl_stat_value *v = compare_cell(b, i, s);
  return v ? v->value : NAN;
}
double sl_binding_compare_percentile(const sl_binding_compare *b, size_t i, size_t s) {
  const sl_stat_value *v = compare_cell(b, i, s);
  return v ? v->percentile : NAN;
}
size_t sl_binding_compare_peers(const sl_binding_compare *b, size_t i, size_t s) {
  const sl_stat_value *v = compare_cell(b, i, s);
  return v ? v->peers : 0;
}
double sl_binding_compare_attempts(const sl_binding_compare *b, size_t i, size_t s) {
  const sl_stat_value *v = compare_cell(b, i, s);
  return v ? v->attempts : NAN;
}
int sl_binding_compare_few(const sl_binding_compare *b, size_t i, size_t s) {
  const sl_stat_value *v = compare_cell(b, i, s);
  return v ? v->few : 0;
}

/* ---- similar players ---- */

struct sl_binding_similar {
  const sl_compare *index;   /* borrowed from the workspace */
  const sl_profile *profile; /* borrowed from the workspace, or from owned */
  sl_profiles *owned;
  size_t target;
  sl_similar_metric metric;
  sl_similar_info info;
  sl_similar_hit *hits;
  size_t n;
  double *fee;               /* fair fee of each hit; NULL without a fee model */
};

void sl_binding_similar_free(sl_binding_similar *s) {
  if (!s) return;
  free(s->hits), free(s->fee);
  sl_profiles_free(s->owned);
  free(s);
}

/* What the options need from the workspace: market values for max_value, a fee model for
 * max_fee (the commands' --values and --model). */
static int similar_needs(const sl_workspace *ws, const sl_similar_options *o, sl_error *err) {
  if (!isnan(o->max_value) && !sl_workspace_values(ws))
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "max_value needs market values (a values file in the data)");
  if (!isnan(o->max_fee) && !sl_workspace_model(ws))
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "max_fee needs a fee model (a saved model or past transfers)");
  return SL_OK;
}

/* With a fee model, every candidate's fair fee (sl_workspace_fair_fees) into *fees (the caller
 * frees it); NULL without one. */
static int candidate_fees(const sl_workspace *ws, const sl_binding_similar *s, const compare_request *r,
                          double **fees, sl_error *err) {
  *fees = NULL;
  if (!sl_workspace_model(ws)) return SL_OK;
  sl_group g = sl_compare_peer_group(s->index, s->target, s->profile); /* the group searched */
  size_t n = sl_compare_count(s->index);
  *fees = malloc((n ? n : 1) * sizeof **fees);
  if (!*fees) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  return sl_workspace_fair_fees(ws, g, r->pool.min_minutes, *fees, NULL, err);
}

/* The search itself, as `scoutlab similar` runs it; the hits' fees kept, the others dropped. */
static int similar_run(const sl_workspace *ws, sl_binding_similar *s, compare_request *r, sl_error *err) {
  double *fees = NULL;
  int st = candidate_fees(ws, s, r, &fees, err);
  sl_similar_options *o = &r->similar;
  o->min_minutes = r->pool.min_minutes, o->pool = &r->pool, o->leagues = r->leagues, o->fair_fee = fees;
  s->hits = st ? NULL : calloc(o->k, sizeof *s->hits);
  s->fee = st || !fees ? NULL : calloc(o->k, sizeof *s->fee);
  if (!st && (!s->hits || (fees && !s->fee))) st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  if (!st) st = sl_compare_similar(s->index, s->target, s->profile, o, s->hits, &s->n, &s->info, err);
  for (size_t h = 0; !st && s->fee && h < s->n; h++) s->fee[h] = fees[s->hits[h].player];
  free(fees);
  return st;
}

int sl_binding_similar_new(const sl_workspace *ws, const char *player, const char *const *keys,
                           const char *const *values, size_t noptions, sl_binding_similar **out, char *msg,
                           size_t msgsize) {
  sl_error err;
  *out = NULL;
  compare_request r;
  const sl_compare *c = NULL;
  sl_binding_similar *s = NULL;
  int st = read_request(keys, values, noptions, 1, &r, &err);
  if (!st) st = compare_inputs(ws, &r, &c, &err);
  if (!st) st = similar_needs(ws, &r.similar, &err);
  if (!st && !(s = calloc(1, sizeof *s))) st = sl_error_set(&err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  if (!st) s->index = c, s->metric = r.similar.metric, st = stats_player(ws, player ? player : "", &s->target, &err);
  if (!st)
    st = sl_compare_profile_choose(c, sl_workspace_profiles(ws), s->target, r.role, r.stats_list, &s->profile,
                                   &s->owned, &err);
  if (!st) st = similar_run(ws, s, &r, &err);
  if (st) {
    sl_binding_similar_free(s);
    return fail(st, &err, msg, msgsize);
  }
  *out = s;
  return SL_OK;
}

const char *sl_binding_similar_player(const sl_binding_similar *s) {
  return s ? sl_compare_player(s->index, s->target)->name : NULL;
}
const char *sl_binding_similar_role(const sl_binding_similar *s) { return s ? s->profile->role : NULL; }
const char *sl_binding_similar_metric(const sl_binding_similar *s) {
  return s ? s->metric == SL_SIMILAR_COSINE ? "cosine" : "euclidean" : NULL;
}

double sl_binding_similar_info(const sl_binding_similar *s, const char *what) {
  if (!s || !what) return NAN;
  const sl_similar_info *in = &s->info;
  const struct { const char *name; size_t n; } counts[] = {
      {"population", in->population},         {"candidates", in->candidates},
      {"excluded_age", in->excluded_age},     {"excluded_value", in->excluded_value},
      {"excluded_no_value", in->excluded_no_value}, {"excluded_league", in->excluded_league},
      {"excluded_minutes", in->excluded_minutes},   {"excluded_fee", in->excluded_fee},
      {"excluded_no_fee", in->excluded_no_fee}};
  for (size_t k = 0; k < sizeof counts / sizeof counts[0]; k++)
    if (!strcmp(what, counts[k].name)) return (double)counts[k].n;
  return NAN;
}

size_t sl_binding_similar_count(const sl_binding_similar *s) { return s ? s->n : 0; }

const char *sl_binding_similar_text(const sl_binding_similar *s, size_t i, const char *what) {
  if (!s || i >= s->n || !what) return NULL;
  return player_text(sl_compare_player(s->index, s->hits[i].player), what);
}

double sl_binding_similar_number(const sl_binding_similar *s, size_t i, const char *what) {
  if (!s || i >= s->n || !what) return NAN;
  if (!strcmp(what, "distance")) return s->hits[i].distance;
  if (!strcmp(what, "shared_stats")) return (double)s->hits[i].shared;
  if (!strcmp(what, "fair_fee")) return s->fee ? s->fee[i] : NAN;
  return player_number(sl_compare_player(s->index, s->hits[i].player), what);
}
