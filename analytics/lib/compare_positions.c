/* compare_positions.c - position groups for the index (override file > positions file > the
 * centre-back/full-back rule on FBref "DF" > FBref GK/MF/FW) and market values by name.
 * The rule and its validation are in docs/compare.md. */
#include "compare_impl.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "scoutlab/fees.h" /* the position words (sl_fees_position_group) */
#include "scoutlab/names.h"
#include "scoutlab/season.h"
#include "runtime_internal.h"

/* Without box touches, aerials and clearances (files with FBref's standard table only):
 * a DF is a centre-back when crosses + progressive passes received per 90 stay below this:
 * full-backs receive the ball high and cross (median 2.2 + 3.7 per 90), centre-backs do neither
 * (0.14 + 0.21). Chosen on the 293 Big-5 2024/25 defenders with >= 900 minutes whose
 * Transfermarkt sub-position is known: 93.5% agree (docs/compare.md). */
#define SL_CB_RULE_THRESHOLD 2.0
/* A positions-file row more than this many seasons older than the stats may describe another
 * role (a right-back turned back-three centre-back): the current stats decide the DF split. */
#define SL_POSITIONS_STALE_SEASONS 2
/* Birth years from "season - age" are off by one around birthdays: accept that much. */
#define SL_BORN_TOLERANCE 1.0

typedef struct pos_entry {
  char *norm;
  double born;   /* NAN when unknown */
  double season; /* NAN when unknown; the latest season wins */
  sl_group group;
  int generic_df;
  char code[12];
} pos_entry;

sl_group sl_compare_group_of_tm_(const char *text, int *generic_df, char code[12]) {
  static const struct { const char *text, *code; sl_group g; } map[] = {
      {"GK", "GK", SL_GROUP_GOALKEEPER}, {"Goalkeeper", "GK", SL_GROUP_GOALKEEPER},
      {"Portero", "GK", SL_GROUP_GOALKEEPER}, {"CB", "CB", SL_GROUP_CENTRE_BACK},
      {"Centre-Back", "CB", SL_GROUP_CENTRE_BACK}, {"SW", "SW", SL_GROUP_CENTRE_BACK},
      {"Sweeper", "SW", SL_GROUP_CENTRE_BACK}, {"LB", "LB", SL_GROUP_FULL_BACK},
      {"Left-Back", "LB", SL_GROUP_FULL_BACK}, {"RB", "RB", SL_GROUP_FULL_BACK},
      {"Right-Back", "RB", SL_GROUP_FULL_BACK}, {"LWB", "LWB", SL_GROUP_FULL_BACK},
      {"RWB", "RWB", SL_GROUP_FULL_BACK}, {"DM", "DM", SL_GROUP_MIDFIELDER},
      {"Defensive Midfield", "DM", SL_GROUP_MIDFIELDER}, {"CM", "CM", SL_GROUP_MIDFIELDER},
      {"Central Midfield", "CM", SL_GROUP_MIDFIELDER}, {"AM", "AM", SL_GROUP_MIDFIELDER},
      {"Attacking Midfield", "AM", SL_GROUP_MIDFIELDER}, {"LM", "LM", SL_GROUP_MIDFIELDER},
      {"Left Midfield", "LM", SL_GROUP_MIDFIELDER}, {"RM", "RM", SL_GROUP_MIDFIELDER},
      {"Right Midfield", "RM", SL_GROUP_MIDFIELDER}, {"midfield", "MF", SL_GROUP_MIDFIELDER},
      {"Centrocampista", "MF", SL_GROUP_MIDFIELDER}, {"LW", "LW", SL_GROUP_FORWARD},
      {"Left Winger", "LW", SL_GROUP_FORWARD}, {"RW", "RW", SL_GROUP_FORWARD},
      {"Right Winger", "RW", SL_GROUP_FORWARD}, {"CF", "CF", SL_GROUP_FORWARD},
      {"Centre-Forward", "CF", SL_GROUP_FORWARD}, {"SS", "SS", SL_GROUP_FORWARD},
      {"Second Striker", "SS", SL_GROUP_FORWARD}, {"attack", "FW", SL_GROUP_FORWARD},
      {"Delantero", "FW", SL_GROUP_FORWARD}};
  static const char *const generic[] = {"defence", "defense", "Defender", "Defensa", "DF"};
  *generic_df = 0;
  code[0] = '\0';
  if (!text) return SL_GROUP_UNKNOWN;
  for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
    if (strcasecmp(text, map[i].text) == 0) {
      sl_snprintf_c(code, 12, "%s", map[i].code);
      return map[i].g;
    }
  for (size_t i = 0; i < sizeof generic / sizeof generic[0]; i++)
    if (strcasecmp(text, generic[i]) == 0) {
      *generic_df = 1;
      sl_snprintf_c(code, 12, "DF");
      return SL_GROUP_UNKNOWN;
    }
  sl_group g = sl_group_parse(text); /* overrides may name the group itself */
  if (g != SL_GROUP_UNKNOWN) sl_snprintf_c(code, 12, "%s", sl_group_name(g));
  return g;
}

