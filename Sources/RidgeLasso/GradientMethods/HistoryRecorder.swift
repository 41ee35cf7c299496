/// Collects ``GradientHistoryPoint``s every `interval` iterations, keeping the cost of the
/// recording (objective, monitor) off the solver's clock.
struct HistoryRecorder {
    let interval: Int
    let monitor: GradientMonitor?
    /// Whether `record` evaluates the objective (it may cost a pass over the data).
    var recordsObjective = true
    var clock = SolverClock()
    private(set) var points: [GradientHistoryPoint] = []

    init(interval: Int, monitor: GradientMonitor?) {
        self.interval = interval
        self.monitor = monitor
    }

    /// Whether iteration `k` is a recording point.
    func isDue(_ k: Int) -> Bool { interval > 0 && k % interval == 0 }

    /// Records a point; `objective` and `coefficients` are evaluated off the clock.
    mutating func record(
        iteration: Int, dualityGap: Double? = nil,
        objective: () -> Double, coefficients: () -> (w: [Double], b: Double)
    ) {
        let seconds = clock.seconds
        let monitor = self.monitor, recordsObjective = self.recordsObjective
        let (value, error) = clock.excluding { () -> (Double?, Double?) in
            let value = recordsObjective ? objective() : nil
            guard let monitor else { return (value, nil) }
            let (w, b) = coefficients()
            return (value, monitor(w, b))
        }
        points.append(GradientHistoryPoint(
            iteration: iteration, seconds: seconds, objective: value, dualityGap: dualityGap, error: error))
    }
}
