/* fees_rows.c - the one mapping from a table row to the attributes the fee model reads, used
 * alike by fit (deal selection), the held-out evaluations, predict and value.
 *
 * A transfers row (Transfermarkt layout) is written from one club's side: `club` and `league`
 * are that club's, `dealing_club` / `dealing_country` the other side's, and `movement` says
 * which side the row's club is (in: the buyer, out: the seller). A move between two covered
 * leagues is listed twice, once by each side; the other side's row (same player and season,
 * the fee within rounding) gives that side's league exactly, otherwise only its country is
 * known ("outside: Spain"). A row without a movement is a deal from the buyer's side when the
 * table has a fee column (a list of transfers), and otherwise a player at his current club,
 * i.e. the seller (market values, players, stats). Explicit buying_league / selling_league
 * columns (schema roles buyer_league / seller_league) override all of this. A list naming both
 * clubs (from_club_name / to_club_name) is such a list of deals from the buyer's side.
 *
 * The same move listed twice by the same side (Transfermarkt lists some in two windows) and a
 * row repeated cell for cell (the same file given twice, or two overlapping exports) are
 * counted and dropped by the selection. */
#include <ctype.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fees_internal.h"
#include "runtime_internal.h"
#include "scoutlab/names.h"
#include "scoutlab/season.h"

/* Seasons (first years) a row can hold. */
#define SEASON_FIRST 1800
#define SEASON_LAST 2200
/* A file whose club column names the club of the other side's listing in under 30% of the moves
 * both sides list has its clubs misassigned (transfermarkt-transfers' 2021 folder lists
 * Marseille's signings under Stade Rennais FC): its rows' own club is not read. The files of
 * transfers-tm with 10 such moves or more agree in 60% (2009 Premier Liga, 15 of 25, its clubs
 * transliterated two ways) or more, a misassigned one in none. */
#define CLUB_CHECK_MIN_AGREEMENT 0.3
/* Fewer moves than this in a file say nothing either way: at 60%, 2 or fewer agreeing of 10
 * happens once in 80 files, of 5 once in 12. */
#define CLUB_CHECK_MIN_PAIRS 10
/* Transfermarkt rounds fees to three significant digits, so the two listings of a move can
 * differ by up to half a unit in the third digit: 0.5% relative. */
#define FEE_ROUNDING 0.005
/* A fee converted at one rate for a whole file (sl_fees_options.rates) against the other side's
 * listing in euros, converted at the day's rate: 10% covers sterling's range within most years. */
#define FEE_CONVERTED_TOLERANCE 0.1

struct sl_fees_rows {
  const sl_table *t;
  sl_fees_cols c;
  sl_fees_options o;
  int own_is_buyer;           /* rows without a movement: 1 = the row's club buys */
  size_t *pair;               /* row + 1 of the other side's listing, 0 = none */
  sl_fees_reason *reason;     /* the selection's verdict on each row */
  const char **buyer_league;  /* per row, borrowed from t or the pool */
  const char **seller_league;
  const char **club_league;   /* per row: the row's own league via the model's club index */
  sl_fees_deals *pool;        /* string storage for "outside: COUNTRY" labels */
  int players_list;           /* no fee and no movement column: players at their clubs, whose
                                 season is the season of their data, not of a deal */
  int *file_season;           /* players list: the season each file's name states, 0 none */
  int data_season, window;    /* sl_fees_rows_seasons: the caller's defaults, 0 = none */
  const char *term_names[SL_FEES_MAX_COLUMN_TERMS]; /* the column terms read (the model's, or the
                                 declared list's), in the pool */
  const sl_column *term_cols[SL_FEES_MAX_COLUMN_TERMS]; /* NULL: not in the table */
  size_t nterm_cols;
  size_t *file_pairs, *file_agree; /* per file: moves both sides list, and those whose clubs agree */
  unsigned char *file_clubs_unread; /* per file: 1 = its club column is not read (check_clubs) */
  char rate_code[SL_FEES_MAX_RATES][4]; /* sl_fees_options.rates: ISO codes and euros per unit */
  double rate[SL_FEES_MAX_RATES];
  size_t nrates;
  sl_fees_history *history;   /* paid deals of the rows and the model, for each row's last fee;
                                 NULL when nothing reads it */
};

/* ---- seasons ------------------------------------------------------------------------------ */

/* The season of a row: a whole number, or text of any common form; 0 unknown. *bad is set
 * when the cell holds something that is not a season at all. */
static int row_season(const sl_table *t, const sl_column *c, size_t r, int *bad) {
  *bad = 0;
  if (!c) return 0;
  if (c->type == SL_TYPE_TEXT) {
    const char *s = c->text[r];
    if (!s) return 0;
    int y = 0;
    if (sl_season_parse(s, &y, NULL) != SL_OK) y = 0;
    double v;
    if (!y && sl_parse_number(s, t->decimal, &v) && v == floor(v) && v >= SEASON_FIRST && v <= SEASON_LAST) y = (int)v;
    *bad = !y;
    return y;
  }
  double v;
  int got = sl_table_number(t, c, r, &v);
  if (got != 1) return 0;
  if (!(v >= SEASON_FIRST && v <= SEASON_LAST) || v != floor(v)) {
    *bad = 1;
    return 0;
  }
  return (int)v;
}

/* ---- columns ------------------------------------------------------------------------------ */

static const sl_column *named(const sl_table *t, const char *const *names) {
  for (; *names; names++) {
    const sl_column *c = sl_table_column(t, *names);
    if (c) return c;
  }
  return NULL;
}

