/* cmd_chart.c - scoutlab chart TYPE: draws one chart with gnuplot from the same data options as
 * the command that computes it (compare/percentiles, value/fit, squad), and the --chart glue
 * those commands call (chart_data.h). */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chart_data.h"
#include "cli.h"
#include "fee_player.h"
#include "scoutlab/season.h"
#include "cmd_compare.h"
#include "scoutlab/names.h"
#include "scoutlab/parse.h"
#include "scoutlab/schema.h"
#include "scoutlab/table.h"

const char sl_help_chart[] =
    "usage: scoutlab chart TYPE [data options] -o|--output FILE.png|svg|pdf [--script FILE.gp]\n"
    "                      [--title T] [--subtitle T] [--credits T] [--size WxH[cm|in]] [--dpi N]\n"
    "\n"
    "Draws a chart with gnuplot (found on PATH or at $SCOUTLAB_GNUPLOT; templates in plots/ or\n"
    "$SCOUTLAB_PLOTDIR). The script is the whole chart: keep it with --script, and plain\n"
    "`gnuplot FILE.gp` from any directory writes the same file (its output path is absolute).\n"
    "Without --script it is a temporary file, removed once gnuplot succeeds (kept when it fails).\n"
    "An output or script that is an input, a template or the other output is refused (exit 2).\n"
    "Size: 1200x675 pixels for PNG, 16x9cm for PDF and SVG by default; --size 16x9cm or\n"
    "6.3x3.5in for print, --dpi 300 for a PNG of a print size.\n"
    "\n"
"types and their data options:\n"
    "  radar        --stats FILE PLAYER PLAYER [up to 6 players] [--profile ROLE] [--pool P]\n"
    "               [--min-minutes N] [--axes \"Tackles won,Interceptions,...\"]\n"
    "               axes run from the pool's 5th to 95th percentile, raw values on them\n"
    "  percentiles  --stats FILE PLAYER [--profile ROLE] [--pool P] [--min-minutes N]\n"
    "  pizza        the same options: the percentiles as a pizza (slice length = percentile)\n"
    "  bars         --stats FILE PLAYER PLAYER [up to 6] [--axes ...]: bars = percentiles, values labelled\n"
    "  trend        --yearly DIR --player NAME [--from 2020 --to 2024] [--positions FILE|DIR]\n"
    "               [--stats \"TklW=Tackles won,Interceptions,...\"] [--group G] [--pool P] [--min-minutes N]\n"
    "               one player across seasons (fbref-big5-yearly layout): per 90 and percentile\n"
    "  scatter      --stats FILE --x STAT --y STAT [--highlight NAME,NAME] [PLAYER...]\n"
    "               [--profile ROLE | --group G] [--pool P] [--min-minutes N]\n"
    "               STAT: a label of the role profile, or a stats column (taken per 90)\n"
    "  fees         --model M.slm | --transfers FILE|DIR...   [--holdout-from SEASON]\n"
    "               [--player NAME [--data FILE...] [--values F...] [attributes] --bid 25m] [--level 0.8]\n"
    "               the model refitted on seasons before SEASON (default: all but the last\n"
    "               three) and its estimate of each later transfer; the player's bid marked\n"
    "  age-curve    --model M.slm --player NAME [--data FILE...] [attribute flags]\n"
    "               [--what-if contract-until=2029] [--level 0.8]\n"
    "  squad        --stats FILE CLUB [--contracts FILE --season 2024-25] [--values FILE]\n"
    "               [--min-share 0.05 (players under 5% of the minutes are left out)]\n"
    "               [--highlight NAME,NAME (ringed, in bold; then CLUB is optional)]\n"
    "  importance   --stats FILE CLUB [--top N (default 15, 0 = all)] [--highlight NAME]\n"
    "               [squad options]; a highlighted player below the top is added\n"
    "\n"
    "Compare options (radar, percentiles, scatter) are those of scoutlab compare (--positions,\n"
    "--overrides, --profiles, --per-club); squad options those of scoutlab squad (--weights,\n"
    "--positions, --profiles, --pool, --min-minutes); attribute flags those of scoutlab value\n"
    "(--age, --position, --league, --buyer-league, --buyer-club, --club, --season, --window, --market-value,\n"
    "--contract-until, --contract-months, --minutes-share); --map ROLE=COLUMN names a column.\n"
    "--season also names the season in subtitles (default: read from the stats file name, e.g.\n"
    "players_data-2024_2025.csv).\n"
    "Credits default to the data file names.\n"
    SL_CLI_HELP_VERBOSITY
    "\n"
    "examples:\n"
    "  scoutlab chart radar --stats players_data-2024_2025.csv \"Leonardo Balerdi\" \"Bremer\" -o r.png\n"
    "  scoutlab chart squad --stats players_data-2024_2025.csv marseille -o om.png --size 1200x675\n"
    "  scoutlab fit --transfers transfers-tm --holdout-from 2017 -o tm.slm\n"
    "  scoutlab chart fees --model tm.slm --player Balerdi --data tm-values-2023/france.csv \\\n"
    "      --season 2025 --bid 25m -o fees.png --script fees.gp\n"
    "\n"
    "exit status: 0 ok, 1 bad data (unknown player or club), 2 usage, 3 I/O, 4 gnuplot missing or failed\n";

#define MAX_FILES 16

/* ---- compare family: radar, percentiles, scatter ------------------------------------------- */

