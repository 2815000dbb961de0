/* fees_fit.c - fitting the log-fee regression on a set of deals: weighted OLS by the regress
 * module (optionally ridge for the point predictions), Duan's smearing factor, the inner time
 * split that chooses how recency enters, and the calibration of the predictive distribution.
 *
 * Inner time split: the most recent training seasons holding calibration_share of the deals are
 * held out, and each candidate setting (season as a trend, a level carried forward, or absent;
 * training weights 0.5^((last season - season) / h) for no h or h = 1-4 seasons) is fitted on
 * the earlier seasons and scored by log-RMSE on the held-out ones. The best is refitted on all
 * training deals. Its one-season-ahead residuals on the latest seasons holding
 * SL_FEES_CALIBRATION_WINDOW of the deals (each season predicted by the setting fitted on the
 * seasons before it) are the calibration set: out-of-time errors of the very kind a valuation
 * makes (exchangeability holds better for the latest seasons than for a random share), kept per market-value band when every band has enough of them (Mondrian conformal,
 * Vovk et al. 2005), so a band's interval has its own width.
 *
 * Predictive distribution (conformal): log fee = x'b + r, r drawn from the band's residuals
 * centred on their median; its CDF is the linear interpolation of the empirical CDF through (r_(i), (i - 1/2)/n). The
 * median (the fair fee), the interval's ends and P(fee >= bid) are all read from this one
 * distribution, so P(fee >= median) is 1/2 exactly. Without enough deals to hold out: Student t
 * around x'b. */
#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fees_internal.h"

/** Fewest calibration deals for a conformal interval: with fewer, the 10% tail quantiles of
 *  an 80% interval rest on one or two residuals. */
#define SL_FEES_MIN_CALIBRATION 20
/** Fewest calibration deals per market-value band before the bands get their own widths: the
 *  10% tails of a band then rest on at least 10 residuals. */
#define SL_FEES_MIN_BAND_CALIBRATION 100
/** Share of the training deals whose one-season-ahead residuals calibrate the intervals (the
 *  latest seasons; the setting is still chosen on calibration_share): more seasons put more of
 *  the market's season-to-season moves into the residuals. Measured on transfers-tm, rolling
 *  2013-2020 (point predictions unchanged): coverage 78.1% (the choice's 0.25) -> 78.8%, mean
 *  width 1.871 -> 1.911; 0.55 and 0.7 gain little more (79.2%, 79.3%) and push the time split's
 *  band over EUR 5m to 85%. */
#define SL_FEES_CALIBRATION_WINDOW 0.4
/** Span of training seasons (last - first) the inner split needs to choose a setting: two
 *  earlier seasons, so that a trend or a level can be learned before the late ones. */
#define SL_FEES_CHOICE_SPAN 2
/** Span a calibration by time needs: one earlier season to predict the last from. */
#define SL_FEES_CALIBRATION_SPAN 1
/** Fewest deals on each side of the inner time split (else a random calibration split). */
#define SL_FEES_MIN_INNER_DEALS 50
/** Mixed into the seed so the calibration split differs from the k-fold assignment ("calib"). */
#define CALIBRATION_STREAM 0x63616c6962ULL

double sl_fees_smearing(const double *residuals, size_t n) {
  double s = 0;
  for (size_t i = 0; i < n; i++) s += exp(residuals[i]);
  return n ? s / (double)n : NAN;
}

/* ---- the predictive distribution --------------------------------------------------------- */

double sl_fees_residual_quantile(const double *z, size_t n, double q) {
  if (!n) return NAN;
  double h = q * (double)n + 0.5; /* 1-based position of plotting point (i - 1/2)/n */
  if (h <= 1) return z[0];
  if (h >= (double)n) return z[n - 1];
  size_t i = (size_t)floor(h);
  double f = h - (double)i;
  return z[i - 1] + f * (z[i] - z[i - 1]);
}

double sl_fees_residual_cdf(const double *z, size_t n, double g) {
  if (!n || isnan(g)) return NAN;
  if (g < z[0]) return 0;
  if (g >= z[n - 1]) return 1;
  size_t lo = 0, hi = n - 1; /* largest i (0-based) with z[i] <= g: z[lo] <= g < z[hi] */
  while (hi - lo > 1) {
    size_t mid = lo + (hi - lo) / 2;
    if (z[mid] <= g) lo = mid;
    else hi = mid;
  }
  return ((double)lo + 0.5 + (g - z[lo]) / (z[hi] - z[lo])) / (double)n;
}

static int dbl_cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/* ---- regression on a column-major matrix --------------------------------------------------- */

/* Ridge on the non-constant columns (a dummy can be constant in a subset; ridge standardises
 * and refuses constant predictors). Coefficients of dropped columns are 0. */
typedef struct sub_src {
  const double *X, *y;
  size_t n;
  const size_t *cols;
  size_t pc;
} sub_src;

