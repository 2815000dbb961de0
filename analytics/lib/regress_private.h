/* regress_private.h - pieces shared by regress*.c: the TSQR accumulator and the block reader.
 * Not a public header. */
#ifndef SCOUTLAB_REGRESS_PRIVATE_H
#define SCOUTLAB_REGRESS_PRIVATE_H

#include <stddef.h>
#include <stdio.h>

#include "scoutlab/output.h"
#include "scoutlab/regress.h"

/* The triangular factor R (m x m, column-major, upper) of every row absorbed so far. */
typedef struct sl_tsqr {
  size_t m;      /* columns: p of X plus y */
  size_t nb;     /* dtpqrt inner block size */
  double *r;     /* m x m */
  double *t;     /* nb x m, dtpqrt's reflector blocks (discarded) */
  double *work;  /* nb x m */
  size_t rows;   /* rows absorbed with positive weight */
  double y_first; /* the response of the first of them */
  int y_varies;   /* 1: some later one has another response */
} sl_tsqr;

int sl_tsqr_init(sl_tsqr *q, size_t m);
void sl_tsqr_release(sl_tsqr *q);
/* Folds `count` rows held column-major in b (leading dimension ldb, m columns) into R.
 * b is overwritten. */
int sl_tsqr_absorb(sl_tsqr *q, double *b, size_t ldb, size_t count, sl_error *err);

/* Column scaling of data whose squares leave the range of a double (regress.c): sets e[j] to
 * the power of two that brings the norm of column j of R (the norm of column j of the data) to
 * [0.5, 1) when that norm is outside [2^-128, 2^128], else 0; returns 1 when some e[j] != 0. */
int sl_tsqr_scale_exponents(const sl_tsqr *q, int *e);
/* Multiplies column j of R by 2^e[j] (exact): R of the data with column j scaled likewise. */
void sl_tsqr_scale(sl_tsqr *q, const int *e);

/* One block of rows read from a source, weights applied: column j of X at blk + j*ld, y at
 * blk + p*ld, already multiplied by sqrt(w). */
typedef struct sl_block_reader {
  const sl_rows *rows;
  size_t ld;      /* block capacity in rows */
  double *blk;    /* ld x (p+1) */
  double *w;      /* ld weights (1 when unweighted) */
  double *yraw;   /* ld responses before weighting */
  double *root_w; /* ld square roots of the weights, the scale of each row */
} sl_block_reader;

int sl_block_reader_init(sl_block_reader *b, const sl_rows *rows);
void sl_block_reader_release(sl_block_reader *b);
/* Reads rows [first, first+count) (count <= ld), checks they are finite and weights are >= 0,
 * scales each row by sqrt(w). Rows with w = 0 become zero rows. *positive counts w > 0. */
int sl_block_read(sl_block_reader *b, size_t first, size_t count, size_t *positive,
                  sl_error *err);

/* Validates a source (p >= 1, fill set, intercept column fits). */
int sl_rows_check(const sl_rows *rows, sl_error *err);

/* Solves the kept columns of f again by Householder QR in double-double arithmetic from the
 * rows (regress_dd.c): coef, cov_factor and rss are replaced, *ess gets the explained sum of
 * squares (about the mean with an intercept); f->n rows with w > 0 expected. */
int sl_ols_solve_dd(sl_ols_fit *f, const sl_rows *rows, const sl_ols_options *opt, double *ess,
                    sl_error *err);

/* Copies names (or makes x1..xp) into a new array of p strings. NULL on no memory. */
char **sl_regress_names_copy(const char *const *names, size_t p);
void sl_regress_names_free(char **names, size_t p);

/* Power-of-two factor 2^-e with |v| * factor in [0.5, 1): scaling by it is exact. 1 for 0. */
double sl_regress_pow2_scale(double v);

/* ---- saved models: the line-oriented text both formats share (regress_text.c) ---------- */

/* Writes v with %.17g (a load gives back the same double), NA for NAN, Inf/-Inf. */
void sl_model_put_number(FILE *f, double v);
/* "key value" on one line. */
void sl_model_put_field(FILE *f, const char *key, double v);
/* Opens path for writing through a temporary file (*o, *out; sl_output.h) and writes "magic
 * version" and a comment naming `what`, after checking the p column names (none empty or with a
 * line break). */
int sl_model_create(sl_output **o, FILE **out, const char *path, char *const *names, size_t p, const char *magic,
                    int version, const char *what, sl_error *err);
/* Writes the closing "end" line and renames the temporary over path; SL_EIO when anything failed
 * to write (the previous file at path is then left as it was). */
int sl_model_finish(sl_output *o, FILE *f, const char *path, sl_error *err);

/* A private NUL-terminated copy of a model file, read line by line. */
typedef struct sl_model_reader {
  const char *name;
  char *buf, *pos, *end; /* buf is owned: free() it when done */
  long line;
  sl_error *err;
} sl_model_reader;

/* Copies data (refusing oversized or binary input). SL_OK, or an error with r->buf NULL. */
int sl_model_reader_open(sl_model_reader *r, const char *name, const char *data, size_t len,
                         sl_error *err);
/* Next non-comment line, NUL-terminated in place (CR dropped), or NULL at the end. */
char *sl_model_next_line(sl_model_reader *r);
/* SL_EPARSE "damaged model file: what" at the current line. */
int sl_model_damaged(sl_model_reader *r, const char *what);
/* One token at *cursor: NA, Inf, -Inf or a finite strtod number using the whole token. */
int sl_model_parse_number(char **cursor, double *out);
/* One token that is a whole number in [0, max]. */
int sl_model_parse_count(char **cursor, size_t max, size_t *out);
/* The next line must be "key NUMBER" (or "key COUNT" in [0, max]). */
int sl_model_keyed(sl_model_reader *r, const char *key, double *out);
int sl_model_keyed_count(sl_model_reader *r, const char *key, size_t max, size_t *out);
/* The next line must start with "key ": *rest is what follows. */
int sl_model_line(sl_model_reader *r, const char *key, char **rest);
/* Replaces *name with a copy of s (a column name, at most SL_REGRESS_NAME_MAX bytes). */
int sl_model_set_name(sl_model_reader *r, const char *s, char **name);
/* The next line must be "end"; a file without it is truncated. */
int sl_model_read_end(sl_model_reader *r);
/* The first line must be "magic version": SL_EPARSE for another file, SL_EVERSION for another
 * version of this one. */
int sl_model_read_header(sl_model_reader *r, const char *magic, int version);
/* As sl_model_read_header() accepting versions lowest..version; *got_version says which. */
int sl_model_read_header_range(sl_model_reader *r, const char *magic, int lowest, int version,
                               int *got_version);
/* Reads a whole model file into a new buffer (*out, caller frees), refusing oversized files. */
int sl_model_read_file(const char *path, char **out, size_t *len, sl_error *err);

#endif
