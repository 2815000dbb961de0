/* cmd_predict.c - `scoutlab predict`: the fee model over every row of files, as CSV with every
 * input column kept and the valuation columns added. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "predict.h"
#include "scoutlab/fees.h"
#include "scoutlab/season.h"
#include "scoutlab/table.h"

const char sl_help_predict[] =
    "usage: scoutlab predict --model MODEL.slm FILE... [--players FILE] [--level 0.8] [--bid X]\n"
    "                        [--season S] [--window Y] [--score] [--rate CODE=EUR,...]\n"
    "       scoutlab predict --model MODEL.slm --data FILE... | --stats F --values F [--contracts F]\n"
    "                        [--leagues LIST] [--position P] [--performance-model PERF.slm]\n"
    "                        [options above]\n"
    "       [--format csv|json] [-q|-v]\n"
    "\n"
    "Values every row of the files (players, market values or transfers) with a model from\n"
    "scoutlab fit: every input column, then fair_fee (median), fee_mean (smeared expected fee),\n"
    "fee_low, fee_high (interval at --level), p_at_least_bid (with --bid), window, reason,\n"
    "fit_would_use (yes, or why fit would not learn from the row) and extrapolated (the inputs\n"
    "beyond the training deals' range, e.g. \"age 45 (training 17 to 36)\"). A row is read as fit\n"
    "reads it: in a transfers file the row's league is the buyer's for an 'in' row and the\n"
    "seller's for an 'out' row, the other side's from its own listing (else its country); a file\n"
    "without fee or movement column lists players at their clubs. --players FILE (keyed by\n"
    "player_id: transfermarkt-datasets players.csv) gives each row its player's date of birth\n"
    "(the age on its transfer_date) and positions, as fit --players. A row that cannot be valued\n"
    "keeps its columns, the new ones empty, and the reason. --score prints on stderr the accuracy\n"
    "on the rows fit would learn from.\n"
    "Seasons (the rule of every command; 2022, 2022/23, 2022-23 or 22/23): a transfer row is\n"
    "valued for its own season; a player's row for the window after the season of his data (its\n"
    "season column, else the file or folder name, else --season S: 2024/25 data -> summer\n"
    "2025); --window\n"
    "YEAR values every row for that window; no season at all: the model's last, with a note.\n"
    "Money in plain EUR; amounts written in another currency (\"£6.30m\") are read with --rate\n"
    "GBP=1.16 (euros per unit), and without one not at all (the reason says so). Rows the loader\n"
    "skipped are not in the output (a warning counts them).\n"
    "\n"
    "Players instead of rows: --data FILE (any kind, classified by its columns), --stats,\n"
    "--values, --contracts (repeatable, folders walked) are joined as scoutlab value joins them\n"
    "and each player valued as value and report value him: player, club, league, age, position,\n"
    "market_value, contract_months, minutes_share, the fee columns, window, reason, extrapolated,\n"
    "market_value_date (the day of the valuation his market value is, when --values is a value\n"
    "history by player_id such as player_valuations.csv: the latest at or before 1 July of the\n"
    "window), valued_by (the model file that valued him). --leagues \"Ligue 1,Serie A\" and\n"
    "--position CB (or defence) keep some players. --performance-model values the players\n"
    "without a market value, or with one two seasons old or more, as value and report do.\n"
    "\n"
    "A model from scoutlab ols --save gives every row fit, se_fit, conf_low, conf_high and\n"
    "pred_low, pred_high at --level (default 0.95), as R's predict.lm; a ridge model fit only.\n"
    "\n"
    "  --format csv     (default) the columns above, RFC 4180\n"
    "  --format json    {\"schema\", \"rows\": [{column: value, ...}]}: the same columns, numbers\n"
    "                   as numbers, missing cells null (docs/json.md)\n"
    SL_CLI_HELP_VERBOSITY
    "                   (--verbose adds the counts read / valued / not valued)\n"
    "\n"
    "example:\n"
    "  scoutlab predict --model tm.slm ../shared/data/tm-values-2023/france.csv --bid 25m\n"
    "  scoutlab predict --model tm.slm --stats players_data-2024_2025.csv --values tm-values-2023 \\\n"
    "      --leagues \"Ligue 1\" --position CB --bid 25m\n"
    "  scoutlab ols transfers.csv --y log_fee --x age,log_value --save lm.txt\n"
    "  scoutlab predict --model lm.txt players.csv --level 0.9\n";

static void print_row(sl_cli_records *w, const sl_table *t, size_t r, const sl_fees_valuation *v, int ok, int window,
                      const char *reason, const char *fit_use) {
  sl_cli_records_table_row(w, t, r);
  double vals[6] = {NAN, NAN, NAN, NAN, NAN, window ? window : NAN};
  if (ok) vals[0] = round(v->fair_fee), vals[1] = round(v->fee_mean), vals[2] = round(v->fee_low),
          vals[3] = round(v->fee_high), vals[4] = v->p_at_least_bid;
  for (int k = 0; k < 6; k++) sl_cli_records_number(w, vals[k]);
  sl_cli_records_text(w, reason);
  sl_cli_records_text(w, fit_use);
  char text[512];
  sl_cli_records_text(w, ok ? sl_cli_predict_extrapolated(v, text, sizeof text) : NULL);
  sl_cli_records_end_row(w);
}

const char *sl_cli_predict_extrapolated(const sl_fees_valuation *v, char *buf, size_t size) {
  buf[0] = '\0';
  for (size_t i = 0, len = 0; i < v->nextrapolated && len < size; i++) {
    const sl_fees_extrapolation *e = &v->extrapolated[i];
    len += (size_t)snprintf(buf + len, size - len, "%s%s %.15g (training %.15g to %.15g)", i ? "; " : "", e->input,
                            e->value, e->low, e->high);
  }
  return buf[0] ? buf : NULL;
}

/* A number cell the valuation reads that holds text (1e400, -nan): named, rather than reported
 * as "unknown" with advice to give the value. NULL when every such cell is a number or missing. */
