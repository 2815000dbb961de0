/* cmd_squad.c - scoutlab squad: importance scores of a club's players (every component shown),
 * one player's breakdown and ranks, or a league's most important players. */
#include <math.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "chart_data.h"
#include "cli.h"
#include "scoutlab/parse.h"
#include "scoutlab/season.h"
#include "scoutlab/squad.h"
#include "scoutlab/workspace.h"


#define SQ_MAX_FILES 16     /* --stats/--values/... given more often than this is a typo */
#define SQ_DEFAULT_TOP 20   /* league ranking length when --top is not given */

const char sl_help_squad[] =
    "usage: scoutlab squad --stats FILE CLUB [options]\n"
    "       scoutlab squad --stats FILE --player NAME [options]\n"
    "       scoutlab squad --stats FILE --league LEAGUE [--top N] [options]\n"
    "\n"
    "How much a club depends on each player: an importance score 0-100 from six components, each\n"
    "shown next to the total (docs/squad.md has the formulas and default weights):\n"
    "  availability    share of the team's minutes, starts share, minutes per start, completed matches\n"
    "  impact          on-off goal and xG difference per 90, shrunk toward zero for few minutes\n"
    "  quality         percentile profile against league peers of his position group\n"
    "  replaceability  cover in his position group at the club, quality gap to the next man up\n"
    "  contract_age    years left on the contract (--contracts and --season), age curve\n"
    "  value_share     share of the squad's market value (--values)\n"
    "A component without data is left out and the other weights renormalised; the output says so.\n"
    "Players who changed club count only their minutes for the club.\n"
    "\n"
    "options:\n"
    "  --stats FILE          season totals (FBref-style); repeatable\n"
    "  --player NAME         one player's breakdown, rank in his squad and in his league's position group\n"
    "  --league LEAGUE       the league's most important players (\"Ligue 1\", \"fr Ligue 1\")\n"
    "  --top N               how many league players to list (default 20; 0 = all)\n"
    "  --season S            2024, 2024-25 or 2024/25: contracts count years from 30 June of its end\n"
    "  --contracts FILE      player, contract_until (date or year) [, club]\n"
    "  --values FILE         market values joined by name (player, value or market_value)\n"
    "  --weights LIST        e.g. availability=0.3,impact=0 (relative; unnamed keep their default)\n"
    "  --positions FILE      Transfermarkt-style sub-positions (as scoutlab compare)\n"
    "  --overrides FILE      manual sub-positions (default datasets/positions-override.csv);\n"
    "  --no-overrides        ... or none\n"
    "  --profiles FILE       role profiles for quality (default datasets/profiles.csv)\n"
    "  --pool P              quality peers: league (default), all, or \"Ligue 1,Serie A\"\n"
    "  --min-minutes N       quality peers need N minutes (default 900)\n"
    "  --format F            table (default), csv, json, md\n"
    "                        (--verbose adds the entries, contracts and values matched)\n"
    "  --chart FILE          also draw the club's squad profile to FILE.png|svg|pdf (with\n"
    "                        --player, his club's, with him ringed)\n"
    SL_CLI_HELP_VERBOSITY
    "\n"
    "examples:\n"
    "  scoutlab squad --stats players_data-2024_2025.csv marseille\n"
    "  scoutlab squad --stats players_data-2024_2025.csv --player \"Leonardo Balerdi\"\n"
    "  scoutlab squad --stats players_data-2024_2025.csv --league \"Ligue 1\" --top 20\n";

typedef struct sq_args {
  const char *stats[SQ_MAX_FILES], *values[SQ_MAX_FILES], *contracts[SQ_MAX_FILES], *positions[SQ_MAX_FILES];
  size_t nstats, nvalues, ncontracts, npositions;
  const char *overrides, *profiles, *club, *player, *league, *weights, *season;
  const char *chart; /* --chart FILE: the squad profile of the club */
  int no_overrides, verbose;
  size_t top;
  sl_format format;
  sl_pool pool;
  sl_chart_inputs inputs; /* every file above: the chart must replace none */
} sq_args;

typedef struct sq_ctx {
  sl_workspace *ws; /* owns everything below */
  const sl_table *stats, *values, *contracts;
  const sl_squad *squad;
} sq_ctx;

static const char *const short_names[SL_SQUAD_COMPONENT_COUNT] = {"avail", "impact", "quality",
                                                                 "replace", "con+age", "value"};

/* ---- arguments ----------------------------------------------------------------------------- */

static int add_file(const char **list, size_t *n, const char *path, const char *opt) {
  if (*n == SQ_MAX_FILES) return sl_cli_usage_error("squad", "too many %s files", opt);
  list[(*n)++] = path;
  return -1;
}

