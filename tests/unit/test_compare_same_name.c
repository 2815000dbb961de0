/* test_compare_same_name.c - rows of one name, birth year and season are one player's clubs only
 * while their league matches fit one season (SL_COMPARE_SEASON_MATCHES_MAX): two Vitinhas of 23
 * and 28 matches, with a third row of 5, are three players whatever the rows' order, counted once;
 * a winter mover of 10 + 12 matches is one player. */
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

static void check(const char *text, size_t k) {
  char path[] = "/tmp/sl_same_name_XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return;
  FILE *f = fdopen(fd, "w");
  fputs(text, f);
  fclose(f);
  sl_table *t = NULL;
  sl_compare *c = NULL;
  sl_error err;
  INT_EQ(sl_table_load(path, NULL, &t, &err), SL_OK, "order %zu: load: %s", k, err.message);
  sl_compare_options o = {0};
  if (t) INT_EQ(sl_compare_new(t, &o, &c, &err), SL_OK, "order %zu: index: %s", k, err.message);
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
  remove(path);
}

int main(void) {
  for (size_t k = 0; k < sizeof orders / sizeof orders[0]; k++) check(orders[k], k);
  return SL_TEST_DONE();
}
