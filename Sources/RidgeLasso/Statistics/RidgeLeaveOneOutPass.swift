import LinearAlgebra

/// Exact leave-one-out cross-validation of ridge for many α as a second streaming pass over the
/// rows that ``SufficientStatistics`` summarize: the statistics give the fit, the pass gives
/// each row's hat diagonal, and neither holds more than a block of rows.
///
/// From one eigendecomposition X̃ᵀX̃ = VΛVᵀ of the Gram matrix (C_xx with an intercept,
/// C_xx + Wμ_xμ_xᵀ without; W = Σsᵢ), with z = VᵀX̃ᵀỹ, every row i of weight sᵢ has, at each α,
///
///     Hᵢᵢ(α) = sᵢ/W [with an intercept] + sᵢ Σₖ (vₖᵀx̃ᵢ)²/(λₖ + α),   x̃ᵢ = xᵢ − μ_x (xᵢ without one)
///     eᵢ(α) = ỹᵢ − Σₖ (vₖᵀx̃ᵢ) zₖ/(λₖ + α),                            ỹᵢ = yᵢ − μ_y (yᵢ)
///
/// and the leave-one-out residual rᵢ = eᵢ/(1 − Hᵢᵢ). The curve is RidgeCV's exact leave-one-out
/// (``RidgeSelectionCriterion/leaveOneOut``, the same weighting as ``RidgeCV/evaluate(_:targets:sampleWeights:)``):
/// the mean Σ sᵢrᵢ²/W and its standard error √(Σ sᵢ(rᵢ² − mean)²/W/(n⁺ − 1)) over the n⁺ rows of
/// positive weight, and GCV from the residual sums of squares. A row whose 1 − Hᵢᵢ is not
/// positive makes that α's error +∞.
///
/// Feed every row of the data the statistics were made from, in any order and blocks of any size,
/// with ``add(rows:weights:)``; ``evaluation()`` refuses a pass that saw a different number of rows.
/// - Complexity: one p × p eigendecomposition, then per row 2p² + 2p·A·(k + 1) flops.
public struct RidgeLeaveOneOutPass: Sendable {
    let selection: RidgeCV
    let statistics: SufficientStatistics
    let system: StatisticsNormalEquations
    /// V (active × active), D[j, a] = 1/(λⱼ + α), C[j, t·A + a] = zⱼₜ/(λⱼ + α), λ.
    let basis: Matrix
    let inverse: Matrix
    let scaledProjections: Matrix
    let eigenvalues: [Double]
    var sum: [Double]
    var sumSquares: [Double]
    var residualSquares: [Double]
    /// Rows and rows of positive weight seen so far.
    public private(set) var rowsSeen = 0
    var positiveRowsSeen = 0
    /// Σsᵢ and, per column, Σsᵢ(zᵢⱼ − K − mⱼ) over the rows seen: the same data as the statistics
    /// gives the statistics' weight and zero (to rounding).
    var weightSeen = 0.0
    var centeredSums: [Double]

