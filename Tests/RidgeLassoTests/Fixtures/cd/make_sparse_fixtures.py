#!/usr/bin/env python3
"""Regenerates the sparse-X reference fixtures: scikit-learn on scipy.sparse CSC input
(tol = 1e-12) and glmnet on a Matrix dgCMatrix (thresh = 1e-14, through make_sparse_glmnet_fixtures.R),
on the same α lists.

Run from this folder:  python3 make_sparse_fixtures.py
(installs numpy, scipy, scikit-learn, r-cran-glmnet and r-cran-matrix when missing, with
Benchmarks/compare/interleave.py's ensure_installed.)
Writes:
  sparse_data.csv               one seeded sparse design, n = 80, p = 120: line 1 "n,p", then one
                                line per stored entry "row,column,value" (0-based), then "y,..."
  sparse_weights.csv            sample weights for the weighted case
  sparse_sklearn_reference.csv  case, alpha, l1_ratio, fit_intercept, positive, weights, intercept, coef...
  sparse_glmnet_reference.csv   (from the R script) case, alpha, l1_ratio, intercept, coef...
Both minimize (1/2n)||y - Xw - b||^2 + a r||w||_1 + a(1-r)/2||w||^2, RidgeLasso's objective; the
centering of X is implicit on both sides (neither densifies X).
"""
import csv
import os
import subprocess
import sys
import warnings

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "..", "Benchmarks", "compare"))
from interleave import ensure_installed  # noqa: E402

ensure_installed(python=[("numpy", "numpy"), ("scipy", "scipy"), ("sklearn", "scikit-learn")],
                 debian=["r-cran-glmnet", "r-cran-matrix"])

import numpy as np  # noqa: E402
import scipy.sparse as sp  # noqa: E402
import sklearn  # noqa: E402
from sklearn.linear_model import ElasticNet  # noqa: E402

TOL = 1e-12
MAX_ITER = 1_000_000


def design(n=80, p=120, density=0.08, seed=3):
    """Sparse X with values 0.5 + N(0, 1) (column means away from 0), one column stored in 99% of
    the rows (an indicator), y from 6 columns (the indicator among them) plus noise."""
    rng = np.random.default_rng(seed)
    mask = rng.random((n, p)) < density
    for j in range(p):   # at least two stored rows per column
        if mask[:, j].sum() < 2:
            mask[rng.choice(n, 2, replace=False), j] = True
    values = np.where(mask, 0.5 + rng.standard_normal((n, p)), 0.0)
    values[:, 0] = (rng.random(n) >= 0.01).astype(float)
    values[0, 0] = 0.0   # absent in at least one row
    X = sp.csc_matrix(values)
    X.eliminate_zeros()
    beta = np.zeros(p)
    beta[[0, 5, 17, 40, 77, 101]] = [3.0, -1.5, 2.0, 1.0, -2.5, 1.2]
    y = 1.0 + X @ beta + 0.3 * rng.standard_normal(n)
    return X, y


def amax(X, y, r, w=None):
    n = X.shape[0]
    v = np.full(n, 1 / n) if w is None else w / w.sum()
    xm = X.T @ v
    yc = y - v @ y
    return np.max(np.abs(X.T @ (v * yc) - xm * (v @ yc))) / r


def main():
    X, y = design()
    n, p = X.shape
    with open(os.path.join(HERE, "sparse_data.csv"), "w", newline="") as f:
        out = csv.writer(f)
        out.writerow([n, p])
        coo = X.tocoo()
        for i, j, v in zip(coo.row, coo.col, coo.data):
            out.writerow([int(i), int(j), repr(float(v))])
        out.writerow(["y"] + [repr(float(t)) for t in y])
    rng = np.random.default_rng(11)
    weights = rng.uniform(0.2, 2.0, n)
    with open(os.path.join(HERE, "sparse_weights.csv"), "w", newline="") as f:
        csv.writer(f).writerow([repr(float(t)) for t in weights])
    cases = []
    for r in (1.0, 0.5):
        m = amax(X, y, r)
        for frac in (0.3, 0.05, 0.01):
            cases.append((f"r{r}_f{frac}", m * frac, r, True, False, False))
    m1 = amax(X, y, 1.0)
    cases.append(("positive", m1 * 0.05, 1.0, True, True, False))
    cases.append(("no_intercept", m1 * 0.05, 0.7, False, False, False))
    cases.append(("weighted", amax(X, y, 0.9, weights) * 0.05, 0.9, True, False, True))
    rows = []
    for case, alpha, r, fi, pos, weighted in cases:
        model = ElasticNet(alpha=alpha, l1_ratio=r, fit_intercept=fi, positive=pos, tol=TOL, max_iter=MAX_ITER)
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # a ConvergenceWarning must stop the script
            model.fit(X, y, sample_weight=weights if weighted else None)
        rows.append([case, repr(float(alpha)), repr(r), int(fi), int(pos), "w" if weighted else "none",
                     repr(float(model.intercept_))] + [repr(float(c)) for c in model.coef_])
    with open(os.path.join(HERE, "sparse_sklearn_reference.csv"), "w", newline="") as f:
        out = csv.writer(f)
        out.writerow(["# scikit-learn", sklearn.__version__, "tol", TOL])
        out.writerows(rows)
    # glmnet: the same design as a dgCMatrix, the lasso and r = 0.5 at the unweighted cases' α.
    with open(os.path.join(HERE, "sparse_glmnet_alphas.csv"), "w", newline="") as f:
        out = csv.writer(f)
        for case, alpha, r, fi, pos, weighted in cases:
            if fi and not pos and not weighted:
                out.writerow([case, repr(float(alpha)), repr(r)])
    subprocess.run(["Rscript", "make_sparse_glmnet_fixtures.R"], cwd=HERE, check=True)


if __name__ == "__main__":
    main()
