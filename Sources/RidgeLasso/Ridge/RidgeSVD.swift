import LinearAlgebra

/// Ridge by the thin SVD (``RidgeSolver/svd``).
///
/// - α > 0: Xc = U diag(s) Vᵀ (unscaled, so the penalty stays α‖w‖² exactly) and
///   w = V diag(sᵢ/(sᵢ² + α)) UᵀYc — one decomposition serves every α > 0.
/// - α = 0: the SVD of the equilibrated Z = XcD⁻¹ (D = column norms) = U diag(s) Vᵀ, rank r =
///   #{sᵢ > max(n, p)·ε·s₁}. Full column rank: w = D⁻¹V diag(1/sᵢ) UᵀYc. Rank-deficient: the
///   minimum-norm least-squares solution in the ORIGINAL coordinates, from the full-rank
///   factorization Xc = U_r·B with B = Σ_r V_rᵀD (r × p): Xc⁺ = B⁺U_rᵀ, and with the QR
///   DV_r = Q₁R₁, B⁺ = Q₁R₁⁻ᵀΣ_r⁻¹, so w = Q₁ R₁⁻ᵀ Σ_r⁻¹ U_rᵀ Yc.
struct RidgeSVD {
    private let data: RidgeData
    private var plain: SingularValueDecomposition?
    private var equilibrated: (svd: SingularValueDecomposition, scale: [Double])?

    init(_ data: RidgeData) { self.data = data }

    mutating func solve(alpha: Double) throws(RegressionError) -> (w: Matrix, rank: Int, reciprocalCondition: Double) {
        let c = data.centered()
        let k = c.y.columns, p = data.p
        if alpha > 0 {
            if plain == nil { plain = try la { () throws(LinearAlgebraError) in try SingularValueDecomposition(c.x) } }
            guard let svd = plain else { throw .singular("SVD unavailable") }
            let s = svd.singularValues
            let uty = try la { () throws(LinearAlgebraError) in try svd.u.multiplied(by: c.y, transposingSelf: true) }
            var filtered = uty
            for t in 0..<k { for i in 0..<s.count { filtered[i, t] = uty[i, t] * s[i] / (s[i] * s[i] + alpha) } }
            let w = try la { () throws(LinearAlgebraError) in try svd.vt.multiplied(by: filtered, transposingSelf: true) }
            let s1 = s.first ?? 0
            let sMin = p > s.count ? 0 : (s.last ?? 0)
            return (w, svd.rank(), (sMin * sMin + alpha) / (s1 * s1 + alpha))
        }
        if equilibrated == nil {
            var z = c.x
            var norms = [Double](repeating: 0, count: p)
            for j in 0..<p {
                let column = z.column(j)
                let norm = BLAS.norm(column)
                guard norm > 0, norm.isFinite else {
                    throw .singular("column \(data.active[j]) has centered norm \(norm)")
                }
                norms[j] = norm
                z.setColumn(j, to: column.map { $0 / norm })
            }
            let svd = try la { () throws(LinearAlgebraError) in try SingularValueDecomposition(z) }
            equilibrated = (svd, norms)
        }
        guard let (svd, d) = equilibrated else { throw .singular("SVD unavailable") }
        let s = svd.singularValues
        let r = svd.rank()
        let s1 = s.first ?? 0
        let rcond = p > s.count ? 0 : (s1 > 0 ? (s.last ?? 0) / s1 : 0)
        let uty = try la { () throws(LinearAlgebraError) in try svd.u.multiplied(by: c.y, transposingSelf: true) }
        // t = Σ_r⁻¹ U_rᵀ Yc (r × k).
        var t = Matrix(rows: r, columns: k)
        for col in 0..<k { for i in 0..<r { t[i, col] = uty[i, col] / s[i] } }
        // V_r (p × r) from Vᵀ (rows 0..<r).
        var vr = Matrix(rows: p, columns: r)
        for i in 0..<r { for j in 0..<p { vr[j, i] = svd.vt[i, j] } }
        if r == p {
            var w = try la { () throws(LinearAlgebraError) in try vr.multiplied(by: t) }
            for col in 0..<k { for j in 0..<p { w[j, col] /= d[j] } }
            return (w, r, rcond)
        }
        guard r > 0 else { return (Matrix(rows: p, columns: k), 0, rcond) }
        // Rank-deficient: w = Q₁ R₁⁻ᵀ t with D V_r = Q₁R₁.
        var dv = vr
        for i in 0..<r { for j in 0..<p { dv[j, i] *= d[j] } }
        let f = try la { () throws(LinearAlgebraError) in try QRFactorization(dv) }
        let u = try la { () throws(LinearAlgebraError) in try TriangularSystem(f.r, upper: true).solve(t, transposed: true) }
        var padded = Matrix(rows: p, columns: k)
        for col in 0..<k { for i in 0..<r { padded[i, col] = u[i, col] } }
        let w = try la { () throws(LinearAlgebraError) in try f.applyingQ(to: padded, transposed: false) }
        return (w, r, rcond)
    }
}