void sl_fees_find_columns(const sl_table *t, sl_fees_cols *c) {
  c->name = sl_table_role(t, SL_ROLE_PLAYER);
  c->club = sl_table_role(t, SL_ROLE_CLUB);
  c->league = sl_table_role(t, SL_ROLE_LEAGUE); /* the schema's names: Comp, league, league_name... */
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
  c->buying_league = sl_table_role(t, SL_ROLE_BUYER_LEAGUE);
  c->selling_league = sl_table_role(t, SL_ROLE_SELLER_LEAGUE);
  /* A list of transfers naming both clubs (transfermarkt-datasets: from_club_name, to_club_name)
   * is read as rows from the buyer's side: the buying club is the row's club and the selling club
   * the other side, so every rule below (no movement column: the buyer's side) applies as is. */
  const sl_column *buyer = sl_table_role(t, SL_ROLE_BUYER_CLUB), *seller = sl_table_role(t, SL_ROLE_SELLER_CLUB);
  if (!c->club && !c->movement && buyer && c->fee) c->club = buyer;
  if (buyer && seller && c->club == buyer && !c->dealing_club) c->dealing_club = seller;
}

static const char *text_of(const sl_column *c, size_t r) {
  return c && c->type == SL_TYPE_TEXT ? c->text[r] : NULL;
}

static double number_of(const sl_table *t, const sl_column *c, size_t r) {
  double v;
  return c && sl_table_number(t, c, r, &v) == 1 ? v : NAN;
}

static int is_true(const char *s) {
  if (!s) return 0;
  return strcmp(s, "1") == 0 || strcmp(s, "1.0") == 0 || strcasecmp(s, "true") == 0 ||
         strcasecmp(s, "yes") == 0;
}

/* An amount in euros as sl_table_euros reads it, money in a currency the options give a rate
 * for converted: 1 and *eur set, 0 missing, -1 not a number, SL_TABLE_OTHER_CURRENCY with no
 * rate (code set, when not NULL). */
static int money_of(const sl_fees_rows *x, const sl_column *c, size_t r, double *eur, char code[4]) {
  char cur[4] = "";
  int got = c ? sl_table_euros(x->t, c, r, eur, cur) : 0;
  if (code) memcpy(code, cur, sizeof cur);
  if (got != SL_TABLE_OTHER_CURRENCY) return got;
  double v;
  if (sl_table_number(x->t, c, r, &v) == 1 && v == 0) return *eur = 0, 1; /* zero in any currency */
  for (size_t k = 0; k < x->nrates; k++)
    if (strcmp(cur, x->rate_code[k]) == 0) return *eur = v * x->rate[k], 1;
  return SL_TABLE_OTHER_CURRENCY;
}

/* 1 when the cell is money in another currency than euros (converted or not). */
static int other_currency(const sl_fees_rows *x, const sl_column *c, size_t r) {
  double v;
  return c && sl_table_euros(x->t, c, r, &v, NULL) == SL_TABLE_OTHER_CURRENCY;
}

/* An amount in euros (money_of); NAN when missing, not a number or in an unconverted currency. */
static double euros_of(const sl_fees_rows *x, const sl_column *c, size_t r) {
  double v;
  return money_of(x, c, r, &v, NULL) == 1 ? v : NAN;
}

/* Rates a currency can have, in euros per unit: beyond them the figure is a typing error (the
 * strongest and weakest currencies are within about 1,000 of the euro either way). */
#define RATE_MIN 1e-4
#define RATE_MAX 1e4
/* Longest "CODE=rate" item read, and shown in a message: a rate needs a few digits. */
#define RATE_ITEM_MAX 64
#define RATE_ITEM_SHOWN 40

/* "GBP=1.16, USD=0.92" into the reader's rates: ISO codes of three letters (not EUR), each once,
 * each worth a positive number of euros. */
static int parse_rates(sl_fees_rows *x, const char *s, sl_error *err) {
  if (s && !s[strspn(s, " ")])
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0,
                        "exchange rates: none given; expected CODE=rate for each currency, e.g. GBP=1.16,USD=0.92");
  while (s && *s) {
    while (*s == ' ') s++;
    const char *end = strchr(s, ',');
    size_t len = end ? (size_t)(end - s) : strlen(s);
    char item[RATE_ITEM_MAX] = "", code[4] = "";
    double v = NAN;
    if (len < sizeof item) memcpy(item, s, len), item[len] = '\0';
    size_t next = end ? strcspn(end + 1, ",") : 0; /* "GBP=1,16": the digits after a decimal comma */
    if (next && strspn(end + 1, "0123456789") == next)
      return sl_error_set(err, SL_EINVAL, NULL, 0, 0,
                          "exchange rate '%.*s': a rate takes a decimal point, not a comma (commas separate "
                          "currencies), e.g. GBP=1.16",
                          (int)(len + 1 + next < RATE_ITEM_SHOWN ? len + 1 + next : RATE_ITEM_SHOWN), s);
    char *eq = strchr(item, '=');
    int ok = eq && eq - item == 3 && x->nrates < SL_FEES_MAX_RATES;
    for (int k = 0; ok && k < 3; k++) ok = isalpha((unsigned char)item[k]), code[k] = (char)toupper((unsigned char)item[k]);
    if (ok) ok = sl_parse_number(eq + 1, SL_DECIMAL_POINT, &v) && v >= RATE_MIN && v <= RATE_MAX && strcmp(code, "EUR") != 0;
    for (size_t k = 0; ok && k < x->nrates; k++) ok = strcmp(code, x->rate_code[k]) != 0;
    if (!ok)
      return sl_error_set(err, SL_EINVAL, NULL, 0, 0,
                          "exchange rate '%.*s': expected a currency code other than EUR, given once, and the euros "
                          "one unit is worth, %g to %g with a decimal point, e.g. GBP=1.16 (at most %d currencies)",
                          (int)(len < RATE_ITEM_SHOWN ? len : RATE_ITEM_SHOWN), s, RATE_MIN, RATE_MAX,
                          SL_FEES_MAX_RATES);
    memcpy(x->rate_code[x->nrates], code, sizeof code);
    x->rate[x->nrates++] = v;
    s = end ? end + 1 : NULL;
  }
  return SL_OK;
}

