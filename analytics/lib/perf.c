/* perf.c - performance from a stats history (scoutlab/perf.h): every player-season's terms,
 * computed once when the index is built, and the join of transfers to the season before them.
 *
 * Club figures come from the same stats: a club's league minutes are the sum of its players'
 * minutes over SL_PERF_PLAYERS_ON_PITCH (within 0.3% of matches x 90 on fbref-big5-yearly, and
 * right for a season cut short: Marseille 2019/20 27.97 matches of 28), its points per match the
 * matches-weighted mean of its players' points per match (each match counted once per player in
 * it: Barcelona 2018/19 2.29 = 87/38, Marseille 2019/20 2.00 = 56/28). Entries are sorted by
 * (season, name key) so that a lookup is one binary search. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fees_internal.h"
#include "scoutlab/names.h"
#include "scoutlab/perf.h"

/* Headers of the columns read by name (FBref's site, its Big-5 export and the yearly scrape). */
static const char *const NPXG_NAMES[] = {"npxG", NULL};
static const char *const XAG_NAMES[] = {"xAG", "xA", NULL};
static const char *const PRGP_NAMES[] = {"PrgP", "ProgressivePasses", NULL};
static const char *const PRGC_NAMES[] = {"PrgC", "ProgressiveCarries", NULL};
static const char *const PPM_NAMES[] = {"PointsPerMatch", "PPM", NULL};

typedef struct perf_entry {
  char *key;            /* word key of the normalised name; owned */
  int season;
  sl_perf_terms terms;
  const sl_player *player; /* borrowed from the part's index */
  size_t part, index;   /* the part and its compare index */
} perf_entry;

typedef struct club_total {
  int season;
  char *club;           /* normalised; owned */
  double minutes;       /* its players' minutes */
  double points_weighted, matches; /* sum of points per match x matches, sum of matches */
} club_total;

/* One stats table and its player index. */
typedef struct perf_part {
  sl_table *own_table;  /* loaded here (NULL when borrowed) */
  const sl_table *t;
  sl_compare *own_index;
  const sl_compare *c;
  int season;           /* for a table without a season column */
  sl_column_scale *scales; /* per column of t (sl_compare_column_scales); owned */
} perf_part;

struct sl_perf_index {
  perf_part *parts;
  size_t nparts;
  perf_entry *e;        /* sorted by season, key */
  size_t n;
  size_t *of_player;    /* part 0: compare index -> position in e */
  size_t nplayers0;
  unsigned terms;       /* bits of the terms some column gives */
  int first, last;
};

const char *sl_perf_term_name(sl_perf_term term) {
  static const char *const n[SL_PERF_TERM_COUNT] = {"minutes share", "starts share", "npxG+xAG per 90",
                                                    "progressive actions per 90", "club points per match"};
  return (unsigned)term < SL_PERF_TERM_COUNT ? n[term] : "";
}

static const sl_column *column_named(const sl_table *t, const char *const *names) {
  for (size_t i = 0; names[i]; i++) {
    const sl_column *c = sl_table_column(t, names[i]);
    if (c && (c->type == SL_TYPE_NUMBER || c->type == SL_TYPE_EMPTY)) return c;
  }
  return NULL;
}

static double cell(const sl_table *t, const sl_column *c, size_t row) {
  double v;
  return c && sl_table_number(t, c, row, &v) == 1 ? v : NAN;
}

/* ---- club totals ----------------------------------------------------------------------------- */

static int club_cmp(const void *a, const void *b) {
  const club_total *x = a, *y = b;
  if (x->season != y->season) return x->season < y->season ? -1 : 1;
  return strcmp(x->club, y->club);
}

typedef struct cols {
  const sl_column *season, *club, *minutes, *starts, *matches, *nineties, *npxg, *xag, *prgp, *prgc, *ppm;
  double npxg_scale, xag_scale, prgp_scale, prgc_scale; /* 1: totals; 0: per 90 (multiplied by 90s) */
} cols;

