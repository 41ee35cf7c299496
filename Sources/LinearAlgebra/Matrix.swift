/// A dense matrix of `Double`, stored column-major: element (i, j) is `storage[i + j * rows]`.
///
/// `Matrix` is a value type (copy-on-write through its array) and is handed to BLAS and LAPACK
/// as it is, without transposes. Shapes are checked when a matrix is built from user data;
/// numerical routines live in extensions (`Matrix+BLAS.swift`) and in the factorization types.
public struct Matrix: Sendable, Equatable, Hashable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// The entries, column after column.
    public var storage: [Double]

    /// A `rows × columns` matrix with every entry equal to `value`.
    public init(rows: Int, columns: Int, repeating value: Double = 0) {
        precondition(rows >= 0 && columns >= 0, "Matrix dimensions must be non-negative")
        self.rows = rows
        self.columns = columns
        self.storage = [Double](repeating: value, count: rows * columns)
    }

    /// A matrix over column-major `storage`.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` when `storage.count != rows * columns`.
    public init(rows: Int, columns: Int, columnMajor storage: [Double]) throws(LinearAlgebraError) {
        guard rows >= 0, columns >= 0, storage.count == rows * columns else {
            throw .dimensionMismatch("\(storage.count) values cannot fill a \(rows)×\(columns) matrix")
        }
        self.rows = rows
        self.columns = columns
        self.storage = storage
    }

    /// A matrix from its rows, as written on paper: `Matrix(rows: [[1, 2], [3, 4]])`.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` when the rows differ in length.
    public init(rows data: [[Double]]) throws(LinearAlgebraError) {
        let n = data.count
        let p = data.first?.count ?? 0
        var storage = [Double](repeating: 0, count: n * p)
        for (i, row) in data.enumerated() {
            guard row.count == p else {
                throw .dimensionMismatch("row \(i) has \(row.count) values, row 0 has \(p)")
            }
            for j in 0..<p { storage[i + j * n] = row[j] }
        }
        self.rows = n
        self.columns = p
        self.storage = storage
    }

    /// A matrix from its columns.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` when the columns differ in length.
    public init(columns data: [[Double]], rows: Int? = nil) throws(LinearAlgebraError) {
        let n = rows ?? data.first?.count ?? 0
        var storage: [Double] = []
        storage.reserveCapacity(n * data.count)
        for (j, column) in data.enumerated() {
            guard column.count == n else {
                throw .dimensionMismatch("column \(j) has \(column.count) values, expected \(n)")
            }
            storage.append(contentsOf: column)
        }
        self.rows = n
        self.columns = data.count
        self.storage = storage
    }

    /// The `n × n` identity.
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, columns: n)
        for i in 0..<n { m.storage[i + i * n] = 1 }
        return m
    }

    /// The entry at row `i`, column `j` (0-based).
    @inlinable
    public subscript(i: Int, j: Int) -> Double {
        get { storage[i + j * rows] }
        set { storage[i + j * rows] = newValue }
    }

    /// `rows × columns` as a tuple.
    public var shape: (rows: Int, columns: Int) { (rows, columns) }

    /// Whether the matrix has no entries.
    public var isEmpty: Bool { rows == 0 || columns == 0 }

    /// Column `j` as an array.
    public func column(_ j: Int) -> [Double] {
        Array(storage[(j * rows)..<((j + 1) * rows)])
    }

    /// Row `i` as an array.
    public func row(_ i: Int) -> [Double] {
        (0..<columns).map { storage[i + $0 * rows] }
    }

    /// Replaces column `j`.
    public mutating func setColumn(_ j: Int, to values: [Double]) {
        precondition(values.count == rows, "setColumn: \(values.count) values for \(rows) rows")
        storage.replaceSubrange((j * rows)..<((j + 1) * rows), with: values)
    }

    /// The transpose.
    public var transposed: Matrix {
        var t = Matrix(rows: columns, columns: rows)
        for j in 0..<columns {
            for i in 0..<rows { t.storage[j + i * columns] = storage[i + j * rows] }
        }
        return t
    }

    /// The submatrix of the given rows (in that order), all columns.
    public func selectingRows(_ indices: [Int]) -> Matrix {
        var m = Matrix(rows: indices.count, columns: columns)
        for j in 0..<columns {
            let src = j * rows, dst = j * indices.count
            for (k, i) in indices.enumerated() { m.storage[dst + k] = storage[src + i] }
        }
        return m
    }

    /// The submatrix of the given columns (in that order), all rows.
    public func selectingColumns(_ indices: [Int]) -> Matrix {
        var m = Matrix(rows: rows, columns: indices.count)
        for (k, j) in indices.enumerated() {
            m.storage.replaceSubrange((k * rows)..<((k + 1) * rows), with: storage[(j * rows)..<((j + 1) * rows)])
        }
        return m
    }

    /// The first NaN or ±∞ entry in column-major order, as (row, column), or `nil`.
    public func firstNonFinite() -> (row: Int, column: Int)? {
        let found = storage.withUnsafeBufferPointer { s -> Int? in
            guard let base = s.baseAddress else { return nil }
            return Kernels.firstNonFiniteInParallel(base, s.count)
        }
        guard let k = found else { return nil }
        return (k % rows, k / rows)
    }

    /// Throws ``LinearAlgebraError/nonFinite(row:column:)`` at the first NaN or ±∞ entry.
    public func checkFinite() throws(LinearAlgebraError) {
        if let (i, j) = firstNonFinite() { throw .nonFinite(row: i, column: j) }
    }

    public static func == (lhs: Matrix, rhs: Matrix) -> Bool {
        lhs.rows == rhs.rows && lhs.columns == rhs.columns && lhs.storage == rhs.storage
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(rows)
        hasher.combine(columns)
        hasher.combine(storage)
    }
}

extension Matrix: CustomStringConvertible {
    public var description: String {
        var lines: [String] = []
        for i in 0..<min(rows, 8) {
            lines.append((0..<min(columns, 8)).map { "\(self[i, $0])" }.joined(separator: " "))
        }
        return "Matrix \(rows)×\(columns)\n" + lines.joined(separator: "\n")
    }
}
