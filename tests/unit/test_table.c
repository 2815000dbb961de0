/* Tests for the table loader: each case is input bytes with the expected table or message. */
#include <math.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "harness.h"
#include "scoutlab/table.h"

static sl_table *load(const char *bytes, size_t len, const sl_load_options *opt, sl_error *err) {
  sl_table *t = NULL;
  int st = sl_table_load_buffer("case.csv", bytes, len, opt, &t, err);
  if (st != SL_OK) return NULL;
  return t;
}
#define LOAD(s) load((s), sizeof(s) - 1, NULL, &err)

static double num(const sl_table *t, const char *col, size_t row) {
  const sl_column *c = sl_table_column(t, col);
  double v = NAN;
  if (c) sl_table_number(t, c, row, &v);
  return v;
}

static const char *text(const sl_table *t, const char *col, size_t row) {
  static char buf[64];
  const sl_column *c = sl_table_column(t, col);
  return c ? sl_table_text(t, c, row, buf, sizeof buf) : NULL;
}

static void formats(void) {
  sl_error err;
  sl_table *t = LOAD("\xEF\xBB\xBF" "a,b\r\n1,2\r\n3,4\r\n");
  OK(t && t->nrows == 2 && t->ncols == 2, "BOM + CRLF: 2 rows 2 columns");
  if (t) {
    STR_EQ(t->cols[0].name, "a", "BOM not part of the first header");
    SL_CHECK_REL(num(t, "b", 1), 4, 0, "b[1]");
    INT_EQ(t->row_line[1], 3, "second row on line 3");
  }
  sl_table_free(t);

  t = LOAD("x;y\n66,1;2\n1.234,5;3\n");
  OK(t && t->delimiter == ';' && t->decimal == SL_DECIMAL_COMMA, "semicolon + decimal comma detected");
  if (t) {
    SL_CHECK_REL(num(t, "x", 0), 66.1, 0, "66,1");
    SL_CHECK_REL(num(t, "x", 1), 1234.5, 0, "1.234,5");
  }
  sl_table_free(t);

  t = LOAD("x\ty\n8.57E+01\t2\n");
  OK(t && t->delimiter == '\t', "tab detected");
  if (t) SL_CHECK_REL(num(t, "x", 0), 85.7, 1e-15, "Excel exponent");
  sl_table_free(t);

  t = LOAD("name,v\n\"Smith, J\nr\",3\n\"\nDonnarumma \",4\n");
  OK(t && t->nrows == 2, "quoted comma and newline");
  if (t) {
    STR_EQ(text(t, "name", 0), "Smith, J\nr", "embedded newline kept inside");
    STR_EQ(text(t, "name", 1), "Donnarumma", "stray newline and space trimmed");
    INT_EQ(t->row_line[1], 4, "row after a two-line row starts on line 4");
  }
  sl_table_free(t);
}

static void types_and_missing(void) {
  sl_error err;
  sl_table *t = LOAD("v,d,m,s\nNA,2025-06-30,\xe2\x82\xac" "10.00m\xc2\xa0,x\n-,30/06/2026,\xe2\x82\xac" "700k,?\n3,,25m,\n");
  OK(t != NULL, "loads");
  if (!t) return;
  INT_EQ(sl_table_column(t, "v")->type, SL_TYPE_NUMBER, "v number");
  INT_EQ(sl_table_column(t, "v")->missing, 2, "NA and - are missing");
  OK(isnan(num(t, "v", 0)), "missing is not zero");
  INT_EQ(sl_table_column(t, "d")->type, SL_TYPE_DATE, "d date");
  SL_CHECK_REL(num(t, "d", 0), 20269, 0, "date value");
  const sl_column *m = sl_table_column(t, "m");
  INT_EQ(m->type, SL_TYPE_MONEY, "m money");
  STR_EQ(m->currency, "EUR", "currency EUR");
  SL_CHECK_REL(num(t, "m", 0), 1e7, 0, "10m");
  SL_CHECK_REL(num(t, "m", 1), 7e5, 0, "700k");
  SL_CHECK_REL(num(t, "m", 2), 25e6, 0, "25m in an EUR column");
  INT_EQ(sl_table_column(t, "s")->missing, 2, "? and empty are missing");
  sl_table_free(t);

  t = LOAD("fee\n\xe2\x82\xac" "1m\n\xc2\xa3" "2m\n");
  OK(t && sl_table_column(t, "fee")->type == SL_TYPE_TEXT && t->nwarnings == 1, "mixed currencies kept as text");
  if (t) STR_EQ(t->warnings[0], "column 'fee' mixes currencies EUR and GBP: kept as text, each cell in its own currency", "warning");
  sl_table_free(t);

  /* A column that turns to text after numbers: original text recovered exactly. */
  t = LOAD("id,n\n007,1\n2.50,2\nabc,3\n");
  OK(t && sl_table_column(t, "id")->type == SL_TYPE_TEXT, "id text");
  if (t) {
    STR_EQ(text(t, "id", 0), "007", "leading zeros kept");
    STR_EQ(text(t, "id", 1), "2.50", "trailing zero kept");
    STR_EQ(text(t, "id", 2), "abc", "text");
    INT_EQ(sl_table_column(t, "id")->first_text_line, 4, "first non-number on line 4");
  }
  sl_table_free(t);
}

