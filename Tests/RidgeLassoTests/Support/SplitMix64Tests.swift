import Testing
import RidgeLasso

@Suite("SplitMix64")
struct SplitMix64Tests {
    @Test("seed 0 gives the published reference outputs (Vigna's splitmix64.c)")
    func reference() {
        var g = SplitMix64(seed: 0)
        #expect(g.next() == 0xE220_A839_7B1D_CDAF)
        #expect(g.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(g.next() == 0x06C4_5D18_8009_454F)
    }

    @Test("nextUniform() lies in [0, 1) with mean 1/2")
    func uniform() {
        var g = SplitMix64(seed: 99)
        var sum = 0.0
        for _ in 0..<10_000 {
            let u = g.nextUniform()
            #expect(u >= 0 && u < 1)
            sum += u
        }
        // The mean of 10 000 uniforms has standard deviation 0.0029: 0.02 is about 7σ.
        #expect(abs(sum / 10_000 - 0.5) < 0.02)
    }

    @Test("nextIndex(below:) stays in range and covers it evenly")
    func bounded() {
        var g = SplitMix64(seed: 9)
        var counts = [Int](repeating: 0, count: 7)
        for _ in 0..<70_000 { counts[g.nextIndex(below: 7)] += 1 }
        // Each count is Binomial(70 000, 1/7): σ ≈ 93, so 500 is about 5σ.
        #expect(counts.allSatisfy { abs($0 - 10_000) < 500 })
        #expect(g.nextIndex(below: 1) == 0)
    }
}
