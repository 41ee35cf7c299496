import LinearAlgebra

/// Ridge regression by full-batch gradient descent or Nesterov's accelerated gradient: the
/// iterative baseline against which the exact (Cholesky/QR/SVD) ridge is benchmarked.
///
/// **Objective** (scikit-learn's ridge): minimize ‖y − Xw − b‖² + α‖w‖² over w and an
/// unpenalized intercept b. With an intercept, X and y are centered (implicitly, without a copy)
/// and b = ȳ − x̄ᵀw. The method works on the same objective divided by 2n,
///
///     f(w) = (1/2n)‖yc − Xc w‖² + (α/2n)‖w‖²,   ∇f(w) = (Xcᵀ(Xc w − yc) + α w)/n,
///
/// whose gradient is L-Lipschitz with L = λmax(XcᵀXc/n) + α/n (λmax by `PowerIteration`) and
/// which is μ-strongly convex with μ ≥ α/n. The step is 1/L.
///
/// - ``GradientAcceleration/plain``: wₖ₊₁ = wₖ − ∇f(wₖ)/L; error ∝ (1 − μ/L)ᵏ.
/// - ``GradientAcceleration/nesterov``: yₖ = wₖ + β(wₖ − wₖ₋₁), wₖ₊₁ = yₖ − ∇f(yₖ)/L with
///   β = (√L − √μ)/(√L + √μ) when α > 0 (Nesterov, *Introductory Lectures on Convex
///   Optimization*, 2004, scheme 2.2.19), else βₖ = (tₖ − 1)/tₖ₊₁ with tₖ₊₁ = (1 + √(1 + 4tₖ²))/2;
///   error ∝ (1 − √(μ/L))ᵏ.
///
/// **Stopping**: ‖∇f(w)‖₂ ≤ `tolerance`·‖∇f(0)‖₂ (the gradient relative to its value at w = 0),
/// or the iteration or time budget runs out (then `converged` is false).
/// Defaults: tolerance 1e-8 (about 8 correct digits in the well-conditioned case),
/// 10 000 iterations, no time budget.
public struct RidgeGradientDescent: Sendable {
    /// The ridge strength α ≥ 0 of ‖y − Xw − b‖² + α‖w‖².
    public var alpha: Double
    /// Whether to fit the unpenalized intercept b (default true).
    public var fitIntercept: Bool
    /// Plain gradient descent or Nesterov's accelerated gradient.
    public var acceleration: GradientAcceleration
    /// Relative gradient-norm tolerance (> 0; ``stoppingCriterion``).
    public var tolerance: Double
    /// What ``tolerance`` measures: ``StoppingCriterion/relativeGradientNorm``.
    public static let stoppingCriterion = StoppingCriterion.relativeGradientNorm
    /// Iteration budget (≥ 1).
    public var maximumIterations: Int
    /// Wall-clock budget in seconds, or `nil` for none.
    public var maximumSeconds: Double?
    /// Record a ``GradientHistoryPoint`` every this many iterations, plus the start and the end
    /// (0, the default: record nothing).
    public var historyInterval: Int
    /// Whether history points carry the objective (default true). Evaluating it costs a pass
    /// over the data, off the clock; a benchmark that only needs its monitor turns it off.
    public var recordsObjective = true

    /// The settings; each parameter sets the property of the same name (defaults as listed there).
    public init(
        alpha: Double = 1, fitIntercept: Bool = true, acceleration: GradientAcceleration = .plain,
        tolerance: Double = 1e-8, maximumIterations: Int = 10_000, maximumSeconds: Double? = nil,
        historyInterval: Int = 0
    ) {
        self.alpha = alpha
        self.fitIntercept = fitIntercept
        self.acceleration = acceleration
        self.tolerance = tolerance
        self.maximumIterations = maximumIterations
        self.maximumSeconds = maximumSeconds
        self.historyInterval = historyInterval
    }

