/* numdiff.c - token-wise comparison of golden texts and JSON with a relative tolerance on numbers
 * (see numdiff.h). Numbers are converted by strtod in the "C" spelling whatever the process
 * locale: a '.' in the token is swapped for the locale's decimal point before conversion. */
#include "numdiff.h"

#include <ctype.h>
#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Longest numeric token converted; longer digit runs are compared as text only. */
#define NUMDIFF_NUM_MAX 400
/* JSON nesting depth accepted; deeper input is reported, not recursed into. */
#define NUMDIFF_JSON_DEPTH 256
/* How much of a line is quoted in a report. */
#define NUMDIFF_QUOTE 160

static void say(char *why, size_t size, const char *fmt, ...) {
  if (!why || !size) return;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(why, size, fmt, ap);
  va_end(ap);
}

static void append(char *why, size_t size, const char *fmt, ...) {
  if (!why || !size) return;
  size_t used = strlen(why);
  if (used + 1 >= size) return;
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(why + used, size - used, fmt, ap);
  va_end(ap);
}

/* ---------------------------------------------------------------- numbers */

static int to_double(const char *s, size_t n, double *out) {
  char buf[NUMDIFF_NUM_MAX + 1];
  if (n > NUMDIFF_NUM_MAX) return -1;
  memcpy(buf, s, n);
  buf[n] = '\0';
  const char *point = localeconv()->decimal_point;
  if (point && point[0] && point[0] != '.' && !point[1]) {
    char *dot = strchr(buf, '.');
    if (dot) *dot = point[0];
  }
  char *end = NULL;
  *out = strtod(buf, &end);
  return end == buf + n ? 0 : -1;
}

int numdiff_close(double expected, double got, const numdiff_opts *o) {
  if (expected == got) return 1;
  if (isnan(expected) || isnan(got)) return isnan(expected) && isnan(got);
  if (isinf(expected) || isinf(got)) return 0;
  double d = fabs(expected - got), scale = fmax(fabs(expected), fabs(got));
  return d <= o->rel * scale || d <= o->abs;
}

/* Length of the number starting at p (0 if none): [+-]digits[.digits][e[+-]digits] or [+-].digits. */
static size_t number_length(const char *p, const char *end) {
  const char *q = p;
  if (q < end && (*q == '+' || *q == '-')) q++;
  size_t int_digits = 0, frac_digits = 0;
  while (q < end && isdigit((unsigned char)*q)) q++, int_digits++;
  if (q < end && *q == '.') {
    const char *r = q + 1;
    while (r < end && isdigit((unsigned char)*r)) r++, frac_digits++;
    if (frac_digits || int_digits) q = r;
  }
  if (!int_digits && !frac_digits) return 0;
  if (q < end && (*q == 'e' || *q == 'E')) {
    const char *r = q + 1;
    if (r < end && (*r == '+' || *r == '-')) r++;
    if (r < end && isdigit((unsigned char)*r)) {
      while (r < end && isdigit((unsigned char)*r)) r++;
      q = r;
    }
  }
  return (size_t)(q - p);
}

/* ---------------------------------------------------------------- text tokens */

typedef enum { TK_END, TK_NUM, TK_WORD, TK_BLANK, TK_NL } tk_kind;

typedef struct token {
  tk_kind kind;
  const char *s;
  size_t n;
  double v;
  int has_value; /* TK_NUM converted */
} token;

typedef struct scanner {
  const char *start, *p, *end;
  size_t line, index; /* 1-based line; token index within the line */
  const char *line_start;
} scanner;

static int is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

static token next_token(scanner *sc) {
  token t = {TK_END, sc->p, 0, 0.0, 0};
  if (sc->p >= sc->end) return t;
  const char *p = sc->p;
  if (*p == '\n') {
    t.kind = TK_NL;
    t.n = 1;
  } else if (is_blank(*p)) {
    while (p < sc->end && is_blank(*p)) p++;
    t.kind = TK_BLANK;
    t.n = (size_t)(p - sc->p);
  } else if ((t.n = number_length(p, sc->end)) > 0) {
    t.kind = TK_NUM;
    t.has_value = to_double(p, t.n, &t.v) == 0;
  } else {
    /* A word runs to the next blank, newline or number. */
    p++;
    while (p < sc->end && *p != '\n' && !is_blank(*p) && !number_length(p, sc->end)) p++;
    t.kind = TK_WORD;
    t.n = (size_t)(p - sc->p);
  }
  sc->p = t.s + t.n;
  return t;
}

