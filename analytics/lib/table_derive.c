/* table_derive.c - what exports write in their own way, read the one way scoutlab uses: seasons
 * ("21/22", "2021-2022", worldfootballR's Season_End_Year) as first years, FBref's site ages
 * ("25-123", years-days) as years, and an age from a date of birth or a birth year and the season
 * when a file has none (transfermarkt-datasets players.csv). Called at the end of every load;
 * every change is said in one warning. See sl_table_internal_derive in table_internal.h. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "scoutlab/season.h"
#include "scoutlab/table.h"
#include "table_internal.h"

/* The day an age is counted at: 1 September of the season's first year, when every Big-5 season
 * has started and the summer window has closed. */
#define SL_AGE_MONTH 9
#define SL_AGE_DAY 1

/* Text seasons to first years: only when every present cell reads as a season. */
static int season_from_text(sl_table *t, sl_column *c) {
  double *num = malloc((t->nrows ? t->nrows : 1) * sizeof *num);
  if (!num) return SL_ENOMEM;
  for (size_t r = 0; r < t->nrows; r++) {
    int y;
    num[r] = NAN;
    if (!c->text[r]) continue;
    if (sl_season_parse(c->text[r], &y, NULL) != SL_OK) {
      free(num);
      return SL_OK; /* a text column after all: left as it is */
    }
    num[r] = y;
  }
  free(c->text); /* the strings live in the table's arena */
  c->text = NULL;
  c->num = num;
  c->type = SL_TYPE_NUMBER;
  c->not_numeric = 0;
  c->first_text_line = 0;
  return sl_table_internal_warn(t, "column '%s': seasons written as text (e.g. 21/22, 2021-2022) read as first years",
                                c->name);
}

/* soccerdata writes 2024/25 as 2425: when every season is of that form and one cannot be a first
 * year (above SL_SEASON_MAX), read them all so (1718 is 2017/18, 9900 is 1999/2000). */
#define SL_CENTURY_SPLIT 50 /* two-digit years below 50 are 20xx, from 50 on 19xx (soccerdata's rule) */
static int season_from_pairs(sl_table *t, sl_column *c) {
  int beyond = 0;
  for (size_t r = 0; r < t->nrows; r++) {
    double v = c->num[r];
    if (isnan(v)) continue;
    if (v != floor(v) || v < 0 || v > 9999 || ((int)v % 100) != ((int)v / 100 + 1) % 100) return SL_OK;
    beyond |= v > SL_SEASON_MAX;
  }
  if (!beyond) return SL_OK;
  for (size_t r = 0; r < t->nrows; r++)
    if (!isnan(c->num[r])) {
      int yy = (int)c->num[r] / 100;
      c->num[r] = yy < SL_CENTURY_SPLIT ? 2000 + yy : 1900 + yy;
    }
  return sl_table_internal_warn(t, "column '%s' writes seasons as two two-digit years (2425 = 2024/25): read as "
                                   "first years", c->name);
}

static int derive_season(sl_table *t) {
  sl_column *c = (sl_column *)sl_table_role(t, SL_ROLE_SEASON);
  if (!c) return SL_OK;
  if (c->type == SL_TYPE_TEXT) return season_from_text(t, c);
  if (c->type == SL_TYPE_NUMBER && strcasecmp(c->name, "Season_End_Year") != 0) return season_from_pairs(t, c);
  if (c->type != SL_TYPE_NUMBER || strcasecmp(c->name, "Season_End_Year") != 0) return SL_OK;
  for (size_t r = 0; r < t->nrows; r++) c->num[r] -= 1; /* 2025 ends the 2024/25 season */
  return sl_table_internal_warn(t, "column '%s' holds the year a season ends: read as the season's first year "
                                   "(2025 is 2024/25)", c->name);
}

/* "25-123" (FBref's site: years-days) to 25; NAN when the text is not of that form. */
static double years_days(const char *s) {
  int y, d, n = 0;
  if (sscanf(s, "%d-%d%n", &y, &d, &n) != 2 || s[n] || y < 0 || y > 99 || d < 0 || d > 366) return NAN;
  return y;
}

static int age_from_text(sl_table *t, sl_column *c) {
  double *num = malloc((t->nrows ? t->nrows : 1) * sizeof *num);
  if (!num) return SL_ENOMEM;
  for (size_t r = 0; r < t->nrows; r++) {
    num[r] = c->text[r] ? years_days(c->text[r]) : NAN;
    if (c->text[r] && isnan(num[r])) {
      free(num);
      return SL_OK;
    }
  }
  free(c->text);
  c->text = NULL;
  c->num = num;
  c->type = SL_TYPE_NUMBER;
  c->not_numeric = 0;
  c->first_text_line = 0;
  return sl_table_internal_warn(t, "column '%s': ages written as years-days (25-123) read as completed years",
                                c->name);
}

/* The season of row r: the season column, else the one the file name states; 0 when unknown. */
static int row_season(const sl_column *season, int file_season, size_t r) {
  if (season && season->num && !isnan(season->num[r]) && season->num[r] >= SL_SEASON_MIN &&
      season->num[r] <= SL_SEASON_MAX)
    return (int)season->num[r];
  return file_season;
}

