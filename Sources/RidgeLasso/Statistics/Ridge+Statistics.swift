import LinearAlgebra
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The ridge normal equations as ``SufficientStatistics`` give them, for one intercept setting.
///
/// With an intercept, the Gram matrix and cross products are the centered co-moments
/// X̃ᵀX̃ = C_xx, X̃ᵀỹ = C_xy (X̃ = diag(√w)(X − 1μ_xᵀ)), and b = μ_y − μ_xᵀw. Without one they are
/// the uncentered products C + W·μμᵀ, and b = 0. Columns that cannot carry a coefficient are set
/// aside exactly as ``Ridge`` does (w = 0): with an intercept, a column constant over the rows of
/// positive weight (its co-moment is exactly 0, see ``SufficientStatistics/add(rows:weights:)``);
/// without one, a column that is zero on them.
struct StatisticsNormalEquations {
    let features: Int
    let active: [Int]
    /// Over the active features.
    let gram: Matrix
    /// active × k.
    let cross: Matrix
    /// Means of all p features (0 without an intercept).
    let xMean: [Double]
    /// Means of the k targets (0 without an intercept).
    let yMean: [Double]
    /// ‖ỹ‖² per target: centered weighted sum of squares (uncentered without an intercept).
    let targetSquares: [Double]
    let fitIntercept: Bool

    init(_ s: SufficientStatistics, fitIntercept: Bool) throws(RegressionError) {
        guard s.totalWeight > 0 else {
            throw .emptyData("the statistics hold no row of positive weight")
        }
        let p = s.featureCount, k = s.targetCount, d = s.dimension
        let mu = s.means
        let c = s.comoment
        let w = s.totalWeight
        func product(_ i: Int, _ j: Int) -> Double {
            fitIntercept ? c[i, j] : c[i, j] + w * mu[i] * mu[j]
        }
        let active = (0..<p).filter { product($0, $0) > 0 }
        var gram = Matrix(rows: active.count, columns: active.count)
        var cross = Matrix(rows: active.count, columns: k)
        for (jj, j) in active.enumerated() {
            for (ii, i) in active.enumerated() { gram[ii, jj] = product(i, j) }
            for t in 0..<k { cross[jj, t] = product(j, p + t) }
        }
        guard gram.firstNonFinite() == nil, cross.firstNonFinite() == nil else {
            throw .overflow("the Gram matrix from the statistics exceeds the largest Double; rescale the data")
        }
        self.features = p
        self.active = active
        self.gram = gram
        self.cross = cross
        self.xMean = fitIntercept ? Array(mu[0..<p]) : [Double](repeating: 0, count: p)
        self.yMean = fitIntercept ? Array(mu[p..<d]) : [Double](repeating: 0, count: k)
        self.targetSquares = (0..<k).map { product(p + $0, p + $0) }
        self.fitIntercept = fitIntercept
    }

    /// Models (one per target) from the active coefficients (active × k).
    func models(_ coefficients: Matrix, alpha: Double, reciprocalCondition: Double?) throws(RegressionError) -> [RidgeModel] {
        let models = (0..<cross.columns).map { t in
            var full = [Double](repeating: 0, count: features)
            var dot = 0.0
            for (jj, j) in active.enumerated() {
                full[j] = coefficients[jj, t]
                dot += xMean[j] * coefficients[jj, t]
            }
            return RidgeModel(coefficients: full, intercept: fitIntercept ? yMean[t] - dot : 0, alpha: alpha,
                              solverUsed: .cholesky, rank: nil, reciprocalCondition: reciprocalCondition)
        }
        if let t = models.firstIndex(where: { !($0.intercept.isFinite && $0.coefficients.allSatisfy(\.isFinite)) }) {
            throw .overflow("the solution for target \(t) is not finite: the data or weights exceed the range of Double; rescale them")
        }
        return models
    }

