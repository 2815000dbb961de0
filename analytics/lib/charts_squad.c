/* chart_squad.c - squad profile and importance breakdown of one club (charts.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "scoutlab/charts.h"
#include "scoutlab/season.h"
#include "textutil.h"

#define OOM(err) sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory")

static const char *season_text(sl_charts_store *st, int season) {
  char text[SL_SEASON_TEXT_MAX]; /* "2024/25", as the tables and the report write it */
  return season > 0 ? sl_charts_printf(st, " %s", sl_season_text(season, text, sizeof text)) : "";
}

static const sl_squad_club *club_of(const sl_squad *s, size_t k, sl_error *err) {
  if (!s || k >= sl_squad_club_count(s)) {
    sl_error_set(err, SL_EINVAL, NULL, 0, 0, "no club %zu in the squad", k);
    return NULL;
  }
  return sl_squad_club_at(s, k);
}

/* Whether entry e is among highlight[0..nh). */
static int is_highlighted(const size_t *highlight, size_t nh, size_t e) {
  for (size_t k = 0; highlight && k < nh; k++)
    if (highlight[k] == e) return 1;
  return 0;
}

/* Every highlighted entry is a player of club k: a name of another club would be drawn at a club
 * he does not play for. */
static int check_highlight(const sl_squad *s, size_t k, const size_t *highlight, size_t nh, sl_error *err) {
  for (size_t j = 0; highlight && j < nh; j++)
    if (highlight[j] >= sl_squad_count(s) || sl_squad_entry_at(s, highlight[j])->club != k)
      return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "highlighted entry %zu is not a player of %s", highlight[j],
                          sl_squad_club_at(s, k)->name);
  return SL_OK;
}

/* Contracts run to 30 June; years_left counts from 30 June at the end of `season`, so the
 * contract ends in the summer of season + 1 + years_left. */
static const char *contract_label(sl_charts_store *st, const sl_squad_entry *e, int season) {
  if (season <= 0 || !isfinite(e->years_left)) return NULL;
  return sl_charts_printf(st, "%.0f", season + 1 + e->years_left);
}

int sl_charts_squad_from_squad(const sl_squad *s, size_t k, int season, double min_share, const size_t *highlight,
                              size_t nh, sl_charts_store *st, sl_plot_squad *out, sl_error *err) {
  memset(out, 0, sizeof *out);
  const sl_squad_club *club = club_of(s, k, err);
  if (!club) return err ? err->code : SL_EINVAL;
  int bad = check_highlight(s, k, highlight, nh, err);
  if (bad) return bad;
  size_t n = club->n, m = 0, contracts = 0, left_out = 0;
  const char **names = sl_charts_alloc(st, n, sizeof *names), **contract = sl_charts_alloc(st, n, sizeof *contract);
  double *age = sl_charts_alloc(st, n, sizeof *age), *share = sl_charts_alloc(st, n, sizeof *share);
  double *imp = sl_charts_alloc(st, n, sizeof *imp);
  int *hl = sl_charts_alloc(st, n, sizeof *hl);
  if (!names || !contract || !age || !share || !imp || !hl) return OOM(err);
  for (size_t r = 0; r < n; r++) {
    const sl_squad_entry *e = sl_squad_entry_at(s, club->ranked[r]);
    hl[m] = is_highlighted(highlight, nh, club->ranked[r]);
    /* the player asked about is drawn whatever his minutes; without an age he has no place */
    if ((e->minutes_share < min_share && !hl[m]) || !isfinite(e->age)) {
      left_out++;
      continue;
    }
    names[m] = sl_compare_player(sl_squad_index(s), e->player)->name;
    age[m] = e->age, share[m] = e->minutes_share, imp[m] = isfinite(e->total) ? e->total : 0;
    contract[m] = contract_label(st, e, season);
    contracts += contract[m] != NULL;
    m++;
  }
  out->n = m, out->names = names, out->age = age, out->minutes_share = share, out->importance = imp;
  out->contract = contracts ? contract : NULL;
  out->highlight = nh ? hl : NULL;
  out->peak_age_low = SL_CHARTS_PEAK_AGE_LOW, out->peak_age_high = SL_CHARTS_PEAK_AGE_HIGH;
  out->xlabel = "Age (years)";
  out->ylabel = "Share of the team's league minutes (%)";
  out->common.title = sl_charts_printf(st, "%s: who plays, and how old they are", club->name);
  out->common.subtitle = sl_charts_printf(
      st, "%s%s; size and colour: importance; shaded: peak ages %.0f-%.0f%s%s", club->league, season_text(st, season),
      SL_CHARTS_PEAK_AGE_LOW, SL_CHARTS_PEAK_AGE_HIGH, contracts ? "; (year): contract end" : "",
      left_out ? sl_charts_printf(st, "; %zu under %.0f%% of minutes left out", left_out, 100 * min_share) : "");
  return out->common.title && out->common.subtitle ? SL_OK : OOM(err);
}

/* Component labels for the legend, in the user's words; the contract part says when it is age
 * alone (no player got a contract date), as squad's own notes do. */
static const char *component_label(const sl_squad *s, sl_squad_component c) {
  static const char *const labels[SL_SQUAD_COMPONENT_COUNT] = {"Availability", "On-off impact", "Quality vs peers",
                                                               "Replaceability", "Contract and age", "Value share"};
  if (c == SL_SQUAD_CONTRACT_AGE && !sl_squad_summary(s)->contracts_matched) return "Age (no contracts given)";
  return labels[c];
}

