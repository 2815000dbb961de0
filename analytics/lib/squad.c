/* squad.c - the squad object: options, weights, the per-club index, clubs and team matches,
 * and finding clubs, leagues and players as typed. See include/scoutlab/squad.h and docs/squad.md. */
#include "squad_impl.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "scoutlab/names.h"
#include "scoutlab/season.h"
#include "scoutlab/parse.h"
#include "runtime_internal.h"

/* FBref rounds Min% to 0.1: from 10% up the team-minutes estimate is within 0.5% (0.2 matches). */
#define SL_SQUAD_MIN_PCT_FOR_ESTIMATE 10.0
/* A FBref Min% is a share of (team matches x 90) minutes: Min / (Min% / 100) / 90 = Min / (0.9 Min%). */
#define SL_SQUAD_MIN_PCT_TO_MATCHES 0.9
/* How many names a did-you-mean lists. */
#define SL_SQUAD_SUGGESTIONS 3

static const char *const component_names[SL_SQUAD_COMPONENT_COUNT] = {
    "availability", "impact", "quality", "replaceability", "contract_age", "value_share"};

const char *sl_squad_component_name(sl_squad_component c) {
  return c >= 0 && c < SL_SQUAD_COMPONENT_COUNT ? component_names[c] : "";
}

const char *sl_squad_entry_inputs(const sl_squad_entry *e, char *buf, size_t size) {
  if (!buf || !size) return buf;
  size_t off = 0;
  buf[0] = '\0';
  for (int pass = 0; pass < 2; pass++) {
    int first = 1;
    for (int k = 0; k < SL_SQUAD_COMPONENT_COUNT; k++) {
      int used = e->weight[k] > 0;
      if (used != (pass == 0)) continue;
      const char *lead = first ? (pass ? (off ? "; left out: " : "left out: ") : "from ") : ", ";
      int w = pass && e->note[k][0]
                  ? snprintf(buf + off, size - off, "%s%s (%s)", lead, component_names[k], e->note[k])
                  : snprintf(buf + off, size - off, "%s%s", lead, component_names[k]);
      if (w < 0 || (size_t)w >= size - off) return buf;
      off += (size_t)w;
      first = 0;
    }
  }
  return buf;
}

const char *sl_squad_partial_text(const sl_squad_club *c, char *buf, size_t size) {
  if (!buf || !size) return buf;
  buf[0] = '\0';
  if (c && c->partial)
    sl_snprintf_c(buf, size, "only %.1f players on the pitch on average (a whole squad adds up to %.0f or more): "
                  "rows of %s are missing from the stats, so its ranks and shares are of part of the squad",
                  c->players_on_pitch, SL_SQUAD_ON_PITCH_COMPLETE, c->name);
  return buf;
}

const char *sl_team_matches_source_name(sl_team_matches_source s) {
  static const char *const names[] = {"team_matches column", "Min%", "max MP"};
  return s >= 0 && s <= SL_TEAM_MATCHES_MAX_MP ? names[s] : "";
}

void sl_squad_default(sl_squad_options *o) {
  if (!o) return;
  memset(o, 0, sizeof *o);
  o->weights[SL_SQUAD_AVAILABILITY] = SL_SQUAD_W_AVAILABILITY;
  o->weights[SL_SQUAD_IMPACT] = SL_SQUAD_W_IMPACT;
  o->weights[SL_SQUAD_QUALITY] = SL_SQUAD_W_QUALITY;
  o->weights[SL_SQUAD_REPLACEABILITY] = SL_SQUAD_W_REPLACEABILITY;
  o->weights[SL_SQUAD_CONTRACT_AGE] = SL_SQUAD_W_CONTRACT_AGE;
  o->weights[SL_SQUAD_VALUE_SHARE] = SL_SQUAD_W_VALUE_SHARE;
  sl_pool_default(&o->pool);
  o->real_minutes_share = SL_SQUAD_REAL_MINUTES_SHARE;
  o->k_on_off = SL_SQUAD_K_ON_OFF;
  o->k_xg_on_off = SL_SQUAD_K_XG_ON_OFF;
  o->k_quality = SL_SQUAD_K_QUALITY;
}

