/* cmd_value.c - `scoutlab value`: one player's fair fee, interval, P(fee >= bid), verdict,
 * reasons, comparables and what-ifs from a saved fee model. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chart_data.h"
#include "cli.h"
#include "fee_player.h"
#include "predict.h"
#include "scoutlab/fees.h"
#include "scoutlab/season.h"
#include "scoutlab/table.h"
#include "scoutlab/workspace.h"

const char sl_help_value[] =
    "usage: scoutlab value --model MODEL.slm [--performance-model PERF.slm] --player NAME\n"
    "                      [--data FILE...] [--values FILE...] [--positions FILE|DIR...]\n"
    "                      [--age N]\n"
    "                      [--position P] [--league L] [--buyer-league L] [--buyer-club C]\n"
    "                      [--club C]\n"
    "                      [--season S] [--window YEAR] [--market-value X] [--contract-until DATE|YEAR]\n"
    "                      [--contract-months N] [--minutes-share X] [--bid X] [--level 0.8]\n"
    "                      [--last-fee X|none [--last-fee-season S]]\n"
    "                      [--what-if NAME=VALUE]... [--comparables K] [--format table|json|csv]\n"
    "                      [-q|-v]\n"
    "\n"
    "Values one player with a model from scoutlab fit: the fair fee (median = exp of the log\n"
    "prediction; expected = the mean of the predictive distribution), the interval at\n"
    "--level, and with --bid the probability that the fair fee is at least the bid, with a\n"
    "verdict in words.\n"
    "Then each term's contribution against a typical training deal (EUR and %), the K most\n"
    "similar past transfers of the same position group, and the what-if lines.\n"
    "\n"
    "Attributes come from --data (season stats, market values or contracts files, told apart by\n"
    "their columns; the player is found by name, accent- and case-insensitive, \"Name (Club)\"\n"
    "when several players share it) and/or the flags, which override the files. --values adds\n"
    "market values: a Transfermarkt-style file, or a value history by player_id and date\n"
    "(transfermarkt-datasets player_valuations.csv, joined to the --data players file on\n"
    "player_id: his latest valuation at or before 1 July of the window valued, whose date the\n"
    "output states). --positions adds Transfermarkt-style sub-positions (as report's). With stats\n"
    "and values the record is the one `scoutlab report` values. A missing league is looked up\n"
    "from the club in the training deals.\n"
    "\n"
    "Seasons (the same rule in every command): --season is the season of the player's data\n"
    "(2024 or 2024-25 = 2024/25); it is read from a season column or the file name when the\n"
    "files have one, and must agree with them. The valuation is for the transfer window after\n"
    "it (2024/25 data -> summer 2025) unless --window YEAR names the window. Without any season\n"
    "the model's last training season is used, with a note. Money: 25m, EUR25m, 25,000,000.\n"
    "\n"
    "  --performance-model PERF.slm  a no-market-value model with performance terms (scoutlab fit\n"
    "                    --stats --no-market-value): values the player when he has no market\n"
    "                    value, or one two seasons old or more (its season from the values row,\n"
    "                    file or folder name) and newer stats; the other model's answer follows\n"
    "  --last-fee X|none his latest paid transfer fee (a model without market value reads it; by\n"
    "                    default from the model's deals, which end with its data), or none when\n"
    "                    he was never sold for a fee; --last-fee-season S its season\n"
    "  --what-if age=+1 | contract-until=2027 | market-value=15m | league=\"Serie A\" | season=+1\n"
    "                    | last-fee=20m|none\n"
    "                    | buyer-league=\"Premier League\" | buyer-club=Chelsea\n"
    "  --chart FILE.png  also draw the model's fit on held-out transfers with this bid marked\n"
    "  --format F        table (default); json (every number, the contributions, comparables,\n"
    "                    what-ifs and notes, docs/json.md); csv: one line for the player and one\n"
    "                    per what-if (change = its NAME=VALUE), with predict's player columns\n"
    SL_CLI_HELP_VERBOSITY
    "\n"
    "example:\n"
    "  scoutlab value --model tm.slm --player Balerdi --data tm-values-2023/france.csv \\\n"
    "      --age 26 --position CB --window 2025 --bid 25m\n";

/** What-ifs one command accepts: a handful is what a person reads. */
#define MAX_WHAT_IF SL_WORKSPACE_MAX_WHAT_IF
/** Comparables shown by default. */
#define DEFAULT_COMPARABLES 5
#define MAX_COMPARABLES SL_WORKSPACE_MAX_COMPARABLES

