/* Tests for the parse module: every rule of numbers, money, dates and missing markers. */
#include <math.h>

#include "harness.h"
#include "scoutlab/parse.h"

static void numbers(void) {
  static const struct { const char *in; sl_decimal dec; int ok; double want; } cases[] = {
      {"2183", SL_DECIMAL_POINT, 1, 2183},
      {"-0.25", SL_DECIMAL_POINT, 1, -0.25},
      {"8.57E+01", SL_DECIMAL_POINT, 1, 85.7},
      {"1.5e-3", SL_DECIMAL_POINT, 1, 0.0015},
      {"25,000,000", SL_DECIMAL_POINT, 1, 25000000},
      {"1,234.5", SL_DECIMAL_POINT, 1, 1234.5},
      {"1,23", SL_DECIMAL_POINT, 0, 0},        /* not groups of three: ambiguous, not a number */
      {"66,1", SL_DECIMAL_COMMA, 1, 66.1},
      {"1.234,5", SL_DECIMAL_COMMA, 1, 1234.5},
      {"17.7", SL_DECIMAL_COMMA, 1, 17.7},     /* ;-file written with decimal points */
      {"2.183", SL_DECIMAL_COMMA, 1, 2183},    /* issue 20: a thousands dot in a decimal-comma file */
      {" 42\xc2\xa0", SL_DECIMAL_POINT, 1, 42}, /* trailing no-break space */
      {"1e400", SL_DECIMAL_POINT, 0, 0},
      {"-nan", SL_DECIMAL_POINT, 0, 0},
      {"inf", SL_DECIMAL_POINT, 0, 0},
      {"0x10", SL_DECIMAL_POINT, 0, 0},
      {"12abc", SL_DECIMAL_POINT, 0, 0},
      {".", SL_DECIMAL_POINT, 0, 0},
      {"", SL_DECIMAL_POINT, 0, 0},
      {"0.1", SL_DECIMAL_POINT, 1, 0.1},
      {"123456789012345678901234", SL_DECIMAL_POINT, 1, 123456789012345678901234.0},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    double v = 0;
    int ok = sl_parse_number(cases[i].in, cases[i].dec, &v);
    INT_EQ(ok, cases[i].ok, "number case %zu '%s'", i, cases[i].in);
    if (ok && cases[i].ok) SL_CHECK_REL(v, cases[i].want, 0, "number case %zu '%s'", i, cases[i].in);
  }
}

/* The fast path must give exactly what strtod gives (correct rounding) on every input it takes. */
static void fast_path_exact(void) {
  static const char *in[] = {"0.1", "0.3", "123456.789", "-99999.999999", "1.7976931348", "3.14159265358979",
                             "0.000001", "100000000000000", "9.99999999999999"};
  for (size_t i = 0; i < sizeof in / sizeof in[0]; i++) {
    double fast = 0;
    int ok = sl_parse_plain_decimal(in[i], strlen(in[i]), &fast);
    OK(ok, "fast path takes '%s'", in[i]);
    OK(fast == sl_test_strtod(in[i], NULL), "fast path '%s' = %.17g, strtod %.17g", in[i], fast,
       sl_test_strtod(in[i], NULL));
  }
  double v;
  INT_EQ(sl_parse_plain_decimal("1234567890123456", 16, &v), 0, "16 digits go to strtod");
  INT_EQ(sl_parse_plain_decimal("1e5", 3, &v), 0, "exponent goes to strtod");
}

static void money(void) {
  static const struct { const char *in; int ok; double amount; const char *cur; } cases[] = {
      {"\xe2\x82\xac" "10.00m\xc2\xa0", 1, 10e6, "EUR"},
      {"\xe2\x82\xac" "700k", 1, 700e3, "EUR"},
      {"\xc2\xa3" "20.5m", 1, 20.5e6, "GBP"},
      {"25m", 1, 25e6, ""},
      {"25M EUR", 1, 25e6, "EUR"},
      {"$3bn", 1, 3e9, "USD"},
      {"25,000,000", 1, 25e6, ""},
      {"\xe2\x82\xac" "1.5 mio", 1, 1.5e6, "EUR"},
      {"25m?", 0, 0, ""},
      {"m", 0, 0, ""},
      {"\xe2\x82\xac", 0, 0, ""},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    sl_money m = {0};
    int ok = sl_parse_money(cases[i].in, SL_DECIMAL_POINT, &m);
    INT_EQ(ok, cases[i].ok, "money case %zu '%s'", i, cases[i].in);
    if (ok && cases[i].ok) {
      SL_CHECK_REL(m.amount, cases[i].amount, 1e-15, "money case %zu", i);
      STR_EQ(m.currency, cases[i].cur, "money case %zu currency", i);
    }
  }
}

