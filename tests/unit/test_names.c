/* Tests for the names module: folding, matching and suggestions. */
#include <stdlib.h>

#include "harness.h"
#include "scoutlab/names.h"

static void fold(const char *in, const char *want) {
  char *got = sl_name_normalise(in);
  STR_EQ(got, want, "normalise '%s'", in);
  free(got);
}

int main(void) {
  fold("M\xc3\xbcller", "muller");
  fold("\xc3\x87" "alhano\xc4\x9f" "lu", "calhanoglu");
  fold("\xc3\x98" "degaard", "odegaard");
  fold("  Leonardo   Balerdi \n", "leonardo balerdi");
  fold("N'Dri", "ndri");
  fold("Jean-Philippe Mateta", "jean philippe mateta");
  fold("Ibrahima Konat\xc3\xa9", "ibrahima konate");
  fold("Stra\xc3\x9f" "e", "strasse");
  OK(sl_name_normalise("bad \xff byte") == NULL, "invalid UTF-8 refused");

  INT_EQ(sl_name_match_score("leonardo balerdi", "leonardo balerdi"), 3, "exact");
  INT_EQ(sl_name_match_score("balerdi", "leonardo balerdi"), 2, "surname is a whole word");
  INT_EQ(sl_name_match_score("leo bal", "leonardo balerdi"), 1, "prefixes");
  INT_EQ(sl_name_match_score("balerdy", "leonardo balerdi"), 0, "typo is no match");
  INT_EQ(sl_name_match_score("marseille", "olympique marseille"), 2, "club word");

  INT_EQ(sl_name_distance("balerdy", "balerdi", 10), 1, "one substitution");
  INT_EQ(sl_name_distance("kitten", "sitting", 10), 3, "classic example");
  INT_EQ(sl_name_distance("a", "abcdefgh", 3), 3, "capped");
  INT_EQ(sl_name_distance("chelsae", "chelsea", 10), 1, "a swap of neighbours is one edit");
  INT_EQ(sl_name_distance("cpm", "cmp", 10), 1, "a swap inside");
  INT_EQ(sl_name_distance("ca", "abc", 10), 3, "optimal string alignment, not full Damerau");
  INT_EQ(sl_name_distance("abcdef", "badcfe", 2), 2, "capped with swaps");

  /* One league, as Transfermarkt, FBref (both exports) and the leagues write it. */
  static const char *const same[][2] = {
      {"La Liga", "Laliga"},          {"es La Liga", "Laliga"},     {"esLa Liga", "LaLiga"},
      {"Bundesliga", "1 Bundesliga"}, {"de Bundesliga", "1.Bundesliga"}, {"Liga Portugal", "Primeira Liga"},
      {"eng Premier League", "Premier League"}, {"Ligue 1", "ligue-1"}, {"Belgian Pro League", "Jupiler Pro League"},
      {"Russian Premier League", "Premier Liga"}, {"Serie A", "it Serie A"}};
  for (size_t i = 0; i < sizeof same / sizeof same[0]; i++)
    OK(sl_name_same_league(same[i][0], same[i][1]) && sl_name_same_league(same[i][1], same[i][0]), "'%s' is '%s'",
       same[i][0], same[i][1]);
  static const char *const apart[][2] = {
      {"Premier League", "Premier Liga"}, {"Ligue 1", "Ligue 2"}, {"Serie A", "Serie B"}, {"2 Bundesliga", "1 Bundesliga"},
      {"La Liga", "Liga MX"},             {"", ""},               {"Eredivisie", "Eerste Divisie"},
      {"Pro League", "J1 League"},        {"USL League One", "eng League One"}, {"br S\xc3\xa9rie A", "Serie A"},
      {"cl Primera Divisi\xc3\xb3n", "Laliga"}, {"Primera Divisi\xc3\xb3n", "Laliga"}, {"es La Liga", "it La Liga"},
      {"Saudi Pro League", "Jupiler Pro League"}};
  for (size_t i = 0; i < sizeof apart / sizeof apart[0]; i++)
    OK(!sl_name_same_league(apart[i][0], apart[i][1]), "'%s' is not '%s'", apart[i][0], apart[i][1]);
  OK(!sl_name_same_league(NULL, "Laliga"), "no league is no league");

  /* The family name of a headline. */
  static const char *const family[][2] = {
      {"Leonardo Balerdi", "Balerdi"}, {"Kim Min-jae", "Kim"}, {"Son Heung-min", "Son"},
      {"Trent Alexander-Arnold", "Alexander-Arnold"}, {"Pierre-Emile H\xc3\xb8jbjerg", "H\xc3\xb8jbjerg"},
      {"Rodri", "Rodri"}, {"Emile Smith Rowe", "Rowe"}, {"Jean-Philippe Mateta", "Mateta"}};
  for (size_t i = 0; i < sizeof family / sizeof family[0]; i++) {
    char buf[64];
    STR_EQ(sl_name_family(family[i][0], buf, sizeof buf), family[i][1], "family name of '%s'", family[i][0]);
  }

  const char *names[] = {"leonardo balerdi", "gleison bremer", "leonardo bonucci", "william saliba"};
  size_t idx[3];
  size_t n = sl_name_suggest("balerdy", names, 4, idx, 3);
  OK(n >= 1 && idx[0] == 0, "balerdy suggests balerdi first (got %zu suggestions)", n);
  n = sl_name_suggest("salba", names, 4, idx, 3);
  OK(n >= 1 && idx[0] == 3, "salba suggests saliba");
  const char *clubs[] = {"alpha fc", "olympique marseille"};
  n = sl_name_suggest("alpah", clubs, 2, idx, 3);
  OK(n >= 1 && idx[0] == 0, "a typo of one word of a club name suggests it");
  n = sl_name_suggest("marseile", clubs, 2, idx, 3);
  OK(n >= 1 && idx[0] == 1, "marseile suggests olympique marseille");
  n = sl_name_suggest("zzzzzzzz", names, 4, idx, 3);
  INT_EQ(n, 0, "nothing close");

  /* Clubs as different sources write them (FBref "Paris S-G", Transfermarkt "Paris Saint-Germain"). */
  OK(sl_name_club_match("paris s g", "paris saint germain"), "Paris S-G is Paris Saint-Germain");
  OK(sl_name_club_match("paris saint germain", "paris s g"), "symmetric");
  OK(sl_name_club_match("paris sg", "paris saint germain"), "Paris SG: a word that is the initials of a run");
  OK(sl_name_club_match("mk dons", "milton keynes dons"), "MK Dons");
  {
    const char *const paris[] = {"Paris FC", "Paris Saint-Germain"};
    INT_EQ(sl_name_club_find("Paris SG", paris, 2), 1, "Paris SG is Saint-Germain, not Paris FC (all its words match)");
  }
  OK(sl_name_club_match("marseille", "olympique marseille"), "a club word");
  OK(sl_name_club_match("fc barcelona", "barcelona"), "FC left out");
  OK(sl_name_club_match("manchester utd", "manchester united"), "Utd spelt out");
  OK(sl_name_club_match("psg", "paris saint germain"), "acronym");
  OK(sl_name_club_match("inter", "internazionale"), "prefix");
  OK(!sl_name_club_match("manchester city", "manchester united"), "other Manchester club");
  OK(!sl_name_club_match("nantes", "marseille"), "different clubs");
  OK(!sl_name_club_match("", "marseille"), "empty never matches");
  const char *tm[] = {"FC Nantes", "Paris Saint-Germain", "Paris FC", "Olympique Marseille"};
  INT_EQ(sl_name_club_find("Paris S-G", tm, 4), 1, "Paris S-G found among Paris clubs");
  INT_EQ(sl_name_club_find("Paris FC", tm, 4), 2, "exact form wins");
  INT_EQ(sl_name_club_find("Paris", tm, 4), 2, "Paris alone is Paris FC (all its words), not PSG");
  INT_EQ(sl_name_club_find("Lyon", tm, 4), -1, "absent");
  /* A name a data file wrote: the same words only (the false friends below are what the typed
   * form's prefixes and initials took on transfers-tm's buyers). */
  const char *levels[] = {"Chelsea FC", "FK Krasnodar", "SS Lazio", "SL Benfica", "Calcio Catania", "Inter", "Hertha BSC"};
  INT_EQ(sl_name_club_find_same("Chelsea", levels, 7), 0, "Chelsea is Chelsea FC");
  INT_EQ(sl_name_club_find_same("chelsea fc", levels, 7), 0, "case and form");
  INT_EQ(sl_name_club_find_same("Catania", levels, 7), 4, "Calcio is filler");
  INT_EQ(sl_name_club_find_same("FK Rostov", levels, 7), -1, "FK Rostov is not FK Krasnodar");
  INT_EQ(sl_name_club_find_same("SH Shenhua", levels, 7), -1, "no initials: not SS Lazio");
  INT_EQ(sl_name_club_find_same("Santos Laguna", levels, 7), -1, "no initials: not SL Benfica");
  INT_EQ(sl_name_club_find_same("Inter Turku", levels, 7), -1, "no prefix: not Inter");
  INT_EQ(sl_name_club_find_same("HB FC", levels, 7), -1, "not Hertha BSC");
  INT_EQ(sl_name_club_find("Inter Turku", levels, 7), 5, "(the typed form's prefix takes it)");
  const char *twice[] = {"Chelsea FC", "Chelsea"};
  INT_EQ(sl_name_club_find_same("Chelsea AFC", twice, 2), -1, "two of the same words: none");
  return SL_TEST_DONE();
}