/* 1 when needle occurs in s, ASCII letters compared without case (other bytes exactly). */
static int contains_nocase(const char *s, const char *needle) {
  size_t n = strlen(needle);
  for (; *s; s++)
    if (strncasecmp(s, needle, n) == 0) return 1;
  return 0;
}

/* A fee written in words, as ewenme/transfers and Transfermarkt pages write the deals without
 * one: a loan ("loan transfer", "Loan fee:£1.80m", "End of loanJun 30, 2021", German "Leihe")
 * or a free transfer ("free transfer", "ablösefrei"). SL_FEES_USED when it is neither. */
static sl_fees_reason fee_in_words(const char *s) {
  if (!s) return SL_FEES_USED;
  if (contains_nocase(s, "loan") || contains_nocase(s, "leih")) return SL_FEES_SKIP_LOAN;
  if (contains_nocase(s, "free transfer") || contains_nocase(s, "abl\xc3\xb6sefrei") ||
      strcasecmp(s, "free") == 0)
    return SL_FEES_SKIP_FREE;
  return SL_FEES_USED;
}

/* Movement: 1 in, 0 out, -1 neither. Without a movement column: the table's default side. */
static int movement_of(const sl_fees_rows *x, size_t r) {
  if (!x->c.movement) return x->own_is_buyer ? 1 : 0;
  char buf[16];
  const char *s = sl_table_text(x->t, x->c.movement, r, buf, sizeof buf);
  if (s && strcasecmp(s, "in") == 0) return 1;
  if (s && strcasecmp(s, "out") == 0) return 0;
  return -1;
}

/* ---- which rows fit can use ---------------------------------------------------------------- */

/* Why a number cell cannot be read: "fee '1e400' is not a number", "age -3 is outside
 * 14-50"; NULL when it is missing or fine. lo/hi bound the value (NAN = no upper bound). */
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

/* A positive value below what any player can hold (fees.h: SL_FEES_MIN_MARKET_VALUE). */
static const char *too_small(const sl_table *t, const sl_column *c, size_t r, double min, const char *why_min,
                             char *why, size_t size) {
  double v;
  if (!c || sl_table_number(t, c, r, &v) <= 0 || !(v > 0 && v < min)) return NULL;
  sl_snprintf_c(why, size, "%s %.15g is below %.15g (%s)", c->name, v, min, why_min);
  return why;
}

/* A value above what any player or contract can hold (fees.h: SL_FEES_MAX_MARKET_VALUE...). */
static const char *too_large(const sl_table *t, const sl_column *c, size_t r, double max, const char *why_max,
                             char *why, size_t size) {
  double v;
  if (!c || sl_table_number(t, c, r, &v) <= 0 || !(v > max)) return NULL;
  sl_snprintf_c(why, size, "%s %.15g is above %.15g (%s)", c->name, v, max, why_max);
  return why;
}

const char *sl_fees_rows_bad_season(const sl_fees_rows *x, size_t r, char *why, size_t size) {
  int bad;
  if (!x || r >= x->t->nrows) return NULL;
  row_season(x->t, x->c.season, r, &bad);
  if (!bad) return NULL;
  char text[64];
  const char *cell = sl_table_text(x->t, x->c.season, r, text, sizeof text);
  snprintf(why, size, "%s '%s' is not a season (expected e.g. 2022, 2022/23, 2022/2023, 22/23)", x->c.season->name,
           cell ? cell : "");
  return why;
}

const char *sl_fees_rows_impossible(const sl_fees_rows *x, size_t r, char *why, size_t size) {
  static const char amount[] = "an amount such as 25m, EUR 25m or 25000000";
  const sl_table *t = x->t;
  const sl_fees_cols *c = &x->c;
  if (sl_fees_rows_bad_season(x, r, why, size)) return why;
  const char *w = bad_number(t, c->fee, r, 0, NAN, amount, why, size);
  if (!w) w = bad_number(t, c->mv, r, 0, NAN, amount, why, size);
  if (!w) w = bad_number(t, c->age, r, SL_FEES_MIN_AGE, SL_FEES_MAX_AGE, "years", why, size);
  if (!w) w = bad_number(t, c->minutes, r, 0, 1, "a share of the team's minutes, 0-1", why, size);
  if (!w) w = bad_number(t, c->contract_months, r, 0, NAN, "months left, 0 or more", why, size);
  if (!w) w = too_large(t, c->mv, r, SL_FEES_MAX_MARKET_VALUE, "EUR, ten times the highest ever listed", why, size);
  if (!w) w = too_small(t, c->mv, r, SL_FEES_MIN_MARKET_VALUE, "EUR: none is listed lower; another unit?", why, size);
  if (!w) w = too_large(t, c->contract_months, r, SL_FEES_MAX_CONTRACT_MONTHS, "ten years", why, size);
  return w;
}

