/* compare.h - players side by side: per-90 values of season totals, role profiles (data, from
 * datasets/profiles.csv), percentile ranks against position peers, and similar players.
 *
 * An sl_compare is an index built once over a loaded stats table (FBref-style season totals):
 * rows of the same player (same normalised name and birth year) are combined into one player
 * unless per-club rows are asked for, every player gets a position group (goalkeeper, centre-back,
 * full-back, midfielder, winger/forward) from an override file, a Transfermarkt-style positions
 * file, or a documented rule, and queries (percentiles, quality, similar) then run in memory.
 * docs/compare.md documents the definitions (per-90, rates, percentile, inference rule, distance).
 *
 * Ownership: sl_compare and sl_profiles own their memory and are freed with sl_compare_free() /
 * sl_profiles_free(). The index borrows the tables it was built from: they must outlive it.
 * Pointers returned by accessors are borrowed and valid until the owning object is freed.
 *
 *   sl_compare *c = NULL; size_t i; sl_pool pool; sl_pool_default(&pool);
 *   if (sl_compare_new(stats, NULL, &c, &err) == SL_OK && sl_compare_find(c, "Balerdi", &i, &err) == SL_OK)
 *     sl_compare_quality(c, profiles, i, &pool, &quality, &err);  // one number, 0-100
 */
#ifndef SCOUTLAB_COMPARE_H
#define SCOUTLAB_COMPARE_H

#include <stddef.h>

#include "scoutlab/error.h"
#include "scoutlab/table.h"

#include "scoutlab/export.h"
SL_BEGIN_DECLS /* C linkage, exported; thread safety: see scoutlab/export.h */

/* The peer pool's default minutes threshold: ten full matches, below which per-90 rates are noise. */
#define SL_COMPARE_DEFAULT_MIN_MINUTES 900.0
/** Most minutes one stats row can hold (sl_compare_options.max_row_minutes overrides): the
 *  longest league season is 46 matches (English Championship, Leagues One and Two), 46 x 90 =
 *  4,140, plus room for providers that count stoppage time. A row above it is skipped. */
#define SL_COMPARE_MAX_ROW_MINUTES 5000.0
/* The default number of similar players returned. */
#define SL_COMPARE_DEFAULT_K 10
/* Most similar players one query returns: beyond it the list is the whole group, not a shortlist. */
#define SL_COMPARE_MAX_K 1000

/* ---- position groups ---------------------------------------------------------------------- */

typedef enum sl_group {
  SL_GROUP_UNKNOWN = 0,  /* no position at all (no Pos, no override, no positions-file match) */
  SL_GROUP_GOALKEEPER,   /* "goalkeeper" */
  SL_GROUP_CENTRE_BACK,  /* "centre-back" (TM CB, Sweeper) */
  SL_GROUP_FULL_BACK,    /* "full-back" (TM LB, RB, wing-backs) */
  SL_GROUP_MIDFIELDER,   /* "midfielder" (TM DM, CM, AM, LM, RM) */
  SL_GROUP_FORWARD,      /* "winger-forward" (TM LW, RW, CF, SS) */
  SL_GROUP_COUNT
} sl_group;

/** Where a player's position group came from (most trusted first). */
typedef enum sl_position_source {
  SL_POSSRC_NONE = 0,  /* unknown */
  SL_POSSRC_OVERRIDE,  /* the manual override file */
  SL_POSSRC_FILE,      /* a Transfermarkt-style positions file, joined by name and birth year */
  SL_POSSRC_INFERRED,  /* FBref "DF" split into centre-/full-back by the crosses rule (docs/compare.md) */
  SL_POSSRC_FBREF      /* FBref's own GK/MF/FW, which needs no split */
} sl_position_source;

/** Canonical group name ("centre-back"), "unknown" for SL_GROUP_UNKNOWN. Static storage. */
const char *sl_group_name(sl_group g);

/** Parses a group or profile name or its short form: "centre-back"/"cb", "full-back"/"fb",
 *  "goalkeeper"/"gk", "midfielder"/"mf", "winger-forward"/"forward"/"fw"/"winger". Returns
 *  SL_GROUP_UNKNOWN when the text names none. */
sl_group sl_group_parse(const char *text);

