/* cmd_ols.c - `scoutlab ols`: least squares (or ridge) on columns of a CSV file, printed like
 * R's summary.lm, as JSON or as CSV. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>

#include "cli.h"
#include "scoutlab/design.h"
#include "scoutlab/output.h"
#include "scoutlab/regress.h"
#include "scoutlab/table.h"

const char sl_help_ols[] =
    "usage: scoutlab ols FILE --y COL --x COL[,COL...] [--no-intercept] [--weights COL]\n"
    "       scoutlab ols FILE --formula \"Y ~ TERMS\" [--reference VAR=LEVEL] [--weights COL]\n"
    "                   [--ridge LAMBDA | --ridge-cv K | --ridge-gcv] [--seed N]\n"
    "                   [--tol T] [--level 0.95] [--format table|json|csv] [--save MODEL]\n"
    "\n"
    "Fits y on the x columns by least squares (Householder QR, never X'X) and prints the\n"
    "summary as R's summary(lm(...)) does: estimates, standard errors, t and p values with\n"
    "significance stars, residual standard error, R² (uncentred with --no-intercept), F test.\n"
    "Columns that are linear combinations of earlier ones are reported as aliased (NA), as R.\n"
    "Rows with a missing y, x or weight are not used; the count is always printed.\n"
    "FILE may be a directory: every .csv below it is loaded and stacked by column name.\n"
    "\n"
    "  --formula F      an R model formula, as lm(F) reads it, e.g.\n"
    "                   \"log(fee) ~ age + I(age^2) + position + league + log(market_value)\"\n"
    "                   terms: columns (text columns are factors), log(x), sqrt(x), I(x^k),\n"
    "                   poly(x, k) (R's orthogonal polynomials), C(x) (x as a factor);\n"
    "                   a:b interaction, a*b = a + b + a:b, - b drops a term, - 1 or + 0 the\n"
    "                   intercept. Factors use R's treatment contrasts: the first level in\n"
    "                   sorted (bytewise) order is the reference; coefficients are named as\n"
    "                   R prints them (positionCB, age:positionCF). Rows where log() has a\n"
    "                   value <= 0 are skipped and counted, as missing values are\n"
    "  --reference V=L  level L as the reference of factor V (repeat, or V=L,W=M)\n"
    "  --weights COL    weighted least squares (weights >= 0; 0 leaves a row out of n)\n"
    "  --tol T          aliasing tolerance, as R's lm(tol = T) (default 1e-7): a column whose\n"
    "                   part not explained by the earlier columns is below T times its norm is\n"
    "                   aliased; --tol 0 keeps every column that is not exactly dependent\n"
    "                   (NIST's Filip polynomial needs it: R's default drops x^10)\n"
    "  --level L        add L confidence intervals of the coefficients (table and csv)\n"
    "  --ridge LAMBDA   ridge regression on standardised x with penalty LAMBDA\n"
    "  --ridge-cv K     ridge with the penalty chosen by K-fold cross-validation (--seed N)\n"
    "  --ridge-gcv      ridge with the penalty chosen by generalised cross-validation\n"
    "  --format json    {\"n\", \"df\", \"coefficients\": [{\"name\", \"estimate\", \"std_error\",\n"
    "                   \"t\", \"p\"}], \"residual_sd\", \"r_squared\", \"adj_r_squared\",\n"
    "                   \"f_statistic\", \"f_p\", \"aliased\": [...]}, 17 significant digits\n"
    "  --save MODEL     write the fitted model, least squares or ridge (docs/model-format.md);\n"
    "                   scoutlab predict --model MODEL FILE then predicts every row of FILE\n"
    "                   (least squares with confidence and prediction intervals)\n"
    "                   (--verbose lists the rows the loader skipped: wrong number of fields...)\n"
    "\n"
    "exit status: 0 ok, 1 bad data (missing column, text in a number column, too few rows,\n"
    "constant column), 2 usage, 3 file cannot be read\n"
    SL_CLI_HELP_VERBOSITY
    "\n"
    "examples:\n"
    "  scoutlab ols transfers.csv --y fee --x age,market_value --level 0.9\n"
    "  scoutlab ols ../shared/data/transfers-tm --reference short_pos=CB \\\n"
    "      --formula \"log(fee) ~ age + I(age^2) + short_pos + log(market_value)\"\n";

#define CMD "ols"
/* R's print.summary.lm uses digits = max(3, getOption("digits") - 3) = 4. */
#define R_DIGITS 4
/* R prints p-values below .Machine$double.eps as "< 2e-16" / "< 2.2e-16". */
#define R_EPS 2.220446049250313e-16
#define MAX_X 4096

