/* plot.c - script header, quoting of untrusted text, and template copying.
 * See include/scoutlab/plot.h for the security rules this file implements. */
#include "plot_internal.h"
#include "runtime_internal.h"
#include "scoutlab/text.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

/* Text and point sizes relative to pngcairo, measured on gnuplot 5.4 at the same canvas in
 * pixels: the svg terminal maps 1 pt to 1 px where cairo's PNG draws 96/72 px; pdfcairo at
 * fontscale 1 draws text 1.31x taller than pngcairo (cap height of 72 pt Liberation Sans:
 * 88 px against 67 px at 96 dpi); svg draws pt 7 circles 2.86x wider than pngcairo, pdfcairo 1.31x. */
#define SL_PLOT_SVG_FONT_RATIO (96.0 / 72.0)
#define SL_PLOT_PDF_FONT_RATIO (67.0 / 88.0)
#define SL_PLOT_SVG_POINT_RATIO 0.35
#define SL_PLOT_PDF_POINT_RATIO 0.76
/* PDF pages are sized at CSS pixels (96 per inch), matching cairo's PNG text size. */
#define SL_PLOT_PDF_PX_PER_INCH 96.0
/* The house font (Debian fonts-liberation) and, for SVG readers without it, metric-compatible
 * and generic fallbacks. */
#define SL_PLOT_FONT "Liberation Sans"
#define SL_PLOT_SVG_FONTS "Liberation Sans,Arial,Helvetica,sans-serif"
/* The body text size on the design canvas, points. */
#define SL_PLOT_BASE_PT 10.0

/* Where quoted text goes: a FILE, or a buffer (NULL buffer: only count). */
typedef struct quote_sink {
  FILE *file;
  char *buf;
  size_t len;
} quote_sink;

static void sink_put(quote_sink *s, char c) {
  if (s->file) fputc(c, s->file);
  else if (s->buf) s->buf[s->len] = c;
  s->len++;
}

/* Length of the valid UTF-8 sequence at p (1-4), or 0 when p does not start one.
 * Rules from RFC 3629 section 4: no overlongs, no surrogates, nothing above U+10FFFF. */
static size_t utf8_valid_len(const unsigned char *p) {
  unsigned char c = p[0];
  if (c < 0x80) return 1;
  size_t n;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF) n = 2;
  else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
  } else
    return 0;
  if (p[1] < lo || p[1] > hi) return 0;
  for (size_t i = 2; i < n; i++)
    if (p[i] < 0x80 || p[i] > 0xBF) return 0;
  return n;
}

/* A C1 control, line or paragraph separator, or a bidirectional override or isolate (it would
 * reorder a label: "Arda ayaklıY"): the characters sl_text_char_at calls controls. */
static int is_unicode_break(const unsigned char *p, size_t n) {
  char esc[8];
  int control;
  sl_text_char_at((const char *)p, n, esc, &control);
  return control;
}

static void sink_puts(quote_sink *s, const char *text) {
  while (*text) sink_put(s, *text++);
}

/* The whole quoting rule in one place. Inside gnuplot single quotes nothing is special but
 * the quote itself (doubled), so no backquote, @macro or \ escape can act; a newline would
 * end the command, hence every control character becomes a space.
 * gnuplot 5.4's scanner ends a literal at a quote that directly follows the opening quote or
 * a doubled quote, whatever comes next: '' is an empty string even in '''a', and 'a''''b' is
 * 'a''' followed by 'b' (a syntax error). So a literal never holds a quote in those places:
 * in enhanced text such a quote is written as the octal escape \047 (which every terminal
 * prints as '; cairo's does not take \' as an escape); in plain text the literal is closed
 * and the quote joined as "'" (a leading quote gives "'" . '...', one "'" . per leading
 * quote; a later run of quotes 'a''' . "'" . 'b'). */
