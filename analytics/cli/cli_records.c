/* cli_records.c - a table of records written as CSV or JSON with the same cells (cli.h): the
 * writer behind `predict`, `value --format csv` and `fit --format csv`, over the shared escaping
 * functions (sl_cli_csv_*, sl_cli_json_*). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Column names a record set starts with room for; it grows past them. */
#define SL_CLI_RECORDS_START 32
/* Longest column name kept whole when renamed (headers are at most a few hundred bytes). */
#define SL_CLI_RECORDS_NAME_MAX 512

void sl_cli_records_begin(sl_cli_records *w, FILE *f, sl_format fmt, const char *cmd) {
  memset(w, 0, sizeof *w);
  w->f = f, w->json = fmt == SL_FMT_JSON, w->cmd = cmd;
}

/* A name already declared (predict's `window` beside a transfers file's own) is written as
 * NAME.1, NAME.2 ..., as pandas reads duplicate CSV headers: JSON keys stay unique, and CSV
 * and JSON name a column alike. The renamed text lives in the writer. */
static const char *unique_name(sl_cli_records *w, const char *name) {
  size_t same = 0;
  for (size_t c = 0; c < w->ncols; c++) same += !strcmp(w->names[c], name);
  if (!same) return name;
  for (size_t k = same;; k++) {
    char buf[SL_CLI_RECORDS_NAME_MAX];
    snprintf(buf, sizeof buf, "%.*s.%zu", (int)(sizeof buf - 24), name, k);
    int taken = 0;
    for (size_t c = 0; c < w->ncols && !taken; c++) taken = !strcmp(w->names[c], buf);
    if (taken) continue;
    char **grown = realloc(w->renamed, (w->nrenamed + 1) * sizeof *grown);
    char *copy = malloc(strlen(buf) + 1);
    if (!grown || !copy) {
      if (grown) w->renamed = grown;
      free(copy);
      w->failed = 1;
      return name;
    }
    w->renamed = grown;
    strcpy(copy, buf);
    return w->renamed[w->nrenamed++] = copy;
  }
}

void sl_cli_records_column(sl_cli_records *w, const char *name) {
  name = unique_name(w, name);
  if (w->ncols == w->cap) {
    size_t cap = w->cap ? 2 * w->cap : SL_CLI_RECORDS_START;
    const char **grown = realloc(w->names, cap * sizeof *grown);
    if (!grown) {
      w->failed = 1;
      return;
    }
    w->names = grown, w->cap = cap;
  }
  w->names[w->ncols++] = name;
}

void sl_cli_records_table_columns(sl_cli_records *w, const sl_table *t) {
  for (size_t c = 0; c < t->ncols; c++) sl_cli_records_column(w, t->cols[c].name);
}

/* Before the first cell: the CSV header, or JSON's opening. */
static void start(sl_cli_records *w) {
  if (w->started) return;
  w->started = 1;
  if (w->json) {
    fputs("{", w->f), sl_cli_json_schema(w->f, w->cmd), fputs("\"rows\": [", w->f);
    return;
  }
  for (size_t c = 0; c < w->ncols; c++) {
    if (c) fputc(',', w->f);
    sl_cli_csv_field(w->f, w->names[c]);
  }
  fputc('\n', w->f);
}

/* Before a cell: the separator, and in JSON the key. A cell past the declared columns is
 * a bug of the caller: it is written without a name in CSV and dropped in JSON. */
static int before_cell(sl_cli_records *w) {
  start(w);
  size_t c = w->col++;
  if (!w->json) {
    if (c) fputc(',', w->f);
    return 1;
  }
  if (c >= w->ncols) return 0;
  fputs(c ? ", " : (w->nrows ? ",\n  {" : "\n  {"), w->f);
  sl_cli_json_string(w->f, w->names[c]);
  fputs(": ", w->f);
  return 1;
}

void sl_cli_records_text(sl_cli_records *w, const char *s) {
  if (!before_cell(w)) return;
  if (!w->json) sl_cli_csv_field(w->f, s);
  else if (s) sl_cli_json_string(w->f, s);
  else fputs("null", w->f);
}

void sl_cli_records_number(sl_cli_records *w, double v) {
  if (!before_cell(w)) return;
  if (w->json) sl_cli_json_number(w->f, v);
  else sl_cli_csv_number(w->f, v);
}

void sl_cli_records_cell(sl_cli_records *w, const sl_table *t, const sl_column *c, size_t r) {
  char buf[128];
  if (!w->json) { /* CSV: the cell as the file wrote it (numbers formatted back) */
    sl_cli_records_text(w, sl_table_text(t, c, r, buf, sizeof buf));
    return;
  }
  if (sl_table_other_currency(c)) /* "GBP 12000000": a bare number would read as euros */
    sl_cli_records_text(w, sl_table_text(t, c, r, buf, sizeof buf));
  else if ((c->type == SL_TYPE_NUMBER || c->type == SL_TYPE_MONEY) && c->num) sl_cli_records_number(w, c->num[r]);
  else if (c->type == SL_TYPE_DATE && c->num && !isnan(c->num[r]))
    sl_cli_records_text(w, sl_date_format(c->num[r], buf, sizeof buf));
  else sl_cli_records_text(w, c->type == SL_TYPE_TEXT ? c->text[r] : NULL);
}

void sl_cli_records_table_row(sl_cli_records *w, const sl_table *t, size_t r) {
  for (size_t c = 0; c < t->ncols; c++) sl_cli_records_cell(w, t, &t->cols[c], r);
}

void sl_cli_records_end_row(sl_cli_records *w) {
  start(w);
  if (w->json) fputs(w->col ? "}" : (w->nrows ? ",\n  {}" : "\n  {}"), w->f);
  else fputc('\n', w->f);
  w->col = 0, w->nrows++;
}

void sl_cli_records_finish(sl_cli_records *w) {
  start(w);
  if (w->json) fputs(w->nrows ? "\n]}\n" : "]}\n", w->f);
  free(w->names);
  for (size_t i = 0; i < w->nrenamed; i++) free(w->renamed[i]);
  free(w->renamed);
  w->names = NULL, w->renamed = NULL, w->nrenamed = 0;
}
