/* squad_parts.c - the components that come from the stats table and the compare index:
 * availability, on-pitch impact, quality against role peers, replaceability, value share.
 * Formulas and constants: docs/squad.md. */
#include "runtime_internal.h"
#include "squad_impl.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Availability: parts and their weights. Minutes share is the direct measure of dependence; starts
 * show first choice; minutes per start and completed matches show trust to finish. */
#define SL_SQUAD_AV_W_MINUTES 0.40
#define SL_SQUAD_AV_W_STARTS 0.30
#define SL_SQUAD_AV_W_PER_START 0.15
#define SL_SQUAD_AV_W_COMPLETED 0.15
/* Impact: xG difference is less subject to finishing and goalkeeping luck than goals. */
#define SL_SQUAD_IM_W_GOALS 0.4
#define SL_SQUAD_IM_W_XG 0.6
/* A shrunk on-off of two prior standard deviations (2 x 0.11 per 90, docs/squad.md) scores 0 or 100. */
#define SL_SQUAD_IMPACT_SCALE 0.22
/* Quality and impact scores are centred here: the league median / no effect. */
#define SL_SQUAD_NEUTRAL 50.0
/* Replaceability: cover and gap weigh the same: a deep group of poor players or one excellent
 * reserve both make a loss cheaper. */
#define SL_SQUAD_RE_W_DEPTH 0.5
#define SL_SQUAD_RE_W_GAP 0.5
/* Value share: an equal member of the starting eleven holds 1/11; twice that saturates the score. */
#define SL_SQUAD_VALUE_SHARE_FULL (2.0 / 11.0)
/* The known values stand for the squad's value only when they cover most of the club's minutes:
 * a share of a handful of known values (a top-100 list) would inflate every share. */
#define SL_SQUAD_VALUE_MIN_COVERAGE 0.5

static double clamp(double v, double lo, double hi) { return v < lo ? lo : v > hi ? hi : v; }

/* Weighted mean of the parts present (NAN parts left out); NAN when none. */
static double partial_mean(const double *v, const double *w, size_t n) {
  double sum = 0, wsum = 0;
  for (size_t k = 0; k < n; k++)
    if (!isnan(v[k])) sum += w[k] * v[k], wsum += w[k];
  return wsum > 0 ? sum / wsum : NAN;
}

static void note(sl_squad_entry *e, sl_squad_component c, const char *text) {
  size_t len = strlen(e->note[c]);
  snprintf(e->note[c] + len, sizeof e->note[c] - len, "%s%s", len ? "; " : "", text);
}

/* ---- availability ------------------------------------------------------------------------ */

void sl_squad_availability_(sl_squad *s) {
  static const double w[] = {SL_SQUAD_AV_W_MINUTES, SL_SQUAD_AV_W_STARTS, SL_SQUAD_AV_W_PER_START,
                             SL_SQUAD_AV_W_COMPLETED};
  for (size_t i = 0; i < s->n; i++) {
    sl_squad_entry *e = &s->e[i];
    const sl_squad_club *club = &s->clubs[e->club];
    if (!(club->team_matches > 0)) {
      note(e, SL_SQUAD_AVAILABILITY, "team matches unknown (no MP, Min% or team_matches)");
      continue;
    }
    e->minutes_share = clamp(e->minutes / club->team_minutes, 0, 1);
    e->starts = sl_squad_cell_(s, s->c_starts, i);
    e->starts_share = clamp(e->starts / club->team_matches, 0, 1);
    e->completed = sl_squad_cell_(s, s->c_compl, i);
    e->completed_share = clamp(e->completed / club->team_matches, 0, 1);
    /* Minutes per start is undefined without a start: left out, not zero. */
    if (e->starts > 0) e->minutes_per_start = sl_squad_cell_(s, s->c_mn_start, i);
    double parts[] = {e->minutes_share, e->starts_share, clamp(e->minutes_per_start / 90.0, 0, 1),
                      e->completed_share};
    if (isnan(e->starts)) note(e, SL_SQUAD_AVAILABILITY, "no Starts: starts share left out");
    else if (!(e->starts > 0)) note(e, SL_SQUAD_AVAILABILITY, "no starts: minutes per start left out");
    else if (isnan(e->minutes_per_start)) note(e, SL_SQUAD_AVAILABILITY, "no Mn/Start: left out");
    if (isnan(e->completed)) note(e, SL_SQUAD_AVAILABILITY, "no Compl: completed matches left out");
    e->score[SL_SQUAD_AVAILABILITY] = 100.0 * partial_mean(parts, w, 4);
  }
}

