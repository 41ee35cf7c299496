/// Whether a full-batch gradient method uses Nesterov's momentum.
///
/// - ``plain``: xₖ₊₁ = xₖ − (1/L)∇f(xₖ) (gradient descent; ISTA when followed by a prox).
///   Error O(1/k) on convex problems, (1 − μ/L)ᵏ when f is μ-strongly convex.
/// - ``nesterov``: the gradient step is taken at an extrapolated point yₖ = xₖ + βₖ(xₖ − xₖ₋₁)
///   (Nesterov 1983; FISTA, Beck & Teboulle 2009, with a prox). Error O(1/k²) on convex
///   problems, (1 − √(μ/L))ᵏ when f is μ-strongly convex — a square-root fewer iterations on
///   ill-conditioned problems.
public enum GradientAcceleration: String, Sendable, CaseIterable {
    case plain
    case nesterov
}
