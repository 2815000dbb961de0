/* fees_io.c - saving and loading a fee model: "scoutlab-fee-model 2" (3 for a model with
 * performance terms: their variables, and five more fields per deal; 4 for a model with declared
 * terms of the new kinds: each term line ends with the interaction's partner and the spline's
 * knots, deals as in 3), line-oriented text with
 * the terms, levels, column means and coefficients, smearing, calibration residuals, training
 * seasons and files, the training deals (for comparables), then the regression in the regress
 * module's own format ("ols BYTES" followed by exactly that many bytes), then "end".
 * docs/fee-model.md shows a file. Numbers are written with 17 significant digits so a load
 * gives back the same doubles. A load checks every count against the bytes left, so a truncated
 * or damaged file is an SL_EPARSE with its line, never a crash or a huge allocation. */
#include <errno.h>
#include <stdint.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fees_internal.h"
#include "runtime_internal.h"
#include "scoutlab/output.h"

#define MAGIC "scoutlab-fee-model"

static void put_text(FILE *f, const char *s) {
  for (; s && *s; s++) fputc(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s, f);
}

/* The version a model is written as: the oldest that can hold it, so that a model of the
 * classic terms stays readable by a scoutlab that reads version 2: 4 for a term of a declared
 * form (a spline, an interaction, a variable in another form than the default's), 3 for a
 * performance term. */
static int version_of(const sl_fees_model *m) {
  if (sl_fees_model_uses(m, SL_FEES_VAR_LAST_FEE) || sl_fees_model_uses(m, SL_FEES_VAR_NO_LAST_FEE))
    return SL_FEES_FORMAT_VERSION;
  if (sl_fees_model_uses(m, SL_FEES_VAR_BUYER_CLUB)) return SL_FEES_FORMAT_VERSION_CLUB;
  int v = SL_FEES_FORMAT_VERSION_MIN;
  for (size_t t = 0; t < m->nterms; t++) {
    if (!sl_fees_term_is_classic(&m->terms[t])) return SL_FEES_FORMAT_VERSION_DECLARED;
    if (sl_fees_var_is_performance(m->terms[t].var)) v = SL_FEES_FORMAT_VERSION_PERFORMANCE;
  }
  return v;
}

/* A variable's number in a file. Versions 2-4 number the model's twelve variables 0-11 and
 * column term k 12 + k; version 5 gives the buying club the number after the last column term,
 * version 6 the last fee and its indicator the two after it, so every older file reads as it
 * always did and an older reader refuses the new variables. */
#define FILE_VARS_V4 12 /* the variables version 4 knew: SL_FEES_VAR_BUYER_CLUB's own number */
#define FILE_VAR_BUYER_CLUB (FILE_VARS_V4 + SL_FEES_MAX_COLUMN_TERMS)
#define FILE_VAR_LAST_FEE (FILE_VAR_BUYER_CLUB + 1)
#define FILE_VAR_NO_LAST_FEE (FILE_VAR_BUYER_CLUB + 2)
/* Variables after the column terms in a file, before them in memory. */
#define FILE_VARS_AFTER_COLUMNS (SL_FEES_VAR_COUNT - FILE_VARS_V4)

static int var_to_file(int v) {
  if (v == SL_FEES_VAR_BUYER_CLUB) return FILE_VAR_BUYER_CLUB;
  if (v == SL_FEES_VAR_LAST_FEE) return FILE_VAR_LAST_FEE;
  if (v == SL_FEES_VAR_NO_LAST_FEE) return FILE_VAR_NO_LAST_FEE;
  return v >= SL_FEES_VAR_COUNT ? v - FILE_VARS_AFTER_COLUMNS : v; /* a column term, or -1 (no partner) */
}

static int var_from_file(int f) {
  if (f == FILE_VAR_BUYER_CLUB) return SL_FEES_VAR_BUYER_CLUB;
  if (f == FILE_VAR_LAST_FEE) return SL_FEES_VAR_LAST_FEE;
  if (f == FILE_VAR_NO_LAST_FEE) return SL_FEES_VAR_NO_LAST_FEE;
  return f >= FILE_VARS_V4 ? f + FILE_VARS_AFTER_COLUMNS : f;
}

/* The largest variable number (plus one) a file of `version` may name. */
static int file_vars(int version) {
  return version >= SL_FEES_FORMAT_VERSION        ? FILE_VAR_NO_LAST_FEE + 1
         : version >= SL_FEES_FORMAT_VERSION_CLUB ? FILE_VAR_BUYER_CLUB + 1
         : version >= SL_FEES_FORMAT_VERSION_DECLARED ? FILE_VARS_V4 + SL_FEES_MAX_COLUMN_TERMS
                                                      : FILE_VARS_V4;
}