static int weights_valid(const double *w, sl_error *err) {
  double sum = 0;
  for (int c = 0; c < SL_SQUAD_COMPONENT_COUNT; c++) {
    if (!(w[c] >= 0) || !isfinite(w[c]))
      return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "weight of %s is %g (expected a number >= 0)",
                          component_names[c], w[c]);
    sum += w[c];
  }
  if (!(sum > 0)) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "every component weight is zero");
  return SL_OK;
}

int sl_squad_weights_parse(const char *text, sl_squad_options *o, sl_error *err) {
  if (!text || !o) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "no weights given");
  double w[SL_SQUAD_COMPONENT_COUNT];
  memcpy(w, o->weights, sizeof w);
  for (const char *p = text; *p;) {
    const char *end = strchr(p, ',');
    size_t len = end ? (size_t)(end - p) : strlen(p);
    char item[96];
    if (len >= sizeof item) len = sizeof item - 1;
    memcpy(item, p, len);
    item[len] = '\0';
    char *eq = strchr(item, '=');
    int c = -1;
    if (eq) {
      *eq = '\0';
      for (int k = 0; k < SL_SQUAD_COMPONENT_COUNT; k++)
        if (strcasecmp(item, component_names[k]) == 0) c = k;
    }
    double v;
    if (!eq || c < 0)
      return sl_error_set(err, SL_EINVAL, NULL, 0, 0,
                          "weight \"%s\" is not name=value with a name among availability, impact, "
                          "quality, replaceability, contract_age, value_share", item);
    if (!sl_parse_number(eq + 1, SL_DECIMAL_POINT, &v) || v < 0)
      return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "weight of %s is \"%s\" (expected a number >= 0)",
                          item, eq + 1);
    w[c] = v;
    p = end ? end + 1 : p + len;
  }
  int st = weights_valid(w, err);
  if (!st) memcpy(o->weights, w, sizeof w);
  return st;
}

int sl_squad_season_parse(const char *text) {
  int first;
  return sl_season_parse(text, &first, NULL) == SL_OK ? first : 0;
}

const char *sl_squad_league_strip_(const char *league) {
  if (!league) return "";
  const char *p = league;
  while (*p >= 'a' && *p <= 'z') p++;
  size_t prefix = (size_t)(p - league);
  if (prefix >= 2 && prefix <= 3 && *p == ' ' && (isupper((unsigned char)p[1]) || isdigit((unsigned char)p[1])))
    return p + 1;
  return league;
}

double sl_squad_cell_(const sl_squad *s, const sl_column *col, size_t i) {
  const sl_player *p = sl_compare_player(s->index, i);
  double v;
  if (!col || !p || !p->nrows || sl_table_number(s->t, col, p->rows[0], &v) != 1) return NAN;
  return v;
}

/* ---- clubs --------------------------------------------------------------------------------- */

static const char *club_of(const sl_squad *s, size_t i) {
  const sl_player *p = sl_compare_player(s->index, i);
  const sl_column *c = s->c_club;
  if (!c || c->type != SL_TYPE_TEXT || !p->nrows || !c->text[p->rows[0]]) return "";
  return c->text[p->rows[0]];
}

/* qsort has no context argument: entries are sorted as (club name, index) pairs. */
typedef struct club_key {
  const char *club;
  size_t i;
} club_key;

static int cmp_club_key(const void *a, const void *b) {
  const club_key *x = a, *y = b;
  int c = strcmp(x->club, y->club);
  return c ? c : (x->i > y->i) - (x->i < y->i);
}

static double median(double *v, size_t n);

/* Team matches of club k: a team_matches column, else FBref's Min% (median over players with at
 * least SL_SQUAD_MIN_PCT_FOR_ESTIMATE percent, rounded: matches are whole), else the most MP. */
