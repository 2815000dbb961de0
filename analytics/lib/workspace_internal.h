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

/* Adds a note (dropped past SL_WORKSPACE_MAX_NOTES). */
void sl_ws_note_(sl_workspace *ws, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

#endif
