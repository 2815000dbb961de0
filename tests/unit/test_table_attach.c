/* test_table_attach.c - sl_table_attach_players and sl_table_attach_values on small tables in
 * the transfermarkt-datasets layout. Every expected value is worked out by hand in the comments. */
#include <math.h>

#include "harness.h"
#include "scoutlab/parse.h"
#include "scoutlab/table.h"

static sl_table *load(const char *name, const char *csv) {
  sl_table *t = NULL;
  sl_error err;
  if (sl_table_load_buffer(name, csv, strlen(csv), NULL, &t, &err) != SL_OK)
    fprintf(stderr, "%s: %s\n", name, err.message);
  return t;
}

static double cell(const sl_table *t, const char *column, size_t row) {
  const sl_column *c = sl_table_column(t, column);
  double v = NAN;
  if (!c || sl_table_number(t, c, row, &v) != 1) return NAN;
  return v;
}

static const char *text(const sl_table *t, const char *column, size_t row) {
  const sl_column *c = sl_table_column(t, column);
  return c && c->type == SL_TYPE_TEXT ? c->text[row] : NULL;
}

static const char players_csv[] =
    "player_id,name,last_season,date_of_birth,sub_position,position,market_value_in_eur\n"
    "1,Alan Exemple,2024,1999-01-26 00:00:00,Centre-Back,Defender,10000000\n"
    "2,Bruno Modele,2024,2002-10-05 00:00:00,Attacking Midfield,Midfield,25000000\n"
    "3,Carl Twice,2024,2000-03-01 00:00:00,Goalkeeper,Goalkeeper,1000000\n"
    "3,Carl Twice,2024,2000-03-01 00:00:00,Goalkeeper,Goalkeeper,1000000\n"
    "4,Dan Novalue,2024,2001-05-05 00:00:00,Centre-Forward,Attack,3000000\n";

static void test_players(void) {
  /* Row 1: Alan, transfer 2021-01-10: 21 (his 22nd birthday is on 26 January). Row 2: Bruno on
   * 2022-07-01: 19 (20 on 5 October). Row 3: player 9 is not in the players file. Row 4: player 3
   * is on two rows there (not joined). Row 5: no player_id. Row 6: Alan again on 2024-08-30: 25. */
  static const char transfers_csv[] =
      "player_id,transfer_date,transfer_season,from_club_name,to_club_name,transfer_fee,market_value_in_eur,"
      "player_name\n"
      "1,2021-01-10,20/21,Chelsea,Marseille,8000000,6000000,Alan Exemple\n"
      "2,2022-07-01,22/23,Lyon,Paris SG,30000000,25000000,Bruno Modele\n"
      "9,2022-07-01,22/23,Lyon,Paris SG,1000000,900000,Trialist\n"
      "3,2023-07-01,23/24,Lyon,Nice,500000,1000000,Carl Twice\n"
      ",2023-07-01,23/24,Lyon,Nice,500000,1000000,Nobody\n"
      "1,2024-08-30,24/25,Marseille,Lyon,12000000,10000000,Alan Exemple\n";
  sl_table *t = load("transfers.csv", transfers_csv), *p = load("players.csv", players_csv);
  OK(t && p, "loaded");
  if (!t || !p) return;
  sl_attach_report rep;
  sl_error err;
  INT_EQ(sl_table_attach_players(t, p, &rep, &err), SL_OK, "attach players");
  INT_EQ(rep.rows, 6, "rows");
  INT_EQ(rep.matched, 3, "rows joined: 1, 2 and 6");
  INT_EQ(rep.not_found, 1, "player 9 unknown");
  INT_EQ(rep.ambiguous, 1, "player 3 twice");
  INT_EQ(rep.no_key, 1, "a row without player_id");
  STR_EQ(rep.columns, "date_of_birth, position, sub_position, age", "columns added");
  const sl_column *age = sl_table_role(t, SL_ROLE_AGE);
  OK(age && !strcmp(age->name, "age"), "an age column with the age role");
  double want[6] = {21, 19, NAN, NAN, NAN, 25};
  for (size_t r = 0; r < 6; r++) SL_CHECK_REL(cell(t, "age", r), want[r], 0, "age of row %zu at its transfer_date", r);
  STR_EQ(text(t, "sub_position", 1), "Attacking Midfield", "Bruno's sub-position");
  OK(text(t, "sub_position", 2) == NULL, "no sub-position for an unknown player");
  OK(sl_table_role(t, SL_ROLE_SUB_POSITION) && sl_table_role(t, SL_ROLE_BIRTH_DATE), "roles of the added columns");
  /* The transfers' own market value (at the transfer) is kept, not the players' current one. */
  SL_CHECK_REL(cell(t, "market_value_in_eur", 0), 6e6, 0, "the transfer's market value stays");
  sl_table_free(t), sl_table_free(p);
}

