import Foundation

/// The one protocol every error thrown by the public API of `LinearAlgebra`, `RidgeLasso` and
/// `RidgeLassoCSV` conforms to, so that one `catch let error as any RidgeLassoError` handles them
/// all and `localizedDescription` reads as a sentence, not "RegressionError error 3".
///
/// ``errorDescription`` is the conforming type's `description`: one line naming the row, column,
/// parameter or file at fault. It is the text `ridgelasso` prints after `ridgelasso: error: `
/// (prefixed with the CSV file's name for errors of a fit on it), so the library is the single
/// source of those messages. Functions still throw their concrete type (typed throws); this
/// protocol only gives the types a common face.
public protocol RidgeLassoError: LocalizedError, CustomStringConvertible, Sendable {}

extension RidgeLassoError {
    /// The one-line message, equal to `description`.
    public var errorDescription: String? { description }
}

extension LinearAlgebraError: RidgeLassoError {}
