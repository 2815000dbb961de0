/* cmd_percentiles.c - scoutlab percentiles: one player's scouting report against his position
 * peers; also the side-by-side report printer that scoutlab compare uses (cmd_compare.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_compare.h"

/* Width of the stat-label column in table output: the longest label plus this margin. */
#define SL_LABEL_MARGIN 2
/* Narrowest player column in table output: room for "12345.67  p100". */
#define SL_MIN_COLUMN 16
/* Seasons percentiles --seasons shows side by side: more than a career's worth is a typo. */
#define SL_PERCENTILES_MAX_SEASONS 32
/* Percentile bar: one '#' per 5 percentile points. */
#define SL_BAR_STEP 5.0

const char sl_help_percentiles[] =
    "usage: scoutlab percentiles --stats FILE NAME [options]\n"
    "\n"
    "One player's scouting report: every stat of his role profile, its value (per 90, or a rate),\n"
    "its percentile among his position peers in the pool, the number of peers, and a bar.\n"
    "Options as scoutlab compare (--positions, --overrides, --profiles, --profile, --stats-list, --pool,\n"
    "--min-minutes, --per-club, --format table|csv|tidy|json|md).\n"
    SL_CLI_HELP_VERBOSITY
    "\n"
    "example:\n"
    "  scoutlab percentiles --stats players_data-2024_2025.csv \"Leonardo Balerdi\"\n";

typedef struct player_report {
  size_t index;
  sl_stat_value *v;
  sl_pool_info info;
  double quality;
} player_report;

static const char *format_value(const sl_profile_stat *s, double v, char *buf, size_t size) {
  return sl_stat_value_text(s, v, buf, size); /* the charts write the same text */
}

static void position_text(const sl_player *p, char *buf, size_t size) {
  if (p->sub_position[0] && p->group_source != SL_POSSRC_INFERRED)
    snprintf(buf, size, "%s (%s)", p->sub_position, sl_position_source_name(p->group_source));
  else snprintf(buf, size, "%s (%s)", sl_group_name(p->group), sl_position_source_name(p->group_source));
}

/* The pool cell: its leagues without the list in parentheses (the heading gives it), its size,
 * and why the player is not ranked or ranked with care. */
static void pool_text(const player_report *r, char *buf, size_t size) {
  const char *paren = strstr(r->info.leagues, " (");
  int len = paren ? (int)(paren - r->info.leagues) : (int)strlen(r->info.leagues);
  char other[64];
  snprintf(other, sizeof other, " (not a %s: ranked among them)", sl_group_name(r->info.group));
  const char *mark = r->info.small_sample ? " (small sample)" : r->info.below_default ? " (few minutes)"
                     : r->info.player_in_pool ? "" : r->info.other_group ? other : " (outside its leagues)";
  snprintf(buf, size, "%.*s, n=%zu%s", len, r->info.leagues, r->info.size, mark);
}

/* ---- table ------------------------------------------------------------------------------------ */

static void table_row(int label_width, const char *label, const char *const *cells, size_t n, int width) {
  sl_cli_pad(stdout, label, label_width);
  for (size_t k = 0; k < n; k++) sl_cli_pad(stdout, cells[k], width);
  fputc('\n', stdout);
}

static void print_meta_table(const sl_cmp_ctx *ctx, const player_report *r, size_t n, int label_width, int width) {
  char buf[6][64][160];
  const char *cells[6][64];
  for (size_t k = 0; k < n && k < 64; k++) {
    const sl_player *p = sl_compare_player(ctx->index, r[k].index);
    if (p->seasons[0]) snprintf(buf[0][k], 160, "%s %s", p->name, p->seasons);
    else snprintf(buf[0][k], 160, "%s", p->name);
    snprintf(buf[1][k], 160, "%s", p->clubs);
    snprintf(buf[2][k], 160, "%s", sl_compare_player_leagues(p)); /* a January mover's two */
    position_text(p, buf[3][k], 160);
    snprintf(buf[4][k], 160, isnan(p->age) ? "n/a / %.0f" : "%.0f / %.0f", isnan(p->age) ? p->minutes : p->age, p->minutes);
    pool_text(&r[k], buf[5][k], 160);
    for (int m = 0; m < 6; m++) cells[m][k] = buf[m][k];
  }
  static const char *const labels[] = {"player", "club", "league", "position", "age / minutes", "pool (>= min minutes)"};
  for (int m = 0; m < 6; m++) table_row(label_width, labels[m], cells[m], n, width);
}