static void save_meta(FILE *f, const sl_fees_model *m) {
  sl_fprintf_c(f, MAGIC " %d\nlevel %.17g\ninterval %s\nt-coverage %.17g\nridge %d %.17g\n",
          version_of(m), m->level, m->interval == SL_FEES_INTERVAL_CONFORMAL ? "conformal" : "t",
          m->t_coverage_calibration, m->ridge, m->ridge_lambda);
  sl_fprintf_c(f, "seasons %d %d %d\nsmearing %.17g\n", m->season_min, m->season_max, m->season_trend,
               m->smearing);
  sl_fprintf_c(f, "recency %d %.17g %d %.17g %zu\ninner-grid", m->season_mode, m->half_life, m->inner_from,
               m->inner_score, m->inner_n);
  for (int a = 0; a < 3; a++)
    for (int b = 0; b <= SL_FEES_NHALF_LIVES; b++) sl_fprintf_c(f, " %.17g", m->inner_grid[a][b]);
  sl_fprintf_c(f, "\nbands %zu", m->nbands);
  for (size_t b = 0; b <= m->nbands; b++) sl_fprintf_c(f, " %zu", m->band_first[b]);
  int declared = version_of(m) >= SL_FEES_FORMAT_VERSION_DECLARED;
  if (declared) { /* version 4: the column terms' columns, before the terms that name them */
    sl_fprintf_c(f, "\nterm-columns %zu %u", m->ncolumns, m->deals ? m->deals->has_columns : 0u);
    for (size_t k = 0; k < m->ncolumns; k++) fputs("\ncolumn-name ", f), put_text(f, m->column_names[k]);
  }
  sl_fprintf_c(f, "\nterms %zu\n", m->nterms);
  for (size_t t = 0; t < m->nterms; t++) {
    const sl_fees_term *term = &m->terms[t];
    sl_fprintf_c(f, "term %d %d %zu %zu %zu %.17g", var_to_file((int)term->var), (int)term->kind, term->first,
            term->count, term->nlevels, m->feature_sd[t]);
    if (declared) { /* version 4: the interaction's partner and the spline's knots */
      sl_fprintf_c(f, " %d %zu", var_to_file(term->partner), term->nknots);
      for (size_t k = 0; k < term->nknots; k++) sl_fprintf_c(f, " %.17g", term->knots[k]);
    }
    fputc('\n', f);
    for (size_t l = 0; l < term->nlevels; l++) fputs("level-name ", f), put_text(f, term->levels[l]), fputc('\n', f);
  }
  sl_fprintf_c(f, "columns %zu\n", m->p);
  for (size_t j = 0; j < m->p; j++) {
    sl_fprintf_c(f, "column %.17g %.17g ", m->column_mean[j], m->coef[j]);
    put_text(f, m->names[j]);
    fputc('\n', f);
  }
  sl_fprintf_c(f, "calibration %zu\n", m->ncal);
  for (size_t i = 0; i < m->ncal; i++) sl_fprintf_c(f, "%.17g\n", m->calibration[i]);
}

/* Flags on the deals line: five (market value, contract, minutes, leagues, season), has_performance
 * from version 3, has_last_fee from version 6. */
static int deal_flags(int version) {
  return version >= SL_FEES_FORMAT_VERSION ? 7 : version > SL_FEES_FORMAT_VERSION_MIN ? 6 : 5;
}

/* Version 3 adds has_performance to the deals line and five fields to each deal: starts share,
 * npxG+xAG per 90, progressive per 90, club points per match, stats season. */
static void save_deals(FILE *f, const sl_fees_deals *d, int version) {
  fprintf(f, "files %zu\n", d ? d->nfiles : 0);
  for (size_t i = 0; d && i < d->nfiles; i++) fputs("file ", f), put_text(f, d->files[i]), fputc('\n', f);
  if (!d) { /* no deals: the count, then each of the version's flags 0 */
    fputs("deals 0", f);
    for (int k = 0; k < deal_flags(version); k++) fputs(" 0", f);
    fputc('\n', f);
    return;
  }
  fprintf(f, "deals %zu %d %d %d %d %d", d->n, d->has_market_value, d->has_contract,
          d->has_minutes, d->has_leagues, d->has_season);
  if (version > SL_FEES_FORMAT_VERSION_MIN) fprintf(f, " %d", d->has_performance);
  if (version >= SL_FEES_FORMAT_VERSION) fprintf(f, " %d", d->has_last_fee);
  fputc('\n', f);
  for (size_t i = 0; i < d->n; i++) {
    const sl_fees_deal *x = &d->deal[i];
    const sl_fees_player *p = &x->player;
    const char *texts[] = {p->name, p->club, x->buyer, p->league, p->buyer_league};
    for (size_t k = 0; k < 5; k++) put_text(f, texts[k]), fputc('\t', f);
    sl_fprintf_c(f, "%d\t%.17g\t%d\t%.17g\t%.17g\t%.17g\t%.17g\t%u\t%ld\t%d", p->group, p->age,
            p->season, p->market_value, p->contract_months, p->minutes_share, x->fee, x->file,
            x->line, x->from_out_row);
    if (version > SL_FEES_FORMAT_VERSION_MIN)
      sl_fprintf_c(f, "\t%.17g\t%.17g\t%.17g\t%.17g\t%d", p->starts_share, p->npxg_xag_per90, p->progressive_per90,
                   p->team_points, p->stats_season);
    for (size_t k = 0; version >= SL_FEES_FORMAT_VERSION_DECLARED && k < d->ncolumns; k++)
      sl_fprintf_c(f, "\t%.17g", p->column[k]);
    if (version >= SL_FEES_FORMAT_VERSION) sl_fprintf_c(f, "\t%.17g\t%d", p->last_fee, p->last_fee_season);
    fputc('\n', f);
  }
}

