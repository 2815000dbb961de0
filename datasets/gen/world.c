/* world.c - the simulated demo world: squads, matches (for minutes), transfer windows.
 *
 * One season is: summer window -> market valuations (1 October) -> first half of the league
 * -> winter window -> second half -> season end (stats of every player-club row, and each
 * player's share of team minutes, which the next season's transfers report).
 *
 * Minutes come from simulated matches: each club picks 11 starters by ability, position fit
 * and a little form noise, makes 2-5 substitutions, so each club-season's minutes add up to
 * exactly matches x 90 x 11. Season totals (tackles, passes...) are drawn from per-90 rates of
 * the player's detailed position, scaled by his ability, his personal style and his team.
 * The market follows simple rules (players who outgrow their club move up, young players
 * without minutes go on loan, expiring contracts are renewed or end in free transfers, squads
 * refill each position from other clubs, the outside world or the academy), and every paid
 * fee is drawn from the true fee model in model.c. */
#include "gen_world.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

const int gen_squad_need[GEN_N_POS] = {3, 4, 2, 2, 2, 3, 2, 2, 2, 3};
/* Starting formation (4-2-3-1 shape): detailed position of each of the 11 slots. */
static const gen_pos formation[11] = {P_GK, P_RB, P_CB, P_CB, P_LB, P_DM, P_CM, P_AM, P_LW, P_RW, P_CF};

#define INJURY_RATE 0.035       /* per player per matchday: ~1.2 injuries a season per player */
#define INJURY_MEAN_EXTRA 2.5   /* matchdays missed beyond the first, Poisson mean */
#define FORM_NOISE 0.25         /* per-match selection noise, ability units */
#define SEASON_FORM_SD 0.10     /* a player's season-long form, ability units */

/* ---------------------------------------------------------------- small helpers */

static void *grow(void *ptr, int *cap, int need, size_t elem) {
  if (need <= *cap) return ptr;
  int n = *cap ? *cap : 256;
  while (n < need) n *= 2;
  void *q = realloc(ptr, (size_t)n * elem);
  if (q) *cap = n;
  return q;
}

int gen_age_on(const gen_player *p, int y, int m, int d) {
  int age = y - p->by;
  if (m < p->bm || (m == p->bm && d < p->bd)) age--;
  return age;
}

/* Development curve: players improve until 27 and decline after 29 (ability units). */
static double age_curve(int age) {
  if (age < 27) return -0.012 * (27 - age) * (27 - age);
  if (age > 29) return -0.04 * (age - 29) * (age - 29);
  return 0.0;
}

double gen_ability(const gen_player *p, int season) {
  return p->q0 + age_curve(gen_age_on(p, season, 8, 1)) + p->form;
}

int gen_plays_for(const gen_player *p) { return p->loan_club >= 0 ? p->loan_club : p->club; }

static int is_covered(const gen_world *w, int club) { return club >= 0 && w->clubs[club].league >= 0; }

int gen_fee_league(const gen_world *w, int club) {
  return is_covered(w, club) ? w->clubs[club].league : GEN_OTHER_LEAGUE;
}

static double clamp(double x, double lo, double hi) { return x < lo ? lo : x > hi ? hi : x; }

/* ---------------------------------------------------------------- names (open addressing) */

static uint64_t hash_str(const char *s) {
  uint64_t h = 1469598103934665603ULL; /* FNV-1a */
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ULL;
  return h;
}

static int name_taken(void *ctx, const char *name) {
  gen_world *w = ctx;
  if (strcmp(name, GEN_FEATURED_NAME) == 0) return 1; /* reserved for the scripted player */
  if (!w->name_cap) return 0;
  for (size_t i = hash_str(name) & (w->name_cap - 1);; i = (i + 1) & (w->name_cap - 1)) {
    int k = w->name_slot[i];
    if (k < 0) return 0;
    if (strcmp(w->players[k].name, name) == 0) return 1;
  }
}

