import LinearAlgebra

/// Lasso and elastic net by proximal gradient descent: ISTA, or FISTA with Nesterov momentum —
/// the first-order baselines against which coordinate descent is benchmarked.
///
/// **Objective** (scikit-learn's elastic net; the lasso is r = 1):
///
///     minimize (1/2n)‖y − Xw − b‖² + αr‖w‖₁ + (α(1 − r)/2)‖w‖²
///
/// over w and an unpenalized intercept b (X and y centered implicitly; b = ȳ − x̄ᵀw).
/// The smooth part g(w) = (1/2n)‖yc − Xc w‖² + (α(1 − r)/2)‖w‖² has an L-Lipschitz gradient
/// with L = λmax(XcᵀXc/n) + α(1 − r) (`PowerIteration`); each step is
///
///     wₖ₊₁ = S(yₖ − ∇g(yₖ)/L, αr/L),   S(z, τ)ⱼ = sign(zⱼ)·max(|zⱼ| − τ, 0),
///
/// with yₖ = wₖ (ISTA, objective error O(L/k)) or yₖ = wₖ + ((tₖ − 1)/tₖ₊₁)(wₖ − wₖ₋₁),
/// tₖ₊₁ = (1 + √(1 + 4tₖ²))/2 (FISTA, O(L/k²)). Reference: A. Beck & M. Teboulle, "A fast
/// iterative shrinkage-thresholding algorithm for linear inverse problems", SIAM J. Imaging
/// Sciences 2(1), 2009.
///
/// **Stopping**: every `gapCheckInterval` iterations the duality gap (``ElasticNetDualityGap``)
/// at wₖ is compared with `tolerance`·‖yc‖²/n — the same test as scikit-learn's coordinate
/// descent, so the two can be compared at equal gap. The check costs two extra matrix–vector
/// products and is counted in the time. Defaults: tolerance 1e-4 (scikit-learn's), 10 000
/// iterations, a check every 10 iterations.
public struct ProximalGradientDescent: Sendable {
    /// The regularization strength α ≥ 0.
    public var alpha: Double
    /// The l1 ratio r ∈ [0, 1] (1: lasso).
    public var l1Ratio: Double
    /// Whether to fit the unpenalized intercept b (default true).
    public var fitIntercept: Bool
    /// ``GradientAcceleration/plain`` is ISTA, ``GradientAcceleration/nesterov`` is FISTA.
    public var acceleration: GradientAcceleration
    /// Duality-gap tolerance relative to ‖yc‖²/n (> 0; ``stoppingCriterion``).
    public var tolerance: Double
    /// What ``tolerance`` measures: ``StoppingCriterion/dualityGapOverTargetVariance``.
    public static let stoppingCriterion = StoppingCriterion.dualityGapOverTargetVariance
    /// Iteration budget (≥ 1).
    public var maximumIterations: Int
    /// Iterations between duality-gap checks (≥ 1).
    public var gapCheckInterval: Int
    /// Wall-clock budget in seconds, or `nil` for none.
    public var maximumSeconds: Double?
    /// Record a ``GradientHistoryPoint`` at every gap check, rounded up to a multiple of this
    /// many iterations, plus the start and the end (0, the default: record nothing).
    public var historyInterval: Int

    /// The settings; each parameter sets the property of the same name (defaults as listed there).
    public init(
        alpha: Double = 1, l1Ratio: Double = 1, fitIntercept: Bool = true,
        acceleration: GradientAcceleration = .nesterov, tolerance: Double = 1e-4,
        maximumIterations: Int = 10_000, gapCheckInterval: Int = 10, maximumSeconds: Double? = nil,
        historyInterval: Int = 0
    ) {
        self.alpha = alpha
        self.l1Ratio = l1Ratio
        self.fitIntercept = fitIntercept
        self.acceleration = acceleration
        self.tolerance = tolerance
        self.maximumIterations = maximumIterations
        self.gapCheckInterval = gapCheckInterval
        self.maximumSeconds = maximumSeconds
        self.historyInterval = historyInterval
    }

    /// ISTA for the lasso (r = 1) or the elastic net.
    public static func ista(alpha: Double, l1Ratio: Double = 1, fitIntercept: Bool = true) -> ProximalGradientDescent {
        ProximalGradientDescent(alpha: alpha, l1Ratio: l1Ratio, fitIntercept: fitIntercept, acceleration: .plain)
    }

    /// FISTA for the lasso (r = 1) or the elastic net.
    public static func fista(alpha: Double, l1Ratio: Double = 1, fitIntercept: Bool = true) -> ProximalGradientDescent {
        ProximalGradientDescent(alpha: alpha, l1Ratio: l1Ratio, fitIntercept: fitIntercept, acceleration: .nesterov)
    }