/* The regression's own format, through a temporary file next to the model. */
static int ols_bytes(const sl_fees_model *m, const char *path, char **out, size_t *len, sl_error *err) {
  char *tmp = NULL; /* a unique name: two fits saving beside each other never share it */
  int st = sl_output_scratch(path, &tmp, err);
  if (st) return st;
  st = sl_ols_save(m->ols, tmp, err);
  FILE *f = st ? NULL : fopen(tmp, "rb");
  if (!st && !f) st = sl_error_set(err, SL_EIO, tmp, 0, 0, "cannot read back: %s", sl_strerror_c(errno));
  if (f) {
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    *out = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (!*out || fread(*out, 1, (size_t)n, f) != (size_t)n) st = sl_error_set(err, SL_EIO, tmp, 0, 0, "cannot read back");
    else *len = (size_t)n;
    fclose(f);
  }
  remove(tmp);
  free(tmp);
  return st;
}

/* FNV-1a, 64 bits: not a cryptographic seal, a check that the file is the one scoutlab wrote
 * (issue 16: one edited digit of a coefficient made a valuation 4.7x larger, silently). */
#define FNV_OFFSET 1469598103934665603ULL
#define FNV_PRIME 1099511628211ULL

static uint64_t fnv1a(const char *p, size_t n) {
  uint64_t h = FNV_OFFSET;
  for (size_t i = 0; i < n; i++) h = (h ^ (unsigned char)p[i]) * FNV_PRIME;
  return h;
}

#define CHECKSUM_KEY "checksum fnv1a64 "

int sl_fees_save_check(const char *path, sl_error *err) { return sl_output_check_ours(path, MAGIC, err); }

int sl_fees_save(const sl_fees_model *m, const char *path, sl_error *err) {
  if (!m || !path || !m->ols) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "no model or path given");
  char *ols = NULL, *body = NULL;
  size_t olen = 0, blen = 0;
  int st = sl_fees_save_check(path, err); /* a fee model is replaced, nothing else */
  if (!st) st = ols_bytes(m, path, &ols, &olen, err);
  if (st) return st;
  FILE *mem = open_memstream(&body, &blen); /* the body first: the checksum covers it */
  if (!mem) {
    free(ols);
    return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  }
  save_meta(mem, m);
  save_deals(mem, m->deals, version_of(m));
  fprintf(mem, "ols %zu\n", olen);
  fwrite(ols, 1, olen, mem);
  fputs("end\n", mem);
  free(ols);
  if (fclose(mem) != 0 || !body) {
    free(body);
    return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  }
  FILE *f;
  sl_output *o; /* written whole or not at all: a crash keeps the previous model */
  st = sl_output_open(path, &o, &f, err);
  if (st) {
    free(body);
    return st;
  }
  fwrite(body, 1, blen, f);
  fprintf(f, CHECKSUM_KEY "%016llx\n", (unsigned long long)fnv1a(body, blen));
  free(body);
  return sl_output_commit(o, err); /* its message says why (disk full, permission) */
}

/* ---- loading ------------------------------------------------------------------------------ */

typedef struct reader {
  const char *orig; /* the bytes as given (buf is cut into lines in place) */
  char *buf;
  size_t len, pos;
  long line;
  const char *name;
  sl_error *err;
  int version;      /* the file's format version */
  unsigned has_columns; /* version 4: which column terms the training table had */
} reader;

static int bad(reader *r, const char *what) {
  return sl_error_set(r->err, SL_EPARSE, r->name, r->line, 0,
                      "damaged or truncated fee model: %s (refit with scoutlab fit)", what);
}

/* Next line, NUL-terminated in place; NULL at the end of the data. */
static char *next_line(reader *r) {
  if (r->pos >= r->len) return NULL;
  char *s = r->buf + r->pos, *nl = memchr(s, '\n', r->len - r->pos);
  if (!nl) return NULL; /* a last line without newline is a truncated file */
  *nl = 0;
  r->pos = (size_t)(nl - r->buf) + 1;
  r->line++;
  return s;
}

/* The next line must start with "kw "; *rest points after it. */
static int keyword(reader *r, const char *kw, char **rest) {
  char *s = next_line(r);
  size_t n = strlen(kw);
  if (!s || strncmp(s, kw, n) != 0 || (s[n] != ' ' && s[n] != 0)) {
    char what[96];
    snprintf(what, sizeof what, "expected '%s'", kw);
    return bad(r, what);
  }
  *rest = s[n] ? s + n + 1 : s + n;
  return SL_OK;
}

/* Reads n numbers separated by spaces or tabs from *s, advancing it. */
static int numbers(reader *r, char **s, size_t n, double *out) {
  for (size_t i = 0; i < n; i++) {
    char *end;
    errno = 0;
    out[i] = sl_strtod_c(*s, &end);
    if (end == *s || (*end && *end != ' ' && *end != '\t')) return bad(r, "expected a number");
    *s = *end ? end + 1 : end;
  }
  return SL_OK;
}

/* A count that cannot exceed the bytes left (each item takes at least one line). */
static int count_of(reader *r, char **s, size_t *n) {
  double v;
  if (numbers(r, s, 1, &v)) return SL_EPARSE;
  if (!(v >= 0) || v > (double)(r->len - r->pos) || v != floor(v)) return bad(r, "a count is out of range");
  *n = (size_t)v;
  return SL_OK;
}

