/* libFuzzer harness: the chart writers end to end, untrusted text in, gnuplot script out.
 *
 * Two kinds of input (the first byte decides):
 *  - below 0xF0: one chart of any type straight from fuzzed names, labels, values and canvas
 *    (charts_input.h), written by its sl_plot_*_write;
 *  - 0xF0 and above: a fuzzed stats CSV, indexed (sl_compare_new) and scored (sl_squad_new),
 *    then every chart builder that reads them (radar, percentiles, pizza, bars, scatter, trend,
 *    squad, importance) and its writer: names and clubs from the file reach the script the
 *    way they do in `scoutlab chart`.
 * Untrusted text is wrapped in markers (in the CSV case, every player and club cell after
 * loading), and every script must keep the rules of gp_check.h: markers only inside
 * single-quoted strings or datablocks, no backquote outside single quotes, no string left open
 * at the end of a line, datablocks closed. The layout boxes the writers report are finite.
 * The rest of a direct input also goes through sl_plot_quote, whose result must read back (as
 * gnuplot reads a string literal) as the text itself. gnuplot is never run here (too slow per
 * input); tests/unit/test_charts_corpus.c runs it on the committed corpus. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "charts_input.h"
#include "gp_check.h"
#include "scoutlab/charts.h"
#include "scoutlab/compare.h"
#include "scoutlab/plot.h"
#include "scoutlab/squad.h"
#include "scoutlab/table.h"

#ifndef FUZZ_PLOTS
#error "FUZZ_PLOTS (the templates' directory) must be defined"
#endif
#ifndef FUZZ_DATASETS
#error "FUZZ_DATASETS (the bundled data directory) must be defined"
#endif

/* First byte from which an input is a stats CSV rather than one chart. */
#define TABLE_MODE 0xF0
/* Players charted from a table: the radar and bars take 2, more only repeat the same paths. */
#define TABLE_PLAYERS 2

static sl_profiles *profiles; /* datasets/profiles.csv, read once */

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  sl_error err;
  if (sl_profiles_load(FUZZ_DATASETS "/profiles.csv", &profiles, &err) != SL_OK) {
    fprintf(stderr, "fuzz_charts: %s\n", err.message);
    abort();
  }
  return 0;
}

static void check_script(const char *what, const char *script, size_t len) {
  char msg[160];
  const char *why = gp_check_script(script, len, msg, sizeof msg);
  if (why) {
    fprintf(stderr, "%s: %s\n", what, why);
    abort();
  }
}

static void check_layout(const sl_plot_layout *l) {
  for (size_t i = 0; i < l->n; i++) {
    const sl_plot_box *b = &l->box[i];
    if (!isfinite(b->x0) || !isfinite(b->y0) || !isfinite(b->x1) || !isfinite(b->y1)) {
      fprintf(stderr, "layout box %zu (%s) is not finite\n", i, b->what);
      abort();
    }
  }
}

/* Writes and checks the script of one chart whose struct is filled. */
static void write_and_check(sl_charts_kind kind, ci_chart *u) {
  sl_plot_layout layout = {0};
  u->common.layout = &layout;
  if (!u->common.output) u->common.output = "/tmp/fuzz-chart.png";
  char *script;
  size_t len;
  sl_error err;
  if (ci_write(kind, u, FUZZ_PLOTS, &script, &len, &err) == SL_OK) {
    check_script(sl_charts_kind_name(kind), script, len);
    check_layout(&layout);
    free(script);
  }
  sl_plot_layout_clear(&layout);
}

/* Reads a gnuplot string expression as written by sl_plot_quote (plain) the way gnuplot 5.4
 * reads it: literals '...' with '' for a quote joined by " . " to "'" terms; a quote straight
 * after the opening quote or after a doubled quote ends a literal (gp_check.h). Returns the
 * text (caller frees) or NULL when q is not such an expression (a literal ended early leaves
 * text that is not " . " behind it, a syntax error for gnuplot). */
static char *read_back(const char *q) {
  size_t n = strlen(q);
  char *out = malloc(n + 1), *w = out;
  if (!out) return NULL;
  const char *p = q;
  for (;;) {
    if (!strncmp(p, "\"'\"", 3)) {
      *w++ = '\'', p += 3;
    } else if (*p == '\'') {
      int after_quote = 1;
      for (p++;; p++) {
        if (!*p) return free(out), NULL;
        if (*p != '\'') *w++ = *p, after_quote = 0;
        else if (!after_quote && p[1] == '\'') *w++ = '\'', p++, after_quote = 1;
        else break;
      }
      p++;
    } else {
      return free(out), NULL;
    }
    if (!*p) break;
    if (strncmp(p, " . ", 3)) return free(out), NULL;
    p += 3;
  }
  *w = '\0';
  return out;
}

