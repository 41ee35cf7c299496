import BenchmarkSuite
import Testing

/// The selection timings run end to end on small problems (no timing is asserted: speed is shown
/// by the release benchmark, not by tests).
@Suite("SelectionTiming")
struct SelectionTimingTests {
    @Test("ridge selection: every figure is measured and LOO and GCV choose from the grid")
    func ridge() throws {
        let t = try measureRidgeSelection(rows: 400, columns: 12, alphaCount: 6, repetitions: 1)
        #expect(t.rows == 400 && t.columns == 12 && t.alphaCount == 6)
        #expect([t.ridgeFitSeconds, t.leaveOneOutSeconds, t.generalizedCrossValidationSeconds,
                 t.leaveOneOutWithRefitSeconds, t.gcvWithRefitSeconds, t.ridgePathSeconds].allSatisfy { $0 > 0 && $0.isFinite })
        #expect(t.chosenAlphaLeaveOneOut > 0 && t.chosenAlphaGCV > 0)
        #expect(t.description.contains("exact LOO"))
    }

    @Test("lasso selection: identical results with 1 and 2 threads, α_1se ≥ α_min")
    func lasso() throws {
        let t = try measureLassoSelection(rows: 80, columns: 150, folds: 4, alphaCount: 12, threadCounts: [1, 2])
        #expect(t.crossValidationSeconds.count == 2 && t.pathSeconds > 0)
        #expect(t.identicalAcrossThreads && t.allConverged)
        #expect(t.alphaOneStandardError >= t.alphaMin && t.nonzeros > 0)
    }
}
