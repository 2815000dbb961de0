/* test_squad_big5.c - the squad module on the real FBref Big-5 2024/25 file (../shared/data,
 * skipped when absent): every Marseille row appears once, the minutes accounting (sum of player
 * minutes / (team matches x 90) is about 11 for every club), Balerdi's availability by hand, and
 * a player with two clubs counting only his minutes for each. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "scoutlab/squad.h"

#define BIG5 SL_SHARED_DATA "/fbref-big5-2024-25/players_data-2024_2025.csv"
#define TOL 1e-9
/* Eleven on the pitch for every minute: at most 11.0 (FBref credits at most 90 per match).
 * Red cards remove (90 - minute of the card) player-minutes each; the worst 2024/25 club is at
 * 10.63, so 10.5 leaves room for about a dozen early red cards. */
#define ON_PITCH_MIN 10.5
#define ON_PITCH_MAX 11.0

static void test_marseille(const sl_table *t, const sl_squad *s) {
  size_t k;
  sl_error err;
  INT_EQ(sl_squad_find_club(s, "marseille", &k, &err), SL_OK, "marseille found: %s", err.message);
  const sl_squad_club *c = sl_squad_club_at(s, k);
  /* Every Marseille row of the file appears once. */
  const sl_column *squad = sl_table_role(t, SL_ROLE_CLUB);
  size_t rows = 0;
  for (size_t r = 0; r < t->nrows; r++) rows += squad->text[r] && strcmp(squad->text[r], "Marseille") == 0;
  INT_EQ(rows, 32, "Marseille rows in the file");
  INT_EQ(c->n, rows, "one entry per Marseille row");
  const sl_compare *ix = sl_squad_index(s);
  for (size_t a = 0; a < c->n; a++) {
    const sl_player *pa = sl_compare_player(ix, c->ranked[a]);
    INT_EQ(pa->nrows, 1, "per-club entry %s has one row", pa->name);
    STR_EQ(squad->text[pa->rows[0]], "Marseille", "entry row is Marseille's");
    for (size_t b = a + 1; b < c->n; b++)
      OK(sl_compare_player(ix, c->ranked[b])->rows[0] != pa->rows[0], "row of %s used twice", pa->name);
  }
  /* The accounting: 33 matches (Min%: Rulli 2970 / (0.9 x 100.0)), 32,406 player minutes. */
  SL_CHECK_REL(c->team_matches, 33, TOL, "Marseille team matches");
  INT_EQ(c->team_matches_source, SL_TEAM_MATCHES_MIN_SHARE, "from Min%%");
  SL_CHECK_REL(c->minutes_total, 32406, TOL, "Marseille player minutes");
  SL_CHECK_REL(c->players_on_pitch, 32406.0 / 2970, TOL, "10.91 players on the pitch");
  double shares = 0;
  for (size_t a = 0; a < c->n; a++) shares += sl_squad_entry_at(s, c->ranked[a])->minutes_share;
  OK(shares >= ON_PITCH_MIN && shares <= ON_PITCH_MAX, "minutes shares add up to %.3f (about 11)", shares);
  fprintf(stderr, "Marseille: %.0f minutes / (33 x 90) = %.4f\n", c->minutes_total, c->players_on_pitch);
}

static void test_every_club(const sl_squad *s) {
  size_t n = sl_squad_club_count(s), bad = 0;
  double lo = 99, hi = 0;
  INT_EQ(n, 96, "96 Big-5 clubs");
  for (size_t k = 0; k < n; k++) {
    const sl_squad_club *c = sl_squad_club_at(s, k);
    if (!(c->players_on_pitch >= ON_PITCH_MIN && c->players_on_pitch <= ON_PITCH_MAX + 1e-12)) {
      bad++;
      fprintf(stderr, "  %s: %.3f on the pitch (%.0f matches from %s)\n", c->name, c->players_on_pitch,
              c->team_matches, sl_team_matches_source_name(c->team_matches_source));
    }
    lo = fmin(lo, c->players_on_pitch), hi = fmax(hi, c->players_on_pitch);
  }
  INT_EQ(bad, 0, "clubs outside [%.1f, %.1f] players on the pitch", ON_PITCH_MIN, ON_PITCH_MAX);
  fprintf(stderr, "players on the pitch over 96 clubs: %.3f to %.3f\n", lo, hi);
}

static void test_balerdi(const sl_squad *s) {
  size_t i;
  sl_error err;
  INT_EQ(sl_squad_find_player(s, "Leonardo Balerdi", &i, &err), SL_OK, "Balerdi: %s", err.message);
  const sl_squad_entry *e = sl_squad_entry_at(s, i);
  /* data/README facts: 26 matches, 26 starts, 2,183 minutes; FBref Mn/Start 84, Compl 23. */
  SL_CHECK_REL(e->minutes, 2183, TOL, "Balerdi minutes");
  SL_CHECK_REL(e->starts, 26, TOL, "Balerdi starts");
  SL_CHECK_REL(e->score[SL_SQUAD_AVAILABILITY],
               100 * (0.4 * 2183 / 2970 + 0.3 * 26.0 / 33 + 0.15 * 84.0 / 90 + 0.15 * 23.0 / 33), TOL,
               "Balerdi availability by hand");
  /* FBref On-Off +0.72; effective minutes 2183 x 787 / 2970. */
  double meff = 2183.0 * 787 / 2970;
  SL_CHECK_REL(e->on_off_shrunk, 0.72 * meff / (meff + SL_SQUAD_K_ON_OFF), TOL, "Balerdi shrunk On-Off");
  OK(sl_compare_player(sl_squad_index(s), i)->group == SL_GROUP_CENTRE_BACK, "Balerdi is a centre-back");
  OK(!isnan(e->total) && e->rank_in_club >= 1 && e->rank_in_club <= 32, "rank in club %zu", e->rank_in_club);
  fprintf(stderr, "Balerdi: total %.1f, rank %zu of 32 at Marseille, %zu of %zu centre-backs in Ligue 1\n", e->total,
          e->rank_in_club, e->rank_in_league_group, e->league_group_size);
}

