/* cmd_fit.c - `scoutlab fit`: select deals, fit the fee model, print its summary and the
 * out-of-sample accuracy next to the market-value baseline, save the model. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "scoutlab/fees.h"
#include "scoutlab/money.h"
#include "scoutlab/output.h"
#include "scoutlab/perf.h"
#include "scoutlab/season.h"

const char sl_help_fit[] =
    "usage: scoutlab fit --transfers FILE|DIR... -o|--output MODEL.slm [--players FILE...]\n"
    "                    [--stats DIR|FILE...]\n"
    "                    [--since SEASON] [--until SEASON]\n"
    "                    [--holdout-from SEASON] [--no-market-value] [--ridge]\n"
    "                    [--interval auto|t|conformal] [--season-hold] [--level 0.8]\n"
    "                    [--season-mode auto|trend|level|none] [--half-life auto|none|H]\n"
    "                    [--rolling SEASON] [--terms LIST] [--folds 5] [--seed 1]\n"
    "                    [--rate CODE=EUR,...]\n"
    "                    [--format table|json|csv] [-q|-v]\n"
    "\n"
    "Fits the hedonic transfer-fee model log(fee) ~ age + age^2 + position + buying and selling\n"
    "league [+ season] + spline(log market value) + log market value x age + buying club\n"
    "[+ contract months + minutes share] (--terms) on the permanent\n"
    "paid transfers (loans, free and unknown fees, second listings counted and left out), prints\n"
    "the coefficients, the interval and the out-of-sample accuracy (--holdout-from, k-fold) next\n"
    "to fee = market value, and saves the model refitted on every selected deal.\n"
    "\n"
    "  --stats DIR|FILE  performance from a stats history (fbref-big5-yearly layout or a file per\n"
    "                    season): each transfer of S joined to his stats of S-1 (name + birth\n"
    "                    year, club breaking ties), with minutes and starts share, npxG+xAG and\n"
    "                    progressive actions per 90, club points per match\n"
    "  --players FILE    transfermarkt-datasets players.csv: date of birth (age at the\n"
    "                    transfer_date) and positions by player_id; the rows joined are counted\n"
    "  --terms LIST      the terms (default: age,age^2,position,buyer_league,seller_league,season,\n"
    "                    spline(log_mv,4),log_mv:age,buyer_club,contract,minutes, the ones the\n"
    "                    data give; on fewer than 1000 deals, or with --terms classic, the\n"
    "                    first version's: log_mv linear, no log_mv:age, no buyer_club).\n"
    "                    NAME, NAME^2, spline(NAME,K) (K knots, linear beyond them), NUM:NUM,\n"
    "                    NUM:FACTOR, column(NAME) (a numeric column of the transfers or stats);\n"
    "                    docs/fee-model.md\n"
    "  --holdout-from S  train on seasons before S, test on S and later\n"
    "  --rolling S       also predict every season from S on by a model of the seasons before it\n"
    "  --season-mode M   how the season enters: trend (linear, extrapolated), level (one per\n"
    "                    season, the last carried forward), none; auto (default): chosen with\n"
    "                    the half-life on the inner split (each of the last training seasons,\n"
    "                    25% of the deals, predicted from the seasons before it; never the test\n"
    "                    seasons), which is printed\n"
    "  --half-life H     weight deals 0.5^((last season - season)/H); none; auto (default)\n"
    "  --no-market-value leave market value out (the model then works without it)\n"
    "  --rate GBP=1.16   euros per unit of another currency in the files (else left out)\n"
    "  --ridge           ridge (GCV) point predictions, conformal intervals\n"
    "  --interval        auto (default): t unless its held-out coverage is off, then conformal\n"
    "  --season-hold     a trend held at the nearest training season, not extrapolated\n"
    "  --folds K         k-fold accuracy (1 = none); --seed N: folds, calibration split\n"
    "  --format F        table (default), json (docs/json.md), csv (coefficients, SE, t, p)\n"
    SL_CLI_HELP_VERBOSITY
    "\n"
    "example:\n"
    "  scoutlab fit --transfers ../shared/data/transfers-tm --until 2020 --holdout-from 2017 -o tm.slm\n"
    "  scoutlab fit --transfers transfers.csv --players players.csv -o tmd.slm   (transfermarkt-datasets)\n"
    "  scoutlab fit --transfers T --terms \"age,age^2,position,season,spline(log_mv,4),log_mv:age\" -o t.slm\n"
    "  scoutlab fit --transfers ../shared/data/transfers-tm --stats ../shared/data/fbref-big5-yearly \\\n"
    "      --no-market-value --holdout-from 2019 -o perf.slm\n";

typedef struct fit_args {
  const char **files;
  size_t nfiles;
  const char **stats;
  size_t nstats;
  const char **players;       /* --players: attributes keyed by player_id */
  size_t nplayers;
  sl_attach_report attach;    /* filled when players are given */
  sl_perf_join_report join;   /* filled when stats are given */
  const char *out;
  sl_fees_options opt;
  sl_format format;
  int verbose;
} fit_args;

static int int_arg(const char *s, long lo, long hi, long *v) {
  char *end;
  *v = strtol(s, &end, 10);
  return *s && !*end && *v >= lo && *v <= hi;
}

/* A season in any form the data write (2017, 2017/18, 2017/2018, 17/18): its first year. */
static int season_arg(const char *s, int *first) { return sl_season_parse(s, first, NULL) == SL_OK; }

