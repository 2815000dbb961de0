/* report_internal.h - the parts of the report builder shared by its files (report*.c): the
 * build context and the helpers that turn module results into report blocks. Library-private.
 *
 * The report reads the workspace and the same modules the single commands use (fees, compare,
 * squad, charts) and writes through the doc module, so its numbers are the commands' numbers. */
#ifndef SCOUTLAB_REPORT_INTERNAL_H
#define SCOUTLAB_REPORT_INTERNAL_H

#include <stdio.h>

#include "scoutlab/charts.h"
#include "scoutlab/compare.h"
#include "scoutlab/doc.h"
#include "scoutlab/fees.h"
#include "scoutlab/money.h"
#include "scoutlab/report.h"
#include "scoutlab/squad.h"
#include "scoutlab/table.h"
#include "scoutlab/workspace.h"

/* Caveats the method section lists. */
#define RP_MAX_NOTES 16

typedef struct rp_ctx {
  const sl_report_request *rq;
  const sl_workspace *ws;
  const sl_table *stats, *values, *contracts, *positions;
  const sl_profiles *profiles;
  const sl_compare *cmp;     /* players combined over clubs: profiles and similarity */
  const sl_squad *squad;     /* per-club entries: importance */
  const sl_fees_model *model;
  const sl_fees_report *fit; /* accuracy of the fit; NULL when the model was loaded */
  double level;              /* interval level (the workspace's) */
  int season;                /* season of the stats (first year), 0 when unknown */
  int chart_failed;          /* a chart could not be drawn (said once in the caveats) */
  sl_error *err;             /* where a failing block reports */
  sl_report_summary *summary;
  char notes[RP_MAX_NOTES][SL_FEES_NOTE_MAX]; /* caveats for the method section */
  size_t nnotes;
} rp_ctx;

/** Adds a caveat to the method section (silently dropped past the capacity). */
void rp_note(rp_ctx *x, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/** Reports progress through the request's callback. */
void rp_progress(const rp_ctx *x, const char *what);

/** "€18.2m" / "€750k" for prose and tables. */
const char *rp_money(double eur, char *buf, size_t size);

/** The fee-model record and valuation of a player of the stats (the workspace's rule); the
 *  caller's statements apply only to the report's own player (given may be NULL). */
int rp_value(const rp_ctx *x, const sl_player *p, const sl_workspace_attrs *given,
             double bid, sl_fees_player *fp, sl_fees_valuation *v, sl_error *err);

/** The squad entry of compare-index player i (his club with the most minutes), or NULL. */
const sl_squad_entry *rp_entry_of(const rp_ctx *x, size_t i);

/** Renders a chart into DIR/charts/NAME.png and adds it as a figure; when gnuplot is missing or
 *  fails, or without charts, the figure is left out and a caveat says why. */
void rp_figure(rp_ctx *x, sl_doc *d, sl_charts_kind kind, void *chart, const char *name, const char *caption);
/* A warning callout when the club's rows are incomplete (sl_squad_club.partial); nothing otherwise. */
void rp_partial_callout(sl_doc *d, const sl_squad_club *club);

/** "2024-25" for the stats season, or NULL when unknown. */
const char *rp_season_label(const rp_ctx *x, char *buf, size_t size);

/** Builds the player report into d. Returns a status (x->err filled). */
int rp_player_report(rp_ctx *x, sl_doc *d);

/** Builds the club report into d. Returns a status (x->err filled). */
int rp_club_report(rp_ctx *x, sl_doc *d);

/** The method-and-data section shared by both reports. */
void rp_method_section(rp_ctx *x, sl_doc *d);

#endif
