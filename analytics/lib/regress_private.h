/* regress_private.h - pieces shared by regress*.c: the TSQR accumulator and the block reader.
 * Not a public header. */
#ifndef SCOUTLAB_REGRESS_PRIVATE_H
#define SCOUTLAB_REGRESS_PRIVATE_H

#include <stddef.h>

#include "scoutlab/regress.h"

/* The triangular factor R (m x m, column-major, upper) of every row absorbed so far. */
typedef struct sl_tsqr {
  size_t m;      /* columns: p of X plus y */
  size_t nb;     /* dtpqrt inner block size */
  double *r;     /* m x m */
  double *t;     /* nb x m, dtpqrt's reflector blocks (discarded) */
  double *work;  /* nb x m */
  size_t rows;   /* rows absorbed with positive weight */
} sl_tsqr;

int sl_tsqr_init(sl_tsqr *q, size_t m);
void sl_tsqr_release(sl_tsqr *q);
/* Folds `count` rows held column-major in b (leading dimension ldb, m columns) into R.
 * b is overwritten. */
int sl_tsqr_absorb(sl_tsqr *q, double *b, size_t ldb, size_t count, sl_error *err);

/* One block of rows read from a source, weights applied: column j of X at blk + j*ld, y at
 * blk + p*ld, already multiplied by sqrt(w). */
typedef struct sl_block_reader {
  const sl_rows *rows;
  size_t ld;      /* block capacity in rows */
  double *blk;    /* ld x (p+1) */
  double *w;      /* ld weights (1 when unweighted) */
  double *yraw;   /* ld responses before weighting */
} sl_block_reader;

int sl_block_reader_init(sl_block_reader *b, const sl_rows *rows);
void sl_block_reader_release(sl_block_reader *b);
/* Reads rows [first, first+count) (count <= ld), checks they are finite and weights are >= 0,
 * scales each row by sqrt(w). Rows with w = 0 become zero rows. *positive counts w > 0. */
int sl_block_read(sl_block_reader *b, size_t first, size_t count, size_t *positive,
                  sl_error *err);

/* Validates a source (p >= 1, fill set, intercept column fits). */
int sl_rows_check(const sl_rows *rows, sl_error *err);

/* Copies names (or makes x1..xp) into a new array of p strings. NULL on no memory. */
char **sl_regress_names_copy(const char *const *names, size_t p);
void sl_regress_names_free(char **names, size_t p);

/* Power-of-two factor 2^-e with |v| * factor in [0.5, 1): scaling by it is exact. 1 for 0. */
double sl_regress_pow2_scale(double v);

#endif
