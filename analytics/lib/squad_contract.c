/* squad_contract.c - the contract and age component: years left on the contract (from an
 * optional contracts table joined by name, and club where the table has one) and the player's
 * place on the age curve. Constants and their reasons: docs/squad.md. */
#include "squad_impl.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scoutlab/names.h"
#include "scoutlab/parse.h"

/* Outfield peak years: published age curves put the peak of outfield players in the mid-to-late
 * twenties; the window is kept wide because the curves are flat there. */
#define SL_SQUAD_PEAK_FROM 24.0
#define SL_SQUAD_PEAK_TO 29.0
/* Ages at which the score reaches zero: youth-team age, and the age at which almost every
 * outfield player has retired from Big-5 football. */
#define SL_SQUAD_AGE_ZERO_YOUNG 17.0
#define SL_SQUAD_AGE_ZERO_OLD 36.0
/* Goalkeepers mature and decline later: the whole curve is shifted by two years. */
#define SL_SQUAD_GK_AGE_SHIFT 2.0
/* FIFA's transfer regulations (RSTP art. 18.2) cap a contract at five years: five years left is full control. */
#define SL_SQUAD_CONTRACT_FULL_YEARS 5.0
/* Contracts and seasons end on 30 June. */
#define SL_SQUAD_SEASON_END_MONTH 6
#define SL_SQUAD_SEASON_END_DAY 30
#define SL_SQUAD_DAYS_PER_YEAR 365.25
/* A contract column holding plain numbers in this range is a year of expiry ("2027"). */
#define SL_SQUAD_YEAR_MIN 1990.0
#define SL_SQUAD_YEAR_MAX 2100.0
/* The two halves weigh the same: neither is better measured than the other. */
#define SL_SQUAD_CA_W_CONTRACT 0.5
#define SL_SQUAD_CA_W_AGE 0.5

double sl_squad_age_score_(double age, int goalkeeper) {
  if (isnan(age)) return NAN;
  double shift = goalkeeper ? SL_SQUAD_GK_AGE_SHIFT : 0;
  double a = age - shift;
  if (a >= SL_SQUAD_PEAK_FROM && a <= SL_SQUAD_PEAK_TO) return 100.0;
  if (a < SL_SQUAD_PEAK_FROM) {
    if (a <= SL_SQUAD_AGE_ZERO_YOUNG) return 0.0;
    return 100.0 * (a - SL_SQUAD_AGE_ZERO_YOUNG) / (SL_SQUAD_PEAK_FROM - SL_SQUAD_AGE_ZERO_YOUNG);
  }
  if (a >= SL_SQUAD_AGE_ZERO_OLD) return 0.0;
  return 100.0 * (SL_SQUAD_AGE_ZERO_OLD - a) / (SL_SQUAD_AGE_ZERO_OLD - SL_SQUAD_PEAK_TO);
}

typedef struct contract_row {
  char *name;   /* normalised */
  char *club;   /* normalised, NULL when the table has no club */
  double until; /* days since 1970-01-01; NAN when the cell is not a date (bad_text) */
  const char *bad_text; /* the cell as written when it is no date ("31/02/2025"), borrowed */
  long line;    /* source line, for the note */
} contract_row;

static int cmp_row(const void *a, const void *b) {
  return strcmp(((const contract_row *)a)->name, ((const contract_row *)b)->name);
}

static double expiry(const sl_table *t, const sl_column *col, size_t r) {
  double v;
  if (col->type == SL_TYPE_DATE) return col->num[r];
  if (col->type == SL_TYPE_TEXT) {
    const char *text = col->text[r];
    if (text && sl_parse_date(text, &v)) return v;
  }
  if (sl_table_number(t, col, r, &v) == 1 && v >= SL_SQUAD_YEAR_MIN && v <= SL_SQUAD_YEAR_MAX && v == floor(v))
    return sl_date_from_ymd((int)v, SL_SQUAD_SEASON_END_MONTH, SL_SQUAD_SEASON_END_DAY);
  return NAN;
}

static void free_rows(contract_row *rows, size_t n) {
  for (size_t k = 0; k < n; k++) free(rows[k].name), free(rows[k].club);
  free(rows);
}

static int read_contracts(const sl_table *t, contract_row **out, size_t *nout, sl_error *err) {
  const sl_column *name = sl_table_role(t, SL_ROLE_PLAYER), *until = sl_table_role(t, SL_ROLE_CONTRACT_UNTIL);
  const sl_column *club = sl_table_role(t, SL_ROLE_CLUB);
  *out = NULL, *nout = 0;
  if (!name || name->type != SL_TYPE_TEXT || !until)
    return sl_error_set(err, SL_ENOTFOUND, t->nfiles ? t->files[0] : NULL, 1, 0,
                        "contracts file needs a player name column and contract_until (or "
                        "contract_expiration_date): a date or a year");
  contract_row *rows = calloc(t->nrows ? t->nrows : 1, sizeof *rows);
  if (!rows) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory reading contracts");
  size_t n = 0;
  for (size_t r = 0; r < t->nrows; r++) {
    double d = expiry(t, until, r);
    /* A date that cannot exist is reported for his entry, not taken for "no contract known". */
    const char *bad = isnan(d) && until->type == SL_TYPE_TEXT ? until->text[r] : NULL;
    if (!name->text[r] || (isnan(d) && !bad)) continue;
    rows[n].until = d;
    rows[n].bad_text = bad;
    rows[n].line = t->row_line ? t->row_line[r] : 0;
    rows[n].name = sl_name_normalise(name->text[r]);
    const char *c = club && club->type == SL_TYPE_TEXT ? club->text[r] : NULL;
    rows[n].club = c ? sl_name_normalise(c) : NULL;
    if (!rows[n].name) {
      free(rows[n].club);
      continue;
    }
    n++;
  }
  qsort(rows, n, sizeof *rows, cmp_row);
  *out = rows, *nout = n;
  return SL_OK;
}

