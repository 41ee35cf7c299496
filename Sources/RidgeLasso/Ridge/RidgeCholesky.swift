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
    /// The dual maps c back with Xcᵀ.
    private let dualDesign: Matrix?

    /// Whether the dual (n × n) form is used: exactly when p > n.
    static func usesDual(_ data: RidgeData) -> Bool { data.p > data.n }

    init(_ data: RidgeData) throws(RegressionError) {
        if Self.usesDual(data) {
            let c = try data.centered()
            gram = try la { () throws(LinearAlgebraError) in try c.x.outerGram() }
            rhs = c.y
            dualDesign = c.x
        } else {
            let cp = try data.crossProducts()
            gram = cp.gram
            rhs = cp.cross
            dualDesign = nil
        }
    }

    /// The solution for one α, with the reciprocal condition of the equilibrated system.
    /// - Throws: ``RegressionError/singular(_:)`` when the system is not numerically positive
    ///   definite, its reciprocal condition is below m·ε (m its order: no digit would be right),
    ///   or the Gram matrix overflowed.
    func solve(alpha: Double) throws(RegressionError) -> (w: Matrix, reciprocalCondition: Double) {
        let m = gram.rows
        let kind = dualDesign == nil ? "XcᵀXc + αI" : "XcXcᵀ + αI"
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
        if let dualDesign {
            let c = v
            v = try la { () throws(LinearAlgebraError) in
                // One target: dgemv (dgemm with one column would pack all of Xc first).
                c.columns == 1
                    ? try Matrix(rows: dualDesign.columns, columns: 1, columnMajor: dualDesign.transposeTimes(c.storage))
                    : try dualDesign.multiplied(by: c, transposingSelf: true)
            }
        }
        return (v, factor.reciprocalCondition)
    }
}