/* One option with a value; -1 taken, 0 unknown, or an exit status. */
static int value_option(const char *o, const char *v, sq_args *a) {
  if (strcmp(o, "--stats") == 0) return add_file(a->stats, &a->nstats, v, o);
  if (strcmp(o, "--values") == 0) return add_file(a->values, &a->nvalues, v, o);
  if (strcmp(o, "--contracts") == 0) return add_file(a->contracts, &a->ncontracts, v, o);
  if (strcmp(o, "--positions") == 0) return add_file(a->positions, &a->npositions, v, o);
  const char **slot = strcmp(o, "--overrides") == 0 ? &a->overrides
                      : strcmp(o, "--profiles") == 0 ? &a->profiles
                      : strcmp(o, "--player") == 0   ? &a->player
                      : strcmp(o, "--league") == 0   ? &a->league
                      : strcmp(o, "--weights") == 0  ? &a->weights
                      : strcmp(o, "--season") == 0   ? &a->season
                      : strcmp(o, "--chart") == 0    ? &a->chart
                                                     : NULL;
  if (slot) return *slot = v, -1;
  double x;
  if (strcmp(o, "--top") == 0 || strcmp(o, "--min-minutes") == 0) {
    if (!sl_parse_number(v, SL_DECIMAL_POINT, &x) || x < 0)
      return sl_cli_usage_error("squad", "%s expects a non-negative number, got \"%s\"", o, v);
    if (strcmp(o, "--top") == 0) a->top = x < (double)SIZE_MAX ? (size_t)x : SIZE_MAX; /* 1e300: everyone */
    else a->pool.min_minutes = x;
    return -1;
  }
  if (strcmp(o, "--pool") == 0) {
    sl_error err;
    return sl_pool_parse(v, &a->pool, &err) ? sl_cli_usage_error("squad", "%s", err.message) : -1;
  }
  if (strcmp(o, "--format") == 0) {
    unsigned all = (1u << SL_FMT_TABLE) | (1u << SL_FMT_JSON) | (1u << SL_FMT_CSV) | (1u << SL_FMT_MD);
    if (sl_cli_parse_format(v, all, &a->format))
      return sl_cli_usage_error("squad", "--format expects table, csv, json or md, got \"%s\"", v);
    return -1;
  }
  return 0;
}

static int parse_args(int argc, char **argv, sq_args *a) {
  a->top = SQ_DEFAULT_TOP;
  a->format = SL_FMT_TABLE;
  sl_pool_default(&a->pool);
  for (int i = 1; i < argc; i++) {
    const char *o = argv[i];
    if (o[0] != '-') {
      if (a->club) return sl_cli_usage_error("squad", "one club at a time (got \"%s\" and \"%s\")", a->club, o);
      a->club = o;
      continue;
    }
    if (strcmp(o, "--no-overrides") == 0) {
      a->no_overrides = 1;
      continue;
    }
    int r = i + 1 < argc ? value_option(o, argv[i + 1], a) : value_option(o, "", a);
    if (r == 0) return sl_cli_usage_error("squad", "unknown option %s", o);
    if (i + 1 >= argc) return sl_cli_usage_error("squad", "%s needs a value", o);
    if (r != -1) return r;
    i++;
  }
  if (!a->nstats) return sl_cli_usage_error("squad", "--stats FILE is required");
  if (!!a->club + !!a->player + !!a->league != 1)
    return sl_cli_usage_error("squad", "name exactly one of: a club, --player NAME, --league LEAGUE");
  if (a->chart && a->league) return sl_cli_usage_error("squad", "--chart draws a club's squad: name a club or a player");
  sl_chart_inputs_add(&a->inputs, a->stats, a->nstats), sl_chart_inputs_add(&a->inputs, a->values, a->nvalues);
  sl_chart_inputs_add(&a->inputs, a->contracts, a->ncontracts), sl_chart_inputs_add(&a->inputs, a->positions, a->npositions);
  const char *more[] = {a->overrides, a->profiles};
  sl_chart_inputs_add(&a->inputs, more, 2);
  return -1; /* --season is read with the inputs (squad_inputs.c) */
}

/* ---- loading ------------------------------------------------------------------------------- */

/* The workspace over the options' files (squad_inputs.c, shared with chart squad). */
static int load_all(const sq_args *a, sq_ctx *ctx, sl_squad_options *o) {
  sl_cli_squad_inputs in = {.stats = a->stats, .values = a->values, .contracts = a->contracts,
                            .positions = a->positions, .nstats = a->nstats, .nvalues = a->nvalues,
                            .ncontracts = a->ncontracts, .npositions = a->npositions, .overrides = a->overrides,
                            .profiles = a->profiles, .weights = a->weights, .season = a->season,
                            .no_overrides = a->no_overrides, .pool = &a->pool};
  int rc = sl_cli_squad_workspace("squad", &in, o, &ctx->ws);
  if (rc) return rc;
  ctx->stats = sl_workspace_stats(ctx->ws), ctx->values = sl_workspace_values(ctx->ws);
  ctx->contracts = sl_workspace_contracts(ctx->ws), ctx->squad = sl_workspace_squad(ctx->ws);
  return 0;
}