static void team_matches(sl_squad *s, sl_squad_club *club, const size_t *members, double *buf) {
  double max_mp = 0;
  size_t n_col = 0, n_pct = 0;
  for (size_t k = 0; k < club->n; k++) {
    size_t i = members[k];
    double mp = sl_squad_cell_(s, s->c_mp, i), tm = sl_squad_cell_(s, s->c_team_matches, i);
    if (mp > max_mp) max_mp = mp;
    if (tm > 0) buf[n_col++] = tm;
  }
  if (n_col) {
    club->team_matches = median(buf, n_col);
    club->team_matches_source = SL_TEAM_MATCHES_COLUMN;
    return;
  }
  for (size_t k = 0; k < club->n; k++) {
    size_t i = members[k];
    double pct = sl_squad_cell_(s, s->c_min_pct, i), min = s->e[i].minutes;
    if (pct >= SL_SQUAD_MIN_PCT_FOR_ESTIMATE && min > 0) buf[n_pct++] = min / (SL_SQUAD_MIN_PCT_TO_MATCHES * pct);
  }
  double est = n_pct ? round(median(buf, n_pct)) : 0;
  /* Nobody plays more matches than his team: an estimate below max MP is a bad Min% column. */
  if (n_pct && est >= max_mp) {
    club->team_matches = est;
    club->team_matches_source = SL_TEAM_MATCHES_MIN_SHARE;
  } else {
    club->team_matches = max_mp;
    club->team_matches_source = SL_TEAM_MATCHES_MAX_MP;
  }
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

static double median(double *v, size_t n) {
  qsort(v, n, sizeof *v, cmp_double);
  return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

static int build_clubs(sl_squad *s) {
  club_key *order = malloc((s->n ? s->n : 1) * sizeof *order);
  double *buf = malloc((s->n ? s->n : 1) * sizeof *buf);
  s->clubs = calloc(s->n ? s->n : 1, sizeof *s->clubs);
  s->club_norm = calloc(s->n ? s->n : 1, sizeof *s->club_norm);
  if (!order || !buf || !s->clubs || !s->club_norm) {
    free(order), free(buf);
    return SL_ENOMEM;
  }
  for (size_t i = 0; i < s->n; i++) order[i].club = club_of(s, i), order[i].i = i;
  qsort(order, s->n, sizeof *order, cmp_club_key);
  int st = SL_OK;
  for (size_t k = 0; k < s->n && !st;) {
    size_t e = k + 1;
    const char *name = order[k].club;
    while (e < s->n && strcmp(order[e].club, name) == 0) e++;
    sl_squad_club *club = &s->clubs[s->nclubs];
    club->name = name;
    club->league = sl_compare_player(s->index, order[k].i)->league;
    club->n = e - k;
    club->ranked = malloc(club->n * sizeof *club->ranked);
    s->club_norm[s->nclubs] = sl_name_normalise(name);
    if (!club->ranked || !s->club_norm[s->nclubs]) st = SL_ENOMEM;
    for (size_t j = k; j < e && !st; j++) {
      club->ranked[j - k] = order[j].i;
      s->e[order[j].i].club = s->nclubs;
      club->minutes_total += s->e[order[j].i].minutes;
    }
    s->nclubs++;
    if (!st) {
      team_matches(s, club, club->ranked, buf);
      club->team_minutes = 90.0 * club->team_matches;
      club->players_on_pitch = club->team_minutes > 0 ? club->minutes_total / club->team_minutes : NAN;
      club->partial = club->players_on_pitch < SL_SQUAD_ON_PITCH_COMPLETE;
    }
    k = e;
  }
  free(order), free(buf);
  s->rep.clubs = s->nclubs;
  return st;
}

/* ---- building ------------------------------------------------------------------------------ */

static void find_columns(sl_squad *s) {
  const sl_table *t = s->t;
  s->c_club = sl_table_role(t, SL_ROLE_CLUB);
  s->c_starts = sl_table_role(t, SL_ROLE_STARTS);
  if (!s->c_starts) s->c_starts = sl_table_column(t, "Starts_stats_playing_time");
  s->c_mn_start = sl_table_column(t, "Mn/Start");
  s->c_compl = sl_table_column(t, "Compl");
  if (!s->c_compl) s->c_compl = sl_table_column(t, "CompleteMatches"); /* the yearly playing_time table */
  s->c_mp = sl_table_role(t, SL_ROLE_MATCHES);
  if (!s->c_mp) s->c_mp = sl_table_column(t, "MP_stats_playing_time");
  s->c_min_pct = sl_table_column(t, "Min%");
  s->c_team_matches = sl_table_role(t, SL_ROLE_TEAM_MATCHES);
  s->c_on_off = sl_table_column(t, "On-Off");
  if (!s->c_on_off) s->c_on_off = sl_table_column(t, "on_off");
  if (!s->c_on_off) s->c_on_off = sl_table_column(t, "gOnOffPlusMinus90"); /* yearly: FBref's On-Off */
  s->c_plus_minus = sl_table_column(t, "+/-");
  s->c_xg_on_off = sl_table_column(t, "On-Off_xG");
  if (!s->c_xg_on_off) s->c_xg_on_off = sl_table_column(t, "xg_on_off");
  if (!s->c_xg_on_off) s->c_xg_on_off = sl_table_column(t, "XgOnOffPlusMinus90"); /* yearly: On-Off_xG */
  s->c_xg_plus_minus = sl_table_column(t, "xG+/-");
  s->c_xg_plus_minus90 = sl_table_column(t, "xG+/-90");
  s->rep.have_on_off = s->c_on_off || s->c_plus_minus;
  s->rep.have_xg_on_off = s->c_xg_on_off || s->c_xg_plus_minus || s->c_xg_plus_minus90;
}

static void init_entries(sl_squad *s) {
  for (size_t i = 0; i < s->n; i++) {
    sl_squad_entry *e = &s->e[i];
    const sl_player *p = sl_compare_player(s->index, i);
    memset(e, 0, sizeof *e);
    e->player = i;
    e->minutes = p->minutes;
    e->age = p->age;
    double *nan_fields[] = {&e->total, &e->minutes_share, &e->starts, &e->starts_share, &e->minutes_per_start,
                            &e->completed, &e->completed_share, &e->effective_minutes, &e->on_off,
                            &e->on_off_shrunk, &e->xg_on_off, &e->xg_on_off_shrunk, &e->quality_raw,
                            &e->quality, &e->group_slots, &e->depth_score, &e->next_quality, &e->gap_score,
                            &e->age_score, &e->years_left, &e->contract_score, &e->contract_until, &e->value_eur,
                            &e->value_share};
    for (size_t k = 0; k < sizeof nan_fields / sizeof nan_fields[0]; k++) *nan_fields[k] = NAN;
    for (int c = 0; c < SL_SQUAD_COMPONENT_COUNT; c++) e->score[c] = NAN;
    e->next_man = -1;
  }
}

static int compute(sl_squad *s, sl_error *err) {
  init_entries(s);
  if (build_clubs(s)) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory grouping clubs");
  sl_squad_availability_(s);
  sl_squad_impact_(s);
  int st = sl_squad_quality_(s, err);
  if (st) return st;
  sl_squad_replaceability_(s);
  st = sl_squad_contract_age_(s, err);
  if (st) return st;
  sl_squad_value_share_(s);
  st = sl_squad_totals_and_ranks_(s);
  return st ? sl_error_set(err, st, NULL, 0, 0, "out of memory ranking players") : SL_OK;
}

int sl_squad_new(const sl_table *stats, const sl_squad_options *opt, sl_squad **out, sl_error *err) {
  if (!out) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "sl_squad_new: out is NULL");
  *out = NULL;
  if (!stats) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "sl_squad_new: no stats table");
  sl_squad_options defaults;
  sl_squad_default(&defaults);
  if (!opt) opt = &defaults;
  int st = weights_valid(opt->weights, err);
  if (st) return st;
  if (!sl_table_role(stats, SL_ROLE_CLUB))
    return sl_error_set(err, SL_ENOTFOUND, stats->nfiles ? stats->files[0] : NULL, 1, 0,
                        "no club column (expected a header such as Squad or club): a squad needs one");
  sl_squad *s = calloc(1, sizeof *s);
  if (!s) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  s->t = stats;
  s->opt = *opt;
  /* Per-club entries by construction: a player's minutes for another club never count here. */
  sl_compare_options copt = {1, opt->positions, opt->overrides, opt->values, 0, 0};
  st = sl_compare_new(stats, &copt, &s->index, err);
  if (!st) {
    s->n = sl_compare_count(s->index);
    const sl_compare_report *r = sl_compare_summary(s->index);
    s->rep.rows_read = r->rows_read;
    s->rep.rows_used = r->rows_used;
    s->rep.rows_skipped = r->rows_skipped + r->rows_skipped_load;
    s->e = calloc(s->n ? s->n : 1, sizeof *s->e);
    if (!s->e) st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  }
  if (!st) {
    find_columns(s);
    st = compute(s, err);
  }
  if (st) {
    sl_squad_free(s);
    return st;
  }
  *out = s;
  return SL_OK;
}

