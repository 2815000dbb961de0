/* test_fees.c - the fee model's number paths, row selection, save/load, what-ifs, on small
 * hand-made fixtures in tests/data/fees/ with hand-calculated expectations.
 *
 * tiny.csv: twelve DM/CM deals, four at each of ages 20, 25, 30, with log fees
 * ln(2e6), ln(4e6), ln(3e6) +- ln(1.5) (each sign twice). The model is then
 * log(fee) = b0 + b1 age + b2 age², and with three ages a quadratic passes through the three
 * group means exactly, so by hand:
 *   fitted at 25 = ln(4e6);   residuals +-d, d = ln 1.5;   RSS = 12 d², df = 9, sigma² = 4d²/3;
 *   se_fit²(25) = sigma²/4 (the mean of four deals), se_pred = sigma sqrt(5/4) = d sqrt(5/3);
 *   smearing = mean(exp(+-d)) = cosh d = (1.5 + 1/1.5)/2 = 13/12;
 *   b2 = (l20 - 2 l25 + l30)/(2·5²) = ln(0.375)/50; typical deal = column means
 *   (age 25, age² 641.67), so age's contribution at 25 = (625 - 641.67) b2 = -ln(0.375)/3
 *   and the typical median fee = 4e6 · 0.375^(1/3).
 * t quantiles and tail probabilities from R 4 (qt(0.9, 9), pt(sqrt(3/5), 9, lower = FALSE)):
 *   Rscript -e 'options(digits=17); d=log(1.5); s=d*sqrt(5/3); t=qt(0.9,9);
 *               c(4e6*exp(-t*s), 4e6*exp(t*s), pt(sqrt(3/5),9,lower.tail=FALSE))' */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "scoutlab/fees.h"
#include "scoutlab/money.h"

#define TINY SL_TEST_DATA "/fees/tiny.csv"
#define SELECTION SL_TEST_DATA "/fees/selection.csv"

static sl_fees_model *fit_tiny(void) {
  const char *paths[] = {TINY};
  sl_fees_options o = {0};
  o.folds = 1;
  sl_fees_model *m = NULL;
  sl_fees_report *r = NULL;
  sl_error err;
  int st = sl_fees_fit_files(paths, 1, &o, &m, &r, &err);
  INT_EQ(st, SL_OK, "fit tiny: %s", err.message);
  free(r);
  return m;
}

static void test_smearing_and_conformal(void) {
  double res[] = {0, log(2.0), -log(2.0)};
  SL_CHECK_REL(sl_fees_smearing(res, 3), 3.5 / 3, 1e-15, "smearing (1 + 2 + 0.5)/3");
}

static void test_tiny_numbers(void) {
  sl_fees_model *m = fit_tiny();
  if (!m) return;
  INT_EQ(m->nterms, 2, "terms: age and position (no other columns)");
  INT_EQ(m->p, 3, "columns: intercept, age, age² (position has one level)");
  INT_EQ(m->interval, SL_FEES_INTERVAL_T, "12 deals: too few to calibrate, t-interval");
  SL_CHECK_REL(m->smearing, 13.0 / 12, 1e-12, "smearing = cosh(ln 1.5)");
  SL_CHECK_REL(m->ols->sigma, log(1.5) * sqrt(4.0 / 3), 1e-10, "sigma");

  sl_fees_player p;
  sl_fees_player_init(&p);
  p.age = 25, p.group = SL_FEES_CM, p.season = 2020;
  sl_fees_valuation v;
  sl_error err;
  INT_EQ(sl_fees_value(m, &p, 0.8, 6e6, &v, &err), SL_OK, "value: %s", err.message);
  SL_CHECK_REL(v.fair_fee, 4e6, 1e-10, "median = exp(ln 4e6)");
  SL_CHECK_REL(v.fee_mean, 4e6 * 13.0 / 12, 1e-10, "expected = median x smearing");
  SL_CHECK_REL(v.se_prediction, log(1.5) * sqrt(5.0 / 3), 1e-10, "se_pred = d sqrt(5/3)");
  SL_CHECK_REL(v.fee_low, 1.9393319093964333e+06, 1e-9, "80%% low (R)");
  SL_CHECK_REL(v.fee_high, 8.2502638782340176e+06, 1e-9, "80%% high (R)");
  SL_CHECK_REL(v.p_at_least_bid, 2.2922182694989385e-01, 1e-9, "P(fee >= 6m) = pt(sqrt(3/5), 9, upper)");
  SL_CHECK_REL(v.typical_fee, 2.8844991406148165e+06, 1e-9, "typical median 4e6 * 0.375^(1/3)");
  INT_EQ(v.ncontrib, 2, "one contribution per term");
  SL_CHECK_REL(v.contrib[0].log_effect, -log(0.375) / 3, 1e-9, "age contribution -ln(0.375)/3");
  SL_CHECK_REL(v.contrib[1].log_effect, 0, 1e-12, "position: one level, no effect");
  SL_CHECK_REL(v.contrib[0].log_effect + v.contrib[1].log_effect, v.log_fee - v.typical_log_fee, 1e-12,
               "contributions sum to log prediction - typical");
  SL_CHECK_REL(v.contrib[0].eur, v.typical_fee * expm1(-log(0.375) / 3), 1e-9, "EUR of age");
  /* The same bid at the median: P = 1/2 exactly (t is symmetric). */
  INT_EQ(sl_fees_value(m, &p, 0.8, 4e6, &v, &err), SL_OK, "value at median");
  SL_CHECK_REL(v.p_at_least_bid, 0.5, 1e-9, "P(fee >= median) = 0.5");
  /* Unknown age is an error naming the attribute (field "age"), never a command-line flag. */
  p.age = NAN;
  INT_EQ(sl_fees_value(m, &p, 0.8, NAN, &v, &err), SL_EDATA, "unknown age refused");
  STR_EQ(err.field, "age", "the error names the missing attribute");
  OK(strstr(err.message, "--") == NULL, "the library names no flag: %s", err.message);
  sl_fees_model_free(m);
}

