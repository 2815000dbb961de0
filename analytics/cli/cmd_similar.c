/* cmd_similar.c - scoutlab similar: the players nearest to one player in his role's z-scored
 * stat space, filtered by age, league and market value. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_compare.h"
#include "scoutlab/fees.h"
#include "scoutlab/parse.h"
#include "scoutlab/season.h"

const char sl_help_similar[] =
    "usage: scoutlab similar --stats FILE NAME [-k 10] [--max-age 25] [--max-value 15m]\n"
    "                        [--values FILE] [--leagues \"Ligue 1,Serie A\"] [--metric euclidean|cosine]\n"
    "\n"
    "Players most like NAME: stats of his role profile, z-scored over every player of his\n"
    "position group with enough minutes in the pool (--pool), compared by RMS z-distance\n"
    "(Euclidean, default: level and style) or 1 - cosine (style only). Candidates are players\n"
    "of the same position group with at least --min-minutes (default 900).\n"
    "\n"
    "options (besides those of scoutlab compare: --positions, --overrides, --profiles, --profile,\n"
    "--stats-list,\n"
    "--min-minutes, --per-club; --format table|csv|json|md):\n"
    "  -k N              how many (default 10)\n"
    "  --max-age A       candidates aged at most A\n"
    "  --max-value V     market value at most V (\"15m\", \"€700k\"); needs --values; players\n"
    "                    without a known value are left out (and counted)\n"
    "  --values FILE     market values (Player, value), joined by normalised name; repeatable\n"
    "  --leagues LIST    candidates from these leagues only (checked against the file)\n"
    "  --pool P          z-score population and candidates: shared (default: the Big 5, or every\n"
    "                    league of a non-Big-5 file), big5, all, league (NAME's), or a set\n"
    "  --metric M        euclidean (default) or cosine\n"
    "  --min-age A       candidates aged at least A\n"
    "  --candidate-minutes N  candidates played at least N minutes (the z-scores still use\n"
    "                    --min-minutes)\n"
    "  --model M         a fee model (scoutlab fit -o M): each candidate's fair fee, valued as\n"
    "                    scoutlab value and report value him (needs --values)\n"
    "  --performance-model PERF.slm  values the candidates without a market value, or with one two\n"
    "                    seasons old or more, from their stats,\n"
    "                    as scoutlab value and report do (scoutlab fit --stats --no-market-value)\n"
    "  --contracts FILE  contract expiry dates, for the fair fees (as in scoutlab report)\n"
    "  --max-fee V       fair fee at most V (\"15m\"); needs --model; candidates the model cannot\n"
    "                    value (no market value) are left out and counted\n"
    SL_CLI_HELP_VERBOSITY
    "\n"
    "example:\n"
    "  scoutlab similar --stats players_data-2024_2025.csv \"Leonardo Balerdi\" -k 10 --max-age 25 \\\n"
    "      --max-value 15m --values ../shared/data/tm-values-2023\n";

static int similar_option(int argc, char **argv, int *i, sl_cmp_args *a) {
  const char *o = argv[*i];
  int known = strcmp(o, "-k") == 0 || strcmp(o, "--max-age") == 0 || strcmp(o, "--max-value") == 0 ||
              strcmp(o, "--leagues") == 0 || strcmp(o, "--metric") == 0 || strcmp(o, "--min-age") == 0 ||
              strcmp(o, "--candidate-minutes") == 0 || strcmp(o, "--model") == 0 || strcmp(o, "--max-fee") == 0 ||
              strcmp(o, "--performance-model") == 0;
  if (!known) return 0;
  if (*i + 1 >= argc) return sl_cli_usage_error(a->cmd, "%s needs a value", o);
  const char *v = argv[++*i];
  double x;
  if (strcmp(o, "-k") == 0) {
    if (!sl_parse_number(v, SL_DECIMAL_POINT, &x) || x < 1 || x != floor(x) || x > SL_COMPARE_MAX_K)
      return sl_cli_usage_error(a->cmd, "-k expects a whole number from 1 to %d, got \"%s\"", SL_COMPARE_MAX_K, v);
    a->k = (size_t)x;
  } else if (strcmp(o, "--max-age") == 0) {
    if (!sl_parse_number(v, SL_DECIMAL_POINT, &a->max_age) || a->max_age <= 0)
      return sl_cli_usage_error(a->cmd, "--max-age expects a positive number, got \"%s\"", v);
  } else if (strcmp(o, "--max-value") == 0) {
    if (!sl_parse_euros(v, SL_DECIMAL_POINT, &a->max_value) || a->max_value < 0)
      return sl_cli_usage_error(a->cmd, "--max-value expects an amount in euros such as 15m or €700k, got \"%s\"", v);
  } else if (strcmp(o, "--min-age") == 0) {
    if (!sl_parse_number(v, SL_DECIMAL_POINT, &a->min_age) || a->min_age <= 0)
      return sl_cli_usage_error(a->cmd, "--min-age expects a positive number, got \"%s\"", v);
  } else if (strcmp(o, "--candidate-minutes") == 0) {
    if (!sl_parse_number(v, SL_DECIMAL_POINT, &a->candidate_minutes) || a->candidate_minutes < 0)
      return sl_cli_usage_error(a->cmd, "--candidate-minutes expects a non-negative number, got \"%s\"", v);
  } else if (strcmp(o, "--model") == 0) {
    a->model = v;
  } else if (strcmp(o, "--performance-model") == 0) {
    a->performance_model = v;
  } else if (strcmp(o, "--max-fee") == 0) {
    if (!sl_parse_euros(v, SL_DECIMAL_POINT, &a->max_fee) || a->max_fee < 0)
      return sl_cli_usage_error(a->cmd, "--max-fee expects an amount in euros such as 15m or €700k, got \"%s\"", v);
  } else if (strcmp(o, "--leagues") == 0) {
    a->leagues = v;
  } else if (strcmp(v, "euclidean") == 0 || strcmp(v, "cosine") == 0) {
    a->metric = v[0] == 'c' ? SL_SIMILAR_COSINE : SL_SIMILAR_EUCLIDEAN;
  } else {
    return sl_cli_usage_error(a->cmd, "--metric expects euclidean or cosine, got \"%s\"", v);
  }
  return -1;
}

/* What each filter removed, and how many had no value or fee to judge by. */
static void print_filtered(const sl_similar_info *info) {
  const struct { const char *what; size_t n; } f[] = {
      {"league", info->excluded_league},     {"age", info->excluded_age},
      {"minutes", info->excluded_minutes},   {"market value above the limit", info->excluded_value},
      {"no market value", info->excluded_no_value}, {"fair fee above the limit", info->excluded_fee},
      {"no fair fee", info->excluded_no_fee}};
  int any = 0;
  for (size_t k = 0; k < sizeof f / sizeof f[0]; k++) {
    if (!f[k].n) continue;
    printf("%s%zu %s", any ? ", " : "filtered out: ", f[k].n, f[k].what);
    any = 1;
  }
  if (any) putchar('\n');
}

