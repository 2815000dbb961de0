/* cmd_report.c - `scoutlab report`: from "should we bid?" to a shareable document. Parses the
 * options into a workspace (the library decides seasons, identity and the model), asks the
 * library for the document (include/scoutlab/report.h) and writes DIR/report.html and
 * DIR/report.md, each whole or not at all. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "scoutlab/datadir.h"
#include "scoutlab/output.h"
#include "scoutlab/parse.h"
#include "scoutlab/report.h"
#include "scoutlab/season.h"
#include "scoutlab/workspace.h"

const char sl_help_report[] =
    "usage: scoutlab report --player NAME [--bid 25m] --stats FILE [--values FILE] [--contracts FILE]\n"
    "                       [--transfers FILE|DIR | --model M.slm] -o|--output DIR\n"
    "                       [--format html|md|both]\n"
    "       scoutlab report --club NAME --stats FILE ... -o DIR\n"
    "\n"
    "Writes DIR/report.html (self-contained, charts beside it in DIR/charts) and DIR/report.md:\n"
    "  1. the verdict: fair fee, interval, probability of reaching the bid, in plain words;\n"
    "  2. why: each term's contribution, comparable past deals, what-if on contract and age;\n"
    "  3. the player: per-90 profile and percentiles against position peers, similar players;\n"
    "  4. his squad: importance score and rank, depth in his position, replacement cost;\n"
    "  5. method and data: the model's out-of-sample accuracy, sources, caveats.\n"
    "With --club: every player's importance, value estimate and contract situation.\n"
    "\n"
    "  --player NAME        accent- and case-insensitive; \"Name (Club)\" when ambiguous\n"
    "  --club NAME          a squad report instead\n"
    "  --bid X              asking price or offer: 25m, €25m, 25,000,000\n"
    "  --stats FILE         season totals (FBref-style); repeatable; a multi-season file uses\n"
    "                       the latest season unless --season\n"
    "  --values FILE        market values (Transfermarkt-style); repeatable\n"
    "  --contracts FILE     contract expiry dates (player, contract_expiration_date)\n"
    "  --positions FILE     Transfermarkt-style sub-positions to split defenders\n"
    "  --transfers FILE     past transfers to fit the fee model on; repeatable, directories walked\n"
    "  --model M.slm        a model saved by scoutlab fit (instead of --transfers)\n"
    "  --performance-model P.slm  a no-market-value model with performance terms (scoutlab fit\n"
    "                       --no-market-value --stats DIR): values a player without a market value\n"
    "                       or with one two seasons old or more; the other model's answer second\n"
    "  --season S           season of the stats (2024, 2024-25); read from a season column or\n"
    "                       the file name when they have one, and must agree with them\n"
    "  --window YEAR        transfer window valued (default: the one after the stats season)\n"
    "  --level L            interval level (default 0.8)\n"
    "  --age N --position P --market-value X --contract-until DATE   override the data\n"
    "  --buyer-club C --buyer-league L   value him for this buyer (its league unless stated)\n"
    "  --format F           html, md or both (default both)\n"
    "  --no-charts          do not run gnuplot\n"
    "                       (--quiet: no progress messages)\n"
    SL_CLI_HELP_VERBOSITY
    "\n"
    "example (the bundled demo data; the players are fictional):\n"
    "  scoutlab report --player \"Tobias Quirandel\" --bid 25m --stats datasets/players.csv \\\n"
    "    --values datasets/values.csv --contracts datasets/contracts.csv \\\n"
    "    --transfers datasets/transfers.csv -o out/report\n";

/* Files of one kind a report can read (repeatable options). */
#define RP_MAX_FILES 32

typedef struct rp_files {
  const char *path[RP_MAX_FILES];
  size_t n;
} rp_files;

typedef struct rp_args {
  const char *player, *club, *outdir, *model, *performance_model;
  rp_files stats, values, contracts, positions, transfers;
  double bid, level;
  int season, window;
  sl_workspace_attrs given; /* --age, --market-value, --position, --contract-until, --buyer-* */
  int html, markdown, charts;
  sl_cli_defaults def;                     /* the bundled profiles and overrides' paths */
  const char *inputs[5 * RP_MAX_FILES + 4]; /* every path read: no output replaces one */
  size_t ninputs, ndata_inputs; /* every path read; the first ndata_inputs are data */
} rp_args;

static int add_file(rp_files *f, const char *v) {
  if (f->n == RP_MAX_FILES) return sl_cli_usage_error("report", "at most %d files of one kind", RP_MAX_FILES);
  f->path[f->n++] = v;
  return -1;
}

static int money_option(const char *o, const char *v, double *out) {
  double eur;
  if (!sl_parse_euros(v, SL_DECIMAL_POINT, &eur) || !(eur > 0))
    return sl_cli_usage_error("report", "%s expects an amount in euros such as 25m, €25m or 25,000,000, got \"%s\"", o, v);
  *out = eur;
  return -1;
}

