/* chart_fees.c - the fee-model fit on held-out transfers and the age curve (charts.h), from
 * the fee model's public API: held-out predictions come from refitting the model's own deals
 * before the holdout season, as `scoutlab fit --holdout-from` does. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "scoutlab/charts.h"
#include "scoutlab/money.h"

#define OOM(err) sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory")

/* "€6.51m", "€18.8m", "€700k" for labels: three significant digits, so that a bid just outside
 * the range never prints equal to its bound. */
/* Money as the verdict writes it (sl_money_short: "€6.4m", "€700k"), so that a chart's title
 * and the text beside it read the same figures. */
static const char *short_money(sl_charts_store *st, double eur) {
  if (!isfinite(eur)) return "n/a";
  char buf[32];
  sl_money_short(eur, buf, sizeof buf);
  return sl_charts_printf(st, "%s", buf);
}

/* The options that refit m the way it was fitted (same interval kind, ridge, season rule; a
 * performance model again from the deals joined to stats). */
static sl_fees_options refit_options(const sl_fees_model *m, uint64_t seed) {
  sl_fees_options o = {0};
  o.performance = sl_fees_model_has_performance(m);
  o.ridge = m->ridge;
  o.interval = (int)m->interval;
  o.season_hold = !m->season_trend;
  o.no_market_value = !sl_fees_model_uses(m, SL_FEES_VAR_MARKET_VALUE);
  o.level = m->level;
  o.folds = 1; /* no k-fold: only the point model is needed */
  o.seed = seed;
  return o;
}

/* A deal list of the model's deals before `holdout_from`. The strings stay in m's deal list
 * (this list has no string storage of its own), so the refitted model must not outlive m. */
static sl_fees_deals *training_deals(const sl_fees_deals *all, int holdout_from) {
  sl_fees_deals *d = calloc(1, sizeof *d);
  if (!d || !(d->deal = malloc((all->n ? all->n : 1) * sizeof *d->deal))) return free(d), NULL;
  for (size_t i = 0; i < all->n; i++)
    if (all->deal[i].player.season < holdout_from) d->deal[d->n++] = all->deal[i];
  d->rows_read = d->count[SL_FEES_USED] = d->n;
  d->has_market_value = all->has_market_value, d->has_contract = all->has_contract;
  d->has_minutes = all->has_minutes, d->has_leagues = all->has_leagues, d->has_season = all->has_season;
  d->has_columns = all->has_columns, d->has_performance = all->has_performance;
  /* the column terms' names are owned: copied */
  for (size_t k = 0; k < all->ncolumns; k++)
    if (!(d->column_names[d->ncolumns++] = strdup(all->column_names[k]))) return sl_fees_deals_free(d), NULL;
  return d;
}

typedef struct held_out {
  double *predicted, *actual, *low, *high;
  size_t n, inside;
  int interval;
} held_out;

