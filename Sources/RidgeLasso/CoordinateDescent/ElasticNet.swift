import LinearAlgebra
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Elastic-net regression by cyclic coordinate descent:
///
///     minimize (1/2n)‖y − Xw − b‖² + αr‖w‖₁ + (α(1 − r)/2)‖w‖²,   r = l1Ratio ∈ [0, 1]
///
/// (scikit-learn's `ElasticNet`; glmnet's gaussian family with λ = α, alpha = r on a target of unit
/// standard deviation). The intercept b is never penalized and is recovered by centering:
/// b = ȳ − x̄ᵀw. With sample weights sᵢ the data term is (1/2)Σᵢ vᵢ(yᵢ − xᵢᵀw − b)², vᵢ = sᵢ/Σs
/// (weights rescaled to sum to 1; the means are weighted). `penaltyFactors` fⱼ multiply each
/// feature's penalty (0 = never penalized); `positive` constrains w ≥ 0; `standardize` penalizes
/// the coefficients of the columns scaled to unit (1/n) standard deviation, and reports
/// coefficients on the original scale (see ``Standardization``); a constant column, which has no
/// scale, gets the coefficient 0 (as in glmnet).
///
/// **Stopping rule.** After a sweep over the working set has converged, the duality gap
/// P(w) − D(θ) (``DualityGap``) is computed from fresh correlations of all features; the fit stops
/// when
///
///     gap ≤ tolerance · max(P(w), 10⁻⁴ · P(0)),   P(0) = (1/2n)‖y − ȳ‖²
///
/// i.e. when the *relative* suboptimality (P(w) − P*)/P(w) is certified below `tolerance` (the
/// floor 10⁻⁴·P(0) only matters for objectives near 0, e.g. α ≈ 0 with an exact fit). This differs
/// from scikit-learn, whose `tol` is relative to (1/n)‖y − ȳ‖² and so leaves percent-level relative
/// errors at small α when the fit is good. The default 1e-6 therefore gives relative suboptimality
/// ≤ 1e-6 on every problem, not only the benchmark's. Tolerances down to 1e-12 are reachable, as
/// the gap is summed from non-negative terms without cancellation.
///
/// Reaching `maximumIterations` sweeps returns the current coefficients with `converged = false`
/// and their gap; it never throws.
///
/// **Speed machinery** (each switchable; the answer never depends on it): sequential strong rules
/// with a KKT check of every discarded feature (`screening`); sweeps restricted to the nonzero
/// coefficients between full sweeps (`activeSetCycling`); covariance or naive updates chosen by
/// shape (`updateScheme`, see ``UpdateScheme``); and (`acceleration`) Anderson extrapolation of
/// the active-set iterates, sign-fixed Newton steps on the active set and, along a path, a linear
/// predictor of the next point — each kept only when it lowers the objective.
///
/// Edge cases: a constant or all-zero column gets exactly 0 (never NaN); duplicated columns share
/// their coefficient without stalling; r = 0 is pure l2 (equal to ridge with α_ridge = nα);
/// α = 0 is least squares (with unpenalized features, the dual point is projected, see ``DualityGap``).
///
/// References: J. Friedman, T. Hastie, R. Tibshirani, *Regularization paths for generalized linear
/// models via coordinate descent*, J. Stat. Softw. 33 (2010); R. Tibshirani et al., *Strong rules
/// for discarding predictors in lasso-type problems*, JRSS-B 74 (2012); Q. Bertrand, M. Massias,
/// *Anderson acceleration of coordinate descent*, AISTATS (2021).
@dynamicMemberLookup
public struct ElasticNet: Sendable {
    /// The regularization strength α ≥ 0.
    public var alpha: Double
    /// The l1 ratio r ∈ [0, 1]: 1 is the lasso, 0 ridge with the 1/(2n) scaling. Default 0.5.
    public var l1Ratio: Double
    /// Fit an unpenalized intercept (by centering). Default true.
    public var fitIntercept: Bool
    /// Penalize the coefficients of unit-variance columns (glmnet's default; off here, as in
    /// scikit-learn). Coefficients are always reported on the original scale.
    public var standardize: Bool
    /// Constrain every coefficient to be ≥ 0. Default false.
    public var positive: Bool
    /// Per-feature penalty factors fⱼ ≥ 0 (nil = all 1).
    public var penaltyFactors: [Double]?
    /// The solver's settings: stopping rule and speed machinery. Each of them also reads and
    /// writes as a member of the model (`model.tolerance`, `model.screening`, …).
    public var settings: CoordinateDescentSettings

