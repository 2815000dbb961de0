/* test_fees_terms.c - declared terms of the fee model (issue 15): the term-list parser (accepted
 * lists, merging, every error with its column), Harrell's restricted cubic spline (knots, basis,
 * linear beyond the boundary knots, the same fit as an independent natural-spline basis), and a
 * declared model on the demo data through every consumer: design rows, contributions, notes,
 * extrapolation, a line-position mixture, ridge, save/load (format 4) and its validation. The
 * default list (terms = NULL) must give exactly the classic model.
 *
 * Expected numbers: the basis by hand from the formula (comments), the knots as R's
 * quantile(type = 7) at Harrell's probabilities, the spline fit's RSS from patsy's cr() basis
 * (tests/golden/spline_golden.py; a natural cubic spline with the same knots spans the same
 * space, so the least-squares fit is the same). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "fees_internal.h" /* sl_fees_spline_knots */
#include "scoutlab/fees.h"

#define TRANSFERS SL_DATASETS "/transfers.csv"

/* ---- the parser --------------------------------------------------------------------------- */

static void test_parse_accepts(void) {
  sl_fees_term_list l;
  sl_error err;
  INT_EQ(sl_fees_terms_parse(SL_FEES_DEFAULT_TERMS, &l, &err), SL_OK, "default list: %s", err.message);
  INT_EQ(l.n, 14, "default list: 14 terms (age and age^2 are one)");
  INT_EQ(l.term[0].kind, SL_FEES_TERM_QUADRATIC, "age,age^2 is one quadratic term");
  char text[SL_FEES_TERMS_TEXT_MAX];
  sl_fees_terms_text(&l, text, sizeof text);
  STR_EQ(text, SL_FEES_DEFAULT_TERMS, "the default list written back");
  INT_EQ(sl_fees_terms_parse(SL_FEES_CLASSIC_TERMS, &l, &err), SL_OK, "classic list: %s", err.message);
  INT_EQ(l.n, 12, "classic list: 12 terms");
  sl_fees_terms_text(&l, text, sizeof text);
  STR_EQ(text, SL_FEES_CLASSIC_TERMS, "the classic list written back");

  INT_EQ(sl_fees_terms_parse(" log_mv , spline( log_mv ,4),buyer_league : log_mv, age:log_mv ,AGE^2", &l, &err),
         SL_OK, "spaces, case, both orders: %s", err.message);
  INT_EQ(l.n, 4, "log_mv and spline(log_mv,4) are one term");
  INT_EQ(l.term[0].kind, SL_FEES_TERM_SPLINE, "the spline at log_mv's place");
  INT_EQ(l.term[0].nknots, 4, "4 knots");
  INT_EQ(l.term[1].kind, SL_FEES_TERM_INTERACTION, "buyer_league:log_mv");
  INT_EQ(l.term[1].var, SL_FEES_VAR_MARKET_VALUE, "factor:numeric is stored numeric first");
  INT_EQ(l.term[1].partner, SL_FEES_VAR_BUYER_LEAGUE, "its partner the factor");
  INT_EQ(l.term[2].var, SL_FEES_VAR_AGE, "numeric:numeric keeps its order");
  INT_EQ(l.term[3].kind, SL_FEES_TERM_QUADRATIC, "AGE^2 alone is age and its square");
  sl_fees_terms_text(&l, text, sizeof text);
  STR_EQ(text, "spline(log_mv,4),log_mv:buyer_league,age:log_mv,age,age^2", "written back");
  INT_EQ(sl_fees_terms_parse("contract_months,minutes_share", &l, &err), SL_OK, "column-name aliases");
  INT_EQ(l.term[0].var, SL_FEES_VAR_CONTRACT, "contract_months = contract");
  INT_EQ(sl_fees_terms_parse("column( scout grade ),spline(column(height),3),column(scout grade):buyer_league", &l, &err),
         SL_OK, "column terms: %s", err.message);
  INT_EQ(l.ncolumns, 2, "two columns, one named twice");
  STR_EQ(l.columns[0], "scout grade", "the name trimmed");
  INT_EQ(l.term[0].var, SL_FEES_VAR_COLUMN(0), "column 0");
  INT_EQ(l.term[1].kind, SL_FEES_TERM_SPLINE, "a spline of a column");
  INT_EQ(l.term[2].var, SL_FEES_VAR_COLUMN(0), "the same column in the interaction");
  sl_fees_terms_text(&l, text, sizeof text);
  STR_EQ(text, "column(scout grade),spline(column(height),3),column(scout grade):buyer_league", "written back");
}

