/* libFuzzer harness: compare, percentiles, similar and squad on a fuzzed stats table (the
 * joins of issue 16: rows folded into players, pools, peers, clubs).
 *
 * Input: two flag bytes, then the stats CSV; a 0x01 byte splits off a second CSV used as the
 * market-values table (players joined by name). Byte 0: bit 0 one entry per club row, bit 1
 * seasons pooled, bits 2-3 the pool (shared, league, all, Big 5), bit 4 no minimum minutes,
 * bit 5 cosine distance, bit 6 a chosen profile of the table's own number columns
 * (sl_compare_stats_parse) instead of the bundled role profiles. Byte 1: bits 0-2 a minimum
 * age / maximum value filter for similar, bit 3 squad scoring.
 *
 * Invariants: read = used + skipped for the index and the squad; every percentile is NaN or in
 * [0, 100], NaN when no peer has the stat or the player's sample is too small, and its peers
 * are at most the pool; values are never infinite; sl_compare_quality_all gives each player the
 * number sl_compare_quality gives him; similar returns at most k other players, each once,
 * nearest first at finite distances; each club ranks exactly its own entries; importance
 * scores are NaN or in [0, 100] with the used weights summing to one; and no note, pool text
 * or inputs line prints "nan" or "inf" (checked when the input itself holds neither word). */
#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "scoutlab/compare.h"
#include "scoutlab/squad.h"
#include "scoutlab/table.h"

#include "fuzz_check.h"

#ifndef FUZZ_DATASETS
#error "FUZZ_DATASETS (the bundled data directory) must be defined"
#endif

/* Players queried one by one: the first few and the last; the pool-wide calls cover the rest. */
#define QUERIED 6
/* Similar players asked for. */
#define SIMILAR_K 5
/* Tolerance between quality and quality_all: the same sums in another order. */
#define QUALITY_TOL 1e-9

static sl_profiles *profiles; /* datasets/profiles.csv, read once */

int LLVMFuzzerInitialize(int *argc, char ***argv) {
  (void)argc, (void)argv;
  sl_error err;
  if (sl_profiles_load(FUZZ_DATASETS "/profiles.csv", &profiles, &err) != SL_OK) {
    fprintf(stderr, "fuzz_compare: %s\n", err.message);
    abort();
  }
  return 0;
}


/* 1 when s holds "nan" or "inf" (any case) as a word: how a non-finite double prints. */
static int has_nonfinite_word(const char *s, size_t n) {
  for (size_t i = 0; i + 3 <= n; i++) {
    if (i > 0 && isalpha((unsigned char)s[i - 1])) continue;
    if (!strncasecmp(s + i, "nan", 3) || !strncasecmp(s + i, "inf", 3)) {
      if (i + 3 < n && isalpha((unsigned char)s[i + 3]) && strncasecmp(s + i, "infinity", 8)) continue;
      return 1;
    }
  }
  return 0;
}

static int check_words; /* the input holds no nan/inf word, so the outputs must not either */

static void check_text(const char *what, const char *s) {
  if (check_words && s && has_nonfinite_word(s, strlen(s))) {
    fprintf(stderr, "%s prints a non-finite number: %s\n", what, s);
    abort();
  }
}

