import LinearAlgebra
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How ``RidgeCV`` scores each α.
public enum RidgeSelectionCriterion: Sendable, Equatable, Hashable {
    /// Exact leave-one-out: mean of sᵢ(eᵢ/(1 − Hᵢᵢ))² over Σ sᵢ, from one eigendecomposition.
    case leaveOneOut
    /// Generalized cross-validation (Σ sᵢeᵢ²/Σ sᵢ) / (1 − tr H/n⁺)², from the same
    /// eigendecomposition without a second pass over X.
    case generalizedCrossValidation
    /// K-fold cross-validation: one eigendecomposition per training set, weighted mean squared
    /// error on each held-out fold.
    case kFold(CrossValidationFolds)
}

/// Ridge regression with α chosen from a list by exact leave-one-out, generalized
/// cross-validation or K-fold cross-validation, then refit on all rows.
///
/// For every α in ``alphas`` the model is the ridge solution (scikit-learn's convention)
///
///     minimize Σᵢ sᵢ(yᵢ − xᵢᵀw − b)² + α‖w‖²,
///
/// with the intercept b unpenalized (omitted when `fitIntercept` is false) and sample weights sᵢ
/// (1 by default). The whole α list costs one eigendecomposition of X̃ᵀX̃ (p × p) or of X̃X̃ᵀ
/// (n × n), whichever is smaller, X̃ the weighted, centered design:
///
/// - leave-one-out error  LOO(α) = Σᵢ sᵢ rᵢ² / Σᵢ sᵢ,  rᵢ = eᵢ / (1 − Hᵢᵢ(α)),
///   the exact residual of row i under the model fitted without row i (Allen, "The relationship
///   between variable selection and data augmentation", Technometrics 16, 1974). The intercept is
///   inside H (Hᵢᵢ includes sᵢ/Σs), so it is refitted in every leave-one-out model as well.
/// - GCV(α) = (Σᵢ sᵢeᵢ²/Σᵢ sᵢ) / (1 − tr H(α)/n⁺)² (Golub, Heath & Wahba 1979), n⁺ the rows of
///   positive weight.
///
/// The standard error of the LOO error treats each row as a fold (see ``CrossValidationCurve``),
/// so ``SelectionRule/oneStandardError`` works with leave-one-out too; GCV has no standard error
/// and always picks its minimum.
///
/// Several targets share the decomposition; each gets its own α when ``alphaPerTarget`` is true,
/// otherwise all take the α minimizing the error averaged over targets (scikit-learn's default;
/// with ``SelectionRule/oneStandardError`` the standard errors are averaged too).
///
/// ``evaluate(_:targets:sampleWeights:)`` does the choosing; ``fit(_:targets:sampleWeights:)``
/// then refits each target on all rows with ``Ridge``'s solver at its α (so the model carries
/// Ridge's solver choice and condition estimate). When every target shares one α, the primal
/// form's Gram and cross products, formed once for the eigendecomposition, are reused by the
/// Cholesky refit: LOO or GCV plus the refit then cost one pass over X for the Gram matrix (and,
/// for LOO, one for the rows of X̃V).
public struct RidgeCV: Sendable {
    /// The candidate α (each finite and > 0). Errors are reported in this order.
    public var alphas: [Double]
    /// Whether to fit an unpenalized intercept (default true).
    public var fitIntercept: Bool
    /// How α is scored (default: exact leave-one-out).
    public var criterion: RidgeSelectionCriterion
    /// Which α of the curve to keep (default: α_min).
    public var rule: SelectionRule
    /// Whether each target gets its own α (default false: one α for all targets).
    public var alphaPerTarget: Bool
    /// Whether to return every row's leave-one-out residual for every α (n × A per target; default
    /// false to save memory).
    public var storeLeaveOneOutResiduals: Bool
    /// Threads for K-fold (default: all cores). Results do not depend on it.
    public var threads: Int?
    /// The solver of the final refit at the chosen α (default ``RidgeSolver/automatic``: Cholesky when
    /// safe, otherwise QR or SVD, exactly as ``Ridge``).
    public var solver: RidgeSolver

    /// The settings; each parameter sets the property of the same name (defaults as listed there).
    public init(
        alphas: [Double],
        fitIntercept: Bool = true,
        criterion: RidgeSelectionCriterion = .leaveOneOut,
        rule: SelectionRule = .minimum,
        alphaPerTarget: Bool = false,
        storeLeaveOneOutResiduals: Bool = false,
        threads: Int? = nil,
        solver: RidgeSolver = .automatic
    ) {
        self.alphas = alphas
        self.fitIntercept = fitIntercept
        self.criterion = criterion
        self.rule = rule
        self.alphaPerTarget = alphaPerTarget
        self.storeLeaveOneOutResiduals = storeLeaveOneOutResiduals
        self.threads = threads
        self.solver = solver
    }

