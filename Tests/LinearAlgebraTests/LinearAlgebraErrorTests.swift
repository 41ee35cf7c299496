import Testing
@testable import LinearAlgebra

@Suite("LinearAlgebraError")
struct LinearAlgebraErrorTests {
    @Test("messages say what is wrong")
    func messages() {
        #expect(LinearAlgebraError.notPositiveDefinite(minor: 3).description
                == "matrix is not positive definite (leading minor of order 3)")
        #expect(LinearAlgebraError.nonFinite(row: 2, column: 5).description
                == "non-finite value (NaN or Inf) at row 2, column 5")
        #expect(LinearAlgebraError.singular(index: 4).description.contains("diagonal position 4"))
    }

    @Test("dimensions beyond 32-bit LAPACK integers are refused, not truncated")
    func lapackIntegers() throws {
        #expect(try lapackInt(7, "n") == 7)
        #expect(throws: LinearAlgebraError.tooLarge("n = 2147483648")) { try lapackInt(1 << 31, "n") }
        #expect(throws: LinearAlgebraError.self) { try lapackInt(-1, "n") }
        #expect(throws: LinearAlgebraError.self) { try workspaceSize(.infinity, routine: "dgeqrf") }
        #expect(try workspaceSize(10.2, routine: "dgeqrf") == 11)
    }
}