static void print_hits_table(const sl_cmp_ctx *ctx, const sl_player *t, const sl_profile *pr,
                             const sl_similar_options *so, const sl_similar_info *info,
                             const sl_similar_hit *hits, size_t n) {
  const double *fee = so->fair_fee;
  const sl_workspace_seasons *ss = sl_workspace_seasons_of(ctx->ws);
  printf("%s\n", fee ? ss->text : ss->stats_text); /* the valuation season only where fees are shown */
  printf("players like %s (%s, %s, %s): %s distance of z-scores over %zu %s stats\n", SL_CLI_SHOWN(t->name),
         sl_group_name(info->group), SL_CLI_SHOWN(t->club), SL_CLI_SHOWN(t->league),
         so->metric == SL_SIMILAR_COSINE ? "cosine" : "RMS (Euclidean)", pr->nstats, SL_CLI_SHOWN(pr->role));
  char pool[200];
  sl_compare_pool_text(ctx->index, so->pool, t->league, pool, sizeof pool);
  printf("z-scores over %zu %ss with >= %.0f minutes in %s; %zu candidates after filters\n", info->population,
         sl_group_name(info->group), so->min_minutes, SL_CLI_SHOWN(pool), info->candidates);
  print_filtered(info);
  putchar('\n');
  printf(" #  ");
  sl_cli_pad(stdout, "player", 28), sl_cli_pad(stdout, "club", 22), sl_cli_pad(stdout, "league", 16);
  printf("%4s  %-24s %7s  %12s  %8s%s\n", "age", "position", "minutes", "value", "distance", fee ? "      fair fee" : "");
  for (size_t h = 0; h < n; h++) {
    const sl_player *p = sl_compare_player(ctx->index, hits[h].player);
    char pos[64], money[48], age[16] = "n/a"; /* an unknown age is n/a, never nan */
    if (isfinite(p->age)) snprintf(age, sizeof age, "%.0f", p->age);
    snprintf(pos, sizeof pos, "%s%s%s", p->sub_position[0] ? p->sub_position : sl_group_name(p->group),
             p->group_source == SL_POSSRC_INFERRED ? " (inferred)" : "", "");
    printf("%2zu  ", h + 1);
    sl_cli_pad(stdout, p->name, 28), sl_cli_pad(stdout, p->club, 22), sl_cli_pad(stdout, p->league, 16);
    printf("%4s  ", age), sl_cli_pad(stdout, pos, 24), printf(" %7.0f  ", p->minutes);
    const char *m = isnan(p->market_value) ? "n/a" : sl_cli_money(p->market_value, money, sizeof money);
    int cols = sl_cli_text_columns(m); /* right-align by display columns: the euro sign is three bytes */
    printf("%*s%s  %8.3f", cols < 12 ? 12 - cols : 0, "", m, hits[h].distance);
    if (fee) {
      const char *f = isnan(fee[hits[h].player]) ? "n/a" : sl_cli_money(fee[hits[h].player], money, sizeof money);
      int fc = sl_cli_text_columns(f);
      printf("  %*s%s", fc < 12 ? 12 - fc : 0, "", f);
    }
    putchar('\n');
  }
  if (!n) puts("(no player passes the filters)");
}

