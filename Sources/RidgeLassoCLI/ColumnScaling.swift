import LinearAlgebra
import RidgeLasso

/// `--standardize` for ridge (the elastic net standardizes inside the library): the features
/// divided by their scales sⱼ, and the way back to coefficients on the original scale.
///
/// sⱼ is the (weighted, weights normalized to sum to 1) standard deviation of column j with the
/// 1/n convention, or its root mean square without an intercept — the scales the elastic net's
/// `standardize` uses. Fitting ridge on xⱼ/sⱼ gives βⱼ; wⱼ = βⱼ/sⱼ, so the objective solved is
/// ‖y − Xw − b‖² + α Σⱼ (sⱼwⱼ)². The intercept is unchanged by the scaling.
///
/// A constant column (sⱼ = 0: constant with an intercept, all zeros without) has no scale and,
/// centered, contributes nothing to the fit: it is left out of the fitted matrix and its
/// coefficient is 0, as glmnet reports it. The other coefficients are those of the fit with it.
struct ColumnScaling {
    /// The scales sⱼ of the columns kept (those with sⱼ > 0).
    let scales: [Double]
    /// The columns of X kept, in order.
    let kept: [Int]
    /// The number of columns of X.
    let columns: Int
    /// X's kept columns, column j divided by sⱼ.
    let scaled: Matrix

    init(design: Design, fitIntercept: Bool) {
        let x = design.x
        let n = x.rows
        let total = design.weights?.reduce(0, +) ?? Double(n)
        let means = fitIntercept ? Centering.means(x, weights: design.weights) : [Double](repeating: 0, count: x.columns)
        var scales: [Double] = []
        var kept: [Int] = []
        for j in 0..<x.columns {
            var acc = 0.0
            for i in 0..<n {
                let d = x[i, j] - means[j]
                acc += (design.weights?[i] ?? 1) * d * d
            }
            let s = (acc / total).squareRoot()
            guard s > 0, s.isFinite, !Self.isConstant(x, column: j, weights: design.weights, fitIntercept: fitIntercept) else { continue }
            scales.append(s)
            kept.append(j)
        }
        // With every column constant, ridge still needs a matrix: keep them unscaled (each centered
        // column is zero, or all zeros without an intercept, so every coefficient is 0).
        if kept.isEmpty {
            kept = Array(0..<x.columns)
            scales = Array(repeating: 1, count: x.columns)
        }
        var scaled = x.selectingColumns(kept)
        for (k, s) in scales.enumerated() {
            for i in 0..<n { scaled[i, k] /= s }
        }
        self.scales = scales
        self.kept = kept
        self.columns = x.columns
        self.scaled = scaled
    }

    /// Whether column j takes one value on the rows of positive weight (with an intercept), or
    /// is zero on them (without): then its standard deviation is 0 whatever rounding says.
    private static func isConstant(_ x: Matrix, column j: Int, weights: [Double]?, fitIntercept: Bool) -> Bool {
        var first: Double?
        for i in 0..<x.rows where (weights?[i] ?? 1) > 0 {
            let v = x[i, j]
            if !fitIntercept { if v != 0 { return false } else { continue } }
            if let first { if v != first { return false } } else { first = v }
        }
        return true
    }

    /// wⱼ = βⱼ / sⱼ for the kept columns, 0 for the constant ones.
    func originalScale(_ beta: [Double]) -> [Double] {
        var w = [Double](repeating: 0, count: columns)
        for (k, j) in kept.enumerated() { w[j] = beta[k] / scales[k] }
        return w
    }
}
