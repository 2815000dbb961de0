/* doc.h - a small document model for reports: headings, paragraphs, a verdict callout, tables
 * and figures, rendered to self-contained HTML (inline CSS) and to Markdown from the same
 * blocks, so the two formats always say the same thing.
 *
 * All text handed in is plain UTF-8 (untrusted names included): the renderers escape it for
 * HTML and Markdown. The document copies every string; the caller keeps ownership of its own.
 * sl_doc_new() returns a document the caller frees with sl_doc_free().
 *
 *   sl_doc *d = sl_doc_new("Leonardo Balerdi: is €25m realistic?");
 *   sl_doc_paragraph(d, "The model's fair fee is €18.2m.");
 *   sl_doc_write_html(d, f, &err);
 */
#ifndef SCOUTLAB_DOC_H
#define SCOUTLAB_DOC_H

#include <stddef.h>
#include <stdio.h>

#include "scoutlab/error.h"

#include "scoutlab/export.h"
SL_BEGIN_DECLS /* C linkage, exported; thread safety: see scoutlab/export.h */

typedef struct sl_doc sl_doc;

typedef enum sl_callout_kind {
  SL_CALLOUT_NEUTRAL = 0, /* information */
  SL_CALLOUT_GOOD,        /* e.g. a bid inside the fair range */
  SL_CALLOUT_WARN,        /* e.g. an asking price above the range */
  SL_CALLOUT_BAD          /* e.g. far above anything comparable */
} sl_callout_kind;

/** A new empty document with a title and an optional subtitle (NULL). NULL when out of memory. */
sl_doc *sl_doc_new(const char *title, const char *subtitle);

/** Replaces the title and subtitle (subtitle may be NULL). */
int sl_doc_set_title(sl_doc *d, const char *title, const char *subtitle);

/** Frees the document; NULL does nothing. */
void sl_doc_free(sl_doc *d);

/** Appends a section heading (level 1 or 2). */
int sl_doc_heading(sl_doc *d, int level, const char *text);

/** Appends a paragraph of plain text. */
int sl_doc_paragraph(sl_doc *d, const char *text);

/** Appends a highlighted box with a headline figure and a sentence. */
int sl_doc_callout(sl_doc *d, sl_callout_kind kind, const char *headline, const char *text);

/** Appends a table: header has ncols entries, cells has nrows*ncols (row-major; NULL cells
 *  print empty), align is one of 'l', 'r', 'c' per column (NULL = all left). caption may be NULL. */
int sl_doc_table(sl_doc *d, const char *caption, size_t ncols, const char *const *header,
                 const char *const *cells, size_t nrows, const char *align);

/** Appends a figure referring to an image file relative to the document (e.g. "charts/radar.png"). */
int sl_doc_figure(sl_doc *d, const char *src, const char *alt, const char *caption);

/** Appends a bulleted list of n plain-text items. */
int sl_doc_list(sl_doc *d, const char *const *items, size_t n);

/** Renders the whole document as one HTML page with inline CSS. */
int sl_doc_write_html(const sl_doc *d, FILE *f, sl_error *err);

/** Renders the document as GitHub-flavoured Markdown. */
int sl_doc_write_markdown(const sl_doc *d, FILE *f, sl_error *err);

SL_END_DECLS

#endif
