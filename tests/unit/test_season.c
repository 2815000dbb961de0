/* test_season.c - every season form the data and users write, and seasons in file names. */
#include <stdio.h>

#include "harness.h"
#include "scoutlab/season.h"

static int parsed(const char *text) {
  int s = -1;
  sl_error err;
  return sl_season_parse(text, &s, &err) == SL_OK ? s : -1;
}

/* A range as "first last", or the error message. */
static const char *range(const char *text, char *buf, size_t size) {
  int a = -1, b = -1;
  sl_error err;
  if (sl_season_range_parse(text, &a, &b, &err) != SL_OK) return snprintf(buf, size, "%s", err.message), buf;
  snprintf(buf, size, "%d %d", a, b);
  return buf;
}

static int from_path(const char *path) {
  int s = -1;
  return sl_season_from_path(path, &s) ? s : -1;
}

static int from_folder(const char *path) {
  int s = -1;
  return sl_season_from_folder(path, &s) ? s : -1;
}

int main(void) {
  /* A snapshot's folder names when it was taken (market values), the files what they hold. */
  INT_EQ(from_folder("../shared/data/tm-values-2023/france.csv"), 2023, "a lone year in the folder name");
  INT_EQ(from_folder("/data/2024/values.csv"), 2024, "a folder that is a year");
  INT_EQ(from_folder("values 2022-23/x.csv"), 2022, "a season in the folder name");
  INT_EQ(from_folder("v1.2-2023/x.csv"), 2023, "a dot in the folder name is no extension");
  INT_EQ(from_folder("values 2024-06-01/x.csv"), 2023, "a date before July: the season before");
  INT_EQ(from_folder("values_2024_10/x.csv"), 2024, "a date from July on: its year's season");
  INT_EQ(sl_season_of_month(2024, 6), 2023, "June 2024 is of 2023/24");
  INT_EQ(sl_season_of_month(2024, 7), 2024, "July 2024 is of 2024/25");
  INT_EQ(from_folder("2019-2023/x.csv"), -1, "two years: no season");
  INT_EQ(from_folder("values/x.csv"), -1, "no year");
  INT_EQ(from_folder("/tmp/tmp.Xk2019Qa/x.csv"), -1, "a year inside a word (a temporary folder's random name): none");
  INT_EQ(from_folder("x.csv"), -1, "no folder");
  INT_EQ(from_folder("/x.csv"), -1, "the root");
  INT_EQ(from_folder("tm-values-12023/x.csv"), -1, "five digits are no year");
  INT_EQ(from_folder(NULL), -1, "NULL");
  INT_EQ(parsed("2024"), 2024, "a first year");
  INT_EQ(parsed("2024-25"), 2024, "2024-25");
  INT_EQ(parsed("2024/25"), 2024, "2024/25");
  INT_EQ(parsed("2024_25"), 2024, "2024_25");
  INT_EQ(parsed("2024/2025"), 2024, "2024/2025");
  INT_EQ(parsed("2022-2023"), 2022, "2022-2023");
  INT_EQ(parsed(" 21/22 "), 2021, "21/22 (transfermarkt-datasets), blanks around");
  INT_EQ(parsed("98/99"), 1998, "98/99 is 1998");
  INT_EQ(parsed("1999/00"), 1999, "century turn");
  INT_EQ(parsed("2024-26"), -1, "second year must follow the first");
  INT_EQ(parsed("2024/2026"), -1, "four-digit second year must follow too");
  INT_EQ(parsed("24"), -1, "a lone short year is no season");
  INT_EQ(parsed("Seria"), -1, "text");
  INT_EQ(parsed("20245"), -1, "five digits");
  INT_EQ(parsed("2300"), -1, "out of range");
  INT_EQ(parsed(""), -1, "empty");
  sl_error err;
  int s;
  INT_EQ(sl_season_parse("2024-26", &s, &err), SL_EPARSE, "status");
  STR_EQ(err.field, "season", "field names the attribute");
  OK(strstr(err.message, "\"2024-26\" is not a season") != NULL, "message names the text: %s", err.message);

  INT_EQ(from_path("/x/fbref-big5-2024-25/players_data-2024_2025.csv"), 2024, "players_data-2024_2025.csv");
  INT_EQ(from_path("tm-values-2023/2022-2023 Football Player Stats.csv"), 2022, "vinco export");
  INT_EQ(from_path("fbref-big5-yearly/passing/2024.csv"), 2024, "folder file named by its first year");
  INT_EQ(from_path("stats_2023-24.csv"), 2023, "2023-24 in a name");
  INT_EQ(from_path("france.csv"), -1, "no season");
  INT_EQ(from_path("2023-2024_vs_2024-2025.csv"), -1, "two seasons named: none");
  INT_EQ(from_path("/data/2019-2020/players.csv"), -1, "only the base name counts");
  INT_EQ(from_path("u19-20.csv"), -1, "u19-20 is no season");
  INT_EQ(from_path("players_2024.csv"), -1, "a lone year inside a longer name is not a season");

  char r[SL_ERROR_MESSAGE_MAX + 8];
  STR_EQ(range("2022/23", r, sizeof r), "2022 2022", "range: one season");
  STR_EQ(range("2020-2024", r, sizeof r), "2020 2024", "range: five first years");
  STR_EQ(range("2023-2024", r, sizeof r), "2023 2024", "range: 2023-2024 is two seasons, not 2023/24");
  STR_EQ(range("2020/21-2024/25", r, sizeof r), "2020 2024", "range of seasons");
  STR_EQ(range("2023-24", r, sizeof r), "2023 2023", "range: 2023-24 is one season");
  STR_EQ(range("2024-2022", r, sizeof r),
         "expected a season or a range such as 2020-2024 or 2020/21-2024/25, got \"2024-2022\"", "range: backwards");
  STR_EQ(range("", r, sizeof r), "expected a season or a range such as 2020-2024 or 2020/21-2024/25, got \"\"",
         "range: empty");

  char buf[SL_SEASON_TEXT_MAX];
  STR_EQ(sl_season_text(2024, buf, sizeof buf), "2024/25", "written 2024/25");
  STR_EQ(sl_season_text(1999, buf, sizeof buf), "1999/00", "written 1999/00");
  STR_EQ(sl_season_text(0, buf, sizeof buf), "", "unknown is empty");
  return SL_TEST_DONE();
}
