import LinearAlgebra

/// ``RidgeSpectrum`` for a sparse X: one eigendecomposition of the smaller centered Gram matrix
/// gives ridge fits, leave-one-out residuals and GCV for every α, the centering kept implicit.
///
/// - primal (p ≤ m): X̃ᵀX̃ = VΛVᵀ from ``SparseMatrix/centeredGram(means:weights:)``; the rows of
///   R = (X − 1x̄ᵀ)V are formed one at a time from the row's nonzeros, R_i = x_iᵀV − (Vᵀx̄)ᵀ.
/// - dual (p > m): K = X̃X̃ᵀ over the rows of positive weight
///   (``SparseMatrix/centeredOuterGram(means:weights:)``); with an intercept the direction √s is
///   removed exactly by the Householder reflection Q of ``RidgeSpectrum``, K̂ = (QKQ) without its
///   first row and column, K̂ = UΛUᵀ and Ū = Qᵀ[0; U].
///
/// The formulas for Hᵢᵢ, the residuals and GCV are those of ``RidgeSpectrum``; m = n⁺ − 1 with an
/// intercept (n⁺ − 0 without), n⁺ the rows of positive weight.
struct SparseRidgeSpectrum {
    enum Form { case primal, dual }

    let problem: SparseRidgeProblem
    let form: Form
    /// Rows of positive weight.
    let positiveRows: [Int]
    /// Eigenvalues λ ≥ 0, ascending.
    let eigenvalues: [Double]
    /// V (active × k, primal) or Ū (n⁺ × k, dual).
    let basis: Matrix
    /// z = VᵀX̃ᵀỹ (primal) or g = UᵀŶ (dual), k × T.
    let projections: Matrix

    /// Whether the decomposition of this problem fits (order ≤ ``Ridge/sparseDirectMaximumOrder``).
    static func fits(_ problem: SparseRidgeProblem) -> Bool {
        let positive = (0..<problem.rows).filter { (problem.weights?[$0] ?? 1) > 0 }.count
        return min(problem.active.count, positive) <= Ridge.sparseDirectMaximumOrder
    }

    init(_ problem: SparseRidgeProblem) throws(RegressionError) {
        self.problem = problem
        let positive = (0..<problem.rows).filter { (problem.weights?[$0] ?? 1) > 0 }
        positiveRows = positive
        let m = positive.count - (problem.fitIntercept ? 1 : 0)
        guard m >= 1 else {
            throw .emptyData("ridge selection needs at least \(problem.fitIntercept ? 2 : 1) rows with positive weight")
        }
        let columns = problem.activeColumns
        let means = problem.active.map { problem.xMean[$0] }
        let limit = Ridge.sparseDirectMaximumOrder
        if problem.active.count <= m && problem.active.count <= limit || positive.count > limit {
            guard problem.active.count <= limit else {
                throw .invalidParameter(name: "criterion", value: Double(min(problem.active.count, positive.count)),
                                        requirement: "leave-one-out and GCV on a sparse X need an eigendecomposition of order ≤ \(limit); use K-fold")
            }
            form = .primal
            let gram = try la { () throws(LinearAlgebraError) in try columns.centeredGram(means: means, weights: problem.weights) }
            let q = problem.crossProducts()
            guard gram.firstNonFinite() == nil, q.firstNonFinite() == nil else {
                throw .overflow("the Gram matrix of X exceeds the largest Double; rescale X")
            }
            let e = try la { () throws(LinearAlgebraError) in try SymmetricEigendecomposition(gram) }
            eigenvalues = e.eigenvalues.map { max(0, $0) }
            basis = e.eigenvectors
            projections = try la { () throws(LinearAlgebraError) in try e.eigenvectors.multiplied(by: q, transposingSelf: true) }
        } else {
            form = .dual
            let used = positive.count == problem.rows ? columns : columns.selectingRows(positive)
            let usedWeights = problem.weights.map { w in positive.map { w[$0] } }
            var k = try la { () throws(LinearAlgebraError) in try used.centeredOuterGram(means: means, weights: usedWeights) }
            let np = positive.count, t = problem.targets
            var yt = Matrix(rows: np, columns: t)
            let root = positive.map { (problem.weights?[$0] ?? 1).squareRoot() }
            for tt in 0..<t {
                for (r, i) in positive.enumerated() { yt[r, tt] = root[r] * (problem.y[i, tt] - problem.yMean[tt]) }
            }
            guard k.firstNonFinite() == nil else { throw .overflow("X̃X̃ᵀ exceeds the largest Double; rescale X") }
            var v: [Double] = []
            if problem.fitIntercept {
                // Q = I − βvvᵀ with Q(√s/‖√s‖) = −e₁; QKQ, then drop the first row and column.
                let norm = BLAS.norm(root)
                v = root.map { $0 / norm }
                v[0] += 1
                let qk = RidgeSpectrum.reflect(k, v, droppingFirstRow: false)
                let qkq = RidgeSpectrum.reflect(qk.transposedCopy(), v, droppingFirstRow: true)
                k = qkq.selectingColumns(Array(1..<np))
                yt = RidgeSpectrum.reflect(yt, v, droppingFirstRow: true)
            }
            let e = try la { () throws(LinearAlgebraError) in try SymmetricEigendecomposition(k) }
            eigenvalues = e.eigenvalues.map { max(0, $0) }
            projections = try la { () throws(LinearAlgebraError) in try e.eigenvectors.multiplied(by: yt, transposingSelf: true) }
            if problem.fitIntercept {
                var z = Matrix(rows: np, columns: m)
                for j in 0..<m { for r in 0..<m { z[r + 1, j] = e.eigenvectors[r, j] } }
                basis = RidgeSpectrum.reflect(z, v, droppingFirstRow: false)
            } else {
                basis = e.eigenvectors
            }
        }
    }

