import LinearAlgebra
import RidgeLasso

/// The package's exact solvers as the benchmark calls them — closed-form ``Ridge`` and
/// coordinate-descent ``Lasso`` — plus an independent ridge reference computed here from the
/// LinearAlgebra layer (SVD of the centered X), so that the closed form is checked against a
/// different algorithm than the one it runs.
public enum ExactSolvers {
    /// A fitted (w, b) and the name of the solver that produced it.
    public struct Solution: Sendable {
        public var coefficients: [Double]
        public var intercept: Double
        public var solver: String
        public var iterations: Int?
        public var converged: Bool
    }

    /// Closed-form ridge as a user gets it: `Ridge(alpha:)` with its automatic solver choice.
    public static func ridge(_ x: Matrix, _ y: [Double], alpha: Double) throws -> Solution {
        let model = try Ridge(alpha: alpha, fitIntercept: true, solver: .automatic).fit(x, y)
        return Solution(coefficients: model.coefficients, intercept: model.intercept,
                        solver: "Ridge, solver \(model.solverUsed.rawValue)", iterations: nil, converged: true)
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
    public static let coordinateDescentAvailable = true

    /// Coordinate-descent lasso (`Lasso(alpha:tolerance:)`; tolerance: a certified relative suboptimality, gap ≤ tolerance·max(P(w), 10⁻⁴P(0))).
    public static func lasso(_ x: Matrix, _ y: [Double], alpha: Double, tolerance: Double) throws -> Solution? {
        let model = try Lasso(alpha: alpha, tolerance: tolerance).fit(x, y)
        return Solution(coefficients: model.coefficients, intercept: model.intercept, solver: "Lasso (coordinate descent)",
                        iterations: model.iterations, converged: model.converged)
    }

    static func centered(_ x: Matrix, _ y: [Double]) -> (Matrix, [Double], [Double], Double) {
        let xMean = Centering.means(x, weights: nil)
        let yMean = y.reduce(0, +) / Double(y.count)
        return (Centering.subtracting(xMean, from: x), y.map { $0 - yMean }, xMean, yMean)
    }
}
