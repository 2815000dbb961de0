/* fees_value.c - answers for one player: fair fee (median and smeared mean), the interval,
 * P(fee >= bid), each term's contribution against the typical training deal, comparables,
 * what-if changes, and filling a player from a table row.
 *
 * Contributions: with xbar the training column means (the "typical deal"), the prediction is
 *   x'b = xbar'b + sum_terms sum_{j in term} (x_j - xbar_j) b_j,
 * so the log effects add up exactly to log(fair fee) - log(typical fee). In money they multiply:
 * a term alone moves the typical median fee by exp(effect) - 1, which is what EUR and % show. */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fees_internal.h"
#include "scoutlab/money.h"
#include "runtime_internal.h"
#include "scoutlab/names.h"
#include "scoutlab/season.h"

/** Mean Gregorian month in days (365.2425 / 12), to turn a date gap into contract months. */
#define DAYS_PER_MONTH 30.436875

void sl_fees_player_init(sl_fees_player *p) {
  memset(p, 0, sizeof *p);
  p->age = p->market_value = p->contract_months = p->minutes_share = NAN;
  p->starts_share = p->npxg_xag_per90 = p->progressive_per90 = p->team_points = NAN;
  p->last_fee = NAN;
  for (size_t k = 0; k < SL_FEES_MAX_COLUMN_TERMS; k++) p->column[k] = NAN;
  p->group = -2;
}

double sl_fees_contract_months(int season, double until_days) {
  if (!isfinite(until_days) || !season) return NAN;
  double start = sl_date_from_ymd(season, SL_SEASON_FIRST_MONTH, 1);
  double months = (until_days - start) / DAYS_PER_MONTH;
  return months > 0 ? months : 0;
}