static void test_players_errors(void) {
  sl_table *t = load("t.csv", "name,fee\nA,1\n"), *p = load("players.csv", players_csv);
  sl_error err;
  INT_EQ(sl_table_attach_players(t, p, NULL, &err), SL_EINVAL, "no player_id in t");
  STR_EQ(err.field, "player_id", "the field named");
  OK(strstr(err.message, "no player_id column") != NULL, "message: %s", err.message);
  sl_table_free(t), sl_table_free(p);
}

static void test_values(void) {
  /* Player 1: valuations on 2023-06-01 (8m), 2024-06-01 (10m), 2025-06-01 (15m). Player 2: none
   * (keeps the players file's 25m). Player 3: valuations from 2025-06-01 only. */
  static const char history_csv[] = "player_id,date,market_value_in_eur,current_club_id\n"
                                     "1,2024-06-01,10000000,244\n"
                                     "1,2023-06-01,8000000,244\n"
                                     "3,2025-06-01,2000000,1\n"
                                     "1,2025-06-01,15000000,244\n";
  static const char players2[] = "player_id,name,market_value_in_eur\n1,Alan,15000000\n2,Bruno,25000000\n3,Carl,2000000\n";
  sl_table *t = load("players.csv", players2), *h = load("player_valuations.csv", history_csv);
  OK(t && h, "loaded");
  if (!t || !h) return;
  OK(sl_table_is_value_history(h), "player_valuations is a value history");
  OK(!sl_table_is_value_history(t), "players is not");
  double day = sl_date_from_ymd(2024, 7, 1);
  double as_of[3] = {day, day, day};
  sl_attach_report rep;
  sl_error err;
  INT_EQ(sl_table_attach_values(t, h, as_of, &rep, &err), SL_OK, "attach values");
  INT_EQ(rep.matched, 1, "Alan's 2024-06-01 valuation");
  INT_EQ(rep.not_found, 1, "Bruno has none");
  INT_EQ(rep.kept_own, 1, "Bruno keeps 25m");
  INT_EQ(rep.none_before, 1, "Carl only later");
  SL_CHECK_REL(rep.as_of_first, day, 0, "as-of first");
  STR_EQ(rep.columns, "market_value_on_date, market_value_date", "columns added");
  const sl_column *mv = sl_table_role(t, SL_ROLE_MARKET_VALUE);
  STR_EQ(mv ? mv->name : NULL, "market_value_on_date", "the market value role moves to the value on the date");
  SL_CHECK_REL(cell(t, "market_value_on_date", 0), 10e6, 0, "Alan on 2024-07-01: 10m (2024-06-01)");
  SL_CHECK_REL(cell(t, "market_value_date", 0), sl_date_from_ymd(2024, 6, 1), 0, "its date");
  SL_CHECK_REL(cell(t, "market_value_on_date", 1), 25e6, 0, "Bruno: his own value");
  OK(isnan(cell(t, "market_value_date", 1)), "Bruno: no date");
  OK(isnan(cell(t, "market_value_on_date", 2)), "Carl: no value before 2024-07-01");
  SL_CHECK_REL(cell(t, "market_value_in_eur", 0), 15e6, 0, "the players file's own column is kept");
  sl_table_free(t);
  /* Every row's latest (as_of NULL): Alan 15m of 2025-06-01, Carl 2m. */
  t = load("players.csv", players2);
  INT_EQ(sl_table_attach_values(t, h, NULL, &rep, &err), SL_OK, "attach the latest");
  SL_CHECK_REL(cell(t, "market_value_on_date", 0), 15e6, 0, "Alan's latest");
  SL_CHECK_REL(cell(t, "market_value_on_date", 2), 2e6, 0, "Carl's latest");
  OK(isnan(rep.as_of_first), "no as-of day asked");
  sl_table_free(t), sl_table_free(h);
}

static void test_values_errors(void) {
  sl_table *t = load("players.csv", "player_id,name\n1,A\n");
  sl_table *h = load("v.csv", "player_id,when,market_value_in_eur\n1,2024-06-01,5\n");
  sl_error err;
  INT_EQ(sl_table_attach_values(t, h, NULL, NULL, &err), SL_EINVAL, "no date column");
  STR_EQ(err.field, "date", "field");
  OK(strstr(err.message, "no valuation date column (date)") != NULL, "message: %s", err.message);
  sl_table_free(t), sl_table_free(h);
}

int main(void) {
  test_players();
  test_players_errors();
  test_values();
  test_values_errors();
  return SL_TEST_DONE();
}