static int name_insert(gen_world *w, int idx) {
  if ((size_t)(w->n_players + 1) * 2 > w->name_cap) {
    size_t cap = w->name_cap ? w->name_cap * 2 : 4096;
    int *slot = malloc(cap * sizeof *slot);
    if (!slot) return -1;
    for (size_t i = 0; i < cap; i++) slot[i] = -1;
    for (size_t i = 0; i < w->name_cap; i++) {
      if (w->name_slot[i] < 0) continue;
      size_t j = hash_str(w->players[w->name_slot[i]].name) & (cap - 1);
      while (slot[j] >= 0) j = (j + 1) & (cap - 1);
      slot[j] = w->name_slot[i];
    }
    free(w->name_slot);
    w->name_slot = slot;
    w->name_cap = cap;
  }
  size_t j = hash_str(w->players[idx].name) & (w->name_cap - 1);
  while (w->name_slot[j] >= 0) j = (j + 1) & (w->name_cap - 1);
  w->name_slot[j] = idx;
  return 0;
}

/* ---------------------------------------------------------------- players */

static void fbref_pos_label(gen_world *w, gen_player *p) {
  static const char *const base[GEN_N_POS] = {"GK", "DF", "DF", "DF", "MF", "MF", "MF", "FW", "FW", "FW"};
  const char *label = base[p->pos];
  double u = gen_rng_uniform(&w->rng);
  if ((p->pos == P_RB || p->pos == P_LB) && u < 0.20) label = "DF,MF";
  if (p->pos == P_DM && u < 0.15) label = "MF,DF";
  if (p->pos == P_AM && u < 0.30) label = "MF,FW";
  if ((p->pos == P_LW || p->pos == P_RW) && u < 0.35) label = "FW,MF";
  snprintf(p->pos_label, sizeof p->pos_label, "%s", label);
}

static int pick_nation(gen_world *w, int club) {
  double home_share = is_covered(w, club) ? 0.55 : 0.75;
  if (gen_rng_chance(&w->rng, home_share)) return w->clubs[club].country;
  return gen_rng_int(&w->rng, GEN_N_COUNTRIES);
}

/* Synthetic share of team minutes for seasons played outside the five leagues. */
static double outside_share(gen_world *w, double ability, int club) {
  double s = 0.55 + 0.35 * (ability - w->clubs[club].strength) + 0.2 * gen_rng_normal(&w->rng);
  return clamp(s, 0.0, 1.0);
}

/* A new player at `club`, aged `age` on 1 August of `season`, with ability about `target`. */
int gen_player_new(gen_world *w, int club, gen_pos pos, int age, double target, int season) {
  gen_player *arr = grow(w->players, &w->cap_players, w->n_players + 1, sizeof *arr);
  if (!arr) return -1;
  w->players = arr;
  int idx = w->n_players;
  gen_player *p = &arr[idx];
  memset(p, 0, sizeof *p);
  p->nation = pick_nation(w, club);
  gen_make_name(&w->rng, gen_countries[p->nation].culture, p->name, sizeof p->name, name_taken, w);
  p->bm = gen_rng_range(&w->rng, 1, 12);
  p->bd = gen_rng_range(&w->rng, 1, 28);
  p->by = season - age - (p->bm > 8 || (p->bm == 8 && p->bd > 1) ? 1 : 0);
  p->pos = pos;
  fbref_pos_label(w, p);
  p->q0 = target - age_curve(age);
  for (int k = 0; k < 4; k++) p->style[k] = 0.15 * gen_rng_normal(&w->rng);
  p->hype = GEN_HYPE_SD * gen_rng_normal(&w->rng);
  p->club = club;
  p->loan_club = -1;
  p->contract_end = season + gen_rng_range(&w->rng, 1, 4);
  p->moved_window = -1;
  p->row_cur = -1;
  p->prev_share = is_covered(w, club) ? -1 : outside_share(w, target, club);
  w->n_players++;
  if (name_insert(w, idx)) return -1;
  return idx;
}

/* ---------------------------------------------------------------- world setup */

static int draw_age(gen_world *w, int lo, int hi) {
  /* Triangular-ish: the mean of two uniforms puts most players at 22-29. */
  int a = gen_rng_range(&w->rng, lo, hi);
  int b = gen_rng_range(&w->rng, lo, hi);
  return (a + b + 1) / 2;
}

