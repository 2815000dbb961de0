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
  int unread;     /* 1: data lost, said by default: the loader could not read the row, or a
                     cell of it is impossible (a negative fee, an age of -3); 0: left out by a
                     choice (another season, a loan) */
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
/* Cells (rows kept x columns kept) of one file: a table holds about 45 bytes per cell at worst
 * (one-character cells), so 64 Mi cells stay near 3 GB; the largest real input (transfers-tm, all
 * seasons) has about 3 million. Input bytes alone do not bound memory: 1.5 GB of "a,b" took 17 GB. */
#define SL_TABLE_DEFAULT_MAX_CELLS ((size_t)64 << 20)

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
  int csv_only;             /* 1: every row through libcsv's parser; 0 (default): rows on one line
                               without a quote are split directly, as libcsv would split them
                               (faster; the tests and fuzz_table compare the two) */
  size_t max_cells;         /* 0 = SL_TABLE_DEFAULT_MAX_CELLS */
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

/** The files sl_table_load_many reads for path: path itself, or every *.csv below a directory,
 *  in sorted order (special files left out). *files (each and the array freed by the caller
 *  with sl_table_paths_free) and *n; SL_ENOMEM, or SL_EIO for a directory that cannot be read. */
int sl_table_files_of(const char *path, char ***files, size_t *n, sl_error *err);
void sl_table_paths_free(char **files, size_t n);

/** Frees a table; NULL does nothing. */
void sl_table_free(sl_table *t);

/** Column by exact header name, or NULL. Borrowed. */
const sl_column *sl_table_column(const sl_table *t, const char *name);

/** Index of a column by exact header name, or -1. */
long sl_table_column_index(const sl_table *t, const char *name);

/** Index of the header closest to name (a plausible misspelling, sl_name_suggest_raw), or -1. */
long sl_table_closest_column(const sl_table *t, const char *name);

/** First column with the given role, or NULL. Borrowed. */
const sl_column *sl_table_role(const sl_table *t, sl_role role);

/** For one row: the first column with the role whose cell there is not missing, else the first
 *  with the role, else NULL. Files stacked into one table may name one thing two ways ("Age" in
 *  one, "age" in another: two columns, each missing in the other's rows). Borrowed. */
const sl_column *sl_table_role_at(const sl_table *t, sl_role role, size_t row);

/** The cell as a number: NUMBER/MONEY/DATE give num[row]; TEXT cells are parsed. Returns 1 and
 *  sets *v when there is a number, 0 when missing, -1 when the text is not a number. */
int sl_table_number(const sl_table *t, const sl_column *c, size_t row, double *v);

/** sl_table_euros: the cell is money in another currency than euros. */
#define SL_TABLE_OTHER_CURRENCY (-2)

/** The cell as an amount in euros, the unit of every fee and market value scoutlab reads: 1 and
 *  *eur set for euros ("€6.30m", "EUR 25m") or a plain number (25000000) outside a money column
 *  of another currency; 0 missing; -1 not a number; SL_TABLE_OTHER_CURRENCY for money in another
 *  currency ("£6.30m", or 6300000 in a column of pounds), *eur untouched
 *  and its ISO code in currency (when not NULL): no exchange rate is guessed. */
int sl_table_euros(const sl_table *t, const sl_column *c, size_t row, double *eur, char currency[4]);

/** 1 when c is a money column in another currency than euros (its cells are not euros). */
int sl_table_other_currency(const sl_column *c);

/** The cell as text (TEXT cells as stored, numbers formatted into buf, money in another currency
 *  than euros with its ISO code first: "GBP 12000000", which reads back as the same amount).
 *  NULL when missing. */
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

/** The season row r is of, as far as the table and its files say: its season column (a number or a
 *  season text), else the season its file name states, else its file's folder name
 *  (sl_season_from_folder); 0 when none says. */
int sl_table_row_season(const sl_table *t, size_t r);

/** The rows of one season (season = first year, 0 = the latest present). When t has no season
 *  column, or only one season and season is 0, sets *out = NULL (use t as it is). *chosen gets
 *  the season kept (without a season column: `season` as given, 0 when unknown). SL_ENOTFOUND
 *  when the column exists but no row has the season asked for. */
