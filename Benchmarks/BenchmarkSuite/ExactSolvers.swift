import LinearAlgebra
import RidgeLasso

/// The package's exact solvers as the benchmark calls them: closed-form ridge and coordinate
/// descent, plus the references errors are measured against.
///
/// INTERIM: until the `Ridge` and `ElasticNet` models are merged, ridge is solved here through
/// the LinearAlgebra layer (Cholesky of XcᵀXc + αI, or of XcXcᵀ + αI when p > n; SVD reference)
/// and coordinate descent is reported as unavailable.
public enum ExactSolvers {
    /// A fitted (w, b) and the name of the solver that produced it.
    public struct Solution: Sendable {
        public var coefficients: [Double]
        public var intercept: Double
        public var solver: String
        public var iterations: Int?
        public var converged: Bool
    }

    /// Closed-form ridge as a user gets it (the package's default solver choice).
    public static func ridge(_ x: Matrix, _ y: [Double], alpha: Double) throws -> Solution {
        let (xc, yc, xMean, yMean) = centered(x, y)
        let w: [Double]
        let solver: String
        if x.rows >= x.columns {
            var g = try xc.gram()
            for j in 0..<x.columns { g[j, j] += alpha }
            w = try CholeskyFactorization(g).solve(try xc.transposeTimes(yc))
            solver = "cholesky (primal)"
        } else {
            var k = try xc.outerGram()
            for i in 0..<x.rows { k[i, i] += alpha }
            w = try xc.transposeTimes(try CholeskyFactorization(k).solve(yc))
            solver = "cholesky (dual)"
        }
        return Solution(coefficients: w, intercept: yMean - BLAS.dot(xMean, w), solver: solver, iterations: nil, converged: true)
    }

    /// The reference ridge solution: w = V·diag(σ/(σ² + α))·Uᵀyc from the SVD of Xc.
    public static func ridgeReference(_ x: Matrix, _ y: [Double], alpha: Double) throws -> Solution {
        let (xc, yc, xMean, yMean) = centered(x, y)
        let svd = try SingularValueDecomposition(xc)
        let k = svd.singularValues.count
        var c = try svd.u.transposeTimes(yc)
        for i in 0..<k {
            let s = svd.singularValues[i]
            c[i] = s * s + alpha > 0 ? c[i] * s / (s * s + alpha) : 0
        }
        let w = try svd.vt.transposeTimes(Array(c.prefix(svd.vt.rows)))
        return Solution(coefficients: w, intercept: yMean - BLAS.dot(xMean, w), solver: "svd (\(svd.routine))", iterations: nil, converged: true)
    }

    /// Whether the package's coordinate descent is available to the benchmark.
    public static let coordinateDescentAvailable = false

    /// Coordinate-descent lasso at `tolerance` (gap ≤ tolerance·‖yc‖²/n), or `nil` if unavailable.
    public static func lasso(_ x: Matrix, _ y: [Double], alpha: Double, tolerance: Double) throws -> Solution? {
        nil
    }

    static func centered(_ x: Matrix, _ y: [Double]) -> (Matrix, [Double], [Double], Double) {
        let xMean = Centering.means(x, weights: nil)
        let yMean = y.reduce(0, +) / Double(y.count)
        return (Centering.subtracting(xMean, from: x), y.map { $0 - yMean }, xMean, yMean)
    }
}
