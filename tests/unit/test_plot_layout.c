/* test_plot_layout.c - every chart type, built by the charts module from the real data (skipped
 * when ../shared/data is absent), at the web size (1200x675 px) and the print size (16x9 cm):
 * every text box scoutlab placed (titles, subtitles, credits, captions, names, axis names,
 * values, legends) lies inside the canvas, and no two of them overlap. The boxes are those the
 * writers computed from the Liberation Sans width table (plot_text.c), which over-estimates the
 * ink pngcairo draws (checked against gnuplot 5.4: within 3%). */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "harness.h"
#include "scoutlab/charts.h"
#include "scoutlab/schema.h"
#include "scoutlab/table.h"

/* Boxes may touch; a shared edge thinner than this (pixels) is rounding, not an overlap. */
#define TOUCH_PX 0.5

static int overlap(const sl_plot_box *a, const sl_plot_box *b) {
  return a->x0 + TOUCH_PX < b->x1 && b->x0 + TOUCH_PX < a->x1 && a->y0 + TOUCH_PX < b->y1 && b->y0 + TOUCH_PX < a->y1;
}

static void check_layout(const char *chart, const char *size, sl_plot_layout *l) {
  OK(l->n > 0, "%s %s: boxes recorded", chart, size);
  for (size_t i = 0; i < l->n; i++) {
    const sl_plot_box *b = &l->box[i];
    OK(b->x0 >= 0 && b->y0 >= 0 && b->x1 <= l->width && b->y1 <= l->height,
       "%s %s: %s '%s' [%.0f,%.0f]-[%.0f,%.0f] leaves the %.0fx%.0f canvas", chart, size, b->what, b->text, b->x0,
       b->y0, b->x1, b->y1, l->width, l->height);
    for (size_t j = i + 1; j < l->n; j++)
      OK(!overlap(b, &l->box[j]), "%s %s: %s '%s' overlaps %s '%s'", chart, size, b->what, b->text,
         l->box[j].what, l->box[j].text);
  }
}

typedef int (*writer)(const void *chart, const char *dir, FILE *out, sl_error *err);

/* Writes the chart (to /dev/null) at both sizes and checks the boxes it placed. */
static void check_chart(const char *name, void *chart, writer w) {
  static const struct {
    const char *label;
    sl_plot_format format;
    int width, height;
  } sizes[] = {{"1200x675 png", SL_PLOT_PNG, 1200, 675}, {"16x9cm pdf", SL_PLOT_PDF, 0, 0}, {"16x9cm svg", SL_PLOT_SVG, 0, 0}};
  for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
    sl_plot_common *c = chart;
    sl_plot_layout l = {0};
    c->output = "/dev/null/chart", c->format = sizes[k].format, c->width = sizes[k].width, c->height = sizes[k].height;
    c->layout = &l;
    FILE *f = fopen("/dev/null", "w");
    sl_error err;
    int st = w(chart, SL_PLOTS, f, &err);
    fclose(f);
    INT_EQ(st, SL_OK, "%s %s: %s", name, sizes[k].label, err.message);
    if (!st) check_layout(name, sizes[k].label, &l);
    c->layout = NULL;
    sl_plot_layout_clear(&l);
  }
}

/* Writes the chart at the web size and checks that every axis name is whole: no ellipsis in
 * any "axis" box, and `line1` and `line2` (one name's two lines; NULL: none asked) drawn as two
 * boxes. */
static void check_names_whole(const char *name, void *chart, writer w, const char *line1, const char *line2) {
  sl_plot_common *c = chart;
  sl_plot_layout l = {0};
  c->output = "/dev/null/chart", c->format = SL_PLOT_PNG, c->width = 1200, c->height = 675, c->layout = &l;
  FILE *f = fopen("/dev/null", "w");
  sl_error err;
  INT_EQ(w(chart, SL_PLOTS, f, &err), SL_OK, "%s: %s", name, err.message);
  fclose(f);
  int seen1 = 0, seen2 = 0;
  for (size_t i = 0; i < l.n; i++) {
    if (strcmp(l.box[i].what, "axis")) continue;
    OK(!strstr(l.box[i].text, "\xe2\x80\xa6"), "%s: axis name '%s' was cut", name, l.box[i].text);
    if (line1) seen1 |= strcmp(l.box[i].text, line1) == 0, seen2 |= strcmp(l.box[i].text, line2) == 0;
  }
  if (line1) OK(seen1 && seen2, "%s: '%s' / '%s' drawn as two lines", name, line1, line2);
  c->layout = NULL;
  sl_plot_layout_clear(&l);
}