static double num_at(const sl_table *t, const sl_column *col, size_t row) {
  double v;
  return col && sl_table_number(t, col, row, &v) == 1 ? v : NAN;
}

static const char *text_at(const sl_column *col, size_t row) {
  return col && col->type == SL_TYPE_TEXT && col->text ? col->text[row] : NULL;
}

static int cmp_entry(const void *a, const void *b) {
  const pos_entry *x = a, *y = b;
  int s = strcmp(x->norm, y->norm);
  if (s) return s;
  double xs = isnan(x->season) ? -1 : x->season, ys = isnan(y->season) ? -1 : y->season;
  return xs < ys ? -1 : xs > ys;
}

static void free_entries(pos_entry *e, size_t n) {
  for (size_t i = 0; i < n; i++) free(e[i].norm);
  free(e);
}

/* Reads a positions or override table into sorted entries. */
static int read_entries(const sl_table *t, pos_entry **out, size_t *nout, sl_error *err) {
  const sl_column *name = sl_table_role(t, SL_ROLE_PLAYER), *sub = sl_table_role(t, SL_ROLE_SUB_POSITION);
  const sl_column *pos = sl_table_role(t, SL_ROLE_POSITION), *born = sl_table_role(t, SL_ROLE_BORN);
  const sl_column *age = sl_table_role(t, SL_ROLE_AGE), *season = sl_table_role(t, SL_ROLE_SEASON);
  const char *file = t->nfiles ? t->files[0] : NULL;
  *out = NULL, *nout = 0;
  if (!name || (!sub && !pos))
    return sl_error_set(err, SL_ENOTFOUND, file, 1, 0,
                        "positions file needs a name column and short_pos/sub_position or position");
  pos_entry *e = calloc(t->nrows ? t->nrows : 1, sizeof *e);
  if (!e) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory reading positions");
  size_t n = 0;
  for (size_t r = 0; r < t->nrows; r++) {
    const char *nm = text_at(name, r), *code = text_at(sub, r);
    if (!nm) continue;
    if (!code) code = text_at(pos, r);
    int generic;
    sl_group g = sl_compare_group_of_tm_(code, &generic, e[n].code);
    if (g == SL_GROUP_UNKNOWN && !generic) continue;
    if (!(e[n].norm = sl_name_normalise(nm))) continue;
    e[n].group = g, e[n].generic_df = generic;
    e[n].season = num_at(t, season, r);
    e[n].born = num_at(t, born, r);
    if (isnan(e[n].born)) e[n].born = e[n].season - num_at(t, age, r);
    n++;
  }
  qsort(e, n, sizeof *e, cmp_entry);
  *out = e, *nout = n;
  return SL_OK;
}

/* First entry with this name (binary search), or n. */
static size_t first_with(const pos_entry *e, size_t n, const char *norm) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (strcmp(e[mid].norm, norm) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo < n && strcmp(e[lo].norm, norm) == 0 ? lo : n;
}

static int born_fits(double a, double b) { return isnan(a) || isnan(b) || fabs(a - b) <= SL_BORN_TOLERANCE; }

