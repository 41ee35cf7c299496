import LinearAlgebra

/// Checks shared by every model, run when `fit` starts and before any BLAS/LAPACK call.
enum Validation {
    /// X non-empty and finite, y of matching length and finite.
    static func design(_ x: Matrix, _ y: [Double]) throws(RegressionError) {
        try design(x)
        try shape(x, y)
    }

    /// X non-empty, y of matching length and finite; X's entries are not checked (a caller that
    /// reads all of X anyway checks them in that pass, see ``PreparedDesign``).
    static func shape(_ x: Matrix, _ y: [Double]) throws(RegressionError) {
        try nonEmpty(x)
        guard y.count == x.rows else {
            throw .dimensionMismatch("X has \(x.rows) rows but y has \(y.count) values")
        }
        if let i = y.firstIndex(where: { !$0.isFinite }) {
            throw .nonFinite(input: "y", row: i, column: 0)
        }
    }

    /// X non-empty and finite, Y with the same number of rows and finite.
    static func design(_ x: Matrix, targets y: Matrix) throws(RegressionError) {
        try design(x)
        guard y.rows == x.rows else {
            throw .dimensionMismatch("X has \(x.rows) rows but Y has \(y.rows)")
        }
        guard y.columns > 0 else { throw .emptyData("Y has no columns (no targets)") }
        if let (i, j) = y.firstNonFinite() { throw .nonFinite(input: "Y", row: i, column: j) }
    }

    /// X with at least one row and one column, every entry finite.
    static func design(_ x: Matrix) throws(RegressionError) {
        try nonEmpty(x)
        if let (i, j) = x.firstNonFinite() { throw .nonFinite(input: "X", row: i, column: j) }
    }

    /// X with at least one row and one column.
    private static func nonEmpty(_ x: Matrix) throws(RegressionError) {
        guard x.rows > 0 else { throw .emptyData("X has no rows") }
        guard x.columns > 0 else { throw .emptyData("X has no columns") }
    }

    /// Sample weights: one per row, finite, ≥ 0, not all zero.
    static func weights(_ w: [Double]?, rows: Int) throws(RegressionError) {
        guard let w else { return }
        guard w.count == rows else {
            throw .dimensionMismatch("X has \(rows) rows but there are \(w.count) sample weights")
        }
        if let i = w.firstIndex(where: { !$0.isFinite }) {
            throw .nonFinite(input: "weights", row: i, column: 0)
        }
        if let i = w.firstIndex(where: { $0 < 0 }) {
            throw .invalidWeights("weight \(w[i]) at row \(i) is negative")
        }
        guard w.contains(where: { $0 > 0 }) else { throw .invalidWeights("all weights are zero") }
        // Every model divides by Σw (weighted means, weights rescaled to sum to 1): an infinite sum
        // would turn the fit into NaN.
        guard w.reduce(0, +).isFinite else {
            throw .invalidWeights("their sum exceeds the largest Double (\(Double.greatestFiniteMagnitude)); rescale them")
        }
    }

    /// The centered (weighted) sums of squares of every column of X and of y, as the solvers use
    /// them, are finite: otherwise every later quantity would be ±∞ or NaN.
    /// - Parameters: columnSquares: per column; targetSquares: of y (both in any fixed scaling).
    static func secondMoments(columnSquares: [Double], targetSquares: Double) throws(RegressionError) {
        if let j = columnSquares.firstIndex(where: { !$0.isFinite }) {
            throw .overflow("the centered sum of squares of column \(j) of X exceeds the largest Double; rescale X")
        }
        guard targetSquares.isFinite else {
            throw .overflow("the centered sum of squares of y exceeds the largest Double; rescale y")
        }
    }

    /// A regularization strength: finite and ≥ 0.
    static func alpha(_ alpha: Double, name: String = "alpha") throws(RegressionError) {
        guard alpha.isFinite, alpha >= 0 else {
            throw .invalidParameter(name: name, value: alpha, requirement: "must be finite and ≥ 0")
        }
    }

    /// An l1 ratio r in [0, 1].
    static func l1Ratio(_ r: Double) throws(RegressionError) {
        guard r.isFinite, r >= 0, r <= 1 else {
            throw .invalidParameter(name: "l1Ratio", value: r, requirement: "must lie in [0, 1]")
        }
    }

    /// A stopping tolerance: finite and > 0.
    static func tolerance(_ tol: Double) throws(RegressionError) {
        guard tol.isFinite, tol > 0 else {
            throw .invalidParameter(name: "tolerance", value: tol, requirement: "must be finite and > 0")
        }
    }

    /// An iteration budget ≥ 1.
    static func maximumIterations(_ n: Int) throws(RegressionError) {
        guard n >= 1 else {
            throw .invalidParameter(name: "maximumIterations", value: Double(n), requirement: "must be ≥ 1")
        }
    }
}
