import Testing
@testable import BenchmarkSuite

@Suite struct TimingTests {
    @Test func medians() {
        #expect(Timing.median([3, 1, 2]) == 2)
        #expect(Timing.median([4, 1, 3, 2]) == 2.5)
        #expect(Timing.median([]) == 0)
    }

    @Test func medianRunsTheBodyRepeatsTimes() {
        var calls = 0
        let (seconds, value) = Timing.median(repeats: 5) { calls += 1; return calls }
        #expect(calls == 5 && value == 5 && seconds >= 0)
    }
}