static void check_values(const sl_compare *c, size_t i, const sl_profile *pr, const sl_pool *pool) {
  sl_stat_value *v = calloc(pr->nstats ? pr->nstats : 1, sizeof *v);
  if (!v) return;
  sl_pool_info info;
  sl_error err;
  if (sl_compare_percentiles(c, i, pr, pool, v, &info, &err) == SL_OK) {
    for (size_t s = 0; s < pr->nstats; s++) {
      double p = v[s].percentile;
      CHECK(isnan(p) || (p >= 0 && p <= 100), "player %zu stat %zu percentile %g", i, s, p);
      CHECK(!isinf(v[s].value), "player %zu stat %zu value %g", i, s, v[s].value);
      CHECK(v[s].peers <= info.size, "player %zu stat %zu: %zu peers in a pool of %zu", i, s, v[s].peers, info.size);
      CHECK(v[s].peers > 0 || isnan(p), "player %zu stat %zu: percentile %g of no peer", i, s, p);
      CHECK(!info.small_sample || isnan(p), "player %zu stat %zu: percentile %g of a small sample", i, s, p);
    }
    check_text("pool leagues", info.leagues);
  }
  double *vals = calloc(pr->nstats ? pr->nstats : 1, sizeof *vals);
  if (vals && sl_compare_values(c, i, pr, vals, &err) == SL_OK)
    for (size_t s = 0; s < pr->nstats; s++) CHECK(!isinf(vals[s]), "player %zu stat %zu value %g", i, s, vals[s]);
  free(vals);
  free(v);
}

static void check_similar(const sl_compare *c, size_t i, const sl_profile *pr, const sl_pool *pool, unsigned f0,
                          unsigned f1, const double *fees) {
  sl_similar_options o;
  sl_similar_default(&o);
  o.k = SIMILAR_K;
  o.pool = pool;
  o.metric = f0 & 32 ? SL_SIMILAR_COSINE : SL_SIMILAR_EUCLIDEAN;
  o.min_minutes = pool->min_minutes;
  if (f1 & 1) o.min_age = 20, o.max_age = 30;
  if (f1 & 2) o.max_value = 20e6;
  if (f1 & 4) o.fair_fee = fees, o.max_fee = 10e6;
  sl_similar_hit hits[SIMILAR_K];
  size_t n = 0;
  sl_similar_info info;
  sl_error err;
  if (sl_compare_similar(c, i, pr, &o, hits, &n, &info, &err) != SL_OK) return;
  CHECK(n <= SIMILAR_K && n <= info.candidates, "similar: %zu hits of %zu candidates", n, info.candidates);
  for (size_t h = 0; h < n; h++) {
    CHECK(hits[h].player < sl_compare_count(c) && hits[h].player != i, "similar: hit %zu is player %zu", h,
          hits[h].player);
    CHECK(isfinite(hits[h].distance) && hits[h].distance >= -QUALITY_TOL, "similar: distance %g", hits[h].distance);
    CHECK(h == 0 || hits[h].distance >= hits[h - 1].distance, "similar: not nearest first");
    CHECK(hits[h].shared >= 1 && hits[h].shared <= pr->nstats, "similar: %zu shared stats", hits[h].shared);
    for (size_t g = 0; g < h; g++) CHECK(hits[g].player != hits[h].player, "similar: player %zu twice", hits[h].player);
  }
}