/* First reason (up to the movement) that rules row r out, or SL_FEES_USED. */
static sl_fees_reason early_reason(const sl_fees_rows *x, size_t r) {
  const sl_table *t = x->t;
  const sl_fees_cols *c = &x->c;
  const sl_fees_options *o = &x->o;
  char buf[32], why[160];
  int bad, season = row_season(t, c->season, r, &bad);
  if (bad) return SL_FEES_SKIP_IMPOSSIBLE; /* a damaged season is named, not "outside the range" */
  if (c->season && (!season || (o->since && season < o->since) || (o->until && season > o->until)))
    return SL_FEES_SKIP_SEASON;
  if (is_true(sl_table_text(t, c->is_loan, r, buf, sizeof buf))) return SL_FEES_SKIP_LOAN;
  double fee;
  int got = money_of(x, c->fee, r, &fee, NULL);
  if (got == 0) return SL_FEES_SKIP_FEE_UNKNOWN;
  if (got < 0 && c->fee->type == SL_TYPE_TEXT && fee_in_words(c->fee->text[r]) != SL_FEES_USED)
    return fee_in_words(c->fee->text[r]);
  if (got == SL_TABLE_OTHER_CURRENCY) return SL_FEES_SKIP_CURRENCY;
  /* A damaged fee is named as such, never counted as undisclosed or free; the other values
   * are checked only on paid transfers (Transfermarkt lists a few free moves at age 9). */
  if (got < 0 || fee < 0) return SL_FEES_SKIP_IMPOSSIBLE;
  if (fee == 0) return SL_FEES_SKIP_FREE;
  if (sl_fees_rows_impossible(x, r, why, sizeof why)) return SL_FEES_SKIP_IMPOSSIBLE;
  if (movement_of(x, r) < 0) return SL_FEES_SKIP_MOVEMENT;
  return SL_FEES_USED;
}

/* ---- rows repeated cell for cell ----------------------------------------------------------- */

#define FNV_OFFSET 1469598103934665603ULL
#define FNV_PRIME 1099511628211ULL

static uint64_t fnv(uint64_t h, const char *s) {
  for (; s && *s; s++) h = (h ^ (unsigned char)*s) * FNV_PRIME;
  return (h ^ 0x1f) * FNV_PRIME; /* a separator, so "ab","c" differs from "a","bc" */
}

typedef struct row_hash {
  uint64_t h;
  size_t row;
} row_hash;

static int hash_cmp(const void *a, const void *b) {
  const row_hash *x = a, *y = b;
  if (x->h != y->h) return x->h < y->h ? -1 : 1;
  return x->row < y->row ? -1 : x->row > y->row;
}

static int same_cells(const sl_table *t, size_t a, size_t b) {
  char ba[128], bb[128];
  for (size_t k = 0; k < t->ncols; k++) {
    const char *x = sl_table_text(t, &t->cols[k], a, ba, sizeof ba);
    const char *y = sl_table_text(t, &t->cols[k], b, bb, sizeof bb);
    if ((x == NULL) != (y == NULL) || (x && strcmp(x, y) != 0)) return 0;
  }
  return 1;
}

/* Marks every row still used and equal in all cells to an earlier row as
 * SL_FEES_SKIP_REPEATED_ROW (equal rows share their early reasons, so a repeated loan stays a
 * loan). Rows are sorted by (hash, row); within a run of one hash, a row is compared only with
 * the run's rows not marked so far (one per distinct content, barring collisions), nearest
 * first: m copies of a row cost m comparisons, not m²/2 steps back over the marked ones. */
static int mark_repeated_rows(sl_fees_rows *x) {
  const sl_table *t = x->t;
  size_t n = t->nrows ? t->nrows : 1;
  row_hash *h = malloc(n * sizeof *h);
  size_t *kept = malloc(n * sizeof *kept); /* the current run's unmarked rows */
  if (!h || !kept) return free(h), free(kept), SL_ENOMEM;
  char buf[128];
  for (size_t r = 0; r < t->nrows; r++) {
    uint64_t v = FNV_OFFSET;
    for (size_t k = 0; k < t->ncols; k++) v = fnv(v, sl_table_text(t, &t->cols[k], r, buf, sizeof buf));
    h[r] = (row_hash){v, r};
  }
  qsort(h, t->nrows, sizeof *h, hash_cmp);
  for (size_t i = 0, end; i < t->nrows; i = end) {
    size_t nkept = 0;
    for (end = i; end < t->nrows && h[end].h == h[i].h; end++) {
      size_t r = h[end].row;
      int repeated = 0;
      for (size_t q = nkept; x->reason[r] == SL_FEES_USED && !repeated && q-- > 0;)
        repeated = same_cells(t, kept[q], r);
      if (repeated) x->reason[r] = SL_FEES_SKIP_REPEATED_ROW;
      else kept[nkept++] = r;
    }
  }
  free(h), free(kept);
  return SL_OK;
}

/* ---- the two listings of a move, and a move listed twice by one side ----------------------- */

typedef struct move_key {
  const char *name, *club, *other;
  int season, in;
  double fee;
  size_t row;
  int converted; /* the fee was in another currency, converted at a rate given (--rate) */
} move_key;

static int str_cmp_null(const char *a, const char *b) {
  if (!a || !b) return a ? 1 : b ? -1 : 0;
  return strcmp(a, b);
}

/* Player and season, then side, then fee: the candidates for a row's other listing are one
 * run, ordered by fee. */
static int key_cmp(const void *a, const void *b) {
  const move_key *x = a, *y = b;
  int c = strcmp(x->name, y->name);
  if (c) return c;
  if (x->season != y->season) return x->season < y->season ? -1 : 1;
  if (x->in != y->in) return x->in < y->in ? -1 : 1;
  if (x->fee != y->fee) return x->fee < y->fee ? -1 : 1;
  return x->row < y->row ? -1 : x->row > y->row;
}

