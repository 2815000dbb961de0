/* schema.c - the alias table; see include/scoutlab/schema.h and datasets/README.md */
#include "scoutlab/schema.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "textutil.h"

typedef struct {
  sl_role role;
  const char *name;
  const char *aliases[12]; /* exact-case codes first, then case-insensitive long names; NULL-ended */
} sl_role_entry;

/* Short FBref codes ("Min", "Int") are matched case-sensitively so that e.g. a column "min"
 * meaning a minimum is not taken for minutes; long names are matched ignoring case. */
static const sl_role_entry sl_roles[] = {
    {SL_ROLE_NONE, "", {NULL}},
    {SL_ROLE_PLAYER, "player", {"Player", "name", "player_name", "player", "Spieler", "Plyaer", NULL}},
    {SL_ROLE_CLUB, "club", {"Squad", "club", "team", "club_name", "current_club_name", "Verein", NULL}},
    {SL_ROLE_LEAGUE, "league",
     {"Comp", "league", "competition", "current_club_domestic_competition_id", "player_club_domestic_competition_id",
      "league_name", "competition_name", "league_id", "comp_name", "domestic_competition", "Leauge", NULL}},
    {SL_ROLE_POSITION, "position", {"Pos", "position", "pos", NULL}},
    {SL_ROLE_SUB_POSITION, "sub_position", {"short_pos", "sub_position", "detailed_position", NULL}},
    {SL_ROLE_AGE, "age", {"Age", "age", "Alter", NULL}},
    {SL_ROLE_BORN, "born", {"Born", "YearBorn", "birth_year", "born", "year_born", NULL}},
    {SL_ROLE_BIRTH_DATE, "birth_date", {"date_of_birth", "birth_date", "dob", NULL}},
    {SL_ROLE_NATION, "nation", {"Nation", "nationality", "nation", "country_of_citizenship", NULL}},
    {SL_ROLE_SEASON, "season", {"Season", "Season_End_Year", "season", "transfer_season", "last_season", NULL}},
    {SL_ROLE_MATCHES, "matches", {"MP", "MatchesPlayed", "MP_Playing", "Playing Time_MP", "matches", "matches_played", NULL}},
    {SL_ROLE_STARTS, "starts", {"Starts", "Starts_Playing", "Playing Time_Starts", "starts", NULL}},
    {SL_ROLE_MINUTES, "minutes", {"Min", "Mins", "Min_Playing", "Playing Time_Min", "minutes", "minutes_played", NULL}},
    {SL_ROLE_NINETIES, "nineties", {"90s", "Mins_Per_90_Playing", "Playing Time_90s", "nineties", NULL}},
    {SL_ROLE_MARKET_VALUE, "market_value", {"market_value", "value", "market_value_eur", "market_value_in_eur", "Marktwert", NULL}},
    {SL_ROLE_FEE, "fee", {"fee", "transfer_fee", "fee_eur", NULL}},
    {SL_ROLE_CONTRACT_UNTIL, "contract_until", {"contract_expiration_date", "contract_until", "contract_expires", NULL}},
    {SL_ROLE_WAGE, "wage", {"wage", "annual_wage", "wage_eur", NULL}},
    {SL_ROLE_COUNTERPART_CLUB, "counterpart_club", {"dealing_club", "counterpart_club", "club_involved_name", NULL}},
    {SL_ROLE_COUNTERPART_COUNTRY, "counterpart_country", {"dealing_country", "counterpart_country", NULL}},
    {SL_ROLE_MOVEMENT, "movement", {"movement", "direction", "transfer_movement", NULL}},
    {SL_ROLE_WINDOW, "window", {"window", "transfer_window", "transfer_period", NULL}},
    {SL_ROLE_IS_LOAN, "is_loan", {"is_loan", "loan", NULL}},
    {SL_ROLE_LOAN_STATUS, "loan_status", {"loan_status", NULL}},
    {SL_ROLE_TEAM_MATCHES, "team_matches", {"team_matches", NULL}},
    {SL_ROLE_ON_OFF, "on_off", {"On-Off", "on_off", NULL}},
    {SL_ROLE_XG_ON_OFF, "xg_on_off", {"xG+/-90", "On-Off_xG", "xg_on_off", NULL}},
    {SL_ROLE_PLAYER_ID, "player_id", {"player_id", "tm_player_id", "transfermarkt_id", NULL}},
    {SL_ROLE_DATE, "date", {"date", "transfer_date", "valuation_date", NULL}},
    {SL_ROLE_SELLER_CLUB, "seller_club", {"from_club_name", "from_club", "selling_club", "seller_club", NULL}},
    {SL_ROLE_BUYER_CLUB, "buyer_club", {"to_club_name", "to_club", "buying_club", "buyer_club", NULL}},
    {SL_ROLE_SELLER_LEAGUE, "seller_league",
     {"selling_league", "from_league", "seller_league", "from_club_domestic_competition_id", NULL}},
    {SL_ROLE_BUYER_LEAGUE, "buyer_league",
     {"buying_league", "to_league", "buyer_league", "to_club_domestic_competition_id", NULL}},
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

sl_role sl_schema_role_by_name(const char *name) {
  if (!name) return SL_ROLE_NONE;
  for (int r = 1; r < SL_ROLE_COUNT; r++)
    if (strcasecmp(name, sl_roles[r].name) == 0) return sl_roles[r].role;
  return SL_ROLE_NONE;
}

/* ---- explicit mapping ---- */

typedef struct {
  sl_role role;
  char *column;
} sl_map_pair;

struct sl_schema_map {
  sl_map_pair *pairs;
  size_t n;
};

sl_schema_map *sl_schema_map_new(void) { return calloc(1, sizeof(sl_schema_map)); }

void sl_schema_map_free(sl_schema_map *m) {
  if (!m) return;
  for (size_t i = 0; i < m->n; i++) free(m->pairs[i].column);
  free(m->pairs);
  free(m);
}

int sl_schema_map_add(sl_schema_map *m, sl_role role, const char *column, sl_error *err) {
  if (!m || role <= SL_ROLE_NONE || role >= SL_ROLE_COUNT || !column || !*column)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "a column mapping needs a role and a column name");
  size_t len = strlen(column) + 1;
  char *copy = malloc(len);
  if (!copy) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  memcpy(copy, column, len);
  for (size_t i = 0; i < m->n; i++)
    if (m->pairs[i].role == role) { /* mapped again: the last word counts */
      free(m->pairs[i].column);
      m->pairs[i].column = copy;
      return SL_OK;
    }
  sl_map_pair *p = realloc(m->pairs, (m->n + 1) * sizeof *p);
  if (!p) {
    free(copy);
    return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  }
  m->pairs = p;
  p[m->n++] = (sl_map_pair){role, copy};
  return SL_OK;
}

