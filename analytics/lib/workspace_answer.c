/* workspace_answer.c - what `scoutlab value` answers about one player (the valuation, the model
 * that gave it and why, the nearest deals, the what-ifs), built once for the command and the
 * bindings, and its JSON document; see include/scoutlab/workspace.h. */
#include "workspace_internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "scoutlab/json.h"
#include "scoutlab/parse.h"
#include "scoutlab/season.h"

/* One what-if on q for model m: a league named is checked and spelt as the model knows it, as
 * --league and --buyer-league are (a typo is refused, never valued as an unknown league). */
static int apply_what_if(const sl_workspace *ws, const sl_fees_model *m, sl_fees_player *q, const char *what,
                         sl_error *err) {
  int st = sl_fees_model_apply(m, q, what, err);
  static const char *const keys[2] = {"league=", "buyer-league="};
  static const char *const field[2] = {"league", "buyer_league"};
  const char **dest[2] = {&q->league, &q->buyer_league};
  for (int k = 0; !st && k < 2; k++) {
    if (strncmp(what, keys[k], strlen(keys[k])) != 0) continue;
    int pooled = 0;
    st = sl_workspace_league(ws, what + strlen(keys[k]), field[k], dest[k], &pooled, err);
    if (st && err) { /* the what-if named, as for every other what-if refused */
      char why[SL_ERROR_MESSAGE_MAX];
      snprintf(why, sizeof why, "%s", err->message);
      sl_error_field(err, "what_if", sl_error_set(err, st, NULL, 0, 0, "what-if '%.120s': %.500s", what, why));
    }
  }
  return st;
}

int sl_workspace_answer_new(const sl_workspace *ws, const sl_workspace_player *pl, const sl_workspace_attrs *given,
                            double bid, size_t ncomparables, const char *const *what_if, size_t nwhat,
                            sl_workspace_answer **out, sl_error *err) {
  *out = NULL;
  if (!ws) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "sl_workspace_answer_new: NULL workspace");
  if (nwhat && !what_if) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "%zu what-ifs but no list of them", nwhat);
  if (nwhat > SL_WORKSPACE_MAX_WHAT_IF)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "at most %d what-ifs (got %zu)", SL_WORKSPACE_MAX_WHAT_IF, nwhat);
  sl_workspace_answer *a = calloc(1, sizeof *a);
  if (!a) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  int st = sl_ws_value_chosen(ws, pl, given, bid, &a->player, &a->valuation, &a->model, &a->model_path,
                              a->model_choice, sizeof a->model_choice, err);
  if (!st && !a->player.name) a->player.name = pl ? pl->name : given ? given->name : NULL; /* given = from attributes */
  if (!st && !a->player.club && pl) a->player.club = pl->club;
  if (!st) {
    a->seasons = sl_workspace_seasons_of(ws)->text;
    char own[SL_SEASON_TEXT_MAX];
    if (pl && !pl->stats && sl_ws_own_window(ws, a->player.season)) { /* a values row's own season */
      snprintf(a->seasons_own, sizeof a->seasons_own, "no stats; his values row is of %s: valued for a transfer in "
               "summer %d", sl_season_text(a->player.season - 1, own, sizeof own), a->player.season);
      a->seasons = a->seasons_own;
    }
    a->market_value_date = pl ? sl_workspace_market_value_date(ws, pl) : NAN;
    if (isfinite(bid)) sl_fees_verdict(&a->valuation, a->verdict, sizeof a->verdict);
    sl_error none;
    a->has_second = sl_workspace_value_second(ws, pl, given, bid, &a->second, &a->second_model, &none) == SL_OK;
    if (a->has_second) a->second_model_path = sl_ws_model_path(ws, a->second_model);
  }
  for (size_t i = 0; !st && i < nwhat; i++) {
    sl_fees_player *q = &a->what_if_player[i];
    *q = a->player;
    a->what_if_change[i] = what_if[i];
    st = apply_what_if(ws, a->model, q, what_if[i], err);
    /* The change may hand him to the other model (a current market value for an old one): its own
     * record, the change made again, as value would value him with that value stated. */
    const sl_fees_model *m = st ? a->model : sl_workspace_model_for(ws, q, NULL, NULL, 0);
    if (!st && m != a->model) st = sl_ws_fee_player_for(ws, pl, given, m, q, NULL, NULL, 0, err);
    if (!st && m != a->model) st = apply_what_if(ws, m, q, what_if[i], err);
    if (!st) st = sl_fees_value(m, q, ws->level, bid, &a->what_if[i], err);
    if (!st) a->what_if_model[i] = m, a->what_if_model_path[i] = sl_ws_model_path(ws, m);
    if (!st) a->nwhat_if++;
  }
  if (st) return free(a), st;
  if (ncomparables > SL_WORKSPACE_MAX_COMPARABLES) ncomparables = SL_WORKSPACE_MAX_COMPARABLES;
  a->ncomparables = sl_fees_comparables(a->model, &a->player, ncomparables, a->comparables);
  *out = a;
  return SL_OK;
}

