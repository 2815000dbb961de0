/* table_load.c - CSV bytes to typed columns with libcsv; see include/scoutlab/table.h.
 *
 * Method: the input is read in chunks and fed to libcsv one physical line at a time so that
 * every row knows the line it starts on. Each line is checked as UTF-8 first (or converted
 * from Windows-1252, see below). Cells of a row are buffered until the row ends, so a row with
 * the wrong number of fields is skipped whole and reported. Column types are inferred while
 * loading: a column stays numeric (NUMBER, MONEY or DATE) until a cell that is none of those
 * arrives; if that happens after numeric cells were stored, the file is read a second time to
 * recover those cells' original text exactly (rare, and cheaper than keeping text for every
 * numeric cell of a large file).
 *
 * Encoding: a file is read as UTF-8. At the first invalid byte, if no valid multi-byte UTF-8
 * was seen before, the load restarts treating the file as Windows-1252 and converts it; a file
 * mixing valid UTF-8 with invalid bytes is rejected with the line and byte column, because
 * converting it would garble the names that were right. */
#include <csv.h>
#include <pthread.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "scoutlab/table.h"
#include "table_internal.h"
#include "runtime_internal.h"
#include "textutil.h"

/* 1 MiB reads keep syscalls rare without holding much of a large file in memory. */
#define SL_READ_CHUNK ((size_t)1 << 20)
/* Growth step of libcsv's field buffer: 256 KiB keeps a 16 MiB field at 64 reallocs. */
#define SL_CSV_FIELD_BLOCK ((size_t)256 << 10)
/* The first 64 KiB is enough to see the header and a few hundred rows for delimiter and
 * decimal-comma detection. */
#define SL_SNIFF_BYTES ((size_t)64 << 10)

/* Room for a header name: no real export comes near 255 bytes, and model files and messages
 * (SL_REGRESS_NAME_MAX) stay bounded. Longer names are cut with a warning. */
#define SL_COLUMN_NAME_BYTES 256

typedef enum { KIND_NONE = 0, KIND_NUMBER, KIND_MONEY, KIND_DATE, KIND_TEXT } cell_kind;

typedef struct {
  char *text;  /* copy of the trimmed field (not made for plain decimals) */
  size_t len;  /* 0 when the field is empty */
  int plain;   /* the field is a plain decimal whose value is in `value` */
  double value;
} row_cell;

typedef struct {
  sl_table *t;
  const sl_load_options *opt;
  const char *name;       /* file name for messages */
  sl_error *err;
  int status;             /* first fatal status, stops the load */
  int pass;               /* 1: build; 2: recover text of demoted columns */
  int cp1252;             /* converting from Windows-1252 */
  int seen_multibyte;     /* valid UTF-8 multi-byte sequence seen (so the file is UTF-8) */
  int restart_cp1252;     /* pass 1 found invalid UTF-8 before any multi-byte text */
  long line;              /* current physical line, 1-based */
  long row_line;          /* line where the current row started */
  int in_quotes;          /* inside a quoted field at the current position (quote_scan) */
  int qstate;             /* quote_scan's state, a scan_state */
  long quote_line;        /* line where the open quote started */
  int header_done;
  size_t nfields;         /* fields seen in the current row */
  row_cell *cells;        /* current row, capacity cells_cap */
  size_t cells_cap;
  int row_bad;            /* current row has a NUL or over-long field */
  int extra_filled;       /* current row has a non-empty field beyond the header's columns */
  long *keep;             /* header field index -> table column, or -1 */
  size_t nheader;
  size_t kept_rows;       /* pass 2: rows kept so far */
  size_t bytes;
  sl_col_state *state;    /* per table column inference state */
  char force_delimiter;   /* parallel halves: delimiter decided before the split, 0 = detect */
  int force_decimal;      /* parallel halves: 1 when `decimal` below is decided */
  sl_decimal decimal;
  int end_pstate;         /* libcsv state after the last byte: 0 = between rows */
  long *kept1;            /* pass 1's keep map, for pass 2 */
  size_t header_rows;     /* rows the header spans (2 or 3 for a grouped header), 0/1 = one */
  size_t header_row;      /* header rows finished so far */
  char **flat;            /* flattened names of a grouped header, nflat of them (freed at the end) */
  size_t nflat;
  size_t nkept1;
  int no_fast_split;      /* every row through libcsv (sl_load_options.csv_only) */
} loader;

static void *xrealloc(loader *L, void *p, size_t n) {
  void *q = realloc(p, n ? n : 1);
  if (!q && L->status == SL_OK)
    L->status = sl_error_set(L->err, SL_ENOMEM, L->name, L->line, 0, "out of memory while loading");
  return q;
}

static int fail(loader *L, int code, long col, const char *fmt, const char *a, const char *b) {
  if (L->status != SL_OK) return L->status;
  char msg[SL_ERROR_MESSAGE_MAX];
  snprintf(msg, sizeof msg, fmt, a ? a : "", b ? b : "");
  L->status = sl_error_set(L->err, code, L->name, L->line, col, "%s", msg);
  return L->status;
}

static size_t max_field_bytes(const loader *L) {
  return L->opt && L->opt->max_field_bytes ? L->opt->max_field_bytes : SL_TABLE_DEFAULT_MAX_FIELD_BYTES;
}

/* ---- header ---- */

static int wanted(const sl_load_options *opt, const char *name) {
  if (!opt || !opt->only_columns || sl_schema_map_role_of(opt->map, name)) return 1;
  for (const char *const *p = opt->only_columns; *p; p++)
    if (strcmp(*p, name) == 0) return 1;
  return 0;
}

static void header_field(loader *L, const char *s) {
  size_t max_cols = L->opt && L->opt->max_columns ? L->opt->max_columns : SL_TABLE_DEFAULT_MAX_COLUMNS;
  if (L->nheader >= max_cols) {
    char n[32];
    snprintf(n, sizeof n, "%zu", max_cols);
    fail(L, SL_ELIMIT, (long)L->nheader + 1, "more than %s columns in the header (the limit; raise it with SCOUTLAB_MAX_COLUMNS=N, docs/limits.md)", n, NULL);
    return;
  }
  const char *b, *e;
  sl_trim_span(s ? s : "", &b, &e);
  char name[SL_COLUMN_NAME_BYTES];
  size_t n = (size_t)(e - b) < sizeof name - 1 ? (size_t)(e - b) : sizeof name - 1;
  if (n < (size_t)(e - b)) {
    while (n > 0 && ((unsigned char)b[n] & 0xC0) == 0x80) n--; /* cut between characters */
    if (L->pass == 1 && sl_table_internal_warn(L->t, "column %zu's name is longer than %zu bytes: "
                                               "only its first %zu are kept", L->nheader + 1,
                                               sizeof name - 1, n) != SL_OK)
      fail(L, SL_ENOMEM, 0, "out of memory%s%s", NULL, NULL);
  }
  memcpy(name, b, n);
  name[n] = '\0';
  if (!n) snprintf(name, sizeof name, "column_%zu", L->nheader + 1);
  /* Grow by doubling: a wide header must not cost a copy per column. */
  if ((L->nheader & (L->nheader - 1)) == 0) {
    long *keep = xrealloc(L, L->keep, (L->nheader ? 2 * L->nheader : 1) * sizeof *keep);
    if (!keep) return;
    L->keep = keep;
  }
  L->keep[L->nheader] = -1;
  L->nheader++;
  if (L->pass == 2) {
    /* Pass 2 keeps exactly the fields pass 1 kept (remap_pass2 numbers them). */
    L->keep[L->nheader - 1] = L->nheader - 1 < L->nkept1 ? L->kept1[L->nheader - 1] : -1;
    return;
  }
  if (!wanted(L->opt, name)) return;
  if (sl_table_internal_add_column(L->t, name, &L->state, L->err) != SL_OK) {
    L->status = L->err ? L->err->code : SL_ENOMEM;
    return;
  }
  L->keep[L->nheader - 1] = (long)L->t->ncols - 1;
}