static int number_option(const char *o, const char *v, double lo, double hi, const char *what, double *out) {
  if (!sl_parse_number(v, SL_DECIMAL_POINT, out) || !(*out >= lo && *out <= hi))
    return sl_cli_usage_error("report", "%s expects %s, got \"%s\"", o, what, v);
  return -1;
}

/* One option with its value; returns -1 when taken, 0 when unknown, else an exit status. */
static int option(rp_args *a, const char *o, const char *v) {
  double x;
  if (!strcmp(o, "--player")) return a->player = v, -1;
  if (!strcmp(o, "--club")) return a->club = v, -1;
  if (!strcmp(o, "-o") || !strcmp(o, "--output")) return a->outdir = v, -1;
  if (!strcmp(o, "--model")) return a->model = v, -1;
  if (!strcmp(o, "--performance-model")) return a->performance_model = v, -1;
  if (!strcmp(o, "--position")) return a->given.position = v, -1;
  if (!strcmp(o, "--contract-until")) return a->given.contract_until = v, -1;
  if (!strcmp(o, "--buyer-club")) return a->given.buyer_club = v, -1;
  if (!strcmp(o, "--buyer-league")) return a->given.buyer_league = v, -1;
  if (!strcmp(o, "--stats")) return add_file(&a->stats, v);
  if (!strcmp(o, "--values")) return add_file(&a->values, v);
  if (!strcmp(o, "--contracts")) return add_file(&a->contracts, v);
  if (!strcmp(o, "--positions")) return add_file(&a->positions, v);
  if (!strcmp(o, "--transfers")) return add_file(&a->transfers, v);
  if (!strcmp(o, "--bid")) return money_option(o, v, &a->bid);
  if (!strcmp(o, "--market-value")) return money_option(o, v, &a->given.market_value);
  if (!strcmp(o, "--season"))
    return sl_season_parse(v, &a->season, NULL)
               ? sl_cli_usage_error("report", "--season expects e.g. 2024, 2024-25 or 2024/25, got \"%s\"", v)
               : -1;
  if (!strcmp(o, "--window")) {
    int r = number_option(o, v, SL_SEASON_MIN, SL_SEASON_MAX, "a year such as 2025", &x);
    if (r == -1) a->window = (int)x; /* only a year in range fits an int (1e300 does not) */
    return r;
  }
  if (!strcmp(o, "--age")) return number_option(o, v, 14, 45, "a number of years between 14 and 45", &a->given.age);
  if (!strcmp(o, "--level")) {
    int r = number_option(o, v, 0, 1, "a number between 0 and 1 such as 0.8", &a->level);
    return r == -1 && (a->level <= 0 || a->level >= 1)
               ? sl_cli_usage_error("report", "--level expects a number between 0 and 1 such as 0.8, got \"%s\"", v)
               : r;
  }
  if (!strcmp(o, "--format")) {
    a->html = !strcmp(v, "html") || !strcmp(v, "both");
    a->markdown = !strcmp(v, "md") || !strcmp(v, "both");
    if (!a->html && !a->markdown) return sl_cli_usage_error("report", "--format expects html, md or both, got \"%s\"", v);
    return -1;
  }
  return 0;
}

static int parse_args(int argc, char **argv, rp_args *a) {
  memset(a, 0, sizeof *a);
  sl_workspace_attrs_init(&a->given);
  a->bid = NAN;
  a->level = SL_FEES_DEFAULT_LEVEL;
  a->html = a->markdown = a->charts = 1;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--no-charts")) {
      a->charts = 0;
      continue;
    }
    if (argv[i][0] != '-') return sl_cli_usage_error("report", "unexpected argument \"%s\"", argv[i]);
    if (i + 1 >= argc) return sl_cli_usage_error("report", "%s needs a value", argv[i]);
    int r = option(a, argv[i], argv[i + 1]);
    if (r == 0) return sl_cli_usage_error("report", "unknown option %s", argv[i]);
    if (r != -1) return r;
    i++;
  }
  if (!a->player == !a->club) return sl_cli_usage_error("report", "give --player NAME or --club NAME");
  if (!a->outdir) return sl_cli_usage_error("report", "give the output directory with -o DIR");
  if (!a->stats.n) return sl_cli_usage_error("report", "--stats FILE is required");
  if (!a->model && !a->transfers.n)
    return sl_cli_usage_error("report", "give --transfers FILE (to fit the fee model) or --model M.slm");
  return -1;
}

static void progress(void *ctx, const char *what) {
  if (*(const int *)ctx) fprintf(stderr, "scoutlab report: %s\n", SL_CLI_SHOWN(what));
}

/* SL_OK when DIR/name may be written: no input is that file, and a file already there is a
 * report of ours. Asked before the data are read (a fit can take a minute) and again on writing. */
