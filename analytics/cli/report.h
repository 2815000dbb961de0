/* report.h - the parts of `scoutlab report` shared by its files: the loaded inputs and the
 * helpers that turn module results into report blocks. CLI-private (analytics/cli).
 *
 * The report reads the same modules the single commands use (fees, compare, squad, plot) and
 * writes through the doc module, so its numbers are the numbers those commands print. */
#ifndef SCOUTLAB_CLI_REPORT_H
#define SCOUTLAB_CLI_REPORT_H

#include <stdio.h>

#include "chart_data.h"
#include "scoutlab/compare.h"
#include "scoutlab/doc.h"
#include "scoutlab/fees.h"
#include "scoutlab/squad.h"
#include "scoutlab/table.h"

/* Files of one kind a report can read (repeatable options). */
#define RP_MAX_FILES 32
/* Past deals listed as comparables, and similar players valued as replacements. */
#define RP_COMPARABLES 8
#define RP_SIMILAR 5

typedef struct rp_files {
  const char *path[RP_MAX_FILES];
  size_t n;
} rp_files;

typedef struct rp_args {
  const char *player, *club, *outdir, *model, *season, *level_text;
  rp_files stats, values, contracts, positions, transfers;
  double bid;              /* EUR, NAN without --bid */
  double level;            /* interval level */
  double age, market_value;/* overrides, NAN when not given */
  const char *position, *contract_until;
  int html, markdown, quiet, charts;
} rp_args;

typedef struct rp_ctx {
  const rp_args *a;
  sl_table *stats, *values, *contracts, *positions, *overrides;
  sl_profiles *profiles;
  sl_compare *cmp;           /* players combined over clubs: profiles and similarity */
  sl_squad *squad;           /* per-club entries: importance */
  sl_fees_model *model;
  sl_fees_report *fit;       /* accuracy of the fit; NULL when the model was loaded */
  int season;                /* season of the stats (first year), 0 when unknown */
  int progress;              /* print progress on stderr */
  int chart_failed;          /* a chart could not be drawn (said once in the caveats) */
  char summary[1200];        /* the verdict in three lines, printed after the files are written */
  char notes[16][SL_FEES_NOTE_MAX]; /* caveats for the method section */
  size_t nnotes;
} rp_ctx;

/** Adds a caveat to the method section (silently dropped past the capacity). */
void rp_note(rp_ctx *x, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/** "€18.2m" / "€750k" for prose and tables. */
const char *rp_money(double eur, char *buf, size_t size);

/** The fee-model record of a player from his stats (compare index), his per-club squad entry
 *  (minutes share, contract; may be NULL) and the command-line overrides (only for the report's
 *  own player: apply_overrides). Notes say what was assumed. */
void rp_fee_player(const rp_ctx *x, const sl_player *p, const sl_squad_entry *e, int apply_overrides,
                   sl_fees_player *fp, char notes[][SL_FEES_NOTE_MAX], size_t *nnotes, size_t max_notes);

/** The squad entry of compare-index player i (his club with the most minutes), or NULL. */
const sl_squad_entry *rp_entry_of(const rp_ctx *x, size_t i);

/** Renders a chart into DIR/charts/NAME.png and adds it as a figure; when gnuplot is missing or
 *  fails, or with --no-charts, the figure is left out and a caveat says why. */
void rp_figure(rp_ctx *x, sl_doc *d, sl_chart_kind kind, void *chart, const char *name, const char *caption);

/** "2024-25" for the stats season, or NULL when unknown (the chart reads the file name). */
const char *rp_season_label(const rp_ctx *x, char *buf, size_t size);

/** Builds the player report into d. Returns an exit status. */
int rp_player_report(rp_ctx *x, sl_doc *d);

/** Builds the club report into d. Returns an exit status. */
int rp_club_report(rp_ctx *x, sl_doc *d);

/** The method-and-data section shared by both reports. */
void rp_method_section(rp_ctx *x, sl_doc *d);

#endif