/* Pass 2 maps header fields to the same columns by position in the kept order. */
static void remap_pass2(loader *L) {
  long next = 0;
  for (size_t i = 0; i < L->nheader; i++) L->keep[i] = L->keep[i] >= 0 ? next++ : -1;
}

/* ---- cells ---- */

/* The high bit of each byte of a 64-bit word: set only by non-ASCII bytes. */
#define ASCII_HIGH_BITS UINT64_C(0x8080808080808080)

static int visible_ascii(char c) { return (unsigned char)c > ' ' && (unsigned char)c < 0x7f; }

static int all_blank(const char *s, size_t len) {
  const char *b = s, *e = s + len;
  sl_trim_span_range(&b, &e);
  return b == e;
}

static void field_cb(void *s, size_t len, void *data) {
  loader *L = data;
  if (L->status != SL_OK) return;
  L->nfields++;
  if (len > max_field_bytes(L)) {
    char lim[32];
    snprintf(lim, sizeof lim, "%zu", max_field_bytes(L));
    fail(L, SL_ELIMIT, (long)L->nfields, "a field longer than %s bytes (the limit, SCOUTLAB_MAX_FIELD_BYTES; is a quote left open?)%s", lim, NULL);
    return;
  }
  if (!L->header_done) {
    if (L->header_rows > 1 && L->header_row + 1 < L->header_rows) return; /* upper rows: in the flat names */
    if (L->header_rows > 1) s = L->nfields <= L->nflat ? L->flat[L->nfields - 1] : NULL;
    header_field(L, s);
    return;
  }
  if (L->nfields > L->nheader) { /* counted, reported at row end unless empty */
    if (s && !all_blank(s, len)) L->extra_filled = 1;
    return;
  }
  size_t i = L->nfields - 1;
  if (L->nfields > L->cells_cap) {
    size_t cap = L->cells_cap ? L->cells_cap * 2 : 64;
    while (cap < L->nfields) cap *= 2;
    row_cell *c = xrealloc(L, L->cells, cap * sizeof *c);
    if (!c) return;
    memset(c + L->cells_cap, 0, (cap - L->cells_cap) * sizeof *c);
    L->cells = c;
    L->cells_cap = cap;
  }
  row_cell *c = &L->cells[i];
  if (L->keep[i] < 0 || !s) {
    c->len = 0;
    c->plain = 0; /* the cell buffer is reused row after row: clear the last row's number */
    if (c->text) c->text[0] = '\0';
    return;
  }
  const char *b = s, *e = b + len;
  /* A cell starting and ending in visible ASCII (nearly all) has nothing to trim. */
  if (len && (!visible_ascii(b[0]) || !visible_ascii(e[-1]))) sl_trim_span_range(&b, &e);
  size_t n = (size_t)(e - b);
  c->len = n;
  /* Most cells of a large numeric file are plain decimals: convert without copying the text. */
  /* In a decimal-comma file "2.183" is 2,183 minutes (a thousands dot), not 2.183: the fast path
   * reads dots as points, so such cells take the full parser. */
  c->plain = L->pass == 1 && n > 0 && sl_table_internal_numeric_kind(L->state, (size_t)L->keep[i]) &&
             (L->t->decimal == SL_DECIMAL_POINT || !memchr(b, '.', n)) && sl_parse_plain_decimal(b, n, &c->value);
  if (c->plain) return;
  char *t = xrealloc(L, c->text, n + 1);
  if (!t) return;
  memcpy(t, b, n);
  t[n] = '\0';
  c->text = t;
}

static void skip_row(loader *L, const char *reason) {
  if (L->pass == 2) return;
  if (sl_table_add_skip(L->t, (uint32_t)(L->t->nfiles - 1), L->row_line, reason) != SL_OK)
    fail(L, SL_ENOMEM, 0, "out of memory%s%s", NULL, NULL);
  else L->t->skipped[L->t->nskipped - 1].unread = 1;
}

static int row_all_empty(const loader *L, size_t nf) {
  for (size_t i = 0; i < nf && i < L->nheader; i++)
    if (L->cells[i].len > 0) return 0;
  return 1;
}

static void row_cb(int c, void *data) {
  loader *L = data;
  (void)c;
  if (L->status != SL_OK) return;
  size_t nf = L->nfields;
  L->nfields = 0;
  if (!L->header_done) {
    if (L->header_rows > 1 && ++L->header_row < L->header_rows) return;
    L->header_done = 1;
    if (L->pass == 2) remap_pass2(L);
    return;
  }
  if (L->pass == 1) L->t->rows_read++;
  int extra_filled = L->extra_filled;
  L->extra_filled = 0;
  if (nf > L->nheader && !extra_filled) {
    /* A trailing delimiter on every row (a scraper's habit): the extra fields hold nothing. */
    if (L->pass == 1) L->t->rows_trailing_empty++;
    nf = L->nheader;
  }
  if (nf != L->nheader) {
    char why[128];
    snprintf(why, sizeof why, "expected %zu fields, found %zu%s", L->nheader, nf,
             nf > L->nheader ? " (the extra fields are not empty)" : "");
    skip_row(L, why);
    return;
  }
  if (row_all_empty(L, nf)) {
    skip_row(L, "every field is empty");
    return;
  }
  if (L->pass == 2) {
    for (size_t i = 0; i < nf; i++)
      if (L->keep[i] >= 0)
        sl_table_internal_recover_text(L->t, L->state, (size_t)L->keep[i], L->kept_rows,
                                       L->cells[i].len ? L->cells[i].text : NULL);
    L->kept_rows++;
    return;
  }
  size_t max_cells = L->opt && L->opt->max_cells ? L->opt->max_cells : SL_TABLE_DEFAULT_MAX_CELLS;
  if (L->t->ncols && L->t->nrows >= max_cells / L->t->ncols) { /* memory grows with cells, not bytes */
    char lim[32];
    snprintf(lim, sizeof lim, "%zu", max_cells);
    fail(L, SL_ELIMIT, 0, "more than %s cells (rows x columns) in one file (raise the limit with SCOUTLAB_MAX_CELLS=N)%s",
         lim, NULL);
    return;
  }
  int st = sl_table_internal_begin_row(L->t, L->state, L->row_line, L->err);
  for (size_t i = 0; st == SL_OK && i < nf; i++) {
    if (L->keep[i] < 0) continue;
    const row_cell *c = &L->cells[i];
    if (c->plain)
      st = sl_table_internal_set_number(L->t, L->state, (size_t)L->keep[i], c->value, L->row_line, L->err);
    else
      st = sl_table_internal_set_cell(L->t, L->state, (size_t)L->keep[i], c->len ? c->text : NULL,
                                      L->row_line, (long)i + 1, L->err);
  }
  if (st != SL_OK) L->status = st;
}

