/* report_common.c - pieces both reports use: money in prose, the fee-model record of a player,
 * and the method-and-data section. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "runtime_internal.h"
#include "report_internal.h"
#include "scoutlab/output.h"
#include "scoutlab/season.h"

void rp_note(rp_ctx *x, const char *fmt, ...) {
  if (x->nnotes >= sizeof x->notes / sizeof x->notes[0]) return;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(x->notes[x->nnotes++], SL_FEES_NOTE_MAX, fmt, ap);
  va_end(ap);
}

const char *rp_money(double eur, char *buf, size_t size) { return sl_money_short(eur, buf, size); }

void rp_progress(const rp_ctx *x, const char *what) {
  if (x->rq->progress) x->rq->progress(x->rq->progress_ctx, what);
}

const sl_squad_entry *rp_entry_of(const rp_ctx *x, size_t i) { return sl_workspace_entry(x->ws, i); }

int rp_value(const rp_ctx *x, const sl_player *p, const sl_workspace_attrs *given, double bid, sl_fees_player *fp,
             sl_fees_valuation *v, sl_error *err) {
  /* The player as value and predict find him (his index in the workspace's stats: his
   * performance terms, his main club), whichever index p comes from (the squad's is per club). */
  long index = p && p->nrows ? sl_compare_player_of_row(x->cmp, p->rows[0]) : -1;
  sl_workspace_player pl;
  int st = index >= 0 ? sl_workspace_player_at(x->ws, (size_t)index, &pl, err)
                      : sl_error_set(err, SL_ENOTFOUND, NULL, 0, 0, "not in the stats index");
  return st ? st : sl_workspace_value(x->ws, &pl, given, bid, fp, v, err);
}

/* Report charts: 16:9 and small enough for a web page, large enough to print. */
#define RP_CHART_WIDTH 1200
#define RP_CHART_HEIGHT 675

const char *rp_season_label(const rp_ctx *x, char *buf, size_t size) {
  if (!x->season) return NULL;
  return sl_season_text(x->season, buf, size);
}

void rp_partial_callout(sl_doc *d, const sl_squad_club *club) {
  char text[512];
  if (club->partial) sl_doc_callout(d, SL_CALLOUT_WARN, "Part of the squad", sl_squad_partial_text(club, text, sizeof text));
}

void rp_figure(rp_ctx *x, sl_doc *d, sl_charts_kind kind, void *chart, const char *name, const char *caption) {
  if (!x->rq->charts) return;
  char dir[4096], path[4200], rel[256];
  sl_error err;
  sl_snprintf_c(dir, sizeof dir, "%s/charts", x->rq->dir);
  sl_snprintf_c(path, sizeof path, "%s/%s.png", dir, name);
  sl_snprintf_c(rel, sizeof rel, "charts/%s.png", name);
  sl_charts_output o = {.output = path, .width = RP_CHART_WIDTH, .height = RP_CHART_HEIGHT,
                        .plotdir = x->rq->plotdir, .inputs = x->rq->inputs, .ninputs = x->rq->ninputs};
  /* A chart copied out of the report keeps its source line, as one drawn by `chart` does. */
  sl_charts_store *st = x->rq->ninputs ? sl_charts_store_new() : NULL;
  /* The data, not scoutlab's own files; the fee charts' points are the model's transfers. */
  size_t ndata = x->rq->ndata_inputs < x->rq->ninputs ? x->rq->ndata_inputs : x->rq->ninputs;
  if (st && (kind == SL_CHARTS_FEES || kind == SL_CHARTS_AGE_CURVE))
    o.credits = sl_charts_model_credits(st, sl_workspace_model(x->ws), x->rq->inputs, ndata);
  else if (st) o.credits = sl_charts_credits(st, x->rq->inputs, ndata);
  char what[300];
  sl_snprintf_c(what, sizeof what, "drawing %s", rel);
  rp_progress(x, what);
  int failed = sl_output_make_dir(dir, &err) || sl_charts_render(kind, chart, &o, NULL, &err);
  sl_charts_store_free(st);
  if (failed) {
    if (!x->chart_failed) {
      rp_note(x, "charts left out: %.160s", err.message);
      sl_snprintf_c(x->summary->charts_note, sizeof x->summary->charts_note, "charts left out: %.250s", err.message);
    }
    x->chart_failed = 1;
    return;
  }
  sl_doc_figure(d, rel, caption, caption);
}