/* --reference items at most (one per factor of a formula). */
#define MAX_REFERENCES 64

typedef struct ols_args {
  const char *file, *y, *weights, *save, *formula;
  char *reflist[MAX_REFERENCES]; /* owned copies of the --reference values */
  const char *references[MAX_REFERENCES];
  size_t nreferences, nreflists;
  char *xlist;
  const char *x[MAX_X];
  size_t nx;
  int intercept, ridge_cv, ridge_gcv, have_level, have_tol;
  double ridge, level, tol;
  unsigned long long seed;
  sl_format format;
  size_t loader_skipped; /* rows the loader dropped (wrong field count...): read = used + skipped */
} ols_args;

/* Seeds are 64-bit (splitmix64): 2^64 and above has no unsigned long long to be. */
#define SEED_LIMIT 18446744073709551616.0

static int parse_double(const char *s, double *out) {
  char *e;
  *out = strtod(s, &e);
  return e != s && *e == '\0' && isfinite(*out);
}

/* Adds the items of "V=L[,W=M...]" to the references. */
static int add_references(ols_args *a, const char *list) {
  if (a->nreflists == MAX_REFERENCES) return -1;
  char *copy = malloc(strlen(list) + 1);
  if (!copy) return -1;
  strcpy(copy, list);
  a->reflist[a->nreflists++] = copy;
  for (char *s = copy, *c; s; s = c ? c + 1 : NULL) {
    c = strchr(s, ',');
    if (c) *c = '\0';
    if (!strchr(s, '=') || s[0] == '=' || a->nreferences == MAX_REFERENCES) return -1;
    a->references[a->nreferences++] = s;
  }
  return 0;
}

static void free_args(ols_args *a) {
  free(a->xlist);
  for (size_t k = 0; k < a->nreflists; k++) free(a->reflist[k]);
}

static int split_x(ols_args *a, const char *list) {
  free(a->xlist);
  a->xlist = malloc(strlen(list) + 1);
  if (!a->xlist) return -1;
  strcpy(a->xlist, list);
  a->nx = 0;
  for (char *s = a->xlist, *c; s; s = c ? c + 1 : NULL) {
    c = strchr(s, ',');
    if (c) *c = '\0';
    if (!*s || a->nx == MAX_X) return -1;
    a->x[a->nx++] = s;
  }
  return 0;
}

/* Accepts "--opt VALUE" and "--opt=VALUE". */
static const char *option_value(int argc, char **argv, int *i, const char *name) {
  size_t len = strlen(name);
  if (strncmp(argv[*i], name, len) != 0) return NULL;
  if (argv[*i][len] == '=') return argv[*i] + len + 1;
  if (argv[*i][len] != '\0') return NULL;
  if (*i + 1 >= argc) return "";
  return argv[++*i];
}

