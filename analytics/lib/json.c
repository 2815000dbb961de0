/* json.c - JSON text out; see include/scoutlab/json.h */
#include "scoutlab/json.h"

#include <math.h>
#include <string.h>

#include "runtime_internal.h"
#include "textutil.h"

void sl_json_string(FILE *f, const char *s) {
  fputc('"', f);
  const unsigned char *p = (const unsigned char *)(s ? s : "");
  size_t left = strlen((const char *)p);
  while (*p) {
    size_t len = *p < 0x80 ? 1 : sl_utf8_seq_len(p, left);
    switch (*p) {
    case '"': fputs("\\\"", f); break;
    case '\\': fputs("\\\\", f); break;
    case '\n': fputs("\\n", f); break;
    case '\r': fputs("\\r", f); break;
    case '\t': fputs("\\t", f); break;
    default:
      if (*p < 0x20) fprintf(f, "\\u%04x", *p);
      else if (!len) fputs("\\ufffd", f); /* a byte of no character (a text cut mid-character): JSON stays valid */
      else fwrite(p, 1, len, f);
    }
    if (!len) len = 1;
    p += len, left -= len;
  }
  fputc('"', f);
}

void sl_json_text_or_null(FILE *f, const char *s) {
  if (s) sl_json_string(f, s);
  else fputs("null", f);
}

void sl_json_number(FILE *f, double v) {
  if (!isfinite(v)) fputs("null", f);
  else sl_fprintf_c(f, "%.17g", v);
}

void sl_json_schema(FILE *f, const char *cmd) {
  fputs("\"schema\": {\"tool\": ", f);
  char tool[128];
  snprintf(tool, sizeof tool, "scoutlab %s", cmd ? cmd : "");
  sl_json_string(f, tool);
  fprintf(f, ", \"version\": %d, \"money\": \"EUR\"}, ", SL_JSON_VERSION);
}