typedef struct chart_cmp_args {
  sl_cmp_args cmp; /* first member: sl_cmp_parse hands it back to cmp_option */
  sl_charts_output out;
  const char *axes, *x, *y, *highlight, *group;
  char *highlight_copy; /* --highlight split in place; the names point into it */
} chart_cmp_args;

/* Chart options and the per-type ones; -1 taken, 0 unknown, else an exit status. */
static int cmp_option(int argc, char **argv, int *i, sl_cmp_args *a) {
  chart_cmp_args *c = (chart_cmp_args *)a;
  const char *o = argv[*i];
  int r = sl_chart_option(argc, argv, i, &c->out, 1, "chart");
  if (r) return r;
  const char **slot = strcmp(o, "-o") == 0 || strcmp(o, "--output") == 0 ? &c->out.output
                      : strcmp(o, "--axes") == 0                        ? &c->axes
                      : strcmp(o, "--x") == 0                           ? &c->x
                      : strcmp(o, "--y") == 0                           ? &c->y
                      : strcmp(o, "--highlight") == 0                   ? &c->highlight
                      : strcmp(o, "--group") == 0                       ? &c->group
                                                                        : NULL;
  if (!slot) return 0;
  if (*i + 1 >= argc) return sl_cli_usage_error("chart", "%s needs a value", o);
  *slot = argv[++*i];
  return -1;
}

static const sl_profile *pick_profile(const sl_cmp_args *a, const sl_cmp_ctx *ctx, size_t first, int *rc) {
  const sl_profile *pr = a->profile ? sl_profiles_find(ctx->profiles, a->profile)
                                    : sl_compare_default_profile(ctx->index, ctx->profiles, first);
  *rc = 0;
  if (pr) return pr;
  if (a->profile) *rc = sl_cli_usage_error("chart", "%s", sl_profiles_not_found(ctx->profiles, a->profile, (char[1024]){0}, 1024));
  else {
    const sl_player *p = sl_compare_player(ctx->index, first);
    fprintf(stderr, "scoutlab chart: no profile for %s (position %s); name one with --profile\n", SL_CLI_SHOWN(p->name),
            sl_group_name(p->group));
    *rc = SL_EXIT_DATA;
  }
  return NULL;
}


static void cmp_inputs(const sl_cmp_args *a, sl_chart_inputs *l, sl_charts_output *o) {
  sl_chart_inputs_add(l, a->stats, a->nstats), sl_chart_inputs_add(l, a->positions, a->npositions), sl_chart_inputs_add(l, a->values, a->nvalues);
  sl_chart_inputs_add(l, &a->overrides, 1), sl_chart_inputs_add(l, &a->profiles, 1);
  o->inputs = l->path, o->ninputs = l->n;
}

int sl_chart_compare_check(sl_charts_kind kind, const sl_cmp_args *a, const sl_charts_output *given) {
  sl_charts_output o = *given;
  sl_chart_inputs inputs = {0};
  if (!o.inputs) cmp_inputs(a, &inputs, &o);
  return sl_chart_check_cli(kind, &o);
}

static void defaults_from_files(sl_charts_store *st, const sl_cmp_args *a, sl_charts_output *o, const char **season) {
  if (!*season) *season = a->season ? a->season : sl_charts_season_from_name(st, a->stats[0]);
  if (!o->credits) o->credits = sl_charts_credits(st, a->stats, a->nstats);
}

int sl_chart_compare_draw(sl_charts_kind kind, const sl_cmp_args *a, const sl_cmp_ctx *ctx, const size_t *idx, size_t n,
                          const char *axes, const char *season, const sl_charts_output *given, FILE *note) {
  sl_charts_store *st = sl_charts_store_new();
  sl_charts_output o = *given;
  int rc = st ? 0 : SL_EXIT_DATA;
  const sl_profile *pr = st ? pick_profile(a, ctx, idx[0], &rc) : NULL;
  if (rc) return sl_charts_store_free(st), rc;
  defaults_from_files(st, a, &o, &season);
  sl_chart_inputs inputs = {0};
  if (!o.inputs) cmp_inputs(a, &inputs, &o);
  sl_error err;
  int e;
  union { sl_plot_radar r; sl_plot_percentiles p; sl_plot_bars b; } chart;
  if (kind == SL_CHARTS_RADAR) e = sl_charts_radar_from_compare(ctx->index, pr, &a->pool, idx, n, axes, season, st, &chart.r, &err);
  else if (kind == SL_CHARTS_BARS) e = sl_charts_bars_from_compare(ctx->index, pr, &a->pool, idx, n, axes, season, st, &chart.b, &err);
  else if (kind == SL_CHARTS_PIZZA) e = sl_charts_pizza_from_compare(ctx->index, pr, &a->pool, idx[0], season, st, &chart.p, &err);
  else e = sl_charts_percentiles_from_compare(ctx->index, pr, &a->pool, idx[0], season, st, &chart.p, &err);
  rc = e ? sl_cli_fail(&err) : sl_chart_render_cli(kind, &chart, &o, note);
  sl_charts_store_free(st);
  return rc;
}

/* Splits "A,B" into the names list after the positional names. */
static int add_highlights(chart_cmp_args *c) {
  char *copy = c->highlight_copy = c->highlight ? strdup(c->highlight) : NULL;
  for (char *save = NULL, *t = copy ? strtok_r(copy, ",", &save) : NULL; t; t = strtok_r(NULL, ",", &save)) {
    while (*t == ' ') t++;
    if (!*t) continue;
    if (c->cmp.nnames == sizeof c->cmp.names / sizeof c->cmp.names[0])
      return sl_cli_usage_error("chart", "too many players to highlight");
    c->cmp.names[c->cmp.nnames++] = t;
  }
  return 0;
}

