import LinearAlgebra

/// Selecting columns of a parsed table without a second copy of the matrix.
enum ColumnCompaction {
    /// The columns `keep` of the column-major `storage` (`rows` per column), as a matrix that
    /// reuses `storage`'s memory when `keep` is increasing (each kept column moves towards the
    /// front, over columns no longer needed), and a copy otherwise.
    static func columns(_ keep: [Int], of storage: consuming [Double], rows n: Int) throws(LinearAlgebraError) -> Matrix {
        var storage = storage
        let increasing = zip(keep, keep.dropFirst()).allSatisfy { $0 < $1 }
        if !increasing {
            let columns = n > 0 ? storage.count / n : 0
            return try Matrix(rows: n, columns: columns, columnMajor: storage).selectingColumns(keep)
        }
        storage.withUnsafeMutableBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            for (k, j) in keep.enumerated() where k != j {   // j > k: the ranges do not overlap
                (base + k * n).update(from: base + j * n, count: n)
            }
        }
        storage.removeLast(storage.count - keep.count * n)
        return try Matrix(rows: n, columns: keep.count, columnMajor: storage)
    }
}