static int parse_args(int argc, char **argv, ols_args *a) {
  memset(a, 0, sizeof *a);
  a->intercept = 1, a->ridge = -1, a->level = 0.95, a->format = SL_FMT_TABLE;
  for (int i = 1; i < argc; i++) {
    const char *v;
    double d;
    if ((v = option_value(argc, argv, &i, "--y"))) a->y = v;
    else if ((v = option_value(argc, argv, &i, "--x"))) {
      if (split_x(a, v)) return sl_cli_usage_error(CMD, "--x expects COL[,COL...] without empty names");
    } else if ((v = option_value(argc, argv, &i, "--weights"))) a->weights = v;
    else if ((v = option_value(argc, argv, &i, "--formula"))) a->formula = v;
    else if ((v = option_value(argc, argv, &i, "--reference"))) {
      if (add_references(a, v)) return sl_cli_usage_error(CMD, "--reference expects VARIABLE=LEVEL[,VARIABLE=LEVEL...], not '%s'", v);
    }
    else if ((v = option_value(argc, argv, &i, "--save"))) a->save = v;
    else if ((v = option_value(argc, argv, &i, "--ridge-cv"))) {
      if (!parse_double(v, &d) || d < 2 || d != floor(d) || d > 1000)
        return sl_cli_usage_error(CMD, "--ridge-cv expects a whole number of folds from 2 to 1000, not '%s'", v);
      a->ridge_cv = (int)d;
    } else if ((v = option_value(argc, argv, &i, "--ridge"))) {
      if (!parse_double(v, &a->ridge) || a->ridge < 0)
        return sl_cli_usage_error(CMD, "--ridge expects a penalty >= 0, not '%s'", v);
    } else if ((v = option_value(argc, argv, &i, "--seed"))) {
      if (!parse_double(v, &d) || d < 0 || d != floor(d) || d >= SEED_LIMIT)
        return sl_cli_usage_error(CMD, "--seed expects a whole number below 2^64, not '%s'", v);
      a->seed = (unsigned long long)d;
    } else if ((v = option_value(argc, argv, &i, "--level"))) {
      if (!parse_double(v, &a->level) || !(a->level > 0 && a->level < 1))
        return sl_cli_usage_error(CMD, "--level expects a number between 0 and 1 (e.g. 0.95), not '%s'", v);
      a->have_level = 1;
    } else if ((v = option_value(argc, argv, &i, "--tol"))) {
      if (!parse_double(v, &a->tol) || !(a->tol >= 0 && a->tol < 1))
        return sl_cli_usage_error(CMD, "--tol expects a tolerance from 0 to below 1 (e.g. 1e-7), not '%s'", v);
      a->have_tol = 1;
    } else if ((v = option_value(argc, argv, &i, "--format"))) {
      if (sl_cli_parse_format(v, 1u << SL_FMT_TABLE | 1u << SL_FMT_JSON | 1u << SL_FMT_CSV, &a->format))
        return sl_cli_usage_error(CMD, "--format expects table, json or csv, not '%s'", v);
    } else if (strcmp(argv[i], "--no-intercept") == 0) a->intercept = 0;
    else if (strcmp(argv[i], "--ridge-gcv") == 0) a->ridge_gcv = 1;
    else if (argv[i][0] == '-' && argv[i][1] != '\0')
      return sl_cli_usage_error(CMD, "unknown option '%s'", argv[i]);
    else if (a->file) return sl_cli_usage_error(CMD, "one FILE only ('%s' and '%s')", a->file, argv[i]);
    else a->file = argv[i];
  }
  if (!a->file) return sl_cli_usage_error(CMD, "no FILE given");
  if (a->formula && (a->y || a->nx))
    return sl_cli_usage_error(CMD, "--formula replaces --y and --x: give one or the other");
  if (a->formula && !a->intercept)
    return sl_cli_usage_error(CMD, "with --formula, drop the intercept in the formula (y ~ x - 1)");
  if (a->nreferences && !a->formula) return sl_cli_usage_error(CMD, "--reference needs --formula");
  if (a->formula && !*a->formula) return sl_cli_usage_error(CMD, "--formula expects a formula such as \"y ~ x + z\"");
  if (!a->formula && (!a->y || !*a->y)) return sl_cli_usage_error(CMD, "--y COL is required (or --formula)");
  if (!a->formula && !a->nx) return sl_cli_usage_error(CMD, "--x COL[,COL...] is required");
  if ((a->ridge >= 0) + (a->ridge_cv > 0) + a->ridge_gcv > 1)
    return sl_cli_usage_error(CMD, "choose one of --ridge, --ridge-cv and --ridge-gcv");
  if ((a->ridge >= 0 || a->ridge_cv || a->ridge_gcv) && !a->intercept)
    return sl_cli_usage_error(CMD, "ridge needs the intercept (drop --no-intercept)");
  if ((a->ridge >= 0 || a->ridge_cv || a->ridge_gcv) && a->formula && a->save)
    return sl_cli_usage_error(CMD, "a ridge fit of a formula cannot be saved yet (save a least-squares fit, or use --y/--x)");
  return 0;
}

/* ---- checking the columns ------------------------------------------------------------- */

static int fail(sl_error *err) { return sl_cli_fail(err); }

