/* text.c - escaping text from data files for a terminal and for Markdown; see
 * include/scoutlab/text.h. One pass over the bytes, each output unit (a character or an
 * escape) written whole or not at all, as snprintf counts. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "scoutlab/text.h"
#include "textutil.h"

/* Output with snprintf's contract: len counts everything, written what fits; or to a stream. */
typedef struct emit {
  char *out;
  size_t size, len, written;
  int full; /* a unit did not fit: nothing after it is written either */
  FILE *f;  /* when set, everything goes here instead */
} emit;

static void put(emit *e, const char *s, size_t n) {
  if (e->f) {
    fwrite(s, 1, n, e->f);
  } else if (!e->full && e->out && e->written + n < e->size) {
    memcpy(e->out + e->written, s, n);
    e->written += n;
  } else {
    e->full = 1;
  }
  e->len += n;
}

static size_t finish(emit *e) {
  if (!e->f && e->out && e->size) e->out[e->written] = '\0';
  return e->len;
}

static uint32_t code_point(const unsigned char *p, size_t n) {
  if (n == 2) return (uint32_t)(p[0] & 0x1F) << 6 | (p[1] & 0x3F);
  if (n == 3) return (uint32_t)(p[0] & 0x0F) << 12 | (uint32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
  return (uint32_t)(p[0] & 0x07) << 18 | (uint32_t)(p[1] & 0x3F) << 12 | (uint32_t)(p[2] & 0x3F) << 6 | (p[3] & 0x3F);
}

/* Characters a terminal acts on although they are printable text: the C1 controls (U+0085 is a
 * line break on some), the bidirectional embeddings, overrides and isolates (they reorder what
 * follows on screen, "Trojan Source", Boucher & Anderson 2021) and the line/paragraph
 * separators. */
static int invisible_control(uint32_t c) {
  return (c >= 0x80 && c <= 0x9F) || c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x2028 && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

size_t sl_text_char_at(const char *s, size_t n, char esc[8], int *control) {
  const unsigned char *p = (const unsigned char *)s;
  unsigned c = p[0];
  *control = 0;
  if (c == '\n' || c == '\t') return 1;
  if (c == '\r') return *control = 1, snprintf(esc, 8, "\\r"), 1; /* as a terminal shows it */
  if (c < 0x20 || c == 0x7F) return *control = 1, snprintf(esc, 8, "\\x%02x", c), 1;
  if (c < 0x80) return 1;
  size_t len = sl_utf8_seq_len(p, n);
  if (len == 0) return *control = 1, snprintf(esc, 8, "\\x%02x", c), 1;
  uint32_t cp = code_point(p, len);
  if (invisible_control(cp)) *control = 1, snprintf(esc, 8, "\\u%04x", (unsigned)cp);
  return len;
}

void sl_text_csv_write(FILE *f, const char *s) {
  size_t n = s ? strlen(s) : 0;
  char esc[8];
  int control;
  while (n) {
    size_t used = sl_text_char_at(s, n, esc, &control);
    if (control) fputs(esc, f);
    else if (*s == '"') fputs("\"\"", f);
    else fwrite(s, 1, used, f);
    s += used, n -= used;
  }
}

/* One character at p (n bytes left) as a terminal shows it; returns the bytes consumed. */
static size_t terminal_char(emit *e, const unsigned char *p, size_t n) {
  char esc[16];
  unsigned c = p[0];
  if (c < 0x20 || c == 0x7F) {
    const char *named = c == '\n' ? "\\n" : c == '\r' ? "\\r" : c == '\t' ? "\\t" : NULL;
    if (!named) snprintf(esc, sizeof esc, "\\x%02x", c), named = esc;
    put(e, named, strlen(named));
    return 1;
  }
  if (c < 0x80) {
    put(e, (const char *)p, 1);
    return 1;
  }
  size_t len = sl_utf8_seq_len(p, n);
  if (len == 0) { /* not UTF-8: a lone byte such as 0x9b, which 8-bit terminals read as CSI */
    snprintf(esc, sizeof esc, "\\x%02x", c);
    put(e, esc, strlen(esc));
    return 1;
  }
  uint32_t cp = code_point(p, len);
  if (invisible_control(cp)) {
    snprintf(esc, sizeof esc, "\\u%04x", (unsigned)cp);
    put(e, esc, strlen(esc));
  } else {
    put(e, (const char *)p, len);
  }
  return len;
}

size_t sl_text_terminal(char *out, size_t size, const char *s) {
  emit e = {out, size, 0, 0, 0, NULL};
  const unsigned char *p = (const unsigned char *)(s ? s : "");
  size_t n = strlen((const char *)p);
  while (n) {
    size_t used = terminal_char(&e, p, n);
    p += used, n -= used;
  }
  return finish(&e);
}

/* Markdown: ASCII punctuation that starts inline markup or raw HTML anywhere (CommonMark 0.31
 * section 2.4 lets any ASCII punctuation be backslash-escaped; ~ is GFM's strikethrough, | its
 * table cell, & an entity). */
static const char md_inline[] = "\\`*_{}[]()<>#!|~&";
/* ... and what opens a block at the start of a line: lists (- + and "1."), setext underlines
 * (= -), thematic breaks, block quotes (> is escaped anyway). */
static const char md_line_start[] = "-+=";

static size_t markdown(emit *out, const char *s, sl_text_md_context context);

size_t sl_text_markdown(char *out, size_t size, const char *s, sl_text_md_context context) {
  emit e = {out, size, 0, 0, 0, NULL};
  return markdown(&e, s, context);
}

void sl_text_markdown_write(FILE *f, const char *s, sl_text_md_context context) {
  emit e = {NULL, 0, 0, 0, 0, f};
  markdown(&e, s, context);
}

static size_t markdown(emit *out, const char *s, sl_text_md_context context) {
  emit e = *out;
  const unsigned char *p = (const unsigned char *)(s ? s : "");
  size_t n = strlen((const char *)p);
  int line_start = context != SL_TEXT_MD_CELL;
  while (n) {
    unsigned c = p[0];
    if (c == '\n' || c == '\r' || c == '\t') {
      size_t used = c == '\r' && n > 1 && p[1] == '\n' ? 2 : 1; /* CRLF is one line break */
      /* In a paragraph a break is kept, but never a blank line (it would end the paragraph, and
       * the next one could be indented code) and never twice in a row. */
      if (context == SL_TEXT_MD_PARAGRAPH && c != '\t') {
        if (!line_start) put(&e, "\n", 1), line_start = 1;
      } else {
        put(&e, " ", 1);
      }
      p += used, n -= used;
      continue;
    }
    if (line_start && c == ' ') { /* indentation is dropped: Markdown shows a line without it, */
      p++, n--;                     /* and four spaces would open a code block */
      continue;
    }
    if (line_start && c >= '0' && c <= '9') { /* "12." would start an ordered list */
      size_t d = 0;
      while (d < n && p[d] >= '0' && p[d] <= '9') d++;
      put(&e, (const char *)p, d);
      if (d < n && p[d] == '.') put(&e, "\\.", 2), d++;
      p += d, n -= d, line_start = 0;
      continue;
    }
    if (c < 0x80 && c >= 0x20 && c != 0x7F && (strchr(md_inline, (int)c) || (line_start && strchr(md_line_start, (int)c)))) {
      char esc[2] = {'\\', (char)c};
      put(&e, esc, 2);
      p++, n--;
      line_start = 0;
      continue;
    }
    size_t used = terminal_char(&e, p, n); /* text as is, controls visible */
    p += used, n -= used;
    line_start = 0;
  }
  *out = e;
  return finish(out);
}
