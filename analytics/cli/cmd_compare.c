/* cmd_compare.c - scoutlab compare: players side by side, per stat the per-90 value and the
 * percentile against position peers; also the loading and printing shared with percentiles and
 * similar (cmd_compare.h). */
#include "cmd_compare.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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
    "  --format F            table (default), csv, json, md\n"
    "  --verbose             rows read/used/skipped and position sources on stderr\n"
    "  --chart FILE          also draw a radar of the players (2-4) to FILE.png|svg|pdf\n"
    "\n"
    "A name may be partial (\"balerdi\"), accent-free, or qualified: \"Max Aarons (Valencia)\",\n"
    "\"Leo Martin (1995)\". Percentile = 100 * (worse + 0.5 * equal) / n (docs/compare.md).\n"
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
  /* "2023-2024" is the range of first years 2023 and 2024 here (two seasons), as "2020-2024" is
   * five; one season is written "2023/24" */
  int years = strlen(v) == 9 && v[4] == '-' && strspn(v, "0123456789") == 4 && strspn(v + 5, "0123456789") == 4;
  if (!years && sl_season_parse(v, &first, &err) == SL_OK) last = first;
  for (const char *dash = strchr(v, '-'); !first && dash; dash = strchr(dash + 1, '-')) {
    char left[32];
    size_t len = (size_t)(dash - v);
    if (len >= sizeof left) break;
    memcpy(left, v, len);
    left[len] = '\0';
    if (sl_season_parse(left, &first, &err) != SL_OK || sl_season_parse(dash + 1, &last, &err) != SL_OK) first = 0;
  }
  if (!first || last < first)
    return sl_cli_usage_error(a->cmd, "--seasons expects a season or a range such as 2020-2024 or 2020/21-2024/25, "
                                      "got \"%s\"", v);
  a->seasons_first = first, a->seasons_last = last;
  return -1;
}

