/* fees_player.c - a player record from a table row, and what-if changes to it. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fees_internal.h"

/** A contract "until YEAR" runs to the end of that season: 30 June. */
#define CONTRACT_END_MONTH 6
#define CONTRACT_END_DAY 30

/* A season is a first year a model can mean; anything else (1e86 from a damaged what-if) is
 * unknown, and casting it to int would be undefined (found by fuzz_options). */
#define SEASON_FIRST 1800
#define SEASON_LAST 2200

static int season_ok(double s) { return s >= SEASON_FIRST && s <= SEASON_LAST && s == floor(s); }

void sl_fees_player_from_row(const sl_table *t, size_t row, sl_fees_player *p) {
  sl_fees_model_player_from_row(NULL, t, row, p);
}

int sl_fees_row_reader_new(const sl_fees_model *m, const sl_table *t, sl_fees_rows **out, sl_error *err) {
  /* Only the model's column terms: its club index is for rows without a league, which this
   * reader has never used (kept as sl_fees_player_from_row has always read them). The reader
   * borrows the model only while it is built, so a copy on the stack will do. */
  sl_fees_model cols = {0};
  if (m) memcpy(cols.column_names, m->column_names, sizeof cols.column_names), cols.ncolumns = m->ncolumns;
  return sl_fees_rows_new(t, NULL, m ? &cols : NULL, out, err);
}

void sl_fees_row_player(const sl_fees_rows *rows, size_t row, sl_fees_player *p) {
  sl_fees_player_init(p);
  sl_fees_rows_player(rows, row, p);
  /* "outside: Spain" lives in the reader's pool; every other label is the table's own. A
   * valuation takes an unknown side as a typical one (NULL). */
  const char **labels[] = {&p->league, &p->buyer_league};
  for (int k = 0; k < 2; k++)
    if (*labels[k] && (strncmp(*labels[k], SL_FEES_OUTSIDE_PREFIX, strlen(SL_FEES_OUTSIDE_PREFIX)) == 0 ||
                       strcmp(*labels[k], SL_FEES_LEVEL_UNKNOWN) == 0))
      *labels[k] = NULL;
}

void sl_fees_model_player_from_row(const sl_fees_model *m, const sl_table *t, size_t row, sl_fees_player *p) {
  sl_fees_player_init(p);
  if (!t || row >= t->nrows) return;
  sl_fees_rows *rows = NULL;
  sl_error err;
  if (sl_fees_row_reader_new(m, t, &rows, &err)) return;
  sl_fees_row_player(rows, row, p);
  sl_fees_rows_free(rows);
}

/* "+1" / "-2" change v; a plain number replaces it. */
static int relative(const char *s, double *v) {
  double x;
  if (!sl_parse_number(s, SL_DECIMAL_POINT, &x)) return 0;
  if (s[0] == '+' || s[0] == '-') *v += x;
  else *v = x;
  return 1;
}

static int contract_until(sl_fees_player *p, const char *s, sl_error *err) {
  double days, year;
  if (!p->season)
    return sl_error_field(err, "season", sl_error_set(err, SL_EDATA, NULL, 0, 0,
                                                      "a contract end date needs the season of the valuation"));
  if (sl_parse_number(s, SL_DECIMAL_POINT, &year) && year == floor(year) && year > 1900 && year < 2200)
    days = sl_date_from_ymd((int)year, CONTRACT_END_MONTH, CONTRACT_END_DAY);
  else if (!sl_parse_date(s, &days))
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "contract-until '%s' is not a year or a date (e.g. 2027, 2027-06-30)", s);
  p->contract_months = sl_fees_contract_months(p->season, days);
  return SL_OK;
}

/* "buyer-club=NAME": the model's level of the club and its league in the training deals as the
 * buying league; a club the training deals never name is refused (a what-if is a question about
 * a known buyer, and a misspelling must not pass as the pooled level). */