static void quote_to(quote_sink *s, const char *text, int flags) {
  static const char enhanced_specials[] = "\\_^{}@&~";
  int enhanced = flags & SL_PLOT_QUOTE_ENHANCED;
  const unsigned char *p = (const unsigned char *)(text ? text : "");
  while (!enhanced && *p == '\'') {
    sink_puts(s, "\"'\" . ");
    p++;
  }
  sink_put(s, '\'');
  int after_quote = 1; /* the last character written opened the literal or doubled a quote */
  while (*p) {
    if (*p < 0x20 || *p == 0x7F) {
      sink_put(s, ' ');
      p++, after_quote = 0;
      continue;
    }
    size_t n = utf8_valid_len(p);
    if (n == 0) {
      sink_put(s, '?');
      p++, after_quote = 0;
      continue;
    }
    if (is_unicode_break(p, n)) {
      sink_put(s, ' ');
      p += n, after_quote = 0;
      continue;
    }
    if (*p == '\'' && after_quote) {
      sink_puts(s, enhanced ? "\\047" : "' . \"'\" . '");
      p++, after_quote = !enhanced; /* plain: a new literal is open */
      continue;
    }
    if (*p == '\'') {
      sink_puts(s, "''");
      p++, after_quote = 1;
      continue;
    }
    if (enhanced && strchr(enhanced_specials, *p)) sink_put(s, '\\');
    for (size_t i = 0; i < n; i++) sink_put(s, (char)p[i]);
    p += n, after_quote = 0;
  }
  sink_put(s, '\'');
}

char *sl_plot_quote(const char *text, int flags) {
  quote_sink count = {0};
  quote_to(&count, text, flags);
  quote_sink s = {.buf = malloc(count.len + 1)};
  if (!s.buf) return NULL;
  quote_to(&s, text, flags);
  s.buf[s.len] = '\0';
  return s.buf;
}

int sl_plot_format_from_path(const char *path, sl_plot_format *format, sl_error *err) {
  if (!path || !format) return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "no output path given");
  const char *dot = strrchr(path, '.');
  if (dot && strcasecmp(dot, ".png") == 0) *format = SL_PLOT_PNG;
  else if (dot && strcasecmp(dot, ".svg") == 0) *format = SL_PLOT_SVG;
  else if (dot && strcasecmp(dot, ".pdf") == 0) *format = SL_PLOT_PDF;
  else
    return sl_error_set(err, SL_EINVAL, path, 0, 0,
                        "chart file name must end in .png, .svg or .pdf");
  return SL_OK;
}

void sl_plot_canvas(const sl_plot_common *c, double *w, double *h) {
  int print = c->format != SL_PLOT_PNG;
  *w = c->width ? c->width : print ? SL_PLOT_PRINT_WIDTH : SL_PLOT_DEFAULT_WIDTH;
  *h = c->height ? c->height : print ? SL_PLOT_PRINT_HEIGHT : SL_PLOT_DEFAULT_HEIGHT;
}

double sl_plot_scale(const sl_plot_common *c) {
  double w, h;
  sl_plot_canvas(c, &w, &h);
  return fmin(w / SL_PLOT_DESIGN_WIDTH, h / SL_PLOT_DESIGN_HEIGHT);
}

int sl_plot_check_common(const sl_plot_common *c, const char *chart, sl_error *err) {
  if (!c->output || !c->output[0])
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "%s chart: no output file given", chart);
  for (const unsigned char *p = (const unsigned char *)c->output; *p; p++)
    if (*p < 0x20 || *p == 0x7F)
      return sl_error_set(err, SL_EINVAL, NULL, 0, 0,
                          "%s chart: output file name contains a control character", chart);
  double w, h;
  sl_plot_canvas(c, &w, &h);
  if (w < SL_PLOT_MIN_SIDE || w > SL_PLOT_MAX_SIDE || h < SL_PLOT_MIN_SIDE || h > SL_PLOT_MAX_SIDE)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0,
                        "%s chart: size %.0fx%.0f outside %d..%d pixels per side", chart, w, h,
                        SL_PLOT_MIN_SIDE, SL_PLOT_MAX_SIDE);
  if (c->dpi != 0 && (!(c->dpi >= SL_PLOT_MIN_DPI) || c->dpi > SL_PLOT_MAX_DPI))
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "%s chart: resolution %g dpi outside %d..%d", chart,
                        c->dpi, SL_PLOT_MIN_DPI, SL_PLOT_MAX_DPI);
  if (c->dpi != 0 && c->format == SL_PLOT_PNG && (w * c->dpi / SL_PLOT_CSS_DPI > SL_PLOT_MAX_SIDE ||
                                                  h * c->dpi / SL_PLOT_CSS_DPI > SL_PLOT_MAX_SIDE))
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "%s chart: %g dpi makes the PNG larger than %d pixels a side",
                        chart, c->dpi, SL_PLOT_MAX_SIDE);
  if (c->format != SL_PLOT_PNG && c->format != SL_PLOT_SVG && c->format != SL_PLOT_PDF)
    return sl_error_set(err, SL_EINVAL, NULL, 0, 0, "%s chart: unknown format %d", chart,
                        (int)c->format);
  return SL_OK;
}

