/* compare.c - the player index: rows combined per player, names found as typed.
 * See include/scoutlab/compare.h; definitions in docs/compare.md. */
#include "compare_impl.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "scoutlab/names.h"
#include "scoutlab/season.h"
#include "runtime_internal.h"


static const char *const group_names[SL_GROUP_COUNT] = {
    "unknown", "goalkeeper", "centre-back", "full-back", "midfielder", "winger-forward"};

const char *sl_group_name(sl_group g) {
  return g >= 0 && g < SL_GROUP_COUNT ? group_names[g] : group_names[0];
}

sl_group sl_group_parse(const char *text) {
  static const struct { const char *name; sl_group g; } forms[] = {
      {"goalkeeper", SL_GROUP_GOALKEEPER}, {"gk", SL_GROUP_GOALKEEPER},
      {"keeper", SL_GROUP_GOALKEEPER},     {"centre-back", SL_GROUP_CENTRE_BACK},
      {"center-back", SL_GROUP_CENTRE_BACK}, {"cb", SL_GROUP_CENTRE_BACK},
      {"full-back", SL_GROUP_FULL_BACK},   {"fullback", SL_GROUP_FULL_BACK},
      {"fb", SL_GROUP_FULL_BACK},          {"midfielder", SL_GROUP_MIDFIELDER},
      {"mf", SL_GROUP_MIDFIELDER},         {"winger-forward", SL_GROUP_FORWARD},
      {"forward", SL_GROUP_FORWARD},       {"winger", SL_GROUP_FORWARD},
      {"fw", SL_GROUP_FORWARD}};
  if (!text) return SL_GROUP_UNKNOWN;
  for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++)
    if (strcasecmp(text, forms[i].name) == 0) return forms[i].g;
  return SL_GROUP_UNKNOWN;
}

const char *sl_position_source_name(sl_position_source s) {
  static const char *const names[] = {"none", "override", "positions file", "inferred", "FBref"};
  return s >= 0 && s <= SL_POSSRC_FBREF ? names[s] : names[0];
}

const char *sl_compare_league_strip_(const char *league) {
  if (!league) return "";
  const char *p = league;
  while (*p >= 'a' && *p <= 'z') p++;
  size_t prefix = (size_t)(p - league);
  /* FBref writes "fr Ligue 1", "eng Premier League": 2-3 lower-case letters, a space, a name;
   * scraped exports drop the space ("frLigue 1", "engPremier League"). */
  if (prefix >= 2 && prefix <= 3 && *p == ' ' && (isupper((unsigned char)p[1]) || isdigit((unsigned char)p[1])))
    return p + 1;
  if (prefix >= 2 && prefix <= 3 && isupper((unsigned char)*p)) return p;
  return league;
}

int sl_compare_league_in_list(const char *league, const char *list) {
  if (!league || !list) return 0;
  char *want = sl_name_normalise(sl_compare_league_strip_(league));
  int found = 0;
  const char *s = list;
  while (want && *s && !found) {
    const char *e = strchr(s, ',');
    size_t len = e ? (size_t)(e - s) : strlen(s);
    char item[160];
    if (len >= sizeof item) len = sizeof item - 1;
    memcpy(item, s, len);
    item[len] = '\0';
    char *norm = sl_name_normalise(sl_compare_league_strip_(item));
    found = norm && *norm && strcmp(norm, want) == 0;
    free(norm);
    s = e ? e + 1 : s + len;
  }
  free(want);
  return found;
}

/* ---- building ---------------------------------------------------------------------------- */

typedef struct row_key {
  size_t row;
  const char *norm; /* owned by the keys array's builder */
  double born;
  double season; /* first year of the row's season on a multi-season table, NAN otherwise or
                    when seasons are pooled */
} row_key;

