/* Tests for sl_table_join / sl_table_load_season / sl_table_load_yearly: the tables of one season
 * joined by player, club and birth year, with every row accounted for. Expected values are
 * written by hand from the small tables below. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "scoutlab/table.h"

static sl_table *load(const char *name, const char *csv) {
  sl_table *t = NULL;
  sl_error err;
  if (sl_table_load_buffer(name, csv, strlen(csv), NULL, &t, &err) != SL_OK) fprintf(stderr, "%s\n", err.message);
  return t;
}

static double num(const sl_table *t, const char *col, size_t row) {
  const sl_column *c = sl_table_column(t, col);
  double v = NAN;
  if (c) sl_table_number(t, c, row, &v);
  return v;
}

static void join_basic(void) {
  sl_table *std = load("standard/2024.csv",
                       "Player,Squad,Born,Age,Min,TklW\n"
                       "Leonardo Balerdi,Marseille,1999,25,2273,30\n"
                       "Ivan Ivanov,Lyon,2000,24,900,5\n"
                       "Ivan Ivanov,Lyon,2000,24,900,5\n"   /* an exact duplicate row */
                       "Same Name,Nice,1995,29,100,1\n"
                       "Same Name,Nice,1995,29,200,2\n"     /* two players, one key */
                       "No Partner,Lens,2001,23,50,0\n");
  sl_table *def = load("defense/2024.csv",
                       "Name,Club,YearBorn,Age,Clearences,TklW\n"
                       "LEONARDO BALERDI,Marseille,1999,25,80,31\n" /* case folded; TklW differs */
                       "Ivan Ivanov,Lyon,2000,24,10,5\n"
                       "Ivan Ivanov,Lyon,2000,24,11,5\n"
                       "Same Name,Nice,1995,29,3,1\n"
                       "Stranger,Brest,1990,34,7,0\n");
  OK(std && def, "tables load");
  if (!std || !def) return;
  const sl_table *parts[] = {std, def};
  sl_table *t = NULL;
  sl_join_report *rep = NULL;
  sl_error err;
  INT_EQ(sl_table_join(parts, 2, NULL, &t, &rep, &err), SL_OK, "join");
  if (t && rep) {
    INT_EQ(t->nrows, 6, "one row per base row");
    INT_EQ(rep->nparts, 2, "two parts");
    STR_EQ(rep->key, "player + club + born", "key");
    const sl_join_part *p = &rep->parts[1];
    INT_EQ(p->rows, 5, "defense rows");
    INT_EQ(p->matched, 3, "Balerdi and both Ivanov rows joined");
    INT_EQ(p->paired_in_order, 2, "the duplicate pair in file order");
    INT_EQ(p->ambiguous, 1, "Same Name is on two base rows and one here");
    INT_EQ(p->unmatched, 1, "Stranger has no base row");
    INT_EQ(p->base_without, 3, "two Same Name rows and No Partner have no defense row");
    INT_EQ(p->columns_shared, 1, "Age equal: not repeated");
    INT_EQ(p->columns_added, 2, "Clearences and TklW_defense");
    INT_EQ(p->columns_renamed, 1, "TklW kept under its table's name");
    STR_EQ(p->label, "defense", "label from the folder");
    SL_CHECK_REL(num(t, "Clearences", 0), 80, 0, "Balerdi's clearances");
    SL_CHECK_REL(num(t, "TklW_defense", 0), 31, 0, "defense's TklW");
    SL_CHECK_REL(num(t, "TklW", 0), 30, 0, "standard's TklW kept");
    SL_CHECK_REL(num(t, "Clearences", 1), 10, 0, "first Ivanov pairs with the first");
    SL_CHECK_REL(num(t, "Clearences", 2), 11, 0, "second with the second");
    OK(isnan(num(t, "Clearences", 3)), "ambiguous: not joined");
    OK(isnan(num(t, "Clearences", 5)), "no partner: missing");
    OK(sl_table_column(t, "Name") == NULL && sl_table_column(t, "YearBorn") == NULL, "key columns dropped");
    INT_EQ(t->rows_read, t->nrows + t->nskipped, "read = used + skipped");
    INT_EQ(t->nskipped, 2, "the two rows not joined are listed");
    if (t->nskipped == 2) {
      STR_EQ(t->files[t->skipped[0].file], "defense/2024.csv", "skipped row's file");
      INT_EQ(t->skipped[0].line, 5, "Same Name's line in defense");
      STR_EQ(t->skipped[0].reason, "not joined: its player, club and birth year is on 2 rows of standard/2024.csv "
                                   "and 1 rows here", "ambiguous reason");
      STR_EQ(t->skipped[1].reason, "not joined: no row of standard/2024.csv has this row's player, club and birth year",
             "unmatched reason");
    }
    OK(sl_table_role(t, SL_ROLE_MINUTES) == sl_table_column(t, "Min"), "roles given again");
  }
  sl_table_free(t);
  sl_join_report_free(rep);
  sl_table_free(std);
  sl_table_free(def);
}

