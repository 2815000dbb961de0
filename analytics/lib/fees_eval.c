/* fees_eval.c - out-of-sample accuracy (time split and seeded k-fold) next to the naive
 * baseline "fee = market value", and the public fit entry points.
 *
 * Every evaluation refits the whole pipeline (levels, coefficients, smearing, calibration and
 * the interval choice) on its training deals only, so nothing of the test deals leaks in.
 * Scores: R² of log fee around the test deals' own mean; the absolute percentage error of the
 * median estimate exp(prediction), |fair_fee/fee - 1|, its median and the shares within 25%
 * and 50%; the share of test fees inside the interval at the model's level. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fees_internal.h"

static int dbl_cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

int sl_fees_score(const double *y, const double *pred, const double *low, const double *high, size_t n,
                  sl_fees_accuracy *a) {
  memset(a, 0, sizeof *a);
  a->n = n;
  a->r2_log = a->mdape = a->within25 = a->within50 = a->coverage = a->log_rmse = a->mean_width = NAN;
  if (!n) return SL_OK;
  double *ape = malloc(n * sizeof *ape), mean = 0, sse = 0, sst = 0;
  if (!ape) return SL_ENOMEM;
  size_t w25 = 0, w50 = 0, in = 0;
  double width = 0;
  for (size_t i = 0; i < n; i++) mean += y[i];
  mean /= (double)n;
  for (size_t i = 0; i < n; i++) {
    sse += (y[i] - pred[i]) * (y[i] - pred[i]);
    sst += (y[i] - mean) * (y[i] - mean);
    ape[i] = fabs(exp(pred[i] - y[i]) - 1);
    w25 += ape[i] <= 0.25, w50 += ape[i] <= 0.5;
    if (low) in += y[i] >= low[i] && y[i] <= high[i], width += high[i] - low[i];
  }
  qsort(ape, n, sizeof *ape, dbl_cmp);
  a->mdape = n % 2 ? ape[n / 2] : (ape[n / 2 - 1] + ape[n / 2]) / 2;
  a->r2_log = sst > 0 ? 1 - sse / sst : NAN;
  a->within25 = (double)w25 / (double)n, a->within50 = (double)w50 / (double)n;
  if (low) a->coverage = (double)in / (double)n, a->mean_width = width / (double)n;
  a->log_rmse = sqrt(sse / (double)n);
  free(ape);
  return SL_OK;
}

/* Predictions gathered over one or more evaluations, scored at the end. */
typedef struct scored {
  double *y, *pred, *low, *high; /* model, n of them */
  double *by, *bpred;            /* baseline, nb of them (deals with a market value) */
  double *my, *mpred, *mlow, *mhigh; /* model on the baseline's deals */
  double *rpred;                 /* ratio baseline on the baseline's deals */
  double *bmv;                   /* market value of the baseline's deals */
  double *iy, *ipred, *ilow, *ihigh, *ibase, *iratio; /* in rows with a market value */
  size_t n, nb, ni;
  int interval;                  /* interval kind of the last model (0 when they differ) */
} scored;

static int scored_init(scored *s, size_t cap) {
  memset(s, 0, sizeof *s);
  double **arr[] = {&s->y,     &s->pred,  &s->low,  &s->high, &s->by,    &s->bpred, &s->my,    &s->mpred,
                    &s->mlow,  &s->mhigh, &s->rpred, &s->iy,   &s->ipred, &s->ilow,  &s->ihigh, &s->ibase,
                    &s->iratio, &s->bmv};
  for (size_t i = 0; i < sizeof arr / sizeof arr[0]; i++)
    if (!(*arr[i] = malloc((cap ? cap : 1) * sizeof(double)))) return SL_ENOMEM;
  s->interval = -1;
  return SL_OK;
}

static void scored_free(scored *s) {
  double *arr[] = {s->y,     s->pred,  s->low,  s->high, s->by,    s->bpred, s->my,    s->mpred, s->mlow,
                   s->mhigh, s->rpred, s->iy,   s->ipred, s->ilow,  s->ihigh, s->ibase, s->iratio, s->bmv};
  for (size_t i = 0; i < sizeof arr / sizeof arr[0]; i++) free(arr[i]);
}

