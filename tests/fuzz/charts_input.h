/* charts_input.h - how fuzz_charts reads its input: bytes -> one chart struct of any type
 * (sl_plot_radar ... sl_plot_trend) with fuzzed names, labels, values and canvas, written by its
 * script writer into memory. Shared with tests/unit/test_charts_corpus.c, which replays the
 * committed corpus through the same decoder and runs gnuplot on the scripts.
 *
 * Input layout: byte 0 picks the chart type (mod SL_CHARTS_KIND_COUNT); then the canvas, the
 * title block, and per chart its counts, strings and numbers, each read from the front of
 * the remaining bytes (missing bytes read as zero). A string is a header byte (0xFF: NULL; low
 * two bits: which markers wrap it; the rest: its length) and its bytes; every string is
 * wrapped in the markers of gp_check.h so the checker can tell where it went. A number is a
 * selector byte (NaN, +-Inf, extremes, or a scaled 16-bit integer) and its bytes.
 * Static inline functions only: include it in one translation unit. */
#ifndef SCOUTLAB_CHARTS_INPUT_H
#define SCOUTLAB_CHARTS_INPUT_H

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gp_check.h"
#include "scoutlab/charts.h"
#include "scoutlab/plot.h"

/* Most items per array: above the writers' own limits (so refusals are exercised) and small
 * enough to keep one input well under a millisecond. */
#define CI_MAX_ITEMS 48
/* Strings per input and the longest one (lengths above 47 step by 40: long titles and names
 * exercise the shortening and wrapping). */
#define CI_MAX_STRINGS 512
#define CI_SHORT_STRING 48
#define CI_LONG_STEP 40

typedef struct ci_reader {
  const uint8_t *p;
  size_t n;
  char *strings[CI_MAX_STRINGS]; /* owned, freed by ci_free */
  size_t nstrings;
  void *blocks[64]; /* owned arrays, freed by ci_free */
  size_t nblocks;
} ci_reader;

static inline unsigned ci_u8(ci_reader *r) {
  if (!r->n) return 0;
  r->n--;
  return *r->p++;
}

static inline unsigned ci_u16(ci_reader *r) {
  unsigned hi = ci_u8(r);
  return hi << 8 | ci_u8(r);
}

/* A number: NaN, infinities, the extremes of a double, or a 16-bit integer scaled by a power
 * of ten from 1e-4 to 1e9 (fees in EUR, percentiles, shares and ages all reachable). */
static inline double ci_number(ci_reader *r) {
  unsigned sel = ci_u8(r);
  switch (sel) {
  case 0xFF: return NAN;
  case 0xFE: return INFINITY;
  case 0xFD: return -INFINITY;
  case 0xFC: return 1.7976931348623157e308;
  case 0xFB: return -1.7976931348623157e308;
  case 0xFA: return 4.9406564584124654e-324;
  case 0xF9: {
    uint64_t bits = 0;
    for (int i = 0; i < 8; i++) bits = bits << 8 | ci_u8(r);
    double v;
    memcpy(&v, &bits, sizeof v);
    return v;
  }
  default: {
    int16_t k = (int16_t)ci_u16(r);
    return (double)k * pow(10.0, (double)(sel % 14) - 4.0);
  }
  }
}

static inline void *ci_keep(ci_reader *r, void *block) {
  if (!block) return NULL;
  if (r->nblocks == sizeof r->blocks / sizeof r->blocks[0]) {
    free(block);
    return NULL;
  }
  return r->blocks[r->nblocks++] = block;
}

/* A fuzzed string wrapped in markers, or NULL. The markers' lead byte 0xEE is replaced in the
 * text itself, so that every marker in a script is one the harness put there. */