static int scatter_draw(const chart_cmp_args *c, const sl_cmp_ctx *ctx, const size_t *idx) {
  const sl_cmp_args *a = &c->cmp;
  sl_group g = c->group ? sl_group_parse(c->group) : SL_GROUP_UNKNOWN;
  if (c->group && g == SL_GROUP_UNKNOWN)
    return sl_cli_usage_error("chart", "--group expects centre-back, full-back, midfielder, winger-forward or goalkeeper");
  const sl_profile *pr = a->profile ? sl_profiles_find(ctx->profiles, a->profile)
                         : g ? sl_profiles_for_group(ctx->profiles, g)
                         : a->nnames ? sl_compare_default_profile(ctx->index, ctx->profiles, idx[0])
                                     : NULL;
  if (a->profile && !pr) return sl_cli_usage_error("chart", "%s", sl_profiles_not_found(ctx->profiles, a->profile, (char[1024]){0}, 1024));
  if (!g) g = pr && pr->peers ? pr->peers : a->nnames ? sl_compare_player(ctx->index, idx[0])->group : SL_GROUP_UNKNOWN;
  if (!g) return sl_cli_usage_error("chart", "scatter: name the peers with --group or --profile, or highlight a player");
  const char *league = a->nnames ? sl_compare_player(ctx->index, idx[0])->league : NULL;
  if (a->pool.kind == SL_POOL_LEAGUE && !league)
    return sl_cli_usage_error("chart", "scatter: the league pool needs a highlighted player (or give --pool all|LIST)");
  sl_charts_store *st = sl_charts_store_new();
  if (!st) return SL_EXIT_DATA;
  sl_charts_output o = c->out;
  const char *season = NULL;
  defaults_from_files(st, a, &o, &season);
  sl_chart_inputs inputs = {0};
  cmp_inputs(a, &inputs, &o);
  sl_plot_scatter chart;
  sl_error err;
  int rc = sl_charts_scatter_from_compare(ctx->index, ctx->stats, pr, g, &a->pool, league, c->x, c->y, idx, a->nnames,
                                         season, st, &chart, &err)
               ? sl_cli_fail(&err)
               : sl_chart_render_cli(SL_CHARTS_SCATTER, &chart, &o, stdout);
  sl_charts_store_free(st);
  return rc;
}

static int run_compare_family(sl_charts_kind kind, int argc, char **argv, int parse_only) {
  chart_cmp_args c;
  memset(&c, 0, sizeof c);
  int st = sl_cmp_parse(argc, argv, &c.cmp, cmp_option);
  if (st != -1) return st;
  if (!c.out.output) return sl_cli_usage_error("chart", "-o FILE.png|svg|pdf is required");
  int one = kind == SL_CHARTS_PERCENTILES || kind == SL_CHARTS_PIZZA;
  size_t want_lo = kind == SL_CHARTS_RADAR ? SL_PLOT_RADAR_MIN_PLAYERS : kind == SL_CHARTS_BARS ? 2 : one ? 1 : 0;
  size_t want_hi = kind == SL_CHARTS_RADAR  ? SL_PLOT_RADAR_MAX_PLAYERS
                   : kind == SL_CHARTS_BARS ? SL_PLOT_BARS_MAX_PLAYERS
                   : one                    ? 1
                                            : 64;
  if (kind == SL_CHARTS_SCATTER && (!c.x || !c.y)) return sl_cli_usage_error("chart", "scatter needs --x STAT and --y STAT");
  if (kind == SL_CHARTS_SCATTER && (st = add_highlights(&c))) return free(c.highlight_copy), st;
  if (c.cmp.nnames < want_lo || c.cmp.nnames > want_hi)
    return free(c.highlight_copy), sl_cli_usage_error("chart", "%s takes %zu to %zu players (got %zu)", sl_charts_kind_name(kind), want_lo,
                              want_hi, c.cmp.nnames);
  if (parse_only) return free(c.highlight_copy), SL_EXIT_OK;
  if ((st = sl_chart_compare_check(kind, &c.cmp, &c.out))) return free(c.highlight_copy), st;
  sl_cmp_ctx ctx;
  size_t idx[sizeof c.cmp.names / sizeof c.cmp.names[0]];
  st = sl_cmp_load(&c.cmp, &ctx);
  if (!st) st = sl_cmp_find_all(&c.cmp, &ctx, idx);
  if (!st)
    st = kind == SL_CHARTS_SCATTER ? scatter_draw(&c, &ctx, idx)
                                  : sl_chart_compare_draw(kind, &c.cmp, &ctx, idx, c.cmp.nnames, c.axes, NULL,
                                                          &c.out, stdout);
  sl_cmp_free(&ctx);
  free(c.highlight_copy);
  return st;
}

/* ---- fee model: fees, age-curve ------------------------------------------------------------ */

typedef struct chart_fee_args {
  sl_charts_output out;
  const char *model, *player, *position, *contract_until, *club, *league, *buyer_league, *buyer_club, *what_if;
  const char *last_fee; /* --last-fee, as value's */
  const char *transfers[MAX_FILES], *data[MAX_FILES], *values[MAX_FILES];
  size_t ntransfers, ndata, nvalues;
  double age, market_value, contract_months, minutes_share, bid, level;
  int season, window, holdout_from, last_fee_season;
} chart_fee_args;

