/* compare_find.c - a player found by the name a user types, with "did you mean" and a clear
 * message when the name fits several players. */
#include "compare_impl.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scoutlab/names.h"
#include "scoutlab/season.h"
#include "runtime_internal.h"

/* Suggestions after "did you mean:" (distinct names). */
#define SL_FIND_SUGGESTIONS 3
/* Players named in an ambiguity message before "...". */
#define SL_FIND_AMBIGUOUS_LIST 8

/* A qualifier is a birth year when it is four digits, a season when it reads as one with two
 * years ("2022/23", "2022-23"), otherwise a club name. */
static int qualifier_fits(const sl_player *p, const char *qual, const char *qual_norm) {
  if (!qual_norm || !*qual_norm) return 1;
  char *end;
  long year = strtol(qual_norm, &end, 10);
  if (*end == '\0' && end - qual_norm == 4) return !isnan(p->born) && (long)p->born == year;
  int season = 0;
  if (strpbrk(qual, "/-_") && sl_season_parse(qual, &season, NULL) == SL_OK) return p->season == season;
  /* Each of his clubs, as the stats file writes it, against the club as the user wrote it
   * (which may be another source's form: "Paris Saint-Germain" for FBref's "Paris S-G"). */
  return sl_name_club_in_list(p->clubs, qual_norm);
}

static void describe(const sl_player *p, char *buf, size_t size) {
  if (isnan(p->born)) snprintf(buf, size, "%s (%s)", p->name, p->clubs);
  else sl_snprintf_c(buf, size, "%s (%s, born %.0f)", p->name, p->clubs, p->born);
}

/* A player whose rows were all skipped as impossible: the user sees his name in the file, so
 * "no player" alone would be a riddle. Returns the status, or 0 when no such row matches. */
static int skipped_player(const sl_compare *c, const char *query, const char *qn, sl_error *err) {
  const sl_table *t = c->t;
  for (size_t k = 0; k < c->rep.rows_skipped && t->row_line; k++) {
    const sl_compare_skip *s = &c->skips[k];
    for (size_t r = 0; s->invalid && r < t->nrows; r++) {
      if (c->player_of_row[r] >= 0 || t->row_line[r] != s->line || (t->row_file && t->row_file[r] != s->file))
        continue;
      const char *name = c->c_player->text[r];
      char *n = name ? sl_name_normalise(name) : NULL;
      int hit = n && sl_name_match_score(qn, n) >= 2;
      free(n);
      if (hit)
        return sl_error_set(err, SL_ENOTFOUND, t->nfiles ? t->files[s->file] : NULL, s->line, 0,
                            "no player '%s': the row of %s was skipped: %s", query, name, s->reason);
    }
  }
  return 0;
}

static int not_found(const sl_compare *c, const char *query, const char *qn, sl_error *err) {
  int skipped = skipped_player(c, query, qn, err);
  if (skipped) return skipped;
  const char **names = malloc((c->n ? c->n : 1) * sizeof *names);
  size_t idx[SL_FIND_SUGGESTIONS * 4];
  size_t got = 0;
  if (names) {
    for (size_t i = 0; i < c->n; i++) names[i] = c->players[i].name_norm;
    got = sl_name_suggest(qn, names, c->n, idx, sizeof idx / sizeof idx[0]);
  }
  char list[512] = "";
  size_t shown = 0, off = 0;
  for (size_t k = 0; k < got && shown < SL_FIND_SUGGESTIONS; k++) {
    int dup = 0; /* per-club rows repeat a name: list it once */
    for (size_t j = 0; j < k; j++) dup |= strcmp(names[idx[j]], names[idx[k]]) == 0;
    if (dup) continue;
    int w = snprintf(list + off, sizeof list - off, "%s%s", shown ? ", " : "", c->players[idx[k]].name);
    if (w > 0 && (size_t)w < sizeof list - off) off += (size_t)w;
    shown++;
  }
  free(names);
  if (!shown) return sl_error_set(err, SL_ENOTFOUND, NULL, 0, 0, "no player '%s'", query);
  return sl_error_set(err, SL_ENOTFOUND, NULL, 0, 0, "no player '%s'; did you mean: %s", query, list);
}

/* Whether the hits are one person's rows at several clubs of one season (an index of one entry
 * per club row: a January mover). */
static int one_person_clubs(const sl_compare *c, const size_t *hits, size_t n) {
  const sl_player *a = &c->players[hits[0]];
  for (size_t k = 1; k < n; k++) {
    const sl_player *b = &c->players[hits[k]];
    if (b->season != a->season || strcmp(a->name_norm, b->name_norm) != 0 || strcmp(a->club, b->club) == 0) return 0;
    if (!((isnan(a->born) && isnan(b->born)) || a->born == b->born)) return 0;
  }
  return 1;
}

/* "'X' played for N clubs: A; B; name the club": one person, several club entries. */
static int clubs_of_one(const sl_compare *c, const char *query, const size_t *hits, size_t nhits, sl_error *err) {
  char list[SL_ERROR_MESSAGE_MAX / 2] = "";
  size_t off = 0;
  for (size_t k = 0; k < nhits && k < SL_FIND_AMBIGUOUS_LIST; k++) {
    int w = snprintf(list + off, sizeof list - off, "%s%s", k ? ", " : "", c->players[hits[k]].club);
    if (w > 0 && (size_t)w < sizeof list - off) off += (size_t)w;
  }
  sl_error_set(err, SL_EAMBIG, NULL, 0, 0,
               "'%s' is %s, who played for %zu clubs this season (%s), one entry each: name the club in "
               "parentheses, e.g. \"%s (%s)\"",
               query, c->players[hits[0]].name, nhits, list, c->players[hits[0]].name, c->players[hits[nhits - 1]].club);
  return sl_error_field(err, "player", SL_EAMBIG);
}