/* Every error names the character column and what was expected. */
static void test_parse_errors(void) {
  static const struct {
    const char *text;
    long column;
    const char *message;
  } cases[] = {
      {"age,log_vm", 5, "unknown variable 'log_vm' (did you mean 'log_mv'?); expected a variable: age, position"},
      {"age,postion", 5, "(did you mean 'position'?)"},
      {"age,wingspan", 5, "unknown variable 'wingspan'; expected a variable: age, position, buyer_league"},
      {"age,,position", 5, "expected a term (NAME, NAME^2, spline(NAME,K) or NAME:NAME), found ',p'"},
      {"", 1, "found the end of the list"},
      {"age,", 5, "found the end of the list"},
      {"age;position", 4, "expected ',' or the end of the list, found ';p'"},
      {"spline(age,9)", 12, "9 knots: expected 3 to 7"},
      {"spline(age 4)", 12, "expected ',' and the number of knots"},
      {"spline(age,4", 13, "expected ')' closing spline(NAME,K)"},
      {"spline(position,4)", 8, "position cannot be a spline"},
      {"spline( season,4)", 9, "season cannot be a spline"},
      {"position^2", 1, "position cannot be squared"},
      {"age^3", 5, "expected 2 after '^'"},
      {"position:buyer_league", 1, "two factors cannot interact"},
      {"age:season", 5, "the season cannot be in an interaction"},
      {"age:age", 5, "age:age is the variable with itself"},
      {"age:log_mv:contract", 11, "only two variables can interact"},
      {"age,position,age", 14, "age is listed twice"},
      {"age:log_mv,log_mv:age", 12, "log_mv:age is listed twice"},
      {"age^2,spline(age,4)", 7, "age is listed twice, in two forms"},
      {"log_mv,\xc3\xa4ge", 8, "expected a term"}, /* "ä" is one character: column 8, not byte 8 */
      {"\xc3\xa4ge,x", 1, "expected a term"},
      {"age,column()", 12, "expected a column name in column(NAME)"},
      {"column(a,b)", 9, "expected ')' closing column(NAME)"},
      {"column(a),column(a)", 11, "column(a) is listed twice"},
      {"column(a):column(a)", 11, "column(a):column(a) is the variable with itself"},
      {"colum(a)", 1, "unknown variable 'colum'"},
  };
  for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
    sl_fees_term_list l;
    sl_error err;
    int st = sl_fees_terms_parse(cases[k].text, &l, &err);
    INT_EQ(st, SL_EPARSE, "case %zu '%s' refused", k, cases[k].text);
    INT_EQ(err.column, cases[k].column, "case %zu '%s': column (%s)", k, cases[k].text, err.message);
    OK(strstr(err.message, cases[k].message) != NULL, "case %zu '%s': message %s", k, cases[k].text, err.message);
    char col[32];
    snprintf(col, sizeof col, "column %ld:", cases[k].column);
    OK(strstr(err.message, col) != NULL, "case %zu: the message names the column: %s", k, err.message);
    INT_EQ(l.n, 0, "case %zu: nothing parsed", k);
  }
}

/* ---- splines ------------------------------------------------------------------------------- */

static void test_spline_basis(void) {
  const double t[] = {0, 1, 2, 3};
  double b[2];
  /* x = 2.5: (2.5^3 - 0.5^3 (3 - 0)/(3 - 2) + 0) / 3^2 = (15.625 - 0.375) / 9 */
  sl_fees_spline_basis(2.5, t, 4, b);
  SL_CHECK_REL(b[0], 15.25 / 9, 1e-14, "basis 1 at 2.5");
  /* basis 2 (t_1 = 1): (1.5^3 - 0.5^3 (3 - 1)/1) / 9 = (3.375 - 0.25) / 9 */
  SL_CHECK_REL(b[1], 3.125 / 9, 1e-14, "basis 2 at 2.5");
  sl_fees_spline_basis(-1, t, 4, b);
  OK(b[0] == 0 && b[1] == 0, "zero below the first knot");
  /* Beyond the last knot the basis is linear: x = 4, 5, 6 give (64 - 24 + 2, 125 - 81 + 16,
   * 216 - 192 + 54) / 9 = 42/9, 60/9, 78/9, steps of 18/9. */
  double at[3];
  for (int k = 0; k < 3; k++) sl_fees_spline_basis(4 + k, t, 4, b), at[k] = b[0];
  SL_CHECK_REL(at[0], 42.0 / 9, 1e-14, "basis 1 at 4");
  SL_CHECK_REL(at[2] - at[1], at[1] - at[0], 1e-12, "linear beyond the last knot");
  SL_CHECK_REL(at[1] - at[0], 2.0, 1e-12, "slope 18/9");
}

