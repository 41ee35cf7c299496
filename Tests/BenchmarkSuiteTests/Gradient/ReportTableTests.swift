import Testing
@testable import BenchmarkSuite

@Suite struct ReportTableTests {
    @Test func alignsColumns() {
        let text = ReportTable.table([["method", "time"], ["FISTA", "1.5 s"], ["coordinate descent", "12 ms"]])
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(Set(lines.map(\.count)).count == 1)  // equal widths
        #expect(lines[2].hasPrefix("   coordinate descent"))
        #expect(lines[1].hasSuffix("1.5 s"))
    }

    @Test func formats() {
        #expect(Format.sci(1.234e-7) == "1.23e-07")
        #expect(Format.seconds(0.0005) == "0.5 ms")
        #expect(Format.seconds(12.34) == "12.3 s")
        #expect(Format.ratio(31.04) == "31×")
    }
}
