import Testing
@testable import RidgeLasso

@Suite struct GradientRandomSourceTests {
    /// SplitMix64's published first outputs for seed 0 (Vigna's reference implementation).
    @Test func matchesReferenceOutputs() {
        var rng = GradientRandomSource(seed: 0)
        #expect(rng.next() == 0xE220_A839_7B1D_CDAF)
        #expect(rng.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(rng.next() == 0x06C4_5D18_8009_454F)
    }

    @Test func uniformsLieInTheUnitInterval() {
        var rng = GradientRandomSource(seed: 99)
        var sum = 0.0
        for _ in 0..<10_000 {
            let u = rng.nextUniform()
            #expect(u >= 0 && u < 1)
            sum += u
        }
        #expect(abs(sum / 10_000 - 0.5) < 0.02)
    }
}
