/* regress.h - exact least squares (OLS/WLS by Householder QR), summaries as R's summary.lm,
 * leverage, Cook's distance, VIF, confidence/prediction intervals, ridge by SVD, save/load.
 *
 * Method. Rows are read in blocks through an sl_rows source and folded into the triangular
 * factor R of [X | y] (TSQR with LAPACK dtpqrt), so the design matrix is never held whole and
 * X'X is never formed. A source marked concurrent with at least 2^18 rows is folded as two
 * halves on two threads (the caller's fill() is then called from both), the factors stacked. Columns of R are scaled by powers of two (exactly) to unit-order norm;
 * aliased columns are found in column order as R's lm (dqrdc2) does: a column whose residual,
 * after projecting out the kept earlier columns, is below tol times its own norm is aliased and
 * gets coefficient NAN. The kept columns are solved by pivoted QR (dgeqp3, dormqr, dtrtrs),
 * then, when the condition bound of the scaled X exceeds 100, the fit is improved: a small problem
 * (rows x (p+1)^2 <= SL_REGRESS_DD_MAX_WORK) is solved again by Householder QR in double-double
 * arithmetic from its rows (with the rounding remainders of power and product columns when the
 * source gives them), a large one gets one step of iterative refinement (residuals in long
 * double, correction from the factor). NIST StRD: >= 12.5 digits on all 11 linear problems.
 * Everything else (R², F, standard errors, intervals, ridge paths and CV folds) comes from the
 * small (p+1)x(p+1) factors; only leverage/Cook's distance need a second pass over the rows.
 *
 * Ownership: sl_ols_fit and sl_ridge_fit are created by the fit/load functions; the caller owns
 * them and releases them with sl_ols_fit_free() / sl_ridge_fit_free(). Inputs are borrowed and
 * never modified. Functions never print.
 *
 *   sl_ols_fit *fit = NULL; sl_error err;
 *   if (sl_ols_fit_matrix(x, n, y, NULL, n, p, names, 1, NULL, &fit, &err) == SL_OK)
 *     printf("%g %g\n", fit->coef[1], fit->std_error[1]), sl_ols_fit_free(fit);
 */
#ifndef SCOUTLAB_REGRESS_H
#define SCOUTLAB_REGRESS_H

#include <stddef.h>
#include <stdint.h>

#include "scoutlab/error.h"

#include "scoutlab/export.h"
SL_BEGIN_DECLS /* C linkage, exported; thread safety: see scoutlab/export.h */

/** Default aliasing tolerance: R's lm uses tol = 1e-7 in dqrdc2 (relative residual norm). */
#define SL_REGRESS_DEFAULT_TOL 1e-7
/** Smallest tolerance used: a column that is an exact combination of earlier ones still leaves
 *  a residual of a few rounding errors of its norm (measured 1e-16..1e-15), so tolerances below
 *  1000 eps (2.2e-13) are raised to it; any column with more signal than that is kept. */
#define SL_REGRESS_EXACT_TOL 2.220446049250313e-13
/** Extended-precision solve: a fit whose condition bound calls for refinement and whose QR
 *  needs at most this many multiply-adds (rows x (p+1)^2) is solved again by Householder QR in
 *  double-double arithmetic (~32 digits) from the rows; 2^20 keeps it under ~0.1 s and 16 MiB. */
#define SL_REGRESS_DD_MAX_WORK ((size_t)1 << 20)
/** Rows read per block: 4096 x 31 doubles is 1 MiB, large enough for BLAS-3 speed, small
 *  enough to stay in cache next to R. */
#define SL_REGRESS_BLOCK_ROWS 4096
/** Upper bound on columns: the (p+1)^2 factors stay far below memory limits. */
#define SL_REGRESS_MAX_COLUMNS 4096
/** Longest column name kept (bytes, excluding NUL). */
#define SL_REGRESS_NAME_MAX 256

/** A design read in row blocks. fill() writes rows [first, first+count) of X column-major into
 *  x (leading dimension ldx >= count), the responses into y, and (when weighted) the weights
 *  into w; it returns SL_OK or a status with err filled. Rows must be returned identically on
 *  every call (leverage needs a second pass). */
