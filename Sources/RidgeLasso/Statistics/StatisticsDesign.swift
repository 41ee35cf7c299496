import LinearAlgebra

/// The elastic-net problem as ``SufficientStatistics`` give it, for coordinate descent's
/// covariance scheme (``CoordinateDescentStatistics``; there are no rows, so no other scheme):
///
///     minimize (1/2W)‖ỹ − X̃w‖² + h(w),   c = 1/W,  W = Σwᵢ
///
/// With an intercept the Gram matrix is the centered co-moment G = C_xx, the correlations C_xy and
/// ‖ỹ‖² = C_yy (X̃ = diag(√s)(X − 1μ_xᵀ)); without one they are the uncentered products
/// C + W·μμᵀ. This is exactly the problem ``PreparedDesign`` forms from the rows (c = 1/n
/// unweighted; weights rescaled to sum to 1), so the same solver gives the same solution.
///
/// A column constant over the rows of positive weight has a co-moment of exactly 0
/// (``SufficientStatistics/add(rows:weights:)``), hence curvature 0 and coefficient 0, as on the rows.
struct StatisticsDesign: CoordinateDescentStatistics {
    typealias Rows = NoRowLevel
    var rowLevel: NoRowLevel? { nil }

    let columns: Int
    let c: Double
    let yy: Double
    let curvature: [Double]
    let correlations0: [Double]
    /// c·G, p × p, column-major.
    let gram: [Double]
    /// Feature means and the target's mean (0 without an intercept), for b = ȳ − x̄ᵀw.
    let xMean: [Double]
    let yMean: Double

    /// The design of target `target` of `s`.
    /// - Throws: ``RegressionError/emptyData(_:)`` when no row has positive weight;
    ///   ``RegressionError/invalidParameter(name:value:requirement:)`` for a target index out of range;
    ///   ``RegressionError/overflow(_:)`` when an uncentered product exceeds the range of Double.
    init(_ s: SufficientStatistics, target: Int, fitIntercept: Bool) throws(RegressionError) {
        guard s.totalWeight > 0 else { throw .emptyData("the statistics hold no row of positive weight") }
        guard target >= 0, target < s.targetCount else {
            throw .invalidParameter(name: "target", value: Double(target),
                                    requirement: "must lie in 0..<\(s.targetCount) (the statistics' targets)")
        }
        let p = s.featureCount, t = p + target
        let mu = s.means, comoment = s.comoment, total = s.totalWeight
        func product(_ i: Int, _ j: Int) -> Double {
            (fitIntercept ? comoment[i, j] : comoment[i, j] + total * mu[i] * mu[j]) / total
        }
        var gram = [Double](repeating: 0, count: p * p)
        for j in 0..<p { for i in 0..<p { gram[i + j * p] = product(i, j) } }
        columns = p
        c = 1 / total
        self.gram = gram
        curvature = (0..<p).map { gram[$0 + $0 * p] }
        correlations0 = (0..<p).map { product($0, t) }
        yy = product(t, t)
        xMean = fitIntercept ? Array(mu[0..<p]) : [Double](repeating: 0, count: p)
        yMean = fitIntercept ? mu[t] : 0
        guard gram.allSatisfy(\.isFinite), correlations0.allSatisfy(\.isFinite), yy.isFinite else {
            throw .overflow("the Gram matrix from the statistics exceeds the largest Double; rescale the data")
        }
    }

    func gramColumns(_ features: [Int]) throws(RegressionError) -> [Double] {
        var out = [Double](repeating: 0, count: columns * features.count)
        for (k, j) in features.enumerated() {
            out.replaceSubrange((k * columns)..<((k + 1) * columns), with: gram[(j * columns)..<((j + 1) * columns)])
        }
        return out
    }

    func fullGram() throws(RegressionError) -> [Double] { gram }

    func singlePrecisionGram() -> [Double]? { nil }

    /// The rounding floor of the duality gap at w. Without rows the solver forms the gradient as
    /// g = b − Gw (b = c X̃ᵀỹ, G = c X̃ᵀX̃) and c‖r‖² = c‖ỹ‖² − wᵀb − wᵀg, which cancel when
    /// the fit is good: each is accurate only to about (p + 2)ε times the size of its terms, so
    /// the gap (½c‖r‖² and the coordinates' Fenchel–Young terms |wⱼ||gⱼ|) cannot be resolved below
    ///
    ///     floor = (p + 2)·ε·(½c‖ỹ‖² + |w|ᵀ|b| + ½|w|ᵀ|G||w|),   ε = 2⁻⁵²
    ///
    /// (the standard bound γ_{p+2} of a p-term dot product, Higham 2002, §3.1). On the rows the
    /// residual is recomputed from the data and no such floor applies. The statistics' own
    /// rounding (merging, the co-moments) is not included: it changes the problem, not the gap.
    func dualityGapFloor(coefficients w: [Double]) -> Double? {
        let p = columns
        var linear = 0.0, quadratic = 0.0
        for j in 0..<p where w[j] != 0 {
            linear += abs(w[j] * correlations0[j])
            var column = 0.0
            for k in 0..<p where w[k] != 0 { column += abs(gram[k + j * p] * w[k]) }
            quadratic += abs(w[j]) * column
        }
        return Double(p + 2) * Double.ulpOfOne * (0.5 * yy + linear + 0.5 * quadratic)
    }
}

extension SufficientStatistics {
    /// The weighted mean squared error Σᵢ sᵢ(yᵢₜ − xᵢᵀw − b)² / W of a linear model on the rows
    /// these statistics summarize, exactly from their mean μ and co-moment C: with a = [−w; eₜ]
    /// (d values), Σᵢ sᵢ(aᵀzᵢ − b)² = aᵀCa + W·(aᵀμ − b)². Nil when the total weight is 0.
    public func meanSquaredError(coefficients w: [Double], intercept b: Double, target t: Int = 0) -> Double? {
        guard totalWeight > 0 else { return nil }
        let p = featureCount, d = dimension
        var a = [Double](repeating: 0, count: d)
        for j in 0..<p { a[j] = -w[j] }
        a[p + t] = 1
        let mu = means
        var quadratic = 0.0, shift = -b
        for j in 0..<d where a[j] != 0 {
            shift += a[j] * mu[j]
            for i in 0..<d where a[i] != 0 { quadratic += a[i] * comoment[i, j] * a[j] }
        }
        return (max(0, quadratic) + totalWeight * shift * shift) / totalWeight
    }
}