    /// A knob of ``settings`` as a member of the model (`model.tolerance = 1e-8`).
    public subscript<Value>(dynamicMember key: WritableKeyPath<CoordinateDescentSettings, Value>) -> Value {
        get { settings[keyPath: key] }
        set { settings[keyPath: key] = newValue }
    }

    /// Fewest values of X (n·p) for ``CoordinateDescentSettings/singlePrecisionChecks``: below it
    /// X stays in cache and a `dgemv` is as fast.
    public static let singlePrecisionChecksMinimumSize = 1 << 20

    /// Fewest features for ``CoordinateDescentSettings/singlePrecisionGram``: the Gram matrix saves
    /// n·p²/2 flops, each exact check costs two passes over X (2n·p numbers), so the saving covers
    /// the few checks of a fit only for wide enough X.
    public static let singlePrecisionMinimumColumns = 256

    /// The default stopping tolerance (``CoordinateDescentSettings/defaultTolerance``).
    public static let defaultTolerance = CoordinateDescentSettings.defaultTolerance
    /// The default budget of sweeps (``CoordinateDescentSettings/defaultMaximumIterations``).
    public static let defaultMaximumIterations = CoordinateDescentSettings.defaultMaximumIterations

    /// The model with its penalty and the solver's ``settings``.
    public init(
        alpha: Double = 1, l1Ratio: Double = 0.5, fitIntercept: Bool = true, standardize: Bool = false,
        positive: Bool = false, penaltyFactors: [Double]? = nil, settings: CoordinateDescentSettings
    ) {
        self.alpha = alpha
        self.l1Ratio = l1Ratio
        self.fitIntercept = fitIntercept
        self.standardize = standardize
        self.positive = positive
        self.penaltyFactors = penaltyFactors
        self.settings = settings
    }

    /// The model with its penalty and the solver's knobs one by one (see ``CoordinateDescentSettings``).
    public init(
        alpha: Double = 1, l1Ratio: Double = 0.5, fitIntercept: Bool = true, standardize: Bool = false,
        tolerance: Double = ElasticNet.defaultTolerance, maximumIterations: Int = ElasticNet.defaultMaximumIterations,
        positive: Bool = false, penaltyFactors: [Double]? = nil, updateScheme: UpdateScheme = .automatic,
        screening: Bool = true, activeSetCycling: Bool = true, acceleration: Bool = true,
        singlePrecisionGram: Bool = true, singlePrecisionChecks: Bool = true
    ) {
        self.init(alpha: alpha, l1Ratio: l1Ratio, fitIntercept: fitIntercept, standardize: standardize,
                  positive: positive, penaltyFactors: penaltyFactors,
                  settings: CoordinateDescentSettings(
                      tolerance: tolerance, maximumIterations: maximumIterations, updateScheme: updateScheme,
                      screening: screening, activeSetCycling: activeSetCycling, acceleration: acceleration,
                      singlePrecisionGram: singlePrecisionGram, singlePrecisionChecks: singlePrecisionChecks))
    }

    // MARK: - Fit

    /// Fits at ``alpha``, optionally warm-started from `initialCoefficients` (original scale).
    /// - Throws: ``RegressionError`` for empty, non-finite or mismatched data, α < 0, r ∉ [0, 1],
    ///   tolerance ≤ 0, maximumIterations < 1, bad weights or penalty factors, or a constant
    ///   column when standardizing. Never for slow convergence (see ``ElasticNetModel/converged``).
    public func fit(
        _ x: Matrix, _ y: [Double], sampleWeights: [Double]? = nil, initialCoefficients: [Double]? = nil
    ) throws(RegressionError) -> ElasticNetModel {
        try Validation.alpha(alpha)
        let setup = try prepare(x, y, sampleWeights: sampleWeights, initialCoefficients: initialCoefficients)
        return try fit(setup, initialCoefficients: initialCoefficients)
    }

