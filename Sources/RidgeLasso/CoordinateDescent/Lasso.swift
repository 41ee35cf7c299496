import LinearAlgebra

/// The lasso by cyclic coordinate descent:
///
///     minimize (1/2n)‖y − Xw − b‖² + α‖w‖₁
///
/// (scikit-learn's `Lasso`; glmnet with alpha = 1). It is ``ElasticNet`` with `l1Ratio = 1`; every
/// option, the stopping rule (duality gap ≤ tolerance · max(P(w), 10⁻⁴P(0))) and the results are the same.
public struct Lasso: Sendable {
    /// The regularization strength α ≥ 0.
    public var alpha: Double
    public var fitIntercept: Bool
    public var standardize: Bool
    public var tolerance: Double
    public var maximumIterations: Int
    public var positive: Bool
    public var penaltyFactors: [Double]?
    public var updateScheme: UpdateScheme
    public var screening: Bool
    public var activeSetCycling: Bool
    /// Anderson extrapolation of the active-set iterates (kept only when it lowers the objective). Default true.
    public var acceleration: Bool
    /// Single fits: the Gram matrix in single precision, refined exactly
    /// (``ElasticNet/singlePrecisionGram``). Default true.
    public var singlePrecisionGram = true
    /// Paths: the checks from a single-precision copy of X, resolved exactly
    /// (``ElasticNet/singlePrecisionChecks``). Default true.
    public var singlePrecisionChecks = true

    public init(
        alpha: Double = 1, fitIntercept: Bool = true, standardize: Bool = false,
        tolerance: Double = ElasticNet.defaultTolerance, maximumIterations: Int = ElasticNet.defaultMaximumIterations,
        positive: Bool = false, penaltyFactors: [Double]? = nil, updateScheme: UpdateScheme = .automatic,
        screening: Bool = true, activeSetCycling: Bool = true, acceleration: Bool = true
    ) {
        self.alpha = alpha
        self.fitIntercept = fitIntercept
        self.standardize = standardize
        self.tolerance = tolerance
        self.maximumIterations = maximumIterations
        self.positive = positive
        self.penaltyFactors = penaltyFactors
        self.updateScheme = updateScheme
        self.screening = screening
        self.activeSetCycling = activeSetCycling
        self.acceleration = acceleration
    }

    /// The equivalent ``ElasticNet`` (l1Ratio = 1).
    public var elasticNet: ElasticNet {
        var model = ElasticNet(alpha: alpha, l1Ratio: 1, fitIntercept: fitIntercept, standardize: standardize,
                               tolerance: tolerance, maximumIterations: maximumIterations, positive: positive,
                               penaltyFactors: penaltyFactors, updateScheme: updateScheme, screening: screening,
                               activeSetCycling: activeSetCycling, acceleration: acceleration)
        model.singlePrecisionGram = singlePrecisionGram
        model.singlePrecisionChecks = singlePrecisionChecks
        return model
    }

    /// Fits at ``alpha``; see ``ElasticNet/fit(_:_:sampleWeights:initialCoefficients:)``.
    public func fit(
        _ x: Matrix, _ y: [Double], sampleWeights: [Double]? = nil, initialCoefficients: [Double]? = nil
    ) throws(RegressionError) -> ElasticNetModel {
        try elasticNet.fit(x, y, sampleWeights: sampleWeights, initialCoefficients: initialCoefficients)
    }

    /// The lasso path; see ``ElasticNet/path(_:_:alphas:count:epsilon:sampleWeights:)``.
    public func path(
        _ x: Matrix, _ y: [Double], alphas: [Double]? = nil, count: Int = 100, epsilon: Double = 1e-3,
        sampleWeights: [Double]? = nil
    ) throws(RegressionError) -> ElasticNetPath {
        try elasticNet.path(x, y, alphas: alphas, count: count, epsilon: epsilon, sampleWeights: sampleWeights)
    }

    /// α_max = maxⱼ |xⱼᵀ(y − ȳ)|/(n fⱼ): the smallest α with an all-zero solution.
    public static func alphaMax(
        _ x: Matrix, _ y: [Double], fitIntercept: Bool = true, sampleWeights: [Double]? = nil,
        penaltyFactors: [Double]? = nil, standardize: Bool = false
    ) throws(RegressionError) -> Double {
        try ElasticNet.alphaMax(x, y, l1Ratio: 1, fitIntercept: fitIntercept, sampleWeights: sampleWeights,
                                penaltyFactors: penaltyFactors, standardize: standardize)
    }
}
