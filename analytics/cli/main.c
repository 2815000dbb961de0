/* main.c - scoutlab CLI entry: dispatches to one subcommand per file (cmd_*.c). */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "scoutlab/version.h"

static void print_main_help(FILE *f) {
  fputs("scoutlab - player valuation and squad analytics\n\n"
        "usage: scoutlab COMMAND [options]   (scoutlab help COMMAND, or COMMAND --help, for details)\n\n"
        "Every command: --opt=value or --opt value, -- before arguments that start with '-', -\n"
        "for standard input, --version, --map ROLE=COLUMN[,...] to name the columns of an export\n"
        "(--map player=Plyaer,minutes=Mins); -q/--quiet (only errors on stderr) and -v/--verbose\n"
        "(the rows read, used and skipped on stderr); an unknown option gets \"did you mean\".\n\n"
        "commands:\n",
        f);
  for (int i = 0; i < sl_command_count; i++)
    fprintf(f, "  %-12s %s\n", sl_commands[i].name, sl_commands[i].summary);
  fputs("\nexit status: 0 ok, 1 bad data, 2 usage, 3 input/output, 4 external tool\n", f);
}

/* A full disk or closed pipe must be an error, not silence. */
static int finish_stdout(int status) {
  if (fflush(stdout) != 0 || ferror(stdout)) {
    fprintf(stderr, "scoutlab: error writing output: %s\n", strerror(errno));
    return status ? status : SL_EXIT_IO;
  }
  return status;
}

int main(int argc, char **argv) {
  if (argc < 2) {
    print_main_help(stderr);
    return SL_EXIT_USAGE;
  }
  if (strcmp(argv[1], "help") == 0 && argc >= 3) { /* scoutlab help CMD */
    for (int i = 0; i < sl_command_count; i++)
      if (strcmp(argv[2], sl_commands[i].name) == 0) return fputs(sl_commands[i].help, stdout), finish_stdout(SL_EXIT_OK);
    return sl_cli_suggest_command(argv[2]);
  }
  if (sl_cli_is_help(argv[1]) || strcmp(argv[1], "help") == 0) {
    print_main_help(stdout);
    return finish_stdout(SL_EXIT_OK);
  }
  if (strcmp(argv[1], "--version") == 0) {
    printf("scoutlab %s\n", sl_version());
    return finish_stdout(SL_EXIT_OK);
  }
  for (int i = 0; i < sl_command_count; i++) {
    if (strcmp(argv[1], sl_commands[i].name) != 0) continue;
    if (argc >= 3 && sl_cli_is_help(argv[2])) {
      fputs(sl_commands[i].help, stdout);
      return finish_stdout(SL_EXIT_OK);
    }
    int nargc = 0;
    char **nargv = NULL, *storage = NULL;
    int rc = sl_cli_conventions(&sl_commands[i], argc - 1, argv + 1, &nargc, &nargv, &storage);
    if (rc < 0) rc = sl_commands[i].run(nargc, nargv);
    free(nargv), free(storage);
    return finish_stdout(rc);
  }
  return sl_cli_suggest_command(argv[1]);
}
