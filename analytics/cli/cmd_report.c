/* cmd_report.c - `scoutlab report`: from "should we bid?" to a shareable document. Loads the
 * inputs, fits or loads the fee model, builds the document (report_player.c / report_club.c)
 * and writes DIR/report.html and DIR/report.md, each whole or not at all. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "report.h"
#include "scoutlab/output.h"
#include "scoutlab/parse.h"

const char sl_help_report[] =
    "usage: scoutlab report --player NAME [--bid 25m] --stats FILE [--values FILE] [--contracts FILE]\n"
    "                       [--transfers FILE|DIR | --model M.slm] -o DIR [--format html|md|both]\n"
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
    "  --season S           season of the stats (2024, 2024-25)\n"
    "  --level L            interval level (default 0.8)\n"
    "  --age N --position P --market-value X --contract-until DATE   override the data\n"
    "  --format F           html, md or both (default both)\n"
    "  --no-charts          do not run gnuplot\n"
    "  --quiet              no progress messages\n"
    "\n"
    "example (the bundled demo data; the players are fictional):\n"
    "  scoutlab report --player \"Tobias Quirandel\" --bid 25m --stats datasets/players.csv \\\n"
    "    --values datasets/values.csv --contracts datasets/contracts.csv \\\n"
    "    --transfers datasets/transfers.csv -o out/report\n";

static int add_file(rp_files *f, const char *v) {
  if (f->n == RP_MAX_FILES) return sl_cli_usage_error("report", "at most %d files of one kind", RP_MAX_FILES);
  f->path[f->n++] = v;
  return -1;
}

static int money_option(const char *o, const char *v, double *out) {
  sl_money m;
  if (!sl_parse_money(v, SL_DECIMAL_POINT, &m) || !(m.amount > 0))
    return sl_cli_usage_error("report", "%s expects an amount such as 25m, €25m or 25,000,000, got \"%s\"", o, v);
  *out = m.amount;
  return -1;
}

/* One option with its value; returns -1 when taken, 0 when unknown, else an exit status. */
static int option(rp_args *a, const char *o, const char *v) {
  if (!strcmp(o, "--player")) return a->player = v, -1;
  if (!strcmp(o, "--club")) return a->club = v, -1;
  if (!strcmp(o, "-o") || !strcmp(o, "--output")) return a->outdir = v, -1;
  if (!strcmp(o, "--model")) return a->model = v, -1;
  if (!strcmp(o, "--season")) return a->season = v, -1;
  if (!strcmp(o, "--position")) return a->position = v, -1;
  if (!strcmp(o, "--contract-until")) return a->contract_until = v, -1;
  if (!strcmp(o, "--stats")) return add_file(&a->stats, v);
  if (!strcmp(o, "--values")) return add_file(&a->values, v);
  if (!strcmp(o, "--contracts")) return add_file(&a->contracts, v);
  if (!strcmp(o, "--positions")) return add_file(&a->positions, v);
  if (!strcmp(o, "--transfers")) return add_file(&a->transfers, v);
  if (!strcmp(o, "--bid")) return money_option(o, v, &a->bid);
  if (!strcmp(o, "--market-value")) return money_option(o, v, &a->market_value);
  if (!strcmp(o, "--age")) {
    if (!sl_parse_number(v, SL_DECIMAL_POINT, &a->age) || a->age < 14 || a->age > 45)
      return sl_cli_usage_error("report", "--age expects a number of years between 14 and 45, got \"%s\"", v);
    return -1;
  }
  if (!strcmp(o, "--level")) {
    if (!sl_parse_number(v, SL_DECIMAL_POINT, &a->level) || !(a->level > 0 && a->level < 1))
      return sl_cli_usage_error("report", "--level expects a number between 0 and 1 such as 0.8, got \"%s\"", v);
    return -1;
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
  a->bid = a->age = a->market_value = NAN;
  a->level = SL_FEES_DEFAULT_LEVEL;
  a->html = a->markdown = a->charts = 1;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--quiet") || !strcmp(argv[i], "-q")) {
      a->quiet = 1;
      continue;
    }
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

static void progress(const rp_ctx *x, const char *what) {
  if (x->progress) fprintf(stderr, "scoutlab report: %s\n", what);
}

static int load(const rp_files *f, const sl_load_options *opt, sl_table **out) {
  sl_error err;
  if (!f->n) return SL_EXIT_OK;
  return sl_table_load_many(f->path, f->n, opt, out, &err) ? sl_cli_fail(&err) : SL_EXIT_OK;
}

static const char *data_file(const char *name, char *buf, size_t size) {
  return access(sl_cli_data_file(name, buf, size), R_OK) == 0 ? buf : NULL;
}

static int load_inputs(rp_ctx *x) {
  const rp_args *a = x->a;
  sl_error err;
  char pbuf[1024], obuf[1024];
  static const char *const pos_cols[] = {"name", "Player", "player", "age", "Age", "season", "Season", "born",
                                         "Born", "birth_year", "position", "short_pos", "sub_position", NULL};
  sl_load_options pos_opt = {.only_columns = pos_cols};
  progress(x, "loading the data");
  int st = sl_cli_load_stats("report", a->stats.path, a->stats.n, a->season, &x->stats, &x->season);
  if (!st) st = load(&a->values, NULL, &x->values);
  if (!st) sl_cli_values_for_season(&x->values, x->season);
  if (!st) st = load(&a->contracts, NULL, &x->contracts);
  if (!st) st = load(&a->positions, &pos_opt, &x->positions);
  const char *ovr = data_file("positions-override.csv", obuf, sizeof obuf);
  rp_files of = {{ovr}, ovr != NULL};
  if (!st) st = load(&of, NULL, &x->overrides);
  const char *prof = data_file("profiles.csv", pbuf, sizeof pbuf);
  if (!st && !prof) {
    fprintf(stderr, "scoutlab report: no role profiles (datasets/profiles.csv; set SCOUTLAB_DATADIR)\n");
    return SL_EXIT_IO;
  }
  if (!st && sl_profiles_load(prof, &x->profiles, &err)) st = sl_cli_fail(&err);
  return st;
}

static int build_indexes(rp_ctx *x) {
  sl_error err;
  sl_compare_options co = {.positions = x->positions, .overrides = x->overrides, .values = x->values};
  if (sl_compare_new(x->stats, &co, &x->cmp, &err)) return sl_cli_fail(&err);
  sl_squad_options so;
  sl_squad_default(&so);
  so.profiles = x->profiles;
  so.positions = x->positions, so.overrides = x->overrides, so.values = x->values;
  so.contracts = x->contracts;
  so.season = x->season;
  progress(x, "scoring squad importance");
  if (sl_squad_new(x->stats, &so, &x->squad, &err)) return sl_cli_fail(&err);
  return SL_EXIT_OK;
}

/* The latest season among transfer rows, for the default time split. */
static int latest_season(const sl_table *t) {
  const sl_column *c = sl_table_role(t, SL_ROLE_SEASON);
  int hi = 0;
  for (size_t r = 0; c && c->num && r < t->nrows; r++)
    if (!isnan(c->num[r]) && c->num[r] > hi) hi = (int)c->num[r];
  return hi;
}

/* Seasons held out of training to measure accuracy out of time: the last three. */
#define RP_HOLDOUT_SEASONS 3

static int fee_model(rp_ctx *x) {
  sl_error err;
  const rp_args *a = x->a;
  if (a->model) {
    progress(x, "loading the fee model");
    if (sl_fees_load(a->model, &x->model, &err)) return sl_cli_fail(&err);
    rp_note(x, "fee model loaded from %s (fitted on seasons %d-%d); its out-of-sample accuracy is printed by "
               "scoutlab fit", a->model, x->model->season_min, x->model->season_max);
    return SL_EXIT_OK;
  }
  sl_table *t = NULL;
  int st = load(&a->transfers, NULL, &t);
  if (st) return st;
  sl_fees_options fo = {0};
  fo.level = a->level;
  int hi = latest_season(t);
  fo.holdout_from = hi > RP_HOLDOUT_SEASONS ? hi - RP_HOLDOUT_SEASONS + 1 : 0;
  sl_fees_deals *deals = NULL;
  if (sl_fees_deals_from_table(t, &fo, &deals, &err)) {
    sl_table_free(t);
    return sl_cli_fail(&err);
  }
  sl_table_free(t);
  char msg[128];
  snprintf(msg, sizeof msg, "fitting the fee model on %zu deals (with time split and cross-validation)", deals->n);
  progress(x, msg);
  if (sl_fees_fit(deals, &fo, &x->model, &x->fit, &err)) return sl_cli_fail(&err);
  return SL_EXIT_OK;
}

static void free_ctx(rp_ctx *x) {
  sl_squad_free(x->squad);
  sl_compare_free(x->cmp);
  sl_fees_model_free(x->model);
  free(x->fit);
  sl_profiles_free(x->profiles);
  sl_table_free(x->stats), sl_table_free(x->values), sl_table_free(x->contracts);
  sl_table_free(x->positions), sl_table_free(x->overrides);
}

static int write_doc(const sl_doc *d, const char *dir, const char *name, int html) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  sl_output *o;
  FILE *f;
  sl_error err;
  if (sl_output_open(path, &o, &f, &err)) return sl_cli_fail(&err);
  int st = html ? sl_doc_write_html(d, f, &err) : sl_doc_write_markdown(d, f, &err);
  if (st) {
    sl_output_abort(o);
    return sl_cli_fail(&err);
  }
  if (sl_output_commit(o, &err)) return sl_cli_fail(&err);
  printf("wrote %s\n", path);
  return SL_EXIT_OK;
}

int sl_cmd_report(int argc, char **argv) {
  rp_args a;
  int st = parse_args(argc, argv, &a);
  if (st != -1) return st;
  rp_ctx x = {.a = &a, .progress = !a.quiet && isatty(STDERR_FILENO)};
  sl_error err;
  if (sl_output_make_dir(a.outdir, &err)) return sl_cli_fail(&err);
  st = load_inputs(&x);
  if (!st) st = build_indexes(&x);
  if (!st) st = fee_model(&x);
  sl_doc *d = st ? NULL : sl_doc_new("", NULL);
  if (!st && !d) st = SL_EXIT_IO;
  if (!st) st = a.player ? rp_player_report(&x, d) : rp_club_report(&x, d);
  if (!st) rp_method_section(&x, d);
  progress(&x, "writing the report");
  if (!st && a.html) st = write_doc(d, a.outdir, "report.html", 1);
  if (!st && a.markdown) st = write_doc(d, a.outdir, "report.md", 0);
  if (!st && x.summary[0]) printf("\n%s", x.summary);
  sl_doc_free(d);
  free_ctx(&x);
  return st;
}
