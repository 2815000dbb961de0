/* libFuzzer harness: number, money and date parsers on arbitrary text. Invariants: a parsed
 * number is finite; the plain-decimal fast path gives exactly strtod's double; a parsed date
 * formats and re-parses to the same day. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "scoutlab/parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *s = malloc(size + 1);
  if (!s) return 0;
  memcpy(s, data, size);
  s[size] = '\0';
  double v;
  sl_money m;
  for (int dec = 0; dec < 2; dec++) {
    if (sl_parse_number(s, (sl_decimal)dec, &v) && !isfinite(v)) abort();
    if (sl_parse_money(s, (sl_decimal)dec, &m) && !isfinite(m.amount)) abort();
  }
  if (sl_parse_plain_decimal(s, size, &v) && (!isfinite(v) || v != strtod(s, NULL))) abort();
  if (sl_parse_date(s, &v)) {
    char buf[16];
    double back;
    if (!sl_parse_date(sl_date_format(v, buf, sizeof buf), &back) || back != v) abort();
  }
  sl_parse_is_missing(s);
  free(s);
  return 0;
}