static void quote_line(char *why, size_t size, const char *label, const scanner *sc, const char *at) {
  const char *ls = at, *le = at;
  while (ls > sc->start && ls[-1] != '\n') ls--;
  while (le < sc->end && *le != '\n') le++;
  int n = (int)(le - ls > NUMDIFF_QUOTE ? NUMDIFF_QUOTE : le - ls);
  append(why, size, "\n  %s line %zu: %.*s%s", label, sc->line, n, ls, le - ls > n ? "..." : "");
}

static const char *kind_name(tk_kind k) {
  switch (k) {
  case TK_END: return "end of file";
  case TK_NUM: return "number";
  case TK_WORD: return "text";
  case TK_BLANK: return "blanks";
  case TK_NL: return "end of line";
  }
  return "?";
}

static int tokens_equal(const token *e, const token *g, const numdiff_opts *o) {
  if (e->kind != g->kind) return 0;
  switch (e->kind) {
  case TK_END:
  case TK_NL: return 1;
  case TK_BLANK: return !o->exact_space || (e->n == g->n && !memcmp(e->s, g->s, e->n));
  case TK_NUM:
    if (e->n == g->n && !memcmp(e->s, g->s, e->n)) return 1;
    return e->has_value && g->has_value && numdiff_close(e->v, g->v, o);
  case TK_WORD: return e->n == g->n && !memcmp(e->s, g->s, e->n);
  }
  return 0;
}

static void show_token(char *why, size_t size, const char *label, const token *t) {
  if (t->kind == TK_NUM || t->kind == TK_WORD)
    append(why, size, "%s \"%.*s\"", label, (int)(t->n > NUMDIFF_QUOTE ? NUMDIFF_QUOTE : t->n), t->s);
  else
    append(why, size, "%s %s", label, kind_name(t->kind));
}

int numdiff_text(const char *expected, size_t elen, const char *got, size_t glen,
                 const numdiff_opts *o, char *why, size_t size) {
  scanner se = {expected, expected, expected + elen, 1, 0, expected};
  scanner sg = {got, got, got + glen, 1, 0, got};
  for (;;) {
    token e = next_token(&se), g = next_token(&sg);
    se.index++;
    if (!tokens_equal(&e, &g, o)) {
      say(why, size, "line %zu, token %zu: ", se.line, se.index);
      show_token(why, size, "expected", &e);
      show_token(why, size, ", got", &g);
      if (e.kind == TK_NUM && g.kind == TK_NUM && e.has_value && g.has_value) {
        double scale = fmax(fabs(e.v), fabs(g.v));
        append(why, size, " (relative difference %.3g, tolerance %g)",
               scale > 0 ? fabs(e.v - g.v) / scale : 0.0, o->rel);
      }
      quote_line(why, size, "expected", &se, e.s);
      quote_line(why, size, "got     ", &sg, g.s);
      return 1;
    }
    if (e.kind == TK_END) return 0;
    if (e.kind == TK_NL) se.line++, sg.line++, se.index = 0;
  }
}

/* ---------------------------------------------------------------- JSON */

typedef enum { J_NULL, J_TRUE, J_FALSE, J_NUM, J_STR, J_ARR, J_OBJ } jkind;

typedef struct jnode {
  jkind kind;
  double num;
  const char *raw; /* the number's own text */
  size_t raw_n;
  char *str; /* J_STR: the unescaped UTF-8 bytes */
  size_t str_n;
  struct jnode *items; /* J_ARR elements or J_OBJ values */
  struct jnode *keys;  /* J_OBJ keys (J_STR nodes) */
  size_t n, cap;
} jnode;