static void print_table(const sl_cmp_args *a, const sl_cmp_ctx *ctx, const sl_profile *pr,
                        const player_report *r, size_t n, int with_bars) {
  int width = SL_MIN_COLUMN;
  for (size_t k = 0; k < n; k++) {
    const sl_player *p = sl_compare_player(ctx->index, r[k].index);
    char pos[160];
    position_text(p, pos, sizeof pos);
    /* Widths of the text as shown (control characters escaped, sl_cli_pad). */
    int w = (int)(sl_cli_shown_len(p->name) + strlen(p->seasons)) + 3, wc = (int)sl_cli_shown_len(p->clubs) + 2,
        wp = (int)sl_cli_shown_len(pos) + 2;
    if (w > width) width = w;
    if (wc > width && wc < 40) width = wc;
    if (wp > width) width = wp;
    pool_text(&r[k], pos, sizeof pos);
    if ((int)sl_cli_shown_len(pos) + 2 > width) width = (int)sl_cli_shown_len(pos) + 2;
  }
  int label_width = 24;
  for (size_t s = 0; s < pr->nstats; s++) {
    int w = (int)sl_cli_shown_len(pr->stats[s].label) + 2 + SL_LABEL_MARGIN + (pr->stats[s].better == SL_BETTER_LOWER ? 6 : 0);
    if (w > label_width) label_width = w;
  }
  printf("%s\n", sl_workspace_seasons_of(ctx->ws)->stats_text);
  printf("profile %s; percentiles (p) against %ss with >= %.0f minutes in %s%s\n", SL_CLI_SHOWN(pr->role),
         sl_group_name(r[0].info.group), a->pool.min_minutes,
         a->pool.kind == SL_POOL_LEAGUE ? "each player's league" : SL_CLI_SHOWN(r[0].info.leagues),
         !a->seasons_first ? "" : a->pool_seasons ? ", seasons pooled as the players'" : ", each of the player's season");
  if (a->seasons_first && a->pool_seasons)
    printf("seasons pooled minute-weighted: per 90 = sum of the seasons' totals / sum of their minutes\n");
  putchar('\n');
  int notes = 0;
  for (size_t k = 0; k < n; k++, notes++)
    if (r[k].info.small_sample)
      printf("small sample: %s has %.0f minutes (< %.0f): values shown, no percentile (--min-minutes to rank him)\n",
             SL_CLI_SHOWN(sl_compare_player(ctx->index, r[k].index)->name), sl_compare_player(ctx->index, r[k].index)->minutes,
             a->pool.min_minutes);
    else if (r[k].info.below_default)
      printf("few minutes: %s has %.0f minutes (< %.0f): percentiles ranked because --min-minutes was lowered\n",
             SL_CLI_SHOWN(sl_compare_player(ctx->index, r[k].index)->name), sl_compare_player(ctx->index, r[k].index)->minutes,
             SL_COMPARE_DEFAULT_MIN_MINUTES);
    else notes--;
  if (notes) putchar('\n');
  print_meta_table(ctx, r, n, label_width, width);
  const char *group = NULL;
  for (size_t s = 0; s < pr->nstats; s++) {
    const sl_profile_stat *st = &pr->stats[s];
    if (*st->stat_group && (!group || strcmp(group, st->stat_group) != 0)) printf("%s\n", SL_CLI_SHOWN(st->stat_group));
    group = st->stat_group;
    char label[128], cell[64][64], vbuf[32];
    const char *cells[64];
    snprintf(label, sizeof label, "  %s%s", st->label,
             st->better == SL_BETTER_LOWER ? " (low)" : st->better == SL_BETTER_NEUTRAL ? " (style)" : "");
    for (size_t k = 0; k < n && k < 64; k++) {
      format_value(st, r[k].v[s].value, vbuf, sizeof vbuf);
      if (r[k].info.small_sample) snprintf(cell[k], sizeof cell[k], "%8s  (ss)", vbuf);
      else if (isnan(r[k].v[s].percentile)) snprintf(cell[k], sizeof cell[k], "%8s  p  -", vbuf);
      else
        snprintf(cell[k], sizeof cell[k], "%8s  p%3.0f%s%s", vbuf, r[k].v[s].percentile, r[k].v[s].few ? "~" : "",
                 r[k].info.below_default ? "*" : "");
      cells[k] = cell[k];
    }
    if (with_bars && n == 1) {
      sl_cli_pad(stdout, label, label_width);
      sl_cli_pad(stdout, cells[0], width);
      int bars = isnan(r[0].v[s].percentile) ? 0 : (int)lround(r[0].v[s].percentile / SL_BAR_STEP);
      printf("n=%-5zu %.*s\n", r[0].v[s].peers, bars, "####################");
    } else {
      table_row(label_width, label, cells, n, width);
    }
  }
  char qcell[64][32];
  const char *qcells[64];
  for (size_t k = 0; k < n && k < 64; k++) {
    if (isnan(r[k].quality)) snprintf(qcell[k], sizeof qcell[k], "%8s", "n/a");
    else snprintf(qcell[k], sizeof qcell[k], "%8s  p%3.0f", "", r[k].quality);
    qcells[k] = qcell[k];
  }
  table_row(label_width, "mean percentile", qcells, n, width);
  puts("\n(low) = lower is better, its percentile inverted; p = 100 * (worse + 0.5 * equal) / n");
  int style = 0;
  for (size_t s = 0; s < pr->nstats; s++) style |= pr->stats[s].better == SL_BETTER_NEUTRAL;
  if (style) puts("(style) = no better side (a style measure): ranked, left out of the mean percentile");
  int few = 0;
  for (size_t k = 0; k < n; k++)
    for (size_t s = 0; s < pr->nstats; s++) few |= r[k].v[s].few;
  if (few)
    printf("~ = a rate from fewer than %d attempts (penalties faced, take-ons tried...): ranked, but read it with care\n",
           SL_RATE_FEW_ATTEMPTS);
  for (size_t k = 0; k < n; k++)
    if (r[k].info.small_sample || r[k].info.below_default) {
      puts("(ss) = small sample, not ranked; * = ranked on fewer minutes than the default threshold");
      break;
    }
}