/* What each option with a checked value expects, for the message when the value is not that. */
static const char *expected_value(const char *o) {
  static const char *const what[][2] = {
      {"--since", "a season, e.g. 2010, 2010/11 or 2010/2011"},
      {"--until", "a season, e.g. 2020, 2020/21 or 2020/2021"},
      {"--holdout-from", "a season, e.g. 2017, 2017/18 or 2017/2018"},
      {"--rolling", "a season, e.g. 2013, 2013/14 or 2013/2014"},
      {"--season-mode", "auto, trend, level or none"},
      {"--half-life", "auto, none or a number of seasons above 0 and below 100, e.g. 2"},
      {"--folds", "a whole number from 1 to 100"},
      {"--seed", "a whole number from 0 to 2147483647"},
      {"--level", "a probability between 0 and 1, e.g. 0.8 for an 80% interval"},
      {"--interval", "auto, t or conformal"},
      {"--format", "table, json or csv"},
  };
  return sl_cli_pair_lookup(what, sizeof what / sizeof what[0], o);
}

static int parse_value_opt(fit_args *a, const char *o, const char *v) {
  long n;
  char *end;
  if (strcmp(o, "--since") == 0) return season_arg(v, &a->opt.since) ? 0 : -1;
  if (strcmp(o, "--until") == 0) return season_arg(v, &a->opt.until) ? 0 : -1;
  if (strcmp(o, "--holdout-from") == 0) return season_arg(v, &a->opt.holdout_from) ? 0 : -1;
  if (strcmp(o, "--rolling") == 0) return season_arg(v, &a->opt.rolling_from) ? 0 : -1;
  if (strcmp(o, "--season-mode") == 0) {
    static const char *const modes[] = {"auto", "trend", "level", "none"};
    for (int k = 0; k < 4; k++)
      if (strcmp(v, modes[k]) == 0) return a->opt.season_mode = k, 0;
    return -1;
  }
  if (strcmp(o, "--half-life") == 0) {
    if (strcmp(v, "auto") == 0) return a->opt.half_life = 0, 0;
    if (strcmp(v, "none") == 0) return a->opt.half_life = SL_FEES_NO_WEIGHTS, 0;
    a->opt.half_life = strtod(v, &end);
    return *end || !(a->opt.half_life > 0 && a->opt.half_life < 100) ? -1 : 0;
  }
  if (strcmp(o, "--folds") == 0 && int_arg(v, 1, 100, &n)) return a->opt.folds = (unsigned)n, 0;
  if (strcmp(o, "--seed") == 0 && int_arg(v, 0, 2147483647L, &n)) return a->opt.seed = (uint64_t)n, 0;
  if (strcmp(o, "--level") == 0) {
    a->opt.level = strtod(v, &end);
    return *end || !(a->opt.level > 0 && a->opt.level < 1) ? -1 : 0;
  }
  if (strcmp(o, "--interval") == 0) {
    a->opt.interval = strcmp(v, "auto") == 0 ? 0 : strcmp(v, "t") == 0 ? 1 : strcmp(v, "conformal") == 0 ? 2 : -1;
    return a->opt.interval < 0 ? -1 : 0;
  }
  if (strcmp(o, "-o") == 0 || strcmp(o, "--output") == 0) return a->out = v, 0;
  if (strcmp(o, "--rate") == 0) return a->opt.rates = v, 0;
  if (strcmp(o, "--terms") == 0) { /* "classic": the first version's list, by its name */
    if (strcmp(v, "classic") == 0) return a->opt.classic_terms = SL_FEES_TERMS_CLASSIC, a->opt.terms = NULL, 0;
    return a->opt.terms = v, a->opt.classic_terms = 0, 0;
  }
  if (strcmp(o, "--format") == 0)
    return sl_cli_parse_format(v, 1u << SL_FMT_TABLE | 1u << SL_FMT_JSON | 1u << SL_FMT_CSV, &a->format);
  return -1;
}

static int parse_args(int argc, char **argv, fit_args *a) {
  memset(a, 0, sizeof *a);
  a->opt.seed = SL_FEES_DEFAULT_SEED; /* the seed of every command (fees.h) */
  a->verbose = sl_cli_verbose();
  if (!(a->files = calloc((size_t)argc, sizeof *a->files)) || !(a->stats = calloc((size_t)argc, sizeof *a->stats)) ||
      !(a->players = calloc((size_t)argc, sizeof *a->players)))
    return SL_EXIT_DATA;
  for (int i = 1; i < argc; i++) {
    const char *o = argv[i];
    if (strcmp(o, "--transfers") == 0) {
      while (i + 1 < argc && strncmp(argv[i + 1], "--", 2) != 0 && strcmp(argv[i + 1], "-o") != 0)
        a->files[a->nfiles++] = argv[++i];
    } else if (strcmp(o, "--stats") == 0) {
      size_t before = a->nstats;
      while (i + 1 < argc && strncmp(argv[i + 1], "--", 2) != 0 && strcmp(argv[i + 1], "-o") != 0)
        a->stats[a->nstats++] = argv[++i];
      if (a->nstats == before) return sl_cli_usage_error("fit", "--stats needs a folder or files");
    } else if (strcmp(o, "--players") == 0) {
      size_t before = a->nplayers;
      while (i + 1 < argc && strncmp(argv[i + 1], "--", 2) != 0 && strcmp(argv[i + 1], "-o") != 0)
        a->players[a->nplayers++] = argv[++i];
      if (a->nplayers == before) return sl_cli_usage_error("fit", "--players needs a players file");
    } else if (strcmp(o, "--no-market-value") == 0) a->opt.no_market_value = 1;
    else if (strcmp(o, "--ridge") == 0) a->opt.ridge = 1;
    else if (strcmp(o, "--season-hold") == 0) a->opt.season_hold = 1;
    else if (strcmp(o, "--rate") == 0 && a->opt.rates)
      return sl_cli_usage_error("fit", "--rate once, with every currency: --rate GBP=1.16,USD=0.92");
    else if (i + 1 < argc && o[0] == '-' && parse_value_opt(a, o, argv[i + 1]) == 0) i++;
    else if (o[0] == '-' && expected_value(o) && i + 1 < argc)
      return sl_cli_usage_error("fit", "%s expects %s, got '%s'", o, expected_value(o), argv[i + 1]);
    else if (o[0] == '-') return sl_cli_usage_error("fit", "bad option or value '%s%s%s'", o, i + 1 < argc ? " " : "", i + 1 < argc ? argv[i + 1] : "");
    else return sl_cli_usage_error("fit", "unexpected argument '%s' (transfer files go after --transfers)", o);
  }
  sl_fees_term_list terms;
  sl_error err;
  if (a->opt.terms && sl_fees_terms_parse(a->opt.terms, &terms, &err))
    return sl_cli_usage_error("fit", "--terms \"%s\": %s", a->opt.terms, err.message);
  if (!a->nfiles) return sl_cli_usage_error("fit", "no transfer files (give --transfers FILE|DIR...)");
  if (!a->out) return sl_cli_usage_error("fit", "no output model (give -o MODEL.slm)");
  return SL_EXIT_OK;
}