/* Printable valid UTF-8 with no C0/C1 control and no line separator: what the quoting keeps. */
static int plain_text(const unsigned char *s) {
  while (*s) {
    if (*s < 0x20 || *s == 0x7F) return 0;
    size_t n = *s < 0x80 ? 1 : (*s >= 0xC2 && *s <= 0xDF) ? 2 : (*s >= 0xE1 && *s <= 0xEC) ? 3 : 0;
    if (!n) return 0; /* other lead bytes: keep the check simple, no claim made */
    for (size_t i = 1; i < n; i++)
      if (s[i] < 0x80 || s[i] > 0xBF) return 0;
    if (n == 2 && s[0] == 0xC2 && s[1] <= 0x9F) return 0;
    s += n;
  }
  return 1;
}

static void check_quote(const uint8_t *data, size_t size) {
  char *s = malloc(size + 1);
  if (!s) return;
  memcpy(s, data, size);
  s[size] = '\0';
  for (int flags = 0; flags <= SL_PLOT_QUOTE_ENHANCED; flags++) {
    char *q = sl_plot_quote(s, flags);
    if (!q) continue;
    char line[64];
    snprintf(line, sizeof line, "quote (flags %d)", flags);
    check_script(line, q, strlen(q));
    char *back = read_back(q);
    if (!back) {
      fprintf(stderr, "%s: not one string expression: %s\n", line, q);
      abort();
    }
    if (flags == 0 && plain_text((const unsigned char *)s) && strcmp(back, s)) {
      fprintf(stderr, "%s: reads back as other text\n", line);
      abort();
    }
    free(back);
    free(q);
  }
  free(s);
}

/* Wraps every text cell of column c in the markers; the copies are listed in *kept. */
static void mark_column(sl_column *c, size_t nrows, char ***kept, size_t *nkept) {
  if (!c || c->type != SL_TYPE_TEXT) return;
  for (size_t r = 0; r < nrows; r++) {
    if (!c->text[r]) continue;
    size_t n = strlen(c->text[r]);
    char *s = malloc(n + 2 * GP_MARK_BYTES + 1);
    char **grown = realloc(*kept, (*nkept + 1) * sizeof *grown);
    if (!s || !grown) {
      free(s);
      if (grown) *kept = grown;
      return;
    }
    *kept = grown;
    memcpy(s, GP_MARK_OPEN, GP_MARK_BYTES);
    for (size_t i = 0; i < n; i++) s[GP_MARK_BYTES + i] = (unsigned char)c->text[r][i] == 0xEE ? 'e' : c->text[r][i];
    memcpy(s + GP_MARK_BYTES + n, GP_MARK_CLOSE, GP_MARK_BYTES + 1);
    c->text[r] = s; /* the old cell lives in the table's arena, freed with it */
    (*kept)[(*nkept)++] = s;
  }
}

static sl_column *role_column(sl_table *t, sl_role role) {
  for (size_t i = 0; i < t->ncols; i++)
    if (t->cols[i].role == role) return &t->cols[i];
  return NULL;
}