static int row_season(const perf_part *part, const cols *k, size_t row) {
  double s = cell(part->t, k->season, row);
  return isfinite(s) ? (int)s : part->season;
}

/* The club totals of one part, sorted, appended to *ct. */
static int club_totals(const perf_part *part, const cols *k, club_total **ct, size_t *nct) {
  const sl_table *t = part->t;
  size_t n = 0, cap = sl_compare_count(part->c) * 2 + 1;
  club_total *rows = malloc(cap * sizeof *rows);
  if (!rows) return SL_ENOMEM;
  for (size_t i = 0; i < sl_compare_count(part->c); i++) {
    const sl_player *p = sl_compare_player(part->c, i);
    for (size_t j = 0; j < p->nrows; j++) {
      size_t r = p->rows[j];
      const char *club = k->club && k->club->text ? k->club->text[r] : NULL;
      if (!club) continue;
      if (n == cap) {
        club_total *nr = realloc(rows, (cap *= 2) * sizeof *nr);
        if (!nr) goto oom;
        rows = nr;
      }
      double mins = cell(t, k->minutes, r), mp = cell(t, k->matches, r), ppm = cell(t, k->ppm, r);
      club_total *c = &rows[n];
      c->season = row_season(part, k, r);
      if (!(c->club = sl_name_normalise(club))) goto oom;
      n++;
      c->minutes = isfinite(mins) ? mins : 0;
      int weighted = isfinite(ppm) && mp > 0;
      c->points_weighted = weighted ? ppm * mp : 0, c->matches = weighted ? mp : 0;
    }
  }
  qsort(rows, n, sizeof *rows, club_cmp);
  size_t m = 0; /* merge runs of one club and season */
  for (size_t i = 0; i < n; i++) {
    if (m && club_cmp(&rows[m - 1], &rows[i]) == 0) {
      rows[m - 1].minutes += rows[i].minutes;
      rows[m - 1].points_weighted += rows[i].points_weighted, rows[m - 1].matches += rows[i].matches;
      free(rows[i].club);
    } else rows[m++] = rows[i];
  }
  club_total *all = realloc(*ct, (*nct + m + 1) * sizeof *all);
  if (!all) {
    n = m;
    goto oom;
  }
  memcpy(all + *nct, rows, m * sizeof *rows);
  *ct = all, *nct += m;
  free(rows);
  return SL_OK;
oom:
  for (size_t i = 0; i < n; i++) free(rows[i].club);
  free(rows);
  return SL_ENOMEM;
}

static const club_total *club_find(const club_total *ct, size_t n, int season, const char *club_norm) {
  club_total key = {season, (char *)club_norm, 0, 0, 0};
  return bsearch(&key, ct, n, sizeof *ct, club_cmp);
}

/* ---- the terms of one player-season ----------------------------------------------------------- */

/* Total of a column over the player's rows; a per-90 column is turned into a total by each
 * row's 90s. NAN when a used row lacks it. */
static double total(const sl_table *t, const sl_player *p, const sl_column *c, double is_total, const sl_column *nineties,
                    const sl_column *minutes) {
  if (!c) return NAN;
  double s = 0;
  for (size_t j = 0; j < p->nrows; j++) {
    double v = cell(t, c, p->rows[j]);
    if (!isfinite(v)) return NAN;
    if (!is_total) {
      double n90 = cell(t, nineties, p->rows[j]);
      if (!isfinite(n90)) n90 = cell(t, minutes, p->rows[j]) / 90;
      v *= n90;
    }
    s += v;
  }
  return s;
}

static double clamp01(double x) { return x > 1 ? 1 : x; }

