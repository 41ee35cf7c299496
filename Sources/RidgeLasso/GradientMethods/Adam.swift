import Foundation
import LinearAlgebra

/// Mini-batch Adam for least squares with an L2 penalty ("Adam + L2") or with decoupled weight
/// decay (AdamW) — the baseline that shows the two are *not* the same thing for Adam.
///
/// With ĝ the mini-batch gradient of (1/2|B|)‖yc,B − Xc,B w‖² and step counter k = 1, 2, …:
///
///     gₖ = ĝ + λwₖ₋₁  (L2)      or  gₖ = ĝ  (weight decay, none)
///     mₖ = β₁mₖ₋₁ + (1 − β₁)gₖ,   vₖ = β₂vₖ₋₁ + (1 − β₂)gₖ²,
///     m̂ₖ = mₖ/(1 − β₁ᵏ),          v̂ₖ = vₖ/(1 − β₂ᵏ),
///     wₖ = wₖ₋₁ − η·m̂ₖ/(√v̂ₖ + ε) − ρ·wₖ₋₁   (ρ = 0 unless decoupled weight decay).
///
/// **Objective**: Adam + L2 targets F(w) = (1/2n)‖y − Xw − b‖² + (λ/2)‖w‖² (ridge with
/// α = nλ). AdamW with ρ = ηλ (PyTorch's `AdamW(lr: η, weight_decay: λ)`) is usually read as
/// targeting the same F, but its fixed point solves m̂/(√v̂ + ε) = −λw instead of ∇F = 0, so it
/// is not the ridge solution; the history reports F with λ = ρ/η so the gap shows.
/// References: D. P. Kingma & J. Ba, "Adam: A method for stochastic optimization", ICLR 2015;
/// I. Loshchilov & F. Hutter, "Decoupled Weight Decay Regularization", ICLR 2019.
///
/// **Stopping**: ``epochs`` epochs or ``maximumSeconds``; `converged` as for
/// ``StochasticGradientDescent``. Defaults (Kingma & Ba's): η = 1e-3, β₁ = 0.9, β₂ = 0.999,
/// ε = 1e-8; batches of 32, 100 epochs, tolerance 1e-4, seed 0.
public struct Adam: Sendable {
    /// The step η > 0.
    public var learningRate: Double
    /// Decay of the first-moment estimate, in [0, 1).
    public var beta1: Double
    /// Decay of the second-moment estimate, in [0, 1).
    public var beta2: Double
    /// The ε > 0 added to √v̂.
    public var epsilon: Double
    /// Rows per mini-batch (≥ 1).
    public var batchSize: Int
    /// Passes over the data (≥ 1).
    public var epochs: Int
    /// L2 in the gradient (Adam + L2), decoupled weight decay (AdamW), or none.
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
        learningRate: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8,
        batchSize: Int = 32, epochs: Int = 100, regularization: WeightRegularization = .none,
        fitIntercept: Bool = true, seed: UInt64 = 0, tolerance: Double = 1e-4,
        maximumSeconds: Double? = nil, historyInterval: Int = 0
    ) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
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
        try GradientOptionsValidation.positive(learningRate, name: "learningRate")
        try GradientOptionsValidation.decayRate(beta1, name: "beta1")
        try GradientOptionsValidation.decayRate(beta2, name: "beta2")
        try GradientOptionsValidation.positive(epsilon, name: "epsilon")
        try GradientOptionsValidation.positive(batchSize, name: "batchSize")
        try GradientOptionsValidation.positive(epochs, name: "epochs")
        try regularization.validate()
        try Validation.tolerance(tolerance)
        try GradientOptionsValidation.maximumSeconds(maximumSeconds)
        try GradientOptionsValidation.historyInterval(historyInterval)
        let data = try GradientDesign(x, y, fitIntercept: fitIntercept)
        let eta = learningRate, b1 = beta1, b2 = beta2, eps = epsilon
        let lambda = regularization.ridgeLambda(learningRate: eta)
        var loop = StochasticLoop(
            data: data, lambda: lambda, epochs: epochs, batchSize: batchSize, seed: seed,
            tolerance: tolerance, maximumSeconds: maximumSeconds, historyInterval: historyInterval)
        loop.recordsObjective = recordsObjective
        var m = [Double](repeating: 0, count: data.p)
        var v = m
        let regularization = self.regularization
        let name: String
        switch regularization {
        case .none: name = "Adam"
        case .l2: name = "Adam + L2"
        case .decoupledWeightDecay: name = "AdamW"
        }
        return try loop.run(
            method: name,
            objectiveDescription: "(1/2n)‖y − Xw − b‖² + (λ/2)‖w‖² with λ = \(lambda)",
            stepSize: eta, lipschitz: nil, monitor: monitor
        ) { w, g, k in
            var l2 = 0.0, rho = 0.0
            switch regularization {
            case .none: break
            case .l2(let l): l2 = l
            case .decoupledWeightDecay(let r): rho = r
            }
            let c1 = 1 - pow(b1, Double(k)), c2 = 1 - pow(b2, Double(k))
            for j in 0..<w.count {
                let gj = g[j] + l2 * w[j]
                m[j] = b1 * m[j] + (1 - b1) * gj
                v[j] = b2 * v[j] + (1 - b2) * gj * gj
                let mHat = m[j] / c1, vHat = v[j] / c2
                w[j] = w[j] - eta * mHat / (vHat.squareRoot() + eps) - rho * w[j]
            }
        }
    }
}
