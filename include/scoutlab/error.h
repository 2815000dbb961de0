/* error.h - status codes and the error record every fallible scoutlab function fills.
 *
 * Every function that can fail returns an int status (SL_OK == 0) and, when given a
 * non-NULL sl_error, fills it with the code, a message a user can act on, and the
 * place in the input (file, line, column) where known. sl_error is a plain value:
 * the caller owns it (usually on the stack); nothing inside needs freeing.
 *
 *   sl_error err;
 *   if (sl_table_load(path, NULL, &t, &err)) fprintf(stderr, "%s\n", sl_error_text(&err, buf, sizeof buf));
 */
#ifndef SCOUTLAB_ERROR_H
#define SCOUTLAB_ERROR_H

#include <stddef.h>

#include "scoutlab/export.h"
SL_BEGIN_DECLS /* C linkage, exported; thread safety: see scoutlab/export.h */

typedef enum sl_status {
  SL_OK = 0,        /* success */
  SL_EINVAL = 1,    /* invalid argument or option (a caller mistake) */
  SL_EPARSE = 2,    /* input text is not of the expected form */
  SL_ENOMEM = 3,    /* out of memory */
  SL_EIO = 4,       /* a file cannot be opened, read or written */
  SL_ESING = 5,     /* matrix is singular / rank deficient beyond use */
  SL_ENOTFOUND = 6, /* a named column, player or club is not present */
  SL_ELIMIT = 7,    /* input exceeds a documented resource limit */
  SL_EENCODING = 8, /* text is not valid UTF-8 (or a known convertible encoding) */
  SL_EDATA = 9,     /* data unusable for the computation: too few rows, constant column, NaN */
  SL_ETOOL = 10,    /* an external tool (gnuplot, chromium) is missing or failed */
  SL_EVERSION = 11, /* a saved file has another version or other columns */
  SL_EAMBIG = 12,   /* a name matches several players (or clubs) equally well: the message lists
                       them and how to pick one ("Name (Club)"); a caller can ask the user */
  SL_EUNKNOWN = 13  /* a name of a league, position, profile, pool or club is not one scoutlab
                       knows; the message says "did you mean" when something is close */
} sl_status;

/* Bounded so that sl_error can live on the stack and be copied freely. */
#define SL_ERROR_MESSAGE_MAX 768
#define SL_ERROR_FILE_MAX 512
#define SL_ERROR_FIELD_MAX 32

typedef struct sl_error {
  sl_status code;
  char file[SL_ERROR_FILE_MAX];       /* input file, "" when not about a file */
  long line;                          /* 1-based line in file, 0 when unknown */
  long column;                        /* 1-based field (CSV) or character column, 0 when unknown */
  char message[SL_ERROR_MESSAGE_MAX]; /* what was found and what was expected */
  char field[SL_ERROR_FIELD_MAX];     /* machine-readable: the attribute or option value the
                                         error is about ("age", "position", "buyer_league",
                                         "season", "player"), "" when none; lets a front end
                                         say which of its own options would supply it */
} sl_error;

/** Sets err->field (if err is non-NULL) and returns code: `return sl_error_field(err, "age", st)`. */
int sl_error_field(sl_error *err, const char *field, int code);

/** Fills err (if non-NULL) and returns code, so callers can write `return sl_error_set(...)`.
 *  file may be NULL; line/column 0 mean unknown. */
int sl_error_set(sl_error *err, sl_status code, const char *file, long line, long column,
                 const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 6, 7)))
#endif
    ;

/** Resets err to SL_OK with empty fields. err may be NULL. */
void sl_error_clear(sl_error *err);

/** Short fixed description of a status ("parse error"). Static storage. */
const char *sl_strerror(int code);

/** Writes "file:line:column: message" (parts that are unknown left out) into buf and returns buf. */
const char *sl_error_text(const sl_error *err, char *buf, size_t size);

SL_END_DECLS

#endif
