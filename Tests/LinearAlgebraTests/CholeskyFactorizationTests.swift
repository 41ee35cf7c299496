import Testing
@testable import LinearAlgebra

@Suite("Cholesky")
struct CholeskyFactorizationTests {
    @Test("a hand-checkable factor and solve")
    func handCase() throws {
        // A = [[4, 2], [2, 3]] = LLᵀ with L = [[2, 0], [1, √2]].
        let a = try Matrix(rows: [[4, 2], [2, 3]])
        let c = try CholeskyFactorization(a)
        #expect(c.factor[0, 0] == 2)
        #expect(c.factor[1, 0] == 1)
        #expect(abs(c.factor[1, 1] - 2.0.squareRoot()) < 1e-15)
        #expect(c.factor[0, 1] == 0)
        // A x = [2, 1] has x = [0.5, 0].
        let x = try c.solve([2, 1])
        #expect(abs(x[0] - 0.5) < 1e-15 && abs(x[1]) < 1e-15)
        // κ₁(A) = ‖A‖₁‖A⁻¹‖₁ = 6 · 6/8 = 4.5; dpocon's estimate is exact for 2×2.
        #expect(abs(c.reciprocalCondition - 1 / 4.5) < 1e-12)
    }

    @Test("solves a random SPD system to rounding, several right-hand sides")
    func randomSystem() throws {
        let b = randomMatrix(40, 10, seed: 5)
        var a = try b.gram()
        for i in 0..<10 { a[i, i] += 1 }
        let xTrue = randomMatrix(10, 3, seed: 6)
        let rhs = try a.multiplied(by: xTrue)
        let x = try CholeskyFactorization(a).solve(rhs)
        #expect(maxAbsDifference(x, xTrue) < 1e-12)
    }

    @Test("the one-shot solve (no condition estimate) equals factor-then-solve; errors are typed")
    func oneShotSolve() throws {
        // A = [[4, 2], [2, 3]]: A⁻¹[2, 1] = [0.5, 0] exactly.
        let a = try Matrix(rows: [[4, 2], [2, 3]])
        #expect(try CholeskyFactorization.solve(a, [2, 1]) == [0.5, 0])
        var m = randomMatrix(30, 30, seed: 41)
        m = try m.multiplied(by: m, transposingOther: true)
        for i in 0..<30 { m[i, i] += 1 }
        let b = (0..<30).map { Double($0) - 7.5 }
        let x = try CholeskyFactorization.solve(m, b)
        let reference = try CholeskyFactorization(m).solve(b)
        for i in 0..<30 { #expect(abs(x[i] - reference[i]) <= 1e-13 * max(1, abs(reference[i]))) }
        #expect(throws: LinearAlgebraError.notPositiveDefinite(minor: 2)) {
            try CholeskyFactorization.solve(try Matrix(rows: [[1, 2], [2, 1]]), [1, 1])
        }
        #expect(throws: LinearAlgebraError.self) { try CholeskyFactorization.solve(a, [1, 2, 3]) }
        #expect(try CholeskyFactorization.solve(Matrix(rows: 0, columns: 0), []) == [])
        // A scratch buffer larger than m²: only the first m·m values are the system, and only
        // its lower triangle is read (the upper holds garbage here).
        var scratch = [Double](repeating: .nan, count: 10)
        scratch[0] = 4; scratch[1] = 2; scratch[3] = 3
        #expect(try CholeskyFactorization.solve(order: 2, overwriting: &scratch, [2, 1]) == [0.5, 0])
        #expect(scratch[0] == 2 && scratch[1] == 1)                  // L overwrote A
        #expect(throws: LinearAlgebraError.self) { try CholeskyFactorization.solve(order: 4, overwriting: &scratch, [1, 1, 1, 1]) }
    }

    @Test("the in-place one-column solve (two dtrsv) equals dpotrs; shapes are checked")
    func inPlaceSolve() throws {
        // A = [[4, 2], [2, 3]]: L = [[2, 0], [1, √2]], A⁻¹[2, 1] = [0.5, 0].
        var factor = [4.0, 2, .nan, 3]   // the strict upper triangle is never read
        try CholeskyFactorization.factor(order: 2, overwriting: &factor)
        var x = [2.0, 1]
        try CholeskyFactorization.solve(order: 2, factor: factor, inPlace: &x)
        #expect(abs(x[0] - 0.5) < 1e-15 && abs(x[1]) < 1e-15)
        var m = randomMatrix(40, 25, seed: 43)
        m = try m.gram()
        for i in 0..<25 { m[i, i] += 0.5 }
        var storage = m.storage
        try CholeskyFactorization.factor(order: 25, overwriting: &storage)
        let b = (0..<25).map { Double($0 % 7) - 3 }
        var inPlace = b
        try CholeskyFactorization.solve(order: 25, factor: storage, inPlace: &inPlace)
        let reference = try CholeskyFactorization.solve(order: 25, factor: storage, Matrix(rows: 25, columns: 1, columnMajor: b)).storage
        for i in 0..<25 { #expect(abs(inPlace[i] - reference[i]) <= 1e-12 * max(1, abs(reference[i]))) }
        var short = [1.0]
        #expect(throws: LinearAlgebraError.self) { try CholeskyFactorization.solve(order: 2, factor: factor, inPlace: &short) }
        var two = [1.0, 1]
        #expect(throws: LinearAlgebraError.self) { try CholeskyFactorization.solve(order: 3, factor: factor, inPlace: &two) }
        var empty: [Double] = []
        try CholeskyFactorization.solve(order: 0, factor: [], inPlace: &empty)
        #expect(empty.isEmpty)
    }

    @Test("an indefinite matrix throws notPositiveDefinite with the failing minor")
    func indefinite() throws {
        let a = try Matrix(rows: [[1, 0, 0], [0, 1, 0], [0, 0, -1]])
        #expect(throws: LinearAlgebraError.notPositiveDefinite(minor: 3)) { try CholeskyFactorization(a) }
        let b = try Matrix(rows: [[1, 2], [2, 1]])
        #expect(throws: LinearAlgebraError.notPositiveDefinite(minor: 2)) { try CholeskyFactorization(b) }
    }

    @Test("an ill-conditioned matrix factors but says so through its condition estimate")
    func illConditioned() throws {
        let a = try Matrix(rows: [[1, 1], [1, 1 + 1e-12]])
        let c = try CholeskyFactorization(a)
        #expect(c.reciprocalCondition < 1e-11)
    }

    @Test("bad shapes and NaN are rejected before LAPACK")
    func validation() throws {
        #expect(throws: LinearAlgebraError.self) { try CholeskyFactorization(Matrix(rows: 2, columns: 3)) }
        var a = Matrix.identity(2)
        a[1, 0] = .nan
        #expect(throws: LinearAlgebraError.nonFinite(row: 1, column: 0)) { try CholeskyFactorization(a) }
        let c = try CholeskyFactorization(Matrix.identity(2))
        #expect(throws: LinearAlgebraError.self) { try c.solve([1, 2, 3]) }
        #expect(try CholeskyFactorization(Matrix(rows: 0, columns: 0)).order == 0)
    }
}
