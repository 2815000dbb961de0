/* workspace_fee.c - a player's fee-model record, built one way for every command: from his
 * stats and squad entry (or his values row), his performance terms of his stats season when a
 * model has such terms, then what the caller states; and which model values him. */
#include "workspace_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fees_internal.h"
#include "runtime_internal.h"
#include "scoutlab/money.h"
#include "scoutlab/names.h"
#include "scoutlab/parse.h"
#include "scoutlab/season.h"


/* A league the model knows only inside its pooled level: the note of a stated one and a data one. */
#define POOLED_LEAGUE_NOTE "%.80s has too few training deals for a level of its own: the model values it with the pooled level 'other'"
#define NOTE(...)                                                                                   \
  do {                                                                                              \
    if (notes && nnotes && *nnotes < max_notes) snprintf(notes[(*nnotes)++], SL_FEES_NOTE_MAX, __VA_ARGS__); \
  } while (0)

/* Group of the fee model from compare's: a sub-position ("CB", "LW") when known, else the
 * compare group; midfielders and forwards (FBref's MF and FW: a line, not a group) are -1 with
 * *line the line's groups, valued as their mixture as a Transfermarkt "Delantero" is. */
static int fee_group(const sl_player *p, unsigned *line) {
  *line = 0;
  if (!p->sub_position[0] && p->group == SL_GROUP_MIDFIELDER) return *line = sl_fees_position_line("MF"), -1;
  if (!p->sub_position[0] && p->group == SL_GROUP_FORWARD) return *line = sl_fees_position_line("FW"), -1;
  int g = p->sub_position[0] ? sl_fees_position_group(p->sub_position) : -2;
  if (g >= 0) return g;
  switch (p->group) {
  case SL_GROUP_GOALKEEPER: return SL_FEES_GK;
  case SL_GROUP_CENTRE_BACK: return SL_FEES_CB;
  case SL_GROUP_FULL_BACK: return SL_FEES_FB;
  case SL_GROUP_MIDFIELDER: return SL_FEES_CM;
  case SL_GROUP_FORWARD: return SL_FEES_AMW;
  default: return -2;
  }
}

/* A stats player's league as the stats write it (the selling club's for a player of two clubs),
 * before the model's spelling replaces it in his record; NULL for a player of the values only. */
static const char *stats_league(const sl_workspace *ws, const sl_workspace_player *pl) {
  if (!ws || !pl || !pl->stats) return NULL;
  const sl_squad_club *club = pl->entry ? sl_squad_club_at(ws->squad, pl->entry->club) : NULL;
  /* a two-club player is sold by his entry's club, in its league */
  return pl->stats->nrows > 1 && club && club->league ? club->league : pl->stats->league;
}

int sl_workspace_in_leagues(const sl_workspace *ws, const sl_workspace_player *pl, const sl_fees_player *fp,
                            const char *list) {
  return (fp && sl_compare_league_in_list(fp->league, list)) || sl_compare_league_in_list(stats_league(ws, pl), list);
}

const char *sl_ws_model_path(const sl_workspace *ws, const sl_fees_model *m) {
  return m && m == ws->perf_model ? ws->perf_model_path : ws->model_path;
}

/* The record from his stats player and club entry. */
static void from_stats(const sl_workspace *ws, const sl_workspace_player *pl, sl_fees_player *fp) {
  const sl_player *p = pl->stats;
  fp->name = p->name;
  fp->age = p->age;
  fp->group = fee_group(p, &fp->line_groups);
  fp->league = stats_league(ws, pl);
  fp->market_value = p->market_value;
  fp->market_value_season = p->market_value_season;
  if (pl->entry) {
    const sl_squad_club *club = sl_squad_club_at(ws->squad, pl->entry->club);
    fp->club = club->name;
    fp->minutes_share = pl->entry->minutes_share;
  } else {
    fp->club = pl->club;
  }
}

/* Which of a two-club player's clubs sells him: the one named, else the one of his most minutes. */
static void selling_club_note(const sl_workspace *ws, const sl_workspace_player *pl, char notes[][SL_FEES_NOTE_MAX],
                              size_t *nnotes, size_t max_notes) {
  if (pl->stats->nrows < 2 || !pl->entry) return;
  const char *club = sl_squad_club_at(ws->squad, pl->entry->club)->name;
  if (pl->club_named) NOTE("a sale by %.50s, as asked (his clubs of the season: %.80s)", club, pl->stats->clubs);
  else
    NOTE("his clubs this season: %.45s; valued as a sale by %.35s (most minutes); \"%.25s (Club)\" values another",
         pl->stats->clubs, club, pl->stats->name);
}

/* Room for a figure of a note: "1234567" minutes, "0.03" shares, "n/a". */
#define FIGURE_MAX 8

