/* fees_terms.c - the fee model's terms as data: the machine names of its variables, the term
 * list a user declares (`fit --terms "age,age^2,position,spline(log_mv,4),log_mv:age"`), which
 * shapes of term exist (one rule, for the parser and the model loader), the names a term and its
 * columns get, and Harrell's restricted cubic spline (knots and basis).
 *
 * Grammar of a term list (spaces between tokens allowed):
 *   list  := item (',' item)*
 *   item  := 'spline' '(' NAME ',' K ')' | NAME '^2' | NAME (':' NAME)?
 *   NAME  := a variable's machine name (sl_fees_var_key) or an alias of one
 * NAME and NAME^2 together are one quadratic term, NAME and spline(NAME,K) one spline term (at
 * the place of the first), so the list "log_mv,spline(log_mv,4)" has one term of three columns.
 * An interaction is numeric:numeric (one product column) or numeric:factor, in either order
 * (the numeric times each non-reference level's dummy, named as R names them:
 * "log market value:buying league Premier League"). The season enters only on its own: its form
 * (trend, level, none) is the season mode's. column(NAME) stands for a numeric column of the
 * transfers file wherever a numeric NAME may: variable SL_FEES_VAR_COLUMN(k) of the list, its
 * name in list->columns[k]. */
#include <ctype.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fees_internal.h"
#include "scoutlab/names.h"

/* ---- variables ------------------------------------------------------------------------------ */

static const char *const var_keys[SL_FEES_VAR_COUNT] = {
    "age",     "position", "buyer_league", "seller_league", "season",      "log_mv",
    "contract", "minutes", "starts",       "npxg_xag",      "progressive", "team_points",
    "buyer_club", "last_fee", "no_last_fee"};

const char *sl_fees_var_key(sl_fees_var v) { return (unsigned)v < SL_FEES_VAR_COUNT ? var_keys[v] : ""; }

int sl_fees_var_is_factor(sl_fees_var v) {
  return v == SL_FEES_VAR_POSITION || v == SL_FEES_VAR_BUYER_LEAGUE || v == SL_FEES_VAR_SELLER_LEAGUE ||
         v == SL_FEES_VAR_BUYER_CLUB;
}

/* Other spellings a user may reach for: the transfers file's column names. */
static const struct {
  const char *alias;
  sl_fees_var var;
} var_aliases[] = {{"contract_months", SL_FEES_VAR_CONTRACT},   {"minutes_share", SL_FEES_VAR_MINUTES},
                   {"buying_league", SL_FEES_VAR_BUYER_LEAGUE}, {"selling_league", SL_FEES_VAR_SELLER_LEAGUE},
                   {"starts_share", SL_FEES_VAR_STARTS},        {"log_market_value", SL_FEES_VAR_MARKET_VALUE},
                   {"buying_club", SL_FEES_VAR_BUYER_CLUB},     {"previous_fee", SL_FEES_VAR_LAST_FEE}};

static int var_of_key(const char *key) {
  for (int v = 0; v < SL_FEES_VAR_COUNT; v++)
    if (strcmp(key, var_keys[v]) == 0) return v;
  for (size_t a = 0; a < sizeof var_aliases / sizeof var_aliases[0]; a++)
    if (strcmp(key, var_aliases[a].alias) == 0) return (int)var_aliases[a].var;
  return -1;
}

/* ---- which terms exist ---------------------------------------------------------------------- */

static int column_var(int v) { return v >= SL_FEES_VAR_COUNT && v < SL_FEES_VAR_MAX; }

static int numeric_var(int v) {
  return (v >= 0 && v < SL_FEES_VAR_COUNT && !sl_fees_var_is_factor((sl_fees_var)v) && v != SL_FEES_VAR_SEASON) ||
         column_var(v);
}

/* A variable that may bend (a square, a spline): not the last fee, whose 0 for "none" would pull
 * the knots and the curve, nor its 0/1 indicator. */
static int curvable_var(int v) { return numeric_var(v) && v != SL_FEES_VAR_LAST_FEE && v != SL_FEES_VAR_NO_LAST_FEE; }

