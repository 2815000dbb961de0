/* cli_util.c - error reporting, formats and number printing shared by the subcommands. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

#include "scoutlab/compare.h"
#include "scoutlab/money.h"
#include "scoutlab/datadir.h"
#include "scoutlab/fees.h"
#include "scoutlab/json.h"
#include "scoutlab/parse.h"
#include "scoutlab/table.h"
#include "scoutlab/text.h"
#include "scoutlab/workspace.h"

int sl_cli_usage_error(const char *cmd, const char *fmt, ...) {
  va_list ap;
  char text[SL_CLI_SHOWN_MAX];
  va_start(ap, fmt);
  vsnprintf(text, sizeof text, fmt, ap); /* it may quote an argument, or a name from the data */
  va_end(ap);
  fprintf(stderr, "scoutlab %s: %s (see scoutlab %s --help)\n", cmd, SL_CLI_SHOWN(text), cmd);
  return SL_EXIT_USAGE;
}

int sl_cli_exit_code(int status) {
  switch (status) {
  case SL_OK: return SL_EXIT_OK;
  case SL_EINVAL: return SL_EXIT_USAGE;
  case SL_EAMBIG: return SL_EXIT_USAGE;   /* the user must name the player more precisely */
  case SL_EUNKNOWN: return SL_EXIT_USAGE; /* a misspelt league, position, pool...: fix the option */
  case SL_EIO: return SL_EXIT_IO;
  case SL_ETOOL: return SL_EXIT_TOOL;
  default: return SL_EXIT_DATA;
  }
}

const char *sl_cli_pair_lookup(const char *const (*pairs)[2], size_t n, const char *key) {
  for (size_t i = 0; key && key[0] && i < n; i++)
    if (!strcmp(pairs[i][0], key)) return pairs[i][1];
  return NULL;
}

/* The option that supplies an attribute the library said was missing (sl_error.field): the
 * library names attributes, never flags, so the translation lives here, once. */
static const char *option_for_field(const char *field) {
  static const char *const map[][2] = {
      {"age", "--age"},           {"position", "--position"},         {"season", "--season"},
      {"market_value", "--market-value"}, {"buyer_league", "--buyer-league"}, {"league", "--league"},
      {"player", "--player"},     {"contract", "--contract-until"},   {"pool", "--pool"},
      {"profile", "--profile"},   {"seasons", "--season or --seasons"},
      {"players", "--players"},   {"buyer_club", "--buyer-club"},   {"performance_model", "--performance-model"},
  };
  return sl_cli_pair_lookup(map, sizeof map / sizeof map[0], field);
}

int sl_cli_fail(const sl_error *err) {
  char buf[SL_ERROR_MESSAGE_MAX + SL_ERROR_FILE_MAX + 64];
  const char *opt = option_for_field(err->field);
  /* Messages quote names and cells from the data: shown escaped, as tables show them. */
  const char *text = SL_CLI_SHOWN(sl_error_text(err, buf, sizeof buf));
  if (opt && (err->code == SL_ENOTFOUND || err->code == SL_EDATA))
    fprintf(stderr, "scoutlab: %s (give %s)\n", text, opt);
  else if (opt && err->code == SL_EINVAL) /* the option given, or to be given, is the one to fix */
    fprintf(stderr, "scoutlab: %s (see %s)\n", text, opt);
  else
    fprintf(stderr, "scoutlab: %s\n", text);
  return sl_cli_exit_code(err->code);
}

int sl_cli_parse_format(const char *s, unsigned allowed, sl_format *out) {
  static const char *names[] = {"table", "json", "csv", "md", "tidy"};
  for (unsigned i = 0; i < sizeof names / sizeof names[0]; i++)
    if (strcmp(s, names[i]) == 0 && (allowed & (1u << i))) {
      *out = (sl_format)i;
      return 0;
    }
  return -1;
}

int sl_cli_is_help(const char *arg) { return strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0; }

void sl_cli_json_schema(FILE *f, const char *cmd) { sl_json_schema(f, cmd); }
void sl_cli_json_string(FILE *f, const char *s) { sl_json_string(f, s); }
void sl_cli_json_number(FILE *f, double v) { sl_json_number(f, v); }

const char *sl_cli_money(double eur, char *buf, size_t size) { return sl_money_text(eur, buf, size); }


/* Rows that cannot be true change every percentile: say so even without --verbose. Up to
 * three are listed; more would drown the output, and --verbose lists them all. */
