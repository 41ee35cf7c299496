import Testing
import LinearAlgebra
@testable import RidgeLasso

@Suite("RidgeCV against scikit-learn's RidgeCV (Fixtures/cv/ridgecv.json)")
struct RidgeCVFixtureTests {
    @Test("chosen α, every per-sample LOO error, coefficients and intercept match scikit-learn")
    func matchesScikitLearn() throws {
        let file = try CVFixtures.load("ridgecv", as: CVFixtures.RidgeFile.self)
        #expect(file.cases.count == 5)
        for c in file.cases {
            let x = try Matrix(rows: c.x)
            let y = try Matrix(columns: c.y)
            let results = try RidgeCV(alphas: c.alphas, fitIntercept: c.fitIntercept,
                                      alphaPerTarget: c.y.count > 1, storeLeaveOneOutResiduals: true)
                .fit(x, targets: y, sampleWeights: c.weights)
            for (t, r) in results.enumerated() {
                #expect(r.alpha == c.alpha[t], "\(c.name), target \(t)")
                let loo = try #require(r.leaveOneOutResiduals)
                var worst = 0.0
                for i in 0..<x.rows {
                    for a in c.alphas.indices {
                        let ours = (c.weights?[i] ?? 1) * loo[i, a] * loo[i, a]
                        let theirs = c.squaredErrors[t][i][a]
                        worst = max(worst, abs(ours - theirs) / max(theirs, 1e-3))
                    }
                }
                #expect(worst < 1e-8, "\(c.name), target \(t): worst relative difference \(worst)")
                #expect(cvMaxDifference(r.coefficients, c.coefficients[t]) < 1e-8, "\(c.name)")
                #expect(abs(r.intercept - c.intercept[t]) < 1e-8, "\(c.name)")
                // scikit-learn's score is the unweighted mean of sᵢrᵢ²; ours divides by Σsᵢ instead.
                let n = Double(x.rows), total = c.weights?.reduce(0, +) ?? n
                for a in c.alphas.indices {
                    let sk = c.squaredErrors[t].reduce(0.0) { $0 + $1[a] } / n
                    #expect(cvRelativeDifference(r.curve.meanErrors[a] * total / n, sk) < 1e-8)
                }
            }
        }
    }
}