int sl_fees_term_shape_ok(int var, int kind, int partner, size_t nknots) {
  if (var < 0 || var >= SL_FEES_VAR_MAX || kind < 0 || kind >= SL_FEES_TERM_KIND_COUNT) return 0;
  if ((kind == SL_FEES_TERM_INTERACTION) != (partner != -1)) return 0;
  if ((kind == SL_FEES_TERM_SPLINE) != (nknots != 0)) return 0;
  switch (kind) {
  case SL_FEES_TERM_LINEAR: return numeric_var(var) || var == SL_FEES_VAR_SEASON;
  case SL_FEES_TERM_QUADRATIC: return curvable_var(var);
  case SL_FEES_TERM_FACTOR: return sl_fees_var_is_factor((sl_fees_var)var) || var == SL_FEES_VAR_SEASON;
  case SL_FEES_TERM_SPLINE: return curvable_var(var) && nknots >= SL_FEES_MIN_KNOTS && nknots <= SL_FEES_MAX_KNOTS;
  default: /* interaction */
    return numeric_var(var) && partner != var &&
           (numeric_var(partner) || sl_fees_var_is_factor((sl_fees_var)partner));
  }
}

int sl_fees_term_is_classic(const sl_fees_term *t) {
  if (column_var((int)t->var)) return 0; /* a column term needs format 4 */
  switch (t->var) {
  case SL_FEES_VAR_AGE: return t->kind == SL_FEES_TERM_QUADRATIC;
  case SL_FEES_VAR_POSITION:
  case SL_FEES_VAR_BUYER_LEAGUE:
  case SL_FEES_VAR_SELLER_LEAGUE: return t->kind == SL_FEES_TERM_FACTOR;
  case SL_FEES_VAR_SEASON: return t->kind == SL_FEES_TERM_LINEAR || t->kind == SL_FEES_TERM_FACTOR;
  default: return t->kind == SL_FEES_TERM_LINEAR;
  }
}

size_t sl_fees_term_columns(const sl_fees_term *t) {
  switch (t->kind) {
  case SL_FEES_TERM_QUADRATIC: return 2;
  case SL_FEES_TERM_FACTOR: return t->nlevels ? t->nlevels - 1 : 0;
  case SL_FEES_TERM_SPLINE: return t->nknots ? t->nknots - 1 : 0;
  case SL_FEES_TERM_INTERACTION:
    return sl_fees_var_is_factor((sl_fees_var)t->partner) ? (t->nlevels ? t->nlevels - 1 : 0) : 1;
  default: return 1;
  }
}

/* ---- the parser ----------------------------------------------------------------------------- */

typedef struct parser {
  const char *text, *p;
  sl_error *err;
  sl_fees_term_list *list; /* for the column(NAME) terms' names */
} parser;

/* 1-based character column of a byte position (UTF-8: continuation bytes do not count). */
static long column_of(const parser *ps, const char *at) {
  long col = 1;
  for (const char *c = ps->text; c < at; c++) col += ((unsigned char)*c & 0xC0) != 0x80;
  return col;
}