typedef struct value_args {
  const char *model, *performance_model, *player, *position, *contract_until, *club, *league, *buyer_league;
  const char *buyer_club;
  const char *last_fee; /* --last-fee, checked by sl_fees_last_fee_parse */
  const char **data, **values, **positions;
  size_t ndata, nvalues, npositions;
  double age, market_value, contract_months, minutes_share, bid, level;
  int season, window, last_fee_season;
  const char *what_if[MAX_WHAT_IF];
  size_t nwhat;
  size_t comparables;
  sl_format format;
  const char *chart; /* --chart FILE: the model's held-out fit with this player's bid marked */
} value_args;

static int money_arg(const char *s, double *v) {
  double eur;
  if (!sl_parse_euros(s, SL_DECIMAL_POINT, &eur) || !(eur > 0)) return -1;
  *v = eur;
  return 0;
}

static int number_arg(const char *s, double *v) { return sl_parse_number(s, SL_DECIMAL_POINT, v) ? 0 : -1; }

/* What each option with a checked value expects, for the message when the value is not that. */
static const char *expected_value(const char *o) {
  static const char *const what[][2] = {
      {"--age", "a number of years, e.g. 26"},
      {"--contract-months", "a number of months, e.g. 18"},
      {"--minutes-share", "a share of the team's minutes, 0-1, e.g. 0.75"},
      {"--market-value", "an amount in euros greater than 0, e.g. 25m, 25.5m, EUR 25m or 25000000"},
      {"--bid", "an amount in euros greater than 0, e.g. 25m, 25.5m, EUR 25m or 25000000"},
      {"--last-fee", "an amount in euros greater than 0 (e.g. 10m), or none"},
      {"--last-fee-season", "a season, e.g. 2021 or 2021/22"},
      {"--season", "a season, e.g. 2024, 2024/25, 2024/2025 or 24/25"},
      {"--window", "a season, e.g. 2025, 2025/26 or 2025/2026"},
      {"--level", "a probability between 0 and 1, e.g. 0.8 for an 80% interval"},
      {"--comparables", "a whole number from 0 to 50"},
      {"--what-if", "at most 16 what-ifs"},
      {"--format", "table, json or csv"},
  };
  return sl_cli_pair_lookup(what, sizeof what / sizeof what[0], o);
}

