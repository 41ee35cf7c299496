/// Standardization and penalty factors, expressed as per-feature penalty weights.
///
/// With standardization glmnet fits βⱼ on xⱼ/sⱼ (sⱼ the 1/n standard deviation) and reports
/// wⱼ = βⱼ/sⱼ. Penalizing βⱼ = sⱼwⱼ is the same as penalizing wⱼ with the weights
///
///     aⱼ = fⱼ sⱼ  (l1 part),   bⱼ = fⱼ sⱼ²  (l2 part)
///
/// where fⱼ is the penalty factor (1 by default, 0 = never penalized). Coordinate descent is
/// invariant to rescaling a coordinate, so fitting on the original columns with these weights
/// gives the same iterates as fitting on standardized columns, without copying X. Penalty factors
/// are used as given (glmnet rescales them to sum to p; multiply by p/Σf to reproduce that).
enum Standardization {
    /// The l1 and l2 weights (a, b) for `design`.
    ///
    /// A column with zero variance (over the rows with positive weight) has no scale; its
    /// centered values, and so its curvature, are exactly zero, and the solver keeps its
    /// coefficient at 0 whatever its weight, as glmnet does. Its weights are left as the factors.
    static func penaltyWeights<Design: CoordinateDescentStatistics>(
        design: Design, factors: [Double]?, standardize: Bool
    ) throws(RegressionError) -> (l1: [Double], l2: [Double]) {
        let p = design.columns
        var a = factors ?? [Double](repeating: 1, count: p)
        var b = a
        if standardize {
            for j in 0..<p {
                let d = design.curvature[j]
                guard d > 0 else { continue }
                let s = d.squareRoot()
                a[j] *= s
                b[j] *= d
            }
        }
        return (a, b)
    }

    /// The scales sⱼ used by standardization (1/n standard deviations; root mean squares without an
    /// intercept).
    static func scales<Design: CoordinateDescentDesign>(_ design: Design) -> [Double] { design.curvature.map { $0.squareRoot() } }
}