static int fail(parser *ps, const char *at, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;
static int fail(parser *ps, const char *at, const char *fmt, ...) {
  char what[SL_ERROR_MESSAGE_MAX - 64];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(what, sizeof what, fmt, ap);
  va_end(ap);
  long col = column_of(ps, at);
  return sl_error_set(ps->err, SL_EPARSE, NULL, 0, col, "term list, column %ld: %s", col, what);
}

static void skip_space(parser *ps) {
  while (*ps->p == ' ' || *ps->p == '\t') ps->p++;
}

/* What a term may start with, for messages. */
#define EXPECTED_TERM "a term (NAME, NAME^2, spline(NAME,K) or NAME:NAME)"

static int fail_expected(parser *ps, const char *expected) {
  if (!*ps->p) return fail(ps, ps->p, "expected %s, found the end of the list", expected);
  char found[16];
  snprintf(found, sizeof found, "%.*s", ps->p[1] ? 2 : 1, ps->p);
  if (((unsigned char)found[0] & 0x80) || ((unsigned char)found[1] & 0x80)) found[1] = 0;
  return fail(ps, ps->p, "expected %s, found '%s'", expected, found);
}

/* The list of variable names, for "expected one of". */
static void var_list(char *buf, size_t size) {
  size_t used = 0;
  buf[0] = 0;
  for (int v = 0; v < SL_FEES_VAR_COUNT && used < size; v++)
    used += (size_t)snprintf(buf + used, size - used, "%s%s", v ? ", " : "", var_keys[v]);
}

/* The closest variable name to an unknown one, or NULL when none is close (at most a third of
 * its letters changed, at least one). */
static const char *closest_var(const char *name) {
  size_t len = strlen(name), cap = len / 3 + 2, best = cap;
  const char *hit = NULL;
  for (int v = 0; v < SL_FEES_VAR_COUNT; v++) {
    size_t d = sl_name_distance(name, var_keys[v], cap);
    if (d < best) best = d, hit = var_keys[v];
  }
  for (size_t a = 0; a < sizeof var_aliases / sizeof var_aliases[0]; a++) {
    size_t d = sl_name_distance(name, var_aliases[a].alias, cap);
    if (d < best) best = d, hit = var_keys[var_aliases[a].var];
  }
  return hit;
}

/* column(NAME) after the word "column": the variable of that column, the same one each time the
 * list names it. */
static int parse_column(parser *ps, int *var) {
  skip_space(ps);
  if (*ps->p != '(') return fail_expected(ps, "'(' after column (column(NAME), a column of the transfers file)");
  ps->p++;
  skip_space(ps);
  const char *start = ps->p;
  while (*ps->p && !strchr(",:()", *ps->p)) ps->p++;
  const char *end = ps->p;
  while (end > start && (end[-1] == ' ' || end[-1] == '\t')) end--;
  if (end == start) return fail_expected(ps, "a column name in column(NAME)");
  if (*ps->p != ')') return fail_expected(ps, "')' closing column(NAME) (a name has no ',', ':' or '(')");
  ps->p++;
  if ((size_t)(end - start) >= SL_FEES_COLUMN_NAME_MAX)
    return fail(ps, start, "a column name of more than %d bytes", SL_FEES_COLUMN_NAME_MAX - 1);
  char name[SL_FEES_COLUMN_NAME_MAX];
  snprintf(name, sizeof name, "%.*s", (int)(end - start), start);
  sl_fees_term_list *l = ps->list;
  size_t k = 0;
  while (k < l->ncolumns && strcmp(l->columns[k], name) != 0) k++;
  if (k == SL_FEES_MAX_COLUMN_TERMS) return fail(ps, start, "more than %d columns", SL_FEES_MAX_COLUMN_TERMS);
  if (k == l->ncolumns) memcpy(l->columns[l->ncolumns++], name, sizeof name);
  *var = (int)SL_FEES_VAR_COLUMN(k);
  return SL_OK;
}

/* A variable name or column(NAME); *var gets its sl_fees_var. */
static int parse_var(parser *ps, int *var) {
  skip_space(ps);
  const char *start = ps->p;
  while (isalnum((unsigned char)*ps->p) || *ps->p == '_') ps->p++;
  if (ps->p == start) return fail_expected(ps, EXPECTED_TERM);
  char name[64];
  snprintf(name, sizeof name, "%.*s", (int)(ps->p - start), start);
  for (char *c = name; *c; c++) *c = (char)tolower((unsigned char)*c);
  const char *after = ps->p;
  while (*after == ' ' || *after == '\t') after++;
  if (strcmp(name, "column") == 0 && *after == '(') return parse_column(ps, var);
  if ((*var = var_of_key(name)) >= 0) return SL_OK;
  char hint[96] = "", list[256];
  const char *near = closest_var(name);
  if (near) snprintf(hint, sizeof hint, " (did you mean '%s'?)", near);
  var_list(list, sizeof list);
  char what[400];
  snprintf(what, sizeof what, "%s; expected a variable: %s, or column(NAME)", hint, list);
  return fail(ps, start, "unknown variable '%s'%s", name, what);
}

/* A variable's name in the list's words, for messages and the list's text. */
static const char *list_key(const sl_fees_term_list *l, int v, char *buf, size_t size) {
  if (column_var(v)) {
    size_t k = (size_t)(v - SL_FEES_VAR_COUNT);
    snprintf(buf, size, "column(%s)", l && k < l->ncolumns ? l->columns[k] : "?");
  } else snprintf(buf, size, "%s", sl_fees_var_key((sl_fees_var)v));
  return buf;
}

/* spline(NAME,K) after the word "spline". */
static int parse_spline(parser *ps, sl_fees_term_spec *t) {
  skip_space(ps);
  if (*ps->p != '(') return fail_expected(ps, "'(' after spline (spline(NAME,K))");
  ps->p++;
  skip_space(ps);
  const char *at = ps->p;
  int v, st = parse_var(ps, &v);
  if (st) return st;
  if (!numeric_var(v))
    return fail(ps, at, "%s cannot be a spline: a spline needs a numeric variable (not a factor or the season)",
                sl_fees_var_key((sl_fees_var)v));
  if (!curvable_var(v))
    return fail(ps, at, "%s cannot be a spline: it enters linearly (0 with no_last_fee 1 for a player without one)",
                sl_fees_var_key((sl_fees_var)v));
  skip_space(ps);
  if (*ps->p != ',') return fail_expected(ps, "',' and the number of knots (spline(NAME,K))");
  ps->p++;
  skip_space(ps);
  const char *kat = ps->p;
  char *end;
  long k = strtol(ps->p, &end, 10);
  if (end == ps->p || !isdigit((unsigned char)*ps->p)) return fail_expected(ps, "the number of knots (3 to 7)");
  if (k < SL_FEES_MIN_KNOTS || k > SL_FEES_MAX_KNOTS)
    return fail(ps, kat, "%ld knots: expected %d to %d (Harrell's knot table)", k, SL_FEES_MIN_KNOTS,
                SL_FEES_MAX_KNOTS);
  ps->p = end;
  skip_space(ps);
  if (*ps->p != ')') return fail_expected(ps, "')' closing spline(NAME,K)");
  ps->p++;
  *t = (sl_fees_term_spec){(sl_fees_var)v, SL_FEES_TERM_SPLINE, -1, (size_t)k};
  return SL_OK;
}

/* NAME, NAME^2 or NAME:NAME. */
static int parse_plain(parser *ps, sl_fees_term_spec *t) {
  const char *at = ps->p;
  int v, st = parse_var(ps, &v);
  if (st) return st;
  *t = (sl_fees_term_spec){(sl_fees_var)v, sl_fees_var_is_factor((sl_fees_var)v) ? SL_FEES_TERM_FACTOR
                                                                                   : SL_FEES_TERM_LINEAR, -1, 0};
  skip_space(ps);
  if (*ps->p == '^') {
    ps->p++;
    if (*ps->p != '2') return fail_expected(ps, "2 after '^' (only squares: NAME^2)");
    ps->p++;
    if (!numeric_var(v))
      return fail(ps, at, "%s cannot be squared: NAME^2 needs a numeric variable (not a factor or the season)",
                  sl_fees_var_key((sl_fees_var)v));
    if (!curvable_var(v))
      return fail(ps, at, "%s cannot be squared: it enters linearly (0 with no_last_fee 1 for a player without one)",
                  sl_fees_var_key((sl_fees_var)v));
    t->kind = SL_FEES_TERM_QUADRATIC;
    return SL_OK;
  }
  if (*ps->p != ':') return SL_OK;
  ps->p++;
  const char *bat = ps->p;
  int w;
  if ((st = parse_var(ps, &w))) return st;
  if (v == SL_FEES_VAR_SEASON || w == SL_FEES_VAR_SEASON)
    return fail(ps, v == SL_FEES_VAR_SEASON ? at : bat,
                "the season cannot be in an interaction (its form is the season mode's)");
  char ka[96], kb[96];
  list_key(ps->list, v, ka, sizeof ka), list_key(ps->list, w, kb, sizeof kb);
  if (v == w) return fail(ps, bat, "%s:%s is the variable with itself (use NAME^2)", ka, kb);
  if (!numeric_var(v) && !numeric_var(w))
    return fail(ps, at, "%s:%s: two factors cannot interact (an interaction needs a numeric variable)", ka, kb);
  if (!numeric_var(v)) *t = (sl_fees_term_spec){(sl_fees_var)w, SL_FEES_TERM_INTERACTION, v, 0};
  else *t = (sl_fees_term_spec){(sl_fees_var)v, SL_FEES_TERM_INTERACTION, w, 0};
  skip_space(ps);
  if (*ps->p == ':') return fail(ps, ps->p, "only two variables can interact (expected ',' or the end of the list)");
  return SL_OK;
}

static int same_interaction(const sl_fees_term_spec *a, const sl_fees_term_spec *b) {
  return a->kind == SL_FEES_TERM_INTERACTION && b->kind == SL_FEES_TERM_INTERACTION &&
         ((a->var == b->var && a->partner == b->partner) || ((int)a->var == b->partner && a->partner == (int)b->var));
}

/* Adds t to the list: a variable's plain, squared and spline forms merge into one term (at the
 * first one's place); anything else listed twice is an error. */
static int add_spec(parser *ps, const char *at, sl_fees_term_list *l, const sl_fees_term_spec *t) {
  char ka[96], kb[96];
  list_key(l, (int)t->var, ka, sizeof ka);
  if (t->partner >= 0) list_key(l, t->partner, kb, sizeof kb);
  for (size_t i = 0; i < l->n; i++) {
    sl_fees_term_spec *o = &l->term[i];
    if (same_interaction(o, t)) return fail(ps, at, "%s:%s is listed twice", ka, kb);
    if (o->kind == SL_FEES_TERM_INTERACTION || t->kind == SL_FEES_TERM_INTERACTION || o->var != t->var) continue;
    int plain_o = o->kind == SL_FEES_TERM_LINEAR || o->kind == SL_FEES_TERM_FACTOR;
    int plain_t = t->kind == SL_FEES_TERM_LINEAR || t->kind == SL_FEES_TERM_FACTOR;
    if (plain_o && !plain_t) return o->kind = t->kind, o->nknots = t->nknots, SL_OK;
    if (!plain_o && plain_t) return SL_OK;
    if (plain_o && plain_t) return fail(ps, at, "%s is listed twice", ka);
    return fail(ps, at, "%s is listed twice, in two forms (NAME^2, spline: keep one)", ka);
  }
  if (l->n == SL_FEES_MAX_TERMS) return fail(ps, at, "more than %d terms", SL_FEES_MAX_TERMS);
  l->term[l->n++] = *t;
  return SL_OK;
}

static int parse_item(parser *ps, sl_fees_term_list *l) {
  skip_space(ps);
  const char *at = ps->p;
  sl_fees_term_spec t;
  int st;
  if (strncmp(ps->p, "spline", 6) == 0 && !isalnum((unsigned char)ps->p[6]) && ps->p[6] != '_') {
    ps->p += 6;
    st = parse_spline(ps, &t);
  } else st = parse_plain(ps, &t);
  if (!st) st = add_spec(ps, at, l, &t);
  if (st) return st;
  skip_space(ps);
  if (*ps->p && *ps->p != ',') return fail_expected(ps, "',' or the end of the list");
  return SL_OK;
}

/* The last fee is 0 for a player without one: its indicator must be in the model too, else "none"
 * would read as a fee of EUR 1. Added after the list when it is not in it. */
static int pair_last_fee(parser *ps, sl_fees_term_list *l) {
  int reads = 0, paired = 0;
  for (size_t i = 0; i < l->n; i++) {
    reads |= l->term[i].var == SL_FEES_VAR_LAST_FEE || l->term[i].partner == (int)SL_FEES_VAR_LAST_FEE;
    paired |= l->term[i].var == SL_FEES_VAR_NO_LAST_FEE && l->term[i].kind == SL_FEES_TERM_LINEAR;
  }
  if (!reads || paired) return SL_OK;
  if (l->n == SL_FEES_MAX_TERMS) return fail(ps, ps->p, "more than %d terms (last_fee adds no_last_fee)", SL_FEES_MAX_TERMS);
  l->term[l->n++] = (sl_fees_term_spec){SL_FEES_VAR_NO_LAST_FEE, SL_FEES_TERM_LINEAR, -1, 0};
  return SL_OK;
}

int sl_fees_terms_parse(const char *text, sl_fees_term_list *out, sl_error *err) {
  if (!out) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "no term list output given");
  memset(out, 0, sizeof *out);
  if (!text) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "no term list given");
  parser ps = {text, text, err, out};
  int st = SL_OK;
  for (;;) {
    if ((st = parse_item(&ps, out))) break;
    if (!*ps.p) break;
    ps.p++; /* the comma */
  }
  if (!st) st = pair_last_fee(&ps, out);
  if (st) memset(out, 0, sizeof *out);
  return st;
}

