/* test_compare_seasons.c - several seasons from fbref-big5-yearly (skipped when absent): one
 * entry per player and season, never added up unseen; Balerdi season by season (minutes 1,634 in
 * 2020/21 and 2,273 in 2024/25 as SOURCE.txt says; per 90 by hand from the totals of
 * defense/YEAR.csv); two seasons pooled minute-weighted (per 90 = sum of totals / sum of
 * minutes); players of different seasons each ranked against their own season; and the
 * agreement of the DF split with transfers-tm on 2018/19-2020/21, before and after. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "compare_impl.h"
#include "fixture.h"
#include "harness.h"
#include "scoutlab/compare.h"

#define YEARLY SL_SHARED_DATA "/fbref-big5-yearly"
#define TRANSFERS SL_SHARED_DATA "/transfers-tm"
#define TOL 1e-12

static const char *const tables[] = {"standard", "defense", "possession", "misc"};

static sl_table *load(int first, int last) {
  sl_table *t = NULL;
  sl_join_report *rep = NULL;
  sl_error err;
  if (sl_table_load_yearly(YEARLY, tables, 4, first, last, NULL, &t, &rep, &err) != SL_OK) {
    fprintf(stderr, "yearly: %s\n", err.message);
    exit(EXIT_FAILURE);
  }
  sl_join_report_free(rep);
  return t;
}

static size_t find(const sl_compare *c, const char *q) {
  size_t i = 0;
  sl_error err;
  INT_EQ(sl_compare_find(c, q, &i, &err), SL_OK, "find %s: %s", q, err.message);
  return i;
}

static double tklw(const sl_compare *c, const sl_profiles *pr, size_t i) {
  double v[1];
  sl_error err;
  sl_compare_values(c, i, &pr->items[0], v, &err);
  return v[0];
}

static void test_by_season(const sl_table *t, const sl_profiles *cb) {
  sl_compare *c = NULL;
  sl_error err;
  INT_EQ(sl_compare_new(t, NULL, &c, &err), SL_OK, "index: %s", err.message);
  sl_profiles *pr = NULL;
  INT_EQ(sl_compare_stats_parse(c, NULL, "TklW", SL_GROUP_CENTRE_BACK, &pr, &err), SL_OK, "TklW: %s", err.message);
  size_t s[8];
  size_t n = sl_compare_player_seasons(c, find(c, "Leonardo Balerdi"), s, 8);
  INT_EQ(n, 5, "Balerdi: five seasons, five entries");
  const sl_player *p20 = sl_compare_player(c, s[0]), *p24 = sl_compare_player(c, s[4]);
  INT_EQ(p20->season, 2020, "first entry 2020/21");
  STR_EQ(p20->seasons, "2020/21", "season text");
  SL_CHECK_REL(p20->minutes, 1634, TOL, "Balerdi 2020/21 minutes (SOURCE.txt: 1,634)");
  SL_CHECK_REL(p24->minutes, 2273, TOL, "Balerdi 2024/25 minutes (SOURCE.txt: 2,273)");
  /* defense/2020.csv TklW 18, defense/2024.csv TklW 39 */
  SL_CHECK_REL(tklw(c, pr, s[0]), 18 / (1634 / 90.0), TOL, "2020/21 tackles won per 90 = 18 / (1634 / 90)");
  SL_CHECK_REL(tklw(c, pr, s[4]), 39 / (2273 / 90.0), TOL, "2024/25 tackles won per 90 = 39 / (2273 / 90)");
  /* without a season the latest is found; with one, that one */
  INT_EQ(sl_compare_player(c, find(c, "Leonardo Balerdi"))->season, 2024, "latest season by default");
  size_t b22 = find(c, "Leonardo Balerdi (2022/23)"), p24i = find(c, "Willian Pacho (2024/25)");
  INT_EQ(sl_compare_player(c, b22)->season, 2022, "Balerdi 2022/23");
  SL_CHECK_REL(sl_compare_player(c, b22)->minutes, 2639, TOL, "Balerdi 2022/23 minutes (SOURCE.txt: 2,639)");
  /* each ranked against his own season's centre-backs */
  sl_pool pool;
  sl_pool_shared(&pool);
  const sl_profile *prof = sl_profiles_find(cb, "centre-back");
  sl_stat_value *v = calloc(prof->nstats, sizeof *v);
  sl_pool_info i22, i24;
  INT_EQ(sl_compare_percentiles(c, b22, prof, &pool, v, &i22, &err), SL_OK, "Balerdi 2022/23 percentiles");
  INT_EQ(sl_compare_percentiles(c, p24i, prof, &pool, v, &i24, &err), SL_OK, "Pacho 2024/25 percentiles");
  size_t m22 = 0, m24 = 0;
  for (size_t j = 0; j < sl_compare_count(c); j++) {
    const sl_player *q = sl_compare_player(c, j);
    int member = q->group == SL_GROUP_CENTRE_BACK && q->minutes >= 900 && strcmp(q->league, "") != 0;
    m22 += member && q->season == 2022;
    m24 += member && q->season == 2024;
  }
  INT_EQ(i22.size, m22, "Balerdi 2022/23 against the 2022/23 centre-backs only");
  INT_EQ(i24.size, m24, "Pacho 2024/25 against the 2024/25 centre-backs only");
  free(v);
  sl_profiles_free(pr);
  sl_compare_free(c);
}