#define SL_CLI_INVALID_LISTED 3

void sl_cli_index_warnings(const char *cmd, const struct sl_table *stats, const struct sl_compare_report *r) {
  if (!r || sl_cli_quiet()) return;
  if (r->rows_invalid)
    fprintf(stderr, "scoutlab %s: warning: %zu stats row%s skipped as impossible or duplicated%s\n", cmd,
            r->rows_invalid, r->rows_invalid == 1 ? "" : "s",
            r->rows_invalid > SL_CLI_INVALID_LISTED ? " (--verbose lists them all)" : ":");
  for (size_t k = 0, shown = 0; k < r->rows_skipped && shown < SL_CLI_INVALID_LISTED && r->rows_invalid; k++) {
    if (!r->skipped[k].invalid) continue;
    const char *file = stats && r->skipped[k].file < stats->nfiles ? stats->files[r->skipped[k].file] : "";
    fprintf(stderr, "  %s:%ld: %s\n", file, r->skipped[k].line, SL_CLI_SHOWN(r->skipped[k].reason));
    shown++;
  }
  if (r->percent_out_of_range)
    fprintf(stderr, "scoutlab %s: warning: %zu cell%s of %% columns outside 0-100 (first %s): treated as "
                    "missing where a profile uses them\n",
            cmd, r->percent_out_of_range, r->percent_out_of_range == 1 ? "" : "s", SL_CLI_SHOWN(r->percent_example));
}

/* Warnings about the files listed before the rest are only counted: a folder of real exports
 * (one renamed column per file and season) must not bury the answer. */
#define SL_CLI_WARNINGS_LISTED 4

/* Rows whose data is lost (the loader could not read them, or a cell is impossible) are said by
 * default, the first with its place and reason (--verbose lists every one, with the rows left
 * out by a choice). Only the skips from index `from` on; `what` says what became of them. */
void sl_cli_lost_rows(const char *cmd, const struct sl_table *t, size_t from, const char *what) {
  size_t n = 0, first = 0;
  for (size_t k = t ? t->nskipped : 0; k-- > from;)
    if (t->skipped[k].unread) n++, first = k;
  if (!n || sl_cli_quiet()) return;
  const sl_skipped_row *s = &t->skipped[first];
  fprintf(stderr, "scoutlab %s: warning: %zu row%s %s: %s:%ld: %s%s\n", cmd, n, n == 1 ? "" : "s", what,
          SL_CLI_SHOWN(s->file < t->nfiles ? t->files[s->file] : ""), s->line, SL_CLI_SHOWN(s->reason),
          n > 1 ? " (and more: --verbose lists them)" : "");
}

void sl_cli_list_not_used(const struct sl_table *t, int lost_only) {
  for (size_t k = 0; t && k < t->nskipped; k++) {
    const sl_skipped_row *s = &t->skipped[k];
    if (!lost_only || s->unread)
      fprintf(stderr, "  not used %s:%ld: %s\n", SL_CLI_SHOWN(s->file < t->nfiles ? t->files[s->file] : ""), s->line,
              SL_CLI_SHOWN(s->reason));
  }
}

void sl_cli_table_warnings(const char *cmd, const struct sl_table *t) {
  if (!sl_cli_verbose()) sl_cli_lost_rows(cmd, t, 0, "not read"); /* --verbose lists them */
  size_t n = t && !sl_cli_quiet() ? t->nwarnings : 0, shown = n > SL_CLI_WARNINGS_LISTED + 1 ? SL_CLI_WARNINGS_LISTED : n;
  for (size_t k = 0; k < shown; k++) fprintf(stderr, "scoutlab %s: warning: %s\n", cmd, SL_CLI_SHOWN(t->warnings[k]));
  if (shown < n)
    fprintf(stderr, "scoutlab %s: warning: %zu more warnings about the files (scoutlab check FILE lists a file's own)\n", cmd,
            n - shown);
}

/* One limit from the environment: 0 (the default) when unset or malformed. */
static size_t env_limit(const char *name) {
  const char *v = getenv(name);
  if (!v || !*v) return 0;
  char *end;
  errno = 0;
  unsigned long long n = strtoull(v, &end, 10);
  if (*end || errno || n == 0 || v[0] == '-' || n > SIZE_MAX) {
    if (!sl_cli_quiet())
      fprintf(stderr, "scoutlab: warning: %s='%s' is not a whole number above 0: the default limit is kept\n", name, v);
    return 0;
  }
  return (size_t)n;
}

