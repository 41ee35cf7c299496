#!/usr/bin/env python3
"""Lasso / elastic net on sparse X: RidgeLasso vs scikit-learn (CSC) vs glmnet (dgCMatrix).

Usage:
    swift build -c release --product ridgelasso-benchmark
    python3 Benchmarks/compare/sparse_compare.py DIR [--n 20000] [--p 200000] [--per-row 50]
        [--repeats 3] [--path-repeats R] [--no-anchor-warmup] [--tasks T ...] [--no-glmnet] [--no-sklearn]
        [--markdown]

The problem is text-like and drawn once (seed 0) into DIR: n rows with about `per-row` nonzeros
each, their columns drawn from a Zipf law (frequency of the k-th most common column ∝ 1/k, the
ranks shuffled over the columns), values 1 + Exp(1); y = Xw + noise with 50 true features among
the columns of rank 10-5000 and noise of half the signal's standard deviation. The CSC arrays are
written raw, little-endian (indptr.i64 and .i32, indices.i32, data.f64, y.f64) with meta.json;
RidgeLasso (`ridgelasso-benchmark --task serve`, request `sparse`), scikit-learn and glmnet
(sparse_compare.R) all read those, so they solve the same problem on its nonzeros.

Tasks: lasso_path (100 α from α_max down to 1e-2·α_max), enet_path (l1 ratio 0.5, its own α_max,
same ratio) and lasso_single (one fit at α_max/20), each side at its default tolerance
(RidgeLasso 1e-6 certified relative gap, scikit-learn tol = 1e-4 — enet_path on CSC with
X_offset for the implicit centering, as ElasticNet.fit passes it, and Lasso.fit — glmnet
thresh = 1e-7, standardize = FALSE). The sides are timed in alternation (interleave.py), each
warmed up once untimed (--no-anchor-warmup skips the anchors' warm-up: their paths take minutes
here, against which start-up effects vanish; --path-repeats sets the rounds of the paths); the
table gives median times, the median paired ratio t_RidgeLasso / t_anchor with its spread, and
each side's maximum relative suboptimality max_k (P_k − P_k*)/P_k*, P_k* the smallest objective
any side reached, RidgeLasso's tolerance-1e-10 solve included; all objectives are evaluated
here in float64. Peak RSS is RidgeLasso's server (one process per task) after its timed solves,
beside the CSC storage (12 bytes per nonzero + 8 per column).
"""
import argparse
import json
import os
import subprocess
import sys
import warnings

from interleave import ensure_installed

ensure_installed(python=[("numpy", "numpy"), ("scipy", "scipy"), ("sklearn", "scikit-learn")],
                 debian=["r-cran-glmnet", "r-cran-matrix"])

import numpy as np
import scipy.sparse as sp

from interleave import LineServer, blas_header, format_ratio, interleaved, ratio_summary, release_binary
from lasso_compare import objective   # the same float64 evaluation as the dense comparison

TASKS = ["lasso_path", "enet_path", "lasso_single"]