static int fee_close(const move_key *a, const move_key *b) {
  double tol = a->converted || b->converted ? FEE_CONVERTED_TOLERANCE : FEE_ROUNDING;
  return fabs(a->fee - b->fee) <= tol * fmax(a->fee, b->fee);
}

static move_key key_of(const sl_fees_rows *x, size_t r) {
  int bad;
  return (move_key){x->c.name->text[r], text_of(x->c.club, r), text_of(x->c.dealing_club, r),
                    row_season(x->t, x->c.season, r, &bad), movement_of(x, r) == 1,
                    euros_of(x, x->c.fee, r), r, other_currency(x, x->c.fee, r)};
}

/* Within one run of keys (same player and season): a later row of the same side with the same
 * clubs and the fee within rounding is a relisting; an out row whose fee matches an in row's
 * pairs with it (the in row keeps the deal, the out row is the duplicate). */
static void match_run(sl_fees_rows *x, move_key *k, size_t n) {
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < i; j++)
      if (k[j].in == k[i].in && x->reason[k[j].row] == SL_FEES_USED && fee_close(&k[i], &k[j]) &&
          str_cmp_null(k[i].club, k[j].club) == 0 && str_cmp_null(k[i].other, k[j].other) == 0) {
        x->reason[k[i].row > k[j].row ? k[i].row : k[j].row] = SL_FEES_SKIP_RELISTED;
        break;
      }
  for (size_t i = 0; i < n; i++) { /* out rows (in = 0) sort first */
    if (k[i].in || x->reason[k[i].row] != SL_FEES_USED) continue;
    size_t best = n;
    for (size_t j = 0; j < n; j++) {
      if (!k[j].in || x->reason[k[j].row] != SL_FEES_USED || !fee_close(&k[i], &k[j])) continue;
      /* an exact fee first, then an in row not paired yet */
      if (best == n || (k[j].fee == k[i].fee && k[best].fee != k[i].fee) ||
          (x->pair[k[best].row] && !x->pair[k[j].row]))
        best = j;
    }
    if (best == n) continue;
    x->reason[k[i].row] = SL_FEES_SKIP_DUPLICATE;
    if (!x->pair[k[best].row]) x->pair[k[best].row] = k[i].row + 1;
    x->pair[k[i].row] = k[best].row + 1;
  }
}

static int match_listings(sl_fees_rows *x) {
  const sl_table *t = x->t;
  if (!x->c.name || x->c.name->type != SL_TYPE_TEXT || !x->c.fee) return SL_OK;
  size_t n = 0;
  for (size_t r = 0; r < t->nrows; r++) n += x->reason[r] == SL_FEES_USED && x->c.name->text[r];
  move_key *k = malloc((n ? n : 1) * sizeof *k);
  if (!k) return SL_ENOMEM;
  n = 0;
  for (size_t r = 0; r < t->nrows; r++)
    if (x->reason[r] == SL_FEES_USED && x->c.name->text[r]) k[n++] = key_of(x, r);
  qsort(k, n, sizeof *k, key_cmp);
  for (size_t i = 0, j; i < n; i = j) {
    for (j = i + 1; j < n && strcmp(k[j].name, k[i].name) == 0 && k[j].season == k[i].season; j++) {}
    if (x->c.movement || j - i > 1) match_run(x, k + i, j - i);
  }
  free(k);
  return SL_OK;
}

/* ---- clubs checked against the other side's listing ---------------------------------------- */

/* 1 when club (as a row writes it) and other (as the other side's row writes it) are one club. */
static int same_club(const char *club, const char *other) {
  if (!club || !other) return 0;
  char *a = sl_name_normalise(club), *b = sl_name_normalise(other);
  int same = a && b && (strcmp(a, b) == 0 || sl_name_club_match(a, b));
  free(a), free(b);
  return same;
}

static size_t file_of(const sl_fees_rows *x, size_t r) {
  return x->t->row_file && x->t->row_file[r] < x->t->nfiles ? x->t->row_file[r] : 0;
}

/* Each move listed by both sides (an out row paired with its in row) tests each row's club: the
 * in row's against the dealing club the out row names, counted for the in row's file, and the
 * out row's against the in row's dealing club, for the out row's file. A file whose clubs are
 * mostly not the ones the other side names is not read for its clubs. */
static int check_clubs(sl_fees_rows *x) {
  const sl_table *t = x->t;
  size_t nf = t->nfiles ? t->nfiles : 1;
  x->file_pairs = calloc(nf, sizeof *x->file_pairs), x->file_agree = calloc(nf, sizeof *x->file_agree);
  x->file_clubs_unread = calloc(nf, 1);
  if (!x->file_pairs || !x->file_agree || !x->file_clubs_unread) return SL_ENOMEM;
  if (!x->c.club || !x->c.dealing_club || !x->c.movement) return SL_OK;
  for (size_t r = 0; r < t->nrows; r++) {
    if (x->reason[r] != SL_FEES_SKIP_DUPLICATE || !x->pair[r]) continue;
    size_t side[2] = {x->pair[r] - 1, r}; /* the in row, the out row */
    for (int k = 0; k < 2; k++) {
      size_t f = file_of(x, side[k]);
      x->file_pairs[f]++;
      x->file_agree[f] += (size_t)same_club(text_of(x->c.club, side[k]), text_of(x->c.dealing_club, side[1 - k]));
    }
  }
  for (size_t f = 0; f < nf; f++)
    x->file_clubs_unread[f] = x->file_pairs[f] >= CLUB_CHECK_MIN_PAIRS &&
                              (double)x->file_agree[f] < CLUB_CHECK_MIN_AGREEMENT * (double)x->file_pairs[f];
  return SL_OK;
}

