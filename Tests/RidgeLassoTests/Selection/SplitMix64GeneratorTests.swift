import Testing
@testable import RidgeLasso

@Suite("SplitMix64Generator")
struct SplitMix64GeneratorTests {
    @Test("seed 0 gives the published reference outputs")
    func reference() {
        // Vigna's splitmix64.c with x = 0: 0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4.
        var g = SplitMix64Generator(seed: 0)
        #expect(g.next() == 0xE220_A839_7B1D_CDAF)
        #expect(g.next() == 0x6E78_9E6A_A1B9_65F4)
    }

    @Test("nextIndex(below:) stays in range and covers it evenly")
    func bounded() {
        var g = SplitMix64Generator(seed: 9)
        var counts = [Int](repeating: 0, count: 7)
        for _ in 0..<70_000 { counts[g.nextIndex(below: 7)] += 1 }
        #expect(counts.allSatisfy { abs($0 - 10_000) < 500 })
        #expect(g.nextIndex(below: 1) == 0)
    }
}