/* ---- writing lists and names ----------------------------------------------------------------- */

size_t sl_fees_terms_text(const sl_fees_term_list *l, char *buf, size_t size) {
  size_t need = 0;
  char one[240];
  if (size) buf[0] = 0;
  for (size_t i = 0; l && i < l->n; i++) {
    const sl_fees_term_spec *t = &l->term[i];
    char k[96], p[96];
    list_key(l, (int)t->var, k, sizeof k);
    if (t->kind == SL_FEES_TERM_QUADRATIC) snprintf(one, sizeof one, "%s,%s^2", k, k);
    else if (t->kind == SL_FEES_TERM_SPLINE) snprintf(one, sizeof one, "spline(%s,%zu)", k, t->nknots);
    else if (t->kind == SL_FEES_TERM_INTERACTION)
      snprintf(one, sizeof one, "%s:%s", k, list_key(l, t->partner, p, sizeof p));
    else snprintf(one, sizeof one, "%s", k);
    if (need < size) snprintf(buf + need, size - need, "%s%s", i ? "," : "", one);
    need += strlen(one) + (i ? 1 : 0);
  }
  return need;
}

void sl_fees_model_terms(const sl_fees_model *m, sl_fees_term_list *out) {
  memset(out, 0, sizeof *out);
  for (size_t k = 0; m && k < m->ncolumns; k++)
    snprintf(out->columns[k], sizeof out->columns[k], "%s", m->column_names[k] ? m->column_names[k] : "");
  out->ncolumns = m ? m->ncolumns : 0;
  for (size_t t = 0; m && t < m->nterms && t < SL_FEES_MAX_TERMS; t++) {
    const sl_fees_term *term = &m->terms[t];
    sl_fees_term_kind kind = term->var == SL_FEES_VAR_SEASON ? SL_FEES_TERM_LINEAR : term->kind;
    out->term[out->n++] = (sl_fees_term_spec){term->var, kind, term->partner, term->nknots};
  }
}