/* x with `digits` decimals, "n/a" when unknown (notes never print "nan"). */
static const char *fixed(double x, int digits, char buf[FIGURE_MAX]) {
  if (isfinite(x)) sl_snprintf_c(buf, FIGURE_MAX, "%.*f", digits, x);
  else snprintf(buf, FIGURE_MAX, "n/a");
  return buf;
}

/* His performance terms (scoutlab/perf.h) of his stats season: the terms of the season just
 * before the transfer, which is what a performance model learned from. */
static int performance_terms(const sl_workspace *ws, const sl_workspace_player *pl, sl_fees_player *fp,
                             sl_perf_terms *found, char notes[][SL_FEES_NOTE_MAX], size_t *nnotes, size_t max_notes) {
  if (!ws->perf || !pl || !pl->stats || pl->index < 0) return 0;
  sl_perf_terms t;
  const sl_player *p = pl->stats;
  int season = p->season ? p->season : ws->seasons.stats;
  if (ws->perf_own_index) {
    sl_perf_match m = sl_perf_find(ws->perf, p->name, p->born, season, pl->club, &t);
    if (m != SL_PERF_FOUND && m != SL_PERF_FOUND_BY_CLUB) return 0;
  } else if (sl_perf_terms_of(ws->perf, (size_t)pl->index, &t, NULL) != SL_OK)
    return 0;
  *found = t;
  sl_perf_apply(&t, fp);
  char s[SL_SEASON_TEXT_MAX];
  sl_season_text(t.season, s, sizeof s);
  char v[6][FIGURE_MAX];
  NOTE("performance, %s (%.40s, %s min): minutes share %s, starts %s, npxG+xAG/90 %s, progressive/90 %s, "
       "club points/match %s", s, t.club ? t.club : "?", fixed(t.minutes, 0, v[5]), fixed(t.minutes_share, 2, v[0]),
       fixed(t.starts_share, 2, v[1]), fixed(t.npxg_xag_per90, 2, v[2]), fixed(t.progressive_per90, 1, v[3]),
       fixed(t.team_points, 2, v[4]));
  if (p->nrows > 1) /* one rule with the training deals, whose shares were read the same way */
    NOTE("minutes share: his minutes for both clubs over %.30s's, as the model learned it (a squad counts one club's)",
         t.club ? t.club : "his main club");
  return 1;
}

/* The season a values row's market value is of: a value history's date (the season it falls in),
 * else the row's own season (sl_table_row_season). */
static int value_row_season(const sl_workspace *ws, const sl_workspace_player *pl) {
  double when = sl_workspace_market_value_date(ws, pl);
  if (!isfinite(when)) return sl_table_row_season(ws->values, (size_t)pl->row);
  int y, m, d;
  sl_date_to_ymd(when, &y, &m, &d);
  return sl_season_of_month(y, m);
}

/* Where his market value came from when a value history was joined: its date, or why none. */
static void history_note(const sl_workspace *ws, const sl_workspace_player *pl, const sl_fees_player *fp,
                         char notes[][SL_FEES_NOTE_MAX], size_t *nnotes, size_t max_notes) {
  const sl_attach_report *h = sl_workspace_history(ws);
  if (!h) return;
  char day[16], window[16];
  double when = sl_workspace_market_value_date(ws, pl);
  int w = sl_ws_own_window(ws, fp->season) ? fp->season : ws->seasons.valuation;
  sl_ws_day_text(w ? sl_date_from_ymd(w, SL_WORKSPACE_WINDOW_MONTH, SL_WORKSPACE_WINDOW_DAY) : NAN, window,
                 sizeof window);
  char money[SL_MONEY_TEXT_MAX];
  if (!isnan(when))
    NOTE("market value %s of %s from %.120s: his latest valuation at or before %s",
         sl_money_text(fp->market_value, money, sizeof money), sl_ws_day_text(when, day, sizeof day), h->file,
         window[0] ? window : "the last one");
  else if (fp->market_value > 0)
    NOTE("no valuation of his player_id in %.120s: his market value is the players file's own", h->file);
  else
    NOTE("no valuation in %.120s at or before %s: no market value", h->file, window[0] ? window : "now");
}

/* Clubs offered after "did you mean" for a buying club the training deals do not name. */
#define WS_CLUB_SUGGESTIONS 3
/* A name this many edits from a club with a level of its own is a typo of it ("Chelsae"), and
 * refused; one further away may be a club new to the data ("Inter Miami", 3 from "Inter
 * Milan"): valued at the pooled level, the candidates named in the note. */
#define WS_CLUB_TYPO_EDITS 2

