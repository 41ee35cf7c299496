import Foundation
import LinearAlgebra
import RidgeLasso
import RidgeLassoCSV
import Testing
import _TestSupport

/// `ridgelasso predict`: the fit --output → predict round trip, column matching, mismatches.
@Suite("ridgelasso predict")
struct PredictCommandTests {
    static let diabetes = Datasets.diabetesPath

    /// The diabetes features and response, read in-process.
    static func diabetesData() throws -> (x: Matrix, y: [Double], names: [String]) {
        let table = try CSVReader.read(contentsOf: diabetes)
        let p = table.values.columns - 1
        return (table.values.selectingColumns(Array(0..<p)), table.values.column(p), Array(table.columnNames.prefix(p)))
    }

    @Test("fit --output then predict gives the library's predictions bit for bit (every model)")
    func roundTrip() throws {
        let dir = try temporaryDirectory()
        let (x, y, _) = try Self.diabetesData()
        let cases: [([String], any LinearPredictor)] = [
            (["--model", "ridge", "--alpha", "0.3"], try Ridge(alpha: 0.3).fit(x, y)),
            (["--model", "lasso", "--alpha", "0.2"], try Lasso(alpha: 0.2).fit(x, y)),
            (["--model", "elasticnet", "--alpha", "0.2", "--l1-ratio", "0.25", "--no-intercept"],
             try ElasticNet(alpha: 0.2, l1Ratio: 0.25, fitIntercept: false).fit(x, y)),
        ]
        for (k, (options, model)) in cases.enumerated() {
            let file = dir.appendingPathComponent("model\(k).json").path
            let fit = try CLIProcess.run(["fit"] + options + ["--output", file, Self.diabetes])
            #expect(fit.status == 0, "\(fit.stderr)")
            // The file holds the same JSON as standard output.
            #expect(try String(contentsOfFile: file, encoding: .utf8) == fit.stdout)
            let predicted = try CLIProcess.run(["predict", "--model", file, Self.diabetes])
            #expect(predicted.status == 0, "\(predicted.stderr)")
            #expect(predicted.stderr.isEmpty)
            let lines = predicted.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.first == "prediction")
            #expect(lines.last == "")   // ends with a newline
            let values = lines.dropFirst().dropLast().map { Double(String($0)) }
            let expected = try model.predict(x)
            #expect(values.count == expected.count)
            for (i, v) in values.enumerated() {
                #expect(v?.bitPattern == expected[i].bitPattern, "\(options) row \(i): \(String(describing: v)) vs \(expected[i])")
            }
        }
    }

    @Test("feature columns are matched by name: reordered columns and extra columns give the same predictions")
    func columnsByName() throws {
        let dir = try temporaryDirectory()
        let model = dir.appendingPathComponent("m.json").path
        let fit = try CLIProcess.run(["fit", "--model", "ridge", "--alpha", "4", "--output", model, Fixture.path("orthogonal.csv")])
        #expect(fit.status == 0)
        let shuffled = dir.appendingPathComponent("new.csv").path
        try "extra,x3,x1,x2\n9,2,1,1\n9,0,0,0\n9,-2,1,-1\n".write(toFile: shuffled, atomically: true, encoding: .utf8)
        let r = try CLIProcess.run(["predict", "--model", model, shuffled])
        #expect(r.status == 0, "\(r.stderr)")
        // w = (1, 0.75, −0.2), b = 2
        let values = r.stdout.split(separator: "\n").dropFirst().compactMap { Double(String($0)) }
        let expected = [2 + 1 + 0.75 - 0.4, 2.0, 2 + 1 - 0.75 + 0.4]
        #expect(values.count == 3)
        for i in 0..<3 { #expect(abs(values[i] - expected[i]) <= 1e-14) }
    }

    @Test("a model whose feature is missing from the data: one line naming the column, no output")
    func missingFeature() throws {
        let dir = try temporaryDirectory()
        let model = dir.appendingPathComponent("m.json").path
        _ = try CLIProcess.run(["fit", "--model", "lasso", "--alpha", "0.1", "--output", model, Fixture.path("orthogonal.csv")])
        let data = dir.appendingPathComponent("partial.csv").path
        try "x1,x2\n1,2\n".write(toFile: data, atomically: true, encoding: .utf8)
        let r = try CLIProcess.run(["predict", "--model", model, data])
        #expect(r.status == 1)
        #expect(r.stdout.isEmpty)
        #expect(r.stderrLines == [Substring("ridgelasso: error: \(data): no column \"x3\", a feature of the model in \(model) "
            + "(the model needs \"x1\", \"x2\", \"x3\")")])
    }

    @Test("model files that are not models: truncated JSON, wrong counts, missing file")
    func badModelFiles() throws {
        let data = Fixture.path("orthogonal.csv")
        let truncated = Fixture.path("bad/truncated_model.json")
        let a = try CLIProcess.run(["predict", "--model", truncated, data])
        #expect(a.status == 1 && a.stdout.isEmpty)
        #expect(a.stderrLines == [Substring("ridgelasso: error: \(truncated): not a model file written by `ridgelasso fit --output` "
            + "(not a JSON object with features, coefficients and intercept)")])

        let dir = try temporaryDirectory()
        let counts = dir.appendingPathComponent("counts.json").path
        try #"{"intercept":1.0,"features":["x1","x2"],"coefficients":[1.0]}"#.write(toFile: counts, atomically: true, encoding: .utf8)
        let b = try CLIProcess.run(["predict", "--model", counts, data])
        #expect(b.status == 1 && b.stdout.isEmpty)
        #expect(b.stderrLines == [Substring("ridgelasso: error: \(counts): the model has 2 features but 1 coefficients")])

        let noIntercept = dir.appendingPathComponent("nob.json").path
        try #"{"features":["x1"],"coefficients":[1.0]}"#.write(toFile: noIntercept, atomically: true, encoding: .utf8)
        let c = try CLIProcess.run(["predict", "--model", noIntercept, data])
        #expect(c.stderrLines == [Substring("ridgelasso: error: \(noIntercept): not a model file written by `ridgelasso fit --output` (no \"intercept\")")])

        let missing = dir.appendingPathComponent("none.json").path
        let d = try CLIProcess.run(["predict", "--model", missing, data])
        #expect(d.status == 1 && d.stdout.isEmpty)
        #expect(d.stderrLines == [Substring("ridgelasso: error: \(missing): cannot read the model file: No such file or directory")])
    }
}
