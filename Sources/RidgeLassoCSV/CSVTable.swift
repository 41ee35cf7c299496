import LinearAlgebra

/// A numeric table read from a CSV file: the header's column names and an `n × p` matrix of the
/// values below it, column j of the matrix holding the column named `columnNames[j]`.
public struct CSVTable: Sendable, Equatable {
    /// The column names from the header row, in file order (unique, non-empty).
    public let columnNames: [String]
    /// The values, one matrix row per data row and one matrix column per header field.
    public let values: Matrix
    /// Where the table came from (the path as given), for messages.
    public let source: String

    /// A table over `values`, with one name per column (made by ``CSVReader`` only).
    init(columnNames: [String], values: Matrix, source: String) {
        precondition(columnNames.count == values.columns, "CSVTable: one name per column")
        self.columnNames = columnNames
        self.values = values
        self.source = source
    }

    /// Number of data rows.
    public var rowCount: Int { values.rows }

    /// The index of the column named `name`, or `nil`.
    public func columnIndex(named name: String) -> Int? {
        columnNames.firstIndex(of: name)
    }
}