/* ---- bytes in ---- */

/* Checks one line as UTF-8; returns 0, or -1 after setting the status (or the restart flag). */
static int check_utf8(loader *L, const unsigned char *p, size_t n) {
  for (size_t i = 0; i < n;) {
    uint64_t word;
    if (n - i >= sizeof word && (memcpy(&word, p + i, sizeof word), !(word & ASCII_HIGH_BITS))) {
      i += sizeof word; /* eight ASCII bytes at once: most lines of most files are all ASCII */
      continue;
    }
    if (p[i] < 0x80) {
      i++;
      continue;
    }
    size_t w = sl_utf8_seq_len(p + i, n - i);
    if (w == 0) {
      if (!L->seen_multibyte && L->pass == 1) {
        L->restart_cp1252 = 1;
        return -1;
      }
      char byte[8];
      snprintf(byte, sizeof byte, "0x%02X", p[i]);
      L->status = sl_error_set(L->err, SL_EENCODING, L->name, L->line, (long)i + 1,
                               "invalid UTF-8 byte %s (byte column %zu) in a file that is otherwise "
                               "UTF-8: the file mixes encodings; re-save it as UTF-8",
                               byte, i + 1);
      return -1;
    }
    L->seen_multibyte = 1;
    i += w;
  }
  return 0;
}

/* Converts one Windows-1252 line into *buf (grown as needed); returns the new length or -1. */
static long from_cp1252(loader *L, const unsigned char *p, size_t n, char **buf, size_t *cap) {
  if (*cap < n * 3 + 1) {
    char *b = xrealloc(L, *buf, n * 3 + 1);
    if (!b) return -1;
    *buf = b;
    *cap = n * 3 + 1;
  }
  size_t o = 0;
  for (size_t i = 0; i < n; i++) {
    size_t w = sl_cp1252_to_utf8(p[i], *buf + o);
    if (w == 0) {
      char byte[8];
      snprintf(byte, sizeof byte, "0x%02X", p[i]);
      fail(L, SL_EENCODING, (long)i + 1, "byte %s is neither UTF-8 nor Windows-1252 text%s", byte, NULL);
      return -1;
    }
    o += w;
  }
  return (long)o;
}

/* Where a scan of the bytes stands, as libcsv's non-strict parser would (libcsv.c: leading blanks
 * skipped, a closing quote may be followed by blanks, then a delimiter or a line end). */
typedef enum { SCAN_FIELD_START = 0, SCAN_UNQUOTED, SCAN_QUOTED, SCAN_QUOTE_SEEN, SCAN_QUOTE_BLANKS } scan_state;

static int blank(char c) { return c == ' ' || c == '\t'; }

/* Runs the scan over p[0..n) from *state. Returns 0, or the 1-based column of a stray quote: a
 * quoted field closed and then followed by something other than blanks, a delimiter or a line end
 * ("a"b). libcsv then goes on reading the field as quoted, so the following rows would vanish into
 * it; the caller reports the row instead. */
static long quote_scan(int *state, const char *p, size_t n, char delim) {
  if (*state <= SCAN_UNQUOTED && !memchr(p, '"', n)) { /* most lines: no quote at all */
    if (n && (p[n - 1] == '\n' || p[n - 1] == '\r')) *state = SCAN_FIELD_START;
    else if (n) {
      size_t i = n;
      while (i > 0 && blank(p[i - 1]) && p[i - 1] != delim) i--;
      if (i == 0 ? *state != SCAN_FIELD_START : p[i - 1] != delim) *state = i < n || i ? SCAN_UNQUOTED : *state;
      else *state = SCAN_FIELD_START;
    }
    return 0;
  }
  for (size_t i = 0; i < n; i++) {
    char c = p[i];
    switch (*state) {
    case SCAN_FIELD_START:
      if (c == '"') *state = SCAN_QUOTED;
      else if (!blank(c) || c == delim) *state = c == delim || c == '\n' || c == '\r' ? SCAN_FIELD_START : SCAN_UNQUOTED;
      break;
    case SCAN_UNQUOTED:
      if (c == delim || c == '\n' || c == '\r') *state = SCAN_FIELD_START;
      break;
    case SCAN_QUOTED:
      if (c == '"') *state = SCAN_QUOTE_SEEN;
      break;
    case SCAN_QUOTE_SEEN:
    case SCAN_QUOTE_BLANKS:
      if (c == delim || c == '\n' || c == '\r') *state = SCAN_FIELD_START;
      else if (blank(c)) *state = SCAN_QUOTE_BLANKS;
      else if (c == '"' && *state == SCAN_QUOTE_SEEN) *state = SCAN_QUOTED; /* "" inside quotes */
      else return (long)i + 1;
      break;
    }
  }
  return 0;
}

/* A stray quote on a line that holds one whole row: the row is listed as skipped and never fed to
 * libcsv, so the rows after it stay rows. Elsewhere (in the header, or inside a row spanning lines)
 * it is an error naming the place. */
static int stray_quote(loader *L, struct csv_parser *P, long col, int whole_row, int before) {
  (void)P;
  if (!whole_row || !L->header_done) {
    char c[32], opened[96] = "";
    snprintf(c, sizeof c, "%ld", col);
    if (L->header_done && L->quote_line > 0 && L->quote_line < L->line) /* the quote it closes is lines above */
      snprintf(opened, sizeof opened, "; the quoted field it closes opened at line %ld: is a quote left open there?",
               L->quote_line);
    L->qstate = before;
    return fail(L, SL_EPARSE, col, "a quoted field is closed and text follows at byte column %s (expected a delimiter "
                "after a closing quote; write the whole field in quotes and double the quotes inside, "
                "e.g. \"\"\"a\"\"b\")%s", c, opened);
  }
  L->qstate = SCAN_FIELD_START;
  L->line++;
  if (L->pass == 2) return L->status;
  L->t->rows_read++;
  char why[160];
  snprintf(why, sizeof why, "a quoted field is closed and text follows at byte column %ld (a stray quote): row "
                            "skipped so that it does not swallow the rows after it", col);
  skip_row(L, why);
  return L->status;
}

/* A blank as libcsv trims it around an unquoted field: a space or a tab, unless it is the
 * delimiter (libcsv's default is_space, which the loader keeps). */
static int csv_blank(char c, char delim) { return (c == ' ' || c == '\t') && c != delim; }

/* One whole row on one line without a quote, split as libcsv would split it, without its
 * byte-by-byte copy into a field buffer: each field is the span between delimiters with its
 * blanks trimmed, an empty one passed as NULL (CSV_EMPTY_IS_NULL), and a line of blanks is no
 * row at all (libcsv skips empty rows). The line ends in "\n", "\r\n" or a lone "\r"
 * (line_end), the only line-end bytes in it. Most rows of a large file take this path;
 * test_table.c and fuzz_table check that it gives what libcsv gives. */
