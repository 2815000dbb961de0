/* output.c - write-to-temporary-then-rename, and the same-file check; see include/scoutlab/output.h */
#define _XOPEN_SOURCE 700 /* realpath */
#include "scoutlab/output.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "runtime_internal.h"

/* Permissions asked for a new output: rw for everyone, as open(2) from a shell redirect asks;
 * the process umask then takes away what the user does not want (022 gives rw-r--r--). */
#define SL_OUTPUT_MODE 0666
/* A scratch file holds intermediate bytes nobody else needs to read. */
#define SL_SCRATCH_MODE 0600
/* Temporary names: destination + ".partial-" + 12 hex digits. */
#define SL_TEMP_TAG ".partial-"
#define SL_TEMP_DIGITS 12
/* Names tried before giving up: with 48 random bits a clash is already improbable. */
#define SL_TEMP_TRIES 64

struct sl_output {
  char *path; /* destination (a symlink resolved to its target) */
  char *temp; /* temporary name beside it */
  FILE *f;
};

/* 48 bits that differ between processes, calls and tries (pid, clock, address, counter on the
 * stack): only uniqueness matters, O_EXCL guarantees it, so no global state or entropy source. */
static uint64_t temp_bits(const void *salt, unsigned attempt) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  uint64_t h = 1469598103934665603ULL; /* FNV-1a over the inputs */
  uint64_t parts[] = {(uint64_t)getpid(), (uint64_t)ts.tv_sec, (uint64_t)ts.tv_nsec, (uint64_t)(uintptr_t)salt,
                      attempt};
  for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
    for (int b = 0; b < 8; b++) h = (h ^ ((parts[i] >> (8 * b)) & 0xFF)) * 1099511628211ULL;
  return h & ((UINT64_C(1) << 48) - 1);
}

/* Opens a new file named base + ".partial-XXXXXXXXXXXX" with O_EXCL; *name gets the name. */
static int open_unique(const char *base, mode_t mode, char **name) {
  size_t n = strlen(base), cap = n + sizeof SL_TEMP_TAG + SL_TEMP_DIGITS + 1;
  char *tmp = malloc(cap);
  if (!tmp) {
    errno = ENOMEM;
    return -1;
  }
  for (unsigned attempt = 0; attempt < SL_TEMP_TRIES; attempt++) {
    snprintf(tmp, cap, "%s%s%012llx", base, SL_TEMP_TAG, (unsigned long long)temp_bits(&tmp, attempt));
    int fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd >= 0) {
      *name = tmp;
      return fd;
    }
    if (errno != EEXIST) break;
  }
  int e = errno;
  free(tmp);
  errno = e;
  return -1;
}

/* The file to write: path itself, or the target of a symbolic link (so the link survives). */
static char *destination(const char *path) {
  struct stat sb;
  int is_link = lstat(path, &sb) == 0 && S_ISLNK(sb.st_mode);
  char *real = is_link ? realpath(path, NULL) : NULL;
  if (real) return real;
  char target[PATH_MAX];
  ssize_t tn = is_link ? readlink(path, target, sizeof target - 1) : -1;
  if (tn > 0) { /* a link to a file not there yet: its target, relative to the link's folder */
    target[tn] = '\0';
    const char *slash = strrchr(path, '/');
    int dirlen = target[0] != '/' && slash ? (int)(slash - path) + 1 : 0;
    size_t cap = (size_t)dirlen + (size_t)tn + 1;
    char *joined = malloc(cap);
    if (joined) snprintf(joined, cap, "%.*s%s", dirlen, path, target);
    return joined;
  }
  size_t n = strlen(path) + 1;
  char *copy = malloc(n);
  if (copy) memcpy(copy, path, n);
  return copy;
}

static void release(sl_output *o) {
  free(o->path);
  free(o->temp);
  free(o);
}

int sl_output_open(const char *path, sl_output **out, FILE **f, sl_error *err) {
  if (!path || !*path || !out || !f) return sl_error_set(err, SL_EINVAL, path, 0, 0, "no output file given");
  *out = NULL;
  *f = NULL;
  sl_output *o = calloc(1, sizeof *o);
  if (o) o->path = destination(path);
  if (!o || !o->path) {
    if (o) release(o);
    return sl_error_set(err, SL_ENOMEM, path, 0, 0, "out of memory");
  }
  int fd = open_unique(o->path, SL_OUTPUT_MODE, &o->temp);
  if (fd < 0 || !(o->f = fdopen(fd, "wb"))) {
    int e = errno;
    if (fd >= 0) {
      close(fd);
      unlink(o->temp);
    }
    release(o);
    return sl_error_set(err, SL_EIO, path, 0, 0, "cannot write: %s", sl_strerror_c(e));
  }
  *out = o;
  *f = o->f;
  return SL_OK;
}

