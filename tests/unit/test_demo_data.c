/* test_demo_data.c - the bundled demo world (datasets/) is exactly what the seeded generator
 * writes, and it holds together: minutes add up per club-season, stats are plausible per role,
 * transfers list moves between covered leagues from both sides, the featured player is
 * complete, and an OLS of log(fee) on the documented terms recovers truth.csv's coefficients.
 *
 * Expected values: a fresh generator run (SL_GEN_DEMO, set by datasets/CMakeLists.txt), equal
 * word for word and number for number to a relative 1e-12 (tests/tools/numdiff.h); the accounting identity matches x 90 x 11 per club-season; the
 * fee model's true coefficients from truth.csv, each within 4 standard errors of the fit. */
#include "harness.h"
#include "numdiff.h"

#include <stdint.h>
#include <unistd.h>

#ifndef SL_DEMO_SEED
#define SL_DEMO_SEED "20250601"
#endif

/* ---------------------------------------------------------------- files and a small CSV reader */

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap + 1);
  for (size_t got; buf && (got = fread(buf + n, 1, cap - n, f)) > 0;) {
    n += got;
    if (n == cap) {
      char *bigger = realloc(buf, 2 * cap + 1);
      if (!bigger) free(buf);
      buf = bigger;
      cap *= 2;
    }
  }
  fclose(f);
  if (buf) buf[n] = '\0';
  if (len) *len = n;
  return buf;
}

typedef struct csv {
  char *text;        /* fields are NUL-terminated in place (quotes removed) */
  char ***rows;      /* rows[r][c]; row 0 is the header */
  int n_rows, n_cols;
} csv;

/* RFC 4180 in place: a field's unquoted text is moved to the front of its span. */
static int csv_read(const char *path, csv *out) {
  memset(out, 0, sizeof *out);
  out->text = slurp(path, NULL);
  if (!out->text) return -1;
  int cap = 1024;
  out->rows = malloc(sizeof(char **) * cap);
  char *p = out->text;
  while (*p) {
    int ncap = 64, nf = 0;
    char **fields = malloc(sizeof(char *) * ncap);
    for (;;) {
      char *start = p, *w = p;
      if (*p == '"') {
        for (p++; *p; p++) {
          if (*p == '"' && p[1] == '"') *w++ = *p++;
          else if (*p == '"') { p++; break; }
          else *w++ = *p;
        }
      } else {
        while (*p && *p != ',' && *p != '\n') *w++ = *p++;
      }
      char sep = *p;
      *w = '\0';
      if (nf == ncap) fields = realloc(fields, sizeof(char *) * (ncap *= 2));
      fields[nf++] = start;
      if (sep) p++;
      if (sep != ',') break;
    }
    if (out->n_rows == cap) out->rows = realloc(out->rows, sizeof(char **) * (cap *= 2));
    out->rows[out->n_rows++] = fields;
    if (out->n_rows == 1) out->n_cols = nf;
  }
  return 0;
}

static void csv_free(csv *c) {
  for (int r = 0; r < c->n_rows; r++) free(c->rows[r]);
  free(c->rows);
  free(c->text);
}

static int col(const csv *c, const char *name) {
  for (int k = 0; k < c->n_cols; k++)
    if (strcmp(c->rows[0][k], name) == 0) return k;
  fprintf(stderr, "no column %s\n", name);
  return 0;
}

static double num(const csv *c, int r, const char *name) { return sl_test_strtod(c->rows[r][col(c, name)], NULL); }
static const char *txt(const csv *c, int r, const char *name) { return c->rows[r][col(c, name)]; }

/* ---------------------------------------------------------------- 1. regenerate and compare */

static const char *const files[] = {"players.csv", "contracts.csv", "values.csv", "transfers.csv",
                                    "truth.csv"};

static void compare_file(const char *dir, const char *name) {
  char a[8192], b[8192];
  snprintf(a, sizeof a, "%s/%s", SL_DATASETS, name);
  snprintf(b, sizeof b, "%s/%s", dir, name);
  size_t la = 0, lb = 0;
  char *ca = slurp(a, &la), *cb = slurp(b, &lb);
  OK(ca && cb, "%s: cannot read the committed file or the regenerated one", name);
  if (ca && cb) {
    /* By parsed values: the generator calls libm (exp, log, pow), whose last bits may differ
     * on another machine; every word and every number to a relative 1e-12 must agree. */
    numdiff_opts o = NUMDIFF_DEFAULTS;
    char why[1024] = "";
    OK(numdiff_text(ca, la, cb, lb, &o, why, sizeof why) == 0,
       "%s differs from the generator's output (seed %s): %s; run "
       "`cmake --build <build> --target demo-data` and commit", name, SL_DEMO_SEED, why);
  }
  free(ca);
  free(cb);
  remove(b);
}