int sl_table_season_subset(const sl_table *t, int season, sl_table **out, int *chosen, sl_error *err);


/* ---- one season over several tables, several seasons in one table ----
 * FBref's tables of one season (standard, defense, passing, possession, misc...) hold one row per
 * player and club each, with different columns. sl_table_join puts them side by side: the first
 * table is the base (each of its rows is one row of the result); a row of another table joins
 * the base row with the same key: player name (accents, case and punctuation folded), club (the
 * same) and birth year (the born role, else the year of a birth date), each part of the key used
 * when both tables have it. A key that appears k times in both tables (an exact duplicate row)
 * is paired in file order; a key that appears a different number of times is ambiguous and its
 * rows are not joined. Rows of a joined table that are not joined are listed in the result's
 * skipped report with the reason, so rows_read = nrows + nskipped still holds: rows_read counts
 * the base's rows and the joined tables' rows that were not joined (a joined row is used inside
 * a base row; sl_join_report counts those).
 * Columns: a joined table's key columns are dropped; a column whose name is already present is
 * dropped when its values equal the present ones on every joined row (Nation, Age, 90s in every
 * FBref table), else kept as NAME_LABEL (TklW_misc), LABEL being the table's name (the folder
 * of a file named by its season, "misc/2024.csv", else the file name without .csv). Roles are
 * given again afterwards (the map first, then aliases; the first column of a role wins).
 *
 *   const char *files[] = {"standard/2024.csv", "defense/2024.csv", "misc/2024.csv"};
 *   sl_table *t; sl_join_report *rep;
 *   if (sl_table_load_season(files, 3, NULL, &t, &rep, &err) == SL_OK) {
 *     ... rep->parts[1].matched ... sl_join_report_free(rep); sl_table_free(t); }
 */

/** Accounting for one file of a join. */
typedef struct sl_join_part {
  char *file;          /* path as given */
  char *label;         /* table name used for renamed columns ("misc") */
  int season;          /* first year of its season, 0 when unknown */
  size_t rows;         /* rows of its table (after its own skipped rows) */
  size_t matched;      /* joined to a base row (for the base: its rows) */
  size_t unmatched;    /* no base row has the key: listed in skipped */
  size_t ambiguous;    /* key on a different number of base rows than rows here: listed in skipped */
  size_t paired_in_order; /* of matched: keys that repeat equally often in both, paired in file order */
  size_t base_without; /* base rows no row of this table joined (their new columns are missing) */
  size_t columns_added;   /* columns it adds to the result */
  size_t columns_shared;  /* columns dropped as equal to ones already present */
  size_t columns_renamed; /* of added: present already with other values, kept as NAME_LABEL */
} sl_join_part;

/** Accounting for a join: parts[i] for each file, in the order of the result's files. */
typedef struct sl_join_report {
  sl_join_part *parts;
  size_t nparts;
  size_t seasons;      /* seasons stacked (sl_table_load_yearly), 1 for one season */
  char key[64];        /* the key used last, e.g. "player + club + born" */
} sl_join_report;

/** Joins tables[1..n) onto tables[0] as described above. map (may be NULL) is the column mapping
 *  for the roles of the result. Returns SL_OK and sets *out (caller frees with sl_table_free())
 *  and, when report is not NULL, *report (caller frees with sl_join_report_free()). SL_ENOTFOUND
 *  when a table has no player column (the message names the file; a column mapping fixes it). */
int sl_table_join(const sl_table *const *tables, size_t n, const sl_schema_map *map, sl_table **out,
                  sl_join_report **report, sl_error *err);

/** Loads the files of one season (paths[0] is the base, e.g. the standard table) and joins them.
 *  When the base has no season column and its path names a season (sl_season_from_path:
 *  "standard/2024.csv", "players_data-2024_2025.csv"), a number column "season" (role season,
 *  the first year) is added. Ownership as sl_table_join. */
int sl_table_load_season(const char *const *paths, size_t n, const sl_load_options *opt, sl_table **out,
                         sl_join_report **report, sl_error *err);

