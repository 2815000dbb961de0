/* cmd_compare.c - scoutlab compare: players side by side, per stat the per-90 value and the
 * percentile against position peers; also the loading and printing shared with percentiles and
 * similar (cmd_compare.h). */
#include "cmd_compare.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "chart_data.h"
#include "scoutlab/parse.h"
#include "scoutlab/season.h"


const char sl_help_compare[] =
    "usage: scoutlab compare --stats FILE NAME NAME [NAME...] [options]\n"
    "\n"
    "Players side by side: for each stat of a role profile, the value (per 90 minutes, or a rate)\n"
    "and its percentile among players of the same position group in the pool.\n"
    "\n"
    "options:\n"
    "  --stats FILE          season totals (FBref-style); repeatable, directories load every *.csv\n"
    "  --values FILE|DIR     market values (Transfermarkt-style), joined by name, birth year, club\n"
    "  --contracts FILE      contract expiry dates (similar --model: for the fair fees)\n"
    "  --positions FILE|DIR  Transfermarkt-style sub-positions (name, age+season or born,\n"
    "                        short_pos/position), joined by name and birth year\n"
    "  --overrides FILE      manual sub-positions (player,born,sub_position); default\n"
    "                        datasets/positions-override.csv; --no-overrides to skip it\n"
    "  --profiles FILE       role profiles (default datasets/profiles.csv)\n"
    "  --profile ROLE        centre-back, full-back, midfielder, winger-forward, goalkeeper\n"
    "                        (default: the first player's group)\n"
    "  --stats-list LIST     the stats to show instead of a profile: number columns as in the\n"
    "                        file (\"TklW,Int,Cmp%\"), profile labels (\"Aerial win %\"), or roles\n"
    "                        (\"minutes\"); counts per 90, ':raw' as is, ':total', ':low'\n"
    "  --pool P              shared (default: one pool for all the players, the Big 5 when the\n"
    "                        file has Big-5 leagues, else every league), big5, all, league (each\n"
    "                        player's own), or a set such as \"Ligue 1,Serie A\"\n"
    "  --min-minutes N       pool members need N minutes (default 900); a player below it is\n"
    "                        shown with his values and marked (ss), without a percentile\n"
    "  --per-club            one entry per club row instead of combining a season's clubs\n"
    "  --season S            season of a multi-season stats file (default: the latest)\n"
    "  --seasons A-B         several seasons (\"2020-2024\" = 2020/21 to 2024/25, \"2023/24\" one; --stats may be\n"
    "                        the fbref-big5-yearly folder): one entry per player and season,\n"
    "                        ranked against that season's peers; name \"Balerdi (2022/23)\"\n"
    "  --pool-seasons        with --seasons: the seasons pooled minute-weighted (per 90 = sum of\n"
    "                        totals / sum of minutes), as FBref's \"last 365 days\"\n"
    "  --format F            table (default), csv (wide: one column per player), tidy (long CSV:\n"
    "                        one line per player and stat), json, md\n"
    "                        (--verbose adds the players combined and each position's source)\n"
    "  --chart FILE          also draw a radar of the players (2-6, as chart radar) to FILE.png|svg|pdf\n"
    "\n"
    "A name may be partial (\"balerdi\"), accent-free, or qualified: \"Max Aarons (Valencia)\",\n"
    "\"Leo Martin (1995)\". Percentile = 100 * (worse + 0.5 * equal) / n (docs/compare.md).\n"
    SL_CLI_HELP_VERBOSITY
    "\n"
    "example:\n"
    "  scoutlab compare --stats players_data-2024_2025.csv \"Leonardo Balerdi\" \"Gleison Bremer\" \\\n"
    "      --profile centre-back --pool all\n";

static int add_file(const char **list, size_t *n, const char *path, sl_cmp_args *a, const char *opt) {
  if (*n == SL_CMP_MAX_FILES) return sl_cli_usage_error(a->cmd, "too many %s files", opt);
  list[(*n)++] = path;
  return -1;
}

static int parse_number(const char *cmd, const char *opt, const char *s, double *out) {
  if (!sl_parse_number(s, SL_DECIMAL_POINT, out) || *out < 0)
    return sl_cli_usage_error(cmd, "%s expects a non-negative number, got \"%s\"", opt, s);
  return -1;
}

/* --seasons: one season ("2022/23") or a range of first years or seasons ("2020-2024",
 * "2020/21-2024/25"). -1 taken, or the usage exit status. */
