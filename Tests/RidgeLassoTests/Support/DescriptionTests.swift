import LinearAlgebra
import RidgeLasso
import Testing
import _TestSupport

/// `print(model)`: one line with the fitted numbers themselves, not a struct dump.
@Suite("Model descriptions")
struct DescriptionTests {
    @Test("lasso and elastic net: objective, α, nonzeros, convergence and gap, as the model holds them")
    func elasticNet() throws {
        let (x, y) = try Datasets.diabetes()
        let lasso = try Lasso(alpha: 0.5).fit(x, y)
        let nonzero = lasso.coefficients.filter { $0 != 0 }.count
        #expect(lasso.description == "lasso (α = 0.5): objective \(lasso.objective), \(nonzero) of 10 coefficients nonzero, "
            + "converged, duality gap \(lasso.dualityGap), \(lasso.iterations) iterations, intercept \(lasso.intercept)")
        #expect(nonzero > 0)
        let net = try ElasticNet(alpha: 0.5, l1Ratio: 0.3, maximumIterations: 1).fit(x, y)
        #expect(!net.converged)
        #expect(net.description.hasPrefix("elastic net (α = 0.5, l1 ratio 0.3): objective \(net.objective), "))
        #expect(net.description.contains("NOT converged, duality gap \(net.dualityGap), 1 iteration, "))
    }

    @Test("ridge: α, the solver used, nonzeros, intercept and conditioning")
    func ridge() throws {
        let (x, y) = try Datasets.diabetes()
        let ridge = try Ridge(alpha: 2, solver: .svd).fit(x, y)
        let rcond = try #require(ridge.reciprocalCondition)
        #expect(ridge.description == "ridge (α = 2.0, solver svd): 10 of 10 coefficients nonzero, "
            + "intercept \(ridge.intercept), rank 10, reciprocal condition \(rcond)")
    }

    @Test("cross-validation results: the criterion, the chosen α among the grid, and the refit model")
    func crossValidation() throws {
        let (x, y) = try Datasets.diabetes()
        let loo = try RidgeCV(alphas: [0.01, 0.1, 1, 10]).fit(x, y)
        let curve = loo.curve
        #expect(loo.description.hasPrefix("ridge CV (leave-one-out, rule min): α = \(loo.alpha) chosen among 4 α from "
            + "\(curve.alphas[0]) to \(curve.alphas[3]), α_min \(curve.alphaMin) (mean error \(curve.meanErrors[curve.indexOfMinimum]))"))
        #expect(loo.description.hasSuffix("; refit: \(loo.model.description)"))
        let cv = try LassoCV(alphaCount: 10, folds: .shuffled(count: 3, seed: 7)).fit(x, y)
        #expect(cv.description.hasPrefix("lasso CV (3 folds, rule min): α = \(cv.alpha) chosen among 10 α from "))
        #expect(cv.description.contains(cv.allConverged ? ", all paths converged; refit: " : ", NOT every path converged; refit: "))
        #expect(cv.description.hasSuffix(cv.model.description))
    }

    @Test("paths and gradient baselines: the grid, the sparsity range, convergence and the largest gap")
    func pathAndGradient() throws {
        let (x, y) = try Datasets.diabetes()
        let path = try Lasso().path(x, y, count: 20)
        let counts = path.nonzeroCounts
        #expect(path.description == "lasso path: 20 α from \(path.alphas[0]) to \(path.alphas[19]), "
            + "\(counts.min()!) to \(counts.max()!) coefficients nonzero, all converged, "
            + "largest duality gap \(path.dualityGaps.max()!)")
        #expect(counts.min() == 0 && path.allConverged)
        let fista = try ProximalGradientDescent.fista(alpha: 0.5).fit(x, y)
        let gap = try #require(fista.dualityGap)
        #expect(fista.description.hasPrefix("\(fista.method): objective \(fista.objective), "))
        #expect(fista.description.hasSuffix("after \(fista.iterations) iterations, duality gap \(gap), step \(fista.stepSize)"))
    }
}
