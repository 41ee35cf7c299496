/// A real matrix in compressed sparse column (CSC) form: only the nonzeros are stored.
///
/// Column `j` holds the entries `values[k]` at rows `rowIndices[k]` for
/// `k` in `columnStarts[j] ..< columnStarts[j + 1]`, with the row indices strictly increasing
/// inside a column. This is the layout of scipy's `csc_matrix` and R Matrix's `dgCMatrix`,
/// and the one coordinate descent wants: a sweep visits one column at a time and touches only
/// its nonzeros.
///
/// Every initializer validates its input before anything else can read it: indices in range,
/// row indices increasing within each column, every value finite. Exact zeros are not stored
/// (a stored zero would cost time in every product and change nothing).
///
/// Row indices are 32-bit (n ≤ 2³¹ − 1), as in scipy's default and glmnet: the index array is
/// half the memory traffic of a column, and it is read in every product.
public struct SparseMatrix: Sendable, Equatable, Hashable {
    /// Number of rows, n.
    public let rows: Int
    /// Number of columns, p.
    public let columns: Int
    /// `columns + 1` offsets into ``rowIndices`` and ``values``; the first is 0 and the last is
    /// ``nonzeroCount``.
    public let columnStarts: [Int]
    /// The row of each stored entry, increasing within a column.
    public let rowIndices: [Int32]
    /// The stored entries, column after column; finite and nonzero.
    public let values: [Double]

    /// The number of stored entries.
    public var nonzeroCount: Int { values.count }

    /// `(rows, columns)`.
    public var shape: (rows: Int, columns: Int) { (rows, columns) }

    /// The fraction of entries that are stored, nnz / (n·p) (0 for an empty shape).
    public var density: Double {
        rows == 0 || columns == 0 ? 0 : Double(nonzeroCount) / (Double(rows) * Double(columns))
    }

    /// A matrix from its compressed columns, validated.
    ///
    /// - Throws: ``LinearAlgebraError/invalidSparseStructure(_:)`` when the offsets are not
    ///   nondecreasing from 0 to the number of values, a row index is out of range or not
    ///   increasing within its column, or the arrays differ in length;
    ///   ``LinearAlgebraError/nonFinite(row:column:)`` for a NaN or infinite value.
    /// - Complexity: O(p + nnz).
    public init(
        rows: Int, columns: Int, columnStarts: [Int], rowIndices: [Int32], values: [Double]
    ) throws(LinearAlgebraError) {
        try Self.checkShape(rows: rows, columns: columns)
        guard columnStarts.count == columns + 1 else {
            throw .invalidSparseStructure("\(columnStarts.count) column offsets for \(columns) columns (need \(columns + 1))")
        }
        guard rowIndices.count == values.count else {
            throw .invalidSparseStructure("\(rowIndices.count) row indices for \(values.count) values")
        }
        guard columnStarts[0] == 0, columnStarts[columns] == values.count else {
            throw .invalidSparseStructure("column offsets must run from 0 to \(values.count)")
        }
        for j in 0..<columns where columnStarts[j] > columnStarts[j + 1] {
            throw .invalidSparseStructure("column offsets decrease at column \(j)")
        }
        for j in 0..<columns {
            var previous = -1
            for k in columnStarts[j]..<columnStarts[j + 1] {
                let i = Int(rowIndices[k])
                guard i >= 0, i < rows else {
                    throw .invalidSparseStructure("row index \(i) out of range 0..<\(rows) in column \(j)")
                }
                guard i > previous else {
                    throw .invalidSparseStructure("row indices not increasing in column \(j) (row \(i) after \(previous))")
                }
                guard values[k].isFinite else { throw .nonFinite(row: i, column: j) }
                previous = i
            }
        }
        // Drop stored zeros, so that every stored entry carries information.
        if values.contains(0) {
            var starts = [Int](repeating: 0, count: columns + 1)
            var keptRows: [Int32] = []
            var keptValues: [Double] = []
            keptRows.reserveCapacity(values.count)
            keptValues.reserveCapacity(values.count)
            for j in 0..<columns {
                for k in columnStarts[j]..<columnStarts[j + 1] where values[k] != 0 {
                    keptRows.append(rowIndices[k])
                    keptValues.append(values[k])
                }
                starts[j + 1] = keptValues.count
            }
            self.init(unchecked: rows, columns, starts, keptRows, keptValues)
        } else {
            self.init(unchecked: rows, columns, columnStarts, rowIndices, values)
        }
    }