/* The charts of compare: radar, bars, percentiles, pizza, scatter on the first players. */
static void compare_charts(const sl_compare *c, const sl_table *t, const sl_pool *pool) {
  size_t n = sl_compare_count(c);
  if (n == 0) return;
  size_t idx[TABLE_PLAYERS];
  for (size_t i = 0; i < TABLE_PLAYERS; i++) idx[i] = i % n;
  const sl_profile *pr = sl_compare_default_profile(c, profiles, 0);
  if (!pr) pr = &profiles->items[0];
  sl_error err;
  ci_chart u;
  sl_charts_store *st = sl_charts_store_new();
  if (!st) return;
  if (n >= 2) {
    memset(&u, 0, sizeof u);
    if (sl_charts_radar_from_compare(c, pr, pool, idx, 2, NULL, NULL, st, &u.radar, &err) == SL_OK)
      write_and_check(SL_CHARTS_RADAR, &u);
    memset(&u, 0, sizeof u);
    if (sl_charts_bars_from_compare(c, pr, pool, idx, 2, NULL, NULL, st, &u.bars, &err) == SL_OK)
      write_and_check(SL_CHARTS_BARS, &u);
  }
  memset(&u, 0, sizeof u);
  if (sl_charts_percentiles_from_compare(c, pr, pool, 0, "2024-25", st, &u.percentiles, &err) == SL_OK)
    write_and_check(SL_CHARTS_PERCENTILES, &u);
  memset(&u, 0, sizeof u);
  if (sl_charts_pizza_from_compare(c, pr, pool, 0, NULL, st, &u.percentiles, &err) == SL_OK)
    write_and_check(SL_CHARTS_PIZZA, &u);
  if (pr->nstats >= 2) {
    const sl_player *p = sl_compare_player(c, 0);
    memset(&u, 0, sizeof u);
    if (sl_charts_scatter_from_compare(c, t, pr, p->group, pool, p->league, pr->stats[0].label, pr->stats[1].label, idx,
                                       1, NULL, st, &u.scatter, &err) == SL_OK)
      write_and_check(SL_CHARTS_SCATTER, &u);
  }
  memset(&u, 0, sizeof u);
  if (sl_charts_trend_from_table(t, sl_compare_player(c, 0)->name, pr, pool, NULL, 0, 0, st, &u.trend, &err) == SL_OK)
    write_and_check(SL_CHARTS_TREND, &u);
  sl_charts_store_free(st);
}

static void squad_charts(const sl_table *t) {
  sl_squad_options o;
  sl_squad_default(&o);
  o.profiles = profiles;
  sl_squad *s = NULL;
  sl_error err;
  if (sl_squad_new(t, &o, &s, &err) != SL_OK) return;
  sl_charts_store *st = sl_charts_store_new();
  for (size_t k = 0; st && k < sl_squad_club_count(s) && k < 2; k++) {
    ci_chart u;
    memset(&u, 0, sizeof u);
    /* the club's last-ranked player highlighted: below the importance chart's top when the club is big */
    const sl_squad_club *club = sl_squad_club_at(s, k);
    size_t hl = club->n ? club->ranked[club->n - 1] : 0, nh = club->n ? 1 : 0;
    if (sl_charts_squad_from_squad(s, k, 2024, 0, &hl, nh, st, &u.squad, &err) == SL_OK) write_and_check(SL_CHARTS_SQUAD, &u);
    memset(&u, 0, sizeof u);
    if (sl_charts_importance_from_squad(s, k, 0, 2024, &hl, nh, st, &u.importance, &err) == SL_OK)
      write_and_check(SL_CHARTS_IMPORTANCE, &u);
  }
  sl_charts_store_free(st);
  sl_squad_free(s);
}

static void table_mode(const uint8_t *data, size_t size) {
  if (size < 2) return;
  unsigned flags = data[1];
  sl_load_options lo = {.max_field_bytes = 4096, .max_columns = 256, .parallel_min_bytes = SIZE_MAX};
  sl_table *t = NULL;
  sl_error err;
  if (sl_table_load_buffer("fuzz-stats.csv", (const char *)data + 2, size - 2, &lo, &t, &err) != SL_OK) return;
  char **kept = NULL;
  size_t nkept = 0;
  mark_column(role_column(t, SL_ROLE_PLAYER), t->nrows, &kept, &nkept);
  mark_column(role_column(t, SL_ROLE_CLUB), t->nrows, &kept, &nkept);
  sl_compare_options co = {.per_club = (int)(flags & 1), .pool_seasons = (int)(flags >> 1 & 1)};
  sl_compare *c = NULL;
  if (sl_compare_new(t, &co, &c, &err) == SL_OK) {
    sl_pool pool;
    sl_pool_shared(&pool);
    if (flags & 4) pool.kind = SL_POOL_LEAGUE;
    if (flags & 8) pool.min_minutes = 0;
    compare_charts(c, t, &pool);
  }
  sl_compare_free(c);
  if (flags & 16) squad_charts(t);
  sl_table_free(t);
  for (size_t i = 0; i < nkept; i++) free(kept[i]);
  free(kept);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size && data[0] >= TABLE_MODE) {
    table_mode(data, size);
    return 0;
  }
  ci_reader r = {.p = data, .n = size};
  sl_charts_kind kind = (sl_charts_kind)(ci_u8(&r) % SL_CHARTS_KIND_COUNT);
  ci_chart u;
  ci_fill(&r, kind, &u);
  write_and_check(kind, &u);
  check_quote(r.p, r.n);
  ci_free(&r);
  return 0;
}