    /// ``fit(_:_:sampleWeights:initialCoefficients:)`` on a prepared, validated design, with the
    /// solver options for its size.
    func fit<Design>(_ setup: Setup<Design>, initialCoefficients: [Double]?) throws(RegressionError) -> ElasticNetModel {
        var options = solverOptions
        options.singlePrecisionGram = settings.singlePrecisionGram && setup.design.columns >= Self.singlePrecisionMinimumColumns
        return try fit(setup, options: options, initialCoefficients: initialCoefficients)
    }

    /// The fit on a prepared design (dense, sparse or statistics), its inputs validated.
    func fit<Design>(
        _ setup: Setup<Design>, options: SolverOptions, initialCoefficients: [Double]?
    ) throws(RegressionError) -> ElasticNetModel {
        let penalty = ElasticNetPenalty(alpha: alpha, l1Ratio: l1Ratio, l1Weights: setup.l1Weights,
                                        l2Weights: setup.l2Weights, positive: positive)
        let solver = try CoordinateDescentSolver(design: setup.design, options: options,
                                                 initial: initialCoefficients)
        // From w = 0 at α ≥ α_max (computed exactly as ``alphaMax``), w = 0 is the solution: return it
        // exactly, whatever rounding the sweeps' own correlations would have.
        if initialCoefficients?.allSatisfy({ $0 == 0 }) ?? true,
           try ElasticNet.zeroIsSolution(setup, alpha: alpha, l1Ratio: l1Ratio) {
            return model(solver, setup, penalty, alpha, try solver.zeroOutcome(penalty: penalty, stopping: stopping))
        }
        var previous = ElasticNet.currentL1Strength(solver, weights: setup.l1Weights, positive: positive)
        // A cold naive-scheme fit far below α_max goes down a short path first (α_max·0.3ᵏ for
        // k = 1 … ⌊log(α_max/α)/log(1/0.3)⌋ − 1 at a loose tolerance, then α: a last step of
        // 3.3–11×), as glmnet recommends. The strong rule discards nothing at a step of 0.3
        // (2λ − λ′ < 0); what pays is that each step's active set is small and nearly right, so
        // its active-set cycling is cheap, where a direct fit would cycle on a wrong, large set.
        // Steps of 0.3 all the way down cost more than one last large step. The sweeps are counted.
        var warmUpIterations = 0
        let l1Max = previous
        if solver.scheme == .naive && settings.screening && settings.acceleration && initialCoefficients == nil && penalty.l1 > 0
            && l1Max > 10 * penalty.l1 {
            let steps = Int((log(l1Max / penalty.l1) / log(1 / Self.warmUpRatio)).rounded(.down))
            var loose = stopping
            loose.tolerance = max(settings.tolerance, Self.warmUpTolerance)
            let warmSolver = solver
            for k in 1..<max(steps, 1) where warmUpIterations < settings.maximumIterations {
                loose.maximumIterations = settings.maximumIterations - warmUpIterations
                let a = alpha * l1Max / penalty.l1 * pow(Self.warmUpRatio, Double(k))
                let step = ElasticNetPenalty(alpha: a, l1Ratio: l1Ratio, l1Weights: setup.l1Weights,
                                             l2Weights: setup.l2Weights, positive: positive)
                let outcome = try warmSolver.solve(penalty: step, previousL1: previous, stopping: loose)
                warmUpIterations += outcome.iterations
                previous = step.l1
            }
        }
        var remaining = stopping
        remaining.maximumIterations = max(1, settings.maximumIterations - warmUpIterations)
        var outcome = try solver.solve(penalty: penalty, previousL1: max(previous, penalty.l1), stopping: remaining)
        outcome.iterations += warmUpIterations
        return model(solver, setup, penalty, alpha, outcome)
    }

    /// Ratio between the α of successive warm-up steps of a cold single fit.
    static let warmUpRatio = 0.3
    /// Stopping tolerance of the warm-up steps (the final α uses ``tolerance``).
    static let warmUpTolerance = 1e-3

    // MARK: - Path

