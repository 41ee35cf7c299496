/// Wall-clock measurement for the benchmark: medians of repeated runs, on a monotonic clock.
public enum Timing {
    /// Seconds taken by `body`, and its result.
    public static func measure<T>(_ body: () throws -> T) rethrows -> (seconds: Double, value: T) {
        let start = ContinuousClock.now
        let value = try body()
        let (s, atto) = (ContinuousClock.now - start).components
        return (Double(s) + Double(atto) * 1e-18, value)
    }

    /// The median of `repeats` timings of `body` (≥ 1), and the last result.
    public static func median<T>(repeats: Int, _ body: () throws -> T) rethrows -> (seconds: Double, value: T) {
        var times: [Double] = []
        var last = try measure(body)
        times.append(last.seconds)
        for _ in 1..<max(1, repeats) {
            last = try measure(body)
            times.append(last.seconds)
        }
        return (median(times), last.value)
    }

    /// The median of `values` (the mean of the two middle ones for an even count); 0 when empty.
    public static func median(_ values: [Double]) -> Double {
        guard !values.isEmpty else { return 0 }
        let s = values.sorted()
        let m = s.count / 2
        return s.count % 2 == 1 ? s[m] : (s[m - 1] + s[m]) / 2
    }
}
