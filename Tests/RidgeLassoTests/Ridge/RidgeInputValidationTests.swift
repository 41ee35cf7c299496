import LinearAlgebra
import RidgeLasso
import Testing

/// Every bad input is a thrown, typed error that names what is wrong — never a crash.
@Suite("Ridge: input checking")
struct RidgeInputValidationTests {
    let x: Matrix
    let y = [1.0, 2, 3, 4]

    init() throws { x = try Matrix(rows: [[1, 2], [3, 5], [4, 4], [6, 1]]) }

    @Test("dimension mismatches")
    func dimensions() throws {
        #expect(throws: RegressionError.dimensionMismatch("X has 4 rows but y has 3 values")) {
            try Ridge().fit(x, [1, 2, 3])
        }
        #expect(throws: RegressionError.dimensionMismatch("X has 4 rows but there are 2 sample weights")) {
            try Ridge().fit(x, y, sampleWeights: [1, 1])
        }
        #expect(throws: RegressionError.dimensionMismatch("X has 4 rows but Y has 3")) {
            try Ridge().fit(x, targets: Matrix(rows: 3, columns: 2))
        }
        #expect(throws: RegressionError.dimensionMismatch("X has 4 rows but y has 5 values")) {
            try Ridge().fit(x, [1, 2, 3, 4, 5], alphas: [1])
        }
        let model = try Ridge().fit(x, y)
        #expect(throws: RegressionError.dimensionMismatch("model has 2 features but X has 3 columns")) {
            try model.predict(Matrix(rows: 1, columns: 3))
        }
    }

    @Test("empty data")
    func empty() throws {
        #expect(throws: RegressionError.emptyData("X has no rows")) {
            try Ridge().fit(Matrix(rows: 0, columns: 2), [])
        }
        #expect(throws: RegressionError.emptyData("X has no columns")) {
            try Ridge().fit(Matrix(rows: 3, columns: 0), [1, 2, 3])
        }
        #expect(throws: RegressionError.emptyData("Y has no columns (no targets)")) {
            try Ridge().fit(x, targets: Matrix(rows: 4, columns: 0))
        }
        #expect(throws: RegressionError.emptyData("alphas is empty")) {
            try Ridge().fit(x, y, alphas: [])
        }
    }

    @Test("NaN and ±∞ are reported with their row and column")
    func nonFinite() throws {
        var bad = x
        bad[2, 1] = .nan
        #expect(throws: RegressionError.nonFinite(input: "X", row: 2, column: 1)) { try Ridge().fit(bad, y) }
        bad[2, 1] = 4
        bad[3, 0] = -.infinity
        #expect(throws: RegressionError.nonFinite(input: "X", row: 3, column: 0)) { try Ridge().fit(bad, y, alphas: [1]) }
        #expect(throws: RegressionError.nonFinite(input: "y", row: 1, column: 0)) { try Ridge().fit(x, [1, .infinity, 3, 4]) }
        var yy = Matrix(rows: 4, columns: 2)
        yy[3, 1] = .nan
        #expect(throws: RegressionError.nonFinite(input: "Y", row: 3, column: 1)) { try Ridge().fit(x, targets: yy) }
        #expect(throws: RegressionError.nonFinite(input: "weights", row: 0, column: 0)) {
            try Ridge().fit(x, y, sampleWeights: [.nan, 1, 1, 1])
        }
        let model = try Ridge().fit(x, y)
        #expect(throws: RegressionError.nonFinite(input: "X", row: 0, column: 1)) {
            try model.predict(Matrix(rows: [[1, .nan]]))
        }
    }

    @Test("α must be finite and ≥ 0")
    func alpha() throws {
        #expect(throws: RegressionError.invalidParameter(name: "alpha", value: -1, requirement: "must be finite and ≥ 0")) {
            try Ridge(alpha: -1).fit(x, y)
        }
        #expect(throws: RegressionError.invalidParameter(name: "alpha", value: .infinity, requirement: "must be finite and ≥ 0")) {
            try Ridge(alpha: .infinity).fit(x, targets: Matrix(columns: [y]))
        }
        #expect(throws: RegressionError.invalidParameter(name: "alphas[2]", value: -0.5, requirement: "must be finite and ≥ 0")) {
            try Ridge().fit(x, y, alphas: [1, 0, -0.5])
        }
        do {
            _ = try Ridge(alpha: .nan).fit(x, y)
            Issue.record("α = NaN was accepted")
        } catch .invalidParameter(let name, let value, _) {
            #expect(name == "alpha" && value.isNaN)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("negative or all-zero weights")
    func weights() throws {
        #expect(throws: RegressionError.invalidWeights("weight -2.0 at row 1 is negative")) {
            try Ridge().fit(x, y, sampleWeights: [1, -2, 1, 1])
        }
        #expect(throws: RegressionError.invalidWeights("all weights are zero")) {
            try Ridge().fit(x, y, sampleWeights: [0, 0, 0, 0])
        }
        #expect(throws: RegressionError.invalidWeights("all weights are zero")) {
            try Ridge().fit(x, targets: Matrix(columns: [y]), sampleWeights: [0, 0, 0, 0])
        }
    }

    @Test("α = 0 on a rank-deficient X: cholesky and qr refuse, svd and auto give the minimum norm")
    func rankDeficient() throws {
        let dup = try Matrix(columns: [[1, 2, 3, 5, 8], [1, 2, 3, 5, 8], [2, 1, 0, 1, 3]])
        let t = [1.0, 3, 2, 5, 4]
        for solver in [RidgeSolver.cholesky, .qr] {
            do {
                _ = try Ridge(alpha: 0, solver: solver).fit(dup, t)
                Issue.record("\(solver) accepted a rank-deficient X at α = 0")
            } catch .singular(let message) {
                #expect(message.contains("svd"), "the message points to the remedy: \(message)")
            } catch {
                Issue.record("\(solver): unexpected \(error)")
            }
        }
        for solver in [RidgeSolver.svd, .automatic] {
            let m = try Ridge(alpha: 0, solver: solver).fit(dup, t)
            #expect(m.rank == 2 && m.solverUsed == .svd)
            #expect(m.coefficients[0] == m.coefficients[1] || abs(m.coefficients[0] - m.coefficients[1]) <= 1e-13)
        }
    }

    @Test("error messages say what is wrong")
    func messages() {
        #expect(RegressionError.nonFinite(input: "X", row: 2, column: 1).description
                == "non-finite value (NaN or Inf) in X at row 2, column 1")
        #expect(RegressionError.invalidParameter(name: "alpha", value: -1, requirement: "must be finite and ≥ 0").description
                == "invalid alpha = -1.0: must be finite and ≥ 0")
    }
}
