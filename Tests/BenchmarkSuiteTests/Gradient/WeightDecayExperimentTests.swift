import Testing
@testable import BenchmarkSuite

@Suite struct WeightDecayExperimentTests {
    /// SGD curves coincide; Adam + L2 ends near the ridge solution, AdamW does not.
    @Test func sgdCurvesCoincideAdamCurvesDoNot() throws {
        let result = try WeightDecayExperiment(n: 1_000, p: 12, epochs: 40).run()
        #expect(result.curves.map(\.method) == ["SGD + L2", "SGD + weight decay", "Adam + L2", "AdamW"])
        #expect(result.sgdLargestDifference < 1e-13)
        let sgdL2 = result.curves[0].relativeError, sgdDecay = result.curves[1].relativeError
        for (a, b) in zip(sgdL2, sgdDecay) { #expect(abs(a - b) <= 1e-12 * max(a, 1e-3)) }
        let adamL2 = try #require(result.curves[2].relativeError.last)
        let adamW = try #require(result.curves[3].relativeError.last)
        #expect(adamL2 < adamW / 3, "Adam + L2 \(adamL2), AdamW \(adamW)")
        #expect(result.adamRelativeDifference > 0.05)
        #expect(result.curves[0].epochs.last == 40)
    }
}
