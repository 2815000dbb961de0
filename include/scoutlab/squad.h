/* squad.h - how much a club depends on each of its players: an importance score 0-100 from
 * documented components, each kept next to the total so that the score can be argued with.
 *
 * Components (docs/squad.md has every formula, constant and default weight with its reason):
 *   availability    share of the team's league minutes, starts share, minutes per start, completed matches
 *   impact          on-off goal and xG difference per 90, shrunk toward zero by m/(m+k)
 *   quality         sl_compare_quality against role peers, shrunk toward the median by m/(m+k)
 *   replaceability  cover in his position group at the club and the quality gap to the next man up
 *   contract_age    years left on the contract (when a contracts table is given), place on the age curve
 *   value_share     his share of the squad's value (when values are given: a table or a callback)
 * A component whose inputs are missing is left out and the weights of the others renormalised;
 * the entry says why (never counted as zero). Every scale is fixed or league-relative, so scores
 * of different clubs and leagues can be compared.
 *
 * Players who changed club have one entry per club: only the minutes for a club count toward it.
 * The squad builds its own per-club sl_compare index over the stats table.
 *
 * Ownership: sl_squad owns its memory and is freed with sl_squad_free(). It borrows the stats
 * table and every table or profile set named in the options: they must outlive it. Pointers
 * returned by accessors are borrowed and valid until the squad is freed.
 *
 *   sl_squad_options o; sl_squad_default(&o); o.profiles = profiles;
 *   sl_squad *s = NULL; size_t club;
 *   if (sl_squad_new(stats, &o, &s, &err) == SL_OK && sl_squad_find_club(s, "marseille", &club, &err) == SL_OK) ...
 */
#ifndef SCOUTLAB_SQUAD_H
#define SCOUTLAB_SQUAD_H

#include <stddef.h>

#include "scoutlab/compare.h"
#include "scoutlab/error.h"
#include "scoutlab/table.h"

#include "scoutlab/export.h"
SL_BEGIN_DECLS /* C linkage, exported; thread safety: see scoutlab/export.h */

typedef enum sl_squad_component {
  SL_SQUAD_AVAILABILITY = 0, /* "availability" */
  SL_SQUAD_IMPACT,           /* "impact" */
  SL_SQUAD_QUALITY,          /* "quality" */
  SL_SQUAD_REPLACEABILITY,   /* "replaceability" */
  SL_SQUAD_CONTRACT_AGE,     /* "contract_age" */
  SL_SQUAD_VALUE_SHARE,      /* "value_share" */
  SL_SQUAD_COMPONENT_COUNT
} sl_squad_component;

/* Default weights (relative; docs/squad.md justifies them). */
#define SL_SQUAD_W_AVAILABILITY 0.30   /* revealed preference of the coach: the most reliable input */
#define SL_SQUAD_W_IMPACT 0.10         /* one season of on-off is mostly noise even after shrinkage */
#define SL_SQUAD_W_QUALITY 0.25        /* how good he is at his job, against league peers */
#define SL_SQUAD_W_REPLACEABILITY 0.20 /* what losing him costs depends on who is behind him */
#define SL_SQUAD_W_CONTRACT_AGE 0.10   /* medium-term control: years left, prime years */
#define SL_SQUAD_W_VALUE_SHARE 0.05    /* mostly restates quality and age as money */

/* Shrinkage constants k in m/(m+k), minutes (derivations in docs/squad.md). */
#define SL_SQUAD_K_ON_OFF 30000.0    /* goals: noise 3.9 (goal diff per 90)^2, true spread <= 0.11 per 90 */
#define SL_SQUAD_K_XG_ON_OFF 12000.0 /* xG: noise 1.55 (xG diff per 90)^2, same true spread */
#define SL_SQUAD_K_QUALITY 450.0     /* half the compare pool threshold: 2/3 weight at 900 minutes */
/* "Real minutes" for depth: 15% of the team's minutes, about five full matches of a 34-match season. */
#define SL_SQUAD_REAL_MINUTES_SHARE 0.15

/** Per-player value in EUR (NAN when unknown), for the value_share component: the caller fills it
 *  from the fee model or anywhere else. `player` is an entry of sl_squad_index(). */
typedef double (*sl_squad_value_fn)(void *ctx, const sl_player *player);