static int setup_clubs(gen_world *w) {
  w->n_clubs = gen_n_club_defs;
  w->clubs = calloc((size_t)w->n_clubs, sizeof *w->clubs);
  if (!w->clubs) return -1;
  int rank = 0, prev_league = -2;
  for (int c = 0; c < w->n_clubs; c++) {
    const gen_club_def *d = &gen_club_defs[c];
    gen_club *k = &w->clubs[c];
    k->name = d->name;
    k->country = d->country;
    k->league = d->league;
    rank = d->league == prev_league ? rank + 1 : 0;
    prev_league = d->league;
    if (d->league >= 0) {
      const gen_league *l = &gen_leagues[d->league];
      k->strength = l->level + l->spread * (1.0 - 2.0 * rank / (l->n_clubs - 1));
      k->matches = l->matches;
    } else {
      k->strength = d->strength;
    }
  }
  return 0;
}

static int setup_squads(gen_world *w, int season) {
  for (int c = 0; c < w->n_clubs; c++) {
    if (!is_covered(w, c)) continue;
    for (int pos = 0; pos < GEN_N_POS; pos++) {
      int n = gen_squad_need[pos] + (gen_rng_chance(&w->rng, 0.3) ? 1 : 0);
      for (int i = 0; i < n; i++) {
        double target = w->clubs[c].strength - 0.15 + 0.4 * gen_rng_normal(&w->rng);
        int idx = gen_player_new(w, c, (gen_pos)pos, draw_age(w, 17, 34), target, season);
        if (idx < 0) return -1;
        w->players[idx].contract_end = season + gen_rng_range(&w->rng, 0, 4);
      }
    }
  }
  return 0;
}

void gen_world_set_variant(gen_world *w, const gen_variant *v) { w->variant = *v; }

gen_world *gen_world_new(uint64_t seed) {
  gen_world *w = calloc(1, sizeof *w);
  if (!w) return NULL;
  w->seed = seed;
  gen_rng_seed(&w->rng, seed);
  w->featured = -1;
  if (setup_clubs(w)) {
    gen_world_free(w);
    return NULL;
  }
  return w;
}

void gen_world_free(gen_world *w) {
  if (!w) return;
  free(w->players);
  free(w->clubs);
  free(w->rows);
  free(w->events);
  free(w->values);
  free(w->contracts);
  free(w->name_slot);
  free(w);
}

int gen_club_index(const gen_world *w, const char *name) {
  for (int c = 0; c < w->n_clubs; c++)
    if (strcmp(w->clubs[c].name, name) == 0) return c;
  return -1;
}

/* ---------------------------------------------------------------- season loop */

static int season_start(gen_world *w, int season) {
  for (int i = 0; i < w->n_players; i++) {
    gen_player *p = &w->players[i];
    p->form = SEASON_FORM_SD * gen_rng_normal(&w->rng);
    p->injured_until = 0;
    p->season_minutes = 0;
    p->row_cur = -1;
    if (p->club >= 0 && !is_covered(w, p->club) && p->contract_end <= season && !p->retired)
      p->contract_end = season + gen_rng_range(&w->rng, 2, 4); /* outside: silent renewals */
  }
  return 0;
}

/* Each player's share of his team's league minutes, read by next season's transfers. */
static void season_end_shares(gen_world *w, int season) {
  for (int i = 0; i < w->n_players; i++) {
    gen_player *p = &w->players[i];
    if (p->retired) continue;
    int c = gen_plays_for(p);
    if (c < 0) continue;
    if (is_covered(w, c))
      p->prev_share = clamp((double)p->season_minutes / (90.0 * w->clubs[c].matches), 0, 1);
    else
      p->prev_share = outside_share(w, gen_ability(p, season), c);
  }
}

