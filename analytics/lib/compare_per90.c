/* compare_per90.c - which number columns of a stats table are season totals and which are
 * already per 90 minutes (exports such as vinco's "2022-2023 Football Player Stats.csv" divide
 * every count by 90s), column by column, so that nothing is divided by 90s twice.
 *
 * A column is per 90 when its header says so (Sh/90, SCA90, GA90, "per 90") or when its values
 * behave like rates: a real share of them are not whole numbers (totals of counts are) and they
 * do not grow with playing time (totals do: a player with four times the minutes has about four
 * times the tackles). The second test compares the mean value of the players with more than the
 * median 90s against that of the players with fewer, as a ratio of the same two groups' mean 90s:
 * totals follow it (exponent ~1), rates stay flat (exponent ~0); the midpoint decides. */
#include "compare_impl.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Rows with fewer 90s than this are left out of the tests: one-minute cameos make rates jump. */
#define SL_PER90_MIN_NINETIES 1.0
/* Fewer usable rows than this and the data cannot tell: the column is taken as totals. */
#define SL_PER90_MIN_ROWS 20
/* A column of totals may hold a few non-integer cells; rates have many among their non-zero ones. */
#define SL_PER90_NONINTEGER_SHARE 0.25
/* Growth exponent between rates (0) and totals (1) that separates them. */
#define SL_PER90_GROWTH_SPLIT 0.5
/* More than this share of the stat columns per 90: the file as a whole is a per-90 export. */
#define SL_PER90_FILE_SHARE 0.5

/* Columns that describe the player or the sample, not a stat. */
static int is_stat_column(const sl_column *col) {
  if (col->type != SL_TYPE_NUMBER) return 0;
  switch (col->role) {
  case SL_ROLE_NONE: break;
  case SL_ROLE_ON_OFF:
  case SL_ROLE_XG_ON_OFF: return 1;
  default: return 0;
  }
  static const char *const not_stats[] = {"Rk", "Rank", "Matches", NULL};
  for (int k = 0; not_stats[k]; k++)
    if (strcasecmp(col->name, not_stats[k]) == 0) return 0;
  return 1;
}

/* "Sh/90", "SCA90", "GA90", "xG+/-90", "Goals per 90", "npxG p90": the header says per 90. */
static int header_says_per90(const char *name) {
  size_t len = strlen(name);
  if (strstr(name, "per 90") || strstr(name, "Per 90") || strstr(name, "p90")) return 1;
  return len > 2 && strcmp(name + len - 2, "90") == 0 && !(name[len - 3] >= '0' && name[len - 3] <= '9');
}

/* A ratio or a share by its header ('%', G/Sh, Mn/MP): used as given, never a total. */
static int header_says_ratio(const char *name) { return strchr(name, '%') || strchr(name, '/'); }

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/* The data test for one column against the rows' 90s (n90, NAN where unknown). */
static sl_column_scale data_scale(const sl_column *col, const double *n90, double median90, size_t nrows) {
  size_t used = 0, nonzero = 0, fractional = 0, n_hi = 0, n_lo = 0;
  double v_hi = 0, v_lo = 0, t_hi = 0, t_lo = 0;
  for (size_t r = 0; r < nrows; r++) {
    double v = col->num[r];
    if (isnan(v) || isnan(n90[r]) || n90[r] < SL_PER90_MIN_NINETIES) continue;
    used++;
    nonzero += v != 0; /* a rare event's rate is 0 for most players: judge the others */
    fractional += fabs(v - round(v)) > 1e-9;
    if (n90[r] > median90) v_hi += v, t_hi += n90[r], n_hi++;
    else v_lo += v, t_lo += n90[r], n_lo++;
  }
  if (used < SL_PER90_MIN_ROWS || !n_hi || !n_lo) return SL_SCALE_TOTAL;
  if (!nonzero || (double)fractional < SL_PER90_NONINTEGER_SHARE * (double)nonzero) return SL_SCALE_TOTAL;
  double time_ratio = (t_hi / (double)n_hi) / (t_lo / (double)n_lo);
  double mean_hi = v_hi / (double)n_hi, mean_lo = v_lo / (double)n_lo;
  if (!(time_ratio > 1) || !(mean_hi > 0) || !(mean_lo > 0)) return mean_hi > 0 && mean_lo <= 0 ? SL_SCALE_TOTAL : SL_SCALE_PER90;
  double growth = log(mean_hi / mean_lo) / log(time_ratio);
  return growth < SL_PER90_GROWTH_SPLIT ? SL_SCALE_PER90 : SL_SCALE_TOTAL;
}