/* The known role names, comma-separated, for messages. */
static void role_list(char *buf, size_t size) {
  size_t o = 0;
  buf[0] = '\0';
  for (int r = 1; r < SL_ROLE_COUNT && o < size; r++)
    o += (size_t)snprintf(buf + o, size - o, "%s%s", r > 1 ? ", " : "", sl_roles[r].name);
}

/* Longest ROLE=COLUMN part of a spec we accept: a header name is at most a few hundred bytes. */
#define SL_MAP_PART_MAX 512

static int add_part(sl_schema_map *m, const char *b, const char *e, sl_error *err) {
  char part[SL_MAP_PART_MAX];
  sl_trim_span_range(&b, &e);
  if (b == e) return SL_OK; /* "a=b,,c=d" or a trailing comma: nothing to add */
  if ((size_t)(e - b) >= sizeof part)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "column mapping part longer than %d bytes", SL_MAP_PART_MAX - 1);
  memcpy(part, b, (size_t)(e - b));
  part[e - b] = '\0';
  char *eq = strchr(part, '=');
  if (!eq) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "column mapping '%s' is not ROLE=COLUMN (e.g. player=Plyaer)", part);
  *eq = '\0';
  const char *rb = part, *re = eq, *cb = eq + 1, *ce = cb + strlen(cb);
  sl_trim_span_range(&rb, &re);
  sl_trim_span_range(&cb, &ce);
  char role_name[SL_MAP_PART_MAX];
  memcpy(role_name, rb, (size_t)(re - rb));
  role_name[re - rb] = '\0';
  sl_role role = sl_schema_role_by_name(role_name);
  if (role == SL_ROLE_NONE) {
    char roles[1024];
    role_list(roles, sizeof roles);
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "column mapping '%s=...': unknown role '%s' (known roles: %s)",
                        role_name, role_name, roles);
  }
  if (cb == ce) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "column mapping '%s=' names no column", role_name);
  char column[SL_MAP_PART_MAX];
  memcpy(column, cb, (size_t)(ce - cb));
  column[ce - cb] = '\0';
  return sl_schema_map_add(m, role, column, err);
}

int sl_schema_map_add_spec(sl_schema_map *m, const char *spec, sl_error *err) {
  if (!m || !spec) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "no column mapping given");
  for (const char *p = spec;;) {
    const char *comma = strchr(p, ',');
    const char *end = comma ? comma : p + strlen(p);
    int st = add_part(m, p, end, err);
    if (st) return st;
    if (!comma) return SL_OK;
    p = comma + 1;
  }
}

sl_role sl_schema_map_role_of(const sl_schema_map *m, const char *column) {
  if (!m || !column) return SL_ROLE_NONE;
  for (size_t i = 0; i < m->n; i++)
    if (strcmp(m->pairs[i].column, column) == 0) return m->pairs[i].role;
  return SL_ROLE_NONE;
}

size_t sl_schema_map_count(const sl_schema_map *m) { return m ? m->n : 0; }

sl_role sl_schema_map_entry(const sl_schema_map *m, size_t i, const char **column) {
  if (!m || i >= m->n) {
    if (column) *column = NULL;
    return SL_ROLE_NONE;
  }
  if (column) *column = m->pairs[i].column;
  return m->pairs[i].role;
}
