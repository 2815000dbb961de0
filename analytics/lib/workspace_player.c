/* workspace_player.c - the player rules of a workspace: which rows are the player, his
 * fee-model record, and the names of leagues and positions a caller may use. */
#include "runtime_internal.h"
#include "workspace_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "scoutlab/names.h"
#include "scoutlab/season.h"

/* Candidates listed when a name fits several players, and suggestions after "did you mean". */
#define WS_AMBIGUOUS_LISTED 8
#define WS_SUGGESTIONS 3

/* ---- finding the player ------------------------------------------------------------------- */

const sl_squad_entry *sl_workspace_entry(const sl_workspace *ws, size_t index) {
  if (!ws || !ws->squad || !ws->cmp || index >= sl_compare_count(ws->cmp)) return NULL;
  const sl_player *p = sl_compare_player(ws->cmp, index);
  const sl_compare *per_club = sl_squad_index(ws->squad);
  const sl_squad_entry *best = NULL;
  for (size_t k = 0; k < p->nrows; k++) {
    long e = sl_compare_player_of_row(per_club, p->rows[k]);
    if (e < 0) continue;
    const sl_squad_entry *en = sl_squad_entry_at(ws->squad, (size_t)e);
    if (!best || en->minutes > best->minutes) best = en;
  }
  return best;
}

/* The qualifier fits row r: a four-digit birth year, or his club in any source's spelling. */
static int row_fits(const sl_table *t, size_t r, const char *qual_norm) {
  if (!qual_norm) return 1;
  char *end;
  long year = strtol(qual_norm, &end, 10);
  if (*end == '\0' && end - qual_norm == 4) {
    const sl_column *born = sl_table_role(t, SL_ROLE_BORN);
    return born && born->num && isfinite(born->num[r]) && (long)born->num[r] == year;
  }
  const sl_column *club = sl_table_role(t, SL_ROLE_CLUB);
  return sl_name_club_in_list(club && club->text ? club->text[r] : NULL, qual_norm);
}

/* "Marquinhos (FC Nantes, age 20, €10.0m)" for a values row. */
static void describe_row(const sl_table *t, size_t r, char *buf, size_t size) {
  const sl_column *name = sl_table_role(t, SL_ROLE_PLAYER), *club = sl_table_role(t, SL_ROLE_CLUB);
  const sl_column *age = sl_table_role(t, SL_ROLE_AGE), *mv = sl_table_role(t, SL_ROLE_MARKET_VALUE);
  double a = NAN, v = NAN;
  if (age) sl_table_number(t, age, r, &a);
  if (mv) sl_table_number(t, mv, r, &v);
  int n = snprintf(buf, size, "%s (%s", name->text[r] ? name->text[r] : "?",
                   club && club->text && club->text[r] ? club->text[r] : "club unknown");
  if (n > 0 && (size_t)n < size && isfinite(a)) n += sl_snprintf_c(buf + n, size - (size_t)n, ", age %.0f", a);
  if (n > 0 && (size_t)n < size && isfinite(v)) n += sl_snprintf_c(buf + n, size - (size_t)n, ", \xe2\x82\xac%.1fm", v / 1e6);
  if (n > 0 && (size_t)n < size) snprintf(buf + n, size - (size_t)n, ")");
}

static int ambiguous_rows(const sl_table *t, const char *query, const size_t *hits, size_t n, sl_error *err) {
  char list[SL_ERROR_MESSAGE_MAX] = "", one[256];
  size_t off = 0;
  for (size_t k = 0; k < n && k < WS_AMBIGUOUS_LISTED; k++) {
    describe_row(t, hits[k], one, sizeof one);
    int w = snprintf(list + off, sizeof list - off, "%s%s", k ? "; " : "", one);
    if (w > 0 && (size_t)w < sizeof list - off) off += (size_t)w;
  }
  const sl_column *name = sl_table_role(t, SL_ROLE_PLAYER), *club = sl_table_role(t, SL_ROLE_CLUB);
  const char *c0 = club && club->text && club->text[hits[0]] ? club->text[hits[0]] : "Club";
  sl_error_set(err, SL_EAMBIG, NULL, 0, 0,
               "'%s' matches %zu players: %s%s; name one as \"Name (Club)\", e.g. \"%s (%s)\"", query, n, list,
               n > WS_AMBIGUOUS_LISTED ? "; ..." : "", name->text[hits[0]], c0);
  return sl_error_field(err, "player", SL_EAMBIG);
}

