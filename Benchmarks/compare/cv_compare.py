#!/usr/bin/env python3
"""Lasso cross-validation side by side: RidgeLasso's LassoCV, scikit-learn's LassoCV and R's
cv.glmnet on the same problem, the same folds and the same alpha (lambda) grid (issue 7).

    pip install scikit-learn numpy          # R side (optional): apt-get install r-cran-glmnet
    swift build -c release
    python3 Benchmarks/compare/cv_compare.py [--rows 1000 --columns 10000 --folds 5 --alphas 100]
        [--tol 1e-4] [--repeats 3] [--swift-cli .build/release/ridgelasso] [--no-r]

The problem is the one `measureLassoSelection` (Benchmarks/BenchmarkSuite/Selection/SelectionTiming.swift)
builds: x_ij uniform in [-1, 1) from SplitMix64(seed), filled column by column; y = X beta + 0.5 u
with beta_j = +-(1 + j/10) on the first 20 columns. The folds are RidgeLasso's seeded shuffle
(`CrossValidationFolds.shuffled(count:seed:)`), transcribed below, and are handed to scikit-learn as a
PredefinedSplit and to glmnet as `foldid`. The grid is glmnet's: 100 values from
alpha_max = max_j |x_j^T (y - mean y)| / n down to 1e-3 alpha_max, computed once on the full data.

Every side is timed in this one run, on this machine, in alternation (interleave.py): each of
--repeats rounds runs RidgeLasso, scikit-learn (n_jobs=1), scikit-learn (n_jobs=-1) and cv.glmnet
once, after one untimed warm-up each, so that load on the machine hits every side alike. A time is
the whole selection (all folds and the refit), excluding data loading; the table gives each side's
median and the median of its paired ratios to RidgeLasso's time in the same round, with their
min-max spread. The Swift side runs `ridgelasso cv --model lasso --timing` (--swift-cli, default
the release build) on a CSV written here and uses its reported selection time (`selection_seconds`,
which excludes reading the CSV); glmnet runs in one long-lived R session. --swift-seconds (a time
from `ridgelasso-benchmark`, measureLassoSelection, same problem) is a fallback that cannot be
interleaved. The header says which BLAS each side runs.
Stopping rules differ and are reported: RidgeLasso stops when the duality gap <= tol * max(P(w),
1e-4 P(0)) (relative to the objective), scikit-learn when the gap <= tol * ||y - mean y||^2 / n
(relative to the variance of y: looser by about 2 P(0)/P(w) at small alpha), glmnet on the change
of the weighted coefficients (thresh, default 1e-7). --swift-tol sets RidgeLasso's tolerance
separately.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

from interleave import ensure_installed

ensure_installed(python=[("numpy", "numpy"), ("sklearn", "scikit-learn")], debian=["r-cran-glmnet"])

import numpy as np

from interleave import LineServer, blas_header, format_ratio, interleaved, ratio_summary, release_binary

GAMMA = 0x9E3779B97F4A7C15
MASK = (1 << 64) - 1


def splitmix_uniform(seed, start, count):
    """Uniforms in [-1, 1) from draws start+1 ... start+count of SplitMix64(seed) (counter based)."""
    with np.errstate(over="ignore"):
        k = np.arange(start + 1, start + count + 1, dtype=np.uint64)
        z = np.uint64(seed) + k * np.uint64(GAMMA)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return (z >> np.uint64(11)).astype(np.float64) * 2.0 ** -53 * 2 - 1


def problem(n, p, seed, nonzeros=20, noise=0.5):
    x = splitmix_uniform(seed, 0, n * p).reshape(p, n).T.copy()   # column-major fill
    y = np.zeros(n)
    for j in range(min(p, nonzeros)):
        beta = (1.0 if j % 2 == 0 else -1.0) * (1 + j / 10)
        y = y + x[:, j] * beta
    y = y + noise * splitmix_uniform(seed, n * p, n)
    return x, y


class SplitMix64:
    def __init__(self, seed):
        self.state = seed & MASK

    def next(self):
        self.state = (self.state + GAMMA) & MASK
        z = self.state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        return z ^ (z >> 31)

    def index_below(self, bound):  # Lemire's method, as SplitMix64.nextIndex(below:)
        product = self.next() * bound
        if product & MASK < bound:
            threshold = ((1 << 64) - bound) % bound
            while product & MASK < threshold:
                product = self.next() * bound
        return product >> 64


def shuffled_folds(n, k, seed):
    labels = [i % k for i in range(n)]
    g = SplitMix64(seed)
    for i in range(n - 1, 0, -1):
        j = g.index_below(i + 1)
        labels[i], labels[j] = labels[j], labels[i]
    return np.array(labels)


def grid(x, y, count, eps=1e-3):
    n = len(y)
    alpha_max = np.max(np.abs((x - x.mean(axis=0)).T @ (y - y.mean()))) / n
    return alpha_max * eps ** (np.arange(count) / (count - 1))


def median_time(fn, repeats):
    times, out = [], None
    for _ in range(repeats):
        t0 = time.perf_counter()
        out = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), out


def sklearn_side(x, y, folds, alphas, tol, n_jobs, info):
    """A side for interleaved(): one LassoCV fit per call (warmed up once here); fills `info`."""
    from sklearn.linear_model import LassoCV
    from sklearn.model_selection import PredefinedSplit

    def fit():
        t0 = time.perf_counter()
        m = LassoCV(alphas=alphas, cv=PredefinedSplit(folds), tol=tol, max_iter=100000, n_jobs=n_jobs).fit(x, y)
        seconds = time.perf_counter() - t0
        info.update({"alpha_min": float(m.alpha_), "mean": m.mse_path_.mean(axis=1).tolist(),
                     "nonzeros": int(np.sum(m.coef_ != 0))})
        return seconds
    print(f"scikit-learn LassoCV n_jobs={n_jobs}: warm-up ...", file=sys.stderr)
    fit()
    return fit


R_SCRIPT = r"""
suppressMessages(library(glmnet))
a <- commandArgs(trailingOnly = TRUE)
n <- as.integer(a[2]); p <- as.integer(a[3])
con <- file(a[1], "rb")
x <- matrix(readBin(con, "double", n * p), n, p)
y <- readBin(con, "double", n)
foldid <- readBin(con, "integer", n) + 1L
k <- readBin(con, "integer", 1)
lambda <- readBin(con, "double", k)
close(con)
fit <- cv.glmnet(x, y, foldid = foldid, lambda = lambda, standardize = FALSE, alpha = 1)   # warm-up
input <- file("stdin")
open(input)
while (length(line <- readLines(input, n = 1)) > 0 && nzchar(line)) {
  t0 <- Sys.time()
  fit <- cv.glmnet(x, y, foldid = foldid, lambda = lambda, standardize = FALSE, alpha = 1)
  seconds <- as.numeric(difftime(Sys.time(), t0, units = "secs"))
  cat(sprintf('{"seconds": %.6f, "lambdas_fitted": %d, "alpha_min": %.17g, "alpha_1se": %.17g, "nonzeros": %d, "mean": [%s]}\n',
              seconds, length(fit$lambda), fit$lambda.min, fit$lambda.1se,
              sum(coef(fit, s = "lambda.min")[-1] != 0), paste(sprintf("%.17g", fit$cvm), collapse = ",")))
  flush(stdout())
}
"""


def glmnet_side(x, y, folds, alphas, workdir, info):
    """A side for interleaved(): one cv.glmnet per call, in one long-lived R session; fills `info`.
    Returns (side, session)."""
    path = os.path.join(workdir, "problem.bin")
    with open(path, "wb") as f:
        f.write(np.asfortranarray(x).tobytes(order="F"))
        f.write(y.astype(np.float64).tobytes())
        f.write(folds.astype(np.int32).tobytes())
        f.write(np.array([len(alphas)], dtype=np.int32).tobytes())
        f.write(np.asarray(alphas, dtype=np.float64).tobytes())
    script = os.path.join(workdir, "cv.R")
    with open(script, "w") as f:
        f.write(R_SCRIPT)
    session = LineServer(["Rscript", script, path, str(x.shape[0]), str(x.shape[1])])

    def fit():
        result = json.loads(session.ask("time"))
        seconds = result.pop("seconds")
        info.update(result)
        return seconds
    fit()   # the first answer: R started and warmed up before it
    return fit, session


def swift_side(cli, x, y, args, workdir, info):
    """A side for interleaved(): one `ridgelasso cv --timing` run per call, its selection_seconds
    (warmed up once here); fills `info`."""
    path = os.path.join(workdir, "problem.csv")
    names = [f"x{j + 1}" for j in range(x.shape[1])] + ["y"]
    with open(path, "w") as f:
        f.write(",".join(names) + "\n")
        for row in np.column_stack([x, y]):
            f.write(",".join(map(repr, row.tolist())) + "\n")
    command = [cli, "cv", "--model", "lasso", "--folds", str(args.folds), "--seed", str(args.fold_seed),
               "--n-alphas", str(args.alphas), "--tol", str(args.swift_tol or args.tol), "--target", "y", "--timing", path]
    if args.threads:
        command[2:2] = ["--threads", str(args.threads)]

    def fit():
        result = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
        info.update({"alpha_min": result["alpha_min"], "alpha_1se": result["alpha_1se"],
                     "mean": result["mean_errors"], "all_converged": result["all_converged"]})
        return result["selection_seconds"]
    print("RidgeLasso: warm-up ...", file=sys.stderr)
    fit()
    return fit


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=1000)
    ap.add_argument("--columns", type=int, default=10000)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--alphas", type=int, default=100)
    ap.add_argument("--tol", type=float, default=1e-4)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--fold-seed", type=int, default=0)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--swift-cli", default=release_binary("ridgelasso"),
                    help="path to the release `ridgelasso` executable (default: .build/release/ridgelasso if built)")
    ap.add_argument("--swift-tol", type=float,
                    help="RidgeLasso's --tol when it should differ from --tol (its gap is relative to the "
                         "objective P(w), scikit-learn's to ||y - mean y||^2/n)")
    ap.add_argument("--threads", type=int, help="--threads for ridgelasso cv (default: all cores)")
    ap.add_argument("--swift-seconds", type=float, help="Swift LassoCV seconds measured by ridgelasso-benchmark")
    ap.add_argument("--no-r", action="store_true", help="skip cv.glmnet")
    ap.add_argument("--no-sklearn", action="store_true", help="skip scikit-learn")
    ap.add_argument("--json", help="write the results here")
    args = ap.parse_args()

    x, y = problem(args.rows, args.columns, args.seed)
    folds = shuffled_folds(args.rows, args.folds, args.fold_seed)
    alphas = grid(x, y, args.alphas)
    env = {k: v for k, v in os.environ.items() if k.startswith("OPENBLAS")}
    print(f"problem {args.rows}x{args.columns}, {args.folds} folds x {args.alphas} alphas, tol {args.tol}; "
          f"alpha_max {alphas[0]:.6g}; {env}", file=sys.stderr)
    blas_header(ridgelasso=args.swift_cli, r=not args.no_r, out=sys.stderr)
    base_name = "RidgeLasso LassoCV"
    sides, infos, sessions = [], {}, []
    with tempfile.TemporaryDirectory() as workdir:
        if args.swift_cli:
            infos[base_name] = {}
            sides.append((base_name, swift_side(args.swift_cli, x, y, args, workdir, infos[base_name])))
        if not args.no_sklearn:
            for n_jobs, name in [(None, "scikit-learn LassoCV (n_jobs=1)"), (-1, "scikit-learn LassoCV (n_jobs=-1)")]:
                infos[name] = {}
                sides.append((name, sklearn_side(x, y, folds, alphas, args.tol, n_jobs, infos[name])))
        if not args.no_r:
            name = "glmnet cv.glmnet (thresh 1e-7)"
            try:
                infos[name] = {}
                side, session = glmnet_side(x, y, folds, alphas, workdir, infos[name])
                sides.append((name, side))
                sessions.append(session)
            except (OSError, RuntimeError, subprocess.CalledProcessError) as e:
                print(f"cv.glmnet skipped: {e}", file=sys.stderr)
        times = interleaved(sides, max(1, args.repeats),
                            log=lambda line: print(line, file=sys.stderr))
        for session in sessions:
            session.close()
    if not args.swift_cli and args.swift_seconds:
        times[base_name] = [args.swift_seconds] * max(1, args.repeats)   # not interleaved: one fixed time
        infos[base_name] = {}
    if "glmnet cv.glmnet (thresh 1e-7)" in infos and "lambdas_fitted" in infos["glmnet cv.glmnet (thresh 1e-7)"]:
        print(f"cv.glmnet: {infos['glmnet cv.glmnet (thresh 1e-7)']['lambdas_fitted']} of {len(alphas)} lambdas fitted "
              "(glmnet stops a path early once 99.9% of the deviance is explained)", file=sys.stderr)
    results = {name: (statistics.median(t), infos.get(name, {})) for name, t in times.items()}
    print(f"{'implementation':36s} {'seconds':>9s} {'vs RidgeLasso (min-max)':>24s} {'alpha_min':>12s}")
    for name, (seconds, info) in results.items():
        ratio = format_ratio(ratio_summary(times, name, base_name)) if base_name in times else "-"
        amin = info.get("alpha_min")
        amin = "-" if amin is None else format(amin, ".6g")
        print(f"{name:36s} {seconds:9.3f} {ratio:>24s} {amin:>12s}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump({k: {"seconds": v[0], **v[1]} for k, v in results.items()}, f)


if __name__ == "__main__":
    main()
