/* fees_select.c - which transfer rows the fee model learns from, and why the others are not
 * used. Transfermarkt lists a move between two covered leagues twice (the buyer's "in" row and
 * the seller's "out" row); an out row is a duplicate when an in row has the same player, season
 * and fee. The pair also tells the seller's league exactly; an unmatched in row knows the seller
 * only by country, and an unmatched out row is a sale to a club outside the covered leagues,
 * which only the seller lists: it is kept (the buyer then known by country). */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fees_internal.h"
#include "runtime_internal.h"

/* ---- string pool and list plumbing -------------------------------------------------------- */

/* Pool blocks: 64 KiB holds a few hundred deals' strings, so 130k rows need few mallocs. */
#define POOL_BLOCK ((size_t)64 << 10)

typedef struct pool_block {
  struct pool_block *next;
  size_t used, size;
  char data[];
} pool_block;

const char *sl_fees_pool_strdup(sl_fees_deals *d, const char *s) {
  if (!s) return NULL;
  size_t len = strlen(s) + 1;
  pool_block *b = d->pool_;
  if (!b || b->size - b->used < len) {
    size_t size = len > POOL_BLOCK ? len : POOL_BLOCK;
    pool_block *nb = malloc(sizeof *nb + size);
    if (!nb) return NULL;
    nb->next = b, nb->used = 0, nb->size = size;
    d->pool_ = b = nb;
  }
  char *out = b->data + b->used;
  memcpy(out, s, len);
  b->used += len;
  return out;
}

sl_fees_deals *sl_fees_deals_new(void) { return calloc(1, sizeof(sl_fees_deals)); }

void sl_fees_deals_free(sl_fees_deals *d) {
  if (!d) return;
  for (pool_block *b = d->pool_, *n; b; b = n) n = b->next, free(b);
  for (size_t i = 0; i < d->nnotes; i++) free(d->notes[i]);
  for (size_t i = 0; i < d->nfiles; i++) free(d->files[i]);
  free(d->notes), free(d->files), free(d->deal), free(d);
}

int sl_fees_deals_note(sl_fees_deals *d, const char *fmt, ...) {
  char buf[SL_FEES_NOTE_MAX];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  char **n = realloc(d->notes, (d->nnotes + 1) * sizeof *n);
  if (!n) return SL_ENOMEM;
  d->notes = n;
  if (!(n[d->nnotes] = strdup(buf))) return SL_ENOMEM;
  d->nnotes++;
  return SL_OK;
}

uint32_t sl_fees_deals_add_file(sl_fees_deals *d, const char *path) {
  char **f = realloc(d->files, (d->nfiles + 1) * sizeof *f);
  if (!f) return (uint32_t)-1;
  d->files = f;
  if (!(f[d->nfiles] = strdup(path ? path : ""))) return (uint32_t)-1;
  return (uint32_t)d->nfiles++;
}

int sl_fees_deals_push(sl_fees_deals *d, const sl_fees_deal *deal) {
  if ((d->n & (d->n - 1)) == 0) { /* grow at powers of two */
    sl_fees_deal *nd = realloc(d->deal, (d->n ? 2 * d->n : 16) * sizeof *nd);
    if (!nd) return SL_ENOMEM;
    d->deal = nd;
  }
  sl_fees_deal c = *deal;
  sl_fees_player *p = &c.player;
  const char **s[] = {&p->name, &p->club, &p->league, &p->buyer_league, &c.buyer};
  for (size_t i = 0; i < sizeof s / sizeof s[0]; i++)
    if (*s[i] && !(*s[i] = sl_fees_pool_strdup(d, *s[i]))) return SL_ENOMEM;
  d->deal[d->n++] = c;
  return SL_OK;
}

/* ---- positions ---------------------------------------------------------------------------- */

typedef struct pos_word { const char *text; int group; } pos_word;

/* Transfermarkt's short_pos codes and position names, scoutlab's group labels, and the line-only
 * words (FBref's DF/MF/FW, Transfermarkt's "defence", the Spanish value lists) as -1. Second
 * strikers count as forwards, wide midfielders (LM/RM) with the wingers. */
