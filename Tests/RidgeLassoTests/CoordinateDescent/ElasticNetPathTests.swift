import Testing
import LinearAlgebra
@testable import RidgeLasso

@Suite struct ElasticNetPathTests {
    @Test(arguments: [UpdateScheme.naive, .covariance])
    func everyPathPointEqualsAColdFit(_ scheme: UpdateScheme) throws {
        for (n, p) in [(80, 25), (30, 90)] {
            let prob = CDTestSupport.problem(n: n, p: p, rho: 0.6, nonzeros: 8, seed: UInt64(n * p))
            let model = ElasticNet(l1Ratio: 0.7, tolerance: 1e-11, updateScheme: scheme)
            let path = try model.path(prob.x, prob.y, count: 20, epsilon: 1e-2)
            #expect(path.count == 20 && path.allConverged)
            for k in stride(from: 0, to: 20, by: 3) {
                var single = model
                single.alpha = path.alphas[k]
                let cold = try single.fit(prob.x, prob.y)
                // Both are certified: P is μ-strongly convex with μ ≥ α(1 − r), so each lies within
                // √(2·gap/μ) of the unique solution.
                let mu = path.alphas[k] * 0.3
                let radius = (2 * cold.dualityGap / mu).squareRoot() + (2 * path.dualityGaps[k] / mu).squareRoot() + 1e-12
                let distance = zip(cold.coefficients, path.coefficients[k]).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
                #expect(distance <= radius, "n\(n) p\(p) k\(k)")
                #expect(distance <= 1e-4)
                #expect(abs(cold.objective - path.objectives[k]) <= max(cold.dualityGap, path.dualityGaps[k]) + 1e-13 * cold.objective)
                let xm = Centering.means(prob.x, weights: nil)
                let meanNorm = xm.map { $0 * $0 }.reduce(0, +).squareRoot()
                #expect(abs(cold.intercept - path.intercepts[k]) <= meanNorm * radius + 1e-12)
                #expect(path.model(at: k)?.coefficients == path.coefficients[k])
            }
        }
    }

    @Test func defaultGridStartsAtAlphaMaxWithZeros() throws {
        let prob = CDTestSupport.problem(n: 60, p: 15, seed: 41)
        let path = try ElasticNet(l1Ratio: 0.5).path(prob.x, prob.y)
        let amax = try ElasticNet.alphaMax(prob.x, prob.y, l1Ratio: 0.5)
        #expect(path.count == 100)
        #expect(path.alphas[0] == amax)
        #expect(abs(path.alphas[99] - 1e-3 * amax) < 1e-12 * amax)
        #expect(path.coefficients[0].allSatisfy { $0 == 0 })
        #expect(path.nonzeroCounts[1] >= 1)
        for k in 1..<100 { #expect(path.alphas[k] < path.alphas[k - 1]) }
        #expect(path.dualityGaps.allSatisfy { $0 >= 0 })
        #expect(path.iterations.allSatisfy { $0 >= 1 })
    }

    @Test func userAlphasInAnyOrderComeOutDescending() throws {
        let prob = CDTestSupport.problem(n: 40, p: 10, seed: 42)
        let path = try Lasso().path(prob.x, prob.y, alphas: [0.01, 0.5, 0.1])
        #expect(path.alphas == [0.5, 0.1, 0.01])
        #expect(path.model(at: 3) == nil)
    }

    @Test func pureL2PathNeedsExplicitAlphas() throws {
        let prob = CDTestSupport.problem(n: 40, p: 10, seed: 43)
        #expect(throws: RegressionError.self) { try ElasticNet(l1Ratio: 0).path(prob.x, prob.y) }
        let path = try ElasticNet(l1Ratio: 0, tolerance: 1e-12).path(prob.x, prob.y, alphas: [1, 0.1])
        for k in 0..<2 {
            let ridge = try CDTestSupport.ridge(prob.x, prob.y, lambda: 40 * path.alphas[k])
            // Within the certified radius √(2·gap/α) (the penalty alone is α-strongly convex).
            let radius = (2 * path.dualityGaps[k] / path.alphas[k]).squareRoot() + 1e-12
            #expect(CDTestSupport.maxAbsDifference(path.coefficients[k], ridge.w) <= radius)
            #expect(path.converged[k])
        }
    }

    @Test func badPathArguments() throws {
        let prob = CDTestSupport.problem(n: 20, p: 5, seed: 44)
        #expect(throws: RegressionError.emptyData("the list of alphas is empty")) {
            try Lasso().path(prob.x, prob.y, alphas: [])
        }
        #expect(throws: RegressionError.invalidParameter(name: "alphas", value: -1, requirement: "must be finite and ≥ 0")) {
            try Lasso().path(prob.x, prob.y, alphas: [1, -1])
        }
        #expect(throws: RegressionError.invalidParameter(name: "count", value: 0, requirement: "must be ≥ 1")) {
            try Lasso().path(prob.x, prob.y, count: 0)
        }
        #expect(throws: RegressionError.invalidParameter(name: "epsilon", value: 1.5, requirement: "must lie in (0, 1)")) {
            try Lasso().path(prob.x, prob.y, epsilon: 1.5)
        }
    }

    @Test func diabetesPathMatchesScikitLearnPathPoints() throws {
        // The enet_path points of sklearn_reference.csv (r = 0.8, 5 alphas) in one path call.
        let refs = try CDFixtures.sklearn().filter { $0.dataset == "diabetes" && $0.caseName.hasPrefix("path_") }
        #expect(refs.count == 5)
        let (x, y) = try CDFixtures.dataset("diabetes")
        let path = try ElasticNet(l1Ratio: 0.8, tolerance: 1e-12).path(x, y, alphas: refs.map(\.alpha))
        for (k, ref) in refs.enumerated() {
            let scale = max(1, ref.coefficients.map(abs).max()!)
            #expect(CDTestSupport.maxAbsDifference(path.coefficients[k], ref.coefficients) < 1e-6 * scale)
            #expect(abs(path.intercepts[k] - ref.intercept) < 1e-6 * max(1, abs(ref.intercept)))
        }
    }
}
