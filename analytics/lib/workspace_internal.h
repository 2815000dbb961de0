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
  sl_fees_model *perf_model; /* inputs.performance_model, or NULL */
  const char *model_path, *perf_model_path; /* as given (borrowed from the inputs' caller) */
  sl_perf_index *perf; /* performance terms of the stats, when a model has such terms */
  int perf_own_index;  /* 1: the perf index has its own player index (ws->cmp is pooled or per club) */
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
