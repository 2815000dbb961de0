/* test_plot_extremes.c - regression cases for what fuzz_charts found (issue 16): the trend
 * builder handed a season column of text or of impossible years must refuse, not read a NULL
 * array or cast 1e300 to int; chart writers handed values no chart can draw (NaN or 1e308 ages, percentiles of -1.8e308, scatter values
 * spanning more than a double) must still lay out every text box at a finite place, leave the
 * undrawable points unnamed, and write such numbers as NaN (missing to gnuplot). The inputs
 * are the fuzzer's, cut down to the values that mattered; tests/fuzz/corpus/charts/finding-*
 * holds the originals. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "scoutlab/charts.h"
#include "scoutlab/plot.h"
#include "scoutlab/table.h"

#define PLOTS SL_PLOTS

/* Writes a chart into memory with `write`, returns the script (caller frees) or NULL. */
typedef int (*writer)(const void *chart, const char *dir, FILE *out, sl_error *err);

static char *script_of(writer w, const void *chart) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  if (!f) return NULL;
  sl_error err;
  int st = w(chart, PLOTS, f, &err);
  fclose(f);
  if (st) fprintf(stderr, "writer: %s\n", err.message), free(buf), buf = NULL;
  return buf;
}

static int w_squad(const void *c, const char *d, FILE *f, sl_error *e) { return sl_plot_squad_write(c, d, f, e); }
static int w_trend(const void *c, const char *d, FILE *f, sl_error *e) { return sl_plot_trend_write(c, d, f, e); }
static int w_scatter(const void *c, const char *d, FILE *f, sl_error *e) { return sl_plot_scatter_write(c, d, f, e); }

static size_t boxes_named(const sl_plot_layout *l, const char *what) {
  size_t n = 0;
  for (size_t i = 0; i < l->n; i++) n += !strcmp(l->box[i].what, what);
  return n;
}

static void all_finite(const sl_plot_layout *l, const char *chart) {
  for (size_t i = 0; i < l->n; i++) {
    const sl_plot_box *b = &l->box[i];
    OK(isfinite(b->x0) && isfinite(b->y0) && isfinite(b->x1) && isfinite(b->y1),
       "%s: box %zu (%s, '%s') at %g,%g-%g,%g is finite", chart, i, b->what, b->text, b->x0, b->y0, b->x1, b->y1);
  }
}

/* finding-squad-nan-age, finding-squad-huge-age: a player without an age and one of 1e308
 * years got a name box at NaN (the label placer was handed their points). */
static void test_squad_undrawable_ages(void) {
  const char *names[] = {"Ann Keeper", "No Age", "Old Age"};
  const double age[] = {27, NAN, 1.7976931348623157e308}, share[] = {0.9, 0.5, 0.4}, imp[] = {80, 50, 40};
  sl_plot_layout l = {0};
  sl_plot_squad c = {.common = {.output = "/tmp/squad.png", .layout = &l}, .n = 3, .names = names, .age = age,
                     .minutes_share = share, .importance = imp, .peak_age_low = 24, .peak_age_high = 29};
  char *s = script_of(w_squad, &c);
  OK(s != NULL, "squad: written");
  all_finite(&l, "squad");
  INT_EQ(boxes_named(&l, "label"), 1, "squad: only the player with an age is named");
  OK(s && strstr(s, "label_age[2] = NaN") && strstr(s, "label_age[3] = NaN"), "squad: no anchor for the others");
  OK(s && strstr(s, "age_low = 23") && strstr(s, "age_high = 30"), "squad: the axis spans the drawable age and the peak");
  free(s);
  sl_plot_layout_clear(&l);
  /* Only the 1e308 age: no axis can hold it, the usual 16-38 is used. */
  const double one_age[] = {1.7976931348623157e308};
  sl_plot_squad d = {.common = {.output = "/tmp/squad.png", .layout = &l}, .n = 1, .names = names, .age = one_age,
                     .minutes_share = share, .importance = imp};
  s = script_of(w_squad, &d);
  all_finite(&l, "squad, one huge age");
  OK(s && strstr(s, "age_low = 16") && strstr(s, "age_high = 38"), "squad: the usual axis for an undrawable age");
  free(s);
  sl_plot_layout_clear(&l);
}

/* finding-trend-huge-percentile: a percentile of -1.8e308 put its value label at -inf. */
static void test_trend_percentile_beyond_scale(void) {
  const char *seasons[] = {"2022-23", "2023-24", "2024-25"}, *stats[] = {"Tackles won per 90"};
  const double pct[] = {-1.7976931348623157e308, 50, 1e300}, val[] = {1.0, 1.2, 1.4};
  sl_plot_layout l = {0};
  sl_plot_trend c = {.common = {.output = "/tmp/trend.png", .layout = &l}, .player = "A", .n_seasons = 3,
                     .seasons = seasons, .n_stats = 1, .stats = stats, .percentile = pct, .value = val};
  char *s = script_of(w_trend, &c);
  OK(s != NULL, "trend: written");
  all_finite(&l, "trend");
  INT_EQ(boxes_named(&l, "value"), 3, "trend: each value labelled, at the end of the scale when beyond it");
  free(s);
  sl_plot_layout_clear(&l);
}