static int parse_seasons(sl_cmp_args *a, const char *v) {
  sl_error err;
  int first = 0, last = 0;
  if (sl_season_range_parse(v, &first, &last, &err) != SL_OK)
    return sl_cli_usage_error(a->cmd, "--seasons: %s", err.message);
  a->seasons_first = first, a->seasons_last = last;
  return -1;
}

/* One shared option at argv[*i]: -1 taken, 0 unknown, or an exit status. */
static int shared_option(int argc, char **argv, int *i, sl_cmp_args *a) {
  const char *o = argv[*i];
  int has = *i + 1 < argc;
  const char *v = has ? argv[*i + 1] : NULL;
  if (strcmp(o, "--per-club") == 0) return a->per_club = 1, -1;
  if (strcmp(o, "--no-overrides") == 0) return a->no_overrides = 1, -1;
  if (strcmp(o, "--pool-seasons") == 0) return a->pool_seasons = 1, -1;
  static const char *const with_value[] = {"--stats", "--positions", "--values", "--contracts", "--overrides",
                                           "--profiles", "--profile", "--pool", "--min-minutes",
                                           "--format", "--season", "--stats-list", "--seasons"};
  int known = 0;
  for (size_t k = 0; k < sizeof with_value / sizeof with_value[0]; k++) known |= strcmp(o, with_value[k]) == 0;
  if (!known) return 0;
  if (!has) return sl_cli_usage_error(a->cmd, "%s needs a value", o);
  ++*i;
  if (strcmp(o, "--stats") == 0) return add_file(a->stats, &a->nstats, v, a, o);
  if (strcmp(o, "--positions") == 0) return add_file(a->positions, &a->npositions, v, a, o);
  if (strcmp(o, "--values") == 0) return add_file(a->values, &a->nvalues, v, a, o);
  if (strcmp(o, "--contracts") == 0) return add_file(a->contracts, &a->ncontracts, v, a, o);
  if (strcmp(o, "--overrides") == 0) return a->overrides = v, -1;
  if (strcmp(o, "--profiles") == 0) return a->profiles = v, -1;
  if (strcmp(o, "--profile") == 0) return a->profile = v, -1;
  if (strcmp(o, "--stats-list") == 0) return a->stats_list = v, -1;
  if (strcmp(o, "--season") == 0) return a->season = v, -1;
  if (strcmp(o, "--seasons") == 0) return parse_seasons(a, v);
  if (strcmp(o, "--min-minutes") == 0) return parse_number(a->cmd, o, v, &a->pool.min_minutes);
  if (strcmp(o, "--pool") == 0) {
    sl_error err;
    return sl_pool_parse(v, &a->pool, &err) ? sl_cli_usage_error(a->cmd, "%s", err.message) : -1;
  }
  unsigned all = (1u << SL_FMT_TABLE) | (1u << SL_FMT_JSON) | (1u << SL_FMT_CSV) | (1u << SL_FMT_MD) |
                  (1u << SL_FMT_TIDY);
  if (sl_cli_parse_format(v, all, &a->format))
    return sl_cli_usage_error(a->cmd, "--format expects table, csv, tidy, json or md, got \"%s\"", v);
  return -1;
}

int sl_cmp_parse(int argc, char **argv, sl_cmp_args *a,
                 int (*extra)(int argc, char **argv, int *i, sl_cmp_args *a)) {
  a->cmd = argv[0];
  sl_pool_shared(&a->pool);
  a->verbose = sl_cli_verbose();
  a->format = SL_FMT_TABLE;
  a->k = SL_COMPARE_DEFAULT_K;
  a->max_age = a->max_value = a->max_fee = NAN;
  for (int i = 1; i < argc; i++) {
    if (argv[i][0] != '-' || strcmp(argv[i], "-") == 0) {
      if (a->nnames == sizeof a->names / sizeof a->names[0]) return sl_cli_usage_error(a->cmd, "too many names");
      a->names[a->nnames++] = argv[i];
      continue;
    }
    int r = shared_option(argc, argv, &i, a);
    if (r == 0 && extra) r = extra(argc, argv, &i, a);
    if (r == 0) return sl_cli_usage_error(a->cmd, "unknown option %s", argv[i]);
    if (r != -1) return r;
  }
  if (!a->nstats) return sl_cli_usage_error(a->cmd, "--stats FILE is required");
  return -1;
}