static const pos_word pos_words[] = {
    {"gk", SL_FEES_GK}, {"goalkeeper", SL_FEES_GK}, {"portero", SL_FEES_GK}, {"keeper", SL_FEES_GK},
    {"cb", SL_FEES_CB}, {"sw", SL_FEES_CB}, {"centre-back", SL_FEES_CB}, {"center-back", SL_FEES_CB},
    {"centre back", SL_FEES_CB}, {"sweeper", SL_FEES_CB},
    {"fb", SL_FEES_FB}, {"lb", SL_FEES_FB}, {"rb", SL_FEES_FB}, {"lwb", SL_FEES_FB},
    {"rwb", SL_FEES_FB}, {"left-back", SL_FEES_FB}, {"right-back", SL_FEES_FB},
    {"full-back", SL_FEES_FB}, {"wing-back", SL_FEES_FB},
    {"dm/cm", SL_FEES_CM}, {"dm", SL_FEES_CM}, {"cm", SL_FEES_CM}, {"cdm", SL_FEES_CM},
    {"defensive midfield", SL_FEES_CM}, {"central midfield", SL_FEES_CM},
    {"am/w", SL_FEES_AMW}, {"am", SL_FEES_AMW}, {"cam", SL_FEES_AMW}, {"lw", SL_FEES_AMW},
    {"rw", SL_FEES_AMW}, {"lm", SL_FEES_AMW}, {"rm", SL_FEES_AMW}, {"winger", SL_FEES_AMW},
    {"attacking midfield", SL_FEES_AMW}, {"left winger", SL_FEES_AMW},
    {"right winger", SL_FEES_AMW}, {"left midfield", SL_FEES_AMW}, {"right midfield", SL_FEES_AMW},
    {"cf", SL_FEES_CF}, {"ss", SL_FEES_CF}, {"st", SL_FEES_CF}, {"striker", SL_FEES_CF},
    {"centre-forward", SL_FEES_CF}, {"center-forward", SL_FEES_CF}, {"second striker", SL_FEES_CF},
    {"defence", -1}, {"defense", -1}, {"defender", -1}, {"df", -1}, {"defensa", -1},
    {"midfield", -1}, {"midfielder", -1}, {"mf", -1}, {"centrocampista", -1},
    {"attack", -1}, {"forward", -1}, {"fw", -1}, {"delantero", -1},
};

int sl_fees_position_group(const char *position) {
  if (!position) return -2;
  char buf[64];
  size_t n = 0;
  while (*position == ' ') position++;
  for (; *position && n + 1 < sizeof buf; position++) buf[n++] = (char)tolower((unsigned char)*position);
  while (n && buf[n - 1] == ' ') n--;
  buf[n] = 0;
  if (strchr(buf, ',')) return -1; /* FBref's "DF,MF": two lines, no group */
  for (size_t i = 0; i < sizeof pos_words / sizeof pos_words[0]; i++)
    if (strcmp(buf, pos_words[i].text) == 0) return pos_words[i].group;
  return -2;
}

const char *sl_fees_group_name(int group) {
  static const char *const names[SL_FEES_GROUP_COUNT] = {"GK", "CB", "FB", "DM/CM", "AM/W", "CF"};
  return group >= 0 && group < SL_FEES_GROUP_COUNT ? names[group] : "";
}

const char *sl_fees_reason_text(sl_fees_reason reason) {
  static const char *const text[SL_FEES_REASON_COUNT] = {
      "used",
      "season outside the range",
      "loan",
      "fee unknown (empty)",
      "free transfer (fee 0)",
      "movement neither in nor out",
      "listed twice (out row of a move the buyer lists as in)",
      "age missing",
      "position missing or only a line (defence/midfield/attack)",
      "market value missing",
      "impossible value (negative, out of range or not a number)",
      "malformed row or another season (skipped by the loader)"};
  return (unsigned)reason < SL_FEES_REASON_COUNT ? text[reason] : "";
}

/* ---- the columns -------------------------------------------------------------------------- */

typedef struct tcols {
  const sl_column *name, *club, *league, *dealing_club, *dealing_country, *fee, *age, *short_pos,
      *position, *mv, *movement, *season, *is_loan, *contract_months, *contract_until, *minutes,
      *buying_league, *selling_league;
} tcols;

