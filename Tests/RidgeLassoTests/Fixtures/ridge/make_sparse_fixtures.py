#!/usr/bin/env python3
"""Regenerates sklearn_sparse_cases.json: scikit-learn Ridge on scipy.sparse CSC input.

Run from anywhere:  python3 make_sparse_fixtures.py   (installs numpy, scipy and scikit-learn
with pip when they are missing, through Benchmarks/compare/interleave.py's ensure_installed).

Each case stores the CSC arrays of X (indptr, indices, data), y, the weights when there are any,
alpha and scikit-learn's coefficients and intercept with fit_intercept=True. The nonzeros are
shifted far from 0 (column means ≫ spread), the case of scikit-learn issue #4710, where the
sparse intercept was wrong because sparse columns were not centered. scikit-learn solves sparse
input with an intercept iteratively; the case is written only when its 'sparse_cg' and 'lsqr'
solutions (tol 1e-14) and the dense 'svd' solution of X.toarray() agree to 1e-10.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "..", "..", "Benchmarks", "compare"))
from interleave import ensure_installed  # noqa: E402

ensure_installed(python=[("numpy", "numpy"), ("scipy", "scipy"), ("sklearn", "scikit-learn")])

import numpy as np  # noqa: E402
import scipy.sparse as sp  # noqa: E402
import scipy  # noqa: E402
import sklearn  # noqa: E402
from sklearn.linear_model import Ridge  # noqa: E402


def case(name, seed, n, p, density, offset, alpha, weighted):
    rng = np.random.default_rng(seed)
    mask = rng.uniform(size=(n, p)) < density
    dense = np.where(mask, rng.standard_normal((n, p)) + offset, 0.0)
    x = sp.csc_matrix(dense)
    x.sort_indices()
    w_true = rng.standard_normal(p)
    y = x @ w_true + 4.0 + 0.3 * rng.standard_normal(n)
    weights = rng.uniform(0.2, 2.0, size=n) if weighted else None
    fits = []
    for solver in ("sparse_cg", "lsqr"):
        m = Ridge(alpha=alpha, fit_intercept=True, solver=solver, tol=1e-14, max_iter=100000)
        m.fit(x, y, sample_weight=weights)
        fits.append(np.concatenate([m.coef_, [m.intercept_]]))
    d = Ridge(alpha=alpha, fit_intercept=True, solver="svd").fit(dense, y, sample_weight=weights)
    fits.append(np.concatenate([d.coef_, [d.intercept_]]))
    scale = max(1.0, np.abs(fits[2]).max())
    spread = max(np.abs(f - fits[2]).max() for f in fits) / scale
    assert spread <= 1e-10, f"{name}: solvers disagree by {spread}"
    return {
        "name": name,
        "rows": n,
        "columns": p,
        "column_starts": [int(v) for v in x.indptr],
        "row_indices": [int(v) for v in x.indices],
        "values": [float(v) for v in x.data],
        "y": [float(v) for v in y],
        "weights": None if weights is None else [float(v) for v in weights],
        "alpha": alpha,
        "coefficients": [float(v) for v in fits[0][:-1]],
        "intercept": float(fits[0][-1]),
    }


cases = [
    case("shifted columns, n > p", 4710, 80, 12, 0.3, 5.0, 1.0, False),
    case("shifted columns, weighted", 4711, 60, 9, 0.4, 20.0, 0.5, True),
    case("p > n", 4712, 25, 60, 0.2, 3.0, 2.0, False),
]
out = {"generator": f"scikit-learn {sklearn.__version__}, scipy {scipy.__version__}", "cases": cases}
with open(os.path.join(HERE, "sklearn_sparse_cases.json"), "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
print(f"wrote {len(cases)} cases")
