/* names.c - accent/case-insensitive names with utf8proc; see include/scoutlab/names.h */
#include "scoutlab/names.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

/* Characters utf8proc keeps as letters but users type as two ASCII letters or one. */
static const char *fold_special(utf8proc_int32_t cp) {
  switch (cp) {
  case 0x00F8: case 0x00D8: return "o";  /* ø Ø: no decomposition in Unicode */
  case 0x00E6: case 0x00C6: return "ae"; /* æ */
  case 0x0153: case 0x0152: return "oe"; /* œ */
  case 0x00DF: return "ss";              /* ß */
  case 0x0131: return "i";               /* dotless ı (Çalhanoğlu's Turkish spellings) */
  case 0x0142: case 0x0141: return "l";  /* ł */
  case 0x0111: case 0x0110: return "d";  /* đ */
  case 0x00F0: case 0x00D0: return "d";  /* ð */
  case 0x00FE: case 0x00DE: return "th"; /* þ */
  default: return NULL;
  }
}

char *sl_name_normalise(const char *name) {
  if (!name) return NULL;
  utf8proc_uint8_t *folded = NULL;
  utf8proc_ssize_t n = utf8proc_map((const utf8proc_uint8_t *)name, 0, &folded,
                                    UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_DECOMPOSE |
                                        UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
  if (n < 0) return NULL;
  /* Output is at most twice the input (the "ae"/"th" expansions) plus the terminator. */
  char *out = malloc((size_t)n * 2 + 1);
  if (!out) {
    free(folded);
    return NULL;
  }
  size_t o = 0;
  int pending_space = 0;
  for (utf8proc_ssize_t i = 0; i < n;) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t w = utf8proc_iterate(folded + i, n - i, &cp);
    if (w <= 0) break;
    i += w;
    const char *special = fold_special(cp);
    utf8proc_category_t cat = utf8proc_category(cp);
    int is_alnum = special || (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                   (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
    if (cp == '\'' || cp == 0x2019 || cp == '.') continue; /* "N'Dri" ~ "NDri", "J. Smith" */
    if (!is_alnum) {
      pending_space = o > 0;
      continue;
    }
    if (pending_space) out[o++] = ' ';
    pending_space = 0;
    if (special) {
      size_t k = strlen(special);
      memcpy(out + o, special, k);
      o += k;
    } else {
      utf8proc_ssize_t k = utf8proc_encode_char(cp, (utf8proc_uint8_t *)out + o);
      o += (size_t)k;
    }
  }
  out[o] = '\0';
  free(folded);
  return out;
}

/* Next word of a normalised string: sets *len, returns its start or NULL at the end. */
static const char *next_word(const char *s, size_t *len) {
  while (*s == ' ') s++;
  if (!*s) return NULL;
  const char *e = strchr(s, ' ');
  *len = e ? (size_t)(e - s) : strlen(s);
  return s;
}

/* 2 when the query word equals a word of name, 1 when it prefixes one, 0 otherwise. */
static int word_in(const char *w, size_t wl, const char *name) {
  int best = 0;
  size_t nl;
  for (const char *p = next_word(name, &nl); p; p = next_word(p + nl, &nl)) {
    if (nl == wl && memcmp(p, w, wl) == 0) return 2;
    if (nl > wl && memcmp(p, w, wl) == 0) best = 1;
  }
  return best;
}

int sl_name_match_score(const char *query, const char *name) {
  if (!query || !name || !*query) return 0;
  if (strcmp(query, name) == 0) return 3;
  int score = 2;
  size_t wl;
  for (const char *w = next_word(query, &wl); w; w = next_word(w + wl, &wl)) {
    int s = word_in(w, wl, name);
    if (s == 0) return 0;
    if (s < score) score = s;
  }
  return score;
}

/* Optimal string alignment distance: Levenshtein plus the swap of two neighbours as one edit
 * ("Cpm%" is one from "Cmp%", "Chelsae" one from "Chelsea"), the commonest typo. */
size_t sl_name_distance(const char *a, const char *b, size_t cap) {
  size_t la = strlen(a), lb = strlen(b);
  if (la > lb ? la - lb >= cap : lb - la >= cap) return cap;
  size_t *rows = malloc(3 * (lb + 1) * sizeof *rows);
  if (!rows) return cap;
  size_t *two = rows, *prev = rows + (lb + 1), *cur = rows + 2 * (lb + 1);
  for (size_t j = 0; j <= lb; j++) prev[j] = j, two[j] = cap;
  size_t prev_min = 0;
  for (size_t i = 1; i <= la; i++) {
    cur[0] = i;
    size_t rmin = cur[0];
    for (size_t j = 1; j <= lb; j++) {
      size_t best = prev[j - 1] + (a[i - 1] != b[j - 1]);
      if (prev[j] + 1 < best) best = prev[j] + 1;
      if (cur[j - 1] + 1 < best) best = cur[j - 1] + 1;
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && two[j - 2] + 1 < best) best = two[j - 2] + 1;
      cur[j] = best;
      if (best < rmin) rmin = best;
    }
    if (rmin >= cap && prev_min >= cap) { /* a swap reaches back one row: both past the cap */
      free(rows);
      return cap;
    }
    prev_min = rmin;
    size_t *t = two;
    two = prev, prev = cur, cur = t;
  }
  size_t d = prev[lb];
  free(rows);
  return d < cap ? d : cap;
}

/* Distance from query to the closest word-aligned part of name, so that "balerdy" is near
 * "leonardo balerdi" although the full names differ a lot in length. */
size_t sl_name_part_distance(const char *q, const char *name, size_t cap) {
  size_t best = sl_name_distance(q, name, cap), nl;
  char word[128];
  for (const char *p = next_word(name, &nl); p; p = next_word(p + nl, &nl)) {
    if (nl >= sizeof word) continue;
    memcpy(word, p, nl);
    word[nl] = '\0';
    size_t d = sl_name_distance(q, word, cap);
    if (d < best) best = d;
    d = sl_name_distance(q, p, cap); /* "alpah fc" against "alpha fc" from this word on */
    if (d < best) best = d;
  }
  return best;
}

size_t sl_name_suggest(const char *query, const char *const *names, size_t n, size_t *out,
                       size_t want) {
  /* A name half the query's length away or more is not a plausible typo ("data" is not "rate",
   * two of four letters changed): distances below len/2 are kept, cap itself is beyond. */
  size_t cap = (strlen(query) + 1) / 2, got = 0;
  if (cap < 1) cap = 1;
  size_t *dist = malloc((want ? want : 1) * sizeof *dist);
  if (!dist) return 0;
  for (size_t i = 0; i < n; i++) {
    if (!names[i]) continue;
    int dup = 0;
    for (size_t k = 0; k < got; k++) dup |= strcmp(names[out[k]], names[i]) == 0;
    if (dup) continue;
    size_t d = sl_name_part_distance(query, names[i], cap);
    if (d >= cap) continue;
    size_t pos = got < want ? got++ : want;
    while (pos > 0 && dist[pos - 1] > d) {
      if (pos < want) {
        dist[pos] = dist[pos - 1];
        out[pos] = out[pos - 1];
      }
      pos--;
    }
    if (pos < want) {
      dist[pos] = d;
      out[pos] = i;
    }
  }
  free(dist);
  return got;
}

size_t sl_name_suggest_raw(const char *query, const char *const *names, size_t n, size_t *out, size_t want) {
  char *q = query ? sl_name_normalise(query) : NULL;
  char **norm = q && n ? calloc(n, sizeof *norm) : NULL;
  size_t got = 0;
  for (size_t i = 0; norm && i < n; i++) norm[i] = names[i] ? sl_name_normalise(names[i]) : NULL;
  if (norm) got = sl_name_suggest(q, (const char *const *)norm, n, out, want);
  for (size_t i = 0; norm && i < n; i++) free(norm[i]);
  free(norm), free(q);
  return got;
}

static int cmp_word(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

char *sl_name_word_key(const char *name_norm) {
  size_t len = strlen(name_norm), nwords = 0;
  char *copy = malloc(len + 1), *out = malloc(len + 1);
  const char **words = malloc((len / 2 + 1) * sizeof *words); /* words are separated by spaces */
  if (!copy || !out || !words) {
    free(copy), free(out), free(words);
    return NULL;
  }
  memcpy(copy, name_norm, len + 1);
  for (char *p = copy; *p;) {
    while (*p == ' ') p++;
    if (!*p) break;
    words[nwords++] = p;
    while (*p && *p != ' ') p++;
    if (*p) *p++ = '\0';
  }
  qsort(words, nwords, sizeof *words, cmp_word);
  size_t o = 0;
  for (size_t k = 0; k < nwords; k++) {
    size_t wl = strlen(words[k]);
    if (k) out[o++] = ' ';
    memcpy(out + o, words[k], wl);
    o += wl;
  }
  out[o] = '\0';
  free(copy), free(words);
  return out;
}

/* ---- clubs -------------------------------------------------------------------------------- */

/* Club-name words a source may leave out ("FC Barcelona" / "Barcelona"). */
static int club_filler(const char *w) {
  static const char *const filler[] = {"fc", "cf", "afc", "sc", "ac", "ssc", "as", "us", "club", "de", "calcio", "1"};
  for (size_t i = 0; i < sizeof filler / sizeof filler[0]; i++)
    if (!strcmp(w, filler[i])) return 1;
  return 0;
}

/* Abbreviations sources use for club words, spelt out. */
static const char *club_word(const char *w) {
  static const char *const abbrev[][2] = {{"utd", "united"}, {"st", "saint"}, {"ath", "athletic"},
                                          {"nott", "nottingham"}, {"wolves", "wolverhampton"}};
  for (size_t i = 0; i < sizeof abbrev / sizeof abbrev[0]; i++)
    if (!strcmp(w, abbrev[i][0])) return abbrev[i][1];
  return w;
}

/* Club words of a normalised name (filler dropped, abbreviations spelt out): up to max, in the
 * caller's buffer copy (modified). Returns the count. */
#define SL_CLUB_MAX_WORDS 12
static size_t club_words(char *copy, const char **w, size_t max) {
  size_t n = 0;
  for (char *p = copy; *p && n < max;) {
    while (*p == ' ') p++;
    if (!*p) break;
    char *start = p;
    while (*p && *p != ' ') p++;
    if (*p) *p++ = '\0';
    if (!club_filler(start)) w[n++] = club_word(start);
  }
  return n;
}

/* 1 when w (two letters or more) is the initials of longw[j], longw[j+1]...: "sg" for "saint
 * germain" in "Paris SG". */
static int initials_at(const char *w, const char **longw, size_t nl, size_t j) {
  size_t len = strlen(w);
  if (len < 2 || j + len > nl) return 0;
  for (size_t k = 0; k < len; k++)
    if (longw[j + k][0] != w[k]) return 0;
  return 1;
}

static int words_prefix_in_order(const char **shortw, size_t ns, const char **longw, size_t nl) {
  size_t j = 0;
  for (size_t i = 0; i < ns; i++) {
    size_t len = strlen(shortw[i]);
    while (j < nl && strncmp(longw[j], shortw[i], len) != 0 && !initials_at(shortw[i], longw, nl, j)) j++;
    if (j == nl) return 0;
    j += strncmp(longw[j], shortw[i], len) == 0 ? 1 : len; /* a word, or the run its initials are */
  }
  return 1;
}

/* "psg" against "paris saint germain": one word equal to the other's initials. */
static int acronym_of(const char *word, const char **w, size_t n) {
  if (!word || n < 2 || strlen(word) != n) return 0;
  for (size_t i = 0; i < n; i++)
    if (word[i] != w[i][0]) return 0;
  return 1;
}

/* 0 when the names do not match, else how much of the longer name the match covers, in
 * percent: "paris s g" covers all of "paris saint germain", "paris" (Paris FC) a third. */
static int club_match_score(const char *a_norm, const char *b_norm) {
  if (!a_norm || !b_norm || !*a_norm || !*b_norm) return 0;
  char *ca = strdup(a_norm), *cb = strdup(b_norm);
  const char *wa[SL_CLUB_MAX_WORDS], *wb[SL_CLUB_MAX_WORDS];
  int score = 0;
  if (ca && cb) {
    size_t na = club_words(ca, wa, SL_CLUB_MAX_WORDS), nb = club_words(cb, wb, SL_CLUB_MAX_WORDS);
    size_t longer = na > nb ? na : nb;
    int hit = 0;
    if (na && nb && na <= nb) hit = words_prefix_in_order(wa, na, wb, nb);
    if (na && nb && !hit && nb <= na) hit = words_prefix_in_order(wb, nb, wa, na);
    if (hit) score = (int)(100 * (na < nb ? na : nb) / longer);
    if (!score && na && nb && (acronym_of(wa[0], wb, nb) || acronym_of(wb[0], wa, na))) score = 100;
  }
  free(ca), free(cb);
  return score;
}

int sl_name_club_match(const char *a_norm, const char *b_norm) { return club_match_score(a_norm, b_norm) > 0; }

long sl_name_club_find(const char *query, const char *const *clubs, size_t n) {
  char *q = query ? sl_name_normalise(query) : NULL;
  long exact = -1, best = -1;
  int best_score = 0, ties = 0;
  for (size_t i = 0; q && i < n; i++) {
    char *c = clubs[i] ? sl_name_normalise(clubs[i]) : NULL;
    int sc = c ? club_match_score(q, c) : 0;
    if (c && !strcmp(c, q) && exact < 0) exact = (long)i;
    else if (sc > best_score) best_score = sc, best = (long)i, ties = 1;
    else if (sc && sc == best_score) ties++;
    free(c);
  }
  free(q);
  return exact >= 0 ? exact : ties == 1 ? best : -1;
}

char *sl_name_club_key(const char *name) {
  char *norm = name ? sl_name_normalise(name) : NULL;
  if (!norm) return NULL;
  const char *w[SL_CLUB_MAX_WORDS];
  size_t nw = club_words(norm, w, SL_CLUB_MAX_WORDS), len = 1;
  for (size_t i = 0; i < nw; i++) len += strlen(w[i]) + 1;
  char *key = malloc(len), *end = key;
  for (size_t i = 0; key && i < nw; i++) {
    if (i) *end++ = ' ';
    size_t l = strlen(w[i]);
    memcpy(end, w[i], l), end += l;
  }
  if (key) *end = '\0';
  free(norm);
  return key;
}

long sl_name_club_find_same(const char *query, const char *const *clubs, size_t n) {
  char *q = sl_name_club_key(query);
  long found = -1;
  size_t hits = 0;
  for (size_t i = 0; q && *q && i < n; i++) {
    char *c = sl_name_club_key(clubs[i]);
    if (c && strcmp(q, c) == 0) found = (long)i, hits++;
    free(c);
  }
  free(q);
  return hits == 1 ? found : -1;
}

int sl_name_club_in_list(const char *clubs, const char *club_norm) {
  if (!clubs || !club_norm || !*club_norm) return 0;
  char *copy = strdup(clubs);
  int fits = 0;
  for (char *save = NULL, *one = copy ? strtok_r(copy, ",", &save) : NULL; one && !fits;
       one = strtok_r(NULL, ",", &save)) {
    char *n = sl_name_normalise(one);
    fits = n && (strstr(n, club_norm) != NULL || sl_name_club_match(n, club_norm));
    free(n);
  }
  free(copy);
  return fits;
}

int sl_name_split_qualifier(const char *q, char **name, char **qual) {
  *name = NULL, *qual = NULL;
  const char *open = strrchr(q, '(');
  size_t len = strlen(q);
  while (len && q[len - 1] == ' ') len--;
  if (open && open > q && len && q[len - 1] == ')') {
    *name = strndup(q, (size_t)(open - q));
    *qual = strndup(open + 1, (size_t)(q + len - 1 - (open + 1)));
    if (*name && *qual) return 0;
    free(*name), free(*qual);
    *name = *qual = NULL;
    return -1;
  }
  *name = strdup(q);
  return *name ? 0 : -1;
}

/* One league under the names the sources give it (normalised, without spaces or punctuation):
 * Transfermarkt's file names against FBref's and the leagues' own. Only names no other league
 * goes by ("Primera División" and "Pro League" are several countries' names). Static data. */
static const char *const league_aliases[][2] = {
    {"bundesliga", "1bundesliga"},          {"laliga", "laligaea"},
    {"laliga", "laligaeasports"},           {"primeiraliga", "ligaportugal"},
    {"primeiraliga", "ligaportugalbetclic"}, {"jupilerproleague", "belgianproleague"},
    {"jupilerproleague", "firstdivisiona"}, {"scottishpremiership", "premiership"},
    {"premierliga", "russianpremierleague"}, {"premierliga", "russianpremierliga"},
};

/* FBref's country codes before a league's name ("it Serie A", "esLa Liga" in the yearly
 * tables): those of the leagues the transfers cover, lower case, the only prefixes read as a
 * country (a code elsewhere, "br Série A", is another league than Italy's Serie A). */
static const char *const country_codes[] = {"eng", "es", "de", "it", "fr", "nl", "pt", "be", "sct", "ru"};

/* key of a normalised league name: its letters and digits, a leading "1" kept ("1 Bundesliga",
 * "1. Bundesliga" and "Bundesliga" then meet through the aliases), the alias's first name when
 * it has one. Writes at most size - 1 bytes. */
static void league_key(const char *norm, char *key, size_t size) {
  size_t k = 0;
  for (const char *c = norm; *c && k + 1 < size; c++)
    if ((*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') || (unsigned char)*c >= 0x80) key[k++] = *c;
  key[k] = '\0';
  for (size_t i = 0; i < sizeof league_aliases / sizeof league_aliases[0]; i++)
    if (!strcmp(key, league_aliases[i][1])) snprintf(key, size, "%s", league_aliases[i][0]);
}

/* The raw name's FBref country code (index into country_codes) and the name after it; -1 and
 * the name itself without one. A code is lower case, before a space or glued to a capital. */
static int country_of(const char *raw, const char **rest) {
  *rest = raw;
  for (size_t i = 0; i < sizeof country_codes / sizeof country_codes[0]; i++) {
    size_t n = strlen(country_codes[i]);
    if (strncmp(raw, country_codes[i], n) != 0) continue;
    char next = raw[n];
    if (next == ' ' && raw[n + 1]) *rest = raw + n + 1;
    else if (next >= 'A' && next <= 'Z') *rest = raw + n;
    else continue;
    return (int)i;
  }
  return -1;
}

#define LEAGUE_KEY_MAX 96

int sl_name_same_league(const char *a, const char *b) {
  if (!a || !b) return 0;
  if (!strcmp(a, b)) return *a != '\0';
  const char *ra, *rb;
  int ca = country_of(a, &ra), cb = country_of(b, &rb);
  if (ca >= 0 && cb >= 0 && ca != cb) return 0; /* two countries' leagues, whatever their names */
  char *na = sl_name_normalise(ra), *nb = sl_name_normalise(rb);
  char ka[LEAGUE_KEY_MAX], kb[LEAGUE_KEY_MAX];
  int same = 0;
  if (na && nb) {
    league_key(na, ka, sizeof ka), league_key(nb, kb, sizeof kb);
    same = *ka && !strcmp(ka, kb);
  }
  free(na), free(nb);
  return same;
}

const char *sl_name_family(const char *name, char *buf, size_t size) {
  if (!size) return buf;
  buf[0] = '\0';
  if (!name) return buf;
  const char *space = strrchr(name, ' '), *last = space && space[1] ? space + 1 : name;
  const char *hyphen = strchr(last, '-');
  /* "Kim Min-jae", "Son Heung-min": a given name of two syllables, the second lower-case, after a
   * family name written first (a double-barrelled surname capitalises both: Alexander-Arnold). */
  if (space && hyphen && hyphen[1] >= 'a' && hyphen[1] <= 'z' && !memchr(name, ' ', (size_t)(space - name))) {
    snprintf(buf, size, "%.*s", (int)(space - name), name);
    return buf;
  }
  snprintf(buf, size, "%s", last);
  return buf;
}