static int sub_fill(const void *ctx, size_t first, size_t count, double *x, size_t ldx, double *y,
                    double *w, sl_error *err) {
  const sub_src *s = ctx;
  (void)w, (void)err;
  for (size_t j = 0; j < s->pc; j++)
    for (size_t i = 0; i < count; i++) x[j * ldx + i] = s->X[s->cols[j] * s->n + first + i];
  for (size_t i = 0; i < count; i++) y[i] = s->y[first + i];
  return SL_OK;
}

static int ridge_coef(const double *X, const double *y, size_t n, size_t p,
                      const char *const *names, double *coef, double *lambda, sl_error *err) {
  size_t *cols = malloc(p * sizeof *cols), pc = 0;
  const char **nm = malloc(p * sizeof *nm);
  if (!cols || !nm) {
    free(cols), free(nm);
    return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  }
  for (size_t j = 0; j < p; j++) {
    int constant = 1;
    for (size_t i = 1; i < n && constant; i++) constant = X[j * n + i] == X[j * n];
    if (j == 0 || !constant) cols[pc] = j, nm[pc++] = names[j];
  }
  sub_src src = {X, y, n, cols, pc};
  sl_rows rows = {n, pc, nm, 1, 0, sub_fill, &src, 1};
  sl_ridge_options ro = {0};
  ro.method = SL_RIDGE_GCV;
  sl_ridge_fit *rf = NULL;
  int st = sl_ridge_fit_rows(&rows, &ro, &rf, err);
  if (!st) {
    for (size_t j = 0; j < p; j++) coef[j] = 0;
    for (size_t k = 0; k < pc; k++) coef[cols[k]] = rf->coef[k];
    *lambda = rf->lambda;
  }
  sl_ridge_fit_free(rf);
  free(cols), free(nm);
  return st;
}

/* OLS (and ridge when asked) on rows X (n x p column-major). coef gets the predicting
 * coefficients (aliased columns 0). */
static int regress(const sl_fees_model *m, const double *X, const double *y, const double *w, size_t n,
                   int ridge, sl_ols_fit **ols, double *coef, double *lambda, sl_error *err) {
  int st = sl_ols_fit_matrix(X, n, y, w, n, m->p, (const char *const *)m->names, 1, NULL, ols, err);
  if (st) return st;
  for (size_t j = 0; j < m->p; j++) coef[j] = (*ols)->aliased[j] ? 0 : (*ols)->coef[j];
  if (ridge) st = ridge_coef(X, y, n, m->p, (const char *const *)m->names, coef, lambda, err);
  return st;
}

/* ---- weights and the design of a set of deals ----------------------------------------------- */

/* Recency weights 0.5^((last season - season) / h), NULL (unweighted) for h <= 0. */
static double *season_weights(const sl_fees_deals *d, const size_t *idx, size_t n, double half_life) {
  if (!(half_life > 0) || !n) return NULL;
  int last = d->deal[idx[0]].player.season;
  for (size_t i = 1; i < n; i++)
    if (d->deal[idx[i]].player.season > last) last = d->deal[idx[i]].player.season;
  double *w = malloc(n * sizeof *w);
  for (size_t i = 0; w && i < n; i++) w[i] = pow(0.5, (double)(last - d->deal[idx[i]].player.season) / half_life);
  return w;
}

static int build_matrix(const sl_fees_model *m, const sl_fees_deals *d, const size_t *idx,
                        size_t n, double *X, double *y, sl_error *err) {
  double *row = malloc(m->p * sizeof *row);
  if (!row) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  for (size_t i = 0; i < n; i++) {
    const sl_fees_deal *deal = &d->deal[idx[i]];
    int st = sl_fees_design_row(m, &deal->player, row, NULL, err);
    if (st) {
      free(row);
      return st;
    }
    for (size_t j = 0; j < m->p; j++) X[j * n + i] = row[j];
    y[i] = log(deal->fee);
  }
  free(row);
  return SL_OK;
}

static void column_stats(sl_fees_model *m, const double *X, size_t n) {
  for (size_t j = 0; j < m->p; j++) {
    double s = 0;
    for (size_t i = 0; i < n; i++) s += X[j * n + i];
    m->column_mean[j] = s / (double)n;
  }
  for (size_t t = 0; t < m->nterms; t++) {
    size_t j = m->terms[t].first;
    double ss = 0;
    m->feature_sd[t] = NAN;
    if (m->terms[t].kind == SL_FEES_TERM_FACTOR || !m->terms[t].count) continue;
    for (size_t i = 0; i < n; i++) ss += (X[j * n + i] - m->column_mean[j]) * (X[j * n + i] - m->column_mean[j]);
    m->feature_sd[t] = sqrt(ss / (double)n);
  }
}

