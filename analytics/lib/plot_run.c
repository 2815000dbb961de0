/* plot_run.c - runs gnuplot on a saved script: fork/execve without a shell, stdin and
 * stdout on /dev/null, stderr captured through a pipe, a wall-clock limit enforced by killing
 * gnuplot's process group, and the chart renamed into place only on success. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "plot_internal.h"
#include "runtime_internal.h"

extern char **environ;

/* gnuplot's messages for one failing script are a few lines; keep this much of them. */
#define SL_PLOT_STDERR_MAX 16384
/* How much of the captured stderr goes into the error message (sl_error holds 768 bytes). */
#define SL_PLOT_STDERR_QUOTE 400
/* Attempts at a fresh temporary name before giving up (names embed the pid). */
#define SL_PLOT_TMP_TRIES 100
/* Poll interval while waiting for gnuplot to exit after it closed stderr. */
#define SL_PLOT_WAIT_STEP_NS 5000000L

static const char not_found_hint[] = "apt-get install gnuplot-nox, or set SCOUTLAB_GNUPLOT";

static double now_s(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + t.tv_nsec / 1e9;
}

/* Resolves the program to an executable path: as given when it contains '/', else the first
 * match on PATH. Returns a new string or NULL when not found. Done before fork because
 * execvp is not async-signal-safe. */
static char *find_program(const char *name) {
  if (strchr(name, '/')) return access(name, X_OK) == 0 ? strdup(name) : NULL;
  const char *path = getenv("PATH");
  if (!path || !*path) path = "/usr/local/bin:/usr/bin:/bin";
  size_t name_len = strlen(name);
  while (*path) {
    const char *colon = strchr(path, ':');
    size_t dir_len = colon ? (size_t)(colon - path) : strlen(path);
    char *full = malloc(dir_len + name_len + 3);
    if (!full) return NULL;
    if (dir_len == 0) snprintf(full, name_len + 3, "./%s", name);
    else snprintf(full, dir_len + name_len + 2, "%.*s/%s", (int)dir_len, path, name);
    struct stat sb;
    if (access(full, X_OK) == 0 && stat(full, &sb) == 0 && S_ISREG(sb.st_mode)) return full;
    free(full);
    path += dir_len + (colon ? 1 : 0);
  }
  return NULL;
}

/* Creates an empty temporary file next to output ("dir/.name.tmpPID-N") with O_EXCL so that
 * it cannot clobber anything, and mode 0666 so the umask decides as for any new file. */
static int make_temp(const char *output, char **out, sl_error *err) {
  const char *slash = strrchr(output, '/');
  size_t dir_len = slash ? (size_t)(slash - output + 1) : 0;
  const char *base = output + dir_len;
  size_t len = strlen(output) + 48;
  char *tmp = malloc(len);
  if (!tmp) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  for (int n = 0; n < SL_PLOT_TMP_TRIES; n++) {
    snprintf(tmp, len, "%.*s.%s.tmp%ld-%d", (int)dir_len, output, base, (long)getpid(), n);
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0666);
    if (fd >= 0) {
      close(fd);
      *out = tmp;
      return SL_OK;
    }
    if (errno != EEXIST) break;
  }
  int st = sl_error_set(err, SL_EIO, output, 0, 0, "cannot create the chart file here: %s",
                        sl_strerror_c(errno));
  free(tmp);
  return st;
}

/* The last few non-empty lines of gnuplot's stderr on one line, joined by " | ". */
static void summarise_stderr(const char *text, char *buf, size_t size) {
  size_t len = strlen(text);
  while (len && (text[len - 1] == '\n' || text[len - 1] == ' ')) len--;
  size_t start = len > SL_PLOT_STDERR_QUOTE ? len - SL_PLOT_STDERR_QUOTE : 0;
  size_t o = 0;
  int pending_sep = 0;
  for (size_t i = start; i < len && o + 4 < size; i++) {
    char ch = text[i];
    if (ch == '\n' || ch == '\r') {
      pending_sep = o > 0;
      continue;
    }
    if (pending_sep) {
      o += (size_t)snprintf(buf + o, size - o, " | ");
      pending_sep = 0;
      if (o + 4 >= size) break;
    }
    buf[o++] = (unsigned char)ch < 0x20 ? ' ' : ch;
  }
  buf[o < size ? o : size - 1] = '\0';
}