    /// (G + αI)w = q by Cholesky of the equilibrated system D⁻¹(G + αI)D⁻¹, D = √diag(G + αI),
    /// refused when `dpocon`'s estimate leaves fewer than `minimumDigits` digits.
    func solveCholesky(alpha: Double, minimumDigits: Double) throws(RegressionError) -> (w: Matrix, reciprocalCondition: Double) {
        let m = active.count
        var scale = [Double](repeating: 0, count: m)
        for i in 0..<m { scale[i] = (gram[i, i] + alpha).squareRoot() }
        var a = Matrix(rows: m, columns: m)
        for j in 0..<m {
            for i in j..<m { a[i, j] = (i == j ? gram[i, i] + alpha : gram[i, j]) / (scale[i] * scale[j]) }
        }
        let factor: CholeskyFactorization
        do { factor = try CholeskyFactorization(a) } catch .notPositiveDefinite {
            throw .insufficientAccuracy(reciprocalCondition: 0, digits: 0, required: minimumDigits)
        } catch {
            throw .linearAlgebra(error)
        }
        let rcond = factor.reciprocalCondition
        let digits = Ridge.correctDigits(reciprocalCondition: rcond)
        guard digits >= minimumDigits else {
            throw .insufficientAccuracy(reciprocalCondition: rcond, digits: digits, required: minimumDigits)
        }
        var b = cross
        for t in 0..<b.columns { for i in 0..<m { b[i, t] /= scale[i] } }
        var v = try la { () throws(LinearAlgebraError) in try factor.solve(b) }
        for t in 0..<v.columns { for i in 0..<m { v[i, t] /= scale[i] } }
        return (v, rcond)
    }
}

extension Ridge {
    /// The correct significant digits a reciprocal condition estimate r leaves to a backward-stable
    /// solve: log₁₀(r/ε), ε = 2.2e-16, at least 0 (r = 1e-6, ``choleskyReciprocalConditionThreshold``,
    /// leaves 9.65).
    public static func correctDigits(reciprocalCondition r: Double) -> Double {
        guard r > 0 else { return 0 }
        return max(0, log10(r / Double.ulpOfOne))
    }

    /// The default accuracy that fits from statistics demand: 9 digits, what ``RidgeSolver/auto``
    /// guarantees when it accepts Cholesky (``choleskyReciprocalConditionThreshold``).
    public static let statisticsMinimumDigits = 9.0

    /// Fits every target of `statistics` at ``alpha``, with the same objective and weighting as
    /// ``fit(_:targets:sampleWeights:)`` on the rows, Σᵢ wᵢ(yᵢ − xᵢᵀw − b)² + α‖w‖²:
    ///
    ///     (C_xx + αI) w = C_xy,   b = μ_y − μ_xᵀw        (with an intercept)
    ///     (C_xx + Wμ_xμ_xᵀ + αI) w = C_xy + Wμ_xμ_y,  b = 0   (without one)
    ///
    /// solved by Cholesky of the equilibrated system. The rows are gone, so QR and SVD cannot
    /// run and ``solver`` is not consulted: instead the fit reports `dpocon`'s reciprocal
    /// condition estimate r in ``RidgeModel/reciprocalCondition`` and refuses, rather than
    /// return fewer correct digits than `minimumDigits` (digits = log₁₀(r/ε), see
    /// ``correctDigits(reciprocalCondition:)``). ``RidgeModel/solverUsed`` is `cholesky`.
    /// - Returns: one model per target, in the order of ``SufficientStatistics/targetNames``.
    /// - Throws: ``RegressionError/invalidParameter(name:value:requirement:)`` (α, minimumDigits),
    ///   ``RegressionError/emptyData(_:)`` (no row of positive weight),
    ///   ``RegressionError/insufficientAccuracy(reciprocalCondition:digits:required:)``,
    ///   ``RegressionError/overflow(_:)``.
    /// - Complexity: p³/3 flops; nothing depends on the number of rows.
    public func fit(
        _ statistics: SufficientStatistics, minimumDigits: Double = Ridge.statisticsMinimumDigits
    ) throws(RegressionError) -> [RidgeModel] {
        try Validation.alpha(alpha)
        try Self.validateDigits(minimumDigits)
        let system = try StatisticsNormalEquations(statistics, fitIntercept: fitIntercept)
        guard !system.active.isEmpty else {
            return try system.models(Matrix(rows: 0, columns: statistics.targetCount), alpha: alpha, reciprocalCondition: nil)
        }
        let (w, rcond) = try system.solveCholesky(alpha: alpha, minimumDigits: minimumDigits)
        return try system.models(w, alpha: alpha, reciprocalCondition: rcond)
    }

