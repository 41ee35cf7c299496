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

    @Test func transposeProductOfTwoPartsOfOneBuffer() {
        // Columns x₀ = [1, 3, 5], x₁ = [2, 4, 6], x₂ = [1, 0, −1] in one buffer; C = [x₁ x₂]ᵀ[x₀ x₁ x₂].
        let buffer: [Double] = [1, 3, 5, 2, 4, 6, 1, 0, -1]
        var c = [Double](repeating: .nan, count: 6)
        buffer.withUnsafeBufferPointer { b in
            c.withUnsafeMutableBufferPointer { cp in
                BLAS.transposeProduct(rows: 3, aColumns: 2, bColumns: 3, b.baseAddress! + 3, b.baseAddress!,
                                      into: cp.baseAddress!)
            }
        }
        // Column-major 2 × 3: (x₁ᵀx₀, x₂ᵀx₀), (x₁ᵀx₁, x₂ᵀx₁), (x₁ᵀx₂, x₂ᵀx₂).
        #expect(c == [44, -4, 56, -4, -4, 2])
        var empty = [Double](repeating: .nan, count: 4)
        buffer.withUnsafeBufferPointer { b in
            empty.withUnsafeMutableBufferPointer { cp in
                BLAS.transposeProduct(rows: 0, aColumns: 2, bColumns: 2, b.baseAddress!, b.baseAddress!,
                                      into: cp.baseAddress!)
            }
        }
        #expect(empty == [0, 0, 0, 0])
    }
}