/* Regression: an empty cell after a number in the row above must be missing, not that number. */
static void empty_after_number(void) {
  sl_error err;
  sl_table *t = LOAD("a,b\n1,2\n4,\n5,\"\"\n");
  OK(t && t->nrows == 3, "3 rows");
  if (!t) return;
  SL_CHECK_REL(num(t, "b", 0), 2, 0, "b[0]");
  OK(isnan(num(t, "b", 1)), "empty b[1] is missing");
  OK(isnan(num(t, "b", 2)), "quoted empty b[2] is missing");
  INT_EQ(sl_table_column(t, "b")->missing, 2, "two missing");
  sl_table_free(t);
}

static void rows_accounting(void) {
  sl_error err;
  sl_table *t = LOAD("a,b\n1,2\n3\n4,5,6\n,\n7,8\n");
  OK(t != NULL, "ragged loads");
  if (!t) return;
  INT_EQ(t->rows_read, 5, "5 rows read");
  INT_EQ(t->nrows, 2, "2 used");
  INT_EQ(t->nskipped, 3, "3 skipped");
  INT_EQ(t->rows_read, t->nrows + t->nskipped, "read = used + skipped");
  INT_EQ(t->skipped[0].line, 3, "short row line");
  STR_EQ(t->skipped[0].reason, "expected 2 fields, found 1", "short row reason");
  STR_EQ(t->skipped[1].reason, "expected 2 fields, found 3 (the extra fields are not empty)", "long row reason");
  STR_EQ(t->skipped[2].reason, "every field is empty", "empty row reason");
  sl_table_free(t);

  t = LOAD("a,b\n");
  OK(t && t->nrows == 0 && t->ncols == 2, "header only: 0 rows");
  sl_table_free(t);
}

static void errors(void) {
  sl_error err;
  char buf[1024];
  OK(!LOAD(""), "empty file fails");
  STR_EQ(sl_error_text(&err, buf, sizeof buf), "case.csv:1: the file is empty: expected a header row", "empty msg");

  OK(!LOAD("a,b\n1,\"x\n2,3\n"), "unterminated quote fails");
  INT_EQ(err.code, SL_EPARSE, "parse error");
  STR_EQ(sl_error_text(&err, buf, sizeof buf),
         "case.csv:2: a quoted field opened here is never closed (unterminated quote)", "unterminated msg");

  OK(!load("a\n1\0" "2\n", 7, NULL, &err), "NUL byte fails");
  STR_EQ(sl_error_text(&err, buf, sizeof buf),
         "case.csv:2: NUL byte in the file: this looks like a binary file, not CSV", "NUL msg");

  OK(!LOAD("name\nM\xc3\xbcller\nM\xfcller\n"), "mixed encodings fail");
  INT_EQ(err.code, SL_EENCODING, "encoding error");
  INT_EQ(err.line, 3, "on line 3");
  INT_EQ(err.column, 2, "at byte 2");

  OK(!LOAD("\xff\xfe" "a\0"), "UTF-16 fails");
  INT_EQ(err.code, SL_EENCODING, "UTF-16 named");

  sl_load_options opt = {.max_columns = 3};
  OK(!load("a,b,c,d\n1,2,3,4\n", 16, &opt, &err), "column limit");
  INT_EQ(err.code, SL_ELIMIT, "limit code");

  sl_load_options opt2 = {.max_field_bytes = 8};
  OK(!load("a\n\"0123456789abcdef\"\n", 21, &opt2, &err), "field limit");
  INT_EQ(err.code, SL_ELIMIT, "field limit code");

  sl_table *t = NULL;
  OK(sl_table_load(SL_TEST_DATA, NULL, &t, &err) == SL_EIO && !t, "a directory is an I/O error");
  OK(sl_table_load("/nonexistent/x.csv", NULL, &t, &err) == SL_EIO, "missing file");
  STR_EQ(sl_error_text(&err, buf, sizeof buf), "/nonexistent/x.csv: cannot open: No such file or directory", "missing msg");
}