void sl_plot_write_number(FILE *out, double value) {
  if (!sl_plot_drawable(value)) {
    fputs("NaN", out);
    return;
  }
  char buf[64];
  /* gnuplot wants '.' whatever the host's LC_NUMERIC says. */
  sl_snprintf_c(buf, sizeof buf, "%.6g", value);
  fputs(buf, out);
}

void sl_plot_write_number_var(FILE *out, const char *name, double value) {
  fprintf(out, "%s = ", name);
  sl_plot_write_number(out, value);
  fputc('\n', out);
}

void sl_plot_write_string(FILE *out, const char *name, const char *text) {
  quote_sink s = {.file = out};
  fprintf(out, "%s = ", name);
  quote_to(&s, text, 0);
  fputc('\n', out);
}

void sl_plot_write_string_array(FILE *out, const char *name, const char *const *items,
                                size_t n) {
  fprintf(out, "array %s[%zu]\n", name, n);
  for (size_t i = 0; i < n; i++) {
    quote_sink s = {.file = out};
    fprintf(out, "%s[%zu] = ", name, i + 1);
    quote_to(&s, items ? items[i] : NULL, 0);
    fputc('\n', out);
  }
}

void sl_plot_write_number_array(FILE *out, const char *name, const double *values, size_t n) {
  fprintf(out, "array %s[%zu]\n", name, n);
  for (size_t i = 0; i < n; i++) {
    fprintf(out, "%s[%zu] = ", name, i + 1);
    sl_plot_write_number(out, values[i]);
    fputc('\n', out);
  }
}

/* Font sizes are written out explicitly (font_size() in the header) rather than with the
 * terminals' fontscale option, because the svg terminal does not scale its character metrics
 * by fontscale and would then misplace axis labels. Text is never enhanced: names print as
 * written, and no escaping has to survive gnuplot's re-reading of label strings. */
static void write_terminal(FILE *out, const sl_plot_common *c, double w, double h, double scale) {
  double px = c->format == SL_PLOT_PNG && c->dpi > 0 ? c->dpi / SL_PLOT_CSS_DPI : 1.0;
  switch (c->format) {
  case SL_PLOT_PNG:
    fprintf(out, "set terminal pngcairo size %.0f,%.0f noenhanced", w * px, h * px);
    break;
  case SL_PLOT_SVG:
    /* The svg terminal writes the terminal font's name as the CSS font-family of every text
     * that names no font of its own: a list with metric-compatible and generic fallbacks. */
    fprintf(out, "set terminal svg size %.0f,%.0f fixed noenhanced font '%s,", w, h, SL_PLOT_SVG_FONTS);
    sl_plot_write_number(out, SL_PLOT_BASE_PT * scale * SL_PLOT_SVG_FONT_RATIO);
    fputc('\'', out);
    break;
  case SL_PLOT_PDF:
    fputs("set terminal pdfcairo size ", out);
    sl_plot_write_number(out, w / SL_PLOT_CSS_DPI);
    fputs("in,", out);
    sl_plot_write_number(out, h / SL_PLOT_CSS_DPI);
    fputs("in noenhanced", out);
    break;
  }
  fputs(" fontscale 1 linewidth ", out);
  sl_plot_write_number(out, scale * px);
  fputs(" background '#ffffff'\n", out);
  double font_ratio = c->format == SL_PLOT_SVG   ? SL_PLOT_SVG_FONT_RATIO
                      : c->format == SL_PLOT_PDF ? SL_PLOT_PDF_FONT_RATIO
                                                 : 1.0;
  sl_plot_write_number_var(out, "sl_font_scale", scale * font_ratio * px);
  /* pngcairo draws points in device pixels: they were sized on the 1200x675 web canvas, and
   * follow the canvas as the fonts do (at 16x9cm and 200 dpi they were twice as big against the
   * text, and merged). */
  sl_plot_write_number_var(out, "sl_point_scale",
                           c->format == SL_PLOT_SVG   ? SL_PLOT_SVG_POINT_RATIO * px
                           : c->format == SL_PLOT_PDF ? SL_PLOT_PDF_POINT_RATIO * px
                                                      : px * scale / SL_PLOT_WEB_SCALE);
  fputs("font_size(pt) = sprintf(',%g', pt * sl_font_scale)\n", out);
  /* Fonts by weight. The svg terminal cannot name a weight and a family list together (a
   * "Name:Bold" font becomes an invalid CSS family), so SVG text takes the terminal's family
   * list at regular weight. */
  if (c->format == SL_PLOT_SVG)
    fputs("sl_regular(pt) = font_size(pt)\nsl_bold(pt) = font_size(pt)\n", out);
  else
    fputs("sl_regular(pt) = '" SL_PLOT_FONT "' . font_size(pt)\n"
          "sl_bold(pt) = '" SL_PLOT_FONT ":Bold' . font_size(pt)\n", out);
}

