/* fee_player.c - see fee_player.h */
#include "fee_player.h"

#include <math.h>
#include <string.h>

#include "cli.h"

static int open_workspace(const sl_cli_fee_attrs *a, sl_workspace **ws) {
  sl_workspace_inputs in;
  sl_workspace_inputs_init(&in);
  sl_cli_defaults def;
  sl_cli_workspace_defaults(&in, &def, NULL, 0, NULL);
  in.model = a->model;
  in.performance_model = a->performance_model;
  in.transfers = a->transfers, in.ntransfers = a->ntransfers;
  in.folds = a->folds;
  in.data = a->data, in.ndata = a->ndata;
  in.values = a->values, in.nvalues = a->nvalues;
  in.positions = a->positions, in.npositions = a->npositions;
  in.season = a->season, in.valuation_season = a->window;
  in.level = a->level;
  sl_error err;
  return sl_workspace_new(&in, ws, &err) ? sl_cli_fail(&err) : SL_EXIT_OK;
}

/* Opens the workspace, finds the player of --data/--values and maps the flags to attributes. */
static int fee_inputs(const sl_cli_fee_attrs *a, sl_workspace **ws, sl_workspace_player *pl, sl_workspace_player **plp,
                      sl_workspace_attrs *at) {
  int rc = open_workspace(a, ws);
  if (rc) return rc;
  sl_error err;
  *plp = NULL;
  if (a->player && (a->ndata || a->nvalues)) {
    if (sl_workspace_find(*ws, a->player, pl, &err)) return sl_cli_fail(&err);
    *plp = pl;
  }
  sl_workspace_attrs_init(at);
  at->age = a->age, at->market_value = a->market_value, at->contract_months = a->contract_months;
  at->minutes_share = a->minutes_share, at->position = a->position, at->contract_until = a->contract_until;
  at->club = a->club, at->league = a->league, at->buyer_league = a->buyer_league;
  at->buyer_club = a->buyer_club;
  at->name = a->player; /* a player valued from the flags alone: his name finds his last fee */
  if (a->last_fee && sl_fees_last_fee_parse(a->last_fee, &at->last_fee) == SL_OK) at->last_fee_season = a->last_fee_season;
  return SL_EXIT_OK;
}

int sl_cli_fee_player(const sl_cli_fee_attrs *a, sl_workspace **ws, sl_fees_player *p, char notes[][SL_FEES_NOTE_MAX],
                      size_t *nnotes, size_t max_notes) {
  sl_workspace_player pl, *plp;
  sl_workspace_attrs at;
  int rc = fee_inputs(a, ws, &pl, &plp, &at);
  if (rc) return rc;
  sl_error err;
  if (sl_workspace_fee_player(*ws, plp, &at, p, notes, nnotes, max_notes, &err)) return sl_cli_fail(&err);
  if (!p->name) p->name = a->player;
  return SL_EXIT_OK;
}

int sl_cli_fee_answer(const sl_cli_fee_attrs *a, double bid, size_t ncomparables, const char *const *what_if,
                      size_t nwhat, sl_workspace **ws, sl_workspace_answer **out) {
  sl_workspace_player pl, *plp;
  sl_workspace_attrs at;
  int rc = fee_inputs(a, ws, &pl, &plp, &at);
  if (rc) return rc;
  sl_error err;
  return sl_workspace_answer_new(*ws, plp, &at, bid, ncomparables, what_if, nwhat, out, &err) ? sl_cli_fail(&err)
                                                                                                : SL_EXIT_OK;
}
