import Foundation
import Testing
@testable import BenchmarkSuite
import RidgeLasso

@Suite struct LassoComparisonTests {
    /// The raw diabetes data (442 × 10, scikit-learn's `load_diabetes` in original units: age in
    /// years, target mean 152.13) read through the library's CSV reader.
    @Test func diabetesInRawUnits() throws {
        let (x, y) = try LassoComparison.makeProblem("diabetes")
        #expect(x.rows == 442 && x.columns == 10 && y.count == 442)
        #expect(abs(y.reduce(0, +) / 442 - 152.133) < 1e-3)
        let age = x.column(0)
        #expect(age.min()! >= 19 && age.max()! <= 79)
    }

    /// One quick run writes the problem, every task's coefficients and the timings, all converged.
    @Test func quickRunOfOneProblem() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lasso-compare-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let rows = try LassoComparison.run(outputDirectory: dir, repeats: 1, quick: true, problems: ["diabetes"], log: { _ in })
        #expect(rows.map(\.task) == ["lasso_path", "enet_path", "lasso_single"])
        #expect(rows.allSatisfy { $0.converged && $0.seconds > 0 && $0.rows == 442 && $0.columns == 10 })
        let files = try FileManager.default.contentsOfDirectory(atPath: dir + "/diabetes")
        #expect(files.contains("X.f64") && files.contains("ridgelasso_times.json"))
    }

    /// A looser tolerance applies to the timed fits only: it is recorded, the reference stays at
    /// 1e-12, and the timed single fit's relative suboptimality against the reference is within
    /// what that tolerance certifies, (P(w) − P*) ≤ tolerance · P(w), while the default run's is
    /// within 1e-6.
    @Test func looseToleranceIsRecordedAndBounded() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lasso-compare-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let (x, y) = try LassoComparison.makeProblem("diabetes")
        let n = Double(x.rows)
        func read(_ name: String) throws -> [Double] {
            let data = try Data(contentsOf: URL(fileURLWithPath: dir + "/diabetes/" + name))
            return data.withUnsafeBytes { Array($0.bindMemory(to: Double.self)) }
        }
        func objective(_ w: [Double], _ b: Double, _ alpha: Double) throws -> Double {
            let fitted = try x.times(w)
            var rss = 0.0
            for i in 0..<x.rows { rss += (y[i] - fitted[i] - b) * (y[i] - fitted[i] - b) }
            return rss / (2 * n) + alpha * w.reduce(0) { $0 + abs($1) }
        }
        let alpha = try Lasso.alphaMax(x, y) / 100
        var gaps: [Double] = []
        for tolerance in [1e-2, ElasticNet.defaultTolerance] {
            _ = try LassoComparison.run(outputDirectory: dir, repeats: 1, problems: ["diabetes"], tolerance: tolerance, log: { _ in })
            let times = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir + "/diabetes/ridgelasso_times.json")))
            let single = (times as? [String: Any])?["lasso_single"] as? [String: Any]
            #expect(single?["tolerance"] as? Double == tolerance)
            let timed = try objective(try read("ridgelasso_lasso_single_coef.f64"), try read("ridgelasso_lasso_single_intercept.f64")[0], alpha)
            let best = try objective(try read("reference_lasso_single_coef.f64"), try read("reference_lasso_single_intercept.f64")[0], alpha)
            let relative = (timed - best) / timed
            #expect(relative >= -1e-12 && relative <= tolerance)
            gaps.append(relative)
        }
        #expect(gaps[1] <= 1e-6)
    }
}
