/// How ``CSVSource`` reads a CSV file as people write it: R's `write.csv` and `write.csv2`,
/// pandas' `to_csv`, spreadsheet exports.
///
/// The rules, beyond the strict numeric format of ``CSVReader``:
/// - **Delimiter**: the one given, or the most frequent of comma, semicolon and tab outside quotes
///   in the header line (a comma on a tie).
/// - **Decimal mark**: the one given; by default a period, and with a semicolon or tab delimiter
///   also a comma (`3,9` as R's `write.csv2` and European spreadsheets write it), since a comma
///   cannot separate fields there. A number has at most one decimal mark (no thousands separators).
/// - **Row names**: an empty first header cell (R's `write.csv`, an unnamed pandas index) makes the
///   first column row names, kept as text in ``CSVTable/rowNames`` and never a column of values.
/// - **Missing values**: an empty cell and the tokens of ``missingValueTokens`` are missing; each is
///   an error naming the cell or, with ``MissingValues/omitRow``, leaves its row out.
/// - **Booleans**: `TRUE`/`FALSE` (also `true`/`false`, `True`/`False`) read as 1 and 0.
/// - **Text**: a numeric column's text cell is an error naming it; columns read as
///   ``CSVColumnType/categorical`` keep their levels.
/// - Fields may be quoted as in RFC 4180 (`"a ""b"""`, a quoted field may span lines).
public struct CSVReadOptions: Sendable, Equatable {
    /// The field separator.
    public enum Delimiter: String, Sendable, CaseIterable {
        case comma = ","
        case semicolon = ";"
        case tab = "\t"

        /// The separator's byte.
        var byte: UInt8 { UInt8(ascii: rawValue.unicodeScalars.first ?? ",") }
    }

    /// The character between the integer and fractional digits of a number.
    public enum DecimalMark: String, Sendable, CaseIterable {
        case period = "."
        case comma = ","
    }

    /// What a missing value does.
    public enum MissingValues: String, Sendable, CaseIterable {
        /// A missing value in a column read is an error naming its cell.
        case error
        /// A row with a missing value in a column read is left out (``CSVTable/omittedRows``
        /// lists it), as R's `na.omit`.
        case omitRow = "omit"
    }

    /// The field separator; `nil` detects it from the header line.
    public var delimiter: Delimiter?
    /// The decimal mark; `nil` accepts a period and, unless the delimiter is a comma, a comma.
    public var decimalMark: DecimalMark?
    /// What a missing value does (default: an error).
    public var missingValues: MissingValues

    /// The texts read as a missing value, besides an empty cell: R's `NA` and `NaN`, JSON's
    /// and SQL exports' `null`/`NULL`, numpy's `nan`, `N/A`.
    public static let missingValueTokens: Set<String> = ["NA", "NaN", "nan", "NAN", "null", "NULL", "N/A"]

    /// Options with the delimiter detected, the default decimal marks and missing values as errors
    /// unless given.
    public init(delimiter: Delimiter? = nil, decimalMark: DecimalMark? = nil, missingValues: MissingValues = .error) {
        self.delimiter = delimiter
        self.decimalMark = decimalMark
        self.missingValues = missingValues
    }
}

/// How one column of a ``CSVSource`` is read.
public enum CSVColumnType: Sendable, Equatable {
    /// Numbers (TRUE/FALSE as 1/0); a text cell is ``CSVError/notANumber(file:line:row:column:name:text:)``.
    case numeric
    /// Numeric unless some cell is text that is neither a number, a boolean nor a missing value;
    /// then categorical (`--categorical auto`).
    case numericOrCategorical
    /// Every non-missing cell is a level (its text, unquoted and trimmed); levels are numbered in
    /// order of first appearance.
    case categorical
    /// Every non-missing cell must be one of these levels (those a model was fitted with), in this
    /// order; another is ``CSVError/unknownLevel(file:line:row:column:name:level:known:)``.
    case levels([String])
    /// Every cell is kept as text, missing-value tokens included (a column passed through).
    case text
}