/* finding-scatter-huge-range: x from -DBL_MAX to DBL_MAX made the axis range infinite and
 * every name box NaN. Values beyond 1e300 are now missing, as NaN is. */
static void test_scatter_huge_values(void) {
  const char *names[] = {"Low", "High", "One", "Two"};
  const double x[] = {-1.7976931348623157e308, 1.7976931348623157e308, 1, 2}, y[] = {1, 2, 3, 4};
  const int hl[] = {1, 2, 3, 4};
  sl_plot_layout l = {0};
  sl_plot_scatter c = {.common = {.output = "/tmp/scatter.png", .layout = &l}, .n = 4, .names = names, .x = x,
                       .y = y, .highlight = hl};
  char *s = script_of(w_scatter, &c);
  OK(s != NULL, "scatter: written");
  all_finite(&l, "scatter");
  INT_EQ(boxes_named(&l, "label"), 2, "scatter: the two drawable players are named");
  OK(s && !strstr(s, "x_low = NaN") && !strstr(s, "x_high = NaN"), "scatter: a finite x range");
  OK(s && strstr(s, "1\tNaN\t1\t1") && strstr(s, "2\tNaN\t2\t2"), "scatter: the undrawable values written as NaN");
  free(s);
  sl_plot_layout_clear(&l);
}

/* finding-trend-text-season: a season column that loads as text (one cell "x") has no numbers;
 * the trend read its NULL number array. A year of 1e300 was cast to int. Both tables hold no
 * usable second season: SL_EDATA, saying so. */
static void test_trend_bad_season_column(void) {
  static const char *const csv[] = {
      "Player,Pos,Squad,Comp,Min,TklW,season\nAnn,DF,A,xx L,900,10,2023\nAnn,DF,A,xx L,900,12,x\n",
      "Player,Pos,Squad,Comp,Min,TklW,season\nAnn,DF,A,xx L,900,10,2023\nAnn,DF,A,xx L,900,12,1e300\n"};
  for (size_t k = 0; k < 2; k++) {
    sl_table *t = NULL;
    sl_error err;
    INT_EQ(sl_table_load_buffer("s.csv", csv[k], strlen(csv[k]), NULL, &t, &err), SL_OK, "trend table %zu loads", k);
    sl_charts_store *st = sl_charts_store_new();
    sl_profile pr;
    sl_pool pool;
    sl_pool_shared(&pool);
    pool.min_minutes = 0;
    sl_plot_trend out;
    INT_EQ(sl_charts_trend_profile("TklW=Tackles won", st, &pr, &err), SL_OK, "trend profile");
    INT_EQ(sl_charts_trend_from_table(t, "Ann", &pr, &pool, NULL, 0, 0, st, &out, &err), SL_EDATA,
           "trend table %zu: fewer than two seasons", k);
    OK(strstr(err.message, "two seasons") != NULL, "trend table %zu: says why (%s)", k, err.message);
    sl_charts_store_free(st);
    sl_table_free(t);
  }
}

/* The numbers by the points are the caller's texts (the stat rule: 1.80, 66.1%) when given. */
static void test_trend_value_texts(void) {
  const char *seasons[] = {"2022-23", "2023-24"}, *stats[] = {"Tackles won per 90"}, *texts[] = {"1.80", "0.57"};
  const double pct[] = {40, 60}, val[] = {1.8, 0.567};
  sl_plot_layout l = {0};
  sl_plot_trend c = {.common = {.output = "/tmp/trend.png", .layout = &l}, .player = "A", .n_seasons = 2,
                     .seasons = seasons, .n_stats = 1, .stats = stats, .percentile = pct, .value = val,
                     .value_text = texts};
  char *s = script_of(w_trend, &c);
  OK(s && strstr(s, "has_value_label = 1") && strstr(s, "value_label[1] = '1.80'") && strstr(s, "value_label[2] = '0.57'"),
     "trend: the caller's value texts in the script");
  free(s);
  sl_plot_layout_clear(&l);
}

/* The credit line names each source once: a folder read as positions and as transfers. */
static void test_credits_once(void) {
  sl_charts_store *st = sl_charts_store_new();
  const char *files[] = {"/data/players.csv", "/data/transfers-tm", "/x/transfers-tm/", "/data/values.csv"};
  const char *credits = st ? sl_charts_credits(st, files, 4) : NULL;
  STR_EQ(credits ? credits : "", "Data: players.csv, transfers-tm, values.csv | Chart: scoutlab", "credits: each source once");
  sl_charts_store_free(st);
}

int main(void) {
  test_credits_once();
  test_trend_bad_season_column();
  test_squad_undrawable_ages();
  test_trend_percentile_beyond_scale();
  test_trend_value_texts();
  test_scatter_huge_values();
  return SL_TEST_DONE();
}
