/* doc.c - report documents rendered to HTML and Markdown; see include/scoutlab/doc.h */
#include "scoutlab/doc.h"
#include "scoutlab/text.h"
#include "textutil.h"

#include <stdlib.h>
#include <string.h>

typedef enum { BLOCK_HEADING, BLOCK_PARAGRAPH, BLOCK_CALLOUT, BLOCK_TABLE, BLOCK_FIGURE, BLOCK_LIST } block_type;

typedef struct {
  block_type type;
  int level;            /* heading level, callout kind */
  char *a, *b, *c;      /* heading/paragraph text; callout headline+text; figure src+alt+caption; table caption */
  size_t ncols, nrows;  /* table shape; list length in nrows */
  char **cells;         /* table header (ncols) then body (nrows*ncols); list items */
  char *align;
} block;

struct sl_doc {
  char *title, *subtitle;
  block *blocks;
  size_t n, cap;
};

static char *dup(const char *s) {
  if (!s) return NULL;
  size_t n = strlen(s) + 1;
  char *p = malloc(n);
  if (p) memcpy(p, s, n);
  return p;
}

sl_doc *sl_doc_new(const char *title, const char *subtitle) {
  sl_doc *d = calloc(1, sizeof *d);
  if (!d) return NULL;
  d->title = dup(title ? title : "");
  d->subtitle = dup(subtitle);
  if (!d->title || (subtitle && !d->subtitle)) {
    sl_doc_free(d);
    return NULL;
  }
  return d;
}

int sl_doc_set_title(sl_doc *d, const char *title, const char *subtitle) {
  if (!d) return SL_EINVAL;
  char *t = dup(title ? title : ""), *s = dup(subtitle);
  if (!t || (subtitle && !s)) {
    free(t);
    free(s);
    return SL_ENOMEM;
  }
  free(d->title);
  free(d->subtitle);
  d->title = t;
  d->subtitle = s;
  return SL_OK;
}

static void free_block(block *b) {
  free(b->a);
  free(b->b);
  free(b->c);
  free(b->align);
  size_t ncells = b->type == BLOCK_TABLE ? b->ncols * (b->nrows + 1) : b->type == BLOCK_LIST ? b->nrows : 0;
  for (size_t i = 0; b->cells && i < ncells; i++) free(b->cells[i]);
  free(b->cells);
}

void sl_doc_free(sl_doc *d) {
  if (!d) return;
  for (size_t i = 0; i < d->n; i++) free_block(&d->blocks[i]);
  free(d->blocks);
  free(d->title);
  free(d->subtitle);
  free(d);
}

static block *push(sl_doc *d, block_type type) {
  if (!d) return NULL;
  if (d->n == d->cap) {
    size_t cap = d->cap ? d->cap * 2 : 16;
    block *b = realloc(d->blocks, cap * sizeof *b);
    if (!b) return NULL;
    d->blocks = b;
    d->cap = cap;
  }
  block *b = &d->blocks[d->n++];
  memset(b, 0, sizeof *b);
  b->type = type;
  return b;
}

/* Drops the last block after a failed copy so the document stays consistent. */
static int failed(sl_doc *d) {
  free_block(&d->blocks[--d->n]);
  return SL_ENOMEM;
}

int sl_doc_heading(sl_doc *d, int level, const char *text) {
  block *b = push(d, BLOCK_HEADING);
  if (!b) return SL_ENOMEM;
  b->level = level < 1 ? 1 : level > 2 ? 2 : level;
  return (b->a = dup(text ? text : "")) ? SL_OK : failed(d);
}

int sl_doc_paragraph(sl_doc *d, const char *text) {
  block *b = push(d, BLOCK_PARAGRAPH);
  if (!b) return SL_ENOMEM;
  return (b->a = dup(text ? text : "")) ? SL_OK : failed(d);
}

int sl_doc_callout(sl_doc *d, sl_callout_kind kind, const char *headline, const char *text) {
  block *b = push(d, BLOCK_CALLOUT);
  if (!b) return SL_ENOMEM;
  b->level = (int)kind;
  b->a = dup(headline ? headline : "");
  b->b = dup(text ? text : "");
  return b->a && b->b ? SL_OK : failed(d);
}