/* Whether a positions-file group agrees with FBref's main (first) position: the file is years
 * older than the stats, so a midfielder who now plays centre-back ("DF,MF") keeps FBref's word.
 * Wide and attacking players move between MF and FW, so those two accept each other. */
static int compatible(sl_group g, const char *fbref_pos) {
  if (!fbref_pos || !*fbref_pos) return 1;
  int df = strncmp(fbref_pos, "DF", 2) == 0, mf = strncmp(fbref_pos, "MF", 2) == 0;
  int fw = strncmp(fbref_pos, "FW", 2) == 0;
  switch (g) {
  case SL_GROUP_GOALKEEPER: return strncmp(fbref_pos, "GK", 2) == 0;
  case SL_GROUP_CENTRE_BACK:
  case SL_GROUP_FULL_BACK: return df;
  case SL_GROUP_MIDFIELDER:
  case SL_GROUP_FORWARD: return mf || fw;
  default: return 0;
  }
}

/* The season the stats are about: the latest of a season column, else one named in the file
 * name ("players_data-2024_2025.csv"); 0 when unknown. */
static int stats_season(const sl_compare *c) {
  const sl_column *col = sl_table_role(c->t, SL_ROLE_SEASON);
  double best = 0;
  for (size_t r = 0; col && r < c->t->nrows; r++) {
    double v = num_at(c->t, col, r);
    if (v >= SL_SEASON_MIN && v <= SL_SEASON_MAX && v > best) best = v; /* 2e23 is no season */
  }
  int year = 0;
  if (best > 0) return (int)best;
  return c->t->nfiles && sl_season_from_path(c->t->files[0], &year) ? year : 0;
}

/* A positions-file row seasons older than the stats is not the most recent source: when it
 * splits a DF differently from his current stats (Pavard, Kalulu: RB in 2019-2020, centre-backs
 * of a back three since), the stats win and the note says why. */
static int stale_and_disagrees(sl_compare *c, sl_player *p, const pos_entry *best) {
  int season = stats_season(c);
  if (!season || isnan(best->season) || season - best->season <= SL_POSITIONS_STALE_SEASONS) return 0;
  if (best->group != SL_GROUP_CENTRE_BACK && best->group != SL_GROUP_FULL_BACK) return 0;
  if (strncmp(p->fbref_pos, "DF", 2) != 0) return 0;
  sl_group now = sl_compare_split_df_(c, p, 0);
  if (now == SL_GROUP_UNKNOWN || now == best->group) return 0;
  c->rep.positions_stale++;
  sl_snprintf_c(p->position_note, sizeof p->position_note, "positions file %s is from %.0f", best->code, best->season);
  return 1; /* left unknown: the fallback infers it and appends its reason */
}

static void join_positions(sl_compare *c, const pos_entry *e, size_t n) {
  for (size_t i = 0; i < c->n; i++) {
    sl_player *p = &c->players[i];
    size_t k = first_with(e, n, p->name_norm);
    const pos_entry *best = NULL;
    for (; k < n && strcmp(e[k].norm, p->name_norm) == 0; k++)
      if (born_fits(e[k].born, p->born)) best = &e[k]; /* sorted by season: the last is the latest */
    if (!best) {
      int name_seen = first_with(e, n, p->name_norm) < n;
      c->rep.positions_unmatched += !name_seen;
      c->rep.positions_born_mismatch += name_seen;
      sl_snprintf_c(p->position_note, sizeof p->position_note, "%s",
               name_seen ? "positions file: same name, other birth year" : "not in positions file");
      continue;
    }
    if (best->generic_df) {
      sl_snprintf_c(p->position_note, sizeof p->position_note, "positions file says only defender");
      continue;
    }
    if (p->group != SL_GROUP_UNKNOWN) continue; /* the stats file's own, current position */
    if (stale_and_disagrees(c, p, best)) continue;
    if (!compatible(best->group, p->fbref_pos)) {
      c->rep.positions_conflict++;
      sl_snprintf_c(p->position_note, sizeof p->position_note, "positions file %s disagrees with Pos %s",
               best->code, p->fbref_pos);
      continue;
    }
    p->group = best->group, p->group_source = SL_POSSRC_FILE;
    sl_snprintf_c(p->sub_position, sizeof p->sub_position, "%s", best->code);
    sl_snprintf_c(p->position_note, sizeof p->position_note, "positions file (season %.0f)", best->season);
  }
}