typedef struct jparser {
  const char *start, *p, *end;
  const char *side;
  char *why;
  size_t size;
  int failed;
} jparser;

static void jfree(jnode *j) {
  if (!j) return;
  for (size_t i = 0; i < j->n; i++) {
    jfree(&j->items[i]);
    if (j->keys) jfree(&j->keys[i]);
  }
  free(j->items);
  free(j->keys);
  free(j->str);
}

static int jfail(jparser *ps, const char *what) {
  if (ps->failed) return -1;
  size_t line = 1, col = 1;
  for (const char *q = ps->start; q < ps->p && q < ps->end; q++) {
    if (*q == '\n') line++, col = 1;
    else col++;
  }
  say(ps->why, ps->size, "%s is not JSON at line %zu, column %zu: %s", ps->side, line, col, what);
  ps->failed = 1;
  return -1;
}

static void jspace(jparser *ps) {
  while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r')) ps->p++;
}

static int put_utf8(char *out, size_t *n, unsigned long c) {
  if (c < 0x80) out[(*n)++] = (char)c;
  else if (c < 0x800) out[(*n)++] = (char)(0xC0 | (c >> 6)), out[(*n)++] = (char)(0x80 | (c & 0x3F));
  else if (c < 0x10000) {
    out[(*n)++] = (char)(0xE0 | (c >> 12));
    out[(*n)++] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[(*n)++] = (char)(0x80 | (c & 0x3F));
  } else {
    out[(*n)++] = (char)(0xF0 | (c >> 18));
    out[(*n)++] = (char)(0x80 | ((c >> 12) & 0x3F));
    out[(*n)++] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[(*n)++] = (char)(0x80 | (c & 0x3F));
  }
  return 0;
}

static int hex4(jparser *ps, unsigned long *c) {
  if (ps->end - ps->p < 4) return jfail(ps, "short \\u escape");
  *c = 0;
  for (int i = 0; i < 4; i++) {
    int h = ps->p[i];
    int v = isdigit(h) ? h - '0' : (h >= 'a' && h <= 'f') ? h - 'a' + 10 : (h >= 'A' && h <= 'F') ? h - 'A' + 10 : -1;
    if (v < 0) return jfail(ps, "bad \\u escape");
    *c = *c * 16 + (unsigned long)v;
  }
  ps->p += 4;
  return 0;
}

static int jstring(jparser *ps, jnode *j) {
  ps->p++; /* the opening quote */
  const char *s = ps->p;
  while (ps->p < ps->end && *ps->p != '"') ps->p += *ps->p == '\\' && ps->p + 1 < ps->end ? 2 : 1;
  if (ps->p >= ps->end) return jfail(ps, "unterminated string");
  size_t raw = (size_t)(ps->p - s);
  j->kind = J_STR;
  j->str = malloc(raw + 1);
  if (!j->str) return jfail(ps, "out of memory");
  ps->p = s;
  size_t n = 0;
  while (*ps->p != '"') {
    char c = *ps->p++;
    if (c != '\\') {
      j->str[n++] = c;
      continue;
    }
    c = *ps->p++;
    unsigned long u;
    switch (c) {
    case '"': case '\\': case '/': j->str[n++] = c; break;
    case 'b': j->str[n++] = '\b'; break;
    case 'f': j->str[n++] = '\f'; break;
    case 'n': j->str[n++] = '\n'; break;
    case 'r': j->str[n++] = '\r'; break;
    case 't': j->str[n++] = '\t'; break;
    case 'u':
      if (hex4(ps, &u)) return -1;
      if (u >= 0xD800 && u < 0xDC00 && ps->end - ps->p >= 6 && ps->p[0] == '\\' && ps->p[1] == 'u') {
        unsigned long lo;
        ps->p += 2;
        if (hex4(ps, &lo)) return -1;
        u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
      }
      put_utf8(j->str, &n, u); /* at most 4 bytes for the 6 or 12 escape bytes read */
      break;
    default: return jfail(ps, "bad escape in string");
    }
  }
  ps->p++;
  j->str_n = n;
  return 0;
}

