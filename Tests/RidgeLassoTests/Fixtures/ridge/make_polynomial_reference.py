#!/usr/bin/env python3
"""Regenerates polynomial_reference.json: ill-conditioned polynomial designs and their ridge and
least-squares solutions computed in 80-digit arithmetic with mpmath.

Run:  python3 make_polynomial_reference.py   (needs numpy and mpmath: pip install mpmath)

Design: x_i = linspace(lo, hi, 41), columns x, x^2, ..., x^d (evaluated in double precision,
and stored as those doubles, so the Swift test and the reference see the very same matrix),
plus an intercept. y_i = log(x_i) + 0.01 sin(7i), also stored as doubles. The reference treats
every stored double as an exact rational and solves
    min ||y - Xw - b||^2 + alpha ||w||^2      (b unpenalized)
through the centered normal equations (XcᵀXc + αI) w = Xcᵀyc in 80 significant digits; the
condition numbers (≤ 1e26 for the Gram matrix) leave more than 50 correct digits.
"""
import json
import os

import mpmath
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
mpmath.mp.dps = 80


def reference(xrows, y, alpha):
    n, p = len(xrows), len(xrows[0])
    X = [[mpmath.mpf(v) for v in row] for row in xrows]
    Y = [mpmath.mpf(v) for v in y]
    xm = [mpmath.fsum(X[i][j] for i in range(n)) / n for j in range(p)]
    ym = mpmath.fsum(Y) / n
    Xc = [[X[i][j] - xm[j] for j in range(p)] for i in range(n)]
    yc = [Y[i] - ym for i in range(n)]
    G = mpmath.matrix(p, p)
    r = mpmath.matrix(p, 1)
    for a in range(p):
        r[a] = mpmath.fsum(Xc[i][a] * yc[i] for i in range(n))
        for b in range(p):
            G[a, b] = mpmath.fsum(Xc[i][a] * Xc[i][b] for i in range(n))
        G[a, a] += mpmath.mpf(alpha)
    w = mpmath.lu_solve(G, r)
    b = ym - mpmath.fsum(xm[j] * w[j] for j in range(p))
    return [mpmath.nstr(w[j], 30) for j in range(p)], mpmath.nstr(b, 30)


def main():
    designs = [(8, 1.0, 25.0), (9, 1.0, 15.0), (10, 1.0, 10.0)]
    out = []
    for degree, lo, hi in designs:
        x = np.linspace(lo, hi, 41)
        X = np.column_stack([x ** k for k in range(1, degree + 1)])
        y = np.log(x) + 0.01 * np.sin(7.0 * np.arange(41))
        full = np.column_stack([np.ones_like(x), X])
        xc = X - X.mean(axis=0)
        xe = xc / np.linalg.norm(xc, axis=0)
        for alpha in (0.0, 1e-3):
            w, b = reference(X.tolist(), y.tolist(), alpha)
            out.append({
                "name": f"degree{degree}_alpha{alpha:g}",
                "degree": degree,
                "alpha": alpha,
                "x": X.tolist(),
                "y": y.tolist(),
                "conditionWithIntercept": float(np.linalg.cond(full)),
                "conditionCenteredEquilibrated": float(np.linalg.cond(xe)),
                "coefficients": w,
                "intercept": b,
            })
    with open(os.path.join(HERE, "polynomial_reference.json"), "w") as f:
        json.dump({"generator": "make_polynomial_reference.py", "mpmath": mpmath.__version__,
                   "digits": mpmath.mp.dps, "cases": out}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
