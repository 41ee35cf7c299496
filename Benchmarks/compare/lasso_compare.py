#!/usr/bin/env python3
"""Lasso / elastic-net speed and accuracy: RidgeLasso vs scikit-learn vs glmnet, one table.

Usage:
    swift build -c release --product ridgelasso-benchmark
    .build/release/ridgelasso-benchmark --task lasso-compare --output OUT   # writes OUT/lasso-compare
    python3 Benchmarks/compare/lasso_compare.py OUT/lasso-compare [--repeats 5] [--no-glmnet] [--no-sklearn]
        [--markdown] [--problems P ...] [--tasks T ...] [--sklearn-tol 1e-4] [--glmnet-thresh 1e-7]
        [--benchmark .build/release/ridgelasso-benchmark]

DIR holds, per problem, the data and RidgeLasso's coefficients written by LassoComparison
(Benchmarks/BenchmarkSuite/Lasso/LassoComparison.swift). The three sides are timed here, in
alternation (interleave.py): for every repeat, one RidgeLasso solve (`ridgelasso-benchmark --task
serve`, a long-lived process holding the problem, at the tolerance the lasso-compare run used),
one scikit-learn run (enet_path on centered data for the paths -- centering included in the time --
and Lasso(alpha).fit for the single fit, default tol = 1e-4) and one glmnet run (lasso_compare.R, a
long-lived R session; default thresh = 1e-7, standardize = FALSE, same alpha list). Each side is
warmed up once, untimed. --sklearn-tol and --glmnet-thresh tighten the anchors to ask what they need
to reach RidgeLasso's accuracy. For each problem and task the table gives each side's median time,
the median over the repeats of the paired ratio t_RidgeLasso / t_anchor with its min-max spread,
and each one's maximum relative suboptimality along the path,
    max_k (P_k(w_k, b_k) - P_k*) / P_k*,   P(w, b) = (1/2n)||y - Xw - b||^2 + a r||w||_1 + a(1-r)/2||w||^2,
where P_k* is the smallest objective any solver reached at alpha_k, including RidgeLasso's
tolerance-1e-12 reference solve. All objectives are evaluated here, in the same way, in float64.
The header says which BLAS each side runs.
"""
import argparse
import json
import os
import subprocess
import sys
import time
import warnings

from interleave import ensure_installed

ensure_installed(python=[("numpy", "numpy"), ("sklearn", "scikit-learn")], debian=["r-cran-glmnet"])

import numpy as np

from interleave import LineServer, blas_header, format_ratio, interleaved, ratio_summary, release_binary

PROBLEMS = ["n1000_p100", "n5000_p500", "n100000_p200", "n1000_p10000", "diabetes"]
TASKS = ["lasso_path", "enet_path", "lasso_single"]


def load(base, name, count=None):
    a = np.fromfile(os.path.join(base, name), dtype="<f8")
    return a if count is None else a[:count]


def objective(X, y, w, b, alpha, ratio):
    n = X.shape[0]
    r = y - X @ w - b
    return 0.5 * (r @ r) / n + alpha * ratio * np.abs(w).sum() + 0.5 * alpha * (1 - ratio) * (w @ w)


