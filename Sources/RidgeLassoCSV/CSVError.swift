import LinearAlgebra

/// Why a CSV file could not be read as a numeric table, with the file, line, row and column.
///
/// Numbering in messages is 1-based, as in editors and spreadsheets: `line` is the physical line
/// of the file (the header is line 1), `row` counts data rows (the first row after the header is
/// row 1), `column` counts fields from the left (the first field is column 1).
public enum CSVError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be opened or read (missing, a directory, no permission…).
    case unreadable(file: String, reason: String)
    /// The file has no bytes, or only blank lines.
    case emptyFile(file: String)
    /// The file has a header line but no data row.
    case noDataRows(file: String)
    /// The header line is not valid CSV (an unterminated quote, text after a closing quote).
    case malformedHeader(file: String, line: Int, reason: String)
    /// A header field is empty: every column needs a name.
    case emptyColumnName(file: String, column: Int)
    /// Two header fields have the same name (after trimming surrounding spaces).
    case duplicateColumnName(file: String, name: String, first: Int, second: Int)
    /// A blank line between data rows (a missing row would shift every row after it).
    case blankLine(file: String, line: Int)
    /// A data row whose number of fields differs from the header's.
    case raggedRow(file: String, line: Int, row: Int, fields: Int, expected: Int)
    /// A cell that is not a decimal number (empty, text, a malformed quote…).
    case notANumber(file: String, line: Int, row: Int, column: Int, name: String, text: String)
    /// A cell that parses as NaN or ±∞ (`nan`, `inf`, `1e999`…).
    case nonFinite(file: String, line: Int, row: Int, column: Int, name: String, text: String)
    /// A missing value (an empty cell, `NA`, `NaN`, `null`; see ``CSVReadOptions/missingValueTokens``)
    /// where ``CSVReadOptions/MissingValues/error`` asks for an error.
    case missingValue(file: String, line: Int, row: Int, column: Int, name: String, text: String)
    /// Every data row had a missing value and ``CSVReadOptions/MissingValues/omitRow`` left none.
    case allRowsOmitted(file: String, rows: Int)
    /// A cell of a categorical column whose level is not among the levels given (those a model
    /// was fitted with).
    case unknownLevel(file: String, line: Int, row: Int, column: Int, name: String, level: String, known: [String])
    /// A line (or the header record) longer than ``CSVReader/maximumLineBytes``.
    case lineTooLong(file: String, line: Int, limit: Int)
    /// A header with more columns than ``CSVReader/maximumColumns``.
    case tooManyColumns(file: String, columns: Int, limit: Int)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): cannot read file: \(reason)"
        case .emptyFile(let file):
            return "\(file): the file is empty (expected a header line and numeric rows)"
        case .noDataRows(let file):
            return "\(file): the file has a header but no data rows"
        case .malformedHeader(let file, let line, let reason):
            return "\(file): line \(line): malformed header: \(reason)"
        case .emptyColumnName(let file, let column):
            return "\(file): line 1, column \(column): empty column name in the header (every column needs a name)"
        case .duplicateColumnName(let file, let name, let first, let second):
            return "\(file): line 1: duplicate column name \(CSVError.quoted(name)) (columns \(first) and \(second))"
        case .blankLine(let file, let line):
            return "\(file): line \(line): blank line between data rows"
        case .raggedRow(let file, let line, let row, let fields, let expected):
            return "\(file): line \(line) (row \(row)): \(fields) field\(fields == 1 ? "" : "s"), but the header has \(expected)"
        case .notANumber(let file, let line, let row, let column, let name, let text):
            let what = text.isEmpty ? "empty cell" : "\(CSVError.quoted(text)) is not a number"
            return "\(file): line \(line) (row \(row)), column \(column) \(CSVError.quoted(name)): \(what)"
        case .nonFinite(let file, let line, let row, let column, let name, let text):
            return "\(file): line \(line) (row \(row)), column \(column) \(CSVError.quoted(name)): "
                + "\(CSVError.quoted(text)) is not finite (NaN and Inf are not allowed)"
        case .missingValue(let file, let line, let row, let column, let name, let text):
            let what = text.isEmpty ? "empty cell" : CSVError.quoted(text)
            return "\(file): line \(line) (row \(row)), column \(column) \(CSVError.quoted(name)): missing value (\(what))"
        case .allRowsOmitted(let file, let rows):
            return "\(file): every one of the \(rows) data row\(rows == 1 ? "" : "s") has a missing value, so none is left"
        case .unknownLevel(let file, let line, let row, let column, let name, let level, let known):
            let shown = known.prefix(10).map(CSVError.quoted).joined(separator: ", ")
                + (known.count > 10 ? ", … (\(known.count) levels)" : "")
            return "\(file): line \(line) (row \(row)), column \(column) \(CSVError.quoted(name)): level \(CSVError.quoted(level)) "
                + "is not one of the model's levels (\(shown))"
        case .lineTooLong(let file, let line, let limit):
            return "\(file): line \(line): longer than the limit of \(limit) bytes per line"
        case .tooManyColumns(let file, let columns, let limit):
            return "\(file): line 1: the header has \(columns) columns, more than the limit of \(limit)"
        }
    }

    /// `text` in double quotes, shortened to 40 characters, control characters escaped, so that
    /// a message always stays on one line. Public so that every one-line error message that
    /// quotes user text (file cells, column names, option values) quotes it the same way.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        var count = 0
        for scalar in text.unicodeScalars {
            if count == 40 { out += "…"; break }
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
            count += 1
        }
        return out + "\""
    }
}

extension CSVError: RidgeLassoError {}