static void test_pooled(void) {
  sl_table *t = load(2023, 2024);
  sl_compare_options opt = {.pool_seasons = 1};
  sl_compare *c = NULL;
  sl_error err;
  INT_EQ(sl_compare_new(t, &opt, &c, &err), SL_OK, "pooled index");
  sl_profiles *pr = NULL;
  sl_compare_stats_parse(c, NULL, "TklW", SL_GROUP_CENTRE_BACK, &pr, &err);
  size_t b = find(c, "Leonardo Balerdi");
  const sl_player *p = sl_compare_player(c, b);
  STR_EQ(p->seasons, "2023/24-2024/25", "pooled seasons named");
  INT_EQ(p->season, 0, "a pooled entry has no single season");
  SL_CHECK_REL(p->minutes, 2271 + 2273, TOL, "pooled minutes 2,271 + 2,273");
  /* TklW 50 (2023/24) + 39 (2024/25) over (2271 + 2273) / 90 */
  SL_CHECK_REL(tklw(c, pr, b), (50 + 39) / ((2271 + 2273) / 90.0), TOL, "pooled per 90 = sum of totals / sum of minutes");
  sl_profiles_free(pr);
  sl_compare_free(c);
  sl_table_free(t);
}

/* The DF split against transfers-tm for the 2018/19-2020/21 defenders (FBref DF, >= 900
 * minutes) whose name and birth year find a CB/LB/RB/LWB/RWB row: the old crosses + PrgR rule and
 * the score of compare_positions.c. */
static void test_agreement(void) {
  if (access(TRANSFERS, R_OK) != 0) return;
  sl_table *t = load(2018, 2020);
  static const char *const cols[] = {"name", "age", "season", "position", "short_pos", NULL};
  sl_load_options lo = {.only_columns = cols};
  sl_table *tm = sl_test_load(TRANSFERS, &lo);
  sl_compare *c = NULL, *k = NULL;
  sl_error err;
  sl_compare_options with_tm = {.positions = tm};
  INT_EQ(sl_compare_new(t, NULL, &c, &err), SL_OK, "inferred index");
  INT_EQ(sl_compare_new(t, &with_tm, &k, &err), SL_OK, "transfers-tm index");
  sl_profiles *pr = NULL;
  sl_compare_stats_parse(c, NULL, "Crosses,PrgR", SL_GROUP_UNKNOWN, &pr, &err);
  size_t n = 0, agree_new = 0, agree_old = 0;
  for (size_t i = 0; i < sl_compare_count(c); i++) {
    const sl_player *p = sl_compare_player(c, i), *q = sl_compare_player(k, i);
    if (strncmp(p->fbref_pos, "DF", 2) != 0 || p->minutes < 900 || q->group_source != SL_POSSRC_FILE) continue;
    if (q->group != SL_GROUP_CENTRE_BACK && q->group != SL_GROUP_FULL_BACK) continue;
    double v[2];
    sl_compare_values(c, i, &pr->items[0], v, &err);
    sl_group old = v[0] + v[1] < 2.0 ? SL_GROUP_CENTRE_BACK : SL_GROUP_FULL_BACK;
    n++;
    agree_new += p->group == q->group;
    agree_old += old == q->group;
  }
  fprintf(stderr, "agreement with transfers-tm, %zu defender-seasons 2018-2020: crosses+PrgR rule %.1f%%, score %.1f%%\n",
          n, 100.0 * agree_old / n, 100.0 * agree_new / n);
  OK(n > 1000, "over a thousand defender-seasons joined (%zu)", n);
  OK(agree_new > agree_old, "the score agrees more often than the old rule");
  OK(100.0 * agree_new / n >= 96.0, "score agreement at least 96%%");
  sl_profiles_free(pr);
  sl_compare_free(c), sl_compare_free(k);
  sl_table_free(tm), sl_table_free(t);
}

int main(void) {
  if (access(YEARLY "/standard/2024.csv", R_OK) != 0) {
    fprintf(stderr, "skip: %s absent\n", YEARLY);
    return SL_TEST_SKIP;
  }
  sl_profiles *cb = NULL;
  sl_error err;
  if (sl_profiles_load(SL_DATASETS "/profiles.csv", &cb, &err) != SL_OK) return EXIT_FAILURE;
  sl_table *t = load(2020, 2024);
  test_by_season(t, cb);
  sl_table_free(t);
  test_pooled();
  test_agreement();
  sl_profiles_free(cb);
  return SL_TEST_DONE();
}
