import LinearAlgebra
import Testing
@testable import BenchmarkSuite

@Suite struct ExactSolversTests {
    /// The closed form (primal when n ≥ p, dual when p > n) agrees with the SVD reference, and
    /// the reference satisfies the normal equations (XcᵀXc + αI)w = Xcᵀyc.
    @Test(arguments: [(80, 6), (12, 30)])
    func closedFormMatchesReference(n: Int, p: Int) throws {
        let problem = try SyntheticProblems.ridge(n: n, p: p, decaying: true, seed: 77)
        let exact = try ExactSolvers.ridge(problem.x, problem.y, alpha: problem.alpha)
        let reference = try ExactSolvers.ridgeReference(problem.x, problem.y, alpha: problem.alpha)
        let diff = zip(exact.coefficients, reference.coefficients).map { $0 - $1 }
        #expect(BLAS.norm(diff) <= 1e-10 * BLAS.norm(reference.coefficients))
        #expect(abs(exact.intercept - reference.intercept) <= 1e-9 * max(1, abs(reference.intercept)))
        let (xc, yc, _, _) = ExactSolvers.centered(problem.x, problem.y)
        var lhs = try xc.transposeTimes(try xc.times(reference.coefficients))
        for j in 0..<p { lhs[j] += problem.alpha * reference.coefficients[j] }
        let rhs = try xc.transposeTimes(yc)
        #expect(BLAS.norm(zip(lhs, rhs).map { $0 - $1 }) <= 1e-10 * BLAS.norm(rhs))
    }
}
