/* workspace_internal.h - the workspace's own state, shared by workspace*.c only. */
#ifndef SCOUTLAB_WORKSPACE_INTERNAL_H
#define SCOUTLAB_WORKSPACE_INTERNAL_H

#include "scoutlab/workspace.h"

struct sl_workspace {
  sl_table *stats, *values, *contracts, *positions, *overrides;
  sl_table *transfers;               /* the transfers' report only (files, skipped rows): their
                                        rows are the model's deals once it is fitted */
  int ages_at_season_start;          /* the stats' ages are at the start of their season (the
                                        yearly layout), not at the export's date */
  sl_table *history;                 /* a value history until it is joined onto values, then NULL */
  sl_attach_report history_report;   /* that join (file "" when there was none) */
  long history_date_col;             /* values' column of the valuation dates, -1 none */
  sl_profiles *profiles;
  sl_compare *cmp;
  sl_squad *squad;
  sl_fees_model *model;
  sl_fees_report *fit; /* NULL when the model was loaded */
  sl_fees_model *perf_model; /* inputs.performance_model, or NULL */
  char *model_path, *perf_model_path; /* as given, copied (a binding's strings do not outlive the call) */
  sl_fees_rows *value_rows, *perf_value_rows; /* readers of values' rows for model and perf_model
                                                 (built once: a reader is a pass over the table) */
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
/* sl_workspace_value, also giving the model that valued him (*model, may be NULL), its file
 * (*path, NULL for a fitted one; may be NULL) and why it was chosen (why, "" when no choice):
 * one decision for value's answer and every other caller. */
/* sl_workspace_fee_player for the model `force` (NULL: the one sl_workspace_model_for chooses):
 * its column terms and last fee. */
int sl_ws_fee_player_for(const sl_workspace *ws, const sl_workspace_player *pl, const sl_workspace_attrs *given,
                         const sl_fees_model *force, sl_fees_player *fp, char notes[][SL_FEES_NOTE_MAX],
                         size_t *nnotes, size_t max_notes, sl_error *err);
/* The file of model m, one of the workspace's two (NULL for a fitted one). */
const char *sl_ws_model_path(const sl_workspace *ws, const sl_fees_model *m);
int sl_ws_value_chosen(const sl_workspace *ws, const sl_workspace_player *pl, const sl_workspace_attrs *given,
                       double bid, sl_fees_player *fp, sl_fees_valuation *out, const sl_fees_model **model,
                       const char **path, char *why, size_t why_size, sl_error *err);
void sl_ws_decide_valuation_season(sl_workspace *ws, int asked);

/* 1 when a values row is valued for its own window (row_window, the one after its season): the
 * workspace has no stats season and the caller named no window (workspace_fee.c). */
int sl_ws_own_window(const sl_workspace *ws, int row_window);
/* "2025-07-01" into buf ("" for NAN); returns buf. */
const char *sl_ws_day_text(double days, char *buf, size_t size);

/* Adds a note (dropped past SL_WORKSPACE_MAX_NOTES). */
void sl_ws_note_(sl_workspace *ws, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

#endif