int sl_fees_rows_clubs_unread(const sl_fees_rows *x, size_t file, size_t *agree, size_t *pairs) {
  if (!x || !x->file_clubs_unread || file >= (x->t->nfiles ? x->t->nfiles : 1)) return 0;
  if (agree) *agree = x->file_agree[file];
  if (pairs) *pairs = x->file_pairs[file];
  return x->file_clubs_unread[file];
}

const char *sl_fees_rows_clubs_note(const sl_fees_rows *x, size_t file, char *buf, size_t size) {
  size_t agree, pairs;
  if (!sl_fees_rows_clubs_unread(x, file, &agree, &pairs)) return NULL;
  snprintf(buf, size,
           "%s: its club agrees with the other side's listing in %zu of %zu moves both list: its clubs are "
           "misassigned and not read (its rows' own clubs unknown: the buyer of an in row, the seller of an out row)",
           x->t->files[file], agree, pairs);
  return buf;
}

/* Adds a currency code to the list ("GBP, USD") unless it is there: entries are three letters. */
static void add_code(char *list, size_t size, const char *code) {
  if (!*code || strstr(list, code) || strlen(list) + strlen(", ") + strlen(code) + 1 > size) return;
  if (*list) strcat(list, ", ");
  strcat(list, code);
}

const char *sl_fees_rows_rates_note(const sl_fees_rows *x, char *buf, size_t size) {
  if (!x || !x->nrates) return NULL;
  int used[SL_FEES_MAX_RATES] = {0};
  char seen[SL_FEES_MAX_RATES * 5 + 1] = ""; /* the other currencies in the money columns */
  const sl_column *cols[2] = {x->c.fee, x->c.mv};
  for (size_t r = 0; r < x->t->nrows; r++)
    for (int k = 0; k < 2; k++) {
      double v;
      char code[4] = "";
      if (!cols[k] || sl_table_euros(x->t, cols[k], r, &v, code) != SL_TABLE_OTHER_CURRENCY) continue;
      add_code(seen, sizeof seen, code);
      for (size_t q = 0; q < x->nrates; q++) used[q] |= strcmp(code, x->rate_code[q]) == 0;
    }
  char unused[SL_FEES_MAX_RATES * 5 + 1] = "";
  for (size_t q = 0; q < x->nrates; q++)
    if (!used[q]) add_code(unused, sizeof unused, x->rate_code[q]);
  if (!*unused) return NULL;
  snprintf(buf, size, "exchange rate for %s given, but no fee or market value is in %s (%s%s)", unused,
           strchr(unused, ',') ? "them" : "it", *seen ? "the other currencies of the files: " : "every amount is in euros",
           seen);
  return buf;
}

/* ---- the leagues of each side --------------------------------------------------------------- */

/* "outside: <country>", "unknown" when no country is given. */
static const char *outside_label(sl_fees_rows *x, size_t r) {
  char cb[128], label[256];
  const char *country = sl_table_text(x->t, x->c.dealing_country, r, cb, sizeof cb);
  if (!country || !*country) return SL_FEES_LEVEL_UNKNOWN;
  snprintf(label, sizeof label, "%s%s", SL_FEES_OUTSIDE_PREFIX, country);
  return sl_fees_pool_strdup(x->pool, label);
}

static const char *own_league(const sl_fees_rows *x, size_t r) {
  const char *l = text_of(x->c.league, r);
  return l ? l : x->club_league ? x->club_league[r] : NULL;
}

static int set_leagues(sl_fees_rows *x, size_t r) {
  const sl_fees_cols *c = &x->c;
  if (c->buying_league || c->selling_league) {
    x->buyer_league[r] = text_of(c->buying_league, r);
    x->seller_league[r] = text_of(c->selling_league, r);
  } else {
    int dir = movement_of(x, r);
    size_t pair = x->pair[r];
    const char *other = pair ? own_league(x, pair - 1) : NULL;
    if (!other && pair == 0 && (c->movement || c->dealing_club || c->dealing_country) && dir >= 0 &&
        !(other = outside_label(x, r)))
      return SL_ENOMEM;
    if (dir == 1) x->buyer_league[r] = own_league(x, r), x->seller_league[r] = other;
    else if (dir == 0) x->seller_league[r] = own_league(x, r), x->buyer_league[r] = other;
  }
  /* A deal's missing side is the level "unknown", as fit has always learned it; a player at
   * his club has no buyer yet (NULL: a typical one). */
  if (c->movement || x->own_is_buyer) {
    if (!x->buyer_league[r]) x->buyer_league[r] = SL_FEES_LEVEL_UNKNOWN;
    if (!x->seller_league[r]) x->seller_league[r] = SL_FEES_LEVEL_UNKNOWN;
  }
  return SL_OK;
}

/* ---- the rows object ------------------------------------------------------------------------ */

void sl_fees_rows_free(sl_fees_rows *x) {
  if (!x) return;
  free(x->pair), free(x->reason), free(x->buyer_league), free(x->seller_league), free(x->club_league);
  free(x->file_season), free(x->file_pairs), free(x->file_agree), free(x->file_clubs_unread);
  sl_fees_deals_free(x->pool);
  sl_fees_history_free(x->history);
  free(x);
}