static void player_terms(const perf_part *part, const cols *k, const club_total *ct, size_t nct, const sl_player *p,
                         sl_perf_terms *out) {
  const sl_table *t = part->t;
  memset(out, 0, sizeof *out);
  out->name = p->name;
  out->minutes = p->minutes;
  size_t main_row = p->nrows ? p->rows[0] : 0;
  double most = -1, starts = 0;
  for (size_t j = 0; j < p->nrows; j++) {
    double m = cell(t, k->minutes, p->rows[j]), s = cell(t, k->starts, p->rows[j]);
    if (isfinite(m) && m > most) most = m, main_row = p->rows[j];
    starts = isfinite(s) && isfinite(starts) ? starts + s : NAN;
  }
  /* A one-season table gives its entries season 0 (compare.h): the season column's, else the caller's. */
  out->season = p->season ? p->season : p->nrows ? row_season(part, k, main_row) : part->season;
  out->born = isfinite(p->born) ? p->born : out->season && isfinite(p->age) ? out->season - p->age : NAN;
  out->club = k->club && k->club->text && p->nrows ? k->club->text[main_row] : NULL;
  out->club_minutes = out->minutes_share = out->starts_share = out->team_points = NAN;
  char *norm = out->club ? sl_name_normalise(out->club) : NULL;
  const club_total *c = norm ? club_find(ct, nct, row_season(part, k, main_row), norm) : NULL;
  free(norm);
  if (c && c->minutes > 0 && isfinite(p->minutes)) {
    out->club_minutes = c->minutes / SL_PERF_PLAYERS_ON_PITCH;
    out->minutes_share = clamp01(p->minutes / out->club_minutes);
    if (k->starts) out->starts_share = clamp01(starts / (out->club_minutes / 90));
  }
  if (c && c->matches > 0) out->team_points = c->points_weighted / c->matches;
  double n90 = isfinite(p->minutes) ? p->minutes / 90 : NAN;
  double per = n90 > SL_PERF_MIN_NINETIES ? n90 : SL_PERF_MIN_NINETIES;
  double npxg = total(t, p, k->npxg, k->npxg_scale, k->nineties, k->minutes);
  double xag = total(t, p, k->xag, k->xag_scale, k->nineties, k->minutes);
  double prgp = total(t, p, k->prgp, k->prgp_scale, k->nineties, k->minutes);
  double prgc = total(t, p, k->prgc, k->prgc_scale, k->nineties, k->minutes);
  out->npxg_xag_per90 = isfinite(n90) ? (npxg + xag) / per : NAN;
  out->progressive_per90 = isfinite(n90) ? (prgp + prgc) / per : NAN;
}

/* ---- building ----------------------------------------------------------------------------------- */

static int entry_cmp(const void *a, const void *b) {
  const perf_entry *x = a, *y = b;
  if (x->season != y->season) return x->season < y->season ? -1 : 1;
  return strcmp(x->key, y->key);
}

/* Columns and scales of one part (part->scales computed); the terms its columns give as bits. */
static void part_columns(const perf_part *part, cols *k, unsigned *terms) {
  const sl_table *t = part->t;
  memset(k, 0, sizeof *k);
  k->season = sl_table_role(t, SL_ROLE_SEASON), k->club = sl_table_role(t, SL_ROLE_CLUB);
  k->minutes = sl_table_role(t, SL_ROLE_MINUTES), k->starts = sl_table_role(t, SL_ROLE_STARTS);
  k->matches = sl_table_role(t, SL_ROLE_MATCHES), k->nineties = sl_table_role(t, SL_ROLE_NINETIES);
  k->npxg = column_named(t, NPXG_NAMES), k->xag = column_named(t, XAG_NAMES);
  k->prgp = column_named(t, PRGP_NAMES), k->prgc = column_named(t, PRGC_NAMES), k->ppm = column_named(t, PPM_NAMES);
  if (k->club && !k->club->text) k->club = NULL;
  const sl_column_scale *scales = part->scales;
  const sl_column *sc[4] = {k->npxg, k->xag, k->prgp, k->prgc};
  double *scale[4] = {&k->npxg_scale, &k->xag_scale, &k->prgp_scale, &k->prgc_scale};
  for (int i = 0; i < 4; i++) *scale[i] = !sc[i] || scales[sc[i] - t->cols] != SL_SCALE_PER90;
  unsigned bits = 0;
  if (k->club && k->minutes) bits |= 1u << SL_PERF_MINUTES;
  if (k->club && k->minutes && k->starts) bits |= 1u << SL_PERF_STARTS;
  if (k->npxg && k->xag) bits |= 1u << SL_PERF_NPXG_XAG;
  if (k->prgp && k->prgc) bits |= 1u << SL_PERF_PROGRESSIVE;
  if (k->club && k->ppm && k->matches) bits |= 1u << SL_PERF_TEAM_POINTS;
  *terms = bits;
}

