import Foundation
import LinearAlgebra
import RidgeLasso
import Testing
import _TestSupport

/// The README's quick start, exactly as printed (the test compares its own code with the README's
/// block), and a tour of the main calls on seeded data, whose results must agree with each other.
@Suite("README example")
struct ReadmeExampleTests {
    @Test("the README's quick start is this code, runs, and finds y = 1 + 2·x₁ − x₂")
    func quickStart() throws {
        // README quick start: begin
        // Eight observations of two features; y = 1 + 2·x₁ − x₂ exactly.
        let rows: [[Double]] = [[0, 1], [1, 0], [2, 1], [3, 3], [4, 2], [5, 5], [6, 2], [7, 6]]
        let y: [Double] = [0, 3, 4, 4, 7, 6, 11, 9]

        let ridge = try Ridge(alpha: 0.01).fit(rows, y)   // exact, through LAPACK
        print(ridge)                                      // ridge (α = 0.01, solver cholesky): 2 of 2 coefficients nonzero, …

        let lasso = try Lasso(alpha: 0.05).fit(rows, y)   // coordinate descent, stopped on a certified duality gap
        print(lasso)                                      // lasso (α = 0.05): objective …, converged, duality gap …
        print(try lasso.predict([8, 3]))                  // one new row: ≈ 14

        // The model file of `ridgelasso fit --output`, which `ridgelasso predict --model` reads.
        let json = try JSONEncoder().encode(lasso.named(features: ["x1", "x2"], target: "y"))
        print(String(decoding: json, as: UTF8.self))

        do {
            _ = try Lasso(alpha: -1).fit(rows, y)
        } catch {
            print(error.localizedDescription)             // invalid alpha = -1.0: must be finite and ≥ 0
        }
        // README quick start: end

        // A small α barely moves the exact solution (2, −1), b = 1.
        #expect(abs(ridge.coefficients[0] - 2) < 1e-2 && abs(ridge.coefficients[1] + 1) < 1e-2)
        #expect(abs(ridge.intercept - 1) < 5e-2)
        #expect(lasso.converged && lasso.dualityGap >= 0)
        #expect(lasso.coefficients[0] > 1.5 && lasso.coefficients[1] < -0.5)
        let x = try Matrix(rows: rows)
        let predictions = try lasso.predict(x)
        for i in 0..<8 { #expect(abs(predictions[i] - y[i]) < 0.5) }
        #expect(abs(try lasso.predict([8, 3]) - 14) < 0.5)
        // What the comments in the block promise.
        #expect(ridge.description.hasPrefix("ridge (α = 0.01, solver cholesky): 2 of 2 coefficients nonzero, "))
        #expect(lasso.description.hasPrefix("lasso (α = 0.05): objective \(lasso.objective), 2 of 2 coefficients nonzero, converged, duality gap \(lasso.dualityGap)"))
        let decoded = try JSONDecoder().decode(ElasticNetModel.self, from: json)
        #expect(decoded.coefficients == lasso.coefficients && decoded.intercept == lasso.intercept)
        #expect(decoded.featureNames == ["x1", "x2"] && decoded.targetName == "y")
        #expect(throws: RegressionError.invalidParameter(name: "alpha", value: -1, requirement: "must be finite and ≥ 0")) {
            try Lasso(alpha: -1).fit(rows, y)
        }
        let message = RegressionError.invalidParameter(name: "alpha", value: -1, requirement: "must be finite and ≥ 0")
            .localizedDescription
        #expect(message == "invalid alpha = -1.0: must be finite and ≥ 0")

        // The code above, line for line, is the README's block (its imports aside).
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let source = try String(contentsOf: URL(fileURLWithPath: #filePath), encoding: .utf8)
        let block = try #require(Self.block(after: "## Quick start", in: readme))
        let printed = block.filter { !$0.hasPrefix("import ") }
        let tested = try #require(Self.lines(of: source, between: "// README quick start: begin",
                                             and: "// README quick start: end"))
        #expect(Self.trimmed(printed) == Self.trimmed(tested))
        // Its imports are the README's: the block compiles on its own, as printed.
        let sourceLines = Set(source.split(separator: "\n").map(String.init))
        let imports = block.filter { $0.hasPrefix("import ") }
        #expect(imports == ["import Foundation", "import LinearAlgebra", "import RidgeLasso"])
        #expect(imports.allSatisfy(sourceLines.contains))
    }

    /// The lines of the first ```swift block after `heading`.
    static func block(after heading: String, in text: String) -> [String]? {
        guard let start = text.range(of: heading) else { return nil }
        let lines = text[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let open = lines.firstIndex(of: "```swift"),
              let close = lines[(open + 1)...].firstIndex(of: "```") else { return nil }
        return Array(lines[(open + 1)..<close])
    }

    /// The lines strictly between two marker lines.
    static func lines(of text: String, between begin: String, and end: String) -> [String]? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let b = lines.firstIndex(where: { $0.contains(begin) }),
              let e = lines.firstIndex(where: { $0.contains(end) }), b < e else { return nil }
        return Array(lines[(b + 1)..<e])
    }

    /// Lines without surrounding spaces, blank lines at either end dropped.
    static func trimmed(_ lines: [String]) -> [String] {
        var out = lines.map { $0.trimmingCharacters(in: .whitespaces) }
        while out.first == "" { out.removeFirst() }
        while out.last == "" { out.removeLast() }
        return out
    }

    @Test("the main calls run and the results agree")
    func tour() throws {
        var g = SplitMix64(seed: 2026)
        var rowsOfFeatures: [[Double]] = []
        var response: [Double] = []
        for _ in 0..<60 {
            let row: [Double] = (0..<4).map { _ in 2 * g.uniform() - 1 }
            let noise: Double = 0.1 * (g.uniform() - 0.5)
            rowsOfFeatures.append(row)
            response.append(3 * row[0] - 2 * row[2] + noise)
        }

        let x = try Matrix(rows: rowsOfFeatures)
        let y: [Double] = response

        let ridge = try Ridge(alpha: 1).fit(x, y)
        let many = try Ridge().fit(x, y, alphas: [0.01, 0.1, 1, 10])
        #expect(ridge.solverUsed == RidgeSolver.cholesky)
        for j in 0..<4 { #expect(abs(many[2].coefficients[j] - ridge.coefficients[j]) < 1e-12) }

        let lasso = try Lasso(alpha: 0.1).fit(x, y)
        #expect(lasso.converged && lasso.dualityGap >= 0 && lasso.iterations > 0)
        // α = 0.1 removes the irrelevant features 1 and 3 and keeps the signs of 0 and 2.
        #expect(lasso.coefficients[1] == 0 && lasso.coefficients[3] == 0)
        #expect(lasso.coefficients[0] > 2 && lasso.coefficients[2] < -1)

        let path = try ElasticNet(l1Ratio: 0.5).path(x, y)
        #expect(path.alphas.count == 100)
        #expect(path.coefficients[0].allSatisfy { $0 == 0 })

        let loo = try RidgeCV(alphas: RidgeCV.logarithmicGrid(minimum: 1e-3, maximum: 1e3, count: 50)).fit(x, y)
        let cv = try LassoCV(folds: .shuffled(count: 5, seed: 1), rule: .oneStandardError).fit(x, y)
        #expect(loo.alpha < 10)   // a strong linear signal wants little shrinkage
        #expect(cv.alphaOneStandardError >= cv.alphaMin)

        let predictions = try ridge.predict(x)
        var residual = 0.0
        for i in 0..<60 { residual += (predictions[i] - y[i]) * (predictions[i] - y[i]) / 60 }
        #expect(residual < 0.05)
    }
}
