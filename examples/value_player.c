/* value_player.c - scoutlab from C, using only the installed headers: load a table, fit the fee
 * model from past transfers, value a player, and write the Markdown report.
 *
 *   cc value_player.c $(pkg-config --cflags --libs scoutlab) -o value_player
 *   ./value_player DEMO_DIR OUT_DIR      (DEMO_DIR = PREFIX/share/scoutlab/demo)
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <scoutlab/scoutlab.h>

#define PLAYER "Tobías Quirandel"
#define BID_EUR 25e6
#define PATH_MAX_LEN 4096

static int fail(const char *what, const sl_error *err) {
  char text[2048];
  fprintf(stderr, "value_player: %s: %s\n", what, sl_error_text(err, text, sizeof text));
  return 1;
}

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: value_player DEMO_DIR OUT_DIR\n");
    return 2;
  }
  char stats[PATH_MAX_LEN], values[PATH_MAX_LEN], contracts[PATH_MAX_LEN], transfers[PATH_MAX_LEN];
  char profiles[PATH_MAX_LEN], report[PATH_MAX_LEN];
  snprintf(stats, sizeof stats, "%s/players.csv", argv[1]);
  snprintf(values, sizeof values, "%s/values.csv", argv[1]);
  snprintf(contracts, sizeof contracts, "%s/contracts.csv", argv[1]);
  snprintf(transfers, sizeof transfers, "%s/transfers.csv", argv[1]);
  snprintf(report, sizeof report, "%s/report.md", argv[2]);
  printf("scoutlab %s (headers %s)\n", sl_version(), SL_VERSION_STRING);

  /* 1. A table. */
  sl_error err;
  sl_table *t = NULL;
  if (sl_table_load(stats, NULL, &t, &err)) return fail("load", &err);
  printf("%s: %zu rows, %zu columns\n", stats, t->nrows, t->ncols);
  sl_table_free(t);

  /* 2. The fee model, fitted from past transfers, over the season's files. */
  const char *s[] = {stats}, *v[] = {values}, *c[] = {contracts}, *tr[] = {transfers};
  sl_workspace_inputs in;
  sl_workspace_inputs_init(&in);
  in.stats = s, in.nstats = 1, in.values = v, in.nvalues = 1, in.contracts = c, in.ncontracts = 1;
  in.transfers = tr, in.ntransfers = 1, in.season = 2024;
  if (sl_data_file("profiles.csv", profiles, sizeof profiles, &err) == SL_OK) in.profiles = profiles;
  sl_workspace *ws = NULL;
  if (sl_workspace_new(&in, &ws, &err)) return fail("workspace", &err);
  printf("fee model: %zu coefficients\n", sl_workspace_model(ws)->p);

  /* 3. One player's fair fee. */
  sl_workspace_player pl;
  sl_fees_valuation val;
  if (sl_workspace_find(ws, PLAYER, &pl, &err) || sl_workspace_value(ws, &pl, NULL, BID_EUR, NULL, &val, &err))
    return sl_workspace_free(ws), fail("value", &err);
  printf("%s: fair fee EUR %.0f (%.0f%% range %.0f - %.0f), P(fee >= bid) = %.3f\n", pl.name, val.fair_fee,
         100 * val.level, val.fee_low, val.fee_high, val.p_at_least_bid);

  /* 4. The report, as Markdown (no charts: gnuplot is not needed here). */
  sl_report_request rq;
  sl_report_request_init(&rq);
  rq.player = PLAYER, rq.bid = BID_EUR, rq.dir = argv[2], rq.charts = 0;
  sl_doc *doc = NULL;
  sl_report_summary sum;
  int st = sl_output_make_dir(argv[2], &err) || sl_report_build(ws, &rq, &doc, &sum, &err);
  FILE *f = st ? NULL : fopen(report, "w");
  if (!st && (!f || sl_doc_write_markdown(doc, f, &err))) st = 1;
  if (f && fclose(f) != 0) st = 1;
  sl_doc_free(doc);
  sl_workspace_free(ws);
  if (st) return fail("report", &err);
  printf("wrote %s\n%s\n", report, sum.text);
  return 0;
}
