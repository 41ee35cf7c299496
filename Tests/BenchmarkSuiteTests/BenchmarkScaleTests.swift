import Testing
@testable import BenchmarkSuite

@Suite struct BenchmarkScaleTests {
    /// The full run has the problem sizes; quick and tiny are strictly smaller.
    @Test func sizes() {
        #expect(BenchmarkScale.full.ridgeShapes.map { [$0.n, $0.p] } == [[100_000, 500], [2_000, 10_000]])
        #expect(BenchmarkScale.full.lassoShapes.map { [$0.n, $0.p] } == [[100_000, 200], [1_000, 10_000]])
        for smaller in [BenchmarkScale.quick, .tiny] {
            for (a, b) in zip(smaller.ridgeShapes, BenchmarkScale.full.ridgeShapes) { #expect(a.n * a.p < b.n * b.p) }
            #expect(smaller.budgetSeconds < BenchmarkScale.full.budgetSeconds)
        }
    }

    @Test func machineDescriptionIsFilledIn() {
        let m = MachineDescription.current()
        #expect(m.cores >= 1)
        #expect(!m.cpu.isEmpty && !m.blas.isEmpty && !m.date.isEmpty)
    }
}
