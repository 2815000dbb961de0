/* error.c - see include/scoutlab/error.h */
#include "scoutlab/error.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "runtime_internal.h"

int sl_error_set(sl_error *err, sl_status code, const char *file, long line, long column,
                 const char *fmt, ...) {
  if (!err) return (int)code;
  err->code = code;
  err->field[0] = '\0';
  snprintf(err->file, sizeof err->file, "%s", file ? file : "");
  err->line = line;
  err->column = column;
  va_list ap;
  va_start(ap, fmt);
  /* Numbers in messages read the same whatever the host's locale. */
  sl_vsnprintf_c(err->message, sizeof err->message, fmt, ap);
  va_end(ap);
  return (int)code;
}

int sl_error_field(sl_error *err, const char *field, int code) {
  if (err) snprintf(err->field, sizeof err->field, "%s", field ? field : "");
  return code;
}

void sl_error_clear(sl_error *err) {
  if (!err) return;
  memset(err, 0, sizeof *err);
}

const char *sl_strerror(int code) {
  switch (code) {
  case SL_OK: return "success";
  case SL_EINVAL: return "invalid argument";
  case SL_EPARSE: return "parse error";
  case SL_ENOMEM: return "out of memory";
  case SL_EIO: return "input/output error";
  case SL_ESING: return "singular matrix";
  case SL_ENOTFOUND: return "not found";
  case SL_ELIMIT: return "resource limit exceeded";
  case SL_EENCODING: return "bad text encoding";
  case SL_EDATA: return "unusable data";
  case SL_ETOOL: return "external tool failed";
  case SL_EVERSION: return "version or column mismatch";
  case SL_EAMBIG: return "ambiguous name";
  case SL_EUNKNOWN: return "unknown name";
  default: return "unknown error";
  }
}

const char *sl_error_text(const sl_error *err, char *buf, size_t size) {
  if (!buf || size == 0) return buf;
  if (!err) {
    snprintf(buf, size, "no error");
    return buf;
  }
  char place[SL_ERROR_FILE_MAX + 48] = "";
  if (err->file[0] && err->line > 0 && err->column > 0)
    snprintf(place, sizeof place, "%s:%ld:%ld: ", err->file, err->line, err->column);
  else if (err->file[0] && err->line > 0)
    snprintf(place, sizeof place, "%s:%ld: ", err->file, err->line);
  else if (err->file[0])
    snprintf(place, sizeof place, "%s: ", err->file);
  snprintf(buf, size, "%s%s", place, err->message[0] ? err->message : sl_strerror(err->code));
  return buf;
}
