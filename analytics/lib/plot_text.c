/* plot_text.c - how wide text is drawn, so that titles, labels and legends are fitted to the
 * canvas before gnuplot runs: a per-character advance table of Liberation Sans (the font the
 * templates name; Debian's fonts-liberation, metric-compatible with Arial and Helvetica), and
 * the boxes every chart records in sl_plot_layout for its tests. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "plot_internal.h"
#include "plot_text_widths.h"

/* A glyph the table does not have (CJK, symbols) is drawn from a fallback font: take a full em,
 * wider than any Latin letter but W and M, so the estimate stays on the safe side. */
#define UNKNOWN_GLYPH_EM 1.0
/* pango applies kerning and cairo rounds positions: the table's sums were within 1% of the ink
 * width measured on gnuplot 5.4 pngcairo; 3% more keeps every estimate an over-estimate. */
#define WIDTH_SAFETY 1.03
/* The ellipsis that marks shortened text (U+2026). */
static const char ellipsis[] = "\xe2\x80\xa6";

/* Decodes one UTF-8 code point at *p and advances *p (invalid bytes count as one unknown). */
static unsigned next_codepoint(const unsigned char **p) {
  const unsigned char *s = *p;
  unsigned c = s[0];
  size_t n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
  if (n == 1) {
    *p += 1;
    return c < 0x80 ? c : 0xFFFD;
  }
  unsigned cp = c & (0x3F >> (n - 1));
  for (size_t i = 1; i < n; i++) {
    if ((s[i] & 0xC0) != 0x80) {
      *p += i;
      return 0xFFFD;
    }
    cp = cp << 6 | (s[i] & 0x3F);
  }
  *p += n;
  return cp;
}

static double glyph_em(unsigned cp, int bold) {
  const unsigned short *latin = bold ? sl_text_bold_latin : sl_text_regular_latin;
  const unsigned short *extra = bold ? sl_text_bold_extra : sl_text_regular_extra;
  unsigned w = 0;
  if (cp < 0x20) w = latin[0]; /* control characters are written as spaces */
  else if (cp >= SL_TEXT_FIRST && cp <= SL_TEXT_LAST) w = latin[cp - SL_TEXT_FIRST];
  else
    for (size_t i = 0; i < sizeof sl_text_extra_codepoint / sizeof sl_text_extra_codepoint[0]; i++)
      if (sl_text_extra_codepoint[i] == cp) w = extra[i];
  return w ? w / 1000.0 : UNKNOWN_GLYPH_EM;
}

double sl_plot_text_em(const char *text, int bold) {
  double em = 0;
  for (const unsigned char *p = (const unsigned char *)(text ? text : ""); *p;) em += glyph_em(next_codepoint(&p), bold);
  return em * WIDTH_SAFETY;
}

double sl_plot_text_width(const char *text, double pt, int bold, double scale) {
  return sl_plot_text_em(text, bold) * pt * SL_PLOT_PX_PER_PT * scale;
}

/* Byte length of the longest prefix of text (whole code points) whose width plus `reserve` em
 * fits in max_em. */
static size_t prefix_fitting(const char *text, double max_em, double reserve, int bold) {
  double em = reserve * WIDTH_SAFETY;
  const unsigned char *p = (const unsigned char *)text, *fit = p;
  while (*p) {
    const unsigned char *q = p;
    em += glyph_em(next_codepoint(&q), bold) * WIDTH_SAFETY;
    if (em > max_em) break;
    p = fit = q;
  }
  return (size_t)(fit - (const unsigned char *)text);
}

char *sl_plot_text_shorten(const char *text, double max_width, double pt, int bold, double scale) {
  if (!text) text = "";
  double px_per_em = pt * SL_PLOT_PX_PER_PT * scale;
  double max_em = max_width / px_per_em;
  if (sl_plot_text_em(text, bold) <= max_em) return strdup(text);
  size_t keep = prefix_fitting(text, max_em, glyph_em(0x2026, bold), bold);
  while (keep > 0 && text[keep - 1] == ' ') keep--; /* "Balerdi …" reads as a gap */
  char *s = malloc(keep + sizeof ellipsis);
  if (!s) return NULL;
  memcpy(s, text, keep);
  memcpy(s + keep, ellipsis, sizeof ellipsis);
  return s;
}

char *sl_plot_text_shorten_name(const char *text, double max_width, double pt, int bold, double scale) {
  if (!text) text = "";
  size_t n = strlen(text);
  const char *tail = n && text[n - 1] == ')' ? strstr(text, " (") : NULL;
  while (tail && strstr(tail + 1, " (")) tail = strstr(tail + 1, " ("); /* the last parenthesis */
  double px_per_em = pt * SL_PLOT_PX_PER_PT * scale;
  if (!tail || sl_plot_text_em(text, bold) * px_per_em <= max_width)
    return sl_plot_text_shorten(text, max_width, pt, bold, scale);
  double room = max_width - sl_plot_text_em(tail, bold) * px_per_em;
  char *head = strndup(text, (size_t)(tail - text));
  char *cut = head && room > 0 ? sl_plot_text_shorten(head, room, pt, bold, scale) : NULL;
  free(head);
  if (!cut) return sl_plot_text_shorten(text, max_width, pt, bold, scale); /* no room for the tail */
  char *out = malloc(strlen(cut) + strlen(tail) + 1);
  if (out) strcpy(out, cut), strcat(out, tail);
  free(cut);
  return out;
}

/* The first line of a subtitle broken at a clause should not be a stub. */
#define SL_PLOT_WRAP_MIN_FILL 0.5

/* Length of the first line when text breaks after its last "; " (else ", ", else before its
 * last " (") within its first fit bytes, the line at least SL_PLOT_WRAP_MIN_FILL of max_em wide;
 * 0 when none does. A parenthesis keeps its words together: "Goals against per 90" / "(fewer is
 * better)", not "... (fewer is" / "better)". */
