import LinearAlgebra

/// Why an svmlight / libsvm file could not be read, with the file, line (1-based, counting every
/// physical line) and the offending pair as written.
public enum SVMLightError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be opened or read (missing, a directory, no permission…).
    case unreadable(file: String, reason: String)
    /// No data line: the file is empty or holds only blank and comment lines.
    case noData(file: String)
    /// A label that is not a finite number.
    case badLabel(file: String, line: Int, text: String, reason: String)
    /// A feature pair that is malformed, has index 0, a negative index or one beyond the width,
    /// a value that is not a finite number, or an index already seen on the line.
    case badPair(file: String, line: Int, pair: String, reason: String)
    /// A width (`--n-features`) below 1 or above ``SVMLightReader/maximumFeatures``.
    case badWidth(file: String, features: Int, limit: Int)
    /// A line longer than ``CSVReader/maximumLineBytes``.
    case lineTooLong(file: String, line: Int, limit: Int)
    /// More rows than 32-bit row indices can number.
    case tooManyRows(file: String, limit: Int)
    /// The file changed between the two passes of the reader.
    case changedDuringRead(file: String, detail: String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): cannot read file: \(reason)"
        case .noData(let file):
            return "\(file): no data line (expected lines of the form `label index:value …`)"
        case .badLabel(let file, let line, let text, let reason):
            return "\(file): line \(line): label \(CSVError.quoted(text)) is \(reason)"
        case .badPair(let file, let line, let pair, let reason):
            return "\(file): line \(line), pair \(CSVError.quoted(pair)): \(reason)"
        case .badWidth(let file, let features, let limit):
            return "\(file): --n-features \(features) must lie in [1, \(limit)]"
        case .lineTooLong(let file, let line, let limit):
            return "\(file): line \(line): longer than the limit of \(limit) bytes per line"
        case .tooManyRows(let file, let limit):
            return "\(file): more than \(limit) data lines"
        case .changedDuringRead(let file, let detail):
            return "\(file): the file changed while it was read (\(detail))"
        }
    }

    /// The input errors of the shared byte reader, restated for `file`.
    init(_ error: CSVError, file: String) {
        switch error {
        case .unreadable(let file, let reason): self = .unreadable(file: file, reason: reason)
        case .lineTooLong(let file, let line, let limit): self = .lineTooLong(file: file, line: line, limit: limit)
        default: self = .unreadable(file: file, reason: error.description)
        }
    }
}

extension SVMLightError: RidgeLassoError {}
