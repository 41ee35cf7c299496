#!/usr/bin/env python3
"""Regenerates the coordinate-descent reference fixtures from scikit-learn (tol = 1e-12).

Run from this folder:  python3 make_fixtures.py && Rscript make_glmnet_fixtures.R
Writes:
  data_<name>.csv          the designs (last column = y), seeded numpy data and diabetes (raw units)
  sklearn_reference.csv    one row per case: dataset, case, alpha, l1_ratio, fit_intercept,
                           positive, weights (none|w1), intercept, coef_0 ... coef_{p-1}
  weights_w1.csv           sample weights used by the weighted cases
scikit-learn minimizes (1/2n)||y - Xw - b||^2 + a r||w||_1 + a(1-r)/2||w||^2 (weights: rescaled to
sum to n), the same objective as RidgeLasso's ElasticNet.
"""
import csv
import warnings
import os

import numpy as np
import sklearn
from sklearn.linear_model import ElasticNet, enet_path

HERE = os.path.dirname(os.path.abspath(__file__))
TOL = 1e-12
MAX_ITER = 1_000_000


def ar1(n, p, rho, seed, k):
    rng = np.random.default_rng(seed)
    x = np.empty((n, p))
    x[:, 0] = rng.standard_normal(n)
    for j in range(1, p):
        x[:, j] = rho * x[:, j - 1] + np.sqrt(1 - rho ** 2) * rng.standard_normal(n)
    x += np.arange(p) % 3  # offsets, so that centering matters
    beta = np.zeros(p)
    idx = rng.choice(p, size=k, replace=False)
    beta[idx] = rng.choice([-1.0, 1.0], size=k) * rng.uniform(0.5, 2.0, size=k)
    y = 1.5 + x @ beta + 0.5 * rng.standard_normal(n)
    return x, y


def write_data(name, x, y):
    with open(os.path.join(HERE, f"data_{name}.csv"), "w", newline="") as f:
        w = csv.writer(f)
        for i in range(x.shape[0]):
            w.writerow([repr(float(v)) for v in x[i]] + [repr(float(y[i]))])


def main():
    datasets = {}
    raw = np.loadtxt(os.path.join(HERE, "..", "..", "..", "_TestSupport", "Data", "diabetes.csv"), delimiter=",", skiprows=1)
    datasets["diabetes"] = (raw[:, :10], raw[:, 10])
    datasets["tall"] = ar1(60, 12, 0.5, 1, 5)
    datasets["wide"] = ar1(30, 80, 0.5, 2, 6)
    for name, (x, y) in datasets.items():
        if name != "diabetes":
            write_data(name, x, y)
    rng = np.random.default_rng(7)
    weights = {"w1": {name: rng.uniform(0.2, 2.0, size=x.shape[0]) for name, (x, _) in datasets.items()}}
    with open(os.path.join(HERE, "weights_w1.csv"), "w", newline="") as f:
        w = csv.writer(f)
        for name, v in weights["w1"].items():
            w.writerow([name] + [repr(float(t)) for t in v])
    rows = []

    def amax(x, y, r):
        return np.max(np.abs((x - x.mean(0)).T @ (y - y.mean()))) / (len(y) * r)

    for name, (x, y) in datasets.items():
        cases = []
        for r in (1.0, 0.5, 0.2):
            m = amax(x, y, r)
            for frac in (0.5, 0.1, 0.01):
                cases.append((f"r{r}_f{frac}", m * frac, r, True, False, None))
        m1 = amax(x, y, 1.0)
        cases.append(("positive", m1 * 0.05, 1.0, True, True, None))
        cases.append(("no_intercept", m1 * 0.05, 0.7, False, False, None))
        cases.append(("weighted", m1 * 0.05, 0.9, True, False, "w1"))
        for case, alpha, r, fi, pos, wname in cases:
            model = ElasticNet(alpha=alpha, l1_ratio=r, fit_intercept=fi, positive=pos, tol=TOL,
                               max_iter=MAX_ITER, selection="cyclic")
            sw = None if wname is None else weights[wname][name]
            with warnings.catch_warnings():
                warnings.simplefilter("error")  # a ConvergenceWarning must stop the script
                model.fit(x, y, sample_weight=sw)
            rows.append([name, case, repr(float(alpha)), repr(r), int(fi), int(pos), wname or "none",
                         repr(float(model.intercept_))] + [repr(float(c)) for c in model.coef_])
        # a path point list (enet_path on centered data, 5 alphas, r = 0.8)
        xc, yc = x - x.mean(0), y - y.mean()
        alphas = amax(x, y, 0.8) * np.array([0.9, 0.3, 0.1, 0.03, 0.01])
        _, coefs, _ = enet_path(xc, yc, l1_ratio=0.8, alphas=alphas, tol=TOL, max_iter=MAX_ITER)
        for k, a in enumerate(alphas):
            c = coefs[:, k]
            b = y.mean() - x.mean(0) @ c
            rows.append([name, f"path_{k}", repr(float(a)), repr(0.8), 1, 0, "none", repr(float(b))]
                        + [repr(float(v)) for v in c])
    with open(os.path.join(HERE, "sklearn_reference.csv"), "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["# scikit-learn", sklearn.__version__, "tol", TOL])
        for row in rows:
            w.writerow(row)


if __name__ == "__main__":
    main()
