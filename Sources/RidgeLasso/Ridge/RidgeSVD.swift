import LinearAlgebra

/// Ridge by the singular value decomposition (``RidgeSolver/svd``).
///
/// Tall or square (n ≥ p) — the R-SVD (Chan 1982), on the equilibrated design: Z = XcD⁻¹
/// (D = column norms) = QR once, then only p × p-sized SVDs:
/// - α = 0: R = U diag(s) Vᵀ, so Z = (QU) diag(s) Vᵀ; rank r = #{sᵢ > max(n, p)·ε·s₁}.
///   Full rank: w = D⁻¹V diag(1/sᵢ) Uᵀ(Qᵀyc). Rank-deficient: the minimum-norm least-squares
///   solution in the ORIGINAL coordinates (below).
/// - α > 0: with v = Dw the objective is ‖[Z; √αD⁻¹]v − [yc; 0]‖², unchanged by the scaling,
///   and [Z; √αD⁻¹] = diag(Q, I)[R; √αD⁻¹]; so [R; √αD⁻¹] = U₂ diag(s₂) V₂ᵀ (2p × p) and
///   v = V₂ diag(1/s₂ᵢ) U₂ᵀ[Qᵀyc; 0]. This is the filter formula V diag(sᵢ/(sᵢ² + α))Uᵀyc written
///   for the equilibrated problem, whose penalty is no longer a multiple of the identity.
///
/// Wide (p > n): Xc itself has at most n nonzero singular values.
/// - α > 0: Xc = U diag(s) Vᵀ (thin, unscaled: the penalty α‖w‖² must stay isotropic) and
///   w = V diag(sᵢ/(sᵢ² + α)) Uᵀyc — one SVD for every α > 0.
/// - α = 0: the SVD of Z = XcD⁻¹ and the minimum-norm solution (rank ≤ n < p).
///
/// Minimum norm in the original coordinates: with Z's truncated SVD U_rΣ_rV_rᵀ, Xc = U_r·B,
/// B = Σ_rV_rᵀD (r × p, full row rank), so Xc⁺ = B⁺U_rᵀ; with the QR D V_r = Q₁R₁,
/// B⁺ = Q₁R₁⁻ᵀΣ_r⁻¹ and w = Q₁R₁⁻ᵀΣ_r⁻¹U_rᵀyc.
struct RidgeSVD {
    private let data: RidgeData
    /// n ≥ p: QR of the equilibrated design, R, D, and Qᵀyc (first p rows).
    private var tall: (r: Matrix, scale: [Double], qty: Matrix)?
    /// The SVD whose U, s, V give Z = U diag(s) Vᵀ at α = 0: of R (tall) or of Z (wide), and
    /// Uᵀyc (r × k).
    private var equilibrated: (s: [Double], vt: Matrix, uty: Matrix, scale: [Double])?
    /// Wide, α > 0: the unscaled SVD of Xc.
    private var plain: SingularValueDecomposition?

    init(_ data: RidgeData) { self.data = data }

    private var isTall: Bool { data.n >= data.p }

    /// Xc scaled to unit column norms, and the norms.
    private func equilibratedDesign() throws(RegressionError) -> (Matrix, [Double]) {
        try data.equilibrated(data.centered().x)
    }

    private mutating func tallFactors() throws(RegressionError) -> (r: Matrix, scale: [Double], qty: Matrix) {
        if let tall { return tall }
        let (z, d) = try equilibratedDesign()
        let yc = try data.centered().y
        let f = try la { () throws(LinearAlgebraError) in try QRFactorization(z) }
        let full = try la { () throws(LinearAlgebraError) in try f.applyingQ(to: yc, transposed: true) }
        var top = Matrix(rows: data.p, columns: yc.columns)
        for t in 0..<yc.columns { for i in 0..<data.p { top[i, t] = full[i, t] } }
        let result = (f.r, d, top)
        tall = result
        return result
    }