/* Terms, design, weighted fit, smearing and column statistics of one setting on deals idx. */
static int fit_setting(const sl_fees_deals *d, const size_t *idx, size_t n, const sl_fees_options *o,
                       sl_fees_model **out, char *note, size_t note_size, sl_error *err) {
  *out = NULL;
  sl_fees_model *m = sl_fees_model_alloc();
  if (!m) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  m->level = o->level > 0 ? o->level : SL_FEES_DEFAULT_LEVEL;
  m->ridge = o->ridge;
  m->half_life = o->half_life > 0 ? o->half_life : 0;
  m->nbands = 1; /* no calibration residuals yet: one empty band */
  int st = sl_fees_model_setup(m, d, idx, n, o, note, note_size);
  if (st) st = sl_error_set(err, st, NULL, 0, 0, "out of memory");
  if (!st && n < m->p * SL_FEES_MIN_DEALS_PER_COLUMN)
    st = sl_error_set(err, SL_EDATA, NULL, 0, 0,
                      "%zu deals for %zu model columns: at least %d deals per column are needed",
                      n, m->p, SL_FEES_MIN_DEALS_PER_COLUMN);
  double *X = NULL, *y = NULL, *w = NULL, *res = NULL;
  if (!st) {
    X = malloc(n * m->p * sizeof *X), y = malloc(n * sizeof *y), res = malloc(n * sizeof *res);
    /* zeroed: a training deal whose league is "unknown" and pooled reads the column means (the
     * reference level, 0) while they are still being computed */
    m->coef = malloc(m->p * sizeof *m->coef), m->column_mean = calloc(m->p, sizeof *m->column_mean);
    w = season_weights(d, idx, n, m->half_life);
    if (!X || !y || !res || !m->coef || !m->column_mean || (m->half_life > 0 && !w))
      st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  }
  if (!st) st = build_matrix(m, d, idx, n, X, y, err);
  if (!st) st = regress(m, X, y, w, n, m->ridge, &m->ols, m->coef, &m->ridge_lambda, err);
  if (!st) {
    double sw = 0, se = 0; /* weighted smearing: the mean of exp(residual) the fit stands for */
    /* x_i'b column by column into res (a row of X strides n doubles), each sum in its order */
    for (size_t i = 0; i < n; i++) res[i] = 0;
    for (size_t j = 0; j < m->p; j++)
      for (size_t i = 0; i < n; i++) res[i] += X[j * n + i] * m->coef[j];
    for (size_t i = 0; i < n; i++) {
      double wi = w ? w[i] : 1;
      sw += wi, se += wi * exp(y[i] - res[i]);
    }
    m->smearing = se / sw;
    column_stats(m, X, n);
  }
  free(X), free(y), free(w), free(res);
  if (st) {
    sl_fees_model_free(m);
    return st;
  }
  *out = m;
  return SL_OK;
}

static int has_mv_term_(const sl_fees_model *m) { return sl_fees_model_uses(m, SL_FEES_VAR_MARKET_VALUE); }

/* 1 when the term list (declared or the default) has a season term: without one the season
 * modes are the same model, and the inner split tries only one. */
static int lists_season(const sl_fees_options *o) {
  sl_fees_term_list l;
  if (!o->terms || sl_fees_terms_parse(o->terms, &l, NULL)) return 1;
  for (size_t k = 0; k < l.n; k++)
    if (l.term[k].var == SL_FEES_VAR_SEASON) return 1;
  return 0;
}

/* ---- the inner time split ------------------------------------------------------------------ */

/* The latest seasons holding at least `share` of the deals are `late`, the rest `early`.
 * Returns the first late season, or 0 when the split would leave either side too small or
 * the seasons span less than min_span (a choice needs two earlier seasons: a trend or level is
 * learned from them; a calibration needs one). */
static int time_split_of(const sl_fees_deals *d, const size_t *idx, size_t n, double share, int min_span,
                         size_t *early, size_t *ne, size_t *late, size_t *nl) {
  int lo = 0, hi = 0;
  for (size_t i = 0; i < n; i++) {
    int s = d->deal[idx[i]].player.season;
    if (!s) return 0;
    if (!i || s < lo) lo = s;
    if (!i || s > hi) hi = s;
  }
  if (hi - lo < min_span) return 0;
  int from = hi;
  for (; from > lo + 1; from--) {
    size_t k = 0;
    for (size_t i = 0; i < n; i++) k += d->deal[idx[i]].player.season >= from;
    if ((double)k >= share * (double)n) break;
  }
  *ne = *nl = 0;
  for (size_t i = 0; i < n; i++) {
    if (d->deal[idx[i]].player.season >= from) late[(*nl)++] = idx[i];
    else early[(*ne)++] = idx[i];
  }
  return *ne >= SL_FEES_MIN_INNER_DEALS && *nl >= SL_FEES_MIN_INNER_DEALS ? from : 0;
}

/* Residuals (log fee - x'b) of model m on deals idx; 1 where the design fails (a position the
 * early seasons never saw): such a deal is left out of the score. */
static size_t residuals_of(const sl_fees_model *m, const sl_fees_deals *d, const size_t *idx, size_t n, double *res,
                           double *mv, double *x) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    const sl_fees_deal *deal = &d->deal[idx[i]];
    if (sl_fees_design_row(m, &deal->player, x, NULL, NULL) != SL_OK) continue;
    res[k] = log(deal->fee) - sl_fees_linear(m, x);
    mv[k++] = deal->player.market_value;
  }
  return k;
}