static int cmp_key(const void *a, const void *b) {
  const row_key *x = a, *y = b;
  int s = strcmp(x->norm, y->norm);
  if (s) return s;
  /* NAN birth years sort after known ones and equal each other */
  int xn = isnan(x->born), yn = isnan(y->born);
  if (xn != yn) return xn - yn;
  if (!xn && x->born != y->born) return x->born < y->born ? -1 : 1;
  int xs = isnan(x->season), ys = isnan(y->season);
  if (xs != ys) return xs - ys;
  if (!xs && x->season != y->season) return x->season < y->season ? -1 : 1;
  return x->row < y->row ? -1 : x->row > y->row;
}

/* Same player, and on a multi-season table the same season: seasons are never added up unless
 * the caller pools them (sl_compare_options.pool_seasons). */
static int same_player(const row_key *a, const row_key *b) {
  if (strcmp(a->norm, b->norm) != 0) return 0;
  if (!((isnan(a->season) && isnan(b->season)) || a->season == b->season)) return 0;
  return (isnan(a->born) && isnan(b->born)) || a->born == b->born;
}

static const char *cell_text(const sl_column *col, size_t row) {
  static const char empty[] = "";
  if (!col || col->type != SL_TYPE_TEXT || !col->text || !col->text[row]) return empty;
  return col->text[row];
}

static double cell_num(const sl_compare *c, const sl_column *col, size_t row) {
  double v;
  if (!col || sl_table_number(c->t, col, row, &v) != 1) return NAN;
  return v;
}

/* Appends `item` to a ", "-joined list unless already present. */
static int list_add(char **list, const char *item) {
  if (!item || !*item) return 0;
  size_t ilen = strlen(item);
  if (*list) {
    for (const char *p = *list; (p = strstr(p, item)) != NULL; p += ilen)
      if ((p == *list || p[-1] == ' ') && (p[ilen] == ',' || p[ilen] == '\0')) return 0;
  }
  size_t old = *list ? strlen(*list) : 0;
  char *s = realloc(*list, old + ilen + 3);
  if (!s) return -1;
  if (old) memcpy(s + old, ", ", 2), old += 2;
  memcpy(s + old, item, ilen + 1);
  *list = s;
  return 0;
}

/* The season of a row (first year), or NaN when the cell holds none or a number no season can
 * be (2e23 is no year, and no int holds it): such a row is one of no known season. */
static double row_season(const sl_compare *c, size_t row) {
  double v = cell_num(c, c->c_season, row);
  return v >= SL_SEASON_MIN && v <= SL_SEASON_MAX ? v : NAN;
}

static double row_minutes(const sl_compare *c, size_t row) {
  double m = cell_num(c, c->c_min, row);
  if (isnan(m)) m = 90.0 * cell_num(c, c->c_n90, row);
  return m;
}

/* The season of an entry (multi-season table, not pooled) and its text: "2020/21", or the
 * range of a pooled entry, "2023/24-2024/25". */
static void seasons_of(const sl_compare *c, sl_player *p) {
  double lo = NAN, hi = NAN;
  for (size_t k = 0; c->c_season && k < p->nrows; k++) {
    double v = row_season(c, p->rows[k]);
    if (isnan(v)) continue;
    if (isnan(lo) || v < lo) lo = v;
    if (isnan(hi) || v > hi) hi = v;
  }
  if (isnan(lo) || !c->multi_season) return;
  char a[12], b[12];
  sl_season_text((int)lo, a, sizeof a);
  sl_season_text((int)hi, b, sizeof b);
  if (lo == hi) snprintf(p->seasons, sizeof p->seasons, "%s", a);
  else snprintf(p->seasons, sizeof p->seasons, "%s-%s", a, b);
  p->season = lo == hi && !c->pool_seasons ? (int)lo : 0;
}

/* The row of a player's current club: the latest season, then the latest date of a date column
 * (a transfer or last-match date), else `main_row`, the row with the most minutes. */