static void apply_overrides(sl_compare *c, const pos_entry *e, size_t n) {
  for (size_t k = 0; k < n; k++) {
    int used = 0;
    for (size_t i = 0; i < c->n; i++) {
      sl_player *p = &c->players[i];
      if (strcmp(p->name_norm, e[k].norm) != 0 || !born_fits(e[k].born, p->born)) continue;
      p->group = e[k].group, p->group_source = SL_POSSRC_OVERRIDE;
      sl_snprintf_c(p->sub_position, sizeof p->sub_position, "%s", e[k].code);
      sl_snprintf_c(p->position_note, sizeof p->position_note, "manual override");
      used = 1;
    }
    c->rep.overrides_unused += !used;
  }
}

/* The back-three score: a logistic model of P(full-back) on five per-90 stats, fitted on the
 * 1,223 Big-5 defenders (FBref DF, >= 900 minutes) of 2018/19-2020/21 in fbref-big5-yearly whose
 * transfers-tm sub-position of the nearest season is known (tests/data/compare/cb_logit_fit.py).
 * Full-backs cross and receive progressive passes; centre-backs, also those of a back three who
 * carry and cross (Bastoni, Bisseck), touch the ball in their own box and win headers. Agreement
 * with Transfermarkt, leave-one-season-out: 96.6% (the crosses + PrgR rule alone: 95.6%). */
#define SL_CB_LOGIT_INTERCEPT 0.0488
#define SL_CB_LOGIT_CROSSES 1.0126     /* per crosses / 90 */
#define SL_CB_LOGIT_PRGR 0.8673        /* per progressive passes received / 90 */
#define SL_CB_LOGIT_DEF_PEN (-0.6963)  /* per touches in the defensive penalty area / 90 */
#define SL_CB_LOGIT_AERIALS (-0.9938)  /* per aerial duels won / 90 */
#define SL_CB_LOGIT_CLEARANCES 0.6048  /* per clearances / 90: given the box touches, more clearances
                                          mark a full-back's emergency defending */

/* Header aliases of the stats the split reads (FBref's site, the Big-5 export, the yearly scrape,
 * the vinco export). */
static const char *const crosses_cols[] = {"Crs", "Crs_stats_misc", "Crosses", NULL};
static const char *const prgr_cols[] = {"PrgR", "PrgR_stats_possession", "ProgPassesRecieved", "RecProg", NULL};
static const char *const def_pen_cols[] = {"Def Pen", "DefPenTouches", "TouDefPen", NULL};
static const char *const aerials_cols[] = {"Won", "AerialsWon", "AerWon", NULL};
static const char *const clearances_cols[] = {"Clr", "Clearences", "Clearances", NULL};

static const sl_column *first_column(const sl_table *t, const char *const *names) {
  for (; *names; names++) {
    const sl_column *col = sl_table_column(t, *names);
    if (col && col->type == SL_TYPE_NUMBER) return col;
  }
  return NULL;
}

/* Per 90 of a column for player p (a per-90 column as it is), NAN when absent. */
static double split_per90(const sl_compare *c, const sl_player *p, const char *const *names) {
  const sl_column *col = first_column(c->t, names);
  return col ? sl_compare_col_per90_(c, p, col) : NAN;
}

static void note_add(sl_player *p, const char *text) {
  size_t len = strlen(p->position_note);
  sl_snprintf_c(p->position_note + len, sizeof p->position_note - len, "%s%s", len ? "; " : "", text);
}

/* The DF split for p: SL_GROUP_CENTRE_BACK / SL_GROUP_FULL_BACK, or SL_GROUP_UNKNOWN when the
 * data cannot tell. The logistic score where the box-touch, aerial and clearance columns exist,
 * the crosses + PrgR rule elsewhere. */