static void add_note(sl_fees_valuation *v, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
static void add_note(sl_fees_valuation *v, const char *fmt, ...) {
  if (v->nnotes >= SL_FEES_MAX_NOTES) return;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(v->notes[v->nnotes++], SL_FEES_NOTE_MAX, fmt, ap);
  va_end(ap);
}

/* The player's value of variable v (read by term t) in words, for the reasons table. */
/* "EUR 15.60m in 2018", or "none before" (a fee the history does not hold). */
static void last_fee_text(const sl_fees_player *p, char *buf, size_t n) {
  if (p->last_fee > 0 && p->last_fee_season) sl_snprintf_c(buf, n, "EUR %.2fm in %d", p->last_fee / 1e6, p->last_fee_season);
  else if (p->last_fee > 0) sl_snprintf_c(buf, n, "EUR %.2fm", p->last_fee / 1e6);
  else sl_snprintf_c(buf, n, "none before");
}

static void describe_var(const sl_fees_model *m, const sl_fees_term *t, sl_fees_var v, const sl_fees_player *p,
                         char *buf, size_t n) {
  buf[0] = 0;
  switch (v) {
  case SL_FEES_VAR_AGE: sl_snprintf_c(buf, n, "%g", p->age); break;
  case SL_FEES_VAR_POSITION: sl_snprintf_c(buf, n, "%s", sl_fees_group_name(p->group)); break;
  case SL_FEES_VAR_BUYER_LEAGUE:
  case SL_FEES_VAR_SELLER_LEAGUE:
  case SL_FEES_VAR_BUYER_CLUB: {
    const char *label = sl_fees_player_label(p, v);
    long l = sl_fees_level_index(t, label);
    sl_snprintf_c(buf, n, "%s", l >= 0 ? t->levels[l] : label ? label : "");
    break;
  }
  case SL_FEES_VAR_SEASON:
    if (t->kind == SL_FEES_TERM_FACTOR) {
      long l = sl_fees_season_level(t, p->season);
      if (l >= 0 && strtol(t->levels[l], NULL, 10) != p->season) sl_snprintf_c(buf, n, "%d (as %s)", p->season, t->levels[l]);
      else sl_snprintf_c(buf, n, "%d", p->season);
    } else if (!m->season_trend && p->season > m->season_max) sl_snprintf_c(buf, n, "%d (as %d)", p->season, m->season_max);
    else if (!m->season_trend && p->season < m->season_min) sl_snprintf_c(buf, n, "%d (as %d)", p->season, m->season_min);
    else sl_snprintf_c(buf, n, "%d", p->season);
    break;
  case SL_FEES_VAR_MARKET_VALUE: sl_snprintf_c(buf, n, "EUR %.2fm", p->market_value / 1e6); break;
  case SL_FEES_VAR_CONTRACT: sl_snprintf_c(buf, n, "%.0f months", p->contract_months); break;
  case SL_FEES_VAR_MINUTES:
  case SL_FEES_VAR_STARTS:
  case SL_FEES_VAR_NPXG_XAG:
  case SL_FEES_VAR_PROGRESSIVE:
  case SL_FEES_VAR_TEAM_POINTS: sl_snprintf_c(buf, n, "%.2f", sl_fees_player_numeric(p, v)); break;
  case SL_FEES_VAR_LAST_FEE:
  case SL_FEES_VAR_NO_LAST_FEE: last_fee_text(p, buf, n); break;
  default: sl_snprintf_c(buf, n, "%g", sl_fees_player_numeric(p, v)); break; /* a column term */
  }
}

/* 1 when an unknown buying club (term t) is its buying league's average buyer. */
static int league_average(const sl_fees_model *m, const sl_fees_term *t, const sl_fees_player *p) {
  return sl_fees_league_buyer_means(m, t, p, NULL);
}

/* What the player's value of a term is, in words: "26", "CB", "EUR 2.50m x 26" for a numeric
 * interaction, "EUR 2.50m, Premier League" for one with a factor. */
static void describe(const sl_fees_model *m, const sl_fees_term *t, const sl_fees_player *p,
                     int known, char *buf, size_t n) {
  if (!known) {
    sl_snprintf_c(buf, n, t->var == SL_FEES_VAR_BUYER_CLUB && league_average(m, t, p) ? "unknown (league's average)"
                                                                                : "unknown (typical)");
    return;
  }
  describe_var(m, t, t->var, p, buf, n);
  if (t->kind != SL_FEES_TERM_INTERACTION) return;
  char a[30], b[30]; /* two halves and " x " fit sl_fees_contribution.value */
  sl_snprintf_c(a, sizeof a, "%s", buf);
  describe_var(m, t, (sl_fees_var)t->partner, p, b, sizeof b);
  sl_snprintf_c(buf, n, "%s%s%s", a, sl_fees_var_is_factor((sl_fees_var)t->partner) ? ", " : " x ", b);
}

/* The last fee and its "none" indicator are one fact about the player: one line, "last fee", with
 * their effects added (+545% and -74.5% apart read as a riddle; +64% together). */
static void merge_last_fee(const sl_fees_model *m, sl_fees_valuation *v) {
  size_t fee = SIZE_MAX, none = SIZE_MAX;
  for (size_t t = 0; t < m->nterms; t++) {
    if (m->terms[t].kind != SL_FEES_TERM_LINEAR) continue;
    if (m->terms[t].var == SL_FEES_VAR_LAST_FEE) fee = t;
    if (m->terms[t].var == SL_FEES_VAR_NO_LAST_FEE) none = t;
  }
  if (fee == SIZE_MAX || none == SIZE_MAX) return;
  sl_fees_contribution *c = &v->contrib[fee];
  c->term = "last fee";
  c->log_effect += v->contrib[none].log_effect;
  c->percent = 100 * expm1(c->log_effect);
  c->eur = v->typical_fee * expm1(c->log_effect);
  memmove(&v->contrib[none], &v->contrib[none + 1], (v->ncontrib - none - 1) * sizeof v->contrib[0]);
  v->ncontrib--;
}

static void contributions(const sl_fees_model *m, const sl_fees_player *p, const double *x,
                          const int *known, sl_fees_valuation *v) {
  v->typical_log_fee = sl_fees_linear(m, m->column_mean);
  v->typical_fee = exp(v->typical_log_fee);
  v->ncontrib = m->nterms;
  for (size_t t = 0; t < m->nterms; t++) {
    const sl_fees_term *term = &m->terms[t];
    sl_fees_contribution *c = &v->contrib[t];
    c->term = term->name;
    c->log_effect = 0;
    for (size_t k = 0; k < term->count; k++) {
      size_t j = term->first + k;
      if (isfinite(m->coef[j])) c->log_effect += (x[j] - m->column_mean[j]) * m->coef[j];
    }
    c->percent = 100 * expm1(c->log_effect);
    c->eur = v->typical_fee * expm1(c->log_effect);
    describe(m, term, p, known[t], c->value, sizeof c->value);
  }
  merge_last_fee(m, v);
}

/* 1 when p's value of variable v, read by term t, is unknown (the term then averages over it). */
static int var_unknown(const sl_fees_term *t, sl_fees_var v, const sl_fees_player *p) {
  if (v == SL_FEES_VAR_BUYER_LEAGUE || v == SL_FEES_VAR_SELLER_LEAGUE || v == SL_FEES_VAR_BUYER_CLUB)
    return sl_fees_level_index(t, sl_fees_player_label(p, v)) < 0;
  if (v == SL_FEES_VAR_SEASON) return t->kind == SL_FEES_TERM_FACTOR ? sl_fees_season_level(t, p->season) < 0 : !p->season;
  if (v == SL_FEES_VAR_POSITION) return 0; /* an unknown position is an error, never averaged */
  return isnan(sl_fees_player_numeric(p, v));
}

/* One note per unknown variable (the first term that reads it says it), and the season's. */
static void unknown_var_notes(const sl_fees_model *m, const sl_fees_term *term, const sl_fees_player *p,
                              unsigned *noted, sl_fees_valuation *v) {
  int vars[2] = {(int)term->var, term->partner};
  for (int k = 0; k < 2; k++) {
    if (vars[k] < 0 || (*noted >> vars[k] & 1u) || !var_unknown(term, (sl_fees_var)vars[k], p)) continue;
    *noted |= 1u << vars[k];
    int factor = vars[k] != SL_FEES_VAR_POSITION && sl_fees_var_is_factor((sl_fees_var)vars[k]);
    const char *label = factor ? sl_fees_player_label(p, (sl_fees_var)vars[k]) : NULL;
    const char *name = sl_fees_model_var_name(m, vars[k]);
    if (label) add_note(v, "%s '%s' is not one the model knows: a typical one is assumed", name, label);
    else if (vars[k] == SL_FEES_VAR_BUYER_CLUB && league_average(m, term, p))
      add_note(v, "buying club not given: the average buyer of the training deals in %s is assumed",
               sl_fees_player_label(p, SL_FEES_VAR_BUYER_LEAGUE));
    else if (vars[k] == SL_FEES_VAR_BUYER_CLUB)
      add_note(v, "buying club not given: the training deals' average buyer is assumed");
    else add_note(v, "%s unknown: the training average is assumed", name);
  }
}

static void unknown_notes(const sl_fees_model *m, const sl_fees_player *p, const int *known,
                          unsigned extrapolated, sl_fees_valuation *v) {
  unsigned noted = extrapolated; /* an extrapolated variable's own note says it */
  for (size_t t = 0; t < m->nterms; t++) {
    const sl_fees_term *term = &m->terms[t];
    if (extrapolated >> term->var & 1u) continue;
    if (!known[t]) {
      unknown_var_notes(m, term, p, &noted, v);
    } else if (term->var == SL_FEES_VAR_SEASON && term->kind == SL_FEES_TERM_FACTOR) {
      if (p->season > m->season_max)
        add_note(v, "season %d is after the training seasons (to %d): the last season's market level is carried "
                    "forward (no extrapolated trend)", p->season, m->season_max);
    } else if (term->var == SL_FEES_VAR_SEASON && !m->season_trend &&
               (p->season > m->season_max || p->season < m->season_min)) {
      int held = p->season > m->season_max ? m->season_max : m->season_min;
      add_note(v, "season %d is outside the training seasons %d-%d: the season term is held at %d "
                  "(no extrapolated fee inflation)", p->season, m->season_min, m->season_max, held);
    } else if (term->var == SL_FEES_VAR_SEASON && m->season_trend && p->season > m->season_max) {
      add_note(v, "season %d is after the training seasons (to %d): the inflation trend is extrapolated",
               p->season, m->season_max);
    }
  }
}

/* Values that cannot be true are refused, as the deal selection refuses them (fees.h,
 * SL_FEES_SKIP_IMPOSSIBLE): a model extrapolated to age 200 answers nonsense with confidence.
 * NAN is "unknown"; an infinity is neither known nor unknown. */
static int check_player(const sl_fees_player *p, sl_error *err) {
  const struct { const char *what; double v; } values[] = {
      {"age", p->age}, {"market value", p->market_value}, {"contract months", p->contract_months},
      {"minutes share", p->minutes_share}};
  for (size_t k = 0; k < sizeof values / sizeof values[0]; k++)
    if (isinf(values[k].v))
      return sl_error_set(err, SL_EDATA, NULL, 0, 0, "%s %g is not a finite number", values[k].what, values[k].v);
  if (p->market_value > 0 && p->market_value < SL_FEES_MIN_MARKET_VALUE)
    return sl_error_set(err, SL_EDATA, NULL, 0, 0,
                        "market value %.15g EUR is below any listed (expected at least %.0f EUR; for millions "
                        "write %.15gm)", p->market_value, SL_FEES_MIN_MARKET_VALUE, p->market_value);
  if (p->market_value > SL_FEES_MAX_MARKET_VALUE)
    return sl_error_set(err, SL_EDATA, NULL, 0, 0,
                        "market value %.15g is not a footballer's (expected at most %.15g EUR, ten times "
                        "the highest ever listed)", p->market_value, SL_FEES_MAX_MARKET_VALUE);
  if (p->contract_months > SL_FEES_MAX_CONTRACT_MONTHS)
    return sl_error_set(err, SL_EDATA, NULL, 0, 0,
                        "contract months %g is not a contract's (expected at most %g: ten years)",
                        p->contract_months, SL_FEES_MAX_CONTRACT_MONTHS);
  if (isfinite(p->age) && (p->age < SL_FEES_MIN_AGE || p->age > SL_FEES_MAX_AGE))
    return sl_error_set(err, SL_EDATA, NULL, 0, 0, "age %g is not a footballer's age (expected %g-%g)", p->age,
                        SL_FEES_MIN_AGE, SL_FEES_MAX_AGE);
  if (p->market_value < 0)
    return sl_error_set(err, SL_EDATA, NULL, 0, 0, "market value %.15g is negative", p->market_value);
  if (p->minutes_share < 0 || p->minutes_share > 1)
    return sl_error_set(err, SL_EDATA, NULL, 0, 0, "minutes share %g is outside 0-1 (a share of the team's minutes)",
                        p->minutes_share);
  if (p->contract_months < 0)
    return sl_error_set(err, SL_EDATA, NULL, 0, 0, "contract months %g is negative (expected months left, 0 or more)",
                        p->contract_months);
  return SL_OK;
}

/* ---- the training range ------------------------------------------------------------------- */

/* The player's value of a numeric term's input, in the units of sl_fees_player; NAN unknown. */
static double input_of(const sl_fees_var var, const sl_fees_player *p) {
  switch (var) {
  case SL_FEES_VAR_AGE: return p->age;
  case SL_FEES_VAR_SEASON: return p->season ? p->season : NAN;
  case SL_FEES_VAR_MARKET_VALUE: return p->market_value > 0 ? p->market_value : NAN;
  default: return sl_fees_player_numeric(p, var); /* contract, minutes, the performance terms */
  }
}

static int has_numeric_terms(const sl_fees_model *m, const sl_fees_player *p);

void sl_fees_ranges_build(sl_fees_model *m) {
  for (size_t t = 0; t < SL_FEES_MAX_TERMS; t++) m->range_low[t] = m->range_high[t] = NAN;
  for (size_t t = 0; m->deals && t < m->nterms; t++) {
    if (m->terms[t].kind == SL_FEES_TERM_FACTOR && m->terms[t].var != SL_FEES_VAR_SEASON) continue;
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < m->deals->n; i++) {
      double v = input_of(m->terms[t].var, &m->deals->deal[i].player);
      if (isnan(v) || !has_numeric_terms(m, &m->deals->deal[i].player)) continue; /* not a training deal */
      lo = fmin(lo, v), hi = fmax(hi, v);
    }
    if (lo <= hi) m->range_low[t] = lo, m->range_high[t] = hi;
  }
}

