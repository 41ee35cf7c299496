/// Seeded mini-batches: each epoch is a fresh Fisher–Yates shuffle of the rows, cut into batches
/// of `batchSize` (the last one may be smaller). Two runs with the same seed see the same batches
/// in the same order, which is what makes SGD + L2 and SGD + weight decay comparable step by step.
struct MiniBatchSampler {
    let rows: Int
    let batchSize: Int
    private var rng: SplitMix64
    private var order: [Int]

    init(rows: Int, batchSize: Int, seed: UInt64) {
        self.rows = rows
        self.batchSize = min(max(1, batchSize), max(1, rows))
        rng = SplitMix64(seed: seed)
        order = Array(0..<rows)
    }

    /// The batches of the next epoch.
    mutating func nextEpoch() -> [[Int]] {
        order.shuffle(using: &rng)
        return stride(from: 0, to: rows, by: batchSize).map { Array(order[$0..<min($0 + batchSize, rows)]) }
    }
}
