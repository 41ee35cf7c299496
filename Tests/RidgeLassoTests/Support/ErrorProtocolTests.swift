import Foundation
import LinearAlgebra
import RidgeLasso
import Testing

/// One protocol for every error of the public API, with readable `localizedDescription`s.
@Suite("RidgeLassoError")
struct ErrorProtocolTests {
    static let errors: [any RidgeLassoError] = [
        RegressionError.invalidParameter(name: "alpha", value: -1, requirement: "must be finite and ≥ 0"),
        RegressionError.nonFinite(input: "y", row: 3, column: 0),
        RegressionError.linearAlgebra(.notPositiveDefinite(minor: 2)),
        LinearAlgebraError.singular(index: 4),
        StatisticsError.negativeWeight(row: 7, value: -2),
        StatisticsFileError.truncated(source: "s.rlstats", expected: 100, actual: 10),
    ]

    @Test("errorDescription and localizedDescription are the one-line description, not \"… error 3\"")
    func descriptions() {
        for error in Self.errors {
            #expect(error.errorDescription == error.description)
            #expect(error.localizedDescription == error.description)
            #expect(!error.description.contains("\n") && !error.description.contains(" error "))
        }
        #expect(Self.errors[0].localizedDescription == "invalid alpha = -1.0: must be finite and ≥ 0")
        #expect(Self.errors[1].localizedDescription == "non-finite value (NaN or Inf) in y at row 3, column 0")
        #expect(Self.errors[5].localizedDescription == "s.rlstats: truncated statistics file (10 bytes, expected 100)")
    }

    @Test("one catch clause handles the errors of every layer")
    func oneCatch() throws {
        var caught: [String] = []
        let calls: [() throws -> Void] = [
            { _ = try Matrix(rows: [[1, 2], [3]]) },
            { _ = try Ridge(alpha: -2).fit([[1], [2]], [1, 2]) },
            { _ = try StatisticsFile(decoding: [1, 2, 3], source: "junk") },
        ]
        for call in calls {
            do { try call() } catch let error as any RidgeLassoError { caught.append(error.localizedDescription) }
        }
        #expect(caught.count == 3)
        #expect(Array(caught.prefix(2)) == ["dimension mismatch: row 1 has 1 values, row 0 has 2",
                                     "invalid alpha = -2.0: must be finite and ≥ 0"])
        #expect(caught.last?.hasPrefix("junk: ") == true)
    }
}