static void free_all(sq_ctx *ctx) { sl_workspace_free(ctx->ws); }

/* ---- shared printing ----------------------------------------------------------------------- */

/* Pads to `width` display columns, counting UTF-8 code points (names carry accents). */
/* A name in a list row: padded text, or in Markdown an escaped cell (padding is cosmetic). */
static void name_cell(FILE *f, sl_format fmt, const char *s, int width) {
  if (fmt != SL_FMT_MD) {
    sl_cli_pad(f, s, width);
    return;
  }
  sl_cli_md_cell(f, s);
  fprintf(f, "%*s", width > sl_cli_text_columns(s) ? width - sl_cli_text_columns(s) : 0, "");
}

static void num(FILE *f, double v, int width, int decimals) {
  if (isnan(v)) fprintf(f, "%*s", width, "-");
  else fprintf(f, "%*.*f", width, decimals, v);
}

static const sl_player *player_of(const sq_ctx *ctx, size_t i) {
  return sl_compare_player(sl_squad_index(ctx->squad), i);
}

static const char *club_name(const sq_ctx *ctx, const sl_squad_entry *e) {
  return sl_squad_club_at(ctx->squad, e->club)->name;
}

/* The end of a line before the table: Markdown joins lines into one paragraph unless each ends
 * in a hard break (two spaces). */
static const char *eol(sl_format fmt) { return fmt == SL_FMT_MD ? "  \n" : "\n"; }

static void print_weights(FILE *f, const sl_squad_options *o, sl_format fmt) {
  fputs("weights:", f);
  for (int c = 0; c < SL_SQUAD_COMPONENT_COUNT; c++)
    fprintf(f, "%s %s %.2f", c ? "," : "", sl_squad_component_name((sl_squad_component)c), o->weights[c]);
  fputs(eol(fmt), f);
}

static void print_file_notes(FILE *f, const sl_squad *s, const char *prefix, sl_format fmt) {
  const sl_squad_report *r = sl_squad_summary(s);
  for (size_t k = 0; k < sizeof r->notes / sizeof r->notes[0]; k++)
    if (r->notes[k][0]) fprintf(f, "%s%s%s", prefix, SL_CLI_SHOWN_AS(fmt, r->notes[k]), eol(fmt));
}

static void print_accounting(FILE *f, const sq_ctx *ctx) {
  const sl_squad_report *r = sl_squad_summary(ctx->squad);
  const sl_compare_report *c = sl_compare_summary(sl_squad_index(ctx->squad));
  fprintf(f, "rows: read %zu, used %zu, skipped %zu\n", r->rows_read, r->rows_used, r->rows_skipped);
  for (size_t k = 0; k < ctx->stats->nskipped; k++)
    fprintf(f, "  skipped line %ld: %s\n", ctx->stats->skipped[k].line, SL_CLI_SHOWN(ctx->stats->skipped[k].reason));
  for (size_t k = 0; k < c->rows_skipped; k++)
    fprintf(f, "  skipped line %ld: %s\n", c->skipped[k].line, SL_CLI_SHOWN(c->skipped[k].reason));
  fprintf(f, "entries (player x club): %zu in %zu clubs\n", sl_squad_count(ctx->squad), r->clubs);
  if (ctx->contracts) fprintf(f, "contracts: %zu entries matched\n", r->contracts_matched);
  if (ctx->values) fprintf(f, "values: %zu entries matched\n", r->values_matched);
}

static void json_accounting(FILE *f, const sq_ctx *ctx) {
  const sl_squad_report *r = sl_squad_summary(ctx->squad);
  const sl_compare_report *c = sl_compare_summary(sl_squad_index(ctx->squad));
  fprintf(f, "\"rows\":{\"read\":%zu,\"used\":%zu,\"skipped\":%zu,\"skipped_by_loader\":%zu,"
             "\"skipped_impossible\":%zu,\"percent_out_of_range\":%zu,\"skipped_rows\":[",
          r->rows_read, r->rows_used, r->rows_skipped, c->rows_skipped_load, c->rows_invalid, c->percent_out_of_range);
  size_t n = 0;
  for (size_t k = 0; k < ctx->stats->nskipped; k++, n++) {
    fprintf(f, "%s{\"line\":%ld,\"reason\":", n ? "," : "", ctx->stats->skipped[k].line);
    sl_cli_json_string(f, ctx->stats->skipped[k].reason);
    fputc('}', f);
  }
  for (size_t k = 0; k < c->rows_skipped; k++, n++) {
    fprintf(f, "%s{\"line\":%ld,\"reason\":", n ? "," : "", c->skipped[k].line);
    sl_cli_json_string(f, c->skipped[k].reason);
    fputc('}', f);
  }
  fprintf(f, "]},\"contracts_matched\":%zu,\"values_matched\":%zu,\"notes\":[", r->contracts_matched,
          r->values_matched);
  n = 0;
  for (size_t k = 0; k < sizeof r->notes / sizeof r->notes[0]; k++)
    if (r->notes[k][0]) {
      if (n++) fputc(',', f);
      sl_cli_json_string(f, r->notes[k]);
    }
  fputc(']', f);
}

