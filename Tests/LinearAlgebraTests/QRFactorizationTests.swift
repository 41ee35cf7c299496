import Testing
@testable import LinearAlgebra

@Suite("QR least squares")
struct QRFactorizationTests {
    @Test("fits a line through three points (hand-computed normal equations)")
    func line() throws {
        // Points (0, 1), (1, 3), (2, 4): slope 1.5, intercept 7/6.
        let a = try Matrix(rows: [[1, 0], [1, 1], [1, 2]])
        let x = try QRFactorization(a).solveLeastSquares([1, 3, 4])
        #expect(abs(x[0] - 7.0 / 6.0) < 1e-14)
        #expect(abs(x[1] - 1.5) < 1e-14)
    }

    @Test("R satisfies RᵀR = AᵀA")
    func factor() throws {
        let a = randomMatrix(30, 6, seed: 3)
        let qr = try QRFactorization(a)
        let r = qr.r
        #expect(maxAbsDifference(naiveProduct(r.transposed, r), try a.gram()) < 1e-12)
        #expect(qr.reciprocalCondition > 1e-3)
    }

    @Test("an exactly singular R throws singular with its pivot")
    func singular() throws {
        let a = try Matrix(rows: [[1, 0], [0, 0], [0, 0]])
        let qr = try QRFactorization(a)
        #expect(qr.reciprocalCondition == 0)
        #expect(throws: LinearAlgebraError.singular(index: 2)) { try qr.solveLeastSquares([1, 1, 1]) }
    }

    @Test("wide matrices and mismatched right-hand sides are rejected")
    func validation() throws {
        #expect(throws: LinearAlgebraError.self) { try QRFactorization(Matrix(rows: 2, columns: 3)) }
        let qr = try QRFactorization(Matrix.identity(2))
        #expect(throws: LinearAlgebraError.self) { try qr.solveLeastSquares([1, 2, 3]) }
        #expect(throws: LinearAlgebraError.nonFinite(row: 0, column: 0)) { try qr.solveLeastSquares([.nan, 1]) }
    }
}
