/* datadir.c - the search for bundled data files; see include/scoutlab/datadir.h. */
#define _GNU_SOURCE /* dladdr */
#include "scoutlab/datadir.h"

#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Set by CMake from GNUInstallDirs: the installed data directory relative to the library's and
 * the executable's directory, and the trees this copy was built from and in. */
#ifndef SL_DATA_FROM_LIBDIR
#define SL_DATA_FROM_LIBDIR "../share/scoutlab"
#endif
#ifndef SL_DATA_FROM_BINDIR
#define SL_DATA_FROM_BINDIR "../share/scoutlab"
#endif
#ifndef SL_BUILD_TREE
#define SL_BUILD_TREE ""
#endif
#ifndef SL_SOURCE_TREE
#define SL_SOURCE_TREE ""
#endif

/* Places looked in, for the message when nothing is found. */
#define SL_DATA_MAX_CANDIDATES 6

typedef struct {
  char path[SL_DATA_MAX_CANDIDATES][SL_DATA_PATH_MAX];
  size_t n;
} candidates;

/* Directory part of an absolute path, resolved (symlinks, "..") into out; 0 when unusable. */
static int dir_of(const char *file, char out[SL_DATA_PATH_MAX]) {
  char real[PATH_MAX];
  if (!file || file[0] != '/' || !realpath(file, real)) return 0;
  char *slash = strrchr(real, '/');
  if (!slash) return 0;
  *slash = '\0';
  snprintf(out, SL_DATA_PATH_MAX, "%s", real[0] ? real : "/");
  return 1;
}

static int library_dir(char out[SL_DATA_PATH_MAX]) {
  Dl_info info;
  /* Any function of this library names the file it was loaded from (or the executable when linked statically). */
  if (!dladdr((void *)(size_t)&sl_data_file, &info)) return 0;
  return dir_of(info.dli_fname, out);
}

static int executable_dir(char out[SL_DATA_PATH_MAX]) {
  char exe[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n <= 0) return 0;
  exe[n] = '\0';
  return dir_of(exe, out);
}

static void add(candidates *c, const char *dir, const char *rel, const char *name) {
  if (c->n >= SL_DATA_MAX_CANDIDATES) return;
  int w = rel && *rel ? snprintf(c->path[c->n], SL_DATA_PATH_MAX, "%s/%s/%s", dir, rel, name)
                      : snprintf(c->path[c->n], SL_DATA_PATH_MAX, "%s/%s", dir, name);
  if (w > 0 && w < SL_DATA_PATH_MAX) c->n++;
}

static int inside(const char *dir, const char *tree) {
  size_t n = strlen(tree);
  return n && strncmp(dir, tree, n) == 0 && (dir[n] == '/' || dir[n] == '\0');
}

static void collect(const char *name, candidates *c) {
  char lib[SL_DATA_PATH_MAX], exe[SL_DATA_PATH_MAX];
  int has_lib = library_dir(lib), has_exe = executable_dir(exe);
  if (has_lib) add(c, lib, SL_DATA_FROM_LIBDIR, name);
  if (has_exe && !(has_lib && strcmp(lib, exe) == 0 && strcmp(SL_DATA_FROM_LIBDIR, SL_DATA_FROM_BINDIR) == 0))
    add(c, exe, SL_DATA_FROM_BINDIR, name);
  if ((has_lib && inside(lib, SL_BUILD_TREE)) || (has_exe && inside(exe, SL_BUILD_TREE))) {
    add(c, SL_SOURCE_TREE, "datasets", name);
    add(c, SL_SOURCE_TREE, NULL, name);
  }
}

static int found(const char *path, char *buf, size_t size, sl_error *err) {
  if (strlen(path) >= size)
    return sl_error_set(err, SL_ELIMIT, path, 0, 0, "data path longer than the %zu bytes given", size);
  memcpy(buf, path, strlen(path) + 1);
  return SL_OK;
}

static int from_env(const char *var, const char *dir, const char *name, char *buf, size_t size, sl_error *err) {
  char path[SL_DATA_PATH_MAX];
  int w = name ? snprintf(path, sizeof path, "%s/%s", dir, name) : snprintf(path, sizeof path, "%s", dir);
  if (w < 0 || w >= (int)sizeof path) return sl_error_set(err, SL_ELIMIT, NULL, 0, 0, "$%s is too long", var);
  if (access(path, R_OK) != 0)
    return sl_error_set(err, SL_ENOTFOUND, path, 0, 0, "bundled data %s not found in $%s (%s)", name ? name : "directory",
                        var, dir);
  return found(path, buf, size, err);
}

int sl_data_file(const char *name, char *buf, size_t size, sl_error *err) {
  if (!name || !*name || !buf || !size) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "data file: no name or buffer");
  const char *env = getenv("SCOUTLAB_DATADIR");
  if (env && *env) return from_env("SCOUTLAB_DATADIR", env, name, buf, size, err);
  candidates c = {.n = 0};
  collect(name, &c);
  for (size_t i = 0; i < c.n; i++)
    if (access(c.path[i], R_OK) == 0) return found(c.path[i], buf, size, err);
  char looked[SL_ERROR_MESSAGE_MAX / 2] = "";
  for (size_t i = 0, at = 0; i < c.n && at < sizeof looked; i++) {
    int w = snprintf(looked + at, sizeof looked - at, "%s%s", i ? ", " : "", c.path[i]);
    if (w < 0) break;
    at += (size_t)w;
  }
  return sl_error_set(err, SL_ENOTFOUND, NULL, 0, 0,
                      "bundled data file %s not found (looked in: %s); set SCOUTLAB_DATADIR to the directory "
                      "that holds it (installed as share/scoutlab)",
                      name, c.n ? looked : "nowhere: no library or executable path");
}

int sl_data_plot_dir(char *buf, size_t size, sl_error *err) {
  if (!buf || !size) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "plot directory: no buffer");
  const char *env = getenv("SCOUTLAB_PLOTDIR");
  if (env && *env) return from_env("SCOUTLAB_PLOTDIR", env, NULL, buf, size, err);
  return sl_data_file("plots", buf, size, err);
}
