/* font_widths.c - writes the advance-width tables of analytics/lib/plot_text_widths.h from the
 * Liberation Sans font files (Debian fonts-liberation), in thousandths of an em, unhinted.
 * Not part of the build (it needs libfreetype-dev); run it again when the fonts change:
 *   cc tests/golden/font_widths.c -I/usr/include/freetype2 -lfreetype -o /tmp/font_widths &&
 *   /tmp/font_widths /usr/share/fonts/truetype/liberation/LiberationSans-{Regular,Bold}.ttf \
 *     > analytics/lib/plot_text_widths.h */
#include <ft2build.h>
#include FT_FREETYPE_H
#include <stdio.h>

#define FIRST 0x20
#define LAST 0x24F /* Basic Latin to Latin Extended-B: every accent in European names */
static const unsigned extra[] = {0x2013, 0x2014, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2026, 0x20AC, 0x2212, 0x25B2};

static long width(FT_Face face, unsigned c) {
  FT_UInt g = FT_Get_Char_Index(face, c);
  if (!g || FT_Load_Glyph(face, g, FT_LOAD_NO_HINTING | FT_LOAD_NO_SCALE)) return 0;
  return (long)(face->glyph->metrics.horiAdvance * 1000 / face->units_per_EM);
}

static int table(FT_Library lib, const char *path, const char *name) {
  FT_Face face;
  if (FT_New_Face(lib, path, 0, &face)) return fprintf(stderr, "cannot read %s\n", path), 1;
  printf("static const unsigned short %s_latin[%d] = {", name, LAST - FIRST + 1);
  for (unsigned c = FIRST; c <= LAST; c++) printf("%s%ld,", (c - FIRST) % 16 ? "" : "\n  ", width(face, c));
  printf("\n};\nstatic const unsigned short %s_extra[%zu] = {", name, sizeof extra / sizeof extra[0]);
  for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++) printf("%ld,", width(face, extra[i]));
  printf("};\n");
  FT_Done_Face(face);
  return 0;
}

int main(int argc, char **argv) {
  FT_Library lib;
  if (argc != 3 || FT_Init_FreeType(&lib)) return fprintf(stderr, "usage: font_widths REGULAR.ttf BOLD.ttf\n"), 2;
  printf("/* plot_text_widths.h - Liberation Sans advance widths in 1/1000 em, written by\n"
         " * tests/golden/font_widths.c from Debian's fonts-liberation; 0 = no glyph. */\n");
  printf("#define SL_TEXT_FIRST 0x%X\n#define SL_TEXT_LAST 0x%X\n", FIRST, LAST);
  printf("static const unsigned sl_text_extra_codepoint[%zu] = {", sizeof extra / sizeof extra[0]);
  for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++) printf("0x%X,", extra[i]);
  printf("};\n");
  return table(lib, argv[1], "sl_text_regular") || table(lib, argv[2], "sl_text_bold");
}