/** Short name of a position source ("override", "positions file", "inferred", "FBref", "none"). */
const char *sl_position_source_name(sl_position_source s);

/* ---- role profiles (data) ------------------------------------------------------------------ */

typedef enum sl_stat_kind {
  SL_STAT_PER90 = 0, /* season total divided by minutes/90 */
  SL_STAT_RATE,      /* a percentage: recomputed from its parts when given, never divided by 90 */
  SL_STAT_RAW,       /* used as given (an average such as AvgLen); minutes-weighted when rows combine */
  SL_STAT_TOTAL      /* season total, summed over clubs, not divided */
} sl_stat_kind;

typedef enum sl_better {
  SL_BETTER_HIGHER = 0, /* higher values rank higher */
  SL_BETTER_LOWER,      /* errors, dispossessed: the percentile is inverted */
  SL_BETTER_NEUTRAL     /* a style marker (Launch%): ranked as higher, left out of quality */
} sl_better;

/** The profiles file's word for a kind ("per90", "rate", "raw", "total") or a direction
 *  ("higher", "lower", "neutral"); "unknown" out of range. Static storage. */
const char *sl_stat_kind_name(sl_stat_kind k);
const char *sl_better_name(sl_better b);

typedef struct sl_profile_stat {
  char *label;        /* "Aerial win %" */
  char *stat_group;   /* "defending", "passing", ... (for display) */
  char **columns;     /* header aliases tried in order; the first present in the table is used */
  size_t ncolumns;
  sl_stat_kind kind;
  sl_better better;
  double weight;      /* weight in the quality score and the similarity distance (default 1) */
  char *numerator;    /* SL_STAT_RATE parts as written ("Won"), NULL when none */
  char *denominator;  /* e.g. "Won + Lost_stats_misc"; terms joined by " + " or " - " */
} sl_profile_stat;

typedef struct sl_profile {
  char *role;               /* "centre-back" as in the file */
  sl_group peers;           /* group the role names; SL_GROUP_UNKNOWN = each player's own group */
  sl_profile_stat *stats;
  size_t nstats;
} sl_profile;

typedef struct sl_profiles {
  sl_profile *items;
  size_t n;
} sl_profiles;

/** Loads a profiles file (format in docs/compare.md: role,stat,columns,kind,better,
 *  group,numerator,denominator[,weight]). Returns SL_OK and sets *out (caller frees with
 *  sl_profiles_free()); on a bad row returns SL_EPARSE naming file, line and the expected values. */
int sl_profiles_load(const char *path, sl_profiles **out, sl_error *err);

/** As sl_profiles_load, from bytes in memory; name is used in messages. */
int sl_profiles_parse(const char *name, const char *data, size_t len, sl_profiles **out, sl_error *err);

/** Frees profiles; NULL does nothing. */
void sl_profiles_free(sl_profiles *p);

/** The profile named role (case-insensitive, short forms as sl_group_parse), or NULL. Borrowed. */
const sl_profile *sl_profiles_find(const sl_profiles *p, const char *role);

/** Why sl_profiles_find found no profile for role, into buf: 'no profile "centreback" in the
 *  profiles file; did you mean centre-back? (profiles: centre-back, full-back, ...)'. Returns buf. */
const char *sl_profiles_not_found(const sl_profiles *p, const char *role, char *buf, size_t size);

/** The first profile whose role names group g, or NULL. Borrowed. */
const sl_profile *sl_profiles_for_group(const sl_profiles *p, sl_group g);

typedef struct sl_compare sl_compare;

/** A profile of the stats a user names, for compare, percentiles, similar and charts:
 *  "TklW, Int, Aerial win %, PrgP:raw, Err:low". Each name is, in this order, a number column
 *  of the index's stats table as written, a stat label of `profiles` (may be NULL; its
 *  definition, rate parts and aliases are copied), a column role ("minutes", "age"), or a
 *  column in another case. A column of counts is per 90 (one already per 90 is used as given),
 *  a '%' column a rate, another ratio as is, minutes/matches as totals, age as is; ":per90", ":raw" (as is), ":total" force the kind,
 *  ":low" makes lower better. Peers of the profile: `peers` (e.g. the first player's group).
 *  Returns SL_OK and *out with one profile, role "chosen" (caller frees with
 *  sl_profiles_free()); SL_EUNKNOWN (field "stats") for a name that is none of these, with
 *  "did you mean" among the number columns and profile labels; SL_EINVAL for an empty list. */
