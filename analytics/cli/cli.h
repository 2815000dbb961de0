/* cli.h - shared pieces of the scoutlab command-line tool. The CLI is the only part of
 * scoutlab that prints; it includes only the public headers in include/scoutlab/.
 *
 * Exit statuses (as jq's main.c): 0 ok, 1 bad data, 2 usage, 3 I/O, 4 external tool. */
#ifndef SCOUTLAB_CLI_H
#define SCOUTLAB_CLI_H

#include <stdio.h>

#include "scoutlab/error.h"
#include "scoutlab/table.h"

enum {
  SL_EXIT_OK = 0,
  SL_EXIT_DATA = 1,
  SL_EXIT_USAGE = 2,
  SL_EXIT_IO = 3,
  SL_EXIT_TOOL = 4
};

/* SL_FMT_TIDY: long CSV, one line per player and stat (compare, percentiles). */
typedef enum { SL_FMT_TABLE, SL_FMT_JSON, SL_FMT_CSV, SL_FMT_MD, SL_FMT_TIDY } sl_format;

/* One subcommand: name, one-line summary, and its entry point (argv[0] is the command name). */
typedef struct sl_command {
  const char *name;
  const char *summary;
  int (*run)(int argc, char **argv);
  const char *help; /* full --help text with an example */
  /* run's argument parse and checks alone, on the same argv: reads and writes no file, frees
   * what it parsed; SL_EXIT_OK when run would go on to the work, else the exit status of the
   * message it printed. For tests/fuzz/fuzz_argv.c. */
  int (*parse)(int argc, char **argv);
} sl_command;

