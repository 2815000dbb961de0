/* argv.c - the conventions every subcommand shares, applied once before it parses: --opt=value
 * is --opt value; `--` ends the options (a later argument that starts with '-' is a file, passed
 * as ./NAME); --version prints the version; a long option the command's help does not list is
 * refused with "did you mean" (the help text is the list of options, so the two cannot drift
 * apart: tests/cli/conventions.sh checks that every option a parser reads is in its help);
 * --map ROLE=COLUMN names columns for every command that loads files (sl_cli_load_options);
 * --quiet/-q and --verbose/-v set this run's verbosity, one meaning in every command (cli.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "scoutlab/names.h"
#include "scoutlab/version.h"

/* This run's --quiet / --verbose: the CLI is one process per command, and every command reads
 * the same two switches (the library keeps no such state). */
static int run_quiet, run_verbose;

int sl_cli_quiet(void) { return run_quiet; }
int sl_cli_verbose(void) { return run_verbose; }

/* -q/--quiet or -v/--verbose at a: taken (1) or not (0). */
static int verbosity_option(const char *a) {
  if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) return run_quiet = 1;
  if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) return run_verbose = 1;
  return 0;
}

/* Longest option name the help texts use, with room. */
#define OPTION_NAME_MAX 48

/* The long options in a help text: every "--name" (letters, digits, '-'). Caller frees the
 * array and its strings. */
static size_t help_options(const char *help, char ***out) {
  size_t n = 0, cap = 0;
  char **v = NULL;
  for (const char *p = strstr(help, "--"); p; p = strstr(p + 2, "--")) {
    if (p > help && (p[-1] == '-' || (p[-1] >= 'a' && p[-1] <= 'z'))) continue;
    size_t len = 2;
    while ((p[len] >= 'a' && p[len] <= 'z') || (p[len] >= '0' && p[len] <= '9') || p[len] == '-') len++;
    if (len <= 2 || len >= OPTION_NAME_MAX) continue;
    int seen = 0;
    for (size_t i = 0; i < n && !seen; i++) seen = strlen(v[i]) == len && !strncmp(v[i], p, len);
    if (seen) continue;
    if (n == cap) {
      char **g = realloc(v, (cap = cap ? 2 * cap : 32) * sizeof *g);
      if (!g) break;
      v = g;
    }
    if (!(v[n] = malloc(len + 1))) break;
    memcpy(v[n], p, len), v[n][len] = '\0', n++;
  }
  *out = v;
  return n;
}

static void free_list(char **v, size_t n) {
  for (size_t i = 0; i < n; i++) free(v[i]);
  free(v);
}

/* An option the help does not list: "did you mean" from the help's own list. */
static int unknown_option(const char *cmd, const char *opt, char **known, size_t n) {
  const char **norm = malloc((n ? n : 1) * sizeof *norm);
  size_t best[1], got = 0;
  for (size_t i = 0; norm && i < n; i++) norm[i] = known[i] + 2;
  if (norm && n) got = sl_name_suggest(opt + 2, norm, n, best, 1);
  free(norm);
  if (got) return sl_cli_usage_error(cmd, "unknown option %s; did you mean %s?", SL_CLI_SHOWN(opt), known[best[0]]);
  return sl_cli_usage_error(cmd, "unknown option %s", SL_CLI_SHOWN(opt));
}