/* ---- impact -------------------------------------------------------------------------------- */

/* An entry's on-pitch total of a difference (goals or xG): the totals column, or per-90 x minutes. */
static double on_total(const sl_squad *s, const sl_column *total, const sl_column *per90, size_t i) {
  double v = sl_squad_cell_(s, total, i);
  if (isnan(v) && per90) v = sl_squad_cell_(s, per90, i) * s->e[i].minutes / 90.0;
  return v;
}

/* The team's season difference: each minute of it is seen by the players on the pitch, so
 * sum(on totals) = T x (player minutes / team minutes) and T = sum(on) x team minutes / sum(minutes).
 * Exact while 11 are on the pitch; red cards bias it slightly (docs/squad.md: checked against
 * FBref's own On-Off, median error 0.008 goals per 90). */
static double team_total(const sl_squad *s, const sl_squad_club *club, const sl_column *total,
                         const sl_column *per90) {
  double on = 0, minutes = 0;
  for (size_t k = 0; k < club->n; k++) {
    size_t i = club->ranked[k];
    double v = on_total(s, total, per90, i);
    if (!isnan(v) && s->e[i].minutes > 0) on += v, minutes += s->e[i].minutes;
  }
  return minutes > 0 ? on * club->team_minutes / minutes : NAN;
}

/* On-off per 90 derived from on-pitch totals: on per 90 minus off per 90. */
static double derived_on_off(const sl_squad *s, size_t i, double team, const sl_column *total,
                             const sl_column *per90) {
  const sl_squad_entry *e = &s->e[i];
  double off = s->clubs[e->club].team_minutes - e->minutes, on = on_total(s, total, per90, i);
  if (isnan(on) || isnan(team) || !(e->minutes > 0) || !(off > 0)) return NAN;
  return 90.0 * on / e->minutes - 90.0 * (team - on) / off;
}

static double impact_score(double shrunk) {
  return SL_SQUAD_NEUTRAL + SL_SQUAD_NEUTRAL * clamp(shrunk / SL_SQUAD_IMPACT_SCALE, -1, 1);
}

static void impact_entry(sl_squad *s, size_t i, double team_goals, double team_xg) {
  sl_squad_entry *e = &s->e[i];
  const sl_squad_club *club = &s->clubs[e->club];
  double off = club->team_minutes - e->minutes;
  if (!(e->minutes > 0)) {
    note(e, SL_SQUAD_IMPACT, "no minutes on the pitch");
    return;
  }
  if (!(off > 0)) {
    note(e, SL_SQUAD_IMPACT, "played every minute: no off-pitch comparison");
    return;
  }
  /* Both halves of on-off are noisy: the variance is noise x 90 (1/on + 1/off), i.e. that of a
   * single sample of on x off / team minutes. */
  e->effective_minutes = e->minutes * off / club->team_minutes;
  e->on_off = s->c_on_off ? sl_squad_cell_(s, s->c_on_off, i) : derived_on_off(s, i, team_goals, s->c_plus_minus, NULL);
  e->xg_on_off = s->c_xg_on_off ? sl_squad_cell_(s, s->c_xg_on_off, i)
                                : derived_on_off(s, i, team_xg, s->c_xg_plus_minus, s->c_xg_plus_minus90);
  double parts[2] = {NAN, NAN};
  static const double w[2] = {SL_SQUAD_IM_W_GOALS, SL_SQUAD_IM_W_XG};
  if (!isnan(e->on_off)) {
    e->on_off_shrunk = e->on_off * e->effective_minutes / (e->effective_minutes + s->opt.k_on_off);
    parts[0] = impact_score(e->on_off_shrunk);
  } else if (s->rep.have_on_off) note(e, SL_SQUAD_IMPACT, "goal on-off missing for him");
  if (!isnan(e->xg_on_off)) {
    e->xg_on_off_shrunk = e->xg_on_off * e->effective_minutes / (e->effective_minutes + s->opt.k_xg_on_off);
    parts[1] = impact_score(e->xg_on_off_shrunk);
  } else if (s->rep.have_xg_on_off) note(e, SL_SQUAD_IMPACT, "xG on-off missing for him");
  e->score[SL_SQUAD_IMPACT] = partial_mean(parts, w, 2);
}

