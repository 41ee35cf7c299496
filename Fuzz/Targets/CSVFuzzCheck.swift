// Shared checks of the CSV fuzz targets: a failed property ends the process (libFuzzer then
// records the input as a crash).
#if canImport(Glibc)
import Glibc
#endif
import RidgeLassoCSV

enum FuzzCheck {
    static func fail(_ message: String) -> Never {
        fputs("property failed: \(message)\n", stderr)
        abort()
    }

    /// An error message: non-empty, one line.
    static func message(_ text: String) {
        if text.isEmpty { fail("empty error message") }
        if text.contains(where: { $0 == "\n" || $0 == "\r" }) { fail("error message on several lines: \(text)") }
    }

    /// A table as the reader promises it: names non-empty and distinct, at least one row,
    /// every value finite.
    static func wellFormed(_ t: CSVTable) {
        if t.columnNames.isEmpty || t.columnNames.count != t.values.columns { fail("names \(t.columnNames.count), columns \(t.values.columns)") }
        if t.values.rows < 1 { fail("a table without rows") }
        if Set(t.columnNames).count != t.columnNames.count { fail("duplicate names \(t.columnNames)") }
        if t.columnNames.contains(where: \.isEmpty) { fail("an empty name") }
        if t.values.storage.contains(where: { !$0.isFinite }) { fail("a non-finite value") }
    }

    /// Same names, same shape, bit-identical values.
    static func same(_ a: CSVTable, _ b: CSVTable, _ what: @autoclosure () -> String) {
        guard a.columnNames == b.columnNames, a.values.rows == b.values.rows, a.values.columns == b.values.columns,
              zip(a.values.storage, b.values.storage).allSatisfy({ $0.bitPattern == $1.bitPattern })
        else { fail(what()) }
    }

    /// The table written as CSV: every name quoted (RFC 4180, `"` doubled), values in Swift's
    /// shortest round-trip form.
    static func csv(_ t: CSVTable) -> String {
        var out = t.columnNames.map { "\"" + $0.replacingAll("\"", "\"\"") + "\"" }.joined(separator: ",") + "\n"
        for i in 0..<t.values.rows {
            out += (0..<t.values.columns).map { t.values[i, $0].description }.joined(separator: ",") + "\n"
        }
        return out
    }
}

extension String {
    /// Replaces every scalar `a` (scalars, not characters: a quote followed by a combining mark
    /// is one `Character` but still a quote byte to the reader).
    fileprivate func replacingAll(_ a: Unicode.Scalar, _ b: String) -> String {
        var out = ""
        for c in unicodeScalars { if c == a { out += b } else { out.unicodeScalars.append(c) } }
        return out
    }
}