static int doc_path(const rp_args *a, const char *name, char *path, size_t size, sl_error *err) {
  snprintf(path, size, "%s/%s", a->outdir, name);
  const char *out = path;
  int st = sl_output_check_paths(&out, 1, a->inputs, a->ninputs, err);
  return st ? st : sl_output_check_ours(path, SL_DOC_SIGNATURE, err);
}

static int check_docs(const rp_args *a) {
  char path[4096];
  sl_error err;
  if ((a->html && doc_path(a, "report.html", path, sizeof path, &err)) ||
      (a->markdown && doc_path(a, "report.md", path, sizeof path, &err)))
    return sl_cli_fail(&err);
  return SL_EXIT_OK;
}

/* The workspace over every input the options name, with the bundled profiles and overrides. */
static int open_workspace(rp_args *a, const int *show, sl_workspace **ws) {
  sl_workspace_inputs in;
  sl_workspace_inputs_init(&in);
  sl_cli_workspace_defaults(&in, &a->def, NULL, 0, NULL);
  in.stats = a->stats.path, in.nstats = a->stats.n;
  in.values = a->values.path, in.nvalues = a->values.n;
  in.contracts = a->contracts.path, in.ncontracts = a->contracts.n;
  in.positions = a->positions.path, in.npositions = a->positions.n;
  in.transfers = a->transfers.path, in.ntransfers = a->transfers.n;
  in.model = a->model;
  in.performance_model = a->performance_model;
  in.season = a->season, in.valuation_season = a->window;
  in.level = a->level;
  in.squad = 1;
  if (!in.profiles) {
    fprintf(stderr, "scoutlab report: no role profiles (profiles.csv; set SCOUTLAB_DATADIR)\n");
    return SL_EXIT_IO;
  }
  a->ninputs = sl_workspace_inputs_paths(&in, a->inputs, sizeof a->inputs / sizeof a->inputs[0]);
  a->ndata_inputs = sl_workspace_inputs_data_count(&in);
  int st = check_docs(a);
  if (st) return st;
  progress((void *)show, a->transfers.n ? "loading the data and fitting the fee model" : "loading the data");
  sl_error err;
  if (sl_workspace_new(&in, ws, &err)) return sl_cli_fail(&err);
  sl_cli_workspace_accounting("report", *ws); /* the notes are in the report itself */
  return SL_EXIT_OK;
}

static int write_doc(const sl_doc *d, const rp_args *a, const char *name, int html) {
  char path[4096];
  sl_output *o;
  FILE *f;
  sl_error err;
  if (doc_path(a, name, path, sizeof path, &err) || sl_output_open(path, &o, &f, &err)) return sl_cli_fail(&err);
  int st = html ? sl_doc_write_html(d, f, &err) : sl_doc_write_markdown(d, f, &err);
  if (st) {
    sl_output_abort(o);
    return sl_cli_fail(&err);
  }
  if (sl_output_commit(o, &err)) return sl_cli_fail(&err);
  printf("wrote %s\n", path);
  return SL_EXIT_OK;
}

/* The command; with parse_only its argument parse alone (sl_command.parse), nothing read or written. */
static int report_main(int argc, char **argv, int parse_only) {
  rp_args a;
  int st = parse_args(argc, argv, &a);
  if (st != -1) return st;
  if (parse_only) return SL_EXIT_OK;
  int show = !sl_cli_quiet() && isatty(STDERR_FILENO);
  sl_error err;
  if (sl_output_make_dir(a.outdir, &err)) return sl_cli_fail(&err);
  sl_workspace *ws = NULL;
  st = open_workspace(&a, &show, &ws);
  sl_report_request rq;
  sl_report_request_init(&rq);
  rq.player = a.player, rq.club = a.club, rq.bid = a.bid, rq.given = &a.given;
  char plotdir[SL_DATA_PATH_MAX];
  rq.dir = a.outdir, rq.charts = a.charts, rq.progress = progress, rq.progress_ctx = &show;
  rq.plotdir = a.charts ? sl_cli_plot_dir(plotdir, sizeof plotdir) : NULL;
  rq.inputs = a.inputs, rq.ninputs = a.ninputs, rq.ndata_inputs = a.ndata_inputs;
  sl_doc *d = NULL;
  sl_report_summary sum;
  if (!st && sl_report_build(ws, &rq, &d, &sum, &err)) st = sl_cli_fail(&err);
  if (!st) progress(&show, "writing the report");
  if (!st && a.html) st = write_doc(d, &a, "report.html", 1);
  if (!st && a.markdown) st = write_doc(d, &a, "report.md", 0);
  if (!st && sum.charts_note[0]) sl_cli_note("report", "warning: %s", sum.charts_note);
  if (!st && sum.text[0]) putchar('\n'), sl_cli_put_lines(stdout, sum.text);
  sl_doc_free(d);
  sl_workspace_free(ws);
  return st;
}

int sl_cmd_report(int argc, char **argv) { return report_main(argc, argv, 0); }
int sl_cmd_report_parse(int argc, char **argv) { return report_main(argc, argv, 1); }