/* log of the median fee/market value ratio of the last season among deals idx (0 when none has
 * a market value): the naive "market value, corrected for last season's market" baseline. */
static double last_season_log_ratio(const sl_fees_deals *d, const size_t *idx, size_t n) {
  int last = 0;
  for (size_t i = 0; i < n; i++)
    if (d->deal[idx[i]].player.season > last && d->deal[idx[i]].player.market_value > 0) last = d->deal[idx[i]].player.season;
  double *r = malloc((n ? n : 1) * sizeof *r);
  size_t k = 0;
  for (size_t i = 0; r && i < n; i++) {
    const sl_fees_deal *x = &d->deal[idx[i]];
    if (x->player.season == last && x->player.market_value > 0) r[k++] = log(x->fee / x->player.market_value);
  }
  double med = 0;
  if (k) {
    qsort(r, k, sizeof *r, dbl_cmp);
    med = k % 2 ? r[k / 2] : (r[k / 2 - 1] + r[k / 2]) / 2;
  }
  free(r);
  return med;
}

/* Predicts the test deals with model m and adds them to s (log_ratio: the ratio baseline's
 * shift). */
static int predict_into(const sl_fees_model *m, const sl_fees_deals *d, const size_t *test,
                        size_t nt, double log_ratio, scored *s, sl_error *err) {
  double *x = malloc(m->p * sizeof *x);
  if (!x) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  s->interval = s->interval < 0 || s->interval == (int)m->interval ? (int)m->interval : 0;
  for (size_t k = 0; k < nt; k++) {
    const sl_fees_deal *deal = &d->deal[test[k]];
    double pred, lo, hi, se, y = log(deal->fee);
    sl_fees_player p = deal->player;
    sl_fees_resolve_buyer(m, &p); /* as a valuation reads it (sl_fees_value) */
    int st = sl_fees_design_row(m, &p, x, NULL, err);
    if (!st) st = sl_fees_interval_of(m, x, deal->player.market_value, m->level, &pred, &lo, &hi, &se, err);
    if (st) {
      free(x);
      return st;
    }
    s->y[s->n] = y, s->pred[s->n] = pred, s->low[s->n] = lo, s->high[s->n] = hi, s->n++;
    if (deal->player.market_value > 0) {
      s->by[s->nb] = y, s->bpred[s->nb] = log(deal->player.market_value);
      s->my[s->nb] = y, s->mpred[s->nb] = pred, s->mlow[s->nb] = lo, s->mhigh[s->nb] = hi;
      s->rpred[s->nb] = log(deal->player.market_value) + log_ratio;
      s->bmv[s->nb] = deal->player.market_value;
      s->nb++;
      if (!deal->from_out_row) {
        s->iy[s->ni] = y, s->ipred[s->ni] = pred, s->ilow[s->ni] = lo, s->ihigh[s->ni] = hi;
        s->ibase[s->ni] = log(deal->player.market_value), s->iratio[s->ni] = s->rpred[s->nb - 1], s->ni++;
      }
    }
  }
  free(x);
  return SL_OK;
}

/* The model on the deals with a market value, by market-value band (the bands the conformal
 * intervals are calibrated in: their coverage is what the bands promise). SL_ENOMEM only. */
static int score_bands(const scored *s, sl_fees_accuracy band[SL_FEES_MAX_BANDS]) {
  double *buf = malloc(4 * (s->nb ? s->nb : 1) * sizeof *buf);
  if (!buf) return SL_ENOMEM;
  double *y = buf, *pred = y + s->nb, *lo = pred + s->nb, *hi = lo + s->nb;
  int st = SL_OK;
  for (int b = 0; !st && b < SL_FEES_MAX_BANDS; b++) {
    size_t k = 0;
    for (size_t i = 0; i < s->nb; i++)
      if (sl_fees_band_of(s->bmv[i]) == b) y[k] = s->my[i], pred[k] = s->mpred[i], lo[k] = s->mlow[i], hi[k] = s->mhigh[i], k++;
    st = sl_fees_score(y, pred, lo, hi, k, &band[b]);
  }
  free(buf);
  return st;
}