static int not_found_row(const sl_table *t, const sl_column *names, const char *query, const char *qn, sl_error *err) {
  char **norm = calloc(t->nrows ? t->nrows : 1, sizeof *norm);
  size_t out[WS_SUGGESTIONS], n = 0;
  for (size_t r = 0; norm && r < t->nrows; r++) norm[r] = sl_name_normalise(names->text[r] ? names->text[r] : "");
  if (norm) n = sl_name_suggest(qn, (const char *const *)norm, t->nrows, out, WS_SUGGESTIONS);
  char list[512] = "";
  size_t off = 0;
  for (size_t i = 0; i < n; i++) {
    int w = snprintf(list + off, sizeof list - off, "%s%s", i ? ", " : "; did you mean: ", names->text[out[i]]);
    if (w > 0 && (size_t)w < sizeof list - off) off += (size_t)w;
  }
  for (size_t r = 0; norm && r < t->nrows; r++) free(norm[r]);
  free(norm);
  return sl_error_set(err, SL_ENOTFOUND, t->nfiles ? t->files[0] : NULL, 0, 0, "no player '%s'%s", query, list);
}

/* The season of a row (0 unknown) and the birth year it implies (NAN unknown). */
static double row_season_of(const sl_table *t, size_t r) {
  const sl_column *c = sl_table_role(t, SL_ROLE_SEASON);
  double v = NAN;
  return c && sl_table_number(t, c, r, &v) == 1 && isfinite(v) ? v : 0;
}

static double row_born(const sl_table *t, size_t r) {
  const sl_column *born = sl_table_role(t, SL_ROLE_BORN), *age = sl_table_role(t, SL_ROLE_AGE);
  double b = NAN, a = NAN, s = row_season_of(t, r);
  if (born && sl_table_number(t, born, r, &b) == 1 && isfinite(b)) return b;
  if (age && s > 0 && sl_table_number(t, age, r, &a) == 1 && isfinite(a)) return s - a;
  return NAN;
}

/* Two rows of one name are one person when their birth years agree within a year (age is
 * counted at different dates), or, with no birth year, when they are of one club. */
static int same_person(const sl_table *t, size_t a, size_t b) {
  const sl_column *names = sl_table_role(t, SL_ROLE_PLAYER), *club = sl_table_role(t, SL_ROLE_CLUB);
  char *na = sl_name_normalise(names->text[a]), *nb = sl_name_normalise(names->text[b]);
  int same = na && nb && !strcmp(na, nb);
  free(na), free(nb);
  if (!same) return 0;
  double ba = row_born(t, a), bb = row_born(t, b);
  if (isfinite(ba) && isfinite(bb)) return fabs(ba - bb) <= 1;
  const char *ca = club && club->text ? club->text[a] : NULL, *cb = club && club->text ? club->text[b] : NULL;
  return (!ca && !cb) || (ca && cb && !strcmp(ca, cb));
}

/* Rows of one player: the best name score, the qualifier, and one normalised name (several
 * rows of one name and birth year are seasons of one player: the latest season is his). */
static int find_row(const sl_table *t, const char *query, size_t *row, sl_error *err) {
  const sl_column *names = sl_table_role(t, SL_ROLE_PLAYER);
  if (!names || names->type != SL_TYPE_TEXT)
    return sl_error_set(err, SL_ENOTFOUND, t->nfiles ? t->files[0] : NULL, 0, 0,
                        "no player-name column (Player, name)");
  char *name = NULL, *qual = NULL;
  if (sl_name_split_qualifier(query, &name, &qual)) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  char *qn = sl_name_normalise(name), *qualn = qual ? sl_name_normalise(qual) : NULL;
  size_t *hits = malloc((t->nrows ? t->nrows : 1) * sizeof *hits), nhits = 0;
  int best = 0, st = SL_OK;
  if (!qn || !hits || (qual && !qualn)) st = sl_error_set(err, SL_EINVAL, NULL, 0, 0, "player name '%s' is not valid UTF-8", query);
  for (size_t r = 0; !st && r < t->nrows; r++) {
    char *n = names->text[r] ? sl_name_normalise(names->text[r]) : NULL;
    int s = n ? sl_name_match_score(qn, n) : 0;
    free(n);
    if (!s || s < best || !row_fits(t, r, qualn)) continue;
    if (s > best) best = s, nhits = 0;
    hits[nhits++] = r;
  }
  if (!st && !nhits) st = not_found_row(t, names, query, qn, err);
  if (!st) {
    /* The same person in several rows (seasons of a value history) is one player: his latest row. */
    size_t distinct = 0, *first = malloc(nhits * sizeof *first);
    for (size_t k = 0; first && k < nhits; k++) {
      size_t j = 0;
      while (j < distinct && !same_person(t, hits[k], first[j])) j++;
      if (j == distinct) first[distinct++] = hits[k];
      else if (row_season_of(t, hits[k]) >= row_season_of(t, first[j])) first[j] = hits[k];
    }
    if (!first) st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
    else if (distinct > 1) st = ambiguous_rows(t, query, first, distinct, err);
    else *row = first[0];
    free(first);
  }
  free(name), free(qual), free(qn), free(qualn), free(hits);
  return st;
}

