/* predict_batch.c - `scoutlab predict --data/--stats/--values`: every player of the files a
 * department has (FBref stats, Transfermarkt values, contracts, as exported) valued by the
 * workspace exactly as `scoutlab value` and `report` value him, one CSV line each, with the
 * reason for each player it cannot value. CLI glue: the rules are the workspace's. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "predict.h"
#include "scoutlab/compare.h"
#include "scoutlab/fees.h"
#include "scoutlab/season.h"
#include "scoutlab/workspace.h"

static int open_workspace(const sl_cli_predict_batch_args *a, sl_workspace **ws) {
  sl_workspace_inputs in;
  sl_workspace_inputs_init(&in);
  sl_cli_defaults def;
  sl_cli_workspace_defaults(&in, &def, NULL, 0, NULL);
  in.model = a->model, in.performance_model = a->performance_model;
  in.data = a->data, in.ndata = a->ndata;
  in.stats = a->stats, in.nstats = a->nstats;
  in.values = a->values, in.nvalues = a->nvalues;
  in.contracts = a->contracts, in.ncontracts = a->ncontracts;
  in.season = a->season, in.valuation_season = a->window;
  in.level = a->level;
  sl_error err;
  if (sl_workspace_new(&in, ws, &err)) return sl_cli_fail(&err);
  sl_cli_workspace_report("predict", *ws);
  sl_cli_table_warnings("predict", sl_workspace_stats(*ws));
  sl_cli_table_warnings("predict", sl_workspace_values(*ws));
  sl_cli_note("predict", "%s", sl_workspace_seasons_of(*ws)->text);
  return SL_EXIT_OK;
}

/* The --leagues filter, each league checked against the stats (did you mean) when there are
 * stats; the fee model's spelling, which the output prints ("1 Bundesliga"), is taken too. */
static int check_filters(const sl_cli_predict_batch_args *a, const sl_workspace *ws) {
  sl_error err;
  const sl_compare *c = sl_workspace_compare(ws);
  for (const char *s = a->leagues; s && *s && c;) {
    const char *e = strchr(s, ',');
    char item[160];
    size_t len = e ? (size_t)(e - s) : strlen(s);
    snprintf(item, sizeof item, "%.*s", (int)(len < sizeof item ? len : sizeof item - 1), s);
    const char *canonical = NULL;
    int pooled = 0;
    sl_error ignored;
    if (sl_compare_leagues_check(c, item, &err) &&
        (!sl_workspace_model(ws) || sl_workspace_league(ws, item, "league", &canonical, &pooled, &ignored)))
      return sl_cli_usage_error("predict", "--leagues: %s", err.message);
    s = e ? e + 1 : s + len;
  }
  int g;
  if (a->position && !sl_fees_position_line(a->position) && sl_workspace_position(a->position, &g, &err))
    return sl_cli_usage_error("predict", "--position: %s", err.message);
  return 0;
}

/* 1 when the player's position passes --position (a group, or a line's groups). */
static int in_position(const char *want, const sl_fees_player *fp) {
  if (!want) return 1;
  unsigned line = sl_fees_position_line(want);
  int g = sl_fees_position_group(want);
  if (line) return fp->group >= 0 ? (line >> fp->group & 1u) != 0 : (fp->line_groups & line) != 0;
  return fp->group == g;
}

static void print_header(sl_cli_records *w) {
  static const char *const names[] = {"player", "club", "league", "age", "position", "market_value",
                                      "contract_months", "minutes_share", "fair_fee", "fee_mean", "fee_low",
                                      "fee_high", "p_at_least_bid", "window", "reason", "extrapolated",
                                      "market_value_date", "valued_by"};
  for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) sl_cli_records_column(w, names[k]);
}

static void print_line(sl_cli_records *w, const sl_fees_player *fp, const char *name, const char *club,
                       const sl_fees_valuation *v, int ok, const char *reason, double value_date,
                       const char *valued_by) {
  char pos[64];
  sl_cli_records_text(w, name);
  sl_cli_records_text(w, club);
  sl_cli_records_text(w, fp->league);
  sl_cli_records_number(w, fp->age);
  sl_cli_records_text(w, sl_fees_position_text(fp->group, fp->line_groups, pos, sizeof pos));
  double vals[] = {fp->market_value, fp->contract_months, fp->minutes_share,
                   ok ? round(v->fair_fee) : NAN, ok ? round(v->fee_mean) : NAN, ok ? round(v->fee_low) : NAN,
                   ok ? round(v->fee_high) : NAN, ok ? v->p_at_least_bid : NAN, fp->season ? fp->season : NAN};
  for (size_t k = 0; k < sizeof vals / sizeof vals[0]; k++) sl_cli_records_number(w, vals[k]);
  sl_cli_records_text(w, ok ? NULL : reason);
  char text[512], day[16];
  sl_cli_records_text(w, ok ? sl_cli_predict_extrapolated(v, text, sizeof text) : NULL);
  sl_cli_records_text(w, isnan(value_date) ? NULL : sl_date_format(value_date, day, sizeof day));
  sl_cli_records_text(w, ok ? valued_by : NULL);
  sl_cli_records_end_row(w);
}

int sl_cli_predict_batch(const sl_cli_predict_batch_args *a) {
  sl_workspace *ws = NULL;
  int rc = open_workspace(a, &ws);
  if (!rc) rc = check_filters(a, ws);
  size_t n = rc ? 0 : sl_workspace_player_count(ws), valued = 0, listed = 0, filtered = 0;
  sl_cli_records w;
  sl_cli_records_begin(&w, stdout, a->format, "predict");
  if (!rc) print_header(&w);
  for (size_t i = 0; i < n; i++) {
    sl_workspace_player pl;
    sl_fees_player fp;
    sl_fees_valuation v;
    sl_error err;
    if (sl_workspace_player_nth(ws, i, &pl, &err)) continue;
    int st = sl_workspace_fee_player(ws, &pl, NULL, &fp, NULL, NULL, 0, &err);
    if (!st && ((a->leagues && !sl_workspace_in_leagues(ws, &pl, &fp, a->leagues)) || !in_position(a->position, &fp))) {
      filtered++;
      continue;
    }
    int built = !st;
    if (!st) st = sl_workspace_value(ws, &pl, NULL, a->bid, NULL, &v, &err);
    if (!built) sl_fees_player_init(&fp), fp.name = pl.name;
    valued += !st, listed++;
    const char *path = NULL; /* the model file that valued him (the workspace's choice), "fitted" for none */
    if (!st) sl_workspace_model_for(ws, &fp, &path, NULL, 0);
    print_line(&w, &fp, pl.name, pl.club, &v, !st, err.message, sl_workspace_market_value_date(ws, &pl),
               path ? path : "fitted");
  }
  if (!rc) sl_cli_records_finish(&w); /* on failure no column was declared: nothing to free */
  if (!rc && filtered)
    sl_cli_note("predict", "%zu players: %zu valued, %zu not (reason column); %zu left out by the league or position "
                           "filter", listed, valued, listed - valued, filtered);
  else if (!rc)
    sl_cli_note("predict", "%zu players: %zu valued, %zu not (reason column)", listed, valued, listed - valued);
  sl_workspace_free(ws);
  return rc;
}
