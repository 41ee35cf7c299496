import Testing
@testable import RidgeLasso

@Suite struct GradientOptionsValidationTests {
    @Test func acceptsAndRejects() {
        #expect(throws: Never.self) { try GradientOptionsValidation.maximumSeconds(nil) }
        #expect(throws: Never.self) { try GradientOptionsValidation.maximumSeconds(0.5) }
        #expect(throws: RegressionError.invalidParameter(name: "maximumSeconds", value: -1, requirement: "must be finite and > 0")) {
            try GradientOptionsValidation.maximumSeconds(-1)
        }
        #expect(throws: RegressionError.self) { try GradientOptionsValidation.maximumSeconds(.infinity) }
        #expect(throws: RegressionError.self) { try GradientOptionsValidation.historyInterval(-1) }
        #expect(throws: Never.self) { try GradientOptionsValidation.historyInterval(0) }
        #expect(throws: RegressionError.self) { try GradientOptionsValidation.positive(0, name: "epochs") }
        #expect(throws: RegressionError.self) { try GradientOptionsValidation.positive(Double.nan, name: "learningRate") }
        #expect(throws: RegressionError.self) { try GradientOptionsValidation.decayRate(1, name: "beta1") }
        #expect(throws: Never.self) { try GradientOptionsValidation.decayRate(0, name: "beta1") }
    }
}