static void test_spline_knots(void) {
  double x[1000], knots[SL_FEES_MAX_KNOTS];
  size_t nk;
  for (int i = 0; i < 1000; i++) x[i] = 1000 - i; /* 1..1000, unsorted */
  INT_EQ(sl_fees_spline_knots(x, 1000, 4, knots, &nk), SL_OK, "knots");
  INT_EQ(nk, 4, "four knots");
  /* R: quantile(1:1000, c(.05, .35, .65, .95)) = 50.95 350.65 650.35 950.05 */
  SL_CHECK_REL(knots[0], 50.95, 1e-12, "knot 1");
  SL_CHECK_REL(knots[1], 350.65, 1e-12, "knot 2");
  SL_CHECK_REL(knots[2], 650.35, 1e-12, "knot 3");
  SL_CHECK_REL(knots[3], 950.05, 1e-12, "knot 4");
  /* Fewer than 100 values: the outer knots are the 5th smallest and largest (Hmisc). */
  INT_EQ(sl_fees_spline_knots(x + 950, 50, 3, knots, &nk), SL_OK, "knots of 50");
  SL_CHECK_REL(knots[0], 5, 1e-12, "5th smallest of 1..50");
  SL_CHECK_REL(knots[1], 25.5, 1e-12, "median of 1..50");
  SL_CHECK_REL(knots[2], 46, 1e-12, "5th largest");
  double two[200];
  for (int i = 0; i < 200; i++) two[i] = i >= 180; /* 90% zeros: the 5-95% quantiles are 0 or 1 */
  INT_EQ(sl_fees_spline_knots(two, 200, 5, knots, &nk), SL_OK, "knots of a 0/1 variable");
  INT_EQ(nk, 2, "tied quantiles: two distinct knots");
}

/* The least-squares fit on [1, x, rcs(x)] equals the one on patsy's natural cubic basis. */
static void test_spline_fit_golden(void) {
  enum { N = 201 };
  const double t[] = {0.5, 2, 5, 9};
  double X[4 * N], y[N], b[2];
  for (int i = 0; i < N; i++) {
    double x = 0.5 + 8.5 * i / 200.0;
    sl_fees_spline_basis(x, t, 4, b);
    X[i] = 1, X[N + i] = x, X[2 * N + i] = b[0], X[3 * N + i] = b[1];
    y[i] = sin(x) + 0.1 * x * x;
  }
  sl_ols_fit *f = NULL;
  sl_error err;
  INT_EQ(sl_ols_fit_matrix(X, N, y, NULL, N, 4, NULL, 1, NULL, &f, &err), SL_OK, "fit: %s", err.message);
  if (!f) return;
  SL_CHECK_REL(f->rss, 24.76552914288449, 1e-9, "RSS as patsy cr() (tests/golden/spline_golden.py)");
  sl_fees_spline_basis(3.3, t, 4, b);
  double x0[4] = {1, 3.3, b[0], b[1]}, pred = 0;
  for (int j = 0; j < 4; j++) pred += x0[j] * f->coef[j];
  SL_CHECK_REL(pred, 1.0082363761822966, 1e-9, "prediction at 3.3 as patsy");
  sl_ols_fit_free(f);
}

/* ---- a declared model on the demo data --------------------------------------------------------- */

#define DECLARED "age,age^2,position,buyer_league,seller_league,season,spline(log_mv,4),log_mv:age," \
                 "log_mv:seller_league,contract,minutes"

/* since: the first season kept (0 all); classic: sl_fees_options.classic_terms. */
static sl_fees_model *fit_demo_with(const char *terms, int ridge, int since, int classic) {
  const char *paths[] = {TRANSFERS};
  sl_fees_options o = {0};
  o.folds = 1, o.terms = terms, o.ridge = ridge, o.since = since, o.classic_terms = classic;
  o.season_mode = SL_FEES_SEASON_TREND, o.half_life = SL_FEES_NO_WEIGHTS; /* one setting: fast */
  sl_fees_model *m = NULL;
  sl_error err;
  INT_EQ(sl_fees_fit_files(paths, 1, &o, &m, NULL, &err), SL_OK, "fit demo (%s): %s", terms ? terms : "default",
         err.message);
  return m;
}

static sl_fees_model *fit_demo(const char *terms, int ridge) { return fit_demo_with(terms, ridge, 0, 0); }

