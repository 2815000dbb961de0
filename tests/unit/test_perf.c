/* test_perf.c - performance from a stats history (scoutlab/perf.h) on a hand-made season: the
 * terms by hand, and the join of hand-made transfers (exact matches, words in another order and
 * accents, a birth year one off, an ambiguous pair left out, the club deciding a pair, a birth
 * year too far, a season without stats).
 *
 * The 2019/20 stats: Alpha FC and Beta FC played 10 matches each; every row of Alpha but Carl's
 * has 10 matches, Alpha's minutes sum to 9,900 and Beta's too, so each club's league minutes are
 * 9,900 / 11 = 900 (10 x 90). By hand:
 *   Ana Alves (1995): 900 min, 10 starts, npxG 2.0 + xAG 1.0, PrgP 30 + PrgC 20 ->
 *     minutes share 1, starts share 1, npxG+xAG/90 3/10 = 0.3, progressive/90 50/10 = 5;
 *   Bruno Costa (1996): 720 min, 8 starts, 0.5 + 0.5, 10 + 10 -> 0.8, 0.8, 1/8, 20/8;
 *   Carl Duval (2000): 180 min (two 90s, below the five-match floor), 2 starts, 0.6 + 0, 1 + 2 ->
 *     0.2, 0.2, 0.6/5 = 0.12, 3/5 = 0.6;
 *   Alpha's points per match: the matches-weighted mean of its players' 2.0 (110 matches) and
 *     Carl's 1.0 (4 matches) = 224/114.
 * Two players are called Dan Evans: born 1994 at Alpha, born 1995 at Beta. A deal of 2020 at age
 * 25 (born 1995 +- 1) fits both. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fees_internal.h"
#include "harness.h"
#include "scoutlab/perf.h"

#define HEADER "Player,Squad,Comp,Born,Age,MP,Starts,Min,npxG,xAG,PrgP,PrgC,PointsPerMatch,season\n"

/* One stats row of season 2019. Decimals are written as text (the test also runs under a
 * decimal-comma locale, where %f would write "2,0" into a comma-separated file). */
static size_t row(char *buf, size_t at, size_t size, const char *name, const char *club, int born, int mp,
                  int starts, int minutes, const char *npxg, const char *xag, int prgp, int prgc, const char *ppm) {
  int n = snprintf(buf + at, size - at, "%s,%s,fr Ligue 1,%d,%d,%d,%d,%d,%s,%s,%d,%d,%s,2019\n", name, club, born,
                   2019 - born, mp, starts, minutes, npxg, xag, prgp, prgc, ppm);
  return at + (n > 0 ? (size_t)n : 0);
}

static char *season_csv(void) {
  size_t size = 8192, at = 0;
  char *b = malloc(size);
  if (!b) return NULL;
  at = (size_t)snprintf(b, size, HEADER);
  at = row(b, at, size, "Ana Alves", "Alpha FC", 1995, 10, 10, 900, "2.0", "1.0", 30, 20, "2.0");
  at = row(b, at, size, "Bruno Costa", "Alpha FC", 1996, 10, 8, 720, "0.5", "0.5", 10, 10, "2.0");
  at = row(b, at, size, "Carl Duval", "Alpha FC", 2000, 4, 2, 180, "0.6", "0.0", 1, 2, "1.0");
  at = row(b, at, size, "Dan Evans", "Alpha FC", 1994, 10, 10, 900, "0.1", "0.1", 5, 5, "2.0");
  for (int i = 0; i < 8; i++) { /* 900 + 720 + 180 + 900 + 8 x 900 = 9,900 */
    char name[32];
    snprintf(name, sizeof name, "Alpha Filler %c", 'A' + i);
    at = row(b, at, size, name, "Alpha FC", 1990 + i, 10, 10, 900, "0.0", "0.0", 0, 0, "2.0");
  }
  at = row(b, at, size, "Dan Evans", "Beta FC", 1995, 5, 5, 450, "0.2", "0.3", 9, 0, "1.5");
  for (int i = 0; i < 11; i++) { /* 450 + 10 x 900 + 450 = 9,900 */
    char name[32];
    snprintf(name, sizeof name, "Beta Filler %c", 'A' + i);
    at = row(b, at, size, name, "Beta FC", 1990 + i, 10, 10, i < 10 ? 900 : 450, "0.0", "0.0", 0, 0, "1.5");
  }
  return b;
}

