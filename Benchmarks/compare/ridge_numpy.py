#!/usr/bin/env python3
"""numpy/scipy timing of the Cholesky ridge path, on the same seeded problem as RidgeLasso's
ridgeSolverTiming (Benchmarks/BenchmarkSuite/Ridge/RidgeSolverTiming.swift).

    python3 Benchmarks/compare/ridge_numpy.py --rows 100000 --columns 500 [--repeats 3] [--seed 42]

Data: SplitMix64 outputs u_k (vectorized here, bit-identical to the Swift generator),
X column-major with entry k = i + j*n equal to 2u_k - 1, y_i = 2u_{np+i} - 1 + sum_j X[i,j](-1)^j/sqrt(p).
The script prints the same checksum line as the Swift report, so you can see that both sides
time the same numbers.

Timed, alpha = 1, in alternation (interleave.py): each of --repeats rounds runs
  RidgeLasso     : Ridge(alpha, solver: .cholesky) with an intercept, one solve in the long-lived
                   `ridgelasso-benchmark --task serve` (--benchmark, default the release build),
                   on ridgeTimingProblem, the same numbers
  numpy raw      : G = X.T @ X, b = X.T @ y, cho_factor(G + aI), cho_solve       (the issue's baseline)
  numpy centered : the same after Xc = X - mean, yc = y - mean (what an intercept needs)
  when p > n, the dual instead: K = X @ X.T, c = cho_solve(K + aI, y), w = X.T @ c
once each, after one untimed warm-up, so that load on the machine hits every side alike; it prints
each median and the median of the paired ratios RidgeLasso / numpy with their min-max spread.
Without the benchmark executable only the two numpy sides are timed. It also prints which BLAS
each side uses (threadpoolctl; `ridgelasso --version`), and X.T@X's GFLOP/s.
Run it in the same shell (same OPENBLAS_CORETYPE) as the Swift benchmark. For the same BLAS on
both sides use Debian's numpy/scipy (apt-get install python3-numpy python3-scipy, then run with
/usr/bin/python3): they load libblas.so.3/liblapack.so.3 through the same alternatives as the
Swift binary (OpenBLAS 0.3.21 here); a pip numpy brings its own OpenBLAS build.
"""
import argparse
import os
import subprocess
import time

from interleave import ensure_installed

ensure_installed(python=[("numpy", "numpy"), ("scipy", "scipy")], debian=[])

import numpy as np
import scipy.linalg

from interleave import LineServer, blas_header, format_ratio, interleaved, ratio_summary, release_binary

GAMMA = np.uint64(0x9E3779B97F4A7C15)


def splitmix_uniform(seed, start, count):
    k = np.arange(start + 1, start + count + 1, dtype=np.uint64)
    with np.errstate(over="ignore"):
        z = np.uint64(seed) + k * GAMMA
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    return 2.0 * ((z >> np.uint64(11)).astype(np.float64) * 2.0 ** -53) - 1.0


def problem(n, p, seed):
    x = np.empty((n, p), order="F")
    chunk = max(1, 4_000_000 // n)
    for j0 in range(0, p, chunk):
        j1 = min(p, j0 + chunk)
        x[:, j0:j1] = splitmix_uniform(seed, j0 * n, (j1 - j0) * n).reshape(j1 - j0, n).T
    y = splitmix_uniform(seed, n * p, n)
    signs = np.where(np.arange(p) % 2 == 0, 1.0, -1.0) / np.sqrt(p)
    y = y + x @ signs
    return x, y


def median_time(fn, repeats):
    times = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return sorted(times)[len(times) // 2]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rows", type=int, default=100000)
    ap.add_argument("--columns", type=int, default=500)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--alpha", type=float, default=1.0)
    ap.add_argument("--benchmark", default=release_binary("ridgelasso-benchmark"),
                    help="the release ridgelasso-benchmark executable (its --task serve times RidgeLasso)")
    a = ap.parse_args()
    n, p, alpha = a.rows, a.columns, a.alpha
    x, y = problem(n, p, a.seed)
    print(f"numpy ridge (cholesky), n = {n}, p = {p}, alpha = {alpha}, median of {a.repeats}, seed {a.seed}")
    blas_header()
    with open("/proc/self/maps") as maps:   # the BLAS/LAPACK libraries this process really mapped
        libs = sorted({line.split()[-1] for line in maps if "blas" in line or "lapack" in line})
    print("mapped: " + ", ".join(libs))
    print(f"data check: X[0,0] = {float(x[0, 0])!r}, X[n-1,p-1] = {float(x[-1, -1])!r}, sum(y) = {float(y.sum())!r}")

    def primal(xx, yy):
        g = xx.T @ xx
        b = xx.T @ yy
        g[np.diag_indices_from(g)] += alpha
        return scipy.linalg.cho_solve(scipy.linalg.cho_factor(g, lower=True, check_finite=False), b, check_finite=False)

    def dual(xx, yy):
        k = xx @ xx.T
        k[np.diag_indices_from(k)] += alpha
        c = scipy.linalg.cho_solve(scipy.linalg.cho_factor(k, lower=True, check_finite=False), yy, check_finite=False)
        return xx.T @ c

    solve = dual if p > n else primal

    def centered():
        xm = x.mean(axis=0)
        return solve(x - xm, y - y.mean())

    solve(x[: min(n, 200)], y[: min(n, 200)])   # warm up BLAS threads and LAPACK

    def timed(fn):
        def run():
            t = time.perf_counter()
            fn()
            return time.perf_counter() - t
        return run
    sides = []
    server = None
    if a.benchmark:
        server = LineServer([a.benchmark, "--task", "serve"], stderr=subprocess.DEVNULL)
        request = f"ridge {n} {p} {a.seed} {alpha!r}"
        sides.append(("RidgeLasso", lambda: float(server.ask(request))))
    sides += [("numpy raw", timed(lambda: solve(x, y))), ("numpy centered", timed(centered))]
    times = interleaved(sides, max(1, a.repeats))
    if server:
        server.close()
    median = lambda name: sorted(times[name])[len(times[name]) // 2]
    kind = "dual" if p > n else "primal"
    t_raw, t_centered = median("numpy raw"), median("numpy centered")
    if p > n:
        t_gram = median_time(lambda: x @ x.T, a.repeats)
        flops = p * n * (n + 1)
        form = "X @ X.T"
    else:
        t_gram = median_time(lambda: x.T @ x, a.repeats)
        flops = n * p * (p + 1)
        form = "X.T @ X"
    if server:
        print(f"  RidgeLasso (cholesky, intercept) {median('RidgeLasso'):.4f} s")
    print(f"  numpy raw ({kind})      {t_raw:.4f} s")
    print(f"  numpy centered ({kind}) {t_centered:.4f} s")
    if server:
        print(f"  RidgeLasso / numpy centered: {format_ratio(ratio_summary(times, 'RidgeLasso', 'numpy centered'))}, "
              f"RidgeLasso / numpy raw: {format_ratio(ratio_summary(times, 'RidgeLasso', 'numpy raw'))} "
              f"(median of {len(times['RidgeLasso'])} paired rounds, min-max)")
    print(f"  {form} alone: {t_gram:.4f} s, {flops / t_gram / 1e9:.1f} GFLOP/s")


if __name__ == "__main__":
    main()