typedef struct child_run {
  pid_t pid;
  int exit_status; /* from waitpid */
  int timed_out;
  char *stderr_text;
} child_run;

/* Child side: own process group (so a timeout kills anything gnuplot started), /dev/null for
 * stdin/stdout, the pipe for stderr. On exec failure reports errno through report_fd. */
static void child_exec(const char *prog, char *const argv[], int stderr_fd, int report_fd) {
  setpgid(0, 0);
  int devnull = open("/dev/null", O_RDWR);
  if (devnull >= 0) {
    dup2(devnull, STDIN_FILENO);
    dup2(devnull, STDOUT_FILENO);
  }
  dup2(stderr_fd, STDERR_FILENO);
  execve(prog, argv, environ);
  int e = errno;
  ssize_t ignored = write(report_fd, &e, sizeof e);
  (void)ignored;
  _exit(127);
}

/* Reads the child's stderr until EOF or the deadline. */
static void collect_stderr(int fd, double deadline, child_run *run) {
  size_t used = 0;
  for (;;) {
    double left = deadline - now_s();
    if (left <= 0) {
      run->timed_out = 1;
      return;
    }
    struct pollfd p = {.fd = fd, .events = POLLIN};
    int r = poll(&p, 1, (int)(left * 1000) + 1);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) continue; /* timeout: the loop re-checks the deadline */
    char buf[1024];
    ssize_t got = read(fd, buf, sizeof buf);
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return;
    size_t keep = (size_t)got;
    if (used + keep > SL_PLOT_STDERR_MAX) keep = SL_PLOT_STDERR_MAX - used;
    memcpy(run->stderr_text + used, buf, keep);
    used += keep;
    run->stderr_text[used] = '\0';
  }
}

/* Waits for the child until the deadline, then kills its process group and reaps it. */
static void reap(double deadline, child_run *run) {
  for (;;) {
    if (run->timed_out) {
      kill(-run->pid, SIGKILL);
      kill(run->pid, SIGKILL);
      while (waitpid(run->pid, &run->exit_status, 0) < 0 && errno == EINTR) continue;
      return;
    }
    pid_t r = waitpid(run->pid, &run->exit_status, WNOHANG);
    if (r == run->pid) return;
    if (r < 0 && errno != EINTR) return;
    if (r == 0 && now_s() >= deadline) {
      run->timed_out = 1;
      continue;
    }
    struct timespec step = {0, SL_PLOT_WAIT_STEP_NS};
    nanosleep(&step, NULL);
  }
}

/* Starts prog and runs it to completion or the time limit. Returns SL_OK with run filled
 * (exit status, stderr), or SL_ETOOL/SL_EIO when it could not be started. */
static int run_child(const char *prog, char *const argv[], double timeout_s, child_run *run,
                     sl_error *err) {
  int errpipe[2], report[2];
  if (pipe(errpipe) != 0) return sl_error_set(err, SL_EIO, NULL, 0, 0, "pipe: %s", sl_strerror_c(errno));
  if (pipe(report) != 0) {
    close(errpipe[0]);
    close(errpipe[1]);
    return sl_error_set(err, SL_EIO, NULL, 0, 0, "pipe: %s", sl_strerror_c(errno));
  }
  fcntl(errpipe[0], F_SETFD, FD_CLOEXEC);
  fcntl(report[0], F_SETFD, FD_CLOEXEC);
  fcntl(report[1], F_SETFD, FD_CLOEXEC);
  double deadline = now_s() + timeout_s;
  run->pid = fork();
  if (run->pid < 0) {
    close(errpipe[0]);
    close(errpipe[1]);
    close(report[0]);
    close(report[1]);
    return sl_error_set(err, SL_ETOOL, NULL, 0, 0, "cannot start gnuplot: %s", sl_strerror_c(errno));
  }
  if (run->pid == 0) child_exec(prog, argv, errpipe[1], report[1]);
  close(errpipe[1]);
  close(report[1]);
  int child_errno = 0;
  ssize_t got;
  do got = read(report[0], &child_errno, sizeof child_errno);
  while (got < 0 && errno == EINTR);
  close(report[0]);
  if (got == (ssize_t)sizeof child_errno) {
    close(errpipe[0]);
    waitpid(run->pid, &run->exit_status, 0);
    return sl_error_set(err, SL_ETOOL, NULL, 0, 0, "cannot run %s: %s (%s)", prog,
                        sl_strerror_c(child_errno), not_found_hint);
  }
  collect_stderr(errpipe[0], deadline, run);
  close(errpipe[0]);
  reap(deadline, run);
  return SL_OK;
}