/* The output path as the script names it: absolute, so that `gnuplot chart.gp` writes the same
 * file from any working directory. */
static char *absolute_output(const char *output) {
  if (output[0] == '/') return strdup(output);
  char cwd[4096];
  if (!getcwd(cwd, sizeof cwd)) return strdup(output);
  size_t len = strlen(cwd) + strlen(output) + 2;
  char *s = malloc(len);
  if (s) snprintf(s, len, "%s/%s", cwd, output[0] == '.' && output[1] == '/' ? output + 2 : output);
  return s;
}

/* Fits the title (shrunk, then shortened), subtitle (two lines) and credits to the canvas and
 * writes them, recording their boxes. */
static int write_title_block(FILE *out, const sl_plot_common *c, double w, double h, double scale) {
  double room = w * (1 - 2 * SL_PLOT_TEXT_LEFT), x = SL_PLOT_TEXT_LEFT * w;
  double title_pt = SL_PLOT_TITLE_PT;
  const char *title = c->title ? c->title : "";
  while (title_pt > SL_PLOT_TITLE_MIN_PT && sl_plot_text_width(title, title_pt, 1, scale) > room) title_pt -= 0.5;
  char *t = sl_plot_text_shorten(title, room, title_pt, 1, scale), *s1 = NULL, *s2 = NULL;
  char *cr = sl_plot_text_shorten(c->credits, room, SL_PLOT_CREDITS_PT, 0, scale);
  int st = t && cr ? sl_plot_text_wrap(c->subtitle, room, SL_PLOT_SUBTITLE_PT, 0, scale, &s1, &s2) : SL_ENOMEM;
  if (!st) {
    sl_plot_write_string(out, "title_text", t);
    sl_plot_write_number_var(out, "title_pt", title_pt);
    sl_plot_write_string(out, "subtitle_text", s1);
    sl_plot_write_string(out, "subtitle2_text", s2);
    sl_plot_write_string(out, "credits_text", cr);
    sl_plot_layout *l = c->layout;
    if (t[0]) st = sl_plot_layout_add_text(l, "title", t, x, SL_PLOT_TITLE_Y * h, -1, title_pt, 1, scale);
    if (!st && s1[0]) st = sl_plot_layout_add_text(l, "subtitle", s1, x, SL_PLOT_SUBTITLE_Y * h, -1, SL_PLOT_SUBTITLE_PT, 0, scale);
    if (!st && s2[0]) st = sl_plot_layout_add_text(l, "subtitle", s2, x, SL_PLOT_SUBTITLE2_Y * h, -1, SL_PLOT_SUBTITLE_PT, 0, scale);
    if (!st && cr[0]) st = sl_plot_layout_add_text(l, "credits", cr, x, SL_PLOT_CREDITS_Y * h, -1, SL_PLOT_CREDITS_PT, 0, scale);
  }
  free(t), free(s1), free(s2), free(cr);
  return st;
}

