import Testing
import LinearAlgebra
@testable import RidgeLasso

@Suite struct LassoTests {
    @Test func lassoIsElasticNetWithRatioOne() throws {
        let prob = CDTestSupport.problem(n: 70, p: 30, rho: 0.5, seed: 31)
        let weights = CDTestSupport.weights(70, seed: 2)
        let lasso = Lasso(alpha: 0.03, tolerance: 1e-12, positive: true)
        #expect(lasso.elasticNet.l1Ratio == 1)
        let a = try lasso.fit(prob.x, prob.y, sampleWeights: weights)
        let b = try ElasticNet(alpha: 0.03, l1Ratio: 1, tolerance: 1e-12, positive: true).fit(prob.x, prob.y, sampleWeights: weights)
        #expect(a == b)
        let pa = try lasso.path(prob.x, prob.y, count: 10)
        let pb = try ElasticNet(l1Ratio: 1, tolerance: 1e-12, positive: true).path(prob.x, prob.y, count: 10)
        #expect(pa == pb)
        #expect(try Lasso.alphaMax(prob.x, prob.y) == ElasticNet.alphaMax(prob.x, prob.y, l1Ratio: 1))
    }

    @Test func elasticNetConvergesToLassoAsRatioTendsToOne() throws {
        let prob = CDTestSupport.problem(n: 50, p: 12, seed: 32)
        let lasso = try Lasso(alpha: 0.02, tolerance: 1e-12).fit(prob.x, prob.y)
        let near = try ElasticNet(alpha: 0.02, l1Ratio: 1 - 1e-9, tolerance: 1e-12).fit(prob.x, prob.y)
        #expect(CDTestSupport.maxAbsDifference(lasso.coefficients, near.coefficients) < 1e-7)
    }
}
