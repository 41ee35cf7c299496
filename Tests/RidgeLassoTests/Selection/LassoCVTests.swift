import Testing
import LinearAlgebra
@testable import RidgeLasso

@Suite("LassoCV")
struct LassoCVTests {
    @Test("LassoCV is ElasticNetCV with l1 ratio 1, bit for bit")
    func sameAsElasticNetCV() throws {
        let (x, y) = cvProblem(rows: 50, columns: 20, seed: 9, noise: 2)
        let w = cvWeights(50, seed: 10)
        let a = try LassoCV(alphaCount: 15, folds: .shuffled(count: 5, seed: 3), rule: .oneStandardError).fit(x, y, sampleWeights: w)
        let b = try ElasticNetCV(l1Ratios: [1], alphaCount: 15, folds: .shuffled(count: 5, seed: 3), rule: .oneStandardError)
            .fit(x, y, sampleWeights: w)
        #expect(a.curves == b.curves && a.model == b.model && a.l1Ratio == 1)
    }

    @Test("an explicit grid is used in descending order for every fold")
    func explicitGrid() throws {
        let (x, y) = cvProblem(rows: 30, columns: 5, seed: 4, noise: 1)
        let r = try LassoCV(alphas: [0.01, 1, 0.1], folds: .contiguous(count: 3)).fit(x, y)
        #expect(r.curve.alphas == [1, 0.1, 0.01])
        #expect(r.curve.foldErrors?.count == 3 && r.curve.foldErrors?[0].count == 3)
    }
}