const char *sl_fees_model_terms_spec(const sl_fees_model *m, char *buf, size_t size) {
  int declared = 0;
  for (size_t t = 0; m && t < m->nterms; t++) declared |= !sl_fees_term_is_classic(&m->terms[t]);
  if (!declared || !size) return NULL;
  sl_fees_term_list l;
  sl_fees_model_terms(m, &l);
  return sl_fees_terms_text(&l, buf, size) < size ? buf : NULL;
}

int sl_fees_model_uses(const sl_fees_model *m, sl_fees_var v) {
  for (size_t t = 0; m && t < m->nterms; t++)
    if (m->terms[t].var == v || m->terms[t].partner == (int)v) return 1;
  return 0;
}

const char *sl_fees_pooled_label(const sl_fees_model *m, const sl_fees_player *p, sl_fees_var v) {
  const char *label = p ? sl_fees_player_label(p, v) : NULL;
  if (!m || !label || !*label || !strcmp(label, SL_FEES_LEVEL_OTHER) || !strcmp(label, SL_FEES_LEVEL_UNKNOWN) ||
      !strncmp(label, SL_FEES_OUTSIDE_PREFIX, strlen(SL_FEES_OUTSIDE_PREFIX)))
    return NULL;
  for (size_t t = 0; t < m->nterms; t++) {
    if (m->terms[t].var != v) continue;
    long l = sl_fees_level_index(&m->terms[t], label);
    return l >= 0 && !strcmp(m->terms[t].levels[l], SL_FEES_LEVEL_OTHER) ? label : NULL;
  }
  return NULL;
}