typedef struct inner {
  int from;             /* first late season, 0 = no time split */
  size_t *early, *late, ne, nl;
  double *res, *mv;     /* one-season-ahead residuals of the best setting: the calibration set */
  size_t nres, ncal;    /* residuals scoring the choice; in res (ncal >= nres once widened) */
  double best;
  double t_coverage;    /* the best setting's t-intervals: share of late deals inside */
  size_t t_scored;      /* the deals that share is of */
  int cal_from;         /* first season of the calibration residuals */
  sl_fees_options chosen;
} inner;

static void inner_free(inner *in) { free(in->early), free(in->late), free(in->res), free(in->mv); }

static size_t t_inside(const sl_fees_model *early, const sl_fees_deals *d, const size_t *idx, size_t n,
                       double level, size_t *scored);

/* The late deals of season s into test; their count. */
static size_t season_deals(const sl_fees_deals *d, const inner *in, int s, size_t *test) {
  size_t n = 0;
  for (size_t i = 0; i < in->nl; i++)
    if (d->deal[in->late[i]].player.season == s) test[n++] = in->late[i];
  return n;
}

/* A setting's one-season-ahead models, kept until the setting is known to be the best (only its
 * t-coverage is wanted: the interval of every deal costs p x rank). */
typedef struct season_fits {
  sl_fees_model **m;
  int *season;
  size_t n;
} season_fits;

static void season_fits_clear(season_fits *f) {
  for (size_t i = 0; i < f->n; i++) sl_fees_model_free(f->m[i]);
  f->n = 0;
}

/* Setting c scored one season ahead on every late season, as a valuation is used: each late
 * season predicted by c fitted on all the deals before it, the residuals appended to res/mv
 * (*k of them), the models kept in f. A season c cannot fit is left out; SL_ENOMEM only is an
 * error. */
static int score_setting(const sl_fees_deals *d, const inner *in, const sl_fees_options *c, double *res,
                         double *mv, size_t *k, season_fits *f, sl_error *err) {
  size_t *train = malloc((in->ne + in->nl) * sizeof *train), *test = malloc(in->nl * sizeof *test);
  int st = !train || !test ? sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory") : SL_OK;
  *k = 0;
  int last = in->from;
  for (size_t i = 0; i < in->nl; i++)
    if (d->deal[in->late[i]].player.season > last) last = d->deal[in->late[i]].player.season;
  for (int s = in->from; !st && s <= last; s++) {
    size_t ntr = in->ne, nte = season_deals(d, in, s, test);
    memcpy(train, in->early, in->ne * sizeof *train);
    for (size_t i = 0; i < in->nl; i++)
      if (d->deal[in->late[i]].player.season < s) train[ntr++] = in->late[i];
    sl_fees_model *m = NULL;
    double *x = NULL;
    int fs = nte ? fit_setting(d, train, ntr, c, &m, NULL, 0, err) : SL_EDATA;
    if (fs == SL_ENOMEM) st = fs; /* no memory (or no room for OpenBLAS) fits no setting: say so */
    else if (fs) sl_error_clear(err); /* a season the earlier ones cannot fit is not scored */
    else if (!(x = malloc(m->p * sizeof *x))) st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
    else {
      *k += residuals_of(m, d, test, nte, res + *k, mv + *k, x);
      f->m[f->n] = m, f->season[f->n++] = s, m = NULL;
    }
    free(x);
    sl_fees_model_free(m);
  }
  free(train), free(test);
  return st;
}

/* Share of the late deals inside the t-intervals of the season models f (*scored_out: of how
 * many). */
static double fits_t_coverage(const sl_fees_deals *d, const inner *in, const season_fits *f, size_t *scored_out) {
  size_t *test = malloc((in->nl ? in->nl : 1) * sizeof *test), inside = 0, scored = 0;
  for (size_t j = 0; test && j < f->n; j++) {
    size_t k = 0, nte = season_deals(d, in, f->season[j], test);
    inside += t_inside(f->m[j], d, test, nte, f->m[j]->level, &k), scored += k;
  }
  free(test);
  *scored_out = scored;
  return scored ? (double)inside / (double)scored : NAN;
}

/* Seasons the late deals span from in->from: at most one model per late season. */
static size_t late_seasons(const sl_fees_deals *d, const inner *in) {
  size_t n = 1;
  for (size_t i = 0; i < in->nl; i++) {
    size_t k = (size_t)(d->deal[in->late[i]].player.season - in->from) + 1;
    if (k > n) n = k;
  }
  return n;
}

