/* fees_design.c - the fee model's terms, factor levels, knots and design rows.
 *
 * The terms are those of a term list (fees_terms.c): the declared one, or by default
 * SL_FEES_DEFAULT_TERMS (SL_FEES_CLASSIC_TERMS, the classic model, on few deals: sl_fees_fit
 * decides once for every evaluation). A list adds splines (the value
 * and its cubic parts, knots at Harrell's quantiles of the training deals) and interactions (a
 * product, or the value times each non-reference level of a factor, whose levels are the
 * factor's own rule's). Classic terms (in this order, each dropped with a note when its column is
 * absent):
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
 * The default list adds a spline of log market value with its age interaction, and the buying
 *        club (buyer_club), a factor by the leagues' rule (clubs with fewer than
 *        SL_FEES_MIN_LEVEL_DEALS training deals pooled into "other"): the clubs that pay over or
 *        under the odds of their league.
 * An unknown value of an averaged term (league, season, contract, minutes) takes the training
 * mean of its columns, i.e. "a typical deal" for that term, so its contribution is zero. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fees_internal.h"
#include "scoutlab/names.h"

sl_fees_model *sl_fees_model_alloc(void) {
  sl_fees_model *m = calloc(1, sizeof(sl_fees_model));
  if (m) sl_fees_ranges_build(m); /* no deals yet: no ranges */
  return m;
}

void sl_fees_model_free(sl_fees_model *m) {
  if (!m) return;
  for (size_t t = 0; t < m->nterms; t++) {
    for (size_t l = 0; l < m->terms[t].nlevels; l++) free(m->terms[t].levels[l]);
    free(m->terms[t].levels), free(m->terms[t].label_);
  }
  for (size_t j = 0; m->names && j < m->p; j++) free(m->names[j]);
  free(m->names);
  sl_ols_fit_free(m->ols);
  free(m->coef), free(m->column_mean), free(m->calibration);
  sl_fees_deals_free(m->deals);
  sl_fees_club_index_free_(m->club_index_);
  sl_fees_buyer_keys_free_(m->buyer_keys_);
  sl_fees_history_free(m->history_);
  for (size_t k = 0; k < m->ncolumns; k++) free(m->column_names[k]);
  free(m);
}

/* ---- factor levels ------------------------------------------------------------------------ */