/* Tells the user, as check does, which columns were found already per 90 (used as given). */
static void print_per90_note(const sl_cmp_args *a, const sl_cmp_ctx *ctx) {
  const sl_per90_report *r = sl_compare_per90(ctx->index);
  if (!r->per90_columns) return;
  const char *file = ctx->stats->nfiles ? ctx->stats->files[0] : "stats";
  if (r->whole_file)
    sl_cli_note(a->cmd, "note: %s is per 90: %zu of %zu count columns are already per 90 minutes (%s); they are used "
                        "as given, not divided by 90s again",
                file, r->per90_columns, r->stat_columns - r->ratio_columns, r->examples);
  else if (a->verbose)
    sl_cli_note(a->cmd, "note: %zu columns of %s are already per 90 (%s): used as given", r->per90_columns, file,
                r->examples);
}

int sl_cmp_load(const sl_cmp_args *a, sl_cmp_ctx *ctx) {
  memset(ctx, 0, sizeof *ctx);
  sl_error err;
  int season = 0;
  if (a->season && sl_season_parse(a->season, &season, &err))
    return sl_cli_usage_error(a->cmd, "--season expects e.g. 2024, 2024-25 or 2024/25, got \"%s\"", a->season);
  sl_cli_defaults def;
  sl_workspace_inputs in;
  sl_workspace_inputs_init(&in);
  sl_cli_workspace_defaults(&in, &def, a->overrides, a->no_overrides, a->profiles);
  in.stats = a->stats, in.nstats = a->nstats;
  in.values = a->values, in.nvalues = a->nvalues;
  in.positions = a->positions, in.npositions = a->npositions;
  in.contracts = a->contracts, in.ncontracts = a->ncontracts;
  in.model = a->model;
  in.performance_model = a->performance_model;
  in.season = season;
  in.seasons_first = a->seasons_first, in.seasons_last = a->seasons_last;
  in.pool_seasons = a->pool_seasons, in.per_club = a->per_club;
  if (sl_workspace_new(&in, &ctx->ws, &err)) return sl_cli_fail(&err);
  for (size_t i = 0; i < sl_workspace_note_count(ctx->ws); i++) sl_cli_note(a->cmd, "%s", sl_workspace_note(ctx->ws, i));
  ctx->stats = sl_workspace_stats(ctx->ws), ctx->values = sl_workspace_values(ctx->ws);
  ctx->positions = sl_workspace_positions(ctx->ws), ctx->overrides = sl_workspace_overrides(ctx->ws);
  ctx->profiles = sl_workspace_profiles(ctx->ws), ctx->index = sl_workspace_compare(ctx->ws);
  sl_cli_table_warnings(a->cmd, ctx->stats);
  int st = 0;
  if (a->pool.kind == SL_POOL_LIST && sl_compare_leagues_check(ctx->index, a->pool.leagues, &err))
    st = sl_cli_usage_error(a->cmd, "--pool: %s", err.message);
  if (!st && a->leagues && sl_compare_leagues_check(ctx->index, a->leagues, &err))
    st = sl_cli_usage_error(a->cmd, "--leagues: %s", err.message);
  if (!st && a->verbose) sl_cmp_print_accounting(ctx, stderr);
  if (!st) sl_cli_index_warnings(a->cmd, ctx->stats, sl_compare_summary(ctx->index));
  if (!st) print_per90_note(a, ctx);
  return st;
}

void sl_cmp_free(sl_cmp_ctx *ctx) {
  sl_workspace_free(ctx->ws);
  memset(ctx, 0, sizeof *ctx);
}

int sl_cmp_find_all(const sl_cmp_args *a, const sl_cmp_ctx *ctx, size_t *idx) {
  for (size_t k = 0; k < a->nnames; k++) {
    sl_error err;
    if (sl_compare_find(ctx->index, a->names[k], &idx[k], &err) != SL_OK) {
      fprintf(stderr, "scoutlab %s: %s\n", a->cmd, SL_CLI_SHOWN(err.message));
      return sl_cli_exit_code(err.code); /* ambiguous: 2, the name must be made precise */
    }
  }
  sl_error err;
  if (sl_compare_distinct(ctx->index, (const char *const *)a->names, idx, a->nnames, &err) != SL_OK) {
    fprintf(stderr, "scoutlab %s: %s%s\n", a->cmd, SL_CLI_SHOWN(err.message),
            strcmp(err.field, "per_club") == 0 ? " (--per-club)" : "");
    return SL_EXIT_USAGE;
  }
  return 0;
}