static void json_weights(FILE *f, const sl_squad_options *o) {
  fputs("\"weights\":{", f);
  for (int c = 0; c < SL_SQUAD_COMPONENT_COUNT; c++) {
    fprintf(f, "%s\"%s\":", c ? "," : "", sl_squad_component_name((sl_squad_component)c));
    sl_cli_json_number(f, o->weights[c]);
  }
  fputc('}', f);
}

static void json_field(FILE *f, const char *name, double v) {
  fprintf(f, ",\"%s\":", name);
  sl_cli_json_number(f, v);
}

static void json_entry(FILE *f, const sq_ctx *ctx, const sl_squad_entry *e) {
  const sl_player *p = player_of(ctx, e->player);
  fputs("{\"player\":", f);
  sl_cli_json_string(f, p->name);
  fputs(",\"club\":", f);
  sl_cli_json_string(f, club_name(ctx, e));
  fputs(",\"league\":", f);
  sl_cli_json_string(f, p->league);
  fputs(",\"group\":", f);
  sl_cli_json_string(f, sl_group_name(p->group));
  fprintf(f, ",\"rank_in_club\":%zu,\"rank_in_league_group\":%zu,\"league_group_size\":%zu", e->rank_in_club,
          e->rank_in_league_group, e->league_group_size);
  json_field(f, "total", e->total);
  fputs(",\"components\":{", f);
  for (int c = 0; c < SL_SQUAD_COMPONENT_COUNT; c++) {
    fprintf(f, "%s\"%s\":{\"score\":", c ? "," : "", sl_squad_component_name((sl_squad_component)c));
    sl_cli_json_number(f, e->score[c]);
    fputs(",\"weight\":", f);
    sl_cli_json_number(f, e->weight[c]);
    fputs(",\"note\":", f);
    sl_cli_json_string(f, e->note[c]);
    fputc('}', f);
  }
  fputc('}', f);
  const struct { const char *name; double v; } fields[] = {
      {"minutes", e->minutes}, {"minutes_share", e->minutes_share}, {"starts", e->starts},
      {"starts_share", e->starts_share}, {"minutes_per_start", e->minutes_per_start},
      {"completed", e->completed}, {"completed_share", e->completed_share},
      {"effective_minutes", e->effective_minutes}, {"on_off", e->on_off}, {"on_off_shrunk", e->on_off_shrunk},
      {"xg_on_off", e->xg_on_off}, {"xg_on_off_shrunk", e->xg_on_off_shrunk}, {"quality_raw", e->quality_raw},
      {"quality", e->quality}, {"depth", (double)e->depth}, {"group_slots", e->group_slots},
      {"depth_score", e->depth_score}, {"next_quality", e->next_quality}, {"gap_score", e->gap_score},
      {"age", e->age}, {"age_score", e->age_score}, {"years_left", e->years_left},
      {"contract_score", e->contract_score}, {"value_eur", e->value_eur}, {"value_share", e->value_share}};
  for (size_t k = 0; k < sizeof fields / sizeof fields[0]; k++) json_field(f, fields[k].name, fields[k].v);
  fputs(",\"next_man\":", f);
  if (e->next_man >= 0) sl_cli_json_string(f, player_of(ctx, (size_t)e->next_man)->name);
  else fputs("null", f);
  fputc('}', f);
}

/* ---- lists (a club, or a league's top) ------------------------------------------------------ */

static void list_header(FILE *f, sl_format fmt, int with_club) {
  if (fmt == SL_FMT_CSV) {
    fprintf(f, "rank,player,club,league,group,minutes,minutes_share,total,availability,impact,quality,"
               "replaceability,contract_age,value_share,rank_in_league_group,league_group_size,notes\n");
    return;
  }
  const char *sep = fmt == SL_FMT_MD ? " | " : " ";
  if (fmt == SL_FMT_MD) fputs("| ", f);
  fprintf(f, "%4s%s", "#", sep);
  sl_cli_pad(f, "player", 24);
  fputs(sep, f);
  if (with_club) sl_cli_pad(f, "club", 16), fputs(sep, f);
  sl_cli_pad_cut(f, "group", 14);
  fprintf(f, "%s%5s%s%5s%s%5s", sep, "min", sep, "share", sep, "total");
  for (int c = 0; c < SL_SQUAD_COMPONENT_COUNT; c++) fprintf(f, "%s%7s", sep, short_names[c]);
  fputs(fmt == SL_FMT_MD ? " |\n" : "\n", f);
  if (fmt == SL_FMT_MD) {
    fputs(with_club ? "|---:|---|---|---|---:|---:|---:" : "|---:|---|---|---:|---:|---:", f);
    for (int c = 0; c < SL_SQUAD_COMPONENT_COUNT; c++) fputs("|---:", f);
    fputs("|\n", f);
  }
}

