import Testing
import LinearAlgebra
@testable import RidgeLasso

@Suite("RidgeCVEvaluation: choosing α without the refit")
struct RidgeCVEvaluationTests {
    @Test("evaluate picks what fit picks, per target, for every criterion and rule")
    func consistentWithFit() throws {
        let (x, y1) = cvProblem(rows: 50, columns: 6, seed: 41, noise: 2)
        let (_, y2) = cvProblem(rows: 50, columns: 6, seed: 42, noise: 5)
        let y = try Matrix(columns: [y1, y2])
        let alphas = RidgeCV.logarithmicGrid(minimum: 1e-2, maximum: 1e3, count: 15)
        for criterion in [RidgeSelectionCriterion.leaveOneOut, .generalizedCrossValidation, .kFold(.contiguous(count: 5))] {
            for rule in [SelectionRule.minimum, .oneStandardError] {
                let cv = RidgeCV(alphas: alphas, criterion: criterion, rule: rule, alphaPerTarget: true)
                let e = try cv.evaluate(x, targets: y)
                let r = try cv.fit(x, targets: y)
                #expect(e.chosenAlphas == r.map(\.alpha))
                // To rounding, not bit for bit: another test running meanwhile may switch the
                // process-wide BLAS thread count (cross-validation folds set it to 1), and a
                // multithreaded OpenBLAS reduction adds in another order.
                for (a, b) in zip(e.curves, r.map(\.curve)) {
                    #expect(a.alphas == b.alphas)
                    let (sa, sb) = (a.standardErrors ?? [], b.standardErrors ?? [])
                    #expect(a.meanErrors.count == b.meanErrors.count && sa.count == sb.count)
                    #expect(zip(a.meanErrors, b.meanErrors).allSatisfy { cvRelativeDifference($0, $1) < 1e-12 })
                    #expect(zip(sa, sb).allSatisfy { cvRelativeDifference($0, $1) < 1e-12 })
                    #expect((a.standardErrors == nil) == (b.standardErrors == nil))
                }
                for t in 0..<2 {
                    let expected = rule == .minimum || criterion == .generalizedCrossValidation
                        ? e.curves[t].alphaMin : e.curves[t].alphaOneStandardError
                    #expect(e.chosenAlphas[t] == expected)
                }
                #expect((e.generalizedCrossValidation == nil) == (criterion == .kFold(.contiguous(count: 5))))
            }
        }
    }

    @Test("the logarithmic grid runs from maximum down to minimum, evenly in log scale")
    func grid() {
        let g = RidgeCV.logarithmicGrid(minimum: 0.01, maximum: 100, count: 5)
        #expect(g.first == 100 && g.last == 0.01)
        #expect(abs(g[1] - 10) < 1e-12 && abs(g[2] - 1) < 1e-14 && abs(g[3] - 0.1) < 1e-15)
    }

    @Test("the default grid spans 10⁻⁶…10⁴ times the mean eigenvalue of the centered Gram matrix")
    func defaultGrid() throws {
        let x = try Matrix(rows: [[1, 10], [2, 10], [3, 13]])
        // Centered columns (−1, 0, 1) and (−1, −1, 2): trace of XcᵀXc = 2 + 6 = 8, t = 4.
        let g = try RidgeCV.defaultAlphas(for: x, count: 11)
        #expect(g.count == 11 && abs(g[0] - 4e4) < 1e-9 && abs(g[10] - 4e-6) < 1e-18 && abs(g[4] - 4) < 1e-13)
        let weighted = try RidgeCV.defaultAlphas(for: x, sampleWeights: [2, 1, 1], fitIntercept: false, count: 6)
        // No centering: Σ wᵢxᵢⱼ² = (2 + 4 + 9) + (200 + 100 + 169) = 484, t = 242.
        #expect(abs(weighted[2] - 242) < 1e-11)
        #expect(throws: RegressionError.singular("every column of X is constant: no α scale")) {
            try RidgeCV.defaultAlphas(for: Matrix(rows: [[1], [1]]))
        }
    }
}
