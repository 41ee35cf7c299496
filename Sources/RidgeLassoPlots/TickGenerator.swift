import Foundation

/// Tick positions for an axis range given in axis coordinates (log₁₀ units for log axes).
enum TickGenerator {
    /// "Nice" values 1, 2, 5 × 10ᵏ covering [lo, hi] with about `count` ticks.
    static func linear(_ lo: Double, _ hi: Double, count: Int = 6) -> [Double] {
        guard hi > lo else { return [lo] }
        let raw = (hi - lo) / Double(max(1, count - 1))
        let magnitude = pow(10, floor(Foundation.log10(raw)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        var ticks: [Double] = []
        var t = ceil(lo / step - 1e-9) * step
        while t <= hi + step * 1e-9 && ticks.count < 50 {
            ticks.append(abs(t) < step * 1e-9 ? 0 : t)
            t += step
        }
        return ticks
    }

    /// Ticks of a log axis whose range [lo, hi] is in log₁₀ units, returned in log₁₀ units:
    /// every decade (or every k-th when there are many), or 1-2-5 steps inside a short range.
    static func log(_ lo: Double, _ hi: Double) -> [Double] {
        let first = Int(ceil(lo - 1e-9)), last = Int(floor(hi + 1e-9))
        if last - first >= 1 {
            let stride = max(1, (last - first + 7) / 8)
            return Swift.stride(from: first, through: last, by: stride).map(Double.init)
        }
        var ticks: [Double] = []
        for decade in (first - 1)...(last + 1) {
            for m in [1.0, 2, 5] {
                let t = Double(decade) + Foundation.log10(m)
                if t >= lo - 1e-9 && t <= hi + 1e-9 { ticks.append(t) }
            }
        }
        return ticks.isEmpty ? linear(lo, hi, count: 4) : ticks
    }
}