/* How far outside [lo, hi] a value may lie before it is extrapolation: SL_FEES_SEASON_MARGIN
 * seasons, else SL_FEES_RANGE_MARGIN of the width on the model's scale (log for money). */
static int beyond_range(sl_fees_var var, double v, double lo, double hi) {
  if (var == SL_FEES_VAR_SEASON) return v < lo - SL_FEES_SEASON_MARGIN || v > hi + SL_FEES_SEASON_MARGIN;
  if (var == SL_FEES_VAR_MARKET_VALUE) v = log(v), lo = log(lo), hi = log(hi);
  double margin = SL_FEES_RANGE_MARGIN * (hi - lo);
  return v < lo - margin || v > hi + margin;
}

/* One input in words: "age 45", "market value €500m", "season 2201". */
static void input_text(sl_fees_var var, double v, char *buf, size_t n) {
  char money[32];
  switch (var) {
  case SL_FEES_VAR_AGE: sl_snprintf_c(buf, n, "%g", v); break;
  case SL_FEES_VAR_SEASON: sl_snprintf_c(buf, n, "%.0f", v); break;
  case SL_FEES_VAR_MARKET_VALUE: sl_snprintf_c(buf, n, "%s", sl_money_short(v, money, sizeof money)); break;
  case SL_FEES_VAR_CONTRACT: sl_snprintf_c(buf, n, "%.0f", v); break;
  default: sl_snprintf_c(buf, n, "%.2f", v); break;
  }
}