static const sl_column *named(const sl_table *t, const char *const *names) {
  for (; *names; names++) {
    const sl_column *c = sl_table_column(t, *names);
    if (c) return c;
  }
  return NULL;
}

static void find_columns(const sl_table *t, tcols *c) {
  c->name = sl_table_role(t, SL_ROLE_PLAYER);
  c->club = sl_table_role(t, SL_ROLE_CLUB);
  c->league = sl_table_role(t, SL_ROLE_LEAGUE);
  c->dealing_club = sl_table_role(t, SL_ROLE_COUNTERPART_CLUB);
  c->dealing_country = sl_table_role(t, SL_ROLE_COUNTERPART_COUNTRY);
  c->fee = sl_table_role(t, SL_ROLE_FEE);
  c->age = sl_table_role(t, SL_ROLE_AGE);
  c->short_pos = sl_table_role(t, SL_ROLE_SUB_POSITION);
  c->position = sl_table_role(t, SL_ROLE_POSITION);
  c->mv = sl_table_role(t, SL_ROLE_MARKET_VALUE);
  c->movement = sl_table_role(t, SL_ROLE_MOVEMENT);
  c->season = sl_table_role(t, SL_ROLE_SEASON);
  c->is_loan = sl_table_role(t, SL_ROLE_IS_LOAN);
  c->contract_until = sl_table_role(t, SL_ROLE_CONTRACT_UNTIL);
  c->contract_months = named(t, (const char *const[]){"contract_months_left", "contract_months", NULL});
  c->minutes = named(t, (const char *const[]){"minutes_share", NULL});
  c->buying_league = named(t, (const char *const[]){"buying_league", "to_league", NULL});
  c->selling_league = named(t, (const char *const[]){"selling_league", "from_league", NULL});
}

static const char *cell_text(const sl_table *t, const sl_column *c, size_t r, char *buf, size_t n) {
  return c ? sl_table_text(t, c, r, buf, n) : NULL;
}

static double cell_number(const sl_table *t, const sl_column *c, size_t r) {
  double v;
  return c && sl_table_number(t, c, r, &v) == 1 ? v : NAN;
}

static int is_true(const char *s) {
  if (!s) return 0;
  return strcmp(s, "1") == 0 || strcmp(s, "1.0") == 0 || strcasecmp(s, "true") == 0 ||
         strcasecmp(s, "yes") == 0;
}

/* Movement: 1 in, 0 out, -1 neither. Without a movement column every row is one deal (in). */
static int movement_of(const sl_table *t, const tcols *c, size_t r) {
  if (!c->movement) return 1;
  char buf[16];
  const char *s = cell_text(t, c->movement, r, buf, sizeof buf);
  if (s && strcasecmp(s, "in") == 0) return 1;
  if (s && strcasecmp(s, "out") == 0) return 0;
  return -1;
}

/* ---- selection ---------------------------------------------------------------------------- */

typedef struct move_key {
  const char *name;
  double fee;
  int season;
  size_t row;
} move_key;

static int key_cmp(const void *a, const void *b) {
  const move_key *x = a, *y = b;
  int c = strcmp(x->name, y->name);
  if (c) return c;
  if (x->season != y->season) return x->season < y->season ? -1 : 1;
  return x->fee < y->fee ? -1 : x->fee > y->fee ? 1 : 0;
}

/* Seasons (first years) a transfer row can hold. */
#define SL_FEES_SEASON_FIRST 1800.0
#define SL_FEES_SEASON_LAST 2200.0

/* Why a number cell cannot be read: "fee '1e400' is not a number", "age -3 is outside
 * 14-50"; NULL when it is missing or fine. lo/hi bound the value (NAN = no bound). */
static const char *bad_number(const sl_table *t, const sl_column *c, size_t r, double lo, double hi,
                              const char *expected, char *why, size_t size) {
  double v;
  int got = c ? sl_table_number(t, c, r, &v) : 0;
  if (got == 0) return NULL;
  if (got < 0) {
    char text[64];
    const char *cell = sl_table_text(t, c, r, text, sizeof text);
    snprintf(why, size, "%s '%s' is not a number (expected %s)", c->name, cell ? cell : "", expected);
  } else if (v < lo || v > hi) {
    if (isnan(hi)) sl_snprintf_c(why, size, "%s %.15g is negative (expected %s)", c->name, v, expected);
    else sl_snprintf_c(why, size, "%s %.15g is outside %g-%g", c->name, v, lo, hi);
  } else {
    return NULL;
  }
  return why;
}

