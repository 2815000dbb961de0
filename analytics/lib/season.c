/* season.c - see include/scoutlab/season.h */
#include "scoutlab/season.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

/* Two-digit years: "98/99" is 1998 and "21/22" 2021. Data sources reach back to the 1990s at
 * most with short years, so 60-99 are 19xx and 00-59 are 20xx. */
#define SL_SEASON_SHORT_PIVOT 60

/* Digits at s: their count (up to 4 read, 5+ returns 5) and value. */
static int digits(const char *s, int *value) {
  int n = 0, v = 0;
  while (isdigit((unsigned char)s[n]) && n < 5) v = v * 10 + (s[n] - '0'), n++;
  *value = v;
  return n;
}

static int full_year(int v, int ndigits) {
  if (ndigits == 4) return v;
  return v >= SL_SEASON_SHORT_PIVOT ? 1900 + v : 2000 + v;
}

static int is_sep(char c) { return c == '-' || c == '/' || c == '_'; }

/* A season starting exactly at s (no leading text): *len gets the characters used. Returns the
 * first year, or 0. `lone` allows a single four-digit year. */
static int season_at(const char *s, int lone, size_t *len) {
  int a, b;
  int na = digits(s, &a);
  if (na != 2 && na != 4) return 0;
  int first = full_year(a, na);
  if (is_sep(s[na])) {
    int nb = digits(s + na + 1, &b);
    if (nb != 2 && nb != 4) return 0;
    int second = nb == 4 ? b : (first + 1) % 100 == b ? first + 1 : -1;
    if (second != first + 1 || first < SL_SEASON_MIN || first > SL_SEASON_MAX) return 0;
    *len = (size_t)(na + 1 + nb);
    return first;
  }
  if (!lone || na != 4 || first < SL_SEASON_MIN || first > SL_SEASON_MAX) return 0;
  *len = 4;
  return first;
}

int sl_season_parse(const char *text, int *first_year, sl_error *err) {
  const char *s = text ? text : "";
  while (isspace((unsigned char)*s)) s++;
  size_t len = 0;
  int first = season_at(s, 1, &len);
  const char *rest = s + len;
  while (first && isspace((unsigned char)*rest)) rest++;
  if (!first || *rest)
    return sl_error_field(err, "season",
                          sl_error_set(err, SL_EPARSE, NULL, 0, 0,
                                       "season \"%.80s\" is not a season (expected e.g. 2024, 2024-25, "
                                       "2024/25 or 2024-2025, between %d and %d)",
                                       text ? text : "", SL_SEASON_MIN, SL_SEASON_MAX));
  if (first_year) *first_year = first;
  return SL_OK;
}

int sl_season_from_path(const char *path, int *first_year) {
  if (!path) return 0;
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  const char *dot = strrchr(base, '.');
  size_t stem = dot && dot != base ? (size_t)(dot - base) : strlen(base);
  size_t len = 0;
  /* A folder of one file per season: "2024.csv". */
  if (stem == 4 && season_at(base, 1, &len) && len == 4) return (*first_year = season_at(base, 1, &len)), 1;
  int found = 0;
  for (size_t i = 0; i < stem; i++) {
    if (!isdigit((unsigned char)base[i]) || (i && isdigit((unsigned char)base[i - 1]))) continue;
    int v;
    /* Only four-digit first years in names: "u19-20" is no season. */
    if (digits(base + i, &v) != 4) continue;
    int s = season_at(base + i, 0, &len);
    if (!s || isdigit((unsigned char)base[i + len])) continue;
    if (found && found != s) return 0; /* two different seasons named: say none */
    found = s;
    i += len - 1;
  }
  if (found && first_year) *first_year = found;
  return found != 0;
}

int sl_season_of_month(int year, int month) { return month >= SL_SEASON_FIRST_MONTH ? year : year - 1; }