static void split_plain_row(loader *L, const char *p, size_t n) {
  char delim = (char)L->t->delimiter;
  const char *end = p + n;
  while (end > p && (end[-1] == '\n' || end[-1] == '\r')) end--;
  const char *q = p;
  while (q < end && csv_blank(*q, delim)) q++;
  if (q == end) return;
  for (const char *f = p;;) {
    const char *d = memchr(f, delim, (size_t)(end - f));
    const char *fe = d ? d : end;
    while (f < fe && csv_blank(*f, delim)) f++;
    while (fe > f && csv_blank(fe[-1], delim)) fe--;
    /* field_cb reads a data field by its length only (the header, which it reads as a string,
     * never comes here), so the span need not be NUL-terminated */
    field_cb(fe > f ? (void *)(uintptr_t)f : NULL, (size_t)(fe - f), L);
    if (!d || L->status != SL_OK) break;
    f = d + 1;
  }
  if (L->status == SL_OK) row_cb(0, L);
}

/* Feeds one piece of a physical line (ends_line: the piece includes its '\n'). */
static int feed(loader *L, struct csv_parser *P, const char *p, size_t n, int ends_line,
                char **conv, size_t *conv_cap) {
  if (memchr(p, '\0', n))
    return fail(L, SL_EPARSE, 0, "NUL byte in the file: this looks like a binary file, not CSV%s%s", NULL, NULL);
  if (L->cp1252) {
    long m = from_cp1252(L, (const unsigned char *)p, n, conv, conv_cap);
    if (m < 0) return L->status;
    p = *conv;
    n = (size_t)m;
  } else if (check_utf8(L, (const unsigned char *)p, n) != 0) {
    return L->status != SL_OK ? L->status : -1;
  }
  int row_start = L->qstate == SCAN_FIELD_START && L->nfields == 0 && P->pstate == 0;
  if (row_start) L->row_line = L->line;
  if (row_start && ends_line && L->header_done && !L->no_fast_split && !memchr(p, '"', n)) {
    split_plain_row(L, p, n);
    L->line++;
    return L->status;
  }
  int before = L->qstate;
  long stray = quote_scan(&L->qstate, p, n, (char)L->t->delimiter);
  if (stray) return stray_quote(L, P, stray, row_start && ends_line, before);
  L->in_quotes = L->qstate == SCAN_QUOTED || L->qstate == SCAN_QUOTE_SEEN;
  if (L->in_quotes && before != SCAN_QUOTED && before != SCAN_QUOTE_SEEN) L->quote_line = L->line;
  if (csv_parse(P, p, n, field_cb, row_cb, L) != n && L->status == SL_OK)
    return fail(L, SL_EPARSE, 0, "CSV error: %s%s", csv_strerror(csv_error(P)), NULL);
  if (P->entry_pos > max_field_bytes(L)) {
    char lim[32];
    snprintf(lim, sizeof lim, "%zu", max_field_bytes(L));
    return fail(L, SL_ELIMIT, (long)L->nfields + 1, "a field longer than %s bytes (the limit, SCOUTLAB_MAX_FIELD_BYTES; is a quote left open?)%s", lim, NULL);
  }
  if (ends_line) L->line++;
  return L->status;
}

/* The byte that ends the first line of p[0..n): a '\n', or a lone '\r' (old Mac line ends, which
 * libcsv also takes as the end of a row, so that line numbers and the parallel split agree with
 * the rows). NULL when there is none, or when p ends in a '\r' whose '\n' may be in the next
 * read (at_eof 0). */
static const char *line_end(const char *p, size_t n, int at_eof) {
  const char *nl = memchr(p, '\n', n);
  const char *cr = memchr(p, '\r', nl ? (size_t)(nl - p) : n);
  if (!cr || (nl && cr + 1 == nl)) return nl;
  if (cr + 1 < p + n) return cr; /* a '\r' followed by something other than '\n' */
  return at_eof ? cr : NULL;
}

/* Splits a buffer at line ends and feeds each line; returns bytes consumed. Without a line end
 * the whole buffer is fed (a long field) unless it ends inside a UTF-8 sequence. */
static size_t feed_lines(loader *L, struct csv_parser *P, const char *buf, size_t n, int at_eof,
                         char **conv, size_t *conv_cap) {
  size_t off = 0;
  while (off < n && L->status == SL_OK && !L->restart_cp1252) {
    const char *nl = line_end(buf + off, n - off, at_eof);
    if (nl) {
      size_t len = (size_t)(nl - (buf + off)) + 1;
      if (feed(L, P, buf + off, len, 1, conv, conv_cap) != SL_OK) break;
      off += len;
      continue;
    }
    size_t len = n - off;
    /* A line cut by the read: wait for the rest (a row is judged whole, e.g. for a stray quote),
     * unless it is longer than a read, a long field that must be fed in pieces. */
    if (!at_eof && len < SL_READ_CHUNK) break;
    if (!at_eof && !L->cp1252) {
      /* keep a possibly split UTF-8 sequence for the next read */
      size_t back = 0;
      while (back < 3 && back < len && ((unsigned char)buf[off + len - 1 - back] & 0xC0) == 0x80) back++;
      if (back < len && (unsigned char)buf[off + len - 1 - back] >= 0xC0) len -= back + 1;
      if (!at_eof && len == 0) break;
    }
    feed(L, P, buf + off, len, 0, conv, conv_cap);
    off += len;
  }
  return off;
}

typedef struct {
  FILE *f;            /* file source, or NULL for memory */
  const char *data;   /* memory source */
  size_t len;         /* memory: bytes in data; file: bytes to read from the current position */
  const char *pre;    /* bytes served before the source (a parallel half's header), or NULL */
  size_t pre_len;
} source;

static size_t source_read(source *s, size_t *pos, char *dst, size_t cap, int *io_error) {
  size_t n = 0;
  if (*pos < s->pre_len) {
    n = s->pre_len - *pos < cap ? s->pre_len - *pos : cap;
    memcpy(dst, s->pre + *pos, n);
    *pos += n;
    return n;
  }
  size_t at = *pos - s->pre_len, left = s->len - at;
  cap = left < cap ? left : cap;
  if (s->f) {
    n = fread(dst, 1, cap, s->f);
    if (n < cap && ferror(s->f)) *io_error = 1;
  } else {
    n = cap;
    memcpy(dst, s->data + at, n);
  }
  *pos += n;
  return n;
}

static char detect_delimiter(const char *p, size_t n) {
  static const char cands[] = {',', ';', '\t', '|'};
  size_t counts[4] = {0};
  int q = 0;
  for (size_t i = 0; i < n && (q || (p[i] != '\n' && p[i] != '\r')); i++) {
    if (p[i] == '"') q = !q;
    if (q) continue;
    for (int k = 0; k < 4; k++) counts[k] += p[i] == cands[k];
  }
  int best = 0;
  for (int k = 1; k < 4; k++)
    if (counts[k] > counts[best]) best = k;
  return cands[best];
}

/* Decimal commas: in a file not separated by commas, a digit-comma-digit is a decimal mark. */
static sl_decimal detect_decimal(const char *p, size_t n, char delim) {
  if (delim == ',') return SL_DECIMAL_POINT;
  for (size_t i = 1; i + 1 < n; i++)
    if (p[i] == ',' && p[i - 1] >= '0' && p[i - 1] <= '9' && p[i + 1] >= '0' && p[i + 1] <= '9')
      return SL_DECIMAL_COMMA;
  return SL_DECIMAL_POINT;
}