int sl_doc_table(sl_doc *d, const char *caption, size_t ncols, const char *const *header,
                 const char *const *cells, size_t nrows, const char *align) {
  if (!ncols || !header) return SL_EINVAL;
  block *b = push(d, BLOCK_TABLE);
  if (!b) return SL_ENOMEM;
  b->ncols = ncols;
  b->nrows = nrows;
  b->a = dup(caption);
  b->cells = calloc(ncols * (nrows + 1), sizeof *b->cells);
  b->align = malloc(ncols + 1);
  if (!b->cells || !b->align || (caption && !b->a)) return failed(d);
  for (size_t i = 0; i < ncols; i++) b->align[i] = align && strlen(align) > i ? align[i] : 'l';
  b->align[ncols] = '\0';
  for (size_t i = 0; i < ncols * (nrows + 1); i++) {
    const char *s = i < ncols ? header[i] : cells ? cells[i - ncols] : NULL;
    if (!(b->cells[i] = dup(s ? s : ""))) return failed(d);
  }
  return SL_OK;
}

int sl_doc_figure(sl_doc *d, const char *src, const char *alt, const char *caption) {
  block *b = push(d, BLOCK_FIGURE);
  if (!b) return SL_ENOMEM;
  b->a = dup(src ? src : "");
  b->b = dup(alt ? alt : "");
  b->c = dup(caption ? caption : "");
  return b->a && b->b && b->c ? SL_OK : failed(d);
}

int sl_doc_list(sl_doc *d, const char *const *items, size_t n) {
  block *b = push(d, BLOCK_LIST);
  if (!b) return SL_ENOMEM;
  b->nrows = n;
  b->cells = calloc(n ? n : 1, sizeof *b->cells);
  if (!b->cells) return failed(d);
  for (size_t i = 0; i < n; i++)
    if (!(b->cells[i] = dup(items[i] ? items[i] : ""))) return failed(d);
  return SL_OK;
}

/* ---- HTML ---- */

static void html_text(FILE *f, const char *s) {
  char esc[8];
  size_t n = strlen(s);
  int control;
  while (n) {
    size_t used = sl_text_char_at(s, n, esc, &control);
    if (control) { /* an escape, a bidi override: shown, not obeyed */
      fputs(esc, f);
    } else {
      switch (*s) {
      case '&': fputs("&amp;", f); break;
      case '<': fputs("&lt;", f); break;
      case '>': fputs("&gt;", f); break;
      case '"': fputs("&quot;", f); break;
      case '\'': fputs("&#39;", f); break;
      case '\n': fputs("<br>", f); break;
      default: fwrite(s, 1, used, f);
      }
    }
    s += used, n -= used;
  }
}