static void list_row(FILE *f, sl_format fmt, const sq_ctx *ctx, const sl_squad_entry *e, size_t rank, int with_club) {
  const sl_player *p = player_of(ctx, e->player);
  if (fmt == SL_FMT_CSV) {
    fprintf(f, "%zu,", rank);
    sl_cli_csv_field(f, p->name), fputc(',', f), sl_cli_csv_field(f, club_name(ctx, e)), fputc(',', f);
    sl_cli_csv_field(f, p->league);
    fprintf(f, ",%s,%.0f", sl_group_name(p->group), e->minutes); /* unknowns as empty cells, never "nan" */
    isfinite(e->minutes_share) ? fprintf(f, ",%.4f", e->minutes_share) : fputs(",", f);
    isfinite(e->total) ? fprintf(f, ",%.2f", e->total) : fputs(",", f);
    for (int c = 0; c < SL_SQUAD_COMPONENT_COUNT; c++) isnan(e->score[c]) ? fputs(",", f) : fprintf(f, ",%.2f", e->score[c]);
    fprintf(f, ",%zu,%zu,", e->rank_in_league_group, e->league_group_size);
    char notes[SL_SQUAD_COMPONENT_COUNT * 160] = "";
    size_t len = 0;
    for (int c = 0; c < SL_SQUAD_COMPONENT_COUNT; c++)
      if (e->note[c][0])
        len += (size_t)snprintf(notes + len, sizeof notes - len, "%s%s: %s", len ? " | " : "",
                                sl_squad_component_name((sl_squad_component)c), e->note[c]);
    sl_cli_csv_field(f, notes);
    fputc('\n', f);
    return;
  }
  const char *sep = fmt == SL_FMT_MD ? " | " : " ";
  if (fmt == SL_FMT_MD) fputs("| ", f);
  fprintf(f, "%4zu%s", rank, sep);
  name_cell(f, fmt, p->name, 24);
  fputs(sep, f);
  if (with_club) name_cell(f, fmt, club_name(ctx, e), 16), fputs(sep, f);
  sl_cli_pad_cut(f, sl_group_name(p->group), 14); /* "winger-forward" fills it exactly */
  fprintf(f, "%s%5.0f%s%5.3f%s", sep, e->minutes, sep, e->minutes_share, sep);
  num(f, e->total, 5, 1);
  for (int c = 0; c < SL_SQUAD_COMPONENT_COUNT; c++) fputs(sep, f), num(f, e->score[c], 7, 1);
  fputs(fmt == SL_FMT_MD ? " |\n" : "\n", f);
}

/* Per-player notes under a table: what each left-out or partial component lacked. Reasons that
 * hold for every player are printed once above the table instead. */
static void list_notes(FILE *f, const sq_ctx *ctx, const size_t *idx, size_t n, sl_format fmt) {
  static const char *const file_level[] = {"no values given", "no role profiles given",
                                           "no on-off columns in the stats file", "no contracts file",
                                           "no season given to count contract years from"};
  int header = 0;
  for (size_t k = 0; k < n; k++) {
    const sl_squad_entry *e = sl_squad_entry_at(ctx->squad, idx[k]);
    for (int c = 0; c < SL_SQUAD_COMPONENT_COUNT; c++) {
      int shared = 0;
      for (size_t j = 0; j < sizeof file_level / sizeof file_level[0]; j++) shared |= strcmp(e->note[c], file_level[j]) == 0;
      if (!e->note[c][0] || shared) continue;
      if (!header++) fputs("\nnotes (component: why left out or partial):\n", f);
      fprintf(f, "  %s: %s: %s%s\n", SL_CLI_SHOWN_AS(fmt, player_of(ctx, e->player)->name),
              sl_squad_component_name((sl_squad_component)c), SL_CLI_SHOWN_AS(fmt, e->note[c]),
              isnan(e->score[c]) ? " (left out)" : "");
    }
  }
}

static void print_list(FILE *f, const sl_squad_options *o, const sq_ctx *ctx, const size_t *idx, size_t n,
                       int with_club, sl_format fmt) {
  if (fmt != SL_FMT_CSV) {
    print_weights(f, o, fmt);
    print_file_notes(f, ctx->squad, "left out: ", fmt);
    fputc('\n', f);
  }
  list_header(f, fmt, with_club);
  for (size_t k = 0; k < n; k++) list_row(f, fmt, ctx, sl_squad_entry_at(ctx->squad, idx[k]), k + 1, with_club);
  if (fmt != SL_FMT_CSV) list_notes(f, ctx, idx, n, fmt);
}

