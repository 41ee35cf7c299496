import Foundation

/// Number formatting for the report (locale-independent).
enum Format {
    /// "1.23e-07".
    static func sci(_ v: Double) -> String { v.isFinite ? String(format: "%.2e", v) : "\(v)" }
    /// "0.0123 s", "12.3 s", "1.2 ms".
    static func seconds(_ v: Double) -> String {
        guard v.isFinite else { return "—" }
        if v < 1e-3 { return String(format: "%.3g ms", v * 1e3) }
        return String(format: "%.3g s", v)
    }
    /// "31×", "0.42×".
    static func ratio(_ v: Double) -> String { v.isFinite ? String(format: "%.3g×", v) : "—" }
    /// "%.3g".
    static func short(_ v: Double) -> String { String(format: "%.3g", v) }
}
