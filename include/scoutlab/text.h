/* text.h - showing text that came from data files (player, club and column names, notes that
 * quote them) on a terminal and in Markdown, so that no name can act as markup.
 *
 * Terminal: control characters become visible escapes (ESC as \x1b, CR as \r, LF as \n, tab as
 * \t, other C0 bytes and DEL as \xNN, C1 and the bidirectional overrides as \u0085, \u202e),
 * and so do bytes that are not UTF-8 (\xff): a name cannot set the window title, move the
 * cursor, clear the screen or start a new table line. Valid UTF-8 is kept as it is.
 * Markdown: the characters that start markup are backslash-escaped (\ ` * _ { } [ ] ( ) < > # !
 * | ~ &), and at the start of a line also - + = and the dot of "1.", so
 * no name makes a link, an image, a table row, a heading, a list or raw HTML; control
 * characters are shown as on the terminal. In a paragraph a line break is kept (never a blank
 * line, which would end the paragraph) and the next line is escaped as a line start; in a table
 * cell or heading line breaks become spaces. Indentation at a line start is dropped (four
 * spaces would open a code block).
 *
 * Both work as snprintf: at most `size` bytes are written including the NUL, never cutting an
 * escape or a UTF-8 character in two, and the return value is the length of the whole escaped
 * text (so out may be NULL with size 0 to measure). Nothing is allocated; s is borrowed; NULL
 * is the empty text. An escaped text is at most SL_TEXT_ESCAPE_GROWTH times as long as s.
 *
 *   char shown[256];
 *   sl_text_terminal(shown, sizeof shown, "Evil\x1b]0;title\a\r");   // Evil\x1b]0;title\x07\r
 *   sl_text_markdown(shown, sizeof shown, "![x](http://e)", SL_TEXT_MD_CELL); // \!\[x\]\(http://e\)
 */
#ifndef SCOUTLAB_TEXT_H
#define SCOUTLAB_TEXT_H

#include <stddef.h>
#include <stdio.h>

#include "scoutlab/export.h"
SL_BEGIN_DECLS /* C linkage, exported; thread safety: see scoutlab/export.h */

/** Longest escape per input byte: \xNN shows one byte in four. */
#define SL_TEXT_ESCAPE_GROWTH 4

/** Escapes s for a terminal into out (see the top of this header). Returns the escaped length. */
size_t sl_text_terminal(char *out, size_t size, const char *s);

/** The character at p (n bytes, n > 0): returns the bytes it takes (a UTF-8 sequence whole, a
 *  byte that is not UTF-8 alone) and sets *control to 1, with its visible form ("\x1b",
 *  "\u202e") in esc (at least 8 bytes), when a terminal or a viewer would act on it rather than
 *  show it: a C0 control but line feed and tab, DEL, a byte that is not UTF-8, a C1 control, a
 *  bidirectional override or isolate, a line or paragraph separator; else *control = 0 (line
 *  feed and tab are the caller's: kept in CSV, a break in HTML). */
size_t sl_text_char_at(const char *p, size_t n, char esc[8], int *control);

/** Writes s to f as one RFC 4180 CSV field's contents (double quotes doubled) with every
 *  character sl_text_char_at calls a control in its visible form: a CSV file shown on a terminal acts
 *  on nothing. NULL writes nothing. */
void sl_text_csv_write(FILE *f, const char *s);

/** Where Markdown text goes. */
typedef enum sl_text_md_context {
  SL_TEXT_MD_PARAGRAPH = 0, /* a paragraph: line breaks kept, the start of every line escaped */
  SL_TEXT_MD_LINE = 1,      /* one line that starts a block (heading, list item, caption): line
                               breaks become spaces, the text's start is escaped */
  SL_TEXT_MD_CELL = 2       /* a table cell (or link or image text): line breaks become spaces,
                               no line start (a cell cannot open a block) */
} sl_text_md_context;

/** Escapes s as Markdown text for `context` into out (see the top of this header). Returns the
 *  escaped length. */
size_t sl_text_markdown(char *out, size_t size, const char *s, sl_text_md_context context);

SL_END_DECLS

#endif