/* Maps a finished run to a status and message. */
static int judge_run(const child_run *run, const char *prog, const char *script, double timeout_s,
                     sl_error *err) {
  char said[SL_PLOT_STDERR_QUOTE + 64];
  summarise_stderr(run->stderr_text, said, sizeof said);
  if (run->timed_out)
    return sl_error_set(err, SL_ETOOL, script, 0, 0, "gnuplot (%s) killed after %g s time limit%s%s",
                        prog, timeout_s, said[0] ? ": " : "", said);
  if (WIFSIGNALED(run->exit_status))
    return sl_error_set(err, SL_ETOOL, script, 0, 0, "gnuplot (%s) killed by signal %d%s%s", prog,
                        WTERMSIG(run->exit_status), said[0] ? ": " : "", said);
  if (!WIFEXITED(run->exit_status) || WEXITSTATUS(run->exit_status) != 0)
    return sl_error_set(err, SL_ETOOL, script, 0, 0, "gnuplot (%s) failed with exit status %d%s%s",
                        prog, WIFEXITED(run->exit_status) ? WEXITSTATUS(run->exit_status) : -1,
                        said[0] ? ": " : "", said);
  return SL_OK;
}

static int has_control_char(const char *s) {
  for (const unsigned char *p = (const unsigned char *)s; *p; p++)
    if (*p < 0x20 || *p == 0x7F) return 1;
  return 0;
}

/* Runs prog on script with sl_output set to tmp; renames tmp to output on success. */
static int render(const char *prog, const char *script, const char *output, const char *tmp,
                  double timeout_s, sl_error *err) {
  char *quoted = sl_plot_quote(tmp, 0);
  size_t len = quoted ? strlen(quoted) + 16 : 0;
  char *assign = quoted ? malloc(len) : NULL;
  child_run run = {.stderr_text = calloc(SL_PLOT_STDERR_MAX + 1, 1)};
  int st;
  if (!assign || !run.stderr_text) {
    st = sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  } else {
    snprintf(assign, len, "sl_output = %s", quoted);
    char *argv[] = {(char *)prog, "-e", assign, (char *)script, NULL};
    st = run_child(prog, argv, timeout_s, &run, err);
    if (!st) st = judge_run(&run, prog, script, timeout_s, err);
  }
  struct stat sb;
  if (!st && (stat(tmp, &sb) != 0 || sb.st_size == 0))
    st = sl_error_set(err, SL_ETOOL, script, 0, 0,
                      "gnuplot (%s) finished but wrote no chart (does the script set output "
                      "to sl_output?)",
                      prog);
  if (!st && rename(tmp, output) != 0)
    st = sl_error_set(err, SL_EIO, output, 0, 0, "cannot move the finished chart into place: %s",
                      sl_strerror_c(errno));
  free(quoted);
  free(assign);
  free(run.stderr_text);
  return st;
}

int sl_plot_run(const char *script_path, const char *output_path, const sl_plot_runner *runner,
                sl_error *err) {
  if (!script_path || !output_path || !*script_path || !*output_path)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "gnuplot: script and output paths required");
  if (has_control_char(output_path))
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0,
                        "chart file name contains a control character");
  const char *name = runner && runner->gnuplot && *runner->gnuplot ? runner->gnuplot : "gnuplot";
  double timeout_s = runner && runner->timeout_s > 0 ? runner->timeout_s : SL_PLOT_DEFAULT_TIMEOUT_S;
  if (access(script_path, R_OK) != 0)
    return sl_error_set(err, SL_EIO, script_path, 0, 0, "cannot read the chart script: %s",
                        sl_strerror_c(errno));
  char *prog = find_program(name);
  if (!prog)
    return sl_error_set(err, SL_ETOOL, NULL, 0, 0, "gnuplot not found: %s (looked for %s)",
                        not_found_hint, name);
  char *tmp = NULL;
  int st = make_temp(output_path, &tmp, err);
  if (st) {
    free(prog);
    return st;
  }
  st = render(prog, script_path, output_path, tmp, timeout_s, err);
  if (st) unlink(tmp);
  free(tmp);
  free(prog);
  return st;
}
