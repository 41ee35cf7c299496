import Foundation
import LinearAlgebra
import RidgeLasso
import RidgeLassoCSV
import Testing
import _TestSupport

/// Models travel between Swift and the CLI: a model fitted and encoded in Swift is read by
/// `ridgelasso predict`, and the CLI's model files decode in Swift, with bit-identical predictions
/// both ways.
@Suite("Swift ⇄ CLI model files")
struct ModelExchangeTests {
    static let diabetes = Datasets.diabetesPath

    /// The predictions `ridgelasso predict --model model file` prints, as Doubles.
    static func cliPredictions(model: String, data: String) throws -> [Double] {
        let r = try CLIProcess.run(["predict", "--model", model, data])
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").dropFirst()
        return try lines.map { try #require(Double(String($0))) }
    }

    static func expectSameBits(_ a: [Double], _ b: [Double], _ what: String) {
        #expect(a.count == b.count, "\(what)")
        for (i, (u, v)) in zip(a, b).enumerated() where u.bitPattern != v.bitPattern {
            Issue.record("\(what) row \(i): \(u) vs \(v)")
            return
        }
    }

    @Test("a model fitted in Swift and encoded with JSONEncoder predicts the same bits through `ridgelasso predict`")
    func swiftToCLI() throws {
        let dir = try temporaryDirectory()
        let (x, y, names) = try PredictCommandTests.diabetesData()
        let models: [(String, any LinearPredictor & Encodable)] = [
            ("ridge", try Ridge(alpha: 0.3).fit(x, y).named(features: names, target: "y")),
            ("svd", try Ridge(alpha: 0, solver: .svd).fit(x, y).named(features: names)),
            ("lasso", try Lasso(alpha: 0.2).fit(x, y).named(features: names)),
            ("net", try ElasticNet(alpha: 0.2, l1Ratio: 0.25, fitIntercept: false).fit(x, y).named(features: names)),
            ("ridgecv", try RidgeCV(alphas: [0.01, 0.1, 1]).fit(x, y).model.named(features: names)),
        ]
        for (name, model) in models {
            let file = dir.appendingPathComponent("\(name).json")
            try JSONEncoder().encode(model).write(to: file)
            Self.expectSameBits(try Self.cliPredictions(model: file.path, data: Self.diabetes), try model.predict(x), name)
        }
        // Without names the file says x1 … x10: a CSV with those headers is predicted the same.
        let unnamed = try Lasso(alpha: 0.2).fit(x, y)
        let file = dir.appendingPathComponent("unnamed.json")
        try JSONEncoder().encode(unnamed).write(to: file)
        var csv = (1...10).map { "x\($0)" }.joined(separator: ",") + "\n"
        for i in 0..<x.rows { csv += (0..<10).map { "\(x[i, $0])" }.joined(separator: ",") + "\n" }
        let data = dir.appendingPathComponent("x.csv")
        try csv.write(to: data, atomically: true, encoding: .utf8)
        Self.expectSameBits(try Self.cliPredictions(model: file.path, data: data.path), try unnamed.predict(x), "unnamed")
    }

    @Test("the files `fit --output` and `cv --output` write decode in Swift: same numbers, same predictions", arguments: [
        ["fit", "--model", "ridge", "--alpha", "0.3"],
        ["fit", "--model", "ridge", "--alpha", "0", "--solver", "svd"],
        ["fit", "--model", "lasso", "--alpha", "0.2"],
        ["fit", "--model", "elasticnet", "--alpha", "0.2", "--l1-ratio", "0.25", "--standardize"],
        ["cv", "--model", "ridge", "--n-alphas", "10"],
        ["cv", "--model", "lasso", "--n-alphas", "10", "--folds", "3"],
    ])
    func cliToSwift(_ command: [String]) throws {
        let dir = try temporaryDirectory()
        let file = dir.appendingPathComponent("model.json")
        let fit = try CLIProcess.run(command + ["--output", file.path, Self.diabetes])
        #expect(fit.status == 0, "\(fit.stderr)")
        let json = try jsonObject(fit.stdout)
        let model = try JSONDecoder().decode(FittedModel.self, from: Data(contentsOf: file))
        #expect(model.featureNames == json["features"] as? [String])
        Self.expectSameBits(model.coefficients, try #require(json["coefficients"] as? [Double]), "coefficients")
        #expect(model.intercept.bitPattern == (try #require(json["intercept"] as? Double)).bitPattern)
        switch model {
        case .ridge(let ridge):
            #expect(json["model"] as? String == "ridge" && ridge.solverUsed.rawValue == json["solver"] as? String)
            #expect(ridge.alpha == json["alpha"] as? Double)
        case .elasticNet(let net):
            #expect(json["model"] as? String == (net.l1Ratio == 1 ? "lasso" : "elasticnet"))
            #expect(net.iterations == json["iterations"] as? Int && net.converged == json["converged"] as? Bool)
            #expect(net.dualityGap == json["duality_gap"] as? Double && net.l1Ratio == json["l1_ratio"] as? Double)
        }
        let (x, _, _) = try PredictCommandTests.diabetesData()
        Self.expectSameBits(try model.predict(x), try Self.cliPredictions(model: file.path, data: Self.diabetes), "\(command)")
        // Written again from Swift, the file has the CLI's members (a cv file adds its curve) and
        // still predicts the same.
        let again = dir.appendingPathComponent("again.json")
        let reencoded = try JSONEncoder().encode(model)
        try reencoded.write(to: again)
        let keys = Set(try jsonObject(String(decoding: reencoded, as: UTF8.self)).keys)
        if command[0] == "fit" { #expect(keys == Set(json.keys)) } else { #expect(keys.isSubset(of: json.keys)) }
        Self.expectSameBits(try Self.cliPredictions(model: again.path, data: Self.diabetes), try model.predict(x), "re-encoded")
    }

    @Test("a model file with one-hot levels decodes with them, and encodes back to the CLI's members and levels")
    func categoricalLevels() throws {
        let dir = try temporaryDirectory()
        let iris = Fixture.path("exports/iris.csv"), file = dir.appendingPathComponent("iris.json").path
        for model in [["--model", "ridge", "--alpha", "1"], ["--model", "lasso", "--alpha", "0.01"]] {
            let fit = try CLIProcess.run(["fit"] + model + ["--target", "Sepal.Length", "--categorical", "Species",
                                                            "--output", file, iris])
            #expect(fit.status == 0, "\(fit.stderr)")
            let decoded = try JSONDecoder().decode(FittedModel.self, from: Data(contentsOf: URL(fileURLWithPath: file)))
            let levels = [CategoricalLevels(column: "Species", levels: ["setosa", "versicolor", "virginica"])]
            switch decoded {
            case .ridge(let m): #expect(m.categorical == levels)
            case .elasticNet(let m): #expect(m.categorical == levels)
            }
            let expected = try jsonObject(fit.stdout)
            let encoded = try jsonObject(String(decoding: try JSONEncoder().encode(decoded), as: UTF8.self))
            let extra: Set<String> = model[1] == "ridge" ? ["reciprocal_condition"] : ["objective"]
            #expect(Set(encoded.keys).subtracting(extra) == Set(expected.keys))
            for members in [encoded, expected] {
                let entries = try #require(members["categorical"] as? [[String: Any]])
                #expect(entries.count == 1 && entries[0]["column"] as? String == "Species")
                #expect(entries[0]["levels"] as? [String] == ["setosa", "versicolor", "virginica"])
            }
            // predict reads the re-encoded file as the original.
            let reencoded = dir.appendingPathComponent("again.json").path
            try JSONEncoder().encode(decoded).write(to: URL(fileURLWithPath: reencoded))
            #expect(try CLIProcess.run(["predict", "--model", reencoded, iris]).stdout
                == (try CLIProcess.run(["predict", "--model", file, iris]).stdout))
        }
    }

    @Test("errorDescription is the CLI's message: CSV, regression and statistics-file errors")
    func errorMessages() throws {
        let dir = try temporaryDirectory()
        // A CSV error: the reader's message is the whole line.
        let ragged = dir.appendingPathComponent("ragged.csv").path
        try "a,b,y\n1,2,3\n4,5\n".write(toFile: ragged, atomically: true, encoding: .utf8)
        var csvError: CSVError?
        do { _ = try CSVReader.read(contentsOf: ragged) } catch { csvError = error }
        let csvMessage = try #require(csvError?.errorDescription)
        #expect(try CLIProcess.expectFailure(["fit", "--model", "ridge", "--alpha", "1", ragged], status: 1)
            == "ridgelasso: error: \(csvMessage)")

        // A regression error: the file's name, then the library's message.
        let collinear = dir.appendingPathComponent("collinear.csv").path
        try "a,b,y\n1,2,1\n2,4,3\n3,6,2\n4,8,5\n".write(toFile: collinear, atomically: true, encoding: .utf8)
        var regressionError: RegressionError?
        do {
            _ = try Ridge(alpha: 0, solver: .cholesky).fit([[1, 2], [2, 4], [3, 6], [4, 8]], [1, 3, 2, 5])
        } catch { regressionError = error }
        let regressionMessage = try #require(regressionError?.errorDescription)
        #expect(try CLIProcess.expectFailure(["fit", "--model", "ridge", "--alpha", "0", "--solver", "cholesky", collinear],
                                             status: 1) == "ridgelasso: error: \(collinear): \(regressionMessage)")

