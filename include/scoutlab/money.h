/* money.h - amounts of money written for people, one way everywhere: "€12,345,678" in tables
 * and "€18.2m" / "€750k" / "€25m" in prose and on charts.
 *
 * Pure functions on caller buffers; thread-safe. Not finite amounts are written "n/a".
 *
 *   char buf[SL_MONEY_TEXT_MAX]; sl_money_text(18.2e6, buf, sizeof buf);   // "€18,200,000"
 *   sl_money_short(18.2e6, buf, sizeof buf);                              // "€18.2m"
 */
#ifndef SCOUTLAB_MONEY_H
#define SCOUTLAB_MONEY_H

#include <stddef.h>

#include "scoutlab/export.h"
SL_BEGIN_DECLS /* C linkage, exported; thread safety: see scoutlab/export.h */

/* Enough for "-€999,999,999,999,999" and more. */
#define SL_MONEY_TEXT_MAX 48

/** EUR in full with thousands separators ("€12,345,678", "-€5,000"). Returns buf. */
const char *sl_money_text(double eur, char *buf, size_t size);

/** EUR for prose: whole millions "€25m", else "€18.2m" from a million up, "€750k" below, and
 *  "€400" under a thousand. Returns buf. */
const char *sl_money_short(double eur, char *buf, size_t size);

SL_END_DECLS

#endif