/* Computes the entries of every part, then sorts them. */
static int build_entries(sl_perf_index *ix, sl_error *err) {
  size_t total_players = 0;
  for (size_t p = 0; p < ix->nparts; p++) total_players += sl_compare_count(ix->parts[p].c);
  ix->e = calloc(total_players ? total_players : 1, sizeof *ix->e);
  ix->nplayers0 = ix->nparts ? sl_compare_count(ix->parts[0].c) : 0;
  ix->of_player = malloc((ix->nplayers0 ? ix->nplayers0 : 1) * sizeof *ix->of_player);
  if (!ix->e || !ix->of_player) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  ix->terms = ix->nparts ? ~0u : 0;
  for (size_t p = 0; p < ix->nparts; p++) {
    perf_part *part = &ix->parts[p];
    cols k;
    unsigned bits = 0;
    if (!(part->scales = calloc(part->t->ncols ? part->t->ncols : 1, sizeof *part->scales)))
      return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
    int st = sl_compare_column_scales(part->t, part->scales, NULL, err);
    if (st) return st;
    part_columns(part, &k, &bits);
    ix->terms &= bits; /* a term is learned only when every season's stats give it */
    club_total *ct = NULL;
    size_t nct = 0;
    if (club_totals(part, &k, &ct, &nct)) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
    for (size_t i = 0; !st && i < sl_compare_count(part->c); i++) {
      const sl_player *pl = sl_compare_player(part->c, i);
      perf_entry *e = &ix->e[ix->n];
      e->player = pl, e->part = p, e->index = i;
      player_terms(part, &k, ct, nct, pl, &e->terms);
      e->season = e->terms.season;
      e->key = pl->name_norm ? sl_name_word_key(pl->name_norm) : NULL;
      if (!e->key) st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
      else ix->n++;
    }
    for (size_t i = 0; i < nct; i++) free(ct[i].club);
    free(ct);
    if (st) return st;
  }
  ix->terms &= (1u << SL_PERF_TERM_COUNT) - 1;
  qsort(ix->e, ix->n, sizeof *ix->e, entry_cmp);
  for (size_t j = 0; j < ix->n; j++) {
    ix->e[j].terms.entry = j;
    if (ix->e[j].part == 0) ix->of_player[ix->e[j].index] = j;
  }
  ix->first = ix->n ? ix->e[0].season : 0, ix->last = ix->n ? ix->e[ix->n - 1].season : 0;
  return SL_OK;
}

void sl_perf_index_free(sl_perf_index *ix) {
  if (!ix) return;
  for (size_t i = 0; i < ix->n; i++) free(ix->e[i].key);
  for (size_t p = 0; p < ix->nparts; p++) {
    sl_compare_free(ix->parts[p].own_index);
    sl_table_free(ix->parts[p].own_table);
    free(ix->parts[p].scales);
  }
  free(ix->parts), free(ix->e), free(ix->of_player), free(ix);
}

/* Adds a part over t (owned when own_table), with c or an index built here. */
static int add_part(sl_perf_index *ix, const sl_table *t, sl_table *own_table, const sl_compare *c, int season,
                    sl_error *err) {
  perf_part *np = realloc(ix->parts, (ix->nparts + 1) * sizeof *np);
  if (!np) {
    sl_table_free(own_table);
    return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  }
  ix->parts = np;
  perf_part *part = &ix->parts[ix->nparts++];
  memset(part, 0, sizeof *part);
  part->own_table = own_table, part->t = t, part->c = c, part->season = season;
  if (!c) {
    sl_compare_options o = {0}; /* one entry per player and season, the season's clubs combined */
    int st = sl_compare_new(t, &o, &part->own_index, err);
    if (st) return st;
    part->c = part->own_index;
  }
  return SL_OK;
}

