/* fee_player.h - the command-line attributes of a player to value, turned into a workspace
 * (include/scoutlab/workspace.h) and the player's fee record. Shared by `scoutlab value` and
 * `scoutlab chart fees|age-curve`, so that both ask the library the same question. CLI-private:
 * it only maps options to the library and prints the library's errors. */
#ifndef SCOUTLAB_CLI_FEE_PLAYER_H
#define SCOUTLAB_CLI_FEE_PLAYER_H

#include <stddef.h>

#include "scoutlab/fees.h"
#include "scoutlab/workspace.h"

/* The attributes as the command line gives them; NAN / NULL / 0 = not given. */
typedef struct sl_cli_fee_attrs {
  const char *model;                   /* --model */
  const char *performance_model;       /* --performance-model */
  const char *const *transfers;        /* --transfers (instead of --model) */
  size_t ntransfers;
  const char *player, *position, *contract_until, *club, *league, *buyer_league;
  const char *buyer_club;              /* --buyer-club */
  const char *last_fee;                /* --last-fee: an amount in euros, or "none"; NULL = from
                                          the model's deals */
  int last_fee_season;                 /* --last-fee-season, 0 = not given */
  const char *const *data;             /* --data files */
  size_t ndata;
  const char *const *values;           /* --values files (market values, or a value history) */
  size_t nvalues;
  const char *const *positions;        /* --positions files or folders (sub-positions) */
  size_t npositions;
  double age, market_value, contract_months, minutes_share, level;
  int season, window;                  /* --season (of the data), --window (transfer season) */
  unsigned folds;                      /* when fitting from --transfers: 1 = no k-fold */
} sl_cli_fee_attrs;

/** Opens the workspace over the model and the --data files and builds the player's record
 *  (the library's rule), flags on top. Notes (up to max_notes) say where attributes came from.
 *  Returns an exit status; on success *ws is the caller's to sl_workspace_free(), and p's
 *  strings are borrowed from it. */
int sl_cli_fee_player(const sl_cli_fee_attrs *a, sl_workspace **ws, sl_fees_player *p, char notes[][SL_FEES_NOTE_MAX],
                      size_t *nnotes, size_t max_notes);

/** The same workspace and player, answered as `value` answers (sl_workspace_answer_new: the
 *  valuation, the model and why, ncomparables deals, the what-ifs). Returns an exit status; on
 *  success *ws and *out are the caller's (sl_workspace_answer_free, then sl_workspace_free). */
int sl_cli_fee_answer(const sl_cli_fee_attrs *a, double bid, size_t ncomparables, const char *const *what_if,
                      size_t nwhat, sl_workspace **ws, sl_workspace_answer **out);

#endif