static void encodings_and_names(void) {
  sl_error err;
  sl_table *t = LOAD("name,v\nM\xfcller,1\nCa\xf1izares,2\n");
  OK(t && strcmp(t->encoding, "Windows-1252") == 0, "Windows-1252 detected");
  if (t) {
    STR_EQ(text(t, "name", 0), "M\xc3\xbcller", "converted to UTF-8");
    STR_EQ(text(t, "name", 1), "Ca\xc3\xb1izares", "n tilde");
    INT_EQ(t->nwarnings, 1, "conversion reported");
  }
  sl_table_free(t);

  /* The second pass (text recovery) must map duplicate headers to the same columns. */
  t = LOAD("id,id,n\n007,1,2\nabc,2,3\n");
  OK(t && t->ncols == 3, "duplicate header with recovery");
  if (t) {
    STR_EQ(text(t, "id", 0), "007", "recovered text in the first 'id'");
    SL_CHECK_REL(num(t, "id.2", 1), 2, 0, "the renamed column keeps its numbers");
  }
  sl_table_free(t);

  t = LOAD("a,a,\n1,2,3\n");
  OK(t && t->ncols == 3, "duplicate header");
  if (t) {
    STR_EQ(t->cols[1].name, "a.2", "renamed");
    STR_EQ(t->cols[2].name, "column_3", "empty header named");
  }
  sl_table_free(t);

  t = LOAD("Player,Squad,Min,90s,market_value,contract_expiration_date\nA,B,90,1.0,1000,2026-06-30\n");
  OK(t != NULL, "roles file");
  if (t) {
    OK(sl_table_role(t, SL_ROLE_PLAYER) == &t->cols[0], "Player role");
    OK(sl_table_role(t, SL_ROLE_CLUB) == &t->cols[1], "Squad is club");
    OK(sl_table_role(t, SL_ROLE_MINUTES) == &t->cols[2], "Min is minutes");
    OK(sl_table_role(t, SL_ROLE_NINETIES) == &t->cols[3], "90s");
    OK(sl_table_role(t, SL_ROLE_MARKET_VALUE) == &t->cols[4], "market value");
    OK(sl_table_role(t, SL_ROLE_CONTRACT_UNTIL) == &t->cols[5], "contract");
  }
  sl_table_free(t);
}

/* The two-thread load must give exactly the table the one-thread load gives, whatever the
 * split point meets: text, missing cells, skipped rows, quoted line breaks, types that change. */