static inline const char *ci_string(ci_reader *r) {
  unsigned h = ci_u8(r);
  if (h == 0xFF || r->nstrings == CI_MAX_STRINGS) return NULL;
  unsigned code = h >> 2, marks = h & 3;
  size_t len = code < CI_SHORT_STRING ? code : CI_SHORT_STRING + (code - CI_SHORT_STRING) * CI_LONG_STEP;
  if (len > r->n) len = r->n;
  char *s = malloc(len + 2 * GP_MARK_BYTES + 1), *w = s;
  if (!s) return NULL;
  if (marks != 2) memcpy(w, GP_MARK_OPEN, GP_MARK_BYTES), w += GP_MARK_BYTES;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = r->p[i];
    if (c == 0) break;
    *w++ = c == 0xEE ? 'e' : (char)c;
  }
  r->p += len, r->n -= len;
  if (marks != 1) memcpy(w, GP_MARK_CLOSE, GP_MARK_BYTES), w += GP_MARK_BYTES;
  *w = '\0';
  return r->strings[r->nstrings++] = s;
}

static inline const char **ci_strings(ci_reader *r, size_t n) {
  const char **v = ci_keep(r, calloc(n ? n : 1, sizeof *v));
  for (size_t i = 0; v && i < n; i++) v[i] = ci_string(r);
  return v;
}

/* n highlight flags (0 or 1), one byte each. */
static inline const int *ci_flags(ci_reader *r, size_t n) {
  int *v = ci_keep(r, calloc(n ? n : 1, sizeof *v));
  for (size_t i = 0; v && i < n; i++) v[i] = (int)(ci_u8(r) & 1);
  return v;
}

static inline double *ci_numbers(ci_reader *r, size_t n) {
  double *v = ci_keep(r, calloc(n ? n : 1, sizeof *v));
  for (size_t i = 0; v && i < n; i++) v[i] = ci_number(r);
  return v;
}

/* A count up to max: mostly inside the chart's limits, sometimes beyond them. */
static inline size_t ci_count(ci_reader *r, size_t max) { return ci_u8(r) % (max + 1); }

static inline void ci_free(ci_reader *r) {
  for (size_t i = 0; i < r->nstrings; i++) free(r->strings[i]);
  for (size_t i = 0; i < r->nblocks; i++) free(r->blocks[i]);
  r->nstrings = r->nblocks = 0;
}

/* Canvas and title block. The output name is fixed: it is the caller's, not untrusted text. */
static inline void ci_common(ci_reader *r, sl_plot_common *c) {
  static const char *const outputs[] = {"/tmp/fuzz-chart.png", "/tmp/fuzz-chart.svg", "/tmp/fuzz-chart.pdf"};
  unsigned f = ci_u8(r);
  c->format = (sl_plot_format)(f % 3);
  c->output = outputs[f % 3];
  if (f & 0x10) c->width = (int)(ci_u16(r) % 12000);
  if (f & 0x20) c->height = (int)(ci_u16(r) % 12000);
  if (f & 0x40) c->dpi = ci_number(r);
  c->title = ci_string(r);
  c->subtitle = ci_string(r);
  c->credits = ci_string(r);
}

/* Fills the chart of `kind` into *chart (a zeroed union of every chart struct). */
typedef union ci_chart {
  sl_plot_common common;
  sl_plot_radar radar;
  sl_plot_percentiles percentiles;
  sl_plot_scatter scatter;
  sl_plot_fee_fit fees;
  sl_plot_age_curve age;
  sl_plot_squad squad;
  sl_plot_importance importance;
  sl_plot_bars bars;
  sl_plot_trend trend;
} ci_chart;

