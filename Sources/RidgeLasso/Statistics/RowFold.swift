/// The cross-validation fold of a row from its global index alone, so that shards read on
/// different machines assign folds consistently without seeing each other.
///
/// The fold of row i (0-based over the whole data) is ⌊h·K / 2⁶⁴⌋ where h is output i + 1 of
/// SplitMix64 seeded with `seed` (h = mix(seed + (i + 1)·0x9E3779B97F4A7C15), Steele, Lea &
/// Flood 2014): a multiply-shift reduction of a well-mixed 64-bit hash, uniform to within K/2⁶⁴.
/// Folds are therefore of random, not equal, sizes (binomial around n/K).
public enum RowFold {
    /// The fold in 0..<folds of global row `row` (≥ 0); `folds` ≥ 1.
    public static func fold(ofRow row: Int, seed: UInt64, folds: Int) -> Int {
        precondition(row >= 0 && folds >= 1, "RowFold.fold: row \(row) and folds \(folds) must be ≥ 0 and ≥ 1")
        var generator = SplitMix64(seed: seed &+ UInt64(row) &* 0x9E37_79B9_7F4A_7C15)
        return Int(generator.next().multipliedFullWidth(by: UInt64(folds)).high)
    }
}
