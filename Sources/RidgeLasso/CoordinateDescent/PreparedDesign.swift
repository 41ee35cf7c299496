import Dispatch
import LinearAlgebra

/// The data of one coordinate-descent problem after centering, weighting and scaling, in the form
/// the solver works with:
///
///     minimize  (c/2)‖ỹ − X̃w‖² + h(w),   x̃ⱼ = xⱼ − mⱼ (column shift),  ỹ = y − ȳ
///
/// - Without sample weights, X is the caller's matrix, untouched and uncopied; c = 1/n and the
///   column shifts mⱼ are the column means (0 without an intercept), applied on the fly.
/// - With sample weights sᵢ, v = s/Σs, and X̃ = diag(√v)(X − 1x̄ᵀ), ỹ = √v ∘ (y − ȳ) are formed once
///   (weighted means; c = 1, no shifts). This is scikit-learn's and glmnet's convention: weights
///   are rescaled to sum to 1 (equivalently, to n under the 1/(2n) factor).
///
/// A column that is constant (over the rows with positive weight) is shifted by its exact value, so
/// x̃ⱼ is exactly zero and its curvature dⱼ = c‖x̃ⱼ‖² is exactly 0: the solver then keeps wⱼ = 0.
///
/// Standardization uses sⱼ = √dⱼ, the (weighted) standard deviation with the 1/n convention (the
/// root mean square without an intercept); it enters only the penalty weights (see
/// ``ElasticNetPenalty``), so X is never rescaled and coefficients stay on the original scale.
struct PreparedDesign: @unchecked Sendable {
    /// The working matrix: the caller's X, or the weighted, centered copy.
    let x: Matrix
    let rows: Int
    let columns: Int
    /// The row weight c of the data term: 1/n without sample weights, 1 with them (folded into X̃).
    let c: Double
    /// Column shifts mⱼ applied on the fly (means when unweighted with an intercept, else 0).
    let shift: [Double]
    /// Whether any shift is nonzero.
    let hasShift: Bool
    /// The working target ỹ.
    let y: [Double]
    /// c‖ỹ‖²: the (weighted) variance of y about its mean; twice the objective at w = 0.
    let yy: Double
    /// Curvatures dⱼ = c‖x̃ⱼ‖² (exactly 0 for constant columns).
    let curvature: [Double]
    /// Feature means x̄ (original scale) and target mean ȳ, for the intercept b = ȳ − x̄ᵀw.
    let xMean: [Double]
    let yMean: Double
    /// c X̃ᵀỹ: the correlations at w = 0.
    let correlations0: [Double]
    /// Whether column j's shift is modest next to its spread (mⱼ = 0, or mⱼ² ≤ 100·dⱼ, dⱼ the
    /// column's variance): then raw-column products corrected by the shift (xⱼᵀr − mⱼΣr, a
    /// deferred constant in a sweep) lose at most a few bits. For the others, products are formed
    /// on x̃ⱼ = xⱼ − mⱼ itself (``centeredDot(_:_:)``): xⱼᵀr would carry rounding of the order of
    /// ε|mⱼ|‖r‖₁.
    let modestShift: [Bool]