void sl_squad_impact_(sl_squad *s) {
  if (!s->rep.have_on_off && !s->rep.have_xg_on_off) {
    snprintf(s->rep.notes[0], sizeof s->rep.notes[0],
             "impact left out: no on-off columns (On-Off, +/-, On-Off_xG, xG+/-, xG+/-90)");
    for (size_t i = 0; i < s->n; i++) note(&s->e[i], SL_SQUAD_IMPACT, "no on-off columns in the stats file");
    return;
  }
  for (size_t k = 0; k < s->nclubs; k++) {
    const sl_squad_club *club = &s->clubs[k];
    double goals = s->c_on_off ? NAN : team_total(s, club, s->c_plus_minus, NULL);
    double xg = s->c_xg_on_off ? NAN : team_total(s, club, s->c_xg_plus_minus, s->c_xg_plus_minus90);
    for (size_t j = 0; j < club->n; j++) impact_entry(s, club->ranked[j], goals, xg);
  }
}

/* ---- quality ------------------------------------------------------------------------------- */

int sl_squad_quality_(sl_squad *s, sl_error *err) {
  if (!s->opt.profiles) {
    for (size_t i = 0; i < s->n; i++) note(&s->e[i], SL_SQUAD_QUALITY, "no role profiles given");
    snprintf(s->rep.notes[1], sizeof s->rep.notes[1], "quality left out: no role profiles given");
    return SL_OK;
  }
  double *q = malloc((s->n ? s->n : 1) * sizeof *q);
  if (!q) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  int st = sl_compare_quality_all(s->index, s->opt.profiles, &s->opt.pool, q, err);
  for (size_t i = 0; !st && i < s->n; i++) {
    sl_squad_entry *e = &s->e[i];
    const sl_player *p = sl_compare_player(s->index, i);
    e->quality_raw = q[i];
    if (!isnan(q[i])) {
      /* Shrunk toward the median as the impact: m / (m + k) of his distance from 50 is kept. */
      e->quality = SL_SQUAD_NEUTRAL + (q[i] - SL_SQUAD_NEUTRAL) * e->minutes / (e->minutes + s->opt.k_quality);
      e->score[SL_SQUAD_QUALITY] = e->quality;
    } else if (p->group == SL_GROUP_UNKNOWN) note(e, SL_SQUAD_QUALITY, "position group unknown");
    else if (!(e->minutes > 0)) note(e, SL_SQUAD_QUALITY, "no minutes: no per-90 values");
    else if (!sl_profiles_for_group(s->opt.profiles, p->group)) note(e, SL_SQUAD_QUALITY, "no profile for his group");
    else note(e, SL_SQUAD_QUALITY, "none of his profile's stats in the file");
  }
  free(q);
  return st;
}

/* ---- replaceability ------------------------------------------------------------------------ */

