import LinearAlgebra

/// The duality gap of the elastic-net problem
///
///     P(w) = (c/2)‖r‖² + Σⱼ hⱼ(wⱼ),   r = ỹ − X̃w
///     D(θ) = c θᵀỹ − (c/2)‖θ‖² − Σⱼ hⱼ*(c x̃ⱼᵀθ)
///
/// at the dual point θ = κ(r − X̃_U z): the residual, with the unpenalized features U projected
/// out (z solves G_UU z = ρ_U, so x̃ⱼᵀθ = 0 on U as hⱼ* = ι{0} demands), scaled by
/// κ = min(1, minⱼ λ₁aⱼ/|ŝⱼ|) over the pure-l1 features so that |c x̃ⱼᵀθ| ≤ λ₁aⱼ (scikit-learn's
/// choice for the lasso; features with an l2 part need no scaling).
///
/// Substituting ỹ = r + X̃w turns P − D into a sum of non-negative terms, which is how it is
/// computed (no difference of two nearly equal objectives, so gaps down to ~1e-16·c‖ỹ‖² are
/// resolved):
///
///     P − D = (c/2)‖r − θ‖² + Σⱼ FYⱼ(wⱼ, κŝⱼ),   ŝ = ρ − G_{·U} z,  ρ = c X̃ᵀr
///     (c/2)‖r − θ‖² = ½[(1 − κ)² c‖r‖² + κ(2 − κ) zᵀρ_U]
///
/// where FYⱼ is the Fenchel–Young gap of one coordinate (``ElasticNetPenalty/fenchelYoungGap(_:_:feature:)``).
/// Weak duality makes it an upper bound on P(w) − P(w*).
enum DualityGap {
    /// The gap from the correlations ρ = cX̃ᵀr of all features, c‖r‖², and the projection of the
    /// unpenalized features (nil when there are none).
    static func compute(
        coefficients w: UnsafePointer<Double>, correlations rho: UnsafePointer<Double>, count p: Int,
        residualNormSquared q: Double, curvature: UnsafePointer<Double>,
        penalty: ElasticNetPenalty, projection: UnpenalizedProjection?,
        scratch s: UnsafeMutablePointer<Double>
    ) -> Double {
        for j in 0..<p { s[j] = curvature[j] > 0 ? rho[j] : 0 }
        var zRho = 0.0
        if let projection {
            guard let value = projection.project(s) else { return .infinity }
            zRho = value
        }
        var kappa = 1.0
        let lam1 = penalty.l1, lam2 = penalty.l2
        penalty.l1Weights.withUnsafeBufferPointer { a in
            penalty.l2Weights.withUnsafeBufferPointer { b in
                for j in 0..<p where lam2 * b[j] == 0 {
                    let lam = lam1 * a[j]
                    guard lam > 0 else { continue }
                    let sj = penalty.positive ? s[j] : abs(s[j])
                    if sj > lam { kappa = min(kappa, lam / sj) }
                }
            }
        }
        let oneMinus = 1 - kappa
        var gap = 0.5 * (oneMinus * oneMinus * max(q, 0) + kappa * (2 - kappa) * max(zRho, 0))
        let unpenalized = projection?.isUnpenalized
        for j in 0..<p {
            if let unpenalized, unpenalized[j] { continue }
            gap += penalty.fenchelYoungGap(w[j], kappa * s[j], feature: j)
        }
        return max(gap, 0)
    }
}

/// The projection of the dual point onto the orthogonal complement of the unpenalized features
/// U = {j : λ₁aⱼ = λ₂bⱼ = 0, dⱼ > 0}: their Gram columns G_{·U} (c-scaled) and the Cholesky factor
/// of G_UU. A singular G_UU (duplicated unpenalized columns) is regularized by 1e-12·max diag,
/// which leaves x̃ⱼᵀθ on U at rounding level.
struct UnpenalizedProjection {
    /// The unpenalized features, in order.
    let features: [Int]
    /// Membership flags, one per feature.
    let isUnpenalized: [Bool]
    /// G_{·U}: p × |U|, column-major.
    let gram: [Double]
    let factor: CholeskyFactorization
    let count: Int

    /// Largest U handled (the gap is reported as +∞ beyond it).
    static let maximumSize = 2048

    init?<Design: CoordinateDescentStatistics>(features: [Int], design: Design) throws(RegressionError) {
        guard !features.isEmpty, features.count <= UnpenalizedProjection.maximumSize else { return nil }
        let p = design.columns, k = features.count
        let g = try design.gramColumns(features)
        var guu = Matrix(rows: k, columns: k)
        var maxDiag = 0.0
        for a in 0..<k {
            for b in 0..<k { guu[b, a] = g[a * p + features[b]] }
            maxDiag = max(maxDiag, guu[a, a])
        }
        var factor: CholeskyFactorization? = try? CholeskyFactorization(guu)
        if factor == nil || factor!.reciprocalCondition < 1e-14 {
            for a in 0..<k { guu[a, a] += 1e-12 * max(maxDiag, .leastNormalMagnitude) }
            factor = try la { () throws(LinearAlgebraError) in try CholeskyFactorization(guu) }
        }
        guard let factor else { return nil }
        var flags = [Bool](repeating: false, count: p)
        for j in features { flags[j] = true }
        self.features = features
        self.isUnpenalized = flags
        self.gram = g
        self.factor = factor
        self.count = p
    }

    /// Replaces ŝ by ŝ − G_{·U} z with z = G_UU⁻¹ ŝ_U; returns zᵀŝ_U (before the update), or nil if
    /// the solve failed.
    func project(_ s: UnsafeMutablePointer<Double>) -> Double? {
        let k = features.count, p = count
        let rhs = features.map { s[$0] }
        guard let z = try? factor.solve(rhs) else { return nil }
        var zRho = 0.0
        for a in 0..<k { zRho += z[a] * rhs[a] }
        gram.withUnsafeBufferPointer { g in
            for a in 0..<k {
                let za = z[a], base = a * p
                for l in 0..<p { s[l] -= za * g[base + l] }
            }
        }
        for j in features { s[j] = 0 }
        return zRho
    }
}