static size_t current_row(const sl_compare *c, const sl_player *p, size_t main_row) {
  const sl_column *date = NULL;
  for (size_t j = 0; j < c->t->ncols && !date; j++)
    if (c->t->cols[j].type == SL_TYPE_DATE) date = &c->t->cols[j];
  size_t best = main_row;
  double best_season = row_season(c, main_row), best_date = cell_num(c, date, main_row);
  for (size_t k = 0; k < p->nrows; k++) {
    size_t r = p->rows[k];
    double s = row_season(c, r), d = cell_num(c, date, r);
    int later = !isnan(s) && (isnan(best_season) || s > best_season);
    if (!later && (isnan(s) || s == best_season) && !isnan(d) && (isnan(best_date) || d > best_date)) later = 1;
    if (later) best = r, best_season = s, best_date = d;
  }
  return best;
}

/* Fills player p from rows keys[0..n). */
static int make_player(sl_compare *c, sl_player *p, const row_key *keys, size_t n) {
  memset(p, 0, sizeof *p);
  p->age = p->born = p->market_value = NAN;
  p->rows = malloc(n * sizeof *p->rows);
  if (!p->rows) return SL_ENOMEM;
  p->nrows = n;
  size_t main_row = keys[0].row;
  double main_min = -1, min_sum = 0, n90_sum = 0;
  int have_min = 1;
  for (size_t k = 0; k < n; k++) p->rows[k] = keys[k].row;
  for (size_t k = 0; k < n; k++) {
    size_t r = p->rows[k];
    double m = cell_num(c, c->c_min, r), m90 = cell_num(c, c->c_n90, r);
    if (isnan(m)) have_min = 0;
    else min_sum += m;
    if (!isnan(m90)) n90_sum += m90;
    double rm = row_minutes(c, r);
    if (rm > main_min) main_min = rm, main_row = r;
    double age = cell_num(c, c->c_age, r);
    if (!isnan(age) && (isnan(p->age) || age > p->age)) p->age = age;
    if (list_add(&p->clubs, cell_text(c->c_club, r))) return SL_ENOMEM;
    if (list_add(&p->leagues, sl_compare_league_strip_(cell_text(c->c_league, r)))) return SL_ENOMEM;
  }
  /* Minutes are exact; FBref's 90s is rounded to 0.1, so it is only the fallback. */
  p->minutes = have_min ? min_sum : 90.0 * n90_sum;
  p->nineties = p->minutes / 90.0;
  p->born = keys[0].born;
  seasons_of(c, p);
  p->name = strdup(cell_text(c->c_player, keys[0].row));
  p->name_norm = strdup(keys[0].norm);
  p->league = strdup(sl_compare_league_strip_(cell_text(c->c_league, main_row)));
  p->club = strdup(cell_text(c->c_club, current_row(c, p, main_row)));
  p->fbref_pos = strdup(cell_text(c->c_pos, main_row));
  if (!p->clubs) p->clubs = strdup("");
  if (!p->leagues) p->leagues = strdup("");
  if (!p->name || !p->name_norm || !p->league || !p->fbref_pos || !p->clubs || !p->leagues || !p->club)
    return SL_ENOMEM;
  return SL_OK;
}

static void add_skip(sl_compare *c, size_t row, const char *reason) {
  c->skips[c->rep.rows_skipped].line = c->t->row_line ? c->t->row_line[row] : 0;
  c->skips[c->rep.rows_skipped].reason = reason;
  c->skips[c->rep.rows_skipped].file = c->t->row_file ? c->t->row_file[row] : 0;
  c->rep.rows_skipped++;
}

/* A skip for a value that cannot be true: the reason names it, so the index keeps a copy. */
static void add_invalid(sl_compare *c, size_t row, const char *reason) {
  c->skip_text[row] = strdup(reason);
  add_skip(c, row, c->skip_text[row] ? c->skip_text[row] : "impossible value (no memory for details)");
  c->skips[c->rep.rows_skipped - 1].invalid = 1;
  c->rep.rows_invalid++;
}

/* Why row r's minutes cannot be true, into buf; NULL when they can or are missing (reported
 * apart). Checks the column row_minutes() reads: Min, else 90s. */