sl_group sl_compare_split_df_(const sl_compare *c, sl_player *p, int write_note) {
  double crs = split_per90(c, p, crosses_cols), prgr = split_per90(c, p, prgr_cols);
  if (isnan(crs) || isnan(prgr) || !(p->nineties > 0)) {
    if (write_note) note_add(p, "DF: no Crs/PrgR/minutes to split");
    return SL_GROUP_UNKNOWN;
  }
  double def_pen = split_per90(c, p, def_pen_cols), aerials = split_per90(c, p, aerials_cols);
  double clr = split_per90(c, p, clearances_cols);
  if (!isnan(def_pen) && !isnan(aerials) && !isnan(clr)) {
    double z = SL_CB_LOGIT_INTERCEPT + SL_CB_LOGIT_CROSSES * crs + SL_CB_LOGIT_PRGR * prgr +
               SL_CB_LOGIT_DEF_PEN * def_pen + SL_CB_LOGIT_AERIALS * aerials + SL_CB_LOGIT_CLEARANCES * clr;
    double p_fb = 1.0 / (1.0 + exp(-z));
    char why[96];
    sl_snprintf_c(why, sizeof why, "inferred: P(full-back) %.2f (back-three model)", p_fb);
    if (write_note) note_add(p, why);
    return p_fb < 0.5 ? SL_GROUP_CENTRE_BACK : SL_GROUP_FULL_BACK;
  }
  double per90 = crs + prgr;
  char why[96];
  sl_snprintf_c(why, sizeof why, "inferred: crosses+PrgR %.2f/90 %s %.1f", per90, per90 < SL_CB_RULE_THRESHOLD ? "<" : ">=",
           SL_CB_RULE_THRESHOLD);
  if (write_note) note_add(p, why);
  return per90 < SL_CB_RULE_THRESHOLD ? SL_GROUP_CENTRE_BACK : SL_GROUP_FULL_BACK;
}

/* FBref's first listed position is the main one; DF is split as sl_compare_split_df_ says. */
static void fallback(sl_compare *c, sl_player *p) {
  char first[4] = "";
  sl_snprintf_c(first, sizeof first, "%.2s", p->fbref_pos);
  if (strcmp(first, "GK") == 0) p->group = SL_GROUP_GOALKEEPER;
  else if (strcmp(first, "MF") == 0) p->group = SL_GROUP_MIDFIELDER;
  else if (strcmp(first, "FW") == 0) p->group = SL_GROUP_FORWARD;
  if (p->group != SL_GROUP_UNKNOWN) {
    p->group_source = SL_POSSRC_FBREF;
    return;
  }
  if (strcmp(first, "DF") != 0) return;
  p->group = sl_compare_split_df_(c, p, 1);
  if (p->group != SL_GROUP_UNKNOWN) p->group_source = SL_POSSRC_INFERRED;
}

/* A stats file may carry its own detailed position next to FBref's Pos (the demo data's
 * `position`: "Centre-Back"): trust it as much as a positions file, for players still unknown. */
static void own_positions(sl_compare *c) {
  static const char *const names[] = {"sub_position", "short_pos", "position", NULL};
  const sl_column *col = NULL;
  for (int k = 0; names[k] && !col; k++) {
    col = sl_table_column(c->t, names[k]);
    if (col && col->type != SL_TYPE_TEXT) col = NULL;
  }
  for (size_t i = 0; col && i < c->n; i++) {
    sl_player *p = &c->players[i];
    for (size_t k = 0; p->group == SL_GROUP_UNKNOWN && k < p->nrows; k++) {
      int generic = 0;
      char code[12] = "";
      const char *text = text_at(col, p->rows[k]);
      sl_group g = text ? sl_compare_group_of_tm_(text, &generic, code) : SL_GROUP_UNKNOWN;
      if (g == SL_GROUP_UNKNOWN) continue;
      p->group = g;
      p->group_source = SL_POSSRC_FILE;
      memcpy(p->sub_position, code, sizeof p->sub_position);
      sl_snprintf_c(p->position_note, sizeof p->position_note, "stats file column '%s': %s", col->name, text);
    }
  }
}