static long term_of(const sl_fees_model *m, sl_fees_term_kind kind, int partner) {
  for (size_t t = 0; t < m->nterms; t++)
    if (m->terms[t].kind == kind && m->terms[t].partner == partner) return (long)t;
  return -1;
}

static void player_of(sl_fees_player *p) {
  sl_fees_player_init(p);
  p->age = 24, p->group = SL_FEES_CB, p->market_value = 12e6, p->season = 2024;
  p->league = "Valmorian Ligue", p->buyer_league = "Aurelian Premier League";
  p->contract_months = 24, p->minutes_share = 0.6;
}

static void check_columns(const sl_fees_model *m) {
  long s = term_of(m, SL_FEES_TERM_SPLINE, -1), ia = term_of(m, SL_FEES_TERM_INTERACTION, SL_FEES_VAR_AGE),
       il = term_of(m, SL_FEES_TERM_INTERACTION, SL_FEES_VAR_SELLER_LEAGUE);
  OK(s >= 0 && ia >= 0 && il >= 0, "spline and both interactions present");
  if (s < 0 || ia < 0 || il < 0) return;
  const sl_fees_term *sp = &m->terms[s], *fa = &m->terms[il];
  INT_EQ(sp->count, 3, "spline(log_mv,4): value and two cubic parts");
  INT_EQ(sp->nknots, 4, "four knots");
  OK(sp->knots[0] < sp->knots[1] && sp->knots[2] < sp->knots[3], "knots increasing");
  STR_EQ(m->names[sp->first + 1], "log market value'", "the first cubic part, named as rms");
  STR_EQ(m->names[m->terms[ia].first], "log market value:age", "numeric:numeric column");
  INT_EQ(fa->count, fa->nlevels - 1, "numeric:factor: one column per non-reference level");
  char want[200];
  snprintf(want, sizeof want, "log market value:selling league %s", fa->levels[1]);
  STR_EQ(m->names[fa->first], want, "numeric:factor column named as R");
  /* A design row by hand: the interaction columns are log(mv) x age and log(mv) x dummy. */
  sl_fees_player p;
  player_of(&p);
  sl_fees_valuation v;
  sl_error err;
  INT_EQ(sl_fees_value(m, &p, 0, 20e6, &v, &err), SL_OK, "value: %s", err.message);
  double sum = 0;
  for (size_t t = 0; t < v.ncontrib; t++) sum += v.contrib[t].log_effect;
  SL_CHECK_REL(sum, v.log_fee - v.typical_log_fee, 1e-9, "contributions add up to log(fair / typical)");
  STR_EQ(v.contrib[ia].value, "EUR 12.00m x 24", "the interaction's value in words");
  STR_EQ(v.contrib[il].value, "EUR 12.00m, Valmorian Ligue", "the numeric:factor one's");
  double b[2];
  sl_fees_spline_basis(log(12e6), sp->knots, 4, b);
  double eff = 0;
  for (size_t k = 0; k < 3; k++) {
    double xk = k ? b[k - 1] : log(12e6);
    eff += (xk - m->column_mean[sp->first + k]) * m->coef[sp->first + k];
  }
  SL_CHECK_REL(v.contrib[s].log_effect, eff, 1e-9, "the spline's effect by hand from its basis");
}

/* One note per unknown variable, and one extrapolation per variable, though two terms read it. */
static void check_notes(const sl_fees_model *m) {
  sl_fees_player p;
  player_of(&p);
  p.league = NULL, p.age = 45; /* unknown seller: main term and interaction; age beyond the deals */
  sl_fees_valuation v;
  sl_error err;
  INT_EQ(sl_fees_value(m, &p, 0, NAN, &v, &err), SL_OK, "value: %s", err.message);
  size_t seller = 0, age = 0;
  for (size_t i = 0; i < v.nnotes; i++) {
    seller += strstr(v.notes[i], "selling league unknown") != NULL;
    age += strstr(v.notes[i], "extrapolation: age 45") != NULL;
  }
  INT_EQ(seller, 1, "one note for the unknown selling league");
  INT_EQ(age, 1, "one extrapolation note for age");
  INT_EQ(v.nextrapolated, 1, "age listed once");
  OK(v.nextrapolated && strcmp(v.extrapolated[0].input, "age") == 0, "the extrapolated input is age");
  p.market_value = NAN;
  INT_EQ(sl_fees_value(m, &p, 0, NAN, &v, &err), SL_EDATA, "no market value: refused as before");
  STR_EQ(err.field, "market_value", "naming the market value");
}