static const char *minutes_problem(const sl_compare *c, size_t r, double max, char *buf, size_t size) {
  const sl_column *col = c->c_min;
  double v = NAN, scale = 1.0;
  int got = col ? sl_table_number(c->t, col, r, &v) : 0;
  if (got == 0 && c->c_n90) col = c->c_n90, scale = 90.0, got = sl_table_number(c->t, col, r, &v);
  if (got == 0) return NULL;
  if (got < 0) {
    char text[64];
    const char *cell = sl_table_text(c->t, col, r, text, sizeof text);
    snprintf(buf, size, "%s '%s' is not a number of minutes", col->name, cell ? cell : "");
  } else if (v < 0) {
    sl_snprintf_c(buf, size, "%s %g is negative (expected 0 to %g minutes)", col->name, v, max);
  } else if (v * scale > max) {
    sl_snprintf_c(buf, size, "%s %g is more than one season holds (at most %g minutes in a row)", col->name, v, max);
  } else {
    return NULL;
  }
  return buf;
}

/* ---- duplicate rows ---------------------------------------------------------------------- */

/* Two rows of one player (name and birth year) for the same club, league and season are one
 * row listed twice: adding them up would double his minutes. */
typedef struct dup_key {
  const row_key *key;
  const char *club, *league;
  double season;
} dup_key;

static int cmp_num(double a, double b) {
  int an = isnan(a), bn = isnan(b);
  if (an || bn) return an - bn;
  return a < b ? -1 : a > b;
}

static int cmp_entry(const dup_key *x, const dup_key *y) {
  int s = strcmp(x->key->norm, y->key->norm);
  if (!s) s = cmp_num(x->key->born, y->key->born);
  if (!s) s = strcmp(x->club, y->club);
  if (!s) s = strcmp(x->league, y->league);
  if (!s) s = cmp_num(x->season, y->season);
  return s;
}

static int cmp_dup(const void *a, const void *b) {
  const dup_key *x = a, *y = b;
  int s = cmp_entry(x, y);
  return s ? s : x->key->row < y->key->row ? -1 : x->key->row > y->key->row;
}

static int cmp_skip_line(const void *a, const void *b) {
  const sl_compare_skip *x = a, *y = b;
  if (x->file != y->file) return x->file < y->file ? -1 : 1;
  return x->line < y->line ? -1 : x->line > y->line;
}

/* Skips the later rows of each duplicate group (the first is kept) and compacts keys in order. */
static int drop_duplicates(sl_compare *c, row_key *keys, size_t *nkeys) {
  if (*nkeys < 2) return SL_OK;
  dup_key *d = malloc(*nkeys * sizeof *d);
  char *drop = calloc(c->t->nrows, 1);
  if (!d || !drop) {
    free(d), free(drop);
    return SL_ENOMEM;
  }
  const sl_column *season = sl_table_role(c->t, SL_ROLE_SEASON);
  for (size_t k = 0; k < *nkeys; k++)
    d[k] = (dup_key){&keys[k], cell_text(c->c_club, keys[k].row), cell_text(c->c_league, keys[k].row),
                     cell_num(c, season, keys[k].row)};
  qsort(d, *nkeys, sizeof *d, cmp_dup);
  for (size_t k = 1, first = 0; k < *nkeys; k++) {
    if (cmp_entry(&d[first], &d[k]) != 0) {
      first = k;
      continue;
    }
    char why[160];
    long line = c->t->row_line ? c->t->row_line[d[first].key->row] : 0;
    snprintf(why, sizeof why, "duplicate of line %ld (same player, birth year, club and league)", line);
    add_invalid(c, d[k].key->row, why);
    drop[d[k].key->row] = 1;
  }
  size_t n = 0;
  for (size_t k = 0; k < *nkeys; k++) {
    if (drop[keys[k].row]) free((char *)keys[k].norm);
    else keys[n++] = keys[k];
  }
  *nkeys = n;
  free(d), free(drop);
  /* The list reads in file order, as the other skips were found. */
  qsort(c->skips, c->rep.rows_skipped, sizeof *c->skips, cmp_skip_line);
  return SL_OK;
}

