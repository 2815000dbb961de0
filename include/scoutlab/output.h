/* output.h - files written whole or not at all, and never over an input. A report, chart script
 * or model is written to a temporary file beside its destination (a unique name, created with
 * O_EXCL and the umask's permissions, as a shell redirect would) and renamed over it only when
 * complete, so an interrupted run never leaves a half-written file under the name the user asked
 * for. A destination that is a symbolic link is written where the link points (the link stays).
 * sl_output_check_paths refuses, before anything is written, an output that is the same file as
 * an input, a template or another output of the run (device and inode, through symlinks).
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

#include <stddef.h>
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

/** Refuses outputs that would replace a file the run reads or writes twice: each of outputs[0..nout)
 *  against each of inputs[0..nin) (data files, templates, models read) and against the other
 *  outputs. An input that is a directory stands for the *.csv files anywhere below it (what the
 *  loaders read from a folder): an output named *.csv inside it is refused. Same file = same device and inode when both exist (symlinks and hard links followed),
 *  else the same resolved directory and name. "-" (standard input or output) and NULL entries are
 *  skipped. Returns SL_OK, or SL_EINVAL with a message naming both paths (err->file = the output). */
int sl_output_check_paths(const char *const *outputs, size_t nout, const char *const *inputs, size_t nin,
                          sl_error *err);

/** Refuses to replace a file scoutlab did not write: SL_OK when path does not exist, is empty,
 *  or is a regular file holding `signature` (the mark its scoutlab writer puts in every such file) in its
 *  first or last SL_OUTPUT_SIGNATURE_WINDOW bytes; SL_EINVAL naming the file otherwise (a
 *  directory, a device, or a file of the user's). */
int sl_output_check_ours(const char *path, const char *signature, sl_error *err);

/* How far from either end of an existing file its writer's signature is looked for. */
#define SL_OUTPUT_SIGNATURE_WINDOW 4096

/** 1 when paths a and b name the same file by sl_output_check_paths' rule (device and inode
 *  when both exist, else the same resolved directory and name), else 0. */
int sl_output_same_file(const char *a, const char *b);

/** Creates an empty scratch file with a unique name beside `near` (private, 0600) and sets *path to
 *  its name (the caller removes the file and frees *path with free()). For a temporary that
 *  another writer fills by name, such as a model's own format embedded in a larger file. */
int sl_output_scratch(const char *near, char **path, sl_error *err);

/** Creates directory path and its missing parents (mkdir -p); SL_EIO when a part is a file. */
int sl_output_make_dir(const char *path, sl_error *err);

SL_END_DECLS

#endif
