/* report_club.c - the squad report: every player's importance, value estimate and contract. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime_internal.h"
#include "report_internal.h"
#include "scoutlab/season.h"

/* Columns of the squad table. */
#define RP_CLUB_COLS 9

static void squad_row(rp_ctx *x, const sl_squad_entry *e, const char **cells, char b[][40]) {
  const sl_player *p = sl_compare_player(sl_squad_index(x->squad), e->player);
  sl_fees_player fp;
  sl_fees_valuation v;
  sl_error err;
  int ok = rp_value(x, p, NULL, NAN, &fp, &v, &err) == SL_OK;
  sl_snprintf_c(b[0], 40, "%zu", e->rank_in_club);
  sl_snprintf_c(b[1], 40, "%.0f", e->age);
  sl_snprintf_c(b[2], 40, "%.0f%%", 100 * e->minutes_share);
  sl_snprintf_c(b[3], 40, "%.1f", e->total);
  if (ok) sl_money_text(v.fair_fee, b[4], 40);
  else sl_snprintf_c(b[4], 40, "-");
  if (ok) {
    char lo[20], hi[20];
    sl_snprintf_c(b[5], 40, "%s \xe2\x80\x93 %s", rp_money(v.fee_low, lo, sizeof lo), rp_money(v.fee_high, hi, sizeof hi));
  } else {
    sl_snprintf_c(b[5], 40, "-");
  }
  sl_snprintf_c(b[6], 40, isfinite(e->years_left) ? "%.1f" : "unknown", e->years_left);
  const char *row[RP_CLUB_COLS] = {b[0], p->name, sl_group_name(p->group), b[1], b[2], b[3], b[4], b[5], b[6]};
  memcpy(cells, row, sizeof row);
}

int rp_club_report(rp_ctx *x, sl_doc *d) {
  size_t k;
  int status = sl_squad_find_club(x->squad, x->rq->club, &k, x->err);
  if (status) return status;
  sl_error err;
  const sl_squad_club *club = sl_squad_club_at(x->squad, k);
  char title[300], sub[300];
  sl_snprintf_c(title, sizeof title, "%s: squad report", club->name);
  char stxt[16];
  sl_snprintf_c(sub, sizeof sub, "%s \xc2\xb7 stats %s \xc2\xb7 %zu players \xc2\xb7 %.0f team matches", club->league,
           x->season ? sl_season_text(x->season, stxt, sizeof stxt) : "season unknown", club->n, club->team_matches);
  sl_doc_set_title(d, title, sub);
  const char **cells = calloc(club->n * RP_CLUB_COLS, sizeof *cells);
  char (*b)[7][40] = calloc(club->n ? club->n : 1, sizeof *b);
  if (!cells || !b) {
    free(cells), free(b);
    return sl_error_set(x->err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  }
  for (size_t i = 0; i < club->n; i++)
    squad_row(x, sl_squad_entry_at(x->squad, club->ranked[i]), cells + RP_CLUB_COLS * i, b[i]);
  rp_partial_callout(d, club);
  sl_doc_heading(d, 1, "Who matters most");
  sl_doc_paragraph(d, "Players ranked by squad importance (0-100, docs/squad.md). The fair fee is what the fee "
                      "model would expect for a transfer after this season; contract years count from the end of "
                      "the season.");
  const char *hdr[] = {"#", "player", "position", "age", "minutes share", "importance", "fair fee", "range",
                       "contract years left"};
  sl_doc_table(d, NULL, RP_CLUB_COLS, hdr, cells, club->n, "rllrrrrrr");
  free(cells), free(b);
  sl_charts_store *st = sl_charts_store_new();
  sl_plot_squad sq;
  sl_plot_importance im;
  if (st && sl_charts_squad_from_squad(x->squad, k, x->season, SL_CHARTS_SQUAD_MIN_SHARE, NULL, 0, st, &sq, &err) == SL_OK)
    rp_figure(x, d, SL_CHARTS_SQUAD, &sq, "squad", "The squad by age and share of league minutes; colour and size "
                                                  "show importance, labels the contract end.");
  if (st && sl_charts_importance_from_squad(x->squad, k, 0, x->season, NULL, 0, st, &im, &err) == SL_OK)
    rp_figure(x, d, SL_CHARTS_IMPORTANCE, &im, "importance", "Importance, component by component.");
  sl_charts_store_free(st);
  return SL_OK;
}