int sl_compare_stats_parse(const sl_compare *c, const sl_profiles *profiles, const char *list, sl_group peers,
                           sl_profiles **out, sl_error *err);

/* ---- totals or per 90: column by column ----------------------------------------------------- */

typedef enum sl_column_scale {
  SL_SCALE_NONE = 0, /* not a stat: text, name, minutes, age, season... */
  SL_SCALE_TOTAL,    /* a season total: divided by 90s for a per-90 value */
  SL_SCALE_PER90,    /* already per 90 (header "Sh/90", "SCA90", or values that are rates): as is */
  SL_SCALE_RATIO     /* a share or ratio by its header ('%', G/Sh): as is */
} sl_column_scale;

/** What sl_compare_column_scales found. */
typedef struct sl_per90_report {
  size_t stat_columns;  /* number columns that are stats */
  size_t per90_columns; /* of them already per 90 */
  size_t by_header;     /* of per90_columns: named so (Sh/90, SCA90) rather than found in the data */
  size_t ratio_columns; /* of stat_columns: '%' or '/' in the header */
  int whole_file;       /* 1: most count columns are per 90, the file is a per-90 export */
  char examples[200];   /* the per-90 columns, ", "-joined, cut with "..." */
} sl_per90_report;

/** Classifies every column of t (scales has t->ncols entries): a column is per 90 when its header
 *  says so or when its values are mostly not whole numbers and do not grow with the rows' 90s
 *  (method in docs/compare.md). rep may be NULL. SL_OK, SL_EINVAL, SL_ENOMEM. The index does this
 *  itself; `check` calls it to tell the user. */
int sl_compare_column_scales(const sl_table *t, sl_column_scale *scales, sl_per90_report *rep, sl_error *err);

/** "total", "per 90", "ratio", "not a stat". Static storage. */
const char *sl_column_scale_name(sl_column_scale s);

/** What the index found about per-90 columns of its stats table. Borrowed. */
const sl_per90_report *sl_compare_per90(const sl_compare *c);

/* ---- the player index ---------------------------------------------------------------------- */

typedef struct sl_player {
  char *name;          /* as in the stats file */
  char *name_norm;     /* sl_name_normalise(name) */
  char *clubs;         /* "Bournemouth, Valencia" in file order */
  char *club;          /* current club: that of the latest season's row, then of the latest date
                          when the table has one, else the row with the most minutes */
  char *league;        /* league with most minutes, country prefix removed: "Ligue 1" */
  char *leagues;       /* every league played in, ", "-joined */
  char *fbref_pos;     /* Pos of the row with most minutes ("DF,MF") */
  char sub_position[12]; /* "CB", "RB"... from override/positions file; "" when none */
  sl_group group;
  sl_position_source group_source;
  char position_note[96]; /* why the group is what it is ("no match in positions file") */
  double age;          /* years, FBref Age (max over rows); NAN when missing */
  double born;         /* birth year; NAN when missing */
  double minutes;      /* summed over rows */
  double nineties;     /* minutes / 90 (the 90s column only when minutes are missing) */
  double market_value; /* EUR, from the values table; NAN when unknown */
  int market_value_season; /* the season that value is of (its row's season column, file or
                              folder name: sl_table_row_season); 0 unknown */
  size_t *rows;        /* indices of the stats-table rows combined into this player */
  size_t nrows;
  int season;          /* multi-season table: first year of this entry's season (one entry per
                          player and season); 0 for a one-season table or pooled seasons */
  char seasons[24];    /* "2020/21", "2023/24-2024/25" when pooled; "" for a one-season table */
} sl_player;

typedef struct sl_compare_skip {
  long line;           /* 1-based line in the stats file */
  const char *reason;  /* "no player name", "Min -90 is negative...": borrowed from the index */
  int invalid;         /* 1: an impossible value or a duplicate row (counted in rows_invalid) */
  uint32_t file;       /* index into the stats table's files */
} sl_compare_skip;