/* Collects usable rows as keys (normalised name, birth year); others go to the skip list. */
static int collect_keys(sl_compare *c, row_key *keys, size_t *nkeys, double max_minutes) {
  *nkeys = 0;
  for (size_t r = 0; r < c->t->nrows; r++) {
    const char *name = cell_text(c->c_player, r);
    if (!*name) {
      add_skip(c, r, "no player name");
      continue;
    }
    char why[200];
    if (minutes_problem(c, r, max_minutes, why, sizeof why)) {
      add_invalid(c, r, why);
      continue;
    }
    if (isnan(row_minutes(c, r))) {
      add_skip(c, r, "no minutes (Min and 90s both missing)");
      continue;
    }
    char *norm = sl_name_normalise(name);
    if (!norm) {
      add_skip(c, r, "player name is not valid UTF-8");
      continue;
    }
    keys[*nkeys].row = r;
    keys[*nkeys].norm = norm;
    keys[*nkeys].born = cell_num(c, c->c_born, r);
    keys[*nkeys].season = c->multi_season && !c->pool_seasons ? row_season(c, r) : NAN;
    (*nkeys)++;
  }
  return drop_duplicates(c, keys, nkeys);
}

/* One player's league matches in a season: at least the 38 matchdays of a 20-club league, or the
 * most any player of one of his rows' leagues played when the data show a longer season (46 in a
 * 24-club league); and 4 more for a winter move between leagues whose calendars are a few rounds
 * apart. Rows of one name and birth year with more between them are two people (FBref 2024/25:
 * PSG's and Genoa's Vitinha, both born 2000, 28 + 23 matches). */
#define SL_COMPARE_SEASON_MATCHES_MIN 38.0
#define SL_COMPARE_WINTER_MATCHES 4.0

/* The most league matches any row of league `league` (stripped) has: the data's season length. */
static double league_season_matches(const sl_compare *c, const char *league) {
  double most = 0;
  for (size_t r = 0; r < c->t->nrows && c->c_league; r++) {
    double mp = cell_num(c, c->c_matches, r);
    if (isfinite(mp) && mp > most && strcmp(sl_compare_league_strip_(cell_text(c->c_league, r)), league) == 0)
      most = mp;
  }
  return most;
}

/* Whether rows keys[0..n) of one name, birth year and season can be one player's clubs. */
static int one_season_of_one_player(const sl_compare *c, const row_key *keys, size_t n) {
  if (n < 2 || (c->multi_season && c->pool_seasons)) return 1; /* pooled seasons add up by design */
  double matches = 0, minutes = 0, season = SL_COMPARE_SEASON_MATCHES_MIN;
  for (size_t k = 0; k < n; k++) {
    double mp = cell_num(c, c->c_matches, keys[k].row), m = row_minutes(c, keys[k].row);
    matches += isfinite(mp) ? mp : 0, minutes += isfinite(m) ? m : 0;
  }
  double limit = season + SL_COMPARE_WINTER_MATCHES;
  if (matches <= limit && minutes <= limit * 90.0) return 1;
  /* Only now (rarely) look for a longer season in the data: a scan of the table per league. */
  for (size_t k = 0; k < n; k++) {
    double most = league_season_matches(c, sl_compare_league_strip_(cell_text(c->c_league, keys[k].row)));
    if (most > season) season = most;
  }
  limit = season + SL_COMPARE_WINTER_MATCHES;
  return matches <= limit && minutes <= limit * 90.0;
}