    /// A matrix from (row, column, value) triplets in any order. Duplicate positions are
    /// **summed**, as scipy's `coo_matrix → csc` and R's `sparseMatrix` do; positions whose
    /// values sum to exactly 0 are not stored.
    ///
    /// - Throws: ``LinearAlgebraError/invalidSparseStructure(_:)`` naming the first triplet whose
    ///   row or column is out of range; ``LinearAlgebraError/nonFinite(row:column:)`` for a NaN or
    ///   infinite value (checked before summing, so ∞ − ∞ cannot hide one) or a sum that overflows.
    /// - Complexity: O(p + t log(t/p)) for t triplets: a counting sort by column, then a sort of
    ///   each column's rows.
    public init(
        rows: Int, columns: Int, triplets: [(row: Int, column: Int, value: Double)]
    ) throws(LinearAlgebraError) {
        try Self.checkShape(rows: rows, columns: columns)
        var counts = [Int](repeating: 0, count: columns + 1)
        for (t, entry) in triplets.enumerated() {
            guard entry.row >= 0, entry.row < rows, entry.column >= 0, entry.column < columns else {
                throw .invalidSparseStructure(
                    "triplet \(t) at (\(entry.row), \(entry.column)) is outside a \(rows)×\(columns) matrix")
            }
            guard entry.value.isFinite else { throw .nonFinite(row: entry.row, column: entry.column) }
            counts[entry.column + 1] += 1
        }
        for j in 0..<columns { counts[j + 1] += counts[j] }
        var next = counts
        var byColumn = [(row: Int32, value: Double)](repeating: (0, 0), count: triplets.count)
        for entry in triplets {
            byColumn[next[entry.column]] = (Int32(entry.row), entry.value)
            next[entry.column] += 1
        }
        var starts = [Int](repeating: 0, count: columns + 1)
        var rowIndices: [Int32] = []
        var values: [Double] = []
        rowIndices.reserveCapacity(triplets.count)
        values.reserveCapacity(triplets.count)
        for j in 0..<columns {
            byColumn[counts[j]..<counts[j + 1]].sort { $0.row < $1.row }
            var k = counts[j]
            while k < counts[j + 1] {
                let row = byColumn[k].row
                var sum = 0.0
                while k < counts[j + 1], byColumn[k].row == row {
                    sum += byColumn[k].value
                    k += 1
                }
                // Finite addends can still overflow: 1e308 + 1e308.
                guard sum.isFinite else { throw .nonFinite(row: Int(row), column: j) }
                if sum != 0 {
                    rowIndices.append(row)
                    values.append(sum)
                }
            }
            starts[j + 1] = values.count
        }
        self.init(unchecked: rows, columns, starts, rowIndices, values)
    }