/* ---- printing ----------------------------------------------------------------------------- */

static void print_selection(const sl_fees_deals *d) {
  printf("deals: %zu rows read, %zu used\n", d->rows_read, d->count[SL_FEES_USED]);
  sl_cli_print_not_used(d);
  printf("  used deals known only from the seller's out row (buyer outside the covered leagues): %zu\n",
         d->out_rows_kept);
}

/* "3" or "none": a half-life in words. */
static const char *life_text(double half_life, char *buf, size_t n) {
  if (half_life > 0) snprintf(buf, n, "%g", half_life);
  else snprintf(buf, n, "none");
  return buf;
}

static void print_recency(const sl_fees_model *m) {
  char life[32];
  if (m->season_max > m->season_min)
    printf("\nseasons %d-%d; season %s%s\n", m->season_min, m->season_max,
           m->season_mode == SL_FEES_SEASON_LEVEL  ? "as a level per season, the last carried forward"
           : m->season_mode == SL_FEES_SEASON_NONE ? "term: none"
                                                  : "as a linear trend",
           m->season_mode != SL_FEES_SEASON_TREND ? ""
           : m->season_trend                      ? ", extrapolated beyond them"
                                                  : ", held at the nearest training season beyond them");
  else putchar('\n');
  if (m->season_max == m->season_min) return;
  if (m->half_life > 0)
    printf("training weights: half-life %g season%s (a deal %g season%s old weighs 1/2)\n", m->half_life,
           m->half_life == 1 ? "" : "s", m->half_life, m->half_life == 1 ? "" : "s");
  else printf("training weights: none (every deal weighs 1)\n");
  if (!m->inner_from) return;
  printf("chosen on the inner time split (each season of %d-%d predicted from the seasons before it, %zu deals): "
         "season %s, half-life %s; log-RMSE %.3f\n", m->inner_from, m->season_max, m->inner_n, sl_fees_season_mode_name(m->season_mode),
         life_text(m->half_life, life, sizeof life), m->inner_score);
  printf("  inner log-RMSE   %8s", "no weights");
  static const double lives[] = SL_FEES_HALF_LIVES;
  for (int h = 0; h < SL_FEES_NHALF_LIVES; h++) printf("  h=%-5g", lives[h]);
  putchar('\n');
  for (int mode = 0; mode < 3; mode++) {
    printf("  season %-9s", sl_fees_season_mode_name(mode + 1));
    for (int h = 0; h <= SL_FEES_NHALF_LIVES; h++) {
      if (isfinite(m->inner_grid[mode][h])) printf(h ? "  %7.3f" : " %10.3f", m->inner_grid[mode][h]);
      else printf(h ? "  %7s" : " %10s", "-");
    }
    putchar('\n');
  }
}

/* A spline's knots on the model's scale, and in EUR for the market value. */
static void print_knots(const sl_fees_model *m) {
  for (size_t t = 0; t < m->nterms; t++) {
    const sl_fees_term *term = &m->terms[t];
    if (term->kind != SL_FEES_TERM_SPLINE) continue;
    printf("knots of %s:", term->name);
    for (size_t k = 0; k < term->nknots; k++) printf(" %.4g", term->knots[k]);
    if (term->var == SL_FEES_VAR_MARKET_VALUE) {
      printf(" (");
      for (size_t k = 0; k < term->nknots; k++) {
        char money[32];
        printf("%s%s", k ? ", " : "", sl_money_short(exp(term->knots[k]), money, sizeof money));
      }
      putchar(')');
    }
    putchar('\n');
  }
}