int sl_fees_model_has_performance(const sl_fees_model *m) {
  for (int v = 0; v < SL_FEES_VAR_COUNT; v++)
    if (sl_fees_var_is_performance((sl_fees_var)v) && sl_fees_model_uses(m, (sl_fees_var)v)) return 1;
  return 0;
}

int sl_fees_model_learned_from(const sl_fees_model *m, const sl_fees_deal *d) {
  return d->player.stats_season || !sl_fees_model_has_performance(m);
}

size_t sl_fees_model_learned_deals(const sl_fees_model *m) {
  if (!m || !m->deals) return 0;
  if (!sl_fees_model_has_performance(m)) return m->deals->n;
  size_t n = 0;
  for (size_t i = 0; i < m->deals->n; i++) n += m->deals->deal[i].player.stats_season != 0;
  return n;
}

const char *sl_fees_season_mode_name(int mode) {
  return mode == SL_FEES_SEASON_TREND ? "trend"
         : mode == SL_FEES_SEASON_LEVEL ? "level"
         : mode == SL_FEES_SEASON_NONE  ? "none"
                                        : "auto";
}

const char *sl_fees_var_label(int v, const char *const *columns, size_t ncolumns) {
  if (!column_var(v)) return sl_fees_var_name((sl_fees_var)v);
  size_t k = (size_t)(v - SL_FEES_VAR_COUNT);
  return k < ncolumns && columns[k] ? columns[k] : "";
}

