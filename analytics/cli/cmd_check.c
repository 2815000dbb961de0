/* cmd_check.c - `scoutlab check`: load files and show what scoutlab understood of them. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "scoutlab/fees.h"
#include "scoutlab/names.h"
#include "scoutlab/table.h"

const char sl_help_check[] =
    "usage: scoutlab check FILE... [--format table|json] [--row NAME] [--map ROLE=COLUMN[,...]]\n"
    "                              [--max-columns N] [-q|-v]\n"
    "\n"
    "Loads each CSV file and prints its rows, columns, the type inferred for each column\n"
    "(number, money, date, text), the role scoutlab recognised (player, minutes, fee...),\n"
    "missing counts, warnings, and the skipped-rows report: read = used + skipped (on standard\n"
    "output: --verbose adds nothing, --quiet leaves it). A file with a fee column is also read\n"
    "as scoutlab fit reads transfers: the deals used and the rows not used, by reason (loans,\n"
    "fees in words or in another currency...), JSON key as_transfers.\n"
    "\n"
    "  --row NAME     also print every row whose player (or first text column) matches NAME\n"
    "                 (accent- and case-insensitive: 'balerdi' finds 'Leonardo Balerdi')\n"
    "  --format json  machine-readable output\n"
    "  --map ROLE=COLUMN[,ROLE=COLUMN...]\n"
    "                 say which column holds a role when its header is not a known name\n"
    "                 (e.g. --map player=Plyaer,minutes=Mins); repeatable; a mapped column\n"
    "                 absent from a file is ignored for that file\n"
    SL_CLI_HELP_VERBOSITY
    "\n"
    "example:\n"
    "  scoutlab check players.csv --row \"Leonardo Balerdi\"\n";

static void print_money_or_number(const sl_table *t, const sl_column *c, size_t r) {
  char buf[64];
  if (c->type == SL_TYPE_MONEY && isfinite(c->num[r]) && (!c->currency[0] || strcmp(c->currency, "EUR") == 0))
    printf("%s", sl_cli_money(c->num[r], buf, sizeof buf));
  else if (c->type == SL_TYPE_MONEY && isfinite(c->num[r]))
    printf("%.2f %s", c->num[r], SL_CLI_SHOWN(c->currency));
  else {
    const char *s = sl_table_text(t, c, r, buf, sizeof buf);
    printf("%s", s ? SL_CLI_SHOWN(s) : "(missing)");
  }
}

/* The column used to find a row by name: the player role, else the first text column. */
static const sl_column *name_column(const sl_table *t) {
  const sl_column *c = sl_table_role(t, SL_ROLE_PLAYER);
  for (size_t i = 0; !c && i < t->ncols; i++)
    if (t->cols[i].type == SL_TYPE_TEXT) c = &t->cols[i];
  return c && c->type == SL_TYPE_TEXT ? c : NULL;
}

static int print_rows(const sl_table *t, const char *query) {
  const sl_column *nc = name_column(t);
  char *q = sl_name_normalise(query);
  int found = 0;
  for (size_t r = 0; nc && q && r < t->nrows; r++) {
    char *n = nc->text[r] ? sl_name_normalise(nc->text[r]) : NULL;
    int hit = n && sl_name_match_score(q, n) >= 2;
    free(n);
    if (!hit) continue;
    char place[600];
    printf("\nrow at %s:\n", SL_CLI_SHOWN(sl_table_row_place(t, r, place, sizeof place)));
    for (size_t i = 0; i < t->ncols; i++) {
      printf("  %-28s ", SL_CLI_SHOWN(t->cols[i].name));
      print_money_or_number(t, &t->cols[i], r);
      putchar('\n');
    }
    found++;
  }
  free(q);
  if (!found) fprintf(stderr, "scoutlab check: no row matches '%s' in %s\n", SL_CLI_SHOWN(query), SL_CLI_SHOWN(t->files[0]));
  return found;
}

/* Roles whose values are numbers, money or dates: a text column there needs explaining. */
static int expects_number(sl_role r) {
  return r == SL_ROLE_MINUTES || r == SL_ROLE_NINETIES || r == SL_ROLE_FEE || r == SL_ROLE_MARKET_VALUE ||
         r == SL_ROLE_AGE || r == SL_ROLE_BORN || r == SL_ROLE_MATCHES || r == SL_ROLE_STARTS ||
         r == SL_ROLE_SEASON || r == SL_ROLE_WAGE || r == SL_ROLE_CONTRACT_UNTIL || r == SL_ROLE_BIRTH_DATE;
}

