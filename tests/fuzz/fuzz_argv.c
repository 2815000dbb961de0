/* libFuzzer harness: the command-line parsers on fuzzed argv (issue 16) - the conventions every
 * command shares (analytics/cli/argv.c: --opt=value, --, --version, unknown options with
 * "did you mean", --map) and then the command's own parse and checks (sl_command.parse, which
 * reads and writes no file), as main() runs them.
 *
 * Input: the first byte picks the command (mod the number of commands); the rest, split at NUL
 * bytes, are its arguments (at most MAX_ARGS). The CLI sources except main.c are compiled into
 * this harness.
 *
 * Invariants: the conventions give back at most twice the arguments, none NULL, or an exit
 * status 0 (--version) / 2 (usage); a parse returns a documented exit status (0-4); a usage
 * status comes with its one line "scoutlab CMD: ... (see scoutlab CMD --help)"; and whatever
 * either prints holds no control character but the line break (arguments are shown escaped,
 * so none can move the cursor or set the terminal title). stdout and stderr are captured in
 * memory (glibc lets a program assign them). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

/* Arguments taken from one input: more only repeat the same paths. */
#define MAX_ARGS 64

#define CHECK(cond, ...)                                                                                 \
  do {                                                                                                   \
    if (!(cond)) {                                                                                       \
      fprintf(real_stderr, "invariant failed: %s: ", #cond);                                             \
      fprintf(real_stderr, __VA_ARGS__);                                                                 \
      fputc('\n', real_stderr);                                                                          \
      abort();                                                                                           \
    }                                                                                                    \
  } while (0)

static FILE *real_stderr;

/* The first control character of text (other than the line break), or -1. */
static long control_at(const char *text, size_t len) {
  for (size_t i = 0; i < len; i++) {
    unsigned char c = (unsigned char)text[i];
    if ((c < 0x20 && c != '\n') || c == 0x7F) return (long)i;
    if (c == 0xC2 && i + 1 < len && (unsigned char)text[i + 1] >= 0x80 && (unsigned char)text[i + 1] <= 0x9F)
      return (long)i; /* C1 controls, U+0080-U+009F */
  }
  return -1;
}

static void check_shown(const char *what, const char *text, size_t len) {
  long at = control_at(text, len);
  CHECK(at < 0, "%s holds control character 0x%02x at byte %ld: %.*s", what, (unsigned char)text[at], at, (int)len, text);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  real_stderr = stderr;
  const sl_command *c = &sl_commands[data[0] % sl_command_count];
  size_t n = size - 1;
  char *copy = malloc(n + 1), *args[MAX_ARGS + 2];
  if (!copy) return 0;
  memcpy(copy, data + 1, n);
  copy[n] = '\0';
  int argc = 0;
  args[argc++] = (char *)c->name;
  for (char *p = copy; n && p <= copy + n && argc < MAX_ARGS + 1; p += strlen(p) + 1) args[argc++] = p;
  args[argc] = NULL;

  char *out = NULL, *err = NULL;
  size_t nout = 0, nerr = 0;
  FILE *fo = open_memstream(&out, &nout), *fe = open_memstream(&err, &nerr);
  if (!fo || !fe) {
    if (fo) fclose(fo), free(out);
    if (fe) fclose(fe), free(err);
    free(copy);
    return 0;
  }
  FILE *saved_out = stdout, *saved_err = stderr;
  stdout = fo, stderr = fe;
  int nargc = 0;
  char **nargv = NULL, *storage = NULL;
  int rc = sl_cli_conventions(c, argc, args, &nargc, &nargv, &storage);
  int conventions = rc;
  if (rc < 0) {
    CHECK(nargc >= 1 && nargc <= 2 * argc && nargv[nargc] == NULL, "%d arguments became %d", argc, nargc);
    for (int i = 0; i < nargc; i++) CHECK(nargv[i] != NULL, "argument %d is NULL", i);
    rc = c->parse(nargc, nargv);
  }
  free(nargv), free(storage);
  sl_cli_map_clear();
  fclose(fo), fclose(fe);
  stdout = saved_out, stderr = saved_err;

  CHECK(conventions == -1 || conventions == SL_EXIT_OK || conventions == SL_EXIT_USAGE || conventions == SL_EXIT_DATA,
        "%s: the conventions returned %d", c->name, conventions);
  CHECK(rc >= SL_EXIT_OK && rc <= SL_EXIT_TOOL, "%s: exit status %d", c->name, rc);
  if (rc == SL_EXIT_USAGE)
    CHECK(nerr > 0 && strstr(err, "scoutlab ") == err && strstr(err, " --help)\n"), "%s: a usage error without its line: %.*s",
          c->name, (int)nerr, err);
  check_shown("stderr", err, nerr);
  check_shown("stdout", out, nout);
  free(out), free(err), free(copy);
  return 0;
}