static void join_needs_player(void) {
  /* a header no schema spelling names ("Plyaer" of the yearly passing table now is one) */
  sl_table *a = load("a.csv", "Player,Min\nA,1\n"), *b = load("b.csv", "Nom,Min\nA,1\n");
  const sl_table *parts[] = {a, b};
  sl_table *t = NULL;
  sl_error err;
  INT_EQ(sl_table_join(parts, 2, NULL, &t, NULL, &err), SL_ENOTFOUND, "no player column");
  STR_EQ(err.file, "b.csv", "names the file");
  OK(strstr(err.message, "player=COLUMN") != NULL, "says how to map it");
  sl_schema_map *m = sl_schema_map_new();
  sl_schema_map_add_spec(m, "player=Nom", &err);
  sl_table_free(b);
  sl_load_options opt = {.map = m};
  b = NULL;
  sl_table_load_buffer("b.csv", "Nom,Min\nA,1\n", 12, &opt, &b, &err);
  parts[1] = b;
  INT_EQ(sl_table_join(parts, 2, m, &t, NULL, &err), SL_OK, "joins with the mapping");
  if (t) INT_EQ(t->nrows, 1, "one row");
  sl_table_free(t);
  sl_schema_map_free(m);
  sl_table_free(a);
  sl_table_free(b);
}

static void write_file(const char *path, const char *text) {
  FILE *f = fopen(path, "w");
  if (f) fputs(text, f), fclose(f);
}

/* Two seasons in the yearly layout: a season column, seasons never added up. */
static void yearly(void) {
  char root[] = "/tmp/sl_yearly_XXXXXX";
  if (!mkdtemp(root)) return;
  char p[256];
  const char *dirs[] = {"standard", "misc"};
  for (int i = 0; i < 2; i++) snprintf(p, sizeof p, "%s/%s", root, dirs[i]), mkdir(p, 0700);
  snprintf(p, sizeof p, "%s/standard/2023.csv", root);
  write_file(p, "Player,Squad,Born,Min\nA,X,2000,900\nB,Y,1999,450\n");
  snprintf(p, sizeof p, "%s/standard/2024.csv", root);
  write_file(p, "Player,Squad,Born,Min\nA,X,2000,1800\n");
  snprintf(p, sizeof p, "%s/misc/2024.csv", root);
  write_file(p, "Name,Club,YearBorn,AerialsWon,\nA,X,2000,12,\n");
  sl_table *t = NULL;
  sl_join_report *rep = NULL;
  sl_error err;
  INT_EQ(sl_table_load_yearly(root, NULL, 0, 0, 0, NULL, &t, &rep, &err), SL_OK, "yearly loads: %s", err.message);
  if (t && rep) {
    INT_EQ(t->nrows, 3, "2 + 1 rows, stacked");
    INT_EQ(rep->seasons, 2, "two seasons");
    INT_EQ(rep->nparts, 3, "standard 2023, standard 2024, misc 2024");
    const sl_column *s = sl_table_role(t, SL_ROLE_SEASON);
    OK(s && s->type == SL_TYPE_NUMBER, "a season column");
    if (s) SL_CHECK_REL(s->num[2], 2024, 0, "last row is 2024");
    SL_CHECK_REL(num(t, "Min", 0), 900, 0, "A 2023 minutes not added to 2024's");
    SL_CHECK_REL(num(t, "Min", 2), 1800, 0, "A 2024 minutes");
    SL_CHECK_REL(num(t, "AerialsWon", 2), 12, 0, "misc joined in 2024");
    OK(isnan(num(t, "AerialsWon", 0)), "2023 has no misc table: missing");
    INT_EQ(rep->parts[2].season, 2024, "part season");
    INT_EQ(t->rows_read, t->nrows + t->nskipped, "read = used + skipped");
    sl_table *one = NULL;
    int chosen = 0;
    OK(sl_table_season_subset(t, 0, &one, &chosen, &err) == SL_OK && one && one->nrows == 1 && chosen == 2024,
       "the latest season picked by the season subset");
    sl_table_free(one);
  }
  sl_table_free(t);
  sl_join_report_free(rep);
  INT_EQ(sl_table_load_yearly(root, NULL, 0, 2019, 2019, NULL, &t, &rep, &err), SL_ENOTFOUND, "absent season");
  snprintf(p, sizeof p, "rm -rf '%s'", root);
  if (system(p) != 0) fprintf(stderr, "note: could not remove %s\n", root);
}

int main(void) {
  join_basic();
  join_needs_player();
  yearly();
  return SL_TEST_DONE();
}
