/* squad_rank.c - the total (weighted mean of the components present, weights renormalised), and
 * ranks in the club and among the player's position group in his league. */
#include "squad_impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* qsort has no context argument: entries are sorted as keys carrying what the order needs. */
typedef struct rank_key {
  const char *league; /* for the league-group ranks; "" otherwise */
  int group;
  double total, minutes;
  size_t i;
} rank_key;

/* Most important first; NAN totals last; ties: more minutes, then the earlier row. */
static int cmp_importance(const rank_key *x, const rank_key *y) {
  int xn = isnan(x->total), yn = isnan(y->total);
  if (xn != yn) return xn - yn;
  if (!xn && x->total != y->total) return x->total > y->total ? -1 : 1;
  if (x->minutes != y->minutes) return x->minutes > y->minutes ? -1 : 1;
  return (x->i > y->i) - (x->i < y->i);
}

static int cmp_key(const void *a, const void *b) { return cmp_importance(a, b); }

static int cmp_league_key(const void *a, const void *b) {
  const rank_key *x = a, *y = b;
  int c = strcmp(x->league, y->league);
  if (c) return c;
  if (x->group != y->group) return x->group - y->group;
  return cmp_importance(x, y);
}

static rank_key key_of(const sl_squad *s, size_t i) {
  const sl_player *p = sl_compare_player(s->index, i);
  rank_key k = {p->league, (int)p->group, s->e[i].total, s->e[i].minutes, i};
  return k;
}

int sl_squad_sort_ranked_(const sl_squad *s, size_t *idx, size_t n) {
  rank_key *keys = malloc((n ? n : 1) * sizeof *keys);
  if (!keys) return SL_ENOMEM;
  for (size_t k = 0; k < n; k++) keys[k] = key_of(s, idx[k]);
  qsort(keys, n, sizeof *keys, cmp_key);
  for (size_t k = 0; k < n; k++) idx[k] = keys[k].i;
  free(keys);
  return SL_OK;
}

static void total_entry(const sl_squad *s, sl_squad_entry *e) {
  double sum = 0, wsum = 0;
  for (int c = 0; c < SL_SQUAD_COMPONENT_COUNT; c++)
    if (!isnan(e->score[c]) && s->opt.weights[c] > 0) sum += s->opt.weights[c] * e->score[c], wsum += s->opt.weights[c];
  e->total = wsum > 0 ? sum / wsum : NAN;
  for (int c = 0; c < SL_SQUAD_COMPONENT_COUNT; c++)
    e->weight[c] = wsum > 0 && !isnan(e->score[c]) ? s->opt.weights[c] / wsum : 0;
}

static int league_group_ranks(sl_squad *s) {
  rank_key *keys = malloc((s->n ? s->n : 1) * sizeof *keys);
  if (!keys) return SL_ENOMEM;
  for (size_t i = 0; i < s->n; i++) keys[i] = key_of(s, i);
  qsort(keys, s->n, sizeof *keys, cmp_league_key);
  for (size_t k = 0; k < s->n;) {
    size_t e = k + 1;
    while (e < s->n && strcmp(keys[e].league, keys[k].league) == 0 && keys[e].group == keys[k].group) e++;
    for (size_t j = k; j < e; j++) {
      s->e[keys[j].i].rank_in_league_group = j - k + 1;
      s->e[keys[j].i].league_group_size = e - k;
    }
    k = e;
  }
  free(keys);
  return SL_OK;
}

int sl_squad_totals_and_ranks_(sl_squad *s) {
  for (size_t i = 0; i < s->n; i++) total_entry(s, &s->e[i]);
  for (size_t k = 0; k < s->nclubs; k++) {
    sl_squad_club *club = &s->clubs[k];
    int st = sl_squad_sort_ranked_(s, club->ranked, club->n);
    if (st) return st;
    for (size_t j = 0; j < club->n; j++) s->e[club->ranked[j]].rank_in_club = j + 1;
  }
  return league_group_ranks(s);
}