static int ambiguous(const sl_compare *c, const char *query, const size_t *hits, size_t nhits,
                     sl_error *err) {
  if (one_person_clubs(c, hits, nhits)) return clubs_of_one(c, query, hits, nhits, err);
  char list[SL_ERROR_MESSAGE_MAX] = "";
  size_t off = 0;
  for (size_t k = 0; k < nhits && k < SL_FIND_AMBIGUOUS_LIST; k++) {
    char one[256];
    describe(&c->players[hits[k]], one, sizeof one);
    int w = snprintf(list + off, sizeof list - off, "%s%s", k ? "; " : "", one);
    if (w > 0 && (size_t)w < sizeof list - off) off += (size_t)w;
  }
  sl_error_set(err, SL_EAMBIG, NULL, 0, 0,
                      "'%s' matches %zu players: %s%s; be more precise: the full name, or the club or "
                      "birth year in parentheses, e.g. \"%s (%s)\"",
                      query, nhits, list, nhits > SL_FIND_AMBIGUOUS_LIST ? "; ..." : "",
                      c->players[hits[0]].name, c->players[hits[0]].clubs);
  return sl_error_field(err, "player", SL_EAMBIG);
}

/* Whether the hits are one player (name and birth year) in different seasons. */
static int one_person(const sl_compare *c, const size_t *hits, size_t n) {
  const sl_player *a = &c->players[hits[0]];
  for (size_t k = 1; k < n; k++) {
    const sl_player *b = &c->players[hits[k]];
    if (!a->season || b->season == a->season || strcmp(a->name_norm, b->name_norm) != 0) return 0;
    if (!((isnan(a->born) && isnan(b->born)) || a->born == b->born)) return 0;
  }
  return 1;
}

size_t sl_compare_player_seasons(const sl_compare *c, size_t i, size_t *out, size_t max) {
  if (!c || i >= c->n) return 0;
  const sl_player *p = &c->players[i];
  size_t n = 0;
  for (size_t j = 0; j < c->n; j++) {
    const sl_player *q = &c->players[j];
    if (strcmp(q->name_norm, p->name_norm) != 0 || !((isnan(q->born) && isnan(p->born)) || q->born == p->born)) continue;
    if (n == max) break;
    size_t pos = n++;
    while (pos > 0 && c->players[out[pos - 1]].season > q->season) out[pos] = out[pos - 1], pos--;
    out[pos] = j;
  }
  return n;
}

int sl_compare_distinct(const sl_compare *c, const char *const *names, const size_t *idx, size_t n, sl_error *err) {
  for (size_t k = 1; c && k < n; k++)
    for (size_t j = 0; j < k; j++) {
      if (idx[j] != idx[k]) continue;
      const sl_player *p = &c->players[idx[k]];
      if (p->nrows > 1)
        return sl_error_field(err, "per_club",
                              sl_error_set(err, SL_EINVAL, NULL, 0, 0,
                                           "'%s' and '%s' are one player, %s, his season at %s combined: compare "
                                           "his clubs apart with one entry per club row",
                                           names[j], names[k], p->name, p->clubs));
      return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "'%s' and '%s' are one player, %s%s%s%s: name two players",
                          names[j], names[k], p->name, p->club[0] ? " (" : "", p->club, p->club[0] ? ")" : "");
    }
  return SL_OK;
}

/* 1 when a player's name is the query as written (a name that ends in parentheses of its own). */
static int is_a_name(const sl_compare *c, const char *query) {
  if (!strchr(query, '(')) return 0;
  for (size_t i = 0; i < c->n; i++)
    if (strcmp(c->players[i].name, query) == 0) return 1;
  return 0;
}

int sl_compare_find(const sl_compare *c, const char *query, size_t *index, sl_error *err) {
  if (!c || !query || !index) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "sl_compare_find: NULL argument");
  char *name = NULL, *qual = NULL;
  if (is_a_name(c, query)) name = strdup(query); /* "Ronaldo (R9)" as the file writes it: no qualifier */
  else sl_name_split_qualifier(query, &name, &qual);
  char *qn = name ? sl_name_normalise(name) : NULL;
  char *qualn = qual ? sl_name_normalise(qual) : NULL;
  size_t *hits = malloc((c->n ? c->n : 1) * sizeof *hits);
  int st;
  if (!qn || !hits || (qual && !qualn)) {
    st = sl_error_set(err, name ? SL_EINVAL : SL_ENOMEM, NULL, 0, 0,
                      "player name '%s' is not valid UTF-8 text", query);
    goto done;
  }
  int best = 0;
  size_t nhits = 0;
  for (size_t i = 0; i < c->n; i++) {
    /* A name of punctuation only ("!!!") normalises to nothing: it is found as written. */
    int s = qn[0] ? sl_name_match_score(qn, c->players[i].name_norm) : strcmp(name, c->players[i].name) == 0;
    if (s == 0 || s < best || !qualifier_fits(&c->players[i], qual, qualn)) continue;
    if (s > best) best = s, nhits = 0;
    hits[nhits++] = i;
  }
  if (nhits > 1 && one_person(c, hits, nhits)) {
    /* one player in several seasons: the latest, unless the query names a season */
    size_t latest = hits[0];
    for (size_t k = 1; k < nhits; k++)
      if (c->players[hits[k]].season > c->players[latest].season) latest = hits[k];
    hits[0] = latest, nhits = 1;
  }
  if (nhits == 1) {
    *index = hits[0];
    st = SL_OK;
  } else if (nhits == 0) {
    st = not_found(c, query, qn, err);
  } else {
    st = ambiguous(c, query, hits, nhits, err);
  }
done:
  free(name), free(qual), free(qn), free(qualn), free(hits);
  return st;
}