def sklearn_once(X, y, alphas, ratio, tol):
    """One scikit-learn solve: (seconds, coefficients k x p, intercepts)."""
    from sklearn.linear_model import Lasso, enet_path
    t0 = time.perf_counter()
    if len(alphas) == 1:
        m = Lasso(alpha=alphas[0], tol=tol).fit(X, y)
        coefs, intercepts = m.coef_[None, :], np.array([m.intercept_])
    else:
        xm, ym = X.mean(axis=0), y.mean()
        Xc, yc = X - xm, y - ym
        _, c, _ = enet_path(Xc, yc, l1_ratio=ratio, alphas=alphas, tol=tol)
        coefs = c.T
        intercepts = ym - coefs @ xm
    return time.perf_counter() - t0, coefs, intercepts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--repeats", type=int, default=5)
    ap.add_argument("--no-glmnet", action="store_true")
    ap.add_argument("--no-sklearn", action="store_true")
    ap.add_argument("--markdown", action="store_true")
    ap.add_argument("--problems", nargs="*", default=None)
    ap.add_argument("--tasks", nargs="*", default=None, choices=TASKS)
    # The anchors' stopping thresholds (their defaults unless given): tightening them shows what
    # each needs, and how long it takes, to reach the suboptimality RidgeLasso's default certifies.
    ap.add_argument("--sklearn-tol", type=float, default=1e-4)
    ap.add_argument("--glmnet-thresh", type=float, default=1e-7)
    ap.add_argument("--benchmark", default=release_binary("ridgelasso-benchmark"),
                    help="the release ridgelasso-benchmark executable (its --task serve times RidgeLasso)")
    args = ap.parse_args()
    if not args.benchmark:
        sys.exit("lasso_compare.py: no ridgelasso-benchmark (swift build -c release --product ridgelasso-benchmark)")
    print(f"# scikit-learn tol = {args.sklearn_tol:g}, glmnet thresh = {args.glmnet_thresh:g}; "
          f"{args.repeats} interleaved rounds (RidgeLasso, scikit-learn, glmnet)", file=sys.stderr)
    blas_header(r=not args.no_glmnet, out=sys.stderr)
    warnings.filterwarnings("ignore")
    here = os.path.dirname(os.path.abspath(__file__))
    server = LineServer([args.benchmark, "--task", "serve"], stderr=subprocess.DEVNULL)
    rows = []
    for prob in args.problems or PROBLEMS:
        base = os.path.join(args.dir, prob)
        if not os.path.isdir(base):
            continue
        meta = json.load(open(os.path.join(base, "meta.json")))
        n, p = meta["n"], meta["p"]
        with open(os.path.join(base, "shape.txt"), "w") as f:
            f.write(f"{n}\n{p}\n")
        X = load(base, "X.f64").reshape((n, p), order="F")
        y = load(base, "y.f64")
        rl_times = json.load(open(os.path.join(base, "ridgelasso_times.json")))
        for task in args.tasks or TASKS:
            ratio = meta[task]["l1_ratio"]
            alphas = np.array(meta[task]["alphas"], dtype=float)
            k = len(alphas)
            alphas.astype("<f8").tofile(os.path.join(base, f"alphas_{task}.f64"))
            sols = {}
            sols["ridgelasso"] = (load(base, f"ridgelasso_{task}_coef.f64").reshape(k, p),
                                  load(base, f"ridgelasso_{task}_intercept.f64"))
            sols["reference"] = (load(base, f"reference_{task}_coef.f64").reshape(k, p),
                                 load(base, f"reference_{task}_intercept.f64"))
            tolerance = rl_times[task].get("tolerance")
            request = f"lasso {os.path.abspath(base)} {task}" + ("" if tolerance is None else f" {tolerance!r}")
            sides = [("ridgelasso", lambda: float(server.ask(request)))]
            last = {}
            if not args.no_sklearn:
                sklearn_once(X, y, alphas, ratio, args.sklearn_tol)   # untimed warm-up

                def sk():
                    t, c, b = sklearn_once(X, y, alphas, ratio, args.sklearn_tol)
                    last["sklearn"] = (c, b)
                    return t
                sides.append(("sklearn", sk))
            glmnet = None
            if not args.no_glmnet:
                glmnet = LineServer(["Rscript", os.path.join(here, "lasso_compare.R"), args.dir, prob, task,
                                     str(ratio), repr(args.glmnet_thresh)])
                sides.append(("glmnet", lambda: float(glmnet.ask("time"))))
            times = interleaved(sides, max(1, args.repeats))
            t_rl = float(np.median(times["ridgelasso"]))
            t_sk = float(np.median(times["sklearn"])) if "sklearn" in times else None
            r_sk = ratio_summary(times, "ridgelasso", "sklearn") if "sklearn" in times else None
            if "sklearn" in last:
                sols["sklearn"] = last["sklearn"]
            t_gl, glmnet_points, r_gl = None, None, None
            if glmnet is not None:
                glmnet.close()   # R writes its last solution and the point count on end of input
                lines = open(os.path.join(base, f"glmnet_{task}_seconds.txt")).read().split()
                t_gl, glmnet_points = float(np.median(times["glmnet"])), int(lines[1])
                r_gl = ratio_summary(times, "ridgelasso", "glmnet")
                sols["glmnet"] = (load(base, f"glmnet_{task}_coef.f64").reshape(k, p),
                                  load(base, f"glmnet_{task}_intercept.f64"))
            obj = {}
            for name, (c, b) in sols.items():
                obj[name] = np.array([objective(X, y, c[i], b[i], alphas[i], ratio) if np.isfinite(b[i]) else np.nan
                                      for i in range(k)])
            best = np.nanmin(np.vstack(list(obj.values())), axis=0)
            sub = {name: float(np.nanmax((o - best) / best)) for name, o in obj.items()}
            rows.append(dict(problem=prob, task=task, n=n, p=p, t_rl=t_rl, t_sk=t_sk, t_gl=t_gl, r_sk=r_sk, r_gl=r_gl,
                             sub_rl=sub["ridgelasso"], sub_sk=sub.get("sklearn"), sub_gl=sub.get("glmnet"),
                             glmnet_points=glmnet_points, k=k))
            print(f"{prob} {task}: ridgelasso {t_rl:.4f}s sklearn {t_sk} glmnet {t_gl}", file=sys.stderr)
    fmt = lambda v, f="{:.4f}": "—" if v is None else f.format(v)
    header = ["problem", "task", "RidgeLasso s", "sklearn s", "glmnet s", "RL/sklearn (min-max)", "RL/glmnet (min-max)",
              "subopt RL", "subopt sklearn", "subopt glmnet"]
    out = []
    if args.markdown:
        out.append("| " + " | ".join(header) + " |")
        out.append("|" + "---|" * len(header))
    else:
        out.append("  ".join(f"{h:>14}" for h in header))
    for r in rows:
        gl_note = "" if r["glmnet_points"] in (None, r["k"]) else f" ({r['glmnet_points']}/{r['k']} α)"
        cells = [r["problem"], r["task"], fmt(r["t_rl"]), fmt(r["t_sk"]), fmt(r["t_gl"]),
                 format_ratio(r["r_sk"]), format_ratio(r["r_gl"]),
                 fmt(r["sub_rl"], "{:.1e}"), fmt(r["sub_sk"], "{:.1e}"), fmt(r["sub_gl"], "{:.1e}") + gl_note]
        if args.markdown:
            out.append("| " + " | ".join(cells) + " |")
        else:
            out.append("  ".join(f"{c:>14}" for c in cells))
    server.close()
    print("\n".join(out))


if __name__ == "__main__":
    main()