/* What the model does with a season beyond its training seasons. */
static const char *season_consequence(const sl_fees_model *m, const sl_fees_term *t, double season,
                                      char *buf, size_t n) {
  if (t->kind == SL_FEES_TERM_FACTOR)
    sl_snprintf_c(buf, n, "the %s season's market level is used", season > m->season_max ? "last" : "first");
  else if (!m->season_trend)
    sl_snprintf_c(buf, n, "the season term is held at %d", season > m->season_max ? m->season_max : m->season_min);
  else sl_snprintf_c(buf, n, "the fee inflation trend is extrapolated");
  return buf;
}

/* Inputs beyond the training range: listed, and one note each, at the first term that reads the
 * variable. Returns a mask of the variables flagged (bit per sl_fees_var: their own unknown or
 * season notes are then not repeated). */
static unsigned extrapolations(const sl_fees_model *m, const sl_fees_player *p, const int *known,
                               sl_fees_valuation *v) {
  static const char *const label[SL_FEES_VAR_COUNT] = {[SL_FEES_VAR_AGE] = "age", [SL_FEES_VAR_SEASON] = "season",
                                      [SL_FEES_VAR_MARKET_VALUE] = "market value",
                                      [SL_FEES_VAR_CONTRACT] = "contract months",
                                      [SL_FEES_VAR_MINUTES] = "minutes share",
                                      [SL_FEES_VAR_STARTS] = "starts share",
                                      [SL_FEES_VAR_NPXG_XAG] = "npxG+xAG per 90",
                                      [SL_FEES_VAR_PROGRESSIVE] = "progressive actions per 90",
                                      [SL_FEES_VAR_TEAM_POINTS] = "club points per match"};
  unsigned mask = 0, seen = 0;
  for (size_t t = 0; t < m->nterms; t++) {
    const sl_fees_term *term = &m->terms[t];
    double x = input_of(term->var, p), lo = m->range_low[t], hi = m->range_high[t];
    if (seen >> term->var & 1u) continue;
    seen |= 1u << term->var;
    if (!known[t] || isnan(x) || isnan(lo) || !beyond_range(term->var, x, lo, hi)) continue;
    const char *input = term->var < SL_FEES_VAR_COUNT && label[term->var] ? label[term->var]
                        : term->var < SL_FEES_VAR_COUNT ? sl_fees_var_name(term->var)
                                                        : sl_fees_model_var_name(m, (int)term->var);
    v->extrapolated[v->nextrapolated++] = (sl_fees_extrapolation){term->name, input, x, lo, hi};
    mask |= 1u << term->var;
    char val[48], low[48], high[48], what[96];
    input_text(term->var, x, val, sizeof val);
    input_text(term->var, lo, low, sizeof low);
    input_text(term->var, hi, high, sizeof high);
    if (term->var == SL_FEES_VAR_SEASON)
      add_note(v, "extrapolation: season %s is more than %d season%s outside the training seasons %s-%s: %s",
               val, SL_FEES_SEASON_MARGIN, SL_FEES_SEASON_MARGIN == 1 ? "" : "s", low, high,
               season_consequence(m, term, x, what, sizeof what));
    else
      add_note(v, "extrapolation: %s %s is outside the training range %s to %s (by more than %.0f%% of "
                  "it): the model is extended beyond the deals it learned from", input, val, low,
               high, 100 * SL_FEES_RANGE_MARGIN);
  }
  return mask;
}

