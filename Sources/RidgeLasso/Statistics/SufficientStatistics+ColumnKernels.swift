// The per-column loops of ``SufficientStatistics/add(rows:weights:)``, four lanes at a time
// (SIMD4 loads from the block's contiguous columns): they read each value of a block twice, and
// with one scalar accumulator each (a floating-point sum is never reassociated by the compiler)
// they cost more than the block's `dsyrk`.
extension SufficientStatistics {
    /// What the first pass learns of one column of a block.
    struct ColumnSummary {
        var minimum: Double
        var maximum: Double
        /// Σᵢ wᵢ(vᵢ − k).
        var weightedSum: Double
        /// Whether every value is finite (a sum of vᵢ − vᵢ, 0 unless some vᵢ is ±∞ or NaN).
        var isFinite: Bool
    }

    @inline(__always)
    static func load(_ p: UnsafePointer<Double>, _ i: Int) -> SIMD4<Double> {
        UnsafeRawPointer(p + i).loadUnaligned(as: SIMD4<Double>.self)
    }

    /// Minimum, maximum, finiteness and Σ wᵢ(vᵢ − k) of `count` values.
    static func summarize(_ v: UnsafePointer<Double>, weights w: UnsafePointer<Double>, count b: Int, shift k: Double) -> ColumnSummary {
        // Minimum and maximum per lane as comparisons and selects (the generic pointwiseMin is
        // not inlined); NaN is caught by the probe, so its ordering does not matter here.
        var lo0 = Double.infinity, lo1 = lo0, lo2 = lo0, lo3 = lo0
        var hi0 = -Double.infinity, hi1 = hi0, hi2 = hi0, hi3 = hi0
        var probe = SIMD4<Double>(), sum = SIMD4<Double>()
        let k4 = SIMD4<Double>(repeating: k)
        var i = 0
        while i + 4 <= b {
            let x = load(v, i)
            lo0 = x[0] < lo0 ? x[0] : lo0; lo1 = x[1] < lo1 ? x[1] : lo1
            lo2 = x[2] < lo2 ? x[2] : lo2; lo3 = x[3] < lo3 ? x[3] : lo3
            hi0 = x[0] > hi0 ? x[0] : hi0; hi1 = x[1] > hi1 ? x[1] : hi1
            hi2 = x[2] > hi2 ? x[2] : hi2; hi3 = x[3] > hi3 ? x[3] : hi3
            probe += x - x
            sum += load(w, i) * (x - k4)
            i += 4
        }
        var low = Swift.min(Swift.min(lo0, lo1), Swift.min(lo2, lo3))
        var high = Swift.max(Swift.max(hi0, hi1), Swift.max(hi2, hi3))
        var probeSum = probe.sum(), total = sum.sum()
        while i < b {
            let x = v[i]
            low = Swift.min(low, x); high = Swift.max(high, x)
            probeSum += x - x
            total += w[i] * (x - k)
            i += 1
        }
        return ColumnSummary(minimum: low, maximum: high, weightedSum: total, isFinite: probeSum == 0)
    }

    /// Whether vᵢ − k equals `reference` at every positive weight (stops at the first difference).
    static func isConstant(_ v: UnsafePointer<Double>, weights w: UnsafePointer<Double>, count b: Int, shift k: Double,
                           reference: Double) -> Bool {
        for i in 0..<b where w[i] > 0 && v[i] - k != reference { return false }
        return true
    }

    /// Σ wᵢ((vᵢ − k) − m), the correction of the two-pass mean.
    static func correction(_ v: UnsafePointer<Double>, weights w: UnsafePointer<Double>, count b: Int, shift k: Double,
                           mean m: Double) -> Double {
        let k4 = SIMD4<Double>(repeating: k), m4 = SIMD4<Double>(repeating: m)
        var sum = SIMD4<Double>()
        var i = 0
        while i + 4 <= b {
            sum += load(w, i) * ((load(v, i) - k4) - m4)
            i += 4
        }
        var total = sum.sum()
        while i < b { total += w[i] * ((v[i] - k) - m); i += 1 }
        return total
    }

    /// outᵢ = √wᵢ((vᵢ − k) − m).
    static func center(_ v: UnsafePointer<Double>, roots r: UnsafePointer<Double>, count b: Int, shift k: Double,
                       mean m: Double, into out: UnsafeMutablePointer<Double>) {
        let k4 = SIMD4<Double>(repeating: k), m4 = SIMD4<Double>(repeating: m)
        var i = 0
        while i + 4 <= b {
            UnsafeMutableRawPointer(out + i).storeBytes(of: load(r, i) * ((load(v, i) - k4) - m4), as: SIMD4<Double>.self)
            i += 4
        }
        while i < b { out[i] = r[i] * ((v[i] - k) - m); i += 1 }
    }
}