/* Edits from the club as typed to a club name of the model (normalised, whole or a part). */
static size_t club_edits(const char *typed, const char *club) {
  char *a = sl_name_normalise(typed), *b = sl_name_normalise(club);
  size_t d = a && b ? sl_name_part_distance(a, b, WS_CLUB_TYPO_EDITS + 1) : WS_CLUB_TYPO_EDITS + 1;
  free(a), free(b);
  return d;
}

/* A stated buying club: the model's spelling of it (a club with too few training deals is valued
 * at the pooled level, with a note), and its league as the buying league unless one is stated.
 * A name the training deals never write that is a plausible misspelling of a club with a level of
 * its own is refused with the candidates: a typo must not pass as the pooled level. */
static int apply_buyer_club(const sl_workspace *ws, const sl_workspace_attrs *a, sl_fees_player *fp,
                            char notes[][SL_FEES_NOTE_MAX], size_t *nnotes, size_t max_notes, sl_error *err) {
  int pooled = 0;
  const char *level = sl_fees_club_level(ws->model, a->buyer_club, &pooled);
  fp->buyer_club = level ? level : a->buyer_club;
  const char *known = sl_fees_club_league(ws->model, fp->buyer_club);
  const char *near[WS_CLUB_SUGGESTIONS];
  size_t nnear = pooled && !known ? sl_fees_club_suggest(ws->model, a->buyer_club, near, WS_CLUB_SUGGESTIONS) : 0;
  size_t typos = 0; /* the candidates a typo away (closest first): refused with them */
  while (typos < nnear && club_edits(a->buyer_club, near[typos]) <= WS_CLUB_TYPO_EDITS) typos++;
  char also[200] = ""; /* the candidates, or the closest club for the note of a pooled one */
  if (nnear)
    snprintf(also, sizeof also, "; did you mean %s%s%s%s%s?", near[0], typos > 1 ? ", " : "", typos > 1 ? near[1] : "",
             typos > 2 ? ", " : "", typos > 2 ? near[2] : "");
  if (typos)
    return sl_error_field(err, "buyer_club",
                          sl_error_set(err, SL_EUNKNOWN, NULL, 0, 0,
                                       "buying club '%s' is not among the training deals' clubs%s", a->buyer_club,
                                       also));
  if (pooled && known)
    NOTE("%s has too few training deals for a buying-club level of its own: the model values it with the "
         "pooled level 'other'", a->buyer_club);
  else if (pooled) /* a club new to the data, or a spelling no rule of the club names matches */
    NOTE("%s is not among the training deals' clubs: the model values it with the pooled level 'other' "
         "(check the spelling if it should be known%s)", a->buyer_club, also);
  const char *league = a->buyer_league ? NULL : known;
  if (league) {
    fp->buyer_league = league;
    NOTE("buying league %s: %s's league in the training deals", league, fp->buyer_club);
  }
  return SL_OK;
}

/* The caller's statements, checked: unknown names are errors, never a silent fallback. */
static int apply_given(const sl_workspace *ws, const sl_workspace_attrs *a, sl_fees_player *fp,
                       char notes[][SL_FEES_NOTE_MAX], size_t *nnotes, size_t max_notes, sl_error *err) {
  if (!a) return SL_OK;
  if (!isnan(a->age)) fp->age = a->age;
  if (!isnan(a->market_value)) fp->market_value = a->market_value, fp->market_value_season = 0; /* stated: now */
  if (!isnan(a->contract_months)) fp->contract_months = a->contract_months;
  if (!isnan(a->minutes_share)) fp->minutes_share = a->minutes_share;
  if (!isnan(a->last_fee)) fp->last_fee = a->last_fee, fp->last_fee_season = a->last_fee_season;
  if (a->name && !fp->name) fp->name = a->name;
  if (a->club) fp->club = a->club;
  unsigned line = a->position ? sl_fees_position_line(a->position) : 0;
  int st = SL_OK;
  if (line) fp->group = -1, fp->line_groups = line; /* a line: valued as the mixture of its groups */
  else if (a->position) st = sl_workspace_position(a->position, &fp->group, err), fp->line_groups = 0;
  const char *which[2] = {a->league, a->buyer_league};
  const char **dest[2] = {&fp->league, &fp->buyer_league};
  static const char *const field[2] = {"league", "buyer_league"};
  for (int k = 0; !st && k < 2; k++) {
    if (!which[k]) continue;
    int pooled = 0;
    if (!ws->model) {
      *dest[k] = which[k];
      continue;
    }
    st = sl_workspace_league(ws, which[k], field[k], dest[k], &pooled, err);
    if (!st && pooled) NOTE(POOLED_LEAGUE_NOTE, *dest[k]);
  }
  if (!st && a->buyer_club) st = apply_buyer_club(ws, a, fp, notes, nnotes, max_notes, err);
  if (!st && a->contract_until) {
    char what[256];
    snprintf(what, sizeof what, "contract-until=%s", a->contract_until);
    st = sl_fees_player_apply(fp, what, err);
    if (st) sl_error_field(err, "contract", st);
  }
  return st;
}