int sl_workspace_player_at(const sl_workspace *ws, size_t index, sl_workspace_player *out, sl_error *err) {
  if (!ws || !out) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "sl_workspace_player_at: NULL argument");
  if (!ws->cmp || index >= sl_compare_count(ws->cmp))
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "sl_workspace_player_at: no player %zu in the stats", index);
  memset(out, 0, sizeof *out);
  out->row = -1;
  out->index = (long)index;
  out->stats = sl_compare_player(ws->cmp, index);
  out->entry = sl_workspace_entry(ws, index);
  out->name = out->stats->name;
  out->club = out->entry ? sl_squad_club_at(ws->squad, out->entry->club)->name : out->stats->clubs;
  return SL_OK;
}

size_t sl_workspace_player_count(const sl_workspace *ws) {
  if (!ws) return 0;
  return ws->cmp ? sl_compare_count(ws->cmp) : ws->values ? ws->values->nrows : 0;
}

/* Player of values row r (no stats). */
static void values_player(const sl_workspace *ws, size_t r, sl_workspace_player *out) {
  memset(out, 0, sizeof *out);
  out->index = -1;
  out->row = (long)r;
  const sl_column *name = sl_table_role(ws->values, SL_ROLE_PLAYER), *club = sl_table_role(ws->values, SL_ROLE_CLUB);
  out->name = name && name->text ? name->text[r] : NULL;
  out->club = club && club->text ? club->text[r] : NULL;
}

int sl_workspace_player_nth(const sl_workspace *ws, size_t i, sl_workspace_player *out, sl_error *err) {
  if (!ws || !out) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "sl_workspace_player_nth: NULL argument");
  if (ws->cmp) return sl_workspace_player_at(ws, i, out, err);
  if (!ws->values || i >= ws->values->nrows)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "sl_workspace_player_nth: no player %zu", i);
  values_player(ws, i, out);
  return SL_OK;
}

/* A player of several clubs in his season, asked for as "Name (Club)": that club's entry (a sale
 * by Milan is valued with Milan's league, not with City's, where he played more). */
static void named_club(const sl_workspace *ws, const char *query, sl_workspace_player *pl) {
  char *name = NULL, *qual = NULL;
  if (sl_name_split_qualifier(query, &name, &qual)) return;
  char *qn = qual ? sl_name_normalise(qual) : NULL;
  const sl_compare *per_club = ws->squad ? sl_squad_index(ws->squad) : NULL;
  for (size_t k = 0; qn && per_club && pl->stats->nrows > 1 && k < pl->stats->nrows; k++) {
    long e = sl_compare_player_of_row(per_club, pl->stats->rows[k]);
    if (e < 0) continue;
    const sl_squad_entry *en = sl_squad_entry_at(ws->squad, (size_t)e);
    const char *club = sl_squad_club_at(ws->squad, en->club)->name;
    if (!sl_name_club_in_list(club, qn)) continue;
    pl->entry = en, pl->club = club, pl->club_named = 1;
    break;
  }
  free(name), free(qual), free(qn);
}

int sl_workspace_find(const sl_workspace *ws, const char *query, sl_workspace_player *out, sl_error *err) {
  if (!ws || !query || !out) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "sl_workspace_find: NULL argument");
  memset(out, 0, sizeof *out);
  out->index = out->row = -1;
  if (ws->cmp) {
    size_t i;
    int st = sl_compare_find(ws->cmp, query, &i, err);
    if (!st) st = sl_workspace_player_at(ws, i, out, err);
    if (!st) named_club(ws, query, out);
    return st;
  }
  if (!ws->values)
    return sl_error_field(err, "player", sl_error_set(err, SL_ENOTFOUND, NULL, 0, 0,
                                                      "no stats or values file to find the player '%s' in", query));
  size_t r = 0;
  int st = find_row(ws->values, query, &r, err);
  if (st) return st;
  values_player(ws, r, out);
  return SL_OK;
}

/* ---- names of positions and leagues ------------------------------------------------------- */

