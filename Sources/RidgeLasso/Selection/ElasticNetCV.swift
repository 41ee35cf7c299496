import LinearAlgebra

/// Elastic net (or lasso) with α — and the l1 ratio, from a list — chosen by K-fold
/// cross-validation along a regularization path, then refit on all rows.
///
/// For every l1 ratio r and α of the grid the model is
///
///     minimize (1/2n)‖y − Xw − b‖² + αr‖w‖₁ + (α(1 − r)/2)‖w‖²
///
/// (``ElasticNet``'s objective; sample weights sᵢ as there). The procedure is glmnet's
/// `cv.glmnet` (Friedman, Hastie & Tibshirani, J. Stat. Softw. 33, 2010):
///
/// 1. One α grid per l1 ratio, computed on the **full** data: ``alphaCount`` values log-spaced
///    from α_max = maxⱼ |xⱼᵀ(y − ȳ)|/(n r) down to ``epsilon``·α_max (or the given ``alphas``), so
///    every fold is scored at the same α.
/// 2. For each fold k, the warm-started path (``ElasticNet/path(_:_:alphas:count:epsilon:sampleWeights:)``)
///    on the rows outside k, and errₖ(α) = Σ_{i∈k} sᵢ(yᵢ − ŷᵢ)² / Σ_{i∈k} sᵢ on the rows of k.
/// 3. The mean and standard error over folds per α (``CrossValidationCurve``), α_min (lowest
///    mean) and α_1se (largest α within one standard error of it); ``rule`` picks one. With
///    several l1 ratios, the ratio whose curve has the lowest minimum mean error wins.
/// 4. The refit: the point at the chosen α of the warm-started path on all rows over the whole
///    grid (glmnet's `glmnet.fit`; computed for every l1 ratio, alongside the folds).
///
/// The K + 1 paths of every l1 ratio run in parallel on ``threads`` threads (default: all cores).
/// Each path is computed by one thread from start to end and results are combined in a fixed
/// order, so the output is bit-identical whatever the thread count.
///
/// Non-convergence is never hidden: every fold path's duality gaps, sweeps and converged flags
/// are in ``ElasticNetCVResult/foldDiagnostics``, and ``ElasticNetCVResult/allConverged`` sums
/// them up with the refit's.
public struct ElasticNetCV: Sendable {
    /// The l1 ratios r to try (each in [0, 1]; r = 0 needs explicit ``alphas``). Default [0.5].
    public var l1Ratios: [Double]
    /// An explicit α grid shared by every l1 ratio (any order; used descending), or `nil` for the
    /// default grid from the full data. Default nil.
    public var alphas: [Double]?
    /// Size of the default grid (default 100, as glmnet and scikit-learn).
    public var alphaCount: Int
    /// Ratio of the smallest to the largest α of the default grid (default 1e-3).
    public var epsilon: Double
    /// How rows are split (default: 5 shuffled folds, seed 0).
    public var folds: CrossValidationFolds
    /// Which α of the curve to keep (default: α_min).
    public var rule: SelectionRule
    /// The model every path fits: its penalty options (intercept, standardization, sign
    /// constraint, penalty factors) and its solver ``ElasticNet/settings``, speed switches
    /// included. Its `alpha` and `l1Ratio` are not used (the grid and ``l1Ratios`` set them).
    public var model: ElasticNet
    /// Fit an unpenalized intercept (default true).
    public var fitIntercept: Bool {
        get { model.fitIntercept }
        set { model.fitIntercept = newValue }
    }
    /// Penalize the coefficients of unit-variance columns (default false, as scikit-learn).
    public var standardize: Bool {
        get { model.standardize }
        set { model.standardize = newValue }
    }
    /// The path solver's stopping tolerance (default ``ElasticNet/defaultTolerance``).
    public var tolerance: Double {
        get { model.settings.tolerance }
        set { model.settings.tolerance = newValue }
    }
    /// The path solver's sweep budget per α (default ``ElasticNet/defaultMaximumIterations``).
    public var maximumIterations: Int {
        get { model.settings.maximumIterations }
        set { model.settings.maximumIterations = newValue }
    }
    /// Constrain coefficients to be ≥ 0 (default false).
    public var positive: Bool {
        get { model.positive }
        set { model.positive = newValue }
    }
    /// Per-feature penalty factors (default nil = all 1).
    public var penaltyFactors: [Double]? {
        get { model.penaltyFactors }
        set { model.penaltyFactors = newValue }
    }
    /// Threads for the fold paths (default nil = all cores). Results do not depend on it.
    public var threads: Int?

