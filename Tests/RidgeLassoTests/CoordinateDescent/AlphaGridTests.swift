import Testing
@testable import RidgeLasso

@Suite struct AlphaGridTests {
    @Test func logSpacedEndpointsAndRatio() {
        let grid = AlphaGrid.logSpaced(maximum: 2, count: 5, epsilon: 1e-4)
        #expect(grid.count == 5)
        #expect(grid[0] == 2)
        #expect(abs(grid[4] - 2e-4) < 1e-18)
        for k in 1..<5 { #expect(abs(grid[k] / grid[k - 1] - 0.1) < 1e-12) }
    }

    @Test func degenerateCases() {
        #expect(AlphaGrid.logSpaced(maximum: 3, count: 1, epsilon: 1e-3) == [3])
        #expect(AlphaGrid.logSpaced(maximum: 0, count: 3, epsilon: 1e-3) == [0, 0, 0])
    }
}