static void json_list(FILE *f, const sl_squad_options *o, const sq_ctx *ctx, const size_t *idx, size_t n) {
  json_weights(f, o);
  fputc(',', f);
  json_accounting(f, ctx);
  fputs(",\"players\":[", f);
  for (size_t k = 0; k < n; k++) {
    if (k) fputc(',', f);
    json_entry(f, ctx, sl_squad_entry_at(ctx->squad, idx[k]));
  }
  fputs("]}\n", f);
}

/* A club whose players' minutes fall short of a team's: the file lacks some of its rows. */
static void club_partial(FILE *f, const sl_squad_club *c, sl_format fmt) {
  char text[512];
  fprintf(f, "warning: %s%s", SL_CLI_SHOWN_AS(fmt, sl_squad_partial_text(c, text, sizeof text)), eol(fmt));
  if (f == stdout && !sl_cli_quiet()) /* said on stderr too: a table piped on is not read */
    fprintf(stderr, "scoutlab squad: warning: %s: only %.1f players on the pitch on average: rows of the club are "
                    "missing from the stats\n", SL_CLI_SHOWN(c->name), c->players_on_pitch);
}

static void club_header(FILE *f, const sl_squad_club *c, sl_format fmt, const char *seasons) {
  fprintf(f, "%s (%s): %zu players; %.0f team matches (from %s), team minutes %.0f; %s%s", SL_CLI_SHOWN_AS(fmt, c->name),
          SL_CLI_SHOWN_AS(fmt, c->league), c->n,
          c->team_matches, sl_team_matches_source_name(c->team_matches_source), c->team_minutes, seasons, eol(fmt));
  if (isfinite(c->players_on_pitch))
    fprintf(f, "minutes accounting: %.0f player minutes = %.3f x team minutes (11 on the pitch, fewer after red cards)%s",
            c->minutes_total, c->players_on_pitch, eol(fmt));
  else /* no team minutes to divide by: the ratio is not a number to print */
    fprintf(f, "minutes accounting: %.0f player minutes; team minutes unknown%s", c->minutes_total, eol(fmt));
  if (c->partial) club_partial(f, c, fmt);
}

static void json_club(FILE *f, const sl_squad_club *c, const char *seasons) {
  fputs("\"seasons\":", f);
  sl_cli_json_string(f, seasons);
  fputs(",\"club\":", f);
  sl_cli_json_string(f, c->name);
  fputs(",\"league\":", f);
  sl_cli_json_string(f, c->league);
  fprintf(f, ",\"players_count\":%zu,\"team_matches\":%.0f,\"team_matches_source\":", c->n, c->team_matches);
  sl_cli_json_string(f, sl_team_matches_source_name(c->team_matches_source));
  json_field(f, "team_minutes", c->team_minutes);
  json_field(f, "minutes_total", c->minutes_total);
  json_field(f, "players_on_pitch", c->players_on_pitch);
  fprintf(f, ",\"partial\":%s", c->partial ? "true" : "false");
}

/* --chart: club k's squad profile, the entries hl[0..nh) ringed; the note on stderr, as the
 * answer is on stdout (JSON stays parseable). */
static int draw_chart(const sq_args *a, const sq_ctx *ctx, size_t k, const size_t *hl, size_t nh) {
  if (!a->chart) return 0;
  sl_chart_output chart = {.output = a->chart, .inputs = a->inputs.path, .ninputs = a->inputs.n};
  return sl_chart_squad_draw(SL_CHART_SQUAD, ctx->squad, k, sl_workspace_seasons_of(ctx->ws)->stats,
                             SL_CHART_SQUAD_MIN_SHARE, 0, hl, nh, a->stats, a->nstats, &chart, stderr);
}

static int run_club(const sq_args *a, const sl_squad_options *o, const sq_ctx *ctx) {
  size_t k;
  sl_error err;
  if (sl_squad_find_club(ctx->squad, a->club, &k, &err)) {
    fprintf(stderr, "scoutlab squad: %s\n", SL_CLI_SHOWN(err.message));
    return SL_EXIT_DATA;
  }
  const sl_squad_club *c = sl_squad_club_at(ctx->squad, k);
  if (a->format == SL_FMT_JSON) {
    fputc('{', stdout), sl_cli_json_schema(stdout, "squad");
    json_club(stdout, c, sl_workspace_seasons_of(ctx->ws)->stats_text);
    fputc(',', stdout);
    json_list(stdout, o, ctx, c->ranked, c->n);
  } else {
    if (a->format != SL_FMT_CSV) club_header(stdout, c, a->format, sl_workspace_seasons_of(ctx->ws)->stats_text);
    print_list(stdout, o, ctx, c->ranked, c->n, 0, a->format);
  }
  return draw_chart(a, ctx, k, NULL, 0);
}