    /// Fits along a descending α sequence with warm starts.
    ///
    /// - Parameters:
    ///   - alphas: the α values (any order; fitted and returned in descending order). Default: a
    ///     ``AlphaGrid`` of `count` values from ``alphaMax(_:_:l1Ratio:fitIntercept:sampleWeights:positive:penaltyFactors:standardize:)``
    ///     down to `epsilon`·α_max.
    ///   - count: grid size (default 100). - epsilon: grid ratio α_min/α_max (default 1e-3).
    /// - Throws: as ``fit(_:_:sampleWeights:initialCoefficients:)``; also for a default grid when
    ///   r = 0 (α_max is infinite: pass explicit alphas), count ∉ [1, ``AlphaGrid/maximumCount``],
    ///   ε ∉ (0, 1), or an α_max that overflows (r too small).
    public func path(
        _ x: Matrix, _ y: [Double], alphas: [Double]? = nil, count: Int = 100, epsilon: Double = 1e-3,
        sampleWeights: [Double]? = nil
    ) throws(RegressionError) -> ElasticNetPath {
        let setup = try prepare(x, y, sampleWeights: sampleWeights, initialCoefficients: nil)
        return try path(setup, alphas: alphas, count: count, epsilon: epsilon, values: x.rows * x.columns)
    }

    /// ``path(_:_:alphas:count:epsilon:sampleWeights:)`` on a prepared, validated design with
    /// `values` = n·p entries of X (0 without rows).
    func path<Design>(
        _ setup: Setup<Design>, alphas: [Double]?, count: Int, epsilon: Double, values: Int
    ) throws(RegressionError) -> ElasticNetPath {
        let grid = try pathGrid(setup, alphas: alphas, count: count, epsilon: epsilon)
        var options = solverOptions
        options.singlePrecisionChecks = settings.singlePrecisionChecks && grid.count >= 2
            && values >= Self.singlePrecisionChecksMinimumSize
        return try path(setup, grid: grid, options: options)
    }

    /// The descending α grid of a path: `alphas` sorted, or `count` values from α_max down to
    /// `epsilon`·α_max; validated.
    func pathGrid<Design>(
        _ setup: Setup<Design>, alphas: [Double]?, count: Int, epsilon: Double
    ) throws(RegressionError) -> [Double] {
        var grid: [Double]
        if let alphas {
            guard !alphas.isEmpty else { throw .emptyData("the list of alphas is empty") }
            for value in alphas { try Validation.alpha(value, name: "alphas") }
            grid = alphas.sorted(by: >)
        } else {
            guard l1Ratio > 0 else {
                throw .invalidParameter(name: "l1Ratio", value: l1Ratio,
                                        requirement: "a default α grid needs l1Ratio > 0 (α_max is infinite for pure l2); pass explicit alphas")
            }
            try Validation.gridCount(count, name: "count")
            guard epsilon.isFinite, epsilon > 0, epsilon < 1 else {
                throw .invalidParameter(name: "epsilon", value: epsilon, requirement: "must lie in (0, 1)")
            }
            let maximum = try ElasticNet.alphaMax(setup.design, l1Weights: setup.l1Weights, l1Ratio: l1Ratio)
            grid = AlphaGrid.logSpaced(maximum: maximum, count: count, epsilon: epsilon)
        }
        return grid
    }