/* The kind sl_fees_fit gives each variable: the design writer relies on it (age writes two
 * columns), so a file pairing them otherwise is damaged, not a different model. */
static sl_fees_term_kind kind_of_var(sl_fees_var v, sl_fees_term_kind given) {
  switch (v) {
  case SL_FEES_VAR_SEASON: return given == SL_FEES_TERM_FACTOR ? given : SL_FEES_TERM_LINEAR;
  case SL_FEES_VAR_AGE: return SL_FEES_TERM_QUADRATIC;
  case SL_FEES_VAR_POSITION:
  case SL_FEES_VAR_BUYER_LEAGUE:
  case SL_FEES_VAR_SELLER_LEAGUE: return SL_FEES_TERM_FACTOR;
  default: return SL_FEES_TERM_LINEAR;
  }
}

/* A model holds its training deals: transfers-tm's 12,809 deals take about 2 MB. A file 100
 * times that is not a model; /dev/zero or a mistyped path to a dump must not fill the memory. */
#define SL_FEES_MODEL_MAX_BYTES ((size_t)256 << 20)

/* Seasons are first years ("2024"); 0 = unknown. Anything else in a file is damage, and a
 * cast of it to int would be undefined. */
#define SL_FEES_MAX_SEASON 9999
/* Source line numbers: well above any file's, well inside a long. */
#define SL_FEES_MAX_LINE 1e15

static int season_ok(double v) { return v >= 0 && v <= SL_FEES_MAX_SEASON && v == floor(v); }

/* Version 4: "term-columns N HAS" and N "column-name NAME" lines. */
static int load_term_columns(reader *r, sl_fees_model *m) {
  char *s;
  double v[2];
  if (keyword(r, "term-columns", &s) || numbers(r, &s, 2, v)) return SL_EPARSE;
  if (!(v[0] >= 0 && v[0] <= SL_FEES_MAX_COLUMN_TERMS && v[0] == floor(v[0])) ||
      !(v[1] >= 0 && v[1] < (double)(1u << SL_FEES_MAX_COLUMN_TERMS) && v[1] == floor(v[1])))
    return bad(r, "the column terms' count is out of range");
  r->has_columns = (unsigned)v[1];
  for (size_t k = 0, n = (size_t)v[0]; k < n; k++) {
    if (keyword(r, "column-name", &s)) return SL_EPARSE;
    if (!*s) return bad(r, "a column term without a name");
    if (!(m->column_names[m->ncolumns++] = strdup(s))) return SL_ENOMEM;
  }
  return SL_OK;
}

/* Version 4's end of a term line: the partner (-1 none), the knot count and the knots, which
 * must be finite and increasing; then the shape must be one that can exist. */
static int load_declared(reader *r, char **s, sl_fees_term *term, size_t ncolumns) {
  double v[2];
  if (numbers(r, s, 2, v)) return SL_EPARSE;
  int club = v[0] >= FILE_VAR_BUYER_CLUB && v[0] < file_vars(r->version) && v[0] == floor(v[0]);
  if (!((v[0] >= -1 && v[0] < FILE_VARS_V4 && v[0] == floor(v[0])) || club) ||
      !(v[1] >= 0 && v[1] <= SL_FEES_MAX_KNOTS && v[1] == floor(v[1])))
    return bad(r, "a term's partner or knot count is out of range");
  term->partner = var_from_file((int)v[0]), term->nknots = (size_t)v[1];
  if (numbers(r, s, term->nknots, term->knots)) return SL_EPARSE;
  for (size_t k = 0; k < term->nknots; k++)
    if (!isfinite(term->knots[k]) || (k && !(term->knots[k] > term->knots[k - 1])))
      return bad(r, "a spline's knots are not finite and increasing");
  if (!sl_fees_term_shape_ok((int)term->var, (int)term->kind, term->partner, term->nknots))
    return bad(r, "a term's kind does not match its variables");
  size_t vars = SL_FEES_VAR_COUNT + ncolumns; /* a column term names one of the file's columns */
  if ((size_t)term->var >= vars || (term->partner >= 0 && (size_t)term->partner >= vars))
    return bad(r, "a term reads a column the model does not name");
  return SL_OK;
}

/* Levels belong to a factor and to an interaction with one; no other term has any. */
static int wants_levels(const sl_fees_term *t) {
  return t->kind == SL_FEES_TERM_FACTOR ||
         (t->kind == SL_FEES_TERM_INTERACTION && sl_fees_var_is_factor((sl_fees_var)t->partner));
}