    /// Fits the model to `x` (n × p) and `y` (n values).
    /// - Parameter monitor: evaluated at every recorded point (off the clock), e.g. the error
    ///   against an exact solution.
    /// - Throws: ``RegressionError`` for empty, mismatched or non-finite data and for parameters
    ///   outside their domains.
    public func fit(_ x: Matrix, _ y: [Double], monitor: GradientMonitor? = nil) throws(RegressionError) -> GradientMethodResult {
        try Validation.alpha(alpha)
        try Validation.tolerance(tolerance)
        try Validation.maximumIterations(maximumIterations)
        try GradientOptionsValidation.maximumSeconds(maximumSeconds)
        try GradientOptionsValidation.historyInterval(historyInterval)
        var recorder = HistoryRecorder(interval: historyInterval, monitor: monitor)
        recorder.recordsObjective = recordsObjective
        let data = try GradientDesign(x, y, fitIntercept: fitIntercept)
        let n = Double(data.n), p = data.p
        let lipschitz = try data.largestScaledGramEigenvalue() + alpha / n
        let mu = alpha / n
        let alpha = self.alpha

        func gradient(_ w: [Double]) throws(RegressionError) -> [Double] {
            let r = try data.residual(w)
            var g = try data.transposeTimes(r)
            for j in 0..<p { g[j] = (g[j] + alpha * w[j]) / n }
            return g
        }
        func objective(_ w: [Double]) -> Double {
            guard let r = try? data.residual(w) else { return .nan }
            return BLAS.dot(r, r) + alpha * BLAS.dot(w, w)
        }

        var w = [Double](repeating: 0, count: p)
        let g0 = BLAS.norm(try gradient(w))
        let step = lipschitz > 0 ? 1 / lipschitz : 0
        var converged = g0 == 0 || lipschitz == 0
        var stopping = converged ? 0.0 : 1.0
        var iterations = 0
        if historyInterval > 0 {
            recorder.record(iteration: 0, objective: { objective(w) }, coefficients: { (w, data.intercept(w)) })
        }
        var previous = w
        var t = 1.0
        let constantMomentum = mu > 0 ? (lipschitz.squareRoot() - mu.squareRoot()) / (lipschitz.squareRoot() + mu.squareRoot()) : nil
        while !converged && iterations < maximumIterations {
            if let budget = maximumSeconds, recorder.clock.seconds >= budget { break }
            var point = w
            if acceleration == .nesterov {
                let beta: Double
                if let constantMomentum { beta = constantMomentum } else {
                    let tNext = (1 + (1 + 4 * t * t).squareRoot()) / 2
                    beta = (t - 1) / tNext
                    t = tNext
                }
                for j in 0..<p { point[j] += beta * (w[j] - previous[j]) }
            }
            let g = try gradient(point)
            stopping = BLAS.norm(g) / g0
            if stopping <= tolerance {
                w = point
                converged = true
                break
            }
            previous = w
            for j in 0..<p { point[j] -= step * g[j] }
            w = point
            iterations += 1
            if recorder.isDue(iterations) {
                recorder.record(iteration: iterations, objective: { objective(w) }, coefficients: { (w, data.intercept(w)) })
            }
        }
        let seconds = recorder.clock.seconds
        if historyInterval > 0, recorder.points.last?.iteration != iterations || converged {
            recorder.record(iteration: iterations, objective: { objective(w) }, coefficients: { (w, data.intercept(w)) })
        }
        return GradientMethodResult(
            method: acceleration == .plain ? "gradient descent" : "Nesterov",
            objectiveDescription: "‖y − Xw − b‖² + α‖w‖² with α = \(alpha) (solved as f/2n, step 1/L)",
            coefficients: w, intercept: data.intercept(w), iterations: iterations, converged: converged,
            stepSize: step, lipschitzConstant: lipschitz, objective: objective(w), dualityGap: nil,
            stoppingValue: stopping, history: recorder.points, seconds: seconds)
    }
}
