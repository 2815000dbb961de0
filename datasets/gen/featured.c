/* featured.c - the demo's featured player, written by hand so the main demo has a fixed story.
 *
 * Tobías Quirandel (fictional), a Miravalian centre-back born 11 March 1998, follows the arc
 * of a real case (a young defender bought dear from abroad, little used, loaned to a big club
 * of a mid-priced league, then bought, now a regular whose club asks EUR 25m):
 *   2015-2018  Club Atlético Puerto Zafiro (outside the five leagues)
 *   2018/19    winter: to SV Krennwald (Borealian Meisterliga), fee 15.5m, market value 2.5m
 *   2020/21    summer: loan to Olympique Sabreval (Valmorian Ligue), loan fee 1.0m
 *   2021/22    summer: back to Krennwald, then bought by Sabreval, fee 11.0m
 *   2023/24    summer: contract extended to 30 June 2027
 * His fees and market values are set here, not drawn from the models; his minutes and season
 * totals come from the same match simulation as everyone else's. */
#include "gen_world.h"

#include <string.h>

#define FEATURED_TALENT 1.75  /* q0: a regular at Sabreval (strength ~1.37) by 24 */
#define FEATURED_BORN_YEAR 1998
#define FEATURED_BORN_MONTH 3
#define FEATURED_BORN_DAY 11
#define FEATURED_NATION 5     /* Miraval */

double gen_featured_value(int season) {
  /* Transfermarkt-style valuations on 1 October of each season, EUR. */
  static const double by_season[] = {5.0e6, 7.0e6, 9.0e6, 12.0e6, 15.0e6, 18.0e6};
  int k = season - GEN_FIRST_OUTPUT_SEASON;
  return k >= 0 && k < (int)(sizeof by_season / sizeof by_season[0]) ? by_season[k] : -1;
}

int gen_featured_create(gen_world *w, int season) {
  int club = gen_club_index(w, "Club Atlético Puerto Zafiro");
  if (club < 0) return -1;
  int age = season - FEATURED_BORN_YEAR - 1; /* born in March: age on 1 August */
  if (FEATURED_BORN_MONTH < 8) age++;
  int idx = gen_player_new(w, club, P_CB, age, 0.0, season);
  if (idx < 0) return -1;
  gen_player *p = &w->players[idx];
  /* The random name drawn for this slot stays reserved in the name set; the market's name
   * check also refuses the featured name (see world.c name_taken). */
  snprintf(p->name, sizeof p->name, "%s", GEN_FEATURED_NAME);
  snprintf(p->pos_label, sizeof p->pos_label, "DF");
  p->nation = FEATURED_NATION;
  p->by = FEATURED_BORN_YEAR;
  p->bm = FEATURED_BORN_MONTH;
  p->bd = FEATURED_BORN_DAY;
  p->q0 = FEATURED_TALENT;
  p->style[0] = -0.05; /* a ball-playing stopper: good passer, strong in the air */
  p->style[1] = 0.15;
  p->style[2] = 0.10;
  p->style[3] = 0.15;
  p->hype = 0;
  p->contract_end = 2019;
  p->scripted = 1;
  w->featured = idx;
  return 0;
}

int gen_featured_script(gen_world *w, int season, int window) {
  int f = w->featured;
  int krennwald = gen_club_index(w, "SV Krennwald"), sabreval = gen_club_index(w, GEN_FEATURED_CLUB);
  if (f < 0 || krennwald < 0 || sabreval < 0) return -1;
  gen_player *p = &w->players[f];
  if (season == 2018 && window == 1) {
    if (gen_move_player(w, f, krennwald, MOVE_PAID, season, window, 15.5e6, 2.5e6)) return -1;
    w->players[f].contract_end = 2023;
  } else if (season == 2020 && window == 0) {
    if (gen_move_player(w, f, sabreval, MOVE_LOAN, season, window, 1.0e6, 7.0e6)) return -1;
  } else if (season == 2021 && window == 0) {
    if (gen_move_player(w, f, sabreval, MOVE_PAID, season, window, 11.0e6, 9.0e6)) return -1;
    w->players[f].contract_end = 2026;
  } else if (season == 2023 && window == 0) {
    p->contract_end = 2027;
  }
  return 0;
}
