/* names.h - player and club names compared the way a user types them: accent-, case- and
 * punctuation-insensitive (utf8proc: "Müller" matches "Muller", "balerdi" finds "Leonardo Balerdi"),
 * plus the "did you mean" list for a name that is not found.
 *
 * sl_name_normalise returns a new string the caller frees with free().
 *
 *   char *k = sl_name_normalise("Çalhanoğlu");   // "calhanoglu"
 *   int s = sl_name_match_score("balerdi", "Leonardo Balerdi"); // > 0
 */
#ifndef SCOUTLAB_NAMES_H
#define SCOUTLAB_NAMES_H

#include <stddef.h>

#include "scoutlab/export.h"
SL_BEGIN_DECLS /* C linkage, exported; thread safety: see scoutlab/export.h */

/** Folds accents and case, maps punctuation/hyphens to spaces and collapses whitespace.
 *  Returns a new string (caller frees with free()) or NULL on invalid UTF-8 / no memory. */
char *sl_name_normalise(const char *name);

/** The words of a normalised name in sorted order ("son heung min" and "heung min son" both
 *  give "heung min son"), for matching sources that write family and given names in different
 *  orders. Returns a new string (caller frees with free()) or NULL on no memory. */
char *sl_name_word_key(const char *name_norm);

/** How well a query matches a name, both already normalised: 3 exact, 2 every query word is a
 *  whole word of the name ("balerdi" in "leonardo balerdi"), 1 every query word is a prefix of
 *  a name word, 0 no match. */
int sl_name_match_score(const char *query_norm, const char *name_norm);

/** Edit distance (Levenshtein with the swap of two neighbours as one edit, bytes) between two
 *  normalised names, capped at cap. */
size_t sl_name_distance(const char *a, const char *b, size_t cap);

/** Edit distance from query to the closest word-aligned part of name (a word, or the name from
 *  a word on: "balerdy" is 1 from "leonardo balerdi"), capped at cap; both normalised. What
 *  sl_name_suggest ranks by. */
size_t sl_name_part_distance(const char *query_norm, const char *name_norm, size_t cap);

/** Indices of the closest `want` names to query (by edit distance on normalised forms),
 *  written to out (caller's array of size want); returns how many were written. names are
 *  normalised forms. */
size_t sl_name_suggest(const char *query_norm, const char *const *names_norm, size_t n,
                       size_t *out, size_t want);

/** As sl_name_suggest, query and names as written (normalised here; NULL names skipped). 0 also
 *  when out of memory: a suggestion is a courtesy, never an error. */
size_t sl_name_suggest_raw(const char *query, const char *const *names, size_t n, size_t *out, size_t want);

/** True when two normalised club names name the same club as data sources write it: every
 *  word of the shorter is, in order, a prefix of a word of the longer, after spelling out the
 *  usual abbreviations (utd, st, ath...): "paris s g" = "paris saint germain", "marseille" =
 *  "olympique marseille", "inter" = "internazionale". Empty names never match. */
int sl_name_club_match(const char *a_norm, const char *b_norm);

/** True when two league names (as written) name one league: equal after normalisation, without
 *  spaces and punctuation, with or without FBref's country code of a covered league ("es La
 *  Liga" = "esLa Liga" = "Laliga"; two different codes never match, and a code of another
 *  country is part of the name: "br Série A" is not Serie A), and through the other names of the
 *  leagues Transfermarkt and FBref spell apart ("Bundesliga" = "1 Bundesliga", "Liga Portugal" =
 *  "Primeira Liga"). Empty names never match. */
int sl_name_same_league(const char *a, const char *b);

/** The family name a headline uses, into buf: the last word ("Balerdi"), but the first of two
 *  when the second is a hyphenated given name in lower case after the hyphen, as Korean names
 *  are written family name first ("Kim Min-jae" -> "Kim"; "Trent Alexander-Arnold" ->
 *  "Alexander-Arnold"). Returns buf. */
const char *sl_name_family(const char *name, char *buf, size_t size);

/** The best of a list of club names (any form) for a club as a user typed it: the index of the
 *  one equal to it after normalisation, else of the only one sl_name_club_match accepts; -1
 *  when none or several fit. */
long sl_name_club_find(const char *query, const char *const *clubs, size_t n);

/** As sl_name_club_find(), for a club name a data file wrote rather than a user typed: only a
 *  club with the same words in the same order (after dropping filler such as FC or Calcio and
 *  spelling out the usual abbreviations: "Chelsea" is "Chelsea FC", but "Inter" is not "Inter
 *  Turku", "FK Rostov" not "FK Krasnodar" and "SH Shenhua" not "SS Lazio" by its initials);
 *  -1 when none or several are. */
long sl_name_club_find_same(const char *query, const char *const *clubs, size_t n);

/** The club words of a name, space-joined ("Calcio Catania" and "Catania" both "catania"): two
 *  names are the same club in sl_name_club_find_same's sense when their non-empty keys are
 *  equal. For comparing one name with many, key the many once. Caller frees; NULL for NULL or
 *  out of memory. */
char *sl_name_club_key(const char *name);

/** 1 when one of the clubs in a ", "-joined list ("Bournemouth, Valencia", any source's
 *  spelling) is the club club_norm (normalised): contains it, or sl_name_club_match. */
int sl_name_club_in_list(const char *clubs, const char *club_norm);

/** Splits a player as typed, "Name (Club)" or "Name (1999)", into *name and *qual (new strings
 *  the caller frees; *qual NULL without a qualifier). Returns 0, or -1 when out of memory. */
int sl_name_split_qualifier(const char *query, char **name, char **qual);

SL_END_DECLS

#endif