    /// - Throws: ``RegressionError/nonFinite(input:row:column:)`` for the first NaN or ±Inf of X in
    ///   column order (unweighted; with weights the caller checks X first), and the errors of
    ///   the correlations at 0.
    init(_ xIn: Matrix, _ yIn: [Double], weights: [Double]?, fitIntercept: Bool) throws(RegressionError) {
        let n = xIn.rows, p = xIn.columns
        rows = n; columns = p
        var precomputedCurvature: [Double]? = nil
        var precomputedCorrelations: [Double]? = nil
        if let weights {
            let total = weights.reduce(0, +)
            let v = weights.map { $0 / total }
            let sv = v.map { $0.squareRoot() }
            var mean = [Double](repeating: 0, count: p)
            var ym = 0.0
            if fitIntercept {
                mean = Centering.means(xIn, weights: v)
                for i in 0..<n { ym += v[i] * yIn[i] }
            }
            var xt = xIn
            xt.storage.withUnsafeMutableBufferPointer { s in
                for j in 0..<p {
                    let base = j * n
                    if fitIntercept, let value = PreparedDesign.constantValue(s, base: base, rows: n, support: v) {
                        mean[j] = value
                    }
                    let mj = mean[j]
                    for i in 0..<n { s[base + i] = sv[i] * (s[base + i] - mj) }
                }
            }
            x = xt
            c = 1
            shift = [Double](repeating: 0, count: p)
            hasShift = false
            y = (0..<n).map { sv[$0] * (yIn[$0] - ym) }
            xMean = mean
            yMean = ym
        } else {
            let ym = fitIntercept ? yIn.reduce(0, +) / Double(n) : 0
            let yc = yIn.map { $0 - ym }
            // One visit per column (``columnStatistics``): its mean, whether it is constant, then
            // Σ(x − m)² and Σ(x − m)(y − ȳ) while the column is still in cache (no separate `dgemv`
            // for the correlations at 0). This pass is also X's finiteness check (the caller makes
            // none without weights). Columns are independent, so large matrices split them over
            // the cores, with the same results.
            var stats = [ColumnStatistics](repeating: ColumnStatistics(), count: p)
            xIn.storage.withUnsafeBufferPointer { s in
                yc.withUnsafeBufferPointer { t in
                    stats.withUnsafeMutableBufferPointer { out in
                        Self.columnStatistics(s.baseAddress!, t.baseAddress!, rows: n, columns: p,
                                              fitIntercept: fitIntercept, into: out.baseAddress!)
                    }
                }
            }
            let mean = stats.map(\.mean)
            let nonFinite = stats.indices.first { stats[$0].nonFiniteRow >= 0 }.map { (row: stats[$0].nonFiniteRow, column: $0) }
            if let (row, column) = nonFinite { throw .nonFinite(input: "X", row: row, column: column) }
            precomputedCurvature = stats.map { $0.squares / Double(n) }
            precomputedCorrelations = stats.map { $0.cross / Double(n) }
            x = xIn
            c = 1 / Double(n)
            shift = mean
            hasShift = mean.contains { $0 != 0 }
            y = yc
            xMean = mean
            yMean = ym
        }
        var yy = 0.0
        for value in y { yy += value * value }
        self.yy = yy * c
        // Curvatures, computed on the shifted columns directly (no cancellation).
        var d = precomputedCurvature ?? [Double](repeating: 0, count: p)
        if precomputedCurvature == nil {
        let cc = c, shifts = shift, xw = x
        xw.storage.withUnsafeBufferPointer { s in
            for j in 0..<p {
                let mj = shifts[j], base = j * n
                var acc0 = 0.0, acc1 = 0.0
                var i = 0
                while i + 1 < n {
                    let a = s[base + i] - mj, b = s[base + i + 1] - mj
                    acc0 += a * a; acc1 += b * b
                    i += 2
                }
                if i < n { let a = s[base + i] - mj; acc0 += a * a }
                d[j] = (acc0 + acc1) * cc
            }
        }
        }
        curvature = d
        let shifts = shift
        modestShift = (0..<p).map { j in shifts[j] == 0 || shifts[j] * shifts[j] <= 100 * d[j] }
        // Unweighted: formed in the pass above, on the shifted values. Weighted: X̃ is the
        // centered copy (no shifts), so c X̃ᵀỹ is one `dgemv`.
        if let precomputedCorrelations {
            correlations0 = precomputedCorrelations
        } else {
            let (xw, yw, cc) = (x, y, c)
            let products = try la { () throws(LinearAlgebraError) in try xw.transposeTimes(yw) }
            correlations0 = products.map { cc * $0 }
        }
    }

    /// What the pass over an unweighted X learns of one column.
    struct ColumnStatistics {
        /// The mean (0 without an intercept; the exact value of a constant column).
        var mean = 0.0
        /// Σᵢ(xᵢ − m)².
        var squares = 0.0
        /// Σᵢ(xᵢ − m)(yᵢ − ȳ).
        var cross = 0.0
        /// The first row holding NaN or ±Inf, −1 if none.
        var nonFiniteRow = -1
    }

