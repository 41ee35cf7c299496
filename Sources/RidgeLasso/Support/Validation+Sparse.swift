import LinearAlgebra

extension Validation {
    /// Sparse X with at least one row and one column, y of matching length and finite (X's
    /// values are finite by construction of ``SparseMatrix``).
    static func shape(_ x: SparseMatrix, _ y: [Double]) throws(RegressionError) {
        guard x.rows > 0 else { throw .emptyData("X has no rows") }
        guard x.columns > 0 else { throw .emptyData("X has no columns") }
        guard y.count == x.rows else {
            throw .dimensionMismatch("X has \(x.rows) rows but y has \(y.count) values")
        }
        if let i = y.firstIndex(where: { !$0.isFinite }) { throw .nonFinite(input: "y", row: i, column: 0) }
    }
}