const char *sl_fees_model_var_name(const sl_fees_model *m, int v) {
  return sl_fees_var_label(v, m ? (const char *const *)m->column_names : NULL, m ? m->ncolumns : 0);
}

const char *sl_fees_model_var_key(const sl_fees_model *m, int v, char *buf, size_t size) {
  if (column_var(v)) snprintf(buf, size, "column(%s)", sl_fees_model_var_name(m, v));
  else snprintf(buf, size, "%s", sl_fees_var_key((sl_fees_var)v));
  return buf;
}

int sl_fees_term_label(sl_fees_term *t, const char *const *columns, size_t ncolumns) {
  free(t->label_);
  t->label_ = NULL;
  t->name = sl_fees_var_label((int)t->var, columns, ncolumns);
  char b[SL_REGRESS_NAME_MAX];
  if (t->kind == SL_FEES_TERM_SPLINE) snprintf(b, sizeof b, "%s (spline)", t->name);
  else if (t->kind == SL_FEES_TERM_INTERACTION)
    snprintf(b, sizeof b, "%s:%s", t->name, sl_fees_var_label(t->partner, columns, ncolumns));
  else if (column_var((int)t->var)) snprintf(b, sizeof b, "%s", t->name); /* owned: the model's names may move */
  else return SL_OK;
  if (!(t->label_ = strdup(b))) return SL_ENOMEM;
  t->name = t->label_;
  return SL_OK;
}

/* Column k of a term: "age", "I(age^2)", "position GK", "log market value'" (the spline's
 * cubic parts, primes as R's rms names them), "log market value:age",
 * "log market value:buying league Premier League". */