static void test_prob_conformal(void) {
  sl_fees_model m;
  memset(&m, 0, sizeof m);
  double cal[] = {-0.2, -0.1, 0, 0.1, 0.2};
  m.calibration = cal, m.ncal = 5, m.interval = SL_FEES_INTERVAL_CONFORMAL;
  /* The CDF runs linearly through (r_i, (i - 1/2)/5). gap = ln(11/10) = 0.0953 lies between
   * r_3 = 0 and r_4 = 0.1: F = (2.5 + 0.0953/0.1)/5 = 0.69062, P = 0.30938 (by hand). */
  SL_CHECK_REL(sl_fees_prob_at_least(&m, log(10e6), 1, 11e6), 1 - (2.5 + log(1.1) / 0.1) / 5, 1e-12,
               "interpolated P");
  /* At the median residual (0) P is 1/2 exactly: the fair fee is the distribution's median. */
  SL_CHECK_REL(sl_fees_prob_at_least(&m, log(10e6), 1, 10e6), 0.5, 1e-15, "P(fee >= median) = 1/2");
  SL_CHECK_REL(sl_fees_prob_at_least(&m, log(10e6), 1, 10e6 * exp(0.25)), 0, 0, "beyond the largest: 0");
  SL_CHECK_REL(sl_fees_prob_at_least(&m, log(10e6), 1, 10e6 * exp(-0.25)), 1, 0, "below the smallest: 1");
  OK(isnan(sl_fees_prob_at_least(&m, log(10e6), 1, NAN)), "no bid: NAN");
}

/* One verdict for every command (issue 15): the kind follows the bid against median and range. */
static void test_verdict(void) {
  sl_fees_valuation v;
  memset(&v, 0, sizeof v);
  v.fair_fee = 20e6, v.fee_low = 12e6, v.fee_high = 34e6, v.level = 0.8;
  char text[SL_FEES_VERDICT_MAX];
  v.bid = NAN;
  INT_EQ(sl_fees_verdict(&v, text, sizeof text), SL_FEES_VERDICT_NONE, "no bid");
  v.bid = 25e6, v.p_at_least_bid = 0.3;
  INT_EQ(sl_fees_verdict(&v, text, sizeof text), SL_FEES_VERDICT_PREMIUM, "inside, above the median");
  STR_EQ(text, "\xe2\x82\xac" "25m is inside the model's 80% range (\xe2\x82\xac" "12m to \xe2\x82\xac" "34m) but above its "
         "median of \xe2\x82\xac" "20m: the probability that the fair fee reaches it is 30%, about 1 in 3. Realistic, at a premium.",
         "premium text");
  v.bid = 40e6, v.p_at_least_bid = 0.05;
  INT_EQ(sl_fees_verdict(&v, text, sizeof text), SL_FEES_VERDICT_ABOVE, "above the range");
  OK(strstr(text, "reaches it is 5.0%, about 1 in 20. On this evidence") != NULL, "odds: %s", text);
  v.bid = 20e6, v.p_at_least_bid = 0.5;
  INT_EQ(sl_fees_verdict(&v, text, sizeof text), SL_FEES_VERDICT_REALISTIC, "at the median");
  OK(strstr(text, "is at the model's median") != NULL, "at: %s", text);
  /* 25 for 25m: said in the sentence, and no "€0k" for an amount under a thousand. */
  v.bid = 25, v.p_at_least_bid = 1;
  INT_EQ(sl_fees_verdict(&v, text, sizeof text), SL_FEES_VERDICT_REALISTIC, "a bid of 25 euros");
  OK(strncmp(text, "\xe2\x82\xac" "25 (in euros: did you mean \xe2\x82\xac" "25m?) is below the whole range", 60) == 0,
     "25: %s", text);
  v.bid = 400;
  sl_fees_verdict(&v, text, sizeof text);
  OK(strncmp(text, "\xe2\x82\xac" "400 (in euros: did you mean \xe2\x82\xac" "400m?)", 40) == 0, "400: %s", text);
  v.bid = 50e3;
  sl_fees_verdict(&v, text, sizeof text);
  OK(strncmp(text, "\xe2\x82\xac" "50k is below", 14) == 0, "a real small bid is not questioned: %s", text);
  char m[SL_MONEY_TEXT_MAX];
  STR_EQ(sl_money_short(400, m, sizeof m), "\xe2\x82\xac" "400", "money under a thousand in full");
  STR_EQ(sl_money_short(0, m, sizeof m), "\xe2\x82\xac" "0", "zero");
  STR_EQ(sl_money_short(750e3, m, sizeof m), "\xe2\x82\xac" "750k", "thousands");
}

