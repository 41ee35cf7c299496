#!/usr/bin/env Rscript
# glmnet side of the lasso / elastic-net comparison (see lasso_compare.py, which calls this).
# Usage: Rscript lasso_compare.R DIR PROBLEM TASK L1RATIO [THRESH]
# Reads DIR/PROBLEM/{X,y}.f64 and the alpha list DIR/PROBLEM/alphas_TASK.f64 (written by
# lasso_compare.py) and fits glmnet at its defaults (thresh = 1e-7 unless THRESH is given) with
# standardize = FALSE on the same alphas: once untimed (warm-up), then once per line read from
# standard input, answering each with the elapsed seconds of that fit on one line, so that the
# caller can alternate it with the other sides. At the end of input it writes
# glmnet_TASK_coef.f64 (k x p, one alpha after another), glmnet_TASK_intercept.f64 and
# glmnet_TASK_seconds.txt (median of the timed fits, and the number of alphas fitted).
#
# glmnet's gaussian family divides y by its (1/n) standard deviation sy before fitting and
# rescales lambda, which changes the l2 part of the elastic net. To solve scikit-learn's problem
#   (1/2n)||y - Xw - b||^2 + a r ||w||_1 + a (1 - r)/2 ||w||^2
# it is given y' = y/sy (unit variance, so glmnet leaves it alone): dividing the objective by sy^2
# with w = sy*beta gives (1/2n)||y' - X beta||^2 + (a r/sy)||beta||_1 + (a(1 - r)/2)||beta||^2, i.e.
# glmnet's alpha' = (r/sy)/(r/sy + 1 - r) and lambda' = a (r/sy + 1 - r); coefficients and intercept
# are multiplied back by sy (for the lasso, alpha' = 1 and lambda' = a/sy). The scaling is timed.
suppressMessages(library(glmnet))
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]; problem <- args[2]; task <- args[3]
ratio <- as.numeric(args[4])
thresh <- if (length(args) >= 5) as.numeric(args[5]) else 1e-7
base <- file.path(dir, problem)
meta <- readLines(file.path(base, "shape.txt"))
n <- as.integer(meta[1]); p <- as.integer(meta[2])
readf64 <- function(path, count) readBin(path, what = "double", n = count, size = 8, endian = "little")
X <- matrix(readf64(file.path(base, "X.f64"), n * p), nrow = n, ncol = p)
y <- readf64(file.path(base, "y.f64"), n)
alphas <- readf64(file.path(base, paste0("alphas_", task, ".f64")), 1000)
fitone <- function() {
  sy <- sqrt(mean((y - mean(y))^2))
  scale <- ratio / sy + 1 - ratio
  fit <- glmnet(X, y / sy, family = "gaussian", alpha = min(1, (ratio / sy) / scale), lambda = alphas * scale,
                standardize = FALSE, intercept = TRUE, thresh = thresh)
  list(beta = as.matrix(fit$beta) * sy, a0 = as.numeric(fit$a0) * sy, lambda = fit$lambda * sy)
}
res <- fitone()  # untimed warm-up
times <- numeric(0)
input <- file("stdin")
open(input)
while (length(line <- readLines(input, n = 1)) > 0 && nzchar(line)) {
  t0 <- Sys.time()   # microseconds, where proc.time() counts milliseconds
  res <- fitone()
  times <- c(times, as.numeric(difftime(Sys.time(), t0, units = "secs")))
  cat(sprintf("%.6f\n", times[length(times)]))
  flush(stdout())
}
if (length(times) == 0) times <- NaN
# glmnet may stop the path early (it drops the end without an error); pad with NaN.
k <- length(alphas)
beta <- matrix(NaN, nrow = p, ncol = k)
a0 <- rep(NaN, k)
m <- ncol(res$beta)
beta[, seq_len(m)] <- res$beta
a0[seq_len(m)] <- res$a0
writeBin(as.vector(beta), file.path(base, paste0("glmnet_", task, "_coef.f64")), size = 8, endian = "little")
writeBin(a0, file.path(base, paste0("glmnet_", task, "_intercept.f64")), size = 8, endian = "little")
writeLines(c(format(median(times), digits = 10), as.character(m)), file.path(base, paste0("glmnet_", task, "_seconds.txt")))