/** What building the index did with every row and every position: read = used + skipped. */
typedef struct sl_compare_report {
  size_t rows_read;          /* data rows the loader saw (table rows_read) */
  size_t rows_skipped_load;  /* rows the loader rejected (table nskipped) */
  size_t rows_used;          /* rows folded into a player */
  size_t rows_skipped;       /* rows this module dropped, listed in skipped[] */
  const sl_compare_skip *skipped;
  size_t players;            /* entries in the index */
  size_t players_multi_club; /* players combined from more than one row */
  size_t players_same_name;  /* rows of one name and birth year kept apart: two people (their
                                league matches add up to more than one player's season) */
  size_t by_source[SL_POSSRC_FBREF + 1]; /* players per position source */
  size_t positions_unmatched;   /* players not found in the positions file (when one was given) */
  size_t positions_born_mismatch; /* name found, birth year differs by more than one year */
  size_t positions_conflict;    /* positions-file group incompatible with FBref Pos: not used */
  size_t positions_stale;       /* positions-file CB/FB seasons older than the stats and
                                   contradicted by them: the stats' split used instead */
  size_t overrides_unused;      /* override rows that matched no player */
  size_t values_matched;        /* players that got a market value */
  size_t rows_invalid;          /* of rows_skipped: impossible minutes or a duplicate row (a
                                   user should be told even without --verbose) */
  size_t percent_out_of_range;  /* cells of '%' columns outside 0-100 in used rows: such a rate
                                   is treated as missing wherever a profile uses it */
  char percent_example[160];    /* the first of them ("stats.csv:5: CS% 200"), "" when none */
  size_t values_other_currency; /* values cells in another currency than euros ("£9.00m"): not
                                   read, no rate being guessed (sl_table_euros) */
} sl_compare_report;

typedef struct sl_compare_options {
  int per_club;                /* 1: one entry per stats row instead of one per player */
  const sl_table *positions;   /* optional TM-style table: name, position/short_pos, age+season or born */
  const sl_table *overrides;   /* optional: player, born (optional), sub_position */
  const sl_table *values;      /* optional: player name, market value (MONEY) */
  double max_row_minutes;      /* rows with more minutes are skipped; 0 = SL_COMPARE_MAX_ROW_MINUTES */
  int pool_seasons;            /* a table of several seasons (a season column): 0 = one entry per
                                  player and season, ranked against that season's peers; 1 = the
                                  seasons pooled into one entry, minute-weighted (per 90 = sum of
                                  totals / sum of minutes), as FBref's "last 365 days" */
} sl_compare_options;


/** Builds the index over a stats table (borrowed; it must outlive the index). opt may be NULL.
 *  Returns SL_OK and sets *out (caller frees with sl_compare_free()); SL_ENOTFOUND when the
 *  table lacks a player or minutes column. */
int sl_compare_new(const sl_table *stats, const sl_compare_options *opt, sl_compare **out,
                   sl_error *err);

/** Frees the index; NULL does nothing. */
void sl_compare_free(sl_compare *c);

/** Number of players in the index. */
size_t sl_compare_count(const sl_compare *c);

/** Player i (0 <= i < count). Borrowed. */
const sl_player *sl_compare_player(const sl_compare *c, size_t i);
/** Every league he played in, for display beside his clubs ("Serie A, Ligue 1" for a January
 *  mover), else his main league when the data name none. Borrowed from p. */
const char *sl_compare_player_leagues(const sl_player *p);

/** The player a stats-table row was folded into, or -1 when the row was skipped. */
long sl_compare_player_of_row(const sl_compare *c, size_t row);

/** What the index did with every row and position. Borrowed. */
const sl_compare_report *sl_compare_summary(const sl_compare *c);

/** Finds a player by a name as typed ("balerdi", "Leonardo Balerdi", "Max Aarons (Valencia)":
 *  a club in parentheses narrows the search, a birth year "(1999)" or a season "(2022/23)" too;
 *  one player in several seasons of a multi-season index is his latest season unless named). Returns SL_OK and *index; SL_ENOTFOUND with
 *  "no player 'X'; did you mean: A, B, C"; SL_EINVAL when several players match equally well,
 *  listing them ("... (Club, born 1999)") and asking for a more precise name. */
int sl_compare_find(const sl_compare *c, const char *query, size_t *index, sl_error *err);

