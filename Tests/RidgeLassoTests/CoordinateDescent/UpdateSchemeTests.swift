import Testing
@testable import RidgeLasso

@Suite struct UpdateSchemeTests {
    @Test func automaticChoosesByShape() {
        #expect(UpdateScheme.automatic.resolved(rows: 1000, columns: 100) == .covariance)
        #expect(UpdateScheme.automatic.resolved(rows: 1000, columns: 10_000) == .naive)
        #expect(UpdateScheme.automatic.resolved(rows: 150, columns: 100) == .naive)
        #expect(UpdateScheme.automatic.resolved(rows: 100_000, columns: 5000) == .naive)
        #expect(UpdateScheme.naive.resolved(rows: 1000, columns: 10) == .naive)
        #expect(UpdateScheme.covariance.resolved(rows: 10, columns: 1000) == .covariance)
    }
}
