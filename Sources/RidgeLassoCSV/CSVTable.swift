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
    /// The row names, one per row, when the header's first cell was empty (R's `write.csv`,
    /// pandas' `to_csv` index); `nil` otherwise. They are never a column of ``values``.
    public let rowNames: [String]?
    /// For each column, its levels when it was read as text (``CSVColumnType/categorical`` and
    /// the like): the column of ``values`` then holds each row's level index 0, 1, … into them.
    /// `nil` for a numeric column.
    public let levels: [[String]?]
    /// The data rows left out because they had a missing value
    /// (``CSVReadOptions/MissingValues/omitRow``), as 1-based data row numbers.
    public let omittedRows: [Int]

    /// A table over `values`, with one name per column (made by ``CSVReader`` only).
    init(columnNames: [String], values: Matrix, source: String, rowNames: [String]? = nil,
         levels: [[String]?]? = nil, omittedRows: [Int] = []) {
        precondition(columnNames.count == values.columns, "CSVTable: one name per column")
        self.columnNames = columnNames
        self.values = values
        self.source = source
        self.rowNames = rowNames
        self.levels = levels ?? Array(repeating: nil, count: columnNames.count)
        self.omittedRows = omittedRows
    }

    /// Number of data rows.
    public var rowCount: Int { values.rows }

    /// The index of the column named `name`, or `nil`.
    public func columnIndex(named name: String) -> Int? {
        columnNames.firstIndex(of: name)
    }
}