static int buyer_club(const sl_fees_model *m, sl_fees_player *p, const char *what, const char *club, sl_error *err) {
  int pooled = 0;
  const char *level = sl_fees_club_level(m, club, &pooled);
  const char *league = sl_fees_club_league(m, level ? level : club);
  if (!league)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0,
                        "what-if '%s': %s is not among the model's training clubs (check the spelling)", what, club);
  p->buyer_club = level ? level : club;
  p->buyer_league = league;
  return SL_OK;
}

int sl_fees_last_fee_parse(const char *text, double *eur) {
  double v;
  if (text && strcmp(text, "none") == 0) return *eur = 0, SL_OK;
  if (!text || !sl_parse_euros(text, SL_DECIMAL_POINT, &v) || !(v > 0)) return SL_EINVAL;
  return *eur = v, SL_OK;
}

int sl_fees_model_apply(const sl_fees_model *m, sl_fees_player *p, const char *what, sl_error *err) {
  static const char key[] = "buyer-club=";
  if (m && p && what && strncmp(what, key, sizeof key - 1) == 0 && what[sizeof key - 1])
    return buyer_club(m, p, what, what + sizeof key - 1, err);
  return sl_fees_player_apply(p, what, err);
}

int sl_fees_player_apply(sl_fees_player *p, const char *what, sl_error *err) {
  const char *eq = what ? strchr(what, '=') : NULL;
  if (!p || !eq || !eq[1])
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0,
                        "what-if '%s' is not NAME=VALUE (e.g. age=+1, contract-until=2027, market-value=15m)",
                        what ? what : "");
  size_t klen = (size_t)(eq - what);
  const char *v = eq + 1;
  double season = p->season;
#define KEY(s) (klen == strlen(s) && strncmp(what, s, klen) == 0)
  if (KEY("age") && relative(v, &p->age)) return SL_OK;
  if (KEY("season") && relative(v, &season)) {
    if (!season_ok(season))
      return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "what-if '%s' gives season %g: expected a year %d-%d", what,
                          season, SEASON_FIRST, SEASON_LAST);
    return p->season = (int)season, SL_OK;
  }
  if (KEY("contract-until")) return contract_until(p, v, err);
  if (KEY("contract-months") && relative(v, &p->contract_months)) return SL_OK;
  if (KEY("minutes-share") && relative(v, &p->minutes_share)) return SL_OK;
  double eur;
  /* a value asked about is a current one, whatever season the data's was of */
  if (KEY("market-value") && sl_parse_euros(v, SL_DECIMAL_POINT, &eur))
    return p->market_value = eur, p->market_value_season = 0, SL_OK;
  sl_money other;
  if (KEY("market-value") && sl_parse_money(v, SL_DECIMAL_POINT, &other))
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0,
                        "what-if '%s': the amount is in %s; amounts are in euros (no exchange rate is guessed)", what,
                        other.currency);
  /* a what-if fee has no season: the looked-up one's would date it wrongly */
  if (KEY("last-fee") && sl_fees_last_fee_parse(v, &eur) == SL_OK) return p->last_fee = eur, p->last_fee_season = 0, SL_OK;
  if (KEY("league")) return p->league = v, SL_OK;
  if (KEY("buyer-league")) return p->buyer_league = v, SL_OK;
  if (KEY("position") && sl_fees_position_group(v) >= 0)
    return p->group = sl_fees_position_group(v), p->line_groups = 0, SL_OK;
  if (KEY("position") && sl_fees_position_line(v)) return p->group = -1, p->line_groups = sl_fees_position_line(v), SL_OK;
  if (KEY("buyer-club"))
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0,
                        "what-if '%s': a buying club is resolved by the model (sl_fees_model_apply)", what);
#undef KEY
  return sl_error_set(err, SL_EINVAL, NULL, 0, 0,
                      "what-if '%s' not understood: use age=+1|27, season=+1|2026, contract-until=2027|DATE, "
                      "contract-months=12, minutes-share=0.8, market-value=15m, last-fee=10m|none, league=NAME, "
                      "buyer-league=NAME, buyer-club=NAME, position=CB",
                      what);
}
