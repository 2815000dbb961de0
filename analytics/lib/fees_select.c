/* fees_select.c - which transfer rows the fee model learns from, and why the others are not
 * used; the deal list's storage; position groups. Each row's attributes and its early reasons
 * (season, loan, fee, impossible values, the second listing of a move, a relisting, a repeated
 * row) come from fees_rows.c, the one reader every command shares; an unmatched out row is a
 * sale to a club outside the covered leagues, which only the seller lists: it is kept (the
 * buyer then known by country). */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fees_internal.h"

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
  for (size_t k = 0; k < d->ncolumns; k++) free(d->column_names[k]);
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
  if (!c.buyer) c.buyer = p->buyer_club;
  const char **s[] = {&p->name, &p->club, &p->league, &p->buyer_league, &c.buyer};
  for (size_t i = 0; i < sizeof s / sizeof s[0]; i++)
    if (*s[i] && !(*s[i] = sl_fees_pool_strdup(d, *s[i]))) return SL_ENOMEM;
  p->buyer_club = c.buyer;
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

/* The lines of the team and the groups each may be. */
static const struct {
  const char *text;
  unsigned groups;
} line_words[] = {
    {"defence", 1u << SL_FEES_CB | 1u << SL_FEES_FB},    {"defense", 1u << SL_FEES_CB | 1u << SL_FEES_FB},
    {"defender", 1u << SL_FEES_CB | 1u << SL_FEES_FB},   {"df", 1u << SL_FEES_CB | 1u << SL_FEES_FB},
    {"defensa", 1u << SL_FEES_CB | 1u << SL_FEES_FB},    {"midfield", 1u << SL_FEES_CM | 1u << SL_FEES_AMW},
    {"midfielder", 1u << SL_FEES_CM | 1u << SL_FEES_AMW}, {"mf", 1u << SL_FEES_CM | 1u << SL_FEES_AMW},
    {"centrocampista", 1u << SL_FEES_CM | 1u << SL_FEES_AMW}, {"attack", 1u << SL_FEES_AMW | 1u << SL_FEES_CF},
    {"forward", 1u << SL_FEES_AMW | 1u << SL_FEES_CF},   {"fw", 1u << SL_FEES_AMW | 1u << SL_FEES_CF},
    {"delantero", 1u << SL_FEES_AMW | 1u << SL_FEES_CF},
};

/* One line word (trimmed, any case) as groups; 0 when it is none. */
static unsigned line_of(const char *s, size_t n) {
  while (n && *s == ' ') s++, n--;
  while (n && s[n - 1] == ' ') n--;
  char buf[32];
  if (!n || n >= sizeof buf) return 0;
  for (size_t i = 0; i < n; i++) buf[i] = (char)tolower((unsigned char)s[i]);
  buf[n] = 0;
  for (size_t i = 0; i < sizeof line_words / sizeof line_words[0]; i++)
    if (strcmp(buf, line_words[i].text) == 0) return line_words[i].groups;
  return 0;
}

unsigned sl_fees_position_line(const char *position) {
  if (!position) return 0;
  unsigned all = 0;
  for (const char *p = position;;) {
    const char *comma = strchr(p, ',');
    size_t n = comma ? (size_t)(comma - p) : strlen(p);
    unsigned g = line_of(p, n);
    if (!g) return 0; /* one part is no line: the whole is not a line */
    all |= g;
    if (!comma) return all;
    p = comma + 1;
  }
}

const char *sl_fees_position_text(int group, unsigned line_groups, char *buf, size_t size) {
  if (!size) return buf;
  buf[0] = '\0';
  if (group >= 0) return snprintf(buf, size, "%s", sl_fees_group_name(group)), buf;
  size_t n = 0;
  for (int g = 0; group == -1 && g < SL_FEES_GROUP_COUNT && n < size; g++)
    if (line_groups >> g & 1u) {
      int w = snprintf(buf + n, size - n, "%s%s", n ? "/" : "", sl_fees_group_name(g));
      n = w > 0 ? n + (size_t)w : size;
    }
  return buf;
}

const char *sl_fees_group_name(int group) {
  static const char *const names[SL_FEES_GROUP_COUNT] = {"GK", "CB", "FB", "DM/CM", "AM/W", "CF"};
  return group >= 0 && group < SL_FEES_GROUP_COUNT ? names[group] : "";
}

const char *sl_fees_reason_key(sl_fees_reason reason) {
  static const char *const key[SL_FEES_REASON_COUNT] = {
      "used", "season", "loan", "fee_unknown", "free_transfer", "movement", "listed_twice", "age",
      "position", "market_value", "impossible", "malformed", "relisted", "repeated_row", "currency"};
  return reason >= 0 && reason < SL_FEES_REASON_COUNT && key[reason] ? key[reason] : "";
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
      "malformed row or another season (skipped by the loader)",
      "listed again by the same club (same move, fee within rounding)",
      "repeated row (equal in every cell to an earlier row)",
      "amount in another currency than euros (no exchange rate is guessed)"};
  return (unsigned)reason < SL_FEES_REASON_COUNT ? text[reason] : "";
}

/* ---- selection ---------------------------------------------------------------------------- */

/* The later reasons (age, position, market value) and, when used, the deal itself, from the
 * row's attributes as sl_fees_rows_player() reads them for every command. */
