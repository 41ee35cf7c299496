import LinearAlgebra

extension ElasticNet {
    /// Fits at ``alpha`` from ``SufficientStatistics`` alone, by the covariance scheme on their
    /// Gram matrix (``StatisticsDesign``): the same objective as ``fit(_:_:sampleWeights:initialCoefficients:)``
    /// on the rows they summarize (weighted when they are), the same penalty options, the same
    /// stopping rule, so the same solution within the certified tolerance.
    ///
    /// The duality gap is formed from the statistics, and cannot be resolved below its rounding
    /// floor (``ElasticNetModel/dualityGapFloor``): a gap below it is reported as the floor.
    /// - Parameter target: which of the statistics' targets (0-based) to fit.
    /// - Throws: as ``fit(_:_:sampleWeights:initialCoefficients:)``, and
    ///   ``RegressionError/emptyData(_:)`` for statistics without a row of positive weight.
    /// - Complexity: O(p²) to form the Gram matrix, then p per coordinate update.
    public func fit(
        _ statistics: SufficientStatistics, target: Int = 0, initialCoefficients: [Double]? = nil
    ) throws(RegressionError) -> ElasticNetModel {
        try Validation.alpha(alpha)
        let setup = try prepare(statistics, target: target, initialCoefficients: initialCoefficients)
        return try fit(setup, initialCoefficients: initialCoefficients)
    }

    /// The path of ``path(_:_:alphas:count:epsilon:sampleWeights:)`` from ``SufficientStatistics``
    /// alone (see ``fit(_:target:initialCoefficients:)``): the default grid from the same α_max, so
    /// the same α values as on the rows.
    /// - Throws: as ``path(_:_:alphas:count:epsilon:sampleWeights:)`` and ``fit(_:target:initialCoefficients:)``.
    public func path(
        _ statistics: SufficientStatistics, target: Int = 0, alphas: [Double]? = nil, count: Int = 100,
        epsilon: Double = 1e-3
    ) throws(RegressionError) -> ElasticNetPath {
        let setup = try prepare(statistics, target: target, initialCoefficients: nil)
        return try path(setup, alphas: alphas, count: count, epsilon: epsilon, values: 0)
    }

    /// α_max of ``alphaMax(_:_:l1Ratio:fitIntercept:sampleWeights:positive:penaltyFactors:standardize:)``
    /// from ``SufficientStatistics`` alone.
    /// - Throws: as that function, and for statistics without a row of positive weight.
    public static func alphaMax(
        _ statistics: SufficientStatistics, target: Int = 0, l1Ratio: Double, fitIntercept: Bool = true,
        positive: Bool = false, penaltyFactors: [Double]? = nil, standardize: Bool = false
    ) throws(RegressionError) -> Double {
        guard l1Ratio > 0 || !l1Ratio.isFinite || l1Ratio < 0 else {
            throw .invalidParameter(name: "l1Ratio", value: l1Ratio, requirement: "α_max needs l1Ratio > 0 (it is infinite for pure l2)")
        }
        let model = ElasticNet(alpha: 1, l1Ratio: l1Ratio, fitIntercept: fitIntercept, standardize: standardize,
                               positive: positive, penaltyFactors: penaltyFactors)
        let setup = try model.prepare(statistics, target: target, initialCoefficients: nil)
        return try alphaMax(setup.design, l1Weights: setup.l1Weights, l1Ratio: l1Ratio)
    }

    /// Validates the parameters against the statistics and forms their design.
    func prepare(
        _ statistics: SufficientStatistics, target: Int, initialCoefficients: [Double]?
    ) throws(RegressionError) -> Setup<StatisticsDesign> {
        try validateParameters(columns: statistics.featureCount, initialCoefficients: initialCoefficients)
        let design = try StatisticsDesign(statistics, target: target, fitIntercept: fitIntercept)
        return try setup(design, xMean: design.xMean, yMean: design.yMean)
    }
}