#define WRITER(T) static int w_##T(const void *c, const char *d, FILE *o, sl_error *e) { return sl_plot_##T##_write(c, d, o, e); }
WRITER(radar)
WRITER(percentiles)
WRITER(pizza)
WRITER(bars)
WRITER(scatter)
WRITER(squad)
WRITER(importance)
WRITER(fee_fit)
WRITER(age_curve)
WRITER(trend)

static int exists(const char *p) {
  struct stat sb;
  return stat(p, &sb) == 0;
}

static void compare_charts(const char *big5) {
  sl_error err;
  sl_table *t = NULL;
  sl_compare *c = NULL;
  sl_profiles *profiles = NULL;
  INT_EQ(sl_table_load(big5, NULL, &t, &err), SL_OK, "big5: %s", err.message);
  if (t) INT_EQ(sl_compare_new(t, NULL, &c, &err), SL_OK, "index: %s", err.message);
  INT_EQ(sl_profiles_load(SL_DATASETS "/profiles.csv", &profiles, &err), SL_OK, "profiles: %s", err.message);
  const char *names[] = {"Leonardo Balerdi", "Lucas Beraldo", "Alexsandro Ribeiro", "Willian Pacho", "Marquinhos", "Bremer"};
  size_t idx[6];
  for (size_t i = 0; c && i < 6; i++) INT_EQ(sl_compare_find(c, names[i], &idx[i], &err), SL_OK, "%s: %s", names[i], err.message);
  const sl_profile *pr = c && profiles ? sl_compare_default_profile(c, profiles, idx[0]) : NULL;
  OK(pr != NULL, "Balerdi has a profile");
  if (!pr) goto done;
  sl_pool pool;
  sl_pool_default(&pool);
  sl_charts_store *st = sl_charts_store_new();
  const char *credits = sl_charts_credits(st, &big5, 1);
  sl_plot_radar radar;
  for (size_t n = 2; n <= 6; n += 2) {
    INT_EQ(sl_charts_radar_from_compare(c, pr, &pool, idx, n, NULL, "2024-25", st, &radar, &err), SL_OK, "radar: %s", err.message);
    radar.common.credits = credits;
    check_chart(n == 2 ? "radar of 2" : n == 4 ? "radar of 4" : "radar of 6", &radar, w_radar);
  }
  sl_plot_percentiles pct;
  INT_EQ(sl_charts_percentiles_from_compare(c, pr, &pool, idx[0], "2024-25", st, &pct, &err), SL_OK, "pct: %s", err.message);
  pct.common.credits = credits;
  check_chart("percentiles", &pct, w_percentiles);
  sl_plot_pizza pizza;
  INT_EQ(sl_charts_pizza_from_compare(c, pr, &pool, idx[0], "2024-25", st, &pizza, &err), SL_OK, "pizza: %s", err.message);
  pizza.common.credits = credits;
  check_chart("pizza", &pizza, w_pizza);
  sl_plot_bars bars;
  for (size_t n = 2; n <= 6; n += 4) {
    INT_EQ(sl_charts_bars_from_compare(c, pr, &pool, idx, n, NULL, "2024-25", st, &bars, &err), SL_OK, "bars: %s", err.message);
    bars.common.credits = credits;
    check_chart(n == 2 ? "bars of 2" : "bars of 6", &bars, w_bars);
  }
  /* Six long names: shortened, two legend rows at most, none on the bars. */
  const char *longs[6];
  for (size_t p = 0; p < 6; p++) longs[p] = "Derek Alexander Cornelius-Papadopoulos de la Fuente y Wolfeschlegelsteinhausen";
  bars.players = longs;
  check_chart("bars of 6 long names", &bars, w_bars);
  radar.players = longs;
  check_chart("radar of 6 long names", &radar, w_radar);
  /* A goalkeeper's long stat names ("Goals against per 90 (fewer is better)") on two lines,
   * whole, on the pizza and the radar. */
  size_t gk[2];
  INT_EQ(sl_compare_find(c, "Mike Maignan", &gk[0], &err), SL_OK, "Maignan: %s", err.message);
  INT_EQ(sl_compare_find(c, "Gianluigi Donnarumma", &gk[1], &err), SL_OK, "Donnarumma: %s", err.message);
  const sl_profile *gkp = sl_compare_default_profile(c, profiles, gk[0]);
  OK(gkp != NULL, "Maignan has a profile");
  if (gkp) {
    INT_EQ(sl_charts_pizza_from_compare(c, gkp, &pool, gk[0], "2024-25", st, &pizza, &err), SL_OK, "gk pizza: %s",
           err.message);
    pizza.common.credits = credits;
    check_chart("goalkeeper pizza", &pizza, w_pizza);
    check_names_whole("goalkeeper pizza", &pizza, w_pizza, "Goals against per 90", "(fewer is better)");
    INT_EQ(sl_charts_radar_from_compare(c, gkp, &pool, gk, 2, NULL, "2024-25", st, &radar, &err), SL_OK,
           "gk radar: %s", err.message);
    radar.common.credits = credits;
    check_chart("goalkeeper radar", &radar, w_radar);
    check_names_whole("goalkeeper radar", &radar, w_radar, "Goals against per 90", "(fewer is better)");
  }
  /* Crowded pizzas: a midfielder's 16 stats, a full-back's 18, every name whole and inside. */
  const char *crowded[] = {"Domingos André Ribeiro Almeida", "Achraf Hakimi"};
  for (size_t k = 0; k < 2; k++) {
    size_t who;
    INT_EQ(sl_compare_find(c, crowded[k], &who, &err), SL_OK, "%s: %s", crowded[k], err.message);
    const sl_profile *cp = sl_compare_default_profile(c, profiles, who);
    if (!cp || sl_charts_pizza_from_compare(c, cp, &pool, who, "2024-25", st, &pizza, &err) != SL_OK) {
      OK(0, "%s: pizza", crowded[k]);
      continue;
    }
    pizza.common.credits = credits;
    OK(pizza.n_stats >= 16, "%s: %zu stats", crowded[k], pizza.n_stats);
    check_chart(crowded[k], &pizza, w_pizza);
    check_names_whole(crowded[k], &pizza, w_pizza, NULL, NULL);
  }
  sl_plot_scatter sc;
  INT_EQ(sl_charts_scatter_from_compare(c, t, pr, pr->peers, &pool, "Ligue 1", "Tackles won", "Interceptions", idx, 4,
                                        "2024-25", st, &sc, &err), SL_OK, "scatter: %s", err.message);
  sc.common.credits = credits;
  check_chart("scatter", &sc, w_scatter);
  sl_charts_store_free(st);
done:
  sl_profiles_free(profiles);
  sl_compare_free(c);
  sl_table_free(t);
}

