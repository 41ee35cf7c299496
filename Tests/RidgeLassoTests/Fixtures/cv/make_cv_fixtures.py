#!/usr/bin/env python3
"""Regenerates the model-selection fixtures from scikit-learn.

    pip install scikit-learn numpy
    python3 Tests/RidgeLassoTests/Fixtures/cv/make_cv_fixtures.py

Writes, next to this script:
  ridgecv.json   RidgeCV (efficient leave-one-out) on four seeded problems: chosen alpha, the
                 per-sample squared LOO errors (cv_results_, i.e. s_i * r_i^2 with weights), coef_, intercept_.
  lassocv.json   LassoCV / ElasticNetCV with given fold ids (PredefinedSplit) and an explicit alpha
                 grid: mse_path_ per fold, alphas_, alpha_, coef_, intercept_, tight tolerance.
The data (X, y, weights, fold ids) are stored in the JSON, so the Swift tests need neither Python
nor the same random generator.
"""
import json
import os

import numpy as np
import sklearn
from sklearn.linear_model import ElasticNetCV, LassoCV, RidgeCV
from sklearn.model_selection import PredefinedSplit

HERE = os.path.dirname(os.path.abspath(__file__))


def problem(rng, n, p, k=5, noise=0.5):
    x = rng.normal(size=(n, p)) * (0.5 + np.arange(p) % 3) + rng.uniform(-1, 1, size=p) * 2
    beta = np.zeros(p)
    beta[:k] = [(j + 1) * (1 if j % 2 == 0 else -1) for j in range(k)]
    y = x @ beta + 3 + noise * rng.normal(size=n)
    return x, y


def ridge_cases():
    rng = np.random.default_rng(20261123)
    alphas = list(np.logspace(-2, 3, 12))
    cases = []
    specs = [
        ("n>p, intercept", 50, 8, True, False, 1),
        ("n>p, intercept, weights", 50, 8, True, True, 1),
        ("p>n, intercept", 20, 60, True, False, 1),
        ("n>p, no intercept, weights", 40, 6, False, True, 1),
        ("two targets, alpha per target", 45, 7, True, False, 2),
    ]
    for name, n, p, intercept, weighted, targets in specs:
        x, y = problem(rng, n, p, noise=3.0)
        if targets == 2:
            _, y2 = problem(rng, n, p, noise=4.0)
            y = np.column_stack([y, 0.3 * y2])
        w = rng.uniform(0.2, 3.0, size=n) if weighted else None
        if w is not None:
            w[3] = 0.0
        model = RidgeCV(alphas=alphas, fit_intercept=intercept, store_cv_results=True,
                        alpha_per_target=targets > 1)
        model.fit(x, y, sample_weight=w)
        cv = model.cv_results_  # (n, alphas) or (n, targets, alphas)
        case = {
            "name": name,
            "fitIntercept": intercept,
            "x": x.tolist(),
            "y": np.atleast_2d(y.T).tolist(),  # targets x n
            "weights": None if w is None else w.tolist(),
            "alphas": alphas,
            "alpha": np.atleast_1d(model.alpha_).tolist(),
            "squaredErrors": (cv[None, :, :] if cv.ndim == 2 else np.transpose(cv, (1, 0, 2))).tolist(),
            "coefficients": np.atleast_2d(model.coef_).tolist(),
            "intercept": np.atleast_1d(model.intercept_).tolist(),
        }
        cases.append(case)
    return cases


def lasso_cases():
    rng = np.random.default_rng(7)
    cases = []
    for name, n, p, l1_ratios in [("lasso n>p", 80, 20, [1.0]), ("lasso p>n", 40, 100, [1.0]),
                                   ("elastic net", 70, 30, [0.3, 0.8])]:
        x, y = problem(rng, n, p)
        folds = rng.permutation(np.arange(n) % 5)
        split = PredefinedSplit(folds)
        per_ratio = []
        for r in l1_ratios:
            xc = x - x.mean(axis=0)
            alpha_max = np.max(np.abs(xc.T @ (y - y.mean()))) / (n * r)
            grid = list(alpha_max * np.logspace(0, -3, 30))
            if r == 1.0 and len(l1_ratios) == 1:
                model = LassoCV(alphas=grid, cv=split, tol=1e-12, max_iter=200000)
            else:
                model = ElasticNetCV(l1_ratio=r, alphas=grid, cv=split, tol=1e-12, max_iter=200000)
            model.fit(x, y)
            per_ratio.append({
                "l1Ratio": r,
                "alphas": list(model.alphas_),
                "msePath": model.mse_path_.T.tolist(),  # folds x alphas
                "alpha": float(model.alpha_),
                "coefficients": model.coef_.tolist(),
                "intercept": float(model.intercept_),
            })
        cases.append({"name": name, "x": x.tolist(), "y": y.tolist(), "foldIDs": folds.tolist(),
                      "fits": per_ratio})
    return cases


def main():
    meta = {"sklearn": sklearn.__version__, "numpy": np.__version__}
    with open(os.path.join(HERE, "ridgecv.json"), "w") as f:
        json.dump({"generator": meta, "cases": ridge_cases()}, f)
    with open(os.path.join(HERE, "lassocv.json"), "w") as f:
        json.dump({"generator": meta, "cases": lasso_cases()}, f)


if __name__ == "__main__":
    main()
