/* output.h - files written whole or not at all. A report, chart script or model is written to a
 * temporary file beside its destination and renamed over it only when complete, so an
 * interrupted run never leaves a half-written file under the name the user asked for.
 *
 * The sl_output owns the temporary file until sl_output_commit() or sl_output_abort(), each of
 * which frees it; the FILE* it hands out is borrowed and must not be closed by the caller.
 *
 *   sl_output *o; FILE *f;
 *   if (sl_output_open("out/report.html", &o, &f, &err) == SL_OK) {
 *     fputs(html, f); st = sl_output_commit(o, &err); }
 */
#ifndef SCOUTLAB_OUTPUT_H
#define SCOUTLAB_OUTPUT_H

#include <stdio.h>

#include "scoutlab/error.h"

#include "scoutlab/export.h"
SL_BEGIN_DECLS /* C linkage, exported; thread safety: see scoutlab/export.h */

typedef struct sl_output sl_output;

/** Creates a temporary file in path's directory. Returns SL_OK, sets *out and *f (borrowed). */
int sl_output_open(const char *path, sl_output **out, FILE **f, sl_error *err);

/** Flushes, closes and renames the temporary file to the destination; frees o. On a write
 *  error (disk full) removes the temporary file and returns SL_EIO. */
int sl_output_commit(sl_output *o, sl_error *err);

/** Closes and removes the temporary file; frees o. NULL does nothing. */
void sl_output_abort(sl_output *o);

/** Writes len bytes to path through a temporary file (sl_output_open + commit). */
int sl_output_write_file(const char *path, const char *data, size_t len, sl_error *err);

/** Creates directory path and its missing parents (mkdir -p); SL_EIO when a part is a file. */
int sl_output_make_dir(const char *path, sl_error *err);

SL_END_DECLS

#endif
