import LinearAlgebra

/// The duality gap of the elastic-net objective at a point w: an upper bound on P(w) − P(w*)
/// that needs no knowledge of the optimum, so it certifies convergence.
///
/// Primal (scikit-learn's scaling), with λ₁ = αr and λ₂ = α(1 − r):
///
///     P(w) = (1/2n)‖yc − Xc w‖² + λ₁‖w‖₁ + (λ₂/2)‖w‖².
///
/// Writing the elastic net as a lasso on the augmented data [Xc; √(nλ₂) I], [yc; 0] and taking
/// the dual point θ = c·R with R the augmented residual and c = min(1, nλ₁/‖XcᵀR − nλ₂w‖∞)
/// (the largest feasible rescaling), the gap of the n-scaled problem is
///
///     G = ½(1 + c²)(‖R‖² + nλ₂‖w‖²) + nλ₁‖w‖₁ − c·ycᵀR,   R = yc − Xc w,
///
/// and the gap of P is G/n. (Duality-gap certificates for the lasso: Ghaoui, Viallon & Rabbani
/// 2012; Massias, Gramfort & Salmon 2018.) Cost: two matrix–vector products.
enum ElasticNetDualityGap {
    /// (primal P(w), gap G/n) at `w`.
    static func evaluate(
        _ data: GradientDesign, w: [Double], l1: Double, l2: Double
    ) throws(RegressionError) -> (primal: Double, gap: Double) {
        let n = Double(data.n)
        var r = try data.residual(w)          // Xc w − yc
        for i in 0..<r.count { r[i] = -r[i] }  // R = yc − Xc w
        let xtr = try data.transposeTimes(r)
        var dualNorm = 0.0, l1Norm = 0.0, wNorm2 = 0.0
        for j in 0..<w.count {
            dualNorm = max(dualNorm, abs(xtr[j] - n * l2 * w[j]))
            l1Norm += abs(w[j])
            wNorm2 += w[j] * w[j]
        }
        let rNorm2 = BLAS.dot(r, r)
        let primal = rNorm2 / (2 * n) + l1 * l1Norm + l2 / 2 * wNorm2
        let c = dualNorm > n * l1 ? n * l1 / dualNorm : 1
        let gap = 0.5 * (1 + c * c) * (rNorm2 + n * l2 * wNorm2) + n * l1 * l1Norm - c * BLAS.dot(data.yc, r)
        return (primal, max(gap, 0) / n)
    }
}