static void test_regenerates(void) {
#ifdef SL_GEN_DEMO
  const char *tmp = getenv("TMPDIR");
  char dir[4096], cmd[8192];
  snprintf(dir, sizeof dir, "%s/sl_demo_XXXXXX", tmp && *tmp ? tmp : "/tmp");
  OK(mkdtemp(dir) != NULL, "mkdtemp %s", dir);
  snprintf(cmd, sizeof cmd, "'%s' --seed %s --out '%s'", SL_GEN_DEMO, SL_DEMO_SEED, dir);
  INT_EQ(system(cmd), 0, "generator run: %s", cmd);
  for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) compare_file(dir, files[i]);
  rmdir(dir);
#else
  fprintf(stderr, "note: SL_GEN_DEMO not defined; comparison with the generator skipped\n");
#endif
}

/* ---------------------------------------------------------------- 2. players.csv */

static void test_minutes_add_up(const csv *p) {
  /* Rows come grouped by season then club: sum each run of equal (season, Squad). */
  int bad = 0, groups = 0;
  for (int r = 1; r < p->n_rows;) {
    long sum = 0;
    int s = r;
    for (; r < p->n_rows && !strcmp(txt(p, r, "Squad"), txt(p, s, "Squad")) &&
           !strcmp(txt(p, r, "season"), txt(p, s, "season")); r++)
      sum += (long)num(p, r, "Min");
    long expected = (long)num(p, s, "team_matches") * 90 * 11;
    groups++;
    if (sum != expected && bad++ < 3)
      fprintf(stderr, "%s %s: %ld minutes, expected %ld\n", txt(p, s, "Squad"), txt(p, s, "season"),
              sum, expected);
  }
  INT_EQ(bad, 0, "club-seasons whose minutes are not matches x 90 x 11");
  INT_EQ(groups, 94 * 6, "club-seasons (94 clubs x seasons 2019-2024)");
}

static void test_rows_consistent(const csv *p) {
  int bad = 0, two_clubs = 0;
  for (int r = 1; r < p->n_rows; r++) {
    double mp = num(p, r, "MP"), min = num(p, r, "Min");
    int ok = mp >= 1 && min <= 90 * mp && num(p, r, "Starts") <= mp &&
             num(p, r, "Cmp") <= num(p, r, "Att") && num(p, r, "TklW") <= num(p, r, "Tkl") &&
             num(p, r, "SoT") <= num(p, r, "Sh") &&
             num(p, r, "Tkl+Int") == num(p, r, "Tkl") + num(p, r, "Int") &&
             fabs(num(p, r, "90s") - min / 90) <= 0.051;
    double won = num(p, r, "Won"), lost = num(p, r, "Lost");
    if (won + lost > 0) ok = ok && fabs(num(p, r, "Won%") - 100 * won / (won + lost)) <= 0.051;
    if (!ok && bad++ < 3) fprintf(stderr, "inconsistent row %d (%s)\n", r + 1, txt(p, r, "Player"));
  }
  /* Mid-season moves: the same player twice in one season (rows are far apart). */
  for (int r = 1; r < p->n_rows && two_clubs < 1; r++)
    for (int q = r + 1; q < p->n_rows && !strcmp(txt(p, q, "season"), txt(p, r, "season")); q++)
      if (!strcmp(txt(p, q, "Player"), txt(p, r, "Player"))) {
        two_clubs++;
        break;
      }
  INT_EQ(bad, 0, "rows breaking MP/Min/Cmp/TklW/SoT/Won%%/90s identities");
  OK(two_clubs > 0, "some player has two rows in a season (mid-season move)");
}

/* Per-90 of a stat over all rows of a position with >= 900 minutes. */
static double per90(const csv *p, const char *position, const char *stat) {
  double total = 0, minutes = 0;
  for (int r = 1; r < p->n_rows; r++) {
    if (strcmp(txt(p, r, "position"), position) || num(p, r, "Min") < 900) continue;
    total += num(p, r, stat);
    minutes += num(p, r, "Min");
  }
  return minutes > 0 ? 90 * total / minutes : 0;
}

