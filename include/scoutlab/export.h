/* export.h - the lines every public scoutlab header opens and closes its declarations with.
 *
 * The library is compiled with -fvisibility=hidden: only what a public header declares
 * between SL_BEGIN_DECLS and SL_END_DECLS is exported from libscoutlab.so, so private
 * helpers (declared in analytics/lib/ *_internal.h) are not. The same pair gives C++
 * programs C linkage (extern "C"). Nothing here allocates.
 *
 *   #include "scoutlab/export.h"
 *   SL_BEGIN_DECLS
 *   int sl_thing_do(const sl_thing *t, sl_error *err);
 *   SL_END_DECLS
 *
 * Thread safety (the rule for every public header; a header says so where it differs):
 * the library keeps no mutable global state. Functions are reentrant; different objects may
 * be used from different threads at once; an object may be read (through const pointers)
 * from several threads at once but not changed by one thread while another uses it.
 * Functions that say they use threads (the CSV loader, large least-squares fits) start and
 * join them inside the call.
 *
 * Locale: numbers are parsed and written (model files, chart scripts, CSV cells, messages) in
 * the C locale whatever the host's setlocale() says, by switching only the calling thread's
 * locale (uselocale) around each conversion; the process locale is never changed.
 *
 * GSL: its default error handler calls abort(). The first scoutlab call that evaluates a GSL
 * distribution switches it off (gsl_set_error_handler_off) once per process, unless the host
 * has installed a handler of its own, which is then kept; scoutlab never changes it again and
 * checks the values GSL returns instead.
 */
#ifndef SCOUTLAB_EXPORT_H
#define SCOUTLAB_EXPORT_H

#if defined(__GNUC__) || defined(__clang__)
/* A declaration made under push(default) keeps default visibility in its definition too. */
#define SL_VISIBILITY_DEFAULT_BEGIN _Pragma("GCC visibility push(default)")
#define SL_VISIBILITY_DEFAULT_END _Pragma("GCC visibility pop")
#else
#define SL_VISIBILITY_DEFAULT_BEGIN
#define SL_VISIBILITY_DEFAULT_END
#endif

#ifdef __cplusplus
#define SL_BEGIN_DECLS extern "C" { SL_VISIBILITY_DEFAULT_BEGIN
#define SL_END_DECLS SL_VISIBILITY_DEFAULT_END }
#else
#define SL_BEGIN_DECLS SL_VISIBILITY_DEFAULT_BEGIN
#define SL_END_DECLS SL_VISIBILITY_DEFAULT_END
#endif

#endif