    var targets: Int { problem.targets }

    /// Active coefficients (active × T·A, column t·A + a) and intercepts, for every α.
    func coefficients(alphas: [Double]) throws(RegressionError) -> (w: Matrix, intercepts: [Double]) {
        let a = alphas.count, t = targets, k = eigenvalues.count
        var scaled = Matrix(rows: k, columns: t * a)
        for tt in 0..<t {
            for (ai, alpha) in alphas.enumerated() {
                for j in 0..<k { scaled[j, tt * a + ai] = projections[j, tt] / (eigenvalues[j] + alpha) }
            }
        }
        let product = try la { () throws(LinearAlgebraError) in try basis.multiplied(by: scaled) }
        var w: Matrix
        switch form {
        case .primal:
            w = product
        case .dual:
            // w = X̃ᵀc = (X − 1x̄ᵀ)ᵀ S^½ c over the rows of positive weight.
            let p = problem.active.count
            w = Matrix(rows: p, columns: t * a)
            var rowValues = [Double](repeating: 0, count: problem.rows)
            for col in 0..<(t * a) {
                for (r, i) in positiveRows.enumerated() {
                    rowValues[i] = (problem.weights?[i] ?? 1).squareRoot() * product[r, col]
                }
                rowValues.withUnsafeBufferPointer { vp in
                    w.storage.withUnsafeMutableBufferPointer { wp in
                        problem.centeredTransposeTimes(vp.baseAddress!, into: wp.baseAddress! + col * p, scatteringTo: false)
                    }
                }
            }
        }
        var intercepts = [Double](repeating: 0, count: t * a)
        if problem.fitIntercept {
            for tt in 0..<t {
                for ai in 0..<a {
                    let col = tt * a + ai
                    var dot = 0.0
                    for (jj, j) in problem.active.enumerated() { dot += problem.xMean[j] * w[jj, col] }
                    intercepts[col] = problem.yMean[tt] - dot
                }
            }
        }
        return (w, intercepts)
    }

    /// tr H(α) = [1] + Σ λ/(λ + α).
    func degreesOfFreedom(alpha: Double) -> Double {
        eigenvalues.reduce(problem.fitIntercept ? 1.0 : 0.0) { $0 + $1 / ($1 + alpha) }
    }

