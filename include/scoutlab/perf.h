/* perf.h - performance from a stats history: a player's terms of one season, and the join of
 * past transfers to the stats of the season before them, for the fee model's performance terms
 * (issue 15; docs/fee-model.md "Performance from a stats history").
 *
 * The terms of a player-season (the season's clubs combined, as sl_compare combines them):
 *   minutes share   his league minutes / his main club's league minutes (the club he played most
 *                   for; its minutes are its players' minutes / 11, so a season cut short, as
 *                   Ligue 1 2019/20 after 27-28 matches, counts the matches the club played);
 *   starts share    his starts / his main club's league matches (its minutes / 90);
 *   npxG+xAG per 90 and progressive passes + carries per 90, over at least
 *                   SL_PERF_MIN_NINETIES full matches (a rate of a few minutes is noise);
 *   club points per match: his main club's, the matches-weighted mean of its players' FBref
 *                   points per match (PointsPerMatch / PPM: each match counted once per player
 *                   who played in it); NAN without such a column.
 * The join: a transfer of season S (summer S, 2021 = 2021/22) is joined to the stats of S-1 by
 * normalised name (words in any order) and birth year (the stats' Born, else the season minus
 * Age; the transfer's season minus its age) within SL_PERF_BORN_TOLERANCE; when several players
 * fit, the one who played for the selling club is taken; when that does not decide, the deal is
 * counted as ambiguous and left out, never guessed.
 *
 * Ownership: an sl_perf_index is created here and freed with sl_perf_index_free(); one built on
 * a caller's table and index borrows them (they must outlive it), one loaded from files owns its
 * tables. Strings in sl_perf_terms are borrowed from the index. Nothing here prints.
 *
 *   sl_perf_index *ix = NULL; sl_perf_join_report rep;
 *   if (sl_perf_index_load(paths, n, NULL, &ix, &err) == SL_OK && sl_perf_join(ix, deals, &rep, &err) == SL_OK)
 *     opt.performance = 1;  // sl_fees_fit then learns from the joined deals, with the terms
 */
#ifndef SCOUTLAB_PERF_H
#define SCOUTLAB_PERF_H

#include <stddef.h>

#include "scoutlab/compare.h"
#include "scoutlab/error.h"
#include "scoutlab/fees.h"
#include "scoutlab/table.h"

#include "scoutlab/export.h"
SL_BEGIN_DECLS /* C linkage, exported; thread safety: see scoutlab/export.h */

/** Years a birth year may differ between the transfer (season minus age at the transfer: a
 *  summer deal before the birthday is one year off, a winter deal the other way) and the stats. */
#define SL_PERF_BORN_TOLERANCE 1
/** Per-90 rates are divided by at least this many 90s: five full matches, so that one goal
 *  in twenty minutes is not a 4.5-per-90 striker. */
#define SL_PERF_MIN_NINETIES 5.0
/** Players on the pitch: a club's players' minutes over 11 are its match minutes (a red card
 *  makes them about 0.3% less, measured on fbref-big5-yearly). */
#define SL_PERF_PLAYERS_ON_PITCH 11.0

/** The terms, as bits of sl_perf_index_terms(). */
typedef enum sl_perf_term {
  SL_PERF_MINUTES = 0,  /* minutes share */
  SL_PERF_STARTS,       /* starts share */
  SL_PERF_NPXG_XAG,     /* npxG + xAG per 90 */
  SL_PERF_PROGRESSIVE,  /* progressive passes + carries per 90 */
  SL_PERF_TEAM_POINTS,  /* his club's points per match */
  SL_PERF_TERM_COUNT
} sl_perf_term;

/** Name of a term ("minutes share", "npxG+xAG per 90"...); "" for an invalid one. */
const char *sl_perf_term_name(sl_perf_term term);

/** One player's terms of one season. Unknown values are NAN. */
typedef struct sl_perf_terms {
  int season;                /* first year of the stats season (2020 = 2020/21) */
  const char *name;          /* as the stats write it; borrowed from the index */
  const char *club;          /* his main club that season (most minutes); borrowed */
  double born;               /* birth year (Born, else season - Age) */
  double minutes;            /* league minutes, all his clubs of the season */
  double club_minutes;       /* his main club's league minutes (its players' minutes / 11) */
  double minutes_share;      /* minutes / club_minutes, at most 1 */
  double starts_share;       /* starts / (club_minutes / 90), at most 1 */
  double npxg_xag_per90;     /* (npxG + xAG) per 90 (see SL_PERF_MIN_NINETIES) */
  double progressive_per90;  /* (progressive passes + progressive carries) per 90 */
  double team_points;        /* his main club's league points per match, 0-3 */
  size_t entry;              /* his player-season's place in the index (sl_perf_column) */
} sl_perf_terms;

typedef struct sl_perf_index sl_perf_index;

/** Builds the index over a stats table of season totals (FBref columns: player, club, born or
 *  age, minutes, starts, npxG, xAG, PrgP, PrgC, and PointsPerMatch/PPM for the club's points).
 *  The seasons are the table's season column, else `season` (first year; 0 = unknown, the
 *  entries then have season 0). c (may be NULL) is an index already built over `stats` with one
 *  entry per player and season (not pooled, not per club); without it one is built and owned.
 *  Borrows stats and c. Returns SL_OK and *out (the caller frees it with sl_perf_index_free());
 *  SL_ENOTFOUND (naming the column) without a player or minutes column. */
