/* sl_table_load_yearly on ../shared/data/fbref-big5-yearly (skipped when absent): eight seasons of
 * ten tables joined per season by player, club and birth year. Expected figures: rows per season
 * and Balerdi's minutes from its SOURCE.txt; the playing_time rows not joined are its unused
 * substitutes (no minutes: `check playing_time/2024.csv` shows 654 missing Mins). */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "harness.h"
#include "scoutlab/names.h"
#include "scoutlab/table.h"

static double minutes_of(const sl_table *t, const char *player, int season) {
  const sl_column *p = sl_table_role(t, SL_ROLE_PLAYER), *m = sl_table_role(t, SL_ROLE_MINUTES),
                  *s = sl_table_role(t, SL_ROLE_SEASON);
  for (size_t r = 0; p && m && s && r < t->nrows; r++)
    if (p->text[r] && strcmp(p->text[r], player) == 0 && s->num[r] == season) return m->num[r];
  return NAN;
}

int main(void) {
  char root[1024];
  snprintf(root, sizeof root, "%s/fbref-big5-yearly", SL_SHARED_DATA);
  struct stat sb;
  if (stat(root, &sb) != 0) {
    fprintf(stderr, "skipped: %s is absent\n", root);
    return 77;
  }
  sl_error err;
  sl_schema_map *m = sl_schema_map_new();
  OK(sl_schema_map_add_spec(m, "player=Plyaer,league=Leauge", &err) == SL_OK, "map"); /* both sic */
  sl_load_options opt = {.map = m};
  sl_table *t = NULL;
  sl_join_report *rep = NULL;
  INT_EQ(sl_table_load_yearly(root, NULL, 0, 0, 0, &opt, &t, &rep, &err), SL_OK, "loads: %s %s", err.file, err.message);
  if (t && rep) {
    static const size_t rows[] = {2692, 2656, 2732, 2822, 2922, 2889, 2852, 2854}; /* SOURCE.txt */
    size_t total = 0;
    for (int i = 0; i < 8; i++) total += rows[i];
    INT_EQ(rep->seasons, 8, "eight seasons");
    INT_EQ(rep->nparts, 80, "ten tables each");
    INT_EQ(t->nrows, total, "one row per standard row");
    INT_EQ(t->rows_read, t->nrows + t->nskipped, "read = used + skipped");
    for (size_t i = 0; i < rep->nparts; i++) {
      const sl_join_part *p = &rep->parts[i];
      size_t base = rows[p->season - 2017];
      INT_EQ(p->ambiguous, 0, "%d %s: no ambiguous key", p->season, p->label);
      if (strncmp(p->label, "keepers", 7) == 0) {
        INT_EQ(p->matched, p->rows, "%d %s: every keeper joined", p->season, p->label);
      } else if (strcmp(p->label, "playing_time") == 0) {
        INT_EQ(p->matched, base, "%d playing_time: every standard row found", p->season);
        INT_EQ(p->matched + p->unmatched, p->rows, "%d playing_time: the rest listed", p->season);
      } else {
        INT_EQ(p->matched, base, "%d %s: every row joined", p->season, p->label);
        INT_EQ(p->unmatched, 0, "%d %s: nothing unmatched", p->season, p->label);
      }
      /* 2017/18's exact duplicate row (Emanuele Torrasi, Milan; an outfield player) pairs in file order. */
      if (p->season == 2017 && strcmp(p->label, "standard") != 0 && strncmp(p->label, "keepers", 7) != 0)
        INT_EQ(p->paired_in_order, 2, "2017 %s: the duplicate pair", p->label);
    }
    SL_CHECK_REL(minutes_of(t, "Leonardo Balerdi", 2020), 1634, 0, "Balerdi 2020/21");
    SL_CHECK_REL(minutes_of(t, "Leonardo Balerdi", 2022), 2639, 0, "Balerdi 2022/23");
    SL_CHECK_REL(minutes_of(t, "Leonardo Balerdi", 2023), 2271, 0, "Balerdi 2023/24");
    SL_CHECK_REL(minutes_of(t, "Leonardo Balerdi", 2024), 2273, 0, "Balerdi 2024/25");
    OK(sl_table_column(t, "Clearences") && sl_table_column(t, "ProgPassesRecieved") && sl_table_column(t, "AerialsWon"),
       "defense, possession and misc columns present");
    OK(sl_table_role(t, SL_ROLE_LEAGUE) == sl_table_column(t, "Comp"), "the base keeps its league column");
  }
  sl_table_free(t);
  sl_join_report_free(rep);
  sl_schema_map_free(m);
  return SL_TEST_DONE();
}