static int check_bom(loader *L, char *buf, size_t *n, size_t *skip) {
  const unsigned char *u = (const unsigned char *)buf;
  *skip = 0;
  if (*n >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF)))
    return fail(L, SL_EENCODING, 1, "the file is UTF-16 encoded; save it as UTF-8 CSV%s%s", NULL, NULL);
  if (*n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) *skip = 3;
  return SL_OK;
}

/* ---- grouped (multi-row) headers ----
 * FBref's "Get table as CSV" writes a group row above the names (",,,Playing Time,Playing Time,
 * Performance,..." over "Rk,Player,...,MP,Starts,Min,...,Gls"); pandas writes a MultiIndex as one
 * row per level and a row of index names. Such a header is flattened into one row of names: the
 * lower name the first time it appears in its row (so "Gls", "Min" keep the names FBref's tables
 * and scoutlab's profiles use), GROUP_NAME when it repeats (soccerdata's flattening: "Per 90
 * Minutes_Gls"), the group alone over an empty name, the index name in pandas' third row. */

/* Rows the sniff looks at: the two header rows, pandas' index-name row, one data row. */
#define SL_HEADER_ROWS_MAX 4

typedef struct {
  char **cell[SL_HEADER_ROWS_MAX];
  size_t n[SL_HEADER_ROWS_MAX], rows, cap_fail;
  size_t max_cols;
} sniff_rows;

static void sniff_field(void *s, size_t len, void *data) {
  sniff_rows *r = data;
  if (r->rows >= SL_HEADER_ROWS_MAX || r->n[r->rows] >= r->max_cols) return;
  size_t i = r->rows, k = r->n[i];
  char **c = realloc(r->cell[i], (k + 1) * sizeof *c);
  if (!c) {
    r->cap_fail = 1;
    return;
  }
  r->cell[i] = c;
  const char *b = s ? s : "", *e = b + (s ? len : 0);
  sl_trim_span_range(&b, &e);
  c[k] = malloc((size_t)(e - b) + 1);
  if (!c[k]) {
    r->cap_fail = 1;
    return;
  }
  memcpy(c[k], b, (size_t)(e - b));
  c[k][e - b] = '\0';
  r->n[i]++;
}

static void sniff_row(int c, void *data) {
  sniff_rows *r = data;
  (void)c;
  if (r->rows < SL_HEADER_ROWS_MAX) r->rows++;
}

static void sniff_free(sniff_rows *r) {
  for (size_t i = 0; i < SL_HEADER_ROWS_MAX; i++) {
    for (size_t k = 0; k < r->n[i]; k++) free(r->cell[i][k]);
    free(r->cell[i]);
  }
}

static const char *cell_at(const sniff_rows *r, size_t row, size_t k) {
  return row < r->rows && k < r->n[row] ? r->cell[row][k] : "";
}

/* A group row: some names repeat in neighbouring columns, and the row below names roles. */
static int is_group_row(const sniff_rows *r) {
  if (r->rows < 3 || r->n[0] != r->n[1] || r->n[0] < 2) return 0;
  size_t repeats = 0, top_empty = 0, low_numbers = 0, top_player = 0;
  for (size_t k = 0; k < r->n[0]; k++) {
    const char *a = r->cell[0][k];
    double v;
    repeats += k > 0 && a[0] && strcmp(a, r->cell[0][k - 1]) == 0;
    top_empty += !a[0];
    low_numbers += sl_parse_number(r->cell[1][k], SL_DECIMAL_POINT, &v) || sl_parse_number(r->cell[1][k], SL_DECIMAL_COMMA, &v);
    top_player += sl_schema_role_of(a) == SL_ROLE_PLAYER;
  }
  /* Groups span neighbours and leave the cells over Rk/Player empty; the row below is names,
   * not data (at most a quarter numbers: "90s" is a name), and the player is not named on top. */
  return repeats > 0 && top_empty > 0 && 4 * low_numbers <= r->n[0] && top_player == 0;
}

/* pandas' index-name row: names only where both levels above are empty. */
static int is_index_row(const sniff_rows *r) {
  if (r->rows < 4 || r->n[2] != r->n[0]) return 0;
  int named = 0;
  for (size_t k = 0; k < r->n[2]; k++) {
    if (!r->cell[2][k][0]) continue;
    if (r->cell[0][k][0] || r->cell[1][k][0]) return 0;
    named++;
  }
  return named > 0;
}

/* True when no column before k has the same lower name. */
static int first_in_row(const sniff_rows *r, size_t row, size_t k) {
  for (size_t j = 0; j < k; j++)
    if (strcmp(r->cell[row][j], r->cell[row][k]) == 0) return 0;
  return 1;
}

static char *flat_name(const sniff_rows *r, size_t k, int index_row) {
  const char *top = cell_at(r, 0, k), *low = cell_at(r, 1, k), *idx = index_row ? cell_at(r, 2, k) : "";
  char buf[SL_COLUMN_NAME_BYTES];
  if (!low[0] && !top[0]) snprintf(buf, sizeof buf, "%s", idx);
  else if (!low[0]) snprintf(buf, sizeof buf, "%s", top);
  else if (!top[0] || first_in_row(r, 1, k)) snprintf(buf, sizeof buf, "%s", low);
  else snprintf(buf, sizeof buf, "%s_%s", top, low);
  size_t n = strlen(buf) + 1;
  char *out = malloc(n);
  if (out) memcpy(out, buf, n);
  return out;
}

/* Looks at the first rows; for a grouped header sets L->header_rows and L->flat. */
static int grouped_header(loader *L, const char *p, size_t n) {
  if (L->pass != 1 || L->flat) return SL_OK; /* pass 2 reuses pass 1's names */
  struct csv_parser P;
  sniff_rows r = {.max_cols = L->opt && L->opt->max_columns ? L->opt->max_columns : SL_TABLE_DEFAULT_MAX_COLUMNS};
  if (csv_init(&P, CSV_APPEND_NULL | CSV_EMPTY_IS_NULL) != 0) return SL_OK;
  csv_set_delim(&P, (unsigned char)L->t->delimiter);
  csv_parse(&P, p, n, sniff_field, sniff_row, &r);
  csv_free(&P);
  int st = SL_OK;
  if (!r.cap_fail && is_group_row(&r)) {
    int idx = is_index_row(&r);
    L->header_rows = idx ? 3 : 2;
    L->flat = calloc(r.n[0], sizeof *L->flat);
    if (!L->flat) st = fail(L, SL_ENOMEM, 0, "out of memory%s%s", NULL, NULL);
    for (size_t k = 0; st == SL_OK && k < r.n[0]; k++, L->nflat++)
      if (!(L->flat[k] = flat_name(&r, k, idx))) st = fail(L, SL_ENOMEM, 0, "out of memory%s%s", NULL, NULL);
    if (st == SL_OK && sl_table_internal_warn(L->t, "the header spans %zu rows (a grouped export): names flattened, "
                                              "e.g. '%s'", L->header_rows, L->nflat ? L->flat[L->nflat - 1] : "") != SL_OK)
      st = fail(L, SL_ENOMEM, 0, "out of memory%s%s", NULL, NULL);
  }
  sniff_free(&r);
  return st;
}