/** Players found for names[0..n) (idx[k] for names[k]) must be different entries: two names of
 *  one entry (a January mover's "X (Napoli)" and "X (Paris S-G)", whose season's clubs are one
 *  entry) are SL_EINVAL naming both and the player, field "per_club" when his entry combines
 *  several club rows (one entry per club row compares them apart). SL_OK otherwise. */
int sl_compare_distinct(const sl_compare *c, const char *const *names, const size_t *idx, size_t n, sl_error *err);

/** The entries of player i (same name and birth year) in every season of a multi-season index,
 *  oldest first, into out (room for max); returns how many (1 for a one-season index). */
size_t sl_compare_player_seasons(const sl_compare *c, size_t i, size_t *out, size_t max);

/* ---- pools, values and percentiles -------------------------------------------------------- */

typedef enum sl_pool_kind {
  SL_POOL_LEAGUE = 0, /* peers from the player's own (main) league */
  SL_POOL_ALL,        /* every league in the file */
  SL_POOL_LIST,       /* the leagues named in `leagues` */
  SL_POOL_BIG5,       /* the Big-5 leagues (Premier League, La Liga, Serie A, Bundesliga, Ligue 1) */
  SL_POOL_SHARED      /* one pool for every player of a table: the Big-5 when the index holds a
                         Big-5 league (FBref's scouting-report peers), else every league present */
} sl_pool_kind;

typedef struct sl_pool {
  sl_pool_kind kind;
  const char *leagues;  /* SL_POOL_LIST: "Ligue 1,Serie A" (country prefixes and case ignored); borrowed */
  double min_minutes;   /* pool members need at least this many minutes */
  int season;           /* multi-season index: members of this season only; 0 = the queried
                           player's own season (percentiles, quality, similar set it) */
} sl_pool;

/** Sets *p to the per-league pool (SL_POOL_LEAGUE, SL_COMPARE_DEFAULT_MIN_MINUTES): squad
 *  importance ranks a player among his own league's peers. */
void sl_pool_default(sl_pool *p);

/** Sets *p to one pool for every player of a table (SL_POOL_SHARED, SL_COMPARE_DEFAULT_MIN_MINUTES):
 *  the default of compare, percentiles and similar. */
void sl_pool_shared(sl_pool *p);

/** Parses "league", "big5" (or "big-5", "big 5"), "all", "shared" or a comma-separated list of
 *  leagues into p->kind / p->leagues (borrows text). Returns SL_OK or SL_EINVAL for an empty
 *  text. A list is checked against the data with sl_compare_leagues_check(). */
int sl_pool_parse(const char *text, sl_pool *p, sl_error *err);

/** 1 when `league` is one of the comma-separated list, with country prefixes ("fr Ligue 1"),
 *  case and accents ignored; 0 otherwise (also for NULL). */
int sl_compare_league_in_list(const char *league, const char *list);

/** Checks that every league of a comma-separated list is a league of the index (country
 *  prefixes, case and accents ignored). SL_OK, or SL_EUNKNOWN (field "league") naming the first unknown league
 *  with "did you mean" and the leagues present. NULL or empty list: SL_OK. */
int sl_compare_leagues_check(const sl_compare *c, const char *list, sl_error *err);

/** Text of a pool for output: "Big 5 (Bundesliga, La Liga, Ligue 1, Premier League, Serie A)",
 *  "all leagues (...)", the list, or `ref_league` for SL_POOL_LEAGUE. Writes buf, returns it. */
const char *sl_compare_pool_text(const sl_compare *c, const sl_pool *pool, const char *ref_league,
                                 char *buf, size_t size);

/** True when player i is a pool member for a query about a player of league `ref_league`
 *  in group g (group, minutes and league all checked). */
int sl_compare_in_pool(const sl_compare *c, size_t i, sl_group g, const sl_pool *pool,
                       const char *ref_league);

/** One stat of one player against the pool. */
typedef struct sl_stat_value {
  double value;      /* per-90 / rate (0-100) / raw / total; NAN when the player lacks it */
  double percentile; /* mid-rank percentile 0-100 against the pool (docs/compare.md); NAN when none */
  size_t peers;      /* pool members with a value for this stat (the n of the percentile) */
  double attempts;   /* a rate's denominator for him (penalties faced, take-ons tried); NAN for
                        other stats */
  int few;           /* 1: a rate of fewer than SL_RATE_FEW_ATTEMPTS attempts: ranked, but noise */
} sl_stat_value;

