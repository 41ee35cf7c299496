/// An error from the linear-algebra layer: bad arguments caught before any BLAS/LAPACK call,
/// or a numerical outcome that LAPACK reported through a positive `info`.
///
/// Each LAPACK case names the routine's `info` it stands for. A negative `info` (an illegal
/// argument) never comes from user input, because every argument is validated in Swift before
/// the call; it is reported as ``invalidArgument(routine:position:)`` and is a bug in this layer.
public enum LinearAlgebraError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Operand shapes do not fit together; the message names both shapes.
    case dimensionMismatch(String)
    /// An entry is NaN or ±∞ (0-based row and column).
    case nonFinite(row: Int, column: Int)
    /// A dimension does not fit LAPACK's 32-bit integers (Debian's LP64 libraries).
    case tooLarge(String)
    /// `dpotrf` returned `info = k > 0`: the leading minor of order `k` is not positive definite.
    case notPositiveDefinite(minor: Int)
    /// `dtrtrs` returned `info = k > 0`: the triangular factor has an exact zero at diagonal
    /// position `k` (1-based), so the system is singular.
    case singular(index: Int)
    /// `dgesdd`/`dgesvd`/`dsyevd` returned `info > 0`: the iteration did not converge.
    case noConvergence(routine: String, info: Int)
    /// LAPACK returned `info = -position`: an illegal argument. Never caused by user input.
    case invalidArgument(routine: String, position: Int)
    /// A sparse matrix's indices are inconsistent (out of range, repeated, not increasing);
    /// the message names the row, column or triplet.
    case invalidSparseStructure(String)

    public var description: String {
        switch self {
        case .dimensionMismatch(let message):
            return "dimension mismatch: \(message)"
        case .nonFinite(let row, let column):
            return "non-finite value (NaN or Inf) at row \(row), column \(column)"
        case .tooLarge(let message):
            return "too large for 32-bit LAPACK integers: \(message)"
        case .notPositiveDefinite(let minor):
            return "matrix is not positive definite (leading minor of order \(minor))"
        case .singular(let index):
            return "matrix is singular (zero pivot at diagonal position \(index))"
        case .noConvergence(let routine, let info):
            return "\(routine) did not converge (info = \(info))"
        case .invalidArgument(let routine, let position):
            return "internal error: \(routine) rejected argument \(position)"
        case .invalidSparseStructure(let message):
            return "invalid sparse matrix: \(message)"
        }
    }
}

/// Converts a dimension to LAPACK's `INTEGER` (32-bit on Debian), or throws.
@inlinable
func lapackInt(_ value: Int, _ what: @autoclosure () -> String) throws(LinearAlgebraError) -> Int32 {
    guard value >= 0, value <= Int(Int32.max) else {
        throw .tooLarge("\(what()) = \(value)")
    }
    return Int32(value)
}

/// Reads a workspace size returned by a LAPACK query in `work[0]`.
@inlinable
func workspaceSize(_ query: Double, routine: String) throws(LinearAlgebraError) -> Int32 {
    let size = max(1, query.rounded(.up))
    guard size.isFinite, size <= Double(Int32.max) else {
        throw .tooLarge("\(routine) workspace of \(query) doubles")
    }
    return Int32(size)
}

/// Turns a LAPACK `info` into the documented error, using `positive` for `info > 0`.
@inlinable
func check(
    _ info: Int32, _ routine: String,
    positive: (Int) -> LinearAlgebraError
) throws(LinearAlgebraError) {
    if info < 0 { throw .invalidArgument(routine: routine, position: Int(-info)) }
    if info > 0 { throw positive(Int(info)) }
}
