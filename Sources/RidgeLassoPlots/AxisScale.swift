import Foundation

/// How values map to positions along an axis.
public enum AxisScale: String, Sendable, CaseIterable {
    /// Position proportional to the value.
    case linear
    /// Position proportional to log₁₀ of the value; values ≤ 0 cannot be drawn and are skipped.
    case log10

    /// The value in axis coordinates, or `nil` when it cannot be drawn (NaN, ±∞, ≤ 0 on log).
    func transform(_ v: Double) -> Double? {
        guard v.isFinite else { return nil }
        switch self {
        case .linear: return v
        case .log10: return v > 0 ? Foundation.log10(v) : nil
        }
    }
}
