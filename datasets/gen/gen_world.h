/* gen_world.h - the world's records, shared by world.c (squads, matches), market.c (transfer
 * windows), featured.c (the scripted featured player), stats.c (season totals) and output.c.
 * All arrays are owned by gen_world and released by gen_world_free(). */
#ifndef SCOUTLAB_GEN_WORLD_H
#define SCOUTLAB_GEN_WORLD_H

#include "gen.h"

enum {
  GEN_FIRST_SIM_SEASON = 2015,    /* burn-in starts here: squads settle, minutes shares exist */
  GEN_FIRST_TRANSFER_SEASON = 2016,
  GEN_FIRST_OUTPUT_SEASON = 2019, /* players.csv and values.csv start here */
  GEN_LAST_SEASON = 2024,
};

#define GEN_FEATURED_NAME "Tobías Quirandel"
#define GEN_FEATURED_CLUB "Olympique Sabreval"
#define GEN_FEATURED_WAGE 2400000.0 /* EUR a year, set by hand */

typedef struct gen_player {
  char name[80];
  char pos_label[8];  /* FBref Pos: "DF", "DF,MF" */
  int nation;         /* index into gen_countries */
  int by, bm, bd;     /* date of birth */
  gen_pos pos;
  double q0;          /* latent talent; ability = q0 + age curve + season form */
  double style[4];    /* log multipliers: attacking, passing, defending, aerial */
  double hype;        /* persistent log offset of his market values */
  double form;        /* this season's form, ability units */
  int club;           /* club holding his registration, -1 none */
  int loan_club;      /* club he is on loan at, -1 none */
  int contract_end;   /* contract runs to 30 June of this year */
  int retired;        /* 1 retired, 2 left without a club: gone from the world */
  int scripted;       /* the featured player: the market never moves him */
  int injured_until;  /* first matchday he is fit again */
  int moved_window;   /* season*2 + window of his last move: one move per window */
  int row_cur;        /* his current players.csv row this season, -1 none */
  int season_minutes; /* league minutes so far this season, all covered clubs */
  double prev_share;  /* last season's share of team league minutes, -1 unknown */
} gen_player;

typedef struct gen_club {
  const char *name;
  int country, league; /* league -1: outside the five leagues */
  double strength;     /* ability of a typical regular */
  int matches;         /* league matches a season (covered clubs) */
} gen_club;

/** One players.csv row: a player's season at one club. */
typedef struct gen_row {
  int player, club, season, age;
  double ability;
  int mp, starts, min, compl, subs;
  int gls, ast, sh, sot, prgc, prgp, cmp, att, totdist, prgdist;
  int tkl, tklw, intc, blocks, clr, err, recov, won, lost, dis, sca;
  double xg, xag, on_off, xg_on_off;
  int has_on_off; /* 0: no off-pitch (or no on-pitch) minutes to compare */
} gen_row;

typedef enum gen_move {
  MOVE_PAID,       /* permanent, fee drawn from the fee model */
  MOVE_FREE,       /* permanent, contract expired or released: fee 0 */
  MOVE_LOAN,       /* loan out (free loan, or loan with fee) */
  MOVE_LOAN_END,   /* back to the parent club */
  MOVE_RETIRED,    /* to "Retired" */
  MOVE_NO_CLUB     /* to "Without Club" */
} gen_move;

/** One transfer: printed as an out-row at `from` and/or an in-row at `to` (covered clubs). */
typedef struct gen_event {
  int player, from, to, season, window; /* window 0 summer, 1 winter */
  gen_move kind;
  int age, contract_months_left;
  double fee;            /* EUR; < 0 unknown (printed empty) */
  double market_value;   /* EUR; < 0 missing */
  double minutes_share;  /* 0..1 rounded to 3 decimals; < 0 missing */
  gen_pos pos;
} gen_event;

typedef struct gen_value {
  int player, club, season, age;
  double market_value;
} gen_value;

typedef struct gen_contract {
  int player, club, until_year;
  double annual_wage;
} gen_contract;

struct gen_world {
  uint64_t seed;
  gen_rng rng;
  gen_club *clubs;
  int n_clubs;
  gen_player *players;
  int n_players, cap_players;
  gen_row *rows;
  int n_rows, cap_rows;
  gen_event *events;
  int n_events, cap_events;
  gen_value *values;
  int n_values, cap_values;
  gen_contract *contracts;
  int n_contracts, cap_contracts;
  int *name_slot; /* open-addressing set of player indices, keyed by name */
  size_t name_cap;
  int featured;
  gen_variant variant; /* zero: the default truth */
};

/* world.c */
/** Squad shape: players of each detailed position a club wants (25 in all). */
extern const int gen_squad_need[GEN_N_POS];
int gen_age_on(const gen_player *p, int y, int m, int d);
double gen_ability(const gen_player *p, int season);
int gen_plays_for(const gen_player *p);
int gen_fee_league(const gen_world *w, int club);
int gen_player_new(gen_world *w, int club, gen_pos pos, int age, double target, int season);
int gen_club_index(const gen_world *w, const char *name);
int gen_play_half(gen_world *w, int season, int half);
double gen_player_value(gen_world *w, int player, int club, int season, int age);
int gen_snapshot_values(gen_world *w, int season);
int gen_snapshot_contracts(gen_world *w, int season);

/* market.c */
int gen_window(gen_world *w, int season, int window);
/** Records a move and applies it to the player. fee/market_value < 0: draw them here
 *  (fee from the model for MOVE_PAID); >= 0: use as given (the scripted featured player). */
int gen_move_player(gen_world *w, int player, int to, gen_move kind, int season, int window,
                    double fee, double market_value);

/* featured.c */
int gen_featured_create(gen_world *w, int season);
int gen_featured_script(gen_world *w, int season, int window);
double gen_featured_value(int season);

/* stats.c */
void gen_season_stats(gen_world *w, int season);

/* output.c: gen_write_all() is declared in gen.h */

#endif
