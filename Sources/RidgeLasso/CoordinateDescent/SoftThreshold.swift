/// The soft-thresholding operator S(z, λ) = sign(z)·max(|z| − λ, 0), the proximal map of λ|·|.
///
/// Every lasso/elastic-net coordinate update is one call: minimizing
/// (d/2)(t − z/d)² + λ|t| + (μ/2)t² over t gives t = S(z, λ)/(d + μ)
/// (Friedman, Hastie & Tibshirani 2010, eq. 5). With `positive` the map is max(z − λ, 0),
/// the proximal map of λt plus the indicator of t ≥ 0.
@inlinable
package func softThreshold(_ z: Double, _ lambda: Double, positive: Bool = false) -> Double {
    if positive { return z > lambda ? z - lambda : 0 }
    if z > lambda { return z - lambda }
    if z < -lambda { return z + lambda }
    return 0
}