int sl_output_commit(sl_output *o, sl_error *err) {
  if (!o) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "no output");
  int bad = fflush(o->f) != 0 || ferror(o->f);
  int e = errno;
  if (fclose(o->f) != 0 && !bad) {
    bad = 1;
    e = errno;
  }
  if (!bad && rename(o->temp, o->path) != 0) {
    bad = 1;
    e = errno;
  }
  if (bad) {
    unlink(o->temp);
    sl_error_set(err, SL_EIO, o->path, 0, 0, "cannot write: %s", sl_strerror_c(e));
    release(o);
    return SL_EIO;
  }
  release(o);
  return SL_OK;
}

void sl_output_abort(sl_output *o) {
  if (!o) return;
  fclose(o->f);
  unlink(o->temp);
  release(o);
}

int sl_output_write_file(const char *path, const char *data, size_t len, sl_error *err) {
  sl_output *o;
  FILE *f;
  int st = sl_output_open(path, &o, &f, err);
  if (st != SL_OK) return st;
  if (len && fwrite(data, 1, len, f) != len) {
    sl_output_abort(o);
    return sl_error_set(err, SL_EIO, path, 0, 0, "cannot write: %s", sl_strerror_c(errno));
  }
  return sl_output_commit(o, err);
}

int sl_output_scratch(const char *near, char **path, sl_error *err) {
  if (!near || !*near || !path) return sl_error_set(err, SL_EINVAL, near, 0, 0, "no scratch file place given");
  *path = NULL;
  int fd = open_unique(near, SL_SCRATCH_MODE, path);
  if (fd < 0) return sl_error_set(err, SL_EIO, near, 0, 0, "cannot create a scratch file beside it: %s", sl_strerror_c(errno));
  close(fd);
  return SL_OK;
}

/* ---- same-file check ---- */

typedef struct {
  int exists;
  dev_t dev;
  ino_t ino;
  char path[PATH_MAX + 1]; /* resolved directory + name when the file does not exist yet */
} file_id;

static void identify(const char *path, file_id *id) {
  struct stat sb;
  memset(id, 0, sizeof *id);
  if (stat(path, &sb) == 0) {
    id->exists = 1, id->dev = sb.st_dev, id->ino = sb.st_ino;
    return;
  }
  /* Not there yet: two spellings of one new file ("out/m.slm", "./out/../out/m.slm") still clash. */
  const char *slash = strrchr(path, '/');
  char dir[PATH_MAX], real[PATH_MAX];
  snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path) + (slash == path) : 1, slash ? path : ".");
  if (!realpath(dir, real)) snprintf(real, sizeof real, "%s", dir);
  snprintf(id->path, sizeof id->path, "%s/%s", real, slash ? slash + 1 : path);
}

static int same_file(const file_id *a, const file_id *b) {
  if (a->exists != b->exists) return 0;
  return a->exists ? a->dev == b->dev && a->ino == b->ino : strcmp(a->path, b->path) == 0;
}

int sl_output_same_file(const char *a, const char *b) {
  file_id ia, ib;
  identify(a, &ia), identify(b, &ib);
  return same_file(&ia, &ib);
}

static int usable(const char *p) { return p && *p && strcmp(p, "-") != 0; }

static int is_dir(const char *p) {
  struct stat sb;
  return stat(p, &sb) == 0 && S_ISDIR(sb.st_mode);
}

/* 1 when output (resolved as identify does for a new file) is a *.csv file below directory dir:
 * a file the loaders would read from that folder. */
static int csv_inside(const char *output, const char *dir) {
  size_t n = strlen(output);
  if (n < 4 || strcasecmp(output + n - 4, ".csv") != 0) return 0;
  char rd[PATH_MAX], ro[PATH_MAX];
  if (!realpath(dir, rd)) return 0;
  file_id id;
  identify(output, &id);
  if (id.exists ? !realpath(output, ro) : snprintf(ro, sizeof ro, "%s", id.path) >= (int)sizeof ro) return 0;
  size_t len = strlen(rd);
  return strncmp(ro, rd, len) == 0 && (ro[len] == '/' || (len == 1 && rd[0] == '/'));
}

