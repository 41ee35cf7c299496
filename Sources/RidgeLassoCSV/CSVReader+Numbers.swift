#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

// Number parsing shared by the CSV readers and the svmlight reader: a decimal fast path that is
// correctly rounded (exact powers of ten, then 80-bit arithmetic on x86-64), and the C library's
// `strtod` for every case it does not cover.
extension CSVReader {
    /// The eight bytes at `p` as a number when all eight are ASCII digits (SWAR: one 64-bit load,
    /// a digit test and three multiplications instead of eight dependent steps), and how many of
    /// them are leading zeros. The caller guarantees 8 readable bytes.
    @inline(__always)
    private static func eightDigits(_ p: UnsafePointer<UInt8>) -> (UInt64, Int)? {
        let raw = UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self))
        // Every byte 0x30…0x39: high nibble 3, and adding 6 leaves the high nibble 3.
        let highNibbles = raw & 0xF0F0_F0F0_F0F0_F0F0
        let carried = (raw &+ 0x0606_0606_0606_0606) & 0xF0F0_F0F0_F0F0_F0F0
        guard highNibbles | (carried >> 4) == 0x3333_3333_3333_3333 else { return nil }
        let digits = raw &- 0x3030_3030_3030_3030   // bytes 0…9, first digit in the low byte
        let nonzero = (digits &+ 0x7F7F_7F7F_7F7F_7F7F) & 0x8080_8080_8080_8080
        let leadingZeros = nonzero.trailingZeroBitCount / 8
        let mask: UInt64 = 0x0000_00FF_0000_00FF
        let multiplier1: UInt64 = 100 | (1_000_000 << 32)
        let multiplier2: UInt64 = 1 | (10_000 << 32)
        let pairs: UInt64 = digits &* 10 &+ (digits >> 8)   // d₀·10 + d₁ in each even byte
        let high: UInt64 = (pairs & mask) &* multiplier1
        let low: UInt64 = ((pairs >> 16) & mask) &* multiplier2
        return (((high &+ low) >> 32) & 0xFFFF_FFFF, leadingZeros)
    }

    /// Exact powers of ten 10⁰…10²² (all exactly representable as doubles).
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// Reads one number starting at `p` (not at a blank), stopping at the first byte that cannot
    /// continue it. Returns the value and where it stopped, or `nil` when no number starts at `p`.
    /// The bytes at and after `end` must hold a byte that ends a number (`,`, `\r`, `\n`, `"`, NUL).
    @inline(__always)
    static func parseNumber(_ p: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>)
        -> (Double, UnsafePointer<UInt8>)? {
        var q = p
        var negative = false
        if q < end, q[0] == UInt8(ascii: "-") || q[0] == UInt8(ascii: "+") {
            negative = q[0] == UInt8(ascii: "-")
            q += 1
        }
        var mantissa: UInt64 = 0
        var significant = 0
        var exponent = 0
        var sawDigit = false
        var inexact = false
        while end - q >= 8, significant <= 11, let (chunk, leadingZeros) = eightDigits(q) {
            if mantissa == 0 { significant = 8 - leadingZeros } else { significant += 8 }
            mantissa = mantissa &* 100_000_000 &+ chunk
            sawDigit = true
            q += 8
        }
        while q < end {
            let d = q[0] &- 48
            guard d < 10 else { break }
            sawDigit = true
            if significant < 19 {
                mantissa = mantissa &* 10 &+ UInt64(d)
                if mantissa != 0 { significant += 1 }
            } else {
                exponent += 1
                if d != 0 { inexact = true }
            }
            q += 1
        }
        if q < end, q[0] == UInt8(ascii: ".") {
            q += 1
            while end - q >= 8, significant <= 11, let (chunk, leadingZeros) = eightDigits(q) {
                if mantissa == 0 { significant = 8 - leadingZeros } else { significant += 8 }
                mantissa = mantissa &* 100_000_000 &+ chunk
                exponent -= 8
                sawDigit = true
                q += 8
            }
            while q < end {
                let d = q[0] &- 48
                guard d < 10 else { break }
                sawDigit = true
                if significant < 19 {
                    mantissa = mantissa &* 10 &+ UInt64(d)
                    if mantissa != 0 { significant += 1 }
                    exponent -= 1
                } else if d != 0 {
                    inexact = true
                }
                q += 1
            }
        }
        if sawDigit, q < end, q[0] == UInt8(ascii: "e") || q[0] == UInt8(ascii: "E") {
            var r = q + 1
            var negativeExponent = false
            if r < end, r[0] == UInt8(ascii: "-") || r[0] == UInt8(ascii: "+") {
                negativeExponent = r[0] == UInt8(ascii: "-")
                r += 1
            }
            var e = 0
            var sawExponentDigit = false
            while r < end {
                let d = r[0] &- 48
                guard d < 10 else { break }
                sawExponentDigit = true
                if e < 100_000 { e = e * 10 + Int(d) }
                r += 1
            }
            if sawExponentDigit {
                exponent += negativeExponent ? -e : e
                q = r
            } else {
                return strtodNumber(p, end)   // "1e" or "1e+": let strtod decide (it stops at "e")
            }
        }
        guard sawDigit, q < end ? !isNumberContinuation(q[0]) : true else {
            return strtodNumber(p, end)   // inf, nan, hexadecimal, or not a number at all
        }
        if inexact { return strtodNumber(p, end) }
        var value: Double
        if mantissa == 0 {
            value = 0
        } else if mantissa <= 1 << 53, exponent >= -22, exponent <= 22 {
            value = Double(mantissa)
            value = exponent >= 0 ? value * powersOfTen[exponent] : value / powersOfTen[-exponent]
        } else {
            #if arch(x86_64) && !os(Windows) && !os(Android)
            guard let v = extendedFastPath(mantissa, exponent) else { return strtodNumber(p, end) }
            value = v
            #else
            return strtodNumber(p, end)
            #endif
        }
        return (negative ? -value : value, q)
    }

    #if arch(x86_64) && !os(Windows) && !os(Android)
    /// Exact powers of ten 10⁰…10²⁷ in the x87 80-bit format (5²⁷ < 2⁶⁴, so all are exact).
    private static let extendedPowersOfTen: [Float80] = (0...27).map { k in
        var x: Float80 = 1
        for _ in 0..<k { x *= 10 }
        return x
    }

    /// m·10ᵉ for m < 2⁶⁴ (17–19 significant digits) and |e| ≤ 27: m and 10^|e| are exact in the
    /// 64-bit significand of `Float80`, so one operation rounds correctly to 64 bits; rounding that
    /// to 53 bits is correct unless the 64-bit result sits within one unit of a halfway point
    /// between two doubles (the 11 dropped bits near 100 0000 0000₂), where double rounding could
    /// err: then `nil`, and the caller uses `strtod`.
    @inline(__always)
    private static func extendedFastPath(_ mantissa: UInt64, _ exponent: Int) -> Double? {
        guard exponent >= -27, exponent <= 27 else { return nil }
        let m = Float80(mantissa)
        let r = exponent >= 0 ? m * extendedPowersOfTen[exponent] : m / extendedPowersOfTen[-exponent]
        let dropped = r.significandBitPattern & 0x7FF
        guard r.isNormal, dropped < 0x3FF || dropped > 0x401 else { return nil }
        let d = Double(r)
        return d.isFinite ? d : nil
    }
    #endif

    /// Letters that may continue a number for `strtod` (hexadecimal digits, `x`, `p`, `inf`, `nan`…):
    /// when one follows the decimal prefix, `strtod` reads the whole cell instead.
    @inline(__always)
    private static func isNumberContinuation(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || b == UInt8(ascii: ".")
    }

    /// The C library's correctly rounded conversion, for the cases the fast path does not cover.
    private static func strtodNumber(_ p: UnsafePointer<UInt8>, _ end: UnsafePointer<UInt8>)
        -> (Double, UnsafePointer<UInt8>)? {
        // strtod skips leading white space of any kind: make sure none is there.
        guard p < end, isspace(Int32(p[0])) == 0 else { return nil }
        var stop: UnsafeMutablePointer<CChar>?
        let value = p.withMemoryRebound(to: CChar.self, capacity: 1) { c in strtod(c, &stop) }
        guard let stop else { return nil }
        let consumed = UnsafeRawPointer(stop) - UnsafeRawPointer(p)
        guard consumed > 0, consumed <= end - p else { return nil }
        return (value, p + consumed)
    }
}