static inline void ci_fill(ci_reader *r, sl_charts_kind kind, ci_chart *u) {
  memset(u, 0, sizeof *u);
  ci_common(r, &u->common);
  switch (kind) {
  case SL_CHARTS_RADAR: {
    sl_plot_radar *c = &u->radar;
    c->n_players = ci_count(r, SL_PLOT_RADAR_MAX_PLAYERS + 1);
    c->n_axes = ci_count(r, 12);
    c->players = ci_strings(r, c->n_players);
    c->axes = ci_strings(r, c->n_axes);
    c->values = ci_numbers(r, c->n_players * c->n_axes);
    c->axis_low = ci_numbers(r, c->n_axes);
    c->axis_high = ci_numbers(r, c->n_axes);
    break;
  }
  case SL_CHARTS_PERCENTILES:
  case SL_CHARTS_PIZZA: {
    sl_plot_percentiles *c = &u->percentiles;
    c->n_stats = ci_count(r, 24);
    c->player = ci_string(r);
    c->xlabel = ci_string(r);
    c->stats = ci_strings(r, c->n_stats);
    /* Groups repeat in runs, as profiles give them: a string, then how many stats share it. */
    const char **groups = ci_keep(r, calloc(c->n_stats ? c->n_stats : 1, sizeof *groups));
    for (size_t i = 0; groups && i < c->n_stats;) {
      const char *g = ci_string(r);
      for (size_t run = 1 + ci_u8(r) % 4; run-- && i < c->n_stats;) groups[i++] = g;
    }
    c->groups = groups;
    c->percentile = ci_numbers(r, c->n_stats);
    c->value = ci_numbers(r, c->n_stats);
    break;
  }
  case SL_CHARTS_SCATTER: {
    sl_plot_scatter *c = &u->scatter;
    c->n = ci_count(r, CI_MAX_ITEMS);
    c->xlabel = ci_string(r);
    c->ylabel = ci_string(r);
    c->names = ci_strings(r, c->n);
    c->x = ci_numbers(r, c->n);
    c->y = ci_numbers(r, c->n);
    c->highlight = ci_flags(r, c->n);
    break;
  }
  case SL_CHARTS_FEES: {
    sl_plot_fee_fit *c = &u->fees;
    unsigned f = ci_u8(r);
    c->n = ci_count(r, CI_MAX_ITEMS);
    c->predicted_eur = ci_numbers(r, c->n);
    c->actual_eur = ci_numbers(r, c->n);
    if (f & 1) c->low_eur = ci_numbers(r, c->n), c->high_eur = ci_numbers(r, c->n);
    if (f & 2) {
      c->player = ci_string(r);
      c->estimate_eur = ci_number(r), c->estimate_low_eur = ci_number(r), c->estimate_high_eur = ci_number(r);
      c->bid_eur = ci_number(r);
      c->bid_label = ci_string(r);
    }
    c->xlabel = ci_string(r);
    c->ylabel = ci_string(r);
    break;
  }
  case SL_CHARTS_AGE_CURVE: {
    sl_plot_age_curve *c = &u->age;
    unsigned f = ci_u8(r);
    c->n = ci_count(r, CI_MAX_ITEMS);
    c->age = ci_numbers(r, c->n);
    c->fee_eur = ci_numbers(r, c->n);
    if (f & 1) c->low_eur = ci_numbers(r, c->n), c->high_eur = ci_numbers(r, c->n);
    if (f & 2) c->whatif_eur = ci_numbers(r, c->n);
    c->line_label = ci_string(r);
    c->whatif_label = ci_string(r);
    if (f & 4) c->player = ci_string(r), c->player_age = ci_number(r), c->player_fee_eur = ci_number(r);
    c->xlabel = ci_string(r);
    c->ylabel = ci_string(r);
    break;
  }
  case SL_CHARTS_SQUAD: {
    sl_plot_squad *c = &u->squad;
    unsigned f = ci_u8(r);
    c->n = ci_count(r, CI_MAX_ITEMS);
    c->names = ci_strings(r, c->n);
    c->age = ci_numbers(r, c->n);
    c->minutes_share = ci_numbers(r, c->n);
    c->importance = ci_numbers(r, c->n);
    if (f & 1) c->contract = ci_strings(r, c->n);
    if (f & 2) c->peak_age_low = ci_number(r), c->peak_age_high = ci_number(r);
    c->xlabel = ci_string(r);
    c->ylabel = ci_string(r);
    if (f & 4) c->highlight = ci_flags(r, c->n); /* read last: the older corpus decodes as before */
    break;
  }
  case SL_CHARTS_IMPORTANCE: {
    sl_plot_importance *c = &u->importance;
    c->n_players = ci_count(r, 24);
    c->n_components = ci_count(r, 8);
    c->players = ci_strings(r, c->n_players);
    c->components = ci_strings(r, c->n_components);
    c->values = ci_numbers(r, c->n_players * c->n_components);
    c->xlabel = ci_string(r);
    if (r->n && (ci_u8(r) & 1)) c->highlight = ci_flags(r, c->n_players); /* last, as for the squad */
    break;
  }
  case SL_CHARTS_BARS: {
    sl_plot_bars *c = &u->bars;
    c->n_players = ci_count(r, SL_PLOT_BARS_MAX_PLAYERS + 1);
    c->n_stats = ci_count(r, SL_PLOT_BARS_MAX_STATS + 1);
    c->players = ci_strings(r, c->n_players);
    c->stats = ci_strings(r, c->n_stats);
    c->percentile = ci_numbers(r, c->n_players * c->n_stats);
    c->value = ci_numbers(r, c->n_players * c->n_stats);
    c->xlabel = ci_string(r);
    break;
  }
  case SL_CHARTS_TREND: {
    sl_plot_trend *c = &u->trend;
    c->player = ci_string(r);
    c->n_seasons = ci_count(r, SL_PLOT_TREND_MAX_SEASONS + 1);
    c->n_stats = ci_count(r, SL_PLOT_TREND_MAX_STATS + 1);
    c->seasons = ci_strings(r, c->n_seasons);
    c->stats = ci_strings(r, c->n_stats);
    c->percentile = ci_numbers(r, c->n_stats * c->n_seasons);
    c->value = ci_numbers(r, c->n_stats * c->n_seasons);
    break;
  }
  default: break;
  }
}

