import LinearAlgebra

// The elastic net on compressed sparse columns: the same objective, options, stopping rule and
// results as on a dense X, with the centering and the weights implicit (``SparseDesign``), so X
// is never densified.
extension ElasticNet {
    /// Fits at ``alpha`` on sparse X, optionally warm-started from `initialCoefficients`:
    ///
    ///     minimize (1/2n)‖y − Xw − b‖² + αr‖w‖₁ + (α(1 − r)/2)‖w‖²
    ///
    /// exactly as ``fit(_:_:sampleWeights:initialCoefficients:)`` on `x.dense()`, including the
    /// certified duality gap. The intercept's centering x̃ⱼ = xⱼ − x̄ⱼ is never formed: every product
    /// and residual update over the nonzeros carries the mean part as a correction.
    /// - Throws: as the dense fit (X's values are finite by construction of ``SparseMatrix``).
    /// - Complexity: per sweep O(Σ nnzⱼ over the working set + n); memory the CSC arrays (plus one
    ///   copy of the values with sample weights) and O(n + p).
    public func fit(
        _ x: SparseMatrix, _ y: [Double], sampleWeights: [Double]? = nil, initialCoefficients: [Double]? = nil
    ) throws(RegressionError) -> ElasticNetModel {
        try Validation.alpha(alpha)
        let setup = try prepare(x, y, sampleWeights: sampleWeights, initialCoefficients: initialCoefficients)
        return try fit(setup, options: sparseOptions(x), initialCoefficients: initialCoefficients)
    }

    /// The warm-started path on sparse X; see ``path(_:_:alphas:count:epsilon:sampleWeights:)``
    /// (same grid, same results as on `x.dense()`).
    public func path(
        _ x: SparseMatrix, _ y: [Double], alphas: [Double]? = nil, count: Int = 100, epsilon: Double = 1e-3,
        sampleWeights: [Double]? = nil
    ) throws(RegressionError) -> ElasticNetPath {
        let setup = try prepare(x, y, sampleWeights: sampleWeights, initialCoefficients: nil)
        let grid = try pathGrid(setup, alphas: alphas, count: count, epsilon: epsilon)
        return try path(setup, grid: grid, options: sparseOptions(x))
    }

    /// α_max on sparse X; see ``alphaMax(_:_:l1Ratio:fitIntercept:sampleWeights:positive:penaltyFactors:standardize:)``.
    public static func alphaMax(
        _ x: SparseMatrix, _ y: [Double], l1Ratio: Double, fitIntercept: Bool = true, sampleWeights: [Double]? = nil,
        positive: Bool = false, penaltyFactors: [Double]? = nil, standardize: Bool = false
    ) throws(RegressionError) -> Double {
        let model = try alphaMaxModel(l1Ratio: l1Ratio, fitIntercept: fitIntercept, positive: positive,
                                      penaltyFactors: penaltyFactors, standardize: standardize)
        return try model.alphaMax(model.prepare(x, y, sampleWeights: sampleWeights, initialCoefficients: nil))
    }

    /// Validates everything and prepares the implicitly centered sparse design.
    func prepare(
        _ x: SparseMatrix, _ y: [Double], sampleWeights: [Double]?, initialCoefficients: [Double]?
    ) throws(RegressionError) -> Setup<SparseDesign> {
        try Validation.shape(x, y)
        try Validation.weights(sampleWeights, rows: x.rows)
        try validateParameters(columns: x.columns, initialCoefficients: initialCoefficients)
        let design = SparseDesign(x, y, weights: sampleWeights, fitIntercept: fitIntercept)
        return try setup(design, xMean: design.xMean, yMean: design.yMean)
    }

    /// The solver's switches for sparse X: the update scheme chosen by shape and density
    /// (``SparseDesign/scheme(_:for:)``); no single-precision copies (they would be dense).
    func sparseOptions(_ x: SparseMatrix) -> SolverOptions {
        var options = solverOptions
        options.scheme = SparseDesign.scheme(settings.updateScheme, for: x)
        return options
    }
}

extension Lasso {
    /// Fits at ``alpha`` on sparse X; see ``ElasticNet/fit(_:_:sampleWeights:initialCoefficients:)-(SparseMatrix,_,_,_)``.
    public func fit(
        _ x: SparseMatrix, _ y: [Double], sampleWeights: [Double]? = nil, initialCoefficients: [Double]? = nil
    ) throws(RegressionError) -> ElasticNetModel {
        try elasticNet.fit(x, y, sampleWeights: sampleWeights, initialCoefficients: initialCoefficients)
    }

    /// The lasso path on sparse X; see ``ElasticNet/path(_:_:alphas:count:epsilon:sampleWeights:)``.
    public func path(
        _ x: SparseMatrix, _ y: [Double], alphas: [Double]? = nil, count: Int = 100, epsilon: Double = 1e-3,
        sampleWeights: [Double]? = nil
    ) throws(RegressionError) -> ElasticNetPath {
        try elasticNet.path(x, y, alphas: alphas, count: count, epsilon: epsilon, sampleWeights: sampleWeights)
    }

    /// α_max = maxⱼ |x̃ⱼᵀ(y − ȳ)|/(n fⱼ) on sparse X.
    public static func alphaMax(
        _ x: SparseMatrix, _ y: [Double], fitIntercept: Bool = true, sampleWeights: [Double]? = nil,
        penaltyFactors: [Double]? = nil, standardize: Bool = false
    ) throws(RegressionError) -> Double {
        try ElasticNet.alphaMax(x, y, l1Ratio: 1, fitIntercept: fitIntercept, sampleWeights: sampleWeights,
                                penaltyFactors: penaltyFactors, standardize: standardize)
    }
}