void sl_workspace_answer_free(sl_workspace_answer *a) { free(a); }

/* ---- JSON ------------------------------------------------------------------------------------ */

static void member_text(FILE *f, const char *key, const char *s) {
  fprintf(f, "  \"%s\": ", key), sl_json_text_or_null(f, s), fputs(",\n", f);
}

static void member_number(FILE *f, const char *key, double v, int comma) {
  fprintf(f, "  \"%s\": ", key), sl_json_number(f, v), fputs(comma ? ",\n" : "\n", f);
}

/* The money figures and extrapolations every valuation has, the answer's and each what-if's. */
static void valuation_members(FILE *f, const sl_fees_valuation *v, const char *indent) {
  fprintf(f, "%s\"fair_fee\": ", indent), sl_json_number(f, v->fair_fee);
  fputs(", \"fee_mean\": ", f), sl_json_number(f, v->fee_mean);
  fputs(", \"fee_low\": ", f), sl_json_number(f, v->fee_low);
  fputs(", \"fee_high\": ", f), sl_json_number(f, v->fee_high);
  fputs(", \"p_at_least_bid\": ", f), sl_json_number(f, v->p_at_least_bid);
  fputs(", \"extrapolated\": [", f);
  for (size_t i = 0; i < v->nextrapolated; i++) {
    const sl_fees_extrapolation *e = &v->extrapolated[i];
    fprintf(f, "%s{\"term\": ", i ? ", " : ""), sl_json_string(f, e->term);
    fputs(", \"input\": ", f), sl_json_string(f, e->input);
    fputs(", \"value\": ", f), sl_json_number(f, e->value);
    fputs(", \"training_low\": ", f), sl_json_number(f, e->low);
    fputs(", \"training_high\": ", f), sl_json_number(f, e->high), fputc('}', f);
  }
  fputc(']', f);
}

static void player_members(FILE *f, const sl_workspace_answer *a) {
  const sl_fees_player *p = &a->player;
  char pos[64], day[16] = "";
  member_text(f, "player", p->name);
  member_text(f, "position_group", sl_fees_position_text(p->group, p->line_groups, pos, sizeof pos));
  member_text(f, "club", p->club);
  member_text(f, "league", p->league);
  member_text(f, "buyer_league", p->buyer_league);
  member_number(f, "season", p->season ? p->season : NAN, 1);
  member_number(f, "age", p->age, 1), member_number(f, "market_value", p->market_value, 1);
  member_number(f, "market_value_season", p->market_value_season ? p->market_value_season : NAN, 1);
  if (!isnan(a->market_value_date)) sl_date_format(a->market_value_date, day, sizeof day);
  member_text(f, "market_value_date", day[0] ? day : NULL);
  member_number(f, "contract_months", p->contract_months, 1), member_number(f, "minutes_share", p->minutes_share, 1);
  fputs("  \"seasons\": ", f), sl_json_string(f, a->seasons), fputs(",\n", f);
  member_text(f, "model", a->model_path);
  member_text(f, "model_choice", a->model_choice[0] ? a->model_choice : NULL);
  member_number(f, "stats_season", p->stats_season ? p->stats_season : NAN, 1);
  member_number(f, "last_fee", p->last_fee, 1); /* null: the model reads none; 0: no paid transfer before */
  member_number(f, "last_fee_season", p->last_fee_season ? p->last_fee_season : NAN, 1);
}