static void print_hits_json(const sl_cmp_args *a, const sl_cmp_ctx *ctx, const sl_player *t,
                            const sl_profile *pr, const sl_similar_info *info, const sl_similar_hit *hits,
                            size_t n, const double *fee) {
  putchar('{'), sl_cli_json_schema(stdout, "similar");
  fputs("\"command\":\"similar\",\"seasons\":", stdout), sl_cli_json_string(stdout, sl_workspace_seasons_of(ctx->ws)->text);
  fputs(",\"player\":", stdout), sl_cli_json_string(stdout, t->name);
  fputs(",\"profile\":", stdout), sl_cli_json_string(stdout, pr->role);
  printf(",\"metric\":\"%s\",\"population\":%zu,\"candidates\":%zu,\"excluded\":{\"age\":%zu,\"value\":%zu,"
         "\"no_value\":%zu,\"league\":%zu,\"minutes\":%zu,\"fee\":%zu,\"no_fee\":%zu},\"similar\":[",
         a->metric == SL_SIMILAR_COSINE ? "cosine" : "euclidean", info->population, info->candidates,
         info->excluded_age, info->excluded_value, info->excluded_no_value, info->excluded_league,
         info->excluded_minutes, info->excluded_fee, info->excluded_no_fee);
  for (size_t h = 0; h < n; h++) {
    const sl_player *p = sl_compare_player(ctx->index, hits[h].player);
    fputs(h ? ",{\"name\":" : "{\"name\":", stdout), sl_cli_json_string(stdout, p->name);
    fputs(",\"club\":", stdout), sl_cli_json_string(stdout, p->club);
    fputs(",\"clubs\":", stdout), sl_cli_json_string(stdout, p->clubs);
    fputs(",\"league\":", stdout), sl_cli_json_string(stdout, p->league);
    fputs(",\"group\":", stdout), sl_cli_json_string(stdout, sl_group_name(p->group));
    fputs(",\"position_source\":", stdout), sl_cli_json_string(stdout, sl_position_source_name(p->group_source));
    fputs(",\"sub_position\":", stdout), sl_cli_json_string(stdout, p->sub_position);
    fputs(",\"age\":", stdout), sl_cli_json_number(stdout, p->age);
    fputs(",\"minutes\":", stdout), sl_cli_json_number(stdout, p->minutes);
    fputs(",\"market_value_eur\":", stdout), sl_cli_json_number(stdout, p->market_value);
    fputs(",\"distance\":", stdout), sl_cli_json_number(stdout, hits[h].distance);
    if (fee) fputs(",\"fair_fee_eur\":", stdout), sl_cli_json_number(stdout, fee[hits[h].player]);
    printf(",\"shared_stats\":%zu}", hits[h].shared);
  }
  fputs("],", stdout);
  sl_cmp_json_accounting(ctx, stdout);
  fputs("}\n", stdout);
}

static void print_hits_csv(const sl_cmp_ctx *ctx, const sl_similar_hit *hits, size_t n, int md, const double *fee) {
  if (md) printf("| # | player | club | league | age | position | minutes | value EUR | distance |%s\n"
                 "|---:|---|---|---|---:|---|---:|---:|---:|%s\n", fee ? " fair fee EUR |" : "", fee ? "---:|" : "");
  else printf("rank,player,clubs,league,age,group,position_source,minutes,market_value_eur,distance%s\n",
              fee ? ",fair_fee_eur" : "");
  for (size_t h = 0; h < n; h++) {
    const sl_player *p = sl_compare_player(ctx->index, hits[h].player);
    const char *text[3] = {p->name, p->clubs, p->league};
    printf(md ? "| %zu |" : "%zu", h + 1);
    for (int k = 0; k < 3; k++) {
      fputs(md ? " " : ",", stdout);
      md ? sl_cli_md_cell(stdout, text[k]) : sl_cli_csv_text(stdout, text[k]);
      if (md) fputs(" |", stdout);
    }
    char value[32] = "", fair[32] = "", age[16] = ""; /* unknown: an empty CSV field, not "nan" */
    if (isfinite(p->age)) snprintf(age, sizeof age, "%.0f", p->age);
    if (!isnan(p->market_value)) snprintf(value, sizeof value, "%.0f", p->market_value);
    if (fee && !isnan(fee[hits[h].player])) snprintf(fair, sizeof fair, "%.0f", fee[hits[h].player]);
    if (md) {
      printf(" %s | %s | %.0f | %s | %.4f |", age, sl_group_name(p->group), p->minutes, value, hits[h].distance);
      if (fee) printf(" %s |", fair);
    } else {
      printf(",%s,%s,%s,%.0f,%s,%.6f", age, sl_group_name(p->group), sl_position_source_name(p->group_source),
             p->minutes, value, hits[h].distance);
      if (fee) printf(",%s", fair);
    }
    putchar('\n');
  }
}

