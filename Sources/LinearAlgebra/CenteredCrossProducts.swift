import CLAPACK

/// The weighted, centered cross-product matrices of a design X (n × p) and targets Y (n × k),
/// computed in ONE pass over X:
///
///     x̄ = Σᵢ vᵢxᵢ / Σᵢ vᵢ,   ȳ = Σᵢ vᵢyᵢ / Σᵢ vᵢ
///     gram  = Σᵢ vᵢ (xᵢ − x̄)(xᵢ − x̄)ᵀ  = XcᵀXc   (p × p)
///     cross = Σᵢ vᵢ (xᵢ − x̄)(yᵢ − ȳ)ᵀ  = XcᵀYc   (p × k)
///
/// where xᵢ is row i restricted to the selected columns, vᵢ ≥ 0 the sample weights (1 when none)
/// and Xc = diag(√v)(X − 1x̄ᵀ). Without centering the means are 0 and gram = Σ vᵢxᵢxᵢᵀ.
///
/// Why one pass: forming Xc explicitly costs two extra sweeps over X (means, then a centered
/// copy), which for a tall X is a large share of the time of the Gram product itself. Here
/// the rows are taken in cache-sized blocks; each block is centered at its OWN weighted mean
/// (two-pass within the block, so no cancellation), multiplied by `dsyrk`/`dgemm` into the
/// running sums, and the blocks are merged by the pairwise update of Chan, Golub and LeVeque
/// ("Algorithms for computing the sample variance", Am. Stat. 37, 1983):
///
///     M_{A∪B} = M_A + M_B + (W_A W_B / (W_A + W_B)) (x̄_A − x̄_B)(x̄_A − x̄_B)ᵀ
///
/// which involves only differences of means, never raw second moments. Every value is first
/// shifted by the first block's mean (x − s is exact or nearly so for x near s), so that the
/// block means and their differences are of the size of the spread, not of the offset: without
/// the shift, a column with mean 1e6 and spread 1 would lose ε·1e6 in each merge.
///
/// Faster, when it is safe (``Method/rawProducts``): without weights, and with at least 90% of
/// X's columns selected, one `dsyrk` on X itself (no block copies, one BLAS call at full speed)
/// and one `dgemm` Xᵀ[1, Yc] give XᵀX, the column sums s and XᵀYc; then
///
///     XcᵀXc = XᵀX − n x̄x̄ᵀ,   XcᵀYc = XᵀYc − x̄(1ᵀYc)      (x̄ = s/n, Yc = Y − 1ȳᵀ)
///
/// This cancels: the entries of XᵀX carry rounding of order ε·√(GⱼⱼGₗₗ) instead of
/// ε·√(GcⱼⱼGcₗₗ). It is used only when the loss is at most a factor 4 (two bits) on every
/// selected column, Gⱼⱼ ≤ 4·Gcⱼⱼ: checked on the first rows before the product (so that the
/// product is rarely wasted) and exactly after it; otherwise the blocked pass above runs.
package struct CenteredCrossProducts: Sendable {
    /// How the products were formed.
    package enum Method: Sendable, Equatable {
        /// One `dsyrk` and one `dgemm` on X itself, centered afterwards (or nothing to center).
        case rawProducts
        /// Blocks of rows, each centered at its own mean and merged (Chan, Golub and LeVeque).
        case blocks
    }

    /// The largest accuracy loss ``Method/rawProducts`` may cost when centering: Gⱼⱼ ≤ 4·Gcⱼⱼ.
    package static let rawProductsMaximumLoss = 4.0
    /// XcᵀXc over the selected columns, both triangles filled.
    package let gram: Matrix
    /// XcᵀYc (selected columns × targets).
    package let cross: Matrix
    /// Weighted means of the selected columns (zeros without centering).
    package let xMean: [Double]
    /// Weighted means of the targets (zeros without centering).
    package let yMean: [Double]
    /// Σᵢ vᵢ (n without weights).
    package let totalWeight: Double
    /// How the products were formed.
    package let method: Method

    /// Computes the cross products.
    /// - Parameters:
    ///   - x: the design, n × p.
    ///   - y: the targets, n × k (k may be 0).
    ///   - weights: n non-negative finite weights with a positive sum, or `nil` for all ones.
    ///   - columns: the columns of `x` to use, in that order (`nil`: all).
    ///   - center: subtract the weighted means first.
    ///   - blockRows: rows per block (default: about 4 MiB of X, at least 64 rows); any value
    ///     ≥ 1 gives the same result up to rounding.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` on inconsistent shapes or a
    ///   column index out of range, ``LinearAlgebraError/nonFinite(row:column:)`` when a weight
    ///   is negative or not finite (row = the weight's index, column 0).
    /// - Complexity: n·p'² + 2n·p'·k flops, one read of the selected part of X.
    package init(
        x: Matrix, y: Matrix, weights: [Double]? = nil, columns: [Int]? = nil, center: Bool,
        blockRows requestedBlockRows: Int? = nil
    ) throws(LinearAlgebraError) {
        let n = x.rows
        guard y.rows == n else { throw .dimensionMismatch("X has \(n) rows but Y has \(y.rows)") }
        if let weights {
            guard weights.count == n else { throw .dimensionMismatch("X has \(n) rows but there are \(weights.count) weights") }
            if let i = weights.firstIndex(where: { !($0.isFinite && $0 >= 0) }) { throw .nonFinite(row: i, column: 0) }
        }
        let cols = columns ?? Array(0..<x.columns)
        if let bad = cols.first(where: { $0 < 0 || $0 >= x.columns }) {
            throw .dimensionMismatch("column \(bad) is outside 0..<\(x.columns)")
        }
        let p = cols.count, k = y.columns
        _ = try lapackInt(n, "rows"); let p32 = try lapackInt(p, "columns"); let k32 = try lapackInt(k, "targets")

        // Fast path: nothing to center, weight or select — one dsyrk and one dgemm on X itself.
        if !center, weights == nil, requestedBlockRows == nil, columns == nil || cols == Array(0..<x.columns) {
            gram = try x.gram()
            cross = k == 1
                ? try Matrix(rows: x.columns, columns: 1, columnMajor: x.transposeTimes(y.storage))
                : try x.multiplied(by: y, transposingSelf: true)
            xMean = [Double](repeating: 0, count: p)
            yMean = [Double](repeating: 0, count: k)
            totalWeight = Double(n)
            method = .rawProducts
            return
        }
        if center, weights == nil, requestedBlockRows == nil, n > 1, p > 0, 10 * p >= 9 * x.columns,
           let raw = try Self.centeredAfterProducts(x: x, y: y, columns: cols) {
            self = raw
            return
        }

        // Block of rows: about 4 MiB of X (L3-resident; long contiguous runs per column), at least 64 rows.
        let blockRows = max(1, min(n, requestedBlockRows ?? max(64, (1 << 19) / max(1, p))))
        let b32 = Int32(blockRows)
        var g = [Double](repeating: 0, count: p * p)
        var c = [Double](repeating: 0, count: p * k)
        var mx = [Double](repeating: 0, count: p), my = [Double](repeating: 0, count: k)
        var bx = [Double](repeating: 0, count: blockRows * p), by = [Double](repeating: 0, count: blockRows * k)
        var bmx = [Double](repeating: 0, count: p), bmy = [Double](repeating: 0, count: k)
        var dx = [Double](repeating: 0, count: p), dy = [Double](repeating: 0, count: k)
        var sqrtW = [Double](repeating: 1, count: blockRows)
        var shiftX = [Double](repeating: 0, count: p), shiftY = [Double](repeating: 0, count: k)
        var total = 0.0

        var start = 0
        while start < n {
            let end = min(n, start + blockRows), rows = end - start
            // The block's weights.
            var blockWeight = Double(rows)
            if let weights {
                blockWeight = 0
                for i in 0..<rows {
                    let v = weights[start + i]
                    blockWeight += v
                    sqrtW[i] = v.squareRoot()
                }
            }
            if blockWeight == 0 { start = end; continue }
            let blockWeights: [Double]? = weights.map { Array($0[start..<end]) }
            let first = total == 0
            // Copy, center at the block mean, scale by √v.
            x.storage.withUnsafeBufferPointer { xs in
                bx.withUnsafeMutableBufferPointer { bs in
                    for (jj, j) in cols.enumerated() {
                        let src = xs.baseAddress! + j * n + start
                        let dst = bs.baseAddress! + jj * blockRows
                        if first && center { shiftX[jj] = Self.mean(src, rows, blockWeights, blockWeight) }
                        bmx[jj] = Self.centerColumn(src, dst, rows, blockWeights, blockWeight, sqrtW, center, shiftX[jj])
                    }
                }
            }
            y.storage.withUnsafeBufferPointer { ys in
                by.withUnsafeMutableBufferPointer { bs in
                    for t in 0..<k {
                        let src = ys.baseAddress! + t * n + start
                        let dst = bs.baseAddress! + t * blockRows
                        if first && center { shiftY[t] = Self.mean(src, rows, blockWeights, blockWeight) }
                        bmy[t] = Self.centerColumn(src, dst, rows, blockWeights, blockWeight, sqrtW, center, shiftY[t])
                    }
                }
            }
            let r32 = Int32(rows)
            if p > 0 {
                cblas_dsyrk(CblasColMajor, CblasLower, CblasTrans, p32, r32, 1.0, bx, b32, 1.0, &g, p32)
                if k > 0 {
                    cblas_dgemm(CblasColMajor, CblasTrans, CblasNoTrans, p32, k32, r32, 1.0, bx, b32, by, b32, 1.0, &c, p32)
                }
            }
            if center {
                if total == 0 {
                    mx = bmx; my = bmy
                } else {
                    let merged = total + blockWeight
                    let f = total * blockWeight / merged, share = blockWeight / merged
                    for j in 0..<p { dx[j] = bmx[j] - mx[j] }
                    for t in 0..<k { dy[t] = bmy[t] - my[t] }
                    if p > 0 {
                        cblas_dsyr(CblasColMajor, CblasLower, p32, f, dx, 1, &g, p32)
                        if k > 0 { cblas_dger(CblasColMajor, p32, k32, f, dx, 1, dy, 1, &c, p32) }
                    }
                    for j in 0..<p { mx[j] += share * dx[j] }
                    for t in 0..<k { my[t] += share * dy[t] }
                }
            }
            total += blockWeight
            start = end
        }
        var gm = try Matrix(rows: p, columns: p, columnMajor: g)
        gm.symmetrizeFromLower()
        gram = gm
        cross = try Matrix(rows: p, columns: k, columnMajor: c)
        xMean = (0..<p).map { shiftX[$0] + mx[$0] }
        yMean = (0..<k).map { shiftY[$0] + my[$0] }
        totalWeight = total
        method = .blocks
    }

    private init(gram: Matrix, cross: Matrix, xMean: [Double], yMean: [Double], totalWeight: Double, method: Method) {
        self.gram = gram
        self.cross = cross
        self.xMean = xMean
        self.yMean = yMean
        self.totalWeight = totalWeight
        self.method = method
    }

    /// ``Method/rawProducts`` with centering (no weights), or nil when it would lose more than
    /// ``rawProductsMaximumLoss`` on some selected column.
    private static func centeredAfterProducts(x: Matrix, y: Matrix, columns cols: [Int]) throws(LinearAlgebraError) -> CenteredCrossProducts? {
        let n = x.rows, p = cols.count, k = y.columns
        let loss = rawProductsMaximumLoss
        // Before the product: the first rows must pass with room to spare (half the allowance).
        let sample = min(n, 4096)
        let promising = x.storage.withUnsafeBufferPointer { xs -> Bool in
            for j in cols {
                let column = xs.baseAddress! + j * n
                let mean = Kernels.sum(column, sample) / Double(sample)
                let squares = Kernels.dot(column, column, sample)
                let centered = squares - Double(sample) * mean * mean
                guard squares.isFinite, squares <= 0.5 * loss * centered else { return false }
            }
            return true
        }
        guard promising else { return nil }
        // Yc = Y − 1ȳᵀ (two-pass means), and [1, Yc] for one pass of dgemm over X.
        var ones = [Double](repeating: 1, count: n * (k + 1))
        var yMean = [Double](repeating: 0, count: k)
        y.storage.withUnsafeBufferPointer { ys in
            ones.withUnsafeMutableBufferPointer { os in
                for t in 0..<k {
                    let src = ys.baseAddress! + t * n, dst = os.baseAddress! + (t + 1) * n
                    var mean = Kernels.sum(src, n) / Double(n)
                    Kernels.subtract(src, mean, dst, n)
                    let r = Kernels.sum(UnsafePointer(dst), n) / Double(n)
                    Kernels.subtract(UnsafePointer(dst), r, dst, n)
                    mean += r
                    yMean[t] = mean
                }
            }
        }
        let full = try x.gram()
        let sums = try x.multiplied(by: Matrix(rows: n, columns: k + 1, columnMajor: ones), transposingSelf: true)
        let xMean = cols.map { sums[$0, 0] / Double(n) }
        var g = Matrix(rows: p, columns: p)
        var c = Matrix(rows: p, columns: k)
        for (b, l) in cols.enumerated() {
            for a in b..<p {
                let value = full[cols[a], l] - Double(n) * xMean[a] * xMean[b]
                g[a, b] = value
                g[b, a] = value
            }
        }
        // 1ᵀYc: zero up to rounding.
        let ycSums = ones.withUnsafeBufferPointer { os in (0..<k).map { Kernels.sum(os.baseAddress! + ($0 + 1) * n, n) } }
        for (a, j) in cols.enumerated() {
            guard full[j, j].isFinite, full[j, j] <= loss * g[a, a] else { return nil }
            for t in 0..<k { c[a, t] = sums[j, t + 1] - xMean[a] * ycSums[t] }
        }
        return CenteredCrossProducts(gram: g, cross: c, xMean: xMean, yMean: yMean, totalWeight: Double(n), method: .rawProducts)
    }

    /// The (weighted) mean of `rows` values: the shift. Its rounding error does not matter, as
    /// the block mean of the shifted values is computed again (and kept) by `centerColumn`.
    private static func mean(_ src: UnsafePointer<Double>, _ rows: Int, _ weights: [Double]?, _ total: Double) -> Double {
        guard let weights else { return Kernels.sum(src, rows) / total }
        return weights.withUnsafeBufferPointer { Kernels.dot($0.baseAddress!, src, rows) } / total
    }

    /// Copies `rows` values from `src` to `dst`, less `shift`, centered at their weighted mean
    /// (two-pass, so the mean carries no cancellation error) when `center`, then scaled by √v.
    /// Returns the mean of the shifted values.
    private static func centerColumn(
        _ src: UnsafePointer<Double>, _ dst: UnsafeMutablePointer<Double>, _ rows: Int,
        _ weights: [Double]?, _ total: Double, _ sqrtW: [Double], _ center: Bool, _ shift: Double
    ) -> Double {
        var mean = 0.0
        if center {
            Kernels.subtract(src, shift, dst, rows)
            if let weights {
                weights.withUnsafeBufferPointer { w in
                    mean = Kernels.dot(w.baseAddress!, UnsafePointer(dst), rows) / total
                    Kernels.subtract(UnsafePointer(dst), mean, dst, rows)
                    let r = Kernels.dot(w.baseAddress!, UnsafePointer(dst), rows) / total
                    mean += r
                    sqrtW.withUnsafeBufferPointer { sw in
                        for i in 0..<rows { dst[i] = (dst[i] - r) * sw[i] }
                    }
                }
            } else {
                mean = Kernels.sum(UnsafePointer(dst), rows) / total
                Kernels.subtract(UnsafePointer(dst), mean, dst, rows)
                let r = Kernels.sum(UnsafePointer(dst), rows) / total
                mean += r
                Kernels.subtract(UnsafePointer(dst), r, dst, rows)
            }
        } else if weights != nil {
            sqrtW.withUnsafeBufferPointer { sw in
                for i in 0..<rows { dst[i] = src[i] * sw[i] }
            }
        } else {
            dst.update(from: src, count: rows)
        }
        return mean
    }
}