static int money_value(const char *s, double *v) {
  double eur;
  return sl_parse_euros(s, SL_DECIMAL_POINT, &eur) && eur > 0 ? (*v = eur, 0) : -1;
}

static int number_value(const char *s, double *v) { return sl_parse_number(s, SL_DECIMAL_POINT, v) ? 0 : -1; }

static int season_value(const char *s, int *season) {
  double x;
  if (number_value(s, &x) || x < 1800 || x > 2200 || x != floor(x)) return -1;
  *season = (int)x;
  return 0;
}

/* One fee option with its value: 0 taken, 1 unknown, -1 bad value. */
static int fee_option(chart_fee_args *a, const char *o, const char *v) {
  const char **slot = strcmp(o, "--model") == 0            ? &a->model
                      : strcmp(o, "--player") == 0         ? &a->player
                      : strcmp(o, "--position") == 0       ? &a->position
                      : strcmp(o, "--league") == 0         ? &a->league
                      : strcmp(o, "--buyer-league") == 0   ? &a->buyer_league
                      : strcmp(o, "--buyer-club") == 0     ? &a->buyer_club
                      : strcmp(o, "--club") == 0           ? &a->club
                      : strcmp(o, "--contract-until") == 0 ? &a->contract_until
                      : strcmp(o, "--what-if") == 0        ? &a->what_if
                      : strcmp(o, "-o") == 0 || strcmp(o, "--output") == 0 ? &a->out.output
                                                                           : NULL;
  if (slot) return *slot = v, 0;
  double x;
  if (strcmp(o, "--last-fee") == 0) return sl_fees_last_fee_parse(v, &x) ? -1 : (a->last_fee = v, 0);
  if (strcmp(o, "--last-fee-season") == 0) return season_value(v, &a->last_fee_season);
  if (strcmp(o, "--age") == 0) return number_value(v, &a->age);
  if (strcmp(o, "--contract-months") == 0) return number_value(v, &a->contract_months);
  if (strcmp(o, "--minutes-share") == 0) return number_value(v, &a->minutes_share);
  if (strcmp(o, "--market-value") == 0) return money_value(v, &a->market_value);
  if (strcmp(o, "--bid") == 0) return money_value(v, &a->bid);
  if (strcmp(o, "--season") == 0) return sl_season_parse(v, &a->season, NULL) ? -1 : 0;
  if (strcmp(o, "--window") == 0) return season_value(v, &a->window);
  if (strcmp(o, "--holdout-from") == 0) return season_value(v, &a->holdout_from);
  if (strcmp(o, "--level") == 0) return number_value(v, &a->level) || !(a->level > 0 && a->level < 1) ? -1 : 0;
  return 1;
}

/* --transfers and --data take every following argument up to the next option. */
static int file_list(int argc, char **argv, int *i, const char **list, size_t *n) {
  const char *o = argv[*i];
  while (*i + 1 < argc && argv[*i + 1][0] != '-') {
    if (*n == MAX_FILES) return sl_cli_usage_error("chart", "too many %s files", o);
    list[(*n)++] = argv[++*i];
  }
  return *n ? -1 : sl_cli_usage_error("chart", "%s needs a file", o);
}

static int parse_fee_args(int argc, char **argv, chart_fee_args *a) {
  a->age = a->market_value = a->contract_months = a->minutes_share = a->bid = NAN;
  for (int i = 1; i < argc; i++) {
    int r = sl_chart_option(argc, argv, &i, &a->out, 1, "chart");
    if (r == 0 && strcmp(argv[i], "--transfers") == 0) r = file_list(argc, argv, &i, a->transfers, &a->ntransfers);
    else if (r == 0 && strcmp(argv[i], "--data") == 0) r = file_list(argc, argv, &i, a->data, &a->ndata);
    else if (r == 0 && strcmp(argv[i], "--values") == 0) r = file_list(argc, argv, &i, a->values, &a->nvalues);
    if (r > 0) return r;
    if (r == -1) continue;
    if (i + 1 >= argc) return sl_cli_usage_error("chart", "%s needs a value (or is not an option of this chart)", argv[i]);
    r = fee_option(a, argv[i], argv[i + 1]);
    if (r) return sl_cli_usage_error("chart", r > 0 ? "unknown option %s" : "bad value for %s: \"%s\"", argv[i], argv[i + 1]);
    i++;
  }
  if (!a->out.output) return sl_cli_usage_error("chart", "-o FILE.png|svg|pdf is required");
  if (!a->model == !a->ntransfers) return sl_cli_usage_error("chart", "give --model MODEL.slm or --transfers FILES (one of them)");
  if ((a->ndata || a->nvalues) && !a->player) return sl_cli_usage_error("chart", "--data and --values need --player NAME");
  return -1;
}

/* The model and the player as scoutlab value builds them (fee_player.c): --data, then the flags.
 * Fitting from --transfers skips the k-fold: the chart needs the model, not its accuracy. */
