import Testing
@testable import BenchmarkSuite

@Suite struct BenchmarkRandomTests {
    @Test func reproducibleWithSensibleMoments() {
        var a = BenchmarkRandom(seed: 1), b = BenchmarkRandom(seed: 1), c = BenchmarkRandom(seed: 2)
        #expect(a.next() == b.next())
        #expect(a.next() != c.next())
        var rng = BenchmarkRandom(seed: 3)
        let n = 200_000
        var sum = 0.0, sum2 = 0.0
        for _ in 0..<n { let g = rng.gaussian(); sum += g; sum2 += g * g }
        #expect(abs(sum / Double(n)) < 0.01)
        #expect(abs(sum2 / Double(n) - 1) < 0.01)
    }
}