static void test_roles_plausible(const csv *p) {
  OK(per90(p, "Centre-Back", "Clr") > 2 * per90(p, "Centre-Forward", "Clr"), "CBs clear more");
  OK(per90(p, "Centre-Back", "Won") > per90(p, "Right-Back", "Won"), "CBs win more aerials than RBs");
  OK(per90(p, "Centre-Forward", "Sh") > 3 * per90(p, "Centre-Back", "Sh"), "forwards shoot more");
  OK(per90(p, "Left Winger", "PrgC") > per90(p, "Centre-Back", "PrgC"), "wingers carry more");
  int dual = 0;
  for (int r = 1; r < p->n_rows; r++) dual += strchr(txt(p, r, "Pos"), ',') != NULL;
  OK(dual > 0, "some Pos values name two groups (\"DF,MF\")");
}

static void test_names(const csv *p) {
  static const char *const marks[] = {"'", "é", "ü", "ç", "ø", "ğ"};
  for (size_t m = 0; m < sizeof marks / sizeof marks[0]; m++) {
    int found = 0;
    for (int r = 1; r < p->n_rows && !found; r++) found = strstr(txt(p, r, "Player"), marks[m]) != NULL;
    OK(found, "a player name containing \"%s\"", marks[m]);
  }
}

/* ---------------------------------------------------------------- 3. the featured player */

#define FEATURED "Tobías Quirandel"

static void test_featured(const csv *p, const csv *k, const csv *v, const csv *t) {
  int season_rows = 0, in_2024 = 0, contract = 0, value_2024 = 0, moves = 0;
  for (int r = 1; r < p->n_rows; r++) {
    if (strcmp(txt(p, r, "Player"), FEATURED)) continue;
    season_rows++;
    if (num(p, r, "season") == 2024) {
      in_2024 = !strcmp(txt(p, r, "Squad"), "Olympique Sabreval") && num(p, r, "Age") == 26 &&
                !strcmp(txt(p, r, "position"), "Centre-Back") && num(p, r, "Min") >= 1800;
    }
  }
  for (int r = 1; r < k->n_rows; r++)
    if (!strcmp(txt(k, r, "Player"), FEATURED))
      contract = !strcmp(txt(k, r, "contract_expiration_date"), "2027-06-30") &&
                 !strcmp(txt(k, r, "club"), "Olympique Sabreval");
  for (int r = 1; r < v->n_rows; r++)
    if (!strcmp(txt(v, r, "name"), FEATURED) && num(v, r, "season") == 2024)
      value_2024 = num(v, r, "market_value") == 18000000;
  for (int r = 1; r < t->n_rows; r++) moves += !strcmp(txt(t, r, "name"), FEATURED);
  INT_EQ(season_rows, 6, FEATURED " has a row in each season 2019-2024");
  OK(in_2024, FEATURED ": 2024 at Olympique Sabreval, 26, Centre-Back, regular minutes");
  OK(contract, FEATURED ": contract with Sabreval to 2027-06-30");
  OK(value_2024, FEATURED ": market value 18,000,000 in 2024");
  INT_EQ(moves, 7, FEATURED ": transfer rows (2018 buy, 2020 loan x2, 2021 return x2, buy x2)");
}

/* ---------------------------------------------------------------- 4. transfers.csv */

static const char *const leagues[5] = {"Aurelian Premier League", "Castellan Primera",
                                       "Borealian Meisterliga", "Valmorian Ligue",
                                       "Dravonian Superliga"};
static const char *const league_countries[5] = {"Aurelia", "Castella", "Borealia", "Valmoria",
                                                "Dravonia"};

static int league_of_country(const char *country) {
  for (int l = 0; l < 5; l++)
    if (!strcmp(country, league_countries[l])) return l;
  return 5; /* Other */
}

static int league_index(const char *name) {
  for (int l = 0; l < 5; l++)
    if (!strcmp(name, leagues[l])) return l;
  return 5;
}

