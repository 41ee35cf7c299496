/// A fitted elastic net (or lasso): the solution of
///
///     minimize (1/2n)‖y − Xw − b‖² + αr‖w‖₁ + (α(1 − r)/2)‖w‖²
///
/// at one α and l1 ratio r, with the solver's honest account of how well it was solved.
///
/// The model is `Codable` in the format of the model file `ridgelasso fit --output` writes and
/// `ridgelasso predict --model` reads (see ``FittedModel``), and `print(model)` shows a one-line
/// summary: objective, α, r, nonzeros, convergence and the duality gap.
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
    public let dualityGapFloor: Double?
    /// The names of the features, one per coefficient, when known (see ``named(features:target:)``);
    /// the model file then matches CSV columns by these names. `nil`: `x1`, `x2`, … when encoded.
    public let featureNames: [String]?
    /// The name of the response, when known (written as the model file's `target`).
    public let targetName: String?
    /// The categorical columns one-hot encoded into the features, when the model came from a file
    /// that records them (``CategoricalLevels``); nil otherwise.
    public let categorical: [CategoricalLevels]?

    /// A model from its parts (the solvers build it; decoding a model file rebuilds it).
    package init(
        coefficients: [Double], intercept: Double, alpha: Double, l1Ratio: Double, iterations: Int,
        dualityGap: Double, converged: Bool, objective: Double,
        dualityGapFloor: Double? = nil, featureNames: [String]? = nil, targetName: String? = nil,
        categorical: [CategoricalLevels]? = nil
    ) {
        self.dualityGapFloor = dualityGapFloor
        self.coefficients = coefficients
        self.intercept = intercept
        self.alpha = alpha
        self.l1Ratio = l1Ratio
        self.iterations = iterations
        self.dualityGap = dualityGap
        self.converged = converged
        self.objective = objective
        self.featureNames = featureNames
        self.targetName = targetName
        self.categorical = categorical
    }

    /// The same model with names for its features (one per coefficient) and, optionally, its response.
    /// - Throws: ``RegressionError/dimensionMismatch(_:)`` when the count differs from the
    ///   coefficients', ``RegressionError/invalidNames(_:)`` for an empty or repeated name.
    public func named(features: [String], target: String? = nil) throws(RegressionError) -> ElasticNetModel {
        try FeatureNames.validate(features, count: coefficients.count)
        return ElasticNetModel(coefficients: coefficients, intercept: intercept, alpha: alpha, l1Ratio: l1Ratio,
                               iterations: iterations, dualityGap: dualityGap, converged: converged,
                               objective: objective, dualityGapFloor: dualityGapFloor,
                               featureNames: features, targetName: target, categorical: categorical)
    }

    /// The indices of the nonzero coefficients.
    public var activeSet: [Int] { coefficients.indices.filter { coefficients[$0] != 0 } }
}
