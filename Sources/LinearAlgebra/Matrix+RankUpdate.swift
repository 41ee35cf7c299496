import CLAPACK

extension Matrix {
    /// self ← self + A·Aᵀ on the LOWER triangle (`dsyrk` with β = 1), for accumulating an outer
    /// Gram matrix block of columns by block of columns; call ``symmetrizeFromLower()`` after
    /// the last block.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` unless self is square of order
    ///   `a.rows`; ``LinearAlgebraError/nonFinite(row:column:)`` on NaN/Inf in `a`.
    /// - Complexity: rows²·columns flops of `a`.
    public mutating func addOuterGram(of a: Matrix) throws(LinearAlgebraError) {
        guard rows == columns, rows == a.rows else {
            throw .dimensionMismatch("cannot add the outer Gram matrix of \(a.rows)×\(a.columns) to \(rows)×\(columns)")
        }
        try a.checkFinite()
        let n = try lapackInt(a.rows, "rows"), k = try lapackInt(a.columns, "columns")
        guard a.rows > 0, a.columns > 0 else { return }
        a.storage.withUnsafeBufferPointer { ap in
            storage.withUnsafeMutableBufferPointer { cp in
                cblas_dsyrk(CblasColMajor, CblasLower, CblasNoTrans, n, k, 1.0,
                            ap.baseAddress, max(1, n), 1.0, cp.baseAddress, max(1, n))
            }
        }
    }
}
