import Testing
@testable import LinearAlgebra

@Suite("BLAS products")
struct MatrixBLASTests {
    // Entries in [-1, 1) and inner dimensions ≤ 60: sums of ≤ 60 products, so any correct
    // summation order agrees with the triple loop to a few ulps of 60; 1e-12 is generous.
    let tolerance = 1e-12

    @Test("gram() = AᵀA and outerGram() = AAᵀ, both triangles filled", arguments: [(7, 3), (3, 7), (60, 20)])
    func gram(shape: (Int, Int)) throws {
        let a = randomMatrix(shape.0, shape.1, seed: 11)
        let g = try a.gram()
        #expect(g.rows == shape.1 && g.columns == shape.1)
        #expect(maxAbsDifference(g, naiveProduct(a.transposed, a)) < tolerance)
        #expect(g == g.transposed)
        let o = try a.outerGram()
        #expect(maxAbsDifference(o, naiveProduct(a, a.transposed)) < tolerance)
    }

    @Test("multiplied(by:) honours both transpose flags")
    func gemm() throws {
        let a = randomMatrix(5, 4, seed: 1), b = randomMatrix(4, 6, seed: 2)
        #expect(maxAbsDifference(try a.multiplied(by: b), naiveProduct(a, b)) < tolerance)
        let at = a.transposed, bt = b.transposed
        #expect(maxAbsDifference(try at.multiplied(by: b, transposingSelf: true), naiveProduct(a, b)) < tolerance)
        #expect(maxAbsDifference(try a.multiplied(by: bt, transposingOther: true), naiveProduct(a, b)) < tolerance)
        #expect(throws: LinearAlgebraError.self) { try a.multiplied(by: a) }
    }

    @Test("times and transposeTimes against hand values")
    func gemv() throws {
        let a = try Matrix(rows: [[1, 2], [3, 4], [5, 6]])
        #expect(try a.times([1, -1]) == [-1, -1, -1])
        #expect(try a.transposeTimes([1, 0, 1]) == [6, 8])
        #expect(throws: LinearAlgebraError.self) { try a.times([1, 2, 3]) }
        #expect(throws: LinearAlgebraError.self) { try a.transposeTimes([1, 2]) }
    }

    @Test("empty operands return empty results without calling BLAS")
    func empty() throws {
        let a = Matrix(rows: 0, columns: 3)
        #expect(try a.gram() == Matrix(rows: 3, columns: 3))
        #expect(try a.outerGram().rows == 0)
        #expect(try a.transposeTimes([]) == [0, 0, 0])
        #expect(try Matrix(rows: 2, columns: 0).multiplied(by: Matrix(rows: 0, columns: 2)) == Matrix(rows: 2, columns: 2))
    }

    @Test("dot, axpy and norm")
    func vectors() {
        #expect(BLAS.dot([1, 2, 3], [4, 5, 6]) == 32)
        #expect(BLAS.norm([3, 4]) == 5)
        // dnrm2 scales: no overflow where the naive sum of squares would overflow.
        // Exact to a couple of ulps (OpenBLAS and reference dnrm2 round differently).
        #expect(abs(BLAS.norm([3e200, 4e200]) / 5e200 - 1) < 4 * Double.ulpOfOne)
        var y: [Double] = [1, 1]
        let x: [Double] = [2, 3]
        x.withUnsafeBufferPointer { xp in
            y.withUnsafeMutableBufferPointer { yp in BLAS.axpy(2, 0.5, xp.baseAddress!, yp.baseAddress!) }
        }
        #expect(y == [2, 2.5])
    }

    @Test("a row block times a matrix, in place of a copy: equals the product of the copied rows")
    func rowBlockProduct() throws {
        let a = randomMatrix(9, 4, seed: 51), b = randomMatrix(4, 3, seed: 52)
        var out = Matrix(rows: 3, columns: 3)
        try a.rowBlock(5, count: 3, times: b, into: &out)
        let expected = naiveProduct(a.selectingRows([5, 6, 7]), b)
        for k in 0..<9 { #expect(abs(out.storage[k] - expected.storage[k]) <= 1e-14) }
        #expect(throws: LinearAlgebraError.self) { try a.rowBlock(7, count: 3, times: b, into: &out) }
        #expect(throws: LinearAlgebraError.self) { try a.rowBlock(-1, count: 3, times: b, into: &out) }
        var wrong = Matrix(rows: 2, columns: 3)
        #expect(throws: LinearAlgebraError.self) { try a.rowBlock(0, count: 3, times: b, into: &wrong) }
        var empty = Matrix(rows: 0, columns: 3)
        try a.rowBlock(9, count: 0, times: b, into: &empty)
    }
}
