import Foundation
import Testing
@testable import RidgeLasso

@Suite struct HistoryRecorderTests {
    /// Recording work is off the clock: a slow objective does not advance the recorded time.
    @Test func recordingTimeIsExcluded() {
        var recorder = HistoryRecorder(interval: 2, monitor: { w, b in w.reduce(b, +) })
        #expect(recorder.isDue(4) && !recorder.isDue(3))
        recorder.record(iteration: 0, objective: {
            Thread.sleep(forTimeInterval: 0.2)  // a slow objective, off the clock
            return 1
        }, coefficients: { ([1, 2], 3) })
        recorder.record(iteration: 2, objective: { 1 }, coefficients: { ([1], 0) })
        #expect(recorder.points.count == 2)
        #expect(recorder.points[0].error == 6)
        #expect(recorder.points[1].error == 1)
        #expect(recorder.points[1].seconds - recorder.points[0].seconds < 0.1)
        #expect(recorder.clock.seconds < 0.1)
    }

    @Test func intervalZeroIsNeverDue() {
        let recorder = HistoryRecorder(interval: 0, monitor: nil)
        #expect(!recorder.isDue(0) && !recorder.isDue(10))
    }
}
