import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import RidgeLasso
import RidgeLassoCSV
import Testing
import _TestSupport

/// `ridgelasso path`: the grid, the closed-form path of an orthogonal design, and the SVG.
@Suite("ridgelasso path")
struct PathCommandTests {
    static let orthogonal = Fixture.path("orthogonal.csv")

    @Test("default grid: α_max = maxⱼ|xⱼᵀ(y − ȳ)|/(n r), log-spaced down to eps·α_max; all zero at α_max")
    func defaultGrid() throws {
        let r = try CLIProcess.run(["path", "--model", "lasso", "--n-alphas", "5", "--eps", "0.01", "--target", "y", Self.orthogonal])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty)
        #expect(Array(topLevelKeys(r.stdout).prefix(4)) == ["alphas", "intercepts", "coefficients", "features"])
        let json = try jsonObject(r.stdout)
        let alphas = try #require(json["alphas"] as? [Double])
        #expect(alphas.count == 5)
        // α_max = 8/4 = 2; αₖ = 2·0.01^(k/4).
        for k in 0..<5 {
            let expected = 2 * pow(0.01, Double(k) / 4)
            #expect(abs(alphas[k] - expected) <= 1e-14 * expected, "α[\(k)] = \(alphas[k])")
        }
        let coefficients = try #require(json["coefficients"] as? [[Double]])
        #expect(coefficients.count == 5 && coefficients.allSatisfy { $0.count == 3 })
        #expect(coefficients[0] == [0, 0, 0])
        // Closed form at every α: wⱼ = S(ρⱼ, α)/dⱼ with ρ = (2, 1.5, −1), d = (1, 1, 4).
        let rho = [2.0, 1.5, -1.0], d = [1.0, 1.0, 4.0]
        for (k, a) in alphas.enumerated() {
            for j in 0..<3 {
                let expected = (rho[j] > 0 ? 1.0 : -1.0) * max(abs(rho[j]) - a, 0) / d[j]
                #expect(abs(coefficients[k][j] - expected) <= 1e-9, "α = \(a), j = \(j)")
            }
        }
        let intercepts = try #require(json["intercepts"] as? [Double])
        #expect(intercepts.allSatisfy { abs($0 - 2) <= 1e-9 })
        #expect(json["features"] as? [String] == ["x1", "x2", "x3"])
        #expect((json["converged"] as? [Bool])?.allSatisfy { $0 } == true)
        #expect((json["iterations"] as? [Int])?.count == 5)
        #expect((json["duality_gaps"] as? [Double])?.count == 5)
    }

    @Test("elastic net α_max divides by r; --no-intercept uses uncentered correlations")
    func elasticNetAndNoIntercept() throws {
        let en = try jsonObject(try CLIProcess.run(["path", "--model", "elasticnet", "--l1-ratio", "0.5",
                                                    "--n-alphas", "3", Self.orthogonal]).stdout)
        #expect(abs(((en["alphas"] as? [Double])?.first ?? 0) - 4) <= 1e-14)   // 2 / 0.5
        #expect(en["l1_ratio"] as? Double == 0.5)
        // Without an intercept: xⱼᵀy = (8, 6, −4) as the columns have mean 0, ‖·‖ unchanged → 2 again;
        // a shifted column changes it: use diabetes and compare with the library.
        let path = Datasets.diabetesPath
        let table = try CSVReader.read(contentsOf: path)
        let p = table.values.columns - 1
        let x = table.values.selectingColumns(Array(0..<p)), y = table.values.column(p)
        let expected = try Lasso.alphaMax(x, y, fitIntercept: false)
        let out = try jsonObject(try CLIProcess.run(["path", "--model", "lasso", "--no-intercept", "--n-alphas", "2", path]).stdout)
        #expect((out["alphas"] as? [Double])?.first == expected)
        var direct = 0.0
        for j in 0..<p { direct = max(direct, abs(zip(x.column(j), y).map { $0 * $1 }.reduce(0, +)) / Double(x.rows)) }
        #expect(abs(expected - direct) <= 1e-12 * direct)
        #expect((out["intercepts"] as? [Double]) == [0, 0])
    }

    @Test("--alphas gives the grid, sorted descending")
    func explicitAlphas() throws {
        let r = try CLIProcess.run(["path", "--model", "lasso", "--alphas", "0.1,1, 0.5", Self.orthogonal])
        #expect(r.status == 0, "\(r.stderr)")
        let json = try jsonObject(r.stdout)
        #expect(json["alphas"] as? [Double] == [1, 0.5, 0.1])
        let c = try #require(json["coefficients"] as? [[Double]])
        #expect(abs(c[1][0] - 1.5) <= 1e-9 && abs(c[1][2] + 0.125) <= 1e-9)
    }

    @Test("--plot writes well-formed SVG with one path per feature, titled by the feature")
    func plot() throws {
        let dir = try temporaryDirectory()
        let svg = dir.appendingPathComponent("path.svg")
        let r = try CLIProcess.run(["path", "--model", "lasso", "--plot", svg.path, Datasets.diabetesPath])
        #expect(r.status == 0, "\(r.stderr)")
        let data = try Data(contentsOf: svg)
        let parser = XMLParser(data: data)
        let collector = SVGCollector()
        parser.delegate = collector
        #expect(parser.parse(), "SVG is not well-formed XML: \(String(describing: parser.parserError))")
        #expect(collector.rootElement == "svg")
        let features = ["age", "sex", "bmi", "bp", "s1", "s2", "s3", "s4", "s5", "s6"]
        #expect(collector.pathCount == features.count)
        #expect(collector.pathTitles == features)
        // stdout is still the JSON
        #expect(try jsonObject(r.stdout)["features"] as? [String] == features)
    }

    @Test("an unwritable --plot path is a one-line error and no JSON")
    func unwritablePlot() throws {
        let r = try CLIProcess.run(["path", "--model", "lasso", "--plot", "/nonexistent-dir/p.svg", Self.orthogonal])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderrLines == ["ridgelasso: error: /nonexistent-dir/p.svg: cannot write the plot file: No such file or directory"])
    }
}

/// Counts `<path>` elements and the `<title>` inside each.
final class SVGCollector: NSObject, XMLParserDelegate {
    var rootElement: String?
    var pathCount = 0
    var pathTitles: [String] = []
    private var inPath = false
    private var inTitle = false
    private var title = ""

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        if rootElement == nil { rootElement = name }
        if name == "path" { pathCount += 1; inPath = true }
        if name == "title", inPath { inTitle = true; title = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inTitle { title += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "title", inTitle { pathTitles.append(title); inTitle = false }
        if name == "path" { inPath = false }
    }
}
