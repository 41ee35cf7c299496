/// A weighted, centered copy of selected rows and columns of a matrix:
///
///     C[i, j] = √v_{rᵢ} · (A[rᵢ, cⱼ] − m_j),   m_j = Σᵢ v_{rᵢ}A[rᵢ, cⱼ] / Σᵢ v_{rᵢ}
///
/// for the chosen rows rᵢ and columns cⱼ (without centering m = 0; without weights v = 1).
/// Each column is processed while it is in cache: a two-pass mean (the second pass removes the
/// rounding error of the first, so centering never loses digits to cancellation), then the
/// shift and the √v scaling.
package struct CenteredCopy: Sendable {
    /// The copy, rows.count × columns.count.
    package let matrix: Matrix
    /// The weighted means m_j (zeros without centering).
    package let means: [Double]

    /// - Parameters:
    ///   - a: the source matrix.
    ///   - rows: the rows to keep, in order (`nil`: all).
    ///   - columns: the columns to keep, in order (`nil`: all).
    ///   - weights: one non-negative weight per row of `a` (`nil`: all 1); their sum over `rows`
    ///     must be positive when centering.
    ///   - center: subtract the weighted means.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` on an index out of range or a
    ///   weight count that differs from `a.rows`; ``LinearAlgebraError/nonFinite(row:column:)``
    ///   (column 0) for a negative or non-finite weight.
    package init(
        of a: Matrix, rows: [Int]? = nil, columns: [Int]? = nil, weights: [Double]? = nil, center: Bool
    ) throws(LinearAlgebraError) {
        let nIn = a.rows
        let rowList = rows ?? Array(0..<nIn)
        let cols = columns ?? Array(0..<a.columns)
        if let bad = rowList.first(where: { $0 < 0 || $0 >= nIn }) { throw .dimensionMismatch("row \(bad) is outside 0..<\(nIn)") }
        if let bad = cols.first(where: { $0 < 0 || $0 >= a.columns }) { throw .dimensionMismatch("column \(bad) is outside 0..<\(a.columns)") }
        if let weights {
            guard weights.count == nIn else { throw .dimensionMismatch("A has \(nIn) rows but there are \(weights.count) weights") }
            if let i = weights.firstIndex(where: { !($0.isFinite && $0 >= 0) }) { throw .nonFinite(row: i, column: 0) }
        }
        let n = rowList.count, p = cols.count
        let all = rows == nil || rowList == Array(0..<nIn)
        let v = weights.map { w in rowList.map { w[$0] } }
        let sqrtV = v.map { $0.map { $0.squareRoot() } }
        let total = v.map { $0.reduce(0, +) } ?? Double(n)
        var means = [Double](repeating: 0, count: p)
        let storage = [Double](unsafeUninitializedCapacity: n * p) { buffer, count in
            a.storage.withUnsafeBufferPointer { src in
                for (jj, j) in cols.enumerated() {
                    let col = src.baseAddress! + j * nIn
                    let dst = buffer.baseAddress! + jj * n
                    if all { dst.update(from: col, count: n) } else { for i in 0..<n { dst[i] = col[rowList[i]] } }
                    var mean = 0.0
                    if center && total > 0 {
                        let c = UnsafePointer(dst)
                        if let v {
                            v.withUnsafeBufferPointer { vp in
                                mean = Kernels.dot(vp.baseAddress!, c, n) / total
                                Kernels.subtract(c, mean, dst, n)
                                let r = Kernels.dot(vp.baseAddress!, c, n) / total
                                Kernels.subtract(c, r, dst, n)
                                mean += r
                            }
                        } else {
                            mean = Kernels.sum(c, n) / total
                            Kernels.subtract(c, mean, dst, n)
                            let r = Kernels.sum(c, n) / total
                            Kernels.subtract(c, r, dst, n)
                            mean += r
                        }
                    }
                    if let sqrtV { for i in 0..<n { dst[i] *= sqrtV[i] } }
                    means[jj] = mean
                }
            }
            count = n * p
        }
        self.matrix = try Matrix(rows: n, columns: p, columnMajor: storage)
        self.means = means
    }
}
