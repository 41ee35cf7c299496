#!/usr/bin/env python3
"""Regenerates sklearn_cases.json: scikit-learn Ridge reference solutions for seeded problems.

Run from anywhere:  python3 make_fixtures.py   (needs numpy and scikit-learn: pip install scikit-learn)

Each case stores the exact data (X, y or Y, weights) as Python floats (repr round-trips every
double), the hyperparameters and scikit-learn's coefficients and intercept. The Swift tests read
this file only; they never run Python. scikit-learn's objective with sample_weight v is
sum_i v_i (y_i - x_i.w - b)^2 + alpha ||w||^2, the same as RidgeLasso's.
The problems are well conditioned, and every case is solved by sklearn's 'svd' and 'cholesky'
solvers, which must agree to 1e-12 before the case is written.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.linear_model import Ridge

HERE = os.path.dirname(os.path.abspath(__file__))


def design(rng, n, p):
    scales = rng.uniform(0.5, 4.0, size=p)
    offsets = rng.uniform(-20.0, 20.0, size=p)
    return rng.standard_normal((n, p)) * scales + offsets


def case(name, seed, n, p, alpha, fit_intercept, weighted=False, targets=1):
    rng = np.random.default_rng(seed)
    x = design(rng, n, p)
    w_true = rng.standard_normal((p, targets))
    y = x @ w_true + 3.0 + 0.5 * rng.standard_normal((n, targets))
    weights = None
    if weighted:
        weights = rng.uniform(0.0, 3.0, size=n)
        weights[rng.choice(n, size=max(1, n // 10), replace=False)] = 0.0
    yy = y[:, 0] if targets == 1 else y
    fits = []
    for solver in ("svd", "cholesky"):
        m = Ridge(alpha=alpha, fit_intercept=fit_intercept, solver=solver)
        m.fit(x, yy, sample_weight=weights)
        fits.append(m)
    a, b = fits
    assert np.allclose(a.coef_, b.coef_, rtol=1e-12, atol=1e-12), name
    out = {
        "name": name,
        "seed": seed,
        "alpha": alpha,
        "fitIntercept": fit_intercept,
        "rows": n,
        "columns": p,
        "x": x.tolist(),                      # row-major: x[i][j]
        "y": y.T.tolist(),                    # one array per target
        "weights": None if weights is None else weights.tolist(),
        "coefficients": np.atleast_2d(a.coef_).tolist(),   # one array per target
        "intercept": np.atleast_1d(a.intercept_).tolist() if fit_intercept else [0.0] * targets,
    }
    return out


def main():
    cases = [
        case("tall_intercept", 1, 60, 8, 1.5, True),
        case("tall_no_intercept", 2, 60, 8, 0.7, False),
        case("wide_intercept", 3, 20, 50, 2.0, True),
        case("wide_no_intercept", 4, 20, 50, 0.3, False),
        case("tall_weighted", 5, 50, 6, 1.0, True, weighted=True),
        case("wide_weighted", 6, 15, 40, 0.5, True, weighted=True),
        case("tall_weighted_no_intercept", 7, 40, 5, 2.5, False, weighted=True),
        case("multi_target", 8, 40, 5, 0.8, True, targets=3),
    ]
    doc = {
        "generator": "make_fixtures.py",
        "sklearn": sklearn.__version__,
        "numpy": np.__version__,
        "cases": cases,
    }
    with open(os.path.join(HERE, "sklearn_cases.json"), "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