    /// `count` values spaced evenly in log scale from `maximum` down to `minimum` (both included).
    public static func logarithmicGrid(minimum: Double, maximum: Double, count: Int) -> [Double] {
        guard count > 1, minimum > 0, maximum > minimum else { return [maximum] }
        let lo = log(minimum), hi = log(maximum)
        let step = (hi - lo) / Double(count - 1)
        return (0..<count).map { k in k == 0 ? maximum : k == count - 1 ? minimum : exp(hi - step * Double(k)) }
    }

    /// A default α grid scaled to the data: `count` values log-spaced from 10⁴·t down to
    /// 10⁻⁶·t, where t = tr(X̃ᵀX̃)/p is the mean eigenvalue of the weighted, centered Gram matrix
    /// (α = t halves a direction of average variance). The grid spans "all shrunk to zero" to
    /// "almost least squares" whatever the units of X; it reaches further down than up because
    /// columns of small variance need α far below the mean eigenvalue.
    /// - Throws: ``RegressionError`` for empty or non-finite X, bad weights, or count outside
    ///   [1, ``AlphaGrid/maximumCount``], and
    ///   ``RegressionError/singular(_:)`` when every column is constant (t = 0).
    public static func defaultAlphas(
        for x: Matrix, sampleWeights: [Double]? = nil, fitIntercept: Bool = true, count: Int = 100
    ) throws(RegressionError) -> [Double] {
        try Validation.design(x)
        try Validation.weights(sampleWeights, rows: x.rows)
        try Validation.gridCount(count, name: "count")
        let means = fitIntercept ? Centering.means(x, weights: sampleWeights) : [Double](repeating: 0, count: x.columns)
        var trace = 0.0
        for j in 0..<x.columns {
            for i in 0..<x.rows {
                let d = x[i, j] - means[j]
                trace += (sampleWeights?[i] ?? 1) * d * d
            }
        }
        let t = trace / Double(x.columns)
        guard t.isFinite else { throw .overflow("tr(XcᵀXc) exceeds the largest Double: no α scale; rescale X") }
        guard t > 0 else { throw .singular("every column of X is constant: no α scale") }
        return logarithmicGrid(minimum: 1e-6 * t, maximum: 1e4 * t, count: count)
    }

    /// Chooses α for the target `y` and refits.
    /// - Throws: ``RegressionError`` for bad data, weights, α list or folds (see ``Validation``).
    public func fit(_ x: Matrix, _ y: [Double], sampleWeights: [Double]? = nil) throws(RegressionError) -> RidgeCVResult {
        let ym = try la { () throws(LinearAlgebraError) in try Matrix(rows: y.count, columns: 1, columnMajor: y) }
        try Validation.design(x, y)
        return try fit(x, targets: ym, sampleWeights: sampleWeights)[0]
    }

    /// Chooses α for every column of `targets` (one eigendecomposition for all) and refits each
    /// target with ``Ridge`` at its α.
    /// - Returns: one result per target, in column order.
    public func fit(_ x: Matrix, targets y: Matrix, sampleWeights: [Double]? = nil) throws(RegressionError) -> [RidgeCVResult] {
        let (evaluation, spectrum) = try evaluateKeepingSpectrum(x, targets: y, sampleWeights: sampleWeights, forRefit: true)
        var models = [RidgeModel?](repeating: nil, count: y.columns)
        let groups = Set(evaluation.indicesOfChosenAlpha).sorted()
        for index in groups {
            let columns = (0..<y.columns).filter { evaluation.indicesOfChosenAlpha[$0] == index }
            let fitted: [RidgeModel]
            if groups.count == 1, let products = spectrum?.crossProducts, solver == .automatic || solver == .cholesky {
                // One α for every target: the refit starts from the Gram and cross products that
                // the eigendecomposition was made from (the same arithmetic as Ridge's own), so
                // a Cholesky refit costs one p × p factorization, not another pass over X.
                let data = RidgeData(x: x, y: y, weights: Self.effectiveWeights(sampleWeights), fitIntercept: fitIntercept)
                data.adoptCrossProducts(products)
                var engine = RidgeFit(data: data, solver: solver)
                fitted = try engine.models(alpha: alphas[index], last: true)
            } else {
                fitted = try Ridge(alpha: alphas[index], fitIntercept: fitIntercept, solver: solver)
                    .fit(x, targets: y.selectingColumns(columns), sampleWeights: sampleWeights)
            }
            for (k, t) in columns.enumerated() { models[t] = fitted[k] }
        }
        return try (0..<y.columns).map { (t: Int) throws(RegressionError) -> RidgeCVResult in
            guard let model = models[t] else { throw .emptyData("no model was refitted for target \(t)") }
            return RidgeCVResult(target: t, evaluation: evaluation, model: model)
        }
    }