/* The league of each row's club from the model's club index (rows without a league column). */
static int club_leagues(sl_fees_rows *x, const sl_fees_model *m) {
  if (!m || x->c.league || !x->c.club) return SL_OK;
  if (!(x->club_league = calloc(x->t->nrows ? x->t->nrows : 1, sizeof *x->club_league))) return SL_ENOMEM;
  for (size_t r = 0; r < x->t->nrows; r++) /* a misassigned club names another club's league */
    if (!x->file_clubs_unread[file_of(x, r)]) x->club_league[r] = sl_fees_club_league(m, text_of(x->c.club, r));
  return SL_OK;
}

/* The column terms to read: the model's (predict, value), else those of the declared list (fit). */
static int term_columns(sl_fees_rows *x, const sl_fees_options *opt, const sl_fees_model *m) {
  sl_fees_term_list l;
  const char *names[SL_FEES_MAX_COLUMN_TERMS];
  size_t n = 0;
  if (m && m->ncolumns)
    for (; n < m->ncolumns; n++) names[n] = m->column_names[n];
  else if (opt && opt->terms && sl_fees_terms_parse(opt->terms, &l, NULL) == SL_OK)
    for (; n < l.ncolumns; n++) names[n] = l.columns[n];
  for (size_t k = 0; k < n; k++) {
    if (!(x->term_names[k] = sl_fees_pool_strdup(x->pool, names[k]))) return SL_ENOMEM;
    x->term_cols[k] = sl_table_column(x->t, names[k]);
  }
  x->nterm_cols = n;
  return SL_OK;
}

/* Whether a last-fee term may read the rows: the model's (predict, value), else a fit of the
 * default list (whose design keeps the last fee only without market value) or one declaring it. */
static int wants_last_fee(const sl_fees_rows *x, const sl_fees_options *opt, const sl_fees_model *m) {
  if (m) return sl_fees_model_uses(m, SL_FEES_VAR_LAST_FEE) || sl_fees_model_uses(m, SL_FEES_VAR_NO_LAST_FEE);
  if (!x->c.fee || !x->c.name || !x->c.season) return 0; /* no deals, or none to tell apart in time */
  if (!opt || !opt->terms) return 1;
  sl_fees_term_list l;
  if (sl_fees_terms_parse(opt->terms, &l, NULL)) return 0;
  for (size_t i = 0; i < l.n; i++)
    if (l.term[i].var == SL_FEES_VAR_LAST_FEE || l.term[i].var == SL_FEES_VAR_NO_LAST_FEE ||
        l.term[i].partner == (int)SL_FEES_VAR_LAST_FEE)
      return 1;
  return 0;
}

/* The history of every row that is a paid deal as the selection keeps it (market value aside:
 * a past fee is history whether or not a value was listed), and of the model's deals. */
static int build_history(sl_fees_rows *x, const sl_fees_options *opt, const sl_fees_model *m) {
  if (!wants_last_fee(x, opt, m)) return SL_OK;
  sl_fees_history *h = sl_fees_history_new();
  if (!h) return SL_ENOMEM;
  int st = m ? sl_fees_history_add_deals(h, m->deals) : SL_OK;
  for (size_t r = 0; !st && x->c.fee && r < x->t->nrows; r++) {
    /* exactly the selection's deals, as a model's saved deals are (x->history is not set yet) */
    if (sl_fees_rows_reason(x, r) != SL_FEES_USED) continue;
    sl_fees_player p;
    sl_fees_rows_player(x, r, &p);
    st = sl_fees_history_add(h, p.name, p.age, p.season, euros_of(x, x->c.fee, r));
  }
  sl_fees_history_seal(h);
  x->history = h;
  return st;
}

int sl_fees_rows_has_history(const sl_fees_rows *x) { return x && x->history; }

size_t sl_fees_rows_term_columns(const sl_fees_rows *x, const char *const **names, unsigned *found) {
  *names = x->term_names, *found = 0;
  for (size_t k = 0; k < x->nterm_cols; k++) *found |= (x->term_cols[k] != NULL) << k;
  return x->nterm_cols;
}

int sl_fees_rows_new(const sl_table *t, const sl_fees_options *opt, const sl_fees_model *m, sl_fees_rows **out,
                     sl_error *err) {
  if (!t || !out) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "no table or output given");
  *out = NULL;
  sl_fees_rows *x = calloc(1, sizeof *x);
  size_t n = t->nrows ? t->nrows : 1;
  if (x) {
    x->t = t;
    if (opt) x->o = *opt;
    sl_fees_find_columns(t, &x->c);
    x->own_is_buyer = x->c.fee != NULL;
    x->pair = calloc(n, sizeof *x->pair), x->reason = calloc(n, sizeof *x->reason);
    x->buyer_league = calloc(n, sizeof *x->buyer_league), x->seller_league = calloc(n, sizeof *x->seller_league);
    x->pool = sl_fees_deals_new();
    x->players_list = !x->c.fee && !x->c.movement;
    x->file_season = calloc(t->nfiles ? t->nfiles : 1, sizeof *x->file_season);
    for (size_t f = 0; x->file_season && f < t->nfiles; f++)
      if (!sl_season_from_path(t->files[f], &x->file_season[f]) && !sl_season_from_folder(t->files[f], &x->file_season[f]))
        x->file_season[f] = 0; /* a snapshot's folder names its season ("tm-values-2023/france.csv") */
  }
  int st = !x || !x->pair || !x->reason || !x->buyer_league || !x->seller_league || !x->pool || !x->file_season
               ? SL_ENOMEM
               : SL_OK;
  if (!st && opt && opt->rates && parse_rates(x, opt->rates, err)) {
    sl_fees_rows_free(x);
    return err ? err->code : SL_EINVAL;
  }
  for (size_t r = 0; !st && r < t->nrows; r++) x->reason[r] = early_reason(x, r);
  if (!st) st = mark_repeated_rows(x);
  if (!st) st = match_listings(x);
  if (!st) st = check_clubs(x);
  if (!st) st = club_leagues(x, m);
  if (!st) st = term_columns(x, opt, m);
  for (size_t r = 0; !st && r < t->nrows; r++) st = set_leagues(x, r);
  if (!st) st = build_history(x, opt, m);
  if (st) {
    sl_fees_rows_free(x);
    return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  }
  *out = x;
  return SL_OK;
}

