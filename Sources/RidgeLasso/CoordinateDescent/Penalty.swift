/// The separable elastic-net penalty of one fit, coordinate by coordinate:
///
///     h(w) = Σⱼ hⱼ(wⱼ),   hⱼ(t) = λ₁ aⱼ |t| + (λ₂ bⱼ / 2) t²  (+ the indicator of t ≥ 0 when `positive`)
///
/// with λ₁ = αr and λ₂ = α(1 − r) (α the strength, r the l1 ratio) and per-feature weights
/// aⱼ = fⱼ sⱼ, bⱼ = fⱼ sⱼ², where fⱼ is the user's penalty factor (1 by default) and sⱼ the
/// feature's scale when standardizing (1 otherwise). Penalizing the standardized coefficient
/// βⱼ = sⱼ wⱼ is the same as penalizing wⱼ with these weights, so standardization never copies X.
///
/// `L1` (lasso, r = 1) and `L2` (ridge with the 1/(2n) scaling, r = 0) are the two ends.
/// The layout follows skglm: the penalty knows its value, proximal map, conjugate (through the
/// Fenchel–Young gap of one coordinate) and the distance of a gradient to its subdifferential;
/// the solver knows none of these formulas.
public struct ElasticNetPenalty: Sendable {
    /// λ₁ = αr, the strength of the l1 part.
    public var l1: Double
    /// λ₂ = α(1 − r), the strength of the l2 part.
    public var l2: Double
    /// Per-feature l1 weights aⱼ (fⱼ sⱼ).
    public var l1Weights: [Double]
    /// Per-feature l2 weights bⱼ (fⱼ sⱼ²).
    public var l2Weights: [Double]
    /// Whether coefficients are constrained to be ≥ 0.
    public var positive: Bool

    /// The penalty at strength `alpha` and l1 ratio `l1Ratio` with unit weights for `count` features.
    public init(alpha: Double, l1Ratio: Double, count: Int, positive: Bool = false) {
        self.init(alpha: alpha, l1Ratio: l1Ratio,
                  l1Weights: [Double](repeating: 1, count: count),
                  l2Weights: [Double](repeating: 1, count: count), positive: positive)
    }

    /// The penalty with explicit per-feature weights.
    public init(alpha: Double, l1Ratio: Double, l1Weights: [Double], l2Weights: [Double], positive: Bool = false) {
        precondition(l1Weights.count == l2Weights.count, "ElasticNetPenalty: weight counts differ")
        self.l1 = alpha * l1Ratio
        self.l2 = alpha * (1 - l1Ratio)
        self.l1Weights = l1Weights
        self.l2Weights = l2Weights
        self.positive = positive
    }

    /// The lasso penalty α‖w‖₁.
    public static func lasso(alpha: Double, count: Int, positive: Bool = false) -> ElasticNetPenalty {
        ElasticNetPenalty(alpha: alpha, l1Ratio: 1, count: count, positive: positive)
    }

    /// The ridge penalty (α/2)‖w‖² (the elastic net at r = 0).
    public static func ridge(alpha: Double, count: Int) -> ElasticNetPenalty {
        ElasticNetPenalty(alpha: alpha, l1Ratio: 0, count: count)
    }

    /// Number of features.
    public var count: Int { l1Weights.count }

    /// h(w) = Σⱼ hⱼ(wⱼ) (+∞ if `positive` and some wⱼ < 0).
    public func value(_ w: [Double]) -> Double {
        var total = 0.0
        for j in 0..<w.count {
            if positive && w[j] < 0 { return .infinity }
            total += l1 * l1Weights[j] * abs(w[j]) + 0.5 * l2 * l2Weights[j] * w[j] * w[j]
        }
        return total
    }

    /// The exact coordinate minimizer of (d/2)t² − z t + hⱼ(t): S(z, λ₁aⱼ)/(d + λ₂bⱼ).
    /// Returns exactly 0 when d + λ₂bⱼ = 0 (a constant column without an l2 part).
    @inlinable
    public func prox(_ z: Double, curvature d: Double, feature j: Int) -> Double {
        Self.prox(z, curvature: d, l1: l1 * l1Weights[j], l2: l2 * l2Weights[j], positive: positive)
    }

    /// The same minimizer from one coordinate's strengths λ = λ₁aⱼ and μ = λ₂bⱼ: the form a sweep
    /// calls with the weights it already holds, so the hot loop reads them without bounds checks.
    /// Written branch by branch so that a coordinate that stays at 0 (most of a sweep) costs the
    /// two comparisons of S(z, λ) and nothing more.
    @inlinable
    static func prox(_ z: Double, curvature d: Double, l1 lam: Double, l2 mu: Double, positive: Bool) -> Double {
        if z > lam {
            let denominator = d + mu
            return denominator > 0 ? (z - lam) / denominator : 0
        }
        if !positive && z < -lam {
            let denominator = d + mu
            return denominator > 0 ? (z + lam) / denominator : 0
        }
        return 0
    }

    /// Whether feature j is unpenalized at this strength (λ₁aⱼ = λ₂bⱼ = 0).
    public func isUnpenalized(_ j: Int) -> Bool { l1 * l1Weights[j] == 0 && l2 * l2Weights[j] == 0 }

    /// The Fenchel–Young gap hⱼ(w) + hⱼ*(s) − w s ≥ 0 of one coordinate, computed without
    /// cancellation: with t* = argmaxₜ(st − hⱼ(t)) and s̃ = s − λ₂bⱼt* (the part of s in λ₁aⱼ∂|·|),
    ///
    ///     FY = (λ₁aⱼ|w| − s̃w) + (λ₂bⱼ/2)(w − t*)²,
    ///
    /// a sum of two non-negative terms. For a pure-l1 coordinate (λ₂bⱼ = 0) the caller must pass
    /// a feasible s (|s| ≤ λ₁aⱼ, or s ≤ λ₁aⱼ when `positive`). Rounding can only make the first
    /// term a few ulps negative; it is clamped at 0.
    @inlinable
    public func fenchelYoungGap(_ w: Double, _ s: Double, feature j: Int) -> Double {
        let lam = l1 * l1Weights[j], mu = l2 * l2Weights[j]
        var tStar = 0.0
        if mu > 0 { tStar = softThreshold(s, lam, positive: positive) / mu }
        let sTilde = s - mu * tStar
        let linear = max(0, lam * abs(w) - sTilde * w)
        let diff = w - tStar
        return linear + 0.5 * mu * diff * diff
    }

    /// The distance from −gⱼ to the subdifferential of hⱼ at w, where gⱼ = −xⱼᵀr/n is the
    /// gradient of the data term: 0 exactly at a solution (the KKT conditions). With ρ = xⱼᵀr/n:
    /// for w ≠ 0 it is |ρ − λ₁aⱼ sign(w) − λ₂bⱼ w|; for w = 0 it is max(|ρ| − λ₁aⱼ, 0)
    /// (max(ρ − λ₁aⱼ, 0) when `positive`).
    public func subdifferentialDistance(_ w: Double, correlation rho: Double, feature j: Int) -> Double {
        let lam = l1 * l1Weights[j], mu = l2 * l2Weights[j]
        if w != 0 { return abs(rho - lam * (w > 0 ? 1 : -1) - mu * w) }
        if positive { return max(rho - lam, 0) }
        return max(abs(rho) - lam, 0)
    }
}