static void print_coefficients(const sl_fees_model *m) {
  const sl_ols_fit *f = m->ols;
  printf("\ncoefficients (log EUR; OLS, %zu deals, R\xc2\xb2 %.3f, residual SE %.3f on %zu df)%s\n", f->n,
         f->r_squared, f->sigma, f->df_residual, m->ridge ? "; predictions use ridge" : "");
  int w = 44; /* the classic columns' width; an interaction's names may be longer */
  for (size_t j = 0; j < f->p; j++) {
    int cols = sl_cli_text_columns(SL_CLI_SHOWN(f->names[j]));
    if (cols > w) w = cols;
  }
  printf("  %-*s %10s %10s %8s %10s%s\n", w, "column", "estimate", "std.error", "t", "p", m->ridge ? "      ridge" : "");
  for (size_t j = 0; j < f->p; j++) {
    printf("  "), sl_cli_pad_cut(stdout, f->names[j], w), putchar(' '); /* league levels come from the data */
    if (f->aliased[j]) printf("%10s %10s %8s %10s", "aliased", "", "", "");
    else printf("%10.4f %10.4f %8.2f %10.3g", f->coef[j], f->std_error[j], f->t_value[j], f->p_value[j]);
    if (m->ridge) printf(" %10.4f", m->coef[j]);
    putchar('\n');
  }
  print_knots(m);
  print_recency(m);
  if (m->interval == SL_FEES_INTERVAL_CONFORMAL) /* value's mean is the predictive distribution's */
    printf("expected fee = median fee x the mean of exp(residual) over the calibration residuals%s (the interval's "
           "distribution; Duan's smearing over the training residuals: x %.4f)\n",
           m->nbands > 1 ? " of the player's market-value band" : "", m->smearing);
  else printf("smearing factor %.4f: expected fee = median fee x %.4f (Duan 1983)\n", m->smearing, m->smearing);
  if (!m->ncal) printf("interval reported: Student t (too few deals to hold out a calibration set)\n");
  else if (m->calibration_from == m->season_max)
    printf("interval calibrated on %zu deals of %d, predicted from the seasons before it\n", m->ncal, m->season_max);
  else if (m->calibration_from)
    printf("interval calibrated on %zu deals of %d-%d, each season predicted from the seasons before it\n", m->ncal,
           m->calibration_from, m->season_max);
  else printf("interval calibrated on %zu deals held out at random (too few seasons to calibrate by time)\n", m->ncal);
  if (m->ncal)
    printf("interval reported: %s (the t-interval covered %.1f%% of %zu held-out calibration deals at %.0f%%)\n",
           m->interval == SL_FEES_INTERVAL_CONFORMAL ? "split-conformal on log residuals" : "Student t",
           100 * m->t_coverage_calibration, m->ncal, 100 * m->level);
}

static void acc_row(const char *label, const sl_fees_accuracy *a) {
  if (!a->n) return;
  printf("  %-36s %7zu %8.3f %8.3f %7.1f%% %7.1f%% %7.1f%%", label, a->n, a->log_rmse, a->r2_log, 100 * a->mdape,
         100 * a->within25, 100 * a->within50);
  if (isfinite(a->coverage)) printf(" %8.1f%% %8.3f\n", 100 * a->coverage, a->mean_width);
  else printf(" %9s %8s\n", "-", "-");
}

static const char *const band_labels[SL_FEES_MAX_BANDS] = {"  market value under EUR 1m", "  market value EUR 1m-5m",
                                                           "  market value EUR 5m and over"};
static const char *const band_keys[SL_FEES_MAX_BANDS] = {"band_under_1m", "band_1m_5m", "band_5m_and_over"};


static const char *interval_name(int kind) {
  return kind == SL_FEES_INTERVAL_CONFORMAL ? "conformal" : kind == SL_FEES_INTERVAL_T ? "t" : "mixed";
}

/* A number in a fixed-width column, or "-" there when it is not known. */
static void fixed_or_dash(double v, int width) {
  if (isfinite(v)) printf("%*.3f", width, v);
  else printf("%*s", width, "-");
}

/* The market-value baselines' label: a model without market value is compared with what it does
 * not use, for reference. */
static const char *baseline_label(int uses_mv, const char *label) {
  static const char *const reference[] = {"fee = market value (not in model)", "value x last ratio (not in model)"};
  if (uses_mv) return label;
  return strstr(label, "ratio") ? reference[1] : reference[0];
}