void sl_squad_free(sl_squad *s) {
  if (!s) return;
  for (size_t k = 0; k < s->nclubs; k++) free(s->clubs[k].ranked), free(s->club_norm[k]);
  free(s->clubs), free(s->club_norm), free(s->e);
  sl_compare_free(s->index);
  free(s);
}

const sl_compare *sl_squad_index(const sl_squad *s) { return s ? s->index : NULL; }
size_t sl_squad_count(const sl_squad *s) { return s ? s->n : 0; }
const sl_squad_entry *sl_squad_entry_at(const sl_squad *s, size_t i) { return s && i < s->n ? &s->e[i] : NULL; }
size_t sl_squad_club_count(const sl_squad *s) { return s ? s->nclubs : 0; }
const sl_squad_club *sl_squad_club_at(const sl_squad *s, size_t k) { return s && k < s->nclubs ? &s->clubs[k] : NULL; }
const sl_squad_report *sl_squad_summary(const sl_squad *s) { return s ? &s->rep : NULL; }

/* ---- finding ------------------------------------------------------------------------------- */

/* "did you mean: A, B, C" for a query among normalised names (display names alongside). */
static void suggest(const char *qn, const char *const *norms, const char *const *shown, size_t n,
                    char *buf, size_t size) {
  size_t idx[SL_SQUAD_SUGGESTIONS];
  size_t got = sl_name_suggest(qn, norms, n, idx, SL_SQUAD_SUGGESTIONS);
  size_t len = 0;
  buf[0] = '\0';
  for (size_t k = 0; k < got && len < size; k++)
    len += (size_t)snprintf(buf + len, size - len, "%s%s", k ? ", " : "; did you mean: ", shown[idx[k]]);
}

