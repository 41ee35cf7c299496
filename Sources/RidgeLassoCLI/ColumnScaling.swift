import LinearAlgebra
import RidgeLasso

/// `--standardize` for ridge (the elastic net standardizes inside the library): the features
/// divided by their scales sⱼ, and the way back to coefficients on the original scale.
///
/// sⱼ is the (weighted, weights normalized to sum to 1) standard deviation of column j with the
/// 1/n convention, or its root mean square without an intercept — the scales the elastic net's
/// `standardize` uses. Fitting ridge on xⱼ/sⱼ gives βⱼ; wⱼ = βⱼ/sⱼ, so the objective solved is
/// ‖y − Xw − b‖² + α Σⱼ (sⱼwⱼ)². The intercept is unchanged by the scaling.
struct ColumnScaling {
    /// The scales sⱼ > 0.
    let scales: [Double]
    /// X with column j divided by sⱼ.
    let scaled: Matrix

    /// - Throws: ``RegressionError/constantColumn(_:)`` for a column with sⱼ = 0.
    init(design: Design, fitIntercept: Bool) throws(RegressionError) {
        let x = design.x
        let n = x.rows
        let total = design.weights?.reduce(0, +) ?? Double(n)
        let means = fitIntercept ? Centering.means(x, weights: design.weights) : [Double](repeating: 0, count: x.columns)
        var scales = [Double](repeating: 0, count: x.columns)
        var scaled = x
        for j in 0..<x.columns {
            var acc = 0.0
            for i in 0..<n {
                let d = x[i, j] - means[j]
                acc += (design.weights?[i] ?? 1) * d * d
            }
            let s = (acc / total).squareRoot()
            guard s > 0, s.isFinite else { throw .constantColumn(j) }
            scales[j] = s
            for i in 0..<n { scaled[i, j] = x[i, j] / s }
        }
        self.scales = scales
        self.scaled = scaled
    }

    /// wⱼ = βⱼ / sⱼ.
    func originalScale(_ beta: [Double]) -> [Double] {
        zip(beta, scales).map { $0 / $1 }
    }
}
