/* fees_design.c - the fee model's terms, factor levels and design rows.
 *
 * Terms (in this order, each dropped with a note when its column is absent):
 *   age: age and age² (fees rise to a peak in the mid-twenties, then fall; a quadratic has
 *        one peak and two parameters, enough for ~10^4 deals);
 *   position: six groups, DM/CM the reference;
 *   buying league, selling league: factors, the most frequent level the reference; levels with
 *        fewer than SL_FEES_MIN_LEVEL_DEALS training deals are pooled into "other";
 *   season, one of three forms (sl_fees_season_mode, chosen by the inner time split):
 *        a linear trend in (season - last training season), i.e. constant fee inflation per
 *        year, extrapolated beyond the training seasons (or held with season_hold = 1);
 *        a level per season (the latest season the reference), a later season taking the
 *        last level: the market of the last seasons carried forward, no extrapolation; or
 *        no season term, recency then entering only through the training weights;
 *   log market value, contract months left, minutes share: linear;
 *   with sl_fees_options.performance, the season before's performance from a stats history
 *        (minutes share, starts share, npxG+xAG per 90, progressive actions per 90, his club's
 *        points per match; scoutlab/perf.h): linear, each dropped with a note when the stats
 *        have no column for it.
 * An unknown value of an averaged term (league, season, contract, minutes) takes the training
 * mean of its columns, i.e. "a typical deal" for that term, so its contribution is zero. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fees_internal.h"

sl_fees_model *sl_fees_model_alloc(void) {
  sl_fees_model *m = calloc(1, sizeof(sl_fees_model));
  if (m) sl_fees_ranges_build(m); /* no deals yet: no ranges */
  return m;
}

void sl_fees_model_free(sl_fees_model *m) {
  if (!m) return;
  for (size_t t = 0; t < m->nterms; t++) {
    for (size_t l = 0; l < m->terms[t].nlevels; l++) free(m->terms[t].levels[l]);
    free(m->terms[t].levels);
  }
  for (size_t j = 0; m->names && j < m->p; j++) free(m->names[j]);
  free(m->names);
  sl_ols_fit_free(m->ols);
  free(m->coef), free(m->column_mean), free(m->calibration);
  sl_fees_deals_free(m->deals);
  sl_fees_club_index_free_(m->club_index_);
  free(m);
}

/* ---- factor levels ------------------------------------------------------------------------ */

