#!/usr/bin/env Rscript
# Writes sparse_glmnet_reference.csv: glmnet on sparse_data.csv as a dgCMatrix (implicit
# centering, no densifying), thresh = 1e-14, standardize = FALSE, at the α of
# sparse_glmnet_alphas.csv (case, alpha, l1_ratio), with y divided by its (1/n) standard deviation
# sy and lambda, alpha rescaled as make_glmnet_fixtures.R explains; coefficients and intercept
# multiplied back by sy. Called by make_sparse_fixtures.py.
suppressMessages(library(Matrix))
suppressMessages(library(glmnet))
lines <- readLines("sparse_data.csv")
shape <- as.integer(strsplit(lines[1], ",")[[1]])
n <- shape[1]; p <- shape[2]
entries <- do.call(rbind, lapply(strsplit(lines[2:(length(lines) - 1)], ","), as.numeric))
y <- as.numeric(strsplit(lines[length(lines)], ",")[[1]][-1])
x <- sparseMatrix(i = entries[, 1] + 1, j = entries[, 2] + 1, x = entries[, 3], dims = c(n, p))
stopifnot(is(x, "dgCMatrix"))
cases <- read.csv("sparse_glmnet_alphas.csv", header = FALSE, stringsAsFactors = FALSE)
fmt <- function(v) sprintf("%.17g", v)
out <- c(paste("# glmnet", as.character(packageVersion("glmnet")), "thresh 1e-14", sep = ","))
sy <- sqrt(mean((y - mean(y))^2))
for (k in seq_len(nrow(cases))) {
  alpha <- cases[k, 2]; r <- cases[k, 3]
  scale <- r / sy + 1 - r
  fit <- glmnet(x, y / sy, family = "gaussian", alpha = min(1, (r / sy) / scale), lambda = alpha * scale,
                standardize = FALSE, intercept = TRUE, thresh = 1e-14, maxit = 1e7)
  b <- as.numeric(fit$beta[, 1]) * sy
  out <- c(out, paste(c(cases[k, 1], fmt(alpha), fmt(r), fmt(fit$a0[1] * sy), fmt(b)), collapse = ","))
}
writeLines(out, "sparse_glmnet_reference.csv")