static int str_ptr_cmp(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int size_desc_cmp(const void *a, const void *b) {
  size_t x = *(const size_t *)a, y = *(const size_t *)b;
  return (x < y) - (x > y);
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
  /* "La Liga" of a stats file is the level "Laliga". A country outside the coverage ("outside:
   * Turkey", most of a fit's misses, on every design row) names no covered league: not tried. */
  int league = (t->var == SL_FEES_VAR_BUYER_LEAGUE || t->var == SL_FEES_VAR_SELLER_LEAGUE) &&
               strncmp(label, SL_FEES_OUTSIDE_PREFIX, strlen(SL_FEES_OUTSIDE_PREFIX)) != 0;
  for (size_t l = 0; league && l < t->nlevels; l++)
    if (sl_name_same_league(t->levels[l], label)) return (long)l;
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

const char *sl_fees_player_label(const sl_fees_player *p, sl_fees_var v) {
  if (v == SL_FEES_VAR_BUYER_LEAGUE) return p->buyer_league;
  if (v == SL_FEES_VAR_SELLER_LEAGUE) return p->league;
  if (v == SL_FEES_VAR_BUYER_CLUB) return p->buyer_club;
  return sl_fees_group_name(p->group);
}

/* A training deal's label; a deal without one counts with the rare labels (its design row takes
 * the term's means, as a valuation's unknown buyer does). */
static const char *deal_label(const sl_fees_deal *d, sl_fees_var v) {
  const char *l = sl_fees_player_label(&d->player, v);
  return l ? l : SL_FEES_LEVEL_OTHER;
}

static int add_level(sl_fees_term *t, const char *label) {
  char **l = realloc(t->levels, (t->nlevels + 1) * sizeof *l);
  if (!l) return SL_ENOMEM;
  t->levels = l;
  if (!(l[t->nlevels] = strdup(label))) return SL_ENOMEM;
  t->nlevels++;
  return SL_OK;
}

/* The number of deals a label needs for a level: SL_FEES_MIN_LEVEL_DEALS, raised for the buying
 * club until at most SL_FEES_MAX_CLUB_LEVELS labels reach it (sorted labels lab[0..n)). */
static size_t level_threshold(const char **lab, size_t n, sl_fees_var var) {
  size_t need = SL_FEES_MIN_LEVEL_DEALS;
  if (var != SL_FEES_VAR_BUYER_CLUB) return need;
  size_t *runs = malloc((n ? n : 1) * sizeof *runs), k = 0;
  if (!runs) return need;
  for (size_t i = 0, j; i < n; i = j) {
    for (j = i; j < n && strcmp(lab[j], lab[i]) == 0; j++) {}
    if (j - i >= need) runs[k++] = j - i;
  }
  if (k > SL_FEES_MAX_CLUB_LEVELS) { /* the cap's count + 1: ties at the cap are pooled together */
    qsort(runs, k, sizeof *runs, size_desc_cmp);
    need = runs[SL_FEES_MAX_CLUB_LEVELS] + 1;
  }
  free(runs);
  return need;
}

/* Levels of a league factor: frequent labels (the most frequent first, then by name), rarer
 * ones pooled into "other" at the end. */
static int league_levels(sl_fees_term *t, sl_fees_var var, const sl_fees_deals *d, const size_t *idx, size_t n) {
  const char **lab = malloc((n ? n : 1) * sizeof *lab);
  if (!lab) return SL_ENOMEM;
  for (size_t i = 0; i < n; i++) lab[i] = deal_label(&d->deal[idx[i]], var);
  qsort(lab, n, sizeof *lab, str_ptr_cmp);
  size_t best = 0, best_run = 0, pooled = 0, need = level_threshold(lab, n, var);
  for (size_t i = 0, j; i < n; i = j) {
    for (j = i; j < n && strcmp(lab[j], lab[i]) == 0; j++) {}
    if (j - i > best_run) best = i, best_run = j - i;
  }
  int st = n ? add_level(t, lab[best]) : SL_OK;
  for (size_t i = 0, j; !st && i < n; i = j) {
    for (j = i; j < n && strcmp(lab[j], lab[i]) == 0; j++) {}
    if (i == best) continue;
    if (j - i < need || strcmp(lab[i], SL_FEES_LEVEL_OTHER) == 0) pooled += j - i;
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
      "starts share",  "npxG+xAG per 90", "progressive actions per 90", "club points per match",
      "buying club",   "log last fee",    "no last fee"};
  return (unsigned)v < SL_FEES_VAR_COUNT ? n[v] : "";
}

int sl_fees_var_is_performance(sl_fees_var v) { return v >= SL_FEES_VAR_STARTS && v <= SL_FEES_VAR_TEAM_POINTS; }

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
  case SL_FEES_VAR_LAST_FEE: return p->last_fee > 0 ? log(p->last_fee) : p->last_fee == 0 ? 0 : NAN;
  case SL_FEES_VAR_NO_LAST_FEE: return p->last_fee > 0 ? 0 : p->last_fee == 0 ? 1 : NAN;
  default: /* a column term */
    return v >= SL_FEES_VAR_COUNT && v < SL_FEES_VAR_MAX ? p->column[v - SL_FEES_VAR_COUNT] : NAN;
  }
}

static int numeric_known(const sl_fees_deals *d, const size_t *idx, size_t n, sl_fees_var v) {
  for (size_t i = 0; i < n; i++)
    if (!isfinite(sl_fees_player_numeric(&d->deal[idx[i]].player, v))) return 0;
  return 1;
}

