import LinearAlgebra

/// Why rows could not be added to ``SufficientStatistics``, or two parts could not be merged.
///
/// Rows are 0-based global row indices (the rows the statistics had already seen, plus the
/// position in the block), as in ``RegressionError``.
public enum StatisticsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Names that cannot describe a design: no feature, no target, an empty or repeated name.
    case invalidNames(String)
    /// A block whose shape does not match the statistics (columns, weights).
    case dimensionMismatch(String)
    /// A NaN or ±∞ at a global row, in the named column (or `"weights"`).
    case nonFinite(row: Int, column: String)
    /// A negative sample weight at a global row.
    case negativeWeight(row: Int, value: Double)
    /// Parts that describe different problems and so cannot be merged: the message says which
    /// property differs (feature names or their order, target names, weighting, folds).
    case incompatible(String)
    /// Nothing to merge.
    case noParts
    /// Finite rows whose total weight or co-moments exceed the range of `Double`.
    case overflow(String)

    public var description: String {
        switch self {
        case .invalidNames(let m): return "invalid column names: \(m)"
        case .dimensionMismatch(let m): return "dimension mismatch: \(m)"
        case .nonFinite(let row, let column):
            return "non-finite value (NaN or Inf) at row \(row), column \(column)"
        case .negativeWeight(let row, let value): return "negative sample weight \(value) at row \(row)"
        case .incompatible(let m): return "cannot merge statistics: \(m)"
        case .noParts: return "cannot merge statistics: no parts were given"
        case .overflow(let m): return "numerical overflow: \(m)"
        }
    }
}

extension StatisticsError: RidgeLassoError {}