/* Each row's 90s: Min / 90, else the 90s column; NAN when neither. */
static double *row_nineties(const sl_table *t) {
  const sl_column *min = sl_table_role(t, SL_ROLE_MINUTES), *n90 = sl_table_role(t, SL_ROLE_NINETIES);
  double *out = malloc((t->nrows ? t->nrows : 1) * sizeof *out);
  for (size_t r = 0; out && r < t->nrows; r++) {
    double m = NAN, v;
    if (min && sl_table_number(t, min, r, &v) == 1) m = v / 90.0;
    else if (n90 && sl_table_number(t, n90, r, &v) == 1) m = v;
    out[r] = m;
  }
  return out;
}

static double median_of(const double *v, size_t n) {
  double *s = malloc((n ? n : 1) * sizeof *s);
  size_t m = 0;
  if (!s) return NAN;
  for (size_t r = 0; r < n; r++)
    if (!isnan(v[r]) && v[r] >= SL_PER90_MIN_NINETIES) s[m++] = v[r];
  qsort(s, m, sizeof *s, cmp_double);
  double med = m ? s[m / 2] : NAN;
  free(s);
  return med;
}

static void add_example(sl_per90_report *rep, const char *name) {
  size_t len = strlen(rep->examples);
  if (len + strlen(name) + 8 >= sizeof rep->examples) {
    if (len + 5 < sizeof rep->examples && !strstr(rep->examples, "...")) strcat(rep->examples, ", ...");
    return;
  }
  snprintf(rep->examples + len, sizeof rep->examples - len, "%s%s", len ? ", " : "", name);
}

int sl_compare_column_scales(const sl_table *t, sl_column_scale *scales, sl_per90_report *rep, sl_error *err) {
  if (!t || !scales) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "sl_compare_column_scales: no table");
  sl_per90_report scratch;
  if (!rep) rep = &scratch;
  memset(rep, 0, sizeof *rep);
  double *n90 = row_nineties(t);
  if (!n90) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory checking per-90 columns");
  double median90 = median_of(n90, t->nrows);
  for (size_t j = 0; j < t->ncols; j++) {
    const sl_column *col = &t->cols[j];
    scales[j] = SL_SCALE_NONE;
    if (!is_stat_column(col)) continue;
    rep->stat_columns++;
    if (header_says_per90(col->name)) scales[j] = SL_SCALE_PER90, rep->by_header++;
    else if (header_says_ratio(col->name)) scales[j] = SL_SCALE_RATIO;
    else scales[j] = isnan(median90) ? SL_SCALE_TOTAL : data_scale(col, n90, median90, t->nrows);
    if (scales[j] == SL_SCALE_RATIO) rep->ratio_columns++;
    if (scales[j] != SL_SCALE_PER90) continue;
    rep->per90_columns++;
    add_example(rep, col->name);
  }
  size_t counts = rep->stat_columns - rep->ratio_columns;
  rep->whole_file = counts && (double)rep->per90_columns > SL_PER90_FILE_SHARE * (double)counts;
  free(n90);
  return SL_OK;
}

const char *sl_column_scale_name(sl_column_scale s) {
  static const char *const names[] = {"not a stat", "total", "per 90", "ratio"};
  return s >= SL_SCALE_NONE && s <= SL_SCALE_RATIO ? names[s] : names[0];
}

/* ---- per-90 values of a player ---------------------------------------------------------- */

/* Minutes-weighted mean of a column over a player's rows (a per-90 or a ratio column). */
static double minutes_weighted(const sl_compare *c, const sl_player *p, const sl_column *col) {
  double sum = 0, wsum = 0, v;
  for (size_t k = 0; k < p->nrows; k++) {
    size_t r = p->rows[k];
    if (sl_table_number(c->t, col, r, &v) != 1) continue;
    double m = NAN, w;
    if (c->c_min && sl_table_number(c->t, c->c_min, r, &w) == 1) m = w;
    else if (c->c_n90 && sl_table_number(c->t, c->c_n90, r, &w) == 1) m = 90.0 * w;
    if (p->nrows == 1) return v;
    if (isnan(m) || !(m > 0)) continue;
    sum += v * m, wsum += m;
  }
  return wsum > 0 ? sum / wsum : NAN;
}

int sl_compare_column_is_per90_(const sl_compare *c, const sl_column *col) {
  if (!c->scales || !col) return 0;
  size_t j = (size_t)(col - c->t->cols);
  return j < c->t->ncols && c->scales[j] == SL_SCALE_PER90;
}

double sl_compare_col_per90_(const sl_compare *c, const sl_player *p, const sl_column *col) {
  if (sl_compare_column_is_per90_(c, col)) return minutes_weighted(c, p, col);
  double total = sl_compare_sum_(c, p, col);
  return p->nineties > 0 ? total / p->nineties : NAN;
}

double sl_compare_col_total_(const sl_compare *c, const sl_player *p, const sl_column *col) {
  if (sl_compare_column_is_per90_(c, col)) return minutes_weighted(c, p, col) * p->nineties;
  return sl_compare_sum_(c, p, col);
}