/* A column where at most one cell in ten is not a number is a number column with bad cells. */
static int mostly_numbers(const sl_table *t, const sl_column *c) {
  size_t present = t->nrows - c->missing;
  return c->not_numeric > 0 && c->not_numeric * 10 <= present;
}

static const char *first_text(const sl_table *t, const sl_column *c) {
  for (size_t r = 0; r < t->nrows; r++)
    if (t->row_line[r] == c->first_text_line && c->text[r]) return c->text[r];
  return "";
}

static void print_table(const sl_table *t) {
  printf("%s: %zu rows, %zu columns (delimiter '%s', decimal %s, %s)\n", SL_CLI_SHOWN(t->files[0]), t->nrows,
         t->ncols, t->delimiter == '\t' ? "\\t" : (char[2]){t->delimiter, 0},
         t->decimal == SL_DECIMAL_COMMA ? "comma" : "point", t->encoding);
  printf("rows read %zu, used %zu, skipped %zu\n", t->rows_read, t->nrows, t->nskipped);
  printf("  %-4s %-28s %-7s %-16s %8s  %s\n", "#", "column", "type", "role", "missing", "note");
  for (size_t i = 0; i < t->ncols; i++) {
    const sl_column *c = &t->cols[i];
    char note[96] = "";
    if (c->type == SL_TYPE_MONEY) snprintf(note, sizeof note, "currency %s", c->currency[0] ? c->currency : "unstated (EUR assumed)");
    if (c->type == SL_TYPE_TEXT && c->first_text_line && (expects_number(c->role) || mostly_numbers(t, c)))
      snprintf(note, sizeof note, "kept as text: %zu cells not numbers/dates, first at line %ld: '%.24s'", c->not_numeric,
               c->first_text_line, first_text(t, c));
    printf("  %-4zu %-28s %-7s %-16s %8zu  %s\n", i + 1, SL_CLI_SHOWN(c->name), sl_type_name(c->type),
           sl_role_name(c->role), c->missing, SL_CLI_SHOWN(note));
  }
  for (size_t i = 0; i < t->nwarnings; i++) printf("warning: %s\n", SL_CLI_SHOWN(t->warnings[i]));
  for (size_t i = 0; i < t->nskipped; i++)
    printf("skipped %s:%ld: %s\n", SL_CLI_SHOWN(t->files[t->skipped[i].file]), t->skipped[i].line,
           SL_CLI_SHOWN(t->skipped[i].reason));
}

/* How scoutlab fit reads a transfers file (a table with a fee column): the deals used and why
 * each other row is not, the fee model's own selection (sl_fees_deals_from_table), so that a fee
 * in words, in pounds or a loan is seen before a fit. The model's defaults: no season range, no
 * exchange rates. Nothing for a table without a fee column; why not, for one fit cannot read. */
static void print_fee_reading(sl_table *t, sl_format fmt) {
  sl_fees_deals *d = NULL;
  sl_error err;
  if (!sl_table_role(t, SL_ROLE_FEE)) return;
  int st = sl_fees_deals_from_table(t, NULL, &d, &err); /* adds its skips to t's report */
  if (st && fmt == SL_FMT_JSON) {
    printf(", \"as_transfers\": {\"error\": ");
    sl_cli_json_string(stdout, err.message);
    printf("}");
  } else if (st) {
    printf("as transfers (scoutlab fit): not read: %s\n", SL_CLI_SHOWN(err.message));
  } else if (fmt == SL_FMT_JSON) {
    printf(", \"as_transfers\": {\"rows_read\": %zu, \"used\": %zu, \"not_used\": ", d->rows_read,
           d->count[SL_FEES_USED]);
    sl_cli_json_not_used(d);
    printf(", \"notes\": [");
    for (size_t i = 0; i < d->nnotes; i++) printf("%s", i ? ", " : ""), sl_cli_json_string(stdout, d->notes[i]);
    printf("]}");
  } else {
    printf("as transfers (scoutlab fit): %zu rows read, %zu deals used\n", d->rows_read, d->count[SL_FEES_USED]);
    sl_cli_print_not_used(d);
    for (size_t i = 0; i < d->nnotes; i++) printf("  note: %s\n", SL_CLI_SHOWN(d->notes[i]));
  }
  sl_fees_deals_free(d);
}