void sl_cmp_print_accounting(const sl_cmp_ctx *ctx, FILE *f) {
  const sl_compare_report *r = sl_compare_summary(ctx->index);
  fprintf(f, "rows: read %zu, used %zu, skipped %zu (by the loader %zu)\n", r->rows_read, r->rows_used,
          r->rows_skipped + r->rows_skipped_load, r->rows_skipped_load);
  for (size_t k = 0; k < ctx->stats->nskipped; k++)
    fprintf(f, "  skipped line %ld: %s\n", ctx->stats->skipped[k].line, SL_CLI_SHOWN(ctx->stats->skipped[k].reason));
  for (size_t k = 0; k < r->rows_skipped; k++)
    fprintf(f, "  skipped line %ld: %s\n", r->skipped[k].line, SL_CLI_SHOWN(r->skipped[k].reason));
  fprintf(f, "players: %zu (%zu combined from several clubs", r->players, r->players_multi_club);
  if (r->players_same_name) fprintf(f, "; %zu rows of one name and birth year kept apart: two people", r->players_same_name);
  fputs(")\n", f);
  fprintf(f, "positions: override %zu, positions file %zu, inferred %zu, FBref %zu, unknown %zu\n",
          r->by_source[SL_POSSRC_OVERRIDE], r->by_source[SL_POSSRC_FILE], r->by_source[SL_POSSRC_INFERRED],
          r->by_source[SL_POSSRC_FBREF], r->by_source[SL_POSSRC_NONE]);
  if (ctx->positions)
    fprintf(f, "positions file: %zu players not found, %zu same name but other birth year, %zu disagreeing "
               "with FBref Pos (FBref kept)\n",
            r->positions_unmatched, r->positions_born_mismatch, r->positions_conflict);
  if (ctx->positions && r->positions_stale)
    fprintf(f, "positions file: %zu CB/FB rows seasons older than the stats and contradicted by them (the stats' split "
               "used)\n", r->positions_stale);
  if (ctx->overrides) fprintf(f, "overrides: %zu rows matched no player\n", r->overrides_unused);
  if (ctx->values)
    fprintf(f, "values: %zu players got a market value%s\n", r->values_matched,
            r->values_other_currency ? " (values in another currency than euros are not read)" : "");
  size_t n = sl_compare_count(ctx->index);
  for (size_t i = 0; i < n; i++) {
    const sl_player *p = sl_compare_player(ctx->index, i);
    if (p->group_source == SL_POSSRC_INFERRED || p->group_source == SL_POSSRC_NONE)
      fprintf(f, "  position %s for %s (%s): %s\n", sl_group_name(p->group), SL_CLI_SHOWN(p->name), SL_CLI_SHOWN(p->clubs),
              SL_CLI_SHOWN(p->position_note));
  }
}

void sl_cmp_json_accounting(const sl_cmp_ctx *ctx, FILE *f) {
  const sl_compare_report *r = sl_compare_summary(ctx->index);
  fprintf(f, "\"rows\":{\"read\":%zu,\"used\":%zu,\"skipped\":%zu,\"skipped_by_loader\":%zu,"
             "\"skipped_impossible\":%zu,\"percent_out_of_range\":%zu,\"skipped_rows\":[",
          r->rows_read, r->rows_used, r->rows_skipped + r->rows_skipped_load, r->rows_skipped_load,
          r->rows_invalid, r->percent_out_of_range);
  size_t k = 0;
  for (size_t s = 0; s < ctx->stats->nskipped; s++, k++) {
    fprintf(f, "%s{\"line\":%ld,\"reason\":", k ? "," : "", ctx->stats->skipped[s].line);
    sl_cli_json_string(f, ctx->stats->skipped[s].reason);
    fputc('}', f);
  }
  for (size_t s = 0; s < r->rows_skipped; s++, k++) {
    fprintf(f, "%s{\"line\":%ld,\"reason\":", k ? "," : "", r->skipped[s].line);
    sl_cli_json_string(f, r->skipped[s].reason);
    fputc('}', f);
  }
  fprintf(f, "]},\"positions\":{\"override\":%zu,\"file\":%zu,\"inferred\":%zu,\"fbref\":%zu,\"unknown\":%zu,"
             "\"file_unmatched\":%zu,\"file_born_mismatch\":%zu,\"file_conflict\":%zu,\"file_stale\":%zu}",
          r->by_source[SL_POSSRC_OVERRIDE], r->by_source[SL_POSSRC_FILE], r->by_source[SL_POSSRC_INFERRED],
          r->by_source[SL_POSSRC_FBREF], r->by_source[SL_POSSRC_NONE], r->positions_unmatched,
          r->positions_born_mismatch, r->positions_conflict, r->positions_stale);
}