    /// Values of X (rows × columns) each worker of the statistics pass gets at least (≈ 8 MB):
    /// below twice this the pass stays on one thread.
    static let parallelStatisticsValues = 1 << 20

    /// ``ColumnStatistics`` of every column of X (n × p, column-major) against yc = y − ȳ. A NaN or
    /// ±Inf makes a column's sums non-finite, and only such a column is scanned for the entry.
    /// Large matrices are split by columns over the cores; each column's sums are formed the
    /// same way whatever the split.
    static func columnStatistics(
        _ x: UnsafePointer<Double>, _ yc: UnsafePointer<Double>, rows n: Int, columns p: Int,
        fitIntercept: Bool, into out: UnsafeMutablePointer<ColumnStatistics>
    ) {
        let workers = max(1, min(ParallelTasks.defaultThreadCount, n * p / parallelStatisticsValues, p))
        if workers == 1 {
            for j in 0..<p { out[j] = statistics(of: x + j * n, yc, rows: n, fitIntercept: fitIntercept) }
            return
        }
        // Addresses cross into the workers as integers; each worker writes its own columns.
        let xs = Int(bitPattern: x), ys = Int(bitPattern: yc), outs = Int(bitPattern: out)
        let size = (p + workers - 1) / workers
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            guard let x = UnsafePointer<Double>(bitPattern: xs), let yc = UnsafePointer<Double>(bitPattern: ys),
                  let out = UnsafeMutablePointer<ColumnStatistics>(bitPattern: outs) else { return }
            for j in (w * size)..<min(p, (w + 1) * size) {
                out[j] = statistics(of: x + j * n, yc, rows: n, fitIntercept: fitIntercept)
            }
        }
    }

    /// ``ColumnStatistics`` of one column.
    static func statistics(
        of col: UnsafePointer<Double>, _ t: UnsafePointer<Double>, rows n: Int, fitIntercept: Bool
    ) -> ColumnStatistics {
        var result = ColumnStatistics()
        var mj = 0.0
        if fitIntercept {
            let first = col[0]
            var a0 = 0.0, a1 = 0.0, a2 = 0.0, a3 = 0.0
            var constant = true
            var i = 0
            while i + 3 < n {
                let v0 = col[i], v1 = col[i + 1], v2 = col[i + 2], v3 = col[i + 3]
                a0 += v0; a1 += v1; a2 += v2; a3 += v3
                if v0 != first || v1 != first || v2 != first || v3 != first { constant = false }
                i += 4
            }
            while i < n {
                let v = col[i]
                a0 += v
                if v != first { constant = false }
                i += 1
            }
            mj = constant ? first : ((a0 + a1) + (a2 + a3)) / Double(n)
        }
        result.mean = mj
        var b0 = 0.0, b1 = 0.0, b2 = 0.0, b3 = 0.0
        var e0 = 0.0, e1 = 0.0, e2 = 0.0, e3 = 0.0
        var i = 0
        while i + 3 < n {
            let v0 = col[i] - mj, v1 = col[i + 1] - mj, v2 = col[i + 2] - mj, v3 = col[i + 3] - mj
            b0 += v0 * v0; b1 += v1 * v1; b2 += v2 * v2; b3 += v3 * v3
            e0 += v0 * t[i]; e1 += v1 * t[i + 1]; e2 += v2 * t[i + 2]; e3 += v3 * t[i + 3]
            i += 4
        }
        while i < n { let v = col[i] - mj; b0 += v * v; e0 += v * t[i]; i += 1 }
        result.squares = (b0 + b1) + (b2 + b3)
        result.cross = (e0 + e1) + (e2 + e3)
        if !(result.squares.isFinite && mj.isFinite), let row = (0..<n).first(where: { !col[$0].isFinite }) {
            result.nonFiniteRow = row
        }
        return result
    }

    /// x̃ⱼᵀr for a vector r whose entries sum to `rowSum`: for a ``modestShift`` column the raw
    /// product corrected by the shift, xⱼᵀr − mⱼ·rowSum (one `ddot`); otherwise
    /// ``centeredDot(_:_:)``, which needs no sum (the x̃ᵢⱼ sum to 0).
    @inline(__always)
    func shiftedDot(_ j: Int, _ r: UnsafePointer<Double>, rowSum: Double) -> Double {
        guard modestShift[j] else { return centeredDot(j, r) }
        return x.storage.withUnsafeBufferPointer { s in
            BLAS.dot(rows, s.baseAddress! + j * rows, r) - shift[j] * rowSum
        }
    }

    /// x̃ⱼᵀr = Σᵢ (xᵢⱼ − mⱼ) rᵢ, summed on the shifted values (no cancellation against mⱼΣr).
    func centeredDot(_ j: Int, _ r: UnsafePointer<Double>) -> Double {
        let n = rows, m = shift[j]
        return x.storage.withUnsafeBufferPointer { s in
            let col = s.baseAddress! + j * n
            var a0 = 0.0, a1 = 0.0, a2 = 0.0, a3 = 0.0
            var i = 0
            while i + 3 < n {
                a0 += (col[i] - m) * r[i]; a1 += (col[i + 1] - m) * r[i + 1]
                a2 += (col[i + 2] - m) * r[i + 2]; a3 += (col[i + 3] - m) * r[i + 3]
                i += 4
            }
            while i < n { a0 += (col[i] - m) * r[i]; i += 1 }
            return (a0 + a1) + (a2 + a3)
        }
    }

    /// The value of a column that is constant over the rows in the support (all rows when
    /// `support` is nil), or nil.
    private static func constantValue(
        _ s: UnsafeMutableBufferPointer<Double>, base: Int, rows n: Int, support: [Double]?
    ) -> Double? {
        constantValue(UnsafeBufferPointer(s), base: base, rows: n, support: support)
    }

    private static func constantValue(
        _ s: UnsafeBufferPointer<Double>, base: Int, rows n: Int, support: [Double]?
    ) -> Double? {
        var first: Double? = nil
        for i in 0..<n {
            if let support, support[i] == 0 { continue }
            let value = s[base + i]
            if let f = first { if value != f { return nil } } else { first = value }
        }
        return first
    }

    /// The whole Gram matrix c X̃ᵀX̃ (p × p, column-major) by one `dsyrk` of the shifted copy of X:
    /// half the flops of ``gramColumns(_:)`` for all features.
    func fullGram() throws(RegressionError) -> [Double] {
        // When every mean is modest next to its column's spread (m² ≤ 100·var), the raw product
        // corrected by the rank-one term, c XᵀX − m mᵀ, loses at most ~100ε relative accuracy
        // and saves copying X.
        if hasShift && !modestShift.contains(false) {
            var g = try la { () throws(LinearAlgebraError) in try x.gram() }.storage
            let p = columns, cc = c
            for k in 0..<p {
                for l in 0..<p { g[k * p + l] = cc * g[k * p + l] - shift[l] * shift[k] }
            }
            return g
        }
        var shifted = x
        if hasShift {
            let n = rows, shifts = shift
            shifted.storage.withUnsafeMutableBufferPointer { s in
                for j in 0..<columns where shifts[j] != 0 {
                    let mj = shifts[j], base = j * n
                    for i in 0..<n { s[base + i] -= mj }
                }
            }
        }
        var g = try la { () throws(LinearAlgebraError) in try shifted.gram() }.storage
        let cc = c
        for k in 0..<g.count { g[k] *= cc }
        return g
    }

    /// An approximation of ``fullGram()`` formed in single precision (one `ssyrk` on the centered
    /// columns scaled to unit norm, ``SinglePrecisionGram``): about half its time, entries off by
    /// ≈ √n·2⁻²⁴ relative to √(dⱼdₖ). Nil when a value is not finite.
    func singlePrecisionGram() -> [Double]? {
        let cc = c
        let scales = curvature.map { ($0 / cc).squareRoot() }
        return x.storage.withUnsafeBufferPointer { s in
            SinglePrecisionGram.compute(rows: rows, columns: columns, s.baseAddress!, shifts: shift, scales: scales, scale: cc)
        }
    }

    /// Fills `into` (p × k, column-major) with the Gram columns c X̃ᵀx̃ⱼ of `features`: one `dgemm`
    /// of Xᵀ with the shifted copies of those columns, then the exact shift correction
    /// Gₗⱼ = c(xₗᵀx̃ⱼ − mₗ 1ᵀx̃ⱼ).
    func gramColumns(_ features: [Int]) throws(RegressionError) -> [Double] {
        let n = rows, p = columns, k = features.count
        guard k > 0 else { return [] }
        var block = [Double](repeating: 0, count: n * k)
        var sums = [Double](repeating: 0, count: k)
        x.storage.withUnsafeBufferPointer { s in
            block.withUnsafeMutableBufferPointer { b in
                for (slot, j) in features.enumerated() {
                    let mj = shift[j], src = j * n, dst = slot * n
                    var sum = 0.0
                    for i in 0..<n {
                        let value = s[src + i] - mj
                        b[dst + i] = value
                        sum += value
                    }
                    sums[slot] = sum
                }
            }
        }
        let blockMatrix = try la { () throws(LinearAlgebraError) in try Matrix(rows: n, columns: k, columnMajor: block) }
        let product = try la { () throws(LinearAlgebraError) in
            try x.multiplied(by: blockMatrix, transposingSelf: true)
        }
        var g = product.storage
        let cc = c
        for slot in 0..<k {
            let sum = sums[slot], base = slot * p
            for l in 0..<p { g[base + l] = cc * (g[base + l] - shift[l] * sum) }
        }
        return g
    }
}

