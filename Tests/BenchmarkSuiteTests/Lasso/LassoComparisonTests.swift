import Foundation
import Testing
@testable import BenchmarkSuite

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
}