static int build_fee_player(const chart_fee_args *a, sl_workspace **ws, sl_fees_player *p) {
  sl_cli_fee_attrs at = {.model = a->model, .transfers = a->transfers, .ntransfers = a->ntransfers, .folds = 1,
                         .player = a->player, .position = a->position, .contract_until = a->contract_until,
                         .club = a->club, .league = a->league, .buyer_league = a->buyer_league, .buyer_club = a->buyer_club, .data = a->data,
                         .ndata = a->ndata, .values = a->values, .nvalues = a->nvalues, .last_fee = a->last_fee,
                         .last_fee_season = a->last_fee_season, .age = a->age, .market_value = a->market_value,
                         .contract_months = a->contract_months, .minutes_share = a->minutes_share,
                         .level = a->level, .season = a->season, .window = a->window};
  int rc = sl_cli_fee_player(&at, ws, p, NULL, NULL, 0);
  sl_cli_workspace_accounting("chart", *ws);
  return rc;
}

int sl_chart_value_draw(sl_charts_kind kind, const sl_fees_model *m, const sl_fees_player *p, double level, double bid,
                        int holdout_from, const char *what_if, const char *const *sources, size_t nsources,
                        const sl_charts_output *given, FILE *note) {
  sl_charts_store *st = sl_charts_store_new();
  if (!st) return SL_EXIT_DATA;
  sl_charts_output o = *given;
  if (!o.credits) o.credits = sl_charts_model_credits(st, m, sources, nsources);
  if (!o.inputs) o.inputs = sources, o.ninputs = nsources;
  if (kind == SL_CHARTS_AGE_CURVE && !what_if && p) what_if = sl_charts_default_what_if(m, p);
  union { sl_plot_fee_fit f; sl_plot_age_curve a; } chart;
  sl_error err;
  int e = kind == SL_CHARTS_FEES ? sl_charts_fee_fit_from_model(m, holdout_from, level, SL_CHARTS_FIT_SEED, p, bid, st, &chart.f, &err)
                                : sl_charts_age_curve_from_model(m, p, level, what_if, st, &chart.a, &err);
  int rc = e ? sl_cli_fail(&err) : sl_chart_render_cli(kind, &chart, &o, note);
  sl_charts_store_free(st);
  return rc;
}

static int run_fee_family(sl_charts_kind kind, int argc, char **argv, int parse_only) {
  chart_fee_args a;
  memset(&a, 0, sizeof a);
  int rc = parse_fee_args(argc, argv, &a);
  if (rc != -1) return rc;
  if (kind == SL_CHARTS_AGE_CURVE && !a.player) return sl_cli_usage_error("chart", "age-curve needs --player NAME");
  if (parse_only) return SL_EXIT_OK;
  sl_chart_inputs inputs = {0};
  sl_chart_inputs_add(&inputs, &a.model, 1), sl_chart_inputs_add(&inputs, a.transfers, a.ntransfers), sl_chart_inputs_add(&inputs, a.data, a.ndata);
  sl_chart_inputs_add(&inputs, a.values, a.nvalues);
  a.out.inputs = inputs.path, a.out.ninputs = inputs.n;
  if ((rc = sl_chart_check_cli(kind, &a.out))) return rc;
  sl_workspace *ws = NULL;
  sl_fees_player p;
  rc = build_fee_player(&a, &ws, &p);
  const sl_fees_model *m = ws ? sl_workspace_model(ws) : NULL;
  const char *const *sources = a.model ? &a.model : a.transfers;
  if (!rc)
    rc = sl_chart_value_draw(kind, m, a.player ? &p : NULL, a.level, a.bid, a.holdout_from, a.what_if, sources,
                             a.model ? 1 : a.ntransfers, &a.out, stdout);
  sl_workspace_free(ws);
  return rc;
}

/* ---- squad: squad, importance -------------------------------------------------------------- */

typedef struct chart_squad_args {
  sl_charts_output out;
  const char *stats[MAX_FILES], *values[MAX_FILES], *contracts[MAX_FILES], *positions[MAX_FILES];
  size_t nstats, nvalues, ncontracts, npositions;
  const char *club, *overrides, *profiles, *weights, *season;
  int no_overrides;
  size_t top;
  double min_share;
  sl_pool pool;
  const char *highlight[MAX_FILES]; /* --highlight values as given, each "A" or "A,B" */
  size_t nhighlight;
} chart_squad_args;

static int squad_file(chart_squad_args *a, const char *o, const char *v) {
  const char **list = strcmp(o, "--stats") == 0       ? a->stats
                      : strcmp(o, "--values") == 0    ? a->values
                      : strcmp(o, "--contracts") == 0 ? a->contracts
                      : strcmp(o, "--positions") == 0 ? a->positions
                                                      : NULL;
  size_t *n = list == a->stats ? &a->nstats : list == a->values ? &a->nvalues : list == a->contracts ? &a->ncontracts : &a->npositions;
  if (!list) return 1;
  if (*n == MAX_FILES) return -1;
  list[(*n)++] = v;
  return 0;
}

/* One squad option with its value: 0 taken, 1 unknown, -1 bad value. */
static int squad_option(chart_squad_args *a, const char *o, const char *v) {
  int r = squad_file(a, o, v);
  if (r <= 0) return r;
  const char **slot = strcmp(o, "--overrides") == 0  ? &a->overrides
                      : strcmp(o, "--profiles") == 0 ? &a->profiles
                      : strcmp(o, "--weights") == 0  ? &a->weights
                      : strcmp(o, "--season") == 0   ? &a->season
                      : strcmp(o, "-o") == 0 || strcmp(o, "--output") == 0 ? &a->out.output
                                                                           : NULL;
  if (slot) return *slot = v, 0;
  if (strcmp(o, "--highlight") == 0) return a->nhighlight == MAX_FILES ? -1 : (a->highlight[a->nhighlight++] = v, 0);
  double x;
  if (strcmp(o, "--top") == 0) /* 0, or more than a size_t holds (1e300): everyone */
    return number_value(v, &x) || x < 0 ? -1 : (a->top = x && x < (double)SIZE_MAX ? (size_t)x : SIZE_MAX, 0);
  if (strcmp(o, "--min-share") == 0) return number_value(v, &a->min_share) || a->min_share < 0 || a->min_share >= 1 ? -1 : 0;
  if (strcmp(o, "--min-minutes") == 0) return number_value(v, &a->pool.min_minutes) || a->pool.min_minutes < 0 ? -1 : 0;
  if (strcmp(o, "--pool") == 0) {
    sl_error err;
    return sl_pool_parse(v, &a->pool, &err) ? -1 : 0;
  }
  return 1;
}