static int load_term(reader *r, sl_fees_model *m, size_t t) {
  char *s;
  double v[6];
  if (keyword(r, "term", &s) || numbers(r, &s, 6, v)) return SL_EPARSE;
  sl_fees_term *term = &m->terms[m->nterms++];
  term->partner = -1;
  int max_kind = r->version >= SL_FEES_FORMAT_VERSION_DECLARED ? SL_FEES_TERM_KIND_COUNT - 1 : SL_FEES_TERM_FACTOR;
  int max_var = file_vars(r->version);
  if (!(v[0] >= 0 && v[0] < max_var && v[1] >= 0 && v[1] <= max_kind) ||
      !(v[4] >= 0 && v[4] <= (double)(r->len - r->pos)) || !(v[2] >= 1 && v[3] >= 0 && v[2] + v[3] <= SL_REGRESS_MAX_COLUMNS))
    return bad(r, "a term is out of range");
  if (v[0] != floor(v[0]) || v[1] != floor(v[1])) return bad(r, "a term's kind does not match its variable");
  term->var = (sl_fees_var)var_from_file((int)v[0]), term->kind = (sl_fees_term_kind)v[1];
  if (r->version >= SL_FEES_FORMAT_VERSION_DECLARED) {
    if (load_declared(r, &s, term, m->ncolumns)) return SL_EPARSE;
  } else if (term->kind != kind_of_var(term->var, term->kind))
    return bad(r, "a term's kind does not match its variable");
  if (r->version < SL_FEES_FORMAT_VERSION_PERFORMANCE && sl_fees_var_is_performance(term->var))
    return sl_error_set(r->err, SL_EVERSION, r->name, r->line, 0,
                        "a performance term (%s) in a version-%d fee model: performance terms need version %d; "
                        "the file was edited or mixes two formats; refit with scoutlab fit",
                        sl_fees_var_name(term->var), r->version, SL_FEES_FORMAT_VERSION_PERFORMANCE);
  term->first = (size_t)v[2], term->count = (size_t)v[3];
  m->feature_sd[t] = v[5];
  if (sl_fees_term_label(term, (const char *const *)m->column_names, m->ncolumns)) return SL_ENOMEM;
  size_t nl = (size_t)v[4];
  if (r->version >= SL_FEES_FORMAT_VERSION_DECLARED && (nl > 0) != wants_levels(term))
    return bad(r, "a term has levels its kind does not take, or none");
  if (nl && !(term->levels = calloc(nl, sizeof *term->levels))) return SL_ENOMEM;
  for (size_t l = 0; l < nl; l++) {
    if (keyword(r, "level-name", &s)) return SL_EPARSE;
    if (!(term->levels[term->nlevels++] = strdup(s))) return SL_ENOMEM;
  }
  if (term->count != sl_fees_term_columns(term)) return bad(r, "a term's column count does not match its kind");
  return SL_OK;
}

static int load_terms(reader *r, sl_fees_model *m) {
  char *s;
  size_t nt = 0;
  if (r->version >= SL_FEES_FORMAT_VERSION_DECLARED) {
    int st = load_term_columns(r, m);
    if (st) return st;
  }
  if (keyword(r, "terms", &s) || count_of(r, &s, &nt)) return SL_EPARSE;
  if (nt > SL_FEES_MAX_TERMS) return bad(r, "too many terms");
  for (size_t t = 0; t < nt; t++) {
    int st = load_term(r, m, t);
    if (st) return st;
  }
  return SL_OK;
}

/* Version 4: every column's name is the one its term gives it (a file whose names and terms
 * disagree was edited, and would explain a valuation by the wrong term). */
static int check_names(reader *r, const sl_fees_model *m) {
  if (r->version < SL_FEES_FORMAT_VERSION_DECLARED) return SL_OK;
  for (size_t t = 0; t < m->nterms; t++)
    for (size_t k = 0; k < m->terms[t].count; k++) {
      char b[SL_REGRESS_NAME_MAX];
      sl_fees_column_name(&m->terms[t], k, (const char *const *)m->column_names, m->ncolumns, b, sizeof b);
      if (strcmp(b, m->names[m->terms[t].first + k]) != 0) return bad(r, "a column's name does not match its term");
    }
  return SL_OK;
}

static int load_columns(reader *r, sl_fees_model *m) {
  char *s;
  if (keyword(r, "columns", &s) || count_of(r, &s, &m->p)) return SL_EPARSE;
  if (!m->p || m->p > SL_REGRESS_MAX_COLUMNS) return bad(r, "column count out of range");
  for (size_t t = 0, next = 1; t < m->nterms; t++) {
    if (m->terms[t].first != next) return bad(r, "terms do not cover the columns in order");
    next += m->terms[t].count;
    if (t + 1 == m->nterms && next != m->p) return bad(r, "terms do not cover the columns");
  }
  m->names = calloc(m->p, sizeof *m->names);
  m->coef = malloc(m->p * sizeof *m->coef), m->column_mean = malloc(m->p * sizeof *m->column_mean);
  if (!m->names || !m->coef || !m->column_mean) return SL_ENOMEM;
  for (size_t j = 0; j < m->p; j++) {
    double v[2];
    if (keyword(r, "column", &s) || numbers(r, &s, 2, v)) return SL_EPARSE;
    m->column_mean[j] = v[0], m->coef[j] = v[1];
    if (!(m->names[j] = strdup(s))) return SL_ENOMEM;
  }
  if (check_names(r, m)) return SL_EPARSE;
  size_t nc = 0;
  if (keyword(r, "calibration", &s) || count_of(r, &s, &nc)) return SL_EPARSE;
  if (nc && !(m->calibration = malloc(nc * sizeof *m->calibration))) return SL_ENOMEM;
  for (m->ncal = 0; m->ncal < nc; m->ncal++) {
    if (!(s = next_line(r))) return bad(r, "calibration residuals cut short");
    if (numbers(r, &s, 1, &m->calibration[m->ncal])) return SL_EPARSE;
    if (!isfinite(m->calibration[m->ncal])) return bad(r, "a calibration residual is not finite");
  }
  if (m->band_first[m->nbands] != nc) return bad(r, "the bands do not cover the calibration residuals");
  for (size_t b = 0; b < m->nbands; b++)
    for (size_t i = m->band_first[b] + 1; i < m->band_first[b + 1]; i++)
      if (m->calibration[i] < m->calibration[i - 1]) return bad(r, "calibration residuals out of order");
  if (m->interval == SL_FEES_INTERVAL_CONFORMAL && !nc) return bad(r, "a conformal interval without residuals");
  for (size_t j = 0; j < m->p; j++)
    if (!isfinite(m->coef[j]) || !isfinite(m->column_mean[j])) return bad(r, "a coefficient or column mean is not finite");
  return SL_OK;
}

