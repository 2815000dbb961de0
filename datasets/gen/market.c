/* market.c - transfer windows of the demo world and the recording of every move.
 *
 * A window runs, in order: loan returns, retirements, contract expiries and extensions
 * (summer only); players who outgrew their club sold upward; unused players released or sold
 * downward; young players without minutes loaned out; squads refilled position by position
 * (from other covered clubs, the outside world or the academy); oversized squads trimmed.
 * Who moves depends on latent ability; what is paid depends only on the printed columns
 * through the fee model (model.c), so the fee model is exactly identifiable. */
#include "gen_world.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>


#define MV_MISSING_COVERED 0.05  /* market value not listed: moves from a covered club */
#define MV_MISSING_OUTSIDE 0.15  /* ... from a club outside: fewer community estimates */
#define FEE_UNDISCLOSED 0.10     /* paid fee not reported */
#define LOAN_FEE_SHARE 0.20      /* loans that carry a fee */
#define WINTER_ACTIVITY 0.15     /* winter moves relative to summer */
enum { MAX_CLUBS = 256 };        /* room for the club table (124 clubs) */

static int is_covered(const gen_world *w, int club) { return club >= 0 && w->clubs[club].league >= 0; }


static int window_id(int season, int window) { return season * 2 + window; }

/* Can the market move player i in this window? */
static int movable(const gen_world *w, int i, int season, int window) {
  const gen_player *p = &w->players[i];
  return !p->retired && !p->scripted && p->loan_club < 0 && p->club >= 0 &&
         p->moved_window != window_id(season, window);
}

/* ---------------------------------------------------------------- recording a move */

static void transfer_date(int season, int window, int *y, int *m, int *d) {
  *y = window ? season + 1 : season;
  *m = window ? 1 : 7;
  *d = 15;
}

/* Whole months from the window to the 30 June expiry: July -> June is 11, January -> June 5. */
static int months_left(int contract_end, int season, int window) {
  int months = window ? 12 * (contract_end - season - 1) + 5 : 12 * (contract_end - season) - 1;
  return months < 0 ? 0 : months;
}

static double round3(double x) { return floor(x * 1000 + 0.5) / 1000; }

static void draw_terms(gen_world *w, gen_event *e, const gen_player *p, double fee, double mv) {
  int y, m, d;
  transfer_date(e->season, e->window, &y, &m, &d);
  e->age = gen_age_on(p, y, m, d);
  e->contract_months_left = months_left(p->contract_end, e->season, e->window);
  double value = mv >= 0 ? mv : gen_player_value(w, e->player, e->from, e->season, e->age);
  if (mv < 0 && p->scripted && gen_featured_value(e->season) > 0) {
    value = gen_featured_value(e->season); /* his valuations are fixed: keep them consistent */
    mv = value;
  }
  double share = round3(p->prev_share < 0 ? 0 : p->prev_share);
  if (e->kind == MOVE_PAID && fee < 0) {
    gen_fee_inputs in = {e->age, e->season, e->contract_months_left, gen_pos_group(p->pos),
                         gen_fee_league(w, e->to), gen_fee_league(w, e->from), share, value,
                         e->to >= 0 ? w->clubs[e->to].name : NULL};
    fee = gen_fee_draw(&w->rng, &in, &w->variant);
    if (gen_rng_chance(&w->rng, FEE_UNDISCLOSED)) fee = -1;
  } else if (e->kind == MOVE_FREE || e->kind == MOVE_LOAN_END || (e->kind == MOVE_LOAN && fee < 0)) {
    fee = 0;
  } else if (e->kind == MOVE_RETIRED || e->kind == MOVE_NO_CLUB) {
    fee = -1;
  }
  int scripted = mv >= 0;
  double p_missing = is_covered(w, e->from) ? MV_MISSING_COVERED : MV_MISSING_OUTSIDE;
  e->market_value = !scripted && gen_rng_chance(&w->rng, p_missing) ? -1 : value;
  e->minutes_share = p->prev_share < 0 ? -1 : share;
  e->fee = fee;
}

static void apply_move(gen_world *w, gen_player *p, const gen_event *e) {
  switch (e->kind) {
  case MOVE_PAID:
    p->club = e->to;
    p->loan_club = -1;
    p->contract_end = e->season + e->window + gen_rng_range(&w->rng, 2, 5);
    break;
  case MOVE_FREE:
    p->club = e->to;
    p->loan_club = -1;
    p->contract_end = e->season + e->window + gen_rng_range(&w->rng, 1, 4);
    break;
  case MOVE_LOAN: p->loan_club = e->to; break;
  case MOVE_LOAN_END: p->loan_club = -1; break;
  case MOVE_RETIRED:
  case MOVE_NO_CLUB:
    p->retired = e->kind == MOVE_RETIRED ? 1 : 2;
    p->club = -1;
    p->loan_club = -1;
    break;
  }
  p->moved_window = window_id(e->season, e->window);
}

