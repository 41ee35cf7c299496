import Foundation

/// A line chart written as a standalone SVG document, with no dependencies beyond Foundation.
///
/// One labelled line per series (in the legend and, optionally, at the line's right end),
/// optional shaded bands (e.g. a cross-validation mean ± 1 standard error), optional vertical
/// marker lines (e.g. the chosen α), linear or log₁₀ axes, a title and axis labels. All text is
/// XML-escaped, so the output is well-formed XML whatever the names contain.
///
/// Points that cannot be drawn — NaN, ±∞, or ≤ 0 on a log axis — are skipped and break the line.
/// Each series is one `<path>` element and each band one `<path>`; axes, ticks, legend swatches
/// and markers use `<line>`, `<rect>` and `<text>`.
///
/// ```swift
/// var chart = LineChart(title: "Error vs time", xLabel: "seconds", yLabel: "relative error",
///                       xScale: .log10, yScale: .log10)
/// chart.addSeries(name: "FISTA", x: times, y: errors)
/// try chart.svg().write(toFile: "error.svg", atomically: true, encoding: .utf8)
/// ```
public struct LineChart: Sendable {
    /// A labelled polyline.
    public struct Series: Sendable, Equatable {
        /// The legend label.
        public var name: String
        /// The abscissae, one per point.
        public var x: [Double]
        /// The ordinates, one per point.
        public var y: [Double]
        /// Drawn dashed (e.g. stochastic methods).
        public var dashed: Bool
        /// An SVG color; `nil` takes the next color of ``LineChart/palette``.
        public var color: String?
    }

    /// A shaded region between `lower` and `upper` over `x`.
    public struct Band: Sendable, Equatable {
        /// The legend label (`nil`: not in the legend).
        public var name: String?
        /// The abscissae, one per point.
        public var x: [Double]
        /// The lower edge, one value per point.
        public var lower: [Double]
        /// The upper edge, one value per point.
        public var upper: [Double]
        /// An SVG color; `nil` takes the next color of ``LineChart/palette``.
        public var color: String?
    }

    /// A vertical line at `x` with a label.
    public struct Marker: Sendable, Equatable {
        /// Where the line stands on the x axis.
        public var x: Double
        /// The text written beside it.
        public var label: String
    }

    /// The title above the plot.
    public var title: String
    /// The x axis label.
    public var xLabel: String
    /// The y axis label.
    public var yLabel: String
    /// Linear or log₁₀ x axis.
    public var xScale: AxisScale
    /// Linear or log₁₀ y axis.
    public var yScale: AxisScale
    /// Total size in pixels (defaults 760 × 480).
    public var width: Double = 760
    /// Total height in pixels (see ``width``).
    public var height: Double = 480
    /// Whether to draw the legend box (default true).
    public var showsLegend = true
    /// Whether to write each series' name at its last drawable point (default false; useful for
    /// coefficient paths with many lines).
    public var labelsLineEnds = false
    /// The lines, in the order added.
    public private(set) var series: [Series] = []
    /// The shaded bands, drawn under the lines.
    public private(set) var bands: [Band] = []
    /// The vertical markers.
    public private(set) var markers: [Marker] = []

    /// The Tableau-10 palette, cycled through by series in order.
    public static let palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                                 "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]