static void test_positions(void) {
  INT_EQ(sl_fees_position_group("CB"), SL_FEES_CB, "CB");
  INT_EQ(sl_fees_position_group("Sweeper"), SL_FEES_CB, "sweeper is a centre-back");
  INT_EQ(sl_fees_position_group("Left-Back"), SL_FEES_FB, "left-back");
  INT_EQ(sl_fees_position_group("dm"), SL_FEES_CM, "DM");
  INT_EQ(sl_fees_position_group("RM"), SL_FEES_AMW, "wide midfield with the wingers");
  INT_EQ(sl_fees_position_group("Second Striker"), SL_FEES_CF, "second striker");
  INT_EQ(sl_fees_position_group(" AM/W "), SL_FEES_AMW, "group label");
  INT_EQ(sl_fees_position_group("Defensa"), -1, "Spanish line only");
  INT_EQ(sl_fees_position_group("DF,MF"), -1, "FBref two lines");
  INT_EQ(sl_fees_position_group("attack"), -1, "TM line only");
  INT_EQ(sl_fees_position_group("libero?"), -2, "unknown");
  STR_EQ(sl_fees_group_name(SL_FEES_CM), "DM/CM", "group name");
}

static void test_selection(void) {
  const char *paths[] = {SELECTION};
  sl_table *t = NULL;
  sl_error err;
  INT_EQ(sl_table_load_many(paths, 1, NULL, &t, &err), SL_OK, "load selection: %s", err.message);
  if (!t) return;
  size_t skipped_before = t->nskipped;
  sl_fees_options o = {0};
  o.since = 2000;
  sl_fees_deals *d = NULL;
  INT_EQ(sl_fees_deals_from_table(t, &o, &d, &err), SL_OK, "select: %s", err.message);
  if (d) {
    INT_EQ(d->rows_read, 11, "rows read");
    static const size_t want[SL_FEES_REASON_COUNT] = {3, 1, 1, 1, 1, 0, 1, 1, 1, 1};
    size_t sum = 0;
    for (int r = 0; r < SL_FEES_REASON_COUNT; r++) {
      INT_EQ(d->count[r], want[r], "count of '%s'", sl_fees_reason_text((sl_fees_reason)r));
      sum += d->count[r];
    }
    INT_EQ(sum, d->rows_read, "read = used + skipped by reason");
    INT_EQ(t->nskipped - skipped_before, 8, "dropped rows recorded in the table's skipped report");
    INT_EQ(d->out_rows_kept, 1, "one out row kept (buyer outside)");
    INT_EQ(d->n, 3, "three deals");
    if (d->n == 3) {
      STR_EQ(d->deal[0].player.name, "Ana Alpha", "first deal");
      STR_EQ(d->deal[0].player.league, "League One", "seller league from the paired out row");
      STR_EQ(d->deal[0].player.buyer_league, "League Two", "buyer league from the in row");
      STR_EQ(d->deal[0].buyer, "Club B", "buyer club");
      STR_EQ(d->deal[0].player.club, "Club A", "seller club");
      STR_EQ(d->deal[1].player.buyer_league, "outside: Turkey", "out row: buyer by country");
      STR_EQ(d->deal[1].player.league, "League One", "out row: seller league");
      OK(d->deal[1].from_out_row, "flagged as out row");
      STR_EQ(d->deal[2].player.league, "outside: Brazil", "unpaired in row: seller by country");
      INT_EQ(d->deal[2].player.group, SL_FEES_AMW, "AM -> AM/W");
    }
  }
  sl_fees_deals_free(d);
  /* Without market value the Ivo Iota row is used. */
  o.no_market_value = 1;
  INT_EQ(sl_fees_deals_from_table(t, &o, &d, &err), SL_OK, "select without market value");
  if (d) INT_EQ(d->n, 4, "four deals without the market value requirement");
  sl_fees_deals_free(d);
  sl_table_free(t);
}

/* Issue 15: one reader for every command. predict read a row's league as the seller's; fit
 * learned it as the buyer's (in rows) with the seller's from the out row. */
static void test_rows_reader(void) {
  const char *paths[] = {SELECTION};
  sl_table *t = NULL;
  sl_error err;
  INT_EQ(sl_table_load_many(paths, 1, NULL, &t, &err), SL_OK, "load selection: %s", err.message);
  if (!t) return;
  sl_fees_rows *rows = NULL;
  INT_EQ(sl_fees_rows_new(t, NULL, NULL, &rows, &err), SL_OK, "reader: %s", err.message);
  sl_fees_player p;
  sl_fees_rows_player(rows, 0, &p); /* Club B buys Ana Alpha from Club A */
  STR_EQ(p.buyer_league, "League Two", "in row: the row's league is the buyer's");
  STR_EQ(p.league, "League One", "in row: the seller's league from the out row");
  STR_EQ(p.club, "Club A", "seller club");
  STR_EQ(p.buyer_club, "Club B", "buyer club");
  INT_EQ(sl_fees_rows_reason(rows, 1), SL_FEES_SKIP_DUPLICATE, "the out row is the move's second listing");
  sl_fees_rows_player(rows, 1, &p);
  STR_EQ(p.buyer_league, "League Two", "out row: the buyer's league from the in row");
  STR_EQ(p.league, "League One", "out row: the row's league is the seller's");
  sl_fees_rows_player(rows, 2, &p);
  STR_EQ(p.buyer_league, "outside: Turkey", "unpaired out row: the buyer by country");
  sl_fees_rows_free(rows);
  sl_table_free(t);
}

/* Text rows: a league column named league_name, seasons as text, a move listed twice by the
 * buyer (two windows), and a row given twice. */