static void same_table(const sl_table *a, const sl_table *b, const char *what) {
  INT_EQ(a->nrows, b->nrows, "%s: rows", what);
  INT_EQ(a->ncols, b->ncols, "%s: columns", what);
  INT_EQ(a->rows_read, b->rows_read, "%s: rows read", what);
  INT_EQ(a->nskipped, b->nskipped, "%s: skipped", what);
  if (a->nrows != b->nrows || a->ncols != b->ncols || a->nskipped != b->nskipped) return;
  int diff = 0;
  for (size_t r = 0; r < a->nrows; r++) diff += a->row_line[r] != b->row_line[r];
  for (size_t k = 0; k < a->nskipped; k++)
    diff += a->skipped[k].line != b->skipped[k].line || strcmp(a->skipped[k].reason, b->skipped[k].reason);
  for (size_t c = 0; c < a->ncols; c++) {
    const sl_column *x = &a->cols[c], *y = &b->cols[c];
    diff += x->type != y->type || x->missing != y->missing || x->first_text_line != y->first_text_line;
    for (size_t r = 0; x->type == y->type && r < a->nrows; r++) {
      if (x->type == SL_TYPE_TEXT)
        diff += (!x->text[r] != !y->text[r]) || (x->text[r] && strcmp(x->text[r], y->text[r]));
      else
        diff += !(x->num[r] == y->num[r] || (isnan(x->num[r]) && isnan(y->num[r])));
    }
  }
  INT_EQ(diff, 0, "%s: cells, lines and reasons identical", what);
}

static char *make_file(size_t rows, const char *special_row, size_t special_at, size_t *len) {
  size_t cap = rows * 64 + 256, n = 0;
  char *buf = malloc(cap);
  n += (size_t)snprintf(buf + n, cap - n, "player,minutes,share,club\n");
  for (size_t r = 0; r < rows; r++) {
    if (r == special_at && special_row) n += (size_t)snprintf(buf + n, cap - n, "%s", special_row);
    else if (r % 97 == 5) n += (size_t)snprintf(buf + n, cap - n, "P%zu,,NA,\"Club, %zu\"\n", r, r % 7);
    else if (r % 211 == 7) n += (size_t)snprintf(buf + n, cap - n, "P%zu,12\n", r);
    else n += (size_t)snprintf(buf + n, cap - n, "P%zu,%zu,0.%03zu,C%zu\n", r, r * 7 % 3000, r % 1000, r % 5);
  }
  *len = n;
  return buf;
}