/* Emmanuel Agbadou: Wolves 1,230 minutes and Reims 1,260 in the file: each club counts its own. */
static void test_two_clubs(const sl_squad *s) {
  size_t w, r;
  sl_error err;
  INT_EQ(sl_squad_find_player(s, "Emmanuel Agbadou (Wolves)", &w, &err), SL_OK, "Agbadou at Wolves: %s", err.message);
  INT_EQ(sl_squad_find_player(s, "Emmanuel Agbadou (Reims)", &r, &err), SL_OK, "Agbadou at Reims: %s", err.message);
  SL_CHECK_REL(sl_squad_entry_at(s, w)->minutes, 1230, TOL, "Wolves minutes only");
  SL_CHECK_REL(sl_squad_entry_at(s, r)->minutes, 1260, TOL, "Reims minutes only");
  INT_EQ(sl_squad_find_player(s, "Emmanuel Agbadou", &w, &err), SL_EAMBIG, "ambiguous without a club");
}

/* A name found among one club's players (the chart's --highlight): Agbadou is ambiguous in the
 * league file but one player at each of his clubs; a player of another club is named as such. */
static void test_find_in_club(const sl_squad *s) {
  size_t wolves, reims, marseille, e, w;
  sl_error err;
  INT_EQ(sl_squad_find_club(s, "Wolves", &wolves, &err), SL_OK, "Wolves: %s", err.message);
  INT_EQ(sl_squad_find_club(s, "Reims", &reims, &err), SL_OK, "Reims: %s", err.message);
  INT_EQ(sl_squad_find_club(s, "marseille", &marseille, &err), SL_OK, "Marseille: %s", err.message);
  INT_EQ(sl_squad_find_player(s, "Emmanuel Agbadou (Wolves)", &w, &err), SL_OK, "Agbadou at Wolves: %s", err.message);
  INT_EQ(sl_squad_find_in_club(s, wolves, "Agbadou", &e, &err), SL_OK, "Agbadou among Wolves: %s", err.message);
  INT_EQ(e, w, "the Wolves entry");
  INT_EQ(sl_squad_find_in_club(s, reims, "agbadou", &e, &err), SL_OK, "Agbadou among Reims: %s", err.message);
  INT_EQ(sl_squad_entry_at(s, e)->club, reims, "the Reims entry");
  INT_EQ(sl_squad_find_in_club(s, marseille, "Balerdi", &e, &err), SL_OK, "Balerdi at Marseille: %s", err.message);
  INT_EQ(sl_squad_find_in_club(s, wolves, "Balerdi", &e, &err), SL_ENOTFOUND, "Balerdi is not a Wolves player");
  STR_EQ(err.message, "Leonardo Balerdi plays for Marseille, not Wolves", "the message names his club");
  INT_EQ(sl_squad_find_in_club(s, marseille, "Silva", &e, &err), SL_EAMBIG, "no Silva at Marseille, eight elsewhere");
  INT_EQ(sl_squad_find_in_club(s, marseille, "Nobody Atall", &e, &err), SL_ENOTFOUND, "nobody");
  OK(strncmp(err.message, "no player 'Nobody Atall'", 24) == 0, "not found: %s", err.message);
}

int main(void) {
  if (access(BIG5, R_OK) != 0) {
    fprintf(stderr, "skipped: %s is absent\n", BIG5);
    return SL_TEST_SKIP;
  }
  sl_table *t = NULL;
  sl_profiles *prof = NULL;
  sl_squad *s = NULL;
  sl_error err;
  if (sl_table_load(BIG5, NULL, &t, &err) || sl_profiles_load(SL_DATASETS "/profiles.csv", &prof, &err)) {
    fprintf(stderr, "cannot load: %s\n", err.message);
    return EXIT_FAILURE;
  }
  sl_squad_options o;
  sl_squad_default(&o);
  o.profiles = prof;
  INT_EQ(sl_squad_new(t, &o, &s, &err), SL_OK, "squad over the Big-5: %s", err.message);
  if (s) {
    const sl_squad_report *r = sl_squad_summary(s);
    INT_EQ(r->rows_read, 2825, "rows read");
    INT_EQ(r->rows_used + r->rows_skipped, r->rows_read, "read = used + skipped");
    test_marseille(t, s);
    test_every_club(s);
    test_balerdi(s);
    test_two_clubs(s);
    test_find_in_club(s);
  }
  sl_squad_free(s);
  sl_profiles_free(prof);
  sl_table_free(t);
  return SL_TEST_DONE();
}
