/* test_perf_real.c - performance from a stats history on real data (issue 15): the Transfermarkt
 * transfers (../shared/data/transfers-tm) joined to the FBref seasons of fbref-big5-yearly
 * (2017/18-2024/25), a summer-S deal to the stats of S-1. Skips when the shared data is absent.
 *
 * Expected numbers are what this code measured on 2026-12-02 (docs/fee-model.md, "Performance
 * from a stats history"); the tolerances allow the regression's last digits to move but catch a
 * changed join or model:
 *   join: 924 of the 2,693 deals of 2018-2020 (34.3%; the rest were not in a Big-5 league the
 *   season before: loans out, promoted clubs, other leagues), 0 ambiguous;
 *   no market value, train <= 2019, test 2020 (223 joined deals): the performance model 0.944
 *   log-RMSE, without the terms 1.146 (same training deals) and 1.146 (every deal before 2020);
 *   train 2018, test 2019-2020 (575): 1.034 against 1.210 and 1.207; the first version's design
 *   (the "today") refitted on every deal before: 1.178 on 2020, 1.293 on 2019-2020.
 * Then the model file: a performance model is written as version 3 and reads back to the same
 * valuation; a version-2 header on it is refused. And Balerdi's 2024/25 terms (SOURCE.txt: 2,273
 * minutes in standard/2024.csv). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "scoutlab/fees.h"
#include "scoutlab/perf.h"

#define TM SL_SHARED_DATA "/transfers-tm"
#define YEARLY SL_SHARED_DATA "/fbref-big5-yearly"
#define NEAR(got, want, tol, what) \
  OK(fabs((got) - (want)) <= (tol), "%s: %.4f, expected %.4f +- %g", what, (double)(got), (double)(want), (double)(tol))

/* The deals of transfers-tm without the market-value rule, joined to the stats. */
static sl_fees_deals *joined_deals(const sl_perf_index *ix, sl_perf_join_report *rep) {
  const char *paths[] = {TM};
  sl_table *t = NULL;
  sl_fees_deals *d = NULL;
  sl_error err;
  sl_fees_options o = {0};
  o.no_market_value = 1;
  INT_EQ(sl_table_load_many(paths, 1, NULL, &t, &err), SL_OK, "load transfers: %s", err.message);
  if (t) INT_EQ(sl_fees_deals_from_table(t, &o, &d, &err), SL_OK, "deals: %s", err.message);
  sl_table_free(t);
  if (d) INT_EQ(sl_perf_join(ix, d, rep, &err), SL_OK, "join: %s", err.message);
  return d;
}

/* terms NULL: the default (with the last fee); SL_FEES_CLASSIC_TERMS: the same without it. */
static sl_fees_model *fit_split_with(const sl_perf_index *ix, int holdout, const char *terms, sl_fees_report **r) {
  sl_perf_join_report rep;
  sl_fees_deals *d = joined_deals(ix, &rep);
  if (!d) return NULL;
  sl_fees_options o = {0};
  o.no_market_value = 1, o.performance = 1, o.holdout_from = holdout, o.seed = 1, o.folds = 1, o.terms = terms;
  sl_fees_model *m = NULL;
  sl_error err;
  INT_EQ(sl_fees_fit(d, &o, &m, r, &err), SL_OK, "fit holdout %d: %s", holdout, err.message);
  return m;
}

static sl_fees_model *fit_split(const sl_perf_index *ix, int holdout, sl_fees_report **r) {
  return fit_split_with(ix, holdout, NULL, r);
}

/* m saved to path (a mkstemp template, filled in), its first line checked against head, and
 * loaded back into *back (NULL when it fails). 0 when no file could be made. */
static int save_and_load(const sl_fees_model *m, char *path, const char *head, const char *what,
                         sl_fees_model **back) {
  *back = NULL;
  int fd = mkstemp(path);
  if (fd < 0) return 0;
  close(fd);
  sl_error err;
  INT_EQ(sl_fees_save(m, path, &err), SL_OK, "save: %s", err.message);
  FILE *f = fopen(path, "rb");
  char line[32] = "";
  if (f && fgets(line, sizeof line, f)) STR_EQ(line, head, "%s", what);
  if (f) fclose(f);
  INT_EQ(sl_fees_load(path, back, &err), SL_OK, "load: %s", err.message);
  return 1;
}