static sl_fees_deal deal(const char *name, const char *club, double age, int season) {
  sl_fees_deal d;
  memset(&d, 0, sizeof d);
  sl_fees_player_init(&d.player);
  d.player.name = name, d.player.club = club, d.player.age = age, d.player.season = season;
  d.player.group = SL_FEES_CM, d.fee = 1e6;
  return d;
}

int main(void) {
  sl_error err;
  char *csv = season_csv();
  sl_table *t = NULL;
  INT_EQ(sl_table_load_buffer("season.csv", csv, strlen(csv), NULL, &t, &err), SL_OK, "load: %s", err.message);
  free(csv);
  sl_perf_index *ix = NULL;
  if (t) INT_EQ(sl_perf_index_new(t, NULL, 0, &ix, &err), SL_OK, "index: %s", err.message);
  if (!ix) {
    sl_table_free(t);
    return SL_TEST_DONE();
  }
  INT_EQ(sl_perf_index_terms(ix), (1u << SL_PERF_TERM_COUNT) - 1, "every term has its columns");
  int first = 0, last = 0;
  sl_perf_index_seasons(ix, &first, &last);
  INT_EQ(first, 2019, "first season");
  INT_EQ(last, 2019, "last season");

  /* The terms by hand (top comment). */
  sl_perf_terms a;
  INT_EQ(sl_perf_find(ix, "Ana Alves", 1995, 2019, NULL, &a), SL_PERF_FOUND, "Ana found");
  SL_CHECK_REL(a.club_minutes, 900, 1e-12, "Alpha's league minutes: 9,900 / 11");
  SL_CHECK_REL(a.minutes_share, 1, 1e-12, "Ana minutes share");
  SL_CHECK_REL(a.starts_share, 1, 1e-12, "Ana starts share");
  SL_CHECK_REL(a.npxg_xag_per90, 0.3, 1e-12, "Ana npxG+xAG per 90");
  SL_CHECK_REL(a.progressive_per90, 5, 1e-12, "Ana progressive per 90");
  SL_CHECK_REL(a.team_points, 224.0 / 114, 1e-12, "Alpha's points per match, matches-weighted");
  STR_EQ(a.club, "Alpha FC", "Ana's club");
  sl_perf_terms b;
  INT_EQ(sl_perf_find(ix, "Bruno Costa", 1996, 2019, NULL, &b), SL_PERF_FOUND, "Bruno found");
  SL_CHECK_REL(b.minutes_share, 0.8, 1e-12, "Bruno minutes share");
  SL_CHECK_REL(b.starts_share, 0.8, 1e-12, "Bruno starts share");
  SL_CHECK_REL(b.npxg_xag_per90, 1.0 / 8, 1e-12, "Bruno npxG+xAG per 90");
  SL_CHECK_REL(b.progressive_per90, 20.0 / 8, 1e-12, "Bruno progressive per 90");
  sl_perf_terms c;
  INT_EQ(sl_perf_find(ix, "Carl Duval", 2000, 2019, NULL, &c), SL_PERF_FOUND, "Carl found");
  SL_CHECK_REL(c.minutes_share, 0.2, 1e-12, "Carl minutes share");
  SL_CHECK_REL(c.npxg_xag_per90, 0.6 / SL_PERF_MIN_NINETIES, 1e-12, "Carl: per 90 over the five-match floor");
  SL_CHECK_REL(c.progressive_per90, 3 / SL_PERF_MIN_NINETIES, 1e-12, "Carl progressive over the floor");
  INT_EQ(sl_perf_find(ix, "Dan Evans", 1995, 2019, NULL, NULL), SL_PERF_AMBIGUOUS, "two Dan Evans within a year");
  sl_perf_terms d;
  INT_EQ(sl_perf_find(ix, "Dan Evans", 1995, 2019, "Beta", &d), SL_PERF_FOUND_BY_CLUB, "the club decides");
  SL_CHECK_REL(d.born, 1995, 0, "Beta's Dan Evans");
  SL_CHECK_REL(d.team_points, 1.5, 1e-12, "Beta's points per match");
  INT_EQ(sl_perf_find(ix, "Dan Evans", 1994, 2019, "Gamma", NULL), SL_PERF_AMBIGUOUS, "1994 +- 1 fits both");
  INT_EQ(sl_perf_find(ix, "Ana Alves", 1995, 2018, NULL, NULL), SL_PERF_NO_SEASON, "no stats of 2018/19");

  /* The join: transfers of summer 2020 to the 2019/20 stats. */
  sl_fees_deals *ds = sl_fees_deals_new();
  sl_fees_deal list[] = {
      deal("Ana Alves", "Alpha", 25, 2020),     /* exact: 2020 - 25 = 1995 */
      deal("Bruno Costa", "Alpha", 25, 2020),   /* stats say 1996: one year off */
      deal("Carl Duval", "Alpha", 21, 2020),    /* stats say 2000, 2020 - 21 = 1999: one off */
      deal("Dan Evans", "Gamma", 25, 2020),     /* both Dan Evans fit, neither at Gamma: left out */
      deal("Dan Evans", "Beta", 25, 2020),      /* the Beta one */
      deal("Ana Alves", "Alpha", 28, 2020),     /* born 1992: three years off, not her */
      deal("Alves Ana", "Alpha", 25, 2020),     /* words in another order */
      deal("\xc3\x81na \xc3\x81lves", "Alpha", 25, 2020), /* accents */
      deal("Ana Alves", "Alpha", 24, 2019),     /* the season before has no stats */
  };
  size_t n = sizeof list / sizeof list[0];
  for (size_t i = 0; ds && i < n; i++) OK(sl_fees_deals_push(ds, &list[i]) == SL_OK, "push %zu", i);
  sl_perf_join_report r;
  INT_EQ(sl_perf_join(ix, ds, &r, &err), SL_OK, "join: %s", err.message);
  INT_EQ(r.deals, n, "deals looked at");
  INT_EQ(r.in_range, n - 1, "all but the 2019 deal have stats of the season before");
  INT_EQ(r.joined, 6, "Ana, Bruno, Carl, Beta's Dan, the reordered and the accented name");
  INT_EQ(r.joined_by_club, 1, "the club decided one");
  INT_EQ(r.joined_born_off, 2, "Bruno and Carl one year off");
  INT_EQ(r.ambiguous, 1, "the Dan Evans of Gamma is ambiguous");
  INT_EQ(r.not_found, 1, "Ana at 28 is not found");
  INT_EQ(r.incomplete, 0, "no term missing");
  INT_EQ(r.joined + r.not_found + r.ambiguous + r.incomplete, r.in_range, "joined + left out = in range");
  SL_CHECK_REL(r.rate, 6.0 / 8, 1e-12, "join rate");
  OK(ds->has_performance, "the deals know they have performance terms");
  static const int joined[] = {1, 1, 1, 0, 1, 0, 1, 1, 0};
  for (size_t i = 0; ds && i < n; i++) {
    const sl_fees_player *p = &ds->deal[i].player;
    INT_EQ(p->stats_season, joined[i] ? 2019 : 0, "deal %zu stats season", i);
    OK(joined[i] ? isfinite(p->starts_share) : isnan(p->starts_share), "deal %zu starts share known iff joined", i);
  }
  if (ds) {
    SL_CHECK_REL(ds->deal[1].player.minutes_share, 0.8, 1e-12, "Bruno's deal got his minutes share");
    SL_CHECK_REL(ds->deal[4].player.npxg_xag_per90, 0.5 / 5, 1e-12, "Beta's Dan: (0.2 + 0.3) over five 90s");
    SL_CHECK_REL(ds->deal[0].player.team_points, 224.0 / 114, 1e-12, "Ana's deal: Alpha's points");
  }
  /* A transfers file's own minutes share is kept; the others come from the stats. */
  sl_fees_deals *ds2 = sl_fees_deals_new();
  sl_fees_deal own = deal("Ana Alves", "Alpha", 25, 2020);
  own.player.minutes_share = 0.5;
  if (ds2 && sl_fees_deals_push(ds2, &own) == SL_OK && sl_perf_join(ix, ds2, NULL, &err) == SL_OK) {
    SL_CHECK_REL(ds2->deal[0].player.minutes_share, 0.5, 0, "own minutes share kept");
    SL_CHECK_REL(ds2->deal[0].player.starts_share, 1, 1e-12, "starts share from the stats");
  } else OK(0, "join of one deal");
  /* sl_perf_terms_of reads the index's own players. */
  sl_perf_terms any;
  INT_EQ(sl_perf_terms_of(ix, 0, &any, &err), SL_OK, "terms of player 0");
  INT_EQ(sl_perf_terms_of(ix, 100000, &any, &err), SL_EINVAL, "no such player");
  STR_EQ(sl_perf_term_name(SL_PERF_TEAM_POINTS), "club points per match", "term name");
  sl_fees_deals_free(ds), sl_fees_deals_free(ds2);
  sl_perf_index_free(ix);
  sl_table_free(t);
  return SL_TEST_DONE();
}
