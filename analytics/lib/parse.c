/* parse.c - numbers, money, dates and missing markers; see include/scoutlab/parse.h */
#include "scoutlab/parse.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "runtime_internal.h"
#include "textutil.h"

/* Doubles hold every integer below 2^53 exactly: 15 decimal digits always fit. */
#define SL_FAST_MAX_DIGITS 15
/* 10^22 is the largest power of ten a double holds exactly (Clinger's fast path). */
#define SL_FAST_MAX_SCALE 22
/* Longest number text we normalise for strtod; longer fields are not numbers from a spreadsheet. */
#define SL_NUMBER_MAX_CHARS 128

static const double sl_pow10_exact[SL_FAST_MAX_SCALE + 1] = {
    1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

int sl_parse_plain_decimal(const char *s, size_t len, double *out) {
  const char *p = s, *end = s + len;
  int neg = p < end && *p == '-';
  p += neg;
  /* Unsigned wrap-around on absurdly long input is harmless: such input is rejected below. */
  uint64_t mant = 0;
  const char *int_start = p;
  while (p < end && (unsigned)(*p - '0') < 10) mant = mant * 10 + (uint64_t)(*p++ - '0');
  long digits = p - int_start, scale = 0;
  if (p < end && *p == '.') {
    const char *frac = ++p;
    while (p < end && (unsigned)(*p - '0') < 10) mant = mant * 10 + (uint64_t)(*p++ - '0');
    scale = p - frac;
    digits += scale;
  }
  /* Leading zeros count as digits here: the rare long "0.000…" falls back to strtod. */
  if (p != end || digits == 0 || digits > SL_FAST_MAX_DIGITS || scale > SL_FAST_MAX_SCALE) return 0;
  /* Both operands are exact doubles, so one IEEE division gives the correctly rounded value. */
  double v = (double)mant / sl_pow10_exact[scale];
  *out = neg ? -v : v;
  return 1;
}

int sl_parse_is_missing(const char *s) {
  static const char *const markers[] = {"NA", "N/A", "n/a", "#N/A", "-", "?", "null", "NULL", NULL};
  const char *b, *e;
  sl_trim_span(s, &b, &e);
  if (b == e) return 1;
  for (int i = 0; markers[i]; i++)
    if ((size_t)(e - b) == strlen(markers[i]) && memcmp(b, markers[i], (size_t)(e - b)) == 0)
      return 1;
  return 0;
}

static int all_digits(const char *b, const char *e) {
  if (b >= e) return 0;
  for (; b < e; b++)
    if (!isdigit((unsigned char)*b)) return 0;
  return 1;
}

/* Integer part with separator sep in groups of three after a 1-3 digit head ("25,000,000"). */
static int grouped_digits(const char *b, const char *e, char sep) {
  const char *p = memchr(b, sep, (size_t)(e - b));
  if (!p || p - b < 1 || p - b > 3 || !all_digits(b, p)) return 0;
  while (p < e) {
    if (*p != sep || e - p < 4 || !all_digits(p + 1, p + 4)) return 0;
    p += 4;
  }
  return 1;
}

/* Copies the integer part into dst without separators; returns chars written or -1. */
static int copy_integer(const char *b, const char *e, char group, char *dst, size_t cap) {
  size_t n = 0;
  int grouped = group && memchr(b, group, (size_t)(e - b)) != NULL;
  if (grouped ? !grouped_digits(b, e, group) : !all_digits(b, e)) return -1;
  for (; b < e; b++) {
    if (*b == group) continue;
    if (n + 1 >= cap) return -1;
    dst[n++] = *b;
  }
  return (int)n;
}

/* Normalises "1.234,5" / "25,000,000.5" / "8.57E+01" to C syntax, validating it. */
static int normalise_number(const char *b, const char *e, sl_decimal dec, char *buf, size_t cap) {
  size_t n = 0;
  if (b < e && (*b == '-' || *b == '+')) buf[n++] = *b++;
  const char *exp = b;
  while (exp < e && *exp != 'e' && *exp != 'E') exp++;
  char point = dec == SL_DECIMAL_COMMA ? ',' : '.';
  char group = dec == SL_DECIMAL_COMMA ? '.' : ',';
  const char *pt = NULL;
  for (const char *q = exp; q > b; q--)
    if (q[-1] == point) {
      pt = q - 1;
      break;
    }
  if (dec == SL_DECIMAL_COMMA && !pt) {
    /* "17.7" in a ;-file written with decimal points: a dot not in groups of three is a point. */
    const char *dot = memchr(b, '.', (size_t)(exp - b));
    if (dot && !grouped_digits(b, exp, '.')) {
      pt = dot;
      group = 0;
    }
  }
  const char *int_end = pt ? pt : exp;
  if (int_end == b && !pt) return -1;
  int w = int_end == b ? 0 : copy_integer(b, int_end, group, buf + n, cap - n);
  if (w < 0) return -1;
  n += (size_t)w;
  if (pt) {
    if (w == 0 && exp - pt < 2) return -1; /* "." alone */
    if (exp - pt > 1 && !all_digits(pt + 1, exp)) return -1;
    if (n + (size_t)(exp - pt) + 1 >= cap) return -1;
    buf[n++] = '.';
    memcpy(buf + n, pt + 1, (size_t)(exp - pt - 1));
    n += (size_t)(exp - pt - 1);
  }
  if (exp < e) {
    const char *d = exp + 1;
    if (d < e && (*d == '+' || *d == '-')) d++;
    if (!all_digits(d, e) || n + (size_t)(e - exp) + 1 >= cap) return -1;
    memcpy(buf + n, exp, (size_t)(e - exp));
    n += (size_t)(e - exp);
  }
  buf[n] = '\0';
  return 0;
}

static int parse_number_span(const char *b, const char *e, sl_decimal dec, double *out) {
  if (b >= e || (size_t)(e - b) >= SL_NUMBER_MAX_CHARS) return 0;
  /* The fast path reads a dot as a point: in decimal-comma text "2.183" is 2183 (a thousands dot). */
  if ((dec == SL_DECIMAL_POINT || !memchr(b, '.', (size_t)(e - b))) && sl_parse_plain_decimal(b, (size_t)(e - b), out)) return 1;
  char buf[SL_NUMBER_MAX_CHARS];
  if (normalise_number(b, e, dec, buf, sizeof buf) != 0) return 0;
  errno = 0;
  char *end = NULL;
  double v = sl_strtod_c(buf, &end);
  if (end == buf || *end != '\0' || !isfinite(v)) return 0;
  if (errno == ERANGE && v != 0 && fabs(v) >= 1.0) return 0; /* overflow, e.g. 1e400 */
  if (errno == ERANGE && fabs(v) < 1.0) return 0;            /* underflow: not a real measurement */
  *out = v;
  return 1;
}

int sl_parse_number(const char *s, sl_decimal dec, double *out) {
  const char *b, *e;
  if (!s) return 0;
  sl_trim_span(s, &b, &e);
  return parse_number_span(b, e, dec, out);
}

typedef struct {
  const char *text;
  const char *code;
} sl_currency_mark;

/* Longest marks first so "US$" wins over "$". */
static const sl_currency_mark sl_currency_marks[] = {
    {"\xe2\x82\xac", "EUR"}, {"EUR", "EUR"}, {"\xc2\xa3", "GBP"}, {"GBP", "GBP"},
    {"US$", "USD"},          {"USD", "USD"}, {"$", "USD"},        {"CHF", "CHF"},
    {NULL, NULL}};

static const char *strip_currency(const char **b, const char **e) {
  for (int i = 0; sl_currency_marks[i].text; i++) {
    size_t n = strlen(sl_currency_marks[i].text);
    if ((size_t)(*e - *b) > n && memcmp(*b, sl_currency_marks[i].text, n) == 0) {
      *b += n;
      sl_trim_span_range(b, e);
      return sl_currency_marks[i].code;
    }
    if ((size_t)(*e - *b) > n && memcmp(*e - n, sl_currency_marks[i].text, n) == 0) {
      *e -= n;
      sl_trim_span_range(b, e);
      return sl_currency_marks[i].code;
    }
  }
  return "";
}

typedef struct {
  const char *suffix;
  double factor;
} sl_multiplier;

static const sl_multiplier sl_multipliers[] = {
    /* German Excel / Transfermarkt.de: "10,00 Mio. €", "1,5 Mrd. €", "500 Tsd. €" */
    {"Mio.", 1e6}, {"Mrd.", 1e9}, {"Tsd.", 1e3}, {"Mio", 1e6}, {"Mrd", 1e9},
    {"bn", 1e9}, {"mio", 1e6}, {"mn", 1e6}, {"Th.", 1e3}, {"th", 1e3},
    {"m", 1e6},  {"M", 1e6},   {"k", 1e3},  {"K", 1e3},   {"b", 1e9}, {NULL, 0}};

int sl_parse_money(const char *s, sl_decimal dec, sl_money *out) {
  const char *b, *e;
  if (!s) return 0;
  sl_trim_span(s, &b, &e);
  const char *code = strip_currency(&b, &e);
  double factor = 1.0;
  for (int i = 0; sl_multipliers[i].suffix; i++) {
    size_t n = strlen(sl_multipliers[i].suffix);
    if ((size_t)(e - b) > n && memcmp(e - n, sl_multipliers[i].suffix, n) == 0 &&
        (isdigit((unsigned char)e[-(long)n - 1]) || e[-(long)n - 1] == ' ')) {
      factor = sl_multipliers[i].factor;
      e -= n;
      sl_trim_span_range(&b, &e);
      break;
    }
  }
  if (!code[0]) code = strip_currency(&b, &e); /* "25m EUR" */
  double v;
  if (!parse_number_span(b, e, dec, &v)) return 0;
  out->amount = v * factor;
  snprintf(out->currency, sizeof out->currency, "%s", code);
  return isfinite(out->amount);
}

int sl_parse_euros(const char *s, sl_decimal dec, double *eur) {
  sl_money m;
  if (!sl_parse_money(s, dec, &m) || (m.currency[0] && strcmp(m.currency, "EUR") != 0)) return 0;
  *eur = m.amount;
  return 1;
}

static int is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int days_in_month(int y, int m) {
  static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : dim[m - 1];
}

/* Howard Hinnant's days_from_civil: exact for the proleptic Gregorian calendar. */
double sl_date_from_ymd(int y, int m, int d) {
  if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1 || d > days_in_month(y, m)) return -1e9;
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return (double)(era * 146097 + doe - 719468);
}