    /// GCV(α) per (target, α) at t·A + a, as ``RidgeSpectrum/generalizedCrossValidation(alphas:rss:)``.
    func generalizedCrossValidation(alphas: [Double]) -> [Double] {
        let a = alphas.count
        let squares = problem.targetSquares
        var out = [Double](repeating: 0, count: targets * a)
        for (ai, alpha) in alphas.enumerated() {
            let shrink = 1 - degreesOfFreedom(alpha: alpha) / Double(positiveRows.count)
            for tt in 0..<targets {
                let rss = RidgeSpectrum.residualSumOfSquares(projections, target: tt, eigenvalues: eigenvalues,
                                                             alpha: alpha, primal: form == .primal, total: squares[tt])
                out[tt * a + ai] = shrink > 0 ? (rss / problem.totalWeight) / (shrink * shrink) : .infinity
            }
        }
        return out
    }

    /// Exact leave-one-out mean squared errors and their standard errors (each row a fold), per
    /// (target, α) at t·A + a, as ``RidgeSpectrum/leaveOneOut(alphas:storeResiduals:blockRows:)``.
    func leaveOneOut(alphas: [Double]) throws(RegressionError) -> (mean: [Double], standardErrors: [Double]) {
        let a = alphas.count, t = targets, k = eigenvalues.count, n = problem.rows
        let s = problem.totalWeight
        var sum = [Double](repeating: 0, count: t * a), sumSquares = sum
        func accumulate(_ i: Int, _ idx: Int, _ loo: Double) {
            let si = problem.weights?[i] ?? 1
            let sq = loo * loo
            sum[idx] += si * sq
            sumSquares[idx] += si * sq * sq
        }
        switch form {
        case .primal:
            let byRow = try la { () throws(LinearAlgebraError) in try problem.activeColumns.transposed() }
            let means = problem.active.map { problem.xMean[$0] }
            let shift = try la { () throws(LinearAlgebraError) in try basis.transposeTimes(means) }
            var r = [Double](repeating: 0, count: k)
            for i in 0..<n {
                let si = problem.weights?[i] ?? 1
                guard si > 0 else { continue }
                for q in 0..<k { r[q] = -shift[q] }
                for f in byRow.columnStarts[i]..<byRow.columnStarts[i + 1] {
                    let j = Int(byRow.rowIndices[f]), x = byRow.values[f]
                    for q in 0..<k { r[q] += x * basis[j, q] }
                }
                for (ai, alpha) in alphas.enumerated() {
                    var leverage = 0.0
                    for q in 0..<k { leverage += r[q] * r[q] / (eigenvalues[q] + alpha) }
                    let oneMinusH = 1 - ((problem.fitIntercept ? si / s : 0) + si * leverage)
                    for tt in 0..<t {
                        var fit = 0.0
                        for q in 0..<k { fit += r[q] * projections[q, tt] / (eigenvalues[q] + alpha) }
                        let e = (problem.y[i, tt] - problem.yMean[tt]) - fit
                        accumulate(i, tt * a + ai, oneMinusH > 0 ? e / oneMinusH : .infinity)
                    }
                }
            }
        case .dual:
            for (r, i) in positiveRows.enumerated() {
                let root = (problem.weights?[i] ?? 1).squareRoot()
                for (ai, alpha) in alphas.enumerated() {
                    var oneMinusH = 0.0
                    for q in 0..<k {
                        let u = basis[r, q]
                        oneMinusH += u * u * alpha / (eigenvalues[q] + alpha)
                    }
                    for tt in 0..<t {
                        var scaledResidual = 0.0   // √sᵢ eᵢ
                        for q in 0..<k { scaledResidual += basis[r, q] * projections[q, tt] * alpha / (eigenvalues[q] + alpha) }
                        accumulate(i, tt * a + ai, oneMinusH > 0 ? scaledResidual / (root * oneMinusH) : .infinity)
                    }
                }
            }
        }
        let folds = Double(positiveRows.count)
        var mean = [Double](repeating: 0, count: t * a), se = mean
        for idx in 0..<(t * a) {
            let m = sum[idx] / s
            mean[idx] = m
            let variance = max(0, sumSquares[idx] / s - m * m)
            se[idx] = m.isFinite && folds > 1 ? (variance / (folds - 1)).squareRoot() : .infinity
        }
        return (mean, se)
    }
}

extension Matrix {
    /// Aᵀ as a new matrix.
    func transposedCopy() -> Matrix {
        var out = Matrix(rows: columns, columns: rows)
        for j in 0..<columns { for i in 0..<rows { out[j, i] = self[i, j] } }
        return out
    }
}
