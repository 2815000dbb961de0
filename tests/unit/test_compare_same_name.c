/* test_compare_same_name.c - rows of one name, birth year and season are one player's clubs only
 * while their league matches fit one season (38 matchdays or the data's longest, plus 4): two
 * Vitinhas of 23 and 28 matches, with a third row of 5, are three players whatever the rows' order,
 * counted once; a winter mover of 10 + 12 matches is one player; in a 24-club league (a row of 46
 * matches) 24 + 23 is one player and 30 + 25 two. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "harness.h"
#include "scoutlab/compare.h"

static const char *const orders[] = {
    "Player,Pos,Squad,Comp,Age,Born,MP,Min\n"
    "Vitinha,FW,Genoa,it Serie A,25,2000,23,1190\n"
    "Vitinha,MF,Paris S-G,fr Ligue 1,25,2000,28,1952\n"
    "Vitinha,MF,Lazio,it Serie A,25,2000,5,300\n"
    "Kyle Walker,DF,Manchester City,eng Premier League,34,1990,10,970\n"
    "Kyle Walker,DF,Milan,it Serie A,34,1990,12,659\n",
    "Player,Pos,Squad,Comp,Age,Born,MP,Min\n"
    "Kyle Walker,DF,Milan,it Serie A,34,1990,12,659\n"
    "Vitinha,MF,Lazio,it Serie A,25,2000,5,300\n"
    "Vitinha,MF,Paris S-G,fr Ligue 1,25,2000,28,1952\n"
    "Kyle Walker,DF,Manchester City,eng Premier League,34,1990,10,970\n"
    "Vitinha,FW,Genoa,it Serie A,25,2000,23,1190\n",
};

static const char longer_season[] =
    "Player,Pos,Squad,Comp,Age,Born,MP,Min\n"
    "Ever Present,DF,Town A,eng Championship,28,1997,46,4140\n"
    "Winter Mover,MF,Town B,eng Championship,24,2001,24,2000\n"
    "Winter Mover,MF,Town C,eng Championship,24,2001,23,1900\n"
    "Two Men,FW,Town D,eng Championship,22,2003,30,2400\n"
    "Two Men,FW,Town E,eng Championship,22,2003,25,2000\n";

/* The stats `text` indexed by sl_compare_new (NULL on failure, reported); the file is removed. */
static sl_compare *index_text(const char *text, size_t k, sl_table **t) {
  char path[] = "/tmp/sl_same_name_XXXXXX";
  int fd = mkstemp(path);
  *t = NULL;
  if (fd < 0) return NULL;
  FILE *f = fdopen(fd, "w");
  fputs(text, f);
  fclose(f);
  sl_compare *c = NULL;
  sl_error err;
  INT_EQ(sl_table_load(path, NULL, t, &err), SL_OK, "case %zu: load: %s", k, err.message);
  sl_compare_options o = {0};
  if (*t) INT_EQ(sl_compare_new(*t, &o, &c, &err), SL_OK, "case %zu: index: %s", k, err.message);
  remove(path);
  return c;
}

static void check_longer_season(void) {
  sl_table *t;
  sl_compare *c = index_text(longer_season, 99, &t);
  if (c) {
    const sl_compare_report *r = sl_compare_summary(c);
    INT_EQ(r->players, 4, "24-club league: Ever Present, Winter Mover and two of Two Men");
    INT_EQ(r->players_same_name, 2, "24-club league: 30 + 25 matches are two people");
    INT_EQ(r->players_multi_club, 1, "24-club league: 24 + 23 matches are one player's clubs");
  }
  sl_compare_free(c);
  sl_table_free(t);
}

/* A name with parentheses of its own is found as written, not read as "Name (club)". */
static void check_parentheses(void) {
  sl_table *t;
  sl_error err;
  sl_compare *c = index_text("Player,Pos,Squad,Comp,Age,Born,MP,Min\n"
                             "Ronaldo (R9),FW,Club A,Test League,25,2000,20,1800\n"
                             "\"=HYPERLINK(\"\"x\"\",\"\"Derek\"\")\",DF,Club B,Test League,25,2000,20,1800\n"
                             "Ronaldo,FW,Club C,Test League,25,2000,20,1800\n", 98, &t);
  size_t i;
  if (c) {
    INT_EQ(sl_compare_find(c, "Ronaldo (R9)", &i, &err), SL_OK, "a name with parentheses: %s", err.message);
    STR_EQ(sl_compare_player(c, i)->name, "Ronaldo (R9)", "the one so named");
    INT_EQ(sl_compare_find(c, "=HYPERLINK(\"x\",\"Derek\")", &i, &err), SL_OK, "a formula-like name: %s", err.message);
    INT_EQ(sl_compare_find(c, "Ronaldo (Club C)", &i, &err), SL_OK, "a club qualifier still: %s", err.message);
    STR_EQ(sl_compare_player(c, i)->name, "Ronaldo", "Club C's");
  }
  sl_compare_free(c);
  sl_table_free(t);
}

static void check(const char *text, size_t k) {
  sl_table *t;
  sl_error err;
  sl_compare *c = index_text(text, k, &t);
  if (c) {
    const sl_compare_report *r = sl_compare_summary(c);
    INT_EQ(r->players, 4, "order %zu: three Vitinhas and one Walker", k);
    INT_EQ(r->players_same_name, 3, "order %zu: the three rows kept apart, counted once", k);
    INT_EQ(r->players_multi_club, 1, "order %zu: Walker's two clubs combined", k);
    size_t i;
    INT_EQ(sl_compare_find(c, "Vitinha", &i, &err), SL_EAMBIG, "order %zu: 'Vitinha' asks which one", k);
    INT_EQ(sl_compare_find(c, "Vitinha (Lazio)", &i, &err), SL_OK, "order %zu: Lazio's: %s", k, err.message);
    SL_CHECK_REL(sl_compare_player(c, i)->minutes, 300, 0, "order %zu: his minutes alone", k);
  }
  sl_compare_free(c);
  sl_table_free(t);
}

int main(void) {
  for (size_t k = 0; k < sizeof orders / sizeof orders[0]; k++) check(orders[k], k);
  check_longer_season();
  check_parentheses();
  return SL_TEST_DONE();
}
