/* schema.c - the alias table; see include/scoutlab/schema.h and datasets/README.md */
#include "scoutlab/schema.h"

#include <strings.h>
#include <string.h>

typedef struct {
  sl_role role;
  const char *name;
  const char *aliases[8]; /* exact-case FBref codes first, then case-insensitive long names */
} sl_role_entry;

/* Short FBref codes ("Min", "Int") are matched case-sensitively so that e.g. a column "min"
 * meaning a minimum is not taken for minutes; long names are matched ignoring case. */
static const sl_role_entry sl_roles[] = {
    {SL_ROLE_NONE, "", {NULL}},
    {SL_ROLE_PLAYER, "player", {"Player", "name", "player_name", "player", NULL}},
    {SL_ROLE_CLUB, "club", {"Squad", "club", "team", "club_name", NULL}},
    {SL_ROLE_LEAGUE, "league", {"Comp", "league", "competition", NULL}},
    {SL_ROLE_POSITION, "position", {"Pos", "position", NULL}},
    {SL_ROLE_SUB_POSITION, "sub_position", {"short_pos", "sub_position", "detailed_position", NULL}},
    {SL_ROLE_AGE, "age", {"Age", "age", NULL}},
    {SL_ROLE_BORN, "born", {"Born", "birth_year", "born", NULL}},
    {SL_ROLE_BIRTH_DATE, "birth_date", {"date_of_birth", "birth_date", "dob", NULL}},
    {SL_ROLE_NATION, "nation", {"Nation", "nationality", "nation", NULL}},
    {SL_ROLE_SEASON, "season", {"Season", "season", NULL}},
    {SL_ROLE_MATCHES, "matches", {"MP", "matches", "matches_played", NULL}},
    {SL_ROLE_STARTS, "starts", {"Starts", "starts", NULL}},
    {SL_ROLE_MINUTES, "minutes", {"Min", "minutes", "minutes_played", NULL}},
    {SL_ROLE_NINETIES, "nineties", {"90s", "nineties", NULL}},
    {SL_ROLE_MARKET_VALUE, "market_value", {"market_value", "value", "market_value_eur", "market_value_in_eur", NULL}},
    {SL_ROLE_FEE, "fee", {"fee", "transfer_fee", "fee_eur", NULL}},
    {SL_ROLE_CONTRACT_UNTIL, "contract_until", {"contract_expiration_date", "contract_until", "contract_expires", NULL}},
    {SL_ROLE_WAGE, "wage", {"wage", "annual_wage", "wage_eur", NULL}},
    {SL_ROLE_COUNTERPART_CLUB, "counterpart_club", {"dealing_club", "counterpart_club", NULL}},
    {SL_ROLE_COUNTERPART_COUNTRY, "counterpart_country", {"dealing_country", "counterpart_country", NULL}},
    {SL_ROLE_MOVEMENT, "movement", {"movement", "direction", NULL}},
    {SL_ROLE_WINDOW, "window", {"window", "transfer_window", NULL}},
    {SL_ROLE_IS_LOAN, "is_loan", {"is_loan", "loan", NULL}},
    {SL_ROLE_LOAN_STATUS, "loan_status", {"loan_status", NULL}},
    {SL_ROLE_TEAM_MATCHES, "team_matches", {"team_matches", NULL}},
    {SL_ROLE_ON_OFF, "on_off", {"On-Off", "on_off", NULL}},
    {SL_ROLE_XG_ON_OFF, "xg_on_off", {"xG+/-90", "On-Off_xG", "xg_on_off", NULL}},
};

_Static_assert(sizeof sl_roles / sizeof sl_roles[0] == SL_ROLE_COUNT, "one entry per role");

/* An alias is a short code when it has an upper-case letter or a digit: match it exactly. */
static int is_code(const char *alias) {
  for (const char *p = alias; *p; p++)
    if ((*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '+' || *p == '-') return 1;
  return 0;
}

sl_role sl_schema_role_of(const char *header) {
  if (!header) return SL_ROLE_NONE;
  for (int r = 1; r < SL_ROLE_COUNT; r++)
    for (int i = 0; sl_roles[r].aliases[i]; i++) {
      const char *a = sl_roles[r].aliases[i];
      if (is_code(a) ? strcmp(header, a) == 0 : strcasecmp(header, a) == 0) return sl_roles[r].role;
    }
  return SL_ROLE_NONE;
}

const char *sl_role_name(sl_role role) {
  return role > SL_ROLE_NONE && role < SL_ROLE_COUNT ? sl_roles[role].name : "";
}

const char *const *sl_schema_aliases(sl_role role) {
  return role > SL_ROLE_NONE && role < SL_ROLE_COUNT ? sl_roles[role].aliases : sl_roles[0].aliases;
}