static void test_rows_text_forms(void) {
  static const char csv[] =
      "club,name,age,short_pos,market_value,dealing_club,dealing_country,fee,movement,window,league_name,season,is_loan\n"
      "Club B,Ana,24,CB,5000000,Club A,Spain,8000000,in,summer,League Two,2010/2011,False\n"
      "Club B,Ana,24,CB,5000000,Club A,Spain,8010000,in,winter,League Two,2010/11,False\n"
      "Club A,Ana,24,CB,5000000,Club B,England,8000000,out,summer,League One,10/11,False\n"
      "Club B,Bo,25,CF,1000000,Club C,Spain,2000000,in,summer,League Two,2011-12,False\n"
      "Club B,Bo,25,CF,1000000,Club C,Spain,2000000,in,summer,League Two,2011-12,False\n";
  char path[] = "/tmp/test_fees_rows_XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return;
  OK(write(fd, csv, sizeof csv - 1) == (ssize_t)(sizeof csv - 1), "write fixture");
  close(fd);
  const char *paths[] = {path};
  sl_table *t = NULL;
  sl_error err;
  INT_EQ(sl_table_load_many(paths, 1, NULL, &t, &err), SL_OK, "load: %s", err.message);
  sl_fees_rows *rows = NULL;
  if (t) INT_EQ(sl_fees_rows_new(t, NULL, NULL, &rows, &err), SL_OK, "reader: %s", err.message);
  if (rows) {
    sl_fees_player p;
    sl_fees_rows_player(rows, 0, &p);
    INT_EQ(p.season, 2010, "season 2010/2011");
    STR_EQ(p.buyer_league, "League Two", "league_name is the league column");
    STR_EQ(p.league, "League One", "seller's league from the out row (season 10/11)");
    INT_EQ(sl_fees_rows_reason(rows, 0), SL_FEES_USED, "the first listing is used");
    INT_EQ(sl_fees_rows_reason(rows, 1), SL_FEES_SKIP_RELISTED, "the winter relisting (fee within rounding)");
    INT_EQ(sl_fees_rows_reason(rows, 2), SL_FEES_SKIP_DUPLICATE, "the seller's listing");
    INT_EQ(sl_fees_rows_reason(rows, 3), SL_FEES_USED, "Bo's move");
    INT_EQ(sl_fees_rows_reason(rows, 4), SL_FEES_SKIP_REPEATED_ROW, "Bo's row given twice");
  }
  sl_fees_rows_free(rows);
  sl_table_free(t);
  remove(path);
}

/* Writes csv to a temporary file and loads it; the caller removes path. */
static sl_table *load_text(const char *csv, char *path) {
  int fd = mkstemp(path);
  if (fd < 0) return NULL;
  size_t n = strlen(csv);
  OK(write(fd, csv, n) == (ssize_t)n, "write fixture");
  close(fd);
  const char *paths[] = {path};
  sl_table *t = NULL;
  sl_error err;
  INT_EQ(sl_table_load_many(paths, 1, NULL, &t, &err), SL_OK, "load: %s", err.message);
  return t;
}

/* The ewenme/transfers layout (club_name, player_name, club_involved_name, transfer_movement,
 * transfer_period, fee in words or in pounds, league_name, season 2021/2022): its movement and
 * other club are read, a fee in words is a loan or a free transfer, and an amount in pounds is
 * never read as euros: left out with its reason, or converted at the rate given. */
