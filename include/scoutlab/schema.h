/* schema.h - column roles: one table of known column names (FBref, Transfermarkt-style,
 * worldfootballR, soccerdata, transfermarkt-datasets and scoutlab's own schema) so that modules
 * ask for "minutes" or "fee" rather than a header text, plus an explicit column mapping
 * (sl_schema_map) for exports whose names no alias table can know ("Plyaer", "Mins").
 * The alias table is documented in datasets/README.md. The alias table is static data; a
 * sl_schema_map is owned by its creator and released with sl_schema_map_free().
 *
 *   sl_role r = sl_schema_role_of("Min");  // SL_ROLE_MINUTES
 *   const char *n = sl_role_name(r);        // "minutes"
 *   sl_schema_map *m = sl_schema_map_new();
 *   if (sl_schema_map_add_spec(m, "player=Plyaer,minutes=Mins", &err) == SL_OK) opt.map = m;
 *   ... sl_table_load(path, &opt, &t, &err); ... sl_schema_map_free(m);
 */
#ifndef SCOUTLAB_SCHEMA_H
#define SCOUTLAB_SCHEMA_H

#include <stddef.h>

#include "scoutlab/error.h"
#include "scoutlab/export.h"

SL_BEGIN_DECLS /* C linkage, exported; thread safety: see scoutlab/export.h */

typedef enum sl_role {
  SL_ROLE_NONE = 0,
  SL_ROLE_PLAYER,           /* player name: Player, name, player */
  SL_ROLE_CLUB,             /* club of the row: Squad, club */
  SL_ROLE_LEAGUE,           /* competition: Comp, league */
  SL_ROLE_POSITION,         /* position as given: Pos (GK/DF/MF/FW), position (TM text) */
  SL_ROLE_SUB_POSITION,     /* detailed position code: short_pos (CB, RB...), sub_position */
  SL_ROLE_AGE,              /* age in years: Age, age */
  SL_ROLE_BORN,             /* birth year: Born, birth_year */
  SL_ROLE_BIRTH_DATE,       /* date of birth: date_of_birth, birth_date */
  SL_ROLE_NATION,           /* nationality: Nation, nationality */
  SL_ROLE_SEASON,           /* first year of the season: season */
  SL_ROLE_MATCHES,          /* matches played: MP, matches */
  SL_ROLE_STARTS,           /* starts: Starts, starts */
  SL_ROLE_MINUTES,          /* minutes played: Min, minutes */
  SL_ROLE_NINETIES,         /* minutes / 90: 90s */
  SL_ROLE_MARKET_VALUE,     /* EUR market value: market_value, value */
  SL_ROLE_FEE,              /* EUR transfer fee: fee */
  SL_ROLE_CONTRACT_UNTIL,   /* contract expiry date: contract_expiration_date, contract_until */
  SL_ROLE_WAGE,             /* EUR gross per year: wage, annual_wage */
  SL_ROLE_COUNTERPART_CLUB, /* the other club of a transfer: dealing_club */
  SL_ROLE_COUNTERPART_COUNTRY, /* its country: dealing_country */
  SL_ROLE_MOVEMENT,         /* "in" or "out" from the club's side: movement */
  SL_ROLE_WINDOW,           /* summer / winter: window */
  SL_ROLE_IS_LOAN,          /* loan flag: is_loan */
  SL_ROLE_LOAN_STATUS,      /* loan details: loan_status */
  SL_ROLE_TEAM_MATCHES,     /* matches the team played in the season: team_matches */
  SL_ROLE_ON_OFF,           /* on-off goal difference per 90: On-Off */
  SL_ROLE_XG_ON_OFF,        /* on-off xG difference per 90: On-Off_xG, xG+/-90 */
  SL_ROLE_PLAYER_ID,        /* a source's own player key: player_id (transfermarkt-datasets) */
  SL_ROLE_DATE,             /* the date a row is about: transfer_date, a valuation's date */
  SL_ROLE_SELLER_CLUB,      /* the selling club of a transfer row: from_club_name */
  SL_ROLE_BUYER_CLUB,       /* the buying club of a transfer row: to_club_name */
  SL_ROLE_SELLER_LEAGUE,    /* the selling club's league: from_club_domestic_competition_id */
  SL_ROLE_BUYER_LEAGUE,     /* the buying club's league: to_club_domestic_competition_id */
  SL_ROLE_COUNT
} sl_role;

/** The role of a header text, or SL_ROLE_NONE. Case-sensitive for FBref's short codes
 *  (Min, Int), case-insensitive for long names (market_value). */
sl_role sl_schema_role_of(const char *header);

/** Lower-case role name ("minutes"), "" for SL_ROLE_NONE. Static storage. */
const char *sl_role_name(sl_role role);

/** The aliases of a role as a NULL-terminated list. Static storage. */
const char *const *sl_schema_aliases(sl_role role);

/** The role named `name` as sl_role_name() spells it ("minutes", "player"), case-insensitive;
 *  SL_ROLE_NONE when no role has that name. */
sl_role sl_schema_role_by_name(const char *name);

/* ---- explicit column mapping ----
 * A map says "this header is that role" and wins over the alias table: a mapped column takes
 * the role, and a column that would have had the role by alias loses it. A mapped column absent
 * from a file is ignored for that file (one map serves several files). */
typedef struct sl_schema_map sl_schema_map;

/** A new empty map; NULL when out of memory. The caller owns it (sl_schema_map_free()). */
sl_schema_map *sl_schema_map_new(void);

/** Frees a map; NULL does nothing. */
void sl_schema_map_free(sl_schema_map *m);

/** Adds "ROLE=COLUMN[,ROLE=COLUMN...]" (role names as sl_role_name(); the column is a header text,
 *  trimmed; a column name holding a comma cannot be given here, use sl_schema_map_add). Returns
 *  SL_EINVAL with a message naming the part and the known roles when a part is not ROLE=COLUMN or
 *  the role is unknown; the map then holds the parts before it. A role mapped again is replaced. */
int sl_schema_map_add_spec(sl_schema_map *m, const char *spec, sl_error *err);

/** Adds one role = column pair (copied). SL_EINVAL for SL_ROLE_NONE or an empty column. */
int sl_schema_map_add(sl_schema_map *m, sl_role role, const char *column, sl_error *err);

/** The role mapped onto header text `column` (exact match), or SL_ROLE_NONE. m may be NULL. */
sl_role sl_schema_map_role_of(const sl_schema_map *m, const char *column);

/** Number of pairs, and the i-th pair (column borrowed from m). */
size_t sl_schema_map_count(const sl_schema_map *m);
sl_role sl_schema_map_entry(const sl_schema_map *m, size_t i, const char **column);

SL_END_DECLS

#endif