    /// Fits the model to `x` (n × p) and `y` (n values).
    /// - Parameter monitor: evaluated at every recorded point (off the clock).
    /// - Throws: ``RegressionError`` for empty, mismatched or non-finite data and for parameters
    ///   outside their domains.
    public func fit(_ x: Matrix, _ y: [Double], monitor: GradientMonitor? = nil) throws(RegressionError) -> GradientMethodResult {
        try Validation.alpha(alpha)
        try Validation.l1Ratio(l1Ratio)
        try Validation.tolerance(tolerance)
        try Validation.maximumIterations(maximumIterations)
        try GradientOptionsValidation.positive(gapCheckInterval, name: "gapCheckInterval")
        try GradientOptionsValidation.maximumSeconds(maximumSeconds)
        try GradientOptionsValidation.historyInterval(historyInterval)
        var recorder = HistoryRecorder(interval: historyInterval, monitor: monitor)
        let data = try GradientDesign(x, y, fitIntercept: fitIntercept)
        let n = Double(data.n), p = data.p
        let l1 = alpha * l1Ratio, l2 = alpha * (1 - l1Ratio)
        let lipschitz = try data.largestScaledGramEigenvalue() + l2
        let step = lipschitz > 0 ? 1 / lipschitz : 0
        let threshold = l1 * step
        let target = tolerance * BLAS.dot(data.yc, data.yc) / n

        var w = [Double](repeating: 0, count: p)
        var previous = w
        var t = 1.0
        var iterations = 0
        var (primal, gap) = try ElasticNetDualityGap.evaluate(data, w: w, l1: l1, l2: l2)
        var converged = gap <= target || lipschitz == 0
        if historyInterval > 0 {
            let (pr, gp) = (primal, gap)
            recorder.record(iteration: 0, dualityGap: gp, objective: { pr }, coefficients: { (w, data.intercept(w)) })
        }
        while !converged && iterations < maximumIterations {
            if let budget = maximumSeconds, recorder.clock.seconds >= budget { break }
            var point = w
            if acceleration == .nesterov {
                let tNext = (1 + (1 + 4 * t * t).squareRoot()) / 2
                let beta = (t - 1) / tNext
                t = tNext
                for j in 0..<p { point[j] += beta * (w[j] - previous[j]) }
            }
            let r = try data.residual(point)
            let g = try data.transposeTimes(r)
            previous = w
            for j in 0..<p {
                let z = point[j] - step * (g[j] / n + l2 * point[j])
                point[j] = softThreshold(z, threshold)
            }
            w = point
            iterations += 1
            if iterations % gapCheckInterval == 0 || iterations == maximumIterations {
                (primal, gap) = try ElasticNetDualityGap.evaluate(data, w: w, l1: l1, l2: l2)
                converged = gap <= target
                if historyInterval > 0, iterations % historyInterval < gapCheckInterval || converged {
                    let (pr, gp) = (primal, gap)
                    recorder.record(iteration: iterations, dualityGap: gp, objective: { pr }, coefficients: { (w, data.intercept(w)) })
                }
            }
        }
        let seconds = recorder.clock.seconds
        if iterations % gapCheckInterval != 0 && !converged {
            (primal, gap) = recorder.clock.excluding { () -> (Double, Double) in
                (try? ElasticNetDualityGap.evaluate(data, w: w, l1: l1, l2: l2)) ?? (.nan, .nan)
            }
        }
        if historyInterval > 0, recorder.points.last?.iteration != iterations {
            let (pr, gp) = (primal, gap)
            recorder.record(iteration: iterations, dualityGap: gp, objective: { pr }, coefficients: { (w, data.intercept(w)) })
        }
        return GradientMethodResult(
            method: acceleration == .plain ? "ISTA" : "FISTA",
            objectiveDescription: "(1/2n)‖y − Xw − b‖² + αr‖w‖₁ + (α(1 − r)/2)‖w‖² with α = \(alpha), r = \(l1Ratio)",
            coefficients: w, intercept: data.intercept(w), iterations: iterations, converged: converged,
            stepSize: step, lipschitzConstant: lipschitz, objective: primal, dualityGap: gap,
            stoppingValue: target > 0 ? gap / target * tolerance : gap, history: recorder.points, seconds: seconds)
    }
}

extension ProximalGradientDescent {
    /// The objective (1/2n)‖y − Xw − b‖² + αr‖w‖₁ + (α(1 − r)/2)‖w‖² at `coefficients` (b set to
    /// its optimal value ȳ − x̄ᵀw when fitting an intercept) and its duality gap
    /// (``ElasticNetDualityGap``): a certificate for any solver's answer, e.g. coordinate descent's,
    /// measured the same way as this method's.
    /// - Throws: ``RegressionError`` for bad data or a coefficient count that differs from X's columns.
    public func objectiveAndDualityGap(
        _ x: Matrix, _ y: [Double], coefficients: [Double]
    ) throws(RegressionError) -> (objective: Double, dualityGap: Double) {
        try Validation.alpha(alpha)
        try Validation.l1Ratio(l1Ratio)
        let data = try GradientDesign(x, y, fitIntercept: fitIntercept)
        guard coefficients.count == data.p else {
            throw .dimensionMismatch("X has \(data.p) columns but there are \(coefficients.count) coefficients")
        }
        let (primal, gap) = try ElasticNetDualityGap.evaluate(
            data, w: coefficients, l1: alpha * l1Ratio, l2: alpha * (1 - l1Ratio))
        return (primal, gap)
    }
}