static int parse_squad_args(int argc, char **argv, chart_squad_args *a) {
  sl_pool_default(&a->pool);
  a->min_share = SL_CHARTS_SQUAD_MIN_SHARE;
  for (int i = 1; i < argc; i++) {
    int r = sl_chart_option(argc, argv, &i, &a->out, 1, "chart");
    if (r > 0) return r;
    if (r == -1) continue;
    const char *o = argv[i];
    if (o[0] != '-') {
      if (a->club) return sl_cli_usage_error("chart", "one club at a time (got \"%s\" and \"%s\")", a->club, o);
      a->club = o;
      continue;
    }
    if (strcmp(o, "--no-overrides") == 0) {
      a->no_overrides = 1;
      continue;
    }
    if (i + 1 >= argc) return sl_cli_usage_error("chart", "%s needs a value (or is not an option of this chart)", o);
    r = squad_option(a, o, argv[i + 1]);
    if (r) return sl_cli_usage_error("chart", r > 0 ? "unknown option %s" : "bad value for %s: \"%s\"", o, argv[i + 1]);
    i++;
  }
  if (!a->out.output) return sl_cli_usage_error("chart", "-o FILE.png|svg|pdf is required");
  if (!a->nstats) return sl_cli_usage_error("chart", "--stats FILE is required");
  if (!a->club && !a->nhighlight) return sl_cli_usage_error("chart", "name a club (e.g. marseille) or --highlight a player");
  return -1; /* --season is read with the inputs (squad_inputs.c) */
}

/* The squad scored as scoutlab squad scores it: the same workspace (squad_inputs.c). */
static int load_squad(const chart_squad_args *a, sl_workspace **ws, int *season) {
  sl_cli_squad_inputs in = {.stats = a->stats, .values = a->values, .contracts = a->contracts,
                            .positions = a->positions, .nstats = a->nstats, .nvalues = a->nvalues,
                            .ncontracts = a->ncontracts, .npositions = a->npositions, .overrides = a->overrides,
                            .profiles = a->profiles, .weights = a->weights, .season = a->season,
                            .no_overrides = a->no_overrides, .pool = &a->pool};
  sl_squad_options o;
  int rc = sl_cli_squad_workspace("chart", &in, &o, ws);
  if (!rc) sl_cli_workspace_accounting(NULL, *ws); /* sl_cli_squad_workspace warned */
  if (!rc) *season = sl_workspace_seasons_of(*ws)->stats;
  return rc;
}

int sl_chart_squad_draw(sl_charts_kind kind, const sl_squad *s, size_t club, int season, double min_share, size_t top,
                        const size_t *highlight, size_t nh, const char *const *sources, size_t nsources,
                        const sl_charts_output *given, FILE *note) {
  sl_charts_store *st = sl_charts_store_new();
  if (!st) return SL_EXIT_DATA;
  sl_charts_output o = *given;
  if (!o.credits) o.credits = sl_charts_credits(st, sources, nsources);
  if (!o.inputs) o.inputs = sources, o.ninputs = nsources;
  union { sl_plot_squad s; sl_plot_importance i; } chart;
  sl_error err;
  int e = kind == SL_CHARTS_SQUAD
              ? sl_charts_squad_from_squad(s, club, season, min_share, highlight, nh, st, &chart.s, &err)
              : sl_charts_importance_from_squad(s, club, top, season, highlight, nh, st, &chart.i, &err);
  int rc = e ? sl_cli_fail(&err) : sl_chart_render_cli(kind, &chart, &o, note);
  sl_charts_store_free(st);
  return rc;
}

/* One --highlight name of club k: its entry added to hl (room for SL_PLOT_PLAYER_COLOURS). */
static int add_squad_highlight(const sl_squad *s, size_t k, const char *name, size_t *hl, size_t *nh) {
  sl_error err;
  size_t e;
  if (sl_squad_find_in_club(s, k, name, &e, &err)) {
    fprintf(stderr, "scoutlab chart: %s\n", SL_CLI_SHOWN(err.message));
    return sl_cli_exit_code(err.code);
  }
  for (size_t j = 0; j < *nh; j++)
    if (hl[j] == e) return SL_EXIT_OK; /* named twice */
  if (*nh == SL_PLOT_PLAYER_COLOURS)
    return sl_cli_usage_error("chart", "at most %d players to highlight", SL_PLOT_PLAYER_COLOURS);
  hl[(*nh)++] = e;
  return SL_EXIT_OK;
}

/* The club as named, else the first highlighted player's club; then every highlighted name
 * (comma-separated within a --highlight) as a player of that club. */