static void test_rows_ewenme_layout(void) {
  static const char csv[] =
      "club_name,player_name,age,position,club_involved_name,fee,transfer_movement,transfer_period,fee_cleaned,"
      "league_name,year,season\n"
      "Olympique Marseille,Leonardo Balerdi,22,Centre-Back,Bor. Dortmund,\xc2\xa3" "9.90m,in,Summer,9.9,Ligue 1,2021,"
      "2021/2022\n"
      "LOSC Lille,Boubakary Soumar\xc3\xa9,22,Defensive Midfield,Leicester,\xc2\xa3" "18.00m,out,Summer,18,Ligue 1,"
      "2021,2021/2022\n"
      "Paris Saint-Germain,Alphonse Areola,28,Goalkeeper,West Ham,Loan fee:\xc2\xa3" "1.80m,out,Summer,1.8,Ligue 1,"
      "2021,2021/2022\n"
      "Olympique Marseille,Pol Lirola,24,Right-Back,Fiorentina,\"End of loanJun 30, 2021\",out,Summer,0,Ligue 1,2021,"
      "2021/2022\n"
      "Paris Saint-Germain,Lionel Messi,34,Right Winger,Barcelona,free transfer,in,Summer,NA,Ligue 1,2021,2021/2022\n"
      "LOSC Lille,Scotty Sadzoute,23,Left-Back,OH Leuven,?,out,Summer,NA,Ligue 1,2021,2021/2022\n"
      "SV Werder Bremen,Andreas Herzog,23,Attacking Midfield,Rapid Vienna,\xe2\x82\xac" "1.50m,in,Summer,1.5,"
      "1 Bundesliga,1992,1992/1993\n"
      "Hamburger SV,Pavel Dotchev,26,Sweeper,CSKA Sofia,n/a fee,in,Summer,0.2,1 Bundesliga,1992,1992/1993\n"
      "Hamburger SV,A,26,Sweeper,B,Leihe,in,Summer,0,1 Bundesliga,1992,1992/1993\n"
      "Hamburger SV,C,26,Sweeper,D,abl\xc3\xb6sefrei,in,Summer,0,1 Bundesliga,1992,1992/1993\n"
      "Hamburger SV,E,26,Sweeper,F,Free,in,Summer,0,1 Bundesliga,1992,1992/1993\n"
      "Hamburger SV,G,26,Sweeper,H,Freeman,in,Summer,0,1 Bundesliga,1992,1992/1993\n";
  char path[] = "/tmp/test_fees_ewenme_XXXXXX";
  sl_table *t = load_text(csv, path);
  sl_fees_rows *rows = NULL, *rated = NULL;
  sl_error err;
  sl_fees_options o = {0};
  o.no_market_value = 1;
  if (t) INT_EQ(sl_fees_rows_new(t, &o, NULL, &rows, &err), SL_OK, "reader: %s", err.message);
  o.rates = "usd=0.9, gbp=1.11"; /* a space after the comma, codes in any case */
  if (t) INT_EQ(sl_fees_rows_new(t, &o, NULL, &rated, &err), SL_OK, "reader with a rate: %s", err.message);
  if (rows && rated) {
    static const sl_fees_reason want[] = {SL_FEES_SKIP_CURRENCY, SL_FEES_SKIP_CURRENCY, SL_FEES_SKIP_LOAN,
                                          SL_FEES_SKIP_LOAN,     SL_FEES_SKIP_FREE,     SL_FEES_SKIP_FEE_UNKNOWN,
                                          SL_FEES_USED,          SL_FEES_SKIP_IMPOSSIBLE, SL_FEES_SKIP_LOAN,
                                          SL_FEES_SKIP_FREE,     SL_FEES_SKIP_FREE,       SL_FEES_SKIP_IMPOSSIBLE};
    for (size_t r = 0; r < sizeof want / sizeof want[0]; r++)
      INT_EQ(sl_fees_rows_reason(rows, r), want[r], "row %zu without a rate", r + 1);
    INT_EQ(sl_fees_rows_reason(rated, 0), SL_FEES_USED, "Balerdi's fee in pounds at the rate given");
    INT_EQ(sl_fees_rows_reason(rated, 1), SL_FEES_USED, "Soumare's, from the seller's out row");
    SL_CHECK_REL(sl_fees_rows_fee(rated, 0), 9.9e6 * 1.11, 1e-12, "GBP 9.90m at 1.11 euros per pound");
    OK(isnan(sl_fees_rows_fee(rows, 0)), "without a rate the fee in pounds is not a number of euros");
    SL_CHECK_REL(sl_fees_rows_fee(rows, 6), 1.5e6, 1e-12, "a fee in euros (EUR 1.50m) is read as is");
    char why[160];
    const char *cur = sl_fees_rows_currency(rows, 0, 1, why, sizeof why);
    STR_EQ(cur ? cur : "", "fee '\xc2\xa3" "9.90m' is in GBP, not euros", "the reason named");
    OK(!sl_fees_rows_currency(rated, 0, 1, why, sizeof why), "with the rate it reads");
    OK(!sl_fees_rows_currency(rows, 0, 0, why, sizeof why), "a valuation does not read the fee");
    sl_fees_player p;
    sl_fees_rows_player(rows, 1, &p);
    STR_EQ(p.buyer_club ? p.buyer_club : "", "Leicester", "transfer_movement out: club_involved_name buys");
    STR_EQ(p.club ? p.club : "", "LOSC Lille", "the row's club sells");
    INT_EQ(p.season, 2021, "season 2021/2022");
    sl_fees_rows_player(rows, 0, &p);
    STR_EQ(p.buyer_league ? p.buyer_league : "", "Ligue 1", "league_name: the buyer's league on an in row");
  }
  sl_fees_rows_free(rows);
  sl_fees_rows_free(rated);
  static const char *const bad[] = {"GBP", "GBP=", "GBP=-1", "GBP=1.1,EUR=1", "POUND=1.1", "G1P=1.1",
                                    "GBP=1.1,gbp=1.2", "GBP=1e-300", "GBP=1e6"};
  for (size_t k = 0; t && k < sizeof bad / sizeof bad[0]; k++) {
    o.rates = bad[k];
    rated = NULL;
    INT_EQ(sl_fees_rows_new(t, &o, NULL, &rated, &err), SL_EINVAL, "rates '%s' refused", bad[k]);
    OK(!rated && strstr(err.message, "expected a currency code other than EUR, given once"), "message: %s",
       err.message);
  }
  sl_table_free(t);
  remove(path);
}

/* Twelve moves both sides list: the buyers' in rows in one file, the sellers' out rows in another.
 * With every club of the buyers' file replaced by the next move's (a misassigned column, as
 * transfermarkt-transfers' 2021 folder has it), that file alone is read without its clubs and
 * says so; the sellers' file, right, keeps them. */