static int score_all(const scored *s, sl_fees_accuracy *model, sl_fees_accuracy *base,
                     sl_fees_accuracy *model_mv) {
  int st = sl_fees_score(s->y, s->pred, s->low, s->high, s->n, model);
  if (!st) st = sl_fees_score(s->by, s->bpred, NULL, NULL, s->nb, base);
  if (!st) st = sl_fees_score(s->my, s->mpred, s->mlow, s->mhigh, s->nb, model_mv);
  return st;
}

/* The model without performance terms on the performance model's test deals: fitted on the
 * training deals train[0..ntr) (the same deals, or every deal before the split), scored into *a.
 * first_version: with the first version's design instead of today's choices (the classic terms,
 * a linear season trend extrapolated, every deal weighing 1, the t interval), the model the
 * issue measured as "today's" (its league labels read right, as every model's now are). */
static int plain_on_same_test(const sl_fees_deals *d, const size_t *train, size_t ntr, const size_t *test, size_t nte,
                              const sl_fees_options *o, int first_version, sl_fees_accuracy *a, sl_error *err) {
  sl_fees_options plain = *o;
  plain.performance = 0;
  if (first_version) {
    plain.terms = NULL, plain.classic_terms = SL_FEES_TERMS_CLASSIC;
    plain.season_mode = SL_FEES_SEASON_TREND, plain.season_hold = 0;
    plain.half_life = SL_FEES_NO_WEIGHTS, plain.interval = SL_FEES_INTERVAL_T;
  }
  sl_fees_model *m = NULL;
  scored s = {0};
  int st = sl_fees_fit_subset(d, train, ntr, &plain, &m, NULL, 0, err);
  if (!st && scored_init(&s, nte)) st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  if (!st) st = predict_into(m, d, test, nte, 0, &s, err);
  if (!st && sl_fees_score(s.y, s.pred, s.low, s.high, s.n, a)) st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  scored_free(&s);
  sl_fees_model_free(m);
  return st;
}

/* The three comparisons of a performance model's time split (fees.h, sl_fees_report). */
static int performance_comparisons(const sl_fees_deals *d, const size_t *train, size_t ntr, const size_t *test,
                                   size_t nte, const sl_fees_options *o, sl_fees_report *r, sl_error *err) {
  int st = plain_on_same_test(d, train, ntr, test, nte, o, 0, &r->time_plain_same, err);
  size_t *every = st ? NULL : malloc((d->n ? d->n : 1) * sizeof *every), nev = 0;
  if (!st && !every) st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  for (size_t i = 0; every && i < d->n; i++)
    if (d->deal[i].player.season < o->holdout_from) every[nev++] = i;
  r->time_plain_all_train = nev;
  if (!st) st = plain_on_same_test(d, every, nev, test, nte, o, 0, &r->time_plain_all, err);
  if (!st) st = plain_on_same_test(d, every, nev, test, nte, o, 1, &r->time_plain_v1, err);
  free(every);
  return st;
}

static int time_split(const sl_fees_deals *d, const size_t *use, size_t nuse, const sl_fees_options *o,
                      sl_fees_report *r, sl_error *err) {
  size_t *train = malloc((nuse ? nuse : 1) * sizeof *train), *test = malloc((nuse ? nuse : 1) * sizeof *test);
  size_t ntr = 0, nte = 0;
  if (!train || !test) {
    free(train), free(test);
    return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  }
  for (size_t k = 0; k < nuse; k++) {
    size_t i = use[k];
    if (d->deal[i].player.season < o->holdout_from) train[ntr++] = i;
    else if (!o->performance || d->deal[i].player.stats_season) test[nte++] = i; /* scored where joined */
  }
  r->time_train = ntr, r->time_test = nte;
  int st = SL_OK;
  if (!nte || !ntr)
    st = sl_error_set(err, SL_EDATA, NULL, 0, 0,
                      "a time split at season %d leaves %zu training and %zu test deals: both must be non-empty",
                      o->holdout_from, ntr, nte);
  sl_fees_model *m = NULL;
  scored s = {0};
  if (!st) st = sl_fees_fit_subset(d, train, ntr, o, &m, NULL, 0, err);
  if (!st && scored_init(&s, nte)) st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  if (!st) st = predict_into(m, d, test, nte, last_season_log_ratio(d, train, ntr), &s, err);
  if (!st && (score_all(&s, &r->time_model, &r->time_baseline, &r->time_model_mv) ||
              sl_fees_score(s.by, s.rpred, NULL, NULL, s.nb, &r->time_ratio) ||
              sl_fees_score(s.iy, s.ipred, s.ilow, s.ihigh, s.ni, &r->time_model_in) ||
              sl_fees_score(s.iy, s.ibase, NULL, NULL, s.ni, &r->time_baseline_in) ||
              sl_fees_score(s.iy, s.iratio, NULL, NULL, s.ni, &r->time_ratio_in) || score_bands(&s, r->time_band)))
    st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  if (!st) {
    r->time_season_mode = m->season_mode, r->time_half_life = m->half_life;
    r->time_inner_score = m->inner_score, r->time_inner_from = m->inner_from;
  }
  if (!st && o->performance) st = performance_comparisons(d, train, ntr, test, nte, o, r, err);
  r->time_interval = s.interval;
  scored_free(&s);
  sl_fees_model_free(m);
  free(train), free(test);
  return st;
}