static int jvalue(jparser *ps, jnode *j, int depth);

static int jpush(jparser *ps, jnode *j, jnode **slot, jnode **key_slot) {
  if (j->n == j->cap) {
    size_t cap = j->cap ? 2 * j->cap : 8;
    jnode *items = realloc(j->items, cap * sizeof *items);
    if (!items) return jfail(ps, "out of memory");
    j->items = items;
    if (j->kind == J_OBJ) {
      jnode *keys = realloc(j->keys, cap * sizeof *keys);
      if (!keys) return jfail(ps, "out of memory");
      j->keys = keys;
    }
    j->cap = cap;
  }
  memset(&j->items[j->n], 0, sizeof j->items[0]);
  *slot = &j->items[j->n];
  if (key_slot) {
    memset(&j->keys[j->n], 0, sizeof j->keys[0]);
    *key_slot = &j->keys[j->n];
  }
  j->n++;
  return 0;
}

static int jcontainer(jparser *ps, jnode *j, int depth) {
  char close = *ps->p == '[' ? ']' : '}';
  j->kind = close == ']' ? J_ARR : J_OBJ;
  ps->p++;
  jspace(ps);
  if (ps->p < ps->end && *ps->p == close) return ps->p++, 0;
  for (;;) {
    jnode *item, *key = NULL;
    if (jpush(ps, j, &item, j->kind == J_OBJ ? &key : NULL)) return -1;
    if (key) {
      jspace(ps);
      if (ps->p >= ps->end || *ps->p != '"') return jfail(ps, "expected a key string");
      if (jstring(ps, key)) return -1;
      jspace(ps);
      if (ps->p >= ps->end || *ps->p != ':') return jfail(ps, "expected ':'");
      ps->p++;
    }
    if (jvalue(ps, item, depth + 1)) return -1;
    jspace(ps);
    if (ps->p < ps->end && *ps->p == ',') {
      ps->p++;
      continue;
    }
    if (ps->p < ps->end && *ps->p == close) return ps->p++, 0;
    return jfail(ps, close == ']' ? "expected ',' or ']'" : "expected ',' or '}'");
  }
}

static int jvalue(jparser *ps, jnode *j, int depth) {
  if (depth > NUMDIFF_JSON_DEPTH) return jfail(ps, "nested too deeply");
  jspace(ps);
  if (ps->p >= ps->end) return jfail(ps, "expected a value");
  static const struct { const char *word; jkind kind; } words[] = {
      {"null", J_NULL}, {"true", J_TRUE}, {"false", J_FALSE}};
  for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
    size_t n = strlen(words[i].word);
    if ((size_t)(ps->end - ps->p) >= n && !memcmp(ps->p, words[i].word, n)) {
      j->kind = words[i].kind;
      ps->p += n;
      return 0;
    }
  }
  if (*ps->p == '"') return jstring(ps, j);
  if (*ps->p == '[' || *ps->p == '{') return jcontainer(ps, j, depth);
  size_t n = number_length(ps->p, ps->end);
  if (!n) return jfail(ps, "expected a value");
  j->kind = J_NUM;
  j->raw = ps->p;
  j->raw_n = n;
  if (to_double(ps->p, n, &j->num)) return jfail(ps, "number too long");
  ps->p += n;
  return 0;
}

/* All values of one side as the items of a J_ARR root. */
static int jdocument(const char *text, size_t len, const char *side, jnode *root, char *why, size_t size) {
  jparser ps = {text, text, text + len, side, why, size, 0};
  memset(root, 0, sizeof *root);
  root->kind = J_ARR;
  for (;;) {
    jspace(&ps);
    if (ps.p >= ps.end) return 0;
    jnode *item;
    if (jpush(&ps, root, &item, NULL) || jvalue(&ps, item, 0)) return -1;
  }
}

static const char *jkind_name(jkind k) {
  static const char *const names[] = {"null", "true", "false", "a number", "a string", "an array", "an object"};
  return names[k];
}

