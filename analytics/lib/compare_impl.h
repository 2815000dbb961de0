/* compare_impl.h - private parts of the compare module shared by compare*.c. */
#ifndef SCOUTLAB_COMPARE_IMPL_H
#define SCOUTLAB_COMPARE_IMPL_H

#include "scoutlab/compare.h"

struct sl_compare {
  const sl_table *t;
  sl_player *players;
  size_t n;
  sl_compare_report rep;
  sl_compare_skip *skips;
  char **skip_text;    /* t->nrows entries: reasons written for a row (owned), NULL for static ones */
  long *player_of_row; /* t->nrows entries, -1 for skipped rows */
  /* columns of the stats table by role; NULL when absent */
  const sl_column *c_player, *c_club, *c_league, *c_pos, *c_age, *c_born, *c_min, *c_n90, *c_season;
  const sl_column *c_matches; /* league matches (MP), to tell two people of one name apart */
  int multi_season; /* the table holds more than one season */
  int pool_seasons; /* sl_compare_options.pool_seasons */
  /* distinct main leagues of the players, sorted; the strings are borrowed from players[] */
  const char **league_names;
  size_t nleagues;
  int has_big5; /* 1 when one of them is a Big-5 league: SL_POOL_SHARED is then the Big-5 */
  sl_column_scale *scales; /* t->ncols entries: total, per 90 or ratio (compare_per90.c) */
  sl_per90_report per90;
};

/* Fills league_names / has_big5 once the players exist (compare_pool.c). SL_OK or SL_ENOMEM. */
int sl_compare_index_leagues_(sl_compare *c);

/* Positions (override, positions file, inference) and market values: compare_positions.c. */
int sl_compare_assign_positions_(sl_compare *c, const sl_compare_options *opt, sl_error *err);
int sl_compare_join_values_(sl_compare *c, const sl_table *values, sl_error *err);

/* The DF split of player p (compare_positions.c): centre-back, full-back, or unknown; with
 * write_note the reason goes to p->position_note. */
sl_group sl_compare_split_df_(const sl_compare *c, sl_player *p, int write_note);

/* Per-90 value of a column for player p: sum / nineties for a column of totals, the
 * minutes-weighted mean for a column that is already per 90 (compare_per90.c). NAN when none. */
double sl_compare_col_per90_(const sl_compare *c, const sl_player *p, const sl_column *col);
/* The season total of a column for p: the sum, or per 90 x nineties for a per-90 column. */
double sl_compare_col_total_(const sl_compare *c, const sl_player *p, const sl_column *col);
/* 1 when the index found col already per 90 (c->scales). */
int sl_compare_column_is_per90_(const sl_compare *c, const sl_column *col);

/* Sum of a column over the player's rows; NAN when every row is missing. */
double sl_compare_sum_(const sl_compare *c, const sl_player *p, const sl_column *col);

/* League text without FBref's lower-case country prefix ("fr Ligue 1" -> "Ligue 1"). */
const char *sl_compare_league_strip_(const char *league);


/* Group of a Transfermarkt position code or text ("CB", "Centre-Back", "Defensa"); *generic_df
 * is set when the text says only "defender". */
sl_group sl_compare_group_of_tm_(const char *text, int *generic_df, char code[12]);

/* A profile stat bound to the stats table's columns (resolved once per query). */
#define SL_MAX_TERMS 6 /* terms in a rate's numerator or denominator: FBref rates have <= 3 */
typedef struct sl_term {
  const sl_column *col;
  int sign; /* +1 or -1 */
} sl_term;
typedef struct sl_bound {
  const sl_profile_stat *stat;
  const sl_column *col; /* first alias present, NULL when none */
  sl_term num[SL_MAX_TERMS], den[SL_MAX_TERMS];
  size_t nnum, nden;
  int parts; /* 1 when every rate part is present */
} sl_bound;

void sl_compare_bind_(const sl_compare *c, const sl_profile *pr, sl_bound *b);
double sl_compare_value_(const sl_compare *c, const sl_player *p, const sl_bound *b);
int sl_compare_pool_matrix_(const sl_compare *c, const sl_bound *b, size_t nstats, sl_group g,
                            const sl_pool *pool, const char *ref_league, double **vals,
                            size_t **idx, size_t *m);

#endif