int sl_workspace_position(const char *name, int *group, sl_error *err) {
  int g = sl_fees_position_group(name);
  if (g >= 0) {
    *group = g;
    return SL_OK;
  }
  if (g == -1)
    return sl_error_field(err, "position",
                          sl_error_set(err, SL_EUNKNOWN, NULL, 0, 0,
                                       "position '%s' is not a position group: it names only a line (expected GK, "
                                       "CB, FB, DM/CM, AM/W or CF)", name ? name : ""));
  static const char *const known[] = {"GK", "CB", "FB", "LB", "RB", "DM", "CM", "AM", "LW", "RW", "CF", "SS",
                                      "goalkeeper", "centre-back", "full-back", "left-back", "right-back",
                                      "defensive midfield", "central midfield", "attacking midfield", "winger",
                                      "centre-forward", "striker"};
  const char *norm[sizeof known / sizeof known[0]];
  char *q = sl_name_normalise(name ? name : ""), *mem[sizeof known / sizeof known[0]];
  size_t n = sizeof known / sizeof known[0], out[1], got = 0;
  for (size_t i = 0; i < n; i++) norm[i] = mem[i] = sl_name_normalise(known[i]);
  if (q) got = sl_name_suggest(q, norm, n, out, 1);
  for (size_t i = 0; i < n; i++) free(mem[i]);
  free(q);
  sl_error_set(err, SL_EUNKNOWN, NULL, 0, 0, "position '%s' is not a position%s%s%s (expected GK, CB, FB, DM/CM, "
               "AM/W, CF or CB, LB, RB, DM, CM, AM, LW, RW, CF...)", name ? name : "", got ? "; did you mean " : "",
               got ? known[out[0]] : "", got ? "?" : "");
  return sl_error_field(err, "position", SL_EUNKNOWN);
}



/* The distinct league labels of the model's deals (both sides), excluding the unknown and the
 * countries outside the coverage. Caller frees the array (labels are borrowed). */
static size_t model_leagues(const sl_fees_model *m, const char ***out) {
  size_t cap = m->deals ? 2 * m->deals->n : 0, n = 0;
  const char **l = malloc((cap ? cap : 1) * sizeof *l);
  for (size_t i = 0; l && i < (m->deals ? m->deals->n : 0); i++) {
    const char *side[2] = {m->deals->deal[i].player.league, m->deals->deal[i].player.buyer_league};
    for (int s = 0; s < 2; s++) {
      const char *x = side[s];
      if (!x || !strcmp(x, "unknown") || !strncmp(x, "outside", 7) || !strcmp(x, "other")) continue;
      size_t j = 0;
      while (j < n && strcmp(l[j], x) != 0) j++;
      if (j == n) l[n++] = x;
    }
  }
  *out = l;
  return l ? n : 0;
}

/* 1 when the label is a level of a league term (not pooled into "other"). */
static int is_level(const sl_fees_model *m, const char *label) {
  for (size_t t = 0; t < m->nterms; t++) {
    const sl_fees_term *term = &m->terms[t];
    if (term->var != SL_FEES_VAR_BUYER_LEAGUE && term->var != SL_FEES_VAR_SELLER_LEAGUE) continue;
    for (size_t k = 0; k < term->nlevels; k++) /* as the design reads a label: case aside */
      if (!strcasecmp(term->levels[k], label)) return 1;
  }
  return 0;
}

int sl_workspace_league(const sl_workspace *ws, const char *name, const char *field, const char **canonical,
                        int *pooled, sl_error *err) {
  if (!ws || !ws->model || !name)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "a league can only be checked against a fee model");
  const char **l = NULL;
  size_t n = model_leagues(ws->model, &l);
  char *q = sl_name_normalise(name);
  long hit = -1;
  char **norm = calloc(n ? n : 1, sizeof *norm);
  for (size_t i = 0; q && norm && i < n && hit < 0; i++) {
    norm[i] = sl_name_normalise(l[i]);
    if (norm[i] && !strcmp(norm[i], q)) hit = (long)i;
  }
  /* the exact spelling first, then the same league: a spelling that is a level of the model
   * before a rarer one the training deals pooled */
  for (int want_level = 1; want_level >= 0 && hit < 0; want_level--)
    for (size_t i = 0; q && norm && i < n && hit < 0; i++)
      if ((!want_level || is_level(ws->model, l[i])) && sl_name_same_league(l[i], name)) hit = (long)i;
  int st = SL_OK;
  if (hit >= 0) {
    *canonical = l[hit];
    if (pooled) *pooled = !is_level(ws->model, l[hit]);
  } else {
    size_t got = 0, out[WS_SUGGESTIONS];
    for (size_t i = 0; norm && i < n; i++)
      if (!norm[i]) norm[i] = sl_name_normalise(l[i]);
    if (q && norm) got = sl_name_suggest(q, (const char *const *)norm, n, out, 1);
    sl_error_set(err, SL_EUNKNOWN, NULL, 0, 0, "league '%s' is not one of the %zu leagues in the fee model's deals%s%s%s",
                 name, n, got ? "; did you mean " : "", got ? l[out[0]] : "", got ? "?" : "");
    st = sl_error_field(err, field ? field : "league", SL_EUNKNOWN);
  }
  for (size_t i = 0; norm && i < n; i++) free(norm[i]);
  free(norm), free(q), free(l);
  return st;
}