int sl_ws_own_window(const sl_workspace *ws, int row_window) {
  return !ws->seasons.stats && !ws->seasons.valuation_given && row_window;
}

const char *sl_ws_day_text(double days, char *buf, size_t size) {
  if (size) buf[0] = '\0';
  return isnan(days) || !size ? buf : sl_date_format(days, buf, size);
}

double sl_workspace_market_value_date(const sl_workspace *ws, const sl_workspace_player *pl) {
  if (!ws || !pl || !ws->values || ws->history_date_col < 0 || pl->row < 0 || (size_t)pl->row >= ws->values->nrows)
    return NAN;
  return ws->values->cols[ws->history_date_col].num[pl->row];
}

/* The column terms of the model that values him: a values row's are read for the workspace's
 * model, in its order, so a player the performance model values gets that model's from the same
 * row (the two lists need not name the same columns, nor in the same order); a column no row
 * gives comes from his stats of the season his performance terms are of (t, when found), as fit
 * read it from the season before each transfer (sl_perf_column). */
static void columns_for_model(const sl_workspace *ws, const sl_workspace_player *pl, const sl_perf_terms *t,
                              const sl_fees_model *m, sl_fees_player *fp, char notes[][SL_FEES_NOTE_MAX],
                              size_t *nnotes, size_t max_notes) {
  if (!m) return;
  sl_fees_player row;
  sl_fees_player_init(&row);
  const sl_fees_rows *reader = m == ws->model ? ws->value_rows : ws->perf_value_rows;
  if (pl && !pl->stats && pl->row >= 0 && reader) sl_fees_row_player(reader, (size_t)pl->row, &row);
  memcpy(fp->column, row.column, sizeof fp->column);
  char s[SL_SEASON_TEXT_MAX], num[32];
  for (size_t k = 0; t && k < m->ncolumns; k++) {
    double v;
    if (!isnan(fp->column[k]) || sl_perf_column(ws->perf, t, m->column_names[k], &v) != SL_OK || !isfinite(v))
      continue; /* an empty cell stays unknown: the valuation takes the training average and says so */
    fp->column[k] = v;
    sl_snprintf_c(num, sizeof num, "%g", v); /* a decimal point whatever the host's locale */
    NOTE("%.60s from his %s stats: %s", m->column_names[k], sl_season_text(t->season, s, sizeof s), num);
  }
}

/* His last fee, for the model that values him when it reads one: as stated, else from its deals,
 * said either way (the deals end where the training data end: a later move is not in them). */
static void last_fee_for_model(const sl_fees_model *m, sl_fees_player *fp, char notes[][SL_FEES_NOTE_MAX],
                               size_t *nnotes, size_t max_notes) {
  if (!m || !(sl_fees_model_uses(m, SL_FEES_VAR_LAST_FEE) || sl_fees_model_uses(m, SL_FEES_VAR_NO_LAST_FEE))) return;
  char money[32], when[24] = "";
  if (!isnan(fp->last_fee)) {
    if (fp->last_fee_season) snprintf(when, sizeof when, " in %d", fp->last_fee_season);
    if (fp->last_fee > 0) NOTE("last fee %s%s, as stated", sl_money_short(fp->last_fee, money, sizeof money), when);
    else NOTE("no paid transfer before, as stated");
    return;
  }
  sl_fees_resolve_last_fee(m, fp);
  int last = sl_fees_history_last_season(m->history_);
  if (isnan(fp->last_fee)) NOTE("last fee unknown (no name, age or season): the term takes its training average");
  else if (fp->last_fee > 0)
    NOTE("last fee %s in %d, the latest of his in the model's deals (to %d; a later one would not be among them)",
         sl_money_short(fp->last_fee, money, sizeof money), fp->last_fee_season, last);
  else NOTE("no paid transfer of his in the model's deals (to %d): valued as a player never sold for a fee", last);
}

/* The league his data give, in the fee model's spelling of it ("La Liga" of FBref is
 * Transfermarkt's "Laliga"); one the model's deals never name is valued at the pooled level,
 * and said. */
