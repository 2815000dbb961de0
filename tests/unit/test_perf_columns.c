/* test_perf_columns.c - a declared column term read from a stats history (sl_perf_column and the
 * join, issue 15: "any numeric column of the transfers file or of a joined stats file can be a
 * term"), on a hand-made 2019/20 season:
 *   - Eva Ford played for two clubs: Alpha 600 min, 3 goals, 80% passes; Beta 300 min, 1 goal,
 *     70% -> Gls 3 + 1 = 4 (a season total is summed), Cmp% (600 x 80 + 300 x 70) / 900 = 76.67
 *     (any other column is the minutes-weighted mean);
 *   - Gus Hale played for one club: his cells as they are; Ian Jones has no Cmp% (NAN, and a
 *     deal of his is counted incomplete);
 *   - a column no table has is SL_ENOTFOUND and is not read from the stats.
 * Twenty filler players at Alpha and Beta give the scale detection whole-number goals that grow
 * with minutes (a season total) and percentages. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fees_internal.h"
#include "harness.h"
#include "scoutlab/perf.h"

#define HEADER "Player,Squad,Comp,Born,Age,MP,Starts,Min,Gls,Cmp%,season\n"
#define EXACT 1e-12

static size_t row(char *buf, size_t at, size_t size, const char *name, const char *club, int born, int minutes,
                  int goals, const char *cmp) {
  int n = snprintf(buf + at, size - at, "%s,%s,fr Ligue 1,%d,%d,%d,%d,%d,%d,%s,2019\n", name, club, born, 2019 - born,
                   minutes / 90, minutes / 90, minutes, goals, cmp);
  return at + (n > 0 ? (size_t)n : 0);
}

static char *season_csv(void) {
  size_t size = 8192, at = 0;
  char *b = malloc(size);
  if (!b) return NULL;
  at += (size_t)snprintf(b, size, "%s", HEADER);
  at = row(b, at, size, "Eva Ford", "Alpha FC", 1996, 600, 3, "80");
  at = row(b, at, size, "Eva Ford", "Beta FC", 1996, 300, 1, "70");
  at = row(b, at, size, "Gus Hale", "Alpha FC", 1995, 1800, 7, "85.5");
  at = row(b, at, size, "Ian Jones", "Beta FC", 1994, 900, 2, "");
  for (int i = 0; i < 20; i++) {
    char name[32], cmp[16];
    snprintf(name, sizeof name, "Filler %c%c", 'A' + i / 5, 'a' + i % 5);
    snprintf(cmp, sizeof cmp, "%d.%d", 70 + i, i % 10);
    at = row(b, at, size, name, i % 2 ? "Beta FC" : "Alpha FC", 1990 + i % 8, 450 + 90 * i, i / 2, cmp);
  }
  return b;
}

static sl_fees_deal deal(const char *name, const char *club, double age) {
  sl_fees_deal d;
  memset(&d, 0, sizeof d);
  sl_fees_player_init(&d.player);
  d.player.name = name, d.player.club = club, d.player.age = age, d.player.season = 2020;
  d.player.group = SL_FEES_CM, d.fee = 1e6;
  return d;
}

static void check_values(const sl_perf_index *ix) {
  sl_perf_terms t;
  double v;
  OK(sl_perf_find(ix, "Eva Ford", 1996, 2019, NULL, &t) == SL_PERF_FOUND, "Eva found");
  INT_EQ(sl_perf_column(ix, &t, "Gls", &v), SL_OK, "Eva's goals");
  SL_CHECK_REL(v, 4, EXACT, "Eva's goals: a season total summed over her clubs");
  INT_EQ(sl_perf_column(ix, &t, "Cmp%", &v), SL_OK, "Eva's passes");
  SL_CHECK_REL(v, (600 * 80.0 + 300 * 70.0) / 900, EXACT, "Eva's passes: minutes-weighted over her clubs");
  INT_EQ(sl_perf_column(ix, &t, "xG", &v), SL_ENOTFOUND, "a column no table has");
  OK(isnan(v), "no value for it");
  OK(sl_perf_find(ix, "Gus Hale", 1995, 2019, NULL, &t) == SL_PERF_FOUND, "Gus found");
  INT_EQ(sl_perf_column(ix, &t, "Cmp%", &v), SL_OK, "Gus's passes");
  SL_CHECK_REL(v, 85.5, EXACT, "one club: the cell");
  OK(sl_perf_find(ix, "Ian Jones", 1994, 2019, NULL, &t) == SL_PERF_FOUND, "Ian found");
  INT_EQ(sl_perf_column(ix, &t, "Cmp%", &v), SL_OK, "Ian's passes");
  OK(isnan(v), "an empty cell: unknown (%g)", v);
  OK(sl_perf_index_has_column(ix, "Gls") && sl_perf_index_has_column(ix, "Cmp%"), "the stats have Gls and Cmp%%");
  OK(!sl_perf_index_has_column(ix, "xG") && !sl_perf_index_has_column(ix, "Squad"), "no xG; Squad is text");
}

static void check_join(const sl_perf_index *ix) {
  sl_error err;
  sl_fees_deals *ds = sl_fees_deals_new();
  if (!ds) return;
  static const char *const cols[] = {"grade", "Gls", "Cmp%", "xG"};
  for (size_t k = 0; k < 4; k++) ds->column_names[ds->ncolumns++] = strdup(cols[k]);
  ds->has_columns = 1u; /* "grade" is the transfers' own column */
  sl_fees_deal list[] = {deal("Eva Ford", "Alpha", 24), deal("Gus Hale", "Alpha", 25), deal("Ian Jones", "Beta", 26)};
  list[0].player.column[0] = 7;
  for (size_t i = 0; i < 3; i++) OK(sl_fees_deals_push(ds, &list[i]) == SL_OK, "push %zu", i);
  sl_perf_join_report r;
  INT_EQ(sl_perf_join(ix, ds, &r, &err), SL_OK, "join: %s", err.message);
  INT_EQ((int)r.columns, 0x6, "Gls and Cmp%% read from the stats; grade is the transfers', xG nowhere");
  INT_EQ((int)ds->has_columns, 0x7, "the deals have grade, Gls and Cmp%% now");
  INT_EQ((int)r.joined, 2, "Eva and Gus joined");
  INT_EQ((int)r.incomplete, 1, "Ian has no Cmp%%: incomplete, not joined");
  SL_CHECK_REL(ds->deal[0].player.column[0], 7, 0, "the transfers' own column kept");
  SL_CHECK_REL(ds->deal[0].player.column[1], 4, EXACT, "Eva's deal: her goals of the season before");
  SL_CHECK_REL(ds->deal[1].player.column[2], 85.5, EXACT, "Gus's deal: his passes");
  OK(isnan(ds->deal[0].player.column[3]), "xG stays unknown");
  INT_EQ(ds->deal[2].player.stats_season, 0, "Ian's deal not joined");
  OK(isnan(ds->deal[2].player.column[1]), "nothing written into a deal left out");
  sl_fees_deals_free(ds);
}

int main(void) {
  sl_error err;
  char *csv = season_csv();
  sl_table *t = NULL;
  if (csv) INT_EQ(sl_table_load_buffer("season.csv", csv, strlen(csv), NULL, &t, &err), SL_OK, "load: %s", err.message);
  free(csv);
  sl_perf_index *ix = NULL;
  if (t) INT_EQ(sl_perf_index_new(t, NULL, 0, &ix, &err), SL_OK, "index: %s", err.message);
  if (ix) {
    check_values(ix);
    check_join(ix);
  }
  sl_perf_index_free(ix);
  sl_table_free(t);
  return SL_TEST_DONE();
}
