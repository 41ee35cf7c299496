import Foundation
import Testing
@testable import BenchmarkSuite

/// ``TimingServer``: one reply line per request, a duration for a valid request and an
/// `error:` line (never a crash) for anything else; an empty line ends the loop.
@Suite struct TimingServerTests {
    private func serve(_ requests: [String]) -> [String] {
        var pending = requests[...]
        var replies: [String] = []
        TimingServer.run(readLine: { pending.popFirst() }, reply: { replies.append($0) })
        return replies
    }

    @Test func answersEveryRequestInOrder() throws {
        let replies = serve(["ridge 60 5 42 1", "bogus", "ridge 60 x 42 1", "lasso /nonexistent-dir lasso_path",
                             "ridge 60 5 42 1", "", "ridge 60 5 42 1"])
        #expect(replies.count == 5)   // nothing after the empty line
        for k in [0, 4] {
            let seconds = try #require(Double(replies[k]), "reply \(k): \(replies[k])")
            #expect(seconds > 0 && seconds < 60)
        }
        #expect(replies[1] == "error: unknown request: bogus")
        #expect(replies[2] == "error: bad ridge request: ridge 60 x 42 1")
        #expect(replies[3].hasPrefix("error: "))
        #expect(!replies[3].contains("\n"))
    }

    @Test func servesALassoComparisonProblem() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("timing-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: directory) }
        _ = try LassoComparison.run(outputDirectory: directory, repeats: 1, quick: true, problems: ["diabetes"], log: { _ in })
        let replies = serve(["lasso \(directory)/diabetes lasso_path", "lasso \(directory)/diabetes lasso_single 1e-4",
                             "lasso \(directory)/diabetes no_such_task"])
        #expect(Double(replies[0]).map { $0 > 0 } == true, "\(replies)")
        #expect(Double(replies[1]).map { $0 > 0 } == true, "\(replies)")
        #expect(replies[2] == "error: \(directory)/diabetes/meta.json has no task no_such_task")
    }
}
