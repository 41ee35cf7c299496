import LinearAlgebra

/// The largest eigenvalue of a symmetric positive semidefinite operator by power iteration,
/// used for the step size 1/L of the gradient methods.
///
/// Starting from a seeded random vector v₀, vₖ₊₁ = A vₖ / ‖A vₖ‖ and the estimate is the
/// Rayleigh quotient vₖᵀ A vₖ. It stops when two estimates agree to `relativeTolerance`
/// (default 1e-3: a step size needs L only to a few per cent, the Rayleigh quotient converges
/// twice as fast as the vector, and every product costs as much as a gradient step) or after `maximumIterations` products (default 100). Each product with the scaled Gram matrix XcᵀXc/n costs
/// two matrix–vector products with X, so the Gram matrix is never formed.
///
/// The Rayleigh quotient approaches λmax from below, and a step 1/L with L < λmax can make
/// gradient descent diverge; the result is therefore multiplied by `safety` (default 1.02):
/// a 2 % smaller step, safe whenever the estimate is within 2 % of λmax.
/// Reference: Golub & Van Loan, *Matrix Computations*, 4th ed., §7.3.1.
package enum PowerIteration {
    /// An upper estimate of λmax(A) for the operator `apply(v) = A v` on ℝ^`dimension`.
    package static func largestEigenvalue(
        dimension: Int,
        maximumIterations: Int = 100,
        relativeTolerance: Double = 1e-3,
        safety: Double = 1.02,
        seed: UInt64 = 0x5EED,
        apply: ([Double]) throws(RegressionError) -> [Double]
    ) throws(RegressionError) -> Double {
        guard dimension > 0 else { return 0 }
        var rng = SplitMix64(seed: seed)
        var v = (0..<dimension).map { _ in rng.nextUniform() - 0.5 }
        normalize(&v)
        var estimate = 0.0
        for _ in 0..<max(1, maximumIterations) {
            var av = try apply(v)
            let rayleigh = zip(v, av).reduce(0) { $0 + $1.0 * $1.1 }
            let norm = normalize(&av)
            if norm == 0 { return 0 }
            let converged = abs(rayleigh - estimate) <= relativeTolerance * abs(rayleigh)
            estimate = rayleigh
            v = av
            if converged { break }
        }
        return estimate * safety
    }

    @discardableResult
    private static func normalize(_ v: inout [Double]) -> Double {
        let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
        if norm > 0 { for i in 0..<v.count { v[i] /= norm } }
        return norm
    }
}

extension PowerIteration {
    /// An upper estimate of λmax(XcᵀXc/n), the Lipschitz constant of the gradient of
    /// (1/2n)‖yc − Xc w‖² (Xc = X with centered columns when `fitIntercept`), without forming
    /// the Gram matrix.
    /// - Throws: ``RegressionError`` for an empty or non-finite X.
    package static func largestScaledGramEigenvalue(_ x: Matrix, fitIntercept: Bool = true) throws(RegressionError) -> Double {
        let data = try GradientDesign(x, [Double](repeating: 0, count: x.rows), fitIntercept: fitIntercept)
        return try data.largestScaledGramEigenvalue()
    }
}