static void data_league(const sl_workspace *ws, sl_fees_player *fp, char notes[][SL_FEES_NOTE_MAX], size_t *nnotes,
                        size_t max_notes) {
  if (!fp->league || !ws->model || !sl_fees_model_uses(ws->model, SL_FEES_VAR_SELLER_LEAGUE)) return;
  const char *canonical = NULL;
  int pooled = 0;
  sl_error e;
  if (sl_workspace_league(ws, fp->league, "league", &canonical, &pooled, &e) != SL_OK) {
    NOTE("his league %.80s is not one of the fee model's: valued at the pooled level 'other'", fp->league);
    return;
  }
  if (strcmp(canonical, fp->league) != 0) NOTE("his league %.80s is the fee model's %.80s", fp->league, canonical);
  fp->league = canonical;
  if (pooled) NOTE(POOLED_LEAGUE_NOTE, canonical);
}

/* His age at the window valued: the data's age is at the start of its season (FBref's yearly
 * tables: Balerdi 25 in August 2024, 26 for summer 2025), at its end (a one-season export, the
 * next window), or at a values snapshot (the window after its season); a later window adds the
 * seasons between. A stated age is the caller's and is not moved. */
static void age_at_window(const sl_workspace *ws, const sl_workspace_player *pl, int stats_season, sl_fees_player *fp,
                          char notes[][SL_FEES_NOTE_MAX], size_t *nnotes, size_t max_notes) {
  int row = pl && !pl->stats && pl->row >= 0 ? sl_table_row_season(ws->values, (size_t)pl->row) : 0;
  int data_window = stats_season ? stats_season + (ws->ages_at_season_start ? 0 : 1) : row ? row + 1 : 0;
  if (!data_window || !isfinite(fp->age) || !fp->season || fp->season <= data_window) return;
  double data_age = fp->age;
  fp->age += fp->season - data_window;
  char s[SL_SEASON_TEXT_MAX];
  if (stats_season && ws->ages_at_season_start && fp->season == stats_season + 1)
    NOTE("age %g at the window: the yearly tables give his age at the start of the season (%g)", fp->age, data_age);
  else
    NOTE("age %g at the summer %d window: %g in his %s data", fp->age, fp->season, data_age,
         sl_season_text(stats_season ? stats_season : row, s, sizeof s));
}

/* An old market value the performance model stands in for: his stats are more recent than it. */
static int old_value_replaced(const sl_workspace *ws, const sl_fees_player *fp) {
  return ws->perf_model && sl_workspace_market_value_old(fp) && fp->stats_season > fp->market_value_season;
}

/* The season of his market value, when it decides or could decide which model values him: an
 * old value the market-value model still values him on (said, with why), or a value from files
 * that say no season when a performance model could stand in for an old one. Buying-club
 * notes are the valuing model's: one without a club term prices the club as its league. */
static void value_season_notes(const sl_workspace *ws, const sl_workspace_player *pl, const sl_workspace_attrs *given,
                               const sl_fees_model *m, const sl_fees_player *fp, char notes[][SL_FEES_NOTE_MAX],
                               size_t *nnotes, size_t max_notes) {
  if (given && given->buyer_club && m && !sl_fees_model_uses(m, SL_FEES_VAR_BUYER_CLUB))
    NOTE("the model that values him has no buying-club term: %.60s pays as its buying league's typical club",
         given->buyer_club);
  if (!sl_fees_model_uses(ws->model, SL_FEES_VAR_MARKET_VALUE) || !(fp->market_value > 0) || m != ws->model) return;
  int age = sl_workspace_market_value_old(fp), stated = given && !isnan(given->market_value);
  char mv[SL_MONEY_TEXT_MAX], v[SL_SEASON_TEXT_MAX];
  sl_money_short(fp->market_value, mv, sizeof mv), sl_season_text(fp->market_value_season, v, sizeof v);
  /* his stats season: the performance terms' when read, else his stats row's */
  int stats = fp->stats_season;
  if (!stats && pl && pl->stats) stats = pl->stats->season ? pl->stats->season : ws->seasons.stats;
  int newer = stats > fp->market_value_season;
  if (age && ws->perf_model)
    NOTE("his market value (%s) is of %s, %d seasons before the summer %d window; no stats of his are more recent: "
         "valued on that old value", mv, v, age, fp->season);
  else if (age)
    NOTE("his market value (%s) is of %s, %d seasons before the summer %d window: old%s", mv, v, age, fp->season,
         newer ? " (a performance model would value him from his stats)" : "");
  else if (!fp->market_value_season && !stated && ws->perf_model && pl && fp->stats_season)
    NOTE("the values files say no season for his market value (no season column, none in a file or folder name): "
         "taken as current");
}

