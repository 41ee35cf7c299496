import LinearAlgebra

/// Mini-batch stochastic gradient descent for least squares with an L2 penalty or with
/// decoupled weight decay — the baseline that shows the two are the same thing for SGD.
///
/// **Objective**: minimize F(w) = (1/2n)‖y − Xw − b‖² + (λ/2)‖w‖² (ridge with α = nλ; X and y
/// centered implicitly, b = ȳ − x̄ᵀw), where λ comes from ``regularization``:
/// ``WeightRegularization/l2(_:)`` λ gives wₖ₊₁ = wₖ − η(ĝ + λwₖ), and
/// ``WeightRegularization/decoupledWeightDecay(_:)`` ρ gives wₖ₊₁ = (1 − ρ)wₖ − ηĝ, the same
/// iteration with λ = ρ/η. ĝ is the gradient of (1/2|B|)‖yc,B − Xc,B w‖² on a mini-batch B of a
/// seeded shuffle (``seed``), so runs are reproducible.
///
/// With a constant step the iterates reach a neighbourhood of the minimizer whose size is
/// proportional to η·(gradient noise); there is no decreasing schedule. Reference: L. Bottou,
/// F. E. Curtis & J. Nocedal, "Optimization methods for large-scale machine learning", SIAM
/// Review 60(2), 2018.
///
/// **Stopping**: runs ``epochs`` epochs (or until ``maximumSeconds``); `converged` reports
/// whether the full gradient at the end is below `tolerance` relative to its value at w = 0.
/// Defaults: η = 1/L with L = λmax(XcᵀXc/n) + λ (`PowerIteration`), batches of 32, 100
/// epochs, tolerance 1e-4, seed 0.
public struct StochasticGradientDescent: Sendable {
    /// The step η > 0, or `nil` for 1/L.
    public var learningRate: Double?
    /// Rows per mini-batch (≥ 1).
    public var batchSize: Int
    /// Passes over the data (≥ 1).
    public var epochs: Int
    /// L2 in the gradient, decoupled weight decay, or none.
    public var regularization: WeightRegularization
    /// Whether to fit the unpenalized intercept b (default true).
    public var fitIntercept: Bool
    /// Seed of the mini-batch shuffles.
    public var seed: UInt64
    /// Relative full-gradient tolerance for `converged` (> 0; ``stoppingCriterion``).
    public var tolerance: Double
    /// What ``tolerance`` measures: ``StoppingCriterion/relativeFullGradientNorm``.
    public static let stoppingCriterion = StoppingCriterion.relativeFullGradientNorm
    /// Wall-clock budget in seconds, or `nil` for none.
    public var maximumSeconds: Double?
    /// Record a ``GradientHistoryPoint`` every this many mini-batch steps, plus the start and
    /// the end (0, the default: record nothing).
    public var historyInterval: Int
    /// Whether history points carry the objective (default true). Evaluating it costs a pass
    /// over the data, off the clock; a benchmark that only needs its monitor turns it off.
    public var recordsObjective = true

    /// The settings; each parameter sets the property of the same name (defaults as listed there).
    public init(
        learningRate: Double? = nil, batchSize: Int = 32, epochs: Int = 100,
        regularization: WeightRegularization = .none, fitIntercept: Bool = true, seed: UInt64 = 0,
        tolerance: Double = 1e-4, maximumSeconds: Double? = nil, historyInterval: Int = 0
    ) {
        self.learningRate = learningRate
        self.batchSize = batchSize
        self.epochs = epochs
        self.regularization = regularization
        self.fitIntercept = fitIntercept
        self.seed = seed
        self.tolerance = tolerance
        self.maximumSeconds = maximumSeconds
        self.historyInterval = historyInterval
    }

    /// Fits the model to `x` (n × p) and `y` (n values).
    /// - Throws: ``RegressionError`` for bad data or parameters.
    public func fit(_ x: Matrix, _ y: [Double], monitor: GradientMonitor? = nil) throws(RegressionError) -> GradientMethodResult {
        if let learningRate { try GradientOptionsValidation.positive(learningRate, name: "learningRate") }
        try GradientOptionsValidation.positive(batchSize, name: "batchSize")
        try GradientOptionsValidation.positive(epochs, name: "epochs")
        try regularization.validate()
        try Validation.tolerance(tolerance)
        try GradientOptionsValidation.maximumSeconds(maximumSeconds)
        try GradientOptionsValidation.historyInterval(historyInterval)
        let data = try GradientDesign(x, y, fitIntercept: fitIntercept)
        var lipschitz: Double? = nil
        let eta: Double
        if let learningRate { eta = learningRate } else {
            var l = try data.largestScaledGramEigenvalue()
            if case .l2(let lambda) = regularization { l += lambda }
            lipschitz = l
            eta = l > 0 ? 1 / l : 1
        }
        let lambda = regularization.ridgeLambda(learningRate: eta)
        var loop = StochasticLoop(
            data: data, lambda: lambda, epochs: epochs, batchSize: batchSize, seed: seed,
            tolerance: tolerance, maximumSeconds: maximumSeconds, historyInterval: historyInterval)
        loop.recordsObjective = recordsObjective
        let regularization = self.regularization
        return try loop.run(
            method: "SGD + \(regularization.label)",
            objectiveDescription: "(1/2n)‖y − Xw − b‖² + (λ/2)‖w‖² with λ = \(lambda)",
            stepSize: eta, lipschitz: lipschitz, monitor: monitor
        ) { w, g, _ in
            switch regularization {
            case .none:
                for j in 0..<w.count { w[j] -= eta * g[j] }
            case .l2(let l):
                for j in 0..<w.count { w[j] -= eta * (g[j] + l * w[j]) }
            case .decoupledWeightDecay(let rho):
                for j in 0..<w.count { w[j] = w[j] - rho * w[j] - eta * g[j] }
            }
        }
    }
}