/* A number column is NUMBER/MONEY/DATE; a TEXT column gets its first non-number cell named. */
static int check_numeric(const sl_table *t, const char *name, const char *role) {
  const sl_column *c = sl_table_column(t, name);
  long col = sl_table_column_index(t, name);
  sl_error err;
  if (c->type == SL_TYPE_EMPTY) {
    sl_error_set(&err, SL_EDATA, t->files[0], 0, col + 1, "%s column '%s' has no values", role, name);
    return fail(&err);
  }
  if (c->type != SL_TYPE_TEXT) return 0;
  for (size_t r = 0; r < t->nrows; r++) {
    double v;
    if (sl_table_number(t, c, r, &v) >= 0) continue;
    sl_error_set(&err, SL_EPARSE, t->files[t->row_file[r]], t->row_line[r], col + 1,
                 "%s column '%s' has the value \"%s\", which is not a number (NaN and Inf are not "
                 "accepted; leave a cell empty for a missing value)",
                 role, name, c->text[r]);
    return fail(&err);
  }
  return 0;
}

/* The first row-used value of column `name` if it has that value on every row used, else NAN. */
static double constant_value(const sl_design *d, const sl_table *t, const char *name) {
  const sl_design_report *rep = sl_design_report_get(d);
  const double *v = sl_table_column(t, name)->num;
  double first = v[sl_design_row_index(d, 0)];
  for (size_t k = 1; k < rep->rows_used; k++)
    if (v[sl_design_row_index(d, k)] != first) return NAN;
  return first;
}

/* A column with one value on every used row cannot be told apart from the intercept. A constant
 * response leaves nothing to explain (with an intercept; without one, when it is 0). */
static int check_constant(const sl_design *d, const sl_table *t, const ols_args *a) {
  const sl_design_report *rep = sl_design_report_get(d);
  double yc = rep->rows_used > 1 ? constant_value(d, t, a->y) : NAN;
  if (!isnan(yc) && (a->intercept || yc == 0)) {
    sl_error err;
    sl_error_set(&err, SL_EDATA, a->file, 0, 0,
                 "response column '%s' is constant (%.15g on every row used): there is no "
                 "variation to explain", a->y, yc);
    return fail(&err);
  }
  for (size_t j = 0; a->intercept && j < a->nx && rep->rows_used > 1; j++) {
    const double *v = sl_table_column(t, a->x[j])->num;
    double first = v[sl_design_row_index(d, 0)];
    size_t k = 1;
    while (k < rep->rows_used && v[sl_design_row_index(d, k)] == first) k++;
    if (k < rep->rows_used) continue;
    sl_error err;
    sl_error_set(&err, SL_EDATA, a->file, 0, 0,
                 "column '%s' is constant (%.15g on every row used): its effect cannot be "
                 "separated from the intercept; leave it out", a->x[j], first);
    return fail(&err);
  }
  return 0;
}

static void print_rows_line(FILE *f, const sl_design_report *r, size_t loader) {
  fprintf(f, "%zu rows read, %zu used, %zu skipped", r->rows_read + loader, r->rows_used, r->rows_skipped + loader);
  for (size_t i = 0; i < r->nskips; i++)
    fprintf(f, "%s %s in %s (%zu)", i ? "," : ":", r->skips[i].reason, SL_CLI_SHOWN(r->skips[i].variable), r->skips[i].rows);
  if (loader) fprintf(f, "%s malformed, skipped by the loader (%zu)", r->nskips ? "," : ":", loader);
  fputc('\n', f);
}

/* The same accounting as a JSON member (issue 10: read = used + skipped, by reason). */
static void json_rows(const sl_design_report *r, size_t loader) {
  printf("\"rows\": {\"read\": %zu, \"used\": %zu, \"skipped\": %zu, \"skipped_by_reason\": {",
         r->rows_read + loader, r->rows_used, r->rows_skipped + loader);
  for (size_t i = 0; i < r->nskips; i++) {
    char why[256];
    snprintf(why, sizeof why, "%s in %s", r->skips[i].reason, r->skips[i].variable);
    printf("%s", i ? ", " : ""), sl_cli_json_string(stdout, why), printf(": %zu", r->skips[i].rows);
  }
  if (loader) printf("%s\"malformed, skipped by the loader\": %zu", r->nskips ? ", " : "", loader);
  printf("}}, ");
}

/* ---- R-like number formatting ------------------------------------------------------------ */

/* Decimals that show every finite value of a column with `digits` significant digits, as R's
 * formatReal does for a column printed together (capped so tiny values switch to e-notation). */
static int column_decimals(const double *v, size_t n, int digits) {
  int dec = 0;
  for (size_t i = 0; i < n; i++) {
    if (!isfinite(v[i]) || v[i] == 0) continue;
    int d = digits - 1 - (int)floor(log10(fabs(v[i])));
    if (d > dec) dec = d;
  }
  return dec;
}