static const char *unreadable_number(const sl_table *t, size_t r, char *why, size_t size) {
  const sl_column *cols[] = {sl_table_role(t, SL_ROLE_AGE), sl_table_role(t, SL_ROLE_MARKET_VALUE),
                             sl_table_column(t, "minutes_share"), sl_table_column(t, "contract_months_left")};
  for (size_t k = 0; k < sizeof cols / sizeof cols[0]; k++) {
    double v;
    char text[64];
    if (!cols[k] || sl_table_number(t, cols[k], r, &v) >= 0) continue;
    const char *cell = sl_table_text(t, cols[k], r, text, sizeof text);
    snprintf(why, size, "%s '%s' is not a number", cols[k]->name, cell ? cell : "");
    return why;
  }
  return NULL;
}

/* Names each file whose club column is not read (misassigned, sl_fees_rows_clubs_unread), and
 * the exchange rates no amount is in. */
static void note_reading(const sl_fees_rows *rows, const sl_table *t) {
  char note[SL_ERROR_MESSAGE_MAX];
  for (size_t f = 0; f < t->nfiles; f++)
    if (sl_fees_rows_clubs_note(rows, f, note, sizeof note)) sl_cli_warning("predict", "%s", SL_CLI_SHOWN(note));
  if (sl_fees_rows_rates_note(rows, note, sizeof note)) sl_cli_warning("predict", "%s", SL_CLI_SHOWN(note));
}

/* Says once how many rows hold amounts in a currency no rate was given for. */
static void note_currency(const sl_fees_rows *rows, const sl_table *t) {
  size_t n = 0;
  char why[160], first[160] = "";
  for (size_t r = 0; r < t->nrows; r++)
    if (sl_fees_rows_currency(rows, r, 1, why, sizeof why) && n++ == 0) snprintf(first, sizeof first, "%s", why);
  const char *in = strstr(first, "' is in "); /* the first cell's currency code, for the hint */
  char code[4] = "GBP";
  if (in && strlen(in) >= strlen("' is in ") + 3) memcpy(code, in + strlen("' is in "), 3);
  if (n)
    sl_cli_note("predict", "note: %zu row%s hold%s amounts in another currency than euros, not read (first: %s); "
                           "give the euros one unit is worth, e.g. --rate %s=%s",
                n, n == 1 ? "" : "s", n == 1 ? "s" : "", SL_CLI_SHOWN(first), code,
                strcmp(code, "GBP") == 0 ? "1.16" : "RATE");
}

/* --score: the rows fit would learn from, scored as fit scores its held-out deals. */
typedef struct score_acc {
  double *y, *pred, *low, *high;
  size_t n;
} score_acc;

