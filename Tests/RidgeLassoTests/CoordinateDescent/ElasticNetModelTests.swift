import Testing
import LinearAlgebra
@testable import RidgeLasso

@Suite struct ElasticNetModelTests {
    @Test func predictsWithCoefficientsAndIntercept() throws {
        let x = try Matrix(columns: [[-1, 0, 1]])
        let model = try Lasso(alpha: 0.1, tolerance: 1e-12).fit(x, [0, 1, 2])
        // y = x + 1: w = S(2/3, 0.1)/(2/3) = 0.85, b = 1.
        let predictions = try model.predict(try Matrix(columns: [[2, -2]]))
        #expect(abs(predictions[0] - 2.7) < 1e-12)
        #expect(abs(predictions[1] - (-0.7)) < 1e-12)
        #expect(model.activeSet == [0])
        #expect(throws: RegressionError.self) { try model.predict(Matrix(rows: 1, columns: 2)) }
    }
}
