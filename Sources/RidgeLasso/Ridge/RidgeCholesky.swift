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
    /// The Gram matrix (p × p primal, n × n dual; the lower triangle is what is read) and the
    /// right-hand sides.
    private var gram: Matrix
    private let rhs: Matrix
    /// How the dual maps c back to w = Xcᵀc.
    private let dual: DualMap?

    private enum DualMap {
        /// w = Xᵀc − x̄(1ᵀc) over all of X (every row used, no weights), then the active columns.
        case direct(data: RidgeData, means: [Double])
        /// Block of centered columns by block of columns, centered again exactly as for the Gram.
        case blocks(data: RidgeData, blocks: [[Int]])
    }

    /// Whether the dual (n × n) form is used: exactly when p > n.
    static func usesDual(_ data: RidgeData) -> Bool { data.p > data.n }

    init(_ data: RidgeData) throws(RegressionError) {
        guard Self.usesDual(data) else {
            let cp = try data.crossProducts()
            gram = cp.gram
            rhs = cp.cross
            dual = nil
            return
        }
        let n = data.n
        let rows: [Int]? = data.usedRows.count == data.x.rows ? nil : data.usedRows
        let yc = try la { () throws(LinearAlgebraError) in
            try CenteredCopy(of: data.y, rows: rows, weights: data.weights, center: data.fitIntercept)
        }
        rhs = yc.matrix
        // Every row, no weights: XcXcᵀ from one dsyrk on X itself, centered afterwards when that
        // loses at most two bits (``CenteredOuterGram``). Columns set aside (constant, or all
        // zero without an intercept) have centered columns exactly 0 and add nothing.
        if rows == nil, data.weights == nil,
           let outer = try la({ () throws(LinearAlgebraError) in try CenteredOuterGram(x: data.x, center: data.fitIntercept) }) {
            gram = outer.gram
            data.storeMeans(x: data.active.map { outer.means[$0] }, y: yc.means)
            dual = .direct(data: data, means: outer.means)
            return
        }
        // Otherwise XcXcᵀ = Σ_blocks B·Bᵀ over blocks B of centered columns: one pass over X, and
        // no n × p centered copy. Blocks of at least 2048 columns (or about 4 MiB), since each
        // dsyrk call also reads and writes all of the n × n result.
        let width = max(2048, (1 << 19) / max(1, n))
        let blocks = stride(from: 0, to: data.p, by: width).map { Array(data.active[$0..<min(data.p, $0 + width)]) }
        var k = Matrix(rows: n, columns: n)
        var xMean: [Double] = []
        xMean.reserveCapacity(data.p)
        for block in blocks {
            let b = try data.centeredColumns(block)
            try la { () throws(LinearAlgebraError) in try k.addOuterGram(of: b.matrix) }
            xMean += b.means
        }
        data.storeMeans(x: xMean, y: yc.means)
        gram = k
        dual = .blocks(data: data, blocks: blocks)
    }

    /// The solution for one α, with the reciprocal condition of the equilibrated system.
    /// - Throws: ``RegressionError/singular(_:)`` when the system is not numerically positive
    ///   definite, its reciprocal condition is below m·ε (m its order: no digit would be right),
    ///   or the Gram matrix overflowed.
    func solve(alpha: Double) throws(RegressionError) -> (w: Matrix, reciprocalCondition: Double) {
        var none: Matrix? = nil
        return try solve(alpha: alpha, overwritingGram: &none)
    }

    /// As ``solve(alpha:)`` for the last α: the system is equilibrated and factored in the Gram
    /// matrix's own memory (no m × m copy, when nothing else holds it).
    consuming func solveLast(alpha: Double) throws(RegressionError) -> (w: Matrix, reciprocalCondition: Double) {
        var system: Matrix? = gram
        gram = Matrix(rows: 0, columns: 0)   // `system` is now the only reference
        return try solve(alpha: alpha, overwritingGram: &system)
    }

    private func solve(alpha: Double, overwritingGram system: inout Matrix?) throws(RegressionError) -> (w: Matrix, reciprocalCondition: Double) {
        let kind = dual == nil ? "XcᵀXc + αI" : "XcXcᵀ + αI"
        let m: Int
        var d: [Double]
        do {
            let source = system ?? gram
            m = source.rows
            d = [Double](repeating: 0, count: m)
            for i in 0..<m {
                let diag = source[i, i] + alpha
                guard diag > 0, diag.isFinite else {
                    throw RegressionError.singular("\(kind) has diagonal \(diag) at \(i): not positive definite (use qr or svd)")
                }
                d[i] = diag.squareRoot()
            }
        }
        // The equilibrated system D⁻¹(A + αI)D⁻¹, lower triangle (all that dpotrf reads), in one
        // pass; the strict upper triangle is zero. Its entries are at most about 1 in magnitude
        // (|Aᵢⱼ| ≤ √(AᵢᵢAⱼⱼ) for a Gram matrix), so they are finite when the diagonal is. Each
        // entry is read before it is written, at the same place: in place is allowed.
        let inverse = d.map { 1 / $0 }
        func equilibrate(_ g: UnsafePointer<Double>, _ s: UnsafeMutablePointer<Double>) {
            for j in 0..<m {
                let column = j * m
                for i in 0..<j { s[column + i] = 0 }
                s[column + j] = (g[column + j] + alpha) / (d[j] * d[j])
                let dj = inverse[j]
                for i in (j + 1)..<max(j + 1, m) { s[column + i] = g[column + i] * dj * inverse[i] }
            }
        }
        var a: Matrix
        if var inPlace = system {
            system = nil
            inPlace.storage.withUnsafeMutableBufferPointer { s in equilibrate(s.baseAddress!, s.baseAddress!) }
            a = inPlace
        } else {
            let storage = gram.storage.withUnsafeBufferPointer { g in
                [Double](unsafeUninitializedCapacity: m * m) { s, count in
                    equilibrate(g.baseAddress!, s.baseAddress!)
                    count = m * m
                }
            }
            a = try la { () throws(LinearAlgebraError) in try Matrix(rows: m, columns: m, columnMajor: storage) }
        }
        let factor: CholeskyFactorization
        do {
            factor = try CholeskyFactorization(consume a)
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
        switch dual {
        case nil:
            break
        case .direct(let data, let means)?:
            // w = Xcᵀc = Xᵀc − x̄(1ᵀc) (1ᵀc is 0 up to rounding: yc is centered), active columns.
            let c = v
            let all = try la { () throws(LinearAlgebraError) in
                c.columns == 1
                    ? try Matrix(rows: data.x.columns, columns: 1, columnMajor: data.x.transposeTimes(c.storage))
                    : try data.x.multiplied(by: c, transposingSelf: true)
            }
            var w = Matrix(rows: data.p, columns: v.columns)
            for t in 0..<v.columns {
                let total = (0..<m).reduce(0.0) { $0 + c[$1, t] }
                for (jj, j) in data.active.enumerated() { w[jj, t] = all[j, t] - means[j] * total }
            }
            v = w
        case .blocks(let data, let blocks)?:
            // w = Xcᵀc, block by block (the blocks are centered again, identically).
            var w = Matrix(rows: data.p, columns: v.columns)
            var offset = 0
            for block in blocks {
                let b = try data.centeredColumns(block).matrix
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