static int squad_club_and_highlights(const chart_squad_args *a, const sl_squad *s, size_t *club, size_t *hl, size_t *nh) {
  sl_error err;
  int st = SL_OK;
  char first[SL_ERROR_MESSAGE_MAX];
  snprintf(first, sizeof first, "%s", a->nhighlight ? a->highlight[0] : "");
  first[strcspn(first, ",")] = '\0';
  size_t e;
  if (a->club) st = sl_squad_find_club(s, a->club, club, &err);
  else if (!(st = sl_squad_find_player(s, first, &e, &err))) *club = sl_squad_entry_at(s, e)->club;
  if (st) {
    fprintf(stderr, "scoutlab chart: %s\n", SL_CLI_SHOWN(err.message));
    return sl_cli_exit_code(st);
  }
  for (size_t i = 0; i < a->nhighlight; i++) {
    char *copy = strdup(a->highlight[i]);
    if (!copy) return SL_EXIT_DATA;
    int rc = SL_EXIT_OK;
    for (char *save = NULL, *t = strtok_r(copy, ",", &save); !rc && t; t = strtok_r(NULL, ",", &save)) {
      while (*t == ' ') t++;
      if (*t) rc = add_squad_highlight(s, *club, t, hl, nh);
    }
    free(copy);
    if (rc) return rc;
  }
  return SL_EXIT_OK;
}

static int run_squad_family(sl_charts_kind kind, int argc, char **argv, int parse_only) {
  chart_squad_args a;
  memset(&a, 0, sizeof a);
  int rc = parse_squad_args(argc, argv, &a);
  if (rc != -1) return rc;
  if (parse_only) return SL_EXIT_OK;
  sl_chart_inputs inputs = {0};
  sl_chart_inputs_add(&inputs, a.stats, a.nstats), sl_chart_inputs_add(&inputs, a.values, a.nvalues);
  sl_chart_inputs_add(&inputs, a.contracts, a.ncontracts), sl_chart_inputs_add(&inputs, a.positions, a.npositions);
  sl_chart_inputs_add(&inputs, &a.overrides, 1), sl_chart_inputs_add(&inputs, &a.profiles, 1);
  a.out.inputs = inputs.path, a.out.ninputs = inputs.n;
  if ((rc = sl_chart_check_cli(kind, &a.out))) return rc;
  sl_workspace *ws = NULL;
  int season = 0;
  size_t club = 0;
  rc = load_squad(&a, &ws, &season);
  const sl_squad *squad = ws ? sl_workspace_squad(ws) : NULL;
  size_t hl[SL_PLOT_PLAYER_COLOURS], nh = 0;
  if (!rc) rc = squad_club_and_highlights(&a, squad, &club, hl, &nh);
  if (!rc) rc = sl_chart_squad_draw(kind, squad, club, season, a.min_share, a.top, hl, nh, a.stats, a.nstats, &a.out, stdout);
  sl_workspace_free(ws);
  return rc;
}

/* ---- trend: one player across the seasons of a multi-season layout -------------------------- */


typedef struct chart_trend_args {
  sl_charts_output out;
  const char *yearly, *player, *stats, *map, *group;
  const char *positions[MAX_FILES];
  size_t npositions;
  int first, last;
  sl_pool pool;
} chart_trend_args;

static int parse_trend_args(int argc, char **argv, chart_trend_args *a) {
  sl_pool_default(&a->pool);
  a->pool.kind = SL_POOL_SHARED; /* the Big-5 peers of each season, as FBref's scouting reports */
  for (int i = 1; i < argc; i++) {
    int r = sl_chart_option(argc, argv, &i, &a->out, 1, "chart");
    if (r > 0) return r;
    if (r == -1) continue;
    const char *o = argv[i];
    if (i + 1 >= argc) return sl_cli_usage_error("chart", "%s needs a value (or is not an option of this chart)", o);
    const char *v = argv[++i];
    const char **slot = strcmp(o, "--yearly") == 0   ? &a->yearly
                        : strcmp(o, "--player") == 0 ? &a->player
                        : strcmp(o, "--stats") == 0  ? &a->stats
                        : strcmp(o, "--map") == 0    ? &a->map
                        : strcmp(o, "--group") == 0  ? &a->group
                        : strcmp(o, "-o") == 0 || strcmp(o, "--output") == 0 ? &a->out.output
                                                                             : NULL;
    if (slot) {
      *slot = v;
      continue;
    }
    sl_error err;
    if (strcmp(o, "--positions") == 0) {
      if (a->npositions == MAX_FILES) return sl_cli_usage_error("chart", "too many --positions files");
      a->positions[a->npositions++] = v;
    } else if (strcmp(o, "--from") == 0 || strcmp(o, "--to") == 0) {
      int *y = o[2] == 'f' ? &a->first : &a->last;
      if (sl_season_parse(v, y, &err)) return sl_cli_usage_error("chart", "%s: %s", o, err.message);
    } else if (strcmp(o, "--pool") == 0) {
      if (sl_pool_parse(v, &a->pool, &err)) return sl_cli_usage_error("chart", "--pool: %s", err.message);
    } else if (strcmp(o, "--min-minutes") == 0) {
      if (number_value(v, &a->pool.min_minutes) || a->pool.min_minutes < 0)
        return sl_cli_usage_error("chart", "bad value for --min-minutes: \"%s\"", v);
    } else
      return sl_cli_usage_error("chart", "unknown option %s", o);
  }
  if (!a->out.output) return sl_cli_usage_error("chart", "-o FILE.png|svg|pdf is required");
  if (!a->yearly) return sl_cli_usage_error("chart", "trend needs --yearly DIR (the fbref-big5-yearly layout)");
  if (!a->player) return sl_cli_usage_error("chart", "trend needs --player NAME");
  return -1;
}

