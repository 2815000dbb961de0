/* squad_impl.h - private parts of the squad module shared by squad*.c. */
#ifndef SCOUTLAB_SQUAD_IMPL_H
#define SCOUTLAB_SQUAD_IMPL_H

#include "scoutlab/squad.h"

struct sl_squad {
  const sl_table *t;
  sl_compare *index;
  sl_squad_options opt;
  sl_squad_entry *e;
  size_t n;
  sl_squad_club *clubs;
  size_t nclubs;
  char **club_norm;  /* normalised club names, one per club */
  sl_squad_report rep;
  /* stats columns; NULL when absent */
  const sl_column *c_club, *c_starts, *c_mn_start, *c_compl, *c_mp, *c_min_pct, *c_team_matches;
  const sl_column *c_on_off, *c_plus_minus, *c_xg_on_off, *c_xg_plus_minus, *c_xg_plus_minus90;
};

/* The cell of entry i's (single) row as a number, NAN when missing or the column is absent. */
double sl_squad_cell_(const sl_squad *s, const sl_column *col, size_t i);

/* Component computations (squad_parts.c, squad_contract.c); each fills its fields, score and note. */
void sl_squad_availability_(sl_squad *s);
void sl_squad_impact_(sl_squad *s);
int sl_squad_quality_(sl_squad *s, sl_error *err);
void sl_squad_replaceability_(sl_squad *s);
int sl_squad_contract_age_(sl_squad *s, sl_error *err);
void sl_squad_value_share_(sl_squad *s);
/* Totals, renormalised weights and ranks (squad_rank.c). */
int sl_squad_totals_and_ranks_(sl_squad *s);
/* Sorts entry indices most important first (NAN totals last; ties: more minutes, then index). */
int sl_squad_sort_ranked_(const sl_squad *s, size_t *idx, size_t n);

/* Age-curve score 0-100 (exposed to the tests through the component; see docs/squad.md). */
double sl_squad_age_score_(double age, int goalkeeper);

/* "fr Ligue 1" -> "Ligue 1": FBref's lower-case country prefix dropped. */
const char *sl_squad_league_strip_(const char *league);

#endif
