import RidgeLasso
import RidgeLassoPlots

/// The classic coefficient-path picture: each coefficient wⱼ(α) against α on a log axis (large
/// α on the left, where every coefficient is 0), one labelled line per feature.
enum PathPlot {
    /// The standalone SVG document for `path`. Points at α = 0 cannot be placed on a log axis
    /// and are left out of the lines.
    static func svg(path: ElasticNetPath, features: [String], model: ModelKind, target: String) -> String {
        let title = model == .lasso
            ? "Lasso path of \(target)"
            : "Elastic-net path of \(target) (l1 ratio \(path.l1Ratio))"
        var chart = LineChart(title: title, xLabel: "α (log scale)", yLabel: "coefficient", xScale: .log10)
        chart.labelsLineEnds = true
        for (j, name) in features.enumerated() {
            chart.addSeries(name: name, x: path.alphas, y: path.coefficients.map { j < $0.count ? $0[j] : .nan })
        }
        return chart.svg()
    }
}