int sl_perf_index_new(const sl_table *stats, const sl_compare *c, int season, sl_perf_index **out,
                      sl_error *err) {
  if (!out) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "sl_perf_index_new: out is NULL");
  *out = NULL;
  if (!stats) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "sl_perf_index_new: no stats table");
  sl_perf_index *ix = calloc(1, sizeof *ix);
  if (!ix) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  int st = add_part(ix, stats, NULL, c, season, err);
  if (!st) st = build_entries(ix, err);
  if (st) {
    sl_perf_index_free(ix);
    return st;
  }
  *out = ix;
  return SL_OK;
}

int sl_perf_index_load(const char *const *paths, size_t npaths, const sl_load_options *opt,
                       sl_perf_index **out, sl_error *err) {
  if (!out) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "sl_perf_index_load: out is NULL");
  *out = NULL;
  if (!paths || !npaths) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "no stats files given");
  sl_perf_index *ix = calloc(1, sizeof *ix);
  if (!ix) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  int st = SL_OK;
  /* The two tables the terms read; the others (defense, passing...) would only cost time. */
  static const char *const tables[] = {"standard", "playing_time"};
  for (size_t i = 0; !st && i < npaths; i++) {
    sl_table *t = NULL;
    sl_join_report *rep = NULL;
    if (sl_table_yearly_root(paths[i])) st = sl_table_load_yearly(paths[i], tables, 2, 0, 0, opt, &t, &rep, err);
    else {
      st = sl_table_load_season(&paths[i], 1, opt, &t, &rep, err);
      if (!st && !sl_table_role(t, SL_ROLE_SEASON))
        st = sl_error_field(err, "season", sl_error_set(err, SL_EINVAL, paths[i], 0, 0,
                                                        "no season column and no season in the file name "
                                                        "(e.g. players_data-2024_2025.csv): which season is it?"));
    }
    sl_join_report_free(rep);
    if (st) {
      sl_table_free(t);
      break;
    }
    st = add_part(ix, t, t, NULL, 0, err);
  }
  if (!st) st = build_entries(ix, err);
  if (st) {
    sl_perf_index_free(ix);
    return st;
  }
  *out = ix;
  return SL_OK;
}

size_t sl_perf_index_count(const sl_perf_index *ix) { return ix ? ix->n : 0; }

void sl_perf_index_seasons(const sl_perf_index *ix, int *first, int *last) {
  if (first) *first = ix ? ix->first : 0;
  if (last) *last = ix ? ix->last : 0;
}

unsigned sl_perf_index_terms(const sl_perf_index *ix) { return ix ? ix->terms : 0; }

int sl_perf_terms_of(const sl_perf_index *ix, size_t player, sl_perf_terms *out, sl_error *err) {
  if (!ix || !out || player >= ix->nplayers0)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "sl_perf_terms_of: no player %zu", player);
  *out = ix->e[ix->of_player[player]].terms;
  return SL_OK;
}

/* ---- lookups ------------------------------------------------------------------------------------ */

static int has_season(const sl_perf_index *ix, int season) {
  size_t lo = 0, hi = ix->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (ix->e[mid].season < season) lo = mid + 1;
    else hi = mid;
  }
  return lo < ix->n && ix->e[lo].season == season;
}