typedef struct sl_squad_options {
  double weights[SL_SQUAD_COMPONENT_COUNT]; /* relative, >= 0; renormalised over the components present */
  const sl_profiles *profiles;  /* role profiles for quality; NULL leaves quality (and the gap) out */
  sl_pool pool;                 /* quality peers: default own league, 900 minutes */
  const sl_table *positions;    /* optional, as sl_compare_options */
  const sl_table *overrides;    /* optional, as sl_compare_options */
  const sl_table *values;       /* optional market values joined by name (sl_compare_options.values) */
  sl_squad_value_fn value_of;   /* optional; takes precedence over `values` */
  void *value_ctx;              /* passed to value_of */
  const sl_table *contracts;    /* optional: player name, contract_until (date or year) [, club] */
  int season;                   /* first year of the season (2024 for 2024/25); 0 = unknown */
  double real_minutes_share;    /* depth threshold, share of team minutes */
  double k_on_off, k_xg_on_off, k_quality; /* shrinkage constants, minutes */
} sl_squad_options;

/** Sets the defaults: SL_SQUAD_W_* weights, default pool, no optional tables, season 0,
 *  SL_SQUAD_REAL_MINUTES_SHARE and SL_SQUAD_K_*. */
void sl_squad_default(sl_squad_options *o);

/** Component name ("availability", ...); "" when out of range. Static storage. */
const char *sl_squad_component_name(sl_squad_component c);

/** Parses "quality=0.3,impact=0" into o->weights (names as sl_squad_component_name, unnamed
 *  components keep their weight). SL_EINVAL naming the bad item (unknown name, negative or
 *  non-numeric value, or every weight zero). */
int sl_squad_weights_parse(const char *text, sl_squad_options *o, sl_error *err);

/** Parses a season as typed into its first year (sl_season_parse: "2024", "2024-25",
 *  "2024/25", "2024/2025"...); 0 when the text is not a season. */
int sl_squad_season_parse(const char *text);

/** How the number of team matches of a club was found. */
typedef enum sl_team_matches_source {
  SL_TEAM_MATCHES_COLUMN = 0, /* a team_matches column */
  SL_TEAM_MATCHES_MIN_SHARE,  /* Min / (0.9 x Min%): FBref's share of the team's minutes */
  SL_TEAM_MATCHES_MAX_MP      /* the most matches any player of the club played (a lower bound) */
} sl_team_matches_source;

/** "team_matches column", "Min%", "max MP". Static storage. */
const char *sl_team_matches_source_name(sl_team_matches_source s);

typedef struct sl_squad_club {
  const char *name;          /* as in the stats file; borrowed */
  const char *league;        /* country prefix removed ("Ligue 1"); borrowed */
  double team_matches;       /* league matches the team played */
  sl_team_matches_source team_matches_source;
  double team_minutes;       /* team_matches x 90 */
  double minutes_total;      /* sum of its players' minutes for this club */
  double players_on_pitch;   /* minutes_total / team_minutes: 11 less red cards */
  size_t *ranked;            /* entry indices, most important first */
  size_t n;                  /* players (entries) */
  size_t values_known;       /* players with a value (value_share) */
  double value_total;        /* EUR, sum of the known values */
  int partial;               /* 1: players_on_pitch below SL_SQUAD_ON_PITCH_COMPLETE: rows of the
                                club are missing (a truncated or filtered file), so its ranks and
                                shares are of part of the squad */
} sl_squad_club;

/** Players on the pitch a complete squad's minutes add up to at least: 11, less red cards (a
 *  season's dismissals cost a club 0.1-0.4; Big-5 2024/25: 10.63 at the lowest, docs/squad.md). Below it the
 *  club's rows are incomplete. */
#define SL_SQUAD_ON_PITCH_COMPLETE 10.0

/** The sentence a club of too few minutes gets (report and commands alike); "" when it has
 *  enough. Returns buf. */
const char *sl_squad_partial_text(const sl_squad_club *c, char *buf, size_t size);

typedef struct sl_squad_entry {
  size_t player;             /* index into sl_squad_index() (same as the entry index) */
  size_t club;               /* index into the clubs */
  double total;              /* importance 0-100: weighted mean of the components present; NAN if none */
  double score[SL_SQUAD_COMPONENT_COUNT];  /* 0-100; NAN = left out */
  double weight[SL_SQUAD_COMPONENT_COUNT]; /* weight used (renormalised, sums to 1); 0 when left out */
  char note[SL_SQUAD_COMPONENT_COUNT][192]; /* why left out, or what a partial component lacked */
  /* availability */
  double minutes;            /* for this club */
  double minutes_share;      /* minutes / team minutes, 0-1 */
  double starts, starts_share;     /* starts / team matches */
  double minutes_per_start;  /* FBref Mn/Start; NAN without starts */
  double completed, completed_share; /* complete matches / team matches */
  /* impact (per 90, goal or xG difference; NAN when unknown) */
  double effective_minutes;  /* on x off / team minutes: the sample both halves of on-off share */
  double on_off, on_off_shrunk;
  double xg_on_off, xg_on_off_shrunk;
  /* quality */
  double quality_raw;        /* sl_compare_quality, 0-100 */
  double quality;            /* shrunk toward 50 */
  /* replaceability */
  size_t depth;              /* others of his group at the club with real minutes */
  double group_slots;        /* round(group minutes / team minutes), >= 1 */
  double depth_score;        /* 100 / (1 + cover), cover = depth - (slots - 1) >= 0 */
  long next_man;             /* entry index of the next man up, -1 when none */
  double next_quality;       /* his (shrunk) quality, or 50 (league median) when none */
  double gap_score;          /* (100 + quality - next_quality) / 2; NAN without quality */
  /* contract and age */
  double age, age_score;
  double years_left, contract_score; /* NAN without a contract */
  double contract_until;     /* expiry, days since 1970-01-01; NAN without a contract */
  /* value */
  double value_eur, value_share;     /* NAN when unknown */
  /* ranks (1-based) */
  size_t rank_in_club;
  size_t rank_in_league_group, league_group_size; /* among his group in his league */
} sl_squad_entry;