    /// A pass for `selection`'s α grid, intercept and rule (its ``RidgeCV/criterion`` is not
    /// consulted: the pass is leave-one-out) on the rows summarized by `statistics`.
    /// - Throws: ``RegressionError/invalidParameter(name:value:requirement:)`` for an α that is not
    ///   finite and > 0; ``RegressionError/emptyData(_:)`` for no α or fewer than 2 rows (1
    ///   without an intercept) of positive weight; the errors of the eigendecomposition.
    public init(statistics: SufficientStatistics, selection: RidgeCV) throws(RegressionError) {
        guard !selection.alphas.isEmpty else { throw .emptyData("the list of alphas is empty") }
        for alpha in selection.alphas where !(alpha.isFinite && alpha > 0) {
            throw .invalidParameter(name: "alpha", value: alpha, requirement: "every alpha must be finite and > 0")
        }
        let needed = selection.fitIntercept ? 2 : 1
        guard statistics.positiveRowCount >= needed else {
            throw .emptyData("ridge selection needs at least \(needed) rows with positive weight")
        }
        self.selection = selection
        self.statistics = statistics
        let system = try StatisticsNormalEquations(statistics, fitIntercept: selection.fitIntercept)
        self.system = system
        let m = system.active.count, k = statistics.targetCount, a = selection.alphas.count
        var v = Matrix(rows: m, columns: m), lambda: [Double] = []
        var z = Matrix(rows: m, columns: k)
        if m > 0 {
            let e = try la { () throws(LinearAlgebraError) in try SymmetricEigendecomposition(system.gram) }
            v = e.eigenvectors
            lambda = e.eigenvalues.map { max(0, $0) }
            let basis = v
            z = try la { () throws(LinearAlgebraError) in try basis.multiplied(by: system.cross, transposingSelf: true) }
        }
        var d = Matrix(rows: m, columns: a), c = Matrix(rows: m, columns: k * a)
        for (ai, alpha) in selection.alphas.enumerated() {
            for j in 0..<m { d[j, ai] = 1 / (lambda[j] + alpha) }
            for t in 0..<k { for j in 0..<m { c[j, t * a + ai] = z[j, t] * d[j, ai] } }
        }
        basis = v
        inverse = d
        scaledProjections = c
        eigenvalues = lambda
        sum = [Double](repeating: 0, count: k * a)
        sumSquares = sum
        residualSquares = sum
        centeredSums = [Double](repeating: 0, count: statistics.dimension)
    }

    /// Adds a block of rows: `rows` is b × d (features then targets, in the statistics' order),
    /// `weights` b values exactly when the statistics are weighted.
    /// - Throws: ``RegressionError/dimensionMismatch(_:)`` for a block of the wrong width or
    ///   weights of the wrong length (or presence); ``RegressionError/nonFinite(input:row:column:)``
    ///   naming the row of the pass; ``RegressionError/invalidWeights(_:)`` for a negative weight.
    public mutating func add(rows z: Matrix, weights: [Double]? = nil) throws(RegressionError) {
        let d = statistics.dimension, b = z.rows, p = statistics.featureCount
        guard z.columns == d else {
            throw .dimensionMismatch("a block has \(z.columns) columns, the statistics have \(d)")
        }
        guard (weights != nil) == statistics.isWeighted else {
            throw .dimensionMismatch(statistics.isWeighted ? "the statistics are weighted: every row needs a weight"
                                                           : "the statistics are unweighted: rows cannot carry weights")
        }
        if let weights, weights.count != b { throw .dimensionMismatch("a block has \(b) rows but \(weights.count) weights") }
        if let (i, j) = z.firstNonFinite() { throw .nonFinite(input: "rows", row: rowsSeen + i, column: j) }
        if let weights, let i = weights.firstIndex(where: { !($0.isFinite && $0 >= 0) }) {
            throw .invalidWeights("row \(rowsSeen + i) has the weight \(weights[i]); weights must be finite and ≥ 0")
        }
        guard b > 0 else { return }
        for j in 0..<d {
            let kj = statistics.shift[j], mj = statistics.mean[j]
            var acc = 0.0
            for i in 0..<b { acc += (weights?[i] ?? 1) * ((z[i, j] - kj) - mj) }
            centeredSums[j] += acc
        }
        for i in 0..<b { weightSeen += weights?[i] ?? 1 }
        let active = system.active, m = active.count, k = statistics.targetCount, a = selection.alphas.count
        let total = statistics.totalWeight
        // x̃ᵢ on the active features, then R = X̃V, leverages R²D and fits RC.
        var centered = Matrix(rows: b, columns: m)
        for (jj, j) in active.enumerated() {
            let mj = system.xMean[j]
            for i in 0..<b { centered[i, jj] = z[i, j] - mj }
        }
        var leverage = Matrix(rows: b, columns: a), fit = Matrix(rows: b, columns: k * a)
        if m > 0 {
            let (v, dd, cc) = (basis, inverse, scaledProjections)
            let r = try la { () throws(LinearAlgebraError) in try centered.multiplied(by: v) }
            var r2 = r
            for q in 0..<r2.storage.count { r2.storage[q] *= r2.storage[q] }
            let squares = r2
            leverage = try la { () throws(LinearAlgebraError) in try squares.multiplied(by: dd) }
            fit = try la { () throws(LinearAlgebraError) in try r.multiplied(by: cc) }
        }
        for i in 0..<b {
            let si = weights?[i] ?? 1
            guard si > 0 else { continue }
            positiveRowsSeen += 1
            let h0 = selection.fitIntercept ? si / total : 0
            for ai in 0..<a {
                let oneMinusH = 1 - (h0 + si * leverage[i, ai])
                for t in 0..<k {
                    let idx = t * a + ai
                    let e = (z[i, p + t] - system.yMean[t]) - fit[i, idx]
                    let loo = oneMinusH > 0 ? e / oneMinusH : .infinity
                    let square = loo * loo
                    sum[idx] += si * square
                    sumSquares[idx] += si * square * square
                    residualSquares[idx] += si * e * e
                }
            }
        }
        rowsSeen += b
    }