static void print_accuracy(const sl_fees_report *r, int uses_mv) {
  if (!r->holdout_from && !r->folds && !r->nrolling) {
    printf("\nno out-of-sample accuracy (give --holdout-from SEASON or --folds K)\n");
    return;
  }
  printf("\naccuracy out of sample       %14s %8s %8s %8s %8s %8s %9s %8s\n", "deals", "logRMSE", "R2 log", "MdAPE",
         "+-25%", "+-50%", "coverage", "width");
  if (r->holdout_from) {
    printf("time split: train on %zu deals before %d, test on %zu from %d (%s interval, %.0f%%)\n",
           r->time_train, r->holdout_from, r->time_test, r->holdout_from, interval_name(r->time_interval),
           100 * r->level);
    acc_row("model", &r->time_model);
    acc_row("model, deals with a market value", &r->time_model_mv);
    for (int b = 0; b < SL_FEES_MAX_BANDS; b++) acc_row(band_labels[b], &r->time_band[b]);
    acc_row(baseline_label(uses_mv, "baseline fee = market value"), &r->time_baseline);
    acc_row(baseline_label(uses_mv, "baseline value x last ratio"), &r->time_ratio);
    acc_row("model, buyers' in rows", &r->time_model_in);
    acc_row("fee = market value, in rows", &r->time_baseline_in);
    acc_row("value x last ratio, in rows", &r->time_ratio_in);
    if (r->performance_deals) {
      printf("  the same test deals, the model without the performance terms:\n");
      acc_row("fitted on the same training deals", &r->time_plain_same);
      char label[64];
      snprintf(label, sizeof label, "fitted on every deal before (%zu)", r->time_plain_all_train);
      acc_row(label, &r->time_plain_all);
      acc_row("first version's, every deal before", &r->time_plain_v1);
    }
    char life[32];
    if (r->time_inner_from)
      printf("  (the time split's model: season %s, half-life %s, inner log-RMSE %.3f on %d-%d)\n",
             sl_fees_season_mode_name(r->time_season_mode), life_text(r->time_half_life, life, sizeof life), r->time_inner_score,
             r->time_inner_from, r->holdout_from - 1);
  }
  if (r->nrolling) {
    printf("rolling one season ahead (each season predicted by a model of the seasons before it), log-RMSE:\n");
    printf("  %-7s %6s %6s %8s %8s %8s %8s %8s %8s | %6s %8s %8s  %s\n", "season", "train", "test", "model", "value",
           "ratio", "coverage", "width", "MdAPE", "in", "model", "value", "chosen");
    for (size_t k = 0; k < r->nrolling; k++) {
      const sl_fees_season_accuracy *a = &r->rolling[k];
      char life[32];
      printf("  %-7d %6zu %6zu %8.3f %8.3f %8.3f %7.1f%% %8.3f %7.1f%% | %6zu ", a->season, a->train, a->model.n,
             a->model.log_rmse, a->baseline.log_rmse, a->ratio.log_rmse, 100 * a->model.coverage, a->model.mean_width,
             100 * a->model.mdape, a->model_in.n);
      fixed_or_dash(a->model_in.log_rmse, 8), putchar(' '), fixed_or_dash(a->baseline_in.log_rmse, 8);
      printf("  season %s, half-life %s\n", sl_fees_season_mode_name(a->season_mode), life_text(a->half_life, life, sizeof life));
    }
    printf("  %-7s %6s %6s %8.3f %8.3f %8.3f %8s %8s %8s | %6s ", "mean", "", "", r->rolling_mean_log_rmse,
           r->rolling_mean_baseline, r->rolling_mean_ratio, "", "", "", "");
    fixed_or_dash(r->rolling_mean_in, 8), putchar(' '), fixed_or_dash(r->rolling_mean_baseline_in, 8);
    printf("  (mean over %zu seasons)\n", r->nrolling);
    printf("  (\"in\": the buyers' in rows with a market value, the rows the time split's \"in rows\" scores)\n");
    printf("  every season's test deals pooled (columns as the accuracy table's):\n");
    acc_row("rolling, pooled", &r->rolling_pooled);
    for (int b = 0; b < SL_FEES_MAX_BANDS; b++) acc_row(band_labels[b], &r->rolling_band[b]);
  }
  if (r->folds) {
    printf("%u-fold cross-validation (%s interval, %.0f%%)\n", r->folds, interval_name(r->kfold_interval),
           100 * r->level);
    acc_row("model", &r->kfold_model);
    acc_row("model, deals with a market value", &r->kfold_model_mv);
    acc_row(baseline_label(uses_mv, "baseline fee = market value"), &r->kfold_baseline);
  }
}

/* ---- JSON --------------------------------------------------------------------------------- */

static void json_acc(const char *key, const sl_fees_accuracy *a, int last) {
  printf("    \"%s\": {\"n\": %zu, \"r2_log\": ", key, a->n);
  sl_cli_json_number(stdout, a->r2_log);
  printf(", \"mdape\": ");
  sl_cli_json_number(stdout, a->mdape);
  printf(", \"within25\": ");
  sl_cli_json_number(stdout, a->within25);
  printf(", \"within50\": ");
  sl_cli_json_number(stdout, a->within50);
  printf(", \"coverage\": ");
  sl_cli_json_number(stdout, a->coverage);
  printf(", \"log_rmse\": ");
  sl_cli_json_number(stdout, a->log_rmse);
  printf(", \"mean_width\": ");
  sl_cli_json_number(stdout, a->mean_width);
  printf("}%s\n", last ? "" : ",");
}

/* The bands of one evaluation as JSON keys PREFIX_band_... */
static void json_bands(const char *prefix, const sl_fees_accuracy band[SL_FEES_MAX_BANDS]) {
  char key[64];
  for (int b = 0; b < SL_FEES_MAX_BANDS; b++) {
    snprintf(key, sizeof key, "%s_%s", prefix, band_keys[b]);
    json_acc(key, &band[b], 0);
  }
}

/* "terms_spec": the list as fit --terms reads it; "terms": each term, its variables, kind,
 * columns and knots. */
static void json_terms(const sl_fees_model *m) {
  static const char *const kinds[SL_FEES_TERM_KIND_COUNT] = {"linear", "quadratic", "factor", "spline", "interaction"};
  sl_fees_term_list l;
  char spec[SL_FEES_TERMS_TEXT_MAX];
  sl_fees_model_terms(m, &l);
  sl_fees_terms_text(&l, spec, sizeof spec);
  printf("  \"terms_spec\": ");
  sl_cli_json_string(stdout, spec);
  printf(",\n  \"terms\": [");
  for (size_t t = 0; t < m->nterms; t++) {
    const sl_fees_term *term = &m->terms[t];
    printf("%s\n    {\"name\": ", t ? "," : "");
    sl_cli_json_string(stdout, term->name);
    char key[96];
    printf(", \"variable\": ");
    sl_cli_json_string(stdout, sl_fees_model_var_key(m, (int)term->var, key, sizeof key));
    printf(", \"kind\": \"%s\", \"partner\": ", (unsigned)term->kind < SL_FEES_TERM_KIND_COUNT ? kinds[term->kind] : "");
    if (term->partner >= 0) sl_cli_json_string(stdout, sl_fees_model_var_key(m, term->partner, key, sizeof key));
    else printf("null");
    printf(", \"first_column\": %zu, \"columns\": %zu, \"knots\": [", term->first, term->count);
    for (size_t k = 0; k < term->nknots; k++) printf("%s", k ? ", " : ""), sl_cli_json_number(stdout, term->knots[k]);
    printf("]}");
  }
  printf("\n  ]");
}