int gen_world_run(gen_world *w) {
  const int first = GEN_FIRST_SIM_SEASON, last = GEN_LAST_SEASON;
  if (setup_squads(w, first) || gen_featured_create(w, first)) return -1;
  for (int s = first; s <= last; s++) {
    season_start(w, s);
    if (s > first && gen_window(w, s, 0)) return -1;
    if (gen_featured_script(w, s, 0)) return -1;
    if (s >= GEN_FIRST_OUTPUT_SEASON && gen_snapshot_values(w, s)) return -1;
    if (gen_play_half(w, s, 0)) return -1;
    if (gen_window(w, s, 1) || gen_featured_script(w, s, 1)) return -1;
    if (gen_play_half(w, s, 1)) return -1;
    if (s >= GEN_FIRST_OUTPUT_SEASON) gen_season_stats(w, s);
    season_end_shares(w, s);
  }
  return gen_snapshot_contracts(w, last);
}

/* ---------------------------------------------------------------- matches */

/* Position-fit penalty of playing someone of position `have` in a slot of position `want`. */
static double fit_penalty(gen_pos want, gen_pos have) {
  static const char *const near[GEN_N_POS] = {
      /* GK */ "", /* CB */ "RB LB DM", /* RB */ "CB LB RW", /* LB */ "CB RB LW",
      /* DM */ "CB CM", /* CM */ "DM AM", /* AM */ "CM LW RW CF", /* LW */ "LB AM RW CF",
      /* RW */ "RB AM LW CF", /* CF */ "AM LW RW"};
  if (want == have) return 0.0;
  if (want == P_GK || have == P_GK) return 5.0;
  return strstr(near[want], gen_pos_short(have)) ? 0.4 : 1.5;
}

static int row_for(gen_world *w, int player, int club, int season) {
  gen_player *p = &w->players[player];
  if (p->row_cur >= 0 && w->rows[p->row_cur].club == club) return p->row_cur;
  gen_row *arr = grow(w->rows, &w->cap_rows, w->n_rows + 1, sizeof *arr);
  if (!arr) return -1;
  w->rows = arr;
  gen_row *r = &arr[w->n_rows];
  memset(r, 0, sizeof *r);
  r->player = player;
  r->club = club;
  r->season = season;
  r->ability = gen_ability(p, season);
  r->age = gen_age_on(p, season, 8, 1);
  p->row_cur = w->n_rows;
  return w->n_rows++;
}

enum { MAX_ROSTER = 96 }; /* squads are trimmed to about 30; more means a market bug */
typedef struct roster {
  int n, idx[MAX_ROSTER], row[MAX_ROSTER];
  double ability[MAX_ROSTER], noise[MAX_ROSTER];
  int minutes[MAX_ROSTER], started[MAX_ROSTER], on[MAX_ROSTER];
} roster;

static int pick_best(const roster *r, gen_pos slot, const gen_world *w, int md) {
  int best = -1;
  double best_score = -1e9;
  for (int k = 0; k < r->n; k++) {
    const gen_player *p = &w->players[r->idx[k]];
    if (r->on[k] || p->injured_until > md) continue;
    double score = r->ability[k] + r->noise[k] - fit_penalty(slot, p->pos);
    if (score > best_score) {
      best_score = score;
      best = k;
    }
  }
  return best;
}

static void play_match(gen_world *w, roster *r, int season, int md) {
  int slot_player[11];
  for (int k = 0; k < r->n; k++) {
    r->noise[k] = FORM_NOISE * gen_rng_normal(&w->rng);
    r->on[k] = 0;
    r->minutes[k] = 0;
    r->started[k] = 0;
  }
  for (int s = 0; s < 11; s++) {
    int k = pick_best(r, formation[s], w, md);
    slot_player[s] = k;
    if (k < 0) continue; /* cannot happen with >= 11 fit players; keeps totals honest if it does */
    r->on[k] = 1;
    r->started[k] = 1;
    r->minutes[k] = 90;
  }
  int n_subs = season >= 2020 ? gen_rng_range(&w->rng, 3, 5) : gen_rng_range(&w->rng, 2, 3);
  int replaced[11] = {0};
  for (int i = 0; i < n_subs; i++) {
    int s = gen_rng_range(&w->rng, 1, 10); /* goalkeepers are rarely substituted */
    if (replaced[s] || slot_player[s] < 0) continue;
    int k = pick_best(r, formation[s], w, md);
    if (k < 0) continue;
    int minute = gen_rng_range(&w->rng, 46, 89);
    replaced[s] = 1;
    r->minutes[slot_player[s]] = minute;
    r->on[k] = 1;
    r->minutes[k] = 90 - minute;
  }
  for (int k = 0; k < r->n; k++) {
    gen_player *p = &w->players[r->idx[k]];
    if (p->injured_until <= md && gen_rng_chance(&w->rng, INJURY_RATE))
      p->injured_until = md + 1 + gen_rng_poisson(&w->rng, INJURY_MEAN_EXTRA);
    if (!r->on[k]) continue;
    gen_row *row = &w->rows[r->row[k]];
    row->mp++;
    row->min += r->minutes[k];
    row->starts += r->started[k];
    row->compl += r->started[k] && r->minutes[k] == 90;
    row->subs += !r->started[k];
    p->season_minutes += r->minutes[k];
  }
}