    /// The leave-one-out curves (one per target), GCV from the same pass, the degrees of freedom
    /// and the α chosen by the selection's rule.
    /// - Throws: ``RegressionError/dimensionMismatch(_:)`` when the pass did not see the rows the
    ///   statistics count (in number, in rows of positive weight, in total weight, or in a column's
    ///   mean).
    public func evaluation() throws(RegressionError) -> RidgeCVEvaluation {
        guard rowsSeen == statistics.rowCount, positiveRowsSeen == statistics.positiveRowCount else {
            throw .dimensionMismatch("the leave-one-out pass read \(rowsSeen) rows (\(positiveRowsSeen) of positive weight) but the statistics hold \(statistics.rowCount) (\(statistics.positiveRowCount)): it must read the same data")
        }
        // Other rows of the same count: the total weight or a column's mean differs. By
        // Cauchy–Schwarz |Σsᵢ(zᵢⱼ − μⱼ)| ≤ √(W·Cⱼⱼ); rounding keeps it far below 1e-8 of that bound.
        let total = statistics.totalWeight
        guard abs(weightSeen - total) <= 1e-9 * total else {
            throw .dimensionMismatch("the leave-one-out pass read rows of total weight \(weightSeen) but the statistics hold \(total): it must read the same data")
        }
        let names = statistics.featureNames + statistics.targetNames
        for j in 0..<statistics.dimension {
            let bound = (total * statistics.comoment[j, j]).squareRoot()
            guard abs(centeredSums[j]) <= 1e-8 * bound + 1e-12 * total * abs(statistics.means[j]) else {
                throw .dimensionMismatch("the leave-one-out pass read a column \"\(names[j])\" whose mean is \(statistics.means[j] + centeredSums[j] / total), the statistics' \(statistics.means[j]): it must read the same data")
            }
        }
        let k = statistics.targetCount, a = selection.alphas.count, w = statistics.totalWeight
        let folds = Double(positiveRowsSeen)
        var curves: [CrossValidationCurve] = [], gcv: [[Double]] = []
        let dfs = selection.alphas.map { alpha in
            eigenvalues.reduce(selection.fitIntercept ? 1.0 : 0.0) { $0 + $1 / ($1 + alpha) }
        }
        for t in 0..<k {
            var mean = [Double](repeating: 0, count: a), se = mean, g = mean
            for ai in 0..<a {
                let idx = t * a + ai
                let m = sum[idx] / w
                mean[ai] = m
                let variance = max(0, sumSquares[idx] / w - m * m)
                se[ai] = m.isFinite && folds > 1 ? (variance / (folds - 1)).squareRoot() : .infinity
                let shrink = 1 - dfs[ai] / folds
                g[ai] = shrink > 0 ? (residualSquares[idx] / w) / (shrink * shrink) : .infinity
            }
            curves.append(CrossValidationCurve(alphas: selection.alphas, meanErrors: mean, standardErrors: se))
            gcv.append(g)
        }
        return RidgeCVEvaluation(criterion: .leaveOneOut, rule: selection.rule, curves: curves, generalizedCrossValidation: gcv,
                                 degreesOfFreedom: dfs, leaveOneOutResiduals: nil, indicesOfChosenAlpha: selection.chosenIndices(curves))
    }
}