/* Tries every candidate setting on the inner split and keeps the best one's residuals. */
static int choose_setting(const sl_fees_deals *d, const sl_fees_options *o, inner *in, double grid[3][SL_FEES_NHALF_LIVES + 1],
                          sl_error *err) {
  static const double lives[] = SL_FEES_HALF_LIVES;
  size_t nseasons = late_seasons(d, in);
  double *res = malloc(in->nl * sizeof *res), *mv = malloc(in->nl * sizeof *mv);
  season_fits f = {malloc(nseasons * sizeof *f.m), malloc(nseasons * sizeof *f.season), 0};
  in->res = malloc(in->nl * sizeof *in->res), in->mv = malloc(in->nl * sizeof *in->mv);
  if (!res || !mv || !f.m || !f.season || !in->res || !in->mv) {
    free(res), free(mv), free(f.m), free(f.season);
    return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  }
  in->best = INFINITY;
  int st = SL_OK, only = o->season_mode ? o->season_mode : lists_season(o) ? 0 : SL_FEES_SEASON_NONE;
  for (int mode = SL_FEES_SEASON_TREND; !st && mode <= SL_FEES_SEASON_NONE; mode++) {
    if (only && only != mode) continue;
    for (int h = 0; !st && h <= SL_FEES_NHALF_LIVES; h++) {
      double life = h ? lives[h - 1] : SL_FEES_NO_WEIGHTS;
      if ((o->half_life && o->half_life != life) || (o->ridge && h)) continue; /* ridge fits unweighted */
      sl_fees_options c = *o;
      c.season_mode = mode, c.half_life = life;
      size_t k = 0;
      st = score_setting(d, in, &c, res, mv, &k, &f, err);
      double ss = 0;
      for (size_t i = 0; i < k; i++) ss += res[i] * res[i];
      double rmse = k ? sqrt(ss / (double)k) : INFINITY;
      grid[mode - 1][h] = rmse;
      if (!st && rmse < in->best) {
        in->best = rmse, in->chosen = c, in->nres = in->ncal = k;
        in->t_coverage = fits_t_coverage(d, in, &f, &in->t_scored);
        memcpy(in->res, res, k * sizeof *res), memcpy(in->mv, mv, k * sizeof *mv);
      }
      season_fits_clear(&f);
    }
  }
  free(res), free(mv), free(f.m), free(f.season);
  if (!st && !(in->best < INFINITY))
    st = sl_error_set(err, SL_EDATA, NULL, 0, 0, "no setting could be fitted on the seasons before %d", in->from);
  return st;
}

/* Setting c scored one season ahead on w's late seasons (score_setting), with the share of them
 * inside its t-intervals: residuals into res/mv (*k), *tc of *scored. SL_ENOMEM only is an error. */
static int score_ahead(const sl_fees_deals *d, const inner *w, const sl_fees_options *c, double *res, double *mv,
                       size_t *k, double *tc, size_t *scored, sl_error *err) {
  size_t nseasons = late_seasons(d, w);
  season_fits f = {malloc(nseasons * sizeof *f.m), malloc(nseasons * sizeof *f.season), 0};
  int st = !f.m || !f.season ? sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory") : SL_OK;
  *k = *scored = 0, *tc = NAN;
  if (!st) st = score_setting(d, w, c, res, mv, k, &f, err);
  if (!st) *tc = fits_t_coverage(d, w, &f, scored);
  season_fits_clear(&f);
  free(f.m), free(f.season);
  return st;
}

/* The chosen setting scored one season ahead on the seasons before the choice's split, back to
 * the latest holding `window` of the deals: their residuals are appended to the choice's (the
 * seasons the choice scored are the same fits, each season predicted from every deal before
 * it) and their t-coverage pooled into its. SL_ENOMEM only is an error. */
static int widen_calibration(const sl_fees_deals *d, const size_t *idx, size_t n, double window, inner *in,
                             sl_error *err) {
  inner w = {0};
  w.early = malloc((n ? n : 1) * sizeof *w.early), w.late = malloc((n ? n : 1) * sizeof *w.late);
  int st = !w.early || !w.late ? sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory") : SL_OK;
  if (!st) w.from = time_split_of(d, idx, n, window, SL_FEES_CHOICE_SPAN, w.early, &w.ne, w.late, &w.nl);
  if (st || !w.from || w.from >= in->from) {
    inner_free(&w);
    return st;
  }
  size_t keep = 0; /* the late seasons the choice has not scored */
  for (size_t i = 0; i < w.nl; i++)
    if (d->deal[w.late[i]].player.season < in->from) w.late[keep++] = w.late[i];
  w.nl = keep;
  size_t k = 0, scored = 0;
  double tc = NAN;
  double *res = realloc(in->res, (in->ncal + w.nl) * sizeof *res);
  if (res) in->res = res;
  double *mv = realloc(in->mv, (in->ncal + w.nl) * sizeof *mv);
  if (mv) in->mv = mv;
  if (!res || !mv) st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  if (!st) st = score_ahead(d, &w, &in->chosen, in->res + in->ncal, in->mv + in->ncal, &k, &tc, &scored, err);
  if (!st && scored) {
    double inside = in->t_scored ? in->t_coverage * (double)in->t_scored : 0;
    in->t_scored += scored;
    in->t_coverage = (inside + tc * (double)scored) / (double)in->t_scored;
  }
  if (!st) in->ncal += k;
  if (!st && k) in->cal_from = w.from;
  inner_free(&w);
  return st;
}

