import Foundation
@testable import RidgeLassoCSV
import Testing

/// Inputs the fuzz targets (Fuzz/Targets) found to break a property, kept as regression tests.
@Suite("CSVReader fuzz regressions")
struct CSVFuzzRegressionTests {
    /// A CRLF inside a quoted header name is part of the name (RFC 4180): it used to lose its CR,
    /// so the name written back with its quotes read back as a different name.
    @Test func crlfInsideAQuotedNameIsKept() throws {
        let t = try CSVReader.parse("\"a\r\nb\",\"c\r\r\nd\"\r\n1,2\r\n", source: "q.csv")
        #expect(t.columnNames == ["a\r\nb", "c\r\r\nd"])
        #expect(t.values.storage == [1, 2])
        let u = try CSVReader.parse("\"a\nb\",c\r\n1,2\r\n", source: "q.csv")
        #expect(u.columnNames == ["a\nb", "c"])
    }
}
