/// What one problem's runners need to know: budgets, repeats and where progress goes.
public struct BenchmarkSettings: Sendable {
    /// Wall-clock budget of each full-batch gradient method (stochastic methods get half).
    public var budgetSeconds: Double
    /// Timings of each exact solver (median reported).
    public var repeats: Int
    /// Receives one line per step (the executable prints them on stderr).
    public var progress: @Sendable (String) -> Void

    public init(budgetSeconds: Double, repeats: Int, progress: @escaping @Sendable (String) -> Void = { _ in }) {
        self.budgetSeconds = budgetSeconds
        self.repeats = repeats
        self.progress = progress
    }
}