def generate(directory, n, p, per_row, seed=0):
    """Draws the problem and writes it (or reads it back when DIR already holds this draw);
    returns (X csc, y, meta)."""
    meta_path = os.path.join(directory, "meta.json")
    if os.path.isfile(meta_path):
        meta = json.load(open(meta_path))
        if (meta["n"], meta["p"], meta.get("per_row"), meta["seed"]) == (n, p, per_row, seed):
            read = lambda name, dtype: np.fromfile(os.path.join(directory, name), dtype)
            X = sp.csc_matrix((read("data.f64", "<f8"), read("indices.i32", "<i4"), read("indptr.i64", "<i8")),
                              shape=(n, p))
            return X, read("y.f64", "<f8"), meta
    rng = np.random.default_rng(seed)
    weights = 1.0 / np.arange(1, p + 1)
    cumulative = np.cumsum(weights / weights.sum())
    rank_to_column = rng.permutation(p)
    draws = np.searchsorted(cumulative, rng.random((n, per_row)), side="right")
    draws = np.minimum(draws, p - 1)
    rows, cols = [], []
    for i in range(n):
        c = np.unique(rank_to_column[draws[i]])
        rows.append(np.full(c.size, i, dtype=np.int64))
        cols.append(c)
    rows, cols = np.concatenate(rows), np.concatenate(cols)
    data = 1.0 + rng.exponential(1.0, rows.size)
    X = sp.csc_matrix((data, (rows, cols)), shape=(n, p))
    X.sort_indices()
    true = rank_to_column[rng.choice(np.arange(min(10, p - 50), min(5000, p)), 50, replace=False)]
    w = np.zeros(p)
    w[true] = rng.normal(0, 1, 50)
    signal = X @ w
    y = signal + 0.5 * signal.std() * rng.normal(size=n)
    os.makedirs(directory, exist_ok=True)
    X.indptr.astype("<i8").tofile(os.path.join(directory, "indptr.i64"))
    X.indptr.astype("<i4").tofile(os.path.join(directory, "indptr.i32"))
    X.indices.astype("<i4").tofile(os.path.join(directory, "indices.i32"))
    X.data.astype("<f8").tofile(os.path.join(directory, "data.f64"))
    y.astype("<f8").tofile(os.path.join(directory, "y.f64"))
    yc = y - y.mean()
    lasso_max = np.abs(X.T @ yc).max() / n
    tasks = {
        "lasso_path": dict(l1_ratio=1.0, alphas=list(np.geomspace(lasso_max, 1e-2 * lasso_max, 100))),
        "enet_path": dict(l1_ratio=0.5, alphas=list(np.geomspace(lasso_max / 0.5, 1e-2 * lasso_max / 0.5, 100))),
        "lasso_single": dict(l1_ratio=1.0, alphas=[lasso_max / 20]),
    }
    meta = dict(n=n, p=p, nnz=int(X.nnz), per_row=per_row, seed=seed, tasks=tasks)
    json.dump(meta, open(os.path.join(directory, "meta.json"), "w"))
    with open(os.path.join(directory, "shape.txt"), "w") as f:
        f.write(f"{n}\n{p}\n{X.nnz}\n")
    for task, t in tasks.items():
        np.array(t["alphas"], dtype="<f8").tofile(os.path.join(directory, f"alphas_{task}.f64"))
    return X, y, meta


def sklearn_once(X, y, alphas, ratio, tol):
    """One scikit-learn solve on CSC X: (seconds, coefficients k x p, intercepts)."""
    import time
    from sklearn.linear_model import Lasso, enet_path
    t0 = time.perf_counter()
    if len(alphas) == 1:
        m = Lasso(alpha=alphas[0], tol=tol).fit(X, y)
        coefs, intercepts = m.coef_[None, :], np.array([m.intercept_])
    else:
        xm = np.asarray(X.mean(axis=0)).ravel()
        ym = y.mean()
        _, c, _ = enet_path(X, y - ym, l1_ratio=ratio, alphas=alphas, tol=tol, X_offset=xm,
                            X_scale=np.ones(X.shape[1]))
        coefs = c.T
        intercepts = ym - coefs @ xm
    return time.perf_counter() - t0, coefs, intercepts