static void check_file(const sl_fees_model *m) {
  char path[] = "/tmp/sl_perf_real_XXXXXX";
  sl_fees_model *back = NULL;
  if (!save_and_load(m, path, "scoutlab-fee-model 3\n", "a performance model is version 3", &back)) return;
  sl_error err;
  FILE *f;
  if (back) {
    INT_EQ(back->nterms, m->nterms, "terms read back");
    const sl_fees_deal *x = NULL;
    for (size_t i = 0; i < m->deals->n && !x; i++)
      if (m->deals->deal[i].player.stats_season) x = &m->deals->deal[i];
    sl_fees_valuation a, b;
    if (x && sl_fees_value(m, &x->player, 0.8, NAN, &a, &err) == SL_OK &&
        sl_fees_value(back, &back->deals->deal[x - m->deals->deal].player, 0.8, NAN, &b, &err) == SL_OK)
      SL_CHECK_REL(b.fair_fee, a.fair_fee, 1e-12, "the read-back model and its deals value a deal alike");
    else OK(0, "valuing a joined deal with both models: %s", err.message);
  }
  sl_fees_model_free(back);
  /* The same bytes under a version-2 header: a performance term there is refused. */
  f = fopen(path, "rb");
  char *buf = NULL;
  size_t len = 0;
  if (f) {
    fseek(f, 0, SEEK_END);
    len = (size_t)ftell(f);
    rewind(f);
    buf = malloc(len);
    if (buf && fread(buf, 1, len, f) != len) len = 0;
    fclose(f);
  }
  if (buf && len > 20) {
    buf[19] = '2';
    INT_EQ(sl_fees_load_buffer("v2.slm", buf, len, &back, &err), SL_EVERSION, "version 2 with performance terms");
    OK(strstr(err.message, "a performance term (starts share) in a version-2 fee model") != NULL, "message: %s",
       err.message);
    buf[19] = '7';
    INT_EQ(sl_fees_load_buffer("v7.slm", buf, len, &back, &err), SL_EVERSION, "version 7 refused");
    OK(strstr(err.message, "version 7; this scoutlab reads versions 2-6 (written by a later scoutlab") != NULL,
       "message: %s", err.message);
  }
  free(buf);
  remove(path);
}

/* A model with the last fee: version 6, each deal's last fee read back (the valuation of a deal
 * is the same from the file), and a later version refused. Balerdi's last fee in the deals is
 * Boca Juniors -> Borussia Dortmund, winter 2018/19: EUR 15.5m (transfers-tm 2018). */
static void check_last_fee_file(const sl_fees_model *m) {
  char path[] = "/tmp/sl_perf_last_XXXXXX";
  sl_fees_model *back = NULL;
  if (!save_and_load(m, path, "scoutlab-fee-model 6\n", "a model with the last fee is version 6", &back)) return;
  sl_error err;
  FILE *f;
  const sl_fees_deal *x = NULL;
  for (size_t i = 0; i < m->deals->n && !x; i++)
    if (m->deals->deal[i].player.stats_season && m->deals->deal[i].player.last_fee > 0) x = &m->deals->deal[i];
  if (back && x) {
    const sl_fees_player *y = &back->deals->deal[x - m->deals->deal].player;
    SL_CHECK_REL(y->last_fee, x->player.last_fee, 0, "a deal's last fee read back");
    INT_EQ(y->last_fee_season, x->player.last_fee_season, "and its season");
    sl_fees_valuation a, b;
    if (sl_fees_value(m, &x->player, 0.8, NAN, &a, &err) == SL_OK && sl_fees_value(back, y, 0.8, NAN, &b, &err) == SL_OK)
      SL_CHECK_REL(b.fair_fee, a.fair_fee, 1e-12, "the read-back model values the deal alike");
    else OK(0, "valuing a deal with both models: %s", err.message);
  }
  sl_fees_player p;
  sl_fees_player_init(&p);
  p.name = "Leonardo Balerdi", p.age = 26, p.season = 2025, p.group = sl_fees_position_group("CB");
  if (back) {
    sl_fees_valuation v;
    INT_EQ(sl_fees_value(back, &p, 0.8, NAN, &v, &err), SL_OK, "Balerdi valued: %s", err.message);
    int found = 0;
    for (size_t t = 0; t < v.ncontrib; t++) {
      if (strcmp(v.contrib[t].term, "last fee") != 0) continue;
      found = 1;
      STR_EQ(v.contrib[t].value, "EUR 15.50m in 2018", "his last fee from the deals");
    }
    OK(found, "one line for the last fee and its indicator");
  }
  sl_fees_model_free(back);
  f = fopen(path, "rb");
  static char buf[1 << 23];
  size_t len = f ? fread(buf, 1, sizeof buf, f) : 0;
  if (f) fclose(f);
  if (len > 20 && len < sizeof buf) {
    buf[19] = '7';
    INT_EQ(sl_fees_load_buffer("v7.slm", buf, len, &back, &err), SL_EVERSION, "version 7 refused");
    OK(strstr(err.message, "version 7; this scoutlab reads versions 2-6 (written by a later scoutlab") != NULL,
       "message: %s", err.message);
    buf[19] = '5'; /* a version-5 reader knows no last fee: the term's variable is refused */
    OK(sl_fees_load_buffer("v5.slm", buf, len, &back, &err) != SL_OK, "the last fee under a version-5 header refused");
  }
  remove(path);
}