/* Issue 20: German Excel money. */
static void money_german(void) {
  static const struct { const char *in; double amount; const char *cur; } cases[] = {
      {"10,00 Mio. \xe2\x82\xac", 10e6, "EUR"},
      {"1,5 Mrd. \xe2\x82\xac", 1.5e9, "EUR"},
      {"500 Tsd. \xe2\x82\xac", 500e3, "EUR"},
      {"2,75 Mio \xe2\x82\xac", 2.75e6, "EUR"},
      {"\xe2\x82\xac 12.500.000", 12.5e6, "EUR"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    sl_money m = {0};
    OK(sl_parse_money(cases[i].in, SL_DECIMAL_COMMA, &m), "German money '%s'", cases[i].in);
    SL_CHECK_REL(m.amount, cases[i].amount, 1e-15, "German money '%s'", cases[i].in);
    STR_EQ(m.currency, cases[i].cur, "German money '%s' currency", cases[i].in);
  }
}

static void dates(void) {
  OK(sl_parse_date("1999-01-26 00:00:00", &(double){0}), "pandas / transfermarkt-datasets date-time");
  double dt = 0;
  OK(sl_parse_date("2025-06-30 13:45:10", &dt) && dt == 20269, "the time is dropped");
  OK(sl_parse_date("2025-06-30T00:00:00Z", &dt) && dt == 20269, "ISO 8601 with T and Z");
  OK(!sl_parse_date("2025-06-30 25:00:00", &dt), "hour 25 rejected");
  OK(!sl_parse_date("2025-06-30 00:00", &dt), "minutes without seconds rejected");
  double d;
  OK(sl_parse_date("1970-01-01", &d) && d == 0, "epoch");
  OK(sl_parse_date("2025-06-30", &d) && d == 20269, "2025-06-30 is day 20269 (date -d 2025-06-30 +%%s / 86400)");
  OK(sl_parse_date("30/06/2025", &d) && d == 20269, "dd/mm/yyyy");
  OK(sl_parse_date("30.06.2025", &d) && d == 20269, "dd.mm.yyyy");
  OK(sl_parse_date("Jun 30, 2025", &d) && d == 20269, "Transfermarkt style");
  OK(sl_parse_date("29/02/2024", &d), "leap day 2024");
  OK(!sl_parse_date("31/02/2025", &d), "31 February rejected");
  OK(!sl_parse_date("29/02/2025", &d), "29 February 2025 rejected");
  OK(!sl_parse_date("2025-13-01", &d), "month 13 rejected");
  OK(!sl_parse_date("2025", &d), "a year alone is a number, not a date");
  char buf[16];
  STR_EQ(sl_date_format(20269, buf, sizeof buf), "2025-06-30", "format");
  int y, m, dd;
  sl_date_to_ymd(-1, &y, &m, &dd);
  OK(y == 1969 && m == 12 && dd == 31, "day -1 is 1969-12-31");
}

static void missing(void) {
  static const char *yes[] = {"", "  ", "NA", "N/A", "-", "?", "\xc2\xa0", "#N/A"};
  static const char *no[] = {"0", "NaN", "None", "--", "n.a"};
  for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) OK(sl_parse_is_missing(yes[i]), "'%s' is missing", yes[i]);
  for (size_t i = 0; i < sizeof no / sizeof no[0]; i++) OK(!sl_parse_is_missing(no[i]), "'%s' is not missing", no[i]);
}

int main(void) {
  numbers();
  fast_path_exact();
  money();
  money_german();
  dates();
  missing();
  return SL_TEST_DONE();
}
