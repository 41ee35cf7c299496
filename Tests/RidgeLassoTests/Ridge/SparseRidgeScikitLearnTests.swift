import Foundation
import LinearAlgebra
import RidgeLasso
import Testing

/// scikit-learn's Ridge on scipy.sparse CSC input with an intercept
/// (Fixtures/ridge/make_sparse_fixtures.py regenerates the cases).
@Suite("Ridge: sparse X against scikit-learn")
struct SparseRidgeScikitLearnTests {
    struct Case: Decodable, CustomTestStringConvertible {
        let name: String
        let rows: Int
        let columns: Int
        let column_starts: [Int]
        let row_indices: [Int32]
        let values: [Double]
        let y: [Double]
        let weights: [Double]?
        let alpha: Double
        let coefficients: [Double]
        let intercept: Double
        var testDescription: String { name }
    }

    struct File: Decodable { let cases: [Case] }

    static func cases() throws -> [Case] {
        try JSONDecoder().decode(File.self, from: RidgeFixtures.data("sklearn_sparse_cases.json")).cases
    }

    /// The fixture's solutions agree across scikit-learn's solvers to 1e-10 (checked when written);
    /// the exact forms and conjugate gradients at 1e-13 must match them to that accuracy.
    @Test("exact and conjugate-gradient fits match scikit-learn on CSC input to 1e-9", arguments: try cases())
    func matches(_ c: Case) throws {
        let x = try SparseMatrix(rows: c.rows, columns: c.columns, columnStarts: c.column_starts,
                                 rowIndices: c.row_indices, values: c.values)
        for solver in [RidgeSolver.automatic, .conjugateGradient] {
            let model = try Ridge(alpha: c.alpha, solver: solver).fit(x, c.y, sampleWeights: c.weights, tolerance: 1e-13)
            #expect(relativeDifference(model.coefficients + [model.intercept], c.coefficients + [c.intercept]) <= 1e-9,
                    "\(c.name) \(solver)")
        }
    }
}
