import LinearAlgebra

/// Ridge by Householder QR (``RidgeSolver/qr``): least squares on an augmented system, with no
/// Gram matrix, so the error grows like κ(X) rather than κ(X)².
///
/// - Primal, n ≥ p: with the columns scaled to unit norm, Z = XcD⁻¹ and v = Dw, the objective is
///   ‖Zv − yc‖² + α‖D⁻¹v‖² = ‖[Z; √α D⁻¹] v − [yc; 0]‖², unchanged. Z = QR is factored ONCE;
///   since [Z; √αD⁻¹] = diag(Q, I)·[R; √αD⁻¹], each α then needs only the QR of the 2p × p
///   matrix [R; √αD⁻¹] with right-hand side [Qᵀyc; 0] (α = 0: the triangular solve Rv = Qᵀyc).
/// - Dual, p > n: Xcᵀ = QR (p × n) ONCE; w lies in the row space of Xc, w = Qz, and the problem
///   becomes the n-dimensional ‖Rᵀz − yc‖² + α‖z‖², solved by the QR of [Rᵀ; √αI]; then
///   w = Q[z; 0]. (No column scaling here: it would make the penalty non-isotropic.)
struct RidgeQR {
    private let factorization: QRFactorization
    private let r: Matrix
    /// Primal: Qᵀyc restricted to the first p rows. Dual: yc itself.
    private let rhs: Matrix
    /// Primal: the column norms D. Dual: `nil`.
    private let scale: [Double]?
    private let maxDimension: Int

    init(_ data: RidgeData) throws(RegressionError) {
        let c = try data.centered()
        maxDimension = max(data.n, data.p)
        if data.p > data.n {
            let f = try la { () throws(LinearAlgebraError) in try QRFactorization(c.x.transposed) }
            factorization = f
            r = f.r
            rhs = c.y
            scale = nil
        } else {
            let (z, norms) = try data.equilibrated(c.x)
            let f = try la { () throws(LinearAlgebraError) in try QRFactorization(z) }
            factorization = f
            r = f.r
            let qty = try la { () throws(LinearAlgebraError) in try f.applyingQ(to: c.y, transposed: true) }
            var top = Matrix(rows: data.p, columns: c.y.columns)
            for t in 0..<top.columns { for i in 0..<data.p { top[i, t] = qty[i, t] } }
            rhs = top
            scale = norms
        }
    }

    /// 1/κ₁(R) of the equilibrated factor (primal) or of R from Xcᵀ (dual).
    var reciprocalConditionOfR: Double { factorization.reciprocalCondition }

    /// Whether α = 0 would be a rank-deficient least-squares problem: rcond(R) < max(n, p)·ε.
    var isRankDeficient: Bool {
        !(factorization.reciprocalCondition >= Double(maxDimension) * Double.ulpOfOne)
    }

    func solve(alpha: Double) throws(RegressionError) -> (w: Matrix, reciprocalCondition: Double) {
        let m = r.rows
        if alpha == 0, isRankDeficient {
            throw .singular("X is numerically rank-deficient (reciprocal condition of R \(factorization.reciprocalCondition)), so α = 0 has no unique solution: use svd for the minimum-norm solution, or α > 0")
        }
        if let scale {
            // Primal.
            var v: Matrix
            var rcond = factorization.reciprocalCondition
            if alpha == 0 {
                v = try la { () throws(LinearAlgebraError) in try TriangularSystem(r, upper: true).solve(rhs) }
            } else {
                var aug = Matrix(rows: 2 * m, columns: m)
                for j in 0..<m {
                    for i in 0...j { aug[i, j] = r[i, j] }
                    let penalty = alpha.squareRoot() / scale[j]
                    guard penalty.isFinite else {
                        throw .overflow("√α / ‖x̃ⱼ‖ for a column of centered norm \(scale[j]) exceeds the largest Double; rescale X or use cholesky")
                    }
                    aug[m + j, j] = penalty
                }
                var b = Matrix(rows: 2 * m, columns: rhs.columns)
                for t in 0..<rhs.columns { for i in 0..<m { b[i, t] = rhs[i, t] } }
                let f2 = try la { () throws(LinearAlgebraError) in try QRFactorization(aug) }
                v = try la { () throws(LinearAlgebraError) in try f2.solveLeastSquares(b) }
                rcond = f2.reciprocalCondition
            }
            for t in 0..<v.columns { for i in 0..<m { v[i, t] /= scale[i] } }
            return (v, rcond)
        }
        // Dual: min ‖Rᵀz − yc‖² + α‖z‖², then w = Q[z; 0].
        let rt = r.transposed
        var z: Matrix
        var rcond = factorization.reciprocalCondition
        if alpha == 0 {
            z = try la { () throws(LinearAlgebraError) in try TriangularSystem(r, upper: true).solve(rhs, transposed: true) }
        } else {
            var aug = Matrix(rows: 2 * m, columns: m)
            for j in 0..<m {
                for i in j..<m { aug[i, j] = rt[i, j] }
                aug[m + j, j] = alpha.squareRoot()
            }
            var b = Matrix(rows: 2 * m, columns: rhs.columns)
            for t in 0..<rhs.columns { for i in 0..<m { b[i, t] = rhs[i, t] } }
            let f2 = try la { () throws(LinearAlgebraError) in try QRFactorization(aug) }
            z = try la { () throws(LinearAlgebraError) in try f2.solveLeastSquares(b) }
            rcond = f2.reciprocalCondition
        }
        var padded = Matrix(rows: factorization.rowCount, columns: z.columns)
        for t in 0..<z.columns { for i in 0..<m { padded[i, t] = z[i, t] } }
        let w = try la { () throws(LinearAlgebraError) in try factorization.applyingQ(to: padded, transposed: false) }
        return (w, rcond)
    }
}
