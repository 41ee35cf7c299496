import Testing
import LinearAlgebra
@testable import RidgeLasso

@Suite struct StandardizationTests {
    @Test func weightsAreFactorTimesScale() throws {
        let x = try Matrix(columns: [[1, 3, 5, 7], [2, 2, 2, 6]])
        let d = try PreparedDesign(x, [1, 2, 3, 4], weights: nil, fitIntercept: true)
        let (a, b) = try Standardization.penaltyWeights(design: d, factors: [2, 0.5], standardize: true)
        // 1/n standard deviations: √5 and √3.
        #expect(abs(a[0] - 2 * 5.0.squareRoot()) < 1e-14)
        #expect(abs(b[0] - 2 * 5) < 1e-13)
        #expect(abs(a[1] - 0.5 * 3.0.squareRoot()) < 1e-14)
        let plain = try Standardization.penaltyWeights(design: d, factors: nil, standardize: false)
        #expect(plain.l1 == [1, 1] && plain.l2 == [1, 1])
    }

    @Test func standardizedFitEqualsFitOnScaledColumns() throws {
        let prob = CDTestSupport.problem(n: 80, p: 8, seed: 11)
        let d = try PreparedDesign(prob.x, prob.y, weights: nil, fitIntercept: true)
        let scales = Standardization.scales(d)
        var scaled = prob.x
        for j in 0..<8 { for i in 0..<80 { scaled[i, j] = prob.x[i, j] / scales[j] } }
        let model = ElasticNet(alpha: 0.05, l1Ratio: 0.6, tolerance: 1e-12)
        var standardized = model
        standardized.standardize = true
        let a = try standardized.fit(prob.x, prob.y)
        let b = try model.fit(scaled, prob.y)
        for j in 0..<8 { #expect(abs(a.coefficients[j] - b.coefficients[j] / scales[j]) < 1e-9) }
        #expect(abs(a.intercept - b.intercept) < 1e-9)
    }

    /// glmnet's rule: a constant column has no scale and gets the coefficient 0; the other
    /// coefficients are those of the fit without it (centered, the column is exactly zero).
    @Test(arguments: [1.0, 0.5])
    func constantColumnUnderStandardizationHasCoefficientZero(l1Ratio: Double) throws {
        let x = try Matrix(columns: [[1, 2, 3, 5], [4, 4, 4, 4], [0.5, -1, 2, 0]])
        let y: [Double] = [1, 2, 3, 2.5]
        let settings = ElasticNet(alpha: 0.1, l1Ratio: l1Ratio, standardize: true, tolerance: 1e-12)
        let with = try settings.fit(x, y)
        let without = try settings.fit(x.selectingColumns([0, 2]), y)
        #expect(with.coefficients[1] == 0)
        #expect(abs(with.coefficients[0] - without.coefficients[0]) <= 1e-12 * abs(without.coefficients[0]))
        #expect(abs(with.coefficients[2] - without.coefficients[1]) <= 1e-12 * abs(without.coefficients[1]))
        #expect(abs(with.intercept - without.intercept) <= 1e-12 * abs(without.intercept))
        #expect(with.converged)
    }
}