static int load_header(reader *r, sl_fees_model *m) {
  char *s = next_line(r), *rest;
  if (!s || strncmp(s, MAGIC " ", strlen(MAGIC) + 1) != 0)
    return sl_error_set(r->err, SL_EPARSE, r->name, 1, 0,
                        "not a scoutlab fee model (expected '" MAGIC " %d' to '" MAGIC " %d' on line 1)",
                        SL_FEES_FORMAT_VERSION_MIN, SL_FEES_FORMAT_VERSION);
  long version = strtol(s + strlen(MAGIC) + 1, NULL, 10);
  if (version < SL_FEES_FORMAT_VERSION_MIN || version > SL_FEES_FORMAT_VERSION)
    return sl_error_set(r->err, SL_EVERSION, r->name, 1, 0,
                        "fee model format version %ld; this scoutlab reads versions %d-%d (%s; refit with scoutlab fit)",
                        version, SL_FEES_FORMAT_VERSION_MIN, SL_FEES_FORMAT_VERSION,
                        version < SL_FEES_FORMAT_VERSION_MIN ? "written by an earlier scoutlab, before recency weights, "
                                                               "season levels and banded intervals"
                                                             : "written by a later scoutlab");
  r->version = (int)version;
  double v[3];
  if (keyword(r, "level", &rest) || numbers(r, &rest, 1, &m->level)) return SL_EPARSE;
  if (keyword(r, "interval", &rest)) return SL_EPARSE;
  if (strcmp(rest, "t") && strcmp(rest, "conformal")) return bad(r, "interval is neither t nor conformal");
  m->interval = strcmp(rest, "t") ? SL_FEES_INTERVAL_CONFORMAL : SL_FEES_INTERVAL_T;
  if (keyword(r, "t-coverage", &rest) || numbers(r, &rest, 1, &m->t_coverage_calibration)) return SL_EPARSE;
  if (keyword(r, "ridge", &rest) || numbers(r, &rest, 2, v)) return SL_EPARSE;
  m->ridge = v[0] != 0, m->ridge_lambda = v[1];
  if (keyword(r, "seasons", &rest) || numbers(r, &rest, 3, v)) return SL_EPARSE;
  if (!season_ok(v[0]) || !season_ok(v[1]) || v[0] > v[1]) return bad(r, "training seasons out of range");
  m->season_min = (int)v[0], m->season_max = (int)v[1], m->season_trend = v[2] != 0;
  if (keyword(r, "smearing", &rest) || numbers(r, &rest, 1, &m->smearing)) return SL_EPARSE;
  if (!(m->level > 0 && m->level < 1)) return bad(r, "level out of range");
  if (!(m->smearing > 0) || !isfinite(m->smearing)) return bad(r, "the smearing factor is not a positive number");
  double rv[5];
  if (keyword(r, "recency", &rest) || numbers(r, &rest, 5, rv)) return SL_EPARSE;
  if (!(rv[0] >= SL_FEES_SEASON_TREND && rv[0] <= SL_FEES_SEASON_NONE) || rv[0] != floor(rv[0]) || !(rv[1] >= 0) ||
      !season_ok(rv[2]) || !(rv[4] >= 0 && rv[4] <= 1e12))
    return bad(r, "recency settings out of range");
  m->season_mode = (int)rv[0], m->half_life = rv[1], m->inner_from = (int)rv[2], m->inner_score = rv[3];
  m->inner_n = (size_t)rv[4];
  if (keyword(r, "inner-grid", &rest) || numbers(r, &rest, 3 * (SL_FEES_NHALF_LIVES + 1), &m->inner_grid[0][0]))
    return SL_EPARSE;
  double nb;
  if (keyword(r, "bands", &rest) || numbers(r, &rest, 1, &nb)) return SL_EPARSE;
  if (nb != 1 && nb != SL_FEES_MAX_BANDS) return bad(r, "band count is neither 1 nor 3");
  m->nbands = (size_t)nb;
  double first[SL_FEES_MAX_BANDS + 1];
  if (numbers(r, &rest, m->nbands + 1, first)) return SL_EPARSE;
  for (size_t b = 0; b <= m->nbands; b++) {
    if (!(first[b] >= 0 && first[b] <= 1e12) || first[b] != floor(first[b]) || (b && first[b] < first[b - 1]) ||
        (!b && first[b] != 0))
      return bad(r, "band offsets out of order");
    m->band_first[b] = (size_t)first[b];
  }
  return SL_OK;
}

/* Fields of a deal line: five texts and ten numbers, five more numbers from version 3, in
 * version 4 one per column term, and in version 6 the last fee and its season. */