int gen_move_player(gen_world *w, int player, int to, gen_move kind, int season, int window,
                    double fee, double market_value) {
  gen_event *arr = w->events;
  if (w->n_events + 1 > w->cap_events) {
    int cap = w->cap_events ? w->cap_events * 2 : 1024;
    arr = realloc(w->events, (size_t)cap * sizeof *arr);
    if (!arr) return -1;
    w->events = arr;
    w->cap_events = cap;
  }
  gen_player *p = &w->players[player];
  gen_event *e = &arr[w->n_events++];
  memset(e, 0, sizeof *e);
  e->player = player;
  e->from = kind == MOVE_LOAN_END ? p->loan_club : p->club;
  e->to = kind == MOVE_LOAN_END ? p->club : to;
  e->kind = kind;
  e->season = season;
  e->window = window;
  e->pos = p->pos;
  draw_terms(w, e, p, fee, market_value);
  apply_move(w, p, e);
  return 0;
}

/* ---------------------------------------------------------------- choosing clubs */

/* A club of strength in (above, below), drawn with Gaussian weights around `target` (SD 0.3)
 * times covered_weight or outside_weight. -1 when none qualifies. */
static int choose_club(gen_world *w, double target, int exclude, double above, double below,
                       double covered_weight, double outside_weight) {
  double total = 0, weight[MAX_CLUBS];
  for (int c = 0; c < w->n_clubs && c < MAX_CLUBS; c++) {
    double s = w->clubs[c].strength, z = (s - target) / 0.3;
    int ok = c != exclude && s > above && s < below;
    weight[c] = ok ? exp(-0.5 * z * z) * (is_covered(w, c) ? covered_weight : outside_weight) : 0;
    total += weight[c];
  }
  if (!(total > 0)) return -1;
  double u = gen_rng_uniform(&w->rng) * total;
  for (int c = 0; c < w->n_clubs && c < MAX_CLUBS; c++) {
    u -= weight[c];
    if (u < 0 && weight[c] > 0) return c;
  }
  for (int c = w->n_clubs - 1; c >= 0; c--)
    if (c < MAX_CLUBS && weight[c] > 0) return c;
  return -1;
}

static double strength(const gen_world *w, int club) { return w->clubs[club].strength; }

/* ---------------------------------------------------------------- summer-only steps */

static int loan_returns(gen_world *w, int season) {
  for (int i = 0; i < w->n_players; i++) {
    gen_player *p = &w->players[i];
    if (p->retired || p->loan_club < 0) continue;
    if (gen_move_player(w, i, p->club, MOVE_LOAN_END, season, 0, -1, -1)) return -1;
  }
  return 0;
}

static int retirements(gen_world *w, int season) {
  for (int i = 0; i < w->n_players; i++) {
    gen_player *p = &w->players[i];
    if (!movable(w, i, season, 0)) continue;
    int age = gen_age_on(p, season, 7, 15);
    if (age < 32 || !gen_rng_chance(&w->rng, 0.06 + 0.12 * (age - 32))) continue;
    if (!is_covered(w, p->club)) {
      p->retired = 1; /* outside the data: no row */
      continue;
    }
    if (gen_move_player(w, i, -1, MOVE_RETIRED, season, 0, -1, -1)) return -1;
  }
  return 0;
}

static int contracts(gen_world *w, int season) {
  for (int i = 0; i < w->n_players; i++) {
    gen_player *p = &w->players[i];
    if (!movable(w, i, season, 0) || !is_covered(w, p->club)) continue;
    int age = gen_age_on(p, season, 7, 15);
    int wanted = age < 30 && gen_ability(p, season) > strength(w, p->club) - 0.2;
    if (p->contract_end == season + 1 && wanted && gen_rng_chance(&w->rng, 0.3))
      p->contract_end = season + gen_rng_range(&w->rng, 2, 5); /* early extension */
    if (p->contract_end > season) continue;
    if (gen_rng_chance(&w->rng, 0.7 + (wanted ? 0.2 : 0))) {
      p->contract_end = season + gen_rng_range(&w->rng, 1, 4);
      continue;
    }
    int to = age >= 31 && gen_rng_chance(&w->rng, 0.3)
                 ? -1
                 : choose_club(w, gen_ability(p, season), p->club, -1e9, 1e9, 0.4, 1.0);
    if (gen_move_player(w, i, to, to < 0 ? MOVE_NO_CLUB : MOVE_FREE, season, 0, -1, -1)) return -1;
  }
  return 0;
}

/* ---------------------------------------------------------------- every window */

typedef struct counts {
  int n[MAX_CLUBS][GEN_N_POS];
} counts;