/* The --map pairs of this run: one command parses its arguments, then loads its files with
 * sl_cli_load_options, so the mapping lives for the run (freed at exit). */
static sl_schema_map *sl_cli_map;

void sl_cli_map_clear(void) {
  sl_schema_map_free(sl_cli_map);
  sl_cli_map = NULL;
}

int sl_cli_map_option(const char *cmd, const char *spec) {
  sl_error err;
  if (!sl_cli_map) {
    if (!(sl_cli_map = sl_schema_map_new())) return sl_cli_usage_error(cmd, "out of memory");
    static int freed_at_exit; /* once, however often the mapping is cleared and made again */
    if (!freed_at_exit) freed_at_exit = atexit(sl_cli_map_clear) == 0;
  }
  if (sl_schema_map_add_spec(sl_cli_map, spec, &err) != SL_OK)
    return sl_cli_usage_error(cmd, "--map %s: %s", spec, err.message);
  return SL_EXIT_OK;
}

const struct sl_schema_map *sl_cli_mapping(void) { return sl_cli_map; }

void sl_cli_load_options(struct sl_load_options *o) {
  memset(o, 0, sizeof *o);
  o->map = sl_cli_map;
  o->max_field_bytes = env_limit("SCOUTLAB_MAX_FIELD_BYTES");
  o->max_columns = env_limit("SCOUTLAB_MAX_COLUMNS");
  o->max_bytes = env_limit("SCOUTLAB_MAX_BYTES");
  o->max_cells = env_limit("SCOUTLAB_MAX_CELLS");
}

/* A spreadsheet opening the CSV would run a cell that starts with one of these as a formula
 * (OWASP "CSV injection"); names are untrusted input. */
#define CSV_FORMULA_STARTS "=+-@\t\r"

/* 1 when s would be taken as a formula: a formula start, more than one character, not a number
 * (-1.5, -3,5 and +3 stay numbers). */
static int csv_formula_like(const char *s) {
  double v;
  return s[0] && strchr(CSV_FORMULA_STARTS, s[0]) && s[1] && !sl_parse_number(s, SL_DECIMAL_POINT, &v) &&
         !sl_parse_number(s, SL_DECIMAL_COMMA, &v);
}

void sl_cli_csv_text(FILE *f, const char *s) {
  fputc('"', f);
  if (s && csv_formula_like(s)) fputc('\'', f); /* the apostrophe makes it text */
  sl_text_csv_write(f, s);                      /* control characters shown, never acted on */
  fputc('"', f);
}

void sl_cli_csv_field(FILE *f, const char *s) {
  if (!s) return;
  if (strpbrk(s, ",\"\n\r")) {
    sl_cli_csv_text(f, s);
    return;
  }
  if (csv_formula_like(s)) fputc('\'', f);
  sl_text_csv_write(f, s);
}

void sl_cli_csv_number(FILE *f, double v) {
  if (isfinite(v)) fprintf(f, "%.17g", v);
}

int sl_cli_text_columns(const char *s) {
  int cols = 0;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) cols += (*p & 0xC0) != 0x80;
  return cols;
}

const char *sl_cli_shown(const char *s, char *buf, size_t size) {
  sl_text_terminal(buf, size, s);
  return buf;
}

const char *sl_cli_shown_as(sl_format fmt, const char *s, char *buf, size_t size) {
  if (fmt == SL_FMT_MD) sl_text_markdown(buf, size, s, SL_TEXT_MD_CELL);
  else sl_text_terminal(buf, size, s);
  return buf;
}

void sl_cli_put_lines(FILE *f, const char *text) {
  char line[SL_CLI_SHOWN_MAX / SL_TEXT_ESCAPE_GROWTH];
  for (const char *s = text ? text : "", *nl; *s; s = nl ? nl + 1 : s + strlen(s)) {
    nl = strchr(s, '\n');
    size_t len = nl ? (size_t)(nl - s) : strlen(s);
    if (len >= sizeof line) len = sizeof line - 1; /* a summary line is far shorter */
    memcpy(line, s, len), line[len] = '\0';
    fputs(SL_CLI_SHOWN(line), f);
    if (nl) fputc('\n', f);
  }
}

size_t sl_cli_shown_len(const char *s) { return sl_text_terminal(NULL, 0, s); }

