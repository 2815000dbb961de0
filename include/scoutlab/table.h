/* table.h - CSV files loaded into typed, in-memory columns (libcsv), with a skipped-rows report.
 *
 * A table owns all its memory: columns, text cells and the report are freed by sl_table_free().
 * Pointers returned by accessors are borrowed from the table and valid until it is freed.
 *
 * Loading rules (datasets/README.md has the full list): UTF-8 BOM skipped, CRLF accepted,
 * delimiter auto-detected among , ; TAB |, decimal comma in non-comma files, Windows-1252
 * converted to UTF-8 (only when the file has no valid UTF-8 multi-byte text), missing markers
 * ("", NA, N/A, -, ?) kept as missing, money strings typed as MONEY with their currency,
 * text trimmed of spaces, no-break spaces and stray newlines at both ends.
 * Every data row is either kept or listed in the skipped report with its line and reason.
 *
 *   sl_table *t = NULL; sl_error err;
 *   if (sl_table_load("players.csv", NULL, &t, &err) == SL_OK) {
 *     const sl_column *min = sl_table_role(t, SL_ROLE_MINUTES); ... sl_table_free(t); }
 */
#ifndef SCOUTLAB_TABLE_H
#define SCOUTLAB_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "scoutlab/error.h"
#include "scoutlab/parse.h"
#include "scoutlab/schema.h"

#include "scoutlab/export.h"
SL_BEGIN_DECLS /* C linkage, exported; thread safety: see scoutlab/export.h */

typedef enum sl_type {
  SL_TYPE_EMPTY = 0, /* every cell missing */
  SL_TYPE_NUMBER,    /* num[] holds the values */
  SL_TYPE_MONEY,     /* num[] holds amounts in `currency` (EUR unless said otherwise) */
  SL_TYPE_DATE,      /* num[] holds days since 1970-01-01 */
  SL_TYPE_TEXT       /* text[] holds UTF-8 strings */
} sl_type;

typedef struct sl_column {
  char *name;       /* header text as in the file (trimmed) */
  sl_type type;
  sl_role role;     /* SL_ROLE_NONE when the header is not a known alias */
  double *num;      /* NUMBER/MONEY/DATE: one per row, NAN when missing; NULL for TEXT/EMPTY */
  char **text;      /* TEXT: one per row, NULL when missing; NULL for other types */
  char currency[4]; /* MONEY: "EUR", "GBP"...; "" when no cell named one */
  size_t missing;   /* cells that were missing markers */
  size_t not_numeric; /* TEXT columns: cells that were not numbers (0 means all were numbers, e.g. mixed kinds) */
  long first_text_line; /* TEXT: line of the first non-numeric cell (why it is text), 0 if none */
} sl_column;

typedef struct sl_skipped_row {
  uint32_t file;  /* index into sl_table.files */
  long line;      /* 1-based line where the row starts */
  char *reason;   /* e.g. "expected 16 fields, found 15" */
} sl_skipped_row;

typedef struct sl_table {
  size_t nrows, ncols;
  sl_column *cols;
  long *row_line;    /* source line of each kept row */
  uint32_t *row_file;/* index into files of each kept row */
  char **files;      /* source paths, nfiles of them */
  size_t nfiles;
  size_t rows_read;  /* data rows seen (kept + skipped) */
  sl_skipped_row *skipped;
  size_t nskipped;
  size_t rows_trailing_empty; /* rows with empty fields beyond the header's columns (a trailing
                                 delimiter): loaded, the empty fields ignored, one warning says so */
  char **warnings;   /* load-time notes a user should see (encoding converted, mixed currencies) */
  size_t nwarnings;
  char delimiter;    /* detected or given */
  sl_decimal decimal;
  char encoding[16]; /* "UTF-8" or "Windows-1252" (converted) */
  void *arena_;      /* private: text storage */
  void *names_;      /* private: hash of column names while loading (NULL: linear search) */
} sl_table;

/* Documented resource limits (overridable through sl_load_options). */
#define SL_TABLE_DEFAULT_MAX_FIELD_BYTES ((size_t)16 << 20)   /* a single cell beyond 16 MiB is not a spreadsheet cell */
#define SL_TABLE_DEFAULT_MAX_COLUMNS ((size_t)20000)          /* wider than any real export by two orders */
#define SL_TABLE_DEFAULT_MAX_BYTES ((size_t)8 << 30)          /* 8 GiB of input keeps memory within the machine */
#define SL_TABLE_DEFAULT_PARALLEL_BYTES ((size_t)32 << 20)    /* below 32 MiB a second thread costs more than it saves */