int sl_fees_value(const sl_fees_model *m, const sl_fees_player *p, double level, double bid,
                  sl_fees_valuation *out, sl_error *err) {
  if (!m || !p || !out) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "no model, player or output given");
  memset(out, 0, sizeof *out);
  sl_fees_player resolved = *p;
  sl_fees_resolve_buyer(m, &resolved);
  sl_fees_resolve_last_fee(m, &resolved);
  p = &resolved;
  if (p->group == -1 && p->line_groups) return sl_fees_value_line(m, p, level, bid, out, err);
  int bad = check_player(p, err);
  if (bad) return bad;
  if (level <= 0) level = m->level;
  if (!(level < 1)) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "level %g is not between 0 and 1", level);
  double *x = malloc(m->p * sizeof *x);
  if (!x) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  int known[SL_FEES_MAX_TERMS] = {0};
  int st = sl_fees_design_row(m, p, x, known, err);
  double pred = NAN, lo = NAN, hi = NAN, se = NAN;
  sl_fees_dist dist;
  if (!st) st = sl_fees_interval_of(m, x, p->market_value, level, &pred, &lo, &hi, &se, err);
  if (!st) st = sl_fees_dist_of(m, x, p->market_value, &dist, err);
  if (!st) {
    out->log_fee = pred, out->se_prediction = se;
    out->df = m->ols ? (double)m->ols->df_residual : NAN;
    out->fair_fee = exp(pred), out->fee_mean = sl_fees_dist_mean(&dist);
    out->fee_low = exp(lo), out->fee_high = exp(hi);
    out->level = level, out->interval = m->interval;
    out->bid = bid > 0 ? bid : NAN;
    out->p_at_least_bid = bid > 0 ? sl_fees_dist_upper(&dist, log(bid)) : NAN;
    contributions(m, p, x, known, out);
    unknown_notes(m, p, known, extrapolations(m, p, known, out), out);
    if (!(isfinite(out->fair_fee) && isfinite(out->fee_mean) && isfinite(out->fee_low) && isfinite(out->fee_high)))
      st = sl_error_set(err, SL_EDATA, NULL, 0, 0,
                        "the valuation is not a finite amount (median %g EUR): the player's values are too far "
                        "from the deals the model learned from", out->fair_fee);
  }
  free(x);
  return st;
}

/* ---- the verdict ---------------------------------------------------------------------------- */

/* A bid below this is no transfer fee (the smallest paid fees Transfermarkt lists are €10k-€25k):
 * most likely millions written without the "m" (25 for €25m). */
#define SL_FEES_BID_IMPLAUSIBLE 1e4

