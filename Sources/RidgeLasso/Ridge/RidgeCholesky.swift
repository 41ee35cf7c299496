import LinearAlgebra

/// Ridge by Cholesky of the regularized Gram matrix (``RidgeSolver/cholesky``).
///
/// - Primal, n ≥ p: (XcᵀXc + αI) w = XcᵀYc, with XcᵀXc from one `dsyrk` pass over X.
/// - Dual, p > n: c = (XcXcᵀ + αI)⁻¹ Yc and w = Xcᵀc, an n × n system (the push-through
///   identity (XᵀX + αI)⁻¹Xᵀ = Xᵀ(XXᵀ + αI)⁻¹), so no p × p matrix is ever formed.
///
/// Before factoring, the system A is equilibrated, D⁻¹AD⁻¹ with D = √diag(A), so that `dpocon`
/// estimates the condition number that actually governs Cholesky's accuracy (van der Sluis: the
/// scaled one); the solution is mapped back exactly (w = D⁻¹v).
struct RidgeCholesky {
    /// The Gram matrix (p × p primal, n × n dual) and the right-hand sides.
    private let gram: Matrix
    private let rhs: Matrix
    /// The dual maps c back with Xcᵀ, block of columns by block of columns.
    private let dual: (data: RidgeData, blocks: [[Int]])?

    /// Whether the dual (n × n) form is used: exactly when p > n.
    static func usesDual(_ data: RidgeData) -> Bool { data.p > data.n }

    init(_ data: RidgeData) throws(RegressionError) {
        if Self.usesDual(data) {
            // XcXcᵀ = Σ_blocks B·Bᵀ over blocks B of centered columns: one pass over X, and no
            // n × p centered copy. Blocks of at least 2048 columns (or about 4 MiB), since each
            // dsyrk call also reads and writes all of the n × n result; a single block, X itself,
            // when there is nothing to center, weight or select.
            let n = data.n
            let direct = !data.fitIntercept && data.weights == nil && data.p == data.x.columns && n == data.x.rows
            let width = direct ? data.p : max(2048, (1 << 19) / max(1, n))
            let blocks = stride(from: 0, to: data.p, by: width).map { Array(data.active[$0..<min(data.p, $0 + width)]) }
            var k = Matrix(rows: n, columns: n)
            var xMean: [Double] = []
            xMean.reserveCapacity(data.p)
            for block in blocks {
                let b = try data.centeredColumns(block)
                try la { () throws(LinearAlgebraError) in try k.addOuterGram(of: b.matrix) }
                xMean += b.means
            }
            k.symmetrizeFromLower()
            let rows: [Int]? = data.usedRows.count == data.x.rows ? nil : data.usedRows
            let yc = try la { () throws(LinearAlgebraError) in
                try CenteredCopy(of: data.y, rows: rows, weights: data.weights, center: data.fitIntercept)
            }
            data.storeMeans(x: xMean, y: yc.means)
            gram = k
            rhs = yc.matrix
            dual = (data, blocks)
        } else {
            let cp = try data.crossProducts()
            gram = cp.gram
            rhs = cp.cross
            dual = nil
        }
    }

    /// The solution for one α, with the reciprocal condition of the equilibrated system.
    /// - Throws: ``RegressionError/singular(_:)`` when the system is not numerically positive
    ///   definite, its reciprocal condition is below m·ε (m its order: no digit would be right),
    ///   or the Gram matrix overflowed.
    func solve(alpha: Double) throws(RegressionError) -> (w: Matrix, reciprocalCondition: Double) {
        let m = gram.rows
        let kind = dual == nil ? "XcᵀXc + αI" : "XcXcᵀ + αI"
        var a = gram
        var d = [Double](repeating: 0, count: m)
        for i in 0..<m {
            let diag = gram[i, i] + alpha
            guard diag > 0, diag.isFinite else {
                throw .singular("\(kind) has diagonal \(diag) at \(i): not positive definite (use qr or svd)")
            }
            d[i] = diag.squareRoot()
        }
        a.storage.withUnsafeMutableBufferPointer { s in
            for j in 0..<m {
                for i in 0..<m { s[i + j * m] /= d[i] * d[j] }
                s[j + j * m] = (gram[j, j] + alpha) / (d[j] * d[j])
            }
        }
        if let (i, j) = a.firstNonFinite() {
            throw .singular("\(kind) overflowed Double at (\(i), \(j)) (use qr or svd)")
        }
        let factor: CholeskyFactorization
        do {
            factor = try CholeskyFactorization(a)
        } catch .notPositiveDefinite(let k) {
            throw .singular("\(kind) is not numerically positive definite (leading minor \(k)); X is rank-deficient or too ill-conditioned for Cholesky: use qr or svd")
        } catch {
            throw .linearAlgebra(error)
        }
        // Below m·ε the factor carries no correct digit: refuse rather than return noise.
        guard factor.reciprocalCondition >= Double(m) * Double.ulpOfOne else {
            throw .singular("\(kind) is numerically singular (reciprocal condition \(factor.reciprocalCondition)); X is rank-deficient or too ill-conditioned for Cholesky: use qr or svd")
        }
        var b = rhs
        for t in 0..<b.columns { for i in 0..<m { b[i, t] /= d[i] } }
        var v = try la { () throws(LinearAlgebraError) in try factor.solve(b) }
        for t in 0..<v.columns { for i in 0..<m { v[i, t] /= d[i] } }
        if let dual {
            // w = Xcᵀc, block by block (the blocks are centered again, identically).
            var w = Matrix(rows: dual.data.p, columns: v.columns)
            var offset = 0
            for block in dual.blocks {
                let b = try dual.data.centeredColumns(block).matrix
                let c = v
                let part = try la { () throws(LinearAlgebraError) in
                    c.columns == 1
                        ? try Matrix(rows: b.columns, columns: 1, columnMajor: b.transposeTimes(c.storage))
                        : try b.multiplied(by: c, transposingSelf: true)
                }
                for t in 0..<v.columns { for j in 0..<b.columns { w[offset + j, t] = part[j, t] } }
                offset += b.columns
            }
            v = w
        }
        return (v, factor.reciprocalCondition)
    }
}
