/* gp_check.h - the safety rules of a generated gnuplot script, checked on its text (plot.h):
 * untrusted text only inside single-quoted strings or datablocks, no backquote outside single
 * quotes, every logical line ending outside any string. Shared by fuzz_charts and the unit test
 * that replays its corpus (tests/unit/test_charts_corpus.c).
 *
 * Untrusted text is recognised by markers the caller wraps it in: GP_MARK_OPEN before and
 * GP_MARK_CLOSE after (two private-use characters that no template, header or number writes;
 * the caller removes them from the text itself). Either may be missing on a given string
 * (a title shortened with an ellipsis loses its end), but wherever one appears it must be
 * inside a single-quoted string or a datablock.
 *
 * The lexer follows gnuplot 5.4's scanner: a line ending in a backslash continues on the next
 * (whatever quotes it is inside); '#' outside strings starts a comment; inside '...' only the
 * quote is special ('' is one quote), except that a quote straight after the opening quote or
 * after a doubled quote ends the literal ('''a' is '' then 'a', 'a''''b' is 'a''' then 'b');
 * inside "..." a backslash escapes the next character; `$name << WORD` starts a
 * datablock that ends at a line that begins with WORD. Static inline functions only: include it in
 * one translation unit. */
#ifndef SCOUTLAB_GP_CHECK_H
#define SCOUTLAB_GP_CHECK_H

#include <stdio.h>
#include <string.h>

/* U+E000 and U+E001 (private use) in UTF-8. */
#define GP_MARK_OPEN "\xEE\x80\x80"
#define GP_MARK_CLOSE "\xEE\x80\x81"
#define GP_MARK_BYTES 3
/* Longest datablock terminator word the writers use ("EOD"), with room. */
#define GP_WORD_MAX 32

/* 1 when s (at least GP_MARK_BYTES readable, or NUL-terminated before) starts a marker. */
static inline int gp_is_mark(const char *s, const char *end) {
  return end - s >= GP_MARK_BYTES && (unsigned char)s[0] == 0xEE && (unsigned char)s[1] == 0x80 &&
         ((unsigned char)s[2] == 0x80 || (unsigned char)s[2] == 0x81);
}

/* Writes "line N: why" into msg; returns msg (the failure) for the caller to report. */
static inline const char *gp_fail(char *msg, size_t size, size_t line, const char *why) {
  snprintf(msg, size, "script line %zu: %s", line, why);
  return msg;
}

/* The datablock terminator of a "$name << WORD" line, into word; 0 when the line is not one. */
static inline int gp_datablock_start(const char *p, const char *end, char *word) {
  if (p >= end || *p != '$') return 0;
  const char *q = p + 1;
  while (q < end && (*q == '_' || (*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') || (*q >= '0' && *q <= '9')))
    q++;
  while (q < end && *q == ' ') q++;
  if (end - q < 2 || q[0] != '<' || q[1] != '<') return 0;
  q += 2;
  while (q < end && *q == ' ') q++;
  size_t n = 0;
  while (q < end && *q != ' ' && *q != '\n' && *q != '\r' && n + 1 < GP_WORD_MAX) word[n++] = *q++;
  word[n] = '\0';
  return n > 0;
}

/* Checks one logical line [p, end) (continuations included, newlines inside). NULL when it
 * keeps the rules, else the failure in msg. */
static inline const char *gp_check_line(const char *p, const char *end, size_t line, char *msg, size_t size) {
  enum { OUT, SQ, DQ } state = OUT;
  int after_quote = 0; /* in SQ: the last character opened the literal or doubled a quote */
  for (const char *s = p; s < end; s++) {
    if (*s == '\n') line++;
    if (gp_is_mark(s, end)) {
      if (state == DQ) return gp_fail(msg, size, line, "untrusted text inside a double-quoted string");
      if (state == OUT) return gp_fail(msg, size, line, "untrusted text outside any string");
      s += GP_MARK_BYTES - 1;
      continue;
    }
    switch (state) {
    case OUT:
      if (*s == '#') { /* a comment runs to the end of the logical line */
        for (const char *c = s; c < end; c++)
          if (gp_is_mark(c, end)) return gp_fail(msg, size, line, "untrusted text in a comment");
        return NULL;
      }
      if (*s == '`') return gp_fail(msg, size, line, "backquote outside single quotes");
      if (*s == '"') state = DQ;
      else if (*s == '\'') state = SQ, after_quote = 1;
      break;
    case SQ:
      if (*s != '\'') after_quote = 0;
      else if (!after_quote && s + 1 < end && s[1] == '\'') s++, after_quote = 1;
      else state = OUT;
      break;
    case DQ:
      if (*s == '`') return gp_fail(msg, size, line, "backquote inside a double-quoted string");
      if (*s == '\\' && s + 1 < end) s++;
      else if (*s == '"') state = OUT;
      break;
    }
  }
  if (state != OUT) return gp_fail(msg, size, line, "a string is still open at the end of the line");
  return NULL;
}

/* Checks a whole script of len bytes. NULL when it keeps every rule, else the failure (in msg). */
static inline const char *gp_check_script(const char *script, size_t len, char *msg, size_t size) {
  const char *p = script, *end = script + len;
  size_t line = 1;
  char word[GP_WORD_MAX];
  if (memchr(script, '\0', len)) return gp_fail(msg, size, 1, "a NUL byte in the script");
  while (p < end) {
    /* The logical line: physical lines joined while one ends in a backslash. */
    const char *q = p;
    size_t physical = 1;
    for (;;) {
      const char *nl = memchr(q, '\n', (size_t)(end - q));
      if (!nl) {
        q = end;
        break;
      }
      if (nl > q && nl[-1] == '\\') {
        q = nl + 1, physical++;
        continue;
      }
      q = nl;
      break;
    }
    if (gp_datablock_start(p, q, word)) {
      /* Data lines up to the terminator: any text may sit there, but none may begin with the
       * terminator before the last, or the block ends early and the rest runs as commands. */
      size_t wlen = strlen(word);
      const char *d = q < end ? q + 1 : end;
      line += physical;
      for (;;) {
        if (d >= end) return gp_fail(msg, size, line, "a datablock is never closed");
        const char *nl = memchr(d, '\n', (size_t)(end - d));
        const char *e = nl ? nl : end;
        if ((size_t)(e - d) >= wlen && !memcmp(d, word, wlen)) {
          if ((size_t)(e - d) != wlen) return gp_fail(msg, size, line, "a datablock line begins with its terminator");
          p = nl ? nl + 1 : end;
          line++;
          break;
        }
        line++;
        d = nl ? nl + 1 : end;
      }
      continue;
    }
    const char *why = gp_check_line(p, q, line, msg, size);
    if (why) return why;
    line += physical;
    p = q < end ? q + 1 : end;
  }
  return NULL;
}

#endif