int sl_ws_fee_player_for(const sl_workspace *ws, const sl_workspace_player *pl, const sl_workspace_attrs *given,
                          const sl_fees_model *force, sl_fees_player *fp, char notes[][SL_FEES_NOTE_MAX],
                          size_t *nnotes, size_t max_notes, sl_error *err) {
  if (!ws || !fp) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "sl_workspace_fee_player: NULL argument");
  sl_fees_player_init(fp);
  if (pl && pl->stats) {
    from_stats(ws, pl, fp);
    selling_club_note(ws, pl, notes, nnotes, max_notes);
  } else if (pl && pl->row >= 0) {
    if (ws->value_rows) sl_fees_row_player(ws->value_rows, (size_t)pl->row, fp); /* with the model's column terms */
    fp->market_value_season = value_row_season(ws, pl);
    char place[600];
    NOTE("attributes from %s (%zu rows read, %zu skipped by the loader)",
         sl_table_row_place(ws->values, (size_t)pl->row, place, sizeof place), ws->values->rows_read,
         ws->values->nskipped);
    history_note(ws, pl, fp, notes, nnotes, max_notes);
  }
  if (pl && !fp->name) fp->name = pl->name;
  /* The season valued is the workspace's (the window after the stats, or the caller's), whatever
   * a row says; without either, a values row's own season (the window after it, as predict reads
   * the row) comes before the model's last training season. */
  int row_season = pl && !pl->stats && sl_ws_own_window(ws, fp->season);
  if (ws->seasons.valuation && !row_season) fp->season = ws->seasons.valuation;
  int stats_season = pl && pl->stats ? (pl->stats->season ? pl->stats->season : ws->seasons.stats) : 0;
  if (!(given && !isnan(given->age))) age_at_window(ws, pl, stats_season, fp, notes, nnotes, max_notes);
  char ss[SL_SEASON_TEXT_MAX];
  if (stats_season && fp->season && fp->season <= stats_season)
    NOTE("his stats are of %s, after the summer %d window valued: a buyer then could not have known them",
         sl_season_text(stats_season, ss, sizeof ss), fp->season);
  if (pl && pl->entry && isfinite(pl->entry->contract_until) && fp->season)
    fp->contract_months = sl_fees_contract_months(fp->season, pl->entry->contract_until);
  sl_perf_terms terms;
  int have_terms = performance_terms(ws, pl, fp, &terms, notes, nnotes, max_notes);
  if (fp->stats_season && fp->season && fp->stats_season != fp->season - 1) {
    char s[SL_SEASON_TEXT_MAX];
    NOTE("his latest stats are of %s, not of the season just before a transfer in summer %d (what the "
         "performance terms were learned from)", sl_season_text(fp->stats_season, s, sizeof s), fp->season);
  }
  int st = apply_given(ws, given, fp, notes, nnotes, max_notes, err);
  if (st) return st;
  if (!(given && given->league)) data_league(ws, fp, notes, nnotes, max_notes);
  if (!fp->league && fp->club && ws->model && (fp->league = sl_fees_club_league(ws->model, fp->club)))
    NOTE("league of %s from the training deals: %s", fp->club, fp->league);
  int seasonal = sl_fees_model_uses(ws->model, SL_FEES_VAR_SEASON);
  char data_season[SL_SEASON_TEXT_MAX];
  if (row_season)
    NOTE("season of his values row %s: valued for a transfer in summer %d",
         sl_season_text(fp->season - 1, data_season, sizeof data_season), fp->season);
  else if (fp->season && (seasonal || ws->seasons.stats)) NOTE("%s", ws->seasons.text);
  else if (seasonal) NOTE("season unknown: the fee model's season term takes its training average");
  if (pl && isnan(fp->market_value) && sl_fees_model_uses(ws->model, SL_FEES_VAR_MARKET_VALUE)) {
    char why[SL_FEES_NOTE_MAX];
    const char *cur = !pl->stats && pl->row >= 0 && ws->value_rows
                          ? sl_fees_rows_currency(ws->value_rows, (size_t)pl->row, 0, why, sizeof why)
                          : NULL;
    if (cur && !ws->perf_model) /* no model to value him without it: the reason, not "unknown" */
      return sl_error_set(err, SL_EDATA, NULL, 0, 0, "his market value is not read: %s", cur);
    const sl_compare_report *rep = ws->cmp ? sl_compare_summary(ws->cmp) : NULL;
    size_t foreign = pl->stats && rep ? rep->values_other_currency : 0; /* joined by name: whose, unknown */
    if (foreign && !ws->perf_model)
      return sl_error_set(err, SL_EDATA, NULL, 0, 0,
                          "no market value in euros for %s: %zu value%s of the values files %s in another currency "
                          "than euros, not read",
                          fp->name ? fp->name : "him", foreign, foreign == 1 ? "" : "s", foreign == 1 ? "is" : "are");
    if (cur) NOTE("his market value is not read: %s", cur);
    else if (foreign)
      NOTE("no market value in euros for %s: %zu value%s of the values files %s in another currency than euros, "
           "not read", fp->name ? fp->name : "him", foreign, foreign == 1 ? "" : "s", foreign == 1 ? "is" : "are");
    else NOTE("no market value for %s in the values files", fp->name ? fp->name : "him");
  }
  if (fp->group == -2) NOTE("position group of %s unknown", fp->name ? fp->name : "the player");
  const sl_fees_model *m = force ? force : sl_workspace_model_for(ws, fp, NULL, NULL, 0);
  columns_for_model(ws, pl, have_terms ? &terms : NULL, m, fp, notes, nnotes, max_notes);
  last_fee_for_model(m, fp, notes, nnotes, max_notes);
  value_season_notes(ws, pl, given, m, fp, notes, nnotes, max_notes);
  return SL_OK;
}