int sl_cli_conventions(const sl_command *c, int argc, char **argv, int *nargc, char ***nargv, char **storage) {
  /* Each --opt=value becomes two arguments and each argument after -- may gain "./": at most
   * twice the arguments, and the bytes of argv plus two per argument. */
  size_t bytes = 0;
  for (int i = 0; i < argc; i++) bytes += strlen(argv[i]) + 3;
  char **out = calloc(2 * (size_t)argc + 1, sizeof *out), *buf = malloc(bytes + 1), *w = buf;
  *nargv = out, *storage = buf;
  if (!out || !buf) return SL_EXIT_DATA;
  char **known = NULL;
  size_t nknown = help_options(c->help, &known);
  /* A help that says "those of scoutlab compare" shares that command's options: its list counts. */
  for (int k = 0; k < sl_command_count; k++) {
    char ref[64];
    snprintf(ref, sizeof ref, "scoutlab %s", sl_commands[k].name);
    if (&sl_commands[k] == c || !strstr(c->help, ref)) continue;
    char **more = NULL;
    size_t nmore = help_options(sl_commands[k].help, &more);
    char **grown = realloc(known, (nknown + nmore + 1) * sizeof *grown);
    if (grown) {
      known = grown;
      memcpy(known + nknown, more, nmore * sizeof *more), nknown += nmore;
      free(more);
    } else {
      free_list(more, nmore);
    }
  }
  int n = 0, rc = -1, options_done = 0;
  int own_map = strstr(c->help, "--map") != NULL; /* check and chart read --map themselves */
  for (int i = 0; i < argc && rc < 0; i++) {
    const char *a = argv[i];
    if (i > 0 && !options_done && verbosity_option(a)) continue;
    if (i == 0 || options_done || a[0] != '-' || a[1] != '-') {
      int file = options_done && a[0] == '-' && a[1];
      out[n++] = w;
      w += sprintf(w, "%s%s", file ? "./" : "", a) + 1;
      continue;
    }
    if (!a[2]) { /* "--": what follows are arguments, never options */
      options_done = 1;
      continue;
    }
    if (!strcmp(a, "--version")) {
      printf("scoutlab %s %s\n", c->name, sl_version());
      rc = SL_EXIT_OK;
      break;
    }
    const char *eq = strchr(a, '=');
    size_t len = eq ? (size_t)(eq - a) : strlen(a);
    if (len == 5 && !strncmp(a, "--map", 5) && !own_map) { /* every command that loads files */
      const char *spec = eq ? eq + 1 : i + 1 < argc ? argv[++i] : NULL;
      rc = spec ? sl_cli_map_option(c->name, spec) : sl_cli_usage_error(c->name, "--map needs ROLE=COLUMN[,...]");
      if (rc == SL_EXIT_OK) rc = -1;
      continue;
    }
    int listed = !strcmp(a, "--help");
    for (size_t k = 0; k < nknown && !listed; k++) listed = strlen(known[k]) == len && !strncmp(known[k], a, len);
    if (!listed) {
      char name[OPTION_NAME_MAX + 8];
      snprintf(name, sizeof name, "%.*s", (int)(len < OPTION_NAME_MAX ? len : OPTION_NAME_MAX), a);
      rc = unknown_option(c->name, name, known, nknown);
      break;
    }
    out[n++] = w;
    w += sprintf(w, "%.*s", (int)len, a) + 1;
    if (eq) {
      out[n++] = w;
      w += sprintf(w, "%s", eq + 1) + 1;
    }
  }
  free_list(known, nknown);
  *nargc = n;
  if (rc < 0 && run_quiet && run_verbose)
    rc = sl_cli_usage_error(c->name, "--quiet and --verbose ask for opposite things: give one");
  return rc;
}

int sl_cli_suggest_command(const char *name) {
  const char **norm = malloc((size_t)sl_command_count * sizeof *norm);
  size_t best[1], got = 0;
  for (int i = 0; norm && i < sl_command_count; i++) norm[i] = sl_commands[i].name;
  if (norm) got = sl_name_suggest(name, norm, (size_t)sl_command_count, best, 1);
  free(norm);
  if (got)
    fprintf(stderr, "scoutlab: unknown command '%s'; did you mean %s? (see scoutlab --help)\n", SL_CLI_SHOWN(name),
            sl_commands[best[0]].name);
  else
    fprintf(stderr, "scoutlab: unknown command '%s' (see scoutlab --help)\n", SL_CLI_SHOWN(name));
  return SL_EXIT_USAGE;
}
