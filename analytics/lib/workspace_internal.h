/* workspace_internal.h - the workspace's own state, shared by workspace*.c only. */
#ifndef SCOUTLAB_WORKSPACE_INTERNAL_H
#define SCOUTLAB_WORKSPACE_INTERNAL_H

#include "scoutlab/workspace.h"

struct sl_workspace {
  sl_table *stats, *values, *contracts, *positions, *overrides;
  sl_profiles *profiles;
  sl_compare *cmp;
  sl_squad *squad;
  sl_fees_model *model;
  sl_fees_report *fit; /* NULL when the model was loaded */
  double level;
  sl_workspace_seasons seasons;
  char notes[SL_WORKSPACE_MAX_NOTES][SL_FEES_NOTE_MAX];
  size_t nnotes;
};

/* The season rule (workspace_season.c): the stats season, or the range lo..hi (0 0: the caller
 * named none); then the valuation season (0: the window after the stats season). */
int sl_ws_decide_stats_season(sl_workspace *ws, int lo, int hi, sl_error *err);
void sl_ws_decide_valuation_season(sl_workspace *ws, int asked);

/* Adds a note (dropped past SL_WORKSPACE_MAX_NOTES). */
void sl_ws_note_(sl_workspace *ws, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

#endif
