import LinearAlgebra
import RidgeLasso
import Testing
import _TestSupport

/// The README's "Use from Swift" example, call for call, on seeded data: it must compile and
/// its results must agree with each other, so the README cannot rot.
@Suite("README example")
struct ReadmeExampleTests {
    @Test("every call in the README runs and the results agree")
    func readme() throws {
        var g = SplitMix64(seed: 2026)
        var rowsOfFeatures: [[Double]] = []
        var response: [Double] = []
        for _ in 0..<60 {
            let row: [Double] = (0..<4).map { _ in 2 * g.uniform() - 1 }
            let noise: Double = 0.1 * (g.uniform() - 0.5)
            rowsOfFeatures.append(row)
            response.append(3 * row[0] - 2 * row[2] + noise)
        }

        let x = try Matrix(rows: rowsOfFeatures)
        let y: [Double] = response

        let ridge = try Ridge(alpha: 1).fit(x, y)
        let many = try Ridge().fit(x, y, alphas: [0.01, 0.1, 1, 10])
        #expect(ridge.solverUsed == RidgeSolver.cholesky)
        for j in 0..<4 { #expect(abs(many[2].coefficients[j] - ridge.coefficients[j]) < 1e-12) }

        let lasso = try Lasso(alpha: 0.1).fit(x, y)
        #expect(lasso.converged && lasso.dualityGap >= 0 && lasso.iterations > 0)
        // α = 0.1 removes the irrelevant features 1 and 3 and keeps the signs of 0 and 2.
        #expect(lasso.coefficients[1] == 0 && lasso.coefficients[3] == 0)
        #expect(lasso.coefficients[0] > 2 && lasso.coefficients[2] < -1)

        let path = try ElasticNet(l1Ratio: 0.5).path(x, y)
        #expect(path.alphas.count == 100)
        #expect(path.coefficients[0].allSatisfy { $0 == 0 })

        let loo = try RidgeCV(alphas: RidgeCV.logarithmicGrid(minimum: 1e-3, maximum: 1e3, count: 50)).fit(x, y)
        let cv = try LassoCV(folds: .shuffled(count: 5, seed: 1), rule: .oneStandardError).fit(x, y)
        #expect(loo.alpha < 10)   // a strong linear signal wants little shrinkage
        #expect(cv.alphaOneStandardError >= cv.alphaMin)

        let predictions = try ridge.predict(x)
        var residual = 0.0
        for i in 0..<60 { residual += (predictions[i] - y[i]) * (predictions[i] - y[i]) / 60 }
        #expect(residual < 0.05)
    }
}