/* The first value of row r that cannot be true (SL_FEES_SKIP_IMPOSSIBLE), into why. */
static const char *impossible(const sl_table *t, const tcols *c, size_t r, char *why, size_t size) {
  static const char amount[] = "an amount such as 25m, EUR 25m or 25000000";
  const char *w = bad_number(t, c->season, r, SL_FEES_SEASON_FIRST, SL_FEES_SEASON_LAST, "a first year", why, size);
  if (!w) w = bad_number(t, c->fee, r, 0, NAN, amount, why, size);
  if (!w) w = bad_number(t, c->mv, r, 0, NAN, amount, why, size);
  if (!w) w = bad_number(t, c->age, r, SL_FEES_MIN_AGE, SL_FEES_MAX_AGE, "years", why, size);
  if (!w) w = bad_number(t, c->minutes, r, 0, 1, "a share of the team's minutes, 0-1", why, size);
  if (!w) w = bad_number(t, c->contract_months, r, 0, NAN, "months left, 0 or more", why, size);
  return w;
}

/* First reason (up to the movement) that rules row r out, or SL_FEES_USED. */
static sl_fees_reason early_reason(const sl_table *t, const tcols *c, const sl_fees_options *o,
                                   size_t r) {
  char buf[32];
  double season = cell_number(t, c->season, r);
  if (c->season && (!isfinite(season) || (o->since && season < o->since) ||
                    (o->until && season > o->until)))
    return SL_FEES_SKIP_SEASON;
  /* Later casts to int need a year; 1e86 is damage, not a season outside the range. */
  if (season < SL_FEES_SEASON_FIRST || season > SL_FEES_SEASON_LAST) return SL_FEES_SKIP_IMPOSSIBLE;
  if (is_true(cell_text(t, c->is_loan, r, buf, sizeof buf))) return SL_FEES_SKIP_LOAN;
  char why[160];
  double fee;
  int got = sl_table_number(t, c->fee, r, &fee);
  if (got == 0) return SL_FEES_SKIP_FEE_UNKNOWN;
  /* A damaged fee is named as such, never counted as undisclosed or free; the other values
   * are checked only on paid transfers (Transfermarkt lists a few free moves at age 9). */
  if (got < 0 || fee < 0) return SL_FEES_SKIP_IMPOSSIBLE;
  if (fee == 0) return SL_FEES_SKIP_FREE;
  if (impossible(t, c, r, why, sizeof why)) return SL_FEES_SKIP_IMPOSSIBLE;
  if (movement_of(t, c, r) < 0) return SL_FEES_SKIP_MOVEMENT;
  return SL_FEES_USED;
}

/* Marks out rows that duplicate an in row (reason[r] = DUPLICATE) and records for each in row
 * the matching out row (pair[in] = out row + 1) so its seller's league is known exactly. */
static int dedup(const sl_table *t, const tcols *c, sl_fees_reason *reason, size_t *pair) {
  if (!c->movement || !c->name) return SL_OK;
  size_t nin = 0;
  for (size_t r = 0; r < t->nrows; r++)
    nin += reason[r] == SL_FEES_USED && movement_of(t, c, r) == 1 && c->name->text[r];
  move_key *keys = malloc((nin ? nin : 1) * sizeof *keys);
  if (!keys) return SL_ENOMEM;
  size_t k = 0;
  for (size_t r = 0; r < t->nrows; r++)
    if (reason[r] == SL_FEES_USED && movement_of(t, c, r) == 1 && c->name->text[r])
      keys[k++] = (move_key){c->name->text[r], cell_number(t, c->fee, r),
                             (int)cell_number(t, c->season, r), r};
  qsort(keys, nin, sizeof *keys, key_cmp);
  for (size_t r = 0; r < t->nrows; r++) {
    if (reason[r] != SL_FEES_USED || movement_of(t, c, r) != 0 || !c->name->text[r]) continue;
    move_key q = {c->name->text[r], cell_number(t, c->fee, r), (int)cell_number(t, c->season, r), r};
    move_key *hit = bsearch(&q, keys, nin, sizeof *keys, key_cmp);
    if (!hit) continue;
    reason[r] = SL_FEES_SKIP_DUPLICATE;
    pair[hit->row] = r + 1;
  }
  free(keys);
  return SL_OK;
}