static size_t clause_break(const char *text, size_t fit, double max_em, int bold) {
  static const char marks[] = {';', ',', '('};
  for (size_t k = 0; k < sizeof marks; k++)
    for (size_t p = fit; p-- > 0;) {
      int before = marks[k] == '('; /* break before "(", after ";" and "," */
      if (before ? (p == 0 || text[p] != '(' || text[p - 1] != ' ') : (text[p] != marks[k] || text[p + 1] != ' '))
        continue;
      size_t len = before ? p - 1 : p + 1;
      char *head = strndup(text, len);
      double em = head ? sl_plot_text_em(head, bold) : 0;
      free(head);
      if (em < SL_PLOT_WRAP_MIN_FILL * max_em) break;
      return len;
    }
  return 0;
}

int sl_plot_text_wrap(const char *text, double max_width, double pt, int bold, double scale, char **line1,
                      char **line2) {
  *line1 = *line2 = NULL;
  if (!text) text = "";
  double px_per_em = pt * SL_PLOT_PX_PER_PT * scale, max_em = max_width / px_per_em;
  if (sl_plot_text_em(text, bold) <= max_em) {
    *line1 = strdup(text), *line2 = strdup("");
    return *line1 && *line2 ? SL_OK : SL_ENOMEM;
  }
  /* Break after the last "; " (else ", ") that leaves a first line that fits and fills at least
   * SL_PLOT_WRAP_MIN_FILL of it, so a clause stays whole ("...; band: 80% interval, holds 77%"
   * rather than "holds" / "77%"); else at the last space that fits. */
  size_t fit = prefix_fitting(text, max_em, 0, bold), cut = clause_break(text, fit, max_em, bold);
  if (!cut) {
    cut = fit;
    while (cut > 0 && text[cut] != ' ') cut--;
  }
  if (cut == 0) cut = fit; /* one long word: break inside it */
  *line1 = malloc(cut + 1);
  if (!*line1) return SL_ENOMEM;
  memcpy(*line1, text, cut);
  (*line1)[cut] = '\0';
  const char *rest = text + cut;
  while (*rest == ' ') rest++;
  *line2 = sl_plot_text_shorten(rest, max_width, pt, bold, scale);
  return *line2 ? SL_OK : SL_ENOMEM;
}

int sl_plot_text_wrap_balanced(const char *text, double max_width, double pt, int bold, double scale, char **line1,
                               char **line2) {
  *line1 = *line2 = NULL;
  if (!text) text = "";
  double max_em = max_width / (pt * SL_PLOT_PX_PER_PT * scale);
  size_t n = strlen(text), best = 0;
  double best_em = HUGE_VAL;
  int best_paren = 0;
  char *head = malloc(n + 1);
  if (!head) return SL_ENOMEM;
  if (sl_plot_text_em(text, bold) > max_em)
    for (size_t p = 1; p + 1 < n; p++) {
      if (text[p] != ' ' || text[p - 1] == ' ') continue;
      memcpy(head, text, p), head[p] = '\0';
      double em = fmax(sl_plot_text_em(head, bold), sl_plot_text_em(text + p + 1, bold));
      /* A parenthesis that fits on the second line stays whole ("(fewer is better)"). */
      int paren = text[p + 1] == '(' && em <= max_em;
      if (paren > best_paren || (paren == best_paren && em < best_em)) best = p, best_em = em, best_paren = paren;
    }
  free(head);
  if (!best) return sl_plot_text_wrap(text, max_width, pt, bold, scale, line1, line2);
  *line1 = strndup(text, best);
  *line2 = sl_plot_text_shorten(text + best + 1, max_width, pt, bold, scale);
  if (*line1 && *line1[0] && sl_plot_text_em(*line1, bold) > max_em) { /* one long first word */
    free(*line1), free(*line2);
    return sl_plot_text_wrap(text, max_width, pt, bold, scale, line1, line2);
  }
  return *line1 && *line2 ? SL_OK : SL_ENOMEM;
}

/* ---- layout boxes ------------------------------------------------------------------------- */

void sl_plot_layout_clear(sl_plot_layout *l) {
  if (!l) return;
  for (size_t i = 0; i < l->n; i++) free(l->box[i].text);
  free(l->box);
  memset(l, 0, sizeof *l);
}

int sl_plot_layout_add(sl_plot_layout *l, const char *what, const char *text, double x0, double y0, double x1,
                       double y1) {
  if (!l) return SL_OK;
  if (l->n == l->cap) {
    size_t cap = l->cap ? 2 * l->cap : 32;
    sl_plot_box *b = realloc(l->box, cap * sizeof *b);
    if (!b) return SL_ENOMEM;
    l->box = b, l->cap = cap;
  }
  sl_plot_box *b = &l->box[l->n];
  snprintf(b->what, sizeof b->what, "%s", what);
  b->text = strdup(text ? text : "");
  if (!b->text) return SL_ENOMEM;
  b->x0 = fmin(x0, x1), b->x1 = fmax(x0, x1), b->y0 = fmin(y0, y1), b->y1 = fmax(y0, y1);
  l->n++;
  return SL_OK;
}

int sl_plot_layout_add_text(sl_plot_layout *l, const char *what, const char *text, double x, double y, int align,
                            double pt, int bold, double scale) {
  double w = sl_plot_text_width(text, pt, bold, scale);
  double h = SL_PLOT_LINE_EM * pt * SL_PLOT_PX_PER_PT * scale;
  double x0 = align < 0 ? x : align > 0 ? x - w : x - w / 2;
  return sl_plot_layout_add(l, what, text, x0, y - h / 2, x0 + w, y + h / 2);
}
