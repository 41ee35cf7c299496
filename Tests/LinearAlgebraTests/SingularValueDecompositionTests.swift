import Testing
@testable import LinearAlgebra

@Suite("SVD")
struct SingularValueDecompositionTests {
    @Test("singular values of a hand matrix")
    func hand() throws {
        // [[3, 0], [4, 5]] has singular values 3√5 and √5 (AᵀA has eigenvalues 45 and 5).
        let svd = try SingularValueDecomposition(try Matrix(rows: [[3, 0], [4, 5]]))
        #expect(abs(svd.singularValues[0] - 3 * 5.0.squareRoot()) < 1e-14)
        #expect(abs(svd.singularValues[1] - 5.0.squareRoot()) < 1e-14)
        #expect(svd.routine == "dgesdd")
    }

    @Test("U diag(s) Vᵀ reconstructs tall and wide matrices", arguments: [(20, 5), (5, 20)])
    func reconstruct(shape: (Int, Int)) throws {
        let a = randomMatrix(shape.0, shape.1, seed: 9)
        let svd = try SingularValueDecomposition(a)
        let k = min(shape.0, shape.1)
        #expect(svd.u.rows == shape.0 && svd.u.columns == k)
        #expect(svd.vt.rows == k && svd.vt.columns == shape.1)
        var us = svd.u
        for j in 0..<k { for i in 0..<us.rows { us[i, j] *= svd.singularValues[j] } }
        #expect(maxAbsDifference(try us.multiplied(by: svd.vt), a) < 1e-13)
        #expect(svd.singularValues == svd.singularValues.sorted(by: >))
    }

    @Test("rank of a rank-deficient matrix")
    func rank() throws {
        // Third column = first + second.
        let a = try Matrix(rows: [[1, 2, 3], [4, 5, 9], [7, 8, 15], [1, 0, 1]])
        let svd = try SingularValueDecomposition(a)
        #expect(svd.rank() == 2)
        #expect(svd.singularValues[2] < 1e-13)
    }

    @Test("NaN is rejected and empty input is fine")
    func validation() throws {
        var a = Matrix.identity(2)
        a[0, 1] = .infinity
        #expect(throws: LinearAlgebraError.nonFinite(row: 0, column: 1)) { try SingularValueDecomposition(a) }
        #expect(try SingularValueDecomposition(Matrix(rows: 3, columns: 0)).singularValues.isEmpty)
    }
}