int sl_workspace_fee_player(const sl_workspace *ws, const sl_workspace_player *pl, const sl_workspace_attrs *given,
                            sl_fees_player *fp, char notes[][SL_FEES_NOTE_MAX], size_t *nnotes, size_t max_notes,
                            sl_error *err) {
  return sl_ws_fee_player_for(ws, pl, given, NULL, fp, notes, nnotes, max_notes, err);
}

int sl_workspace_market_value_old(const sl_fees_player *fp) {
  if (!fp || !(fp->market_value > 0) || !fp->market_value_season || !fp->season) return 0;
  int age = fp->season - fp->market_value_season;
  return age >= SL_WORKSPACE_MARKET_VALUE_OLD ? age : 0;
}

/* A model file's path in a one-sentence note: whole when short, else "..." and its end cut at a
 * character boundary (a byte cut would leave invalid UTF-8 in the JSON). */
#define WS_NOTE_PATH_MAX 40
static const char *note_path(const char *path, char *buf, size_t size) {
  if (!path) return "fitted from the transfers";
  size_t len = strlen(path);
  if (len <= WS_NOTE_PATH_MAX) return path;
  const char *tail = path + len - (WS_NOTE_PATH_MAX - 3);
  while ((unsigned char)*tail >= 0x80 && (unsigned char)*tail < 0xC0) tail++; /* UTF-8 continuation bytes */
  snprintf(buf, size, "...%s", tail);
  return buf;
}

/* Why the performance model values him, into why. */
static void why_performance(const sl_workspace *ws, const sl_fees_player *fp, int old, char *why, size_t size) {
  char s[SL_SEASON_TEXT_MAX], v[SL_SEASON_TEXT_MAX], mv[SL_MONEY_TEXT_MAX], pb[WS_NOTE_PATH_MAX + 1];
  const char *path = note_path(ws->perf_model_path, pb, sizeof pb);
  if (old)
    snprintf(why, size, "valued by the performance model (%s): his market value (%s) is of %s, %d seasons before "
             "the summer %d window; his %s stats are newer", path, sl_money_short(fp->market_value, mv, sizeof mv),
             sl_season_text(fp->market_value_season, v, sizeof v), sl_workspace_market_value_old(fp), fp->season,
             sl_season_text(fp->stats_season, s, sizeof s));
  else if (fp->stats_season)
    snprintf(why, size, "valued by the no-market-value performance model (%s): no market value for him; his %s "
             "stats stand in for it", path, sl_season_text(fp->stats_season, s, sizeof s));
  else
    snprintf(why, size, "valued by the no-market-value performance model (%s): no market value for him, nor "
             "stats (its performance terms take their training averages)", path);
}

const sl_fees_model *sl_workspace_model_for(const sl_workspace *ws, const sl_fees_player *fp, const char **path,
                                            char *why, size_t size) {
  if (why && size) why[0] = '\0';
  if (path) *path = NULL;
  if (!ws || !ws->model) return NULL;
  int uses = sl_fees_model_uses(ws->model, SL_FEES_VAR_MARKET_VALUE);
  int no_value = fp && !(fp->market_value > 0) && uses, old = fp && uses && old_value_replaced(ws, fp);
  if (!ws->perf_model) {
    if (path) *path = ws->model_path;
    return ws->model;
  }
  int by_perf = no_value || old;
  if (path) *path = sl_ws_model_path(ws, by_perf ? ws->perf_model : ws->model);
  char pb[WS_NOTE_PATH_MAX + 1];
  if (why && size && by_perf) why_performance(ws, fp, old, why, size);
  else if (why && size && fp && uses && sl_workspace_market_value_old(fp))
    snprintf(why, size, "valued by the model %s on his old market value: his stats are not more recent than it, "
             "for the performance model to stand in", note_path(ws->model_path, pb, sizeof pb));
  else if (why && size)
    snprintf(why, size, "valued by the model %s: his market value is known (the performance model is for players "
             "without one or with an old one)", note_path(ws->model_path, pb, sizeof pb));
  return by_perf ? ws->perf_model : ws->model;
}