static void parallel_equals_sequential(void) {
  static const struct { const char *row; const char *what; } cases[] = {
      {NULL, "plain"},
      {"\"Quoted\nName\",90,0.5,C1\n", "quoted line break near the split"},
      {"P,lots,0.1,C1\n", "minutes turn to text in the second half"},
      {"\"Open quote,1,2,3\n", "unterminated quote in the second half"},
      {"\"Str\"ay,1,0.5,C1\n", "stray quote in the second half"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    size_t len;
    char *buf = make_file(4000, cases[i].row, 2100, &len);
    sl_load_options par = {.parallel_min_bytes = 1}, seq = {.parallel_min_bytes = (size_t)-1};
    sl_table *a = NULL, *b = NULL;
    sl_error ea, eb;
    int sa = sl_table_load_buffer("p.csv", buf, len, &par, &a, &ea);
    int sb = sl_table_load_buffer("p.csv", buf, len, &seq, &b, &eb);
    INT_EQ(sa, sb, "%s: same status", cases[i].what);
    if (sa == SL_OK && sb == SL_OK) same_table(a, b, cases[i].what);
    else STR_EQ(ea.message, eb.message, "%s: same message", cases[i].what);
    sl_table_free(a);
    sl_table_free(b);
    free(buf);
  }
}

/* Loads bytes one-thread (*a) and two-thread (*b), checks both load and give the same table,
 * and the same again with every row through libcsv (csv_only: no direct split of plain rows);
 * returns 1 when both loaded (the caller checks the content and frees both). */
static int both_ways(const char *bytes, size_t len, const char *what, sl_table **a, sl_table **b) {
  sl_load_options par = {.parallel_min_bytes = 1}, seq = {.parallel_min_bytes = (size_t)-1};
  sl_load_options libcsv = {.parallel_min_bytes = (size_t)-1, .csv_only = 1};
  sl_error ea, eb, ec;
  sl_table *c = NULL;
  *a = *b = NULL;
  INT_EQ(sl_table_load_buffer("case.csv", bytes, len, &seq, a, &ea), SL_OK, "%s: loads", what);
  INT_EQ(sl_table_load_buffer("case.csv", bytes, len, &par, b, &eb), SL_OK, "%s: loads in two threads", what);
  INT_EQ(sl_table_load_buffer("case.csv", bytes, len, &libcsv, &c, &ec), SL_OK, "%s: loads through libcsv", what);
  if (*a && *b) same_table(*a, *b, what);
  if (*a && c) same_table(*a, c, what);
  sl_table_free(c);
  return *a && *b;
}

/* Rows on one line without a quote are split by the loader itself, not by libcsv: blanks around
 * fields trimmed (but not a tab or space that is the delimiter), empty fields missing, lines of
 * blanks no row, CRLF / CR / LF line ends, trailing and missing fields, decimal commas. Each case
 * must give exactly what libcsv gives (both_ways loads it both ways and compares). */
static void plain_rows_as_libcsv_splits_them(void) {
  static const struct { const char *bytes, *what; size_t rows, skipped; } cases[] = {
      {"a,b,c\n 1 ,\t2\t, 3\n", "blanks around fields", 1, 0},
      {"a,b,c\n1,,3\n,,\n4,5,\n", "empty fields (a row of empties is skipped)", 2, 1},
      {"a,b\n1,2\n\n   \n\t\n3,4\n", "blank lines and lines of blanks are no rows", 2, 0},
      {"a,b\r\n1,2\r\n3,4\r\n", "CRLF", 2, 0},
      {"a,b\r1,2\r3,4\r", "lone CRs", 2, 0},
      {"a,b\n1,2,\n3,4,\n", "a trailing delimiter on every row", 2, 0},
      {"a,b\n1,2,9\n3\n5,6\n", "extra and missing fields", 1, 2},
      {"a\tb\tc\nx y\t 2 \t3\n\t\t\n", "tab-delimited, spaces trimmed, tabs split", 1, 1},
      {"a;b\n1,5;2,25\n3;4\n", "semicolons and decimal commas", 2, 0},
      {"name,v\nZoë Ø,1\n Łukasz ,2\n", "UTF-8 names", 2, 0},
      {"a,b\n1,2\n\"x\",3\n4,5", "a quoted row among plain ones, no final line end", 3, 0},
  };
  for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
    sl_table *a, *b;
    if (!both_ways(cases[k].bytes, strlen(cases[k].bytes), cases[k].what, &a, &b)) continue;
    INT_EQ(a->nrows, cases[k].rows, "%s: rows", cases[k].what);
    INT_EQ(a->nskipped, cases[k].skipped, "%s: skipped", cases[k].what);
    sl_table_free(a);
    sl_table_free(b);
  }
  /* A space-delimited file: the delimiter is never trimmed, so "1  2" has an empty middle field. */
  sl_load_options sp = {.delimiter = ' ', .parallel_min_bytes = (size_t)-1}, spc = sp;
  spc.csv_only = 1;
  const char *text = "a b c\n1  2\n3 4 5\n";
  sl_table *x = NULL, *y = NULL;
  sl_error e1, e2;
  INT_EQ(sl_table_load_buffer("sp.csv", text, strlen(text), &sp, &x, &e1), SL_OK, "space-delimited loads");
  INT_EQ(sl_table_load_buffer("sp.csv", text, strlen(text), &spc, &y, &e2), SL_OK, "space-delimited through libcsv");
  if (x && y) {
    same_table(x, y, "space-delimited");
    INT_EQ(x->nrows, 2, "space-delimited: two rows");
    const sl_column *b = sl_table_column(x, "b");
    double v = 0;
    INT_EQ(b ? sl_table_number(x, b, 0, &v) : -2, 0, "space-delimited: b missing in '1  2'");
  }
  sl_table_free(x);
  sl_table_free(y);
}
#define BOTH_WAYS(s, what, a, b) both_ways((s), sizeof(s) - 1, (what), (a), (b))

/* Old Mac line ends (a lone '\r'): each is a line for the messages, as an editor shows it, and the
 * two-thread load cuts the header where the one-thread load does (a fuzz finding: the header
 * copy once ran on to the first '\n' and so held a data row). */
