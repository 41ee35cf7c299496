/// What a gradient-method baseline returns: the coefficients, and an honest account of the run.
///
/// Every gradient method reports how many iterations it did, whether its stopping test passed
/// (``converged``), and — when asked with `historyInterval > 0` — the objective (and, for the
/// proximal methods, the duality gap) along the way with the time spent, so the benchmark can
/// read off time-to-accuracy.
public struct GradientMethodResult: LinearPredictor, Sendable {
    /// A short name of the method, e.g. `"gradient descent"`, `"FISTA"`, `"AdamW"`.
    public let method: String
    /// The objective the method minimizes, written out in the package's symbols.
    public let objectiveDescription: String
    /// The coefficients w, on the scale of the original features.
    public let coefficients: [Double]
    /// The unpenalized intercept b (0 when no intercept was fitted).
    public let intercept: Double
    /// Parameter updates performed (stochastic methods: mini-batch steps).
    public let iterations: Int
    /// Whether the stopping test passed within the iteration and time budget.
    public let converged: Bool
    /// The step size used (the base learning rate for stochastic methods).
    public let stepSize: Double
    /// The Lipschitz constant L of the smooth part's gradient when one was estimated
    /// (power iteration), else `nil`.
    public let lipschitzConstant: Double?
    /// The objective at the returned coefficients (same scaling as the history).
    public let objective: Double
    /// The duality gap at the returned coefficients (proximal methods), else `nil`.
    public let dualityGap: Double?
    /// The quantity the stopping test compared with the tolerance, at the end.
    public let stoppingValue: Double
    /// The recorded run (empty when `historyInterval == 0`).
    public let history: [GradientHistoryPoint]
    /// Wall time of the whole fit, in seconds (recording excluded).
    public let seconds: Double
}