static void format_cell(char *buf, size_t size, double v, int dec) {
  if (isnan(v)) snprintf(buf, size, "NA");
  else if (dec > 8 || fabs(v) >= 1e15) snprintf(buf, size, "%.*e", R_DIGITS - 1, v);
  else snprintf(buf, size, "%.*f", dec, v);
}

static void format_p(char *buf, size_t size, double p, int digits, const char *floor_text) {
  if (isnan(p)) snprintf(buf, size, "NA");
  else if (p < R_EPS) snprintf(buf, size, "%s", floor_text);
  else snprintf(buf, size, "%.*g", digits, p);
}

static const char *stars(double p) {
  if (isnan(p)) return "";
  return p < 0.001 ? "***" : p < 0.01 ? "**" : p < 0.05 ? "*" : p < 0.1 ? "." : " ";
}

static void print_formula(const ols_args *a) {
  if (a->formula) {
    printf("Call:\nscoutlab ols: %s  (file %s%s%s)\n\n", SL_CLI_SHOWN(a->formula), SL_CLI_SHOWN(a->file),
           a->weights ? ", weights " : "", a->weights ? SL_CLI_SHOWN(a->weights) : "");
    return;
  }
  printf("Call:\nscoutlab ols: %s ~ ", SL_CLI_SHOWN(a->y));
  if (!a->intercept) printf("0 + ");
  for (size_t j = 0; j < a->nx; j++) printf("%s%s", j ? " + " : "", SL_CLI_SHOWN(a->x[j]));
  printf("  (file %s%s%s)\n\n", SL_CLI_SHOWN(a->file), a->weights ? ", weights " : "", a->weights ? SL_CLI_SHOWN(a->weights) : "");
}

/* Coefficient table cells: estimate, SE, t, p, and the optional confidence limits. */
#define TABLE_COLS 6
#define CELL_MAX 48

static void table_cells(const sl_ols_fit *f, const ols_args *a, size_t j, int de, int ds, double tq,
                        char cell[TABLE_COLS][CELL_MAX]) {
  format_cell(cell[0], CELL_MAX, f->coef[j], de);
  format_cell(cell[1], CELL_MAX, f->std_error[j], ds);
  format_cell(cell[2], CELL_MAX, f->t_value[j], 3);
  format_p(cell[3], CELL_MAX, f->p_value[j], 3, "< 2e-16");
  format_cell(cell[4], CELL_MAX, f->coef[j] - tq * f->std_error[j], de);
  format_cell(cell[5], CELL_MAX, f->coef[j] + tq * f->std_error[j], de);
  if (!a->have_level) cell[4][0] = cell[5][0] = '\0';
}

static void print_table(const sl_ols_fit *f, const ols_args *a, const sl_design_report *rep) {
  size_t p = f->p, naliased = 0, namew = 0;
  char cell[TABLE_COLS][CELL_MAX], head[TABLE_COLS][CELL_MAX] = {"Estimate", "Std. Error", "t value", "Pr(>|t|)", "", ""};
  int width[TABLE_COLS];
  double tq = f->df_residual ? gsl_cdf_tdist_Qinv((1 - a->level) / 2, (double)f->df_residual) : NAN;
  int de = column_decimals(f->coef, p, R_DIGITS), ds = column_decimals(f->std_error, p, R_DIGITS);
  if (a->have_level) {
    snprintf(head[4], CELL_MAX, "%g %%", 50 * (1 - a->level));
    snprintf(head[5], CELL_MAX, "%g %%", 100 - 50 * (1 - a->level));
  }
  for (int c = 0; c < TABLE_COLS; c++) width[c] = (int)strlen(head[c]);
  for (size_t j = 0; j < p; j++) {
    naliased += (size_t)f->aliased[j];
    if (sl_cli_shown_len(f->names[j]) > namew) namew = sl_cli_shown_len(f->names[j]); /* factor levels are data */
    table_cells(f, a, j, de, ds, tq, cell);
    for (int c = 0; c < TABLE_COLS; c++)
      if ((int)strlen(cell[c]) > width[c]) width[c] = (int)strlen(cell[c]);
  }
  print_formula(a);
  print_rows_line(stdout, rep, a->loader_skipped);
  printf("\nCoefficients:\n");
  if (naliased) printf(" (%zu not defined because of singularities)\n", naliased);
  printf("%-*s", (int)namew, "");
  for (int c = 0; c < 4; c++) printf(" %*s", width[c], head[c]);
  printf("    ");
  if (a->have_level) printf(" %*s %*s", width[4], head[4], width[5], head[5]);
  putchar('\n');
  for (size_t j = 0; j < p; j++) {
    table_cells(f, a, j, de, ds, tq, cell);
    printf("%-*s", (int)namew, SL_CLI_SHOWN(f->names[j]));
    for (int c = 0; c < 4; c++) printf(" %*s", width[c], cell[c]);
    printf(" %-3s", stars(f->p_value[j]));
    if (a->have_level) printf(" %*s %*s", width[4], cell[4], width[5], cell[5]);
    putchar('\n');
  }
  printf("---\nSignif. codes:  0 '***' 0.001 '**' 0.01 '*' 0.05 '.' 0.1 ' ' 1\n\n");
  printf("Residual standard error: %.4g on %zu degrees of freedom\n", f->sigma, f->df_residual);
  printf("Multiple R-squared:  %.4g,\tAdjusted R-squared:  %.4g \n", f->r_squared, f->adj_r_squared);
  if (isfinite(f->f_statistic)) {
    format_p(cell[0], CELL_MAX, f->f_p, R_DIGITS, "< 2.2e-16");
    printf("F-statistic: %.4g on %g and %g DF,  p-value: %s\n", f->f_statistic, f->f_df1, f->f_df2, cell[0]);
  }
}

