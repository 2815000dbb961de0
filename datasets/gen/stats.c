/* stats.c - season totals of each players.csv row, drawn from per-90 rates by position.
 *
 * Base rates are round numbers of the size FBref shows for Big-5 players of each role
 * (centre-backs clear and win aerials, full-backs carry, wingers shoot and create, forwards
 * shoot most). A row's rate = base x exp(effects), effects from the player's ability, his
 * personal style (four log multipliers) and his team's strength; totals are Poisson or
 * binomial draws on the row's minutes, so per-90 values are noisier for short seasons, as
 * in real data. */
#include "gen_world.h"

#include <math.h>

typedef struct role_rates {
  double sh, xg_per_shot, xag, prgc, prgp, att, cmp_pct, pass_length, prog_share;
  double tkl, intc, blocks, clr, err, recov, aerials, won_pct, dis, sca;
} role_rates;

/* Per 90 minutes (cmp_pct and won_pct in %, pass_length in metres per completed pass,
 * prog_share = PrgDist / TotDist). */
static const role_rates rates[GEN_N_POS] = {
    [P_GK] = {0.0, 0.0, 0.005, 0.0, 0.1, 30, 72, 35, 0.55, 0.02, 0.05, 0.0, 0.6, 0.06, 1.0, 0.1, 85, 0.0, 0.1},
    [P_CB] = {0.6, 0.09, 0.02, 0.5, 3.5, 60, 87, 19, 0.38, 1.3, 1.2, 1.3, 4.5, 0.05, 5.0, 4.6, 62, 0.2, 0.6},
    [P_RB] = {0.5, 0.07, 0.12, 2.2, 4.5, 50, 80, 15, 0.30, 2.0, 1.0, 1.1, 1.8, 0.03, 5.5, 2.2, 50, 0.7, 1.8},
    [P_LB] = {0.5, 0.07, 0.12, 2.2, 4.5, 50, 80, 15, 0.30, 2.0, 1.0, 1.1, 1.8, 0.03, 5.5, 2.2, 50, 0.7, 1.8},
    [P_DM] = {0.8, 0.07, 0.08, 1.0, 6.0, 60, 87, 17, 0.30, 2.5, 1.3, 1.2, 1.5, 0.04, 6.5, 2.5, 52, 0.8, 1.8},
    [P_CM] = {1.2, 0.08, 0.12, 1.5, 5.5, 52, 84, 16, 0.28, 2.0, 0.9, 1.0, 0.8, 0.03, 5.5, 1.6, 46, 1.0, 2.6},
    [P_AM] = {2.0, 0.10, 0.20, 2.5, 4.5, 40, 79, 13, 0.25, 1.3, 0.4, 0.6, 0.3, 0.02, 4.0, 0.9, 36, 1.6, 3.6},
    [P_LW] = {2.3, 0.11, 0.18, 4.0, 3.0, 32, 76, 12, 0.22, 1.1, 0.3, 0.5, 0.3, 0.01, 3.5, 0.8, 32, 2.0, 3.8},
    [P_RW] = {2.3, 0.11, 0.18, 4.0, 3.0, 32, 76, 12, 0.22, 1.1, 0.3, 0.5, 0.3, 0.01, 3.5, 0.8, 32, 2.0, 3.8},
    [P_CF] = {2.8, 0.15, 0.10, 1.2, 1.3, 22, 69, 11, 0.20, 0.6, 0.2, 0.4, 0.6, 0.01, 2.2, 4.0, 42, 1.8, 2.6},
};

enum { STYLE_ATTACK, STYLE_PASS, STYLE_DEFEND, STYLE_AERIAL };

static double clampd(double x, double lo, double hi) { return x < lo ? lo : x > hi ? hi : x; }

