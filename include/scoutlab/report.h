/* report.h - from "should we bid?" to a shareable document: the player report (verdict,
 * reasons, comparables, what-if, per-90 profile, similar players, squad importance, replacement
 * cost, method) and the club report (every player's importance, value estimate and contract),
 * built from a workspace (workspace.h) into an sl_doc (doc.h) that writes HTML and Markdown.
 *
 * Every number comes from the workspace's modules (fees, compare, squad, charts) through the
 * same functions the single commands call, so a report and a command never disagree. The
 * builder never prints: progress goes to an optional callback, errors into sl_error.
 *
 * Ownership: *doc is the caller's (sl_doc_free()). The workspace and the request are borrowed
 * for the duration of the call. Chart files are written under request.dir/charts.
 *
 *   sl_report_request rq; sl_report_request_init(&rq); rq.player = "Balerdi"; rq.bid = 25e6; rq.dir = "out";
 *   sl_doc *doc; sl_report_summary sum;
 *   if (sl_report_build(ws, &rq, &doc, &sum, &err) == SL_OK) ... sl_doc_write_html(doc, f, &err);
 */
#ifndef SCOUTLAB_REPORT_H
#define SCOUTLAB_REPORT_H

#include <stddef.h>

#include "scoutlab/doc.h"
#include "scoutlab/error.h"
#include "scoutlab/workspace.h"

#include "scoutlab/export.h"
SL_BEGIN_DECLS /* C linkage, exported; thread safety: see scoutlab/export.h */

/* Past deals listed as comparables, and similar players valued as replacements. */
#define SL_REPORT_COMPARABLES 8
#define SL_REPORT_SIMILAR 5

/** Called with a short progress line ("drawing charts/radar.png"); may be NULL. */
typedef void (*sl_report_progress_fn)(void *ctx, const char *what);

typedef struct sl_report_request {
  const char *player;              /* a player report for this name ("Name (Club)" when ambiguous) */
  const char *club;                /* or a club report; exactly one of the two */
  double bid;                      /* EUR; NAN = no bid */
  const sl_workspace_attrs *given; /* what the caller states about the player, or NULL */
  const char *dir;                 /* output directory: charts go to dir/charts */
  int charts;                      /* 1: draw the charts with gnuplot */
  const char *plotdir;             /* the chart templates' directory; NULL = "plots" here */
  const char *const *inputs;       /* every file or folder the workspace read: no chart replaces
                                      one (may be NULL) */
  size_t ninputs;
  size_t ndata_inputs;             /* the first of inputs that are data (stats, values, positions,
                                      transfers): the charts' credit line names them; the rest
                                      (a model file, the profiles, the overrides) are scoutlab's own */
  sl_report_progress_fn progress;
  void *progress_ctx;
} sl_report_request;

/** The verdict in three lines, for a terminal after the files are written. */
typedef struct sl_report_summary {
  char text[1200]; /* "" for a club report */
  char charts_note[300]; /* why charts were left out ("" when every chart was drawn) */
} sl_report_summary;

/** Sets defaults: no player or club, no bid, charts on, no progress. */
void sl_report_request_init(sl_report_request *rq);

/** Builds the report. Returns SL_OK and *doc (the caller frees it with sl_doc_free()); a
 *  player or club not found is SL_ENOTFOUND / SL_EAMBIG from the workspace; SL_EINVAL when the
 *  workspace has no stats or no fee model. A chart that cannot be drawn is left out with a
 *  caveat in the method section, never an error. */
int sl_report_build(const sl_workspace *ws, const sl_report_request *rq, sl_doc **doc, sl_report_summary *summary,
                    sl_error *err);

SL_END_DECLS

#endif
