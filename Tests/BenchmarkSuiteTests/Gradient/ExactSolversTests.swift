import LinearAlgebra
import RidgeLasso
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

@Suite struct ExactLassoTests {
    /// Coordinate descent's answer is certified by the gradient methods' duality gap, and FISTA
    /// reaches the same objective.
    @Test func coordinateDescentAgreesWithFISTA() throws {
        let problem = try SyntheticProblems.lasso(n: 80, p: 30, seed: 4)
        let cd = try #require(try ExactSolvers.lasso(problem.x, problem.y, alpha: problem.alpha, tolerance: 1e-12))
        #expect(cd.converged)
        let fista = try ProximalGradientDescent(alpha: problem.alpha, tolerance: 1e-13, maximumIterations: 200_000)
            .fit(problem.x, problem.y)
        #expect(fista.converged)
        let certifier = ProximalGradientDescent(alpha: problem.alpha)
        let (objective, gap) = try certifier.objectiveAndDualityGap(problem.x, problem.y, coefficients: cd.coefficients)
        #expect(gap <= 1e-10 * objective)
        #expect(abs(objective - fista.objective) <= 1e-9 * objective)
        for (a, b) in zip(cd.coefficients, fista.coefficients) { #expect(abs(a - b) < 1e-5) }
        #expect(abs(cd.intercept - fista.intercept) < 1e-5)
    }
}