    private mutating func equilibratedSVD() throws(RegressionError) -> (s: [Double], vt: Matrix, uty: Matrix, scale: [Double]) {
        if let equilibrated { return equilibrated }
        let result: (s: [Double], vt: Matrix, uty: Matrix, scale: [Double])
        if isTall {
            let (r, d, qty) = try tallFactors()
            let svd = try la { () throws(LinearAlgebraError) in try SingularValueDecomposition(r) }
            let uty = try la { () throws(LinearAlgebraError) in try svd.u.multiplied(by: qty, transposingSelf: true) }
            result = (svd.singularValues, svd.vt, uty, d)
        } else {
            let (z, d) = try equilibratedDesign()
            let svd = try la { () throws(LinearAlgebraError) in try SingularValueDecomposition(z) }
            let yc = try data.centered().y
            let uty = try la { () throws(LinearAlgebraError) in try svd.u.multiplied(by: yc, transposingSelf: true) }
            result = (svd.singularValues, svd.vt, uty, d)
        }
        equilibrated = result
        return result
    }

    /// The numerical rank of the equilibrated design.
    private static func rank(_ s: [Double], _ n: Int, _ p: Int) -> Int {
        guard let s1 = s.first else { return 0 }
        let tol = Double(max(n, p)) * Double.ulpOfOne * s1
        return s.filter { $0 > tol }.count
    }

    mutating func solve(alpha: Double) throws(RegressionError) -> (w: Matrix, rank: Int, reciprocalCondition: Double) {
        let p = data.p, k = data.targets
        if alpha > 0 {
            if isTall {
                let (r, d, qty) = try tallFactors()
                var aug = Matrix(rows: 2 * p, columns: p)
                for j in 0..<p {
                    for i in 0...j { aug[i, j] = r[i, j] }
                    let penalty = alpha.squareRoot() / d[j]
                    guard penalty.isFinite else {
                        throw .overflow("√α / ‖x̃ⱼ‖ for a column of centered norm \(d[j]) exceeds the largest Double; rescale X or use cholesky")
                    }
                    aug[p + j, j] = penalty
                }
                let svd = try la { () throws(LinearAlgebraError) in try SingularValueDecomposition(aug) }
                var rhs = Matrix(rows: 2 * p, columns: k)
                for t in 0..<k { for i in 0..<p { rhs[i, t] = qty[i, t] } }
                var uty = try la { () throws(LinearAlgebraError) in try svd.u.multiplied(by: rhs, transposingSelf: true) }
                let s = svd.singularValues
                for t in 0..<k { for i in 0..<s.count { uty[i, t] /= s[i] } }
                var w = try la { () throws(LinearAlgebraError) in try svd.vt.multiplied(by: uty, transposingSelf: true) }
                for t in 0..<k { for j in 0..<p { w[j, t] /= d[j] } }
                let e = try equilibratedSVD()
                let rcond = (s.first ?? 0) > 0 ? (s.last ?? 0) / (s.first ?? 1) : 0
                return (w, Self.rank(e.s, data.n, p), rcond)
            }
            let c = try data.centered()
            if plain == nil { plain = try la { () throws(LinearAlgebraError) in try SingularValueDecomposition(c.x) } }
            guard let svd = plain else { throw .singular("SVD unavailable") }
            let s = svd.singularValues
            var filtered = try la { () throws(LinearAlgebraError) in try svd.u.multiplied(by: c.y, transposingSelf: true) }
            for t in 0..<k { for i in 0..<s.count { filtered[i, t] *= s[i] / (s[i] * s[i] + alpha) } }
            let w = try la { () throws(LinearAlgebraError) in try svd.vt.multiplied(by: filtered, transposingSelf: true) }
            let s1 = s.first ?? 0
            return (w, svd.rank(), alpha / (s1 * s1 + alpha))   // s_min = 0 when p > n
        }
        let (s, vt, uty, d) = try equilibratedSVD()
        let r = Self.rank(s, data.n, p)
        let s1 = s.first ?? 0
        let rcond = p > s.count || s1 == 0 ? 0 : (s.last ?? 0) / s1
        // t = Σ_r⁻¹ U_rᵀ yc (r × k); V_r (p × r).
        var t = Matrix(rows: r, columns: k)
        for col in 0..<k { for i in 0..<r { t[i, col] = uty[i, col] / s[i] } }
        var vr = Matrix(rows: p, columns: r)
        for i in 0..<r { for j in 0..<p { vr[j, i] = vt[i, j] } }
        if r == p {
            var w = try la { () throws(LinearAlgebraError) in try vr.multiplied(by: t) }
            for col in 0..<k { for j in 0..<p { w[j, col] /= d[j] } }
            return (w, r, rcond)
        }
        guard r > 0 else { return (Matrix(rows: p, columns: k), 0, rcond) }
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