static void replaceability_entry(sl_squad *s, size_t i) {
  sl_squad_entry *e = &s->e[i];
  const sl_squad_club *club = &s->clubs[e->club];
  sl_group g = sl_compare_player(s->index, i)->group;
  if (g == SL_GROUP_UNKNOWN) {
    note(e, SL_SQUAD_REPLACEABILITY, "position group unknown");
    return;
  }
  double group_minutes = 0, best = -1;
  for (size_t k = 0; k < club->n; k++) {
    size_t j = club->ranked[k];
    const sl_squad_entry *o = &s->e[j];
    if (sl_compare_player(s->index, j)->group != g) continue;
    group_minutes += o->minutes;
    if (j == i) continue;
    if (club->team_minutes > 0 && o->minutes >= s->opt.real_minutes_share * club->team_minutes) e->depth++;
    /* The next man up: the best of those behind him in minutes (ties: the later row). */
    int behind = o->minutes < e->minutes || (o->minutes == e->minutes && j > i);
    if (behind && !isnan(o->quality) && o->quality > best) best = o->quality, e->next_man = (long)j;
  }
  e->group_slots = club->team_minutes > 0 ? round(group_minutes / club->team_minutes) : 1;
  if (e->group_slots < 1) e->group_slots = 1;
  double cover = (double)e->depth - (e->group_slots - 1);
  /* A reserve goalkeeper plays only when the first choice is out, so minutes cannot show the
   * cover every club keeps: for goalkeepers only the gap to the next man up is scored. */
  if (g != SL_GROUP_GOALKEEPER) e->depth_score = 100.0 / (1.0 + (cover > 0 ? cover : 0));
  else note(e, SL_SQUAD_REPLACEABILITY, "goalkeeper: backups rarely play, depth not measurable from minutes");
  e->next_quality = e->next_man >= 0 ? best : SL_SQUAD_NEUTRAL;
  if (!isnan(e->quality)) e->gap_score = clamp((100.0 + e->quality - e->next_quality) / 2.0, 0, 100);
  else note(e, SL_SQUAD_REPLACEABILITY, "no quality: gap to the next man up left out");
  if (e->next_man < 0 && !isnan(e->quality))
    note(e, SL_SQUAD_REPLACEABILITY, "nobody behind him with a quality: next man up at the league median");
  double parts[] = {e->depth_score, e->gap_score};
  static const double w[] = {SL_SQUAD_RE_W_DEPTH, SL_SQUAD_RE_W_GAP};
  e->score[SL_SQUAD_REPLACEABILITY] = partial_mean(parts, w, 2);
}

void sl_squad_replaceability_(sl_squad *s) {
  for (size_t i = 0; i < s->n; i++) replaceability_entry(s, i);
}

/* ---- value share --------------------------------------------------------------------------- */

void sl_squad_value_share_(sl_squad *s) {
  if (!s->opt.value_of && !s->opt.values) {
    snprintf(s->rep.notes[3], sizeof s->rep.notes[3], "value_share left out: no values given (a values table or a fee model)");
    for (size_t i = 0; i < s->n; i++) note(&s->e[i], SL_SQUAD_VALUE_SHARE, "no values given");
    return;
  }
  for (size_t i = 0; i < s->n; i++) {
    const sl_player *p = sl_compare_player(s->index, i);
    double v = s->opt.value_of ? s->opt.value_of(s->opt.value_ctx, p) : p->market_value;
    s->e[i].value_eur = v >= 0 ? v : NAN;
    if (!isnan(s->e[i].value_eur)) {
      s->clubs[s->e[i].club].value_total += v;
      s->clubs[s->e[i].club].values_known++;
      s->rep.values_matched++;
    }
  }
  double *covered = calloc(s->nclubs ? s->nclubs : 1, sizeof *covered);
  for (size_t i = 0; covered && i < s->n; i++)
    if (!isnan(s->e[i].value_eur)) covered[s->e[i].club] += s->e[i].minutes;
  for (size_t i = 0; i < s->n; i++) {
    sl_squad_entry *e = &s->e[i];
    const sl_squad_club *club = &s->clubs[e->club];
    char text[160];
    double coverage = covered && club->minutes_total > 0 ? covered[e->club] / club->minutes_total : 0;
    if (!isnan(e->value_eur) && club->value_total > 0 && coverage < SL_SQUAD_VALUE_MIN_COVERAGE) {
      sl_snprintf_c(text, sizeof text, "known values cover %.0f%% of the club's minutes (%zu of %zu players): under %.0f%%",
               100 * coverage, club->values_known, club->n, 100 * SL_SQUAD_VALUE_MIN_COVERAGE);
      note(e, SL_SQUAD_VALUE_SHARE, text);
      continue;
    }
    if (isnan(e->value_eur) || !(club->value_total > 0)) {
      snprintf(text, sizeof text, "no value for him (%zu of %zu at the club have one)", club->values_known, club->n);
      note(e, SL_SQUAD_VALUE_SHARE, text);
      continue;
    }
    e->value_share = e->value_eur / club->value_total;
    e->score[SL_SQUAD_VALUE_SHARE] = 100.0 * clamp(e->value_share / SL_SQUAD_VALUE_SHARE_FULL, 0, 1);
    if (club->values_known < club->n) {
      snprintf(text, sizeof text, "share of the %zu known values of %zu players", club->values_known, club->n);
      note(e, SL_SQUAD_VALUE_SHARE, text);
    }
  }
  free(covered);
}