static void print_score(score_acc *s, const sl_fees_model *m) {
  sl_fees_accuracy a;
  if (sl_fees_score(s->y, s->pred, s->low, s->high, s->n, &a) != SL_OK) return;
  fprintf(stderr, "accuracy on the %zu rows fit would learn from (%.0f%% interval):\n", s->n, 100 * m->level);
  fprintf(stderr, "  %-36s %7s %8s %8s %8s %8s %8s %9s %8s\n", "", "deals", "logRMSE", "R2 log", "MdAPE", "+-25%",
          "+-50%", "coverage", "width");
  fprintf(stderr, "  %-36s %7zu %8.3f %8.3f %7.1f%% %7.1f%% %7.1f%% %8.1f%% %8.3f\n", "model", a.n, a.log_rmse, a.r2_log,
          100 * a.mdape, 100 * a.within25, 100 * a.within50, 100 * a.coverage, a.mean_width);
}

/* The options of a valuation of every row. */
typedef struct predict_opts {
  double level, bid;
  int season, window, verbose, score;
  sl_format fmt;
  const char *rates; /* --rate: euros per unit of other currencies */
} predict_opts;

static int predict_all(const sl_fees_model *m, const sl_table *t, const predict_opts *po) {
  size_t valued = 0;
  double level = po->level, bid = po->bid;
  sl_fees_options o = {0};
  o.no_market_value = !sl_fees_model_uses(m, SL_FEES_VAR_MARKET_VALUE);
  o.rates = po->rates;
  sl_fees_rows *rows = NULL;
  sl_error err;
  if (sl_fees_rows_new(t, &o, m, &rows, &err)) return sl_cli_fail(&err);
  sl_fees_rows_seasons(rows, po->season, po->window);
  size_t model_season = 0; /* rows with no season at all: valued at the model's last season */
  size_t npooled = 0;       /* rows whose league has no level of its own: valued as 'other' */
  char first_pooled[400] = "";
  score_acc s = {0};
  int has_fee = sl_table_role(t, SL_ROLE_FEE) != NULL;
  if (po->score) {
    size_t n = t->nrows ? t->nrows : 1;
    s.y = malloc(n * sizeof *s.y), s.pred = malloc(n * sizeof *s.pred);
    s.low = malloc(n * sizeof *s.low), s.high = malloc(n * sizeof *s.high);
  }
  sl_cli_records w;
  sl_cli_records_begin(&w, stdout, po->fmt, "predict");
  sl_cli_records_table_columns(&w, t);
  static const char *const added[] = {"fair_fee", "fee_mean", "fee_low", "fee_high", "p_at_least_bid",
                                      "window", "reason", "fit_would_use", "extrapolated"};
  for (size_t k = 0; k < sizeof added / sizeof added[0]; k++) sl_cli_records_column(&w, added[k]);
  for (size_t r = 0; r < t->nrows; r++) {
    sl_fees_player p;
    sl_fees_valuation v;
    sl_fees_rows_player(rows, r, &p);
    if (!p.season && m->season_max > 0) p.season = m->season_max, model_season++;
    char why[160];
    const char *bad = unreadable_number(t, r, why, sizeof why);
    if (!bad) bad = sl_fees_rows_bad_season(rows, r, why, sizeof why);
    if (!bad) bad = sl_fees_rows_currency(rows, r, 0, why, sizeof why);
    int ok = !bad && sl_fees_value(m, &p, level, bid, &v, &err) == SL_OK;
    valued += ok;
    const char *pooled = ok ? sl_fees_pooled_label(m, &p, SL_FEES_VAR_SELLER_LEAGUE) : NULL;
    if (!pooled && ok) pooled = sl_fees_pooled_label(m, &p, SL_FEES_VAR_BUYER_LEAGUE);
    if (pooled && !npooled++) {
      char place[600];
      snprintf(first_pooled, sizeof first_pooled, "'%.80s', %.300s", pooled, sl_table_row_place(t, r, place, sizeof place));
    }
    sl_fees_reason use = sl_fees_rows_reason(rows, r);
    print_row(&w, t, r, &v, ok, p.season, ok ? NULL : bad ? bad : err.message,
              !has_fee ? "no fee column" : use == SL_FEES_USED ? "yes" : sl_fees_reason_text(use));
    if (ok && use == SL_FEES_USED && s.y && s.pred && s.low && s.high) {
      s.y[s.n] = log(sl_fees_rows_fee(rows, r)), s.pred[s.n] = log(v.fair_fee);
      s.low[s.n] = log(v.fee_low), s.high[s.n] = log(v.fee_high), s.n++;
    }
  }
  sl_cli_records_finish(&w);
  sl_cli_predict_accounting(t, valued, po->verbose);
  note_currency(rows, t);
  note_reading(rows, t);
  if (model_season)
    sl_cli_note("predict", "note: %zu row%s name%s no season (no season column or file name): valued for summer %d, "
                           "the model's last training season (give --season or --window)",
                model_season, model_season == 1 ? "" : "s", model_season == 1 ? "s" : "", m->season_max);
  if (npooled)
    sl_cli_note("predict", "note: %zu row%s name%s a league with no level of its own in the model (first %s): "
                           "valued at the pooled level 'other'",
                npooled, npooled == 1 ? "" : "s", npooled == 1 ? "s" : "", SL_CLI_SHOWN(first_pooled));
  if (po->score) print_score(&s, m);
  free(s.y), free(s.pred), free(s.low), free(s.high);
  sl_fees_rows_free(rows);
  return SL_EXIT_OK;
}