/* True when a file starting with p[0..n) has a grouped header (the parallel split then declines:
 * its halves would take the group row for the header). */
static int sniff_grouped(const char *p, size_t n, char delim) {
  struct csv_parser P;
  sniff_rows r = {.max_cols = SL_TABLE_DEFAULT_MAX_COLUMNS};
  if (csv_init(&P, CSV_APPEND_NULL | CSV_EMPTY_IS_NULL) != 0) return 1;
  csv_set_delim(&P, (unsigned char)delim);
  csv_parse(&P, p, n, sniff_field, sniff_row, &r);
  csv_free(&P);
  int grouped = r.cap_fail || is_group_row(&r);
  sniff_free(&r);
  return grouped;
}

static void flat_free(loader *L) {
  for (size_t i = 0; i < L->nflat; i++) free(L->flat[i]);
  free(L->flat);
  L->flat = NULL;
  L->nflat = 0;
  L->header_rows = 0;
}

/* One pass over the source. */
static int run_pass(loader *L, source *src) {
  struct csv_parser P;
  if (csv_init(&P, CSV_APPEND_NULL | CSV_EMPTY_IS_NULL | CSV_STRICT_FINI) != 0)
    return sl_error_set(L->err, SL_ENOMEM, L->name, 0, 0, "out of memory");
  /* libcsv grows a field's buffer by a fixed block (128 bytes by default): a 16 MiB field took
   * 131,072 reallocs, each copying the field under valgrind (hours for the 50 MB case). */
  csv_set_blk_size(&P, SL_CSV_FIELD_BLOCK);
  char *buf = malloc(SL_READ_CHUNK * 2), *conv = NULL;
  size_t conv_cap = 0, have = 0, pos = 0;
  int io_error = 0, first = 1;
  if (!buf) {
    csv_free(&P);
    return sl_error_set(L->err, SL_ENOMEM, L->name, 0, 0, "out of memory");
  }
  size_t max_bytes = L->opt && L->opt->max_bytes ? L->opt->max_bytes : SL_TABLE_DEFAULT_MAX_BYTES;
  for (;;) {
    size_t got = source_read(src, &pos, buf + have, SL_READ_CHUNK * 2 - have, &io_error);
    L->bytes += got;
    have += got;
    int at_eof = got == 0;
    if (io_error) {
      fail(L, SL_EIO, 0, "read error: %s%s", sl_strerror_c(errno), NULL);
      break;
    }
    if (L->bytes > max_bytes) {
      char lim[32];
      snprintf(lim, sizeof lim, "%zu", max_bytes);
      fail(L, SL_ELIMIT, 0, "file larger than the %s-byte limit (raise it with SCOUTLAB_MAX_BYTES=N)%s", lim, NULL);
      break;
    }
    size_t start = 0;
    if (first && have > 0) {
      first = 0;
      if (check_bom(L, buf, &have, &start) != SL_OK) break;
      if (L->pass == 1) {
        size_t sn = have - start < SL_SNIFF_BYTES ? have - start : SL_SNIFF_BYTES;
        L->t->delimiter = L->force_delimiter   ? L->force_delimiter
                          : L->opt && L->opt->delimiter ? L->opt->delimiter
                                                        : detect_delimiter(buf + start, sn);
        L->t->decimal = L->force_decimal ? L->decimal : detect_decimal(buf + start, sn, L->t->delimiter);
        if (!L->cp1252 && !L->force_delimiter && grouped_header(L, buf + start, sn) != SL_OK) break;
      }
      csv_set_delim(&P, (unsigned char)L->t->delimiter);
    }
    size_t used = start + feed_lines(L, &P, buf + start, have - start, at_eof, &conv, &conv_cap);
    if (L->status != SL_OK || L->restart_cp1252) break;
    memmove(buf, buf + used, have - used);
    have -= used;
    if (at_eof) break;
  }
  L->end_pstate = P.pstate;
  if (L->status == SL_OK && !L->restart_cp1252) {
    /* libcsv only reports an open quote at the end in strict mode, which also rejects the stray
     * quotes real exports contain; so look at its state: 2 is FIELD_BEGUN in libcsv.c. */
    enum { LIBCSV_FIELD_BEGUN = 2 };
    if (P.quoted && P.pstate == LIBCSV_FIELD_BEGUN) {
      long at = L->quote_line;
      L->line = at;
      fail(L, SL_EPARSE, 0, "a quoted field opened here is never closed (unterminated quote)%s%s", NULL, NULL);
    } else if (csv_fini(&P, field_cb, row_cb, L) != 0 && L->status == SL_OK) {
      fail(L, SL_EPARSE, 0, "CSV error at the end of the file: %s%s", csv_strerror(csv_error(&P)), NULL);
    }
    if (L->status == SL_OK && !L->header_done)
      fail(L, SL_EPARSE, 0, "the file is empty: expected a header row%s%s", NULL, NULL);
  }
  csv_free(&P);
  free(buf);
  free(conv);
  return L->status;
}

static void loader_reset(loader *L, int pass) {
  for (size_t i = 0; i < L->cells_cap; i++) free(L->cells[i].text);
  free(L->cells);
  free(L->keep);
  L->cells = NULL;
  L->cells_cap = 0;
  L->keep = NULL;
  L->nheader = 0;
  L->pass = pass;
  L->line = 1;
  L->row_line = 1;
  L->in_quotes = 0;
  L->qstate = SCAN_FIELD_START;
  L->header_done = 0;
  L->nfields = 0;
  L->extra_filled = 0;
  L->kept_rows = 0;
  L->header_row = 0;
  L->bytes = 0;
}

static int open_source(const char *path, source *src, sl_error *err) {
  memset(src, 0, sizeof *src);
  src->len = (size_t)-1;
  src->f = fopen(path, "rb");
  if (!src->f) return sl_error_set(err, SL_EIO, path, 0, 0, "cannot open: %s", sl_strerror_c(errno));
  /* fopen succeeds on a directory on Linux; say so rather than fail at the first read. */
  struct stat sb;
  if (fstat(fileno(src->f), &sb) == 0 && S_ISDIR(sb.st_mode)) {
    fclose(src->f);
    return sl_error_set(err, SL_EIO, path, 0, 0, "cannot read: %s", sl_strerror_c(EISDIR));
  }
  return SL_OK;
}

/* ---- two halves in parallel ----
 * A large file is split at a line break near its middle; the first half is read by this thread
 * and the second (after a copy of the header) by another, each into its own table, and the
 * second table is appended to the first. The split is only trusted when the first half ends
 * exactly between two rows (libcsv's state says so): a split inside a quoted field, a file that
 * needs Windows-1252 conversion or a second pass, a type that differs between the halves, or
 * any error makes the whole file load again the ordinary way, which also gives the exact
 * messages. */

typedef struct {
  loader L;
  source src;
  sl_error err;
} half;

static void *run_half(void *arg) {
  half *h = arg;
  run_pass(&h->L, &h->src);
  return NULL;
}

static void half_init(half *h, const char *name, const sl_load_options *opt, char delim, sl_decimal dec) {
  memset(h, 0, sizeof *h);
  h->L = (loader){.opt = opt, .name = name, .err = &h->err, .status = SL_OK,
                  .force_delimiter = delim, .force_decimal = 1, .decimal = dec,
                  .no_fast_split = opt && opt->csv_only};
  h->L.t = sl_table_internal_new(name, &h->err);
  loader_reset(&h->L, 1);
}