    /// The warm-started path over `grid` (descending) on a prepared design (dense, sparse or
    /// statistics).
    func path<Design>(
        _ setup: Setup<Design>, grid: [Double], options: SolverOptions
    ) throws(RegressionError) -> ElasticNetPath {
        let solver = try CoordinateDescentSolver(design: setup.design, options: options, initial: nil)
        // A covariance-scheme path that goes 10× below its start will need most Gram columns:
        // one dsyrk for all of them costs half the flops of growing the cache batch by batch, and
        // reads X once.
        if solver.scheme == .covariance, let first = grid.first, let last = grid.last, last < 0.1 * first {
            try solver.ensureCached(Array(0..<setup.design.columns))
        }
        var previous = ElasticNet.currentL1Strength(solver, weights: setup.l1Weights, positive: positive)
        var intercepts: [Double] = [], coefficients: [[Double]] = [], gaps: [Double] = []
        var iterations: [Int] = [], converged: [Bool] = [], objectives: [Double] = [], floors: [Double] = []
        // Leading α ≥ α_max (w = 0 still): exact zeros, as in ``fit(_:_:sampleWeights:initialCoefficients:)``.
        let zeroBelow = try ElasticNet.zeroThreshold(setup, l1Ratio: l1Ratio)
        var atZero = true
        for (k, a) in grid.enumerated() {
            let penalty = ElasticNetPenalty(alpha: a, l1Ratio: l1Ratio, l1Weights: setup.l1Weights,
                                            l2Weights: setup.l2Weights, positive: positive)
            if atZero, let threshold = zeroBelow, a >= threshold {
                let m = model(solver, setup, penalty, a, try solver.zeroOutcome(penalty: penalty, stopping: stopping))
                intercepts.append(m.intercept); coefficients.append(m.coefficients); gaps.append(m.dualityGap)
                iterations.append(m.iterations); converged.append(m.converged); objectives.append(m.objective)
                floors.append(m.dualityGapFloor ?? 0)
                continue
            }
            atZero = false
            // Warm start, improved by linear extrapolation of the last two points when that lowers
            // the objective (the path is piecewise linear in α for the lasso, smooth for r < 1).
            if settings.acceleration && k >= 2 && grid[k - 2] > grid[k - 1] {
                let ratio = (grid[k - 1] - a) / (grid[k - 2] - grid[k - 1])
                let last = coefficients[k - 1], before = coefficients[k - 2]
                var delta = [Double](repeating: 0, count: last.count)
                for j in 0..<last.count { delta[j] = (last[j] - before[j]) * ratio }
                _ = solver.tryPrediction(delta, penalty: penalty)
            }
            let outcome = try solver.solve(penalty: penalty, previousL1: max(previous, penalty.l1), stopping: stopping)
            previous = penalty.l1
            let m = model(solver, setup, penalty, a, outcome)
            intercepts.append(m.intercept); coefficients.append(m.coefficients); gaps.append(m.dualityGap)
            iterations.append(m.iterations); converged.append(m.converged); objectives.append(m.objective)
            floors.append(m.dualityGapFloor ?? 0)
        }
        return ElasticNetPath(l1Ratio: l1Ratio, alphas: grid, intercepts: intercepts, coefficients: coefficients,
                              dualityGaps: gaps, iterations: iterations, converged: converged, objectives: objectives,
                              dualityGapFloors: setup.design.rowLevel == nil ? floors : nil)
    }

    // MARK: - α_max

    /// The smallest α whose solution is w = 0 (apart from features with penalty factor 0):
    ///
    ///     α_max = maxⱼ |xⱼᵀ(y − ȳ)| / (n r fⱼ)
    ///
    /// (weighted: |Σᵢ vᵢ xᵢⱼ(yᵢ − ȳ)|; without an intercept nothing is centered; with
    /// standardization fⱼ is multiplied by the column's standard deviation; when some fⱼ = 0 the
    /// residual is that of least squares on those features). Uses |·| also when `positive` (then
    /// it is an upper bound). 0 for a constant target.
    /// - Throws: invalid inputs as in ``fit(_:_:sampleWeights:initialCoefficients:)``, and
    ///   `l1Ratio = 0` (α_max is infinite).
    public static func alphaMax(
        _ x: Matrix, _ y: [Double], l1Ratio: Double, fitIntercept: Bool = true, sampleWeights: [Double]? = nil,
        positive: Bool = false, penaltyFactors: [Double]? = nil, standardize: Bool = false
    ) throws(RegressionError) -> Double {
        let model = try alphaMaxModel(l1Ratio: l1Ratio, fitIntercept: fitIntercept, positive: positive,
                                      penaltyFactors: penaltyFactors, standardize: standardize)
        return try model.alphaMax(model.prepare(x, y, sampleWeights: sampleWeights, initialCoefficients: nil))
    }

