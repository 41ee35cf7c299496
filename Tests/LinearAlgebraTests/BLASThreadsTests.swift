import Testing
@testable import LinearAlgebra

@Suite("BLASThreads")
struct BLASThreadsTests {
    /// The restore logic is tested deterministically in ``ScopedSettingTests``; here only what
    /// holds even while other suites' cross-validations hold scopes of their own in this process.
    @Test("with(threads:) runs OpenBLAS at that count inside, and passes errors through")
    func setInside() throws {
        guard BLASThreads.count != nil else {
            // The reference BLAS: nothing to control; the body still runs.
            #expect(BLASThreads.with(threads: 1) { 42 } == 42)
            return
        }
        #expect(BLASThreads.with(threads: 1) { BLASThreads.count } == 1)
        #expect(BLASThreads.with(threads: 1) { BLASThreads.with(threads: 1) { BLASThreads.count } } == 1)
        #expect(BLASThreads.with(threads: 0) { BLASThreads.count } == 1)   // below 1: taken as 1, no trap
        struct Failure: Error {}
        #expect(throws: Failure.self) { try BLASThreads.with(threads: 1) { () throws(Failure) -> Int in throw Failure() } }
    }

    @Test("a product computed with BLAS single-threaded equals the textbook product")
    func product() throws {
        let a = randomMatrix(300, 200, seed: 1), b = randomMatrix(200, 50, seed: 2)
        let c = try BLASThreads.with(threads: 1) { () throws(LinearAlgebraError) in try a.multiplied(by: b) }
        #expect(maxAbsDifference(c, naiveProduct(a, b)) < 1e-12)
    }
}
