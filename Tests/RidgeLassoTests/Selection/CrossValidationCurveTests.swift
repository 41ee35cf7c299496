import Testing
@testable import RidgeLasso

@Suite("CrossValidationCurve: glmnet's mean, standard error, α_min and α_1se")
struct CrossValidationCurveTests {
    @Test("equal folds: plain mean and sample sd/√K; α_1se is the largest α within one SE")
    func equalFolds() {
        let alphas = [8.0, 4, 2, 1, 0.5]
        let folds: [[Double]] = [[9, 5, 3.0, 2.0, 2.6], [9, 6, 3.4, 2.6, 2.8], [10, 5.5, 3.2, 2.2, 3.0]]
        let c = CrossValidationCurve(alphas: alphas, foldErrors: folds, foldWeights: [4, 4, 4])
        #expect(abs(c.meanErrors[3] - 6.8 / 3) < 1e-14)
        // (2.0, 2.6, 2.2): mean 2.2667, squared deviations sum to 0.18667, sample sd = √(0.18667/2).
        let sd = (0.186666666666666666 / 2).squareRoot()
        #expect(abs(c.standardErrors![3] - sd / 3.0.squareRoot()) < 1e-14)
        #expect(c.indexOfMinimum == 3 && c.alphaMin == 1)
        // bound = 2.2667 + 0.1764 = 2.443: α = 0.5 (2.8) is out, α = 2 (3.2) is out → α_1se = α_min.
        #expect(c.alphaOneStandardError == 1)
        #expect(c.alpha(for: .oneStandardError) >= c.alpha(for: .minimum))
    }

    @Test("α_1se moves to a larger α when its mean is within one SE")
    func oneSE() {
        let c = CrossValidationCurve(alphas: [3, 2, 1], meanErrors: [5, 1.05, 1.0], standardErrors: [0.1, 0.1, 0.1])
        #expect(c.alphaMin == 1 && c.alphaOneStandardError == 2)
        let none = CrossValidationCurve(alphas: [3, 2, 1], meanErrors: [5, 1.05, 1.0], standardErrors: nil)
        #expect(none.alphaOneStandardError == nil && none.alpha(for: .oneStandardError) == 1)
    }

    @Test("unequal folds are weighted by their total sample weight")
    func weighted() {
        let c = CrossValidationCurve(alphas: [1], foldErrors: [[1], [4]], foldWeights: [3, 1])
        #expect(c.meanErrors[0] == 1.75)
        // Σ W (e − m)² / ΣW / (K − 1) = (3·0.5625 + 1·5.0625)/4/1 = 1.6875
        #expect(abs(c.standardErrors![0] - 1.6875.squareRoot()) < 1e-15)
    }
}