static void squad_charts(const char *big5) {
  sl_error err;
  sl_table *t = NULL;
  sl_profiles *profiles = NULL;
  sl_squad *s = NULL;
  size_t club = 0;
  INT_EQ(sl_table_load(big5, NULL, &t, &err), SL_OK, "big5: %s", err.message);
  INT_EQ(sl_profiles_load(SL_DATASETS "/profiles.csv", &profiles, &err), SL_OK, "profiles: %s", err.message);
  sl_squad_options o;
  sl_squad_default(&o);
  o.profiles = profiles;
  if (t) INT_EQ(sl_squad_new(t, &o, &s, &err), SL_OK, "squad: %s", err.message);
  if (s) INT_EQ(sl_squad_find_club(s, "marseille", &club, &err), SL_OK, "marseille: %s", err.message);
  sl_charts_store *st = sl_charts_store_new();
  sl_plot_squad sq;
  sl_plot_importance im;
  if (s && sl_charts_squad_from_squad(s, club, 2024, SL_CHARTS_SQUAD_MIN_SHARE, NULL, 0, st, &sq, &err) == SL_OK) {
    sq.common.credits = sl_charts_credits(st, &big5, 1);
    check_chart("squad", &sq, w_squad);
    const char *names[64]; /* an 80-character name is shortened, not run off the canvas */
    for (size_t p = 0; p < sq.n && p < 64; p++) names[p] = sq.names[p];
    names[0] = "Derek Alexander Cornelius-Papadopoulos de la Fuente y Wolfeschlegelsteinhausen";
    sq.names = names;
    if (sq.n <= 64) check_chart("squad, a long name", &sq, w_squad);
  }
  if (s && sl_charts_importance_from_squad(s, club, 0, 2024, NULL, 0, st, &im, &err) == SL_OK) {
    im.common.credits = sl_charts_credits(st, &big5, 1);
    check_chart("importance", &im, w_importance);
  }
  /* The whole squad (32 rows: the names get smaller) and an 80-character name (shortened to
   * the name column, not run off the canvas's left edge). */
  if (s && sl_charts_importance_from_squad(s, club, SIZE_MAX, 2024, NULL, 0, st, &im, &err) == SL_OK) {
    OK(im.n_players > 30, "the whole squad: %zu players", im.n_players);
    im.common.credits = sl_charts_credits(st, &big5, 1);
    const char *names[64];
    for (size_t p = 0; p < im.n_players && p < 64; p++) names[p] = im.players[p];
    names[1] = "Derek Alexander Cornelius-Papadopoulos de la Fuente y Wolfeschlegelsteinhausen";
    im.players = names;
    check_chart("importance, whole squad", &im, w_importance);
  }
  /* The player asked about: Balerdi ringed on the squad chart, and Bilal Nadir, 22nd, added
   * under the importance chart's top 15 and named in the subtitle. */
  size_t him, nadir;
  if (s) INT_EQ(sl_squad_find_in_club(s, club, "Balerdi", &him, &err), SL_OK, "Balerdi: %s", err.message);
  if (s) INT_EQ(sl_squad_find_in_club(s, club, "Bilal Nadir", &nadir, &err), SL_OK, "Nadir: %s", err.message);
  if (s && sl_charts_squad_from_squad(s, club, 2024, SL_CHARTS_SQUAD_MIN_SHARE, &him, 1, st, &sq, &err) == SL_OK) {
    size_t flagged = 0, at = SIZE_MAX;
    for (size_t p = 0; p < sq.n; p++)
      if (sq.highlight[p]) flagged++, at = p;
    INT_EQ(flagged, 1, "one player ringed");
    if (at != SIZE_MAX) STR_EQ(sq.names[at], "Leonardo Balerdi", "the ringed one");
    check_chart("squad, Balerdi ringed", &sq, w_squad);
  }
  /* Nadir plays under 5% of the minutes? Then he is drawn because he is asked about. */
  if (s && sl_charts_squad_from_squad(s, club, 2024, 0.5, &nadir, 1, st, &sq, &err) == SL_OK) {
    int found = 0;
    for (size_t p = 0; p < sq.n; p++) found |= sq.highlight[p] && strcmp(sq.names[p], "Bilal Nadir") == 0;
    OK(found, "a highlighted player under the minimum share is still drawn");
  }
  if (s && sl_charts_importance_from_squad(s, club, 0, 2024, &nadir, 1, st, &im, &err) == SL_OK) {
    INT_EQ(im.n_players, SL_CHARTS_IMPORTANCE_TOP + 1, "the top 15 and Nadir");
    STR_EQ(im.players[SL_CHARTS_IMPORTANCE_TOP], "Bilal Nadir", "Nadir last");
    INT_EQ(im.highlight[SL_CHARTS_IMPORTANCE_TOP], 1, "his row marked");
    OK(strstr(im.common.subtitle, "the 15 most important of 32 players and Bilal Nadir (22nd)") != NULL,
       "subtitle: %s", im.common.subtitle);
    check_chart("importance, Nadir added", &im, w_importance);
  }
  if (s && sl_charts_importance_from_squad(s, club, 0, 2024, &him, 1, st, &im, &err) == SL_OK) {
    INT_EQ(im.n_players, SL_CHARTS_IMPORTANCE_TOP, "Balerdi (3rd) is in the top: nothing added");
    OK(strstr(im.common.subtitle, "Balerdi") == NULL, "no rank in the subtitle: %s", im.common.subtitle);
  }
  size_t other;
  if (s) INT_EQ(sl_squad_find_player(s, "Bremer", &other, &err), SL_OK, "Bremer: %s", err.message);
  if (s) INT_EQ(sl_charts_squad_from_squad(s, club, 2024, 0, &other, 1, st, &sq, &err), SL_EINVAL,
                "a Juventus player highlighted at Marseille is refused");
  sl_charts_store_free(st);
  sl_squad_free(s);
  sl_profiles_free(profiles);
  sl_table_free(t);
}