static int parse_opt(value_args *a, const char *o, const char *v) {
  double x;
  if (strcmp(o, "--model") == 0) return a->model = v, 0;
  if (strcmp(o, "--performance-model") == 0) return a->performance_model = v, 0;
  if (strcmp(o, "--player") == 0) return a->player = v, 0;
  if (strcmp(o, "--chart") == 0) return a->chart = v, 0;
  if (strcmp(o, "--position") == 0) return a->position = v, 0;
  if (strcmp(o, "--league") == 0) return a->league = v, 0;
  if (strcmp(o, "--buyer-league") == 0) return a->buyer_league = v, 0;
  if (strcmp(o, "--buyer-club") == 0) return a->buyer_club = v, 0;
  if (strcmp(o, "--club") == 0) return a->club = v, 0;
  if (strcmp(o, "--contract-until") == 0) return a->contract_until = v, 0;
  if (strcmp(o, "--last-fee") == 0) return sl_fees_last_fee_parse(v, &x) ? -1 : (a->last_fee = v, 0);
  if (strcmp(o, "--last-fee-season") == 0) return sl_season_parse(v, &a->last_fee_season, NULL) ? -1 : 0;
  if (strcmp(o, "--age") == 0) return number_arg(v, &a->age);
  if (strcmp(o, "--contract-months") == 0) return number_arg(v, &a->contract_months);
  if (strcmp(o, "--minutes-share") == 0) return number_arg(v, &a->minutes_share);
  if (strcmp(o, "--market-value") == 0) return money_arg(v, &a->market_value);
  if (strcmp(o, "--bid") == 0) return money_arg(v, &a->bid);
  if (strcmp(o, "--season") == 0) return sl_season_parse(v, &a->season, NULL) ? -1 : 0;
  if (strcmp(o, "--window") == 0) return sl_season_parse(v, &a->window, NULL) ? -1 : 0; /* any season form */
  if (strcmp(o, "--level") == 0) return number_arg(v, &a->level) || !(a->level > 0 && a->level < 1) ? -1 : 0;
  if (strcmp(o, "--comparables") == 0)
    return number_arg(v, &x) || x < 0 || x > MAX_COMPARABLES ? -1 : (a->comparables = (size_t)x, 0);
  if (strcmp(o, "--what-if") == 0) return a->nwhat < MAX_WHAT_IF ? (a->what_if[a->nwhat++] = v, 0) : -1;
  if (strcmp(o, "--format") == 0)
    return sl_cli_parse_format(v, 1u << SL_FMT_TABLE | 1u << SL_FMT_JSON | 1u << SL_FMT_CSV, &a->format);
  return -1;
}

/* The file arguments after a list option (--data, --values, --positions): up to the next option. */
static void take_files(int argc, char **argv, int *i, const char **list, size_t *n) {
  while (*i + 1 < argc && strncmp(argv[*i + 1], "--", 2) != 0) list[(*n)++] = argv[++*i];
}

static void free_args(value_args *a) { free(a->data), free(a->values), free(a->positions); }

static int parse_args(int argc, char **argv, value_args *a) {
  memset(a, 0, sizeof *a);
  a->age = a->market_value = a->contract_months = a->minutes_share = a->bid = NAN;
  a->comparables = DEFAULT_COMPARABLES;
  if (!(a->data = calloc((size_t)argc, sizeof *a->data)) || !(a->values = calloc((size_t)argc, sizeof *a->values)) ||
      !(a->positions = calloc((size_t)argc, sizeof *a->positions)))
    return SL_EXIT_DATA;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--data") == 0) take_files(argc, argv, &i, a->data, &a->ndata);
    else if (strcmp(argv[i], "--values") == 0) take_files(argc, argv, &i, a->values, &a->nvalues);
    else if (strcmp(argv[i], "--positions") == 0) take_files(argc, argv, &i, a->positions, &a->npositions);
    else if (i + 1 < argc && parse_opt(a, argv[i], argv[i + 1]) == 0) i++;
    else {
      sl_money m; /* an amount in pounds is not a bad number: say what is expected */
      if (i + 1 < argc && sl_parse_money(argv[i + 1], SL_DECIMAL_POINT, &m) && m.currency[0] && strcmp(m.currency, "EUR"))
        return sl_cli_usage_error("value", "%s %s: amounts are in euros (scoutlab guesses no exchange rate)", argv[i],
                                  argv[i + 1]);
      const char *want = expected_value(argv[i]);
      if (want && i + 1 < argc)
        return sl_cli_usage_error("value", "%s expects %s, got '%s'", argv[i], want, argv[i + 1]);
      if (want) return sl_cli_usage_error("value", "%s needs a value: %s", argv[i], want);
      return sl_cli_usage_error("value", "bad option or value '%s%s%s'", argv[i], i + 1 < argc ? " " : "",
                                i + 1 < argc ? argv[i + 1] : "");
    }
  }
  if (!a->model) return sl_cli_usage_error("value", "no model (give --model MODEL.slm from scoutlab fit)");
  if (!a->player && (a->ndata || a->nvalues)) return sl_cli_usage_error("value", "--data and --values need --player NAME");
  if (a->last_fee_season && !a->last_fee) return sl_cli_usage_error("value", "--last-fee-season needs --last-fee X");
  return SL_EXIT_OK;
}