static void print_json(const sl_fees_model *m, const sl_fees_report *r, const fit_args *a) {
  const sl_fees_deals *d = m->deals;
  const char *path = a->out;
  printf("{\n  "), sl_cli_json_schema(stdout, "fit");
  printf("\n  \"model\": ");
  sl_cli_json_string(stdout, path);
  printf(",\n  \"rows_read\": %zu,\n  \"deals\": %zu,\n  \"performance_deals\": %zu,\n  \"not_used\": ", d->rows_read,
         d->n, r->performance_deals);
  sl_cli_json_not_used(d);
  printf(",\n  \"players\": ");
  if (a->nplayers) {
    const sl_attach_report *p = &a->attach;
    printf("{\"file\": "), sl_cli_json_string(stdout, p->file);
    printf(", \"rows\": %zu, \"joined\": %zu, \"not_found\": %zu, \"ambiguous\": %zu, \"no_player_id\": %zu, "
           "\"columns_added\": ", p->rows, p->matched, p->not_found, p->ambiguous, p->no_key);
    sl_cli_json_string(stdout, p->columns), putchar('}');
  } else {
    printf("null");
  }
  printf(",\n  \"coefficients\": [");
  /* Standard errors, t and p are the least-squares fit's; a ridge model's estimates have none. */
  const sl_ols_fit *o = m->ridge ? NULL : m->ols;
  for (size_t j = 0; j < m->p; j++) {
    printf("%s\n    {\"name\": ", j ? "," : "");
    sl_cli_json_string(stdout, m->names[j]);
    printf(", \"estimate\": "), sl_cli_json_number(stdout, m->coef[j]);
    printf(", \"std_error\": "), sl_cli_json_number(stdout, o && j < o->p ? o->std_error[j] : NAN);
    printf(", \"t\": "), sl_cli_json_number(stdout, o && j < o->p ? o->t_value[j] : NAN);
    printf(", \"p\": "), sl_cli_json_number(stdout, o && j < o->p ? o->p_value[j] : NAN);
    putchar('}');
  }
  printf("\n  ],\n");
  json_terms(m);
  printf(",\n  \"smearing\": ");
  sl_cli_json_number(stdout, m->smearing);
  printf(",\n  \"season_mode\": \"%s\",\n  \"half_life\": ", sl_fees_season_mode_name(m->season_mode));
  sl_cli_json_number(stdout, m->half_life > 0 ? m->half_life : NAN);
  printf(",\n  \"inner_from\": %d,\n  \"inner_log_rmse\": ", m->inner_from);
  sl_cli_json_number(stdout, m->inner_from ? m->inner_score : NAN);
  printf(",\n  \"calibration_deals\": %zu,\n  \"calibration_from\": %d", m->ncal, m->calibration_from);
  printf(",\n  \"interval\": \"%s\",\n  \"level\": ", m->interval == SL_FEES_INTERVAL_CONFORMAL ? "conformal" : "t");
  sl_cli_json_number(stdout, m->level);
  printf(",\n  \"accuracy\": {\n");
  json_acc("time_model", &r->time_model, 0);
  json_acc("time_model_with_market_value", &r->time_model_mv, 0);
  json_acc("time_baseline", &r->time_baseline, 0);
  json_acc("kfold_model", &r->kfold_model, 0);
  json_acc("kfold_model_with_market_value", &r->kfold_model_mv, 0);
  json_acc("time_ratio_baseline", &r->time_ratio, 0);
  json_acc("time_model_in_rows", &r->time_model_in, 0);
  json_bands("time_model", r->time_band);
  json_acc("time_baseline_in_rows", &r->time_baseline_in, 0);
  if (r->performance_deals) {
    json_acc("time_without_performance_same_deals", &r->time_plain_same, 0);
    json_acc("time_without_performance_every_deal", &r->time_plain_all, 0);
    json_acc("time_first_version_every_deal", &r->time_plain_v1, 0);
  }
  json_acc("rolling_pooled", &r->rolling_pooled, 0);
  json_bands("rolling", r->rolling_band);
  json_acc("kfold_baseline", &r->kfold_baseline, 1);
  printf("  },\n  \"time_split_choice\": ");
  if (r->holdout_from) {
    printf("{\"season_mode\": \"%s\", \"half_life\": ", sl_fees_season_mode_name(r->time_season_mode));
    sl_cli_json_number(stdout, r->time_half_life > 0 ? r->time_half_life : NAN);
    printf(", \"inner_from\": %d, \"inner_log_rmse\": ", r->time_inner_from);
    sl_cli_json_number(stdout, r->time_inner_from ? r->time_inner_score : NAN);
    putchar('}');
  } else printf("null");
  printf(",\n  \"rolling\": [");
  for (size_t k = 0; k < r->nrolling; k++) {
    const sl_fees_season_accuracy *a = &r->rolling[k];
    printf("%s\n    {\"season\": %d, \"train\": %zu, \"n\": %zu, \"log_rmse\": ", k ? "," : "", a->season, a->train,
           a->model.n);
    sl_cli_json_number(stdout, a->model.log_rmse);
    printf(", \"baseline_log_rmse\": "), sl_cli_json_number(stdout, a->baseline.log_rmse);
    printf(", \"ratio_log_rmse\": "), sl_cli_json_number(stdout, a->ratio.log_rmse);
    printf(", \"coverage\": "), sl_cli_json_number(stdout, a->model.coverage);
    printf(", \"mean_width\": "), sl_cli_json_number(stdout, a->model.mean_width);
    printf(", \"in_rows\": %zu, \"in_log_rmse\": ", a->model_in.n), sl_cli_json_number(stdout, a->model_in.log_rmse);
    printf(", \"in_baseline_log_rmse\": "), sl_cli_json_number(stdout, a->baseline_in.log_rmse);
    printf(", \"season_mode\": \"%s\", \"half_life\": ", sl_fees_season_mode_name(a->season_mode));
    sl_cli_json_number(stdout, a->half_life > 0 ? a->half_life : NAN), printf("}");
  }
  printf("],\n  \"rolling_mean\": ");
  if (r->nrolling) {
    printf("{\"seasons\": %zu, \"log_rmse\": ", r->nrolling), sl_cli_json_number(stdout, r->rolling_mean_log_rmse);
    printf(", \"baseline_log_rmse\": "), sl_cli_json_number(stdout, r->rolling_mean_baseline);
    printf(", \"ratio_log_rmse\": "), sl_cli_json_number(stdout, r->rolling_mean_ratio);
    printf(", \"in_log_rmse\": "), sl_cli_json_number(stdout, r->rolling_mean_in);
    printf(", \"in_baseline_log_rmse\": "), sl_cli_json_number(stdout, r->rolling_mean_baseline_in), printf("}");
  } else printf("null");
  printf("\n}\n");
}