def peak_rss_mb(pid):
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--n", type=int, default=20000)
    ap.add_argument("--p", type=int, default=200000)
    ap.add_argument("--per-row", type=int, default=50)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--path-repeats", type=int, default=None)
    ap.add_argument("--no-anchor-warmup", action="store_true")
    ap.add_argument("--tasks", nargs="*", default=None, choices=TASKS)
    ap.add_argument("--no-glmnet", action="store_true")
    ap.add_argument("--no-sklearn", action="store_true")
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--benchmark", default=release_binary("ridgelasso-benchmark"))
    args = ap.parse_args()
    if not args.benchmark:
        sys.exit("sparse_compare.py: no ridgelasso-benchmark (swift build -c release --product ridgelasso-benchmark)")
    warnings.filterwarnings("ignore")
    X, y, meta = generate(args.dir, args.n, args.p, args.per_row)
    n, p = X.shape
    csc_mb = (X.nnz * 12 + (p + 1) * 8) / 2**20
    print(f"# n = {n}, p = {p}, nnz = {X.nnz} ({X.nnz / n:.1f} per row), CSC storage {csc_mb:.1f} MB; "
          f"{args.repeats} interleaved rounds", file=sys.stderr)
    blas_header(r=not args.no_glmnet, out=sys.stderr)
    here = os.path.dirname(os.path.abspath(__file__))
    directory = os.path.abspath(args.dir)
    rows = []
    for task in args.tasks or TASKS:
        ratio = meta["tasks"][task]["l1_ratio"]
        alphas = np.array(meta["tasks"][task]["alphas"])
        k = len(alphas)
        server = LineServer([args.benchmark, "--task", "serve"], stderr=subprocess.DEVNULL)
        sides = [("ridgelasso", lambda: float(server.ask(f"sparse {directory} {task}")))]
        last = {}
        warm = not args.no_anchor_warmup
        if not args.no_sklearn:
            if warm:
                sklearn_once(X, y, alphas, ratio, 1e-4)   # untimed warm-up

            def sk():
                t, c, b = sklearn_once(X, y, alphas, ratio, 1e-4)
                last["sklearn"] = (c, b)
                return t
            sides.append(("sklearn", sk))
        glmnet = None
        if not args.no_glmnet:
            glmnet = LineServer(["Rscript", os.path.join(here, "sparse_compare.R"), directory, task, str(ratio),
                                 "1e-7", "warm" if warm else "cold"])
            sides.append(("glmnet", lambda: float(glmnet.ask("time"))))
        repeats = args.repeats if k == 1 or args.path_repeats is None else args.path_repeats
        times = interleaved(sides, max(1, repeats),
                            log=lambda m: print(f"# {task} {m}", file=sys.stderr))
        rss = peak_rss_mb(server.process.pid)
        server.ask(f"sparse-write {directory} {task} 1e-6 ridgelasso")
        server.ask(f"sparse-write {directory} {task} 1e-10 reference")
        server.close()
        sols = {}
        for label in ["ridgelasso", "reference"]:
            sols[label] = (np.fromfile(os.path.join(directory, f"{label}_{task}_coef.f64"), "<f8").reshape(k, p),
                           np.fromfile(os.path.join(directory, f"{label}_{task}_intercept.f64"), "<f8"))
        certified = float(np.fromfile(os.path.join(directory, f"ridgelasso_{task}_gap.f64"), "<f8").max())
        if "sklearn" in last:
            sols["sklearn"] = last["sklearn"]
        points = None
        if glmnet is not None:
            glmnet.close()
            points = int(open(os.path.join(directory, f"glmnet_{task}_seconds.txt")).read().split()[1])
            sols["glmnet"] = (np.fromfile(os.path.join(directory, f"glmnet_{task}_coef.f64"), "<f8").reshape(k, p),
                              np.fromfile(os.path.join(directory, f"glmnet_{task}_intercept.f64"), "<f8"))
        obj = {name: np.array([objective(X, y, c[i], b[i], alphas[i], ratio) if np.isfinite(b[i]) else np.nan
                               for i in range(k)]) for name, (c, b) in sols.items()}
        best = np.nanmin(np.vstack(list(obj.values())), axis=0)
        sub = {name: float(np.nanmax((o - best) / best)) for name, o in obj.items()}
        med = {name: float(np.median(t)) for name, t in times.items()}
        rows.append(dict(task=task, t=med, r_sk=ratio_summary(times, "ridgelasso", "sklearn") if "sklearn" in times else None,
                         r_gl=ratio_summary(times, "ridgelasso", "glmnet") if "glmnet" in times else None,
                         sub=sub, certified=certified, rss=rss, points=points, k=k))
        print(f"# {task}: medians {med}, suboptimality {sub}, certified {certified:.1e}, peak RSS {rss:.0f} MB",
              file=sys.stderr)
    fmt = lambda v, f="{:.3f}": "—" if v is None else f.format(v)
    header = ["task", "RidgeLasso s", "sklearn s", "glmnet s", "RL/sklearn (min-max)", "RL/glmnet (min-max)",
              "subopt RL (certified)", "subopt sklearn", "subopt glmnet", "RL peak RSS MB"]
    out = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)] if args.markdown else \
          ["  ".join(f"{h:>14}" for h in header)]
    for r in rows:
        gl_note = "" if r["points"] in (None, r["k"]) else f" ({r['points']}/{r['k']} α)"
        cells = [r["task"], fmt(r["t"].get("ridgelasso")), fmt(r["t"].get("sklearn")), fmt(r["t"].get("glmnet")),
                 format_ratio(r["r_sk"]), format_ratio(r["r_gl"]),
                 f"{r['sub']['ridgelasso']:.1e} ({r['certified']:.1e})", fmt(r["sub"].get("sklearn"), "{:.1e}"),
                 fmt(r["sub"].get("glmnet"), "{:.1e}") + gl_note, fmt(r["rss"], "{:.0f}")]
        out.append(("| " + " | ".join(cells) + " |") if args.markdown else "  ".join(f"{c:>14}" for c in cells))
    print("\n".join(out))
    print(f"\nn = {n}, p = {p}, nnz = {X.nnz}; CSC storage {csc_mb:.1f} MB")


if __name__ == "__main__":
    main()
