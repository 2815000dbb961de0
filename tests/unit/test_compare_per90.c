/* test_compare_per90.c - per-90 files recognised column by column: a hand-made mixed table (a
 * total column, a per-90 column found in the data, one named per 90, a ratio), values read as
 * the file gives them and never divided by 90s twice; and the real vinco export (skipped when
 * absent): Balerdi's tackles won 1.07 per 90, as the file says, not 1.07 / 19.6 = 0.05. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fixture.h"
#include "harness.h"
#include "scoutlab/compare.h"

#define VINCO SL_SHARED_DATA "/tm-values-2023/2022-2023 Football Player Stats.csv"
#define TOL 1e-12

/* 24 players, 90s = 2..25 (Min = 90 x 90s). Tkl is a total (3 per 90, whole numbers); Int is
 * already per 90 (1.25 for every row, not growing with time); Sh/90 says so; Cmp% is a ratio. */
static char *mixed_table(void) {
  size_t cap = 4096, off = 0;
  char *buf = malloc(cap);
  off += (size_t)snprintf(buf, cap, "Player,Pos,Squad,Comp,Born,Min,90s,Tkl,Int,Sh/90,Cmp%%\n");
  for (int k = 0; k < 24; k++) {
    int n90 = k + 2;
    /* integers only: the text must not depend on the host's locale (the locale.* run) */
    off += (size_t)snprintf(buf + off, cap - off, "P%02d,DF,Club,xx League,1999,%d,%d,%d,1.%02d,0.%02d,80.5\n", k,
                            90 * n90, n90, 3 * n90, 25 + k % 3, 50 + k % 4);
  }
  return buf;
}

static void test_mixed(void) {
  char *csv = mixed_table();
  sl_table *t = NULL;
  sl_error err;
  INT_EQ(sl_table_load_buffer("mixed.csv", csv, strlen(csv), NULL, &t, &err), SL_OK, "load: %s", err.message);
  free(csv);
  sl_column_scale sc[16];
  sl_per90_report rep;
  INT_EQ(sl_compare_column_scales(t, sc, &rep, &err), SL_OK, "scales");
  INT_EQ(sc[sl_table_column_index(t, "Tkl")], SL_SCALE_TOTAL, "Tkl: whole numbers growing with 90s");
  INT_EQ(sc[sl_table_column_index(t, "Int")], SL_SCALE_PER90, "Int: fractions flat in 90s");
  INT_EQ(sc[sl_table_column_index(t, "Sh/90")], SL_SCALE_PER90, "Sh/90 by its header");
  INT_EQ(sc[sl_table_column_index(t, "Cmp%")], SL_SCALE_RATIO, "Cmp%% a ratio");
  INT_EQ(sc[sl_table_column_index(t, "Min")], SL_SCALE_NONE, "minutes are not a stat");
  INT_EQ(rep.per90_columns, 2, "two per-90 columns");
  INT_EQ(rep.by_header, 1, "one by header");
  OK(rep.whole_file, "2 of 3 count columns per 90: a per-90 file");
  STR_EQ(rep.examples, "Int, Sh/90", "examples");
  /* The index: P00 has 2 nineties, Tkl 6 -> 3.0 per 90; Int 1.25 as given (not 0.625). */
  sl_compare *c = NULL;
  INT_EQ(sl_compare_new(t, NULL, &c, &err), SL_OK, "index");
  static const char profile[] = "role,stat,columns,kind,better,group\n"
                                "centre-back,Tackles,Tkl,per90,higher,d\ncentre-back,Interceptions,Int,per90,higher,d\n"
                                "centre-back,Tackles total,Tkl,total,higher,d\ncentre-back,Int total,Int,total,higher,d\n";
  sl_profiles *pr = NULL;
  INT_EQ(sl_profiles_parse("p.csv", profile, strlen(profile), &pr, &err), SL_OK, "profile: %s", err.message);
  size_t i;
  INT_EQ(sl_compare_find(c, "P00", &i, &err), SL_OK, "find P00");
  double v[4];
  sl_compare_values(c, i, &pr->items[0], v, &err);
  SL_CHECK_REL(v[0], 3.0, TOL, "total column: 6 / 2 nineties");
  SL_CHECK_REL(v[1], 1.25, TOL, "per-90 column used as given");
  SL_CHECK_REL(v[2], 6.0, TOL, "total of a total column");
  SL_CHECK_REL(v[3], 2.5, TOL, "total of a per-90 column: 1.25 x 2 nineties");
  sl_profiles_free(pr);
  sl_compare_free(c);
  sl_table_free(t);
}

static void test_vinco(void) {
  if (access(VINCO, R_OK) != 0) {
    fprintf(stderr, "skip: %s absent\n", VINCO);
    return;
  }
  sl_table *t = sl_test_load(VINCO, NULL);
  sl_compare *c = NULL;
  sl_profiles *pr = NULL;
  sl_error err;
  INT_EQ(sl_compare_new(t, NULL, &c, &err), SL_OK, "vinco index: %s", err.message);
  INT_EQ(sl_profiles_load(SL_DATASETS "/profiles.csv", &pr, &err), SL_OK, "profiles");
  const sl_per90_report *rep = sl_compare_per90(c);
  OK(rep->whole_file, "vinco is a per-90 file (%zu of %zu)", rep->per90_columns, rep->stat_columns);
  size_t i;
  INT_EQ(sl_compare_find(c, "Leonardo Balerdi", &i, &err), SL_OK, "find Balerdi");
  const sl_profile *cb = sl_profiles_find(pr, "centre-back");
  double *v = calloc(cb->nstats, sizeof *v);
  sl_compare_values(c, i, cb, v, &err);
  for (size_t s = 0; s < cb->nstats; s++)
    if (strcmp(cb->stats[s].label, "Tackles won") == 0)
      SL_CHECK_REL(v[s], 1.07, TOL, "Balerdi tackles won per 90, as the file says (TklW 1.07)");
  const sl_player *p = sl_compare_player(c, i);
  SL_CHECK_REL(p->minutes, 1765, TOL, "Balerdi minutes 2022/23 (a total)");
  free(v);
  sl_profiles_free(pr);
  sl_compare_free(c);
  sl_table_free(t);
}

int main(void) {
  test_mixed();
  test_vinco();
  return SL_TEST_DONE();
}