    /// A matrix from its rows, each a list of (column, value) pairs in any order. A column named
    /// twice in one row is **refused** (a repeated feature in a data row is a mistake in the
    /// data, not something to add up); exact zeros are skipped.
    ///
    /// - Throws: ``LinearAlgebraError/invalidSparseStructure(_:)`` naming the row and column of
    ///   the first column out of range or repeated; ``LinearAlgebraError/nonFinite(row:column:)``.
    /// - Complexity: O(p + nnz), two passes over the rows.
    public init(columns: Int, rows data: [[(column: Int, value: Double)]]) throws(LinearAlgebraError) {
        try Self.checkShape(rows: data.count, columns: columns)
        var counts = [Int](repeating: 0, count: columns + 1)
        var lastRow = [Int](repeating: -1, count: columns)
        for (i, row) in data.enumerated() {
            for entry in row {
                guard entry.column >= 0, entry.column < columns else {
                    throw .invalidSparseStructure("row \(i): column \(entry.column) is outside 0..<\(columns)")
                }
                guard lastRow[entry.column] != i else {
                    throw .invalidSparseStructure("row \(i): column \(entry.column) appears twice")
                }
                lastRow[entry.column] = i
                guard entry.value.isFinite else { throw .nonFinite(row: i, column: entry.column) }
                if entry.value != 0 { counts[entry.column + 1] += 1 }
            }
        }
        for j in 0..<columns { counts[j + 1] += counts[j] }
        var next = counts
        var rowIndices = [Int32](repeating: 0, count: counts[columns])
        var values = [Double](repeating: 0, count: counts[columns])
        // Rows are visited in order, so each column's row indices come out increasing.
        for (i, row) in data.enumerated() {
            for entry in row where entry.value != 0 {
                rowIndices[next[entry.column]] = Int32(i)
                values[next[entry.column]] = entry.value
                next[entry.column] += 1
            }
        }
        self.init(unchecked: data.count, columns, counts, rowIndices, values)
    }

    /// The nonzeros of a dense matrix.
    /// - Throws: ``LinearAlgebraError/nonFinite(row:column:)``; ``LinearAlgebraError/tooLarge(_:)``
    ///   when the matrix has more than 2³¹ − 1 rows.
    /// - Complexity: O(n·p).
    public init(_ dense: Matrix) throws(LinearAlgebraError) {
        try Self.checkShape(rows: dense.rows, columns: dense.columns)
        var starts = [Int](repeating: 0, count: dense.columns + 1)
        var rowIndices: [Int32] = []
        var values: [Double] = []
        for j in 0..<dense.columns {
            for i in 0..<dense.rows {
                let v = dense.storage[i + j * dense.rows]
                guard v.isFinite else { throw .nonFinite(row: i, column: j) }
                if v != 0 {
                    rowIndices.append(Int32(i))
                    values.append(v)
                }
            }
            starts[j + 1] = values.count
        }
        self.init(unchecked: dense.rows, dense.columns, starts, rowIndices, values)
    }

    /// An all-zero `rows × columns` matrix.
    public init(zeros rows: Int, _ columns: Int) throws(LinearAlgebraError) {
        try Self.checkShape(rows: rows, columns: columns)
        self.init(unchecked: rows, columns, [Int](repeating: 0, count: columns + 1), [], [])
    }

    /// Stores already-validated arrays.
    @usableFromInline
    init(unchecked rows: Int, _ columns: Int, _ columnStarts: [Int], _ rowIndices: [Int32], _ values: [Double]) {
        self.rows = rows
        self.columns = columns
        self.columnStarts = columnStarts
        self.rowIndices = rowIndices
        self.values = values
    }

    private static func checkShape(rows: Int, columns: Int) throws(LinearAlgebraError) {
        guard rows >= 0, columns >= 0 else {
            throw .invalidSparseStructure("negative shape \(rows)×\(columns)")
        }
        guard rows <= Int(Int32.max) else {
            throw .tooLarge("sparse matrix rows = \(rows) (32-bit row indices)")
        }
        // columns + 1 offsets must be representable and allocatable.
        guard columns < Int(Int32.max) else {
            throw .tooLarge("sparse matrix columns = \(columns)")
        }
    }
}

// MARK: - Reading entries

extension SparseMatrix {
    /// Entry (i, j), found by binary search in column j.
    /// - Complexity: O(log nnzⱼ).
    public subscript(i: Int, j: Int) -> Double {
        precondition(i >= 0 && i < rows && j >= 0 && j < columns, "SparseMatrix index out of range")
        var lo = columnStarts[j], hi = columnStarts[j + 1]
        let target = Int32(i)
        while lo < hi {
            let mid = (lo + hi) / 2
            if rowIndices[mid] < target { lo = mid + 1 } else { hi = mid }
        }
        return lo < columnStarts[j + 1] && rowIndices[lo] == target ? values[lo] : 0
    }

