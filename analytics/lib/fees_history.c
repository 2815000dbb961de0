/* fees_history.c - each player's latest paid fee before a deal (the `last_fee` term): a past
 * fee is public history, known without anyone's market value, and what a player last cost is
 * the best single guess at what he costs now when no market value is known (docs/fee-model.md,
 * "Last fee"). A player is his normalised name and birth year (season - age, within one year:
 * a summer deal before his birthday is one year off, a winter one the other way); "before" is a
 * strictly earlier season, so no deal ever sees its own fee or a later one. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "fees_internal.h"
#include "scoutlab/names.h"

/* Birth years of one person may differ by this much between his listings. */
#define BORN_SLACK 1.0

typedef struct entry {
  char *name;  /* normalised */
  double born; /* season - age */
  int season;
  double fee;  /* EUR */
} entry;

struct sl_fees_history {
  entry *e;
  size_t n, cap;
  int sorted;
  int last_season; /* the latest season it holds: a later fee is not in it */
};

sl_fees_history *sl_fees_history_new(void) { return calloc(1, sizeof(sl_fees_history)); }

void sl_fees_history_free(sl_fees_history *h) {
  if (!h) return;
  for (size_t i = 0; i < h->n; i++) free(h->e[i].name);
  free(h->e);
  free(h);
}

int sl_fees_history_add(sl_fees_history *h, const char *name, double age, int season, double fee) {
  if (!h || !name || !isfinite(age) || !season || !(fee > 0) || !isfinite(fee)) return SL_OK; /* not a paid deal */
  if (h->n == h->cap) {
    size_t cap = h->cap ? 2 * h->cap : 256;
    entry *e = realloc(h->e, cap * sizeof *e);
    if (!e) return SL_ENOMEM;
    h->e = e, h->cap = cap;
  }
  char *norm = sl_name_normalise(name);
  if (!norm) return SL_ENOMEM;
  if (!*norm) return free(norm), SL_OK; /* a name of punctuation is nobody's */
  h->e[h->n++] = (entry){norm, season - age, season, fee};
  h->sorted = 0;
  if (season > h->last_season) h->last_season = season;
  return SL_OK;
}

int sl_fees_history_add_deals(sl_fees_history *h, const sl_fees_deals *d) {
  int st = SL_OK;
  for (size_t i = 0; !st && d && i < d->n; i++) {
    const sl_fees_deal *x = &d->deal[i];
    st = sl_fees_history_add(h, x->player.name, x->player.age, x->player.season, x->fee);
  }
  return st;
}

static int entry_cmp(const void *a, const void *b) {
  const entry *x = a, *y = b;
  int c = strcmp(x->name, y->name);
  return c ? c : (x->season > y->season) - (x->season < y->season);
}

void sl_fees_history_seal(sl_fees_history *h) {
  if (h && !h->sorted && h->n) qsort(h->e, h->n, sizeof *h->e, entry_cmp);
  if (h) h->sorted = 1;
}

/* First entry of `name` (the sorted list's lower bound), or h->n. */
static size_t first_of(const sl_fees_history *h, const char *name) {
  size_t lo = 0, hi = h->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (strcmp(h->e[mid].name, name) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

int sl_fees_history_last_season(const sl_fees_history *h) { return h ? h->last_season : 0; }

double sl_fees_history_last(const sl_fees_history *h, const char *name, double age, int season, int *fee_season) {
  if (fee_season) *fee_season = 0;
  if (!h || !h->sorted || !isfinite(age) || !season) return NAN;
  if (!name || !*name) return 0; /* no name: nothing to find him by, as a player never sold */
  char *norm = sl_name_normalise(name);
  if (!norm) return NAN;
  double born = season - age, fee = 0;
  int latest = 0;
  for (size_t i = first_of(h, norm); i < h->n && strcmp(h->e[i].name, norm) == 0; i++) {
    const entry *e = &h->e[i];
    if (e->season >= season) break; /* sorted by season: the rest are as late or later */
    if (fabs(e->born - born) > BORN_SLACK) continue;
    /* the latest season wins (entries run in season order); in it the larger fee (a move
     * listed by both sides, rounded apart, or two moves in one season) */
    if (e->season > latest) latest = e->season, fee = e->fee;
    else fee = fmax(fee, e->fee);
  }
  free(norm);
  if (fee_season) *fee_season = latest;
  return fee;
}

int sl_fees_model_history_build(sl_fees_model *m) {
  sl_fees_history_free(m->history_);
  m->history_ = NULL;
  if (!m->deals || !m->deals->has_last_fee) return SL_OK;
  if (!sl_fees_model_uses(m, SL_FEES_VAR_LAST_FEE) && !sl_fees_model_uses(m, SL_FEES_VAR_NO_LAST_FEE)) return SL_OK;
  sl_fees_history *h = sl_fees_history_new();
  if (!h || sl_fees_history_add_deals(h, m->deals)) return sl_fees_history_free(h), SL_ENOMEM;
  sl_fees_history_seal(h);
  m->history_ = h;
  return SL_OK;
}

void sl_fees_resolve_last_fee(const sl_fees_model *m, sl_fees_player *p) {
  if (!m || !m->history_ || !isnan(p->last_fee)) return;
  p->last_fee = sl_fees_history_last(m->history_, p->name, p->age, p->season, &p->last_fee_season);
}