static void check_index(const sl_compare *c, const sl_table *t, const sl_profiles *prs, const sl_pool *pool,
                        unsigned f0, unsigned f1) {
  const sl_compare_report *r = sl_compare_summary(c);
  CHECK(r->rows_read == r->rows_used + r->rows_skipped + r->rows_skipped_load, "read %zu, used %zu, skipped %zu+%zu",
        r->rows_read, r->rows_used, r->rows_skipped, r->rows_skipped_load);
  CHECK(t->nrows == r->rows_used + r->rows_skipped, "table rows %zu, used %zu, skipped %zu", t->nrows, r->rows_used,
        r->rows_skipped);
  check_text("percent example", r->percent_example);
  size_t n = sl_compare_count(c);
  CHECK(r->players == n, "report says %zu players, index has %zu", r->players, n);
  for (size_t k = 0; k < r->rows_skipped; k++) check_text("skip reason", r->skipped[k].reason);
  double *all = malloc((n ? n : 1) * sizeof *all), *fees = malloc((n ? n : 1) * sizeof *fees);
  sl_error err;
  int all_ok = all && sl_compare_quality_all(c, prs, pool, all, &err) == SL_OK;
  for (size_t i = 0; fees && i < n; i++) fees[i] = i % 3 ? 1e6 * (double)i : NAN;
  char buf[256];
  check_text("pool text", sl_compare_pool_text(c, pool, n ? sl_compare_player(c, 0)->league : NULL, buf, sizeof buf));
  for (size_t q = 0; q < QUERIED + 1 && q < n; q++) {
    size_t i = q < QUERIED ? q : n - 1;
    const sl_player *p = sl_compare_player(c, i);
    check_text("position note", p->position_note);
    const sl_profile *pr = sl_compare_default_profile(c, prs, i);
    if (!pr && prs->n) pr = &prs->items[0];
    if (!pr) continue;
    check_values(c, i, pr, pool);
    double quality;
    if (sl_compare_quality(c, prs, i, pool, &quality, &err) == SL_OK) {
      CHECK(isnan(quality) || (quality >= 0 && quality <= 100), "quality %g", quality);
      if (all_ok)
        CHECK((isnan(quality) && isnan(all[i])) || fabs(quality - all[i]) <= QUALITY_TOL * fmax(1, fabs(quality)),
              "player %zu: quality %.17g, quality_all %.17g", i, quality, all[i]);
    }
    if (fees) check_similar(c, i, pr, pool, f0, f1, fees);
  }
  free(all);
  free(fees);
}

static void check_squad(const sl_table *t, const sl_table *values, const sl_pool *pool) {
  sl_squad_options o;
  sl_squad_default(&o);
  o.profiles = profiles;
  o.values = values;
  o.pool = *pool;
  if (o.pool.kind == SL_POOL_SHARED) o.pool.kind = SL_POOL_LEAGUE;
  sl_squad *s = NULL;
  sl_error err;
  if (sl_squad_new(t, &o, &s, &err) != SL_OK) return;
  size_t n = sl_squad_count(s), total = 0;
  const sl_squad_report *rep = sl_squad_summary(s);
  CHECK(rep->rows_read == rep->rows_used + rep->rows_skipped, "squad: read %zu, used %zu, skipped %zu", rep->rows_read,
        rep->rows_used, rep->rows_skipped);
  for (int k = 0; k < 4; k++) check_text("squad note", rep->notes[k]);
  for (size_t k = 0; k < sl_squad_club_count(s); k++) {
    const sl_squad_club *club = sl_squad_club_at(s, k);
    total += club->n;
    for (size_t r = 0; r < club->n; r++) {
      CHECK(club->ranked[r] < n, "club %zu ranks entry %zu of %zu", k, club->ranked[r], n);
      const sl_squad_entry *e = sl_squad_entry_at(s, club->ranked[r]);
      CHECK(e->club == k, "club %zu ranks an entry of club %zu", k, e->club);
      CHECK(e->rank_in_club == r + 1, "club %zu: entry at %zu has rank %zu", k, r, e->rank_in_club);
      for (size_t q = 0; q < r; q++) CHECK(club->ranked[q] != club->ranked[r], "club %zu ranks an entry twice", k);
    }
  }
  CHECK(total == n, "clubs hold %zu entries, the squad %zu", total, n);
  for (size_t i = 0; i < n; i++) {
    const sl_squad_entry *e = sl_squad_entry_at(s, i);
    CHECK(isnan(e->total) || (e->total >= 0 && e->total <= 100), "entry %zu importance %g", i, e->total);
    double wsum = 0;
    for (int c = 0; c < SL_SQUAD_COMPONENT_COUNT; c++) {
      CHECK(isnan(e->score[c]) || (e->score[c] >= -QUALITY_TOL && e->score[c] <= 100 + QUALITY_TOL),
            "entry %zu %s score %g", i, sl_squad_component_name((sl_squad_component)c), e->score[c]);
      CHECK(e->weight[c] >= 0 && (e->weight[c] == 0 || !isnan(e->score[c])), "entry %zu %s weight %g on score %g", i,
            sl_squad_component_name((sl_squad_component)c), e->weight[c], e->score[c]);
      wsum += e->weight[c];
      check_text("component note", e->note[c]);
    }
    CHECK(isnan(e->total) || fabs(wsum - 1) <= 1e-9, "entry %zu: weights sum to %.17g", i, wsum);
    CHECK(e->league_group_size == 0 || (e->rank_in_league_group >= 1 && e->rank_in_league_group <= e->league_group_size),
          "entry %zu: rank %zu of %zu", i, e->rank_in_league_group, e->league_group_size);
    CHECK(e->next_man < 0 || ((size_t)e->next_man < n && sl_squad_entry_at(s, (size_t)e->next_man)->club == e->club &&
                              (size_t)e->next_man != i),
          "entry %zu: next man %ld", i, e->next_man);
    char buf[512];
    check_text("squad inputs", sl_squad_entry_inputs(e, buf, sizeof buf));
  }
  sl_squad_free(s);
}