/* CSV: the coefficients as JSON gives them (a ridge fit's estimates have no SE, t or p); the
 * deal counts go beside them on stderr. */
static void print_csv(const sl_fees_model *m) {
  static const char *const names[] = {"name", "estimate", "std_error", "t", "p"};
  const sl_ols_fit *o = m->ridge ? NULL : m->ols;
  sl_cli_records w;
  sl_cli_records_begin(&w, stdout, SL_FMT_CSV, "fit");
  for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) sl_cli_records_column(&w, names[k]);
  for (size_t j = 0; j < m->p; j++) {
    sl_cli_records_text(&w, m->names[j]);
    sl_cli_records_number(&w, m->coef[j]);
    sl_cli_records_number(&w, o && j < o->p ? o->std_error[j] : NAN);
    sl_cli_records_number(&w, o && j < o->p ? o->t_value[j] : NAN);
    sl_cli_records_number(&w, o && j < o->p ? o->p_value[j] : NAN);
    sl_cli_records_end_row(&w);
  }
  sl_cli_records_finish(&w);
  const sl_fees_deals *d = m->deals;
  sl_cli_note("fit", "deals: %zu rows read, %zu used", d->rows_read, d->count[SL_FEES_USED]);
  for (int r = 1; r < SL_FEES_REASON_COUNT; r++)
    if (d->count[r]) sl_cli_note("fit", "  not used: %s %zu", sl_fees_reason_text((sl_fees_reason)r), d->count[r]);
}

/* sl_fees_fit_files() in three steps, so that --verbose can list the table's skipped rows
 * (loader skips and every deal left out, with its reason) before the table is freed. */
static int fit_files(fit_args *a, sl_fees_model **m, sl_fees_report **r, sl_error *err) {
  sl_table *t = NULL;
  sl_fees_deals *d = NULL;
  sl_load_options lim;
  sl_cli_load_options(&lim);
  int st = sl_table_load_many(a->files, a->nfiles, &lim, &t, err);
  /* Against every file read (directories expanded): -o never replaces a transfers file. */
  if (!st) st = sl_output_check_paths(&a->out, 1, (const char *const *)t->files, t->nfiles, err);
  if (!st && a->nplayers) { /* ages and positions by player_id */
    sl_table *players = NULL;
    st = sl_table_load_many(a->players, a->nplayers, &lim, &players, err);
    if (!st) st = sl_output_check_paths(&a->out, 1, (const char *const *)players->files, players->nfiles, err);
    if (!st) sl_cli_table_warnings("fit", players);
    if (!st) st = sl_table_attach_players(t, players, &a->attach, err);
    sl_table_free(players);
  }
  if (!st) sl_cli_table_warnings("fit", t);
  size_t loaded_skips = t ? t->nskipped : 0;
  if (!st) st = sl_fees_deals_from_table(t, &a->opt, &d, err);
  if (!st && !a->verbose) sl_cli_lost_rows("fit", t, loaded_skips, "not used (an impossible value)");
  if (!st && a->verbose) {
    fprintf(stderr, "rows: read %zu, used %zu, not used %zu\n", d->rows_read, d->n, d->rows_read - d->n);
    sl_cli_list_not_used(t, 0);
  }
  if (!st && d->count[SL_FEES_SKIP_CURRENCY]) /* said before a fit that may fail for want of them */
    sl_cli_note("fit", "note: %zu rows hold amounts in another currency than euros, not read (-v lists them); give "
                       "the euros one unit is worth, e.g. --rate GBP=1.16",
                d->count[SL_FEES_SKIP_CURRENCY]);
  sl_table_free(t);
  if (!st && a->nstats) { /* performance from the stats of the season before each deal */
    sl_perf_index *ix = NULL;
    st = sl_perf_index_load(a->stats, a->nstats, &lim, &ix, err);
    if (!st) st = sl_perf_join(ix, d, &a->join, err);
    sl_perf_index_free(ix);
    a->opt.performance = 1;
  }
  if (st) {
    sl_fees_deals_free(d);
    return st;
  }
  return sl_fees_fit(d, &a->opt, m, r, err);
}