int sl_output_check_ours(const char *path, const char *signature, sl_error *err) {
  struct stat sb;
  if (!path || stat(path, &sb) != 0) return SL_OK; /* nothing there: nothing to protect */
  if (!S_ISREG(sb.st_mode))
    return sl_error_set(err, SL_EINVAL, path, 0, 0, "exists and is not a regular file (%s): it is left as it is",
                        S_ISDIR(sb.st_mode) ? "a directory" : "a device or pipe");
  if (sb.st_size == 0) return SL_OK; /* nothing to lose (and what sl_output_scratch makes) */
  FILE *f = fopen(path, "rb");
  char buf[2 * SL_OUTPUT_SIGNATURE_WINDOW + 1];
  size_t got = 0;
  if (f) {
    got = fread(buf, 1, SL_OUTPUT_SIGNATURE_WINDOW, f);
    if (sb.st_size > 2 * SL_OUTPUT_SIGNATURE_WINDOW) fseek(f, -(long)SL_OUTPUT_SIGNATURE_WINDOW, SEEK_END);
    got += fread(buf + got, 1, sizeof buf - 1 - got, f);
    fclose(f);
  }
  buf[got] = '\0';
  size_t slen = strlen(signature);
  for (size_t i = 0; i + slen <= got; i++) /* memmem: the file may hold NUL bytes */
    if (memcmp(buf + i, signature, slen) == 0) return SL_OK;
  return sl_error_set(err, SL_EINVAL, path, 0, 0,
                      "exists and was not written by scoutlab: it is left as it is (remove it, or choose "
                      "another name)");
}

int sl_output_check_paths(const char *const *outputs, size_t nout, const char *const *inputs, size_t nin,
                          sl_error *err) {
  file_id a, b;
  for (size_t i = 0; i < nout; i++) {
    if (!usable(outputs[i])) continue;
    identify(outputs[i], &a);
    for (size_t j = 0; j < nin; j++) {
      if (!usable(inputs[j])) continue;
      if (is_dir(inputs[j]) && csv_inside(outputs[i], inputs[j]))
        return sl_error_set(err, SL_EINVAL, outputs[i], 0, 0,
                            "the output %s is inside the input folder %s, whose *.csv files are read: an output "
                            "never replaces an input",
                            outputs[i], inputs[j]);
      identify(inputs[j], &b);
      if (same_file(&a, &b))
        return sl_error_set(err, SL_EINVAL, outputs[i], 0, 0,
                            "the output %s is the same file as the input %s: an output never replaces an input",
                            outputs[i], inputs[j]);
    }
    for (size_t j = i + 1; j < nout; j++) {
      if (!usable(outputs[j])) continue;
      identify(outputs[j], &b);
      if (same_file(&a, &b))
        return sl_error_set(err, SL_EINVAL, outputs[i], 0, 0,
                            "the outputs %s and %s are the same file: each output needs its own name", outputs[i],
                            outputs[j]);
    }
  }
  return SL_OK;
}
int sl_output_make_dir(const char *path, sl_error *err) {
  if (!path || !*path) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "no directory given");
  char buf[4096];
  size_t n = strlen(path);
  if (n >= sizeof buf) return sl_error_set(err, SL_EINVAL, path, 0, 0, "path too long");
  memcpy(buf, path, n + 1);
  /* Like mkdir -p: each missing parent in turn, so "out/report" works on a fresh checkout. */
  for (size_t i = 1; i <= n; i++) {
    if (buf[i] != '/' && buf[i] != '\0') continue;
    char keep = buf[i];
    buf[i] = '\0';
    struct stat sb;
    if (stat(buf, &sb) == 0) {
      if (!S_ISDIR(sb.st_mode)) return sl_error_set(err, SL_EIO, buf, 0, 0, "exists and is not a directory");
    } else if (mkdir(buf, 0777) != 0) { /* rwx as umask allows: an ordinary output folder */
      return sl_error_set(err, SL_EIO, buf, 0, 0, "cannot create directory: %s", sl_strerror_c(errno));
    }
    buf[i] = keep;
  }
  return SL_OK;
}
