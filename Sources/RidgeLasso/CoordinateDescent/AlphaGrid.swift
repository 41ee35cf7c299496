#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The default α grid of a regularization path: `count` values from α_max down to ε·α_max, evenly
/// spaced on a log scale (glmnet's and scikit-learn's default: 100 values, ε = 1e-3).
///
///     αₖ = α_max · ε^(k/(count − 1)),  k = 0, …, count − 1
///
/// With α_max = 0 (a constant target, or only constant columns) every value is 0.
public enum AlphaGrid {
    /// The largest `count` the models accept for a default grid (10 000; glmnet and scikit-learn
    /// use 100): a bound that keeps a mistyped count from requesting an impossible allocation.
    public static let maximumCount = 10_000

    /// The descending grid; `count` = 1 gives [α_max].
    public static func logSpaced(maximum: Double, count: Int, epsilon: Double) -> [Double] {
        guard count > 1 else { return [maximum] }
        guard maximum > 0 else { return [Double](repeating: 0, count: count) }
        var grid = [Double](repeating: 0, count: count)
        let step = 1 / Double(count - 1)
        for k in 0..<count {
            grid[k] = maximum * pow(epsilon, Double(k) * step)
        }
        grid[0] = maximum
        return grid
    }
}
