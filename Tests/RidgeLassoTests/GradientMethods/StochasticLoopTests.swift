import LinearAlgebra
import Testing
@testable import RidgeLasso

@Suite struct StochasticLoopTests {
    /// The loop calls the update once per batch with a 1-based step counter, records one point
    /// every 3 steps (= per epoch here) plus the start, and judges `converged` by the full gradient at the end.
    @Test func stepsHistoryAndConvergenceFlag() throws {
        let (x, y) = GradientTestData.problem(n: 50, p: 3, seed: 81)
        let data = try GradientDesign(x, y, fitIntercept: true)
        let loop = StochasticLoop(data: data, lambda: 0, epochs: 4, batchSize: 20, seed: 1, tolerance: 1e-6,
                                  maximumSeconds: nil, historyInterval: 3)
        var counters: [Int] = []
        let idle = try loop.run(method: "idle", objectiveDescription: "", stepSize: 0, lipschitz: nil, monitor: nil) { _, _, k in
            counters.append(k)
        }
        #expect(counters == Array(1...12))  // 3 batches (20, 20, 10) × 4 epochs
        #expect(idle.history.map(\.iteration) == [0, 3, 6, 9, 12])
        #expect(!idle.converged)  // w stayed 0: the gradient did not shrink
        #expect(abs(idle.stoppingValue - 1) < 1e-12)
        // Jumping to the least-squares solution makes the full gradient vanish.
        let exact = try GradientTestData.exactRidge(x, y, alpha: 0)
        let jump = try loop.run(method: "jump", objectiveDescription: "", stepSize: 0, lipschitz: nil, monitor: nil) { w, _, _ in
            w = exact.w
        }
        #expect(jump.converged)
        #expect(jump.stoppingValue < 1e-9)
    }
}
