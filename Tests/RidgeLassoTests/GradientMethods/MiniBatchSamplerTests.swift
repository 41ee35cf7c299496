import Testing
@testable import RidgeLasso

@Suite struct MiniBatchSamplerTests {
    @Test func everyEpochIsAPermutationCutIntoBatches() {
        var sampler = MiniBatchSampler(rows: 23, batchSize: 5, seed: 7)
        var epochs: [[Int]] = []
        for _ in 0..<3 {
            let batches = sampler.nextEpoch()
            #expect(batches.map(\.count) == [5, 5, 5, 5, 3])
            let all = batches.flatMap { $0 }
            #expect(all.sorted() == Array(0..<23))
            epochs.append(all)
        }
        #expect(epochs[0] != epochs[1])  // reshuffled each epoch
        var again = MiniBatchSampler(rows: 23, batchSize: 5, seed: 7)
        #expect(again.nextEpoch().flatMap { $0 } == epochs[0])  // reproducible from the seed
        var other = MiniBatchSampler(rows: 23, batchSize: 5, seed: 8)
        #expect(other.nextEpoch().flatMap { $0 } != epochs[0])
    }

    @Test func batchLargerThanTheDataIsOneBatch() {
        var sampler = MiniBatchSampler(rows: 4, batchSize: 100, seed: 1)
        #expect(sampler.nextEpoch().count == 1)
    }
}
