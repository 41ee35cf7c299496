import LinearAlgebra

/// A coordinate-descent problem on compressed sparse columns, centered and weighted implicitly:
///
///     minimize  (c/2)‖ỹ − X̃w‖² + h(w),   x̃ⱼ = xⱼ − mⱼe
///
/// - Without sample weights the stored columns are the caller's (shared, not copied), e = 1,
///   c = 1/n, mⱼ the column means (0 without an intercept) and ỹ = y − ȳ.
/// - With sample weights sᵢ, v = s/Σs and e = √v: the stored values are √vᵢxᵢⱼ (one copy of the
///   nonzeros), mⱼ the weighted means, c = 1 and ỹ = √v∘(y − ȳ) — the same problem as
///   ``PreparedDesign``'s weighted copy, with the centering left implicit.
///
/// X̃ is never formed: a product x̃ⱼᵀr is xⱼᵀr over the nonzeros minus mⱼ·eᵀr, and an update
/// r ← r + a·x̃ⱼ touches the nonzeros and leaves the constant −a·mⱼ (along e) to the sweep, which
/// adds all of them once (``CoordinateDescentDesign/addShift(_:to:)``). A column whose shift is
/// not modest next to its spread (mⱼ² > 100·dⱼ; only columns stored in most rows can be so) is
/// handled on its shifted values over all n rows instead, as the dense design does, so that no
/// product cancels against mⱼ·eᵀr.
///
/// A column constant over the rows of positive weight (all stored with one value, or none stored)
/// gets that value as its shift, so its curvature is exactly 0, as in the dense design. Memory:
/// the caller's CSC arrays (plus one copy of the values with weights) and O(n + p); Gram columns
/// cost one pass over the nonzeros each, and the Newton steps' Gram rows are formed from sparse
/// columns, never from dense copies.
struct SparseDesign: Sendable {
    let rows: Int
    let columns: Int
    let columnStarts: [Int]
    let rowIndices: [Int32]
    /// The stored values: xᵢⱼ, or √vᵢxᵢⱼ with weights.
    let values: [Double]
    /// e = √v with weights; nil for the all-ones vector.
    let rowScale: [Double]?
    let c: Double
    let shift: [Double]
    let hasShift: Bool
    let y: [Double]
    let yy: Double
    let curvature: [Double]
    /// Feature means x̄ (original scale) and target mean ȳ, for the intercept b = ȳ − x̄ᵀw.
    let xMean: [Double]
    let yMean: Double
    let correlations0: [Double]
    let modestShift: [Bool]
    let shiftNormSquared: Double

