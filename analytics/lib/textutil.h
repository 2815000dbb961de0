/* textutil.h - private byte-level helpers shared by the loaders: trimming of ASCII spaces,
 * no-break spaces and stray line breaks, UTF-8 validation, Windows-1252 conversion; and the
 * stream form of the Markdown escaping (text.c). */
#ifndef SCOUTLAB_TEXTUTIL_H
#define SCOUTLAB_TEXTUTIL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "scoutlab/text.h"

/* Sets [*b, *e) to s without leading/trailing spaces, tabs, CR, LF, U+00A0, U+202F, U+FEFF. */
void sl_trim_span(const char *s, const char **b, const char **e);
/* Same on an existing span. */
void sl_trim_span_range(const char **b, const char **e);

/* Length of the valid UTF-8 sequence at p (1-4), 0 when invalid or truncated (n bytes left). */
size_t sl_utf8_seq_len(const unsigned char *p, size_t n);

/* Writes the UTF-8 form of Windows-1252 byte c into out (up to 3 bytes); returns length, 0 for the
 * five bytes Windows-1252 leaves undefined (0x81 0x8D 0x8F 0x90 0x9D). */
size_t sl_cp1252_to_utf8(unsigned char c, char out[3]);

/* "st", "nd", "rd" or "th" after n (1st, 22nd, 13th, 111th). */
const char *sl_ordinal_suffix(long n);

/* sl_text_markdown() (scoutlab/text.h) written straight to f, for documents of any length. */
void sl_text_markdown_write(FILE *f, const char *s, sl_text_md_context context);

#endif
