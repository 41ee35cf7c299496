/// SplitMix64 (Steele, Lea & Flood, "Fast splittable pseudorandom number generators", OOPSLA
/// 2014): the package's one seeded generator. Its sequence is fixed by the seed on every machine
/// and in every Swift version, so fold assignments, mini-batch orders, power-iteration starts and
/// the benchmark's problems are reproducible (and reproducible from Python: the scripts in
/// `Benchmarks/compare` and the fixture generators transcribe the same few lines).
///
/// Not cryptographic.
package struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose sequence is fixed by `seed`.
    package init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    package mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1) from the top 53 bits.
    package mutating func nextUniform() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// A uniform integer in `0..<bound` by Lemire's multiply-and-reject method, written out here
    /// (rather than `Int.random(in:using:)`) so the sequence cannot change with the standard library.
    package mutating func nextIndex(below bound: Int) -> Int {
        precondition(bound > 0, "SplitMix64.nextIndex: bound must be positive")
        let b = UInt64(bound)
        var product = next().multipliedFullWidth(by: b)
        if product.low < b {
            let threshold = (0 &- b) % b
            while product.low < threshold { product = next().multipliedFullWidth(by: b) }
        }
        return Int(product.high)
    }
}
