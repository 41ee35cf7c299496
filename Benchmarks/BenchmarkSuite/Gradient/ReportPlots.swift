import RidgeLassoPlots

/// The SVG plots of a run: error against time for each problem, and the L2-vs-weight-decay picture.
public enum ReportPlots {
    /// (file name, chart) pairs.
    public static func charts(for results: BenchmarkResults) -> [(String, LineChart)] {
        var charts: [(String, LineChart)] = []
        for problem in results.problems {
            let ridge = problem.kind == .ridge
            var chart = LineChart(
                title: "\(problem.description)", xLabel: "wall time (seconds)",
                yLabel: ridge ? "relative coefficient error ‖w − w*‖/‖w*‖" : "relative suboptimality (P − P*)/P*",
                xScale: .log10, yScale: .log10)
            chart.width = 880
            for method in problem.methods {
                switch method.family {
                case "gradient", "stochastic":
                    chart.addSeries(name: method.method, x: method.trace.map(\.seconds), y: method.trace.map(\.error),
                                    dashed: method.family == "stochastic")
                default:
                    chart.addVerticalMarker(x: method.seconds, label: method.method)
                }
            }
            charts.append(("error-vs-time-\(problem.name).svg", chart))
        }
        if let decay = results.weightDecay {
            var chart = LineChart(title: "L2 vs decoupled weight decay: SGD (identical) and Adam (different)",
                                  xLabel: "epoch", yLabel: "relative error vs ridge solution (α = nλ)",
                                  xScale: .linear, yScale: .log10)
            chart.width = 880
            let colors = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728"]
            for (k, curve) in decay.curves.enumerated() {
                chart.addSeries(name: curve.method, x: curve.epochs, y: curve.relativeError,
                                dashed: k == 1, color: colors[k % colors.count])
            }
            charts.append(("weight-decay.svg", chart))
        }
        return charts
    }
}
