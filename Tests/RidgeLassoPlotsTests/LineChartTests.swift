import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import RidgeLassoPlots

/// Counts elements while parsing, so a test can assert the SVG is well-formed XML.
final class SVGInspector: NSObject, XMLParserDelegate {
    var counts: [String: Int] = [:]
    var texts: [String] = []
    private var inText = false
    private var current = ""

    static func parse(_ svg: String) -> (ok: Bool, inspector: SVGInspector, error: String?) {
        let inspector = SVGInspector()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = inspector
        let ok = parser.parse()
        return (ok, inspector, parser.parserError.map { "\($0)" })
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        counts[name, default: 0] += 1
        if name == "text" { inText = true; current = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { current += string } }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text" { texts.append(current); inText = false }
    }
}

@Suite struct LineChartTests {
    @Test func logLogChartIsWellFormedWithOnePathPerSeries() {
        var chart = LineChart(title: "Error <vs> time & \"stuff\"", xLabel: "seconds", yLabel: "relative error",
                              xScale: .log10, yScale: .log10)
        chart.addSeries(name: "GD", x: [1e-3, 1e-2, 1e-1, 1], y: [1, 1e-2, 1e-4, 1e-6])
        chart.addSeries(name: "Nesterov <fast>", x: [1e-3, 1e-2, 0.05], y: [1, 1e-5, 1e-9], dashed: true)
        chart.addSeries(name: "SGD", x: [0, 1e-2, 1], y: [-1, 0.5, .nan])  // only one drawable point
        let (ok, inspector, error) = SVGInspector.parse(chart.svg())
        #expect(ok, "\(error ?? "")")
        #expect(inspector.counts["svg"] == 1)
        #expect(inspector.counts["path"] == 3)
        #expect(inspector.texts.contains("Error <vs> time & \"stuff\""))
        #expect(inspector.texts.contains("Nesterov <fast>"))
        #expect(inspector.texts.contains { $0.hasPrefix("1e-") })  // decade tick labels
        #expect(chart.svg().contains("stroke-dasharray=\"7 5\""))
    }

    @Test func bandAndMarkerForCrossValidationCurves() {
        var chart = LineChart(title: "CV", xLabel: "α", yLabel: "MSE", xScale: .log10)
        let alphas = [0.01, 0.1, 1, 10, 100]
        let mean = [5.0, 4.2, 4.0, 4.5, 7.0]
        chart.addBand(name: "±1 SE", x: alphas, lower: mean.map { $0 - 0.3 }, upper: mean.map { $0 + 0.3 })
        chart.addSeries(name: "mean", x: alphas, y: mean)
        chart.addVerticalMarker(x: 1, label: "α min")
        chart.addVerticalMarker(x: 10, label: "α 1SE")
        let svg = chart.svg()
        let (ok, inspector, _) = SVGInspector.parse(svg)
        #expect(ok)
        #expect(inspector.counts["path"] == 2)
        #expect(inspector.texts.contains("α min") && inspector.texts.contains("α 1SE"))
        #expect(svg.contains("fill-opacity"))
    }

    @Test func coefficientPathWithManyLabelledLines() {
        var chart = LineChart(title: "Lasso path", xLabel: "log α", yLabel: "coefficient", xScale: .log10)
        chart.labelsLineEnds = true
        let alphas = (0..<30).map { pow(10, -3 + Double($0) / 10) }
        for j in 0..<40 {
            chart.addSeries(name: "x\(j)", x: alphas, y: alphas.map { max(0, Double(j) / 40 - $0) })
        }
        let (ok, inspector, _) = SVGInspector.parse(chart.svg())
        #expect(ok)
        #expect(inspector.counts["path"] == 40)
        #expect(inspector.texts.filter { $0 == "x0" }.count == 2)  // line end and legend
        #expect(inspector.texts.filter { $0 == "x39" }.count == 1)  // line end only: the legend is full
        #expect(inspector.texts.contains { $0.hasPrefix("… and") })
    }

    /// Lines that end at the same value get end labels at least 11 px apart.
    @Test func endLabelsDoNotOverlap() throws {
        var chart = LineChart(title: "t", xLabel: "x", yLabel: "y")
        chart.labelsLineEnds = true
        chart.showsLegend = false
        for j in 0..<5 { chart.addSeries(name: "line\(j)", x: [0, 1], y: [Double(j), 0]) }
        let svg = chart.svg()
        var ys: [Double] = []
        for j in 0..<5 {
            let marker = ">line\(j)</text>"
            let end = try #require(svg.range(of: marker))
            let start = try #require(svg[..<end.lowerBound].range(of: "<text", options: .backwards))
            let element = svg[start.lowerBound..<end.lowerBound]
            let yRange = try #require(element.range(of: " y=\""))
            let value = element[yRange.upperBound...].prefix { $0 != "\"" }
            ys.append(try #require(Double(value)))
        }
        ys.sort()
        for k in 1..<ys.count { #expect(ys[k] - ys[k - 1] >= 10.99) }
    }

    @Test func emptyAndDegenerateChartsStillRender() {
        let empty = LineChart(title: "nothing", xLabel: "x", yLabel: "y")
        #expect(SVGInspector.parse(empty.svg()).ok)
        var flat = LineChart(title: "flat", xLabel: "x", yLabel: "y", yScale: .log10)
        flat.addSeries(name: "const", x: [1, 2, 3], y: [2, 2, 2])
        flat.addSeries(name: "bad\u{0}name", x: [.infinity], y: [1])
        let (ok, inspector, _) = SVGInspector.parse(flat.svg())
        #expect(ok)
        #expect(inspector.counts["path"] == 2)
        #expect(inspector.texts.contains("badname"))
    }

    @Test func writesAFile() throws {
        var chart = LineChart(title: "t", xLabel: "x", yLabel: "y")
        chart.addSeries(name: "a", x: [0, 1], y: [0, 1])
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("linechart-\(UInt32.random(in: 0...UInt32.max)).svg").path
        try chart.write(toFile: path)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == chart.svg())
    }
}