void sl_cli_predict_accounting(const sl_table *t, size_t valued, int verbose) {
  if (verbose) {
    fprintf(stderr, "rows: read %zu, valued %zu, not valued %zu (reason column), skipped by the loader %zu\n",
            t->rows_read, valued, t->nrows - valued, t->nskipped);
    for (size_t k = 0; k < t->nskipped; k++)
      fprintf(stderr, "  skipped %s:%ld: %s\n", SL_CLI_SHOWN(t->files[t->skipped[k].file]), t->skipped[k].line,
              SL_CLI_SHOWN(t->skipped[k].reason));
  } else if (t->nskipped) {
    sl_cli_warning("predict", "%zu row%s skipped by the loader, not in the output (--verbose lists them)", t->nskipped,
                   t->nskipped == 1 ? "" : "s");
  }
}

/* A file without a column the model cannot do without would give a CSV of empty valuations,
 * one "unknown" per row: say it once, naming the column, and stop. */
static int check_columns(const sl_fees_model *m, const sl_table *t) {
  static const sl_fees_var vars[] = {SL_FEES_VAR_AGE, SL_FEES_VAR_POSITION, SL_FEES_VAR_MARKET_VALUE};
  for (size_t k = 0; k < sizeof vars / sizeof vars[0]; k++) {
    const char *need = NULL;
    sl_fees_var v = vars[k];
    if (!sl_fees_model_uses(m, v)) continue;
    if (v == SL_FEES_VAR_AGE && !sl_table_role(t, SL_ROLE_AGE)) need = "an age column (age, Age)";
    if (v == SL_FEES_VAR_POSITION && !sl_table_role(t, SL_ROLE_SUB_POSITION) && !sl_table_role(t, SL_ROLE_POSITION))
      need = "a position column (short_pos, position)";
    if (v == SL_FEES_VAR_MARKET_VALUE && !sl_table_role(t, SL_ROLE_MARKET_VALUE))
      need = "a market value column (market_value, value); or refit with --no-market-value";
    if (need) {
      fprintf(stderr, "scoutlab predict: %s: the model uses %s, and the file has no such column: it needs %s\n",
              t->nfiles ? t->files[0] : "", sl_fees_var_name(v), need);
      return SL_EXIT_DATA;
    }
  }
  for (size_t k = 0; k < m->ncolumns; k++) /* a club's own column: averaged, said once */
    if (sl_fees_model_uses(m, SL_FEES_VAR_COLUMN(k)) && !sl_table_column(t, m->column_names[k]))
      fprintf(stderr, "scoutlab predict: note: %s: no column '%s' (a term of the model): every row takes its "
                      "training average\n", t->nfiles ? t->files[0] : "", SL_CLI_SHOWN(m->column_names[k]));
  return SL_EXIT_OK;
}

/* --players: ages and positions by player_id (sl_table_attach_players), the join said on stderr. */
static int attach_players(sl_table *t, const char *path, const sl_load_options *lim, sl_error *err) {
  sl_table *p = NULL;
  sl_attach_report rep;
  int st = sl_table_load_many(&path, 1, lim, &p, err);
  if (!st) sl_cli_table_warnings("predict", p);
  if (!st) st = sl_table_attach_players(t, p, &rep, err);
  sl_table_free(p);
  if (!st)
    sl_cli_note("predict", "players: %zu of %zu rows joined to %s on player_id (columns added: %s); not joined: "
                           "player_id not in it %zu, on several of its rows %zu, no player_id %zu",
                rep.matched, rep.rows, rep.file, rep.columns[0] ? rep.columns : "none", rep.not_found, rep.ambiguous,
                rep.no_key);
  return st;
}

typedef enum { MODEL_FEES, MODEL_OLS, MODEL_RIDGE } model_kind;