static int predict_held_out(const sl_fees_model *m, int holdout_from, double level, uint64_t seed, sl_charts_store *st,
                            held_out *h, sl_error *err) {
  sl_fees_deals *train = training_deals(m->deals, holdout_from);
  if (!train) return OOM(err);
  size_t ntest = 0, ntrain = 0;
  for (size_t i = 0; i < m->deals->n; i++) {
    if (!sl_fees_model_learned_from(m, &m->deals->deal[i])) continue;
    if (m->deals->deal[i].player.season < holdout_from) ntrain++;
    else ntest++;
  }
  if (!ntrain || !ntest) {
    sl_fees_deals_free(train);
    return sl_error_set(err, SL_EDATA, NULL, 0, 0,
                        "holdout from %d leaves %zu training and %zu held-out deals (the model's seasons are %d-%d)",
                        holdout_from, ntrain, ntest, m->season_min, m->season_max);
  }
  sl_fees_options o = refit_options(m, seed);
  char terms[SL_FEES_TERMS_TEXT_MAX];
  o.terms = sl_fees_model_terms_spec(m, terms, sizeof terms); /* a declared list, refitted as declared */
  sl_fees_model *tm = NULL;
  int e = sl_fees_fit(train, &o, &tm, NULL, err); /* takes train */
  if (e) return e;
  h->predicted = sl_charts_alloc(st, ntest, sizeof(double)), h->actual = sl_charts_alloc(st, ntest, sizeof(double));
  h->low = sl_charts_alloc(st, ntest, sizeof(double)), h->high = sl_charts_alloc(st, ntest, sizeof(double));
  if (!h->predicted || !h->actual || !h->low || !h->high) return sl_fees_model_free(tm), OOM(err);
  for (size_t i = 0; i < m->deals->n; i++) {
    const sl_fees_deal *d = &m->deals->deal[i];
    sl_fees_valuation v;
    if (d->player.season < holdout_from || !sl_fees_model_learned_from(m, d) || sl_fees_value(tm, &d->player, level, NAN, &v, NULL))
      continue;
    h->predicted[h->n] = v.fair_fee, h->actual[h->n] = d->fee, h->low[h->n] = v.fee_low, h->high[h->n] = v.fee_high;
    h->inside += d->fee >= v.fee_low && d->fee <= v.fee_high;
    h->interval = (int)v.interval;
    h->n++;
  }
  sl_fees_model_free(tm);
  if (!h->n) return sl_error_set(err, SL_EDATA, NULL, 0, 0, "no held-out deal could be valued");
  return SL_OK;
}

/* "2018-20", or "2018" for one season. */
static const char *season_span(sl_charts_store *st, int from, int to) {
  return from == to ? sl_charts_printf(st, "%d", from) : sl_charts_printf(st, "%d-%02d", from, to % 100);
}

static const char *interval_name(int kind) { return kind == SL_FEES_INTERVAL_CONFORMAL ? "conformal" : "Student-t"; }

/* Marks the player's estimate and the bid; the title says where the bid falls. */
static int mark_player(const sl_fees_model *m, const sl_fees_player *p, double level, double bid, sl_charts_store *st,
                       sl_plot_fee_fit *out, sl_error *err) {
  sl_fees_valuation v;
  int e = sl_fees_value(m, p, level, bid, &v, err);
  if (e) return e;
  const char *name = p->name ? p->name : "Player";
  out->player = sl_charts_printf(st, "%s: %s", name, short_money(st, v.fair_fee));
  out->estimate_eur = v.fair_fee, out->estimate_low_eur = v.fee_low, out->estimate_high_eur = v.fee_high;
  out->bid_eur = NAN;
  const char *range = sl_charts_printf(st, "%s\xe2\x80\x93%s", short_money(st, v.fee_low), short_money(st, v.fee_high));
  if (isfinite(bid) && bid > 0) {
    const char *where = bid > v.fee_high ? "above" : bid < v.fee_low ? "below" : "inside";
    out->bid_eur = bid;
    out->bid_label = sl_charts_printf(st, "%s asked", short_money(st, bid));
    out->common.title = sl_charts_printf(st, "%s for %s: %s the model's %.0f%% range (%s)", short_money(st, bid),
                                        sl_charts_family_name(st, name), where, 100 * v.level, range);
  } else {
    out->common.title = sl_charts_printf(st, "%s: fair fee %s (%.0f%% range %s)", sl_charts_family_name(st, name),
                                        short_money(st, v.fair_fee), 100 * v.level, range);
  }
  /* The estimate comes from the whole model, not the refit the cloud shows; say so, and what
   * it had to extrapolate (a season past the training seasons: the last one's market level). */
  const char *beyond = "";
  for (size_t i = 0; i < v.nextrapolated && beyond; i++) {
    const char *in = v.extrapolated[i].input;
    beyond = strcmp(in, "season") == 0 && p->season
                 ? sl_charts_printf(st, "%s, season %d beyond it", beyond, p->season)
                 : sl_charts_printf(st, "%s, %s beyond its range", beyond, in);
  }
  if (!beyond) return OOM(err);
  out->common.subtitle = sl_charts_printf(st, "%s; %s's estimate: the model of %s%s", out->common.subtitle,
                                          sl_charts_family_name(st, name), season_span(st, m->season_min, m->season_max), beyond);
  return out->player && out->common.title && out->common.subtitle ? SL_OK : OOM(err);
}

