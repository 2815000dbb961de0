/* runtime_internal.h - private helpers that keep the library independent of process-wide
 * state: numbers read and written in the C locale whatever the host program's setlocale()
 * says, and GSL's abort-on-error handler switched off once (not on every fit). */
#ifndef SCOUTLAB_RUNTIME_INTERNAL_H
#define SCOUTLAB_RUNTIME_INTERNAL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#include "scoutlab/error.h"

#if defined(__GNUC__)
#define SL_PRINTF_LIKE(fmt, args) __attribute__((format(printf, fmt, args)))
#else
#define SL_PRINTF_LIKE(fmt, args)
#endif

/* strtod in the C locale: '.' is the decimal point even inside a de_DE host. */
double sl_strtod_c(const char *s, char **end);
/* snprintf / fprintf in the C locale (for model files, chart scripts, CSV cells, labels). */
int sl_snprintf_c(char *buf, size_t size, const char *fmt, ...) SL_PRINTF_LIKE(3, 4);
int sl_fprintf_c(FILE *f, const char *fmt, ...) SL_PRINTF_LIKE(2, 3);
int sl_vsnprintf_c(char *buf, size_t size, const char *fmt, va_list ap);
/* strerror in the C locale: messages stay in one language inside a host with LC_MESSAGES=de_DE.
 * Static storage (the C locale's message table). */
const char *sl_strerror_c(int errnum);

/* Call before any GSL function that may report an error. The first call in the process
 * switches GSL's default handler (which calls abort()) off, unless the host installed a
 * handler of its own, which is kept; later calls do nothing. The GSL routines scoutlab uses
 * then return NaN or a status, which the callers check. */
void sl_gsl_quiet(void);

/* Call before LAPACK/BLAS work that `callers` threads do at once (runtime_blas.c). Under an
 * address-space limit (RLIMIT_AS) it checks that OpenBLAS's work buffers (128 MiB each) can be
 * mapped, since OpenBLAS spins for ever when they cannot; SL_ENOMEM with a message saying so,
 * else SL_OK. Once it passed for n callers it returns SL_OK at once for up to n. err may be NULL. */
int sl_blas_room(size_t callers, sl_error *err);

#endif