static int run_trend(int argc, char **argv, int parse_only) {
  chart_trend_args a;
  memset(&a, 0, sizeof a);
  int rc = parse_trend_args(argc, argv, &a);
  if (rc != -1) return rc;
  if (parse_only) return SL_EXIT_OK;
  const char *src = a.yearly;
  sl_chart_inputs inputs = {0};
  sl_chart_inputs_add(&inputs, &src, 1), sl_chart_inputs_add(&inputs, a.positions, a.npositions);
  a.out.inputs = inputs.path, a.out.ninputs = inputs.n;
  if ((rc = sl_chart_check_cli(SL_CHARTS_TREND, &a.out))) return rc;
  sl_error err;
  sl_schema_map *map = sl_schema_map_new();
  if (!map) return SL_EXIT_DATA;
  if (a.map && sl_schema_map_add_spec(map, a.map, &err)) { /* the export's misspelt headers are the schema's */
    sl_schema_map_free(map);
    return sl_cli_usage_error("chart", "--map: %s", err.message);
  }
  sl_load_options lo;
  sl_cli_load_options(&lo);
  lo.map = map;
  sl_table *t = NULL;
  sl_join_report *rep = NULL;
  sl_charts_store *st = sl_charts_store_new();
  sl_profile pr;
  sl_plot_trend chart;
  sl_table *pos = NULL;
  sl_compare_options copt = {0};
  sl_group g = a.group ? sl_group_parse(a.group) : SL_GROUP_UNKNOWN;
  if (a.group && g == SL_GROUP_UNKNOWN)
    rc = sl_cli_usage_error("chart", "--group expects centre-back, full-back, midfielder, winger-forward or goalkeeper");
  else if (a.npositions && sl_table_load_many(a.positions, a.npositions, NULL, &pos, &err))
    rc = sl_cli_fail(&err);
  copt.positions = pos;
  if (!rc)
    rc = !st ? SL_EXIT_DATA
         : sl_table_load_yearly(a.yearly, NULL, 0, a.first, a.last, &lo, &t, &rep, &err) ? sl_cli_fail(&err)
         : sl_charts_trend_profile(a.stats ? a.stats
                                           : sl_charts_trend_default_stats(
                                                 g != SL_GROUP_UNKNOWN
                                                     ? g
                                                     : sl_charts_trend_player_group(t, a.player, &copt, a.first, a.last)),
                                   st, &pr, &err)
             ? sl_cli_fail(&err)
             : 0;
  if (!rc) {
    pr.peers = g;
    if (sl_charts_trend_from_table(t, a.player, &pr, &a.pool, &copt, a.first, a.last, st, &chart, &err))
      rc = sl_cli_fail(&err);
  }
  if (!rc) {
    if (!a.out.credits) a.out.credits = sl_charts_credits(st, &src, 1);
    rc = sl_chart_render_cli(SL_CHARTS_TREND, &chart, &a.out, stdout);
  }
  sl_charts_store_free(st);
  sl_table_free(pos);
  sl_join_report_free(rep);
  sl_table_free(t);
  sl_schema_map_free(map);
  return rc;
}

/* ---- the command ----------------------------------------------------------------------------- */

/* The command; with parse_only its argument parse alone (sl_command.parse), nothing read or written. */
static int chart_main(int argc, char **argv, int parse_only) {
  if (argc < 2) return sl_cli_usage_error("chart", "name a chart type: radar, percentiles, pizza, bars, scatter, fees, age-curve, squad, importance, trend");
  int kind = sl_charts_kind_parse(argv[1]);
  if (kind < 0)
    return sl_cli_usage_error("chart", "unknown chart type '%s' (radar, percentiles, pizza, bars, scatter, fees, age-curve, squad, importance, trend)",
                              argv[1]);
  for (int i = 2; i < argc; i++)
    if (sl_cli_is_help(argv[i])) return fputs(sl_help_chart, stdout), SL_EXIT_OK;
  /* The type's parser sees "chart" as its command name, so messages say "scoutlab chart: ...". */
  char **args = malloc((size_t)argc * sizeof *args);
  if (!args) return SL_EXIT_DATA;
  args[0] = argv[0];
  for (int i = 2; i < argc; i++) args[i - 1] = argv[i];
  int n = argc - 1, rc;
  switch (kind) {
  case SL_CHARTS_TREND: rc = run_trend(n, args, parse_only); break;
  case SL_CHARTS_RADAR:
  case SL_CHARTS_PIZZA:
  case SL_CHARTS_BARS:
  case SL_CHARTS_PERCENTILES:
  case SL_CHARTS_SCATTER: rc = run_compare_family((sl_charts_kind)kind, n, args, parse_only); break;
  case SL_CHARTS_FEES:
  case SL_CHARTS_AGE_CURVE: rc = run_fee_family((sl_charts_kind)kind, n, args, parse_only); break;
  default: rc = run_squad_family((sl_charts_kind)kind, n, args, parse_only);
  }
  free(args);
  return rc;
}

int sl_cmd_chart(int argc, char **argv) { return chart_main(argc, argv, 0); }
int sl_cmd_chart_parse(int argc, char **argv) { return chart_main(argc, argv, 1); }