    /// The stored entries of column j: `(rows, values)`.
    public func column(_ j: Int) -> (rows: ArraySlice<Int32>, values: ArraySlice<Double>) {
        let range = columnStarts[j]..<columnStarts[j + 1]
        return (rowIndices[range], values[range])
    }

    /// The number of stored entries in column j.
    @inlinable
    public func nonzeroCount(column j: Int) -> Int { columnStarts[j + 1] - columnStarts[j] }

    /// The dense copy (n·p doubles: only for small matrices and tests).
    public func dense() -> Matrix {
        var result = Matrix(rows: rows, columns: columns)
        for j in 0..<columns {
            for k in columnStarts[j]..<columnStarts[j + 1] {
                result.storage[Int(rowIndices[k]) + j * rows] = values[k]
            }
        }
        return result
    }

    /// The rows `indices` in that order (repeats allowed), as a new matrix: folds and resamples.
    /// - Complexity: O(n + nnz + m) for m selected rows.
    public func selectingRows(_ indices: [Int]) -> SparseMatrix {
        // Each original row may appear several times; list its new positions.
        var firstCopy = [Int](repeating: -1, count: rows)
        var nextCopy = [Int](repeating: -1, count: indices.count)
        for (position, i) in indices.enumerated().reversed() {
            precondition(i >= 0 && i < rows, "row index out of range")
            nextCopy[position] = firstCopy[i]
            firstCopy[i] = position
        }
        var starts = [Int](repeating: 0, count: columns + 1)
        var pairs: [(row: Int32, value: Double)] = []
        var newRows: [Int32] = []
        var newValues: [Double] = []
        for j in 0..<columns {
            pairs.removeAll(keepingCapacity: true)
            for k in columnStarts[j]..<columnStarts[j + 1] {
                var position = firstCopy[Int(rowIndices[k])]
                while position >= 0 {
                    pairs.append((Int32(position), values[k]))
                    position = nextCopy[position]
                }
            }
            pairs.sort { $0.row < $1.row }
            for pair in pairs {
                newRows.append(pair.row)
                newValues.append(pair.value)
            }
            starts[j + 1] = newValues.count
        }
        return SparseMatrix(unchecked: indices.count, columns, starts, newRows, newValues)
    }

    /// The columns `indices` in that order (repeats allowed).
    /// - Complexity: O(m + the selected nonzeros).
    public func selectingColumns(_ indices: [Int]) -> SparseMatrix {
        var starts = [0]
        var newRows: [Int32] = []
        var newValues: [Double] = []
        for j in indices {
            precondition(j >= 0 && j < columns, "column index out of range")
            let range = columnStarts[j]..<columnStarts[j + 1]
            newRows.append(contentsOf: rowIndices[range])
            newValues.append(contentsOf: values[range])
            starts.append(newValues.count)
        }
        return SparseMatrix(unchecked: rows, indices.count, starts, newRows, newValues)
    }
}

// MARK: - Products over the nonzeros

extension SparseMatrix {
    /// X·v.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` unless `v.count == columns`.
    /// - Complexity: O(n + nnz).
    public func multiply(_ v: [Double]) throws(LinearAlgebraError) -> [Double] {
        guard v.count == columns else {
            throw .dimensionMismatch("X is \(rows)×\(columns), v has \(v.count) entries")
        }
        var out = [Double](repeating: 0, count: rows)
        out.withUnsafeMutableBufferPointer { o in
            for j in 0..<columns where v[j] != 0 {
                addColumn(j, times: v[j], into: o.baseAddress!)
            }
        }
        return out
    }