    /// Cross-validation of the elastic net with the penalty options and solver settings given
    /// one by one (the other knobs of ``CoordinateDescentSettings`` at their defaults).
    public init(
        l1Ratios: [Double] = [0.5], alphas: [Double]? = nil, alphaCount: Int = 100, epsilon: Double = 1e-3,
        folds: CrossValidationFolds = .shuffled(count: 5, seed: 0), rule: SelectionRule = .minimum,
        fitIntercept: Bool = true, standardize: Bool = false,
        tolerance: Double = ElasticNet.defaultTolerance,
        maximumIterations: Int = ElasticNet.defaultMaximumIterations,
        positive: Bool = false, penaltyFactors: [Double]? = nil, threads: Int? = nil
    ) {
        self.init(model: ElasticNet(fitIntercept: fitIntercept, standardize: standardize, tolerance: tolerance,
                                    maximumIterations: maximumIterations, positive: positive,
                                    penaltyFactors: penaltyFactors),
                  l1Ratios: l1Ratios, alphas: alphas, alphaCount: alphaCount, epsilon: epsilon, folds: folds,
                  rule: rule, threads: threads)
    }

    /// Cross-validation of `model` (its penalty options and every solver setting; its α and l1
    /// ratio are replaced by the grid and `l1Ratios`).
    public init(
        model: ElasticNet, l1Ratios: [Double] = [0.5], alphas: [Double]? = nil, alphaCount: Int = 100,
        epsilon: Double = 1e-3, folds: CrossValidationFolds = .shuffled(count: 5, seed: 0),
        rule: SelectionRule = .minimum, threads: Int? = nil
    ) {
        self.model = model
        self.l1Ratios = l1Ratios
        self.alphas = alphas
        self.alphaCount = alphaCount
        self.epsilon = epsilon
        self.folds = folds
        self.rule = rule
        self.threads = threads
    }

    /// ``model`` at l1 ratio `r` (α is set by each point of the grid).
    func estimator(l1Ratio r: Double) -> ElasticNet {
        var estimator = model
        estimator.alpha = 1
        estimator.l1Ratio = r
        return estimator
    }

    /// Cross-validates every (l1 ratio, α) and refits at the chosen pair.
    /// - Throws: ``RegressionError`` for bad data, weights, l1 ratios, grid, folds or threads,
    ///   and for a fold whose held-out or training rows all have zero weight. Never for slow
    ///   convergence (reported in the result).
    public func fit(_ x: Matrix, _ y: [Double], sampleWeights: [Double]? = nil) throws(RegressionError) -> ElasticNetCVResult {
        try Validation.design(x, y)
        return try crossValidate(x, y, sampleWeights: sampleWeights)
    }

    /// The procedure on either kind of X (its entries and y's shape already checked).
    func crossValidate<X: ElasticNetCVData>(
        _ x: X, _ y: [Double], sampleWeights: [Double]?
    ) throws(RegressionError) -> ElasticNetCVResult {
        try validate(rows: x.rows, sampleWeights)
        let assignment = try FoldAssignment(folds, rows: x.rows)
        let grids = try l1Ratios.map { (r: Double) throws(RegressionError) -> [Double] in try grid(x, y, sampleWeights, r) }
        let k = assignment.count, ratios = l1Ratios.count
        let settings = self
        let foldData = (0..<k).map { f in (train: assignment.trainingRows(f), test: assignment.testRows(f)) }
        for (f, rows) in foldData.enumerated() {
            let testWeight = rows.test.reduce(0.0) { $0 + (sampleWeights?[$1] ?? 1) }
            guard testWeight > 0 else { throw .invalidWeights("fold \(f) has zero total weight") }
            guard rows.train.contains(where: { (sampleWeights?[$0] ?? 1) > 0 }) else {
                throw .invalidWeights("the training rows of fold \(f) all have zero weight")
            }
        }

        // Per l1 ratio: the full-data path over the whole grid (glmnet's `glmnet.fit`, from which
        // the refit is read), then one path per fold. Full paths first: they are the longest tasks.
        let perRatio = k + 1
        let outcomes = try ParallelTasks.map(count: ratios * perRatio, threads: threads ?? ParallelTasks.defaultThreadCount) {
            (task: Int) throws(RegressionError) -> TaskOutcome in
            let r = task / perRatio, f = task % perRatio - 1
            guard f >= 0 else {
                return .full(try x.path(settings.estimator(l1Ratio: settings.l1Ratios[r]), y, alphas: grids[r],
                                        sampleWeights: sampleWeights))
            }
            return .fold(try settings.score(x, y, sampleWeights, l1Ratio: settings.l1Ratios[r], grid: grids[r],
                                            train: foldData[f].train, test: foldData[f].test))
        }
        return try result(outcomes, grids: grids, folds: assignment)
    }