int sl_compare_assign_positions_(sl_compare *c, const sl_compare_options *opt, sl_error *err) {
  pos_entry *e = NULL;
  size_t n = 0;
  own_positions(c); /* the stats file's own column is about the same season: the most recent */
  if (opt->positions) {
    int st = read_entries(opt->positions, &e, &n, err);
    if (st) return st;
    join_positions(c, e, n);
    free_entries(e, n);
  }
  if (opt->overrides && opt->overrides->nrows) {
    int st = read_entries(opt->overrides, &e, &n, err);
    if (st) return st;
    apply_overrides(c, e, n);
    free_entries(e, n);
  }
  for (size_t i = 0; i < c->n; i++) {
    if (c->players[i].group == SL_GROUP_UNKNOWN) fallback(c, &c->players[i]);
    c->rep.by_source[c->players[i].group_source]++;
  }
  return SL_OK;
}

typedef struct value_entry {
  char *norm;     /* the normalised name, or its words in sorted order (sl_name_word_key) */
  double value;
  double age;     /* age in the values file, NAN when it has none */
  char *club;     /* normalised club, NULL when none */
  int keeper;     /* 1 a goalkeeper, 0 an outfield player, -1 position unknown */
  int season;     /* the season the value is of (sl_table_row_season), 0 unknown */
} value_entry;

/* A values row is of the same person as a stats player only when their ages agree: value
 * snapshots can be up to a few seasons older than the stats (Transfermarkt's of autumn 2023
 * against FBref 2024/25 is one year), never younger by more than one. */
#define SL_VALUES_AGE_OLDER 3.0
#define SL_VALUES_AGE_YOUNGER 1.0

static int cmp_value(const void *a, const void *b) {
  return strcmp(((const value_entry *)a)->norm, ((const value_entry *)b)->norm);
}

static int age_fits(const sl_player *p, const value_entry *v) {
  if (isnan(p->age) || isnan(v->age)) return 1;
  double d = p->age - v->age;
  return d <= SL_VALUES_AGE_OLDER && d >= -SL_VALUES_AGE_YOUNGER;
}

/* A goalkeeper is never an outfield namesake's value ("Luiz Felipe" the centre-back is not the
 * goalkeeper of that name); unknown on either side fits. */
static int keeper_fits(const sl_player *p, const value_entry *v) {
  if (v->keeper < 0 || p->group == SL_GROUP_UNKNOWN) return 1;
  return v->keeper == (p->group == SL_GROUP_GOALKEEPER);
}

static int club_fits(const sl_player *p, const value_entry *v) { return sl_name_club_in_list(p->clubs, v->club); }

/* The value of player p among the entries keyed `key`: the one person whose age fits, and when
 * several do, the one at his club (name alone never decides between two people). 0 none,
 * 1 found with *value, -1 several candidates and nothing to tell them apart (no guess). */
static int lookup_value(const value_entry *e, size_t n, const char *key, const sl_player *p, double *value,
                        int *season) {
  value_entry k = {(char *)key, 0, NAN, NULL, -1, 0};
  const value_entry *hit = bsearch(&k, e, n, sizeof *e, cmp_value);
  if (!hit) return 0;
  size_t lo = (size_t)(hit - e), hi = lo;
  while (lo > 0 && strcmp(e[lo - 1].norm, key) == 0) lo--;
  while (hi + 1 < n && strcmp(e[hi + 1].norm, key) == 0) hi++;
  size_t fit = 0, at_club = 0, pick = lo, pick_club = lo;
  for (size_t i = lo; i <= hi; i++) {
    if (!age_fits(p, &e[i]) || !keeper_fits(p, &e[i])) continue;
    if (!fit++) pick = i;
    if (club_fits(p, &e[i]) && !at_club++) pick_club = i;
  }
  if (fit == 1 || (fit > 1 && at_club == 1)) {
    *value = e[fit == 1 ? pick : pick_club].value, *season = e[fit == 1 ? pick : pick_club].season;
    return 1;
  }
  if (!fit) return 0;
  int latest = 0; /* several rows of one person with one value (duplicates): the latest season's */
  for (size_t i = lo; i <= hi; i++) {
    if (e[i].value != e[lo].value) return -1;
    if (e[i].season > latest) latest = e[i].season;
  }
  *value = e[lo].value, *season = latest;
  return 1;
}

