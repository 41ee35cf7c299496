import Foundation
import Testing
@testable import RidgeLasso

@Suite struct SolverClockTests {
    @Test func excludedWorkIsNotCounted() {
        var clock = SolverClock()
        let value = clock.excluding { () -> Int in
            Thread.sleep(forTimeInterval: 0.2)
            return 7
        }
        #expect(value == 7)
        #expect(clock.seconds >= 0 && clock.seconds < 0.1)  // the 0.2 s sleep is not counted
    }

    @Test func countsOrdinaryTime() {
        let clock = SolverClock()
        Thread.sleep(forTimeInterval: 0.05)
        #expect(clock.seconds >= 0.05)
    }
}