int sl_plot_write_header(FILE *out, const char *chart, const sl_plot_common *c) {
  double w, h;
  sl_plot_canvas(c, &w, &h);
  double scale = sl_plot_scale(c);
  if (c->layout) c->layout->width = w, c->layout->height = h;
  char *output = absolute_output(c->output);
  if (!output) return SL_ENOMEM;
  quote_sink s = {.file = out};
  fprintf(out,
          "# scoutlab %s chart. Re-render with: gnuplot <this file>  (from any directory: the\n"
          "# chart's path below is absolute; define sl_output before this file to write elsewhere).\n"
          "# Settings and data come first; the look (copied from plots/%s.gp) follows the data.\n"
          "set encoding utf8\n"
          "if (!exists(\"sl_output\")) sl_output = ",
          chart, chart);
  quote_to(&s, output, 0);
  free(output);
  fputc('\n', out);
  fputs("sl_width = ", out);
  sl_plot_write_number(out, w);
  fputs("\nsl_height = ", out);
  sl_plot_write_number(out, h);
  fputc('\n', out);
  sl_plot_write_number_var(out, "sl_scale", scale);
  write_terminal(out, c, w, h, scale);
  fputs("set output sl_output\n", out);
  fprintf(out, "# one colour per player, in the order scoutlab was given them, in every chart\narray player_colour[%d] = [",
          SL_PLOT_PLAYER_COLOURS);
  for (size_t i = 0; i < SL_PLOT_PLAYER_COLOURS; i++) fprintf(out, "%s'%s'", i ? ", " : "", sl_plot_player_colour(i));
  fputs("]\n", out);
  return write_title_block(out, c, w, h, scale);
}

int sl_plot_write_caption(FILE *out, const sl_plot_common *c, const char *text) {
  double w, h, scale = sl_plot_scale(c);
  sl_plot_canvas(c, &w, &h);
  double room = w * (1 - 2 * SL_PLOT_TEXT_LEFT), gap = 2 * SL_PLOT_CREDITS_PT * SL_PLOT_PX_PER_PT * scale;
  char *cr = sl_plot_text_shorten(c->credits, room, SL_PLOT_CREDITS_PT, 0, scale);
  if (!cr) return SL_ENOMEM;
  double used = c->credits && c->credits[0] ? sl_plot_text_width(cr, SL_PLOT_CREDITS_PT, 0, scale) + gap : 0;
  free(cr);
  char *t = sl_plot_text_shorten(text, room - used, SL_PLOT_CREDITS_PT, 0, scale);
  if (!t) return SL_ENOMEM;
  sl_plot_write_string(out, "caption_text", t);
  int st = t[0] ? sl_plot_layout_add_text(c->layout, "caption", t, (1 - SL_PLOT_TEXT_LEFT) * w, SL_PLOT_CREDITS_Y * h, 1,
                                          SL_PLOT_CREDITS_PT, 0, scale)
                : SL_OK;
  free(t);
  return st;
}

const char *sl_plot_player_colour(size_t i) {
  static const char *const colours[SL_PLOT_PLAYER_COLOURS] = {"#d1495b", "#3d6b99", "#e69f00",
                                                              "#009e73", "#8c6bb1", "#56b4e9"};
  return colours[i % SL_PLOT_PLAYER_COLOURS];
}

int sl_plot_write_template(FILE *out, const char *template_dir, const char *chart,
                           sl_error *err) {
  if (!template_dir) template_dir = ".";
  size_t len = strlen(template_dir) + strlen(chart) + 8;
  char *path = malloc(len);
  if (!path) return sl_error_set(err, SL_ENOMEM, NULL, 0, 0, "out of memory");
  snprintf(path, len, "%s/%s.gp", template_dir, chart);
  FILE *in = fopen(path, "rb");
  if (!in) {
    int st = sl_error_set(err, SL_EIO, path, 0, 0,
                          "cannot read chart template: %s (templates are looked for in %s)",
                          sl_strerror_c(errno), template_dir);
    free(path);
    return st;
  }
  fprintf(out, "\n# ---- look: plots/%s.gp ----\n", chart);
  char buf[4096];
  size_t got;
  while ((got = fread(buf, 1, sizeof buf, in)) > 0) fwrite(buf, 1, got, out);
  int read_failed = ferror(in);
  fclose(in);
  if (read_failed) {
    int st = sl_error_set(err, SL_EIO, path, 0, 0, "cannot read chart template");
    free(path);
    return st;
  }
  free(path);
  if (fflush(out) != 0 || ferror(out))
    return sl_error_set(err, SL_EIO, NULL, 0, 0, "%s chart: cannot write the script: %s", chart,
                        sl_strerror_c(errno));
  return SL_OK;
}
