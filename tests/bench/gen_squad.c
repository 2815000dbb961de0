/* gen_squad.c - writes a stats file of ROWS rows for the squad benchmark by replicating one
 * season of a stats CSV (the bundled demo data, datasets/players.csv): the season's rows are
 * written in order, again and again, until ROWS rows are out; copy c >= 2 of a row gets " #c"
 * after its player and club names, so the copies are other players at other clubs (no duplicate
 * rule folds them away) in the same leagues (so every league's peer pool grows with ROWS, as it
 * would with more real clubs). The last copy may be partial. Other cells are copied verbatim.
 *   cc -O2 -o gen_squad gen_squad.c && ./gen_squad datasets/players.csv 2024 50000 > s.csv
 * Exit status 1 when the input cannot be read or has no Player/Squad/season column, 2 on usage. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define GEN_MAX_FIELDS 512 /* the demo file has 44 columns, FBref's 267 */

typedef struct {
  char *text; /* the whole record, fields separated by '\0' */
  size_t len, cap;
  size_t start[GEN_MAX_FIELDS];
  size_t n;
} record;

static int push(record *r, int ch) {
  if (r->len + 1 >= r->cap) {
    size_t cap = r->cap ? 2 * r->cap : 256;
    char *t = realloc(r->text, cap);
    if (!t) return -1;
    r->text = t, r->cap = cap;
  }
  r->text[r->len++] = (char)ch;
  return 0;
}

/* Reads one CSV record (RFC 4180 quoting, CRLF or LF). 1 when read, 0 at end of input. */
static int read_record(FILE *in, record *r) {
  int ch = getc(in), quoted = 0;
  if (ch == EOF) return 0;
  r->len = 0, r->n = 0;
  r->start[r->n++] = 0;
  for (; ch != EOF; ch = getc(in)) {
    if (quoted) {
      if (ch != '"') {
        if (push(r, ch)) return -1;
        continue;
      }
      int next = getc(in);
      if (next == '"') {
        if (push(r, '"')) return -1;
        continue;
      }
      quoted = 0;
      if (next == EOF) break;
      ch = next;
    }
    if (ch == '"') quoted = 1;
    else if (ch == ',') {
      if (push(r, '\0') || r->n == GEN_MAX_FIELDS) return -1;
      r->start[r->n++] = r->len;
    } else if (ch == '\n') break;
    else if (ch != '\r' && push(r, ch)) return -1;
  }
  return push(r, '\0') ? -1 : 1;
}

static const char *field(const record *r, size_t k) { return k < r->n ? r->text + r->start[k] : ""; }

static void write_field(const char *s, const char *suffix, FILE *out) {
  int quote = strpbrk(s, ",\"\r\n") != NULL;
  if (quote) putc('"', out);
  for (; *s; s++) {
    if (*s == '"') putc('"', out);
    putc(*s, out);
  }
  if (suffix) fputs(suffix, out);
  if (quote) putc('"', out);
}

static long column(const record *h, const char *name) {
  for (size_t k = 0; k < h->n; k++)
    if (strcmp(field(h, k), name) == 0) return (long)k;
  return -1;
}

int main(int argc, char **argv) {
  if (argc != 4 || atol(argv[3]) <= 0) return fprintf(stderr, "usage: gen_squad STATS.csv SEASON ROWS\n"), 2;
  long rows = atol(argv[3]);
  FILE *in = fopen(argv[1], "rb");
  if (!in) return perror(argv[1]), 1;
  record h = {0}, r = {0};
  if (read_record(in, &h) != 1) return fprintf(stderr, "%s: no header\n", argv[1]), 1;
  long c_player = column(&h, "Player"), c_club = column(&h, "Squad"), c_season = column(&h, "season");
  if (c_player < 0 || c_club < 0 || c_season < 0)
    return fprintf(stderr, "%s: needs Player, Squad and season columns\n", argv[1]), 1;
  /* Keep the season's records, each as its '\0'-separated text. */
  record *keep = NULL;
  size_t nkeep = 0, capkeep = 0;
  int got;
  while ((got = read_record(in, &r)) == 1) {
    if (strcmp(field(&r, (size_t)c_season), argv[2]) != 0) continue;
    if (nkeep == capkeep) {
      capkeep = capkeep ? 2 * capkeep : 1024;
      record *k = realloc(keep, capkeep * sizeof *keep);
      if (!k) return fprintf(stderr, "out of memory\n"), 1;
      keep = k;
    }
    keep[nkeep] = r;
    keep[nkeep].text = malloc(r.len);
    if (!keep[nkeep].text) return fprintf(stderr, "out of memory\n"), 1;
    memcpy(keep[nkeep].text, r.text, r.len);
    nkeep++;
  }
  fclose(in);
  if (got < 0) return fprintf(stderr, "%s: a record is too wide or memory ran out\n", argv[1]), 1;
  if (!nkeep) return fprintf(stderr, "%s: no rows of season %s\n", argv[1], argv[2]), 1;
  for (size_t k = 0; k < h.n; k++) {
    if (k) putchar(',');
    write_field(field(&h, k), NULL, stdout);
  }
  putchar('\n');
  char suffix[32];
  for (long i = 0; i < rows; i++) {
    const record *x = &keep[(size_t)i % nkeep];
    long copy = i / (long)nkeep + 1;
    snprintf(suffix, sizeof suffix, " #%ld", copy);
    for (size_t k = 0; k < x->n; k++) {
      if (k) putchar(',');
      int renamed = copy > 1 && ((long)k == c_player || (long)k == c_club) && *field(x, k);
      write_field(field(x, k), renamed ? suffix : NULL, stdout);
    }
    putchar('\n');
  }
  for (size_t k = 0; k < nkeep; k++) free(keep[k].text);
  free(keep), free(h.text), free(r.text);
  return ferror(stdout) ? 1 : 0;
}