static void csv_number(double v) {
  if (isnan(v)) fputs("NA", stdout);
  else printf("%.17g", v);
}

static void print_csv(const sl_ols_fit *f, const ols_args *a) {
  double tq = f->df_residual ? gsl_cdf_tdist_Qinv((1 - a->level) / 2, (double)f->df_residual) : NAN;
  printf("name,estimate,std_error,t,p,conf_low,conf_high\n");
  for (size_t j = 0; j < f->p; j++) {
    double v[6] = {f->coef[j], f->std_error[j], f->t_value[j], f->p_value[j],
                   f->coef[j] - tq * f->std_error[j], f->coef[j] + tq * f->std_error[j]};
    sl_cli_csv_field(stdout, f->names[j]);
    for (int k = 0; k < 6; k++) putchar(','), csv_number(v[k]);
    putchar('\n');
  }
}

static void print_json(const sl_ols_fit *f, const sl_design_report *rep, size_t loader) {
  putchar('{'), sl_cli_json_schema(stdout, "ols");
  printf("\"n\": %zu, \"df\": %zu, \"coefficients\": [", f->n, f->df_residual);
  for (size_t j = 0; j < f->p; j++) {
    printf("%s{\"name\": ", j ? ", " : "");
    sl_cli_json_string(stdout, f->names[j]);
    double v[4] = {f->coef[j], f->std_error[j], f->t_value[j], f->p_value[j]};
    const char *k[4] = {"estimate", "std_error", "t", "p"};
    for (int i = 0; i < 4; i++) printf(", \"%s\": ", k[i]), sl_cli_json_number(stdout, v[i]);
    putchar('}');
  }
  printf("], \"residual_sd\": ");
  sl_cli_json_number(stdout, f->sigma);
  double v[5] = {f->r_squared, f->adj_r_squared, f->f_statistic, f->f_p};
  const char *k[4] = {"r_squared", "adj_r_squared", "f_statistic", "f_p"};
  for (int i = 0; i < 4; i++) printf(", \"%s\": ", k[i]), sl_cli_json_number(stdout, v[i]);
  printf(", "), json_rows(rep, loader), printf("\"aliased\": [");
  for (size_t j = 0, c = 0; j < f->p; j++)
    if (f->aliased[j]) printf("%s", c++ ? ", " : ""), sl_cli_json_string(stdout, f->names[j]);
  printf("]}\n");
}

