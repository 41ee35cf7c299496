/// Problem sizes, budgets and repeats of a benchmark run.
///
/// `full` is the README's run (under 10 minutes on 2 cores); `quick` keeps the same shapes of
/// problem at about 1/5 of the size (under a minute); `tiny` exists so a test can run every code
/// path in a second.
public enum BenchmarkScale: String, Sendable, Codable {
    case full, quick, tiny

    /// (n, p) of the two ridge problems: tall and wide.
    public var ridgeShapes: [(n: Int, p: Int)] {
        switch self {
        case .full: return [(100_000, 500), (2_000, 10_000)]
        case .quick: return [(20_000, 200), (500, 2_000)]
        case .tiny: return [(120, 8), (20, 50)]
        }
    }

    /// (n, p) of the two lasso problems: tall and wide.
    public var lassoShapes: [(n: Int, p: Int)] {
        switch self {
        case .full: return [(100_000, 200), (1_000, 10_000)]
        case .quick: return [(20_000, 100), (300, 2_000)]
        case .tiny: return [(120, 30), (30, 80)]
        }
    }

    /// Wall-clock budget of each full-batch gradient method, in seconds (stochastic methods get half).
    public var budgetSeconds: Double {
        switch self {
        case .full: return 15
        case .quick: return 1.5
        case .tiny: return 0.2
        }
    }

    /// Timings of each exact solver (median reported).
    public var repeats: Int {
        switch self {
        case .full: return 5
        case .quick: return 3
        case .tiny: return 1
        }
    }

    /// Size of the L2-vs-weight-decay experiment (n, p) and its epochs.
    public var weightDecayShape: (n: Int, p: Int, epochs: Int) {
        switch self {
        case .full: return (4_000, 20, 200)
        case .quick: return (2_000, 20, 60)
        case .tiny: return (200, 5, 5)
        }
    }
}
