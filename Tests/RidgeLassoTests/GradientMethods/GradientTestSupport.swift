import LinearAlgebra
@testable import RidgeLasso
import _TestSupport

/// Seeded data for the gradient-method tests: the shared generator and problems of _TestSupport.
typealias GradientTestRandom = SplitMix64

import Foundation

enum GradientTestData {
    /// See ``Problems/scaledGaussian(n:p:seed:scales:)``.
    static func problem(n: Int, p: Int, seed: UInt64, scales: [Double]? = nil) -> (Matrix, [Double]) {
        let problem = Problems.scaledGaussian(n: n, p: p, seed: seed, scales: scales)
        return (problem.x, problem.y)
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

    /// See ``Problems/orthogonalDesign(logRows:p:)``.
    static func orthogonalDesign(logRows: Int, p: Int) -> Matrix { Problems.orthogonalDesign(logRows: logRows, p: p) }
}