typedef struct sl_rows {
  size_t n;                  /* number of rows */
  size_t p;                  /* columns of X (including the intercept column) */
  const char *const *names;  /* p column names, borrowed; NULL gives x1..xp */
  int intercept;             /* 1: column 0 is the constant 1 (centred R², F against it) */
  int weighted;              /* 1: fill() writes weights (>= 0; 0 drops the row from n) */
  int (*fill)(const void *ctx, size_t first, size_t count, double *x, size_t ldx, double *y,
              double *w, sl_error *err);
  const void *ctx;           /* handed to fill(), borrowed */
  int concurrent;            /* 1: fill() only reads ctx, so two threads may call it at once;
                                large fits then fold the two halves of the rows in parallel */
} sl_rows;

/** Options of sl_ols_fit_rows(); a zeroed struct (or NULL) gives the defaults. */
typedef struct sl_ols_options {
  double tol;    /* aliasing tolerance, 0 = SL_REGRESS_DEFAULT_TOL (unless tol_set) */
  int influence; /* 1: also compute fitted, residuals, hat and Cook's distance (second pass) */
  int no_refine; /* 1: skip the refinement pass (one step of corrected semi-normal equations
                    with long double residuals, which adds digits on ill-conditioned X) */
  int serial;    /* 1: one thread even for a concurrent source (the two-thread fold orders
                    the Householder steps differently: equal to rounding, not to the bit) */
  int tol_set;   /* 1: use tol as given, so 0 keeps every column that is not exactly dependent
                    (R's lm(tol = 0)); tolerances are raised to SL_REGRESS_EXACT_TOL */
  /* Optional (NULL = every value of X is exact as a double), called with the source's ctx:
   * given X's rows [first, first+count) as fill() wrote them (x, leading dimension ldx), writes
   * into xlo the rounding remainder of each value (exact value - double, e.g. the low half of a
   * power formed in double-double), 0 where the double is exact. Only the extended-precision
   * solve reads it: Filip's x^k columns rounded to doubles move its exact solution 7 digits
   * (an exact rational solve of the rounded design agrees with NIST to 7.6 digits only). */
  int (*fill_lo)(const void *ctx, size_t first, size_t count, const double *x, size_t ldx,
                 double *xlo, sl_error *err);
} sl_ols_options;

/** A fitted linear model. Arrays of length p follow the columns of X; aliased columns have
 *  aliased[j] = 1 and NAN in coef/std_error/t_value/p_value/vif, as R shows NA. */
typedef struct sl_ols_fit {
  size_t n;             /* rows used (weight > 0) */
  size_t p;             /* columns of X */
  size_t rank;          /* columns kept */
  size_t df_residual;   /* n - rank */
  int intercept;        /* column 0 is the intercept */
  int weighted;
  double tol;           /* aliasing tolerance used */
  char **names;         /* p names, owned */
  int *aliased;         /* p flags */
  double *coef;         /* p estimates (NAN when aliased) */
  double *std_error;    /* p */
  double *t_value;      /* p */
  double *p_value;      /* p, two-sided, Student t with df_residual */
  double *vif;          /* p variance inflation factors; NAN for the intercept, aliased
                           columns and models without intercept */
  double *cov_factor;   /* p x rank row-major, F with (X'WX)^-1 = F F' (rows of aliased
                           columns are zero): intervals and leverage come from it */
  double sigma;         /* residual standard error sqrt(rss/df_residual) */
  double rss;           /* (weighted) residual sum of squares */
  double tss;           /* total sum of squares: centred with intercept, uncentred without */
  double r_squared;     /* 1 - rss/tss, as R (uncentred without intercept) */
  double adj_r_squared;
  double f_statistic;   /* against the intercept-only (or empty) model; NAN if no df */
  double f_df1, f_df2;  /* numerator and denominator degrees of freedom */
  double f_p;           /* upper tail of F(f_df1, f_df2) */
  /* Filled only when sl_ols_options.influence is set, n_rows each (rows as given by the
   * source, including zero-weight ones), NULL otherwise. */
  size_t n_rows;
  double *fitted;       /* x_i'b */
  double *residuals;    /* y_i - fitted_i (unweighted, as R's residuals()) */
  double *hat;          /* leverage w_i x_i'(X'WX)^-1 x_i */
  double *cooks;        /* Cook's distance as R's cooks.distance() */
  /* Optional saved form of the design the columns came from (a formula with its factor levels
   * and poly() coefficients, from sl_design_spec()), owned (free()d by sl_ols_fit_free()); NULL
   * when the columns are plain table columns. sl_ols_save() stores it, sl_ols_load() restores it. */
  char *design;
} sl_ols_fit;