/* The answer: the workspace's rule for --data, then the flags (fee_player.c), valued by the
 * library with the comparables and what-ifs. */
static int build_answer(const value_args *a, sl_workspace **ws, sl_workspace_answer **ans) {
  sl_cli_fee_attrs at = {.model = a->model, .performance_model = a->performance_model, .player = a->player, .position = a->position,
                         .contract_until = a->contract_until, .club = a->club, .league = a->league,
                         .buyer_league = a->buyer_league, .buyer_club = a->buyer_club, .last_fee = a->last_fee,
                         .last_fee_season = a->last_fee_season, .data = a->data, .ndata = a->ndata, .values = a->values,
                         .nvalues = a->nvalues, .positions = a->positions, .npositions = a->npositions, .age = a->age,
                         .market_value = a->market_value, .contract_months = a->contract_months,
                         .minutes_share = a->minutes_share, .level = a->level, .season = a->season,
                         .window = a->window};
  return sl_cli_fee_answer(&at, a->bid, a->comparables, a->what_if, a->nwhat, ws, ans);
}

/* ---- printing ----------------------------------------------------------------------------- */

/* "age, log market value": the terms a valuation extrapolates. */
static const char *extrapolated_terms(const sl_fees_valuation *v, char *buf, size_t size) {
  buf[0] = '\0';
  for (size_t i = 0, len = 0; i < v->nextrapolated && len < size; i++)
    len += (size_t)snprintf(buf + len, size - len, "%s%s", i ? ", " : "", v->extrapolated[i].input);
  return buf;
}

/* The fee figures and, with a bid, the verdict. */
static void print_valuation(const sl_fees_valuation *v) {
  char a[64], b[64], terms[256];
  printf("fair fee (median)      %s\n", sl_cli_money(v->fair_fee, a, sizeof a));
  printf("expected fee (mean)    %s   (mean of the predictive distribution)\n", sl_cli_money(v->fee_mean, a, sizeof a));
  char range[16];
  snprintf(range, sizeof range, "%.0f%% range", 100 * v->level);
  printf("%-22s %s - %s   (%s interval)\n", range, sl_cli_money(v->fee_low, a, sizeof a), sl_cli_money(v->fee_high, b, sizeof b),
         v->interval == SL_FEES_INTERVAL_CONFORMAL ? "split-conformal" : "Student t");
  if (v->nextrapolated)
    printf("extrapolated           beyond the training deals in %s (see notes)\n", extrapolated_terms(v, terms, sizeof terms));
  if (isfinite(v->bid)) {
    char text[SL_FEES_VERDICT_MAX];
    printf("bid %s: P(fair fee >= bid) = %.1f%%\n", sl_cli_money(v->bid, a, sizeof a), 100 * v->p_at_least_bid);
    sl_fees_verdict(v, text, sizeof text);
    printf("verdict: %s\n", text);
  }
}

/* The why table: each term's effect against the typical training deal. */
static void print_why(const sl_fees_valuation *v) {
  char a[64];
  printf("\nwhy (each term against the typical training deal, median %s; effects multiply):\n",
         sl_cli_money(v->typical_fee, a, sizeof a));
  int wt = 18, wv = 26; /* the classic terms' widths; a declared term's name may be longer */
  for (size_t t = 0; t < v->ncontrib; t++) { /* widths in columns shown: a club's accents are one each */
    int ct = sl_cli_text_columns(v->contrib[t].term), cv = sl_cli_text_columns(SL_CLI_SHOWN(v->contrib[t].value));
    if (ct > wt) wt = ct;
    if (cv > wv) wv = cv;
  }
  printf("  %-*s %-*s %9s %16s\n", wt, "term", wv, "value", "effect", "EUR");
  for (size_t t = 0; t < v->ncontrib; t++) {
    const sl_fees_contribution *c = &v->contrib[t];
    char eur[64];
    sl_cli_money(fabs(c->eur), eur + 1, sizeof eur - 1);
    eur[0] = c->eur < 0 ? '-' : '+';
    printf("  "), sl_cli_pad_cut(stdout, c->term, wt), putchar(' '), sl_cli_pad_cut(stdout, c->value, wv);
    printf(" %+8.1f%% %16s\n", c->percent, eur);
  }
}

