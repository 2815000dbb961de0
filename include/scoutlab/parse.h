/* parse.h - numbers, money, dates and missing-value markers as they appear in real exports.
 *
 * Pure functions on one NUL-terminated field; nothing is allocated. Each returns 1 when the
 * text is of the kind asked for (and writes *out), 0 when it is not. Leading/trailing spaces
 * and no-break spaces are ignored.
 *
 *   double v; if (sl_parse_number("8.57E+01", SL_DECIMAL_POINT, &v)) ... // v == 85.7
 *   sl_money m; if (sl_parse_money("€10.00m", SL_DECIMAL_POINT, &m)) ... // 1e7, "EUR"
 */
#ifndef SCOUTLAB_PARSE_H
#define SCOUTLAB_PARSE_H

#include <stddef.h>

#include "scoutlab/export.h"
SL_BEGIN_DECLS /* C linkage, exported; thread safety: see scoutlab/export.h */

typedef enum sl_decimal {
  SL_DECIMAL_POINT = 0, /* "66.1"; commas only as thousands separators in groups of three */
  SL_DECIMAL_COMMA = 1  /* "66,1" (European ;-separated exports); "1.234,5" also accepted */
} sl_decimal;

/** True for the markers of a missing value: "", "NA", "N/A", "n/a", "-", "?", "NaN" is NOT missing
 *  (it is rejected as a number by sl_parse_number instead). */
int sl_parse_is_missing(const char *s);

/** A plain number: sign, digits, optional decimal part, optional exponent ("8.57E+01"),
 *  thousands separators where unambiguous ("25,000,000"). Rejects NaN, Inf, hex, overflow
 *  ("1e400") and trailing junk. */
int sl_parse_number(const char *s, sl_decimal dec, double *out);

/** Fast path for the common case: an optional '-' and up to 15 significant digits with an
 *  optional '.' fraction, no exponent. Exact (the result is the correctly rounded double);
 *  returns 0 for anything else so the caller falls back to sl_parse_number. len is the length. */
int sl_parse_plain_decimal(const char *s, size_t len, double *out);

typedef struct sl_money {
  double amount;    /* in units of currency (not millions) */
  char currency[4]; /* ISO 4217 code ("EUR", "GBP", "USD"), "" when the text named none */
} sl_money;

/** Money: "€10.00m", "€700k", "£20.5m", "25m", "25M EUR", "$3bn", "25,000,000", "€25.000.000",
 *  and German exports' "10,00 Mio. €", "1,5 Mrd. €", "500 Tsd. €" (with SL_DECIMAL_COMMA).
 *  A plain number is money with no currency. */
int sl_parse_money(const char *s, sl_decimal dec, sl_money *out);

/** An amount in euros (sl_parse_money in euros, or with no currency): 1 and *eur set; 0 for
 *  anything else, an amount in another currency ("£30m") included: scoutlab's amounts are euros
 *  and it guesses no exchange rate. */
int sl_parse_euros(const char *s, sl_decimal dec, double *eur);

/** Calendar dates: "2025-06-30", "2025-06-30 00:00:00" (the time dropped), "30/06/2025",
 *  "30.06.2025", "Jun 30, 2025", "30 Jun 2025".
 *  Writes days since 1970-01-01. Rejects impossible dates such as 31/02/2025. */
int sl_parse_date(const char *s, double *days);

/** Formats days since 1970-01-01 as "YYYY-MM-DD" into buf (at least 11 bytes). */
const char *sl_date_format(double days, char *buf, size_t size);

/** Days since 1970-01-01 for a valid y-m-d (proleptic Gregorian), or -1e9 if invalid. */
double sl_date_from_ymd(int year, int month, int day);

/** Splits days since 1970-01-01 into year, month, day. */
void sl_date_to_ymd(double days, int *year, int *month, int *day);

SL_END_DECLS

#endif