/* A player known only as "defence": the mixture of CB and FB through the declared terms. */
static void check_mixture(void) {
  sl_fees_model *m = fit_demo("age,age^2,position,season,log_mv,log_mv:position", 0);
  if (!m) return;
  sl_fees_player p;
  player_of(&p);
  sl_fees_valuation line, cb, fb;
  sl_error err;
  p.group = SL_FEES_CB;
  INT_EQ(sl_fees_value(m, &p, 0, NAN, &cb, &err), SL_OK, "CB: %s", err.message);
  p.group = SL_FEES_FB;
  INT_EQ(sl_fees_value(m, &p, 0, NAN, &fb, &err), SL_OK, "FB: %s", err.message);
  p.group = -1, p.line_groups = sl_fees_position_line("defence");
  INT_EQ(sl_fees_value(m, &p, 0, NAN, &line, &err), SL_OK, "defence: %s", err.message);
  OK(line.fair_fee >= fmin(cb.fair_fee, fb.fair_fee) && line.fair_fee <= fmax(cb.fair_fee, fb.fair_fee),
     "the mixture's median %.0f between CB %.0f and FB %.0f", line.fair_fee, cb.fair_fee, fb.fair_fee);
  OK(line.nnotes && strstr(line.notes[line.nnotes - 1], "mixture") != NULL, "the mixture is noted");
  /* The why table still adds up: its position line is the mixture's (the review found "CF +15.5%"
   * for a winger valued as AM/W 48% / CF 52%, the effects multiplying to another fee). */
  double sum = 0;
  size_t pos = line.ncontrib;
  for (size_t t = 0; t < line.ncontrib; t++) {
    sum += line.contrib[t].log_effect;
    if (strcmp(line.contrib[t].term, "position") == 0) pos = t;
  }
  SL_CHECK_REL(sum, line.log_fee - line.typical_log_fee, 1e-9, "the mixture's effects add up to its fair fee");
  OK(pos < line.ncontrib && strstr(line.contrib[pos].value, "CB ") && strstr(line.contrib[pos].value, "FB ") &&
         strchr(line.contrib[pos].value, '%'),
     "the position line names the groups and weights: %s", pos < line.ncontrib ? line.contrib[pos].value : "none");
  sl_fees_model_free(m);
}

static void check_ridge(void) {
  sl_fees_model *m = fit_demo(DECLARED, 1);
  if (!m) return;
  OK(m->ridge && m->ridge_lambda > 0, "ridge with a GCV penalty (%g)", m->ridge_lambda);
  sl_fees_player p;
  player_of(&p);
  sl_fees_valuation v;
  sl_error err;
  INT_EQ(sl_fees_value(m, &p, 0, NAN, &v, &err), SL_OK, "ridge value: %s", err.message);
  OK(isfinite(v.fair_fee) && v.fair_fee > 1e6 && v.fair_fee < 1e8, "a ridge fair fee %.0f", v.fair_fee);
  sl_fees_model_free(m);
}

static char *slurp(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  rewind(f);
  char *buf = n > 0 ? malloc((size_t)n + 1) : NULL;
  if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) free(buf), buf = NULL;
  fclose(f);
  if (buf) buf[n] = 0, *len = (size_t)n;
  return buf;
}

/* Replaces the first occurrence of `from` at or after line `key` with `to` (same length or not). */
static char *edited(const char *buf, const char *key, const char *from, const char *to, size_t *len) {
  const char *at = strstr(buf, key);
  at = at ? strstr(at, from) : NULL;
  if (!at) return NULL;
  size_t pre = (size_t)(at - buf), nf = strlen(from), nt = strlen(to);
  char *out = malloc(strlen(buf) + nt + 1);
  memcpy(out, buf, pre), memcpy(out + pre, to, nt), strcpy(out + pre + nt, at + nf);
  *len = strlen(out);
  return out;
}

static void check_damage(const char *buf, const char *key, const char *from, const char *to, const char *message) {
  size_t len = 0;
  char *bad = edited(buf, key, from, to, &len);
  OK(bad != NULL, "edit '%s' found", key);
  if (!bad) return;
  sl_fees_model *m = NULL;
  sl_error err;
  int st = sl_fees_load_buffer("edited.slm", bad, len, &m, &err);
  OK(st != SL_OK && m == NULL, "edited (%s) refused", message);
  OK(strstr(err.message, message) != NULL, "message: %s", err.message);
  free(bad);
}