/* One shared option at argv[*i]: -1 taken, 0 unknown, or an exit status. */
static int shared_option(int argc, char **argv, int *i, sl_cmp_args *a) {
  const char *o = argv[*i];
  int has = *i + 1 < argc;
  const char *v = has ? argv[*i + 1] : NULL;
  if (strcmp(o, "--per-club") == 0) return a->per_club = 1, -1;
  if (strcmp(o, "--verbose") == 0 || strcmp(o, "-v") == 0) return a->verbose = 1, -1;
  if (strcmp(o, "--no-overrides") == 0) return a->no_overrides = 1, -1;
  if (strcmp(o, "--pool-seasons") == 0) return a->pool_seasons = 1, -1;
  static const char *const with_value[] = {"--stats", "--positions", "--values", "--overrides",
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
  unsigned all = (1u << SL_FMT_TABLE) | (1u << SL_FMT_JSON) | (1u << SL_FMT_CSV) | (1u << SL_FMT_MD);
  if (sl_cli_parse_format(v, all, &a->format))
    return sl_cli_usage_error(a->cmd, "--format expects table, csv, json or md, got \"%s\"", v);
  return -1;
}

int sl_cmp_parse(int argc, char **argv, sl_cmp_args *a,
                 int (*extra)(int argc, char **argv, int *i, sl_cmp_args *a)) {
  a->cmd = argv[0];
  sl_pool_shared(&a->pool);
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

static int load_tables(const char *const *paths, size_t n, const sl_load_options *opt, sl_table **out) {
  sl_error err;
  sl_load_options lim;
  sl_cli_load_options(&lim);
  if (opt) lim.only_columns = opt->only_columns;
  if (sl_table_load_many(paths, n, &lim, out, &err) != SL_OK) return sl_cli_fail(&err);
  return 0;
}

static int default_file(const char *given, const char *name, char *buf, size_t size, const char **out) {
  if (given) return *out = given, 1;
  *out = sl_cli_data_file(name, buf, size);
  return access(buf, R_OK) == 0;
}

/* Tells the user, as check does, which columns were found already per 90 (used as given). */
static void print_per90_note(const sl_cmp_args *a, const sl_cmp_ctx *ctx) {
  const sl_per90_report *r = sl_compare_per90(ctx->index);
  if (!r->per90_columns) return;
  const char *file = ctx->stats->nfiles ? ctx->stats->files[0] : "stats";
  if (r->whole_file)
    fprintf(stderr, "scoutlab %s: note: %s is per 90: %zu of %zu count columns are already per 90 minutes (%s); "
                    "they are used as given, not divided by 90s again\n",
            a->cmd, file, r->per90_columns, r->stat_columns - r->ratio_columns, r->examples);
  else if (a->verbose)
    fprintf(stderr, "scoutlab %s: note: %zu columns of %s are already per 90 (%s): used as given\n", a->cmd,
            r->per90_columns, file, r->examples);
}

/* A directory in the fbref-big5-yearly layout (root/standard/YEAR.csv, one folder per table). */
static int yearly_root(const char *path) {
  char buf[4096];
  struct stat sb;
  snprintf(buf, sizeof buf, "%s/standard", path);
  return stat(path, &sb) == 0 && S_ISDIR(sb.st_mode) && stat(buf, &sb) == 0 && S_ISDIR(sb.st_mode);
}

/* The stats of --seasons first..last: a yearly layout loads those seasons' tables joined per
 * season (sl_table_load_yearly); other files keep the rows of those seasons. Several seasons
 * stay apart in the index (one entry per player and season) unless --pool-seasons. */
static int load_seasons(const sl_cmp_args *a, sl_table **out) {
  sl_error err;
  sl_load_options lim;
  sl_cli_load_options(&lim);
  sl_table *t = NULL;
  int first = a->seasons_first, last = a->seasons_last;
  if (a->nstats == 1 && yearly_root(a->stats[0])) {
    /* passing names its player column "Plyaer" (SOURCE.txt), which the join does not read yet */
    static const char *const tables[] = {"standard", "defense", "possession", "misc", "gca", "shooting"};
    sl_join_report *rep = NULL;
    int st = sl_table_load_yearly(a->stats[0], tables, sizeof tables / sizeof tables[0], first, last, &lim, &t, &rep,
                                  &err);
    sl_join_report_free(rep);
    if (st) return sl_cli_fail(&err);
  } else if (sl_table_load_many(a->stats, a->nstats, &lim, &t, &err)) {
    return sl_cli_fail(&err);
  }
  const sl_column *season = sl_table_role(t, SL_ROLE_SEASON);
  if (!season) {
    sl_table_free(t);
    fprintf(stderr, "scoutlab %s: --seasons needs stats with a season column (or the fbref-big5-yearly layout)\n",
            a->cmd);
    return SL_EXIT_DATA;
  }
  unsigned char *keep = calloc(t->nrows ? t->nrows : 1, 1);
  size_t kept = 0;
  for (size_t r = 0; keep && r < t->nrows; r++) {
    double v;
    keep[r] = sl_table_number(t, season, r, &v) == 1 && v >= first && v <= last;
    kept += keep[r];
  }
  sl_table *sub = NULL;
  int st = !keep ? SL_EXIT_DATA : sl_table_filter(t, keep, "outside --seasons", &sub, &err) ? sl_cli_fail(&err) : 0;
  free(keep);
  sl_table_free(t);
  if (!st && !kept) {
    sl_table_free(sub);
    fprintf(stderr, "scoutlab %s: no rows of seasons %d to %d in the stats\n", a->cmd, first, last);
    return SL_EXIT_DATA;
  }
  if (!st) *out = sub;
  return st;
}

int sl_cmp_load(const sl_cmp_args *a, sl_cmp_ctx *ctx) {
  memset(ctx, 0, sizeof *ctx);
  sl_error err;
  /* A positions directory such as transfers-tm holds ~130,000 rows: keep only what the join reads. */
  static const char *const pos_cols[] = {"name", "Player", "player", "age", "Age", "season", "Season",
                                         "born", "Born", "birth_year", "position", "short_pos",
                                         "sub_position", NULL};
  sl_load_options pos_opt = {.only_columns = pos_cols};
  int chosen = 0;
  int st = a->seasons_first ? load_seasons(a, &ctx->stats)
           : a->nstats == 1 && yearly_root(a->stats[0])
               ? sl_cli_usage_error(a->cmd, "%s holds one folder per table: name the seasons with --seasons", a->stats[0])
               : sl_cli_load_stats(a->cmd, a->stats, a->nstats, a->season, &ctx->stats, &chosen);
  if (!st && a->seasons_first) chosen = a->seasons_last;
  if (!st && a->npositions) st = load_tables(a->positions, a->npositions, &pos_opt, &ctx->positions);
  if (!st && a->nvalues) st = load_tables(a->values, a->nvalues, NULL, &ctx->values);
  if (!st) sl_cli_values_for_season(&ctx->values, chosen);
  char obuf[1024], pbuf[1024];
  const char *ovr, *prof;
  if (!st && !a->no_overrides && default_file(a->overrides, "positions-override.csv", obuf, sizeof obuf, &ovr))
    st = load_tables(&ovr, 1, NULL, &ctx->overrides);
  default_file(a->profiles, "profiles.csv", pbuf, sizeof pbuf, &prof);
  if (!st && sl_profiles_load(prof, &ctx->profiles, &err) != SL_OK) st = sl_cli_fail(&err);
  if (!st) {
    sl_compare_options opt = {a->per_club, ctx->positions, ctx->overrides, ctx->values, 0, a->pool_seasons};
    if (sl_compare_new(ctx->stats, &opt, &ctx->index, &err) != SL_OK) st = sl_cli_fail(&err);
  }
  if (!st && a->pool.kind == SL_POOL_LIST && sl_compare_leagues_check(ctx->index, a->pool.leagues, &err))
    st = sl_cli_usage_error(a->cmd, "--pool: %s", err.message);
  if (!st && a->leagues && sl_compare_leagues_check(ctx->index, a->leagues, &err))
    st = sl_cli_usage_error(a->cmd, "--leagues: %s", err.message);
  if (!st && a->verbose) sl_cmp_print_accounting(ctx, stderr);
  if (!st) sl_cli_index_warnings(a->cmd, ctx->stats, sl_compare_summary(ctx->index));
  if (!st) print_per90_note(a, ctx);
  return st;
}

void sl_cmp_free(sl_cmp_ctx *ctx) {
  sl_compare_free(ctx->index);
  sl_profiles_free(ctx->profiles);
  sl_table_free(ctx->stats), sl_table_free(ctx->positions), sl_table_free(ctx->values);
  sl_table_free(ctx->overrides);
}

int sl_cmp_find_all(const sl_cmp_args *a, const sl_cmp_ctx *ctx, size_t *idx) {
  for (size_t k = 0; k < a->nnames; k++) {
    sl_error err;
    if (sl_compare_find(ctx->index, a->names[k], &idx[k], &err) != SL_OK) {
      fprintf(stderr, "scoutlab %s: %s\n", a->cmd, err.message);
      return sl_cli_exit_code(err.code); /* ambiguous: 2, the name must be made precise */
    }
  }
  return 0;
}

void sl_cmp_print_accounting(const sl_cmp_ctx *ctx, FILE *f) {
  const sl_compare_report *r = sl_compare_summary(ctx->index);
  fprintf(f, "rows: read %zu, used %zu, skipped %zu (by the loader %zu)\n", r->rows_read, r->rows_used,
          r->rows_skipped + r->rows_skipped_load, r->rows_skipped_load);
  for (size_t k = 0; k < ctx->stats->nskipped; k++)
    fprintf(f, "  skipped line %ld: %s\n", ctx->stats->skipped[k].line, ctx->stats->skipped[k].reason);
  for (size_t k = 0; k < r->rows_skipped; k++)
    fprintf(f, "  skipped line %ld: %s\n", r->skipped[k].line, r->skipped[k].reason);
  fprintf(f, "players: %zu (%zu combined from several clubs)\n", r->players, r->players_multi_club);
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
  if (ctx->values) fprintf(f, "values: %zu players got a market value\n", r->values_matched);
  size_t n = sl_compare_count(ctx->index);
  for (size_t i = 0; i < n; i++) {
    const sl_player *p = sl_compare_player(ctx->index, i);
    if (p->group_source == SL_POSSRC_INFERRED || p->group_source == SL_POSSRC_NONE)
      fprintf(f, "  position %s for %s (%s): %s\n", sl_group_name(p->group), p->name, p->clubs, p->position_note);
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
  const sl_player *p = sl_compare_player(ctx->index, first);
  *pr = NULL, *owned = NULL;
  if (a->stats_list) {
    sl_error err;
    if (sl_compare_stats_parse(ctx->index, ctx->profiles, a->stats_list, p->group, owned, &err) != SL_OK)
      return sl_cli_usage_error(a->cmd, "--stats-list: %s", err.message);
    *pr = &(*owned)->items[0];
    return 0;
  }
  if (a->profile) {
    *pr = sl_profiles_find(ctx->profiles, a->profile);
    return *pr ? 0 : sl_cli_usage_error(a->cmd, "no profile \"%s\" in the profiles file", a->profile);
  }
  *pr = sl_compare_default_profile(ctx->index, ctx->profiles, first);
  if (*pr) return 0;
  fprintf(stderr, "scoutlab %s: no profile for %s (position %s: %s); name one with --profile or --stats-list\n",
          a->cmd, p->name, sl_group_name(p->group), p->position_note);
  return SL_EXIT_DATA;
}

/* --chart FILE (compare only): -1 taken, 0 not ours, or an exit status. */
static int compare_option(int argc, char **argv, int *i, sl_cmp_args *a) {
  if (strcmp(argv[*i], "--chart") != 0) return 0;
  if (*i + 1 >= argc) return sl_cli_usage_error(a->cmd, "--chart needs a file (FILE.png|svg|pdf)");
  a->chart = argv[++*i];
  return -1;
}

int sl_cmd_compare(int argc, char **argv) {
  sl_cmp_args a = {0};
  int st = sl_cmp_parse(argc, argv, &a, compare_option);
  if (st != -1) return st;
  if (a.nnames < 2) return sl_cli_usage_error(a.cmd, "name at least two players (got %zu)", a.nnames);
  sl_cmp_ctx ctx;
  size_t idx[sizeof a.names / sizeof a.names[0]];
  st = sl_cmp_load(&a, &ctx);
  if (!st) st = sl_cmp_find_all(&a, &ctx, idx);
  if (!st) st = sl_cmp_report(&a, &ctx, idx, a.nnames, 0);
  sl_chart_output chart = {.output = a.chart};
  if (!st && a.chart) st = sl_chart_compare_draw(SL_CHART_RADAR, &a, &ctx, idx, a.nnames, NULL, NULL, &chart, stderr);
  sl_cmp_free(&ctx);
  return st;
}

int sl_cmp_one_player(int argc, char **argv, int (*extra)(int argc, char **argv, int *i, sl_cmp_args *a),
                      int (*run)(const sl_cmp_args *a, const sl_cmp_ctx *ctx, size_t player)) {
  sl_cmp_args a = {0};
  int st = sl_cmp_parse(argc, argv, &a, extra);
  if (st != -1) return st;
  if (a.nnames != 1) return sl_cli_usage_error(a.cmd, "name exactly one player (got %zu)", a.nnames);
  sl_cmp_ctx ctx;
  size_t idx[1];
  st = sl_cmp_load(&a, &ctx);
  if (!st) st = sl_cmp_find_all(&a, &ctx, idx);
  if (!st) st = run(&a, &ctx, idx[0]);
  sl_cmp_free(&ctx);
  return st;
}