/* Completed years on a day (days since 1970-01-01). */
static double age_on(double birth_days, double day) {
  int y, m, d, ty, tm, td;
  sl_date_to_ymd(birth_days, &y, &m, &d);
  sl_date_to_ymd(day, &ty, &tm, &td);
  int age = ty - y;
  if (m > tm || (m == tm && d > td)) age--;
  return age;
}

/* The day row r's age is counted at: its own date (a transfer's or a valuation's), else
 * SL_AGE_MONTH/SL_AGE_DAY of its season's first year; NAN when neither is known. */
static double age_day(const sl_column *date, const sl_column *season, int file_season, size_t r) {
  if (date && !isnan(date->num[r])) return date->num[r];
  int s = row_season(season, file_season, r);
  return s ? sl_date_from_ymd(s, SL_AGE_MONTH, SL_AGE_DAY) : NAN;
}

int sl_table_internal_derive_age(sl_table *t) {
  const sl_column *age = sl_table_role(t, SL_ROLE_AGE);
  if (age) return age->type == SL_TYPE_TEXT ? age_from_text(t, (sl_column *)age) : SL_OK;
  const sl_column *dob = sl_table_role(t, SL_ROLE_BIRTH_DATE), *born = sl_table_role(t, SL_ROLE_BORN);
  const sl_column *date = sl_table_role(t, SL_ROLE_DATE);
  if (dob && dob->type != SL_TYPE_DATE) dob = NULL;
  if (born && born->type != SL_TYPE_NUMBER) born = NULL;
  if (date && date->type != SL_TYPE_DATE) date = NULL;
  const sl_column *season = sl_table_role(t, SL_ROLE_SEASON);
  if (season && season->type != SL_TYPE_NUMBER) season = NULL;
  int file_season = 0;
  if (t->nfiles) sl_season_from_path(t->files[0], &file_season);
  if ((!dob && !born) || (!season && !file_season && !date)) return SL_OK;
  size_t idob = dob ? (size_t)(dob - t->cols) : 0, iborn = born ? (size_t)(born - t->cols) : 0;
  size_t iseason = season ? (size_t)(season - t->cols) : 0, idate = date ? (size_t)(date - t->cols) : 0;
  if (sl_table_column_index(t, "age") >= 0) return SL_OK; /* a column named age without the role: leave it */
  sl_column *c = sl_table_internal_add_number_column(t, "age", SL_ROLE_AGE);
  if (!c) return SL_ENOMEM;
  dob = dob ? &t->cols[idob] : NULL; /* the columns moved when one was added */
  born = born ? &t->cols[iborn] : NULL;
  season = season ? &t->cols[iseason] : NULL;
  date = date ? &t->cols[idate] : NULL;
  c->missing = 0;
  for (size_t r = 0; r < t->nrows; r++) {
    double day = age_day(date, season, file_season, r), v = NAN;
    int y, m, d;
    if (!isnan(day) && dob && !isnan(dob->num[r])) v = age_on(dob->num[r], day);
    else if (!isnan(day) && born && !isnan(born->num[r])) sl_date_to_ymd(day, &y, &m, &d), v = y - born->num[r];
    c->num[r] = v;
    c->missing += isnan(v);
  }
  char when[160];
  if (date)
    snprintf(when, sizeof when, "at each row's %s (else on %d September of the season's first year)", date->name,
             SL_AGE_DAY);
  else
    snprintf(when, sizeof when, "and the season (completed years on %d September of the season's first year)",
             SL_AGE_DAY);
  return sl_table_internal_warn(t, "no age column: 'age' derived from %s %s%s", dob ? dob->name : born->name, when,
                                dob ? "" : "; from a birth year, the age that calendar year");
}

int sl_table_internal_derive(sl_table *t, sl_error *err) {
  int st = derive_season(t);
  if (st == SL_OK) st = sl_table_internal_derive_age(t);
  if (st != SL_OK) return sl_error_set(err, SL_ENOMEM, t->nfiles ? t->files[0] : NULL, 0, 0, "out of memory");
  return SL_OK;
}

int sl_table_row_season(const sl_table *t, size_t r) {
  if (!t || r >= t->nrows) return 0;
  const sl_column *c = sl_table_role(t, SL_ROLE_SEASON);
  if (c && c->num && isfinite(c->num[r]) && c->num[r] >= SL_SEASON_MIN && c->num[r] <= SL_SEASON_MAX)
    return (int)c->num[r];
  int s = 0;
  if (c && c->text && c->text[r] && sl_season_parse(c->text[r], &s, NULL) == SL_OK) return s;
  const char *file = t->nfiles ? t->files[t->row_file && t->row_file[r] < t->nfiles ? t->row_file[r] : 0] : NULL;
  if (file && (sl_season_from_path(file, &s) || sl_season_from_folder(file, &s))) return s;
  return 0;
}