/* "outside: <country>", "unknown" when no country is given. */
static const char *outside_label(const sl_table *t, const tcols *c, size_t r, char *buf, size_t n) {
  char cb[128];
  const char *country = cell_text(t, c->dealing_country, r, cb, sizeof cb);
  if (!country || !*country) return SL_FEES_LEVEL_UNKNOWN;
  snprintf(buf, n, "%s%s", SL_FEES_OUTSIDE_PREFIX, country);
  return buf;
}

/* The later reasons (age, position, market value) and, when used, the deal itself. */
static sl_fees_reason build_deal(const sl_table *t, const tcols *c, const sl_fees_options *o,
                                 size_t r, size_t pair, sl_fees_deal *d, char (*bufs)[160]) {
  sl_fees_player *p = &d->player;
  sl_fees_player_init(p);
  p->age = cell_number(t, c->age, r);
  if (!isfinite(p->age)) return SL_FEES_SKIP_AGE;
  const char *pos = cell_text(t, c->short_pos, r, bufs[0], sizeof bufs[0]);
  p->group = sl_fees_position_group(pos);
  if (p->group < 0) p->group = sl_fees_position_group(cell_text(t, c->position, r, bufs[0], sizeof bufs[0]));
  if (p->group < 0) return SL_FEES_SKIP_POSITION;
  p->market_value = cell_number(t, c->mv, r);
  if (!(p->market_value > 0)) p->market_value = NAN;
  if (!o->no_market_value && c->mv && isnan(p->market_value)) return SL_FEES_SKIP_MARKET_VALUE;
  p->name = cell_text(t, c->name, r, bufs[1], sizeof bufs[1]);
  p->season = c->season ? (int)cell_number(t, c->season, r) : 0;
  d->fee = cell_number(t, c->fee, r);
  int in = movement_of(t, c, r) == 1;
  const char *club = cell_text(t, c->club, r, bufs[2], sizeof bufs[2]);
  const char *other = cell_text(t, c->dealing_club, r, bufs[3], sizeof bufs[3]);
  const char *league = cell_text(t, c->league, r, bufs[4], sizeof bufs[4]);
  d->buyer = in ? club : other;
  p->club = in ? other : club;
  if (c->buying_league || c->selling_league) {
    p->buyer_league = cell_text(t, c->buying_league, r, bufs[5], sizeof bufs[5]);
    p->league = cell_text(t, c->selling_league, r, bufs[6], sizeof bufs[6]);
  } else if (in) {
    p->buyer_league = league;
    p->league = pair ? cell_text(t, c->league, pair - 1, bufs[6], sizeof bufs[6])
                     : outside_label(t, c, r, bufs[6], sizeof bufs[6]);
  } else {
    p->league = league;
    p->buyer_league = outside_label(t, c, r, bufs[5], sizeof bufs[5]);
  }
  if (!p->league) p->league = SL_FEES_LEVEL_UNKNOWN;
  if (!p->buyer_league) p->buyer_league = SL_FEES_LEVEL_UNKNOWN;
  p->contract_months = cell_number(t, c->contract_months, r);
  if (isnan(p->contract_months) && c->contract_until && p->season)
    p->contract_months = sl_fees_contract_months(p->season, cell_number(t, c->contract_until, r));
  p->minutes_share = cell_number(t, c->minutes, r);
  d->from_out_row = !in;
  d->line = t->row_line ? t->row_line[r] : (long)r + 2;
  return SL_FEES_USED;
}

