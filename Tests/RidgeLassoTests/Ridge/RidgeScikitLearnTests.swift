import Foundation
import LinearAlgebra
import RidgeLasso
import Testing

/// scikit-learn's Ridge on seeded problems (Fixtures/ridge/make_fixtures.py regenerates them).
@Suite("Ridge: scikit-learn reference solutions")
struct RidgeScikitLearnTests {
    struct Case: Decodable {
        let name: String
        let alpha: Double
        let fitIntercept: Bool
        let rows: Int
        let columns: Int
        let x: [[Double]]
        let y: [[Double]]
        let weights: [Double]?
        let coefficients: [[Double]]
        let intercept: [Double]
    }
    struct File: Decodable { let sklearn: String; let cases: [Case] }

    static func cases() throws -> [Case] {
        try JSONDecoder().decode(File.self, from: RidgeFixtures.data("sklearn_cases.json")).cases
    }

    @Test("the fixture covers n > p, p > n, intercept or not, weights, several targets")
    func coverage() throws {
        let cases = try Self.cases()
        #expect(cases.contains { $0.rows > $0.columns && $0.fitIntercept })
        #expect(cases.contains { $0.rows < $0.columns && !$0.fitIntercept })
        #expect(cases.contains { $0.rows < $0.columns && $0.weights != nil })
        #expect(cases.contains { $0.weights?.contains(0) == true })
        #expect(cases.contains { $0.y.count > 1 })
    }

    @Test("every solver matches scikit-learn to 1e-10", arguments: RidgeSolver.allCases)
    func matches(solver: RidgeSolver) throws {
        for c in try Self.cases() {
            let x = try Matrix(rows: c.x)
            #expect(x.rows == c.rows && x.columns == c.columns)
            let ridge = Ridge(alpha: c.alpha, fitIntercept: c.fitIntercept, solver: solver)
            let models: [RidgeModel]
            if c.y.count == 1 {
                models = [try ridge.fit(x, c.y[0], sampleWeights: c.weights)]
            } else {
                models = try ridge.fit(x, targets: try Matrix(columns: c.y), sampleWeights: c.weights)
            }
            for (t, m) in models.enumerated() {
                let d = relativeDifference(m.coefficients + [m.intercept], c.coefficients[t] + [c.intercept[t]])
                #expect(d <= 1e-10, "\(c.name) target \(t) with \(solver): \(d)")
            }
        }
    }
}
