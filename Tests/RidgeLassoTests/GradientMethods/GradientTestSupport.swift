import LinearAlgebra
@testable import RidgeLasso

/// Seeded data for the gradient-method tests (SplitMix64 + Box–Muller; no Foundation randomness).
struct GradientTestRandom {
    private var source: SplitMix64
    init(seed: UInt64) { source = SplitMix64(seed: seed) }
    mutating func next() -> UInt64 {
        source.next()
    }
    mutating func uniform() -> Double { (Double(next() >> 11) + 0.5) * 0x1p-53 }
    mutating func gaussian() -> Double {
        let u = uniform(), v = uniform()
        return (-2 * log(u)).squareRoot() * cos(2 * Double.pi * v)
    }
}

import Foundation

enum GradientTestData {
    /// X (n × p) Gaussian with column j scaled by `scales[j]` (ill-conditioning on demand), and
    /// y = Xβ + 3 + 0.1·noise with β = (1, −2, 3, …).
    static func problem(n: Int, p: Int, seed: UInt64, scales: [Double]? = nil) -> (Matrix, [Double]) {
        var rng = GradientTestRandom(seed: seed)
        var x = Matrix(rows: n, columns: p)
        for j in 0..<p {
            let s = scales?[j] ?? 1
            for i in 0..<n { x[i, j] = s * rng.gaussian() + 0.5 }
        }
        let beta: [Double] = (0..<p).map { (j: Int) -> Double in
            let magnitude = Double(j % 5 + 1)
            return j % 2 == 0 ? magnitude : -magnitude
        }
        var y = (try? x.times(beta)) ?? []
        for i in 0..<n { y[i] += 3 + 0.1 * rng.gaussian() }
        return (x, y)
    }

    /// The exact ridge solution of ‖y − Xw − b‖² + α‖w‖² by Cholesky of XcᵀXc + αI.
    static func exactRidge(_ x: Matrix, _ y: [Double], alpha: Double) throws -> (w: [Double], b: Double) {
        let xMean = Centering.means(x, weights: nil)
        let yMean = y.reduce(0, +) / Double(y.count)
        let xc = Centering.subtracting(xMean, from: x)
        var g = try xc.gram()
        for j in 0..<x.columns { g[j, j] += alpha }
        let w = try CholeskyFactorization(g).solve(try xc.transposeTimes(y.map { $0 - yMean }))
        return (w, yMean - zip(xMean, w).reduce(0) { $0 + $1.0 * $1.1 })
    }

    static func relativeError(_ a: [Double], _ b: [Double]) -> Double {
        let num = zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
        let den = b.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return num / max(den, .leastNormalMagnitude)
    }

    /// A design whose centered columns are exactly orthogonal with XcᵀXc = n·I (Hadamard-like
    /// ±1 columns from a Sylvester construction), so the lasso and elastic net have closed forms.
    static func orthogonalDesign(logRows: Int, p: Int) -> Matrix {
        let n = 1 << logRows
        var x = Matrix(rows: n, columns: p)
        for j in 0..<p {
            let col = j + 1  // skip the constant Walsh column so the columns have zero mean
            for i in 0..<n { x[i, j] = (i & col).nonzeroBitCount % 2 == 0 ? 1 : -1 }
        }
        return x
    }
}