static void fee_charts(const char *transfers) {
  sl_error err;
  sl_fees_options o = {0};
  o.folds = 1;
  /* the recency the inner split chooses on these deals, fixed: the same model without the search */
  o.season_mode = SL_FEES_SEASON_LEVEL, o.half_life = 2;
  sl_fees_model *m = NULL;
  INT_EQ(sl_fees_fit_files(&transfers, 1, &o, &m, NULL, &err), SL_OK, "fit: %s", err.message);
  if (!m) return;
  sl_fees_player p;
  sl_fees_player_init(&p);
  p.name = "Leonardo Balerdi", p.club = "Olympique Marseille", p.age = 26, p.group = sl_fees_position_group("CB");
  p.league = "Ligue 1", p.season = 2025, p.market_value = 10e6;
  sl_charts_store *st = sl_charts_store_new();
  sl_plot_fee_fit f;
  sl_plot_age_curve a;
  INT_EQ(sl_charts_fee_fit_from_model(m, 0, 0, SL_CHARTS_FIT_SEED, &p, 25e6, st, &f, &err), SL_OK, "fees: %s", err.message);
  f.common.credits = sl_charts_model_credits(st, m, &transfers, 1);
  check_chart("fees", &f, w_fee_fit);
  INT_EQ(sl_charts_age_curve_from_model(m, &p, 0, NULL, st, &a, &err), SL_OK, "age curve: %s", err.message);
  a.common.credits = f.common.credits;
  check_chart("age-curve", &a, w_age_curve);
  sl_charts_store_free(st);
  sl_fees_model_free(m);
}