static void print_attach(const sl_attach_report *r) {
  printf("players: %zu of %zu transfer rows joined to %s on player_id (columns added: %s)\n", r->matched, r->rows,
         SL_CLI_SHOWN(r->file), r->columns[0] ? SL_CLI_SHOWN(r->columns) : "none");
  printf("  not joined: player_id not in the players file %zu, on several of its rows %zu, no player_id %zu\n",
         r->not_found, r->ambiguous, r->no_key);
}

static void print_join(const sl_perf_join_report *j, const sl_fees_deals *d) {
  printf("performance: deals joined to the stats of the season before (stats %d/%02d-%d/%02d): %zu of %zu "
         "whose season before has stats (%.1f%%; %zu deals in all)\n",
         j->first_season, (j->first_season + 1) % 100, j->last_season, (j->last_season + 1) % 100, j->joined,
         j->in_range, 100 * j->rate, j->deals);
  printf("  joined by the club among players of one name and birth year %zu; birth year one off the age's %zu\n",
         j->joined_by_club, j->joined_born_off);
  printf("  not used: no player of that name and birth year %zu, ambiguous (left out) %zu, a term missing %zu\n",
         j->not_found, j->ambiguous, j->incomplete);
  printf("  terms from the stats:");
  for (int k = 0, first = 1; k < SL_PERF_TERM_COUNT; k++)
    if (j->terms >> k & 1u) printf("%s %s", first ? "" : ",", sl_perf_term_name((sl_perf_term)k)), first = 0;
  putchar('\n');
  if (!j->columns) return;
  printf("  declared columns read from the stats (the season before):");
  for (size_t k = 0, first = 1; k < d->ncolumns; k++)
    if (j->columns >> k & 1u) printf("%s %s", first ? "" : ",", SL_CLI_SHOWN(d->column_names[k])), first = 0;
  putchar('\n');
}

/* The command; with parse_only its argument parse alone (sl_command.parse), nothing read or written. */
static int fit_main(int argc, char **argv, int parse_only) {
  fit_args a;
  int rc = parse_args(argc, argv, &a);
  if (rc || parse_only) {
    free(a.files), free(a.stats), free(a.players);
    return rc;
  }
  sl_fees_model *m = NULL;
  sl_fees_report *r = NULL;
  sl_error err;
  /* -o is checked before the fit, which can take a minute: against the inputs as given (their
   * folders' files again once read), then what is there already. */
  int st = sl_output_check_paths(&a.out, 1, a.files, a.nfiles, &err);
  if (!st) st = sl_output_check_paths(&a.out, 1, a.stats, a.nstats, &err);
  if (!st) st = sl_output_check_paths(&a.out, 1, a.players, a.nplayers, &err);
  if (!st) st = sl_fees_save_check(a.out, &err);
  if (!st) st = fit_files(&a, &m, &r, &err);
  if (!st) st = sl_fees_save(m, a.out, &err);
  if (st) {
    free(a.files), free(a.stats), free(a.players);
    sl_fees_model_free(m), free(r);
    return sl_cli_fail(&err);
  }
  if (a.format == SL_FMT_JSON) print_json(m, r, &a);
  else if (a.format == SL_FMT_CSV) print_csv(m);
  else {
    printf("fee model: log(fee) on");
    for (size_t t = 0; t < m->nterms; t++) printf("%s %s", t ? "," : "", m->terms[t].name);
    putchar('\n');
    if (a.nplayers) print_attach(&a.attach);
    if (a.opt.terms) {
      sl_fees_term_list l;
      char spec[SL_FEES_TERMS_TEXT_MAX];
      sl_fees_model_terms(m, &l);
      sl_fees_terms_text(&l, spec, sizeof spec);
      printf("terms declared: %s\nterms fitted:   %s\n", a.opt.terms, spec);
    }
    print_selection(m->deals);
    if (a.nstats) print_join(&a.join, m->deals);
    for (size_t i = 0; i < r->nnotes; i++) printf("note: %s\n", SL_CLI_SHOWN(r->notes[i]));
    print_coefficients(m);
    print_accuracy(r, sl_fees_model_uses(m, SL_FEES_VAR_MARKET_VALUE));
    if (r->performance_deals)
      printf("\nsaved %s: trained on the %zu deals joined to stats (of %zu)", a.out, r->performance_deals, m->deals->n);
    else printf("\nsaved %s: trained on all %zu deals", a.out, m->deals->n);
    if (m->season_max > m->season_min) printf(", seasons %d-%d", m->season_min, m->season_max);
    putchar('\n');
  }
  free(a.files), free(a.stats), free(a.players);
  sl_fees_model_free(m), free(r);
  return SL_EXIT_OK;
}

int sl_cmd_fit(int argc, char **argv) { return fit_main(argc, argv, 0); }
int sl_cmd_fit_parse(int argc, char **argv) { return fit_main(argc, argv, 1); }