static void test_rows_misassigned_clubs(void) {
  enum { MOVES = 12 };
  static const char head[] = "club,name,age,short_pos,market_value,dealing_club,dealing_country,fee,movement,league,"
                             "season,is_loan\n";
  for (int shifted = 0; shifted < 2; shifted++) {
    static char in[4096], out[4096];
    size_t ni = (size_t)snprintf(in, sizeof in, "%s", head), no = (size_t)snprintf(out, sizeof out, "%s", head);
    for (int k = 0; k < MOVES; k++) {
      int own = shifted ? (k + 1) % MOVES : k;
      ni += (size_t)snprintf(in + ni, sizeof in - ni,
                             "Buyer %c FC,P%d,25,CB,1000000,Seller %c,Spain,%d000000,in,League One,2021,False\n",
                             'A' + own, k, 'A' + k, k + 1);
      no += (size_t)snprintf(out + no, sizeof out - no,
                             "Seller %c,P%d,25,CB,1000000,Buyer %c,England,%d000000,out,League Two,2021,False\n",
                             'A' + k, k, 'A' + k, k + 1);
    }
    char pin[] = "/tmp/test_fees_buyers_XXXXXX", pout[] = "/tmp/test_fees_sellers_XXXXXX";
    sl_table *ti = load_text(in, pin), *to = load_text(out, pout);
    sl_table_free(ti), sl_table_free(to);
    const char *paths[] = {pin, pout};
    sl_table *t = NULL;
    sl_fees_rows *rows = NULL;
    sl_error err;
    INT_EQ(sl_table_load_many(paths, 2, NULL, &t, &err), SL_OK, "load both: %s", err.message);
    if (t) INT_EQ(sl_fees_rows_new(t, NULL, NULL, &rows, &err), SL_OK, "reader: %s", err.message);
    if (rows) {
      size_t agree = 99, pairs = 99;
      INT_EQ(sl_fees_rows_clubs_unread(rows, 0, &agree, &pairs), shifted, "buyers' clubs %s", shifted ? "unread" : "read");
      INT_EQ((long)pairs, MOVES, "buyers' file: moves both sides list");
      INT_EQ((long)agree, shifted ? 0 : MOVES, "buyers' file: moves whose clubs agree");
      INT_EQ(sl_fees_rows_clubs_unread(rows, 1, &agree, &pairs), 0, "the sellers' clubs are read");
      INT_EQ((long)agree, MOVES, "sellers' file: every club agrees");
      sl_fees_player p;
      sl_fees_rows_player(rows, 1, &p);
      STR_EQ(p.buyer_club ? p.buyer_club : "(unknown)", shifted ? "(unknown)" : "Buyer B FC", "P1's buying club");
      STR_EQ(p.club ? p.club : "(unknown)", "Seller B", "the in row's other club is still read");
      STR_EQ(p.buyer_league ? p.buyer_league : "", "League One", "its league too");
      sl_fees_rows_player(rows, MOVES + 1, &p);
      STR_EQ(p.club ? p.club : "(unknown)", "Seller B", "the sellers' out row keeps its club");
    }
    sl_fees_rows_free(rows);
    sl_table_free(t);
    remove(pin), remove(pout);
  }
}

/* Fees in euros in one file (plain numbers), in pounds in another ("£8.00m", a money column):
 * loaded together, a pound is never read as a euro nor a plain euro as a pound; at a rate, the
 * seller's listing in pounds still pairs with the buyer's in euros (one deal, not two). */
static void test_rows_two_currencies(void) {
  static const char head[] = "club,name,age,short_pos,market_value,dealing_club,dealing_country,fee,movement,league,"
                             "season,is_loan\n";
  char in[1024], out[1024];
  snprintf(in, sizeof in, "%sBuyer FC,Ana,25,CB,9000000,Seller,England,9500000,in,League One,2021,False\n"
                          "Buyer FC,Bo,25,CB,1000000,Elsewhere,Spain,2000000,in,League One,2021,False\n", head);
  snprintf(out, sizeof out, "%sSeller,Ana,25,CB,\xc2\xa3" "8.00m,Buyer FC,Spain,\xc2\xa3" "8.00m,out,League Two,2021,False\n"
                            "Seller,Cy,25,CB,\xc2\xa3" "1.00m,Far FC,Italy,\xc2\xa3" "3.00m,out,League Two,2021,False\n", head);
  char pin[] = "/tmp/test_fees_eur_XXXXXX", pout[] = "/tmp/test_fees_gbp_XXXXXX";
  sl_table *ti = load_text(in, pin), *to = load_text(out, pout);
  const sl_column *gbp = to ? sl_table_role(to, SL_ROLE_FEE) : NULL;
  OK(gbp && gbp->type == SL_TYPE_MONEY && strcmp(gbp->currency, "GBP") == 0, "a file of pounds: a money column in GBP");
  double v = 0;
  char code[4];
  if (gbp) INT_EQ(sl_table_euros(to, gbp, 0, &v, code), SL_TABLE_OTHER_CURRENCY, "its cells are not euros");
  if (gbp) STR_EQ(code, "GBP", "their currency");
  sl_table_free(ti), sl_table_free(to);
  const char *paths[] = {pin, pout};
  sl_table *t = NULL;
  sl_error err;
  INT_EQ(sl_table_load_many(paths, 2, NULL, &t, &err), SL_OK, "load both: %s", err.message);
  const sl_column *fee = t ? sl_table_role(t, SL_ROLE_FEE) : NULL;
  OK(fee && fee->type == SL_TYPE_TEXT, "plain numbers and pounds merge to text");
  if (fee) INT_EQ(sl_table_euros(t, fee, 0, &v, NULL), 1, "the euro file's plain fee is euros");
  if (fee) SL_CHECK_REL(v, 9.5e6, 1e-12, "its amount");
  if (fee) INT_EQ(sl_table_euros(t, fee, 2, &v, code), SL_TABLE_OTHER_CURRENCY, "the pound file's fee keeps its currency");
  sl_fees_rows *rows = NULL, *rated = NULL;
  sl_fees_options o = {0};
  if (t) INT_EQ(sl_fees_rows_new(t, &o, NULL, &rows, &err), SL_OK, "reader: %s", err.message);
  o.rates = "GBP=1.17";
  if (t) INT_EQ(sl_fees_rows_new(t, &o, NULL, &rated, &err), SL_OK, "reader at a rate: %s", err.message);
  if (rows && rated) {
    static const sl_fees_reason plain[] = {SL_FEES_USED, SL_FEES_USED, SL_FEES_SKIP_CURRENCY, SL_FEES_SKIP_CURRENCY};
    static const sl_fees_reason at_rate[] = {SL_FEES_USED, SL_FEES_USED, SL_FEES_SKIP_DUPLICATE, SL_FEES_USED};
    for (size_t r = 0; r < 4; r++) {
      INT_EQ(sl_fees_rows_reason(rows, r), plain[r], "row %zu without a rate", r + 1);
      INT_EQ(sl_fees_rows_reason(rated, r), at_rate[r], "row %zu at 1.17 euros a pound", r + 1);
    }
    SL_CHECK_REL(sl_fees_rows_fee(rated, 3), 3e6 * 1.17, 1e-12, "Cy's GBP 3.00m at the rate");
    sl_fees_player p;
    sl_fees_rows_player(rated, 0, &p);
    STR_EQ(p.league ? p.league : "", "League Two", "Ana's seller's league from the listing in pounds");
    SL_CHECK_REL(p.market_value, 9e6, 1e-12, "Ana's value, in euros in her buyer's file");
  }
  sl_fees_rows_free(rows), sl_fees_rows_free(rated);
  sl_table_free(t);
  remove(pin), remove(pout);
}

