import CLAPACK

/// A square triangular matrix T with LAPACK's triangular solve (`dtrtrs`) and its reciprocal
/// condition estimate (`dtrcon`), for callers that hold a triangular factor (R of a QR, L of a
/// Cholesky) and need T⁻¹B or T⁻ᵀB.
public struct TriangularSystem: Sendable {
    /// The matrix; only the triangle named by ``isUpper`` is read.
    public let matrix: Matrix
    /// Whether T is upper (`true`) or lower (`false`) triangular.
    public let isUpper: Bool

    /// Wraps `matrix` (square) as a triangular system.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` unless `matrix` is square,
    ///   ``LinearAlgebraError/nonFinite(row:column:)`` on NaN/Inf.
    public init(_ matrix: Matrix, upper: Bool) throws(LinearAlgebraError) {
        guard matrix.rows == matrix.columns else {
            throw .dimensionMismatch("a triangular system needs a square matrix, got \(matrix.rows)×\(matrix.columns)")
        }
        try matrix.checkFinite()
        _ = try lapackInt(matrix.rows, "order")
        self.matrix = matrix
        self.isUpper = upper
    }

    /// The order n.
    public var order: Int { matrix.rows }

    /// 1/κ₁(T) estimated by `dtrcon` (1-norm); 1 for an empty matrix, 0 when T has a zero on
    /// its diagonal.
    public func reciprocalCondition() throws(LinearAlgebraError) -> Double {
        var n = try lapackInt(order, "order")
        guard n > 0 else { return 1 }
        var lda = max(1, n), info: Int32 = 0, rcond = 0.0
        var work = [Double](repeating: 0, count: 3 * Int(n))
        var iwork = [Int32](repeating: 0, count: Int(n))
        dtrcon_("1", isUpper ? "U" : "L", "N", &n, matrix.storage, &lda, &rcond, &work, &iwork, &info, 1, 1, 1)
        try check(info, "dtrcon") { _ in .invalidArgument(routine: "dtrcon", position: 0) }
        return rcond
    }

    /// T⁻¹B, or T⁻ᵀB when `transposed`, by `dtrtrs`.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` when `b.rows != order`,
    ///   ``LinearAlgebraError/nonFinite(row:column:)`` on NaN/Inf in `b`,
    ///   ``LinearAlgebraError/singular(index:)`` when T has an exact zero on its diagonal.
    /// - Complexity: n² flops per column of `b`.
    public func solve(_ b: Matrix, transposed: Bool = false) throws(LinearAlgebraError) -> Matrix {
        guard b.rows == order else {
            throw .dimensionMismatch("triangular system of order \(order) cannot solve for \(b.rows)×\(b.columns)")
        }
        try b.checkFinite()
        var n = try lapackInt(order, "order"), nrhs = try lapackInt(b.columns, "right-hand sides")
        var x = b
        guard order > 0, b.columns > 0 else { return x }
        var lda = max(1, n), ldb = max(1, n), info: Int32 = 0
        dtrtrs_(isUpper ? "U" : "L", transposed ? "T" : "N", "N", &n, &nrhs, matrix.storage, &lda,
                &x.storage, &ldb, &info, 1, 1, 1)
        try check(info, "dtrtrs") { .singular(index: $0) }
        return x
    }
}