/* Where a lookup's candidates are, and the match (shared by sl_perf_find and the join). */
static sl_perf_match find_entry(const sl_perf_index *ix, const char *key, double born, int season, const char *club,
                                size_t *found) {
  if (!has_season(ix, season)) return SL_PERF_NO_SEASON;
  perf_entry probe = {(char *)key, season, {0}, NULL, 0, 0};
  size_t lo = 0, hi = ix->n;
  while (lo < hi) { /* first entry >= (season, key) */
    size_t mid = lo + (hi - lo) / 2;
    if (entry_cmp(&ix->e[mid], &probe) < 0) lo = mid + 1;
    else hi = mid;
  }
  size_t hits = 0, by_club = 0, first = 0, club_hit = 0;
  char *club_norm = club ? sl_name_normalise(club) : NULL;
  for (size_t i = lo; i < ix->n && entry_cmp(&ix->e[i], &probe) == 0; i++) {
    const perf_entry *e = &ix->e[i];
    if (!(fabs(e->terms.born - born) <= SL_PERF_BORN_TOLERANCE)) continue;
    if (!hits++) first = i;
    if (club_norm && club_norm[0] && e->player && e->player->clubs && sl_name_club_in_list(e->player->clubs, club_norm))
      by_club++, club_hit = i;
  }
  free(club_norm);
  if (!hits) return SL_PERF_NOT_FOUND;
  if (hits == 1) return *found = first, SL_PERF_FOUND;
  if (by_club == 1) return *found = club_hit, SL_PERF_FOUND_BY_CLUB;
  return SL_PERF_AMBIGUOUS;
}

sl_perf_match sl_perf_find(const sl_perf_index *ix, const char *name, double born, int season, const char *club,
                           sl_perf_terms *out) {
  if (!ix || !name) return SL_PERF_NOT_FOUND;
  char *norm = sl_name_normalise(name), *key = norm ? sl_name_word_key(norm) : NULL;
  size_t at = 0;
  sl_perf_match m = key ? find_entry(ix, key, born, season, club, &at) : SL_PERF_NOT_FOUND;
  free(norm), free(key);
  if ((m == SL_PERF_FOUND || m == SL_PERF_FOUND_BY_CLUB) && out) *out = ix->e[at].terms;
  return m;
}

void sl_perf_apply(const sl_perf_terms *t, sl_fees_player *p) {
  if (!t || !p) return;
  p->minutes_share = t->minutes_share, p->starts_share = t->starts_share;
  p->npxg_xag_per90 = t->npxg_xag_per90, p->progressive_per90 = t->progressive_per90;
  p->team_points = t->team_points, p->stats_season = t->season;
}

/* ---- stats columns as declared terms ------------------------------------------------------------ */

static const sl_column *numeric_column(const sl_table *t, const char *name) {
  const sl_column *c = sl_table_column(t, name);
  return c && c->num && c->type == SL_TYPE_NUMBER ? c : NULL;
}

int sl_perf_index_has_column(const sl_perf_index *ix, const char *name) {
  for (size_t p = 0; ix && name && p < ix->nparts; p++)
    if (numeric_column(ix->parts[p].t, name)) return 1;
  return 0;
}

int sl_perf_column(const sl_perf_index *ix, const sl_perf_terms *t, const char *name, double *out) {
  *out = NAN;
  if (!ix || !t || !name || t->entry >= ix->n) return SL_ENOTFOUND;
  const perf_entry *e = &ix->e[t->entry];
  const perf_part *part = &ix->parts[e->part];
  const sl_column *c = numeric_column(part->t, name);
  if (!c) return SL_ENOTFOUND;
  const sl_player *p = e->player;
  const sl_column *minutes = sl_table_role(part->t, SL_ROLE_MINUTES);
  int summed = part->scales[c - part->t->cols] == SL_SCALE_TOTAL;
  double sum = 0, weighted = 0, weights = 0;
  for (size_t j = 0; j < p->nrows; j++) {
    double v = cell(part->t, c, p->rows[j]), w = p->nrows > 1 ? cell(part->t, minutes, p->rows[j]) : 1;
    if (!isfinite(v)) return SL_OK;
    if (!(w >= 0)) w = 1; /* minutes unknown: the rows count alike */
    sum += v, weighted += w * v, weights += w;
  }
  if (p->nrows) *out = summed ? sum : weights > 0 ? weighted / weights : sum / (double)p->nrows;
  return SL_OK;
}

