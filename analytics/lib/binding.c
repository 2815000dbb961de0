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
  int st = sl_workspace_new(&in, out, &err);
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
  const sl_profile *pr = role ? sl_profiles_find(profiles, role) : sl_compare_default_profile(c, profiles, (size_t)pl.index);
  if (!pr) {
    char text[1024];
    st = role ? sl_error_set(&err, SL_EUNKNOWN, NULL, 0, 0, "%s", sl_profiles_not_found(profiles, role, text, sizeof text))
              : sl_error_set(&err, SL_EDATA, NULL, 0, 0, "no profile for %s's position group", pl.name);
    return fail(st, &err, msg, msgsize);
  }
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
    double *num = !strcmp(k, "age") ? &a->age : !strcmp(k, "contract_months") ? &a->contract_months
                  : !strcmp(k, "minutes_share") ? &a->minutes_share : !strcmp(k, "market_value") ? &a->market_value
                                                                                                 : NULL;
    if (!num)
      return sl_error_set(err, SL_EINVAL, NULL, 0, 0,
                          "unknown attribute '%s' (expected age, market_value, contract_months, minutes_share, "
                          "position, contract_until, club, league, buyer_league or buyer_club)", k);
    int money = num == &a->market_value;
    int ok = money ? sl_parse_euros(v, SL_DECIMAL_POINT, num) && *num > 0 : sl_parse_number(v, SL_DECIMAL_POINT, num);
    if (!ok)
      return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "%s expects %s, got '%s'", k,
                          money ? "an amount in euros greater than 0 (10000000, 10m, 750k)" : "a number", v);
  }
  return SL_OK;
}

int sl_binding_value(const sl_workspace *ws, const char *player, double bid, sl_binding_valuation **out, char *msg,
                     size_t msgsize) {
  return sl_binding_value_with(ws, player, bid, NULL, NULL, 0, out, msg, msgsize);
}

int sl_binding_value_with(const sl_workspace *ws, const char *player, double bid, const char *const *keys,
                          const char *const *values, size_t nattrs, sl_binding_valuation **out, char *msg,
                          size_t msgsize) {
  sl_error err;
  *out = NULL;
  if (!isnan(bid) && !(bid > 0 && isfinite(bid)))
    return fail(sl_error_set(&err, SL_EINVAL, NULL, 0, 0, "a bid is an amount in euros greater than 0 (got %g)", bid),
                &err, msg, msgsize);
  sl_workspace_player pl;
  int st = sl_workspace_find(ws, player, &pl, &err);
  if (st) return fail(st, &err, msg, msgsize);
  sl_binding_valuation *v = calloc(1, sizeof *v);
  if (!v) return fail(sl_error_set(&err, SL_ENOMEM, NULL, 0, 0, "out of memory"), &err, msg, msgsize);
  sl_workspace_attrs attrs;
  st = read_attrs(keys, values, nattrs, &attrs, &err);
  if (!st) st = sl_workspace_value(ws, &pl, nattrs ? &attrs : NULL, bid, &v->p, &v->v, &err);
  if (st) {
    free(v);
    return fail(st, &err, msg, msgsize);
  }
  copy_text(v->player, sizeof v->player, v->p.name ? v->p.name : pl.name);
  copy_text(v->club, sizeof v->club, v->p.club ? v->p.club : pl.club);
  copy_text(v->league, sizeof v->league, v->p.league);
  v->p.name = v->player, v->p.club = v->club, v->p.league = v->league[0] ? v->league : NULL;
  v->p.buyer_club = v->p.buyer_league = NULL;
  *out = v;
  return SL_OK;
}

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
  if (strcmp(key, "interval") == 0) return b->v.interval == SL_FEES_INTERVAL_CONFORMAL ? "split-conformal" : "t";
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
