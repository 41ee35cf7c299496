import LinearAlgebra

/// Weighted column means and the centered copies that every model with an intercept uses.
///
/// With weights v (normalized to sum to 1), the means are x̄ = Xᵀv and ȳ = yᵀv; centering
/// subtracts them, so the unpenalized intercept is recovered as b = ȳ − x̄ᵀw.
package struct Centering: Sendable {
    /// Column means of X (zeros when no intercept is fitted).
    package let xMean: [Double]
    /// Means of the targets (zeros when no intercept is fitted).
    package let yMean: [Double]

    /// Means for `x` and the target columns `y`, weighted by `weights` when given.
    package init(x: Matrix, y: Matrix, weights: [Double]?, fitIntercept: Bool) {
        guard fitIntercept else {
            xMean = [Double](repeating: 0, count: x.columns)
            yMean = [Double](repeating: 0, count: y.columns)
            return
        }
        xMean = Centering.means(x, weights: weights)
        yMean = Centering.means(y, weights: weights)
    }

    /// Means computed elsewhere (e.g. by `CenteredCrossProducts`, which has them from its pass).
    init(xMean: [Double], yMean: [Double]) {
        self.xMean = xMean
        self.yMean = yMean
    }

    /// The (weighted) mean of each column.
    package static func means(_ m: Matrix, weights: [Double]?) -> [Double] {
        let n = m.rows
        var out = [Double](repeating: 0, count: m.columns)
        guard n > 0 else { return out }
        m.storage.withUnsafeBufferPointer { s in
            if let w = weights {
                let total = w.reduce(0, +)
                for j in 0..<m.columns {
                    var acc = 0.0
                    for i in 0..<n { acc += w[i] * s[i + j * n] }
                    out[j] = acc / total
                }
            } else {
                for j in 0..<m.columns {
                    var acc = 0.0
                    for i in 0..<n { acc += s[i + j * n] }
                    out[j] = acc / Double(n)
                }
            }
        }
        return out
    }

    /// `m` with `means[j]` subtracted from column j.
    package static func subtracting(_ means: [Double], from m: Matrix) -> Matrix {
        var c = m
        let n = m.rows
        c.storage.withUnsafeMutableBufferPointer { s in
            for j in 0..<m.columns where means[j] != 0 {
                let mu = means[j]
                for i in 0..<n { s[i + j * n] -= mu }
            }
        }
        return c
    }

    /// The intercept b = ȳ − x̄ᵀw for target `k`.
    package func intercept(coefficients w: [Double], target k: Int = 0) -> Double {
        var dot = 0.0
        for j in 0..<w.count { dot += xMean[j] * w[j] }
        return yMean[k] - dot
    }
}
