import Testing
@testable import RidgeLasso

@Suite struct GradientHistoryTests {
    @Test func secondsToReachIsTheFirstCrossing() {
        let points = [(0.0, 1.0), (0.5, 1e-2), (1.0, 1e-3), (1.5, 1e-2), (2.0, 1e-7)].enumerated().map {
            GradientHistoryPoint(iteration: $0.offset, seconds: $0.element.0, objective: 0, dualityGap: nil, error: $0.element.1)
        }
        #expect(points.secondsToReach(1e-2, by: \.error) == 0.5)
        #expect(points.secondsToReach(1e-3, by: \.error) == 1.0)
        #expect(points.secondsToReach(1e-6, by: \.error) == 2.0)
        #expect(points.secondsToReach(1e-8, by: \.error) == nil)
        #expect(points.secondsToReach(1, by: \.dualityGap) == nil)
    }

    /// A monitored run records the monitor's values, with non-decreasing times.
    @Test func recordedRunCarriesMonitorValues() throws {
        let (x, y) = GradientTestData.problem(n: 50, p: 4, seed: 61)
        let exact = try GradientTestData.exactRidge(x, y, alpha: 1)
        let fit = try RidgeGradientDescent(alpha: 1, tolerance: 1e-12, historyInterval: 5).fit(x, y) { w, _ in
            GradientTestData.relativeError(w, exact.w)
        }
        #expect(fit.history.first?.iteration == 0)
        #expect(fit.history.first?.error == 1)  // w₀ = 0
        #expect(fit.history.allSatisfy { $0.error != nil })
        #expect(zip(fit.history, fit.history.dropFirst()).allSatisfy { $0.seconds <= $1.seconds })
        #expect((fit.history.last?.error ?? 1) < 1e-9)
        #expect(fit.history.dropFirst().dropLast().allSatisfy { $0.iteration % 5 == 0 })
    }
}
