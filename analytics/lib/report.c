/* report.c - see include/scoutlab/report.h. The build context from a workspace; the blocks are
 * in report_player.c, report_club.c and report_common.c. */
#include <math.h>
#include <string.h>

#include "report_internal.h"

void sl_report_request_init(sl_report_request *rq) {
  memset(rq, 0, sizeof *rq);
  rq->bid = NAN;
  rq->charts = 1;
}

static void context(const sl_workspace *ws, const sl_report_request *rq, sl_report_summary *sum, sl_error *err,
                    rp_ctx *x) {
  memset(x, 0, sizeof *x);
  x->rq = rq, x->ws = ws, x->err = err, x->summary = sum;
  x->stats = sl_workspace_stats(ws), x->values = sl_workspace_values(ws);
  x->contracts = sl_workspace_contracts(ws), x->positions = sl_workspace_positions(ws);
  x->profiles = sl_workspace_profiles(ws);
  x->cmp = sl_workspace_compare(ws), x->squad = sl_workspace_squad(ws);
  x->model = sl_workspace_model(ws), x->fit = sl_workspace_fit_report(ws);
  x->season = sl_workspace_seasons_of(ws)->stats;
  x->level = sl_workspace_level(ws);
  for (size_t i = 0; i < sl_workspace_note_count(ws); i++) rp_note(x, "%s", sl_workspace_note(ws, i));
}

int sl_report_build(const sl_workspace *ws, const sl_report_request *rq, sl_doc **doc, sl_report_summary *summary,
                    sl_error *err) {
  if (!ws || !rq || !doc || !summary) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "sl_report_build: NULL argument");
  *doc = NULL;
  summary->text[0] = summary->charts_note[0] = '\0';
  if (!rq->player == !rq->club)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "a report is about one player or one club");
  if (!sl_workspace_stats(ws) || !sl_workspace_squad(ws))
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "a report needs season stats (and the squad built from them)");
  if (!sl_workspace_model(ws))
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "a report needs a fee model: past transfers or a saved model");
  rp_ctx x;
  context(ws, rq, summary, err, &x);
  sl_doc *d = sl_doc_new("", NULL);
  if (!d) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  int st = rq->player ? rp_player_report(&x, d) : rp_club_report(&x, d);
  if (!st) rp_method_section(&x, d);
  if (st) {
    sl_doc_free(d);
    return st;
  }
  *doc = d;
  return SL_OK;
}
