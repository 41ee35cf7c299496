import LinearAlgebra

/// A validated ridge problem, prepared once and shared by every solver and every α of a fit.
///
/// - Rows with weight 0 take no part (they are dropped from the copies the solvers factor).
/// - Columns that cannot carry a coefficient are set aside and get exactly w = 0: with an
///   intercept, a column constant over the weighted rows (its centered column is exactly 0,
///   and rounding in its mean must not turn it into noise); without one, an all-zero column.
/// - The centered, √v-scaled design Xc = diag(√v)(X − 1x̄ᵀ) of the remaining ("active") columns
///   is built only when a solver needs it; the primal Cholesky path gets XcᵀXc and XcᵀYc in one
///   pass over X from ``CenteredCrossProducts`` instead.
final class RidgeData {
    let x: Matrix
    let y: Matrix
    let weights: [Double]?
    let fitIntercept: Bool
    /// Columns of X that take part, in order.
    let active: [Int]
    /// Rows with positive weight (all rows without weights).
    let usedRows: [Int]

    /// Rows and active columns of the systems solved.
    var n: Int { usedRows.count }
    var p: Int { active.count }
    var targets: Int { y.columns }

    init(x: Matrix, y: Matrix, weights: [Double]?, fitIntercept: Bool) {
        self.x = x
        self.y = y
        self.weights = weights
        self.fitIntercept = fitIntercept
        let rows: [Int]
        if let weights, weights.contains(0) {
            rows = weights.indices.filter { weights[$0] > 0 }
        } else {
            rows = Array(0..<x.rows)
        }
        usedRows = rows
        let n = x.rows
        var active: [Int] = []
        x.storage.withUnsafeBufferPointer { s in
            for j in 0..<x.columns {
                let column = s.baseAddress! + j * n
                let reference = fitIntercept ? column[rows[0]] : 0
                if rows.contains(where: { column[$0] != reference }) { active.append(j) }
            }
        }
        self.active = active
    }

    // MARK: Gram and cross products (primal Cholesky)

    private var cachedCross: CenteredCrossProducts?

    /// XcᵀXc and XcᵀYc over the active columns, in one pass over X.
    func crossProducts() throws(RegressionError) -> CenteredCrossProducts {
        if let cachedCross { return cachedCross }
        let allColumns = active.count == x.columns
        let c = try la { () throws(LinearAlgebraError) in
            try CenteredCrossProducts(x: x, y: y, weights: weights, columns: allColumns ? nil : active,
                                      center: fitIntercept)
        }
        cachedCross = c
        return c
    }

    /// Takes Gram and cross products already formed by the same arithmetic
    /// (``CenteredCrossProducts`` on all of X and Y with these weights), so the Cholesky solver
    /// does not form them again. Ignored unless every column is active (the products would
    /// include set-aside columns) and the shapes match.
    func adoptCrossProducts(_ products: CenteredCrossProducts) {
        guard active.count == x.columns, products.gram.rows == x.columns, products.cross.columns == y.columns
        else { return }
        cachedCross = products
    }

    // MARK: Centered copy (dual Cholesky, QR, SVD)

    struct Centered {
        /// diag(√v)(X − 1x̄ᵀ) over the used rows and active columns, n × p.
        var x: Matrix
        /// diag(√v)(Y − 1ȳᵀ) over the used rows, n × k.
        var y: Matrix
        var xMean: [Double]
        var yMean: [Double]
    }

    private var cachedCentered: Centered?

    /// The centered, √v-scaled copy of X and Y (``CenteredCopy``: two-pass weighted means,
    /// column by column).
    func centered() throws(RegressionError) -> Centered {
        if let cachedCentered { return cachedCentered }
        let rows: [Int]? = usedRows.count == x.rows ? nil : usedRows
        if !fitIntercept, weights == nil, rows == nil, active.count == x.columns {
            // Nothing to center, weight or select: Xc is X itself (no copy).
            let c = Centered(x: x, y: y, xMean: [Double](repeating: 0, count: p),
                             yMean: [Double](repeating: 0, count: targets))
            cachedCentered = c
            return c
        }
        let cx = try la { () throws(LinearAlgebraError) in
            try CenteredCopy(of: x, rows: rows, columns: active, weights: weights, center: fitIntercept)
        }
        let cy = try la { () throws(LinearAlgebraError) in
            try CenteredCopy(of: y, rows: rows, weights: weights, center: fitIntercept)
        }
        let c = Centered(x: cx.matrix, y: cy.matrix, xMean: cx.means, yMean: cy.means)
        cachedCentered = c
        return c
    }

