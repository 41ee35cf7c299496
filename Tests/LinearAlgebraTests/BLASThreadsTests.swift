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

    @Test("a product computed with BLAS single-threaded equals the textbook product")
    func product() throws {
        let a = randomMatrix(300, 200, seed: 1), b = randomMatrix(200, 50, seed: 2)
        let c = try BLASThreads.with(threads: 1) { () throws(LinearAlgebraError) in try a.multiplied(by: b) }
        #expect(maxAbsDifference(c, naiveProduct(a, b)) < 1e-12)
    }
}