/* Many repeated rows (issue 19: the repeated-row check walked back over every marked copy, m²/2
 * steps for m copies). 40,000 rows cycle through 500 players in a scrambled order (row r is
 * player (7919 r) mod 500, every tenth player a loan), then one row is given 30,000 times:
 * each player's first row keeps its reason (used, or loan), every later copy of a paid move is
 * a repeated row, a loan's copies stay loans. */
static void test_rows_many_repeats(void) {
  enum { CYCLE_ROWS = 40000, PLAYERS = 500, COPIES = 30000, SCRAMBLE = 7919 };
  char path[] = "/tmp/test_fees_repeats_XXXXXX";
  int fd = mkstemp(path);
  FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
  if (!f) return;
  fputs("club,name,age,short_pos,market_value,dealing_club,dealing_country,fee,movement,window,league,season,is_loan\n", f);
  for (long r = 0; r < CYCLE_ROWS; r++) {
    long id = r * SCRAMBLE % PLAYERS;
    fprintf(f, "Club B,P%ld,24,CB,5000000,Club A,Spain,%ld,in,summer,League Two,2011,%s\n", id,
            1000000 + 1000 * id, id % 10 ? "False" : "True");
  }
  for (long c = 0; c < COPIES; c++) fputs("Club C,Q,27,CF,9000000,Club D,Italy,12000000,in,summer,League Two,2012,False\n", f);
  fclose(f);
  const char *paths[] = {path};
  sl_table *t = NULL;
  sl_error err;
  INT_EQ(sl_table_load_many(paths, 1, NULL, &t, &err), SL_OK, "load: %s", err.message);
  sl_fees_rows *rows = NULL;
  if (t) INT_EQ(sl_fees_rows_new(t, NULL, NULL, &rows, &err), SL_OK, "reader: %s", err.message);
  if (rows) {
    long wrong = 0, used = 0, repeated = 0;
    for (long r = 0; r < CYCLE_ROWS + COPIES; r++) {
      long id = r < CYCLE_ROWS ? r * SCRAMBLE % PLAYERS : -1;
      int first = r < CYCLE_ROWS ? r < PLAYERS : r == CYCLE_ROWS; /* 7919 is prime to 500 */
      int loan = id >= 0 && id % 10 == 0;
      sl_fees_reason want = loan ? SL_FEES_SKIP_LOAN : first ? SL_FEES_USED : SL_FEES_SKIP_REPEATED_ROW;
      sl_fees_reason got = sl_fees_rows_reason(rows, (size_t)r);
      if (got != want && wrong++ < 3) INT_EQ(got, want, "row %ld (player %ld)", r, id);
      used += got == SL_FEES_USED, repeated += got == SL_FEES_SKIP_REPEATED_ROW;
    }
    INT_EQ(wrong, 0, "rows with another reason than expected");
    INT_EQ(used, PLAYERS - PLAYERS / 10 + 1, "one used row per paid move");
    INT_EQ(repeated, (CYCLE_ROWS - PLAYERS) * 9 / 10 + COPIES - 1, "every later copy of a paid move");
  }
  sl_fees_rows_free(rows);
  sl_table_free(t);
  remove(path);
}

