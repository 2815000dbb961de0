/* cli_notes.c - what goes to stderr besides errors, under the one rule of --quiet and --verbose
 * (cli.h): notes and warnings unless --quiet, the accounting of loaded rows with --verbose. */
#include <stdarg.h>
#include <stdio.h>

#include "cli.h"
#include "scoutlab/workspace.h"

static void vnote(const char *cmd, const char *kind, const char *fmt, va_list ap) {
  char text[SL_CLI_SHOWN_MAX];
  vsnprintf(text, sizeof text, fmt, ap);
  fprintf(stderr, "scoutlab %s: %s%s\n", cmd, kind, SL_CLI_SHOWN(text));
}

void sl_cli_note(const char *cmd, const char *fmt, ...) {
  if (sl_cli_quiet()) return;
  va_list ap;
  va_start(ap, fmt);
  vnote(cmd, "", fmt, ap);
  va_end(ap);
}

void sl_cli_warning(const char *cmd, const char *fmt, ...) {
  if (sl_cli_quiet()) return;
  va_list ap;
  va_start(ap, fmt);
  vnote(cmd, "warning: ", fmt, ap);
  va_end(ap);
}

void sl_cli_accounting(const char *what, const sl_table *t) {
  if (!sl_cli_verbose() || !t) return;
  fprintf(stderr, "rows (%s %s%s): read %zu, used %zu, skipped %zu\n", what, t->nfiles ? SL_CLI_SHOWN(t->files[0]) : "",
          t->nfiles > 1 ? " and others" : "", t->rows_read, t->nrows, t->nskipped);
  for (size_t k = 0; k < t->nskipped; k++)
    fprintf(stderr, "  skipped %s:%ld: %s\n", SL_CLI_SHOWN(t->files[t->skipped[k].file]), t->skipped[k].line,
            SL_CLI_SHOWN(t->skipped[k].reason));
}

/* The row accounting of each of the workspace's tables (with --verbose). */
static void tables_accounting(const sl_workspace *ws) {
  sl_cli_accounting("stats", sl_workspace_stats(ws));
  sl_cli_accounting("values", sl_workspace_values(ws));
  sl_cli_accounting("contracts", sl_workspace_contracts(ws));
  sl_cli_accounting("positions", sl_workspace_positions(ws));
}

void sl_cli_workspace_report(const char *cmd, const sl_workspace *ws) {
  if (!ws) return;
  for (size_t i = 0; i < sl_workspace_note_count(ws); i++) sl_cli_note(cmd, "%s", sl_workspace_note(ws, i));
  tables_accounting(ws);
}

void sl_cli_workspace_accounting(const char *cmd, const sl_workspace *ws) {
  if (!ws) return;
  const sl_table *tables[] = {sl_workspace_stats(ws), sl_workspace_values(ws), sl_workspace_contracts(ws),
                              sl_workspace_positions(ws)};
  for (size_t k = 0; cmd && k < sizeof tables / sizeof tables[0]; k++) sl_cli_table_warnings(cmd, tables[k]);
  /* The transfers' rows are the model's deals: their lost rows are said here, --verbose lists them. */
  const sl_table *tr = sl_workspace_transfers(ws);
  if (cmd) sl_cli_lost_rows(cmd, tr, 0, "of the transfers not used, their data lost");
  if (cmd && sl_cli_verbose()) sl_cli_list_not_used(tr, 1);
  for (size_t i = 0; sl_cli_verbose() && i < sl_workspace_note_count(ws); i++) /* files read as what, left out */
    fprintf(stderr, "note: %s\n", SL_CLI_SHOWN(sl_workspace_note(ws, i)));
  tables_accounting(ws);
}
