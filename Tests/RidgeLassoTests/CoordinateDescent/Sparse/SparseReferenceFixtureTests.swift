import Foundation
import LinearAlgebra
import Testing
@testable import RidgeLasso

/// The sparse fits against scikit-learn on `scipy.sparse` CSC input (tol 1e-12) and glmnet on a
/// `dgCMatrix` (thresh 1e-14), both centering implicitly (Fixtures/cd/make_sparse_fixtures.py,
/// make_sparse_glmnet_fixtures.R). The design has a column stored in 99% of the rows.
@Suite struct SparseReferenceFixtureTests {
    /// sparse_data.csv: "n,p", then "row,column,value" per stored entry, then "y,...".
    static func data() throws -> (x: SparseMatrix, y: [Double]) {
        let lines = try CDFixtures.text("sparse_data.csv").split(whereSeparator: \.isNewline)
        let shape = lines[0].split(separator: ",").compactMap { Int($0) }
        var triplets: [(row: Int, column: Int, value: Double)] = []
        for line in lines.dropFirst().dropLast() {
            let f = line.split(separator: ",")
            triplets.append((Int(f[0])!, Int(f[1])!, Double(f[2])!))
        }
        let y = lines.last!.split(separator: ",").dropFirst().compactMap { Double($0) }
        return (try SparseMatrix(rows: shape[0], columns: shape[1], triplets: triplets), y)
    }

    static func rows(_ name: String) throws -> [[String]] {
        try CDFixtures.text(name).split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("#") }
            .map { $0.split(separator: ",").map(String.init) }
    }

    @Test("scikit-learn on CSC input: our certified objective is never worse, coefficients agree to 1e-6")
    func scikitLearn() throws {
        let (x, y) = try Self.data()
        let dense = x.dense()
        let weights = try CDFixtures.text("sparse_weights.csv").split(separator: ",")
            .compactMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        let references = try Self.rows("sparse_sklearn_reference.csv")
        #expect(references.count == 9)
        for f in references {
            let alpha = Double(f[1])!, ratio = Double(f[2])!
            let w = f[5] == "none" ? nil : weights
            let model = ElasticNet(alpha: alpha, l1Ratio: ratio, fitIntercept: f[3] == "1", tolerance: 1e-12,
                                   positive: f[4] == "1")
            let fit = try model.fit(x, y, sampleWeights: w)
            let coefficients = f[7...].map { Double($0)! }, intercept = Double(f[6])!
            #expect(fit.converged, "\(f[0])")
            let ours = CDTestSupport.objective(dense, y, w: fit.coefficients, b: fit.intercept, alpha: alpha,
                                               l1Ratio: ratio, weights: w)
            let theirs = CDTestSupport.objective(dense, y, w: coefficients, b: intercept, alpha: alpha,
                                                 l1Ratio: ratio, weights: w)
            #expect(ours <= theirs * (1 + 1e-10), "\(f[0]): \(ours) vs \(theirs)")
            #expect(ReferenceFixtureTests.agree(fit.coefficients, coefficients, fit.intercept, intercept, rtol: 1e-6),
                    "\(f[0])")
        }
    }

    @Test("glmnet on a dgCMatrix: objectives agree to 1e-9, ours never worse")
    func glmnet() throws {
        let (x, y) = try Self.data()
        let dense = x.dense()
        let references = try Self.rows("sparse_glmnet_reference.csv")
        #expect(references.count == 6)
        for f in references {
            let alpha = Double(f[1])!, ratio = Double(f[2])!
            let fit = try ElasticNet(alpha: alpha, l1Ratio: ratio, tolerance: 1e-12).fit(x, y)
            let coefficients = f[4...].map { Double($0)! }, intercept = Double(f[3])!
            let ours = CDTestSupport.objective(dense, y, w: fit.coefficients, b: fit.intercept, alpha: alpha, l1Ratio: ratio)
            let theirs = CDTestSupport.objective(dense, y, w: coefficients, b: intercept, alpha: alpha, l1Ratio: ratio)
            #expect(fit.converged && ours <= theirs * (1 + 1e-12) && abs(ours - theirs) <= 1e-9 * theirs, "\(f[0])")
            #expect(ReferenceFixtureTests.agree(fit.coefficients, coefficients, fit.intercept, intercept, rtol: 1e-5),
                    "\(f[0])")
        }
    }
}