void sl_date_to_ymd(double days, int *year, int *month, int *day) {
  long z = (long)floor(days) + 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  int d = (int)(doy - (153 * mp + 2) / 5 + 1);
  int m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *year = (int)(yoe + era * 400 + (m <= 2));
  *month = m;
  *day = d;
}

const char *sl_date_format(double days, char *buf, size_t size) {
  int y, m, d;
  sl_date_to_ymd(days, &y, &m, &d);
  snprintf(buf, size, "%04d-%02d-%02d", y, m, d);
  return buf;
}

static int month_from_name(const char *p) {
  static const char *names[12] = {"jan", "feb", "mar", "apr", "may", "jun",
                                  "jul", "aug", "sep", "oct", "nov", "dec"};
  for (int i = 0; i < 12; i++)
    if (tolower((unsigned char)p[0]) == names[i][0] && tolower((unsigned char)p[1]) == names[i][1] &&
        tolower((unsigned char)p[2]) == names[i][2])
      return i + 1;
  return 0;
}

int sl_parse_date(const char *s, double *days) {
  const char *b, *e;
  if (!s) return 0;
  sl_trim_span(s, &b, &e);
  size_t n = (size_t)(e - b);
  if (n < 8 || n > 20) return 0;
  char buf[24], mon[4], tail;
  memcpy(buf, b, n);
  buf[n] = '\0';
  int y = 0, m = 0, d = 0, hh = 0, mm = 0, ss = 0;
  if (sscanf(buf, "%4d-%2d-%2d%c", &y, &m, &d, &tail) == 3 && n == 10) {
  } else if (n >= 19 && (buf[10] == ' ' || buf[10] == 'T') && (n == 19 || (n == 20 && buf[19] == 'Z')) &&
             sscanf(buf, "%4d-%2d-%2d", &y, &m, &d) == 3 && sscanf(buf + 11, "%2d:%2d:%2d", &hh, &mm, &ss) == 3 &&
             buf[4] == '-' && buf[7] == '-' && buf[13] == ':' && buf[16] == ':' && hh >= 0 && hh < 24 && mm >= 0 &&
             mm < 60 && ss >= 0 && ss < 61) {
    /* "1999-01-26 00:00:00" (pandas, transfermarkt-datasets): the day counts, the time is dropped */
  } else if ((sscanf(buf, "%2d/%2d/%4d%c", &d, &m, &y, &tail) == 3 ||
              sscanf(buf, "%2d.%2d.%4d%c", &d, &m, &y, &tail) == 3) &&
             (n == 10 || n == 9 || n == 8) && y >= 1000) {
  } else if (sscanf(buf, "%3s %2d, %4d%c", mon, &d, &y, &tail) == 3 && (m = month_from_name(mon))) {
  } else if (sscanf(buf, "%2d %3s %4d%c", &d, mon, &y, &tail) == 3 && (m = month_from_name(mon))) {
  } else {
    return 0;
  }
  double v = sl_date_from_ymd(y, m, d);
  if (v < -1e8) return 0;
  *days = v;
  return 1;
}