typedef struct sl_load_options {
  char delimiter;           /* 0 = auto-detect */
  size_t max_field_bytes;   /* 0 = SL_TABLE_DEFAULT_MAX_FIELD_BYTES */
  size_t max_columns;       /* 0 = SL_TABLE_DEFAULT_MAX_COLUMNS */
  size_t max_bytes;         /* 0 = SL_TABLE_DEFAULT_MAX_BYTES */
  const char *const *only_columns; /* NULL-terminated header names to keep; NULL keeps all */
  size_t parallel_min_bytes; /* split larger files over two threads; 0 = SL_TABLE_DEFAULT_PARALLEL_BYTES, SIZE_MAX = never */
  const sl_schema_map *map; /* explicit role = column mapping, wins over aliases; NULL = none.
                               Borrowed: must outlive the load call only. Mapped columns are
                               kept even when only_columns does not list them. */
} sl_load_options;

/** Loads a CSV file. Returns SL_OK and sets *out to a new table (caller frees with
 *  sl_table_free()). On failure returns a status, leaves *out NULL and fills err with
 *  file, line, column and what was expected. opt may be NULL for defaults. */
int sl_table_load(const char *path, const sl_load_options *opt, sl_table **out, sl_error *err);

/** As sl_table_load, from bytes in memory; name is used in messages. */
int sl_table_load_buffer(const char *name, const char *data, size_t len, const sl_load_options *opt,
                         sl_table **out, sl_error *err);

/** Loads several files and stacks them by column name (a column absent from a file is missing
 *  there). A directory argument loads every *.csv below it, in sorted order. */
int sl_table_load_many(const char *const *paths, size_t npaths, const sl_load_options *opt,
                       sl_table **out, sl_error *err);

/** Frees a table; NULL does nothing. */
void sl_table_free(sl_table *t);

/** Column by exact header name, or NULL. Borrowed. */
const sl_column *sl_table_column(const sl_table *t, const char *name);

/** Index of a column by exact header name, or -1. */
long sl_table_column_index(const sl_table *t, const char *name);

/** First column with the given role, or NULL. Borrowed. */
const sl_column *sl_table_role(const sl_table *t, sl_role role);

/** The cell as a number: NUMBER/MONEY/DATE give num[row]; TEXT cells are parsed. Returns 1 and
 *  sets *v when there is a number, 0 when missing, -1 when the text is not a number. */
int sl_table_number(const sl_table *t, const sl_column *c, size_t row, double *v);

/** The cell as text (TEXT cells as stored, numbers formatted into buf). NULL when missing. */
const char *sl_table_text(const sl_table *t, const sl_column *c, size_t row, char *buf, size_t size);

/** Name of a type ("number", "money", "date", "text", "empty"). */
const char *sl_type_name(sl_type type);

/** "file:line" of a kept row into buf, for messages. */
const char *sl_table_row_place(const sl_table *t, size_t row, char *buf, size_t size);

/** Adds a skipped row to the report (used by modules that drop rows after loading, e.g. a fee
 *  model dropping loans, so that read = used + skipped still reconciles). */
int sl_table_add_skip(sl_table *t, uint32_t file, long line, const char *reason);

/** A new table with the rows of t whose keep[row] is non-zero (caller frees it with
 *  sl_table_free()); every other row is added to its skipped report with `reason`, so that
 *  rows read = used + skipped still holds. */
int sl_table_filter(const sl_table *t, const unsigned char *keep, const char *reason, sl_table **out,
                    sl_error *err);

/** The rows of one season (season = first year, 0 = the latest present). When t has no season
 *  column, or only one season and season is 0, sets *out = NULL (use t as it is). *chosen gets
 *  the season kept (without a season column: `season` as given, 0 when unknown). SL_ENOTFOUND
 *  when the column exists but no row has the season asked for. */
int sl_table_season_subset(const sl_table *t, int season, sl_table **out, int *chosen, sl_error *err);

SL_END_DECLS

#endif
