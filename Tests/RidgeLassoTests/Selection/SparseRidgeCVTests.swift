import LinearAlgebra
@testable import RidgeLasso
import Testing
import _TestSupport

/// RidgeCV on a sparse X against RidgeCV on its dense copy.
@Suite("RidgeCV: sparse X")
struct SparseRidgeCVTests {
    static let alphas = RidgeCV.logarithmicGrid(minimum: 1e-3, maximum: 1e2, count: 12)

    static func relative(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).map { abs($0 - $1) / max(1e-300, abs($1)) }.max() ?? 0
    }

    @Test("LOO, GCV and K-fold curves, chosen α and refit equal the dense ones (primal and dual forms)",
          arguments: [(50, 8), (14, 30)])
    func equalsDense(n: Int, p: Int) throws {
        let (x, y, weights) = try SparseRidgeTests.problem(n, p, seed: UInt64(7 * n + p), offset: 2)
        let dense = x.dense()
        let criteria: [RidgeSelectionCriterion] = [.leaveOneOut, .generalizedCrossValidation,
                                                   .kFold(.shuffled(count: 4, seed: 3)), .kFold(.contiguous(count: 3))]
        for criterion in criteria {
            for intercept in [true, false] {
                for w in [nil, weights] {
                    let cv = RidgeCV(alphas: Self.alphas, fitIntercept: intercept, criterion: criterion, threads: 2)
                    let sparse = try cv.fit(x, y, sampleWeights: w)
                    let reference = try cv.fit(dense, y, sampleWeights: w)
                    let label = "\(n)×\(p) \(criterion) intercept=\(intercept) weighted=\(w != nil)"
                    #expect(Self.relative(sparse.curve.meanErrors, reference.curve.meanErrors) <= 1e-9, "\(label)")
                    if let se = sparse.curve.standardErrors, let seRef = reference.curve.standardErrors {
                        #expect(Self.relative(se, seRef) <= 1e-8, "\(label)")
                    } else {
                        #expect(sparse.curve.standardErrors == nil && reference.curve.standardErrors == nil)
                    }
                    if let g = sparse.generalizedCrossValidation, let gRef = reference.generalizedCrossValidation {
                        #expect(Self.relative(g, gRef) <= 1e-9, "\(label)")
                    }
                    #expect(sparse.alpha == reference.alpha, "\(label)")
                    #expect(relativeDifference(sparse.coefficients + [sparse.intercept],
                                               reference.coefficients + [reference.intercept]) <= 1e-10, "\(label)")
                }
            }
        }
    }

    @Test("several targets share one decomposition and equal the dense selection")
    func targets() throws {
        let (x, y, _) = try SparseRidgeTests.problem(40, 9, seed: 77)
        let ys = try Matrix(columns: [y, y.map { -0.5 * $0 + 1 }])
        for perTarget in [false, true] {
            let cv = RidgeCV(alphas: Self.alphas, alphaPerTarget: perTarget)
            let sparse = try cv.fit(x, targets: ys)
            let dense = try cv.fit(x.dense(), targets: ys)
            for t in 0..<2 {
                #expect(sparse[t].alpha == dense[t].alpha)
                #expect(Self.relative(sparse[t].curve.meanErrors, dense[t].curve.meanErrors) <= 1e-9)
            }
        }
    }

    @Test("options a sparse X does not support are refused")
    func refusals() throws {
        let (x, y, _) = try SparseRidgeTests.problem(20, 5, seed: 1)
        #expect(throws: RegressionError.self) {
            try RidgeCV(alphas: Self.alphas, storeLeaveOneOutResiduals: true).fit(x, y)
        }
        #expect(throws: RegressionError.self) { try RidgeCV(alphas: [0]).fit(x, y) }
        #expect(throws: RegressionError.self) { try RidgeCV(alphas: Self.alphas, solver: .qr).fit(x, y) }
    }
}
