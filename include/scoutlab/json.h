/* json.h - JSON text out, written one way by the CLI and the library's documents (a valuation
 * as `scoutlab value --format json` prints it, sl_workspace_answer_json): strings escaped (the
 * quote, the backslash and every control character), numbers at round-trip precision in the C
 * locale whatever the host's setlocale(), null for NaN and infinities, and the "schema" member
 * every top-level object starts with (docs/json.md).
 *
 * Writes to the caller's stream; no state, no allocation; thread-safe. */
#ifndef SCOUTLAB_JSON_H
#define SCOUTLAB_JSON_H

#include <stdio.h>

#include "scoutlab/export.h"
SL_BEGIN_DECLS /* C linkage, exported; thread safety: see scoutlab/export.h */

/** The version of every JSON document's layout; a key removed or changed in meaning raises it. */
#define SL_JSON_VERSION 1

/** A JSON string ("" for NULL). */
void sl_json_string(FILE *f, const char *s);
/** A JSON string, or null when s is NULL. */
void sl_json_text_or_null(FILE *f, const char *s);
/** A number with 17 significant digits (every double reads back the same), null when not finite. */
void sl_json_number(FILE *f, double v);
/** The first member of a top-level object and its comma: "schema": {"tool": "scoutlab CMD",
 *  "version": SL_JSON_VERSION, "money": "EUR"}, (every amount in euros). */
void sl_json_schema(FILE *f, const char *cmd);

SL_END_DECLS

#endif