typedef enum contract_match {
  CONTRACT_FOUND, CONTRACT_NONE, CONTRACT_AMBIGUOUS, CONTRACT_OTHER_CLUB, CONTRACT_BAD_DATE
} contract_match;

/* The contract of an entry: the rows with his name, narrowed to his club when the table names
 * clubs. A row naming only other clubs is not his contract with this club (he left it); rows that
 * disagree are two players of one name: no guess. */
static contract_match find_contract(const contract_row *rows, size_t n, const char *name, const char *club_norm,
                                    double *until, const contract_row **bad) {
  contract_row key = {(char *)name, NULL, 0, NULL, 0};
  const contract_row *hit = bsearch(&key, rows, n, sizeof *rows, cmp_row);
  *until = NAN;
  if (!hit) return CONTRACT_NONE;
  size_t lo = (size_t)(hit - rows), hi = lo;
  while (lo > 0 && strcmp(rows[lo - 1].name, name) == 0) lo--;
  while (hi + 1 < n && strcmp(rows[hi + 1].name, name) == 0) hi++;
  int any_club = 0, any_match = 0;
  for (size_t k = lo; k <= hi; k++) {
    any_club |= rows[k].club != NULL;
    any_match |= rows[k].club && club_norm && sl_name_match_score(rows[k].club, club_norm) >= 2;
  }
  if (any_club && !any_match) return CONTRACT_OTHER_CLUB;
  for (size_t k = lo; k <= hi; k++) {
    if (any_match && !(rows[k].club && sl_name_match_score(rows[k].club, club_norm) >= 2)) continue;
    if (rows[k].bad_text) return *bad = &rows[k], *until = NAN, CONTRACT_BAD_DATE;
    if (!isnan(*until) && *until != rows[k].until) return *until = NAN, CONTRACT_AMBIGUOUS;
    *until = rows[k].until;
  }
  return CONTRACT_FOUND;
}

static void score_entry(sl_squad *s, size_t i, const contract_row *rows, size_t nrows, double season_end) {
  sl_squad_entry *e = &s->e[i];
  const sl_player *p = sl_compare_player(s->index, i);
  e->age_score = sl_squad_age_score_(e->age, p->group == SL_GROUP_GOALKEEPER);
  char *text = e->note[SL_SQUAD_CONTRACT_AGE];
  size_t size = sizeof e->note[SL_SQUAD_CONTRACT_AGE];
  if (isnan(e->age_score)) snprintf(text, size, "no age");
  if (rows && !isnan(season_end)) {
    static const char *const why[] = {"", "not in the contracts file",
                                      "contracts file: several players of this name, other dates",
                                      "contracts file lists him at another club"};
    double until;
    const contract_row *bad = NULL;
    contract_match m = find_contract(rows, nrows, p->name_norm, s->club_norm[e->club], &until, &bad);
    if (m == CONTRACT_FOUND) {
      double years = (until - season_end) / SL_SQUAD_DAYS_PER_YEAR;
      e->contract_until = until;
      e->years_left = years > 0 ? years : 0;
      e->contract_score = 100.0 * fmin(e->years_left, SL_SQUAD_CONTRACT_FULL_YEARS) / SL_SQUAD_CONTRACT_FULL_YEARS;
      s->rep.contracts_matched++;
    } else if (m == CONTRACT_BAD_DATE) {
      size_t len = strlen(text);
      snprintf(text + len, size - len, "%scontracts file line %ld: contract_until '%s' is not a date (expected e.g. 2027-06-30 or 2027)",
               len ? "; " : "", bad->line, bad->bad_text);
    } else {
      size_t len = strlen(text);
      snprintf(text + len, size - len, "%s%s", len ? "; " : "", why[m]);
    }
  } else {
    size_t len = strlen(text);
    snprintf(text + len, size - len, "%s%s", len ? "; " : "",
             rows ? "no season given to count contract years from" : "no contracts file");
  }
  double parts[] = {e->contract_score, e->age_score};
  static const double w[] = {SL_SQUAD_CA_W_CONTRACT, SL_SQUAD_CA_W_AGE};
  double sum = 0, wsum = 0;
  for (int k = 0; k < 2; k++)
    if (!isnan(parts[k])) sum += w[k] * parts[k], wsum += w[k];
  e->score[SL_SQUAD_CONTRACT_AGE] = wsum > 0 ? sum / wsum : NAN;
}

int sl_squad_contract_age_(sl_squad *s, sl_error *err) {
  contract_row *rows = NULL;
  size_t nrows = 0;
  if (s->opt.contracts) {
    int st = read_contracts(s->opt.contracts, &rows, &nrows, err);
    if (st) return st;
  }
  double season_end = s->opt.season > 0 ? sl_date_from_ymd(s->opt.season + 1, SL_SQUAD_SEASON_END_MONTH,
                                                             SL_SQUAD_SEASON_END_DAY)
                                        : NAN;
  if (!s->opt.contracts)
    snprintf(s->rep.notes[2], sizeof s->rep.notes[2], "contract_age: contract part left out (no contracts file): age only");
  else if (isnan(season_end))
    snprintf(s->rep.notes[2], sizeof s->rep.notes[2], "contract_age: contract part left out (no season given): age only");
  for (size_t i = 0; i < s->n; i++) score_entry(s, i, s->opt.contracts ? rows : NULL, nrows, season_end);
  /* rows may be NULL with a contracts table of no usable row: still "given", nothing matches. */
  free_rows(rows, nrows);
  return SL_OK;
}