/* ---- csv, md, json -------------------------------------------------------------------------- */

static void csv_number(double v) {
  if (!isnan(v)) printf("%.10g", v);
}

static void print_csv(const sl_cmp_ctx *ctx, const sl_profile *pr, const player_report *r, size_t n) {
  fputs("stat,group,kind,better", stdout);
  for (size_t k = 0; k < n; k++) {
    const sl_player *p = sl_compare_player(ctx->index, r[k].index);
    static const char *const suffix[] = {" value", " percentile", " peers"};
    int twice = 0; /* one player's clubs apart (one entry per club row): the club tells the columns apart */
    for (size_t j = 0; j < n; j++) {
      const sl_player *q = sl_compare_player(ctx->index, r[j].index);
      twice |= j != k && strcmp(q->name, p->name) == 0 && strcmp(q->seasons, p->seasons) == 0;
    }
    for (int m = 0; m < 3; m++) {
      char h[512];
      snprintf(h, sizeof h, "%s%s%s%s%s%s%s", p->name, twice ? " (" : "", twice ? p->club : "", twice ? ")" : "",
               p->seasons[0] ? " " : "", p->seasons, suffix[m]);
      fputc(',', stdout);
      sl_cli_csv_field(stdout, h);
    }
  }
  fputc('\n', stdout);
  for (size_t s = 0; s < pr->nstats; s++) {
    const sl_profile_stat *st = &pr->stats[s];
    sl_cli_csv_field(stdout, st->label), fputc(',', stdout), sl_cli_csv_field(stdout, st->stat_group);
    printf(",%s,%s", sl_stat_kind_name(st->kind), sl_better_name(st->better));
    for (size_t k = 0; k < n; k++) {
      fputc(',', stdout), csv_number(r[k].v[s].value);
      fputc(',', stdout), csv_number(r[k].v[s].percentile);
      printf(",%zu", r[k].v[s].peers);
    }
    fputc('\n', stdout);
  }
}