int sl_perf_index_new(const sl_table *stats, const sl_compare *c, int season, sl_perf_index **out,
                      sl_error *err);

/** Loads stats and builds the index, owning the tables: one path that is a folder in the
 *  fbref-big5-yearly layout (root/standard/YEAR.csv) loads its standard and playing_time tables
 *  of every season, joined per season (sl_table_load_yearly); otherwise each path is one season's
 *  file (sl_table_load_season: its season column, else the season its name writes), SL_EINVAL
 *  for a file with neither. opt (may be NULL) are the loader's limits. */
int sl_perf_index_load(const char *const *paths, size_t npaths, const sl_load_options *opt,
                       sl_perf_index **out, sl_error *err);

/** Frees the index; NULL does nothing. */
void sl_perf_index_free(sl_perf_index *ix);

/** Player-seasons in the index. */
size_t sl_perf_index_count(const sl_perf_index *ix);

/** The first and last stats seasons of the index (0 when it has none). */
void sl_perf_index_seasons(const sl_perf_index *ix, int *first, int *last);

/** The terms the stats have columns for, as bits (1u << sl_perf_term). */
unsigned sl_perf_index_terms(const sl_perf_index *ix);

/** The terms of player `player` of the index's first table's sl_compare index (the one given
 *  to or built by sl_perf_index_new). SL_EINVAL when there is no such player. */
int sl_perf_terms_of(const sl_perf_index *ix, size_t player, sl_perf_terms *out, sl_error *err);

/** How a lookup ended. */
typedef enum sl_perf_match {
  SL_PERF_FOUND = 0,      /* one player: *out filled */
  SL_PERF_FOUND_BY_CLUB,  /* several players of that name and birth year, one of them at `club` */
  SL_PERF_NOT_FOUND,      /* no player of that name and birth year in that season */
  SL_PERF_AMBIGUOUS,      /* several, and the club does not single one out: left out */
  SL_PERF_NO_SEASON       /* the index has no stats of that season */
} sl_perf_match;

/** Finds a player's terms of `season`: the same normalised name (words in any order), a birth
 *  year within SL_PERF_BORN_TOLERANCE of `born`, and, among several, the one whose clubs of the
 *  season include `club` (any source's spelling; may be NULL). Fills *out for a match. */
sl_perf_match sl_perf_find(const sl_perf_index *ix, const char *name, double born, int season, const char *club,
                           sl_perf_terms *out);

/** What joining transfers to the stats did. joined + not_found + ambiguous + incomplete = in_range. */
typedef struct sl_perf_join_report {
  size_t deals;           /* deals looked at */
  size_t in_range;        /* deals whose season before is a season of the stats */
  size_t joined;          /* one player found, every term of the stats known: terms filled in */
  size_t joined_by_club;  /* of joined: several players of that name and birth year, the club decided */
  size_t joined_born_off; /* of joined: his birth year in the stats is not season - age (one off) */
  size_t not_found;       /* no player of that name and birth year in the season before */
  size_t ambiguous;       /* several players fit and the club did not decide: left out */
  size_t incomplete;      /* found, but a term the stats have is missing for him (an empty npxG) */
  double rate;            /* joined / in_range; NAN when none is in range */
  int first_season, last_season; /* stats seasons of the index */
  unsigned terms;         /* sl_perf_index_terms() */
  unsigned columns;       /* bit k: the deals' column term k (sl_fees_deals.column_names[k]),
                             absent from the transfers, was read from the stats */
} sl_perf_join_report;

/** A stats column of a player-season (t from sl_perf_find or sl_perf_terms_of): with one row that
 *  season the cell, with several (his clubs) the sum for a season total and the minutes-weighted
 *  mean for any other column (per 90, a share, an age). *out is NAN when a cell is missing.
 *  SL_ENOTFOUND when his season's table has no numeric column of that name. */
int sl_perf_column(const sl_perf_index *ix, const sl_perf_terms *t, const char *name, double *out);

/** 1 when a stats table of the index has a numeric column of that name, else 0. */
int sl_perf_index_has_column(const sl_perf_index *ix, const char *name);

/** Joins each deal of season S to the stats of season S-1 (sl_perf_find with born = S - age and
 *  the selling club) and writes the terms into the deal (minutes_share when the transfers gave
 *  none, starts_share, npxg_xag_per90, progressive_per90, team_points, stats_season); sets
 *  deals->has_performance. A declared column term the transfers lack (column(NAME)) is read from
 *  the stats the same way (sl_perf_column), a deal whose value is missing counted incomplete.
 *  Deals not joined keep stats_season 0. rep may be NULL. */
int sl_perf_join(const sl_perf_index *ix, sl_fees_deals *deals, sl_perf_join_report *rep, sl_error *err);

/** Copies the terms into a fee-model record (the fields above; stats_season = t->season). */
void sl_perf_apply(const sl_perf_terms *t, sl_fees_player *p);

SL_END_DECLS

#endif