    /// The curves, the chosen (l1 ratio, α) and the refit from the outcomes of the tasks (per l1
    /// ratio: the full path, then one score per fold).
    func result(_ outcomes: [TaskOutcome], grids: [[Double]], folds assignment: FoldAssignment) throws(RegressionError) -> ElasticNetCVResult {
        let ratios = l1Ratios.count, perRatio = assignment.count + 1
        var curves: [CrossValidationCurve] = []
        var diagnostics: [[FoldPathDiagnostics]] = []
        var fullPaths: [ElasticNetPath] = []
        for r in 0..<ratios {
            var scores: [FoldScore] = []
            for outcome in outcomes[(r * perRatio)..<((r + 1) * perRatio)] {
                switch outcome {
                case .full(let path): fullPaths.append(path)
                case .fold(let score): scores.append(score)
                }
            }
            curves.append(CrossValidationCurve(alphas: grids[r], foldErrors: scores.map(\.errors),
                                               foldWeights: scores.map(\.weight)))
            diagnostics.append(scores.map(\.diagnostics))
        }
        var best = 0
        for r in 1..<max(1, ratios) where curves[r].meanErrors[curves[r].indexOfMinimum]
            < curves[best].meanErrors[curves[best].indexOfMinimum] {
            best = r
        }
        let index = curves[best].index(for: rule) ?? curves[best].indexOfMinimum
        guard fullPaths.count == ratios, let model = fullPaths[best].model(at: index) else {
            throw .emptyData("the full-data path has no point \(index)")
        }
        return ElasticNetCVResult(
            l1Ratios: l1Ratios, curves: curves, foldDiagnostics: diagnostics, folds: assignment, rule: rule,
            indexOfChosenL1Ratio: best, indexOfChosenAlpha: index, model: model, fullPaths: fullPaths)
    }

    /// What one parallel task produced.
    enum TaskOutcome: Sendable {
        case full(ElasticNetPath)
        case fold(FoldScore)
    }

    /// Per-fold result: the held-out error at every α of the grid, the fold's weight, the path's health.
    struct FoldScore: Sendable {
        let errors: [Double]
        let weight: Double
        let diagnostics: FoldPathDiagnostics
    }

    /// The path on the training rows and its weighted mean squared error on the test rows.
    func score<X: ElasticNetCVData>(
        _ x: X, _ y: [Double], _ weights: [Double]?, l1Ratio: Double, grid: [Double],
        train: [Int], test: [Int]
    ) throws(RegressionError) -> FoldScore {
        let path = try x.selectingRows(train).path(
            estimator(l1Ratio: l1Ratio), train.map { y[$0] }, alphas: grid,
            sampleWeights: weights.map { w in train.map { w[$0] } })
        let a = path.count
        let predictions = try x.selectingRows(test).predictions(path.coefficients)
        let testWeights = test.map { weights?[$0] ?? 1 }
        let total = testWeights.reduce(0, +)
        var errors = [Double](repeating: 0, count: a)
        for k in 0..<a {
            var acc = 0.0
            for (r, row) in test.enumerated() {
                let e = y[row] - (predictions[r + k * test.count] + path.intercepts[k])
                acc += testWeights[r] * e * e
            }
            errors[k] = acc / total
        }
        return FoldScore(errors: errors, weight: total,
                         diagnostics: FoldPathDiagnostics(converged: path.converged, dualityGaps: path.dualityGaps,
                                                          iterations: path.iterations))
    }

    /// The descending α grid for l1 ratio `r`: the given one, or glmnet's default on the full data.
    func grid<X: ElasticNetCVData>(_ x: X, _ y: [Double], _ weights: [Double]?, _ r: Double) throws(RegressionError) -> [Double] {
        if let alphas { return alphas.sorted(by: >) }
        guard r > 0 else {
            throw .invalidParameter(name: "l1Ratio", value: r,
                                    requirement: "a default α grid needs l1Ratio > 0 (α_max is infinite for pure l2); pass explicit alphas")
        }
        let maximum = try x.alphaMax(estimator(l1Ratio: r), y, sampleWeights: weights)
        return AlphaGrid.logSpaced(maximum: maximum, count: alphaCount, epsilon: epsilon)
    }

    private func validate(rows: Int, _ weights: [Double]?) throws(RegressionError) {
        try Validation.weights(weights, rows: rows)
        try validateParameters()
    }

    /// The checks of the l1 ratios, grid, stopping rule and threads (the data's are made apart).
    func validateParameters() throws(RegressionError) {
        guard !l1Ratios.isEmpty else { throw .emptyData("the list of l1 ratios is empty") }
        for r in l1Ratios { try Validation.l1Ratio(r) }
        try Validation.tolerance(tolerance)
        try Validation.maximumIterations(maximumIterations)
        if let alphas {
            guard !alphas.isEmpty else { throw .emptyData("the list of alphas is empty") }
            for a in alphas { try Validation.alpha(a, name: "alphas") }
        } else {
            try Validation.gridCount(alphaCount, name: "alphaCount")
            guard epsilon.isFinite, epsilon > 0, epsilon < 1 else {
                throw .invalidParameter(name: "epsilon", value: epsilon, requirement: "must lie in (0, 1)")
            }
        }
        if let threads, threads < 1 {
            throw .invalidParameter(name: "threads", value: Double(threads), requirement: "must be ≥ 1")
        }
    }
}
