import Testing
@testable import LinearAlgebra

@Suite struct BLASPointersTests {
    @Test func transposeTimesAndTimesOnRawMemory() throws {
        // A = [[1, 2], [3, 4], [5, 6]] column-major.
        let a: [Double] = [1, 3, 5, 2, 4, 6]
        let x: [Double] = [1, -1, 2]
        var y = [Double](repeating: 7, count: 2)
        a.withUnsafeBufferPointer { ap in
            x.withUnsafeBufferPointer { xp in
                y.withUnsafeMutableBufferPointer { yp in
                    BLAS.transposeTimes(rows: 3, columns: 2, ap.baseAddress!, xp.baseAddress!, into: yp.baseAddress!)
                }
            }
        }
        #expect(y == [8, 10]) // Aᵀx
        var z: [Double] = [1, 1, 1]
        let v: [Double] = [2, -1]
        a.withUnsafeBufferPointer { ap in
            v.withUnsafeBufferPointer { vp in
                z.withUnsafeMutableBufferPointer { zp in
                    BLAS.times(rows: 3, columns: 2, alpha: -1, ap.baseAddress!, vp.baseAddress!, beta: 2, into: zp.baseAddress!)
                }
            }
        }
        #expect(z == [2, 0, -2]) // 2·1 − (A v) with A v = [0, 2, 4]
    }

    @Test func emptyShapesNeverReachBLAS() {
        var y = [Double](repeating: 3, count: 2)
        let dummy: [Double] = [0]
        dummy.withUnsafeBufferPointer { d in
            y.withUnsafeMutableBufferPointer { yp in
                BLAS.transposeTimes(rows: 0, columns: 2, d.baseAddress!, d.baseAddress!, into: yp.baseAddress!)
            }
        }
        #expect(y == [0, 0])
    }
}