sl_fees_verdict_kind sl_fees_verdict(const sl_fees_valuation *v, char *text, size_t size) {
  if (!size) return SL_FEES_VERDICT_NONE;
  text[0] = '\0';
  if (!v || !isfinite(v->bid)) return SL_FEES_VERDICT_NONE;
  char bid[64], lo[32], hi[32], med[32], odds[64] = "practically none";
  sl_money_short(v->bid, bid, sizeof bid), sl_money_short(v->fee_low, lo, sizeof lo);
  if (v->bid < SL_FEES_BID_IMPLAUSIBLE) { /* say it in the sentence itself: "€25 (not €25m)" */
    char m[32];
    size_t len = strlen(bid);
    sl_snprintf_c(bid + len, sizeof bid - len, " (in euros: did you mean %s?)", sl_money_short(v->bid * 1e6, m, sizeof m));
  }
  sl_money_short(v->fee_high, hi, sizeof hi), sl_money_short(v->fair_fee, med, sizeof med);
  double p = v->p_at_least_bid;
  if (p > 0) sl_snprintf_c(odds, sizeof odds, "about 1 in %.0f", 1 / p);
  if (v->bid > v->fee_high) {
    sl_snprintf_c(text, size, "%s is above the model's %.0f%% range (%s to %s): the probability that the fair fee "
             "reaches it is %.1f%%, %s. On this evidence the price is not realistic; it "
             "would be a premium for something the data do not show.", bid, 100 * v->level, lo, hi, 100 * p, odds);
    return SL_FEES_VERDICT_ABOVE;
  }
  if (v->bid > v->fair_fee) {
    sl_snprintf_c(text, size, "%s is inside the model's %.0f%% range (%s to %s) but above its median of %s: "
             "the probability that the fair fee reaches it is %.0f%%, %s. Realistic, at a premium.",
             bid, 100 * v->level, lo, hi, med, 100 * p, odds);
    return SL_FEES_VERDICT_PREMIUM;
  }
  sl_snprintf_c(text, size, "%s is %s the model's median of %s (%.0f%% range %s to %s): the probability that the fair "
           "fee is at least that much is %.0f%%. The price is realistic.", bid,
           v->bid == v->fair_fee ? "at" : v->bid >= v->fee_low ? "below" : "below the whole range and", med,
           100 * v->level, lo, hi, 100 * p);
  return SL_FEES_VERDICT_REALISTIC;
}

/* ---- comparables -------------------------------------------------------------------------- */

static double numeric_of(const sl_fees_model *m, sl_fees_var v, const sl_fees_player *p) {
  switch (v) {
  case SL_FEES_VAR_AGE: return p->age;
  case SL_FEES_VAR_SEASON: return p->season ? p->season - m->season_max : NAN;
  case SL_FEES_VAR_MARKET_VALUE: return p->market_value > 0 ? log(p->market_value) : NAN;
  default: return sl_fees_player_numeric(p, v);
  }
}

/* 1 when the deal has every numeric term of the model (a performance model learned only from
 * the deals joined to stats; the others are not its comparables). */
static int has_numeric_terms(const sl_fees_model *m, const sl_fees_player *p) {
  for (size_t t = 0; t < m->nterms; t++) {
    const sl_fees_term *term = &m->terms[t];
    if (term->kind != SL_FEES_TERM_FACTOR && term->var != SL_FEES_VAR_SEASON &&
        !isfinite(sl_fees_player_numeric(p, term->var)))
      return 0;
    if (term->kind == SL_FEES_TERM_INTERACTION && !sl_fees_var_is_factor((sl_fees_var)term->partner) &&
        !isfinite(sl_fees_player_numeric(p, (sl_fees_var)term->partner)))
      return 0;
  }
  return 1;
}

static double distance(const sl_fees_model *m, const sl_fees_player *a, const sl_fees_player *b) {
  double d2 = 0;
  for (size_t t = 0; t < m->nterms; t++) {
    const sl_fees_term *term = &m->terms[t];
    if (term->kind == SL_FEES_TERM_INTERACTION) continue; /* its variables count through their own terms */
    if (term->kind == SL_FEES_TERM_FACTOR) {
      if (term->var == SL_FEES_VAR_POSITION || term->var == SL_FEES_VAR_SEASON) continue; /* same group; any season */
      const char *la = sl_fees_player_label(a, term->var), *lb = sl_fees_player_label(b, term->var);
      if (la && lb && sl_fees_level_index(term, la) != sl_fees_level_index(term, lb)) d2 += 1;
      continue;
    }
    double va = numeric_of(m, term->var, a), vb = numeric_of(m, term->var, b);
    double sd = m->feature_sd[t];
    if (isfinite(va) && isfinite(vb) && sd > 0) d2 += ((va - vb) / sd) * ((va - vb) / sd);
  }
  return sqrt(d2);
}