#define DEAL_FIELDS_V2 15
#define DEAL_FIELDS_V3 20
#define DEAL_FIELDS_LAST_FEE 2
#define DEAL_FIELDS_MAX (DEAL_FIELDS_V3 + SL_FEES_MAX_COLUMN_TERMS + DEAL_FIELDS_LAST_FEE)

/* Splits a deal line at tabs into n fields. */
static int deal_fields(reader *r, char *s, char **f, int n) {
  for (int i = 0; i < n; i++) {
    f[i] = s;
    char *tab = strchr(s, '\t');
    if (i < n - 1 && !tab) return bad(r, "a deal line has too few fields");
    if (tab) *tab = 0, s = tab + 1;
  }
  return SL_OK;
}

static int load_deal(reader *r, sl_fees_deals *d, char *s) {
  char *f[DEAL_FIELDS_MAX];
  int nf = r->version > SL_FEES_FORMAT_VERSION_MIN ? DEAL_FIELDS_V3 : DEAL_FIELDS_V2;
  if (r->version >= SL_FEES_FORMAT_VERSION_DECLARED) nf += (int)d->ncolumns;
  int last = r->version >= SL_FEES_FORMAT_VERSION; /* the last fee and its season close the line */
  nf += last ? DEAL_FIELDS_LAST_FEE : 0;
  if (deal_fields(r, s, f, nf)) return SL_EPARSE;
  sl_fees_deal deal = {0};
  sl_fees_player *p = &deal.player;
  sl_fees_player_init(p);
  const char **texts[] = {&p->name, &p->club, &deal.buyer, &p->league, &p->buyer_league};
  for (int k = 0; k < 5; k++) *texts[k] = f[k][0] ? f[k] : NULL;
  double v[DEAL_FIELDS_MAX - 5];
  char *nums = f[5];
  for (int k = 6; k < nf; k++) f[k][-1] = ' '; /* rejoin the numeric fields */
  if (numbers(r, &nums, (size_t)nf - 5, v)) return SL_EPARSE;
  if (nf >= DEAL_FIELDS_V3) {
    if (!season_ok(v[14])) return bad(r, "a deal's stats season is out of range");
    p->starts_share = v[10], p->npxg_xag_per90 = v[11], p->progressive_per90 = v[12], p->team_points = v[13];
    p->stats_season = (int)v[14];
    for (size_t k = 0; k < d->ncolumns && r->version >= SL_FEES_FORMAT_VERSION_DECLARED; k++)
      p->column[k] = v[DEAL_FIELDS_V3 - 5 + k];
  }
  if (last) {
    double fee = v[nf - 5 - 2], season = v[nf - 5 - 1];
    if (!(isnan(fee) || fee >= 0) || !(season == 0 || season_ok(season)))
      return bad(r, "a deal's last fee or its season is out of range");
    p->last_fee = fee, p->last_fee_season = (int)season;
  }
  if (!(v[0] >= 0 && v[0] < SL_FEES_GROUP_COUNT) || !(v[6] > 0) || !(v[7] >= 0 && v[7] < (double)(d->nfiles ? d->nfiles : 1)) ||
      !season_ok(v[2]) || !(v[8] >= 0 && v[8] <= SL_FEES_MAX_LINE))
    return bad(r, "a deal is out of range");
  p->group = (int)v[0], p->age = v[1], p->season = (int)v[2], p->market_value = v[3];
  p->contract_months = v[4], p->minutes_share = v[5], deal.fee = v[6];
  deal.file = (uint32_t)v[7], deal.line = (long)v[8], deal.from_out_row = v[9] != 0;
  return sl_fees_deals_push(d, &deal);
}

static int load_deals(reader *r, sl_fees_model *m) {
  char *s;
  size_t nf = 0, n = 0;
  if (!(m->deals = sl_fees_deals_new())) return SL_ENOMEM;
  sl_fees_deals *d = m->deals;
  for (size_t k = 0; k < m->ncolumns; k++) /* the deals carry the model's column terms */
    if (!(d->column_names[d->ncolumns++] = strdup(m->column_names[k]))) return SL_ENOMEM;
  d->has_columns = r->has_columns;
  if (keyword(r, "files", &s) || count_of(r, &s, &nf)) return SL_EPARSE;
  for (size_t i = 0; i < nf; i++) {
    if (keyword(r, "file", &s)) return SL_EPARSE;
    if (sl_fees_deals_add_file(d, s) == (uint32_t)-1) return SL_ENOMEM;
  }
  double v[7];
  int nflags = deal_flags(r->version);
  if (keyword(r, "deals", &s) || count_of(r, &s, &n) || numbers(r, &s, (size_t)nflags, v)) return SL_EPARSE;
  d->has_market_value = v[0] != 0, d->has_contract = v[1] != 0, d->has_minutes = v[2] != 0;
  d->has_leagues = v[3] != 0, d->has_season = v[4] != 0, d->has_performance = nflags > 5 && v[5] != 0;
  d->has_last_fee = nflags > 6 && v[6] != 0;
  for (size_t i = 0; i < n; i++) {
    if (!(s = next_line(r))) return bad(r, "deals cut short");
    int st = load_deal(r, d, s);
    if (st) return st;
  }
  d->rows_read = d->count[SL_FEES_USED] = d->n;
  sl_fees_ranges_build(m);
  int st = sl_fees_club_index_build(m);
  return st ? st : sl_fees_model_history_build(m);
}