static void count_squads(const gen_world *w, counts *k) {
  memset(k, 0, sizeof *k);
  for (int i = 0; i < w->n_players; i++) {
    const gen_player *p = &w->players[i];
    int c = gen_plays_for(p);
    if (!p->retired && c >= 0 && c < MAX_CLUBS) k->n[c][p->pos]++;
  }
}


/* The buyer must want him: a gap in its squad at his position, or an upgrade on its level
 * while the squad is not already full there. */
static int buyer_wants(const gen_world *w, const counts *k, int buyer, gen_pos pos, double ability) {
  int n = k->n[buyer][pos];
  int need = gen_squad_need[pos];
  return n < need || (n < need + 2 && ability > strength(w, buyer) + 0.1);
}

static int sales_up(gen_world *w, int season, int window) {
  counts k; /* 10 KB: fine on the stack */
  count_squads(w, &k);
  double scale = window ? WINTER_ACTIVITY : 1.0;
  for (int i = 0; i < w->n_players; i++) {
    gen_player *p = &w->players[i];
    if (!movable(w, i, season, window) || !is_covered(w, p->club)) continue;
    double a = gen_ability(p, season), gap = a - strength(w, p->club);
    double prob = 0.015 + 0.35 / (1.0 + exp(-5.0 * (gap - 0.4)));
    if (gen_age_on(p, season, 7, 15) > 33 || !gen_rng_chance(&w->rng, prob * scale)) continue;
    int to = choose_club(w, a + 0.1, p->club, strength(w, p->club) - 0.1, 1e9, 1.0, 0.5);
    if (to < 0 || !buyer_wants(w, &k, to, p->pos, a)) continue;
    k.n[p->club][p->pos]--;
    k.n[to][p->pos]++;
    if (gen_move_player(w, i, to, MOVE_PAID, season, window, -1, -1)) return -1;
  }
  return 0;
}

static int releases_down(gen_world *w, int season, int window) {
  double scale = window ? 0.3 : 1.0;
  for (int i = 0; i < w->n_players; i++) {
    gen_player *p = &w->players[i];
    if (!movable(w, i, season, window) || !is_covered(w, p->club)) continue;
    double a = gen_ability(p, season);
    int age = gen_age_on(p, season, 7, 15);
    if (age < 22 || p->prev_share >= 0.15 || a > strength(w, p->club) - 0.3) continue;
    if (!gen_rng_chance(&w->rng, 0.2 * scale)) continue;
    int to = choose_club(w, a - 0.1, p->club, -1e9, strength(w, p->club), 0.4, 1.0);
    gen_move kind = gen_rng_chance(&w->rng, 0.35) ? MOVE_FREE : MOVE_PAID;
    if (to >= 0 && gen_move_player(w, i, to, kind, season, window, -1, -1)) return -1;
  }
  return 0;
}

static int loans_out(gen_world *w, int season, int window) {
  for (int i = 0; i < w->n_players; i++) {
    gen_player *p = &w->players[i];
    if (!movable(w, i, season, window) || !is_covered(w, p->club)) continue;
    int age = gen_age_on(p, season, 7, 15);
    double half_minutes = 45.0 * w->clubs[p->club].matches;
    int unused = window ? p->season_minutes < 0.15 * half_minutes
                        : p->prev_share >= 0 && p->prev_share < 0.3;
    if (age > 22 || !unused || !gen_rng_chance(&w->rng, window ? 0.1 : 0.25)) continue;
    double a = gen_ability(p, season);
    int to = choose_club(w, a + 0.1, p->club, -1e9, strength(w, p->club) - 0.2, 0.6, 1.0);
    if (to < 0) continue;
    double fee = -1;
    if (gen_rng_chance(&w->rng, LOAN_FEE_SHARE)) {
      double mv = gen_player_value(w, i, p->club, season, age);
      fee = gen_round_3sig(mv * (0.05 + 0.15 * gen_rng_uniform(&w->rng)));
    }
    if (gen_move_player(w, i, to, MOVE_LOAN, season, window, fee, -1)) return -1;
  }
  return 0;
}

/* ---------------------------------------------------------------- refilling squads */

/* The covered player of `pos` at a weaker club closest to `target`, from a random sample. */
static int find_covered(gen_world *w, int buyer, gen_pos pos, double target, int season,
                        int window) {
  int best = -1;
  double best_d = 0.35; /* further than this from the target: not worth buying */
  for (int t = 0; t < 400; t++) {
    int i = gen_rng_int(&w->rng, w->n_players);
    gen_player *p = &w->players[i];
    if (p->pos != pos || !movable(w, i, season, window) || !is_covered(w, p->club)) continue;
    if (p->club == buyer || strength(w, p->club) > strength(w, buyer) + 0.25) continue;
    double d = fabs(gen_ability(p, season) - target);
    if (d < best_d) {
      best_d = d;
      best = i;
    }
  }
  return best;
}