/** A rate from fewer attempts than this is marked (Maignan's penalty save % of 2024/25, p86,
 *  is one save in two penalties). */
#define SL_RATE_FEW_ATTEMPTS 5

/** The pool a percentile query used. */
typedef struct sl_pool_info {
  sl_group group;     /* peers' position group */
  size_t size;        /* pool members (group, league, minutes) */
  int player_in_pool; /* 0 when the player is below the minutes threshold or outside the leagues */
  int other_group;    /* 1: he is not of the peers' group (a centre-back ranked among forwards) */
  int small_sample;   /* 1: the player has fewer minutes than the pool's minimum: his values are
                         given, his percentiles withheld (NAN), as a per-90 over a few matches is noise */
  int below_default;  /* 1: ranked although under SL_COMPARE_DEFAULT_MIN_MINUTES, because the
                         caller lowered the threshold: a percentile to read with care */
  char leagues[160];  /* "Ligue 1", "Big 5 (...)", "all leagues (...)", or the list */
} sl_pool_info;

/** The profile used for player i when none is named: the one for his group, or NULL. */
const sl_profile *sl_compare_default_profile(const sl_compare *c, const sl_profiles *profiles,
                                             size_t i);

/** The profile compare, percentiles, similar and their charts use for players whose first is
 *  player `first`: a profile of the stats named in `stats_list` (sl_compare_stats_parse; its peers
 *  the group of the profile named `role` when one is, else his group), else the profile named
 *  `role` (sl_profiles_find), else his group's (sl_compare_default_profile). role and stats_list
 *  may be NULL. Returns SL_OK and *pr, borrowed from `profiles` or from *owned; *owned is NULL,
 *  or the stats_list's profile, which the caller frees with sl_profiles_free() after *pr's last
 *  use. SL_EUNKNOWN (field "profile") for a role that is no profile, with "did you mean"; the
 *  failures of sl_compare_stats_parse (field "stats" set for every one of them); SL_EDATA
 *  (field "profile") when his group has no profile: "no profile for NAME (position GROUP: why)". */
int sl_compare_profile_choose(const sl_compare *c, const sl_profiles *profiles, size_t first, const char *role,
                              const char *stats_list, const sl_profile **pr, sl_profiles **owned, sl_error *err);

/** A player's mean percentile over a profile, as compare and percentiles report it: the
 *  weighted mean (sl_profile_stat.weight) of v[s].percentile over the stats that are not neutral
 *  and have a percentile; v has profile->nstats entries. NAN when none has. */
double sl_compare_mean_percentile(const sl_profile *profile, const sl_stat_value *v);

/** The position group player i is ranked and matched among for `profile`: the group the profile
 *  names, else his own (SL_GROUP_UNKNOWN when neither is known, or i is out of range). */
sl_group sl_compare_peer_group(const sl_compare *c, size_t i, const sl_profile *profile);

/** The profile's values for player i, without percentiles: out has profile->nstats entries.
 *  Returns SL_OK (missing values are NAN, not errors). */
int sl_compare_values(const sl_compare *c, size_t i, const sl_profile *profile, double *out,
                      sl_error *err);

/** Per-stat values and percentiles of player i for `profile` against `pool`. Peers are the
 *  profile's group (or the player's own group for a profile that names none). out has
 *  profile->nstats entries; info may be NULL. SL_EDATA when the player has no known group and
 *  the profile names none. */
int sl_compare_percentiles(const sl_compare *c, size_t i, const sl_profile *profile,
                           const sl_pool *pool, sl_stat_value *out, sl_pool_info *info,
                           sl_error *err);

/** Percentile of `value` among `n` pool values (NANs ignored), mid-rank definition:
 *  100 * (worse + 0.5 * equal) / m, m = non-NAN values; `worse` counts smaller values, or larger
 *  ones when lower_is_better. NAN when m == 0. Pure; exposed for tests and other modules. */
double sl_percentile_midrank(const double *pool, size_t n, double value, int lower_is_better);