static void print_comparables(const sl_fees_model *m, const sl_fees_comparable *c, size_t n) {
  if (!n) return;
  printf("\ncomparables (same position group, nearest in the model's standardised features):\n");
  printf("  %-24s %6s %4s %-60s %14s %14s\n", "player", "season", "age", "from -> to", "market value", "fee");
  for (size_t i = 0; i < n; i++) {
    const sl_fees_deal *d = c[i].deal;
    char move[256], mv[64], fee[64];
    snprintf(move, sizeof move, "%s (%s) -> %s (%s)", d->player.club ? d->player.club : "?",
             d->player.league ? d->player.league : "?", d->buyer ? d->buyer : "?",
             d->player.buyer_league ? d->player.buyer_league : "?");
    printf("  "), sl_cli_pad_cut(stdout, d->player.name ? d->player.name : "?", 24);
    printf(" %6d %4.0f ", d->player.season, d->player.age), sl_cli_pad_cut(stdout, move, 60);
    printf(" %14s %14s\n", sl_cli_money(d->player.market_value, mv, sizeof mv), sl_cli_money(d->fee, fee, sizeof fee));
  }
  (void)m;
}

static void print_header(const sl_fees_player *p, const sl_fees_model *m, const char *model, const char *seasons) {
  char mv[64];
  char pos[64];
  printf("%s: %s, age %g", p->name ? SL_CLI_SHOWN(p->name) : "player",
         sl_fees_position_text(p->group, p->line_groups, pos, sizeof pos), p->age);
  if (p->club) printf(", %s", SL_CLI_SHOWN(p->club));
  if (p->league) printf(", %s", SL_CLI_SHOWN(p->league));
  if (p->season) printf(", valued for summer %d", p->season); /* the transfer window, not his stats season */
  if (p->market_value > 0) printf(", market value %s", sl_cli_money(p->market_value, mv, sizeof mv));
  char season[16];
  if (p->market_value > 0 && p->market_value_season)
    printf(" (of %s)", sl_season_text(p->market_value_season, season, sizeof season));
  printf("\nseasons: %s", SL_CLI_SHOWN(seasons));
  size_t learned = sl_fees_model_learned_deals(m);
  printf("\nmodel: %s (%zu deals", SL_CLI_SHOWN(model), learned);
  if (m->deals && learned < m->deals->n) printf(" joined to stats, of %zu", m->deals->n);
  if (m->season_max > m->season_min) printf(", seasons %d-%d", m->season_min, m->season_max);
  printf(")\n\n");
}

/* The what-if column's least width (terminal columns): "market-value=15m" and the like. */
#define SL_VALUE_WHAT_IF_WIDTH 25

/* One what-if row, its change padded to `width` terminal columns (the longest change's). */
static void print_what_if(const char *change, int width, const sl_fees_valuation *base, const sl_fees_valuation *w,
                          const char *other_model) { /* other_model: ", valued by X (...)" or NULL */
  char a[64], lo[64], hi[64];
  fputs("  ", stdout);
  sl_cli_pad(stdout, change, width);
  printf("fair fee %14s (%+.1f%%), %.0f%% range %s - %s", sl_cli_money(w->fair_fee, a, sizeof a),
         100 * (w->fair_fee / base->fair_fee - 1), 100 * w->level, sl_cli_money(w->fee_low, lo, sizeof lo),
         sl_cli_money(w->fee_high, hi, sizeof hi));
  if (isfinite(w->bid)) printf(", P(>= bid) %.1f%%", 100 * w->p_at_least_bid);
  char terms[256];
  if (w->nextrapolated) printf(", extrapolated in %s", extrapolated_terms(w, terms, sizeof terms));
  if (other_model) fputs(other_model, stdout);
  putchar('\n');
}