/* Writes the script of chart `kind` (struct *u) into a new buffer: SL_OK and *script (the
 * caller frees it) and *len, or the writer's status (nothing to free). */
static inline int ci_write(sl_charts_kind kind, ci_chart *u, const char *plotdir, char **script, size_t *len,
                    sl_error *err) {
  *script = NULL, *len = 0;
  FILE *f = open_memstream(script, len);
  if (!f) return SL_ENOMEM;
  int st;
  switch (kind) {
  case SL_CHARTS_RADAR: st = sl_plot_radar_write(&u->radar, plotdir, f, err); break;
  case SL_CHARTS_PERCENTILES: st = sl_plot_percentiles_write(&u->percentiles, plotdir, f, err); break;
  case SL_CHARTS_PIZZA: st = sl_plot_pizza_write(&u->percentiles, plotdir, f, err); break;
  case SL_CHARTS_SCATTER: st = sl_plot_scatter_write(&u->scatter, plotdir, f, err); break;
  case SL_CHARTS_FEES: st = sl_plot_fee_fit_write(&u->fees, plotdir, f, err); break;
  case SL_CHARTS_AGE_CURVE: st = sl_plot_age_curve_write(&u->age, plotdir, f, err); break;
  case SL_CHARTS_SQUAD: st = sl_plot_squad_write(&u->squad, plotdir, f, err); break;
  case SL_CHARTS_IMPORTANCE: st = sl_plot_importance_write(&u->importance, plotdir, f, err); break;
  case SL_CHARTS_BARS: st = sl_plot_bars_write(&u->bars, plotdir, f, err); break;
  case SL_CHARTS_TREND: st = sl_plot_trend_write(&u->trend, plotdir, f, err); break;
  default: st = SL_EINVAL; break;
  }
  fclose(f);
  if (st) free(*script), *script = NULL, *len = 0;
  return st;
}

/* The whole path for one input: decode, write. SL_OK with *script (caller frees) and *kind. */
static inline int ci_script(const uint8_t *data, size_t size, const char *plotdir, sl_charts_kind *kind, char **script,
                     size_t *len, sl_error *err) {
  ci_reader r = {.p = data, .n = size};
  *kind = (sl_charts_kind)(ci_u8(&r) % SL_CHARTS_KIND_COUNT);
  ci_chart u;
  ci_fill(&r, *kind, &u);
  int st = ci_write(*kind, &u, plotdir, script, len, err);
  ci_free(&r);
  return st;
}

#endif
