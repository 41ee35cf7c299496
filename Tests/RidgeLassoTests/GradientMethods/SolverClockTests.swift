import Testing
@testable import RidgeLasso

@Suite struct SolverClockTests {
    @Test func excludedWorkIsNotCounted() {
        var clock = SolverClock()
        let value = clock.excluding { () -> Double in
            var s = 0.0
            for i in 0..<2_000_000 { s += Double(i & 3) }
            return s
        }
        #expect(value == 3_000_000)
        #expect(clock.seconds >= 0 && clock.seconds < 0.002)
    }

    @Test func countsOrdinaryTime() {
        let clock = SolverClock()
        var s = 0.0
        for i in 0..<2_000_000 { s += Double(i & 3) }
        #expect(s > 0)
        #expect(clock.seconds > 0)
    }
}