/* The page's whole look. Tables scroll inside their own box rather than overflow the page. */
static const char sl_doc_css[] =
    "*{box-sizing:border-box}"
    "body{margin:0;background:#f4f5f7;color:#1d2430;font:15px/1.55 'Helvetica Neue',Helvetica,Arial,"
    "'DejaVu Sans',sans-serif}"
    "main{max-width:1080px;margin:0 auto;padding:32px 40px 56px;background:#fff;min-height:100vh;"
    "box-shadow:0 0 0 1px #e3e6ea}"
    "header{border-bottom:3px solid #0b3d91;padding-bottom:14px;margin-bottom:22px}"
    "header h1{font-size:28px;line-height:1.2;margin:0 0 6px}"
    "header p{margin:0;color:#5b6472}"
    "h2{font-size:20px;margin:34px 0 10px;padding-bottom:4px;border-bottom:1px solid #e3e6ea;color:#0b3d91}"
    "h3{font-size:16px;margin:22px 0 8px}"
    "p{margin:8px 0 12px;max-width:78ch}"
    ".callout{border-left:6px solid #5b6472;background:#f7f8fa;padding:16px 20px;margin:14px 0 18px;"
    "border-radius:4px}"
    ".callout .headline{font-size:24px;font-weight:700;margin-bottom:4px;overflow-wrap:anywhere}"
    ".callout.good{border-color:#1b7f3b;background:#eef8f1}"
    ".callout.warn{border-color:#c77700;background:#fff6e8}"
    ".callout.bad{border-color:#b3261e;background:#fdeeed}"
    ".tablewrap{overflow-x:auto;margin:8px 0 18px}"
    "table{border-collapse:collapse;width:100%;font-size:14px}"
    "caption{text-align:left;color:#5b6472;font-size:13px;padding:0 0 6px}"
    "th{background:#0b3d91;color:#fff;font-weight:600;padding:7px 10px;text-align:left;white-space:nowrap}"
    "td{padding:6px 10px;border-bottom:1px solid #e3e6ea;vertical-align:top;overflow-wrap:anywhere}"
    "tr:nth-child(even) td{background:#f7f8fa}"
    "td.r,th.r{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}"
    "td.c,th.c{text-align:center}"
    "figure{margin:14px 0 22px}"
    "figure img{display:block;max-width:100%;height:auto;border:1px solid #e3e6ea;border-radius:4px}"
    "figcaption{color:#5b6472;font-size:13px;margin-top:6px}"
    "ul{margin:6px 0 14px;padding-left:22px}"
    "footer{margin-top:40px;color:#8a93a0;font-size:12px;border-top:1px solid #e3e6ea;padding-top:10px}"
    "@media print{body{background:#fff}main{box-shadow:none}}";

static void html_table(FILE *f, const block *b) {
  fputs("<div class=\"tablewrap\"><table>", f);
  if (b->a) {
    fputs("<caption>", f);
    html_text(f, b->a);
    fputs("</caption>", f);
  }
  for (size_t r = 0; r <= b->nrows; r++) {
    fputs(r == 0 ? "<thead><tr>" : "<tr>", f);
    for (size_t c = 0; c < b->ncols; c++) {
      const char *tag = r == 0 ? "th" : "td";
      char al = b->align[c];
      fprintf(f, "<%s%s>", tag, al == 'r' ? " class=\"r\"" : al == 'c' ? " class=\"c\"" : "");
      html_text(f, b->cells[r * b->ncols + c]);
      fprintf(f, "</%s>", tag);
    }
    fputs(r == 0 ? "</tr></thead><tbody>\n" : "</tr>\n", f);
  }
  fputs("</tbody></table></div>\n", f);
}

static void html_block(FILE *f, const block *b) {
  static const char *kinds[] = {"", " good", " warn", " bad"};
  switch (b->type) {
  case BLOCK_HEADING:
    fprintf(f, "<h%d>", b->level + 1);
    html_text(f, b->a);
    fprintf(f, "</h%d>\n", b->level + 1);
    break;
  case BLOCK_PARAGRAPH:
    fputs("<p>", f);
    html_text(f, b->a);
    fputs("</p>\n", f);
    break;
  case BLOCK_CALLOUT:
    fprintf(f, "<div class=\"callout%s\"><div class=\"headline\">", kinds[b->level & 3]);
    html_text(f, b->a);
    fputs("</div><div>", f);
    html_text(f, b->b);
    fputs("</div></div>\n", f);
    break;
  case BLOCK_TABLE: html_table(f, b); break;
  case BLOCK_FIGURE:
    fputs("<figure><img src=\"", f);
    html_text(f, b->a);
    fputs("\" alt=\"", f);
    html_text(f, b->b);
    fputs("\"><figcaption>", f);
    html_text(f, b->c);
    fputs("</figcaption></figure>\n", f);
    break;
  case BLOCK_LIST:
    fputs("<ul>", f);
    for (size_t i = 0; i < b->nrows; i++) {
      fputs("<li>", f);
      html_text(f, b->cells[i]);
      fputs("</li>", f);
    }
    fputs("</ul>\n", f);
    break;
  }
}