static int build_roster(gen_world *w, int club, int season, roster *r) {
  r->n = 0;
  for (int i = 0; i < w->n_players; i++) {
    gen_player *p = &w->players[i];
    if (p->retired || gen_plays_for(p) != club) continue;
    if (r->n == MAX_ROSTER) return -1;
    int row = row_for(w, i, club, season);
    if (row < 0) return -1;
    r->idx[r->n] = i;
    r->row[r->n] = row;
    r->ability[r->n] = gen_ability(p, season);
    r->n++;
  }
  return 0;
}

int gen_play_half(gen_world *w, int season, int half) {
  roster r;
  for (int c = 0; c < w->n_clubs; c++) {
    if (!is_covered(w, c)) continue;
    if (build_roster(w, c, season, &r)) return -1;
    int m = w->clubs[c].matches, first = half ? m / 2 : 0, end = half ? m : m / 2;
    for (int md = first; md < end; md++) play_match(w, &r, season, md);
  }
  return 0;
}

/* ---------------------------------------------------------------- snapshots */

double gen_player_value(gen_world *w, int player, int club, int season, int age) {
  gen_player *p = &w->players[player];
  return gen_market_value(&w->rng, gen_ability(p, season), age, gen_fee_league(w, club),
                          gen_pos_group(p->pos), season, p->hype);
}

int gen_snapshot_values(gen_world *w, int season) {
  for (int i = 0; i < w->n_players; i++) {
    gen_player *p = &w->players[i];
    int c = gen_plays_for(p);
    if (p->retired || !is_covered(w, c)) continue;
    gen_value *arr = grow(w->values, &w->cap_values, w->n_values + 1, sizeof *arr);
    if (!arr) return -1;
    w->values = arr;
    gen_value *v = &arr[w->n_values++];
    v->player = i;
    v->club = c;
    v->season = season;
    v->age = gen_age_on(p, season, 10, 1);
    v->market_value = gen_player_value(w, i, c, season, v->age);
    if (i == w->featured) v->market_value = gen_featured_value(season);
  }
  return 0;
}

int gen_snapshot_contracts(gen_world *w, int season) {
  for (int i = 0; i < w->n_players; i++) {
    gen_player *p = &w->players[i];
    if (p->retired || !is_covered(w, p->club)) continue;
    gen_contract *arr = grow(w->contracts, &w->cap_contracts, w->n_contracts + 1, sizeof *arr);
    if (!arr) return -1;
    w->contracts = arr;
    gen_contract *k = &arr[w->n_contracts++];
    k->player = i;
    k->club = p->club;
    k->until_year = p->contract_end;
    /* Wages run at about a tenth of market value a year, with a lot of club-to-club spread. */
    double mv = gen_player_value(w, i, p->club, season, gen_age_on(p, season + 1, 2, 1));
    double wage = 0.10 * mv * exp(0.3 * gen_rng_normal(&w->rng));
    k->annual_wage = wage < 30000 ? 30000 : floor(wage / 1000 + 0.5) * 1000;
    if (i == w->featured) k->annual_wage = GEN_FEATURED_WAGE;
  }
  return 0;
}
