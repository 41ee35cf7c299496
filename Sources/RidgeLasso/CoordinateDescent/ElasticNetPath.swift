/// Elastic-net (or lasso) solutions along a decreasing sequence of α, each warm-started from the
/// previous one (the "pathwise coordinate descent" of Friedman, Hastie & Tibshirani 2010):
///
///     for each αₖ:  minimize (1/2n)‖y − Xw − b‖² + αₖr‖w‖₁ + (αₖ(1 − r)/2)‖w‖²
public struct ElasticNetPath: Sendable, Equatable {
    /// The l1 ratio r shared by every point.
    public let l1Ratio: Double
    /// The α values, in descending order.
    public let alphas: [Double]
    /// Intercepts, one per α.
    public let intercepts: [Double]
    /// Coefficient vectors (p values each, original feature scale), one per α.
    public let coefficients: [[Double]]
    /// Duality gaps at each α (objective units; see ``ElasticNetModel/dualityGap``).
    public let dualityGaps: [Double]
    /// Coordinate-descent sweeps used at each α.
    public let iterations: [Int]
    /// Whether each α met the stopping rule within the iteration budget.
    public let converged: [Bool]
    /// The primal objective at each α.
    public let objectives: [Double]
    /// For a path from ``SufficientStatistics``: the rounding floor of each duality gap (see
    /// ``ElasticNetModel/dualityGapFloor``); nil for a path on the rows.
    public internal(set) var dualityGapFloors: [Double]? = nil

    /// Number of α values.
    public var count: Int { alphas.count }

    /// Whether every point converged.
    public var allConverged: Bool { !converged.contains(false) }

    /// The fitted model at point `k` (0 ≤ k < count), or nil when out of range.
    public func model(at k: Int) -> ElasticNetModel? {
        guard alphas.indices.contains(k) else { return nil }
        return ElasticNetModel(coefficients: coefficients[k], intercept: intercepts[k], alpha: alphas[k],
                               l1Ratio: l1Ratio, iterations: iterations[k], dualityGap: dualityGaps[k],
                               converged: converged[k], objective: objectives[k],
                               dualityGapFloor: dualityGapFloors?[k])
    }

    /// The number of nonzero coefficients at each α (the degrees of freedom of the lasso).
    public var nonzeroCounts: [Int] { coefficients.map { $0.filter { $0 != 0 }.count } }
}