/** Fits by least squares from a row source. Returns SL_OK and sets *out to a new fit (free with
 *  sl_ols_fit_free()); on failure returns a status (SL_EINVAL bad arguments, SL_EDATA fewer
 *  rows than columns / non-finite values / negative weights / a constant response, or an
 *  estimate beyond the range of a double, SL_ENOMEM), leaves *out NULL and fills err. opt may
 *  be NULL. A column of X or y whose norm is outside [2^-128, 2^128] (values near 1e200 or
 *  1e-200, whose squares overflow or underflow) is fitted scaled by a power of two and the
 *  results scaled back exactly; rss and tss alone may then be Inf or 0 when the sums of squares
 *  themselves are outside the range of a double (sigma, R², F and the intervals are not). */
int sl_ols_fit_rows(const sl_rows *rows, const sl_ols_options *opt, sl_ols_fit **out,
                    sl_error *err);

/** As sl_ols_fit_rows() for an n x p column-major matrix x (leading dimension ldx), responses
 *  y, optional weights w (NULL = unweighted), names (NULL = x1..xp). intercept: column 0 is 1. */
int sl_ols_fit_matrix(const double *x, size_t ldx, const double *y, const double *w, size_t n,
                      size_t p, const char *const *names, int intercept,
                      const sl_ols_options *opt, sl_ols_fit **out, sl_error *err);

/** Frees a fit; NULL does nothing. */
void sl_ols_fit_free(sl_ols_fit *fit);

/** Checks that the summary of a fit (sigma, R², adjusted R², F and its p-value, and the standard
 *  error, t and p of every column not aliased) consists of finite numbers, as a printed summary
 *  needs: SL_OK, or SL_EDATA with a message saying why not (no residual degrees of freedom, an
 *  exact fit, ...). */
int sl_ols_check_summary(const sl_ols_fit *fit, sl_error *err);

/** Index of the column named `name`, or -1. */
long sl_ols_column(const sl_ols_fit *fit, const char *name);

/** Writes the p x p covariance of the estimates, sigma² (X'WX)^-1, row-major into cov (caller's
 *  array of p*p); rows and columns of aliased coefficients are NAN, as R's vcov(). */
void sl_ols_vcov(const sl_ols_fit *fit, double *cov);

/** One prediction with its t-based intervals (R's predict.lm, interval "confidence" and
 *  "prediction", new-data weight 1). */
typedef struct sl_ols_interval {
  double fit;        /* x0'b */
  double se_fit;     /* standard error of the mean response */
  double conf_low, conf_high; /* confidence interval of the mean */
  double pred_low, pred_high; /* prediction interval of a new observation */
} sl_ols_interval;

/** Predicts m rows of x0 (row-major m x p, same columns as the fit; values of aliased columns
 *  are ignored) at confidence level `level` in (0,1), writing m intervals into out. Returns
 *  SL_EINVAL for a bad level, SL_EDATA for a non-finite value in a used column. */
int sl_ols_predict(const sl_ols_fit *fit, const double *x0, size_t m, double level,
                   sl_ols_interval *out, sl_error *err);

/** Saves a fit in the versioned text format described in docs/model-format.md
 *  ("scoutlab-ols 1", or "scoutlab-ols 2" when fit->design is set); numbers are written with 17 significant digits so that a load gives
 *  back the same doubles. Influence arrays are not saved. SL_EIO when the file can't be written,
 *  SL_EINVAL when a name holds a line break. */
int sl_ols_save(const sl_ols_fit *fit, const char *path, sl_error *err);

/** Loads a fit saved by sl_ols_save(). When expect_names is not NULL the file's columns must
 *  be exactly those p names in that order. Returns SL_EVERSION (with a message naming both
 *  versions or the first differing column) for another format version or other columns,
 *  SL_EPARSE (with the line) for a damaged file, SL_EIO when it can't be read; never crashes
 *  on truncated or garbage input. On success *out is a new fit the caller frees. */
int sl_ols_load(const char *path, const char *const *expect_names, size_t p, sl_ols_fit **out,
                sl_error *err);

/** As sl_ols_load() from bytes in memory (name is used in messages). */
int sl_ols_load_buffer(const char *name, const char *data, size_t len,
                       const char *const *expect_names, size_t p, sl_ols_fit **out,
                       sl_error *err);

/* ---- ridge ------------------------------------------------------------------------------- */

/** How the ridge penalty is chosen. */
typedef enum sl_ridge_method {
  SL_RIDGE_FIXED = 0, /* use sl_ridge_options.lambda */
  SL_RIDGE_GCV,       /* minimise generalised cross-validation over the grid */
  SL_RIDGE_CV         /* minimise k-fold cross-validated mean squared error over the grid */
} sl_ridge_method;

