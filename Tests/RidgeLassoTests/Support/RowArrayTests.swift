import LinearAlgebra
import RidgeLasso
import Testing
import _TestSupport

/// The `[[Double]]` conveniences: the same results as the `Matrix` forms, the same errors, and
/// single-row predictions equal to the batch ones.
@Suite("Rows as [[Double]]")
struct RowArrayTests {
    /// The diabetes data as an array of rows.
    static func rows() throws -> (rows: [[Double]], x: Matrix, y: [Double]) {
        let (x, y) = try Datasets.diabetes()
        let rows = (0..<x.rows).map { i in (0..<x.columns).map { j in x[i, j] } }
        return (rows, x, y)
    }

    @Test("fit(rows, y) equals fit(Matrix(rows:), y) for every model users call")
    func fitsAgree() throws {
        let (rows, x, y) = try Self.rows()
        #expect(try Ridge(alpha: 0.5).fit(rows, y) == Ridge(alpha: 0.5).fit(x, y))
        #expect(try Lasso(alpha: 0.3).fit(rows, y) == Lasso(alpha: 0.3).fit(x, y))
        #expect(try ElasticNet(alpha: 0.3, l1Ratio: 0.4).fit(rows, y) == ElasticNet(alpha: 0.3, l1Ratio: 0.4).fit(x, y))
        let grid = [0.01, 0.1, 1, 10]
        let loo = try RidgeCV(alphas: grid).fit(rows, y), looX = try RidgeCV(alphas: grid).fit(x, y)
        #expect(loo.alpha == looX.alpha && loo.model == looX.model && loo.curve == looX.curve)
        let lasso = try LassoCV(alphaCount: 8).fit(rows, y), lassoX = try LassoCV(alphaCount: 8).fit(x, y)
        #expect(lasso.alpha == lassoX.alpha && lasso.model == lassoX.model)
        let net = try ElasticNetCV(l1Ratios: [0.5, 0.9], alphaCount: 8).fit(rows, y)
        let netX = try ElasticNetCV(l1Ratios: [0.5, 0.9], alphaCount: 8).fit(x, y)
        #expect(net.l1Ratio == netX.l1Ratio && net.alpha == netX.alpha && net.model == netX.model)
    }

    @Test("ragged rows are a dimension mismatch naming the row, never a crash")
    func raggedRows() throws {
        let rows: [[Double]] = [[1, 2], [3, 4], [5]]
        #expect(throws: RegressionError.dimensionMismatch("row 2 has 1 values, row 0 has 2")) {
            try Ridge().fit(rows, [1, 2, 3])
        }
        #expect(throws: RegressionError.dimensionMismatch("row 2 has 1 values, row 0 has 2")) {
            try Lasso(alpha: 0.1).fit(rows, [1, 2, 3])
        }
    }

    @Test("predict(row) is the row's entry of predict(x), within rounding; predict(rows) is predict(x)")
    func singleRow() throws {
        let (rows, x, y) = try Self.rows()
        let models: [any LinearPredictor] = [try Ridge(alpha: 0.5).fit(x, y), try Lasso(alpha: 0.3).fit(x, y)]
        for model in models {
            let batch = try model.predict(x)
            #expect(try model.predict(rows) == batch)
            for i in [0, 1, 200, 441] {
                let one = try model.predict(rows[i])
                // The same products summed, possibly in another order: a few ulps of the terms.
                #expect(abs(one - batch[i]) <= 1e-12 * (abs(batch[i]) + 1000), "row \(i): \(one) vs \(batch[i])")
            }
        }
        let ridge = try Ridge(alpha: 0.5).fit(x, y)
        #expect(throws: RegressionError.dimensionMismatch("model has 10 features but X has 3 columns")) {
            try ridge.predict([1, 2, 3])
        }
        #expect(throws: RegressionError.nonFinite(input: "X", row: 0, column: 1)) {
            try ridge.predict([0, .nan, 0, 0, 0, 0, 0, 0, 0, 0])
        }
    }
}