/* ---- method and data ---- */

static void accuracy_row(const char **cells, char buf[][32], const char *name, const sl_fees_accuracy *a) {
  cells[0] = name;
  sl_snprintf_c(buf[0], 32, "%zu", a->n);
  sl_snprintf_c(buf[1], 32, "%.3f", a->r2_log);
  sl_snprintf_c(buf[2], 32, "%.1f%%", 100 * a->mdape);
  sl_snprintf_c(buf[3], 32, "%.1f%%", 100 * a->within25);
  sl_snprintf_c(buf[4], 32, "%.1f%%", 100 * a->within50);
  if (isfinite(a->coverage)) sl_snprintf_c(buf[5], 32, "%.1f%%", 100 * a->coverage);
  else sl_snprintf_c(buf[5], 32, "-");
  for (int k = 0; k < 6; k++) cells[k + 1] = buf[k];
}

static void accuracy_table(const rp_ctx *x, sl_doc *d) {
  const sl_fees_report *r = x->fit;
  const char *hdr[] = {"", "deals", "R\xc2\xb2 (log fee)", "median abs. error", "within \xc2\xb1" "25%",
                       "within \xc2\xb1" "50%", "interval coverage"};
  const char *cells[4 * 7];
  char buf[4][6][32];
  size_t n = 0;
  char caption[200];
  if (r->time_model.n) {
    accuracy_row(cells + 7 * n, buf[n], "model, time split", &r->time_model), n++;
    if (r->time_baseline.n) accuracy_row(cells + 7 * n, buf[n], "fee = market value, time split", &r->time_baseline), n++;
  }
  if (r->kfold_model.n) {
    accuracy_row(cells + 7 * n, buf[n], "model, k-fold", &r->kfold_model), n++;
    if (r->kfold_baseline.n) accuracy_row(cells + 7 * n, buf[n], "fee = market value, k-fold", &r->kfold_baseline), n++;
  }
  char folds[48] = "";
  if (r->folds) sl_snprintf_c(folds, sizeof folds, "%u-fold cross-validation; ", r->folds);
  sl_snprintf_c(caption, sizeof caption,
           "Out-of-sample accuracy: time split trains on seasons before %d and tests on %d and later "
           "(%zu / %zu deals); %scoverage of the %.0f%% interval.",
           r->holdout_from, r->holdout_from, r->time_train, r->time_test, folds, 100 * r->level);
  if (n) sl_doc_table(d, caption, 7, hdr, cells, n, "lrrrrrr");
}

static void sources_list(const rp_ctx *x, sl_doc *d) {
  char lines[6][512];
  const char *items[6];
  size_t n = 0;
  const sl_table *tabs[] = {x->stats, x->values, x->contracts, x->positions};
  const char *what[] = {"stats", "market values", "contracts", "positions"};
  for (size_t k = 0; k < 4; k++) {
    const sl_table *t = tabs[k];
    if (!t) continue;
    sl_snprintf_c(lines[n], sizeof lines[n], "%s: %s%s (%zu rows read, %zu used, %zu skipped%s%s)", what[k], t->files[0],
             t->nfiles > 1 ? " and more" : "", t->rows_read, t->nrows, t->nskipped, t->nskipped ? ", e.g. " : "",
             t->nskipped ? t->skipped[0].reason : "");
    items[n] = lines[n];
    n++;
  }
  const sl_fees_deals *dl = x->model->deals;
  if (dl && !x->fit) { /* a saved model keeps its deals, not the rows they were chosen from */
    sl_snprintf_c(lines[n], sizeof lines[n], "transfers: %s%s (the %zu deals the saved model was fitted on)",
                  dl->nfiles ? dl->files[0] : "?", dl->nfiles > 1 ? " and more" : "", dl->n);
    items[n] = lines[n];
    n++;
  } else if (dl) {
    sl_snprintf_c(lines[n], sizeof lines[n], "transfers: %s%s (%zu rows read, %zu deals used; the rest are loans, free "
             "transfers, unknown fees and the second listing of moves between covered leagues)",
             dl->nfiles ? dl->files[0] : "?", dl->nfiles > 1 ? " and more" : "", dl->rows_read, dl->n);
    items[n] = lines[n];
    n++;
  }
  sl_doc_list(d, items, n);
}

