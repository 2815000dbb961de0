/* test_plot_util.h - helpers shared by the plot tests that run gnuplot: a scratch directory,
 * file signatures and the PNG size from its IHDR chunk (PNG spec, section 11.2.2: width and
 * height are the big-endian 32-bit integers at bytes 16-23 of the file). */
#ifndef SCOUTLAB_TEST_PLOT_UTIL_H
#define SCOUTLAB_TEST_PLOT_UTIL_H

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Makes a fresh directory under /tmp; returns a static path or NULL. */
static inline const char *scratch_dir(void) {
  static char dir[] = "/tmp/sl_plot_test_XXXXXX";
  return mkdtemp(dir);
}

/* Removes the files of a flat scratch directory, then the directory. */
static inline void remove_dir(const char *dir) {
  DIR *d = opendir(dir);
  if (!d) return;
  struct dirent *e;
  char path[1024];
  while ((e = readdir(d)) != NULL) {
    if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, "..")) continue;
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    unlink(path);
  }
  closedir(d);
  rmdir(dir);
}

/* Number of entries of dir whose name contains `part`. */
static inline int count_entries(const char *dir, const char *part) {
  DIR *d = opendir(dir);
  if (!d) return -1;
  int n = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL)
    if (strstr(e->d_name, part)) n++;
  closedir(d);
  return n;
}

static inline int file_exists(const char *path) { return access(path, F_OK) == 0; }

/* Reads up to size-1 bytes of path into buf (NUL-terminated); returns bytes read or -1. */
static inline long read_head(const char *path, unsigned char *buf, size_t size) {
  FILE *f = fopen(path, "rb");
  if (!f) return -1;
  size_t got = fread(buf, 1, size - 1, f);
  buf[got] = '\0';
  fclose(f);
  return (long)got;
}

/* Whole file as a NUL-terminated string, or NULL; caller frees. */
static inline char *read_all(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long len = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = malloc((size_t)len + 1);
  if (buf && fread(buf, 1, (size_t)len, f) != (size_t)len) {
    free(buf);
    buf = NULL;
  }
  if (buf) buf[len] = '\0';
  fclose(f);
  return buf;
}

/* Width and height from a PNG's IHDR; 0 on success, -1 if not a PNG. */
static inline int png_size(const char *path, unsigned long *w, unsigned long *h) {
  static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
  unsigned char b[32];
  if (read_head(path, b, sizeof b) < 24 || memcmp(b, sig, 8) || memcmp(b + 12, "IHDR", 4))
    return -1;
  *w = (unsigned long)b[16] << 24 | (unsigned long)b[17] << 16 | (unsigned long)b[18] << 8 | b[19];
  *h = (unsigned long)b[20] << 24 | (unsigned long)b[21] << 16 | (unsigned long)b[22] << 8 | b[23];
  return 0;
}

#endif