int sl_workspace_value_second(const sl_workspace *ws, const sl_workspace_player *pl, const sl_workspace_attrs *given,
                              double bid, sl_fees_valuation *out, const sl_fees_model **model, sl_error *err) {
  if (!ws || !out) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "sl_workspace_value_second: NULL argument");
  if (model) *model = NULL;
  sl_fees_player fp;
  int st = ws->perf_model ? sl_workspace_fee_player(ws, pl, given, &fp, NULL, NULL, 0, err) : SL_ENOTFOUND;
  if (st && st != SL_ENOTFOUND) return st;
  const sl_fees_model *first = st ? NULL : sl_workspace_model_for(ws, &fp, NULL, NULL, 0);
  const sl_fees_model *other = first == ws->perf_model ? ws->model : ws->perf_model;
  /* From his stats alone needs his stats; from a market value, one. */
  const char *none = !ws->perf_model                                   ? "no performance model"
                     : st                                              ? "no record"
                     : !(fp.market_value > 0)                          ? "the performance model already values him"
                     : other == ws->perf_model && !fp.stats_season     ? "no stats of his for the performance model"
                                                                       : NULL;
  if (none) return sl_error_set(err, SL_ENOTFOUND, NULL, 0, 0, "no second answer: %s", none);
  st = sl_ws_fee_player_for(ws, pl, given, other, &fp, NULL, NULL, 0, err); /* the other model's column terms */
  if (st) return st;
  if (other == ws->perf_model) fp.market_value = NAN; /* his stats alone */
  st = sl_fees_value(other, &fp, ws->level, bid, out, err);
  if (!st && model) *model = other;
  return st;
}

int sl_ws_value_chosen(const sl_workspace *ws, const sl_workspace_player *pl, const sl_workspace_attrs *given,
                       double bid, sl_fees_player *fp_out, sl_fees_valuation *out, const sl_fees_model **model,
                       const char **path, char *why, size_t why_size, sl_error *err) {
  if (!ws || !out || !why || !why_size) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "sl_workspace_value: NULL argument");
  if (!ws->model) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "no fee model: give past transfers or a saved model");
  sl_fees_player fp;
  char notes[SL_FEES_MAX_NOTES][SL_FEES_NOTE_MAX];
  size_t nnotes = 0;
  int st = sl_workspace_fee_player(ws, pl, given, &fp, notes, &nnotes, SL_FEES_MAX_NOTES, err);
  why[0] = '\0';
  const sl_fees_model *m = st ? NULL : sl_workspace_model_for(ws, &fp, path, why, why_size);
  if (!st) st = sl_fees_value(m, &fp, ws->level, bid, out, err);
  if (st) return st;
  if (model) *model = m;
  /* The valuation's own notes, then which model and why, then where each attribute came from. */
  if (why[0] && out->nnotes < SL_FEES_MAX_NOTES) memcpy(out->notes[out->nnotes++], why, SL_FEES_NOTE_MAX);
  for (size_t i = 0; i < nnotes && out->nnotes < SL_FEES_MAX_NOTES; i++)
    memcpy(out->notes[out->nnotes++], notes[i], SL_FEES_NOTE_MAX);
  if (fp_out) *fp_out = fp;
  return SL_OK;
}

int sl_workspace_value(const sl_workspace *ws, const sl_workspace_player *pl, const sl_workspace_attrs *given,
                       double bid, sl_fees_player *fp, sl_fees_valuation *out, sl_error *err) {
  char why[SL_FEES_NOTE_MAX];
  return sl_ws_value_chosen(ws, pl, given, bid, fp, out, NULL, NULL, why, sizeof why, err);
}

int sl_workspace_fair_fees(const sl_workspace *ws, sl_group group, double min_minutes, double *fee, size_t *valued,
                           sl_error *err) {
  if (!ws || !fee) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "sl_workspace_fair_fees: NULL argument");
  if (valued) *valued = 0;
  if (!ws->model) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "no fee model: give past transfers or a saved model");
  size_t n = ws->cmp ? sl_compare_count(ws->cmp) : 0;
  for (size_t i = 0; i < n; i++) {
    const sl_player *p = sl_compare_player(ws->cmp, i);
    fee[i] = NAN;
    if (p->group != group || !(p->minutes >= min_minutes)) continue; /* never a candidate: not valued */
    sl_workspace_player pl;
    sl_fees_valuation v;
    sl_error one; /* a player the model cannot value (no market value, no age) has no fee, not an error */
    if (sl_workspace_player_at(ws, i, &pl, &one) == SL_OK && sl_workspace_value(ws, &pl, NULL, NAN, NULL, &v, &one) == SL_OK) {
      fee[i] = v.fair_fee;
      if (valued) ++*valued;
    }
  }
  return SL_OK;
}