// MARK: - The column operations of coordinate descent

extension PreparedDesign: CoordinateDescentDesign {
    /// v ← v + a·x̃ⱼ: for a ``modestShift`` column one `daxpy` of the raw column, the shift −a·mⱼ
    /// returned for the caller to add (it costs at most a few bits there); otherwise the shifted
    /// column itself, and 0.
    @inline(__always)
    func addColumn(_ j: Int, times a: Double, into v: UnsafeMutablePointer<Double>) -> Double {
        let n = rows, mj = shift[j]
        return x.storage.withUnsafeBufferPointer { xs in
            let col = xs.baseAddress! + j * n
            if modestShift[j] {
                BLAS.axpy(n, a, col, v)
                return -a * mj
            }
            for i in 0..<n { v[i] += a * (col[i] - mj) }
            return 0
        }
    }

    /// c X̃ᵀv by one `dgemv` of the raw X, corrected by the shifts (``centeredDot(_:_:)`` for
    /// the columns whose shift is not modest).
    func correlations(_ v: UnsafePointer<Double>, rowSum: Double, into out: UnsafeMutablePointer<Double>) {
        let n = rows, p = columns, cc = c
        x.storage.withUnsafeBufferPointer { xs in
            BLAS.transposeTimes(rows: n, columns: p, xs.baseAddress!, v, into: out)
        }
        shift.withUnsafeBufferPointer { m in
            modestShift.withUnsafeBufferPointer { modest in
                for j in 0..<p {
                    out[j] = modest[j] ? cc * (out[j] - m[j] * rowSum) : cc * centeredDot(j, v)
                }
            }
        }
    }

    func appendCenteredColumn(_ j: Int, to buffer: inout [Double]) {
        let n = rows, mj = shift[j]
        x.storage.withUnsafeBufferPointer { xs in
            let col = xs.baseAddress! + j * n
            for i in 0..<n { buffer.append(col[i] - mj) }
        }
    }

    /// X rounded to `Float` (``SinglePrecisionMatrix``); nil when a value is not representable.
    func singlePrecisionCopy() -> SinglePrecisionMatrix? {
        x.storage.withUnsafeBufferPointer { xs in SinglePrecisionMatrix(rows: rows, columns: columns, xs.baseAddress!) }
    }
}