static void lone_carriage_returns(void) {
  sl_table *a, *b;
  if (BOTH_WAYS("x;y\rpla\ny6\r\r\"a\rb\";2\r\nz;3", "lone CRs", &a, &b)) {
    INT_EQ(a->nrows, 2, "the quoted CR and z;3 are rows");
    INT_EQ(a->nskipped, 2, "pla and y6 are short rows");
    if (a->nskipped == 2) {
      INT_EQ(a->skipped[0].line, 2, "pla is on line 2");
      INT_EQ(a->skipped[1].line, 3, "y6 is on line 3");
    }
    if (a->nrows == 2) {
      STR_EQ(text(a, "x", 0), "a\rb", "a CR inside quotes stays in the field");
      INT_EQ(a->row_line[0], 5, "the quoted row starts on line 5 (line 4 is empty)");
      INT_EQ(a->row_line[1], 7, "z;3 on line 7");
    }
  }
  sl_table_free(a), sl_table_free(b);
  /* A header ended by a lone CR, then an empty line: the split's header copy must not pair its
   * CR with the second half's first '\n' (a fuzz finding: y6 was reported on line 3). */
  if (BOTH_WAYS("x;y\rplapla\n\ny6", "CR header, empty line", &a, &b) && a->nskipped == 2)
    INT_EQ(a->skipped[1].line, 4, "y6 is on line 4");
  sl_table_free(a), sl_table_free(b);
}

/* Fuzz findings about where the header ends when a file is split in two. */
static void header_ends(void) {
  sl_table *a, *b;
  /* An empty line before the header: both loads skip it (the split took the empty line for the
   * header, and the second half lost its rows). */
  if (BOTH_WAYS("\nA,X,90\nB,,,\nD,W,70\n", "empty first line", &a, &b)) INT_EQ(a->nrows, 2, "both rows kept");
  sl_table_free(a), sl_table_free(b);
  /* A '"' inside a header name is text, as libcsv reads it: the header ends at its own line
   * break (the split's header copy ran on into the first row). */
  if (BOTH_WAYS("Player,Min,contract\"\nA B \",2183,2027-06-30\n", "quote in a header name", &a, &b))
    STR_EQ(text(a, "Player", 0), "A B \"", "the row's quote is text too");
  sl_table_free(a), sl_table_free(b);
}

static void seasons(void) {
  sl_error err;
  sl_table *t = LOAD("player,season,min\nA,2023,90\nB,2024,80\nC,,70\nD,2024,60\n"), *s = NULL;
  int chosen = 0;
  OK(t && sl_table_season_subset(t, 0, &s, &chosen, &err) == SL_OK && s, "latest season");
  if (s) {
    INT_EQ(chosen, 2024, "2024 chosen");
    INT_EQ(s->nrows, 2, "two rows of 2024");
    STR_EQ(text(s, "player", 1), "D", "second kept row");
    INT_EQ(s->row_line[1], 5, "line kept");
    INT_EQ(s->rows_read, s->nrows + s->nskipped, "read = used + skipped after filtering");
    STR_EQ(s->skipped[0].reason, "another season than 2024", "reason");
  }
  sl_table_free(s);
  OK(sl_table_season_subset(t, 2019, &s, &chosen, &err) == SL_ENOTFOUND, "absent season");
  STR_EQ(err.message, "no rows of season 2019 (the file has 2023 to 2024)", "message");
  sl_table_free(t);
  t = LOAD("player,min\nA,90\n");
  OK(t && sl_table_season_subset(t, 0, &s, &chosen, &err) == SL_OK && !s && chosen == 0, "no season column: use as is");
  sl_table_free(t);
}

/* A header name over 255 bytes is cut, between two characters, and the cut is reported. */
static void long_column_name(void) {
  char csv[400];
  size_t n = 0;
  csv[n++] = 'a', csv[n++] = ',';
  for (int i = 0; i < 254; i++) csv[n++] = 'x';
  memcpy(csv + n, "\xc3\xa9\xc3\xa9\n1,2\n", 9); /* é straddles byte 255 */
  n += 9;
  sl_error err;
  sl_table *t = load(csv, n, NULL, &err);
  OK(t != NULL, "loads: %s", err.message);
  if (!t) return;
  INT_EQ(strlen(t->cols[1].name), 254, "cut before the character that does not fit");
  INT_EQ(t->nwarnings, 1, "cut reported");
  STR_EQ(t->warnings[0], "column 2's name is longer than 255 bytes: only its first 254 are kept", "message");
  sl_table_free(t);
}