/* Long CSV: one line per player and stat, the columns named once (for R, pandas, a database). */
static void print_tidy(const sl_cmp_ctx *ctx, const sl_profile *pr, const player_report *r, size_t n) {
  puts("player,club,league,season,stat,group,kind,better,value,percentile,peers,attempts,few");
  for (size_t k = 0; k < n; k++) {
    const sl_player *p = sl_compare_player(ctx->index, r[k].index);
    for (size_t s = 0; s < pr->nstats; s++) {
      const sl_profile_stat *st = &pr->stats[s];
      sl_cli_csv_field(stdout, p->name), fputc(',', stdout), sl_cli_csv_field(stdout, p->club), fputc(',', stdout);
      sl_cli_csv_field(stdout, p->league), fputc(',', stdout);
      int season = p->season ? p->season : sl_workspace_seasons_of(ctx->ws)->stats; /* one season: the file's */
      sl_cli_csv_number(stdout, season ? season : NAN), fputc(',', stdout);
      sl_cli_csv_field(stdout, st->label), fputc(',', stdout), sl_cli_csv_field(stdout, st->stat_group);
      printf(",%s,%s,", sl_stat_kind_name(st->kind), sl_better_name(st->better));
      sl_cli_csv_number(stdout, r[k].v[s].value), fputc(',', stdout);
      sl_cli_csv_number(stdout, r[k].v[s].percentile);
      printf(",%zu,", r[k].v[s].peers); /* a rate's attempts, and 1 when too few to trust */
      sl_cli_csv_number(stdout, r[k].v[s].attempts);
      printf(",%d\n", r[k].v[s].few);
    }
  }
}

static void print_md(const sl_cmp_ctx *ctx, const sl_profile *pr, const player_report *r, size_t n) {
  fputs("| ", stdout), sl_cli_md_cell(stdout, pr->role), fputs(" |", stdout);
  for (size_t k = 0; k < n; k++) fputc(' ', stdout), sl_cli_md_cell(stdout, sl_compare_player(ctx->index, r[k].index)->name), fputs(" |", stdout);
  fputs("\n|---|", stdout);
  for (size_t k = 0; k < n; k++) fputs("---:|", stdout);
  fputc('\n', stdout);
  char buf[160];
  const char *labels[] = {"club", "league", "position", "age", "minutes", "pool"};
  for (int m = 0; m < 6; m++) {
    printf("| %s |", labels[m]);
    for (size_t k = 0; k < n; k++) {
      const sl_player *p = sl_compare_player(ctx->index, r[k].index);
      if (m == 0) snprintf(buf, sizeof buf, "%s", p->clubs);
      else if (m == 1) snprintf(buf, sizeof buf, "%s", sl_compare_player_leagues(p));
      else if (m == 2) position_text(p, buf, sizeof buf);
      else if (m == 3 && isnan(p->age)) snprintf(buf, sizeof buf, "-");
      else if (m == 3) snprintf(buf, sizeof buf, "%.0f", p->age);
      else if (m == 4) snprintf(buf, sizeof buf, "%.0f", p->minutes);
      else pool_text(&r[k], buf, sizeof buf);
      fputc(' ', stdout), sl_cli_md_cell(stdout, buf), fputs(" |", stdout);
    }
    fputc('\n', stdout);
  }
  for (size_t s = 0; s < pr->nstats; s++) {
    fputs("| ", stdout), sl_cli_md_cell(stdout, pr->stats[s].label);
    printf("%s |", pr->stats[s].better == SL_BETTER_LOWER ? " (lower is better)" : "");
    for (size_t k = 0; k < n; k++) {
      char v[32];
      format_value(&pr->stats[s], r[k].v[s].value, v, sizeof v);
      if (r[k].info.small_sample) printf(" %s (small sample) |", v);
      else if (isnan(r[k].v[s].percentile)) printf(" %s |", v);
      else printf(" %s (p%.0f) |", v, r[k].v[s].percentile);
    }
    fputc('\n', stdout);
  }
}