/* The kind of model file by its first word; anything else, unreadable files included, goes to
 * the fee-model loader and its messages. */
static model_kind model_kind_of(const char *path) {
  static const char *const magic[] = {"scoutlab-ols ", "scoutlab-ridge "};
  char head[32] = {0};
  FILE *f = fopen(path, "rb");
  if (f) {
    if (fread(head, 1, sizeof head - 1, f) == 0) head[0] = '\0';
    fclose(f);
  }
  for (int k = 0; k < 2; k++)
    if (strncmp(head, magic[k], strlen(magic[k])) == 0) return k == 0 ? MODEL_OLS : MODEL_RIDGE;
  return MODEL_FEES;
}

/* --data/--stats/--values/--contracts FILE, --leagues, --position: the batch over a
 * workspace's players. -1 taken (i advanced), 0 not one of them. */
static int batch_option(const char *o, const char *v, int *i, sl_cli_predict_batch_args *b, const char **lists[4],
                        size_t *counts[4]) {
  static const char *const files[4] = {"--data", "--stats", "--values", "--contracts"};
  for (int k = 0; k < 4; k++)
    if (strcmp(o, files[k]) == 0) return lists[k][(*counts[k])++] = v, ++*i, -1;
  if (strcmp(o, "--leagues") == 0) return b->leagues = v, ++*i, -1;
  if (strcmp(o, "--position") == 0) return b->position = v, ++*i, -1;
  if (strcmp(o, "--performance-model") == 0) return b->performance_model = v, ++*i, -1;
  return 0;
}

/* What the command line asks for; the lists are owned by predict_free_args. */
typedef struct {
  const char *model, *players, *rates;
  const char **files, **bfiles[4]; /* FILE... and --data/--stats/--values/--contracts */
  size_t nfiles, nb[4];
  sl_cli_predict_batch_args batch;
  double level, bid;
  int season, window, verbose, score;
  sl_format fmt;
} predict_args;

static void predict_free_args(predict_args *a) {
  free(a->files);
  for (int k = 0; k < 4; k++) free(a->bfiles[k]);
}

/* Fills a from argv; returns -1 when the arguments are good, otherwise the exit status. */
static int predict_parse(int argc, char **argv, predict_args *a) {
  a->files = calloc((size_t)argc, sizeof *a->files);
  for (int k = 0; k < 4; k++) a->bfiles[k] = calloc((size_t)argc, sizeof(char *));
  a->bid = NAN, a->verbose = sl_cli_verbose(), a->fmt = SL_FMT_CSV;
  if (!a->files || !a->bfiles[0] || !a->bfiles[1] || !a->bfiles[2] || !a->bfiles[3])
    return fprintf(stderr, "scoutlab predict: out of memory\n"), SL_EXIT_DATA;
  size_t *nbp[4] = {&a->nb[0], &a->nb[1], &a->nb[2], &a->nb[3]};
  for (int i = 1; i < argc; i++) {
    const char *o = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
    int bad = 0;
    if (o[0] != '-') a->files[a->nfiles++] = o;
    else if (strcmp(o, "--score") == 0) a->score = 1;
    else if (!v) bad = 1;
    else if (batch_option(o, v, &i, &a->batch, a->bfiles, nbp)) continue;
    else if (strcmp(o, "--model") == 0) a->model = v, i++;
    else if (strcmp(o, "--players") == 0) a->players = v, i++;
    else if (strcmp(o, "--level") == 0) bad = !sl_parse_number(v, SL_DECIMAL_POINT, &a->level) || !(a->level > 0 && a->level < 1), i++;
    else if (strcmp(o, "--bid") == 0) bad = !sl_parse_euros(v, SL_DECIMAL_POINT, &a->bid) || !(a->bid > 0), i++;
    else if (strcmp(o, "--season") == 0) bad = sl_season_parse(v, &a->season, NULL) != SL_OK, i++;
    else if (strcmp(o, "--window") == 0) bad = sl_season_parse(v, &a->window, NULL) != SL_OK, i++;
    else if (strcmp(o, "--format") == 0) bad = sl_cli_parse_format(v, 1u << SL_FMT_CSV | 1u << SL_FMT_JSON, &a->fmt) != 0, i++;
    else if (strcmp(o, "--rate") == 0 && a->rates)
      return sl_cli_usage_error("predict", "--rate once, with every currency: --rate GBP=1.16,USD=0.92");
    else if (strcmp(o, "--rate") == 0) a->rates = v, i++;
    else bad = 1;
    if (bad) return sl_cli_usage_error("predict", "bad option or value '%s%s%s'", o, v ? " " : "", v ? v : "");
  }
  return -1;
}