    /// Xᵀ·v.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` unless `v.count == rows`.
    /// - Complexity: O(p + nnz).
    public func transposeMultiply(_ v: [Double]) throws(LinearAlgebraError) -> [Double] {
        guard v.count == rows else {
            throw .dimensionMismatch("Xᵀ is \(columns)×\(rows), v has \(v.count) entries")
        }
        return v.withUnsafeBufferPointer { p in
            (0..<columns).map { columnDot($0, p.baseAddress!) }
        }
    }

    /// xⱼᵀv for an n-vector v (not checked: the caller owns n entries at `v`).
    /// - Complexity: O(nnzⱼ).
    @inlinable
    public func columnDot(_ j: Int, _ v: UnsafePointer<Double>) -> Double {
        var sum = 0.0
        rowIndices.withUnsafeBufferPointer { r in
            values.withUnsafeBufferPointer { x in
                for k in columnStarts[j]..<columnStarts[j + 1] {
                    sum += x[k] * v[Int(r[k])]
                }
            }
        }
        return sum
    }

    /// v ← v + a·xⱼ for an n-vector v (not checked: the caller owns n entries at `v`).
    /// - Complexity: O(nnzⱼ).
    @inlinable
    public func addColumn(_ j: Int, times a: Double, into v: UnsafeMutablePointer<Double>) {
        rowIndices.withUnsafeBufferPointer { r in
            values.withUnsafeBufferPointer { x in
                for k in columnStarts[j]..<columnStarts[j + 1] {
                    v[Int(r[k])] += a * x[k]
                }
            }
        }
    }

    /// Σᵢ cᵢ·xᵢⱼ and Σᵢ cᵢ·xᵢⱼ² for every column j, with row weights c (all 1 when nil).
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` when the weights are not n long.
    /// - Complexity: O(p + nnz).
    public func weightedColumnSums(_ weights: [Double]? = nil) throws(LinearAlgebraError) -> (sums: [Double], squares: [Double]) {
        if let weights, weights.count != rows {
            throw .dimensionMismatch("\(weights.count) weights for \(rows) rows")
        }
        var sums = [Double](repeating: 0, count: columns)
        var squares = [Double](repeating: 0, count: columns)
        for j in 0..<columns {
            var s = 0.0, q = 0.0
            for k in columnStarts[j]..<columnStarts[j + 1] {
                let x = values[k]
                let c = weights?[Int(rowIndices[k])] ?? 1
                s += c * x
                q += c * x * x
            }
            sums[j] = s
            squares[j] = q
        }
        return (sums, squares)
    }

    /// The weighted, uncentered Gram columns XᵀC·x_k for each k in `features` (p × m, column-major),
    /// C = diag(weights) (the identity when nil). Each column costs one scatter of x_k and one
    /// pass over all nonzeros.
    /// - Throws: ``LinearAlgebraError/dimensionMismatch(_:)`` when the weights are not n long.
    /// - Complexity: O(m·(n + nnz)).
    public func gramColumns(_ features: [Int], weights: [Double]? = nil) throws(LinearAlgebraError) -> Matrix {
        if let weights, weights.count != rows {
            throw .dimensionMismatch("\(weights.count) weights for \(rows) rows")
        }
        var result = Matrix(rows: columns, columns: features.count)
        var scattered = [Double](repeating: 0, count: rows)
        scattered.withUnsafeMutableBufferPointer { t in
            for (m, k) in features.enumerated() {
                precondition(k >= 0 && k < columns, "feature index out of range")
                for e in columnStarts[k]..<columnStarts[k + 1] {
                    let i = Int(rowIndices[e])
                    t[i] = values[e] * (weights?[i] ?? 1)
                }
                for j in 0..<columns {
                    result.storage[j + m * columns] = columnDot(j, UnsafePointer(t.baseAddress!))
                }
                for e in columnStarts[k]..<columnStarts[k + 1] { t[Int(rowIndices[e])] = 0 }
            }
        }
        return result
    }
}