/** The fbref-big5-yearly layout: root/TABLE/YEAR.csv, YEAR the season's first year. Loads the
 *  seasons first..last (first = last = 0: every YEAR.csv in the base table's folder) of the
 *  tables named (tables NULL or ntables 0: every table folder under root; the base is "standard"
 *  when present, else tables[0] or the first folder in sorted order), joins each season's tables
 *  (sl_table_load_season) and stacks the seasons into one table with a season column, so that
 *  totals of different seasons are never added up unseen (sl_table_season_subset picks one).
 *  A season missing in a non-base table joins without it (its part is absent in the report); a
 *  season missing in the base is SL_ENOTFOUND. Ownership as sl_table_join. */
int sl_table_load_yearly(const char *root, const char *const *tables, size_t ntables, int first, int last,
                         const sl_load_options *opt, sl_table **out, sl_join_report **report, sl_error *err);

/** 1 when path is a folder in the fbref-big5-yearly layout (root/standard/ exists), else 0. */
int sl_table_yearly_root(const char *path);

/* ---- a source's own player key: attributes and value histories ----
 * transfermarkt-datasets keys its tables by player_id: transfers.csv has no date of birth or
 * position, players.csv holds them; player_valuations.csv holds every market value a player had,
 * with its date. These functions join such a table onto t by the player_id role (the cells
 * compared as text, so 100001 matches "100001"), adding columns in place (column pointers into t
 * move; fetch them again). Neither changes t's rows: a row that finds nothing keeps its cells. */

/** Accounting for one attach. */
typedef struct sl_attach_report {
  size_t rows;          /* rows of t */
  size_t matched;       /* rows joined to a row of the other table */
  size_t no_key;        /* rows of t without a player_id */
  size_t not_found;     /* rows whose player_id the other table does not hold */
  size_t ambiguous;     /* rows whose player_id the players table holds more than once (not joined) */
  size_t none_before;   /* values: rows whose player has valuations, none at or before the date */
  size_t kept_own;      /* values: rows not joined that keep t's own market value */
  double as_of_first, as_of_last; /* values: the earliest and latest as-of days asked (days since
                                     1970-01-01); NAN when every row took its latest */
  char columns[256];    /* the columns added, comma-separated */
  char file[256];       /* the other table's file (its first) */
} sl_attach_report;

/** Adds to t, for each row whose player_id is on exactly one row of `players`, the attributes
 *  of that row that t lacks (by role: date of birth, birth year, position, sub-position,
 *  nationality, and the name when t has none), then, when t has no age, the age at each row's
 *  date (role date, e.g. transfer_date), else on 1 September of its season (a warning says
 *  so). A date of birth is the same on every date; a position is the player's as the players
 *  file states it now. SL_EINVAL (field "player_id") when either table has no player_id column.
 *  rep may be NULL. */
int sl_table_attach_players(sl_table *t, const sl_table *players, sl_attach_report *rep, sl_error *err);

/** Adds to t the market value each row's player had on his as-of day: the latest row of
 *  `history` with his player_id and a date (role date) at or before as_of[r] (days since
 *  1970-01-01, one per row of t; NAN, or as_of NULL, = his latest). Two columns are added:
 *  market_value_on_date (role market_value, taken from t's own market value column, which keeps
 *  its cells) and market_value_date (the valuation's date). A row whose player has no valuation
 *  in the history keeps t's own market value (its date missing); one whose valuations all come
 *  after the day gets none. rep->as_of_first/last give the range of as-of days asked. SL_EINVAL
 *  (field "player_id", "date" or "market_value") when a column is missing. rep may be NULL. */
int sl_table_attach_values(sl_table *t, const sl_table *history, const double *as_of, sl_attach_report *rep,
                           sl_error *err);

/** 1 when t is a value history: a player_id, a date and a market value, and no player name
 *  (transfermarkt-datasets player_valuations.csv), else 0. */
int sl_table_is_value_history(const sl_table *t);

/** Frees a join report; NULL does nothing. */
void sl_join_report_free(sl_join_report *r);

SL_END_DECLS

#endif
