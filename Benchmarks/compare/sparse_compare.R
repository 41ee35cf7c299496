#!/usr/bin/env Rscript
# glmnet side of the sparse comparison (see sparse_compare.py, which calls this).
# Usage: Rscript sparse_compare.R DIR TASK L1RATIO [THRESH [warm|cold]]
# Reads the CSC arrays DIR/{indptr.i32, indices.i32, data.f64}, DIR/y.f64, DIR/shape.txt (n, p,
# nnz) and the alpha list DIR/alphas_TASK.f64 into a dgCMatrix (no copy to dense) and fits glmnet
# at its defaults (thresh = 1e-7 unless given) with standardize = FALSE on the same alphas: once
# untimed (unless cold), then once per line read from standard input, answering each with the seconds of that
# fit. At the end of input it writes glmnet_TASK_coef.f64 (k x p), glmnet_TASK_intercept.f64 and
# glmnet_TASK_seconds.txt, as lasso_compare.R does (same rescaling of y and lambda, explained there).
suppressMessages(library(Matrix))
suppressMessages(library(glmnet))
args <- commandArgs(trailingOnly = TRUE)
dir <- args[1]; task <- args[2]
ratio <- as.numeric(args[3])
thresh <- if (length(args) >= 4) as.numeric(args[4]) else 1e-7
shape <- as.numeric(readLines(file.path(dir, "shape.txt")))
n <- shape[1]; p <- shape[2]; nnz <- shape[3]
readi32 <- function(name, count) readBin(file.path(dir, name), what = "integer", n = count, size = 4, endian = "little")
readf64 <- function(name, count) readBin(file.path(dir, name), what = "double", n = count, size = 8, endian = "little")
X <- new("dgCMatrix", i = readi32("indices.i32", nnz), p = readi32("indptr.i32", p + 1),
         x = readf64("data.f64", nnz), Dim = as.integer(c(n, p)))
y <- readf64("y.f64", n)
alphas <- readf64(paste0("alphas_", task, ".f64"), 1000)
fitone <- function() {
  sy <- sqrt(mean((y - mean(y))^2))
  scale <- ratio / sy + 1 - ratio
  fit <- glmnet(X, y / sy, family = "gaussian", alpha = min(1, (ratio / sy) / scale), lambda = alphas * scale,
                standardize = FALSE, intercept = TRUE, thresh = thresh)
  list(beta = fit$beta * sy, a0 = as.numeric(fit$a0) * sy)
}
warm <- length(args) < 5 || args[5] != "cold"
if (warm) res <- fitone()  # untimed warm-up
times <- numeric(0)
input <- file("stdin")
open(input)
while (length(line <- readLines(input, n = 1)) > 0 && nzchar(line)) {
  t0 <- Sys.time()
  res <- fitone()
  times <- c(times, as.numeric(difftime(Sys.time(), t0, units = "secs")))
  cat(sprintf("%.6f\n", times[length(times)]))
  flush(stdout())
}
if (length(times) == 0) times <- NaN
k <- length(alphas)
m <- ncol(res$beta)
con <- file(file.path(dir, paste0("glmnet_", task, "_coef.f64")), "wb")
for (j in seq_len(k)) {
  column <- if (j <= m) as.numeric(res$beta[, j]) else rep(NaN, p)
  writeBin(column, con, size = 8, endian = "little")
}
close(con)
a0 <- rep(NaN, k)
a0[seq_len(m)] <- res$a0
writeBin(a0, file.path(dir, paste0("glmnet_", task, "_intercept.f64")), size = 8, endian = "little")
writeLines(c(format(median(times), digits = 10), as.character(m)), file.path(dir, paste0("glmnet_", task, "_seconds.txt")))