/* CSV: the player's valuation, then each what-if's, with the columns of predict's players. */
static void csv_line(sl_cli_records *w, const sl_fees_player *p, const char *change, const sl_fees_valuation *v,
                     double value_date, const char *valued_by) {
  char pos[64], text[512], day[16];
  sl_cli_records_text(w, p->name);
  sl_cli_records_text(w, change);
  sl_cli_records_text(w, p->club);
  sl_cli_records_text(w, p->league);
  sl_cli_records_number(w, p->age);
  sl_cli_records_text(w, sl_fees_position_text(p->group, p->line_groups, pos, sizeof pos));
  double vals[] = {p->market_value, p->contract_months, p->minutes_share, round(v->fair_fee), round(v->fee_mean),
                   round(v->fee_low), round(v->fee_high), v->p_at_least_bid, p->season ? p->season : NAN};
  for (size_t k = 0; k < sizeof vals / sizeof vals[0]; k++) sl_cli_records_number(w, vals[k]);
  sl_cli_records_text(w, sl_cli_predict_extrapolated(v, text, sizeof text));
  sl_cli_records_text(w, isnan(value_date) ? NULL : sl_date_format(value_date, day, sizeof day));
  sl_cli_records_text(w, valued_by);
  sl_cli_records_end_row(w);
}

static void print_csv(const sl_workspace_answer *ans) {
  static const char *const names[] = {"player", "change", "club", "league", "age", "position", "market_value",
                                      "contract_months", "minutes_share", "fair_fee", "fee_mean", "fee_low",
                                      "fee_high", "p_at_least_bid", "window", "extrapolated", "market_value_date",
                                      "valued_by"};
  sl_cli_records w;
  sl_cli_records_begin(&w, stdout, SL_FMT_CSV, "value");
  for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) sl_cli_records_column(&w, names[k]);
  /* valued_by: the model file of each line, as predict's column ("fitted" for one fitted here) */
  csv_line(&w, &ans->player, NULL, &ans->valuation, ans->market_value_date, ans->model_path ? ans->model_path : "fitted");
  for (size_t i = 0; i < ans->nwhat_if; i++) {
    /* A what-if of the market value has no valuation date of its own. */
    int mv = !strncmp(ans->what_if_change[i], "market-value=", 13);
    csv_line(&w, &ans->what_if_player[i], ans->what_if_change[i], &ans->what_if[i], mv ? NAN : ans->market_value_date,
             ans->what_if_model_path[i] ? ans->what_if_model_path[i] : "fitted");
  }
  sl_cli_records_finish(&w);
}

/* The other model's answer, one line under the verdict. */
static void print_second(const sl_workspace_answer *ans, const char *model) {
  const sl_fees_valuation *w = &ans->second;
  char a[64], lo[64], hi[64];
  int by_value = sl_fees_model_uses(ans->second_model, SL_FEES_VAR_MARKET_VALUE);
  printf("second answer          %s (%s): fair fee %s, %.0f%% range %s - %s",
         by_value ? "from his old market value" : "from his stats alone, his market value set aside",
         SL_CLI_SHOWN(ans->second_model_path ? ans->second_model_path : model), sl_cli_money(w->fair_fee, a, sizeof a),
         100 * w->level, sl_cli_money(w->fee_low, lo, sizeof lo), sl_cli_money(w->fee_high, hi, sizeof hi));
  if (isfinite(w->bid)) printf(", P(>= bid) %.1f%%", 100 * w->p_at_least_bid);
  putchar('\n');
}

