import LinearAlgebra

/// The lasso with α chosen by K-fold cross-validation along one path grid (glmnet's `cv.glmnet`
/// with alpha = 1; scikit-learn's `LassoCV`), then refit on all rows:
///
///     minimize (1/2n)‖y − Xw − b‖² + α‖w‖₁
///
/// It is ``ElasticNetCV`` with `l1Ratios = [1]`; see there for the grid, folds, the curve,
/// α_min / α_1se, parallelism and diagnostics.
public struct LassoCV: Sendable {
    /// The settings, with `l1Ratios == [1]`.
    public var elasticNetCV: ElasticNetCV

    /// Cross-validation of the lasso with `model`'s penalty options and every solver setting
    /// (its α is replaced by the grid).
    public init(
        model: Lasso, alphas: [Double]? = nil, alphaCount: Int = 100, epsilon: Double = 1e-3,
        folds: CrossValidationFolds = .shuffled(count: 5, seed: 0), rule: SelectionRule = .minimum,
        threads: Int? = nil
    ) {
        elasticNetCV = ElasticNetCV(model: model.elasticNet, l1Ratios: [1], alphas: alphas, alphaCount: alphaCount,
                                    epsilon: epsilon, folds: folds, rule: rule, threads: threads)
    }

    /// Cross-validation of the lasso with the penalty options and solver settings given one by one.
    public init(
        alphas: [Double]? = nil, alphaCount: Int = 100, epsilon: Double = 1e-3,
        folds: CrossValidationFolds = .shuffled(count: 5, seed: 0), rule: SelectionRule = .minimum,
        fitIntercept: Bool = true, standardize: Bool = false,
        tolerance: Double = ElasticNet.defaultTolerance,
        maximumIterations: Int = ElasticNet.defaultMaximumIterations,
        positive: Bool = false, penaltyFactors: [Double]? = nil, threads: Int? = nil
    ) {
        elasticNetCV = ElasticNetCV(
            l1Ratios: [1], alphas: alphas, alphaCount: alphaCount, epsilon: epsilon, folds: folds, rule: rule,
            fitIntercept: fitIntercept, standardize: standardize, tolerance: tolerance,
            maximumIterations: maximumIterations, positive: positive, penaltyFactors: penaltyFactors, threads: threads)
    }

    /// Cross-validates the lasso path and refits; see ``ElasticNetCV/fit(_:_:sampleWeights:)-(Matrix,_,_)``.
    public func fit(_ x: Matrix, _ y: [Double], sampleWeights: [Double]? = nil) throws(RegressionError) -> ElasticNetCVResult {
        try elasticNetCV.fit(x, y, sampleWeights: sampleWeights)
    }
}
