/* test_plot_text.c - fitting text to the canvas (plot_text.c): a long stat name breaks into two
 * even lines and keeps a parenthesis whole; a subtitle prefers a clause; a player's name that
 * ends in a parenthesis ("Gleison Bremer (540 min)") is shortened before the parenthesis, which
 * stays whole; text that fits is kept as it is. Widths are those of plot_text.c's table. */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "plot_internal.h"

#define PT 9.5
#define SCALE 1.0

static double width(const char *s) { return sl_plot_text_width(s, PT, 0, SCALE); }

int main(void) {
  const char *gk = "Goals against per 90 (fewer is better)";
  char *a = NULL, *b = NULL;
  /* Two lines, the parenthesis whole on the second. */
  INT_EQ(sl_plot_text_wrap_balanced(gk, 0.8 * width(gk), PT, 0, SCALE, &a, &b), SL_OK, "wrap");
  OK(a && b && !strcmp(a, "Goals against per 90") && !strcmp(b, "(fewer is better)"), "parenthesis whole: '%s' / '%s'",
     a ? a : "", b ? b : "");
  free(a), free(b);
  /* Even lines when the parenthesis cannot go alone: the widest as narrow as any break allows. */
  const char *long_name = "Average distance of defensive actions (yd)";
  INT_EQ(sl_plot_text_wrap_balanced(long_name, 0.6 * width(long_name), PT, 0, SCALE, &a, &b), SL_OK, "wrap 2");
  OK(a && b && !strcmp(a, "Average distance of") && !strcmp(b, "defensive actions (yd)"), "balanced: '%s' / '%s'",
     a ? a : "", b ? b : "");
  free(a), free(b);
  /* What fits stays one line. */
  INT_EQ(sl_plot_text_wrap_balanced("Save %", 300, PT, 0, SCALE, &a, &b), SL_OK, "wrap 3");
  OK(a && b && !strcmp(a, "Save %") && !*b, "fits: one line");
  free(a), free(b);
  /* A subtitle breaks after its clause. */
  const char *sub = "Milan, Serie A, 2024/25 against Big 5 winger-forwards; his 161 minutes are under the pool's 900";
  INT_EQ(sl_plot_text_wrap(sub, 0.7 * width(sub), PT, 0, SCALE, &a, &b), SL_OK, "subtitle");
  OK(a && !strcmp(a, "Milan, Serie A, 2024/25 against Big 5 winger-forwards;"), "subtitle: after the clause: '%s'",
     a ? a : "");
  free(a), free(b);
  /* A name with its minutes: shortened before the parenthesis, which stays. */
  const char *few = "Domingos André Ribeiro Almeida Rodrigues (540 min)";
  char *s = sl_plot_text_shorten_name(few, 0.6 * width(few), PT, 0, SCALE);
  size_t n = s ? strlen(s) : 0;
  OK(s && n > 10 && !strcmp(s + n - strlen(" (540 min)"), " (540 min)") && strstr(s, "\xe2\x80\xa6"),
     "minutes kept whole, the name cut: '%s'", s ? s : "");
  OK(s && width(s) <= 0.6 * width(few) + 1e-9, "it fits");
  free(s);
  s = sl_plot_text_shorten_name("Gleison Bremer (540 min)", 500, PT, 0, SCALE);
  OK(s && !strcmp(s, "Gleison Bremer (540 min)"), "a name that fits is kept");
  free(s);
  s = sl_plot_text_shorten("Domingos André Ribeiro Almeida", 60, PT, 0, SCALE);
  OK(s && strstr(s, "\xe2\x80\xa6") && width(s) <= 60 + 1e-9, "plain shortening ends in an ellipsis and fits");
  free(s);
  return SL_TEST_DONE();
}
