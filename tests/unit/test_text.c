/* test_text.c - the escaping of text from data files (scoutlab/text.h): a table of inputs with
 * their exact terminal and Markdown forms, written out by hand from the rules in the header,
 * and the snprintf contract (lengths, truncation that never cuts an escape or a character). */
#include <string.h>

#include "harness.h"
#include "scoutlab/json.h"
#include "scoutlab/text.h"

typedef struct text_case {
  const char *what, *in;
  const char *terminal, *cell, *paragraph, *line;
} text_case;

static const text_case cases[] = {
    {"plain", "Anna Stone", "Anna Stone", "Anna Stone", "Anna Stone", "Anna Stone"},
    {"UTF-8 kept", "\xc3\x89mile Faure \xe2\x82\xac", "\xc3\x89mile Faure \xe2\x82\xac",
     "\xc3\x89mile Faure \xe2\x82\xac", "\xc3\x89mile Faure \xe2\x82\xac", "\xc3\x89mile Faure \xe2\x82\xac"},
    {"terminal title (OSC 0 ... BEL)", "A\x1b]0;pwned\x07Z", "A\\x1b]0;pwned\\x07Z", "A\\x1b\\]0;pwned\\x07Z",
     "A\\x1b\\]0;pwned\\x07Z", "A\\x1b\\]0;pwned\\x07Z"},
    {"CR, LF, tab, CRLF", "a\rb\nc\td\r\ne", "a\\rb\\nc\\td\\r\\ne", "a b c d e", "a\nb\nc d\ne", "a b c d e"},
    {"DEL and C0", "x\x7f\x01y", "x\\x7f\\x01y", "x\\x7f\\x01y", "x\\x7f\\x01y", "x\\x7f\\x01y"},
    {"C1 CSI (U+009B) and a right-to-left override", "p\xc2\x9bq\xe2\x80\xaer", "p\\u009bq\\u202er",
     "p\\u009bq\\u202er", "p\\u009bq\\u202er", "p\\u009bq\\u202er"},
    {"bytes that are not UTF-8", "n\xff\x9b" "o\xc3", "n\\xff\\x9bo\\xc3", "n\\xff\\x9bo\\xc3", "n\\xff\\x9bo\\xc3",
     "n\\xff\\x9bo\\xc3"},
    {"image", "![x](http://e)", "![x](http://e)", "\\!\\[x\\]\\(http://e\\)", "\\!\\[x\\]\\(http://e\\)",
     "\\!\\[x\\]\\(http://e\\)"},
    {"table row", "| fake | row |", "| fake | row |", "\\| fake \\| row \\|", "\\| fake \\| row \\|",
     "\\| fake \\| row \\|"},
    {"emphasis, code, HTML, entity", "*a* _b_ `c` <i> &amp; ~d~", "*a* _b_ `c` <i> &amp; ~d~",
     "\\*a\\* \\_b\\_ \\`c\\` \\<i\\> \\&amp; \\~d\\~", "\\*a\\* \\_b\\_ \\`c\\` \\<i\\> \\&amp; \\~d\\~",
     "\\*a\\* \\_b\\_ \\`c\\` \\<i\\> \\&amp; \\~d\\~"},
    {"line starts: list, heading, quote, ordered, setext", "- a\n# b\n> c\n12. d\n===\n+ e",
     "- a\\n# b\\n> c\\n12. d\\n===\\n+ e", "- a \\# b \\> c 12. d === + e",
     "\\- a\n\\# b\n\\> c\n12\\. d\n\\===\n\\+ e", "\\- a \\# b \\> c 12. d === + e"},
    {"blank lines and indentation", "a\n\n\n    code\n  - b", "a\\n\\n\\n    code\\n  - b",
     "a       code   - b", "a\ncode\n\\- b", "a       code   - b"},
    {"a backslash is text", "C:\\x", "C:\\x", "C:\\\\x", "C:\\\\x", "C:\\\\x"},
    {"mid-line markers stay", "Saint-Etienne 1. FC", "Saint-Etienne 1. FC", "Saint-Etienne 1. FC",
     "Saint-Etienne 1. FC", "Saint-Etienne 1. FC"},
    {"leading number in a cell", "-300,000", "-300,000", "-300,000", "\\-300,000", "\\-300,000"},
};

