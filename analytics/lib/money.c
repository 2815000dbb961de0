/* money.c - see include/scoutlab/money.h */
#include "scoutlab/money.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "runtime_internal.h"

/* The euro sign in UTF-8. */
#define EURO "\xe2\x82\xac"

const char *sl_money_text(double eur, char *buf, size_t size) {
  if (!buf || !size) return buf;
  if (!isfinite(eur)) {
    snprintf(buf, size, "n/a");
    return buf;
  }
  char digits[64], out[96];
  sl_snprintf_c(digits, sizeof digits, "%.0f", fabs(eur));
  size_t n = strlen(digits), o = 0;
  if (eur <= -0.5) out[o++] = '-';
  memcpy(out + o, EURO, 3);
  o += 3;
  for (size_t i = 0; i < n && o + 2 < sizeof out; i++) {
    if (i > 0 && (n - i) % 3 == 0) out[o++] = ',';
    out[o++] = digits[i];
  }
  out[o] = '\0';
  snprintf(buf, size, "%s", out);
  return buf;
}

const char *sl_money_short(double eur, char *buf, size_t size) {
  if (!buf || !size) return buf;
  if (!isfinite(eur)) snprintf(buf, size, "n/a");
  else if (fabs(eur) >= 1e6 && fmod(eur, 1e6) == 0) sl_snprintf_c(buf, size, EURO "%.0fm", eur / 1e6);
  else if (fabs(eur) >= 1e6) sl_snprintf_c(buf, size, EURO "%.1fm", eur / 1e6);
  else if (fabs(eur) >= 1e3) sl_snprintf_c(buf, size, EURO "%.0fk", eur / 1e3);
  else sl_snprintf_c(buf, size, EURO "%.0f", eur); /* "€0k" for €400 would hide what was given */
  return buf;
}
