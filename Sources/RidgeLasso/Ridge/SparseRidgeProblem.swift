import LinearAlgebra

/// A validated ridge problem on a sparse X, with the intercept handled by implicit centering:
/// X̃ = S^½(X − 1x̄ᵀ) and ỹ = S^½(y − ȳ) are never formed, only their products.
///
/// Columns that cannot carry a coefficient get exactly w = 0, as in ``Ridge`` on a dense X:
/// with an intercept, a column constant over the rows of positive weight; without one, a column
/// that is zero on them.
struct SparseRidgeProblem {
    let x: SparseMatrix
    /// n × T targets.
    let y: Matrix
    let weights: [Double]?
    let fitIntercept: Bool
    /// Weighted column means (p; zeros without an intercept).
    let xMean: [Double]
    /// Weighted target means (T; zeros without an intercept).
    let yMean: [Double]
    /// Columns that take part, in order, and the same as a mask.
    let active: [Int]
    let isActive: [Bool]
    /// Σ sᵢ.
    let totalWeight: Double

    var rows: Int { x.rows }
    var targets: Int { y.columns }

    /// - Throws: ``RegressionError`` for an empty X, targets of the wrong length or not finite,
    ///   or bad weights. (A ``SparseMatrix`` holds only finite values.)
    init(x: SparseMatrix, y: Matrix, weights: [Double]?, fitIntercept: Bool) throws(RegressionError) {
        guard x.rows > 0 else { throw .emptyData("X has no rows") }
        guard x.columns > 0 else { throw .emptyData("X has no columns") }
        guard y.rows == x.rows else { throw .dimensionMismatch("X has \(x.rows) rows but y has \(y.rows) values") }
        guard y.columns > 0 else { throw .emptyData("Y has no columns (no targets)") }
        if let (i, j) = y.firstNonFinite() { throw .nonFinite(input: y.columns == 1 ? "y" : "Y", row: i, column: j) }
        try Validation.weights(weights, rows: x.rows)
        self.x = x
        self.y = y
        self.weights = weights
        self.fitIntercept = fitIntercept
        let s = weights ?? [Double](repeating: 1, count: x.rows)
        let total = s.reduce(0, +)
        totalWeight = total
        let positiveRows = s.reduce(0) { $1 > 0 ? $0 + 1 : $0 }
        let (sums, squares) = try la { () throws(LinearAlgebraError) in try x.weightedColumnSums(weights) }
        let ySums = (0..<y.columns).map { t in (0..<x.rows).reduce(0.0) { $0 + s[$1] * y[$1, t] } }
        xMean = fitIntercept ? sums.map { $0 / total } : [Double](repeating: 0, count: x.columns)
        yMean = fitIntercept ? ySums.map { $0 / total } : [Double](repeating: 0, count: y.columns)
        if let j = squares.firstIndex(where: { !$0.isFinite }) {
            throw .overflow("the sum of squares of column \(j) of X exceeds the largest Double; rescale X")
        }
        var mask = [Bool](repeating: false, count: x.columns)
        for j in 0..<x.columns {
            let (rowsOfJ, valuesOfJ) = x.column(j)
            var count = 0
            var first: Double? = nil
            var varies = false
            for (i, v) in zip(rowsOfJ, valuesOfJ) where s[Int(i)] > 0 {
                count += 1
                if let f = first { if v != f { varies = true } } else { first = v }
            }
            // Constant over the used rows: all zero there, or (with an intercept) one value on all.
            mask[j] = count > 0 && (!fitIntercept || varies || count < positiveRows)
        }
        isActive = mask
        active = (0..<x.columns).filter { mask[$0] }
    }

    /// Σ sᵢ(yᵢₜ − ȳₜ)² per target.
    var targetSquares: [Double] {
        (0..<targets).map { t in
            (0..<rows).reduce(0.0) { acc, i in
                let d = y[i, t] - yMean[t]
                return acc + (weights?[i] ?? 1) * d * d
            }
        }
    }

    /// Σᵢ sᵢ(xᵢⱼ − x̄ⱼ)² for every column j (0 for the inactive ones): the sum over the column's
    /// nonzeros plus x̄ⱼ² times the weight of the other rows, both partial sums of the dense terms.
    func centeredSquares() -> [Double] {
        var out = [Double](repeating: 0, count: x.columns)
        for j in active {
            var onColumn = 0.0, weightOn = 0.0
            let (r, v) = x.column(j)
            for (i, value) in zip(r, v) {
                let si = weights?[Int(i)] ?? 1
                onColumn += si * (value - xMean[j]) * (value - xMean[j])
                weightOn += si
            }
            out[j] = onColumn + xMean[j] * xMean[j] * (totalWeight - weightOn)
        }
        return out
    }

    /// The active columns of X (no copy when every column is active).
    var activeColumns: SparseMatrix { active.count == x.columns ? x : x.selectingColumns(active) }

    /// (X − 1x̄ᵀ)ᵀv over the active columns, written to `out` (at column j when `scatteringTo`
    /// full, else at its position among the active ones): Σᵢ (xᵢⱼ − x̄ⱼ)vᵢ, split into the sum
    /// over column j's nonzeros and −x̄ⱼ·Σ over the other rows, both partial sums of the dense
    /// product's terms (no cancellation between large offsets).
    func centeredTransposeTimes(_ rowValues: UnsafePointer<Double>, into out: UnsafeMutablePointer<Double>, scatteringTo full: Bool) {
        var total = 0.0
        for i in 0..<rows { total += rowValues[i] }
        for (jj, j) in active.enumerated() {
            var onColumn = 0.0, underColumn = 0.0
            let (r, v) = x.column(j)
            for (i, value) in zip(r, v) {
                let vi = rowValues[Int(i)]
                onColumn += (value - xMean[j]) * vi
                underColumn += vi
            }
            out[full ? j : jj] = onColumn - xMean[j] * (total - underColumn)
        }
    }

    /// X̃ᵀỹ over the active columns (active × T).
    func crossProducts() -> Matrix {
        var q = Matrix(rows: active.count, columns: targets)
        var scaled = [Double](repeating: 0, count: rows)
        for t in 0..<targets {
            for i in 0..<rows { scaled[i] = (weights?[i] ?? 1) * (y[i, t] - yMean[t]) }
            scaled.withUnsafeBufferPointer { sp in
                q.storage.withUnsafeMutableBufferPointer { qp in
                    centeredTransposeTimes(sp.baseAddress!, into: qp.baseAddress! + t * active.count, scatteringTo: false)
                }
            }
        }
        return q
    }

    /// Full models from the active coefficients (active × T).
    func models(_ w: Matrix, alpha: Double, solver: RidgeSolver, reciprocalCondition: Double?,
                reports: [IterativeSolveReport]? = nil) throws(RegressionError) -> [RidgeModel] {
        let models = (0..<targets).map { t in
            var coefficients = [Double](repeating: 0, count: x.columns)
            var dot = 0.0
            for (jj, j) in active.enumerated() {
                coefficients[j] = w[jj, t]
                dot += xMean[j] * w[jj, t]
            }
            return RidgeModel(coefficients: coefficients, intercept: fitIntercept ? yMean[t] - dot : 0, alpha: alpha,
                              solverUsed: solver, rank: nil, reciprocalCondition: reciprocalCondition,
                              iterativeSolve: reports?[t])
        }
        if let t = models.firstIndex(where: { !($0.intercept.isFinite && $0.coefficients.allSatisfy(\.isFinite)) }) {
            throw .overflow("the solution for target \(t) is not finite: the data or weights exceed the range of Double; rescale them")
        }
        return models
    }
}
