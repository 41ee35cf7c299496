import Foundation

/// Text and numbers as they go into SVG: XML-escaped strings and locale-independent numbers.
enum SVGText {
    /// `s` with the five XML special characters escaped, and control characters (which XML 1.0
    /// forbids) dropped.
    static func escape(_ s: String) -> String {
        var out = ""
        out.reserveCapacity(s.count)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out += " "
            default:
                if scalar.value < 0x20 || (0xFFFE...0xFFFF).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// A coordinate with two decimals ("12.35").
    static func coordinate(_ v: Double) -> String { String(format: "%.2f", v) }

    /// A tick label: "0.5", "200", "1e-06" — the shortest of %g with 4 significant digits.
    static func tick(_ v: Double) -> String {
        if v == 0 { return "0" }
        return String(format: "%.4g", v)
    }
}
