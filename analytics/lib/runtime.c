/* runtime.c - C-locale number I/O and the one-time GSL error-handler setting; see runtime_internal.h.
 *
 * Locale: the thread's locale is switched to "C" with uselocale() around each call and put
 * back after it, so the host's setlocale() (process-wide) and other threads are untouched.
 * newlocale(LC_ALL_MASK, "C", 0) does not allocate in glibc or musl (they return their
 * built-in C locale object), so doing it per call costs a few nanoseconds. */
#include "runtime_internal.h"

#include <gsl/gsl_errno.h>
#include <locale.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
  locale_t c;   /* the C locale, or (locale_t)0 when it could not be made */
  locale_t old; /* the thread's locale before */
} c_locale_scope;

static void scope_enter(c_locale_scope *s) {
  s->c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
  s->old = s->c ? uselocale(s->c) : (locale_t)0;
}

static void scope_leave(c_locale_scope *s) {
  if (!s->c) return;
  uselocale(s->old);
  freelocale(s->c);
}

double sl_strtod_c(const char *s, char **end) {
  c_locale_scope sc;
  scope_enter(&sc);
  double v = strtod(s, end);
  scope_leave(&sc);
  return v;
}

int sl_snprintf_c(char *buf, size_t size, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = sl_vsnprintf_c(buf, size, fmt, ap);
  va_end(ap);
  return n;
}

int sl_vsnprintf_c(char *buf, size_t size, const char *fmt, va_list ap) {
  c_locale_scope sc;
  scope_enter(&sc);
  int n = vsnprintf(buf, size, fmt, ap);
  scope_leave(&sc);
  return n;
}

int sl_fprintf_c(FILE *f, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  c_locale_scope sc;
  scope_enter(&sc);
  int n = vfprintf(f, fmt, ap);
  scope_leave(&sc);
  va_end(ap);
  return n;
}

const char *sl_strerror_c(int errnum) {
  locale_t c = newlocale(LC_ALL_MASK, "C", (locale_t)0);
  if (!c) return strerror(errnum);
  /* The C locale object is never really freed (glibc, musl), so its message stays valid. */
  const char *s = strerror_l(errnum, c);
  freelocale(c);
  return s;
}

static void gsl_quiet_once(void) {
  gsl_error_handler_t *host = gsl_set_error_handler_off();
  /* NULL was GSL's default (abort); anything else is the host's own choice: keep it. */
  if (host) gsl_set_error_handler(host);
}

void sl_gsl_quiet(void) {
  static pthread_once_t once = PTHREAD_ONCE_INIT;
  pthread_once(&once, gsl_quiet_once);
}
