import Foundation
import Testing
@testable import LinearAlgebra

@Suite("BLASThreads")
struct BLASThreadsTests {
    @Test("with(threads:) sets OpenBLAS's count inside and restores it after, also on a throw")
    func setAndRestore() throws {
        guard let before = BLASThreads.count else {
            // The reference BLAS: nothing to control; the body still runs.
            #expect(BLASThreads.with(threads: 1) { 42 } == 42)
            return
        }
        let inside = BLASThreads.with(threads: 1) { BLASThreads.count }
        #expect(inside == 1)
        #expect(BLASThreads.count == before)
        struct Failure: Error {}
        #expect(throws: Failure.self) { try BLASThreads.with(threads: 1) { () throws(Failure) -> Int in throw Failure() } }
        #expect(BLASThreads.count == before)
    }

    @Test("overlapping scopes share one setting: one ending does not change it under another")
    func overlappingScopes() throws {
        guard (BLASThreads.count ?? 1) > 1 else { return }   // nothing observable otherwise
        // Nested: the inner scope's end leaves the outer one at 1.
        let afterInner = BLASThreads.with(threads: 1) { () -> Int? in
            _ = BLASThreads.with(threads: 1) { BLASThreads.count }
            return BLASThreads.count
        }
        #expect(afterInner == 1)
        // Two threads: A enters, B enters, A leaves; B must still see 1.
        let aEntered = DispatchSemaphore(value: 0), bEntered = DispatchSemaphore(value: 0)
        let aLeft = DispatchSemaphore(value: 0), bDone = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var seenByB: Int? = nil
        Thread {
            BLASThreads.with(threads: 1) { aEntered.signal(); bEntered.wait() }
            aLeft.signal()
        }.start()
        Thread {
            aEntered.wait()
            BLASThreads.with(threads: 1) {
                bEntered.signal()
                aLeft.wait()
                seenByB = BLASThreads.count
            }
            bDone.signal()
        }.start()
        bDone.wait()
        #expect(seenByB == 1)
        // (The count after both is not checked here: other suites' cross-validations run
        // concurrently in this process and may hold a scope of their own.)
    }

    @Test("a product computed with BLAS single-threaded equals the textbook product")
    func product() throws {
        let a = randomMatrix(300, 200, seed: 1), b = randomMatrix(200, 50, seed: 2)
        let c = try BLASThreads.with(threads: 1) { () throws(LinearAlgebraError) in try a.multiplied(by: b) }
        #expect(maxAbsDifference(c, naiveProduct(a, b)) < 1e-12)
    }
}