static void free_values(value_entry *e, size_t n) {
  for (size_t k = 0; e && k < n; k++) free(e[k].norm), free(e[k].club);
  free(e);
}

/* Two sorted key sets from one pass over the values: by normalised name (e) and by its words in
 * sorted order (w). SL_OK or SL_ENOMEM; the caller frees both either way. */
static int read_values(const sl_table *values, value_entry **e, value_entry **w, size_t *n, size_t *other_currency) {
  size_t cap = values->nrows ? values->nrows : 1;
  *n = 0;
  *e = calloc(cap, sizeof **e);
  *w = calloc(cap, sizeof **w);
  if (!*e || !*w) return SL_ENOMEM;
  for (size_t r = 0; r < values->nrows; r++) { /* each attribute from the column that has it here */
    const sl_column *age = sl_table_role_at(values, SL_ROLE_AGE, r), *club = sl_table_role_at(values, SL_ROLE_CLUB, r);
    const sl_column *pos = sl_table_role_at(values, SL_ROLE_POSITION, r);
    const char *pt = pos ? text_at(pos, r) : NULL;
    int g = pt ? sl_fees_position_group(pt) : -2, keeper = g == SL_FEES_GK ? 1 : g == -2 ? -1 : 0;
    const sl_column *name = sl_table_role_at(values, SL_ROLE_PLAYER, r);
    const sl_column *val = sl_table_role_at(values, SL_ROLE_MARKET_VALUE, r);
    const char *nm = text_at(name, r), *cl = club ? text_at(club, r) : NULL;
    double v = NAN, a = age ? num_at(values, age, r) : NAN;
    int got = sl_table_euros(values, val, r, &v, NULL);
    if (got != 1) v = NAN;
    *other_currency += got == SL_TABLE_OTHER_CURRENCY;
    char *norm = nm && !isnan(v) ? sl_name_normalise(nm) : NULL;
    char *words = norm ? sl_name_word_key(norm) : NULL;
    if (!words) {
      free(norm); /* no name, no value, invalid UTF-8 or no memory: not a usable entry */
      continue;
    }
    int season = sl_table_row_season(values, r);
    (*e)[*n] = (value_entry){norm, v, a, cl ? sl_name_normalise(cl) : NULL, keeper, season};
    (*w)[(*n)++] = (value_entry){words, v, a, cl ? sl_name_normalise(cl) : NULL, keeper, season};
  }
  qsort(*e, *n, sizeof **e, cmp_value);
  qsort(*w, *n, sizeof **w, cmp_value);
  return SL_OK;
}

/* Market values by name, birth (age) and club; a name not found as written is tried with its
 * words in sorted order, because sources differ on family-name-first names ("Son Heung-min" /
 * "Heung-min Son"). */
int sl_compare_join_values_(sl_compare *c, const sl_table *values, sl_error *err) {
  const sl_column *name = sl_table_role(values, SL_ROLE_PLAYER), *val = sl_table_role(values, SL_ROLE_MARKET_VALUE);
  if (!name || !val)
    return sl_error_set(err, SL_ENOTFOUND, values->nfiles ? values->files[0] : NULL, 1, 0,
                        "values file needs a player-name column and a market value column (value, market_value)");
  value_entry *e = NULL, *w = NULL;
  size_t n = 0;
  int st = read_values(values, &e, &w, &n, &c->rep.values_other_currency);
  for (size_t i = 0; i < c->n && !st; i++) {
    sl_player *p = &c->players[i];
    double v = NAN;
    int season = 0;
    if (lookup_value(e, n, p->name_norm, p, &v, &season) == 0) {
      char *key = sl_name_word_key(p->name_norm);
      if (!key) st = SL_ENOMEM;
      else lookup_value(w, n, key, p, &v, &season);
      free(key);
    }
    if (isnan(v)) continue;
    p->market_value = v, p->market_value_season = season;
    c->rep.values_matched++;
  }
  free_values(e, n), free_values(w, n);
  return st ? sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory reading values") : SL_OK;
}
