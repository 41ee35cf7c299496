/// Everything a benchmark run measured, as written to `results.json`.
public struct BenchmarkResults: Codable, Sendable {
    public var machine: MachineDescription
    public var scale: BenchmarkScale
    public var budgetSeconds: Double
    public var repeats: Int
    public var problems: [ProblemResult]
    public var weightDecay: WeightDecayResult?
}

/// The methods run on one problem.
public struct ProblemResult: Codable, Sendable {
    public var name: String
    public var kind: BenchmarkProblem.Kind
    public var description: String
    public var n: Int
    public var p: Int
    public var alpha: Double
    /// How the reference solution was obtained (errors are measured against it).
    public var reference: String
    /// For the lasso: the reference objective P* used for relative suboptimality.
    public var referenceObjective: Double?
    public var methods: [MethodResult]
    /// One-line comparisons (ratios measured in this run), e.g. "Nesterov to 1e-6: 31× closed form".
    public var comparisons: [String]
}

/// One method on one problem.
public struct MethodResult: Codable, Sendable {
    public var method: String
    /// "exact", "coordinate descent", "gradient" or "stochastic".
    public var family: String
    /// Median wall time in seconds (gradient methods: the single budgeted run).
    public var seconds: Double
    public var repeats: Int
    public var iterations: Int?
    public var converged: Bool
    /// Ridge: ‖w − w_ref‖/‖w_ref‖.
    public var relativeError: Double?
    /// Lasso: (P(w) − P*)/P*.
    public var relativeSuboptimality: Double?
    /// Lasso: the duality gap of P at w (same formula for every method).
    public var dualityGap: Double?
    /// Seconds to reach each accuracy target (gradient methods), `nil` when not reached in the budget.
    public var timeToAccuracy: [AccuracyTime]
    /// The error over time (down-sampled), for the plots.
    public var trace: [TracePoint]
    public var note: String?
}

/// Seconds until the error first fell to `target`, or `nil` ("not reached in the budget").
public struct AccuracyTime: Codable, Sendable, Equatable {
    public var target: Double
    public var seconds: Double?
}

/// (seconds, error) of a trace.
public struct TracePoint: Codable, Sendable, Equatable {
    public var seconds: Double
    public var error: Double
}

/// The L2-vs-weight-decay experiment.
public struct WeightDecayResult: Codable, Sendable {
    public var description: String
    /// Largest |w(SGD + L2) − w(SGD + decay)| / max(1, |w|) over every recorded epoch.
    public var sgdLargestDifference: Double
    /// ‖w(Adam + L2) − w(AdamW)‖/‖w(Adam + L2)‖ at the end.
    public var adamRelativeDifference: Double
    /// Relative error against the exact ridge solution per epoch, per method.
    public var curves: [WeightDecayCurve]
}

public struct WeightDecayCurve: Codable, Sendable {
    public var method: String
    public var epochs: [Double]
    public var relativeError: [Double]
}

/// The accuracy targets of the time-to-accuracy columns.
public let accuracyTargets: [Double] = [1e-2, 1e-4, 1e-6, 1e-8]