static void check_save_load(const sl_fees_model *m) {
  char path[] = "/tmp/sl_terms_XXXXXX";
  int fd = mkstemp(path);
  if (fd >= 0) close(fd);
  sl_error err;
  INT_EQ(sl_fees_save(m, path, &err), SL_OK, "save: %s", err.message);
  size_t len = 0;
  char *buf = slurp(path, &len);
  OK(buf && strncmp(buf, "scoutlab-fee-model 4\n", 21) == 0, "a declared model is format 4");
  sl_fees_model *back = NULL;
  INT_EQ(sl_fees_load(path, &back, &err), SL_OK, "load: %s", err.message);
  if (back) {
    INT_EQ(back->nterms, m->nterms, "terms read back");
    for (size_t t = 0; t < m->nterms && t < back->nterms; t++) {
      STR_EQ(back->terms[t].name, m->terms[t].name, "term %zu's name", t);
      INT_EQ(back->terms[t].partner, m->terms[t].partner, "term %zu's partner", t);
      for (size_t k = 0; k < m->terms[t].nknots; k++)
        OK(back->terms[t].knots[k] == m->terms[t].knots[k], "term %zu knot %zu exact", t, k);
    }
    sl_fees_player p;
    player_of(&p);
    sl_fees_valuation a, b;
    INT_EQ(sl_fees_value(m, &p, 0, 20e6, &a, &err), SL_OK, "value before");
    INT_EQ(sl_fees_value(back, &p, 0, 20e6, &b, &err), SL_OK, "value after: %s", err.message);
    SL_CHECK_REL(b.fair_fee, a.fair_fee, 1e-13, "the same fair fee after a load");
    SL_CHECK_REL(b.fee_high, a.fee_high, 1e-13, "the same interval");
  }
  sl_fees_model_free(back);
  if (buf) {
    /* the spline term line: "term 5 3 FIRST 3 0 SD -1 4 K1 K2 K3 K4" */
    check_damage(buf, "\nterm 5 3 ", " -1 4 ", " -1 9 ", "partner or knot count is out of range");
    check_damage(buf, "\nterm 5 3 ", " -1 4 ", " 2 4 ", "kind does not match its variables");
    check_damage(buf, "\nterm 5 3 ", " -1 4 ", " -1 4 20 ", "knots are not finite and increasing");
    check_damage(buf, "\nterm 5 4 ", " 0 0", " 5 0", "kind does not match its variables");
    check_damage(buf, "\nterm 5 4 ", " 0 0", " 4 0", "kind does not match its variables"); /* season */
    check_damage(buf, "\ncolumn ", "log market value:age", "log market value:agE", "name does not match its term");
    check_damage(buf, "", "scoutlab-fee-model 4", "scoutlab-fee-model 3", "expected 'terms'"); /* v3 has no term-columns */
  }
  free(buf);
  remove(path);
}

/* Two fits saved to the same bytes, whose file starts with `head`. */
static void check_same_file(sl_fees_model *a, sl_fees_model *b, const char *head, const char *what) {
  if (!a || !b) {
    sl_fees_model_free(a), sl_fees_model_free(b);
    return;
  }
  char pa[] = "/tmp/sl_terms_aXXXXXX", pb[] = "/tmp/sl_terms_bXXXXXX";
  int fa = mkstemp(pa), fb = mkstemp(pb);
  if (fa >= 0) close(fa);
  if (fb >= 0) close(fb);
  sl_error err;
  INT_EQ(sl_fees_save(a, pa, &err), SL_OK, "%s: save the first", what);
  INT_EQ(sl_fees_save(b, pb, &err), SL_OK, "%s: save the second", what);
  size_t la = 0, lb = 0;
  char *ba = slurp(pa, &la), *bb = slurp(pb, &lb);
  OK(ba && bb && la == lb && memcmp(ba, bb, la) == 0, "%s: the same bytes", what);
  OK(ba && strncmp(ba, head, strlen(head)) == 0, "%s: the file starts %s", what, head);
  free(ba), free(bb);
  remove(pa), remove(pb);
  sl_fees_model_free(a), sl_fees_model_free(b);
}

/* terms = NULL is SL_FEES_DEFAULT_TERMS (format 5: the buying club); classic_terms is
 * SL_FEES_CLASSIC_TERMS, in format 2 as the first version wrote it (and refitted with the
 * default list, no declared spec); fewer than SL_FEES_MIN_RICH_DEALS deals fit the classic list
 * (the demo's 2023-2024 deals). */
