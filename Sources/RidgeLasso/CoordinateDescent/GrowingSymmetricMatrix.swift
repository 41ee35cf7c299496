/// A symmetric matrix whose order grows as rows are appended (the Newton Gram rows of features
/// as they first enter a Newton step; the products of kept border columns). It lives in a square
/// buffer with spare capacity that grows geometrically up to `limit`, so appending rows copies
/// the old entries only when the capacity is exceeded.
struct GrowingSymmetricMatrix {
    /// Entries, (a, b) at a · stride + b, both triangles.
    private(set) var storage: [Double] = []
    /// Row stride of `storage` (its capacity in rows).
    private(set) var stride = 0
    /// Rows (and columns) filled so far.
    private(set) var order = 0
    /// Capacity of the first allocation.
    let minimumCapacity: Int
    /// Largest order.
    let limit: Int

    init(minimumCapacity: Int, limit: Int) {
        self.minimumCapacity = minimumCapacity
        self.limit = limit
    }

    @inline(__always)
    subscript(a: Int, b: Int) -> Double { storage[a * stride + b] }

    /// Forgets every entry.
    mutating func removeAll() {
        storage = []
        stride = 0
        order = 0
    }

    /// Appends `fresh` rows and their mirrored columns: entry (order + k, b) is `scale` times
    /// `products[k + b · fresh]` for b < order + fresh (a column-major fresh × (order + fresh)
    /// block: the new rows against every row, themselves included). False, and nothing
    /// changed, when the order would exceed `limit` or `products` is too short.
    @discardableResult
    mutating func append(rows fresh: Int, products: [Double], scale: Double = 1) -> Bool {
        let old = order, total = old + fresh
        guard fresh >= 0, total <= limit, products.count >= fresh * total else { return false }
        if total > stride {
            let capacity = min(max(total, 2 * stride, minimumCapacity), limit)
            var grown = [Double](repeating: 0, count: capacity * capacity)
            for a in 0..<old {
                for b in 0..<old { grown[a * capacity + b] = storage[a * stride + b] }
            }
            storage = grown
            stride = capacity
        }
        for k in 0..<fresh {
            let a = old + k
            for b in 0..<total {
                let value = scale * products[k + b * fresh]
                storage[a * stride + b] = value
                storage[b * stride + a] = value
            }
        }
        order = total
        return true
    }
}