int sl_charts_fee_fit_from_model(const sl_fees_model *m, int holdout_from, double level, uint64_t seed,
                                const sl_fees_player *player, double bid, sl_charts_store *st, sl_plot_fee_fit *out,
                                sl_error *err) {
  memset(out, 0, sizeof *out);
  if (!m || !m->deals) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "the model has no training deals");
  if (level <= 0) level = m->level;
  if (!holdout_from) /* the last seasons, leaving at least the first one to learn from */
    holdout_from = m->season_max - SL_CHARTS_HOLDOUT_SEASONS + 1 > m->season_min
                       ? m->season_max - SL_CHARTS_HOLDOUT_SEASONS + 1
                       : m->season_min + 1;
  held_out h = {0};
  int e = predict_held_out(m, holdout_from, level, seed, st, &h, err);
  if (e) return e;
  out->n = h.n, out->predicted_eur = h.predicted, out->actual_eur = h.actual;
  out->low_eur = h.low, out->high_eur = h.high;
  out->xlabel = "Model estimate (median fee, log scale)";
  out->ylabel = "Fee paid (log scale)";
  out->common.title = "The fee model on transfers it never saw";
  out->common.subtitle = sl_charts_printf(
      st, "Held-out transfers %s%s (n=%zu), model refitted on %s; band: %.0f%% %s interval, holds %.1f%%",
      season_span(st, holdout_from, m->season_max), sl_fees_model_has_performance(m) ? " joined to stats" : "", h.n,
      season_span(st, m->season_min, holdout_from - 1), 100 * level, interval_name(h.interval),
      100.0 * (double)h.inside / (double)h.n);
  if (!out->common.subtitle) return OOM(err);
  return player ? mark_player(m, player, level, bid, st, out, err) : SL_OK;
}

const char *sl_charts_default_what_if(const sl_fees_model *m, const sl_fees_player *p) {
  /* A contract what-if is the question clubs ask; only meaningful when the model has the term. */
  return m && p && isfinite(p->contract_months) && sl_fees_model_uses(m, SL_FEES_VAR_CONTRACT) ? SL_CHARTS_DEFAULT_CONTRACT_WHAT_IF
                                                                                     : NULL;
}

/* ---- age curve --------------------------------------------------------------------------------- */

/* Relative difference below which a what-if fee is the estimate's (rounding of the same sum). */
#define SL_CHARTS_WHAT_IF_SAME 1e-9

static const char *contract_text(sl_charts_store *st, const sl_fees_player *p) {
  if (!isfinite(p->contract_months)) return "Estimate";
  return sl_charts_printf(st, "Estimate (%.0f months left on his contract)", p->contract_months);
}

static int sweep(const sl_fees_model *m, const sl_fees_player *base, const sl_fees_player *whatif, double level,
                 sl_plot_age_curve *out, double *age, double *fee, double *low, double *high, double *alt,
                 sl_error *err) {
  size_t n = 0;
  for (double a = SL_CHARTS_AGE_FROM; a <= SL_CHARTS_AGE_TO + 1e-9; a += SL_CHARTS_AGE_STEP, n++) {
    sl_fees_player q = *base;
    sl_fees_valuation v;
    q.age = a;
    int e = sl_fees_value(m, &q, level, NAN, &v, err);
    if (e) return e;
    age[n] = a, fee[n] = v.fair_fee, low[n] = v.fee_low, high[n] = v.fee_high;
    if (whatif) {
      q = *whatif, q.age = a;
      if ((e = sl_fees_value(m, &q, level, NAN, &v, err))) return e;
      alt[n] = v.fair_fee;
    }
  }
  out->n = n;
  return SL_OK;
}

