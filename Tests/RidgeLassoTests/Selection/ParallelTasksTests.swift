import Testing
@testable import RidgeLasso

@Suite("ParallelTasks: results in task order whatever the thread count")
struct ParallelTasksTests {
    @Test("results come back in task order for 1, 2, 3 and 16 threads")
    func order() throws {
        for threads in [1, 2, 3, 16] {
            let out = try ParallelTasks.map(count: 37, threads: threads) { (i: Int) throws(RegressionError) -> Int in i * i }
            #expect(out == (0..<37).map { $0 * $0 })
        }
        #expect(try ParallelTasks.map(count: 0, threads: 4) { (i: Int) throws(RegressionError) -> Int in i }.isEmpty)
    }

    @Test("the first error in task order is rethrown, whichever thread met it first")
    func firstError() {
        for threads in [1, 4] {
            #expect(throws: RegressionError.singular("task 3")) {
                try ParallelTasks.map(count: 10, threads: threads) { (i: Int) throws(RegressionError) -> Int in
                    if i == 3 || i == 8 { throw .singular("task \(i)") }
                    return i
                }
            }
        }
    }
}