const sl_fees_cols *sl_fees_rows_columns(const sl_fees_rows *x) { return &x->c; }

sl_fees_reason sl_fees_rows_reason(const sl_fees_rows *x, size_t r) {
  if (!x || r >= x->t->nrows) return SL_FEES_SKIP_MALFORMED;
  if (x->reason[r] != SL_FEES_USED) return x->reason[r];
  sl_fees_player p;
  sl_fees_rows_player(x, r, &p);
  if (!isfinite(p.age)) return SL_FEES_SKIP_AGE;
  if (p.group < 0) return SL_FEES_SKIP_POSITION;
  double mv;
  if (!x->o.no_market_value && money_of(x, x->c.mv, r, &mv, NULL) == SL_TABLE_OTHER_CURRENCY)
    return SL_FEES_SKIP_CURRENCY;
  if (!x->o.no_market_value && x->c.mv && isnan(p.market_value)) return SL_FEES_SKIP_MARKET_VALUE;
  return SL_FEES_USED;
}

const char *sl_fees_rows_currency(const sl_fees_rows *x, size_t r, int with_fee, char *why, size_t size) {
  if (!x || r >= x->t->nrows) return NULL;
  const sl_column *cols[2] = {x->o.no_market_value ? NULL : x->c.mv, with_fee ? x->c.fee : NULL};
  for (int k = 0; k < 2; k++) {
    double v;
    char code[4], text[64];
    if (money_of(x, cols[k], r, &v, code) != SL_TABLE_OTHER_CURRENCY) continue;
    const char *cell = sl_table_text(x->t, cols[k], r, text, sizeof text);
    snprintf(why, size, "%s '%s' is in %s, not euros", cols[k]->name, cell ? cell : "", code);
    return why;
  }
  return NULL;
}

double sl_fees_rows_fee(const sl_fees_rows *x, size_t r) {
  return x && r < x->t->nrows ? euros_of(x, x->c.fee, r) : NAN;
}

int sl_fees_rows_from_out_row(const sl_fees_rows *x, size_t r) {
  return x && r < x->t->nrows && movement_of(x, r) == 0 && x->c.movement;
}

void sl_fees_rows_seasons(sl_fees_rows *x, int data_season, int window) {
  if (x) x->data_season = data_season, x->window = window;
}

/* The transfer season row r is valued for (fees.h, sl_fees_rows_seasons): a deal's own season;
 * for a player's row the window after the season of his data (its column, else its file or folder
 * name, else the caller's); the caller's window over all. 0 unknown. */
static int valued_season(const sl_fees_rows *x, size_t r) {
  if (x->window) return x->window;
  int bad, s = row_season(x->t, x->c.season, r, &bad);
  if (!x->players_list) return s;
  if (!s && x->t->row_file && x->t->row_file[r] < x->t->nfiles) s = x->file_season[x->t->row_file[r]];
  if (!s) s = x->data_season;
  return s ? s + 1 : 0;
}

void sl_fees_rows_player(const sl_fees_rows *x, size_t r, sl_fees_player *p) {
  sl_fees_player_init(p);
  if (!x || r >= x->t->nrows) return;
  const sl_table *t = x->t;
  const sl_fees_cols *c = &x->c;
  p->name = text_of(c->name, r);
  p->age = number_of(t, c->age, r);
  p->group = sl_fees_position_group(text_of(c->short_pos, r));
  if (p->group < 0) {
    int g = sl_fees_position_group(text_of(c->position, r));
    p->group = g >= 0 || p->group == -2 ? g : p->group; /* a group, else the line, else unknown */
  }
  if (p->group == -1) { /* a line only: the groups it may be (valued as their mixture) */
    p->line_groups = sl_fees_position_line(text_of(c->short_pos, r));
    if (!p->line_groups) p->line_groups = sl_fees_position_line(text_of(c->position, r));
  }
  p->market_value = euros_of(x, c->mv, r);
  if (!(p->market_value > 0)) p->market_value = NAN;
  p->season = valued_season(x, r);
  int dir = movement_of(x, r);
  const char *club = x->file_clubs_unread && x->file_clubs_unread[file_of(x, r)] ? NULL : text_of(c->club, r);
  const char *other = text_of(c->dealing_club, r);
  p->club = dir == 1 ? other : club;
  p->buyer_club = dir == 1 ? club : dir == 0 ? other : NULL;
  p->league = x->seller_league[r];
  p->buyer_league = x->buyer_league[r];
  p->contract_months = number_of(t, c->contract_months, r);
  if (isnan(p->contract_months) && c->contract_until && p->season)
    p->contract_months = sl_fees_contract_months(p->season, number_of(t, c->contract_until, r));
  p->minutes_share = number_of(t, c->minutes, r);
  for (size_t k = 0; k < x->nterm_cols; k++) p->column[k] = number_of(t, x->term_cols[k], r);
  if (x->history) p->last_fee = sl_fees_history_last(x->history, p->name, p->age, p->season, &p->last_fee_season);
}