/* Best match of a normalised query: exact, else the unique best score >= 2 (whole words). */
static long match_name(const char *qn, const char *const *norms, size_t n) {
  long best = -1;
  int best_score = 0, ties = 0;
  for (size_t k = 0; k < n; k++) {
    int sc = sl_name_match_score(qn, norms[k]);
    if (sc > best_score) best_score = sc, best = (long)k, ties = 1;
    else if (sc == best_score && sc > 0) ties++;
  }
  return best_score >= 3 || (best_score >= 2 && ties == 1) ? best : -1;
}

int sl_squad_find_club(const sl_squad *s, const char *query, size_t *club, sl_error *err) {
  if (!s || !query || !club) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "sl_squad_find_club: bad argument");
  char *qn = sl_name_normalise(query);
  if (!qn) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "club name \"%s\" is not valid UTF-8", query);
  long k = match_name(qn, (const char *const *)s->club_norm, s->nclubs);
  if (k < 0) { /* another source's form of the name: "Paris Saint-Germain" for "Paris S-G" */
    size_t hits = 0;
    for (size_t j = 0; j < s->nclubs; j++)
      if (sl_name_club_match(qn, s->club_norm[j])) k = hits++ ? k : (long)j;
    if (hits != 1) k = -1;
  }
  if (k >= 0) {
    free(qn);
    *club = (size_t)k;
    return SL_OK;
  }
  const char **shown = malloc((s->nclubs ? s->nclubs : 1) * sizeof *shown);
  char more[512] = "";
  if (shown) {
    for (size_t j = 0; j < s->nclubs; j++) shown[j] = s->clubs[j].name;
    suggest(qn, (const char *const *)s->club_norm, shown, s->nclubs, more, sizeof more);
  }
  free(shown), free(qn);
  return sl_error_set(err, SL_ENOTFOUND, NULL, 0, 0, "no club '%s'%s", query, more);
}