size_t sl_fees_comparables(const sl_fees_model *m, const sl_fees_player *p, size_t k,
                           sl_fees_comparable *out) {
  if (!m || !m->deals || !p || !k) return 0;
  size_t have = 0;
  for (size_t i = 0; i < m->deals->n; i++) {
    const sl_fees_deal *d = &m->deals->deal[i];
    if (d->player.group != p->group || !has_numeric_terms(m, &d->player)) continue;
    double dist = distance(m, p, &d->player);
    if (have == k && dist >= out[k - 1].distance) continue;
    size_t pos = have < k ? have++ : k - 1;
    while (pos > 0 && out[pos - 1].distance > dist) out[pos] = out[pos - 1], pos--; /* insertion */
    out[pos] = (sl_fees_comparable){d, dist};
  }
  return have;
}

/* ---- club -> league ------------------------------------------------------------------------- */

/* One entry per (normalised club, season) side of a training deal whose league is a covered
 * league; sorted by name, then season, so a lookup is one binary search for the club's latest
 * season (predict on 3,000 rows scanned all deals per row before: 52 s). */
typedef struct club_entry {
  char *club;         /* normalised, owned */
  const char *league; /* borrowed from the deals */
  int season;
} club_entry;

typedef struct club_index {
  club_entry *e;
  size_t n;
  /* Buying-club column means per buying-league level: means[l * club_term->count + k], NULL when
   * the model lacks either term or its deals. */
  const sl_fees_term *league_term, *club_term;
  double *means;
} club_index;

static int club_cmp(const void *a, const void *b) {
  const club_entry *x = a, *y = b;
  int c = strcmp(x->club, y->club);
  return c ? c : (x->season > y->season) - (x->season < y->season);
}

void sl_fees_club_index_free_(void *index) {
  club_index *ix = index;
  if (!ix) return;
  for (size_t i = 0; i < ix->n; i++) free(ix->e[i].club);
  free(ix->e), free(ix->means), free(ix);
}

static int covered(const char *league) {
  return league && strncmp(league, SL_FEES_OUTSIDE_PREFIX, strlen(SL_FEES_OUTSIDE_PREFIX)) != 0 &&
         strcmp(league, SL_FEES_LEVEL_UNKNOWN) != 0;
}

static const sl_fees_term *factor_term(const sl_fees_model *m, sl_fees_var v) {
  for (size_t t = 0; t < m->nterms; t++)
    if (m->terms[t].var == v && m->terms[t].kind == SL_FEES_TERM_FACTOR) return &m->terms[t];
  return NULL;
}

/* ix->means: the share of each buying club's level among the training deals of each buying
 * league (the level indices the design gives the deals; the reference level has no column). */
static int build_league_means(const sl_fees_model *m, club_index *ix) {
  const sl_fees_term *lt = factor_term(m, SL_FEES_VAR_BUYER_LEAGUE), *ct = factor_term(m, SL_FEES_VAR_BUYER_CLUB);
  if (!lt || !ct || !lt->nlevels || !ct->count) return SL_OK;
  size_t nl = lt->nlevels, nc = ct->count, *n = calloc(nl, sizeof *n);
  double *means = calloc(nl * nc, sizeof *means);
  if (!n || !means) return free(n), free(means), SL_ENOMEM;
  for (size_t i = 0; i < m->deals->n; i++) {
    const sl_fees_player *p = &m->deals->deal[i].player;
    long l = sl_fees_level_index(lt, sl_fees_player_label(p, SL_FEES_VAR_BUYER_LEAGUE));
    long c = sl_fees_level_index(ct, sl_fees_player_label(p, SL_FEES_VAR_BUYER_CLUB));
    if (l < 0 || c < 0) continue;
    n[l]++;
    if (c > 0) means[(size_t)l * nc + (size_t)c - 1] += 1;
  }
  for (size_t l = 0; l < nl; l++) {
    if (!n[l]) means[l * nc] = NAN; /* a league level without deals (none expected): no means */
    for (size_t k = 0; n[l] && k < nc; k++) means[l * nc + k] /= (double)n[l];
  }
  free(n);
  ix->league_term = lt, ix->club_term = ct, ix->means = means;
  return SL_OK;
}

int sl_fees_league_buyer_means(const sl_fees_model *m, const sl_fees_term *t, const sl_fees_player *p, double *c) {
  const club_index *ix = m ? m->club_index_ : NULL;
  if (!ix || !ix->means || t != ix->club_term) return 0;
  long l = sl_fees_level_index(ix->league_term, sl_fees_player_label(p, SL_FEES_VAR_BUYER_LEAGUE));
  size_t nc = ix->club_term->count;
  if (l < 0 || isnan(ix->means[(size_t)l * nc])) return 0;
  if (c) memcpy(c, ix->means + (size_t)l * nc, nc * sizeof *c);
  return 1;
}

