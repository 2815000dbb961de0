/* schema.h - column roles: one table of known column names (FBref, Transfermarkt-style, and
 * scoutlab's own schema) so that modules ask for "minutes" or "fee" rather than a header text.
 * The alias table is documented in datasets/README.md. Static data only; nothing to free.
 *
 *   sl_role r = sl_schema_role_of("Min");  // SL_ROLE_MINUTES
 *   const char *n = sl_role_name(r);        // "minutes"
 */
#ifndef SCOUTLAB_SCHEMA_H
#define SCOUTLAB_SCHEMA_H

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
  SL_ROLE_COUNT
} sl_role;

/** The role of a header text, or SL_ROLE_NONE. Case-sensitive for FBref's short codes
 *  (Min, Int), case-insensitive for long names (market_value). */
sl_role sl_schema_role_of(const char *header);

/** Lower-case role name ("minutes"), "" for SL_ROLE_NONE. Static storage. */
const char *sl_role_name(sl_role role);

/** The aliases of a role as a NULL-terminated list. Static storage. */
const char *const *sl_schema_aliases(sl_role role);

SL_END_DECLS

#endif