/* Whether some deals have an earlier paid fee and some none: else the two terms are constant. */
static int last_fee_varies(const sl_fees_deals *d, const size_t *idx, size_t n) {
  int some = 0, none = 0;
  for (size_t i = 0; i < n && !(some && none); i++) {
    double f = d->deal[idx[i]].player.last_fee;
    some |= f > 0, none |= f == 0;
  }
  return some && none;
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

/* The deals a model is set up from, and what has been said about them. */
typedef struct setup_ctx {
  const sl_fees_deals *d;
  const size_t *idx;
  size_t n;
  const sl_fees_options *o;
  char *note;
  size_t note_size;
  unsigned noted;       /* variables whose absence was noted (bit per sl_fees_var) */
  unsigned checked, ok; /* variables looked at, and those available */
} setup_ctx;

/* Why a variable the list names has no term, for a declared list only (the default list leaves
 * out what the data do not give, as it always has, without a word). */
static const char *declared_absence(const setup_ctx *c, sl_fees_var v) {
  if (!c->o->terms) return NULL; /* an absent column is noted with the deals (fees_select.c) */
  if (v >= SL_FEES_VAR_COUNT) return "no such column in the transfers files";
  if (v == SL_FEES_VAR_MARKET_VALUE && c->o->no_market_value) return "left out (no market value)";
  if (sl_fees_var_is_performance(v)) return "no stats history joined (the stats of the seasons before the transfers)";
  if (v == SL_FEES_VAR_LAST_FEE || v == SL_FEES_VAR_NO_LAST_FEE)
    return "no fee history (it needs the player, season and fee columns; a model file before version 6 has none)";
  return NULL;
}

static const char *label_of(const setup_ctx *c, sl_fees_var v) {
  return sl_fees_var_label((int)v, (const char *const *)c->d->column_names, c->d->ncolumns);
}

static void note_var(setup_ctx *c, sl_fees_var v, const char *text) {
  if (c->noted >> v & 1u) return;
  c->noted |= 1u << v;
  append_note(c->note, c->note_size, text);
}

/* 1 when the deals give variable v (not the season: add_season). The first time a term needs an
 * absent variable, a note says why it is dropped (the texts of the classic model). */
static int var_available(setup_ctx *c, sl_fees_var v) {
  if (c->checked >> v & 1u) return c->ok >> v & 1u;
  const sl_fees_deals *d = c->d;
  int perf = c->o->performance && d->has_performance; /* the deals idx are the joined ones (fees_eval.c) */
  int present = 1, ok;
  if (v == SL_FEES_VAR_BUYER_LEAGUE || v == SL_FEES_VAR_SELLER_LEAGUE) present = d->has_leagues;
  else if (v == SL_FEES_VAR_MARKET_VALUE) present = d->has_market_value && !c->o->no_market_value;
  else if (v == SL_FEES_VAR_CONTRACT) present = d->has_contract;
  else if (v == SL_FEES_VAR_MINUTES) present = d->has_minutes || perf;
  else if (sl_fees_var_is_performance(v)) present = perf;
  else if (v == SL_FEES_VAR_LAST_FEE || v == SL_FEES_VAR_NO_LAST_FEE)
    present = d->has_last_fee;
  else if (v >= SL_FEES_VAR_COUNT) present = (int)(v - SL_FEES_VAR_COUNT) < (int)d->ncolumns && (d->has_columns >> (v - SL_FEES_VAR_COUNT) & 1u);
  ok = present && (v == SL_FEES_VAR_AGE || sl_fees_var_is_factor(v) || numeric_known(d, c->idx, c->n, v));
  int last = v == SL_FEES_VAR_LAST_FEE || v == SL_FEES_VAR_NO_LAST_FEE;
  if (ok && last && !last_fee_varies(d, c->idx, c->n)) {
    /* every deal the first paid one of its player (a single season's file): nothing to learn */
    if (!(c->noted & (1u << SL_FEES_VAR_LAST_FEE | 1u << SL_FEES_VAR_NO_LAST_FEE)))
      append_note(c->note, c->note_size, "no deal has an earlier paid fee of its player in the transfers read: "
                                         "last-fee terms dropped");
    c->noted |= 1u << v;
    ok = 0, present = 0;
  }
  char b[SL_FEES_NOTE_MAX];
  if ((v == SL_FEES_VAR_BUYER_LEAGUE || v == SL_FEES_VAR_SELLER_LEAGUE) && !present) {
    if (!(c->noted & (1u << SL_FEES_VAR_BUYER_LEAGUE | 1u << SL_FEES_VAR_SELLER_LEAGUE)))
      append_note(c->note, c->note_size, "no league columns: league terms dropped");
    c->noted |= 1u << v;
  } else if (v == SL_FEES_VAR_MARKET_VALUE && present && !ok) {
    note_var(c, v, "market value missing for some deals: term dropped");
  } else if (present && !ok) {
    snprintf(b, sizeof b, "%s missing for some deals: term dropped", label_of(c, v));
    note_var(c, v, b);
  } else if (!present && declared_absence(c, v)) {
    snprintf(b, sizeof b, "%s: %s: term dropped", label_of(c, v), declared_absence(c, v));
    note_var(c, v, b);
  }
  c->checked |= 1u << v;
  if (ok) c->ok |= 1u << v;
  return ok;
}

static sl_fees_term *add_term(sl_fees_model *m, const sl_fees_term_spec *s) {
  sl_fees_term *t = &m->terms[m->nterms++];
  memset(t, 0, sizeof *t);
  t->var = s->var, t->kind = s->kind, t->name = sl_fees_var_name(s->var);
  t->partner = s->kind == SL_FEES_TERM_INTERACTION ? s->partner : -1;
  t->nknots = s->kind == SL_FEES_TERM_SPLINE ? s->nknots : 0;
  return t;
}

/* The season's term in the season mode's form: a trend (linear), a level per season (factor),
 * or none; one training season has none (noted). */
static void add_season(sl_fees_model *m, setup_ctx *c) {
  int seasons = m->season_max > m->season_min;
  if (!c->d->has_season) return;
  if (!seasons) {
    note_var(c, SL_FEES_VAR_SEASON, "one training season: season term dropped");
    return;
  }
  if (m->season_mode == SL_FEES_SEASON_NONE) return;
  sl_fees_term_spec s = {SL_FEES_VAR_SEASON,
                         m->season_mode == SL_FEES_SEASON_LEVEL ? SL_FEES_TERM_FACTOR : SL_FEES_TERM_LINEAR, -1, 0};
  add_term(m, &s);
}

/* The terms of list l that the deals give, in its order. */
static void choose_terms(sl_fees_model *m, setup_ctx *c, const sl_fees_term_list *l) {
  for (size_t k = 0; k < l->n && m->nterms < SL_FEES_MAX_TERMS; k++) {
    const sl_fees_term_spec *s = &l->term[k];
    if (s->var == SL_FEES_VAR_SEASON) {
      add_season(m, c);
      continue;
    }
    int ok = var_available(c, s->var);
    if (s->kind == SL_FEES_TERM_INTERACTION) ok = var_available(c, (sl_fees_var)s->partner) && ok;
    if (ok) add_term(m, s);
  }
}

/* A variable on the model's scale for a training deal (log EUR for market value). */
static double deal_scale(const sl_fees_deal *deal, sl_fees_var v) {
  double x = sl_fees_player_numeric(&deal->player, v);
  return v == SL_FEES_VAR_MARKET_VALUE ? log(x) : x;
}

/* A spline's knots at Harrell's quantiles of the training deals; too few distinct values for
 * three knots leave a linear term (noted), tied quantiles fewer knots (noted). */
static int spline_knots(sl_fees_term *t, setup_ctx *c) {
  double *x = malloc((c->n ? c->n : 1) * sizeof *x);
  if (!x) return SL_ENOMEM;
  for (size_t i = 0; i < c->n; i++) x[i] = deal_scale(&c->d->deal[c->idx[i]], t->var);
  size_t want = t->nknots;
  int st = sl_fees_spline_knots(x, c->n, want, t->knots, &t->nknots);
  free(x);
  char b[SL_FEES_NOTE_MAX];
  const char *name = label_of(c, t->var);
  if (!st && t->nknots < SL_FEES_MIN_KNOTS) {
    snprintf(b, sizeof b, "spline of %s with %zu knots: too few distinct values for %d knots: linear", name,
             want, SL_FEES_MIN_KNOTS);
    append_note(c->note, c->note_size, b);
    t->kind = SL_FEES_TERM_LINEAR, t->nknots = 0;
  } else if (!st && t->nknots < want) {
    snprintf(b, sizeof b, "spline of %s with %zu knots: tied quantiles, %zu knots", name, want, t->nknots);
    append_note(c->note, c->note_size, b);
  }
  return st;
}

/* Levels of a factor term or of an interaction's factor partner, knots of a spline. */
static int term_data(sl_fees_model *m, sl_fees_term *term, setup_ctx *c) {
  sl_fees_var f = term->kind == SL_FEES_TERM_INTERACTION ? (sl_fees_var)term->partner : term->var;
  if (term->kind == SL_FEES_TERM_SPLINE) return spline_knots(term, c);
  if (term->kind != SL_FEES_TERM_FACTOR && !(term->kind == SL_FEES_TERM_INTERACTION && sl_fees_var_is_factor(f)))
    return SL_OK;
  if (f == SL_FEES_VAR_POSITION) return position_levels(term, c->d, c->idx, c->n);
  if (f == SL_FEES_VAR_SEASON) return season_levels(term, c->d, c->idx, c->n, m->season_min, m->season_max);
  return league_levels(term, f, c->d, c->idx, c->n);
}

/* Decides the terms and their levels and knots from the training deals; notes say what was
 * dropped. */
/* The list's column terms renumbered to the deals' columns (the model's indexing), found by name;
 * a column the deals do not carry becomes a variable no deal has (dropped with a note). */
static void map_columns(sl_fees_term_list *l, const sl_fees_deals *d) {
  int to[SL_FEES_MAX_COLUMN_TERMS];
  for (size_t k = 0; k < l->ncolumns; k++) {
    to[k] = (int)d->ncolumns;
    for (size_t j = 0; j < d->ncolumns; j++)
      if (d->column_names[j] && strcmp(d->column_names[j], l->columns[k]) == 0) to[k] = (int)j;
  }
  for (size_t i = 0; i < l->n; i++) {
    sl_fees_term_spec *s = &l->term[i];
    if (s->var >= SL_FEES_VAR_COUNT) s->var = SL_FEES_VAR_COLUMN(to[s->var - SL_FEES_VAR_COUNT]);
    if (s->partner >= SL_FEES_VAR_COUNT) s->partner = (int)SL_FEES_VAR_COLUMN(to[s->partner - SL_FEES_VAR_COUNT]);
  }
}

/* The model names its column terms as the deals do. */
static int copy_columns(sl_fees_model *m, const sl_fees_deals *d) {
  for (size_t k = 0; k < d->ncolumns; k++)
    if (!(m->column_names[m->ncolumns++] = strdup(d->column_names[k] ? d->column_names[k] : ""))) return SL_ENOMEM;
  return SL_OK;
}

/* SL_FEES_NO_MARKET_VALUE_TERMS after the list l (room: the default lists are far from full). */
static int add_no_market_value_terms(sl_fees_term_list *l) {
  sl_fees_term_list more;
  if (sl_fees_terms_parse(SL_FEES_NO_MARKET_VALUE_TERMS, &more, NULL)) return -1;
  for (size_t i = 0; i < more.n; i++) {
    if (l->n == SL_FEES_MAX_TERMS) return -1;
    l->term[l->n++] = more.term[i];
  }
  return 0;
}

static int setup_terms(sl_fees_model *m, const sl_fees_deals *d, const size_t *idx, size_t n,
                       const sl_fees_options *o, char *note, size_t note_size) {
  sl_fees_term_list l;
  sl_error err;
  const char *list = o->terms ? o->terms : o->classic_terms ? SL_FEES_CLASSIC_TERMS : SL_FEES_DEFAULT_TERMS;
  if (sl_fees_terms_parse(list, &l, &err)) return SL_EINVAL;
  map_columns(&l, d);
  if (copy_columns(m, d)) return SL_ENOMEM;
  setup_ctx c = {d, idx, n, o, note, note_size, 0, 0, 0};
  /* The default list without market value (not the first version's list) adds the last fee. */
  if (!o->terms && o->classic_terms != SL_FEES_TERMS_CLASSIC && !var_available(&c, SL_FEES_VAR_MARKET_VALUE) &&
      add_no_market_value_terms(&l))
    return SL_EINVAL;
  distinct_seasons(d, idx, n, &m->season_min, &m->season_max);
  m->season_mode = o->season_mode ? o->season_mode : SL_FEES_SEASON_TREND;
  choose_terms(m, &c, &l);
  m->season_trend = !o->season_hold;
  for (size_t t = 0; t < m->nterms; t++) {
    int st = term_data(m, &m->terms[t], &c);
    if (!st) st = sl_fees_term_label(&m->terms[t], (const char *const *)m->column_names, m->ncolumns);
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
    term->count = sl_fees_term_columns(term);
    p += term->count;
  }
  m->p = p;
  if (!(m->names = calloc(p, sizeof *m->names))) return SL_ENOMEM;
  m->names[0] = strdup("(Intercept)");
  for (size_t t = 0; t < m->nterms; t++) {
    const sl_fees_term *term = &m->terms[t];
    for (size_t k = 0; k < term->count; k++) {
      char b[SL_REGRESS_NAME_MAX];
      sl_fees_column_name(term, k, (const char *const *)m->column_names, m->ncolumns, b, sizeof b);
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
  if (!st) st = name_columns(m);
  return st ? st : sl_fees_buyer_keys_build(m);
}

/* ---- design rows -------------------------------------------------------------------------- */

static void use_means(const sl_fees_model *m, const sl_fees_term *t, double *x) {
  for (size_t k = 0; k < t->count; k++)
    x[t->first + k] = m->column_mean ? m->column_mean[t->first + k] : 0;
}

/* The season as the design uses it: held at the nearest training season unless trending. */
static double season_value(const sl_fees_model *m, int season) {
  double s = season;
  if (!m->season_trend) s = s < m->season_min ? m->season_min : s > m->season_max ? m->season_max : s;
  return s - m->season_max;
}

/* Numeric variable v of p on the model's scale (log EUR for market value, the season as the
 * design uses it) into *out, NAN when unknown (the term then takes the training mean); SL_EDATA
 * for an unknown age or market value, which the model cannot average over. */
static int numeric_input(const sl_fees_model *m, sl_fees_var v, const sl_fees_player *p, double *out,
                         sl_error *err) {
  *out = NAN;
  switch (v) {
  case SL_FEES_VAR_AGE:
    if (!isfinite(p->age)) return sl_error_field(err, "age", sl_error_set(err, SL_EDATA, NULL, 0, 0, "age unknown: the model needs it"));
    *out = p->age;
    return SL_OK;
  case SL_FEES_VAR_SEASON: *out = p->season ? season_value(m, p->season) : NAN; return SL_OK;
  case SL_FEES_VAR_MARKET_VALUE:
    if (!(p->market_value > 0))
      return sl_error_field(err, "market_value",
                            sl_error_set(err, SL_EDATA, NULL, 0, 0,
                                         "%s has no market value, and the model uses one: state it, or value "
                                         "him with a model fitted without market value (a performance model "
                                         "from his stats)",
                                         p->name && *p->name ? p->name : "the player"));
    *out = log(p->market_value);
    return SL_OK;
  default: *out = sl_fees_player_numeric(p, v); return SL_OK;
  }
}

/* The level of factor variable v of p among term t's levels into *level, -1 when unknown (the
 * term then takes the training mean); SL_EDATA for a position that is unknown, only a line, or
 * one the model never saw. */
static int factor_input(const sl_fees_term *t, sl_fees_var v, const sl_fees_player *p, long *level, sl_error *err) {
  if (v == SL_FEES_VAR_SEASON) {
    *level = sl_fees_season_level(t, p->season);
    return SL_OK;
  }
  if (v != SL_FEES_VAR_POSITION) { /* a league or the buying club */
    *level = sl_fees_level_index(t, sl_fees_player_label(p, v));
    return SL_OK;
  }
  if (p->group < 0 || p->group >= SL_FEES_GROUP_COUNT)
    return sl_error_field(err, "position",
                          sl_error_set(err, SL_EDATA, NULL, 0, 0,
                                       "position unknown or only a line (defence/midfield/attack): the model "
                                       "needs a group (GK, CB, FB, DM/CM, AM/W, CF)"));
  if ((*level = sl_fees_level_index(t, sl_fees_group_name(p->group))) < 0)
    return sl_error_set(err, SL_EDATA, NULL, 0, 0, "the model saw no %s transfers", sl_fees_group_name(p->group));
  return SL_OK;
}

/* Term t's columns for p; *known 0 when an input is unknown and the columns hold the training
 * means (a typical deal for that term: contribution 0). */
static int term_row(const sl_fees_model *m, const sl_fees_term *t, const sl_fees_player *p, double *x, int *known,
                    sl_error *err) {
  double v = NAN, w = NAN, *c = x + t->first;
  long l = -1;
  int factor_partner = t->kind == SL_FEES_TERM_INTERACTION && sl_fees_var_is_factor((sl_fees_var)t->partner);
  int st = t->kind == SL_FEES_TERM_FACTOR ? factor_input(t, t->var, p, &l, err) : numeric_input(m, t->var, p, &v, err);
  if (!st && factor_partner) st = factor_input(t, (sl_fees_var)t->partner, p, &l, err);
  else if (!st && t->kind == SL_FEES_TERM_INTERACTION) st = numeric_input(m, (sl_fees_var)t->partner, p, &w, err);
  if (st) return st;
  *known = t->kind == SL_FEES_TERM_FACTOR ? l >= 0 : factor_partner ? l >= 0 && !isnan(v)
           : t->kind == SL_FEES_TERM_INTERACTION ? !isnan(v) && !isnan(w) : !isnan(v);
  if (!*known) {
    if (!sl_fees_league_buyer_means(m, t, p, c)) use_means(m, t, x); /* 1 for the buying club only */
    return SL_OK;
  }
  if (t->kind == SL_FEES_TERM_FACTOR || factor_partner)
    for (size_t k = 0; k < t->count; k++) c[k] = (long)k + 1 == l ? (factor_partner ? v : 1) : 0;
  else if (t->kind == SL_FEES_TERM_INTERACTION) c[0] = v * w;
  else c[0] = v;
  if (t->kind == SL_FEES_TERM_QUADRATIC) c[1] = v * v;
  if (t->kind == SL_FEES_TERM_SPLINE) sl_fees_spline_basis(v, t->knots, t->nknots, c + 1);
  return SL_OK;
}

int sl_fees_design_row(const sl_fees_model *m, const sl_fees_player *p, double *x, int *known,
                       sl_error *err) {
  x[0] = 1;
  for (size_t t = 0; t < m->nterms; t++) {
    int k = 0, st = term_row(m, &m->terms[t], p, x, &k, err);
    if (st) return st;
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
