# regress_golden.R - produces tests/golden/regress_golden.txt, the R reference numbers that
# tests/unit/test_regress_golden.c compares against (numbers only: no data is copied).
#
#   Rscript tests/golden/regress_golden.R ../shared/data > tests/golden/regress_golden.txt
#
# Part 1 uses a small synthetic data set defined by exact formulas that the C test rebuilds.
# Part 2 fits real transfers from ../shared/data/transfers-tm (seasons 2015-2019, permanent
# "in" moves with a known fee > 0, market value > 0 and age); the C test rebuilds the same rows
# from the shared files and skips when they are absent.
# VIFs are computed from their definition 1/(1 - R²_j) by regressing each model-matrix column
# on the others (package car is not needed). Ridge uses MASS::lm.ridge's conventions written
# out by hand: predictors centred and scaled by their sd with divisor n, GCV = RSS/(n-df)^2.
invisible(Sys.setlocale("LC_COLLATE", "C"))
args <- commandArgs(trailingOnly = TRUE)
shared <- if (length(args) > 0) args[1] else "../shared/data"

out <- function(key, x) {
  cat(key, paste(ifelse(is.na(x), "NA", sprintf("%.17g", x)), collapse = " "), "\n")
}

small <- function() {
  i <- 1:40
  x1 <- i
  x2 <- (i * i) %% 17
  x3 <- 2 * x1 + 3
  g <- c("a", "b", "c")[i %% 3 + 1]
  w <- 1 + (i %% 4)
  e <- ((i * 7919) %% 23 - 11) / 10
  y <- 3 + 0.5 * x1 - 0.25 * x2 + e
  data.frame(y, x1, x2, x3, g, w)
}

fit_summary <- function(key, fit) {
  s <- summary(fit)
  cf <- coef(fit)
  full <- matrix(NA_real_, length(cf), 4)
  full[!is.na(cf), ] <- coef(s)
  out(paste0(key, ".coef"), full[, 1])
  out(paste0(key, ".se"), full[, 2])
  out(paste0(key, ".t"), full[, 3])
  out(paste0(key, ".p"), full[, 4])
  out(paste0(key, ".sigma"), s$sigma)
  out(paste0(key, ".df"), s$df[2])
  out(paste0(key, ".r2"), s$r.squared)
  out(paste0(key, ".adjr2"), s$adj.r.squared)
  if (!is.null(s$fstatistic)) {
    f <- s$fstatistic
    out(paste0(key, ".f"), c(f[1], f[2], f[3], pf(f[1], f[2], f[3], lower.tail = FALSE)))
  }
}

# predict.lm at level 0.9: fit, its standard error, confidence and prediction intervals. For a
# weighted fit R warns that it assumes constant prediction variance (new-data weight 1): the
# choice scoutlab makes too.
out_predictions <- function(key, fit, nd) {
  pc <- predict(fit, nd, interval = "confidence", level = 0.9, se.fit = TRUE)
  pp <- suppressWarnings(predict(fit, nd, interval = "prediction", level = 0.9))
  out(paste0(key, ".pred.fit"), pc$fit[, 1])
  out(paste0(key, ".pred.se"), pc$se.fit)
  out(paste0(key, ".pred.clo"), pc$fit[, 2])
  out(paste0(key, ".pred.chi"), pc$fit[, 3])
  out(paste0(key, ".pred.plo"), pp[, 2])
  out(paste0(key, ".pred.phi"), pp[, 3])
}

vif_by_definition <- function(fit) {
  X <- model.matrix(fit)
  w <- weights(fit)
  if (is.null(w)) w <- rep(1, nrow(X))
  sapply(2:ncol(X), function(j) {
    r2 <- summary(lm(X[, j] ~ X[, -c(1, j)], weights = w))$r.squared
    1 / (1 - r2)
  })
}

d <- small()
a <- lm(y ~ x1 + x2 + g, data = d)
fit_summary("small", a)
out("small.hat", hatvalues(a))
out("small.cooks", cooks.distance(a))
out("small.vif", vif_by_definition(a))
nd <- data.frame(x1 = c(0, 12.5, 50), x2 = c(3, 16, 0), g = c("a", "c", "b"))
out_predictions("small", a, nd)

fit_summary("alias", lm(y ~ x1 + x3 + x2, data = d))

wf <- lm(y ~ x1 + x2, data = d, weights = w)
fit_summary("weighted", wf)
out("weighted.hat", hatvalues(wf))
out("weighted.cooks", cooks.distance(wf))
out("weighted.vif", vif_by_definition(wf))
# What `scoutlab predict --model` gives for a saved weighted fit.
wn <- data.frame(x1 = c(0, 12.5, 50), x2 = c(3, 16, 0))
out_predictions("weighted", wf, wn)

fit_summary("noint", lm(y ~ 0 + x1 + x2, data = d))