static void print_ridge(const sl_ridge_fit *r, const ols_args *a, const sl_design_report *rep) {
  const char *how = a->ridge_cv ? "k-fold cross-validation" : a->ridge_gcv ? "GCV" : "given";
  if (a->format == SL_FMT_JSON) {
    putchar('{'), sl_cli_json_schema(stdout, "ols");
    printf("\"n\": %zu, \"df\": ", r->n);
    sl_cli_json_number(stdout, r->df);
    printf(", \"lambda\": ");
    sl_cli_json_number(stdout, r->lambda);
    printf(", \"method\": \"%s\", \"coefficients\": [", a->ridge_cv ? "cv" : a->ridge_gcv ? "gcv" : "fixed");
    for (size_t j = 0; j < r->p; j++) {
      printf("%s{\"name\": ", j ? ", " : "");
      sl_cli_json_string(stdout, r->names[j]);
      printf(", \"estimate\": ");
      sl_cli_json_number(stdout, r->coef[j]);
      putchar('}');
    }
    printf("], "), json_rows(rep, a->loader_skipped), printf("\"rss\": ");
    sl_cli_json_number(stdout, r->rss);
    printf(", \"gcv\": ");
    sl_cli_json_number(stdout, r->gcv);
    printf("}\n");
    return;
  }
  if (a->format == SL_FMT_CSV) {
    printf("name,estimate\n");
    for (size_t j = 0; j < r->p; j++) sl_cli_csv_field(stdout, r->names[j]), putchar(','), csv_number(r->coef[j]), putchar('\n');
    return;
  }
  print_formula(a);
  print_rows_line(stdout, rep, a->loader_skipped);
  printf("\nRidge regression on standardised predictors (lambda %s)\n", how);
  printf("lambda: %.6g   effective df: %.4g   RSS: %.6g   GCV: %.6g\n", r->lambda, r->df, r->rss, r->gcv);
  if (a->ridge_cv) printf("folds: %d, seed %llu\n", a->ridge_cv, a->seed);
  printf("\nCoefficients (original scale):\n");
  for (size_t j = 0; j < r->p; j++) printf("  %-24s %14.6g\n", SL_CLI_SHOWN(r->names[j]), r->coef[j]);
}

/* ---- the command --------------------------------------------------------------------------- */

static int build_formula_design(const sl_table *t, const ols_args *a, sl_design **out) {
  sl_error err;
  sl_formula_options o = {a->weights, a->references, a->nreferences};
  if (sl_design_from_formula(t, a->formula, &o, out, &err)) {
    if (err.code == SL_EPARSE) {
      fprintf(stderr, "scoutlab ols: %s (see scoutlab ols --help)\n", SL_CLI_SHOWN(err.message));
      return SL_EXIT_USAGE;
    }
    if (err.code == SL_ENOTFOUND && !err.file[0]) {
      char msg[SL_ERROR_MESSAGE_MAX];
      snprintf(msg, sizeof msg, "%s", err.message);
      sl_error_set(&err, SL_ENOTFOUND, a->file, 0, 0, "%s", msg);
    }
    return fail(&err);
  }
  return 0;
}

static int build_design(const sl_table *t, const ols_args *a, sl_design **out) {
  sl_error err;
  if (a->formula) return build_formula_design(t, a, out);
  const char *role[] = {"response", "predictor", "weights"};
  const char *all[MAX_X + 2];
  size_t n = 0;
  all[n++] = a->y;
  for (size_t j = 0; j < a->nx; j++) all[n++] = a->x[j];
  if (a->weights) all[n++] = a->weights;
  sl_design *d = sl_design_new(t->nrows, a->intercept);
  if (!d) return sl_error_set(&err, SL_ENOMEM, NULL, 0, 0, "out of memory"), fail(&err);
  *out = d;
  /* Existence first (with did-you-mean), through the design's own lookup. */
  for (size_t k = 0; k < n; k++) {
    if (sl_table_column(t, all[k])) continue;
    sl_design *probe = sl_design_new(t->nrows, 0);
    sl_design_add_table_column(probe, t, all[k], 0, NULL, &err);
    sl_design_free(probe);
    return fail(&err);
  }
  for (size_t k = 0; k < n; k++) {
    int st = check_numeric(t, all[k], role[k == 0 ? 0 : (a->weights && k == n - 1) ? 2 : 1]);
    if (st) return st;
  }
  int st = sl_design_set_response(d, a->y, sl_table_column(t, a->y)->num, &err);
  for (size_t j = 0; j < a->nx && !st; j++)
    st = sl_design_add_numeric(d, a->x[j], sl_table_column(t, a->x[j])->num, NULL, &err);
  if (!st && a->weights) st = sl_design_set_weights(d, a->weights, sl_table_column(t, a->weights)->num, &err);
  if (!st) st = sl_design_prepare(d, &err);
  return st ? fail(&err) : 0;
}