static int kfold(const sl_fees_deals *d, const size_t *use, size_t nuse, const sl_fees_options *o, unsigned k,
                 sl_fees_report *r, sl_error *err) {
  unsigned *fold = malloc((nuse ? nuse : 1) * sizeof *fold);
  size_t *train = malloc((nuse ? nuse : 1) * sizeof *train), *test = malloc((nuse ? nuse : 1) * sizeof *test);
  scored s = {0};
  int st = !fold || !train || !test || scored_init(&s, nuse)
               ? sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory")
               : SL_OK;
  uint64_t state = o->seed;
  for (size_t i = 0; !st && i < nuse; i++) fold[i] = (unsigned)(sl_splitmix64(&state) % k);
  for (unsigned f = 0; !st && f < k; f++) {
    size_t ntr = 0, nte = 0;
    for (size_t i = 0; i < nuse; i++) {
      if (fold[i] == f) test[nte++] = use[i];
      else train[ntr++] = use[i];
    }
    sl_fees_model *m = NULL;
    st = sl_fees_fit_subset(d, train, ntr, o, &m, NULL, 0, err);
    if (!st) st = predict_into(m, d, test, nte, 0, &s, err);
    sl_fees_model_free(m);
  }
  if (!st && score_all(&s, &r->kfold_model, &r->kfold_baseline, &r->kfold_model_mv))
    st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  r->kfold_interval = s.interval;
  scored_free(&s);
  free(fold), free(train), free(test);
  return st;
}

/* The deals a rolling season scores its model on: those with a market value, or every deal for
 * a model without market value (no baselines then, and no bands). */
typedef struct season_view {
  const double *y, *pred, *low, *high;
  size_t n;
  int no_mv;
} season_view;

static season_view view_of(const scored *s) {
  season_view v = {s->my, s->mpred, s->mlow, s->mhigh, s->nb, 0};
  if (!s->nb) v = (season_view){s->y, s->pred, s->low, s->high, s->n, 1};
  return v;
}

/* Appends a season's view to pool's market-value arrays (capacity: every usable deal); a model
 * without market value's deals get none, so they are in no band. */
static void pool_append(scored *pool, const scored *s) {
  season_view v = view_of(s);
  const double *src[] = {v.y, v.pred, v.low, v.high};
  double *dst[] = {pool->my, pool->mpred, pool->mlow, pool->mhigh};
  for (size_t k = 0; k < sizeof dst / sizeof dst[0]; k++) memcpy(dst[k] + pool->nb, src[k], v.n * sizeof(double));
  for (size_t i = 0; i < v.n; i++) pool->bmv[pool->nb + i] = v.no_mv ? 0 : s->bmv[i];
  pool->nb += v.n;
}