void sl_cli_pad(FILE *f, const char *s, int width) {
  char buf[SL_CLI_SHOWN_MAX];
  sl_cli_shown(s, buf, sizeof buf);
  fputs(buf, f);
  int cols = sl_cli_text_columns(buf);
  if (width > 0 && cols >= width) fputc(' ', f); /* a longer text still ends its column */
  for (; cols < width; cols++) fputc(' ', f);
}

void sl_cli_pad_cut(FILE *f, const char *s, int width) {
  char buf[SL_CLI_SHOWN_MAX];
  sl_cli_shown(s, buf, sizeof buf);
  int cols = 0;
  const unsigned char *p = (const unsigned char *)buf;
  for (; *p; p++) { /* a character starts at each byte that is not a UTF-8 continuation */
    if ((*p & 0xC0) != 0x80 && cols++ == width) break;
    fputc(*p, f);
  }
  if (cols > width) cols = width;
  for (; cols < width; cols++) fputc(' ', f);
}

void sl_cli_md_cell(FILE *f, const char *s) {
  char small[SL_CLI_SHOWN_MAX];
  size_t n = sl_text_markdown(small, sizeof small, s, SL_TEXT_MD_CELL);
  char *big = n < sizeof small ? NULL : malloc(n + 1);
  if (big) sl_text_markdown(big, n + 1, s, SL_TEXT_MD_CELL);
  fputs(big ? big : small, f); /* out of memory: the cell ends early, still escaped */
  free(big);
}

const char *sl_cli_data_file(const char *name, char *buf, size_t size) {
  sl_error err;
  if (sl_data_file(name, buf, size, &err) == SL_OK) return buf;
  /* A bundled file that is missing means a broken installation: say so once, whatever the command. */
  char text[SL_ERROR_MESSAGE_MAX + SL_ERROR_FILE_MAX];
  if (!sl_cli_quiet()) fprintf(stderr, "scoutlab: warning: %s\n", sl_error_text(&err, text, sizeof text));
  snprintf(buf, size, "%s", name);
  return buf;
}

const char *sl_cli_plot_dir(char *buf, size_t size) {
  sl_error err;
  if (sl_data_plot_dir(buf, size, &err) == SL_OK) return buf;
  char text[SL_ERROR_MESSAGE_MAX + SL_ERROR_FILE_MAX];
  if (!sl_cli_quiet()) fprintf(stderr, "scoutlab: warning: %s\n", sl_error_text(&err, text, sizeof text));
  snprintf(buf, size, "plots");
  return buf;
}

void sl_cli_workspace_defaults(struct sl_workspace_inputs *in, sl_cli_defaults *d, const char *overrides,
                               int no_overrides, const char *profiles) {
  sl_cli_load_options(&d->load);
  in->load = &d->load;
  in->overrides = no_overrides ? NULL
                  : overrides  ? overrides
                               : sl_cli_bundled_file("positions-override.csv", d->overrides, sizeof d->overrides);
  in->profiles = profiles ? profiles : sl_cli_bundled_file("profiles.csv", d->profiles, sizeof d->profiles);
}

const char *sl_cli_bundled_file(const char *name, char *buf, size_t size) {
  return access(sl_cli_data_file(name, buf, size), R_OK) == 0 ? buf : NULL;
}

/* The reasons' column is as wide as the longest reason shown, and at least this wide, so the
 * counts of the usual reasons line up from one run to the next. */
enum { NOT_USED_MIN_WIDTH = 58 };

void sl_cli_print_not_used(const sl_fees_deals *d) {
  int width = NOT_USED_MIN_WIDTH;
  for (int r = 1; r < SL_FEES_REASON_COUNT; r++) {
    int len = (int)strlen(sl_fees_reason_text((sl_fees_reason)r));
    if (d->count[r] && len > width) width = len;
  }
  for (int r = 1; r < SL_FEES_REASON_COUNT; r++)
    if (d->count[r])
      printf("  not used: %-*s %8zu\n", width, sl_fees_reason_text((sl_fees_reason)r), d->count[r]);
}

void sl_cli_json_not_used(const sl_fees_deals *d) {
  putchar('{');
  for (int r = 1, first = 1; r < SL_FEES_REASON_COUNT; r++) {
    if (!d->count[r]) continue;
    printf("%s", first ? "" : ", "), first = 0;
    sl_cli_json_string(stdout, sl_fees_reason_key((sl_fees_reason)r));
    printf(": %zu", d->count[r]);
  }
  putchar('}');
}
