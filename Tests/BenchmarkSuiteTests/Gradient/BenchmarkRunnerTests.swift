import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import BenchmarkSuite

/// Counts elements of an SVG while checking it is well-formed XML.
final class ElementCounter: NSObject, XMLParserDelegate {
    var counts: [String: Int] = [:]
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?,
                qualifiedName: String?, attributes: [String: String] = [:]) {
        counts[name, default: 0] += 1
    }
    static func parse(_ data: Data) -> [String: Int]? {
        let counter = ElementCounter()
        let parser = XMLParser(data: data)
        parser.delegate = counter
        return parser.parse() ? counter.counts : nil
    }
}

/// The whole benchmark at tiny sizes: every code path the executable uses, so it cannot rot.
@Suite(.serialized) struct BenchmarkRunnerTests {
    @Test func tinyRunProducesTableJSONAndPlots() throws {
        var options = BenchmarkOptions()
        options.scale = .tiny
        options.budgetSeconds = 0.1
        let lines = LockedLines()
        let results = try BenchmarkRunner(options: options, progress: { lines.append($0) }).run()
        #expect(lines.count > 10)

        // 4 synthetic ridge problems, 2 lasso, diabetes ridge + lasso.
        #expect(results.problems.map(\.kind) == [.ridge, .ridge, .ridge, .ridge, .lasso, .lasso, .ridge, .lasso])
        for problem in results.problems where problem.kind == .ridge {
            let exact = try #require(problem.methods.first { $0.family == "exact" })
            #expect(try #require(exact.relativeError) < 1e-10, "\(problem.name)")
            #expect(problem.methods.map(\.method) == ["closed form", "gradient descent", "Nesterov", "SGD + L2", "Adam + L2"])
            for m in problem.methods where m.family != "exact" { #expect(m.timeToAccuracy.count == 4) }
        }
        // The well-conditioned tall problem: gradient descent gets to 1e-8 within the budget.
        let gaussian = try #require(results.problems.first { $0.name == "ridge-120x8-gaussian" })
        let gd = try #require(gaussian.methods.first { $0.method == "gradient descent" })
        #expect(gd.timeToAccuracy.last?.seconds != nil)
        for problem in results.problems where problem.kind == .lasso {
            let fista = try #require(problem.methods.first { $0.method == "FISTA" })
            #expect(try #require(fista.relativeSuboptimality) < 1e-6)
            #expect(try #require(fista.dualityGap) >= 0)
            #expect(try #require(problem.referenceObjective) > 0)
        }
        let decay = try #require(results.weightDecay)
        #expect(decay.sgdLargestDifference < 1e-13)
        #expect(decay.adamRelativeDifference > 1e-3)

        let table = ReportTable.render(results)
        #expect(table.contains("closed form") && table.contains("FISTA") && table.contains("AdamW"))

        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gdbench-\(UInt32.random(in: 0...UInt32.max))").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let files = try BenchmarkRunner.write(results, to: directory)
        #expect(files.count == 1 + results.problems.count + 1)
        let json = try Data(contentsOf: URL(fileURLWithPath: directory).appendingPathComponent("results.json"))
        let decoded = try JSONDecoder().decode(BenchmarkResults.self, from: json)
        #expect(decoded.problems.count == results.problems.count)
        for problem in results.problems {
            let svg = try Data(contentsOf: URL(fileURLWithPath: directory).appendingPathComponent("error-vs-time-\(problem.name).svg"))
            let counts = try #require(ElementCounter.parse(svg), "\(problem.name): not well-formed")
            let lines = problem.methods.filter { $0.family == "gradient" || $0.family == "stochastic" }.count
            #expect(counts["path"] == lines, "\(problem.name)")
        }
        let decaySVG = try Data(contentsOf: URL(fileURLWithPath: directory).appendingPathComponent("weight-decay.svg"))
        #expect(ElementCounter.parse(decaySVG)?["path"] == 4)
    }

    @Test func userCSVRunsRidgeAndLasso() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gdbench-\(UInt32.random(in: 0...UInt32.max)).csv").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var text = "u,v,w,y\n"
        for i in 0..<40 {
            let u = Double(i % 7), v = Double((i * 3) % 11), w = Double(i) / 10
            text += "\(u),\(v),\(w),\(2 * u - v + 0.5 * w + Double(i % 3))\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        var options = BenchmarkOptions()
        options.scale = .tiny
        options.dataFile = path
        options.ridgeAlpha = 2
        let results = try BenchmarkRunner(options: options).run()
        #expect(results.problems.map(\.kind) == [.ridge, .lasso])
        #expect(results.problems[0].alpha == 2)
        #expect(results.weightDecay == nil)
    }

    @Test func badCSVIsAnErrorNotACrash() {
        var options = BenchmarkOptions()
        options.dataFile = "/nonexistent/data.csv"
        #expect(throws: CSVDataset.ParseError.self) { try BenchmarkRunner(options: options).run() }
    }
}

/// Progress lines collected from a @Sendable callback.
final class LockedLines: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func append(_ line: String) { lock.lock(); lines.append(line); lock.unlock() }
    var count: Int { lock.lock(); defer { lock.unlock() }; return lines.count }
}
