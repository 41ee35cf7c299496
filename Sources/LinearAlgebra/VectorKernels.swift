/// Small vector loops with independent SIMD accumulators, for cache-resident columns. A plain
/// `s += x[i]` loop is one serial chain of dependent additions (the compiler may not reorder
/// floating-point sums), four cycles per element; four SIMD4 accumulators run 16 at a time.
enum Kernels {
    @inline(__always)
    static func load(_ p: UnsafePointer<Double>, _ i: Int) -> SIMD4<Double> {
        UnsafeRawPointer(p + i).loadUnaligned(as: SIMD4<Double>.self)
    }

    /// Σ x[i].
    static func sum(_ x: UnsafePointer<Double>, _ n: Int) -> Double {
        var a = SIMD4<Double>(), b = SIMD4<Double>(), c = SIMD4<Double>(), d = SIMD4<Double>()
        var i = 0
        while i + 16 <= n {
            a += load(x, i); b += load(x, i + 4); c += load(x, i + 8); d += load(x, i + 12)
            i += 16
        }
        var s = ((a + b) + (c + d)).sum()
        while i < n { s += x[i]; i += 1 }
        return s
    }

    /// Σ w[i]·x[i].
    static func dot(_ w: UnsafePointer<Double>, _ x: UnsafePointer<Double>, _ n: Int) -> Double {
        var a = SIMD4<Double>(), b = SIMD4<Double>(), c = SIMD4<Double>(), d = SIMD4<Double>()
        var i = 0
        while i + 16 <= n {
            a += load(w, i) * load(x, i); b += load(w, i + 4) * load(x, i + 4)
            c += load(w, i + 8) * load(x, i + 8); d += load(w, i + 12) * load(x, i + 12)
            i += 16
        }
        var s = ((a + b) + (c + d)).sum()
        while i < n { s += w[i] * x[i]; i += 1 }
        return s
    }

    /// dst[i] = src[i] − c (src and dst may be the same memory).
    static func subtract(_ src: UnsafePointer<Double>, _ c: Double, _ dst: UnsafeMutablePointer<Double>, _ n: Int) {
        for i in 0..<n { dst[i] = src[i] - c }
    }
}