/** Default grid: 10 points per decade over lambda/n in [1e-6, 1e3] (n = rows), i.e. from
 *  "almost OLS" to "almost all shrunk" on standardised predictors whose Z'Z has diagonal n. */
#define SL_RIDGE_GRID_MIN 1e-6
#define SL_RIDGE_GRID_MAX 1e3
#define SL_RIDGE_GRID_SIZE 91

/** Options of sl_ridge_fit_rows(); zeroed gives GCV over the default grid. */
typedef struct sl_ridge_options {
  sl_ridge_method method;
  double lambda;      /* SL_RIDGE_FIXED: penalty on the standardised scale (>= 0) */
  unsigned folds;     /* SL_RIDGE_CV: k >= 2 */
  uint64_t seed;      /* SL_RIDGE_CV: folds come from splitmix64 seeded with this */
  size_t grid_size;   /* 0 = SL_RIDGE_GRID_SIZE */
  double grid_min, grid_max; /* lambda/n range, 0 = defaults */
} sl_ridge_options;

/** A ridge fit. The model is y = b0 + sum_j b_j x_j; the penalty lambda * sum_j c_j² applies to
 *  the coefficients c_j = b_j * scale_j of predictors centred and divided by their
 *  (weighted, divisor n) standard deviation, as MASS::lm.ridge. */
typedef struct sl_ridge_fit {
  size_t n, p;          /* rows used, columns of X (column 0 is the intercept) */
  char **names;         /* p names, owned */
  double lambda;        /* penalty used */
  double *coef;         /* p coefficients on the original scale (coef[0] the intercept) */
  double *center;       /* p column means (center[0] = 0) */
  double *scale;        /* p column standard deviations (scale[0] = 1) */
  double df;            /* effective degrees of freedom sum s²/(s²+lambda) (without intercept) */
  double rss;           /* residual sum of squares at lambda */
  double gcv;           /* rss / (n - df)², as MASS::lm.ridge */
  size_t grid_size;     /* 0 for a fixed penalty */
  double *grid_lambda;  /* grid_size penalties */
  double *grid_score;   /* criterion at each (GCV, or CV mean squared error) */
} sl_ridge_fit;

/** Fits ridge regression; rows->intercept must be 1 and column 0 the intercept. One SVD of the
 *  standardised triangular factor gives the whole path; k-fold CV uses one factor per fold and
 *  scores each held-out fold exactly from its own factor. Returns SL_OK and a new fit, or
 *  SL_EINVAL (options), SL_EDATA (too few rows, constant predictor, non-finite values). */
int sl_ridge_fit_rows(const sl_rows *rows, const sl_ridge_options *opt, sl_ridge_fit **out,
                      sl_error *err);

/** Frees a ridge fit; NULL does nothing. */
void sl_ridge_fit_free(sl_ridge_fit *fit);

/** Saves a ridge fit in the versioned text format of docs/model-format.md ("scoutlab-ridge 1"):
 *  rows, lambda, df, RSS, GCV and per column the coefficient on the original scale with the
 *  centre and scale used to standardise it (the grid is not saved). SL_EIO when the file can't
 *  be written, SL_EINVAL when a name holds a line break. */
int sl_ridge_save(const sl_ridge_fit *fit, const char *path, sl_error *err);

/** Loads a fit saved by sl_ridge_save(): SL_EVERSION for another format version, SL_EPARSE (with
 *  the line) for a damaged file or another kind of model file, SL_EIO when it can't be read. On
 *  success *out is a new fit (grid_size 0) the caller frees with sl_ridge_fit_free(). */
int sl_ridge_load(const char *path, sl_ridge_fit **out, sl_error *err);
/** As sl_ridge_load() from bytes in memory (name is used in messages). */
int sl_ridge_load_buffer(const char *name, const char *data, size_t len, sl_ridge_fit **out,
                         sl_error *err);

/** The ridge prediction for one row x0 of p values (x0[0], the intercept column, is ignored):
 *  coef[0] + sum_j coef[j] x0[j]. Ridge gives no t-based interval, so none is offered. */
double sl_ridge_predict(const sl_ridge_fit *fit, const double *x0);

/** A small seeded generator (splitmix64, Steele et al. 2014): state is the caller's. */
uint64_t sl_splitmix64(uint64_t *state);

SL_END_DECLS

#endif
