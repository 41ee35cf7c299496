import Foundation

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

    /// The index of the first NaN or ±∞ in x[0..<n], or `nil`. Blocks of 512 are screened with
    /// SIMD sums of x·0 (exactly 0 when every x is finite, NaN otherwise); only a block that
    /// fails is scanned element by element.
    static func firstNonFinite(_ x: UnsafePointer<Double>, _ n: Int) -> Int? {
        var start = 0
        while start < n {
            let end = min(n, start + 512)
            var a = SIMD4<Double>(), b = SIMD4<Double>()
            var i = start
            while i + 8 <= end {
                a += load(x, i) * 0; b += load(x, i + 4) * 0
                i += 8
            }
            var s = (a + b).sum()
            while i < end { s += x[i] * 0; i += 1 }
            if s != 0 {
                for k in start..<end where !x[k].isFinite { return k }
            }
            start = end
        }
        return nil
    }

    /// ``firstNonFinite(_:_:)`` over chunks of at least 2²² values on every core (the scan is
    /// memory-bound, and one core does not saturate the memory bus); the first hit of the
    /// first chunk that has one.
    static func firstNonFiniteInParallel(_ x: UnsafePointer<Double>, _ n: Int) -> Int? {
        let chunks = min(ProcessInfo.processInfo.activeProcessorCount, n >> 22)
        guard chunks > 1 else { return firstNonFinite(x, n) }
        let size = (n + chunks - 1) / chunks
        let hits = UnsafeMutablePointer<Int>.allocate(capacity: chunks)
        hits.initialize(repeating: -1, count: chunks)
        defer { hits.deallocate() }
        // Addresses cross into the worker closures as integers (each worker reads its own chunk
        // and writes its own slot).
        let values = Int(bitPattern: x), slots = Int(bitPattern: hits)
        DispatchQueue.concurrentPerform(iterations: chunks) { k in
            let start = k * size, count = max(0, min(n, start + size) - start)
            guard let chunk = UnsafePointer<Double>(bitPattern: values),
                  let hit = UnsafeMutablePointer<Int>(bitPattern: slots) else { return }
            hit[k] = firstNonFinite(chunk + start, count).map { start + $0 } ?? -1
        }
        for k in 0..<chunks where hits[k] >= 0 { return hits[k] }
        return nil
    }

    /// dst[i] = src[i] − c (src and dst may be the same memory).
    static func subtract(_ src: UnsafePointer<Double>, _ c: Double, _ dst: UnsafeMutablePointer<Double>, _ n: Int) {
        for i in 0..<n { dst[i] = src[i] - c }
    }
}