static void trend_chart(const char *yearly, const char *transfers) {
  sl_error err;
  sl_schema_map *map = sl_schema_map_new();
  sl_schema_map_add_spec(map, "player=Plyaer,league=Leauge", &err); /* sic in the export */
  sl_load_options lo = {.map = map};
  sl_table *t = NULL, *pos = NULL;
  INT_EQ(sl_table_load_yearly(yearly, NULL, 0, 2020, 2024, &lo, &t, NULL, &err), SL_OK, "yearly: %s", err.message);
  INT_EQ(sl_table_load_many(&transfers, 1, NULL, &pos, &err), SL_OK, "positions: %s", err.message);
  sl_charts_store *st = sl_charts_store_new();
  sl_profile pr;
  sl_plot_trend tr;
  sl_pool pool;
  sl_pool_default(&pool);
  pool.kind = SL_POOL_SHARED;
  sl_compare_options co = {.positions = pos};
  INT_EQ(sl_charts_trend_profile(NULL, st, &pr, &err), SL_OK, "trend profile: %s", err.message);
  if (t && pos) {
    INT_EQ(sl_charts_trend_from_table(t, "Leonardo Balerdi", &pr, &pool, &co, 2020, 2024, st, &tr, &err), SL_OK,
           "trend: %s", err.message);
    INT_EQ(tr.n_seasons, 5, "five seasons 2020/21-2024/25");
    tr.common.credits = "Data: fbref-big5-yearly | Chart: scoutlab";
    check_chart("trend", &tr, w_trend);
  }
  sl_charts_store_free(st);
  sl_table_free(pos);
  sl_table_free(t);
  sl_schema_map_free(map);
}

int main(void) {
  const char *big5 = SL_SHARED_DATA "/fbref-big5-2024-25/players_data-2024_2025.csv";
  const char *transfers = SL_SHARED_DATA "/transfers-tm", *yearly = SL_SHARED_DATA "/fbref-big5-yearly";
  if (!exists(big5) || !exists(transfers) || !exists(yearly)) {
    fprintf(stderr, "skipped: the real data in %s is absent\n", SL_SHARED_DATA);
    return 77;
  }
  compare_charts(big5);
  squad_charts(big5);
  fee_charts(transfers);
  trend_chart(yearly, transfers);
  return SL_TEST_DONE();
}
