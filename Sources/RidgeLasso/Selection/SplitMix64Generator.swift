/// SplitMix64 (Steele, Lea & Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014):
/// a tiny, seeded, platform-independent generator, so that a fold assignment drawn from a seed is
/// the same on every machine and in every Swift version.
///
/// Not cryptographic. Used only to shuffle rows into cross-validation folds.
struct SplitMix64Generator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose sequence is fixed by `seed`.
    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform integer in `0..<bound` by Lemire's multiply-and-reject method, written out here
    /// (rather than `Int.random(in:using:)`) so the sequence cannot change with the standard library.
    mutating func nextIndex(below bound: Int) -> Int {
        precondition(bound > 0, "SplitMix64Generator.nextIndex: bound must be positive")
        let b = UInt64(bound)
        var product = next().multipliedFullWidth(by: b)
        if product.low < b {
            let threshold = (0 &- b) % b
            while product.low < threshold { product = next().multipliedFullWidth(by: b) }
        }
        return Int(product.high)
    }
}