static void json_player(const sl_cmp_ctx *ctx, const sl_profile *pr, const player_report *r) {
  const sl_player *p = sl_compare_player(ctx->index, r->index);
  fputs("{\"name\":", stdout), sl_cli_json_string(stdout, p->name);
  fputs(",\"clubs\":", stdout), sl_cli_json_string(stdout, p->clubs);
  fputs(",\"league\":", stdout), sl_cli_json_string(stdout, p->league);
  fputs(",\"leagues\":", stdout), sl_cli_json_string(stdout, p->leagues);
  fputs(",\"seasons\":", stdout), sl_cli_json_string(stdout, p->seasons);
  fputs(",\"position\":{\"group\":", stdout), sl_cli_json_string(stdout, sl_group_name(p->group));
  fputs(",\"source\":", stdout), sl_cli_json_string(stdout, sl_position_source_name(p->group_source));
  fputs(",\"sub_position\":", stdout), sl_cli_json_string(stdout, p->sub_position);
  fputs(",\"fbref\":", stdout), sl_cli_json_string(stdout, p->fbref_pos);
  fputs(",\"note\":", stdout), sl_cli_json_string(stdout, p->position_note);
  fputs("},\"age\":", stdout), sl_cli_json_number(stdout, p->age);
  fputs(",\"born\":", stdout), sl_cli_json_number(stdout, p->born);
  fputs(",\"minutes\":", stdout), sl_cli_json_number(stdout, p->minutes);
  fputs(",\"nineties\":", stdout), sl_cli_json_number(stdout, p->nineties);
  fputs(",\"market_value_eur\":", stdout), sl_cli_json_number(stdout, p->market_value);
  printf(",\"rows\":%zu,\"pool\":{\"group\":", p->nrows);
  sl_cli_json_string(stdout, sl_group_name(r->info.group));
  fputs(",\"leagues\":", stdout), sl_cli_json_string(stdout, r->info.leagues);
  printf(",\"size\":%zu,\"player_in_pool\":%s,\"small_sample\":%s,\"below_default_minutes\":%s},\"mean_percentile\":",
         r->info.size, r->info.player_in_pool ? "true" : "false", r->info.small_sample ? "true" : "false",
         r->info.below_default ? "true" : "false");
  sl_cli_json_number(stdout, r->quality);
  fputs(",\"stats\":[", stdout);
  for (size_t s = 0; s < pr->nstats; s++) {
    const sl_profile_stat *st = &pr->stats[s];
    fputs(s ? ",{\"stat\":" : "{\"stat\":", stdout), sl_cli_json_string(stdout, st->label);
    fputs(",\"group\":", stdout), sl_cli_json_string(stdout, st->stat_group);
    printf(",\"kind\":\"%s\",\"better\":\"%s\",\"value\":", sl_stat_kind_name(st->kind), sl_better_name(st->better));
    sl_cli_json_number(stdout, r->v[s].value);
    fputs(",\"percentile\":", stdout), sl_cli_json_number(stdout, r->v[s].percentile);
    printf(",\"peers\":%zu,\"attempts\":", r->v[s].peers);
    sl_cli_json_number(stdout, r->v[s].attempts);
    printf(",\"few\":%s}", r->v[s].few ? "true" : "false");
  }
  fputs("]}", stdout);
}

