import RidgeLasso
import RidgeLassoPlots

/// The classic cross-validation picture: mean error ± one standard error against α on a log axis
/// (large α on the left), with α_min and α_1se marked.
enum CVPlot {
    /// The standalone SVG document for one curve per l1 ratio (label nil for a single curve).
    static func svg(curves: [(label: String?, curve: CrossValidationCurve)], model: ModelKind, target: String,
                    chosenAlpha: Double) -> String {
        let name = model == .ridge ? "Ridge" : model == .lasso ? "Lasso" : "Elastic net"
        var chart = LineChart(title: "\(name) cross-validation of \(target)", xLabel: "α (log scale)",
                              yLabel: "mean squared error", xScale: .log10)
        for (k, item) in curves.enumerated() {
            let c = item.curve
            let color = LineChart.palette[k % LineChart.palette.count]
            if let se = c.standardErrors {
                chart.addBand(name: item.label.map { "± 1 SE (\($0))" } ?? "± 1 standard error", x: c.alphas,
                              lower: zip(c.meanErrors, se).map { $0 - $1 },
                              upper: zip(c.meanErrors, se).map { $0 + $1 }, color: color)
            }
            chart.addSeries(name: item.label ?? "mean error", x: c.alphas, y: c.meanErrors, color: color)
        }
        if let best = curves.first(where: { $0.curve.alphas.contains(chosenAlpha) })?.curve ?? curves.first?.curve {
            chart.addVerticalMarker(x: best.alphaMin, label: "α_min")
            if let a = best.alphaOneStandardError, a != best.alphaMin {
                chart.addVerticalMarker(x: a, label: "α_1se")
            }
        }
        return chart.svg()
    }
}