static int run_league(const sq_args *a, const sl_squad_options *o, const sq_ctx *ctx) {
  size_t n = 0, total = sl_squad_count(ctx->squad);
  size_t *idx = malloc((total ? total : 1) * sizeof *idx);
  const char *league = NULL;
  sl_error err;
  if (!idx) return SL_EXIT_DATA;
  if (sl_squad_league_ranked(ctx->squad, a->league, idx, total, &n, &league, &err)) {
    fprintf(stderr, "scoutlab squad: %s\n", SL_CLI_SHOWN(err.message));
    free(idx);
    return SL_EXIT_DATA;
  }
  size_t shown = a->top && a->top < n ? a->top : n;
  if (a->format == SL_FMT_JSON) {
    fputc('{', stdout), sl_cli_json_schema(stdout, "squad");
    fputs("\"league\":", stdout);
    sl_cli_json_string(stdout, league);
    fprintf(stdout, ",\"entries\":%zu,", n);
    json_list(stdout, o, ctx, idx, shown);
  } else {
    if (a->format != SL_FMT_CSV)
      printf("%s: the %zu most important of %zu players (per club)\n", SL_CLI_SHOWN_AS(a->format, league), shown, n);
    print_list(stdout, o, ctx, idx, shown, 1, a->format);
  }
  free(idx);
  return 0;
}

/* ---- one player ---------------------------------------------------------------------------- */

static void detail_availability(FILE *f, const sl_squad_entry *e, const sl_squad_club *c) {
  fprintf(f, "minutes %.0f of %.0f (%.1f%%), starts %.0f of %.0f (%.1f%%), ", e->minutes, c->team_minutes,
          100 * e->minutes_share, e->starts, c->team_matches, 100 * e->starts_share);
  if (isnan(e->minutes_per_start)) fputs("minutes per start -, ", f);
  else fprintf(f, "%.0f min per start, ", e->minutes_per_start);
  if (isnan(e->completed)) fputs("completed matches -", f); /* never "nan" */
  else fprintf(f, "%.0f completed (%.1f%%)", e->completed, 100 * e->completed_share);
}

static void detail_impact(FILE *f, const sl_squad_entry *e, const sl_squad_options *o) {
  if (isnan(e->effective_minutes)) return;
  fprintf(f, "effective minutes %.0f (on x off / team); ", e->effective_minutes);
  if (!isnan(e->on_off))
    fprintf(f, "goal on-off %+.2f -> %+.3f (x%.3f); ", e->on_off, e->on_off_shrunk,
            e->effective_minutes / (e->effective_minutes + o->k_on_off));
  if (!isnan(e->xg_on_off))
    fprintf(f, "xG on-off %+.2f -> %+.3f (x%.3f)", e->xg_on_off, e->xg_on_off_shrunk,
            e->effective_minutes / (e->effective_minutes + o->k_xg_on_off));
}

static void detail_replace(FILE *f, const sq_ctx *ctx, const sl_squad_entry *e, sl_format fmt) {
  fprintf(f, "%zu others with real minutes in %.0f slot(s) -> depth %.1f; next man up ", e->depth, e->group_slots,
          e->depth_score);
  if (e->next_man >= 0)
    fprintf(f, "%s (quality %.1f)", SL_CLI_SHOWN_AS(fmt, player_of(ctx, (size_t)e->next_man)->name), e->next_quality);
  else fprintf(f, "league median (%.0f)", e->next_quality);
  if (!isnan(e->gap_score)) fprintf(f, " -> gap %.1f", e->gap_score);
}

static void detail(FILE *f, sl_squad_component c, const sq_ctx *ctx, const sl_squad_options *o,
                   const sl_squad_entry *e, sl_format fmt) {
  const sl_squad_club *club = sl_squad_club_at(ctx->squad, e->club);
  switch (c) {
  case SL_SQUAD_AVAILABILITY: detail_availability(f, e, club); break;
  case SL_SQUAD_IMPACT: detail_impact(f, e, o); break;
  case SL_SQUAD_QUALITY:
    if (!isnan(e->quality_raw))
      fprintf(f, "compare quality %.1f -> %.1f (x%.3f toward 50)", e->quality_raw, e->quality,
              e->minutes / (e->minutes + o->k_quality));
    break;
  case SL_SQUAD_REPLACEABILITY: detail_replace(f, ctx, e, fmt); break;
  case SL_SQUAD_CONTRACT_AGE:
    if (isnan(e->age)) fputs("age n/a", f);
    else fprintf(f, "age %.0f -> %.1f", e->age, e->age_score);
    if (!isnan(e->years_left)) fprintf(f, "; %.1f years left -> %.1f", e->years_left, e->contract_score);
    break;
  default:
    if (!isnan(e->value_share)) {
      char buf[64];
      fprintf(f, "%s = %.1f%% of the squad's known value", sl_cli_money(e->value_eur, buf, sizeof buf),
              100 * e->value_share);
    }
  }
  if (e->note[c][0])
    fprintf(f, "%s[%s]", c == SL_SQUAD_IMPACT && isnan(e->effective_minutes) ? "" : " ", SL_CLI_SHOWN_AS(fmt, e->note[c]));
}