int sl_fees_club_index_build(sl_fees_model *m) {
  sl_fees_club_index_free_(m->club_index_);
  m->club_index_ = NULL;
  if (!m->deals) return SL_OK;
  club_index *ix = calloc(1, sizeof *ix);
  if (!ix || !(ix->e = malloc((2 * m->deals->n + 1) * sizeof *ix->e))) return free(ix), SL_ENOMEM;
  for (size_t i = 0; i < m->deals->n; i++) {
    const sl_fees_deal *d = &m->deals->deal[i];
    const char *names[2] = {d->buyer, d->player.club};
    const char *leagues[2] = {d->player.buyer_league, d->player.league};
    for (int s = 0; s < 2; s++) {
      if (!names[s] || !covered(leagues[s])) continue;
      char *n = sl_name_normalise(names[s]);
      if (n) ix->e[ix->n++] = (club_entry){n, leagues[s], d->player.season};
    }
  }
  qsort(ix->e, ix->n, sizeof *ix->e, club_cmp);
  m->club_index_ = ix;
  return build_league_means(m, ix);
}

const char *sl_fees_club_league(const sl_fees_model *m, const char *club) {
  const club_index *ix = m ? m->club_index_ : NULL;
  if (!ix || !club || !ix->n) return NULL;
  char *q = sl_name_normalise(club);
  if (!q) return NULL;
  size_t lo = 0, hi = ix->n; /* the last entry with this club: its latest season */
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (strcmp(ix->e[mid].club, q) <= 0) lo = mid + 1;
    else hi = mid;
  }
  const char *best = lo > 0 && strcmp(ix->e[lo - 1].club, q) == 0 ? ix->e[lo - 1].league : NULL;
  free(q);
  return best;
}

/* The buying-club levels a name can be: all but the pooled "other" (never reached by a name). */
static size_t named_levels(const sl_fees_term *term) {
  size_t n = term->nlevels;
  return n && strcmp(term->levels[n - 1], SL_FEES_LEVEL_OTHER) == 0 ? n - 1 : n;
}

typedef struct buyer_keys {
  size_t n;
  char **key; /* sl_name_club_key of each named level, in level order */
} buyer_keys;

void sl_fees_buyer_keys_free_(void *keys) {
  buyer_keys *k = keys;
  for (size_t i = 0; k && i < k->n; i++) free(k->key[i]);
  if (k) free(k->key);
  free(k);
}

int sl_fees_buyer_keys_build(sl_fees_model *m) {
  sl_fees_buyer_keys_free_(m->buyer_keys_);
  m->buyer_keys_ = NULL;
  const sl_fees_term *term = factor_term(m, SL_FEES_VAR_BUYER_CLUB);
  if (!term) return SL_OK;
  buyer_keys *k = calloc(1, sizeof *k);
  size_t n = named_levels(term);
  if (!k || !(k->key = calloc(n ? n : 1, sizeof *k->key))) return free(k), SL_ENOMEM;
  for (; k->n < n; k->n++)
    if (!(k->key[k->n] = sl_name_club_key(term->levels[k->n]))) return sl_fees_buyer_keys_free_(k), SL_ENOMEM;
  m->buyer_keys_ = k;
  return SL_OK;
}

void sl_fees_resolve_buyer(const sl_fees_model *m, sl_fees_player *p) {
  const sl_fees_term *term = m && p->buyer_club ? factor_term(m, SL_FEES_VAR_BUYER_CLUB) : NULL;
  const buyer_keys *k = m ? m->buyer_keys_ : NULL;
  if (!term || !k) return;
  for (size_t l = 0; l < term->nlevels; l++) /* the common case, without normalising names */
    if (strcasecmp(term->levels[l], p->buyer_club) == 0) return;
  char *q = sl_name_club_key(p->buyer_club);
  size_t hits = 0, found = 0;
  for (size_t l = 0; q && *q && l < k->n; l++)
    if (strcmp(q, k->key[l]) == 0) found = l, hits++;
  free(q);
  if (hits == 1) p->buyer_club = term->levels[found]; /* several levels of one name: none */
}

size_t sl_fees_club_suggest(const sl_fees_model *m, const char *club, const char **out, size_t want) {
  const sl_fees_term *term = m && club && want ? factor_term(m, SL_FEES_VAR_BUYER_CLUB) : NULL;
  size_t n = term ? named_levels(term) : 0, got = 0;
  size_t *idx = n ? calloc(want, sizeof *idx) : NULL;
  if (idx) got = sl_name_suggest_raw(club, (const char *const *)term->levels, n, idx, want);
  for (size_t k = 0; k < got; k++) out[k] = term->levels[idx[k]];
  free(idx);
  return got;
}

const char *sl_fees_club_level(const sl_fees_model *m, const char *club, int *pooled) {
  *pooled = 0;
  const sl_fees_term *term = m && club ? factor_term(m, SL_FEES_VAR_BUYER_CLUB) : NULL;
  if (!term) return NULL;
  long l = sl_name_club_find(club, (const char *const *)term->levels, named_levels(term));
  if (l >= 0) return term->levels[l];
  *pooled = 1;
  return club;
}
