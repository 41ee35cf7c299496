import LinearAlgebra

/// Why a model could not be fitted or used: bad data or parameters, named precisely, or a
/// numerical failure reported by the linear-algebra layer.
///
/// Rows and columns in messages are 0-based, as in the arrays the caller passed.
public enum RegressionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Shapes that do not fit together (X rows vs y length, weights, coefficients…).
    case dimensionMismatch(String)
    /// No rows or no columns where at least one is needed.
    case emptyData(String)
    /// A NaN or ±∞ in the named input (`"X"`, `"y"`, `"weights"`…), at (row, column).
    case nonFinite(input: String, row: Int, column: Int)
    /// A parameter outside its domain, e.g. α < 0 or an l1 ratio outside [0, 1].
    case invalidParameter(name: String, value: Double, requirement: String)
    /// Sample weights that are negative, or all zero.
    case invalidWeights(String)
    /// Feature names that cannot label a model's coefficients: an empty or a repeated name.
    case invalidNames(String)
    /// A column with zero variance where standardization needs to divide by it.
    case constantColumn(Int)
    /// A system that has no unique solution with the chosen solver.
    case singular(String)
    /// Finite inputs whose intermediate quantities exceed the range of `Double` (e.g. a column
    /// whose sum of squares is above 1.8e308): the fit would only produce NaN or ±∞.
    case overflow(String)
    /// A LAPACK failure that validation could not rule out (no convergence, not positive definite).
    case linearAlgebra(LinearAlgebraError)
    /// A system whose reciprocal condition estimate leaves fewer correct digits than required,
    /// where no better-conditioned method exists (fits from statistics: the rows are gone, so
    /// QR and SVD cannot run).
    case insufficientAccuracy(reciprocalCondition: Double, digits: Double, required: Double)
    /// An iterative solve inside a procedure that needs its exact answer stopped short of its
    /// tolerance (conjugate gradients in a sparse ridge fold): the result would rest on it silently.
    case notConverged(String)

    public var description: String {
        switch self {
        case .dimensionMismatch(let m): return "dimension mismatch: \(m)"
        case .emptyData(let m): return "empty data: \(m)"
        case .nonFinite(let input, let row, let column):
            return "non-finite value (NaN or Inf) in \(input) at row \(row), column \(column)"
        case .invalidParameter(let name, let value, let requirement):
            return "invalid \(name) = \(value): \(requirement)"
        case .invalidWeights(let m): return "invalid sample weights: \(m)"
        case .invalidNames(let m): return "invalid feature names: \(m)"
        case .constantColumn(let j): return "column \(j) is constant and cannot be standardized"
        case .singular(let m): return "singular system: \(m)"
        case .overflow(let m): return "numerical overflow: \(m)"
        case .linearAlgebra(let e): return e.description
        case .insufficientAccuracy(let rcond, let digits, let required):
            let shown = (digits * 10).rounded() / 10
            return "insufficient accuracy: the system's reciprocal condition estimate \(rcond) leaves about \(shown) correct digits, fewer than the \(required) required; use a larger alpha, or fit from the rows (qr or svd)"
        case .notConverged(let m): return "did not converge: \(m)"
        }
    }
}

extension RegressionError {
    /// Wraps a linear-algebra error, mapping NaN/Inf and shape errors onto the user-level cases.
    init(_ error: LinearAlgebraError, input: String = "X") {
        switch error {
        case .nonFinite(let row, let column): self = .nonFinite(input: input, row: row, column: column)
        case .dimensionMismatch(let m): self = .dimensionMismatch(m)
        default: self = .linearAlgebra(error)
        }
    }
}

/// Runs a linear-algebra call, rethrowing its error as a ``RegressionError``.
func la<T>(_ body: () throws(LinearAlgebraError) -> T) throws(RegressionError) -> T {
    do { return try body() } catch { throw RegressionError(error) }
}

extension RegressionError: RidgeLassoError {}
