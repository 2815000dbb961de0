/* plot_svg.c - repairs a gnuplot 5.4 SVG bug before the chart is moved into place.
 *
 * gnuplot draws lines as <path> elements without a fill attribute and relies on an enclosing
 * <g fill="none"> group. After a filled polygon (the spiderplot radar), 5.4.4 writes the
 * outlines of the second and later polygons outside any such group, and browsers fill them
 * black. Every fill-less <path> after </defs> is a stroke-only line in gnuplot's output (filled
 * areas are <polygon fill=...> or carry their own fill), so giving each one fill='none' is what
 * gnuplot meant and changes nothing else. The point symbols in <defs> are left as they are. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "plot_internal.h"

/* Charts are a few MB at most (a scatter of every Big-5 player is ~1 MB); a larger file is
 * left alone rather than read into memory. */
#define SVG_REPAIR_MAX_BYTES ((long)64 << 20)

static const char svg_fill_none[] = " fill='none'";

static char *read_file(FILE *f, long *len) {
  if (fseek(f, 0, SEEK_END) != 0 || (*len = ftell(f)) < 0 || *len > SVG_REPAIR_MAX_BYTES ||
      fseek(f, 0, SEEK_SET) != 0)
    return NULL;
  char *text = malloc((size_t)*len + 1);
  if (text && fread(text, 1, (size_t)*len, f) != (size_t)*len) {
    free(text);
    return NULL;
  }
  if (text) text[*len] = '\0';
  return text;
}

/* 1 when the rest of the tag at p (just after "<path") names a fill attribute. */
static int tag_has_fill(const char *p) {
  size_t n = strcspn(p, ">");
  for (size_t i = 1; i + 4 <= n; i++)
    if (memcmp(p + i, "fill", 4) == 0 && (p[i - 1] == ' ' || p[i - 1] == '\t' || p[i - 1] == '\n'))
      return 1;
  return 0;
}

/* Writes text to f with fill='none' added to every fill-less <path after </defs>. */
static int write_repaired(FILE *f, const char *text, long len) {
  const char *defs_end = strstr(text, "</defs>");
  const char *p = defs_end ? defs_end : text, *done = text;
  while ((p = strstr(p, "<path")) != NULL) {
    p += strlen("<path");
    if (tag_has_fill(p)) continue;
    if (fwrite(done, 1, (size_t)(p - done), f) != (size_t)(p - done) ||
        fputs(svg_fill_none, f) == EOF)
      return -1;
    done = p;
  }
  size_t rest = (size_t)(text + len - done);
  return fwrite(done, 1, rest, f) == rest ? 0 : -1;
}

int sl_plot_internal_svg_repair(const char *path, sl_error *err) {
  FILE *f = fopen(path, "rb");
  long len = 0;
  char *text = f ? read_file(f, &len) : NULL;
  if (f) fclose(f);
  if (!text) return SL_OK; /* unreadable or too large: the chart is kept as gnuplot wrote it */
  int st = SL_OK;
  f = fopen(path, "wb");
  if (!f || write_repaired(f, text, len) != 0) st = SL_EIO;
  if (f && fclose(f) != 0) st = SL_EIO;
  free(text);
  if (st) return sl_error_set(err, SL_EIO, path, 0, 0, "cannot rewrite the SVG chart");
  return SL_OK;
}
