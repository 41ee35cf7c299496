import LinearAlgebra

/// The lasso by cyclic coordinate descent:
///
///     minimize (1/2n)‖y − Xw − b‖² + α‖w‖₁
///
/// (scikit-learn's `Lasso`; glmnet with alpha = 1). It is ``ElasticNet`` with `l1Ratio = 1`; every
/// option, the stopping rule (duality gap ≤ tolerance · max(P(w), 10⁻⁴P(0))) and the results are the same.
@dynamicMemberLookup
public struct Lasso: Sendable {
    /// The equivalent ``ElasticNet`` (l1Ratio = 1), which this model wraps: every field below
    /// reads and writes it.
    public private(set) var elasticNet: ElasticNet

    /// The regularization strength α ≥ 0.
    public var alpha: Double {
        get { elasticNet.alpha }
        set { elasticNet.alpha = newValue }
    }
    /// Fit an unpenalized intercept (by centering). Default true.
    public var fitIntercept: Bool {
        get { elasticNet.fitIntercept }
        set { elasticNet.fitIntercept = newValue }
    }
    /// Penalize the coefficients of unit-variance columns (``ElasticNet/standardize``). Default false.
    public var standardize: Bool {
        get { elasticNet.standardize }
        set { elasticNet.standardize = newValue }
    }
    /// Constrain every coefficient to be ≥ 0. Default false.
    public var positive: Bool {
        get { elasticNet.positive }
        set { elasticNet.positive = newValue }
    }
    /// Per-feature penalty factors fⱼ ≥ 0 (nil = all 1).
    public var penaltyFactors: [Double]? {
        get { elasticNet.penaltyFactors }
        set { elasticNet.penaltyFactors = newValue }
    }
    /// The solver's settings (``CoordinateDescentSettings``); each knob also reads and writes as
    /// a member (`lasso.tolerance`, `lasso.acceleration`, …).
    public var settings: CoordinateDescentSettings {
        get { elasticNet.settings }
        set { elasticNet.settings = newValue }
    }

    /// A knob of ``settings`` as a member of the model (`lasso.tolerance = 1e-8`).
    public subscript<Value>(dynamicMember key: WritableKeyPath<CoordinateDescentSettings, Value>) -> Value {
        get { elasticNet.settings[keyPath: key] }
        set { elasticNet.settings[keyPath: key] = newValue }
    }

    /// The lasso with the solver's ``settings``.
    public init(
        alpha: Double = 1, fitIntercept: Bool = true, standardize: Bool = false, positive: Bool = false,
        penaltyFactors: [Double]? = nil, settings: CoordinateDescentSettings
    ) {
        elasticNet = ElasticNet(alpha: alpha, l1Ratio: 1, fitIntercept: fitIntercept, standardize: standardize,
                                positive: positive, penaltyFactors: penaltyFactors, settings: settings)
    }

    /// The lasso with the solver's knobs one by one (see ``CoordinateDescentSettings``).
    public init(
        alpha: Double = 1, fitIntercept: Bool = true, standardize: Bool = false,
        tolerance: Double = ElasticNet.defaultTolerance, maximumIterations: Int = ElasticNet.defaultMaximumIterations,
        positive: Bool = false, penaltyFactors: [Double]? = nil, updateScheme: UpdateScheme = .automatic,
        screening: Bool = true, activeSetCycling: Bool = true, acceleration: Bool = true,
        singlePrecisionGram: Bool = true, singlePrecisionChecks: Bool = true
    ) {
        elasticNet = ElasticNet(alpha: alpha, l1Ratio: 1, fitIntercept: fitIntercept, standardize: standardize,
                                tolerance: tolerance, maximumIterations: maximumIterations, positive: positive,
                                penaltyFactors: penaltyFactors, updateScheme: updateScheme, screening: screening,
                                activeSetCycling: activeSetCycling, acceleration: acceleration,
                                singlePrecisionGram: singlePrecisionGram, singlePrecisionChecks: singlePrecisionChecks)
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