/* The season of the one date (YYYY-MM, YYYY-MM-DD, '-' or '_') a name holds, 0 when none or
 * several. */
static int date_season(const char *name) {
  int found = 0;
  for (size_t i = 0; name[i]; i++) {
    int y, m;
    if (!isdigit((unsigned char)name[i]) || (i && isalnum((unsigned char)name[i - 1]))) continue;
    if (digits(name + i, &y) != 4 || y < SL_SEASON_MIN || y > SL_SEASON_MAX || !is_sep(name[i + 4])) continue;
    if (digits(name + i + 5, &m) != 2 || m < 1 || m > 12) continue;
    int s = sl_season_of_month(y, m);
    if (found && found != s) return 0;
    found = s;
  }
  return found;
}

/* The one four-digit year a name holds as a word of its own (a snapshot's folder:
 * "tm-values-2023"; not "tmp.Xk2019Qa", a temporary folder's random name), 0 when it holds none
 * or several. */
static int lone_year(const char *name) {
  int found = 0;
  for (size_t i = 0; name[i]; i++) {
    int v;
    if (!isdigit((unsigned char)name[i]) || (i && isalnum((unsigned char)name[i - 1]))) continue;
    if (digits(name + i, &v) != 4 || v < SL_SEASON_MIN || v > SL_SEASON_MAX || isalpha((unsigned char)name[i + 4]))
      continue;
    if (found && found != v) return 0;
    found = v;
  }
  return found;
}

int sl_season_from_folder(const char *path, int *first_year) {
  const char *end = path ? strrchr(path, '/') : NULL;
  if (!end || end == path) return 0;
  const char *start = end;
  while (start > path && start[-1] != '/') start--;
  char folder[256];
  size_t len = (size_t)(end - start);
  if (!len || len >= sizeof folder) return 0;
  memcpy(folder, start, len);
  folder[len] = '\0';
  /* a folder name has no extension: a dot in it ("v1.2-2023") must not cut the year off */
  for (char *c = folder; *c; c++)
    if (*c == '.') *c = '_';
  int s = 0;
  if (sl_season_from_path(folder, &s) || (s = date_season(folder)) || (s = lone_year(folder))) {
    if (first_year) *first_year = s;
    return 1;
  }
  return 0;
}

/* Two 4-digit years around a dash ("2023-2024") are a range of first years here, whatever
 * sl_season_parse would read in them: one season is written "2023/24". */
static int is_year_pair(const char *v) {
  return strlen(v) == 9 && v[4] == '-' && strspn(v, "0123456789") == 4 && strspn(v + 5, "0123456789") == 4;
}

int sl_season_range_parse(const char *text, int *first, int *last, sl_error *err) {
  int a = 0, b = 0;
  sl_error ignored;
  const char *v = text ? text : "";
  if (!is_year_pair(v) && sl_season_parse(v, &a, &ignored) == SL_OK) b = a;
  for (const char *dash = strchr(v, '-'); !a && dash; dash = strchr(dash + 1, '-')) {
    char left[SL_SEASON_TEXT_MAX * 2];
    size_t len = (size_t)(dash - v);
    if (len >= sizeof left) break;
    memcpy(left, v, len);
    left[len] = '\0';
    if (sl_season_parse(left, &a, &ignored) != SL_OK || sl_season_parse(dash + 1, &b, &ignored) != SL_OK) a = 0;
  }
  if (!a || b < a)
    return sl_error_set(err, SL_EPARSE, NULL, 0, 0,
                        "expected a season or a range such as 2020-2024 or 2020/21-2024/25, got \"%.64s\"", v);
  if (first) *first = a;
  if (last) *last = b;
  return SL_OK;
}

const char *sl_season_text(int first_year, char *buf, size_t size) {
  if (!buf || !size) return buf;
  if (first_year <= 0) buf[0] = '\0';
  else snprintf(buf, size, "%d/%02d", first_year, (first_year + 1) % 100);
  return buf;
}