static sl_table *load(const char *name, const uint8_t *p, size_t n) {
  sl_load_options lo = {.max_field_bytes = 4096, .max_columns = 256, .parallel_min_bytes = SIZE_MAX};
  sl_table *t = NULL;
  sl_error err;
  return sl_table_load_buffer(name, (const char *)p, n, &lo, &t, &err) == SL_OK ? t : NULL;
}

/* The chosen profile: the table's first four number columns, the second lower-is-better. */
static sl_profiles *chosen_profile(const sl_compare *c, const sl_table *t) {
  char list[512] = "";
  size_t used = 0, k = 0;
  for (size_t i = 0; i < t->ncols && k < 4; i++) {
    if (t->cols[i].type != SL_TYPE_NUMBER || strchr(t->cols[i].name, ',') || strlen(t->cols[i].name) > 64) continue;
    used += (size_t)snprintf(list + used, sizeof list - used, "%s%s%s", k ? ", " : "", t->cols[i].name,
                             k == 1 ? ":low" : "");
    k++;
  }
  sl_profiles *out = NULL;
  sl_error err;
  if (!k || sl_compare_stats_parse(c, profiles, list, SL_GROUP_UNKNOWN, &out, &err) != SL_OK) return NULL;
  return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 2) return 0;
  unsigned f0 = data[0], f1 = data[1];
  const uint8_t *csv = data + 2;
  size_t n = size - 2;
  check_words = !has_nonfinite_word((const char *)data, size);
  const uint8_t *split = memchr(csv, 1, n);
  size_t nstats = split ? (size_t)(split - csv) : n;
  sl_table *t = load("stats/2024.csv", csv, nstats);
  sl_table *values = split && (f0 & 64) == 0 ? load("values.csv", split + 1, n - nstats - 1) : NULL;
  if (!t) {
    sl_table_free(values);
    return 0;
  }
  static const sl_pool_kind kinds[] = {SL_POOL_SHARED, SL_POOL_LEAGUE, SL_POOL_ALL, SL_POOL_BIG5};
  sl_pool pool;
  sl_pool_shared(&pool);
  pool.kind = kinds[f0 >> 2 & 3];
  if (f0 & 16) pool.min_minutes = 0;
  sl_compare_options co = {.per_club = (int)(f0 & 1), .pool_seasons = (int)(f0 >> 1 & 1), .values = values};
  sl_compare *c = NULL;
  sl_error err;
  if (sl_compare_new(t, &co, &c, &err) == SL_OK) {
    sl_profiles *mine = f0 & 64 ? chosen_profile(c, t) : NULL;
    check_index(c, t, mine ? mine : profiles, &pool, f0, f1);
    sl_profiles_free(mine);
  } else {
    CHECK(err.message[0] != '\0', "a refused index says why");
  }
  sl_compare_free(c);
  if (f1 & 8) check_squad(t, values, &pool);
  sl_table_free(values);
  sl_table_free(t);
  return 0;
}
