import Foundation
import RidgeLasso
import RidgeLassoPlots

/// The classic coefficient-path picture (as in scikit-learn's lasso-path example): each
/// coefficient wⱼ(α) against −log₁₀ α, so that α decreases to the right — from α_max, where every
/// coefficient is 0, to the least regularized fit — and each line's label sits at its right end,
/// where the lines are spread out. One line per feature, titled and labelled with its name.
enum PathPlot {
    /// The standalone SVG document for `path`. Points at α = 0 (−log α = ∞) cannot be placed
    /// and are left out of the lines.
    static func svg(path: ElasticNetPath, features: [String], model: ModelKind, target: String) -> String {
        let title = model == .lasso
            ? "Lasso path of \(target)"
            : "Elastic-net path of \(target) (l1 ratio \(path.l1Ratio))"
        var chart = LineChart(title: title, xLabel: "−log₁₀ α  (α decreasing →)", yLabel: "coefficient",
                              xScale: .linear)
        chart.labelsLineEnds = true
        let x = path.alphas.map { -log10($0) }   // +∞ at α = 0: not drawn
        for (j, name) in features.enumerated() {
            chart.addSeries(name: name, x: x, y: path.coefficients.map { j < $0.count ? $0[j] : .nan })
        }
        return chart.svg()
    }
}