static void check_default(void) {
  sl_fees_model *c = fit_demo_with(NULL, 0, 0, 1);
  char spec[SL_FEES_TERMS_TEXT_MAX];
  OK(c && sl_fees_model_terms_spec(c, spec, sizeof spec) == NULL, "a classic model has no declared spec");
  OK(c && !sl_fees_model_uses(c, SL_FEES_VAR_BUYER_CLUB), "a classic model has no buying club");
  check_same_file(fit_demo(NULL, 0), fit_demo(SL_FEES_DEFAULT_TERMS, 0), "scoutlab-fee-model 5\n", "default list");
  check_same_file(c, fit_demo(SL_FEES_CLASSIC_TERMS, 0), "scoutlab-fee-model 2\n", "classic list");
  sl_fees_model *few = fit_demo_with(NULL, 0, 2023, 0);
  OK(few && few->deals->n < SL_FEES_MIN_RICH_DEALS, "the 2023-2024 deals are few (%zu)", few ? few->deals->n : 0);
  check_same_file(few, fit_demo_with(NULL, 0, 2023, 1), "scoutlab-fee-model 2\n", "few deals: the classic list");
}

/* ---- a column of the transfers file as a term -------------------------------------------------- */

/* The demo transfers with one more column, "scout grade", a copy of contract_months_left: a
 * model with column(scout grade) in place of contract must be the same model. */
static int write_graded(const char *path) {
  FILE *in = fopen(TRANSFERS, "r"), *out = fopen(path, "w");
  char line[4096];
  int ok = in && out;
  for (long n = 0; ok && fgets(line, sizeof line, in); n++) {
    line[strcspn(line, "\n")] = 0;
    char copy[4096], *field = copy, *contract = NULL;
    snprintf(copy, sizeof copy, "%s", line);
    for (int k = 0; field && k <= 16; k++) { /* field 16: contract_months_left */
      char *comma = strchr(field, ',');
      if (comma) *comma = 0;
      if (k == 16) contract = field;
      field = comma ? comma + 1 : NULL;
    }
    fprintf(out, "%s,%s\n", line, n == 0 ? "scout grade" : contract ? contract : "");
  }
  if (in) fclose(in);
  if (out && fclose(out)) ok = 0;
  return ok;
}

static void check_column_term(void) {
  char path[] = "/tmp/sl_graded_XXXXXX";
  int fd = mkstemp(path);
  if (fd >= 0) close(fd);
  OK(write_graded(path), "graded copy of the demo transfers");
  const char *paths[] = {path};
  sl_fees_options o = {0};
  o.folds = 1, o.season_mode = SL_FEES_SEASON_TREND, o.half_life = SL_FEES_NO_WEIGHTS;
  sl_fees_model *a = NULL, *b = NULL, *c = NULL;
  sl_error err;
  o.terms = "age,age^2,position,season,log_mv,contract,contract:age";
  INT_EQ(sl_fees_fit_files(paths, 1, &o, &a, NULL, &err), SL_OK, "with contract: %s", err.message);
  o.terms = "age,age^2,position,season,log_mv,column(scout grade),column(scout grade):age";
  INT_EQ(sl_fees_fit_files(paths, 1, &o, &b, NULL, &err), SL_OK, "with column(scout grade): %s", err.message);
  o.terms = "age,age^2,position,season,log_mv,column(height)";
  sl_fees_report *rc = NULL;
  INT_EQ(sl_fees_fit_files(paths, 1, &o, &c, &rc, &err), SL_OK, "with an absent column: %s", err.message);
  size_t noted = 0;
  for (size_t i = 0; rc && i < rc->nnotes; i++)
    noted += strstr(rc->notes[i], "height: no such column in the transfers files: term dropped") != NULL;
  INT_EQ(noted, 1, "the absent column is noted");
  free(rc);
  if (a && b) {
    INT_EQ(b->p, a->p, "the same columns");
    for (size_t j = 0; j < a->p && j < b->p; j++)
      SL_CHECK_REL(b->coef[j], a->coef[j], 1e-9, "coefficient %zu (%s)", j, b->names[j]);
    long g = sl_ols_column(b->ols, "scout grade"), ga = sl_ols_column(b->ols, "scout grade:age");
    OK(g >= 0 && ga >= 0, "columns named after the file's column");
    INT_EQ(b->ncolumns, 1, "one column term");
    sl_fees_player p;
    player_of(&p);
    p.column[0] = p.contract_months;
    sl_fees_valuation va, vb, vu;
    INT_EQ(sl_fees_value(a, &p, 0, NAN, &va, &err), SL_OK, "value a");
    INT_EQ(sl_fees_value(b, &p, 0, NAN, &vb, &err), SL_OK, "value b: %s", err.message);
    SL_CHECK_REL(vb.fair_fee, va.fair_fee, 1e-9, "the same fair fee from the column");
    p.column[0] = NAN;
    INT_EQ(sl_fees_value(b, &p, 0, NAN, &vu, &err), SL_OK, "value b, grade unknown");
    size_t said = 0;
    for (size_t i = 0; i < vu.nnotes; i++) said += strstr(vu.notes[i], "scout grade unknown: the training average") != NULL;
    INT_EQ(said, 1, "one note for the unknown column");
    char file[] = "/tmp/sl_graded_model_XXXXXX";
    fd = mkstemp(file);
    if (fd >= 0) close(fd);
    sl_fees_model *back = NULL;
    INT_EQ(sl_fees_save(b, file, &err), SL_OK, "save");
    INT_EQ(sl_fees_load(file, &back, &err), SL_OK, "load: %s", err.message);
    if (back) {
      STR_EQ(back->column_names[0], "scout grade", "the column's name read back");
      OK(back->deals->deal[7].player.column[0] == b->deals->deal[7].player.column[0], "a deal's grade read back");
      p.column[0] = p.contract_months;
      INT_EQ(sl_fees_value(back, &p, 0, NAN, &vu, &err), SL_OK, "value after load");
      SL_CHECK_REL(vu.fair_fee, vb.fair_fee, 1e-13, "the same fair fee after a load");
    }
    sl_fees_model_free(back);
    remove(file);
  }
  if (c) {
    OK(!sl_fees_model_uses(c, SL_FEES_VAR_COLUMN(0)), "an absent column's term is dropped");
  }
  sl_fees_model_free(a), sl_fees_model_free(b), sl_fees_model_free(c);
  remove(path);
}