/* "contract-until=2029" -> "What if contract until 2029": the legend is for readers. */
static const char *what_if_text(sl_charts_store *st, const char *what_if) {
  char *t = sl_charts_printf(st, "What if %s", what_if);
  char *eq = t ? strchr(t, '=') : NULL;
  if (!eq) return t;
  for (char *c = t + strlen("What if "); c < eq; c++)
    if (*c == '-') *c = ' ';
  *eq = ' ';
  return t;
}

int sl_charts_age_curve_from_model(const sl_fees_model *m, const sl_fees_player *player, double level,
                                  const char *what_if, sl_charts_store *st, sl_plot_age_curve *out, sl_error *err) {
  memset(out, 0, sizeof *out);
  if (!m || !player) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "age curve: no model or player");
  if (level <= 0) level = m->level;
  size_t cap = (size_t)((SL_CHARTS_AGE_TO - SL_CHARTS_AGE_FROM) / SL_CHARTS_AGE_STEP) + 2;
  double *age = sl_charts_alloc(st, cap, sizeof *age), *fee = sl_charts_alloc(st, cap, sizeof *fee);
  double *low = sl_charts_alloc(st, cap, sizeof *low), *high = sl_charts_alloc(st, cap, sizeof *high);
  double *alt = what_if ? sl_charts_alloc(st, cap, sizeof *alt) : NULL;
  if (!age || !fee || !low || !high || (what_if && !alt)) return OOM(err);
  sl_fees_player w = *player;
  if (what_if && sl_fees_model_apply(m, &w, what_if, err)) return err->code;
  sl_fees_valuation now;
  int e = sl_fees_value(m, player, level, NAN, &now, err);
  if (!e) e = sweep(m, player, what_if ? &w : NULL, level, out, age, fee, low, high, alt, err);
  if (e) return e;
  size_t moved = 0; /* a what-if line on the estimate's is a legend entry that says nothing */
  for (size_t i = 0; what_if && i < out->n; i++) moved += fabs(alt[i] / fee[i] - 1) > SL_CHARTS_WHAT_IF_SAME;
  if (what_if && !moved)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0,
                        "the what-if '%s' changes no fee at any age: the fee model has no term it changes", what_if);
  const char *name = player->name ? player->name : "Player";
  out->age = age, out->fee_eur = fee, out->low_eur = low, out->high_eur = high, out->whatif_eur = alt;
  out->line_label = contract_text(st, player);
  out->whatif_label = what_if ? what_if_text(st, what_if) : NULL;
  /* The window he is valued for, not "now": a values file without a date is valued for the
   * season after the model's data (Haaland from tm-values-2023: summer 2020). */
  out->player = player->season > 0 ? sl_charts_printf(st, "%s, summer %d: %s", name, player->season, short_money(st, now.fair_fee))
                                   : sl_charts_printf(st, "%s: %s", name, short_money(st, now.fair_fee));
  out->player_age = player->age, out->player_fee_eur = now.fair_fee;
  out->xlabel = "Age at the transfer (years)";
  out->ylabel = "Estimated fee (median, € millions)";
  out->common.title = sl_charts_printf(st, "%s: the model's fee for his profile at each age", sl_charts_family_name(st, name));
  /* what the model holds fixed: a performance model reads no market value */
  const char *value = isfinite(player->market_value) && sl_fees_model_uses(m, SL_FEES_VAR_MARKET_VALUE)
                          ? sl_charts_printf(st, ", market value %s held fixed", short_money(st, player->market_value))
                          : "";
  char pos[64];
  out->common.subtitle = sl_charts_printf(st, "%s%s%s%s; band: %.0f%% %s interval; %zu transfers %d-%02d",
                                         sl_fees_position_text(player->group, player->line_groups, pos, sizeof pos), player->league ? ", " : "",
                                         player->league ? player->league : "", value, 100 * level,
                                         interval_name((int)now.interval), sl_fees_model_learned_deals(m), m->season_min,
                                         m->season_max % 100);
  return out->player && out->common.title && out->common.subtitle && out->line_label ? SL_OK : OOM(err);
}