    /// Fits every target for each α in `alphas` (``alpha`` is ignored) from one eigendecomposition
    /// C_xx = VΛVᵀ of the Gram matrix: w(α) = V diag(1/(λ + α)) Vᵀ C_xy. The reciprocal condition
    /// of G + αI in the 2-norm is (λ_min + α)/(λ_max + α); an α where that leaves fewer than
    /// `minimumDigits` digits is solved by the equilibrated Cholesky of ``fit(_:minimumDigits:)``
    /// instead (better for badly scaled columns), and refused if that is not enough either.
    /// - Returns: `result[a][t]`: the model of target t at `alphas[a]`.
    /// - Throws: as ``fit(_:minimumDigits:)``; ``RegressionError/emptyData(_:)`` for no α;
    ///   ``RegressionError/invalidParameter(name:value:requirement:)`` naming `alphas[i]`.
    /// - Complexity: one p × p eigendecomposition (≈ 9p³ flops), then p²·k per α.
    public func fit(
        _ statistics: SufficientStatistics, alphas: [Double], minimumDigits: Double = Ridge.statisticsMinimumDigits
    ) throws(RegressionError) -> [[RidgeModel]] {
        guard !alphas.isEmpty else { throw .emptyData("alphas is empty") }
        for (i, a) in alphas.enumerated() { try Validation.alpha(a, name: "alphas[\(i)]") }
        try Self.validateDigits(minimumDigits)
        let system = try StatisticsNormalEquations(statistics, fitIntercept: fitIntercept)
        let m = system.active.count
        guard m > 0 else {
            return try alphas.map { (a: Double) throws(RegressionError) -> [RidgeModel] in
                try system.models(Matrix(rows: 0, columns: statistics.targetCount), alpha: a, reciprocalCondition: nil)
            }
        }
        let spectrum = try la { () throws(LinearAlgebraError) in try SymmetricEigendecomposition(system.gram) }
        let lambda = spectrum.eigenvalues.map { max(0, $0) }
        let v = spectrum.eigenvectors
        let z = try la { () throws(LinearAlgebraError) in try v.multiplied(by: system.cross, transposingSelf: true) }
        let smallest = lambda.first ?? 0, largest = lambda.last ?? 0
        var result: [[RidgeModel]] = []
        result.reserveCapacity(alphas.count)
        for a in alphas {
            let rcond = largest + a > 0 ? (smallest + a) / (largest + a) : 0
            if Self.correctDigits(reciprocalCondition: rcond) >= minimumDigits {
                var scaled = z
                for t in 0..<z.columns { for j in 0..<m { scaled[j, t] = z[j, t] / (lambda[j] + a) } }
                let w = try la { () throws(LinearAlgebraError) in try v.multiplied(by: scaled) }
                result.append(try system.models(w, alpha: a, reciprocalCondition: rcond))
            } else {
                let (w, r) = try system.solveCholesky(alpha: a, minimumDigits: minimumDigits)
                result.append(try system.models(w, alpha: a, reciprocalCondition: r))
            }
        }
        return result
    }

    static func validateDigits(_ digits: Double) throws(RegressionError) {
        guard digits.isFinite, digits >= 0, digits <= 16 else {
            throw .invalidParameter(name: "minimumDigits", value: digits, requirement: "must lie in [0, 16]")
        }
    }
}