static void test_save_load(void) {
  sl_fees_model *m = fit_tiny(), *back = NULL;
  if (!m) return;
  char path[] = "/tmp/test_fees_XXXXXX";
  int fd = mkstemp(path);
  if (fd >= 0) close(fd);
  sl_error err;
  INT_EQ(sl_fees_save(m, path, &err), SL_OK, "save: %s", err.message);
  INT_EQ(sl_fees_load(path, &back, &err), SL_OK, "load: %s", err.message);
  sl_fees_player p;
  sl_fees_player_init(&p);
  p.age = 27, p.group = SL_FEES_CM;
  sl_fees_valuation a, b;
  if (back) {
    sl_fees_value(m, &p, 0.8, 5e6, &a, &err);
    sl_fees_value(back, &p, 0.8, 5e6, &b, &err);
    SL_CHECK_REL(b.fair_fee, a.fair_fee, 0, "round trip: same median");
    SL_CHECK_REL(b.fee_low, a.fee_low, 0, "round trip: same low");
    SL_CHECK_REL(b.p_at_least_bid, a.p_at_least_bid, 0, "round trip: same P");
    SL_CHECK_REL(back->smearing, m->smearing, 0, "round trip: smearing");
    INT_EQ(back->deals->n, 12, "round trip: training deals kept");
  }
  sl_fees_model_free(back);
  /* Refusals: read the bytes, damage them, load from memory. */
  FILE *f = fopen(path, "rb");
  static char buf[1 << 16];
  size_t len = f ? fread(buf, 1, sizeof buf, f) : 0;
  if (f) fclose(f);
  OK(len > 0 && len < sizeof buf, "model file read (%zu bytes)", len);
  char *v2 = malloc(len + 1);
  memcpy(v2, buf, len);
  v2[19] = '1'; /* "scoutlab-fee-model 2" -> version 1, the format before issue 15 */
  INT_EQ(sl_fees_load_buffer("v1.slm", v2, len, &back, &err), SL_EVERSION, "version 1 refused");
  OK(strstr(err.message, "version 1; this scoutlab reads versions 2-6 (written by an earlier scoutlab") != NULL,
     "message names both versions: %s", err.message);
  char *col = strstr(v2, "column ");
  char *name = col ? strstr(col, "(Intercept)") : NULL;
  v2[19] = '2';
  if (name) name[1] = 'X'; /* a column that the regression block does not have */
  INT_EQ(sl_fees_load_buffer("cols.slm", v2, len, &back, &err), SL_EVERSION, "mismatched columns refused: %s",
         err.message);
  free(v2);
  size_t ok_prefixes = 0;
  for (size_t cut = 0; cut < len; cut++) { /* every truncation: an error, never a crash */
    int st = sl_fees_load_buffer("cut.slm", buf, cut, &back, &err);
    ok_prefixes += st == SL_OK;
    sl_fees_model_free(back), back = NULL;
  }
  INT_EQ(ok_prefixes, 0, "no truncated file loads");
  INT_EQ(sl_fees_load("/nonexistent/m.slm", &back, &err), SL_EIO, "missing file is an I/O error");
  remove(path);
  sl_fees_model_free(m);
}

static void test_what_if(void) {
  sl_fees_player p;
  sl_error err;
  sl_fees_player_init(&p);
  p.age = 26, p.season = 2025;
  INT_EQ(sl_fees_player_apply(&p, "age=+1", &err), SL_OK, "age=+1");
  SL_CHECK_REL(p.age, 27, 0, "age 27");
  INT_EQ(sl_fees_player_apply(&p, "age=24", &err), SL_OK, "age=24");
  SL_CHECK_REL(p.age, 24, 0, "age 24");
  /* 2025-07-01 to 2027-06-30 is 729 days = 729 / 30.436875 months. */
  INT_EQ(sl_fees_player_apply(&p, "contract-until=2027", &err), SL_OK, "contract-until=2027");
  SL_CHECK_REL(p.contract_months, 729 / 30.436875, 1e-12, "months to 30 June 2027");
  INT_EQ(sl_fees_player_apply(&p, "market-value=\xe2\x82\xac" "15m", &err), SL_OK, "market-value=EUR15m");
  SL_CHECK_REL(p.market_value, 15e6, 0, "15m");
  INT_EQ(sl_fees_player_apply(&p, "market-value=25,000,000", &err), SL_OK, "25,000,000");
  SL_CHECK_REL(p.market_value, 25e6, 0, "25,000,000");
  INT_EQ(sl_fees_player_apply(&p, "market-value=\xc2\xa3" "12m", &err), SL_EINVAL, "market-value in pounds refused");
  OK(strcmp(err.message, "what-if 'market-value=\xc2\xa3" "12m': the amount is in GBP; amounts are in euros (no "
                         "exchange rate is guessed)") == 0,
     "the message says why: %s", err.message);
  SL_CHECK_REL(p.market_value, 25e6, 0, "the market value unchanged");
  INT_EQ(sl_fees_player_apply(&p, "position=LB", &err), SL_OK, "position");
  INT_EQ(p.group, SL_FEES_FB, "LB is FB");
  INT_EQ(sl_fees_player_apply(&p, "height=190", &err), SL_EINVAL, "unknown what-if refused");
  INT_EQ(sl_fees_player_apply(&p, "age", &err), SL_EINVAL, "no value refused");
  INT_EQ(sl_fees_player_apply(&p, "buyer-club=Chelsea", &err), SL_EINVAL, "a buying club needs the model");
  OK(strstr(err.message, "sl_fees_model_apply") != NULL, "the message names the function that resolves it: %s",
     err.message);
  INT_EQ(sl_fees_model_apply(NULL, &p, "age=+1", &err), SL_OK, "without a model the other what-ifs apply");
}

int main(void) {
  test_smearing_and_conformal();
  test_positions();
  test_verdict();
  test_prob_conformal();
  test_tiny_numbers();
  test_selection();
  test_rows_reader();
  test_rows_text_forms();
  test_rows_ewenme_layout();
  test_rows_misassigned_clubs();
  test_rows_two_currencies();
  test_rows_many_repeats();
  test_save_load();
  test_what_if();
  return SL_TEST_DONE();
}