/* The deal's column terms the transfers lack (bits stats_columns), from his stats entry t; 0
 * (nothing written) when one is missing. */
static int join_columns(const sl_perf_index *ix, const sl_perf_terms *t, unsigned stats_columns,
                        sl_fees_deals *deals, sl_fees_player *p) {
  double v[SL_FEES_MAX_COLUMN_TERMS];
  for (size_t k = 0; k < deals->ncolumns; k++) {
    if (!(stats_columns >> k & 1u)) continue;
    if (sl_perf_column(ix, t, deals->column_names[k], &v[k]) != SL_OK || !isfinite(v[k])) return 0;
  }
  for (size_t k = 0; k < deals->ncolumns; k++)
    if (stats_columns >> k & 1u) p->column[k] = v[k];
  return 1;
}

/* 1 when every term the index's columns give is known for t. */
static int complete(const sl_perf_terms *t, unsigned terms) {
  const double v[SL_PERF_TERM_COUNT] = {t->minutes_share, t->starts_share, t->npxg_xag_per90, t->progressive_per90,
                                        t->team_points};
  for (int k = 0; k < SL_PERF_TERM_COUNT; k++)
    if ((terms >> k & 1u) && !isfinite(v[k])) return 0;
  return 1;
}

/* Drops the deal list's "no minutes_share column" note: the stats give the term now. */
static void drop_minutes_note(sl_fees_deals *d) {
  for (size_t i = 0; i < d->nnotes; i++)
    if (strstr(d->notes[i], "no minutes_share column")) {
      free(d->notes[i]);
      memmove(d->notes + i, d->notes + i + 1, (d->nnotes - i - 1) * sizeof *d->notes);
      d->nnotes--;
      return;
    }
}

int sl_perf_join(const sl_perf_index *ix, sl_fees_deals *deals, sl_perf_join_report *rep, sl_error *err) {
  if (!ix || !deals) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "sl_perf_join: no index or deals given");
  sl_perf_join_report r = {0};
  r.first_season = ix->first, r.last_season = ix->last, r.terms = ix->terms;
  for (size_t k = 0; k < deals->ncolumns; k++) /* declared columns the transfers do not have */
    if (!(deals->has_columns >> k & 1u) && sl_perf_index_has_column(ix, deals->column_names[k])) r.columns |= 1u << k;
  for (size_t i = 0; i < deals->n; i++) {
    sl_fees_player *p = &deals->deal[i].player;
    r.deals++;
    p->stats_season = 0;
    if (!p->season || !p->name) continue;
    int before = p->season - 1; /* summer S is valued on the season S-1/S just played */
    char *norm = sl_name_normalise(p->name), *key = norm ? sl_name_word_key(norm) : NULL;
    free(norm);
    if (!key) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
    size_t at = 0;
    double born = p->season - p->age;
    sl_perf_match m = find_entry(ix, key, born, before, p->club, &at);
    free(key);
    if (m == SL_PERF_NO_SEASON) continue;
    r.in_range++;
    if (m == SL_PERF_NOT_FOUND) r.not_found++;
    else if (m == SL_PERF_AMBIGUOUS) r.ambiguous++;
    else if (!complete(&ix->e[at].terms, ix->terms) || !join_columns(ix, &ix->e[at].terms, r.columns, deals, p))
      r.incomplete++;
    else {
      const sl_perf_terms *t = &ix->e[at].terms;
      double minutes = p->minutes_share; /* a transfers file's own minutes share is kept */
      sl_perf_apply(t, p);
      if (isfinite(minutes)) p->minutes_share = minutes;
      r.joined++;
      r.joined_by_club += m == SL_PERF_FOUND_BY_CLUB;
      r.joined_born_off += t->born != born;
    }
  }
  r.rate = r.in_range ? (double)r.joined / (double)r.in_range : NAN;
  deals->has_performance = 1;
  deals->has_columns |= r.columns;
  drop_minutes_note(deals);
  if (rep) *rep = r;
  return SL_OK;
}
