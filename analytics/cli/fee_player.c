/* fee_player.c - see fee_player.h */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "fee_player.h"
#include "scoutlab/names.h"

/* ---- finding the player in --data ----------------------------------------------------------- */

static int did_you_mean(const char *cmd, const sl_table *t, const sl_column *names, const char *q, const char *query) {
  char **norm = calloc(t->nrows ? t->nrows : 1, sizeof *norm);
  size_t out[3], n = 0;
  for (size_t r = 0; norm && r < t->nrows; r++)
    norm[r] = sl_name_normalise(names->text[r] ? names->text[r] : "");
  if (norm) n = sl_name_suggest(q, (const char *const *)norm, t->nrows, out, 3);
  fprintf(stderr, "scoutlab %s: no player '%s' in the --data files", cmd, query);
  for (size_t i = 0; i < n; i++) fprintf(stderr, "%s%s", i ? ", " : "; did you mean: ", names->text[out[i]]);
  fputs("?\n", stderr);
  for (size_t r = 0; norm && r < t->nrows; r++) free(norm[r]);
  free(norm);
  return SL_EXIT_DATA;
}

/* Row of the player: the best name match; several different players at that match are listed;
 * several rows of one player give the latest season (the last row on a tie). */
int sl_cli_find_player_row(const char *cmd, const sl_table *t, const char *query, size_t *row) {
  const sl_column *names = sl_table_role(t, SL_ROLE_PLAYER);
  if (!names || names->type != SL_TYPE_TEXT) {
    fprintf(stderr, "scoutlab %s: the --data files have no player name column (Player, name)\n", cmd);
    return SL_EXIT_DATA;
  }
  const sl_column *season = sl_table_role(t, SL_ROLE_SEASON);
  char *q = sl_name_normalise(query), *first = NULL;
  int *score = calloc(t->nrows ? t->nrows : 1, sizeof *score), best = 0, ambiguous = 0;
  if (!q || !score) {
    free(q), free(score);
    fprintf(stderr, "scoutlab %s: player name '%s' is not valid UTF-8\n", cmd, query);
    return SL_EXIT_DATA;
  }
  for (size_t r = 0; r < t->nrows; r++) {
    char *n = names->text[r] ? sl_name_normalise(names->text[r]) : NULL;
    score[r] = n ? sl_name_match_score(q, n) : 0;
    if (score[r] > best) best = score[r];
    free(n);
  }
  double best_season = -INFINITY;
  for (size_t r = 0; best && r < t->nrows; r++) {
    if (score[r] != best) continue;
    char *n = sl_name_normalise(names->text[r]);
    if (!first) first = n, n = NULL;
    else if (n && strcmp(n, first) != 0) ambiguous = 1;
    free(n);
    double sv = season && season->num && isfinite(season->num[r]) ? season->num[r] : 0;
    if (sv >= best_season) best_season = sv, *row = r;
  }
  int rc = SL_EXIT_OK;
  if (!best) rc = did_you_mean(cmd, t, names, q, query);
  else if (ambiguous) {
    fprintf(stderr, "scoutlab %s: '%s' matches several players; give the full name:\n", cmd, query);
    const sl_column *club = sl_table_role(t, SL_ROLE_CLUB);
    for (size_t r = 0; r < t->nrows; r++)
      if (score[r] == best)
        fprintf(stderr, "  %s%s%s\n", names->text[r], club && club->text && club->text[r] ? ", " : "",
                club && club->text && club->text[r] ? club->text[r] : "");
    rc = SL_EXIT_DATA;
  }
  free(q), free(first), free(score);
  return rc;
}

/* ---- the player record -------------------------------------------------------------------- */

#define NOTE(...)                                                                            \
  do {                                                                                       \
    if (notes && *nnotes < max_notes) snprintf(notes[(*nnotes)++], SL_FEES_NOTE_MAX, __VA_ARGS__); \
  } while (0)

int sl_cli_fee_player(const char *cmd, const sl_cli_fee_attrs *a, const sl_fees_model *m, sl_table **tab,
                      sl_fees_player *p, char notes[][SL_FEES_NOTE_MAX], size_t *nnotes, size_t max_notes) {
  sl_error err;
  sl_fees_player_init(p);
  if (a->ndata) {
    sl_load_options lim;
    sl_cli_load_options(&lim);
    if (sl_table_load_many(a->data, a->ndata, &lim, tab, &err)) return sl_cli_fail(&err);
    sl_cli_table_warnings(cmd, *tab);
    size_t row = 0;
    int rc = sl_cli_find_player_row(cmd, *tab, a->player, &row);
    if (rc) return rc;
    sl_fees_player_from_row(*tab, row, p);
    char place[600];
    /* The accounting of --data (issue 10): one row used, the others read, the loader's skips. */
    NOTE("attributes from %s (--data: %zu rows read, %zu skipped by the loader)",
         sl_table_row_place(*tab, row, place, sizeof place), (*tab)->rows_read, (*tab)->nskipped);
  }
  if (!p->name) p->name = a->player;
  if (!isnan(a->age)) p->age = a->age;
  if (a->position) p->group = sl_fees_position_group(a->position);
  if (a->club) p->club = a->club;
  if (a->league) p->league = a->league;
  if (a->buyer_league) p->buyer_league = a->buyer_league;
  if (a->season) p->season = a->season;
  if (!isnan(a->market_value)) p->market_value = a->market_value;
  if (!isnan(a->contract_months)) p->contract_months = a->contract_months;
  if (!isnan(a->minutes_share)) p->minutes_share = a->minutes_share;
  if (!p->league && p->club && (p->league = sl_fees_club_league(m, p->club)))
    NOTE("league of %s from the training deals: %s", p->club, p->league);
  if (!p->season && m->season_max > 0) {
    p->season = m->season_max;
    NOTE("no season given: valued as of %d, the last training season", p->season);
  }
  if (a->contract_until) {
    char what[256];
    snprintf(what, sizeof what, "contract-until=%s", a->contract_until);
    if (sl_fees_player_apply(p, what, &err)) return sl_cli_fail(&err);
  }
  return SL_EXIT_OK;
}

