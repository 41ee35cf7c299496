/// A fitted elastic net (or lasso): the solution of
///
///     minimize (1/2n)‖y − Xw − b‖² + αr‖w‖₁ + (α(1 − r)/2)‖w‖²
///
/// at one α and l1 ratio r, with the solver's honest account of how well it was solved.
public struct ElasticNetModel: LinearPredictor, Sendable, Equatable {
    /// The coefficients w, on the scale of the original features (also when standardizing).
    public let coefficients: [Double]
    /// The unpenalized intercept b = ȳ − x̄ᵀw (0 without an intercept).
    public let intercept: Double
    /// The regularization strength α.
    public let alpha: Double
    /// The l1 ratio r.
    public let l1Ratio: Double
    /// Coordinate-descent sweeps used (over the working set, the active set, or all features).
    public let iterations: Int
    /// The duality gap P(w) − D(θ) ≥ P(w) − P(w*) at the returned coefficients, in the units of
    /// the objective above (see ``ElasticNet`` for the dual point).
    public let dualityGap: Double
    /// Whether the gap reached `tolerance · max(P(w), 10⁻⁴P(0))` within `maximumIterations`.
    public let converged: Bool
    /// The primal objective P(w) above (weighted form with sample weights), at the returned solution.
    public let objective: Double
    /// For a fit from ``SufficientStatistics``: the rounding floor of ``dualityGap`` (see
    /// ``StatisticsDesign/dualityGapFloor(coefficients:)``), below which the gap computed from the
    /// Gram matrix cannot be resolved; the gap reported is never below it. Nil for a fit on the
    /// rows, whose checks recompute the gradient from the data.
    public internal(set) var dualityGapFloor: Double? = nil

    /// The indices of the nonzero coefficients.
    public var activeSet: [Int] { coefficients.indices.filter { coefficients[$0] != 0 } }
}
