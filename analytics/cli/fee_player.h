/* fee_player.h - the player a fee command values: found by name in --data files and/or given
 * by flags (flags win). Shared by `scoutlab value` and `scoutlab chart fees|age-curve` so that
 * both value the same record. CLI-private. */
#ifndef SCOUTLAB_CLI_FEE_PLAYER_H
#define SCOUTLAB_CLI_FEE_PLAYER_H

#include <stddef.h>

#include "scoutlab/fees.h"
#include "scoutlab/table.h"

/* The attributes as the command line gives them; NAN / NULL / 0 = not given. */
typedef struct sl_cli_fee_attrs {
  const char *player, *position, *contract_until, *club, *league, *buyer_league;
  const char *const *data; /* --data files */
  size_t ndata;
  double age, market_value, contract_months, minutes_share;
  int season;
} sl_cli_fee_attrs;

/** Row of `query` in t: the best name match (accent- and case-insensitive), the latest season
 *  among that player's rows; an unknown name gets "did you mean", several different players
 *  are listed. Messages start "scoutlab CMD:". Returns an exit status. */
int sl_cli_find_player_row(const char *cmd, const sl_table *t, const char *query, size_t *row);

/** Builds the record: loads --data into *tab (the caller frees it; borrowed strings point into
 *  it), takes the player's row, then the flags; a missing league comes from the club in the
 *  model's deals, a missing season is the model's last. Notes (up to max_notes) say where
 *  attributes came from. Returns an exit status. */
int sl_cli_fee_player(const char *cmd, const sl_cli_fee_attrs *a, const sl_fees_model *m, sl_table **tab,
                      sl_fees_player *p, char notes[][SL_FEES_NOTE_MAX], size_t *nnotes, size_t max_notes);

#endif
