/// What each solver's `tolerance` measures: the package's iterative solvers stop on different
/// quantities, and this names them so that a tolerance is never read as another solver's.
/// Each solver type states its rule as a static `stoppingCriterion`.
///
/// With P the objective, P* its minimum, w the iterate and yc, Xc the centered data:
public enum StoppingCriterion: String, Sendable, CaseIterable {
    /// Coordinate descent (``ElasticNet``, ``Lasso`` and their CV): the duality gap certifies a
    /// relative suboptimality, gap ≤ tolerance · max(P(w), 10⁻⁴·P(0)), hence
    /// (P(w) − P*)/P(w) ≤ tolerance whatever the data's scale or the fit's quality.
    case relativeSuboptimality
    /// Proximal gradient (``ProximalGradientDescent``, ISTA/FISTA): the duality gap relative to
    /// the target's variance, gap ≤ tolerance · ‖yc‖²/n (scikit-learn's coordinate-descent test),
    /// an absolute suboptimality in units of twice P(0).
    case dualityGapOverTargetVariance
    /// Full-batch gradient descent (``RidgeGradientDescent``): the gradient norm relative to its
    /// value at w = 0, ‖∇P(w)‖₂ ≤ tolerance · ‖∇P(0)‖₂.
    case relativeGradientNorm
    /// Stochastic methods (``StochasticGradientDescent``, ``Adam``): the full (all-rows) gradient
    /// after the last epoch, relative to its value at w = 0, ‖∇P(w)‖₂ ≤ tolerance · ‖∇P(0)‖₂. The
    /// methods run all their epochs; the test only decides `converged`.
    case relativeFullGradientNorm
}
