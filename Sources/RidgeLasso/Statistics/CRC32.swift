/// CRC-32 as in IEEE 802.3, zlib, PNG and gzip: the reflected polynomial 0xEDB88320, initial
/// value and final XOR 0xFFFFFFFF. The check value of the ASCII bytes "123456789" is 0xCBF43926.
///
/// Used as the trailer of `.rlstats` files, where it detects every burst error of up to 32 bits
/// and any odd number of flipped bits (it protects against accidents, not against tampering).
package struct CRC32: Sendable {
    /// The checksum of the bytes fed so far.
    package private(set) var value: UInt32 = 0

    private var state: UInt32 = 0xFFFF_FFFF

    /// A checksum of no bytes yet.
    package init() {}

    /// The checksum of `bytes` in one call.
    package static func checksum<C: Collection>(_ bytes: C) -> UInt32 where C.Element == UInt8 {
        var crc = CRC32()
        crc.update(bytes)
        return crc.value
    }

    /// Feeds more bytes.
    /// - Complexity: one table look-up per byte.
    package mutating func update<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        var c = state
        for b in bytes {
            c = Self.table[Int((c ^ UInt32(b)) & 0xFF)] ^ (c >> 8)
        }
        state = c
        value = c ^ 0xFFFF_FFFF
    }

    /// The remainder of every byte value, shifted through the reflected polynomial.
    private static let table: [UInt32] = (0..<256).map { (n: UInt32) -> UInt32 in
        var c = n
        for _ in 0..<8 { c = (c & 1) != 0 ? 0xEDB8_8320 ^ (c >> 1) : c >> 1 }
        return c
    }
}
