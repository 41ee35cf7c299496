import Testing
@testable import RidgeLassoPlots

@Suite struct TickGeneratorTests {
    @Test func linearTicksAreNiceNumbers() {
        #expect(TickGenerator.linear(0, 10, count: 6) == [0, 2, 4, 6, 8, 10])
        #expect(TickGenerator.linear(-0.3, 0.3, count: 4) == [-0.2, 0, 0.2])
    }

    @Test func logTicksAreDecades() {
        #expect(TickGenerator.log(-6.2, 0.1) == [-6, -5, -4, -3, -2, -1, 0])
        #expect(TickGenerator.log(-20, 0).count <= 11)
        let short = TickGenerator.log(0.05, 0.8)  // 1.1 … 6.3: ticks at 2 and 5
        #expect(short.count == 2)
    }
}
