import LinearAlgebra
import Testing
@testable import RidgeLasso

/// The solver's settings as one value: held by ElasticNet, reached through Lasso and the CV models.
@Suite struct CoordinateDescentSettingsTests {
    @Test("every knob reads and writes as a member of ElasticNet and Lasso, and lands in the one value")
    func knobsAreMembers() {
        var net = ElasticNet(alpha: 0.1, l1Ratio: 0.7)
        #expect(net.settings == CoordinateDescentSettings())
        net.tolerance = 1e-9
        net.screening = false
        net.singlePrecisionChecks = false
        #expect(net.settings.tolerance == 1e-9 && !net.settings.screening && !net.settings.singlePrecisionChecks)
        #expect(net.settings.acceleration && net.settings.singlePrecisionGram)

        var lasso = Lasso(alpha: 0.2, positive: true, acceleration: false, singlePrecisionGram: false)
        #expect(lasso.elasticNet.l1Ratio == 1 && lasso.elasticNet.alpha == 0.2 && lasso.elasticNet.positive)
        #expect(!lasso.acceleration && !lasso.settings.singlePrecisionGram && lasso.singlePrecisionChecks)
        lasso.maximumIterations = 7
        lasso.alpha = 0.3
        #expect(lasso.elasticNet.settings.maximumIterations == 7 && lasso.elasticNet.alpha == 0.3)
        let same = Lasso(alpha: 0.3, positive: true, settings: lasso.settings)
        #expect(same.elasticNet.settings == lasso.elasticNet.settings && same.elasticNet.l1Ratio == 1)
    }

    @Test("Lasso is its ElasticNet with r = 1: the same fit, bit for bit")
    func lassoWrapsElasticNet() throws {
        let prob = CDTestSupport.problem(n: 80, p: 30, seed: 41)
        let amax = try Lasso.alphaMax(prob.x, prob.y)
        let lasso = try Lasso(alpha: amax / 20, tolerance: 1e-10, updateScheme: .naive).fit(prob.x, prob.y)
        let net = try ElasticNet(alpha: amax / 20, l1Ratio: 1, tolerance: 1e-10, updateScheme: .naive).fit(prob.x, prob.y)
        #expect(lasso == net)
    }

    /// ElasticNetCV used to copy six fields and drop the speed switches; it now holds the model, so
    /// switching the machinery off changes the sweeps of every path but not the certified answers.
    @Test("cross-validation keeps the model's speed switches")
    func crossValidationKeepsTheSwitches() throws {
        let prob = CDTestSupport.problem(n: 60, p: 40, seed: 43)
        let plain = ElasticNet(tolerance: 1e-10, screening: false, activeSetCycling: false, acceleration: false)
        let cv = ElasticNetCV(model: plain, l1Ratios: [0.3, 0.9], alphaCount: 12, folds: .shuffled(count: 3, seed: 1))
        let estimator = cv.estimator(l1Ratio: 0.3)
        #expect(estimator.settings == plain.settings && estimator.l1Ratio == 0.3)
        var fast = cv
        fast.model.settings = CoordinateDescentSettings(tolerance: 1e-10)
        let slow = try cv.fit(prob.x, prob.y), quick = try fast.fit(prob.x, prob.y)
        #expect(slow.allConverged && quick.allConverged)
        // Both certify a relative suboptimality ≤ 1e-10 at every α: the objectives agree to 2e-10.
        for (a, b) in zip(slow.fullPaths, quick.fullPaths) {
            for (pa, pb) in zip(a.objectives, b.objectives) { #expect(abs(pa - pb) <= 2e-10 * max(pa, pb)) }
        }
        let sweeps = { (r: ElasticNetCVResult) in r.fullPaths.map { $0.iterations.reduce(0, +) } }
        #expect(sweeps(slow) != sweeps(quick))   // the switches reached the paths

        let lasso = Lasso(tolerance: 1e-9, screening: false)
        #expect(LassoCV(model: lasso).elasticNetCV.model.settings == lasso.settings)
    }

    @Test("the sweep's proximal step is S(z, λ)/(d + μ), exactly 0 for a zero denominator",
          arguments: [false, true])
    func proximalStepIsTheSoftThreshold(positive: Bool) {
        let values = [-3.0, -1.5, -1.0, -0.25, 0, 0.25, 1.0, 1.5, 3.0]
        for z in values {
            for (d, mu) in [(2.0, 0.0), (0.5, 0.75), (0.0, 0.0)] {
                let expected = d + mu > 0 ? softThreshold(z, 1.0, positive: positive) / (d + mu) : 0
                let step = ElasticNetPenalty.prox(z, curvature: d, l1: 1.0, l2: mu, positive: positive)
                #expect(step == expected, "z \(z) d \(d) μ \(mu)")
            }
        }
    }

    @Test("each solver names what its tolerance measures, and no two name the same thing")
    func stoppingCriteria() {
        let named = [CoordinateDescentSettings.stoppingCriterion, ProximalGradientDescent.stoppingCriterion,
                     RidgeGradientDescent.stoppingCriterion, StochasticGradientDescent.stoppingCriterion]
        #expect(Set(named).count == 4)
        #expect(Adam.stoppingCriterion == StochasticGradientDescent.stoppingCriterion)
        #expect(CoordinateDescentSettings.stoppingCriterion == .relativeSuboptimality)
    }
}
