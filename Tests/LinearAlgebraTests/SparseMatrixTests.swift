import Testing
import LinearAlgebra
import RidgeLasso
import _TestSupport

@Suite("SparseMatrix")
struct SparseMatrixTests {
    /// [[1, 0, 2], [0, 0, 3], [4, 5, 0]] and its compressed columns, as scipy's csc_matrix stores it.
    static func dense() throws -> Matrix { try Matrix(rows: [[1, 0, 2], [0, 0, 3], [4, 5, 0]]) }

    @Test("compressed columns of a small matrix match scipy's csc layout")
    func layout() throws {
        let s = try SparseMatrix(Self.dense())
        #expect(s.columnStarts == [0, 2, 3, 5])
        #expect(s.rowIndices == [0, 2, 2, 0, 1])
        #expect(s.values == [1, 4, 5, 2, 3])
        #expect(s.nonzeroCount == 5)
        #expect(s.dense() == (try Self.dense()))
        #expect(s[2, 1] == 5 && s[1, 1] == 0 && s[1, 2] == 3)
        #expect(abs(s.density - 5.0 / 9) < 1e-15)
    }

    @Test("triplets in any order: duplicates are summed, sums of exactly 0 are not stored")
    func triplets() throws {
        let s = try SparseMatrix(rows: 3, columns: 3, triplets: [
            (2, 1, 5), (0, 2, 2), (1, 2, 1), (2, 0, 4), (0, 0, 1), (1, 2, 2), (1, 1, 7), (1, 1, -7),
        ])
        #expect(s == (try SparseMatrix(Self.dense())))
    }

    @Test("rows of (column, value) pairs build the same matrix; a repeated column is refused")
    func fromRows() throws {
        let s = try SparseMatrix(columns: 3, rows: [[(2, 2), (0, 1)], [(2, 3), (1, 0)], [(0, 4), (1, 5)]])
        #expect(s == (try SparseMatrix(Self.dense())))
        #expect(throws: LinearAlgebraError.invalidSparseStructure("row 1: column 2 appears twice")) {
            try SparseMatrix(columns: 3, rows: [[(0, 1)], [(2, 1), (2, 3)]])
        }
        #expect(throws: LinearAlgebraError.invalidSparseStructure("row 0: column 3 is outside 0..<3")) {
            try SparseMatrix(columns: 3, rows: [[(3, 1)]])
        }
        #expect(throws: LinearAlgebraError.nonFinite(row: 1, column: 0)) {
            try SparseMatrix(columns: 3, rows: [[(0, 1)], [(0, .nan)]])
        }
    }

    @Test("bad compressed arrays and triplets are refused with the place named")
    func validation() {
        #expect(throws: LinearAlgebraError.invalidSparseStructure("row index 3 out of range 0..<3 in column 1")) {
            try SparseMatrix(rows: 3, columns: 2, columnStarts: [0, 1, 2], rowIndices: [0, 3], values: [1, 1])
        }
        #expect(throws: LinearAlgebraError.invalidSparseStructure("row indices not increasing in column 0 (row 1 after 2)")) {
            try SparseMatrix(rows: 3, columns: 1, columnStarts: [0, 2], rowIndices: [2, 1], values: [1, 1])
        }
        #expect(throws: LinearAlgebraError.invalidSparseStructure("column offsets must run from 0 to 2")) {
            try SparseMatrix(rows: 3, columns: 1, columnStarts: [0, 1], rowIndices: [0, 1], values: [1, 1])
        }
        #expect(throws: LinearAlgebraError.invalidSparseStructure("column offsets decrease at column 1")) {
            try SparseMatrix(rows: 3, columns: 2, columnStarts: [0, 2, 1], rowIndices: [0], values: [1])
        }
        #expect(throws: LinearAlgebraError.nonFinite(row: 1, column: 0)) {
            try SparseMatrix(rows: 3, columns: 1, columnStarts: [0, 1], rowIndices: [1], values: [.infinity])
        }
        #expect(throws: LinearAlgebraError.invalidSparseStructure("triplet 1 at (0, 5) is outside a 2×2 matrix")) {
            try SparseMatrix(rows: 2, columns: 2, triplets: [(0, 0, 1), (0, 5, 1)])
        }
        #expect(throws: LinearAlgebraError.nonFinite(row: 1, column: 1)) {
            try SparseMatrix(rows: 2, columns: 2, triplets: [(1, 1, .infinity), (1, 1, -.infinity)])
        }
        #expect(throws: LinearAlgebraError.nonFinite(row: 0, column: 1)) {
            try SparseMatrix(rows: 2, columns: 2, triplets: [(0, 1, 1e308), (0, 1, 1e308)])
        }
        #expect(throws: LinearAlgebraError.tooLarge("sparse matrix columns = \(Int.max)")) {
            try SparseMatrix(zeros: 1, Int.max)
        }
    }

    @Test("stored zeros in compressed input are dropped")
    func storedZeros() throws {
        let s = try SparseMatrix(rows: 2, columns: 2, columnStarts: [0, 2, 3], rowIndices: [0, 1, 1], values: [0, 3, 0])
        #expect(s.columnStarts == [0, 1, 1] && s.rowIndices == [1] && s.values == [3])
    }

    @Test("Xv, Xᵀv, column sums and Gram columns equal the dense products")
    func products() throws {
        var g = SplitMix64(seed: 17)
        let s = try g.sparseMatrix(40, 13, density: 0.2)
        let x = s.dense()
        let v = g.vector(13), u = g.vector(40), w = (0..<40).map { _ in 0.5 + g.uniform() }
        let xv = try s.multiply(v), xtu = try s.transposeMultiply(u)
        for i in 0..<40 {
            let reference = (0..<13).reduce(0.0) { $0 + x[i, $1] * v[$1] }
            #expect(abs(xv[i] - reference) <= 1e-14 * (1 + abs(reference)))
        }
        let (sums, squares) = try s.weightedColumnSums(w)
        let gram = try s.gramColumns([3, 0, 12], weights: w)
        for j in 0..<13 {
            let reference = (0..<40).reduce(0.0) { $0 + x[$1, j] * u[$1] }
            #expect(abs(xtu[j] - reference) <= 1e-14 * (1 + abs(reference)))
            let sum = (0..<40).reduce(0.0) { $0 + w[$1] * x[$1, j] }
            let square = (0..<40).reduce(0.0) { $0 + w[$1] * x[$1, j] * x[$1, j] }
            #expect(abs(sums[j] - sum) <= 1e-13 * (1 + abs(sum)))
            #expect(abs(squares[j] - square) <= 1e-13 * (1 + square))
            for (m, k) in [3, 0, 12].enumerated() {
                let reference = (0..<40).reduce(0.0) { $0 + w[$1] * x[$1, j] * x[$1, k] }
                #expect(abs(gram[j, m] - reference) <= 1e-13 * (1 + abs(reference)))
            }
        }
        #expect(throws: LinearAlgebraError.self) { try s.multiply([1, 2]) }
        #expect(throws: LinearAlgebraError.self) { try s.transposeMultiply([1, 2]) }
    }

    @Test("selecting rows (with repeats) and columns equals selecting them densely")
    func selection() throws {
        var g = SplitMix64(seed: 5)
        let s = try g.sparseMatrix(30, 9, density: 0.3)
        let rows = [29, 3, 3, 0, 17, 8, 3]
        #expect(s.selectingRows(rows).dense() == s.dense().selectingRows(rows))
        #expect(s.selectingColumns([8, 1, 1]).dense() == s.dense().selectingColumns([8, 1, 1]))
    }
}