/* A valuation with a buying league and no buying club takes that league's average buyer: its
 * log fair fee is the mean over the league's training deals of the log fair fee with each deal's
 * buying club (the design is linear in the club's columns); the note says so. */
static void check_league_buyer(void) {
  sl_fees_model *m = fit_demo("age,age^2,position,buyer_league,seller_league,season,log_mv,buyer_club", 0);
  if (!m) return;
  const char *league = "Aurelian Premier League";
  sl_fees_player p;
  sl_fees_player_init(&p);
  p.age = 25, p.group = SL_FEES_CB, p.market_value = 5e6, p.season = 2022, p.buyer_league = league;
  p.league = "Valmorian Ligue";
  sl_fees_valuation v;
  sl_error err;
  INT_EQ(sl_fees_value(m, &p, 0.8, NAN, &v, &err), SL_OK, "league's average buyer: %s", err.message);
  double sum = 0, want = log(v.fair_fee);
  size_t n = 0;
  for (size_t i = 0; i < m->deals->n; i++) {
    const sl_fees_player *d = &m->deals->deal[i].player;
    if (!d->buyer_league || strcmp(d->buyer_league, league) != 0) continue;
    sl_fees_valuation one;
    p.buyer_club = d->buyer_club;
    if (sl_fees_value(m, &p, 0.8, NAN, &one, &err) == SL_OK) sum += log(one.fair_fee), n++;
  }
  OK(n > 100, "%zu training deals bought in %s", n, league);
  if (n) SL_CHECK_REL(want, sum / (double)n, 1e-9, "the league's average buyer is the mean over its deals' buyers");
  int said = 0;
  for (size_t k = 0; k < v.nnotes; k++)
    said |= strstr(v.notes[k], "the average buyer of the training deals in Aurelian Premier League") != NULL;
  OK(said, "the note names the league's average buyer");
  sl_fees_model_free(m);
}

int main(void) {
  test_parse_accepts();
  test_parse_errors();
  test_spline_basis();
  test_spline_knots();
  test_spline_fit_golden();
  FILE *f = fopen(TRANSFERS, "r");
  if (!f) {
    fprintf(stderr, "skip (demo-data part): %s not generated yet\n", TRANSFERS);
    return SL_TEST_DONE();
  }
  fclose(f);
  sl_fees_model *m = fit_demo(DECLARED, 0);
  if (m) {
    check_columns(m);
    check_notes(m);
    check_save_load(m);
    char spec[SL_FEES_TERMS_TEXT_MAX];
    const char *s = sl_fees_model_terms_spec(m, spec, sizeof spec);
    STR_EQ(s ? s : "", DECLARED, "the model's own terms refit it as declared");
  }
  sl_fees_model_free(m);
  check_mixture();
  check_ridge();
  check_default();
  check_column_term();
  check_league_buyer();
  return SL_TEST_DONE();
}