    /// Scores every α for every column of `targets` and picks α by ``rule``, without the final
    /// refit: the whole cost of choosing α (one eigendecomposition for LOO and GCV).
    /// - Throws: ``RegressionError`` for bad data, weights, α list, folds or threads.
    public func evaluate(_ x: Matrix, targets y: Matrix, sampleWeights: [Double]? = nil) throws(RegressionError) -> RidgeCVEvaluation {
        try evaluateKeepingSpectrum(x, targets: y, sampleWeights: sampleWeights, forRefit: false).evaluation
    }

    /// Weights as the decompositions take them: nil when every weight is 1.
    static func effectiveWeights(_ sampleWeights: [Double]?) -> [Double]? {
        sampleWeights.flatMap { w in w.allSatisfy { $0 == 1 } ? nil : w }
    }

    /// ``evaluate(_:targets:sampleWeights:)``, also returning the eigendecomposition it made
    /// (LOO and GCV; nil for K-fold), holding the Gram matrix for the refit when `forRefit`.
    private func evaluateKeepingSpectrum(
        _ x: Matrix, targets y: Matrix, sampleWeights: [Double]?, forRefit: Bool
    ) throws(RegressionError) -> (evaluation: RidgeCVEvaluation, spectrum: RidgeSpectrum?) {
        try Validation.design(x, targets: y)
        try Validation.weights(sampleWeights, rows: x.rows)
        try validateAlphas()
        if let threads { guard threads >= 1 else {
            throw .invalidParameter(name: "threads", value: Double(threads), requirement: "must be ≥ 1")
        } }
        let weights = Self.effectiveWeights(sampleWeights)
        let t = y.columns, a = alphas.count

        var curves: [CrossValidationCurve] = []
        var gcv: [[Double]]? = nil
        var looResiduals: [Matrix]? = nil
        var dfs: [Double]? = nil
        var kept: RidgeSpectrum? = nil

        switch criterion {
        case .leaveOneOut, .generalizedCrossValidation:
            let spectrum = try RidgeSpectrum(x: x, y: y, weights: weights, fitIntercept: fitIntercept,
                                             keepingCrossProducts: forRefit)
            dfs = alphas.map { spectrum.degreesOfFreedom(alpha: $0) }
            kept = spectrum
            if criterion == .leaveOneOut {
                let scores = try spectrum.leaveOneOut(alphas: alphas, storeResiduals: storeLeaveOneOutResiduals)
                let g = spectrum.generalizedCrossValidation(alphas: alphas, rss: scores.residualSumsOfSquares)
                gcv = (0..<t).map { Array(g[($0 * a)..<($0 * a + a)]) }
                looResiduals = scores.residuals
                curves = (0..<t).map { tt in
                    CrossValidationCurve(alphas: alphas,
                                         meanErrors: Array(scores.meanSquaredErrors[(tt * a)..<(tt * a + a)]),
                                         standardErrors: Array(scores.standardErrors[(tt * a)..<(tt * a + a)]))
                }
            } else {
                let g = spectrum.generalizedCrossValidation(alphas: alphas)
                let perTarget = (0..<t).map { Array(g[($0 * a)..<($0 * a + a)]) }
                gcv = perTarget
                curves = perTarget.map { CrossValidationCurve(alphas: alphas, meanErrors: $0, standardErrors: nil) }
            }
        case .kFold(let folds):
            curves = try kFoldCurves(x, y, weights: weights, folds: folds)
        }

        let chosen = chooseAlphas(curves)
        let evaluation = RidgeCVEvaluation(criterion: criterion, rule: rule, curves: curves,
                                           generalizedCrossValidation: gcv, degreesOfFreedom: dfs,
                                           leaveOneOutResiduals: looResiduals, indicesOfChosenAlpha: chosen)
        return (evaluation, kept)
    }