/* The model's terms in its own words ("age, position, buying league, ..."), into buf. */
static const char *term_names(const sl_fees_model *m, char *buf, size_t size) {
  size_t used = 0;
  buf[0] = '\0';
  for (size_t t = 0; t < m->nterms && used < size; t++)
    used += (size_t)sl_snprintf_c(buf + used, size - used, "%s%s", t ? ", " : "", m->terms[t].name);
  return buf;
}

/* 1 when the inner time split chose the recency among several settings (not fixed by the fit). */
static int recency_chosen(const sl_fees_model *m) {
  size_t tried = 0;
  for (int a = 0; a < 3; a++)
    for (int h = 0; h <= SL_FEES_NHALF_LIVES; h++) tried += isfinite(m->inner_grid[a][h]) != 0;
  return m->inner_from && tried > 1;
}

/* The fee model as fitted: its terms, deals, seasons and recency, its mean and its interval. */
/* How model m values a fee; `lead` says for whom ("The fair fee comes from"). */
static void fee_method(const sl_fees_model *m, const char *lead, sl_doc *d) {
  char buf[1600], terms[600], life[48];
  if (m->half_life > 0) sl_snprintf_c(life, sizeof life, "a half-life of %g season%s", m->half_life, m->half_life == 1 ? "" : "s");
  else sl_snprintf_c(life, sizeof life, "every season weighing alike");
  sl_snprintf_c(buf, sizeof buf,
           "%s a hedonic regression of log transfer fee on %s, fitted on %zu past permanent "
           "transfers with a fee%s (seasons %d-%d; the season %s, %s%s). The median is exp(prediction); the "
           "expected fee is the mean of the predictive distribution. The interval is %s.",
           lead, term_names(m, terms, sizeof terms), sl_fees_model_learned_deals(m),
           sl_fees_model_has_performance(m) ? " joined to the players' stats of the season before" : "", m->season_min,
           m->season_max,
           m->season_mode == SL_FEES_SEASON_LEVEL ? "as a level, the last carried forward"
           : m->season_mode == SL_FEES_SEASON_NONE ? "left out"
                                                  : "as a linear trend",
           life, recency_chosen(m) ? ", chosen on an inner time split of the training seasons" : "",
           m->interval == SL_FEES_INTERVAL_CONFORMAL
               ? (m->nbands > 1 ? "split-conformal: the quantiles of out-of-time log residuals of the latest training "
                                  "seasons, by market-value band (under EUR 1m, 1-5m, 5m and over)"
                                : "split-conformal: the quantiles of held-out log residuals")
               : "the regression's Student-t prediction interval, whose held-out coverage was checked");
  sl_doc_paragraph(d, buf);
}

void rp_method_section(rp_ctx *x, sl_doc *d) {
  char buf[600];
  sl_doc_heading(d, 1, "Method and data");
  fee_method(x->model, "The fair fee comes from", d);
  if (x->fit) accuracy_table(x, d);
  const sl_fees_model *perf = sl_workspace_performance_model(x->ws);
  char lead[200];
  sl_snprintf_c(lead, sizeof lead, "For a player without a market value, or with one %d seasons old or more and stats "
                "more recent than it, the fair fee comes from the performance model:", SL_WORKSPACE_MARKET_VALUE_OLD);
  if (perf) fee_method(perf, lead, d);
  sl_snprintf_c(buf, sizeof buf,
           "Percentiles compare per-90 values (rates kept as rates) with players of the same position group in "
           "one pool for every player (the Big-5 leagues when the data hold them, else every league; each table "
           "names its pool) with at least %.0f minutes (mid-rank definition, docs/compare.md). Squad importance "
           "weights availability, impact, quality, replaceability, contract and age, and value share "
           "(docs/squad.md); a component without data is left out, not counted as zero.",
           SL_COMPARE_DEFAULT_MIN_MINUTES);
  sl_doc_paragraph(d, buf);
  sl_doc_heading(d, 2, "Data");
  sources_list(x, d);
  if (x->nnotes) {
    sl_doc_heading(d, 2, "Caveats");
    const char *items[sizeof x->notes / sizeof x->notes[0]];
    for (size_t i = 0; i < x->nnotes; i++) items[i] = x->notes[i];
    sl_doc_list(d, items, x->nnotes);
  }
}
