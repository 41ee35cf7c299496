import CLAPACK

/// The outer Gram matrix of the column-centered design, XcXcᵀ (n × n) with Xc = X − 1x̄ᵀ, from
/// ONE `dsyrk` on X itself: no centered n × p copy is made. Centering is applied to the product
/// instead, as the projection P = I − 11ᵀ/n:
///
///     K = XXᵀ,   r = K1/n,   s = 1ᵀK1/n²,   (XcXcᵀ)ᵢⱼ = Kᵢⱼ − rᵢ − rⱼ + s.
///
/// This is exact algebra, but it cancels: each entry of K carries rounding of order ε·√(KᵢᵢKⱼⱼ),
/// where the product of a centered copy carries ε·√(KcᵢᵢKcⱼⱼ). The direct form is therefore used
/// only when it loses at most a factor `maximumLoss` of accuracy against a centered copy:
/// - before the product (so that a product is rarely wasted on data with large offsets), on
///   about 256 evenly spaced columns: ‖X‖²_F ≤ (maximumLoss/2)·‖Xc‖²_F there;
/// - after it, row by row: Kᵢᵢ ≤ maximumLoss · (XcXcᵀ)ᵢᵢ for every i.
/// Otherwise the initializer returns `nil`, and the caller should center a copy instead.
/// Without centering, K itself is returned (no condition).
package struct CenteredOuterGram: Sendable {
    /// XcXcᵀ, both triangles filled.
    package let gram: Matrix
    /// The column means x̄ (zeros without centering).
    package let means: [Double]

    /// The default largest accuracy loss accepted: a factor 4, two bits.
    package static let defaultMaximumLoss = 4.0

    /// Computes XcXcᵀ, or returns `nil` when centering after the product would lose more than
    /// `maximumLoss` (see the type's documentation).
    /// - Parameters:
    ///   - x: the design, n × p, every entry finite (a non-finite entry makes the result `nil`).
    ///   - center: subtract the column means (otherwise XXᵀ).
    ///   - maximumLoss: ≥ 1.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` when X is too large for LAPACK's
    ///   integers or `maximumLoss` < 1.
    /// - Complexity: n²·p flops (one `dsyrk`), one `dgemv` for the means, O(n²) more.
    package init?(x: Matrix, center: Bool, maximumLoss: Double = defaultMaximumLoss) throws(LinearAlgebraError) {
        guard maximumLoss >= 1 else {
            throw .dimensionMismatch("CenteredOuterGram needs maximumLoss ≥ 1, got \(maximumLoss)")
        }
        let n = x.rows, p = x.columns
        let ni = try lapackInt(n, "rows"), pi = try lapackInt(p, "columns")
        var means = [Double](repeating: 0, count: p)
        if center, n > 0, p > 0 {
            // Before the product, on a sample of about 256 evenly spaced columns:
            // ‖X‖²_F ≤ (maximumLoss/2)·‖Xc‖²_F, with ‖Xc‖²_F = Σⱼ (Σᵢ xᵢⱼ² − n·x̄ⱼ²).
            var total = 0.0, centered = 0.0
            let step = max(1, p / 256)
            x.storage.withUnsafeBufferPointer { s in
                for j in stride(from: 0, to: p, by: step) {
                    let column = s.baseAddress! + j * n
                    let mean = Kernels.sum(column, n) / Double(n)
                    let squares = Kernels.dot(column, column, n)
                    total += squares
                    centered += squares - Double(n) * mean * mean
                }
            }
            guard total.isFinite, total <= 0.5 * maximumLoss * centered else { return nil }
            // The means, x̄ = Xᵀ1/n, by one dgemv.
            means = try x.transposeTimes([Double](repeating: 1 / Double(n), count: n))
        }
        var k = Matrix(rows: n, columns: n)
        if n > 0, p > 0 {
            x.storage.withUnsafeBufferPointer { a in
                k.storage.withUnsafeMutableBufferPointer { c in
                    cblas_dsyrk(CblasColMajor, CblasLower, CblasNoTrans, ni, pi, 1.0,
                                a.baseAddress, max(1, ni), 0.0, c.baseAddress, max(1, ni))
                }
            }
        }
        if center, n > 0 {
            let ok = k.storage.withUnsafeMutableBufferPointer { c -> Bool in
                // r = K1/n from the lower triangle: column j contributes Kᵢⱼ to rᵢ (i > j) and
                // to rⱼ (its own sum).
                var r = [Double](repeating: 0, count: n)
                for j in 0..<n {
                    let column = c.baseAddress! + j * n
                    var own = column[j]
                    for i in (j + 1)..<max(j + 1, n) {
                        r[i] += column[i]
                        own += column[i]
                    }
                    r[j] += own
                }
                var s = 0.0
                for i in 0..<n {
                    r[i] /= Double(n)
                    s += r[i]
                }
                s /= Double(n)
                for j in 0..<n {
                    let column = c.baseAddress! + j * n
                    let raw = column[j]
                    for i in j..<n { column[i] = column[i] - r[i] - r[j] + s }
                    guard raw.isFinite, raw <= maximumLoss * column[j] else { return false }
                }
                return true
            }
            guard ok else { return nil }
        } else {
            for i in 0..<n where !k[i, i].isFinite { return nil }
        }
        k.symmetrizeFromLower()
        self.gram = k
        self.means = means
    }
}