int sl_doc_write_html(const sl_doc *d, FILE *f, sl_error *err) {
  if (!d || !f) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "no document");
  fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>", f);
  html_text(f, d->title);
  fprintf(f, "</title><style>%s</style></head>\n<body><main>\n<header><h1>", sl_doc_css);
  html_text(f, d->title);
  fputs("</h1>", f);
  if (d->subtitle) {
    fputs("<p>", f);
    html_text(f, d->subtitle);
    fputs("</p>", f);
  }
  fputs("</header>\n", f);
  for (size_t i = 0; i < d->n; i++) html_block(f, &d->blocks[i]);
  fputs("<footer>" SL_DOC_SIGNATURE "</footer>\n</main></body></html>\n", f);
  return ferror(f) ? sl_error_set(err, SL_EIO, NULL, 0, 0, "write error") : SL_OK;
}

/* ---- Markdown ---- */

/* Text as Markdown shows it, never as markup (scoutlab/text.h: one escaping rule). */
static void md_text(FILE *f, const char *s, sl_text_md_context context) { sl_text_markdown_write(f, s, context); }

static void md_table(FILE *f, const block *b) {
  if (b->a) {
    fputs("*", f);
    md_text(f, b->a, SL_TEXT_MD_CELL);
    fputs("*\n\n", f);
  }
  for (size_t r = 0; r <= b->nrows; r++) {
    fputs("|", f);
    for (size_t c = 0; c < b->ncols; c++) {
      fputc(' ', f);
      md_text(f, b->cells[r * b->ncols + c], SL_TEXT_MD_CELL);
      fputs(" |", f);
    }
    fputc('\n', f);
    if (r == 0) {
      fputs("|", f);
      for (size_t c = 0; c < b->ncols; c++)
        fputs(b->align[c] == 'r' ? " ---: |" : b->align[c] == 'c' ? " :---: |" : " --- |", f);
      fputc('\n', f);
    }
  }
  fputc('\n', f);
}

static void md_block(FILE *f, const block *b) {
  switch (b->type) {
  case BLOCK_HEADING:
    fputs(b->level == 1 ? "## " : "### ", f);
    md_text(f, b->a, SL_TEXT_MD_LINE);
    fputs("\n\n", f);
    break;
  case BLOCK_PARAGRAPH:
    md_text(f, b->a, SL_TEXT_MD_PARAGRAPH);
    fputs("\n\n", f);
    break;
  case BLOCK_CALLOUT:
    fputs("> **", f);
    md_text(f, b->a, SL_TEXT_MD_CELL);
    fputs("**\n>\n> ", f);
    md_text(f, b->b, SL_TEXT_MD_LINE);
    fputs("\n\n", f);
    break;
  case BLOCK_TABLE: md_table(f, b); break;
  case BLOCK_FIGURE:
    fputs("![", f);
    md_text(f, b->b, SL_TEXT_MD_CELL);
    fputs("](", f);
    fputs(b->a, f); /* a chart file the report names (charts/radar.png), not data */
    fputs(")\n\n*", f);
    md_text(f, b->c, SL_TEXT_MD_CELL);
    fputs("*\n\n", f);
    break;
  case BLOCK_LIST:
    for (size_t i = 0; i < b->nrows; i++) {
      fputs("- ", f);
      md_text(f, b->cells[i], SL_TEXT_MD_LINE);
      fputc('\n', f);
    }
    fputc('\n', f);
    break;
  }
}

int sl_doc_write_markdown(const sl_doc *d, FILE *f, sl_error *err) {
  if (!d || !f) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "no document");
  fputs("# ", f);
  md_text(f, d->title, SL_TEXT_MD_LINE);
  fputs("\n\n", f);
  if (d->subtitle) {
    fputc('_', f);
    md_text(f, d->subtitle, SL_TEXT_MD_CELL);
    fputs("_\n\n", f);
  }
  for (size_t i = 0; i < d->n; i++) md_block(f, &d->blocks[i]);
  fputs("---\n" SL_DOC_SIGNATURE "\n", f);
  return ferror(f) ? sl_error_set(err, SL_EIO, NULL, 0, 0, "write error") : SL_OK;
}
