import Testing
@testable import RidgeLasso

@Suite struct SmallDenseSystemTests {
    @Test func pivotsAndReportsSingularity() throws {
        // [[0, 1], [1, 0]] x = [2, 3] needs a row swap: x = [3, 2].
        #expect(SmallDenseSystem.solve([0, 1, 1, 0], [2, 3], 2) == [3, 2])
        // An indefinite 3 × 3 system (the shape of a bordered Schur complement): x = [1, 1, 1].
        let x = try #require(SmallDenseSystem.solve([2, 1, 1, 1, -3, 0, 1, 0, 0], [4, -2, 1], 3))
        #expect(abs(x[0] - 1) < 1e-15 && abs(x[1] - 1) < 1e-15 && abs(x[2] - 1) < 1e-15)
        #expect(SmallDenseSystem.solve([1, 2, 2, 4], [1, 1], 2) == nil)   // singular
        #expect(SmallDenseSystem.solve([], [], 0) == [])
    }
}
