/* season.h - seasons, written and read one way everywhere.
 *
 * A season is named by its first year (2024 = the 2024/25 season). This module reads every form
 * the data and users write ("2024", "2024-25", "2024/25", "2024/2025", "2024-2025", "24/25",
 * "21/22"), finds a season written in a file name ("players_data-2024_2025.csv",
 * "2022-2023 Football Player Stats.csv", a folder file "2024.csv"), and writes a season as
 * "2024/25". The rule that decides which season a set of inputs is about lives in workspace.h;
 * this module only reads and writes.
 *
 * Pure functions on caller-owned buffers; no allocation, no state; thread-safe.
 *
 *   int s;
 *   if (sl_season_parse("2024-25", &s) == SL_OK) ...              // s == 2024
 *   sl_season_from_path("data/players_data-2024_2025.csv", &s);    // s == 2024
 *   char buf[SL_SEASON_TEXT_MAX]; sl_season_text(2024, buf, sizeof buf); // "2024/25"
 */
#ifndef SCOUTLAB_SEASON_H
#define SCOUTLAB_SEASON_H

#include <stddef.h>

#include "scoutlab/error.h"

#include "scoutlab/export.h"

SL_BEGIN_DECLS /* C linkage, exported; thread safety: see scoutlab/export.h */

/* Seasons scoutlab accepts: organised football began in the 1860s, and a first year past 2200
 * is a typo or an overflowing number, never data. */
#define SL_SEASON_MIN 1860
#define SL_SEASON_MAX 2200
/* "2024/25" plus room: the buffer sl_season_text needs. */
#define SL_SEASON_TEXT_MAX 16

/** Reads a season as written: "2024" (a first year), "2024-25", "2024/25", "2024_25",
 *  "2024/2025", "2024-2025", "24/25" or "21/22" (two-digit years are 20xx), surrounding blanks
 *  ignored. The second year must follow the first. Returns SL_OK and *first_year, or SL_EPARSE
 *  with a message naming the text and the forms expected. */
int sl_season_parse(const char *text, int *first_year, sl_error *err);

/** Reads one season or a range of them: "2022/23" (one), "2020-2024" (the first years 2020 to
 *  2024: five seasons; "2023-2024" is two, as one season is written "2023/24"), "2020/21-2024/25".
 *  Returns SL_OK with *first and *last (first years, last >= first), or SL_EPARSE naming the text
 *  and the forms expected. */
int sl_season_range_parse(const char *text, int *first, int *last, sl_error *err);

/** The season a file name states: a pair of consecutive years in the base name
 *  ("players_data-2024_2025.csv", "2022-2023 Football Player Stats.csv", "stats_2024-25.csv"),
 *  or a base name that is only a year ("2024.csv", the layout of one file per season; the year
 *  is taken as the first year). Returns 1 and sets *first_year when the name states one season,
 *  0 when it states none (or two different ones). */
int sl_season_from_path(const char *path, int *first_year);

/* A season starts on 1 July, when the summer window opens: a day from July on is in the season of
 * its year, a day before it in the season before (a value of 1 June 2024 is of 2023/24). */
#define SL_SEASON_FIRST_MONTH 7

/** The season (first year) a day of `year` and `month` (1-12) falls in. */
int sl_season_of_month(int year, int month);

/** The season a file's folder name states: by the rule of sl_season_from_path applied to the
 *  name of the folder the file is in, else the season of a date it holds (YYYY-MM or YYYY-MM-DD,
 *  sl_season_of_month: "2024-06-01/" -> 2023/24), else the one four-digit year it holds, taken
 *  as the first year ("tm-values-2023/france.csv" -> 2023/24, "2024/values.csv" -> 2024/25). For the date of a snapshot (market values) whose files are named by what they hold
 *  ("france.csv") and whose folder by when. Returns 1 and sets *first_year, else 0. */
int sl_season_from_folder(const char *path, int *first_year);

/** Writes the season as "2024/25" into buf and returns buf ("" for 0: unknown). */
const char *sl_season_text(int first_year, char *buf, size_t size);

SL_END_DECLS

#endif