/* ---- calibration --------------------------------------------------------------------------- */

int sl_fees_band_of(double market_value) {
  if (!(market_value > 0)) return -1;
  return market_value < SL_FEES_BAND_1 ? 0 : market_value < SL_FEES_BAND_2 ? 1 : 2;
}

/* Stores residuals res (with their deals' market values) as the calibration set: sorted per
 * market-value band when the model uses market value and every band has enough of them, else
 * pooled. */
static int store_calibration(sl_fees_model *m, const double *res, const double *mv, size_t n, int banded) {
  if (!(m->calibration = malloc((n ? n : 1) * sizeof *m->calibration))) return SL_ENOMEM;
  size_t count[SL_FEES_MAX_BANDS] = {0};
  for (size_t i = 0; i < n; i++) {
    int b = sl_fees_band_of(mv[i]);
    if (b < 0) banded = 0;
    else count[b]++;
  }
  for (int b = 0; b < SL_FEES_MAX_BANDS; b++) banded = banded && count[b] >= SL_FEES_MIN_BAND_CALIBRATION;
  m->nbands = banded ? SL_FEES_MAX_BANDS : 1;
  m->band_first[0] = 0;
  for (size_t b = 0, k = 0; b < m->nbands; b++) {
    for (size_t i = 0; i < n; i++)
      if (!banded || sl_fees_band_of(mv[i]) == (int)b) m->calibration[k++] = res[i];
    m->band_first[b + 1] = k;
    double *z = m->calibration + m->band_first[b];
    size_t nz = m->band_first[b + 1] - m->band_first[b];
    qsort(z, nz, sizeof *z, dbl_cmp);
    /* Centred on their median: the fair fee stays x'b (the regression's median, refitted on
     * every training season), the residuals give the spread and skew around it. Uncentred, the
     * early fit's lag behind the market of the held-out seasons would be added a second time
     * to a model that has learned those seasons (measured: log-RMSE 0.936 against 0.89). */
    double med = sl_fees_residual_quantile(z, nz, 0.5);
    for (size_t i = 0; i < nz; i++) z[i] -= med;
  }
  m->ncal = n;
  return SL_OK;
}

/* Deals of idx inside the early model's t-interval at the model's level (*scored: those it
 * could value). */
static size_t t_inside(const sl_fees_model *early, const sl_fees_deals *d, const size_t *idx, size_t n,
                       double level, size_t *scored) {
  double *x = malloc(early->p * sizeof *x);
  size_t inside = 0, k = 0;
  for (size_t i = 0; x && i < n; i++) {
    const sl_fees_deal *deal = &d->deal[idx[i]];
    sl_ols_interval iv;
    if (sl_fees_design_row(early, &deal->player, x, NULL, NULL) != SL_OK) continue;
    if (sl_ols_predict(early->ols, x, 1, level, &iv, NULL) != SL_OK) continue;
    double y = log(deal->fee), pred = sl_fees_linear(early, x);
    /* the interval around the predicting coefficients (ridge ones when ridge) */
    k++, inside += y >= iv.pred_low - iv.fit + pred && y <= iv.pred_high - iv.fit + pred;
  }
  free(x);
  *scored = k;
  return inside;
}

static double t_coverage(const sl_fees_model *early, const sl_fees_deals *d, const size_t *idx, size_t n, double level) {
  size_t k = 0, inside = t_inside(early, d, idx, n, level, &k);
  return k ? (double)inside / (double)k : NAN;
}

/* Too few seasons to choose a setting, but two or more: the setting o calibrated by time all
 * the same, the latest seasons holding the window predicted one season ahead from the seasons
 * before them (a random share would give in-time residuals, narrower than a valuation's).
 * *done says whether it could; SL_ENOMEM only is an error. */
static int late_calibration(sl_fees_model *m, const sl_fees_deals *d, const size_t *idx, size_t n,
                            const sl_fees_options *o, int *done, sl_error *err) {
  inner w = {0};
  *done = 0;
  w.early = malloc((n ? n : 1) * sizeof *w.early), w.late = malloc((n ? n : 1) * sizeof *w.late);
  w.res = malloc((n ? n : 1) * sizeof *w.res), w.mv = malloc((n ? n : 1) * sizeof *w.mv);
  int st = !w.early || !w.late || !w.res || !w.mv ? sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory") : SL_OK;
  if (!st && d->has_season)
    w.from = time_split_of(d, idx, n, SL_FEES_CALIBRATION_WINDOW, SL_FEES_CALIBRATION_SPAN, w.early, &w.ne, w.late, &w.nl);
  size_t k = 0, scored = 0;
  double tc = NAN;
  if (!st && w.from) st = score_ahead(d, &w, o, w.res, w.mv, &k, &tc, &scored, err);
  if (!st && w.from && k >= SL_FEES_MIN_CALIBRATION) {
    if (store_calibration(m, w.res, w.mv, k, has_mv_term_(m))) st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
    else m->t_coverage_calibration = tc, m->calibration_from = w.from, *done = 1;
  }
  inner_free(&w);
  return st;
}

