import Testing
@testable import LinearAlgebra

@Suite("Matrix")
struct MatrixTests {
    @Test("column-major layout: element (i, j) at i + j·rows")
    func layout() throws {
        let m = try Matrix(rows: [[1, 2, 3], [4, 5, 6]])
        #expect(m.rows == 2 && m.columns == 3)
        #expect(m.storage == [1, 4, 2, 5, 3, 6])
        #expect(m[1, 2] == 6)
        #expect(m.column(1) == [2, 5])
        #expect(m.row(0) == [1, 2, 3])
        #expect(m.transposed == (try Matrix(rows: [[1, 4], [2, 5], [3, 6]])))
        #expect(try Matrix(columns: [[1, 4], [2, 5], [3, 6]]) == m)
    }

    @Test("ragged rows and wrong storage sizes throw dimensionMismatch")
    func shapeErrors() {
        #expect(throws: LinearAlgebraError.dimensionMismatch("row 1 has 1 values, row 0 has 2")) {
            try Matrix(rows: [[1, 2], [3]])
        }
        #expect(throws: LinearAlgebraError.self) { try Matrix(rows: 2, columns: 2, columnMajor: [1, 2, 3]) }
        #expect(throws: LinearAlgebraError.self) { try Matrix(columns: [[1, 2], [3]]) }
    }

    @Test("value semantics: a copy is independent")
    func valueSemantics() {
        let a = Matrix(rows: 2, columns: 2, repeating: 1)
        var b = a
        b[0, 0] = 7
        #expect(a[0, 0] == 1)
        #expect(b[0, 0] == 7)
    }

    @Test("the first non-finite entry is reported with its row and column")
    func nonFinite() throws {
        var m = Matrix(rows: 3, columns: 2)
        #expect(m.firstNonFinite() == nil)
        m[2, 1] = .infinity
        m[1, 1] = .nan
        let hit = try #require(m.firstNonFinite())
        #expect(hit.row == 1 && hit.column == 1)
        #expect(throws: LinearAlgebraError.nonFinite(row: 1, column: 1)) { try m.checkFinite() }
    }

    @Test("the first non-finite entry is found at every position around the SIMD block edges",
          arguments: [0, 1, 7, 8, 510, 511, 512, 513, 1023, 1024, 1500, 1535])
    func nonFiniteAtEveryBlockEdge(position: Int) throws {
        // 1536 = 3 blocks of 512; huge finite values must not count as non-finite.
        var m = Matrix(rows: 48, columns: 32, repeating: .greatestFiniteMagnitude)
        #expect(m.firstNonFinite() == nil)
        for bad in [Double.nan, .infinity, -.infinity] {
            var n = m
            n.storage[position] = bad
            n.storage[1535] = .nan   // a later one must not be reported instead
            let hit = try #require(n.firstNonFinite())
            #expect(hit.row == position % 48 && hit.column == position / 48)
        }
        m.storage[1535] = -.infinity
        let last = try #require(m.firstNonFinite())
        #expect(last.row == 47 && last.column == 31)
    }

    @Test("a large matrix is scanned in parallel chunks; the first non-finite entry still wins")
    func nonFiniteInParallelChunks() throws {
        // 4096 × 2049 > 2²³ values: two chunks (or more) on a machine with two cores or more.
        var m = Matrix(rows: 4096, columns: 2049, repeating: 1)
        #expect(m.firstNonFinite() == nil)
        m[4095, 2048] = .infinity                 // last entry, last chunk
        #expect(m.firstNonFinite()! == (4095, 2048))
        m[7, 1500] = .nan                         // a later chunk's first hit
        #expect(m.firstNonFinite()! == (7, 1500))
        m[3, 2] = -.infinity                      // the first chunk's hit comes first
        #expect(m.firstNonFinite()! == (3, 2))
    }

    @Test("row and column selection")
    func selection() throws {
        let m = try Matrix(rows: [[1, 2, 3], [4, 5, 6], [7, 8, 9]])
        #expect(m.selectingRows([2, 0]) == (try Matrix(rows: [[7, 8, 9], [1, 2, 3]])))
        #expect(m.selectingColumns([1]) == (try Matrix(rows: [[2], [5], [8]])))
        #expect(Matrix.identity(2) == (try Matrix(rows: [[1, 0], [0, 1]])))
    }
}