static void contributions(FILE *f, const sl_fees_valuation *v) {
  fputs("  \"contributions\": [", f);
  for (size_t t = 0; t < v->ncontrib; t++) {
    const sl_fees_contribution *c = &v->contrib[t];
    fprintf(f, "%s\n    {\"term\": ", t ? "," : ""), sl_json_string(f, c->term);
    fputs(", \"value\": ", f), sl_json_string(f, c->value);
    fputs(", \"log_effect\": ", f), sl_json_number(f, c->log_effect);
    fputs(", \"percent\": ", f), sl_json_number(f, c->percent);
    fputs(", \"eur\": ", f), sl_json_number(f, c->eur), fputc('}', f);
  }
  fputs("],\n", f);
}

static void comparables(FILE *f, const sl_workspace_answer *a) {
  fputs("  \"comparables\": [", f);
  for (size_t i = 0; i < a->ncomparables; i++) {
    const sl_fees_deal *d = a->comparables[i].deal;
    fprintf(f, "%s\n    {\"player\": ", i ? "," : ""), sl_json_text_or_null(f, d->player.name);
    fputs(", \"season\": ", f), sl_json_number(f, d->player.season ? d->player.season : NAN);
    fputs(", \"age\": ", f), sl_json_number(f, d->player.age);
    fputs(", \"from\": ", f), sl_json_text_or_null(f, d->player.club);
    fputs(", \"from_league\": ", f), sl_json_text_or_null(f, d->player.league);
    fputs(", \"to\": ", f), sl_json_text_or_null(f, d->buyer);
    fputs(", \"to_league\": ", f), sl_json_text_or_null(f, d->player.buyer_league);
    fputs(", \"market_value\": ", f), sl_json_number(f, d->player.market_value);
    fputs(", \"fee\": ", f), sl_json_number(f, d->fee);
    fputs(", \"distance\": ", f), sl_json_number(f, a->comparables[i].distance), fputc('}', f);
  }
  fputs("],\n", f);
}

void sl_workspace_answer_json(FILE *f, const sl_workspace_answer *a) {
  const sl_fees_valuation *v = &a->valuation;
  fputs("{\n  ", f), sl_json_schema(f, "value"), fputc('\n', f);
  player_members(f, a);
  valuation_members(f, v, "  "), fputs(",\n", f);
  member_number(f, "log_fee", v->log_fee, 1), member_number(f, "level", v->level, 1);
  member_number(f, "bid", v->bid, 1);
  member_text(f, "verdict", a->verdict[0] ? a->verdict : NULL);
  member_text(f, "interval", v->interval == SL_FEES_INTERVAL_CONFORMAL ? "conformal" : "t");
  member_number(f, "typical_fee", v->typical_fee, 1);
  fputs("  \"second_answer\": ", f);
  if (a->has_second) {
    fputs("{\"model\": ", f), sl_json_text_or_null(f, a->second_model_path);
    fputs(", \"by\": ", f), sl_json_string(f, sl_fees_model_uses(a->second_model, SL_FEES_VAR_MARKET_VALUE)
                                                      ? "market_value" : "performance");
    fputs(", ", f), valuation_members(f, &a->second, ""), fputs("},\n", f);
  } else {
    fputs("null,\n", f);
  }
  contributions(f, v);
  comparables(f, a);
  fputs("  \"what_if\": [", f);
  for (size_t i = 0; i < a->nwhat_if; i++) {
    fprintf(f, "%s\n    {\"change\": ", i ? "," : ""), sl_json_string(f, a->what_if_change[i]);
    fputs(", ", f), valuation_members(f, &a->what_if[i], "");
    fputs(", \"model\": ", f), sl_json_text_or_null(f, a->what_if_model_path[i]), fputc('}', f);
  }
  fputs("],\n  \"notes\": [", f);
  for (size_t i = 0; i < v->nnotes; i++) fputs(i ? ", " : "", f), sl_json_string(f, v->notes[i]);
  fputs("]\n}\n", f);
}