static int load_ols(reader *r, sl_fees_model *m) {
  char *s;
  size_t n = 0;
  if (keyword(r, "ols", &s) || count_of(r, &s, &n)) return SL_EPARSE;
  if (n > r->len - r->pos) return bad(r, "the regression block is cut short");
  int st = sl_ols_load_buffer(r->name, r->buf + r->pos, n, (const char *const *)m->names, m->p, &m->ols, r->err);
  if (st == SL_EVERSION && r->err && strstr(r->err->message, "format version") == NULL) {
    /* The regression's columns are checked against the model's own terms: a mismatch means an
     * edited file or two models spliced together, which "the data gives" would not explain. */
    char inner[SL_ERROR_MESSAGE_MAX];
    memcpy(inner, r->err->message, sizeof inner);
    return sl_error_set(r->err, SL_EVERSION, r->name, r->line, 0,
                        "the model's regression has other columns than its terms (%.300s): the file was edited "
                        "or mixes two models; refit with scoutlab fit", inner);
  }
  if (st) return st;
  for (size_t k = 0; k < n; k++)
    if (r->buf[r->pos + k] == '\n') r->line++;
  r->pos += n;
  if (keyword(r, "end", &s)) return SL_EPARSE;
  const sl_ols_fit *f = m->ols;
  if (!(f->sigma > 0) || !isfinite(f->sigma)) return bad(r, "the residual standard error is not a positive number");
  /* The model's predicting coefficients are a second copy of the regression's (OLS): they must
   * agree, or the file was edited. */
  for (size_t j = 0; !m->ridge && j < m->p; j++)
    if (!f->aliased[j] && m->coef[j] != f->coef[j])
      return sl_error_set(r->err, SL_EPARSE, r->name, r->line, 0,
                          "the model's coefficient of '%s' (%.17g) differs from its regression's (%.17g): the file "
                          "was edited; refit with scoutlab fit", m->names[j], m->coef[j], f->coef[j]);
  return SL_OK;
}

/* The last line: the checksum of every byte before it. */
static int check_sum(reader *r) {
  size_t body = r->pos;
  char *s;
  if (keyword(r, "checksum", &s)) return SL_EPARSE;
  unsigned long long want;
  char *end;
  if (strncmp(s, "fnv1a64 ", 8) != 0) return bad(r, "unknown checksum kind");
  want = strtoull(s + 8, &end, 16);
  if (*end || end == s + 8) return bad(r, "checksum is not a hexadecimal number");
  if (want != (unsigned long long)fnv1a(r->orig, body))
    return sl_error_set(r->err, SL_EPARSE, r->name, r->line, 0,
                        "the model file was changed after scoutlab wrote it (its checksum does not match): refit "
                        "with scoutlab fit");
  if (r->pos != r->len) return bad(r, "bytes after the checksum");
  return SL_OK;
}

int sl_fees_load_buffer(const char *name, const char *data, size_t len, sl_fees_model **out,
                        sl_error *err) {
  if (!out || (!data && len)) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "no data or output given");
  *out = NULL;
  reader r = {data, malloc(len + 1), len, 0, 0, name ? name : "model", err, 0, 0};
  sl_fees_model *m = sl_fees_model_alloc();
  int st = !r.buf || !m ? SL_ENOMEM : SL_OK;
  if (!st) {
    memcpy(r.buf, data, len);
    r.buf[len] = 0;
    st = load_header(&r, m);
  }
  if (!st) st = load_terms(&r, m);
  if (!st) st = sl_fees_buyer_keys_build(m);
  if (!st) st = load_columns(&r, m);
  if (!st) st = load_deals(&r, m);
  if (!st) st = load_ols(&r, m);
  if (!st) st = check_sum(&r);
  if (st == SL_ENOMEM) sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  free(r.buf);
  if (st) {
    sl_fees_model_free(m);
    return st;
  }
  *out = m;
  return SL_OK;
}

int sl_fees_load(const char *path, sl_fees_model **out, sl_error *err) {
  if (!path || !out) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "no path or output given");
  *out = NULL;
  FILE *f = fopen(path, "rb");
  if (!f) return sl_error_set(err, SL_EIO, path, 0, 0, "cannot open: %s", sl_strerror_c(errno));
  size_t cap = 1 << 16, len = 0, got;
  char *buf = malloc(cap);
  while (buf && (got = fread(buf + len, 1, cap - len, f)) > 0) {
    len += got;
    if (len > SL_FEES_MODEL_MAX_BYTES) {
      fclose(f);
      free(buf);
      return sl_error_set(err, SL_ELIMIT, path, 0, 0,
                          "larger than %zu bytes: not a scoutlab fee model (the largest real ones are a few MB)",
                          (size_t)SL_FEES_MODEL_MAX_BYTES);
    }
    if (len == cap) {
      char *nb = realloc(buf, cap *= 2);
      if (!nb) free(buf);
      buf = nb;
    }
  }
  int rerr = ferror(f) ? errno : 0; /* a directory opens, then fails to read with EISDIR */
  fclose(f);
  if (!buf) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  if (rerr) {
    free(buf);
    return sl_error_set(err, SL_EIO, path, 0, 0, "cannot read: %s", sl_strerror_c(rerr));
  }
  int st = sl_fees_load_buffer(path, buf, len, out, err);
  free(buf);
  return st;
}
