import Testing
@testable import RidgeLasso

@Suite struct WeightRegularizationTests {
    @Test func ridgeLambdaOfEachKind() {
        #expect(WeightRegularization.none.ridgeLambda(learningRate: 0.1) == 0)
        #expect(WeightRegularization.l2(0.3).ridgeLambda(learningRate: 0.1) == 0.3)
        #expect(abs(WeightRegularization.decoupledWeightDecay(0.03).ridgeLambda(learningRate: 0.1) - 0.3) < 1e-15)
    }

    @Test func validation() {
        #expect(throws: RegressionError.self) { try WeightRegularization.l2(-1).validate() }
        #expect(throws: RegressionError.self) { try WeightRegularization.l2(.nan).validate() }
        #expect(throws: RegressionError.self) { try WeightRegularization.decoupledWeightDecay(-0.1).validate() }
        #expect(throws: Never.self) { try WeightRegularization.decoupledWeightDecay(0.5).validate() }
    }
}