/* The file's object, left open for the fee reading (print_fee_reading). */
static void print_json(const sl_table *t) {
  putchar('{'), sl_cli_json_schema(stdout, "check");
  printf("\"file\": ");
  sl_cli_json_string(stdout, t->files[0]);
  printf(", \"rows_read\": %zu, \"rows_used\": %zu, \"rows_skipped\": %zu, \"columns\": [", t->rows_read,
         t->nrows, t->nskipped);
  for (size_t i = 0; i < t->ncols; i++) {
    const sl_column *c = &t->cols[i];
    printf("%s{\"name\": ", i ? ", " : "");
    sl_cli_json_string(stdout, c->name);
    printf(", \"type\": \"%s\", \"role\": ", sl_type_name(c->type));
    sl_cli_json_string(stdout, sl_role_name(c->role));
    printf(", \"missing\": %zu", c->missing);
    if (c->type == SL_TYPE_MONEY) printf(", \"currency\": \"%s\"", c->currency[0] ? c->currency : "EUR");
    printf("}");
  }
  printf("], \"warnings\": [");
  for (size_t i = 0; i < t->nwarnings; i++) {
    printf("%s", i ? ", " : "");
    sl_cli_json_string(stdout, t->warnings[i]);
  }
  printf("], \"skipped\": [");
  for (size_t i = 0; i < t->nskipped; i++) {
    printf("%s{\"file\": ", i ? ", " : "");
    sl_cli_json_string(stdout, t->files[t->skipped[i].file]);
    printf(", \"line\": %ld, \"reason\": ", t->skipped[i].line);
    sl_cli_json_string(stdout, t->skipped[i].reason);
    printf("}");
  }
  printf("]");
}

/* The command; with parse_only its argument parse alone (sl_command.parse), nothing read or written. */
static int check_main(int argc, char **argv, int parse_only) {
  sl_format fmt = SL_FMT_TABLE;
  const char *row = NULL;
  sl_load_options opt;
  sl_cli_load_options(&opt);
  char **files = calloc((size_t)argc, sizeof *files);
  int nfiles = 0, status = SL_EXIT_OK;
  if (!files) return SL_EXIT_IO;
  for (int i = 1; i < argc; i++) {
    const char *map = strcmp(argv[i], "--map") == 0 && i + 1 < argc ? argv[++i]
                      : strncmp(argv[i], "--map=", 6) == 0         ? argv[i] + 6
                                                                   : NULL;
    if (map) {
      if (sl_cli_map_option("check", map) != SL_EXIT_OK) {
        free(files);
        return SL_EXIT_USAGE;
      }
      opt.map = sl_cli_mapping();
      continue;
    }
    if (strcmp(argv[i], "--format") == 0 && i + 1 < argc) {
      if (sl_cli_parse_format(argv[++i], 1u << SL_FMT_TABLE | 1u << SL_FMT_JSON, &fmt) != 0) {
        free(files);
        return sl_cli_usage_error("check", "unknown format '%s' (expected table or json)", argv[i]);
      }
    } else if (strcmp(argv[i], "--row") == 0 && i + 1 < argc) {
      row = argv[++i];
    } else if (strcmp(argv[i], "--max-columns") == 0 && i + 1 < argc) {
      char *end;
      const char *v = argv[++i];
      unsigned long n = strtoul(v, &end, 10);
      if (*end || !n || v[0] == '-') {
        free(files);
        return sl_cli_usage_error("check", "--max-columns expects a whole number above 0, not '%s'", v);
      }
      opt.max_columns = (size_t)n;
    } else if (argv[i][0] == '-' && argv[i][1]) {
      free(files);
      return sl_cli_usage_error("check", "unknown option '%s'", argv[i]);
    } else {
      files[nfiles++] = argv[i];
    }
  }
  if (nfiles == 0) {
    free(files);
    return sl_cli_usage_error("check", "no file given");
  }
  if (parse_only) return free(files), SL_EXIT_OK;
  if (fmt == SL_FMT_JSON) printf("[");
  for (int i = 0; i < nfiles; i++) {
    sl_table *t = NULL;
    sl_error err;
    if (sl_table_load(files[i], &opt, &t, &err) != SL_OK) {
      status = sl_cli_fail(&err);
      continue;
    }
    if (fmt == SL_FMT_JSON) print_json(t);
    else print_table(t);
    print_fee_reading(t, fmt); /* after the table's own report: it adds its skips to it */
    if (fmt == SL_FMT_JSON) printf("}%s\n", i == nfiles - 1 ? "" : ",");
    if (row && fmt == SL_FMT_TABLE && print_rows(t, row) == 0) status = SL_EXIT_DATA;
    sl_table_free(t);
  }
  if (fmt == SL_FMT_JSON) printf("]\n");
  free(files);
  return status;
}

int sl_cmd_check(int argc, char **argv) { return check_main(argc, argv, 0); }
int sl_cmd_check_parse(int argc, char **argv) { return check_main(argc, argv, 1); }