/* The first version's design as today's code refits it (classic terms, linear trend, no
 * weights, t interval) against what the first version itself printed (a2714a0, 2026-11-25:
 * `fit --transfers transfers-tm --no-market-value --holdout-from 2019`, 1,698 test deals: R² log
 * 0.383, MdAPE 67.8%, within 25% 15.6%, within 50% 34.5%, coverage 79.3%), so that the "first
 * version's" comparison above is that model. It used 97 deals more (double listings since
 * removed), hence the tolerances. */
static void first_version_as_built(const sl_perf_index *ix) {
  sl_perf_join_report rep;
  sl_fees_deals *d = joined_deals(ix, &rep);
  if (!d) return;
  sl_fees_options o = {0};
  o.no_market_value = 1, o.holdout_from = 2019, o.seed = 1, o.folds = 1, o.classic_terms = 1;
  o.season_mode = SL_FEES_SEASON_TREND, o.half_life = SL_FEES_NO_WEIGHTS, o.interval = SL_FEES_INTERVAL_T;
  sl_fees_model *m = NULL;
  sl_fees_report *r = NULL;
  sl_error err;
  INT_EQ(sl_fees_fit(d, &o, &m, &r, &err), SL_OK, "first version's design: %s", err.message);
  if (r) {
    INT_EQ(r->time_model.n, 1698, "its test deals, 2019-2020");
    NEAR(r->time_model.r2_log, 0.383, 0.01, "R² log as the first version printed");
    NEAR(r->time_model.mdape, 0.678, 0.01, "MdAPE as the first version printed");
    NEAR(r->time_model.within25, 0.156, 0.01, "within 25% as the first version printed");
    NEAR(r->time_model.within50, 0.345, 0.01, "within 50% as the first version printed");
    NEAR(r->time_model.coverage, 0.793, 0.01, "coverage as the first version printed");
  }
  sl_fees_model_free(m), free(r);
}