static sl_fees_reason build_deal(const sl_fees_rows *rows, const sl_table *t, const sl_fees_options *o, size_t r,
                                 sl_fees_deal *d) {
  sl_fees_player *p = &d->player;
  (void)o;
  sl_fees_rows_player(rows, r, p);
  d->fee = sl_fees_rows_fee(rows, r);
  d->buyer = p->buyer_club;
  d->from_out_row = sl_fees_rows_from_out_row(rows, r);
  d->line = t->row_line ? t->row_line[r] : (long)r + 2;
  return SL_FEES_USED;
}

static int note_columns(sl_fees_deals *d, const sl_fees_cols *c, const sl_fees_options *o) {
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
    st = st ? st : sl_fees_deals_note(d, "no season column: season term dropped, season limits ignored");
  if (!c->movement)
    st = st ? st : sl_fees_deals_note(d, "no movement column: every row is taken as one deal");
  return st;
}

/* The declared column terms the deals carry, and which columns the table has. */
static int deal_columns(sl_fees_deals *d, const sl_fees_rows *rows) {
  const char *const *names;
  size_t n = sl_fees_rows_term_columns(rows, &names, &d->has_columns);
  for (size_t k = 0; k < n; k++)
    if (!(d->column_names[d->ncolumns++] = strdup(names[k]))) return SL_ENOMEM;
  return SL_OK;
}

static int select_rows(sl_table *t, const sl_fees_rows *rows, const sl_fees_options *o, sl_fees_deals *d,
                       sl_error *err) {
  for (size_t f = 0; f < t->nfiles; f++)
    if (sl_fees_deals_add_file(d, t->files[f]) == (uint32_t)-1)
      return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  for (size_t r = 0; r < t->nrows; r++) {
    sl_fees_deal deal = {0};
    sl_fees_reason reason = sl_fees_rows_reason(rows, r);
    if (reason == SL_FEES_USED) build_deal(rows, t, o, r, &deal);
    d->count[reason]++;
    if (reason != SL_FEES_USED) {
      char why[160];
      const char *text = reason == SL_FEES_SKIP_IMPOSSIBLE ? sl_fees_rows_impossible(rows, r, why, sizeof why)
                         : reason == SL_FEES_SKIP_CURRENCY ? sl_fees_rows_currency(rows, r, 1, why, sizeof why)
                                                           : NULL;
      if (sl_table_add_skip(t, t->row_file ? t->row_file[r] : 0, t->row_line ? t->row_line[r] : (long)r + 2,
                            text ? text : sl_fees_reason_text(reason)))
        return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
      t->skipped[t->nskipped - 1].unread = reason == SL_FEES_SKIP_IMPOSSIBLE; /* damaged, not a choice */
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
  sl_fees_cols c;
  sl_fees_find_columns(t, &c);
  const char *file = t->nfiles ? t->files[0] : NULL;
  if (!c.fee) return sl_error_set(err, SL_ENOTFOUND, file, 0, 0, "no fee column (expected a column named fee)");
  /* A list keyed by player_id (transfermarkt-datasets) keeps ages and positions in its players
   * file: say how to join it (sl_table_attach_players); the field lets the CLI name its option. */
  const char *keyed = sl_table_role(t, SL_ROLE_PLAYER_ID)
                          ? "; its player_id can take them from a players file"
                          : "";
  const char *field = keyed[0] ? "players" : NULL;
  if (!c.age)
    return sl_error_field(err, field,
                          sl_error_set(err, SL_ENOTFOUND, file, 0, 0, "no age column (expected age, or a date of birth)%s", keyed));
  if (!c.short_pos && !c.position)
    return sl_error_field(err, field, sl_error_set(err, SL_ENOTFOUND, file, 0, 0,
                                                   "no position column (expected short_pos or position)%s", keyed));
  sl_fees_rows *rows = NULL;
  int st = sl_fees_rows_new(t, o, NULL, &rows, err);
  if (st) return st;
  sl_fees_deals *d = sl_fees_deals_new();
  st = !d ? sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory") : SL_OK;
  if (!st) st = note_columns(d, &c, o) ? sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory") : SL_OK;
  if (!st) st = deal_columns(d, rows) ? sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory") : SL_OK;
  /* Rows the loader (or a season filter) dropped are counted, so read = used + not used. */
  size_t loader_skips = t->nskipped;
  if (!st) st = select_rows(t, rows, o, d, err);
  d->has_last_fee = sl_fees_rows_has_history(rows);
  char note[SL_ERROR_MESSAGE_MAX];
  for (size_t f = 0; !st && f < t->nfiles; f++)
    if (sl_fees_rows_clubs_note(rows, f, note, sizeof note) && sl_fees_deals_note(d, "%s", note))
      st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  if (!st && sl_fees_rows_rates_note(rows, note, sizeof note) && sl_fees_deals_note(d, "%s", note))
    st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  sl_fees_rows_free(rows);
  if (st) {
    sl_fees_deals_free(d);
    return st;
  }
  d->count[SL_FEES_SKIP_MALFORMED] = loader_skips;
  d->rows_read = t->nrows + loader_skips;
  *out = d;
  return SL_OK;
}
