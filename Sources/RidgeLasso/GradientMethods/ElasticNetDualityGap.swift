import LinearAlgebra

/// The duality gap of the elastic-net objective at a point w for the gradient baselines: an upper
/// bound on P(w) − P(w*) that needs no knowledge of the optimum, so it certifies convergence.
///
///     P(w) = (1/2n)‖yc − Xc w‖² + λ₁‖w‖₁ + (λ₂/2)‖w‖²,   λ₁ = αr, λ₂ = α(1 − r)
///
/// It is the models' gap (``DualityGap``, with the penalty as ``ElasticNetPenalty``) on the
/// centered data: the same dual point and the same sum of non-negative terms, so an ISTA/FISTA
/// gap and a coordinate-descent gap measure one thing. For α = 0 every feature is unpenalized and
/// the dual point is 0: the gap is P(w) itself. Cost: two matrix–vector products.
enum ElasticNetDualityGap {
    /// (primal P(w), gap) at `w`.
    static func evaluate(
        _ data: GradientDesign, w: [Double], l1: Double, l2: Double
    ) throws(RegressionError) -> (primal: Double, gap: Double) {
        let n = Double(data.n), p = w.count
        var r = try data.residual(w)          // Xc w − yc
        for i in 0..<r.count { r[i] = -r[i] }  // r = yc − Xc w
        let rho = try data.transposeTimes(r).map { $0 / n }
        let q = BLAS.dot(r, r) / n
        var penalty = ElasticNetPenalty(alpha: 0, l1Ratio: 1, count: p)
        penalty.l1 = l1
        penalty.l2 = l2
        let primal = 0.5 * q + penalty.value(w)
        guard p > 0 else { return (primal, 0) }   // θ = r is then optimal
        guard l1 > 0 || l2 > 0 else { return (primal, max(primal, 0)) }
        // Every column takes part (a constant centered column has ρⱼ = 0 and stays at wⱼ = 0).
        let curvature = [Double](repeating: 1, count: p)
        var scratch = [Double](repeating: 0, count: p)
        let gap = w.withUnsafeBufferPointer { wp in
            rho.withUnsafeBufferPointer { rp in
                curvature.withUnsafeBufferPointer { dp in
                    scratch.withUnsafeMutableBufferPointer { sp in
                        DualityGap.compute(coefficients: wp.baseAddress!, correlations: rp.baseAddress!, count: p,
                                           residualNormSquared: q, curvature: dp.baseAddress!, penalty: penalty,
                                           projection: nil, scratch: sp.baseAddress!)
                    }
                }
            }
        }
        return (primal, gap)
    }
}
