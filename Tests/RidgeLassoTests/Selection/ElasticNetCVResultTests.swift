import Testing
import LinearAlgebra
@testable import RidgeLasso

@Suite("ElasticNetCVResult: honest diagnostics")
struct ElasticNetCVResultTests {
    @Test("a path that runs out of sweeps is reported, not hidden, and nothing throws")
    func nonConvergence() throws {
        let (x, y) = cvProblem(rows: 40, columns: 30, seed: 6, noise: 1)
        let r = try LassoCV(alphaCount: 10, folds: .contiguous(count: 4), tolerance: 1e-14, maximumIterations: 1).fit(x, y)
        #expect(!r.allConverged)
        #expect(r.foldDiagnostics.count == 1 && r.foldDiagnostics[0].count == 4)
        let d = r.foldDiagnostics[0][0]
        #expect(d.converged.count == 10 && d.converged.contains(false))
        #expect(zip(d.converged, d.dualityGaps).allSatisfy { $0 || $1 > 0 })
        #expect(d.iterations.allSatisfy { $0 >= 1 })
    }

    @Test("the convenience accessors read the chosen ratio's curve and the refit model")
    func accessors() throws {
        let (x, y) = cvProblem(rows: 40, columns: 8, seed: 7, noise: 1)
        let r = try ElasticNetCV(l1Ratios: [0.5, 1], alphaCount: 10, folds: .contiguous(count: 4)).fit(x, y)
        #expect(r.curve == r.curves[r.indexOfChosenL1Ratio])
        #expect(r.alpha == r.curve.alphas[r.indexOfChosenAlpha] && r.alpha == r.alphaMin)
        #expect(r.l1Ratio == r.model.l1Ratio && r.alpha == r.model.alpha)
        #expect(r.coefficients == r.model.coefficients && r.intercept == r.model.intercept)
        #expect(r.fullPaths.count == 2 && r.fullPaths[r.indexOfChosenL1Ratio].alphas == r.curve.alphas)
        #expect(r.fullPaths[r.indexOfChosenL1Ratio].model(at: r.indexOfChosenAlpha) == r.model)
        #expect(try r.predict(x) == r.model.predict(x))
    }
}
