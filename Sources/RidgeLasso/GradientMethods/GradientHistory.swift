/// One recorded point of a gradient method's run, for convergence plots and time-to-accuracy.
///
/// Points are recorded every `historyInterval` iterations (stochastic methods: epochs) and once
/// at the end. The clock excludes the work done only for recording (objective values that the
/// method itself does not need, and the caller's monitor), so `seconds` is the method's own time.
public struct GradientHistoryPoint: Sendable, Equatable {
    /// Parameter updates done so far (stochastic methods: mini-batch steps).
    public let iteration: Int
    /// Wall time of the method since `fit` started, in seconds, setup (centering, power
    /// iteration) included, recording excluded.
    public let seconds: Double
    /// The method's objective at the current iterate, in the scaling its documentation states
    /// (`nil` when the run was asked not to evaluate it: `recordsObjective == false`).
    public let objective: Double?
    /// The elastic-net duality gap at the current iterate (proximal methods only).
    public let dualityGap: Double?
    /// The value the caller's ``GradientMonitor`` returned for the current iterate, if any.
    public let error: Double?

    /// A recorded point; each parameter sets the property of the same name.
    public init(iteration: Int, seconds: Double, objective: Double?, dualityGap: Double?, error: Double?) {
        self.iteration = iteration
        self.seconds = seconds
        self.objective = objective
        self.dualityGap = dualityGap
        self.error = error
    }
}

/// A caller-supplied measure of the current iterate (coefficients w on the original feature
/// scale, intercept b), e.g. the relative error against an exact solution. Its cost is not
/// counted in ``GradientHistoryPoint/seconds``.
public typealias GradientMonitor = (_ coefficients: [Double], _ intercept: Double) -> Double

/// The first time at which a recorded `value` falls to `target` or below.
extension Array where Element == GradientHistoryPoint {
    /// Seconds until `value(point) ≤ target` first holds, or `nil` when it never does in the run.
    public func secondsToReach(_ target: Double, by value: (GradientHistoryPoint) -> Double?) -> Double? {
        for point in self {
            if let v = value(point), v <= target { return point.seconds }
        }
        return nil
    }
}