/* Random split (no usable seasons): a seeded share held out, the same setting fitted on the
 * rest, its held-out residuals kept. */
static int random_calibration(sl_fees_model *m, const sl_fees_deals *d, const size_t *idx, size_t n,
                              const sl_fees_options *o, sl_error *err) {
  double share = o->calibration_share > 0 ? o->calibration_share : SL_FEES_DEFAULT_CALIBRATION;
  size_t *fit_rows = malloc((n ? n : 1) * sizeof *fit_rows), *cal_rows = malloc((n ? n : 1) * sizeof *cal_rows);
  size_t nf = 0, nc = 0;
  uint64_t state = o->seed ^ CALIBRATION_STREAM;
  if (!fit_rows || !cal_rows) {
    free(fit_rows), free(cal_rows);
    return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  }
  for (size_t i = 0; i < n; i++) {
    double u = (double)(sl_splitmix64(&state) >> 11) * 0x1.0p-53; /* uniform in [0,1) */
    if (u < share) cal_rows[nc++] = idx[i];
    else fit_rows[nf++] = idx[i];
  }
  int st = SL_OK;
  sl_fees_model *part = NULL;
  m->ncal = 0, m->nbands = 1;
  if (nc >= SL_FEES_MIN_CALIBRATION && nf >= m->p * SL_FEES_MIN_DEALS_PER_COLUMN &&
      fit_setting(d, fit_rows, nf, o, &part, NULL, 0, err) == SL_OK) {
    double *res = malloc(nc * sizeof *res), *mv = malloc(nc * sizeof *mv), *x = malloc(part->p * sizeof *x);
    if (!res || !mv || !x) st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
    size_t k = st ? 0 : residuals_of(part, d, cal_rows, nc, res, mv, x);
    if (!st && k >= SL_FEES_MIN_CALIBRATION && store_calibration(m, res, mv, k, has_mv_term_(m)))
      st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
    if (!st && m->ncal) m->t_coverage_calibration = t_coverage(part, d, cal_rows, nc, m->level);
    free(res), free(mv), free(x);
  }
  sl_error_clear(err);
  sl_fees_model_free(part);
  free(fit_rows), free(cal_rows);
  return st;
}

static void choose_interval(sl_fees_model *m, const sl_fees_options *o) {
  if (!m->ncal || o->interval == 1) m->interval = SL_FEES_INTERVAL_T;
  else if (o->interval == 2 || m->ridge || m->half_life > 0) m->interval = SL_FEES_INTERVAL_CONFORMAL;
  else m->interval = fabs(m->t_coverage_calibration - m->level) > SL_FEES_COVERAGE_TOL
                         ? SL_FEES_INTERVAL_CONFORMAL
                         : SL_FEES_INTERVAL_T;
}

int sl_fees_fit_subset(const sl_fees_deals *d, const size_t *idx, size_t n,
                       const sl_fees_options *opt, sl_fees_model **out, char *note,
                       size_t note_size, sl_error *err) {
  sl_fees_options defaults = {0};
  sl_fees_options o = opt ? *opt : defaults;
  *out = NULL;
  gsl_set_error_handler_off();
  sl_fees_term_list declared;
  int bad_terms = o.terms ? sl_fees_terms_parse(o.terms, &declared, err) : SL_OK;
  if (bad_terms) return bad_terms;
  double share = o.calibration_share > 0 ? o.calibration_share : SL_FEES_DEFAULT_CALIBRATION;
  inner in = {0};
  double grid[3][SL_FEES_NHALF_LIVES + 1];
  for (int a = 0; a < 3; a++)
    for (int b = 0; b <= SL_FEES_NHALF_LIVES; b++) grid[a][b] = NAN;
  in.early = malloc((n ? n : 1) * sizeof *in.early), in.late = malloc((n ? n : 1) * sizeof *in.late);
  int st = !in.early || !in.late ? sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory") : SL_OK;
  if (!st && d->has_season) in.from = time_split_of(d, idx, n, share, SL_FEES_CHOICE_SPAN, in.early, &in.ne, in.late, &in.nl);
  if (!st && in.from) st = choose_setting(d, &o, &in, grid, err);
  if (!st && in.from) o = in.chosen;
  if (!st && in.from)
    st = widen_calibration(d, idx, n, share > SL_FEES_CALIBRATION_WINDOW ? share : SL_FEES_CALIBRATION_WINDOW, &in, err);
  if (!o.season_mode) o.season_mode = SL_FEES_SEASON_TREND; /* no inner split: the classic model */
  if (o.half_life == 0) o.half_life = SL_FEES_NO_WEIGHTS;
  sl_fees_model *m = NULL;
  if (!st) st = fit_setting(d, idx, n, &o, &m, note, note_size, err);
  if (!st && in.from) {
    m->inner_from = in.from, m->inner_score = in.best, m->inner_n = in.nres;
    memcpy(m->inner_grid, grid, sizeof grid);
    if (in.ncal >= SL_FEES_MIN_CALIBRATION && store_calibration(m, in.res, in.mv, in.ncal, has_mv_term_(m)))
      st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
    if (!st && m->ncal) m->t_coverage_calibration = in.t_coverage, m->calibration_from = in.cal_from ? in.cal_from : in.from;
  } else if (!st) {
    memcpy(m->inner_grid, grid, sizeof grid);
    int by_time = 0;
    st = late_calibration(m, d, idx, n, &o, &by_time, err);
    if (!st && !by_time) st = random_calibration(m, d, idx, n, &o, err);
  }
  if (!st) choose_interval(m, &o);
  inner_free(&in);
  if (st) {
    sl_fees_model_free(m);
    return st;
  }
  *out = m;
  return SL_OK;
}