    /// An empty chart with a title, axis labels and axis scales.
    public init(title: String, xLabel: String, yLabel: String,
                xScale: AxisScale = .linear, yScale: AxisScale = .linear) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.xScale = xScale
        self.yScale = yScale
    }

    /// Adds a line through the points (x[i], y[i]); extra values of the longer array are ignored.
    /// `dashed` draws it dashed (so a line exactly on top of another stays visible); `color` is
    /// any SVG color, default the next palette color.
    public mutating func addSeries(name: String, x: [Double], y: [Double], dashed: Bool = false, color: String? = nil) {
        let k = min(x.count, y.count)
        series.append(Series(name: name, x: Array(x.prefix(k)), y: Array(y.prefix(k)), dashed: dashed, color: color))
    }

    /// Adds a shaded band between `lower` and `upper` (drawn beneath the lines).
    public mutating func addBand(name: String? = nil, x: [Double], lower: [Double], upper: [Double], color: String? = nil) {
        let k = min(x.count, lower.count, upper.count)
        bands.append(Band(name: name, x: Array(x.prefix(k)), lower: Array(lower.prefix(k)),
                          upper: Array(upper.prefix(k)), color: color))
    }

    /// Adds a vertical dashed line at `x` with a label at its top.
    public mutating func addVerticalMarker(x: Double, label: String) {
        markers.append(Marker(x: x, label: label))
    }

    // MARK: - Rendering

    private struct Frame {
        let left: Double, top: Double, width: Double, height: Double
        let xLo: Double, xHi: Double, yLo: Double, yHi: Double
        func px(_ u: Double) -> Double { left + (u - xLo) / (xHi - xLo) * width }
        func py(_ v: Double) -> Double { top + height - (v - yLo) / (yHi - yLo) * height }
    }

    /// The range of the drawable values in axis coordinates, padded; a default when empty.
    private static func range(_ values: [Double], scale: AxisScale, pad: Double) -> (Double, Double) {
        let t = values.compactMap(scale.transform)
        guard var lo = t.min(), var hi = t.max() else { return scale == .log10 ? (0, 1) : (0, 1) }
        if hi - lo < 1e-12 * max(1, abs(hi)) {
            let d = scale == .log10 ? 0.5 : max(abs(hi) * 0.1, 0.5)
            lo -= d
            hi += d
        }
        let margin = (hi - lo) * pad
        return (lo - margin, hi + margin)
    }

    /// The whole chart as an SVG 1.1 document.
    public func svg() -> String {
        let legendWidth: Double = showsLegend && !series.isEmpty ? 190 : 0
        let endLabelWidth: Double = labelsLineEnds ? 70 : 0
        let xs = series.flatMap(\.x) + bands.flatMap(\.x) + markers.map(\.x)
        let ys = series.flatMap(\.y) + bands.flatMap(\.lower) + bands.flatMap(\.upper)
        let (xLo, xHi) = Self.range(xs, scale: xScale, pad: 0.02)
        let (yLo, yHi) = Self.range(ys, scale: yScale, pad: 0.05)
        let f = Frame(left: 80, top: 50, width: max(100, width - 80 - 20 - legendWidth - endLabelWidth),
                      height: max(100, height - 50 - 60), xLo: xLo, xHi: xHi, yLo: yLo, yHi: yHi)
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" \
        viewBox="0 0 \(Int(width)) \(Int(height))" font-family="Helvetica, Arial, sans-serif" font-size="12">
        <rect x="0" y="0" width="\(Int(width))" height="\(Int(height))" fill="white"/>

        """
        let c = SVGText.coordinate
        out += "<text x=\"\(c(f.left + f.width / 2))\" y=\"28\" text-anchor=\"middle\" font-size=\"16\" font-weight=\"bold\">\(SVGText.escape(title))</text>\n"
        // Grid, ticks and tick labels.
        let xTicks = xScale == .log10 ? TickGenerator.log(xLo, xHi) : TickGenerator.linear(xLo, xHi)
        let yTicks = yScale == .log10 ? TickGenerator.log(yLo, yHi) : TickGenerator.linear(yLo, yHi)
        for t in xTicks where t >= xLo && t <= xHi {
            let x = c(f.px(t))
            out += "<line x1=\"\(x)\" y1=\"\(c(f.top))\" x2=\"\(x)\" y2=\"\(c(f.top + f.height))\" stroke=\"#e5e5e5\"/>\n"
            out += "<text x=\"\(x)\" y=\"\(c(f.top + f.height + 18))\" text-anchor=\"middle\">\(SVGText.escape(tickLabel(t, xScale)))</text>\n"
        }
        for t in yTicks where t >= yLo && t <= yHi {
            let y = c(f.py(t))
            out += "<line x1=\"\(c(f.left))\" y1=\"\(y)\" x2=\"\(c(f.left + f.width))\" y2=\"\(y)\" stroke=\"#e5e5e5\"/>\n"
            out += "<text x=\"\(c(f.left - 6))\" y=\"\(y)\" text-anchor=\"end\" dominant-baseline=\"middle\">\(SVGText.escape(tickLabel(t, yScale)))</text>\n"
        }
        out += "<rect x=\"\(c(f.left))\" y=\"\(c(f.top))\" width=\"\(c(f.width))\" height=\"\(c(f.height))\" fill=\"none\" stroke=\"#333\"/>\n"
        out += "<text x=\"\(c(f.left + f.width / 2))\" y=\"\(c(height - 14))\" text-anchor=\"middle\">\(SVGText.escape(xLabel))</text>\n"
        out += "<text x=\"18\" y=\"\(c(f.top + f.height / 2))\" text-anchor=\"middle\" transform=\"rotate(-90 18 \(c(f.top + f.height / 2)))\">\(SVGText.escape(yLabel))</text>\n"
        // Bands beneath the lines.
        for (k, band) in bands.enumerated() {
            let color = band.color ?? Self.palette[k % Self.palette.count]
            for segment in bandSegments(band) {
                var d = ""
                for (i, (u, lo, _)) in segment.enumerated() { d += (i == 0 ? "M" : "L") + "\(c(f.px(u))),\(c(f.py(lo))) " }
                for (u, _, hi) in segment.reversed() { d += "L\(c(f.px(u))),\(c(f.py(hi))) " }
                out += "<path d=\"\(d)Z\" fill=\"\(SVGText.escape(color))\" fill-opacity=\"0.18\" stroke=\"none\"><title>\(SVGText.escape(band.name ?? "band"))</title></path>\n"
            }
        }
        // Series: one path each, a clip keeps them in the frame.
        out += "<clipPath id=\"plot-area\"><rect x=\"\(c(f.left))\" y=\"\(c(f.top))\" width=\"\(c(f.width))\" height=\"\(c(f.height))\"/></clipPath>\n"
        var endLabels: [(y: Double, text: String, color: String)] = []
        for (k, s) in series.enumerated() {
            let color = s.color ?? Self.palette[k % Self.palette.count]
            var d = ""
            var penDown = false
            var last: (Double, Double)?
            for i in 0..<s.x.count {
                guard let u = xScale.transform(s.x[i]), let v = yScale.transform(s.y[i]) else { penDown = false; continue }
                d += (penDown ? "L" : "M") + "\(c(f.px(u))),\(c(f.py(v))) "
                penDown = true
                last = (u, v)
            }
            let dash = s.dashed ? " stroke-dasharray=\"7 5\"" : ""
            out += "<path d=\"\(d.isEmpty ? "M0,0" : d)\" fill=\"none\" stroke=\"\(SVGText.escape(color))\" stroke-width=\"1.8\"\(dash) clip-path=\"url(#plot-area)\"\(d.isEmpty ? " visibility=\"hidden\"" : "")><title>\(SVGText.escape(s.name))</title></path>\n"
            if labelsLineEnds, let (_, v) = last { endLabels.append((f.py(v), s.name, color)) }
        }
        // Spread the end labels apart (at least 11 px) so that lines ending together stay readable.
        endLabels.sort { $0.y < $1.y }
        for k in endLabels.indices.dropFirst() where endLabels[k].y < endLabels[k - 1].y + 11 {
            endLabels[k].y = endLabels[k - 1].y + 11
        }
        if let last = endLabels.last, last.y > f.top + f.height {
            let shift = last.y - (f.top + f.height)
            for k in endLabels.indices { endLabels[k].y -= shift }
            for k in endLabels.indices.reversed().dropFirst() where endLabels[k].y > endLabels[k + 1].y - 11 {
                endLabels[k].y = endLabels[k + 1].y - 11
            }
        }
        for label in endLabels {
            out += "<text x=\"\(c(f.left + f.width + 4))\" y=\"\(c(label.y))\" dominant-baseline=\"middle\" font-size=\"10\" fill=\"\(SVGText.escape(label.color))\">\(SVGText.escape(label.text))</text>\n"
        }
        // Markers.
        for m in markers {
            guard let u = xScale.transform(m.x), u >= xLo, u <= xHi else { continue }
            let x = c(f.px(u))
            out += "<line x1=\"\(x)\" y1=\"\(c(f.top))\" x2=\"\(x)\" y2=\"\(c(f.top + f.height))\" stroke=\"#444\" stroke-dasharray=\"4 3\"/>\n"
            out += "<text x=\"\(x)\" y=\"\(c(f.top - 6))\" text-anchor=\"middle\" font-size=\"11\">\(SVGText.escape(m.label))</text>\n"
        }
        // Legend.
        if legendWidth > 0 {
            let lx = f.left + f.width + endLabelWidth + 14
            let maxEntries = max(1, Int((f.height - 10) / 18))
            for (k, s) in series.prefix(maxEntries).enumerated() {
                let color = s.color ?? Self.palette[k % Self.palette.count]
                let y = f.top + 10 + Double(k) * 18
                let dash = s.dashed ? " stroke-dasharray=\"7 5\"" : ""
                out += "<line x1=\"\(c(lx))\" y1=\"\(c(y))\" x2=\"\(c(lx + 24))\" y2=\"\(c(y))\" stroke=\"\(SVGText.escape(color))\" stroke-width=\"2.5\"\(dash)/>\n"
                out += "<text x=\"\(c(lx + 30))\" y=\"\(c(y))\" dominant-baseline=\"middle\">\(SVGText.escape(s.name))</text>\n"
            }
            if series.count > maxEntries {
                let y = f.top + 10 + Double(maxEntries) * 18
                out += "<text x=\"\(c(lx))\" y=\"\(c(y))\" dominant-baseline=\"middle\">… and \(series.count - maxEntries) more</text>\n"
            }
        }
        out += "</svg>\n"
        return out
    }

    /// Writes ``svg()`` to `path` (UTF-8), replacing the file atomically: a failure leaves the old
    /// file untouched and no temporary behind (see ``AtomicFile``).
    /// - Throws: ``AtomicFileError`` naming the step that failed and the system's reason.
    public func write(toFile path: String) throws {
        try AtomicFile.write(svg(), to: path)
    }

    private func tickLabel(_ t: Double, _ scale: AxisScale) -> String {
        switch scale {
        case .linear: return SVGText.tick(t)
        case .log10:
            let r = t.rounded()
            if abs(t - r) < 1e-9 {
                let e = Int(r)
                return (0...3).contains(e) ? SVGText.tick(pow(10, r)) : "1e\(e)"
            }
            return SVGText.tick(pow(10, t))
        }
    }

    /// Runs of consecutive drawable band points, in axis coordinates.
    private func bandSegments(_ band: Band) -> [[(Double, Double, Double)]] {
        var segments: [[(Double, Double, Double)]] = []
        var current: [(Double, Double, Double)] = []
        for i in 0..<band.x.count {
            if let u = xScale.transform(band.x[i]), let lo = yScale.transform(band.lower[i]),
               let hi = yScale.transform(band.upper[i]) {
                current.append((u, lo, hi))
            } else if !current.isEmpty {
                segments.append(current)
                current = []
            }
        }
        if !current.isEmpty { segments.append(current) }
        return segments
    }
}