static void print_json(const sl_cmp_args *a, const sl_cmp_ctx *ctx, const sl_profile *pr,
                       const player_report *r, size_t n) {
  putchar('{'), sl_cli_json_schema(stdout, a->cmd);
  fputs("\"command\":", stdout), sl_cli_json_string(stdout, a->cmd);
  fputs(",\"seasons\":", stdout), sl_cli_json_string(stdout, sl_workspace_seasons_of(ctx->ws)->stats_text);
  fputs(",\"profile\":", stdout), sl_cli_json_string(stdout, pr->role);
  static const char *const kinds[] = {"league", "all", "list", "big5", "shared"};
  printf(",\"pool\":{\"kind\":\"%s\",\"leagues\":", kinds[a->pool.kind]);
  sl_cli_json_string(stdout, a->pool.leagues ? a->pool.leagues : "");
  fputs(",\"min_minutes\":", stdout), sl_cli_json_number(stdout, a->pool.min_minutes);
  fputs(",\"percentile\":\"100 * (worse + 0.5 * equal) / n\"},\"players\":[", stdout);
  for (size_t k = 0; k < n; k++) {
    if (k) fputc(',', stdout);
    json_player(ctx, pr, &r[k]);
  }
  fputs("],", stdout);
  sl_cmp_json_accounting(ctx, stdout);
  fputs("}\n", stdout);
}

/* ---- the report ------------------------------------------------------------------------------- */

int sl_cmp_report(const sl_cmp_args *a, const sl_cmp_ctx *ctx, const size_t *idx, size_t n, int with_bars) {
  const sl_profile *pr = NULL;
  sl_profiles *owned = NULL;
  int st = sl_cmp_profile(a, ctx, idx[0], &pr, &owned);
  if (st) return st;
  player_report *r = calloc(n, sizeof *r);
  if (!r) st = SL_EXIT_DATA;
  for (size_t k = 0; !st && k < n; k++) {
    sl_error err;
    r[k].index = idx[k];
    if (!(r[k].v = calloc(pr->nstats ? pr->nstats : 1, sizeof *r[k].v))) st = SL_EXIT_DATA;
    else if (sl_compare_percentiles(ctx->index, idx[k], pr, &a->pool, r[k].v, &r[k].info, &err)) st = sl_cli_fail(&err);
    else r[k].quality = sl_compare_mean_percentile(pr, r[k].v);
  }
  if (!st) {
    if (a->format == SL_FMT_JSON) print_json(a, ctx, pr, r, n);
    else if (a->format == SL_FMT_CSV) print_csv(ctx, pr, r, n);
    else if (a->format == SL_FMT_TIDY) print_tidy(ctx, pr, r, n);
    else if (a->format == SL_FMT_MD) print_md(ctx, pr, r, n);
    else print_table(a, ctx, pr, r, n, with_bars);
  }
  for (size_t k = 0; r && k < n; k++) free(r[k].v);
  free(r);
  sl_profiles_free(owned);
  return st;
}

/* One player; with --seasons (not pooled) his seasons side by side, each against its own
 * season's peers. */
static int run_percentiles(const sl_cmp_args *a, const sl_cmp_ctx *ctx, size_t player) {
  size_t seasons[SL_PERCENTILES_MAX_SEASONS];
  size_t n = a->seasons_first && !a->pool_seasons
                 ? sl_compare_player_seasons(ctx->index, player, seasons, SL_PERCENTILES_MAX_SEASONS)
                 : 0;
  if (n > 1) return sl_cmp_report(a, ctx, seasons, n, 0);
  return sl_cmp_report(a, ctx, &player, 1, 1);
}

int sl_cmd_percentiles(int argc, char **argv) { return sl_cmp_one_player(argc, argv, NULL, run_percentiles); }
int sl_cmd_percentiles_parse(int argc, char **argv) { return sl_cmp_one_player(argc, argv, NULL, NULL); }