/* Prints the library's answer in the chosen format. */
static int print_answer(const value_args *a, const sl_workspace_answer *ans) {
  const sl_fees_valuation *v = &ans->valuation;
  if (a->format == SL_FMT_JSON) {
    sl_workspace_answer_json(stdout, ans);
    return SL_EXIT_OK;
  }
  if (a->format == SL_FMT_CSV) { /* the rows on stdout, the notes beside them on stderr */
    print_csv(ans);
    for (size_t i = 0; i < v->nnotes; i++) sl_cli_note("value", "note: %s", v->notes[i]);
    return SL_EXIT_OK;
  }
  print_header(&ans->player, ans->model, ans->model_path ? ans->model_path : a->model, ans->seasons);
  if (ans->model_choice[0]) printf("%s\n\n", ans->model_choice);
  print_valuation(v);
  if (ans->has_second) print_second(ans, a->model);
  print_why(v);
  print_comparables(ans->model, ans->comparables, ans->ncomparables);
  if (ans->nwhat_if) printf("\nwhat-if:\n");
  int width = SL_VALUE_WHAT_IF_WIDTH;
  for (size_t i = 0; i < ans->nwhat_if; i++) {
    int cols = sl_cli_text_columns(SL_CLI_SHOWN(ans->what_if_change[i])) + 1;
    if (cols > width) width = cols;
  }
  for (size_t i = 0; i < ans->nwhat_if; i++) { /* a change that hands him to the other model says so */
    int other = ans->what_if_model[i] != ans->model;
    /* its change is against that model's own answer (the second), not across two models */
    const sl_fees_valuation *base = other && ans->has_second && ans->second_model == ans->what_if_model[i] ? &ans->second : v;
    char by[600] = "";
    if (other)
      snprintf(by, sizeof by, ", valued by %s (change against %s)",
               SL_CLI_SHOWN(ans->what_if_model_path[i] ? ans->what_if_model_path[i] : "the fitted model"),
               base == v ? "the other model's answer above" : "its second answer");
    print_what_if(ans->what_if_change[i], width, base, &ans->what_if[i], other ? by : NULL);
  }
  if (v->nnotes) printf("\nnotes:\n");
  for (size_t i = 0; i < v->nnotes; i++) printf("  - %s\n", SL_CLI_SHOWN(v->notes[i]));
  return SL_EXIT_OK;
}

/* The command; with parse_only its argument parse alone (sl_command.parse), nothing read or written. */
static int value_main(int argc, char **argv, int parse_only) {
  value_args a;
  int rc = parse_args(argc, argv, &a);
  if (rc || parse_only) return free_args(&a), rc;
  sl_chart_inputs inputs = {0};
  const char *models[] = {a.model, a.performance_model};
  sl_chart_inputs_add(&inputs, models, 2), sl_chart_inputs_add(&inputs, a.data, a.ndata);
  sl_chart_inputs_add(&inputs, a.values, a.nvalues), sl_chart_inputs_add(&inputs, a.positions, a.npositions);
  sl_chart_output chart = {.output = a.chart, .inputs = inputs.path, .ninputs = inputs.n};
  if (a.chart && (rc = sl_chart_check_cli(SL_CHART_FEES, &chart))) return free_args(&a), rc;
  sl_workspace *ws = NULL;
  sl_workspace_answer *ans = NULL;
  if (!rc) rc = build_answer(&a, &ws, &ans);
  sl_cli_workspace_accounting("value", ws);
  if (!rc) rc = print_answer(&a, ans);
  if (!rc && a.chart)
    rc = sl_chart_value_draw(SL_CHART_FEES, ans->model, &ans->player, a.level, a.bid, 0, NULL, &a.model, 1, &chart, stderr);
  sl_workspace_answer_free(ans);
  sl_workspace_free(ws);
  free_args(&a);
  return rc;
}

int sl_cmd_value(int argc, char **argv) { return value_main(argc, argv, 0); }
int sl_cmd_value_parse(int argc, char **argv) { return value_main(argc, argv, 1); }