/* ---- intervals and probabilities --------------------------------------------------------- */

/* The residuals of the band a player's market value falls in (the middle band when banded and
 * the value is unknown, which a model with market value never values). */
static const double *band_residuals(const sl_fees_model *m, double market_value, size_t *n) {
  size_t b = 0;
  if (m->nbands == SL_FEES_MAX_BANDS) {
    int v = sl_fees_band_of(market_value);
    b = v < 0 ? 1 : (size_t)v;
  }
  *n = m->band_first[b + 1] - m->band_first[b];
  return m->calibration + m->band_first[b];
}

int sl_fees_dist_of(const sl_fees_model *m, const double *x, double market_value, sl_fees_dist *dist,
                    sl_error *err) {
  gsl_set_error_handler_off();
  memset(dist, 0, sizeof *dist);
  dist->center = sl_fees_linear(m, x);
  sl_ols_interval iv;
  int st = sl_ols_predict(m->ols, x, 1, m->level, &iv, err);
  if (st) return st;
  dist->se = sqrt(iv.se_fit * iv.se_fit + m->ols->sigma * m->ols->sigma);
  dist->df = (double)m->ols->df_residual;
  dist->smearing = m->smearing;
  if (m->interval == SL_FEES_INTERVAL_CONFORMAL && m->ncal) dist->z = band_residuals(m, market_value, &dist->nz);
  return SL_OK;
}

double sl_fees_dist_quantile(const sl_fees_dist *d, double q) {
  if (d->z) return d->center + sl_fees_residual_quantile(d->z, d->nz, q);
  if (!(d->df > 0)) return NAN;
  return d->center + d->se * gsl_cdf_tdist_Pinv(q, d->df);
}

double sl_fees_dist_upper(const sl_fees_dist *d, double log_bid) {
  if (isnan(log_bid)) return NAN;
  if (d->z) return 1 - sl_fees_residual_cdf(d->z, d->nz, log_bid - d->center);
  if (!(d->se > 0) || !(d->df > 0)) return NAN;
  return gsl_cdf_tdist_Q((log_bid - d->center) / d->se, d->df);
}

double sl_fees_dist_mean(const sl_fees_dist *d) {
  if (!d->z) return exp(d->center) * d->smearing;
  double s = 0;
  for (size_t i = 0; i < d->nz; i++) s += exp(d->z[i]);
  return exp(d->center) * s / (double)d->nz;
}

int sl_fees_interval_of(const sl_fees_model *m, const double *x, double market_value, double level,
                        double *median, double *low, double *high, double *se_pred, sl_error *err) {
  sl_fees_dist d;
  int st = sl_fees_dist_of(m, x, market_value, &d, err);
  if (st) return st;
  *median = d.z ? sl_fees_dist_quantile(&d, 0.5) : d.center; /* t: symmetric, exactly x'b */
  *low = sl_fees_dist_quantile(&d, (1 - level) / 2);
  *high = sl_fees_dist_quantile(&d, (1 + level) / 2);
  *se_pred = d.se;
  return SL_OK;
}

double sl_fees_prob_at_least(const sl_fees_model *m, double log_fee, double se_prediction,
                             double bid) {
  if (!(bid > 0) || !isfinite(log_fee)) return NAN;
  gsl_set_error_handler_off();
  sl_fees_dist d = {0};
  d.center = log_fee, d.se = se_prediction;
  d.df = m->ols ? (double)m->ols->df_residual : 0;
  if (m->interval == SL_FEES_INTERVAL_CONFORMAL && m->ncal) d.z = m->calibration, d.nz = m->ncal;
  if (m->nbands > 1) d.z = NULL; /* banded: the band is unknown here; sl_fees_value knows it */
  if (!d.z && m->interval == SL_FEES_INTERVAL_CONFORMAL) return NAN;
  return sl_fees_dist_upper(&d, log(bid));
}