static void half_free(half *h) {
  loader_reset(&h->L, 0);
  sl_table_internal_state_free(h->L.t, h->L.state); /* also after the table moved to the caller */
  sl_table_free(h->L.t);
  if (h->src.f) fclose(h->src.f);
}

/* End of the header row (just past its line break) in head[0..n), with quotes read as libcsv
 * reads them (quote_scan: a quote opens a quoted field only at the start of a field, so the '"'
 * of `name"` is text); 0 if none, or when what was read ends in a '\r' that may be half of a
 * "\r\n", or when the header ends in a lone '\r'. */
static size_t header_end(const char *head, size_t n, char delim, size_t *lines) {
  int state = SCAN_FIELD_START, line_empty = 1;
  *lines = 0;
  for (size_t i = 0; i < n; i++) {
    char c = head[i];
    int quoted = state == SCAN_QUOTED;
    if (c != '\n' && c != '\r') line_empty = 0;
    if (c == '\r' && i + 1 < n && head[i + 1] == '\n') continue;
    if (c == '\n' || c == '\r') {
      /* A header ended by a lone '\r' is left to the ordinary load: its copy before the second
       * half would pair with a '\n' starting that half into one "\r\n" (a fuzz finding). */
      if (c == '\r' && !quoted) return 0;
      if (c == '\r' && i + 1 == n) return 0;
      ++*lines;
      if (!quoted && !line_empty) return i + 1;
      line_empty = 1; /* an empty line before the header: libcsv skips it, so does the header */
      continue;
    }
    if (quote_scan(&state, &c, 1, delim)) return 0; /* a stray quote: the ordinary load reports it */
  }
  return 0;
}

/* The halves read the same header (else the split misjudged where it ends: load the ordinary way). */
static int same_header(const sl_table *a, const sl_table *b) {
  if (a->ncols != b->ncols) return 0;
  for (size_t c = 0; c < a->ncols; c++)
    if (strcmp(a->cols[c].name, b->cols[c].name)) return 0;
  return 1;
}

static int half_ok(const half *h) {
  return h->L.t && h->L.status == SL_OK && !h->L.restart_cp1252 && h->L.header_done &&
         !sl_table_internal_needs_text(h->L.t, h->L.state);
}

/* Reads head bytes [0, n) and the split window; returns the split offset or 0 to decline. */
static size_t plan_split(const char *path, const char *data, size_t size, char *head, size_t *nhead) {
  size_t want = size < SL_SNIFF_BYTES ? size : SL_SNIFF_BYTES, mid = size / 2;
  char window[SL_SNIFF_BYTES];
  size_t nwin = 0;
  if (data) {
    memcpy(head, data, want);
    nwin = size - mid < sizeof window ? size - mid : sizeof window;
    memcpy(window, data + mid, nwin);
  } else {
    FILE *f = fopen(path, "rb");
    if (!f) return 0;
    want = fread(head, 1, want, f);
    if (fseek(f, (long)mid, SEEK_SET) == 0) nwin = fread(window, 1, sizeof window, f);
    fclose(f);
  }
  *nhead = want;
  const char *nl = nwin ? memchr(window, '\n', nwin) : NULL;
  return nl ? mid + (size_t)(nl - window) + 1 : 0;
}

static int open_range(const char *path, const char *data, size_t from, size_t size, source *src) {
  if (data) {
    *src = (source){NULL, data + from, size - from, src->pre, src->pre_len};
    return SL_OK;
  }
  FILE *f = fopen(path, "rb");
  if (!f || fseek(f, (long)from, SEEK_SET) != 0) {
    if (f) fclose(f);
    return SL_EIO;
  }
  src->f = f;
  src->data = NULL;
  src->len = size - from;
  return SL_OK;
}

/* Returns SL_OK with *out set when the parallel load worked; anything else means "load the
 * ordinary way". */
static int load_parallel(const char *name, const char *path, const char *data, size_t size,
                         const sl_load_options *opt, sl_table **out) {
  size_t threshold = opt && opt->parallel_min_bytes ? opt->parallel_min_bytes : SL_TABLE_DEFAULT_PARALLEL_BYTES;
  if (size < threshold) return SL_EINVAL;
  char head[SL_SNIFF_BYTES];
  size_t nhead = 0, hlines = 0;
  size_t split = plan_split(path, data, size, head, &nhead);
  const unsigned char *u = (const unsigned char *)head;
  if (!split || nhead < 4 || u[0] >= 0x80) return SL_EINVAL; /* BOMs and odd starts: ordinary way */
  char delim = opt && opt->delimiter ? opt->delimiter : detect_delimiter(head, nhead);
  size_t hend = header_end(head, nhead, delim, &hlines);
  if (!hend || hend > split) return SL_EINVAL;
  sl_decimal dec = detect_decimal(head, nhead, delim);
  if (sniff_grouped(head, nhead, delim)) return SL_EINVAL;
  half a, b;
  half_init(&a, name, opt, delim, dec);
  half_init(&b, name, opt, delim, dec);
  b.src.pre = head;
  b.src.pre_len = hend;
  int st = a.L.t && b.L.t && open_range(path, data, 0, split, &a.src) == SL_OK &&
                   open_range(path, data, split, size, &b.src) == SL_OK
               ? SL_OK
               : SL_EIO;
  pthread_t tid;
  if (st == SL_OK && pthread_create(&tid, NULL, run_half, &b) != 0) st = SL_EINVAL;
  if (st == SL_OK) {
    run_pass(&a.L, &a.src);
    pthread_join(tid, NULL);
    if (!half_ok(&a) || !half_ok(&b) || a.L.end_pstate != 0 || !same_header(a.L.t, b.L.t)) st = SL_EINVAL;
  }
  if (st == SL_OK) st = sl_table_internal_finish(a.L.t, a.L.state, &a.err);
  if (st == SL_OK) st = sl_table_internal_finish(b.L.t, b.L.state, &b.err);
  /* b's first data line is hlines + 1 in its own numbering and a.L.line in the file's. */
  if (st == SL_OK) st = sl_table_internal_append(a.L.t, b.L.t, a.L.line - (long)hlines - 1);
  if (st == SL_OK) {
    *out = a.L.t;
    a.L.t = NULL;
  }
  half_free(&a);
  half_free(&b);
  return st;
}

/* A mapping naming a column this file does not have is said, with the closest header: a typo
 * ("Valuer" for "Valeur") must not leave the role unread without a word. */
static int note_unmapped(sl_table *t, const sl_schema_map *map) {
  for (size_t i = 0; map && i < sl_schema_map_count(map); i++) {
    const char *column = NULL;
    sl_role role = sl_schema_map_entry(map, i, &column);
    if (!column || sl_table_column(t, column)) continue;
    long hit = sl_table_closest_column(t, column);
    if (sl_table_internal_warn(t, "the mapping %s=%s names no column of this file%s%s%s", sl_role_name(role), column,
                               hit >= 0 ? "; did you mean '" : "", hit >= 0 ? t->cols[hit].name : "", hit >= 0 ? "'?" : ""))
      return SL_ENOMEM;
  }
  return SL_OK;
}