int main(void) {
  FILE *f = fopen(YEARLY "/standard/2019.csv", "r");
  FILE *g = fopen(TM "/2020/ligue-1.csv", "r");
  if (f) fclose(f);
  if (g) fclose(g);
  if (!f || !g) {
    fprintf(stderr, "skip: %s or %s absent\n", YEARLY, TM);
    return SL_TEST_SKIP;
  }
  const char *stats[] = {YEARLY};
  sl_perf_index *ix = NULL;
  sl_error err;
  INT_EQ(sl_perf_index_load(stats, 1, NULL, &ix, &err), SL_OK, "stats: %s", err.message);
  if (!ix) return SL_TEST_DONE();
  int first = 0, last = 0;
  sl_perf_index_seasons(ix, &first, &last);
  INT_EQ(first, 2017, "first stats season");
  INT_EQ(last, 2024, "last stats season");
  INT_EQ(sl_perf_index_terms(ix), (1u << SL_PERF_TERM_COUNT) - 1, "standard + playing_time give every term");

  sl_perf_terms b;
  int how = sl_perf_find(ix, "Leonardo Balerdi", 1999, 2024, "Olympique Marseille", &b);
  OK(how == SL_PERF_FOUND || how == SL_PERF_FOUND_BY_CLUB, "Balerdi 2024/25 found");
  if (how == SL_PERF_FOUND || how == SL_PERF_FOUND_BY_CLUB) {
    SL_CHECK_REL(b.minutes, 2273, 0, "Balerdi's 2024/25 minutes (SOURCE.txt)");
    OK(b.minutes_share > 0.6 && b.minutes_share <= 1, "his minutes share %.3f of Marseille's", b.minutes_share);
    OK(b.team_points > 1.5 && b.team_points < 2.5, "Marseille's points per match %.2f", b.team_points);
  }
  /* COVID: Ligue 1 2019/20 stopped after 27-28 matches; a club's minutes count its own matches. */
  sl_perf_terms s;
  if (sl_perf_find(ix, "Steve Mandanda", 1985, 2019, "Marseille", &s) <= SL_PERF_FOUND_BY_CLUB)
    NEAR(s.club_minutes / 90, 28, 0.2, "Marseille 2019/20: 28 matches, not 38");
  else OK(0, "Mandanda 2019/20 found");

  sl_perf_join_report rep;
  sl_fees_deals *d = joined_deals(ix, &rep);
  sl_fees_deals_free(d);
  INT_EQ(rep.in_range, 2693, "deals of 2018-2020 (the seasons before have stats)");
  NEAR((double)rep.joined, 924, 10, "deals joined");
  NEAR(rep.rate, 0.343, 0.005, "join rate");
  INT_EQ(rep.joined + rep.not_found + rep.ambiguous + rep.incomplete, rep.in_range, "joined + left out = in range");
  OK(rep.ambiguous <= 5, "ambiguous matches are rare (%zu)", rep.ambiguous);

  /* Out of time, without market value: train <= 2019, test 2020. The default has the last fee
   * (issue 15's measurement of 2026-12-07: 0.944 -> 0.900 here, 1.034 -> 0.971 on 2019-2020);
   * the classic list declared is the same model without it, saved as version 3. */
  sl_fees_report *r = NULL;
  sl_fees_model *m = fit_split(ix, 2020, &r);
  if (m && r) {
    INT_EQ(r->time_model.n, 223, "2020 deals joined");
    NEAR(r->time_model.log_rmse, 0.900, 0.02, "performance model, test 2020");
    NEAR(r->time_plain_same.log_rmse, 1.105, 0.02, "without the performance terms, same training deals");
    NEAR(r->time_plain_all.log_rmse, 1.091, 0.02, "without the performance terms, every deal before 2020");
    OK(r->time_model.log_rmse <= r->time_plain_all.log_rmse - 0.15, "the performance terms: %.3f against %.3f",
       r->time_model.log_rmse, r->time_plain_all.log_rmse);
    INT_EQ(r->time_plain_v1.n, 223, "the first version's model, on the same deals");
    NEAR(r->time_plain_v1.log_rmse, 1.178, 0.02, "the first version's model, every deal before 2020");
    OK(r->time_model.log_rmse <= r->time_plain_v1.log_rmse - 0.2,
       "issue 15's target: %.3f at least 0.2 below the first version's %.3f", r->time_model.log_rmse,
       r->time_plain_v1.log_rmse);
    NEAR(r->time_model.coverage, 0.785, 0.05, "80%% interval coverage");
    check_last_fee_file(m);
  }
  sl_fees_model_free(m), free(r), r = NULL;
  m = fit_split_with(ix, 2020, SL_FEES_CLASSIC_TERMS, &r);
  if (m && r) {
    NEAR(r->time_model.log_rmse, 0.944, 0.02, "without the last fee, test 2020");
    check_file(m);
  }
  sl_fees_model_free(m), free(r), r = NULL;
  /* Train 2018 only, test 2019-2020. */
  m = fit_split(ix, 2019, &r);
  if (m && r) {
    INT_EQ(r->time_model.n, 575, "2019-2020 deals joined");
    NEAR(r->time_model.log_rmse, 0.971, 0.02, "performance model, test 2019-2020");
    NEAR(r->time_plain_all.log_rmse, 1.131, 0.02, "without the performance terms, every deal before 2019");
    OK(r->time_model.log_rmse < r->time_plain_all.log_rmse - 0.15 &&
           r->time_model.log_rmse < r->time_plain_same.log_rmse - 0.14,
       "the performance model beats both models without the terms (%.3f vs %.3f, %.3f)", r->time_model.log_rmse,
       r->time_plain_all.log_rmse, r->time_plain_same.log_rmse);
    NEAR(r->time_plain_v1.log_rmse, 1.293, 0.02, "the first version's model, every deal before 2019");
    OK(r->time_model.log_rmse <= r->time_plain_v1.log_rmse - 0.2,
       "issue 15's target: %.3f at least 0.2 below the first version's %.3f", r->time_model.log_rmse,
       r->time_plain_v1.log_rmse);
  }
  sl_fees_model_free(m), free(r), r = NULL;
  m = fit_split_with(ix, 2019, SL_FEES_CLASSIC_TERMS, &r);
  if (m && r) NEAR(r->time_model.log_rmse, 1.034, 0.02, "without the last fee, test 2019-2020");
  sl_fees_model_free(m), free(r);
  first_version_as_built(ix);
  sl_perf_index_free(ix);
  return SL_TEST_DONE();
}