int sl_squad_find_player(const sl_squad *s, const char *query, size_t *entry, sl_error *err) {
  if (!s) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "sl_squad_find_player: no squad");
  return sl_compare_find(s->index, query, entry, err);
}

/* Club k's own players are searched first, as "query (club)": a name that fits several players
 * of the league but one of the club is his. Only a name the club does not have is looked up
 * league-wide, so that the message can say where that player plays. */
int sl_squad_find_in_club(const sl_squad *s, size_t k, const char *query, size_t *entry, sl_error *err) {
  if (!s || k >= s->nclubs || !query || !entry)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "sl_squad_find_in_club: bad argument");
  char *name = NULL, *qual = NULL;
  if (sl_name_split_qualifier(query, &name, &qual)) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  int own = name && !qual, st = SL_ENOTFOUND;
  free(name), free(qual);
  if (own) {
    size_t len = strlen(query) + strlen(s->clubs[k].name) + sizeof " ()";
    char *q = malloc(len);
    if (!q) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
    snprintf(q, len, "%s (%s)", query, s->clubs[k].name);
    st = sl_compare_find(s->index, q, entry, err);
    free(q);
    if (st == SL_OK && s->e[*entry].club == k) return SL_OK;
    if (st != SL_OK && st != SL_ENOTFOUND) return st; /* two of the club's players fit */
  }
  if ((st = sl_compare_find(s->index, query, entry, err))) return st;
  if (s->e[*entry].club == k) return SL_OK;
  const sl_player *p = sl_compare_player(s->index, *entry);
  return sl_error_set(err, SL_ENOTFOUND, NULL, 0, 0, "%s plays for %s, not %s", p->name, s->clubs[s->e[*entry].club].name,
                      s->clubs[k].name);
}


int sl_squad_league_ranked(const sl_squad *s, const char *query, size_t *out, size_t max, size_t *n,
                           const char **league, sl_error *err) {
  if (!s || !query || !n) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "sl_squad_league_ranked: bad argument");
  *n = 0;
  /* Distinct leagues, from the clubs (each club has one). */
  const char **names = malloc((s->nclubs ? s->nclubs : 1) * sizeof *names);
  char **norms = calloc(s->nclubs ? s->nclubs : 1, sizeof *norms);
  char *qn = sl_name_normalise(sl_squad_league_strip_(query));
  size_t nl = 0;
  int st = names && norms && qn ? SL_OK : SL_ENOMEM;
  for (size_t k = 0; !st && k < s->nclubs; k++) {
    size_t j = 0;
    while (j < nl && strcmp(names[j], s->clubs[k].league) != 0) j++;
    if (j < nl) continue;
    names[nl] = s->clubs[k].league;
    if (!(norms[nl++] = sl_name_normalise(s->clubs[k].league))) st = SL_ENOMEM;
  }
  long hit = st ? -1 : match_name(qn, (const char *const *)norms, nl);
  /* A typed country prefix ("fr ligue 1", "xx test league"): the stored names have none. */
  const char *space = qn ? strchr(qn, ' ') : NULL;
  if (!st && hit < 0 && space && space - qn >= 2 && space - qn <= 3)
    hit = match_name(space + 1, (const char *const *)norms, nl);
  if (!st && hit < 0) {
    char more[512] = "";
    suggest(qn, (const char *const *)norms, names, nl, more, sizeof more);
    st = sl_error_set(err, SL_ENOTFOUND, NULL, 0, 0, "no league '%s'%s", query, more);
  } else if (!st) {
    const char *name = names[hit];
    if (league) *league = name;
    size_t *all = malloc((s->n ? s->n : 1) * sizeof *all), m = 0;
    if (!all) st = SL_ENOMEM;
    for (size_t i = 0; !st && i < s->n; i++)
      if (strcmp(sl_compare_player(s->index, i)->league, name) == 0) all[m++] = i;
    if (!st) st = sl_squad_sort_ranked_(s, all, m);
    if (!st) {
      for (size_t k = 0; k < m && k < max && out; k++) out[k] = all[k];
      *n = m;
    }
    free(all);
  }
  for (size_t j = 0; j < nl; j++) free(norms[j]);
  free(names), free(norms), free(qn);
  if (st == SL_ENOMEM) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  return st;
}