static int str_ptr_cmp(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

long sl_fees_level_index(const sl_fees_term *t, const char *label) {
  if (!label) return -1;
  for (size_t l = 0; l < t->nlevels; l++)
    if (strcasecmp(t->levels[l], label) == 0) return (long)l;
  char outside[256];
  snprintf(outside, sizeof outside, "%s%s", SL_FEES_OUTSIDE_PREFIX, label);
  for (size_t l = 0; l < t->nlevels; l++)
    if (strcasecmp(t->levels[l], outside) == 0) return (long)l;
  if (strcmp(label, SL_FEES_LEVEL_UNKNOWN) == 0) return -1;
  for (size_t l = 0; l < t->nlevels; l++)
    if (strcmp(t->levels[l], SL_FEES_LEVEL_OTHER) == 0) return (long)l;
  return -1;
}

static int add_level(sl_fees_term *t, const char *label);

/* Season levels: every season with at least SL_FEES_MIN_LEVEL_DEALS deals, the latest first
 * (the reference); the latest training season is always a level, rarer earlier seasons share
 * the level of the nearest earlier one that has enough deals (or the earliest level). */
static int season_levels(sl_fees_term *t, const sl_fees_deals *d, const size_t *idx, size_t n, int lo, int hi) {
  size_t span = (size_t)(hi - lo) + 1;
  size_t *count = calloc(span, sizeof *count);
  if (!count) return SL_ENOMEM;
  for (size_t i = 0; i < n; i++) count[d->deal[idx[i]].player.season - lo]++;
  int st = SL_OK;
  for (int s = hi; !st && s >= lo; s--)
    if (s == hi || count[s - lo] >= SL_FEES_MIN_LEVEL_DEALS) {
      char b[16];
      snprintf(b, sizeof b, "%d", s);
      st = add_level(t, b);
    }
  free(count);
  return st;
}

long sl_fees_season_level(const sl_fees_term *t, int season) {
  if (!season || !t->nlevels) return -1;
  long best = -1, best_season = 0, earliest = 0, earliest_season = 0;
  for (size_t l = 0; l < t->nlevels; l++) {
    long s = strtol(t->levels[l], NULL, 10);
    if (s <= season && (best < 0 || s > best_season)) best = (long)l, best_season = s;
    if (l == 0 || s < earliest_season) earliest = (long)l, earliest_season = s;
  }
  return best >= 0 ? best : earliest;
}

static const char *deal_label(const sl_fees_deal *d, sl_fees_var v) {
  if (v == SL_FEES_VAR_BUYER_LEAGUE) return d->player.buyer_league;
  if (v == SL_FEES_VAR_SELLER_LEAGUE) return d->player.league;
  return sl_fees_group_name(d->player.group);
}

static int add_level(sl_fees_term *t, const char *label) {
  char **l = realloc(t->levels, (t->nlevels + 1) * sizeof *l);
  if (!l) return SL_ENOMEM;
  t->levels = l;
  if (!(l[t->nlevels] = strdup(label))) return SL_ENOMEM;
  t->nlevels++;
  return SL_OK;
}

/* Levels of a league factor: frequent labels (the most frequent first, then by name), rarer
 * ones pooled into "other" at the end. */
static int league_levels(sl_fees_term *t, const sl_fees_deals *d, const size_t *idx, size_t n) {
  const char **lab = malloc((n ? n : 1) * sizeof *lab);
  if (!lab) return SL_ENOMEM;
  for (size_t i = 0; i < n; i++) lab[i] = deal_label(&d->deal[idx[i]], t->var);
  qsort(lab, n, sizeof *lab, str_ptr_cmp);
  size_t best = 0, best_run = 0, pooled = 0;
  for (size_t i = 0, j; i < n; i = j) {
    for (j = i; j < n && strcmp(lab[j], lab[i]) == 0; j++) {}
    if (j - i > best_run) best = i, best_run = j - i;
  }
  int st = n ? add_level(t, lab[best]) : SL_OK;
  for (size_t i = 0, j; !st && i < n; i = j) {
    for (j = i; j < n && strcmp(lab[j], lab[i]) == 0; j++) {}
    if (i == best) continue;
    if (j - i < SL_FEES_MIN_LEVEL_DEALS || strcmp(lab[i], SL_FEES_LEVEL_OTHER) == 0) pooled += j - i;
    else st = add_level(t, lab[i]);
  }
  if (!st && pooled) st = add_level(t, SL_FEES_LEVEL_OTHER);
  free(lab);
  return st;
}

/* Position levels: DM/CM (the reference) first, then the other groups present. */
static int position_levels(sl_fees_term *t, const sl_fees_deals *d, const size_t *idx, size_t n) {
  size_t seen[SL_FEES_GROUP_COUNT] = {0};
  for (size_t i = 0; i < n; i++) seen[d->deal[idx[i]].player.group]++;
  int order[SL_FEES_GROUP_COUNT] = {SL_FEES_CM, SL_FEES_GK, SL_FEES_CB, SL_FEES_FB, SL_FEES_AMW, SL_FEES_CF};
  int st = SL_OK;
  for (int g = 0; !st && g < SL_FEES_GROUP_COUNT; g++)
    if (seen[order[g]] || g == 0) st = add_level(t, sl_fees_group_name(order[g]));
  return st;
}

/* ---- terms -------------------------------------------------------------------------------- */

const char *sl_fees_var_name(sl_fees_var v) {
  static const char *const n[SL_FEES_VAR_COUNT] = {
      "age",           "position",        "buying league",   "selling league",
      "season",        "log market value", "contract months", "minutes share",
      "starts share",  "npxG+xAG per 90", "progressive actions per 90", "club points per match"};
  return (unsigned)v < SL_FEES_VAR_COUNT ? n[v] : "";
}

static const char *var_name(sl_fees_var v) { return sl_fees_var_name(v); }

int sl_fees_var_is_performance(sl_fees_var v) { return v >= SL_FEES_VAR_STARTS && v < SL_FEES_VAR_COUNT; }

double sl_fees_player_numeric(const sl_fees_player *p, sl_fees_var v) {
  switch (v) {
  case SL_FEES_VAR_AGE: return p->age;
  case SL_FEES_VAR_MARKET_VALUE: return p->market_value;
  case SL_FEES_VAR_CONTRACT: return p->contract_months;
  case SL_FEES_VAR_MINUTES: return p->minutes_share;
  case SL_FEES_VAR_STARTS: return p->starts_share;
  case SL_FEES_VAR_NPXG_XAG: return p->npxg_xag_per90;
  case SL_FEES_VAR_PROGRESSIVE: return p->progressive_per90;
  case SL_FEES_VAR_TEAM_POINTS: return p->team_points;
  default: return NAN;
  }
}

static int numeric_known(const sl_fees_deals *d, const size_t *idx, size_t n, sl_fees_var v) {
  for (size_t i = 0; i < n; i++)
    if (!isfinite(sl_fees_player_numeric(&d->deal[idx[i]].player, v))) return 0;
  return 1;
}

static int distinct_seasons(const sl_fees_deals *d, const size_t *idx, size_t n, int *lo, int *hi) {
  *lo = n ? d->deal[idx[0]].player.season : 0, *hi = *lo;
  for (size_t i = 1; i < n; i++) {
    int s = d->deal[idx[i]].player.season;
    if (s < *lo) *lo = s;
    if (s > *hi) *hi = s;
  }
  return *hi > *lo;
}

static void append_note(char *note, size_t size, const char *text) {
  if (!note || !size) return;
  size_t used = strlen(note);
  if (used + 1 < size) snprintf(note + used, size - used, "%s%s", used ? "; " : "", text);
}

static int add_term(sl_fees_model *m, sl_fees_var v, sl_fees_term_kind kind) {
  sl_fees_term *t = &m->terms[m->nterms++];
  memset(t, 0, sizeof *t);
  t->var = v, t->kind = kind, t->name = var_name(v);
  return SL_OK;
}

/* Decides the terms and their levels from the training deals; notes say what was dropped. */
static int setup_terms(sl_fees_model *m, const sl_fees_deals *d, const size_t *idx, size_t n,
                       const sl_fees_options *o, char *note, size_t note_size) {
  add_term(m, SL_FEES_VAR_AGE, SL_FEES_TERM_QUADRATIC);
  add_term(m, SL_FEES_VAR_POSITION, SL_FEES_TERM_FACTOR);
  if (d->has_leagues) {
    add_term(m, SL_FEES_VAR_BUYER_LEAGUE, SL_FEES_TERM_FACTOR);
    add_term(m, SL_FEES_VAR_SELLER_LEAGUE, SL_FEES_TERM_FACTOR);
  } else append_note(note, note_size, "no league columns: league terms dropped");
  distinct_seasons(d, idx, n, &m->season_min, &m->season_max);
  m->season_mode = o->season_mode ? o->season_mode : SL_FEES_SEASON_TREND;
  if (d->has_season && m->season_max > m->season_min && m->season_mode != SL_FEES_SEASON_NONE)
    add_term(m, SL_FEES_VAR_SEASON, m->season_mode == SL_FEES_SEASON_LEVEL ? SL_FEES_TERM_FACTOR : SL_FEES_TERM_LINEAR);
  else if (d->has_season && m->season_max == m->season_min)
    append_note(note, note_size, "one training season: season term dropped");
  if (d->has_market_value && !o->no_market_value) {
    if (numeric_known(d, idx, n, SL_FEES_VAR_MARKET_VALUE)) add_term(m, SL_FEES_VAR_MARKET_VALUE, SL_FEES_TERM_LINEAR);
    else append_note(note, note_size, "market value missing for some deals: term dropped");
  }
  static const sl_fees_var opt_vars[] = {SL_FEES_VAR_CONTRACT, SL_FEES_VAR_MINUTES, SL_FEES_VAR_STARTS,
                                          SL_FEES_VAR_NPXG_XAG, SL_FEES_VAR_PROGRESSIVE, SL_FEES_VAR_TEAM_POINTS};
  int perf = o->performance && d->has_performance; /* the deals idx are the joined ones (fees_eval.c) */
  const int present[] = {d->has_contract, d->has_minutes || perf, perf, perf, perf, perf};
  for (int k = 0; k < (int)(sizeof opt_vars / sizeof opt_vars[0]); k++) {
    if (!present[k]) continue;
    if (numeric_known(d, idx, n, opt_vars[k])) add_term(m, opt_vars[k], SL_FEES_TERM_LINEAR);
    else {
      char b[96];
      snprintf(b, sizeof b, "%s missing for some deals: term dropped", var_name(opt_vars[k]));
      append_note(note, note_size, b);
    }
  }
  m->season_trend = !o->season_hold;
  for (size_t t = 0; t < m->nterms; t++) {
    sl_fees_term *term = &m->terms[t];
    int st = term->var == SL_FEES_VAR_POSITION ? position_levels(term, d, idx, n)
             : term->var == SL_FEES_VAR_SEASON && term->kind == SL_FEES_TERM_FACTOR
                 ? season_levels(term, d, idx, n, m->season_min, m->season_max)
             : term->kind == SL_FEES_TERM_FACTOR ? league_levels(term, d, idx, n)
                                                 : SL_OK;
    if (st) return st;
  }
  return SL_OK;
}

/* Column layout and names: "(Intercept)", "age", "I(age^2)", "position GK", ... */
static int name_columns(sl_fees_model *m) {
  size_t p = 1;
  for (size_t t = 0; t < m->nterms; t++) {
    sl_fees_term *term = &m->terms[t];
    term->first = p;
    term->count = term->kind == SL_FEES_TERM_QUADRATIC ? 2
                  : term->kind == SL_FEES_TERM_FACTOR  ? (term->nlevels ? term->nlevels - 1 : 0)
                                                       : 1;
    p += term->count;
  }
  m->p = p;
  if (!(m->names = calloc(p, sizeof *m->names))) return SL_ENOMEM;
  m->names[0] = strdup("(Intercept)");
  for (size_t t = 0; t < m->nterms; t++) {
    const sl_fees_term *term = &m->terms[t];
    for (size_t k = 0; k < term->count; k++) {
      char b[SL_REGRESS_NAME_MAX];
      if (term->kind == SL_FEES_TERM_FACTOR) snprintf(b, sizeof b, "%s %s", term->name, term->levels[k + 1]);
      else if (k == 1) snprintf(b, sizeof b, "I(%s^2)", term->name);
      else snprintf(b, sizeof b, "%s", term->name);
      for (char *c = b; *c; c++)
        if (*c == '\n' || *c == '\r' || *c == '\t') *c = ' ';
      m->names[term->first + k] = strdup(b);
    }
  }
  for (size_t j = 0; j < p; j++)
    if (!m->names[j]) return SL_ENOMEM;
  return SL_OK;
}

int sl_fees_model_setup(sl_fees_model *m, const sl_fees_deals *d, const size_t *idx, size_t n,
                        const sl_fees_options *o, char *note, size_t note_size) {
  int st = setup_terms(m, d, idx, n, o, note, note_size);
  return st ? st : name_columns(m);
}

/* ---- design rows -------------------------------------------------------------------------- */

static void use_means(const sl_fees_model *m, const sl_fees_term *t, double *x) {
  for (size_t k = 0; k < t->count; k++)
    x[t->first + k] = m->column_mean ? m->column_mean[t->first + k] : 0;
}

static int factor_row(const sl_fees_model *m, const sl_fees_term *t, const char *label, double *x) {
  long l = sl_fees_level_index(t, label);
  if (l < 0) {
    use_means(m, t, x);
    return 0;
  }
  for (size_t k = 0; k < t->count; k++) x[t->first + k] = (long)k + 1 == l;
  return 1;
}

/* The season as the design uses it: held at the nearest training season unless trending. */
static double season_value(const sl_fees_model *m, int season) {
  double s = season;
  if (!m->season_trend) s = s < m->season_min ? m->season_min : s > m->season_max ? m->season_max : s;
  return s - m->season_max;
}

static int numeric_row(const sl_fees_model *m, const sl_fees_term *t, const sl_fees_player *p,
                       double *x, sl_error *err) {
  double v = NAN;
  switch (t->var) {
  case SL_FEES_VAR_AGE:
    if (!isfinite(p->age)) return sl_error_field(err, "age", sl_error_set(err, SL_EDATA, NULL, 0, 0, "age unknown: the model needs it"));
    x[t->first] = p->age, x[t->first + 1] = p->age * p->age;
    return 1;
  case SL_FEES_VAR_SEASON: v = p->season ? season_value(m, p->season) : NAN; break;
  case SL_FEES_VAR_MARKET_VALUE:
    if (!(p->market_value > 0))
      return sl_error_field(err, "market_value",
                            sl_error_set(err, SL_EDATA, NULL, 0, 0,
                                         "market value unknown: the model uses it (or refit without market value)"));
    v = log(p->market_value);
    break;
  case SL_FEES_VAR_CONTRACT:
  case SL_FEES_VAR_MINUTES:
  case SL_FEES_VAR_STARTS:
  case SL_FEES_VAR_NPXG_XAG:
  case SL_FEES_VAR_PROGRESSIVE:
  case SL_FEES_VAR_TEAM_POINTS: v = sl_fees_player_numeric(p, t->var); break;
  default: break;
  }
  if (!isfinite(v)) {
    use_means(m, t, x);
    return 0;
  }
  x[t->first] = v;
  return 1;
}

int sl_fees_design_row(const sl_fees_model *m, const sl_fees_player *p, double *x, int *known,
                       sl_error *err) {
  x[0] = 1;
  for (size_t t = 0; t < m->nterms; t++) {
    const sl_fees_term *term = &m->terms[t];
    int k;
    if (term->var == SL_FEES_VAR_POSITION) {
      if (p->group < 0 || p->group >= SL_FEES_GROUP_COUNT)
        return sl_error_field(err, "position",
                              sl_error_set(err, SL_EDATA, NULL, 0, 0,
                                           "position unknown or only a line (defence/midfield/attack): the model "
                                           "needs a group (GK, CB, FB, DM/CM, AM/W, CF)"));
      if (sl_fees_level_index(term, sl_fees_group_name(p->group)) < 0)
        return sl_error_set(err, SL_EDATA, NULL, 0, 0, "the model saw no %s transfers",
                            sl_fees_group_name(p->group));
      k = factor_row(m, term, sl_fees_group_name(p->group), x);
    } else if (term->var == SL_FEES_VAR_SEASON && term->kind == SL_FEES_TERM_FACTOR) {
      long l = sl_fees_season_level(term, p->season);
      if (l < 0) use_means(m, term, x);
      else
        for (size_t j = 0; j < term->count; j++) x[term->first + j] = (long)j + 1 == l;
      k = l >= 0;
    } else if (term->var == SL_FEES_VAR_BUYER_LEAGUE) k = factor_row(m, term, p->buyer_league, x);
    else if (term->var == SL_FEES_VAR_SELLER_LEAGUE) k = factor_row(m, term, p->league, x);
    else if ((k = numeric_row(m, term, p, x, err)) == SL_EDATA) return k; /* 0/1 = known */
    if (known) known[t] = k;
  }
  return SL_OK;
}

double sl_fees_linear(const sl_fees_model *m, const double *x) {
  double s = 0;
  for (size_t j = 0; j < m->p; j++)
    if (isfinite(m->coef[j])) s += x[j] * m->coef[j];
  return s;
}