void sl_fees_column_name(const sl_fees_term *t, size_t k, const char *const *columns, size_t ncolumns, char *b,
                         size_t size) {
  const char *v = sl_fees_var_label((int)t->var, columns, ncolumns);
  if (t->kind == SL_FEES_TERM_FACTOR) snprintf(b, size, "%s %s", t->name, t->levels[k + 1]);
  else if (t->kind == SL_FEES_TERM_QUADRATIC && k == 1) snprintf(b, size, "I(%s^2)", v);
  else if (t->kind == SL_FEES_TERM_SPLINE && k > 0) {
    char primes[SL_FEES_MAX_KNOTS + 1] = "";
    for (size_t i = 0; i < k && i < SL_FEES_MAX_KNOTS; i++) primes[i] = '\'';
    snprintf(b, size, "%s%s", v, primes);
  } else if (t->kind == SL_FEES_TERM_INTERACTION && sl_fees_var_is_factor((sl_fees_var)t->partner))
    snprintf(b, size, "%s:%s %s", v, sl_fees_var_name((sl_fees_var)t->partner), t->levels[k + 1]);
  else if (t->kind == SL_FEES_TERM_INTERACTION) snprintf(b, size, "%s:%s", v, sl_fees_var_label(t->partner, columns, ncolumns));
  else snprintf(b, size, "%s", v);
  for (char *c = b; *c; c++)
    if (*c == '\n' || *c == '\r' || *c == '\t') *c = ' ';
}

/* ---- restricted cubic splines ----------------------------------------------------------------- */

/* Harrell's knot quantiles (Regression Modeling Strategies, 2nd ed., table 2.3; Hmisc
 * rcspline.eval): spaced so each knot has data on both sides, the outer ones inside the tails. */
static const double knot_quantiles[SL_FEES_MAX_KNOTS - SL_FEES_MIN_KNOTS + 1][SL_FEES_MAX_KNOTS] = {
    {0.10, 0.5, 0.90},
    {0.05, 0.35, 0.65, 0.95},
    {0.05, 0.275, 0.5, 0.725, 0.95},
    {0.05, 0.23, 0.41, 0.59, 0.77, 0.95},
    {0.025, 0.1833, 0.3417, 0.5, 0.6583, 0.8167, 0.975}};
/** Below this many deals Hmisc puts the outer knots at the 5th smallest and largest values
 *  instead of the outer quantiles, which would sit on one or two points. */
#define SPLINE_SMALL_SAMPLE 100
#define SPLINE_SMALL_OUTER 5

static int dbl_cmp(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/* R's quantile type 7 of sorted x. */
static double quantile7(const double *x, size_t n, double p) {
  double h = (double)(n - 1) * p;
  size_t i = (size_t)floor(h);
  return i + 1 < n ? x[i] + (h - (double)i) * (x[i + 1] - x[i]) : x[n - 1];
}

int sl_fees_spline_knots(const double *x, size_t n, size_t k, double *knots, size_t *nknots) {
  *nknots = 0;
  if (k < SL_FEES_MIN_KNOTS || k > SL_FEES_MAX_KNOTS || !n) return SL_OK;
  double *s = malloc(n * sizeof *s);
  if (!s) return SL_ENOMEM;
  memcpy(s, x, n * sizeof *s);
  qsort(s, n, sizeof *s, dbl_cmp);
  const double *p = knot_quantiles[k - SL_FEES_MIN_KNOTS];
  for (size_t j = 0; j < k; j++) {
    double q = quantile7(s, n, p[j]);
    if (n < SPLINE_SMALL_SAMPLE && n >= 2 * SPLINE_SMALL_OUTER && (j == 0 || j == k - 1))
      q = j == 0 ? s[SPLINE_SMALL_OUTER - 1] : s[n - SPLINE_SMALL_OUTER];
    if (!*nknots || q > knots[*nknots - 1]) knots[(*nknots)++] = q; /* ties: fewer knots */
  }
  free(s);
  return SL_OK;
}

static double cube_plus(double u) { return u > 0 ? u * u * u : 0; }

void sl_fees_spline_basis(double x, const double *t, size_t k, double *out) {
  double last = t[k - 1], before = t[k - 2], norm = (last - t[0]) * (last - t[0]);
  for (size_t j = 0; j + 2 < k; j++)
    out[j] = (cube_plus(x - t[j]) - cube_plus(x - before) * (last - t[j]) / (last - before) +
              cube_plus(x - last) * (before - t[j]) / (last - before)) / norm;
}
