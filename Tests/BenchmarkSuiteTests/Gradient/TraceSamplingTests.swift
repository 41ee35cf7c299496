import RidgeLasso
import Testing
@testable import BenchmarkSuite

@Suite struct TraceSamplingTests {
    @Test func thinsEvenlyInLogTimeKeepingTheEnds() {
        let history = (0..<5_000).map {
            GradientHistoryPoint(iteration: $0, seconds: 1e-4 * Double($0), objective: nil, dualityGap: nil,
                                 error: 1 / Double($0 + 1))
        }
        let trace = TraceSampling.trace(history, error: \.error, limit: 100)
        #expect(trace.count <= 101 && trace.count > 50)
        #expect(trace.first?.seconds == 1e-4)  // t = 0 cannot go on a log axis
        #expect(trace.last?.seconds == history.last?.seconds)
        let times = TraceSampling.timeToAccuracy(history, error: \.error)
        #expect(times.map(\.target) == [1e-2, 1e-4, 1e-6, 1e-8])
        #expect(abs((times[0].seconds ?? 0) - 0.0099) < 1e-12)  // error 1/100 at iteration 99
        #expect(times[1].seconds == nil && times[3].seconds == nil)
    }
}