    /// - Precondition: y and the weights have n entries (the caller validates them).
    init(_ x: SparseMatrix, _ yIn: [Double], weights: [Double]?, fitIntercept: Bool) {
        let n = x.rows, p = x.columns
        rows = n; columns = p
        columnStarts = x.columnStarts
        rowIndices = x.rowIndices
        let starts = x.columnStarts, index = x.rowIndices, raw = x.values
        // Row weights v (nil: 1/n each), the shift direction e and ‖e‖².
        var v: [Double]? = nil
        if let weights {
            let total = weights.reduce(0, +)
            v = weights.map { $0 / total }
        }
        let e = v?.map { $0.squareRoot() }
        var eNorm = Double(n)
        if let e { eNorm = 0; for value in e { eNorm += value * value } }
        let supportCount = v.map { $0.reduce(0) { $0 + ($1 > 0 ? 1 : 0) } } ?? n
        var mean = [Double](repeating: 0, count: p)
        var ym = 0.0
        if fitIntercept {
            if let v { for i in 0..<n { ym += v[i] * yIn[i] } } else { ym = yIn.reduce(0, +) / Double(n) }
            for j in 0..<p {
                var sum = 0.0, stored = 0, first: Double? = nil, constant = true
                for k in starts[j]..<starts[j + 1] {
                    let i = Int(index[k])
                    if let v {
                        guard v[i] > 0 else { continue }
                        sum += v[i] * raw[k]
                    } else {
                        sum += raw[k]
                    }
                    stored += 1
                    if let f = first { if raw[k] != f { constant = false } } else { first = raw[k] }
                }
                if stored == 0 {
                    mean[j] = 0
                } else if stored == supportCount && constant, let f = first {
                    mean[j] = f
                } else {
                    mean[j] = v == nil ? sum / Double(n) : sum
                }
            }
        }
        if let e {
            var scaled = raw
            for j in 0..<p { for k in starts[j]..<starts[j + 1] { scaled[k] *= e[Int(index[k])] } }
            values = scaled
            c = 1
            y = (0..<n).map { e[$0] * (yIn[$0] - ym) }
        } else {
            values = raw
            c = 1 / Double(n)
            y = yIn.map { $0 - ym }
        }
        rowScale = e
        shift = mean
        hasShift = mean.contains { $0 != 0 }
        xMean = mean
        yMean = ym
        shiftNormSquared = eNorm
        var yy = 0.0
        for value in y { yy += value * value }
        self.yy = c * yy
        // dⱼ = c[Σ over stored (x̃ᵢⱼ)² + mⱼ²·Σ over the other rows eᵢ²], all terms non-negative.
        var d = [Double](repeating: 0, count: p)
        let vals = values
        for j in 0..<p {
            let mj = mean[j]
            var squares = 0.0, storedE = 0.0, storedSupport = 0
            for k in starts[j]..<starts[j + 1] {
                let i = Int(index[k])
                let ei = e?[i] ?? 1
                let value = vals[k] - mj * ei
                squares += value * value
                storedE += ei * ei
                if ei > 0 { storedSupport += 1 }
            }
            let others: Double
            if storedSupport == supportCount {
                others = 0
            } else if e == nil {
                others = Double(n - (starts[j + 1] - starts[j]))
            } else {
                others = max(0, eNorm - storedE)
            }
            d[j] = c * (squares + mj * mj * others)
        }
        curvature = d
        modestShift = (0..<p).map { j in mean[j] == 0 || mean[j] * mean[j] <= 100 * d[j] }
        // c X̃ᵀỹ, by the same products as every later correlation.
        var rho = [Double](repeating: 0, count: p)
        let target = y
        let partial = SparseDesign(shape: (n, p), starts, index, vals, e, c, mean, modestShift, eNorm)
        target.withUnsafeBufferPointer { t in
            let sum = partial.shiftSum(t.baseAddress!)
            rho.withUnsafeMutableBufferPointer { out in
                partial.correlations(t.baseAddress!, rowSum: sum, into: out.baseAddress!)
            }
        }
        correlations0 = rho
    }

    /// The column operations alone (for the correlations at 0 while the design is being made).
    private init(
        shape: (Int, Int), _ starts: [Int], _ index: [Int32], _ values: [Double], _ e: [Double]?, _ c: Double,
        _ shift: [Double], _ modest: [Bool], _ eNorm: Double
    ) {
        (rows, columns) = shape
        columnStarts = starts; rowIndices = index; self.values = values; rowScale = e; self.c = c
        self.shift = shift; hasShift = shift.contains { $0 != 0 }; modestShift = modest; shiftNormSquared = eNorm
        y = []; yy = 0; curvature = []; xMean = []; yMean = 0; correlations0 = []
    }

    /// The update scheme for ``UpdateScheme/automatic``: covariance updates cost p per changed
    /// coefficient and a Gram column one pass over the nonzeros, naive updates 2·nnzⱼ per visit;
    /// so covariance when n ≥ 2p, p ≤ 4096 (the cache holds at most p² numbers) and the columns
    /// hold on average at least p/4 nonzeros, naive otherwise.
    static func scheme(_ requested: UpdateScheme, for x: SparseMatrix) -> UpdateScheme {
        guard requested == .automatic else { return requested }
        let n = x.rows, p = x.columns
        return n >= 2 * p && p <= 4096 && 4 * x.nonzeroCount >= p * p ? .covariance : .naive
    }

    /// eᵢ.
    @inline(__always)
    func scale(_ i: Int) -> Double { rowScale?[i] ?? 1 }

    /// x̃ⱼᵀr summed over all n rows on the shifted values (no cancellation against mⱼ·eᵀr): for
    /// the columns whose shift is not modest.
    func centeredDot(_ j: Int, _ r: UnsafePointer<Double>) -> Double {
        let mj = shift[j]
        var sum = 0.0
        var k = columnStarts[j]
        let end = columnStarts[j + 1]
        for i in 0..<rows {
            var value = -mj * scale(i)
            if k < end && Int(rowIndices[k]) == i { value += values[k]; k += 1 }
            sum += value * r[i]
        }
        return sum
    }
}

// MARK: - The column operations of coordinate descent

