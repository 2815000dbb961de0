/* cmd_compare.h - what scoutlab compare, percentiles and similar share: options, loading the
 * stats/positions/values/profiles files into an sl_compare, and the per-stat printers. */
#ifndef SCOUTLAB_CMD_COMPARE_H
#define SCOUTLAB_CMD_COMPARE_H

#include <stdio.h>

#include "cli.h"
#include "scoutlab/compare.h"
#include "scoutlab/workspace.h"

#define SL_CMP_MAX_FILES 16 /* --stats/--positions/--values given more than this is a typo */

typedef struct sl_cmp_args {
  const char *cmd;
  const char *stats[SL_CMP_MAX_FILES];
  size_t nstats;
  const char *positions[SL_CMP_MAX_FILES];
  size_t npositions;
  const char *values[SL_CMP_MAX_FILES];
  size_t nvalues;
  const char *contracts[SL_CMP_MAX_FILES]; /* similar --model: contract expiry for the fair fees */
  size_t ncontracts;
  const char *overrides;  /* NULL = datasets/positions-override.csv when present */
  int no_overrides;
  const char *profiles;   /* NULL = datasets/profiles.csv */
  const char *profile;    /* --profile */
  const char *stats_list; /* --stats-list: the stats to show instead of a profile */
  const char *season;     /* --season: which season of a multi-season stats file */
  int seasons_first, seasons_last; /* --seasons 2020-2024: first years; 0 = not given */
  int pool_seasons;       /* --pool-seasons: those seasons pooled minute-weighted */
  sl_pool pool;
  int per_club, verbose;
  sl_format format;
  const char *names[64];
  size_t nnames;
  /* similar */
  size_t k;
  double max_age, max_value;
  double min_age, candidate_minutes, max_fee; /* similar: 0 / NAN = no limit */
  const char *model;      /* similar --model: a fee model for --max-fee */
  const char *performance_model; /* similar --performance-model: values those without a market value */
  const char *leagues;
  sl_similar_metric metric;
  const char *chart;      /* compare --chart FILE: also draw a radar */
} sl_cmp_args;

/* What the comparison commands read: one workspace (the season rule, the identity rule, the
 * pool's files) and its parts, borrowed from it. */
typedef struct sl_cmp_ctx {
  sl_workspace *ws;
  const sl_table *stats, *positions, *values, *overrides;
  const sl_profiles *profiles;
  const sl_compare *index;
} sl_cmp_ctx;

/** Parses the shared options; names collected as positionals. Returns -1 when all is well, or
 *  an exit status to return. `extra` (may be NULL) handles command-specific options: it returns
 *  -1 when it took argv[*i] (advancing *i past a value), 0 when the option is not its, or an
 *  exit status after printing a usage error. */
int sl_cmp_parse(int argc, char **argv, sl_cmp_args *a,
                 int (*extra)(int argc, char **argv, int *i, sl_cmp_args *a));

/** The whole of a one-player command (percentiles, similar): parse with `extra`, check that one
 *  name was given, load, find him, call run, free. Returns an exit status. run NULL: the parse
 *  and the check alone (sl_command.parse), SL_EXIT_OK when the command would go on. */
int sl_cmp_one_player(int argc, char **argv, int (*extra)(int argc, char **argv, int *i, sl_cmp_args *a),
                      int (*run)(const sl_cmp_args *a, const sl_cmp_ctx *ctx, size_t player));

/** Builds the workspace over the files (include/scoutlab/workspace.h); returns 0 or an exit
 *  status (message printed). */
int sl_cmp_load(const sl_cmp_args *a, sl_cmp_ctx *ctx);

void sl_cmp_free(sl_cmp_ctx *ctx);

/** Finds every name; returns 0 or an exit status (message printed). */
int sl_cmp_find_all(const sl_cmp_args *a, const sl_cmp_ctx *ctx, size_t *idx);

/** Row accounting and position sources to stderr (--verbose). */
void sl_cmp_print_accounting(const sl_cmp_ctx *ctx, FILE *f);

/** JSON object members "rows" and "positions" (no braces), for JSON output. */
void sl_cmp_json_accounting(const sl_cmp_ctx *ctx, FILE *f);

/** The profile to use for players whose first is `first`: --stats-list (built into *owned, which
 *  the caller frees with sl_profiles_free), --profile, or the first player's group. Sets *pr;
 *  returns 0, or an exit status after printing why. */
int sl_cmp_profile(const sl_cmp_args *a, const sl_cmp_ctx *ctx, size_t first, const sl_profile **pr,
                   sl_profiles **owned);

/** Prints a side-by-side report of players idx[0..n) in the chosen format; 0 or exit status. */
int sl_cmp_report(const sl_cmp_args *a, const sl_cmp_ctx *ctx, const size_t *idx, size_t n,
                  int with_bars);

#endif