    /// Column blocks of Xc (used rows, active columns `block`), centered and √v-scaled exactly
    /// as in ``centered()``, without copying all of X: for the dual Cholesky path.
    func centeredColumns(_ block: [Int]) throws(RegressionError) -> (matrix: Matrix, means: [Double]) {
        let rows: [Int]? = usedRows.count == x.rows ? nil : usedRows
        if !fitIntercept, weights == nil, rows == nil, block == Array(0..<x.columns) {
            return (x, [Double](repeating: 0, count: x.columns))   // Xc is X: no copy
        }
        let c = try la { () throws(LinearAlgebraError) in
            try CenteredCopy(of: x, rows: rows, columns: block, weights: weights, center: fitIntercept)
        }
        return (c.matrix, c.means)
    }

    private var blockMeans: (x: [Double], y: [Double])?

    /// Records the means found by a blockwise pass (``centeredColumns(_:)``).
    func storeMeans(x: [Double], y: [Double]) { blockMeans = (x, y) }

    /// The means of X's active columns and of Y, from whichever representation exists.
    func means() throws(RegressionError) -> (x: [Double], y: [Double]) {
        if let cachedCross { return (cachedCross.xMean, cachedCross.yMean) }
        if let blockMeans { return blockMeans }
        let c = try centered()
        return (c.xMean, c.yMean)
    }

    // MARK: Results

    /// Scatters the active coefficients (p × k) into full models with intercepts.
    func models(
        _ w: Matrix, alpha: Double, solver: RidgeSolver, rank: Int?, reciprocalCondition: Double?
    ) throws(RegressionError) -> [RidgeModel] {
        let (xm, ym) = try means()
        let models = (0..<targets).map { t in
            var coefficients = [Double](repeating: 0, count: x.columns)
            var dot = 0.0
            for (jj, j) in active.enumerated() {
                coefficients[j] = w[jj, t]
                dot += xm[jj] * w[jj, t]
            }
            let intercept = fitIntercept ? ym[t] - dot : 0
            return RidgeModel(coefficients: coefficients, intercept: intercept, alpha: alpha,
                              solverUsed: solver, rank: rank, reciprocalCondition: reciprocalCondition)
        }
        // Finite data can still overflow (e.g. weights near the largest Double): never return NaN.
        if let t = models.firstIndex(where: { !($0.intercept.isFinite && $0.coefficients.allSatisfy(\.isFinite)) }) {
            throw .overflow("the solution for target \(t) is not finite: the data or weights exceed the range of Double; rescale them")
        }
        return models
    }
}

extension RidgeData {
    /// `x` (the centered active columns) with every column scaled to unit Euclidean norm, and
    /// the norms D, so that x = z·D. Used by QR and by SVD at α = 0: equilibration keeps the
    /// digits an unscaled factorization loses on badly scaled (e.g. polynomial) designs.
    /// - Throws: ``RegressionError/singular(_:)`` for a column whose norm is 0 or overflows.
    func equilibrated(_ x: Matrix) throws(RegressionError) -> (Matrix, [Double]) {
        var z = x
        var norms = [Double](repeating: 0, count: x.columns)
        for j in 0..<x.columns {
            let column = z.column(j)
            let norm = BLAS.norm(column)
            guard norm > 0, norm.isFinite else {
                throw .singular("column \(active[j]) has centered norm \(norm)")
            }
            norms[j] = norm
            z.setColumn(j, to: column.map { $0 / norm })
        }
        return (z, norms)
    }
}