static int build_players(sl_compare *c, row_key *keys, size_t nkeys, int per_club) {
  if (!per_club) qsort(keys, nkeys, sizeof *keys, cmp_key);
  c->players = calloc(nkeys ? nkeys : 1, sizeof *c->players);
  if (!c->players) return SL_ENOMEM;
  for (size_t k = 0, apart = 0; k < nkeys;) {
    size_t e = k + 1;
    while (!apart && !per_club && e < nkeys && same_player(&keys[k], &keys[e])) e++;
    if (!apart && e - k > 1 && !one_season_of_one_player(c, keys + k, e - k)) {
      c->rep.players_same_name += e - k;
      apart = e - k, e = k + 1; /* each of the rows its own player: "Vitinha" then asks which one */
    }
    if (apart) apart--;
    for (size_t r = k; r < e; r++) c->player_of_row[keys[r].row] = (long)c->n;
    int st = make_player(c, &c->players[c->n++], keys + k, e - k);
    if (st) return st;
    if (e - k > 1) c->rep.players_multi_club++;
    c->rep.rows_used += e - k;
    k = e;
  }
  c->rep.players = c->n;
  return SL_OK;
}

static int find_columns(sl_compare *c, sl_error *err) {
  const sl_table *t = c->t;
  c->c_player = sl_table_role(t, SL_ROLE_PLAYER);
  c->c_club = sl_table_role(t, SL_ROLE_CLUB);
  c->c_league = sl_table_role(t, SL_ROLE_LEAGUE);
  c->c_pos = sl_table_role(t, SL_ROLE_POSITION);
  c->c_age = sl_table_role(t, SL_ROLE_AGE);
  c->c_born = sl_table_role(t, SL_ROLE_BORN);
  c->c_matches = sl_table_role(t, SL_ROLE_MATCHES);
  c->c_min = sl_table_role(t, SL_ROLE_MINUTES);
  c->c_n90 = sl_table_role(t, SL_ROLE_NINETIES);
  c->c_season = sl_table_role(t, SL_ROLE_SEASON);
  double first = NAN;
  for (size_t r = 0; c->c_season && r < t->nrows && !c->multi_season; r++) {
    double v = row_season(c, r);
    if (isnan(v)) continue;
    if (isnan(first)) first = v;
    c->multi_season = v != first;
  }
  const char *file = t->nfiles ? t->files[0] : NULL;
  if (!c->c_player || c->c_player->type != SL_TYPE_TEXT)
    return sl_error_set(err, SL_ENOTFOUND, file, 1, 0,
                        "no player-name column of text (expected a header such as Player or name)");
  if (!c->c_min && !c->c_n90)
    return sl_error_set(err, SL_ENOTFOUND, file, 1, 0,
                        "no minutes column (expected Min, minutes or 90s): per-90 values need one");
  return SL_OK;
}

/* A percentage outside 0-100 is not a percentage (FBref's own CS% reaches 200 on keepers with
 * more clean sheets than keeper matches): count them in used rows so the user is told. */
static void count_bad_percentages(sl_compare *c) {
  const sl_table *t = c->t;
  for (size_t j = 0; j < t->ncols; j++) {
    const sl_column *col = &t->cols[j];
    if (col->type != SL_TYPE_NUMBER || !strchr(col->name, '%')) continue;
    for (size_t r = 0; r < t->nrows; r++) {
      double v = col->num[r];
      if (c->player_of_row[r] < 0 || isnan(v) || (v >= 0 && v <= 100)) continue;
      if (!c->rep.percent_out_of_range++)
        sl_snprintf_c(c->rep.percent_example, sizeof c->rep.percent_example, "%s:%ld: %s %g",
                 t->nfiles ? t->files[t->row_file ? t->row_file[r] : 0] : "", t->row_line ? t->row_line[r] : 0,
                 col->name, v);
    }
  }
}

