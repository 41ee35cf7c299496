#!/usr/bin/env Rscript
# Regenerates glmnet_reference.csv: R's glmnet (Debian r-cran-glmnet) on the fixture data sets,
# thresh = 1e-14, standardize = FALSE unless the case says otherwise, explicit lambda lists.
# Run after make_fixtures.py, from this folder:  Rscript make_glmnet_fixtures.R
#
# glmnet solves (1/2n)RSS + lambda[(1 - a)/2 ||b||^2 + a ||b||_1] after dividing y by its (1/n)
# standard deviation sy. To get scikit-learn's (and RidgeLasso's) elastic net at (alpha, r) it is
# given y/sy, a' = (r/sy)/(r/sy + 1 - r) and lambda' = alpha (r/sy + 1 - r); coefficients and
# intercept are multiplied back by sy. Penalty factors are chosen to sum to p (glmnet rescales them
# to that sum), weights are rescaled by glmnet to sum to n (as RidgeLasso does, to sum to 1).
# Columns: dataset, case, alpha, l1_ratio, standardize, weights, factors, intercept, coef...
suppressMessages(library(glmnet))
read_data <- function(name) {
  if (name == "diabetes") {
    d <- as.matrix(read.csv("../../../_TestSupport/Data/diabetes.csv"))
  } else {
    d <- as.matrix(read.csv(paste0("data_", name, ".csv"), header = FALSE))
  }
  list(x = unname(d[, -ncol(d)]), y = unname(d[, ncol(d)]))
}
wlines <- readLines("weights_w1.csv")
weights_for <- function(name) {
  for (l in wlines) {
    parts <- strsplit(l, ",")[[1]]
    if (parts[1] == name) return(as.numeric(parts[-1]))
  }
  stop("no weights")
}
out <- c(paste("# glmnet", as.character(packageVersion("glmnet")), "thresh 1e-14", sep = ","))
fmt <- function(v) sprintf("%.17g", v)
for (name in c("diabetes", "tall", "wide")) {
  d <- read_data(name)
  x <- d$x; y <- d$y; n <- nrow(x); p <- ncol(x)
  for (case in c("lasso", "enet", "standardized", "factors", "weighted")) {
    r <- if (case == "enet") 0.5 else 1
    w <- if (case == "weighted") weights_for(name) else rep(1, n)
    f <- if (case == "factors") c(0, rep(1, p - 2), 2) else rep(1, p)
    std <- case == "standardized"
    # alpha_max of the unweighted, unstandardized problem; three points below it
    amax <- max(abs(t(x - rep(colMeans(x), each = n)) %*% (y - mean(y)))) / (n * r)
    alphas <- amax * c(0.3, 0.05, 0.01)
    ym <- sum(w * y) / sum(w)
    sy <- sqrt(sum(w * (y - ym)^2) / sum(w))
    scale <- r / sy + 1 - r
    fit <- glmnet(x, y / sy, family = "gaussian", weights = w, alpha = min(1, (r / sy) / scale),
                  lambda = alphas * scale, standardize = std, intercept = TRUE, penalty.factor = f,
                  thresh = 1e-14, maxit = 1e7)
    stopifnot(length(fit$lambda) == length(alphas))
    for (k in seq_along(alphas)) {
      b <- as.numeric(fit$beta[, k]) * sy
      a0 <- fit$a0[k] * sy
      out <- c(out, paste(c(name, case, fmt(alphas[k]), fmt(r), as.integer(std),
                            if (case == "weighted") "w1" else "none",
                            if (case == "factors") "f1" else "none", fmt(a0), fmt(b)), collapse = ","))
    }
  }
}
writeLines(out, "glmnet_reference.csv")
