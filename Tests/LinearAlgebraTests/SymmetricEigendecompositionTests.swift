import Testing
@testable import LinearAlgebra

@Suite("Symmetric eigendecomposition")
struct SymmetricEigendecompositionTests {
    @Test("eigenvalues of [[2, 1], [1, 2]] are 1 and 3, ascending")
    func hand() throws {
        let e = try SymmetricEigendecomposition(try Matrix(rows: [[2, 1], [1, 2]]))
        #expect(abs(e.eigenvalues[0] - 1) < 1e-15)
        #expect(abs(e.eigenvalues[1] - 3) < 1e-15)
        let v = e.eigenvectors.column(1)
        #expect(abs(abs(v[0]) - 0.5.squareRoot()) < 1e-15 && abs(v[0] - v[1]) < 1e-15)
    }

    @Test("V diag(λ) Vᵀ reconstructs a random symmetric matrix; V is orthogonal")
    func reconstruct() throws {
        let a = try randomMatrix(30, 12, seed: 4).gram()
        let e = try SymmetricEigendecomposition(a)
        var vl = e.eigenvectors
        for j in 0..<12 { for i in 0..<12 { vl[i, j] *= e.eigenvalues[j] } }
        #expect(maxAbsDifference(try vl.multiplied(by: e.eigenvectors, transposingOther: true), a) < 1e-12)
        let vtv = try e.eigenvectors.multiplied(by: e.eigenvectors, transposingSelf: true)
        #expect(maxAbsDifference(vtv, Matrix.identity(12)) < 1e-13)
    }

    @Test("non-square and non-finite inputs are rejected")
    func validation() {
        #expect(throws: LinearAlgebraError.self) { try SymmetricEigendecomposition(Matrix(rows: 2, columns: 3)) }
        var a = Matrix.identity(2)
        a[1, 1] = .nan
        #expect(throws: LinearAlgebraError.nonFinite(row: 1, column: 1)) { try SymmetricEigendecomposition(a) }
    }
}