int sl_compare_new(const sl_table *stats, const sl_compare_options *opt, sl_compare **out,
                   sl_error *err) {
  if (!out) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "sl_compare_new: out is NULL");
  *out = NULL;
  if (!stats) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "sl_compare_new: no stats table");
  sl_compare_options defaults = {0};
  if (!opt) opt = &defaults;
  sl_compare *c = calloc(1, sizeof *c);
  row_key *keys = calloc(stats->nrows ? stats->nrows : 1, sizeof *keys);
  if (c) c->skips = calloc(stats->nrows ? stats->nrows : 1, sizeof *c->skips);
  if (c) c->skip_text = calloc(stats->nrows ? stats->nrows : 1, sizeof *c->skip_text);
  if (c) c->player_of_row = malloc((stats->nrows ? stats->nrows : 1) * sizeof *c->player_of_row);
  if (!c || !keys || !c->skips || !c->skip_text || !c->player_of_row) {
    free(keys);
    sl_compare_free(c);
    return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory building the player index");
  }
  c->t = stats;
  c->pool_seasons = opt->pool_seasons;
  for (size_t r = 0; r < stats->nrows; r++) c->player_of_row[r] = -1;
  c->rep.rows_read = stats->rows_read;
  c->rep.rows_skipped_load = stats->nskipped;
  size_t nkeys = 0;
  /* A header without rows is its own problem, not a missing column (every column is empty). */
  int st = stats->nrows ? SL_OK
           : sl_error_set(err, SL_EDATA, stats->nfiles ? stats->files[0] : NULL, 2, 0,
                          "no data rows (%zu read, %zu skipped): nothing to compare", stats->rows_read, stats->nskipped);
  if (!st) st = find_columns(c, err);
  if (!st) st = collect_keys(c, keys, &nkeys, opt->max_row_minutes > 0 ? opt->max_row_minutes : SL_COMPARE_MAX_ROW_MINUTES);
  if (st == SL_ENOMEM) sl_error_set(err, st, NULL, 0, 0, "out of memory building the player index");
  if (!st) {
    st = build_players(c, keys, nkeys, opt->per_club);
    if (st) sl_error_set(err, st, NULL, 0, 0, "out of memory building the player index");
  }
  for (size_t k = 0; k < nkeys; k++) free((char *)keys[k].norm);
  free(keys);
  c->rep.skipped = c->skips;
  if (!st && !(c->scales = calloc(stats->ncols ? stats->ncols : 1, sizeof *c->scales)))
    st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory building the player index");
  if (!st) st = sl_compare_column_scales(stats, c->scales, &c->per90, err);
  if (!st) count_bad_percentages(c);
  if (!st && sl_compare_index_leagues_(c)) st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory listing leagues");
  if (!st) st = sl_compare_assign_positions_(c, opt, err);
  if (!st && opt->values) st = sl_compare_join_values_(c, opt->values, err);
  if (st) {
    sl_compare_free(c);
    return st;
  }
  *out = c;
  return SL_OK;
}

void sl_compare_free(sl_compare *c) {
  if (!c) return;
  for (size_t i = 0; i < c->n; i++) {
    sl_player *p = &c->players[i];
    free(p->name), free(p->name_norm), free(p->clubs), free(p->club), free(p->league), free(p->leagues);
    free(p->fbref_pos), free(p->rows);
  }
  free(c->players);
  free(c->league_names);
  free(c->scales);
  free(c->skips);
  for (size_t r = 0; c->skip_text && r < c->t->nrows; r++) free(c->skip_text[r]);
  free(c->skip_text);
  free(c->player_of_row);
  free(c);
}

size_t sl_compare_count(const sl_compare *c) { return c ? c->n : 0; }

const char *sl_compare_player_leagues(const sl_player *p) { return *p->leagues ? p->leagues : p->league; }

const sl_player *sl_compare_player(const sl_compare *c, size_t i) {
  return c && i < c->n ? &c->players[i] : NULL;
}

long sl_compare_player_of_row(const sl_compare *c, size_t row) {
  return c && row < c->t->nrows ? c->player_of_row[row] : -1;
}

const sl_compare_report *sl_compare_summary(const sl_compare *c) { return c ? &c->rep : NULL; }

const sl_per90_report *sl_compare_per90(const sl_compare *c) { return c ? &c->per90 : NULL; }

double sl_compare_sum_(const sl_compare *c, const sl_player *p, const sl_column *col) {
  double sum = 0;
  int any = 0;
  for (size_t k = 0; k < p->nrows; k++) {
    double v = cell_num(c, col, p->rows[k]);
    if (!isnan(v)) sum += v, any = 1;
  }
  return any ? sum : NAN;
}
