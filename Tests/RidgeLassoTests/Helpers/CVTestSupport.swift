import Foundation
import LinearAlgebra
@testable import RidgeLasso
import _TestSupport

/// Seeded data and brute-force references for the model-selection tests. Names carry a `cv`
/// prefix so they cannot collide with other suites' helpers in this target.

/// See ``Problems/shiftedColumns(rows:columns:seed:noise:)``.
func cvProblem(rows n: Int, columns p: Int, seed: UInt64, noise: Double = 0.5) -> (x: Matrix, y: [Double]) {
    let problem = Problems.shiftedColumns(rows: n, columns: p, seed: seed, noise: noise)
    return (problem.x, problem.y)
}

/// Seeded positive weights in [0.2, 3), with row 3 set to zero when `withZero`.
func cvWeights(_ n: Int, seed: UInt64, withZero: Bool = true) -> [Double] {
    var g = SplitMix64(seed: seed)
    var w = (0..<n).map { _ in 1.6 + 1.4 * (g.nextUniform() * 2 - 1) }
    if withZero, n > 3 { w[3] = 0 }
    return w
}

/// Weighted ridge by brute force: the least-squares solution of the augmented system
/// [S^½Z; 0 √αI]β ≈ [S^½y; 0], Z = [1, X] (or X without intercept), by Householder QR — whose
/// condition is the square root of the normal equations', so it stays accurate at tiny α.
func cvRidgeBruteForce(
    _ x: Matrix, _ y: [Double], alpha: Double, weights: [Double]?, fitIntercept: Bool
) throws -> (w: [Double], b: Double) {
    let n = x.rows, p = x.columns, off = fitIntercept ? 1 : 0, d = p + off
    let rows = (0..<n).filter { (weights?[$0] ?? 1) > 0 }
    var a = Matrix(rows: rows.count + p, columns: d)
    var rhs = [Double](repeating: 0, count: rows.count + p)
    for (r, i) in rows.enumerated() {
        let root = (weights?[i] ?? 1).squareRoot()
        if fitIntercept { a[r, 0] = root }
        for j in 0..<p { a[r, j + off] = root * x[i, j] }
        rhs[r] = root * y[i]
    }
    for j in 0..<p { a[rows.count + j, j + off] = alpha.squareRoot() }
    let sol = try QRFactorization(a).solveLeastSquares(rhs)
    return (Array(sol[off..<d]), fitIntercept ? sol[0] : 0)
}

/// Leave-one-out residuals by n separate refits (rows of zero weight keep their ordinary residual).
func cvLeaveOneOutBruteForce(
    _ x: Matrix, _ y: [Double], alpha: Double, weights: [Double]?, fitIntercept: Bool
) throws -> [Double] {
    let n = x.rows
    return try (0..<n).map { i in
        var w = weights ?? [Double](repeating: 1, count: n)
        w[i] = 0
        let (coef, b) = try cvRidgeBruteForce(x, y, alpha: alpha, weights: w, fitIntercept: fitIntercept)
        var pred = b
        for j in 0..<x.columns { pred += x[i, j] * coef[j] }
        return y[i] - pred
    }
}

/// max |a − b| over two arrays.
func cvMaxDifference(_ a: [Double], _ b: [Double]) -> Double {
    zip(a, b).map { abs($0 - $1) }.max() ?? 0
}

/// |a − b| / max(|b|, tiny).
func cvRelativeDifference(_ a: Double, _ b: Double) -> Double {
    abs(a - b) / max(abs(b), 1e-300)
}