    /// The model whose α_max the public functions compute; refuses l1Ratio = 0 (α_max is infinite).
    static func alphaMaxModel(
        l1Ratio: Double, fitIntercept: Bool, positive: Bool, penaltyFactors: [Double]?, standardize: Bool
    ) throws(RegressionError) -> ElasticNet {
        guard l1Ratio > 0 || !l1Ratio.isFinite || l1Ratio < 0 else {
            throw .invalidParameter(name: "l1Ratio", value: l1Ratio, requirement: "α_max needs l1Ratio > 0 (it is infinite for pure l2)")
        }
        return ElasticNet(alpha: 1, l1Ratio: l1Ratio, fitIntercept: fitIntercept, standardize: standardize,
                          positive: positive, penaltyFactors: penaltyFactors)
    }

    /// α_max of a prepared problem at this model's l1 ratio.
    func alphaMax<Design: CoordinateDescentDesign>(_ setup: Setup<Design>) throws(RegressionError) -> Double {
        try ElasticNet.alphaMax(setup.design, l1Weights: setup.l1Weights, l1Ratio: l1Ratio)
    }

    static func alphaMax<Design: CoordinateDescentStatistics>(
        _ design: Design, l1Weights a: [Double], l1Ratio: Double
    ) throws(RegressionError) -> Double {
        var s = design.correlations0
        for j in 0..<s.count where design.curvature[j] == 0 { s[j] = 0 }
        let unpenalized = (0..<a.count).filter { a[$0] == 0 && design.curvature[$0] > 0 }
        if !unpenalized.isEmpty, let projection = try UnpenalizedProjection(features: unpenalized, design: design) {
            _ = s.withUnsafeMutableBufferPointer { projection.project($0.baseAddress!) }
        }
        var best = 0.0
        for j in 0..<s.count where a[j] > 0 { best = max(best, abs(s[j]) / a[j]) }
        let maximum = best / l1Ratio
        guard maximum.isFinite else {
            throw .overflow("α_max = maxⱼ |xⱼᵀ(y − ȳ)|/(n r) exceeds the largest Double for l1Ratio = \(l1Ratio); use a larger l1Ratio or explicit alphas")
        }
        return maximum
    }

    /// α_max of the prepared problem when w = 0 is the solution for every α ≥ α_max (no feature
    /// with a zero l1 weight, r > 0), else nil. Computed by the same arithmetic as ``alphaMax``, so
    /// a fit at exactly the reported α_max gives exact zeros on any BLAS.
    static func zeroThreshold<Design>(_ setup: Setup<Design>, l1Ratio: Double) throws(RegressionError) -> Double? {
        guard l1Ratio > 0 else { return nil }
        for j in 0..<setup.l1Weights.count where setup.l1Weights[j] == 0 && setup.design.curvature[j] > 0 { return nil }
        return try alphaMax(setup.design, l1Weights: setup.l1Weights, l1Ratio: l1Ratio)
    }

    /// Whether w = 0 solves the problem at `alpha` (see ``zeroThreshold(_:l1Ratio:)``).
    static func zeroIsSolution<Design>(_ setup: Setup<Design>, alpha: Double, l1Ratio: Double) throws(RegressionError) -> Bool {
        guard let threshold = try zeroThreshold(setup, l1Ratio: l1Ratio) else { return false }
        return alpha >= threshold
    }

    // MARK: - Shared setup

    /// A validated problem: the design, the penalty weights (``Standardization``) and the means
    /// that give the intercept b = ȳ − x̄ᵀw.
    struct Setup<Design: CoordinateDescentStatistics> {
        let design: Design
        let l1Weights: [Double]
        let l2Weights: [Double]
        let xMean: [Double]
        let yMean: Double
    }

    /// The solver's switches from ``settings`` (the single-precision ones decided per call).
    var solverOptions: SolverOptions {
        SolverOptions(scheme: settings.updateScheme, screening: settings.screening,
                      activeSetCycling: settings.activeSetCycling, acceleration: settings.acceleration)
    }

    /// The stopping rule of every solve (a cold fit's warm-up steps loosen it).
    var stopping: StoppingRule { settings.stopping }