static int fit_and_print(const sl_design *d, const ols_args *a) {
  sl_rows rows;
  sl_error err;
  const sl_design_report *rep = sl_design_report_get(d);
  if (a->format != SL_FMT_TABLE && !sl_cli_quiet()) print_rows_line(stderr, rep, a->loader_skipped);
  int st = sl_design_rows(d, &rows, &err);
  if (!st && rep->rows_used < rows.p) {
    st = sl_error_set(&err, SL_EDATA, a->file, 0, 0,
                      "%zu rows used but the model has %zu parameters: fewer rows than parameters",
                      rep->rows_used, rows.p);
  }
  if (st) return fail(&err);
  if (a->ridge >= 0 || a->ridge_cv || a->ridge_gcv) {
    sl_ridge_options o = {a->ridge_cv ? SL_RIDGE_CV : a->ridge_gcv ? SL_RIDGE_GCV : SL_RIDGE_FIXED,
                          a->ridge, (unsigned)a->ridge_cv, a->seed, 0, 0, 0};
    sl_ridge_fit *r = NULL;
    if (sl_ridge_fit_rows(&rows, &o, &r, &err)) return fail(&err);
    print_ridge(r, a, rep);
    st = a->save ? sl_ridge_save(r, a->save, &err) : SL_OK;
    sl_ridge_fit_free(r);
    return st ? fail(&err) : SL_EXIT_OK;
  }
  sl_ols_fit *f = NULL;
  sl_ols_options opt = {.tol = a->tol, .tol_set = a->have_tol, .fill_lo = sl_design_fill_lo};
  if (sl_ols_fit_rows(&rows, &opt, &f, &err)) return fail(&err);
  if (sl_ols_check_summary(f, &err)) { /* never a summary of inf or nan */
    sl_ols_fit_free(f);
    return fail(&err);
  }
  if (a->formula && a->save && sl_design_spec(d, &f->design, &err)) {
    sl_ols_fit_free(f);
    return fail(&err);
  }
  if (a->format == SL_FMT_JSON) print_json(f, rep, a->loader_skipped);
  else if (a->format == SL_FMT_CSV) print_csv(f, a);
  else print_table(f, a, rep);
  st = a->save ? sl_ols_save(f, a->save, &err) : SL_OK;
  sl_ols_fit_free(f);
  return st ? fail(&err) : SL_EXIT_OK;
}

/* OpenBLAS's own setter (libopenblas, which scoutlab links). The TSQR feeds LAPACK blocks of
 * 4096 x (p+1): too small for threads to pay off; measured on 1e6 x 30 with 2 cores, the fit takes
 * 0.44 s on one thread and 0.99 s on two. The process, not the library, owns this setting. */
void openblas_set_num_threads(int num_threads);

/* The command; with parse_only its argument parse alone (sl_command.parse), nothing read or written. */
static int ols_main(int argc, char **argv, int parse_only) {
  ols_args a;
  int st = parse_args(argc, argv, &a);
  if (st || parse_only) {
    free_args(&a);
    return st;
  }
  sl_table *t = NULL;
  sl_design *d = NULL;
  sl_error err;
  openblas_set_num_threads(1);
  sl_load_options lim;
  sl_cli_load_options(&lim);
  const char *inputs[] = {a.file};
  if (a.save && sl_output_check_paths(&a.save, 1, inputs, 1, &err)) st = fail(&err); /* --save never replaces FILE */
  if (!st && sl_table_load_many(inputs, 1, &lim, &t, &err)) st = fail(&err);
  if (!st) a.loader_skipped = t->nskipped;
  if (!st) sl_cli_table_warnings(CMD, t);
  for (size_t k = 0; !st && sl_cli_verbose() && k < t->nskipped; k++)
    fprintf(stderr, "skipped %s:%ld: %s\n", SL_CLI_SHOWN(t->files[t->skipped[k].file]), t->skipped[k].line,
            SL_CLI_SHOWN(t->skipped[k].reason));
  if (!st) st = build_design(t, &a, &d);
  if (!st && !a.formula) st = check_constant(d, t, &a);
  if (!st) st = fit_and_print(d, &a);
  sl_design_free(d);
  sl_table_free(t);
  free_args(&a);
  return st;
}

int sl_cmd_ols(int argc, char **argv) { return ols_main(argc, argv, 0); }
int sl_cmd_ols_parse(int argc, char **argv) { return ols_main(argc, argv, 1); }