/* fbref-big5-yearly's passing/playing_time/possession/keepers: one trailing comma on every row. */
static void trailing_empty_fields(void) {
  sl_error err;
  sl_table *t = LOAD("Name,Mins\nA,90,\nB,80, \nC,70\nD,60,x\n");
  OK(t != NULL, "loads");
  if (!t) return;
  INT_EQ(t->rows_read, 4, "four rows read");
  INT_EQ(t->nrows, 3, "rows with empty extra fields and the exact row used");
  INT_EQ(t->rows_trailing_empty, 2, "two rows had a trailing delimiter");
  INT_EQ(t->nskipped, 1, "the row with a filled extra field skipped");
  if (t->nskipped) {
    STR_EQ(t->skipped[0].reason, "expected 2 fields, found 3 (the extra fields are not empty)", "reason");
    INT_EQ(t->skipped[0].line, 5, "its line");
  }
  INT_EQ(t->nwarnings, 1, "one note, not one per row");
  if (t->nwarnings)
    STR_EQ(t->warnings[0], "2 rows end with empty fields beyond the header's columns (a trailing delimiter): "
                           "loaded, the empty fields ignored", "note");
  SL_CHECK_REL(num(t, "Mins", 1), 80, 0, "B's minutes");
  INT_EQ(sl_table_role(t, SL_ROLE_MINUTES) == sl_table_column(t, "Mins"), 1, "Mins is minutes");
  INT_EQ(sl_table_role(t, SL_ROLE_PLAYER) == sl_table_column(t, "Name"), 1, "Name is the player");
  sl_table_free(t);
}

static void column_mapping(void) {
  sl_error err;
  sl_schema_map *m = sl_schema_map_new();
  OK(m && sl_schema_map_add_spec(m, " player = Plyaer ,minutes=Playing Minutes,, league=Leauge", &err) == SL_OK,
     "spec parses");
  INT_EQ(sl_schema_map_count(m), 3, "three pairs");
  sl_load_options opt = {.map = m};
  static const char csv[] = "Player,Plyaer,Playing Minutes,Min\nX,A,90,1\n";
  sl_table *t = load(csv, sizeof csv - 1, &opt, &err);
  OK(t != NULL, "loads");
  if (t) {
    OK(sl_table_role(t, SL_ROLE_PLAYER) == sl_table_column(t, "Plyaer"), "mapped column wins over the alias");
    INT_EQ(sl_table_column(t, "Player")->role, SL_ROLE_NONE, "the alias column loses the role");
    OK(sl_table_role(t, SL_ROLE_MINUTES) == sl_table_column(t, "Playing Minutes"), "minutes mapped");
    INT_EQ(sl_table_column(t, "Min")->role, SL_ROLE_NONE, "Min no longer minutes");
    OK(sl_table_role(t, SL_ROLE_LEAGUE) == NULL, "a mapped column absent from the file is ignored");
  }
  sl_table_free(t);
  static const char *const only[] = {"Min", NULL};
  opt.only_columns = only;
  t = load(csv, sizeof csv - 1, &opt, &err);
  OK(t && t->ncols == 3, "mapped columns kept next to only_columns");
  sl_table_free(t);
  INT_EQ(sl_schema_map_add_spec(m, "minutse=Mins", &err), SL_EINVAL, "unknown role refused");
  OK(strstr(err.message, "unknown role 'minutse'") && strstr(err.message, "minutes"), "message names it and the roles");
  INT_EQ(sl_schema_map_add_spec(m, "player", &err), SL_EINVAL, "no '=' refused");
  STR_EQ(err.message, "column mapping 'player' is not ROLE=COLUMN (e.g. player=Plyaer)", "message");
  INT_EQ(sl_schema_map_add_spec(m, "player=", &err), SL_EINVAL, "no column refused");
  sl_schema_map_free(m);
  sl_schema_map_free(NULL);
  /* Aliases of the exports people have (issue 20). */
  static const struct { const char *header; sl_role role; } aliases[] = {
      {"Mins", SL_ROLE_MINUTES},         {"YearBorn", SL_ROLE_BORN},         {"Club", SL_ROLE_CLUB},
      {"Min_Playing", SL_ROLE_MINUTES},  {"MP_Playing", SL_ROLE_MATCHES},    {"Starts_Playing", SL_ROLE_STARTS},
      {"Mins_Per_90_Playing", SL_ROLE_NINETIES}, {"Playing Time_Min", SL_ROLE_MINUTES},
      {"MatchesPlayed", SL_ROLE_MATCHES}, {"mins", SL_ROLE_NONE},
  };
  for (size_t i = 0; i < sizeof aliases / sizeof aliases[0]; i++)
    INT_EQ(sl_schema_role_of(aliases[i].header), aliases[i].role, "alias %s", aliases[i].header);
}