static void test_transfer_kinds(const csv *t) {
  int loans = 0, frees = 0, unknown = 0, no_value = 0, unmatched = 0, covered_in = 0;
  for (int r = 1; r < t->n_rows; r++) {
    int loan = !strcmp(txt(t, r, "is_loan"), "True");
    const char *fee = txt(t, r, "fee"), *deal = txt(t, r, "dealing_club");
    loans += loan;
    frees += !loan && !strcmp(fee, "0.0");
    unknown += !*fee && strcmp(deal, "Retired") && strcmp(deal, "Without Club");
    no_value += !*txt(t, r, "market_value");
    if (strcmp(txt(t, r, "movement"), "in") || league_of_country(txt(t, r, "dealing_country")) == 5)
      continue;
    /* A move between covered leagues: the seller's out-row is the row just before. */
    covered_in++;
    int q = r - 1;
    if (q < 1 || strcmp(txt(t, q, "movement"), "out") || strcmp(txt(t, q, "name"), txt(t, r, "name")) ||
        strcmp(txt(t, q, "fee"), fee) || strcmp(txt(t, q, "club"), deal) ||
        strcmp(txt(t, q, "season"), txt(t, r, "season")))
      unmatched++;
  }
  OK(t->n_rows - 1 >= 5000, "several thousand transfer rows (%d)", t->n_rows - 1);
  OK(loans > 500 && frees > 500 && unknown > 100 && no_value > 100,
     "loans %d, free transfers %d, unknown fees %d, missing market values %d", loans, frees,
     unknown, no_value);
  OK(covered_in > 1000, "moves between covered leagues (%d)", covered_in);
  INT_EQ(unmatched, 0, "in-rows between covered leagues without their out-row");
}

/* ---------------------------------------------------------------- 5. the fee model is identifiable */

enum { P = 20 }; /* intercept, age, age_sq, DF, FW, GK, buy x5, sell x5, season, months, share, log mv */

static const char *const term_names[P] = {
    "intercept", "age", "age_sq", "group_DF", "group_FW", "group_GK",
    "buy_Aurelian Premier League", "buy_Castellan Primera", "buy_Borealian Meisterliga",
    "buy_Valmorian Ligue", "buy_Dravonian Superliga", "sell_Aurelian Premier League",
    "sell_Castellan Primera", "sell_Borealian Meisterliga", "sell_Valmorian Ligue",
    "sell_Dravonian Superliga", "season_index", "contract_months_left", "minutes_share",
    "log_market_value"};

static int group_column(const char *short_pos) {
  if (!strcmp(short_pos, "GK")) return 5;
  if (!strcmp(short_pos, "CB") || !strcmp(short_pos, "RB") || !strcmp(short_pos, "LB")) return 3;
  if (!strcmp(short_pos, "LW") || !strcmp(short_pos, "RW") || !strcmp(short_pos, "CF")) return 4;
  return -1; /* MF: baseline */
}

/* One design row for a usable transfer (permanent, fee > 0, market value and minutes share
 * known, counted once: in-rows, plus out-rows to clubs outside the five leagues). */
static int design_row(const csv *t, int r, double *x, double *y) {
  const char *fee = txt(t, r, "fee"), *mv = txt(t, r, "market_value"), *share = txt(t, r, "minutes_share");
  int in = !strcmp(txt(t, r, "movement"), "in");
  int other = league_of_country(txt(t, r, "dealing_country"));
  if (!strcmp(txt(t, r, "is_loan"), "True") || !*fee || sl_test_strtod(fee, NULL) <= 0 || !*mv || !*share) return 0;
  if (!in && other != 5) return 0;
  int own = league_index(txt(t, r, "league")), buy = in ? own : other, sell = in ? other : own;
  double age = num(t, r, "age");
  memset(x, 0, sizeof(double) * P);
  x[0] = 1;
  x[1] = age;
  x[2] = age * age;
  int g = group_column(txt(t, r, "short_pos"));
  if (g > 0) x[g] = 1;
  if (buy < 5) x[6 + buy] = 1;
  if (sell < 5) x[11 + sell] = 1;
  x[16] = num(t, r, "season") - 2019;
  x[17] = num(t, r, "contract_months_left");
  x[18] = sl_test_strtod(share, NULL);
  x[19] = log(sl_test_strtod(mv, NULL));
  *y = log(sl_test_strtod(fee, NULL));
  return 1;
}

/* OLS by modified Gram-Schmidt (Golub & Van Loan 5.2.8): X = QR, beta = R^-1 Q'y,
 * se_j = s * ||row j of R^-1||. Columns are stored contiguously (X is n x P column-major). */