/* Each season from o->rolling_from on, predicted by a model fitted on the seasons before it. */
static int rolling(const sl_fees_deals *d, const size_t *use, size_t nuse, const sl_fees_options *o,
                   sl_fees_report *r, sl_error *err) {
  int last = 0;
  for (size_t k = 0; k < nuse; k++)
    if (d->deal[use[k]].player.season > last) last = d->deal[use[k]].player.season;
  size_t *train = malloc((nuse ? nuse : 1) * sizeof *train), *test = malloc((nuse ? nuse : 1) * sizeof *test);
  scored pool = {0};
  int st = !train || !test || scored_init(&pool, nuse) ? sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory") : SL_OK;
  double sum[3] = {0}, sum_in[2] = {0};
  size_t nin = 0; /* seasons with in rows scored */
  for (int season = o->rolling_from; !st && season <= last && r->nrolling < SL_FEES_MAX_ROLLING; season++) {
    size_t ntr = 0, nte = 0;
    for (size_t k = 0; k < nuse; k++) {
      size_t i = use[k];
      if (d->deal[i].player.season < season) train[ntr++] = i;
      else if (d->deal[i].player.season == season) test[nte++] = i;
    }
    if (!nte || !ntr) continue;
    sl_fees_model *m = NULL;
    scored s = {0};
    st = sl_fees_fit_subset(d, train, ntr, o, &m, NULL, 0, err);
    if (!st && scored_init(&s, nte)) st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
    if (!st) st = predict_into(m, d, test, nte, last_season_log_ratio(d, train, ntr), &s, err);
    sl_fees_season_accuracy *a = &r->rolling[r->nrolling];
    a->season = season, a->train = ntr;
    season_view v = view_of(&s);
    if (!st && (sl_fees_score(v.y, v.pred, v.low, v.high, v.n, &a->model) ||
                sl_fees_score(s.by, s.bpred, NULL, NULL, s.nb, &a->baseline) ||
                sl_fees_score(s.by, s.rpred, NULL, NULL, s.nb, &a->ratio) ||
                sl_fees_score(s.iy, s.ipred, s.ilow, s.ihigh, s.ni, &a->model_in) ||
                sl_fees_score(s.iy, s.ibase, NULL, NULL, s.ni, &a->baseline_in)))
      st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
    if (!st) {
      a->season_mode = m->season_mode, a->half_life = m->half_life;
      sum[0] += a->model.log_rmse, sum[1] += a->baseline.log_rmse, sum[2] += a->ratio.log_rmse;
      if (s.ni) sum_in[0] += a->model_in.log_rmse, sum_in[1] += a->baseline_in.log_rmse, nin++;
      pool_append(&pool, &s);
      r->nrolling++;
    }
    scored_free(&s);
    sl_fees_model_free(m);
  }
  if (!st && !r->nrolling)
    st = sl_error_set(err, SL_EDATA, NULL, 0, 0, "rolling evaluation from %d: no season from then on has both earlier and own deals",
                      o->rolling_from);
  if (r->nrolling) {
    r->rolling_mean_log_rmse = sum[0] / (double)r->nrolling;
    r->rolling_mean_baseline = sum[1] / (double)r->nrolling, r->rolling_mean_ratio = sum[2] / (double)r->nrolling;
  }
  r->rolling_mean_in = nin ? sum_in[0] / (double)nin : NAN;
  r->rolling_mean_baseline_in = nin ? sum_in[1] / (double)nin : NAN;
  if (!st && (sl_fees_score(pool.my, pool.mpred, pool.mlow, pool.mhigh, pool.nb, &r->rolling_pooled) ||
              score_bands(&pool, r->rolling_band)))
    st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  scored_free(&pool);
  free(train), free(test);
  return st;
}

static void report_note(sl_fees_report *r, const char *text) {
  if (r->nnotes < SL_FEES_MAX_NOTES) snprintf(r->notes[r->nnotes++], SL_FEES_NOTE_MAX, "%s", text);
}