static void table(void) {
  for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
    const text_case *c = &cases[k];
    char out[512];
    size_t n = sl_text_terminal(out, sizeof out, c->in);
    STR_EQ(out, c->terminal, "%s: terminal", c->what);
    INT_EQ(n, strlen(c->terminal), "%s: terminal length", c->what);
    n = sl_text_markdown(out, sizeof out, c->in, SL_TEXT_MD_CELL);
    STR_EQ(out, c->cell, "%s: Markdown cell", c->what);
    INT_EQ(n, strlen(c->cell), "%s: Markdown cell length", c->what);
    sl_text_markdown(out, sizeof out, c->in, SL_TEXT_MD_PARAGRAPH);
    STR_EQ(out, c->paragraph, "%s: Markdown paragraph", c->what);
    sl_text_markdown(out, sizeof out, c->in, SL_TEXT_MD_LINE);
    STR_EQ(out, c->line, "%s: Markdown line", c->what);
    /* Escaping terminal text again changes nothing: callers may pass shown text on. */
    char again[512];
    sl_text_terminal(out, sizeof out, c->in);
    sl_text_terminal(again, sizeof again, out);
    STR_EQ(again, out, "%s: terminal escaping is idempotent", c->what);
    OK(strlen(c->terminal) <= SL_TEXT_ESCAPE_GROWTH * strlen(c->in) && strlen(c->cell) <= SL_TEXT_ESCAPE_GROWTH * strlen(c->in),
       "%s: within SL_TEXT_ESCAPE_GROWTH", c->what);
  }
}

/* snprintf's contract: the full length is returned, a short buffer gets whole units only. */
static void truncation(void) {
  char out[8];
  INT_EQ(sl_text_terminal(NULL, 0, "a\x1b" "b"), 6, "measure without a buffer");
  INT_EQ(sl_text_terminal(out, sizeof out, "abc\x1b" "def"), 10, "full length when cut");
  STR_EQ(out, "abc\\x1b", "an escape is written whole: 'abc\\x1b' (7) fits in 8");
  INT_EQ(sl_text_terminal(out, 6, "abc\x1b" "def"), 10, "full length");
  STR_EQ(out, "abc", "an escape that does not fit is left out, and what follows");
  sl_text_terminal(out, 5, "abc\xe2\x82\xac");
  STR_EQ(out, "abc", "a UTF-8 character is never cut in two");
  sl_text_markdown(out, 3, "a|b", SL_TEXT_MD_CELL);
  STR_EQ(out, "a", "a Markdown escape is written whole");
  INT_EQ(sl_text_terminal(out, sizeof out, NULL), 0, "NULL is the empty text");
  STR_EQ(out, "", "NULL gives \"\"");
  out[0] = 'x';
  INT_EQ(sl_text_terminal(out, 0, "abc"), 3, "size 0 writes nothing");
  OK(out[0] == 'x', "size 0 leaves the buffer alone");
}

/* A JSON string is valid JSON whatever its bytes: a character cut in two by a bounded note
 * (%.60s) is written as U+FFFD, escapes as JSON's, whole characters as they are. */
static void json_strings(void) {
  char buf[128] = "";
  FILE *f = fmemopen(buf, sizeof buf, "w");
  if (!f) {
    OK(0, "fmemopen");
    return;
  }
  sl_json_string(f, "Mbapp\xc3\xa9 \"x\"\n\x01 cut \xc3");
  fclose(f);
  STR_EQ(buf, "\"Mbapp\xc3\xa9 \\\"x\\\"\\n\\u0001 cut \\ufffd\"", "escapes, a whole character, a cut one");
}

int main(void) {
  table();
  truncation();
  json_strings();
  return SL_TEST_DONE();
}