/** A stat's value as every table and chart writes it, in the C locale: per 90 to two decimals
 *  ("1.44"; one from 10, "94.3", none from 1000, "1580"), a rate to one with its sign ("66.1%"), a season total whole ("1580"), anything else
 *  to one decimal; "n/a" when not finite. Returns buf. */
const char *sl_stat_value_text(const sl_profile_stat *s, double v, char *buf, size_t size);

/** One number for player i: the weighted mean of his percentiles over the non-neutral stats of
 *  his group's profile, against `pool` (0-100, NAN when he has no group or no stat). For
 *  squad-level use, so a player under the pool's minimum minutes is ranked too (where
 *  sl_compare_percentiles withholds his percentiles: the squad shrinks a short sample toward
 *  the median instead); `profiles` picks the profile as sl_compare_default_profile. */
int sl_compare_quality(const sl_compare *c, const sl_profiles *profiles, size_t i,
                       const sl_pool *pool, double *quality, sl_error *err);

/** sl_compare_quality for every player at once (out has sl_compare_count() entries), sharing
 *  the per-profile value matrices: the way to score a whole squad or league. Each pool's values
 *  are sorted once and each percentile found by binary search (the same numbers as
 *  sl_percentile_midrank), so the time is O(n log n) in the players, not O(n x pool). */
int sl_compare_quality_all(const sl_compare *c, const sl_profiles *profiles, const sl_pool *pool,
                           double *out, sl_error *err);

/* ---- similar players ------------------------------------------------------------------------ */

typedef enum sl_similar_metric {
  SL_SIMILAR_EUCLIDEAN = 0, /* RMS distance of z-scores: level and style (default) */
  SL_SIMILAR_COSINE         /* 1 - cosine of z-score vectors: style only, ignores level */
} sl_similar_metric;

typedef struct sl_similar_options {
  size_t k;               /* how many to return; 0 = SL_COMPARE_DEFAULT_K */
  double max_age;         /* NAN = no limit */
  double max_value;       /* EUR; NAN = no limit (players without a known value then excluded) */
  const char *leagues;    /* candidates' leagues, "Ligue 1,Serie A"; NULL = all */
  double min_minutes;     /* candidates and z-score population need this many minutes */
  sl_similar_metric metric;
  const sl_pool *pool;    /* z-score population and candidates (its kind and leagues; minutes come
                             from min_minutes); NULL = every league */
  double min_age;         /* 0 = no limit (so that a zero-initialised struct filters nothing new) */
  double candidate_min_minutes; /* candidates (not the population) need this many; 0 = min_minutes */
  const double *fair_fee; /* EUR per player of the index (sl_compare_count entries, NAN = no fee),
                             e.g. a fee model's median for each; NULL = no fee filter. Borrowed. */
  double max_fee;         /* EUR; NAN = no limit (needs fair_fee; players without one excluded) */
} sl_similar_options;

/** Sets defaults: k 10, no age/value/league/fee filter, 900 minutes, Euclidean, every league. */
void sl_similar_default(sl_similar_options *o);

typedef struct sl_similar_hit {
  size_t player;     /* index into the sl_compare */
  double distance;   /* RMS z-distance (Euclidean) or 1 - cosine */
  size_t shared;     /* stats both players have (the distance's dimension) */
} sl_similar_hit;

typedef struct sl_similar_info {
  sl_group group;          /* the group searched */
  size_t population;       /* players the z-scores were computed over (group, minutes) */
  size_t candidates;       /* players passing every filter */
  size_t excluded_age, excluded_value, excluded_no_value, excluded_league;
  size_t excluded_minutes;  /* below candidate_min_minutes */
  size_t excluded_fee, excluded_no_fee; /* fair fee above max_fee / no fair fee */
} sl_similar_info;

/** Up to opt->k nearest players to player i in `profile`'s z-scored stat space, nearest first,
 *  restricted to the profile's group (or i's group). hits has room for opt->k entries; *nhits
 *  says how many were written. info may be NULL. */
int sl_compare_similar(const sl_compare *c, size_t i, const sl_profile *profile,
                       const sl_similar_options *opt, sl_similar_hit *hits, size_t *nhits,
                       sl_similar_info *info, sl_error *err);

SL_END_DECLS

#endif