ridge <- function(X, y, lambda) {
  n <- nrow(X)
  xm <- colMeans(X)
  Xc <- sweep(X, 2, xm)
  sc <- sqrt(colMeans(Xc^2))
  Z <- sweep(Xc, 2, sc, "/")
  yc <- y - mean(y)
  b <- solve(crossprod(Z) + lambda * diag(ncol(Z)), crossprod(Z, yc))
  H <- Z %*% solve(crossprod(Z) + lambda * diag(ncol(Z)), t(Z))
  rss <- sum((yc - Z %*% b)^2)
  df <- sum(diag(H))
  beta <- drop(b) / sc
  c(mean(y) - sum(beta * xm), beta, df, rss, rss / (n - df)^2)
}
out("ridge.l3", ridge(cbind(d$x1, d$x2), d$y, 3))

tm <- file.path(shared, "transfers-tm")
if (dir.exists(tm)) {
  fs <- list.files(file.path(tm, 2015:2019), pattern = "\\.csv$", full.names = TRUE)
  fs <- sort(fs[file.size(fs) > 0])
  t <- do.call(rbind, lapply(fs, read.csv, stringsAsFactors = FALSE))
  s <- subset(t, movement == "in" & is_loan == "False" & !is.na(fee) & fee > 0 &
                 !is.na(market_value) & market_value > 0 & !is.na(age))
  s$log_fee <- log(s$fee)
  s$log_mv <- log(s$market_value)
  out("tm.n", nrow(s))
  m1 <- lm(log_fee ~ age + I(age^2) + log_mv, data = s)
  fit_summary("tm1", m1)
  out("tm1.vif", vif_by_definition(m1))
  m2 <- lm(log_fee ~ age + I(age^2) + log_mv + league + window + log_mv:window, data = s)
  out("tm2.ncoef", length(coef(m2)))
  cat("#", names(coef(m2)), "\n")
  fit_summary("tm2", m2)
}

# Part 3: two formula models fitted by `scoutlab ols DIR --formula ...` on every file of
# ../shared/data/transfers-tm (tests/cli/ols_formula_real.sh). R's lm evaluates log() and poly()
# on the whole data frame before dropping incomplete rows (and stops at log(0) = -Inf), while
# scoutlab skips such rows first; so the rows are subset to complete cases with fee > 0 and
# market_value > 0 beforehand, which gives both the same rows. Levels sort in the C locale
# (set above), as scoutlab sorts them. C(season) is R's C() on season made a factor first.
# Keys: fN.names (coefficient names joined by '|'), fN.coef/.se/... as fit_summary, and
# fN.pred.* predict.lm (level 0.95) on 2020/premier-league.csv at the rows R can predict
# (fN.pred.rows, 1-based data rows).
if (dir.exists(tm)) {
  fs <- list.files(tm, pattern = "\\.csv$", recursive = TRUE, full.names = TRUE)
  fs <- sort(fs[file.size(fs) > 0])
  rd <- function(f) read.csv(f, stringsAsFactors = FALSE, na.strings = c("", "NA"),
                             check.names = FALSE, encoding = "UTF-8")
  all <- do.call(rbind, lapply(fs, rd))
  out("tmall.n", nrow(all))
  s <- subset(all, !is.na(fee) & fee > 0 & !is.na(market_value) & market_value > 0 &
                   !is.na(age) & !is.na(short_pos) & !is.na(league) & !is.na(window) &
                   !is.na(season))
  s$short_pos <- relevel(factor(s$short_pos), ref = "CB")
  s$season <- factor(s$season)
  names_line <- function(key, fit) cat(paste0(key, ".names"), paste(names(coef(fit)), collapse = "|"), "\n")
  nd <- rd(file.path(tm, "2020", "premier-league.csv"))
  nd$season <- factor(nd$season, levels = levels(s$season))
  pred_block <- function(key, fit) {
    p <- predict(fit, nd, interval = "prediction", level = 0.95, se.fit = TRUE)
    ok <- which(is.finite(p$fit[, 1]))
    out(paste0(key, ".pred.rows"), ok)
    out(paste0(key, ".pred.fit"), p$fit[ok, 1])
    out(paste0(key, ".pred.se"), p$se.fit[ok])
    out(paste0(key, ".pred.plo"), p$fit[ok, 2])
    out(paste0(key, ".pred.phi"), p$fit[ok, 3])
  }
  f1 <- lm(log(fee) ~ age + I(age^2) + short_pos + league + log(market_value), data = s)
  names_line("f1", f1)
  fit_summary("f1", f1)
  pred_block("f1", f1)
  f2 <- lm(log(fee) ~ poly(age, 3) + log(market_value) * window + C(season) + age:short_pos - 1,
           data = s)
  names_line("f2", f2)
  fit_summary("f2", f2)
  pred_block("f2", f2)
}