extension SparseDesign: CoordinateDescentDesign {
    @inline(__always)
    func shiftedDot(_ j: Int, _ r: UnsafePointer<Double>, rowSum: Double) -> Double {
        guard modestShift[j] else { return centeredDot(j, r) }
        var sum = 0.0
        rowIndices.withUnsafeBufferPointer { index in
            values.withUnsafeBufferPointer { x in
                for k in columnStarts[j]..<columnStarts[j + 1] { sum += x[k] * r[Int(index[k])] }
            }
        }
        return sum - shift[j] * rowSum
    }

    @inline(__always)
    func addColumn(_ j: Int, times a: Double, into v: UnsafeMutablePointer<Double>) -> Double {
        if modestShift[j] {
            rowIndices.withUnsafeBufferPointer { index in
                values.withUnsafeBufferPointer { x in
                    for k in columnStarts[j]..<columnStarts[j + 1] { v[Int(index[k])] += a * x[k] }
                }
            }
            return -a * shift[j]
        }
        let mj = shift[j]
        var k = columnStarts[j]
        let end = columnStarts[j + 1]
        for i in 0..<rows {
            var value = -mj * scale(i)
            if k < end && Int(rowIndices[k]) == i { value += values[k]; k += 1 }
            v[i] += a * value
        }
        return 0
    }

    func correlations(_ v: UnsafePointer<Double>, rowSum: Double, into out: UnsafeMutablePointer<Double>) {
        for j in 0..<columns { out[j] = c * shiftedDot(j, v, rowSum: rowSum) }
    }

    func appendCenteredColumn(_ j: Int, to buffer: inout [Double]) {
        let start = buffer.count
        for i in 0..<rows { buffer.append(-shift[j] * scale(i)) }
        for k in columnStarts[j]..<columnStarts[j + 1] { buffer[start + Int(rowIndices[k])] += values[k] }
    }

    /// c X̃ᵀx̃ₖ for each k of `features` (p × k, column-major): x̃ₖ is scattered into an n-vector,
    /// then every column's product with it is taken over the nonzeros (one pass over X per feature).
    func gramColumns(_ features: [Int]) throws(RegressionError) -> [Double] {
        let p = columns
        var g = [Double](repeating: 0, count: p * features.count)
        g.withUnsafeMutableBufferPointer { out in
            forEachCenteredColumn(features) { slot, t, sum in
                correlations(t, rowSum: sum, into: out.baseAddress! + slot * p)
            }
        }
        return g
    }

    /// Calls `body(position, x̃ₖ, eᵀx̃ₖ)` for each k of `features`, x̃ₖ scattered into one reused
    /// n-vector.
    func forEachCenteredColumn(_ features: [Int], _ body: (Int, UnsafePointer<Double>, Double) -> Void) {
        var t: [Double] = []
        t.reserveCapacity(rows)
        for (position, k) in features.enumerated() {
            t.removeAll(keepingCapacity: true)
            appendCenteredColumn(k, to: &t)
            t.withUnsafeBufferPointer { tp in body(position, tp.baseAddress!, shiftSum(tp.baseAddress!)) }
        }
    }

    /// All Gram columns (only the covariance scheme asks, for p small enough to hold p² numbers).
    func fullGram() throws(RegressionError) -> [Double] { try gramColumns(Array(0..<columns)) }

    /// Nil: the approximate Gram matrix would cost a dense pass; the exact sparse one is cheaper.
    func singlePrecisionGram() -> [Double]? { nil }

    /// Nil: a single-precision copy of X would be dense.
    func singlePrecisionCopy() -> SinglePrecisionMatrix? { nil }

    func shiftSum(_ v: UnsafePointer<Double>) -> Double {
        var sum = 0.0
        if let e = rowScale { for i in 0..<rows { sum += e[i] * v[i] } } else { for i in 0..<rows { sum += v[i] } }
        return sum
    }

    func addShift(_ amount: Double, to v: UnsafeMutablePointer<Double>) {
        if let e = rowScale { for i in 0..<rows { v[i] += amount * e[i] } } else { for i in 0..<rows { v[i] += amount } }
    }

    /// X̃_freshᵀX̃_all from the sparse columns: each fresh feature's centered column is scattered
    /// once, then dotted with the kept features' sparse columns; `columns` is left empty, so the
    /// Newton cache holds |A|² products and no n × |A| block.
    func newtonProducts(_ fresh: [Int], against all: [Int], columns _: inout [Double]) -> [Double] {
        let m = fresh.count
        var product = [Double](repeating: 0, count: m * all.count)
        forEachCenteredColumn(fresh) { a, t, sum in
            for (b, l) in all.enumerated() { product[a + b * m] = shiftedDot(l, t, rowSum: sum) }
        }
        return product
    }
}
