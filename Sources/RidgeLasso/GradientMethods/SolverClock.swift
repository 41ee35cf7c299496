/// A stopwatch for a solver run that can leave out time spent on bookkeeping (history points,
/// the caller's monitor), so recorded times are the method's own.
struct SolverClock {
    private let start = ContinuousClock.now
    private var excluded: Duration = .zero

    /// Seconds since the clock started, excluded intervals left out.
    var seconds: Double {
        let d = ContinuousClock.now - start - excluded
        let (s, atto) = d.components
        return Double(s) + Double(atto) * 1e-18
    }

    /// Runs `body` without counting its time.
    mutating func excluding<T>(_ body: () -> T) -> T {
        let t0 = ContinuousClock.now
        let value = body()
        excluded += ContinuousClock.now - t0
        return value
    }
}
