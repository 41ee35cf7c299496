import CLAPACK

extension QRFactorization {
    /// The number of rows m of the factored matrix A (m × n).
    public var rowCount: Int { packed.rows }

    /// The number of columns n of the factored matrix A (m × n).
    public var columnCount: Int { packed.columns }

    /// Q·B, or Qᵀ·B when `transposed`, where Q is the full m × m orthogonal factor of A = QR,
    /// applied from its Householder vectors by `dormqr` (Q is never formed).
    ///
    /// Used to rotate right-hand sides into R's coordinates (Qᵀb) and to map a solution of a
    /// reduced problem back (Q[z; 0]).
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` when `b.rows` differs from A's rows,
    ///   ``LinearAlgebraError/nonFinite(row:column:)`` on NaN/Inf in `b`.
    /// - Complexity: 4mn flops per column of `b` (2n(2m − n), exactly).
    public func applyingQ(to b: Matrix, transposed: Bool) throws(LinearAlgebraError) -> Matrix {
        guard b.rows == packed.rows else {
            throw .dimensionMismatch("Q of a \(packed.rows)×\(packed.columns) QR cannot multiply \(b.rows)×\(b.columns)")
        }
        try b.checkFinite()
        var m = try lapackInt(packed.rows, "rows"), nrhs = try lapackInt(b.columns, "right-hand sides")
        var k = try lapackInt(packed.columns, "reflectors")
        var lda = max(1, m), ldc = max(1, m)
        var c = b
        guard packed.rows > 0, packed.columns > 0, b.columns > 0 else { return c }
        let trans = transposed ? "T" : "N"
        var info: Int32 = 0, query = 0.0, lwork: Int32 = -1
        dormqr_("L", trans, &m, &nrhs, &k, packed.storage, &lda, tau, &c.storage, &ldc, &query, &lwork, &info, 1, 1)
        try check(info, "dormqr") { _ in .invalidArgument(routine: "dormqr", position: 0) }
        lwork = try workspaceSize(query, routine: "dormqr")
        var work = [Double](repeating: 0, count: Int(lwork))
        dormqr_("L", trans, &m, &nrhs, &k, packed.storage, &lda, tau, &c.storage, &ldc, &work, &lwork, &info, 1, 1)
        try check(info, "dormqr") { _ in .invalidArgument(routine: "dormqr", position: 0) }
        return c
    }
}
