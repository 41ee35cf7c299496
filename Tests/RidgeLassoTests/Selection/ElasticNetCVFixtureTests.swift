import Testing
import LinearAlgebra
@testable import RidgeLasso

@Suite("LassoCV / ElasticNetCV against scikit-learn (Fixtures/cv/lassocv.json)")
struct ElasticNetCVFixtureTests {
    @Test("mse_path_ per fold, the default grid, the chosen α and the refit match scikit-learn")
    func matchesScikitLearn() throws {
        let file = try CVFixtures.load("lassocv", as: CVFixtures.LassoFile.self)
        #expect(file.cases.count == 3)
        for c in file.cases {
            let x = try Matrix(rows: c.x)
            for fit in c.fits {
                // Same folds (PredefinedSplit ↔ .given) and the default grid computed here.
                let r = try ElasticNetCV(l1Ratios: [fit.l1Ratio], alphaCount: fit.alphas.count,
                                         folds: .given(c.foldIDs), tolerance: 1e-12).fit(x, c.y)
                for k in fit.alphas.indices {
                    #expect(cvRelativeDifference(r.curve.alphas[k], fit.alphas[k]) < 1e-12, "\(c.name) grid")
                }
                var worst = 0.0
                for f in fit.msePath.indices {
                    for k in fit.alphas.indices {
                        worst = max(worst, cvRelativeDifference(r.curve.foldErrors![f][k], fit.msePath[f][k]))
                    }
                }
                // The duality gap certifies P(w) − P* only; for the elastic net that bounds
                // ‖w − w*‖ ≤ √(2·gap/(α(1 − r))), looser than for the lasso paths here (measured
                // at tolerance 1e-12: lasso ≤ 2e-9, elastic net ≤ 1.9e-6).
                let bound = fit.l1Ratio == 1 ? 1e-8 : 5e-6
                #expect(worst < bound, "\(c.name), r = \(fit.l1Ratio): worst relative difference \(worst)")
                #expect(r.allConverged)
                #expect(r.alpha == r.curve.alphas[r.curve.indexOfMinimum])
                #expect(cvRelativeDifference(r.alpha, fit.alpha) < 1e-12, "\(c.name)")
                #expect(cvMaxDifference(r.coefficients, fit.coefficients) < 1e-6, "\(c.name)")
                #expect(abs(r.intercept - fit.intercept) < 1e-6, "\(c.name)")
            }
        }
    }
}
