import Testing
@testable import BenchmarkSuite

@Suite struct ReportPlotsTests {
    @Test func oneLinePerIterativeMethodAndAMarkerPerExactOne() {
        func method(_ name: String, _ family: String) -> MethodResult {
            MethodResult(method: name, family: family, seconds: 0.5, repeats: 1, iterations: 3, converged: true,
                         relativeError: 1e-3, relativeSuboptimality: nil, dualityGap: nil, timeToAccuracy: [],
                         trace: [TracePoint(seconds: 0.1, error: 1), TracePoint(seconds: 0.5, error: 1e-3)], note: nil)
        }
        let problem = ProblemResult(name: "p", kind: .ridge, description: "d", n: 1, p: 1, alpha: 1, reference: "r",
                                    referenceObjective: nil,
                                    methods: [method("closed form", "exact"), method("GD", "gradient"), method("SGD", "stochastic")],
                                    comparisons: [])
        let results = BenchmarkResults(machine: .current(), scale: .tiny, budgetSeconds: 1, repeats: 1, problems: [problem],
                                       weightDecay: nil)
        let charts = ReportPlots.charts(for: results)
        #expect(charts.map(\.0) == ["error-vs-time-p.svg"])
        let chart = charts[0].1
        #expect(chart.series.map(\.name) == ["GD", "SGD"])
        #expect(chart.series.map(\.dashed) == [false, true])
        #expect(chart.markers.map(\.label) == ["closed form"])
    }
}