    /// Validates everything (in one place, before any computation) and prepares the design.
    func prepare(
        _ x: Matrix, _ y: [Double], sampleWeights: [Double]?, initialCoefficients: [Double]?
    ) throws(RegressionError) -> Setup<PreparedDesign> {
        // X's entries are checked for NaN/Inf in PreparedDesign's pass over X (or here, before
        // the weighted copy is made): one read of X fewer.
        try Validation.shape(x, y)
        try Validation.weights(sampleWeights, rows: x.rows)
        if sampleWeights != nil, let (i, j) = x.firstNonFinite() { throw .nonFinite(input: "X", row: i, column: j) }
        try validateParameters(columns: x.columns, initialCoefficients: initialCoefficients)
        let design = try PreparedDesign(x, y, weights: sampleWeights, fitIntercept: fitIntercept)
        return try setup(design, xMean: design.xMean, yMean: design.yMean)
    }

    /// The penalty weights of `design` (after ``Validation/secondMoments(columnSquares:targetSquares:)``).
    func setup<Design>(_ design: Design, xMean: [Double], yMean: Double) throws(RegressionError) -> Setup<Design> {
        try Validation.secondMoments(columnSquares: design.curvature, targetSquares: design.yy)
        let weights = try Standardization.penaltyWeights(design: design, factors: penaltyFactors, standardize: standardize)
        return Setup(design: design, l1Weights: weights.l1, l2Weights: weights.l2, xMean: xMean, yMean: yMean)
    }

    /// The checks of the model's parameters against a problem of `columns` features.
    func validateParameters(columns: Int, initialCoefficients: [Double]?) throws(RegressionError) {
        try Validation.l1Ratio(l1Ratio)
        try Validation.tolerance(settings.tolerance)
        try Validation.maximumIterations(settings.maximumIterations)
        if let f = penaltyFactors {
            guard f.count == columns else {
                throw .dimensionMismatch("X has \(columns) columns but there are \(f.count) penalty factors")
            }
            for (j, value) in f.enumerated() where !(value.isFinite && value >= 0) {
                throw .invalidParameter(name: "penaltyFactors[\(j)]", value: value, requirement: "must be finite and ≥ 0")
            }
        }
        if let w0 = initialCoefficients {
            guard w0.count == columns else {
                throw .dimensionMismatch("X has \(columns) columns but there are \(w0.count) initial coefficients")
            }
            if let j = w0.firstIndex(where: { !$0.isFinite }) {
                throw .nonFinite(input: "initialCoefficients", row: j, column: 0)
            }
            if positive, let j = w0.firstIndex(where: { $0 < 0 }) {
                throw .invalidParameter(name: "initialCoefficients[\(j)]", value: w0[j], requirement: "must be ≥ 0 when positive")
            }
        }
    }

    /// maxⱼ |ρⱼ|/aⱼ at the solver's current point: the l1 strength at which the current correlations
    /// would be a solution (the reference for the strong rule of the first solve).
    static func currentL1Strength<Design>(_ solver: CoordinateDescentSolver<Design>, weights a: [Double], positive: Bool) -> Double {
        var best = 0.0
        for j in 0..<a.count where a[j] > 0 && solver.curvature[j] > 0 {
            let value = positive ? solver.rho[j] : abs(solver.rho[j])
            best = max(best, value / a[j])
        }
        return best
    }

    func model<Design>(
        _ solver: CoordinateDescentSolver<Design>, _ setup: Setup<Design>, _ penalty: ElasticNetPenalty, _ a: Double,
        _ outcome: CoordinateDescentOutcome
    ) -> ElasticNetModel {
        let w = solver.coefficients
        var dot = 0.0
        for j in 0..<w.count { dot += setup.xMean[j] * w[j] }
        let intercept = fitIntercept ? setup.yMean - dot : 0
        let objective = 0.5 * solver.residualNormSquared + penalty.value(w)
        // From statistics alone the gap cannot be resolved below its rounding floor: a smaller
        // computed gap is reported as the floor, and the fit as converged only if the floor
        // itself meets the stopping rule.
        var gap = outcome.dualityGap, converged = outcome.converged
        let floor = setup.design.dualityGapFloor(coefficients: w)
        if let floor {
            gap = max(gap, floor)
            converged = converged && floor <= settings.tolerance * max(objective, 1e-4 * 0.5 * setup.design.yy)
        }
        return ElasticNetModel(coefficients: w, intercept: intercept, alpha: a, l1Ratio: l1Ratio,
                               iterations: outcome.iterations, dualityGap: gap,
                               converged: converged, objective: objective, dualityGapFloor: floor)
    }
}