/** Prints "scoutlab CMD: msg" plus "see scoutlab CMD --help" to stderr; returns SL_EXIT_USAGE. */
int sl_cli_usage_error(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/** Prints the error as "scoutlab: file:line:col: message" and returns the exit status for its code. */
int sl_cli_fail(const sl_error *err);

/** Maps a library status to an exit status. */
int sl_cli_exit_code(int status);

/** Parses "table|json|csv|md" (allowed is a bitmask of 1<<sl_format); returns 0 or -1. */
int sl_cli_parse_format(const char *s, unsigned allowed, sl_format *out);

/** True when argv[i] is "--help" or "-h". */
int sl_cli_is_help(const char *arg);

/** The first member of every JSON object scoutlab prints at top level (one documented rule,
 *  docs/json.md): "schema": {"tool": "scoutlab CMD", "version": SL_JSON_VERSION,
 *  "money": "EUR"} and a comma. Every money amount in JSON and CSV is in euros. The library's
 *  writers (scoutlab/json.h), as the library's documents use them. */
void sl_cli_json_schema(FILE *f, const char *cmd);

/** Writes s as a JSON string literal (quotes and escapes included). */
void sl_cli_json_string(FILE *f, const char *s);

/** Writes s as one CSV field (RFC 4180: quoted, with quotes doubled, only when it holds a comma,
 *  quote or line break); NULL writes nothing (an empty field). Text a spreadsheet would run as a
 *  formula (starting with = + - @ tab or CR, and not a number) gets a leading apostrophe. */
void sl_cli_csv_field(FILE *f, const char *s);
/** As sl_cli_csv_field, always quoted (for columns that are quoted in every row); NULL is "". */
void sl_cli_csv_text(FILE *f, const char *s);
/** Writes v with 17 significant digits as a CSV field; nothing (an empty field) when not finite. */
void sl_cli_csv_number(FILE *f, double v);
/** Terminal columns of UTF-8 text, one per character (names are not wide CJK in practice). */
int sl_cli_text_columns(const char *s);
/** Text from the data as the terminal shows it (sl_text_terminal: control characters visible, so
 *  a name cannot set the title or forge table lines), in buf; returns buf. Escaping twice gives
 *  the same text, so an already shown text may pass again. */
const char *sl_cli_shown(const char *s, char *buf, size_t size);
/** Bytes of s as the terminal shows it (its escaped length), for column widths. */
size_t sl_cli_shown_len(const char *s);
/** Room for a shown name: longer ones end early on the terminal (CSV and JSON keep them whole). */
#define SL_CLI_SHOWN_MAX 4096
/** sl_cli_shown() into a buffer that lives until the end of the enclosing statement's block, for
 *  printf arguments: printf("%s", SL_CLI_SHOWN(p->name)). */
#define SL_CLI_SHOWN(s) sl_cli_shown((s), (char[SL_CLI_SHOWN_MAX]){0}, SL_CLI_SHOWN_MAX)
/** s as it must appear in output of format fmt: a Markdown cell's text for SL_FMT_MD, else as
 *  the terminal shows it; in buf, returned. */
const char *sl_cli_shown_as(sl_format fmt, const char *s, char *buf, size_t size);
#define SL_CLI_SHOWN_AS(fmt, s) sl_cli_shown_as((fmt), (s), (char[SL_CLI_SHOWN_MAX]){0}, SL_CLI_SHOWN_MAX)
/** Writes text made of lines (the library's summaries, which quote names): each line as the
 *  terminal shows it, the line breaks kept. */
void sl_cli_put_lines(FILE *f, const char *text);
/** Writes s as the terminal shows it and spaces up to width terminal columns (one space when s
 *  fills them or more, so that the next column never runs into it). */
void sl_cli_pad(FILE *f, const char *s, int width);
/** The second text of the pair whose first is key, in a table of n {key, text} pairs; NULL. */
const char *sl_cli_pair_lookup(const char *const (*pairs)[2], size_t n, const char *key);
/** As sl_cli_pad, the shown text cut to `width` columns (at a character, never inside one) and
 *  padded to exactly `width`: a fixed column whatever the name's accents. */
void sl_cli_pad_cut(FILE *f, const char *s, int width);
/** Writes s as the text of a Markdown table cell (sl_text_markdown: markup characters escaped,
 *  line breaks as spaces, controls visible). */
void sl_cli_md_cell(FILE *f, const char *s);

/* ---- records: one table written as CSV or JSON (cli_records.c) ----
 * CSV: a header row of the column names, then one line per record (RFC 4180, formula guard).
 * JSON: {"schema": {...}, "rows": [{"NAME": value, ...}, ...]}: the same cells, numbers as
 * numbers, missing cells null. Declare the columns, then give each record's cells in order.
 *   sl_cli_records w; sl_cli_records_begin(&w, stdout, fmt, "predict");
 *   sl_cli_records_column(&w, "fair_fee"); ... sl_cli_records_number(&w, v); sl_cli_records_end_row(&w);
 *   sl_cli_records_finish(&w);
 * Column names are borrowed until sl_cli_records_finish; a name declared twice is written
 * NAME.1 (pandas' reading of a repeated header), in CSV and JSON alike. */
typedef struct sl_cli_records {
  FILE *f;
  int json, started, failed;
  const char *cmd;
  const char **names;
  char **renamed; /* names written NAME.1 (a name declared twice), owned */
  size_t ncols, cap, col, nrows, nrenamed;
} sl_cli_records;
void sl_cli_records_begin(sl_cli_records *w, FILE *f, sl_format fmt, const char *cmd);
void sl_cli_records_column(sl_cli_records *w, const char *name);
/** Every column of t, by name (predict keeps the input columns). */
void sl_cli_records_table_columns(sl_cli_records *w, const struct sl_table *t);
void sl_cli_records_text(sl_cli_records *w, const char *s);   /* NULL: empty / null */
void sl_cli_records_number(sl_cli_records *w, double v);      /* not finite: empty / null */
/** An input cell: in CSV as the file wrote it, in JSON a number, a date "YYYY-MM-DD" or text. */
void sl_cli_records_cell(sl_cli_records *w, const struct sl_table *t, const struct sl_column *c, size_t r);
void sl_cli_records_table_row(sl_cli_records *w, const struct sl_table *t, size_t r);
void sl_cli_records_end_row(sl_cli_records *w);
void sl_cli_records_finish(sl_cli_records *w);

/** Prints v with 17 significant digits, or null when not finite (JSON). */
void sl_cli_json_number(FILE *f, double v);

/** Formats an amount as "€12,345,678" into buf. */
const char *sl_cli_money(double eur, char *buf, size_t size);


/** Warns on stderr, --verbose or not, about stats rows skipped for impossible values or as
 *  duplicates and about '%' cells outside 0-100 (the index treats those rates as missing). */
struct sl_compare_report;
struct sl_table;
struct sl_fees_deals;
struct sl_load_options;
/** Fills the loader's resource limits from SCOUTLAB_MAX_FIELD_BYTES, SCOUTLAB_MAX_COLUMNS and
 *  SCOUTLAB_MAX_BYTES (whole numbers; unset = the documented defaults, docs/limits.md). A value
 *  that is not a whole number is reported on stderr and the default kept. */
void sl_cli_load_options(struct sl_load_options *o);
struct sl_schema_map;
/** The --map option of every command that loads files: adds "ROLE=COLUMN[,ROLE=COLUMN...]" to the
 *  column mapping of this run, which sl_cli_load_options() then puts into every load's options
 *  (a mapped column absent from a file is ignored for that file). Repeatable. Returns SL_EXIT_OK,
 *  or prints "scoutlab CMD: --map ...: why" with the known roles and returns SL_EXIT_USAGE. */
int sl_cli_map_option(const char *cmd, const char *spec);
/** The mapping gathered from --map so far (NULL when none): for loads that fill their own
 *  sl_load_options instead of calling sl_cli_load_options() (set opt.map to it). */
const struct sl_schema_map *sl_cli_mapping(void);
/** Forgets the --map pairs gathered so far (at exit, and between the runs of a harness). */
void sl_cli_map_clear(void);
/** Prints a loaded table's warnings (duplicate column renamed, encoding converted, mixed
 *  currencies) as "scoutlab CMD: warning: ..." on stderr: every command, not only check. */
void sl_cli_table_warnings(const char *cmd, const struct sl_table *t);
/** The rows of t skipped from index `from` on whose data is lost (sl_skipped_row.unread), unless
 *  --quiet: "N rows WHAT: FILE:LINE: reason" (the first; --verbose lists them where the command
 *  lists skipped rows). */
void sl_cli_lost_rows(const char *cmd, const struct sl_table *t, size_t from, const char *what);
/** Every skipped row of t (lost_only: those whose data is lost) on stderr, one per line:
 *  "  not used FILE:LINE: reason" (--verbose). */
void sl_cli_list_not_used(const struct sl_table *t, int lost_only);
/** The rows of a deal selection not used, reason by reason, as fit and check print them: text
 *  lines "  not used: REASON  N", or the JSON object {"loan": N, ...} (keys sl_fees_reason_key). */
void sl_cli_print_not_used(const struct sl_fees_deals *d);
void sl_cli_json_not_used(const struct sl_fees_deals *d);
void sl_cli_index_warnings(const char *cmd, const struct sl_table *stats, const struct sl_compare_report *r);

/** Path of a bundled data file (profiles.csv, positions-override.csv), found by sl_data_file()
 *  ($SCOUTLAB_DATADIR, else share/scoutlab next to the installed program, else the source tree
 *  it was built from). When none is found, warns on stderr and writes `name` itself into buf.
 *  Writes buf, returns it. */
const char *sl_cli_data_file(const char *name, char *buf, size_t size);
/** Directory of the chart templates by sl_data_plot_dir() ($SCOUTLAB_PLOTDIR, else plots/ in
 *  the data directory); warns and writes "plots" when none is found. Writes buf, returns it. */
const char *sl_cli_plot_dir(char *buf, size_t size);

/** As sl_cli_data_file, or NULL when that file cannot be read (a bundled file is optional). */
const char *sl_cli_bundled_file(const char *name, char *buf, size_t size);

#include "scoutlab/squad.h"
#include "scoutlab/workspace.h"
/* The squad inputs of `squad` and `chart squad|importance` (NULL / 0 = not given). */
typedef struct sl_cli_squad_inputs {
  const char *const *stats, *const *values, *const *contracts, *const *positions;
  size_t nstats, nvalues, ncontracts, npositions;
  const char *overrides, *profiles, *weights, *season;
  int no_overrides;
  const sl_pool *pool;
} sl_cli_squad_inputs;

/** Opens the workspace and its squad for a squad command (squad_inputs.c): weights and pool
 *  into *o, the bundled overrides and profiles unless named, the workspace's notes and the
 *  loader's warnings on stderr. Returns an exit status; *ws is the caller's to free. */
int sl_cli_squad_workspace(const char *cmd, const sl_cli_squad_inputs *a, sl_squad_options *o, sl_workspace **ws);

/* The command table, defined in commands.c. */
struct sl_workspace_inputs;
/* What a workspace reads unless the user says otherwise: the bundled position overrides and
 * role profiles (datasets/), the loader limits of SCOUTLAB_MAX_* and the --map pairs. The
 * buffers hold the paths, so the struct must outlive sl_workspace_new. */
typedef struct sl_cli_defaults {
  char overrides[1024], profiles[1024];
  struct sl_load_options load;
} sl_cli_defaults;
/** Fills in's overrides (the user's, none with no_overrides, else the bundled file), profiles
 *  (the user's, else the bundled file) and load options from d. */
void sl_cli_workspace_defaults(struct sl_workspace_inputs *in, sl_cli_defaults *d, const char *overrides,
                               int no_overrides, const char *profiles);

/** The conventions of every subcommand (argv.c), applied before its parser: --opt=value split,
 *  `--` ending the options, --version, and a long option its help does not list refused with
 *  "did you mean". Returns -1 to go on with nargc and nargv (free nargv and storage after), or an
 *  exit status (the message printed). */
int sl_cli_conventions(const sl_command *c, int argc, char **argv, int *nargc, char ***nargv, char **storage);

/* ---- --quiet / --verbose: one meaning in every command ----
 * The convention layer (sl_cli_conventions) takes -q/--quiet and -v/--verbose out of every
 * command's arguments; commands ask sl_cli_quiet() / sl_cli_verbose() and print through the
 * helpers below (cli_notes.c), so the rule lives in one place:
 *   --quiet   nothing on stderr but errors: no notes, warnings or progress;
 *   --verbose also the accounting on stderr: rows read, used and skipped of what was loaded, each
 *             skipped row with its file, line and reason (a command may add its own counts).
 * Both at once is a usage error. Every help lists them with SL_CLI_HELP_VERBOSITY. */
#define SL_CLI_HELP_VERBOSITY                                                                     \
  "  -q, --quiet       only errors on stderr: no notes, warnings or progress\n"                    \
  "  -v, --verbose     the accounting on stderr: rows read, used and skipped, each skipped row\n"  \
  "                    with its file, line and reason\n"
int sl_cli_quiet(void);
int sl_cli_verbose(void);
/** "scoutlab CMD: text" on stderr, unless --quiet. */
void sl_cli_note(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/** "scoutlab CMD: warning: text" on stderr, unless --quiet. */
void sl_cli_warning(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/** With --verbose: "rows (WHAT FILE): read N, used N, skipped N" and "  skipped FILE:LINE: reason"
 *  for each row the loader (or a later step) skipped, on stderr. Nothing otherwise, or for NULL. */
void sl_cli_accounting(const char *what, const struct sl_table *t);
struct sl_workspace;
/** A workspace's notes (unless --quiet) and, with --verbose, the accounting of each table it
 *  loaded (stats, values, contracts, positions), on stderr. */
void sl_cli_workspace_report(const char *cmd, const struct sl_workspace *ws);
/** The accounting part alone (commands that show the workspace's notes in their own output),
 *  after the tables' warnings (unread rows, renamed columns) as `cmd`; NULL: already given. */
void sl_cli_workspace_accounting(const char *cmd, const struct sl_workspace *ws);

/** "unknown command" with "did you mean"; returns SL_EXIT_USAGE. */
int sl_cli_suggest_command(const char *name);

extern const sl_command sl_commands[];
extern const int sl_command_count;

/* Subcommand entry points, one file each (cmd_<name>.c). */
int sl_cmd_check(int argc, char **argv);
int sl_cmd_report(int argc, char **argv);
extern const char sl_help_report[];
extern const char sl_help_check[];
int sl_cmd_compare(int argc, char **argv), sl_cmd_percentiles(int argc, char **argv), sl_cmd_similar(int argc, char **argv);
extern const char sl_help_compare[], sl_help_percentiles[], sl_help_similar[];
int sl_cmd_ols(int argc, char **argv); extern const char sl_help_ols[];
int sl_cmd_squad(int argc, char **argv); extern const char sl_help_squad[];
int sl_cmd_chart(int argc, char **argv); extern const char sl_help_chart[];
int sl_cmd_fit(int argc, char **argv), sl_cmd_value(int argc, char **argv), sl_cmd_predict(int argc, char **argv); extern const char sl_help_fit[], sl_help_value[], sl_help_predict[];
/* Their argument parsers alone (sl_command.parse). */
int sl_cmd_check_parse(int argc, char **argv), sl_cmd_report_parse(int argc, char **argv);
int sl_cmd_compare_parse(int argc, char **argv), sl_cmd_percentiles_parse(int argc, char **argv);
int sl_cmd_similar_parse(int argc, char **argv), sl_cmd_ols_parse(int argc, char **argv);
int sl_cmd_squad_parse(int argc, char **argv), sl_cmd_chart_parse(int argc, char **argv);
int sl_cmd_fit_parse(int argc, char **argv), sl_cmd_value_parse(int argc, char **argv);
int sl_cmd_predict_parse(int argc, char **argv);

#endif
