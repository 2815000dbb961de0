/* textutil.c - see textutil.h */
#include "textutil.h"

#include <stdlib.h>
#include <string.h>

/* Width of a trimmable character at p (0 when p does not start one). */
static size_t space_width(const unsigned char *p, const unsigned char *end) {
  if (p >= end) return 0;
  if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n') return 1;
  if (end - p >= 2 && p[0] == 0xC2 && p[1] == 0xA0) return 2; /* no-break space */
  if (end - p >= 3 && p[0] == 0xE2 && p[1] == 0x80 && p[2] == 0xAF) return 3; /* narrow NBSP */
  if (end - p >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) return 3; /* stray BOM */
  return 0;
}

/* Width of a trimmable character ending just before end. */
static size_t space_width_back(const unsigned char *begin, const unsigned char *end) {
  if (end <= begin) return 0;
  unsigned char c = end[-1];
  if (c == ' ' || c == '\t' || c == '\r' || c == '\n') return 1;
  if (end - begin >= 2 && end[-2] == 0xC2 && c == 0xA0) return 2;
  if (end - begin >= 3 && end[-3] == 0xE2 && end[-2] == 0x80 && c == 0xAF) return 3;
  if (end - begin >= 3 && end[-3] == 0xEF && end[-2] == 0xBB && c == 0xBF) return 3;
  return 0;
}

void sl_trim_span_range(const char **b, const char **e) {
  const unsigned char *p = (const unsigned char *)*b, *q = (const unsigned char *)*e;
  size_t w;
  while ((w = space_width(p, q)) > 0) p += w;
  while ((w = space_width_back(p, q)) > 0) q -= w;
  *b = (const char *)p;
  *e = (const char *)q;
}

void sl_trim_span(const char *s, const char **b, const char **e) {
  *b = s;
  *e = s + strlen(s);
  sl_trim_span_range(b, e);
}

size_t sl_utf8_seq_len(const unsigned char *p, size_t n) {
  if (n == 0) return 0;
  unsigned char c = p[0];
  if (c < 0x80) return 1;
  size_t len;
  unsigned min_second = 0x80, max_second = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) len = 2;
  else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) min_second = 0xA0; /* overlong */
    if (c == 0xED) max_second = 0x9F; /* surrogates */
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) min_second = 0x90;
    if (c == 0xF4) max_second = 0x8F;
  } else return 0;
  if (n < len) return 0;
  if (p[1] < min_second || p[1] > max_second) return 0;
  for (size_t i = 2; i < len; i++)
    if (p[i] < 0x80 || p[i] > 0xBF) return 0;
  return len;
}

size_t sl_cp1252_to_utf8(unsigned char c, char out[3]) {
  /* 0x80-0x9F differ from Latin-1; 0 marks the undefined bytes. */
  static const uint16_t high[32] = {
      0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
      0x2039, 0x0152, 0,      0x017D, 0,      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
      0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};
  uint32_t cp = c;
  if (c >= 0x80 && c <= 0x9F) cp = high[c - 0x80];
  if (cp == 0) return 0;
  if (cp < 0x80) {
    out[0] = (char)cp;
    return 1;
  }
  if (cp < 0x800) {
    out[0] = (char)(0xC0 | (cp >> 6));
    out[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  out[0] = (char)(0xE0 | (cp >> 12));
  out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
  out[2] = (char)(0x80 | (cp & 0x3F));
  return 3;
}

const char *sl_ordinal_suffix(long n) {
  long t = labs(n) % 100; /* 11th-13th, not 11st-13rd */
  if (t >= 11 && t <= 13) return "th";
  return t % 10 == 1 ? "st" : t % 10 == 2 ? "nd" : t % 10 == 3 ? "rd" : "th";
}