/* What both the parallel and the ordinary load do last: roles (with the caller's mapping) and the
 * notes that sum over the whole file. */
static int finish_load(sl_table *t, const sl_load_options *opt, sl_error *err) {
  sl_table_internal_assign_roles(t, opt ? opt->map : NULL);
  int st = sl_table_internal_derive(t, err);
  if (st) return st;
  if (note_unmapped(t, opt ? opt->map : NULL)) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  if (t->rows_trailing_empty &&
      sl_table_internal_warn(t, "%zu row%s end%s with empty fields beyond the header's columns (a trailing "
                                "delimiter): loaded, the empty fields ignored",
                             t->rows_trailing_empty, t->rows_trailing_empty == 1 ? "" : "s",
                             t->rows_trailing_empty == 1 ? "s" : "") != SL_OK)
    return sl_error_set(err, SL_ENOMEM, t->files[0], 0, 0, "out of memory");
  return SL_OK;
}

static int load_source(const char *name, const char *path, const char *data, size_t len,
                       const sl_load_options *opt, sl_table **out, sl_error *err) {
  *out = NULL;
  sl_error_clear(err);
  struct stat sb;
  size_t size = path ? (stat(path, &sb) == 0 && S_ISREG(sb.st_mode) ? (size_t)sb.st_size : 0) : len;
  if (load_parallel(name, path, path ? NULL : data, size, opt, out) == SL_OK) {
    int st = finish_load(*out, opt, err);
    if (st != SL_OK) {
      sl_table_free(*out);
      *out = NULL;
    }
    return st;
  }
  sl_table *t = sl_table_internal_new(name, err);
  if (!t) return err ? err->code : SL_ENOMEM;
  loader L = {.t = t, .opt = opt, .name = name, .err = err, .status = SL_OK, .no_fast_split = opt && opt->csv_only};
  source src;
  for (int attempt = 0; attempt < 2; attempt++) {
    loader_reset(&L, 1);
    if (path) {
      if (open_source(path, &src, err) != SL_OK) {
        L.status = err ? err->code : SL_EIO;
        break;
      }
    } else {
      src = (source){NULL, data, len, NULL, 0};
    }
    run_pass(&L, &src);
    if (src.f) fclose(src.f);
    if (!L.restart_cp1252) break;
    /* Invalid UTF-8 before any valid multi-byte text: start over as Windows-1252. */
    sl_table_internal_clear(t, &L.state);
    flat_free(&L);
    L.restart_cp1252 = 0;
    L.cp1252 = 1;
    snprintf(t->encoding, sizeof t->encoding, "Windows-1252");
  }
  if (L.status == SL_OK && sl_table_internal_needs_text(t, L.state)) {
    L.kept1 = L.keep, L.nkept1 = L.nheader;
    L.keep = NULL; /* loader_reset must not free the map pass 2 reads */
    loader_reset(&L, 2);
    if (path && open_source(path, &src, err) != SL_OK) L.status = err ? err->code : SL_EIO;
    else {
      if (!path) src = (source){NULL, data, len, NULL, 0};
      run_pass(&L, &src);
      if (src.f) fclose(src.f);
    }
  }
  free(L.kept1);
  flat_free(&L);
  if (L.status == SL_OK) L.status = sl_table_internal_finish(t, L.state, err);
  if (L.status == SL_OK && L.cp1252) sl_table_internal_warn(t, "converted from Windows-1252 to UTF-8");
  if (L.status == SL_OK) L.status = finish_load(t, opt, err);
  loader_reset(&L, 0);
  sl_table_internal_state_free(t, L.state);
  if (L.status != SL_OK) {
    sl_table_free(t);
    return L.status;
  }
  *out = t;
  return SL_OK;
}

/* Reads a whole stream into memory (at most max_bytes + 1 bytes: one more says it is too large). */
static int read_all(FILE *f, const char *name, size_t max_bytes, char **data, size_t *len, sl_error *err) {
  size_t cap = SL_READ_CHUNK, n = 0;
  char *buf = malloc(cap);
  while (buf) {
    if (n == cap) {
      char *b = cap > max_bytes ? NULL : realloc(buf, cap * 2);
      if (!b) break;
      buf = b, cap *= 2;
    }
    size_t got = fread(buf + n, 1, cap - n, f);
    const char *nul = got ? memchr(buf + n, '\0', got) : NULL;
    if (nul) { /* /dev/zero or a binary stream: say so now, not after reading gigabytes */
      long line = 1;
      for (const char *q = buf; q < nul; q++) line += *q == '\n';
      free(buf);
      return sl_error_set(err, SL_EPARSE, name, line, 0, "NUL byte in the file: this looks like a binary file, not CSV");
    }
    n += got;
    if (got == 0) break;
    if (n > max_bytes) break;
  }
  if (!buf) return sl_error_set(err, SL_ENOMEM, name, 0, 0, "out of memory while reading");
  if (ferror(f)) {
    free(buf);
    return sl_error_set(err, SL_EIO, name, 0, 0, "read error: %s", sl_strerror_c(errno));
  }
  if (n > max_bytes) {
    free(buf);
    return sl_error_set(err, SL_ELIMIT, name, 0, 0, "input larger than the %zu-byte limit (raise it with "
                        "SCOUTLAB_MAX_BYTES=N)", max_bytes);
  }
  *data = buf;
  *len = n;
  return SL_OK;
}

/* Standard input ("-"), pipes, FIFOs, /dev/stdin and process substitution cannot be read twice
 * (the second pass, a Windows-1252 restart) nor split: read them once into memory. */
static int load_stream(const char *path, const sl_load_options *opt, sl_table **out, sl_error *err) {
  int is_stdin = strcmp(path, "-") == 0;
  const char *name = is_stdin ? "<stdin>" : path;
  FILE *f = is_stdin ? stdin : fopen(path, "rb");
  if (!f) return sl_error_set(err, SL_EIO, path, 0, 0, "cannot open: %s", sl_strerror_c(errno));
  char *data = NULL;
  size_t len = 0;
  size_t max_bytes = opt && opt->max_bytes ? opt->max_bytes : SL_TABLE_DEFAULT_MAX_BYTES;
  int st = read_all(f, name, max_bytes, &data, &len, err);
  if (!is_stdin) fclose(f);
  if (st == SL_OK) st = load_source(name, NULL, data, len, opt, out, err);
  free(data);
  return st;
}

static int is_stream(const char *path) {
  struct stat sb;
  if (strcmp(path, "-") == 0) return 1;
  return stat(path, &sb) == 0 && !S_ISREG(sb.st_mode) && !S_ISDIR(sb.st_mode);
}

int sl_table_load(const char *path, const sl_load_options *opt, sl_table **out, sl_error *err) {
  if (!path || !out) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "no file given");
  if (is_stream(path)) {
    *out = NULL;
    sl_error_clear(err);
    return load_stream(path, opt, out, err);
  }
  return load_source(path, path, NULL, 0, opt, out, err);
}

int sl_table_load_buffer(const char *name, const char *data, size_t len, const sl_load_options *opt,
                         sl_table **out, sl_error *err) {
  if (!out || (!data && len)) return sl_error_set(err, SL_EINVAL, name, 0, 0, "no data given");
  return load_source(name ? name : "<memory>", NULL, data ? data : "", len, opt, out, err);
}