/* Each player of --data/--stats/--values/--contracts valued (sl_cli_predict_batch). */
static int predict_players(predict_args *a, int parse_only) {
  const size_t *nb = a->nb;
  if (a->nfiles)
    return sl_cli_usage_error("predict", "give the files either as FILE... (each row valued) or with "
                                         "--data/--stats/--values/--contracts (each player), not both");
  if (a->rates)
    return sl_cli_usage_error("predict", "--rate converts the amounts of FILE... rows; the players of "
                                         "--data/--stats/--values need their market values in euros");
  if (!a->model) return sl_cli_usage_error("predict", "no model (give --model MODEL.slm)");
  if (!parse_only && model_kind_of(a->model) != MODEL_FEES) /* reads the model's first line */
    return sl_cli_usage_error("predict", "--data/--stats/--values value players with a fee model (scoutlab fit)");
  if (!(nb[0] + nb[1] + nb[2]))
    return sl_cli_usage_error("predict", "--leagues, --position and --performance-model are for the players of "
                                         "--data/--stats/--values");
  if (parse_only) return SL_EXIT_OK;
  sl_cli_predict_batch_args *b = &a->batch;
  b->model = a->model, b->data = a->bfiles[0], b->ndata = nb[0], b->stats = a->bfiles[1], b->nstats = nb[1];
  b->values = a->bfiles[2], b->nvalues = nb[2], b->contracts = a->bfiles[3], b->ncontracts = nb[3];
  b->season = a->season, b->window = a->window, b->level = a->level, b->bid = a->bid, b->format = a->fmt;
  return sl_cli_predict_batch(b);
}

/* Each row of FILE... valued by a fee model or a model from scoutlab ols. */
static int predict_rows(const predict_args *a) {
  model_kind kind = model_kind_of(a->model);
  if (kind != MODEL_FEES && (!isnan(a->bid) || a->season || a->window || a->rates || (kind == MODEL_RIDGE && a->level > 0)))
    return sl_cli_usage_error("predict", "%s", kind == MODEL_RIDGE && a->level > 0
                              ? "--level: a ridge model gives the fitted value only, no interval"
                              : "--bid, --season, --window and --rate are for fee models (scoutlab fit), not for a model from scoutlab ols");
  sl_fees_model *m = NULL;
  sl_table *t = NULL;
  sl_error err;
  int rc = SL_EXIT_OK;
  sl_load_options lim;
  sl_cli_load_options(&lim);
  if ((kind == MODEL_FEES && sl_fees_load(a->model, &m, &err)) || sl_table_load_many(a->files, a->nfiles, &lim, &t, &err) ||
      (a->players && attach_players(t, a->players, &lim, &err)))
    rc = sl_cli_fail(&err);
  if (!rc) sl_cli_table_warnings("predict", t);
  if (!rc && kind != MODEL_FEES) rc = sl_cli_predict_linear(a->model, kind == MODEL_RIDGE, t, a->level, a->verbose, a->fmt);
  if (!rc && kind == MODEL_FEES) rc = check_columns(m, t);
  predict_opts po = {a->level, a->bid, a->season, a->window, a->verbose, a->score, a->fmt, a->rates};
  if (!rc && kind == MODEL_FEES) rc = predict_all(m, t, &po);
  sl_table_free(t);
  sl_fees_model_free(m);
  return rc;
}

/* The command; with parse_only its argument parse alone (sl_command.parse), nothing read or written. */
static int predict_main(int argc, char **argv, int parse_only) {
  predict_args a = {0};
  int rc = predict_parse(argc, argv, &a); /* -1: the arguments are good */
  int players = a.nb[0] + a.nb[1] + a.nb[2] + a.nb[3] || a.batch.leagues || a.batch.position || a.batch.performance_model;
  if (rc < 0 && players) rc = predict_players(&a, parse_only);
  else if (rc < 0 && (!a.model || !a.nfiles))
    rc = sl_cli_usage_error("predict", "%s", !a.model ? "no model (give --model MODEL.slm)" : "no input files");
  else if (rc < 0) rc = parse_only ? SL_EXIT_OK : predict_rows(&a);
  predict_free_args(&a);
  return rc;
}

int sl_cmd_predict(int argc, char **argv) { return predict_main(argc, argv, 0); }
int sl_cmd_predict_parse(int argc, char **argv) { return predict_main(argc, argv, 1); }