/** Which components an importance score used, for every output that prints one: "from
 *  availability, impact, quality, replaceability; left out: contract_age (no contract date),
 *  value_share (no market value)". Two outputs with the same text used the same inputs.
 *  Writes buf and returns it. */
const char *sl_squad_entry_inputs(const sl_squad_entry *e, char *buf, size_t size);

/** What was read and what could be computed. */
typedef struct sl_squad_report {
  size_t rows_read;          /* data rows the loader saw */
  size_t rows_used;          /* rows that became entries */
  size_t rows_skipped;       /* loader + index skips (sl_compare_summary lists them) */
  size_t clubs;
  int have_on_off;           /* the file has On-Off or +/- (goals) */
  int have_xg_on_off;        /* the file has On-Off_xG, xG+/- or xG+/-90 */
  size_t contracts_matched;  /* entries that got a contract date */
  size_t values_matched;     /* entries with a value */
  char notes[4][160];        /* components left out for every player, and why ("" unused) */
} sl_squad_report;

typedef struct sl_squad sl_squad;

/** Scores every per-club entry of the stats table. Returns SL_OK and sets *out (caller frees with
 *  sl_squad_free()); SL_ENOTFOUND when the table lacks player, club or minutes columns;
 *  SL_EINVAL for bad options (negative weights, all zero). */
int sl_squad_new(const sl_table *stats, const sl_squad_options *opt, sl_squad **out, sl_error *err);

/** Frees the squad; NULL does nothing. */
void sl_squad_free(sl_squad *s);

/** The per-club player index the entries refer to. Borrowed. */
const sl_compare *sl_squad_index(const sl_squad *s);

/** Number of entries (= sl_compare_count(sl_squad_index(s))). */
size_t sl_squad_count(const sl_squad *s);

/** Entry i. Borrowed. */
const sl_squad_entry *sl_squad_entry_at(const sl_squad *s, size_t i);

/** Number of clubs, and club k. Borrowed. */
size_t sl_squad_club_count(const sl_squad *s);
const sl_squad_club *sl_squad_club_at(const sl_squad *s, size_t k);

/** What was read and computed. Borrowed. */
const sl_squad_report *sl_squad_summary(const sl_squad *s);

/** Finds a club by a name as typed (accent-, case- and punctuation-insensitive; a unique whole-word
 *  match such as "inter" is accepted). SL_ENOTFOUND with "no club 'X'; did you mean: A, B, C". */
int sl_squad_find_club(const sl_squad *s, const char *query, size_t *club, sl_error *err);

/** Finds a player as sl_compare_find on the per-club index ("Max Aarons (Valencia)" picks a club). */
int sl_squad_find_player(const sl_squad *s, const char *query, size_t *entry, sl_error *err);

/** Finds a player of club k as typed: as sl_squad_find_player among the club's players ("Silva"
 *  is the club's one Silva however many the league has), else SL_ENOTFOUND with "X plays for Y,
 *  not Z" when the name is another club's player, or sl_compare_find's message. */
int sl_squad_find_in_club(const sl_squad *s, size_t club, const char *query, size_t *entry, sl_error *err);

/** The entries of a league (as typed: "Ligue 1", "fr Ligue 1", "ligue 1"), most important first,
 *  written to out (room for `max`); *n gets how many the league has (may exceed max).
 *  *league gets the league's name as stored (borrowed). SL_ENOTFOUND with a did-you-mean. */
int sl_squad_league_ranked(const sl_squad *s, const char *query, size_t *out, size_t max, size_t *n,
                           const char **league, sl_error *err);

SL_END_DECLS

#endif