static int note_columns(sl_fees_deals *d, const tcols *c, const sl_fees_options *o) {
  int st = SL_OK;
  d->has_market_value = c->mv != NULL && !o->no_market_value;
  d->has_contract = c->contract_months || c->contract_until;
  d->has_minutes = c->minutes != NULL;
  d->has_leagues = c->league || c->buying_league || c->selling_league;
  d->has_season = c->season != NULL;
  if (!c->mv && !o->no_market_value)
    st = st ? st : sl_fees_deals_note(d, "no market value column: the model is fitted without it");
  if (!d->has_contract)
    st = st ? st : sl_fees_deals_note(d, "no contract column (contract_months_left / contract_until): term dropped");
  if (!d->has_minutes)
    st = st ? st : sl_fees_deals_note(d, "no minutes_share column: term dropped");
  if (!d->has_season)
    st = st ? st : sl_fees_deals_note(d, "no season column: season term dropped, --since/--until ignored");
  if (!c->movement)
    st = st ? st : sl_fees_deals_note(d, "no movement column: every row is taken as one deal");
  return st;
}

static int select_rows(sl_table *t, const tcols *c, const sl_fees_options *o, sl_fees_deals *d,
                       sl_fees_reason *reason, size_t *pair, sl_error *err) {
  for (size_t r = 0; r < t->nrows; r++) reason[r] = early_reason(t, c, o, r);
  if (dedup(t, c, reason, pair)) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  char bufs[7][160];
  for (size_t f = 0; f < t->nfiles; f++)
    if (sl_fees_deals_add_file(d, t->files[f]) == (uint32_t)-1)
      return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  for (size_t r = 0; r < t->nrows; r++) {
    sl_fees_deal deal = {0};
    if (reason[r] == SL_FEES_USED) reason[r] = build_deal(t, c, o, r, pair[r], &deal, bufs);
    d->count[reason[r]]++;
    if (reason[r] != SL_FEES_USED) {
      char why[160];
      const char *text = reason[r] == SL_FEES_SKIP_IMPOSSIBLE ? impossible(t, c, r, why, sizeof why) : NULL;
      if (sl_table_add_skip(t, t->row_file ? t->row_file[r] : 0, deal.line ? deal.line : (t->row_line ? t->row_line[r] : 0),
                            text ? text : sl_fees_reason_text(reason[r])))
        return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
      continue;
    }
    deal.file = t->row_file ? t->row_file[r] : 0;
    d->out_rows_kept += deal.from_out_row;
    if (sl_fees_deals_push(d, &deal)) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  }
  return SL_OK;
}

int sl_fees_deals_from_table(sl_table *t, const sl_fees_options *opt, sl_fees_deals **out,
                             sl_error *err) {
  sl_fees_options defaults = {0};
  const sl_fees_options *o = opt ? opt : &defaults;
  if (!t || !out) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "no table or output given");
  *out = NULL;
  tcols c;
  find_columns(t, &c);
  const char *file = t->nfiles ? t->files[0] : NULL;
  if (!c.fee) return sl_error_set(err, SL_ENOTFOUND, file, 0, 0, "no fee column (expected a column named fee)");
  if (!c.age) return sl_error_set(err, SL_ENOTFOUND, file, 0, 0, "no age column (expected a column named age)");
  if (!c.short_pos && !c.position)
    return sl_error_set(err, SL_ENOTFOUND, file, 0, 0, "no position column (expected short_pos or position)");
  sl_fees_deals *d = sl_fees_deals_new();
  sl_fees_reason *reason = malloc((t->nrows ? t->nrows : 1) * sizeof *reason);
  size_t *pair = calloc(t->nrows ? t->nrows : 1, sizeof *pair);
  int st = !d || !reason || !pair ? sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory") : SL_OK;
  if (!st) st = note_columns(d, &c, o) ? sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory") : SL_OK;
  /* Rows the loader (or a season filter) dropped are counted, so read = used + not used. */
  size_t loader_skips = t->nskipped;
  if (!st) st = select_rows(t, &c, o, d, reason, pair, err);
  free(reason), free(pair);
  if (st) {
    sl_fees_deals_free(d);
    return st;
  }
  d->count[SL_FEES_SKIP_MALFORMED] = loader_skips;
  d->rows_read = t->nrows + loader_skips;
  *out = d;
  return SL_OK;
}