static void jshow(char *why, size_t size, const jnode *j) {
  if (j->kind == J_NUM) append(why, size, "%.*s", (int)j->raw_n, j->raw);
  else if (j->kind == J_STR)
    append(why, size, "\"%.*s\"", (int)(j->str_n > NUMDIFF_QUOTE ? NUMDIFF_QUOTE : j->str_n), j->str);
  else append(why, size, "%s", jkind_name(j->kind));
}

static int jdiffer(const char *path, const jnode *e, const jnode *g, const char *what, char *why, size_t size) {
  say(why, size, "%s: %s: expected ", path, what);
  jshow(why, size, e);
  append(why, size, ", got ");
  jshow(why, size, g);
  return 1;
}

static int jequal(const jnode *e, const jnode *g, char *path, size_t path_size, const numdiff_opts *o,
                  char *why, size_t size) {
  if (e->kind != g->kind) return jdiffer(path, e, g, "different types", why, size);
  size_t here = strlen(path);
  switch (e->kind) {
  case J_NULL: case J_TRUE: case J_FALSE: return 0;
  case J_NUM:
    if (numdiff_close(e->num, g->num, o)) return 0;
    jdiffer(path, e, g, "numbers differ", why, size);
    append(why, size, " (relative difference %.3g, tolerance %g)",
           fabs(e->num - g->num) / fmax(fabs(e->num), fabs(g->num)), o->rel);
    return 1;
  case J_STR:
    if (e->str_n == g->str_n && !memcmp(e->str, g->str, e->str_n)) return 0;
    return jdiffer(path, e, g, "strings differ", why, size);
  case J_ARR:
    for (size_t i = 0; i < e->n && i < g->n; i++) {
      snprintf(path + here, path_size - here, "[%zu]", i);
      if (jequal(&e->items[i], &g->items[i], path, path_size, o, why, size)) return 1;
    }
    path[here] = '\0';
    if (e->n != g->n) {
      say(why, size, "%s: expected %zu elements, got %zu", path, e->n, g->n);
      return 1;
    }
    return 0;
  case J_OBJ:
    for (size_t i = 0; i < e->n; i++) {
      const jnode *k = &e->keys[i];
      size_t m = 0;
      while (m < g->n && !(g->keys[m].str_n == k->str_n && !memcmp(g->keys[m].str, k->str, k->str_n))) m++;
      snprintf(path + here, path_size - here, ".%.*s", (int)k->str_n, k->str);
      if (m == g->n) {
        say(why, size, "%s: missing in the output", path);
        return 1;
      }
      if (jequal(&e->items[i], &g->items[m], path, path_size, o, why, size)) return 1;
    }
    path[here] = '\0';
    for (size_t m = 0; m < g->n; m++) {
      size_t i = 0;
      while (i < e->n && !(e->keys[i].str_n == g->keys[m].str_n &&
                           !memcmp(e->keys[i].str, g->keys[m].str, g->keys[m].str_n))) i++;
      if (i == e->n) {
        say(why, size, "%s: key \"%.*s\" in the output is not in the golden", path[0] ? path : "$",
            (int)g->keys[m].str_n, g->keys[m].str);
        return 1;
      }
    }
    return 0;
  }
  return 0;
}

int numdiff_json(const char *expected, size_t elen, const char *got, size_t glen, const numdiff_opts *o,
                 char *why, size_t size) {
  jnode e, g;
  int st = 0;
  if (jdocument(expected, elen, "the golden", &e, why, size)) st = 2;
  if (!st && jdocument(got, glen, "the output", &g, why, size)) {
    jfree(&g);
    st = 2;
  }
  if (!st) {
    char path[1024] = "$";
    if (e.n != g.n) {
      say(why, size, "expected %zu JSON values, got %zu", e.n, g.n);
      st = 1;
    } else {
      for (size_t i = 0; i < e.n && !st; i++) {
        if (e.n > 1) snprintf(path, sizeof path, "value %zu: $", i + 1);
        st = jequal(&e.items[i], &g.items[i], path, sizeof path, o, why, size);
      }
    }
    jfree(&g);
  }
  jfree(&e);
  return st;
}