/* Fair fees of the candidates (sl_workspace_fair_fees), NAN for the others; NULL out of memory. */
static double *fair_fees(const sl_cmp_args *a, const sl_cmp_ctx *ctx, sl_group g, size_t *valued) {
  size_t n = sl_compare_count(ctx->index);
  double *fee = malloc((n ? n : 1) * sizeof *fee);
  sl_error err;
  if (fee && sl_workspace_fair_fees(ctx->ws, g, a->pool.min_minutes, fee, valued, &err) != SL_OK) free(fee), fee = NULL;
  return fee;
}

static int run(const sl_cmp_args *a, const sl_cmp_ctx *ctx, size_t target) {
  const sl_player *t = sl_compare_player(ctx->index, target);
  if (!isnan(a->max_value) && !ctx->values)
    return sl_cli_usage_error(a->cmd, "--max-value needs --values FILE (market values by player name)");
  if (a->performance_model && !a->model)
    return sl_cli_usage_error(a->cmd, "--performance-model needs --model FILE (the fee model of those with a market value)");
  if (!isnan(a->max_fee) && !a->model)
    return sl_cli_usage_error(a->cmd, "--max-fee needs --model FILE (a fee model saved by scoutlab fit)");
  const sl_profile *pr = NULL;
  sl_profiles *owned = NULL;
  int pst = sl_cmp_profile(a, ctx, target, &pr, &owned);
  if (pst) return pst;
  double *fee = NULL;
  size_t valued = 0;
  if (a->model) {
    fee = fair_fees(a, ctx, sl_compare_peer_group(ctx->index, target, pr), &valued); /* the group searched */
    if (!sl_workspace_seasons_of(ctx->ws)->stats)
      sl_cli_note("similar", "note: the stats name no season; fair fees use the model's last training season");
  }
  sl_similar_options so;
  sl_similar_default(&so);
  so.k = a->k, so.max_age = a->max_age, so.max_value = a->max_value, so.leagues = a->leagues;
  so.min_minutes = a->pool.min_minutes, so.metric = a->metric, so.pool = &a->pool;
  so.min_age = a->min_age, so.candidate_min_minutes = a->candidate_minutes;
  so.fair_fee = fee, so.max_fee = a->max_fee;
  sl_similar_hit *hits = calloc(so.k, sizeof *hits);
  sl_similar_info info;
  size_t n = 0;
  sl_error err;
  if (!hits) {
    sl_profiles_free(owned), free(fee);
    return SL_EXIT_DATA;
  }
  int st = sl_compare_similar(ctx->index, target, pr, &so, hits, &n, &info, &err);
  if (st) st = sl_cli_fail(&err);
  else if (a->format == SL_FMT_JSON) print_hits_json(a, ctx, t, pr, &info, hits, n, fee);
  else if (a->format == SL_FMT_CSV || a->format == SL_FMT_MD) print_hits_csv(ctx, hits, n, a->format == SL_FMT_MD, fee);
  else print_hits_table(ctx, t, pr, &so, &info, hits, n);
  if (fee && a->format == SL_FMT_TABLE)
    printf(a->performance_model ? "\nfair fee: the model's median for each candidate (%zu of the group valued; without a "
                                  "current market value by the performance model, from his stats)\n"
                                : "\nfair fee: the model's median for each candidate (%zu of the group valued; no market "
                                  "value, no fee)\n",
           valued);
  free(hits);
  sl_profiles_free(owned);
  free(fee);
  return st;
}

int sl_cmd_similar(int argc, char **argv) { return sl_cmp_one_player(argc, argv, similar_option, run); }
int sl_cmd_similar_parse(int argc, char **argv) { return sl_cmp_one_player(argc, argv, similar_option, NULL); }
