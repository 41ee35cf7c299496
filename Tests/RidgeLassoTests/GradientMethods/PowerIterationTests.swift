import LinearAlgebra
import Testing
@testable import RidgeLasso

@Suite struct PowerIterationTests {
    @Test func findsTheLargestEigenvalueFromAbove() throws {
        // diag(5, 3, 1, 0.5) rotated by a Householder reflection: λmax = 5.
        let d: [Double] = [5, 3, 1, 0.5]
        let v: [Double] = [0.5, 0.5, 0.5, 0.5]
        let estimate = try PowerIteration.largestEigenvalue(dimension: 4, relativeTolerance: 1e-12) { x in
            // H D H x with H = I − 2vvᵀ
            func h(_ u: [Double]) -> [Double] {
                let s = 2 * zip(u, v).reduce(0) { $0 + $1.0 * $1.1 }
                return zip(u, v).map { $0 - s * $1 }
            }
            return h(zip(d, h(x)).map { $0 * $1 })
        }
        #expect(estimate >= 5)
        #expect(abs(estimate - 5 * 1.02) < 1e-6)
    }

    @Test func agreesWithTheEigendecompositionOfTheScaledGram() throws {
        let (x, y) = GradientTestData.problem(n: 60, p: 9, seed: 51)
        let data = try GradientDesign(x, y, fitIntercept: true)
        let xc = Centering.subtracting(data.xMean, from: x)
        var gram = try xc.gram()
        for k in 0..<gram.storage.count { gram.storage[k] /= 60 }
        let lambdaMax = try #require(SymmetricEigendecomposition(gram).eigenvalues.last)
        let estimate = try data.largestScaledGramEigenvalue()
        #expect(try PowerIteration.largestScaledGramEigenvalue(x) == estimate)
        #expect(estimate >= lambdaMax)
        #expect(estimate <= lambdaMax * 1.0201)
    }

    @Test func zeroOperatorGivesZero() throws {
        let estimate = try PowerIteration.largestEigenvalue(dimension: 3) { _ in [0, 0, 0] }
        #expect(estimate == 0)
    }
}