static int ols(double *X, double *y, int n, double *beta, double *se, double *s_out) {
  static double R[P][P], Rinv[P][P];
  double qty[P];
  memset(R, 0, sizeof R);
  for (int j = 0; j < P; j++) {
    double *qj = X + (size_t)j * n, norm = 0;
    for (int i = 0; i < n; i++) norm += qj[i] * qj[i];
    R[j][j] = sqrt(norm);
    if (R[j][j] < 1e-9) return -1;
    for (int i = 0; i < n; i++) qj[i] /= R[j][j];
    for (int k = j + 1; k < P; k++) {
      double *qk = X + (size_t)k * n, dot = 0;
      for (int i = 0; i < n; i++) dot += qj[i] * qk[i];
      R[j][k] = dot;
      for (int i = 0; i < n; i++) qk[i] -= dot * qj[i];
    }
    double dot = 0;
    for (int i = 0; i < n; i++) dot += qj[i] * y[i];
    qty[j] = dot;
    for (int i = 0; i < n; i++) y[i] -= dot * qj[i]; /* y ends as the residual vector */
  }
  double rss = 0;
  for (int i = 0; i < n; i++) rss += y[i] * y[i];
  double s = sqrt(rss / (n - P));
  for (int j = P - 1; j >= 0; j--) {
    beta[j] = qty[j];
    for (int k = j + 1; k < P; k++) beta[j] -= R[j][k] * beta[k];
    beta[j] /= R[j][j];
  }
  memset(Rinv, 0, sizeof Rinv);
  for (int c = 0; c < P; c++)
    for (int j = c; j >= 0; j--) {
      double v = j == c ? 1.0 : 0.0;
      for (int k = j + 1; k <= c; k++) v -= R[j][k] * Rinv[k][c];
      Rinv[j][c] = v / R[j][j];
    }
  for (int j = 0; j < P; j++) {
    double ss = 0;
    for (int c = 0; c < P; c++) ss += Rinv[j][c] * Rinv[j][c];
    se[j] = s * sqrt(ss);
  }
  *s_out = s;
  return 0;
}

static double truth_value(const csv *truth, const char *model, const char *term) {
  for (int r = 1; r < truth->n_rows; r++)
    if (!strcmp(txt(truth, r, "model"), model) && !strcmp(txt(truth, r, "term"), term))
      return num(truth, r, "true_value");
  fprintf(stderr, "truth.csv has no %s/%s\n", model, term);
  return NAN;
}

static void test_fee_model_recovered(const csv *t, const csv *truth) {
  int n = 0;
  double *X = malloc(sizeof(double) * P * (size_t)t->n_rows), *y = malloc(sizeof(double) * t->n_rows);
  double x[P];
  for (int r = 1; r < t->n_rows; r++)
    if (design_row(t, r, x, &y[n])) {
      for (int j = 0; j < P; j++) X[(size_t)j * t->n_rows + n] = x[j];
      n++;
    }
  /* Compact the columns to length n. */
  for (int j = 1; j < P; j++) memmove(X + (size_t)j * n, X + (size_t)j * t->n_rows, sizeof(double) * n);
  OK(n > 1500, "usable paid transfers for the fee fit (%d)", n);
  double beta[P], se[P], s = 0;
  int st = ols(X, y, n, beta, se, &s);
  INT_EQ(st, 0, "fee design matrix has full rank");
  for (int j = 0; st == 0 && j < P; j++) {
    double want = truth_value(truth, "fee", term_names[j]);
    OK(fabs(beta[j] - want) <= 4 * se[j], "%s: fitted %.4f (se %.4f), true %.4f", term_names[j],
       beta[j], se[j], want);
  }
  SL_CHECK_REL(s, truth_value(truth, "fee", "sigma"), 0.1, "residual SD vs the true sigma");
  free(X);
  free(y);
}

int main(void) {
  test_regenerates();
  csv p, k, v, t, truth;
  char path[4096];
  const char *names[5] = {"players.csv", "contracts.csv", "values.csv", "transfers.csv", "truth.csv"};
  csv *tables[5] = {&p, &k, &v, &t, &truth};
  for (int i = 0; i < 5; i++) {
    snprintf(path, sizeof path, "%s/%s", SL_DATASETS, names[i]);
    if (csv_read(path, tables[i])) {
      fprintf(stderr, "cannot read %s\n", path);
      return EXIT_FAILURE;
    }
  }
  test_minutes_add_up(&p);
  test_rows_consistent(&p);
  test_roles_plausible(&p);
  test_names(&p);
  test_featured(&p, &k, &v, &t);
  test_transfer_kinds(&t);
  test_fee_model_recovered(&t, &truth);
  for (int i = 0; i < 5; i++) csv_free(tables[i]);
  return SL_TEST_DONE();
}