extension RidgeCV {
    /// Generalized cross-validation for every α from sufficient statistics alone, exactly as
    /// ``evaluate(_:targets:sampleWeights:)`` computes it from the rows with
    /// ``RidgeSelectionCriterion/generalizedCrossValidation``:
    ///
    ///     GCV(α) = (RSS(α)/W) / (1 − tr H(α)/n⁺)²,   tr H = [1 with an intercept] + Σₖ λₖ/(λₖ + α),
    ///     RSS(α) = ‖ỹ‖² − Σₖ zₖ²(λₖ + 2α)/(λₖ + α)²  (clamped at 0),
    ///
    /// with λ, V the eigenpairs of X̃ᵀX̃ (C_xx with an intercept, C_xx + Wμ_xμ_xᵀ without),
    /// z = VᵀX̃ᵀỹ, W = Σw and n⁺ the rows of positive weight; the intercept counts in tr H as in
    /// ``RidgeCV``'s hat matrix. α is chosen by ``rule`` (GCV has no standard error: the minimum),
    /// per target when ``alphaPerTarget``, otherwise on the error averaged over targets.
    /// - Throws: ``RegressionError/invalidParameter(name:value:requirement:)`` unless ``criterion``
    ///   is GCV (leave-one-out needs every row's leverage, K-fold needs fold statistics) or for an
    ///   α that is not finite and > 0; ``RegressionError/emptyData(_:)`` when fewer than 2 rows
    ///   (1 without an intercept) have positive weight.
    public func evaluate(_ statistics: SufficientStatistics) throws(RegressionError) -> RidgeCVEvaluation {
        guard criterion == .generalizedCrossValidation else {
            throw .invalidParameter(name: "criterion", value: .nan,
                                    requirement: "statistics support generalized cross-validation only")
        }
        guard !alphas.isEmpty else { throw .emptyData("the list of alphas is empty") }
        for alpha in alphas where !(alpha.isFinite && alpha > 0) {
            throw .invalidParameter(name: "alpha", value: alpha, requirement: "every alpha must be finite and > 0")
        }
        let needed = fitIntercept ? 2 : 1
        guard statistics.positiveRowCount >= needed else {
            throw .emptyData("ridge selection needs at least \(needed) rows with positive weight")
        }
        let system = try StatisticsNormalEquations(statistics, fitIntercept: fitIntercept)
        let k = statistics.targetCount, a = alphas.count
        // All p features, as RidgeSpectrum decomposes them: a set-aside column only adds λ = 0.
        var lambda: [Double] = [], z = Matrix(rows: 0, columns: k)
        if !system.active.isEmpty {
            let e = try la { () throws(LinearAlgebraError) in try SymmetricEigendecomposition(system.gram) }
            lambda = e.eigenvalues.map { max(0, $0) }
            z = try la { () throws(LinearAlgebraError) in try e.eigenvectors.multiplied(by: system.cross, transposingSelf: true) }
        }
        let n = Double(statistics.positiveRowCount)
        var dfs = [Double](repeating: 0, count: a)
        var gcv = [[Double]](repeating: [Double](repeating: 0, count: a), count: k)
        for (ai, alpha) in alphas.enumerated() {
            var df = fitIntercept ? 1.0 : 0.0
            for l in lambda { df += l / (l + alpha) }
            dfs[ai] = df
            let shrink = 1 - df / n
            for t in 0..<k {
                var acc = 0.0
                for j in 0..<lambda.count {
                    let zj = z[j, t], l = lambda[j]
                    acc += zj * zj * (l + 2 * alpha) / ((l + alpha) * (l + alpha))
                }
                let rss = max(0, system.targetSquares[t] - acc)
                gcv[t][ai] = shrink > 0 ? (rss / statistics.totalWeight) / (shrink * shrink) : .infinity
            }
        }
        let curves = gcv.map { CrossValidationCurve(alphas: alphas, meanErrors: $0, standardErrors: nil) }
        return RidgeCVEvaluation(criterion: criterion, rule: rule, curves: curves, generalizedCrossValidation: gcv,
                                 degreesOfFreedom: dfs, leaveOneOutResiduals: nil, indicesOfChosenAlpha: chosenIndices(curves))
    }

    /// The α of every target by ``rule``: per target when ``alphaPerTarget`` (or one target),
    /// otherwise on the errors (and standard errors) averaged over targets, as ``RidgeCV`` does.
    func chosenIndices(_ curves: [CrossValidationCurve]) -> [Int] {
        let k = curves.count, a = alphas.count
        if alphaPerTarget || k == 1 { return curves.map { $0.index(for: rule) ?? $0.indexOfMinimum } }
        let mean = (0..<a).map { i in curves.reduce(0.0) { $0 + $1.meanErrors[i] / Double(k) } }
        let se: [Double]? = curves[0].standardErrors == nil ? nil
            : (0..<a).map { i in curves.reduce(0.0) { $0 + ($1.standardErrors?[i] ?? 0) / Double(k) } }
        let shared = CrossValidationCurve(alphas: alphas, meanErrors: mean, standardErrors: se)
        return [Int](repeating: shared.index(for: rule) ?? shared.indexOfMinimum, count: k)
    }
}