        // A statistics-file error.
        let junk = dir.appendingPathComponent("junk.rlstats").path
        try "not statistics".write(toFile: junk, atomically: true, encoding: .utf8)
        var statisticsError: StatisticsFileError?
        do { _ = try StatisticsFile(decoding: Array("not statistics".utf8), source: junk) } catch { statisticsError = error }
        let statisticsMessage = try #require(statisticsError?.errorDescription)
        #expect(try CLIProcess.expectFailure(["fit", "--model", "ridge", "--alpha", "1", "--stats", junk], status: 1)
            == "ridgelasso: error: \(statisticsMessage)")
    }

    /// A JSON number array read exactly (integers written without a point included).
    static func numbers(_ value: Any?) -> [Double]? {
        guard let items = value as? [Any] else { return nil }
        let values = items.compactMap { ($0 as? Double) ?? ($0 as? Int).map(Double.init) }
        return values.count == items.count ? values : nil
    }

    @Test("an encoded CV result is the CLI's `cv` output: the same members and numbers, a model file predict reads")
    func crossValidationResults() throws {
        let dir = try temporaryDirectory()
        let (x, y, names) = try PredictCommandTests.diabetesData()
        let cases: [([String], any LinearPredictor & Encodable, Set<String>)] = [
            (["--model", "ridge", "--alphas", "0.01,0.1,1,10"],
             try RidgeCV(alphas: [0.01, 0.1, 1, 10]).fit(x, y).named(features: names), ["reciprocal_condition"]),
            (["--model", "ridge", "--alphas", "0.01,0.1,1,10", "--folds", "4", "--seed", "9"],
             try RidgeCV(alphas: [0.01, 0.1, 1, 10], criterion: .kFold(.shuffled(count: 4, seed: 9))).fit(x, y)
                .named(features: names), ["reciprocal_condition"]),
            (["--model", "lasso", "--n-alphas", "12", "--folds", "3", "--seed", "5"],
             try LassoCV(alphaCount: 12, folds: .shuffled(count: 3, seed: 5)).fit(x, y).named(features: names),
             ["objective"]),
            (["--model", "elasticnet", "--l1-ratio", "0.3,0.9", "--n-alphas", "12", "--folds", "3", "--seed", "5"],
             try ElasticNetCV(l1Ratios: [0.3, 0.9], alphaCount: 12, folds: .shuffled(count: 3, seed: 5)).fit(x, y)
                .named(features: names), ["objective"]),
        ]
        for (k, (options, result, extra)) in cases.enumerated() {
            let cli = try CLIProcess.run(["cv"] + options + [Self.diabetes])
            #expect(cli.status == 0, "\(cli.stderr)")
            let expected = try jsonObject(cli.stdout)
            let data = try JSONEncoder().encode(result)
            let encoded = try jsonObject(String(decoding: data, as: UTF8.self))
            // The fold seed is not part of a lasso/elastic-net result, nor the target's name of a
            // CV result (the CLI knows its column); the library adds its extras.
            let cliKeys = Set(expected.keys).subtracting(options.contains("ridge") ? ["target"] : ["seed", "target"])
            #expect(Set(encoded.keys) == cliKeys.union(extra), "\(options)")
            for key in ["alphas", "mean_errors", "standard_errors", "coefficients"] {
                #expect(Self.numbers(encoded[key]) == Self.numbers(expected[key]), "\(options) \(key)")
            }
            for key in ["alpha", "alpha_min", "alpha_1se", "intercept"] {
                #expect(Self.numbers([encoded[key] as Any]) == Self.numbers([expected[key] as Any]), "\(options) \(key)")
            }
            #expect(encoded["criterion"] as? String == expected["criterion"] as? String)
            #expect(encoded["folds"] as? Int == expected["folds"] as? Int)
            #expect(encoded["all_converged"] as? Bool == expected["all_converged"] as? Bool)
            #expect((encoded["curves"] as? [Any])?.count == (expected["curves"] as? [Any])?.count)
            // It is a model file: predict reads it, and it decodes as the refit model.
            let file = dir.appendingPathComponent("cv\(k).json")
            try data.write(to: file)
            Self.expectSameBits(try Self.cliPredictions(model: file.path, data: Self.diabetes), try result.predict(x), "\(options)")
            let model = try JSONDecoder().decode(FittedModel.self, from: data)
            Self.expectSameBits(model.coefficients, result.coefficients, "\(options) decoded")
        }
    }
}