int sl_cmp_profile(const sl_cmp_args *a, const sl_cmp_ctx *ctx, size_t first, const sl_profile **pr,
                   sl_profiles **owned) {
  sl_error err;
  int st = sl_compare_profile_choose(ctx->index, ctx->profiles, first, a->profile, a->stats_list, pr, owned, &err);
  if (!st) return 0;
  if (st == SL_EDATA && !strcmp(err.field, "profile")) {
    fprintf(stderr, "scoutlab %s: %s; name one with --profile or --stats-list\n", a->cmd, SL_CLI_SHOWN(err.message));
    return SL_EXIT_DATA;
  }
  if (!strcmp(err.field, "stats")) return sl_cli_usage_error(a->cmd, "--stats-list: %s", err.message);
  return sl_cli_usage_error(a->cmd, "%s", err.message);
}

/* --chart FILE (compare only): -1 taken, 0 not ours, or an exit status. */
static int compare_option(int argc, char **argv, int *i, sl_cmp_args *a) {
  if (strcmp(argv[*i], "--chart") != 0) return 0;
  if (*i + 1 >= argc) return sl_cli_usage_error(a->cmd, "--chart needs a file (FILE.png|svg|pdf)");
  a->chart = argv[++*i];
  return -1;
}

/* The command; with parse_only its argument parse alone (sl_command.parse), nothing read or written. */
static int compare_main(int argc, char **argv, int parse_only) {
  sl_cmp_args a = {0};
  int st = sl_cmp_parse(argc, argv, &a, compare_option);
  if (st != -1) return st;
  if (a.nnames < 2) return sl_cli_usage_error(a.cmd, "name at least two players (got %zu)", a.nnames);
  sl_error err;
  if (a.chart && sl_charts_radar_count_check(a.nnames, &err))
    return sl_cli_usage_error(a.cmd, "--chart: %s; name at most %d players, or compare them without a chart", err.message,
                              SL_PLOT_RADAR_MAX_PLAYERS);
  if (parse_only) return SL_EXIT_OK;
  sl_chart_output chart = {.output = a.chart};
  if (a.chart && (st = sl_chart_compare_check(SL_CHARTS_RADAR, &a, &chart))) return st;
  sl_cmp_ctx ctx;
  size_t idx[sizeof a.names / sizeof a.names[0]];
  st = sl_cmp_load(&a, &ctx);
  if (!st) st = sl_cmp_find_all(&a, &ctx, idx);
  if (!st) st = sl_cmp_report(&a, &ctx, idx, a.nnames, 0);
  if (!st && a.chart) st = sl_chart_compare_draw(SL_CHART_RADAR, &a, &ctx, idx, a.nnames, NULL, NULL, &chart, stderr);
  sl_cmp_free(&ctx);
  return st;
}

int sl_cmd_compare(int argc, char **argv) { return compare_main(argc, argv, 0); }
int sl_cmd_compare_parse(int argc, char **argv) { return compare_main(argc, argv, 1); }

int sl_cmp_one_player(int argc, char **argv, int (*extra)(int argc, char **argv, int *i, sl_cmp_args *a),
                      int (*run)(const sl_cmp_args *a, const sl_cmp_ctx *ctx, size_t player)) {
  sl_cmp_args a = {0};
  int st = sl_cmp_parse(argc, argv, &a, extra);
  if (st != -1) return st;
  if (a.nnames != 1) return sl_cli_usage_error(a.cmd, "name exactly one player (got %zu)", a.nnames);
  if (a.format == SL_FMT_TIDY && !strcmp(a.cmd, "similar")) /* one line per candidate is already long */
    return sl_cli_usage_error(a.cmd, "--format expects table, csv, json or md, got \"tidy\"");
  if (!run) return SL_EXIT_OK; /* the parse alone */
  sl_cmp_ctx ctx;
  size_t idx[1];
  st = sl_cmp_load(&a, &ctx);
  if (!st) st = sl_cmp_find_all(&a, &ctx, idx);
  if (!st) st = run(&a, &ctx, idx[0]);
  sl_cmp_free(&ctx);
  return st;
}
