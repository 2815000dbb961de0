/* output.c - write-to-temporary-then-rename; see include/scoutlab/output.h */
#include "scoutlab/output.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "runtime_internal.h"

/* Permissions of a finished output file: rw-r--r--, as a shell redirect gives under umask 022. */
#define SL_OUTPUT_MODE 0644
/* mkstemp's template suffix: six characters it replaces. */
#define SL_TEMP_SUFFIX ".partial-XXXXXX"

struct sl_output {
  char *path; /* destination */
  char *temp; /* temporary name beside it */
  FILE *f;
};

int sl_output_open(const char *path, sl_output **out, FILE **f, sl_error *err) {
  if (!path || !*path || !out || !f) return sl_error_set(err, SL_EINVAL, path, 0, 0, "no output file given");
  *out = NULL;
  *f = NULL;
  sl_output *o = calloc(1, sizeof *o);
  size_t n = strlen(path);
  if (o) o->path = malloc(n + 1);
  if (o) o->temp = malloc(n + sizeof SL_TEMP_SUFFIX);
  if (!o || !o->path || !o->temp) {
    if (o) free(o->path);
    if (o) free(o->temp);
    free(o);
    return sl_error_set(err, SL_ENOMEM, path, 0, 0, "out of memory");
  }
  memcpy(o->path, path, n + 1);
  memcpy(o->temp, path, n);
  memcpy(o->temp + n, SL_TEMP_SUFFIX, sizeof SL_TEMP_SUFFIX);
  int fd = mkstemp(o->temp);
  /* mkstemp makes the file private (0600); a report or chart is an ordinary file to share. */
  if (fd >= 0) fchmod(fd, SL_OUTPUT_MODE);
  if (fd < 0 || !(o->f = fdopen(fd, "wb"))) {
    int e = errno;
    if (fd >= 0) {
      close(fd);
      unlink(o->temp);
    }
    free(o->path);
    free(o->temp);
    free(o);
    return sl_error_set(err, SL_EIO, path, 0, 0, "cannot write: %s", sl_strerror_c(e));
  }
  *out = o;
  *f = o->f;
  return SL_OK;
}

static void release(sl_output *o) {
  free(o->path);
  free(o->temp);
  free(o);
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
