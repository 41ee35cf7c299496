import Testing
@testable import RidgeLasso

@Suite struct GrowingSymmetricMatrixTests {
    /// The symmetric matrix S(a, b) = 1 / (1 + a + 2b) + 1 / (1 + b + 2a), appended in batches.
    static func entry(_ a: Int, _ b: Int) -> Double { 1 / Double(1 + a + 2 * b) + 1 / Double(1 + b + 2 * a) }

    /// The column-major block of rows old..<old+fresh against rows 0..<old+fresh.
    static func block(old: Int, fresh: Int) -> [Double] {
        let total = old + fresh
        var products = [Double](repeating: 0, count: fresh * total)
        for k in 0..<fresh { for b in 0..<total { products[k + b * fresh] = entry(old + k, b) } }
        return products
    }

    @Test func batchesBuildTheWholeMatrixAndCapacityGrowsGeometrically() {
        var matrix = GrowingSymmetricMatrix(minimumCapacity: 4, limit: 40)
        var strides: [Int] = []
        var order = 0
        for fresh in [1, 2, 3, 1, 10, 6] {
            let appended = matrix.append(rows: fresh, products: Self.block(old: order, fresh: fresh), scale: 2)
            #expect(appended)
            order += fresh
            strides.append(matrix.stride)
            #expect(matrix.order == order)
            for a in 0..<order {
                for b in 0..<order { #expect(matrix[a, b] == 2 * Self.entry(a, b), "(\(a), \(b)) at order \(order)") }
            }
        }
        #expect(strides == [4, 4, 8, 8, 17, 34])   // max(order, 2 × capacity, 4)
    }

    @Test func theLimitAndShortInputDeclineWithoutChanges() {
        var matrix = GrowingSymmetricMatrix(minimumCapacity: 4, limit: 6)
        let five = matrix.append(rows: 5, products: Self.block(old: 0, fresh: 5))
        let overLimit = matrix.append(rows: 2, products: Self.block(old: 5, fresh: 2))   // order 7 > 6
        let short = matrix.append(rows: 1, products: [1, 2])                             // needs 6 values
        #expect(five && !overLimit && !short)
        #expect(matrix.order == 5 && matrix.stride == 5)
        #expect(matrix[4, 1] == Self.entry(4, 1))
        matrix.removeAll()
        #expect(matrix.order == 0 && matrix.stride == 0 && matrix.storage.isEmpty)
        let one = matrix.append(rows: 1, products: [3])
        #expect(one && matrix[0, 0] == 3)
    }
}