int sl_fees_fit(sl_fees_deals *deals, const sl_fees_options *opt, sl_fees_model **out,
                sl_fees_report **report, sl_error *err) {
  sl_fees_options o = opt ? *opt : (sl_fees_options){0};
  if (out) *out = NULL;
  if (report) *report = NULL;
  if (!deals || !out) {
    sl_fees_deals_free(deals);
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "no deals or output given");
  }
  if (o.level <= 0) o.level = SL_FEES_DEFAULT_LEVEL;
  if (!(o.level < 1)) {
    sl_fees_deals_free(deals);
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "level %g is not between 0 and 1", o.level);
  }
  if (!deals->n) { /* say why, by the reason that took the most rows, not "0 deals for p columns" */
    int top = 1;
    for (int q = 1; q < SL_FEES_REASON_COUNT; q++)
      if (deals->count[q] > deals->count[top]) top = q;
    size_t read = deals->rows_read, most = deals->count[top];
    sl_fees_deals_free(deals);
    if (!read) return sl_error_set(err, SL_EDATA, NULL, 0, 0, "no deal to fit: no rows were read");
    return sl_error_set(err, SL_EDATA, NULL, 0, 0, "no deal to fit: of %zu rows read, none is used (most, %zu: %s%s)",
                        read, most, sl_fees_reason_text((sl_fees_reason)top),
                        top == SL_FEES_SKIP_SEASON && (o.since || o.until) ? ", against the seasons asked for" : "");
  }
  unsigned k = o.folds ? o.folds : SL_FEES_DEFAULT_FOLDS;
  sl_fees_report *r = calloc(1, sizeof *r);
  size_t *all = malloc((deals->n ? deals->n : 1) * sizeof *all), nall = 0;
  int st = !r || !all ? sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory") : SL_OK;
  if (o.performance && !deals->has_performance) o.performance = 0; /* no stats joined: the usual model */
  /* A performance model learns from the deals joined to the stats of the season before only. */
  for (size_t i = 0; !st && i < deals->n; i++)
    if (!o.performance || deals->deal[i].player.stats_season) all[nall++] = i;
  if (!st && o.performance && !nall)
    st = sl_error_set(err, SL_EDATA, NULL, 0, 0,
                      "no deal was joined to the stats of the season before: the performance terms cannot be learned");
  if (r) r->performance_deals = o.performance ? nall : 0;
  /* The default list's richer terms need deals: decided here, once, for the model and every
   * evaluation's refit, so that they all fit one list. */
  int few = !st && !o.terms && !o.classic_terms && nall < SL_FEES_MIN_RICH_DEALS;
  if (few) o.classic_terms = SL_FEES_TERMS_FEW;
  char note[4 * SL_FEES_NOTE_MAX] = "";
  sl_fees_model *m = NULL;
  if (!st) st = sl_fees_fit_subset(deals, all, nall, &o, &m, note, sizeof note, err);
  if (!st) {
    r->level = o.level, r->holdout_from = o.holdout_from, r->folds = k > 1 ? k : 0;
    for (size_t i = 0; i < deals->nnotes; i++) report_note(r, deals->notes[i]);
    if (few) {
      char text[SL_FEES_NOTE_MAX];
      snprintf(text, sizeof text, "%zu deals: the classic terms (the default's market-value spline, its age interaction "
               "and buying-club levels need %d)", nall, SL_FEES_MIN_RICH_DEALS);
      report_note(r, text);
    }
    if (note[0]) report_note(r, note);
  }
  if (!st && o.holdout_from) st = time_split(deals, all, nall, &o, r, err);
  if (!st && o.rolling_from) st = rolling(deals, all, nall, &o, r, err);
  if (!st && k > 1 && (st = kfold(deals, all, nall, &o, k, r, err)) == SL_EDATA) {
    char text[SL_FEES_NOTE_MAX]; /* too few deals for k folds is a fact to report, not a failure */
    snprintf(text, sizeof text, "%u-fold accuracy not computed: %.150s", k, err ? err->message : "too few deals");
    report_note(r, text);
    r->folds = 0, st = SL_OK;
    sl_error_clear(err);
  }
  free(all);
  if (st) {
    sl_fees_model_free(m), sl_fees_deals_free(deals), free(r);
    return st;
  }
  m->deals = deals;
  sl_fees_ranges_build(m);
  if (sl_fees_club_index_build(m) || sl_fees_model_history_build(m)) {
    sl_fees_model_free(m), free(r);
    return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  }
  *out = m;
  if (report) *report = r;
  else free(r);
  return SL_OK;
}

int sl_fees_fit_files(const char *const *paths, size_t npaths, const sl_fees_options *opt,
                      sl_fees_model **out, sl_fees_report **report, sl_error *err) {
  sl_table *t = NULL;
  sl_fees_deals *d = NULL;
  int st = sl_table_load_many(paths, npaths, NULL, &t, err);
  if (!st) st = sl_fees_deals_from_table(t, opt, &d, err);
  sl_table_free(t);
  if (st) return st;
  return sl_fees_fit(d, opt, out, report, err);
}