/* The components no player of the chart has, in the user's words ("; left out: value share"). */
static const char *left_out_text(sl_charts_store *st, const int *used) {
  static const char *const names[SL_SQUAD_COMPONENT_COUNT] = {"availability", "on-off impact", "quality",
                                                              "replaceability", "contract and age", "value share"};
  char buf[160] = "";
  size_t n = 0;
  for (int c = 0; c < SL_SQUAD_COMPONENT_COUNT; c++)
    if (!used[c]) n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%s", n ? ", " : "; left out: ", names[c]);
  return sl_charts_printf(st, "%s", buf);
}

/* The club's ranks shown: the top `top`, then each highlighted player ranked below them, in rank
 * order (the question is about him even when he is 17th). Writes rows (room for club->n) and
 * returns how many; *below gets the highlighted ranks added. */
static size_t importance_rows(const sl_squad_club *club, size_t top, const size_t *highlight, size_t nh,
                              size_t *rows, size_t *below) {
  size_t n = 0;
  *below = 0;
  for (size_t r = 0; r < club->n; r++)
    if (r < top || is_highlighted(highlight, nh, club->ranked[r])) {
      *below += r >= top;
      rows[n++] = r;
    }
  return n;
}

/* "; Balerdi 17th" for the highlighted players ranked below the top. */
static const char *below_text(sl_charts_store *st, const sl_squad *s, const sl_squad_club *club, const size_t *rows,
                              size_t n, size_t top) {
  char buf[256] = "";
  size_t off = 0;
  for (size_t j = 0; j < n; j++) {
    if (rows[j] < top) continue;
    const char *name = sl_compare_player(sl_squad_index(s), sl_squad_entry_at(s, club->ranked[rows[j]])->player)->name;
    size_t r = rows[j] + 1;
    int w = snprintf(buf + off, sizeof buf - off, "%s%s (%zu%s)", off ? ", " : " and ", name, r, sl_ordinal_suffix((long)r));
    if (w < 0 || (size_t)w >= sizeof buf - off) break;
    off += (size_t)w;
  }
  return sl_charts_printf(st, "%s", buf);
}

int sl_charts_importance_from_squad(const sl_squad *s, size_t k, size_t top, int season, const size_t *highlight,
                                   size_t nh, sl_charts_store *st, sl_plot_importance *out, sl_error *err) {
  memset(out, 0, sizeof *out);
  const sl_squad_club *club = club_of(s, k, err);
  if (!club) return err ? err->code : SL_EINVAL;
  int bad = check_highlight(s, k, highlight, nh, err);
  if (bad) return bad;
  if (!top) top = SL_CHARTS_IMPORTANCE_TOP;
  size_t *rows = sl_charts_alloc(st, club->n ? club->n : 1, sizeof *rows), below = 0;
  if (!rows) return OOM(err);
  size_t n = importance_rows(club, top, highlight, nh, rows, &below);
  /* Only the components some player has: a column of zeros would be a legend entry for nothing. */
  int used[SL_SQUAD_COMPONENT_COUNT] = {0};
  size_t nc = 0, col[SL_SQUAD_COMPONENT_COUNT];
  for (size_t r = 0; r < n; r++)
    for (int c = 0; c < SL_SQUAD_COMPONENT_COUNT; c++) used[c] |= sl_squad_entry_at(s, club->ranked[rows[r]])->weight[c] > 0;
  for (int c = 0; c < SL_SQUAD_COMPONENT_COUNT; c++)
    if (used[c]) col[nc++] = (size_t)c;
  const char **players = sl_charts_alloc(st, n, sizeof *players), **labels = sl_charts_alloc(st, nc, sizeof *labels);
  double *values = sl_charts_alloc(st, n * nc, sizeof *values);
  int *hl = sl_charts_alloc(st, n ? n : 1, sizeof *hl);
  if (!players || !labels || !values || !hl) return OOM(err);
  for (size_t j = 0; j < nc; j++) labels[j] = component_label(s, (sl_squad_component)col[j]);
  for (size_t r = 0; r < n; r++) {
    const sl_squad_entry *e = sl_squad_entry_at(s, club->ranked[rows[r]]);
    players[r] = sl_compare_player(sl_squad_index(s), e->player)->name;
    hl[r] = is_highlighted(highlight, nh, club->ranked[rows[r]]);
    /* weight x score: the segments add up to the total, the weighted mean of the scores. */
    for (size_t j = 0; j < nc; j++)
      values[r * nc + j] = isfinite(e->score[col[j]]) ? e->weight[col[j]] * e->score[col[j]] : 0;
  }
  out->n_players = n, out->players = players, out->n_components = nc, out->components = labels, out->values = values;
  out->highlight = nh ? hl : NULL;
  out->xlabel = "Importance score (0-100; a segment is the component's weight × its score)";
  out->common.title = sl_charts_printf(st, "%s: what makes each player important", club->name);
  out->common.subtitle =
      sl_charts_printf(st, "%s%s; the %zu most important of %zu players%s; segments add up to the score%s", club->league,
                       season_text(st, season), n - below, club->n, below_text(st, s, club, rows, n, top),
                       left_out_text(st, used));
  return out->common.title && out->common.subtitle ? SL_OK : OOM(err);
}