static void attacking(gen_world *w, gen_row *r, const role_rates *b, const gen_player *p, double n90) {
  gen_rng *g = &w->rng;
  double a = r->ability, mult = exp(0.25 * a + p->style[STYLE_ATTACK]);
  r->sh = gen_rng_poisson(g, b->sh * mult * n90);
  r->xg = r->sh * b->xg_per_shot * exp(0.05 * a + 0.15 * gen_rng_normal(g));
  r->gls = gen_rng_poisson(g, r->xg);
  r->sot = gen_rng_binomial(g, r->sh, clampd(0.33 + 0.03 * a, 0.1, 0.6));
  r->xag = b->xag * mult * n90 * exp(0.15 * gen_rng_normal(g));
  r->ast = gen_rng_poisson(g, r->xag);
  r->prgc = gen_rng_poisson(g, b->prgc * mult * n90);
  r->sca = gen_rng_poisson(g, b->sca * mult * n90);
  r->dis = gen_rng_poisson(g, b->dis * exp(0.5 * p->style[STYLE_ATTACK]) * n90);
}

static void passing(gen_world *w, gen_row *r, const role_rates *b, const gen_player *p, double n90,
                    double team) {
  gen_rng *g = &w->rng;
  double mult = exp(0.12 * team + p->style[STYLE_PASS]);
  r->att = gen_rng_poisson(g, b->att * mult * n90);
  r->prgp = gen_rng_poisson(g, b->prgp * mult * n90);
  double pct = clampd(b->cmp_pct + 2.0 * r->ability + 1.5 * (team - 1.0) + 20 * p->style[STYLE_PASS], 45, 97);
  r->cmp = gen_rng_binomial(g, r->att, pct / 100);
  r->totdist = (int)floor(r->cmp * b->pass_length * exp(0.05 * gen_rng_normal(g)) + 0.5);
  r->prgdist = (int)floor(r->totdist * b->prog_share * exp(0.08 * gen_rng_normal(g)) + 0.5);
}

static void defending(gen_world *w, gen_row *r, const role_rates *b, const gen_player *p, double n90,
                      double team) {
  gen_rng *g = &w->rng;
  double rel = r->ability - team;
  double mult = exp(-0.08 * team + 0.1 * rel + p->style[STYLE_DEFEND]);
  r->tkl = gen_rng_poisson(g, b->tkl * mult * n90);
  r->tklw = gen_rng_binomial(g, r->tkl, clampd(0.6 + 0.05 * rel, 0.3, 0.85));
  r->intc = gen_rng_poisson(g, b->intc * mult * n90);
  r->blocks = gen_rng_poisson(g, b->blocks * mult * n90);
  r->clr = gen_rng_poisson(g, b->clr * exp(-0.2 * team + p->style[STYLE_DEFEND]) * n90);
  r->err = gen_rng_poisson(g, b->err * exp(-0.4 * r->ability) * n90);
  r->recov = gen_rng_poisson(g, b->recov * mult * n90);
  int aerials = gen_rng_poisson(g, b->aerials * exp(p->style[STYLE_AERIAL]) * n90);
  double won = clampd(b->won_pct + 4 * rel + 40 * p->style[STYLE_AERIAL], 10, 92);
  r->won = gen_rng_binomial(g, aerials, won / 100);
  r->lost = aerials - r->won;
}

/* On-off (goal and xG difference per 90 with him on minus off): his edge over the team plus
 * noise that shrinks with minutes. Undefined with no minutes on, or none off. */
static void on_off(gen_world *w, gen_row *r, double n90, double team) {
  int team_minutes = 90 * w->clubs[r->club].matches;
  r->has_on_off = r->min > 0 && r->min < team_minutes;
  if (!r->has_on_off) return;
  double rel = r->ability - team, scale = 1.0 / sqrt(n90 < 1 ? 1 : n90);
  r->on_off = 0.8 * rel + 1.5 * scale * gen_rng_normal(&w->rng);
  r->xg_on_off = 0.5 * rel + 0.8 * scale * gen_rng_normal(&w->rng);
}

void gen_season_stats(gen_world *w, int season) {
  for (int i = 0; i < w->n_rows; i++) {
    gen_row *r = &w->rows[i];
    if (r->season != season) continue;
    const gen_player *p = &w->players[r->player];
    const role_rates *b = &rates[p->pos];
    double n90 = r->min / 90.0, team = w->clubs[r->club].strength;
    attacking(w, r, b, p, n90);
    passing(w, r, b, p, n90, team);
    defending(w, r, b, p, n90, team);
    on_off(w, r, n90, team);
  }
}