static int run_player(const sq_args *a, const sl_squad_options *o, const sq_ctx *ctx) {
  size_t i;
  sl_error err;
  if (sl_squad_find_player(ctx->squad, a->player, &i, &err)) {
    fprintf(stderr, "scoutlab squad: %s\n", SL_CLI_SHOWN(err.message));
    return sl_cli_exit_code(err.code);
  }
  const sl_squad_entry *e = sl_squad_entry_at(ctx->squad, i);
  const sl_squad_club *c = sl_squad_club_at(ctx->squad, e->club);
  const sl_player *p = player_of(ctx, i);
  if (a->format == SL_FMT_JSON) {
    fputc('{', stdout), sl_cli_json_schema(stdout, "squad");
    json_club(stdout, c, sl_workspace_seasons_of(ctx->ws)->stats_text);
    fputc(',', stdout);
    json_list(stdout, o, ctx, &i, 1);
    return draw_chart(a, ctx, e->club, &i, 1);
  }
  if (a->format == SL_FMT_CSV) {
    list_header(stdout, SL_FMT_CSV, 1);
    list_row(stdout, SL_FMT_CSV, ctx, e, e->rank_in_club, 1);
    return draw_chart(a, ctx, e->club, &i, 1);
  }
  int md = a->format == SL_FMT_MD;
  sl_format fmt = a->format;
  char age[16] = "n/a"; /* never nan */
  if (isfinite(p->age)) snprintf(age, sizeof age, "%.0f", p->age);
  printf("%s%s - %s, %s, %s (%s), age %s\n", md ? "## " : "", SL_CLI_SHOWN_AS(fmt, p->name), SL_CLI_SHOWN_AS(fmt, c->name),
         SL_CLI_SHOWN_AS(fmt, c->league), sl_group_name(p->group), sl_position_source_name(p->group_source), age);
  printf("%simportance %.1f / 100: rank %zu of %zu at %s; rank %zu of %zu %ss in %s\n\n", md ? "\n" : "", e->total,
         e->rank_in_club, c->n, SL_CLI_SHOWN_AS(fmt, c->name), e->rank_in_league_group, e->league_group_size,
         sl_group_name(p->group), SL_CLI_SHOWN_AS(fmt, c->league));
  char used[SL_SQUAD_COMPONENT_COUNT * 240];
  printf("%simportance %s\n\n", md ? "" : "", SL_CLI_SHOWN_AS(fmt, sl_squad_entry_inputs(e, used, sizeof used)));
  printf(md ? "| component | score | weight | inputs |\n|---|---:|---:|---|\n" : "%-15s %6s %6s  %s\n", "component",
         "score", "weight", "inputs");
  for (int k = 0; k < SL_SQUAD_COMPONENT_COUNT; k++) {
    printf(md ? "| %s | " : "%-15s ", sl_squad_component_name((sl_squad_component)k));
    num(stdout, e->score[k], 6, 1);
    fputs(md ? " | " : " ", stdout);
    num(stdout, e->weight[k], 6, 3);
    fputs(md ? " | " : "  ", stdout);
    detail(stdout, (sl_squad_component)k, ctx, o, e, fmt);
    fputs(md ? " |\n" : "\n", stdout);
  }
  printf("\n");
  print_weights(stdout, o, SL_FMT_TABLE);
  printf("(weights shown in the table are renormalised over the components present)\n");
  return draw_chart(a, ctx, e->club, &i, 1);
}

/* The command; with parse_only its argument parse alone (sl_command.parse), nothing read or written. */
static int squad_main(int argc, char **argv, int parse_only) {
  sq_args a;
  memset(&a, 0, sizeof a);
  int st = parse_args(argc, argv, &a);
  if (st != -1) return st;
  if (parse_only) return SL_EXIT_OK;
  if (a.chart && (st = sl_chart_check_cli(SL_CHART_SQUAD, &(sl_chart_output){.output = a.chart, .inputs = a.inputs.path,
                                                                             .ninputs = a.inputs.n})))
    return st;
  sq_ctx ctx;
  memset(&ctx, 0, sizeof ctx);
  sl_squad_options o;
  st = load_all(&a, &ctx, &o);
  if (!st && sl_cli_verbose()) print_accounting(stderr, &ctx);
  if (!st) st = a.player ? run_player(&a, &o, &ctx) : a.league ? run_league(&a, &o, &ctx) : run_club(&a, &o, &ctx);
  free_all(&ctx);
  return st;
}

int sl_cmd_squad(int argc, char **argv) { return squad_main(argc, argv, 0); }
int sl_cmd_squad_parse(int argc, char **argv) { return squad_main(argc, argv, 1); }
