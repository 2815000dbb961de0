/* fees_mixture.c - a player known only by a line of the team ("Defensa", FBref "DF") valued as
 * the mixture of the line's position groups, each weighted by its share of the model's training
 * deals. The mixture's CDF is the weighted sum of the groups' predictive CDFs (the same
 * distributions sl_fees_value uses for one group), so its median, interval and P(fee >= bid)
 * agree with each other as a single group's do. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime_internal.h"
#include "fees_internal.h"

/* Bisection steps for a mixture quantile: the bracket (the groups' own quantiles, a few log
 * units apart) shrinks below 1e-15 log units, far under a euro. */
#define MIXTURE_BISECTIONS 64

typedef struct {
  double w[SL_FEES_GROUP_COUNT];
  sl_fees_dist d[SL_FEES_GROUP_COUNT];
  sl_fees_valuation v[SL_FEES_GROUP_COUNT];
} mixture;

/* P(log fee < y) under the mixture. */
static double mixture_cdf(const mixture *x, double y) {
  double f = 0;
  for (int g = 0; g < SL_FEES_GROUP_COUNT; g++)
    if (x->w[g] > 0) f += x->w[g] * (1 - sl_fees_dist_upper(&x->d[g], y));
  return f;
}

/* The q-quantile lies between the smallest and largest of the groups' own q-quantiles. */
static double mixture_quantile(const mixture *x, double q) {
  double lo = INFINITY, hi = -INFINITY;
  for (int g = 0; g < SL_FEES_GROUP_COUNT; g++) {
    if (!(x->w[g] > 0)) continue;
    double v = sl_fees_dist_quantile(&x->d[g], q);
    lo = fmin(lo, v), hi = fmax(hi, v);
  }
  for (int i = 0; i < MIXTURE_BISECTIONS && hi > lo; i++) {
    double mid = 0.5 * (lo + hi);
    if (mixture_cdf(x, mid) < q) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/* Weights: each group's share of the training deals among the line's groups (equal shares
 * when the model keeps no deals). Returns the number of groups with a weight. */
static int line_weights(const sl_fees_model *m, unsigned groups, double *w) {
  size_t count[SL_FEES_GROUP_COUNT] = {0}, total = 0;
  for (size_t i = 0; m->deals && i < m->deals->n; i++) {
    int g = m->deals->deal[i].player.group;
    if (g >= 0 && g < SL_FEES_GROUP_COUNT && (groups >> g & 1u)) count[g]++, total++;
  }
  if (m->deals && m->deals->n && !total) return 0; /* deals kept, none of the line's groups */
  int k = 0;
  for (int g = 0; g < SL_FEES_GROUP_COUNT; g++) {
    int in = (groups >> g & 1u) != 0;
    w[g] = !in ? 0 : total ? (double)count[g] / (double)total : 1;
    k += w[g] > 0;
  }
  for (int g = 0; !total && g < SL_FEES_GROUP_COUNT; g++) w[g] /= k ? k : 1;
  return k;
}

/* The group's valuation and predictive distribution. */
static int group_part(const sl_fees_model *m, const sl_fees_player *p, int g, double level, double bid, mixture *x,
                      sl_error *err) {
  sl_fees_player q = *p;
  q.group = g, q.line_groups = 0;
  int st = sl_fees_value(m, &q, level, bid, &x->v[g], err);
  double *row = st ? NULL : malloc(m->p * sizeof *row);
  int known[SL_FEES_MAX_TERMS] = {0};
  if (!st && !row) st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  if (!st) st = sl_fees_design_row(m, &q, row, known, err);
  if (!st) st = sl_fees_dist_of(m, row, q.market_value, &x->d[g], err);
  free(row);
  return st;
}

/* The position line of the "why" table: the mixture's own, what is left of log(fair fee) -
 * log(typical fee) after the other terms (theirs are every group's alike), so that the effects
 * still multiply to the fee; its value names the groups and weights ("AM/W 48%, CF 52%"). */
static void mixture_position(const mixture *x, sl_fees_valuation *out) {
  size_t pos = out->ncontrib;
  double others = 0;
  for (size_t t = 0; t < out->ncontrib; t++)
    if (strcmp(out->contrib[t].term, sl_fees_var_name(SL_FEES_VAR_POSITION)) == 0) pos = t;
    else others += out->contrib[t].log_effect;
  if (pos == out->ncontrib) return; /* a model without a position term */
  sl_fees_contribution *c = &out->contrib[pos];
  c->log_effect = out->log_fee - out->typical_log_fee - others;
  c->percent = 100 * expm1(c->log_effect);
  c->eur = out->typical_fee * expm1(c->log_effect);
  int n = 0;
  c->value[0] = '\0';
  for (int g = 0; g < SL_FEES_GROUP_COUNT && n >= 0 && (size_t)n < sizeof c->value; g++)
    if (x->w[g] > 0)
      n += sl_snprintf_c(c->value + n, sizeof c->value - (size_t)n, "%s%s %.0f%%", n ? ", " : "", sl_fees_group_name(g),
                         100 * x->w[g]);
}

int sl_fees_value_line(const sl_fees_model *m, const sl_fees_player *p, double level, double bid,
                       sl_fees_valuation *out, sl_error *err) {
  mixture *x = calloc(1, sizeof *x);
  if (!x) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  char groups[64];
  int st = line_weights(m, p->line_groups, x->w)
               ? SL_OK
               : sl_error_set(err, SL_EDATA, NULL, 0, 0,
                              "position known only as a line (%s), and the model saw no transfer of those groups",
                              sl_fees_position_text(-1, p->line_groups, groups, sizeof groups));
  if (st) sl_error_field(err, "position", st);
  int top = -1;
  for (int g = 0; !st && g < SL_FEES_GROUP_COUNT; g++) {
    if (!(x->w[g] > 0)) continue;
    st = group_part(m, p, g, level, bid, x, err);
    if (top < 0 || x->w[g] > x->w[top]) top = g;
  }
  if (!st) {
    *out = x->v[top]; /* contributions and notes of the likeliest group */
    double lvl = out->level, mean = 0, upper = 0;
    for (int g = 0; g < SL_FEES_GROUP_COUNT; g++)
      if (x->w[g] > 0) mean += x->w[g] * x->v[g].fee_mean, upper += x->w[g] * x->v[g].p_at_least_bid;
    out->log_fee = mixture_quantile(x, 0.5);
    out->fair_fee = exp(out->log_fee), out->fee_mean = mean;
    out->fee_low = exp(mixture_quantile(x, (1 - lvl) / 2)), out->fee_high = exp(mixture_quantile(x, (1 + lvl) / 2));
    out->p_at_least_bid = bid > 0 ? upper : NAN;
    out->se_prediction = NAN; /* a mixture has no single t scale */
    mixture_position(x, out);
    char note[SL_FEES_NOTE_MAX];
    int n = sl_snprintf_c(note, sizeof note, "position known only as a line: valued as a mixture of");
    for (int g = 0; g < SL_FEES_GROUP_COUNT && n > 0 && (size_t)n < sizeof note; g++)
      if (x->w[g] > 0)
        n += sl_snprintf_c(note + n, sizeof note - (size_t)n, " %s %.0f%%", sl_fees_group_name(g), 100 * x->w[g]);
    if (n > 0 && (size_t)n < sizeof note)
      sl_snprintf_c(note + n, sizeof note - (size_t)n, " (their shares of the training deals)");
    if (out->nnotes < SL_FEES_MAX_NOTES) memcpy(out->notes[out->nnotes++], note, SL_FEES_NOTE_MAX);
  }
  free(x);
  return st;
}