/* Issue 16: "a"b used to make libcsv read on as a quoted field: three rows vanished into one cell
 * and the counts said "read 1, used 1, skipped 0". */
static void stray_quote(void) {
  sl_error err;
  sl_table *t = LOAD("name,v\n\"a\"b,2\nc,3\nd,4\n\"e\",5\n");
  OK(t != NULL, "loads");
  if (!t) return;
  INT_EQ(t->rows_read, 4, "four rows read");
  INT_EQ(t->nrows, 3, "the three rows after it used");
  INT_EQ(t->nskipped, 1, "the stray-quote row skipped");
  if (t->nskipped) {
    INT_EQ(t->skipped[0].line, 2, "its line");
    STR_EQ(t->skipped[0].reason, "a quoted field is closed and text follows at byte column 4 (a stray quote): row "
                                 "skipped so that it does not swallow the rows after it", "reason");
  }
  STR_EQ(text(t, "name", 2), "e", "last row intact");
  sl_table_free(t);
  /* Quotes that libcsv reads as meant stay as they were. */
  t = LOAD("name,v\n\"a\" ,1\n\"x\"\"y\",2\nq\"r,3\n \"s\",4\n");
  OK(t && t->nrows == 4 && t->nskipped == 0, "blank after a closing quote, doubled quote, quote inside a bare field");
  if (t) STR_EQ(text(t, "name", 1), "x\"y", "doubled quote");
  if (t) STR_EQ(text(t, "name", 2), "q\"r", "bare quote kept");
  sl_table_free(t);
  t = LOAD("name,v\n\"two\nlines\"x,1\nb,2\n");
  OK(t == NULL && err.code == SL_EPARSE && err.line == 3 && err.column == 7, "inside a row over two lines: an error at the place");
  sl_table_free(t);
}

/* Non-regular files: read once (a pipe); in a walked folder, never opened. */
static void special_files(void) {
  char dir[] = "/tmp/sl_special_XXXXXX";
  if (!mkdtemp(dir)) return;
  char p[300], q[300];
  snprintf(p, sizeof p, "%s/a.csv", dir);
  FILE *f = fopen(p, "w");
  if (f) fputs("player,min\nA,90\n", f), fclose(f);
  snprintf(q, sizeof q, "%s/pipe.csv", dir);
  OK(mkfifo(q, 0600) == 0, "fifo made");
  const char *paths[] = {dir};
  sl_table *t = NULL;
  sl_error err;
  INT_EQ(sl_table_load_many(paths, 1, NULL, &t, &err), SL_OK, "a folder with a FIFO loads (not blocked)");
  if (t) {
    INT_EQ(t->nrows, 1, "the regular file's row");
    OK(t->nwarnings == 1 && strstr(t->warnings[0], "pipe.csv is not a regular file"), "a note names it");
  }
  sl_table_free(t);
  unlink(q), unlink(p), rmdir(dir);
}

int main(void) {
  stray_quote();
  special_files();
  trailing_empty_fields();
  column_mapping();
  long_column_name();
  seasons();
  parallel_equals_sequential();
  lone_carriage_returns();
  plain_rows_as_libcsv_splits_them();
  header_ends();
  formats();
  types_and_missing();
  rows_accounting();
  empty_after_number();
  errors();
  encodings_and_names();
  return SL_TEST_DONE();
}