static int sign_from_outside(gen_world *w, int buyer, gen_pos pos, double target, int season,
                             int window) {
  int from = choose_club(w, target - 0.3, buyer, -1e9, 1e9, 0.0, 1.0);
  if (from < 0) from = gen_n_club_defs - 1; /* no outside club near: the weakest one */
  int idx = gen_player_new(w, from, pos, gen_rng_range(&w->rng, 18, 29), target, season);
  if (idx < 0) return -1;
  int free_agent = gen_rng_chance(&w->rng, 0.2);
  if (free_agent) w->players[idx].contract_end = season; /* expired: 0 months left */
  return gen_move_player(w, idx, buyer, free_agent ? MOVE_FREE : MOVE_PAID, season, window, -1, -1);
}

static int promote_youth(gen_world *w, int club, gen_pos pos, int season) {
  double target = strength(w, club) - 1.2 + 0.4 * gen_rng_normal(&w->rng);
  int idx = gen_player_new(w, club, pos, gen_rng_range(&w->rng, 17, 18), target, season);
  if (idx < 0) return -1;
  w->players[idx].contract_end = season + 3;
  w->players[idx].prev_share = 0;
  return 0;
}

static int fill_one(gen_world *w, counts *k, int c, gen_pos pos, int season, int window) {
  double target = strength(w, c) + 0.05 + 0.25 * gen_rng_normal(&w->rng);
  double u = gen_rng_uniform(&w->rng);
  if (u < 0.2 && !window) return promote_youth(w, c, pos, season);
  if (u < 0.5) {
    int i = find_covered(w, c, pos, target, season, window);
    if (i >= 0) {
      k->n[w->players[i].club][pos]--;
      return gen_move_player(w, i, c, MOVE_PAID, season, window, -1, -1);
    }
  }
  return sign_from_outside(w, c, pos, target, season, window);
}

static int fill_squads(gen_world *w, int season, int window) {
  counts k; /* 10 KB: fine on the stack */
  count_squads(w, &k);
  for (int pass = 0; pass < 6; pass++) {
    for (int c = 0; c < w->n_clubs; c++) {
      if (!is_covered(w, c)) continue;
      for (int pos = 0; pos < GEN_N_POS; pos++) {
        int need = gen_squad_need[pos] - (window ? 1 : 0);
        for (; k.n[c][pos] < need; k.n[c][pos]++) {
          int st = pass < 5 ? fill_one(w, &k, c, (gen_pos)pos, season, window)
                            : promote_youth(w, c, (gen_pos)pos, season);
          if (st) return -1;
        }
      }
    }
  }
  return 0;
}

/* The weakest player the market may move at (club, pos), or -1. */
static int weakest_at(const gen_world *w, int club, gen_pos pos, int season) {
  int best = -1;
  double best_a = 1e9;
  for (int i = 0; i < w->n_players; i++) {
    const gen_player *p = &w->players[i];
    if (p->club != club || p->pos != pos || !movable(w, i, season, 0)) continue;
    double a = gen_ability(p, season);
    if (a < best_a) {
      best_a = a;
      best = i;
    }
  }
  return best;
}

/* Squads more than two over the need at a position let their weakest players go: the young
 * on loan, the others sold or released, mostly to clubs outside the five leagues. */
static int trim_squads(gen_world *w, int season) {
  counts k; /* 10 KB: fine on the stack */
  count_squads(w, &k);
  for (int c = 0; c < w->n_clubs; c++) {
    if (!is_covered(w, c)) continue;
    for (int pos = 0; pos < GEN_N_POS; pos++) {
      while (k.n[c][pos] > gen_squad_need[pos] + 2) {
        int i = weakest_at(w, c, (gen_pos)pos, season);
        if (i < 0) break;
        gen_player *p = &w->players[i];
        double a = gen_ability(p, season);
        int age = gen_age_on(p, season, 7, 15);
        gen_move kind = age <= 21 ? MOVE_LOAN : gen_rng_chance(&w->rng, 0.6) ? MOVE_PAID : MOVE_FREE;
        int to = choose_club(w, a, c, -1e9, strength(w, c) - 0.1, 0.5, 2.0);
        if (to < 0) to = gen_n_club_defs - 1;
        k.n[c][pos]--;
        if (gen_move_player(w, i, to, kind, season, 0, -1, -1)) return -1;
      }
    }
  }
  return 0;
}

int gen_window(gen_world *w, int season, int window) {
  if (!window && (loan_returns(w, season) || retirements(w, season) || contracts(w, season)))
    return -1;
  if (sales_up(w, season, window) || releases_down(w, season, window) ||
      loans_out(w, season, window) || fill_squads(w, season, window))
    return -1;
  return window ? 0 : trim_squads(w, season);
}