    /// The index of the α of every target: each its own (``alphaPerTarget``, or one target), or
    /// one for all from the curve averaged over targets (standard errors averaged too).
    func chooseAlphas(_ curves: [CrossValidationCurve]) -> [Int] {
        let t = curves.count, a = alphas.count
        if alphaPerTarget || t == 1 {
            return curves.map { $0.index(for: rule) ?? $0.indexOfMinimum }
        }
        var mean = [Double](repeating: 0, count: a)
        var se: [Double]? = curves[0].standardErrors == nil ? nil : [Double](repeating: 0, count: a)
        for c in curves {
            for i in 0..<a {
                mean[i] += c.meanErrors[i] / Double(t)
                if se != nil { se![i] += (c.standardErrors?[i] ?? 0) / Double(t) }
            }
        }
        let shared = CrossValidationCurve(alphas: alphas, meanErrors: mean, standardErrors: se)
        let index = shared.index(for: rule) ?? shared.indexOfMinimum
        return [Int](repeating: index, count: t)
    }

    func validateAlphas() throws(RegressionError) {
        guard !alphas.isEmpty else { throw .emptyData("the list of alphas is empty") }
        for alpha in alphas {
            guard alpha.isFinite, alpha > 0 else {
                throw .invalidParameter(name: "alpha", value: alpha, requirement: "every alpha must be finite and > 0")
            }
        }
    }

    /// Per-target K-fold curves; folds run in parallel, each writing only its own errors.
    private func kFoldCurves(
        _ x: Matrix, _ y: Matrix, weights: [Double]?, folds: CrossValidationFolds
    ) throws(RegressionError) -> [CrossValidationCurve] {
        let alphas = self.alphas, fitIntercept = self.fitIntercept
        return try foldCurves(rows: x.rows, y, weights: weights, folds: folds) {
            (train: [Int], trainWeights: [Double]?, test: [Int]) throws(RegressionError) -> (predictions: Matrix, intercepts: [Double]) in
            let spectrum = try RidgeSpectrum(x: x.selectingRows(train), y: y.selectingRows(train),
                                             weights: trainWeights, fitIntercept: fitIntercept)
            let (w, b) = try spectrum.coefficients(alphas: alphas)
            let xt = x.selectingRows(test)
            return (try la { () throws(LinearAlgebraError) in try xt.multiplied(by: w) }, b)
        }
    }

    /// The K-fold curves of every target, the rules shared by a dense and a sparse X: folds from
    /// `folds`, each fold's weighted mean squared error on its held-out rows, run in parallel
    /// (each fold writes only its own errors, so the result does not depend on the threads).
    /// `fitFold(train, trainWeights, test)` fits every (target, α) on the training rows and returns
    /// Xw on the test rows (test × T·A, column t·A + a) and the intercepts.
    func foldCurves(
        rows n: Int, _ y: Matrix, weights: [Double]?, folds: CrossValidationFolds,
        fitFold: @escaping @Sendable ([Int], [Double]?, [Int]) throws(RegressionError) -> (predictions: Matrix, intercepts: [Double])
    ) throws(RegressionError) -> [CrossValidationCurve] {
        let assignment = try FoldAssignment(folds, rows: n)
        let t = y.columns, a = alphas.count
        let perFold = try ParallelTasks.map(count: assignment.count, threads: threads ?? ParallelTasks.defaultThreadCount) {
            (f: Int) throws(RegressionError) -> (errors: [Double], weight: Double) in
            let train = assignment.trainingRows(f), test = assignment.testRows(f)
            let trainWeights = weights.map { w in train.map { w[$0] } }
            let testWeights = test.map { weights?[$0] ?? 1 }
            let foldWeight = testWeights.reduce(0, +)
            guard foldWeight > 0 else { throw .invalidWeights("fold \(f) has zero total weight") }
            if let tw = trainWeights, !tw.contains(where: { $0 > 0 }) {
                throw .invalidWeights("the training rows of fold \(f) all have zero weight")
            }
            let (pred, b) = try fitFold(train, trainWeights, test)
            var errors = [Double](repeating: 0, count: t * a)
            for tt in 0..<t {
                for ai in 0..<a {
                    let col = tt * a + ai
                    var acc = 0.0
                    for (r, row) in test.enumerated() {
                        let e = y[row, tt] - (pred[r, col] + b[col])
                        acc += testWeights[r] * e * e
                    }
                    errors[col] = acc / foldWeight
                }
            }
            return (errors, foldWeight)
        }
        let foldWeights = perFold.map(\.weight)
        return (0..<t).map { tt in
            CrossValidationCurve(alphas: alphas,
                                 foldErrors: perFold.map { Array($0.errors[(tt * a)..<(tt * a + a)]) },
                                 foldWeights: foldWeights)
        }
    }
}
